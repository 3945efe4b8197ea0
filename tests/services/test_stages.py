"""StagesService: the stages and lost reasons of a new database, adding, editing, ordering
and archiving them (on the pipeline dataset, ``pipeline_data.py``)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from sms_desktop.domain.enums import StageKind
from sms_desktop.domain.errors import ConflictError, NotFoundError
from sms_desktop.domain.pipeline import Attention
from sms_desktop.services.registry import Services
from sms_desktop.services.stages import StagesService
from tests.services import pipeline_data
from tests.services.dataset import field_errors
from tests.services.pipeline_data import (
    BOARD_DEALS,
    PipelineWorld,
    board_at,
    cards_by_id,
    valid,
)

# The pipeline dataset's fixtures (a fresh copy of it for each test).
pipeline_template, w, services = (
    pipeline_data.pipeline_template,
    pipeline_data.w,
    pipeline_data.services,
)


@pytest.fixture
def svc(services: Services) -> StagesService:
    return services.stages


def test_stages_and_reasons(svc: StagesService) -> None:
    stages = svc.stages()
    assert [(s.key, s.position, s.kind, s.default_probability, s.stale_after_days)
            for s in stages] == [
        ("lead", 0, StageKind.OPEN, 10, 14),
        ("qualified", 1, StageKind.OPEN, 20, 21),
        ("needs_analysis", 2, StageKind.OPEN, 40, 30),
        ("proposal", 3, StageKind.OPEN, 60, 30),
        ("negotiation", 4, StageKind.OPEN, 80, 21),
        ("won", 5, StageKind.WON, 100, None),
        ("lost", 6, StageKind.LOST, 0, None),
    ]  # fmt: skip
    assert (stages[0].name("zh_CN"), stages[0].name("en")) == ("线索", "Lead")
    reasons = svc.lost_reasons()
    assert [r.name("en") for r in reasons][:2] == ["Price too high", "Chose a competitor"]
    assert reasons[0].name("zh_CN") == "价格太高"


def test_add_stage_goes_before_won_and_lost(
    services: Services, svc: StagesService, w: PipelineWorld
) -> None:
    new = svc.add_stage(" 合同审批 ", "Contract review", 90, None)
    stages = svc.stages()
    assert [s.id for s in stages][-3:] == [new, w.stages["won"], w.stages["lost"]]
    assert [s.position for s in stages] == list(range(8))
    added = stages[-3]
    assert (added.name_zh, added.kind, added.default_probability, added.stale_after_days) == (
        "合同审批", StageKind.OPEN, 90, None,
    )  # fmt: skip
    other = svc.add_stage("复核", "Review", 95, 7)
    assert other != new
    assert len({s.key for s in svc.stages()}) == 9
    assert [c.stage.id for c in board_at(services.pipeline).columns][-2:] == [new, other]
    services.pipeline.move(w.deals["erp"], new)
    assert cards_by_id(board_at(services.pipeline))[w.deals["erp"]].probability == 90


def test_stage_validation(svc: StagesService, w: PipelineWorld) -> None:
    assert field_errors(lambda: svc.add_stage(" ", "", 101, 0)) == {
        "name_zh": "Enter the stage's name.",
        "name_en": "Enter the stage's name.",
        "default_probability": "The probability is a percentage from 0 to 100.",
        "stale_after_days": "Enter a number of days from 1 to 3650, or none.",
    }
    assert field_errors(lambda: svc.add_stage("x" * 41, "ok", -1, 3651)) == {
        "name_zh": "The name is longer than 40 characters.",
        "default_probability": "The probability is a percentage from 0 to 100.",
        "stale_after_days": "Enter a number of days from 1 to 3650, or none.",
    }
    svc.add_stage("x" * 40, "ok", 0, 3650)
    svc.add_stage("y", "ok", 100, 1)
    assert "name_en" in field_errors(
        lambda: svc.update_stage(
            w.stages["lead"], name_zh="线索", name_en="", default_probability=10,
            stale_after_days=14,
        )
    )  # fmt: skip


def test_update_stage_returns_the_previous_values(
    services: Services, svc: StagesService, w: PipelineWorld
) -> None:
    lead = w.stages["lead"]
    before = svc.update_stage(
        lead, name_zh="潜在客户", name_en="Prospect", default_probability=15, stale_after_days=None
    )
    assert (before.name_en, before.default_probability, before.stale_after_days) == (
        "Lead", 10, 14,
    )  # fmt: skip
    after = svc.stages()[0]
    assert (after.name_zh, after.name_en, after.default_probability, after.stale_after_days) == (
        "潜在客户", "Prospect", 15, None,
    )  # fmt: skip
    cards = cards_by_id(board_at(services.pipeline))
    training = cards[w.deals["training"]]
    # no age limit any more, but still nothing planned
    assert (training.probability, training.weighted, training.attention) == (
        15, Decimal("3000.00"), Attention.NO_NEXT_STEP,
    )  # fmt: skip
    assert cards[w.deals["bulk"]].attention is Attention.NONE


def test_reorder_stages(services: Services, svc: StagesService, w: PipelineWorld) -> None:
    st = w.stages
    order = [st["negotiation"], st["proposal"], st["needs_analysis"], st["qualified"], st["lead"]]
    previous = svc.reorder_stages(order)
    assert previous == [st[k] for k in ("lead", "qualified", "needs_analysis", "proposal",
                                         "negotiation")]  # fmt: skip
    assert [s.id for s in svc.stages()] == [*order, st["won"], st["lost"]]
    assert [c.stage.id for c in board_at(services.pipeline).columns] == order
    # listing only some: the others follow in their order; won and lost stay last
    svc.reorder_stages([st["lead"]])
    assert [s.key for s in svc.stages()] == [
        "lead", "negotiation", "proposal", "needs_analysis", "qualified", "won", "lost",
    ]  # fmt: skip
    svc.reorder_stages(previous)  # undo
    assert [s.key for s in svc.stages()][:5] == [
        "lead", "qualified", "needs_analysis", "proposal", "negotiation",
    ]  # fmt: skip
    for bad in ([st["won"], st["lead"]], [st["lead"], st["lead"]], [999]):
        with pytest.raises(ConflictError):
            svc.reorder_stages(bad)


def test_archive_stages(services: Services, svc: StagesService, w: PipelineWorld) -> None:
    st = w.stages
    for terminal in ("won", "lost"):
        with pytest.raises(ConflictError, match="won and lost stages cannot be archived"):
            svc.set_stage_archived(st[terminal], True)
    with pytest.raises(ConflictError) as caught:
        svc.set_stage_archived(st["lead"], True)
    assert caught.value.render() == (
        "Open opportunities in this stage: 3. Move them to another stage before archiving it."
    )
    svc.set_stage_archived(st["qualified"], True)
    assert "qualified" not in [s.key for s in svc.stages()]
    assert "qualified" in [s.key for s in svc.stages(include_archived=True)]
    assert field_errors(
        lambda: services.pipeline.create(valid(customer_id=w.huaxia, stage_id=st["qualified"]))
    ) == {"stage_id": "Choose one of the open stages."}
    svc.set_stage_archived(st["qualified"], False)
    assert "qualified" in [s.key for s in svc.stages()]
    # a trashed deal does not keep a stage from being archived
    services.pipeline.move(w.deals["widget"], st["qualified"])
    services.pipeline.delete(w.deals["widget"])
    svc.set_stage_archived(st["qualified"], True)


def test_the_last_open_stage_stays(
    services: Services, svc: StagesService, w: PipelineWorld
) -> None:
    st = w.stages
    for key in BOARD_DEALS:
        services.pipeline.move(w.deals[key], st["lost"], lost_note="清理")
    for key in ("lead", "qualified", "needs_analysis", "proposal"):
        svc.set_stage_archived(st[key], True)
    with pytest.raises(ConflictError, match="at least one open stage"):
        svc.set_stage_archived(st["negotiation"], True)
    # new deals then go to the one left
    new = services.pipeline.create(valid(customer_id=w.acme))
    assert services.pipeline.get(new).stage.key == "negotiation"


def test_lost_reasons(services: Services, svc: StagesService, w: PipelineWorld) -> None:
    new = svc.add_lost_reason(" 交期太长 ", "Lead time too long")
    reasons = svc.lost_reasons()
    assert reasons[-1].id == new
    assert (reasons[-1].name_zh, reasons[-1].position) == ("交期太长", 6)
    assert field_errors(lambda: svc.add_lost_reason("", "x" * 81)) == {
        "name_zh": "Enter the reason.",
        "name_en": "The name is longer than 80 characters.",
    }
    svc.set_lost_reason_archived(new, True)
    assert new not in [r.id for r in svc.lost_reasons()]
    assert new in [r.id for r in svc.lost_reasons(include_archived=True)]
    svc.set_lost_reason_archived(new, False)
    services.pipeline.move(w.deals["erp"], w.stages["lost"], lost_reason_id=new)
    with pytest.raises(NotFoundError):
        svc.set_lost_reason_archived(999, True)


def test_a_stage_or_reason_is_deleted_only_while_nothing_refers_to_it(
    services: Services, svc: StagesService, w: PipelineWorld
) -> None:
    """The undo of adding a stage or a reason deletes it; once a deal has been in the stage
    (or lost for the reason) it is refused, and archiving is the way."""
    unused = svc.add_stage("空阶段", "Empty", 30, None)
    svc.delete_stage(unused)
    assert unused not in [s.id for s in svc.stages(include_archived=True)]
    used = svc.add_stage("样品", "Sample", 40, None)
    services.pipeline.move(w.deals["erp"], used)
    services.pipeline.move(w.deals["erp"], w.stages["lead"])  # left again: history remains
    with pytest.raises(ConflictError):
        svc.delete_stage(used)
    with pytest.raises(ConflictError):
        svc.delete_stage(w.stages["won"])
    reason = svc.add_lost_reason("预算取消", "Budget cut")
    svc.delete_lost_reason(reason)
    assert "Budget cut" not in [r.name_en for r in svc.lost_reasons(include_archived=True)]
    with pytest.raises(ConflictError):
        svc.delete_lost_reason(w.reasons["Price too high"])  # a dataset deal was lost for it
    with pytest.raises(NotFoundError):
        svc.delete_lost_reason(reason)
