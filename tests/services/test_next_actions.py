"""Next-best actions: each source, the ranking, the owner filter and dismissing with a reason."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from sms_desktop.domain.clock import FixedClock, use_clock
from sms_desktop.domain.enums import OrderStatus, QuoteStatus, StageKind
from sms_desktop.domain.next_actions import NextActionKind, priority
from sms_desktop.domain.segmentation import Tier
from sms_desktop.persistence import models as m
from sms_desktop.services.registry import Services

TODAY = date(2026, 6, 30)
D = Decimal


@pytest.fixture(autouse=True)
def _clock() -> Iterator[None]:
    with use_clock(FixedClock(datetime(2026, 6, 30, 4, 0, tzinfo=UTC), ZoneInfo("Asia/Shanghai"))):
        yield


@pytest.fixture
def shop(empty_services: Services) -> tuple[Services, dict[str, int]]:
    """Two salespeople; a strategic account of Li's with a regular order rhythm that is
    late, a low survey, an expiring quote and a deal without a next step; a standard
    account of Wang's with the same kind of deal."""
    ids: dict[str, int] = {}
    with empty_services.db.write() as s:
        li = m.Salesperson(name="李明", name_en="Li Ming")
        wang = m.Salesperson(name="王芳", name_en="Wang Fang")
        s.add_all([li, wang])
        s.flush()
        big = m.Customer(name="华夏机械", sort_name="huaxia", owner_id=li.id, strategic_fit=5)
        small = m.Customer(name="小店", sort_name="xiaodian", owner_id=wang.id)
        s.add_all([big, small])
        s.flush()
        # Orders every 30 days, the last 75 days ago: re-order is 45 days late.
        for k in range(6):
            s.add(
                m.Order(
                    number=f"SO-{k}",
                    customer_id=big.id,
                    order_date=TODAY - timedelta(days=75 + 30 * k),
                    subtotal=D(10000),
                    total=D(11300),
                    status=OrderStatus.INVOICED,
                )
            )
        s.add(
            m.Order(
                number="SO-small",
                customer_id=small.id,
                order_date=TODAY - timedelta(days=5),
                subtotal=D(100),
                total=D(113),
            )
        )
        s.add(
            m.SatisfactionSurvey(customer_id=big.id, surveyed_on=TODAY - timedelta(days=3), score=2)
        )
        quote = m.Quote(
            number="Q-2026-0001",
            customer_id=big.id,
            owner_id=li.id,
            status=QuoteStatus.SENT,
            issue_date=TODAY - timedelta(days=27),
            valid_until=TODAY + timedelta(days=3),
        )
        stage = s.scalar(select(m.PipelineStage).where(m.PipelineStage.kind == StageKind.OPEN))
        if stage is None:
            stage = m.PipelineStage(
                key="lead", name_zh="线索", name_en="Lead", position=1, default_probability=10
            )
            s.add(stage)
        s.add(quote)
        s.flush()
        deals = []
        for customer, owner in ((big.id, li.id), (small.id, wang.id)):
            deal = m.Opportunity(
                customer_id=customer, title="扩产项目", stage_id=stage.id, owner_id=owner
            )
            s.add(deal)
            deals.append(deal)
        s.flush()
        ids.update(
            li=li.id,
            wang=wang.id,
            big=big.id,
            small=small.id,
            quote=quote.id,
            deal=deals[0].id,
            small_deal=deals[1].id,
        )
    empty_services.accounts.recompute()
    empty_services.accounts.set_override(big.id, Tier.STRATEGIC)
    return empty_services, ids


def test_every_source_gives_its_suggestion_ranked(shop: tuple[Services, dict[str, int]]) -> None:
    services, ids = shop
    actions = services.next_actions.actions()
    kinds = [(a.kind, a.customer_id) for a in actions]
    assert kinds == [
        (NextActionKind.QUOTE_EXPIRING, ids["big"]),
        (NextActionKind.LOW_SATISFACTION, ids["big"]),
        (NextActionKind.REORDER_DUE, ids["big"]),
        (NextActionKind.NOT_CONTACTED, ids["big"]),
        (NextActionKind.DEAL_NO_NEXT_STEP, ids["big"]),
        (NextActionKind.DEAL_NO_NEXT_STEP, ids["small"]),
    ]
    quote = actions[0]
    assert quote.subject_id == ids["quote"] and quote.owner == "李明"
    assert quote.reason.render() == "Quote Q-2026-0001 expires in 3 days (2026-07-03)"
    # Quote base 90 + strategic 30 + (7 − 3 days left) // 7 = 0.
    assert quote.priority == priority(NextActionKind.QUOTE_EXPIRING, Tier.STRATEGIC, 4) == 120
    assert actions[2].reason.render() == "Last order 75 days ago; usually orders every 30 days"
    assert actions[3].reason.render() == "Key account with no contact recorded"


def test_the_owner_sees_only_their_own(shop: tuple[Services, dict[str, int]]) -> None:
    services, ids = shop
    wang = services.next_actions.actions(owner_id=ids["wang"])
    assert [(a.kind, a.subject_id) for a in wang] == [
        (NextActionKind.DEAL_NO_NEXT_STEP, ids["small_deal"])
    ]
    assert services.next_actions.owner_named("wang fang") == ids["wang"]


def test_a_contact_after_the_survey_follows_it_up(shop: tuple[Services, dict[str, int]]) -> None:
    services, ids = shop
    with services.db.write() as s:
        stats = s.get(m.CustomerStats, ids["big"])
        if stats is None:
            s.add(
                m.CustomerStats(
                    customer_id=ids["big"], last_interaction_at=datetime(2026, 6, 29, tzinfo=UTC)
                )
            )
        else:
            stats.last_interaction_at = datetime(2026, 6, 29, tzinfo=UTC)
    kinds = {a.kind for a in services.next_actions.actions(owner_id=ids["li"])}
    assert NextActionKind.LOW_SATISFACTION not in kinds
    assert NextActionKind.NOT_CONTACTED not in kinds


def test_dismissing_records_why_and_hides_it_for_a_while(
    shop: tuple[Services, dict[str, int]],
) -> None:
    services, ids = shop
    reorder = next(
        a for a in services.next_actions.actions() if a.kind is NextActionKind.REORDER_DUE
    )
    services.next_actions.dismiss(reorder, "  已电话确认下月下单 ", actor_id=ids["li"])
    assert NextActionKind.REORDER_DUE not in {a.kind for a in services.next_actions.actions()}
    with services.db.read() as s:
        row = s.scalars(select(m.NextActionDismissal)).one()
        assert (row.kind, row.customer_id, row.reason, row.dismissed_by_id) == (
            NextActionKind.REORDER_DUE,
            ids["big"],
            "已电话确认下月下单",
            ids["li"],
        )
    later = datetime(2026, 8, 15, 4, 0, tzinfo=UTC)  # 46 days on: past the 30-day snooze
    with use_clock(FixedClock(later, ZoneInfo("Asia/Shanghai"))):
        assert NextActionKind.REORDER_DUE in {a.kind for a in services.next_actions.actions()}


def test_a_health_drop_is_suggested(shop: tuple[Services, dict[str, int]]) -> None:
    services, ids = shop
    with services.db.write() as s:
        score = s.get(m.AccountScore, ids["big"])
        assert score is not None and score.health is not None
        score.health_baseline = score.health + 20
        score.health_baseline_on = TODAY - timedelta(days=40)
    dropped = [
        a for a in services.next_actions.actions() if a.kind is NextActionKind.HEALTH_DROPPED
    ]
    assert len(dropped) == 1 and dropped[0].customer_id == ids["big"]
    assert "Health fell from" in dropped[0].reason.render()
