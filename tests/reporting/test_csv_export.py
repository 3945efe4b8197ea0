"""Table export to CSV: encodings, formula guard, exact numbers, atomic files."""

from __future__ import annotations

import csv
import io
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sms_desktop.reporting.csv_export import guard, write_csv
from sms_desktop.reporting.excel import ExportCancelled, ExportColumn

COLUMNS = [
    ExportColumn("客户"),
    ExportColumn("Count", "int"),
    ExportColumn("Amount", "money"),
    ExportColumn("Margin", "percent"),
    ExportColumn("Due", "date"),
    ExportColumn("Created", "datetime"),
    ExportColumn("Active", "bool"),
]


def read(path: Path, encoding: str = "utf-8-sig") -> list[list[str]]:
    with path.open(encoding=encoding, newline="") as handle:
        return list(csv.reader(handle))


@pytest.fixture
def local_utc_plus_8(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    if not hasattr(time, "tzset"):
        pytest.skip("needs time.tzset")
    monkeypatch.setenv("TZ", "CST-8")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_utf8_with_bom_and_typed_fields(tmp_path: Path, local_utc_plus_8: None) -> None:
    path = tmp_path / "list.csv"
    rows: list[list[object]] = [
        [
            "王伟",
            3,
            Decimal("1234.50"),
            Decimal("12.50"),
            date(2026, 3, 1),
            datetime(2026, 1, 1, 16, 30, 45, tzinfo=UTC),
            True,
        ],
        ['上海, "浦东"\n二行', -4, Decimal("-0.10"), None, None, None, False],
    ]
    assert write_csv(path, COLUMNS, rows) == 2
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in raw
    assert read(path) == [
        ["客户", "Count", "Amount", "Margin", "Due", "Created", "Active"],
        ["王伟", "3", "1234.50", "12.50", "2026-03-01", "2026-01-02 00:30", "1"],
        ['上海, "浦东"\n二行', "-4", "-0.10", "", "", "", "0"],
    ]


def test_gb18030_variant(tmp_path: Path) -> None:
    path = tmp_path / "gbk.csv"
    write_csv(path, [ExportColumn("客户名称")], [["王伟"], ["𠀀 rare"]], encoding="gb18030")
    raw = path.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    assert raw.decode("gb18030") == "客户名称\r\n王伟\r\n𠀀 rare\r\n"


def test_decimals_are_exact_and_plain(tmp_path: Path) -> None:
    path = tmp_path / "n.csv"
    values = [Decimal("0.1"), Decimal("1234567.89"), Decimal("1E+3"), Decimal("0.30"), 0.5, 7]
    write_csv(path, [ExportColumn("N", "decimal")], [[v] for v in values])
    assert [r[0] for r in read(path)[1:]] == ["0.1", "1234567.89", "1000", "0.30", "0.5", "7"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("=1+1", "'=1+1"),
        ('=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'),
        ("+1", "'+1"),
        ("-2", "'-2"),
        ("@SUM(1)", "'@SUM(1)"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\rcmd"),
        ("plain", "plain"),
        ("a=b", "a=b"),
        ("", ""),
    ],
)
def test_formula_guard(text: str, expected: str, tmp_path: Path) -> None:
    assert guard(text) == expected
    path = tmp_path / "g.csv"
    write_csv(
        path, [ExportColumn("Text"), ExportColumn("Amount", "money")], [[text, Decimal("-2.00")]]
    )
    assert read(path)[1] == [expected, "-2.00"]


def test_headers_are_guarded(tmp_path: Path) -> None:
    path = tmp_path / "h.csv"
    write_csv(path, [ExportColumn("=cmd")], [])
    assert read(path) == [["'=cmd"]]


def test_naive_datetimes_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="naive datetime"):
        write_csv(tmp_path / "x.csv", [ExportColumn("At", "datetime")], [[datetime(2026, 1, 1)]])
    assert list(tmp_path.iterdir()) == []


def test_progress_and_cancel_leave_the_old_file(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text("previous")
    calls: list[tuple[int, int]] = []

    def cancel(done: int, total: int) -> None:
        calls.append((done, total))
        if done >= 4_000:
            raise ExportCancelled

    with pytest.raises(ExportCancelled):
        write_csv(
            path,
            [ExportColumn("N", "int")],
            ([i] for i in range(10_000)),
            total=10_000,
            progress=cancel,
        )
    assert calls == [(2_000, 10_000), (4_000, 10_000)]
    assert path.read_text() == "previous"
    assert [p.name for p in tmp_path.iterdir()] == ["c.csv"]


def test_failing_source_leaves_no_file(tmp_path: Path) -> None:
    def rows() -> Iterator[list[object]]:
        yield ["a"]
        raise RuntimeError("cursor closed")

    with pytest.raises(RuntimeError, match="cursor closed"):
        write_csv(tmp_path / "x.csv", [ExportColumn("A")], rows())
    assert list(tmp_path.iterdir()) == []


def test_final_progress_without_total(tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    write_csv(
        tmp_path / "x.csv",
        [ExportColumn("A")],
        [["a"]] * 3,
        progress=lambda d, t: calls.append((d, t)),
    )
    assert calls == [(3, 0)]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(), min_size=1, max_size=20), st.sampled_from(["utf-8-sig", "gb18030"]))
def test_any_text_round_trips(texts: list[str], encoding: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "t.csv"
        write_csv(
            path,
            [ExportColumn("Text")],
            [[t] for t in texts],
            encoding="gb18030" if encoding == "gb18030" else "utf-8-sig",
        )
        text = path.read_bytes().decode(encoding)
    fields = [row[0] if row else "" for row in csv.reader(io.StringIO(text, newline=""))][1:]
    assert fields == [guard(t) for t in texts]
