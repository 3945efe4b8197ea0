"""The statistical sales forecast (销售预测): candidate methods chosen per series by a
rolling-origin backtest on the series' own history.

A :class:`Series` is one value per calendar month or quarter, oldest first, with no gaps.
:func:`forecast_series` tries every candidate that the history supports — seasonal naive,
seasonal naive × trailing growth, exponential smoothing with a damped trend and additive or
multiplicative seasonality (statsmodels ``ExponentialSmoothing``), and the mean of the best
two — each refitted at every backtest origin on the data before that origin only, and keeps
the one with the lowest WAPE over the requested horizon. Its 80 % interval comes from the
chosen method's backtest errors at each horizon (never narrower at a longer horizon), and
its coverage in the backtest is reported beside it.

Statistics run in floats; amounts leave as ``Decimal`` rounded half up to cents
(:func:`~sms_desktop.domain.money.round_money`). statsmodels is imported only when an
exponential smoothing is fitted, never at start-up.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Callable, Sequence
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Any

from sms_desktop.domain.calendar import add_months, month_start, quarter_start
from sms_desktop.domain.errors import DomainError
from sms_desktop.domain.i18n import Message, translate
from sms_desktop.domain.money import round_money

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]

INTERVAL = 0.8  # the prediction interval's nominal coverage
_Z80 = 1.2815515655446004  # the standard normal's 90th percentile: ±z covers 80 %
MAX_HORIZON = 18
MAX_ORIGINS = 12  # backtest origins per series (the latest ones)
MIN_ETS_ORIGINS = 3  # exponential smoothing is a candidate only with this many origins
SPARSE_ZERO_SHARE = 0.3  # more zero periods than this (in the last two years) is sparse


class Granularity(StrEnum):
    MONTH = "month"
    QUARTER = "quarter"

    @property
    def months(self) -> int:
        return 1 if self is Granularity.MONTH else 3

    @property
    def season(self) -> int:
        """Periods per year: the seasonal cycle."""
        return 12 // self.months

    def start_of(self, day: date) -> date:
        """The first day of the period containing ``day``."""
        return month_start(day) if self is Granularity.MONTH else quarter_start(day)

    def label(self, start: date) -> str:
        """``2019-01`` for a month, ``2019-Q1`` for a quarter."""
        if self is Granularity.MONTH:
            return f"{start.year:04d}-{start.month:02d}"
        return f"{start.year:04d}-Q{(start.month - 1) // 3 + 1}"


class Method(StrEnum):
    """The candidate methods, simplest first (the order breaks ties)."""

    NAIVE = "naive"
    RECENT_MEAN = "recent_mean"
    SEASONAL_NAIVE = "seasonal_naive"
    SEASONAL_GROWTH = "seasonal_growth"
    ETS_ADDITIVE = "ets_additive"
    ETS_MULTIPLICATIVE = "ets_multiplicative"
    COMBINATION = "combination"

    @property
    def label(self) -> Message:
        return _METHOD_LABELS[self]


_METHOD_LABELS: dict[Method, Message] = {
    Method.NAIVE: translate("Forecast", "Last value carried forward"),
    Method.RECENT_MEAN: translate("Forecast", "Mean of the last year"),
    Method.SEASONAL_NAIVE: translate("Forecast", "Same period last year (seasonal naive)"),
    Method.SEASONAL_GROWTH: translate("Forecast", "Same period last year × trailing growth"),
    Method.ETS_ADDITIVE: translate(
        "Forecast", "Exponential smoothing, damped trend, additive seasonality"
    ),
    Method.ETS_MULTIPLICATIVE: translate(
        "Forecast", "Exponential smoothing, damped trend, multiplicative seasonality"
    ),
    Method.COMBINATION: translate("Forecast", "Mean of the two best methods"),
}


class Fallback(StrEnum):
    """Why a simpler method than exponential smoothing was used."""

    SHORT = "short"
    SPARSE = "sparse"
    NOT_POSITIVE = "not_positive"  # multiplicative seasonality only: zero or negative values

    @property
    def label(self) -> Message:
        return _FALLBACK_LABELS[self]


_FALLBACK_LABELS: dict[Fallback, Message] = {
    Fallback.SHORT: translate(
        "Forecast",
        "Less than two years of history plus a backtest: exponential smoothing is not tried",
    ),
    Fallback.SPARSE: translate(
        "Forecast",
        "Many periods without sales: exponential smoothing is not tried",
    ),
    Fallback.NOT_POSITIVE: translate(
        "Forecast", "Periods with no or negative values: no multiplicative seasonality"
    ),
}

NO_HISTORY = translate("Forecast", "There is no history to forecast from.")
ONE_PERIOD = translate(
    "Forecast", "Only one period of history: a forecast needs at least two to be measured."
)


class ForecastCancelledError(DomainError):
    """The user stopped the forecast before it finished."""

    def __init__(self) -> None:
        super().__init__(translate("Forecast", "The forecast was cancelled."))


@dataclass(frozen=True, slots=True)
class Series:
    """One value per period, oldest first, without gaps; ``first`` is the first period's
    start."""

    granularity: Granularity
    first: date
    values: tuple[float, ...]

    def start(self, index: int) -> date:
        """The first day of period ``index`` (0: the first; past the end: the future)."""
        return add_months(self.first, index * self.granularity.months)

    def __len__(self) -> int:
        return len(self.values)


@dataclass(frozen=True, slots=True)
class HorizonError:
    """One method's backtest error at one horizon (1: the period right after the origin)."""

    horizon: int
    wape: float | None  # percent; None when the actuals add up to zero
    mape: float | None  # percent over the periods with a non-zero actual
    count: int  # forecasts compared


@dataclass(frozen=True, slots=True)
class Candidate:
    method: Method
    wape: float | None  # percent over every horizon up to the requested one
    by_horizon: tuple[HorizonError, ...]


@dataclass(frozen=True, slots=True)
class ForecastPeriod:
    start: date
    label: str
    forecast: Decimal
    low: Decimal
    high: Decimal


@dataclass(frozen=True, slots=True)
class SeriesForecast:
    """A series' forecast, or (``method`` None) the message why there is none."""

    method: Method | None
    periods: tuple[ForecastPeriod, ...]
    candidates: tuple[Candidate, ...]  # best first
    baseline: Method | None  # the simple baseline the chosen method is compared with
    backtest_wape: float | None
    baseline_wape: float | None
    coverage: float | None  # share of backtest actuals inside the 80 % interval
    origins: int  # backtest origins used
    fallbacks: tuple[Fallback, ...]
    message: Message | None = None
    interval: float = INTERVAL

    def candidate(self, method: Method) -> Candidate | None:
        return next((c for c in self.candidates if c.method is method), None)


# --------------------------------------------------------------------------- the methods


def _naive(train: Sequence[float], horizon: int, season: int) -> list[float]:
    del season
    return [train[-1]] * horizon


def _recent_mean(train: Sequence[float], horizon: int, season: int) -> list[float]:
    recent = train[-season:]
    return [sum(recent) / len(recent)] * horizon


def _seasonal_naive(train: Sequence[float], horizon: int, season: int) -> list[float]:
    n = len(train)
    return [train[n - season + (h % season)] for h in range(horizon)]


def _seasonal_growth(train: Sequence[float], horizon: int, season: int) -> list[float]:
    last, before = sum(train[-season:]), sum(train[-2 * season : -season])
    growth = last / before if before > 0 and last > 0 else 1.0
    return [v * growth for v in _seasonal_naive(train, horizon, season)]


# Within one forecast_series call, each exponential smoothing starts its optimiser from the
# parameters it found at the previous (earlier) origin: the origins come in order, so the
# start holds only what the data before the previous origin said, never the future, and the
# fit takes a fraction of the iterations (8× faster for additive seasonality here). Kept
# per call and per thread, so a forecast does not depend on which forecasts ran before it.
_WARM: ContextVar[dict[str, Any] | None] = ContextVar("forecast_warm_start", default=None)


def _ets(seasonal: str) -> Callable[[Sequence[float], int, int], list[float]]:
    def fit(train: Sequence[float], horizon: int, season: int) -> list[float]:
        import numpy as np
        from statsmodels.tsa.holtwinters import ExponentialSmoothing

        warm = _WARM.get()
        start = None if warm is None else warm.get(seasonal)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            model = ExponentialSmoothing(
                np.asarray(train, dtype=float),
                trend="add",
                damped_trend=True,
                seasonal=seasonal,
                seasonal_periods=season,
                initialization_method="estimated",
            )
            try:
                fitted = model.fit(use_brute=False, start_params=start)
            except (ValueError, ArithmeticError, np.linalg.LinAlgError):
                if start is None:
                    raise
                fitted = model.fit(use_brute=False)  # the warm start failed: a cold one
            values = [float(v) for v in fitted.forecast(horizon)]
        if not all(math.isfinite(v) for v in values):
            raise ArithmeticError("exponential smoothing diverged")
        if warm is not None:
            warm[seasonal] = fitted.mle_retvals["x"]
        return values

    return fit


_FIT: dict[Method, Callable[[Sequence[float], int, int], list[float]]] = {
    Method.NAIVE: _naive,
    Method.RECENT_MEAN: _recent_mean,
    Method.SEASONAL_NAIVE: _seasonal_naive,
    Method.SEASONAL_GROWTH: _seasonal_growth,
    Method.ETS_ADDITIVE: _ets("add"),
    Method.ETS_MULTIPLICATIVE: _ets("mul"),
}


def fit_method(method: Method, train: Sequence[float], horizon: int, season: int) -> list[float]:
    """``method`` fitted on ``train`` (and nothing else): its next ``horizon`` values."""
    return _FIT[method](train, horizon, season)


def min_train(method: Method, season: int) -> int:
    """The fewest periods ``method`` is fitted on."""
    if method in (Method.NAIVE, Method.RECENT_MEAN):
        return 1
    if method is Method.SEASONAL_NAIVE:
        return season
    return 2 * season


# --------------------------------------------------------------------------- the backtest


def candidate_methods(values: Sequence[float], season: int) -> tuple[list[Method], list[Fallback]]:
    """The methods ``values`` can support, and why the richer ones were left out."""
    n = len(values)
    fallbacks: list[Fallback] = []
    methods = [Method.NAIVE, Method.RECENT_MEAN]
    if n >= season + 1:
        methods.append(Method.SEASONAL_NAIVE)
    recent = values[-2 * season :]
    if recent and sum(1 for v in recent if v == 0) / len(recent) > SPARSE_ZERO_SHARE:
        fallbacks.append(Fallback.SPARSE)
    elif n < 2 * season + MIN_ETS_ORIGINS:
        fallbacks.append(Fallback.SHORT)
    else:
        methods += [Method.SEASONAL_GROWTH, Method.ETS_ADDITIVE]
        if min(values) > 0:
            methods.append(Method.ETS_MULTIPLICATIVE)
        else:
            fallbacks.append(Fallback.NOT_POSITIVE)
    return methods, fallbacks


@dataclass(frozen=True, slots=True)
class _Backtest:
    """Per method, per origin: the forecasts made at that origin (up to the horizon)."""

    origins: tuple[int, ...]
    forecasts: dict[Method, list[list[float]]]


def backtest_origins(n: int, methods: Sequence[Method], season: int) -> tuple[int, ...]:
    """The origins (index of the first forecast period) of the rolling-origin backtest: the
    latest :data:`MAX_ORIGINS` at which every method has its minimum history."""
    first = max(*(min_train(m, season) for m in methods), n - MAX_ORIGINS)
    return tuple(range(first, n))


def _run_backtest(
    values: Sequence[float],
    methods: list[Method],
    season: int,
    horizon: int,
    tick: Callable[[], None],
) -> _Backtest:
    origins = backtest_origins(len(values), methods, season)
    forecasts: dict[Method, list[list[float]]] = {}
    for method in list(methods):
        rows: list[list[float]] = []
        try:
            for origin in origins:
                steps = min(horizon, len(values) - origin)
                rows.append(fit_method(method, values[:origin], steps, season))
                tick()
        except (ValueError, ArithmeticError, IndexError, _linalg_error()):
            methods.remove(method)  # this method cannot fit the series: not a candidate
            continue
        forecasts[method] = rows
    return _Backtest(origins, forecasts)


def _linalg_error() -> type[Exception]:
    """numpy's linear-algebra error, imported only when a fit runs."""
    import numpy as np

    error: type[Exception] = np.linalg.LinAlgError
    return error


def _errors(
    values: Sequence[float], backtest: _Backtest, rows: list[list[float]], horizon: int
) -> tuple[tuple[HorizonError, ...], float | None]:
    by_h: list[HorizonError] = []
    total_abs = total_actual = 0.0
    for h in range(1, horizon + 1):
        abs_err = actual_sum = 0.0
        ape: list[float] = []
        count = 0
        for origin, row in zip(backtest.origins, rows, strict=True):
            if h > len(row):
                continue
            actual = values[origin + h - 1]
            error = abs(actual - row[h - 1])
            abs_err += error
            actual_sum += abs(actual)
            count += 1
            if actual != 0:
                ape.append(error / abs(actual))
        if count == 0:
            continue
        total_abs += abs_err
        total_actual += actual_sum
        by_h.append(
            HorizonError(
                h,
                100 * abs_err / actual_sum if actual_sum > 0 else None,
                100 * sum(ape) / len(ape) if ape else None,
                count,
            )
        )
    overall = 100 * total_abs / total_actual if total_actual > 0 else None
    return tuple(by_h), overall


def _rank_key(candidate: Candidate, order: list[Method]) -> tuple[float, int]:
    wape = math.inf if candidate.wape is None else round(candidate.wape, 9)
    return wape, order.index(candidate.method)


def _half_widths(
    values: Sequence[float], backtest: _Backtest, rows: list[list[float]], horizon: int
) -> list[float]:
    """The 80 % interval's half width at each horizon 1..``horizon``: ``z·σₕ`` from the
    backtest errors at that horizon, never narrower than at a shorter one; past the
    horizons the backtest reached, it grows with the square root of the horizon."""
    widths: list[float] = []
    for h in range(1, horizon + 1):
        errors = [
            values[origin + h - 1] - row[h - 1]
            for origin, row in zip(backtest.origins, rows, strict=True)
            if h <= len(row)
        ]
        if errors:
            sigma = math.sqrt(sum(e * e for e in errors) / len(errors))
            width = _Z80 * sigma
        else:
            last_h = len(widths)
            width = widths[-1] * math.sqrt(h / last_h) if widths else 0.0
        widths.append(max(width, widths[-1]) if widths else width)
    return widths


def _coverage(
    values: Sequence[float],
    backtest: _Backtest,
    rows: list[list[float]],
    widths: list[float],
) -> float | None:
    inside = total = 0
    for origin, row in zip(backtest.origins, rows, strict=True):
        for h, predicted in enumerate(row, start=1):
            total += 1
            if abs(values[origin + h - 1] - predicted) <= widths[h - 1]:
                inside += 1
    return inside / total if total else None


def _to_money(value: float) -> Decimal:
    return round_money(Decimal(value))


def _period(series: Series, index: int, point: float, width: float, floor: float) -> ForecastPeriod:
    """One forecast period: the point and the half width rounded to cents once each, the
    bounds made from those (so the band is exactly as wide as the stored numbers say, and
    never narrower at a longer horizon), none below ``floor``."""
    centre, half = _to_money(point), _to_money(width)
    bottom = None if floor == -math.inf else _to_money(floor)

    def clip(value: Decimal) -> Decimal:
        return value if bottom is None else max(value, bottom)

    return ForecastPeriod(
        series.start(index),
        series.granularity.label(series.start(index)),
        clip(centre),
        clip(centre - half),
        clip(centre + half),
    )


def forecast_series(
    series: Series,
    horizon: int,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> SeriesForecast:
    """Forecast the ``horizon`` periods after ``series`` with the method its own backtest
    chooses. An empty or one-period series gives a result with a message, not an error."""
    if not 1 <= horizon <= MAX_HORIZON:
        raise ValueError(f"horizon must be 1..{MAX_HORIZON}, got {horizon}")
    token = _WARM.set({})
    try:
        return _forecast_series(series, horizon, progress, cancelled)
    finally:
        _WARM.reset(token)


def _forecast_series(
    series: Series, horizon: int, progress: Progress | None, cancelled: Cancelled | None
) -> SeriesForecast:
    values = list(series.values)
    n = len(values)
    if n < 2:
        return SeriesForecast(
            None, (), (), None, None, None, None, 0, (), NO_HISTORY if n == 0 else ONE_PERIOD
        )
    season = series.granularity.season
    methods, fallbacks = candidate_methods(values, season)
    origins = backtest_origins(n, methods, season)
    total = len(methods) * (len(origins) + 1)
    done = 0

    def tick() -> None:
        nonlocal done
        if cancelled is not None and cancelled():
            raise ForecastCancelledError
        done += 1
        if progress is not None:
            progress(done, total)

    backtest = _run_backtest(values, methods, season, horizon, tick)
    candidates: list[Candidate] = []
    for method in methods:
        by_h, overall = _errors(values, backtest, backtest.forecasts[method], horizon)
        candidates.append(Candidate(method, overall, by_h))
    order = [*methods, Method.COMBINATION]
    candidates.sort(key=lambda c: _rank_key(c, order))
    best_two = [c.method for c in candidates[:2]]
    if len(best_two) == 2:
        rows = [
            [(a + b) / 2 for a, b in zip(ra, rb, strict=True)]
            for ra, rb in zip(
                backtest.forecasts[best_two[0]], backtest.forecasts[best_two[1]], strict=True
            )
        ]
        backtest.forecasts[Method.COMBINATION] = rows
        by_h, overall = _errors(values, backtest, rows, horizon)
        candidates.append(Candidate(Method.COMBINATION, overall, by_h))
        candidates.sort(key=lambda c: _rank_key(c, order))
    chosen = candidates[0].method
    baseline = Method.SEASONAL_NAIVE if Method.SEASONAL_NAIVE in methods else Method.NAIVE

    final: dict[Method, list[float]] = {}
    for method in best_two if chosen is Method.COMBINATION else [chosen]:
        final[method] = fit_method(method, values, horizon, season)
        tick()
    if chosen is Method.COMBINATION:
        point = [(a + b) / 2 for a, b in zip(final[best_two[0]], final[best_two[1]], strict=True)]
    else:
        point = final[chosen]
    if progress is not None:
        progress(total, total)

    rows = backtest.forecasts[chosen]
    widths = _half_widths(values, backtest, rows, horizon)
    floor = 0.0 if min(values) >= 0 else -math.inf
    periods = tuple(
        _period(series, n + i, p, w, floor)
        for i, (p, w) in enumerate(zip(point, widths, strict=True))
    )
    by_method = {c.method: c for c in candidates}
    return SeriesForecast(
        chosen,
        periods,
        tuple(candidates),
        baseline,
        by_method[chosen].wape,
        by_method[baseline].wape,
        _coverage(values, backtest, rows, widths),
        len(backtest.origins),
        tuple(fallbacks),
    )
