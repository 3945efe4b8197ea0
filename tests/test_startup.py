"""Start-up stays light: Qt only for the GUI, no heavy libraries before the window shows."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from sms_desktop.services.workspace import initialize_empty, open_workspace

HEAVY = ("matplotlib", "reportlab", "openpyxl", "pandas")


def _run(code: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=env,
    )


def test_cli_import_is_qt_free() -> None:
    result = _run("""
        import sys
        import sms_desktop.cli
        print(sorted(m for m in ("PySide6", "sqlalchemy", "alembic") if m in sys.modules))
    """)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_no_heavy_imports_before_window_and_data(db_path: Path) -> None:
    workspace = open_workspace(db_path)
    initialize_empty(workspace.db, company_name="Acme", owner_name="Ann")
    workspace.close(backup=False)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SMS_DESKTOP_PROBE": "data"}
    result = _run(
        f"""
        import sys
        from sms_desktop.cli import main
        code = main(["gui", "--db", {str(db_path)!r}, "--lang", "en"])
        print("HEAVY", sorted(m for m in {HEAVY!r} if m in sys.modules))
        sys.exit(code)
    """,
        env,
    )
    assert result.returncode == 0, result.stderr
    probe = next(line for line in result.stdout.splitlines() if line.startswith("PROBE data"))
    assert probe.split()[-1] in ("-", "sqlalchemy")  # the database layer, nothing heavier
    # The dashboard (the first tab) draws its charts once its figures have arrived, which on
    # a small database can be before the probe's exit takes effect: matplotlib may load
    # then, after the first data; nothing else heavy at all.
    assert "HEAVY []" in result.stdout or "HEAVY ['matplotlib']" in result.stdout


def test_pyside_survives_many_void_calls() -> None:
    """PySide6 6.12.0 on CPython 3.11 aborts after a few thousand void calls (§9)."""
    result = _run(
        """
        from PySide6.QtCore import QObject
        from PySide6.QtWidgets import QApplication, QLabel
        app = QApplication([])
        label = QLabel()
        obj = QObject()
        for i in range(20_000):
            label.setText("x")        # void
            obj.setObjectName("n")    # void
            label.setEnabled(True)    # void
        print("survived")
    """,
        {**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "survived"


def test_window_shows_before_sqlalchemy_is_imported(db_path: Path) -> None:
    """The window appears first; the database layer loads right after (ARCHITECTURE §8)."""
    workspace = open_workspace(db_path)
    initialize_empty(workspace.db, company_name="Acme", owner_name="Ann")
    workspace.close(backup=False)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SMS_DESKTOP_PROBE": "shown"}
    result = subprocess.run(
        [sys.executable, "-m", "sms_desktop", "gui", "--db", str(db_path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    probe = next(line for line in result.stdout.splitlines() if line.startswith("PROBE shown"))
    assert probe.split()[-1] == "-"  # none of sqlalchemy, matplotlib, reportlab, openpyxl …
