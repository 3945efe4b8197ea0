"""TrashService: what was deleted, newest first, and putting it back with everything attached."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from sms_desktop.domain.enums import AuditAction
from sms_desktop.domain.errors import NotFoundError
from sms_desktop.persistence import models as m
from sms_desktop.services.customers import CustomerFilter
from sms_desktop.services.registry import Services
from tests.services.dataset import World


def listed(services: Services, flt: CustomerFilter | None = None) -> set[int]:
    flt = flt or CustomerFilter()
    return {r.id for r in services.customers.list_customers(flt, limit=1000)}


def test_the_dataset_trash_holds_the_deleted_customer(services: Services, world: World) -> None:
    items = services.trash.items()
    assert [(i.entity, i.entity_id, i.label) for i in items] == [
        ("customer", world.deleted, "天津已删除商贸有限公司")
    ]
    assert items[0].deleted_at.tzinfo is not None


def test_deleted_customers_are_listed_newest_first(services: Services, world: World) -> None:
    started = datetime.now(UTC)
    services.customers.delete(world.mingda)
    services.trash.delete("customer", world.acme)
    items = services.trash.items()
    assert [(i.entity_id, i.label) for i in items] == [
        (world.acme, "Acme Co., Ltd."),
        (world.mingda, "上海明达贸易股份有限公司"),
        (world.deleted, "天津已删除商贸有限公司"),
    ]
    assert items[0].deleted_at >= items[1].deleted_at >= started
    assert abs(items[0].deleted_at - datetime.now(UTC)) < timedelta(minutes=5)
    assert [i.entity_id for i in services.trash.items(limit=2)] == [world.acme, world.mingda]
    assert listed(services) == world.live_customers - {world.mingda, world.acme}


def test_restore_brings_a_customer_back_with_contacts_and_history(
    services: Services, world: World
) -> None:
    detail = services.customers.get(world.huaxia)
    timeline = services.interactions.timeline(world.huaxia)
    figures = services.customers.key_figures(world.huaxia, today=world.today)

    services.customers.delete(world.huaxia)
    assert world.huaxia not in listed(services)
    assert listed(services, CustomerFilter(search="王伟")) == set()
    assert services.customers.get(world.huaxia).deleted is True

    services.trash.restore("customer", world.huaxia)
    assert world.huaxia in listed(services)
    assert listed(services, CustomerFilter(search="王伟")) == {world.huaxia}
    restored = services.customers.get(world.huaxia)
    assert restored.deleted is False
    assert restored.data == detail.data
    assert restored.contacts == detail.contacts
    assert services.interactions.timeline(world.huaxia) == timeline
    assert services.customers.key_figures(world.huaxia, today=world.today) == figures
    assert [(i.entity_id) for i in services.trash.items()] == [world.deleted]

    with services.db.read() as s:
        actions = list(
            s.scalars(
                select(m.AuditEntry.action)
                .where(m.AuditEntry.entity == "customer", m.AuditEntry.entity_id == world.huaxia)
                .order_by(m.AuditEntry.id)
            )
        )
    assert actions[-2:] == [AuditAction.DELETE, AuditAction.RESTORE]


def test_restore_of_the_dataset_deleted_customer(services: Services, world: World) -> None:
    services.trash.restore("customer", world.deleted)
    assert services.trash.items() == []
    assert world.deleted in listed(services)
    assert "D" in services.customers.filter_options().tiers


def test_restore_of_an_unknown_item_is_refused(services: Services, world: World) -> None:
    with pytest.raises(NotFoundError) as caught:
        services.trash.restore("spaceship", world.huaxia)
    assert caught.value.render() == "This item cannot be restored."
    with pytest.raises(NotFoundError):
        services.trash.restore("customer", 999_999)
    with pytest.raises(NotFoundError):
        services.trash.delete("spaceship", world.huaxia)
    assert len(services.trash.items()) == 1


def test_delete_again_through_the_trash_undoes_a_restore(services: Services, world: World) -> None:
    services.trash.restore("customer", world.deleted)
    services.trash.delete("customer", world.deleted)
    assert [(i.entity, i.entity_id) for i in services.trash.items()] == [
        ("customer", world.deleted)
    ]
    assert world.deleted not in listed(services)
    with pytest.raises(NotFoundError):
        services.trash.delete("customer", world.deleted)  # already in the trash


def test_a_merged_customer_is_not_restored_as_an_empty_shell(
    services: Services, world: World
) -> None:
    from sms_desktop.domain.errors import ConflictError

    services.duplicates.merge(world.huaxia, world.hx_dup)
    assert ("customer", world.hx_dup) in {(i.entity, i.entity_id) for i in services.trash.items()}
    with pytest.raises(ConflictError) as refused:
        services.trash.restore("customer", world.hx_dup)
    assert "was merged into 北京华夏科技有限公司" in refused.value.render()
    assert world.hx_dup not in listed(services)


def test_a_deleted_opportunity_is_restored_from_the_trash(services: Services, world: World) -> None:
    from decimal import Decimal

    from sms_desktop.services.pipeline import OpportunityInput

    deal = services.pipeline.create(
        OpportunityInput(customer_id=world.huaxia, title="回收站测试", amount=Decimal("100.00"))
    )
    services.pipeline.delete(deal)
    assert ("opportunity", deal) in {(i.entity, i.entity_id) for i in services.trash.items()}
    services.trash.restore("opportunity", deal)
    assert services.pipeline.get(deal).data.title == "回收站测试"
    assert ("opportunity", deal) not in {(i.entity, i.entity_id) for i in services.trash.items()}
    services.trash.delete("opportunity", deal)
    assert ("opportunity", deal) in {(i.entity, i.entity_id) for i in services.trash.items()}


def test_a_draft_order_is_restored_from_the_trash(services: Services, world: World) -> None:
    from tests.services.test_order_lifecycle import _draft

    order = services.orders.save(None, _draft(world))
    services.orders.delete(order.id)
    assert ("order", order.id) in {(i.entity, i.entity_id) for i in services.trash.items()}
    services.trash.restore("order", order.id)
    assert not services.orders.get(order.id).in_trash
    services.trash.delete("order", order.id)
    assert services.orders.get(order.id).in_trash
