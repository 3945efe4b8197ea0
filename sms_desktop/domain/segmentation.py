"""Key-account maths: RFM, ABC, customer lifetime value, account health and the key-account tier.

Pure functions over ``date`` and ``Decimal``; every class comes with the figures that explain
it. The definitions, once:

* **RFM** (as of a day, over customers with at least one counted order before it): recency =
  days since the last order, frequency = distinct orders, monetary = net revenue
  (``domain/revenue.py``). Each is scored 1–5 by quintiles, 5 best: a customer's score is
  ``1 + ⌊5·k / n⌋`` where ``k`` is how many of the ``n`` customers are *strictly worse*.
  Equal values therefore share a score (the lower one: ten customers with one order each
  among twenty all score F1), and the result does not depend on the order of the input.
* **RFM segment:** each score is "high" from :attr:`SegmentationParams.rfm_high_from`
  upwards; the eight high/low patterns name a segment (:data:`RFM_RULES`, the one table the
  UI shows).
* **ABC** on the net revenue of a period: customers sorted by revenue, largest first; a
  customer is A while the revenue of the customers *before* it is below 80 % of the total (so
  the customer who crosses 80 % is still A), B while below 95 %, C the rest. Customers with
  equal revenue share the class (and the rank) of the first of them, so a tie never splits on
  an id. No revenue in the period (or a negative one) is C.
* **CLV:** historical value (lifetime margin) plus an estimate of the next 12 months' margin
  (:func:`clv_estimate`): order rate × chance still active × 365 days × average order margin.
* **Health** 0–100: the weighted mean of the components that can be measured
  (:func:`health`); an unmeasured one is left out and the weights of the others renormalised.
* **Key-account score** 0–100: value, potential, strategic fit and growth weighted by the
  settings; the score picks the tier (战略客户 / 关键客户 / 发展客户 / 普通客户).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from functools import partial
from typing import NamedTuple, TypeVar

from sms_desktop.domain.i18n import Message, translate
from sms_desktop.domain.money import ZERO, from_minor, round_money, to_minor

_HUNDRED = Decimal(100)
_SHARE = Decimal("0.01")
_DAYS_AHEAD = 365  # the CLV estimate looks one year ahead


_T = TypeVar("_T", int, Decimal)
_K = TypeVar("_K")


# ------------------------------------------------------------------------ parameters


@dataclass(frozen=True, slots=True)
class SegmentationParams:
    """Thresholds and weights (stored in Settings under ``accounts.``)."""

    abc_a_percent: int = 80  # A while the revenue before is below this share of the total
    abc_b_percent: int = 95  # B while below this one
    rfm_high_from: int = 3  # an R, F or M score from this value up is "high"
    default_interval_days: int = 180  # re-order interval of a customer with one order
    dropout_percent: int = 10  # chance a customer stops after an order (CLV)
    contact_days: int = 60  # a key account should hear from us at least this often
    reorder_due_percent: int = 100  # next-best action: re-order due at this share of the interval
    weight_value: int = 50
    weight_potential: int = 20
    weight_fit: int = 15
    weight_growth: int = 15
    tier_strategic: int = 75  # score from which a customer is 战略客户
    tier_key: int = 60
    tier_develop: int = 40
    health_weight_reorder: int = 30
    health_weight_trend: int = 25
    health_weight_satisfaction: int = 20
    health_weight_contact: int = 15
    health_weight_receivables: int = 10  # used once overdue receivables are known
    # Next-best actions.
    quote_expiry_days: int = 7  # a sent quote expiring within this many days
    health_drop_points: int = 15  # health this much below its baseline of 30+ days ago
    low_satisfaction_score: int = 2  # a survey scored this or lower, not followed up
    snooze_days: int = 30  # a dismissed suggestion stays hidden this long


def params_problems(params: SegmentationParams) -> list[tuple[str, Message]]:
    """What is wrong with a set of parameters (field, message); empty when usable."""
    problems: list[tuple[str, Message]] = []
    if not 0 < params.abc_a_percent < params.abc_b_percent <= 100:
        problems.append(
            (
                "abc_a_percent",
                translate("Segmentation", "The A share must be below the B share, within 1–100."),
            )
        )
    if not 1 <= params.rfm_high_from <= 5:
        problems.append(
            ("rfm_high_from", translate("Segmentation", "A high score is from 1 to 5."))
        )
    if not 0 <= params.dropout_percent < 100:
        problems.append(
            ("dropout_percent", translate("Segmentation", "The dropout chance is 0–99 %."))
        )
    if params.default_interval_days < 1 or params.contact_days < 1:
        problems.append(
            ("contact_days", translate("Segmentation", "Intervals are at least one day."))
        )
    if not 0 <= params.tier_develop <= params.tier_key <= params.tier_strategic <= 100:
        problems.append(
            (
                "tier_strategic",
                translate("Segmentation", "Tier thresholds rise from develop to strategic, 0–100."),
            )
        )
    return problems


# ------------------------------------------------------------------------------- RFM


def quintile_scores(values: Sequence[_T], *, higher_is_better: bool = True) -> list[int]:
    """Scores 1–5 of ``values`` (in their order): ``1 + ⌊5·k / n⌋``, ``k`` = values strictly
    worse. Ties share the lower score; the order of the input does not matter."""
    n = len(values)
    ordered = sorted(values)
    # Walking from the best end, a value's last position p leaves n − 1 − p values strictly
    # worse than it (the dictionary keeps the last position of each value).
    last = {v: p for p, v in enumerate(reversed(ordered) if higher_is_better else ordered)}
    top = n - 1
    return [1 + 5 * (top - last[v]) // n for v in values]


class RfmSegment(StrEnum):
    """The eight R/F/M high-low patterns (the classic Chinese RFM model)."""

    CHAMPIONS = "champions"  # 重要价值客户: recent, frequent, big
    LOYAL = "loyal"  # 重要保持客户: frequent and big, but not lately
    POTENTIAL = "potential"  # 重要发展客户: recent and big, not yet frequent
    AT_RISK = "at_risk"  # 重要挽留客户: big once, neither recent nor frequent
    REGULAR = "regular"  # 一般价值客户: recent and frequent, small
    NEW = "new"  # 一般发展客户: recent, neither frequent nor big
    NEED_ATTENTION = "need_attention"  # 一般保持客户: frequent once, small, not lately
    HIBERNATING = "hibernating"  # 一般挽留客户: low on all three

    @property
    def label(self) -> Message:
        return _SEGMENT_LABELS[self]

    @property
    def advice(self) -> Message:
        return _SEGMENT_ADVICE[self]


_SEGMENT_LABELS = {
    RfmSegment.CHAMPIONS: translate("Segmentation", "Champions"),
    RfmSegment.LOYAL: translate("Segmentation", "Loyal"),
    RfmSegment.POTENTIAL: translate("Segmentation", "Promising"),
    RfmSegment.AT_RISK: translate("Segmentation", "At risk"),
    RfmSegment.REGULAR: translate("Segmentation", "Regulars"),
    RfmSegment.NEW: translate("Segmentation", "New and small"),
    RfmSegment.NEED_ATTENTION: translate("Segmentation", "Need attention"),
    RfmSegment.HIBERNATING: translate("Segmentation", "Hibernating"),
}
_SEGMENT_ADVICE = {
    RfmSegment.CHAMPIONS: translate("Segmentation", "Keep them: priority service, early offers."),
    RfmSegment.LOYAL: translate("Segmentation", "Buying less lately: call before they lapse."),
    RfmSegment.POTENTIAL: translate("Segmentation", "Big and recent: develop repeat orders."),
    RfmSegment.AT_RISK: translate("Segmentation", "Were big, now away: win them back."),
    RfmSegment.REGULAR: translate("Segmentation", "Frequent small orders: sell up."),
    RfmSegment.NEW: translate("Segmentation", "Recent and small: nurture the second order."),
    RfmSegment.NEED_ATTENTION: translate("Segmentation", "Used to order often: reactivate."),
    RfmSegment.HIBERNATING: translate("Segmentation", "Low on all three: low-cost contact."),
}

# (R high, F high, M high) → segment: the rule table, written once.
RFM_RULES: Mapping[tuple[bool, bool, bool], RfmSegment] = {
    (True, True, True): RfmSegment.CHAMPIONS,
    (False, True, True): RfmSegment.LOYAL,
    (True, False, True): RfmSegment.POTENTIAL,
    (False, False, True): RfmSegment.AT_RISK,
    (True, True, False): RfmSegment.REGULAR,
    (True, False, False): RfmSegment.NEW,
    (False, True, False): RfmSegment.NEED_ATTENTION,
    (False, False, False): RfmSegment.HIBERNATING,
}


def rfm_segment(r: int, f: int, m: int, high_from: int = 3) -> RfmSegment:
    return RFM_RULES[(r >= high_from, f >= high_from, m >= high_from)]


# ------------------------------------------------------------------------------- ABC


class AbcClass(StrEnum):
    A = "A"
    B = "B"
    C = "C"


class AbcResult(NamedTuple):
    """A customer's class, its rank by revenue (1 = largest; ties share one) and its share of
    the period's total revenue in percent (two decimals, half up)."""

    abc: AbcClass
    rank: int
    share: Decimal


def abc_classes(
    revenues: Mapping[int, _T], a_percent: int = 80, b_percent: int = 95
) -> dict[int, AbcResult]:
    """ABC of every customer in ``revenues`` (customer id → revenue of the period; amounts or
    minor units alike)."""
    customers = list(revenues)
    klasses, ranks, shares = _abc_columns([revenues[c] for c in customers], a_percent, b_percent)
    return {
        customer: AbcResult(klass, rank, share)
        for customer, klass, rank, share in zip(customers, klasses, ranks, shares, strict=True)
    }


def _abc_columns(
    values: Sequence[_T], a_percent: int, b_percent: int
) -> tuple[list[AbcClass], list[int], list[Decimal]]:
    """:func:`abc_classes` of ``values`` as three lists in their order: class, rank, share.
    Equal values form one group that shares the class, rank and share of its first member
    (so the order among them does not matter)."""
    count = len(values)
    total = sum(v for v in values if v > 0)
    klasses = [AbcClass.C] * count
    ranks = [0] * count
    shares = [ZERO] * count
    before = 0 * total  # revenue of the customers strictly larger than the current group
    group_value: _T | None = None
    klass = AbcClass.C
    share = ZERO
    rank = 0
    share_of: dict[int, Decimal] = {}  # shares repeat (most are under 0.01 %)
    for position, index in enumerate(
        sorted(range(count), key=values.__getitem__, reverse=True), start=1
    ):
        value = values[index]
        if value != group_value:
            group_value, rank = value, position
            if value <= 0 or total <= 0:
                klass, share = AbcClass.C, ZERO
            else:
                if before * 100 < a_percent * total:
                    klass = AbcClass.A
                elif before * 100 < b_percent * total:
                    klass = AbcClass.B
                else:
                    klass = AbcClass.C
                # Hundredths of a percent, half up (value and total are positive).
                hundredths = int((value * 20000 + total) // (2 * total))
                cached = share_of.get(hundredths)
                if cached is None:
                    cached = share_of[hundredths] = Decimal(hundredths).scaleb(-2)
                share = cached
        before += value
        klasses[index] = klass
        ranks[index] = rank
        shares[index] = share
    return klasses, ranks, shares


# ------------------------------------------------------------------------------- CLV


@dataclass(frozen=True, slots=True)
class ClvEstimate:
    """The next 12 months' expected margin and the figures it is made of."""

    orders_per_year: Decimal  # the customer's order rate while active (2 decimals)
    p_alive: Decimal  # chance the customer still buys, 0–1 (4 decimals)
    next_12m: Decimal  # expected margin of the next 12 months


def usual_interval_days(orders: int, first: date, last: date, default_days: int) -> Decimal:
    """The customer's own re-order interval: the days between its first and last order over
    the gaps between them; ``default_days`` for a single order (or all on one day)."""
    span = (last - first).days
    if orders < 2 or span <= 0:
        return Decimal(default_days)
    return Decimal(span) / (orders - 1)


def clv_estimate(
    *,
    orders: int,
    first: date,
    last: date,
    margin: Decimal,
    as_of: date,
    default_interval_days: int = 180,
    dropout_percent: int = 10,
) -> ClvEstimate:
    """The closed-form estimate (a point version of the BG/NBD model):

    * order rate ``λ = 1 / usual interval`` (orders per day while the customer is active);
    * after each order the customer stops for good with probability ``d`` (dropout); an
      active one orders as a Poisson process, so a gap of ``r`` days since the last order has
      likelihood ``e^(−λr)`` if active and 1 if it stopped: ``P(alive) = 1 / (1 + d/(1−d) ·
      e^(λr))``;
    * expected margin of the next 365 days ``= P(alive) · λ · 365 · margin / orders``.
    """
    span = (last - first).days
    _interval, rate, alive, micro = _clv_point(
        orders, span, (as_of - last).days, default_interval_days, dropout_percent
    )
    return ClvEstimate(
        orders_per_year=Decimal(repr(round(rate * _DAYS_AHEAD, 2))),
        p_alive=Decimal(repr(round(alive, 4))),
        next_12m=from_minor(_expected_minor(to_minor(round_money(margin)), orders, micro)),
    )


def _clv_point(
    orders: int, span_days: int, recency_days: int, default_days: int, dropout_percent: int
) -> tuple[float, float, float, int]:
    """The usual interval (days), the order rate (per day), the chance still active, and the
    expected orders of the next 365 days in millionths (see :func:`clv_estimate`)."""
    interval = float(default_days) if orders < 2 or span_days <= 0 else span_days / (orders - 1)
    rate = 1 / interval
    exponent = rate * max(recency_days, 0)
    if dropout_percent <= 0:
        alive = 1.0
    elif exponent > 700:  # e^700 is near the float limit; the chance is 0 long before
        alive = 0.0
    else:
        alive = 1 / (1 + dropout_percent / (100 - dropout_percent) * math.exp(exponent))
    return interval, rate, alive, round(alive * rate * _DAYS_AHEAD * 1_000_000)


def _expected_minor(margin_minor: int, orders: int, micro_orders: int) -> int:
    """Average order margin × expected orders, in minor units, rounded half up (exactly)."""
    if orders <= 0:
        return 0
    numerator, denominator = margin_minor * micro_orders, orders * 1_000_000
    if numerator >= 0:
        return (2 * numerator + denominator) // (2 * denominator)
    return -((-2 * numerator + denominator) // (2 * denominator))


# ---------------------------------------------------------------------------- health


class HealthPart(StrEnum):
    """The components of account health, in the order they are shown."""

    REORDER = "reorder"
    TREND = "trend"
    SATISFACTION = "satisfaction"
    CONTACT = "contact"
    # The share of the open balance past its due date; left out for customers never invoiced.
    RECEIVABLES = "receivables"

    @property
    def label(self) -> Message:
        return _HEALTH_LABELS[self]


_HEALTH_LABELS = {
    HealthPart.REORDER: translate("Segmentation", "Re-order on time"),
    HealthPart.TREND: translate("Segmentation", "Revenue trend"),
    HealthPart.SATISFACTION: translate("Segmentation", "Satisfaction"),
    HealthPart.CONTACT: translate("Segmentation", "Contact recency"),
    HealthPart.RECEIVABLES: translate("Segmentation", "Overdue receivables"),
}


@dataclass(frozen=True, slots=True)
class HealthInput:
    """What account health is measured from (None: not known, the part is left out)."""

    recency_days: int
    interval_days: Decimal  # the customer's usual re-order interval
    revenue_last_6m: Decimal
    revenue_prev_6m: Decimal
    satisfaction_latest: int | None = None  # 1–5, the latest survey
    satisfaction_previous: int | None = None  # the one before it
    contact_days: int | None = None  # days since the last call, visit, message …
    # Open invoice balances as of the day (company currency): the part past its due date and
    # the whole; None for a customer never invoiced (imported history), a zero total for one
    # who owes nothing.
    overdue_receivables: Decimal | None = None
    receivables_total: Decimal | None = None


def _round(value: float) -> int:
    return math.floor(value + 0.5)


def _falling(ratio: float) -> int:
    """100 up to a ratio of 1, falling linearly to 0 at 3."""
    return max(0, min(100, _round(100 * (3 - ratio) / 2)))


def health_parts(data: HealthInput, contact_days: int = 60) -> dict[HealthPart, int | None]:
    """Each component 0–100 (None: not measurable for this customer).

    * re-order: days since the last order over the usual interval: 100 up to 1×, 0 at 3×;
    * trend: revenue of the last 6 months against the 6 before: 100 when not falling, less
      the fall in percent (a halving gives 50); None without revenue in either;
    * satisfaction: the latest survey score (1 → 0 … 5 → 100), 10 less per point it fell
      from the survey before;
    * contact: days since the last contact over ``contact_days``: 100 up to 1×, 0 at 3×;
    * receivables: the share of the open invoice balance that is past its due date (100
      none or nothing open, 0 all); None for a customer never invoiced.
    """
    parts: dict[HealthPart, int | None] = {}
    parts[HealthPart.REORDER] = _falling(data.recency_days / float(data.interval_days))
    last, prev = data.revenue_last_6m, data.revenue_prev_6m
    if last <= 0 and prev <= 0:
        parts[HealthPart.TREND] = None
    elif prev <= 0 or last >= prev:
        parts[HealthPart.TREND] = 100
    else:
        parts[HealthPart.TREND] = max(0, _round(float(100 * last / prev)))
    if data.satisfaction_latest is None:
        parts[HealthPart.SATISFACTION] = None
    else:
        value = (data.satisfaction_latest - 1) * 25
        if data.satisfaction_previous is not None:
            value -= 10 * max(0, data.satisfaction_previous - data.satisfaction_latest)
        parts[HealthPart.SATISFACTION] = max(0, value)
    parts[HealthPart.CONTACT] = (
        None if data.contact_days is None else _falling(data.contact_days / contact_days)
    )
    if data.overdue_receivables is None or data.receivables_total is None:
        parts[HealthPart.RECEIVABLES] = None
    elif data.receivables_total <= 0:
        parts[HealthPart.RECEIVABLES] = 100
    else:
        overdue = float(data.overdue_receivables / data.receivables_total)
        parts[HealthPart.RECEIVABLES] = max(0, _round(100 * (1 - overdue)))
    return parts


def health_weights(params: SegmentationParams) -> dict[HealthPart, int]:
    return {
        HealthPart.REORDER: params.health_weight_reorder,
        HealthPart.TREND: params.health_weight_trend,
        HealthPart.SATISFACTION: params.health_weight_satisfaction,
        HealthPart.CONTACT: params.health_weight_contact,
        HealthPart.RECEIVABLES: params.health_weight_receivables,
    }


def weighted_score(parts: Mapping[_K, int | None], weights: Mapping[_K, int]) -> int | None:
    """The weighted mean of the parts that are present, rounded half up; None if none is."""
    total = 0
    weight = 0
    for key, value in parts.items():
        w = weights.get(key, 0)
        if value is None or w <= 0:
            continue
        total += value * w
        weight += w
    if weight == 0:
        return None
    return (2 * total + weight) // (2 * weight)


def health(data: HealthInput, params: SegmentationParams) -> int | None:
    return weighted_score(health_parts(data, params.contact_days), health_weights(params))


def traffic_light(score: int | None) -> str | None:
    """ "green" from 70, "amber" from 40, "red" below; None without a score."""
    if score is None:
        return None
    return "green" if score >= 70 else "amber" if score >= 40 else "red"


# ------------------------------------------------------------------ key-account tier


class Tier(StrEnum):
    STRATEGIC = "strategic"  # 战略客户
    KEY = "key"  # 关键客户
    DEVELOP = "develop"  # 发展客户
    STANDARD = "standard"  # 普通客户

    @property
    def label(self) -> Message:
        return _TIER_LABELS[self]


_TIER_LABELS = {
    Tier.STRATEGIC: translate("Segmentation", "Strategic"),
    Tier.KEY: translate("Segmentation", "Key"),
    Tier.DEVELOP: translate("Segmentation", "Develop"),
    Tier.STANDARD: translate("Segmentation", "Standard"),
}

_ABC_POINTS = {AbcClass.A: 100, AbcClass.B: 60, AbcClass.C: 20}


class ScorePart(StrEnum):
    VALUE = "value"
    POTENTIAL = "potential"
    FIT = "fit"
    GROWTH = "growth"

    @property
    def label(self) -> Message:
        return _SCORE_LABELS[self]


_SCORE_LABELS = {
    ScorePart.VALUE: translate("Segmentation", "Value"),
    ScorePart.POTENTIAL: translate("Segmentation", "Potential"),
    ScorePart.FIT: translate("Segmentation", "Strategic fit"),
    ScorePart.GROWTH: translate("Segmentation", "Growth"),
}


def value_points(abc: AbcClass, r: int, f: int, m: int, clv_quintile: int) -> int:
    """Value 0–100: the mean of ABC (A 100, B 60, C 20), RFM ((R+F+M−3)/12) and the CLV
    quintile ((q−1)/4), each on 0–100."""
    rfm = (r + f + m - 3) * 100 / 12
    clv = (clv_quintile - 1) * 25
    return _round((_ABC_POINTS[abc] + rfm + clv) / 3)


def growth_points(last_12m: Decimal, prev_12m: Decimal) -> int:
    """Growth 0–100: 50 when flat, +50 per doubling … clamped; 100 for a first year's revenue
    from nothing, 0 for nothing at all."""
    if prev_12m <= 0:
        return 100 if last_12m > 0 else 0
    growth = float((last_12m - prev_12m) / prev_12m)
    return max(0, min(100, _round(50 + 50 * growth)))


def score_weights(params: SegmentationParams) -> dict[ScorePart, int]:
    return {
        ScorePart.VALUE: params.weight_value,
        ScorePart.POTENTIAL: params.weight_potential,
        ScorePart.FIT: params.weight_fit,
        ScorePart.GROWTH: params.weight_growth,
    }


def tier_of(score: int, params: SegmentationParams) -> Tier:
    if score >= params.tier_strategic:
        return Tier.STRATEGIC
    if score >= params.tier_key:
        return Tier.KEY
    if score >= params.tier_develop:
        return Tier.DEVELOP
    return Tier.STANDARD


# ------------------------------------------------------------------ all customers


class CustomerHistory(NamedTuple):
    """One customer's figures as of a day (orders before it only). Amounts are integer minor
    units (fen/cents), exactly as the database sums them: thousands of customers are scored
    at a time, and integers keep that exact and fast."""

    customer_id: int
    first_order: date
    last_order: date
    orders: int
    revenue: int  # lifetime net revenue
    margin: int  # lifetime margin
    period_revenue: int  # the ABC period's
    revenue_last_6m: int
    revenue_prev_6m: int
    revenue_last_12m: int
    revenue_prev_12m: int
    potential: int | None = None  # annual purchase potential, as entered
    strategic_fit: int | None = None  # 1–5, as entered
    last_contact: date | None = None
    satisfaction_latest: int | None = None
    satisfaction_previous: int | None = None
    overdue_receivables: int | None = None  # None: never invoiced (see HealthInput)
    receivables_total: int | None = None


class AccountScore(NamedTuple):
    """Every score of one customer, with what explains it."""

    customer_id: int
    recency_days: int
    frequency: int
    monetary: Decimal
    r: int
    f: int
    m: int
    rfm_segment: RfmSegment
    abc: AbcClass
    abc_rank: int
    abc_share: Decimal  # percent of the period's revenue
    period_revenue: Decimal
    clv_history: Decimal  # lifetime margin
    clv_next_12m: Decimal
    clv: Decimal
    p_alive: Decimal
    interval_days: int  # the usual re-order interval, rounded
    health: int | None
    health_reorder: int | None
    health_trend: int | None
    health_satisfaction: int | None
    health_contact: int | None
    health_receivables: int | None
    value_score: int
    potential_score: int | None
    fit_score: int | None
    growth_score: int
    score: int
    tier: Tier


class HistoryColumns(NamedTuple):
    """The figures of :class:`CustomerHistory`, a column each: customer ``i``'s are at index
    ``i`` of every column. What the database hands over in bulk, without a tuple per
    customer."""

    customer_id: Sequence[int]
    first_order: Sequence[date]
    last_order: Sequence[date]
    orders: Sequence[int]
    revenue: Sequence[int]
    margin: Sequence[int]
    period_revenue: Sequence[int]
    revenue_last_6m: Sequence[int]
    revenue_prev_6m: Sequence[int]
    revenue_last_12m: Sequence[int]
    revenue_prev_12m: Sequence[int]
    potential: Sequence[int | None]
    strategic_fit: Sequence[int | None]
    last_contact: Sequence[date | None]
    satisfaction_latest: Sequence[int | None]
    satisfaction_previous: Sequence[int | None]
    overdue_receivables: Sequence[int | None]
    receivables_total: Sequence[int | None]


def segment(
    histories: Iterable[CustomerHistory], as_of: date, params: SegmentationParams
) -> list[AccountScore]:
    """Score every customer (in the order given). Quintiles and ABC are relative to the
    customers passed in, so pass all customers with orders up to ``as_of``."""
    rows = list(histories)
    if not rows:
        return []
    return segment_columns(HistoryColumns(*zip(*rows, strict=True)), as_of, params)


def segment_columns(
    columns: HistoryColumns, as_of: date, params: SegmentationParams
) -> list[AccountScore]:
    """:func:`segment` of histories given as columns.

    The same rules as :func:`clv_estimate`, :func:`health_parts`, :func:`value_points`,
    :func:`growth_points` and :func:`tier_of`, written out for speed (a test keeps them
    equal): a hundred thousand customers are scored in one go. Values that repeat (days,
    scores, shares, zero amounts) are converted once.
    """
    if not columns.customer_id:
        return []
    (
        ids,
        firsts,
        lasts,
        orders,
        revenues,
        margins,
        period_revenues,
        last6s,
        prev6s,
        last12s,
        prev12s,
        potentials,
        fits,
        contacts,
        latest_scores,
        previous_scores,
        overdues,
        open_totals,
    ) = columns
    # Days repeat: a few thousand distinct ones among a hundred thousand customers.
    ordinal = {d: d.toordinal() for d in {*firsts, *lasts}}
    today = as_of.toordinal()
    recencies = [today - ordinal[d] for d in lasts]
    spans = [ordinal[b] - ordinal[a] for a, b in zip(firsts, lasts, strict=True)]
    r_scores = quintile_scores(recencies, higher_is_better=False)
    f_scores = quintile_scores(orders)
    m_scores = quintile_scores(revenues)
    klasses, ranks, shares = _abc_columns(
        period_revenues, params.abc_a_percent, params.abc_b_percent
    )
    # CLV: order rate, chance still active, expected margin of the next 365 days (minor), as
    # _clv_point() and _expected_minor() define them.
    default_interval = float(params.default_interval_days)
    dropout = params.dropout_percent
    odds = dropout / (100 - dropout)
    exp = math.exp
    intervals = [
        default_interval if n < 2 or span <= 0 else span / (n - 1)
        for n, span in zip(orders, spans, strict=True)
    ]
    rates = [1 / interval for interval in intervals]
    if dropout <= 0:
        alives = [1.0] * len(rates)
    else:
        alives = [
            0.0 if (exponent := rate * max(recency, 0)) > 700 else 1 / (1 + odds * exp(exponent))
            for rate, recency in zip(rates, recencies, strict=True)
        ]
    p_alive = [round(alive, 4) for alive in alives]
    # Expected orders in millionths (≥ 0), then the average margin times them, half up; the
    # sign of the product is the margin's.
    next_minor = [
        0
        if n <= 0
        else (2 * margin * micro + n * 1_000_000) // (2 * n * 1_000_000)
        if margin >= 0
        else -((-2 * margin * micro + n * 1_000_000) // (2 * n * 1_000_000))
        for n, margin, micro in zip(
            orders,
            margins,
            [
                round(alive * rate * _DAYS_AHEAD * 1_000_000)
                for alive, rate in zip(alives, rates, strict=True)
            ],
            strict=True,
        )
    ]
    totals = [a + b for a, b in zip(margins, next_minor, strict=True)]
    clv_scores = quintile_scores(totals)
    count = len(ids)
    potential_q = quintile_scores([p or 0 for p in potentials]) if any(potentials) else [1] * count
    floor = math.floor
    # Health parts, as health_parts() defines them (_falling() and _round() written out).
    reorders = [
        max(0, min(100, floor(100 * (3 - recency / interval) / 2 + 0.5)))
        for recency, interval in zip(recencies, intervals, strict=True)
    ]
    trends = [
        None
        if last6 <= 0 and prev6 <= 0
        else 100
        if prev6 <= 0 or last6 >= prev6
        else max(0, floor(100 * last6 / prev6 + 0.5))
        for last6, prev6 in zip(last6s, prev6s, strict=True)
    ]
    satisfactions = [
        None
        if latest is None
        else max(0, (latest - 1) * 25 - (0 if previous is None else 10 * max(0, previous - latest)))
        for latest, previous in zip(latest_scores, previous_scores, strict=True)
    ]
    window = params.contact_days
    contact_of = {
        day: max(0, min(100, floor(100 * (3 - (today - day.toordinal()) / window) / 2 + 0.5)))
        for day in set(contacts)
        if day is not None
    }
    contact_parts = [None if day is None else contact_of[day] for day in contacts]
    receivable_parts = [
        None
        if overdue is None or owed is None
        else 100
        if owed <= 0
        else max(0, floor(100 * (1 - overdue / owed) + 0.5))
        for overdue, owed in zip(overdues, open_totals, strict=True)
    ]
    w_reorder, w_trend = params.health_weight_reorder, params.health_weight_trend
    w_satisfaction, w_contact = params.health_weight_satisfaction, params.health_weight_contact
    w_receivables = params.health_weight_receivables
    healths: list[int | None] = []
    append = healths.append
    for reorder, trend, satisfaction, contact, receivable in zip(
        reorders, trends, satisfactions, contact_parts, receivable_parts, strict=True
    ):
        total = reorder * w_reorder
        weight = w_reorder
        if trend is not None and w_trend > 0:
            total += trend * w_trend
            weight += w_trend
        if satisfaction is not None and w_satisfaction > 0:
            total += satisfaction * w_satisfaction
            weight += w_satisfaction
        if contact is not None and w_contact > 0:
            total += contact * w_contact
            weight += w_contact
        if receivable is not None and w_receivables > 0:
            total += receivable * w_receivables
            weight += w_receivables
        append((2 * total + weight) // (2 * weight) if weight else None)
    # Key-account score, as value_points(), growth_points() and tier_of() define it.
    values = [
        floor((_ABC_POINTS[klass] + (r + f + m - 3) * 100 / 12 + (clv - 1) * 25) / 3 + 0.5)
        for klass, r, f, m, clv in zip(
            klasses, r_scores, f_scores, m_scores, clv_scores, strict=True
        )
    ]
    potential_parts = [
        (quintile - 1) * 25 if potential else None
        for quintile, potential in zip(potential_q, potentials, strict=True)
    ]
    fit_parts = [None if fit is None else (fit - 1) * 25 for fit in fits]
    growths = [
        (100 if last12 > 0 else 0)
        if prev12 <= 0
        else max(0, min(100, floor(50 + 50 * (last12 - prev12) / prev12 + 0.5)))
        for last12, prev12 in zip(last12s, prev12s, strict=True)
    ]
    w_value, w_potential = params.weight_value, params.weight_potential
    w_fit, w_growth = params.weight_fit, params.weight_growth
    scores: list[int] = []
    append_score = scores.append
    for value, growth, potential, fit in zip(
        values, growths, potential_parts, fit_parts, strict=True
    ):
        total, weight = value * w_value + growth * w_growth, w_value + w_growth
        if potential is not None and w_potential > 0:
            total += potential * w_potential
            weight += w_potential
        if fit is not None and w_fit > 0:
            total += fit * w_fit
            weight += w_fit
        append_score((2 * total + weight) // (2 * weight) if weight else 0)
    tier_of_score = {score: tier_of(score, params) for score in set(scores)}
    high = params.rfm_high_from
    rules = {(r, f, m): RFM_RULES[(r >= high, f >= high, m >= high)] for r, f, m in _RFM_CELLS}
    # Amounts: distinct ones converted as they come, repeated ones (zeros) once.
    amounts: dict[int, Decimal] = {}
    alive_text = {alive: Decimal(repr(alive)) for alive in set(p_alive)}
    columns_out = zip(
        ids,
        recencies,
        orders,
        [Decimal(v).scaleb(-2) for v in revenues],
        r_scores,
        f_scores,
        m_scores,
        [rules[cell] for cell in zip(r_scores, f_scores, m_scores, strict=True)],
        klasses,
        ranks,
        shares,
        [
            amounts[v] if v in amounts else amounts.setdefault(v, Decimal(v).scaleb(-2))
            for v in period_revenues
        ],
        [Decimal(v).scaleb(-2) for v in margins],
        [
            amounts[v] if v in amounts else amounts.setdefault(v, Decimal(v).scaleb(-2))
            for v in next_minor
        ],
        [Decimal(v).scaleb(-2) for v in totals],
        [alive_text[alive] for alive in p_alive],
        [floor(interval + 0.5) for interval in intervals],
        healths,
        reorders,
        trends,
        satisfactions,
        contact_parts,
        receivable_parts,
        values,
        potential_parts,
        fit_parts,
        growths,
        scores,
        [tier_of_score[score] for score in scores],
        strict=True,
    )
    return list(map(_new_score, columns_out))


# An AccountScore from a tuple of its fields, without the Python-level __new__ per customer.
_new_score = partial(tuple.__new__, AccountScore)
_RFM_CELLS = tuple((r, f, m) for r in range(1, 6) for f in range(1, 6) for m in range(1, 6))


# ---------------------------------------------------------------------- explanations


def abc_explanation(
    abc: AbcClass, rank: int, share: Decimal, r: int, f: int, m: int, period: Message
) -> Message:
    """ "A 类：近 12 个月销售额排名第 12，占 3.1%；R5 F4 M5"."""
    return translate(
        "Segmentation",
        "Class {abc}: no. {rank} by revenue {period}, {share} % of it; R{r} F{f} M{m}",
    ).format(abc=abc.value, rank=rank, share=f"{share:.1f}", period=period, r=r, f=f, m=m)


LAST_12_MONTHS: Message = translate("Segmentation", "in the last 12 months")


def period_words(start: date, end: date) -> Message:
    return translate("Segmentation", "from {start} to {end}").format(
        start=start.isoformat(), end=end.isoformat()
    )


def rfm_explanation(recency_days: int, frequency: int, monetary: Decimal) -> Message:
    return translate(
        "Segmentation", "Last order {days} days ago, {orders} orders, {revenue} net revenue"
    ).format(days=recency_days, orders=frequency, revenue=f"{monetary:,.2f}")


def clv_explanation(
    history: Decimal, next_12m: Decimal, p_alive: Decimal, interval_days: int
) -> Message:
    return translate(
        "Segmentation",
        "Margin so far {history}; next 12 months ≈ {next} (orders every {interval} days, "
        "{alive} % likely still active)",
    ).format(
        history=f"{history:,.2f}",
        next=f"{next_12m:,.2f}",
        interval=interval_days,
        alive=f"{p_alive * 100:.0f}",
    )


def tier_explanation(tier: Tier, score: int, parts: Mapping[ScorePart, int | None]) -> Message:
    return translate(
        "Segmentation",
        "{tier}: score {score} (value {value}, potential {potential}, fit {fit}, growth {growth})",
    ).format(
        tier=tier.label,
        score=score,
        value=_or_dash(parts.get(ScorePart.VALUE)),
        potential=_or_dash(parts.get(ScorePart.POTENTIAL)),
        fit=_or_dash(parts.get(ScorePart.FIT)),
        growth=_or_dash(parts.get(ScorePart.GROWTH)),
    )


def _or_dash(value: int | None) -> str:
    return "–" if value is None else str(value)
