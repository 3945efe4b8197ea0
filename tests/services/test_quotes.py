from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from sms_desktop.domain.enums import (
    ActivityKind,
    AuditAction,
    FollowUpTrigger,
    OpportunityStatus,
    OrderSource,
    OrderStatus,
    QuoteLineKind,
    QuoteStatus,
    TaxMode,
)
from sms_desktop.domain.errors import ConflictError, ValidationError
from sms_desktop.persistence import models as m
from sms_desktop.persistence.db import Database
from sms_desktop.services.followups import PlanInput, PlanStep
from sms_desktop.services.quotes import LineData, QuoteFilter, QuoteInput
from sms_desktop.services.registry import Services
from tests.services.dataset import World
from tests.services.quote_data import Catalogue, add_catalogue

D = Decimal
NOW = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)
DAY = date(2027, 3, 1)


@pytest.fixture
def catalogue(db: Database, world: World) -> Catalogue:
    return add_catalogue(db, huaxia=world.huaxia, today=DAY)


@pytest.fixture
def services(db: Database, catalogue: Catalogue) -> Services:
    return Services(db)


def line(
    product: int, qty: str, price: str, rate: str = "13", cost: str | None = None, **kw: object
) -> LineData:
    values: dict[str, object] = {
        "product_id": product,
        "description": "item",
        "quantity": D(qty),
        "unit": "张",
        "unit_price": D(price),
        "tax_rate": D(rate),
        "unit_cost": None if cost is None else D(cost),
    }
    values.update(kw)
    return LineData(**values)  # type: ignore[arg-type]


def draft(world: World, catalogue: Catalogue, **kw: object) -> QuoteInput:
    values: dict[str, object] = {
        "customer_id": world.huaxia,
        "issue_date": DAY,
        "valid_until": DAY + timedelta(days=30),
        "contact_id": world.wangwei,
        "opportunity_id": world.opps["proposal"],
        "owner_id": world.zhang,
        "terms": "30 天内有效",
        "lines": (
            LineData(kind=QuoteLineKind.SECTION, description="一、家具"),
            line(catalogue.desk, "2", "900.00", cost="700.00", description="办公桌"),
            line(catalogue.install, "1", "500.00", "6", description="安装服务"),
        ),
    }
    values.update(kw)
    return QuoteInput(**values)  # type: ignore[arg-type]


# ------------------------------------------------------------------------- pricing


def test_pricing_context_applies_precedence(
    services: Services, world: World, catalogue: Catalogue
) -> None:
    pricing = services.quotes.pricing(world.huaxia)
    desk = pricing.price(catalogue.desk, D("1"), DAY)
    assert (
        desk is not None and desk.unit_price == D("900.00") and desk.note == "华夏合同价 = 900.00"
    )
    chair = pricing.price(catalogue.chair, D("5"), DAY)
    assert chair is not None and (chair.unit_price, chair.discount_percent) == (
        D("300.00"),
        D("5.00"),
    )
    chair_10 = pricing.price(catalogue.chair, D("10"), DAY)
    assert chair_10 is not None and chair_10.note == "A类价 −10%, ≥ 10"
    install = pricing.price(catalogue.install, D("1"), DAY)
    assert install is not None and install.rule is None
    # Before the tier list starts, the category discount does not apply.
    early = pricing.price(catalogue.chair, D("1"), date(DAY.year - 2, 6, 1))
    assert early is not None and early.rule is None
    other = services.quotes.pricing(world.bluesky)  # tier B: no list
    chair_b = other.price(catalogue.chair, D("50"), DAY)
    assert chair_b is not None and chair_b.rule is None


# ----------------------------------------------------------------------- drafts


def test_save_numbers_and_totals(services: Services, world: World, catalogue: Catalogue) -> None:
    quotes = services.quotes
    saved = quotes.save(None, draft(world, catalogue))
    assert saved.number == "Q-2027-0001" and saved.revision == 1 and saved.label == "Q-2027-0001"
    assert saved.status is QuoteStatus.DRAFT
    assert (saved.subtotal, saved.tax_total, saved.total) == (
        D("2300.00"),
        D("264.00"),
        D("2564.00"),
    )
    assert [ln.total_amount for ln in saved.lines] == [D("0"), D("2034.00"), D("530.00")]
    # stored = shown: the totals recomputed from the stored lines are the stored totals
    totals = saved.totals()
    assert (totals.subtotal, totals.tax_total, totals.total) == (
        saved.subtotal,
        saved.tax_total,
        saved.total,
    )
    assert [(b.rate, b.tax) for b in totals.taxes] == [
        (D("13.00"), D("234.00")),
        (D("6.00"), D("30.00")),
    ]
    second = quotes.save(None, draft(world, catalogue))
    assert second.number == "Q-2027-0002"
    # editing a draft keeps its number
    edited = quotes.save(saved.id, replace(draft(world, catalogue), notes="含运费"))
    assert (edited.number, edited.notes) == ("Q-2027-0001", "含运费")


def test_numbers_skip_ones_already_taken(
    services: Services, world: World, catalogue: Catalogue
) -> None:
    # The dataset holds Q-2026-0001 … 0003 without a counter: the next one is 0004.
    saved = services.quotes.save(
        None, draft(world, catalogue, issue_date=date(2026, 1, 5), valid_until=date(2026, 2, 5))
    )
    assert saved.number == "Q-2026-0004"


def test_number_pattern_from_settings(
    services: Services, world: World, catalogue: Catalogue
) -> None:
    settings = services.settings
    settings.save_defaults(replace(settings.defaults(), quote_number_pattern="BJ{year}{seq:03}"))
    assert services.quotes.save(None, draft(world, catalogue)).number == "BJ2027001"


def test_tax_inclusive_quote(services: Services, world: World, catalogue: Catalogue) -> None:
    data = draft(
        world,
        catalogue,
        tax_mode=TaxMode.INCLUSIVE,
        lines=(line(catalogue.install, "1", "100.00"),),
    )
    saved = services.quotes.save(None, data)
    assert (saved.subtotal, saved.tax_total, saved.total) == (D("88.50"), D("11.50"), D("100.00"))


def test_validation_of_lines_and_references(
    services: Services, world: World, catalogue: Catalogue
) -> None:
    bad = draft(
        world,
        catalogue,
        contact_id=world.john,  # John works at Blue Sky
        valid_until=DAY - timedelta(days=1),
        lines=(line(catalogue.desk, "-1", "1.001"), LineData(kind=QuoteLineKind.SECTION)),
    )
    with pytest.raises(ValidationError) as caught:
        services.quotes.save(None, bad)
    assert {"valid_until", "lines.1", "lines.2"} <= set(caught.value.errors)
    with pytest.raises(ValidationError) as caught:
        services.quotes.save(None, replace(bad, valid_until=DAY, lines=()))
    assert set(caught.value.errors) == {"contact_id"}


# ----------------------------------------------------------------------- margin


def test_a_line_below_cost_is_named_when_the_quote_margin_is_fine(
    services: Services, world: World, catalogue: Catalogue
) -> None:
    """The quote earns 13.29 % overall, above the 10 % minimum: the prompt must say that one
    line is priced below its cost, name it, and not claim 13.29 % is under 10 %."""
    lines = (
        line(catalogue.desk, "10", "1000.00", cost="700.00", description="办公桌"),
        line(catalogue.desk, "2", "650.00", cost="700.00", description="会议椅"),
    )
    with pytest.raises(ValidationError) as caught:
        services.quotes.save(None, draft(world, catalogue, lines=lines))
    message = caught.value.errors["margin_reason"]
    english = message.render()
    assert "Line 2 (会议椅) earns -7.69 %, under the minimum of 10" in english
    assert (
        "The quote as a whole earns" in english
        and "under the minimum of 10.00 %" not in (english.split("as a whole")[1])
    )
    zh = {
        (
            "Quotes",
            "Line {number} ({description}) earns {margin} %, under the minimum of {minimum} %.",
        ): "第 {number} 行（{description}）毛利率 {margin}%，低于最低要求 {minimum}%。",
        ("Quotes", "{first} {second}"): "{first}{second}",
    }
    rendered = message.render(lambda context, text: zh.get((context, text), text))
    assert rendered.startswith("第 2 行（会议椅）毛利率 -7.69%，低于最低要求 10")
    assert "  " not in rendered


def test_margin_guardrail_needs_a_reason_recorded_in_the_audit_log(
    services: Services, db: Database, world: World, catalogue: Catalogue
) -> None:
    cheap = draft(world, catalogue, lines=(line(catalogue.desk, "1", "750.00", cost="700.00"),))
    with pytest.raises(ValidationError) as caught:
        services.quotes.save(None, cheap)
    assert "6.67" in caught.value.errors["margin_reason"].render()
    saved = services.quotes.save(None, replace(cheap, margin_reason="  清库存  "))
    assert saved.margin_override_reason == "清库存"
    with db.read() as s:
        entry = s.execute(
            select(m.AuditEntry.reason, m.AuditEntry.new_value).where(
                m.AuditEntry.entity == "quote",
                m.AuditEntry.entity_id == saved.id,
                m.AuditEntry.action == AuditAction.OVERRIDE,
            )
        ).one()
    assert tuple(entry) == ("清库存", "6.67")
    listed = {r.id: r for r in services.quotes.list_quotes()}
    assert listed[saved.id].margin_reason == "清库存"  # the list flags it


# ------------------------------------------------------------- status and revisions


def test_sent_revision_is_immutable_and_revisions_diff(
    services: Services, world: World, catalogue: Catalogue
) -> None:
    quotes = services.quotes
    first = quotes.save(None, draft(world, catalogue))
    sent = quotes.send(first.id, now=NOW).quote
    assert sent.status is QuoteStatus.SENT and sent.sent_at == NOW
    with pytest.raises(ConflictError):
        quotes.save(first.id, draft(world, catalogue, notes="changed"))
    rev_b = quotes.revise(first.id)
    assert (rev_b.number, rev_b.revision, rev_b.status) == (first.number, 2, QuoteStatus.DRAFT)
    assert rev_b.label == f"{first.number} rev B"
    assert quotes.revise(first.id).id == rev_b.id  # one open draft revision at a time
    lines = list(rev_b.lines)
    lines[1] = replace(lines[1], quantity=D("3"))
    quotes.save(rev_b.id, replace(rev_b.as_input(), lines=tuple(lines[:2]), terms="15 天内有效"))
    unchanged = quotes.get(first.id)
    assert unchanged.total == first.total and len(unchanged.lines) == 3
    changes = {(c.what, c.label, c.field) for c in quotes.diff_with_previous(rev_b.id) or []}
    assert ("changed", "办公桌", "quantity") in changes
    assert ("removed", "安装服务", None) in changes
    assert ("field", "terms", "terms") in changes
    assert quotes.diff_with_previous(first.id) is None
    # the list shows the latest revision of each number only
    rows = quotes.list_quotes(QuoteFilter(search=first.number))
    assert [(r.id, r.label) for r in rows] == [(rev_b.id, f"{first.number} rev B")]
    assert [r.letter for r in quotes.get(rev_b.id).revisions] == ["A", "B"]


def test_status_flow_refuses_skipping_steps(
    services: Services, world: World, catalogue: Catalogue
) -> None:
    quotes = services.quotes
    saved = quotes.save(None, draft(world, catalogue))
    empty = quotes.save(None, draft(world, catalogue, lines=()))
    with pytest.raises(ValidationError):
        quotes.send(empty.id, now=NOW)
    with pytest.raises(ValidationError):
        quotes.accept(empty.id, today=DAY, now=NOW)
    quotes.send(saved.id, now=NOW)
    rejected = quotes.reject(saved.id, now=NOW).quote
    assert rejected.status is QuoteStatus.REJECTED and rejected.decided_at == NOW
    with pytest.raises(ConflictError):
        quotes.accept(saved.id, today=DAY, now=NOW)


def test_a_draft_accepted_at_once_counts_as_sent_then(
    services: Services, world: World, catalogue: Catalogue
) -> None:
    """The customer agreed on the phone: Accept on the draft, no "mark as sent" first."""
    quotes = services.quotes
    saved = quotes.save(None, draft(world, catalogue))
    accepted = quotes.accept(saved.id, today=DAY, now=NOW).quote
    assert accepted.status is QuoteStatus.ACCEPTED
    assert accepted.sent_at == NOW and accepted.decided_at == NOW
    assert not accepted.editable
    with pytest.raises(ConflictError):
        quotes.accept(saved.id, today=DAY, now=NOW)  # once


def test_expiry_through_the_clock(services: Services, world: World, catalogue: Catalogue) -> None:
    quotes = services.quotes
    saved = quotes.save(None, draft(world, catalogue))
    quotes.send(saved.id, now=NOW)
    last_day = saved.valid_until
    assert quotes.expire_due(today=last_day) == 2  # the dataset's two sent quotes of 2026
    assert quotes.get(saved.id).status is QuoteStatus.SENT  # still valid on its last day
    assert quotes.expire_due(today=last_day + timedelta(days=1)) == 1
    assert quotes.get(saved.id).status is QuoteStatus.EXPIRED
    revised = quotes.revise(saved.id)  # an expired quote can be renewed
    assert revised.revision == 2


def test_accept_creates_the_order_and_wins_the_opportunity(
    services: Services, db: Database, world: World, catalogue: Catalogue
) -> None:
    quotes = services.quotes
    saved = quotes.save(None, draft(world, catalogue))
    quotes.send(saved.id, now=NOW)
    accepted = quotes.accept(saved.id, today=DAY, now=NOW).quote
    assert accepted.status is QuoteStatus.ACCEPTED and accepted.order_id is not None
    with db.read() as s:
        order = s.get(m.Order, accepted.order_id)
        assert order is not None
        assert order.number == "SO-2027-00001" and order.source is OrderSource.QUOTE
        assert (order.subtotal, order.tax_total, order.total) == (
            saved.subtotal,
            saved.tax_total,
            saved.total,
        )
        assert [ln.description for ln in order.lines] == ["办公桌", "安装服务"]
        assert order.cost_total == D("1400.00")
        deal = s.get(m.Opportunity, world.opps["proposal"])
        assert deal is not None and deal.status is OpportunityStatus.WON and deal.closed_on == DAY
        assert deal.stage_id == world.stages["won"]
    with pytest.raises(ConflictError):
        quotes.revise(saved.id)


def test_accepting_starts_the_after_order_follow_up_plans(
    services: Services, db: Database, world: World, catalogue: Catalogue
) -> None:
    plan_id = services.followups.save(
        None,
        PlanInput(
            "订单后回访",
            (
                PlanStep(3, ActivityKind.CALL, "电话确认到货"),
                PlanStep(14, ActivityKind.FOLLOW_UP, "回访", with_survey=True),
            ),
            FollowUpTrigger.ORDER_RECORDED,
        ),
    )
    quotes = services.quotes
    saved = quotes.save(None, draft(world, catalogue))
    quotes.send(saved.id, now=NOW)
    accepted = quotes.accept(saved.id, today=DAY, now=NOW).quote
    with db.read() as s:
        follow_ups = s.scalars(
            select(m.Activity)
            .where(m.Activity.follow_up_plan_id == plan_id)
            .order_by(m.Activity.id)
        ).all()
        order = s.get(m.Order, accepted.order_id)
        assert order is not None
        assert [(a.subject, a.customer_id, a.with_survey) for a in follow_ups] == [
            ("电话确认到货", saved.customer_id, False),
            ("回访", saved.customer_id, True),
        ]
        assert all(order.number in (a.notes or "") for a in follow_ups)
        assert follow_ups[1].previous_id == follow_ups[0].id


def test_undoing_an_acceptance_takes_back_the_order_its_follow_ups_and_the_win(
    services: Services, db: Database, world: World, catalogue: Catalogue
) -> None:
    """One step back: the quote is sent again, its order and the order's open follow-ups are
    gone, the deal is back in its stage; the order number is not reused."""
    services.followups.save(
        None,
        PlanInput(
            "订单后回访", (PlanStep(3, ActivityKind.CALL, "电话确认到货"),),
            FollowUpTrigger.ORDER_RECORDED,
        ),
    )  # fmt: skip
    quotes = services.quotes
    saved = quotes.save(None, draft(world, catalogue))
    sent = quotes.send(saved.id, now=NOW).quote
    with db.read() as s:
        deal_before = s.get(m.Opportunity, world.opps["proposal"])
        assert deal_before is not None
        stage_before, changed_before = deal_before.stage_id, deal_before.stage_changed_at
        tasks_before = s.scalar(select(func.count()).select_from(m.Activity))
    change = quotes.accept(saved.id, today=DAY, now=NOW + timedelta(hours=1))
    assert change.order is not None and len(change.order.follow_up_ids) == 1
    back = quotes.undo_status(change)
    assert (back.status, back.sent_at, back.decided_at, back.order_id) == (
        QuoteStatus.SENT, sent.sent_at, None, None,
    )  # fmt: skip
    with db.read() as s:
        assert s.get(m.Order, change.order.id) is None
        assert s.scalar(select(func.count()).select_from(m.Activity)) == tasks_before
        deal = s.get(m.Opportunity, world.opps["proposal"])
        assert deal is not None and deal.status is OpportunityStatus.OPEN
        assert (deal.stage_id, deal.stage_changed_at, deal.closed_on) == (
            stage_before, changed_before, None,
        )  # fmt: skip
    again = quotes.accept(saved.id, today=DAY, now=NOW)
    assert again.quote.order_id is not None
    with db.read() as s:
        order = s.get(m.Order, again.quote.order_id)
        assert order is not None and order.number == "SO-2027-00002"  # numbers never reused


def test_undo_of_a_send_or_a_rejection_puts_the_quote_back(
    services: Services, world: World, catalogue: Catalogue
) -> None:
    quotes = services.quotes
    saved = quotes.save(None, draft(world, catalogue))
    sent = quotes.send(saved.id, now=NOW)
    back = quotes.undo_status(sent)
    assert (back.status, back.sent_at, back.editable) == (QuoteStatus.DRAFT, None, True)
    quotes.send(saved.id, now=NOW)
    rejected = quotes.reject(saved.id, now=NOW)
    assert quotes.undo_status(rejected).status is QuoteStatus.SENT


def test_an_acceptance_is_not_undone_once_delivered_or_once_the_status_moved_on(
    services: Services, db: Database, world: World, catalogue: Catalogue
) -> None:
    quotes = services.quotes
    saved = quotes.save(None, draft(world, catalogue))
    sent = quotes.send(saved.id, now=NOW)
    rejected = quotes.reject(saved.id, now=NOW)
    with pytest.raises(ConflictError):
        quotes.undo_status(sent)  # it was rejected since: the send stays
    quotes.undo_status(rejected)
    accepted = quotes.accept(saved.id, today=DAY, now=NOW)
    assert accepted.order is not None
    with db.write() as s:
        order = s.get(m.Order, accepted.order.id)
        assert order is not None
        order.status = OrderStatus.DELIVERED
    with pytest.raises(ConflictError, match="delivered"):
        quotes.undo_status(accepted)
    assert quotes.get(saved.id).status is QuoteStatus.ACCEPTED


def test_duplicate_gets_a_new_number(
    services: Services, world: World, catalogue: Catalogue
) -> None:
    quotes = services.quotes
    saved = quotes.save(None, draft(world, catalogue))
    quotes.send(saved.id, now=NOW)
    copy = quotes.duplicate(saved.id, today=DAY + timedelta(days=3))
    assert copy.number == "Q-2027-0002" and copy.status is QuoteStatus.DRAFT
    assert copy.issue_date == DAY + timedelta(days=3)
    assert copy.total == saved.total and len(copy.lines) == 3


def test_list_filters_search_and_sort(
    services: Services, world: World, catalogue: Catalogue
) -> None:
    quotes = services.quotes
    a = quotes.save(None, draft(world, catalogue))
    b = quotes.save(
        None,
        draft(world, catalogue, customer_id=world.mingda, contact_id=None, opportunity_id=None),
    )
    quotes.send(b.id, now=NOW)
    sent = quotes.list_quotes(QuoteFilter(status=QuoteStatus.SENT))
    assert b.id in {r.id for r in sent} and a.id not in {r.id for r in sent}
    found = quotes.list_quotes(QuoteFilter(search="明达"))
    assert [r.id for r in found] == [b.id]
    assert quotes.count(QuoteFilter(search="Q-2027")) == 2
    by_total = quotes.list_quotes(order_by="total", descending=False)
    assert [r.total for r in by_total] == sorted(r.total for r in by_total)


def test_new_quote_takes_the_defaults(services: Services, world: World) -> None:
    settings = services.settings
    settings.save_defaults(
        replace(settings.defaults(), quote_terms="款到发货", quote_validity_days=10)
    )
    blank = services.quotes.new_quote(world.huaxia, today=DAY)
    assert blank.terms == "款到发货" and blank.valid_until == DAY + timedelta(days=10)


def test_drafts_go_to_the_trash_and_come_back(
    services: Services, world: World, catalogue: Catalogue
) -> None:
    quotes = services.quotes
    first = quotes.save(None, draft(world, catalogue))
    quotes.send(first.id, now=NOW)
    with pytest.raises(ConflictError):
        quotes.delete(first.id)  # a sent quote is kept
    rev_b = quotes.revise(first.id)
    quotes.delete(rev_b.id)
    assert [r.label for r in quotes.list_quotes(QuoteFilter(search=first.number))] == [first.number]
    trash = services.trash.items()
    assert trash[0].entity == "quote" and trash[0].label.startswith(f"{first.number} rev B")
    rev_c = quotes.revise(first.id)  # the letter in the trash is not reused
    assert rev_c.revision == 3
    quotes.delete(rev_c.id)
    services.trash.restore("quote", rev_b.id)
    assert quotes.get(rev_b.id).status is QuoteStatus.DRAFT
    assert quotes.list_quotes(QuoteFilter(search=first.number))[0].id == rev_b.id


def test_quotes_of_trashed_customers_are_hidden(
    services: Services, world: World, catalogue: Catalogue
) -> None:
    services.quotes.save(
        None,
        draft(world, catalogue, customer_id=world.mingda, contact_id=None, opportunity_id=None),
    )
    assert services.quotes.count(QuoteFilter(search="明达")) == 1
    services.customers.delete(world.mingda)
    assert services.quotes.count(QuoteFilter(search="明达")) == 0


# ------------------------------------------------- accepting moves the deal like the board


def _stage_moves(db: Database, deal: int) -> list[tuple[int | None, int, datetime]]:
    with db.read() as s:
        rows = s.execute(
            select(m.StageChange.from_stage_id, m.StageChange.to_stage_id, m.StageChange.changed_at)
            .where(m.StageChange.opportunity_id == deal)
            .order_by(m.StageChange.id)
        ).all()
        return [(a, b, c) for a, b, c in rows]


def test_accepting_wins_the_deal_through_the_pipeline_move(
    services: Services, db: Database, world: World, catalogue: Catalogue
) -> None:
    """Stage history, audit, updated_at and the customer's figures as a drag to Won writes."""
    deal, st = world.opps["proposal"], world.stages
    quotes = services.quotes
    saved = quotes.save(None, draft(world, catalogue))
    quotes.send(saved.id, now=NOW)
    before = _stage_moves(db, deal)
    quotes.accept(saved.id, today=DAY, now=NOW)
    assert _stage_moves(db, deal) == [*before, (st["proposal"], st["won"], NOW)]
    with db.read() as s:
        row = s.get(m.Opportunity, deal)
        assert row is not None
        assert (row.status, row.stage_id, row.closed_on) == (OpportunityStatus.WON, st["won"], DAY)
        assert (row.stage_changed_at, row.updated_at) == (NOW, NOW)
        entries = s.execute(
            select(m.AuditEntry.field, m.AuditEntry.old_value, m.AuditEntry.new_value)
            .where(m.AuditEntry.entity == "opportunity", m.AuditEntry.entity_id == deal)
            .order_by(m.AuditEntry.id)
        ).all()
        assert entries[-1] == ("stage_id", str(st["proposal"]), str(st["won"]))
        stats = s.get(m.CustomerStats, world.huaxia)
        assert stats is not None
        open_amount = s.scalar(
            select(func.sum(m.Opportunity.amount)).where(
                m.Opportunity.customer_id == world.huaxia,
                m.Opportunity.status == OpportunityStatus.OPEN,
                m.Opportunity.deleted_at.is_(None),
            )
        )
        assert stats.open_pipeline == (open_amount or D("0.00"))


def test_accepting_a_quote_of_a_lost_deal_is_refused_until_it_is_reopened(
    services: Services, db: Database, world: World, catalogue: Catalogue
) -> None:
    """lost → won is not an allowed move (domain.pipeline): the acceptance is refused whole
    (no order, the quote stays sent); once the deal is reopened it is accepted and won."""
    deal, st = world.opps["proposal"], world.stages
    quotes = services.quotes
    saved = quotes.save(None, draft(world, catalogue))
    quotes.send(saved.id, now=NOW)
    services.pipeline.move(deal, st["lost"], lost_note="预算冻结", now=NOW)
    with pytest.raises(ConflictError, match="Reopen it on the Pipeline board"):
        quotes.accept(saved.id, today=DAY, now=NOW)
    assert quotes.get(saved.id).status is QuoteStatus.SENT
    with db.read() as s:
        assert s.scalar(select(func.count()).where(m.Order.quote_id == saved.id)) == 0
        lost = s.get(m.Opportunity, deal)
        assert lost is not None and lost.status is OpportunityStatus.LOST
    services.pipeline.move(deal, st["proposal"], now=NOW)
    assert quotes.accept(saved.id, today=DAY, now=NOW).quote.order_id is not None
    assert services.pipeline.get(deal).status is OpportunityStatus.WON


def test_accepting_a_quote_of_a_won_deal_leaves_the_deal_as_it_was(
    services: Services, db: Database, world: World, catalogue: Catalogue
) -> None:
    """Won is final: a second quote of a won deal is accepted (its order is created) and the
    deal keeps the day and the history of its win."""
    deal = world.opps["won"]
    quotes = services.quotes
    saved = quotes.save(None, draft(world, catalogue, opportunity_id=deal))
    quotes.send(saved.id, now=NOW)
    with db.read() as s:
        won = s.get(m.Opportunity, deal)
        assert won is not None
        before = (won.stage_id, won.closed_on, won.updated_at)
    history = _stage_moves(db, deal)
    assert quotes.accept(saved.id, today=DAY, now=NOW).quote.order_id is not None
    with db.read() as s:
        won = s.get(m.Opportunity, deal)
        assert won is not None and (won.stage_id, won.closed_on, won.updated_at) == before
    assert _stage_moves(db, deal) == history
