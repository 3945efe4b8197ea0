"""Portable SQL: the few statements whose SQLAlchemy construct depends on the database."""

from __future__ import annotations

from typing import Any

from sqlalchemy.dialects import postgresql, sqlite


def upsert(dialect: str, table: Any) -> sqlite.Insert | postgresql.Insert:
    """An ``INSERT`` into ``table`` that can take ``.on_conflict_do_update(...)`` on the
    database of the dialect named ``dialect`` (SQLite and PostgreSQL spell it alike)."""
    if dialect == "postgresql":
        return postgresql.insert(table)
    return sqlite.insert(table)
