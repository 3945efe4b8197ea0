"""Customers and their contacts: the list (filtered, searched and sorted in SQL), editing, trash."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field, fields
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Literal, get_args

from sqlalchemy import ColumnElement, Select, and_, delete, exists, func, or_, select
from sqlalchemy.orm import Session

from sms_desktop.domain.clock import clock
from sms_desktop.domain.enums import AuditAction, BuyingRole, CustomerKind, OpportunityStatus
from sms_desktop.domain.errors import ConflictError, Errors, NotFoundError
from sms_desktop.domain.i18n import translate
from sms_desktop.domain.money import CURRENCIES, amount_problem
from sms_desktop.domain.validation import is_email, is_phone, is_tax_id
from sms_desktop.persistence import models as m
from sms_desktop.persistence.db import Database
from sms_desktop.persistence.sql import joined
from sms_desktop.services import audit
from sms_desktop.services.lists import Order
from sms_desktop.services.revenue import revenue_amount, revenue_filter
from sms_desktop.services.salespeople import SalespersonRow, read_salespeople
from sms_desktop.services.soft_delete import move_to_trash, take_out_of_trash

CustomerSortKey = Literal[
    "name",
    "city",
    "industry",
    "tier",
    "owner",
    "last_interaction",
    "revenue_12m",
    "open_pipeline",
    "created",
]
SORT_KEYS: tuple[CustomerSortKey, ...] = get_args(CustomerSortKey)
_ENTITY = "customer"


# ------------------------------------------------------------------------ read models


@dataclass(frozen=True, slots=True)
class CustomerFilter:
    """What the list shows: a search text plus the filter bar's choices."""

    search: str = ""
    owner_id: int | None = None
    unassigned: bool = False
    tier: str | None = None
    industry: str | None = None
    city: str | None = None
    tag_id: int | None = None
    no_contact_days: int | None = None  # no interaction for at least this many days


@dataclass(frozen=True, slots=True)
class CustomerRow:
    id: int
    name: str
    city: str | None
    industry: str | None
    tier: str | None
    segment: str | None
    owner: str | None
    last_interaction_at: datetime | None
    revenue_12m: Decimal
    open_pipeline: Decimal
    tags: str


@dataclass(frozen=True, slots=True)
class Option:
    id: int
    name: str


@dataclass(frozen=True, slots=True)
class FilterOptions:
    owners: tuple[SalespersonRow, ...]  # the active ones
    tiers: tuple[str, ...]
    industries: tuple[str, ...]
    cities: tuple[str, ...]
    tags: tuple[Option, ...]


@dataclass(frozen=True, slots=True)
class CustomerInput:
    """The editable fields of a customer (as the form holds them)."""

    name: str
    kind: CustomerKind = CustomerKind.COMPANY
    name_en: str = ""
    industry: str = ""
    source: str = ""
    province: str = ""
    city: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""
    website: str = ""
    tax_id: str = ""
    tier: str = ""
    potential_value: Decimal = Decimal("0.00")
    currency: str = "CNY"
    strategic_fit: int | None = None
    owner_id: int | None = None
    notes: str = ""
    tags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ContactRow:
    id: int
    customer_id: int
    name: str
    title: str
    buying_role: BuyingRole | None
    phone: str
    mobile: str
    email: str
    wechat: str
    is_primary: bool
    notes: str

    def as_input(self) -> ContactInput:
        """The editable fields, e.g. to fill the contact form."""
        return ContactInput(**{f.name: getattr(self, f.name) for f in fields(ContactInput)})


@dataclass(frozen=True, slots=True)
class ContactInput:
    name: str
    title: str = ""
    buying_role: BuyingRole | None = None
    phone: str = ""
    mobile: str = ""
    email: str = ""
    wechat: str = ""
    is_primary: bool = False
    notes: str = ""


@dataclass(frozen=True, slots=True)
class KeyFigures:
    revenue_12m: Decimal
    revenue_lifetime: Decimal
    orders: int
    last_order: date | None
    average_days_between_orders: Decimal | None
    open_opportunities: int
    open_pipeline: Decimal
    open_tasks: int


@dataclass(frozen=True, slots=True)
class CustomerDetail:
    id: int
    data: CustomerInput
    owner_name: str | None
    segment: str | None
    created_at: datetime
    updated_at: datetime
    deleted: bool
    contacts: tuple[ContactRow, ...] = field(default_factory=tuple)


# ------------------------------------------------------------------------ validation

MAX_NAME = 200


def _strip(value: Any) -> Any:
    return value.strip() if isinstance(value, str) else value


def clean_customer(data: CustomerInput) -> CustomerInput:
    """Trim text, normalise the tax id and tags; refuse bad input field by field."""
    values = {f.name: _strip(getattr(data, f.name)) for f in fields(CustomerInput)}
    values["tax_id"] = values["tax_id"].upper().replace(" ", "")
    # Tags are a set, kept sorted: the order they were typed in is no change.
    values["tags"] = tuple(sorted({t.strip() for t in data.tags if t.strip()}))
    cleaned = CustomerInput(**values)
    errors = Errors()
    if not cleaned.name:
        errors.add("name", translate("Customers", "Enter the customer's name."))
    elif len(cleaned.name) > MAX_NAME:
        errors.add(
            "name",
            translate("Customers", "The name is longer than {max} characters.").format(
                max=MAX_NAME
            ),
        )
    if cleaned.email and not is_email(cleaned.email):
        errors.add("email", translate("Customers", "Enter an email address like name@example.com."))
    if cleaned.phone and not is_phone(cleaned.phone):
        errors.add(
            "phone",
            translate(
                "Customers", "Enter a phone number with digits, spaces, dashes or a leading +."
            ),
        )
    if cleaned.tax_id and not is_tax_id(cleaned.tax_id):
        errors.add(
            "tax_id",
            translate(
                "Customers",
                "A tax id (统一社会信用代码) has 18 letters and digits with a valid "
                "check character.",
            ),
        )
    if cleaned.strategic_fit is not None and not 1 <= cleaned.strategic_fit <= 5:
        errors.add("strategic_fit", translate("Customers", "Strategic fit is a score from 1 to 5."))
    problem = amount_problem(cleaned.potential_value)
    if problem == "negative":
        errors.add(
            "potential_value", translate("Customers", "The potential value cannot be negative.")
        )
    elif problem == "decimals":
        errors.add("potential_value", translate("Customers", "Amounts have at most two decimals."))
    elif problem is not None:
        errors.add(
            "potential_value",
            translate("Customers", "Enter an amount up to 999,999,999,999.99."),
        )
    if cleaned.currency not in CURRENCIES:
        errors.add("currency", translate("Customers", "Choose one of the supported currencies."))
    if len(cleaned.tier) > 20:
        errors.add("tier", translate("Customers", "The tier is at most 20 characters."))
    if any(len(t) > 40 for t in cleaned.tags):
        errors.add("tags", translate("Customers", "A tag is at most 40 characters."))
    errors.raise_if_any()
    return cleaned


def clean_contact(data: ContactInput) -> ContactInput:
    values = {f.name: _strip(getattr(data, f.name)) for f in fields(ContactInput)}
    cleaned = ContactInput(**values)
    errors = Errors()
    if not cleaned.name:
        errors.add("name", translate("Customers", "Enter the contact's name."))
    if cleaned.email and not is_email(cleaned.email):
        errors.add("email", translate("Customers", "Enter an email address like name@example.com."))
    for key in ("phone", "mobile"):
        if getattr(cleaned, key) and not is_phone(getattr(cleaned, key)):
            errors.add(
                key,
                translate(
                    "Customers", "Enter a phone number with digits, spaces, dashes or a leading +."
                ),
            )
    errors.raise_if_any()
    return cleaned


# ----------------------------------------------------------------------------- helpers

# The text fields of a customer, stored NULL when empty (also what an import may fill).
TEXT_FIELDS = (
    "name_en",
    "industry",
    "source",
    "province",
    "city",
    "address",
    "phone",
    "email",
    "website",
    "tax_id",
    "tier",
    "notes",
)


def _input_of(customer: m.Customer, tags: Sequence[str]) -> CustomerInput:
    return CustomerInput(
        name=customer.name,
        kind=customer.kind,
        **{k: getattr(customer, k) or "" for k in TEXT_FIELDS},
        potential_value=customer.potential_value,
        currency=customer.currency,
        strategic_fit=customer.strategic_fit,
        owner_id=customer.owner_id,
        tags=tuple(tags),
    )


def _apply(customer: m.Customer, data: CustomerInput) -> None:
    customer.name = data.name
    customer.kind = data.kind
    for key in TEXT_FIELDS:
        setattr(customer, key, getattr(data, key) or None)
    customer.potential_value = data.potential_value
    customer.currency = data.currency
    customer.strategic_fit = data.strategic_fit
    customer.owner_id = data.owner_id


def _contact_row(c: m.Contact) -> ContactRow:
    return ContactRow(c.id, c.customer_id, **asdict(_contact_input(c)))


def _tag_names(session: Session, customer_id: int) -> list[str]:
    return list(
        session.scalars(
            select(m.Tag.name)
            .join(m.CustomerTag, m.CustomerTag.tag_id == m.Tag.id)
            .where(m.CustomerTag.customer_id == customer_id)
            .order_by(m.Tag.name)
        )
    )


def _set_tags(session: Session, customer_id: int, names: Sequence[str]) -> None:
    session.execute(delete(m.CustomerTag).where(m.CustomerTag.customer_id == customer_id))
    for name in names:
        tag_id = session.scalar(select(m.Tag.id).where(m.Tag.name == name))
        if tag_id is None:
            tag = m.Tag(name=name)
            session.add(tag)
            session.flush()
            tag_id = tag.id
        session.add(m.CustomerTag(customer_id=customer_id, tag_id=tag_id))


def trashed_customer_ids() -> Select[int]:
    """The ids of the customers in the trash, from the trash's (entity, entity_id) index: a
    few rows, read once per query, where testing ``deleted_at`` would read each customer's
    row. Deleting and restoring write the entry together with ``deleted_at``."""
    return select(m.TrashEntry.entity_id).where(m.TrashEntry.entity == _ENTITY)


def _live(session: Session, customer_id: int) -> m.Customer:
    customer = session.get(m.Customer, customer_id)
    if customer is None or customer.deleted_at is not None:
        raise NotFoundError(translate("Customers", "This customer no longer exists."))
    return customer


def ensure_stats(session: Session, customer_id: int) -> m.CustomerStats:
    stats = session.get(m.CustomerStats, customer_id)
    if stats is None:
        stats = m.CustomerStats(customer_id=customer_id)
        session.add(stats)
    return stats


# ------------------------------------------------------------------------- the service


class CustomersService:
    """Everything the Customers tab reads and writes; one transaction per call."""

    def __init__(self, db: Database) -> None:
        self._db = db

    # ---------------------------------------------------------------- the list

    def _conditions(
        self, flt: CustomerFilter, now: datetime | None = None
    ) -> list[ColumnElement[bool]]:
        from sms_desktop.persistence.search import match_condition

        c, cs = m.Customer, m.CustomerStats
        conditions: list[ColumnElement[bool]] = [c.deleted_at.is_(None)]
        if flt.unassigned:
            conditions.append(c.owner_id.is_(None))
        elif flt.owner_id is not None:
            conditions.append(c.owner_id == flt.owner_id)
        if flt.tier:
            conditions.append(c.tier == flt.tier)
        if flt.industry:
            conditions.append(c.industry == flt.industry)
        if flt.city:
            conditions.append(c.city == flt.city)
        if flt.tag_id is not None:
            conditions.append(
                exists().where(
                    m.CustomerTag.customer_id == c.id, m.CustomerTag.tag_id == flt.tag_id
                )
            )
        if flt.no_contact_days:
            cutoff = (now or clock().now()) - timedelta(days=flt.no_contact_days)
            conditions.append(
                or_(cs.last_interaction_at.is_(None), cs.last_interaction_at < cutoff)
            )
        term = flt.search.strip().casefold()
        if len(term) == 1 and term.isascii() and term.isalnum():
            # One letter or digit matches nearly everything as a substring: take it as the
            # start of the name instead (Chinese names by pinyin: "s" finds 上海…, 深圳…).
            conditions.append(c.sort_name >= term)
            conditions.append(c.sort_name < term + "\uffff")
        else:
            matched = match_condition(flt.search, c.id)
            if matched is not None:
                conditions.append(matched)
        return conditions

    def _list_query(
        self,
        flt: CustomerFilter,
        order_by: CustomerSortKey,
        descending: bool,
        now: datetime | None = None,
    ) -> Select[*tuple[Any, ...]]:
        c, cs, sp = m.Customer, m.CustomerStats, m.Salesperson
        tags = (
            select(joined(m.Tag.name, "、"))
            .join(m.CustomerTag, m.CustomerTag.tag_id == m.Tag.id)
            .where(m.CustomerTag.customer_id == c.id)
            .scalar_subquery()
        )
        sort_columns: dict[str, Any] = {
            "name": c.sort_name,
            "city": c.city,
            "industry": c.industry,
            "tier": c.tier,
            "owner": sp.name,
            "last_interaction": cs.last_interaction_at,
            "revenue_12m": cs.revenue_12m,
            "open_pipeline": cs.open_pipeline,
            "created": c.created_at,
        }
        key = sort_columns[order_by]
        # Empty values sort last either way, then the id keeps the order stable. The default
        # sort (sort_name, NOT NULL) stays a plain index walk: no NULL term for it.
        ordering: list[Any] = [] if order_by == "name" else [key.is_(None)]
        ordering += [
            key.desc() if descending else key.asc(),
            c.id.desc() if descending else c.id.asc(),
        ]
        return (
            select(
                c.id,
                c.name,
                c.city,
                c.industry,
                c.tier,
                c.segment,
                sp.name,
                cs.last_interaction_at,
                func.coalesce(cs.revenue_12m, 0),
                func.coalesce(cs.open_pipeline, 0),
                func.coalesce(tags, ""),
            )
            .select_from(c)
            .outerjoin(cs, cs.customer_id == c.id)
            .outerjoin(sp, sp.id == c.owner_id)
            .where(and_(*self._conditions(flt, now)))
            .order_by(*ordering)
        )

    @staticmethod
    def _row(r: Any) -> CustomerRow:
        return CustomerRow(*r)

    def count_customers(
        self, flt: CustomerFilter = CustomerFilter(), *, cap: int | None = None
    ) -> int:
        """How many customers match; with ``cap``, counting stops there (a one-letter
        search can match most of a large database, and "10,000+" is all a user needs)."""
        inner = select(m.Customer.id).where(and_(*self._conditions(flt)))
        if flt.no_contact_days:
            inner = inner.outerjoin(m.CustomerStats, m.CustomerStats.customer_id == m.Customer.id)
        if flt == CustomerFilter():
            # All live customers: a range on the name lets SQLite count the small partial
            # index of live customers instead of reading the wide table (3× faster).
            inner = inner.where(m.Customer.sort_name >= "")
        if cap is not None:
            inner = inner.limit(cap)
        query = select(func.count()).select_from(inner.subquery())
        with self._db.read() as session:
            return session.scalar(query) or 0

    def list_customers(
        self,
        flt: CustomerFilter = CustomerFilter(),
        *,
        offset: int = 0,
        limit: int = 256,
        order_by: CustomerSortKey = "name",
        descending: bool = False,
    ) -> list[CustomerRow]:
        """One page of the list."""
        # Two steps: find the page's ids (sorting only ids and sort keys), then read the wide
        # rows (tags, figures) of those ids alone — not of every match before the sort.
        ids = (
            self._list_query(flt, order_by, descending)
            .with_only_columns(m.Customer.id, maintain_column_froms=True)
            .offset(offset)
            .limit(limit)
        )
        query = self._list_query(CustomerFilter(), order_by, descending).where(
            m.Customer.id.in_(ids.scalar_subquery())
        )
        with self._db.read() as session:
            return [self._row(r) for r in session.execute(query)]

    def iter_customers(
        self,
        flt: CustomerFilter,
        *,
        order_by: CustomerSortKey = "name",
        descending: bool = False,
        batch: int = 2000,
    ) -> Iterator[CustomerRow]:
        """Every matching row in list order, read in batches (for exports)."""
        query = self._list_query(flt, order_by, descending)
        with self._db.read() as session:
            result = session.execute(query.execution_options(yield_per=batch))
            for r in result:
                yield self._row(r)

    # ------------------------------------------------------------ the list protocol

    def count_rows(self, flt: CustomerFilter, /, *, cap: int | None = None) -> int:
        return self.count_customers(flt, cap=cap)

    def page_rows(
        self, flt: CustomerFilter, order: Order[CustomerSortKey], /, *, offset: int, limit: int
    ) -> list[CustomerRow]:
        return self.list_customers(
            flt, offset=offset, limit=limit, order_by=order.key, descending=order.descending
        )

    def iter_rows(
        self, flt: CustomerFilter, order: Order[CustomerSortKey], /
    ) -> Iterator[CustomerRow]:
        return self.iter_customers(flt, order_by=order.key, descending=order.descending)

    def filter_options(self, *, places: bool = True) -> FilterOptions:
        """The choices of the filter bar; without ``places`` the industries and cities
        (which read the whole table) are left empty."""
        c = m.Customer
        live = c.deleted_at.is_(None)

        def distinct(column: Any) -> tuple[str, ...]:
            return tuple(
                session.scalars(
                    select(column)
                    .where(live, column.is_not(None), column != "")
                    .distinct()
                    .order_by(column)
                )
            )

        with self._db.read() as session:
            owners = read_salespeople(session, active_only=True)
            tags = tuple(
                Option(i, n)
                for i, n in session.execute(select(m.Tag.id, m.Tag.name).order_by(m.Tag.name))
            )
            if not places:
                return FilterOptions(owners, distinct(c.tier), (), (), tags)
            return FilterOptions(
                owners, distinct(c.tier), distinct(c.industry), distinct(c.city), tags
            )

    # ---------------------------------------------------------------- one customer

    def get(self, customer_id: int) -> CustomerDetail:
        with self._db.read() as session:
            customer = session.get(m.Customer, customer_id)
            if customer is None:
                raise NotFoundError(translate("Customers", "This customer no longer exists."))
            contacts = session.scalars(
                select(m.Contact)
                .where(m.Contact.customer_id == customer_id, m.Contact.deleted_at.is_(None))
                .order_by(m.Contact.is_primary.desc(), m.Contact.name)
            )
            owner = session.get(m.Salesperson, customer.owner_id) if customer.owner_id else None
            return CustomerDetail(
                customer.id,
                _input_of(customer, _tag_names(session, customer_id)),
                owner.name if owner else None,
                customer.segment,
                customer.created_at,
                customer.updated_at,
                customer.deleted_at is not None,
                tuple(_contact_row(c) for c in contacts),
            )

    def create(self, data: CustomerInput) -> int:
        cleaned = clean_customer(data)
        with self._db.write() as session:
            customer = m.Customer(name=cleaned.name)
            _apply(customer, cleaned)
            session.add(customer)
            session.flush()
            _set_tags(session, customer.id, cleaned.tags)
            ensure_stats(session, customer.id)
            audit.record(session, _ENTITY, customer.id, AuditAction.CREATE, new=cleaned.name)
            return customer.id

    def update(self, customer_id: int, data: CustomerInput) -> CustomerInput:
        """Save the form; returns the previous values (what Undo puts back)."""
        cleaned = clean_customer(data)
        with self._db.write() as session:
            customer = _live(session, customer_id)
            before = _input_of(customer, _tag_names(session, customer_id))
            _apply(customer, cleaned)
            if before.tags != cleaned.tags:
                _set_tags(session, customer_id, cleaned.tags)
            audit.record_changes(session, _ENTITY, customer_id, asdict(before), asdict(cleaned))
            return before

    def delete(self, customer_id: int) -> None:
        """Move to the trash; contacts, history and deals stay attached for a restore."""
        with self._db.write() as session:
            customer = _live(session, customer_id)
            move_to_trash(session, _ENTITY, customer, customer.name)

    def restore(self, customer_id: int) -> None:
        with self._db.write() as session:
            customer = session.get(m.Customer, customer_id)
            if customer is None:
                raise NotFoundError(translate("Customers", "This customer no longer exists."))
            if customer.merged_into_id is not None:
                kept = session.get(m.Customer, customer.merged_into_id)
                raise ConflictError(
                    translate(
                        "Customers",
                        "{name} was merged into {kept}: its contacts and history are there now. "
                        "Undo the merge (Ctrl+Z) to separate them again.",
                    ).format(name=customer.name, kept=kept.name if kept else "?")
                )
            take_out_of_trash(session, _ENTITY, customer, customer.name)

    def key_figures(self, customer_id: int, today: date | None = None) -> KeyFigures:
        today = today or clock().today()
        o = m.Order
        counted = and_(o.customer_id == customer_id, *revenue_filter(o))
        with self._db.read() as session:
            lifetime, orders, first, last = session.execute(
                select(
                    func.coalesce(func.sum(revenue_amount(o)), 0),
                    func.count(),
                    func.min(o.order_date),
                    func.max(o.order_date),
                ).where(counted)
            ).one()
            recent = session.scalar(
                select(func.coalesce(func.sum(revenue_amount(o)), 0)).where(
                    counted, o.order_date > today - timedelta(days=365)
                )
            ) or Decimal("0.00")
            opp = m.Opportunity
            open_count, open_value = session.execute(
                select(func.count(), func.coalesce(func.sum(opp.amount), 0)).where(
                    opp.customer_id == customer_id,
                    opp.status == OpportunityStatus.OPEN,
                    opp.deleted_at.is_(None),
                )
            ).one()
            tasks = (
                session.scalar(
                    select(func.count())
                    .select_from(m.Activity)
                    .where(
                        m.Activity.customer_id == customer_id,
                        m.Activity.done_at.is_(None),
                        m.Activity.deleted_at.is_(None),
                    )
                )
                or 0
            )
        average: Decimal | None = None
        if orders > 1 and first and last:
            average = (Decimal((last - first).days) / (orders - 1)).quantize(
                Decimal("0.1"), rounding=ROUND_HALF_UP
            )
        return KeyFigures(
            revenue_12m=recent,
            revenue_lifetime=lifetime,
            orders=orders,
            last_order=last,
            average_days_between_orders=average,
            open_opportunities=open_count,
            open_pipeline=open_value,
            open_tasks=tasks,
        )

    # -------------------------------------------------------------------- contacts

    def add_contact(self, customer_id: int, data: ContactInput) -> int:
        cleaned = clean_contact(data)
        with self._db.write() as session:
            _live(session, customer_id)
            has_primary = session.scalar(
                select(func.count())
                .select_from(m.Contact)
                .where(
                    m.Contact.customer_id == customer_id,
                    m.Contact.is_primary,
                    m.Contact.deleted_at.is_(None),
                )
            )
            contact = m.Contact(customer_id=customer_id, **_contact_values(cleaned))
            contact.is_primary = cleaned.is_primary or not has_primary
            session.add(contact)
            session.flush()
            if contact.is_primary:
                _only_primary(session, customer_id, contact.id)
            audit.record(session, "contact", contact.id, AuditAction.CREATE, new=cleaned.name)
            return contact.id

    def update_contact(self, contact_id: int, data: ContactInput) -> ContactInput:
        cleaned = clean_contact(data)
        with self._db.write() as session:
            contact = _live_contact(session, contact_id)
            before = _contact_input(contact)
            for key, value in _contact_values(cleaned).items():
                setattr(contact, key, value)
            if cleaned.is_primary:
                _only_primary(session, contact.customer_id, contact.id)
            audit.record_changes(session, "contact", contact_id, asdict(before), asdict(cleaned))
            return before

    def remove_contact(self, contact_id: int) -> None:
        with self._db.write() as session:
            contact = _live_contact(session, contact_id)
            contact.deleted_at = clock().now()
            contact.is_primary = False
            audit.record(session, "contact", contact_id, AuditAction.DELETE, old=contact.name)

    def restore_contact(self, contact_id: int) -> None:
        with self._db.write() as session:
            contact = session.get(m.Contact, contact_id)
            if contact is None:
                raise NotFoundError(translate("Customers", "This contact no longer exists."))
            contact.deleted_at = None
            has_primary = session.scalar(
                select(func.count())
                .select_from(m.Contact)
                .where(
                    m.Contact.customer_id == contact.customer_id,
                    m.Contact.id != contact_id,
                    m.Contact.is_primary,
                    m.Contact.deleted_at.is_(None),
                )
            )
            if not has_primary:
                contact.is_primary = True
            audit.record(session, "contact", contact_id, AuditAction.RESTORE, new=contact.name)


def _contact_values(data: ContactInput) -> dict[str, Any]:
    return {
        "name": data.name,
        "title": data.title or None,
        "buying_role": data.buying_role,
        "phone": data.phone or None,
        "mobile": data.mobile or None,
        "email": data.email or None,
        "wechat": data.wechat or None,
        "is_primary": data.is_primary,
        "notes": data.notes or None,
    }


def _contact_input(c: m.Contact) -> ContactInput:
    return ContactInput(
        c.name,
        c.title or "",
        c.buying_role,
        c.phone or "",
        c.mobile or "",
        c.email or "",
        c.wechat or "",
        c.is_primary,
        c.notes or "",
    )


def _live_contact(session: Session, contact_id: int) -> m.Contact:
    contact = session.get(m.Contact, contact_id)
    if contact is None or contact.deleted_at is not None:
        raise NotFoundError(translate("Customers", "This contact no longer exists."))
    return contact


def _only_primary(session: Session, customer_id: int, contact_id: int) -> None:
    for other in session.scalars(
        select(m.Contact).where(
            m.Contact.customer_id == customer_id, m.Contact.id != contact_id, m.Contact.is_primary
        )
    ):
        other.is_primary = False


def refresh_stats_if_stale(db: Database, today: date | None = None) -> bool:
    """Recompute every customer's figures once a day (revenue of the last 12 months moves
    with the calendar); returns True when it did."""
    from sms_desktop.services.stats import refresh_customer_stats

    today = today or clock().today()
    with db.read() as session:
        row = session.get(m.Setting, _STATS_DAY_KEY)
        done_for = row.value if row is not None else None
        has_customers = session.scalar(select(m.Customer.id).limit(1)) is not None
    if not has_customers or done_for == json.dumps(today.isoformat()):
        return False
    with db.write() as session:
        refresh_customer_stats(session.connection(), today=today)
        # The business day the figures were computed for (not the UTC clock of the run).
        session.merge(m.Setting(key=_STATS_DAY_KEY, value=json.dumps(today.isoformat())))
    return True


_STATS_DAY_KEY = "stats.computed_for"
