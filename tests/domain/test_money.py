"""Money arithmetic: half-up rounding, exact minor units, parsing user text."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sms_desktop.domain.money import (
    CENT,
    CURRENCIES,
    DEFAULT_CURRENCY,
    ZERO,
    from_minor,
    parse_money,
    round_money,
    to_minor,
)

INT64 = 2**63 - 1


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("0.125", "0.13"),
        ("0.124", "0.12"),
        ("0.115", "0.12"),
        ("0.105", "0.11"),
        ("2.675", "2.68"),  # 2.675 is 2.67499… as a float: Decimal keeps it exact
        ("1.005", "1.01"),
        ("0.005", "0.01"),
        ("0.0049", "0.00"),
        ("-0.125", "-0.13"),
        ("-0.124", "-0.12"),
        ("-2.675", "-2.68"),
        ("-0.005", "-0.01"),
        ("10", "10.00"),
        ("99.995", "100.00"),
        ("123456789012.345", "123456789012.35"),
    ],
)
def test_round_money_is_half_up_away_from_zero(value: str, expected: str) -> None:
    result = round_money(Decimal(value))
    assert result == Decimal(expected)
    assert str(result) == expected  # always exactly two decimals
    assert result.as_tuple().exponent == -2


def test_round_money_is_not_bankers_rounding() -> None:
    # ROUND_HALF_EVEN would give 0.12 and 0.14 here; 四舍五入 gives 0.13 and 0.15.
    assert round_money(Decimal("0.125")) == Decimal("0.13")
    assert round_money(Decimal("0.145")) == Decimal("0.15")
    assert round_money(Decimal("0.135")) == Decimal("0.14")


@given(
    st.decimals(
        min_value=-(10**12), max_value=10**12, allow_nan=False, allow_infinity=False, places=6
    )
)
def test_round_money_is_within_half_a_cent_and_idempotent(value: Decimal) -> None:
    rounded = round_money(value)
    assert abs(rounded - value) <= Decimal("0.005")
    assert round_money(rounded) == rounded
    assert rounded.as_tuple().exponent == -2
    # Half up: a value exactly half-way moves away from zero.
    if abs(rounded - value) == Decimal("0.005"):
        assert abs(rounded) > abs(value)


@pytest.mark.parametrize(
    ("value", "minor"),
    [
        ("0", 0),
        ("0.00", 0),
        ("0.01", 1),
        ("-0.01", -1),
        ("1.5", 150),
        ("1.50", 150),
        ("1.500", 150),  # trailing zeros are not sub-cent digits
        ("123456.78", 12345678),
        ("-99.99", -9999),
        ("1E+3", 100000),
        ("10000000000000.00", 10**15),
    ],
)
def test_to_minor(value: str, minor: int) -> None:
    result = to_minor(Decimal(value))
    assert result == minor
    assert type(result) is int


@pytest.mark.parametrize("value", ["0.001", "0.125", "-0.125", "1.999", "0.0000001", "1E-3"])
def test_to_minor_refuses_sub_cent_digits(value: str) -> None:
    with pytest.raises(ValueError, match="more than 2 decimals"):
        to_minor(Decimal(value))


@pytest.mark.parametrize("value", ["NaN", "-NaN", "Infinity", "-Infinity", "sNaN"])
def test_to_minor_refuses_non_finite(value: str) -> None:
    with pytest.raises(ValueError, match="not a finite amount"):
        to_minor(Decimal(value))


def test_to_minor_refuses_sub_cent_digits_beyond_the_default_decimal_precision() -> None:
    # 31 significant digits: Decimal.scaleb rounds to the context precision (28), so the
    # sub-cent digit must be caught before scaling instead of being rounded away silently.
    with pytest.raises(ValueError, match="more than 2 decimals"):
        to_minor(Decimal("1234567890123456789012345678.915"))


def test_from_minor() -> None:
    assert from_minor(0) == ZERO
    assert str(from_minor(0)) == "0.00"
    assert str(from_minor(1)) == "0.01"
    assert str(from_minor(-1)) == "-0.01"
    assert str(from_minor(12345)) == "123.45"
    assert from_minor(10**15) == Decimal("10000000000000")
    assert Decimal("0.01") == CENT


@given(st.integers(min_value=-INT64 - 1, max_value=INT64))
def test_to_minor_inverts_from_minor(minor: int) -> None:
    assert to_minor(from_minor(minor)) == minor


@given(
    st.decimals(
        allow_nan=False, allow_infinity=False, places=2, min_value=-(10**16), max_value=10**16
    )
)
def test_from_minor_inverts_to_minor(value: Decimal) -> None:
    assert from_minor(to_minor(value)) == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1,234.5", "1234.5"),
        ("¥ 1 234.50", "1234.50"),
        ("￥1,234.50", "1234.50"),
        ("$12", "12"),
        ("€ 0.99", "0.99"),
        ("  42  ", "42"),
        ("1\u00a0000", "1000"),
        ("1，000", "1000"),
        ("-12.34", "-12.34"),
        ("0", "0"),
        ("0.125", "0.125"),  # parsing does not round: callers decide
        ("12万", "120000"),
        ("1.5万", "15000"),
        ("3千", "3000"),
        ("2亿", "200000000"),
        ("１２３４．５", "1234.5"),  # full-width digits and point
        ("CN¥ 1,000", "1000"),
        ("US$ 5", "5"),
        ("100元", "100"),
        ("12 万", "120000"),
    ],
)
def test_parse_money(text: str, expected: str) -> None:
    result = parse_money(text)
    assert isinstance(result, Decimal)
    assert result == Decimal(expected)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "¥",
        "abc",
        "12abc",
        "1.2.3",
        "NaN",
        "nan",
        "Infinity",
        "-inf",
        "12..5",
        "--1",
        "1/2",
        "一百",
        "万",
        "12万万",
        "万12",
    ],
)
def test_parse_money_refuses_junk(text: str) -> None:
    with pytest.raises(ValueError):  # noqa: PT011 - the message varies by the kind of junk
        parse_money(text)


def test_currencies() -> None:
    assert DEFAULT_CURRENCY == "CNY"
    assert DEFAULT_CURRENCY in CURRENCIES
    assert all(len(code) == 3 and code.isupper() for code in CURRENCIES)
    assert len(set(CURRENCIES)) == len(CURRENCIES)
