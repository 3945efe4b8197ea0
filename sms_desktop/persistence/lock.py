"""One instance per database: an OS file lock on ``<db>.lock`` that names its holder.

The lock is an advisory ``flock`` (POSIX) or ``msvcrt.locking`` (Windows) held for
as long as the app has the database open. The operating system releases it when
the process dies, so a lock file left behind by a crash is simply reclaimed — and
tells us the last session ended uncleanly, which triggers a ``quick_check``.

Two locks make "the same database" mean the same file, however it is reached:
``<real db>.lock`` beside the file a symlink points to (it stays put while a restore
replaces the file), and one named after the file's identity (device and inode) in the
user's lock folder, which a hard link to the database, in any folder, reaches too.
"""

from __future__ import annotations

import getpass
import json
import os
import socket
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from sms_desktop.domain.errors import DomainError
from sms_desktop.domain.i18n import translate
from sms_desktop.persistence.base import utcnow
from sms_desktop.persistence.paths import identity_lock_dir, lock_path, real_path


@dataclass(frozen=True, slots=True)
class LockHolder:
    pid: int
    user: str
    host: str
    since: str

    def describe(self) -> str:
        return f"{self.user}@{self.host}, pid {self.pid}, since {self.since}"


class DatabaseLockedError(DomainError):
    """Another SMS Desktop has this database open."""

    def __init__(self, path: Path, holder: LockHolder | None) -> None:
        super().__init__(
            translate(
                "Database", "{path} is already open in another SMS Desktop ({holder})."
            ).format(path=str(path), holder=holder.describe() if holder else "?")
        )
        self.holder = holder


def _try_lock(handle: IO[str]) -> bool:
    if sys.platform == "win32":
        import msvcrt

        try:
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _is_current_file(handle: IO[str], path: Path) -> bool:
    """True when ``handle`` is still the file at ``path`` (not one removed meanwhile)."""
    try:
        ours, theirs = os.fstat(handle.fileno()), os.stat(path)
    except OSError:
        return False
    return (ours.st_dev, ours.st_ino) == (theirs.st_dev, theirs.st_ino)


def read_holder(path: Path, *, lock_file: Path | None = None) -> LockHolder | None:
    try:
        data = json.loads((lock_file or lock_path(path)).read_text(encoding="utf-8"))
        return LockHolder(
            int(data["pid"]), str(data["user"]), str(data["host"]), str(data["since"])
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _identity_lock_file(db_path: Path) -> Path | None:
    """The identity lock's file for the database now at ``db_path``, or None when there is
    no file yet (or the file system gives no identity)."""
    try:
        st = os.stat(real_path(db_path))
    except OSError:
        return None
    if not st.st_ino:
        return None
    return identity_lock_dir() / f"{st.st_dev}-{st.st_ino}.lock"


def _open_locked(path: Path, db_path: Path) -> tuple[IO[str], bool]:
    """Open and lock ``path``; returns the handle and whether the file existed before.
    Raises :class:`DatabaseLockedError` naming the holder when another process has it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    for _attempt in range(10):
        existed = path.exists()
        handle = open(path, "a+", encoding="utf-8")  # noqa: SIM115 - held until release
        if not _try_lock(handle):
            handle.close()
            raise DatabaseLockedError(db_path, read_holder(db_path, lock_file=path))
        if _is_current_file(handle, path):
            return handle, existed
        # The holder released (and removed) the file between our open and our lock:
        # we locked an orphan. Try again on the file that is there now.
        handle.close()
    raise DatabaseLockedError(db_path, read_holder(db_path, lock_file=path))


def _write_holder(handle: IO[str]) -> None:
    handle.seek(0)
    handle.truncate()
    json.dump(
        {"pid": os.getpid(), "user": _user(), "host": socket.gethostname(), "since": _now_text()},
        handle,
    )
    handle.flush()
    os.fsync(handle.fileno())


def _drop(path: Path, handle: IO[str]) -> None:
    """Release a lock and remove its file (a clean close)."""
    if sys.platform == "win32":  # an open file cannot be removed there
        handle.close()
        path.unlink(missing_ok=True)
        return
    # Unlink while still holding the lock, so no newcomer's lock file is removed.
    try:
        path.unlink(missing_ok=True)
    finally:
        handle.close()


class InstanceLock:
    """Hold the lock for ``db_path``; ``acquire`` raises :class:`DatabaseLockedError`."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self.path = lock_path(db_path)
        self._handle: IO[str] | None = None
        self._identity: tuple[Path, IO[str]] | None = None
        self.reclaimed_stale = False  # a previous session did not close cleanly

    def acquire(self) -> InstanceLock:
        handle, existed = _open_locked(self.path, self.db_path)
        self._handle = handle
        try:
            self.follow_file()
        except BaseException:
            self._handle = None
            if existed:  # keep the sign of the unclean end for the session that gets in
                handle.close()
            else:
                _drop(self.path, handle)
            raise
        self.reclaimed_stale = existed
        _write_holder(handle)
        return self

    def follow_file(self) -> None:
        """Hold the identity lock of the file now at the database's path: call it once the
        file was created or replaced (restore). Raises :class:`DatabaseLockedError` when
        another SMS Desktop has that file open under another name (a hard link)."""
        if self._handle is None:
            return
        wanted = _identity_lock_file(self.db_path)
        current = self._identity[0] if self._identity else None
        if wanted == current:
            return
        taken: tuple[Path, IO[str]] | None = None
        if wanted is not None:
            try:
                handle, _existed = _open_locked(wanted, self.db_path)
            except OSError:  # no lock folder to be had: the path lock still holds
                handle = None
            if handle is not None:
                _write_holder(handle)
                taken = (wanted, handle)
        old, self._identity = self._identity, taken
        if old is not None:
            _drop(*old)

    def release(self) -> None:
        """Clean close: remove the lock files, so the next start knows all went well."""
        if self._handle is None:
            return
        handle, self._handle = self._handle, None
        identity, self._identity = self._identity, None
        try:
            if identity is not None:
                _drop(*identity)
        finally:
            _drop(self.path, handle)

    @property
    def held(self) -> bool:
        return self._handle is not None

    def __enter__(self) -> InstanceLock:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "?"


def _now_text() -> str:
    return utcnow().astimezone().strftime("%Y-%m-%d %H:%M")
