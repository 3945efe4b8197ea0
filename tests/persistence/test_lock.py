"""The instance lock: one SMS Desktop per database, naming the holder; stale locks reclaimed."""

from __future__ import annotations

import getpass
import json
import os
import signal
import socket
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from sms_desktop.persistence import lock as lock_module
from sms_desktop.persistence.lock import (
    DatabaseLockedError,
    InstanceLock,
    LockHolder,
    read_holder,
)
from sms_desktop.persistence.paths import lock_path

HOLDER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from sms_desktop.persistence.lock import InstanceLock
    lock = InstanceLock(Path(sys.argv[1])).acquire()
    print("locked", lock.reclaimed_stale, flush=True)
    sys.stdin.readline()
    lock.release()
    print("released", flush=True)
""")


@pytest.fixture
def holder(db_path: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process that holds the lock until its stdin gets a line (or it is killed)."""
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    assert line.startswith("locked"), (line, proc.stderr.read() if proc.stderr else "")
    yield proc
    if proc.poll() is None:
        proc.kill()
    proc.wait(30)
    for stream in (proc.stdin, proc.stdout, proc.stderr):
        if stream is not None:
            stream.close()


def _held(lock: InstanceLock) -> bool:
    return lock.held  # read through a call: the value changes under mypy's narrowing


def test_lock_path_is_beside_the_database(db_path: Path) -> None:
    assert lock_path(db_path) == db_path.with_name("shop.sqlite3.lock")
    assert InstanceLock(db_path).path == lock_path(db_path)


def test_acquire_writes_the_holder_and_release_removes_the_file(db_path: Path) -> None:
    lock = InstanceLock(db_path)
    assert not _held(lock)
    assert lock.acquire() is lock
    try:
        assert _held(lock)
        assert lock.reclaimed_stale is False
        data = json.loads(lock.path.read_text(encoding="utf-8"))
        assert data["pid"] == os.getpid()
        assert data["host"] == socket.gethostname()
        assert data["user"] == getpass.getuser()
        assert data["since"]
        found = read_holder(db_path)
        assert found == LockHolder(os.getpid(), data["user"], data["host"], data["since"])
    finally:
        lock.release()
    assert not _held(lock)
    assert not lock.path.exists()
    lock.release()  # a second release is harmless


def test_context_manager(db_path: Path) -> None:
    with InstanceLock(db_path) as lock:
        assert lock.held
        assert lock.path.exists()
    assert not lock.path.exists()


def test_acquire_creates_the_folder(tmp_path: Path) -> None:
    path = tmp_path / "new" / "folder" / "shop.sqlite3"
    with InstanceLock(path) as lock:
        assert lock.path.parent.is_dir()


def test_second_lock_in_the_same_process_is_refused(db_path: Path) -> None:
    with InstanceLock(db_path):
        second = InstanceLock(db_path)
        with pytest.raises(DatabaseLockedError) as caught:
            second.acquire()
        assert not second.held
        message = caught.value.render()
        assert str(db_path) in message
        assert f"pid {os.getpid()}" in message
        assert getpass.getuser() in message
        assert socket.gethostname() in message
        assert caught.value.holder is not None
        assert caught.value.holder.pid == os.getpid()
        # The refused attempt did not disturb the holder's record.
        assert read_holder(db_path) is not None
        assert read_holder(db_path).pid == os.getpid()  # type: ignore[union-attr]


def test_lock_is_free_again_after_release(db_path: Path) -> None:
    with InstanceLock(db_path):
        pass
    with InstanceLock(db_path) as again:
        assert again.held
        assert again.reclaimed_stale is False


def test_unreadable_holder_record_still_refuses(db_path: Path) -> None:
    with InstanceLock(db_path) as lock:
        lock.path.write_text("garbage", encoding="utf-8")
        assert read_holder(db_path) is None
        with pytest.raises(DatabaseLockedError) as caught:
            InstanceLock(db_path).acquire()
        assert caught.value.holder is None
        assert "(?)" in caught.value.render()


def test_read_holder_without_a_lock_file(db_path: Path) -> None:
    assert read_holder(db_path) is None


def test_holder_describe() -> None:
    holder = LockHolder(123, "li", "pc-1", "2026-03-15 09:00")
    assert holder.describe() == "li@pc-1, pid 123, since 2026-03-15 09:00"


def test_lock_held_by_another_process_refuses_us(
    db_path: Path, holder: subprocess.Popen[str]
) -> None:
    with pytest.raises(DatabaseLockedError) as caught:
        InstanceLock(db_path).acquire()
    assert caught.value.holder is not None
    assert caught.value.holder.pid == holder.pid
    assert f"pid {holder.pid}" in caught.value.render()
    # A clean release by the holder frees the lock and removes the file.
    assert holder.stdin is not None and holder.stdout is not None
    holder.stdin.write("\n")
    holder.stdin.flush()
    assert holder.stdout.readline().strip() == "released"
    assert holder.wait(30) == 0
    assert not lock_path(db_path).exists()
    with InstanceLock(db_path) as lock:
        assert lock.reclaimed_stale is False


def test_lock_of_a_killed_process_is_reclaimed(
    db_path: Path, holder: subprocess.Popen[str]
) -> None:
    os.kill(holder.pid, signal.SIGKILL)
    assert holder.wait(30) == -signal.SIGKILL
    assert lock_path(db_path).exists()  # left behind
    stale = read_holder(db_path)
    assert stale is not None and stale.pid == holder.pid
    lock = InstanceLock(db_path).acquire()
    try:
        assert lock.reclaimed_stale is True
        assert read_holder(db_path) is not None
        assert read_holder(db_path).pid == os.getpid()  # type: ignore[union-attr]
    finally:
        lock.release()
    # After a clean release the next start is a clean one.
    with InstanceLock(db_path) as lock:
        assert lock.reclaimed_stale is False


def test_release_racing_with_acquire_never_gives_two_holders(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """B opens the lock file, A releases (unlinks it), then B's flock succeeds on the
    unlinked file: B must notice it locked a file that is gone, or C gets the lock too."""
    first = InstanceLock(db_path).acquire()
    real_try_lock = lock_module._try_lock
    calls: list[int] = []

    def release_in_between(handle: object) -> bool:
        if not calls:
            first.release()  # A closes exactly between B's open() and B's flock()
        calls.append(1)
        return real_try_lock(handle)  # type: ignore[arg-type]

    monkeypatch.setattr(lock_module, "_try_lock", release_in_between)
    second = InstanceLock(db_path)
    third = InstanceLock(db_path)
    try:
        second.acquire()
        monkeypatch.setattr(lock_module, "_try_lock", real_try_lock)
        assert second.held
        with pytest.raises(DatabaseLockedError):
            third.acquire()
    finally:
        third.release()
        second.release()
