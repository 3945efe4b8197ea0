"""The change feed: each committed write says which tables (and rows) it changed."""

from __future__ import annotations

import pytest
from sqlalchemy import update

from sms_desktop.domain.errors import ValidationError
from sms_desktop.persistence import models as m
from sms_desktop.persistence.changes import Changes
from sms_desktop.persistence.db import Database
from sms_desktop.services.customers import CustomerInput
from sms_desktop.services.registry import Services


@pytest.fixture
def seen(db: Database) -> list[Changes]:
    received: list[Changes] = []
    db.changes.subscribe(received.append)
    return received


def test_a_service_write_announces_its_tables_and_rows(
    services: Services, seen: list[Changes]
) -> None:
    customer_id = services.customers.create(CustomerInput(name="明达贸易"))
    (changes,) = seen
    assert "customers" in changes.tables
    assert changes.may_touch("customers", customer_id)
    assert not changes.may_touch("customers", customer_id + 1)

    services.customers.update(customer_id, CustomerInput(name="明达贸易有限公司"))
    assert seen[-1].may_touch("customers", customer_id)


def test_reads_and_refused_writes_announce_nothing(services: Services, seen: list[Changes]) -> None:
    services.customers.create(CustomerInput(name="华夏"))
    seen.clear()
    with pytest.raises(ValidationError):
        services.customers.create(CustomerInput(name="  "))
    with services.db.read() as session:
        session.get(m.Customer, 1)
    assert seen == []


def test_a_bulk_statement_names_its_table_with_unknown_rows(
    db: Database, services: Services, seen: list[Changes]
) -> None:
    services.customers.create(CustomerInput(name="华夏"))
    seen.clear()
    with db.write() as session:
        session.execute(update(m.Customer).values(notes="x"))
    (changes,) = seen
    assert changes.tables == {"customers"} and "customers" in changes.unknown
    assert changes.may_touch("customers", 12345)


def test_a_rolled_back_transaction_announces_nothing(db: Database, seen: list[Changes]) -> None:
    def write_then_fail() -> None:
        with db.write() as session:
            session.add(m.Customer(name="临时"))
            session.flush()
            raise RuntimeError

    with pytest.raises(RuntimeError):
        write_then_fail()
    assert seen == []


def test_unsubscribe(db: Database, services: Services) -> None:
    received: list[Changes] = []
    unsubscribe = db.changes.subscribe(received.append)
    unsubscribe()
    services.customers.create(CustomerInput(name="华夏"))
    assert received == []


def test_merged_changes_keep_every_table_and_row() -> None:
    a = Changes(frozenset({"customers"}), {"customers": frozenset({1})})
    b = Changes(
        frozenset({"customers", "orders"}), {"customers": frozenset({2})}, frozenset({"orders"})
    )
    both = a.merged(b)
    assert both.tables == {"customers", "orders"}
    assert both.may_touch("customers", 1) and both.may_touch("customers", 2)
    assert both.may_touch("orders", 99) and not both.may_touch("customers", 3)


def test_a_closed_database_refuses_work_instead_of_reopening_the_file(db: Database) -> None:
    """A timer or background job still holding a closed database (during a restore) must
    not open a new connection on the file being replaced ("database is locked")."""
    from sms_desktop.persistence.db import DatabaseClosedError

    db.close()
    with pytest.raises(DatabaseClosedError), db.read():
        pass
    with pytest.raises(DatabaseClosedError), db.write():
        pass


def test_closing_waits_for_a_session_another_thread_is_in(db: Database) -> None:
    """A background read still running when a restore closes the database would keep its
    lock on the file ("Restore failed: database is locked"): closing waits for it to end."""
    import sqlite3
    import threading

    from sqlalchemy import select

    reading, may_finish = threading.Event(), threading.Event()
    finished: list[bool] = []

    def background_read() -> None:
        with db.read() as session:
            session.execute(select(m.Customer.id)).all()  # holds the file's shared lock
            reading.set()
            may_finish.wait(5)
            finished.append(True)

    worker = threading.Thread(target=background_read)
    worker.start()
    assert reading.wait(5)
    threading.Timer(0.2, may_finish.set).start()
    db.close()
    assert finished == [True]  # close returned only after the read had ended
    con = sqlite3.connect(db.path, timeout=0)
    try:
        con.execute("BEGIN EXCLUSIVE")  # nothing holds the file any more
        con.rollback()
    finally:
        con.close()
    worker.join()


def test_a_driver_level_statement_names_its_table(db: Database, seen: list[Changes]) -> None:
    """The import writes through exec_driver_sql for speed: its tables are announced too,
    so every open tab shows the imported rows."""
    with db.write() as session:
        session.connection().exec_driver_sql("INSERT INTO tags (name) VALUES ('经销商')")
        session.connection().exec_driver_sql("UPDATE tags SET name = name")
        session.connection().exec_driver_sql("SELECT count(*) FROM customers")
    (changes,) = seen
    assert changes.tables == {"tags"} and changes.touches({"tags"})
    assert "tags" in changes.unknown
