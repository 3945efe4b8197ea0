"""Portable SQL: the few statements whose SQLAlchemy construct depends on the database."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection
from sqlalchemy.dialects import postgresql, sqlite


def upsert(conn: Connection, table: Any) -> sqlite.Insert | postgresql.Insert:
    """An ``INSERT`` into ``table`` that can take ``.on_conflict_do_update(...)`` on the
    database of ``conn`` (SQLite and PostgreSQL spell it alike)."""
    if conn.dialect.name == "postgresql":
        return postgresql.insert(table)
    return sqlite.insert(table)
