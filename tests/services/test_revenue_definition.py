"""One revenue figure: on the demo database, the Dashboard's revenue of a period, the Targets
tab's company actual and the summary workbook's figure are the same number, net of tax."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from sms_desktop.demo.build import create_demo_database
from sms_desktop.domain.enums import OrderStatus, PeriodKind, TargetMetric
from sms_desktop.domain.revenue import REVENUE
from sms_desktop.persistence import models as m
from sms_desktop.persistence.db import open_database
from sms_desktop.reporting.labels import report_text
from sms_desktop.reporting.summary_workbook import write_summary_workbook
from sms_desktop.services.dashboard import DashboardFilter
from sms_desktop.services.registry import Services

TODAY = date(2026, 11, 27)
Q3 = DashboardFilter(date(2026, 7, 1), date(2026, 9, 30))


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    path = tmp_path_factory.mktemp("revenue") / "demo.sqlite3"
    create_demo_database(path, customers=60, seed=20261127, today=TODAY)
    database = open_database(path)
    yield Services(database)
    database.close()


def _net_of_tax_in(services: Services, flt: DashboardFilter) -> Decimal:
    """The definition spelled out by hand: company-currency subtotals of orders neither drafts
    nor cancelled, by order date."""
    o = m.Order
    with services.db.read() as session:
        minor = session.scalar(
            select(func.sum(o.subtotal_base)).where(
                o.status.not_in([OrderStatus.CANCELLED, OrderStatus.DRAFT]),
                o.order_date >= flt.period_from,
                o.order_date <= flt.period_to,
            )
        )
        gross = session.scalar(
            select(func.sum(o.total_base)).where(
                o.status.not_in([OrderStatus.CANCELLED, OrderStatus.DRAFT]),
                o.order_date >= flt.period_from,
                o.order_date <= flt.period_to,
            )
        )
    assert gross != minor  # the demo's orders carry tax: the two definitions differ
    return Decimal(minor)


def _workbook_figure(path: Path, caption: str) -> Decimal:
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True)
    try:
        for row in wb.worksheets[0].iter_rows(values_only=True):
            if row and row[0] == caption:
                return Decimal(str(row[1]))
    finally:
        wb.close()
    raise AssertionError(f"{caption!r} not in the summary sheet")


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_dashboard_targets_and_workbook_agree(
    demo: Services, tmp_path: Path, language: str
) -> None:
    assert REVENUE.amount == "subtotal_base" and not REVENUE.tax_included
    expected = _net_of_tax_in(demo, Q3)
    assert expected > 0

    dashboard = demo.dashboard.kpis(Q3, today=TODAY).revenue_period.current
    (company,) = [
        r
        for r in demo.targets.attainment(
            PeriodKind.QUARTER, Q3.period_from, metric=TargetMetric.REVENUE, today=TODAY
        )
        if r.salesperson_id is None
    ]
    out = tmp_path / "summary.xlsx"
    write_summary_workbook(
        out, demo.dashboard, demo.dashboard_reports, Q3, language=language, today=TODAY
    )
    text = report_text(language)
    workbook = _workbook_figure(out, text.revenue_period)

    assert dashboard == company.actual == workbook == expected
    assert text.revenue_period.endswith(
        "（不含税）" if language == "zh_CN" else "(excl. tax) in period"
    )


def test_salesperson_month_agrees_between_dashboard_targets_and_commissions(
    demo: Services,
) -> None:
    """The same salesperson and month: one revenue on every tab (a net-revenue plan)."""
    with demo.db.read() as session:
        owner = session.scalar(
            select(m.Order.owner_id)
            .where(m.Order.owner_id.is_not(None), m.Order.order_date >= date(2026, 10, 1))
            .limit(1)
        )
    assert owner is not None
    october = DashboardFilter(date(2026, 10, 1), date(2026, 10, 31), owner_id=owner)
    dashboard = demo.dashboard.kpis(october, today=TODAY).revenue_period.current
    (row,) = demo.targets.attainment(
        PeriodKind.MONTH,
        october.period_from,
        metric=TargetMetric.REVENUE,
        salesperson_id=owner,
        today=TODAY,
    )
    statement = demo.commissions.statement(owner, PeriodKind.MONTH, october.period_from)
    assert dashboard == row.actual == statement.revenue
    assert dashboard > 0
