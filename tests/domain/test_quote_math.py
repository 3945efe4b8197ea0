from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sms_desktop.domain.enums import QuoteLineKind, QuoteStatus, RoundingPolicy, TaxMode
from sms_desktop.domain.quotes import (
    DiffLine,
    LineInput,
    can_change_status,
    check_margin,
    compute,
    diff,
    is_expired,
    revision_letter,
    revision_number,
)

D = Decimal


def item(qty: str, price: str, rate: str = "13", discount: str = "0", cost: str | None = None):
    return LineInput(D(qty), D(price), D(discount), D(rate), None if cost is None else D(cost))


def test_exclusive_per_line() -> None:
    totals = compute([item("3", "33.33"), item("1", "10.00", "6")])
    assert [a.net for a in totals.lines] == [D("99.99"), D("10.00")]
    assert [a.tax for a in totals.lines] == [D("13.00"), D("0.60")]
    assert (totals.subtotal, totals.tax_total, totals.total) == (
        D("109.99"),
        D("13.60"),
        D("123.59"),
    )
    assert [(b.rate, b.net, b.tax) for b in totals.taxes] == [
        (D("13"), D("99.99"), D("13.00")),
        (D("6"), D("10.00"), D("0.60")),
    ]


def test_tax_inclusive_back_calculation() -> None:
    totals = compute([item("1", "100.00")], tax_mode=TaxMode.INCLUSIVE)
    line = totals.lines[0]
    assert (line.net, line.tax, line.total) == (D("88.50"), D("11.50"), D("100.00"))
    assert totals.total == D("100.00")


def test_half_cent_rounds_up() -> None:
    # 0.125 → 0.13: one unit at 0.125 cannot be entered, but 0.5 × 0.25 is exactly 0.125.
    totals = compute([item("0.5", "0.25", "0")])
    assert totals.lines[0].net == D("0.13")
    taxed = compute([item("1", "0.96", "13")])  # 0.1248 → 0.12
    assert taxed.lines[0].tax == D("0.12")
    up = compute([item("1", "12.50", "1")])  # 0.125 → 0.13
    assert up.lines[0].tax == D("0.13")


def test_per_line_versus_per_document_rounding() -> None:
    lines = [item("1", "0.10")] * 3  # 0.013 tax each
    per_line = compute(lines)
    per_doc = compute(lines, rounding=RoundingPolicy.PER_DOCUMENT)
    assert per_line.tax_total == D("0.03")
    assert per_doc.tax_total == D("0.04")  # 0.039 rounded once
    assert sum(a.tax for a in per_doc.lines) == D("0.04")
    assert per_doc.total == D("0.34")


def test_per_document_inclusive_shares_the_net() -> None:
    lines = [item("1", "33.33"), item("1", "33.33"), item("1", "33.34")]
    totals = compute(lines, tax_mode=TaxMode.INCLUSIVE, rounding=RoundingPolicy.PER_DOCUMENT)
    assert totals.total == D("100.00")
    assert totals.subtotal == D("88.50") and totals.tax_total == D("11.50")


def test_discount_total_and_sections() -> None:
    lines = [
        LineInput(kind=QuoteLineKind.SECTION),
        item("10", "9.99", discount="10"),
    ]
    totals = compute(lines)
    assert totals.lines[0].total == 0
    assert totals.gross_total == D("99.90")
    assert totals.subtotal == D("89.91")
    assert totals.discount_total == D("9.99")


def test_margin_guardrail_flags_the_low_line() -> None:
    # Line 0 earns 5 %; line 2 has no cost and is left out of the margin.
    lines = [item("10", "100", cost="95"), item("1", "100", cost="0"), item("1", "5")]
    totals = compute(lines)
    check = check_margin(lines, totals.lines, D("10"))
    assert check.low_lines == (0,)
    assert check.margin_percent == D("13.64")  # (1100 − 950) / 1100
    assert not check.quote_low and check.flagged


def test_margin_of_the_whole_quote() -> None:
    lines = [item("10", "100", cost="95"), item("1", "100", cost="50")]
    check = check_margin(lines, compute(lines).lines, D("10"))
    assert check.margin_percent == D("9.09")
    assert check.quote_low and check.flagged
    fine = [item("1", "100", cost="80")]
    assert not check_margin(fine, compute(fine).lines, D("10")).flagged


def test_free_line_with_a_cost_is_flagged() -> None:
    lines = [item("1", "0", cost="3")]
    assert check_margin(lines, compute(lines).lines, D("10")).low_lines == (0,)


def test_revision_letters() -> None:
    assert [revision_letter(n) for n in (1, 2, 26, 27, 52)] == ["A", "B", "Z", "AA", "AZ"]
    assert revision_number("b") == 2 and revision_number("AA") == 27 and revision_number("3") == 3
    with pytest.raises(ValueError, match="revision"):
        revision_number("B-")


def test_status_flow_and_expiry() -> None:
    assert can_change_status(QuoteStatus.DRAFT, QuoteStatus.SENT)
    assert can_change_status(QuoteStatus.SENT, QuoteStatus.ACCEPTED)
    assert can_change_status(QuoteStatus.DRAFT, QuoteStatus.ACCEPTED)  # agreed before sent
    assert not can_change_status(QuoteStatus.DRAFT, QuoteStatus.REJECTED)
    assert not can_change_status(QuoteStatus.ACCEPTED, QuoteStatus.REJECTED)
    assert not is_expired(QuoteStatus.SENT, date(2026, 5, 1), date(2026, 5, 1))
    assert is_expired(QuoteStatus.SENT, date(2026, 5, 1), date(2026, 5, 2))
    assert not is_expired(QuoteStatus.DRAFT, date(2026, 5, 1), date(2026, 6, 2))


def _dl(desc: str, qty: str, price: str, product: int | None = None) -> DiffLine:
    return DiffLine(
        QuoteLineKind.ITEM, product, desc, D(qty), "个", D(price), D(0), D(13), D(qty) * D(price)
    )


def test_diff_lines_and_fields() -> None:
    changes = diff(
        {"terms": "30 days", "valid_until": date(2026, 5, 1)},
        {"terms": "15 days", "valid_until": date(2026, 5, 1)},
        [_dl("Desk", "1", "10", 1), _dl("Chair", "2", "5", 2), _dl("Install", "1", "50")],
        [_dl("Desk", "3", "10", 1), _dl("Install", "1", "40"), _dl("Lamp", "1", "9", 4)],
    )
    summary = [(c.what, c.label, c.field, c.old, c.new) for c in changes]
    assert ("field", "terms", "terms", "30 days", "15 days") in summary
    assert ("changed", "Desk", "quantity", "1", "3") in summary
    assert ("changed", "Install", "unit_price", "50", "40") in summary
    assert ("added", "Lamp", None, None, "9") in summary
    assert ("removed", "Chair", None, "10", None) in summary
    assert len(summary) == 5


# -------------------------------------------------------------------------- properties

quantities = st.decimals(min_value=0, max_value=100000, places=3, allow_nan=False)
prices = st.decimals(min_value=0, max_value=1000000, places=2, allow_nan=False)
percents = st.decimals(min_value=0, max_value=100, places=2, allow_nan=False)
rates = st.sampled_from([D("0"), D("3"), D("6"), D("9"), D("13")])
lines_st = st.lists(
    st.builds(LineInput, quantities, prices, percents, rates), min_size=0, max_size=30
)


@given(
    lines_st,
    st.sampled_from(list(TaxMode)),
    st.sampled_from(list(RoundingPolicy)),
)
def test_lines_add_up_exactly_to_the_totals(lines, mode, rounding) -> None:
    totals = compute(lines, tax_mode=mode, rounding=rounding)
    assert sum((a.total for a in totals.lines), D(0)) == totals.total
    assert totals.subtotal + totals.tax_total == totals.total
    assert sum((b.tax for b in totals.taxes), D(0)) == totals.tax_total
    assert sum((b.net for b in totals.taxes), D(0)) == totals.subtotal
    for a in totals.lines:
        for value in (a.gross, a.net, a.tax, a.total):
            assert value == value.quantize(D("0.01"))  # whole cents: stored as shown
        assert a.net + a.tax == a.total
        assert a.tax >= 0


@given(lines_st, st.sampled_from(list(TaxMode)))
def test_per_line_tax_is_each_lines_rounded_tax(lines, mode) -> None:
    totals = compute(lines, tax_mode=mode)
    for line, a in zip(lines, totals.lines, strict=True):
        rate = line.tax_rate / 100
        if mode is TaxMode.EXCLUSIVE:
            assert a.tax == (a.net * rate).quantize(D("0.01"), rounding="ROUND_HALF_UP")
        else:
            assert a.net == (a.total / (1 + rate)).quantize(D("0.01"), rounding="ROUND_HALF_UP")
