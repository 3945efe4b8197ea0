"""The frozen app (``make dist``): process start → window shown and → first data, against
the same from source. Goal: the bundle no slower than ``python -m sms_desktop``."""

from __future__ import annotations

import os
import statistics
import sys
from pathlib import Path

from tests.benchmarks.harness import ROOT, Row, benchmark, env, time_until_line

RUNS = 5
FROZEN = Path(
    os.environ.get(
        "SMS_FROZEN_APP", ROOT / "build" / "pyinstaller" / "dist" / "sms-desktop" / "sms-desktop"
    )
)


@benchmark
def startup_frozen(db: Path) -> list[Row]:
    if not FROZEN.is_file():
        raise RuntimeError(f"no frozen app at {FROZEN}: run `make dist` first")
    source = [sys.executable, "-m", "sms_desktop", "gui", "--db", str(db)]
    frozen = [str(FROZEN), "gui", "--db", str(db)]
    rows = []
    for probe, what in (("shown", "main window shown"), ("data", "first data visible")):
        marker, environ = f"PROBE {probe}", env(SMS_DESKTOP_PROBE=probe)
        time_until_line(frozen, marker, environ)  # the first run warms the disk cache
        # Alternately, so a busy machine weighs on both alike.
        ours, base = [], []
        for _ in range(RUNS):
            ours.append(time_until_line(frozen, marker, environ))
            base.append(time_until_line(source, marker, environ))
        rows.append(
            Row(
                f"frozen app: start → {what}",
                statistics.median(ours),
                statistics.median(base),
                "floor: the same from source",
            )
        )
    return rows
