"""Table export figures: write_table / write_csv against bare openpyxl, bare csv and pandas.

Each measurement runs in a fresh interpreter (``python -m tests.benchmarks.bench_excel VARIANT
ROWS PATH``) so its peak RSS is its own; rows are synthetic and streamed, never held in a list.
"""

from __future__ import annotations

import csv
import importlib
import importlib.util
import json
import os
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from sms_desktop.reporting.excel import ExportColumn
from tests.benchmarks.harness import ROOT, Row, benchmark, env

ROWS = int(os.environ.get("SMS_BENCH_EXPORT_ROWS", "200000"))
RUNS = 3

COLUMNS = [
    ExportColumn("ID", "int"),
    ExportColumn("客户名称"),
    ExportColumn("Email"),
    ExportColumn("城市"),
    ExportColumn("Amount", "money"),
    ExportColumn("Margin", "percent"),
    ExportColumn("Quantity", "decimal"),
    ExportColumn("Order date", "date"),
    ExportColumn("Created", "datetime"),
    ExportColumn("Active", "bool"),
]
_SURNAMES = "王李张刘陈杨黄赵吴周"
_GIVEN = ("伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军")
_CITIES = ("北京", "上海", "广州", "深圳", "杭州", "成都", "Wuhan", "Xi'an")
_START = datetime(2025, 1, 1, tzinfo=UTC)


def synthetic_rows(count: int) -> Iterator[tuple[object, ...]]:
    """Deterministic customer-like rows: ints, CJK and Latin text, money, dates, flags."""
    for i in range(count):
        name = f"{_SURNAMES[i % 10]}{_GIVEN[i * 7 % 10]} Trading Co. {i}"
        yield (
            i + 1,
            f"=cmd|{i}" if i % 1000 == 0 else name,  # a hostile cell now and then
            f"customer{i}@example.com",
            _CITIES[i % len(_CITIES)],
            Decimal(i * 7919 % 100_000_000).scaleb(-2),
            Decimal(i * 37 % 10_000).scaleb(-2),
            Decimal(i % 500).scaleb(-1),
            date(2025, 1, 1) + timedelta(days=i % 700),
            _START + timedelta(seconds=i * 97),
            i % 3 != 0,
        )


def _ours(path: Path, count: int) -> None:
    from sms_desktop.reporting.excel import write_table

    write_table(
        path,
        COLUMNS,
        synthetic_rows(count),
        sheet_title="Customers",
        total=count,
        progress=lambda done, total: None,
    )


def _bare_values(row: tuple[object, ...]) -> list[object]:
    """The same values in the plain forms openpyxl accepts (it refuses aware datetimes)."""
    values = list(row)
    margin, created = row[5], row[8]
    assert isinstance(margin, Decimal)
    assert isinstance(created, datetime)
    values[5] = margin / 100
    values[8] = created.astimezone().replace(tzinfo=None)
    return values


def _floor(path: Path, count: int) -> None:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Customers")
    ws.append([column.header for column in COLUMNS])
    for row in synthetic_rows(count):
        ws.append(_bare_values(row))
    wb.save(path)


def _pandas(path: Path, count: int) -> None:
    pd: Any = importlib.import_module("pandas")  # optional, never a dependency
    frame = pd.DataFrame(
        [_bare_values(row) for row in synthetic_rows(count)],
        columns=[column.header for column in COLUMNS],
    )
    frame.to_excel(path, sheet_name="Customers", index=False)


def _csv_ours(path: Path, count: int) -> None:
    from sms_desktop.reporting.csv_export import write_csv

    write_csv(path, COLUMNS, synthetic_rows(count), total=count, progress=lambda done, total: None)


def _csv_floor(path: Path, count: int) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow([column.header for column in COLUMNS])
        writer.writerows(synthetic_rows(count))


VARIANTS: dict[str, Callable[[Path, int], None]] = {
    "ours": _ours,
    "floor": _floor,
    "pandas": _pandas,
    "csv_ours": _csv_ours,
    "csv_floor": _csv_floor,
}


def _measure_here(variant: str, count: int, path: Path) -> dict[str, float]:
    """Run one variant in this process: seconds, peak RSS growth (MiB), output size (MiB)."""
    import resource
    import time

    import openpyxl  # noqa: F401 - imported before the baseline so only the work is counted

    next(synthetic_rows(1))
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started, cpu = time.perf_counter(), time.process_time()
    VARIANTS[variant](path, count)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "seconds": seconds,
        "cpu": cpu,
        "peak_mib": (after - before) / 1024,
        "size_mib": path.stat().st_size / 2**20,
    }


def _measure(variant: str, count: int, folder: Path) -> dict[str, float]:
    """One measurement in a fresh interpreter, so peak memory is not shared between runs."""
    path = folder / f"{variant}.{'csv' if variant.startswith('csv') else 'xlsx'}"
    result = subprocess.run(
        [sys.executable, "-m", "tests.benchmarks.bench_excel", variant, str(count), str(path)],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env(),
    )
    path.unlink()
    figures: dict[str, float] = json.loads(result.stdout.strip().splitlines()[-1])
    return figures


def _runs(variants: list[str], count: int, runs: int) -> dict[str, list[dict[str, float]]]:
    """Interleaved runs, so a busy machine slows every variant alike."""
    results: dict[str, list[dict[str, float]]] = {v: [] for v in variants}
    with tempfile.TemporaryDirectory() as folder:
        for _ in range(runs):
            for variant in variants:
                results[variant].append(_measure(variant, count, Path(folder)))
    return results


def _median(results: list[dict[str, float]], key: str) -> float:
    return statistics.median(r[key] for r in results)


def _cpu_ratio(ours: list[dict[str, float]], floor: list[dict[str, float]]) -> str:
    """The CPU-time ratio: steadier than wall time when other work shares the machine."""
    return f"{_median(ours, 'cpu') / _median(floor, 'cpu'):.2f}×"


@benchmark
def table_export(db: Path) -> list[Row]:
    """write_table and write_csv over synthetic rows × 10 columns (the database is unused)."""
    variants = ["floor", "ours", "csv_floor", "csv_ours"]
    results = _runs(variants, ROWS, RUNS)
    small = _runs(["ours"], ROWS // 10, 1)["ours"][0]
    ours, floor = results["ours"], results["floor"]
    rows = [
        Row(
            f"xlsx export, {ROWS:,} rows × {len(COLUMNS)} columns",
            _median(ours, "seconds"),
            _median(floor, "seconds"),
            f"floor: bare openpyxl write-only; CPU {_cpu_ratio(ours, floor)}; peak RSS "
            f"+{_median(ours, 'peak_mib'):.0f} MiB (floor +{_median(floor, 'peak_mib'):.0f}, "
            f"{ROWS // 10:,} rows +{small['peak_mib']:.0f}); "
            f"file {_median(ours, 'size_mib'):.1f} MiB",
        ),
    ]
    if importlib.util.find_spec("pandas") is not None:
        frame = _runs(["pandas"], ROWS, 1)["pandas"]
        rows.append(
            Row(
                f"pandas DataFrame.to_excel, {ROWS:,} rows",
                _median(frame, "seconds"),
                _median(floor, "seconds"),
                f"for comparison; CPU {_cpu_ratio(frame, floor)}; "
                f"peak RSS +{_median(frame, 'peak_mib'):.0f} MiB",
            )
        )
    csv_ours, csv_floor = results["csv_ours"], results["csv_floor"]
    rows.append(
        Row(
            f"csv export, {ROWS:,} rows × {len(COLUMNS)} columns",
            _median(csv_ours, "seconds"),
            _median(csv_floor, "seconds"),
            f"floor: bare csv.writer; CPU {_cpu_ratio(csv_ours, csv_floor)}; "
            f"peak RSS +{_median(csv_ours, 'peak_mib'):.0f} MiB",
        )
    )
    return rows


if __name__ == "__main__":
    print(json.dumps(_measure_here(sys.argv[1], int(sys.argv[2]), Path(sys.argv[3]))))
