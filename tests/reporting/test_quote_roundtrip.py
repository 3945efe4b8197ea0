"""Stored = shown = printed: random quotes saved by the service, shown by the editor's
arithmetic and printed in the PDF carry the very same amounts."""

from __future__ import annotations

import subprocess
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sms_desktop.domain.enums import DocumentLanguage, RoundingPolicy, TaxMode
from sms_desktop.persistence.db import open_database
from sms_desktop.reporting.quote_pdf import quote_pdf_bytes
from sms_desktop.services.customers import CustomerInput
from sms_desktop.services.quotes import LineData, QuoteInput, evaluate
from sms_desktop.services.registry import Services
from tests.dbtemplate import migrated_database
from tests.reporting.quote_samples import COMPANY

DAY = date(2026, 5, 1)
lines_st = st.lists(
    st.builds(
        LineData,
        description=st.sampled_from(["螺栓", "Desk", "服务 Service"]),
        quantity=st.decimals(min_value=0, max_value=5000, places=3, allow_nan=False),
        unit=st.just("个"),
        unit_price=st.decimals(min_value=0, max_value=99999, places=2, allow_nan=False),
        discount_percent=st.decimals(min_value=0, max_value=50, places=2, allow_nan=False),
        tax_rate=st.sampled_from([Decimal(0), Decimal(6), Decimal(13)]),
    ),
    min_size=1,
    max_size=8,
)


def _text(pdf: bytes) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()


def test_stored_shown_and_printed_amounts_agree(tmp_path: Path) -> None:
    database = open_database(migrated_database(tmp_path / "roundtrip.sqlite3"))
    services = Services(database)
    customer = services.customers.create(CustomerInput(name="华夏科技"))

    @settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(lines_st, st.sampled_from(list(TaxMode)), st.sampled_from(list(RoundingPolicy)))
    def check(lines: list[LineData], mode: TaxMode, rounding: RoundingPolicy) -> None:
        data = QuoteInput(
            customer_id=customer,
            issue_date=DAY,
            valid_until=DAY + timedelta(days=30),
            tax_mode=mode,
            rounding_policy=rounding,
            lines=tuple(lines),
            margin_reason="test",
        )
        shown, _ = evaluate(data, Decimal(0))  # what the editor displays
        stored = services.quotes.save(None, data)
        assert (stored.subtotal, stored.tax_total, stored.total) == (
            shown.subtotal,
            shown.tax_total,
            shown.total,
        )
        assert [ln.total_amount for ln in stored.lines] == [a.total for a in shown.lines]
        assert stored.totals().taxes == shown.taxes
        printed = _text(quote_pdf_bytes(stored, company=COMPANY, language=DocumentLanguage.EN))
        assert f"CNY {stored.total:,.2f}" in printed
        for line, amounts in zip(stored.lines, shown.lines, strict=True):
            value = amounts.net if mode is TaxMode.EXCLUSIVE else amounts.total
            assert f"{value:,.2f}" in printed, line
        for bucket in shown.taxes:
            assert f"{bucket.tax:,.2f}" in printed

    try:
        check()
    finally:
        database.close()
