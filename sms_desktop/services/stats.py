"""``customer_stats``: per-customer figures the lists sort on, recomputed in one SQL statement.

Revenue is the one definition of ``domain/revenue.py`` (net of tax, orders not cancelled). The
last contact is the latest interaction or completed customer-facing activity (call, visit …).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import Connection, text

from sms_desktop.domain.clock import clock
from sms_desktop.services.revenue import counted_sql, revenue_sql

_REFRESH = """
INSERT INTO customer_stats (customer_id, first_order_date, last_order_date, orders_count,
                            revenue_lifetime, revenue_12m, open_pipeline, open_tasks,
                            last_interaction_at, refreshed_at)
SELECT c.id, o.first_date, o.last_date, COALESCE(o.n, 0), COALESCE(o.revenue, 0),
       COALESCE(o.revenue_12m, 0), COALESCE(p.open_value, 0), COALESCE(t.n, 0), i.last_at, :now
  FROM customers c
  LEFT JOIN (SELECT customer_id, MIN(order_date) AS first_date, MAX(order_date) AS last_date,
                    COUNT(*) AS n, SUM({amount}) AS revenue,
                    SUM(CASE WHEN order_date > :cutoff THEN {amount} ELSE 0 END) AS revenue_12m
               FROM orders WHERE {counted} {orders_scope}
              GROUP BY customer_id) o ON o.customer_id = c.id
  LEFT JOIN (SELECT customer_id, SUM(amount) AS open_value FROM opportunities
              WHERE status = 'open' AND deleted_at IS NULL {opps_scope}
              GROUP BY customer_id) p ON p.customer_id = c.id
  LEFT JOIN (SELECT customer_id, COUNT(*) AS n FROM activities
              WHERE done_at IS NULL AND deleted_at IS NULL AND customer_id IS NOT NULL
                    {tasks_scope}
              GROUP BY customer_id) t ON t.customer_id = c.id
  LEFT JOIN (SELECT customer_id, MAX(at) AS last_at FROM (
                 SELECT customer_id, occurred_at AS at FROM interactions
                  WHERE 1 {interactions_scope}
                 UNION ALL
                 SELECT customer_id, done_at FROM activities
                  WHERE done_at IS NOT NULL AND deleted_at IS NULL
                        AND kind IN ('call', 'visit', 'follow_up', 'meeting', 'email', 'wechat',
                                     'demo') {tasks_scope})
              GROUP BY customer_id) i ON i.customer_id = c.id
 WHERE 1 {customers_scope}
ON CONFLICT (customer_id) DO UPDATE SET
    first_order_date = excluded.first_order_date, last_order_date = excluded.last_order_date,
    orders_count = excluded.orders_count, revenue_lifetime = excluded.revenue_lifetime,
    revenue_12m = excluded.revenue_12m, open_pipeline = excluded.open_pipeline,
    open_tasks = excluded.open_tasks, last_interaction_at = excluded.last_interaction_at,
    refreshed_at = excluded.refreshed_at
"""

_IDS = "IN (SELECT value FROM json_each(:ids))"


def refresh_customer_stats(
    conn: Connection,
    customer_ids: Iterable[int] | None = None,
    *,
    today: date | None = None,
    now: datetime | None = None,
) -> None:
    """Recompute the figures of ``customer_ids`` (all customers when None)."""
    today = today or clock().today()
    stamp = (now or clock().now()).astimezone(UTC).replace(tzinfo=None)
    params: dict[str, object] = {
        "cutoff": (today - timedelta(days=365)).isoformat(),
        "now": stamp.isoformat(sep=" ", timespec="microseconds"),
    }
    if customer_ids is None:
        scopes = dict.fromkeys(
            ("orders_scope", "opps_scope", "tasks_scope", "interactions_scope", "customers_scope"),
            "",
        )
    else:
        params["ids"] = json.dumps(sorted(set(customer_ids)))
        scopes = {
            "orders_scope": f"AND customer_id {_IDS}",
            "opps_scope": f"AND customer_id {_IDS}",
            "tasks_scope": f"AND customer_id {_IDS}",
            "interactions_scope": f"AND customer_id {_IDS}",
            "customers_scope": f"AND c.id {_IDS}",
        }
    sql = _REFRESH.format(amount=revenue_sql(), counted=counted_sql(), **scopes)
    conn.execute(text(sql), params)
