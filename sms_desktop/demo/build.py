"""Building a demo database file safely: in a side file, then one atomic rename."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date
from pathlib import Path

from sms_desktop.domain.errors import DomainError
from sms_desktop.domain.i18n import translate


class DemoTargetExistsError(DomainError):
    """The demo would overwrite a database that already holds data."""


def create_demo_database(
    path: Path,
    *,
    customers: int = 300,
    seed: int = 20261127,
    today: date | None = None,
    replace: bool = False,
    progress: Callable[[str, float], None] | None = None,
) -> dict[str, int]:
    """Build a demo database at ``path``; returns the row counts.

    The data is built in a side file and moved over ``path`` with one atomic rename,
    so an interrupted run leaves the previous file (or none) untouched. The caller
    holds the instance lock for ``path``.
    """
    if path.exists() and path.stat().st_size > 0 and not replace:
        raise DemoTargetExistsError(
            translate(
                "Demo", "{path} already exists; choose another file or replace it explicitly."
            ).format(path=str(path))
        )
    from sms_desktop.demo.generator import populate
    from sms_desktop.persistence.backup import backup_database, fold_wal, quick_check
    from sms_desktop.persistence.db import open_database
    from sms_desktop.persistence.search import rebuild_index
    from sms_desktop.services.customers import refresh_stats_if_stale

    path.parent.mkdir(parents=True, exist_ok=True)
    building = path.with_name(path.name + ".building")
    for leftover in (building, *(building.with_name(building.name + s) for s in ("-wal", "-shm"))):
        leftover.unlink(missing_ok=True)
    db = open_database(building)
    try:
        summary = populate(db, customers=customers, seed=seed, today=today, progress=progress)
        # The same figures and index the app keeps for data entered by hand.
        refresh_stats_if_stale(db, today=today)
        with db.write() as session:
            rebuild_index(session.connection())
        with db.engine.connect() as conn:
            # Fresh statistics so the query planner picks the right indexes on a big file.
            conn.exec_driver_sql("ANALYZE")
            conn.commit()
        with db.engine.connect() as conn:
            # Fold the WAL into the file before it is moved into place.
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            conn.rollback()
    finally:
        db.close()
    problems = quick_check(building)
    if problems:
        raise RuntimeError(f"demo database failed its check: {problems[0]}")
    if path.exists() and path.stat().st_size > 0:
        backup_database(path, reason="before-demo")
        fold_wal(path)
    os.replace(building, path)
    return dict(summary.counts)
