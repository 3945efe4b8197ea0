"""What committed writes changed: the change feed every open view listens to.

Every transaction on a :class:`~sms_desktop.persistence.db.Database` is watched at the engine:
the ORM's flushes record the tables and primary keys of the rows they insert, update or
delete, and any other INSERT/UPDATE/DELETE records its table. When the transaction commits,
one :class:`Changes` is published to the database's :class:`ChangeFeed`; a rollback drops it.
So no service has to remember to announce anything, undo and redo included.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.sql.dml import UpdateBase

_PENDING = "sms_pending_changes"
_FLUSHING = "sms_flushing"


@dataclass(frozen=True, slots=True)
class Changes:
    """The tables one or more commits wrote to, and the row ids where they are known.

    ``ids[table]`` lists rows known to have changed; a table in ``tables`` without a complete
    id list (``table in unknown``) changed in rows we can't name (a bulk statement).
    """

    tables: frozenset[str]
    ids: Mapping[str, frozenset[int]] = field(default_factory=dict)
    unknown: frozenset[str] = frozenset()

    def touches(self, tables: Iterable[str]) -> bool:
        return not self.tables.isdisjoint(tables)

    def may_touch(self, table: str, row_id: int) -> bool:
        """Whether row ``row_id`` of ``table`` may have changed."""
        if table not in self.tables:
            return False
        return table in self.unknown or row_id in self.ids.get(table, frozenset())

    def merged(self, other: Changes) -> Changes:
        ids = dict(self.ids)
        for table, rows in other.ids.items():
            ids[table] = ids.get(table, frozenset()) | rows
        return Changes(self.tables | other.tables, ids, self.unknown | other.unknown)


class ChangeFeed:
    """Subscribers are called with each committed :class:`Changes`, in the committing thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._subscribers: list[Callable[[Changes], None]] = []

    def subscribe(self, callback: Callable[[Changes], None]) -> Callable[[], None]:
        """Add ``callback``; returns the function that removes it again."""
        with self._lock:
            self._subscribers.append(callback)

        def unsubscribe() -> None:
            with self._lock:
                if callback in self._subscribers:
                    self._subscribers.remove(callback)

        return unsubscribe

    def publish(self, changes: Changes) -> None:
        with self._lock:
            subscribers = list(self._subscribers)
        for callback in subscribers:
            callback(changes)


class _Pending:
    """What the open transaction of one connection has written so far."""

    def __init__(self) -> None:
        self.ids: dict[str, set[int]] = {}
        self.unknown: set[str] = set()

    def add(self, table: str, row_id: Any = None) -> None:
        rows = self.ids.setdefault(table, set())
        if isinstance(row_id, int):
            rows.add(row_id)
        else:
            self.unknown.add(table)

    def changes(self) -> Changes | None:
        if not self.ids:
            return None
        return Changes(
            frozenset(self.ids),
            {t: frozenset(r) for t, r in self.ids.items() if r},
            frozenset(self.unknown),
        )


def _pending(conn: Connection) -> _Pending:
    pending = conn.info.get(_PENDING)
    if pending is None:
        pending = conn.info[_PENDING] = _Pending()
    return pending


# The table a driver-level INSERT / UPDATE / DELETE writes (its rows are not known).
_WRITE = re.compile(
    r"\s*(?:INSERT(?:\s+OR\s+\w+)?\s+INTO|UPDATE|DELETE\s+FROM)\s+\"?(\w+)\"?", re.IGNORECASE
)


def watch(engine: Engine, sessions: Iterable[sessionmaker[Session]], feed: ChangeFeed) -> None:
    """Publish to ``feed`` what every committed transaction on ``engine`` changed."""

    @event.listens_for(engine, "after_execute")
    def _after_execute(conn: Connection, clause: Any, *_args: Any) -> None:
        if isinstance(clause, UpdateBase) and not conn.info.get(_FLUSHING):
            table = getattr(clause, "table", None)
            name = getattr(table, "name", None)
            if isinstance(name, str):
                _pending(conn).add(name)

    @event.listens_for(engine, "after_cursor_execute")
    def _after_driver_sql(
        conn: Connection, _cursor: Any, statement: str, _params: Any, context: Any, _many: bool
    ) -> None:
        # exec_driver_sql (the import's fast writes) has no compiled statement and no
        # after_execute event: its table is read from the SQL.
        if context is None or context.compiled is not None or conn.info.get(_FLUSHING):
            return
        written = _WRITE.match(statement)
        if written:
            _pending(conn).add(written.group(1))

    @event.listens_for(engine, "commit")
    def _commit(conn: Connection) -> None:
        pending = conn.info.pop(_PENDING, None)
        changes = pending.changes() if pending is not None else None
        if changes is not None:
            feed.publish(changes)

    @event.listens_for(engine, "rollback")
    def _rollback(conn: Connection) -> None:
        conn.info.pop(_PENDING, None)

    for factory in sessions:
        event.listen(factory, "before_flush", _before_flush)
        event.listen(factory, "after_flush", _after_flush)
        event.listen(factory, "after_flush_postexec", _after_flush_postexec)


def _before_flush(session: Session, *_args: Any) -> None:
    session.connection().info[_FLUSHING] = True


def _after_flush(session: Session, *_args: Any) -> None:
    pending = _pending(session.connection())
    for obj in (*session.new, *session.dirty, *session.deleted):
        if obj in session.dirty and not session.is_modified(obj):
            continue
        mapper = inspect(obj).mapper
        table = getattr(mapper.local_table, "name", None)
        if not isinstance(table, str):
            continue
        key = mapper.primary_key_from_instance(obj)
        pending.add(table, key[0] if len(key) == 1 else None)


def _after_flush_postexec(session: Session, *_args: Any) -> None:
    session.connection().info.pop(_FLUSHING, None)
