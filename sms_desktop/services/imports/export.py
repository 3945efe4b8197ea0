"""Records as import rows: customers, contacts and products with their stable id, in the
import's own fields, so an exported file edited in Excel imports back onto the same records."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import and_, func, select

from sms_desktop.domain.importing.fields import ImportKind, TargetField, field
from sms_desktop.persistence import models as m
from sms_desktop.persistence.db import Database
from sms_desktop.persistence.sql import joined

EXPORTABLE = (ImportKind.CUSTOMERS, ImportKind.CONTACTS, ImportKind.PRODUCTS)

_CUSTOMER_FIELDS = (
    "id", "name", "code", "tax_id", "industry", "province", "city", "address", "phone", "email",
    "website", "tier", "source", "owner", "tags", "notes", "annual_purchase", "contact_name",
    "contact_title", "contact_phone", "contact_mobile", "contact_email",
)  # fmt: skip
_CONTACT_FIELDS = (
    "id", "customer_code", "customer_name", "contact_name", "contact_title", "contact_phone",
    "contact_mobile", "contact_email", "contact_wechat", "contact_notes",
)  # fmt: skip
_PRODUCT_FIELDS = (
    "id", "sku", "name_zh", "name_en", "unit", "category", "list_price", "cost", "tax_rate",
    "description",
)  # fmt: skip
_NAMES = {
    ImportKind.CUSTOMERS: _CUSTOMER_FIELDS,
    ImportKind.CONTACTS: _CONTACT_FIELDS,
    ImportKind.PRODUCTS: _PRODUCT_FIELDS,
}
BATCH = 2000


def export_fields(kind: ImportKind) -> tuple[TargetField, ...]:
    return tuple(field(kind, name) for name in _NAMES[kind])


def _codes(entity: str) -> Any:
    key = m.ImportKey
    return (
        select(func.min(key.code))
        .where(key.entity == entity, key.entity_id == m.Customer.id)
        .scalar_subquery()
    )


def export_rows(db: Database, kind: ImportKind) -> Iterator[tuple[Any, ...]]:
    """Every live record of ``kind`` in id order, one tuple per row in ``export_fields``."""
    c, ct, sp = m.Customer, m.Contact, m.Salesperson
    if kind == ImportKind.CUSTOMERS:
        tags = (
            select(joined(m.Tag.name, "、"))
            .join(m.CustomerTag, m.CustomerTag.tag_id == m.Tag.id)
            .where(m.CustomerTag.customer_id == c.id)
            .scalar_subquery()
        )
        query: Any = (
            select(
                c.id, c.name, _codes("customer"), c.tax_id, c.industry, c.province, c.city,
                c.address, c.phone, c.email, c.website, c.tier, c.source, sp.name, tags,
                c.notes, c.potential_value, ct.name, ct.title, ct.phone, ct.mobile, ct.email,
            )
            .outerjoin(sp, sp.id == c.owner_id)
            .outerjoin(
                ct, and_(ct.customer_id == c.id, ct.is_primary, ct.deleted_at.is_(None))
            )
            .where(c.deleted_at.is_(None))
            .order_by(c.id)
        )  # fmt: skip
    elif kind == ImportKind.CONTACTS:
        query = (
            select(
                ct.id, _codes("customer"), c.name, ct.name, ct.title, ct.phone, ct.mobile,
                ct.email, ct.wechat, ct.notes,
            )
            .join(c, c.id == ct.customer_id)
            .where(ct.deleted_at.is_(None), c.deleted_at.is_(None))
            .order_by(ct.id)
        )  # fmt: skip
    elif kind == ImportKind.PRODUCTS:
        p, pc = m.Product, m.ProductCategory
        query = (
            select(
                p.id, p.sku, p.name_zh, p.name_en, p.unit, pc.name_zh, p.list_price, p.cost,
                p.tax_rate, p.description,
            )
            .outerjoin(pc, pc.id == p.category_id)
            .where(p.deleted_at.is_(None))
            .order_by(p.id)
        )  # fmt: skip
    else:
        raise ValueError(f"{kind} cannot be exported")
    with db.read() as session:
        for row in session.execute(query.execution_options(yield_per=BATCH)):
            yield tuple(row)


def count_rows(db: Database, kind: ImportKind) -> int:
    deleted = {
        ImportKind.CUSTOMERS: m.Customer.deleted_at,
        ImportKind.CONTACTS: m.Contact.deleted_at,
        ImportKind.PRODUCTS: m.Product.deleted_at,
    }[kind]
    with db.read() as session:
        found = session.scalar(
            select(func.count()).select_from(deleted.class_).where(deleted.is_(None))
        )
        return int(found or 0)
