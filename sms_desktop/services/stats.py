"""``customer_stats``: per-customer figures the lists sort on, recomputed in one SQL statement.

Revenue is the one definition of ``domain/revenue.py`` (net of tax, orders not cancelled). The
last contact is the latest interaction or completed customer-facing activity (call, visit …).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from functools import cache
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Date,
    Integer,
    bindparam,
    case,
    func,
    select,
    true,
    type_coerce,
    union_all,
)

from sms_desktop.domain.clock import clock
from sms_desktop.domain.enums import ActivityKind, OpportunityStatus
from sms_desktop.persistence import models as m
from sms_desktop.persistence.base import UTCDateTime
from sms_desktop.persistence.sql import upsert
from sms_desktop.services.revenue import revenue_amount, revenue_day, revenue_filter

# Kinds of activity in which the customer was in touch (a to-do is not).
_CONTACT_KINDS = tuple(kind for kind in ActivityKind if kind is not ActivityKind.TODO)
# Customers per statement when given ids: five ``IN`` lists of bound ids each, well under
# SQLite's limit of bound values.
_BATCH = 1000


def refresh_customer_stats(
    conn: Connection,
    customer_ids: Iterable[int] | None = None,
    *,
    today: date | None = None,
    now: datetime | None = None,
) -> None:
    """Recompute the figures of ``customer_ids`` (all customers when None)."""
    today = today or clock().today()
    params: dict[str, Any] = {
        "cutoff": today - timedelta(days=365),
        "now": now or clock().now(),
    }
    if customer_ids is None:
        conn.execute(_statement(conn.dialect.name, scoped=False), params)
        return
    ids = sorted(set(customer_ids))
    for start in range(0, len(ids), _BATCH):
        params["ids"] = ids[start : start + _BATCH]
        conn.execute(_statement(conn.dialect.name, scoped=True), params)


@cache
def _statement(dialect: str, *, scoped: bool) -> Any:
    """The statement that writes the figures of the customers ``:ids`` (``scoped``) or of
    every customer; built once (building it costs more than running it for one customer)."""
    ids = bindparam("ids", type_=Integer, expanding=True)

    def scope(column: Any) -> list[ColumnElement[bool]]:
        return [column.in_(ids)] if scoped else []

    cutoff = bindparam("cutoff", type_=Date)
    o, op, a, i, c, cs = (
        m.Order,
        m.Opportunity,
        m.Activity,
        m.Interaction,
        m.Customer,
        m.CustomerStats,
    )
    amount = type_coerce(revenue_amount(o), Integer)
    day = revenue_day(o)
    orders = (
        select(
            o.customer_id,
            func.min(day).label("first_date"),
            func.max(day).label("last_date"),
            func.count().label("n"),
            func.sum(amount).label("revenue"),
            func.sum(case((day > cutoff, amount), else_=0)).label("revenue_12m"),
        )
        .where(*revenue_filter(o), *scope(o.customer_id))
        .group_by(o.customer_id)
        .subquery()
    )
    pipeline = (
        select(op.customer_id, func.sum(type_coerce(op.amount, Integer)).label("open_value"))
        .where(
            op.status == OpportunityStatus.OPEN,
            op.deleted_at.is_(None),
            *scope(op.customer_id),
        )
        .group_by(op.customer_id)
        .subquery()
    )
    tasks = (
        select(a.customer_id, func.count().label("n"))
        .where(
            a.done_at.is_(None),
            a.deleted_at.is_(None),
            a.customer_id.is_not(None),
            *scope(a.customer_id),
        )
        .group_by(a.customer_id)
        .subquery()
    )
    contacts = union_all(
        select(i.customer_id, i.occurred_at.label("at")).where(*scope(i.customer_id)),
        select(a.customer_id, a.done_at).where(
            a.done_at.is_not(None),
            a.deleted_at.is_(None),
            a.kind.in_(_CONTACT_KINDS),
            *scope(a.customer_id),
        ),
    ).subquery()
    last_contact = (
        select(contacts.c.customer_id, func.max(contacts.c.at).label("last_at"))
        .group_by(contacts.c.customer_id)
        .subquery()
    )
    figures = (
        select(
            c.id,
            orders.c.first_date,
            orders.c.last_date,
            func.coalesce(orders.c.n, 0),
            func.coalesce(orders.c.revenue, 0),
            func.coalesce(orders.c.revenue_12m, 0),
            func.coalesce(pipeline.c.open_value, 0),
            func.coalesce(tasks.c.n, 0),
            last_contact.c.last_at,
            bindparam("now", type_=UTCDateTime),
        )
        .outerjoin(orders, orders.c.customer_id == c.id)
        .outerjoin(pipeline, pipeline.c.customer_id == c.id)
        .outerjoin(tasks, tasks.c.customer_id == c.id)
        .outerjoin(last_contact, last_contact.c.customer_id == c.id)
        # A WHERE clause, always: SQLite reads "ON CONFLICT" after a bare join as its ON.
        .where(true(), *scope(c.id))
    )
    columns = [
        "customer_id",
        "first_order_date",
        "last_order_date",
        "orders_count",
        "revenue_lifetime",
        "revenue_12m",
        "open_pipeline",
        "open_tasks",
        "last_interaction_at",
        "refreshed_at",
    ]
    insert = upsert(dialect, cs.__table__).from_select(columns, figures)
    return insert.on_conflict_do_update(
        index_elements=[cs.customer_id],
        set_={name: insert.excluded[name] for name in columns[1:]},
    )
