"""Benchmark harness: a cached large demo database, timing helpers and the result table.

Each figure is reported as its median together with a *floor*: the same work done
by the simplest raw means (bare Qt, bare sqlite3, …), so the ratio says what our
layers cost. Benchmarks never assert; they print.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CACHE = ROOT / ".bench"
CUSTOMERS = int(os.environ.get("SMS_BENCH_CUSTOMERS", "100000"))
SEED = 20261127


@dataclass(frozen=True, slots=True)
class Row:
    name: str
    median: float  # seconds (or MiB when unit is "MiB")
    floor: float | None = None  # the raw-means baseline, same unit
    note: str = ""
    unit: str = "s"

    @property
    def ratio(self) -> float | None:
        return self.median / self.floor if self.floor else None


BENCHMARKS: list[Callable[[Path], list[Row]]] = []


def benchmark(func: Callable[[Path], list[Row]]) -> Callable[[Path], list[Row]]:
    """Register a benchmark: it receives the large database's path and returns rows."""
    BENCHMARKS.append(func)
    return func


def median_of(func: Callable[[], float], runs: int) -> float:
    return statistics.median(func() for _ in range(runs))


def time_call(func: Callable[[], object]) -> float:
    started = time.perf_counter()
    func()
    return time.perf_counter() - started


def env(**extra: str) -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", **extra}


def time_until_line(args: list[str], marker: str, environ: dict[str, str]) -> float:
    """Seconds from spawning ``args`` until it prints a line starting with ``marker``."""
    started = time.perf_counter()
    with subprocess.Popen(
        args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=environ
    ) as proc:
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.startswith(marker):
                elapsed = time.perf_counter() - started
                proc.kill()
                return elapsed
        raise RuntimeError(f"{args} ended without printing {marker!r}")


def large_database() -> tuple[Path, float | None]:
    """The cached benchmark database (built once); returns it and its build time if built now."""
    from sms_desktop.persistence.schema_version import HEAD_REVISION

    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"bench-{CUSTOMERS}-{SEED}-{HEAD_REVISION}.sqlite3"
    meta = path.with_suffix(".json")
    if path.exists() and meta.exists():
        return path, None
    older = sorted(CACHE.glob(f"bench-{CUSTOMERS}-{SEED}-*.sqlite3"))
    if older and older[-1].with_suffix(".json").exists():
        # A schema change: upgrade the cached database instead of rebuilding it.
        from sms_desktop.persistence import migrations

        print(f"upgrading {older[-1].name} to revision {HEAD_REVISION}…", flush=True)
        migrations.upgrade(older[-1])
        older[-1].with_suffix(".json").rename(meta)
        older[-1].rename(path)
        return path, None
    for old in CACHE.glob(f"bench-{CUSTOMERS}-*.sqlite3"):
        old.unlink()
    print(f"building the {CUSTOMERS:,}-customer benchmark database (once)…", flush=True)
    started = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "sms_desktop",
            "demo",
            "--db",
            str(path),
            "--customers",
            str(CUSTOMERS),
            "--seed",
            str(SEED),
        ],
        check=True,
    )
    seconds = time.perf_counter() - started
    meta.write_text(json.dumps({"build_seconds": seconds}))
    return path, seconds


def print_table(rows: list[Row]) -> None:
    def show(value: float | None, unit: str) -> str:
        if value is None:
            return ""
        return f"{value:,.1f} MiB" if unit == "MiB" else f"{value * 1000:,.1f} ms"

    width = max(len(r.name) for r in rows) + 2
    print()
    print(f"{'benchmark':<{width}}{'median':>14}{'floor':>14}{'ratio':>8}  note")
    print("-" * (width + 44))
    for r in rows:
        ratio = "" if r.ratio is None else f"{r.ratio:.2f}×"
        print(
            f"{r.name:<{width}}{show(r.median, r.unit):>14}{show(r.floor, r.unit):>14}"
            f"{ratio:>8}  {r.note}"
        )
