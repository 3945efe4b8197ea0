"""Document number patterns: the fields, the widths, and every way a pattern is refused."""

from __future__ import annotations

from datetime import date

import pytest

from sms_desktop.domain.numbering import (
    MAX_NUMBER_LENGTH,
    PatternError,
    parse_pattern,
)

DAY = date(2026, 3, 7)


@pytest.mark.parametrize(
    ("pattern", "seq", "number"),
    [
        ("Q-{year}-{seq:04}", 12, "Q-2026-0012"),
        ("SO-{year}-{seq:05}", 1, "SO-2026-00001"),
        ("BJ{yy}{month}{seq:3}", 7, "BJ2603007"),
        ("报价{year}{month}-{seq}", 123, "报价202603-123"),
        ("{seq}", 100000, "100000"),
        ("Q-{seq:2}", 12345, "Q-12345"),  # the width pads, it never cuts
        ("{seq:10}", 1, "0000000001"),
    ],
)
def test_fields_render(pattern: str, seq: int, number: str) -> None:
    assert parse_pattern(pattern).render(day=DAY, seq=seq) == number


def test_the_year_decides_the_counter() -> None:
    assert parse_pattern("Q-{year}-{seq}").has_year
    assert parse_pattern("Q-{yy}{seq}").has_year
    assert not parse_pattern("Q-{month}-{seq}").has_year


@pytest.mark.parametrize(
    ("pattern", "words"),
    [
        ("Q-{seq!s:.0}", "{seq!s:.0} is not a number pattern field"),
        ("Q-{seq.__class__.__name__}", "is not a number pattern field"),
        ("{seq:>1000000000}", "{seq:>1000000000} is not a number pattern field"),
        ("{seq[0]}", "is not a number pattern field"),
        ("{0}{seq}", "{0} is not a number pattern field"),
        ("{}{seq}", "{} is not a number pattern field"),
        ("{day}-{seq}", "{day} is not a number pattern field"),
        ("{ seq }", "is not a number pattern field"),
        ("{seq:0}", "Only {seq} takes a width, a number from 1 to 10"),
        ("{seq:11}", "Only {seq} takes a width"),
        ("{year:4}-{seq}", "Only {seq} takes a width"),
        ("{seq:٤}", "is not a number pattern field"),  # an Arabic-Indic digit
        ("Q-{seq", "Write each field of the number pattern in a pair of braces"),
        ("Q-}{seq}", "in a pair of braces"),
        ("Q-{{seq}}", "in a pair of braces"),
        ("Q-{year}", "Add {seq} to the number pattern"),
        ("", "Add {seq} to the number pattern"),
        ("X" * 35 + "{seq}", "longer than 40 characters"),  # a 6-digit number won't fit
        ("{seq}" * 30, "longer than 40 characters"),
        ("Q\x00{seq}", "control characters"),
        ("Q\n{seq}", "control characters"),
    ],
)
def test_refused_with_a_message(pattern: str, words: str) -> None:
    with pytest.raises(PatternError) as caught:
        parse_pattern(pattern)
    assert words in caught.value.render()


def test_a_long_field_is_shown_cut_short() -> None:
    with pytest.raises(PatternError) as caught:
        parse_pattern("{seq." + "a" * 60 + "}")
    assert "a" * 30 not in caught.value.render()


def test_a_number_that_outgrows_the_column_is_refused() -> None:
    pattern = parse_pattern("X" * 30 + "{seq}")  # fits for a million numbers
    assert len(pattern.render(day=DAY, seq=999_999)) <= MAX_NUMBER_LENGTH
    with pytest.raises(PatternError, match="longer than 40"):
        pattern.render(day=DAY, seq=10**12)
