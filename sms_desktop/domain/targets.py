"""Targets and commissions maths: periods, attainment, commission tiers, spreading, pace.

Pure functions over ``date`` and ``Decimal``; every rounding is half up (四舍五入).

* **Period**: a calendar month, quarter or year, named by its kind and first day; ``end`` is
  its last day (included).
* **Attainment**: ``actual / target × 100`` rounded to two decimals; None when the target is
  0 or missing. Tier choice never uses the rounded figure: ``actual × 100 ≥ min × target`` is
  compared exactly, so 79.995 % is below an 80 % tier even though it prints as 80.00 %.
* **Tiers**: a tier applies from its ``min_attainment`` % upwards (inclusive), up to the next
  tier's minimum; its rate is paid on the *whole* basis (not progressively). Below the lowest
  tier nothing is paid. The fixed bonus is added once attainment reaches 100 %.
* **Spreading** a yearly figure over months gives parts that are whole units (cents for
  amounts, 1 for counts) and sum exactly to it (largest remainder: leftover units go to the
  largest fractional parts, earlier months first on ties).
* **Pace**: see :func:`projection`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal

from sms_desktop.domain.calendar import add_months, period_start, quarter_of
from sms_desktop.domain.enums import PeriodKind, TargetMetric
from sms_desktop.domain.money import CENT, ZERO, round_money

HUNDRED = Decimal(100)
_PERCENT = Decimal("0.01")
ONE = Decimal(1)

MONEY_METRICS = frozenset(
    {TargetMetric.REVENUE, TargetMetric.GROSS_MARGIN, TargetMetric.COLLECTIONS}
)
METRIC_ORDER: tuple[TargetMetric, ...] = (
    TargetMetric.REVENUE,
    TargetMetric.GROSS_MARGIN,
    TargetMetric.COLLECTIONS,
    TargetMetric.DEALS_WON,
    TargetMetric.NEW_CUSTOMERS,
    TargetMetric.ACTIVITIES,
)
_MONTHS = {PeriodKind.MONTH: 1, PeriodKind.QUARTER: 3, PeriodKind.YEAR: 12}


def is_money(metric: TargetMetric) -> bool:
    return metric in MONEY_METRICS


def metric_unit(metric: TargetMetric) -> Decimal:
    """The smallest step of a metric's value: a cent for amounts, one for counts."""
    return CENT if is_money(metric) else ONE


@dataclass(frozen=True, slots=True, order=True)
class Period:
    """A calendar month, quarter or year (``start`` is its first day)."""

    kind: PeriodKind
    start: date

    def __post_init__(self) -> None:
        if self.start.day != 1 or (self.start.month - 1) % _MONTHS[self.kind]:
            raise ValueError(f"{self.start} does not start a {self.kind}")

    @classmethod
    def containing(cls, kind: PeriodKind, day: date) -> Period:
        return cls(kind, period_start(day, _MONTHS[kind]))

    @property
    def months(self) -> int:
        return _MONTHS[self.kind]

    @property
    def end_exclusive(self) -> date:
        return add_months(self.start, self.months)

    @property
    def end(self) -> date:
        """The last day, included."""
        return self.end_exclusive - timedelta(days=1)

    @property
    def days(self) -> int:
        return (self.end_exclusive - self.start).days

    @property
    def quarter(self) -> int:
        return quarter_of(self.start)

    def contains(self, day: date) -> bool:
        return self.start <= day < self.end_exclusive

    def shifted(self, count: int) -> Period:
        """The period ``count`` periods later (earlier when negative)."""
        return Period(self.kind, add_months(self.start, count * self.months))

    def previous(self) -> Period:
        return self.shifted(-1)

    def year_before(self) -> Period:
        return Period(self.kind, self.start.replace(year=self.start.year - 1))

    def sub_periods(self, kind: PeriodKind) -> list[Period]:
        """The periods of a shorter ``kind`` that make up this one (months of a quarter …)."""
        step = _MONTHS[kind]
        if step > self.months:
            raise ValueError(f"a {self.kind} has no {kind}s")
        return [Period(kind, add_months(self.start, i)) for i in range(0, self.months, step)]


def attainment_percent(actual: Decimal, target: Decimal | None) -> Decimal | None:
    """``actual / target × 100`` with two decimals (half up); None without a target."""
    if target is None or target <= 0:
        return None
    return (actual * HUNDRED / target).quantize(_PERCENT, rounding=ROUND_HALF_UP)


def reaches(actual: Decimal, target: Decimal, percent: Decimal) -> bool:
    """Whether ``actual`` is at least ``percent`` % of ``target`` (exact, no rounding)."""
    return actual * HUNDRED >= percent * target


@dataclass(frozen=True, slots=True)
class Tier:
    min_attainment: Decimal  # percent
    rate: Decimal  # percent of the basis


@dataclass(frozen=True, slots=True)
class CommissionResult:
    tier: Tier | None  # None: below the lowest tier (or no target)
    rate_amount: Decimal  # basis × rate, rounded to cents
    bonus: Decimal
    total: Decimal


def applicable_tier(tiers: Sequence[Tier], actual: Decimal, target: Decimal | None) -> Tier | None:
    """The tier with the highest minimum that ``actual`` reaches; without a target (or a
    zero one) only a tier starting at 0 % applies."""
    best: Tier | None = None
    for tier in sorted(tiers, key=lambda t: t.min_attainment):
        if target is None or target <= 0:
            ok = tier.min_attainment <= 0
        else:
            ok = reaches(actual, target, tier.min_attainment)
        if ok:
            best = tier
    return best


def commission(
    tiers: Sequence[Tier],
    *,
    basis: Decimal,
    actual: Decimal,
    target: Decimal | None,
    bonus_at_target: Decimal = ZERO,
) -> CommissionResult:
    """The commission on ``basis`` (revenue or margin) for ``actual`` against ``target``."""
    tier = applicable_tier(tiers, actual, target)
    rate_amount = round_money(basis * tier.rate / HUNDRED) if tier is not None else ZERO
    if rate_amount < 0:
        rate_amount = ZERO  # a negative margin earns nothing rather than a debt
    bonus = (
        round_money(bonus_at_target)
        if target is not None and target > 0 and reaches(actual, target, HUNDRED)
        else ZERO
    )
    return CommissionResult(tier, rate_amount, bonus, rate_amount + bonus)


def spread(total: Decimal, weights: Sequence[Decimal | int], unit: Decimal = CENT) -> list[Decimal]:
    """Split ``total`` in proportion to ``weights`` into multiples of ``unit`` that sum to it
    exactly. All-zero (or negative) weights split evenly."""
    if not weights:
        raise ValueError("nothing to spread over")
    if total < 0:
        raise ValueError(f"negative total: {total}")
    units = total / unit
    if units != units.to_integral_value():
        raise ValueError(f"{total} is not a whole number of {unit}")
    whole = int(units)
    clean = [Decimal(w) if w > 0 else Decimal(0) for w in weights]
    weight_sum = sum(clean, Decimal(0))
    if weight_sum == 0:
        clean = [Decimal(1)] * len(weights)
        weight_sum = Decimal(len(weights))
    shares = [Decimal(whole) * w / weight_sum for w in clean]
    floors = [int(s.to_integral_value(rounding=ROUND_FLOOR)) for s in shares]
    left = whole - sum(floors)
    order = sorted(range(len(shares)), key=lambda i: (-(shares[i] - floors[i]), i))
    for i in order[:left]:
        floors[i] += 1
    return [Decimal(n) * unit for n in floors]


def spread_evenly(total: Decimal, parts: int, unit: Decimal = CENT) -> list[Decimal]:
    return spread(total, [1] * parts, unit)


# A pace needs this many working days of the period behind it: one day × 31 is not a forecast.
MIN_PACE_WORKING_DAYS = 5


def working_days(first: date, last: date) -> int:
    """Monday to Friday from ``first`` to ``last``, both included (0 if ``last < first``)."""
    if last < first:
        return 0
    days = (last - first).days + 1
    weeks, rest = divmod(days, 7)
    extra = sum(1 for n in range(rest) if (first.weekday() + n) % 7 < 5)
    return weeks * 5 + extra


def projection(
    actual: Decimal,
    *,
    recurring: Decimal,
    pipeline: Decimal,
    period: Period,
    today: date,
    unit: Decimal = CENT,
) -> Decimal | None:
    """The end-of-period figure at the current pace, or None while it is too early to say.

    ``actual`` so far, plus ``recurring`` (the part of the actual not tied to a tracked deal,
    e.g. repeat orders) extrapolated at its run rate per working day (Monday to Friday) over
    the working days after ``today``, plus ``pipeline`` (open deals expected to close in the
    rest of the period, weighted by probability). Deals are not extrapolated, so a won deal
    is not counted twice. A past period is its actual; a future one has no run rate yet:
    actual + pipeline. Before :data:`MIN_PACE_WORKING_DAYS` working days of the period have
    passed (or, in a period shorter than that, before its last working day), there is no
    projection.
    """
    if today >= period.end:
        return actual
    if today < period.start:
        return actual + pipeline
    elapsed = working_days(period.start, today)
    needed = min(MIN_PACE_WORKING_DAYS, working_days(period.start, period.end))
    if elapsed < needed:
        return None
    remaining = working_days(today + timedelta(days=1), period.end)
    rate_part = (recurring * remaining / elapsed).quantize(unit, rounding=ROUND_HALF_UP)
    return actual + rate_part + pipeline
