"""Number patterns from Settings, fuzzed: reading one never hangs, never reaches into Python
objects, and every accepted pattern gives short numbers that differ for every sequence."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from sms_desktop.domain.numbering import MAX_NUMBER_LENGTH, PatternError, parse_pattern

DAY = date(2026, 12, 31)
SEQUENCES = (1, 2, 9, 10, 11, 99, 100, 12_345, 999_999)
# The language, written independently of the parser: literal text without braces or
# control characters, and the five kinds of field.
GRAMMAR = re.compile(r"(?:[^{}\x00-\x1f\x7f]|\{(?:year|yy|month|seq(?::(?:0?[1-9]|10))?)\})*")
FIELD = re.compile(r"\{(year|yy|month|seq)(?::([0-9]+))?\}")
PIECES = [
    "{year}",
    "{yy}",
    "{month}",
    "{seq}",
    "{seq:4}",
    "{seq:04}",
    "{seq:10}",
    "{seq:0}",
    "{seq:11}",
    "{seq!s:.0}",
    "{seq!r}",
    "{seq.__class__.__name__}",
    "{seq.real}",
    "{seq[0]}",
    "{seq:>1000000000}",
    "{seq:,}",
    "{year:04}",
    "{0}",
    "{}",
    "{",
    "}",
    "{{",
    "}}",
    "Q-",
    "-",
    "报价",
    "\x00",
]
patterns = st.one_of(
    st.text(max_size=60),
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=4)), max_size=14).map("".join),
)


class Trap(int):
    """A sequence number that fails the test if anything reads its attributes or formats
    it the way ``str.format`` would (``{seq.__class__}``, ``{seq:>9}``)."""

    def __getattribute__(self, name: str) -> Any:
        raise AssertionError(f"the pattern reached seq.{name}")

    def __format__(self, spec: str) -> str:
        raise AssertionError(f"the pattern formatted seq with {spec!r}")


def _expected(pattern: str, seq: int) -> str:
    def field(match: re.Match[str]) -> str:
        name, width = match.group(1), match.group(2)
        if name == "year":
            return str(DAY.year)
        if name == "yy":
            return str(DAY.year)[2:]
        if name == "month":
            return f"{DAY.month:02d}"
        return str(seq).rjust(int(width or 0), "0")

    return FIELD.sub(field, pattern)


@settings(max_examples=600, deadline=timedelta(milliseconds=500))
@given(patterns)
def test_any_pattern_is_read_safely(text: str) -> None:
    try:
        pattern = parse_pattern(text)
    except PatternError as exc:
        message = exc.render()
        assert "\n" not in message and len(message) < 200, message
        if GRAMMAR.fullmatch(text):  # well formed, so refused for another reason
            assert (
                not re.search(r"\{seq[:}]", text)
                or len(_expected(text, SEQUENCES[-1])) > MAX_NUMBER_LENGTH
                or len(text) > 100
            ), text
        return
    assert GRAMMAR.fullmatch(text), text
    numbers = [pattern.render(day=DAY, seq=Trap(seq)) for seq in SEQUENCES]
    assert numbers == [_expected(text, seq) for seq in SEQUENCES]
    assert all(len(number) <= MAX_NUMBER_LENGTH for number in numbers), numbers
    assert len(set(numbers)) == len(numbers), numbers  # every document its own number


def test_the_audits_patterns_are_refused_without_touching_the_number() -> None:
    for text in ("Q-{seq!s:.0}", "Q-{seq.__class__.__name__}", "{seq:>1000000000}"):
        try:
            parse_pattern(text).render(day=DAY, seq=Trap(1))
        except PatternError:
            continue
        raise AssertionError(f"{text} was accepted")
