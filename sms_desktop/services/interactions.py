"""A customer's history: logging interactions and the one timeline query over every area."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import text
from sqlalchemy.orm import Session

from sms_desktop.domain.enums import AuditAction, InteractionKind
from sms_desktop.domain.errors import Errors, NotFoundError, ValidationError
from sms_desktop.domain.i18n import translate
from sms_desktop.domain.money import from_minor
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


_TIMELINE_SQL = text("""
SELECT 'interaction' AS source, i.kind AS kind, i.id AS ref_id, i.occurred_at AS at,
       '' AS title, i.summary AS detail, sp.name AS who, i.satisfaction AS satisfaction,
       NULL AS amount
  FROM interactions i LEFT JOIN salespeople sp ON sp.id = i.salesperson_id
 WHERE i.customer_id = :cid
UNION ALL
SELECT 'task', a.kind, a.id, a.done_at, a.subject, COALESCE(a.outcome, ''), sp.name, NULL, NULL
  FROM activities a LEFT JOIN salespeople sp ON sp.id = a.assignee_id
 WHERE a.customer_id = :cid AND a.done_at IS NOT NULL AND a.deleted_at IS NULL
UNION ALL
SELECT 'quote', q.status, q.id, COALESCE(q.sent_at, q.created_at),
       q.number || ' rev ' || char(64 + q.revision), '', sp.name, NULL, q.total
  FROM quotes q LEFT JOIN salespeople sp ON sp.id = q.owner_id
 WHERE q.customer_id = :cid AND q.deleted_at IS NULL AND q.status != 'draft'
UNION ALL
SELECT 'order', o.status, o.id, o.order_date, o.number, '', sp.name, NULL, o.subtotal
  FROM orders o LEFT JOIN salespeople sp ON sp.id = o.owner_id
 WHERE o.customer_id = :cid
UNION ALL
SELECT 'stage', ts.key, h.id, h.changed_at, op.title,
       COALESCE(fs.name_zh || ' → ', '') || ts.name_zh || '|' ||
       COALESCE(fs.name_en || ' → ', '') || ts.name_en, sp.name, NULL, op.amount
  FROM opportunity_stage_history h
  JOIN opportunities op ON op.id = h.opportunity_id
  JOIN pipeline_stages ts ON ts.id = h.to_stage_id
  LEFT JOIN pipeline_stages fs ON fs.id = h.from_stage_id
  LEFT JOIN salespeople sp ON sp.id = h.changed_by_id
 WHERE op.customer_id = :cid AND op.deleted_at IS NULL
ORDER BY at DESC, ref_id DESC
LIMIT :limit OFFSET :offset
""")


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
                _TIMELINE_SQL, {"cid": customer_id, "limit": limit, "offset": offset}
            ).all()
        return [
            TimelineEntry(
                r.source,
                r.kind,
                r.ref_id,
                _parse_at(r.at),
                r.title or "",
                r.detail or "",
                r.who,
                r.satisfaction,
                None if r.amount is None else from_minor(int(r.amount)),
            )
            for r in rows
        ]
