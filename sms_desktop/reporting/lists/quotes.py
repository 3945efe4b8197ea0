"""The list of quotes (the latest revision of each number)."""

from __future__ import annotations

from datetime import date

from sms_desktop.domain.enums import QuoteStatus
from sms_desktop.domain.i18n import Message, translate
from sms_desktop.domain.palette import Colour
from sms_desktop.reporting.columns import Column, Formats, ListDefinition
from sms_desktop.services.lists import Order
from sms_desktop.services.quotes import QuoteRow, QuoteSortKey

STATUS_LABELS: dict[QuoteStatus, Message] = {
    QuoteStatus.DRAFT: translate("QuoteList", "Draft"),
    QuoteStatus.SENT: translate("QuoteList", "Sent"),
    QuoteStatus.ACCEPTED: translate("QuoteList", "Accepted"),
    QuoteStatus.REJECTED: translate("QuoteList", "Rejected"),
    QuoteStatus.EXPIRED: translate("QuoteList", "Expired"),
}


def validity(row: QuoteRow, today: date, day: str) -> Message | str:
    """``2026/5/31 (12 days left)``, ``… (expired)`` for an open quote past its date."""
    if row.status not in (QuoteStatus.DRAFT, QuoteStatus.SENT, QuoteStatus.EXPIRED):
        return day
    left = row.days_left(today)
    if left < 0 or row.status is QuoteStatus.EXPIRED:
        return translate("QuoteList", "{date} (expired)").format(date=day)
    if left == 0:
        return translate("QuoteList", "{date} (last day)").format(date=day)
    if left == 1:
        return translate("QuoteList", "{date} (1 day left)").format(date=day)
    return translate("QuoteList", "{date} ({days} days left)").format(date=day, days=left)


def is_overdue(row: QuoteRow, today: date) -> bool:
    return row.status is QuoteStatus.EXPIRED or (
        row.status in (QuoteStatus.DRAFT, QuoteStatus.SENT) and row.days_left(today) < 0
    )


def _validity_text(row: QuoteRow, f: Formats) -> str:
    text = validity(row, f.today, f.day(row.valid_until))
    return f.locale.text(text) if isinstance(text, Message) else text


def _margin_note(row: QuoteRow, f: Formats) -> str:
    if not row.margin_reason:
        return ""
    return f.locale.text(
        translate("QuoteList", "Below the minimum margin. Reason: {reason}").format(
            reason=row.margin_reason
        )
    )


QUOTES: ListDefinition[QuoteRow, QuoteSortKey] = ListDefinition(
    columns=(
        Column("number", translate("QuoteList", "Number"), lambda r, _l: r.label, sort="number"),
        Column(
            "customer",
            translate("QuoteList", "Customer"),
            lambda r, _l: r.customer,
            sort="customer",
        ),
        Column(
            "status",
            translate("QuoteList", "Status"),
            lambda r, _l: STATUS_LABELS[r.status],
            sort="status",
        ),
        Column(
            "total",
            translate("QuoteList", "Total"),
            lambda r, _l: r.total,
            "money",
            sort="total",
            currency=lambda r: r.currency,
            tooltip=_margin_note,
            # saved below the minimum margin
            colour=lambda r, _f: Colour.WARNING if r.margin_reason else None,
        ),
        Column(
            "issue_date",
            translate("QuoteList", "Issue date"),
            lambda r, _l: r.issue_date,
            "date",
            sort="issue_date",
        ),
        Column(
            "valid_until",
            translate("QuoteList", "Valid until"),
            lambda r, _l: r.valid_until,
            "date",
            sort="valid_until",
            show=_validity_text,
            colour=lambda r, f: Colour.OVERDUE if is_overdue(r, f.today) else None,
        ),
        Column("owner", translate("QuoteList", "Owner"), lambda r, _l: r.owner, sort="owner"),
    ),
    order=Order("issue_date", descending=True),
    sheet=translate("QuoteList", "Quotes"),
    file_name=translate("QuoteList", "quotes"),
)
