"""The pipeline tests' dataset: the default stages and lost reasons of a new database, three
customers and a handful of deals with hand-computed board figures, built once per session.

Times are fixed: the board is read at ``NOW`` (10:00 on 16 March 2026 in Shanghai) in the
Asia/Shanghai zone, so ages, dots and "closing this month" never depend on the test clock.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from sms_desktop.domain.enums import ActivityKind, SalespersonRole
from sms_desktop.persistence import models as m
from sms_desktop.persistence.db import open_database
from sms_desktop.services.customers import ContactInput, CustomerInput
from sms_desktop.services.pipeline import (
    Board,
    Card,
    OpportunityInput,
    PipelineFilter,
    PipelineService,
)
from sms_desktop.services.registry import Services
from sms_desktop.services.workspace import initialize_empty
from tests.services.dataset import services_over_copy

SHANGHAI = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 3, 16, 2, 0, tzinfo=UTC)  # 10:00 in Shanghai
TODAY = date(2026, 3, 16)


@dataclass
class PipelineWorld:
    zhang: int = 0  # 张明, the owner
    lina: int = 0  # Li Na
    stages: dict[str, int] = field(default_factory=dict)  # by key
    reasons: dict[str, int] = field(default_factory=dict)  # by English name
    huaxia: int = 0  # 北京华夏科技有限公司, tier A, owner 张明
    mingda: int = 0  # 上海明达贸易股份有限公司, tier B, owner Li Na
    acme: int = 0  # Acme Co., Ltd., tier B
    wangwei: int = 0  # 王伟 at huaxia
    chenjing: int = 0  # 陈静 at mingda
    deals: dict[str, int] = field(default_factory=dict)


# name: (customer, title, amount, stage, override, expected close, owner, days in stage)
# Board figures by hand (amount / weighted per column):
#   lead         training 20,000.00 ×10 % = 2,000.00; pilot 0.01 ×50 % = 0.005 → 0.01;
#                bulk 500.00 ×10 % = 50.00  → 20,500.01 / 2,050.01
#   proposal     erp 80,000.00 ×60 % = 48,000.00; framework 45,000.00 ×75 % = 33,750.00
#                → 125,000.00 / 81,750.00
#   negotiation  widget 0.25 ×50 % = 0.125 → 0.13 → 0.25 / 0.13
#   open total 145,500.26, weighted 83,800.14, closing in March 2026: 80,000.00 + 45,000.00
#   + 0.01 + 500.00 = 125,500.01
DEALS: dict[str, tuple[str, str, str, str, int | None, date | None, str | None, int]] = {
    "erp": ("huaxia", "ERP 升级", "80000.00", "proposal", None, date(2026, 3, 20), "zhang", 5),
    "training": ("huaxia", "培训服务", "20000.00", "lead", None, None, None, 20),
    "framework": (
        "mingda", "年度框架", "45000.00", "proposal", 75, date(2026, 3, 31), "lina", 1,
    ),
    "widget": ("acme", "Widget order", "0.25", "negotiation", 50, date(2026, 4, 2), None, 2),
    "pilot": ("acme", "小额试用", "0.01", "lead", 50, date(2026, 3, 1), None, 3),
    "bulk": ("acme", "Bulk order", "500.00", "lead", None, date(2026, 3, 1), "zhang", 14),
    # moved away from the board below
    "server": ("huaxia", "服务器采购", "50000.00", "proposal", None, date(2026, 2, 10), "zhang", 40),
    "old": ("mingda", "旧项目", "9000.00", "qualified", None, date(2026, 1, 5), "lina", 60),
    "trashed": ("huaxia", "已删除商机", "7777.00", "lead", None, None, None, 2),
}  # fmt: skip

BOARD_DEALS = ("erp", "training", "framework", "widget", "pilot", "bulk")


def build_pipeline_world(path: Path) -> PipelineWorld:
    """Create the dataset in a new database at ``path`` (closed afterwards)."""
    w = PipelineWorld()
    db = open_database(path)
    try:
        services = Services(db)
        initialize_empty(db, company_name="华夏测试", owner_name="张明")
        with db.write() as s:
            lina = m.Salesperson(name="Li Na", role=SalespersonRole.SALES)
            s.add(lina)
            s.flush()
            w.lina = lina.id
            w.zhang = s.scalars(
                select(m.Salesperson.id).where(m.Salesperson.role == SalespersonRole.OWNER)
            ).one()
            w.stages = dict(s.execute(select(m.PipelineStage.key, m.PipelineStage.id)).all())
            w.reasons = dict(s.execute(select(m.LostReason.name_en, m.LostReason.id)).all())
        cs = services.customers
        w.huaxia = cs.create(
            CustomerInput(name="北京华夏科技有限公司", tier="A", city="北京", owner_id=w.zhang)
        )
        w.wangwei = cs.add_contact(w.huaxia, ContactInput(name="王伟"))
        w.mingda = cs.create(
            CustomerInput(name="上海明达贸易股份有限公司", tier="B", owner_id=w.lina)
        )
        w.chenjing = cs.add_contact(w.mingda, ContactInput(name="陈静"))
        w.acme = cs.create(CustomerInput(name="Acme Co., Ltd.", tier="B", currency="USD"))
        owners = {"zhang": w.zhang, "lina": w.lina}
        customers = {"huaxia": w.huaxia, "mingda": w.mingda, "acme": w.acme}
        for number, (key, spec) in enumerate(DEALS.items()):
            customer, title, amount, stage, override, close, owner, age = spec
            w.deals[key] = services.pipeline.create(
                OpportunityInput(
                    customer_id=customers[customer],
                    title=title,
                    amount=Decimal(amount),
                    stage_id=w.stages[stage],
                    probability_override=override,
                    expected_close=close,
                    owner_id=owners[owner] if owner else None,
                ),
                # Distinct creation times (list sorting by "created" is then fully defined).
                now=NOW - timedelta(days=age, minutes=number),
            )
        pipeline = services.pipeline
        pipeline.move(w.deals["server"], w.stages["won"], now=NOW - timedelta(days=30))
        pipeline.move(
            w.deals["old"],
            w.stages["lost"],
            lost_reason_id=w.reasons["Price too high"],
            now=NOW - timedelta(days=50),
        )
        pipeline.delete(w.deals["trashed"])
        _activities(services, w)
    finally:
        db.close()
    return w


def _activities(services: Services, w: PipelineWorld) -> None:
    d = w.deals
    with services.db.write() as s:
        s.add_all(
            [
                # erp: planned in two days; a done and a deleted earlier one do not count
                m.Activity(kind=ActivityKind.CALL, subject="回访", opportunity_id=d["erp"],
                           due_at=NOW + timedelta(days=2)),
                m.Activity(kind=ActivityKind.CALL, subject="done", opportunity_id=d["erp"],
                           due_at=NOW - timedelta(days=3), done_at=NOW - timedelta(days=3)),
                m.Activity(kind=ActivityKind.CALL, subject="deleted", opportunity_id=d["erp"],
                           due_at=NOW - timedelta(days=1), deleted_at=NOW),
                # framework: 01:00 on 16 March in Shanghai (still the 15th in UTC)
                m.Activity(kind=ActivityKind.VISIT, subject="拜访", opportunity_id=d["framework"],
                           due_at=datetime(2026, 3, 15, 17, 0, tzinfo=UTC)),
                # widget: overdue by three days
                m.Activity(kind=ActivityKind.EMAIL, subject="follow up",
                           opportunity_id=d["widget"], due_at=NOW - timedelta(days=3)),
                # bulk: two open ones, the earlier decides
                m.Activity(kind=ActivityKind.TODO, subject="later", opportunity_id=d["bulk"],
                           due_at=NOW + timedelta(days=10)),
                m.Activity(kind=ActivityKind.TODO, subject="sooner", opportunity_id=d["bulk"],
                           due_at=NOW + timedelta(days=1)),
                # an activity of another deal (won) and one of no deal at all
                m.Activity(kind=ActivityKind.CALL, subject="won deal", opportunity_id=d["server"],
                           due_at=NOW - timedelta(days=5)),
                m.Activity(kind=ActivityKind.CALL, subject="no deal", customer_id=w.acme,
                           due_at=NOW - timedelta(days=5)),
            ]
        )  # fmt: skip


# ---------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="session")
def pipeline_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, PipelineWorld]:
    path = tmp_path_factory.mktemp("pipeline-template") / "pipeline.sqlite3"
    return path, build_pipeline_world(path)


@pytest.fixture
def w(pipeline_template: tuple[Path, PipelineWorld]) -> PipelineWorld:
    return pipeline_template[1]


@pytest.fixture
def services(db_path: Path, pipeline_template: tuple[Path, PipelineWorld]) -> Iterator[Services]:
    """Overrides the top-level fixture: services over a fresh copy of the pipeline dataset."""
    yield from services_over_copy(pipeline_template[0], db_path)


# ----------------------------------------------------------------------------- helpers


def valid(**changes: Any) -> OpportunityInput:
    return replace(
        OpportunityInput(customer_id=1, title="Deal", amount=Decimal("10.00")), **changes
    )


def board_at(pipeline: PipelineService, flt: PipelineFilter | None = None, **kw: Any) -> Board:
    """The board at ``NOW`` in Shanghai unless ``now``/``tz`` say otherwise."""
    now, tz = kw.pop("now", NOW), kw.pop("tz", SHANGHAI)
    return pipeline.board(flt or PipelineFilter(), now=now, tz=tz, **kw)


def cards_by_id(board: Board) -> dict[int, Card]:
    return {card.id: card for column in board.columns for card in column.cards}
