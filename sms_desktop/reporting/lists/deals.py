"""The list view of deals (open, won, lost)."""

from __future__ import annotations

from sms_desktop.domain.enums import OpportunityStatus
from sms_desktop.domain.i18n import Message, translate
from sms_desktop.reporting.columns import Column, ListDefinition
from sms_desktop.services.lists import Order
from sms_desktop.services.pipeline import OpportunityRow, OpportunitySortKey

STATUS_LABELS: dict[OpportunityStatus, Message] = {
    OpportunityStatus.OPEN: translate("DealList", "Open"),
    OpportunityStatus.WON: translate("DealList", "Won"),
    OpportunityStatus.LOST: translate("DealList", "Lost"),
}

DEALS: ListDefinition[OpportunityRow, OpportunitySortKey] = ListDefinition(
    columns=(
        Column("title", translate("DealList", "Deal"), lambda r, _l: r.title, sort="title"),
        Column(
            "customer", translate("DealList", "Customer"), lambda r, _l: r.customer, sort="customer"
        ),
        Column(
            "stage",
            translate("DealList", "Stage"),
            lambda r, locale: r.stage_name(locale.language),
            sort="stage",
        ),
        Column(
            "status",
            translate("DealList", "Status"),
            lambda r, _l: STATUS_LABELS[r.status],
            sort="status",
        ),
        Column(
            "amount",
            translate("DealList", "Amount"),
            lambda r, _l: r.amount,
            "money",
            sort="amount",
            currency=lambda r: r.currency,
        ),
        Column(
            "probability",
            translate("DealList", "Probability"),
            lambda r, _l: r.probability,
            "percent",
            sort="probability",
        ),
        Column(
            "weighted",
            translate("DealList", "Weighted"),
            lambda r, _l: r.weighted,
            "money",
            sort="weighted",
            currency=lambda r: r.currency,
        ),
        Column(
            "expected_close",
            translate("DealList", "Expected close"),
            lambda r, _l: r.expected_close,
            "date",
            sort="expected_close",
        ),
        Column("owner", translate("DealList", "Owner"), lambda r, _l: r.owner, sort="owner"),
        Column(
            "closed_on",
            translate("DealList", "Closed"),
            lambda r, _l: r.closed_on,
            "date",
            sort="closed_on",
        ),
        Column(
            "lost_reason",
            translate("DealList", "Lost reason"),
            lambda r, locale: r.lost_reason(locale.language) or None,
        ),
    ),
    order=Order("expected_close"),
    sheet=translate("DealList", "Deals"),
    file_name=translate("DealList", "deals"),
)
