"""The key-account segmentation as it was computed until 2026-12 (ORM rows through the column
types, a CustomerHistory per customer, the rules one customer at a time), kept verbatim as
the reference the fast path (plain integer columns, ``segment_columns``) must equal exactly.
Only tests import it."""

# ruff: noqa
# mypy: ignore-errors
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Integer, and_, case, func, select, type_coerce
from sqlalchemy.orm import Session

from sms_desktop.domain.calendar import add_months
from sms_desktop.domain.clock import local_zone
from sms_desktop.domain.money import ZERO
from sms_desktop.domain.segmentation import (
    _ABC_POINTS,
    RFM_RULES,
    AbcClass,
    AbcResult,
    AccountScore,
    CustomerHistory,
    SegmentationParams,
    Tier,
    _clv_point,
    _expected_minor,
    _falling,
    _round,
)
from sms_desktop.persistence import models as m
from sms_desktop.services.accounts import Period, _latest_surveys, default_period
from sms_desktop.services.receivables import open_invoices
from sms_desktop.services.revenue import margin_amount, revenue_amount, revenue_day, revenue_filter

_T = TypeVar("_T", int, Decimal)
_MINOR = Integer()


def quintile_scores(values: Sequence[_T], *, higher_is_better: bool = True) -> list[int]:
    """Scores 1–5 of ``values`` (in their order): ``1 + ⌊5·k / n⌋``, ``k`` = values strictly
    worse. Ties share the lower score; the order of the input does not matter."""
    n = len(values)
    ordered = sorted(values)
    if higher_is_better:
        return [1 + 5 * bisect_left(ordered, v) // n for v in values]
    return [1 + 5 * (n - bisect_right(ordered, v)) // n for v in values]


def abc_classes(
    revenues: Mapping[int, _T], a_percent: int = 80, b_percent: int = 95
) -> dict[int, AbcResult]:
    """ABC of every customer in ``revenues`` (customer id → revenue of the period; amounts or
    minor units alike)."""
    total = sum(v for v in revenues.values() if v > 0)
    ordered = sorted(revenues.items(), key=lambda item: (-item[1], item[0]))
    result: dict[int, AbcResult] = {}
    before = 0 * total  # revenue of the customers strictly larger than the current group
    group_value: _T | None = None
    group_before = before
    group_rank = 0
    for position, (customer, value) in enumerate(ordered, start=1):
        if value != group_value:
            group_value, group_before, group_rank = value, before, position
        before += value
        if value <= 0 or total <= 0:
            result[customer] = AbcResult(AbcClass.C, group_rank, ZERO)
            continue
        if group_before * 100 < a_percent * total:
            klass = AbcClass.A
        elif group_before * 100 < b_percent * total:
            klass = AbcClass.B
        else:
            klass = AbcClass.C
        # Hundredths of a percent, half up (value and total are positive).
        hundredths = (value * 20000 + total) // (2 * total)
        result[customer] = AbcResult(klass, group_rank, Decimal(int(hundredths)).scaleb(-2))
    return result


def _decimal(minor: int) -> Decimal:
    return Decimal(minor).scaleb(-2)


def segment(
    histories: Iterable[CustomerHistory], as_of: date, params: SegmentationParams
) -> list[AccountScore]:
    """Score every customer (in the order given). Quintiles and ABC are relative to the
    customers passed in, so pass all customers with orders up to ``as_of``.

    The same rules as :func:`clv_estimate`, :func:`health_parts`, :func:`value_points`,
    :func:`growth_points` and :func:`tier_of`, written out for speed (a test keeps them
    equal): a hundred thousand customers are scored in one go.
    """
    rows = list(histories)
    if not rows:
        return []
    count = len(rows)
    recencies = [(as_of - h.last_order).days for h in rows]
    r_scores = quintile_scores(recencies, higher_is_better=False)
    f_scores = quintile_scores([h.orders for h in rows])
    m_scores = quintile_scores([h.revenue for h in rows])
    abc = abc_classes(
        {h.customer_id: h.period_revenue for h in rows}, params.abc_a_percent, params.abc_b_percent
    )
    # CLV: order rate, chance still active, expected margin of the next 365 days (minor).
    intervals: list[float] = []
    p_alive: list[float] = []
    next_minor: list[int] = []
    for h, recency in zip(rows, recencies, strict=True):
        interval, _rate, alive, micro = _clv_point(
            h.orders,
            (h.last_order - h.first_order).days,
            recency,
            params.default_interval_days,
            params.dropout_percent,
        )
        intervals.append(interval)
        p_alive.append(round(alive, 4))
        next_minor.append(_expected_minor(h.margin, h.orders, micro))
    totals = [h.margin + n for h, n in zip(rows, next_minor, strict=True)]
    clv_scores = quintile_scores(totals)
    has_potential = any(h.potential for h in rows)
    potential_q = (
        quintile_scores([h.potential or 0 for h in rows]) if has_potential else [1] * count
    )
    w_reorder, w_trend = params.health_weight_reorder, params.health_weight_trend
    w_satisfaction, w_contact = params.health_weight_satisfaction, params.health_weight_contact
    w_receivables = params.health_weight_receivables
    w_value, w_potential = params.weight_value, params.weight_potential
    w_fit, w_growth = params.weight_fit, params.weight_growth
    contact_window = params.contact_days
    high = params.rfm_high_from
    strategic_from, key_from, develop_from = (
        params.tier_strategic,
        params.tier_key,
        params.tier_develop,
    )
    out: list[AccountScore] = []
    append = out.append
    for i, h in enumerate(rows):
        r, f, m = r_scores[i], f_scores[i], m_scores[i]
        klass, rank, share = abc[h.customer_id]
        recency = recencies[i]
        # Health parts, as health_parts() defines them.
        reorder = _falling(recency / intervals[i])
        last6, prev6 = h.revenue_last_6m, h.revenue_prev_6m
        if last6 <= 0 and prev6 <= 0:
            trend = None
        elif prev6 <= 0 or last6 >= prev6:
            trend = 100
        else:
            trend = max(0, _round(100 * last6 / prev6))
        if h.satisfaction_latest is None:
            satisfaction = None
        else:
            satisfaction = (h.satisfaction_latest - 1) * 25
            if h.satisfaction_previous is not None:
                satisfaction -= 10 * max(0, h.satisfaction_previous - h.satisfaction_latest)
            satisfaction = max(0, satisfaction)
        contact = (
            None
            if h.last_contact is None
            else _falling((as_of - h.last_contact).days / contact_window)
        )
        if h.overdue_receivables is None or h.receivables_total is None:
            receivables = None
        elif h.receivables_total <= 0:
            receivables = 100
        else:
            receivables = max(0, _round(100 * (1 - h.overdue_receivables / h.receivables_total)))
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
        if receivables is not None and w_receivables > 0:
            total += receivables * w_receivables
            weight += w_receivables
        health_score = (2 * total + weight) // (2 * weight) if weight else None
        # Key-account score, as value_points(), growth_points() and tier_of() define it.
        value = _round(
            (_ABC_POINTS[klass] + (r + f + m - 3) * 100 / 12 + (clv_scores[i] - 1) * 25) / 3
        )
        potential = (potential_q[i] - 1) * 25 if h.potential else None
        fit = None if h.strategic_fit is None else (h.strategic_fit - 1) * 25
        last12, prev12 = h.revenue_last_12m, h.revenue_prev_12m
        if prev12 <= 0:
            growth = 100 if last12 > 0 else 0
        else:
            growth = max(0, min(100, _round(50 + 50 * (last12 - prev12) / prev12)))
        total, weight = value * w_value + growth * w_growth, w_value + w_growth
        if potential is not None and w_potential > 0:
            total += potential * w_potential
            weight += w_potential
        if fit is not None and w_fit > 0:
            total += fit * w_fit
            weight += w_fit
        score = (2 * total + weight) // (2 * weight) if weight else 0
        if score >= strategic_from:
            tier = Tier.STRATEGIC
        elif score >= key_from:
            tier = Tier.KEY
        elif score >= develop_from:
            tier = Tier.DEVELOP
        else:
            tier = Tier.STANDARD
        append(
            AccountScore(
                h.customer_id,
                recency,
                h.orders,
                _decimal(h.revenue),
                r,
                f,
                m,
                RFM_RULES[(r >= high, f >= high, m >= high)],
                klass,
                rank,
                share,
                _decimal(h.period_revenue),
                _decimal(h.margin),
                _decimal(next_minor[i]),
                _decimal(totals[i]),
                Decimal(repr(p_alive[i])),
                _round(intervals[i]),
                health_score,
                reorder,
                trend,
                satisfaction,
                contact,
                receivables,
                value,
                potential,
                fit,
                growth,
                score,
                tier,
            )
        )
    return out


def read_histories(session: Session, as_of: date, period: Period) -> list[CustomerHistory]:
    """One customer history per live customer with counted orders up to ``as_of``: one
    aggregate over the orders (read in table order: grouping through the customer index
    would read the table in random order, three times slower) and one over the surveys."""
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
    rows = session.execute(
        select(
            type_coerce(c.potential_value, _MINOR),
            c.strategic_fit,
            cs.last_interaction_at,
            *orders.c,
        )
        .join(c, c.id == orders.c.customer_id)
        .outerjoin(cs, cs.customer_id == c.id)
        .where(c.deleted_at.is_(None))
        .order_by(orders.c.customer_id)
    ).all()
    surveys = _latest_surveys(session, as_of)
    receivables = _receivables(session, as_of)
    zone = local_zone()
    cutoff = datetime.combine(end, time(0), tzinfo=zone)
    no_survey: tuple[int | None, int | None] = (None, None)
    no_receivables: tuple[int | None, int | None] = (None, None)
    histories: list[CustomerHistory] = []
    append = histories.append
    for potential, fit, contacted_at, customer, first, last, n, revenue, margin_sum, *sums in rows:
        last6, last12, prev12 = (v or 0 for v in sums[:3])
        contact = None
        if contacted_at is not None and contacted_at < cutoff:
            contact = contacted_at.astimezone(zone).date()
        latest, previous = surveys.get(customer, no_survey)
        overdue, open_total = receivables.get(customer, no_receivables)
        append(
            CustomerHistory(
                customer,
                first,
                last,
                n,
                revenue or 0,
                margin_sum or 0,
                (sums[3] or 0) if custom else last12,
                last6,
                last12 - last6,
                last12,
                prev12,
                potential or None,
                fit,
                contact,
                latest,
                previous,
                overdue,
                open_total,
            )
        )
    return histories


def _receivables(session: Session, as_of: date) -> dict[int, tuple[int, int]]:
    """Per customer invoiced on or before ``as_of``: the open balance past its due date and
    the whole open balance on that day, in company-currency minor units, by the receivables
    service's one rule (``open_invoices``; overdue: due before ``as_of``). A customer with
    invoices but nothing open gets (0, 0); one never invoiced is absent."""
    i = m.Invoice
    result: dict[int, tuple[int, int]] = dict.fromkeys(
        session.scalars(select(i.customer_id).where(i.invoice_date <= as_of).distinct()), (0, 0)
    )
    for invoice in open_invoices(session, as_of):
        overdue, total = result.get(invoice.customer_id, (0, 0))
        open_minor = int(invoice.open_base.scaleb(2))
        result[invoice.customer_id] = (
            overdue + (open_minor if invoice.days_overdue > 0 else 0),
            total + open_minor,
        )
    return result
