"""Where the database and its backups live."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path, user_log_path

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


def backup_dir(db_path: Path) -> Path:
    """Backups sit in ``backups/`` next to the database, named after it."""
    return db_path.resolve().parent / "backups"


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


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
