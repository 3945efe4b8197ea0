"""Commission plans (提成方案), their assignment per salesperson and period, statements, what-if.

A plan pays one rate on its *base* (``CommissionBase``, stored on the plan): the period's
revenue as defined once in ``domain/revenue.py`` (net of tax; the default), the tax-included
order totals (plans made before revenue was defined once keep this base, so their figures do
not change), the gross margin, or the payments collected (回款) in the period. The tier is
chosen by the attainment of the matching target (revenue, gross margin or collections), plus
an optional fixed bonus once the target is reached; see ``domain/targets.py`` for the tier
rules. A statement uses the plan
assigned to the salesperson for exactly that period.

**What-if** adds chosen open deals as if they were won and ordered in the period by the
salesperson: revenue grows by their amounts, gross margin by those amounts times the
salesperson's actual margin ratio of the period (rounded to cents; no margin without
revenue), deals won by their number. It runs in a read-only transaction: nothing is stored.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, selectinload

from sms_desktop.domain.enums import OpportunityStatus, PeriodKind, TargetMetric
from sms_desktop.domain.errors import ConflictError, Errors, NotFoundError
from sms_desktop.domain.i18n import translate
from sms_desktop.domain.money import MAX_AMOUNT, ZERO, round_money
from sms_desktop.domain.revenue import DEFAULT_COMMISSION_BASE, CommissionBase, target_metric_of
from sms_desktop.domain.targets import Period, Tier, attainment_percent, commission
from sms_desktop.persistence import models as m
from sms_desktop.persistence.db import Database
from sms_desktop.services.revenue import (
    gross_amount,
    margin_amount,
    revenue_amount,
    revenue_filter,
)
from sms_desktop.services.targets import TargetsService

_MAX_RATE = Decimal(100)
_MAX_ATTAINMENT = Decimal(1000)


@dataclass(frozen=True, slots=True)
class PlanRow:
    id: int
    name: str
    base: CommissionBase
    bonus_at_target: Decimal
    active: bool
    tiers: tuple[Tier, ...]  # by minimum attainment


@dataclass(frozen=True, slots=True)
class PlanInput:
    name: str
    base: CommissionBase
    tiers: tuple[Tier, ...]
    bonus_at_target: Decimal = ZERO
    active: bool = True


@dataclass(frozen=True, slots=True)
class StatementLine:
    """One order that counted (or, in a what-if, one deal assumed won: ``order_id`` None)."""

    order_id: int | None
    opportunity_id: int | None
    day: date | None
    reference: str  # order number or deal title
    customer: str
    revenue: Decimal  # net of tax; with tax for a plan on the tax-included base
    margin: Decimal


@dataclass(frozen=True, slots=True)
class Statement:
    """What a salesperson earns for one period under the assigned plan."""

    salesperson_id: int
    salesperson: str
    period: Period
    plan_id: int | None  # None: no plan assigned for the period (nothing is earned)
    plan_name: str
    base: CommissionBase
    target: Decimal | None
    actual: Decimal  # of the plan's base (revenue, gross margin or payments collected)
    attainment: Decimal | None
    tier: Tier | None
    rate_amount: Decimal
    bonus: Decimal
    total: Decimal
    revenue: Decimal
    margin: Decimal
    deals_won: int
    lines: tuple[StatementLine, ...]


@dataclass(frozen=True, slots=True)
class OpenDeal:
    id: int
    title: str
    customer: str
    amount: Decimal
    expected_close: date | None
    probability: int


@dataclass(frozen=True, slots=True)
class WhatIf:
    before: Statement
    after: Statement


def _clean_tiers(tiers: Sequence[Tier], errors: Errors) -> tuple[Tier, ...]:
    if not tiers:
        errors.add("tiers", translate("Commissions", "Add at least one tier."))
        return ()
    seen: set[Decimal] = set()
    for tier in tiers:
        if not (0 <= tier.min_attainment <= _MAX_ATTAINMENT) or tier.min_attainment != (
            tier.min_attainment.quantize(Decimal("0.01"))
        ):
            errors.add(
                "tiers",
                translate(
                    "Commissions", "A tier starts at 0 to 1000 % of target, with two decimals."
                ),
            )
        elif not (0 <= tier.rate <= _MAX_RATE) or tier.rate != tier.rate.quantize(Decimal("0.01")):
            errors.add(
                "tiers",
                translate("Commissions", "A rate is 0 to 100 %, with at most two decimals."),
            )
        elif tier.min_attainment in seen:
            errors.add("tiers", translate("Commissions", "Two tiers start at the same attainment."))
        seen.add(tier.min_attainment)
    return tuple(sorted(tiers, key=lambda t: t.min_attainment))


class CommissionsService:
    """Plans, assignments and statements; one transaction per call."""

    def __init__(self, db: Database, targets: TargetsService) -> None:
        self._db = db
        self._targets = targets

    # ---------------------------------------------------------------------- plans

    def plans(self, *, include_inactive: bool = True) -> list[PlanRow]:
        p = m.CommissionPlan
        query = select(p).options(selectinload(p.tiers)).order_by(p.name, p.id)
        if not include_inactive:
            query = query.where(p.active)
        with self._db.read() as session:
            return [self._plan_row(plan) for plan in session.scalars(query)]

    @staticmethod
    def _plan_row(plan: m.CommissionPlan) -> PlanRow:
        return PlanRow(
            plan.id,
            plan.name,
            plan.base,
            plan.bonus_at_target,
            plan.active,
            tuple(Tier(t.min_attainment, t.rate) for t in plan.tiers),
        )

    def save_plan(self, data: PlanInput, plan_id: int | None = None) -> int:
        errors = Errors()
        name = data.name.strip()
        if not name:
            errors.add("name", translate("Commissions", "Enter a name for the plan."))
        elif len(name) > 120:
            errors.add("name", translate("Commissions", "A name has at most 120 characters."))
        bonus = data.bonus_at_target
        if not bonus.is_finite() or bonus < 0 or bonus > MAX_AMOUNT or bonus != round_money(bonus):
            errors.add("bonus", translate("Commissions", "The bonus is an amount of zero or more."))
        tiers = _clean_tiers(data.tiers, errors)
        errors.raise_if_any()
        with self._db.write() as session:
            if plan_id is None:
                plan = m.CommissionPlan()
                session.add(plan)
            else:
                found = session.get(m.CommissionPlan, plan_id)
                if found is None:
                    raise NotFoundError(translate("Commissions", "This plan no longer exists."))
                plan = found
                session.execute(delete(m.CommissionTier).where(m.CommissionTier.plan_id == plan_id))
                session.expire(plan, ["tiers"])
            plan.name = name
            plan.base = data.base
            plan.bonus_at_target = bonus
            plan.active = data.active
            session.flush()
            for tier in tiers:
                session.add(
                    m.CommissionTier(
                        plan_id=plan.id, min_attainment=tier.min_attainment, rate=tier.rate
                    )
                )
            return plan.id

    def delete_plan(self, plan_id: int) -> None:
        """Remove a plan no salesperson is assigned (e.g. to undo creating it)."""
        with self._db.write() as session:
            plan = session.get(m.CommissionPlan, plan_id)
            if plan is None:
                return
            used = session.scalar(
                select(m.CommissionAssignment.id)
                .where(m.CommissionAssignment.plan_id == plan_id)
                .limit(1)
            )
            if used is not None:
                raise ConflictError(
                    translate("Commissions", "This plan is assigned; mark it inactive instead.")
                )
            session.delete(plan)

    @staticmethod
    def input_of(plan: PlanRow) -> PlanInput:
        return PlanInput(plan.name, plan.base, plan.tiers, plan.bonus_at_target, plan.active)

    # ---------------------------------------------------------------- assignments

    def assignments(self, period: Period) -> dict[int, int]:
        """Salesperson id → plan id for exactly this period."""
        a = m.CommissionAssignment
        with self._db.read() as session:
            rows = session.execute(
                select(a.salesperson_id, a.plan_id).where(
                    a.period_kind == period.kind, a.period_start == period.start
                )
            )
            return {int(sp_id): int(plan_id) for sp_id, plan_id in rows}

    def assign(self, salesperson_ids: Sequence[int], period: Period, plan_id: int | None) -> None:
        """Give these salespeople ``plan_id`` for the period (None: no plan)."""
        a = m.CommissionAssignment
        with self._db.write() as session:
            if plan_id is not None and session.get(m.CommissionPlan, plan_id) is None:
                raise NotFoundError(translate("Commissions", "This plan no longer exists."))
            for sp_id in salesperson_ids:
                if session.get(m.Salesperson, sp_id) is None:
                    raise NotFoundError(
                        translate("Commissions", "This salesperson no longer exists.")
                    )
                row = session.scalar(
                    select(a).where(
                        a.salesperson_id == sp_id,
                        a.period_kind == period.kind,
                        a.period_start == period.start,
                    )
                )
                if plan_id is None:
                    if row is not None:
                        session.delete(row)
                elif row is None:
                    session.add(
                        a(
                            plan_id=plan_id,
                            salesperson_id=sp_id,
                            period_kind=period.kind,
                            period_start=period.start,
                        )
                    )
                else:
                    row.plan_id = plan_id

    # ------------------------------------------------------------------ statements

    def statement(
        self, salesperson_id: int, period_kind: PeriodKind, period_start: date
    ) -> Statement:
        period = Period.containing(period_kind, period_start)
        with self._db.read() as session:
            return self._statement(session, salesperson_id, period, ())

    def open_deals(self, salesperson_id: int) -> list[OpenDeal]:
        """The salesperson's open deals (for a what-if), by expected close date."""
        op, c, st = m.Opportunity, m.Customer, m.PipelineStage
        with self._db.read() as session:
            rows = session.execute(
                select(
                    op.id,
                    op.title,
                    c.name,
                    op.amount,
                    op.expected_close,
                    op.probability_override,
                    st.default_probability,
                )
                .join(c, c.id == op.customer_id)
                .join(st, st.id == op.stage_id)
                .where(
                    op.deleted_at.is_(None),
                    op.status == OpportunityStatus.OPEN,
                    op.owner_id == salesperson_id,
                )
                .order_by(op.expected_close.is_(None), op.expected_close, op.id)
            ).all()
        return [
            OpenDeal(i, title, cust, amount, close, override if override is not None else dflt)
            for i, title, cust, amount, close, override, dflt in rows
        ]

    def what_if(
        self,
        salesperson_id: int,
        period_kind: PeriodKind,
        period_start: date,
        deal_ids: Sequence[int],
    ) -> WhatIf:
        """The statement now and with the chosen open deals won in the period. Stores nothing."""
        period = Period.containing(period_kind, period_start)
        with self._db.read() as session:
            before = self._statement(session, salesperson_id, period, ())
            after = self._statement(session, salesperson_id, period, tuple(deal_ids))
        return WhatIf(before, after)

    def _statement(
        self,
        session: Session,
        salesperson_id: int,
        period: Period,
        deal_ids: tuple[int, ...],
    ) -> Statement:
        person = session.get(m.Salesperson, salesperson_id)
        if person is None:
            raise NotFoundError(translate("Commissions", "This salesperson no longer exists."))
        a = m.CommissionAssignment
        plan_id = session.scalar(
            select(a.plan_id).where(
                a.salesperson_id == salesperson_id,
                a.period_kind == period.kind,
                a.period_start == period.start,
            )
        )
        plan = session.get(m.CommissionPlan, plan_id) if plan_id is not None else None
        base = plan.base if plan is not None else DEFAULT_COMMISSION_BASE
        lines = self._lines(
            session, salesperson_id, period, gross=base is CommissionBase.REVENUE_GROSS
        )
        revenue = sum((ln.revenue for ln in lines), ZERO)
        margin = sum((ln.margin for ln in lines), ZERO)
        deals_won = int(
            self._targets.actual_in(session, TargetMetric.DEALS_WON, period, salesperson_id)
        )
        if deal_ids:
            extra = self._assumed(session, salesperson_id, deal_ids, revenue, margin)
            lines = (*lines, *extra)
            revenue += sum((ln.revenue for ln in extra), ZERO)
            margin += sum((ln.margin for ln in extra), ZERO)
            deals_won += len(extra)
        target = self._targets.target_in(session, salesperson_id, target_metric_of(base), period)
        if base is CommissionBase.MARGIN:
            actual = margin
        elif base is CommissionBase.COLLECTED:
            # Payments received in the period; a deal assumed won is not paid yet.
            actual = self._targets.actual_in(
                session, TargetMetric.COLLECTIONS, period, salesperson_id
            )
        else:
            actual = revenue
        tiers = tuple(Tier(t.min_attainment, t.rate) for t in plan.tiers) if plan else ()
        result = commission(
            tiers,
            basis=actual,
            actual=actual,
            target=target,
            bonus_at_target=plan.bonus_at_target if plan else ZERO,
        )
        if plan is None:
            result = replace(result, tier=None, rate_amount=ZERO, bonus=ZERO, total=ZERO)
        return Statement(
            salesperson_id=salesperson_id,
            salesperson=person.name,
            period=period,
            plan_id=plan.id if plan else None,
            plan_name=plan.name if plan else "",
            base=base,
            target=target,
            actual=actual,
            attainment=attainment_percent(actual, target),
            tier=result.tier,
            rate_amount=result.rate_amount,
            bonus=result.bonus,
            total=result.total,
            revenue=revenue,
            margin=margin,
            deals_won=deals_won,
            lines=tuple(lines),
        )

    @staticmethod
    def _lines(
        session: Session, salesperson_id: int, period: Period, *, gross: bool
    ) -> tuple[StatementLine, ...]:
        """The orders that counted, by order date; revenue net of tax unless ``gross``."""
        o, c = m.Order, m.Customer
        rows = session.execute(
            select(
                o.id,
                o.opportunity_id,
                o.order_date,
                o.number,
                c.name,
                gross_amount(o) if gross else revenue_amount(o),
                margin_amount(o),
            )
            .join(c, c.id == o.customer_id)
            .where(
                o.owner_id == salesperson_id,
                *revenue_filter(o, period.start, period.end_exclusive),
            )
            .order_by(o.order_date, o.id)
        )
        return tuple(
            StatementLine(oid, opp, day, number, cust, amount, margin)
            for oid, opp, day, number, cust, amount, margin in rows
        )

    @staticmethod
    def _assumed(
        session: Session,
        salesperson_id: int,
        deal_ids: tuple[int, ...],
        revenue: Decimal,
        margin: Decimal,
    ) -> tuple[StatementLine, ...]:
        op, c = m.Opportunity, m.Customer
        rows = session.execute(
            select(op.id, op.title, c.name, op.amount, op.expected_close)
            .join(c, c.id == op.customer_id)
            .where(
                op.id.in_(deal_ids),
                op.deleted_at.is_(None),
                op.status == OpportunityStatus.OPEN,
            )
            .order_by(op.id)
        ).all()
        lines = []
        for oid, title, cust, amount, close in rows:
            estimated = round_money(amount * margin / revenue) if revenue > 0 else ZERO
            lines.append(StatementLine(None, oid, close, title, cust, amount, estimated))
        return tuple(lines)
