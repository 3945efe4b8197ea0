"""The one "Save as" dialog: the user picks a file type by its filter, the suffix follows it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from sms_desktop.ui.i18n import translate
from sms_desktop.ui.widgets.file_dialogs import interface_formats


@dataclass(frozen=True, slots=True)
class FileType:
    """One choice of the dialog's type list: a translated name and the suffix it writes."""

    key: str  # what the caller switches on: "xlsx", "csv", "csv-gb18030", "png" …
    name: Callable[[], str]  # translated when the dialog opens
    suffix: str  # with the dot; added to a name that has none of ``suffixes``
    also: tuple[str, ...] = ()  # other suffixes a name may end with

    @property
    def suffixes(self) -> tuple[str, ...]:
        return (self.suffix, *self.also)

    def filter(self) -> str:
        return f"{self.name()} ({' '.join('*' + s for s in self.suffixes)})"


XLSX = FileType("xlsx", lambda: translate("SaveDialog", "Excel workbook"), ".xlsx")
CSV_UTF8 = FileType(
    "csv", lambda: translate("SaveDialog", "CSV, UTF-8 (Excel, most programs)"), ".csv"
)
CSV_GB18030 = FileType(
    "csv-gb18030", lambda: translate("SaveDialog", "CSV, GB18030 (older Chinese software)"), ".csv"
)
PDF = FileType("pdf", lambda: translate("SaveDialog", "PDF document"), ".pdf")
PNG = FileType("png", lambda: translate("SaveDialog", "PNG image"), ".png")
SVG = FileType("svg", lambda: translate("SaveDialog", "SVG drawing"), ".svg")
ICS = FileType("ics", lambda: translate("SaveDialog", "iCalendar file"), ".ics")
VCF = FileType("vcf", lambda: translate("SaveDialog", "vCard contacts (phones, Outlook)"), ".vcf")
DATABASE = FileType(
    "sqlite3",
    lambda: translate("SaveDialog", "SMS Desktop database"),
    ".sqlite3",
    (".db", ".sqlite"),
)

LIST_TYPES = (XLSX, CSV_UTF8, CSV_GB18030)
CHART_TYPES = (PNG, SVG, PDF)


@dataclass(frozen=True, slots=True)
class SaveChoice:
    path: Path
    type: FileType


def ask_save_path(
    parent: QWidget,
    title: str,
    file_name: str,
    types: Sequence[FileType],
    *,
    folder: Path | None = None,
) -> SaveChoice | None:
    """Ask where to save ``file_name`` (no suffix) as one of ``types``; None when cancelled.

    The type is the filter the user chose (the first if none came back), unless the name typed
    ends with the suffix of another offered type; without an offered suffix, the type's
    suffix is added.
    """
    first = types[0]
    start = (folder or Path.home()) / f"{file_name}{first.suffix}"
    with interface_formats():
        name, chosen = QFileDialog.getSaveFileName(
            parent, title, str(start), ";;".join(t.filter() for t in types)
        )
    if not name:
        return None
    path, suffix = Path(name), Path(name).suffix.lower()
    kind = next((t for t in types if t.filter() == chosen), first)
    if suffix not in kind.suffixes:
        typed = next((t for t in types if suffix in t.suffixes), None)
        if typed is None:
            path = path.with_name(path.name + kind.suffix)
        else:
            kind = typed
    return SaveChoice(path, kind)
