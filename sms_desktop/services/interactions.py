"""A customer's history: logging interactions and the one timeline query over every area."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from functools import cache
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    String,
    bindparam,
    func,
    literal,
    null,
    select,
    type_coerce,
    union_all,
)
from sqlalchemy.orm import Session, aliased

from sms_desktop.domain.enums import AuditAction, InteractionKind, QuoteStatus
from sms_desktop.domain.errors import Errors, NotFoundError, ValidationError
from sms_desktop.domain.i18n import translate
from sms_desktop.domain.money import from_minor
from sms_desktop.domain.quotes import revision_letter
from sms_desktop.persistence import models as m
from sms_desktop.persistence.db import Database
from sms_desktop.services import audit

MAX_SUMMARY = 4000


@dataclass(frozen=True, slots=True)
class InteractionInput:
    kind: InteractionKind
    summary: str = ""
    occurred_at: datetime | None = None  # aware; default now
    contact_id: int | None = None
    salesperson_id: int | None = None
    satisfaction: int | None = None


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One line of the history. ``source`` says which area it comes from."""

    source: str  # interaction, task, quote, order, stage
    kind: str  # e.g. call/visit for interactions, the quote status, the order number
    ref_id: int
    at: datetime  # aware UTC; dates (orders) are taken at midnight UTC
    title: str
    detail: str
    who: str | None
    satisfaction: int | None
    amount: Decimal | None


def clean_interaction(data: InteractionInput) -> InteractionInput:
    errors = Errors()
    summary = data.summary.strip()
    if data.kind in (InteractionKind.NOTE, InteractionKind.FEEDBACK) and not summary:
        errors.add("summary", translate("Customers", "Write what was said or noted."))
    if len(summary) > MAX_SUMMARY:
        errors.add(
            "summary",
            translate("Customers", "The text is longer than {max} characters.").format(
                max=MAX_SUMMARY
            ),
        )
    if data.satisfaction is not None and not 1 <= data.satisfaction <= 5:
        errors.add("satisfaction", translate("Customers", "Satisfaction is a score from 1 to 5."))
    occurred = data.occurred_at or datetime.now(UTC)
    if occurred.tzinfo is None:
        errors.add("occurred_at", translate("Customers", "The time has no time zone."))
    elif occurred > datetime.now(UTC) + timedelta(days=366):
        errors.add("occurred_at", translate("Customers", "The date is more than a year ahead."))
    errors.raise_if_any()
    return InteractionInput(
        data.kind, summary, occurred, data.contact_id, data.salesperson_id, data.satisfaction
    )


def _refresh_last_interaction(session: Session, customer_id: int) -> None:
    from sms_desktop.services.stats import refresh_customer_stats

    session.flush()
    refresh_customer_stats(session.connection(), [customer_id])


def _raw(value: Any, type_: Any = String) -> ColumnElement[Any]:
    """A column as stored: the timeline's columns mix types across its parts."""
    return type_coerce(value, type_)


@cache
def _timeline_query() -> Any:
    """Every area's history of the customer ``:cid`` as one ``UNION ALL``, newest first; a
    quote's ``title`` is its number (its revision letter is added after reading, by the
    domain). Built once: building it costs more than running it."""
    customer_id = bindparam("cid", type_=Integer)
    i, a, q, o, sp = m.Interaction, m.Activity, m.Quote, m.Order, m.Salesperson
    h, op, to, came_from = (
        m.StageChange,
        m.Opportunity,
        aliased(m.PipelineStage),
        aliased(m.PipelineStage),
    )
    no_int, no_text = _raw(null(), Integer), literal("")
    parts = union_all(
        select(
            literal("interaction").label("source"),
            _raw(i.kind).label("kind"),
            i.id.label("ref_id"),
            _raw(i.occurred_at).label("at"),
            no_text.label("title"),
            i.summary.label("detail"),
            sp.name.label("who"),
            i.satisfaction.label("satisfaction"),
            no_int.label("amount"),
            no_int.label("revision"),
        )
        .outerjoin(sp, sp.id == i.salesperson_id)
        .where(i.customer_id == customer_id),
        select(
            literal("task"),
            _raw(a.kind),
            a.id,
            _raw(a.done_at),
            a.subject,
            func.coalesce(a.outcome, ""),
            sp.name,
            no_int,
            no_int,
            no_int,
        )
        .outerjoin(sp, sp.id == a.assignee_id)
        .where(a.customer_id == customer_id, a.done_at.is_not(None), a.deleted_at.is_(None)),
        select(
            literal("quote"),
            _raw(q.status),
            q.id,
            _raw(func.coalesce(q.sent_at, q.created_at)),
            q.number,
            no_text,
            sp.name,
            no_int,
            _raw(q.total, Integer),
            q.revision,
        )
        .outerjoin(sp, sp.id == q.owner_id)
        .where(
            q.customer_id == customer_id,
            q.deleted_at.is_(None),
            q.status != QuoteStatus.DRAFT,
        ),
        select(
            literal("order"),
            _raw(o.status),
            o.id,
            _raw(o.order_date),
            o.number,
            no_text,
            sp.name,
            no_int,
            _raw(o.subtotal, Integer),
            no_int,
        )
        .outerjoin(sp, sp.id == o.owner_id)
        .where(o.customer_id == customer_id),
        select(
            literal("stage"),
            to.key,
            h.id,
            _raw(h.changed_at),
            op.title,
            func.coalesce(came_from.name_zh + " → ", "")
            + to.name_zh
            + "|"
            + func.coalesce(came_from.name_en + " → ", "")
            + to.name_en,
            sp.name,
            no_int,
            _raw(op.amount, Integer),
            no_int,
        )
        .select_from(h)
        .join(op, op.id == h.opportunity_id)
        .join(to, to.id == h.to_stage_id)
        .outerjoin(came_from, came_from.id == h.from_stage_id)
        .outerjoin(sp, sp.id == h.changed_by_id)
        .where(op.customer_id == customer_id, op.deleted_at.is_(None)),
    ).subquery()
    return (
        select(parts)
        .order_by(parts.c.at.desc(), parts.c.ref_id.desc())
        .limit(bindparam("limit", type_=Integer))
        .offset(bindparam("offset", type_=Integer))
    )


def _parse_at(value: object) -> datetime:
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    raw = str(value)
    if len(raw) == 10:
        return datetime.combine(date.fromisoformat(raw), datetime.min.time(), UTC)
    return datetime.fromisoformat(raw).replace(tzinfo=UTC)


class InteractionsService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def log(self, customer_id: int, data: InteractionInput) -> int:
        cleaned = clean_interaction(data)
        with self._db.write() as session:
            customer = session.get(m.Customer, customer_id)
            if customer is None or customer.deleted_at is not None:
                raise NotFoundError(translate("Customers", "This customer no longer exists."))
            if cleaned.contact_id is not None:
                contact = session.get(m.Contact, cleaned.contact_id)
                if contact is None or contact.customer_id != customer_id:
                    raise ValidationError(
                        {
                            "contact_id": translate(
                                "Customers", "Choose one of this customer's contacts."
                            )
                        }
                    )
            assert cleaned.occurred_at is not None
            row = m.Interaction(
                customer_id=customer_id,
                kind=cleaned.kind,
                occurred_at=cleaned.occurred_at,
                summary=cleaned.summary,
                contact_id=cleaned.contact_id,
                salesperson_id=cleaned.salesperson_id,
                satisfaction=cleaned.satisfaction,
            )
            session.add(row)
            session.flush()
            _refresh_last_interaction(session, customer_id)
            return row.id

    def remove(self, interaction_id: int) -> InteractionInput:
        """Delete one entry; returns it so Undo can log it again."""
        with self._db.write() as session:
            row = session.get(m.Interaction, interaction_id)
            if row is None:
                raise NotFoundError(translate("Customers", "This entry no longer exists."))
            kept = InteractionInput(
                row.kind,
                row.summary,
                row.occurred_at,
                row.contact_id,
                row.salesperson_id,
                row.satisfaction,
            )
            customer_id = row.customer_id
            session.delete(row)
            session.flush()
            _refresh_last_interaction(session, customer_id)
            audit.record(
                session, "interaction", interaction_id, AuditAction.DELETE, old=kept.summary
            )
            return kept

    def timeline(
        self, customer_id: int, *, limit: int = 200, offset: int = 0
    ) -> list[TimelineEntry]:
        """The customer's whole history, newest first, from every area in one query."""
        with self._db.read() as session:
            rows = session.execute(
                _timeline_query(), {"cid": customer_id, "limit": limit, "offset": offset}
            ).all()
        return [
            TimelineEntry(
                r.source,
                r.kind,
                r.ref_id,
                _parse_at(r.at),
                f"{r.title} rev {revision_letter(r.revision)}" if r.revision else r.title or "",
                r.detail or "",
                r.who,
                r.satisfaction,
                None if r.amount is None else from_minor(int(r.amount)),
            )
            for r in rows
        ]
