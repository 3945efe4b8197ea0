"""Tasks and activities: the grouped list, quick add, done → history, recurrence, reminders
and the calendar (follow-up plans that create tasks: :mod:`sms_desktop.services.followups`).

Times are aware datetimes; a ``tz`` (default: the system's zone) decides local days, so
"today" and the groups follow the user's calendar rather than UTC's.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any, Literal, cast

from sqlalchemy import ColumnElement, Select, and_, delete, func, or_, select, update
from sqlalchemy.orm import Session

from sms_desktop.domain.clock import clock, local_zone
from sms_desktop.domain.enums import (
    ActivityKind,
    AuditAction,
    InteractionKind,
    OpportunityStatus,
    RecurrenceUnit,
)
from sms_desktop.domain.errors import ConflictError, Errors, NotFoundError, ValidationError
from sms_desktop.domain.i18n import Translator, identity_translator, translate
from sms_desktop.domain.surveys import is_low
from sms_desktop.domain.tasks import (
    GroupBounds,
    TaskGroup,
    next_occurrence,
    shift_keeping_time,
)
from sms_desktop.persistence import models as m
from sms_desktop.persistence.db import Database
from sms_desktop.services import audit
from sms_desktop.services.customers import trashed_customer_ids
from sms_desktop.services.lists import Order

MAX_SUBJECT = 200
MAX_TEXT = 4000
MAX_INTERVAL = 366
_ENTITY = "activity"

TaskSortKey = Literal["due", "subject", "kind", "customer", "assignee", "done"]


# ----------------------------------------------------------------------------- read models


@dataclass(frozen=True, slots=True)
class TaskFilter:
    assignee_id: int | None = None
    kind: ActivityKind | None = None
    customer_id: int | None = None
    opportunity_id: int | None = None
    search: str = ""


@dataclass(frozen=True, slots=True)
class TaskList:
    """What the task list shows: a filter, one group (None: all) as of ``bounds``, and
    optionally only the tasks ``ids`` (a selection being exported)."""

    filter: TaskFilter
    group: TaskGroup | None
    bounds: GroupBounds
    ids: tuple[int, ...] | None = None


@dataclass(frozen=True, slots=True)
class TaskRow:
    id: int
    kind: ActivityKind
    subject: str
    notes: str | None
    due_at: datetime
    all_day: bool
    duration_minutes: int | None
    done_at: datetime | None
    outcome: str | None
    assignee_id: int | None
    assignee: str | None
    customer_id: int | None
    customer: str | None
    contact_id: int | None
    contact: str | None
    opportunity_id: int | None
    opportunity: str | None
    remind_at: datetime | None
    recurrence_unit: RecurrenceUnit | None
    recurrence_interval: int | None
    recurrence_until: date | None
    with_survey: bool

    @property
    def done(self) -> bool:
        return self.done_at is not None


@dataclass(frozen=True, slots=True)
class TaskInput:
    kind: ActivityKind
    subject: str
    due_at: datetime  # aware; for an all-day task, any time on the local day
    all_day: bool = True
    duration_minutes: int | None = None
    notes: str = ""
    assignee_id: int | None = None
    customer_id: int | None = None
    contact_id: int | None = None
    opportunity_id: int | None = None
    remind_at: datetime | None = None
    recurrence_unit: RecurrenceUnit | None = None
    recurrence_interval: int | None = None
    recurrence_until: date | None = None
    with_survey: bool = False


@dataclass(frozen=True, slots=True)
class SurveyInput:
    """The answer of a 回访 with a satisfaction survey: a score 1–5, optional NPS 0–10."""

    score: int
    nps: int | None = None
    comments: str = ""


@dataclass(frozen=True, slots=True)
class Completion:
    """What marking a task done wrote, so Undo can take it back."""

    task_id: int
    next_task_id: int | None = None
    survey_id: int | None = None
    interaction_id: int | None = None
    follow_up_id: int | None = None  # a low score's follow-up task


@dataclass(frozen=True, slots=True)
class DealChoice:
    """An open opportunity a task can be linked to."""

    id: int
    title: str


@dataclass(frozen=True, slots=True)
class GroupCounts:
    counts: dict[TaskGroup, int] = field(default_factory=dict)

    def __getitem__(self, group: TaskGroup) -> int:
        return self.counts.get(group, 0)

    @property
    def attention(self) -> int:
        """Overdue plus due today: what the tab title shows."""
        return self[TaskGroup.OVERDUE] + self[TaskGroup.TODAY]


# ------------------------------------------------------------------------------ validation


def clean_task(data: TaskInput) -> TaskInput:
    errors = Errors()
    subject = " ".join(data.subject.split())
    notes = data.notes.strip()
    if not subject:
        errors.add("subject", translate("Tasks", "Enter what is to be done."))
    elif len(subject) > MAX_SUBJECT:
        errors.add(
            "subject",
            translate("Tasks", "The subject is longer than {max} characters.").format(
                max=MAX_SUBJECT
            ),
        )
    if len(notes) > MAX_TEXT:
        errors.add(
            "notes",
            translate("Tasks", "The notes are longer than {max} characters.").format(max=MAX_TEXT),
        )
    if data.due_at.tzinfo is None:
        errors.add("due_at", translate("Tasks", "The due time has no time zone."))
    if data.duration_minutes is not None and not 0 < data.duration_minutes <= 24 * 60:
        errors.add("duration_minutes", translate("Tasks", "A duration is 1 minute to 24 hours."))
    if data.remind_at is not None and data.remind_at.tzinfo is None:
        errors.add("remind_at", translate("Tasks", "The reminder time has no time zone."))
    if data.recurrence_unit is not None:
        interval = data.recurrence_interval
        if interval is None or not 1 <= interval <= MAX_INTERVAL:
            errors.add(
                "recurrence_interval",
                translate("Tasks", "Repeat every 1 to {max}.").format(max=MAX_INTERVAL),
            )
        if (
            data.recurrence_until is not None
            and data.due_at.tzinfo is not None
            and data.recurrence_until < data.due_at.date() - timedelta(days=1)
        ):
            errors.add(
                "recurrence_until",
                translate("Tasks", "The series cannot end before the task is due."),
            )
    errors.raise_if_any()
    recurring = data.recurrence_unit is not None
    return TaskInput(
        data.kind,
        subject,
        data.due_at.astimezone(UTC),
        data.all_day,
        None if data.all_day else data.duration_minutes,
        notes,
        data.assignee_id,
        data.customer_id,
        data.contact_id,
        data.opportunity_id,
        None if data.remind_at is None else data.remind_at.astimezone(UTC),
        data.recurrence_unit,
        data.recurrence_interval if recurring else None,
        data.recurrence_until if recurring else None,
        data.with_survey,
    )


def _check_links(session: Session, data: TaskInput) -> TaskInput:
    """Existing, live links; the customer follows from the opportunity or contact."""
    customer_id = data.customer_id
    if data.opportunity_id is not None:
        opportunity = session.get(m.Opportunity, data.opportunity_id)
        if opportunity is None or opportunity.deleted_at is not None:
            raise ValidationError(
                {"opportunity_id": translate("Tasks", "This opportunity no longer exists.")}
            )
        if customer_id is None:
            customer_id = opportunity.customer_id
        elif customer_id != opportunity.customer_id:
            raise ValidationError(
                {
                    "opportunity_id": translate(
                        "Tasks", "The opportunity belongs to another customer."
                    )
                }
            )
    if data.contact_id is not None:
        contact = session.get(m.Contact, data.contact_id)
        if contact is None or contact.deleted_at is not None:
            raise ValidationError(
                {"contact_id": translate("Tasks", "This contact no longer exists.")}
            )
        if customer_id is None:
            customer_id = contact.customer_id
        elif contact.customer_id != customer_id:
            raise ValidationError(
                {"contact_id": translate("Tasks", "Choose one of this customer's contacts.")}
            )
    if customer_id is not None:
        customer = session.get(m.Customer, customer_id)
        if customer is None or customer.deleted_at is not None:
            raise ValidationError(
                {"customer_id": translate("Tasks", "This customer no longer exists.")}
            )
    if data.assignee_id is not None and session.get(m.Salesperson, data.assignee_id) is None:
        raise ValidationError(
            {"assignee_id": translate("Tasks", "This salesperson no longer exists.")}
        )
    if data.with_survey and customer_id is None:
        raise ValidationError(
            {"with_survey": translate("Tasks", "A satisfaction survey needs a customer.")}
        )
    if customer_id == data.customer_id:
        return data
    return TaskInput(**{**_fields(data), "customer_id": customer_id})


def _fields(data: TaskInput) -> dict[str, Any]:
    return {name: getattr(data, name) for name in TaskInput.__dataclass_fields__}


def _apply(row: m.Activity, data: TaskInput) -> None:
    for name, value in _fields(data).items():
        setattr(row, name, value if name != "notes" else (value or None))


def _input_of(row: m.Activity) -> TaskInput:
    return TaskInput(
        row.kind,
        row.subject,
        row.due_at,
        row.all_day,
        row.duration_minutes,
        row.notes or "",
        row.assignee_id,
        row.customer_id,
        row.contact_id,
        row.opportunity_id,
        row.remind_at,
        row.recurrence_unit,
        row.recurrence_interval,
        row.recurrence_until,
        row.with_survey,
    )


def _live(session: Session, task_id: int) -> m.Activity:
    row = session.get(m.Activity, task_id)
    if row is None or row.deleted_at is not None:
        raise NotFoundError(translate("Tasks", "This task no longer exists."))
    return row


def _refresh_stats(session: Session, customer_ids: Sequence[int | None]) -> None:
    from sms_desktop.services.stats import refresh_customer_stats

    ids = sorted({cid for cid in customer_ids if cid is not None})
    if ids:
        session.flush()
        refresh_customer_stats(session.connection(), ids)


# ---------------------------------------------------------------------------------- service


_LOW_SCORE = translate("Surveys", "Follow up low satisfaction: {score} of 5")
_LOW_SCORE_NPS = translate(
    "Surveys", "Follow up low satisfaction: {score} of 5, recommend {nps} of 10"
)


def _follow_up_low_score(
    session: Session, survey: m.SatisfactionSurvey, now: datetime, tz: tzinfo, tr: Translator
) -> int:
    """The follow-up task of a low survey answer: a call for the customer's owner, due the
    next day, with the answer's comments; linked to the answer (``survey_follow_ups``)."""
    owner = session.execute(
        select(m.Customer.owner_id).where(m.Customer.id == survey.customer_id)
    ).scalar_one()
    subject = (
        _LOW_SCORE.format(score=survey.score)
        if survey.nps is None
        else _LOW_SCORE_NPS.format(score=survey.score, nps=survey.nps)
    )
    next_day = now.astimezone(tz).date() + timedelta(days=1)
    task = m.Activity(
        kind=ActivityKind.CALL,
        subject=subject.render(tr)[:200],
        due_at=datetime.combine(next_day, time(9), tz).astimezone(UTC),
        all_day=True,
        assignee_id=owner,
        customer_id=survey.customer_id,
        notes=survey.comments,
    )
    session.add(task)
    session.flush()
    session.add(m.SurveyFollowUp(survey_id=survey.id, activity_id=task.id))
    return task.id


class TasksService:
    def __init__(self, db: Database) -> None:
        self._db = db

    # ------------------------------------------------------------------ the grouped list

    def _trash_has_customers(self) -> bool:
        with self._db.read() as session:
            found = session.scalar(
                select(m.TrashEntry.id).where(m.TrashEntry.entity == "customer").limit(1)
            )
        return found is not None

    def _conditions(
        self,
        flt: TaskFilter,
        group: TaskGroup | None,
        bounds: GroupBounds | None,
        hide_trashed: bool = True,
    ) -> list[ColumnElement[bool]]:
        a = m.Activity
        conditions: list[ColumnElement[bool]] = [a.deleted_at.is_(None)]
        if group is not None:
            assert bounds is not None
            if group is TaskGroup.DONE:
                conditions += [a.done_at.is_not(None), a.done_at >= bounds.done_since]
            else:
                conditions.append(a.done_at.is_(None))
                if group is TaskGroup.OVERDUE:
                    conditions.append(a.due_at < bounds.today)
                elif group is TaskGroup.TODAY:
                    conditions += [a.due_at >= bounds.today, a.due_at < bounds.tomorrow]
                elif group is TaskGroup.THIS_WEEK:
                    conditions += [a.due_at >= bounds.tomorrow, a.due_at < bounds.next_week]
                else:
                    conditions.append(a.due_at >= bounds.next_week)
        if flt.assignee_id is not None:
            conditions.append(a.assignee_id == flt.assignee_id)
        if flt.kind is not None:
            conditions.append(a.kind == flt.kind)
        if flt.customer_id is not None:
            conditions.append(a.customer_id == flt.customer_id)
        if flt.opportunity_id is not None:
            conditions.append(a.opportunity_id == flt.opportunity_id)
        # Tasks of a customer in the trash leave with it (the few in the trash, found once;
        # not asked at all while no customer is in the trash).
        if hide_trashed:
            trashed = trashed_customer_ids()
            conditions.append(or_(a.customer_id.is_(None), a.customer_id.not_in(trashed)))
        words = flt.search.split()
        for word in words:
            pattern = "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            matching_customers = select(m.Customer.id).where(
                m.Customer.name.like(pattern, escape="\\")
            )
            conditions.append(
                or_(
                    a.subject.like(pattern, escape="\\"),
                    a.notes.like(pattern, escape="\\"),
                    a.customer_id.in_(matching_customers),
                )
            )
        return conditions

    @staticmethod
    def _hinted(query: Any, flt: TaskFilter, group: TaskGroup | None) -> Any:
        """Name the index for a group's rows: SQLite's statistics see ``done_at`` as
        selective (few rows per value) and would scan every open row through it otherwise."""
        if group is None or flt.customer_id is not None or flt.opportunity_id is not None:
            return query  # a customer's or a deal's few tasks: its own index is best
        if group is TaskGroup.DONE:
            index = "ix_activities_live_done_at"
        elif flt.assignee_id is not None:
            index = "ix_activities_open_assignee_id_due_at"
        else:
            index = "ix_activities_open_due_at"
        return query.with_hint(m.Activity, f"INDEXED BY {index}", "sqlite")

    def _count_query(
        self, flt: TaskFilter, group: TaskGroup | None, bounds: GroupBounds, hide_trashed: bool
    ) -> Any:
        query = (
            select(func.count())
            .select_from(m.Activity)
            .where(and_(*self._conditions(flt, group, bounds, hide_trashed)))
        )
        return self._hinted(query, flt, group)

    def group_counts(
        self,
        flt: TaskFilter = TaskFilter(),
        *,
        now: datetime | None = None,
        tz: tzinfo | None = None,
    ) -> GroupCounts:
        bounds = GroupBounds.at(now or clock().now(), tz or local_zone())
        hide = self._trash_has_customers()
        with self._db.read() as session:
            counts = {
                group: session.scalar(self._count_query(flt, group, bounds, hide)) or 0
                for group in TaskGroup
            }
        return GroupCounts(counts)

    def count_tasks(self, flt: TaskFilter, group: TaskGroup | None, bounds: GroupBounds) -> int:
        return self.count_rows(TaskList(flt, group, bounds))

    def _list_query(
        self,
        flt: TaskFilter,
        group: TaskGroup | None,
        bounds: GroupBounds | None,
        order_by: TaskSortKey,
        descending: bool,
        hide_trashed: bool = True,
    ) -> Select[*tuple[Any, ...]]:
        a, c, sp, ct, o = m.Activity, m.Customer, m.Salesperson, m.Contact, m.Opportunity
        sort_columns: dict[str, Any] = {
            "due": a.due_at,
            "subject": a.subject,
            "kind": a.kind,
            "customer": c.sort_name,
            "assignee": sp.name,
            "done": a.done_at,
        }
        key = sort_columns[order_by]
        nullable = order_by in ("customer", "assignee") or (
            order_by == "done" and group is not TaskGroup.DONE
        )
        ordering: list[Any] = [key.is_(None)] if nullable else []
        # Ties broken in the groups' index order, so a page is read straight from the index.
        ties: dict[str, list[Any]] = {
            "due": [a.customer_id, a.kind],
            "done": [a.customer_id, a.kind, a.assignee_id],
        }
        for column in [key, *ties.get(order_by, []), a.id]:
            ordering.append(column.desc() if descending else column.asc())
        query = (
            select(
                a.id,
                a.kind,
                a.subject,
                a.notes,
                a.due_at,
                a.all_day,
                a.duration_minutes,
                a.done_at,
                a.outcome,
                a.assignee_id,
                sp.name,
                a.customer_id,
                c.name,
                a.contact_id,
                ct.name,
                a.opportunity_id,
                o.title,
                a.remind_at,
                a.recurrence_unit,
                a.recurrence_interval,
                a.recurrence_until,
                a.with_survey,
            )
            .select_from(a)
            .outerjoin(c, c.id == a.customer_id)
            .outerjoin(sp, sp.id == a.assignee_id)
            .outerjoin(ct, ct.id == a.contact_id)
            .outerjoin(o, o.id == a.opportunity_id)
            .where(and_(*self._conditions(flt, group, bounds, hide_trashed)))
            .order_by(*ordering)
        )
        # Sorted by due time (done time for done tasks), the group's index gives the order.
        if (order_by == "done") == (group is TaskGroup.DONE) and order_by in ("due", "done"):
            return cast(Select[*tuple[Any, ...]], self._hinted(query, flt, group))
        return query

    def list_tasks(
        self,
        flt: TaskFilter,
        group: TaskGroup | None,
        bounds: GroupBounds,
        *,
        offset: int = 0,
        limit: int = 256,
        order_by: TaskSortKey = "due",
        descending: bool = False,
    ) -> list[TaskRow]:
        return self.page_rows(
            TaskList(flt, group, bounds), Order(order_by, descending), offset=offset, limit=limit
        )

    def iter_tasks(
        self,
        flt: TaskFilter,
        group: TaskGroup | None,
        bounds: GroupBounds | None,
        *,
        order_by: TaskSortKey = "due",
        descending: bool = False,
        ids: Sequence[int] | None = None,
        batch: int = 2000,
    ) -> Iterator[TaskRow]:
        """Every matching task in list order, or just ``ids`` (for the exports)."""
        query = self._list_query(flt, group, bounds, order_by, descending)
        if ids is not None:
            query = query.where(m.Activity.id.in_(list(ids)))
        with self._db.read() as session:
            for r in session.execute(query.execution_options(yield_per=batch)):
                yield TaskRow(*r)

    # ------------------------------------------------------------ the list protocol

    def count_rows(self, flt: TaskList, /, *, cap: int | None = None) -> int:
        del cap  # a group is counted exactly: its number is on the group's button
        query = self._count_query(flt.filter, flt.group, flt.bounds, self._trash_has_customers())
        if flt.ids is not None:
            query = query.where(m.Activity.id.in_(flt.ids))
        with self._db.read() as session:
            return session.scalar(query) or 0

    def page_rows(
        self, flt: TaskList, order: Order[TaskSortKey], /, *, offset: int, limit: int
    ) -> list[TaskRow]:
        hide = self._trash_has_customers()
        query = self._list_query(
            flt.filter, flt.group, flt.bounds, order.key, order.descending, hide
        )
        if flt.ids is not None:
            query = query.where(m.Activity.id.in_(flt.ids))
        with self._db.read() as session:
            return [TaskRow(*r) for r in session.execute(query.offset(offset).limit(limit))]

    def iter_rows(self, flt: TaskList, order: Order[TaskSortKey], /) -> Iterator[TaskRow]:
        return self.iter_tasks(
            flt.filter,
            flt.group,
            flt.bounds,
            order_by=order.key,
            descending=order.descending,
            ids=flt.ids,
        )

    def get(self, task_id: int) -> TaskRow:
        query = self._list_query(TaskFilter(), None, None, "due", False).where(
            m.Activity.id == task_id
        )
        with self._db.read() as session:
            row = session.execute(query).first()
        if row is None:
            raise NotFoundError(translate("Tasks", "This task no longer exists."))
        return TaskRow(*row)

    def calendar(
        self, start: datetime, end: datetime, *, assignee_id: int | None = None, limit: int = 5000
    ) -> list[TaskRow]:
        """Open and done tasks due in ``[start, end)``, by due time."""
        query = (
            self._list_query(TaskFilter(assignee_id=assignee_id), None, None, "due", False)
            .where(
                m.Activity.due_at >= start.astimezone(UTC), m.Activity.due_at < end.astimezone(UTC)
            )
            .limit(limit)
        )
        with self._db.read() as session:
            return [TaskRow(*r) for r in session.execute(query)]

    def open_deals(self, customer_id: int) -> list[DealChoice]:
        """A customer's open opportunities (id and title), for linking a task."""
        o = m.Opportunity
        with self._db.read() as session:
            rows = session.execute(
                select(o.id, o.title)
                .where(
                    o.customer_id == customer_id,
                    o.deleted_at.is_(None),
                    o.status == OpportunityStatus.OPEN,
                )
                .order_by(o.title, o.id)
            )
            return [DealChoice(*r) for r in rows]

    # ---------------------------------------------------------------------------- writes

    def create(self, data: TaskInput) -> int:
        cleaned = clean_task(data)
        with self._db.write() as session:
            cleaned = _check_links(session, cleaned)
            row = m.Activity()
            _apply(row, cleaned)
            session.add(row)
            session.flush()
            audit.record(session, _ENTITY, row.id, AuditAction.CREATE, new=row.subject)
            return row.id

    def update(self, task_id: int, data: TaskInput) -> TaskInput:
        """Change a task; returns what it was, for Undo."""
        cleaned = clean_task(data)
        with self._db.write() as session:
            row = _live(session, task_id)
            cleaned = _check_links(session, cleaned)
            old = _input_of(row)
            _apply(row, cleaned)
            if cleaned.remind_at != old.remind_at:
                row.reminded_at = None
            audit.record_changes(session, _ENTITY, task_id, _fields(old), _fields(cleaned))
            _refresh_stats(session, [old.customer_id, cleaned.customer_id] if row.done_at else [])
            return old

    def reschedule(
        self,
        task_ids: Sequence[int],
        *,
        days: int | None = None,
        to_day: date | None = None,
        tz: tzinfo | None = None,
    ) -> dict[int, datetime]:
        """Move open tasks by ``days`` or onto ``to_day`` (same local time); one transaction.

        Returns each task's previous due time, for Undo (``set_due``)."""
        if (days is None) == (to_day is None):
            raise ValueError("give days or to_day")
        tz = tz or local_zone()
        with self._db.write() as session:
            old: dict[int, datetime] = {}
            for task_id in dict.fromkeys(task_ids):  # each task moves once
                row = _live(session, task_id)
                if row.done_at is not None:
                    raise ConflictError(translate("Tasks", "A done task cannot be rescheduled."))
                old[task_id] = row.due_at
                local_day = row.due_at.astimezone(tz).date()
                new_day = to_day if to_day is not None else local_day + timedelta(days=days or 0)
                new_due = shift_keeping_time(row.due_at, new_day, tz)
                if row.remind_at is not None:
                    row.remind_at = row.remind_at + (new_due - row.due_at)
                    row.reminded_at = None
                row.due_at = new_due
            return old

    def set_due(self, due: dict[int, datetime], *, now: datetime | None = None) -> None:
        """Put due times back (Undo of a reschedule). A reminder put back to a time already
        past is not shown again: it was due before the task was moved."""
        now = now or clock().now()
        with self._db.write() as session:
            for task_id, due_at in due.items():
                row = _live(session, task_id)
                if row.remind_at is not None:
                    row.remind_at = row.remind_at + (due_at - row.due_at)
                    row.reminded_at = now if row.remind_at <= now else None
                row.due_at = due_at

    def complete(
        self,
        task_id: int,
        outcome: str = "",
        *,
        survey: SurveyInput | None = None,
        now: datetime | None = None,
        tz: tzinfo | None = None,
        tr: Translator = identity_translator,
    ) -> Completion:
        """Mark done with an outcome note. The task joins the customer's history; a survey
        answer is recorded there with its score, and a low one (``domain/surveys.is_low``)
        gets a follow-up task for the account owner, due the next day, its subject in the
        language of ``tr``; a recurring task gets its next occurrence."""
        now = now or clock().now()
        tz = tz or local_zone()
        outcome = outcome.strip()
        errors = Errors()
        if len(outcome) > MAX_TEXT:
            errors.add(
                "outcome",
                translate("Tasks", "The outcome is longer than {max} characters.").format(
                    max=MAX_TEXT
                ),
            )
        if survey is not None:
            if not 1 <= survey.score <= 5:
                errors.add("score", translate("Tasks", "Satisfaction is a score from 1 to 5."))
            if survey.nps is not None and not 0 <= survey.nps <= 10:
                errors.add("nps", translate("Tasks", "The recommendation score is 0 to 10."))
            if len(survey.comments) > MAX_TEXT:
                errors.add(
                    "comments",
                    translate("Tasks", "The comments are longer than {max} characters.").format(
                        max=MAX_TEXT
                    ),
                )
        errors.raise_if_any()
        with self._db.write() as session:
            row = _live(session, task_id)
            if row.done_at is not None:
                raise ConflictError(translate("Tasks", "This task is already done."))
            if survey is not None and row.customer_id is None:
                raise ValidationError(
                    {"score": translate("Tasks", "A satisfaction survey needs a customer.")}
                )
            row.done_at = now
            row.outcome = outcome or None
            survey_id = interaction_id = follow_up_id = None
            if survey is not None:
                assert row.customer_id is not None
                comments = survey.comments.strip()
                record = m.SatisfactionSurvey(
                    customer_id=row.customer_id,
                    contact_id=row.contact_id,
                    activity_id=row.id,
                    salesperson_id=row.assignee_id,
                    surveyed_on=now.astimezone(tz).date(),
                    score=survey.score,
                    nps=survey.nps,
                    comments=comments or None,
                )
                note = m.Interaction(
                    customer_id=row.customer_id,
                    contact_id=row.contact_id,
                    salesperson_id=row.assignee_id,
                    kind=InteractionKind.FEEDBACK,
                    occurred_at=now,
                    summary=comments
                    or translate("Tasks", "Satisfaction survey: {score} of 5")
                    .format(score=survey.score)
                    .render(),
                    satisfaction=survey.score,
                )
                session.add_all([record, note])
                session.flush()
                survey_id, interaction_id = record.id, note.id
                if is_low(survey.score, survey.nps):
                    follow_up_id = _follow_up_low_score(session, record, now, tz, tr)
            next_id = self._spawn_next(session, row, tz)
            _refresh_stats(session, [row.customer_id])
            return Completion(task_id, next_id, survey_id, interaction_id, follow_up_id)

    @staticmethod
    def _spawn_next(session: Session, row: m.Activity, tz: tzinfo) -> int | None:
        if row.recurrence_unit is None or not row.recurrence_interval:
            return None
        # The series' first occurrence anchors month ends and leap days.
        first = row
        seen = {row.id}
        while first.previous_id is not None and first.previous_id not in seen:
            earlier = session.get(m.Activity, first.previous_id)
            if earlier is None or earlier.recurrence_unit != row.recurrence_unit:
                break
            seen.add(earlier.id)
            first = earlier
        start = first.due_at.astimezone(tz).date()
        after = row.due_at.astimezone(tz).date()
        day = next_occurrence(
            start, row.recurrence_unit, row.recurrence_interval, after, row.recurrence_until
        )
        if day is None:
            return None
        due = shift_keeping_time(row.due_at, day, tz)
        following = m.Activity()
        _apply(following, _input_of(row))
        following.due_at = due
        if row.remind_at is not None:
            following.remind_at = row.remind_at + (due - row.due_at)
        following.previous_id = row.id
        following.follow_up_plan_id = row.follow_up_plan_id
        session.add(following)
        session.flush()
        return following.id

    def reopen(self, completion: Completion) -> None:
        """Undo a completion: open the task again and remove what completing it wrote (the
        next occurrence and a low score's follow-up, while not done nor in the trash)."""
        with self._db.write() as session:
            row = _live(session, completion.task_id)
            row.done_at = None
            row.outcome = None
            spawned = [t for t in (completion.next_task_id, completion.follow_up_id) if t]
            if spawned:
                session.execute(
                    delete(m.Activity).where(
                        m.Activity.id.in_(spawned),
                        m.Activity.done_at.is_(None),
                        m.Activity.deleted_at.is_(None),  # one in the trash stays there
                    )
                )
            if completion.survey_id is not None:
                session.execute(
                    delete(m.SatisfactionSurvey).where(
                        m.SatisfactionSurvey.id == completion.survey_id
                    )
                )
            if completion.interaction_id is not None:
                session.execute(
                    delete(m.Interaction).where(m.Interaction.id == completion.interaction_id)
                )
            _refresh_stats(session, [row.customer_id])

    def delete(self, task_ids: Sequence[int]) -> None:
        """Move tasks to the trash (restorable from Edit ▸ Trash). A deleted task always has
        its trash entry: the dashboard's reports count deleted tasks from the trash."""
        now = clock().now()
        with self._db.write() as session:
            customers: list[int | None] = []
            for task_id in task_ids:
                row = _live(session, task_id)
                row.deleted_at = now
                session.add(
                    m.TrashEntry(
                        entity=_ENTITY, entity_id=task_id, label=row.subject, deleted_at=now
                    )
                )
                audit.record(session, _ENTITY, task_id, AuditAction.DELETE, old=row.subject)
                customers.append(row.customer_id)
            _refresh_stats(session, customers)

    def restore(self, task_id: int) -> None:
        with self._db.write() as session:
            row = session.get(m.Activity, task_id)
            if row is None:
                raise NotFoundError(translate("Tasks", "This task no longer exists."))
            row.deleted_at = None
            session.execute(
                delete(m.TrashEntry).where(
                    m.TrashEntry.entity == _ENTITY, m.TrashEntry.entity_id == task_id
                )
            )
            audit.record(session, _ENTITY, task_id, AuditAction.RESTORE, new=row.subject)
            _refresh_stats(session, [row.customer_id])

    # ------------------------------------------------------------------------- reminders

    def due_reminders(self, now: datetime | None = None) -> list[TaskRow]:
        """Open tasks whose reminder time has come and that have not been reminded."""
        now = now or clock().now()
        a = m.Activity
        query = self._list_query(TaskFilter(), None, None, "due", False).where(
            a.remind_at.is_not(None),
            a.reminded_at.is_(None),
            a.done_at.is_(None),
            a.remind_at <= now,
        )
        with self._db.read() as session:
            return [TaskRow(*r) for r in session.execute(query.limit(50))]

    def mark_reminded(self, task_ids: Sequence[int], now: datetime | None = None) -> None:
        if not task_ids:
            return
        with self._db.write() as session:
            session.execute(
                update(m.Activity)
                .where(m.Activity.id.in_(list(task_ids)))
                .values(reminded_at=now or clock().now())
            )

    def snooze_reminders(self, task_ids: Sequence[int], until: datetime) -> None:
        """Remind of these open tasks again at ``until`` (one transaction)."""
        if not task_ids:
            return
        a = m.Activity
        with self._db.write() as session:
            session.execute(
                update(a)
                .where(a.id.in_(list(task_ids)), a.done_at.is_(None))
                .values(remind_at=until, reminded_at=None)
            )
