"""The history (audit log) list: when, who, which record, what changed from what to what."""

from __future__ import annotations

from sms_desktop.domain.enums import AuditAction
from sms_desktop.domain.i18n import Message, translate
from sms_desktop.reporting.columns import Column, ListDefinition
from sms_desktop.services.history import HistoryRow, HistorySortKey
from sms_desktop.services.lists import Order

ENTITY_LABELS: dict[str, Message] = {
    "customer": translate("History", "Customer"),
    "contact": translate("History", "Contact"),
    "opportunity": translate("History", "Deal"),
    "quote": translate("History", "Quote"),
    "product": translate("History", "Product"),
    "activity": translate("History", "Task"),
    "stage": translate("History", "Pipeline stage"),
    "lost_reason": translate("History", "Lost reason"),
}
ACTION_LABELS: dict[AuditAction, Message] = {
    AuditAction.CREATE: translate("History", "Created"),
    AuditAction.UPDATE: translate("History", "Changed"),
    AuditAction.DELETE: translate("History", "Moved to the trash"),
    AuditAction.RESTORE: translate("History", "Restored"),
    AuditAction.MERGE: translate("History", "Merged"),
    AuditAction.PURGE: translate("History", "Deleted for good"),
    AuditAction.OVERRIDE: translate("History", "Allowed by exception"),
}
# The fields the forms change, by the names the forms give them; any other shows its key.
FIELD_LABELS: dict[str, Message] = {
    "name": translate("History", "Name"),
    "name_en": translate("History", "English name"),
    "title": translate("History", "Title"),
    "phone": translate("History", "Phone"),
    "mobile": translate("History", "Mobile"),
    "email": translate("History", "Email"),
    "address": translate("History", "Address"),
    "city": translate("History", "City"),
    "industry": translate("History", "Industry"),
    "tier": translate("History", "Tier"),
    "tax_id": translate("History", "Tax ID"),
    "owner_id": translate("History", "Owner"),
    "assignee_id": translate("History", "Assigned to"),
    "stage_id": translate("History", "Stage"),
    "status": translate("History", "Status"),
    "amount": translate("History", "Amount"),
    "currency": translate("History", "Currency"),
    "expected_close": translate("History", "Expected close"),
    "probability_override": translate("History", "Probability"),
    "notes": translate("History", "Notes"),
    "tags": translate("History", "Tags"),
    "list_price": translate("History", "List price"),
    "cost": translate("History", "Cost"),
    "tax_rate": translate("History", "Tax %"),
    "due_at": translate("History", "Due"),
    "subject": translate("History", "Subject"),
}


def _field(row: HistoryRow) -> Message | str | None:
    if row.field is None:
        return None
    return FIELD_LABELS.get(row.field, row.field)


def _record(row: HistoryRow) -> str | Message:
    if row.record is not None:
        return row.record
    return translate("History", "(deleted) #{id}").format(id=row.entity_id)


HISTORY: ListDefinition[HistoryRow, HistorySortKey] = ListDefinition(
    columns=(
        Column("at", translate("History", "When"), lambda r, _l: r.at, "datetime", sort="at"),
        Column("actor", translate("History", "Who"), lambda r, _l: r.actor),
        Column(
            "kind",
            translate("History", "Kind"),
            lambda r, _l: ENTITY_LABELS.get(r.entity, r.entity),
        ),
        Column("record", translate("History", "Record"), lambda r, _l: _record(r)),
        Column("action", translate("History", "Action"), lambda r, _l: ACTION_LABELS[r.action]),
        Column("field", translate("History", "Field"), lambda r, _l: _field(r)),
        Column("old", translate("History", "Before"), lambda r, _l: r.old),
        Column("new", translate("History", "After"), lambda r, _l: r.new),
        Column("reason", translate("History", "Reason"), lambda r, _l: r.reason),
    ),
    order=Order("at", descending=True),
    sheet=translate("History", "History"),
    file_name=translate("History", "history"),
)
