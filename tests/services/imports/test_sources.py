"""Reading import files: encodings, delimiters, sheets, title rows and merged cells."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from sms_desktop.domain.importing.errors import ImportFileError
from sms_desktop.services.imports.sources import open_source

CUSTOMERS = "客户名称,联系人,电话\n北京华夏科技有限公司,王伟,010-6552 1234\n上海浦江贸易,李娜,+86 138 0013 8000\n"


@pytest.mark.parametrize(
    ("data", "chosen"),
    [
        (CUSTOMERS.encode("gb18030"), "gb18030"),
        (CUSTOMERS.encode("gbk"), "gb18030"),
        (CUSTOMERS.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + CUSTOMERS.encode("utf-8"), "utf-8-sig"),
        (CUSTOMERS.encode("utf-16"), "utf-16"),
        (CUSTOMERS.encode("utf-16-le"), "utf-16-le"),
    ],
)
def test_the_encoding_is_decided_and_reported(tmp_path: Path, data: bytes, chosen: str) -> None:
    path = tmp_path / "customers.csv"
    path.write_bytes(data)
    source = open_source(path)
    assert source.info.encoding == chosen and source.info.encoding_guessed
    assert source.info.headers == ("客户名称", "联系人", "电话")
    rows = list(source.rows())
    assert [r.number for r in rows] == [2, 3]
    assert rows[0].values == ("北京华夏科技有限公司", "王伟", "010-6552 1234")


def test_an_explicit_encoding_wins_and_a_wrong_one_is_a_row_error(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_bytes(CUSTOMERS.encode("gb18030"))
    with pytest.raises(ImportFileError, match="not utf-8"):
        list(open_source(path, encoding="utf-8").rows())


def test_bytes_in_no_encoding_ask_for_a_choice(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_bytes(b"name\n\xff\xfe\xff\x80\x80\n")
    with pytest.raises(ImportFileError, match="choose its encoding"):
        open_source(path)


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_the_delimiter_is_sniffed(tmp_path: Path, delimiter: str) -> None:
    path = tmp_path / "c.txt"
    path.write_text(CUSTOMERS.replace(",", delimiter), encoding="utf-8")
    source = open_source(path)
    assert source.info.delimiter == delimiter
    assert list(source.rows())[1].values[1] == "李娜"


def test_quoted_multiline_cells_count_as_one_row(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text('name,notes\nA,"two\nlines"\n\nB,x\n', encoding="utf-8")
    assert [(r.number, r.values[0]) for r in open_source(path).rows()] == [(2, "A"), (4, "B")]


def _messy_workbook(path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.title = "说明"
    ws = wb.create_sheet("客户")
    ws["A1"] = "2026 客户名单"
    ws.merge_cells("A1:C1")
    ws.append([])
    ws.append(["客户名称", "城市", "联系人"])
    ws.append(["华东集团", "杭州", "张三"])
    ws.append([None, None, "李四"])
    ws.merge_cells("A4:A5")
    ws.append(["=1+1", "南京", "王五"])
    ws["A6"].data_type = "s"
    wb.save(path)


def test_a_sheet_by_name_past_its_title_with_merged_cells(tmp_path: Path) -> None:
    path = tmp_path / "messy.xlsx"
    _messy_workbook(path)
    source = open_source(path, sheet="客户")
    assert source.info.sheets == ("说明", "客户") and source.info.header_row == 3
    assert source.info.headers == ("客户名称", "城市", "联系人")
    assert [(r.number, r.values) for r in source.rows()] == [
        (4, ("华东集团", "杭州", "张三")),
        (5, ("华东集团", None, "李四")),
        (6, ("=1+1", "南京", "王五")),
    ]


def test_an_unknown_sheet_names_the_sheets(tmp_path: Path) -> None:
    path = tmp_path / "messy.xlsx"
    _messy_workbook(path)
    with pytest.raises(ImportFileError, match="说明、客户"):
        open_source(path, sheet="订单")


def test_a_damaged_workbook_is_an_import_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(ImportFileError):
        open_source(path)


def test_vcard_contacts(tmp_path: Path) -> None:
    path = tmp_path / "c.vcf"
    path.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:王伟\r\nORG:华东集团\r\n"
        "TEL;TYPE=CELL:13800138000\r\nEMAIL:wang@example.com\r\nEND:VCARD\r\n",
        encoding="utf-8",
    )
    source = open_source(path)
    row = next(source.rows())
    assert row.values[:2] == ("王伟", "华东集团") and row.values[4] == "13800138000"


def _ods(path: Path, rows: list[list[object]]) -> None:
    """A minimal OpenDocument spreadsheet (what LibreOffice/WPS save, reduced to the table)."""
    import zipfile

    def cell(value: object) -> str:
        if value is None:
            return "<table:table-cell/>"
        if isinstance(value, (int, float)):
            return (
                f'<table:table-cell office:value-type="float" office:value="{value}">'
                f"<text:p>{value}</text:p></table:table-cell>"
            )
        return f'<table:table-cell office:value-type="string"><text:p>{value}</text:p></table:table-cell>'

    body = "".join(
        "<table:table-row>" + "".join(cell(v) for v in row) + "</table:table-row>" for row in rows
    )
    ns = (
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
    )
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ns} '
        'office:version="1.2"><office:body><office:spreadsheet><table:table table:name="客户">'
        f"{body}</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest='
        '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type='
        '"application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry '
        'manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>'
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)


def test_an_ods_sheet_through_calamine(tmp_path: Path) -> None:
    path = tmp_path / "客户.ods"
    _ods(
        path, [["客户名单", None], ["客户名称", "年采购额"], ["华东集团", 1200], ["西部物流", 12.5]]
    )
    source = open_source(path)
    assert (source.info.format, source.info.sheets, source.info.header_row) == ("ods", ("客户",), 2)
    assert [(r.number, r.values) for r in source.rows()] == [
        (3, ("华东集团", 1200)),
        (4, ("西部物流", 12.5)),
    ]
