"""Portable SQL: the few statements whose SQLAlchemy construct depends on the database."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Boolean, ColumnElement, String
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement
from sqlalchemy.sql.visitors import InternalTraversal


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


class by_dialect(ColumnElement[bool]):  # noqa: N801 - used like a function
    """A condition spelled one way for SQLite and another for PostgreSQL (e.g. FTS5 ``MATCH``
    against ``pg_trgm`` ``LIKE``), chosen when the statement is compiled: callers build one
    statement for either engine."""

    type = Boolean()
    inherit_cache = True
    _traverse_internals = [  # noqa: RUF012 - SQLAlchemy reads this class attribute
        ("sqlite", InternalTraversal.dp_clauseelement),
        ("postgresql", InternalTraversal.dp_clauseelement),
    ]

    def __init__(self, *, sqlite: ColumnElement[bool], postgresql: ColumnElement[bool]) -> None:
        self.sqlite = sqlite
        self.postgresql = postgresql


@compiles(by_dialect)
def _by_dialect_sqlite(element: by_dialect, compiler: Any, **kw: Any) -> str:
    return str(compiler.process(element.sqlite, **kw))


@compiles(by_dialect, "postgresql")
def _by_dialect_postgresql(element: by_dialect, compiler: Any, **kw: Any) -> str:
    return str(compiler.process(element.postgresql, **kw))
