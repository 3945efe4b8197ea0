"""Key accounts: every customer's RFM, ABC, CLV, health and tier, computed, stored and listed.

One aggregate over the orders (the revenue definition's SQL of ``services/revenue.py``, so a
change of what revenue counts reaches the scores) and one over the latest surveys feed the pure
maths of ``domain/segmentation.py``; :meth:`AccountsService.recompute` stores the result in
``account_scores``, rewriting only the rows whose figures changed. A tier set by hand lives in
``account_tier_overrides`` and is shown instead of the computed one, whatever recomputes.
Recomputing reads and writes 100,000 customers in a few seconds: run it as a background
``Operation``.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, fields
from datetime import date, datetime, time, timedelta, tzinfo
from decimal import Decimal
from typing import Any, Literal, get_args

from sqlalchemy import (
    ColumnElement,
    Enum,
    Integer,
    Select,
    String,
    and_,
    case,
    delete,
    func,
    or_,
    select,
    type_coerce,
)
from sqlalchemy.orm import Session

from sms_desktop.domain import segmentation as seg
from sms_desktop.domain.calendar import add_months, quarter_start
from sms_desktop.domain.clock import clock, local_zone
from sms_desktop.domain.errors import NotFoundError
from sms_desktop.domain.i18n import Message, translate
from sms_desktop.domain.money import ZERO, round_money
from sms_desktop.domain.segmentation import (
    AbcClass,
    AccountScore,
    HealthPart,
    HistoryColumns,
    RfmSegment,
    ScorePart,
    SegmentationParams,
    Tier,
)
from sms_desktop.domain.surveys import SurveyPeriod, by_quarter, csat, nps
from sms_desktop.persistence import models as m
from sms_desktop.persistence.base import Money, Percent
from sms_desktop.persistence.db import Database
from sms_desktop.persistence.sql import date_ordinal, epoch_seconds, plain_rows, upsert
from sms_desktop.services.lists import Order, iter_pages
from sms_desktop.services.receivables import open_balances
from sms_desktop.services.revenue import margin_amount, revenue_amount, revenue_day, revenue_filter

ProgressFn = Callable[[int, int], None]
_HUNDRED = Decimal(100)
_BASELINE_DAYS = 30  # the health a drop is measured against is at least this old
_WRITE_BATCH = 2000

# The stored figures, in the order of AccountScore (customer_id first); the share of the
# total is computed when read (one more order elsewhere changes it).
_SCORE_FIELDS = tuple(name for name in AccountScore._fields if name != "abc_share")


@dataclass(frozen=True, slots=True)
class Period:
    """An ABC period: ``start`` and ``end`` included."""

    start: date
    end: date

    @property
    def end_exclusive(self) -> date:
        return self.end + timedelta(days=1)


def default_period(as_of: date) -> Period:
    """The last 12 months up to and including ``as_of``."""
    return Period(add_months(as_of + timedelta(days=1), -12), as_of)


@dataclass(frozen=True, slots=True)
class Segmentation:
    """The scores of every customer with orders up to ``as_of`` (in customer id order)."""

    as_of: date
    period: Period
    scores: tuple[AccountScore, ...]


@dataclass(frozen=True, slots=True)
class SegmentLine:
    """One customer's computed scores with its code, name and the tier shown."""

    score: AccountScore
    code: str | None
    name: str
    tier: Tier  # set by hand, else computed
    overridden: bool


@dataclass(frozen=True, slots=True)
class RecomputeResult:
    """What a recomputation changed."""

    as_of: date
    customers: int  # customers with scores now
    changed: frozenset[int]  # new or different rows
    removed: frozenset[int]  # customers that no longer have orders (or are in the trash)


@contextmanager
def _bulk_objects() -> Iterator[None]:
    """Pause the cyclic garbage collector while the segmentation makes its few hundred
    thousand objects, all of them kept (rows, columns, scores): each collection it would
    trigger walks the whole heap of the app and finds nothing (measured: 60–100 ms of the
    segmentation on the 100k database). Reference counting frees as always; the collector
    is back on afterwards, whatever happens, unless it was off before."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


# ---------------------------------------------------------------------------- the list

AccountSortKey = Literal[
    "name",
    "tier",
    "score",
    "health",
    "abc_rank",
    "recency_days",
    "frequency",
    "monetary",
    "clv",
    "rfm_segment",
]
ACCOUNT_SORT_KEYS: tuple[AccountSortKey, ...] = get_args(AccountSortKey)


@dataclass(frozen=True, slots=True)
class AccountFilter:
    """What the tier list shows: every scored customer unless narrowed."""

    tier: Tier | None = None
    abc: AbcClass | None = None
    segment: RfmSegment | None = None
    owner_id: int | None = None
    search: str = ""


@dataclass(frozen=True, slots=True)
class AccountRow:
    """One scored customer as the lists, the CLI and the exports show it."""

    id: int
    code: str | None  # the customer code from imported files
    name: str
    owner: str | None
    industry: str | None
    as_of: date
    recency_days: int
    frequency: int
    monetary: Decimal
    r: int
    f: int
    m: int
    rfm_segment: RfmSegment
    abc: AbcClass
    abc_rank: int
    abc_share: Decimal
    period_revenue: Decimal
    clv_history: Decimal
    clv_next_12m: Decimal
    clv: Decimal
    p_alive: Decimal  # percent
    interval_days: int
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
    computed_tier: Tier
    override_tier: Tier | None
    override_reason: str | None

    @property
    def tier(self) -> Tier:
        """The tier shown: the one set by hand, else the computed one."""
        return self.override_tier or self.computed_tier

    @property
    def overridden(self) -> bool:
        return self.override_tier is not None


@dataclass(frozen=True, slots=True)
class GridCell:
    """One cell of the RFM grid (or one row of the segment or ABC table)."""

    key: str
    customers: int
    revenue: Decimal


@dataclass(frozen=True, slots=True)
class WhiteSpace:
    """A category this customer does not buy but similar customers do."""

    category_id: int
    name_zh: str
    name_en: str
    buyers: int  # similar customers that bought it in the last 12 months
    peers: int  # similar customers
    typical_revenue: Decimal  # the median revenue per buyer in the last 12 months

    def name(self, language: str) -> str:
        return self.name_zh if language.startswith("zh") else self.name_en


@dataclass(frozen=True, slots=True)
class SurveyComment:
    day: date
    customer: str
    score: int
    nps: int | None
    text: str


@dataclass(frozen=True, slots=True)
class SurveySummary:
    """Satisfaction over the last quarters: per quarter, overall, and what customers said."""

    periods: tuple[SurveyPeriod, ...]
    scores: tuple[int, ...]  # how many answers scored 1, 2, 3, 4, 5
    promoters: int
    passives: int
    detractors: int
    csat: Decimal | None
    nps: int | None
    comments: tuple[SurveyComment, ...]


@dataclass(frozen=True, slots=True)
class AccountDetail:
    """Everything that explains one customer's scores."""

    row: AccountRow
    abc: Message
    rfm: Message
    clv: Message
    tier: Message
    health: tuple[tuple[HealthPart, int | None], ...]
    white_space: tuple[WhiteSpace, ...]


class AccountsService:
    """Computes, stores and lists the key-account scores."""

    def __init__(self, db: Database, params: Callable[[], SegmentationParams] | None = None):
        self._db = db
        self._params = params or SegmentationParams

    def params(self) -> SegmentationParams:
        return self._params()

    # ------------------------------------------------------------------ computing

    def compute(
        self,
        as_of: date | None = None,
        period: Period | None = None,
        *,
        progress: ProgressFn | None = None,
    ) -> Segmentation:
        """The scores as of ``as_of`` (default today) without storing them; the ABC period
        defaults to the 12 months up to ``as_of`` (orders after ``as_of`` never count)."""
        as_of = as_of or clock().today()
        period = period or default_period(as_of)
        params = self._params()
        with _bulk_objects():
            with self._db.read() as session:
                histories = read_histories(session, as_of, period)
            if progress is not None:
                progress(1, 3)
            scores = seg.segment_columns(histories, as_of, params)
        if progress is not None:
            progress(2, 3)
        return Segmentation(as_of, period, tuple(scores))

    def recompute(
        self, as_of: date | None = None, *, progress: ProgressFn | None = None
    ) -> RecomputeResult:
        """Compute as of ``as_of`` (default today) and store the result: new and changed rows
        are written, rows of customers without orders removed, the others left alone."""
        result = self.compute(as_of, progress=progress)
        now = clock().now()
        scores = {s.customer_id: s for s in result.scores}
        with self._db.write() as session, _bulk_objects():
            stored = _stored(session)
            changed: list[dict[str, Any]] = []
            for customer, score in scores.items():
                old = stored.get(customer)
                if old is not None and old[0] == _raw(score):
                    continue
                values = _values(score)
                baseline, baseline_on = _baseline(old, result.as_of)
                changed.append(
                    {
                        **values,
                        "as_of": result.as_of,
                        "health_baseline": baseline,
                        "health_baseline_on": baseline_on,
                        "computed_at": now,
                    }
                )
            removed = sorted(set(stored) - set(scores))
            if changed:
                statement = upsert(session.get_bind().dialect.name, m.AccountScore.__table__)
                statement = statement.on_conflict_do_update(
                    index_elements=[m.AccountScore.customer_id],
                    set_={k: statement.excluded[k] for k in changed[0] if k != "customer_id"},
                )
            for start in range(0, len(changed), _WRITE_BATCH):
                session.execute(statement, changed[start : start + _WRITE_BATCH])
            for start in range(0, len(removed), _WRITE_BATCH):
                session.execute(
                    delete(m.AccountScore).where(
                        m.AccountScore.customer_id.in_(removed[start : start + _WRITE_BATCH])
                    )
                )
        if progress is not None:
            progress(3, 3)
        return RecomputeResult(
            result.as_of,
            len(scores),
            frozenset(v["customer_id"] for v in changed),
            frozenset(removed),
        )

    def segment_lines(
        self, as_of: date | None = None, period: Period | None = None
    ) -> tuple[Segmentation, list[SegmentLine]]:
        """The scores as of ``as_of`` with each customer's code, name and shown tier (the
        command line's ``segments``); nothing is stored."""
        result = self.compute(as_of, period)
        c, o = m.Customer, m.AccountTierOverride
        codes = _code_subquery()
        with self._db.read() as session:
            names = {
                customer: (code, name, tier)
                for customer, code, name, tier in session.execute(
                    select(c.id, codes.c.code, c.name, o.tier)
                    .outerjoin(codes, codes.c.entity_id == c.id)
                    .outerjoin(o, o.customer_id == c.id)
                    .where(c.deleted_at.is_(None))
                )
            }
        lines = []
        for score in result.scores:
            code, name, override = names[score.customer_id]
            lines.append(
                SegmentLine(score, code, name, override or score.tier, override is not None)
            )
        return result, lines

    # ---------------------------------------------------------------- overrides

    def set_override(
        self, customer_id: int, tier: Tier | None, reason: str = "", actor_id: int | None = None
    ) -> None:
        """Set the tier by hand (``None`` goes back to the computed one)."""
        with self._db.write() as session:
            if session.get(m.Customer, customer_id) is None:
                raise NotFoundError(translate("Accounts", "This customer no longer exists."))
            row = session.get(m.AccountTierOverride, customer_id)
            if tier is None:
                if row is not None:
                    session.delete(row)
                return
            if row is None:
                row = m.AccountTierOverride(customer_id=customer_id, tier=tier)
                session.add(row)
            row.tier = tier
            row.reason = reason.strip() or None
            row.set_by_id = actor_id
            row.set_at = clock().now()

    # ------------------------------------------------------------------ reading

    def count_rows(self, flt: AccountFilter, /, *, cap: int | None = None) -> int:
        del cap  # counted exactly: one index scan
        query = _filtered(_count_select(), flt)
        with self._db.read() as session:
            return int(session.scalar(query) or 0)

    def page_rows(
        self, flt: AccountFilter, order: Order[AccountSortKey], /, *, offset: int, limit: int
    ) -> list[AccountRow]:
        query = _filtered(_row_select(), flt)
        key = _sort_column(order.key)
        query = query.order_by(
            key.desc() if order.descending else key.asc(), m.AccountScore.customer_id
        )
        with self._db.read() as session:
            rows = session.execute(query.offset(offset).limit(limit)).all()
        return [_account_row(r) for r in rows]

    def iter_rows(
        self, flt: AccountFilter, order: Order[AccountSortKey], /
    ) -> Iterator[AccountRow]:
        return iter_pages(
            lambda offset, limit: self.page_rows(flt, order, offset=offset, limit=limit),
            batch=2000,
        )

    def get(self, customer_id: int) -> AccountRow | None:
        with self._db.read() as session:
            row = session.execute(
                _row_select().where(m.AccountScore.customer_id == customer_id)
            ).one_or_none()
        return None if row is None else _account_row(row)

    def detail(self, customer_id: int) -> AccountDetail | None:
        """The scores of one customer with the sentences that explain them (stored scores are
        always over the default period, the last 12 months)."""
        row = self.get(customer_id)
        if row is None:
            return None
        return AccountDetail(
            row=row,
            abc=seg.abc_explanation(
                row.abc, row.abc_rank, row.abc_share, row.r, row.f, row.m, seg.LAST_12_MONTHS
            ),
            rfm=seg.rfm_explanation(row.recency_days, row.frequency, row.monetary),
            clv=seg.clv_explanation(
                row.clv_history, row.clv_next_12m, row.p_alive / _HUNDRED, row.interval_days
            ),
            tier=_tier_message(row),
            health=(
                (HealthPart.REORDER, row.health_reorder),
                (HealthPart.TREND, row.health_trend),
                (HealthPart.SATISFACTION, row.health_satisfaction),
                (HealthPart.CONTACT, row.health_contact),
                (HealthPart.RECEIVABLES, row.health_receivables),
            ),
            white_space=tuple(self.white_space(customer_id)),
        )

    def rfm_grid(self) -> list[GridCell]:
        """Customers and revenue per (R, F) cell; key ``"r,f"``."""
        s = m.AccountScore
        with self._db.read() as session:
            rows = session.execute(
                select(s.r, s.f, func.count(), type_coerce(func.sum(s.monetary), Money))
                .group_by(s.r, s.f)
                .order_by(s.r, s.f)
            ).all()
        return [GridCell(f"{r},{f}", n, revenue or ZERO) for r, f, n, revenue in rows]

    def segments(self) -> list[GridCell]:
        """Customers and lifetime revenue per RFM segment, in the rule table's order."""
        s = m.AccountScore
        with self._db.read() as session:
            rows = {
                seg_: (n, revenue)
                for seg_, n, revenue in session.execute(
                    select(
                        s.rfm_segment, func.count(), type_coerce(func.sum(s.monetary), Money)
                    ).group_by(s.rfm_segment)
                ).all()
            }
        return [
            GridCell(segment.value, *(rows.get(segment) or (0, ZERO))) for segment in RfmSegment
        ]

    def abc_split(self) -> list[GridCell]:
        """Customers and period revenue per ABC class."""
        s = m.AccountScore
        with self._db.read() as session:
            rows = {
                klass: (n, revenue)
                for klass, n, revenue in session.execute(
                    select(
                        s.abc, func.count(), type_coerce(func.sum(s.period_revenue), Money)
                    ).group_by(s.abc)
                ).all()
            }
        return [GridCell(k.value, *(rows.get(k) or (0, ZERO))) for k in AbcClass]

    def tiers(self) -> list[GridCell]:
        """Customers and period revenue per shown tier (overrides included)."""
        s, o = m.AccountScore, m.AccountTierOverride
        tier = func.coalesce(o.tier, s.tier)
        with self._db.read() as session:
            rows = {
                Tier(t): (n, revenue)
                for t, n, revenue in session.execute(
                    select(tier, func.count(), type_coerce(func.sum(s.period_revenue), Money))
                    .select_from(s)
                    .outerjoin(o, o.customer_id == s.customer_id)
                    .group_by(tier)
                ).all()
            }
        return [GridCell(t.value, *(rows.get(t) or (0, ZERO))) for t in Tier]

    def pareto(self, points: int = 200) -> list[tuple[float, float]]:
        """The Pareto curve of the period's revenue: (share of customers, cumulative share of
        revenue), both 0–100, largest customer first, at most ``points`` + 1 points."""
        s = m.AccountScore
        with self._db.read() as session:
            values = [
                int(v)
                for v in session.scalars(
                    select(type_coerce(s.period_revenue, _MINOR)).order_by(s.period_revenue.desc())
                )
            ]
        total = sum(v for v in values if v > 0)
        if not values or total <= 0:
            return []
        step = max(1, len(values) // points)
        curve = [(0.0, 0.0)]
        running = 0
        for index, value in enumerate(values, start=1):
            running += max(value, 0)
            if index % step == 0 or index == len(values):
                curve.append((100 * index / len(values), 100 * running / total))
        return curve

    def last_as_of(self) -> date | None:
        with self._db.read() as session:
            return session.scalar(select(func.max(m.AccountScore.as_of)))

    # ------------------------------------------------------------------ surveys

    def surveys(self, customer_id: int | None = None, *, quarters: int = 8) -> SurveySummary:
        """CSAT and NPS per quarter over the last ``quarters`` (this one included), the
        distribution of the answers and the latest comments; one customer's or everyone's."""
        today = clock().today()
        first = add_months(quarter_start(today), -3 * (quarters - 1))
        sv, c = m.SatisfactionSurvey, m.Customer
        scope = [sv.surveyed_on >= first, sv.surveyed_on <= today, c.deleted_at.is_(None)]
        if customer_id is not None:
            scope.append(sv.customer_id == customer_id)
        with self._db.read() as session:
            answers = session.execute(
                select(sv.surveyed_on, sv.score, sv.nps)
                .join(c, c.id == sv.customer_id)
                .where(*scope)
            ).all()
            comments = session.execute(
                select(sv.surveyed_on, c.name, sv.score, sv.nps, sv.comments)
                .join(c, c.id == sv.customer_id)
                .where(*scope, sv.comments.is_not(None), sv.comments != "")
                .order_by(sv.surveyed_on.desc(), sv.id.desc())
                .limit(20)
            ).all()
        recommend = [a.nps for a in answers if a.nps is not None]
        return SurveySummary(
            periods=tuple(
                by_quarter(((a.surveyed_on, a.score, a.nps) for a in answers), first, today)
            ),
            scores=tuple(sum(1 for a in answers if a.score == k) for k in range(1, 6)),
            promoters=sum(1 for v in recommend if v >= 9),
            passives=sum(1 for v in recommend if 7 <= v <= 8),
            detractors=sum(1 for v in recommend if v <= 6),
            csat=csat([a.score for a in answers]),
            nps=nps(recommend),
            comments=tuple(
                SurveyComment(day, name, score, recommend, text or "")
                for day, name, score, recommend, text in comments
            ),
        )

    # -------------------------------------------------------------- white space

    def white_space(self, customer_id: int, *, limit: int = 5) -> list[WhiteSpace]:
        """Categories the customer has not bought that customers of the same industry and tier
        bought in the last 12 months, most bought first, with the median revenue per buyer.
        A category's revenue is each order's revenue split over its lines by net amount."""
        today = clock().today()
        with self._db.read() as session:
            c, s, ov = m.Customer, m.AccountScore, m.AccountTierOverride
            me = session.execute(
                select(c.industry, func.coalesce(ov.tier, s.tier))
                .select_from(c)
                .join(s, s.customer_id == c.id)
                .outerjoin(ov, ov.customer_id == c.id)
                .where(c.id == customer_id)
            ).one_or_none()
            if me is None:
                return []
            industry, tier = me
            peers = (
                select(c.id)
                .join(s, s.customer_id == c.id)
                .outerjoin(ov, ov.customer_id == c.id)
                .where(
                    c.deleted_at.is_(None),
                    c.id != customer_id,
                    func.coalesce(ov.tier, s.tier) == tier,
                    c.industry.is_(None) if industry is None else c.industry == industry,
                )
            )
            peer_count = session.scalar(select(func.count()).select_from(peers.subquery())) or 0
            if peer_count == 0:
                return []
            per_buyer = _category_revenue(session, peers, today, exclude_customer=customer_id)
        ranked: list[WhiteSpace] = []
        for (category, zh, en), amounts in per_buyer.items():
            ordered = sorted(amounts)
            middle = len(ordered) // 2
            median = (
                ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2
            )
            ranked.append(
                WhiteSpace(
                    category,
                    zh,
                    en,
                    len(amounts),
                    peer_count,
                    round_money(Decimal(median).scaleb(-2)),
                )
            )
        ranked.sort(key=lambda w: (-w.buyers, -w.typical_revenue, w.category_id))
        return ranked[:limit]


# --------------------------------------------------------------------------- reading SQL

_MINOR = Integer()  # sums in integer minor units: exact, and no Decimal per order


def read_histories(session: Session, as_of: date, period: Period) -> HistoryColumns:
    """The history of every live customer with counted orders up to ``as_of`` (in customer id
    order), as columns: one aggregate over the orders (read in table order: grouping through
    the customer index would read the table in random order, three times slower), one over
    the surveys and the receivables' open balances. The rows come back as the driver's plain
    integers (minor units, day numbers, epoch seconds): converting 30,000 dates and timestamps
    through the column types cost more than the query."""
    o, c, cs = m.Order, m.Customer, m.CustomerStats
    end = as_of + timedelta(days=1)
    six, twelve, twenty_four = (add_months(end, -n) for n in (6, 12, 24))
    day = revenue_day(o)
    minor = type_coerce(revenue_amount(o), _MINOR)
    margin = type_coerce(margin_amount(o), _MINOR)
    # All rows are before ``end``: a window that ends there needs only its start. The ABC
    # period is the last 12 months unless another one is asked for.
    columns: list[ColumnElement[Any]] = [
        o.customer_id.label("customer_id"),
        func.min(day).label("first"),
        func.max(day).label("last"),
        func.count().label("n"),
        func.sum(minor).label("revenue"),
        func.sum(margin).label("margin"),
        func.sum(case((day >= six, minor))).label("last6"),
        func.sum(case((day >= twelve, minor))).label("last12"),
        func.sum(case((and_(day >= twenty_four, day < twelve), minor))).label("prev12"),
    ]
    custom = period != default_period(as_of)
    if custom:
        stop = min(period.end_exclusive, end)
        columns.append(
            func.sum(case((and_(day >= period.start, day < stop), minor))).label("period")
        )
    orders = (
        select(*columns)
        .with_hint(o, "NOT INDEXED", "sqlite")
        .where(*revenue_filter(o, end_exclusive=end))
        .group_by(o.customer_id)
        .subquery()
    )
    rows = plain_rows(
        session.connection(),
        select(
            orders.c.customer_id,
            date_ordinal(orders.c.first),
            date_ordinal(orders.c.last),
            orders.c.n,
            func.coalesce(orders.c.revenue, 0),
            func.coalesce(orders.c.margin, 0),
            func.coalesce(orders.c.period if custom else orders.c.last12, 0),
            func.coalesce(orders.c.last6, 0),
            func.coalesce(orders.c.last12, 0),
            func.coalesce(orders.c.prev12, 0),
            type_coerce(c.potential_value, _MINOR),
            c.strategic_fit,
            epoch_seconds(cs.last_interaction_at),
        )
        .join(c, c.id == orders.c.customer_id)
        .outerjoin(cs, cs.customer_id == c.id)
        .where(c.deleted_at.is_(None)),
    )
    # In customer id order: sorted here, where rows grouped in that order are checked in one
    # pass, instead of by a temporary B-tree in the database.
    rows = sorted(rows)
    if not rows:
        return HistoryColumns(*([] for _ in HistoryColumns._fields))
    (
        ids,
        firsts,
        lasts,
        counts,
        revenues,
        margins,
        period_revenues,
        last6s,
        last12s,
        prev12s,
        potentials,
        fits,
        contacted,
    ) = zip(*rows, strict=True)
    surveys = _latest_surveys(session, as_of)
    receivables = open_balances(session, as_of)
    days = {n: date.fromordinal(n) for n in {*firsts, *lasts}}  # few distinct days
    zone = local_zone()
    cutoff = int(datetime.combine(end, time(0), tzinfo=zone).timestamp())
    no_pair: tuple[int | None, int | None] = (None, None)
    survey_pairs = [surveys.get(customer, no_pair) for customer in ids]
    receivable_pairs = [receivables.get(customer, no_pair) for customer in ids]
    return HistoryColumns(
        customer_id=ids,
        first_order=[days[n] for n in firsts],
        last_order=[days[n] for n in lasts],
        orders=counts,
        revenue=revenues,
        margin=margins,
        period_revenue=period_revenues,
        revenue_last_6m=last6s,
        revenue_prev_6m=[a - b for a, b in zip(last12s, last6s, strict=True)],
        revenue_last_12m=last12s,
        revenue_prev_12m=prev12s,
        potential=[p or None for p in potentials],
        strategic_fit=fits,
        # A contact after ``as_of`` is not known yet on that day.
        last_contact=_local_days(contacted, cutoff, zone),
        satisfaction_latest=[pair[0] for pair in survey_pairs],
        satisfaction_previous=[pair[1] for pair in survey_pairs],
        overdue_receivables=[pair[0] for pair in receivable_pairs],
        receivables_total=[pair[1] for pair in receivable_pairs],
    )


_EPOCH = date(1970, 1, 1).toordinal()
_ONE_DAY = timedelta(days=1)


def _local_days(stamps: Sequence[int | None], cutoff: int, zone: tzinfo) -> list[date | None]:
    """The local calendar days of UTC instants given as epoch seconds (None for none and for
    those from ``cutoff`` on), without converting each: an instant's local day is its UTC day,
    the day before or the day after (offsets are under 24 hours), decided by the two local
    midnights around that UTC day, computed once per UTC day (DST-correct, as ``astimezone``
    would be; midnights fall on whole seconds, so rounded-down seconds compare exactly)."""

    def midnight(day: date) -> int:
        return int(datetime.combine(day, time(0), tzinfo=zone).timestamp())

    bounds: dict[int, tuple[date, date, date, int, int]] = {}
    for utc_day in {s // 86400 for s in stamps if s is not None and s < cutoff}:
        day = date.fromordinal(_EPOCH + utc_day)
        after = day + _ONE_DAY
        bounds[utc_day] = (day - _ONE_DAY, day, after, midnight(day), midnight(after))
    days: list[date | None] = []
    append = days.append
    for s in stamps:
        if s is None or s >= cutoff:
            append(None)
            continue
        before, day, after, this_midnight, next_midnight = bounds[s // 86400]
        append(after if s >= next_midnight else day if s >= this_midnight else before)
    return days


def _latest_surveys(session: Session, as_of: date) -> dict[int, tuple[int, int | None]]:
    """Each customer's latest survey score and the one before it (surveys up to ``as_of``)."""
    sv = m.SatisfactionSurvey
    ranked = (
        select(
            sv.customer_id,
            sv.score,
            func.row_number()
            .over(partition_by=sv.customer_id, order_by=(sv.surveyed_on.desc(), sv.id.desc()))
            .label("n"),
        )
        .where(sv.surveyed_on <= as_of)
        .subquery()
    )
    result: dict[int, tuple[int, int | None]] = {}
    for customer, score, n in session.execute(
        select(ranked.c.customer_id, ranked.c.score, ranked.c.n)
        .where(ranked.c.n <= 2)
        .order_by(ranked.c.customer_id, ranked.c.n)
    ):
        if n == 1:
            result[customer] = (score, None)
        else:
            result[customer] = (result[customer][0], score)
    return result


def _raw_columns() -> list[ColumnElement[Any]]:
    """The stored figures as the database holds them (minor units, enum values): read that
    way, 100,000 rows compare in a blink instead of being decoded first."""
    s = m.AccountScore
    columns: list[ColumnElement[Any]] = []
    for name in _SCORE_FIELDS:
        column = getattr(s, name)
        kind = column.type
        if isinstance(kind, Money | Percent):
            columns.append(type_coerce(column, _MINOR))
        elif isinstance(kind, Enum):
            columns.append(type_coerce(column, String))
        else:
            columns.append(column)
    return columns


def _stored(session: Session) -> dict[int, tuple[tuple[Any, ...], int | None, date | None, date]]:
    """The stored rows: their raw figures (without the id), health baseline and day, as-of;
    read as the driver's plain values (days as numbers, each distinct one made a date once)."""
    s = m.AccountScore
    rows = plain_rows(
        session.connection(),
        select(
            *_raw_columns(),
            s.health_baseline,
            date_ordinal(s.health_baseline_on),
            date_ordinal(s.as_of),
        ),
    )
    width = len(_SCORE_FIELDS)
    days: dict[int, date] = {}
    for row in rows:
        for n in row[width + 1 :]:
            if n is not None and n not in days:
                days[n] = date.fromordinal(n)
    return {
        r[0]: (
            r[1:width],
            r[width],
            None if r[width + 1] is None else days[r[width + 1]],
            days[r[width + 2]],
        )
        for r in rows
    }


# Where the stored figures differ in kind from a score's: amounts in minor units, the chance
# of still buying in hundredths of a percent. Enum members equal their stored text and a
# scaled Decimal equals its integer, so a score's figures compare with a stored row as they
# are, but for these (positions in AccountScore).
_CENTS = tuple(
    AccountScore._fields.index(f)
    for f in ("monetary", "period_revenue", "clv_history", "clv_next_12m", "clv")
)
_P_ALIVE = AccountScore._fields.index("p_alive")
assert (
    *AccountScore._fields[: _CENTS[1] - 1],
    *AccountScore._fields[_CENTS[1] :],
) == _SCORE_FIELDS, "the stored figures are a score's without its share"
assert (*_CENTS[1:], _P_ALIVE) == tuple(range(_CENTS[1], _P_ALIVE + 1)), "amounts in a row"


def _raw(score: AccountScore) -> tuple[Any, ...]:
    """``score``'s figures (without the id), equal to :func:`_stored`'s when unchanged."""
    monetary, period = _CENTS[0], _CENTS[1]
    return (
        *score[1:monetary],
        score.monetary.scaleb(2),
        *score[monetary + 1 : period - 1],  # abc_share is not stored
        score.period_revenue.scaleb(2),
        score.clv_history.scaleb(2),
        score.clv_next_12m.scaleb(2),
        score.clv.scaleb(2),
        score.p_alive.scaleb(4),  # 0.7680 → 76.80 % → 7680 hundredths
        *score[_P_ALIVE + 1 :],
    )


def _values(score: AccountScore) -> dict[str, Any]:
    values = {name: getattr(score, name) for name in _SCORE_FIELDS}
    values["p_alive"] = score.p_alive.scaleb(2)
    return values


_HEALTH_AT = _SCORE_FIELDS.index("health") - 1  # in the stored figures, without the id


def _baseline(
    old: tuple[tuple[Any, ...], int | None, date | None, date] | None, as_of: date
) -> tuple[int | None, date | None]:
    """The health a drop is measured against: kept until it is 30 days old, then the health
    stored before this recomputation takes its place."""
    if old is None:
        return None, None
    figures, baseline, baseline_on, old_as_of = old
    old_health = figures[_HEALTH_AT]
    if baseline_on is None or (as_of - baseline_on).days >= _BASELINE_DAYS:
        return old_health, old_as_of
    return baseline, baseline_on


def _code_subquery() -> Any:
    k = m.ImportKey
    return (
        select(k.entity_id, func.min(k.code).label("code"))
        .where(k.entity == "customer")
        .group_by(k.entity_id)
        .subquery()
    )


def _share() -> ColumnElement[Any]:
    """A customer's share of the period's total revenue in percent, rounded half up to two
    decimals (integer hundredths of a percent: the Percent type)."""
    s = m.AccountScore
    revenue = type_coerce(s.period_revenue, _MINOR)
    total = (
        select(func.sum(type_coerce(s.period_revenue, _MINOR)))
        .where(s.period_revenue > 0)
        .scalar_subquery()
    )
    hundredths = case(
        (and_(total > 0, revenue > 0), (revenue * 20000 + total) / (total * 2)), else_=0
    )
    return type_coerce(hundredths, Percent)


def _row_select() -> Select[Any]:
    s, c, o, sp = m.AccountScore, m.Customer, m.AccountTierOverride, m.Salesperson
    codes = _code_subquery()
    return (
        select(
            s.customer_id,
            codes.c.code,
            c.name,
            sp.name,
            c.industry,
            s.as_of,
            *(_share() if name == "abc_share" else getattr(s, name) for name in _ROW_FIGURES),
            s.tier,
            o.tier,
            o.reason,
        )
        .select_from(s)
        .join(c, c.id == s.customer_id)
        .outerjoin(o, o.customer_id == s.customer_id)
        .outerjoin(sp, sp.id == c.owner_id)
        .outerjoin(codes, codes.c.entity_id == s.customer_id)
    )


_ROW_FIGURES = tuple(
    f.name
    for f in fields(AccountRow)
    if f.name
    not in {
        "id",
        "code",
        "name",
        "owner",
        "industry",
        "as_of",
        "computed_tier",
        "override_tier",
        "override_reason",
    }
)


def _account_row(row: Any) -> AccountRow:
    return AccountRow(*row)


def _count_select() -> Select[Any]:
    s, c, o = m.AccountScore, m.Customer, m.AccountTierOverride
    return (
        select(func.count())
        .select_from(s)
        .join(c, c.id == s.customer_id)
        .outerjoin(o, o.customer_id == s.customer_id)
    )


def _filtered(query: Select[Any], flt: AccountFilter) -> Select[Any]:
    """``query`` (which joins the customer and the override) narrowed to ``flt``."""
    s, c, o = m.AccountScore, m.Customer, m.AccountTierOverride
    if flt.tier is not None:
        query = query.where(func.coalesce(o.tier, s.tier) == flt.tier)
    if flt.abc is not None:
        query = query.where(s.abc == flt.abc)
    if flt.segment is not None:
        query = query.where(s.rfm_segment == flt.segment)
    if flt.owner_id is not None:
        query = query.where(c.owner_id == flt.owner_id)
    text = flt.search.strip()
    if text:
        pattern = f"%{text}%"
        query = query.where(or_(c.name.like(pattern), c.sort_name.like(pattern)))
    return query


def _sort_column(key: AccountSortKey) -> ColumnElement[Any]:
    s, c, o = m.AccountScore, m.Customer, m.AccountTierOverride
    if key == "name":
        return c.sort_name.expression
    if key == "tier":
        # Strategic first when ascending.
        tier = func.coalesce(o.tier, s.tier)
        return case(*((tier == t, i) for i, t in enumerate(Tier)), else_=len(Tier))
    if key == "rfm_segment":
        return case(
            *((s.rfm_segment == g, i) for i, g in enumerate(RfmSegment)), else_=len(RfmSegment)
        )
    column: ColumnElement[Any] = getattr(s, key)
    return column


def _tier_message(row: AccountRow) -> Message:
    text = seg.tier_explanation(
        row.computed_tier,
        row.score,
        {
            ScorePart.VALUE: row.value_score,
            ScorePart.POTENTIAL: row.potential_score,
            ScorePart.FIT: row.fit_score,
            ScorePart.GROWTH: row.growth_score,
        },
    )
    if row.override_tier is None:
        return text
    return translate("Accounts", "{tier} (set by hand: {reason}); computed: {computed}").format(
        tier=row.override_tier.label,
        reason=row.override_reason or "–",
        computed=text,
    )


def _category_revenue(
    session: Session, customers: Select[Any], today: date, *, exclude_customer: int
) -> dict[tuple[int, str, str], list[int]]:
    """Per category (id, Chinese, English name): the revenue in minor units of each customer
    of ``customers`` that bought it in the last 12 months, leaving out the categories
    ``exclude_customer`` bought in that time."""
    o, ol, p, pc = m.Order, m.OrderLine, m.Product, m.ProductCategory
    end = today + timedelta(days=1)
    start = add_months(end, -12)
    revenue = type_coerce(revenue_amount(o), _MINOR)
    subtotal = type_coerce(o.subtotal, _MINOR)
    share = case((subtotal != 0, revenue * type_coerce(ol.net_amount, _MINOR) / subtotal), else_=0)
    own = (
        select(p.category_id)
        .select_from(ol)
        .join(o, o.id == ol.order_id)
        .join(p, p.id == ol.product_id)
        .where(
            o.customer_id == exclude_customer,
            p.category_id.is_not(None),
            *revenue_filter(o, start, end),
        )
    )
    rows = session.execute(
        select(pc.id, pc.name_zh, pc.name_en, o.customer_id, func.sum(share))
        .select_from(ol)
        .join(o, o.id == ol.order_id)
        .join(p, p.id == ol.product_id)
        .join(pc, pc.id == p.category_id)
        .where(
            o.customer_id.in_(customers),
            pc.id.not_in(own),
            *revenue_filter(o, start, end),
        )
        .group_by(pc.id, pc.name_zh, pc.name_en, o.customer_id)
    ).all()
    result: dict[tuple[int, str, str], list[int]] = {}
    for category, zh, en, _customer, amount in rows:
        if amount and amount > 0:
            result.setdefault((category, zh, en), []).append(int(amount))
    return result
