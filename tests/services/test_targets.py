"""Targets service: actuals per metric against a small hand-computed fixture.

Fixture (UTC clock; Q2 2025 = April 1 … June 30):

* Wang (id 1) and Li (id 2), plus Zhao (inactive, no figures).
* Orders (total, subtotal, cost, paid):
  - A1 customer Acme, Wang, 2025-03-31 (Q1: outside), 1000/900/500, paid 1000 on 04-02
  - A2 Acme, Wang, 2025-04-01, 2000/1800/1000, paid 500 on 04-10
  - A3 Acme, Li, 2025-06-30 (Acme re-assigned to Li: Li gets this one), 3000/2700/1200
  - B1 Beta, Wang, 2025-05-05, cancelled 9999 (never counts; not Beta's first order)
  - B2 Beta, Wang, 2025-05-06, 113/100/40, paid 113 on 07-01 (Q3)
  - C1 Gamma, no owner, 2025-07-01 (Q3: outside), 50/50/0
* Deals: won by Wang on 04-01 (created 03-22) and 06-30 (created 06-10); won by Li on
  03-31 (outside); lost by Wang 05-01; a trashed won deal of Li on 05-01 (ignored);
  open deal of Li expected 06-15 for 10,000 at 60 %.
* Activities done (UTC): Wang 2025-04-01 00:00, 2025-06-30 23:59:59; Li 2025-07-01 00:00
  (outside); Li trashed on 05-01 (ignored); Li not done.

Q2 actuals: revenue (net of tax, ``subtotal``) Wang 1800+100 = 1900, Li 2700, company 4600; margin Wang 800+60 = 860,
Li 1500, company 2360; collections Wang 1000+500 = 1500 (B2 paid in Q3); deals won Wang 2;
new customers Wang 1 (Beta via B2; Acme's first order A1 is in Q1), Li 0; activities Wang 2.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from sms_desktop.domain.enums import (
    PeriodKind,
    TargetMetric,
)
from sms_desktop.domain.errors import ValidationError
from sms_desktop.domain.targets import Period
from sms_desktop.persistence import models as m
from sms_desktop.services.registry import Services
from sms_desktop.services.targets import TargetsService
from tests.services.targets_data import Q2, TODAY, build_targets_world

D = Decimal


def _at(y: int, mo: int, d: int, h: int = 12, mi: int = 0, s: int = 0) -> datetime:
    return datetime(y, mo, d, h, mi, s, tzinfo=UTC)


@pytest.fixture
def svc(empty_services: Services) -> TargetsService:
    return build_targets_world(empty_services)


def _figures(svc: TargetsService, metric: TargetMetric) -> dict[int | None, Decimal]:
    rows = svc.attainment(PeriodKind.QUARTER, Q2.start, metric=metric, today=TODAY)
    return {r.salesperson_id: r.actual for r in rows}


@pytest.mark.parametrize(
    ("metric", "expected"),
    [
        (TargetMetric.REVENUE, {None: D("4600"), 1: D("1900"), 2: D("2700")}),
        (TargetMetric.GROSS_MARGIN, {None: D("2360"), 1: D("860"), 2: D("1500")}),
        (TargetMetric.COLLECTIONS, {None: D("1500"), 1: D("1500"), 2: D(0)}),
        (TargetMetric.DEALS_WON, {None: D(2), 1: D(2), 2: D(0)}),
        (TargetMetric.NEW_CUSTOMERS, {None: D(1), 1: D(1), 2: D(0)}),
        (TargetMetric.ACTIVITIES, {None: D(2), 1: D(2), 2: D(0)}),
    ],
)
def test_actuals_per_metric(
    svc: TargetsService, metric: TargetMetric, expected: dict[int | None, Decimal]
) -> None:
    # the inactive salesperson without figures has no row
    assert _figures(svc, metric) == expected


def test_activities_follow_the_local_calendar(svc: TargetsService) -> None:
    from zoneinfo import ZoneInfo

    shanghai = TargetsService(svc._db, tz=ZoneInfo("Asia/Shanghai"))
    # 04-01 00:00 UTC is 08:00 in Shanghai (in Q2); 06-30 23:59 UTC is 07-01 (out);
    # 07-01 00:00 UTC is 07-01 08:00 (out)
    rows = shanghai.attainment(
        PeriodKind.QUARTER, Q2.start, metric=TargetMetric.ACTIVITIES, today=TODAY
    )
    assert {r.salesperson_id: r.actual for r in rows} == {None: D(1), 1: D(1), 2: D(0)}


def test_targets_gap_attainment_and_derived_quarter(svc: TargetsService) -> None:
    for month, value in ((4, "1000"), (5, "1000"), (6, "2000")):
        svc.set_target(
            1, Period(PeriodKind.MONTH, date(2025, month, 1)), TargetMetric.REVENUE, D(value)
        )
    svc.set_target(None, Q2, TargetMetric.REVENUE, D("9200"))
    rows = svc.attainment(PeriodKind.QUARTER, Q2.start, metric=TargetMetric.REVENUE, today=TODAY)
    by_id = {r.salesperson_id: r for r in rows}
    company, wang = rows[0], by_id[1]
    assert (company.target, company.target_derived, company.attainment) == (
        D("9200"),
        False,
        D("50.00"),
    )
    assert (wang.target, wang.target_derived, wang.gap, wang.attainment) == (
        D("4000"),
        True,
        D("2100"),
        D("47.50"),
    )
    assert wang.on_track is False
    # the month view shows the stored monthly target
    april = svc.attainment(
        PeriodKind.MONTH,
        date(2025, 4, 1),
        metric=TargetMetric.REVENUE,
        salesperson_id=1,
        today=TODAY,
    )
    assert [(r.target, r.actual, r.attainment) for r in april] == [
        (D("1000"), D("1800"), D("180.00"))
    ]
    svc.set_target(1, Period(PeriodKind.MONTH, date(2025, 4, 1)), TargetMetric.REVENUE, None)
    assert (
        svc.stored_target(1, Period(PeriodKind.MONTH, date(2025, 4, 1)), TargetMetric.REVENUE)
        is None
    )


def test_target_validation(svc: TargetsService) -> None:
    with pytest.raises(ValidationError) as info:
        svc.set_target(1, Q2, TargetMetric.DEALS_WON, D("2.5"))
    assert "value" in info.value.errors
    with pytest.raises(ValidationError):
        svc.set_target(1, Q2, TargetMetric.REVENUE, D("-1"))
    with pytest.raises(ValidationError):
        svc.set_target(1, Q2, TargetMetric.REVENUE, D("1.001"))


def test_pace_adds_run_rate_of_repeat_orders_and_weighted_pipeline(svc: TargetsService) -> None:
    svc.set_target(2, Q2, TargetMetric.REVENUE, D("9000"))
    # 2025-05-10 (a Saturday): 29 working days of Q2 behind, 36 ahead. Li has no orders yet in
    # Q2 by then, but A3 is dated 06-30 so today's actual (2700 net, not tied to a deal) is
    # extrapolated: 2700 × 36 / 29 = 3351.72; plus deal 6: 10,000 × 60 % = 6000.
    rows = svc.attainment(
        PeriodKind.QUARTER,
        Q2.start,
        metric=TargetMetric.REVENUE,
        salesperson_id=2,
        today=date(2025, 5, 10),
    )
    assert rows[0].projected == D("2700") + D("3351.72") + D("6000")
    assert rows[0].on_track is True
    deals = svc.attainment(
        PeriodKind.QUARTER,
        Q2.start,
        metric=TargetMetric.DEALS_WON,
        salesperson_id=2,
        today=date(2025, 5, 10),
    )
    assert deals[0].projected == D("0.60")


def test_drill_down_lists_what_counted(svc: TargetsService) -> None:
    items = svc.actual_items(PeriodKind.QUARTER, Q2.start, TargetMetric.REVENUE, 1)
    assert [(i.reference, i.value) for i in items] == [("SO-5", D("100")), ("SO-2", D("1800"))]
    deals = svc.actual_items(PeriodKind.QUARTER, Q2.start, TargetMetric.DEALS_WON, None)
    assert [i.id for i in deals] == [2, 1]
    new = svc.actual_items(PeriodKind.QUARTER, Q2.start, TargetMetric.NEW_CUSTOMERS, None)
    assert [(i.customer, i.reference) for i in new] == [("Beta", "SO-5")]
    acts = svc.actual_items(PeriodKind.QUARTER, Q2.start, TargetMetric.ACTIVITIES, 1)
    assert [i.day for i in acts] == [date(2025, 6, 30), date(2025, 4, 1)]
    paid = svc.actual_items(PeriodKind.QUARTER, Q2.start, TargetMetric.COLLECTIONS, None)
    assert sum(i.value for i in paid) == D("1500")


def test_copy_previous_and_spread(svc: TargetsService) -> None:
    q1 = Period(PeriodKind.QUARTER, date(2025, 1, 1))
    svc.set_target(1, q1, TargetMetric.REVENUE, D("100"))
    svc.set_target(2, q1, TargetMetric.REVENUE, D("200"))
    svc.set_target(2, Q2, TargetMetric.REVENUE, D("999"))
    assert svc.copy_previous(Q2) == 1  # Li's own Q2 target is kept
    assert svc.stored_target(1, Q2, TargetMetric.REVENUE) == D("100")
    assert svc.stored_target(2, Q2, TargetMetric.REVENUE) == D("999")
    assert svc.copy_previous(Q2, overwrite=True) == 2
    assert svc.stored_target(2, Q2, TargetMetric.REVENUE) == D("200")

    year = Period(PeriodKind.YEAR, date(2026, 1, 1))
    even = svc.spread_year(1, year, TargetMetric.REVENUE, D("100000.00"), seasonal=False)
    assert sum(even) == D("100000.00") and even[0] == D("8333.34")
    # seasonality of Wang's 2025 revenue: March 1000, April 2000, May 113
    seasonal = svc.spread_year(1, year, TargetMetric.REVENUE, D("100000.01"), seasonal=True)
    assert sum(seasonal) == D("100000.01")
    assert seasonal[3] > seasonal[2] > seasonal[4] > 0 and seasonal[0] == 0
    assert svc.stored_target(1, year, TargetMetric.REVENUE) == D("100000.01")
    counts = svc.spread_year(None, year, TargetMetric.DEALS_WON, D(25), seasonal=False)
    assert sum(counts) == 25 and all(c == c.to_integral_value() for c in counts)


def test_leaderboard_and_scorecard(svc: TargetsService) -> None:
    svc.set_target(1, Q2, TargetMetric.REVENUE, D("2000"))
    svc.set_target(2, Q2, TargetMetric.REVENUE, D("6000"))
    board = svc.leaderboard(PeriodKind.QUARTER, Q2.start, today=TODAY)
    assert [(r.rank, r.salesperson_id, r.attainment) for r in board] == [
        (1, 1, D("95.00")),
        (2, 2, D("45.00")),
    ]
    card = svc.scorecard(1, PeriodKind.QUARTER, Q2.start, today=TODAY)
    assert (card.won, card.lost, card.win_rate) == (2, 1, D("66.7"))
    assert card.average_deal_size == D("1250.00")
    assert card.average_cycle_days == D("15.0")  # (10 + 20) / 2
    assert card.activities_per_week == D("0.2")  # 2 × 7 / 91
    assert len(card.trend) == 12 and card.trend[-1].period == Q2
    assert card.trend[-1].actual == D("1900") and card.trend[-2].actual == D("900")


def test_reading_stores_nothing(svc: TargetsService) -> None:
    with svc._db.read() as s:
        before = s.scalar(select(func.count()).select_from(m.Target))
    svc.attainment(PeriodKind.QUARTER, Q2.start, today=TODAY)
    with svc._db.read() as s:
        assert s.scalar(select(func.count()).select_from(m.Target)) == before == 0
