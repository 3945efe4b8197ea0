"""Dashboard and summary-report figures on the large database.

* start → dashboard drawn (the first tab), against a bare Qt window;
* the dashboard's aggregations against the same SQL statements replayed with bare sqlite3;
* the summary workbook (time and peak RSS, in a fresh interpreter) against bare openpyxl
  write-only writing the same cells, and against pandas ``DataFrame.to_excel`` (pandas is
  optional and never a dependency);
* the management report PDF.
"""

from __future__ import annotations

import importlib.util
import json
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

from tests.benchmarks.bench_foundation import BARE_QT
from tests.benchmarks.harness import (
    ROOT,
    Row,
    benchmark,
    env,
    median_of,
    time_call,
    time_until_line,
)

RUNS = 3
TODAY = date.today()
PERIOD = (date(TODAY.year, 1, 1), TODAY)


def _services(db: Path) -> Any:
    from sms_desktop.persistence.db import Database, make_engine
    from sms_desktop.services.registry import Services

    return Services(Database(db, make_engine(db)))


def _time_until_line_then_exit(args: list[str], marker: str, environ: dict[str, str]) -> float:
    """Like ``time_until_line``, but the app then quits by itself (the probe exits it), so
    the next start is a normal one: a killed app leaves its lock behind, and the next start
    then checks the whole database in the background (ARCHITECTURE §2), which is not what
    opening the app costs."""
    started = time.perf_counter()
    elapsed: float | None = None
    with subprocess.Popen(
        args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=environ
    ) as proc:
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.startswith(marker) and elapsed is None:
                elapsed = time.perf_counter() - started
        try:
            proc.wait(timeout=120)
        except subprocess.TimeoutExpired:
            proc.kill()
    if elapsed is None:
        raise RuntimeError(f"{args} ended without printing {marker!r}")
    return elapsed


@benchmark
def dashboard_shown(db: Path) -> list[Row]:
    """From starting the app until the dashboard's cards and charts are drawn."""
    app = [sys.executable, "-m", "sms_desktop", "gui", "--db", str(db)]
    probe = env(SMS_DESKTOP_PROBE="dashboard")
    cards_probe = env(SMS_DESKTOP_PROBE="dashboard_cards")
    _time_until_line_then_exit(app, "PROBE dashboard", probe)  # a clean start to begin with
    floor = median_of(
        lambda: time_until_line([sys.executable, "-c", BARE_QT], "PROBE shown", env()), RUNS
    )
    window = median_of(
        lambda: _time_until_line_then_exit(app, "PROBE shown", env(SMS_DESKTOP_PROBE="shown")),
        RUNS,
    )
    cards = median_of(
        lambda: _time_until_line_then_exit(app, "PROBE dashboard_cards", cards_probe), RUNS
    )
    shown = median_of(lambda: _time_until_line_then_exit(app, "PROBE dashboard", probe), RUNS)
    return [
        Row("start → main window shown", window, floor, "floor: bare QApplication+QMainWindow"),
        Row("start → dashboard cards filled", cards, window, "floor: the window shown; goal ≤ 1 s"),
        Row(
            "start → dashboard charts drawn (5 charts)",
            shown,
            window,
            "floor: the window shown; goal ≤ 1 s",
        ),
    ]


def _recorded_statements(services: Any, work: Any) -> list[tuple[str, Any]]:
    """The SQL statements (with parameters) that ``work`` sends to SQLite."""
    from sqlalchemy import event

    engine = services.db.engine
    seen: list[tuple[str, Any]] = []

    def record(_c: Any, _cur: Any, statement: str, parameters: Any, *_a: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            seen.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", record)
    try:
        work()
    finally:
        event.remove(engine, "before_cursor_execute", record)
    return seen


def _replay(db: Path, statements: list[tuple[str, Any]]) -> float:
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        started = time.perf_counter()
        for statement, parameters in statements:
            con.execute(statement, parameters).fetchall()
        return time.perf_counter() - started
    finally:
        con.close()


@benchmark
def dashboard_aggregations(db: Path) -> list[Row]:
    """DashboardService.dashboard() (every card and series) against its SQL on bare sqlite3."""
    from sms_desktop.services.dashboard import DashboardFilter

    services = _services(db)
    flt = DashboardFilter(*PERIOD)
    rows = []
    for name, work in (
        ("dashboard figures (11 cards + 5 series)", lambda: services.dashboard.dashboard(flt)),
        ("KPI cards only", lambda: services.dashboard.kpis(flt)),
        ("monthly revenue, 24 months", lambda: services.dashboard.monthly_revenue(flt)),
        ("top 10 customers", lambda: services.dashboard.top_customers(flt)),
        ("revenue by category", lambda: services.dashboard.revenue_by_category(flt)),
    ):
        work()  # warm the page cache
        statements = _recorded_statements(services, work)
        # Interleaved, so a busy machine slows both alike.
        times = [(time_call(work), _replay(db, statements)) for _ in range(RUNS + 4)]
        ours = statistics.median(t[0] for t in times)
        floor = statistics.median(t[1] for t in times)
        rows.append(
            Row(name, ours, floor, f"floor: the same {len(statements)} SQL statements, sqlite3")
        )
    services.db.close()
    return rows


# ----------------------------------------------------------------------- summary workbook


def _ours(db: Path, out: Path) -> dict[str, float]:
    from sms_desktop.reporting.summary_workbook import write_summary_workbook
    from sms_desktop.services.dashboard import DashboardFilter

    services = _services(db)
    started, cpu = time.perf_counter(), time.process_time()
    counts = write_summary_workbook(
        out,
        services.dashboard,
        services.dashboard_reports,
        DashboardFilter(*PERIOD),
        language="zh_CN",
        progress=lambda _d, _t: None,
    )
    return {
        "seconds": time.perf_counter() - started,
        "cpu": time.process_time() - cpu,
        "rows": counts.customers + counts.deals + counts.products,
    }


def _queries(db: Path) -> dict[str, float]:
    """Only the reads behind the workbook (what ``_ours`` does before writing a cell)."""
    from sms_desktop.reporting.summary_workbook import months_between
    from sms_desktop.services.dashboard import DashboardFilter

    services = _services(db)
    flt = DashboardFilter(*PERIOD)
    reports = services.dashboard_reports
    started, cpu = time.perf_counter(), time.process_time()
    services.dashboard.dashboard(flt, months=months_between(*PERIOD))
    reports.count_customers(flt)
    reports.count_open_deals(None)
    for _row in reports.customers(flt):
        pass
    for _deal in reports.open_deals(None):
        pass
    reports.products(flt)
    reports.activities(flt)
    return {"seconds": time.perf_counter() - started, "cpu": time.process_time() - cpu}


def _sheets(source: Path) -> list[tuple[str, list[tuple[object, ...]]]]:
    """Every cell value of the workbook ``source`` (as openpyxl reads it back)."""
    from openpyxl import load_workbook

    wb = load_workbook(source, read_only=True)
    sheets = [(ws.title, list(ws.iter_rows(values_only=True))) for ws in wb.worksheets]
    wb.close()
    return sheets


def _floor(source: Path, out: Path) -> dict[str, float]:
    """Bare openpyxl write-only writing the same values (read back from our file first)."""
    from openpyxl import Workbook

    sheets = _sheets(source)
    started, cpu = time.perf_counter(), time.process_time()
    wb = Workbook(write_only=True)
    for title, rows in sheets:
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
    wb.save(out)
    return {"seconds": time.perf_counter() - started, "cpu": time.process_time() - cpu}


def _pandas(source: Path, out: Path) -> dict[str, float]:
    pd: Any = importlib.import_module("pandas")  # optional, never a dependency
    sheets = _sheets(source)
    started, cpu = time.perf_counter(), time.process_time()
    with pd.ExcelWriter(out, engine="openpyxl") as writer:
        for title, rows in sheets:
            width = max((len(r) for r in rows), default=0)
            padded = [tuple(r) + (None,) * (width - len(r)) for r in rows]
            header = ["" if c is None else str(c) for c in padded[0]] if padded else []
            frame = pd.DataFrame(padded[1:], columns=header)
            frame.to_excel(writer, sheet_name=title, index=False)
    return {"seconds": time.perf_counter() - started, "cpu": time.process_time() - cpu}


def _measure_here(variant: str, db: Path, source: Path, out: Path) -> dict[str, float]:
    import resource

    import openpyxl  # noqa: F401 - loaded before the baseline so only the work is counted

    if variant in ("floor", "pandas"):
        _sheets(source)  # the values are held before the baseline too (see _floor)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    if variant == "ours":
        figures = _ours(db, out)
    elif variant == "queries":
        figures = _queries(db)
    elif variant == "floor":
        figures = _floor(source, out)
    else:
        figures = _pandas(source, out)
    figures["peak_mib"] = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    return figures


def _measure(variant: str, db: Path, source: Path, out: Path) -> dict[str, float]:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.benchmarks.bench_dashboard",
            variant,
            str(db),
            str(source),
            str(out),
        ],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env(),
    )
    figures: dict[str, float] = json.loads(result.stdout.strip().splitlines()[-1])
    return figures


@benchmark
def summary_workbook(db: Path) -> list[Row]:
    variants = ["ours", "queries", "floor"]
    if importlib.util.find_spec("pandas") is not None:
        variants.append("pandas")
    results: dict[str, list[dict[str, float]]] = {v: [] for v in variants}
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "source.xlsx"
        _measure("ours", db, source, source)
        for _ in range(RUNS):
            for variant in variants:
                out = Path(folder) / f"{variant}.xlsx"
                results[variant].append(_measure(variant, db, source, out))
                out.unlink(missing_ok=True)
        cells = sum(len(r) for _t, rows in _sheets(source) for r in rows)

    def med(variant: str, key: str) -> float:
        return statistics.median(r[key] for r in results[variant])

    rows = [
        Row(
            f"summary workbook ({cells:,} cells, 7 sheets, 3 charts)",
            med("ours", "seconds"),
            med("floor", "seconds"),
            f"floor: bare openpyxl write-only, same cells (no queries); ours includes the "
            f"queries (the Activities sheet alone reads every task of the period); "
            f"CPU {med('ours', 'cpu') / med('floor', 'cpu'):.2f}×; peak RSS "
            f"+{med('ours', 'peak_mib'):.0f} MiB (floor +{med('floor', 'peak_mib'):.0f})",
        )
    ]
    rows.append(
        Row(
            "summary workbook: the queries alone",
            med("queries", "seconds"),
            None,
            f"CPU {med('queries', 'cpu'):.1f} s; writing ≈ total − queries = "
            f"{med('ours', 'seconds') - med('queries', 'seconds'):.1f} s against the floor's "
            f"{med('floor', 'seconds'):.1f} s",
        )
    )
    if "pandas" in results:
        rows.append(
            Row(
                "pandas DataFrame.to_excel, same cells",
                med("pandas", "seconds"),
                med("floor", "seconds"),
                f"for comparison (values prepared, no queries); CPU "
                f"{med('pandas', 'cpu') / med('floor', 'cpu'):.2f}× floor; "
                f"peak RSS +{med('pandas', 'peak_mib'):.0f} MiB",
            )
        )
    return rows


@benchmark
def management_report(db: Path) -> list[Row]:
    from sms_desktop.reporting.management_pdf import write_management_report
    from sms_desktop.services.dashboard import DashboardFilter

    services = _services(db)
    flt = DashboardFilter(*PERIOD)
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "report.pdf"
        write_management_report(out, services.dashboard, flt, language="zh_CN")  # warm-up
        seconds = median_of(
            lambda: time_call(
                lambda: write_management_report(out, services.dashboard, flt, language="zh_CN")
            ),
            RUNS,
        )
        size = out.stat().st_size / 2**20
        figures = median_of(lambda: time_call(lambda: services.dashboard.dashboard(flt)), RUNS)
    services.db.close()
    return [
        Row(
            "management report PDF (4 pages, 5 charts)",
            seconds,
            None,
            f"of which the figures {figures * 1000:.0f} ms; file {size:.1f} MiB",
        )
    ]


if __name__ == "__main__":
    print(
        json.dumps(
            _measure_here(sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]), Path(sys.argv[4]))
        )
    )
