"""The task list (one group, or all): type, subject, due, whom it concerns, reminder and repeat."""

from __future__ import annotations

from datetime import datetime

from sms_desktop.domain.enums import ActivityKind, RecurrenceUnit
from sms_desktop.domain.i18n import Message, translate
from sms_desktop.domain.palette import Colour
from sms_desktop.domain.tasks import local_midnight
from sms_desktop.reporting.columns import Column, Formats, ListDefinition, Locale
from sms_desktop.reporting.excel import to_local
from sms_desktop.services.lists import Order
from sms_desktop.services.tasks import TaskRow, TaskSortKey

KIND_LABELS: dict[ActivityKind, Message] = {
    ActivityKind.CALL: translate("Tasks", "Call"),
    ActivityKind.VISIT: translate("Tasks", "Visit"),
    ActivityKind.FOLLOW_UP: translate("Tasks", "Follow-up visit"),
    ActivityKind.MEETING: translate("Tasks", "Meeting"),
    ActivityKind.EMAIL: translate("Tasks", "Email"),
    ActivityKind.WECHAT: translate("Tasks", "WeChat"),
    ActivityKind.DEMO: translate("Tasks", "Demo"),
    ActivityKind.TODO: translate("Tasks", "To-do"),
}
UNIT_LABELS: dict[RecurrenceUnit, Message] = {
    RecurrenceUnit.DAY: translate("Tasks", "day(s)"),
    RecurrenceUnit.WEEK: translate("Tasks", "week(s)"),
    RecurrenceUnit.MONTH: translate("Tasks", "month(s)"),
}


def recurrence(row: TaskRow) -> Message | None:
    """``every 2 week(s)``; None for a task that does not repeat."""
    if row.recurrence_unit is None or not row.recurrence_interval:
        return None
    return translate("Tasks", "every {n} {unit}").format(
        n=row.recurrence_interval, unit=UNIT_LABELS[row.recurrence_unit]
    )


def due_text(row: TaskRow, f: Formats) -> str:
    """The local due day for an all-day task, with its time (14:30) otherwise."""
    local = row.due_at.astimezone(f.zone)
    if row.all_day:
        return f.day(local.date())
    return f"{f.day(local.date())} {local:%H:%M}"


def _reminder_time(remind_at: datetime, row: TaskRow, f: Formats) -> str:
    local, due = remind_at.astimezone(f.zone), row.due_at.astimezone(f.zone)
    if local.date() == due.date():
        return f"{local:%H:%M}"
    return f.moment(remind_at)


def _flags(row: TaskRow, f: Formats) -> str:
    """The reminder time, the repeat rule and the survey mark, in a few words."""
    parts = []
    if row.remind_at is not None and row.done_at is None:
        reminder = translate("Tasks", "Remind {time}")
        parts.append(f.locale.text(reminder.format(time=_reminder_time(row.remind_at, row, f))))
    rule = recurrence(row)
    if rule is not None:
        parts.append("↻ " + f.locale.text(rule))
    if row.with_survey:
        parts.append(f.locale.text(translate("Tasks", "with survey")))
    return " · ".join(parts)


def _flag_lines(row: TaskRow, locale: Locale, when: str) -> list[str]:
    lines = []
    if row.remind_at is not None and row.done_at is None:
        lines.append(locale.text(translate("Tasks", "Reminder at {time}").format(time=when)))
    rule = recurrence(row)
    if rule is not None:
        lines.append(locale.text(translate("Tasks", "Repeats {rule}").format(rule=rule)))
    if row.with_survey:
        lines.append(locale.text(translate("Tasks", "With a satisfaction survey")))
    return lines


def _due_colour(row: TaskRow, f: Formats) -> Colour | None:
    if row.done_at is not None:
        return None
    if row.due_at < local_midnight(f.today, f.zone):
        return Colour.OVERDUE
    if not row.all_day and row.due_at < f.now:
        return Colour.WARNING  # today, but its time has passed
    return None


def _export_flags(row: TaskRow, locale: Locale) -> str | None:
    when = "" if row.remind_at is None else f"{to_local(row.remind_at):%Y-%m-%d %H:%M}"
    return "; ".join(_flag_lines(row, locale, when)) or None


TASKS: ListDefinition[TaskRow, TaskSortKey] = ListDefinition(
    columns=(
        Column("kind", translate("Tasks", "Type"), lambda r, _l: KIND_LABELS[r.kind], sort="kind"),
        Column("subject", translate("Tasks", "Subject"), lambda r, _l: r.subject, sort="subject"),
        Column(
            "due",
            translate("Tasks", "Due"),
            lambda r, _l: r.due_at,
            "datetime",
            sort="due",
            show=due_text,
            colour=_due_colour,
        ),
        Column(
            "customer", translate("Tasks", "Customer"), lambda r, _l: r.customer, sort="customer"
        ),
        Column("opportunity", translate("Tasks", "Opportunity"), lambda r, _l: r.opportunity),
        Column(
            "assignee", translate("Tasks", "Assigned to"), lambda r, _l: r.assignee, sort="assignee"
        ),
        Column(
            "flags",
            translate("Tasks", "Reminder / repeat"),
            _export_flags,
            show=_flags,
            tooltip=lambda r, f: "\n".join(_flag_lines(r, f.locale, f.moment(r.remind_at))),
        ),
        Column(
            "done", translate("Tasks", "Done"), lambda r, _l: r.done_at, "datetime", sort="done"
        ),
        Column(
            "outcome",
            translate("Tasks", "Outcome"),
            lambda r, _l: r.outcome,
            tooltip=lambda r, _f: r.outcome or "",
        ),
    ),
    order=Order("due"),
    sheet=translate("Tasks", "Tasks"),
    file_name=translate("Tasks", "Tasks"),
)
