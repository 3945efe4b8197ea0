"""Win probability (赢单概率) learned from the user's own closed deals, and explainable.

A deal is described by its factors (:class:`DealFacts`): its stage, source, industry,
customer tier, new or existing customer, owner, amount band, age in its stage, activities in
the last 30 days, days since the last activity, whether a quote was sent. Each factor is a
category (numbers are put in bands), one-hot encoded against its most common level.

The model is a logistic regression (statsmodels ``GLM`` with a binomial family and a light
ridge penalty, imported only when a model is fitted) whose offset is the logit of the stage's
default probability: the stage default is where every deal starts, and each factor moves it
up or down. A deal's explanation reads in percentage points: a factor's effect is the
probability with its level less the probability with the average deal's contribution of that
factor instead ("来源：老客户推荐 +12").

:func:`evaluate` measures the model as a user would meet it: trained on the deals closed
before a date, tested on those closed after; the Brier score beside the stage defaults' and
the calibration (predicted against observed win rate per band).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from sms_desktop.domain.i18n import Message, translate

MIN_CLOSED = 50  # fewer closed deals than this: the stage defaults, and the user is told
MIN_LEVEL = 5  # a level seen fewer times than this is pooled into "other"
TRAIN_SHARE = 0.7  # the time split: the oldest 70 % of closed deals train, the rest test
RIDGE = 0.002  # the penalty: keeps rare levels from running off to ±infinity
BANDS = 10  # calibration bands of 10 points each
OTHER = "__other__"
NONE = "__none__"

FACTORS: tuple[str, ...] = (
    "stage",
    "source",
    "industry",
    "tier",
    "customer",
    "owner",
    "amount",
    "age",
    "activities",
    "recency",
    "quote",
)

FACTOR_NAMES: dict[str, Message] = {
    "stage": translate("WinModel", "Stage"),
    "source": translate("WinModel", "Source"),
    "industry": translate("WinModel", "Industry"),
    "tier": translate("WinModel", "Customer tier"),
    "customer": translate("WinModel", "Customer"),
    "owner": translate("WinModel", "Owner"),
    "amount": translate("WinModel", "Amount"),
    "age": translate("WinModel", "Time in stage"),
    "activities": translate("WinModel", "Activities in 30 days"),
    "recency": translate("WinModel", "Last activity"),
    "quote": translate("WinModel", "Quote"),
}

LEVEL_NAMES: dict[str, Message] = {
    OTHER: translate("WinModel", "other"),
    NONE: translate("WinModel", "none"),
    "new": translate("WinModel", "new customer"),
    "existing": translate("WinModel", "existing customer"),
    "age<15": translate("WinModel", "under 15 days"),
    "age<46": translate("WinModel", "15–45 days"),
    "age<91": translate("WinModel", "46–90 days"),
    "age91+": translate("WinModel", "over 90 days"),
    "recent<8": translate("WinModel", "within 7 days"),
    "recent<31": translate("WinModel", "8–30 days ago"),
    "recent31+": translate("WinModel", "over 30 days ago"),
    "never": translate("WinModel", "no activity"),
    "sent": translate("WinModel", "sent"),
    "not_sent": translate("WinModel", "not sent"),
}

STAGE_DEFAULTS_USED = translate(
    "WinModel",
    "Fewer than {minimum} closed deals ({count}): the stages' default probabilities are used.",
)

_AMOUNT_BANDS = (
    (Decimal(10_000), "< 10,000"),
    (Decimal(50_000), "10,000–50,000"),
    (Decimal(200_000), "50,000–200,000"),
)


@dataclass(frozen=True, slots=True)
class DealFacts:
    """What is known of a deal at one moment (its close, or today for an open one)."""

    stage: str
    stage_default: int  # percent
    source: str | None = None
    industry: str | None = None
    tier: str | None = None
    existing_customer: bool = False
    owner: str | None = None
    amount: Decimal = Decimal(0)
    age_in_stage: int = 0  # days
    activities_30d: int = 0
    days_since_activity: int | None = None
    quote_sent: bool = False


def _text(value: str | None) -> str:
    return value.strip() if value and value.strip() else NONE


def amount_band(amount: Decimal) -> str:
    for limit, name in _AMOUNT_BANDS:
        if amount < limit:
            return name
    return "≥ 200,000"


def levels(facts: DealFacts) -> dict[str, str]:
    """Each factor's level (a category; numbers in bands)."""
    age = facts.age_in_stage
    recency = facts.days_since_activity
    return {
        "stage": _text(facts.stage),
        "source": _text(facts.source),
        "industry": _text(facts.industry),
        "tier": _text(facts.tier),
        "customer": "existing" if facts.existing_customer else "new",
        "owner": _text(facts.owner),
        "amount": amount_band(facts.amount),
        "age": "age<15"
        if age < 15
        else "age<46"
        if age < 46
        else "age<91"
        if age < 91
        else "age91+",
        "activities": "0"
        if facts.activities_30d == 0
        else "1–2"
        if facts.activities_30d < 3
        else "3+",
        "recency": (
            "never"
            if recency is None
            else "recent<8"
            if recency <= 7
            else "recent<31"
            if recency <= 30
            else "recent31+"
        ),
        "quote": "sent" if facts.quote_sent else "not_sent",
    }


def level_name(level: str) -> Message | str:
    """A level as the user reads it: a translated band, or the user's own word."""
    return LEVEL_NAMES.get(level, level)


def _logit(percent: float) -> float:
    p = min(max(percent / 100, 0.01), 0.99)
    return math.log(p / (1 - p))


def _sigmoid(x: float) -> float:
    if x >= 0:
        return 1 / (1 + math.exp(-x))
    e = math.exp(x)
    return e / (1 + e)


@dataclass(frozen=True, slots=True)
class Encoder:
    """Per factor, the levels kept (seen at least :data:`MIN_LEVEL` times) and the
    reference level (the most common), which has no column of its own."""

    kept: dict[str, frozenset[str]]
    reference: dict[str, str]
    columns: tuple[tuple[str, str], ...]

    @classmethod
    def fit(cls, rows: Sequence[dict[str, str]]) -> Encoder:
        kept: dict[str, frozenset[str]] = {}
        reference: dict[str, str] = {}
        columns: list[tuple[str, str]] = []
        for factor in FACTORS:
            counts = Counter(row[factor] for row in rows)
            common = frozenset(level for level, n in counts.items() if n >= MIN_LEVEL)
            pooled = Counter(level if level in common else OTHER for level in counts.elements())
            kept[factor] = common
            reference[factor] = max(sorted(pooled), key=lambda level: pooled[level])
            columns += [(factor, level) for level in sorted(pooled) if level != reference[factor]]
        return cls(kept, reference, tuple(columns))

    def level(self, factor: str, level: str) -> str:
        return level if level in self.kept[factor] else OTHER

    def encode(self, row: dict[str, str]) -> list[float]:
        chosen = {(factor, self.level(factor, row[factor])) for factor in FACTORS}
        return [1.0 if column in chosen else 0.0 for column in self.columns]


@dataclass(frozen=True, slots=True)
class FactorEffect:
    factor: str
    level: str
    points: float  # percentage points this factor adds (or takes) against its reference

    @property
    def name(self) -> Message:
        return FACTOR_NAMES[self.factor]


@dataclass(frozen=True, slots=True)
class WinModel:
    """A fitted model: the intercept and one coefficient per (factor, level) column."""

    encoder: Encoder
    intercept: float
    coefficients: tuple[float, ...]  # one per ``encoder.columns``
    n_train: int
    # Per factor, its mean contribution over the training deals: an effect is explained
    # against the average deal, not against the factor's reference level.
    centres: dict[str, float] = field(default_factory=dict)

    def coefficient(self, factor: str, level: str) -> float:
        column = (factor, self.encoder.level(factor, level))
        if column not in self.encoder.columns:
            return 0.0  # the reference level
        return self.coefficients[self.encoder.columns.index(column)]

    def _eta(self, facts: DealFacts) -> tuple[float, dict[str, float]]:
        row = levels(facts)
        parts = {factor: self.coefficient(factor, row[factor]) for factor in FACTORS}
        return _logit(facts.stage_default) + self.intercept + sum(parts.values()), parts

    def probability(self, facts: DealFacts) -> float:
        """The chance to win, 0..1."""
        return _sigmoid(self._eta(facts)[0])

    def explain(self, facts: DealFacts, top: int = 3) -> tuple[FactorEffect, ...]:
        """The ``top`` factors that move this deal's probability most, each with its signed
        effect in percentage points (the probability with it less without it)."""
        eta, parts = self._eta(facts)
        p = _sigmoid(eta)
        row = levels(facts)
        effects = [
            FactorEffect(
                factor, row[factor], 100 * (p - _sigmoid(eta - part + self.centres.get(factor, 0)))
            )
            for factor, part in parts.items()
        ]
        effects = [e for e in effects if round(e.points, 1) != 0]
        effects.sort(key=lambda e: (-abs(e.points), FACTORS.index(e.factor)))
        return tuple(effects[:top])


def fit(facts: Sequence[DealFacts], won: Sequence[bool]) -> WinModel:
    """Fit the logistic regression on closed deals (``won``: their outcomes)."""
    import numpy as np
    import statsmodels.api as sm

    rows = [levels(f) for f in facts]
    encoder = Encoder.fit(rows)
    x = np.asarray([[1.0, *encoder.encode(r)] for r in rows], dtype=float)
    y = np.asarray([1.0 if w else 0.0 for w in won])
    offset = np.asarray([_logit(f.stage_default) for f in facts])
    penalty = np.full(x.shape[1], RIDGE)
    penalty[0] = 0.0  # the intercept is not shrunk
    result = sm.GLM(y, x, family=sm.families.Binomial(), offset=offset).fit_regularized(
        alpha=penalty, L1_wt=0.0
    )
    params = [float(v) for v in result.params]
    model = WinModel(encoder, params[0], tuple(params[1:]), len(rows))
    centres = {
        factor: sum(model.coefficient(factor, r[factor]) for r in rows) / len(rows)
        for factor in FACTORS
    }
    return WinModel(encoder, params[0], tuple(params[1:]), len(rows), centres)


def brier(predicted: Sequence[float], won: Sequence[bool]) -> float | None:
    """Mean squared difference between the predicted chance and the outcome (0 is best)."""
    if not predicted:
        return None
    return sum((p - (1.0 if w else 0.0)) ** 2 for p, w in zip(predicted, won, strict=True)) / len(
        predicted
    )


def calibration(
    predicted: Sequence[float], won: Sequence[bool]
) -> tuple[tuple[float, float, int], ...]:
    """Per band of 10 points with deals in it: (mean predicted, observed win rate, deals)."""
    bands: dict[int, list[tuple[float, bool]]] = {}
    for p, w in zip(predicted, won, strict=True):
        bands.setdefault(min(int(p * BANDS), BANDS - 1), []).append((p, w))
    return tuple(
        (
            sum(p for p, _w in items) / len(items),
            sum(1 for _p, w in items if w) / len(items),
            len(items),
        )
        for _band, items in sorted(bands.items())
    )


@dataclass(frozen=True, slots=True)
class ModelReport:
    """The time-split backtest of the model against the stage defaults."""

    n_closed: int
    n_train: int
    n_test: int
    split: date | None  # the first close date of the test deals
    brier_model: float | None
    brier_stage: float | None
    calibration: tuple[tuple[float, float, int], ...]  # the model's, on the test deals
    stage_calibration: tuple[tuple[float, float, int], ...]
    uses_model: bool  # False: too few closed deals, the stage defaults are used
    message: Message | None = None


def evaluate(
    facts: Sequence[DealFacts], won: Sequence[bool], closed_on: Sequence[date]
) -> ModelReport:
    """Train on the oldest :data:`TRAIN_SHARE` of the closed deals (by close date), test on
    the later ones; with fewer than :data:`MIN_CLOSED`, report the stage defaults only."""
    n = len(facts)
    order = sorted(range(n), key=lambda i: (closed_on[i], i))
    if n < MIN_CLOSED:
        stage = [facts[i].stage_default / 100 for i in order]
        outcomes = [won[i] for i in order]
        return ModelReport(
            n,
            0,
            n,
            None,
            None,
            brier(stage, outcomes),
            (),
            calibration(stage, outcomes),
            False,
            STAGE_DEFAULTS_USED.format(minimum=MIN_CLOSED, count=n),
        )
    cut = int(n * TRAIN_SHARE)
    # Deals closed on the split day all go to the test side: training sees only the past.
    split_day = closed_on[order[cut]]
    train = [i for i in order if closed_on[i] < split_day]
    test = [i for i in order if closed_on[i] >= split_day]
    model = fit([facts[i] for i in train], [won[i] for i in train])
    predicted = [model.probability(facts[i]) for i in test]
    stage = [facts[i].stage_default / 100 for i in test]
    outcomes = [won[i] for i in test]
    return ModelReport(
        n,
        len(train),
        len(test),
        split_day,
        brier(predicted, outcomes),
        brier(stage, outcomes),
        calibration(predicted, outcomes),
        calibration(stage, outcomes),
        True,
    )
