"""``sms-desktop --selftest`` (from source): every check passes here, and a library missing
from a bundle is named on its own line with exit code 1."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest


def _selftest(prelude: str = "", home: Path | None = None) -> subprocess.CompletedProcess[str]:
    code = textwrap.dedent(f"""
        import sys
        {prelude}
        from sms_desktop.cli import main
        sys.exit(main(["--selftest"]))
    """)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    if home is not None:
        env = {**env, "HOME": str(home), "XDG_DATA_HOME": str(home / ".local" / "share")}
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env=env,
    )


def _lines(result: subprocess.CompletedProcess[str]) -> dict[str, str]:
    """name -> "ok" or "FAIL" for each check line."""
    found = {}
    for line in result.stdout.splitlines():
        status, _, rest = line.partition(" ")
        if status in ("ok", "FAIL"):
            found[rest.split()[0]] = status
    return found


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("home")


@pytest.fixture(scope="module")
def passing(home: Path) -> subprocess.CompletedProcess[str]:
    return _selftest(home=home)


def test_every_check_passes_from_source(passing: subprocess.CompletedProcess[str]) -> None:
    from sms_desktop.selftest import CHECKS

    assert passing.returncode == 0, passing.stdout + passing.stderr
    assert _lines(passing) == {name: "ok" for name, _ in CHECKS}
    assert passing.stdout.splitlines()[-1] == f"self-test passed: {len(CHECKS)} checks"


@pytest.mark.skipif(sys.platform != "linux", reason="XDG_DATA_HOME is where Linux keeps data")
def test_the_user_data_folder_is_left_alone(
    passing: subprocess.CompletedProcess[str], home: Path
) -> None:
    assert passing.returncode == 0
    assert not (home / ".local" / "share" / "sms-desktop").exists()


@pytest.mark.parametrize(
    ("module", "check"),
    [
        ("python_calamine", "import-readers"),
        ("statsmodels", "forecast"),
        ("psycopg", "team-driver"),
    ],
)
def test_a_missing_lazy_module_fails_its_check_by_name(module: str, check: str) -> None:
    # None in sys.modules makes every later "import module" raise ImportError, as in a
    # bundle that left the library out.
    result = _selftest(f"sys.modules[{module!r}] = None")
    assert result.returncode == 1
    lines = _lines(result)
    assert lines[check] == "FAIL"
    assert lines["database"] == "ok"  # the other checks still ran
    fail = next(line for line in result.stdout.splitlines() if line.startswith(f"FAIL {check}"))
    assert f"missing module {module} " in fail
    assert result.stdout.splitlines()[-1].startswith("self-test FAILED:")
    assert check in result.stdout.splitlines()[-1]
    assert "Traceback" not in result.stdout + result.stderr
