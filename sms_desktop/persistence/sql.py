"""Portable SQL: the few statements whose SQLAlchemy construct depends on the database."""

from __future__ import annotations

from typing import Any

from sqlalchemy import String
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement


def upsert(dialect: str, table: Any) -> sqlite.Insert | postgresql.Insert:
    """An ``INSERT`` into ``table`` that can take ``.on_conflict_do_update(...)`` on the
    database of the dialect named ``dialect`` (SQLite and PostgreSQL spell it alike)."""
    if dialect == "postgresql":
        return postgresql.insert(table)
    return sqlite.insert(table)


class joined(FunctionElement[str]):  # noqa: N801 - used like the func.* it stands for
    """The values of a group joined by ``separator``: ``group_concat`` on SQLite,
    ``string_agg`` on PostgreSQL."""

    type = String()
    name = "joined"
    inherit_cache = True


@compiles(joined)
def _joined_sqlite(element: joined, compiler: Any, **kw: Any) -> str:
    return f"group_concat({compiler.process(element.clauses, **kw)})"


@compiles(joined, "postgresql")
def _joined_postgresql(element: joined, compiler: Any, **kw: Any) -> str:
    return f"string_agg({compiler.process(element.clauses, **kw)})"
