"""Price lists and their rules: for a customer tier or one customer, by product or category.

Which rule sets a line's price is decided by :mod:`sms_desktop.domain.pricing` (the most
specific valid rule wins); this service only keeps the lists and rules, validated.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sms_desktop.domain.enums import AuditAction
from sms_desktop.domain.errors import Errors, NotFoundError
from sms_desktop.domain.i18n import translate
from sms_desktop.domain.money import MAX_AMOUNT, money_text
from sms_desktop.domain.pricing import PriceRuleSpec, describe_rule
from sms_desktop.domain.quotes import MAX_QUANTITY
from sms_desktop.persistence import models as m
from sms_desktop.persistence.db import Database
from sms_desktop.services import audit

MAX_NAME = 120
MAX_TIER = 20
_LIST = "price_list"
_RULE = "price_rule"


@dataclass(frozen=True, slots=True)
class PriceListRow:
    id: int
    name: str
    customer_tier: str | None
    customer_id: int | None
    customer: str | None
    valid_from: date | None
    valid_to: date | None
    active: bool
    rules: int

    def as_input(self) -> PriceListInput:
        return PriceListInput(
            name=self.name,
            customer_tier=self.customer_tier,
            customer_id=self.customer_id,
            valid_from=self.valid_from,
            valid_to=self.valid_to,
            active=self.active,
        )


@dataclass(frozen=True, slots=True)
class PriceListInput:
    name: str
    customer_tier: str | None = None  # exactly one of these two
    customer_id: int | None = None
    valid_from: date | None = None
    valid_to: date | None = None
    active: bool = True


@dataclass(frozen=True, slots=True)
class RuleRow:
    id: int
    price_list_id: int
    product_id: int | None
    product: str | None  # "SKU name"
    category_id: int | None
    category_zh: str | None
    category_en: str | None
    min_quantity: Decimal
    discount_percent: Decimal | None
    fixed_price: Decimal | None
    valid_from: date | None
    valid_to: date | None
    label: str  # as printed beside a quote line, e.g. "A类价 −8%, ≥ 100"

    def target(self, language: str) -> str:
        if self.product is not None:
            return self.product
        return (self.category_zh if language == "zh_CN" else self.category_en) or ""

    def as_input(self) -> RuleInput:
        return RuleInput(
            product_id=self.product_id,
            category_id=self.category_id,
            min_quantity=self.min_quantity,
            discount_percent=self.discount_percent,
            fixed_price=self.fixed_price,
            valid_from=self.valid_from,
            valid_to=self.valid_to,
        )


@dataclass(frozen=True, slots=True)
class RuleInput:
    product_id: int | None = None  # exactly one of these two
    category_id: int | None = None
    min_quantity: Decimal = Decimal(0)
    discount_percent: Decimal | None = None  # exactly one of these two
    fixed_price: Decimal | None = None
    valid_from: date | None = None
    valid_to: date | None = None


@dataclass(frozen=True, slots=True)
class PriceListCopy:
    """A deleted price list with its rules, as an undo puts it back."""

    data: PriceListInput
    rules: tuple[RuleInput, ...]


def _check_dates(errors: Errors, start: date | None, end: date | None) -> None:
    if start is not None and end is not None and end < start:
        errors.add("valid_to", translate("Pricing", "The end date is before the start date."))


def _clean_list(data: PriceListInput) -> PriceListInput:
    tier = (data.customer_tier or "").strip() or None
    data = replace(data, name=data.name.strip(), customer_tier=tier)
    errors = Errors()
    if not data.name:
        errors.add("name", translate("Pricing", "Enter a name for the price list."))
    elif len(data.name) > MAX_NAME:
        errors.add(
            "name", translate("Pricing", "At most {limit} characters.").format(limit=MAX_NAME)
        )
    if (data.customer_tier is None) == (data.customer_id is None):
        errors.add(
            "customer_tier",
            translate("Pricing", "A price list is for one customer tier or for one customer."),
        )
    elif tier is not None and len(tier) > MAX_TIER:
        errors.add(
            "customer_tier",
            translate("Pricing", "At most {limit} characters.").format(limit=MAX_TIER),
        )
    _check_dates(errors, data.valid_from, data.valid_to)
    errors.raise_if_any()
    return data


def _clean_rule(data: RuleInput) -> RuleInput:
    errors = Errors()
    if (data.product_id is None) == (data.category_id is None):
        errors.add(
            "product_id", translate("Pricing", "A rule is for one product or for one category.")
        )
    quantity = data.min_quantity
    if quantity.is_finite() and quantity > MAX_QUANTITY:
        errors.add(
            "min_quantity",
            translate("Pricing", "The minimum quantity is at most {limit}.").format(
                limit=f"{MAX_QUANTITY:,f}"
            ),
        )
    elif (
        not quantity.is_finite() or quantity < 0 or quantity != quantity.quantize(Decimal("0.001"))
    ):
        errors.add(
            "min_quantity",
            translate("Pricing", "The minimum quantity is 0 or more, with at most three decimals."),
        )
    if (data.discount_percent is None) == (data.fixed_price is None):
        errors.add(
            "discount_percent",
            translate("Pricing", "A rule gives either a discount or a fixed price."),
        )
    discount = data.discount_percent
    if discount is not None and (
        not discount.is_finite()
        or not 0 <= discount <= 100
        or discount != discount.quantize(Decimal("0.01"))
    ):
        errors.add(
            "discount_percent",
            translate("Pricing", "The discount is a percentage from 0 to 100."),
        )
    fixed = data.fixed_price
    if fixed is not None and fixed.is_finite() and fixed > MAX_AMOUNT:
        errors.add(
            "fixed_price",
            translate("Pricing", "The price is at most {limit}.").format(
                limit=money_text(MAX_AMOUNT)
            ),
        )
    elif fixed is not None and (
        not fixed.is_finite()
        or not 0 <= fixed <= MAX_AMOUNT
        or fixed != fixed.quantize(Decimal("0.01"))
    ):
        errors.add(
            "fixed_price",
            translate("Pricing", "The price is an amount of 0 or more with at most two decimals."),
        )
    _check_dates(errors, data.valid_from, data.valid_to)
    errors.raise_if_any()
    return data


def _list_not_found() -> NotFoundError:
    return NotFoundError(translate("Pricing", "This price list no longer exists."))


class PricingService:
    def __init__(self, db: Database) -> None:
        self._db = db

    # ------------------------------------------------------------------ lists

    def price_lists(self) -> list[PriceListRow]:
        counts = (
            select(m.PriceRule.price_list_id, func.count().label("n"))
            .group_by(m.PriceRule.price_list_id)
            .subquery()
        )
        query = (
            select(
                m.PriceList.id,
                m.PriceList.name,
                m.PriceList.customer_tier,
                m.PriceList.customer_id,
                m.Customer.name,
                m.PriceList.valid_from,
                m.PriceList.valid_to,
                m.PriceList.active,
                func.coalesce(counts.c.n, 0),
            )
            .outerjoin(m.Customer, m.Customer.id == m.PriceList.customer_id)
            .outerjoin(counts, counts.c.price_list_id == m.PriceList.id)
            .order_by(
                m.PriceList.customer_id.is_not(None), m.PriceList.customer_tier, m.PriceList.name
            )
        )
        with self._db.read() as session:
            return [PriceListRow(*r) for r in session.execute(query)]

    @staticmethod
    def _check_customer(session: Session, customer_id: int | None) -> None:
        if customer_id is None:
            return
        customer = session.get(m.Customer, customer_id)
        if customer is None or customer.deleted_at is not None:
            errors = Errors()
            errors.add("customer_id", translate("Pricing", "Choose a customer."))
            errors.raise_if_any()

    def _new_list(self, session: Session, data: PriceListInput) -> m.PriceList:
        self._check_customer(session, data.customer_id)
        row = m.PriceList(
            name=data.name,
            customer_tier=data.customer_tier,
            customer_id=data.customer_id,
            valid_from=data.valid_from,
            valid_to=data.valid_to,
            active=data.active,
        )
        session.add(row)
        session.flush()
        return row

    def create_list(self, data: PriceListInput) -> int:
        data = _clean_list(data)
        with self._db.write() as session:
            row = self._new_list(session, data)
            audit.record(session, _LIST, row.id, AuditAction.CREATE, new=data.name)
            return row.id

    def update_list(self, list_id: int, data: PriceListInput) -> None:
        data = _clean_list(data)
        with self._db.write() as session:
            row = session.get(m.PriceList, list_id)
            if row is None:
                raise _list_not_found()
            self._check_customer(session, data.customer_id)
            new = {
                "name": data.name,
                "customer_tier": data.customer_tier,
                "customer_id": data.customer_id,
                "valid_from": data.valid_from,
                "valid_to": data.valid_to,
                "active": data.active,
            }
            old = {k: getattr(row, k) for k in new}
            for key, value in new.items():
                setattr(row, key, value)
            audit.record_changes(session, _LIST, list_id, old, new)

    def delete_list(self, list_id: int) -> PriceListCopy:
        """Delete a price list with its rules (quotes keep the prices they were given);
        returns what :meth:`recreate_list` needs to put it back."""
        copy = next((r for r in self.price_lists() if r.id == list_id), None)
        if copy is None:
            raise _list_not_found()
        kept = PriceListCopy(copy.as_input(), tuple(r.as_input() for r in self.rules(list_id)))
        with self._db.write() as session:
            row = session.get(m.PriceList, list_id)
            if row is None:
                raise _list_not_found()
            audit.record(session, _LIST, list_id, AuditAction.DELETE, old=row.name)
            session.delete(row)
        return kept

    def recreate_list(self, copy: PriceListCopy) -> int:
        """A deleted price list again, with its rules, in one transaction (a new id)."""
        data = _clean_list(copy.data)
        rules = [_clean_rule(r) for r in copy.rules]
        with self._db.write() as session:
            row = self._new_list(session, data)
            for rule in rules:
                self._check_target(session, rule)
                session.add(m.PriceRule(price_list_id=row.id, **_rule_values(rule)))
            audit.record(session, _LIST, row.id, AuditAction.RESTORE, new=data.name)
            return row.id

    # ------------------------------------------------------------------ rules

    def rules(self, list_id: int) -> list[RuleRow]:
        query = (
            select(
                m.PriceRule,
                m.PriceList.name,
                m.Product.sku,
                m.Product.name_zh,
                m.ProductCategory.name_zh,
                m.ProductCategory.name_en,
            )
            .join(m.PriceList, m.PriceList.id == m.PriceRule.price_list_id)
            .outerjoin(m.Product, m.Product.id == m.PriceRule.product_id)
            .outerjoin(m.ProductCategory, m.ProductCategory.id == m.PriceRule.category_id)
            .where(m.PriceRule.price_list_id == list_id)
            .order_by(
                m.PriceRule.product_id.is_(None),
                m.Product.sku,
                m.ProductCategory.name_zh,
                m.PriceRule.min_quantity,
                m.PriceRule.id,
            )
        )
        rows: list[RuleRow] = []
        with self._db.read() as session:
            for rule, list_name, sku, product_name, category_zh, category_en in session.execute(
                query
            ):
                spec = PriceRuleSpec(
                    id=rule.id,
                    list_name=list_name,
                    customer_id=None,
                    customer_tier=None,
                    product_id=rule.product_id,
                    category_id=rule.category_id,
                    min_quantity=rule.min_quantity,
                    discount_percent=rule.discount_percent,
                    fixed_price=rule.fixed_price,
                )
                rows.append(
                    RuleRow(
                        id=rule.id,
                        price_list_id=list_id,
                        product_id=rule.product_id,
                        product=f"{sku}  {product_name}" if sku is not None else None,
                        category_id=rule.category_id,
                        category_zh=category_zh,
                        category_en=category_en,
                        min_quantity=rule.min_quantity,
                        discount_percent=rule.discount_percent,
                        fixed_price=rule.fixed_price,
                        valid_from=rule.valid_from,
                        valid_to=rule.valid_to,
                        label=describe_rule(spec),
                    )
                )
        return rows

    @staticmethod
    def _check_target(session: Session, data: RuleInput) -> None:
        errors = Errors()
        if data.product_id is not None and session.get(m.Product, data.product_id) is None:
            errors.add("product_id", translate("Pricing", "This product no longer exists."))
        if (
            data.category_id is not None
            and session.get(m.ProductCategory, data.category_id) is None
        ):
            errors.add("product_id", translate("Pricing", "This category no longer exists."))
        errors.raise_if_any()

    def add_rule(self, list_id: int, data: RuleInput) -> int:
        data = _clean_rule(data)
        with self._db.write() as session:
            if session.get(m.PriceList, list_id) is None:
                raise _list_not_found()
            self._check_target(session, data)
            rule = m.PriceRule(price_list_id=list_id, **_rule_values(data))
            session.add(rule)
            session.flush()
            audit.record(session, _RULE, rule.id, AuditAction.CREATE, new=list_id)
            return rule.id

    def update_rule(self, rule_id: int, data: RuleInput) -> None:
        data = _clean_rule(data)
        with self._db.write() as session:
            rule = session.get(m.PriceRule, rule_id)
            if rule is None:
                raise NotFoundError(translate("Pricing", "This rule no longer exists."))
            self._check_target(session, data)
            new = _rule_values(data)
            old = {k: getattr(rule, k) for k in new}
            for key, value in new.items():
                setattr(rule, key, value)
            audit.record_changes(session, _RULE, rule_id, old, new)

    def delete_rule(self, rule_id: int) -> None:
        with self._db.write() as session:
            rule = session.get(m.PriceRule, rule_id)
            if rule is None:
                raise NotFoundError(translate("Pricing", "This rule no longer exists."))
            audit.record(session, _RULE, rule_id, AuditAction.DELETE, old=rule.price_list_id)
            session.delete(rule)


def _rule_values(data: RuleInput) -> dict[str, object]:
    return {
        "product_id": data.product_id,
        "category_id": data.category_id,
        "min_quantity": data.min_quantity,
        "discount_percent": data.discount_percent,
        "fixed_price": data.fixed_price,
        "valid_from": data.valid_from,
        "valid_to": data.valid_to,
    }
