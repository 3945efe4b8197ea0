"""Files of the import centre: the error workbook (the rows that failed, as they were, plus
what is wrong with them) and record exports (.xlsx, .csv, .vcf) that import back."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from sms_desktop.domain.i18n import Translator, identity_translator, translate
from sms_desktop.domain.importing.fields import TargetField
from sms_desktop.reporting.csv_export import CsvEncoding, write_csv
from sms_desktop.reporting.excel import ColumnKind, ExportColumn, clean_text, write_table
from sms_desktop.reporting.files import atomic_output
from sms_desktop.services.imports.service import ImportSummary
from sms_desktop.services.imports.sources import Source

_KINDS: dict[str, ColumnKind] = {
    "int": "int",
    "money": "money",
    "quantity": "decimal",
    "percent": "decimal",
    "date": "date",
}


def write_error_workbook(
    path: Path,
    source: Source,
    summary: ImportSummary,
    *,
    translate_: Translator = identity_translator,
) -> int:
    """The rows with errors, their cells as the file had them (text stays text, formulas
    included), the errors in a last column; returns the rows written."""
    problems: dict[int, list[str]] = {}
    for error in summary.row_errors:
        problems.setdefault(error.row, []).append(
            translate("Import", "{column}: {message}")
            .format(column=error.column, message=error.message)
            .render(translate_)
        )
    row_label = translate("Import", "Row").render(translate_)
    errors_label = translate("Import", "Errors").render(translate_)
    width = len(source.info.headers)
    columns = [
        ExportColumn(row_label, "int", 8),
        *(ExportColumn(h or f"#{i + 1}", "decimal") for i, h in enumerate(source.info.headers)),
        ExportColumn(errors_label, "text", 60),
    ]

    def rows() -> Iterable[Sequence[object]]:
        for row in source.rows():
            found = problems.get(row.number)
            if found is None:
                continue
            cells = [_cell(v) for v in row.values[:width]]
            yield [row.number, *cells, "；".join(found)]

    return write_table(path, columns, rows(), sheet_title=errors_label)


def _cell(value: object) -> object:
    """A source cell for a "decimal" column: numbers stay numbers, everything else text."""
    if value is None or (isinstance(value, (int, float)) and not isinstance(value, bool)):
        return value
    return str(value)


def write_records(
    path: Path,
    fields: Sequence[TargetField],
    rows: Iterable[Sequence[Any]],
    *,
    translate_: Translator = identity_translator,
    encoding: CsvEncoding = "utf-8-sig",
    total: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    sheet_title: str = "Export",
) -> int:
    """Rows in the import's fields as .xlsx or .csv (headers the import maps back), or
    contacts as vCard 3.0 (.vcf); returns the records written."""
    suffix = path.suffix.lower()
    if suffix == ".vcf":
        return write_vcards(path, fields, rows)
    columns = [ExportColumn(f.label.render(translate_), _KINDS.get(f.type, "text")) for f in fields]
    if suffix == ".csv":
        return write_csv(path, columns, rows, encoding=encoding, total=total, progress=progress)
    return write_table(path, columns, rows, sheet_title=sheet_title, total=total, progress=progress)


def write_vcards(path: Path, fields: Sequence[TargetField], rows: Iterable[Sequence[Any]]) -> int:
    """Contacts as vCard 3.0 cards: name, company, title, phones, e-mail, note."""
    import vobject

    index = {f.name: i for i, f in enumerate(fields)}

    def get(row: Sequence[Any], name: str) -> str:
        i = index.get(name)
        return clean_text(str(row[i])) if i is not None and row[i] is not None else ""

    count = 0
    with (
        atomic_output(path) as temporary,
        temporary.open("x", encoding="utf-8", newline="") as out,
    ):
        for row in rows:
            card = vobject.vCard()
            name = get(row, "contact_name")
            card.add("fn").value = name
            card.add("n").value = vobject.vcard.Name(family=name)
            if company := get(row, "customer_name"):
                card.add("org").value = [company]
            if title := get(row, "contact_title"):
                card.add("title").value = title
            for key, kind in (("contact_phone", "WORK"), ("contact_mobile", "CELL")):
                if number := get(row, key):
                    tel = card.add("tel")
                    tel.value = number
                    tel.type_param = kind
            if email := get(row, "contact_email"):
                card.add("email").value = email
            if note := get(row, "contact_notes"):
                card.add("note").value = note
            out.write(card.serialize())
            count += 1
        out.flush()
        os.fsync(out.fileno())
    return count
