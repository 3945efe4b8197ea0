"""Importing customers (with a contact), contacts and products: counts, row errors, all or
nothing, matching, idempotence and revert."""

from __future__ import annotations

import codecs
import sqlite3
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from sms_desktop.domain.errors import ConflictError
from sms_desktop.domain.i18n import Message
from sms_desktop.domain.importing.errors import ImportFileError
from sms_desktop.domain.importing.fields import ImportKind
from sms_desktop.persistence.db import Database
from sms_desktop.services.customers import CustomerFilter, CustomerInput, CustomersService
from sms_desktop.services.imports.mapping import suggest
from sms_desktop.services.imports.service import (
    ImportCancelledError,
    ImportOptions,
    ImportService,
)
from tests.services.imports.helpers import (
    CUSTOMERS_CSV,
    count,
    messy_workbook,
    run_import,
    snapshot,
)


@pytest.mark.parametrize(
    "data",
    [
        CUSTOMERS_CSV.encode("gb18030"),
        CUSTOMERS_CSV.encode("gbk"),
        CUSTOMERS_CSV.encode("utf-8"),
        codecs.BOM_UTF8 + CUSTOMERS_CSV.encode("utf-8"),
        CUSTOMERS_CSV.encode("utf-16"),
    ],
    ids=["gb18030", "gbk", "utf-8", "utf-8-bom", "utf-16"],
)
def test_chinese_customers_in_every_encoding(db: Database, tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "客户.csv"
    path.write_bytes(data)
    summary = run_import(db, path, ImportKind.CUSTOMERS)
    assert (summary.created, summary.errors, summary.written) == (3, 0, True)
    customers = CustomersService(db)
    rows = customers.list_customers(CustomerFilter(search="华夏"))
    assert [r.name for r in rows] == ["北京华夏科技有限公司"]
    detail = customers.get(rows[0].id)
    assert detail.data.potential_value == Decimal("1200000.00")
    assert detail.data.phone == "01065521234" and detail.data.city == "北京"
    assert [(c.name, c.mobile, c.is_primary) for c in detail.contacts] == [
        ("王伟", "13800138000", True)
    ]
    assert detail.created_at.date().isoformat() == "2021-03-06"  # customer since
    # Found by the search index: a contact's name and a phone written differently.
    assert [r.name for r in customers.list_customers(CustomerFilter(search="李娜"))] == [
        "上海浦江贸易有限公司"
    ]
    assert len(customers.list_customers(CustomerFilter(search="13700000002"))) == 1


def test_the_messy_workbook_writes_nothing_until_only_valid_rows_are_asked(
    db: Database, tmp_path: Path
) -> None:
    path = tmp_path / "messy.xlsx"
    messy_workbook(path)
    before = snapshot(db.path)
    summary = run_import(db, path, ImportKind.CUSTOMERS)
    assert not summary.written and summary.batch_id is None
    assert [e.render() for e in summary.row_errors] == [
        "row 8, 客户名称: required",
        "row 10, 年采购额: The potential value cannot be negative.",
    ]
    zh = {
        ("Import", "row {row}, {column}: {message}"): "第 {row} 行，{column}：{message}",
        ("Import", "required"): "必填",
    }
    assert summary.row_errors[0].render(lambda c, t: zh.get((c, t), t)) == "第 8 行，客户名称：必填"
    assert snapshot(db.path) == before

    summary = run_import(db, path, ImportKind.CUSTOMERS, skip_invalid=True)
    assert summary.written
    # Rows 3/4 are one customer (merged cell) with two contacts; row 9 repeats row 5.
    assert (summary.created, summary.unchanged, summary.errors) == (5, 1, 2)
    con = sqlite3.connect(db.path)
    try:
        names = {r[0] for r in con.execute("SELECT name FROM customers")}
        assert names == {"华东机械有限公司", "西部物流", "=1+1", "<b>Acme</b> & Co"}
        assert con.execute(
            "SELECT potential_value, created_at FROM customers WHERE name = '华东机械有限公司'"
        ).fetchone() == (123450, "2021-03-02 00:00:00.000000")
        assert con.execute(
            "SELECT potential_value, date(created_at) FROM customers WHERE name = '西部物流'"
        ).fetchone() == (800000, "2021-03-06")
        assert con.execute("SELECT count(*) FROM contacts").fetchone() == (5,)
        assert con.execute("SELECT mobile FROM contacts WHERE name = '王五'").fetchone() == (
            "13800000003",
        )
    finally:
        con.close()


def test_importing_again_creates_nothing_and_revert_restores_every_table(
    db: Database, tmp_path: Path
) -> None:
    path = tmp_path / "c.csv"
    path.write_text(CUSTOMERS_CSV, encoding="utf-8")
    empty = snapshot(db.path)
    first = run_import(db, path, ImportKind.CUSTOMERS)
    after_first = snapshot(db.path)
    again = run_import(db, path, ImportKind.CUSTOMERS)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)
    assert snapshot(db.path) == after_first

    service = ImportService(db)
    assert [b.id for b in service.batches()] == [again.batch_id, first.batch_id]
    assert service.revert(first.batch_id or 0).removed == 6 + 3  # customers, contacts, keys
    assert snapshot(db.path) == empty
    with pytest.raises(ConflictError):
        service.revert(first.batch_id or 0)


def test_an_edited_file_updates_matched_records_and_revert_puts_them_back(
    db: Database, tmp_path: Path
) -> None:
    path = tmp_path / "c.csv"
    path.write_text(CUSTOMERS_CSV, encoding="utf-8")
    run_import(db, path, ImportKind.CUSTOMERS)
    before = snapshot(db.path)
    # Matched by code, by name without its legal form, by phone: three ways to the same rows.
    path.write_text(
        "客户编号,客户名称,城市,电话,联系人,手机\n"
        "C001,北京华夏科技,北京市,,王伟,13800138009\n"
        ",上海浦江贸易,上海,,赵敏,13600000000\n"
        ",深圳南山电子科技,,,,\n",
        encoding="utf-8",
    )
    preview = run_import(db, path, ImportKind.CUSTOMERS, dry_run=True)
    assert not preview.written and snapshot(db.path) == before
    # 深圳南山电子科技 is another name than 深圳南山电子 (科技 is no legal form): a new customer.
    assert (preview.created, preview.updated, preview.unchanged) == (1, 2, 0)
    assert [
        (c.row, c.label, [(f.field, f.old, f.new) for f in c.changes]) for c in preview.changes
    ] == [
        (2, "北京华夏科技有限公司", [("city", "北京", "北京市")]),
        (2, "王伟", [("mobile", "13800138000", "13800138009")]),
    ]

    summary = run_import(db, path, ImportKind.CUSTOMERS)
    assert summary.written
    con = sqlite3.connect(db.path)
    try:
        assert con.execute("SELECT city FROM customers WHERE id = 1").fetchone() == ("北京市",)
        assert con.execute("SELECT mobile FROM contacts WHERE name = '王伟'").fetchone() == (
            "13800138009",
        )
        assert con.execute("SELECT count(*) FROM contacts WHERE name = '赵敏'").fetchone() == (1,)
    finally:
        con.close()
    ImportService(db).revert(summary.batch_id or 0)
    assert snapshot(db.path) == before


def test_existing_records_can_be_skipped_or_created_anew(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text(CUSTOMERS_CSV, encoding="utf-8")
    run_import(db, path, ImportKind.CUSTOMERS)
    path.write_text("客户名称,城市\n北京华夏科技有限公司,天津\n", encoding="utf-8")
    skipped = run_import(db, path, ImportKind.CUSTOMERS, existing="skip")
    assert (skipped.skipped, skipped.updated) == (1, 0)
    new = run_import(db, path, ImportKind.CUSTOMERS, existing="new")
    assert new.created == 1 and count(db, "customers") == 4


def test_a_phone_written_another_way_is_the_same_phone(db: Database, tmp_path: Path) -> None:
    """The form keeps "010-6552 1234" as typed; a file with 01065521234 (or the other way
    round) changes nothing, and the stored formatting stays."""
    path = tmp_path / "c.csv"
    path.write_text(CUSTOMERS_CSV, encoding="utf-8")
    run_import(db, path, ImportKind.CUSTOMERS)
    customers = CustomersService(db)
    huaxia = customers.list_customers(CustomerFilter(search="华夏"), limit=1)[0].id
    customers.update(huaxia, replace(customers.get(huaxia).data, phone="010-6552 1234"))
    path.write_text("客户名称,电话,手机\n北京华夏科技有限公司,01065521234,13800138000\n", "utf-8")
    again = run_import(db, path, ImportKind.CUSTOMERS)
    assert (again.updated, again.unchanged) == (0, 1)
    assert customers.get(huaxia).data.phone == "010-6552 1234"


def test_cancel_writes_nothing_and_progress_is_reported(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "many.csv"
    lines = ["客户名称,电话"] + [f"客户{i:05},0755-{i:08}" for i in range(3000)]
    path.write_text("\n".join(lines), encoding="utf-8")
    service = ImportService(db)
    source = service.open(path, ImportKind.CUSTOMERS)
    columns, _ = suggest(ImportKind.CUSTOMERS, source.info.headers)
    before = snapshot(db.path)
    calls: list[tuple[int, int]] = []
    with pytest.raises(ImportCancelledError):
        service.run(
            source,
            ImportOptions(ImportKind.CUSTOMERS, columns),
            progress=lambda done, total: calls.append((done, total)),
            cancelled=lambda: True,
        )
    assert snapshot(db.path) == before
    reported: list[tuple[int, int]] = []
    summary = service.run(
        source,
        ImportOptions(ImportKind.CUSTOMERS, columns),
        progress=lambda done, total: reported.append((done, total)),
    )
    assert summary.created == 3000 and reported[-1] == (3000, 3000)


def test_contacts_attach_to_customers_by_code_or_name(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text(CUSTOMERS_CSV, encoding="utf-8")
    run_import(db, path, ImportKind.CUSTOMERS)
    contacts = tmp_path / "contacts.csv"
    contacts.write_text(
        "客户编号,公司名称,联系人,职位,手机\nC002,,陈晨,采购经理,13512345678\n"
        ",深圳南山电子有限公司,刘洋,,\n,不存在公司,某人,,\n",
        encoding="utf-8",
    )
    summary = run_import(db, contacts, ImportKind.CONTACTS)
    assert [e.render() for e in summary.row_errors] == [
        "row 4, 公司名称: No customer 不存在公司 (import with “create missing”)."
    ]
    summary = run_import(db, contacts, ImportKind.CONTACTS, create_missing=True)
    assert (summary.created, summary.errors) == (3, 0)
    assert count(db, "customers") == 4


def test_products_validate_like_the_form(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_text(
        "产品编号,产品名称,单位,类别,单价,成本,税率\n"
        'SKU-1,工业传感器,个,传感器,"1,299.00",800,13%\n'
        "SKU-2,控制器,台,控制,-5,1,13\n"
        'SKU-1,工业传感器,个,传感器,"1,299.00",800,0.13\n',
        encoding="utf-8",
    )
    summary = run_import(db, path, ImportKind.PRODUCTS, skip_invalid=True)
    assert (summary.created, summary.unchanged, summary.errors) == (1, 1, 1)
    assert [e.render() for e in summary.row_errors] == [
        "row 3, 单价: Enter an amount of 0 or more."
    ]
    con = sqlite3.connect(db.path)
    try:
        assert con.execute("SELECT sku, list_price, tax_rate FROM products").fetchall() == [
            ("SKU-1", 129900, 1300)
        ]
        assert con.execute("SELECT name_zh FROM product_categories").fetchall() == [("传感器",)]
    finally:
        con.close()


def test_a_missing_required_column_is_a_file_error(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text("城市\n北京\n", encoding="utf-8")
    with pytest.raises(ImportFileError, match="Customer name"):
        run_import(db, path, ImportKind.CUSTOMERS)


def test_row_errors_render_their_parts() -> None:
    from sms_desktop.services.imports.service import RowError

    error = RowError(7, "客户名称", Message("Import", "required"))
    assert error.render() == "row 7, 客户名称: required"
    assert replace(error, row=8).row == 8


def test_revert_keeps_a_tag_given_to_another_customer_since(db: Database, tmp_path: Path) -> None:
    customers = CustomersService(db)
    mine = customers.create(CustomerInput(name="老客户"))
    path = tmp_path / "c.csv"
    path.write_text("客户名称,标签\n新客户,重点、华东\n", encoding="utf-8")
    summary = run_import(db, path, ImportKind.CUSTOMERS)
    customers.update(mine, replace(customers.get(mine).data, tags=("重点",)))
    ImportService(db).revert(summary.batch_id or 0)
    assert [c.name for c in customers.list_customers()] == ["老客户"]
    assert customers.get(mine).data.tags == ("重点",)
    assert _tag_names(db) == ["重点"]


def _tag_names(db: Database) -> list[str]:
    con = sqlite3.connect(db.path)
    try:
        return [r[0] for r in con.execute("SELECT name FROM tags ORDER BY name")]
    finally:
        con.close()


def test_an_exported_contact_list_comes_back_onto_the_same_contacts(
    db: Database, tmp_path: Path
) -> None:
    from sms_desktop.reporting.import_files import write_records
    from sms_desktop.services.imports.export import export_fields, export_rows

    path = tmp_path / "c.csv"
    path.write_text(CUSTOMERS_CSV, encoding="utf-8")
    run_import(db, path, ImportKind.CUSTOMERS)
    out = tmp_path / "contacts.csv"
    fields = export_fields(ImportKind.CONTACTS)
    write_records(out, fields, export_rows(db, ImportKind.CONTACTS))
    text = out.read_text(encoding="utf-8-sig")
    assert text.splitlines()[0].startswith("Record id,Customer code,Customer name,Contact,")
    out.write_text(text.replace("王伟", "王伟明"), encoding="utf-8-sig")
    summary = run_import(db, out, ImportKind.CONTACTS)
    assert (summary.updated, summary.unchanged, summary.created) == (1, 2, 0)
    assert [(c.label, c.changes[0].new) for c in summary.changes] == [("王伟", "王伟明")]
    out.write_text("Record id,Contact\n999,某人\n", encoding="utf-8")
    assert [e.render() for e in run_import(db, out, ImportKind.CONTACTS).row_errors] == [
        "row 2, Record id: No contact has this id."
    ]
