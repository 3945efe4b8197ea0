"""Document number patterns: literal text and the fields {year}, {yy}, {month}, {seq}, {seq:N}.

Settings store a pattern such as ``Q-{year}-{seq:04}``. It is parsed here, never handed to
``str.format``: a format string from the user can reach object attributes
(``{seq.__class__}``), produce the same text for every number (``{seq!s:.0}``) or build a huge
string (``{seq:>1000000000}``). Every pattern this module accepts turns different sequence
numbers into different document numbers, and its numbers are short.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Literal, cast

from sms_desktop.domain.errors import DomainError
from sms_desktop.domain.i18n import Message, translate

MAX_NUMBER_LENGTH = 40  # the number columns of quotes and orders hold 40 characters
MAX_PATTERN_LENGTH = 100  # longer text is refused before it is read
MAX_WIDTH = 10  # {seq:N}: zero-padded to N digits, 1 ≤ N ≤ 10
# Accepted patterns give numbers of at most MAX_NUMBER_LENGTH characters for every
# sequence number up to this one (a million documents a year).
CHECKED_SEQUENCE = 999_999

FieldName = Literal["year", "yy", "month", "seq"]
_FIELD = re.compile(r"(year|yy|month|seq)(?::([0-9]{1,2}))?", re.ASCII)
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_EXAMPLE = "Q-{year}-{seq:04}"


class PatternError(DomainError):
    """A number pattern that cannot be used; the message says what to change."""


@dataclass(frozen=True, slots=True)
class Field:
    """One ``{…}`` of a pattern; ``width`` (``{seq:N}`` only) pads with zeros."""

    name: FieldName
    width: int = 0


@dataclass(frozen=True, slots=True)
class NumberPattern:
    """A parsed pattern: literal strings and fields, in order."""

    text: str
    parts: tuple[str | Field, ...]

    @property
    def has_year(self) -> bool:
        """Whether the numbers show the year, so a counter per year keeps them apart."""
        return any(isinstance(p, Field) and p.name in ("year", "yy") for p in self.parts)

    def render(self, *, day: date, seq: int) -> str:
        """The number ``seq`` of the document dated ``day``.

        Raises ``PatternError`` if the number would be longer than ``MAX_NUMBER_LENGTH``.
        """
        if seq < 1:
            raise ValueError(f"a sequence number starts at 1, not {seq}")
        pieces: list[str] = []
        for part in self.parts:
            if isinstance(part, str):
                pieces.append(part)
            elif part.name == "year":
                pieces.append(f"{day.year:04d}")
            elif part.name == "yy":
                pieces.append(f"{day.year % 100:02d}")
            elif part.name == "month":
                pieces.append(f"{day.month:02d}")
            else:
                pieces.append(str(seq).zfill(part.width))
        number = "".join(pieces)
        if len(number) > MAX_NUMBER_LENGTH:
            raise PatternError(_too_long())
        return number


def parse_pattern(text: str) -> NumberPattern:
    """Read ``text`` as a number pattern; raises ``PatternError`` saying what to change."""
    if len(text) > MAX_PATTERN_LENGTH:
        raise PatternError(_too_long())
    if _CONTROL.search(text):
        raise PatternError(
            translate("Numbering", "Remove the control characters from the number pattern.")
        )
    parts: list[str | Field] = []
    literal: list[str] = []
    position = 0
    while position < len(text):
        ch = text[position]
        if ch == "}":
            raise PatternError(_unbalanced())
        if ch != "{":
            literal.append(ch)
            position += 1
            continue
        end = text.find("}", position + 1)
        if end < 0 or "{" in text[position + 1 : end]:
            raise PatternError(_unbalanced())
        if literal:
            parts.append("".join(literal))
            literal = []
        parts.append(_field(text[position + 1 : end]))
        position = end + 1
    if literal:
        parts.append("".join(literal))
    if not any(isinstance(p, Field) and p.name == "seq" for p in parts):
        raise PatternError(
            translate(
                "Numbering",
                "Add {{seq}} to the number pattern so that every number is different, "
                "e.g. {example}.",
            ).format(example=_EXAMPLE)
        )
    pattern = NumberPattern(text, tuple(parts))
    pattern.render(day=date(2026, 12, 31), seq=CHECKED_SEQUENCE)  # raises if too long
    return pattern


def _field(body: str) -> Field:
    match = _FIELD.fullmatch(body)
    if match is None:
        shown = body if len(body) <= 20 else body[:20] + "…"
        raise PatternError(
            translate(
                "Numbering",
                "{field} is not a number pattern field: use {{year}}, {{yy}}, {{month}}, "
                "{{seq}} or {{seq:4}}.",
            ).format(field="{" + shown + "}")
        )
    name, width = match.group(1), match.group(2)
    if width is None:
        return Field(cast(FieldName, name))
    if name != "seq" or not 1 <= int(width) <= MAX_WIDTH:
        raise PatternError(
            translate(
                "Numbering",
                "Only {{seq}} takes a width, a number from 1 to 10: e.g. {{seq:4}} gives 0001.",
            )
        )
    return Field("seq", int(width))


def _unbalanced() -> Message:
    return translate(
        "Numbering",
        "Write each field of the number pattern in a pair of braces, e.g. {example}; "
        "braces cannot be used as text.",
    ).format(example=_EXAMPLE)


def _too_long() -> Message:
    return translate(
        "Numbering",
        "Numbers from this pattern would be longer than 40 characters; shorten the pattern.",
    )
