"""Edit ▸ Trash: what was deleted, and putting it back with everything attached."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from sms_desktop.domain.errors import NotFoundError
from sms_desktop.domain.i18n import translate
from sms_desktop.persistence import models as m
from sms_desktop.persistence.db import Database
from sms_desktop.services.customers import CustomersService


@dataclass(frozen=True, slots=True)
class TrashItem:
    entity: str  # "customer", "opportunity", "activity", "quote", "product", "order"
    entity_id: int
    label: str
    deleted_at: datetime


class TrashService:
    def __init__(self, db: Database) -> None:
        self._db = db
        from sms_desktop.services.orders import OrdersService
        from sms_desktop.services.pipeline import PipelineService
        from sms_desktop.services.products import ProductsService
        from sms_desktop.services.quotes import QuotesService
        from sms_desktop.services.tasks import TasksService

        customers = CustomersService(db)
        pipeline = PipelineService(db)
        tasks = TasksService(db)
        products = ProductsService(db)
        orders = OrdersService(db)
        self._restorers: dict[str, Callable[[int], None]] = {
            "customer": customers.restore,
            "opportunity": pipeline.restore,
            "activity": tasks.restore,
            "quote": QuotesService(db).restore,
            "product": products.restore,
            "order": orders.restore,
        }
        self._deleters: dict[str, Callable[[int], None]] = {
            "customer": customers.delete,
            "opportunity": pipeline.delete,
            "activity": lambda task_id: tasks.delete([task_id]),
            "quote": QuotesService(db).delete,
            "product": products.delete,
            "order": orders.delete,
        }

    def items(self, limit: int = 1000) -> list[TrashItem]:
        with self._db.read() as session:
            rows = session.execute(
                select(
                    m.TrashEntry.entity,
                    m.TrashEntry.entity_id,
                    m.TrashEntry.label,
                    m.TrashEntry.deleted_at,
                )
                .order_by(m.TrashEntry.deleted_at.desc(), m.TrashEntry.id.desc())
                .limit(limit)
            )
            return [TrashItem(*r) for r in rows]

    def restore(self, entity: str, entity_id: int) -> None:
        restorer = self._restorers.get(entity)
        if restorer is None:
            raise NotFoundError(translate("Trash", "This item cannot be restored."))
        restorer(entity_id)

    def delete(self, entity: str, entity_id: int) -> None:
        """Put an item back in the trash (undoing a restore)."""
        deleter = self._deleters.get(entity)
        if deleter is None:
            raise NotFoundError(translate("Trash", "This item cannot be restored."))
        deleter(entity_id)
