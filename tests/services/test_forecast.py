"""The forecast service: history through the revenue definition, as of a day, and the
weighted pipeline beside each forecast period."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from sms_desktop.domain.calendar import add_months
from sms_desktop.domain.enums import OrderStatus, SalespersonRole, StageKind
from sms_desktop.domain.errors import NotFoundError, ValidationError
from sms_desktop.domain.forecast import ForecastCancelledError, Granularity, Method
from sms_desktop.persistence import models as m
from sms_desktop.services.forecast import ForecastMetric
from sms_desktop.services.registry import Services

SEASON = (100, 80, 120, 90, 110, 130, 150, 140, 100, 90, 160, 200)
FIRST = date(2021, 1, 1)
AS_OF = date(2024, 1, 15)  # three full years of history before it


@pytest.fixture
def shop(empty_services: Services) -> Services:
    """Three years of orders with an exact yearly season (net 1000 × the season's factor per
    month, tax on top), a cancelled order, and orders on and after the as-of month."""
    services = empty_services
    with services.db.write() as s:
        ann = m.Salesperson(name="安妮", name_en="Ann", role=SalespersonRole.OWNER)
        bob = m.Salesperson(name="鲍勃", name_en="Bob", role=SalespersonRole.SALES)
        s.add_all([ann, bob])
        s.flush()
        customer = m.Customer(name="北京华夏科技有限公司", owner_id=ann.id)
        s.add(customer)
        s.flush()
        number = 0

        def order(day: date, net: int, owner: int, status: OrderStatus) -> None:
            nonlocal number
            number += 1
            s.add(
                m.Order(
                    number=f"SO-{number:05d}",
                    customer_id=customer.id,
                    owner_id=owner,
                    order_date=day,
                    subtotal=Decimal(net),
                    tax_total=Decimal(net) * Decimal("0.13"),
                    total=Decimal(net) * Decimal("1.13"),
                    cost_total=Decimal(net) / 2,
                    status=status,
                )
            )

        for i in range(36):
            day = add_months(FIRST, i).replace(day=10)
            order(day, 10 * SEASON[i % 12] - 100, ann.id, OrderStatus.PAID)
            order(day.replace(day=20), 100, bob.id, OrderStatus.PAID)
            order(day.replace(day=25), 99_999, ann.id, OrderStatus.CANCELLED)
        order(date(2024, 1, 2), 1_000_000, ann.id, OrderStatus.PAID)  # in the as-of month
        order(date(2024, 3, 2), 1_000_000, ann.id, OrderStatus.PAID)
        stage = m.PipelineStage(
            key="proposal",
            name_zh="方案",
            name_en="Proposal",
            position=1,
            kind=StageKind.OPEN,
            default_probability=40,
        )
        s.add(stage)
        s.flush()
        for close, amount, override in (
            (date(2024, 1, 31), "1000.00", None),
            (date(2024, 2, 5), "333.33", 50),
            (date(2023, 12, 31), "5000.00", None),  # before the forecast: not counted
            (None, "7000.00", None),  # no close date: not in any period
        ):
            s.add(
                m.Opportunity(
                    customer_id=customer.id,
                    title="deal",
                    amount=Decimal(amount),
                    stage_id=stage.id,
                    expected_close=close,
                    probability_override=override,
                    owner_id=ann.id,
                )
            )
    return services


def test_seasonal_revenue_is_forecast_by_seasonal_naive(shop: Services) -> None:
    result = shop.forecast.forecast("revenue", "month", 12, as_of=AS_OF)
    assert [p.value for p in result.history][:3] == [Decimal(1000), Decimal(800), Decimal(1200)]
    assert len(result.history) == 36  # nothing of January 2024 or later, no cancelled order
    assert result.result.method is Method.SEASONAL_NAIVE
    assert [p.forecast for p in result.result.periods] == [Decimal(10 * v) for v in SEASON]
    assert result.result.periods[0].start == date(2024, 1, 1)
    assert result.result.backtest_wape == 0.0


def test_as_of_excludes_later_orders(shop: Services) -> None:
    early = shop.forecast.forecast("revenue", "month", 3, as_of=date(2023, 7, 1))
    assert early.history[-1].start == date(2023, 6, 1)
    assert early.result.periods[0].label == "2023-07"
    same = shop.forecast.forecast("revenue", "month", 3, as_of=date(2023, 7, 31))
    assert same.history == early.history
    assert same.result.periods == early.result.periods


def test_owner_margin_orders_and_quarters(shop: Services) -> None:
    bob = shop.forecast.owner_named("bob")
    assert shop.forecast.owner_named("鲍勃") == bob
    flat = shop.forecast.forecast("revenue", "month", 2, as_of=AS_OF, owner_id=bob)
    assert {p.value for p in flat.history} == {Decimal(100)}
    assert [p.forecast for p in flat.result.periods] == [Decimal("100.00")] * 2
    margin = shop.forecast.forecast(ForecastMetric.MARGIN, "month", 1, as_of=AS_OF)
    assert margin.history[0].value == Decimal(500)
    orders = shop.forecast.forecast("orders", "quarter", 4, as_of=AS_OF)
    assert orders.granularity is Granularity.QUARTER
    assert {p.value for p in orders.history} == {Decimal(6)}
    assert orders.pipeline_weighted == (None,) * 4
    with pytest.raises(NotFoundError):
        shop.forecast.owner_named("nobody")


def test_weighted_pipeline_per_period(shop: Services) -> None:
    result = shop.forecast.forecast("revenue", "month", 3, as_of=AS_OF)
    assert result.pipeline_weighted[0] == Decimal("400.00")  # the stage's 40 %
    assert result.pipeline_weighted[1] == Decimal("166.67")  # 333.33 × 50 %, half up
    assert result.pipeline_weighted[2] == Decimal("0.00")


def test_empty_history_gives_a_message(empty_services: Services) -> None:
    result = empty_services.forecast.forecast("revenue", "month", 6, as_of=AS_OF)
    assert result.history == ()
    assert result.result.periods == ()
    assert result.message is not None and "no history" in result.message.render()


def test_bad_requests_are_refused(shop: Services) -> None:
    with pytest.raises(ValidationError):
        shop.forecast.forecast("revenue", "month", 19, as_of=AS_OF)
    with pytest.raises(NotFoundError):
        shop.forecast.category_named("nothing")


def test_category_counts_its_lines_and_its_subcategories(shop: Services) -> None:
    with shop.db.write() as s:
        parent = m.ProductCategory(name_zh="软件", name_en="Software")
        s.add(parent)
        s.flush()
        child = m.ProductCategory(name_zh="许可", name_en="Licences", parent_id=parent.id)
        other = m.ProductCategory(name_zh="硬件", name_en="Hardware")
        s.add_all([child, other])
        s.flush()
        products = []
        for sku, category in (("LIC", child.id), ("HW", other.id)):
            product = m.Product(
                sku=sku,
                name_zh=sku,
                name_en=sku,
                unit="pcs",
                category_id=category,
                list_price=Decimal(10),
                tax_rate=Decimal(0),
            )
            s.add(product)
            products.append(product)
        s.flush()
        order = s.scalars(select(m.Order).where(m.Order.order_date == date(2023, 5, 10))).one()
        for position, (product, net) in enumerate(zip(products, ("70.00", "30.00"), strict=True)):
            s.add(
                m.OrderLine(
                    order_id=order.id,
                    position=position,
                    product_id=product.id,
                    quantity=Decimal(1),
                    unit_price=Decimal(net),
                    net_amount=Decimal(net),
                    total_amount=Decimal(net),
                )
            )
    software = shop.forecast.category_named("software")
    assert shop.forecast.category_named("软件") == software
    result = shop.forecast.forecast("revenue", "month", 2, as_of=AS_OF, category_id=software)
    assert [(p.label, p.value) for p in result.history] == [
        ("2023-05", Decimal("70.00")),
        *((f"2023-{month:02d}", Decimal(0)) for month in range(6, 13)),
    ]
    assert result.pipeline_weighted == (None, None)
    with pytest.raises(ValidationError):
        shop.forecast.forecast("margin", "month", 2, as_of=AS_OF, category_id=software)


def test_progress_and_cancel(shop: Services) -> None:
    calls: list[tuple[int, int]] = []
    shop.forecast.forecast("revenue", "month", 2, as_of=AS_OF, progress=lambda *c: calls.append(c))
    assert calls and calls[-1][0] == calls[-1][1]
    with pytest.raises(ForecastCancelledError):
        shop.forecast.forecast("revenue", "month", 2, as_of=AS_OF, cancelled=lambda: True)
