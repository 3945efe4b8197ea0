"""CSAT, NPS and their quarters, by hand."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sms_desktop.domain.surveys import average, by_quarter, csat, nps


def test_csat_is_the_share_of_fours_and_fives() -> None:
    # 5, 4, 4 satisfied of 7 → 42.857 % → 42.9.
    assert csat([5, 4, 4, 3, 2, 1, 3]) == Decimal("42.9")
    assert average([5, 4, 4, 3, 2, 1, 3]) == Decimal("3.1")  # 22 / 7 = 3.142…
    assert csat([]) is None and average([]) is None


def test_nps_is_promoters_less_detractors() -> None:
    # Promoters 10, 9, 9 (3); passives 8, 7 (2); detractors 6, 0, 3 (3): (3 − 3) / 8 = 0.
    assert nps([10, 9, 9, 8, 7, 6, 0, 3]) == 0
    # 2 promoters, 1 detractor of 3: 33.3 → 33; 1 of 8 promoters only → 12.5 → 13 (half up).
    assert nps([10, 10, 2]) == 33
    assert nps([9, 8, 8, 8, 8, 8, 8, 8]) == 13
    assert nps([0]) == -100 and nps([]) is None


def test_quarters_include_the_empty_ones() -> None:
    answers = [(date(2026, 1, 5), 5, 10), (date(2026, 2, 1), 2, None), (date(2026, 7, 9), 4, 6)]
    periods = by_quarter(answers, date(2026, 1, 1), date(2026, 9, 30))
    assert [(p.label, p.surveys, p.csat, p.nps, p.nps_answers) for p in periods] == [
        ("2026-Q1", 2, Decimal("50.0"), 100, 1),
        ("2026-Q2", 0, None, None, 0),
        ("2026-Q3", 1, Decimal("100.0"), -100, 1),
    ]


def test_low_scores_response_rate_and_questions() -> None:
    from sms_desktop.domain.surveys import is_low, questions_of, response_rate

    assert is_low(2, None) and is_low(5, 6) and is_low(1, 10)
    assert not is_low(3, None) and not is_low(3, 7) and not is_low(5, 10)
    assert response_rate(2, 3) == Decimal("66.7") and response_rate(0, 0) is None
    assert questions_of(" 哪里可以更好？\n\n 还会再买吗？ ") == ("哪里可以更好？", "还会再买吗？")
