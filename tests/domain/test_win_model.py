"""Win probability on a generated history whose true effects are known: the fitted effects
have the right sign and order, the model beats the stage defaults on the later deals, and its
calibration bands lie within a few points of what happened."""

from __future__ import annotations

import math
import random
from datetime import date, timedelta
from decimal import Decimal

import pytest

from sms_desktop.domain.win_model import (
    MIN_CLOSED,
    DealFacts,
    brier,
    calibration,
    evaluate,
    fit,
    levels,
)

STAGES = (("初步接触", 10), ("需求确认", 30), ("方案报价", 50), ("谈判", 70))
# The true effects on the log-odds, against each factor's most common level.
TRUE = {
    ("source", "老客户推荐"): 1.2,
    ("source", "展会"): -0.6,
    ("activities", "3+"): 0.9,
    ("recency", "recent31+"): -1.1,
    ("quote", "sent"): 0.7,
    ("amount", "≥ 200,000"): -0.8,
}


def _history(n: int, seed: int = 7) -> tuple[list[DealFacts], list[bool], list[date]]:
    rng = random.Random(seed)
    facts, won, closed = [], [], []
    start = date(2023, 1, 1)
    for i in range(n):
        stage, default = rng.choice(STAGES)
        deal = DealFacts(
            stage=stage,
            stage_default=default,
            source=rng.choices(["官网", "老客户推荐", "展会"], weights=(5, 3, 2))[0],
            industry=rng.choice(["制造业", "零售", "教育"]),
            tier=rng.choice(["A", "B"]),
            existing_customer=rng.random() < 0.4,
            owner=rng.choice(["王伟", "李娜", "张敏"]),
            amount=Decimal(rng.choice((5_000, 30_000, 120_000, 500_000))),
            age_in_stage=rng.randint(1, 60),
            activities_30d=rng.choices([0, 1, 4], weights=(4, 4, 3))[0],
            days_since_activity=rng.choices([3, 20, 60], weights=(5, 3, 2))[0],
            quote_sent=rng.random() < 0.35,
        )
        row = levels(deal)
        eta = math.log(default / (100 - default)) + sum(
            effect for (factor, level), effect in TRUE.items() if row[factor] == level
        )
        facts.append(deal)
        won.append(rng.random() < 1 / (1 + math.exp(-eta)))
        closed.append(start + timedelta(days=i // 2))
    return facts, won, closed


def test_fitted_effects_have_the_true_signs_and_order() -> None:
    facts, won, _closed = _history(3000)
    model = fit(facts, won)
    fitted = {key: model.coefficient(*key) for key in TRUE}
    for key, effect in TRUE.items():
        assert math.copysign(1, fitted[key]) == math.copysign(1, effect), key
        assert abs(fitted[key] - effect) < 0.35, (key, fitted[key])
    order = sorted(TRUE, key=lambda k: TRUE[k])
    assert sorted(fitted, key=lambda k: fitted[k]) == order
    # a factor without a true effect stays near zero
    assert abs(model.coefficient("industry", "零售")) < 0.25


def test_the_model_beats_the_stage_defaults_and_is_calibrated() -> None:
    facts, won, closed = _history(3000)
    report = evaluate(facts, won, closed)
    assert report.uses_model
    assert report.n_train + report.n_test == 3000
    assert report.n_test >= 800
    assert report.split is not None
    assert all(c >= report.split for c in closed[-report.n_test :])
    assert report.brier_model is not None and report.brier_stage is not None
    assert report.brier_model < report.brier_stage - 0.01
    for predicted, observed, count in report.calibration:
        if count >= 60:
            assert abs(predicted - observed) < 0.08, (predicted, observed, count)


def test_explanation_in_points_beside_the_stage_default() -> None:
    facts, won, _closed = _history(3000)
    model = fit(facts, won)
    deal = DealFacts(
        stage="方案报价",
        stage_default=50,
        source="老客户推荐",
        activities_30d=5,
        days_since_activity=2,
        quote_sent=True,
        amount=Decimal(8_000),
    )
    effects = model.explain(deal)
    assert effects[0].factor == "source"
    assert all(e.points > 0 for e in effects)
    assert model.probability(deal) > 0.5 + sum(e.points for e in effects[:1]) / 100 - 0.05
    cold = DealFacts(stage="方案报价", stage_default=50, days_since_activity=90)
    assert model.explain(cold)[0].factor == "recency"
    assert model.explain(cold)[0].points < -10


def test_few_closed_deals_fall_back_to_the_stage_defaults() -> None:
    facts, won, closed = _history(MIN_CLOSED - 1)
    report = evaluate(facts, won, closed)
    assert not report.uses_model
    assert report.message is not None and "49" in report.message.render()
    assert report.brier_model is None and report.brier_stage is not None


def test_brier_and_calibration_by_hand() -> None:
    assert brier([], []) is None
    assert brier([0.8, 0.2], [True, False]) == pytest.approx(0.04)
    assert calibration([0.05, 0.07, 0.95], [False, True, True]) == (
        (pytest.approx(0.06), 0.5, 2),
        (0.95, 1.0, 1),
    )
