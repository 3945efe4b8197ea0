"""Hardening found by an outside audit (issue 21): restore, locks and links, damaged or
emptied files, a newer database, and output paths."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest

from sms_desktop.cli import main
from sms_desktop.persistence.backup import BackupError, backup_database, list_backups
from sms_desktop.services.workspace import initialize_empty, open_workspace, restore_into
from tests.persistence.dbutil import checkpoint, connect, marker, set_marker, sha256


@pytest.fixture
def live_db(db_path: Path) -> Path:
    """A database as the app leaves it: owner, stages, a marker; closed, without WAL."""
    workspace = open_workspace(db_path)
    initialize_empty(workspace.db, company_name="明达贸易", owner_name="王明")
    workspace.close(backup=False)
    set_marker(db_path, "LIVE")
    checkpoint(db_path)
    return db_path


def _hollow(path: Path) -> Path:
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE alembic_version(version_num VARCHAR(32) PRIMARY KEY)")
    con.execute("INSERT INTO alembic_version VALUES ('0006')")
    con.commit()
    con.close()
    return path


def _foreign(path: Path) -> Path:
    rng = random.Random(21)
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE readings (id INTEGER PRIMARY KEY, value REAL, note TEXT)")
    con.executemany(
        "INSERT INTO readings (value, note) VALUES (?, ?)",
        [(rng.random(), rng.randbytes(40).hex()) for _ in range(2000)],
    )
    con.commit()
    con.close()
    return path


def _truncated(live: Path, path: Path) -> Path:
    copy = backup_database(live, dest=path)
    con = connect(copy)
    con.execute("CREATE TABLE filler (x BLOB)")
    con.executemany("INSERT INTO filler VALUES (?)", [(b"x" * 4000,) for _ in range(200)])
    con.close()
    data = copy.read_bytes()
    copy.write_bytes(data[: len(data) // 2])
    return copy


def _newer(live: Path, path: Path) -> Path:
    copy = backup_database(live, dest=path)
    con = connect(copy)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.close()
    return copy


def _no_owner(live: Path, path: Path) -> Path:
    copy = backup_database(live, dest=path)
    con = connect(copy)
    con.execute("PRAGMA foreign_keys = OFF")
    con.execute("DELETE FROM salespeople")
    con.close()
    return copy


def _older_hollow(path: Path) -> Path:
    """A known older revision whose tables are missing: its upgrade can't work."""
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE alembic_version(version_num VARCHAR(32) PRIMARY KEY)")
    con.execute("INSERT INTO alembic_version VALUES ('0003')")
    con.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY)")
    con.commit()
    con.close()
    return path


@pytest.fixture(
    params=["hollow", "foreign", "truncated", "newer", "no owner", "older hollow", "empty"]
)
def bad_backup(request: pytest.FixtureRequest, live_db: Path, tmp_path: Path) -> Path:
    target = tmp_path / "candidate.sqlite3"
    kind = request.param
    if kind == "hollow":
        return _hollow(target)
    if kind == "foreign":
        return _foreign(target)
    if kind == "truncated":
        return _truncated(live_db, target)
    if kind == "newer":
        return _newer(live_db, target)
    if kind == "no owner":
        return _no_owner(live_db, target)
    if kind == "older hollow":
        return _older_hollow(target)
    target.write_bytes(b"")
    return target


def _leftovers(folder: Path) -> list[str]:
    return sorted(
        p.name for p in folder.iterdir() if ".restoring" in p.name or p.name.endswith(".part")
    )


def test_restore_refuses_an_unusable_file_and_leaves_the_database_alone(
    live_db: Path, bad_backup: Path
) -> None:
    before = sha256(live_db)
    with pytest.raises(BackupError) as caught:
        restore_into(live_db, bad_backup)
    text = caught.value.render()
    assert "\n" not in text
    assert "nothing was restored" in text or "install the newer version" in text
    assert sha256(live_db) == before
    assert list_backups(live_db) == []  # nothing was even backed up
    assert _leftovers(live_db.parent) == []
    workspace = open_workspace(live_db)  # and the app still opens it
    try:
        assert workspace.services.settings.company().name == "明达贸易"
    finally:
        workspace.close(backup=False)


def test_cli_restore_of_a_hollow_file_is_refused_and_check_still_works(
    live_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hollow = _hollow(tmp_path / "h.sqlite3")
    assert main(["restore", str(hollow), "--db", str(live_db)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "incomplete" in err
    assert main(["check", "--db", str(live_db)]) == 0
    assert "Integrity: ok" in capsys.readouterr().out


def test_restore_of_a_newer_database_says_to_install_the_newer_version(
    live_db: Path, tmp_path: Path
) -> None:
    newer = _newer(live_db, tmp_path / "newer.sqlite3")
    with pytest.raises(BackupError) as caught:
        restore_into(live_db, newer)
    assert "created by a newer SMS Desktop (revision 9999)" in caught.value.render()
    assert "install the newer version" in caught.value.render()


def test_restore_of_an_older_complete_backup_is_accepted(live_db: Path, tmp_path: Path) -> None:
    from sms_desktop.persistence import migrations
    from sms_desktop.persistence.db import SchemaState, schema_info
    from tests.persistence.dbutil import add_owner

    old = tmp_path / "old.sqlite3"
    migrations.upgrade(old, "0001")
    add_owner(old)
    set_marker(old, "OLD-BACKUP")
    restore_into(live_db, old)
    assert marker(live_db) == "OLD-BACKUP"
    assert schema_info(live_db).state is SchemaState.OLDER  # migrated when the app opens it
    assert _leftovers(live_db.parent) == []
