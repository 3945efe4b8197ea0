"""Import files read as numbered rows, streamed: CSV/TXT, .xlsx, .xls/.ods and vCard.

A :class:`Source` knows its format, the chosen encoding and delimiter (CSV), its sheets, the
header row (found past title rows) and its headers; :meth:`Source.rows` reads the data rows
from the file again on every call and never holds the whole file. Row numbers are the rows
as a spreadsheet shows them: the header of a CSV is row 1, title rows above a sheet's header
count, blank rows count (and are not yielded).

Merged cells: openpyxl's read-only mode does not expose merged ranges, and its normal mode
holds the whole sheet in memory (~4 KiB a row). A cheap pass scans the sheet's XML bytes for
``<mergeCell ref=…>`` (no XML parsing, only inflating the zip member), then the streamed rows
get each range's top-left value. calamine (.xls) reports its ranges itself; .ods has none.
"""

from __future__ import annotations

import codecs
import csv
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from itertools import islice
from pathlib import Path
from typing import Any, Literal, get_args

from sms_desktop.domain.i18n import translate
from sms_desktop.domain.importing.errors import ImportFileError

Cell = str | int | float | Decimal | date | datetime | time | timedelta | bool | None
Encoding = Literal["auto", "utf-8", "gb18030", "utf-16"]
ENCODINGS: tuple[Encoding, ...] = get_args(Encoding)
Format = Literal["csv", "xlsx", "xls", "ods", "vcf"]

_SUFFIXES: dict[str, Format] = {
    ".csv": "csv",
    ".txt": "csv",
    ".tsv": "csv",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
    ".xls": "xls",
    ".ods": "ods",
    ".vcf": "vcf",
}
HEADER_SEARCH_ROWS = 30  # a header further down than this is given explicitly
_CHUNK = 1 << 20
_DELIMITERS = (",", ";", "\t")
_CSV_FIELD_LIMIT = 1 << 24  # a cell of up to 16 MiB (the csv module's default is 128 KiB)
_MERGE_REF = re.compile(rb"<(?:\w+:)?mergeCell\b[^>]*?\bref=\"([A-Z]+)(\d+):([A-Z]+)(\d+)\"")

HeaderScore = Callable[[Sequence[str]], int]


@dataclass(frozen=True, slots=True)
class SourceRow:
    """One data row: its number as the spreadsheet shows it, and its cells."""

    number: int
    values: tuple[Cell, ...]


@dataclass(frozen=True, slots=True)
class SourceInfo:
    """What was decided about a file; the wizard shows it and may change the choices."""

    path: Path
    format: Format
    sheets: tuple[str, ...]
    sheet: str | None
    encoding: str | None  # the encoding read (CSV); "utf-8-sig" means UTF-8 with a BOM
    encoding_guessed: bool  # decided by the file (BOM → UTF-8 → GB18030), not chosen
    delimiter: str | None
    header_row: int
    headers: tuple[str, ...]
    total_rows: int | None  # data rows at most (from the sheet's dimension), when known


@dataclass(frozen=True, slots=True)
class _Range:
    min_row: int
    min_col: int
    max_row: int
    max_col: int


def file_format(path: Path) -> Format:
    fmt = _SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        raise ImportFileError(
            translate(
                "Import", "{file}: choose a .xlsx, .xls, .ods, .csv, .txt or .vcf file."
            ).format(file=path.name)
        )
    return fmt


def _is_blank(values: Iterable[Cell]) -> bool:
    return all(v is None or (isinstance(v, str) and not v.strip()) for v in values)


def header_text(value: Cell) -> str:
    """A header cell as one line of text."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


# ----------------------------------------------------------------------------- CSV / TXT


def _utf16_without_bom(sample: bytes) -> str | None:
    """UTF-16 text without a BOM: Chinese and Latin text alike put NULs in every other byte."""
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > len(odd) * 0.3 and even.count(0) < len(even) * 0.05:
        return "utf-16-le"
    if even.count(0) > len(even) * 0.3 and odd.count(0) < len(odd) * 0.05:
        return "utf-16-be"
    return None


def _decodes(path: Path, encoding: str) -> bool:
    """Whether the whole file decodes strictly (read in chunks, nothing kept)."""
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(_CHUNK):
                decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def detect_encoding(path: Path, choice: Encoding = "auto") -> tuple[str, bool]:
    """The codec to read ``path`` with, and whether it was guessed: a BOM decides, else
    strict UTF-8 if the whole file is UTF-8, else GB18030 (which covers GBK and GB2312);
    an explicit choice is taken as it is."""
    with path.open("rb") as handle:
        head = handle.read(4096)
    if choice == "utf-8":
        return ("utf-8-sig" if head.startswith(codecs.BOM_UTF8) else "utf-8"), False
    if choice == "utf-16":
        has_bom = head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
        return ("utf-16" if has_bom else _utf16_without_bom(head) or "utf-16-le"), False
    if choice == "gb18030":
        return "gb18030", False
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig", True
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16", True
    if (utf16 := _utf16_without_bom(head)) is not None and _decodes(path, utf16):
        return utf16, True
    if _decodes(path, "utf-8"):
        return "utf-8", True
    if _decodes(path, "gb18030"):
        return "gb18030", True
    raise ImportFileError(
        translate(
            "Import", "{file} is neither UTF-8 nor GB18030 text: choose its encoding."
        ).format(file=path.name)
    )


def sniff_delimiter(sample: str) -> str:
    """Comma, semicolon or tab: the one that splits the first lines most consistently."""
    lines = [line for line in sample.splitlines()[:50] if line.strip()]
    if len(lines) > 1:
        lines = lines[:-1]  # the sample may end inside the last line
    best, best_score = ",", (0, 0)
    for delimiter in _DELIMITERS:
        counts = [len(next(csv.reader([line], delimiter=delimiter), [])) - 1 for line in lines]
        if not counts or max(counts) == 0:
            continue
        mode = max(set(counts), key=counts.count)
        score = (counts.count(mode) if mode else 0, mode)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _csv_rows(path: Path, encoding: str, delimiter: str) -> Iterator[tuple[int, tuple[Cell, ...]]]:
    csv.field_size_limit(_CSV_FIELD_LIMIT)
    number = 0
    try:
        with path.open(encoding=encoding, errors="strict", newline="") as handle:
            for number, record in enumerate(csv.reader(handle, delimiter=delimiter), start=1):
                yield number, tuple(record)
    except UnicodeDecodeError as exc:
        raise ImportFileError(
            translate(
                "Import", "{file}, row {row}: the text is not {encoding}; choose another encoding."
            ).format(
                file=path.name,
                row=number + 1,
                encoding=encoding,
            )
        ) from exc
    except csv.Error as exc:
        raise ImportFileError(
            translate("Import", "{file}, row {row}: not a readable CSV row ({reason}).").format(
                file=path.name,
                row=number + 1,
                reason=str(exc),
            )
        ) from exc


def _csv_sample(path: Path, encoding: str) -> str:
    try:
        with path.open(encoding=encoding, errors="strict", newline="") as handle:
            return handle.read(65536)
    except UnicodeDecodeError as exc:
        raise ImportFileError(
            translate(
                "Import", "{file}: the text is not {encoding}; choose another encoding."
            ).format(
                file=path.name,
                encoding=encoding,
            )
        ) from exc


def _count_lines(path: Path) -> int:
    count = 0
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            count += chunk.count(b"\n")
    return count


# ----------------------------------------------------------------------------- workbooks


def _column_number(letters: bytes) -> int:
    number = 0
    for ch in letters:
        number = number * 26 + ch - 64
    return number


def _xlsx_merged_ranges(path: Path, member: str) -> list[_Range]:
    """The merged ranges of one sheet, from a byte scan of its XML (see the module doc)."""
    found: set[_Range] = set()
    tail = b""
    with zipfile.ZipFile(path) as archive, archive.open(member.lstrip("/")) as handle:
        while chunk := handle.read(_CHUNK):
            data = tail + chunk
            for a, r1, b, r2 in _MERGE_REF.findall(data):
                found.add(_Range(int(r1), _column_number(a), int(r2), _column_number(b)))
            tail = data[-256:]
    return sorted(found, key=lambda r: (r.min_row, r.min_col))


def fill_merged(
    rows: Iterable[tuple[int, tuple[Cell, ...]]], ranges: Sequence[_Range]
) -> Iterator[tuple[int, tuple[Cell, ...]]]:
    """Give every cell of a merged range the value of its top-left cell."""
    starts: dict[int, list[_Range]] = {}
    for rng in ranges:
        if rng.max_row > rng.min_row or rng.max_col > rng.min_col:
            starts.setdefault(rng.min_row, []).append(rng)
    active: list[tuple[_Range, Cell]] = []
    for number, values in rows:
        for rng in starts.pop(number, ()):
            top_left = values[rng.min_col - 1] if len(values) >= rng.min_col else None
            active.append((rng, top_left))
        if active:
            active = [(rng, v) for rng, v in active if rng.max_row >= number]
            cells = list(values)
            for rng, value in active:
                if len(cells) < rng.max_col:
                    cells.extend([None] * (rng.max_col - len(cells)))
                cells[rng.min_col - 1 : rng.max_col] = [value] * (rng.max_col - rng.min_col + 1)
            yield number, tuple(cells)
        else:
            yield number, values


def _unreadable(path: Path, exc: BaseException) -> ImportFileError:
    error = ImportFileError(
        translate("Import", "{file} cannot be read as a workbook ({reason}).").format(
            file=path.name,
            reason=type(exc).__name__,
        )
    )
    error.__cause__ = exc
    return error


def _xlsx_sheets(path: Path) -> tuple[tuple[str, ...], dict[str, int | None]]:
    """The sheet names and each sheet's last row (from its dimension), in one load: a
    read-only load parses the whole shared-strings table (seconds for a large file)."""
    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # zip, XML and openpyxl errors alike: the file is not usable
        raise _unreadable(path, exc) from exc
    try:
        rows = {name: wb[name].max_row for name in wb.sheetnames}
        return tuple(wb.sheetnames), {k: int(v) if v else None for k, v in rows.items()}
    finally:
        wb.close()


def _xlsx_rows(path: Path, sheet: str) -> Iterator[tuple[int, tuple[Cell, ...]]]:
    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
        ws = wb[sheet]
        ranges = _xlsx_merged_ranges(path, ws._worksheet_path)
    except Exception as exc:
        raise _unreadable(path, exc) from exc
    try:
        numbered = enumerate(ws.iter_rows(min_row=1, values_only=True), start=1)
        try:
            yield from fill_merged(numbered, ranges)
        except ImportFileError:
            raise
        except Exception as exc:  # a damaged sheet part found while streaming
            raise _unreadable(path, exc) from exc
    finally:
        wb.close()


def _calamine_book(path: Path) -> Any:
    from python_calamine import CalamineWorkbook

    try:
        return CalamineWorkbook.from_path(str(path))
    except Exception as exc:
        raise _unreadable(path, exc) from exc


def _calamine_cell(value: Cell) -> Cell:
    # calamine gives every number as a float; whole numbers are integers in the sheet.
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return int(value)
    if value == "":
        return None
    return value


def _calamine_rows(path: Path, sheet: str) -> Iterator[tuple[int, tuple[Cell, ...]]]:
    book = _calamine_book(path)
    try:
        ws = book.get_sheet_by_name(sheet)
        start_row, start_col = ws.start or (0, 0)
        ranges = [
            _Range(r1 + 1, c1 + 1, r2 + 1, c2 + 1)
            for (r1, c1), (r2, c2) in (ws.merged_cell_ranges or ())
        ]
        pad: tuple[Cell, ...] = (None,) * start_col
        numbered = (
            (start_row + index + 1, pad + tuple(_calamine_cell(v) for v in row))
            for index, row in enumerate(ws.iter_rows())
        )
        yield from fill_merged(numbered, ranges)
    except ImportFileError:
        raise
    except Exception as exc:
        raise _unreadable(path, exc) from exc
    finally:
        book.close()


# --------------------------------------------------------------------------------- vCard

VCARD_HEADERS = (
    "contact_name",
    "customer_name",
    "contact_title",
    "contact_phone",
    "contact_mobile",
    "contact_email",
    "contact_notes",
)


def _vcard_rows(path: Path) -> Iterator[tuple[int, tuple[Cell, ...]]]:
    import vobject

    def first(card: Any, key: str) -> str:
        items = card.contents.get(key) or []
        return str(items[0].value).strip() if items else ""

    def phone(card: Any, mobile: bool) -> str:
        for item in card.contents.get("tel") or []:
            kinds = {t.lower() for t in item.params.get("TYPE", [])}
            if ("cell" in kinds) == mobile:
                return str(item.value).strip()
        return ""

    yield 1, VCARD_HEADERS
    number = 1
    try:
        with path.open(encoding="utf-8-sig", errors="strict") as handle:
            for card in vobject.readComponents(handle, ignoreUnreadable=True):
                number += 1
                org = card.contents.get("org")
                company = ""
                if org:
                    value = org[0].value
                    company = (
                        value[0] if isinstance(value, list) and value else str(value)
                    ).strip()
                yield (
                    number,
                    (
                        first(card, "fn"),
                        company,
                        first(card, "title"),
                        phone(card, mobile=False),
                        phone(card, mobile=True),
                        first(card, "email"),
                        first(card, "note"),
                    ),
                )
    except UnicodeDecodeError as exc:
        raise ImportFileError(
            translate("Import", "{file} is not a UTF-8 vCard file.").format(file=path.name)
        ) from exc
    except Exception as exc:  # vobject's parse errors have no common base
        raise ImportFileError(
            translate("Import", "{file}, card {row}: not a readable vCard ({reason}).").format(
                file=path.name,
                row=number,
                reason=type(exc).__name__,
            )
        ) from exc


# ---------------------------------------------------------------------------- the source


def find_header_row(
    rows: Sequence[tuple[int, tuple[Cell, ...]]], score: HeaderScore | None = None
) -> int:
    """The row that holds the headers: the one with most recognised headers when ``score``
    recognises any, else the first row of two or more different texts and no numbers (a
    merged title row repeats one text)."""
    best, best_score = 0, 0
    if score is not None:
        for number, values in rows:
            points = score([header_text(v) for v in values])
            if points > best_score:
                best, best_score = number, points
        if best:
            return best
    for number, values in rows:
        texts = {header_text(v) for v in values if v is not None and header_text(v)}
        numbers = any(isinstance(v, (int, float, Decimal, date)) for v in values)
        if len(texts) >= 2 and not numbers:
            return number
    for number, values in rows:
        if not _is_blank(values):
            return number
    raise ImportFileError(translate("Import", "The file holds no rows."))


class Source:
    """An import file, its choices decided; :meth:`rows` streams its data rows."""

    def __init__(self, info: SourceInfo) -> None:
        self.info = info

    def _raw(self) -> Iterator[tuple[int, tuple[Cell, ...]]]:
        info = self.info
        if info.format == "csv":
            assert info.encoding is not None
            assert info.delimiter is not None
            return _csv_rows(info.path, info.encoding, info.delimiter)
        if info.format == "xlsx":
            assert info.sheet is not None
            return _xlsx_rows(info.path, info.sheet)
        if info.format in ("xls", "ods"):
            assert info.sheet is not None
            return _calamine_rows(info.path, info.sheet)
        return _vcard_rows(info.path)

    def rows(self) -> Iterator[SourceRow]:
        """The data rows below the header, blank rows left out, padded to the headers."""
        width = len(self.info.headers)
        header = self.info.header_row
        for number, values in self._raw():
            if number <= header or _is_blank(values):
                continue
            missing = width - len(values)
            yield SourceRow(number, values + (None,) * missing if missing > 0 else values)

    def preview(self, limit: int = 50) -> list[SourceRow]:
        return list(islice(self.rows(), limit))

    def count_rows(self) -> int | None:
        """How many data rows there are at most, cheaply (progress needs a total)."""
        if self.info.total_rows is not None:
            return self.info.total_rows
        if self.info.format == "csv":
            return max(0, _count_lines(self.info.path) - self.info.header_row + 1)
        return None


def open_source(
    path: Path,
    *,
    sheet: str | None = None,
    encoding: Encoding = "auto",
    header_row: int | None = None,
    header_score: HeaderScore | None = None,
) -> Source:
    """Open ``path`` and decide what it is: format, encoding and delimiter (CSV), sheet,
    header row (``header_row`` to override the guess) and headers."""
    path = Path(path)
    fmt = file_format(path)
    if not path.is_file():
        raise ImportFileError(
            translate("Import", "There is no file at {file}.").format(file=str(path))
        )
    if encoding not in ENCODINGS:
        raise ImportFileError(
            translate("Import", "Unknown encoding {encoding}.").format(encoding=str(encoding))
        )
    info = SourceInfo(path, fmt, (), None, None, False, None, 1, (), None)
    if fmt == "csv":
        codec, guessed = detect_encoding(path, encoding)
        delimiter = (
            "\t" if path.suffix.lower() == ".tsv" else sniff_delimiter(_csv_sample(path, codec))
        )
        info = replace(info, encoding=codec, encoding_guessed=guessed, delimiter=delimiter)
    elif fmt in ("xlsx", "xls", "ods"):
        dimensions: dict[str, int | None] = {}
        if fmt == "xlsx":
            sheets, dimensions = _xlsx_sheets(path)
        else:
            book = _calamine_book(path)
            try:
                sheets = tuple(book.sheet_names)
            finally:
                book.close()
        if not sheets:
            raise ImportFileError(
                translate("Import", "{file} has no sheets.").format(file=path.name)
            )
        if sheet is not None and sheet not in sheets:
            raise ImportFileError(
                translate("Import", "{file} has no sheet {sheet} (it has: {sheets}).").format(
                    file=path.name,
                    sheet=sheet,
                    sheets="、".join(sheets),
                )
            )
        info = replace(info, sheets=sheets, sheet=sheet or sheets[0])
    source = Source(info)
    head = list(islice(source._raw(), HEADER_SEARCH_ROWS))
    if not head:
        raise ImportFileError(translate("Import", "The file holds no rows."))
    if header_row is None:
        header_row = find_header_row(head, header_score)
    values = next((v for n, v in head if n == header_row), None)
    if values is None:
        values = next((v for n, v in source._raw() if n == header_row), None)
    if values is None:
        raise ImportFileError(
            translate("Import", "There is no row {row} in the file.").format(row=header_row)
        )
    headers = tuple(header_text(v) for v in values)
    while headers and not headers[-1]:
        headers = headers[:-1]
    if not any(headers):
        raise ImportFileError(
            translate("Import", "Row {row} holds no headers.").format(row=header_row)
        )
    total = None
    if fmt == "xlsx" and info.sheet is not None and (last := dimensions.get(info.sheet)):
        total = max(0, last - header_row)
    return Source(replace(info, header_row=header_row, headers=headers, total_rows=total))
