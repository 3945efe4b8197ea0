"""Account plans (客户计划): per key account and year, goals, strategy, risks, a revenue
target, the next review and the tasks that carry the plan out; and the plan's KPIs.

KPIs (绩效评估) of a plan, as of a day (default today):

* **revenue** of the plan's year up to that day, by the one revenue definition
  (``services/revenue.py``: net of tax, non-cancelled orders, by order date), against the
  plan's target (attainment in percent, one decimal, half up);
* **share of wallet**: that revenue over the customer's annual purchase potential, where one
  is entered;
* **open opportunities**: how many, and their amount in the company currency at today's rate;
* **overdue receivables**: the open invoice balance past its due date
  (``services/receivables.open_invoices``);
* **last contact**: the day of the customer's latest interaction.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sms_desktop.domain.clock import clock, local_zone
from sms_desktop.domain.currency import to_base
from sms_desktop.domain.enums import AccountPlanStatus, OpportunityStatus
from sms_desktop.domain.errors import Errors, NotFoundError
from sms_desktop.domain.i18n import translate
from sms_desktop.domain.money import MAX_AMOUNT, ZERO
from sms_desktop.persistence import models as m
from sms_desktop.persistence.db import Database
from sms_desktop.services.currencies import company_currency_in, rate_on
from sms_desktop.services.receivables import open_invoices
from sms_desktop.services.revenue import money_sum, revenue_amount, revenue_filter

MAX_TEXT = 4000
_TENTH = Decimal("0.1")


@dataclass(frozen=True, slots=True)
class PlanInput:
    """What the plan editor saves."""

    customer_id: int
    year: int
    status: AccountPlanStatus = AccountPlanStatus.DRAFT
    objectives: str = ""  # goals: revenue, products and categories to develop
    strategy: str = ""
    risks: str = ""  # competitors, strengths/weaknesses/opportunities/threats
    target_revenue: Decimal = ZERO
    review_on: date | None = None
    owner_id: int | None = None


@dataclass(frozen=True, slots=True)
class PlanAction:
    """A task of the plan."""

    activity_id: int
    subject: str
    due_at: datetime
    done: bool


@dataclass(frozen=True, slots=True)
class PlanRow:
    id: int
    customer_id: int
    customer: str
    owner_id: int | None
    owner: str | None
    year: int
    status: AccountPlanStatus
    objectives: str
    strategy: str
    risks: str
    target_revenue: Decimal
    review_on: date | None
    actions: tuple[PlanAction, ...]

    def as_input(self) -> PlanInput:
        return PlanInput(
            self.customer_id,
            self.year,
            self.status,
            self.objectives,
            self.strategy,
            self.risks,
            self.target_revenue,
            self.review_on,
            self.owner_id,
        )


@dataclass(frozen=True, slots=True)
class PlanKpis:
    """A plan's figures as of ``as_of`` (amounts in the company currency ``currency``)."""

    as_of: date
    currency: str
    period_start: date
    period_end: date  # the last day counted (the year's end or ``as_of``)
    revenue: Decimal
    target: Decimal
    attainment: Decimal | None  # percent of the target; None without a target
    potential: Decimal | None  # annual purchase potential, where entered
    share_of_wallet: Decimal | None  # percent
    open_deals: int
    open_amount: Decimal
    overdue: Decimal
    last_contact: date | None


def percent(part: Decimal, whole: Decimal) -> Decimal | None:
    """``part`` of ``whole`` in percent, one decimal half up; None when ``whole`` is not > 0."""
    if whole <= 0:
        return None
    return (100 * part / whole).quantize(_TENTH, ROUND_HALF_UP)


def clean_plan(data: PlanInput) -> PlanInput:
    errors = Errors()
    if not 2000 <= data.year <= 2100:
        errors.add("year", translate("AccountPlans", "The year is between 2000 and 2100."))
    if data.target_revenue < 0 or data.target_revenue > MAX_AMOUNT:
        errors.add(
            "target_revenue",
            translate("AccountPlans", "The revenue target is an amount of 0 or more."),
        )
    elif data.target_revenue != data.target_revenue.quantize(Decimal("0.01")):
        errors.add(
            "target_revenue",
            translate("AccountPlans", "The revenue target has at most 2 decimals."),
        )
    for name in ("objectives", "strategy", "risks"):
        if len(getattr(data, name)) > MAX_TEXT:
            errors.add(
                name,
                translate("AccountPlans", "This text is longer than {max} characters.").format(
                    max=MAX_TEXT
                ),
            )
    errors.raise_if_any()
    return replace(
        data,
        objectives=data.objectives.strip(),
        strategy=data.strategy.strip(),
        risks=data.risks.strip(),
    )


class AccountPlansService:
    """Creates, edits and lists account plans and computes their KPIs."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def list(self, customer_id: int | None = None) -> list[PlanRow]:
        """One customer's plans (or every plan), the latest year first."""
        with self._db.read() as session:
            query = select(m.AccountPlan.id).order_by(
                m.AccountPlan.year.desc(), m.AccountPlan.id.desc()
            )
            if customer_id is not None:
                query = query.where(m.AccountPlan.customer_id == customer_id)
            return [_row(session, plan_id) for plan_id in session.scalars(query)]

    def get(self, plan_id: int) -> PlanRow:
        with self._db.read() as session:
            return _row(session, plan_id)

    def create(self, data: PlanInput) -> int:
        data = clean_plan(data)
        with self._db.write() as session:
            customer = session.get(m.Customer, data.customer_id)
            if customer is None or customer.deleted_at is not None:
                raise NotFoundError(translate("AccountPlans", "This customer no longer exists."))
            _check_year(session, data, None)
            plan = m.AccountPlan(customer_id=data.customer_id)
            _apply(plan, data, customer.owner_id)
            session.add(plan)
            session.flush()
            return plan.id

    def update(self, plan_id: int, data: PlanInput) -> None:
        data = clean_plan(data)
        with self._db.write() as session:
            plan = _plan(session, plan_id)
            _check_year(session, replace(data, customer_id=plan.customer_id), plan_id)
            _apply(plan, data, plan.owner_id)

    def delete(self, plan_id: int) -> None:
        """Remove a plan (undo of its creation); its tasks stay, unlinked."""
        with self._db.write() as session:
            session.delete(_plan(session, plan_id))

    def link_action(self, plan_id: int, activity_id: int) -> None:
        """Make a task one of the plan's actions."""
        with self._db.write() as session:
            _plan(session, plan_id)
            if session.get(m.Activity, activity_id) is None:
                raise NotFoundError(translate("AccountPlans", "This task no longer exists."))
            exists = session.scalar(
                select(m.AccountPlanAction.id).where(
                    m.AccountPlanAction.plan_id == plan_id,
                    m.AccountPlanAction.activity_id == activity_id,
                )
            )
            if exists is None:
                session.add(m.AccountPlanAction(plan_id=plan_id, activity_id=activity_id))

    def kpis(self, plan_id: int, as_of: date | None = None) -> PlanKpis:
        as_of = as_of or clock().today()
        with self._db.read() as session:
            plan = _plan(session, plan_id)
            return plan_kpis(session, plan.customer_id, plan.year, plan.target_revenue, as_of)


def plan_kpis(
    session: Session, customer_id: int, year: int, target: Decimal, as_of: date
) -> PlanKpis:
    """The KPIs of a plan of ``customer_id`` for ``year`` as of ``as_of`` (see the module)."""
    o, c = m.Order, m.Customer
    start, year_end = date(year, 1, 1), date(year, 12, 31)
    end = min(year_end, as_of)
    revenue: Decimal = ZERO
    if end >= start:
        revenue = session.execute(
            select(money_sum(revenue_amount(o))).where(
                o.customer_id == customer_id,
                o.deleted_at.is_(None),
                *revenue_filter(o, start, date.fromordinal(end.toordinal() + 1)),
            )
        ).scalar_one()
    potential = session.scalar(select(c.potential_value).where(c.id == customer_id)) or ZERO
    company = company_currency_in(session)
    deals = session.execute(
        select(m.Opportunity.currency, m.Opportunity.amount).where(
            m.Opportunity.customer_id == customer_id,
            m.Opportunity.status == OpportunityStatus.OPEN,
            m.Opportunity.deleted_at.is_(None),
        )
    ).all()
    rates: dict[str, Decimal] = {}
    open_amount = ZERO
    for currency, amount in deals:
        if currency not in rates:
            rates[currency] = rate_on(session, currency, as_of, company=company)
        open_amount += to_base(amount, rates[currency])
    overdue = sum(
        (
            i.open_base
            for i in open_invoices(session, as_of, customer_id=customer_id)
            if i.days_overdue > 0
        ),
        ZERO,
    )
    contacted = session.scalar(
        select(m.CustomerStats.last_interaction_at).where(
            m.CustomerStats.customer_id == customer_id
        )
    )
    return PlanKpis(
        as_of=as_of,
        currency=company,
        period_start=start,
        period_end=end,
        revenue=revenue,
        target=target,
        attainment=percent(revenue, target),
        potential=potential if potential > 0 else None,
        share_of_wallet=percent(revenue, potential),
        open_deals=len(deals),
        open_amount=open_amount,
        overdue=overdue,
        last_contact=None if contacted is None else contacted.astimezone(local_zone()).date(),
    )


def _plan(session: Session, plan_id: int) -> m.AccountPlan:
    plan = session.get(m.AccountPlan, plan_id)
    if plan is None:
        raise NotFoundError(translate("AccountPlans", "This account plan no longer exists."))
    return plan


def _check_year(session: Session, data: PlanInput, plan_id: int | None) -> None:
    query = select(func.count()).where(
        m.AccountPlan.customer_id == data.customer_id, m.AccountPlan.year == data.year
    )
    if plan_id is not None:
        query = query.where(m.AccountPlan.id != plan_id)
    if session.scalar(query):
        errors = Errors()
        errors.add(
            "year",
            translate("AccountPlans", "This customer already has a plan for {year}.").format(
                year=data.year
            ),
        )
        errors.raise_if_any()


def _apply(plan: m.AccountPlan, data: PlanInput, default_owner: int | None) -> None:
    plan.year = data.year
    plan.status = data.status
    plan.objectives = data.objectives or None
    plan.strategy = data.strategy or None
    plan.risks = data.risks or None
    plan.target_revenue = data.target_revenue
    plan.review_on = data.review_on
    plan.owner_id = data.owner_id if data.owner_id is not None else default_owner


def _row(session: Session, plan_id: int) -> PlanRow:
    plan = _plan(session, plan_id)
    customer = session.get(m.Customer, plan.customer_id)
    owner = session.get(m.Salesperson, plan.owner_id) if plan.owner_id is not None else None
    a, pa = m.Activity, m.AccountPlanAction
    actions = tuple(
        PlanAction(aid, subject, due, done is not None)
        for aid, subject, due, done in session.execute(
            select(a.id, a.subject, a.due_at, a.done_at)
            .join(pa, pa.activity_id == a.id)
            .where(pa.plan_id == plan_id, a.deleted_at.is_(None))
            .order_by(a.due_at, a.id)
        )
    )
    return PlanRow(
        plan.id,
        plan.customer_id,
        customer.name if customer is not None else "",
        plan.owner_id,
        owner.name if owner is not None else None,
        plan.year,
        plan.status,
        plan.objectives or "",
        plan.strategy or "",
        plan.risks or "",
        plan.target_revenue,
        plan.review_on,
        actions,
    )
