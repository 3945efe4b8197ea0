"""Fixture files for the import tests (made here, never checked in) and a database snapshot."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sms_desktop.domain.importing.fields import ImportKind
from sms_desktop.persistence.db import Database
from sms_desktop.services.imports.mapping import suggest
from sms_desktop.services.imports.service import ImportOptions, ImportService, ImportSummary

CUSTOMERS_CSV = (
    "客户名称,客户编号,统一社会信用代码,城市,电话,联系人,手机,邮箱,年采购额,首次合作日期\n"
    "北京华夏科技有限公司,C001,,北京,010-6552 1234,王伟,+86 138 0013 8000,wang@huaxia.cn,"
    '"1,200,000.00",2021/3/6\n'
    "上海浦江贸易有限公司,C002,,上海,021-5555 0101,李娜,139 0000 0001,li@pujiang.cn,"
    "350000,2022年7月1日\n"
    "深圳南山电子,C003,,深圳,,张强,13700000002,,,2021-03-06\n"
)

# Volatile bookkeeping a revert may leave different: the batches themselves, the audit log,
# the moment figures were last computed.
SKIPPED_TABLES = {"import_batches", "import_batch_items", "audit_log", "sqlite_sequence"}
SKIPPED_COLUMNS = {("customer_stats", "refreshed_at")}


def snapshot(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows (search indexes included), for before/after comparisons."""
    con = sqlite3.connect(path)
    try:
        tables = [
            r[0]
            for r in con.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
            if r[0] not in SKIPPED_TABLES and not r[0].endswith(("_data", "_idx", "_docsize"))
            and not r[0].endswith(("_config", "_content"))
        ]  # fmt: skip
        result: dict[str, list[tuple[Any, ...]]] = {}
        for table in tables:
            columns = [
                r[1]
                for r in con.execute(f'PRAGMA table_info("{table}")')
                if (table, r[1]) not in SKIPPED_COLUMNS
            ]
            select = ", ".join(f'"{c}"' for c in columns) if columns else "rowid, *"
            if table.startswith("customer_search"):
                select = "rowid, doc"
            result[table] = sorted(
                con.execute(f'SELECT {select} FROM "{table}"').fetchall(), key=repr
            )
        return result
    finally:
        con.close()


def run_import(
    db: Database,
    path: Path,
    kind: ImportKind,
    *,
    sheet: str | None = None,
    **options: Any,
) -> ImportSummary:
    service = ImportService(db)
    source = service.open(path, kind, sheet=sheet)
    columns, _ = suggest(kind, source.info.headers)
    return service.run(source, ImportOptions(kind, columns, **options))


def count(db: Database, table: str) -> int:
    con = sqlite3.connect(db.path)
    try:
        return int(con.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        con.close()


def messy_workbook(path: Path) -> None:
    """Title row (merged), a merged cell in the data, serial and text dates, 1,234.50,
    full-width digits, ¥, a formula-looking name, markup, a missing name, a duplicate row and
    a negative amount."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "客户"
    ws["A1"] = "2026 年客户名单"
    ws.merge_cells("A1:F1")
    ws.append(["客户名称", "城市", "联系人", "手机", "年采购额", "首次合作日期"])  # row 2
    rows = [
        ["华东机械有限公司", "杭州", "张三", "13800000001", "1,234.50", 44257],  # 3
        ["华东机械有限公司", "杭州", "李四", "13800000002", None, None],  # 4 (merged A3:A4)
        ["西部物流", "成都", "王五", "１３８０００００００３", "¥8,000", "2021/3/6"],  # 5
        ["=1+1", "南京", "赵六", "13800000004", "100", "2022年7月1日"],  # 6
        ["<b>Acme</b> & Co", "苏州", "钱七", "13800000005", 0, "2021-03-06"],  # 7
        [None, "无锡", "孙八", "13800000006", 5, "2021-03-06"],  # 8: no name
        ["西部物流", "成都", "王五", "１３８０００００００３", "¥8,000", "2021/3/6"],  # 9: dup of 5
        ["南方贸易", "广州", "周九", "13800000007", "-500", "2021-03-06"],  # 10: negative
    ]
    for row in rows:
        ws.append(row)
    ws.merge_cells("A3:A4")
    ws["A6"].data_type = "s"  # a text cell "=1+1", not a formula
    wb.save(path)
