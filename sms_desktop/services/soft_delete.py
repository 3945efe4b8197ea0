"""Moving a record to the trash and back: one way for every kind of record.

The row keeps its place (``deleted_at`` set, hidden from every list) and a ``trash`` entry
names it for Edit ▸ Trash; both are audited. Each service checks its own rules first (a
merged customer cannot come back, …) and then calls these in its transaction.
"""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from sqlalchemy import delete
from sqlalchemy.orm import Session

from sms_desktop.domain.clock import clock
from sms_desktop.domain.enums import AuditAction
from sms_desktop.persistence import models as m
from sms_desktop.services import audit

_LABEL_MAX = 300


class SoftDeleted(Protocol):
    id: int
    deleted_at: datetime | None


def move_to_trash(session: Session, entity: str, row: SoftDeleted, label: str) -> None:
    now = clock().now()
    row.deleted_at = now
    session.add(
        m.TrashEntry(entity=entity, entity_id=row.id, label=label[:_LABEL_MAX], deleted_at=now)
    )
    audit.record(session, entity, row.id, AuditAction.DELETE, old=label)


def take_out_of_trash(session: Session, entity: str, row: SoftDeleted, label: str) -> None:
    row.deleted_at = None
    session.execute(
        delete(m.TrashEntry).where(m.TrashEntry.entity == entity, m.TrashEntry.entity_id == row.id)
    )
    audit.record(session, entity, row.id, AuditAction.RESTORE, new=label)
