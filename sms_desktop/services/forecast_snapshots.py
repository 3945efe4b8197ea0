"""Forecast snapshots (#16): each month's forecast of a series is kept, so the Forecast tab
opens on the last one at once and "what we forecast for Q3 in June" can be set beside what
happened.

A snapshot holds the whole :class:`~sms_desktop.services.forecast.Forecast`: its periods as
money columns (the numbers shown and exported are these stored ones), the rest (history,
candidates with their errors by horizon, coverage, fallbacks) as JSON. A series keeps one
snapshot per month it was made in, the latest of that month.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import delete, func, select

from sms_desktop.domain.calendar import month_start
from sms_desktop.domain.forecast import (
    Candidate,
    Fallback,
    ForecastPeriod,
    Granularity,
    HorizonError,
    Method,
    SeriesForecast,
)
from sms_desktop.domain.money import round_money
from sms_desktop.persistence import models as m
from sms_desktop.persistence.db import Database
from sms_desktop.services.forecast import Forecast, ForecastMetric, ForecastService, HistoryPoint


@dataclass(frozen=True, slots=True)
class SeriesChoice:
    """Which series: the metric, the grain and the filters (None: everyone / everything)."""

    metric: ForecastMetric = ForecastMetric.REVENUE
    granularity: Granularity = Granularity.MONTH
    owner_id: int | None = None
    category_id: int | None = None
    customer_id: int | None = None

    @property
    def key(self) -> str:
        def part(value: int | None) -> str:
            return "" if value is None else str(value)

        return (
            f"{self.metric.value}/{self.granularity.value}/o={part(self.owner_id)}"
            f"/c={part(self.category_id)}/u={part(self.customer_id)}"
        )

    @classmethod
    def of(cls, forecast: Forecast) -> SeriesChoice:
        return cls(
            forecast.metric,
            forecast.granularity,
            forecast.owner_id,
            forecast.category_id,
            forecast.customer_id,
        )


@dataclass(frozen=True, slots=True)
class PastForecast:
    """One period as forecast in a past month, beside what happened (None: not yet known)."""

    made_in: date  # the month the forecast was made in
    as_of: date
    period: date
    label: str
    ahead: int  # 1: the period containing ``as_of``
    forecast: Decimal
    low: Decimal
    high: Decimal
    actual: Decimal | None

    @property
    def error(self) -> Decimal | None:
        """Actual less forecast (positive: more than forecast)."""
        return None if self.actual is None else self.actual - self.forecast

    @property
    def error_percent(self) -> Decimal | None:
        if self.actual is None or self.actual == 0:
            return None
        return round_money(100 * (self.actual - self.forecast) / abs(self.actual))

    @property
    def inside(self) -> bool | None:
        """Whether the actual fell inside the 80 % interval."""
        return None if self.actual is None else self.low <= self.actual <= self.high


class ForecastSnapshots:
    def __init__(self, db: Database, forecasts: ForecastService) -> None:
        self.db = db
        self._forecasts = forecasts

    def keep(self, forecast: Forecast) -> int | None:
        """Store ``forecast`` as its series' snapshot of the month of its ``as_of`` (replacing
        an earlier one of that month); a forecast without periods is not kept."""
        result = forecast.result
        if result.method is None or not result.periods:
            return None
        choice = SeriesChoice.of(forecast)
        made_in = month_start(forecast.as_of)
        s, p = m.ForecastSnapshot, m.ForecastSnapshotPeriod
        with self.db.write() as session:
            session.execute(delete(s).where(s.series_key == choice.key, s.made_in == made_in))
            row = s(
                series_key=choice.key,
                made_in=made_in,
                as_of=forecast.as_of,
                metric=forecast.metric.value,
                granularity=forecast.granularity.value,
                horizon=forecast.horizon,
                owner_id=forecast.owner_id,
                category_id=forecast.category_id,
                customer_id=forecast.customer_id,
                method=result.method.value,
                detail=json.dumps(_detail(forecast), ensure_ascii=False),
            )
            session.add(row)
            session.flush()
            session.add_all(
                p(
                    snapshot_id=row.id,
                    period_start=period.start,
                    forecast=period.forecast,
                    low=period.low,
                    high=period.high,
                    pipeline_weighted=weighted,
                )
                for period, weighted in zip(result.periods, forecast.pipeline_weighted, strict=True)
            )
            return row.id

    def latest(self, choice: SeriesChoice) -> Forecast | None:
        """The series' most recent snapshot as a forecast, or None if it has none."""
        s = m.ForecastSnapshot
        with self.db.read() as session:
            row = session.scalars(
                select(s)
                .where(s.series_key == choice.key)
                .order_by(s.made_in.desc(), s.id.desc())
                .limit(1)
            ).first()
            if row is None:
                return None
            periods = self._periods(session, [row.id])[row.id]
            return _restore(row, periods)

    def past_forecasts(
        self,
        choice: SeriesChoice,
        *,
        today: date,
        history: Sequence[HistoryPoint] | None = None,
    ) -> tuple[PastForecast, ...]:
        """Every stored forecast of the series, period by period, beside the actual of each
        period already over on ``today``; newest forecast first, periods in order.
        ``history``: the series' actuals up to the period of ``today`` when the caller has
        just read them (a forecast as of today), else they are read here."""
        s = m.ForecastSnapshot
        with self.db.read() as session:
            rows = session.execute(
                select(s.id, s.made_in, s.as_of)
                .where(s.series_key == choice.key)
                .order_by(s.made_in.desc())
            ).all()
            periods = self._periods(session, [r.id for r in rows])
        if not rows:
            return ()
        if history is None:
            history = self._forecasts.history(
                choice.metric,
                choice.granularity,
                before=today,
                owner_id=choice.owner_id,
                category_id=choice.category_id,
                customer_id=choice.customer_id,
            )
        actuals = {h.start: h.value for h in history}
        current = choice.granularity.start_of(today)
        result: list[PastForecast] = []
        for snapshot_id, made_in, as_of in rows:
            for ahead, period in enumerate(periods[snapshot_id], start=1):
                known = period.start < current
                actual = actuals.get(period.start, Decimal("0.00")) if known else None
                result.append(
                    PastForecast(
                        made_in,
                        as_of,
                        period.start,
                        period.label,
                        ahead,
                        period.forecast,
                        period.low,
                        period.high,
                        actual,
                    )
                )
        return tuple(result)

    def count(self) -> int:
        with self.db.read() as session:
            return int(session.scalar(select(func.count(m.ForecastSnapshot.id))) or 0)

    @staticmethod
    def _periods(session: Any, snapshot_ids: Sequence[int]) -> dict[int, list[_StoredPeriod]]:
        p, s = m.ForecastSnapshotPeriod, m.ForecastSnapshot
        found: dict[int, list[_StoredPeriod]] = {i: [] for i in snapshot_ids}
        if not snapshot_ids:
            return found
        rows = session.execute(
            select(
                p.snapshot_id,
                s.granularity,
                p.period_start,
                p.forecast,
                p.low,
                p.high,
                p.pipeline_weighted,
            )
            .join(s, s.id == p.snapshot_id)
            .where(p.snapshot_id.in_(snapshot_ids))
            .order_by(p.snapshot_id, p.period_start)
        ).all()
        for snapshot_id, grain, start, forecast, low, high, weighted in rows:
            label = Granularity(grain).label(start)
            found[snapshot_id].append(_StoredPeriod(start, label, forecast, low, high, weighted))
        return found


@dataclass(frozen=True, slots=True)
class _StoredPeriod:
    start: date
    label: str
    forecast: Decimal
    low: Decimal
    high: Decimal
    pipeline_weighted: Decimal | None


def _float(value: float | None) -> float | None:
    return None if value is None else round(value, 6)


def _detail(forecast: Forecast) -> dict[str, Any]:
    result = forecast.result
    return {
        "history": [[h.start.isoformat(), str(h.value)] for h in forecast.history],
        "candidates": [
            {
                "method": c.method.value,
                "wape": _float(c.wape),
                "by_horizon": [
                    [e.horizon, _float(e.wape), _float(e.mape), e.count] for e in c.by_horizon
                ],
            }
            for c in result.candidates
        ],
        "baseline": None if result.baseline is None else result.baseline.value,
        "backtest_wape": _float(result.backtest_wape),
        "baseline_wape": _float(result.baseline_wape),
        "coverage": _float(result.coverage),
        "origins": result.origins,
        "fallbacks": [f.value for f in result.fallbacks],
        "interval": result.interval,
    }


def _restore(row: m.ForecastSnapshot, periods: list[_StoredPeriod]) -> Forecast:
    detail = json.loads(row.detail)
    granularity = Granularity(row.granularity)
    candidates = tuple(
        Candidate(
            Method(c["method"]),
            c["wape"],
            tuple(HorizonError(h, w, mp, n) for h, w, mp, n in c["by_horizon"]),
        )
        for c in detail["candidates"]
    )
    result = SeriesForecast(
        Method(row.method),
        tuple(ForecastPeriod(p.start, p.label, p.forecast, p.low, p.high) for p in periods),
        candidates,
        None if detail["baseline"] is None else Method(detail["baseline"]),
        detail["backtest_wape"],
        detail["baseline_wape"],
        detail["coverage"],
        detail["origins"],
        tuple(Fallback(f) for f in detail["fallbacks"]),
        interval=detail["interval"],
    )
    history = tuple(
        HistoryPoint(
            date.fromisoformat(day), granularity.label(date.fromisoformat(day)), Decimal(value)
        )
        for day, value in detail["history"]
    )
    return Forecast(
        ForecastMetric(row.metric),
        granularity,
        row.as_of,
        row.horizon,
        history,
        result,
        tuple(p.pipeline_weighted for p in periods),
        row.owner_id,
        row.category_id,
        row.customer_id,
    )
