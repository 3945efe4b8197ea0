"""The list-query protocol: every list counts, pages and streams the same rows in the same order."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest

from sms_desktop.domain.clock import clock, local_zone
from sms_desktop.domain.tasks import GroupBounds
from sms_desktop.services.customers import CustomerFilter
from sms_desktop.services.lists import ListQuery, Order
from sms_desktop.services.pipeline import PipelineFilter
from sms_desktop.services.products import ProductFilter, ProductInput
from sms_desktop.services.quotes import QuoteFilter
from sms_desktop.services.registry import Services
from sms_desktop.services.tasks import TaskFilter, TaskList

# Each list: the service, a filter showing all of it, and two orders to read it in.
LISTS: dict[str, tuple[Callable[[Services], ListQuery[Any, Any, Any]], Callable[[], Any], str]] = {
    "customers": (lambda s: s.customers, CustomerFilter, "open_pipeline"),
    "deals": (lambda s: s.pipeline, lambda: PipelineFilter(status=None), "amount"),
    "quotes": (lambda s: s.quotes, QuoteFilter, "total"),
    "products": (lambda s: s.products, ProductFilter, "list_price"),
    "tasks": (
        lambda s: s.tasks,
        lambda: TaskList(TaskFilter(), None, GroupBounds.at(clock().now(), local_zone())),
        "subject",
    ),
}


@pytest.mark.parametrize("name", sorted(LISTS))
@pytest.mark.parametrize("descending", [False, True])
def test_pages_and_the_stream_agree_with_the_count(
    services: Services, name: str, descending: bool
) -> None:
    for n, price in enumerate(("99.50", "12.00", "350.00")):  # the dataset has no products
        services.products.create(
            ProductInput(sku=f"P-{n}", name_zh=f"产品{n}", list_price=Decimal(price))
        )
    service, make_filter, key = LISTS[name]
    query, flt, order = service(services), make_filter(), Order(key, descending)
    streamed = [row.id for row in query.iter_rows(flt, order)]
    assert len(streamed) == query.count_rows(flt) >= 3
    paged = []
    while page := query.page_rows(flt, order, offset=len(paged), limit=2):
        paged.extend(row.id for row in page)
    assert paged == streamed
    reverse = [row.id for row in query.iter_rows(flt, Order(key, not descending))]
    assert sorted(reverse) == sorted(streamed)


def test_a_capped_count_stops_at_the_cap(services: Services) -> None:
    assert services.customers.count_rows(CustomerFilter(), cap=2) == 2


def test_the_task_list_of_a_selection(services: Services) -> None:
    flt = LISTS["tasks"][1]()
    first, second, *_ = services.tasks.iter_rows(flt, Order("due"))
    chosen = TaskList(flt.filter, flt.group, flt.bounds, ids=(second.id, first.id))
    assert services.tasks.count_rows(chosen) == 2
    assert [r.id for r in services.tasks.page_rows(chosen, Order("due"), offset=0, limit=9)] == [
        first.id,
        second.id,
    ]
    assert [r.id for r in services.tasks.iter_rows(chosen, Order("due"))] == [first.id, second.id]
