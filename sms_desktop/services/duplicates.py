"""Likely duplicate customers, and merging two customers into one (undoable)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import and_, delete, func, or_, select, update

from sms_desktop.domain.enums import AuditAction
from sms_desktop.domain.errors import ConflictError, NotFoundError
from sms_desktop.domain.i18n import translate
from sms_desktop.domain.names import name_similarity, normalize_company_name, phone_key
from sms_desktop.persistence import models as m
from sms_desktop.persistence.base import Base
from sms_desktop.persistence.db import Database
from sms_desktop.persistence.search import match_condition, reindex_customers
from sms_desktop.services import audit
from sms_desktop.services.stats import refresh_customer_stats

SIMILAR = 0.85


@dataclass(frozen=True, slots=True)
class DuplicateCandidate:
    id: int
    name: str
    city: str | None
    reasons: tuple[str, ...]  # "name", "tax_id", "phone", "email"
    score: float


@dataclass(frozen=True, slots=True)
class MergeRecord:
    """What a merge moved, so it can be undone exactly."""

    keep_id: int
    drop_id: int
    moved: dict[str, tuple[int, ...]]  # table -> ids moved to keep_id
    tags_added: tuple[int, ...]
    filled: dict[str, str | None] = field(default_factory=dict)  # keep's blank fields filled
    unprimaried: tuple[int, ...] = ()  # contacts that stopped being primary
    stamps: tuple[datetime, datetime] | None = None  # updated_at of keep and drop before


# Tables whose rows follow a merged customer (all have "id" and "customer_id").
_MOVABLE = (
    "contacts",
    "interactions",
    "opportunities",
    "activities",
    "quotes",
    "orders",
    "satisfaction_surveys",
    "price_lists",
)
_FILLABLE = (
    "name_en",
    "industry",
    "source",
    "province",
    "city",
    "address",
    "postal_code",
    "phone",
    "email",
    "website",
    "tax_id",
    "tier",
)


def name_probes(name: str, most: int = 6) -> list[str]:
    """Short pieces of a name to look candidates up by, so that a typo in one place or
    another legal form still finds the customer (ranking is name_similarity's job)."""
    words = [w for w in normalize_company_name_words(name) if len(w) >= 3]
    core = normalize_company_name(name)
    pieces: list[str] = list(words)
    if not words and len(core) >= 2:
        if len(core) <= 3:
            pieces.append(core)
        else:
            step = max(1, (len(core) - 3) // (most - 1))
            pieces.extend(core[i : i + 3] for i in range(0, len(core) - 2, step))
    return list(dict.fromkeys(pieces))[:most]


def normalize_company_name_words(name: str) -> list[str]:
    """The Latin words of a name without its legal form (CJK names give none)."""
    core = normalize_company_name(name)
    if not core.isascii():
        return []
    words = [w.strip(".,()") for w in name.casefold().split()]
    return [w for w in words if w and w.isascii() and w.isalnum() and w in core]


def identity_keys(
    *, name: str = "", tax_id: str = "", phone: str = "", email: str = ""
) -> list[str]:
    """The exact keys on which two records are one customer, strongest first: tax id, name
    without its legal form, phone digits, e-mail (what ``find`` matches besides similar
    names). Imports merge on these; a similar name alone is only a suggestion."""
    keys: list[str] = []
    if tax_id.strip():
        keys.append("tax:" + tax_id.strip().upper())
    if core := normalize_company_name(name):
        keys.append("name:" + core)
    if len(digits := phone_key(phone)) >= 6:
        keys.append("phone:" + digits)
    if email.strip():
        keys.append("email:" + email.strip().casefold())
    return keys


class DuplicatesService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def find(
        self,
        *,
        name: str,
        phone: str = "",
        email: str = "",
        tax_id: str = "",
        exclude_id: int | None = None,
        limit: int = 10,
    ) -> list[DuplicateCandidate]:
        """Customers that look like the one described: same or similar name, same phone,
        email or tax id (also of their contacts)."""
        c, ct = m.Customer, m.Contact
        reasons: dict[int, set[str]] = {}
        scores: dict[int, float] = {}

        def note(customer_id: int, reason: str, score: float) -> None:
            if customer_id == exclude_id:
                return
            reasons.setdefault(customer_id, set()).add(reason)
            scores[customer_id] = max(scores.get(customer_id, 0.0), score)

        live = c.deleted_at.is_(None)
        with self._db.read() as session:
            seen: set[int] = set()
            for piece in name_probes(name):
                probe = match_condition(piece, c.id)
                if probe is None:
                    continue
                for cid, other in session.execute(
                    select(c.id, c.name).where(live, probe).limit(200)
                ):
                    if cid in seen:
                        continue
                    seen.add(cid)
                    score = name_similarity(name, other)
                    if score >= SIMILAR:
                        note(cid, "name", score)
            if tax_id.strip():
                for cid in session.scalars(
                    select(c.id).where(live, func.upper(c.tax_id) == tax_id.strip().upper())
                ):
                    note(cid, "tax_id", 1.0)
            phone_digits = phone_key(phone)
            if len(phone_digits) >= 6:
                # The index holds every phone as bare digits: the last 8 find +86 variants too.
                probe = match_condition(phone_digits[-8:], c.id)
                if probe is not None:
                    rows = session.execute(
                        select(c.id, c.phone, ct.phone, ct.mobile)
                        .outerjoin(ct, and_(ct.customer_id == c.id, ct.deleted_at.is_(None)))
                        .where(live, probe)
                        .limit(500)
                    )
                    for cid, *phones in rows:
                        if any(p and phone_key(p) == phone_digits for p in phones):
                            note(cid, "phone", 0.95)
            if email.strip():
                address = email.strip().casefold()
                for cid in session.scalars(
                    select(c.id)
                    .outerjoin(ct, ct.customer_id == c.id)
                    .where(
                        live,
                        or_(
                            func.lower(c.email) == address,
                            and_(func.lower(ct.email) == address, ct.deleted_at.is_(None)),
                        ),
                    )
                    .distinct()
                ):
                    note(cid, "email", 0.95)
            if not reasons:
                return []
            found = session.execute(
                select(c.id, c.name, c.city).where(c.id.in_(list(reasons)))
            ).all()
        order = ("tax_id", "phone", "email", "name")
        result = [
            DuplicateCandidate(i, n, city, tuple(r for r in order if r in reasons[i]), scores[i])
            for i, n, city in found
        ]
        result.sort(key=lambda d: (-len(d.reasons), -d.score, d.name))
        return result[:limit]

    def merge(self, keep_id: int, drop_id: int) -> MergeRecord:
        """Move everything of ``drop_id`` to ``keep_id`` and put ``drop_id`` in the trash."""
        if keep_id == drop_id:
            raise ConflictError(translate("Customers", "A customer cannot be merged with itself."))
        with self._db.write() as session:
            keep, drop = session.get(m.Customer, keep_id), session.get(m.Customer, drop_id)
            if keep is None or drop is None or keep.deleted_at or drop.deleted_at:
                raise NotFoundError(translate("Customers", "This customer no longer exists."))
            # Before any change (autoflush would stamp them): what an undo puts back.
            stamps = (keep.updated_at, drop.updated_at)
            moved: dict[str, tuple[int, ...]] = {}
            for name in _MOVABLE:
                table = Base.metadata.tables[name]
                ids = tuple(
                    session.scalars(select(table.c.id).where(table.c.customer_id == drop_id))
                )
                if ids:
                    session.execute(
                        update(table)
                        .where(table.c.id.in_(ids))
                        .values(customer_id=keep_id, updated_at=table.c.updated_at)
                    )
                    moved[name] = ids
            # Account plans are one per customer and year: move those that do not clash.
            plan_years = set(
                session.scalars(
                    select(m.AccountPlan.year).where(m.AccountPlan.customer_id == keep_id)
                )
            )
            plans = tuple(
                session.scalars(
                    select(m.AccountPlan.id).where(
                        m.AccountPlan.customer_id == drop_id, m.AccountPlan.year.not_in(plan_years)
                    )
                )
            )
            if plans:
                session.execute(
                    update(m.AccountPlan)
                    .where(m.AccountPlan.id.in_(plans))
                    .values(customer_id=keep_id, updated_at=m.AccountPlan.updated_at)
                )
                moved["account_plans"] = plans
            keep_tags = set(
                session.scalars(
                    select(m.CustomerTag.tag_id).where(m.CustomerTag.customer_id == keep_id)
                )
            )
            added = tuple(
                t
                for t in session.scalars(
                    select(m.CustomerTag.tag_id).where(m.CustomerTag.customer_id == drop_id)
                )
                if t not in keep_tags
            )
            for tag_id in added:
                session.add(m.CustomerTag(customer_id=keep_id, tag_id=tag_id))
            filled: dict[str, str | None] = {}
            for key in _FILLABLE:
                if not getattr(keep, key) and getattr(drop, key):
                    filled[key] = getattr(keep, key)
                    setattr(keep, key, getattr(drop, key))
            primaries = session.scalars(
                select(m.Contact)
                .where(
                    m.Contact.customer_id == keep_id,
                    m.Contact.is_primary,
                    m.Contact.deleted_at.is_(None),
                )
                .order_by(m.Contact.id)
            ).all()
            unprimaried = tuple(extra.id for extra in primaries[1:])
            if unprimaried:
                session.execute(
                    update(m.Contact)
                    .where(m.Contact.id.in_(unprimaried))
                    .values(is_primary=False, updated_at=m.Contact.updated_at)
                )
            now = datetime.now(UTC)
            drop.deleted_at = now
            drop.merged_into_id = keep_id
            session.add(
                m.TrashEntry(
                    entity="customer",
                    entity_id=drop_id,
                    label=f"{drop.name} → {keep.name}",
                    deleted_at=now,
                )
            )
            audit.record(
                session,
                "customer",
                keep_id,
                AuditAction.MERGE,
                old=drop.name,
                new=keep.name,
                reason=f"merged customer {drop_id}",
            )
            session.flush()
            refresh_customer_stats(session.connection(), [keep_id, drop_id])
            reindex_customers(session.connection(), [keep_id, drop_id])
            return MergeRecord(keep_id, drop_id, moved, added, filled, unprimaried, stamps)

    def unmerge(self, record: MergeRecord) -> None:
        """Undo a merge exactly: move the rows back, restore the dropped customer."""
        with self._db.write() as session:
            keep = session.get(m.Customer, record.keep_id)
            drop = session.get(m.Customer, record.drop_id)
            if keep is None or drop is None:
                raise NotFoundError(translate("Customers", "This customer no longer exists."))
            for name, ids in record.moved.items():
                table = Base.metadata.tables[name]
                session.execute(
                    update(table)
                    .where(table.c.id.in_(ids))
                    .values(customer_id=record.drop_id, updated_at=table.c.updated_at)
                )
            if record.unprimaried:
                session.execute(
                    update(m.Contact)
                    .where(m.Contact.id.in_(record.unprimaried))
                    .values(is_primary=True, updated_at=m.Contact.updated_at)
                )
            if record.tags_added:
                session.execute(
                    delete(m.CustomerTag).where(
                        m.CustomerTag.customer_id == record.keep_id,
                        m.CustomerTag.tag_id.in_(record.tags_added),
                    )
                )
            for key, value in record.filled.items():
                setattr(keep, key, value)
            drop.deleted_at = None
            drop.merged_into_id = None
            if record.stamps is not None:  # an undo leaves no trace in the edit stamps
                keep.updated_at, drop.updated_at = record.stamps
            session.execute(
                delete(m.TrashEntry).where(
                    m.TrashEntry.entity == "customer", m.TrashEntry.entity_id == record.drop_id
                )
            )
            audit.record(
                session,
                "customer",
                record.keep_id,
                AuditAction.RESTORE,
                old=keep.name,
                new=drop.name,
                reason=f"undid merge of customer {record.drop_id}",
            )
            session.flush()
            refresh_customer_stats(session.connection(), [record.keep_id, record.drop_id])
            reindex_customers(session.connection(), [record.keep_id, record.drop_id])
