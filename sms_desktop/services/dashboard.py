"""The dashboard's figures: revenue, pipeline, quotes, tasks and targets, aggregated in SQL.

Each figure is one small method over the tables, so it can later be re-pointed at the service
of its area. The definitions (``flt`` is a :class:`DashboardFilter`; "the owner" filters by
``orders.owner_id``, ``opportunities.owner_id``, ``quotes.owner_id``,
``activities.assignee_id`` and ``targets.salesperson_id``; all owners when None):

* **Revenue** of a date range: revenue as defined once in ``domain/revenue.py`` (net of tax,
  orders not cancelled, by ``order_date``; SQL from ``services/revenue.py``) with the order
  date in the range (both days included), as in ``customer_stats`` and the Targets tab. Amounts are added as stored, whatever the currency.
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
* **Revenue by product category**: ``order_lines.net_amount`` of the period's orders, grouped
  by the top-level category of the line's product (lines without a product or category: one
  row with ``category_id`` None), largest first.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

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
from sms_desktop.domain.money import ZERO, from_minor, round_money
from sms_desktop.domain.pipeline import WEIGHTED_GROUP_MODULUS, weighted_minor, weighted_sum_minor
from sms_desktop.persistence.db import Database
from sms_desktop.services.revenue import counted_sql, revenue_sql

_TENTH = Decimal("0.1")
_KIND_ORDER = {"month": 0, "quarter": 1, "year": 2}
# The one revenue definition (domain/revenue.py), written out for these text queries.
_REVENUE = counted_sql()
_REVENUE_O = counted_sql("o")
_AMOUNT = revenue_sql()
_AMOUNT_O = revenue_sql("o")


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


def _local_midnight_utc(day: date) -> str:
    stamp = clock().local_midnight(day).replace(tzinfo=None)
    return stamp.isoformat(sep=" ", timespec="microseconds")


def _owner_clause(column: str, owner_id: int | None) -> str:
    return "" if owner_id is None else f" AND {column} = :owner"


def _money(minor: object) -> Decimal:
    return ZERO if minor is None else from_minor(int(minor))  # type: ignore[call-overload]


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
        )

    def _comparisons(
        self, session: Session, ranges: list[tuple[date, date]], owner_id: int | None
    ) -> list[Comparison]:
        """Each range's revenue and the year-earlier range's, in one pass over the orders."""
        spans = [
            span for start, end in ranges for span in ((start, end), _year_earlier(start, end))
        ]
        sums = ", ".join(
            f"SUM(CASE WHEN order_date BETWEEN :s{i} AND :e{i} THEN {_AMOUNT} END)"
            for i in range(len(spans))
        )
        sql = (
            f"SELECT {sums} FROM orders WHERE {_REVENUE} AND order_date BETWEEN :lo AND :hi"
            + _owner_clause("owner_id", owner_id)
        )
        params: dict[str, Any] = {"owner": owner_id}
        params["lo"] = min(s for s, _e in spans).isoformat()
        params["hi"] = max(e for _s, e in spans).isoformat()
        for i, (start, end) in enumerate(spans):
            params[f"s{i}"], params[f"e{i}"] = start.isoformat(), end.isoformat()
        values = [_money(v) for v in session.execute(text(sql), params).one()]
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
        sql = (
            "SELECT SUM(status = 'won'), SUM(status = 'lost'),"
            " SUM(CASE WHEN status = 'won' THEN amount ELSE 0 END)"
            " FROM opportunities WHERE deleted_at IS NULL AND status IN ('won', 'lost')"
            " AND closed_on BETWEEN :start AND :end" + _owner_clause("owner_id", flt.owner_id)
        )
        params = {
            "start": flt.period_from.isoformat(),
            "end": flt.period_to.isoformat(),
            "owner": flt.owner_id,
        }
        won, lost, amount = session.execute(text(sql), params).one()
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
        sql = (
            "SELECT COUNT(*), SUM(total) FROM quotes WHERE status = 'sent'"
            " AND deleted_at IS NULL AND valid_until >= :today"
            + _owner_clause("owner_id", owner_id)
        )
        count, amount = session.execute(
            text(sql), {"today": today.isoformat(), "owner": owner_id}
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
        sql = (
            f"SELECT substr(order_date, 1, 7), SUM({_AMOUNT}) FROM orders"
            f" WHERE {_REVENUE} AND order_date BETWEEN :start AND :end"
            + _owner_clause("owner_id", flt.owner_id)
            + " GROUP BY 1"
        )
        params = {"start": since.isoformat(), "end": until.isoformat(), "owner": flt.owner_id}
        by_month = {str(ym): _money(v) for ym, v in session.execute(text(sql), params)}

        def of(day: date) -> Decimal:
            return by_month.get(day.isoformat()[:7], ZERO)

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
        stage_filter = "" if all_open else " WHERE s.kind = 'open' AND NOT s.archived"
        sql = (
            "SELECT s.id, s.key, s.name_zh, s.name_en, d.chance, d.residue, COUNT(d.id),"
            " COALESCE(SUM(d.amount), 0)"
            " FROM pipeline_stages s"
            " LEFT JOIN (SELECT o.id, o.stage_id, o.amount,"
            "   COALESCE(o.probability_override, ps.default_probability) AS chance,"
            "   o.amount % :modulus AS residue"
            "   FROM opportunities o JOIN pipeline_stages ps ON ps.id = o.stage_id"
            "   WHERE o.status = 'open' AND o.deleted_at IS NULL"
            + _owner_clause("o.owner_id", owner_id)
            + ") d ON d.stage_id = s.id"
            + stage_filter
            + " GROUP BY s.id, d.chance, d.residue ORDER BY s.position, s.id"
        )
        params = {"owner": owner_id, "modulus": WEIGHTED_GROUP_MODULUS}
        stages: dict[int, tuple[str, str, str]] = {}
        counts: dict[int, int] = defaultdict(int)
        amounts: dict[int, int] = defaultdict(int)
        weights: dict[int, int] = defaultdict(int)
        for i, k, zh, en, chance, residue, n, total in session.execute(text(sql), params):
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
        where = f"{_REVENUE} AND order_date BETWEEN :start AND :end" + _owner_clause(
            "owner_id", flt.owner_id
        )
        params: dict[str, Any] = {
            "start": flt.period_from.isoformat(),
            "end": flt.period_to.isoformat(),
            "owner": flt.owner_id,
            "limit": limit,
        }
        total = _money(
            session.execute(
                text(f"SELECT SUM({_AMOUNT}) FROM orders WHERE {where}"), params
            ).scalar()
        )
        sql = (
            "SELECT t.customer_id, c.name, t.revenue, t.n FROM"
            f" (SELECT customer_id, SUM({_AMOUNT}) AS revenue, COUNT(*) AS n FROM orders"
            f"   WHERE {where} GROUP BY customer_id"
            "   ORDER BY revenue DESC, customer_id LIMIT :limit) t"
            " JOIN customers c ON c.id = t.customer_id ORDER BY t.revenue DESC, t.customer_id"
        )
        result: list[CustomerRevenue] = []
        running = ZERO
        for cid, name, revenue, count in session.execute(text(sql), params):
            amount = _money(revenue)
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
        sql = (
            "SELECT l.product_id, SUM(l.net_amount) FROM orders o"
            " JOIN order_lines l ON l.order_id = o.id"
            f" WHERE {_REVENUE_O} AND o.order_date BETWEEN :start AND :end"
            + _owner_clause("o.owner_id", flt.owner_id)
            + " GROUP BY l.product_id"
        )
        params = {
            "start": flt.period_from.isoformat(),
            "end": flt.period_to.isoformat(),
            "owner": flt.owner_id,
        }
        per_product = session.execute(text(sql), params).all()
        categories = {
            int(i): (p, str(zh), str(en))
            for i, p, zh, en in session.execute(
                text("SELECT id, parent_id, name_zh, name_en FROM product_categories")
            )
        }
        product_category: dict[int, int | None] = {
            int(i): c for i, c in session.execute(text("SELECT id, category_id FROM products"))
        }

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
        # its salesperson (ix_orders_owner_id_order_date), up to the end of its period or of
        # the selected period, whichever comes first.
        sql = (
            "SELECT t.salesperson_id, sp.name, t.period_kind, t.value,"
            f" (SELECT SUM({_AMOUNT_O}) FROM orders o"
            f"   WHERE o.owner_id = t.salesperson_id AND {_REVENUE_O}"
            "    AND o.order_date BETWEEN t.period_start AND MIN(:end, CASE t.period_kind"
            "      WHEN 'month' THEN date(t.period_start, '+1 month', '-1 day')"
            "      WHEN 'quarter' THEN date(t.period_start, '+3 months', '-1 day')"
            "      ELSE date(t.period_start, '+1 year', '-1 day') END))"
            " FROM targets t JOIN salespeople sp ON sp.id = t.salesperson_id"
            " WHERE t.metric = 'revenue' AND t.period_start BETWEEN :start AND :end"
            + _owner_clause("t.salesperson_id", flt.owner_id)
        )
        by_person: dict[int, list[tuple[str, Decimal, Decimal]]] = defaultdict(list)
        names: dict[int, str] = {}
        for person, name, kind, value, actual in session.execute(text(sql), _params(flt)):
            by_person[int(person)].append((str(kind), _money(value), _money(actual)))
            names[int(person)] = str(name)
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
        sql = (
            "SELECT COUNT(DISTINCT customer_id) FROM orders WHERE "
            f"{_REVENUE} AND order_date BETWEEN :start AND :end"
            + _owner_clause("owner_id", flt.owner_id)
        )
        with self._db.read() as session:
            return int(session.execute(text(sql), _params(flt)).scalar_one())

    def customers(self, flt: DashboardFilter) -> Iterator[CustomerReportRow]:
        """Customers by revenue in the period (largest first, then by id)."""
        sql = (
            "SELECT t.customer_id, c.name, c.tier, t.n, t.revenue, t.last_date FROM"
            f" (SELECT customer_id, COUNT(*) AS n, SUM({_AMOUNT}) AS revenue,"
            "   MAX(order_date) AS last_date FROM orders"
            f"   WHERE {_REVENUE} AND order_date BETWEEN :start AND :end"
            + _owner_clause("owner_id", flt.owner_id)
            + "   GROUP BY customer_id) t"
            " JOIN customers c ON c.id = t.customer_id ORDER BY t.revenue DESC, t.customer_id"
        )
        with self._db.read() as session:
            for cid, name, tier, n, revenue, last in session.execute(text(sql), _params(flt)):
                last_day = _day(last)
                assert last_day is not None
                yield CustomerReportRow(
                    int(cid), str(name), tier, int(n), _money(revenue), last_day
                )

    def products(self, flt: DashboardFilter) -> list[ProductReportRow]:
        """Order lines of the period per product (largest revenue first)."""
        sql = (
            "SELECT l.product_id, p.sku, p.name_zh, p.name_en, pc.name_zh, pc.name_en,"
            " SUM(l.quantity), SUM(l.net_amount) FROM"
            " (SELECT id FROM orders"
            f"   WHERE {_REVENUE} AND order_date BETWEEN :start AND :end"
            + _owner_clause("owner_id", flt.owner_id)
            + ") o JOIN order_lines l ON l.order_id = o.id"
            " LEFT JOIN products p ON p.id = l.product_id"
            " LEFT JOIN product_categories pc ON pc.id = p.category_id"
            " GROUP BY l.product_id ORDER BY SUM(l.net_amount) DESC, l.product_id"
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
                for pid, sku, zh, en, czh, cen, qty, net in session.execute(text(sql), _params(flt))
            ]

    def count_open_deals(self, owner_id: int | None) -> int:
        sql = (
            "SELECT COUNT(*) FROM opportunities WHERE status = 'open' AND deleted_at IS NULL"
            + _owner_clause("owner_id", owner_id)
        )
        with self._db.read() as session:
            return int(session.execute(text(sql), {"owner": owner_id}).scalar_one())

    def open_deals(self, owner_id: int | None) -> Iterator[DealReportRow]:
        """The open deals by stage (board order), then weighted value (largest first)."""
        sql = (
            "SELECT o.id, o.title, c.name, s.name_zh, s.name_en, o.amount,"
            " COALESCE(o.probability_override, s.default_probability) AS chance,"
            " o.expected_close, sp.name"
            " FROM opportunities o JOIN customers c ON c.id = o.customer_id"
            " JOIN pipeline_stages s ON s.id = o.stage_id"
            " LEFT JOIN salespeople sp ON sp.id = o.owner_id"
            " WHERE o.status = 'open' AND o.deleted_at IS NULL"
            + _owner_clause("o.owner_id", owner_id)
            + " ORDER BY s.position, o.amount * chance DESC, o.id"
        )
        with self._db.read() as session:
            for oid, title, customer, zh, en, amount, chance, close, owner in session.execute(
                text(sql), {"owner": owner_id}
            ):
                minor, probability = int(amount), int(chance)
                yield DealReportRow(
                    int(oid),
                    str(title),
                    str(customer),
                    str(zh),
                    str(en),
                    from_minor(minor),
                    probability,
                    from_minor(weighted_minor(minor, probability)),
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
        owner = _owner_clause("assignee_id", flt.owner_id)
        params = {
            "from_ts": _local_midnight_utc(flt.period_from),
            "to_ts": _local_midnight_utc(flt.period_to + timedelta(days=1)),
            "midnight": _local_midnight_utc(today or self._today()),
            "owner": flt.owner_id,
        }
        in_period = "due_at >= :from_ts AND due_at < :to_ts"
        all_sql = (
            "SELECT assignee_id, COUNT(*) FROM activities"
            f" INDEXED BY ix_activities_assignee_id_due_at WHERE {in_period}{owner}"
            " GROUP BY assignee_id"
        )
        trashed_sql = (
            "SELECT a.assignee_id, COUNT(*) FROM trash t JOIN activities a ON a.id = t.entity_id"
            " WHERE t.entity = 'activity' AND a.deleted_at IS NOT NULL AND a."
            + in_period.replace(" AND due_at", " AND a.due_at")
            + owner.replace("assignee_id", "a.assignee_id")
            + " GROUP BY a.assignee_id"
        )
        open_sql = (
            "SELECT assignee_id, COUNT(*), SUM(due_at < :midnight) FROM activities"
            " INDEXED BY ix_activities_open_assignee_id_due_at"
            f" WHERE done_at IS NULL AND deleted_at IS NULL AND {in_period}{owner}"
            " GROUP BY assignee_id"
        )
        with self._db.read() as session:
            due = {sid: int(n) for sid, n in session.execute(text(all_sql), params)}
            for sid, n in session.execute(text(trashed_sql), params):
                due[sid] = due.get(sid, 0) - int(n)
            still_open = {
                sid: (int(n), int(overdue or 0))
                for sid, n, overdue in session.execute(text(open_sql), params)
            }
            names: dict[int, str] = dict(
                session.execute(text("SELECT id, name FROM salespeople")).all()
            )
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


def _params(flt: DashboardFilter) -> dict[str, Any]:
    return {
        "start": flt.period_from.isoformat(),
        "end": flt.period_to.isoformat(),
        "owner": flt.owner_id,
    }
