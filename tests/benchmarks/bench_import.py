"""Imports against their floor: 100,000 customers with a contact each from CSV and from .xlsx,
and 1,000,000 order lines from CSV, each into a new empty database.

The floor is the same data written by the simplest raw means in the same run: the bare
``csv`` / openpyxl read-only reader, ``executemany`` into the same tables (customers with
their stats row and contact; orders and lines) and the search index built by
``rebuild_index``. Ours is the import service as the CLI runs it (matching, the forms'
validation, batch items, the index). Each variant runs in its own process, so its peak RSS
is its own; the progress column is the longest gap between two progress reports.

``python -m tests.benchmarks.bench_import [customers_csv customers_xlsx orders_csv]`` runs
them without the large demo database.
"""

from __future__ import annotations

import csv
import json
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from tests.benchmarks.harness import Row, benchmark, print_table

CUSTOMERS = 100_000
ORDER_LINES = 1_000_000
LINES_PER_ORDER = 4
ORDER_CUSTOMERS = 5_000
PRODUCTS = 500
NOW = "2026-12-01 00:00:00.000000"


def _customer_rows() -> Any:
    header = ["客户名称", "客户编号", "电话", "邮箱", "城市", "联系人", "手机", "年采购额"]
    yield header
    for i in range(CUSTOMERS):
        yield [
            f"客户{i:06}贸易有限公司",
            f"C{i:06}",
            f"0755-{i:08}",
            f"buyer{i}@example.com",
            ("深圳", "上海", "北京", "成都")[i % 4],
            f"联系人{i}",
            f"13{i:09}",
            f"{(i % 997) * 1000 + 0.5:,.2f}",
        ]


def _order_rows() -> Any:
    yield ["订单号", "下单日期", "客户编号", "客户名称", "产品编号", "产品名称", "数量", "单价",
           "折扣", "金额"]  # fmt: skip
    for line in range(ORDER_LINES):
        order = line // LINES_PER_ORDER
        customer = order % ORDER_CUSTOMERS
        product = (line * 7) % PRODUCTS
        quantity = 1 + line % 5
        price = 10 + product % 90
        yield [
            f"SO-{order:07}",
            f"2025-{1 + order % 12:02}-{1 + order % 28:02}",
            f"K{customer:05}",
            f"客户{customer:05}",
            f"SKU-{product:04}",
            f"产品{product:04}",
            str(quantity),
            f"{price}.00",
            "0",
            f"{quantity * price}.00",
        ]


def write_inputs(folder: Path) -> dict[str, Path]:
    from openpyxl import Workbook

    paths = {
        "customers_csv": folder / "customers.csv",
        "customers_xlsx": folder / "customers.xlsx",
        "orders_csv": folder / "orders.csv",
    }
    with paths["customers_csv"].open("w", encoding="utf-8", newline="") as out:
        csv.writer(out).writerows(_customer_rows())
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("客户")
    for row in _customer_rows():
        ws.append(row)
    wb.save(paths["customers_xlsx"])
    with paths["orders_csv"].open("w", encoding="utf-8", newline="") as out:
        csv.writer(out).writerows(_order_rows())
    return paths


def _empty_database(path: Path) -> None:
    from sms_desktop.services.workspace import initialize_empty, open_workspace

    workspace = open_workspace(path)
    initialize_empty(workspace.db, company_name="Bench", owner_name="Bench")
    workspace.close(backup=False)


# ------------------------------------------------------------------------------- ours


def run_ours(source_path: Path, db_path: Path, kind: str) -> dict[str, float]:
    from sms_desktop.domain.importing.fields import ImportKind
    from sms_desktop.persistence.db import open_database
    from sms_desktop.services.imports.mapping import suggest
    from sms_desktop.services.imports.service import ImportOptions, ImportService

    db = open_database(db_path)
    started = time.perf_counter()
    gap = 0.0

    def progress(done: int, total: int) -> None:
        nonlocal last, gap
        now = time.perf_counter()
        gap = max(gap, now - last)
        last = now

    service = ImportService(db)
    source = service.open(source_path, ImportKind(kind))
    columns, _ = suggest(ImportKind(kind), source.info.headers)
    options = ImportOptions(ImportKind(kind), columns, create_missing=True)
    last = time.perf_counter()  # the gap is measured while the import runs
    summary = service.run(source, options, progress=progress)
    seconds = time.perf_counter() - started
    db.close()
    assert summary.written and summary.errors == 0, summary.row_errors[:3]
    return {"seconds": seconds, "gap": max(gap, time.perf_counter() - last), "rows": summary.rows}


# ------------------------------------------------------------------------------ floor


def _rows_of(source_path: Path) -> Any:
    if source_path.suffix == ".xlsx":
        from openpyxl import load_workbook

        wb = load_workbook(source_path, read_only=True)
        rows = wb.worksheets[0].iter_rows(values_only=True)
        next(rows)
        for row in rows:
            yield [str(v) if v is not None else "" for v in row]
        wb.close()
        return
    with source_path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        next(reader)
        yield from reader


def run_floor(source_path: Path, db_path: Path, kind: str) -> dict[str, float]:
    """The same rows written by sqlite3 executemany, then the search index."""
    from sms_desktop.persistence.db import make_engine
    from sms_desktop.persistence.search import rebuild_index

    started = time.perf_counter()
    con = sqlite3.connect(db_path, isolation_level=None)
    con.execute("PRAGMA journal_mode = WAL")
    con.execute("PRAGMA synchronous = FULL")
    con.execute("BEGIN IMMEDIATE")
    if kind == "customers":
        customers, contacts, stats = [], [], []
        for i, row in enumerate(_rows_of(source_path), start=1):
            name, _code, phone, email, city, contact, mobile, amount = row
            minor = int(amount.replace(",", "").replace(".", ""))
            customers.append((i, "company", name, city, phone, email, minor, "CNY", NOW, NOW))
            contacts.append((i, i, contact, mobile, 1, NOW, NOW))
            stats.append((i, NOW))
            if len(customers) == 2000:
                _write_customers(con, customers, contacts, stats)
                customers, contacts, stats = [], [], []
        _write_customers(con, customers, contacts, stats)
    else:
        _write_orders(con, source_path)
    con.execute("COMMIT")
    con.close()
    engine = make_engine(db_path)
    with engine.begin() as conn:
        rebuild_index(conn)
    engine.dispose()
    return {"seconds": time.perf_counter() - started, "gap": 0.0, "rows": 0}


def _write_customers(con: sqlite3.Connection, customers: Any, contacts: Any, stats: Any) -> None:
    con.executemany(
        "INSERT INTO customers (id, kind, name, city, phone, email, potential_value, currency,"
        " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        customers,
    )
    con.executemany(
        "INSERT INTO contacts (id, customer_id, name, mobile, is_primary, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        contacts,
    )
    con.executemany(
        "INSERT INTO customer_stats (customer_id, orders_count, revenue_lifetime, revenue_12m,"
        " open_pipeline, open_tasks, refreshed_at) VALUES (?, 0, 0, 0, 0, 0, ?)",
        stats,
    )


def _write_orders(con: sqlite3.Connection, source_path: Path) -> None:
    customers: dict[str, int] = {}
    products: dict[str, int] = {}
    orders: dict[str, int] = {}
    lines: list[tuple[Any, ...]] = []
    new_orders: list[tuple[Any, ...]] = []
    for line_id, row in enumerate(_rows_of(source_path), start=1):
        number, day, code, name, sku, product, quantity, price, _discount, amount = row
        cid = customers.get(code)
        if cid is None:
            cid = customers[code] = len(customers) + 1
            con.execute(
                "INSERT INTO customers (id, kind, name, potential_value, currency, created_at,"
                " updated_at) VALUES (?, 'company', ?, 0, 'CNY', ?, ?)",
                (cid, name, NOW, NOW),
            )
        pid = products.get(sku)
        if pid is None:
            pid = products[sku] = len(products) + 1
            con.execute(
                "INSERT INTO products (id, sku, name_zh, name_en, unit, list_price, cost,"
                " currency, tax_rate, active, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, '个', ?, 0, 'CNY', 1300, 1, ?, ?)",
                (pid, sku, product, product, int(price.replace(".", "")), NOW, NOW),
            )
        oid = orders.get(number)
        if oid is None:
            oid = orders[number] = len(orders) + 1
            new_orders.append((oid, number, cid, day, NOW, NOW))
        net = int(amount.replace(".", ""))
        lines.append(
            (line_id, oid, line_id, pid, product, int(quantity) * 1000,
             int(price.replace(".", "")), net, net * 13 // 100, net + net * 13 // 100)
        )  # fmt: skip
        if len(lines) == 5000:
            _flush_orders(con, new_orders, lines)
            new_orders, lines = [], []
    _flush_orders(con, new_orders, lines)


def _flush_orders(con: sqlite3.Connection, orders: Any, lines: Any) -> None:
    con.executemany(
        "INSERT INTO orders (id, number, customer_id, order_date, status, currency,"
        " exchange_rate, tax_mode, rounding_policy, subtotal, tax_total, total, cost_total,"
        " subtotal_base, tax_total_base, total_base, cost_total_base, source, created_at,"
        " updated_at) VALUES (?, ?, ?, ?, 'paid', 'CNY', 1000000, 'exclusive', 'per_line',"
        " 0, 0, 0, 0, 0, 0, 0, 0, 'import', ?, ?)",
        orders,
    )
    con.executemany(
        "INSERT INTO order_lines (id, order_id, position, product_id, description, quantity,"
        " unit_price, discount_percent, tax_rate, unit_cost, net_amount, tax_amount,"
        " total_amount, net_amount_base) VALUES (?, ?, ?, ?, ?, ?, ?, 0, 1300, 0, ?, ?, ?, 0)",
        lines,
    )


# ------------------------------------------------------------------------------ runner


def _one(variant: str, source_path: Path, db_path: Path, kind: str) -> dict[str, float]:
    """Run one variant in a new process: its own time, progress gap and peak RSS."""
    result = subprocess.run(
        [sys.executable, "-m", "tests.benchmarks.bench_import", "--one", variant,
         str(source_path), str(db_path), kind],
        check=True,
        capture_output=True,
        text=True,
    )  # fmt: skip
    return dict(json.loads(result.stdout.strip().splitlines()[-1]))


def _compare(name: str, paths: dict[str, Path], key: str, kind: str, folder: Path) -> Row:
    figures = {}
    for variant in ("floor", "ours"):
        db_path = folder / f"{key}-{variant}.sqlite3"
        _empty_database(db_path)
        figures[variant] = _one(variant, paths[key], db_path, kind)
    ours, floor = figures["ours"], figures["floor"]
    return Row(
        name,
        ours["seconds"],
        floor["seconds"],
        f"peak RSS {ours['peak_mib']:.0f} MiB (floor {floor['peak_mib']:.0f}); "
        f"longest progress gap {ours['gap']:.2f} s",
    )


def rows(only: set[str] | None = None) -> list[Row]:
    with tempfile.TemporaryDirectory(prefix="sms-bench-import-") as tmp:
        folder = Path(tmp)
        paths = write_inputs(folder)
        result = []
        plan = (
            ("customers_csv", "customers", f"import {CUSTOMERS:,} customers + contact, CSV"),
            ("customers_xlsx", "customers", f"import {CUSTOMERS:,} customers + contact, xlsx"),
            ("orders_csv", "orders", f"import {ORDER_LINES:,} order lines, CSV"),
        )
        for key, kind, name in plan:
            if only and key not in only:
                continue
            result.append(_compare(name, paths, key, kind, folder))
            print_table(result[-1:])
        return result


@benchmark
def imports(db: Path) -> list[Row]:
    """The three imports (the large demo database is not used)."""
    del db
    return rows()


def _main(argv: list[str]) -> int:
    if argv[:1] == ["--one"]:
        variant, source, db_path, kind = argv[1:5]
        run = run_ours if variant == "ours" else run_floor
        figures = run(Path(source), Path(db_path), kind)
        figures["peak_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps(figures))
        return 0
    print_table(rows(set(argv) or None))
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
