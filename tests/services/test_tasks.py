"""TasksService: the grouped list (counts, filters, search), validation, reschedule and its
undo, completion (outcome → timeline, survey → satisfaction, recurrence) and reopen, trash,
reminders through an explicit clock.

Every time is explicit: ``now`` and ``tz`` are passed in, so nothing depends on the test
clock or the machine's zone.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from functools import partial

import pytest

from sms_desktop.domain.enums import (
    ActivityKind,
    InteractionKind,
    RecurrenceUnit,
)
from sms_desktop.domain.errors import ConflictError, NotFoundError, ValidationError
from sms_desktop.domain.tasks import GroupBounds, TaskGroup
from sms_desktop.services.registry import Services
from sms_desktop.services.tasks import (
    MAX_SUBJECT,
    Completion,
    SurveyInput,
    TaskFilter,
    TasksService,
)
from tests.services import tasks_data
from tests.services.dataset import field_errors
from tests.services.tasks_data import (
    LOS_ANGELES,
    NEW_YORK,
    NOW,
    SHANGHAI,
    TaskWorld,
    activity_count,
    add,
    counts,
    ids_in,
    local,
    local_due,
    sh,
    surveys_of,
    task,
)

# The tasks dataset's fixtures (a fresh copy of it for each test).
tasks_template, w, services, tasks = (
    tasks_data.tasks_template,
    tasks_data.w,
    tasks_data.services,
    tasks_data.tasks,
)


# --------------------------------------------------------------------- create and read


def test_create_and_get_round_trip(tasks: TasksService, w: TaskWorld) -> None:
    due = sh(2026, 11, 28, 14, 30)
    task_id = add(
        tasks,
        "  拜访   王经理  ",
        due,
        kind=ActivityKind.VISIT,
        notes="  带上报价单 ",
        all_day=False,
        duration_minutes=90,
        assignee_id=w.lina,
        customer_id=w.huaxia,
        contact_id=w.wangwei,
        opportunity_id=w.erp,
        remind_at=sh(2026, 11, 28, 14, 0),
    )
    row = tasks.get(task_id)
    assert row.subject == "拜访 王经理"
    assert row.notes == "带上报价单"
    assert row.kind is ActivityKind.VISIT
    assert row.due_at == datetime(2026, 11, 28, 6, 30, tzinfo=UTC)
    assert row.due_at.utcoffset() == timedelta(0)
    assert row.remind_at == datetime(2026, 11, 28, 6, 0, tzinfo=UTC)
    assert (row.all_day, row.duration_minutes) == (False, 90)
    assert (row.assignee, row.customer, row.contact, row.opportunity) == (
        "Li Na",
        "北京华夏科技有限公司",
        "王伟",
        "ERP 升级",
    )
    assert not row.done and row.outcome is None
    assert row.recurrence_unit is None and row.recurrence_interval is None


def test_an_all_day_task_drops_its_duration_and_a_one_off_its_interval(
    tasks: TasksService,
) -> None:
    task_id = add(
        tasks,
        "todo",
        sh(2026, 11, 28, 9),
        all_day=True,
        duration_minutes=30,
        recurrence_interval=3,
        recurrence_until=date(2027, 1, 1),
    )
    row = tasks.get(task_id)
    assert row.duration_minutes is None
    assert (row.recurrence_interval, row.recurrence_until) == (None, None)
    assert row.notes is None


def test_the_customer_follows_from_the_contact_or_the_deal(
    tasks: TasksService, w: TaskWorld
) -> None:
    by_contact = add(tasks, "call 陈静", sh(2026, 11, 28, 9), contact_id=w.chenjing)
    by_deal = add(tasks, "ERP demo", sh(2026, 11, 28, 9), opportunity_id=w.erp)
    assert tasks.get(by_contact).customer_id == w.mingda
    assert tasks.get(by_deal).customer_id == w.huaxia


def test_get_of_a_missing_task(tasks: TasksService) -> None:
    with pytest.raises(NotFoundError):
        tasks.get(99_999)


def test_assignees_and_me(services: Services, w: TaskWorld) -> None:
    people = services.salespeople.list(active_only=True)
    assert [(p.id, p.name) for p in people] == [(w.zhang, "张明"), (w.lina, "Li Na")]
    assert services.salespeople.me() == w.zhang


# ------------------------------------------------------------------------------ validation


def test_validation_messages(tasks: TasksService, w: TaskWorld) -> None:
    due = sh(2026, 11, 28, 9)
    assert field_errors(lambda: tasks.create(task("   ", due))) == {
        "subject": "Enter what is to be done."
    }
    assert field_errors(lambda: tasks.create(task("x" * (MAX_SUBJECT + 1), due))) == {
        "subject": f"The subject is longer than {MAX_SUBJECT} characters."
    }
    naive = datetime(2026, 11, 28, 9)
    assert field_errors(lambda: tasks.create(task("call", naive, remind_at=naive))) == {
        "due_at": "The due time has no time zone.",
        "remind_at": "The reminder time has no time zone.",
    }
    for interval in (None, 0, -1, 367):
        weekly = task(
            "call", due, recurrence_unit=RecurrenceUnit.WEEK, recurrence_interval=interval
        )
        errors = field_errors(partial(tasks.create, weekly))
        assert errors == {"recurrence_interval": "Repeat every 1 to 366."}
    assert field_errors(
        lambda: tasks.create(
            task(
                "call",
                due,
                recurrence_unit=RecurrenceUnit.DAY,
                recurrence_interval=1,
                recurrence_until=date(2026, 11, 1),
            )
        )
    ) == {"recurrence_until": "The series cannot end before the task is due."}
    assert field_errors(
        lambda: tasks.create(task("meet", due, all_day=False, duration_minutes=0))
    ) == {"duration_minutes": "A duration is 1 minute to 24 hours."}
    assert field_errors(lambda: tasks.create(task("回访", due, with_survey=True))) == {
        "with_survey": "A satisfaction survey needs a customer."
    }
    assert field_errors(
        lambda: tasks.create(task("call", due, customer_id=w.huaxia, contact_id=w.chenjing))
    ) == {"contact_id": "Choose one of this customer's contacts."}
    assert field_errors(
        lambda: tasks.create(task("call", due, customer_id=w.mingda, opportunity_id=w.erp))
    ) == {"opportunity_id": "The opportunity belongs to another customer."}
    assert field_errors(lambda: tasks.create(task("call", due, customer_id=99_999))) == {
        "customer_id": "This customer no longer exists."
    }
    assert field_errors(lambda: tasks.create(task("call", due, assignee_id=99_999))) == {
        "assignee_id": "This salesperson no longer exists."
    }
    assert ids_in(tasks, None) == []


def test_a_task_for_a_trashed_customer_or_contact_is_refused(
    services: Services, w: TaskWorld
) -> None:
    services.customers.delete(w.acme)
    services.customers.remove_contact(w.wangwei)
    due = sh(2026, 11, 28, 9)
    assert field_errors(lambda: services.tasks.create(task("call", due, customer_id=w.acme))) == {
        "customer_id": "This customer no longer exists."
    }
    assert field_errors(lambda: services.tasks.create(task("call", due, contact_id=w.wangwei))) == {
        "contact_id": "This contact no longer exists."
    }


# -------------------------------------------------------------------------- update


def test_update_returns_the_old_values_and_validates(tasks: TasksService, w: TaskWorld) -> None:
    data = task("call", sh(2026, 11, 28, 9), customer_id=w.huaxia)
    task_id = tasks.create(data)
    old = tasks.update(task_id, replace(data, subject="call again", notes="二次"))
    assert old.subject == "call"
    assert tasks.get(task_id).subject == "call again"
    assert tasks.get(task_id).notes == "二次"
    with pytest.raises(ValidationError):
        tasks.update(task_id, replace(data, contact_id=w.chenjing))
    with pytest.raises(NotFoundError):
        tasks.update(99_999, data)
    # Undo: putting the old values back
    tasks.update(task_id, old)
    assert tasks.get(task_id).subject == "call"
    assert tasks.get(task_id).notes is None


# ------------------------------------------------------------------- groups and counts


def test_group_counts_follow_the_local_day(tasks: TasksService) -> None:
    # NOW is 10:00 on Friday 27 Nov in Shanghai
    ids = {
        "overdue": add(tasks, "overdue", sh(2026, 11, 26, 23, 59)),
        "early": add(tasks, "early today", sh(2026, 11, 27, 7, 30)),  # 26 Nov in UTC
        "late": add(tasks, "late today", sh(2026, 11, 27, 23, 30)),
        "saturday": add(tasks, "saturday", sh(2026, 11, 28, 0, 0)),
        "sunday": add(tasks, "sunday", sh(2026, 11, 29, 23, 59)),
        "monday": add(tasks, "monday", sh(2026, 11, 30, 0, 0)),
    }
    assert tasks.get(ids["early"]).due_at.date() == date(2026, 11, 26)
    done = add(tasks, "done", sh(2026, 11, 20, 9))
    tasks.complete(done, now=NOW - timedelta(days=1), tz=SHANGHAI)
    old_done = add(tasks, "done long ago", sh(2026, 9, 1, 9))
    tasks.complete(old_done, now=sh(2026, 9, 1, 10), tz=SHANGHAI)

    assert counts(tasks) == {
        "overdue": 1,
        "today": 2,
        "this_week": 2,
        "later": 1,
        "done": 1,
    }
    got = tasks.group_counts(TaskFilter(), now=NOW, tz=SHANGHAI)
    assert got.attention == 3
    assert ids_in(tasks, TaskGroup.TODAY) == [ids["early"], ids["late"]]
    assert ids_in(tasks, TaskGroup.THIS_WEEK) == [ids["saturday"], ids["sunday"]]
    assert ids_in(tasks, TaskGroup.LATER) == [ids["monday"]]
    assert ids_in(tasks, TaskGroup.OVERDUE) == [ids["overdue"]]
    assert ids_in(tasks, TaskGroup.DONE) == [done]
    assert set(ids_in(tasks, None)) == {*ids.values(), done, old_done}
    bounds = GroupBounds.at(NOW, SHANGHAI)
    assert tasks.count_tasks(TaskFilter(), TaskGroup.TODAY, bounds) == 2
    # at 00:00 the next day, late today is overdue and saturday is today
    assert counts(tasks, now=sh(2026, 11, 28, 0, 0)) == {
        "overdue": 3,
        "today": 1,
        "this_week": 1,
        "later": 1,
        "done": 1,
    }


def test_the_same_tasks_group_differently_in_two_zones(tasks: TasksService) -> None:
    now = datetime(2026, 11, 27, 16, 30, tzinfo=UTC)  # 00:30 28 Nov Shanghai, 08:30 27 Nov LA
    due = datetime(2026, 11, 27, 15, 30, tzinfo=UTC)  # 23:30 27 Nov Shanghai, 07:30 27 Nov LA
    add(tasks, "one instant", due)
    add(tasks, "saturday", datetime(2026, 11, 28, 9, 0, tzinfo=UTC))  # 17:00 / 01:00 on 28 Nov
    assert counts(tasks, now=now, tz=SHANGHAI) == {
        "overdue": 1,
        "today": 1,
        "this_week": 0,
        "later": 0,
        "done": 0,
    }
    assert counts(tasks, now=now, tz=LOS_ANGELES) == {
        "overdue": 0,
        "today": 1,
        "this_week": 1,
        "later": 0,
        "done": 0,
    }


def test_on_a_sunday_this_week_is_empty(tasks: TasksService) -> None:
    sunday = sh(2026, 11, 29, 10, 0)
    add(tasks, "sunday", sh(2026, 11, 29, 18))
    add(tasks, "monday", sh(2026, 11, 30, 9))
    add(tasks, "tuesday", sh(2026, 12, 1, 9))
    assert counts(tasks, now=sunday) == {
        "overdue": 0,
        "today": 1,
        "this_week": 0,
        "later": 2,
        "done": 0,
    }


def test_filters(tasks: TasksService, w: TaskWorld) -> None:
    due = sh(2026, 11, 27, 15)
    a = add(tasks, "a", due, assignee_id=w.lina, customer_id=w.mingda)
    b = add(tasks, "b", due, kind=ActivityKind.VISIT, assignee_id=w.zhang, opportunity_id=w.erp)
    c = add(tasks, "c", due, kind=ActivityKind.VISIT, customer_id=w.huaxia)
    assert ids_in(tasks, TaskGroup.TODAY, TaskFilter(assignee_id=w.lina)) == [a]
    assert ids_in(tasks, TaskGroup.TODAY, TaskFilter(kind=ActivityKind.VISIT)) == [b, c]
    assert ids_in(tasks, TaskGroup.TODAY, TaskFilter(customer_id=w.huaxia)) == [b, c]
    assert ids_in(tasks, TaskGroup.TODAY, TaskFilter(opportunity_id=w.erp)) == [b]
    both = TaskFilter(kind=ActivityKind.VISIT, assignee_id=w.zhang)
    assert ids_in(tasks, TaskGroup.TODAY, both) == [b]
    assert counts(tasks, TaskFilter(customer_id=w.huaxia))["today"] == 2


def test_sorting_and_paging(tasks: TasksService, w: TaskWorld) -> None:
    first = add(tasks, "b second", sh(2026, 11, 27, 11), customer_id=w.mingda)
    second = add(tasks, "a first", sh(2026, 11, 27, 12), assignee_id=w.lina)
    bounds = GroupBounds.at(NOW, SHANGHAI)
    flt = TaskFilter()
    by_subject = tasks.list_tasks(flt, TaskGroup.TODAY, bounds, order_by="subject")
    assert [r.id for r in by_subject] == [second, first]
    by_due_desc = tasks.list_tasks(flt, TaskGroup.TODAY, bounds, descending=True)
    assert [r.id for r in by_due_desc] == [second, first]
    # rows without an assignee sort last either way
    by_assignee = tasks.list_tasks(flt, TaskGroup.TODAY, bounds, order_by="assignee")
    assert [r.id for r in by_assignee] == [second, first]
    paged = tasks.list_tasks(flt, TaskGroup.TODAY, bounds, offset=1, limit=1)
    assert [r.id for r in paged] == [second]
    assert [r.id for r in tasks.iter_tasks(flt, None, None, ids=[first])] == [first]


def test_search_matches_subject_notes_and_customer_name(tasks: TasksService, w: TaskWorld) -> None:
    due = sh(2026, 11, 27, 15)
    by_subject = add(tasks, "回访满意度调查", due)
    by_notes = add(tasks, "call", due, notes="讨论年度框架合同")
    by_customer = add(tasks, "email", due, customer_id=w.mingda)
    english = add(tasks, "Send Quote", due, notes="price list", customer_id=w.acme)
    percent = add(tasks, "discount 100% off", due)

    def found(text: str) -> set[int]:
        return set(ids_in(tasks, None, TaskFilter(search=text)))

    assert found("满意度") == {by_subject}
    assert found("框架") == {by_notes}
    assert found("明达") == {by_customer}
    assert found("quote") == {english}  # case-insensitive for Latin letters
    assert found("acme") == {english}
    assert found("send price") == {english}  # every word must match somewhere
    assert found("send 明达") == set()
    assert found("100%") == {percent}
    assert found("%") == {percent}  # LIKE wildcards are taken literally
    assert found("_") == set()
    assert found("   ") == set(ids_in(tasks, None))
    assert counts(tasks, TaskFilter(search="明达"))["today"] == 1


# ---------------------------------------------------------------------- reschedule


def test_reschedule_keeps_the_local_time_across_dst(tasks: TasksService) -> None:
    task_id = add(
        tasks, "NY call", local(NEW_YORK, 2026, 3, 7, 10), remind_at=local(NEW_YORK, 2026, 3, 7, 9)
    )
    old = tasks.reschedule([task_id], days=1, tz=NEW_YORK)
    assert old == {task_id: datetime(2026, 3, 7, 15, 0, tzinfo=UTC)}
    row = tasks.get(task_id)
    assert local_due(tasks, task_id, NEW_YORK) == datetime(2026, 3, 8, 10, 0)
    assert row.due_at == datetime(2026, 3, 8, 14, 0, tzinfo=UTC)
    assert row.remind_at is not None
    assert row.remind_at.astimezone(NEW_YORK).replace(tzinfo=None) == datetime(2026, 3, 8, 9, 0)
    tasks.reschedule([task_id], days=7, tz=NEW_YORK)
    assert local_due(tasks, task_id, NEW_YORK) == datetime(2026, 3, 15, 10, 0)
    tasks.reschedule([task_id], to_day=date(2026, 11, 2), tz=NEW_YORK)  # after DST ends
    assert local_due(tasks, task_id, NEW_YORK) == datetime(2026, 11, 2, 10, 0)


def test_reschedule_moves_by_the_local_day(tasks: TasksService) -> None:
    # 07:30 in Shanghai is the previous day in UTC; +1 day is the next local day, same time
    task_id = add(tasks, "early", sh(2026, 11, 27, 7, 30))
    tasks.reschedule([task_id], days=1, tz=SHANGHAI)
    assert local_due(tasks, task_id) == datetime(2026, 11, 28, 7, 30)
    tasks.reschedule([task_id], to_day=date(2026, 12, 24), tz=SHANGHAI)
    assert local_due(tasks, task_id) == datetime(2026, 12, 24, 7, 30)
    tasks.reschedule([task_id], days=-30, tz=SHANGHAI)
    assert local_due(tasks, task_id) == datetime(2026, 11, 24, 7, 30)


def test_reschedule_needs_days_or_a_day(tasks: TasksService) -> None:
    task_id = add(tasks, "x", sh(2026, 11, 27, 9))
    with pytest.raises(ValueError, match="days or to_day"):
        tasks.reschedule([task_id], tz=SHANGHAI)
    with pytest.raises(ValueError, match="days or to_day"):
        tasks.reschedule([task_id], days=1, to_day=date(2026, 12, 1), tz=SHANGHAI)


def test_undo_of_a_reschedule(tasks: TasksService) -> None:
    a = add(tasks, "a", sh(2026, 11, 27, 9), remind_at=sh(2026, 11, 27, 8, 45))
    b = add(tasks, "b", sh(2026, 11, 28, 16))
    before = {a: tasks.get(a), b: tasks.get(b)}
    old = tasks.reschedule([a, b], days=7, tz=SHANGHAI)
    assert local_due(tasks, b) == datetime(2026, 12, 5, 16, 0)
    tasks.set_due(old)
    for task_id, row in before.items():
        after = tasks.get(task_id)
        assert (after.due_at, after.remind_at) == (row.due_at, row.remind_at)


def test_a_done_task_cannot_be_rescheduled(tasks: TasksService) -> None:
    open_id = add(tasks, "open", sh(2026, 11, 27, 9))
    done_id = add(tasks, "done", sh(2026, 11, 27, 9))
    tasks.complete(done_id, now=NOW, tz=SHANGHAI)
    with pytest.raises(ConflictError):
        tasks.reschedule([done_id], days=1, tz=SHANGHAI)
    with pytest.raises(ConflictError):  # all or nothing
        tasks.reschedule([open_id, done_id], days=1, tz=SHANGHAI)
    assert local_due(tasks, open_id) == datetime(2026, 11, 27, 9, 0)
    assert local_due(tasks, done_id) == datetime(2026, 11, 27, 9, 0)


def test_reschedule_of_a_repeated_id_moves_it_once(tasks: TasksService) -> None:
    task_id = add(tasks, "twice", sh(2026, 11, 27, 9))
    original = tasks.get(task_id).due_at
    old = tasks.reschedule([task_id, task_id], days=1, tz=SHANGHAI)
    assert local_due(tasks, task_id) == datetime(2026, 11, 28, 9, 0)
    assert old == {task_id: original}


def test_reschedule_is_atomic(tasks: TasksService) -> None:
    valid = add(tasks, "valid", sh(2026, 11, 27, 9))
    deleted = add(tasks, "deleted", sh(2026, 11, 27, 9))
    tasks.delete([deleted])
    for missing in (99_999, deleted):
        with pytest.raises(NotFoundError):
            tasks.reschedule([valid, missing], days=1, tz=SHANGHAI)
        assert local_due(tasks, valid) == datetime(2026, 11, 27, 9, 0)


# ------------------------------------------------------------------- complete and reopen


def test_done_goes_into_the_timeline_and_reopen_takes_it_out(
    services: Services, w: TaskWorld
) -> None:
    tasks = services.tasks
    task_id = add(
        tasks, "拜访王经理", sh(2026, 11, 27, 9), customer_id=w.huaxia, assignee_id=w.lina
    )
    assert [e for e in services.interactions.timeline(w.huaxia) if e.source == "task"] == []
    done_at = sh(2026, 11, 27, 11)
    completion = tasks.complete(task_id, "  客户同意试用 ", now=done_at, tz=SHANGHAI)
    assert completion == Completion(task_id)
    row = tasks.get(task_id)
    assert row.done and row.done_at == done_at
    assert row.outcome == "客户同意试用"
    entries = [e for e in services.interactions.timeline(w.huaxia) if e.source == "task"]
    assert len(entries) == 1
    entry = entries[0]
    assert (entry.ref_id, entry.kind, entry.title, entry.detail, entry.who) == (
        task_id,
        "call",
        "拜访王经理",
        "客户同意试用",
        "Li Na",
    )
    assert entry.at == done_at
    assert counts(services.tasks)["done"] == 1

    tasks.reopen(completion)
    row = tasks.get(task_id)
    assert not row.done and row.outcome is None
    assert [e for e in services.interactions.timeline(w.huaxia) if e.source == "task"] == []
    assert counts(services.tasks)["done"] == 0


def test_a_survey_answer_is_recorded_in_the_history(services: Services, w: TaskWorld) -> None:
    tasks = services.tasks
    task_id = add(
        tasks,
        "回访",
        sh(2026, 11, 26, 15),
        kind=ActivityKind.FOLLOW_UP,
        contact_id=w.wangwei,
        assignee_id=w.zhang,
        with_survey=True,
    )
    done_at = datetime(2026, 11, 27, 17, 0, tzinfo=UTC)  # 28 Nov 01:00 in Shanghai
    completion = tasks.complete(
        task_id, "很满意", survey=SurveyInput(score=4, nps=9), now=done_at, tz=SHANGHAI
    )
    assert completion.survey_id is not None and completion.interaction_id is not None
    assert surveys_of(services, task_id) == [(4, 9, date(2026, 11, 28))]
    timeline = services.interactions.timeline(w.huaxia)
    feedback = [e for e in timeline if e.source == "interaction"]
    assert len(feedback) == 1
    assert feedback[0].kind == InteractionKind.FEEDBACK.value
    assert feedback[0].satisfaction == 4
    assert feedback[0].ref_id == completion.interaction_id
    assert feedback[0].detail == "Satisfaction survey: 4 of 5"
    assert [e.ref_id for e in timeline if e.source == "task"] == [task_id]

    tasks.reopen(completion)
    assert surveys_of(services, task_id) == []
    assert [e for e in services.interactions.timeline(w.huaxia) if e.source != "stage"] == []


def test_survey_comments_become_the_summary(services: Services, w: TaskWorld) -> None:
    task_id = add(services.tasks, "回访", sh(2026, 11, 27, 9), customer_id=w.mingda)
    services.tasks.complete(
        task_id, survey=SurveyInput(score=2, comments="  交货太慢 "), now=NOW, tz=SHANGHAI
    )
    feedback = [e for e in services.interactions.timeline(w.mingda) if e.source == "interaction"]
    assert [(e.detail, e.satisfaction) for e in feedback] == [("交货太慢", 2)]
    assert surveys_of(services, task_id) == [(2, None, date(2026, 11, 27))]


def test_complete_validation(services: Services, w: TaskWorld) -> None:
    tasks = services.tasks
    task_id = add(tasks, "回访", sh(2026, 11, 27, 9), customer_id=w.huaxia)
    no_customer = add(tasks, "todo", sh(2026, 11, 27, 9))
    assert field_errors(
        lambda: tasks.complete(task_id, survey=SurveyInput(score=0), now=NOW, tz=SHANGHAI)
    ) == {"score": "Satisfaction is a score from 1 to 5."}
    assert field_errors(
        lambda: tasks.complete(task_id, survey=SurveyInput(score=6, nps=11), now=NOW)
    ) == {
        "score": "Satisfaction is a score from 1 to 5.",
        "nps": "The recommendation score is 0 to 10.",
    }
    assert field_errors(lambda: tasks.complete(task_id, "x" * 4001, now=NOW)) == {
        "outcome": "The outcome is longer than 4000 characters."
    }
    assert field_errors(
        lambda: tasks.complete(no_customer, survey=SurveyInput(score=5), now=NOW, tz=SHANGHAI)
    ) == {"score": "A satisfaction survey needs a customer."}
    assert not tasks.get(task_id).done and not tasks.get(no_customer).done
    tasks.complete(task_id, now=NOW, tz=SHANGHAI)
    with pytest.raises(ConflictError):
        tasks.complete(task_id, now=NOW, tz=SHANGHAI)
    with pytest.raises(NotFoundError):
        tasks.complete(99_999, now=NOW, tz=SHANGHAI)
    assert surveys_of(services, task_id) == []


# ------------------------------------------------------------------------- recurrence


def test_a_monthly_series_from_the_31st_via_the_service(tasks: TasksService) -> None:
    first = add(
        tasks,
        "月度拜访",
        sh(2026, 1, 31, 10, 0),
        kind=ActivityKind.VISIT,
        recurrence_unit=RecurrenceUnit.MONTH,
        recurrence_interval=1,
        remind_at=sh(2026, 1, 31, 9, 30),
    )
    done = tasks.complete(first, "ok", now=sh(2026, 1, 31, 11), tz=SHANGHAI)
    assert done.next_task_id is not None
    second = tasks.get(done.next_task_id)
    assert local_due(tasks, second.id) == datetime(2026, 2, 28, 10, 0)
    assert second.remind_at is not None
    assert second.remind_at.astimezone(SHANGHAI).replace(tzinfo=None) == datetime(
        2026, 2, 28, 9, 30
    )
    assert (second.subject, second.kind, second.recurrence_unit, second.recurrence_interval) == (
        "月度拜访",
        ActivityKind.VISIT,
        RecurrenceUnit.MONTH,
        1,
    )
    assert not second.done and second.outcome is None
    # completing that one continues from the series start: 31 March, not 28 March
    done2 = tasks.complete(second.id, now=sh(2026, 2, 28, 11), tz=SHANGHAI)
    assert done2.next_task_id is not None
    assert local_due(tasks, done2.next_task_id) == datetime(2026, 3, 31, 10, 0)
    done3 = tasks.complete(done2.next_task_id, now=sh(2026, 3, 31, 11), tz=SHANGHAI)
    assert done3.next_task_id is not None
    assert local_due(tasks, done3.next_task_id) == datetime(2026, 4, 30, 10, 0)


def test_a_leap_day_series_every_twelve_months_via_the_service(tasks: TasksService) -> None:
    first = add(
        tasks,
        "年检",
        sh(2024, 2, 29, 9),
        recurrence_unit=RecurrenceUnit.MONTH,
        recurrence_interval=12,
    )
    dues = []
    current = first
    for _ in range(4):
        done = tasks.complete(current, now=NOW, tz=SHANGHAI)
        assert done.next_task_id is not None
        current = done.next_task_id
        dues.append(local_due(tasks, current).date())
    assert dues == [date(2025, 2, 28), date(2026, 2, 28), date(2027, 2, 28), date(2028, 2, 29)]


def test_a_weekly_series_keeps_the_wall_time_across_dst(tasks: TasksService) -> None:
    first = add(
        tasks,
        "weekly",
        local(NEW_YORK, 2026, 3, 2, 10),
        recurrence_unit=RecurrenceUnit.WEEK,
        recurrence_interval=1,
    )
    done = tasks.complete(first, now=local(NEW_YORK, 2026, 3, 2, 11), tz=NEW_YORK)
    assert done.next_task_id is not None
    assert local_due(tasks, done.next_task_id, NEW_YORK) == datetime(2026, 3, 9, 10, 0)


def test_a_daily_series_ends_with_until(tasks: TasksService) -> None:
    first = add(
        tasks,
        "daily",
        sh(2026, 11, 27, 8),
        recurrence_unit=RecurrenceUnit.DAY,
        recurrence_interval=2,
        recurrence_until=date(2026, 12, 1),
    )
    a = tasks.complete(first, now=NOW, tz=SHANGHAI)
    assert a.next_task_id is not None
    assert local_due(tasks, a.next_task_id) == datetime(2026, 11, 29, 8, 0)
    b = tasks.complete(a.next_task_id, now=NOW, tz=SHANGHAI)
    assert b.next_task_id is not None
    assert local_due(tasks, b.next_task_id) == datetime(2026, 12, 1, 8, 0)
    c = tasks.complete(b.next_task_id, now=NOW, tz=SHANGHAI)
    assert c.next_task_id is None  # 3 December is past the end of the series
    assert counts(tasks) == {"overdue": 0, "today": 0, "this_week": 0, "later": 0, "done": 3}


def test_the_next_occurrence_has_no_notes_when_the_task_had_none(tasks: TasksService) -> None:
    first = add(
        tasks,
        "daily",
        sh(2026, 11, 27, 9),
        recurrence_unit=RecurrenceUnit.DAY,
        recurrence_interval=1,
    )
    assert tasks.get(first).notes is None
    done = tasks.complete(first, now=NOW, tz=SHANGHAI)
    assert done.next_task_id is not None
    assert tasks.get(done.next_task_id).notes is None


def test_reopen_after_the_next_occurrence_was_trashed(services: Services) -> None:
    tasks = services.tasks
    first = add(
        tasks,
        "weekly",
        sh(2026, 11, 27, 9),
        recurrence_unit=RecurrenceUnit.WEEK,
        recurrence_interval=1,
    )
    done = tasks.complete(first, now=NOW, tz=SHANGHAI)
    assert done.next_task_id is not None
    tasks.delete([done.next_task_id])
    tasks.reopen(done)
    # every trash entry can still be restored
    for item in services.trash.items():
        services.trash.restore(item.entity, item.entity_id)


def test_reopening_a_recurring_task_removes_the_next_one(services: Services, w: TaskWorld) -> None:
    tasks = services.tasks
    first = add(
        tasks,
        "weekly",
        sh(2026, 11, 27, 9),
        customer_id=w.huaxia,
        recurrence_unit=RecurrenceUnit.WEEK,
        recurrence_interval=1,
    )
    before = activity_count(services)
    done = tasks.complete(first, now=NOW, tz=SHANGHAI)
    assert activity_count(services) == before + 1
    assert counts(tasks)["later"] == 1
    tasks.reopen(done)
    assert activity_count(services) == before
    assert counts(tasks) == {"overdue": 0, "today": 1, "this_week": 0, "later": 0, "done": 0}


# ------------------------------------------------------------------------------ trash


def test_deleted_tasks_leave_the_counts_and_come_back(services: Services) -> None:
    tasks = services.tasks
    a = add(tasks, "a", sh(2026, 11, 27, 9))
    b = add(tasks, "b", sh(2026, 11, 26, 9))
    c = add(tasks, "c", sh(2026, 11, 27, 15))
    tasks.delete([a, b])
    assert counts(tasks) == {"overdue": 0, "today": 1, "this_week": 0, "later": 0, "done": 0}
    assert ids_in(tasks, None) == [c]
    with pytest.raises(NotFoundError):
        tasks.get(a)
    assert {(i.entity, i.entity_id, i.label) for i in services.trash.items()} == {
        ("activity", a, "a"),
        ("activity", b, "b"),
    }
    tasks.restore(a)
    services.trash.restore("activity", b)
    assert counts(tasks) == {"overdue": 1, "today": 2, "this_week": 0, "later": 0, "done": 0}
    assert services.trash.items() == []


def test_delete_is_atomic(tasks: TasksService) -> None:
    a = add(tasks, "a", sh(2026, 11, 27, 9))
    with pytest.raises(NotFoundError):
        tasks.delete([a, 99_999])
    assert tasks.get(a).subject == "a"
    tasks.delete([a])
    with pytest.raises(NotFoundError):  # already in the trash
        tasks.delete([a])
    with pytest.raises(NotFoundError):
        tasks.restore(99_999)


def test_tasks_of_a_trashed_customer_are_hidden(services: Services, w: TaskWorld) -> None:
    tasks = services.tasks
    mine = add(tasks, "明达 call", sh(2026, 11, 27, 9), customer_id=w.mingda)
    other = add(tasks, "other", sh(2026, 11, 27, 9))
    reminded = add(
        tasks, "remind", sh(2026, 11, 27, 9), customer_id=w.mingda, remind_at=sh(2026, 11, 27, 8)
    )
    services.customers.delete(w.mingda)
    assert ids_in(tasks, None) == [other]
    assert counts(tasks)["today"] == 1
    assert tasks.due_reminders(now=NOW) == []
    services.customers.restore(w.mingda)
    assert sorted(ids_in(tasks, None)) == [mine, other, reminded]
    assert [r.id for r in tasks.due_reminders(now=NOW)] == [reminded]


# -------------------------------------------------------------------------- reminders


def test_reminders_through_a_testable_clock(tasks: TasksService) -> None:
    due_soon = add(tasks, "due soon", sh(2026, 11, 27, 10), remind_at=sh(2026, 11, 27, 9, 45))
    later = add(tasks, "later", sh(2026, 11, 27, 16), remind_at=sh(2026, 11, 27, 15, 45))
    add(tasks, "no reminder", sh(2026, 11, 27, 9))
    done = add(tasks, "done", sh(2026, 11, 27, 9), remind_at=sh(2026, 11, 27, 8))
    tasks.complete(done, now=NOW, tz=SHANGHAI)
    deleted = add(tasks, "deleted", sh(2026, 11, 27, 9), remind_at=sh(2026, 11, 27, 8))
    tasks.delete([deleted])

    assert tasks.due_reminders(now=sh(2026, 11, 27, 9, 44)) == []
    assert [r.id for r in tasks.due_reminders(now=sh(2026, 11, 27, 9, 45))] == [due_soon]
    tasks.mark_reminded([due_soon], now=sh(2026, 11, 27, 9, 45))
    assert tasks.due_reminders(now=sh(2026, 11, 27, 12)) == []
    assert [r.id for r in tasks.due_reminders(now=sh(2026, 11, 27, 18))] == [later]
    tasks.mark_reminded([])  # nothing to do
    tasks.mark_reminded([later], now=sh(2026, 11, 27, 18))
    assert tasks.due_reminders(now=sh(2026, 12, 31, 0)) == []


def test_rescheduling_resets_the_reminder(tasks: TasksService) -> None:
    task_id = add(tasks, "call", sh(2026, 11, 27, 10), remind_at=sh(2026, 11, 27, 9, 45))
    tasks.mark_reminded([task_id], now=sh(2026, 11, 27, 9, 45))
    tasks.reschedule([task_id], days=1, tz=SHANGHAI)
    assert tasks.due_reminders(now=sh(2026, 11, 28, 9, 44)) == []
    assert [r.id for r in tasks.due_reminders(now=sh(2026, 11, 28, 9, 45))] == [task_id]


def test_changing_the_reminder_time_resets_it(tasks: TasksService) -> None:
    data = task("call", sh(2026, 11, 27, 10), remind_at=sh(2026, 11, 27, 9, 45))
    task_id = tasks.create(data)
    tasks.mark_reminded([task_id], now=sh(2026, 11, 27, 9, 45))
    tasks.update(task_id, replace(data, subject="call back"))  # same reminder: stays reminded
    assert tasks.due_reminders(now=sh(2026, 11, 27, 12)) == []
    tasks.update(task_id, replace(data, remind_at=sh(2026, 11, 27, 11)))
    assert [r.id for r in tasks.due_reminders(now=sh(2026, 11, 27, 12))] == [task_id]


def test_a_completed_recurring_task_brings_an_unreminded_next_one(tasks: TasksService) -> None:
    first = add(
        tasks,
        "daily",
        sh(2026, 11, 27, 10),
        remind_at=sh(2026, 11, 27, 9),
        recurrence_unit=RecurrenceUnit.DAY,
        recurrence_interval=1,
    )
    tasks.mark_reminded([first], now=sh(2026, 11, 27, 9))
    done = tasks.complete(first, now=sh(2026, 11, 27, 10), tz=SHANGHAI)
    assert done.next_task_id is not None
    assert tasks.due_reminders(now=sh(2026, 11, 28, 8, 59)) == []
    assert [r.id for r in tasks.due_reminders(now=sh(2026, 11, 28, 9))] == [done.next_task_id]


def test_calendar_lists_open_and_done_tasks_of_a_period(tasks: TasksService, w: TaskWorld) -> None:
    a = add(tasks, "a", sh(2026, 11, 30, 9), assignee_id=w.lina)
    b = add(tasks, "b", sh(2026, 12, 6, 23, 59))
    add(tasks, "next week", sh(2026, 12, 7, 0, 0))
    add(tasks, "before", sh(2026, 11, 29, 23, 59))
    tasks.complete(b, now=NOW, tz=SHANGHAI)
    start, end = sh(2026, 11, 30), sh(2026, 12, 7)
    assert [r.id for r in tasks.calendar(start, end)] == [a, b]
    assert [r.id for r in tasks.calendar(start, end, assignee_id=w.lina)] == [a]
