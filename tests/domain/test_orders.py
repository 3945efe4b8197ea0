"""Order rules: every allowed and refused move, what each state allows, terms and ageing."""

from __future__ import annotations

import itertools
from datetime import date, timedelta
from decimal import Decimal

import pytest

from sms_desktop.domain.currency import parse_rate, rate_problem, to_base
from sms_desktop.domain.enums import OrderStatus
from sms_desktop.domain.orders import (
    ALLOWED_MOVES,
    ORDER_ACTIONS,
    AgeBucket,
    OrderAction,
    PaymentTerms,
    Progress,
    TermsKind,
    age,
    bucket_of,
    can_do,
    can_move,
    lines_editable,
    progress_status,
    status_name,
)

S = OrderStatus
A = OrderAction
D = Decimal

EXPECTED_MOVES = {
    (S.DRAFT, S.CONFIRMED),
    (S.CONFIRMED, S.PARTLY_DELIVERED),
    (S.CONFIRMED, S.DELIVERED),
    (S.PARTLY_DELIVERED, S.PARTLY_DELIVERED),
    (S.PARTLY_DELIVERED, S.DELIVERED),
    (S.PARTLY_DELIVERED, S.PARTLY_INVOICED),
    (S.DELIVERED, S.PARTLY_INVOICED),
    (S.DELIVERED, S.INVOICED),
    (S.PARTLY_INVOICED, S.PARTLY_INVOICED),
    (S.PARTLY_INVOICED, S.INVOICED),
    (S.PARTLY_INVOICED, S.PAID),
    (S.INVOICED, S.PAID),
    (S.PAID, S.INVOICED),
    (S.CONFIRMED, S.CANCELLED),
    (S.PARTLY_DELIVERED, S.CANCELLED),
    (S.DELIVERED, S.CANCELLED),
}


@pytest.mark.parametrize(("current", "target"), list(itertools.product(S, S)))
def test_every_move_is_allowed_or_refused_as_the_table_says(
    current: OrderStatus, target: OrderStatus
) -> None:
    assert can_move(current, target) is ((current, target) in EXPECTED_MOVES)


def test_the_move_table_is_the_expected_one() -> None:
    assert ALLOWED_MOVES == EXPECTED_MOVES


def test_nothing_leaves_cancelled_and_paid_only_goes_back_on_a_refund() -> None:
    assert not any(can_move(S.CANCELLED, t) for t in S)
    assert [t for t in S if can_move(S.PAID, t)] == [S.INVOICED]
    assert not any(can_move(s, S.DRAFT) for s in S)


def test_every_state_has_actions_and_a_name() -> None:
    assert set(ORDER_ACTIONS) == set(S)
    assert all(status_name(s).text for s in S)


@pytest.mark.parametrize(("status", "action"), list(itertools.product(S, A)))
def test_what_each_state_allows(status: OrderStatus, action: OrderAction) -> None:
    allowed = {
        S.DRAFT: {A.EDIT_LINES, A.CONFIRM, A.DELETE},
        S.CONFIRMED: {A.EDIT_LINES, A.DELIVER, A.CANCEL},
        S.PARTLY_DELIVERED: {A.DELIVER, A.INVOICE, A.CANCEL},
        S.DELIVERED: {A.INVOICE, A.CANCEL},
        S.PARTLY_INVOICED: {A.DELIVER, A.INVOICE},
    }.get(status, set())
    assert can_do(status, action) is (action in allowed)


def test_lines_are_editable_only_before_delivery() -> None:
    assert [s for s in S if lines_editable(s)] == [S.DRAFT, S.CONFIRMED]


def _p(*, all_: bool = False, any_: bool = False, inv: str = "0", paid: str = "0") -> Progress:
    return Progress(all_, any_, D("100.00"), D(inv), D(paid))


@pytest.mark.parametrize(
    ("progress", "expected"),
    [
        (_p(), S.CONFIRMED),
        (_p(any_=True), S.PARTLY_DELIVERED),
        (_p(all_=True, any_=True), S.DELIVERED),
        (_p(any_=True, inv="40"), S.PARTLY_INVOICED),
        (_p(all_=True, any_=True, inv="100"), S.INVOICED),
        (_p(all_=True, any_=True, inv="100", paid="99.99"), S.INVOICED),
        (_p(all_=True, any_=True, inv="100", paid="100"), S.PAID),
        (_p(any_=True, inv="40", paid="40"), S.PARTLY_INVOICED),
        # invoiced (and paid) in full before the last delivery: the rest can still be delivered
        (_p(any_=True, inv="100"), S.PARTLY_INVOICED),
        (_p(any_=True, inv="100", paid="100"), S.PARTLY_INVOICED),
    ],
)
def test_progress_gives_the_state(progress: Progress, expected: OrderStatus) -> None:
    assert progress_status(S.CONFIRMED, progress) is expected


def test_draft_and_cancelled_keep_their_state() -> None:
    done = _p(all_=True, any_=True, inv="100", paid="100")
    assert progress_status(S.DRAFT, done) is S.DRAFT
    assert progress_status(S.CANCELLED, done) is S.CANCELLED


# ----------------------------------------------------------------------------- terms


@pytest.mark.parametrize(
    ("code", "invoice", "due"),
    [
        ("net30", date(2026, 1, 15), date(2026, 2, 14)),
        ("net0", date(2026, 1, 15), date(2026, 1, 15)),
        ("eom30", date(2026, 1, 15), date(2026, 3, 2)),  # 月结30天: Jan 31 + 30
        ("eom30", date(2026, 2, 1), date(2026, 3, 30)),
        ("prepay30+net15", date(2026, 1, 15), date(2026, 1, 30)),
        ("prepay100", date(2026, 1, 15), date(2026, 1, 15)),
    ],
)
def test_terms_give_the_due_date(code: str, invoice: date, due: date) -> None:
    terms = PaymentTerms.parse(code)
    assert terms.due_date(invoice) == due
    assert PaymentTerms.parse(terms.code) == terms


def test_prepayment() -> None:
    terms = PaymentTerms.parse("prepay30+net30")
    assert (terms.kind, terms.prepay_percent, terms.days) == (TermsKind.PREPAY, 30, 30)
    assert terms.prepayment(D("1000.05")) == D("300.02")
    assert PaymentTerms.parse("net30").prepayment(D("1000")) == D("0.00")
    assert "30" in terms.label().render()


@pytest.mark.parametrize("code", ["", "net", "net-1", "eom1000", "prepay0", "prepay101", "x30"])
def test_bad_terms_are_refused(code: str) -> None:
    with pytest.raises(ValueError, match=r"payment terms|out of range"):
        PaymentTerms.parse(code)


# ----------------------------------------------------------------------------- ageing


@pytest.mark.parametrize(
    ("days_late", "bucket"),
    [
        (-5, AgeBucket.NOT_DUE),
        (0, AgeBucket.NOT_DUE),
        (1, AgeBucket.D1_30),
        (30, AgeBucket.D1_30),
        (31, AgeBucket.D31_60),
        (60, AgeBucket.D31_60),
        (61, AgeBucket.D61_90),
        (90, AgeBucket.D61_90),
        (91, AgeBucket.OVER_90),
        (400, AgeBucket.OVER_90),
    ],
)
def test_bucket_edges(days_late: int, bucket: AgeBucket) -> None:
    as_of = date(2026, 6, 30)
    due = date.fromordinal(as_of.toordinal() - days_late)
    assert bucket_of(due, as_of) is bucket


def test_age_sums_per_bucket_and_to_the_total() -> None:
    as_of = date(2026, 6, 30)
    items = [
        (date(2026, 7, 10), D("10.00")),
        (date(2026, 6, 20), D("20.00")),
        (date(2026, 6, 25), D("5.00")),
        (date(2026, 1, 1), D("1.01")),
    ]
    buckets = age(items, as_of)
    assert buckets == {
        AgeBucket.NOT_DUE: D("10.00"),
        AgeBucket.D1_30: D("25.00"),
        AgeBucket.D31_60: D("0.00"),
        AgeBucket.D61_90: D("0.00"),
        AgeBucket.OVER_90: D("1.01"),
    }
    assert sum(buckets.values()) == sum(a for _, a in items)


# ----------------------------------------------------------------------------- currency


def test_conversion_rounds_half_up_and_rates_are_checked() -> None:
    assert to_base(D("100.00"), D("7.123456")) == D("712.35")
    assert to_base(D("0.01"), D("0.5")) == D("0.01")
    assert parse_rate(" 7.1234 ") == D("7.123400")
    for bad in ("0", "-1", "x", "1.0000001"):
        with pytest.raises(ValueError, match="not a rate"):
            parse_rate(bad)
    assert rate_problem(D("1")) is None


def test_the_bucket_edges_as_dates_agree_with_the_buckets() -> None:
    from sms_desktop.domain.orders import bucket_edges

    as_of = date(2027, 3, 31)
    edges = bucket_edges(as_of)
    for late in range(-5, 130):
        due = as_of - timedelta(days=late)
        by_edges = next((b for b, earliest in edges if due >= earliest), AgeBucket.OVER_90)
        assert by_edges is bucket_of(due, as_of), late
