"""customer_stats: one SQL refresh for all customers or a subset, and the once-a-day refresh."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import Connection, text

from sms_desktop.domain.enums import ActivityKind
from sms_desktop.persistence import models as m
from sms_desktop.persistence.db import Database
from sms_desktop.services.customers import refresh_stats_if_stale
from sms_desktop.services.registry import Services
from sms_desktop.services.stats import refresh_customer_stats
from tests.services.dataset import (
    HUAXIA_OPEN_PIPELINE,
    HUAXIA_ORDER_10D,
    HUAXIA_ORDER_45D,
    HUAXIA_ORDER_400D,
    MINGDA_ORDER,
    World,
)

FIGURES = (
    "first_order_date, last_order_date, orders_count, revenue_lifetime, revenue_12m, "
    "open_pipeline, open_tasks, last_interaction_at"
)


def figures(conn: Connection) -> dict[int, tuple[object, ...]]:
    return {
        row[0]: tuple(row[1:])
        for row in conn.execute(text(f"SELECT customer_id, {FIGURES} FROM customer_stats"))
    }


def wipe(conn: Connection) -> None:
    conn.execute(
        text(
            "UPDATE customer_stats SET first_order_date = NULL, last_order_date = NULL, "
            "orders_count = -1, revenue_lifetime = -1, revenue_12m = -1, open_pipeline = -1, "
            "open_tasks = -1, last_interaction_at = NULL"
        )
    )


def stored(db: Database, customer_id: int) -> m.CustomerStats:
    with db.read() as s:
        stats = s.get(m.CustomerStats, customer_id)
        assert stats is not None
        s.expunge(stats)
        return stats


def test_the_figures_follow_the_documented_rules(services: Services, world: World) -> None:
    huaxia = stored(services.db, world.huaxia)
    assert huaxia.first_order_date == world.today - timedelta(days=400)
    assert huaxia.last_order_date == world.today - timedelta(days=10)
    assert huaxia.orders_count == 3  # the cancelled order does not count
    assert huaxia.revenue_lifetime == HUAXIA_ORDER_10D + HUAXIA_ORDER_45D + HUAXIA_ORDER_400D
    assert huaxia.revenue_12m == HUAXIA_ORDER_10D + HUAXIA_ORDER_45D  # net, without VAT
    assert huaxia.open_pipeline == HUAXIA_OPEN_PIPELINE
    assert huaxia.open_tasks == 2
    # The done to-do (1 day ago) is not customer-facing; the done visit (3 days ago) is.
    assert huaxia.last_interaction_at == world.now - timedelta(days=3)
    mingda = stored(services.db, world.mingda)
    assert (mingda.orders_count, mingda.revenue_12m, mingda.last_interaction_at) == (
        1,
        MINGDA_ORDER,
        world.now - timedelta(days=60),
    )
    nobody = stored(services.db, world.liuyang)
    assert (
        nobody.orders_count,
        nobody.revenue_lifetime,
        nobody.first_order_date,
        nobody.last_interaction_at,
    ) == (0, Decimal("0.00"), None, None)


def test_refreshing_all_or_a_subset_gives_the_same_numbers(
    services: Services, world: World
) -> None:
    with services.db.write() as s:
        conn = s.connection()
        refresh_customer_stats(conn, today=world.today)
        everyone = figures(conn)
    assert len(everyone) == len(world.live_customers) + 1  # the trashed one too

    with services.db.write() as s:
        conn = s.connection()
        wipe(conn)
        refresh_customer_stats(conn, [world.huaxia, world.mingda], today=world.today)
        partial = figures(conn)
        for customer_id, values in partial.items():
            if customer_id in (world.huaxia, world.mingda):
                assert values == everyone[customer_id]
            else:  # untouched
                assert values[2] == -1, customer_id
        refresh_customer_stats(
            conn, sorted(set(everyone) - {world.huaxia, world.mingda}), today=world.today
        )
        assert figures(conn) == everyone
        # One customer at a time, in any order, with duplicates in the list: the same.
        wipe(conn)
        for customer_id in sorted(everyone, reverse=True):
            refresh_customer_stats(conn, [customer_id, customer_id], today=world.today)
        assert figures(conn) == everyone
        # An empty subset changes nothing.
        refresh_customer_stats(conn, [], today=world.today)
        assert figures(conn) == everyone


def test_many_customers_are_refreshed_in_batches(
    services: Services, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sms_desktop.services import stats

    with services.db.write() as s:
        conn = s.connection()
        refresh_customer_stats(conn, today=world.today)
        everyone = figures(conn)
        wipe(conn)
        monkeypatch.setattr(stats, "_BATCH", 2)  # ids bound in lists of two
        refresh_customer_stats(conn, sorted(everyone), today=world.today)
        assert figures(conn) == everyone


def test_a_refresh_creates_missing_rows(services: Services, world: World) -> None:
    with services.db.write() as s:
        conn = s.connection()
        refresh_customer_stats(conn, today=world.today)
        everyone = figures(conn)
        conn.execute(text("DELETE FROM customer_stats"))
        refresh_customer_stats(conn, [world.huaxia], today=world.today)
        assert figures(conn) == {world.huaxia: everyone[world.huaxia]}
        refresh_customer_stats(conn, today=world.today)
        assert figures(conn) == everyone


def test_twelve_month_revenue_moves_with_today(services: Services, world: World) -> None:
    with services.db.write() as s:
        conn = s.connection()
        refresh_customer_stats(conn, [world.huaxia], today=world.today + timedelta(days=340))
        revenue = conn.execute(
            text("SELECT revenue_12m FROM customer_stats WHERE customer_id = :c"),
            {"c": world.huaxia},
        ).scalar()
    assert revenue == 1_099_999  # minor units: only the 10-day-old order is within 12 months


def test_deleted_and_other_kinds_of_activity_do_not_count_as_contact(
    services: Services, world: World
) -> None:
    now = datetime.now(UTC).replace(microsecond=0)
    with services.db.write() as s:
        s.add_all(
            [
                m.Activity(
                    kind=ActivityKind.TODO,
                    subject="内部",
                    customer_id=world.acme,
                    due_at=now,
                    done_at=now,
                ),
                m.Activity(
                    kind=ActivityKind.CALL,
                    subject="已删除",
                    customer_id=world.acme,
                    due_at=now,
                    done_at=now,
                    deleted_at=now,
                ),
                m.Activity(
                    kind=ActivityKind.DEMO,
                    subject="演示",
                    customer_id=world.bluesky,
                    due_at=now - timedelta(days=1),
                    done_at=now - timedelta(days=1),
                ),
            ]
        )
        s.flush()
        refresh_customer_stats(s.connection(), [world.acme, world.bluesky], today=world.today)
    assert stored(services.db, world.acme).last_interaction_at is None
    assert stored(services.db, world.bluesky).last_interaction_at == now - timedelta(days=1)


def test_refresh_if_stale_does_nothing_without_customers(empty_services: Services) -> None:
    assert refresh_stats_if_stale(empty_services.db) is False
    assert refresh_stats_if_stale(empty_services.db, today=datetime.now(UTC).date()) is False


def test_refresh_if_stale_runs_once_per_day(services: Services, world: World) -> None:
    """BUG: refresh_stats_if_stale(today=…) recomputes with refreshed_at = the real clock
    (refresh_customer_stats is not given a ``now`` matching ``today``), while staleness is
    judged against ``today``: for any ``today`` after the real date it refreshes on every call.
    (Without ``today`` the same mismatch appears between the UTC date stored in refreshed_at
    and the local date.today(): east of UTC, every start before 08:00 refreshes again.)"""
    db = services.db
    assert refresh_stats_if_stale(db, today=world.now.date()) is True
    # Already refreshed for today.
    assert refresh_stats_if_stale(db, today=world.now.date()) is False

    tomorrow = world.now.date() + timedelta(days=1)
    assert refresh_stats_if_stale(db, today=tomorrow) is True
    assert refresh_stats_if_stale(db, today=tomorrow) is False
    assert refresh_stats_if_stale(db, today=tomorrow + timedelta(days=1)) is True


def test_refresh_if_stale_recomputes_for_the_given_day(services: Services, world: World) -> None:
    later = world.today + timedelta(days=340)
    assert refresh_stats_if_stale(services.db, today=later) is True
    assert stored(services.db, world.huaxia).revenue_12m == HUAXIA_ORDER_10D
    assert stored(services.db, world.mingda).revenue_12m == Decimal("0.00")
