"""sms-desktop init / import / export: the import centre on the command line."""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

import pytest

from sms_desktop.cli import main
from tests.services.imports.helpers import CUSTOMERS_CSV, messy_workbook


@pytest.fixture
def shop(tmp_path: Path) -> Path:
    path = tmp_path / "shop.sqlite3"
    assert main(["init", "--db", str(path), "--company", "明达贸易", "--owner", "王明"]) == 0
    return path


def _rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    con = sqlite3.connect(db)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_init_makes_an_empty_database_and_refuses_an_existing_file(
    shop: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _rows(shop, "SELECT name, role FROM salespeople") == [("王明", "owner")]
    assert _rows(shop, "SELECT count(*) FROM pipeline_stages")[0][0] > 0
    assert _rows(shop, "SELECT value FROM settings WHERE key = 'company.name'") == [('"明达贸易"',)]
    capsys.readouterr()
    assert main(["init", "--db", str(shop), "--company", "X"]) == 1
    assert "already a file" in capsys.readouterr().err


def test_import_prints_counts_and_errors_and_writes_nothing_on_error(
    shop: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = tmp_path / "messy.xlsx"
    messy_workbook(book)
    errors = tmp_path / "errors.xlsx"
    capsys.readouterr()
    code = main(["import", "customers", str(book), "--db", str(shop), "--errors", str(errors)])
    out, err = capsys.readouterr()
    assert code == 1
    assert "created 5, updated 0, unchanged 1, skipped 0, errors 2" in out
    assert "row 8, 客户名称: required" in err.splitlines()
    assert "nothing was written" in err
    assert _rows(shop, "SELECT count(*) FROM customers") == [(0,)]

    from openpyxl import load_workbook

    ws = load_workbook(errors).active
    values = [[c.value for c in row] for row in ws.iter_rows()]
    assert values[0] == [
        "Row",
        "客户名称",
        "城市",
        "联系人",
        "手机",
        "年采购额",
        "首次合作日期",
        "Errors",
    ]
    assert [r[0] for r in values[1:]] == [8, 10]
    assert values[2][-1] == "年采购额: The potential value cannot be negative."

    assert main(["import", "customers", str(book), "--db", str(shop), "--skip-invalid"]) == 0
    assert "(batch 1)" in capsys.readouterr().out
    assert _rows(shop, "SELECT count(*) FROM customers") == [(4,)]


def test_chinese_messages_with_lang(
    shop: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "c.csv"
    path.write_text("客户名称,城市\n,北京\n", encoding="utf-8")
    assert main(["--lang", "zh_CN", "import", "customers", str(path), "--db", str(shop)]) == 1
    out, err = capsys.readouterr()
    assert "新建 0，更新 0，未变 0，跳过 0，错误 1" in out
    assert "第 2 行，客户名称：必填" in err


def test_again_list_revert(shop: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "c.csv"
    path.write_bytes(CUSTOMERS_CSV.encode("gb18030"))
    assert main(["import", "customers", str(path), "--db", str(shop)]) == 0
    out = capsys.readouterr().out
    assert "read as gb18030" in out and "created 3," in out
    assert main(["import", "customers", str(path), "--db", str(shop)]) == 0
    assert "created 0, updated 0, unchanged 3" in capsys.readouterr().out
    assert main(["import", "list", "--db", str(shop)]) == 0
    listing = capsys.readouterr().out.splitlines()
    assert len(listing) == 2 and "customers" in listing[1] and "created 3" in listing[1]
    assert main(["import", "revert", "1", "--db", str(shop)]) == 0
    assert _rows(shop, "SELECT count(*) FROM customers") == [(0,)]
    assert main(["import", "revert", "1", "--db", str(shop)]) == 1
    assert "reverted already" in capsys.readouterr().err


def test_fields_and_usage(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", "orders", "--fields"]) == 0
    out = capsys.readouterr().out
    assert "* order_number" in out and "Order ID" in out and "line_amount" in out
    with pytest.raises(SystemExit) as exit_info:
        main(["import", "birthdays", "x.csv"])
    assert exit_info.value.code == 2
    assert main(["import", "customers"]) == 2


def test_a_mapping_file_and_dry_run(
    shop: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "c.csv"
    path.write_text("单位全称,日子\n华东集团,2021-01-02\n", encoding="utf-8")
    mapping = tmp_path / "m.json"
    mapping.write_text(json.dumps({"单位全称": "name", "日子": "first_deal_date"}), "utf-8")
    args = ["import", "customers", str(path), "--db", str(shop), "--mapping", str(mapping)]
    assert main([*args, "--dry-run"]) == 0
    assert "created 1" in capsys.readouterr().out
    assert _rows(shop, "SELECT count(*) FROM customers") == [(0,)]
    assert main(args) == 0
    assert _rows(shop, "SELECT name, date(created_at) FROM customers") == [
        ("华东集团", "2021-01-02")
    ]


def test_export_round_trip_keeps_hostile_text_as_text(
    shop: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = tmp_path / "messy.xlsx"
    messy_workbook(book)
    assert main(["import", "customers", str(book), "--db", str(shop), "--skip-invalid"]) == 0
    out_csv, out_xlsx, out_vcf = (tmp_path / f"out.{s}" for s in ("csv", "xlsx", "vcf"))
    for out in (out_csv, out_xlsx):
        assert main(["export", "customers", "--db", str(shop), "--out", str(out)]) == 0
    assert main(["export", "contacts", "--db", str(shop), "--out", str(out_vcf)]) == 0
    with out_csv.open(encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][:2] == ["Record id", "Customer name"]
    assert [r[1] for r in rows[1:] if r[1][:1] in "'<"] == ["'=1+1", "<b>Acme</b> & Co"]

    from openpyxl import load_workbook

    ws = load_workbook(out_xlsx).active
    cells = [row[1] for row in ws.iter_rows(min_row=2)]
    formula = next(c for c in cells if c.value == "=1+1")
    assert formula.data_type == "s"
    capsys.readouterr()
    # The edited export comes back onto the same records, matched by their id.
    assert main(["import", "customers", str(out_xlsx), "--db", str(shop)]) == 0
    assert "created 0, updated 0, unchanged 4" in capsys.readouterr().out
    ws.cell(row=2, column=7).value = "宁波"
    ws.parent.save(out_xlsx)
    assert main(["import", "customers", str(out_xlsx), "--db", str(shop)]) == 0
    assert "updated 1" in capsys.readouterr().out
    assert "FN:张三" in out_vcf.read_text(encoding="utf-8")
    assert main(["import", "contacts", str(out_vcf), "--db", str(shop)]) == 0
    assert "created 0" in capsys.readouterr().out
