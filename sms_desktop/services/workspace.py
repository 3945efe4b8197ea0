"""An open database: the instance lock, the engine, the services, and closing with a backup."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from sqlalchemy import func, select

from sms_desktop.domain.enums import SalespersonRole, StageKind
from sms_desktop.domain.errors import Errors
from sms_desktop.domain.i18n import translate
from sms_desktop.persistence import models as m
from sms_desktop.persistence.backup import (
    BackupInfo,
    backup_database,
    clean_leftovers,
    latest_good_backup,
    list_backups,
    needs_backup,
    quick_check,
    restore_database,
    rotate_backups,
    set_aside,
)
from sms_desktop.persistence.db import (
    NOT_SQLITE,
    Database,
    DatabaseError,
    SchemaState,
    file_problem,
    open_database,
    schema_info,
    schema_problems,
)
from sms_desktop.persistence.lock import InstanceLock
from sms_desktop.persistence.paths import check_database_path, real_path
from sms_desktop.services.onboarding import OnboardingService
from sms_desktop.services.registry import Services
from sms_desktop.services.settings import CompanyProfile

T = TypeVar("T")

# Files up to this size get their full ``quick_check`` while opening (~40 ms here); a
# larger one opens at once and is checked in the background (see Workspace.check_pending).
QUICK_CHECK_ON_OPEN_BYTES = 8 * 1024 * 1024
# Tables every revision has had since the first (0001): an older database lacking one of them
# is damaged, not old.
FIRST_REVISION_TABLES = frozenset(
    {"salespeople", "settings", "pipeline_stages", "customers", "opportunities", "activities"}
    | {"products", "quotes", "quote_lines", "orders", "order_lines", "targets"}
)


class DatabaseDamagedError(DatabaseError):
    """The file is damaged or has lost its contents; it was not opened (nor changed).

    ``backup`` is the latest good backup to offer, if there is one."""

    def __init__(self, path: Path, backup: BackupInfo | None, *, emptied: bool) -> None:
        if backup is None:
            message = (
                translate(
                    "Workspace",
                    "{path} is empty although it has held data, and there is no good backup "
                    "of it; it was not opened. Keep the file and look for a copy of your data.",
                )
                if emptied
                else translate(
                    "Workspace",
                    "{path} is damaged and there is no good backup of it; it was not opened. "
                    "Keep a copy of the file and export what you can from it.",
                )
            )
            super().__init__(message.format(path=str(path)))
        else:
            message = (
                translate(
                    "Workspace",
                    "{path} is empty although it has held data; it was not opened. The latest "
                    "good backup is {backup} from {when}: restore it with sms-desktop restore "
                    '"{backup}" --db "{path}"',
                )
                if emptied
                else translate(
                    "Workspace",
                    "{path} is damaged; it was not opened. The latest good backup is {backup} "
                    'from {when}: restore it with sms-desktop restore "{backup}" --db "{path}"',
                )
            )
            super().__init__(
                message.format(path=str(path), backup=str(backup.path), when=backup_date(backup))
            )
        self.path = path
        self.backup = backup
        self.emptied = emptied


def backup_date(backup: BackupInfo) -> str:
    """When a backup was made, in local time, as messages show it."""
    return backup.created.astimezone().strftime("%Y-%m-%d %H:%M")


def file_problems(path: Path, *, quick_check_up_to: int | None = None) -> tuple[list[str], bool]:
    """What is wrong with the database file at ``path`` (English text for logs and
    ``check``; empty when it looks usable) and whether it was emptied.

    Cheap checks first: the header and size, then the schema (every table and column, at
    the current revision). An empty file, or one without tables, is a new database unless
    it has backups beside it: then its data is gone. ``quick_check`` runs too when the
    file is at most ``quick_check_up_to`` bytes (None: always)."""
    if not path.exists():
        return [], False
    emptied_problem = "the file is empty (0 bytes) but has backups"
    problem = file_problem(path)
    if problem is not None:
        if path.stat().st_size == 0:
            return ([emptied_problem], True) if list_backups(path) else ([], False)
        if problem == NOT_SQLITE and not list_backups(path):
            return [], False  # some other file, not a damaged database: open says so
        return [problem], False
    try:
        info = schema_info(path)
    except DatabaseError:
        return ["the database cannot be read (its schema is damaged)"], False
    if info.state is SchemaState.EMPTY:
        if list_backups(path):
            return ["the database has no tables left but has backups"], True
        return [], False
    if info.state is SchemaState.OLDER:
        # The migrations add what later revisions brought; what every revision has had
        # since the first one must be there already (a hollow file is not an old database).
        import sqlite3

        try:
            con = sqlite3.connect(path)
            try:
                tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master")}
            finally:
                con.close()
        except sqlite3.DatabaseError:
            return ["the database cannot be read (its schema is damaged)"], False
        missing = sorted(FIRST_REVISION_TABLES - tables)
        if missing:
            return [f"missing table {t}" for t in missing], False
    if info.state is SchemaState.CURRENT:
        import sqlite3

        try:
            con = sqlite3.connect(path)
            try:
                missing = schema_problems(con)
            finally:
                con.close()
        except sqlite3.DatabaseError:
            return ["the database cannot be read (its schema is damaged)"], False
        if missing:
            return missing, False
    if quick_check_up_to is None or path.stat().st_size <= quick_check_up_to:
        return quick_check(path), False
    return [], False


# (key, 中文, English, probability %, stale after days, kind)
DEFAULT_STAGES: tuple[tuple[str, str, str, int, int | None, StageKind], ...] = (
    ("lead", "线索", "Lead", 10, 14, StageKind.OPEN),
    ("qualified", "初步接洽", "Qualified", 20, 21, StageKind.OPEN),
    ("needs_analysis", "需求分析", "Needs analysis", 40, 30, StageKind.OPEN),
    ("proposal", "方案报价", "Proposal", 60, 30, StageKind.OPEN),
    ("negotiation", "商务谈判", "Negotiation", 80, 21, StageKind.OPEN),
    ("won", "赢单", "Won", 100, None, StageKind.WON),
    ("lost", "输单", "Lost", 0, None, StageKind.LOST),
)

DEFAULT_LOST_REASONS: tuple[tuple[str, str], ...] = (
    ("价格太高", "Price too high"),
    ("选择了竞争对手", "Chose a competitor"),
    ("预算取消", "Budget cancelled"),
    ("没有回应", "No response"),
    ("需求不匹配", "Needs not met"),
    ("时机不对", "Bad timing"),
)

# A fresh database's product categories (a product may also have none; imports add more).
DEFAULT_PRODUCT_CATEGORIES: tuple[tuple[str, str], ...] = (
    ("设备", "Equipment"),
    ("配件耗材", "Parts & consumables"),
    ("软件", "Software"),
    ("服务", "Services"),
    ("办公用品", "Office supplies"),
    ("其他", "Other"),
)


@dataclass
class Workspace:
    """Everything that belongs to one open database file."""

    path: Path
    db: Database
    lock: InstanceLock
    services: Services = field(init=False)
    unclean_shutdown: bool = False
    check_pending: bool = False  # too large to quick_check while opening: check it soon

    def __post_init__(self) -> None:
        self.services = Services(self.db)

    def replace_file(self, action: Callable[[Path], T]) -> T:
        """Close the engine, let ``action`` replace the file (the lock stays held), reopen."""
        self.db.close()
        try:
            return action(self.path)
        finally:
            self.db = open_database(real_path(self.path))
            self.services = Services(self.db)
            self.lock.follow_file()  # the file there now is a new one

    def close(self, *, backup: bool = True) -> Path | None:
        """Close the database; with ``backup``, write a rotated backup if anything changed."""
        written: Path | None = None
        try:
            self.db.close()
            if backup and self.path.exists() and needs_backup(self.path):
                written = backup_database(self.path)
                rotate_backups(self.path)
        finally:
            self.lock.release()
        return written


def open_workspace(path: Path) -> Workspace:
    """Lock and open (creating or migrating) the database at ``path``.

    A symlinked ``path`` opens the file it points to (and is locked, backed up and
    restored as that file)."""
    check_database_path(path)
    lock = InstanceLock(path).acquire()
    try:
        clean_leftovers(path)
        real = real_path(path)
        # However the last session ended: a damaged or emptied file is never opened (a
        # new, empty schema would hide that the data is gone).
        problems, emptied = file_problems(real, quick_check_up_to=QUICK_CHECK_ON_OPEN_BYTES)
        if problems:
            raise DatabaseDamagedError(path, latest_good_backup(real), emptied=emptied)
        large = real.exists() and real.stat().st_size > QUICK_CHECK_ON_OPEN_BYTES
        db = open_database(real)
        lock.follow_file()  # the file may have just been created
    except BaseException:
        lock.release()
        raise
    return Workspace(path, db, lock, unclean_shutdown=lock.reclaimed_stale, check_pending=large)


def initialize_empty(db: Database, *, company_name: str, owner_name: str) -> None:
    """Give a new, empty database what every feature expects: the owner, stages, reasons,
    product categories."""
    errors = Errors()
    if not owner_name.strip():
        errors.add("owner_name", translate("Workspace", "Enter your name."))
    errors.raise_if_any()
    with db.write() as session:
        if session.scalar(select(func.count()).select_from(m.Salesperson)):
            return
        session.add(m.Salesperson(name=owner_name.strip(), role=SalespersonRole.OWNER))
        for position, (key, zh, en, probability, stale, kind) in enumerate(DEFAULT_STAGES):
            session.add(
                m.PipelineStage(
                    key=key,
                    name_zh=zh,
                    name_en=en,
                    position=position,
                    default_probability=probability,
                    stale_after_days=stale,
                    kind=kind,
                )
            )
        for position, (zh, en) in enumerate(DEFAULT_LOST_REASONS):
            session.add(m.LostReason(name_zh=zh, name_en=en, position=position))
        for zh, en in DEFAULT_PRODUCT_CATEGORIES:
            session.add(m.ProductCategory(name_zh=zh, name_en=en))
        OnboardingService.start_in(session)
    Services(db).settings.save_company(CompanyProfile(name=company_name.strip()))


def check_health(path: Path) -> list[str]:
    """``quick_check`` of the open file (reads it all: call it off the GUI thread)."""
    return quick_check(path)


def recover_damaged(path: Path) -> tuple[Path, BackupInfo] | None:
    """For a database that could not be opened because it is damaged: take the lock, set
    the file aside and put its latest good backup in its place (see recover_from_backup)."""
    with InstanceLock(path):
        return recover_from_backup(path)


def recover_from_backup(path: Path) -> tuple[Path, BackupInfo] | None:
    """Set a damaged database aside and put its latest good backup in its place.

    Returns (where the damaged file went, the backup used), or None when there is no
    good backup (then nothing is changed). The caller has closed the database but
    still holds the lock.
    """
    good = latest_good_backup(path)
    if good is None:
        return None
    aside = set_aside(path, "damaged")
    restore_database(good.path, path)
    return aside, good


def restore_into(
    path: Path, source: Path, progress: Callable[[int, int], None] | None = None
) -> Path | None:
    """Restore ``source`` over the (closed, locked) database at ``path``."""
    return restore_database(source, path, progress=progress)
