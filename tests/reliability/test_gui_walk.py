"""The every-command walk, several rounds in one process, with a garbage collection after
every command: it must finish, with no crash and no unexpected error."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from sms_desktop.demo.build import create_demo_database
from sms_desktop.persistence.paths import log_dir

ROOT = Path(__file__).resolve().parents[2]


# About 150 commands a round now (nine tabs, their context menus in the first round): two
# rounds in Chinese are some 250 commands with a collection after each, far past the few
# dozen that crashed the app before the ownership rules (docs/architecture.md).
@pytest.mark.parametrize(("language", "rounds"), [("zh_CN", 2), ("en", 1)])
def test_every_command_walk_survives(tmp_path: Path, language: str, rounds: int) -> None:
    db = tmp_path / "walk.sqlite3"
    create_demo_database(db, customers=120)
    out = tmp_path / "out"
    proc = subprocess.run(
        [
            sys.executable,
            "-X",
            "faulthandler",
            "-m",
            "tests.reliability.gui_walk",
            str(db),
            str(out),
            str(rounds),
        ],
        check=False,
        cwd=ROOT,
        env={**os.environ, "WALK_LANG": language, "QT_QPA_PLATFORM": "offscreen"},
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert proc.returncode == 0, proc.stderr[-4000:]
    assert "WALK DONE" in proc.stdout
    assert "Traceback" not in proc.stderr, proc.stderr[-4000:]
    assert not (log_dir() / "errors.log").exists()
    written = sorted(p.suffix for p in out.iterdir())
    assert {".xlsx", ".pdf", ".ics"} <= set(written)  # the exports ran and finished
