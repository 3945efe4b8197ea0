"""Engine pragmas, write transactions, transactional DDL, and what open_database accepts."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
from sqlalchemy import select, text

from sms_desktop.domain.enums import SalespersonRole
from sms_desktop.persistence import models as m
from sms_desktop.persistence.base import Base
from sms_desktop.persistence.db import (
    BUSY_TIMEOUT_MS,
    Database,
    DatabaseError,
    SchemaState,
    make_engine,
    open_database,
    schema_info,
    table_names,
)
from sms_desktop.persistence.schema_version import HEAD_REVISION
from tests.persistence.dbutil import NOT_MODELS

PRAGMAS = ("foreign_keys", "journal_mode", "synchronous", "busy_timeout")
EXPECTED = {
    "foreign_keys": 1,
    "journal_mode": "wal",
    "synchronous": 2,
    "busy_timeout": BUSY_TIMEOUT_MS,
}


def _pragmas(conn: object) -> dict[str, object]:
    execute = conn.exec_driver_sql  # type: ignore[attr-defined]
    return {p: execute(f"PRAGMA {p}").scalar() for p in PRAGMAS}


def _raw(path: Path) -> sqlite3.Connection:
    """An outside connection that never waits for a lock and manages its own transactions."""
    return sqlite3.connect(path, timeout=0, isolation_level=None)


# ------------------------------------------------------------------------------ pragmas


def test_busy_timeout_is_ten_seconds() -> None:
    assert BUSY_TIMEOUT_MS == 10_000


def test_every_pooled_connection_has_the_pragmas(db: Database) -> None:
    # Several connections at once, so the pool really opens more than one.
    conns = [db.engine.connect() for _ in range(3)]
    try:
        for conn in conns:
            assert _pragmas(conn) == EXPECTED
    finally:
        for conn in conns:
            conn.close()


def test_pragmas_in_sessions_of_both_kinds(db: Database) -> None:
    with db.write() as session:
        assert _pragmas(session.connection()) == EXPECTED
    with db.read() as session:
        assert _pragmas(session.connection()) == EXPECTED


def test_pragmas_in_a_connection_from_another_thread(db: Database) -> None:
    seen: list[dict[str, object]] = []

    def work() -> None:
        with db.engine.connect() as conn:
            seen.append(_pragmas(conn))
            conn.rollback()

    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    assert seen == [EXPECTED]


def test_unpooled_engine_without_foreign_keys(db_path: Path) -> None:
    engine = make_engine(db_path, foreign_keys=False, pooled=False)
    try:
        for _ in range(2):
            with engine.connect() as conn:
                assert _pragmas(conn) == {**EXPECTED, "foreign_keys": 0}
                conn.rollback()
    finally:
        engine.dispose()


def test_foreign_keys_are_enforced(db: Database) -> None:
    from sqlalchemy.exc import IntegrityError

    with pytest.raises(IntegrityError, match="FOREIGN KEY"), db.write() as session:
        session.add(m.Contact(customer_id=999, name="nobody"))


def test_the_file_is_in_wal_mode(db: Database, db_path: Path) -> None:
    with db.write() as session:
        session.add(m.Tag(name="x"))
    con = sqlite3.connect(db_path)
    try:
        assert con.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    finally:
        con.close()
    assert db_path.with_name(db_path.name + "-wal").exists()


# -------------------------------------------------------------------------- transactions


def test_write_takes_the_write_lock_at_begin(db: Database, db_path: Path) -> None:
    outsider = _raw(db_path)
    try:
        with db.write() as session:
            # Nothing written yet in this unit of work: the lock comes from BEGIN IMMEDIATE.
            session.connection()
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                outsider.execute("INSERT INTO tags(name) VALUES ('outsider')")
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                outsider.execute("BEGIN IMMEDIATE")
            # Readers are never blocked (WAL).
            assert outsider.execute("SELECT count(*) FROM tags").fetchone() == (0,)
            session.add(m.Tag(name="inside"))
        # After the commit the outsider can write and sees the committed row.
        outsider.execute("INSERT INTO tags(name) VALUES ('outsider')")
        names = [r[0] for r in outsider.execute("SELECT name FROM tags ORDER BY id")]
        assert names == ["inside", "outsider"]
    finally:
        outsider.close()


def test_read_does_not_take_the_write_lock(db: Database, db_path: Path) -> None:
    outsider = _raw(db_path)
    try:
        with db.read() as session:
            assert session.scalars(select(m.Tag.name)).all() == []
            outsider.execute("INSERT INTO tags(name) VALUES ('outsider')")
            # The read transaction keeps its snapshot.
            assert session.scalars(select(m.Tag.name)).all() == []
        with db.read() as session:
            assert session.scalars(select(m.Tag.name)).all() == ["outsider"]
    finally:
        outsider.close()


class BoomError(Exception):
    pass


def _write_then_fail(db: Database) -> None:
    with db.write() as session:
        session.add(m.Tag(name="lost"))
        session.flush()
        raise BoomError


def test_write_rolls_back_on_error(db: Database) -> None:
    with pytest.raises(BoomError):
        _write_then_fail(db)
    with db.read() as session:
        assert session.scalars(select(m.Tag)).all() == []


def test_write_commits_and_read_models_survive_the_session(db: Database) -> None:
    with db.write() as session:
        owner = m.Salesperson(name="王伟", role=SalespersonRole.OWNER)
        session.add(owner)
    assert owner.id is not None
    assert owner.name == "王伟"  # expire_on_commit=False: no lazy load needed


def test_driver_does_not_open_transactions_itself(db: Database) -> None:
    with db.engine.connect() as conn:
        dbapi = conn.connection.dbapi_connection
        assert dbapi is not None
        assert dbapi.isolation_level is None
        conn.rollback()


def test_ddl_is_transactional(db: Database) -> None:
    with db.engine.connect() as conn:
        conn.exec_driver_sql("CREATE TABLE scratch (id INTEGER PRIMARY KEY)")
        conn.exec_driver_sql("INSERT INTO scratch VALUES (1)")
        conn.exec_driver_sql("DROP TABLE tags")
        assert conn.in_transaction()
        conn.rollback()
    tables = table_names(db.engine)
    assert "scratch" not in tables
    assert "tags" in tables


def test_ddl_commits_with_the_transaction(db: Database) -> None:
    with db.engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE scratch (id INTEGER PRIMARY KEY)")
    assert "scratch" in table_names(db.engine)


def test_a_waiting_writer_gets_in_after_the_commit(db: Database, db_path: Path) -> None:
    """A second writer waits (busy timeout) instead of failing while the first commits."""
    entered = threading.Event()
    release = threading.Event()
    order: list[str] = []

    def first() -> None:
        with db.write() as session:
            session.add(m.Tag(name="first"))
            session.flush()
            entered.set()
            release.wait(10)
            order.append("first committed")

    def second() -> None:
        entered.wait(10)
        with db.write() as session:
            session.connection()  # BEGIN IMMEDIATE: waits for the first writer's commit
            order.append("second began")
            session.add(m.Tag(name="second"))

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for t in threads:
        t.start()
    entered.wait(10)
    release.set()
    for t in threads:
        t.join(15)
    assert order == ["first committed", "second began"]
    with db.read() as session:
        assert session.scalars(select(m.Tag.name).order_by(m.Tag.id)).all() == ["first", "second"]


# ------------------------------------------------------------------------ schema states


def test_new_file_is_empty(db_path: Path) -> None:
    info = schema_info(db_path)
    assert info.state is SchemaState.EMPTY
    assert info.revision is None
    assert info.head == HEAD_REVISION


def test_zero_byte_file_is_empty(db_path: Path) -> None:
    db_path.write_bytes(b"")
    assert schema_info(db_path).state is SchemaState.EMPTY


def test_open_database_creates_the_schema(db_path: Path) -> None:
    database = open_database(db_path)
    try:
        info = schema_info(db_path)
        assert info.state is SchemaState.CURRENT
        assert info.revision == HEAD_REVISION
        tables = set(table_names(database.engine))
        assert tables - NOT_MODELS == set(Base.metadata.tables)
        assert "alembic_version" in tables
        assert database.path == db_path
    finally:
        database.close()


def test_open_database_twice_keeps_data(db_path: Path) -> None:
    first = open_database(db_path)
    with first.write() as session:
        session.add(m.Tag(name="kept"))
    first.close()
    second = open_database(db_path)
    try:
        with second.read() as session:
            assert session.scalars(select(m.Tag.name)).all() == ["kept"]
    finally:
        second.close()


def test_open_database_creates_missing_folders(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "shop.sqlite3"
    database = open_database(path)
    database.close()
    assert schema_info(path).state is SchemaState.CURRENT


def _set_revision(path: Path, revision: str) -> None:
    con = sqlite3.connect(path, isolation_level=None)
    try:
        con.execute("UPDATE alembic_version SET version_num = ?", (revision,))
    finally:
        con.close()


def test_newer_database_is_refused(db: Database, db_path: Path) -> None:
    db.close()
    _set_revision(db_path, "9999_from_the_future")
    info = schema_info(db_path)
    assert info.state is SchemaState.NEWER
    assert info.revision == "9999_from_the_future"
    before = db_path.read_bytes()
    with pytest.raises(DatabaseError) as caught:
        open_database(db_path)
    text_ = caught.value.render()
    assert "newer version" in text_
    assert "9999_from_the_future" in text_
    assert str(db_path) in text_
    assert db_path.read_bytes() == before  # not touched, not "upgraded"
    assert not (db_path.parent / "backups").exists()


def test_foreign_database_is_refused(db_path: Path) -> None:
    con = sqlite3.connect(db_path)
    con.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    con.execute("INSERT INTO invoices VALUES (1, 9.5)")
    con.commit()
    con.close()
    assert schema_info(db_path).state is SchemaState.FOREIGN
    with pytest.raises(DatabaseError) as caught:
        open_database(db_path)
    assert "not an SMS Desktop database" in caught.value.render()
    con = sqlite3.connect(db_path)
    try:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        assert tables == ["invoices"]  # nothing was added
    finally:
        con.close()


@pytest.mark.parametrize(
    "content",
    [
        b"hello, this is a text file\n" * 200,
        b"PK\x03\x04" + bytes(range(256)) * 40,
        b"SQLite format 3\x00" + b"\xff" * 4000,
    ],
)
def test_non_sqlite_file_is_refused(db_path: Path, content: bytes) -> None:
    db_path.write_bytes(content)
    with pytest.raises(DatabaseError) as caught:
        schema_info(db_path)
    assert "not an SMS Desktop database" in caught.value.render()
    with pytest.raises(DatabaseError):
        open_database(db_path)
    assert db_path.read_bytes() == content


def test_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "shop.sqlite3"
    folder.mkdir()
    with pytest.raises(DatabaseError) as caught:
        open_database(folder)
    assert "is a folder" in caught.value.render()
    assert list(folder.iterdir()) == []


def test_open_database_expands_the_home_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    database = open_database(Path("~/shop.sqlite3"))
    try:
        assert database.path == tmp_path / "shop.sqlite3"
        assert (tmp_path / "shop.sqlite3").is_file()
    finally:
        database.close()


def test_raw_sql_sees_the_same_data_as_the_orm(db: Database) -> None:
    with db.write() as session:
        session.execute(text("INSERT INTO tags(name, color) VALUES ('vip', '#ff0000')"))
    with db.read() as session:
        tag = session.scalars(select(m.Tag)).one()
        assert (tag.name, tag.color) == ("vip", "#ff0000")
