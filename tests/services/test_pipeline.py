"""PipelineService: validation, the board (totals, weighted amounts, dots, staleness), moves and
their undo, the list (filters, search, sort, paging) and trash.

The dataset (``pipeline_data.py``) is a new database with the default stages; figures below
are computed by hand there.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import func, select

from sms_desktop.domain.enums import AuditAction, OpportunityStatus, StageKind
from sms_desktop.domain.errors import ConflictError, NotFoundError, ValidationError
from sms_desktop.domain.i18n import Message
from sms_desktop.domain.pipeline import Attention, NextActivity
from sms_desktop.persistence import models as m
from sms_desktop.persistence.search import name_sort_key
from sms_desktop.services.pipeline import (
    MAX_TITLE,
    SORT_KEYS,
    Board,
    BoardTotals,
    Card,
    ColumnTotals,
    DealEdit,
    OpportunityInput,
    OpportunityRow,
    OpportunitySortKey,
    PipelineFilter,
    PipelineService,
    clean_opportunity,
    move_in_session,
)
from sms_desktop.services.registry import Services
from tests.services import pipeline_data
from tests.services.dataset import field_errors
from tests.services.pipeline_data import (
    BOARD_DEALS,
    NOW,
    SHANGHAI,
    TODAY,
    PipelineWorld,
    board_at,
    cards_by_id,
    valid,
)

MOVE_AT = NOW + timedelta(hours=1)
ALL = PipelineFilter(status=None)

# The pipeline dataset's fixtures (a fresh copy of it for each test).
pipeline_template, w, services = (
    pipeline_data.pipeline_template,
    pipeline_data.w,
    pipeline_data.services,
)


@pytest.fixture
def pipeline(services: Services) -> PipelineService:
    return services.pipeline


# ---------------------------------------------------------------------------- helpers


def raw_row(services: Services, opportunity_id: int) -> tuple[object, ...]:
    """Every column of the stored row, as SQLite holds it."""
    with services.db.read() as s:
        row = (
            s.connection()
            .exec_driver_sql("SELECT * FROM opportunities WHERE id = ?", (opportunity_id,))
            .one()
        )
    return tuple(row)


def history(services: Services, opportunity_id: int) -> list[tuple[int | None, int]]:
    h = m.StageChange
    with services.db.read() as s:
        return [
            (a, b)
            for a, b in s.execute(
                select(h.from_stage_id, h.to_stage_id)
                .where(h.opportunity_id == opportunity_id)
                .order_by(h.id)
            )
        ]


def open_pipeline(services: Services, customer_id: int) -> Decimal:
    with services.db.read() as s:
        stats = s.get(m.CustomerStats, customer_id)
        assert stats is not None
        return stats.open_pipeline


def errors_of(data: OpportunityInput, today: date = TODAY) -> dict[str, str]:
    with pytest.raises(ValidationError) as caught:
        clean_opportunity(data, today=today)
    return {key: message.render() for key, message in caught.value.errors.items()}


def listed(pipeline: PipelineService, flt: PipelineFilter) -> set[int]:
    return {r.id for r in pipeline.list_opportunities(flt, limit=1000)}


def ids_of(w: PipelineWorld, *keys: str) -> set[int]:
    return {w.deals[k] for k in keys}


# ------------------------------------------------------------------------- validation


def test_clean_trims_text_and_normalises_the_amount() -> None:
    cleaned = clean_opportunity(
        valid(title="  ERP  ", source=" 展会 ", notes=" n ", amount=Decimal("5")), today=TODAY
    )
    assert (cleaned.title, cleaned.source, cleaned.notes) == ("ERP", "展会", "n")
    assert str(cleaned.amount) == "5.00"


def test_every_bad_field_gets_its_own_message() -> None:
    errors = errors_of(
        OpportunityInput(
            customer_id=None,
            title=" ",
            amount=Decimal("-1"),
            currency="XYZ",
            probability_override=101,
            expected_close=date(1999, 12, 31),
            source="s" * 81,
            competitors="c" * 301,
            next_step="n" * 301,
        )
    )
    assert errors == {
        "title": "Enter a title for the opportunity.",
        "customer_id": "Choose the customer.",
        "amount": "The amount cannot be negative.",
        "probability_override": "The probability is a percentage from 0 to 100.",
        "expected_close": "Enter a close date between 2000-01-01 and 2036-03-16.",
        "currency": "Choose one of the supported currencies.",
        "source": "This text is longer than 80 characters.",
        "competitors": "This text is longer than 300 characters.",
        "next_step": "This text is longer than 300 characters.",
    }


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        ("1.001", "Amounts have at most two decimals."),
        ("1000000000000.00", "Enter an amount up to 999,999,999,999.99."),
        ("NaN", "Enter an amount up to 999,999,999,999.99."),
        ("Infinity", "Enter an amount up to 999,999,999,999.99."),
    ],
)
def test_amount_problems(amount: str, message: str) -> None:
    assert errors_of(valid(amount=Decimal(amount))) == {"amount": message}


def test_limits_are_inclusive() -> None:
    clean_opportunity(valid(title="t" * MAX_TITLE), today=TODAY)
    assert errors_of(valid(title="t" * (MAX_TITLE + 1))) == {
        "title": "The title is longer than 200 characters."
    }
    for chance in (0, 100):
        clean_opportunity(valid(probability_override=chance), today=TODAY)
    assert "probability_override" in errors_of(valid(probability_override=-1))
    for day in (date(2000, 1, 1), date(2036, 3, 16)):
        clean_opportunity(valid(expected_close=day), today=TODAY)
    assert "expected_close" in errors_of(valid(expected_close=date(2036, 3, 17)))
    # Ten years after 29 February is 28 February.
    assert errors_of(valid(expected_close=date(2034, 3, 1)), today=date(2024, 2, 29)) == {
        "expected_close": "Enter a close date between 2000-01-01 and 2034-02-28."
    }


def test_create_checks_what_only_the_database_knows(
    services: Services, pipeline: PipelineService, w: PipelineWorld
) -> None:
    services.customers.delete(w.acme)
    assert field_errors(lambda: pipeline.create(valid(customer_id=w.acme))) == {
        "customer_id": "This customer no longer exists."
    }
    assert field_errors(lambda: pipeline.create(valid(customer_id=999_999))) == {
        "customer_id": "This customer no longer exists."
    }
    assert field_errors(
        lambda: pipeline.create(valid(customer_id=w.huaxia, contact_id=w.chenjing))
    ) == {"contact_id": "Choose one of this customer's contacts."}
    assert field_errors(lambda: pipeline.create(valid(customer_id=w.huaxia, owner_id=999))) == {
        "owner_id": "Choose one of the salespeople."
    }
    for stage in ("won", "lost"):
        assert field_errors(
            lambda stage=stage: pipeline.create(
                valid(customer_id=w.huaxia, stage_id=w.stages[stage])
            )
        ) == {"stage_id": "Choose one of the open stages."}


# -------------------------------------------------------------------------- the board


def test_board_columns_totals_and_weighted_amounts(
    pipeline: PipelineService, w: PipelineWorld
) -> None:
    board = board_at(pipeline)
    assert [c.stage.key for c in board.columns] == [
        "lead", "qualified", "needs_analysis", "proposal", "negotiation",
    ]  # fmt: skip
    summary = {
        c.stage.key: ([card.id for card in c.cards], c.count, c.amount, c.weighted)
        for c in board.columns
    }
    d = w.deals
    assert summary == {
        # same close day: the larger amount first; no close date last
        "lead": (
            [d["bulk"], d["pilot"], d["training"]], 3, Decimal("20500.01"), Decimal("2050.01"),
        ),
        "qualified": ([], 0, Decimal("0.00"), Decimal("0.00")),
        "needs_analysis": ([], 0, Decimal("0.00"), Decimal("0.00")),
        "proposal": ([d["erp"], d["framework"]], 2, Decimal("125000.00"), Decimal("81750.00")),
        "negotiation": ([d["widget"]], 1, Decimal("0.25"), Decimal("0.13")),
    }  # fmt: skip
    assert board.open_total == Decimal("145500.26")
    assert board.weighted_total == Decimal("83800.14")
    assert board.closing_this_month == Decimal("125500.01")
    assert (board.won_stage.key, board.lost_stage.key) == ("won", "lost")
    assert (board.won_stage.kind, board.lost_stage.kind) == (StageKind.WON, StageKind.LOST)
    # Totals are exact Decimals with two places.
    assert str(board.weighted_total) == "83800.14"


def test_board_cards(pipeline: PipelineService, w: PipelineWorld) -> None:
    cards = cards_by_id(board_at(pipeline))
    assert set(cards) == ids_of(w, *BOARD_DEALS)  # not won, lost or trashed
    assert cards[w.deals["erp"]] == Card(
        id=w.deals["erp"],
        title="ERP 升级",
        customer_id=w.huaxia,
        customer="北京华夏科技有限公司",
        amount=Decimal("80000.00"),
        currency="CNY",
        expected_close=date(2026, 3, 20),
        owner="张明",
        stage_id=w.stages["proposal"],
        probability=60,
        probability_overridden=False,
        weighted=Decimal("48000.00"),
        stage_age_days=5,
        attention=Attention.NONE,
        next_activity=NextActivity.PLANNED,
    )
    framework = cards[w.deals["framework"]]
    assert (framework.probability, framework.probability_overridden) == (75, True)
    assert (framework.weighted, framework.owner) == (Decimal("33750.00"), "Li Na")
    widget = cards[w.deals["widget"]]
    assert (widget.amount, widget.weighted, widget.probability) == (
        Decimal("0.25"), Decimal("0.13"), 50,
    )  # fmt: skip
    assert str(widget.weighted) == "0.13"
    assert cards[w.deals["pilot"]].weighted == Decimal("0.01")  # 0.005 half up
    assert cards[w.deals["training"]].expected_close is None


def test_next_activity_dots_and_staleness(pipeline: PipelineService, w: PipelineWorld) -> None:
    cards = cards_by_id(board_at(pipeline))
    state = {
        key: (cards[w.deals[key]].next_activity, cards[w.deals[key]].stage_age_days,
              cards[w.deals[key]].attention)
        for key in BOARD_DEALS
    }  # fmt: skip
    assert state == {
        "erp": (NextActivity.PLANNED, 5, Attention.NONE),  # done and deleted activities ignored
        "framework": (NextActivity.TODAY, 1, Attention.NONE),  # 01:00 today in Shanghai
        "widget": (NextActivity.OVERDUE, 2, Attention.NONE),  # overdue still counts as planned
        "pilot": (NextActivity.NONE, 3, Attention.NO_NEXT_STEP),  # nothing planned
        "bulk": (NextActivity.PLANNED, 14, Attention.NONE),  # on the lead stage's 14-day limit
        "training": (NextActivity.NONE, 20, Attention.STALE),  # past the 14 days
    }


def test_dots_follow_the_zone_and_ages_the_clock(
    pipeline: PipelineService, w: PipelineWorld
) -> None:
    in_utc = cards_by_id(board_at(pipeline, tz=UTC))
    # 17:00 UTC yesterday is 01:00 today in Shanghai, but yesterday in UTC.
    assert in_utc[w.deals["framework"]].next_activity is NextActivity.OVERDUE
    a_day_later = cards_by_id(board_at(pipeline, now=NOW + timedelta(days=1)))
    bulk = a_day_later[w.deals["bulk"]]
    assert (bulk.stage_age_days, bulk.next_activity, bulk.attention) == (
        15, NextActivity.TODAY, Attention.STALE,
    )  # fmt: skip
    assert a_day_later[w.deals["erp"]].next_activity is NextActivity.PLANNED
    erp_then = {
        days: cards_by_id(board_at(pipeline, now=NOW + timedelta(days=days)))[w.deals["erp"]]
        for days in (2, 3)
    }
    assert erp_then[2].next_activity is NextActivity.TODAY
    assert erp_then[3].next_activity is NextActivity.OVERDUE


def test_local_day_of_stage_changes_around_midnight(
    pipeline: PipelineService, w: PipelineWorld
) -> None:
    # Moved at 23:59 and at 00:01 Shanghai time: one and zero days in the stage at 00:30.
    late = datetime(2026, 3, 15, 15, 59, tzinfo=UTC)
    early = datetime(2026, 3, 15, 16, 1, tzinfo=UTC)
    pipeline.move(w.deals["erp"], w.stages["negotiation"], now=late)
    pipeline.move(w.deals["framework"], w.stages["negotiation"], now=early)
    at = datetime(2026, 3, 15, 16, 30, tzinfo=UTC)
    cards = cards_by_id(board_at(pipeline, now=at))
    assert cards[w.deals["erp"]].stage_age_days == 1
    assert cards[w.deals["framework"]].stage_age_days == 0
    in_utc = cards_by_id(board_at(pipeline, now=at, tz=UTC))
    assert in_utc[w.deals["erp"]].stage_age_days == 0


def test_closing_this_month_follows_today(pipeline: PipelineService) -> None:
    assert board_at(pipeline, today=date(2026, 4, 15)).closing_this_month == Decimal("0.25")
    assert board_at(pipeline, today=date(2026, 5, 1)).closing_this_month == Decimal("0.00")


def test_board_filters(services: Services, pipeline: PipelineService, w: PipelineWorld) -> None:
    def on_board(flt: PipelineFilter) -> set[int]:
        return set(cards_by_id(board_at(pipeline, flt)))

    assert on_board(PipelineFilter(owner_id=w.zhang)) == ids_of(w, "erp", "bulk")
    assert on_board(PipelineFilter(tier="A")) == ids_of(w, "erp", "training")
    assert on_board(PipelineFilter(search="华夏")) == ids_of(w, "erp", "training")
    # the board shows open deals whatever the status filter says
    assert on_board(PipelineFilter(status=OpportunityStatus.WON)) == ids_of(w, *BOARD_DEALS)
    board = board_at(pipeline, PipelineFilter(close_from=date(2026, 3, 15)))
    assert set(cards_by_id(board)) == ids_of(w, "erp", "framework", "widget")
    assert board.open_total == Decimal("125000.25")
    assert board.closing_this_month == Decimal("125000.00")
    # deals of a customer in the trash leave the board with it
    services.customers.delete(w.acme)
    assert on_board(PipelineFilter()) == ids_of(w, "erp", "training", "framework")


def test_archived_stages_have_no_column(
    services: Services, pipeline: PipelineService, w: PipelineWorld
) -> None:
    services.stages.set_stage_archived(w.stages["qualified"], True)
    keys = [c.stage.key for c in board_at(pipeline).columns]
    assert keys == ["lead", "needs_analysis", "proposal", "negotiation"]


def test_an_empty_pipeline(empty_services: Services) -> None:
    from sms_desktop.services.workspace import initialize_empty

    initialize_empty(empty_services.db, company_name="", owner_name="Me")
    board = empty_services.pipeline.board(now=NOW, tz=SHANGHAI)
    assert [c.count for c in board.columns] == [0, 0, 0, 0, 0]
    assert (board.open_total, board.weighted_total, board.closing_this_month) == (
        Decimal("0.00"), Decimal("0.00"), Decimal("0.00"),
    )  # fmt: skip


# ----------------------------------------------------------------------------- moves


def test_move_forward_and_back(
    services: Services, pipeline: PipelineService, w: PipelineWorld
) -> None:
    erp, st = w.deals["erp"], w.stages
    record = pipeline.move(erp, st["negotiation"], actor_id=w.lina, now=MOVE_AT).record
    assert (record.from_stage_id, record.to_stage_id) == (st["proposal"], st["negotiation"])
    detail = pipeline.get(erp)
    assert (detail.stage.key, detail.status, detail.closed_on) == (
        "negotiation", OpportunityStatus.OPEN, None,
    )  # fmt: skip
    assert detail.stage_changed_at == MOVE_AT
    card = cards_by_id(board_at(pipeline, now=MOVE_AT))[erp]
    assert (card.stage_id, card.probability, card.weighted, card.stage_age_days) == (
        st["negotiation"], 80, Decimal("64000.00"), 0,
    )  # fmt: skip
    pipeline.move(erp, st["lead"], now=MOVE_AT + timedelta(minutes=1))
    assert pipeline.get(erp).stage.key == "lead"
    assert history(services, erp) == [
        (None, st["proposal"]),
        (st["proposal"], st["negotiation"]),
        (st["negotiation"], st["lead"]),
    ]
    with services.db.read() as s:
        change = s.get(m.StageChange, record.stage_change_id)
        assert change is not None
        assert (change.changed_at, change.changed_by_id) == (MOVE_AT, w.lina)
        entry = s.scalars(
            select(m.AuditEntry)
            .where(m.AuditEntry.entity == "opportunity", m.AuditEntry.entity_id == erp,
                   m.AuditEntry.field == "stage_id")
            .order_by(m.AuditEntry.id)
        ).first()  # fmt: skip
        assert entry is not None
        assert (entry.action, entry.actor_id, entry.old_value, entry.new_value) == (
            AuditAction.UPDATE, w.lina, str(st["proposal"]), str(st["negotiation"]),
        )  # fmt: skip


def test_move_to_won(services: Services, pipeline: PipelineService, w: PipelineWorld) -> None:
    erp = w.deals["erp"]
    assert open_pipeline(services, w.huaxia) == Decimal("100000.00")
    pipeline.move(erp, w.stages["won"], actor_id=w.zhang, now=MOVE_AT)
    detail = pipeline.get(erp)
    assert (detail.status, detail.stage.key) == (OpportunityStatus.WON, "won")
    assert detail.closed_on == MOVE_AT.astimezone().date()
    assert history(services, erp)[-1] == (w.stages["proposal"], w.stages["won"])
    assert erp not in cards_by_id(board_at(pipeline))
    assert open_pipeline(services, w.huaxia) == Decimal("20000.00")  # won deals leave it
    entries = [
        e
        for e in services.interactions.timeline(w.huaxia)
        if e.source == "stage" and e.kind == "won" and e.title == "ERP 升级"
    ]
    assert len(entries) == 1
    assert entries[0].at == MOVE_AT
    assert entries[0].who == "张明"
    assert entries[0].detail == "方案报价 → 赢单|Proposal → Won"
    assert entries[0].amount == Decimal("80000.00")


@pytest.mark.parametrize("target", ["lead", "negotiation", "lost", "won"])
def test_a_won_deal_cannot_move(pipeline: PipelineService, w: PipelineWorld, target: str) -> None:
    server = w.deals["server"]
    with pytest.raises(ConflictError) as caught:
        pipeline.move(server, w.stages[target], lost_reason_id=w.reasons["No response"])
    expected = (
        "The opportunity is already in this stage."
        if target == "won"
        else "A won opportunity is closed: it became an order and stays won."
    )
    assert caught.value.render() == expected
    assert pipeline.get(server).status is OpportunityStatus.WON


def test_lost_needs_a_reason_or_a_note(
    services: Services, pipeline: PipelineService, w: PipelineWorld
) -> None:
    erp, lost = w.deals["erp"], w.stages["lost"]
    before = raw_row(services, erp)
    for kwargs in ({}, {"lost_note": "   "}):
        assert field_errors(lambda kwargs=kwargs: pipeline.move(erp, lost, **kwargs)) == {
            "lost_reason": "Choose why it was lost, or write a note."
        }
    assert field_errors(lambda: pipeline.move(erp, lost, lost_reason_id=999)) == {
        "lost_reason": "Choose one of the lost reasons."
    }
    reason = w.reasons["Chose a competitor"]
    services.stages.set_lost_reason_archived(reason, True)
    assert field_errors(lambda: pipeline.move(erp, lost, lost_reason_id=reason)) == {
        "lost_reason": "Choose one of the lost reasons."
    }
    assert raw_row(services, erp) == before  # nothing was written
    assert len(history(services, erp)) == 1


def test_move_to_lost_and_reopen(
    services: Services, pipeline: PipelineService, w: PipelineWorld
) -> None:
    erp, st = w.deals["erp"], w.stages
    pipeline.move(
        erp, st["lost"], lost_reason_id=w.reasons["Price too high"], lost_note=" 太贵 ",
        now=MOVE_AT,
    )  # fmt: skip
    detail = pipeline.get(erp)
    assert (detail.status, detail.lost_reason_id, detail.lost_note, detail.closed_on) == (
        OpportunityStatus.LOST, w.reasons["Price too high"], "太贵", MOVE_AT.astimezone().date(),
    )  # fmt: skip
    assert open_pipeline(services, w.huaxia) == Decimal("20000.00")
    # lost → won is not a move: reopen first
    with pytest.raises(ConflictError, match="cannot move from Lost to Won"):
        pipeline.move(erp, st["won"])
    pipeline.move(erp, st["needs_analysis"], now=MOVE_AT + timedelta(days=1))
    detail = pipeline.get(erp)
    assert (detail.status, detail.lost_reason_id, detail.lost_note, detail.closed_on) == (
        OpportunityStatus.OPEN, None, None, None,
    )  # fmt: skip
    assert open_pipeline(services, w.huaxia) == Decimal("100000.00")
    # a note alone is enough
    pipeline.move(erp, st["lost"], lost_note="预算冻结")
    assert pipeline.get(erp).lost_note == "预算冻结"
    assert pipeline.get(erp).lost_reason_id is None


def test_refused_moves(services: Services, pipeline: PipelineService, w: PipelineWorld) -> None:
    erp, st = w.deals["erp"], w.stages
    with pytest.raises(ConflictError, match="already in this stage"):
        pipeline.move(erp, st["proposal"])
    services.stages.set_stage_archived(st["qualified"], True)
    with pytest.raises(ConflictError, match="archived"):
        pipeline.move(erp, st["qualified"])
    with pytest.raises(NotFoundError):
        pipeline.move(erp, 999)
    with pytest.raises(NotFoundError):
        pipeline.move(999_999, st["lead"])
    with pytest.raises(NotFoundError):
        pipeline.move(w.deals["trashed"], st["proposal"])


@pytest.mark.parametrize(
    ("deal", "target", "kwargs"),
    [
        ("erp", "negotiation", {}),
        ("erp", "won", {}),
        ("erp", "lost", {"lost_reason_id": 1, "lost_note": "贵"}),
        ("old", "lead", {}),  # reopening restores the lost fields and closed_on
    ],
)
def test_undo_move_restores_the_row_exactly(
    services: Services,
    pipeline: PipelineService,
    w: PipelineWorld,
    deal: str,
    target: str,
    kwargs: dict[str, Any],
) -> None:
    opportunity = w.deals[deal]
    customer = pipeline.get(opportunity).data.customer_id
    assert customer is not None
    before_row = raw_row(services, opportunity)
    before_history = history(services, opportunity)
    before_stats = open_pipeline(services, customer)
    record = pipeline.move(opportunity, w.stages[target], now=MOVE_AT, **kwargs).record
    assert raw_row(services, opportunity) != before_row
    pipeline.undo_move(record)
    assert raw_row(services, opportunity) == before_row  # updated_at included
    assert history(services, opportunity) == before_history
    assert open_pipeline(services, customer) == before_stats
    with services.db.read() as s:
        assert s.get(m.StageChange, record.stage_change_id) is None
    # and the move can be done again (redo)
    again = pipeline.move(opportunity, w.stages[target], now=MOVE_AT, **kwargs).record
    assert again.to_stage_id == w.stages[target]


def test_undo_of_an_older_move_is_refused(pipeline: PipelineService, w: PipelineWorld) -> None:
    first = pipeline.move(w.deals["erp"], w.stages["negotiation"]).record
    pipeline.move(w.deals["erp"], w.stages["lead"])
    with pytest.raises(ConflictError, match="moved again"):
        pipeline.undo_move(first)


def test_open_pipeline_follows_moves(
    services: Services, pipeline: PipelineService, w: PipelineWorld
) -> None:
    assert [open_pipeline(services, c) for c in (w.huaxia, w.mingda, w.acme)] == [
        Decimal("100000.00"), Decimal("45000.00"), Decimal("500.26"),
    ]  # fmt: skip
    pipeline.move(w.deals["framework"], w.stages["negotiation"])  # open → open: unchanged
    assert open_pipeline(services, w.mingda) == Decimal("45000.00")
    record = pipeline.move(w.deals["framework"], w.stages["lost"], lost_note="x").record
    assert open_pipeline(services, w.mingda) == Decimal("0.00")
    pipeline.undo_move(record)
    assert open_pipeline(services, w.mingda) == Decimal("45000.00")
    pipeline.move(w.deals["old"], w.stages["lead"])  # reopened: counts again
    assert open_pipeline(services, w.mingda) == Decimal("54000.00")


# ------------------------------------------------------------------ create & update


def test_create_in_the_first_open_stage(
    services: Services, pipeline: PipelineService, w: PipelineWorld
) -> None:
    new = pipeline.create(
        OpportunityInput(
            customer_id=w.acme, title=" 新商机 ", amount=Decimal("1000"), contact_id=None,
            owner_id=w.lina, source="展会", next_step="报价",
        ),
        actor_id=w.lina,
        now=MOVE_AT,
    )  # fmt: skip
    detail = pipeline.get(new)
    assert detail.stage.key == "lead"
    assert (detail.status, detail.created_at, detail.stage_changed_at) == (
        OpportunityStatus.OPEN, MOVE_AT, MOVE_AT,
    )  # fmt: skip
    assert detail.data == OpportunityInput(
        customer_id=w.acme, title="新商机", amount=Decimal("1000.00"),
        stage_id=w.stages["lead"], owner_id=w.lina, source="展会", next_step="报价",
    )  # fmt: skip
    assert detail.customer_name == "Acme Co., Ltd."
    assert history(services, new) == [(None, w.stages["lead"])]
    assert open_pipeline(services, w.acme) == Decimal("1500.26")
    card = cards_by_id(board_at(pipeline, now=MOVE_AT))[new]
    assert (card.stage_age_days, card.next_activity, card.attention) == (
        0,
        NextActivity.NONE,
        Attention.NO_NEXT_STEP,  # a brand-new deal is not stale
    )


def test_create_in_a_chosen_stage_with_a_contact(
    pipeline: PipelineService, w: PipelineWorld
) -> None:
    new = pipeline.create(
        valid(customer_id=w.huaxia, contact_id=w.wangwei, stage_id=w.stages["negotiation"])
    )
    detail = pipeline.get(new)
    assert (detail.stage.key, detail.data.contact_id) == ("negotiation", w.wangwei)


def test_update_returns_the_previous_values_and_ignores_the_stage(
    services: Services, pipeline: PipelineService, w: PipelineWorld
) -> None:
    erp = w.deals["erp"]
    before = pipeline.get(erp).data
    after = replace(
        before, title="ERP 二期", amount=Decimal("90000.00"), stage_id=w.stages["won"],
        probability_override=70, competitors="SAP",
    )  # fmt: skip
    assert pipeline.update(erp, after) == before
    detail = pipeline.get(erp)
    assert detail.data == replace(after, stage_id=w.stages["proposal"])
    assert (detail.stage.key, detail.status) == ("proposal", OpportunityStatus.OPEN)
    assert open_pipeline(services, w.huaxia) == Decimal("110000.00")
    a = m.AuditEntry
    with services.db.read() as s:
        changed = set(
            s.scalars(
                select(a.field).where(
                    a.entity == "opportunity", a.entity_id == erp, a.action == AuditAction.UPDATE
                )
            )
        )
    assert changed == {"title", "amount", "probability_override", "competitors"}
    # undo is an update with the previous values
    pipeline.update(erp, before)
    assert pipeline.get(erp).data == before


def test_edit_saves_the_fields_and_the_commit_flag_together(
    services: Services, pipeline: PipelineService, w: PipelineWorld
) -> None:
    erp = w.deals["erp"]
    before = pipeline.get(erp)
    assert not before.forecast_commit
    after = DealEdit(replace(before.data, title="ERP 二期"), forecast_commit=True)
    assert pipeline.edit(erp, after) == DealEdit(before.data, False)
    detail = pipeline.get(erp)
    assert detail.data.title == "ERP 二期" and detail.forecast_commit
    assert services.pipeline.get(erp).forecast_commit
    a = m.AuditEntry
    with services.db.read() as s:
        flagged = s.execute(
            select(a.old_value, a.new_value).where(
                a.entity == "opportunity", a.entity_id == erp, a.field == "forecast_commit"
            )
        ).one()
    assert flagged is not None
    # undo is an edit with the values before
    assert pipeline.edit(erp, DealEdit(before.data, False)) == after
    assert pipeline.get(erp).data == before.data and not pipeline.get(erp).forecast_commit


def test_a_failed_edit_leaves_neither_the_fields_nor_the_commit_flag(
    services: Services,
    pipeline: PipelineService,
    w: PipelineWorld,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The last write of the transaction fails: the title and the flag both stay."""
    from sms_desktop.services import audit

    erp = w.deals["erp"]
    before = pipeline.get(erp)
    record_changes = audit.record_changes

    def failing(session: Any, entity: str, entity_id: int, old: Any, new: Any) -> list[str]:
        if "forecast_commit" in new:
            raise ConflictError(Message("Tests", "the disk is full"))
        return record_changes(session, entity, entity_id, old, new)

    monkeypatch.setattr(audit, "record_changes", failing)
    with pytest.raises(ConflictError):
        pipeline.edit(erp, DealEdit(replace(before.data, title="ERP 二期"), forecast_commit=True))
    assert pipeline.get(erp) == before
    assert not services.pipeline.get(erp).forecast_commit


def test_update_to_another_customer_refreshes_both(
    services: Services, pipeline: PipelineService, w: PipelineWorld
) -> None:
    erp = w.deals["erp"]
    pipeline.update(erp, replace(pipeline.get(erp).data, customer_id=w.mingda))
    assert open_pipeline(services, w.huaxia) == Decimal("20000.00")
    assert open_pipeline(services, w.mingda) == Decimal("125000.00")
    with pytest.raises(ValidationError):  # 王伟 is not a contact of mingda
        pipeline.update(erp, replace(pipeline.get(erp).data, contact_id=w.wangwei))


def test_update_and_get_of_a_trashed_deal(pipeline: PipelineService, w: PipelineWorld) -> None:
    trashed = w.deals["trashed"]
    with pytest.raises(NotFoundError):
        pipeline.get(trashed)
    with pytest.raises(NotFoundError):
        pipeline.update(trashed, valid(customer_id=w.huaxia))


# ----------------------------------------------------------------------------- trash


def test_delete_and_restore(
    services: Services, pipeline: PipelineService, w: PipelineWorld
) -> None:
    erp = w.deals["erp"]
    pipeline.delete(erp)
    assert erp not in cards_by_id(board_at(pipeline))
    assert erp not in listed(pipeline, ALL)
    assert open_pipeline(services, w.huaxia) == Decimal("20000.00")
    items = {(i.entity, i.entity_id): i.label for i in services.trash.items()}
    assert items[("opportunity", erp)] == "ERP 升级"
    with pytest.raises(NotFoundError):
        pipeline.delete(erp)
    pipeline.restore(erp)
    assert erp in cards_by_id(board_at(pipeline))
    assert open_pipeline(services, w.huaxia) == Decimal("100000.00")
    assert ("opportunity", erp) not in {(i.entity, i.entity_id) for i in services.trash.items()}
    with pytest.raises(NotFoundError):
        pipeline.restore(999_999)


# -------------------------------------------------------------------------- the list


def test_list_rows(pipeline: PipelineService, w: PipelineWorld) -> None:
    rows = {r.id: r for r in pipeline.list_opportunities(ALL)}
    assert set(rows) == ids_of(w, *BOARD_DEALS, "server", "old")
    old = rows[w.deals["old"]]
    assert old == OpportunityRow(
        id=w.deals["old"], title="旧项目", customer_id=w.mingda,
        customer="上海明达贸易股份有限公司", stage_id=w.stages["lost"], stage_name_zh="输单",
        stage_name_en="Lost", status=OpportunityStatus.LOST, amount=Decimal("9000.00"),
        currency="CNY", probability=0, weighted=Decimal("0.00"),
        expected_close=date(2026, 1, 5), owner="Li Na",
        closed_on=(NOW - timedelta(days=50)).astimezone().date(), lost_reason_zh="价格太高",
        lost_reason_en="Price too high", created_at=NOW - timedelta(days=60, minutes=7),
    )  # fmt: skip
    assert (old.stage_name("zh_CN"), old.stage_name("en")) == ("输单", "Lost")
    assert (old.lost_reason("zh_CN"), old.lost_reason("en")) == ("价格太高", "Price too high")
    framework = rows[w.deals["framework"]]
    assert (framework.probability, framework.weighted) == (75, Decimal("33750.00"))
    assert framework.lost_reason("en") == ""
    assert rows[w.deals["server"]].probability == 100


def test_count_and_status_filter(pipeline: PipelineService, w: PipelineWorld) -> None:
    assert pipeline.count_opportunities() == 6
    assert pipeline.count_opportunities(ALL) == 8
    assert pipeline.count_opportunities(ALL, cap=3) == 3
    assert pipeline.count_opportunities(PipelineFilter(status=OpportunityStatus.WON)) == 1
    assert listed(pipeline, PipelineFilter(status=OpportunityStatus.LOST)) == ids_of(w, "old")
    assert listed(pipeline, PipelineFilter()) == ids_of(w, *BOARD_DEALS)


def _sort_value(
    key: OpportunitySortKey, positions: dict[int, int]
) -> Callable[[OpportunityRow], Any]:
    values: dict[str, Callable[[OpportunityRow], Any]] = {
        "title": lambda r: r.title,
        "customer": lambda r: name_sort_key(r.customer),
        "stage": lambda r: positions[r.stage_id],
        "status": lambda r: r.status.value,
        "amount": lambda r: r.amount,
        "probability": lambda r: r.probability,
        "weighted": lambda r: r.amount * r.probability,
        "expected_close": lambda r: r.expected_close,
        "owner": lambda r: r.owner,
        "closed_on": lambda r: r.closed_on,
        "created": lambda r: r.created_at,
    }
    return values[key]


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("key", SORT_KEYS)
def test_every_sort_key_sorts_in_sql_and_pages(
    services: Services, pipeline: PipelineService, key: OpportunitySortKey, descending: bool
) -> None:
    positions = {s.id: s.position for s in services.stages.stages(include_archived=True)}
    value = _sort_value(key, positions)
    rows = pipeline.list_opportunities(ALL, order_by=key, descending=descending)
    present = sorted(
        (r for r in rows if value(r) is not None),
        key=lambda r: (value(r), r.id),
        reverse=descending,
    )
    missing = sorted((r for r in rows if value(r) is None), key=lambda r: r.id, reverse=descending)
    assert [r.id for r in rows] == [r.id for r in present + missing]  # empty values last
    assert len(rows) == 8
    pages = [
        r.id
        for offset in range(0, 9, 3)
        for r in pipeline.list_opportunities(
            ALL, offset=offset, limit=3, order_by=key, descending=descending
        )
    ]
    assert pages == [r.id for r in rows]
    exported = pipeline.iter_opportunities(ALL, order_by=key, descending=descending, batch=2)
    assert [r.id for r in exported] == [r.id for r in rows]


def test_sort_keys_are_the_literal() -> None:
    assert SORT_KEYS == (
        "title", "customer", "stage", "status", "amount", "probability", "weighted",
        "expected_close", "owner", "closed_on", "created",
    )  # fmt: skip


def test_list_filters(pipeline: PipelineService, w: PipelineWorld) -> None:
    assert listed(pipeline, replace(ALL, owner_id=w.zhang)) == ids_of(w, "erp", "bulk", "server")
    assert listed(pipeline, replace(ALL, owner_id=w.lina)) == ids_of(w, "framework", "old")
    march = PipelineFilter(close_from=date(2026, 3, 15), close_to=date(2026, 3, 31))
    assert listed(pipeline, march) == ids_of(w, "erp", "framework")
    assert listed(pipeline, PipelineFilter(close_to=date(2026, 3, 1))) == ids_of(w, "pilot", "bulk")
    assert listed(pipeline, replace(ALL, close_to=date(2026, 2, 28))) == ids_of(w, "server", "old")
    assert listed(pipeline, PipelineFilter(tier="A")) == ids_of(w, "erp", "training")
    assert listed(pipeline, PipelineFilter(tier="B")) == ids_of(
        w, "framework", "widget", "pilot", "bulk"
    )
    combined = PipelineFilter(tier="B", owner_id=w.zhang, close_to=date(2026, 3, 31))
    assert listed(pipeline, combined) == ids_of(w, "bulk")
    assert pipeline.count_opportunities(combined) == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("华夏", ("erp", "training")),  # 2-character Chinese name part
        ("北京华夏科技", ("erp", "training")),
        ("huaxia", ("erp", "training")),  # pinyin
        ("beijing", ("erp", "training")),
        ("bjhx", ("erp", "training")),  # pinyin initials
        ("明达", ("framework",)),
        ("acme", ("widget", "pilot", "bulk")),
        ("培训", ("training",)),  # the title, not the customer
        ("erp", ("erp",)),  # title, case-insensitive
        ("ORDER", ("widget", "bulk")),
        ("  Widget  ", ("widget",)),
        ("试用", ("pilot",)),
        ("nothing-like-this", ()),
        ("", BOARD_DEALS),
        ("   ", BOARD_DEALS),
    ],
)
def test_search_by_customer_and_title(
    pipeline: PipelineService, w: PipelineWorld, text: str, expected: tuple[str, ...]
) -> None:
    flt = PipelineFilter(search=text)
    assert listed(pipeline, flt) == ids_of(w, *expected)
    assert pipeline.count_opportunities(flt) == len(expected)
    assert set(cards_by_id(board_at(pipeline, flt))) == ids_of(w, *expected)


@pytest.mark.parametrize(
    "text",
    [
        "%", "_", "%%", "'", '"', "''", '" OR 1=1 --', "'; DROP TABLE opportunities; --",
        "*", "华*", "NEAR(a b)", "a AND", "OR", "NOT x", "(", ")", "-", "^", "\\", "\x00",
        "a\x00b", "\ud800", "\U0001f600", "😀 华", "a" * 5000, "华 " * 100, "{", "[x]", ":", "col:x",
    ],
)  # fmt: skip
def test_hostile_search_text_never_raises(pipeline: PipelineService, text: str) -> None:
    flt = PipelineFilter(search=text)
    rows = pipeline.list_opportunities(flt)
    assert pipeline.count_opportunities(flt) == len(rows)
    board_at(pipeline, flt)


def test_registry_has_the_pipeline(services: Services) -> None:
    assert isinstance(services.pipeline, PipelineService)
    assert services.pipeline is services.pipeline
    with services.db.read() as s:
        assert s.scalar(select(func.count()).select_from(m.PipelineStage)) == 7


# ------------------------------------------------- a move returns what the board then shows


def _board_totals(board: Board) -> BoardTotals:
    return BoardTotals(
        tuple(ColumnTotals(c.stage.id, c.count, c.amount, c.weighted) for c in board.columns),
        board.open_total,
        board.weighted_total,
        board.closing_this_month,
    )


@pytest.mark.parametrize(
    ("deal", "target", "kwargs", "on_board"),
    [
        ("pilot", "negotiation", {}, True),  # 0.01 × 50 %: the half-cent rounding moves too
        ("widget", "lead", {}, True),
        ("erp", "won", {}, False),
        ("framework", "lost", {"lost_note": "预算"}, False),
        ("old", "qualified", {}, True),  # a lost deal reopened comes onto the board
    ],
)
@pytest.mark.parametrize(
    "view",
    [PipelineFilter(), PipelineFilter(owner_id=None, tier="B"), PipelineFilter(search="order")],
)
def test_move_returns_the_card_and_totals_a_fresh_board_shows(
    pipeline: PipelineService,
    w: PipelineWorld,
    deal: str,
    target: str,
    kwargs: dict[str, Any],
    on_board: bool,
    view: PipelineFilter,
) -> None:
    result = pipeline.move(
        w.deals[deal], w.stages[target], now=MOVE_AT, tz=SHANGHAI, view=view, **kwargs
    )
    fresh = board_at(pipeline, view, now=MOVE_AT)
    assert result.totals == _board_totals(fresh)
    shown = cards_by_id(fresh).get(w.deals[deal])
    assert result.card == shown
    assert (result.card is not None) == (on_board and shown is not None)
    assert result.record.to_stage_id == w.stages[target]


@pytest.mark.parametrize("view", [PipelineFilter(), PipelineFilter(tier="B")])
def test_move_totals_leave_out_the_deals_of_customers_in_the_trash(
    services: Services, pipeline: PipelineService, w: PipelineWorld, view: PipelineFilter
) -> None:
    # the totals read no customer rows: the trash says which customers are out
    services.customers.delete(w.mingda)  # its open framework deal leaves the board
    result = pipeline.move(w.deals["pilot"], w.stages["negotiation"], now=MOVE_AT, view=view)
    fresh = board_at(pipeline, view, now=MOVE_AT)
    assert w.deals["framework"] not in cards_by_id(fresh)
    assert result.totals == _board_totals(fresh)
    services.customers.restore(w.mingda)
    result = pipeline.move(w.deals["pilot"], w.stages["lead"], now=MOVE_AT, view=view)
    fresh = board_at(pipeline, view, now=MOVE_AT)
    assert w.deals["framework"] in cards_by_id(fresh)  # 明达 is a tier B customer
    assert result.totals == _board_totals(fresh)


def test_move_totals_under_the_default_filter_are_the_hand_figures(
    pipeline: PipelineService, w: PipelineWorld
) -> None:
    """pilot (0.01 × 50 % → 0.01) moves from lead to negotiation: lead 20,500.00 / 2,050.00,
    negotiation 0.26 / 0.14 (0.13 + 0.01), the summary unchanged."""
    st = w.stages
    result = pipeline.move(w.deals["pilot"], st["negotiation"], now=MOVE_AT, tz=SHANGHAI)
    lead, negotiation = result.totals.column(st["lead"]), result.totals.column(st["negotiation"])
    assert lead == ColumnTotals(st["lead"], 2, Decimal("20500.00"), Decimal("2050.00"))
    assert negotiation == ColumnTotals(st["negotiation"], 2, Decimal("0.26"), Decimal("0.14"))
    assert (result.totals.open_total, result.totals.weighted_total) == (
        Decimal("145500.26"), Decimal("83800.14"),
    )  # fmt: skip
    assert result.totals.closing_this_month == Decimal("125500.01")
    assert result.card is not None and (result.card.stage_age_days, result.card.weighted) == (
        0, Decimal("0.01"),
    )  # fmt: skip


def test_move_in_session_joins_the_callers_transaction(
    services: Services, pipeline: PipelineService, w: PipelineWorld
) -> None:
    """The session-level move commits or rolls back with the caller's other writes."""
    erp = w.deals["erp"]

    def fails_after_moving() -> None:
        with services.db.write() as s:
            move_in_session(s, erp, w.stages["won"], by=w.lina, now=MOVE_AT)
            raise RuntimeError("the caller's next step failed")

    with pytest.raises(RuntimeError, match="next step"):
        fails_after_moving()
    assert pipeline.get(erp).stage.key == "proposal"
    with services.db.write() as s:
        record = move_in_session(s, erp, w.stages["won"], by=w.lina, now=MOVE_AT)
    detail = pipeline.get(erp)
    assert (detail.stage.key, detail.status) == ("won", OpportunityStatus.WON)
    pipeline.undo_move(record)
    assert pipeline.get(erp).stage.key == "proposal"
