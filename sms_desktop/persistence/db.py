"""Engine, connection pragmas, sessions, and opening a database (create, migrate, refuse)."""

from __future__ import annotations

import sqlite3
import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import Enum, auto
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.dialects.sqlite.base import SQLiteCompiler
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool

from sms_desktop.domain.errors import DomainError
from sms_desktop.domain.i18n import Message, translate
from sms_desktop.persistence.dialect import is_server_url, server_url
from sms_desktop.persistence.schema_version import HEAD_REVISION

BUSY_TIMEOUT_MS = 10_000


class DatabaseError(DomainError):
    """The file cannot be used as an SMS Desktop database (with a message for the user)."""


SQLITE_HEADER = b"SQLite format 3\x00"
NOT_SQLITE = "the file does not start with an SQLite header"


def file_problem(path: Path) -> str | None:
    """What is wrong with the file itself, read from its first 100 bytes and its size (no
    SQLite needed): empty, not an SQLite file, or shorter than its header says. None if the
    file looks whole (or does not exist). English text for logs and ``check``."""
    try:
        size = path.stat().st_size
        with open(path, "rb") as handle:
            header = handle.read(100)
    except FileNotFoundError:
        return None
    except OSError as exc:
        return f"cannot read the file ({exc.strerror or exc})"
    if size == 0:
        return "the file is empty (0 bytes)"
    if len(header) < 100 or not header.startswith(SQLITE_HEADER):
        return NOT_SQLITE
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        return "the SQLite header is damaged (page size)"
    pages = int.from_bytes(header[28:32], "big")
    # The page count in the header is valid when the change counter beside it matches.
    if header[24:28] == header[92:96] and pages and size < pages * page_size:
        wal = path.with_name(path.name + "-wal")
        if not wal.exists() or wal.stat().st_size == 0:
            return f"the file is truncated ({size:,} of {pages * page_size:,} bytes)"
    return None


def schema_problems(con: sqlite3.Connection) -> list[str]:
    """Tables and columns of the current schema that the database lacks (English text);
    empty when every table and column this version of the app uses is there."""
    from sms_desktop.persistence import models  # noqa: F401 - fills Base.metadata
    from sms_desktop.persistence.base import Base
    from sms_desktop.persistence.search import SEARCH_TABLE_NAMES

    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    problems = [f"missing table {t}" for t in sorted(SEARCH_TABLE_NAMES - tables)]
    for table in Base.metadata.sorted_tables:
        if table.name not in tables:
            problems.append(f"missing table {table.name}")
            continue
        present = {r[1] for r in con.execute(f'PRAGMA table_info("{table.name}")')}
        problems += [
            f"missing column {table.name}.{c.name}" for c in table.columns if c.name not in present
        ]
    return problems


def newer_database_message(path: Path | str, revision: str | None) -> Message:
    return translate(
        "Database",
        "{path} was created by a newer SMS Desktop (revision {revision}); "
        "install the newer version to open it.",
    ).format(path=str(path), revision=revision or "?")


def require_current_schema(path: Path) -> SchemaInfo:
    """For commands that read a database without migrating it (check, report, quote pdf):
    raises :class:`DatabaseError` saying what to do unless the schema is the current one."""
    info = schema_info(path)
    if info.state is SchemaState.NEWER:
        raise DatabaseError(newer_database_message(path, info.revision))
    if info.state is SchemaState.OLDER:
        raise DatabaseError(
            translate(
                "Database",
                "{path} has an older schema (revision {revision}); open it in the app once "
                "to upgrade it.",
            ).format(path=str(path), revision=info.revision or "?")
        )
    if info.state is not SchemaState.CURRENT:
        raise DatabaseError(
            translate("Database", "{path} is not an SMS Desktop database.").format(path=str(path))
        )
    return info


def _on_connect(foreign_keys: bool) -> Any:
    def configure(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        # Driver autocommit off: we emit BEGIN ourselves, so DDL is transactional too.
        dbapi_connection.isolation_level = None
        dbapi_connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        dbapi_connection.execute(f"PRAGMA foreign_keys = {'ON' if foreign_keys else 'OFF'}")
        dbapi_connection.execute("PRAGMA journal_mode = WAL")
        dbapi_connection.execute("PRAGMA synchronous = FULL")

    return configure


def _on_begin(conn: Any) -> None:
    immediate = conn.get_execution_options().get("sqlite_immediate", False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


class _Compiler(SQLiteCompiler):
    """Renders a table hint after its table: SQLite's ``INDEXED BY`` is such a hint.

    ``select(...).with_hint(Model, "INDEXED BY ix_name", "sqlite")`` then names the index a
    query must use, where SQLite's statistics mislead it (e.g. few rows per ``done_at``
    value, while half a million have none)."""

    def get_from_hint_text(self, table: Any, text: str | None) -> str | None:
        return text


def make_engine(path: Path | str, *, foreign_keys: bool = True, pooled: bool = True) -> Engine:
    """An engine whose every connection has our pragmas and explicit BEGINs; for a server
    URL (``postgresql+psycopg://…``, the team edition) an engine on that server."""
    if is_server_url(path):
        return make_server_engine(str(path), pooled=pooled)
    engine = create_engine(
        f"sqlite+pysqlite:///{path}",
        connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
        poolclass=None if pooled else NullPool,
    )
    engine.dialect.statement_compiler = _Compiler
    event.listen(engine, "connect", _on_connect(foreign_keys))
    event.listen(engine, "begin", _on_begin)
    return engine


def make_server_engine(url: str, *, pooled: bool = True) -> Engine:
    """An engine on a PostgreSQL database through psycopg 3 (imported only now). None of the
    SQLite connection set-up applies: the server enforces foreign keys and runs each
    transaction with its own locking; a dropped connection is noticed before it is used.
    Integers are 64-bit there too (:mod:`sms_desktop.persistence.pg`)."""
    from sms_desktop.persistence.pg import server_engine

    return server_engine(server_url(url), pooled=pooled)


CLOSE_WAIT_S = 10.0  # how long closing waits for another thread's session to end


class DatabaseClosedError(DatabaseError):
    """Work still held a database that was closed (or replaced) meanwhile."""


class SchemaState(Enum):
    EMPTY = auto()  # a new file: create the schema
    CURRENT = auto()
    OLDER = auto()  # migrate (after a backup)
    NEWER = auto()  # written by a newer SMS Desktop: refuse
    FOREIGN = auto()  # tables but no revision: not ours


@dataclass(frozen=True, slots=True)
class SchemaInfo:
    state: SchemaState
    revision: str | None
    head: str


class Database:
    """One open database: the engine and the two kinds of session a service may use.

    ``path`` is the SQLite file; a server database (``path`` None) has none, and asking
    for it raises :class:`DatabaseError` (the file-only features: backups, the lock)."""

    def __init__(self, path: Path | None, engine: Engine) -> None:
        self._path = path
        self.engine = engine
        self._closed = False
        # Sessions open per thread: closing waits for other threads' sessions to end.
        self._sessions: Counter[int] = Counter()
        self._sessions_changed = threading.Condition()
        self._read = sessionmaker(engine, expire_on_commit=False)
        self._write = sessionmaker(
            engine.execution_options(sqlite_immediate=True), expire_on_commit=False
        )
        from sms_desktop.persistence.changes import ChangeFeed, watch
        from sms_desktop.persistence.search import register_search_sync

        # Every ORM flush keeps the customer search index in step, in the same transaction.
        register_search_sync(self._read, self._write)
        # Every commit tells the open views what it changed.
        self.changes = ChangeFeed()
        watch(engine, (self._read, self._write), self.changes)

    @property
    def path(self) -> Path:
        if self._path is None:
            raise DatabaseError(
                translate("Database", "{url} is a server database: it has no file.").format(
                    url=self.location
                )
            )
        return self._path

    @property
    def is_server(self) -> bool:
        """A database on a server (the team edition), not a local file."""
        return self._path is None

    @property
    def location(self) -> str:
        """The file, or the server URL without its password: for messages and logs."""
        if self._path is not None:
            return str(self._path)
        return self.engine.url.render_as_string(hide_password=True)

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One user action that writes: ``BEGIN IMMEDIATE`` … commit, or roll back on error."""
        with self._in_session(), self._write.begin() as session:
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only unit of work (a deferred transaction, rolled back at the end)."""
        with self._in_session(), self._read() as session:
            try:
                yield session
            finally:
                session.rollback()

    def close(self) -> None:
        """Close every connection; later reads and writes are refused, so work that still
        holds this object (a timer, a background job) can't reopen the file while it is being
        restored or replaced. A session another thread is still in (a background read) is
        waited for, at most ``CLOSE_WAIT_S``: its connection would keep a lock on the file."""
        me = threading.get_ident()
        with self._sessions_changed:
            self._closed = True
            self._sessions_changed.wait_for(
                lambda: not any(thread != me for thread in self._sessions), CLOSE_WAIT_S
            )
        self.engine.dispose()

    @contextmanager
    def _in_session(self) -> Iterator[None]:
        me = threading.get_ident()
        with self._sessions_changed:
            self._check_open()
            self._sessions[me] += 1
        try:
            yield
        finally:
            with self._sessions_changed:
                self._sessions[me] -= 1
                if not self._sessions[me]:
                    del self._sessions[me]
                self._sessions_changed.notify_all()

    def _check_open(self) -> None:
        if self._closed:
            raise DatabaseClosedError(translate("Database", "The database was closed."))


def schema_info(path: Path) -> SchemaInfo:
    head = HEAD_REVISION
    con = sqlite3.connect(path)
    try:
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        revision: str | None = None
        if "alembic_version" in tables:
            row = con.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(
            translate("Database", "{path} is not an SMS Desktop database ({error}).").format(
                path=str(path), error=str(exc)
            )
        ) from exc
    finally:
        con.close()
    user_tables = {t for t in tables if not t.startswith("sqlite_")}
    return _schema_info(revision, bool(user_tables), head)


def _schema_info(revision: str | None, has_tables: bool, head: str) -> SchemaInfo:
    """What a database at ``revision`` (None: no ``alembic_version``) is to this app."""
    if revision is None:
        state = SchemaState.EMPTY if not has_tables else SchemaState.FOREIGN
    elif revision == head:
        state = SchemaState.CURRENT
    else:
        from sms_desktop.persistence import migrations

        state = SchemaState.OLDER if revision in migrations.known_revisions() else SchemaState.NEWER
    return SchemaInfo(state, revision, head)


def server_schema_info(engine: Engine) -> SchemaInfo:
    """:func:`schema_info` of a server database (its ``public`` schema)."""
    head = HEAD_REVISION
    with engine.connect() as conn:
        tables = set(inspect(conn).get_table_names())
        revision: str | None = None
        if "alembic_version" in tables:
            revision = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
        conn.rollback()
    return _schema_info(revision, bool(tables), head)


def open_server_database(url: str) -> Database:
    """Open a PostgreSQL database (the team edition), creating or upgrading its schema.

    The admin created the database (empty); the app creates the tables. No file lock and no
    file backup: several users share the server, which keeps its own backups. A schema newer
    than the app, or tables that are not ours, raise :class:`DatabaseError`."""
    engine = make_server_engine(url)
    shown = engine.url.render_as_string(hide_password=True)
    try:
        info = server_schema_info(engine)
        if info.state is SchemaState.NEWER:
            raise DatabaseError(newer_database_message(shown, info.revision))
        if info.state is SchemaState.FOREIGN:
            raise DatabaseError(
                translate("Database", "{path} is not an SMS Desktop database.").format(path=shown)
            )
        if info.state is not SchemaState.CURRENT:
            from sms_desktop.persistence import migrations

            migrations.upgrade(url)
    except BaseException:
        engine.dispose()
        raise
    return Database(None, engine)


def open_database(path: Path | str, *, backup_before_migrate: bool = True) -> Database:
    """Open (creating or migrating as needed) the database at ``path``, a file or a server
    URL (:func:`open_server_database`).

    The caller holds the instance lock. A database written by a newer version of
    the app, or a file that is not ours, raises :class:`DatabaseError`.
    """
    if isinstance(path, str):
        if is_server_url(path):
            return open_server_database(path)
        path = Path(path)
    path = path.expanduser()
    if path.is_dir():
        raise DatabaseError(
            translate("Database", "{path} is a folder, not a database file.").format(path=str(path))
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    info = schema_info(path)
    if info.state is SchemaState.NEWER:
        raise DatabaseError(newer_database_message(path, info.revision))
    if info.state is SchemaState.FOREIGN:
        raise DatabaseError(
            translate("Database", "{path} is not an SMS Desktop database.").format(path=str(path))
        )
    if info.state is SchemaState.OLDER and backup_before_migrate:
        from sms_desktop.persistence.backup import backup_database

        backup_database(path, reason=f"before-migration-{info.revision}")
    if info.state is not SchemaState.CURRENT:
        from sms_desktop.persistence import migrations

        migrations.upgrade(path)
    return Database(path, make_engine(path))


def table_names(engine: Engine) -> list[str]:
    return inspect(engine).get_table_names()
