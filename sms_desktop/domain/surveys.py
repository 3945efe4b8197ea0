"""Satisfaction survey figures (满意度调查): CSAT, NPS and their course over quarters.

* **CSAT** (1–5 per answer): the share of answers scoring 4 or 5, in percent (one decimal,
  half up); the average score beside it.
* **NPS** (0–10 per answer, where asked): promoters (9–10) less detractors (0–6), in percent
  of the answers, rounded half up to a whole number (−100 … 100).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from sms_desktop.domain.calendar import add_months, quarter_of, quarter_start

_TENTH = Decimal("0.1")


def csat(scores: Sequence[int]) -> Decimal | None:
    """Percent of scores of 4 or 5; None without answers."""
    if not scores:
        return None
    satisfied = sum(1 for s in scores if s >= 4)
    return (Decimal(100 * satisfied) / len(scores)).quantize(_TENTH, ROUND_HALF_UP)


def average(scores: Sequence[int]) -> Decimal | None:
    if not scores:
        return None
    return (Decimal(sum(scores)) / len(scores)).quantize(_TENTH, ROUND_HALF_UP)


def nps(answers: Sequence[int]) -> int | None:
    """Promoters less detractors in percent, half up; None without answers."""
    if not answers:
        return None
    promoters = sum(1 for a in answers if a >= 9)
    detractors = sum(1 for a in answers if a <= 6)
    value = Decimal(100 * (promoters - detractors)) / len(answers)
    return int(value.quantize(Decimal(1), ROUND_HALF_UP))


@dataclass(frozen=True, slots=True)
class SurveyPeriod:
    """One quarter's surveys."""

    start: date
    label: str  # 2026-Q3
    surveys: int
    csat: Decimal | None
    average: Decimal | None
    nps: int | None
    nps_answers: int


def by_quarter(
    answers: Iterable[tuple[date, int, int | None]], first: date, last: date
) -> list[SurveyPeriod]:
    """Every quarter from the one containing ``first`` to the one containing ``last`` (empty
    ones included), from ``(day, score 1–5, nps 0–10 or None)`` answers."""
    scores: dict[date, list[int]] = {}
    promoters: dict[date, list[int]] = {}
    for day, score, recommend in answers:
        start = quarter_start(day)
        scores.setdefault(start, []).append(score)
        if recommend is not None:
            promoters.setdefault(start, []).append(recommend)
    periods: list[SurveyPeriod] = []
    start = quarter_start(first)
    while start <= last:
        these = scores.get(start, [])
        asked = promoters.get(start, [])
        periods.append(
            SurveyPeriod(
                start,
                f"{start.year}-Q{quarter_of(start)}",
                len(these),
                csat(these),
                average(these),
                nps(asked),
                len(asked),
            )
        )
        start = add_months(start, 3)
    return periods


# A low score asks for a follow-up (回访) by the account owner: satisfaction 2 or less of 5,
# or a recommendation of 6 or less of 10 (a detractor).
LOW_CSAT = 2
LOW_NPS = 6


def is_low(score: int, recommend: int | None) -> bool:
    """Whether an answer asks for a follow-up task."""
    return score <= LOW_CSAT or (recommend is not None and recommend <= LOW_NPS)


def response_rate(answered: int, asked: int) -> Decimal | None:
    """Answered requests in percent of those asked (one decimal, half up)."""
    if asked <= 0:
        return None
    return (Decimal(100 * answered) / asked).quantize(_TENTH, ROUND_HALF_UP)


def questions_of(text: str | None) -> tuple[str, ...]:
    """A template's open questions: one a line, blank lines left out."""
    return tuple(line.strip() for line in (text or "").splitlines() if line.strip())
