"""The error workbook keeps the failed rows as they were (formulas as text) with their errors."""

from __future__ import annotations

from pathlib import Path

from sms_desktop.domain.importing.fields import ImportKind
from sms_desktop.persistence.db import Database
from sms_desktop.reporting.import_files import write_error_workbook
from sms_desktop.services.imports.mapping import suggest
from sms_desktop.services.imports.service import ImportOptions, ImportService


def test_the_error_workbook_holds_the_failed_rows_as_text(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text(
        '客户名称,邮箱,年采购额\n=HYPERLINK("http://x"),not-an-email,12\n好客户,,5\n,a@b.cn,-1\n',
        encoding="utf-8",
    )
    service = ImportService(db)
    source = service.open(path, ImportKind.CUSTOMERS)
    columns, _ = suggest(ImportKind.CUSTOMERS, source.info.headers)
    summary = service.run(source, ImportOptions(ImportKind.CUSTOMERS, columns))
    out = tmp_path / "errors.xlsx"
    assert write_error_workbook(out, source, summary) == 2

    from openpyxl import load_workbook

    ws = load_workbook(out).active
    rows = [[c.value for c in row] for row in ws.iter_rows()]
    assert rows[0] == ["Row", "客户名称", "邮箱", "年采购额", "Errors"]
    assert rows[1][:3] == [2, '=HYPERLINK("http://x")', "not-an-email"]
    assert ws.cell(row=2, column=2).data_type == "s"  # text, never a formula
    assert rows[1][4] == "邮箱: Enter an email address like name@example.com."
    assert rows[2][0] == 4
    assert rows[2][4] == "客户名称: required"
