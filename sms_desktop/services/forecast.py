"""The sales forecast of one series (company, salesperson, category or customer) as of a day.

History comes from the one revenue definition (:mod:`sms_desktop.services.revenue`), summed per
order day in SQL and bucketed into months or quarters here (portable: no date functions in
SQL); only orders dated before the period containing ``as_of`` are read, so a forecast "as of"
a past day is the one that could have been made then. The method is chosen and measured by
:func:`sms_desktop.domain.forecast.forecast_series`. Beside each forecast period stands the
weighted pipeline: open deals expected to close in it, each weighted by its probability
(:func:`sms_desktop.domain.pipeline.weighted_minor`, as the board weights its cards).

Everything here is pure input → output and may run off the GUI thread; ``progress(done,
total)`` reports the fits and ``cancelled()`` stops them (:class:`ForecastCancelledError`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, Select, func, or_, select, type_coerce

from sms_desktop.domain.calendar import add_months
from sms_desktop.domain.enums import OpportunityStatus, StageKind
from sms_desktop.domain.errors import NotFoundError, ValidationError
from sms_desktop.domain.forecast import (
    MAX_HORIZON,
    Cancelled,
    Granularity,
    Progress,
    Series,
    SeriesForecast,
    forecast_series,
)
from sms_desktop.domain.i18n import Message, translate
from sms_desktop.domain.money import ZERO, from_minor, to_minor
from sms_desktop.domain.pipeline import probability, weighted_minor
from sms_desktop.domain.revenue import REVENUE_LABEL, CommissionBase, base_name
from sms_desktop.persistence import models as m
from sms_desktop.persistence.base import Money
from sms_desktop.persistence.db import Database
from sms_desktop.services.revenue import line_revenue, margin_amount, revenue_amount, revenue_filter


class ForecastMetric(StrEnum):
    REVENUE = "revenue"  # net of tax, as defined once
    ORDERS = "orders"  # number of orders that count as revenue
    MARGIN = "margin"  # revenue less the orders' cost

    @property
    def label(self) -> Message:
        return _METRIC_LABELS[self]

    @property
    def is_money(self) -> bool:
        return self is not ForecastMetric.ORDERS


_METRIC_LABELS = {
    ForecastMetric.REVENUE: REVENUE_LABEL,
    ForecastMetric.ORDERS: translate("Forecast", "Orders"),
    ForecastMetric.MARGIN: base_name(CommissionBase.MARGIN),
}


@dataclass(frozen=True, slots=True)
class HistoryPoint:
    start: date
    label: str
    value: Decimal


@dataclass(frozen=True, slots=True)
class Forecast:
    """A forecast as of ``as_of``: the history it was made from, the chosen method with its
    backtest, and per forecast period the weighted pipeline (None where it does not apply:
    order counts, margin, a category filter)."""

    metric: ForecastMetric
    granularity: Granularity
    as_of: date
    horizon: int
    history: tuple[HistoryPoint, ...]
    result: SeriesForecast
    pipeline_weighted: tuple[Decimal | None, ...]  # one per period of ``result.periods``
    owner_id: int | None = None  # the series' filters
    category_id: int | None = None
    customer_id: int | None = None

    @property
    def message(self) -> Message | None:
        """Why there is no forecast (empty or one-period history), else None."""
        return self.result.message


class ForecastService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def forecast(
        self,
        metric: ForecastMetric | str = ForecastMetric.REVENUE,
        by: Granularity | str = Granularity.MONTH,
        horizon: int = 12,
        *,
        as_of: date,
        owner_id: int | None = None,
        category_id: int | None = None,
        customer_id: int | None = None,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> Forecast:
        """The ``horizon`` periods starting with the one containing ``as_of``, forecast from
        the data dated before that period only."""
        metric, granularity = ForecastMetric(metric), Granularity(by)
        if not 1 <= horizon <= MAX_HORIZON:
            raise ValidationError(
                {
                    "horizon": translate("Forecast", "The horizon is 1 to {max} periods.").format(
                        max=MAX_HORIZON
                    )
                }
            )
        if category_id is not None and metric is ForecastMetric.MARGIN:
            raise ValidationError(
                {
                    "category": translate(
                        "Forecast", "The margin is not forecast by product category."
                    )
                }
            )
        first_forecast = granularity.start_of(as_of)
        totals = self._totals(
            metric, granularity, first_forecast, owner_id, category_id, customer_id
        )
        series = Series(
            granularity,
            totals[0][0] if totals else first_forecast,
            tuple(float(v) for _start, v in totals),
        )
        result = forecast_series(series, horizon, progress=progress, cancelled=cancelled)
        pipeline: tuple[Decimal | None, ...] = (None,) * len(result.periods)
        if metric is ForecastMetric.REVENUE and category_id is None and result.periods:
            end = add_months(first_forecast, horizon * granularity.months)
            weighted = self._weighted_pipeline(
                granularity, first_forecast, end, owner_id, customer_id
            )
            pipeline = tuple(weighted.get(p.start, ZERO) for p in result.periods)
        history = tuple(HistoryPoint(p, granularity.label(p), v) for p, v in totals)
        return Forecast(
            metric,
            granularity,
            as_of,
            horizon,
            history,
            result,
            pipeline,
            owner_id,
            category_id,
            customer_id,
        )

    def history(
        self,
        metric: ForecastMetric | str,
        by: Granularity | str,
        *,
        before: date,
        owner_id: int | None = None,
        category_id: int | None = None,
        customer_id: int | None = None,
    ) -> tuple[HistoryPoint, ...]:
        """The series' actual per period, up to the period before the one containing
        ``before`` (what past forecasts are measured against)."""
        metric, granularity = ForecastMetric(metric), Granularity(by)
        end = granularity.start_of(before)
        totals = self._totals(metric, granularity, end, owner_id, category_id, customer_id)
        return tuple(HistoryPoint(p, granularity.label(p), v) for p, v in totals)

    def _totals(
        self,
        metric: ForecastMetric,
        granularity: Granularity,
        before: date,
        owner_id: int | None,
        category_id: int | None,
        customer_id: int | None,
    ) -> list[tuple[date, Decimal]]:
        query = self._history_query(metric, before, owner_id, category_id, customer_id)
        with self.db.read() as session:
            daily = session.execute(query).all()
        return _bucket(granularity, daily, before)

    def owner_named(self, name: str) -> int:
        """The salesperson called ``name`` (Chinese or English name, any case)."""
        sp = m.Salesperson
        missing = translate("Forecast", "No salesperson is called {name}.")
        return self._named(name, sp.id, (sp.name, sp.name_en), missing)

    def category_named(self, name: str) -> int:
        """The product category called ``name`` (Chinese or English name, any case)."""
        pc = m.ProductCategory
        missing = translate("Forecast", "No product category is called {name}.")
        return self._named(name, pc.id, (pc.name_zh, pc.name_en), missing)

    def _named(self, name: str, key: Any, columns: tuple[Any, Any], missing: Message) -> int:
        wanted = name.strip().lower()
        with self.db.read() as session:
            found: int | None = session.scalars(
                select(key).where(or_(*(func.lower(column) == wanted for column in columns)))
            ).first()
        if found is None:
            raise NotFoundError(missing.format(name=name))
        return found

    def _history_query(
        self,
        metric: ForecastMetric,
        before: date,
        owner_id: int | None,
        category_id: int | None,
        customer_id: int | None,
    ) -> Select[Any]:
        """Per order day, the metric's total over the orders dated before ``before``."""
        o = m.Order
        where: list[ColumnElement[bool]] = revenue_filter(o, end_exclusive=before)
        if owner_id is not None:
            where.append(o.owner_id == owner_id)
        if customer_id is not None:
            where.append(o.customer_id == customer_id)
        value: ColumnElement[Any]
        if category_id is not None:
            line = m.OrderLine
            products = select(m.Product.id).where(
                m.Product.category_id.in_(self._category_tree(category_id))
            )
            where += [line.order_id == o.id, line.product_id.in_(products)]
            value = (
                func.count(func.distinct(o.id))
                if metric is ForecastMetric.ORDERS
                else type_coerce(func.sum(line_revenue(line)), Money)
            )
        elif metric is ForecastMetric.ORDERS:
            value = func.count(o.id)
        elif metric is ForecastMetric.MARGIN:
            value = type_coerce(func.sum(margin_amount(o)), Money)
        else:
            value = type_coerce(func.sum(revenue_amount(o)), Money)
        return select(o.order_date, value).where(*where).group_by(o.order_date)

    def _category_tree(self, category_id: int) -> list[int]:
        """``category_id`` and every category under it."""
        pc = m.ProductCategory
        with self.db.read() as session:
            parents = dict(session.execute(select(pc.id, pc.parent_id)).all())
        if category_id not in parents:
            raise NotFoundError(translate("Forecast", "The product category no longer exists."))
        children: dict[int | None, list[int]] = defaultdict(list)
        for child, parent in parents.items():
            children[parent].append(child)
        tree, todo = [], [category_id]
        while todo:
            current = todo.pop()
            if current not in tree:
                tree.append(current)
                todo += children[current]
        return tree

    def _weighted_pipeline(
        self,
        granularity: Granularity,
        start: date,
        end: date,
        owner_id: int | None,
        customer_id: int | None,
    ) -> dict[date, Decimal]:
        """Per period in ``[start, end)``: the open deals expected to close in it, each
        weighted by its probability (override, else its stage's default), rounded per deal."""
        o, s, c = m.Opportunity, m.PipelineStage, m.Customer
        # The deals the pipeline board shows: open, in an open stage that is not archived,
        # neither the deal nor its customer in the trash.
        query = (
            select(o.expected_close, o.amount, s.default_probability, o.probability_override)
            .join(s, s.id == o.stage_id)
            .join(c, c.id == o.customer_id)
            .where(
                o.status == OpportunityStatus.OPEN,
                s.kind == StageKind.OPEN,
                s.archived.is_(False),
                o.deleted_at.is_(None),
                c.deleted_at.is_(None),
                o.expected_close >= start,
                o.expected_close < end,
            )
        )
        if owner_id is not None:
            query = query.where(o.owner_id == owner_id)
        if customer_id is not None:
            query = query.where(o.customer_id == customer_id)
        totals: dict[date, int] = defaultdict(int)
        with self.db.read() as session:
            deals = session.execute(query).all()
        for close, amount, default, override in deals:
            if close is None:  # excluded by the query's range; for the type checker
                continue
            chance = probability(default, override)
            totals[granularity.start_of(close)] += weighted_minor(to_minor(amount), chance)
        return {period: from_minor(minor) for period, minor in totals.items()}


def _bucket(
    granularity: Granularity, daily: Sequence[Any], before: date
) -> list[tuple[date, Decimal]]:
    """Daily totals → (period start, exact total) from the first period with data up to the
    one before ``before``, periods without orders as zero."""
    totals: dict[date, Decimal] = defaultdict(Decimal)
    for day, value in daily:
        totals[granularity.start_of(day)] += Decimal(value or 0)
    if not totals:
        return []
    periods = _periods_between(granularity, min(totals), before)
    probe = Series(granularity, min(totals), ())
    return [(probe.start(i), totals.get(probe.start(i), ZERO)) for i in range(periods)]


def _periods_between(granularity: Granularity, start: date, end: date) -> int:
    """How many periods from the one starting ``start`` to the one starting ``end``."""
    months = (end.year - start.year) * 12 + end.month - start.month
    return months // granularity.months
