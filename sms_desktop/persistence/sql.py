"""Portable SQL: the few statements whose SQLAlchemy construct depends on the database."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import BigInteger, Boolean, ColumnElement, Connection, Executable, Integer, String
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


class date_ordinal(FunctionElement[int]):  # noqa: N801 - used like the func.* it stands for
    """A ``DATE`` as ``date.toordinal()`` (0001-01-01 is day 1): days subtracted and compared
    as integers, and many of them read back without parsing a date each."""

    type = Integer()
    name = "date_ordinal"
    inherit_cache = True


@compiles(date_ordinal)
def _date_ordinal_sqlite(element: date_ordinal, compiler: Any, **kw: Any) -> str:
    # julianday() of a date is its noon-based Julian day, x.5, exact in a double: 0001-01-01
    # is 1721425.5, so the difference is a whole number.
    return f"CAST(julianday({compiler.process(element.clauses, **kw)}) - 1721424.5 AS INTEGER)"


@compiles(date_ordinal, "postgresql")
def _date_ordinal_postgresql(element: date_ordinal, compiler: Any, **kw: Any) -> str:
    return f"(({compiler.process(element.clauses, **kw)}) - DATE '0001-01-01' + 1)"


class epoch_seconds(FunctionElement[int]):  # noqa: N801 - used like the func.* it stands for
    """A stored UTC timestamp (``UTCDateTime``) as whole seconds since 1970-01-01 UTC, rounded
    down: compared with a whole-second instant exactly as the timestamp itself would be."""

    type = BigInteger()
    name = "epoch_seconds"
    inherit_cache = True


@compiles(epoch_seconds)
def _epoch_seconds_sqlite(element: epoch_seconds, compiler: Any, **kw: Any) -> str:
    # Stored as 'YYYY-MM-DD HH:MM:SS.ffffff' (SQLAlchemy's SQLite format). strftime rounds to
    # milliseconds (…:59.9996 would become the next second): the whole seconds only.
    return (
        f"CAST(strftime('%s', substr({compiler.process(element.clauses, **kw)}, 1, 19)) AS INTEGER)"
    )


@compiles(epoch_seconds, "postgresql")
def _epoch_seconds_postgresql(element: epoch_seconds, compiler: Any, **kw: Any) -> str:
    # The column is a timestamp without time zone holding UTC: its epoch is UTC's.
    return f"CAST(FLOOR(EXTRACT(EPOCH FROM {compiler.process(element.clauses, **kw)})) AS BIGINT)"


def plain_rows(connection: Connection, statement: Executable) -> Sequence[tuple[Any, ...]]:
    """The rows of ``statement`` as the driver returns them: plain tuples, no column type
    processing and no ``Row`` objects. For bulk reads (tens of thousands of rows) of columns
    whose driver values are already what the caller wants (integers, text): there SQLAlchemy's
    per-row work costs a quarter again of the query."""
    result = connection.execute(statement)
    try:
        rows: Sequence[tuple[Any, ...]] = result.cursor.fetchall()
    finally:
        result.close()
    return rows
