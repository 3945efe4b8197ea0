"""Targets (业绩目标), actuals and attainment per salesperson and period.

Actuals are exact and defined as follows, for a calendar period (see ``domain/targets.py``):

* **Revenue**: revenue as defined once in ``domain/revenue.py`` (net of tax, orders not
  cancelled, by order date; the same figure as the Dashboard's), of the orders dated in the
  period, credited to the order's ``owner_id``: the salesperson on the order keeps it when
  the customer is later re-assigned.
* **Gross margin**: revenue less cost of the same orders (``services/revenue.margin_amount``).
* **Collections (回款)**: the payments dated in the period, in the company currency at their
  stored rates, as applied to invoices, credited to the owner of the invoice's order
  (``services/revenue.collections_by_owner``).
* **Deals won**: opportunities (not in the trash) with status won and ``closed_on`` in the
  period, credited to the deal's owner.
* **New customers**: customers whose first order that is not cancelled (earliest date, then
  lowest id) is dated in the period, credited to that order's owner.
* **Activities completed**: activities (not in the trash) whose ``done_at`` falls in the
  period by the local calendar (``tz``), credited to the assignee.

The company's actual is the sum over all orders, deals and activities, with or without owner.
A period's target is its own stored target; when there is none, the sum of the stored targets
of its quarters/months (``target_derived``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, tzinfo
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    and_,
    case,
    exists,
    func,
    literal,
    select,
    type_coerce,
)
from sqlalchemy.orm import Session, aliased

from sms_desktop.domain.clock import clock, local_zone
from sms_desktop.domain.enums import (
    OpportunityStatus,
    PeriodKind,
    TargetMetric,
)
from sms_desktop.domain.errors import Errors, NotFoundError
from sms_desktop.domain.i18n import translate
from sms_desktop.domain.money import MAX_AMOUNT, ZERO, from_minor
from sms_desktop.domain.pipeline import WEIGHTED_GROUP_MODULUS, weighted_sum_minor
from sms_desktop.domain.targets import (
    METRIC_ORDER,
    Period,
    attainment_percent,
    metric_unit,
    projection,
    spread,
    spread_evenly,
)
from sms_desktop.persistence import models as m
from sms_desktop.persistence.base import Money
from sms_desktop.persistence.db import Database
from sms_desktop.services.revenue import (
    collected_amount,
    collections_by_owner,
    collections_select,
    margin_amount,
    revenue_amount,
    revenue_filter,
)

_TENTH = Decimal("0.1")
Owner = int | None  # a salesperson id; None: no owner (or, for targets, the company)
Totals = dict[Owner, Decimal]
# Rendered as a literal (not a bound parameter) so SQLite can use the partial index of won
# deals, whose WHERE names the value.
_WON = m.Opportunity.status == literal(OpportunityStatus.WON, literal_execute=True)
TargetKey = tuple[int | None, Period, TargetMetric]
TargetItem = tuple[int | None, Period, TargetMetric, Decimal | None]  # None: no target


# --------------------------------------------------------------------------- read models


@dataclass(frozen=True, slots=True)
class AttainmentRow:
    """One salesperson's (or the company's: ``salesperson_id`` None) figure of one metric."""

    salesperson_id: int | None
    name: str  # empty for the company row
    metric: TargetMetric
    target: Decimal | None  # None: no target set
    target_derived: bool  # summed from the targets of shorter periods
    actual: Decimal
    gap: Decimal | None  # target − actual; negative when exceeded
    attainment: Decimal | None  # percent, two decimals
    projected: Decimal | None  # end-of-period figure at the current pace; None: too early
    on_track: bool | None  # projected ≥ target; None without a target or a projection


@dataclass(frozen=True, slots=True)
class ActualItem:
    """One order, deal or activity that makes up an actual figure."""

    kind: str  # "order", "deal", "customer", "activity"
    id: int
    day: date
    reference: str  # order number, deal title, activity subject
    customer: str
    owner: str
    value: Decimal


@dataclass(frozen=True, slots=True)
class TrendPoint:
    period: Period
    target: Decimal | None
    actual: Decimal
    attainment: Decimal | None


@dataclass(frozen=True, slots=True)
class Scorecard:
    salesperson_id: int
    name: str
    period: Period
    rows: tuple[AttainmentRow, ...]
    won: int
    lost: int
    win_rate: Decimal | None  # percent, one decimal
    average_deal_size: Decimal | None
    average_cycle_days: Decimal | None
    activities_per_week: Decimal | None
    trend_metric: TargetMetric
    trend: tuple[TrendPoint, ...]  # the last 12 periods, oldest first


@dataclass(frozen=True, slots=True)
class LeaderRow:
    rank: int
    salesperson_id: int
    name: str
    metric: TargetMetric
    target: Decimal | None
    actual: Decimal
    attainment: Decimal | None


# ---------------------------------------------------------------------------- helpers


def _as_decimal(value: Any) -> Decimal:
    if value is None:
        return ZERO
    return value if isinstance(value, Decimal) else Decimal(value)


def _count(value: Any) -> Decimal:
    return Decimal(int(value or 0))


def _mean_tenth(total: Decimal, count: int) -> Decimal | None:
    if count == 0:
        return None
    return (total / count).quantize(_TENTH, rounding=ROUND_HALF_UP)


def derive_target(
    explicit: dict[tuple[PeriodKind, date], Decimal], period: Period
) -> tuple[Decimal | None, bool]:
    """A period's stored target, else the sum over its sub-periods (recursively)."""
    own = explicit.get((period.kind, period.start))
    if own is not None:
        return own, False
    if period.kind is PeriodKind.MONTH:
        return None, False
    shorter = PeriodKind.QUARTER if period.kind is PeriodKind.YEAR else PeriodKind.MONTH
    parts = [derive_target(explicit, p)[0] for p in period.sub_periods(shorter)]
    found = [p for p in parts if p is not None]
    if not found:
        return None, False
    return sum(found, Decimal(0)), True


# ----------------------------------------------------------------------- the service


def _first_order_of_its_customer() -> ColumnElement[bool]:
    """The "new customer" rule: the order (``orders``, not cancelled) is its customer's first
    one that is not cancelled, by date and then by id. A customer is new in the period of
    that order and credited to its owner."""
    o, earlier = m.Order, aliased(m.Order)
    return ~exists().where(
        earlier.customer_id == o.customer_id,
        *revenue_filter(earlier),
        (earlier.order_date < o.order_date)
        | and_(earlier.order_date == o.order_date, earlier.id < o.id),
    )


class TargetsService:
    """Targets, actuals and attainment. One transaction per call."""

    def __init__(self, db: Database, tz: tzinfo | None = None) -> None:
        self._db = db
        self._tz = tz

    @property
    def tz(self) -> tzinfo:
        return self._tz or local_zone()

    def _instant(self, day: date) -> datetime:
        return datetime.combine(day, time(), self.tz).astimezone(UTC)

    # ---------------------------------------------------------------------- targets

    @staticmethod
    def _check_value(errors: Errors, metric: TargetMetric, value: Decimal) -> None:
        unit = metric_unit(metric)
        if not value.is_finite() or value < 0:
            errors.add("value", translate("Targets", "A target is zero or more."))
        elif value > MAX_AMOUNT:
            errors.add("value", translate("Targets", "This target is too large."))
        elif value != value.quantize(unit):
            if unit == 1:
                errors.add("value", translate("Targets", "This target is a whole number."))
            else:
                errors.add("value", translate("Targets", "Use at most two decimals."))

    def _write_targets(
        self,
        session: Session,
        items: Iterable[TargetItem],
    ) -> None:
        t = m.Target
        for salesperson_id, period, metric, value in items:
            row = session.scalar(
                select(t).where(
                    t.salesperson_id.is_(None)
                    if salesperson_id is None
                    else t.salesperson_id == salesperson_id,
                    t.period_kind == period.kind,
                    t.period_start == period.start,
                    t.metric == metric,
                )
            )
            if value is None:
                if row is not None:
                    session.delete(row)
                continue
            if row is None:
                session.add(
                    t(
                        salesperson_id=salesperson_id,
                        period_kind=period.kind,
                        period_start=period.start,
                        metric=metric,
                        value=value,
                    )
                )
            else:
                row.value = value

    def set_target(
        self,
        salesperson_id: int | None,
        period: Period,
        metric: TargetMetric,
        value: Decimal | None,
    ) -> None:
        """Store one target (``salesperson_id`` None: the company); None removes it."""
        errors = Errors()
        if value is not None:
            self._check_value(errors, metric, value)
        errors.raise_if_any()
        with self._db.write() as session:
            self._check_salesperson(session, salesperson_id)
            self._write_targets(session, [(salesperson_id, period, metric, value)])

    @staticmethod
    def _check_salesperson(session: Session, salesperson_id: int | None) -> None:
        if salesperson_id is not None and session.get(m.Salesperson, salesperson_id) is None:
            raise NotFoundError(translate("Targets", "This salesperson no longer exists."))

    def stored_target(
        self, salesperson_id: int | None, period: Period, metric: TargetMetric
    ) -> Decimal | None:
        t = m.Target
        with self._db.read() as session:
            return session.scalar(
                select(t.value).where(
                    t.salesperson_id.is_(None)
                    if salesperson_id is None
                    else t.salesperson_id == salesperson_id,
                    t.period_kind == period.kind,
                    t.period_start == period.start,
                    t.metric == metric,
                )
            )

    def stored_targets(self, keys: Iterable[TargetKey]) -> list[TargetItem]:
        """The stored values of these targets (None where there is none), e.g. to undo."""
        t = m.Target
        wanted = list(keys)
        with self._db.read() as session:
            found: dict[TargetKey, Decimal] = {}
            for sp_id, period, metric in wanted:
                value = session.scalar(
                    select(t.value).where(
                        t.salesperson_id.is_(None) if sp_id is None else t.salesperson_id == sp_id,
                        t.period_kind == period.kind,
                        t.period_start == period.start,
                        t.metric == metric,
                    )
                )
                if value is not None:
                    found[(sp_id, period, metric)] = value
        return [(sp, p, mt, found.get((sp, p, mt))) for sp, p, mt in wanted]

    def set_targets(self, items: Sequence[TargetItem]) -> None:
        """Store (or, with None, remove) several targets in one transaction."""
        errors = Errors()
        for _sp, _period, metric, value in items:
            if value is not None:
                self._check_value(errors, metric, value)
        errors.raise_if_any()
        with self._db.write() as session:
            for sp_id in {sp for sp, _p, _m, _v in items}:
                self._check_salesperson(session, sp_id)
            self._write_targets(session, items)

    def copy_plan(self, period: Period, *, overwrite: bool = False) -> list[TargetItem]:
        """The targets copying the previous period's stored ones into ``period`` would write;
        existing targets are kept unless ``overwrite``."""
        t = m.Target
        source = period.previous()
        with self._db.read() as session:
            rows = session.execute(
                select(t.salesperson_id, t.metric, t.value).where(
                    t.period_kind == source.kind, t.period_start == source.start
                )
            ).all()
            existing = {
                (sp, metric)
                for sp, metric in session.execute(
                    select(t.salesperson_id, t.metric).where(
                        t.period_kind == period.kind, t.period_start == period.start
                    )
                )
            }
        return [
            (sp, period, metric, value)
            for sp, metric, value in rows
            if overwrite or (sp, metric) not in existing
        ]

    def copy_previous(self, period: Period, *, overwrite: bool = False) -> int:
        """Copy the previous period's stored targets into ``period``; returns how many."""
        items = self.copy_plan(period, overwrite=overwrite)
        self.set_targets(items)
        return len(items)

    def spread_plan(
        self,
        salesperson_id: int | None,
        year: Period,
        metric: TargetMetric,
        total: Decimal,
        *,
        seasonal: bool,
    ) -> list[TargetItem]:
        """``total`` as the yearly target and its 12 monthly parts, evenly or in proportion
        to last year's monthly actuals (evenly when last year had none); stores nothing."""
        if year.kind is not PeriodKind.YEAR:
            raise ValueError("spread a yearly target")
        errors = Errors()
        self._check_value(errors, metric, total)
        errors.raise_if_any()
        months = year.sub_periods(PeriodKind.MONTH)
        unit = metric_unit(metric)
        if seasonal:
            with self._db.read() as session:
                weights = [
                    self._pick(
                        self._metric_totals(session, metric, month.year_before()),
                        salesperson_id,
                    )
                    for month in months
                ]
            parts = spread(total, weights, unit)
        else:
            parts = spread_evenly(total, 12, unit)
        items: list[TargetItem] = [(salesperson_id, year, metric, total)]
        items += [
            (salesperson_id, mo, metric, part) for mo, part in zip(months, parts, strict=True)
        ]
        return items

    def spread_year(
        self,
        salesperson_id: int | None,
        year: Period,
        metric: TargetMetric,
        total: Decimal,
        *,
        seasonal: bool,
    ) -> list[Decimal]:
        """Store :meth:`spread_plan`; returns the monthly parts."""
        items = self.spread_plan(salesperson_id, year, metric, total, seasonal=seasonal)
        self.set_targets(items)
        return [value for _sp, _p, _m, value in items[1:] if value is not None]

    # ---------------------------------------------------------------------- actuals

    @staticmethod
    def _pick(totals: Totals, salesperson_id: int | None) -> Decimal:
        if salesperson_id is None:
            return sum(totals.values(), ZERO)
        return totals.get(salesperson_id, ZERO)

    def _order_filter(self, period: Period) -> list[ColumnElement[bool]]:
        return revenue_filter(m.Order, period.start, period.end_exclusive)

    def _metric_totals(
        self,
        session: Session,
        metric: TargetMetric,
        period: Period,
        *,
        owner: int | None = None,
    ) -> Totals:
        """The actual of ``metric`` in ``period`` per owner (one grouped query)."""
        o, op, a = m.Order, m.Opportunity, m.Activity
        query: Any
        where: list[Any]
        if metric in (TargetMetric.REVENUE, TargetMetric.GROSS_MARGIN):
            value: Any = (
                func.sum(revenue_amount(o))
                if metric is TargetMetric.REVENUE
                else func.sum(margin_amount(o))
            )
            where = self._order_filter(period)
            if owner is not None:
                where.append(o.owner_id == owner)
            query = select(o.owner_id, type_coerce(value, Money)).where(*where)
            query = query.group_by(o.owner_id)
            return {k: _as_decimal(v) for k, v in session.execute(query)}
        if metric is TargetMetric.COLLECTIONS:
            query = collections_by_owner(period.start, period.end_exclusive, owner)
            return {k: _as_decimal(v) for k, v in session.execute(query)}
        if metric is TargetMetric.DEALS_WON:
            where = [
                op.deleted_at.is_(None),
                _WON,
                op.closed_on >= period.start,
                op.closed_on < period.end_exclusive,
            ]
            if owner is not None:
                where.append(op.owner_id == owner)
            query = select(op.owner_id, func.count()).where(*where).group_by(op.owner_id)
            return {k: _count(v) for k, v in session.execute(query)}
        if metric is TargetMetric.NEW_CUSTOMERS:
            where = self._order_filter(period)
            where.append(_first_order_of_its_customer())
            if owner is not None:
                where.append(o.owner_id == owner)
            query = select(o.owner_id, func.count()).where(*where).group_by(o.owner_id)
            return {k: _count(v) for k, v in session.execute(query)}
        if metric is TargetMetric.ACTIVITIES:
            done = [
                a.deleted_at.is_(None),
                a.done_at >= self._instant(period.start),
                a.done_at < self._instant(period.end_exclusive),
            ]
            if owner is not None:
                query = select(func.count()).where(a.assignee_id == owner, *done)
                return {owner: _count(session.scalar(query))}
            # One index range per salesperson (and one for nobody's): cheaper than grouping
            # the period's activities, which can be hundreds of thousands.
            sp = m.Salesperson
            per_person = (
                select(func.count())
                .where(a.assignee_id == sp.id, *done)
                .correlate(sp)
                .scalar_subquery()
            )
            nobody = select(func.count()).where(a.assignee_id.is_(None), *done).scalar_subquery()
            rows = session.execute(select(sp.id, per_person)).all()
            result = {k: _count(v) for k, v in rows if v}
            unassigned = session.scalar(select(nobody))
            if unassigned:
                result[None] = _count(unassigned)
            return result
        raise ValueError(f"unknown metric {metric}")

    def _order_totals(
        self, session: Session, period: Period, owner: int | None
    ) -> tuple[Totals, Totals, Totals]:
        """Revenue, gross margin and revenue of orders not tied to a deal, per owner."""
        o = m.Order
        where = self._order_filter(period)
        if owner is not None:
            where.append(o.owner_id == owner)
        repeat = case((o.opportunity_id.is_(None), revenue_amount(o)), else_=0)
        query = (
            select(
                o.owner_id,
                type_coerce(func.sum(revenue_amount(o)), Money),
                type_coerce(func.sum(margin_amount(o)), Money),
                type_coerce(func.sum(repeat), Money),
            )
            .where(*where)
            .group_by(o.owner_id)
        )
        revenue: Totals = {}
        margin: Totals = {}
        recurring: Totals = {}
        for key, total, gross, plain in session.execute(query):
            revenue[key] = _as_decimal(total)
            margin[key] = _as_decimal(gross)
            recurring[key] = _as_decimal(plain)
        return revenue, margin, recurring

    def _pipelines(
        self, session: Session, metrics: Sequence[TargetMetric], period: Period, today: date
    ) -> dict[TargetMetric, Totals]:
        """Open deals expected to close from ``today`` to the period's end, weighted by
        probability: amounts for revenue, deal counts (probability / 100) for deals won.
        Amounts are the deals' weighted amounts as the board and the dashboard add them (each
        rounded on its own, by the domain's rule): minor units per owner, probability and
        residue in SQL, turned into weighted sums by ``weighted_sum_minor`` in Python."""
        wanted = {TargetMetric.REVENUE, TargetMetric.DEALS_WON} & set(metrics)
        if not wanted or today >= period.end:
            return {}
        op, st = m.Opportunity, m.PipelineStage
        start = max(today, period.start)
        probability = func.coalesce(op.probability_override, st.default_probability)
        residue = type_coerce(op.amount, Integer) % WEIGHTED_GROUP_MODULUS
        rows = session.execute(
            select(
                op.owner_id,
                probability,
                residue,
                func.sum(type_coerce(op.amount, Integer)),
                func.count(),
            )
            .join(st, st.id == op.stage_id)
            .where(
                op.deleted_at.is_(None),
                op.status == OpportunityStatus.OPEN,
                op.expected_close >= start,
                op.expected_close <= period.end,
            )
            .group_by(op.owner_id, probability, residue)
        ).all()
        # Multiplying in SQL (minor units × percent, up to 10¹⁶ a deal) could overflow 64 bits.
        amounts: dict[Owner, int] = defaultdict(int)
        counts: dict[Owner, int] = defaultdict(int)
        for owner, percent, rest, amount, n in rows:
            amounts[owner] += weighted_sum_minor(int(percent or 0), int(rest), int(n), int(amount))
            counts[owner] += int(n) * int(percent or 0)

        def scaled(value: int, scale: int) -> Decimal:
            return (Decimal(value) / scale).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)

        # counts: percent → / 100
        return {
            TargetMetric.REVENUE: {owner: from_minor(v) for owner, v in amounts.items()},
            TargetMetric.DEALS_WON: {owner: scaled(v, 100) for owner, v in counts.items()},
        }

    def _explicit_targets(
        self, session: Session, period: Period, metrics: Sequence[TargetMetric]
    ) -> dict[tuple[Owner, TargetMetric], dict[tuple[PeriodKind, date], Decimal]]:
        t = m.Target
        rows = session.execute(
            select(t.salesperson_id, t.metric, t.period_kind, t.period_start, t.value).where(
                t.period_start >= period.start,
                t.period_start < period.end_exclusive,
                t.metric.in_(metrics),
            )
        )
        result: dict[tuple[Owner, TargetMetric], dict[tuple[PeriodKind, date], Decimal]] = (
            defaultdict(dict)
        )
        for sp, metric, kind, start, value in rows:
            result[(sp, metric)][(kind, start)] = value
        return result

    def actual_in(
        self, session: Session, metric: TargetMetric, period: Period, salesperson_id: int | None
    ) -> Decimal:
        """One actual inside the caller's transaction (``salesperson_id`` None: company)."""
        totals = self._metric_totals(session, metric, period, owner=salesperson_id)
        return self._pick(totals, salesperson_id)

    def target_in(
        self, session: Session, salesperson_id: int | None, metric: TargetMetric, period: Period
    ) -> Decimal | None:
        """One target (stored or derived) inside the caller's transaction."""
        explicit = self._explicit_targets(session, period, [metric])
        return derive_target(explicit.get((salesperson_id, metric), {}), period)[0]

    def attainment(
        self,
        period_kind: PeriodKind,
        period_start: date,
        *,
        metric: TargetMetric | None = None,
        salesperson_id: int | None = None,
        include_company: bool = True,
        today: date | None = None,
    ) -> list[AttainmentRow]:
        """Target, actual, gap, attainment and pace per salesperson and metric.

        The period is the ``period_kind`` (month, quarter, year) containing ``period_start``
        (any day of it). ``today`` (default: today in ``tz``) drives the pace projection.
        One read transaction; the result is a list of frozen :class:`AttainmentRow`.

        Rows: the company first (unless ``include_company`` is False), then the active
        salespeople and any other salesperson with a target or an actual in the period, by
        name; within each, the metrics in ``METRIC_ORDER`` (or only ``metric``).
        ``salesperson_id`` limits the rows to that salesperson (and no company row).
        """
        period = Period.containing(period_kind, period_start)
        today = today or clock().now().astimezone(self.tz).date()
        metrics = [metric] if metric is not None else list(METRIC_ORDER)
        with self._db.read() as session:
            return self._attainment(
                session, period, metrics, salesperson_id, include_company, today
            )

    def _attainment(
        self,
        session: Session,
        period: Period,
        metrics: Sequence[TargetMetric],
        salesperson_id: int | None,
        include_company: bool,
        today: date,
    ) -> list[AttainmentRow]:
        targets = self._explicit_targets(session, period, metrics)
        actuals: dict[TargetMetric, Totals] = {}
        recurring: dict[TargetMetric, Totals] = {}
        pipeline: dict[TargetMetric, Totals] = {}
        money = {TargetMetric.REVENUE, TargetMetric.GROSS_MARGIN} & set(metrics)
        if money:
            # Revenue, margin and the repeat-order revenue in one pass over the orders.
            revenue, margin, repeat = self._order_totals(session, period, salesperson_id)
            if TargetMetric.REVENUE in money:
                actuals[TargetMetric.REVENUE] = revenue
                if period.start <= today < period.end:
                    recurring[TargetMetric.REVENUE] = repeat
            if TargetMetric.GROSS_MARGIN in money:
                actuals[TargetMetric.GROSS_MARGIN] = margin
        for metric in metrics:
            if metric not in actuals:
                actuals[metric] = self._metric_totals(session, metric, period, owner=salesperson_id)
            if metric is TargetMetric.DEALS_WON:
                recurring[metric] = {}
        pipelines = self._pipelines(session, metrics, period, today)
        for metric in metrics:
            pipeline[metric] = pipelines.get(metric, {})
        sp = m.Salesperson
        people = session.execute(select(sp.id, sp.name, sp.active).order_by(sp.name, sp.id)).all()
        involved = {owner for totals in actuals.values() for owner in totals} | {
            owner for owner, _metric in targets
        }
        rows: list[AttainmentRow] = []
        owners: list[tuple[int | None, str]] = []
        if include_company and salesperson_id is None:
            owners.append((None, ""))
        for pid, name, active in people:
            if salesperson_id is not None:
                if pid == salesperson_id:
                    owners.append((pid, name))
            elif active or pid in involved:
                owners.append((pid, name))
        for owner, name in owners:
            for metric in metrics:
                rows.append(
                    self._row(
                        owner,
                        name,
                        metric,
                        period,
                        today,
                        targets.get((owner, metric), {}),
                        actuals[metric],
                        recurring.get(metric),
                        pipeline[metric],
                    )
                )
        return rows

    def _row(
        self,
        owner: int | None,
        name: str,
        metric: TargetMetric,
        period: Period,
        today: date,
        explicit: dict[tuple[PeriodKind, date], Decimal],
        actuals: Totals,
        recurring: Totals | None,
        pipeline: Totals,
    ) -> AttainmentRow:
        target, derived = derive_target(explicit, period)
        actual = self._pick(actuals, owner)
        rec = actual if recurring is None else self._pick(recurring, owner)
        pipe = self._pick(pipeline, owner) if pipeline else ZERO
        unit = metric_unit(metric)
        projected = projection(actual, recurring=rec, pipeline=pipe, period=period, today=today)
        if projected is not None:
            projected = projected.quantize(
                unit if unit != 1 else Decimal("0.01"), rounding=ROUND_HALF_UP
            )
        return AttainmentRow(
            salesperson_id=owner,
            name=name,
            metric=metric,
            target=target,
            target_derived=derived,
            actual=actual,
            gap=None if target is None else target - actual,
            attainment=attainment_percent(actual, target),
            projected=projected,
            on_track=None if target is None or projected is None else projected >= target,
        )

    # ------------------------------------------------------------------- drill-down

    def actual_items(
        self,
        period_kind: PeriodKind,
        period_start: date,
        metric: TargetMetric,
        salesperson_id: int | None,
        *,
        limit: int = 5000,
    ) -> list[ActualItem]:
        """The orders, deals, customers or activities behind one actual (``salesperson_id``
        None: the whole company), newest first, at most ``limit`` of them."""
        period = Period.containing(period_kind, period_start)
        o, op, a, c, sp = m.Order, m.Opportunity, m.Activity, m.Customer, m.Salesperson
        query: Any
        with self._db.read() as session:
            if metric is TargetMetric.COLLECTIONS:
                p = m.Payment
                query = (
                    collections_select(
                        period.start,
                        period.end_exclusive,
                        o.id,
                        p.payment_date,
                        o.number,
                        c.name,
                        sp.name,
                        collected_amount(),
                    )
                    .join(c, c.id == o.customer_id)
                    .outerjoin(sp, sp.id == o.owner_id)
                    .order_by(p.payment_date.desc(), p.id.desc(), o.id.desc())
                    .limit(limit)
                )
                if salesperson_id is not None:
                    query = query.where(o.owner_id == salesperson_id)
                return [
                    ActualItem("order", i, d, ref, cust, own or "", _as_decimal(v))
                    for i, d, ref, cust, own, v in session.execute(query)
                ]
            if metric in (
                TargetMetric.REVENUE,
                TargetMetric.GROSS_MARGIN,
                TargetMetric.NEW_CUSTOMERS,
            ):
                if metric is TargetMetric.GROSS_MARGIN:
                    value: Any = margin_amount(o)
                else:
                    value = revenue_amount(o)
                day_col = o.order_date
                where = self._order_filter(period)
                if metric is TargetMetric.NEW_CUSTOMERS:
                    where.append(_first_order_of_its_customer())
                if salesperson_id is not None:
                    where.append(o.owner_id == salesperson_id)
                query = (
                    select(o.id, day_col, o.number, c.name, sp.name, value)
                    .join(c, c.id == o.customer_id)
                    .outerjoin(sp, sp.id == o.owner_id)
                    .where(*where)
                    .order_by(day_col.desc(), o.id.desc())
                    .limit(limit)
                )
                kind = "customer" if metric is TargetMetric.NEW_CUSTOMERS else "order"
                return [
                    ActualItem(kind, i, d, ref, cust, own or "", _as_decimal(v))
                    for i, d, ref, cust, own, v in session.execute(query)
                ]
            if metric is TargetMetric.DEALS_WON:
                where = [
                    op.deleted_at.is_(None),
                    op.status == OpportunityStatus.WON,
                    op.closed_on >= period.start,
                    op.closed_on < period.end_exclusive,
                ]
                if salesperson_id is not None:
                    where.append(op.owner_id == salesperson_id)
                query = (
                    select(op.id, op.closed_on, op.title, c.name, sp.name, op.amount)
                    .join(c, c.id == op.customer_id)
                    .outerjoin(sp, sp.id == op.owner_id)
                    .where(*where)
                    .order_by(op.closed_on.desc(), op.id.desc())
                    .limit(limit)
                )
                return [
                    ActualItem("deal", i, d, ref, cust, own or "", _as_decimal(v))
                    for i, d, ref, cust, own, v in session.execute(query)
                ]
            where = [
                a.deleted_at.is_(None),
                a.done_at >= self._instant(period.start),
                a.done_at < self._instant(period.end_exclusive),
            ]
            if salesperson_id is not None:
                where.append(a.assignee_id == salesperson_id)
            query = (
                select(a.id, a.done_at, a.subject, c.name, sp.name)
                .outerjoin(c, c.id == a.customer_id)
                .outerjoin(sp, sp.id == a.assignee_id)
                .where(*where)
                .order_by(a.done_at.desc(), a.id.desc())
                .limit(limit)
            )
            return [
                ActualItem(
                    "activity",
                    i,
                    done.astimezone(self.tz).date(),
                    ref,
                    cust or "",
                    own or "",
                    Decimal(1),
                )
                for i, done, ref, cust, own in session.execute(query)
            ]

    # ------------------------------------------------------------ scorecard, ranking

    def leaderboard(
        self,
        period_kind: PeriodKind,
        period_start: date,
        metric: TargetMetric = TargetMetric.REVENUE,
        *,
        today: date | None = None,
    ) -> list[LeaderRow]:
        """The salespeople ranked by attainment (those without a target last), then actual."""
        rows = [
            r
            for r in self.attainment(
                period_kind, period_start, metric=metric, include_company=False, today=today
            )
            if r.salesperson_id is not None
        ]
        rows.sort(
            key=lambda r: (
                r.attainment is None,
                -(r.attainment or 0),
                -r.actual,
                r.name,
            )
        )
        result: list[LeaderRow] = []
        for index, r in enumerate(rows, 1):
            assert r.salesperson_id is not None
            result.append(
                LeaderRow(index, r.salesperson_id, r.name, metric, r.target, r.actual, r.attainment)
            )
        return result

    def scorecard(
        self,
        salesperson_id: int,
        period_kind: PeriodKind,
        period_start: date,
        *,
        trend_metric: TargetMetric = TargetMetric.REVENUE,
        today: date | None = None,
    ) -> Scorecard:
        period = Period.containing(period_kind, period_start)
        today = today or clock().now().astimezone(self.tz).date()
        op = m.Opportunity
        with self._db.read() as session:
            person = session.get(m.Salesperson, salesperson_id)
            if person is None:
                raise NotFoundError(translate("Targets", "This salesperson no longer exists."))
            name = person.name
            rows = self._attainment(
                session, period, list(METRIC_ORDER), salesperson_id, False, today
            )
            closed = session.execute(
                select(
                    op.status,
                    func.count(),
                    type_coerce(func.sum(op.amount), Money),
                    func.sum(
                        func.julianday(op.closed_on) - func.julianday(func.date(op.created_at))
                    ),
                )
                .where(
                    op.deleted_at.is_(None),
                    op.owner_id == salesperson_id,
                    op.status.in_([OpportunityStatus.WON, OpportunityStatus.LOST]),
                    op.closed_on >= period.start,
                    op.closed_on < period.end_exclusive,
                )
                .group_by(op.status)
            ).all()
            by_status = {status: (n, amount, days) for status, n, amount, days in closed}
            won, won_amount, cycle = by_status.get(OpportunityStatus.WON, (0, None, None))
            lost = by_status.get(OpportunityStatus.LOST, (0, None, None))[0]
            done = self._pick(
                self._metric_totals(session, TargetMetric.ACTIVITIES, period, owner=salesperson_id),
                salesperson_id,
            )
            trend: list[TrendPoint] = []
            for back in range(11, -1, -1):
                p = period.shifted(-back)
                explicit = self._explicit_targets(session, p, [trend_metric]).get(
                    (salesperson_id, trend_metric), {}
                )
                target, _derived = derive_target(explicit, p)
                actual = self._pick(
                    self._metric_totals(session, trend_metric, p, owner=salesperson_id),
                    salesperson_id,
                )
                trend.append(TrendPoint(p, target, actual, attainment_percent(actual, target)))
        elapsed_end = min(today, period.end)
        elapsed_days = (elapsed_end - period.start).days + 1
        per_week = (
            (done * 7 / elapsed_days).quantize(_TENTH, rounding=ROUND_HALF_UP)
            if elapsed_days > 0
            else None
        )
        closed_count = won + lost
        return Scorecard(
            salesperson_id=salesperson_id,
            name=name,
            period=period,
            rows=tuple(rows),
            won=won,
            lost=lost,
            win_rate=(
                (Decimal(won) * 100 / closed_count).quantize(_TENTH, rounding=ROUND_HALF_UP)
                if closed_count
                else None
            ),
            average_deal_size=(
                (_as_decimal(won_amount) / won).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
                if won
                else None
            ),
            average_cycle_days=(
                _mean_tenth(Decimal(str(cycle)), won) if won and cycle is not None else None
            ),
            activities_per_week=per_week,
            trend_metric=trend_metric,
            trend=tuple(trend),
        )
