"""Document numbers (``Q-2026-0012``, ``SO-2026-0042``): counted per kind in
``number_sequences`` inside the transaction that inserts the document, so numbers are unique
and without gaps. The pattern language is :mod:`sms_desktop.domain.numbering`'s.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from sms_desktop.domain.errors import ConflictError
from sms_desktop.domain.i18n import translate
from sms_desktop.domain.numbering import NumberPattern, PatternError, parse_pattern
from sms_desktop.persistence import models as m

DocumentKind = Literal["quote", "order", "delivery"]
# Numbers made outside the counter (imports, older data, another pattern) are skipped, at
# most this many times in a row: one indexed look-up each, inside the write transaction.
MAX_SKIPPED_NUMBERS = 1000


def _sequence_key(kind: DocumentKind, pattern: NumberPattern, day: date) -> str:
    """The counter of ``pattern``'s numbers: one per year when the numbers show the year,
    else one over all years, so that a pattern without the year never repeats a number."""
    return f"{kind}:{day.year}" if pattern.has_year else f"{kind}:all"


def peek_number(session: Session, kind: DocumentKind, pattern: str, day: date) -> str:
    """The number the next ``kind`` dated ``day`` would get from ``pattern`` (a preview:
    nothing is counted). Raises ``PatternError`` if the pattern can't be used."""
    parsed = parse_pattern(pattern)
    sequence = session.get(m.NumberSequence, _sequence_key(kind, parsed, day))
    return parsed.render(day=day, seq=(sequence.last_value if sequence else 0) + 1)


def take_number(session: Session, pattern: str, kind: DocumentKind, day: date, model: Any) -> str:
    """The next number of ``pattern`` for a document dated ``day`` (``model``: the table whose
    ``number`` it must not repeat), counted in the caller's transaction."""
    try:
        parsed = parse_pattern(pattern)
    except PatternError:
        raise ConflictError(
            translate(
                "Quotes",
                "The number pattern in Settings ▸ Defaults can't be used: correct it there.",
            )
        ) from None
    key = _sequence_key(kind, parsed, day)
    sequence = session.get(m.NumberSequence, key)
    if sequence is None:
        sequence = m.NumberSequence(scope=key, last_value=0)
        session.add(sequence)
    for _ in range(MAX_SKIPPED_NUMBERS + 1):
        sequence.last_value += 1
        number = parsed.render(day=day, seq=sequence.last_value)
        # Numbers made outside the counter (imports, older data) are skipped, not reused.
        taken = session.execute(select(model.id).where(model.number == number).limit(1)).first()
        if taken is None:
            return number
    raise ConflictError(
        translate(
            "Quotes",
            "The next {count} numbers of this pattern are already taken: "
            "change the number pattern in Settings ▸ Defaults.",
        ).format(count=MAX_SKIPPED_NUMBERS)
    )
