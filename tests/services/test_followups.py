"""FollowUpsService: plans, applying one to a customer, and the plans an order starts (inside
the order's transaction), on the tasks dataset."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from sms_desktop.domain.enums import ActivityKind, FollowUpTrigger
from sms_desktop.domain.errors import NotFoundError
from sms_desktop.persistence import models as m
from sms_desktop.services.followups import PlanInput, PlanStep, schedule_for_order
from sms_desktop.services.registry import Services
from sms_desktop.services.tasks import SurveyInput
from tests.services import tasks_data
from tests.services.dataset import field_errors
from tests.services.tasks_data import (
    LOS_ANGELES,
    NOW,
    SHANGHAI,
    TaskWorld,
    activity_count,
    counts,
    local_due,
    surveys_of,
)

# The tasks dataset's fixtures (a fresh copy of it for each test).
tasks_template, w, services = tasks_data.tasks_template, tasks_data.w, tasks_data.services


# --------------------------------------------------------------------- follow-up plans


class AbortedError(Exception):
    """Raised inside a write session to make it roll back."""


AFTER_ORDER = PlanInput(
    name="售后跟进 after an order",
    trigger=FollowUpTrigger.ORDER_RECORDED,
    steps=(
        PlanStep(60, ActivityKind.TODO, "Re-order check 复购确认"),
        PlanStep(3, ActivityKind.CALL, "Thank-you call 致电感谢"),
        PlanStep(14, ActivityKind.FOLLOW_UP, "回访 满意度调查", with_survey=True),
    ),
)


def test_save_and_edit_a_plan(services: Services) -> None:
    plan_id = services.followups.save(
        None, replace(AFTER_ORDER, name="  售后跟进   after an order ")
    )
    [plan] = services.followups.plans()
    assert plan.id == plan_id
    assert plan.name == "售后跟进 after an order"
    assert plan.trigger is FollowUpTrigger.ORDER_RECORDED and plan.active
    assert [s.offset_days for s in plan.steps] == [3, 14, 60]  # sorted by offset
    assert [s.with_survey for s in plan.steps] == [False, True, False]
    services.followups.save(
        plan_id,
        PlanInput("Visit", (PlanStep(7, ActivityKind.VISIT, "visit"),), active=False),
    )
    [edited] = services.followups.plans()
    assert (edited.name, edited.trigger, edited.active) == (
        "Visit",
        FollowUpTrigger.MANUAL,
        False,
    )
    assert edited.steps == (PlanStep(7, ActivityKind.VISIT, "visit"),)
    assert services.followups.plans(active_only=True) == []
    with pytest.raises(NotFoundError):
        services.followups.save(99_999, AFTER_ORDER)


def test_plan_validation(services: Services) -> None:
    assert field_errors(lambda: services.followups.save(None, PlanInput(" ", ()))) == {
        "name": "Give the plan a name.",
        "steps": "A plan needs at least one step.",
    }
    assert field_errors(
        lambda: services.followups.save(
            None, PlanInput("p", (PlanStep(1, ActivityKind.CALL, "  "),))
        )
    ) == {"steps": "Every step needs a subject."}
    assert field_errors(
        lambda: services.followups.save(
            None, PlanInput("p", (PlanStep(-1, ActivityKind.CALL, "x"),))
        )
    ) == {"steps": "A step is 0 to 3,650 days after the start."}
    assert services.followups.plans() == []


def test_apply_a_plan_to_a_customer(services: Services, w: TaskWorld) -> None:
    tasks = services.tasks
    plan_id = services.followups.save(None, replace(AFTER_ORDER, trigger=FollowUpTrigger.MANUAL))
    ids = services.followups.apply(
        plan_id, w.mingda, start=date(2026, 11, 27), contact_id=w.chenjing, tz=SHANGHAI
    )
    rows = [tasks.get(i) for i in ids]
    assert [local_due(tasks, i) for i in ids] == [
        datetime(2026, 11, 30, 9, 0),
        datetime(2026, 12, 11, 9, 0),
        datetime(2027, 1, 26, 9, 0),
    ]
    assert {(r.customer_id, r.contact_id, r.assignee_id) for r in rows} == {
        (w.mingda, w.chenjing, w.lina)  # the customer's owner by default
    }
    with pytest.raises(NotFoundError):
        services.followups.apply(99_999, w.mingda, start=date(2026, 11, 27), tz=SHANGHAI)
    services.customers.delete(w.acme)
    with pytest.raises(NotFoundError):
        services.followups.apply(plan_id, w.acme, start=date(2026, 11, 27), tz=SHANGHAI)
    services.followups.delete(plan_id)
    assert services.followups.plans() == []
    assert [tasks.get(i).id for i in ids] == ids  # the tasks it made stay


def _record_order(services: Services, w: TaskWorld, number: str = "SO-2026-0042") -> int:
    with services.db.write() as s:
        order = m.Order(
            number=number,
            customer_id=w.huaxia,  # owned by 张明
            owner_id=w.lina,  # but Li Na sold it
            order_date=date(2026, 11, 27),
            subtotal=Decimal("1000.00"),
            total=Decimal("1130.00"),
        )
        s.add(order)
        s.flush()
        return order.id


def test_an_order_schedules_its_follow_ups(services: Services, w: TaskWorld) -> None:
    tasks = services.tasks
    plan_id = services.followups.save(None, AFTER_ORDER)
    services.followups.save(
        None, replace(AFTER_ORDER, name="manual", trigger=FollowUpTrigger.MANUAL)
    )
    services.followups.save(None, replace(AFTER_ORDER, name="switched off", active=False))
    order_id = _record_order(services, w)

    ids = services.followups.schedule_for_order(order_id, tz=SHANGHAI)
    assert len(ids) == 3
    rows = [tasks.get(i) for i in ids]
    assert [local_due(tasks, i) for i in ids] == [
        datetime(2026, 11, 30, 9, 0),  # 3 days
        datetime(2026, 12, 11, 9, 0),  # 14 days
        datetime(2027, 1, 26, 9, 0),  # 60 days
    ]
    assert [(r.kind, r.subject, r.with_survey) for r in rows] == [
        (ActivityKind.CALL, "Thank-you call 致电感谢", False),
        (ActivityKind.FOLLOW_UP, "回访 满意度调查", True),
        (ActivityKind.TODO, "Re-order check 复购确认", False),
    ]
    assert {(r.customer_id, r.assignee_id) for r in rows} == {(w.huaxia, w.lina)}
    assert all(r.notes is not None and "SO-2026-0042" in r.notes for r in rows)
    with services.db.read() as s:
        links = [
            (a.previous_id, a.follow_up_plan_id)
            for a in (s.get(m.Activity, i) for i in ids)
            if a is not None
        ]
    assert links == [(None, plan_id), (ids[0], plan_id), (ids[1], plan_id)]
    # Monday 30 Nov is "later" seen from Friday 27 Nov
    assert counts(tasks) == {"overdue": 0, "today": 0, "this_week": 0, "later": 3, "done": 0}

    # the 回访 step records a satisfaction score into the customer's history
    done = tasks.complete(ids[1], "回访完成", survey=SurveyInput(5), now=NOW, tz=SHANGHAI)
    assert done.survey_id is not None
    assert surveys_of(services, ids[1]) == [(5, None, date(2026, 11, 27))]
    scores = [e.satisfaction for e in services.interactions.timeline(w.huaxia)]
    assert 5 in scores


def test_follow_ups_of_an_order_without_owner_go_to_the_customer_owner(
    services: Services, w: TaskWorld
) -> None:
    services.followups.save(None, AFTER_ORDER)
    order_id = _record_order(services, w)
    with services.db.write() as s:
        order = s.get(m.Order, order_id)
        assert order is not None
        order.owner_id = None
    ids = services.followups.schedule_for_order(order_id, tz=LOS_ANGELES)
    assert {services.tasks.get(i).assignee_id for i in ids} == {w.zhang}
    assert local_due(services.tasks, ids[0], LOS_ANGELES) == datetime(2026, 11, 30, 9, 0)


def test_an_order_and_its_follow_ups_are_written_together(services: Services, w: TaskWorld) -> None:
    services.followups.save(None, AFTER_ORDER)
    before = activity_count(services)

    def order_then_abort() -> None:
        with services.db.write() as s:
            order = m.Order(
                number="SO-ROLLBACK", customer_id=w.huaxia, order_date=date(2026, 11, 27)
            )
            s.add(order)
            s.flush()
            assert len(schedule_for_order(s, order.id, SHANGHAI)) == 3
            raise AbortedError

    with pytest.raises(AbortedError):
        order_then_abort()
    assert activity_count(services) == before
    with services.db.read() as s:
        assert s.scalar(select(func.count()).select_from(m.Order)) == 0

    with services.db.write() as s:
        order = m.Order(number="SO-KEPT", customer_id=w.huaxia, order_date=date(2026, 11, 27))
        s.add(order)
        s.flush()
        ids = schedule_for_order(s, order.id, SHANGHAI)
    assert activity_count(services) == before + 3
    assert all("SO-KEPT" in (services.tasks.get(i).notes or "") for i in ids)


def test_no_active_order_plan_schedules_nothing(services: Services, w: TaskWorld) -> None:
    services.followups.save(None, replace(AFTER_ORDER, trigger=FollowUpTrigger.MANUAL))
    order_id = _record_order(services, w)
    assert services.followups.schedule_for_order(order_id, tz=SHANGHAI) == []
    with pytest.raises(NotFoundError):
        services.followups.schedule_for_order(99_999, tz=SHANGHAI)
