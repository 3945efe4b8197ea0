"""Which database engine a connection talks to, and the few spellings that differ by engine.

SQLite is the embedded default; PostgreSQL the team edition (#19). Code below services asks
here instead of testing dialect names itself, so the SQLite-only corners stay findable.
"""

from __future__ import annotations

from typing import Any, Literal

from sqlalchemy import Connection, Engine
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from sms_desktop.domain.errors import DomainError
from sms_desktop.domain.i18n import translate

SERVER_DRIVER = "postgresql+psycopg"


class ServerUrlError(DomainError):
    """A ``--db`` value that looks like a server address but is not one we can open."""


def is_server_url(target: object) -> bool:
    """Whether ``target`` (a ``--db`` value) names a database server, not a file."""
    return isinstance(target, str | URL) and "://" in str(target)


def server_url(target: str | URL) -> URL:
    """The SQLAlchemy URL of a PostgreSQL database, with psycopg 3 as its driver
    (``postgresql://`` and ``postgresql+psycopg://`` alike)."""
    try:
        url = make_url(target)
    except ArgumentError as exc:
        raise ServerUrlError(
            translate("Database", "{url} is not a database address.").format(url=str(target))
        ) from exc
    if url.get_backend_name() != "postgresql" or url.get_driver_name() not in (
        "psycopg",
        "postgresql",  # what make_url reports for a bare postgresql://
    ):
        raise ServerUrlError(
            translate(
                "Database",
                "{url}: only PostgreSQL servers are supported "
                "(postgresql+psycopg://user@host/database).",
            ).format(url=url.render_as_string(hide_password=True))
        )
    return url.set(drivername=SERVER_DRIVER)


def _name(bind: Connection | Engine | Any) -> str:
    return str(bind.dialect.name)


def is_sqlite(bind: Connection | Engine | Any) -> bool:
    return _name(bind) == "sqlite"


def is_postgresql(bind: Connection | Engine | Any) -> bool:
    return _name(bind) == "postgresql"


def batch_recreate(bind: Connection | Engine | Any) -> Literal["always", "auto"]:
    """``recreate=`` for an Alembic batch that SQLite must rebuild (so its stored DDL reads as
    a new database's): on PostgreSQL plain ``ALTER TABLE`` does it, and rebuilding a table
    that others reference would fail on their foreign keys."""
    return "always" if is_sqlite(bind) else "auto"


def driver_sql(bind: Connection | Engine | Any, sql: str) -> str:
    """``sql`` written with ``?`` markers (sqlite3's style) in the driver's own style, for
    ``exec_driver_sql``; psycopg wants ``%s``. ``sql`` holds no other ``?`` or ``%``."""
    style = bind.dialect.paramstyle
    if style == "qmark":
        return sql
    if style in ("format", "pyformat"):
        return sql.replace("?", "%s")
    raise NotImplementedError(f"parameter style {style}")


def reset_sequences(bind: Connection, tables: tuple[str, ...] | list[str]) -> None:
    """After rows were written with explicit ids, move each table's ``id`` sequence past its
    largest id (PostgreSQL; SQLite's rowids need nothing), so the next insert does not
    collide with them."""
    if is_sqlite(bind):
        return
    for table in tables:
        bind.exec_driver_sql(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'),"
            f" coalesce((SELECT max(id) FROM {table}), 0) + 1, false)"
        )
