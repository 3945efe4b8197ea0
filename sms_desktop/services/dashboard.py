"""The dashboard's figures: revenue, pipeline, quotes, tasks and targets, aggregated in SQL.

Each figure is one small method over the tables, so it can later be re-pointed at the service
of its area. The definitions (``flt`` is a :class:`DashboardFilter`; "the owner" filters by
``orders.owner_id``, ``opportunities.owner_id``, ``quotes.owner_id``,
``activities.assignee_id`` and ``targets.salesperson_id``; all owners when None):

* **Revenue** of a date range: revenue as defined once in ``domain/revenue.py`` (net of tax,
  orders neither drafts nor cancelled, by ``order_date``, in the company currency at each
  order's stored rate; SQL from ``services/revenue.py``) with the order date in the range
  (both days included), as in ``customer_stats`` and the Targets tab.
* **Same period last year**: both ends moved back one year (29 February → 28 February).
  **Change**: ``(current − previous) / previous × 100``, one decimal half up; None when the
  previous figure is 0.
* **Month / quarter / year to date**: from the first day of the month (quarter, year) of the
  *reference day* to that day; the reference day is ``min(flt.period_to, today)``.
* **Open pipeline**: the open deals (status open, not in the trash) now; **weighted**: the sum
  of each deal's ``amount × probability`` rounded to cents half up, the probability being the
  deal's override or its stage's default.
* **Win rate**: ``won / (won + lost) × 100`` (one decimal) over the deals *closed*
  (``closed_on``) in the period; **average deal size**: won amount / won deals (cents, half up).
* **Quotes awaiting an answer**: quotes (not in the trash) with status ``sent`` still valid
  (``valid_until`` ≥ today): their count and the sum of their totals.
* **Overdue tasks**: activities not done and not in the trash, due before the start of today
  (local midnight).
* **Targets**: the revenue targets of salespeople whose period starts inside the period; for
  each salesperson only the shortest period kind present (months before quarters before years)
  so a person's month and year targets are not added together. The actual figure of a target
  is the revenue of that salesperson's orders from the target's first day to the end of its
  period or of the selected period, whichever comes first. **Attainment** = actual / target
  × 100, one decimal; None without a target.
* **Monthly revenue**: revenue per calendar month for the ``months`` months ending with the
  month of ``flt.period_to``, each with the same month one year earlier.
* **Pipeline by stage**: per open, non-archived stage (board order): count, amount, weighted.
* **Top customers**: the customers with the most revenue in the period (ties: smaller id
  first); share = customer / period revenue × 100 and the running (Pareto) share, one decimal.
* **Collections (回款)**: payments dated in the period as applied to invoices, at the
  payments' rates (``services/revenue.collections_by_owner``, the Targets' definition), of
  the owner's orders. **Overdue receivables**: invoices' open balances past their due date
  today (``services/receivables.overdue_sum``).
* **Revenue by product category**: ``order_lines.net_amount_base`` (company currency) of the period's orders, grouped
  by the top-level category of the line's product (lines without a product or category: one
  row with ``category_id`` None), largest first.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Date,
    Integer,
    String,
    and_,
    bindparam,
    case,
    column,
    func,
    select,
    type_coerce,
    values,
)
from sqlalchemy.orm import Session, aliased

from sms_desktop.domain.calendar import (
    add_months,
    month_end,
    month_start,
    next_month_start,
    quarter_start,
    year_earlier,
    year_start,
)
from sms_desktop.domain.clock import clock, local_zone
from sms_desktop.domain.enums import OpportunityStatus, QuoteStatus, StageKind, TargetMetric
from sms_desktop.domain.money import ZERO, from_minor, round_money
from sms_desktop.domain.pipeline import WEIGHTED_GROUP_MODULUS, weighted_minor, weighted_sum_minor
from sms_desktop.persistence import models as m
from sms_desktop.persistence.db import Database
from sms_desktop.services.receivables import overdue_sum
from sms_desktop.services.revenue import (
    collections_by_owner,
    revenue_amount,
    revenue_day,
    revenue_filter,
)

_TENTH = Decimal("0.1")
_KIND_ORDER = {"month": 0, "quarter": 1, "year": 2}


@dataclass(frozen=True, slots=True)
class DashboardFilter:
    """The period (both days included) and the owner every figure is computed for."""

    period_from: date
    period_to: date
    owner_id: int | None = None

    def __post_init__(self) -> None:
        if self.period_from > self.period_to:
            raise ValueError(f"the period ends before it starts: {self.period_from}")


@dataclass(frozen=True, slots=True)
class Comparison:
    """A revenue figure beside the same period one year earlier."""

    period_from: date
    period_to: date
    current: Decimal
    previous: Decimal
    change: Decimal | None  # percent, one decimal; None when ``previous`` is 0


@dataclass(frozen=True, slots=True)
class Pipeline:
    open_deals: int
    amount: Decimal
    weighted: Decimal


@dataclass(frozen=True, slots=True)
class WinRate:
    won: int
    lost: int
    won_amount: Decimal
    win_rate: Decimal | None  # percent, one decimal
    average_deal_size: Decimal | None


@dataclass(frozen=True, slots=True)
class QuotesAwaiting:
    count: int
    amount: Decimal


@dataclass(frozen=True, slots=True)
class TargetRow:
    """One salesperson's revenue target(s) in the period and what they sold against them."""

    salesperson_id: int
    name: str
    target: Decimal
    actual: Decimal
    attainment: Decimal | None  # percent, one decimal


@dataclass(frozen=True, slots=True)
class Attainment:
    target: Decimal
    actual: Decimal
    attainment: Decimal | None


@dataclass(frozen=True, slots=True)
class Kpis:
    """The cards of the dashboard."""

    reference_day: date
    revenue_period: Comparison
    revenue_month: Comparison
    revenue_quarter: Comparison
    revenue_ytd: Comparison
    pipeline: Pipeline
    win_rate: WinRate
    quotes_awaiting: QuotesAwaiting
    overdue_tasks: int
    targets: Attainment
    # 回款: payments of the period applied to invoices (company currency, by payment date)
    collections_period: Decimal = ZERO
    # receivables past their due date today (company currency)
    overdue_receivables: Decimal = ZERO


@dataclass(frozen=True, slots=True)
class MonthRevenue:
    month: date  # the first day of the month
    revenue: Decimal
    previous_year: Decimal  # the same month one year earlier


@dataclass(frozen=True, slots=True)
class StageRow:
    stage_id: int
    key: str
    name_zh: str
    name_en: str
    count: int
    amount: Decimal
    weighted: Decimal


@dataclass(frozen=True, slots=True)
class CustomerRevenue:
    customer_id: int
    name: str
    revenue: Decimal
    orders: int
    share: Decimal | None  # percent of the period's revenue, one decimal
    cumulative_share: Decimal | None  # the Pareto line


@dataclass(frozen=True, slots=True)
class CategoryRevenue:
    category_id: int | None
    name_zh: str
    name_en: str
    revenue: Decimal


@dataclass(frozen=True, slots=True)
class DashboardSeries:
    """The chart series of one filter, read in one transaction."""

    monthly: tuple[MonthRevenue, ...]
    stages: tuple[StageRow, ...]
    top_customers: tuple[CustomerRevenue, ...]
    categories: tuple[CategoryRevenue, ...]
    targets: tuple[TargetRow, ...]


@dataclass(frozen=True, slots=True)
class Dashboard:
    """Everything the dashboard shows, read in one transaction."""

    filter: DashboardFilter
    kpis: Kpis
    monthly: tuple[MonthRevenue, ...]
    stages: tuple[StageRow, ...]
    top_customers: tuple[CustomerRevenue, ...]
    categories: tuple[CategoryRevenue, ...]
    targets: tuple[TargetRow, ...]


# ------------------------------------------------------------------------- date helpers


def percent_of(part: Decimal | int, whole: Decimal | int) -> Decimal | None:
    """``part / whole × 100`` rounded half up to one decimal; None when ``whole`` is 0."""
    if whole == 0:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(_TENTH, rounding=ROUND_HALF_UP)


def change_percent(current: Decimal, previous: Decimal) -> Decimal | None:
    if previous == 0:
        return None
    return ((current - previous) * 100 / previous).quantize(_TENTH, rounding=ROUND_HALF_UP)


def period_end(start: date, kind: str) -> date:
    """The last day of the target period of ``kind`` that starts on ``start``."""
    months = {"month": 1, "quarter": 3, "year": 12}[kind]
    return add_months(start, months) - timedelta(days=1)


def _year_earlier(start: date, end: date) -> tuple[date, date]:
    return year_earlier(start), year_earlier(end)


def _owner(column: Any, owner_id: int | None) -> list[ColumnElement[bool]]:
    """The owner filter: no condition for all owners."""
    return [] if owner_id is None else [column == owner_id]


def _in_period(order: Any, flt: DashboardFilter) -> list[ColumnElement[bool]]:
    """The orders that count as revenue in ``flt``'s period, of its owner."""
    return [
        *revenue_filter(order),
        revenue_day(order).between(flt.period_from, flt.period_to),
        *_owner(order.owner_id, flt.owner_id),
    ]


def _minor(amount: Any) -> ColumnElement[int]:
    """Money as stored (integer minor units), to add up in SQL and convert once."""
    return type_coerce(amount, Integer)


def _money(minor: object) -> Decimal:
    return ZERO if minor is None else from_minor(int(minor))  # type: ignore[call-overload]


# ------------------------------------------------------------------- cached statements
# Built once with their values bound: building them costs more than running them on a
# small database (the statement cache then also finds them compiled).


def _owner_param(column: Any, owned: bool) -> list[ColumnElement[bool]]:
    return [column == bindparam("owner", type_=Integer)] if owned else []


@cache
def _revenue_sums_query(spans: int, *, owned: bool) -> Any:
    """The revenue of each span ``:s<n>``–``:e<n>`` (both days included) of the orders dated
    ``:lo``–``:hi``, in one pass."""
    o = m.Order
    amount, day = _minor(revenue_amount(o)), revenue_day(o)

    def between(first: str, last: str) -> ColumnElement[bool]:
        return day.between(bindparam(first, type_=Date), bindparam(last, type_=Date))

    return select(
        *(func.sum(case((between(f"s{n}", f"e{n}"), amount))) for n in range(spans))
    ).where(*revenue_filter(o), between("lo", "hi"), *_owner_param(o.owner_id, owned))


@cache
def _stage_totals_query(*, all_open: bool, owned: bool) -> Any:
    """Per stage (board order), probability and amount residue: the open deals' count and
    amount; ``all_open`` keeps stages that are not on the board (archived, won, lost)."""
    o, own, s = m.Opportunity, aliased(m.PipelineStage), m.PipelineStage
    minor = _minor(o.amount)
    deals = (
        select(
            o.id,
            o.stage_id,
            minor.label("amount"),
            func.coalesce(o.probability_override, own.default_probability).label("chance"),
            (minor % WEIGHTED_GROUP_MODULUS).label("residue"),
        )
        .join(own, own.id == o.stage_id)
        .where(
            o.status == OpportunityStatus.OPEN,
            o.deleted_at.is_(None),
            *_owner_param(o.owner_id, owned),
        )
        .subquery()
    )
    query = (
        select(
            s.id,
            s.key,
            s.name_zh,
            s.name_en,
            deals.c.chance,
            deals.c.residue,
            func.count(deals.c.id),
            func.coalesce(func.sum(deals.c.amount), 0),
        )
        .outerjoin(deals, deals.c.stage_id == s.id)
        .group_by(s.id, deals.c.chance, deals.c.residue)
        .order_by(s.position, s.id)
    )
    if not all_open:
        query = query.where(s.kind == StageKind.OPEN, s.archived.is_(False))
    return query


# ------------------------------------------------------------------------------ service


class DashboardService:
    """The dashboard's figures; ``today`` is injectable so tests need no wall clock."""

    def __init__(self, db: Database, today: Callable[[], date] | None = None) -> None:
        self._db = db
        self._today = today or (lambda: clock().today())

    # one read for the whole tab

    def dashboard(
        self, flt: DashboardFilter, *, months: int = 24, top: int = 10, today: date | None = None
    ) -> Dashboard:
        """All cards and chart series of ``flt`` from one snapshot of the database."""
        with self._db.read() as session:
            # The cards reuse the stage and target series instead of querying them again.
            stages = self._pipeline_by_stage(session, flt.owner_id)
            targets = self._targets_by_salesperson(session, flt)
            return Dashboard(
                filter=flt,
                kpis=self._kpis(session, flt, today or self._today(), targets=targets),
                monthly=self._monthly_revenue(session, flt, months),
                stages=stages,
                top_customers=self._top_customers(session, flt, top),
                categories=self._revenue_by_category(session, flt),
                targets=targets,
            )

    def series(self, flt: DashboardFilter, *, months: int = 24, top: int = 10) -> DashboardSeries:
        """Every chart series of ``flt`` from one snapshot (the cards come from ``kpis``)."""
        with self._db.read() as session:
            return DashboardSeries(
                monthly=self._monthly_revenue(session, flt, months),
                stages=self._pipeline_by_stage(session, flt.owner_id),
                top_customers=self._top_customers(session, flt, top),
                categories=self._revenue_by_category(session, flt),
                targets=self._targets_by_salesperson(session, flt),
            )

    def kpis(self, flt: DashboardFilter, today: date | None = None) -> Kpis:
        with self._db.read() as session:
            return self._kpis(session, flt, today or self._today())

    def monthly_revenue(self, flt: DashboardFilter, months: int = 24) -> tuple[MonthRevenue, ...]:
        with self._db.read() as session:
            return self._monthly_revenue(session, flt, months)

    def pipeline_by_stage(self, owner_id: int | None = None) -> tuple[StageRow, ...]:
        with self._db.read() as session:
            return self._pipeline_by_stage(session, owner_id)

    def top_customers(self, flt: DashboardFilter, limit: int = 10) -> tuple[CustomerRevenue, ...]:
        with self._db.read() as session:
            return self._top_customers(session, flt, limit)

    def revenue_by_category(self, flt: DashboardFilter) -> tuple[CategoryRevenue, ...]:
        with self._db.read() as session:
            return self._revenue_by_category(session, flt)

    def targets_by_salesperson(self, flt: DashboardFilter) -> tuple[TargetRow, ...]:
        with self._db.read() as session:
            return self._targets_by_salesperson(session, flt)

    # ------------------------------------------------------------------------- cards

    def _kpis(
        self,
        session: Session,
        flt: DashboardFilter,
        today: date,
        *,
        targets: tuple[TargetRow, ...] | None = None,
    ) -> Kpis:
        ref = min(flt.period_to, today)
        owner = flt.owner_id
        period, month, quarter, ytd = self._comparisons(
            session,
            [
                (flt.period_from, flt.period_to),
                (month_start(ref), ref),
                (quarter_start(ref), ref),
                (year_start(ref), ref),
            ],
            owner,
        )
        return Kpis(
            reference_day=ref,
            revenue_period=period,
            revenue_month=month,
            revenue_quarter=quarter,
            revenue_ytd=ytd,
            pipeline=self._open_pipeline(session, owner),
            win_rate=self._win_rate(session, flt),
            quotes_awaiting=self._quotes_awaiting(session, owner, today),
            overdue_tasks=self._overdue_tasks(owner, today),
            targets=self._target_attainment(
                self._targets_by_salesperson(session, flt) if targets is None else targets
            ),
            collections_period=self._collections(session, flt),
            overdue_receivables=overdue_sum(session, today, owner),
        )

    @staticmethod
    def _collections(session: Session, flt: DashboardFilter) -> Decimal:
        """Collections (回款) of the period: the targets' definition (services/revenue.py)."""
        rows = session.execute(
            collections_by_owner(flt.period_from, flt.period_to + timedelta(days=1), flt.owner_id)
        )
        return sum((amount for _owner, amount in rows), ZERO)

    def _comparisons(
        self, session: Session, ranges: list[tuple[date, date]], owner_id: int | None
    ) -> list[Comparison]:
        """Each range's revenue and the year-earlier range's, in one pass over the orders."""
        spans = [
            span for start, end in ranges for span in ((start, end), _year_earlier(start, end))
        ]
        params: dict[str, Any] = {
            "lo": min(s for s, _e in spans),
            "hi": max(e for _s, e in spans),
            "owner": owner_id,
        }
        for n, (start, end) in enumerate(spans):
            params[f"s{n}"], params[f"e{n}"] = start, end
        query = _revenue_sums_query(len(spans), owned=owner_id is not None)
        values = [_money(v) for v in session.execute(query, params).one()]
        return [
            Comparison(start, end, cur, prev, change_percent(cur, prev))
            for (start, end), cur, prev in zip(ranges, values[0::2], values[1::2], strict=True)
        ]

    def _open_pipeline(self, session: Session, owner_id: int | None) -> Pipeline:
        count, amount, weighted = 0, ZERO, ZERO
        for row in self._pipeline_by_stage(session, owner_id, all_open=True):
            count += row.count
            amount += row.amount
            weighted += row.weighted
        return Pipeline(count, amount, weighted)

    def _win_rate(self, session: Session, flt: DashboardFilter) -> WinRate:
        op = m.Opportunity
        is_won = op.status == OpportunityStatus.WON
        query = select(
            func.sum(case((is_won, 1), else_=0)),
            func.sum(case((op.status == OpportunityStatus.LOST, 1), else_=0)),
            func.sum(case((is_won, _minor(op.amount)), else_=0)),
        ).where(
            op.deleted_at.is_(None),
            op.status.in_((OpportunityStatus.WON, OpportunityStatus.LOST)),
            op.closed_on.between(flt.period_from, flt.period_to),
            *_owner(op.owner_id, flt.owner_id),
        )
        won, lost, amount = session.execute(query).one()
        won, lost, won_amount = int(won or 0), int(lost or 0), _money(amount)
        return WinRate(
            won=won,
            lost=lost,
            won_amount=won_amount,
            win_rate=percent_of(won, won + lost),
            average_deal_size=round_money(won_amount / won) if won else None,
        )

    def _quotes_awaiting(
        self, session: Session, owner_id: int | None, today: date
    ) -> QuotesAwaiting:
        q = m.Quote
        count, amount = session.execute(
            select(func.count(), func.sum(_minor(q.total))).where(
                q.status == QuoteStatus.SENT,
                q.deleted_at.is_(None),
                q.valid_until >= today,
                *_owner(q.owner_id, owner_id),
            )
        ).one()
        return QuotesAwaiting(int(count), _money(amount))

    def _overdue_tasks(self, owner_id: int | None, today: date) -> int:
        """The Tasks tab's Overdue count, asked of the tasks service (one definition)."""
        from sms_desktop.domain.tasks import GroupBounds, TaskGroup
        from sms_desktop.services.tasks import TaskFilter, TasksService

        tz = local_zone()
        bounds = GroupBounds.at(datetime.combine(today, time(12), tzinfo=tz), tz)
        return TasksService(self._db).count_tasks(
            TaskFilter(assignee_id=owner_id), TaskGroup.OVERDUE, bounds
        )

    @staticmethod
    def _target_attainment(rows: Iterable[TargetRow]) -> Attainment:
        target, actual = ZERO, ZERO
        for row in rows:
            target += row.target
            actual += row.actual
        return Attainment(target, actual, percent_of(actual, target))

    # ------------------------------------------------------------------------ series

    def _monthly_revenue(
        self, session: Session, flt: DashboardFilter, months: int
    ) -> tuple[MonthRevenue, ...]:
        first = next_month_start(flt.period_to, -(months - 1))
        since = add_months(first, -12)
        until = month_end(flt.period_to)
        o = m.Order
        day = revenue_day(o)
        # Per day, added up per month here: no SQL date function (SQLite's differ from
        # PostgreSQL's), a few hundred rows more.
        query = (
            select(day, func.sum(_minor(revenue_amount(o))))
            .where(*revenue_filter(o), day.between(since, until), *_owner(o.owner_id, flt.owner_id))
            .group_by(day)
        )
        by_month: dict[date, Decimal] = defaultdict(lambda: ZERO)
        for on, minor in session.execute(query):
            by_month[on.replace(day=1)] += _money(minor)

        def of(month: date) -> Decimal:
            return by_month.get(month, ZERO)

        return tuple(
            MonthRevenue(month, of(month), of(add_months(month, -12)))
            for month in (add_months(first, i) for i in range(months))
        )

    def _pipeline_by_stage(
        self, session: Session, owner_id: int | None, *, all_open: bool = False
    ) -> tuple[StageRow, ...]:
        # Weighted per deal, rounded to cents half up, then added: what the board shows. The
        # rounding is the domain's: SQL adds amounts per probability and amount residue,
        # weighted_sum_minor turns each group into the sum of its deals' weighted amounts.
        # ``all_open`` keeps deals in archived stages (they are still open pipeline).
        query = _stage_totals_query(all_open=all_open, owned=owner_id is not None)
        stages: dict[int, tuple[str, str, str]] = {}
        counts: dict[int, int] = defaultdict(int)
        amounts: dict[int, int] = defaultdict(int)
        weights: dict[int, int] = defaultdict(int)
        for i, k, zh, en, chance, residue, n, total in session.execute(query, {"owner": owner_id}):
            stage_id = int(i)
            stages[stage_id] = (str(k), str(zh), str(en))
            if n:
                counts[stage_id] += int(n)
                amounts[stage_id] += int(total)
                weights[stage_id] += weighted_sum_minor(
                    int(chance), int(residue), int(n), int(total)
                )
        return tuple(
            StageRow(
                i,
                k,
                zh,
                en,
                counts[i],
                from_minor(amounts[i]),
                from_minor(weights[i]),
            )
            for i, (k, zh, en) in stages.items()
            if not all_open or counts[i]
        )

    def _top_customers(
        self, session: Session, flt: DashboardFilter, limit: int
    ) -> tuple[CustomerRevenue, ...]:
        o, c = m.Order, m.Customer
        minor = _minor(revenue_amount(o))
        where = _in_period(o, flt)
        total = _money(session.execute(select(func.sum(minor)).where(*where)).scalar())
        revenue = func.sum(minor).label("revenue")
        top = (
            select(o.customer_id, revenue, func.count().label("n"))
            .where(*where)
            .group_by(o.customer_id)
            .order_by(revenue.desc(), o.customer_id)
            .limit(limit)
            .subquery()
        )
        query = (
            select(top.c.customer_id, c.name, top.c.revenue, top.c.n)
            .join(c, c.id == top.c.customer_id)
            .order_by(top.c.revenue.desc(), top.c.customer_id)
        )
        result: list[CustomerRevenue] = []
        running = ZERO
        for cid, name, revenue_minor, count in session.execute(query):
            amount = _money(revenue_minor)
            running += amount
            result.append(
                CustomerRevenue(
                    int(cid),
                    str(name),
                    amount,
                    int(count),
                    percent_of(amount, total),
                    percent_of(running, total),
                )
            )
        return tuple(result)

    def _revenue_by_category(
        self, session: Session, flt: DashboardFilter
    ) -> tuple[CategoryRevenue, ...]:
        # Order lines are summed per product first (a few hundred rows), then rolled up.
        o, line, pc, p = m.Order, m.OrderLine, m.ProductCategory, m.Product
        per_product = session.execute(
            select(line.product_id, func.sum(_minor(line.net_amount_base)))
            .select_from(o)
            .join(line, line.order_id == o.id)
            .where(*_in_period(o, flt))
            .group_by(line.product_id)
        ).all()
        categories = {
            int(i): (parent, str(zh), str(en))
            for i, parent, zh, en in session.execute(
                select(pc.id, pc.parent_id, pc.name_zh, pc.name_en)
            )
        }
        product_category: dict[int, int | None] = dict(
            session.execute(select(p.id, p.category_id)).all()
        )

        def root(category_id: int | None) -> int | None:
            seen: set[int] = set()
            while category_id is not None and category_id in categories:
                parent = categories[category_id][0]
                if parent is None or parent in seen or parent not in categories:
                    return category_id
                seen.add(category_id)
                category_id = int(parent)
            return None

        totals: dict[int | None, Decimal] = defaultdict(lambda: ZERO)
        for product_id, net in per_product:
            category = product_category.get(product_id) if product_id is not None else None
            totals[root(category)] += _money(net)
        rows = [
            CategoryRevenue(
                cid,
                categories[cid][1] if cid is not None else "",
                categories[cid][2] if cid is not None else "",
                amount,
            )
            for cid, amount in totals.items()
            if amount != 0
        ]
        rows.sort(key=lambda r: (-r.revenue, r.category_id is None, r.category_id or 0))
        return tuple(rows)

    def _targets_by_salesperson(
        self, session: Session, flt: DashboardFilter
    ) -> tuple[TargetRow, ...]:
        # Each target's actual revenue in one statement: a correlated sum over the orders of
        # its salesperson (ix_orders_owner_id_order_date) from its first day to the end of
        # its period or of the selected period, whichever comes first. Those ends come from
        # the domain's calendar, one row per kind and first day (a dozen or so), not from
        # SQL date functions.
        t, sp, o = m.Target, m.Salesperson, m.Order
        where = [
            t.metric == TargetMetric.REVENUE,
            t.period_start.between(flt.period_from, flt.period_to),
            *_owner(t.salesperson_id, flt.owner_id),
        ]
        periods = session.execute(select(t.period_kind, t.period_start).where(*where).distinct())
        ends = [
            (str(kind), start, min(flt.period_to, period_end(start, kind)))
            for kind, start in periods
        ]
        if not ends:
            return ()
        span = (
            values(column("kind", String), column("first", Date), column("last", Date), name="ends")
            .data(ends)
            .cte("ends")  # a CTE: SQLite takes no column names on a VALUES subquery
        )
        day = revenue_day(o)
        actual_of = (
            select(func.sum(_minor(revenue_amount(o))))
            .where(
                o.owner_id == t.salesperson_id,
                day >= span.c.first,
                day <= span.c.last,
                *revenue_filter(o),
            )
            .scalar_subquery()
        )
        query = (
            select(t.salesperson_id, sp.name, t.period_kind, _minor(t.value), actual_of)
            .join(sp, sp.id == t.salesperson_id)
            .join(span, and_(span.c.kind == t.period_kind, span.c.first == t.period_start))
            .where(*where)
        )
        by_person: dict[int, list[tuple[str, Decimal, Decimal]]] = defaultdict(list)
        names: dict[int, str] = {}
        for person, name, kind, value, actual_minor in session.execute(query):
            assert person is not None  # joined to its salesperson
            by_person[person].append((str(kind), _money(value), _money(actual_minor)))
            names[person] = str(name)
        rows: list[TargetRow] = []
        for person, targets in by_person.items():
            kind = min((k for k, _v, _a in targets), key=lambda k: _KIND_ORDER.get(k, 9))
            target = sum((v for k, v, _a in targets if k == kind), ZERO)
            actual = sum((a for k, _v, a in targets if k == kind), ZERO)
            rows.append(
                TargetRow(person, names[person], target, actual, percent_of(actual, target))
            )
        rows.sort(key=lambda r: (r.name, r.salesperson_id))
        return tuple(rows)


# -------------------------------------------------------------------------- report rows


@dataclass(frozen=True, slots=True)
class CustomerReportRow:
    """One customer with orders in the period: what the workbook's "By customer" sheet lists."""

    customer_id: int
    name: str
    tier: str | None
    orders: int
    revenue: Decimal
    last_order: date


@dataclass(frozen=True, slots=True)
class ProductReportRow:
    product_id: int | None
    sku: str
    name_zh: str
    name_en: str
    category_zh: str
    category_en: str
    quantity: Decimal
    revenue: Decimal


@dataclass(frozen=True, slots=True)
class DealReportRow:
    """One open deal with its stage and weighted value."""

    opportunity_id: int
    title: str
    customer: str
    stage_zh: str
    stage_en: str
    amount: Decimal
    probability: int
    weighted: Decimal
    expected_close: date | None
    owner: str | None


@dataclass(frozen=True, slots=True)
class ActivityReportRow:
    """The tasks of one salesperson due in the period (``name`` None: nobody assigned)."""

    salesperson_id: int | None
    name: str | None
    due: int
    done: int
    open: int
    overdue: int


def _day(value: object) -> date | None:
    return None if value is None else date.fromisoformat(str(value)[:10])


class DashboardReports:
    """The long lists of the summary workbook, streamed from one read transaction each."""

    def __init__(self, db: Database, today: Callable[[], date] | None = None) -> None:
        self._db = db
        self._today = today or (lambda: clock().today())

    def count_customers(self, flt: DashboardFilter) -> int:
        o = m.Order
        query = select(func.count(o.customer_id.distinct())).where(*_in_period(o, flt))
        with self._db.read() as session:
            return int(session.execute(query).scalar_one())

    def customers(self, flt: DashboardFilter) -> Iterator[CustomerReportRow]:
        """Customers by revenue in the period (largest first, then by id)."""
        o, c = m.Order, m.Customer
        per_customer = (
            select(
                o.customer_id,
                func.count().label("n"),
                func.sum(_minor(revenue_amount(o))).label("revenue"),
                func.max(revenue_day(o)).label("last_date"),
            )
            .where(*_in_period(o, flt))
            .group_by(o.customer_id)
            .subquery()
        )
        t = per_customer.c
        query = (
            select(t.customer_id, c.name, c.tier, t.n, t.revenue, t.last_date)
            .join(c, c.id == t.customer_id)
            .order_by(t.revenue.desc(), t.customer_id)
        )
        with self._db.read() as session:
            for cid, name, tier, n, revenue, last in session.execute(query):
                last_day = _day(last)
                assert last_day is not None
                yield CustomerReportRow(
                    int(cid), str(name), tier, int(n), _money(revenue), last_day
                )

    def products(self, flt: DashboardFilter) -> list[ProductReportRow]:
        """Order lines of the period per product (largest revenue first)."""
        o, line, p, pc = m.Order, m.OrderLine, m.Product, m.ProductCategory
        orders = select(o.id).where(*_in_period(o, flt)).subquery()
        net = func.sum(_minor(line.net_amount_base))
        query = (
            select(
                line.product_id,
                p.sku,
                p.name_zh,
                p.name_en,
                pc.name_zh,
                pc.name_en,
                func.sum(type_coerce(line.quantity, Integer)),
                net,
            )
            .select_from(orders)
            .join(line, line.order_id == orders.c.id)
            .outerjoin(p, p.id == line.product_id)
            .outerjoin(pc, pc.id == p.category_id)
            .group_by(line.product_id)
            .order_by(net.desc(), line.product_id)
        )
        with self._db.read() as session:
            return [
                ProductReportRow(
                    None if pid is None else int(pid),
                    sku or "",
                    zh or "",
                    en or "",
                    czh or "",
                    cen or "",
                    Decimal(int(qty or 0)).scaleb(-3),
                    _money(net),
                )
                for pid, sku, zh, en, czh, cen, qty, net in session.execute(query)
            ]

    def count_open_deals(self, owner_id: int | None) -> int:
        op = m.Opportunity
        query = (
            select(func.count())
            .select_from(op)
            .where(
                op.status == OpportunityStatus.OPEN,
                op.deleted_at.is_(None),
                *_owner(op.owner_id, owner_id),
            )
        )
        with self._db.read() as session:
            return int(session.execute(query).scalar_one())

    def open_deals(self, owner_id: int | None) -> Iterator[DealReportRow]:
        """The open deals by stage (board order), then weighted value (largest first)."""
        op, c, s, sp = m.Opportunity, m.Customer, m.PipelineStage, m.Salesperson
        minor = _minor(op.amount)
        chance = func.coalesce(op.probability_override, s.default_probability)
        query = (
            select(
                op.id,
                op.title,
                c.name,
                s.name_zh,
                s.name_en,
                minor,
                chance,
                op.expected_close,
                sp.name,
            )
            .join(c, c.id == op.customer_id)
            .join(s, s.id == op.stage_id)
            .outerjoin(sp, sp.id == op.owner_id)
            .where(
                op.status == OpportunityStatus.OPEN,
                op.deleted_at.is_(None),
                *_owner(op.owner_id, owner_id),
            )
            .order_by(s.position, (minor * chance).desc(), op.id)
        )
        with self._db.read() as session:
            for oid, title, customer, zh, en, amount, chance_, close, owner in session.execute(
                query
            ):
                minor_units, probability = int(amount), int(chance_)
                yield DealReportRow(
                    int(oid),
                    str(title),
                    str(customer),
                    str(zh),
                    str(en),
                    from_minor(minor_units),
                    probability,
                    from_minor(weighted_minor(minor_units, probability)),
                    _day(close),
                    owner,
                )

    def activities(
        self, flt: DashboardFilter, today: date | None = None
    ) -> list[ActivityReportRow]:
        """Per assignee: tasks due in the period, done, still open, and open and overdue.

        Read from indexes alone, not from the million task rows: all tasks due in the period
        per assignee from ``(assignee_id, due_at)``, less those in the trash (a deleted task
        always has its trash entry), and the open ones from the open-task index; done is the
        difference."""
        a, t, sp = m.Activity, m.TrashEntry, m.Salesperson
        owner = _owner(a.assignee_id, flt.owner_id)
        in_period = [
            a.due_at >= clock().local_midnight(flt.period_from),
            a.due_at < clock().local_midnight(flt.period_to + timedelta(days=1)),
        ]
        midnight = clock().local_midnight(today or self._today())
        all_query = (
            select(a.assignee_id, func.count())
            .where(*in_period, *owner)
            .group_by(a.assignee_id)
            .with_hint(a, "INDEXED BY ix_activities_assignee_id_due_at", "sqlite")
        )
        trashed_query = (
            select(a.assignee_id, func.count())
            .select_from(t)
            .join(a, a.id == t.entity_id)
            .where(t.entity == "activity", a.deleted_at.is_not(None), *in_period, *owner)
            .group_by(a.assignee_id)
        )
        open_query = (
            select(a.assignee_id, func.count(), func.sum(case((a.due_at < midnight, 1), else_=0)))
            .where(a.done_at.is_(None), a.deleted_at.is_(None), *in_period, *owner)
            .group_by(a.assignee_id)
            .with_hint(a, "INDEXED BY ix_activities_open_assignee_id_due_at", "sqlite")
        )
        with self._db.read() as session:
            due = {sid: int(n) for sid, n in session.execute(all_query)}
            for sid, n in session.execute(trashed_query):
                due[sid] = due.get(sid, 0) - int(n)
            still_open = {
                sid: (int(n), int(overdue or 0)) for sid, n, overdue in session.execute(open_query)
            }
            names: dict[int | None, str] = dict(session.execute(select(sp.id, sp.name)).all())
        rows = [
            ActivityReportRow(
                None if sid is None else int(sid),
                names.get(sid),
                count,
                count - still_open.get(sid, (0, 0))[0],
                still_open.get(sid, (0, 0))[0],
                still_open.get(sid, (0, 0))[1],
            )
            for sid, count in due.items()
            if count
        ]
        rows.sort(key=lambda r: (r.name is None, r.name or "", r.salesperson_id or 0))
        return rows
