"""A mixed-currency fixture: a CNY and a USD order of the same owner in one month. Every sum
— the Dashboard's cards and series, Targets, the summary workbook — is the sum of the
converted (stored) amounts, never of raw amounts of two currencies."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook

from sms_desktop.domain.enums import PeriodKind, TargetMetric
from sms_desktop.domain.targets import Period
from sms_desktop.persistence import models as m
from sms_desktop.reporting.summary_workbook import write_summary_workbook
from sms_desktop.services.dashboard import DashboardFilter
from sms_desktop.services.orders import OrderDraft
from sms_desktop.services.quotes import LineData
from sms_desktop.services.registry import Services

D = Decimal
MONTH = DashboardFilter(date(2028, 5, 1), date(2028, 5, 31))
# 1000.00 CNY + 100.00 USD at 7.123456 = 712.35 CNY: 1712.35, not 1100.00
EXPECTED = D("1712.35")


def _world(services: Services) -> tuple[int, int]:
    with services.db.write() as s:
        person = m.Salesperson(name="汇率测试")
        yuan, dollar = m.Customer(name="人民币客户"), m.Customer(name="USD Buyer", currency="USD")
        s.add_all([person, yuan, dollar])
        s.flush()
        ids = person.id, yuan.id, dollar.id
    services.currencies.set_rate("USD", date(2028, 5, 1), D("7.123456"))
    owner, yuan_id, dollar_id = ids
    for customer, currency, price in ((yuan_id, "CNY", "1000.00"), (dollar_id, "USD", "100.00")):
        services.orders.save(
            None,
            OrderDraft(
                customer_id=customer,
                order_date=date(2028, 5, 10),
                owner_id=owner,
                currency=currency,
                lines=(
                    LineData(
                        description="件",
                        quantity=D(1),
                        unit_price=D(price),
                        tax_rate=D(13),
                        unit_cost=D("10.00"),
                    ),
                ),
            ),
            confirm=True,
        )
    return owner, dollar_id


def test_dashboard_targets_and_summary_workbook_sum_converted_amounts(
    empty_services: Services, tmp_path: Path
) -> None:
    services = empty_services
    owner, dollar = _world(services)
    kpis = services.dashboard.kpis(MONTH, today=date(2028, 6, 1))
    assert kpis.revenue_period.current == EXPECTED
    series = services.dashboard.series(MONTH, months=1)
    assert series.monthly[-1].revenue == EXPECTED
    assert sum(c.revenue for c in series.top_customers) == EXPECTED
    assert sum(c.revenue for c in series.categories) == EXPECTED
    with services.db.read() as s:
        revenue = services.targets.actual_in(
            s, TargetMetric.REVENUE, Period(PeriodKind.MONTH, date(2028, 5, 1)), owner
        )
        margin = services.targets.actual_in(
            s, TargetMetric.GROSS_MARGIN, Period(PeriodKind.MONTH, date(2028, 5, 1)), owner
        )
    assert revenue == EXPECTED
    assert margin == EXPECTED - D("10.00") - D("71.23")  # each cost in its order's rate
    top = [c for c in series.top_customers if c.customer_id == dollar]
    assert top[0].revenue == D("712.35")

    out = tmp_path / "summary.xlsx"
    write_summary_workbook(
        out,
        services.dashboard,
        services.dashboard_reports,
        MONTH,
        language="en",
        today=date(2028, 6, 1),
    )
    wb = load_workbook(out)
    rows = list(wb["By customer"].iter_rows(values_only=True))
    index = rows[0].index("Revenue (excl. tax)")
    assert sum(D(str(r[index])) for r in rows[1:] if r[index] is not None) == EXPECTED
    products = list(wb["By product"].iter_rows(values_only=True))
    revenue_column = products[0].index("Revenue (excl. tax)")
    assert sum(D(str(r[revenue_column])) for r in products[1:]) == EXPECTED


def test_an_accepted_usd_quote_becomes_a_confirmed_usd_order_at_the_quotes_rate(
    empty_services: Services,
) -> None:
    from sms_desktop.domain.enums import OrderStatus
    from sms_desktop.services.quotes import QuoteInput

    services = empty_services
    _owner, dollar = _world(services)
    quote = services.quotes.save(
        None,
        QuoteInput(
            customer_id=dollar,
            issue_date=date(2028, 5, 20),
            valid_until=date(2028, 6, 20),
            currency="USD",
            lines=(LineData(description="件", quantity=D(2), unit_price=D("50.00")),),
        ),
    )
    services.currencies.set_rate("USD", date(2028, 6, 1), D("7.5"))  # a later rate
    services.quotes.accept(quote.id, today=date(2028, 6, 2))
    with services.db.read() as s:
        order = s.query(m.Order).filter(m.Order.quote_id == quote.id).one()
        assert (order.status, order.currency, order.exchange_rate) == (
            OrderStatus.CONFIRMED,
            "USD",
            D("7.123456"),
        )
        assert (order.subtotal, order.subtotal_base) == (D("100.00"), D("712.35"))
