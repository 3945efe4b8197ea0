"""Writing the audit log: who changed what, when, from which value to which."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from sqlalchemy import ScalarSelect, select
from sqlalchemy.orm import Session

from sms_desktop.domain.enums import AuditAction, SalespersonRole
from sms_desktop.persistence.models import AuditEntry, Salesperson


def acting_user() -> ScalarSelect[int]:
    """Who makes the change: in the one-user app, the business owner (a subquery, so an entry
    costs no extra read). The team edition's signed-in user replaces this, here only."""
    return (
        select(Salesperson.id)
        .where(Salesperson.role == SalespersonRole.OWNER)
        .order_by(Salesperson.id)
        .limit(1)
        .scalar_subquery()
    )


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return str(value)


def record(
    session: Session,
    entity: str,
    entity_id: int,
    action: AuditAction,
    *,
    field: str | None = None,
    old: Any = None,
    new: Any = None,
    reason: str | None = None,
) -> None:
    session.add(
        AuditEntry(
            actor_id=acting_user(),
            entity=entity,
            entity_id=entity_id,
            action=action,
            field=field,
            old_value=_text(old),
            new_value=_text(new),
            reason=reason,
        )
    )


def record_changes(
    session: Session, entity: str, entity_id: int, old: Mapping[str, Any], new: Mapping[str, Any]
) -> list[str]:
    """One UPDATE entry per field whose value changed; returns the changed field names."""
    changed = [k for k in new if old.get(k) != new[k]]
    for key in changed:
        record(
            session,
            entity,
            entity_id,
            AuditAction.UPDATE,
            field=key,
            old=old.get(key),
            new=new[key],
        )
    return changed
