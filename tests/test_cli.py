"""The command line contract (ARCHITECTURE.md §5): exit codes, one-line errors, no tracebacks."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from sms_desktop import __version__
from sms_desktop.cli import main
from sms_desktop.persistence.schema_version import HEAD_REVISION
from sms_desktop.services.workspace import initialize_empty, open_workspace


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sms_desktop", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture
def small_db(db_path: Path) -> Path:
    workspace = open_workspace(db_path)
    initialize_empty(workspace.db, company_name="明达贸易", owner_name="王明")
    workspace.close(backup=False)
    return db_path


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"sms-desktop {__version__}"


def test_usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["demo", "--customers", "zero"])
    assert exit_info.value.code == 2
    assert "not a whole number" in capsys.readouterr().err


def test_check_reports_counts(small_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--db", str(small_db)]) == 0
    out = capsys.readouterr().out
    assert "Integrity: ok" in out
    assert f"revision {HEAD_REVISION} (current)" in out
    for label in (
        "Salespeople",
        "Customers",
        "Contacts",
        "Opportunities",
        "Activities",
        "Products",
        "Quotes",
        "Orders",
        "Order lines",
        "Targets",
    ):
        assert label in out
    assert any(line.split()[-1] == "1" for line in out.splitlines() if "Salespeople" in line)


def test_db_before_or_after_the_command(small_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(small_db), "check"]) == 0
    before = capsys.readouterr().out
    assert main(["check", "--db", str(small_db)]) == 0
    assert capsys.readouterr().out == before
    assert str(small_db) in before


def test_errors_speak_the_lang_chosen(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nope.sqlite3"
    assert main(["--lang", "zh_CN", "check", "--db", str(missing)]) == 1
    assert capsys.readouterr().err.strip() == f"sms-desktop: 找不到数据库：{missing}"
    assert main(["--lang", "en", "report", "excel", "--db", str(missing), "--out", "x.xlsx"]) == 1
    assert capsys.readouterr().err.strip() == f"sms-desktop: there is no database at {missing}"


def test_missing_database_is_one_line_error(tmp_path: Path) -> None:
    result = run_cli("check", "--db", str(tmp_path / "nope.sqlite3"))
    assert result.returncode == 1
    assert result.stderr.strip().startswith("sms-desktop: there is no database at")
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_restore_of_garbage_is_refused_and_keeps_database(small_db: Path, tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"this is not a database" * 100)
    before = small_db.read_bytes()
    result = run_cli("restore", str(garbage), "--db", str(small_db))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "nothing was restored" in result.stderr
    assert small_db.read_bytes() == before


def test_backup_and_restore_round_trip(
    small_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "copy.sqlite3"
    assert main(["backup", "--db", str(small_db), "--out", str(copy)]) == 0
    assert copy.is_file()
    workspace = open_workspace(small_db)
    workspace.services.settings.save_company(
        workspace.services.settings.company().__class__(name="已改名")
    )
    workspace.close(backup=False)
    assert main(["restore", str(copy), "--db", str(small_db)]) == 0
    out = capsys.readouterr().out
    assert "kept at" in out
    workspace = open_workspace(small_db)
    try:
        assert workspace.services.settings.company().name == "明达贸易"
    finally:
        workspace.close(backup=False)


def test_restore_refused_while_database_is_open(small_db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.sqlite3"
    assert main(["backup", "--db", str(small_db), "--out", str(copy)]) == 0
    workspace = open_workspace(small_db)
    try:
        result = run_cli("restore", str(copy), "--db", str(small_db))
    finally:
        workspace.close(backup=False)
    assert result.returncode == 1
    assert "already open in another SMS Desktop" in result.stderr


def test_demo_refuses_to_overwrite_without_replace(small_db: Path) -> None:
    result = run_cli("demo", "--db", str(small_db), "--customers", "5")
    assert result.returncode == 1
    assert "already exists" in result.stderr


def test_demo_then_check(tmp_path: Path) -> None:
    target = tmp_path / "demo.sqlite3"
    result = run_cli("demo", "--db", str(target), "--customers", "50")
    assert result.returncode == 0, result.stderr
    check = run_cli("check", "--db", str(target))
    assert check.returncode == 0, check.stderr
    counts = {}
    for line in check.stdout.splitlines():
        parts = line.rsplit(maxsplit=1)
        if len(parts) == 2 and parts[1].replace(",", "").isdigit():
            counts[parts[0].strip()] = int(parts[1].replace(",", ""))
    assert counts["Customers"] == 50
    for area in (
        "Contacts",
        "Opportunities",
        "Activities",
        "Products",
        "Quotes",
        "Orders",
        "Order lines",
        "Targets",
        "Salespeople",
    ):
        assert counts[area] > 0, area


def test_full_check_finds_a_broken_reference(
    small_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import sqlite3

    con = sqlite3.connect(small_db)
    con.execute("PRAGMA foreign_keys = OFF")
    con.execute(
        "INSERT INTO contacts (customer_id, name, is_primary, created_at, updated_at) "
        "VALUES (999, 'orphan', 0, '2026-01-01 00:00:00', '2026-01-01 00:00:00')"
    )
    con.commit()
    con.close()
    assert main(["check", "--db", str(small_db)]) == 0  # the quick check reads pages only
    capsys.readouterr()
    assert main(["check", "--db", str(small_db), "--full"]) == 1
    out = capsys.readouterr().out
    assert "DAMAGED" in out and "foreign key" in out
