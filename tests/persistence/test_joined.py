"""persistence/sql.joined: one group join that runs on SQLite and compiles for PostgreSQL."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.dialects import postgresql

from sms_desktop.persistence import models as m
from sms_desktop.persistence.db import Database
from sms_desktop.persistence.sql import joined


def test_joined_runs_on_sqlite_and_compiles_for_postgresql(db: Database) -> None:
    with db.write() as session:
        session.add_all([m.Tag(name="老客户"), m.Tag(name="经销商")])
    with db.read() as session:
        text = session.scalar(select(joined(m.Tag.name, "、")))
    assert text is not None and sorted(text.split("、")) == ["经销商", "老客户"]
    compiled = str(select(joined(m.Tag.name, "、")).compile(dialect=postgresql.dialect()))
    assert "string_agg(tags.name" in compiled
