"""PostgreSQL engines (the team edition): SQLite's 64-bit integers on a 32-bit ``integer``.

SQLite's ``INTEGER`` holds 64 bits, and the schema counts on it: money is stored in minor
units (21,474,836.47 yuan is the most an ``integer`` holds) and queries multiply amounts
(revenue × line share). So on PostgreSQL every ``Integer`` column and cast is ``bigint`` and
every serial id a ``bigserial``, for the migrations and ``create_all`` alike; the models and
migrations stay written once for both engines. A ``sum`` of ``bigint`` is ``numeric`` on
PostgreSQL: integer-typed results come back as Python ``int`` (a fractional ``avg`` as a
float), as SQLite returns them. Imported only when a server engine is made.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from sqlalchemy import BigInteger, Engine, Integer, create_engine
from sqlalchemy.dialects.postgresql.base import PGDDLCompiler, PGTypeCompiler
from sqlalchemy.engine import URL
from sqlalchemy.pool import NullPool


class _TypeCompiler(PGTypeCompiler):
    def visit_INTEGER(self, type_: Any, **kw: Any) -> str:  # noqa: N802 - the visitor's name
        return "BIGINT"


class _DDLCompiler(PGDDLCompiler):
    def get_column_specification(self, column: Any, **kwargs: Any) -> str:
        spec: str = super().get_column_specification(column, **kwargs)  # type: ignore[no-untyped-call]
        serial = f"{self.preparer.format_column(column)} SERIAL"
        if spec == serial or spec.startswith(f"{serial} "):
            return f"{serial[: -len('SERIAL')]}BIGSERIAL{spec[len(serial) :]}"
        return spec


class _Integer(Integer):
    """What an integer-typed column or aggregate reads as: a Python int, as on SQLite."""

    def result_processor(self, dialect: Any, coltype: object) -> Callable[[Any], Any]:
        def process(value: Any) -> Any:
            if isinstance(value, Decimal):
                return int(value) if value == value.to_integral_value() else float(value)
            return value

        return process


def compare_type(
    _context: Any, _inspected: Any, _metadata: Any, inspected_type: Any, metadata_type: Any
) -> bool | None:
    """Alembic's ``compare_type`` on a server: a reflected ``bigint`` is the models'
    ``Integer`` (None: Alembic's own comparison for everything else)."""
    impl = getattr(metadata_type, "impl", metadata_type)
    if isinstance(inspected_type, BigInteger) and type(impl) is Integer:
        return False
    return None


def server_engine(url: URL, *, pooled: bool = True) -> Engine:
    """An engine on ``url`` (psycopg 3) whose integers are 64-bit, as SQLite's are."""
    engine = create_engine(url, poolclass=None if pooled else NullPool, pool_pre_ping=True)
    dialect: Any = engine.dialect
    dialect.type_compiler_instance = dialect.type_compiler = _TypeCompiler(dialect)
    dialect.ddl_compiler = _DDLCompiler
    dialect.colspecs = {**dialect.colspecs, Integer: _Integer}
    return engine
