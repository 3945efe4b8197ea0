"""The product catalogue: SKUs with Chinese and English names, prices, costs and tax rates.

The catalogue is small (hundreds to a few thousand products), so search is a plain
case-insensitive ``LIKE`` over SKU and both names. Products are never deleted (quotes and
orders refer to them); an inactive product stays on old documents but is not offered for new
lines.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict, dataclass, replace
from decimal import Decimal
from typing import Any, Literal, get_args

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from sms_desktop.domain.enums import AuditAction
from sms_desktop.domain.errors import Errors, NotFoundError, ValidationError
from sms_desktop.domain.i18n import translate
from sms_desktop.domain.money import CURRENCIES, DEFAULT_CURRENCY, MAX_AMOUNT, money_text
from sms_desktop.persistence import models as m
from sms_desktop.persistence.db import Database
from sms_desktop.persistence.search import LIKE_ESCAPE, contains_pattern
from sms_desktop.services import audit
from sms_desktop.services.lists import Order, iter_pages
from sms_desktop.services.soft_delete import move_to_trash, take_out_of_trash

ProductSortKey = Literal[
    "sku", "name", "category", "unit", "list_price", "cost", "tax_rate", "stock", "active"
]
SORT_KEYS: tuple[ProductSortKey, ...] = get_args(ProductSortKey)
_ENTITY = "product"
MAX_SKU = 60
MAX_NAME = 200
MAX_UNIT = 20
MAX_STOCK = Decimal("999999999.999")
COMMON_UNITS = ("个", "台", "套", "件", "箱", "张", "卷", "kg", "m", "次", "小时", "hour", "pcs")


@dataclass(frozen=True, slots=True)
class CategoryRow:
    id: int
    name_zh: str
    name_en: str

    def name(self, language: str) -> str:
        return self.name_zh if language == "zh_CN" else self.name_en


@dataclass(frozen=True, slots=True)
class ProductFilter:
    """What the catalogue list shows: a search in codes and names, inactive products or not."""

    search: str = ""
    include_inactive: bool = True


@dataclass(frozen=True, slots=True)
class ProductRow:
    id: int
    sku: str
    name_zh: str
    name_en: str
    description: str | None
    unit: str
    category_id: int | None
    category_zh: str | None
    category_en: str | None
    list_price: Decimal
    cost: Decimal
    currency: str
    tax_rate: Decimal
    active: bool
    stock: Decimal | None

    def name(self, language: str) -> str:
        if language == "zh_CN":
            return self.name_zh or self.name_en
        return self.name_en or self.name_zh

    def category(self, language: str) -> str:
        if language == "zh_CN":
            return self.category_zh or ""
        return self.category_en or ""

    def as_input(self) -> ProductInput:
        """The product as the form edits it (what an undo puts back)."""
        return ProductInput(
            sku=self.sku,
            name_zh=self.name_zh,
            name_en=self.name_en,
            description=self.description or "",
            unit=self.unit,
            category_id=self.category_id,
            list_price=self.list_price,
            cost=self.cost,
            currency=self.currency,
            tax_rate=self.tax_rate,
            active=self.active,
            stock=self.stock,
        )


@dataclass(frozen=True, slots=True)
class ProductInput:
    sku: str
    name_zh: str
    name_en: str = ""
    description: str = ""
    unit: str = "个"
    category_id: int | None = None
    list_price: Decimal = Decimal("0.00")
    cost: Decimal = Decimal("0.00")
    currency: str = DEFAULT_CURRENCY
    tax_rate: Decimal = Decimal("13.00")
    active: bool = True
    stock: Decimal | None = None


def _too_long(limit: int) -> Any:
    return translate("Products", "At most {limit} characters.").format(limit=limit)


def _check_amount(errors: Errors, field: str, value: Decimal) -> None:
    if not value.is_finite() or value < 0:
        errors.add(field, translate("Products", "Enter an amount of 0 or more."))
    elif value > MAX_AMOUNT:
        errors.add(
            field,
            translate("Products", "Enter an amount of at most {limit}.").format(
                limit=money_text(MAX_AMOUNT)
            ),
        )
    elif value != value.quantize(Decimal("0.01")):
        errors.add(field, translate("Products", "Enter an amount with at most two decimals."))


def clean(data: ProductInput) -> ProductInput:
    """Strip the texts and check every field; raises ``ValidationError``."""
    data = replace(
        data,
        sku=data.sku.strip(),
        name_zh=data.name_zh.strip(),
        name_en=data.name_en.strip(),
        description=data.description.strip(),
        unit=data.unit.strip(),
    )
    errors = Errors()
    if not data.sku:
        errors.add("sku", translate("Products", "Enter the SKU (product code)."))
    elif len(data.sku) > MAX_SKU:
        errors.add("sku", _too_long(MAX_SKU))
    if not data.name_zh and not data.name_en:
        errors.add("name_zh", translate("Products", "Enter the product name."))
    for field in ("name_zh", "name_en"):
        if len(getattr(data, field)) > MAX_NAME:
            errors.add(field, _too_long(MAX_NAME))
    if not data.unit:
        errors.add("unit", translate("Products", "Enter the unit, e.g. 个, 台 or kg."))
    elif len(data.unit) > MAX_UNIT:
        errors.add("unit", _too_long(MAX_UNIT))
    _check_amount(errors, "list_price", data.list_price)
    _check_amount(errors, "cost", data.cost)
    if data.currency not in CURRENCIES:
        errors.add("currency", translate("Products", "Choose one of the supported currencies."))
    rate = data.tax_rate
    if (
        not rate.is_finite()
        or not Decimal(0) <= rate < 100
        or rate != rate.quantize(Decimal("0.01"))
    ):
        errors.add(
            "tax_rate", translate("Products", "The tax rate is a percentage from 0 to 99.99.")
        )
    stock = data.stock
    if stock is not None and (
        not stock.is_finite() or stock > MAX_STOCK or stock != stock.quantize(Decimal("0.001"))
    ):
        errors.add("stock", translate("Products", "Enter a quantity with at most three decimals."))
    errors.raise_if_any()
    if not data.name_en or not data.name_zh:
        data = replace(
            data, name_zh=data.name_zh or data.name_en, name_en=data.name_en or data.name_zh
        )
    return data


def _row(p: Any) -> ProductRow:
    return ProductRow(
        id=p.id,
        sku=p.sku,
        name_zh=p.name_zh,
        name_en=p.name_en,
        description=p.description,
        unit=p.unit,
        category_id=p.category_id,
        category_zh=p.category_zh,
        category_en=p.category_en,
        list_price=p.list_price,
        cost=p.cost,
        currency=p.currency,
        tax_rate=p.tax_rate,
        active=bool(p.active),
        stock=p.stock,
    )


class ProductsService:
    def __init__(self, db: Database) -> None:
        self._db = db

    # ------------------------------------------------------------------- reading

    @staticmethod
    def _select() -> Any:
        category = m.ProductCategory
        return select(
            m.Product.id,
            m.Product.sku,
            m.Product.name_zh,
            m.Product.name_en,
            m.Product.description,
            m.Product.unit,
            m.Product.category_id,
            category.name_zh.label("category_zh"),
            category.name_en.label("category_en"),
            m.Product.list_price,
            m.Product.cost,
            m.Product.currency,
            m.Product.tax_rate,
            m.Product.active,
            m.Product.stock,
        ).outerjoin(category, category.id == m.Product.category_id)

    @staticmethod
    def _conditions(search: str, include_inactive: bool) -> list[ColumnElement[bool]]:
        conditions: list[ColumnElement[bool]] = [m.Product.deleted_at.is_(None)]
        if not include_inactive:
            conditions.append(m.Product.active.is_(True))
        text = search.strip()
        if text:
            pattern = contains_pattern(text)
            conditions.append(
                or_(
                    m.Product.sku.ilike(pattern, escape=LIKE_ESCAPE),
                    m.Product.name_zh.ilike(pattern, escape=LIKE_ESCAPE),
                    m.Product.name_en.ilike(pattern, escape=LIKE_ESCAPE),
                )
            )
        return conditions

    def count(self, search: str = "", *, include_inactive: bool = True) -> int:
        with self._db.read() as session:
            query = select(func.count()).select_from(m.Product)
            query = query.where(*self._conditions(search, include_inactive))
            return int(session.execute(query).scalar_one())

    def list_products(
        self,
        search: str = "",
        *,
        include_inactive: bool = True,
        offset: int = 0,
        limit: int = 256,
        order_by: ProductSortKey = "sku",
        descending: bool = False,
    ) -> list[ProductRow]:
        columns: dict[str, Any] = {
            "sku": m.Product.sku,
            "name": m.Product.name_zh,
            "category": m.ProductCategory.name_zh,
            "unit": m.Product.unit,
            "list_price": m.Product.list_price,
            "cost": m.Product.cost,
            "tax_rate": m.Product.tax_rate,
            "stock": m.Product.stock,
            "active": m.Product.active,
        }
        key = columns.get(order_by, m.Product.sku)
        ordering = [key.desc() if descending else key.asc(), m.Product.id]
        query = (
            self._select()
            .where(*self._conditions(search, include_inactive))
            .order_by(*ordering)
            .offset(offset)
            .limit(limit)
        )
        with self._db.read() as session:
            return [_row(r) for r in session.execute(query)]

    # ------------------------------------------------------------ the list protocol

    def count_rows(self, flt: ProductFilter, /, *, cap: int | None = None) -> int:
        del cap  # the catalogue is small: always counted exactly
        return self.count(flt.search, include_inactive=flt.include_inactive)

    def page_rows(
        self, flt: ProductFilter, order: Order[ProductSortKey], /, *, offset: int, limit: int
    ) -> list[ProductRow]:
        return self.list_products(
            flt.search,
            include_inactive=flt.include_inactive,
            offset=offset,
            limit=limit,
            order_by=order.key,
            descending=order.descending,
        )

    def iter_rows(
        self, flt: ProductFilter, order: Order[ProductSortKey], /
    ) -> Iterator[ProductRow]:
        return iter_pages(
            lambda offset, limit: self.page_rows(flt, order, offset=offset, limit=limit)
        )

    def get(self, product_id: int) -> ProductRow:
        with self._db.read() as session:
            row = session.execute(
                self._select().where(m.Product.id == product_id, m.Product.deleted_at.is_(None))
            ).one_or_none()
        if row is None:
            raise NotFoundError(translate("Products", "This product no longer exists."))
        return _row(row)

    def active_products(self) -> list[ProductRow]:
        """Every active product, by SKU: the quote editor's look-up list."""
        return self.list_products(include_inactive=False, limit=1_000_000)

    def categories(self) -> list[CategoryRow]:
        with self._db.read() as session:
            rows = session.execute(
                select(
                    m.ProductCategory.id, m.ProductCategory.name_zh, m.ProductCategory.name_en
                ).order_by(m.ProductCategory.id)
            ).all()
        return [CategoryRow(*r) for r in rows]

    # ------------------------------------------------------------------- writing

    @staticmethod
    def _sku_taken(session: Session, sku: str, own_id: int | None) -> bool:
        query = select(m.Product.id).where(func.lower(m.Product.sku) == sku.lower())
        if own_id is not None:
            query = query.where(m.Product.id != own_id)
        return session.execute(query.limit(1)).first() is not None

    @staticmethod
    def _check_category(session: Session, category_id: int | None) -> None:
        if category_id is not None and session.get(m.ProductCategory, category_id) is None:
            raise ValidationError(
                {"category_id": translate("Products", "This category no longer exists.")}
            )

    def create(self, data: ProductInput) -> ProductRow:
        data = clean(data)
        with self._db.write() as session:
            self._check_unique(session, data.sku, None)
            self._check_category(session, data.category_id)
            product = m.Product(**asdict(data))
            session.add(product)
            try:
                session.flush()
            except IntegrityError as exc:  # a race with another writer: report it the same way
                raise self._sku_error() from exc
            audit.record(session, _ENTITY, product.id, AuditAction.CREATE, new=data.sku)
            product_id = product.id
        return self.get(product_id)

    def update(self, product_id: int, data: ProductInput) -> ProductRow:
        data = clean(data)
        with self._db.write() as session:
            product = session.get(m.Product, product_id)
            if product is None or product.deleted_at is not None:
                raise NotFoundError(translate("Products", "This product no longer exists."))
            self._check_unique(session, data.sku, product_id)
            self._check_category(session, data.category_id)
            new = asdict(data)
            old = {k: getattr(product, k) for k in new}
            for key, value in new.items():
                setattr(product, key, value)
            audit.record_changes(session, _ENTITY, product_id, old, new)
        return self.get(product_id)

    def delete(self, product_id: int) -> None:
        """Move to the trash; quotes and orders that name it keep their lines as they are."""
        with self._db.write() as session:
            product = session.get(m.Product, product_id)
            if product is None or product.deleted_at is not None:
                raise NotFoundError(translate("Products", "This product no longer exists."))
            move_to_trash(session, _ENTITY, product, f"{product.sku} {product.name_zh}")

    def restore(self, product_id: int) -> None:
        with self._db.write() as session:
            product = session.get(m.Product, product_id)
            if product is None:
                raise NotFoundError(translate("Products", "This product no longer exists."))
            if self._sku_taken(session, product.sku, product_id):
                raise self._sku_error()  # a new product took its code meanwhile
            take_out_of_trash(session, _ENTITY, product, f"{product.sku} {product.name_zh}")

    def _check_unique(self, session: Session, sku: str, own_id: int | None) -> None:
        if self._sku_taken(session, sku, own_id):
            raise self._sku_error()

    @staticmethod
    def _sku_error() -> ValidationError:
        return ValidationError(
            {"sku": translate("Products", "Another product already has this SKU.")}
        )
