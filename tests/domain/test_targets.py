"""Targets maths: periods, attainment, tiers at their exact boundaries, spreading, pace."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sms_desktop.domain.enums import PeriodKind
from sms_desktop.domain.targets import (
    Period,
    Tier,
    applicable_tier,
    attainment_percent,
    commission,
    projection,
    spread,
    spread_evenly,
    working_days,
)

D = Decimal
TIERS = (Tier(D(0), D(2)), Tier(D(80), D(3)), Tier(D(100), D(5)))


def test_periods_have_calendar_boundaries() -> None:
    q = Period.containing(PeriodKind.QUARTER, date(2024, 5, 17))
    assert (q.start, q.end, q.days) == (date(2024, 4, 1), date(2024, 6, 30), 91)
    feb = Period.containing(PeriodKind.MONTH, date(2024, 2, 29))
    assert (feb.end, feb.days) == (date(2024, 2, 29), 29)
    assert Period(PeriodKind.MONTH, date(2025, 1, 1)).previous().start == date(2024, 12, 1)
    assert Period(PeriodKind.QUARTER, date(2025, 1, 1)).shifted(-1).start == date(2024, 10, 1)
    year = Period(PeriodKind.YEAR, date(2025, 1, 1))
    assert [p.start.month for p in year.sub_periods(PeriodKind.QUARTER)] == [1, 4, 7, 10]
    assert len(year.sub_periods(PeriodKind.MONTH)) == 12
    assert year.year_before().start == date(2024, 1, 1)
    assert q.contains(date(2024, 6, 30)) and not q.contains(date(2024, 7, 1))
    with pytest.raises(ValueError, match="does not start"):
        Period(PeriodKind.QUARTER, date(2024, 2, 1))


def test_attainment_rounds_half_up_and_needs_a_target() -> None:
    assert attainment_percent(D("1"), D("3")) == D("33.33")
    assert attainment_percent(D("2"), D("3")) == D("66.67")
    assert attainment_percent(D("5"), D(0)) is None
    assert attainment_percent(D("5"), None) is None


@pytest.mark.parametrize(
    ("actual", "rate", "amount"),
    [
        (D("7999.00"), D(2), D("159.98")),  # 79.99 %
        (D("7999.99"), D(2), D("160.00")),  # 79.9999 %: still below 80 %
        (D("8000.00"), D(3), D("240.00")),  # exactly 80 %
        (D("9999.99"), D(3), D("300.00")),  # just below 100 %
        (D("10000.00"), D(5), D("500.00")),  # exactly 100 %: the top tier and the bonus
    ],
)
def test_tiers_at_their_exact_boundaries(actual: Decimal, rate: Decimal, amount: Decimal) -> None:
    result = commission(
        TIERS, basis=actual, actual=actual, target=D("10000.00"), bonus_at_target=D("1000")
    )
    assert result.tier is not None and result.tier.rate == rate
    assert result.rate_amount == amount
    assert result.bonus == (D("1000.00") if actual >= D(10000) else D(0))
    assert result.total == result.rate_amount + result.bonus


def test_below_the_lowest_tier_pays_nothing_and_basis_may_differ() -> None:
    tiers = (Tier(D(50), D(4)),)
    assert applicable_tier(tiers, D("49.99"), D(100)) is None
    low = commission(tiers, basis=D(1000), actual=D("49.99"), target=D(100))
    assert low.total == D(0) and low.tier is None
    # a margin plan: attainment on margin, rate on the margin basis, rounded half up
    margin = commission(tiers, basis=D("333.37"), actual=D(60), target=D(100))
    assert margin.rate_amount == D("13.33")
    # without a target only a 0 % tier applies, and there is no bonus
    assert commission(
        TIERS, basis=D(100), actual=D(5), target=None, bonus_at_target=D(9)
    ).total == D(2)


def test_spreading_sums_exactly() -> None:
    parts = spread_evenly(D("100000.00"), 12)
    assert sum(parts) == D("100000.00") and parts[0] == D("8333.34") and parts[-1] == D("8333.33")
    seasonal = spread(D("1000000.01"), [D("3.1"), D("0"), D("7"), D("1.3"), D("2"), D("9")] * 2)
    assert sum(seasonal) == D("1000000.01") and seasonal[1] == D(0)
    counts = spread(D(10), [1, 1, 1], unit=D(1))
    assert counts == [D(4), D(3), D(3)]
    assert spread(D("12.00"), [0, 0, 0]) == [D("4.00")] * 3
    with pytest.raises(ValueError, match="whole number"):
        spread(D("1.005"), [1, 2])


def test_projection_extrapolates_only_the_recurring_part() -> None:
    april = Period(PeriodKind.MONTH, date(2025, 4, 1))
    # 10 April 2025: 8 working days behind, 14 ahead. 1000 so far, 600 of it recurring
    # → +600 × 14/8 = 1050, plus 500 pipeline
    assert projection(
        D(1000), recurring=D(600), pipeline=D(500), period=april, today=date(2025, 4, 10)
    ) == D(2550)
    assert projection(
        D(1000), recurring=D(600), pipeline=D(500), period=april, today=date(2025, 4, 30)
    ) == D(1000)
    assert projection(
        D(0), recurring=D(0), pipeline=D(500), period=april, today=date(2025, 3, 1)
    ) == D(500)


def test_no_projection_before_five_working_days() -> None:
    """Day 1 of a month is no pace (one day × 31 was shown as a forecast); nor are the first
    four working days; the fifth is."""
    june = Period(PeriodKind.MONTH, date(2026, 6, 1))  # Monday 1 June 2026
    for day in (1, 2, 3, 4):
        assert (
            projection(
                D(100), recurring=D(100), pipeline=D(0), period=june, today=date(2026, 6, day)
            )
            is None
        )
    # Friday 5 June: 5 working days behind, 17 ahead
    assert projection(
        D(100), recurring=D(100), pipeline=D(0), period=june, today=date(2026, 6, 5)
    ) == D(100) + D(340)
    # a weekend adds no working day: Saturday 6 June is the same pace as the Friday
    assert projection(
        D(100), recurring=D(100), pipeline=D(0), period=june, today=date(2026, 6, 6)
    ) == D(440)


def test_working_days() -> None:
    assert working_days(date(2026, 6, 1), date(2026, 6, 30)) == 22
    assert working_days(date(2026, 6, 6), date(2026, 6, 7)) == 0  # a weekend
    assert working_days(date(2026, 6, 2), date(2026, 6, 1)) == 0


@given(
    cents=st.integers(min_value=0, max_value=10**14),
    weights=st.lists(st.integers(min_value=0, max_value=10**9), min_size=1, max_size=24),
)
def test_spreading_always_sums_exactly_in_whole_cents(cents: int, weights: list[int]) -> None:
    total = Decimal(cents).scaleb(-2)
    parts = spread(total, weights)
    assert sum(parts) == total
    assert all(p >= 0 and p == p.quantize(Decimal("0.01")) for p in parts)
    if any(weights):  # a month without last-year figures gets nothing
        assert all(p == 0 for p, w in zip(parts, weights, strict=True) if w == 0)
