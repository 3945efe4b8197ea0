"""InteractionsService: logging, removing (undo) and the one-query timeline of every area."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from sms_desktop.domain.enums import AuditAction, InteractionKind
from sms_desktop.domain.errors import NotFoundError, ValidationError
from sms_desktop.persistence import models as m
from sms_desktop.services import interactions as interactions_module
from sms_desktop.services.interactions import InteractionInput, TimelineEntry
from sms_desktop.services.registry import Services
from tests.services.dataset import (
    HUAXIA_ORDER_10D,
    HUAXIA_ORDER_45D,
    HUAXIA_ORDER_200D_CANCELLED,
    HUAXIA_ORDER_400D,
    HUAXIA_SENT_QUOTE_TOTAL,
    World,
)


def last_contact(services: Services, customer_id: int) -> datetime | None:
    with services.db.read() as s:
        return s.scalar(
            select(m.CustomerStats.last_interaction_at).where(
                m.CustomerStats.customer_id == customer_id
            )
        )


def keys(entries: list[TimelineEntry]) -> list[tuple[str, int]]:
    return [(e.source, e.ref_id) for e in entries]


# ------------------------------------------------------------------------------ timeline


def test_the_timeline_merges_every_area_newest_first(services: Services, world: World) -> None:
    now, today = world.now, world.today

    def midnight(days: int) -> datetime:
        return datetime.combine(today - timedelta(days=days), datetime.min.time(), UTC)

    entries = services.interactions.timeline(world.huaxia)
    assert [(e.source, e.ref_id, e.at) for e in entries] == [
        ("task", world.activities["todo_done"], now - timedelta(days=1)),
        ("task", world.activities["visit_done"], now - timedelta(days=3)),
        ("interaction", world.interactions["wechat_5d"], now - timedelta(days=5)),
        ("order", world.orders["10d"], midnight(10)),
        ("stage", world.stage_change, now - timedelta(days=12)),
        ("quote", world.quotes["sent"], now - timedelta(days=15)),
        ("interaction", world.interactions["call_20d"], now - timedelta(days=20)),
        ("order", world.orders["45d"], midnight(45)),
        ("order", world.orders["200d"], midnight(200)),
        ("order", world.orders["400d"], midnight(400)),
    ]
    # Not in it: the draft quote, open tasks, the trashed task, other customers' rows.
    assert ("quote", world.quotes["draft"]) not in keys(entries)
    assert all(e.at.tzinfo is not None for e in entries)


def test_timeline_entries_carry_their_details_and_exact_amounts(
    services: Services, world: World
) -> None:
    by_key = {(e.source, e.ref_id): e for e in services.interactions.timeline(world.huaxia)}
    wechat = by_key["interaction", world.interactions["wechat_5d"]]
    assert (
        wechat.kind,
        wechat.title,
        wechat.detail,
        wechat.who,
        wechat.satisfaction,
        wechat.amount,
    ) == ("wechat", "", "微信确认交期", "张明", 4, None)
    visit = by_key["task", world.activities["visit_done"]]
    assert (visit.kind, visit.title, visit.detail, visit.who) == (
        "visit",
        "上门拜访",
        "确认需求",
        "张明",
    )
    order = by_key["order", world.orders["10d"]]
    assert (order.kind, order.title, order.who) == ("paid", "SO-0001", "张明")
    # Orders show their net amount, like the revenue figures.
    assert order.amount == HUAXIA_ORDER_10D
    assert isinstance(order.amount, Decimal)
    assert by_key["order", world.orders["45d"]].amount == HUAXIA_ORDER_45D
    cancelled = by_key["order", world.orders["200d"]]
    assert (cancelled.kind, cancelled.amount) == ("cancelled", HUAXIA_ORDER_200D_CANCELLED)
    assert by_key["order", world.orders["400d"]].amount == HUAXIA_ORDER_400D
    quote = by_key["quote", world.quotes["sent"]]
    assert (quote.kind, quote.title, quote.amount) == (
        "sent",
        "Q-2026-0002 rev B",
        HUAXIA_SENT_QUOTE_TOTAL,
    )
    stage = by_key["stage", world.stage_change]
    assert (stage.kind, stage.title, stage.detail, stage.who, stage.amount) == (
        "proposal",
        "ERP 升级",
        "线索 → 方案|Lead → Proposal",
        "张明",
        Decimal("80000.00"),
    )


def test_timeline_pages_with_limit_and_offset(services: Services, world: World) -> None:
    everything = services.interactions.timeline(world.huaxia)
    pages = [
        services.interactions.timeline(world.huaxia, limit=3, offset=offset)
        for offset in range(0, len(everything), 3)
    ]
    assert [e for page in pages for e in page] == everything
    assert services.interactions.timeline(world.huaxia, offset=len(everything)) == []


def test_the_timeline_of_a_customer_without_history_is_empty(
    services: Services, world: World
) -> None:
    assert services.interactions.timeline(world.liuyang) == []
    assert services.interactions.timeline(999_999) == []


# ----------------------------------------------------------------------------- logging


def test_a_logged_interaction_appears_at_the_top(services: Services, world: World) -> None:
    before = services.interactions.timeline(world.huaxia)
    new_id = services.interactions.log(
        world.huaxia,
        InteractionInput(
            InteractionKind.VISIT,
            "  现场演示  ",
            contact_id=world.lisa,
            salesperson_id=world.lina,
            satisfaction=5,
        ),
    )
    after = services.interactions.timeline(world.huaxia)
    assert after[1:] == before
    top = after[0]
    assert (top.source, top.ref_id, top.kind, top.detail, top.who, top.satisfaction) == (
        "interaction",
        new_id,
        "visit",
        "现场演示",
        "Li Na",
        5,
    )
    assert abs(top.at - datetime.now(UTC)) < timedelta(minutes=5)


def test_logging_and_removing_moves_the_last_contact(services: Services, world: World) -> None:
    assert last_contact(services, world.huaxia) == world.now - timedelta(days=3)
    when = world.now - timedelta(hours=5)
    new_id = services.interactions.log(
        world.huaxia, InteractionInput(InteractionKind.CALL, "follow-up", occurred_at=when)
    )
    assert last_contact(services, world.huaxia) == when
    # An older entry does not move it back.
    old_id = services.interactions.log(
        world.huaxia,
        InteractionInput(InteractionKind.CALL, "", occurred_at=world.now - timedelta(days=300)),
    )
    assert last_contact(services, world.huaxia) == when
    services.interactions.remove(new_id)
    assert last_contact(services, world.huaxia) == world.now - timedelta(days=3)
    services.interactions.remove(old_id)
    assert last_contact(services, world.huaxia) == world.now - timedelta(days=3)

    # A customer whose only contact is removed has no last contact any more.
    only = services.interactions.log(world.acme, InteractionInput(InteractionKind.EMAIL, "hi"))
    assert last_contact(services, world.acme) is not None
    services.interactions.remove(only)
    assert last_contact(services, world.acme) is None


def test_remove_returns_the_entry_so_undo_can_log_it_again(
    services: Services, world: World
) -> None:
    data = InteractionInput(
        InteractionKind.FEEDBACK,
        "交货及时",
        occurred_at=datetime(2026, 3, 4, 5, 6, 7, 890_123, tzinfo=UTC),
        contact_id=world.wangwei,
        salesperson_id=world.zhang,
        satisfaction=5,
    )
    entry_id = services.interactions.log(world.huaxia, data)
    before = services.interactions.timeline(world.huaxia)
    removed = services.interactions.remove(entry_id)
    assert removed == data
    assert ("interaction", entry_id) not in keys(services.interactions.timeline(world.huaxia))
    again = services.interactions.log(world.huaxia, removed)  # Undo
    restored = services.interactions.timeline(world.huaxia)
    assert [(e.source, e.kind, e.at, e.detail, e.who, e.satisfaction) for e in restored] == [
        (e.source, e.kind, e.at, e.detail, e.who, e.satisfaction) for e in before
    ]
    assert ("interaction", again) in keys(restored)
    with services.db.read() as s:
        audit = s.execute(
            select(m.AuditEntry.action, m.AuditEntry.old_value).where(
                m.AuditEntry.entity == "interaction", m.AuditEntry.entity_id == entry_id
            )
        ).all()
    assert [tuple(a) for a in audit] == [(AuditAction.DELETE, "交货及时")]


def test_removing_an_unknown_entry_is_not_found(services: Services) -> None:
    with pytest.raises(NotFoundError):
        services.interactions.remove(999_999)


def test_logging_for_a_deleted_or_unknown_customer_is_refused(
    services: Services, world: World
) -> None:
    for customer_id in (world.deleted, 999_999):
        with pytest.raises(NotFoundError):
            services.interactions.log(customer_id, InteractionInput(InteractionKind.CALL, "x"))


# --------------------------------------------------------------------------- validation


@pytest.mark.parametrize("score", [0, 6, -1, 10])
def test_satisfaction_outside_one_to_five_is_refused(
    services: Services, world: World, score: int
) -> None:
    with pytest.raises(ValidationError) as caught:
        services.interactions.log(
            world.huaxia, InteractionInput(InteractionKind.FEEDBACK, "ok", satisfaction=score)
        )
    assert {k: v.render() for k, v in caught.value.errors.items()} == {
        "satisfaction": "Satisfaction is a score from 1 to 5."
    }


@pytest.mark.parametrize("score", [1, 2, 3, 4, 5])
def test_satisfaction_one_to_five_is_accepted(services: Services, world: World, score: int) -> None:
    entry = services.interactions.log(
        world.huaxia, InteractionInput(InteractionKind.FEEDBACK, "ok", satisfaction=score)
    )
    assert services.interactions.timeline(world.huaxia, limit=1)[0].satisfaction == score
    assert services.interactions.timeline(world.huaxia, limit=1)[0].ref_id == entry


@pytest.mark.parametrize("kind", [InteractionKind.NOTE, InteractionKind.FEEDBACK])
def test_a_note_or_feedback_without_text_is_refused(
    services: Services, world: World, kind: InteractionKind
) -> None:
    before = services.interactions.timeline(world.huaxia)
    with pytest.raises(ValidationError) as caught:
        services.interactions.log(world.huaxia, InteractionInput(kind, " \n\t "))
    assert {k: v.render() for k, v in caught.value.errors.items()} == {
        "summary": "Write what was said or noted."
    }
    assert services.interactions.timeline(world.huaxia) == before


def test_a_call_without_text_is_fine(services: Services, world: World) -> None:
    entry = services.interactions.log(world.huaxia, InteractionInput(InteractionKind.CALL))
    assert services.interactions.timeline(world.huaxia, limit=1)[0].ref_id == entry


def test_several_interaction_errors_are_reported_together(services: Services, world: World) -> None:
    with pytest.raises(ValidationError) as caught:
        services.interactions.log(
            world.huaxia,
            InteractionInput(
                InteractionKind.NOTE, "", occurred_at=datetime(2026, 1, 1), satisfaction=7
            ),
        )
    assert set(caught.value.errors) == {"summary", "satisfaction", "occurred_at"}


def test_a_text_longer_than_the_limit_is_refused(services: Services, world: World) -> None:
    limit = interactions_module.MAX_SUMMARY
    services.interactions.log(world.huaxia, InteractionInput(InteractionKind.NOTE, "字" * limit))
    with pytest.raises(ValidationError) as caught:
        services.interactions.log(
            world.huaxia, InteractionInput(InteractionKind.NOTE, "字" * (limit + 1))
        )
    assert caught.value.errors["summary"].render() == (
        f"The text is longer than {limit} characters."
    )


def test_a_date_more_than_a_year_ahead_is_refused(services: Services, world: World) -> None:
    with pytest.raises(ValidationError) as caught:
        services.interactions.log(
            world.huaxia,
            InteractionInput(
                InteractionKind.CALL, "", occurred_at=datetime.now(UTC) + timedelta(days=400)
            ),
        )
    assert set(caught.value.errors) == {"occurred_at"}


class _LeapDay(datetime):
    """``datetime`` whose "now" is 29 February 2028, noon UTC."""

    @classmethod
    def now(cls, tz: object = None) -> _LeapDay:
        return cls(2028, 2, 29, 12, 0, tzinfo=UTC)


def test_logging_works_on_the_29th_of_february(
    services: Services, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    """BUG: _clean() computes "a year from now" with now.replace(year=now.year + 1), which
    raises ValueError ("day is out of range for month") on 29 February, so nothing can be
    logged on a leap day."""
    monkeypatch.setattr(interactions_module, "datetime", _LeapDay)
    entry = services.interactions.log(
        world.huaxia,
        InteractionInput(
            InteractionKind.CALL, "闰日电话", occurred_at=datetime(2028, 2, 29, 10, 0, tzinfo=UTC)
        ),
    )
    assert services.interactions.timeline(world.huaxia, limit=1)[0].ref_id == entry
