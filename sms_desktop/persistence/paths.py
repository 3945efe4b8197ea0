"""Where the database and its backups live."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from platformdirs import user_data_path, user_log_path

from sms_desktop.domain.errors import DomainError
from sms_desktop.domain.i18n import translate

ENV_DB = "SMS_DESKTOP_DB"
DEFAULT_DB_NAME = "sms-desktop.sqlite3"


def data_dir() -> Path:
    return user_data_path("sms-desktop", appauthor=False, ensure_exists=False)


def default_db_path() -> Path:
    """``$SMS_DESKTOP_DB`` if set, else the file in the user data directory."""
    env = os.environ.get(ENV_DB)
    if env:
        return Path(env).expanduser()
    return data_dir() / DEFAULT_DB_NAME


class PathError(DomainError):
    """A file the user named can't be used as asked (a folder, a missing folder …)."""


def real_path(path: Path) -> Path:
    """The file ``path`` names, with ``~`` expanded and every symlink followed: backups,
    restores and the lock work on the real database, so a link to it stays a link."""
    return path.expanduser().resolve()


def backup_dir(db_path: Path) -> Path:
    """Backups sit in ``backups/`` next to the (real) database, named after it."""
    return real_path(db_path).parent / "backups"


def lock_path(db_path: Path) -> Path:
    """``<db>.lock`` beside the real database, whichever symlink it was reached through."""
    real = real_path(db_path)
    return real.with_name(real.name + ".lock")


def identity_lock_dir() -> Path:
    """Where the per-file locks live that find a database by its identity (device and
    inode): a hard link in any folder reaches the same one."""
    return user_data_path("sms-desktop", appauthor=False, ensure_exists=False) / "locks"


def check_database_path(path: Path) -> Path:
    """``path`` expanded; raises :class:`PathError` when it exists but is not a regular file
    (a folder, a named pipe, a device): SQLite would fail on it with a disk I/O error."""
    path = path.expanduser()
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return path
    except OSError:
        raise PathError(
            translate("Paths", "{path} cannot be read; check its permissions.").format(
                path=str(path)
            )
        ) from None
    if stat.S_ISDIR(mode):
        raise PathError(
            translate("Database", "{path} is a folder, not a database file.").format(path=str(path))
        )
    if not stat.S_ISREG(mode):
        raise PathError(
            translate(
                "Paths", "{path} is not a regular file (a pipe or a device); name a database file."
            ).format(path=str(path))
        )
    return path


def check_output_path(path: Path) -> Path:
    """Check up front a file a command is about to write; returns it with ``~`` expanded.

    Raises :class:`PathError` with one clear sentence when ``path`` is a folder, its folder
    does not exist, or it can't be written there — instead of failing half-way."""
    path = path.expanduser()
    if path.is_dir():
        raise PathError(
            translate("Paths", "{path} is a folder; give the name of a file to write.").format(
                path=str(path)
            )
        )
    folder = path.parent
    if not folder.is_dir():
        what = (
            translate("Paths", "{folder} is not a folder; choose another place for {name}.")
            if folder.exists()
            else translate("Paths", "The folder {folder} does not exist; create it first.")
        )
        raise PathError(what.format(folder=str(folder), name=path.name))
    if path.exists() and not path.is_file():
        raise PathError(
            translate(
                "Paths", "{path} is not a regular file; give the name of a file to write."
            ).format(path=str(path))
        )
    if not os.access(folder, os.W_OK | os.X_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise PathError(
            translate(
                "Paths", "{path} cannot be written (no permission); choose another place."
            ).format(path=str(path))
        )
    return path


def resources_dir() -> Path:
    """``resources/``: inside the installed package, or at the top of a source checkout."""
    package = Path(__file__).resolve().parent.parent
    installed = package / "resources"
    return installed if installed.is_dir() else package.parent / "resources"


def log_dir() -> Path:
    return user_log_path("sms-desktop", appauthor=False, ensure_exists=False)


def write_crash_log(text: str) -> Path | None:
    """Append an unexpected error's traceback to the log; returns the file, or None."""
    from datetime import UTC, datetime

    try:
        folder = log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "errors.log"
        with open(path, "a", encoding="utf-8") as handle:
            handle.write(f"--- {datetime.now(UTC).isoformat()}\n{text}\n")
    except OSError:
        return None
    return path
