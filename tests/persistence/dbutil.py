"""Small helpers shared by the persistence and reliability tests (raw sqlite3, no app code)."""

from __future__ import annotations

import hashlib
import random
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

from sms_desktop.persistence.search import SEARCH_TABLE_NAMES

NOT_MODELS = frozenset({"alembic_version"} | SEARCH_TABLE_NAMES)


def connect(path: Path) -> sqlite3.Connection:
    """A plain connection in autocommit mode (each statement commits on its own)."""
    return sqlite3.connect(path, isolation_level=None)


def user_tables(con: sqlite3.Connection) -> list[str]:
    return sorted(
        r[0]
        for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        if not r[0].startswith("sqlite_") and r[0] not in NOT_MODELS
    )


def read_all(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every data table, in rowid order."""
    con = sqlite3.connect(path)
    try:
        return {
            t: con.execute(f'SELECT * FROM "{t}" ORDER BY 1').fetchall() for t in user_tables(con)
        }
    finally:
        con.close()


def set_marker(path: Path, value: str) -> None:
    con = connect(path)
    try:
        con.execute(
            "INSERT INTO settings(key, value) VALUES ('marker', ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (value,),
        )
    finally:
        con.close()


def marker(path: Path) -> str | None:
    con = sqlite3.connect(path)
    try:
        row = con.execute("SELECT value FROM settings WHERE key = 'marker'").fetchone()
        return row[0] if row else None
    finally:
        con.close()


def add_tags(path: Path, count: int, prefix: str = "tag") -> None:
    con = connect(path)
    try:
        con.execute("BEGIN")
        con.executemany(
            "INSERT INTO tags(name) VALUES (?)", ((f"{prefix}-{i}",) for i in range(count))
        )
        con.execute("COMMIT")
    finally:
        con.close()


def add_bulk(path: Path, megabytes: int, label: str = "bulk") -> int:
    """Fill ``import_batches`` with about ``megabytes`` MB of rows; returns the row count."""
    rows = megabytes * 1000
    con = connect(path)
    try:
        con.execute("BEGIN")
        con.execute(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) "
            "INSERT INTO import_batches(kind, file_name, rows, imported_at) "
            "SELECT ?, hex(randomblob(500)), i, '2026-01-01 00:00:00.000000' FROM n",
            (rows, label),
        )
        con.execute("COMMIT")
    finally:
        con.close()
    return rows


def count(path: Path, table: str, where: str = "1") -> int:
    con = sqlite3.connect(path)
    try:
        return int(con.execute(f'SELECT count(*) FROM "{table}" WHERE {where}').fetchone()[0])
    finally:
        con.close()


def integrity(path: Path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return [r[0] for r in con.execute("PRAGMA integrity_check")]
    finally:
        con.close()


def checkpoint(path: Path) -> None:
    """Fold the WAL into the main file (so its bytes are the whole database)."""
    con = connect(path)
    try:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        con.close()


def leave_wal(path: Path, *statements: str) -> None:
    """Run ``statements`` in another process that dies without closing: the WAL stays."""
    code = textwrap.dedent(f"""
        import os, sqlite3
        con = sqlite3.connect({str(path)!r}, isolation_level=None)
        for statement in {list(statements)!r}:
            con.execute(statement)
        os._exit(0)
    """)
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
    wal = path.with_name(path.name + "-wal")
    assert wal.exists() and wal.stat().st_size > 0, "the WAL was not left behind"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def page_size(path: Path) -> int:
    con = sqlite3.connect(path)
    try:
        return int(con.execute("PRAGMA page_size").fetchone()[0])
    finally:
        con.close()


def damage(path: Path, *, seed: int = 7) -> None:
    """Overwrite a few whole pages in the middle of the file with garbage."""
    size = page_size(path)
    pages = path.stat().st_size // size
    assert pages > 20, "too small to damage in the middle"
    rng = random.Random(seed)
    with open(path, "r+b") as handle:
        for page in (pages // 2, pages // 2 + 1, pages // 3):
            handle.seek(page * size)
            handle.write(rng.randbytes(size))


def add_owner(path: Path) -> None:
    """An owner and the pipeline stages (raw SQL, any revision): what restore requires of a
    backup besides its schema."""
    con = connect(path)
    try:
        con.execute(
            "INSERT INTO salespeople (name, role, active, created_at, updated_at) "
            "VALUES ('Owner', 'owner', 1, '2026-01-01 00:00:00', '2026-01-01 00:00:00')"
        )
        con.executemany(
            "INSERT INTO pipeline_stages (key, name_zh, name_en, position, kind, "
            "default_probability, archived) VALUES (?, ?, ?, ?, ?, ?, 0)",
            [
                ("lead", "线索", "Lead", 0, "open", 10),
                ("won", "赢单", "Won", 1, "won", 100),
                ("lost", "输单", "Lost", 2, "lost", 0),
            ],
        )
    finally:
        con.close()
