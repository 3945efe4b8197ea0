"""One instance per database: an OS file lock on ``<db>.lock`` that names its holder.

The lock is an advisory ``flock`` (POSIX) or ``msvcrt.locking`` (Windows) held for
as long as the app has the database open. The operating system releases it when
the process dies, so a lock file left behind by a crash is simply reclaimed — and
tells us the last session ended uncleanly, which triggers a ``quick_check``.
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
from sms_desktop.persistence.paths import lock_path


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


def read_holder(path: Path) -> LockHolder | None:
    try:
        data = json.loads(lock_path(path).read_text(encoding="utf-8"))
        return LockHolder(
            int(data["pid"]), str(data["user"]), str(data["host"]), str(data["since"])
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


class InstanceLock:
    """Hold the lock for ``db_path``; ``acquire`` raises :class:`DatabaseLockedError`."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self.path = lock_path(db_path)
        self._handle: IO[str] | None = None
        self.reclaimed_stale = False  # a previous session did not close cleanly

    def acquire(self) -> InstanceLock:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        for _attempt in range(10):
            existed = self.path.exists()
            handle = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 - held until release
            if not _try_lock(handle):
                handle.close()
                raise DatabaseLockedError(self.db_path, read_holder(self.db_path))
            if _is_current_file(handle, self.path):
                break
            # The holder released (and removed) the file between our open and our lock:
            # we locked an orphan. Try again on the file that is there now.
            handle.close()
        else:
            raise DatabaseLockedError(self.db_path, read_holder(self.db_path))
        self.reclaimed_stale = existed
        handle.seek(0)
        handle.truncate()
        json.dump(
            {
                "pid": os.getpid(),
                "user": _user(),
                "host": socket.gethostname(),
                "since": _now_text(),
            },
            handle,
        )
        handle.flush()
        os.fsync(handle.fileno())
        self._handle = handle
        return self

    def release(self) -> None:
        """Clean close: remove the lock file, so the next start knows all went well."""
        if self._handle is None:
            return
        handle, self._handle = self._handle, None
        if sys.platform == "win32":  # an open file cannot be removed there
            handle.close()
            self.path.unlink(missing_ok=True)
            return
        # Unlink while still holding the lock, so no newcomer's lock file is removed.
        try:
            self.path.unlink(missing_ok=True)
        finally:
            handle.close()

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
