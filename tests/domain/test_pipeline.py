"""Pipeline rules: the stage state machine, probabilities, weighted amounts, staleness, and the
next-activity dot by the local calendar day."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from itertools import product
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sms_desktop.domain.enums import StageKind
from sms_desktop.domain.money import MAX_AMOUNT, from_minor, to_minor
from sms_desktop.domain.pipeline import (
    ALLOWED_MOVES,
    WEIGHTED_GROUP_MODULUS,
    Attention,
    NextActivity,
    activity_state_on,
    attention,
    can_move,
    next_activity_state,
    probability,
    weighted_amount,
    weighted_minor,
    weighted_sum_minor,
)

OPEN, WON, LOST = StageKind.OPEN, StageKind.WON, StageKind.LOST
SHANGHAI = ZoneInfo("Asia/Shanghai")

# ------------------------------------------------------------------------------ moves

EXPECTED_ALLOWED = {(OPEN, OPEN), (OPEN, WON), (OPEN, LOST), (LOST, OPEN)}


def test_the_allowed_moves_are_exactly_the_state_machine() -> None:
    assert frozenset(EXPECTED_ALLOWED) == ALLOWED_MOVES


@pytest.mark.parametrize(("source", "target"), list(product(StageKind, StageKind)))
def test_every_kind_pair(source: StageKind, target: StageKind) -> None:
    allowed = (source, target) in EXPECTED_ALLOWED
    assert can_move(source, target, to_archived=False, same_stage=False) is allowed


@pytest.mark.parametrize(("source", "target"), list(product(StageKind, StageKind)))
def test_the_same_stage_and_archived_stages_are_always_refused(
    source: StageKind, target: StageKind
) -> None:
    assert not can_move(source, target, to_archived=False, same_stage=True)
    assert not can_move(source, target, to_archived=True, same_stage=False)
    assert not can_move(source, target, to_archived=True, same_stage=True)


def test_a_won_deal_is_final_and_a_lost_one_can_only_reopen() -> None:
    assert not any(can_move(WON, k, to_archived=False, same_stage=False) for k in StageKind)
    assert [k for k in StageKind if can_move(LOST, k, to_archived=False, same_stage=False)] == [
        OPEN
    ]


# ------------------------------------------------------------------ probability & weight


@pytest.mark.parametrize(
    ("default", "override", "expected"),
    [(60, None, 60), (60, 75, 75), (60, 0, 0), (10, 100, 100), (0, None, 0)],
)
def test_probability_override_wins_even_when_zero(
    default: int, override: int | None, expected: int
) -> None:
    assert probability(default, override) == expected


@pytest.mark.parametrize(
    ("amount", "chance", "expected"),
    [
        ("0.25", 50, "0.13"),  # 0.125 → half up
        ("1.25", 10, "0.13"),  # 0.125
        ("0.01", 50, "0.01"),  # 0.005
        ("0.01", 49, "0.00"),  # 0.0049
        ("0.35", 50, "0.18"),  # 0.175
        ("2.45", 5, "0.12"),  # 0.1225
        ("80000.00", 60, "48000.00"),
        ("45000.00", 75, "33750.00"),
        ("12345.67", 33, "4074.07"),  # 4074.0711
        ("0.00", 80, "0.00"),
        ("100.00", 0, "0.00"),
        ("999999999999.99", 100, "999999999999.99"),
        ("999999999999.99", 1, "10000000000.00"),  # 9999999999.9999
    ],
)
def test_weighted_amount_is_exact_and_rounds_half_up(
    amount: str, chance: int, expected: str
) -> None:
    result = weighted_amount(Decimal(amount), chance)
    assert result == Decimal(expected)
    assert str(result) == expected  # two decimals, no float anywhere


@given(
    st.integers(min_value=0, max_value=to_minor(MAX_AMOUNT)),
    st.integers(min_value=0, max_value=100),
)
def test_weighted_minor_is_weighted_amount_in_cents(minor: int, chance: int) -> None:
    assert from_minor(weighted_minor(minor, chance)) == weighted_amount(from_minor(minor), chance)


def test_weighted_minor_refuses_negative_amounts() -> None:
    with pytest.raises(ValueError, match="negative"):
        weighted_minor(-1, 50)


# ------------------------------------------------------------------------------ stale


@pytest.mark.parametrize(
    ("age", "limit", "dot", "expected"),
    [
        (14, 14, NextActivity.PLANNED, Attention.NONE),  # on the limit: not yet
        (15, 14, NextActivity.PLANNED, Attention.STALE),  # past it
        (0, 14, NextActivity.NONE, Attention.NO_NEXT_STEP),  # a new deal is not stale
        (400, None, NextActivity.PLANNED, Attention.NONE),  # stages without a limit
        (400, None, NextActivity.NONE, Attention.NO_NEXT_STEP),
        (3, 14, NextActivity.OVERDUE, Attention.NONE),  # overdue still counts as planned
        (30, 14, NextActivity.OVERDUE, Attention.STALE),
        (30, 14, NextActivity.NONE, Attention.STALE),  # past the limit says the more
        (3, 14, NextActivity.TODAY, Attention.NONE),
    ],
)
def test_attention(age: int, limit: int | None, dot: NextActivity, expected: Attention) -> None:
    assert attention(age, limit, dot) is expected


# ---------------------------------------------------------------------- next activity

# 00:30 on 16 March in Shanghai is still 15 March in UTC.
JUST_AFTER_MIDNIGHT_SHANGHAI = datetime(2026, 3, 15, 16, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("due", "in_shanghai", "in_utc"),
    [
        # 23:59 on the 15th in Shanghai: yesterday there, today in UTC
        (datetime(2026, 3, 15, 15, 59, tzinfo=UTC), NextActivity.OVERDUE, NextActivity.TODAY),
        # 00:00 on the 16th in Shanghai: today in both
        (datetime(2026, 3, 15, 16, 0, tzinfo=UTC), NextActivity.TODAY, NextActivity.TODAY),
        # 23:59 on the 16th in Shanghai: today there, tomorrow in UTC
        (datetime(2026, 3, 16, 15, 59, tzinfo=UTC), NextActivity.TODAY, NextActivity.PLANNED),
        # 00:00 on the 17th in Shanghai: tomorrow in both
        (datetime(2026, 3, 16, 16, 0, tzinfo=UTC), NextActivity.PLANNED, NextActivity.PLANNED),
        # 23:59 on the 14th in UTC: overdue in both
        (datetime(2026, 3, 14, 23, 59, tzinfo=UTC), NextActivity.OVERDUE, NextActivity.OVERDUE),
        (None, NextActivity.NONE, NextActivity.NONE),
    ],
)
def test_next_activity_compares_local_calendar_days(
    due: datetime | None, in_shanghai: NextActivity, in_utc: NextActivity
) -> None:
    now = JUST_AFTER_MIDNIGHT_SHANGHAI
    assert next_activity_state(due, now, SHANGHAI) is in_shanghai
    assert next_activity_state(due, now, UTC) is in_utc


def test_next_activity_accepts_times_in_any_zone() -> None:
    # The same instants expressed in Shanghai time give the same answers.
    now = JUST_AFTER_MIDNIGHT_SHANGHAI.astimezone(SHANGHAI)
    due = datetime(2026, 3, 15, 23, 59, tzinfo=SHANGHAI)
    assert next_activity_state(due, now, SHANGHAI) is NextActivity.OVERDUE
    assert next_activity_state(due, now, UTC) is NextActivity.TODAY


def test_activity_state_on_days() -> None:
    today = date(2026, 3, 16)
    assert activity_state_on(None, today) is NextActivity.NONE
    assert activity_state_on(today - timedelta(days=1), today) is NextActivity.OVERDUE
    assert activity_state_on(today, today) is NextActivity.TODAY
    assert activity_state_on(today + timedelta(days=1), today) is NextActivity.PLANNED


@given(
    st.integers(0, 100),
    st.lists(st.integers(0, to_minor(MAX_AMOUNT)), min_size=0, max_size=40),
)
def test_a_grouped_weighted_sum_is_the_sum_of_the_rounded_deals(
    percent: int, amounts: list[int]
) -> None:
    """Grouped by amount modulo 100 (as SQL groups them), the sum equals adding each deal's
    own rounded weighted amount."""
    expected = sum(weighted_minor(a, percent) for a in amounts)
    groups: dict[int, list[int]] = {}
    for a in amounts:
        groups.setdefault(a % WEIGHTED_GROUP_MODULUS, []).append(a)
    got = sum(weighted_sum_minor(percent, r, len(g), sum(g)) for r, g in groups.items())
    assert got == expected


def test_a_grouped_weighted_sum_refuses_amounts_outside_the_group() -> None:
    assert weighted_sum_minor(50, 1, 2, 102) == 1 + 51  # 0.01 and 1.01 at 50 %
    assert weighted_sum_minor(50, 0, 0, 0) == 0
    with pytest.raises(ValueError, match="amounts not all"):
        weighted_sum_minor(50, 1, 2, 103)
    with pytest.raises(ValueError, match="amounts not all"):
        weighted_sum_minor(50, 100, 1, 100)
