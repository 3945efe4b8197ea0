"""DashboardService: every card and series against the hand-computed world of dashboard_data."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from sms_desktop.services.dashboard import (
    CategoryRevenue,
    DashboardFilter,
    DashboardService,
    change_percent,
    period_end,
)
from sms_desktop.services.registry import Services
from tests.services.dashboard_data import TODAY, DashboardWorld, build_dashboard_world

YEAR = DashboardFilter(date(2026, 1, 1), date(2026, 12, 31))
D = Decimal


@pytest.fixture
def setup(empty_services: Services) -> tuple[DashboardService, DashboardWorld]:
    world = build_dashboard_world(empty_services.db)
    return DashboardService(empty_services.db, today=lambda: TODAY), world


def test_revenue_cards_compare_with_the_same_period_last_year(
    setup: tuple[DashboardService, DashboardWorld],
) -> None:
    service, _world = setup
    k = service.kpis(YEAR)
    assert k.reference_day == TODAY
    # O1 + O2 + O3 + O7 (O6 is cancelled) against O4 + O5.
    assert (k.revenue_period.current, k.revenue_period.previous) == (D("3600.50"), D("1100.00"))
    assert k.revenue_period.change == D("227.3")
    assert (k.revenue_month.current, k.revenue_month.previous) == (D("1000.00"), D("800.00"))
    assert k.revenue_month.change == D("25.0")
    assert (k.revenue_month.period_from, k.revenue_month.period_to) == (date(2026, 5, 1), TODAY)
    assert (k.revenue_quarter.current, k.revenue_quarter.previous) == (D("1500.50"), D("800.00"))
    assert k.revenue_quarter.change == D("87.6")
    assert (k.revenue_ytd.current, k.revenue_ytd.previous) == (D("3500.50"), D("1100.00"))
    assert k.revenue_ytd.change == D("218.2")


def test_owner_filter_applies_to_every_card(
    setup: tuple[DashboardService, DashboardWorld],
) -> None:
    service, world = setup
    k = service.kpis(DashboardFilter(YEAR.period_from, YEAR.period_to, world.a))
    assert (k.revenue_period.current, k.revenue_period.previous) == (D("1000.00"), D("1100.00"))
    assert k.revenue_period.change == D("-9.1")
    assert (k.pipeline.open_deals, k.pipeline.amount, k.pipeline.weighted) == (
        1,
        D("1000.00"),
        D("100.00"),
    )
    assert (k.win_rate.won, k.win_rate.lost, k.win_rate.win_rate) == (1, 1, D("50.0"))
    assert k.quotes_awaiting.count == 1
    assert k.overdue_tasks == 1
    assert (k.targets.target, k.targets.actual, k.targets.attainment) == (
        D("3000.00"),
        D("1000.00"),
        D("33.3"),
    )


def test_pipeline_win_rate_quotes_tasks_and_targets(
    setup: tuple[DashboardService, DashboardWorld],
) -> None:
    service, _world = setup
    k = service.kpis(YEAR)
    # D1 1,000.00 × 10 % + D2 100.01 × 33 % = 100.00 + 33.00 (the trashed D7 is left out).
    assert (k.pipeline.open_deals, k.pipeline.amount, k.pipeline.weighted) == (
        2,
        D("1100.01"),
        D("133.00"),
    )
    # Closed in 2026: D3, D4 won, D5 lost; D6 closed in 2025.
    assert (k.win_rate.won, k.win_rate.lost, k.win_rate.win_rate) == (2, 1, D("66.7"))
    assert k.win_rate.won_amount == D("7000.01")
    assert k.win_rate.average_deal_size == D("3500.01")  # 3,500.005 half up
    assert (k.quotes_awaiting.count, k.quotes_awaiting.amount) == (1, D("1234.56"))
    assert k.overdue_tasks == 2
    # A: months 04 + 05 (3,000.00) sold 1,000.00; B: quarter 2 (1,000.00) sold 600.50.
    assert (k.targets.target, k.targets.actual, k.targets.attainment) == (
        D("4000.00"),
        D("1600.50"),
        D("40.0"),
    )


def test_targets_by_salesperson(setup: tuple[DashboardService, DashboardWorld]) -> None:
    service, world = setup
    rows = service.targets_by_salesperson(YEAR)
    assert [(r.salesperson_id, r.target, r.actual, r.attainment) for r in rows] == [
        (world.b, D("1000.00"), D("600.50"), D("60.1")),  # 李娜 sorts before 王伟
        (world.a, D("3000.00"), D("1000.00"), D("33.3")),
    ]
    # A period that ends in May counts B's quarter only up to 05-31 (O7 is in June).
    may = service.targets_by_salesperson(DashboardFilter(date(2026, 5, 1), date(2026, 5, 31)))
    assert [(r.salesperson_id, r.target, r.actual) for r in may] == [
        (world.a, D("2000.00"), D("1000.00"))
    ]


def test_monthly_revenue_has_last_year_beside_each_month(
    setup: tuple[DashboardService, DashboardWorld],
) -> None:
    service, _world = setup
    series = service.monthly_revenue(YEAR)
    assert len(series) == 24
    assert series[0].month == date(2025, 1, 1)
    assert series[-1].month == date(2026, 12, 1)
    by_month = {s.month: (s.revenue, s.previous_year) for s in series}
    assert by_month[date(2025, 2, 1)] == (D("300.00"), D("0.00"))
    assert by_month[date(2026, 2, 1)] == (D("0.00"), D("300.00"))
    assert by_month[date(2026, 5, 1)] == (D("1000.00"), D("800.00"))
    assert by_month[date(2026, 4, 1)] == (D("500.50"), D("0.00"))
    assert sum(s.revenue for s in series) == D("4700.50")


def test_pipeline_by_stage(setup: tuple[DashboardService, DashboardWorld]) -> None:
    service, world = setup
    rows = service.pipeline_by_stage()
    assert [r.key for r in rows] == [
        "lead",
        "qualified",
        "needs_analysis",
        "proposal",
        "negotiation",
    ]
    figures = {r.key: (r.count, r.amount, r.weighted) for r in rows}
    assert figures["lead"] == (1, D("1000.00"), D("100.00"))
    assert figures["proposal"] == (1, D("100.01"), D("33.00"))
    assert figures["qualified"] == (0, D("0.00"), D("0.00"))
    only_b = {r.key: r.count for r in service.pipeline_by_stage(world.b)}
    assert only_b["lead"] == 0
    assert only_b["proposal"] == 1


def test_top_customers_with_pareto_share(setup: tuple[DashboardService, DashboardWorld]) -> None:
    service, world = setup
    rows = service.top_customers(YEAR)
    assert [(r.customer_id, r.name, r.revenue, r.orders) for r in rows] == [
        (world.c1, "甲公司", D("3000.00"), 2),
        (world.c2, "乙公司", D("500.50"), 1),
        (world.c3, "丙公司", D("100.00"), 1),
    ]
    assert [(r.share, r.cumulative_share) for r in rows] == [
        (D("83.3"), D("83.3")),
        (D("13.9"), D("97.2")),
        (D("2.8"), D("100.0")),
    ]
    assert [r.customer_id for r in service.top_customers(YEAR, limit=1)] == [world.c1]


def test_revenue_by_category_rolls_up_to_the_top_level(
    setup: tuple[DashboardService, DashboardWorld],
) -> None:
    service, world = setup
    assert service.revenue_by_category(YEAR) == (
        CategoryRevenue(world.r1, "电子", "Electronics", D("2600.00")),
        CategoryRevenue(None, "", "", D("500.50")),
        CategoryRevenue(world.r2, "服务", "Services", D("500.00")),
    )


def test_one_snapshot_holds_every_figure(setup: tuple[DashboardService, DashboardWorld]) -> None:
    service, _world = setup
    snapshot = service.dashboard(YEAR)
    assert snapshot.kpis == service.kpis(YEAR)
    assert snapshot.monthly == service.monthly_revenue(YEAR)
    assert snapshot.top_customers == service.top_customers(YEAR)
    series = service.series(YEAR)
    assert (series.monthly, series.stages, series.categories, series.targets) == (
        snapshot.monthly,
        snapshot.stages,
        snapshot.categories,
        snapshot.targets,
    )


def test_an_empty_database_gives_zeros_and_no_rates(empty_services: Services) -> None:
    service = DashboardService(empty_services.db, today=lambda: TODAY)
    k = service.kpis(YEAR)
    assert k.revenue_period.current == D("0.00")
    assert k.revenue_period.change is None
    assert k.win_rate.win_rate is None
    assert k.win_rate.average_deal_size is None
    assert k.targets.attainment is None
    assert service.top_customers(YEAR) == ()
    assert service.revenue_by_category(YEAR) == ()


def test_date_helpers() -> None:
    assert period_end(date(2026, 4, 1), "quarter") == date(2026, 6, 30)
    assert period_end(date(2026, 2, 1), "month") == date(2026, 2, 28)
    assert change_percent(D("5"), D("0")) is None
    with pytest.raises(ValueError, match="ends before"):
        DashboardFilter(date(2026, 2, 1), date(2026, 1, 1))


def test_activities_per_salesperson_from_the_indexes(
    setup: tuple[DashboardService, DashboardWorld], empty_services: Services
) -> None:
    from sms_desktop.services.dashboard import ActivityReportRow, DashboardReports

    _service, world = setup
    reports = DashboardReports(empty_services.db, today=lambda: TODAY)
    rows = reports.activities(DashboardFilter(date(2026, 5, 1), date(2026, 5, 31)))
    # a: T1 open and overdue, T2 done, T3 open and not yet due (T5 is in the trash); b: T4.
    assert rows == [
        ActivityReportRow(world.b, "李娜", 1, 0, 1, 1),
        ActivityReportRow(world.a, "王伟", 3, 1, 2, 1),
    ]
    only_b = reports.activities(DashboardFilter(date(2026, 5, 1), date(2026, 5, 31), world.b))
    assert only_b == [ActivityReportRow(world.b, "李娜", 1, 0, 1, 1)]
