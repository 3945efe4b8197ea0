"""Database health and the summary counts ``sms-desktop check`` prints."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.sql import ColumnElement

from sms_desktop.domain.enums import OpportunityStatus, QuoteStatus
from sms_desktop.persistence import models as m
from sms_desktop.persistence.backup import quick_check
from sms_desktop.persistence.base import Base
from sms_desktop.persistence.db import Database, schema_info


@dataclass(frozen=True, slots=True)
class AreaCount:
    key: str  # stable id, e.g. "customers"
    label: str  # English label; the UI translates it
    count: int


@dataclass(frozen=True, slots=True)
class CheckReport:
    path: Path
    size_bytes: int
    schema_revision: str | None
    schema_head: str
    problems: tuple[str, ...]
    counts: tuple[AreaCount, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


_AREAS: tuple[tuple[str, str, type[Base], ColumnElement[bool] | None], ...] = (
    ("salespeople", "Salespeople", m.Salesperson, None),
    ("customers", "Customers", m.Customer, m.Customer.deleted_at.is_(None)),
    ("contacts", "Contacts", m.Contact, m.Contact.deleted_at.is_(None)),
    ("interactions", "Interactions", m.Interaction, None),
    (
        "opportunities_open",
        "Open opportunities",
        m.Opportunity,
        (m.Opportunity.status == OpportunityStatus.OPEN) & m.Opportunity.deleted_at.is_(None),
    ),
    ("opportunities", "Opportunities", m.Opportunity, m.Opportunity.deleted_at.is_(None)),
    (
        "activities_open",
        "Open tasks",
        m.Activity,
        m.Activity.done_at.is_(None) & m.Activity.deleted_at.is_(None),
    ),
    ("activities", "Activities", m.Activity, m.Activity.deleted_at.is_(None)),
    ("products", "Products", m.Product, m.Product.deleted_at.is_(None)),
    ("price_rules", "Price rules", m.PriceRule, None),
    (
        "quotes_open",
        "Quotes awaiting an answer",
        m.Quote,
        (m.Quote.status == QuoteStatus.SENT) & m.Quote.deleted_at.is_(None),
    ),
    ("quotes", "Quotes", m.Quote, m.Quote.deleted_at.is_(None)),
    ("orders", "Orders", m.Order, None),
    ("order_lines", "Order lines", m.OrderLine, None),
    ("targets", "Targets", m.Target, None),
    ("commission_plans", "Commission plans", m.CommissionPlan, None),
    ("surveys", "Satisfaction surveys", m.SatisfactionSurvey, None),
    ("account_plans", "Account plans", m.AccountPlan, None),
    ("trash", "Items in the trash", m.TrashEntry, None),
)


class MaintenanceService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def counts(self) -> tuple[AreaCount, ...]:
        with self._db.read() as session:
            result = []
            for key, label, model, where in _AREAS:
                query = select(func.count()).select_from(model)
                if where is not None:
                    query = query.where(where)
                result.append(AreaCount(key, label, session.scalar(query) or 0))
        return tuple(result)

    def check(self, *, full: bool = False, quick_checked: bool = False) -> CheckReport:
        """``quick_check``, schema and counts; with ``full`` also ``integrity_check`` and
        every foreign key (slower: several times the file's read time on a large database).
        ``quick_checked``: the caller has just run ``quick_check`` (it reads the whole file)."""
        path = self._db.path
        problems = [] if quick_checked and not full else list(quick_check(path, full=full))
        if full:
            with self._db.engine.connect() as conn:
                problems += [
                    f"foreign key: {tuple(r)}"
                    for r in conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()[:20]
                ]
                conn.rollback()
        info = schema_info(path)
        return CheckReport(
            path, path.stat().st_size, info.revision, info.head, tuple(problems), self.counts()
        )
