"""Commissions: plans, assignments, statements with exact Decimal amounts, what-if."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import func, select

from sms_desktop.domain.enums import PeriodKind, TargetMetric
from sms_desktop.domain.errors import ValidationError
from sms_desktop.domain.revenue import CommissionBase
from sms_desktop.domain.targets import Tier
from sms_desktop.persistence import models as m
from sms_desktop.services.commissions import CommissionsService, PlanInput
from sms_desktop.services.registry import Services
from sms_desktop.services.targets import TargetsService
from tests.services.targets_data import Q2, build_targets_world

D = Decimal
TIERS = (Tier(D(0), D(2)), Tier(D(80), D(3)), Tier(D(100), D(5)))


@pytest.fixture
def svc(empty_services: Services) -> TargetsService:
    return build_targets_world(empty_services)


@pytest.fixture
def plans(svc: TargetsService) -> CommissionsService:
    return CommissionsService(svc._db, svc)


def _plan(plans: CommissionsService, base: CommissionBase = CommissionBase.REVENUE_GROSS) -> int:
    """A plan on ``base``; by default the tax-included base, on which the hand-computed
    figures below (order totals) were written."""
    return plans.save_plan(PlanInput("标准提成", base, TIERS, bonus_at_target=D("500")))


def test_plan_validation_and_round_trip(plans: CommissionsService) -> None:
    with pytest.raises(ValidationError) as info:
        plans.save_plan(PlanInput(" ", CommissionBase.REVENUE_NET, ()))
    assert set(info.value.errors) == {"name", "tiers"}
    with pytest.raises(ValidationError):
        plans.save_plan(
            PlanInput("x", CommissionBase.REVENUE_NET, (Tier(D(0), D(2)), Tier(D(0), D(3))))
        )
    with pytest.raises(ValidationError):
        plans.save_plan(PlanInput("x", CommissionBase.REVENUE_NET, (Tier(D(0), D(101)),)))
    plan_id = _plan(plans)
    plans.save_plan(
        PlanInput("标准提成", CommissionBase.MARGIN, (Tier(D(100), D(5)), Tier(D(0), D(1)))),
        plan_id,
    )
    (row,) = plans.plans()
    assert row.base is CommissionBase.MARGIN
    assert row.tiers == (Tier(D("0.00"), D("1.00")), Tier(D("100.00"), D("5.00")))


def test_statement_counts_orders_picks_tier_and_bonus(
    plans: CommissionsService,
    svc: TargetsService,
) -> None:
    plan_id = _plan(plans)
    plans.assign([1], Q2, plan_id)
    assert plans.assignments(Q2) == {1: plan_id}
    # Wang's Q2 revenue 2113 against 2641.25 → exactly 80 %: 3 % of 2113 = 63.39
    svc.set_target(1, Q2, TargetMetric.REVENUE, D("2641.25"))
    st = plans.statement(1, PeriodKind.QUARTER, Q2.start)
    assert [ln.reference for ln in st.lines] == ["SO-2", "SO-5"]
    assert (st.actual, st.attainment, st.tier, st.rate_amount, st.bonus, st.total) == (
        D("2113"),
        D("80.00"),
        Tier(D("80.00"), D("3.00")),
        D("63.39"),
        D(0),
        D("63.39"),
    )
    # 2113 / 2641.58 = 79.99 %: the 2 % tier
    svc.set_target(1, Q2, TargetMetric.REVENUE, D("2641.58"))
    st = plans.statement(1, PeriodKind.QUARTER, Q2.start)
    assert (st.attainment, st.rate_amount) == (D("79.99"), D("42.26"))
    # exactly 100 %: 5 % and the bonus
    svc.set_target(1, Q2, TargetMetric.REVENUE, D("2113"))
    st = plans.statement(1, PeriodKind.QUARTER, Q2.start)
    assert (st.rate_amount, st.bonus, st.total) == (D("105.65"), D("500.00"), D("605.65"))
    # no plan for Li: nothing earned, the figures still shown
    li = plans.statement(2, PeriodKind.QUARTER, Q2.start)
    assert li.plan_id is None and li.total == 0 and li.revenue == D("2700")  # net of tax
    plans.assign([1], Q2, None)
    assert plans.assignments(Q2) == {}


def test_margin_plan_pays_on_margin(
    plans: CommissionsService,
    svc: TargetsService,
) -> None:
    plans.assign([1], Q2, _plan(plans, CommissionBase.MARGIN))
    svc.set_target(1, Q2, TargetMetric.GROSS_MARGIN, D("1000"))
    st = plans.statement(1, PeriodKind.QUARTER, Q2.start)
    assert (st.actual, st.attainment, st.rate_amount) == (D("860"), D("86.00"), D("25.80"))


def test_a_net_revenue_plan_pays_on_revenue_excluding_tax(
    plans: CommissionsService,
    svc: TargetsService,
) -> None:
    """The default base: Wang's Q2 revenue net of tax, 1800 + 100 = 1900 (the Targets tab's
    actual), not the order totals 2000 + 113."""
    plan_id = plans.save_plan(PlanInput("净额提成", CommissionBase.REVENUE_NET, TIERS))
    plans.assign([1], Q2, plan_id)
    svc.set_target(1, Q2, TargetMetric.REVENUE, D("2000"))
    st = plans.statement(1, PeriodKind.QUARTER, Q2.start)
    actual = svc.attainment(
        PeriodKind.QUARTER, Q2.start, metric=TargetMetric.REVENUE, salesperson_id=1
    )[0].actual
    assert (st.base, st.actual, st.attainment, st.rate_amount) == (
        CommissionBase.REVENUE_NET,
        actual,
        D("95.00"),
        D("57.00"),  # 3 % of 1900
    )
    assert [(ln.reference, ln.revenue) for ln in st.lines] == [("SO-2", D(1800)), ("SO-5", D(100))]


def test_a_collected_plan_pays_on_payments_received(
    plans: CommissionsService,
    svc: TargetsService,
) -> None:
    """Wang collected 1000 (A1) + 500 (A2) in Q2; B2's payment falls in Q3."""
    plans.assign([1], Q2, _plan(plans, CommissionBase.COLLECTED))
    svc.set_target(1, Q2, TargetMetric.COLLECTIONS, D("1500"))
    st = plans.statement(1, PeriodKind.QUARTER, Q2.start)
    assert (st.actual, st.attainment, st.rate_amount, st.bonus) == (
        D("1500"),
        D("100.00"),
        D("75.00"),
        D("500.00"),
    )


def test_what_if_changes_figures_but_stores_nothing(
    plans: CommissionsService,
    svc: TargetsService,
) -> None:
    plans.assign([2], Q2, _plan(plans))
    svc.set_target(2, Q2, TargetMetric.REVENUE, D("12000"))
    assert [d.id for d in plans.open_deals(2)] == [6]

    def snapshot() -> tuple[object, ...]:
        with svc._db.read() as s:
            counts = [
                s.scalar(select(func.count()).select_from(t))
                for t in (m.Order, m.Opportunity, m.Target, m.CommissionAssignment)
            ]
            return (*counts, s.scalar(select(m.Opportunity.status).where(m.Opportunity.id == 6)))

    before = snapshot()
    result = plans.what_if(2, PeriodKind.QUARTER, Q2.start, [6])
    assert snapshot() == before
    assert (result.before.attainment, result.before.rate_amount) == (D("25.00"), D("60.00"))
    # + 10,000: 13,000 of 12,000 → 5 % of 13,000 and the bonus
    assert result.after.revenue == D("13000") and result.after.deals_won == 1
    assert (result.after.attainment, result.after.total) == (D("108.33"), D("1150.00"))
    # margin estimated at Li's ratio 1500 / 3000
    assert result.after.lines[-1].margin == D("5000.00")


def test_an_assigned_plan_is_not_removed(plans: CommissionsService) -> None:
    from sms_desktop.domain.errors import ConflictError

    plan_id = _plan(plans)
    plans.assign([1], Q2, plan_id)
    with pytest.raises(ConflictError):
        plans.delete_plan(plan_id)
    plans.assign([1], Q2, None)
    plans.delete_plan(plan_id)
    assert plans.plans() == []
