"""The statistical forecast on series whose answer is known."""

from __future__ import annotations

import itertools
from datetime import date
from decimal import Decimal

import pytest

from sms_desktop.domain import forecast as fc
from sms_desktop.domain.forecast import (
    Fallback,
    ForecastCancelledError,
    Granularity,
    Method,
    Series,
    forecast_series,
)

SEASON = (100.0, 80.0, 120.0, 90.0, 110.0, 130.0, 150.0, 140.0, 100.0, 90.0, 160.0, 200.0)


def _monthly(values: list[float] | tuple[float, ...]) -> Series:
    return Series(Granularity.MONTH, date(2020, 1, 1), tuple(values))


def test_pure_seasonal_series_is_forecast_exactly_by_seasonal_naive() -> None:
    result = forecast_series(_monthly(SEASON * 4), 12)
    assert result.method is Method.SEASONAL_NAIVE
    assert [p.forecast for p in result.periods] == [Decimal(f"{v:.2f}") for v in SEASON]
    assert result.backtest_wape == 0.0
    assert result.periods[0].start == date(2024, 1, 1)
    assert result.periods[0].label == "2024-01"


def test_linear_trend_is_caught() -> None:
    values = [100.0 + 10 * i for i in range(40)]
    result = forecast_series(_monthly(values), 6)
    assert result.method not in (Method.SEASONAL_NAIVE, Method.NAIVE, Method.RECENT_MEAN)
    assert result.backtest_wape is not None and result.baseline_wape is not None
    assert result.backtest_wape < result.baseline_wape / 10
    for i, period in enumerate(result.periods):
        truth = 100 + 10 * (40 + i)
        assert abs(float(period.forecast) - truth) < 0.02 * truth


def test_backtest_never_reads_the_future(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every fit sees only the data before its origin: poisoning the data at and after an
    origin changes nothing the fits at that origin saw."""
    values = [100.0 + 5 * i + SEASON[i % 12] for i in range(36)]
    seen: list[tuple[Method, tuple[float, ...]]] = []
    real = fc.fit_method

    def spy(method: Method, train: list[float], horizon: int, season: int) -> list[float]:
        seen.append((method, tuple(train)))
        return real(method, train, horizon, season)

    monkeypatch.setattr(fc, "fit_method", spy)
    forecast_series(_monthly(values), 3)
    clean = list(seen)
    origins = fc.backtest_origins(36, fc.candidate_methods(values, 12)[0], 12)
    for origin in (origins[0], origins[len(origins) // 2], origins[-1]):
        poisoned = values[:origin] + [1e9] * (36 - origin)
        seen.clear()
        forecast_series(_monthly(poisoned), 3)
        before = [(m, t) for m, t in clean if len(t) <= origin]
        after = [(m, t) for m, t in seen if len(t) <= origin]
        assert before == after
        assert all(max(t) < 1e9 for _m, t in after)


def test_intervals_widen_with_the_horizon() -> None:
    values = [100.0 + 3 * i + SEASON[i % 12] * (1 + (i * 7919 % 13) / 40) for i in range(48)]
    result = forecast_series(_monthly(values), 18)
    widths = [p.high - p.low for p in result.periods]
    assert len(widths) == 18
    assert all(b >= a for a, b in itertools.pairwise(widths))
    assert widths[-1] > widths[0]
    assert result.coverage is not None and 0 < result.coverage <= 1
    assert all(p.low <= p.forecast <= p.high for p in result.periods)


@pytest.mark.parametrize(("values", "message"), [((), fc.NO_HISTORY), ((5.0,), fc.ONE_PERIOD)])
def test_empty_and_one_period_histories_give_a_message(
    values: tuple[float, ...], message: object
) -> None:
    result = forecast_series(_monthly(values), 3)
    assert result.method is None
    assert result.periods == ()
    assert result.message == message


def test_short_history_falls_back_and_says_why() -> None:
    result = forecast_series(_monthly(SEASON + SEASON[:6]), 3)
    assert Fallback.SHORT in result.fallbacks
    assert result.method in (
        Method.SEASONAL_NAIVE,
        Method.NAIVE,
        Method.RECENT_MEAN,
        Method.COMBINATION,
    )
    assert all(
        c.method not in (Method.ETS_ADDITIVE, Method.ETS_MULTIPLICATIVE) for c in result.candidates
    )


def test_sparse_history_falls_back() -> None:
    values = [0.0 if i % 2 else 50.0 for i in range(48)]
    result = forecast_series(_monthly(values), 3)
    assert Fallback.SPARSE in result.fallbacks
    assert result.candidate(Method.ETS_ADDITIVE) is None
    assert all(p.low >= 0 for p in result.periods)


def test_wape_and_mape_by_horizon() -> None:
    result = forecast_series(_monthly([100.0 + 10 * i for i in range(30)]), 3)
    naive = result.candidate(Method.NAIVE)
    assert naive is not None
    assert [e.horizon for e in naive.by_horizon] == [1, 2, 3]
    first = naive.by_horizon[0]
    assert first.count == result.origins
    assert naive.by_horizon[2].count == result.origins - 2  # the last origins lack actuals
    assert first.mape is not None and first.wape is not None
    assert naive.by_horizon[1].wape is not None and naive.by_horizon[1].wape > first.wape


def test_quarterly_labels_and_progress_and_cancel() -> None:
    series = Series(Granularity.QUARTER, date(2019, 1, 1), tuple(SEASON[:4] * 5))
    calls: list[tuple[int, int]] = []
    result = forecast_series(series, 2, progress=lambda d, t: calls.append((d, t)))
    assert result.periods[0].label == "2024-Q1"
    assert result.periods[1].start == date(2024, 4, 1)
    assert calls and calls[-1][0] == calls[-1][1]
    with pytest.raises(ForecastCancelledError):
        forecast_series(series, 2, cancelled=lambda: True)


def test_method_and_reason_names_are_translatable() -> None:
    assert all(m.label.context == "Forecast" for m in Method)
    assert all(f.label.context == "Forecast" for f in Fallback)
