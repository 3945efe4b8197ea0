"""The audit log read back: one record's history and everything's, newest first."""

from __future__ import annotations

from dataclasses import replace

from sms_desktop.domain.enums import AuditAction
from sms_desktop.services.customers import CustomerInput
from sms_desktop.services.history import HistoryFilter
from sms_desktop.services.lists import Order
from sms_desktop.services.registry import Services
from tests.services.dataset import World

NEWEST = Order("at", descending=True)


def test_a_customers_history_names_the_record_and_the_owner(
    services: Services, world: World
) -> None:
    customers = services.customers
    new_id = customers.create(CustomerInput(name="深圳新客户电子有限公司", phone="0755-1"))
    before = customers.get(new_id).data
    customers.update(new_id, replace(before, phone="0755-8888 6666", owner_id=world.lina))

    history = services.history
    flt = HistoryFilter(entity="customer", entity_id=new_id)
    rows = history.page_rows(flt, NEWEST, offset=0, limit=50)
    assert history.count_rows(flt) == len(rows) == 3
    assert rows[-1].action is AuditAction.CREATE and rows[-1].new == "深圳新客户电子有限公司"
    changes = {r.field: (r.old, r.new) for r in rows if r.action is AuditAction.UPDATE}
    assert changes["phone"] == ("0755-1", "0755-8888 6666")
    assert changes["owner_id"] == (None, "Li Na")  # by name, not id
    assert {r.record for r in rows} == {"深圳新客户电子有限公司"}
    assert {r.actor for r in rows} == {"张明"}  # the one user: the owner
    assert rows[0].at >= rows[-1].at

    oldest = history.page_rows(flt, Order("at"), offset=0, limit=1)
    assert oldest[0].action is AuditAction.CREATE
    assert list(history.iter_rows(flt, NEWEST)) == rows


def test_search_and_kind_narrow_the_whole_history(services: Services) -> None:
    customers = services.customers
    customer_id = customers.create(CustomerInput(name="杭州瑞丰机械制造有限公司"))
    history = services.history
    everything = history.count_rows(HistoryFilter())
    assert everything >= 1
    found = history.page_rows(HistoryFilter(search="瑞丰"), NEWEST, offset=0, limit=10)
    assert [(r.entity, r.entity_id) for r in found] == [("customer", customer_id)]
    assert history.count_rows(HistoryFilter(search="100%_\\")) == 0  # wildcards are literal
    assert history.count_rows(HistoryFilter(entity="product", entity_id=customer_id)) == 0
    assert history.count_rows(HistoryFilter(), cap=1) == 1
