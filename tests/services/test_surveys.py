"""Survey campaigns: a request and a 回访 task per chosen customer, answers from the task or
the paper form, results per campaign, and a follow-up task on a low score."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from sms_desktop.domain.clock import FixedClock, local_zone, use_clock
from sms_desktop.domain.enums import OrderStatus
from sms_desktop.domain.errors import ValidationError
from sms_desktop.domain.segmentation import Tier
from sms_desktop.persistence import models as m
from sms_desktop.services.registry import Services
from sms_desktop.services.surveys import CampaignInput
from sms_desktop.services.tasks import SurveyInput

TODAY = date(2026, 6, 30)
D = Decimal


@pytest.fixture(autouse=True)
def _clock() -> Iterator[None]:
    with use_clock(FixedClock(datetime(2026, 6, 30, 4, 0, tzinfo=UTC), ZoneInfo("Asia/Shanghai"))):
        yield


@pytest.fixture
def scored(empty_services: Services) -> tuple[Services, list[int], int]:
    """Three customers of one owner, scored; the first two set to Key by hand."""
    services = empty_services
    ids: list[int] = []
    with services.db.write() as s:
        owner = m.Salesperson(name="王伟")
        s.add(owner)
        s.flush()
        for i, name in enumerate(("华夏机械", "明达贸易", "小店"), 1):
            customer = m.Customer(name=name, sort_name=f"c{i}", owner_id=owner.id)
            s.add(customer)
            s.flush()
            ids.append(customer.id)
            s.add(
                m.Order(
                    number=f"SO-{i}",
                    customer_id=customer.id,
                    order_date=TODAY - timedelta(days=10 * i),
                    subtotal=D(1000 * i),
                    total=D(1000 * i),
                    cost_total=D(500 * i),
                    status=OrderStatus.DELIVERED,
                )
            )
        owner_id = owner.id
    services.accounts.recompute()
    for cid in ids[:2]:
        services.accounts.set_override(cid, Tier.KEY, "框架协议")
    return services, ids, owner_id


def test_a_campaign_from_creation_to_results(scored: tuple[Services, list[int], int]) -> None:
    services, ids, owner = scored
    surveys = services.surveys
    template = surveys.create_template(
        "季度回访", True, ["哪里可以做得更好？", " ", "还会推荐吗？"]
    )
    assert surveys.templates()[0].questions == ("哪里可以做得更好？", "还会推荐吗？")
    chosen = surveys.candidates(tier=Tier.KEY)
    assert [c.name for c in chosen] == ["华夏机械", "明达贸易"]
    with pytest.raises(ValidationError) as error:
        surveys.create_campaign(CampaignInput("", template, TODAY - timedelta(1), ()))
    assert set(error.value.errors) == {"name", "customers", "due_on"}
    campaign = surveys.create_campaign(
        CampaignInput(
            "2026-Q3 关键客户", template, date(2026, 7, 15), tuple(c.customer_id for c in chosen)
        )
    )
    with services.db.read() as s:
        tasks = s.scalars(select(m.Activity).order_by(m.Activity.customer_id)).all()
        assert [(t.customer_id, t.assignee_id, t.with_survey) for t in tasks] == [
            (ids[0], owner, True),
            (ids[1], owner, True),
        ]
        assert tasks[0].subject == "Satisfaction survey: 2026-Q3 关键客户"
    (row,) = surveys.campaigns()
    assert (row.requests, row.answered, row.template) == (2, 0, "季度回访")

    # 华夏 answers from the paper form: 5 and NPS 9; 明达 on the phone (the Tasks tab): 2.
    results = surveys.results(campaign)
    first, second = results.requests
    recorded = surveys.record_answer(first.id, 5, 9, "很好", ["交货更快", "会"])
    assert recorded.follow_up_id is None
    assert second.activity_id is not None
    # The low phone answer gets its follow-up in its own transaction, due the next day.
    phoned = services.tasks.complete(
        second.activity_id, "电话回访", survey=SurveyInput(2, 5, "价格太高")
    )
    assert phoned.follow_up_id is not None
    with services.db.read() as s:
        follow_up = s.get_one(m.Activity, phoned.follow_up_id)
        assert (follow_up.customer_id, follow_up.assignee_id) == (ids[1], owner)
        assert follow_up.subject == "Follow up low satisfaction: 2 of 5, recommend 5 of 10"
        assert (follow_up.notes, follow_up.done_at) == ("价格太高", None)
        assert follow_up.due_at.astimezone(local_zone()).date() == TODAY + timedelta(days=1)
        assert s.scalar(select(func.count()).select_from(m.SurveyFollowUp)) == 1

    results = surveys.results(campaign)
    assert results.response_rate == D("100.0")
    assert results.csat == D("50.0")  # one of two answers 4 or 5
    assert results.average == D("3.5")
    assert results.nps == 0  # one promoter (9), one detractor (5) of two
    assert results.scores == (0, 1, 0, 0, 1)
    assert results.answers == (
        ("华夏机械", "哪里可以做得更好？", "交货更快"),
        ("华夏机械", "还会推荐吗？", "会"),
    )
    assert [(r.score, r.nps, r.followed_up) for r in results.requests] == [
        (5, 9, False),
        (2, 5, True),
    ]

    # Undo of the paper answer takes it back; the request is open again.
    surveys.undo_answer(recorded)
    assert surveys.results(campaign).response_rate == D("50.0")
    # A low paper answer gets its follow-up at once; undo removes it too.
    low = surveys.record_answer(first.id, 1, None)
    assert low.follow_up_id is not None
    surveys.undo_answer(low)
    with services.db.read() as s:
        assert s.get(m.Activity, low.follow_up_id) is None

    # Undo of the campaign: its open tasks go, the answered one stays in the history.
    surveys.delete_campaign(campaign)
    assert surveys.campaigns() == []
    with services.db.read() as s:
        left = s.scalars(select(m.Activity.customer_id).where(m.Activity.with_survey)).all()
    assert left == [ids[1]]
