"""Consistent backups (SQLite backup API, never a file copy), rotation, checks and restore."""

from __future__ import annotations

import glob
import os
import re
import sqlite3
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sms_desktop.domain.errors import DomainError
from sms_desktop.domain.i18n import Message, translate
from sms_desktop.persistence.paths import backup_dir, check_output_path, real_path

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


def _new_part(dest: Path) -> tuple[Path, int | None]:
    """A new, uniquely named temporary file beside ``dest`` (``.<name>.<random>.part``).

    On POSIX the returned descriptor holds an ``flock`` on it while the copy is written,
    so :func:`remove_stale_parts` can tell a live copy from one a killed process left."""
    remove_stale_parts(dest)
    fd, name = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".part", dir=dest.parent)
    if os.name != "posix":
        os.close(fd)
        return Path(name), None
    import fcntl

    fcntl.flock(fd, fcntl.LOCK_EX)
    return Path(name), fd


def remove_stale_parts(dest: Path) -> None:
    """Remove temporary copies towards ``dest`` that a killed process left behind."""
    try:
        candidates = list(dest.parent.glob(f".{glob.escape(dest.name)}.*.part"))
    except OSError:
        return
    for part in candidates:
        _remove_if_abandoned(part)


def _remove_if_abandoned(part: Path) -> None:
    """Remove ``part`` (and its journal) unless a live process is still writing it (it holds
    the file's lock). Without ``flock`` (Windows) a part is left for the user to remove."""
    if os.name != "posix":
        return
    import fcntl

    try:
        fd = os.open(part, os.O_RDONLY)
    except OSError:
        return
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return  # a copy being written right now
        _discard(part)
    finally:
        os.close(fd)


def _discard(part: Path) -> None:
    for leftover in (part, part.with_name(part.name + "-journal")):
        leftover.unlink(missing_ok=True)


def _copy(
    source: Path,
    dest: Path,
    progress: Progress | None,
    *,
    check: bool = True,
    unique: bool = True,
) -> None:
    """Copy ``source`` into a new file ``dest`` with the backup API and check the copy.

    The copy is written to a temporary file in ``dest``'s folder and renamed into place;
    on any failure (or an interrupt) the temporary file is removed. ``unique=False`` names
    it ``<dest>.part``: for the restore's own files, written under the instance lock and
    removed by :func:`clean_leftovers` after a crash."""
    held: int | None = None
    if unique:
        part, held = _new_part(dest)
    else:
        part = dest.with_name(dest.name + ".part")
        _discard(part)
    try:
        src = sqlite3.connect(source)
        try:
            dst = sqlite3.connect(part)
            try:
                if progress is not None:
                    progress(0, 1)
                # One step: one consistent snapshot. Stepwise copying restarts whenever
                # another connection commits, and never finishes on a busy database; WAL
                # lets writers carry on meanwhile.
                src.backup(dst, pages=-1)
                if progress is not None:
                    progress(1, 1)
                # A standalone file: no WAL side files to lose when it is moved or mailed.
                dst.execute("PRAGMA journal_mode = DELETE")
            finally:
                dst.close()
        finally:
            src.close()
        if check:
            problems = quick_check(part)
            if problems:
                raise BackupError(
                    translate(
                        "Database",
                        "The backup copy failed its check ({problem}); it was discarded.",
                    ).format(problem=problems[0])
                )
        with open(part, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(part, dest)
    except (Exception, KeyboardInterrupt, SystemExit):
        _discard(part)
        raise
    finally:
        if held is not None:
            os.close(held)
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
    """Write a consistent, checked copy of ``db_path`` (safe while the app writes).

    A symlinked ``db_path`` is followed: the backup is of, and named after, the real file."""
    db_path = real_path(db_path)
    if not db_path.is_file():
        raise BackupError(
            translate("Database", "There is no database at {path}.").format(path=str(db_path))
        )
    if dest is None:
        stamp = (now or datetime.now(UTC)).strftime(_STAMP)
        suffix = f"-{reason}" if reason else ""
        dest = backup_dir(db_path) / f"{db_path.stem}-{stamp}{suffix}.sqlite3"
        dest.parent.mkdir(parents=True, exist_ok=True)
    else:
        dest = dest.expanduser()
        if not dest.parent.exists():
            dest.parent.mkdir(parents=True, exist_ok=True)
        dest = check_output_path(dest)
    if dest.resolve() == db_path:
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
    db_path = real_path(db_path)
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
    db_path = real_path(db_path)
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
    """The newest backup that is whole (not empty, not truncated) and passes quick_check."""
    from sms_desktop.persistence.db import file_problem

    for b in list_backups(db_path):
        if file_problem(b.path) is None and not quick_check(b.path):
            return b
    return None


def set_aside(db_path: Path, label: str, now: datetime | None = None) -> Path:
    """Move a (damaged) database and its side files out of the way; returns the new path."""
    db_path = real_path(db_path)
    stamp = (now or datetime.now(UTC)).strftime(_STAMP)
    aside = db_path.with_name(f"{db_path.stem}.{label}-{stamp}{db_path.suffix}")
    for side in ("-wal", "-shm"):
        src = db_path.with_name(db_path.name + side)
        if src.exists():
            os.replace(src, aside.with_name(aside.name + side))
    os.replace(db_path, aside)
    _fsync_dir(db_path.parent)
    return aside


def _refuse(message: Message) -> BackupError:
    return BackupError(message)


def _source_problem(source: Path) -> BackupError | None:
    """The cheap checks of a restore candidate, from its first bytes and its size."""
    from sms_desktop.persistence.db import SQLITE_HEADER, file_problem

    try:
        size = source.stat().st_size
        with open(source, "rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError:
        return _refuse(
            translate("Database", "{path} cannot be read; nothing was restored.").format(
                path=str(source)
            )
        )
    if size == 0:
        return _refuse(
            translate("Database", "{path} is empty (0 bytes); nothing was restored.").format(
                path=str(source)
            )
        )
    if header != SQLITE_HEADER:
        return _refuse(
            translate(
                "Database",
                "{path} is not an SMS Desktop backup (not a database file); nothing was restored.",
            ).format(path=str(source))
        )
    if file_problem(source) is not None:
        return _damaged(source)
    return None


def _damaged(source: Path) -> BackupError:
    return _refuse(
        translate(
            "Database", "{path} is damaged; nothing was restored. Choose another backup."
        ).format(path=str(source))
    )


def _incomplete(source: Path) -> BackupError:
    return _refuse(
        translate(
            "Database",
            "{path} is an incomplete SMS Desktop database (tables or columns are missing); "
            "nothing was restored.",
        ).format(path=str(source))
    )


def _check_contents(source: Path, candidate: Path) -> None:
    """The schema of ``candidate`` (current revision) is complete and it has its owner and
    pipeline stages: the app can open it and work with it."""
    from sms_desktop.persistence.db import schema_problems

    con = sqlite3.connect(candidate)
    try:
        if schema_problems(con):
            raise _incomplete(source)
        people = con.execute("SELECT count(*) FROM salespeople").fetchone()[0]
        stages = con.execute("SELECT count(*) FROM pipeline_stages").fetchone()[0]
    finally:
        con.close()
    if not people:
        raise _refuse(
            translate(
                "Database", "{path} has no owner or salespeople; nothing was restored."
            ).format(path=str(source))
        )
    if not stages:
        raise _refuse(
            translate("Database", "{path} has no pipeline stages; nothing was restored.").format(
                path=str(source)
            )
        )


def _validate_candidate(source: Path, incoming: Path) -> None:
    """Everything the app needs of a file before it replaces the database: a whole SQLite
    file, a known revision, every table and column of the current schema (an older revision
    is upgraded on a scratch copy to see it), the owner and the pipeline stages."""
    from sms_desktop.persistence.db import (
        DatabaseError,
        SchemaState,
        newer_database_message,
        schema_info,
    )

    if quick_check(incoming, full=True):
        raise _damaged(source)
    try:
        info = schema_info(incoming)
    except DatabaseError:
        raise _damaged(source) from None
    if info.state is SchemaState.NEWER:
        raise _refuse(newer_database_message(source, info.revision))
    if info.state in (SchemaState.FOREIGN, SchemaState.EMPTY):
        raise _refuse(
            translate(
                "Database", "{path} is not an SMS Desktop backup; nothing was restored."
            ).format(path=str(source))
        )
    if info.state is SchemaState.CURRENT:
        _check_contents(source, incoming)
        return
    # An older revision: the app migrates it when it opens it; see now that it can.
    from sms_desktop.persistence import migrations

    scratch = incoming.with_name(incoming.name + ".check")
    try:
        _copy(incoming, scratch, None, check=False, unique=False)
        try:
            migrations.upgrade(scratch)
        except Exception:
            raise _incomplete(source) from None
        _check_contents(source, scratch)
    finally:
        for side in ("", "-wal", "-shm", "-journal", ".part", ".part-journal"):
            scratch.with_name(scratch.name + side).unlink(missing_ok=True)


def restore_database(
    source: Path, db_path: Path, *, progress: Progress | None = None, now: datetime | None = None
) -> Path | None:
    """Replace ``db_path`` with a checked copy of ``source``; returns where the old file went.

    The caller holds the instance lock and has closed every connection. ``source`` is
    copied beside the database and validated in full before anything else happens; only
    then is the old database copied into the backup folder (or, if damaged, set aside)
    and the new file moved in with one atomic rename, so a crash leaves one or the other.
    A symlinked ``db_path`` stays a link: the file it points to is replaced.
    """
    db_path = real_path(db_path)
    source = source.expanduser()
    if source.resolve() == db_path:
        raise BackupError(translate("Database", "That file is the open database itself."))
    problem = _source_problem(source)
    if problem is not None:
        raise problem
    incoming = db_path.with_name(db_path.name + ".restoring")
    try:
        try:
            _copy(source, incoming, progress, check=False, unique=False)
        except sqlite3.DatabaseError:
            raise _damaged(source) from None
        _validate_candidate(source, incoming)
        kept: Path | None = None
        if db_path.exists():
            from sms_desktop.persistence.db import file_problem

            if file_problem(db_path) is None and not quick_check(db_path):
                kept = backup_database(db_path, reason="before-restore", now=now)
            else:  # a damaged (or emptied) current file is kept as it is, beside it
                kept = set_aside(db_path, "damaged", now)
        if db_path.exists():
            fold_wal(db_path)
        os.replace(incoming, db_path)
        _fsync_dir(db_path.parent)
    except (sqlite3.Error, OSError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise BackupError(
            translate("Database", "Restore failed: {error}").format(error=reason)
        ) from exc
    finally:
        incoming.unlink(missing_ok=True)
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
    db_path = real_path(db_path)
    for suffix in (
        ".restoring",
        ".restoring.part",
        ".restoring.part-journal",
        ".restoring.check",
        ".restoring.check.part",
        ".restoring.check.part-journal",
        ".restoring.check-wal",
        ".restoring.check-shm",
        ".restoring.check-journal",
        ".building",
        ".building-wal",
        ".building-shm",
        ".building-journal",
    ):
        db_path.with_name(db_path.name + suffix).unlink(missing_ok=True)
    folder = backup_dir(db_path)
    if folder.is_dir():
        for hidden in folder.glob(f".{glob.escape(db_path.stem)}-*.part"):
            _remove_if_abandoned(hidden)
        for pattern in (f"{db_path.stem}-*.part", f"{db_path.stem}-*.part-journal"):
            for part in folder.glob(pattern):
                part.unlink(missing_ok=True)
