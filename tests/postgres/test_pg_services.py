"""A first walk through the services on PostgreSQL: customers, a quote accepted into its order."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

import pytest

from sms_desktop.domain.enums import QuoteLineKind
from sms_desktop.persistence.db import open_database
from sms_desktop.services.customers import CustomerFilter, CustomerInput
from sms_desktop.services.quotes import LineData, QuoteInput
from sms_desktop.services.registry import Services
from sms_desktop.services.workspace import initialize_empty

D = Decimal
DAY = date(2027, 3, 1)


@pytest.fixture
def services(pg_url: str) -> Iterator[Services]:
    database = open_database(pg_url)
    initialize_empty(database, company_name="华夏贸易", owner_name="王伟")
    yield Services(database)
    database.close()


def names(services: Services, search: str) -> list[str]:
    return [r.name for r in services.customers.list_customers(CustomerFilter(search=search))]


def test_customers_are_created_edited_searched_and_listed(services: Services) -> None:
    huaxia = services.customers.create(
        CustomerInput("北京华夏科技有限公司", city="北京", phone="+86 138-1234-5678")
    )
    acme = services.customers.create(
        # More than a 32-bit integer of fen holds (21,474,836.47): bigint on PostgreSQL.
        CustomerInput("Acme Trading", city="上海", email="li@acme.cn", potential_value=D("3e7"))
    )
    assert services.customers.get(acme).data.potential_value == D("30000000.00")
    services.customers.create(CustomerInput("王伟工作室", city="杭州"))
    assert names(services, "") == ["Acme Trading", "北京华夏科技有限公司", "王伟工作室"]
    assert services.customers.count_customers() == 3
    # Search: Chinese, pinyin initials, a phone typed another way, one character, none.
    assert names(services, "华夏科技") == ["北京华夏科技有限公司"]
    assert names(services, "bjhx") == ["北京华夏科技有限公司"]
    assert names(services, "13812345678") == ["北京华夏科技有限公司"]
    assert names(services, "王") == ["王伟工作室"]
    assert names(services, "%_") == []
    before = services.customers.update(
        huaxia, replace(services.customers.get(huaxia).data, name="北京华夏集团")
    )
    assert before.name == "北京华夏科技有限公司"
    assert names(services, "集团") == ["北京华夏集团"]
    assert names(services, "科技") == []  # the search document followed the edit


def test_a_quote_is_numbered_and_accepted_into_an_order(services: Services) -> None:
    customer = services.customers.create(CustomerInput("上海蓝天贸易"))
    quote = services.quotes.save(
        None,
        QuoteInput(
            customer_id=customer,
            issue_date=DAY,
            valid_until=DAY + timedelta(days=30),
            lines=(
                LineData(kind=QuoteLineKind.SECTION, description="一、家具"),
                LineData(description="办公桌", quantity=D("2"), unit="张",
                         unit_price=D("900.00"), tax_rate=D("13")),
                LineData(description="安装服务", quantity=D("1"), unit="次",
                         unit_price=D("500.00"), tax_rate=D("6")),
            ),
        ),
    )  # fmt: skip
    assert (quote.subtotal, quote.tax_total, quote.total) == (
        D("2300.00"),
        D("264.00"),
        D("2564.00"),
    )
    services.quotes.send(quote.id)
    accepted = services.quotes.accept(quote.id, today=DAY)
    assert accepted.order is not None
    order = services.orders.get(accepted.order.id)
    assert order.total == D("2564.00")
    assert [r.number for r in services.quotes.list_quotes()] == [quote.number]
