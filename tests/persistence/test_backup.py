"""Backups: consistent copies (never a file copy), rotation, checks, restore and leftovers."""

from __future__ import annotations

import os
import shutil
import sqlite3
import threading
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from sms_desktop.persistence.backup import (
    BackupError,
    BackupInfo,
    backup_database,
    backups_to_prune,
    clean_leftovers,
    latest_good_backup,
    list_backups,
    needs_backup,
    quick_check,
    restore_database,
    rotate_backups,
    set_aside,
)
from sms_desktop.persistence.db import Database, open_database
from sms_desktop.persistence.paths import backup_dir
from tests.dbtemplate import migrated_database
from tests.persistence.dbutil import (
    add_bulk,
    add_owner,
    add_tags,
    checkpoint,
    connect,
    count,
    damage,
    integrity,
    leave_wal,
    marker,
    read_all,
    set_marker,
    sha256,
)

NOW = datetime(2026, 3, 15, 13, 0, tzinfo=UTC)


@pytest.fixture
def closed_db(db_path: Path) -> Path:
    """A migrated database with a little data and no open connection."""
    migrated_database(db_path)
    add_owner(db_path)
    add_tags(db_path, 50)
    set_marker(db_path, "OLD")
    return db_path


def _journal_mode(path: Path) -> str:
    con = sqlite3.connect(path)
    try:
        return str(con.execute("PRAGMA journal_mode").fetchone()[0])
    finally:
        con.close()


# ------------------------------------------------------------------------------ backup


def test_backup_is_a_checked_standalone_copy(closed_db: Path) -> None:
    progress: list[tuple[int, int]] = []
    dest = backup_database(closed_db, now=NOW, progress=lambda d, t: progress.append((d, t)))
    assert dest == backup_dir(closed_db) / "shop-20260315-130000.sqlite3"
    assert dest.parent == closed_db.parent / "backups"
    assert read_all(dest) == read_all(closed_db)
    assert quick_check(dest) == []
    assert _journal_mode(dest) == "delete"  # no WAL side file to lose when mailed
    assert not dest.with_name(dest.name + "-wal").exists()
    assert not dest.with_name(dest.name + ".part").exists()
    assert progress, "progress was never reported"
    assert progress[-1][0] == progress[-1][1] > 0
    assert all(done <= total for done, total in progress)


def test_backup_with_a_reason_and_an_explicit_destination(closed_db: Path, tmp_path: Path) -> None:
    tagged = backup_database(closed_db, reason="manual", now=NOW)
    assert tagged.name == "shop-20260315-130000-manual.sqlite3"
    out = tmp_path / "elsewhere" / "copy.sqlite3"
    assert backup_database(closed_db, dest=out) == out
    assert marker(out) == "OLD"
    assert [b.reason for b in list_backups(closed_db)] == ["manual"]  # out is not listed


def test_backup_includes_committed_data_still_in_the_wal(
    db: Database, db_path: Path, tmp_path: Path
) -> None:
    add_tags(db_path, 10, "before")
    checkpoint(db_path)
    keeper = connect(db_path)  # an open connection: the WAL is not checkpointed on close
    try:
        keeper.execute("SELECT count(*) FROM tags").fetchone()
        add_tags(db_path, 500, "in-wal")
        assert db_path.with_name(db_path.name + "-wal").stat().st_size > 0
        dest = backup_database(db_path)
        # A file copy of the main file alone would have lost them:
        naive = tmp_path / "naive.sqlite3"
        shutil.copyfile(db_path, naive)
        assert count(naive, "tags", "name LIKE 'in-wal-%'") == 0
    finally:
        keeper.close()
    assert count(dest, "tags", "name LIKE 'in-wal-%'") == 500
    assert count(dest, "tags") == 510
    assert quick_check(dest) == []


def test_backup_includes_a_wal_left_by_a_crash(closed_db: Path) -> None:
    leave_wal(closed_db, "UPDATE settings SET value = 'IN-WAL' WHERE key = 'marker'")
    dest = backup_database(closed_db)
    assert marker(dest) == "IN-WAL"


def test_backup_while_another_connection_keeps_writing(closed_db: Path) -> None:
    con = connect(closed_db)
    con.execute("DELETE FROM tags")  # ids start again at 1
    con.close()
    stop = threading.Event()
    started = threading.Event()
    written: list[int] = []
    errors: list[BaseException] = []

    def writer() -> None:
        try:
            con = connect(closed_db)
            con.execute("PRAGMA busy_timeout = 10000")
            i = 0
            while not stop.is_set():
                i += 1
                con.execute("BEGIN IMMEDIATE")
                con.execute("INSERT INTO tags(name) VALUES (?)", (f"w{i}",))
                con.execute("COMMIT")
                written.append(i)
                if i == 200:
                    started.set()
            con.close()
        except BaseException as exc:  # reported below
            errors.append(exc)
            started.set()

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        assert started.wait(30)
        before = count(closed_db, "tags")
        dest = backup_database(closed_db)
        after = count(closed_db, "tags")
    finally:
        stop.set()
        thread.join(30)
    assert errors == []
    assert before >= 200
    assert quick_check(dest) == []
    con = sqlite3.connect(dest)
    try:
        n, low, high = con.execute("SELECT count(*), min(id), max(id) FROM tags").fetchone()
        names = {r[0] for r in con.execute("SELECT name FROM tags")}
    finally:
        con.close()
    assert before <= n <= after
    assert (low, high) == (1, n)  # a consistent prefix: no gaps
    assert names == {f"w{i}" for i in range(1, n + 1)}
    assert marker(dest) == "OLD"


def test_backup_of_a_large_database_finishes_while_another_connection_keeps_writing(
    closed_db: Path,
) -> None:
    """The backup API restarts when another connection writes between two steps; copying
    a database larger than one step (4096 pages) must still finish under steady writes."""
    add_bulk(closed_db, 20)  # ~5,000 pages: more than one step of 4096
    stop = threading.Event()
    first_write = threading.Event()
    done = threading.Event()
    results: list[Path | BaseException] = []

    def writer() -> None:
        con = connect(closed_db)
        con.execute("PRAGMA busy_timeout = 10000")
        i = 0
        while not stop.is_set():
            i += 1
            con.execute("INSERT INTO tags(name) VALUES (?)", (f"steady-{i}",))
            first_write.set()
        con.close()

    def backup() -> None:
        try:
            results.append(backup_database(closed_db))
        except BaseException as exc:  # reported below
            results.append(exc)
        done.set()

    writing = threading.Thread(target=writer)
    writing.start()
    assert first_write.wait(30)
    backing_up = threading.Thread(target=backup)
    backing_up.start()
    finished_while_writing = done.wait(3)  # a 20 MB copy takes well under a second
    stop.set()
    writing.join(30)
    backing_up.join(60)
    assert finished_while_writing, "backup_database never finished while writes went on"
    assert len(results) == 1 and isinstance(results[0], Path)
    assert quick_check(results[0]) == []


def test_backup_refuses_to_overwrite_the_database(closed_db: Path) -> None:
    before = sha256(closed_db)
    with pytest.raises(BackupError) as caught:
        backup_database(closed_db, dest=closed_db)
    assert "cannot overwrite the database" in caught.value.render()
    assert sha256(closed_db) == before


def test_backup_of_a_missing_database(tmp_path: Path) -> None:
    with pytest.raises(BackupError) as caught:
        backup_database(tmp_path / "missing.sqlite3")
    assert "There is no database" in caught.value.render()
    assert not (tmp_path / "backups").exists()


def test_backup_of_a_damaged_database_is_refused_and_discarded(closed_db: Path) -> None:
    add_bulk(closed_db, 2)
    checkpoint(closed_db)
    damage(closed_db)
    with pytest.raises(BackupError):
        backup_database(closed_db, now=NOW)
    leftovers = list(backup_dir(closed_db).iterdir()) if backup_dir(closed_db).exists() else []
    assert leftovers == []  # neither a copy nor a .part


# --------------------------------------------------------------------- checks & damage


def test_quick_check_finds_damage(closed_db: Path, tmp_path: Path) -> None:
    add_bulk(closed_db, 3)
    copy = backup_database(closed_db, dest=tmp_path / "copy.sqlite3")
    assert quick_check(copy) == []
    assert quick_check(copy, full=True) == []
    damage(copy)
    problems = quick_check(copy)
    assert problems, "damage in the middle of the file went unnoticed"
    assert all(isinstance(p, str) and p for p in problems)
    assert quick_check(copy, full=True)


def test_quick_check_of_missing_and_foreign_files(tmp_path: Path) -> None:
    missing = tmp_path / "missing.sqlite3"
    assert quick_check(missing) == [f"missing file: {missing}"]
    text = tmp_path / "notes.txt"
    text.write_text("not a database\n" * 100)
    problems = quick_check(text)
    assert len(problems) == 1
    assert "not a database" in problems[0]


def test_latest_good_backup_skips_a_damaged_newer_one(closed_db: Path) -> None:
    add_bulk(closed_db, 2)
    good = backup_database(closed_db, now=NOW - timedelta(days=1))
    newer = backup_database(closed_db, now=NOW)
    newest_tagged = backup_database(
        closed_db, reason="before-restore", now=NOW + timedelta(hours=1)
    )
    damage(newer)
    damage(newest_tagged, seed=3)
    found = latest_good_backup(closed_db)
    assert found is not None
    assert found.path == good
    assert found.created == NOW - timedelta(days=1)
    damage(good)
    assert latest_good_backup(closed_db) is None


def test_latest_good_backup_with_no_backups(closed_db: Path) -> None:
    assert latest_good_backup(closed_db) is None


# ------------------------------------------------------------------------------ listing


def test_list_backups_parses_names_newest_first(closed_db: Path) -> None:
    folder = backup_dir(closed_db)
    folder.mkdir()
    names = [
        "shop-20260301-120000.sqlite3",
        "shop-20260310-080000-before-migration-0001.sqlite3",
        "shop-20260310-080000.sqlite3",
        "shop-20260314-235959-manual.sqlite3",
        # not ours:
        "other-20260315-120000.sqlite3",
        "shop-20260315-120000.sqlite3.part",
        "shop-2026031-120000.sqlite3",
        "shop.sqlite3",
        "notes.txt",
    ]
    for name in names:
        (folder / name).write_bytes(b"x" * 3)
    (folder / "shop-20260316-120000.sqlite3").mkdir()  # a folder is not a backup
    found = list_backups(closed_db)
    assert [(b.path.name, b.reason) for b in found] == [
        ("shop-20260314-235959-manual.sqlite3", "manual"),
        ("shop-20260310-080000.sqlite3", None),
        ("shop-20260310-080000-before-migration-0001.sqlite3", "before-migration-0001"),
        ("shop-20260301-120000.sqlite3", None),
    ]
    assert found[0].created == datetime(2026, 3, 14, 23, 59, 59, tzinfo=UTC)
    assert all(b.size == 3 for b in found)


def test_list_backups_without_a_folder(closed_db: Path) -> None:
    assert list_backups(closed_db) == []


# ----------------------------------------------------------------------------- rotation


def _info(created: datetime, reason: str | None = None) -> BackupInfo:
    suffix = f"-{reason}" if reason else ""
    return BackupInfo(Path(f"/b/shop-{created:%Y%m%d-%H%M%S}{suffix}.sqlite3"), created, reason, 1)


def _newest_first(infos: list[BackupInfo]) -> list[BackupInfo]:
    return sorted(infos, key=lambda b: (b.created, b.path.name), reverse=True)


def _at(day: date, hour: int) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


def test_rotation_of_a_year_of_daily_backups() -> None:
    today = date(2026, 3, 15)
    assert today.isoweekday() == 7  # a Sunday: ISO weeks end here
    daily = [_info(_at(today - timedelta(days=n), 12)) for n in range(401)]
    tagged = [
        _info(_at(date(2024, 1, 1), 9), "before-migration-0001"),
        _info(_at(date(2025, 6, 1), 9), "before-restore"),
        _info(_at(date(2024, 5, 5), 9), "manual"),
    ]
    backups = _newest_first(daily + tagged)
    pruned = backups_to_prune(backups, NOW)
    kept_days = {b.created.date() for b in daily} - {b.created.date() for b in pruned}
    d = date
    assert kept_days == {
        # the newest five and one a day for 7 days
        d(2026, 3, 15),
        d(2026, 3, 14),
        d(2026, 3, 13),
        d(2026, 3, 12),
        d(2026, 3, 11),
        d(2026, 3, 10),
        d(2026, 3, 9),
        # one a week (the newest of each ISO week) for 5 weeks
        d(2026, 3, 8),
        d(2026, 3, 1),
        d(2026, 2, 22),
        d(2026, 2, 15),
        # one a month (the newest of each month) for 12 months
        d(2026, 2, 28),
        d(2026, 1, 31),
        d(2025, 12, 31),
        d(2025, 11, 30),
        d(2025, 10, 31),
        d(2025, 9, 30),
        d(2025, 8, 31),
        d(2025, 7, 31),
        d(2025, 6, 30),
        d(2025, 5, 31),
        d(2025, 4, 30),
        d(2025, 3, 31),
    }
    assert len(pruned) == 401 - 23
    assert all(b.reason is None for b in pruned)  # reason-tagged ones are never pruned
    assert len({b.path for b in pruned}) == len(pruned)


def test_rotation_keeps_the_newest_of_each_day() -> None:
    today = date(2026, 3, 15)
    backups = _newest_first(
        [_info(_at(today - timedelta(days=n), h)) for n in range(10) for h in (8, 20)]
    )
    now = _at(today, 21)
    pruned = {(b.created.day, b.created.hour) for b in backups_to_prune(backups, now)}
    assert pruned == {
        (13, 8),
        (12, 8),
        (11, 8),
        (10, 8),
        (9, 8),
        (8, 8),
        (7, 20),
        (7, 8),
        (6, 20),
        (6, 8),
    }


def test_rotation_of_many_backups_on_one_day_keeps_five() -> None:
    backups = _newest_first([_info(NOW - timedelta(minutes=10 * n)) for n in range(24)])
    pruned = backups_to_prune(backups, NOW)
    assert pruned == backups[5:]


def test_rotation_never_prunes_tagged_backups() -> None:
    tagged = _newest_first(
        [
            _info(NOW - timedelta(days=100 * n), reason)
            for n, reason in enumerate(
                [
                    "manual",
                    "before-restore",
                    "before-migration-0001",
                    "before-demo",
                    "before-migration-0002",
                ]
            )
        ]
    )
    assert backups_to_prune(tagged, NOW) == []
    few = _newest_first([_info(NOW - timedelta(days=400 + n)) for n in range(5)])
    assert backups_to_prune(few, NOW) == []  # the newest five are always kept


def test_rotate_backups_removes_files(closed_db: Path) -> None:
    folder = backup_dir(closed_db)
    folder.mkdir()
    today = date(2026, 3, 15)
    for n in range(10):
        for hour in (8, 20):
            (
                folder / f"shop-{_at(today - timedelta(days=n), hour):%Y%m%d-%H%M%S}.sqlite3"
            ).write_bytes(b"")
    for name in (
        "shop-20200101-000000-before-restore.sqlite3",
        "other-20200101-000000.sqlite3",
        "readme.txt",
    ):
        (folder / name).write_bytes(b"")
    removed = rotate_backups(closed_db, now=_at(today, 21))
    assert sorted(p.name for p in removed) == sorted(
        f"shop-{_at(day, hour):%Y%m%d-%H%M%S}.sqlite3"
        for day, hour in [(today - timedelta(days=n), 8) for n in range(2, 8)]
        + [(today - timedelta(days=n), h) for n in (8, 9) for h in (8, 20)]
    )
    assert all(not p.exists() for p in removed)
    remaining = {p.name for p in folder.iterdir()}
    assert len(remaining) == 20 - 10 + 3
    assert {
        "shop-20200101-000000-before-restore.sqlite3",
        "other-20200101-000000.sqlite3",
        "readme.txt",
    } <= remaining


# ------------------------------------------------------------------------ needs_backup


def test_needs_backup_follows_writes(db: Database, db_path: Path) -> None:
    from sms_desktop.persistence import models as m

    assert needs_backup(db_path)  # never backed up
    with db.write() as session:
        session.add(m.Tag(name="a"))
    assert needs_backup(db_path)
    made = backup_database(db_path)
    assert not needs_backup(db_path)
    # Let the backup be a minute old (file times are coarse: a write in the same clock
    # tick as the backup would look unchanged), then write: needed again.
    past = made.stat().st_mtime - 60
    for side in (db_path, db_path.with_name(db_path.name + "-wal")):
        if side.exists():
            os.utime(side, (past - 60, past - 60))
    os.utime(made, (past, past))
    assert not needs_backup(db_path)
    with db.write() as session:
        session.add(m.Tag(name="b"))
    assert needs_backup(db_path)


def test_needs_backup_ignores_tagged_backups(closed_db: Path) -> None:
    backup_database(closed_db, reason="manual")
    assert needs_backup(closed_db)  # only automatic backups count
    backup_database(closed_db)
    assert not needs_backup(closed_db)


class _AgingSource:
    """A source connection whose close() happens "a second later" than the copy's last
    write: it first moves the copy's file times one second back, as the clock would."""

    def __init__(self, con: sqlite3.Connection, folder: Path) -> None:
        self._con = con
        self._folder = folder

    def __getattr__(self, name: str) -> object:
        return getattr(self._con, name)

    def close(self) -> None:
        for entry in self._folder.iterdir():
            stamp = entry.stat().st_mtime - 1
            os.utime(entry, (stamp, stamp))
        self._con.close()


def test_needs_backup_is_false_right_after_backing_up_a_leftover_wal(
    closed_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After a crash the WAL holds committed data. Closing the backup's source connection
    (the last one) checkpoints that WAL into the database file *after* the copy was
    written, so the database looks newer than its backup although nothing changed."""
    leave_wal(closed_db, "INSERT INTO tags(name) VALUES ('after-crash')")
    assert needs_backup(closed_db)
    folder = backup_dir(closed_db)
    folder.mkdir()
    real_connect = sqlite3.connect

    def connect_(path: object, *args: object, **kwargs: object) -> object:
        con = real_connect(path, *args, **kwargs)  # type: ignore[call-overload]
        return _AgingSource(con, folder) if Path(str(path)) == closed_db else con

    monkeypatch.setattr(sqlite3, "connect", connect_)
    dest = backup_database(closed_db)
    monkeypatch.undo()
    assert count(dest, "tags", "name = 'after-crash'") == 1
    assert not needs_backup(closed_db)


# ------------------------------------------------------------------------------ restore


def test_backup_then_restore_roundtrips_exactly(db: Database, db_path: Path) -> None:
    from sms_desktop.persistence import models as m

    with db.write() as session:
        session.add(m.Tag(name="vip", color="#ff0000"))
    add_owner(db_path)
    add_tags(db_path, 100)
    saved = read_all(db_path)
    dest = backup_database(db_path, now=NOW)
    add_tags(db_path, 5, "later")
    set_marker(db_path, "CHANGED")
    db.close()
    changed = read_all(db_path)
    kept = restore_database(dest, db_path, now=NOW + timedelta(minutes=1))
    assert read_all(db_path) == saved
    assert kept is not None
    assert kept.name == "shop-20260315-130100-before-restore.sqlite3"
    assert read_all(kept) == changed  # the state before the restore is kept
    assert integrity(db_path) == ["ok"]
    assert not db_path.with_name(db_path.name + ".restoring").exists()
    assert not db_path.with_name(db_path.name + ".restoring.part").exists()
    reopened = open_database(db_path)  # and the app opens it
    try:
        with reopened.read() as session:
            assert session.get(m.Tag, 1) is not None
    finally:
        reopened.close()


def test_restore_over_a_leftover_wal_keeps_it_in_the_kept_copy(
    closed_db: Path, tmp_path: Path
) -> None:
    source = backup_database(closed_db, dest=tmp_path / "source.sqlite3")
    set_marker(source, "NEW")
    leave_wal(closed_db, "UPDATE settings SET value = 'OLD-IN-WAL' WHERE key = 'marker'")
    kept = restore_database(source, closed_db)
    assert kept is not None
    assert marker(kept) == "OLD-IN-WAL"
    assert marker(closed_db) == "NEW"
    assert not closed_db.with_name(closed_db.name + "-wal").exists()
    assert integrity(closed_db) == ["ok"]
    database = open_database(closed_db)  # no stale WAL is replayed onto the restored file
    database.close()
    assert marker(closed_db) == "NEW"


def test_restore_into_a_missing_database(tmp_path: Path, closed_db: Path) -> None:
    source = backup_database(closed_db, dest=tmp_path / "source.sqlite3")
    target = tmp_path / "new" / "fresh.sqlite3"
    target.parent.mkdir()
    assert restore_database(source, target) is None
    assert read_all(target) == read_all(closed_db)


def test_restore_sets_a_damaged_database_aside(closed_db: Path, tmp_path: Path) -> None:
    source = backup_database(closed_db, dest=tmp_path / "source.sqlite3")
    add_bulk(closed_db, 2)
    checkpoint(closed_db)
    damage(closed_db)
    damaged_bytes = sha256(closed_db)
    kept = restore_database(source, closed_db, now=NOW)
    assert kept == closed_db.with_name("shop.damaged-20260315-130000.sqlite3")
    assert sha256(kept) == damaged_bytes  # kept exactly as it was
    assert quick_check(closed_db) == []
    assert marker(closed_db) == "OLD"


@pytest.fixture
def refusals(closed_db: Path, tmp_path: Path) -> dict[str, Path]:
    """Files restore must refuse, each with a reason."""
    files: dict[str, Path] = {}
    damaged = backup_database(closed_db, dest=tmp_path / "damaged.sqlite3")
    add_bulk(damaged, 2)
    damage(damaged)
    files["damaged"] = damaged
    text = tmp_path / "notes.sqlite3"
    text.write_text("this is not a database\n" * 500)
    files["not a database"] = text
    newer = backup_database(closed_db, dest=tmp_path / "newer.sqlite3")
    con = connect(newer)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.close()
    files["newer"] = newer
    foreign = tmp_path / "foreign.sqlite3"
    con = connect(foreign)
    con.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    con.close()
    files["foreign"] = foreign
    empty = tmp_path / "empty.sqlite3"
    empty.write_bytes(b"")
    files["empty"] = empty
    files["itself"] = closed_db
    return files


@pytest.mark.parametrize(
    "kind", ["damaged", "not a database", "newer", "foreign", "empty", "itself"]
)
def test_restore_refuses_and_leaves_the_database_untouched(
    closed_db: Path, refusals: dict[str, Path], kind: str
) -> None:
    checkpoint(closed_db)
    before = sha256(closed_db)
    rows = read_all(closed_db)
    with pytest.raises(BackupError) as caught:
        restore_database(refusals[kind], closed_db)
    assert caught.value.render()
    assert sha256(closed_db) == before
    assert read_all(closed_db) == rows
    assert list_backups(closed_db) == []  # nothing was even backed up
    assert not closed_db.with_name(closed_db.name + ".restoring").exists()
    assert not closed_db.with_name(closed_db.name + ".restoring.part").exists()


# ---------------------------------------------------------------- set aside & leftovers


def test_set_aside_moves_the_database_and_its_side_files(closed_db: Path) -> None:
    leave_wal(closed_db, "UPDATE settings SET value = 'IN-WAL' WHERE key = 'marker'")
    assert closed_db.with_name("shop.sqlite3-shm").exists()
    aside = set_aside(closed_db, "damaged", now=NOW)
    assert aside == closed_db.with_name("shop.damaged-20260315-130000.sqlite3")
    assert not closed_db.exists()
    assert not closed_db.with_name("shop.sqlite3-wal").exists()
    assert not closed_db.with_name("shop.sqlite3-shm").exists()
    assert aside.with_name(aside.name + "-wal").exists()
    assert marker(aside) == "IN-WAL"  # the WAL moved with it and still applies


def test_set_aside_without_side_files(closed_db: Path) -> None:
    aside = set_aside(closed_db, "old", now=NOW)
    assert aside.name == "shop.old-20260315-130000.sqlite3"
    assert marker(aside) == "OLD"
    assert not closed_db.exists()


def test_clean_leftovers_removes_half_written_files_only(closed_db: Path) -> None:
    folder = backup_dir(closed_db)
    folder.mkdir()
    good = backup_database(closed_db, now=NOW)
    restoring = closed_db.with_name("shop.sqlite3.restoring")
    restoring.write_bytes(b"half")
    parts = [
        folder / "shop-20260315-120000.sqlite3.part",
        folder / "shop-20260315-120000-before-restore.sqlite3.part",
    ]
    for part in parts:
        part.write_bytes(b"half")
    others = [folder / "other-20260315-120000.sqlite3.part", closed_db.with_name("other.sqlite3")]
    for other in others:
        other.write_bytes(b"not ours")
    clean_leftovers(closed_db)
    assert not restoring.exists()
    assert not any(p.exists() for p in parts)
    assert all(o.exists() for o in others)
    assert good.exists()
    assert marker(closed_db) == "OLD"
    clean_leftovers(closed_db)  # nothing left to do: no error


def test_clean_leftovers_removes_the_partial_copy_of_an_interrupted_restore(
    closed_db: Path,
) -> None:
    """restore_database copies into '<db>.restoring.part' first (then renames it to
    '.restoring'): a crash during that copy leaves the .part, as big as the backup, and
    the copy's rollback journal beside it; a crash during a backup leaves a journal too."""
    folder = backup_dir(closed_db)
    folder.mkdir()
    leftovers = [
        closed_db.with_name(closed_db.name + ".restoring.part"),
        closed_db.with_name(closed_db.name + ".restoring.part-journal"),
        folder / "shop-20260315-120000.sqlite3.part-journal",
    ]
    for leftover in leftovers:
        leftover.write_bytes(b"half a database")
    clean_leftovers(closed_db)
    assert [p.name for p in leftovers if p.exists()] == []
    assert marker(closed_db) == "OLD"


def test_clean_leftovers_without_a_backup_folder(tmp_path: Path) -> None:
    path = tmp_path / "none.sqlite3"
    clean_leftovers(path)
    assert not backup_dir(path).exists()


def test_restoring_an_older_backup_is_migrated_when_opened(closed_db: Path, tmp_path: Path) -> None:
    from sms_desktop.persistence import migrations
    from sms_desktop.persistence.db import SchemaState, schema_info

    revisions = [s.revision for s in migrations._scripts().walk_revisions()]
    oldest = revisions[-1]
    old = tmp_path / "old-backup.sqlite3"
    migrations.upgrade(old, oldest)
    add_owner(old)
    set_marker(old, "FROM-OLD-BACKUP")
    expected = schema_info(old).state
    assert expected in (SchemaState.OLDER, SchemaState.CURRENT)
    restore_database(old, closed_db)
    assert marker(closed_db) == "FROM-OLD-BACKUP"
    database = open_database(closed_db)
    database.close()
    assert schema_info(closed_db).state is SchemaState.CURRENT
    assert marker(closed_db) == "FROM-OLD-BACKUP"
    reasons = {b.reason for b in list_backups(closed_db)}
    assert "before-restore" in reasons
    if expected is SchemaState.OLDER:
        assert f"before-migration-{oldest}" in reasons


# ------------------------------------------------------------------- the command line


def test_cli_backup_restore_and_check(
    closed_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from sms_desktop.cli import main

    out_file = tmp_path / "out.sqlite3"
    assert main(["backup", "--db", str(closed_db), "--out", str(out_file)]) == 0
    assert f"Backup written to {out_file}" in capsys.readouterr().out
    assert marker(out_file) == "OLD"
    assert main(["backup", "--db", str(closed_db)]) == 0
    capsys.readouterr()
    assert [b.reason for b in list_backups(closed_db)] == ["manual"]

    set_marker(closed_db, "CHANGED")
    assert main(["restore", str(out_file), "--db", str(closed_db)]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    assert "The previous database was kept at" in captured.out
    assert marker(closed_db) == "OLD"

    assert main(["check", "--db", str(closed_db)]) == 0
    assert "Integrity: ok" in capsys.readouterr().out


def test_cli_restore_of_a_damaged_file_is_one_line_and_changes_nothing(
    closed_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from sms_desktop.cli import main

    damaged = backup_database(closed_db, dest=tmp_path / "damaged.sqlite3")
    add_bulk(damaged, 2)
    damage(damaged)
    checkpoint(closed_db)
    before = sha256(closed_db)
    assert main(["restore", str(damaged), "--db", str(closed_db)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("sms-desktop: ")
    assert "damaged" in captured.err
    assert captured.err.count("\n") == 1
    assert sha256(closed_db) == before
    assert main(["restore", str(tmp_path / "missing.sqlite3"), "--db", str(closed_db)]) == 1
    assert "there is no file" in capsys.readouterr().err


def test_recover_from_backup_sets_the_damaged_file_aside(tmp_path: Path) -> None:
    """The workspace's recovery: damaged file kept aside, latest good backup put in place."""
    from sms_desktop.persistence.backup import backup_database, quick_check
    from sms_desktop.services.workspace import recover_from_backup

    db = migrated_database(tmp_path / "shop.sqlite3")
    add_owner(db)
    add_tags(db, 3000)
    good = backup_database(db)
    assert recover_from_backup(tmp_path / "missing.sqlite3") is None
    damage(db)
    assert quick_check(db)
    result = recover_from_backup(db)
    assert result is not None
    aside, used = result
    assert used.path == good
    assert aside.exists() and aside != db
    assert quick_check(db) == []
    assert count(db, "tags") == 3000
