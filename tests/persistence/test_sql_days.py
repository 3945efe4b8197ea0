"""persistence/sql: day numbers, epoch seconds and plain rows, run on SQLite and compiled for
PostgreSQL."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import Date, literal, select
from sqlalchemy.dialects import postgresql

from sms_desktop.persistence import models as m
from sms_desktop.persistence.base import UTCDateTime
from sms_desktop.persistence.db import Database
from sms_desktop.persistence.sql import date_ordinal, epoch_seconds, plain_rows


def test_date_ordinal_is_pythons_ordinal(db: Database) -> None:
    days = [date(1, 1, 1), date(1969, 12, 31), date(2024, 2, 29), date(2026, 12, 1)]
    with db.read() as session:
        got = [session.scalar(select(date_ordinal(literal(d, Date)))) for d in days]
    assert got == [d.toordinal() for d in days]
    compiled = str(select(date_ordinal(m.Order.order_date)).compile(dialect=postgresql.dialect()))
    assert "(orders.order_date) - DATE '0001-01-01' + 1" in compiled


def test_epoch_seconds_round_down_like_the_instant(db: Database) -> None:
    stamps = [
        datetime(2026, 11, 24, 2, 0, 59, 999_999, tzinfo=UTC),
        datetime(1970, 1, 1, tzinfo=UTC),
        datetime(1969, 12, 31, 23, 59, 59, 500_000, tzinfo=UTC),
    ]
    with db.read() as session:
        got = [session.scalar(select(epoch_seconds(literal(s, UTCDateTime)))) for s in stamps]
    assert got == [1795485659, 0, -1]
    compiled = str(
        select(epoch_seconds(m.CustomerStats.last_interaction_at)).compile(
            dialect=postgresql.dialect()
        )
    )
    assert "FLOOR(EXTRACT(EPOCH FROM customer_stats.last_interaction_at))" in compiled


def test_plain_rows_are_the_drivers_tuples(db: Database) -> None:
    with db.write() as session:
        session.add_all([m.Tag(name="老客户"), m.Tag(name="经销商")])
    with db.read() as session:
        rows = plain_rows(session.connection(), select(m.Tag.name).order_by(m.Tag.name))
    assert [type(r) for r in rows] == [tuple, tuple]
    assert sorted(r[0] for r in rows) == ["经销商", "老客户"]
