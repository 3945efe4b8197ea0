"""The customers list."""

from __future__ import annotations

from sms_desktop.domain.i18n import translate
from sms_desktop.reporting.columns import Column, ListDefinition
from sms_desktop.services.customers import CustomerRow, CustomerSortKey
from sms_desktop.services.lists import Order


def _tier(row: CustomerRow) -> str | None:
    return " · ".join(v for v in (row.tier, row.segment) if v) or None


CUSTOMERS: ListDefinition[CustomerRow, CustomerSortKey] = ListDefinition(
    columns=(
        Column("name", translate("CustomerTable", "Customer"), lambda r, _l: r.name, sort="name"),
        Column("city", translate("CustomerTable", "City"), lambda r, _l: r.city, sort="city"),
        Column(
            "industry",
            translate("CustomerTable", "Industry"),
            lambda r, _l: r.industry,
            sort="industry",
        ),
        Column("tier", translate("CustomerTable", "Tier"), lambda r, _l: _tier(r), sort="tier"),
        Column("owner", translate("CustomerTable", "Owner"), lambda r, _l: r.owner, sort="owner"),
        Column(
            "last_interaction",
            translate("CustomerTable", "Last contact"),
            lambda r, _l: r.last_interaction_at,
            "datetime",
            sort="last_interaction",
            show=lambda r, f: f.relative_days(r.last_interaction_at),
            tooltip=lambda r, f: f.moment(r.last_interaction_at),
        ),
        Column(
            "revenue_12m",
            translate("CustomerTable", "Revenue, last 12 months"),
            lambda r, _l: r.revenue_12m,
            "money",
            sort="revenue_12m",
            zero="–",
        ),
        Column(
            "open_pipeline",
            translate("CustomerTable", "Open pipeline"),
            lambda r, _l: r.open_pipeline,
            "money",
            sort="open_pipeline",
            zero="–",
        ),
        Column("tags", translate("CustomerTable", "Tags"), lambda r, _l: r.tags or None),
    ),
    order=Order("name"),
    sheet=translate("CustomerTable", "Customers"),
    file_name=translate("CustomerTable", "customers"),
)
