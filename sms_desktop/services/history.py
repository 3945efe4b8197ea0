"""Reading the audit log: the history of one record, or of everything, newest first.

Each entry names its record as it is called now (a customer's name, a deal's title, a quote's
number …), and a changed owner or stage by its name rather than its id. The list follows the
list-query protocol (``services/lists.py``), so the one paged model shows it and exports it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.orm import aliased

from sms_desktop.domain.enums import AuditAction
from sms_desktop.persistence import models as m
from sms_desktop.persistence.db import Database
from sms_desktop.persistence.search import LIKE_ESCAPE, contains_pattern
from sms_desktop.services.lists import Order, iter_pages

HistorySortKey = Literal["at"]
# The record kinds the history can be narrowed to (the audit log's ``entity`` values).
ENTITIES: tuple[str, ...] = ("customer", "contact", "opportunity", "quote", "product", "activity")
# Fields that hold a salesperson's or a stage's id: shown by name.
_PERSON_FIELDS = frozenset({"owner_id", "assignee_id", "salesperson_id"})
_STAGE_FIELDS = frozenset({"stage_id"})


@dataclass(frozen=True, slots=True)
class HistoryFilter:
    entity: str | None = None
    entity_id: int | None = None
    search: str = ""  # in the record's name and the old and new values
    since: datetime | None = None  # aware, inclusive
    until: datetime | None = None  # aware, exclusive


@dataclass(frozen=True, slots=True)
class HistoryRow:
    id: int
    at: datetime
    actor: str | None
    entity: str
    entity_id: int
    record: str | None  # the record's name now (None: it is gone)
    action: AuditAction
    field: str | None
    old: str | None
    new: str | None
    reason: str | None


class HistoryService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def _query(self, flt: HistoryFilter) -> Select[Any]:
        a = m.AuditEntry
        actor = aliased(m.Salesperson)
        names: dict[str, tuple[Any, Any]] = {
            "customer": (m.Customer, m.Customer.name),
            "contact": (m.Contact, m.Contact.name),
            "opportunity": (m.Opportunity, m.Opportunity.title),
            "quote": (m.Quote, m.Quote.number),
            "order": (m.Order, m.Order.number),
            "product": (m.Product, m.Product.name_zh),
            "activity": (m.Activity, m.Activity.subject),
        }
        record = func.coalesce(*(column for _model, column in names.values()))
        query: Select[Any] = select(
            a.id,
            a.at,
            actor.name,
            a.entity,
            a.entity_id,
            record,
            a.action,
            a.field,
            a.old_value,
            a.new_value,
            a.reason,
        ).outerjoin(actor, actor.id == a.actor_id)
        for entity, (model, _column) in names.items():
            query = query.outerjoin(model, and_(a.entity == entity, model.id == a.entity_id))
        if flt.entity is not None:
            query = query.where(a.entity == flt.entity)
        if flt.entity_id is not None:
            query = query.where(a.entity_id == flt.entity_id)
        if flt.since is not None:
            query = query.where(a.at >= flt.since)
        if flt.until is not None:
            query = query.where(a.at < flt.until)
        if flt.search.strip():
            pattern = contains_pattern(flt.search.strip())
            query = query.where(
                or_(
                    record.ilike(pattern, escape=LIKE_ESCAPE),
                    a.old_value.ilike(pattern, escape=LIKE_ESCAPE),
                    a.new_value.ilike(pattern, escape=LIKE_ESCAPE),
                )
            )
        return query

    # ------------------------------------------------------------ list query

    def count_rows(self, flt: HistoryFilter, /, *, cap: int | None = None) -> int:
        inner = self._query(flt).with_only_columns(m.AuditEntry.id)
        if cap is not None:
            inner = inner.limit(cap)
        with self._db.read() as session:
            return int(session.scalar(select(func.count()).select_from(inner.subquery())) or 0)

    def page_rows(
        self, flt: HistoryFilter, order: Order[HistorySortKey], /, *, offset: int, limit: int
    ) -> list[HistoryRow]:
        at, entry_id = m.AuditEntry.at, m.AuditEntry.id
        keys = (at.desc(), entry_id.desc()) if order.descending else (at.asc(), entry_id.asc())
        query = self._query(flt).order_by(*keys).offset(offset).limit(limit)
        with self._db.read() as session:
            rows = [HistoryRow(*r) for r in session.execute(query)]
            return self._named(session, rows)

    def iter_rows(
        self, flt: HistoryFilter, order: Order[HistorySortKey], /
    ) -> Iterator[HistoryRow]:
        return iter_pages(
            lambda offset, limit: self.page_rows(flt, order, offset=offset, limit=limit)
        )

    @staticmethod
    def _named(session: Any, rows: Sequence[HistoryRow]) -> list[HistoryRow]:
        """Owner and stage ids in changed values replaced by the names they stand for."""
        people: set[int] = set()
        stages: set[int] = set()
        for row in rows:
            ids = {int(v) for v in (row.old, row.new) if v is not None and v.isdigit()}
            if row.field in _PERSON_FIELDS:
                people |= ids
            elif row.field in _STAGE_FIELDS:
                stages |= ids
        if not people and not stages:
            return list(rows)
        person_names = dict(
            session.execute(
                select(m.Salesperson.id, m.Salesperson.name).where(m.Salesperson.id.in_(people))
            ).all()
        )
        stage_names = dict(
            session.execute(
                select(m.PipelineStage.id, m.PipelineStage.name_zh).where(
                    m.PipelineStage.id.in_(stages)
                )
            ).all()
        )

        def name(field: str | None, value: str | None) -> str | None:
            if value is None or not value.isdigit():
                return value
            table = person_names if field in _PERSON_FIELDS else stage_names
            return str(table.get(int(value), value))

        return [
            replace(r, old=name(r.field, r.old), new=name(r.field, r.new))
            if r.field in _PERSON_FIELDS | _STAGE_FIELDS
            else r
            for r in rows
        ]
