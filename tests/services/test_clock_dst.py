"""Day boundaries across a daylight-saving change (Europe/Berlin), with the default zone and
"now" taken from the one injected clock: tasks' groups, stale deals, targets' periods and pace.

29 March 2026 and 25 October 2026 are the last Sundays of March and October; an instant at
00:30 local time on the day after the change must fall on that local day.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from sms_desktop.domain.clock import FixedClock, use_clock
from sms_desktop.domain.enums import ActivityKind, PeriodKind, StageKind, TargetMetric
from sms_desktop.domain.pipeline import Attention
from sms_desktop.domain.tasks import TaskGroup
from sms_desktop.persistence import models as m
from sms_desktop.services.registry import Services
from sms_desktop.services.targets import TargetsService
from sms_desktop.services.tasks import TaskFilter

BERLIN = ZoneInfo("Europe/Berlin")
MARCH_30_0030 = datetime(2026, 3, 29, 22, 30, tzinfo=UTC)  # Mon 30 March 00:30 CEST (UTC+2)
OCTOBER_26_0030 = datetime(2026, 10, 25, 23, 30, tzinfo=UTC)  # Mon 26 October 00:30 CET


@pytest.fixture
def berlin() -> Iterator[None]:
    """The clock: 30 March 2026 00:30 in Berlin, the first night of summer time."""
    with use_clock(FixedClock(MARCH_30_0030, BERLIN)):
        yield


def _people(services: Services) -> None:
    with services.db.write() as s:
        s.add_all(
            [
                m.Salesperson(id=1, name="王伟"),
                m.Customer(id=1, name="Acme", owner_id=1),
                m.PipelineStage(
                    id=1, key="lead", name_zh="线索", name_en="Lead", position=1,
                    default_probability=10, stale_after_days=1,
                ),
                m.PipelineStage(
                    id=2, key="won", name_zh="赢单", name_en="Won", position=2,
                    kind=StageKind.WON, default_probability=100,
                ),
                m.PipelineStage(
                    id=3, key="lost", name_zh="输单", name_en="Lost", position=3,
                    kind=StageKind.LOST, default_probability=0,
                ),
            ]
        )  # fmt: skip


def _task(services: Services, due: datetime, done: datetime | None = None) -> None:
    with services.db.write() as s:
        s.add(
            m.Activity(
                kind=ActivityKind.CALL,
                subject="回访",
                due_at=due,
                done_at=done,
                all_day=False,
                assignee_id=1,
            )
        )


@pytest.mark.usefixtures("berlin")
def test_tasks_groups_use_the_local_day_after_the_spring_change(
    empty_services: Services,
) -> None:
    _people(empty_services)
    _task(empty_services, datetime(2026, 3, 29, 21, 45, tzinfo=UTC))  # 29 March 23:45 CEST
    _task(empty_services, datetime(2026, 3, 29, 22, 15, tzinfo=UTC))  # 30 March 00:15 CEST
    counts = empty_services.tasks.group_counts(TaskFilter())  # no now, no tz: the clock
    assert (counts[TaskGroup.OVERDUE], counts[TaskGroup.TODAY]) == (1, 1)


def test_tasks_groups_after_the_autumn_change(empty_services: Services) -> None:
    _people(empty_services)
    _task(empty_services, datetime(2026, 10, 25, 22, 45, tzinfo=UTC))  # 25 Oct 23:45 CET
    _task(empty_services, datetime(2026, 10, 25, 23, 15, tzinfo=UTC))  # 26 Oct 00:15 CET
    with use_clock(FixedClock(OCTOBER_26_0030, BERLIN)):
        counts = empty_services.tasks.group_counts(TaskFilter())
    assert (counts[TaskGroup.OVERDUE], counts[TaskGroup.TODAY]) == (1, 1)


@pytest.mark.usefixtures("berlin")
def test_stale_deals_count_local_days_across_the_change(empty_services: Services) -> None:
    _people(empty_services)
    moved = {
        1: datetime(2026, 3, 29, 22, 10, tzinfo=UTC),  # 30 March 00:10 CEST: today
        2: datetime(2026, 3, 29, 21, 50, tzinfo=UTC),  # 29 March 23:50 CEST: yesterday
        3: datetime(2026, 3, 28, 22, 50, tzinfo=UTC),  # 28 March 23:50 CET: two days
    }
    with empty_services.db.write() as s:
        for oid, at in moved.items():
            s.add(
                m.Opportunity(
                    id=oid,
                    customer_id=1,
                    title=f"D{oid}",
                    stage_id=1,
                    owner_id=1,
                    stage_changed_at=at,
                )
            )
        s.flush()
        for oid in moved:
            s.add(
                m.Activity(
                    kind=ActivityKind.CALL,
                    subject="跟进",
                    opportunity_id=oid,
                    customer_id=1,
                    due_at=datetime(2026, 4, 5, 8, tzinfo=UTC),
                    assignee_id=1,
                )
            )
    board = empty_services.pipeline.board()  # no now, no tz: the clock
    cards = {c.id: c for column in board.columns for c in column.cards}
    assert [(cards[i].stage_age_days, cards[i].attention) for i in (1, 2, 3)] == [
        (0, Attention.NONE),
        (1, Attention.NONE),
        (2, Attention.STALE),  # more than the stage's one day
    ]


def test_targets_period_boundaries_follow_summer_time(empty_services: Services) -> None:
    """A task done at 1 April 00:30 CEST counts in April, not in March (the zone's offset on
    that day, not the offset of "now" in winter)."""
    _people(empty_services)
    _task(empty_services, datetime(2026, 3, 31, 12, tzinfo=UTC),
          done=datetime(2026, 3, 31, 22, 30, tzinfo=UTC))  # fmt: skip
    with use_clock(FixedClock(datetime(2026, 1, 15, 12, tzinfo=UTC), BERLIN)):
        service = TargetsService(empty_services.db)  # no tz: the clock's

        def done_in(month: int) -> Decimal:
            rows = service.attainment(
                PeriodKind.MONTH, date(2026, month, 1), metric=TargetMetric.ACTIVITIES,
                salesperson_id=1,
            )  # fmt: skip
            return rows[0].actual

        assert (done_in(3), done_in(4)) == (0, 1)
        items = service.actual_items(PeriodKind.MONTH, date(2026, 4, 1), TargetMetric.ACTIVITIES, 1)
        assert [i.day for i in items] == [date(2026, 4, 1)]


def test_targets_pace_uses_the_local_today(empty_services: Services) -> None:
    """At 1 April 00:30 CEST "today" is 1 April, so April is the current period, not a future
    one (that would project actual + pipeline = 100): on its first day there is no pace yet."""
    _people(empty_services)
    with empty_services.db.write() as s:
        s.add(m.Order(id=1, number="SO-1", customer_id=1, owner_id=1,
                      order_date=date(2026, 4, 1), total=Decimal("113.00"),
                      subtotal=Decimal("100.00"), cost_total=Decimal(0)))  # fmt: skip
    with use_clock(FixedClock(datetime(2026, 3, 31, 22, 30, tzinfo=UTC), BERLIN)):
        rows = TargetsService(empty_services.db).attainment(
            PeriodKind.MONTH, date(2026, 4, 1), metric=TargetMetric.REVENUE, salesperson_id=1
        )
    assert rows[0].actual == Decimal("100.00")
    assert rows[0].projected is None and rows[0].on_track is None
