"""Hardening found by an outside audit (issue 21): restore, locks and links, damaged or
emptied files, a newer database, and output paths."""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from sms_desktop.cli import main
from sms_desktop.persistence.backup import BackupError, backup_database, list_backups
from sms_desktop.persistence.db import DatabaseError
from sms_desktop.persistence.lock import DatabaseLockedError, InstanceLock
from sms_desktop.persistence.paths import PathError, lock_path
from sms_desktop.services.workspace import (
    DatabaseDamagedError,
    check_health,
    initialize_empty,
    open_workspace,
    recover_damaged,
    restore_into,
)
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


# ------------------------------------------------------------------ locks and links

HOLDER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from sms_desktop.services.workspace import open_workspace
    workspace = open_workspace(Path(sys.argv[1]))
    print("open", flush=True)
    sys.stdin.readline()
    workspace.close(backup=False)
""")


@pytest.fixture
def holder(live_db: Path) -> Iterator[subprocess.Popen[str]]:
    """Another SMS Desktop process with ``live_db`` open until its stdin gets a line."""
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(live_db)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None and proc.stdin is not None
    line = proc.stdout.readline()
    assert line.strip() == "open", proc.stderr.read() if proc.stderr else ""
    yield proc
    if proc.poll() is None:
        proc.stdin.write("\n")
        proc.stdin.flush()
        proc.wait(30)
    for stream in (proc.stdin, proc.stdout, proc.stderr):
        if stream is not None:
            stream.close()


def _link(live_db: Path, tmp_path: Path, kind: str) -> Path:
    if kind == "symlink":
        link = live_db.with_name("link.sqlite3")
        link.symlink_to(live_db)
    else:
        other = tmp_path / "elsewhere"
        other.mkdir()
        link = other / "hard.sqlite3"
        os.link(live_db, link)
    return link


@pytest.mark.parametrize("kind", ["symlink", "hard link"])
def test_a_link_to_an_open_database_cannot_open_a_second_instance(
    live_db: Path, tmp_path: Path, holder: subprocess.Popen[str], kind: str
) -> None:
    link = _link(live_db, tmp_path, kind)
    with pytest.raises(DatabaseLockedError) as caught:
        open_workspace(link)
    assert f"pid {holder.pid}" in caught.value.render()
    with pytest.raises(DatabaseLockedError):
        InstanceLock(link).acquire()
    assert main(["restore", str(live_db), "--db", str(link)]) == 1  # nor restore over it
    assert holder.poll() is None


@pytest.mark.parametrize("kind", ["symlink", "hard link"])
def test_a_link_opens_once_the_first_instance_has_closed(
    live_db: Path, tmp_path: Path, kind: str
) -> None:
    link = _link(live_db, tmp_path, kind)
    first = open_workspace(live_db)
    with pytest.raises(DatabaseLockedError):
        open_workspace(link)
    first.close(backup=False)
    second = open_workspace(link)
    try:
        assert not second.unclean_shutdown  # the refused attempt left no stale lock behind
        with pytest.raises(DatabaseLockedError):
            open_workspace(live_db)
    finally:
        second.close(backup=False)
    leftovers = [p.name for p in live_db.parent.iterdir() if p.name.endswith(".lock")]
    assert leftovers == []


def test_the_identity_lock_follows_the_file_a_restore_puts_in_place(
    live_db: Path, tmp_path: Path
) -> None:
    copy = backup_database(live_db, dest=tmp_path / "copy.sqlite3")
    workspace = open_workspace(live_db)
    try:
        workspace.replace_file(lambda path: restore_into(path, copy))
        link = tmp_path / "hard-after-restore.sqlite3"
        os.link(live_db, link)  # a hard link to the file now in place
        with pytest.raises(DatabaseLockedError):
            open_workspace(link)
    finally:
        workspace.close(backup=False)


def test_restore_through_a_symlink_replaces_the_target_and_keeps_the_link(
    live_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = backup_database(live_db, dest=tmp_path / "copy.sqlite3")
    set_marker(copy, "RESTORED")
    link = _link(live_db, tmp_path, "symlink")
    assert main(["restore", str(copy), "--db", str(link)]) == 0
    capsys.readouterr()
    assert link.is_symlink() and link.resolve() == live_db
    assert marker(live_db) == "RESTORED"
    (kept,) = list_backups(live_db)
    assert kept.path.name.startswith("shop-")  # named after the real file
    assert marker(kept.path) == "LIVE"
    assert main(["backup", "--db", str(link)]) == 0
    assert all(b.path.name.startswith("shop-") for b in list_backups(live_db))


# -------------------------------------------------------------- damaged or emptied files


def _damage_mid_file(path: Path) -> None:
    """600 random bytes over the start of a page three quarters into the file (a data page:
    since 0009 the middle one can be one of the schema's own pages)."""
    page = sqlite3.connect(path).execute("PRAGMA page_size").fetchone()[0]
    pages = path.stat().st_size // page
    assert pages > 20
    with open(path, "r+b") as handle:
        handle.seek((pages * 3 // 4) * page)
        handle.write(random.Random(600).randbytes(600))


@pytest.fixture
def backed_up_db(live_db: Path) -> tuple[Path, Path]:
    """A closed database with some data and one good backup beside it."""
    con = connect(live_db)
    con.executemany(
        "INSERT INTO tags (name) VALUES (?)", [(f"tag {i:05} " + "x" * 60,) for i in range(3000)]
    )
    con.close()
    checkpoint(live_db)
    good = backup_database(live_db)
    return live_db, good


def _assert_names_the_backup(text: str, good: Path) -> None:
    assert "\n" not in text
    assert str(good) in text
    assert "sms-desktop restore" in text
    (info,) = list_backups(good.parent.parent / "shop.sqlite3")
    assert info.created.astimezone().strftime("%Y-%m-%d %H:%M") in text


def test_damage_is_found_when_opening_after_a_clean_close(
    backed_up_db: tuple[Path, Path],
) -> None:
    db, good = backed_up_db
    _damage_mid_file(db)
    assert not lock_path(db).exists()  # the last session closed cleanly
    before = sha256(db)
    with pytest.raises(DatabaseDamagedError) as caught:
        open_workspace(db)
    _assert_names_the_backup(caught.value.render(), good)
    assert caught.value.backup is not None and caught.value.backup.path == good
    assert sha256(db) == before  # nothing was changed
    assert not lock_path(db).exists()
    aside, used = recover_damaged(db) or pytest.fail("no recovery")
    assert used.path == good and sha256(aside) == before
    workspace = open_workspace(db)
    workspace.close(backup=False)


def test_a_large_file_opens_and_is_checked_in_the_background(
    backed_up_db: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    from sms_desktop.services import workspace as workspace_module

    db, _good = backed_up_db
    _damage_mid_file(db)
    monkeypatch.setattr(workspace_module, "QUICK_CHECK_ON_OPEN_BYTES", 1024)
    workspace = open_workspace(db)
    try:
        assert workspace.check_pending and not workspace.unclean_shutdown
        assert check_health(workspace.path)
    finally:
        workspace.close(backup=False)


@pytest.mark.parametrize("how", ["zero length", "half", "header", "hollow"])
def test_an_emptied_truncated_or_hollow_file_with_backups_is_damaged_not_new(
    backed_up_db: tuple[Path, Path], how: str
) -> None:
    db, good = backed_up_db
    data = db.read_bytes()
    if how == "zero length":
        db.write_bytes(b"")
    elif how == "half":
        db.write_bytes(data[: len(data) // 2])
    elif how == "header":
        db.write_bytes(random.Random(1).randbytes(100) + data[100:])
    else:
        db.unlink()
        _hollow(db)
    before = sha256(db)
    with pytest.raises(DatabaseDamagedError) as caught:
        open_workspace(db)
    _assert_names_the_backup(caught.value.render(), good)
    assert caught.value.emptied == (how == "zero length")
    assert sha256(db) == before  # not turned into a new, empty schema
    assert main(["check", "--db", str(db)]) == 1


def test_a_zero_length_file_without_backups_is_a_new_database(db_path: Path) -> None:
    db_path.write_bytes(b"")
    workspace = open_workspace(db_path)
    workspace.close(backup=False)
    assert db_path.stat().st_size > 0


def test_check_names_the_backups_of_a_damaged_database(
    backed_up_db: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    db, good = backed_up_db
    _damage_mid_file(db)
    assert main(["check", "--db", str(db)]) == 1
    out = capsys.readouterr().out
    assert "Integrity: DAMAGED" in out
    assert f"{good}  <- latest good backup" in out
    assert f'sms-desktop restore "{good}" --db "{db}"' in out


def test_the_app_offers_the_latest_good_backup_when_open_finds_damage(
    qapp: object, qtbot: QtBot, backed_up_db: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from sms_desktop.ui import application
    from sms_desktop.ui.settings_store import SettingsStore

    db, _good = backed_up_db
    _damage_mid_file(db)
    damaged = sha256(db)
    asked: list[str] = []

    def question(_parent: object, _title: str, text: str, *_: object) -> object:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(application.QGuiApplication, "platformName", staticmethod(lambda: "x"))
    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda *_: None))
    ctrl = application.Controller(qapp, SettingsStore(), "en", db)  # type: ignore[arg-type]
    try:
        ctrl.start()
        qtbot.waitUntil(lambda: ctrl.workspace is not None)
        (text,) = asked
        assert "restore the latest good backup" in text
        assert marker(db) == "LIVE"  # the backup is in place, and open
        (aside,) = db.parent.glob("shop.damaged-*.sqlite3")
        assert sha256(aside) == damaged
    finally:
        ctrl._close_workspace(backup=False)
        ctrl.window.allow_close = True
        ctrl.window.close()


# ------------------------------------------------------------ a database from a newer app

READ_COMMANDS = (
    ["check"],
    ["report", "excel", "--out", "{out}/r.xlsx"],
    ["report", "pdf", "--out", "{out}/r.pdf"],
    ["quote", "pdf", "Q-2026-0001", "--out", "{out}/q.pdf"],
)


@pytest.mark.parametrize("command", READ_COMMANDS, ids=lambda c: " ".join(c[:2]))
def test_a_newer_database_says_to_install_the_newer_version(
    live_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    con = connect(live_db)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.close()
    argv = [part.format(out=tmp_path) for part in command] + ["--db", str(live_db)]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "created by a newer SMS Desktop (revision 9999)" in err
    assert "install the newer version" in err
    assert "upgrade" not in err
    with pytest.raises(DatabaseError) as caught:  # and the app says the same
        open_workspace(live_db)
    assert "install the newer version" in caught.value.render()


@pytest.mark.parametrize("command", READ_COMMANDS, ids=lambda c: " ".join(c[:2]))
def test_an_older_database_says_to_open_it_in_the_app_to_upgrade(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    from sms_desktop.persistence import migrations
    from tests.persistence.dbutil import add_owner

    old = tmp_path / "old.sqlite3"
    migrations.upgrade(old, "0005")
    add_owner(old)
    argv = [part.format(out=tmp_path) for part in command] + ["--db", str(old)]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "older schema (revision 0005)" in err and "open it in the app" in err


# ------------------------------------------------------------------ paths and partial outputs


def _one_line_error(capsys: pytest.CaptureFixture[str]) -> str:
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("sms-desktop: ") and captured.err.count("\n") == 1
    assert "Traceback" not in captured.err and "unexpected" not in captured.err.lower()
    return captured.err


def _parts(*folders: Path) -> list[str]:
    return sorted(p.name for f in folders if f.is_dir() for p in f.iterdir() if ".part" in p.name)


WRITERS = (
    ["backup", "--out", "{target}"],
    ["report", "excel", "--out", "{target}"],
    ["report", "pdf", "--out", "{target}"],
    ["quote", "pdf", "Q-2026-0001", "--out", "{target}"],
)


@pytest.mark.parametrize("command", WRITERS, ids=lambda c: " ".join(c[:2]))
@pytest.mark.parametrize("target", ["existing folder", "missing folder", "file as folder"])
def test_output_path_errors_are_one_clear_line(
    live_db: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    command: list[str],
    target: str,
) -> None:
    from sms_desktop.persistence.paths import log_dir

    folder = tmp_path / "out"
    folder.mkdir()
    (tmp_path / "plain.txt").write_text("x")
    where = {
        "existing folder": folder,
        "missing folder": tmp_path / "missing" / "file.out",
        "file as folder": tmp_path / "plain.txt" / "file.out",
    }[target]
    argv = [part.format(target=where) for part in command] + ["--db", str(live_db)]
    assert main(argv) == 1
    err = _one_line_error(capsys)
    expected = {
        "existing folder": "is a folder",
        "missing folder": "does not exist",
        "file as folder": "is not a folder",
    }[target]
    assert expected in err
    assert _parts(tmp_path, folder) == []
    assert list(folder.iterdir()) == []
    assert not (log_dir() / "errors.log").exists()  # an expected error: no crash log


@pytest.mark.parametrize("command", [["check"], ["backup"], ["report", "excel", "--out", "r.xlsx"]])
def test_a_database_path_that_is_a_pipe_is_refused_clearly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    pipe = tmp_path / "pipe.sqlite3"
    os.mkfifo(pipe)
    assert main([*command, "--db", str(pipe)]) == 1
    assert "not a regular file" in _one_line_error(capsys)
    with pytest.raises(PathError):  # and the app says the same
        open_workspace(pipe)


def test_a_failed_backup_leaves_no_partial_file(
    live_db: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from sms_desktop.persistence import backup as backup_module

    out = tmp_path / "out" / "copy.sqlite3"
    out.parent.mkdir()
    monkeypatch.setattr(backup_module, "quick_check", lambda *_a, **_k: ["page 3: bad"])
    assert main(["backup", "--db", str(live_db), "--out", str(out)]) == 1
    assert "failed its check" in _one_line_error(capsys)
    assert list(out.parent.iterdir()) == []


def test_a_backup_stopped_by_sigterm_removes_its_temporary_file(
    live_db: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out" / "copy.sqlite3"
    out.parent.mkdir()
    code = textwrap.dedent("""
        import os, signal, sys
        from sms_desktop import cli
        from sms_desktop.persistence import backup

        real = backup._copy

        def copy(source, dest, progress, **kw):
            # SIGTERM arrives while the temporary copy is being written
            return real(source, dest, lambda d, t: os.kill(os.getpid(), signal.SIGTERM), **kw)

        backup._copy = copy
        sys.exit(cli.main(["backup", "--db", sys.argv[1], "--out", sys.argv[2]]))
    """)
    result = subprocess.run(
        [sys.executable, "-c", code, str(live_db), str(out)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert (result.returncode, result.stderr) == (1, "sms-desktop: interrupted\n")
    assert list(out.parent.iterdir()) == []


def test_a_part_left_by_a_killed_backup_is_removed_by_the_next(
    live_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "copy.sqlite3"
    stale = tmp_path / ".copy.sqlite3.k1ll3d.part"
    stale.write_bytes(b"half a copy")
    assert main(["backup", "--db", str(live_db), "--out", str(out)]) == 0
    capsys.readouterr()
    assert out.is_file() and not stale.exists()
    assert _parts(tmp_path) == []


def test_an_unexpected_database_error_is_one_line_without_sql(
    live_db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlalchemy.exc import OperationalError

    from sms_desktop.persistence.paths import log_dir
    from sms_desktop.services.maintenance import MaintenanceService

    def fail(_self: object) -> object:
        raise OperationalError(
            "SELECT sum(total_minor)\nFROM orders\nWHERE x = ?", (1,), Exception("overflow")
        )

    monkeypatch.setattr(MaintenanceService, "counts", fail)
    assert main(["check", "--db", str(live_db)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "SELECT" not in err and "FROM" not in err and "overflow" not in err
    assert "database error" in err
    log = log_dir() / "errors.log"
    assert str(log) in err
    assert "SELECT sum(total_minor)" in log.read_text(encoding="utf-8")


def test_restoring_over_an_emptied_file_keeps_it_aside_not_as_a_backup(
    backed_up_db: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    db, good = backed_up_db
    db.write_bytes(b"")
    assert main(["restore", str(good), "--db", str(db)]) == 0
    capsys.readouterr()
    assert marker(db) == "LIVE"
    assert [b.path for b in list_backups(db)] == [good]  # no empty "before-restore" backup
    (aside,) = db.parent.glob("shop.damaged-*.sqlite3")
    assert aside.stat().st_size == 0
    db.write_bytes(b"")
    with pytest.raises(DatabaseDamagedError) as caught:
        open_workspace(db)
    assert caught.value.backup is not None and caught.value.backup.path == good
