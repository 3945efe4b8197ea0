"""The product catalogue list."""

from __future__ import annotations

from sms_desktop.domain.i18n import translate
from sms_desktop.domain.pricing import format_number
from sms_desktop.reporting.columns import Column, ListDefinition
from sms_desktop.services.lists import Order
from sms_desktop.services.products import ProductRow, ProductSortKey

PRODUCTS: ListDefinition[ProductRow, ProductSortKey] = ListDefinition(
    columns=(
        Column("sku", translate("ProductList", "SKU"), lambda r, _l: r.sku, sort="sku"),
        Column(
            "name",
            translate("ProductList", "Name"),
            lambda r, locale: r.name(locale.language),
            sort="name",
        ),
        Column(
            "category",
            translate("ProductList", "Category"),
            lambda r, locale: r.category(locale.language) or None,
            sort="category",
        ),
        Column("unit", translate("ProductList", "Unit"), lambda r, _l: r.unit, sort="unit"),
        Column(
            "list_price",
            translate("ProductList", "List price"),
            lambda r, _l: r.list_price,
            "money",
            sort="list_price",
            currency=lambda r: r.currency,
        ),
        Column(
            "cost",
            translate("ProductList", "Cost"),
            lambda r, _l: r.cost,
            "money",
            sort="cost",
            currency=lambda r: r.currency,
        ),
        Column(
            "tax_rate",
            translate("ProductList", "Tax %"),
            lambda r, _l: r.tax_rate,
            "percent",
            sort="tax_rate",
            show=lambda r, _f: format_number(r.tax_rate),
        ),
        Column(
            "stock",
            translate("ProductList", "Stock"),
            lambda r, _l: r.stock,
            "decimal",
            sort="stock",
            show=lambda r, _f: "" if r.stock is None else format_number(r.stock),
        ),
        Column(
            "active",
            translate("ProductList", "Active"),
            lambda r, _l: r.active,
            "bool",
            sort="active",
        ),
    ),
    order=Order("sku"),
    sheet=translate("ProductList", "Products"),
    file_name=translate("ProductList", "products"),
)
