"""Quotes: editing drafts, numbering, the status flow, revisions, accepting into an order.

A quote is identified by its **number** (``Q-2026-0012``, from the pattern in Settings read by
:mod:`sms_desktop.domain.numbering`, gap-free per year) and each change after it was sent is a new **revision** (rev A, B …) with
its own row: a sent revision is never modified again. Only drafts are edited; :meth:`revise`
copies a sent (or rejected, or expired) revision into the next draft revision.

Status flow (see :func:`sms_desktop.domain.quotes.can_change_status`): draft → sent →
accepted / rejected; a sent quote whose validity has passed becomes expired
(:meth:`expire_due`, with the day passed in so tests control the clock). Accepting creates
the order (:func:`sms_desktop.services.orders.create_order_in`, numbered from the order
pattern) and marks the quote's opportunity won, in one transaction.

Every amount is computed by :func:`sms_desktop.domain.quotes.compute` from the lines the user
entered; what the caller sends as amounts is ignored. A quote whose margin is under the
minimum in Settings is only saved with a reason, which goes into the audit log.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any, Literal, get_args

from sqlalchemy import ColumnElement, delete, func, or_, select
from sqlalchemy.orm import Session, aliased

from sms_desktop.domain.enums import (
    AuditAction,
    DocumentLanguage,
    OpportunityStatus,
    OrderSource,
    OrderStatus,
    QuoteLineKind,
    QuoteStatus,
    RoundingPolicy,
    TaxMode,
)
from sms_desktop.domain.errors import ConflictError, Errors, NotFoundError, ValidationError
from sms_desktop.domain.i18n import Message, translate
from sms_desktop.domain.money import (
    CURRENCIES,
    MAX_AMOUNT,
    MAX_DOCUMENT_TOTAL,
    MAX_LINE_TOTAL,
    ZERO,
    money_text,
    round_money,
)
from sms_desktop.domain.pricing import PricedProduct, PriceResult, PriceRuleSpec, price
from sms_desktop.domain.quotes import (
    MAX_LINES,
    MAX_QUANTITY,
    PERCENT_STEP,
    QUANTITY_STEP,
    Change,
    DiffLine,
    LineInput,
    MarginCheck,
    QuoteAction,
    QuoteTotals,
    can_change_status,
    can_do,
    check_margin,
    compute,
    diff,
    limit_problems,
    revision_letter,
)
from sms_desktop.persistence import models as m
from sms_desktop.persistence.db import Database
from sms_desktop.services import audit
from sms_desktop.services.currencies import company_currency_in, rate_on
from sms_desktop.services.followups import drop_follow_ups_in
from sms_desktop.services.lists import Order, iter_pages
from sms_desktop.services.numbering import DocumentKind, peek_number, take_number
from sms_desktop.services.orders import CreatedOrder, OrderInput, OrderLineInput, create_order_in
from sms_desktop.services.pipeline import MoveRecord, move_in_session, undo_move_in_session
from sms_desktop.services.settings import BusinessDefaults, SettingsService
from sms_desktop.services.stages import won_stage_id

QuoteSortKey = Literal[
    "number", "customer", "status", "total", "issue_date", "valid_until", "owner"
]
SORT_KEYS: tuple[QuoteSortKey, ...] = get_args(QuoteSortKey)
_ENTITY = "quote"
MAX_REASON = 500
MAX_TEXT = 4000
MAX_DESCRIPTION = 1000
MAX_UNIT = 20


# ------------------------------------------------------------------------ read models


@dataclass(frozen=True, slots=True)
class QuoteRow:
    """One quote in the list: the latest revision of its number."""

    id: int
    number: str
    revision: int
    customer_id: int
    customer: str
    status: QuoteStatus
    total: Decimal
    currency: str
    issue_date: date
    valid_until: date
    owner: str | None
    margin_reason: str | None = None  # saved below the minimum margin, with this reason

    @property
    def label(self) -> str:
        return quote_label(self.number, self.revision)

    def days_left(self, today: date) -> int:
        return (self.valid_until - today).days


def quote_label(number: str, revision: int) -> str:
    """``Q-2026-0012`` for the first revision, ``Q-2026-0012 rev B`` after it."""
    return number if revision == 1 else f"{number} rev {revision_letter(revision)}"


@dataclass(frozen=True, slots=True)
class QuoteFilter:
    status: QuoteStatus | None = None
    customer_id: int | None = None
    owner_id: int | None = None
    search: str = ""  # in the number and the customer's names


@dataclass(frozen=True, slots=True)
class LineData:
    """A line as the editor sends it (amounts are recomputed) and as it is read back."""

    kind: QuoteLineKind = QuoteLineKind.ITEM
    product_id: int | None = None
    description: str = ""
    quantity: Decimal = ZERO
    unit: str = ""
    unit_price: Decimal = ZERO
    discount_percent: Decimal = ZERO
    tax_rate: Decimal = ZERO
    price_rule_note: str | None = None
    manual_price: bool = False
    unit_cost: Decimal | None = None
    net_amount: Decimal = ZERO
    tax_amount: Decimal = ZERO
    total_amount: Decimal = ZERO
    sku: str | None = None
    product_names: tuple[str, str] | None = None  # the product's (Chinese, English) names

    def as_input(self) -> LineInput:
        return LineInput(
            quantity=self.quantity,
            unit_price=self.unit_price,
            discount_percent=self.discount_percent,
            tax_rate=self.tax_rate,
            unit_cost=self.unit_cost,
            kind=self.kind,
        )


@dataclass(frozen=True, slots=True)
class QuoteInput:
    customer_id: int
    issue_date: date
    valid_until: date
    contact_id: int | None = None
    opportunity_id: int | None = None
    owner_id: int | None = None
    currency: str = "CNY"
    tax_mode: TaxMode = TaxMode.EXCLUSIVE
    rounding_policy: RoundingPolicy = RoundingPolicy.PER_LINE
    language: DocumentLanguage | None = None
    notes: str = ""
    terms: str = ""
    lines: tuple[LineData, ...] = ()
    margin_reason: str = ""  # needed when the margin is under the minimum


@dataclass(frozen=True, slots=True)
class PartyInfo:
    """The customer block of the PDF."""

    name: str
    name_en: str | None
    address: str | None
    tax_id: str | None
    phone: str | None
    email: str | None
    contact: str | None
    contact_phone: str | None
    contact_email: str | None
    quote_language: DocumentLanguage | None


@dataclass(frozen=True, slots=True)
class RevisionRef:
    id: int
    revision: int
    status: QuoteStatus

    @property
    def letter(self) -> str:
        return revision_letter(self.revision)


@dataclass(frozen=True, slots=True)
class QuoteDetail:
    id: int
    number: str
    revision: int
    status: QuoteStatus
    customer_id: int
    contact_id: int | None
    opportunity_id: int | None
    owner_id: int | None
    owner: str | None
    issue_date: date
    valid_until: date
    currency: str
    tax_mode: TaxMode
    rounding_policy: RoundingPolicy
    language: DocumentLanguage | None
    notes: str
    terms: str
    lines: tuple[LineData, ...]
    subtotal: Decimal
    discount_total: Decimal
    tax_total: Decimal
    total: Decimal
    margin_override_reason: str | None
    sent_at: datetime | None
    decided_at: datetime | None
    party: PartyInfo
    revisions: tuple[RevisionRef, ...] = field(default=())
    order_id: int | None = None

    @property
    def label(self) -> str:
        return quote_label(self.number, self.revision)

    @property
    def editable(self) -> bool:
        return can_do(self.status, QuoteAction.EDIT)

    def totals(self) -> QuoteTotals:
        """The stored totals (with the per-rate taxes) from the stored line amounts."""
        from sms_desktop.domain.quotes import LineAmounts, totals_of

        amounts = [
            LineAmounts(
                round_money(line.quantity * line.unit_price)
                if line.kind is QuoteLineKind.ITEM
                else ZERO,
                line.net_amount,
                line.tax_amount,
                line.total_amount,
            )
            for line in self.lines
        ]
        return totals_of(amounts, [line.tax_rate for line in self.lines], tax_mode=self.tax_mode)

    def as_input(self) -> QuoteInput:
        return QuoteInput(
            customer_id=self.customer_id,
            issue_date=self.issue_date,
            valid_until=self.valid_until,
            contact_id=self.contact_id,
            opportunity_id=self.opportunity_id,
            owner_id=self.owner_id,
            currency=self.currency,
            tax_mode=self.tax_mode,
            rounding_policy=self.rounding_policy,
            language=self.language,
            notes=self.notes,
            terms=self.terms,
            lines=self.lines,
        )


@dataclass(frozen=True, slots=True)
class StatusChange:
    """What marking a quote sent, accepted or rejected did: the quote as it is now and what
    :meth:`QuotesService.undo_status` needs to put back."""

    quote: QuoteDetail
    previous_status: QuoteStatus
    previous_sent_at: datetime | None
    previous_decided_at: datetime | None
    order: CreatedOrder | None = None  # the order an acceptance created
    win: MoveRecord | None = None  # the acceptance's move of the deal to won


@dataclass(frozen=True, slots=True)
class OptionRow:
    """A choice for the editor's combo boxes (contacts, opportunities)."""

    id: int
    label: str


@dataclass(frozen=True, slots=True)
class DealOption:
    """An open deal the quote can be for, with the contact it is with."""

    id: int
    label: str
    contact_id: int | None


@dataclass(frozen=True, slots=True)
class CustomerChoice:
    id: int
    name: str
    tier: str | None
    quote_language: DocumentLanguage | None
    owner_id: int | None = None


class PricingContext:
    """The price rules and products one editor needs, loaded once; pricing runs in memory."""

    def __init__(
        self,
        products: dict[int, PricedProduct],
        rules: Sequence[PriceRuleSpec],
        *,
        customer_id: int | None,
        customer_tier: str | None,
    ) -> None:
        self.products = products
        self.rules = tuple(rules)
        self.customer_id = customer_id
        self.customer_tier = customer_tier

    def price(self, product_id: int, quantity: Decimal, on: date) -> PriceResult | None:
        product = self.products.get(product_id)
        if product is None:
            return None
        return price(
            product,
            self.rules,
            customer_id=self.customer_id,
            customer_tier=self.customer_tier,
            quantity=quantity,
            on=on,
        )


# ------------------------------------------------------------------------ validation


def _decimal_problem(value: Decimal, step: Decimal, low: Decimal, high: Decimal) -> bool:
    return not value.is_finite() or not low <= value <= high or value != value.quantize(step)


def _clean_lines(lines: Sequence[LineData], errors: Errors) -> tuple[LineData, ...]:
    cleaned: list[LineData] = []
    for number, line in enumerate(lines, 1):
        key = f"lines.{number}"
        description = line.description.strip()
        unit = (line.unit or "").strip()
        if line.kind is QuoteLineKind.SECTION:
            if not description:
                errors.add(
                    key,
                    translate("Quotes", "Line {n}: enter the section heading.").format(n=number),
                )
            cleaned.append(LineData(kind=QuoteLineKind.SECTION, description=description))
            continue
        if not description and line.product_id is None:
            errors.add(
                key,
                translate("Quotes", "Line {n}: choose a product or enter a description.").format(
                    n=number
                ),
            )
        if len(description) > MAX_DESCRIPTION or len(unit) > MAX_UNIT:
            errors.add(key, translate("Quotes", "Line {n}: the text is too long.").format(n=number))
        if line.quantity.is_finite() and line.quantity > MAX_QUANTITY:
            errors.add(
                key,
                translate("Quotes", "Line {n}: the quantity is at most {limit}.").format(
                    n=number, limit=f"{MAX_QUANTITY:,f}"
                ),
            )
        elif _decimal_problem(line.quantity, QUANTITY_STEP, ZERO, MAX_QUANTITY):
            errors.add(
                key,
                translate(
                    "Quotes",
                    "Line {n}: the quantity is a number of 0 or more with at most three decimals.",
                ).format(n=number),
            )
        if line.unit_price.is_finite() and line.unit_price > MAX_AMOUNT:
            errors.add(
                key,
                translate("Quotes", "Line {n}: the unit price is at most {limit}.").format(
                    n=number, limit=money_text(MAX_AMOUNT)
                ),
            )
        elif _decimal_problem(line.unit_price, Decimal("0.01"), ZERO, MAX_AMOUNT):
            errors.add(
                key,
                translate(
                    "Quotes",
                    "Line {n}: the unit price is an amount of 0 or more with at most two decimals.",
                ).format(n=number),
            )
        cost = line.unit_cost
        if cost is not None and _decimal_problem(cost, Decimal("0.01"), ZERO, MAX_AMOUNT):
            errors.add(
                key,
                translate(
                    "Quotes",
                    "Line {n}: the unit cost is an amount from 0 to {limit} "
                    "with at most two decimals.",
                ).format(n=number, limit=money_text(MAX_AMOUNT)),
            )
        if _decimal_problem(line.discount_percent, PERCENT_STEP, ZERO, Decimal(100)):
            errors.add(
                key,
                translate("Quotes", "Line {n}: the discount is a percentage from 0 to 100.").format(
                    n=number
                ),
            )
        if _decimal_problem(line.tax_rate, PERCENT_STEP, ZERO, Decimal("99.99")):
            errors.add(
                key,
                translate(
                    "Quotes", "Line {n}: the tax rate is a percentage from 0 to 99.99."
                ).format(n=number),
            )
        cleaned.append(
            replace(
                line,
                description=description,
                unit=unit,
                price_rule_note=(line.price_rule_note or None) and line.price_rule_note[:200],
            )
        )
    return tuple(cleaned)


def _clean(data: QuoteInput) -> QuoteInput:
    errors = Errors()
    if data.valid_until < data.issue_date:
        errors.add(
            "valid_until",
            translate("Quotes", "The quote must be valid at least until its issue date."),
        )
    if data.currency not in CURRENCIES:
        errors.add("currency", translate("Quotes", "Choose one of the supported currencies."))
    notes, terms = data.notes.strip(), data.terms.strip()
    if len(notes) > MAX_TEXT:
        errors.add(
            "notes", translate("Quotes", "At most {limit} characters.").format(limit=MAX_TEXT)
        )
    if len(terms) > MAX_TEXT:
        errors.add(
            "terms", translate("Quotes", "At most {limit} characters.").format(limit=MAX_TEXT)
        )
    if len(data.lines) > MAX_LINES:
        errors.add(
            "lines",
            translate(
                "Quotes", "A quote has at most {limit} lines; split it into several quotes."
            ).format(limit=MAX_LINES),
        )
    lines = _clean_lines(data.lines, errors)
    reason = data.margin_reason.strip()
    if len(reason) > MAX_REASON:
        errors.add(
            "margin_reason",
            translate("Quotes", "At most {limit} characters.").format(limit=MAX_REASON),
        )
    errors.raise_if_any()
    return replace(data, notes=notes, terms=terms, lines=lines, margin_reason=reason)


def check_limits(inputs: Sequence[LineInput], totals: QuoteTotals) -> None:
    """Refuse lines and documents over the amount limits (see domain/quotes.py), one message
    per line over them and one for the quote's total; raises ``ValidationError``."""
    problems = limit_problems(inputs, totals)
    if not problems:
        return
    errors = Errors()
    for index in problems.lines:
        errors.add(
            f"lines.{index + 1}",
            translate(
                "Quotes",
                "Line {n}: the amount is over the maximum of {limit} per line; "
                "lower the quantity or the price.",
            ).format(n=index + 1, limit=money_text(MAX_LINE_TOTAL)),
        )
    if problems.document:
        errors.add(
            "total",
            translate(
                "Quotes",
                "The quote comes to more than the maximum of {limit}; "
                "split it into several quotes.",
            ).format(limit=money_text(MAX_DOCUMENT_TOTAL)),
        )
    errors.raise_if_any()


def evaluate(data: QuoteInput, min_margin: Decimal) -> tuple[QuoteTotals, MarginCheck]:
    """The totals and the margin check of the lines as entered (the editor's live figures)."""
    return evaluate_lines(data.lines, data.tax_mode, data.rounding_policy, min_margin)


def evaluate_lines(
    lines: Sequence[LineData], tax_mode: TaxMode, rounding: RoundingPolicy, min_margin: Decimal
) -> tuple[QuoteTotals, MarginCheck]:
    """The totals and the margin check of a document's lines (a quote's or an order's)."""
    inputs = [line.as_input() for line in lines]
    totals = compute(inputs, tax_mode=tax_mode, rounding=rounding)
    return totals, check_margin(inputs, totals.lines, min_margin)


# --------------------------------------------------------------------------- service


def _not_found() -> NotFoundError:
    return NotFoundError(translate("Quotes", "This quote no longer exists."))


def _immutable() -> ConflictError:
    return ConflictError(
        translate(
            "Quotes",
            "This revision was sent and cannot be changed; edit it to make the next revision.",
        )
    )


class QuotesService:
    def __init__(self, db: Database) -> None:
        self._db = db
        self._settings = SettingsService(db)

    def business_defaults(self) -> BusinessDefaults:
        return self._settings.defaults()

    # ------------------------------------------------------------------- lists

    @staticmethod
    def _latest_revision() -> ColumnElement[bool]:
        other = aliased(m.Quote)
        latest = (
            select(func.max(other.revision))
            .where(other.number == m.Quote.number, other.deleted_at.is_(None))
            .scalar_subquery()
        )
        return m.Quote.revision == latest

    def _conditions(self, flt: QuoteFilter) -> list[ColumnElement[bool]]:
        # Quotes of customers in the trash are hidden with them, as their deals are.
        conditions = [
            m.Quote.deleted_at.is_(None),
            m.Customer.deleted_at.is_(None),
            self._latest_revision(),
        ]
        if flt.status is not None:
            conditions.append(m.Quote.status == flt.status)
        if flt.customer_id is not None:
            conditions.append(m.Quote.customer_id == flt.customer_id)
        if flt.owner_id is not None:
            conditions.append(m.Quote.owner_id == flt.owner_id)
        text = flt.search.strip()
        if text:
            escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            pattern = f"%{escaped}%"
            conditions.append(
                or_(
                    m.Quote.number.ilike(pattern, escape="\\"),
                    m.Customer.name.ilike(pattern, escape="\\"),
                    m.Customer.name_en.ilike(pattern, escape="\\"),
                )
            )
        return conditions

    def _list_select(self) -> Any:
        return (
            select(
                m.Quote.id,
                m.Quote.number,
                m.Quote.revision,
                m.Quote.customer_id,
                m.Customer.name,
                m.Quote.status,
                m.Quote.total,
                m.Quote.currency,
                m.Quote.issue_date,
                m.Quote.valid_until,
                m.Salesperson.name,
                m.Quote.margin_override_reason,
            )
            .join(m.Customer, m.Customer.id == m.Quote.customer_id)
            .outerjoin(m.Salesperson, m.Salesperson.id == m.Quote.owner_id)
        )

    def count(self, flt: QuoteFilter = QuoteFilter()) -> int:
        query = (
            select(func.count())
            .select_from(m.Quote)
            .join(m.Customer, m.Customer.id == m.Quote.customer_id)
            .where(*self._conditions(flt))
        )
        with self._db.read() as session:
            return int(session.execute(query).scalar_one())

    def list_quotes(
        self,
        flt: QuoteFilter = QuoteFilter(),
        *,
        offset: int = 0,
        limit: int = 256,
        order_by: QuoteSortKey = "issue_date",
        descending: bool = True,
    ) -> list[QuoteRow]:
        keys: dict[str, Any] = {
            "number": m.Quote.number,
            "customer": m.Customer.sort_name,
            "status": m.Quote.status,
            "total": m.Quote.total,
            "issue_date": m.Quote.issue_date,
            "valid_until": m.Quote.valid_until,
            "owner": m.Salesperson.name,
        }
        key = keys.get(order_by, m.Quote.issue_date)
        direction = [key.desc(), m.Quote.id.desc()] if descending else [key.asc(), m.Quote.id]
        query = (
            self._list_select()
            .where(*self._conditions(flt))
            .order_by(*direction)
            .offset(offset)
            .limit(limit)
        )
        with self._db.read() as session:
            return [QuoteRow(*r) for r in session.execute(query)]

    # ------------------------------------------------------------ the list protocol

    def count_rows(self, flt: QuoteFilter, /, *, cap: int | None = None) -> int:
        del cap  # one row per quote number: counted exactly
        return self.count(flt)

    def page_rows(
        self, flt: QuoteFilter, order: Order[QuoteSortKey], /, *, offset: int, limit: int
    ) -> list[QuoteRow]:
        return self.list_quotes(
            flt, offset=offset, limit=limit, order_by=order.key, descending=order.descending
        )

    def iter_rows(self, flt: QuoteFilter, order: Order[QuoteSortKey], /) -> Iterator[QuoteRow]:
        return iter_pages(
            lambda offset, limit: self.page_rows(flt, order, offset=offset, limit=limit)
        )

    # ----------------------------------------------------------------- choices

    def customer_choices(self, search: str = "", limit: int = 50) -> list[CustomerChoice]:
        query = select(
            m.Customer.id,
            m.Customer.name,
            m.Customer.tier,
            m.Customer.quote_language,
            m.Customer.owner_id,
        ).where(m.Customer.deleted_at.is_(None))
        text = search.strip()
        if text:
            escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            query = query.where(
                or_(
                    m.Customer.name.ilike(f"%{escaped}%", escape="\\"),
                    m.Customer.name_en.ilike(f"%{escaped}%", escape="\\"),
                    m.Customer.sort_name.ilike(f"{escaped}%", escape="\\"),
                )
            )
        query = query.order_by(m.Customer.sort_name, m.Customer.id).limit(limit)
        with self._db.read() as session:
            return [CustomerChoice(*r) for r in session.execute(query)]

    def customer_choice(self, customer_id: int) -> CustomerChoice:
        with self._db.read() as session:
            row = session.execute(
                select(
                    m.Customer.id,
                    m.Customer.name,
                    m.Customer.tier,
                    m.Customer.quote_language,
                    m.Customer.owner_id,
                ).where(m.Customer.id == customer_id, m.Customer.deleted_at.is_(None))
            ).one_or_none()
        if row is None:
            raise NotFoundError(translate("Quotes", "This customer no longer exists."))
        return CustomerChoice(*row)

    def contacts_of(self, customer_id: int) -> list[OptionRow]:
        with self._db.read() as session:
            rows = session.execute(
                select(m.Contact.id, m.Contact.name)
                .where(m.Contact.customer_id == customer_id, m.Contact.deleted_at.is_(None))
                .order_by(m.Contact.is_primary.desc(), m.Contact.name)
            ).all()
        return [OptionRow(*r) for r in rows]

    def opportunities_of(self, customer_id: int) -> list[DealOption]:
        with self._db.read() as session:
            rows = session.execute(
                select(m.Opportunity.id, m.Opportunity.title, m.Opportunity.contact_id)
                .where(
                    m.Opportunity.customer_id == customer_id,
                    m.Opportunity.deleted_at.is_(None),
                    m.Opportunity.status == OpportunityStatus.OPEN,
                )
                .order_by(m.Opportunity.title)
            ).all()
        return [DealOption(*r) for r in rows]

    def pricing(self, customer_id: int | None) -> PricingContext:
        """Everything needed to price lines for this customer (all dates: the editor passes
        the issue date to each call)."""
        with self._db.read() as session:
            tier = None
            if customer_id is not None:
                tier = session.execute(
                    select(m.Customer.tier).where(m.Customer.id == customer_id)
                ).scalar_one_or_none()
            products = {
                pid: PricedProduct(pid, category, list_price)
                for pid, category, list_price in session.execute(
                    select(m.Product.id, m.Product.category_id, m.Product.list_price).where(
                        m.Product.deleted_at.is_(None)
                    )
                )
            }
            lists = m.PriceList
            scope = [lists.customer_tier == tier] if tier else []
            if customer_id is not None:
                scope.append(lists.customer_id == customer_id)
            rules: list[PriceRuleSpec] = []
            if scope:
                query = (
                    select(m.PriceRule, lists)
                    .join(lists, lists.id == m.PriceRule.price_list_id)
                    .where(lists.active.is_(True), or_(*scope))
                )
                for rule, plist in session.execute(query):
                    starts = [d for d in (plist.valid_from, rule.valid_from) if d is not None]
                    ends = [d for d in (plist.valid_to, rule.valid_to) if d is not None]
                    rules.append(
                        PriceRuleSpec(
                            id=rule.id,
                            list_name=plist.name,
                            customer_id=plist.customer_id,
                            customer_tier=plist.customer_tier
                            if plist.customer_id is None
                            else None,
                            product_id=rule.product_id,
                            category_id=rule.category_id,
                            min_quantity=rule.min_quantity,
                            discount_percent=rule.discount_percent,
                            fixed_price=rule.fixed_price,
                            valid_from=max(starts) if starts else None,
                            valid_to=min(ends) if ends else None,
                        )
                    )
        return PricingContext(products, rules, customer_id=customer_id, customer_tier=tier)

    # ------------------------------------------------------------------ reading

    def new_quote(self, customer_id: int, *, today: date) -> QuoteInput:
        """A blank quote for this customer with the defaults from Settings."""
        defaults = self._settings.defaults()
        customer = self.customer_choice(customer_id)
        owner = customer.owner_id
        return QuoteInput(
            customer_id=customer_id,
            issue_date=today,
            valid_until=today + timedelta(days=defaults.quote_validity_days),
            owner_id=owner,
            currency=defaults.currency,
            language=customer.quote_language or defaults.quote_language,
            notes=defaults.quote_notes,
            terms=defaults.quote_terms,
        )

    def get(self, quote_id: int) -> QuoteDetail:
        with self._db.read() as session:
            quote = session.get(m.Quote, quote_id)
            if quote is None or quote.deleted_at is not None:
                raise _not_found()
            return self._detail(session, quote)

    def find(self, number: str, revision: int | None = None) -> QuoteDetail:
        """A quote by its number: the given revision, or the latest one."""
        with self._db.read() as session:
            query = select(m.Quote).where(
                m.Quote.number == number.strip(), m.Quote.deleted_at.is_(None)
            )
            if revision is not None:
                query = query.where(m.Quote.revision == revision)
            quote = session.execute(
                query.order_by(m.Quote.revision.desc()).limit(1)
            ).scalar_one_or_none()
            if quote is None:
                if revision is None:
                    raise NotFoundError(
                        translate("Quotes", "There is no quote {number}.").format(number=number)
                    )
                raise NotFoundError(
                    translate("Quotes", "Quote {number} has no revision {revision}.").format(
                        number=number, revision=revision_letter(revision)
                    )
                )
            return self._detail(session, quote)

    @staticmethod
    def _detail(session: Session, q: m.Quote) -> QuoteDetail:
        customer = session.get(m.Customer, q.customer_id)
        assert customer is not None
        contact = session.get(m.Contact, q.contact_id) if q.contact_id else None
        owner = session.get(m.Salesperson, q.owner_id) if q.owner_id else None
        products = {
            row.id: row
            for row in session.execute(
                select(m.Product.id, m.Product.sku, m.Product.name_zh, m.Product.name_en).where(
                    m.Product.id.in_([ln.product_id for ln in q.lines if ln.product_id])
                )
            )
        }

        def line_of(ln: m.QuoteLine) -> LineData:
            product = products.get(ln.product_id) if ln.product_id else None
            return LineData(
                kind=ln.kind,
                product_id=ln.product_id,
                description=ln.description,
                quantity=ln.quantity,
                unit=ln.unit or "",
                unit_price=ln.unit_price,
                discount_percent=ln.discount_percent,
                tax_rate=ln.tax_rate,
                price_rule_note=ln.price_rule_note,
                manual_price=ln.manual_price,
                unit_cost=ln.unit_cost,
                net_amount=ln.net_amount,
                tax_amount=ln.tax_amount,
                total_amount=ln.total_amount,
                sku=product.sku if product else None,
                product_names=(product.name_zh, product.name_en) if product else None,
            )

        lines = tuple(line_of(ln) for ln in q.lines)
        revisions = tuple(
            RevisionRef(*r)
            for r in session.execute(
                select(m.Quote.id, m.Quote.revision, m.Quote.status)
                .where(m.Quote.number == q.number, m.Quote.deleted_at.is_(None))
                .order_by(m.Quote.revision)
            )
        )
        order_id = session.execute(
            select(m.Order.id).where(m.Order.quote_id == q.id).limit(1)
        ).scalar_one_or_none()
        party = PartyInfo(
            name=customer.name,
            name_en=customer.name_en,
            address=customer.address,
            tax_id=customer.tax_id,
            phone=customer.phone,
            email=customer.email,
            contact=contact.name if contact else None,
            contact_phone=(contact.mobile or contact.phone) if contact else None,
            contact_email=contact.email if contact else None,
            quote_language=customer.quote_language,
        )
        return QuoteDetail(
            id=q.id,
            number=q.number,
            revision=q.revision,
            status=q.status,
            customer_id=q.customer_id,
            contact_id=q.contact_id,
            opportunity_id=q.opportunity_id,
            owner_id=q.owner_id,
            owner=owner.name if owner else None,
            issue_date=q.issue_date,
            valid_until=q.valid_until,
            currency=q.currency,
            tax_mode=q.tax_mode,
            rounding_policy=q.rounding_policy,
            language=q.language,
            notes=q.notes or "",
            terms=q.terms or "",
            lines=lines,
            subtotal=q.subtotal,
            discount_total=q.discount_total,
            tax_total=q.tax_total,
            total=q.total,
            margin_override_reason=q.margin_override_reason,
            sent_at=q.sent_at,
            decided_at=q.decided_at,
            party=party,
            revisions=revisions,
            order_id=order_id,
        )

    # ------------------------------------------------------------------ writing

    def next_number(self, kind: DocumentKind, pattern: str, day: date) -> str:
        """The number the next ``kind`` dated ``day`` would get from ``pattern`` (a preview:
        nothing is counted). Raises ``PatternError`` if the pattern can't be used."""
        with self._db.read() as session:
            return peek_number(session, kind, pattern, day)

    @staticmethod
    def _check_references(session: Session, data: QuoteInput) -> None:
        errors = Errors()
        customer = session.get(m.Customer, data.customer_id)
        if customer is None or customer.deleted_at is not None:
            errors.add("customer_id", translate("Quotes", "Choose a customer."))
        if data.contact_id is not None:
            contact = session.get(m.Contact, data.contact_id)
            if contact is None or contact.customer_id != data.customer_id or contact.deleted_at:
                errors.add("contact_id", translate("Quotes", "Choose a contact of this customer."))
        if data.opportunity_id is not None:
            deal = session.get(m.Opportunity, data.opportunity_id)
            if deal is None or deal.customer_id != data.customer_id or deal.deleted_at:
                errors.add(
                    "opportunity_id", translate("Quotes", "Choose an opportunity of this customer.")
                )
        if data.owner_id is not None and session.get(m.Salesperson, data.owner_id) is None:
            errors.add("owner_id", translate("Quotes", "Choose a salesperson."))
        products = {ln.product_id for ln in data.lines if ln.product_id is not None}
        if products:
            found = set(
                session.execute(select(m.Product.id).where(m.Product.id.in_(products))).scalars()
            )
            if products - found:
                errors.add(
                    "lines", translate("Quotes", "A product of this quote no longer exists.")
                )
        errors.raise_if_any()

    def save(
        self, quote_id: int | None, data: QuoteInput, *, actor_id: int | None = None
    ) -> QuoteDetail:
        """Create a draft (``quote_id`` None, numbered now) or replace a draft's content.

        Raises ``ValidationError`` with the field ``margin_reason`` when the margin is under the
        minimum and no reason was given; the reason is kept on the quote and in the audit log.
        """
        data = _clean(data)
        minimum = self._settings.defaults().min_margin_percent
        totals, margin = evaluate(data, minimum)
        check_limits([line.as_input() for line in data.lines], totals)
        if margin.flagged and not data.margin_reason:
            descriptions = [line.description for line in data.lines]
            raise ValidationError({"margin_reason": margin_message(margin, minimum, descriptions)})
        pattern = self._settings.defaults().quote_number_pattern
        with self._db.write() as session:
            self._check_references(session, data)
            if quote_id is None:
                quote = m.Quote(
                    number=take_number(session, pattern, "quote", data.issue_date, m.Quote),
                    revision=1,
                    status=QuoteStatus.DRAFT,
                )
                session.add(quote)
            else:
                found = session.get(m.Quote, quote_id)
                if found is None or found.deleted_at is not None:
                    raise _not_found()
                if not can_do(found.status, QuoteAction.EDIT):
                    raise _immutable()
                quote = found
            old_total = None if quote_id is None else quote.total
            self._write(session, quote, data, totals)
            session.flush()
            if quote_id is None:
                audit.record(session, _ENTITY, quote.id, AuditAction.CREATE, new=quote.number)
            elif old_total != quote.total:
                audit.record(
                    session,
                    _ENTITY,
                    quote.id,
                    AuditAction.UPDATE,
                    field="total",
                    old=old_total,
                    new=quote.total,
                )
            if margin.flagged:
                session.add(
                    m.AuditEntry(
                        actor_id=actor_id,
                        entity=_ENTITY,
                        entity_id=quote.id,
                        action=AuditAction.OVERRIDE,
                        field="margin",
                        new_value=None
                        if margin.margin_percent is None
                        else str(margin.margin_percent),
                        reason=data.margin_reason,
                    )
                )
            return self._detail(session, quote)

    @staticmethod
    def _write(session: Session, quote: m.Quote, data: QuoteInput, totals: QuoteTotals) -> None:
        quote.customer_id = data.customer_id
        quote.contact_id = data.contact_id
        quote.opportunity_id = data.opportunity_id
        quote.owner_id = data.owner_id
        quote.issue_date = data.issue_date
        quote.valid_until = data.valid_until
        quote.currency = data.currency
        quote.exchange_rate = rate_on(
            session, data.currency, data.issue_date, company=company_currency_in(session)
        )
        quote.tax_mode = data.tax_mode
        quote.rounding_policy = data.rounding_policy
        quote.language = data.language
        quote.notes = data.notes or None
        quote.terms = data.terms or None
        quote.subtotal = totals.subtotal
        quote.discount_total = totals.discount_total
        quote.tax_total = totals.tax_total
        quote.total = totals.total
        quote.margin_override_reason = data.margin_reason or None
        quote.lines.clear()
        session.flush()  # old lines go before new ones take their positions
        for position, (line, amounts) in enumerate(zip(data.lines, totals.lines, strict=True), 1):
            item = line.kind is QuoteLineKind.ITEM
            quote.lines.append(
                m.QuoteLine(
                    position=position,
                    kind=line.kind,
                    product_id=line.product_id if item else None,
                    description=line.description,
                    quantity=line.quantity if item else ZERO,
                    unit=(line.unit or None) if item else None,
                    unit_price=line.unit_price if item else ZERO,
                    discount_percent=line.discount_percent if item else ZERO,
                    tax_rate=line.tax_rate if item else ZERO,
                    price_rule_note=line.price_rule_note if item else None,
                    manual_price=line.manual_price if item else False,
                    unit_cost=line.unit_cost if item else None,
                    net_amount=amounts.net,
                    tax_amount=amounts.tax,
                    total_amount=amounts.total,
                )
            )

    def _change_status(
        self, session: Session, quote_id: int, target: QuoteStatus, now: datetime
    ) -> tuple[m.Quote, tuple[QuoteStatus, datetime | None, datetime | None]]:
        """Move a quote to ``target``; returns it and its status, sent and decided times
        before."""
        quote = session.get(m.Quote, quote_id)
        if quote is None or quote.deleted_at is not None:
            raise _not_found()
        if not can_change_status(quote.status, target):
            if target is QuoteStatus.SENT:
                refusal = translate("Quotes", "Only a draft quote can be marked sent.")
            elif target is QuoteStatus.ACCEPTED:
                refusal = translate("Quotes", "Only a draft or sent quote can be accepted.")
            else:
                refusal = translate("Quotes", "Only a sent quote can be accepted or rejected.")
            raise ConflictError(refusal)
        audit.record(
            session,
            _ENTITY,
            quote.id,
            AuditAction.UPDATE,
            field="status",
            old=quote.status,
            new=target,
        )
        before = (quote.status, quote.sent_at, quote.decided_at)
        was_draft = quote.status is QuoteStatus.DRAFT
        quote.status = target
        if target is QuoteStatus.SENT or was_draft:  # a draft accepted at once was sent then
            quote.sent_at = now
        if target is not QuoteStatus.SENT:
            quote.decided_at = now
        return quote, before

    def send(self, quote_id: int, *, now: datetime | None = None) -> StatusChange:
        """Mark a draft sent: from now on this revision is immutable."""
        now = now or datetime.now(UTC)
        with self._db.write() as session:
            self._check_has_items(session, quote_id)
            quote, before = self._change_status(session, quote_id, QuoteStatus.SENT, now)
            return StatusChange(self._detail(session, quote), *before)

    @staticmethod
    def _check_has_items(session: Session, quote_id: int) -> None:
        quote = session.get(m.Quote, quote_id)
        if quote is not None and not any(ln.kind is QuoteLineKind.ITEM for ln in quote.lines):
            raise ValidationError(
                {"lines": translate("Quotes", "Add at least one product line before sending.")}
            )

    def reject(self, quote_id: int, *, now: datetime | None = None) -> StatusChange:
        now = now or datetime.now(UTC)
        with self._db.write() as session:
            quote, before = self._change_status(session, quote_id, QuoteStatus.REJECTED, now)
            return StatusChange(self._detail(session, quote), *before)

    def accept(self, quote_id: int, *, today: date, now: datetime | None = None) -> StatusChange:
        """Accept a sent quote (or a draft, which counts as sent now): create its order and
        mark its opportunity won, together."""
        now = now or datetime.now(UTC)
        pattern = self._settings.defaults().order_number_pattern
        with self._db.write() as session:
            self._check_has_items(session, quote_id)
            quote, before = self._change_status(session, quote_id, QuoteStatus.ACCEPTED, now)
            self._check_order_limits(quote)
            # The order (and the follow-ups it starts) in the acceptance's transaction.
            order = create_order_in(session, self._order_of(quote, today), pattern=pattern)
            win = None
            if quote.opportunity_id is not None:
                win = self._win(session, quote.opportunity_id, today, now)
            from sms_desktop.services.stats import refresh_customer_stats

            session.flush()
            refresh_customer_stats(session.connection(), [quote.customer_id])
            return StatusChange(self._detail(session, quote), *before, order=order, win=win)

    def undo_status(self, change: StatusChange) -> QuoteDetail:
        """Take back a send, an acceptance or a rejection, in one transaction: the quote's
        status and times as they were, and for an acceptance its order (with the follow-up
        tasks it started and not yet done) and the deal's win. Refused once the quote's status
        has changed again, or once the order has been paid."""
        with self._db.write() as session:
            quote = session.get(m.Quote, change.quote.id)
            if quote is None or quote.deleted_at is not None:
                raise _not_found()
            if quote.status is not change.quote.status:
                raise ConflictError(
                    translate("Quotes", "The quote's status has changed since; it stays as it is.")
                )
            if change.order is not None:
                self._take_back_order(session, change.order)
            if change.win is not None:
                undo_move_in_session(session, change.win)
            audit.record(
                session,
                _ENTITY,
                quote.id,
                AuditAction.UPDATE,
                field="status",
                old=quote.status,
                new=change.previous_status,
                reason="undo",
            )
            quote.status = change.previous_status
            quote.sent_at = change.previous_sent_at
            quote.decided_at = change.previous_decided_at
            if change.order is not None:
                from sms_desktop.services.stats import refresh_customer_stats

                session.flush()
                refresh_customer_stats(session.connection(), [quote.customer_id])
            return self._detail(session, quote)

    @staticmethod
    def _take_back_order(session: Session, created: CreatedOrder) -> None:
        order = session.get(m.Order, created.id)
        if order is None:
            return
        if order.status is not OrderStatus.CONFIRMED:  # delivered, invoiced or paid since
            raise ConflictError(
                translate(
                    "Quotes",
                    "Order {number} has been delivered or invoiced since; the acceptance can "
                    "no longer be undone.",
                ).format(number=order.number)
            )
        audit.record(session, "order", order.id, AuditAction.DELETE, old=order.number)
        session.delete(order)
        drop_follow_ups_in(session, created.follow_up_ids)

    @staticmethod
    def _check_order_limits(quote: m.Quote) -> None:
        """A quote saved before the limits existed may be over them: its order is refused
        (its amounts would not fit the database) until a revision brings it under them."""
        from sms_desktop.domain.quotes import LineAmounts, totals_of

        inputs = [
            LineInput(
                quantity=ln.quantity,
                unit_price=ln.unit_price,
                discount_percent=ln.discount_percent,
                tax_rate=ln.tax_rate,
                unit_cost=ln.unit_cost,
                kind=ln.kind,
            )
            for ln in quote.lines
        ]
        amounts = [
            LineAmounts(
                round_money(ln.quantity * ln.unit_price) if ln.kind is QuoteLineKind.ITEM else ZERO,
                ln.net_amount,
                ln.tax_amount,
                ln.total_amount,
            )
            for ln in quote.lines
        ]
        totals = totals_of(amounts, [ln.tax_rate for ln in quote.lines], tax_mode=quote.tax_mode)
        if len(quote.lines) > MAX_LINES or limit_problems(inputs, totals):
            raise ValidationError(
                {
                    "total": translate(
                        "Quotes",
                        "This quote is over the amount limits of an order ({limit}); "
                        "revise it before accepting it.",
                    ).format(limit=money_text(MAX_DOCUMENT_TOTAL))
                }
            )

    @staticmethod
    def _order_of(quote: m.Quote, today: date) -> OrderInput:
        """The order an accepted quote becomes: its product lines and totals, dated today."""
        return OrderInput(
            customer_id=quote.customer_id,
            order_date=today,
            currency=quote.currency,
            lines=tuple(
                OrderLineInput(
                    description=line.description,
                    quantity=line.quantity,
                    unit_price=line.unit_price,
                    net_amount=line.net_amount,
                    tax_amount=line.tax_amount,
                    total_amount=line.total_amount,
                    discount_percent=line.discount_percent,
                    tax_rate=line.tax_rate,
                    unit_cost=line.unit_cost,
                    product_id=line.product_id,
                    unit=line.unit,
                )
                for line in quote.lines
                if line.kind is QuoteLineKind.ITEM
            ),
            subtotal=quote.subtotal,
            tax_total=quote.tax_total,
            total=quote.total,
            owner_id=quote.owner_id,
            quote_id=quote.id,
            opportunity_id=quote.opportunity_id,
            source=OrderSource.QUOTE,
            status=OrderStatus.CONFIRMED,
            exchange_rate=quote.exchange_rate,  # the rate the customer was quoted at
            tax_mode=quote.tax_mode,
            rounding_policy=quote.rounding_policy,
        )

    @staticmethod
    def _win(
        session: Session, opportunity_id: int, today: date, now: datetime
    ) -> MoveRecord | None:
        """Move the quote's deal to the won stage through the pipeline's one move, in the
        acceptance's transaction. A deal already won stays as it is (won is final); a lost
        deal is refused by the stage rules (reopen it first); a deal in the trash is left."""
        deal = session.get(m.Opportunity, opportunity_id)
        if deal is None or deal.deleted_at is not None or deal.status is OpportunityStatus.WON:
            return None
        try:
            return move_in_session(
                session, opportunity_id, won_stage_id(session), by=None, now=now, closed_on=today
            )
        except ConflictError:
            # The stage rules refused it (a lost deal is reopened before it can be won).
            raise ConflictError(
                translate(
                    "Quotes",
                    "This quote's opportunity was lost. Reopen it on the Pipeline board, "
                    "then accept the quote.",
                )
            ) from None

    def expire_due(self, *, today: date, now: datetime | None = None) -> int:
        """Mark every sent quote whose last valid day is before ``today`` expired."""
        now = now or datetime.now(UTC)
        with self._db.write() as session:
            due = (
                session.execute(
                    select(m.Quote).where(
                        m.Quote.status == QuoteStatus.SENT,
                        m.Quote.valid_until < today,
                        m.Quote.deleted_at.is_(None),
                    )
                )
                .scalars()
                .all()
            )
            for quote in due:
                self._change_status(session, quote.id, QuoteStatus.EXPIRED, now)
            return len(due)

    def revise(self, quote_id: int) -> QuoteDetail:
        """The next revision (a draft copy) of a sent, rejected or expired quote; an existing
        newer draft revision is returned instead of making another one."""
        with self._db.write() as session:
            quote = session.get(m.Quote, quote_id)
            if quote is None or quote.deleted_at is not None:
                raise _not_found()
            latest = session.execute(
                select(m.Quote)
                .where(m.Quote.number == quote.number, m.Quote.deleted_at.is_(None))
                .order_by(m.Quote.revision.desc())
                .limit(1)
            ).scalar_one()
            if can_do(latest.status, QuoteAction.EDIT):  # a draft revision is there already
                return self._detail(session, latest)
            if not all(can_do(q.status, QuoteAction.REVISE) for q in (latest, quote)):
                raise ConflictError(
                    translate(
                        "Quotes", "An accepted quote cannot be revised; duplicate it instead."
                    )
                )
            # Revisions in the trash keep their letters: the next one is after all of them.
            highest = session.execute(
                select(func.max(m.Quote.revision)).where(m.Quote.number == latest.number)
            ).scalar_one()
            copy = self._copy(latest, number=latest.number, revision=highest + 1)
            session.add(copy)
            session.flush()
            audit.record(
                session,
                _ENTITY,
                copy.id,
                AuditAction.CREATE,
                field="revision",
                new=revision_letter(copy.revision),
            )
            return self._detail(session, copy)

    def duplicate(self, quote_id: int, *, today: date) -> QuoteDetail:
        """A new draft quote (a new number) with the same customer, lines and terms."""
        defaults = self._settings.defaults()
        with self._db.write() as session:
            quote = session.get(m.Quote, quote_id)
            if quote is None or quote.deleted_at is not None:
                raise _not_found()
            number = take_number(session, defaults.quote_number_pattern, "quote", today, m.Quote)
            copy = self._copy(quote, number=number, revision=1)
            copy.issue_date = today
            copy.valid_until = today + timedelta(days=defaults.quote_validity_days)
            session.add(copy)
            session.flush()
            audit.record(session, _ENTITY, copy.id, AuditAction.CREATE, new=number)
            return self._detail(session, copy)

    @staticmethod
    def _copy(quote: m.Quote, *, number: str, revision: int) -> m.Quote:
        names = [
            "customer_id",
            "contact_id",
            "opportunity_id",
            "owner_id",
            "issue_date",
            "valid_until",
            "currency",
            "tax_mode",
            "rounding_policy",
            "language",
            "notes",
            "terms",
            "subtotal",
            "discount_total",
            "tax_total",
            "total",
            "margin_override_reason",
        ]
        copy = m.Quote(
            number=number,
            revision=revision,
            status=QuoteStatus.DRAFT,
            **{n: getattr(quote, n) for n in names},
        )
        line_names = [
            "position",
            "kind",
            "product_id",
            "description",
            "quantity",
            "unit",
            "unit_price",
            "discount_percent",
            "tax_rate",
            "price_rule_note",
            "manual_price",
            "unit_cost",
            "net_amount",
            "tax_amount",
            "total_amount",
        ]
        copy.lines = [m.QuoteLine(**{n: getattr(ln, n) for n in line_names}) for ln in quote.lines]
        return copy

    # -------------------------------------------------------------------- trash

    def delete(self, quote_id: int) -> None:
        """Move a draft to the trash (restorable); sent revisions are kept as they were sent."""
        with self._db.write() as session:
            quote = session.get(m.Quote, quote_id)
            if quote is None or quote.deleted_at is not None:
                raise _not_found()
            if not can_do(quote.status, QuoteAction.DELETE):
                raise ConflictError(
                    translate("Quotes", "Only a draft can be deleted; a sent quote is kept.")
                )
            customer = session.get(m.Customer, quote.customer_id)
            label = quote_label(quote.number, quote.revision)
            if customer is not None:
                label = f"{label} · {customer.name}"
            now = datetime.now(UTC)
            quote.deleted_at = now
            session.add(
                m.TrashEntry(entity=_ENTITY, entity_id=quote_id, label=label[:300], deleted_at=now)
            )
            audit.record(session, _ENTITY, quote_id, AuditAction.DELETE, old=label)

    def restore(self, quote_id: int) -> None:
        with self._db.write() as session:
            quote = session.get(m.Quote, quote_id)
            if quote is None:
                raise _not_found()
            quote.deleted_at = None
            session.execute(
                delete(m.TrashEntry).where(
                    m.TrashEntry.entity == _ENTITY, m.TrashEntry.entity_id == quote_id
                )
            )
            audit.record(
                session,
                _ENTITY,
                quote_id,
                AuditAction.RESTORE,
                new=quote_label(quote.number, quote.revision),
            )

    # --------------------------------------------------------------------- diff

    def diff(self, old_id: int, new_id: int) -> list[Change]:
        """What changed between two revisions (header fields, then lines)."""
        old, new = self.get(old_id), self.get(new_id)
        return diff(_diff_fields(old), _diff_fields(new), _diff_lines(old), _diff_lines(new))

    def diff_with_previous(self, quote_id: int) -> list[Change] | None:
        """The changes since the previous revision, or None for a first revision."""
        current = self.get(quote_id)
        earlier = [r for r in current.revisions if r.revision < current.revision]
        if not earlier:
            return None
        return self.diff(earlier[-1].id, quote_id)


def _diff_fields(q: QuoteDetail) -> dict[str, object]:
    return {
        "issue_date": q.issue_date,
        "valid_until": q.valid_until,
        "contact_id": q.contact_id,
        "currency": q.currency,
        "tax_mode": q.tax_mode.value,
        "notes": q.notes,
        "terms": q.terms,
        "total": q.total,
    }


def _diff_lines(q: QuoteDetail) -> list[DiffLine]:
    return [
        DiffLine(
            kind=ln.kind,
            product_id=ln.product_id,
            description=ln.description,
            quantity=ln.quantity,
            unit=ln.unit,
            unit_price=ln.unit_price,
            discount_percent=ln.discount_percent,
            tax_rate=ln.tax_rate,
            total=ln.total_amount,
        )
        for ln in q.lines
        if ln.kind is QuoteLineKind.ITEM
    ]


def margin_message(check: MarginCheck, minimum: Decimal, descriptions: Sequence[str]) -> Message:
    """Why the quote needs a reason to be saved: the whole quote under the minimum margin,
    or the lines that are (named, with their margin), the quote's own margin beside them.
    ``descriptions`` are the lines' texts, in order."""
    ask = translate("Quotes", "Give a reason to save it anyway.")
    if check.quote_low:
        if check.margin_percent is None:
            first = translate("Quotes", "The quote earns nothing over its cost.")
        else:
            first = translate(
                "Quotes", "The quote's margin is {margin} %, under the minimum of {minimum} %."
            ).format(margin=f"{check.margin_percent}", minimum=f"{minimum}")
        return _sentences(first, ask)
    line, margin = check.low_lines[0], check.low_line_margins[0]
    name = descriptions[line] if line < len(descriptions) else ""
    if margin is None:
        problem = translate(
            "Quotes", "Line {number} ({description}) brings no revenue against its cost."
        ).format(number=line + 1, description=name)
    else:
        problem = translate(
            "Quotes",
            "Line {number} ({description}) earns {margin} %, under the minimum of {minimum} %.",
        ).format(number=line + 1, description=name, margin=f"{margin}", minimum=f"{minimum}")
    parts = [problem]
    if len(check.low_lines) > 1:
        parts.append(
            translate("Quotes", "{count} more line(s) are under the minimum too.").format(
                count=len(check.low_lines) - 1
            )
        )
    if check.margin_percent is not None:
        parts.append(
            translate("Quotes", "The quote as a whole earns {margin} %.").format(
                margin=f"{check.margin_percent}"
            )
        )
    return _sentences(*parts, ask)


def _sentences(first: Message, *more: Message) -> Message:
    """Sentences one after the other (a space between them in English, none in Chinese)."""
    joined = first
    for sentence in more:
        joined = translate("Quotes", "{first} {second}").format(first=joined, second=sentence)
    return joined
