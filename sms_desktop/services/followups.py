"""Follow-up plans (跟进计划): named series of steps ("call after 3 days, visit after 14")
that create linked tasks for a customer, applied by hand or started by every new order
(trigger "after an order", inside the order's transaction: :func:`schedule_for_order`).

A step lands at 09:00 local time (``tz``, default the system's zone) of its day.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from sms_desktop.domain.clock import local_zone
from sms_desktop.domain.enums import ActivityKind, FollowUpTrigger
from sms_desktop.domain.errors import Errors, NotFoundError
from sms_desktop.domain.i18n import translate
from sms_desktop.persistence import models as m
from sms_desktop.persistence.db import Database
from sms_desktop.services.tasks import MAX_SUBJECT

DEFAULT_HOUR = 9  # a plan's steps land at 09:00 local time


@dataclass(frozen=True, slots=True)
class PlanStep:
    offset_days: int
    kind: ActivityKind
    subject: str
    with_survey: bool = False


@dataclass(frozen=True, slots=True)
class FollowUpPlanRow:
    id: int
    name: str
    trigger: FollowUpTrigger
    active: bool
    steps: tuple[PlanStep, ...]


@dataclass(frozen=True, slots=True)
class PlanInput:
    name: str
    steps: tuple[PlanStep, ...]
    trigger: FollowUpTrigger = FollowUpTrigger.MANUAL
    active: bool = True


def _at_local(day: date, hour: int, tz: tzinfo) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=tz).astimezone(UTC)


def _clean_plan(data: PlanInput) -> PlanInput:
    errors = Errors()
    name = " ".join(data.name.split())
    if not name:
        errors.add("name", translate("Tasks", "Give the plan a name."))
    elif len(name) > 120:
        errors.add(
            "name", translate("Tasks", "The name is longer than {max} characters.").format(max=120)
        )
    if not data.steps:
        errors.add("steps", translate("Tasks", "A plan needs at least one step."))
    steps: list[PlanStep] = []
    for step in data.steps:
        subject = " ".join(step.subject.split())
        if not subject:
            errors.add("steps", translate("Tasks", "Every step needs a subject."))
        elif len(subject) > MAX_SUBJECT:
            errors.add(
                "steps",
                translate("Tasks", "The subject is longer than {max} characters.").format(
                    max=MAX_SUBJECT
                ),
            )
        if not 0 <= step.offset_days <= 3650:
            errors.add("steps", translate("Tasks", "A step is 0 to 3,650 days after the start."))
        steps.append(PlanStep(step.offset_days, step.kind, subject, step.with_survey))
    errors.raise_if_any()
    steps.sort(key=lambda s: s.offset_days)
    return PlanInput(name, tuple(steps), data.trigger, data.active)


def apply_plan_in(
    session: Session,
    plan: m.FollowUpPlan,
    customer_id: int,
    *,
    start: date,
    tz: tzinfo,
    assignee_id: int | None = None,
    contact_id: int | None = None,
    notes: str | None = None,
) -> list[int]:
    """Create the plan's steps for a customer, each linked to the one before; returns ids."""
    customer = session.get(m.Customer, customer_id)
    if customer is None or customer.deleted_at is not None:
        raise NotFoundError(translate("Tasks", "This customer no longer exists."))
    if assignee_id is None:
        assignee_id = customer.owner_id
    ids: list[int] = []
    previous: int | None = None
    for step in plan.steps:
        row = m.Activity(
            kind=step.kind,
            subject=step.subject,
            notes=notes,
            due_at=_at_local(start + timedelta(days=step.offset_days), DEFAULT_HOUR, tz),
            all_day=True,
            assignee_id=assignee_id,
            customer_id=customer_id,
            contact_id=contact_id,
            follow_up_plan_id=plan.id,
            previous_id=previous,
            with_survey=step.with_survey,
        )
        session.add(row)
        session.flush()
        ids.append(row.id)
        previous = row.id
    return ids


def schedule_for_order(session: Session, order_id: int, tz: tzinfo | None = None) -> list[int]:
    """Apply every active "after an order" plan to a newly recorded order's customer.

    Call this inside the transaction that records the order, so the order and its
    follow-ups are written together (or not at all).
    """
    order = session.get(m.Order, order_id)
    if order is None:
        raise NotFoundError(translate("Tasks", "This order no longer exists."))
    plans = session.scalars(
        select(m.FollowUpPlan)
        .where(
            m.FollowUpPlan.active.is_(True),
            m.FollowUpPlan.trigger == FollowUpTrigger.ORDER_RECORDED,
        )
        .order_by(m.FollowUpPlan.id)
    ).all()
    ids: list[int] = []
    note = translate("Tasks", "After order {number}").format(number=order.number).render()
    for plan in plans:
        ids += apply_plan_in(
            session,
            plan,
            order.customer_id,
            start=order.order_date,
            tz=tz or local_zone(),
            assignee_id=order.owner_id,
            notes=note,
        )
    return ids


def drop_follow_ups_in(session: Session, task_ids: Sequence[int]) -> None:
    """Take back follow-up tasks an order started (an undo): those not done yet go."""
    if task_ids:
        session.execute(
            delete(m.Activity).where(m.Activity.id.in_(task_ids), m.Activity.done_at.is_(None))
        )


class FollowUpsService:
    """The plans and applying them; one transaction per call."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def plans(self, *, active_only: bool = False) -> list[FollowUpPlanRow]:
        with self._db.read() as session:
            query = select(m.FollowUpPlan).order_by(m.FollowUpPlan.name, m.FollowUpPlan.id)
            if active_only:
                query = query.where(m.FollowUpPlan.active.is_(True))
            return [
                FollowUpPlanRow(
                    p.id,
                    p.name,
                    p.trigger,
                    p.active,
                    tuple(
                        PlanStep(s.offset_days, s.kind, s.subject, s.with_survey) for s in p.steps
                    ),
                )
                for p in session.scalars(query)
            ]

    def save(self, plan_id: int | None, data: PlanInput) -> int:
        cleaned = _clean_plan(data)
        with self._db.write() as session:
            if plan_id is None:
                plan = m.FollowUpPlan()
                session.add(plan)
            else:
                found = session.get(m.FollowUpPlan, plan_id)
                if found is None:
                    raise NotFoundError(translate("Tasks", "This plan no longer exists."))
                plan = found
                plan.steps.clear()
                session.flush()
            plan.name, plan.trigger, plan.active = cleaned.name, cleaned.trigger, cleaned.active
            plan.steps.extend(
                m.FollowUpStep(
                    position=position,
                    offset_days=step.offset_days,
                    kind=step.kind,
                    subject=step.subject,
                    with_survey=step.with_survey,
                )
                for position, step in enumerate(cleaned.steps, start=1)
            )
            session.flush()
            return plan.id

    def delete(self, plan_id: int) -> None:
        """Remove a plan; tasks it created stay."""
        with self._db.write() as session:
            session.execute(delete(m.FollowUpPlan).where(m.FollowUpPlan.id == plan_id))

    def apply(
        self,
        plan_id: int,
        customer_id: int,
        *,
        start: date,
        assignee_id: int | None = None,
        contact_id: int | None = None,
        tz: tzinfo | None = None,
    ) -> list[int]:
        with self._db.write() as session:
            plan = session.get(m.FollowUpPlan, plan_id)
            if plan is None:
                raise NotFoundError(translate("Tasks", "This plan no longer exists."))
            return apply_plan_in(
                session,
                plan,
                customer_id,
                start=start,
                tz=tz or local_zone(),
                assignee_id=assignee_id,
                contact_id=contact_id,
            )

    def schedule_for_order(self, order_id: int, tz: tzinfo | None = None) -> list[int]:
        with self._db.write() as session:
            return schedule_for_order(session, order_id, tz)
