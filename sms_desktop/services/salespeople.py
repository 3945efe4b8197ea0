"""Salespeople (销售人员): the one read model of a salesperson, the one query that reads them
(every owner or assignee choice, the targets' table, the filters), and their management.

A salesperson is never deleted while anything refers to them: they are deactivated, and
inactive salespeople leave the choices but keep their records. There is one owner (the
business owner, "me" in a one-user app), who stays active.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from sms_desktop.domain.enums import SalespersonRole
from sms_desktop.domain.errors import ConflictError, Errors, NotFoundError
from sms_desktop.domain.i18n import translate
from sms_desktop.persistence import models as m
from sms_desktop.persistence.base import Base
from sms_desktop.persistence.db import Database

MAX_NAME = 80


@dataclass(frozen=True, slots=True)
class SalespersonRow:
    id: int
    name: str
    name_en: str | None
    role: SalespersonRole
    email: str | None
    phone: str | None
    hire_date: date | None
    active: bool


@dataclass(frozen=True, slots=True)
class SalespersonInput:
    name: str
    role: SalespersonRole = SalespersonRole.SALES
    active: bool = True
    hire_date: date | None = None
    name_en: str | None = None
    email: str | None = None
    phone: str | None = None


def read_salespeople(session: Session, *, active_only: bool) -> tuple[SalespersonRow, ...]:
    """The salespeople in the order every list and choice shows them: active ones first,
    the owner first among them, then by name."""
    sp = m.Salesperson
    query = select(
        sp.id, sp.name, sp.name_en, sp.role, sp.email, sp.phone, sp.hire_date, sp.active
    ).order_by(sp.active.desc(), sp.role != SalespersonRole.OWNER, sp.name, sp.id)
    if active_only:
        query = query.where(sp.active.is_(True))
    return tuple(SalespersonRow(*row) for row in session.execute(query))


def _clean(text: str | None) -> str | None:
    stripped = (text or "").strip()
    return stripped or None


class SalespeopleService:
    """Reading and managing salespeople; one transaction per call."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def list(self, *, active_only: bool = False) -> tuple[SalespersonRow, ...]:
        with self._db.read() as session:
            return read_salespeople(session, active_only=active_only)

    def me(self) -> int | None:
        """The business owner's salesperson id: who "me" is in a one-user app."""
        with self._db.read() as session:
            return session.scalar(
                select(m.Salesperson.id).where(m.Salesperson.role == SalespersonRole.OWNER)
            )

    @staticmethod
    def input_of(row: SalespersonRow) -> SalespersonInput:
        return SalespersonInput(
            row.name, row.role, row.active, row.hire_date, row.name_en, row.email, row.phone
        )

    def save(self, data: SalespersonInput, salesperson_id: int | None = None) -> int:
        """Create (``salesperson_id`` None) or update a salesperson; returns the id."""
        name = (data.name or "").strip()
        errors = Errors()
        if not name:
            errors.add("name", translate("Targets", "Enter the salesperson's name."))
        elif len(name) > MAX_NAME:
            errors.add("name", translate("Targets", "A name has at most 80 characters."))
        with self._db.write() as session:
            person = None
            if salesperson_id is not None:
                person = session.get(m.Salesperson, salesperson_id)
                if person is None:
                    raise NotFoundError(translate("Targets", "This salesperson no longer exists."))
            owner = session.scalar(
                select(m.Salesperson.id).where(m.Salesperson.role == SalespersonRole.OWNER)
            )
            if data.role is SalespersonRole.OWNER and owner is not None and owner != salesperson_id:
                errors.add("role", translate("Targets", "There is already an owner."))
            if person is not None and person.role is SalespersonRole.OWNER:
                if data.role is not SalespersonRole.OWNER:
                    errors.add(
                        "role", translate("Targets", "The owner's role cannot be changed here.")
                    )
                if not data.active:
                    errors.add("active", translate("Targets", "The owner stays active."))
            errors.raise_if_any()
            if person is None:
                person = m.Salesperson()
                session.add(person)
            person.name = name
            person.name_en = _clean(data.name_en)
            person.role = data.role
            person.active = data.active
            person.hire_date = data.hire_date
            person.email = _clean(data.email)
            person.phone = _clean(data.phone)
            session.flush()
            return person.id

    def delete(self, salesperson_id: int) -> None:
        """Remove a salesperson nothing refers to (e.g. to undo adding one); anyone with
        customers, deals, orders, activities, targets … is deactivated instead."""
        with self._db.write() as session:
            person = session.get(m.Salesperson, salesperson_id)
            if person is None:
                return
            for table in Base.metadata.sorted_tables:
                for fk in table.foreign_keys:
                    if fk.column.table.name != "salespeople":
                        continue
                    used = session.execute(
                        select(fk.parent).where(fk.parent == salesperson_id).limit(1)
                    ).first()
                    if used is not None:
                        raise ConflictError(
                            translate(
                                "Targets",
                                "This salesperson has records; deactivate them instead.",
                            )
                        )
            session.delete(person)
