"""The tasks dataset (the owner 张明, Li Na, three customers, one deal), its fixtures and the
helpers of the tasks and follow-up tests."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from decimal import Decimal
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from sms_desktop.domain.enums import (
    ActivityKind,
    SalespersonRole,
)
from sms_desktop.domain.tasks import GroupBounds, TaskGroup
from sms_desktop.persistence import models as m
from sms_desktop.persistence.db import open_database
from sms_desktop.services.customers import ContactInput, CustomerInput
from sms_desktop.services.pipeline import OpportunityInput
from sms_desktop.services.registry import Services
from sms_desktop.services.tasks import (
    TaskFilter,
    TaskInput,
    TasksService,
)
from sms_desktop.services.workspace import initialize_empty
from tests.services.dataset import services_over_copy

SHANGHAI = ZoneInfo("Asia/Shanghai")
LOS_ANGELES = ZoneInfo("America/Los_Angeles")
NEW_YORK = ZoneInfo("America/New_York")
NOW = datetime(2026, 11, 27, 2, 0, tzinfo=UTC)  # Friday 27 Nov 2026, 10:00 in Shanghai


def local(tz: tzinfo, year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    """An aware local time, e.g. ``local(SHANGHAI, 2026, 11, 27, 9)``."""
    return datetime(year, month, day, hour, minute, tzinfo=tz)


def sh(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return local(SHANGHAI, year, month, day, hour, minute)


# ---------------------------------------------------------------------------- the dataset


@dataclass
class TaskWorld:
    zhang: int = 0  # 张明, the owner
    lina: int = 0  # Li Na
    huaxia: int = 0  # 北京华夏科技有限公司, owner 张明
    wangwei: int = 0  # 王伟 at huaxia
    mingda: int = 0  # 上海明达贸易股份有限公司, owner Li Na
    chenjing: int = 0  # 陈静 at mingda
    acme: int = 0  # Acme Co., Ltd., no owner
    erp: int = 0  # a deal of huaxia


def _build(path: Path) -> TaskWorld:
    w = TaskWorld()
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
        cs = services.customers
        w.huaxia = cs.create(CustomerInput(name="北京华夏科技有限公司", owner_id=w.zhang))
        w.wangwei = cs.add_contact(w.huaxia, ContactInput(name="王伟"))
        w.mingda = cs.create(CustomerInput(name="上海明达贸易股份有限公司", owner_id=w.lina))
        w.chenjing = cs.add_contact(w.mingda, ContactInput(name="陈静"))
        w.acme = cs.create(CustomerInput(name="Acme Co., Ltd."))
        w.erp = services.pipeline.create(
            OpportunityInput(customer_id=w.huaxia, title="ERP 升级", amount=Decimal("800.00")),
            now=NOW - timedelta(days=10),
        )
    finally:
        db.close()
    return w


@pytest.fixture(scope="session")
def tasks_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, TaskWorld]:
    path = tmp_path_factory.mktemp("tasks-template") / "tasks.sqlite3"
    return path, _build(path)


@pytest.fixture
def w(tasks_template: tuple[Path, TaskWorld]) -> TaskWorld:
    return tasks_template[1]


@pytest.fixture
def services(db_path: Path, tasks_template: tuple[Path, TaskWorld]) -> Iterator[Services]:
    """Overrides the top-level fixture: services over a fresh copy of the tasks dataset."""
    yield from services_over_copy(tasks_template[0], db_path)


@pytest.fixture
def tasks(services: Services) -> TasksService:
    return services.tasks


# ---------------------------------------------------------------------------- helpers


def task(subject: str, due_at: datetime, **kw: Any) -> TaskInput:
    return TaskInput(kind=kw.pop("kind", ActivityKind.CALL), subject=subject, due_at=due_at, **kw)


def add(tasks: TasksService, subject: str, due_at: datetime, **kw: Any) -> int:
    return tasks.create(task(subject, due_at, **kw))


def counts(
    tasks: TasksService,
    flt: TaskFilter | None = None,
    *,
    now: datetime = NOW,
    tz: tzinfo = SHANGHAI,
) -> dict[str, int]:
    got = tasks.group_counts(flt or TaskFilter(), now=now, tz=tz)
    return {group.value: got[group] for group in TaskGroup}


def ids_in(
    tasks: TasksService, group: TaskGroup | None, flt: TaskFilter | None = None
) -> list[int]:
    bounds = GroupBounds.at(NOW, SHANGHAI)
    return [r.id for r in tasks.list_tasks(flt or TaskFilter(), group, bounds)]


def local_due(tasks: TasksService, task_id: int, tz: tzinfo = SHANGHAI) -> datetime:
    """The task's due time as a naive local wall-clock time."""
    return tasks.get(task_id).due_at.astimezone(tz).replace(tzinfo=None)


def surveys_of(services: Services, activity_id: int) -> list[tuple[int, int | None, date]]:
    s_ = m.SatisfactionSurvey
    with services.db.read() as s:
        return [
            (r.score, r.nps, r.surveyed_on)
            for r in s.execute(
                select(s_.score, s_.nps, s_.surveyed_on).where(s_.activity_id == activity_id)
            )
        ]


def activity_count(services: Services) -> int:
    with services.db.read() as s:
        return s.scalar(select(func.count()).select_from(m.Activity)) or 0
