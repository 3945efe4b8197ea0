"""Table export to .xlsx: layout, exact typed values, formula safety, cancelling, atomic files."""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Iterator
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.worksheet import _writer as openpyxl_writer

from sms_desktop.reporting.excel import (
    MAX_CELL_CHARS,
    ExportCancelled,
    ExportColumn,
    clean_text,
    display_width,
    sanitize_sheet_title,
    write_table,
)

HOSTILE = [
    '=HYPERLINK("http://x","y")',
    "@SUM(1)",
    "+1",
    "-2",
    "=1+1",
    "\tcmd",
    "\rcmd",
    "=",
    "#N/A",
    "#DIV/0!",
]

ALL_KINDS = [
    ExportColumn("Name"),
    ExportColumn("Count", "int"),
    ExportColumn("Amount", "money"),
    ExportColumn("Quantity", "decimal"),
    ExportColumn("Margin", "percent"),
    ExportColumn("Due", "date"),
    ExportColumn("Created", "datetime"),
    ExportColumn("Active", "bool"),
]


def sheet(path: Path) -> Any:
    return load_workbook(path).worksheets[0]


def sheet_xml(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read("xl/worksheets/sheet1.xml").decode()


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def xml_legal(char: str) -> bool:
    code = ord(char)
    return (
        code in (0x9, 0xA, 0xD)
        or 0x20 <= code <= 0xD7FF
        or 0xE000 <= code <= 0xFFFD
        or code >= 0x10000
    )


@pytest.fixture
def local_utc_plus_8(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Local time is UTC+8 (a POSIX TZ string: no tz database needed)."""
    if not hasattr(time, "tzset"):
        pytest.skip("needs time.tzset")
    monkeypatch.setenv("TZ", "CST-8")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_layout_without_title(tmp_path: Path) -> None:
    path = tmp_path / "list.xlsx"
    columns = [
        ExportColumn("Name"),
        ExportColumn("Amount", "money"),
        ExportColumn("Fixed", width=33.5),
    ]
    count = write_table(
        path, columns, [["a", Decimal("1.00"), "x"], ["b", None, None]], sheet_title="Customers"
    )
    assert count == 2
    ws = sheet(path)
    assert ws.title == "Customers"
    assert [c.value for c in ws[1]] == ["Name", "Amount", "Fixed"]
    assert all(c.font.b for c in ws[1])
    assert all(c.fill.fill_type == "solid" for c in ws[1])
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == "A1:C3"
    widths = {letter: ws.column_dimensions[letter].width for letter in "ABC"}
    assert widths["C"] == 33.5
    assert all(width >= 6 for width in widths.values())


def test_layout_with_title_rows(tmp_path: Path) -> None:
    path = tmp_path / "list.xlsx"
    write_table(
        path,
        [ExportColumn("Name"), ExportColumn("City")],
        [["a", "b"]] * 3,
        sheet_title="Customers",
        title="Customers 客户",
        subtitle="Filter: city = 上海",
    )
    ws = sheet(path)
    assert ws["A1"].value == "Customers 客户"
    assert ws["A1"].font.b
    assert ws["A2"].value == "Filter: city = 上海"
    assert ws["A3"].value is None
    assert [c.value for c in ws[4]] == ["Name", "City"]
    assert ws.freeze_panes == "A5"
    assert ws.auto_filter.ref == "A4:B7"
    with zipfile.ZipFile(path) as archive:
        workbook_xml = archive.read("xl/workbook.xml").decode()
    assert "_xlnm._FilterDatabase" in workbook_xml


def test_empty_table_still_has_header_and_filter(tmp_path: Path) -> None:
    path = tmp_path / "empty.xlsx"
    assert write_table(path, ALL_KINDS, [], sheet_title="Empty") == 0
    ws = sheet(path)
    assert ws.max_row == 1
    assert ws.auto_filter.ref == "A1:H1"


def test_values_keep_their_types(tmp_path: Path, local_utc_plus_8: None) -> None:
    path = tmp_path / "typed.xlsx"
    row: list[object] = [
        "王伟",
        42,
        Decimal("1234567.89"),
        Decimal("2.500"),
        Decimal("12.50"),
        date(2026, 3, 1),
        datetime(2026, 1, 1, 16, 30, tzinfo=UTC),
        True,
    ]
    write_table(path, ALL_KINDS, [row, [None] * 8], sheet_title="Typed")
    ws = sheet(path)
    name, count, amount, quantity, margin, due, created, active = ws[2]
    assert (name.value, name.data_type) == ("王伟", "s")
    assert (count.value, count.data_type) == (42, "n")
    assert isinstance(count.value, int)
    assert (amount.value, amount.data_type, amount.number_format) == (1234567.89, "n", "#,##0.00")
    assert (quantity.value, quantity.data_type) == (2.5, "n")
    assert (margin.value, margin.data_type, margin.number_format) == (0.125, "n", "0.00%")
    assert due.value == datetime(2026, 3, 1)
    assert due.number_format == "yyyy-mm-dd"
    # 16:30 UTC is 00:30 the next day at UTC+8; Excel has no time zones, so local and naive.
    assert created.value == datetime(2026, 1, 2, 0, 30)
    assert created.number_format == "yyyy-mm-dd hh:mm"
    assert (active.value, active.data_type) == (True, "b")
    assert all(cell.value is None for cell in ws[3])


def test_money_is_written_with_its_exact_digits(tmp_path: Path) -> None:
    path = tmp_path / "money.xlsx"
    # openpyxl alone prints numbers with "%.16g" of a float: 9367073931194.72 → …194.721.
    amounts = [
        Decimal("1234567.89"),
        Decimal("0.10"),
        Decimal("0.3"),
        Decimal("-0.01"),
        Decimal("99999999999.99"),
        Decimal("9367073931194.72"),
    ]
    write_table(
        path, [ExportColumn("Amount", "money")], [[a] for a in amounts], sheet_title="Money"
    )
    xml = sheet_xml(path)
    for literal in ("1234567.89", "0.1", "0.3", "-0.01", "99999999999.99", "9367073931194.72"):
        assert f"<v>{literal}</v>" in xml
    assert "0000000" not in xml  # no float noise such as 0.10000000000000001
    assert [c.value for (c,) in sheet(path).iter_rows(min_row=2)] == [float(a) for a in amounts]


def test_percent_and_money_accept_ints_and_floats(tmp_path: Path) -> None:
    path = tmp_path / "numbers.xlsx"
    columns = [
        ExportColumn("Margin", "percent"),
        ExportColumn("Amount", "money"),
        ExportColumn("Ratio", "decimal"),
    ]
    write_table(path, columns, [[12, 5, 0.25], [7.5, 1.5, Decimal("1E+3")]], sheet_title="N")
    assert [[c.value for c in r] for r in sheet(path).iter_rows(min_row=2)] == [
        [0.12, 5, 0.25],
        [0.075, 1.5, 1000],
    ]
    assert "<v>1000</v>" in sheet_xml(path)


def test_values_that_do_not_fit_the_kind_become_text(tmp_path: Path) -> None:
    path = tmp_path / "odd.xlsx"
    columns = [
        ExportColumn("Amount", "money"),
        ExportColumn("Due", "date"),
        ExportColumn("Active", "bool"),
        ExportColumn("Count", "int"),
    ]
    write_table(path, columns, [["=n/a", "soon", "yes", Decimal("NaN")]], sheet_title="Odd")
    cells = list(sheet(path)[2])
    assert [(c.value, c.data_type) for c in cells] == [
        ("=n/a", "s"),
        ("soon", "s"),
        ("yes", "s"),
        ("NaN", "s"),
    ]


def test_naive_datetimes_are_refused_and_leave_no_file(tmp_path: Path) -> None:
    path = tmp_path / "naive.xlsx"
    with pytest.raises(ValueError, match="naive datetime"):
        write_table(
            path, [ExportColumn("At", "datetime")], [[datetime(2026, 1, 1)]], sheet_title="x"
        )
    assert leftovers(tmp_path) == []


def test_hostile_text_stays_plain_strings(tmp_path: Path) -> None:
    path = tmp_path / "hostile.xlsx"
    texts = [*HOSTILE, "a\x01\x02b\x0b", "tab\tnew\nline\rcr"]
    write_table(
        path,
        [ExportColumn(h) for h in ("Text", "Header")],
        [[text, text] for text in texts],
        sheet_title="=Sheet",
        title="=1+1",
        subtitle="@x",
    )
    ws = sheet(path)
    expected = [*HOSTILE, "ab", "tab\tnew\nline\rcr"]
    assert [c.value for (c, _) in ws.iter_rows(min_row=5)] == expected
    assert all(c.data_type == "s" for row in ws.iter_rows() for c in row if c.value is not None)
    assert ws["A1"].value == "=1+1"
    xml = sheet_xml(path)
    assert "<f>" not in xml
    assert "<f " not in xml
    assert 't="e"' not in xml


def test_headers_are_guarded_too(tmp_path: Path) -> None:
    path = tmp_path / "header.xlsx"
    write_table(path, [ExportColumn("=SUM(A1)")], [], sheet_title="x")
    assert (sheet(path)["A1"].value, sheet(path)["A1"].data_type) == ("=SUM(A1)", "s")


def test_cjk_round_trips_and_widens_its_column(tmp_path: Path) -> None:
    path = tmp_path / "cjk.xlsx"
    name = "北京市朝阳区建国路八十八号"  # 13 wide characters
    write_table(
        path, [ExportColumn("地址"), ExportColumn("Ascii")], [[name, "a" * 13]], sheet_title="客户"
    )
    ws = sheet(path)
    assert ws.title == "客户"
    assert ws["A2"].value == name
    assert ws.column_dimensions["A"].width >= 26
    assert ws.column_dimensions["B"].width < ws.column_dimensions["A"].width


def test_widths_are_capped(tmp_path: Path) -> None:
    path = tmp_path / "wide.xlsx"
    write_table(path, [ExportColumn("Notes")], [["x" * 500]], sheet_title="x")
    assert sheet(path).column_dimensions["A"].width == 60


def test_long_text_is_cut_to_the_cell_limit(tmp_path: Path) -> None:
    path = tmp_path / "long.xlsx"
    write_table(path, [ExportColumn("Notes")], [["y" * 32_768]], sheet_title="x")
    assert sheet(path)["A2"].value == "y" * MAX_CELL_CHARS


def test_progress_is_reported_every_2000_rows(tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    rows = ([i] for i in range(5_000))
    count = write_table(
        tmp_path / "p.xlsx",
        [ExportColumn("N", "int")],
        rows,
        sheet_title="x",
        total=5_000,
        progress=lambda d, t: calls.append((d, t)),
    )
    assert count == 5_000
    assert calls == [(2_000, 5_000), (4_000, 5_000), (5_000, 5_000)]
    calls.clear()
    write_table(
        tmp_path / "q.xlsx",
        [ExportColumn("N", "int")],
        [[1]],
        sheet_title="x",
        progress=lambda d, t: calls.append((d, t)),
    )
    assert calls == [(1, 0)]


def openpyxl_temp_files() -> list[str]:
    return [name for name in openpyxl_writer.ALL_TEMP_FILES if Path(name).exists()]


def test_cancel_from_progress_leaves_no_file(tmp_path: Path) -> None:
    path = tmp_path / "cancelled.xlsx"
    path.write_bytes(b"previous export")
    before = openpyxl_temp_files()

    def cancel(done: int, total: int) -> None:
        if done >= 4_000:
            raise ExportCancelled

    with pytest.raises(ExportCancelled):
        write_table(
            path,
            [ExportColumn("N", "int")],
            ([i] for i in range(10_000)),
            sheet_title="x",
            progress=cancel,
        )
    assert path.read_bytes() == b"previous export"
    assert leftovers(tmp_path) == ["cancelled.xlsx"]
    assert openpyxl_temp_files() == before


def test_failing_source_leaves_no_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.xlsx"

    def rows() -> Iterator[list[object]]:
        for i in range(3_000):
            yield [i]
        raise RuntimeError("cursor closed")

    with pytest.raises(RuntimeError, match="cursor closed"):
        write_table(path, [ExportColumn("N", "int")], rows(), sheet_title="x")
    assert leftovers(tmp_path) == []


def test_failure_while_saving_leaves_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from openpyxl.workbook.workbook import Workbook

    def broken_save(self: Any, filename: Any) -> None:
        filename.write(b"PK partial")
        raise OSError("disk full")

    monkeypatch.setattr(Workbook, "save", broken_save)
    with pytest.raises(OSError, match="disk full"):
        write_table(tmp_path / "x.xlsx", [ExportColumn("N")], [["a"]], sheet_title="x")
    assert leftovers(tmp_path) == []


def test_rows_must_match_the_columns(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="zip"):
        write_table(
            tmp_path / "x.xlsx",
            [ExportColumn("A"), ExportColumn("B")],
            [["only a"]],
            sheet_title="x",
        )
    assert leftovers(tmp_path) == []


def test_an_existing_file_is_replaced(tmp_path: Path) -> None:
    path = tmp_path / "again.xlsx"
    path.write_bytes(b"old")
    write_table(path, [ExportColumn("A")], [["new"]], sheet_title="x")
    assert sheet(path)["A2"].value == "new"
    assert leftovers(tmp_path) == ["again.xlsx"]


@pytest.mark.parametrize(
    ("given_title", "expected"),
    [
        ("Customers", "Customers"),
        ("a/b\\c:d*e?f[g]h", "a_b_c_d_e_f_g_h"),
        ("x" * 40, "x" * 31),
        ("'quoted'", "quoted"),
        ("", "Sheet1"),
        ("[]", "__"),
        ("history", "history_"),
        ("销售\x01报表", "销售报表"),
    ],
)
def test_sheet_titles_are_sanitized(given_title: str, expected: str, tmp_path: Path) -> None:
    assert sanitize_sheet_title(given_title) == expected
    path = tmp_path / "t.xlsx"
    write_table(path, [ExportColumn("A")], [], sheet_title=given_title)
    assert sheet(path).title == expected


def test_illegal_characters_cover_openpyxl_s_list() -> None:
    for code in range(0x20):
        char = chr(code)
        assert (clean_text(char) == "") == bool(ILLEGAL_CHARACTERS_RE.match(char))
    assert clean_text("a\ufffeb\uffffc\ud800") == "abc"


def test_display_width_counts_wide_characters_twice() -> None:
    assert display_width("abc") == 3
    assert display_width("王伟") == 4
    assert display_width("ＡＢ") == 4  # full-width Latin
    assert display_width("short\nmuch longer") == 11
    assert display_width("") == 0


def test_importing_does_not_load_openpyxl() -> None:
    code = (
        "import sys, sms_desktop.reporting.excel, sms_desktop.reporting.csv_export; "
        "print('openpyxl' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


@settings(max_examples=40, deadline=None)
@given(st.lists(st.text(), min_size=1, max_size=25))
def test_any_text_round_trips_as_a_plain_string(texts: list[str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "text.xlsx"
        write_table(path, [ExportColumn("Text")], [[t] for t in texts], sheet_title="x")
        cells = [c for (c,) in sheet(path).iter_rows(min_row=2, max_row=len(texts) + 1)]
        xml = sheet_xml(path)
    for text, cell in zip(texts, cells, strict=True):
        expected = "".join(char for char in text if xml_legal(char))
        if expected:
            assert (cell.value, cell.data_type) == (expected, "s")
        else:
            assert cell.value is None
    assert "<f>" not in xml
