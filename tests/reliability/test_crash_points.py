"""Crashes at exact points, simulated in-process: the step that would run next never runs.

The SIGKILL tests hit random moments; these hit the narrow ones deterministically, with a
database whose latest commits are still in its WAL (as after a crash of the app).
"""

from __future__ import annotations

import os
from pathlib import Path
from types import SimpleNamespace

import pytest

from sms_desktop.persistence import backup as backup_module
from sms_desktop.persistence.backup import backup_database, list_backups
from sms_desktop.persistence.db import Database
from sms_desktop.persistence.paths import backup_dir
from tests.dbtemplate import migrated_database
from tests.persistence.dbutil import (
    add_owner,
    integrity,
    leave_wal,
    marker,
    read_all,
    set_marker,
)


class Crash(BaseException):
    """The process dies here."""


@pytest.fixture
def wal_db(db_path: Path) -> Path:
    """A database whose newest committed change lives only in its WAL."""
    migrated_database(db_path)
    set_marker(db_path, "MINE")
    leave_wal(
        db_path,
        "UPDATE settings SET value = 'MINE-IN-WAL' WHERE key = 'marker'",
        "INSERT INTO tags(name) VALUES ('only-in-wal')",
    )
    assert marker(db_path) == "MINE-IN-WAL"
    return db_path


def crash_on_replace_into(monkeypatch: pytest.MonkeyPatch, target: Path) -> None:
    real_replace = os.replace

    def replace(src: object, dst: object) -> None:
        if Path(str(dst)) == target:
            raise Crash
        real_replace(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", replace)


def fake_populate(db: Database, **_: object) -> SimpleNamespace:
    from sms_desktop.persistence import models as m

    with db.write() as session:
        session.add(m.Tag(name="demo"))
    return SimpleNamespace(counts={"tags": 1})


def test_crash_just_before_the_demo_rename_keeps_the_old_database_whole(
    wal_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sms_desktop.demo import build, generator

    rows = read_all(wal_db)
    monkeypatch.setattr(generator, "populate", fake_populate)
    crash_on_replace_into(monkeypatch, wal_db)
    with pytest.raises(Crash):
        build.create_demo_database(wal_db, customers=1, replace=True)
    monkeypatch.undo()
    (kept,) = list_backups(wal_db)
    assert marker(kept.path) == "MINE-IN-WAL"  # the backup has it …
    assert marker(wal_db) == "MINE-IN-WAL"  # … and so must the database still in place
    assert read_all(wal_db) == rows
    assert integrity(wal_db) == ["ok"]


def test_crash_just_before_the_restore_rename_keeps_the_old_database_whole(
    wal_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = migrated_database(tmp_path / "source.sqlite3")
    add_owner(source)
    set_marker(source, "NEW")
    rows = read_all(wal_db)
    crash_on_replace_into(monkeypatch, wal_db)
    with pytest.raises(Crash):
        backup_module.restore_database(source, wal_db)
    monkeypatch.undo()
    assert marker(wal_db) == "MINE-IN-WAL"
    assert read_all(wal_db) == rows
    assert integrity(wal_db) == ["ok"]
    # The next attempt (after the app's clean_leftovers) succeeds.
    backup_module.clean_leftovers(wal_db)
    backup_module.restore_database(source, wal_db)
    assert marker(wal_db) == "NEW"


def test_crash_just_before_a_backup_is_renamed_leaves_no_backup(
    wal_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = backup_dir(wal_db)
    real_replace = os.replace

    def replace(src: object, dst: object) -> None:
        if str(src).endswith(".part"):
            raise Crash
        real_replace(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(Crash):
        backup_database(wal_db)
    monkeypatch.undo()
    assert list_backups(wal_db) == []  # a half-made backup is never listed
    assert [p.suffix for p in folder.iterdir()] == [".part"]
    backup_module.clean_leftovers(wal_db)
    assert list(folder.iterdir()) == []
    assert marker(wal_db) == "MINE-IN-WAL"
