"""Salespeople: the one query every choice reads, and their management (on the targets
dataset: 王伟 the owner, 李娜, and 赵敏 who is inactive)."""

from __future__ import annotations

from datetime import date

import pytest

from sms_desktop.domain.enums import SalespersonRole
from sms_desktop.domain.errors import ConflictError, ValidationError
from sms_desktop.services.registry import Services
from sms_desktop.services.salespeople import SalespeopleService, SalespersonInput
from tests.services.dashboard_data import build_dashboard_world
from tests.services.targets_data import build_targets_world


@pytest.fixture
def svc(empty_services: Services) -> SalespeopleService:
    build_targets_world(empty_services)
    return empty_services.salespeople


def test_one_order_for_every_list_and_choice(svc: SalespeopleService) -> None:
    # active ones first, the owner first among them, then by name
    assert [(p.id, p.name) for p in svc.list()] == [(1, "王伟"), (2, "李娜"), (3, "赵敏")]
    assert [p.id for p in svc.list(active_only=True)] == [1, 2]
    assert svc.me() == 1
    owner = svc.list()[0]
    assert owner.role is SalespersonRole.OWNER and owner.active


def test_salespeople_management(svc: SalespeopleService) -> None:
    new_id = svc.save(SalespersonInput(" 孙丽 ", hire_date=date(2024, 3, 1)))
    people = {p.id: p for p in svc.list()}
    assert people[new_id].name == "孙丽" and people[new_id].hire_date == date(2024, 3, 1)
    assert [p.id for p in svc.list(active_only=True)].count(3) == 0
    with pytest.raises(ValidationError) as info:
        svc.save(SalespersonInput("Boss", role=SalespersonRole.OWNER))
    assert "role" in info.value.errors
    with pytest.raises(ValidationError):
        svc.save(SalespersonInput("王伟", role=SalespersonRole.OWNER, active=False), 1)
    with pytest.raises(ValidationError):
        svc.save(SalespersonInput("  "))
    svc.save(SalespersonInput("赵敏", active=True), 3)
    assert next(p for p in svc.list() if p.id == 3).active
    assert svc.input_of(people[new_id]) == SalespersonInput("孙丽", hire_date=date(2024, 3, 1))


def test_only_a_salesperson_without_records_can_be_removed(svc: SalespeopleService) -> None:
    new_id = svc.save(SalespersonInput("临时"))
    svc.delete(new_id)
    assert new_id not in {p.id for p in svc.list()}
    with pytest.raises(ConflictError):
        svc.delete(1)  # Wang has orders, deals and activities


def test_the_owner_filter_of_the_dashboard(empty_services: Services) -> None:
    build_dashboard_world(empty_services.db)
    people = empty_services.salespeople.list(active_only=True)
    assert [o.name for o in people] == ["王伟", "李娜"]  # the owner first
