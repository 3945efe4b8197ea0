"""Consistent backups (SQLite backup API, never a file copy), rotation, checks and restore."""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sms_desktop.domain.errors import DomainError
from sms_desktop.domain.i18n import translate
from sms_desktop.persistence.paths import backup_dir

_STAMP = "%Y%m%d-%H%M%S"
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})(?:-(?P<reason>[\w.-]+))?\.sqlite3$")

Progress = Callable[[int, int], None]  # pages done, pages total


class BackupError(DomainError):
    """A backup or restore could not be made safely; nothing was changed."""


@dataclass(frozen=True, slots=True)
class BackupInfo:
    path: Path
    created: datetime  # UTC
    reason: str | None
    size: int


def quick_check(path: Path, *, full: bool = False) -> list[str]:
    """Problems ``PRAGMA quick_check`` (or ``integrity_check``) finds; empty when healthy."""
    if not path.is_file():
        return [f"missing file: {path}"]
    try:
        con = sqlite3.connect(path)
        try:
            pragma = "integrity_check" if full else "quick_check"
            rows = [r[0] for r in con.execute(f"PRAGMA {pragma}")]
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    return [] if rows == ["ok"] else rows


def _fsync_dir(directory: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _copy(source: Path, dest: Path, progress: Progress | None) -> None:
    """Copy ``source`` into a new file ``dest`` with the backup API and check the copy."""
    part = dest.with_name(dest.name + ".part")
    part.unlink(missing_ok=True)
    src = sqlite3.connect(source)
    try:
        dst = sqlite3.connect(part)
        try:
            if progress is not None:
                progress(0, 1)
            # One step: one consistent snapshot. Stepwise copying restarts whenever another
            # connection commits, and never finishes on a busy database; WAL lets writers
            # carry on meanwhile.
            src.backup(dst, pages=-1)
            if progress is not None:
                progress(1, 1)
            # A standalone file: no WAL side files to lose when it is moved or mailed.
            dst.execute("PRAGMA journal_mode = DELETE")
        finally:
            dst.close()
    finally:
        src.close()
    problems = quick_check(part)
    if problems:
        part.unlink(missing_ok=True)
        raise BackupError(
            translate(
                "Database", "The backup copy failed its check ({problem}); it was discarded."
            ).format(problem=problems[0])
        )
    with open(part, "rb+") as handle:
        os.fsync(handle.fileno())
    os.replace(part, dest)
    # Closing the source may have folded a leftover WAL into it after the copy was made:
    # date the copy now, so it never looks older than what it contains.
    os.utime(dest)
    _fsync_dir(dest.parent)


def backup_database(
    db_path: Path,
    *,
    dest: Path | None = None,
    reason: str | None = None,
    progress: Progress | None = None,
    now: datetime | None = None,
) -> Path:
    """Write a consistent, checked copy of ``db_path`` (safe while the app writes)."""
    if not db_path.is_file():
        raise BackupError(
            translate("Database", "There is no database at {path}.").format(path=str(db_path))
        )
    if dest is None:
        stamp = (now or datetime.now(UTC)).strftime(_STAMP)
        suffix = f"-{reason}" if reason else ""
        dest = backup_dir(db_path) / f"{db_path.stem}-{stamp}{suffix}.sqlite3"
    dest.parent.mkdir(parents=True, exist_ok=True)
    if dest.resolve() == db_path.resolve():
        raise BackupError(translate("Database", "A backup cannot overwrite the database itself."))
    try:
        _copy(db_path, dest, progress)
    except (sqlite3.Error, OSError) as exc:
        raise BackupError(
            translate("Database", "Backup failed: {error}").format(error=str(exc))
        ) from exc
    return dest


def list_backups(db_path: Path) -> list[BackupInfo]:
    """This database's backups in its backup folder, newest first."""
    folder = backup_dir(db_path)
    found: list[BackupInfo] = []
    if not folder.is_dir():
        return found
    for entry in folder.iterdir():
        match = _NAME.match(entry.name)
        if not match or match["stem"] != db_path.stem or not entry.is_file():
            continue
        created = datetime.strptime(match["stamp"], _STAMP).replace(tzinfo=UTC)
        found.append(BackupInfo(entry, created, match["reason"], entry.stat().st_size))
    found.sort(key=lambda b: (b.created, b.path.name), reverse=True)
    return found


def backups_to_prune(backups: list[BackupInfo], now: datetime) -> list[BackupInfo]:
    """Rotation: keep the newest 5, one a day for 7 days, one a week for 5 weeks,
    one a month for 12 months, and every backup made before a migration or restore."""
    keep: set[Path] = set()
    automatic = [b for b in backups if b.reason is None]
    keep.update(b.path for b in automatic[:5])
    buckets: list[tuple[timedelta, Callable[[datetime], object]]] = [
        (timedelta(days=7), lambda d: d.date()),
        (timedelta(weeks=5), lambda d: d.isocalendar()[:2]),
        (timedelta(days=366), lambda d: (d.year, d.month)),
    ]
    for horizon, bucket_of in buckets:
        seen: set[object] = set()
        for b in automatic:  # newest first: the first of each bucket is kept
            if now - b.created > horizon:
                continue
            bucket = bucket_of(b.created)
            if bucket not in seen:
                seen.add(bucket)
                keep.add(b.path)
    return [b for b in automatic if b.path not in keep]


def rotate_backups(db_path: Path, now: datetime | None = None) -> list[Path]:
    removed = []
    for b in backups_to_prune(list_backups(db_path), now or datetime.now(UTC)):
        b.path.unlink(missing_ok=True)
        removed.append(b.path)
    return removed


def needs_backup(db_path: Path) -> bool:
    """True when the database changed since its newest automatic backup."""
    latest = next((b for b in list_backups(db_path) if b.reason is None), None)
    if latest is None:
        return True
    changed = max(
        (
            p.stat().st_mtime
            for p in (db_path, db_path.with_name(db_path.name + "-wal"))
            if p.exists()
        ),
        default=0.0,
    )
    return changed > latest.path.stat().st_mtime


def latest_good_backup(db_path: Path) -> BackupInfo | None:
    for b in list_backups(db_path):
        if not quick_check(b.path):
            return b
    return None


def set_aside(db_path: Path, label: str, now: datetime | None = None) -> Path:
    """Move a (damaged) database and its side files out of the way; returns the new path."""
    stamp = (now or datetime.now(UTC)).strftime(_STAMP)
    aside = db_path.with_name(f"{db_path.stem}.{label}-{stamp}{db_path.suffix}")
    for side in ("-wal", "-shm"):
        src = db_path.with_name(db_path.name + side)
        if src.exists():
            os.replace(src, aside.with_name(aside.name + side))
    os.replace(db_path, aside)
    _fsync_dir(db_path.parent)
    return aside


def restore_database(
    source: Path, db_path: Path, *, progress: Progress | None = None, now: datetime | None = None
) -> Path | None:
    """Replace ``db_path`` with a checked copy of ``source``; returns where the old file went.

    The caller holds the instance lock and has closed every connection. The old
    database is first copied into the backup folder; the new file is built beside
    it and moved in with one atomic rename, so a crash leaves either one or the other.
    """
    from sms_desktop.persistence.db import SchemaState, schema_info

    problems = quick_check(source)
    if problems:
        raise BackupError(
            translate(
                "Database", "{path} is damaged or not a database ({problem}); nothing was restored."
            ).format(path=str(source), problem=problems[0])
        )
    state = schema_info(source).state
    if state in (SchemaState.NEWER, SchemaState.FOREIGN, SchemaState.EMPTY):
        raise BackupError(
            translate(
                "Database", "{path} is not a backup this version of SMS Desktop can restore."
            ).format(path=str(source))
        )
    if source.resolve() == db_path.resolve():
        raise BackupError(translate("Database", "That file is the open database itself."))
    kept: Path | None = None
    if db_path.exists():
        if not quick_check(db_path):
            kept = backup_database(db_path, reason="before-restore", now=now)
        else:  # a damaged current file is kept as it is, beside the database
            kept = set_aside(db_path, "damaged", now)
    incoming = db_path.with_name(db_path.name + ".restoring")
    try:
        _copy(source, incoming, progress)
        if db_path.exists():
            fold_wal(db_path)
        os.replace(incoming, db_path)
        _fsync_dir(db_path.parent)
    except (sqlite3.Error, OSError) as exc:
        incoming.unlink(missing_ok=True)
        raise BackupError(
            translate("Database", "Restore failed: {error}").format(error=str(exc))
        ) from exc
    return kept


def fold_wal(db_path: Path) -> None:
    """Checkpoint and drop the WAL so no stale log is replayed onto the restored file."""
    con = sqlite3.connect(db_path)
    try:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        con.execute("PRAGMA journal_mode = DELETE")
    finally:
        con.close()


def clean_leftovers(db_path: Path) -> None:
    """Remove half-written files a crash during backup, restore or demo may have left."""
    for suffix in (
        ".restoring",
        ".restoring.part",
        ".restoring.part-journal",
        ".building",
        ".building-wal",
        ".building-shm",
        ".building-journal",
    ):
        db_path.with_name(db_path.name + suffix).unlink(missing_ok=True)
    folder = backup_dir(db_path)
    if folder.is_dir():
        for pattern in (f"{db_path.stem}-*.part", f"{db_path.stem}-*.part-journal"):
            for part in folder.glob(pattern):
                part.unlink(missing_ok=True)
