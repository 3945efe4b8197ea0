"""SIGKILL at awkward moments: the database is always the old one or the new one, whole."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from sms_desktop.persistence.backup import backup_database, list_backups, quick_check
from sms_desktop.persistence.db import SchemaState, schema_info
from sms_desktop.persistence.paths import backup_dir, lock_path
from tests.dbtemplate import migrated_database
from tests.persistence.dbutil import (
    add_bulk,
    add_owner,
    add_tags,
    count,
    integrity,
    marker,
    read_all,
    set_marker,
)

ROOT = Path(__file__).resolve().parents[2]
POLL = 0.002  # seconds between two looks at the files of a running command


def cli(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "sms_desktop", *args],
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish(proc: subprocess.Popen[str], timeout: float = 120) -> tuple[int, str, str]:
    out, err = proc.communicate(timeout=timeout)
    return proc.returncode, out, err


def kill_when(proc: subprocess.Popen[str], ready: Callable[[], bool], timeout: float = 60) -> bool:
    """SIGKILL ``proc`` as soon as ``ready()``; False if it ended before that happened."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if ready():
            proc.kill()
            finish(proc)
            return True
        if proc.poll() is not None:
            finish(proc)
            return False
        time.sleep(POLL)
    proc.kill()
    finish(proc)
    pytest.fail("the moment to kill never came")


def nonempty(path: Path) -> Callable[[], bool]:
    return lambda: path.exists() and path.stat().st_size > 0


# ------------------------------------------------------------------------------ demo


@pytest.fixture
def existing(db_path: Path) -> Path:
    """A database the user already has: a marker and some rows."""
    migrated_database(db_path)
    add_tags(db_path, 25, "mine")
    set_marker(db_path, "MINE")
    return db_path


def assert_intact_original(path: Path, rows: dict[str, list[tuple[object, ...]]]) -> None:
    assert marker(path) == "MINE"
    assert read_all(path) == rows
    assert integrity(path) == ["ok"]
    assert schema_info(path).state is SchemaState.CURRENT


def test_kill_during_demo_replace_keeps_the_old_database(existing: Path) -> None:
    rows = read_all(existing)
    building = existing.with_name(existing.name + ".building")
    wal = building.with_name(building.name + "-wal")
    moments = [
        nonempty(building),  # the side file was just created
        lambda: wal.exists() and wal.stat().st_size > 1_000_000,  # into the demo data
    ]
    for ready in moments:
        for leftover in (building, wal, building.with_name(building.name + "-shm")):
            leftover.unlink(missing_ok=True)  # so only the new run's files can trigger
        proc = cli("demo", "--db", str(existing), "--customers", "3000", "--replace")
        assert kill_when(proc, ready), "the demo ended before it could be killed"
        assert_intact_original(existing, rows)
        assert lock_path(existing).exists()  # it died holding the lock
    # No 'before-demo' backup: the demo never got that far.
    assert [b.reason for b in list_backups(existing)] == []


def test_a_completed_demo_replaces_the_database_whole(existing: Path) -> None:
    rows = read_all(existing)
    code, out, err = finish(
        cli("demo", "--db", str(existing), "--customers", "12", "--replace", "--seed", "7")
    )
    assert (code, err) == (0, "")
    assert "Demo database written to" in out
    assert marker(existing) is None  # the old content is gone …
    assert count(existing, "customers") == 12
    assert count(existing, "tags", "name LIKE 'mine-%'") == 0
    assert integrity(existing) == ["ok"]
    assert schema_info(existing).state is SchemaState.CURRENT
    assert not existing.with_name(existing.name + ".building").exists()
    (kept,) = list_backups(existing)  # … but kept as a backup
    assert kept.reason == "before-demo"
    assert_intact_original(kept.path, rows)


def test_demo_refuses_to_overwrite_without_replace(
    existing: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from sms_desktop.cli import main

    rows = read_all(existing)
    assert main(["demo", "--db", str(existing), "--customers", "5"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("sms-desktop: ")
    assert "already exists" in captured.err
    assert captured.err.count("\n") == 1  # one line, no traceback
    assert_intact_original(existing, rows)
    assert not existing.with_name(existing.name + ".building").exists()


# --------------------------------------------------------------------------- restore


@pytest.fixture(scope="module")
def big_backup(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A ~30 MB backup whose marker is NEW."""
    folder = tmp_path_factory.mktemp("source")
    path = migrated_database(folder / "new.sqlite3")
    add_owner(path)
    set_marker(path, "NEW")
    add_bulk(path, 30, "new")
    return backup_database(path, dest=folder / "new-backup.sqlite3")


@pytest.fixture(scope="module")
def new_rows(big_backup: Path) -> dict[str, list[tuple[object, ...]]]:
    return read_all(big_backup)


@pytest.fixture
def old_db(db_path: Path) -> Path:
    migrated_database(db_path)
    set_marker(db_path, "OLD")
    add_tags(db_path, 40, "old")
    return db_path


def reset_old(path: Path, pristine: Path) -> None:
    for side in ("", "-wal", "-shm", ".restoring", ".restoring.part", ".lock"):
        path.with_name(path.name + side).unlink(missing_ok=True)
    shutil.copyfile(pristine, path)  # a closed database without WAL: the file is all of it
    shutil.rmtree(backup_dir(path), ignore_errors=True)


def test_kill_during_restore_leaves_old_or_new_never_a_mix(
    old_db: Path,
    big_backup: Path,
    new_rows: dict[str, list[tuple[object, ...]]],
    tmp_path: Path,
) -> None:
    pristine = tmp_path / "pristine-old.sqlite3"
    shutil.copyfile(old_db, pristine)
    old_rows = read_all(old_db)
    restoring = old_db.with_name(old_db.name + ".restoring")
    part = restoring.with_name(restoring.name + ".part")

    def after_polls(n: int) -> Callable[[], bool]:
        seen = [0]

        def ready() -> bool:
            seen[0] += 1
            return seen[0] > n

        return ready

    def just_renamed_into_place() -> Callable[[], bool]:
        seen = [False]

        def ready() -> bool:
            seen[0] = seen[0] or restoring.exists()
            return seen[0] and not restoring.exists()

        return ready

    moments: list[tuple[str, Callable[[], bool]]] = [
        ("copy in progress", part.exists),
        ("copy half done", lambda: part.exists() and part.stat().st_size > 15_000_000),
        ("copy checked and renamed", restoring.exists),
        ("moved into place", just_renamed_into_place()),
        ("a little later", after_polls(150)),
    ]
    outcomes: dict[str, str] = {}
    for name, ready in moments:
        reset_old(old_db, pristine)
        killed = kill_when(cli("restore", str(big_backup), "--db", str(old_db)), ready)
        state = marker(old_db)
        outcomes[name] = f"{state} ({'killed' if killed else 'finished'})"
        assert state in ("OLD", "NEW"), name
        assert read_all(old_db) == (old_rows if state == "OLD" else new_rows), name
        assert integrity(old_db) == ["ok"], name
        assert quick_check(old_db) == [], name
        assert not old_db.with_name(old_db.name + "-wal").exists() or state == "OLD", name
    # The first kill certainly hits the copy: the old database must have survived it.
    assert outcomes["copy in progress"] == "OLD (killed)", outcomes
    assert outcomes["copy half done"] in ("OLD (killed)", "NEW (finished)"), outcomes
    assert outcomes["moved into place"].startswith("NEW"), outcomes
    # A plain run afterwards restores the backup.
    reset_old(old_db, pristine)
    code, out, err = finish(cli("restore", str(big_backup), "--db", str(old_db)))
    assert (code, err) == (0, ""), err
    assert "Restored" in out and "kept at" in out
    assert marker(old_db) == "NEW"
    assert read_all(old_db) == new_rows
    (kept,) = list_backups(old_db)
    assert kept.reason == "before-restore"
    assert read_all(kept.path) == old_rows


def test_opening_after_a_killed_restore_removes_its_partial_copy(
    old_db: Path, big_backup: Path
) -> None:
    from sms_desktop.services.workspace import open_workspace

    part = old_db.with_name(old_db.name + ".restoring.part")
    assert kill_when(
        cli("restore", str(big_backup), "--db", str(old_db)),
        lambda: part.exists() and part.stat().st_size > 1_000_000,
    )
    workspace = open_workspace(old_db)
    try:
        assert workspace.unclean_shutdown  # the restore held the lock when it died
        assert marker(old_db) == "OLD"
        leftovers = sorted(
            p.name
            for p in old_db.parent.iterdir()
            if ".restoring" in p.name or p.name.endswith(".part")
        )
        assert leftovers == []
    finally:
        workspace.close(backup=False)


# -------------------------------------------------------------------- the app's lock


APP = textwrap.dedent("""
    import sys
    from pathlib import Path
    from sms_desktop.services.workspace import open_workspace
    workspace = open_workspace(Path(sys.argv[1]))
    with workspace.db.write() as session:
        from sms_desktop.persistence import models as m
        session.add(m.Tag(name="written-before-the-crash"))
    print("open", workspace.unclean_shutdown, flush=True)
    sys.stdin.readline()
""")


def test_kill_while_the_app_holds_the_lock_is_noticed_next_time(db_path: Path) -> None:
    from sms_desktop.persistence.lock import DatabaseLockedError
    from sms_desktop.services.workspace import open_workspace

    proc = subprocess.Popen(
        [sys.executable, "-c", APP, str(db_path)],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert line.strip() == "open False", proc.stderr.read() if proc.stderr else ""
        with pytest.raises(DatabaseLockedError) as caught:
            open_workspace(db_path)
        assert f"pid {proc.pid}" in caught.value.render()
        os.kill(proc.pid, signal.SIGKILL)
        assert proc.wait(30) == -signal.SIGKILL
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.communicate(timeout=30)
    assert lock_path(db_path).exists()
    workspace = open_workspace(db_path)
    try:
        assert workspace.unclean_shutdown is True
        assert workspace.lock.held
        assert count(db_path, "tags", "name = 'written-before-the-crash'") == 1
        assert integrity(db_path) == ["ok"]
    finally:
        workspace.close(backup=False)
    assert not lock_path(db_path).exists()
    workspace = open_workspace(db_path)  # a clean close: the next start is clean
    try:
        assert workspace.unclean_shutdown is False
    finally:
        workspace.close(backup=False)
