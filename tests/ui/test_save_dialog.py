"""ui/widgets/save_dialog.py: the one save dialog; the file type follows the chosen filter."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QWidget

from sms_desktop.ui.widgets.save_dialog import (
    CHART_TYPES,
    CSV_GB18030,
    CSV_UTF8,
    DATABASE,
    LIST_TYPES,
    PNG,
    SVG,
    XLSX,
    FileType,
    SaveChoice,
    ask_save_path,
)


def answer(
    monkeypatch: pytest.MonkeyPatch, name: str, chosen: str, types: tuple[FileType, ...]
) -> tuple[SaveChoice | None, list[object]]:
    asked: list[object] = []

    def dialog(*args: object) -> tuple[str, str]:
        asked.extend(args)
        return name, chosen

    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    parent = QWidget()
    try:
        return ask_save_path(parent, "Export", "客户", types, folder=Path("/data")), asked
    finally:
        parent.deleteLater()


@pytest.mark.parametrize(
    ("name", "chosen", "types", "path", "kind"),
    [
        ("/data/客户", CSV_GB18030.filter(), LIST_TYPES, "/data/客户.csv", CSV_GB18030),
        ("/data/客户.csv", CSV_GB18030.filter(), LIST_TYPES, "/data/客户.csv", CSV_GB18030),
        ("/data/客户.csv", "", LIST_TYPES, "/data/客户.csv", CSV_UTF8),
        ("/data/客户.CSV", XLSX.filter(), LIST_TYPES, "/data/客户.CSV", CSV_UTF8),
        ("/data/客户.v2", XLSX.filter(), LIST_TYPES, "/data/客户.v2.xlsx", XLSX),
        ("/data/pipeline.svg", PNG.filter(), CHART_TYPES, "/data/pipeline.svg", SVG),
        ("/data/pipeline", "", CHART_TYPES, "/data/pipeline.png", PNG),
        ("/data/shop.db", "", (DATABASE,), "/data/shop.db", DATABASE),
        ("/data/shop", "", (DATABASE,), "/data/shop.sqlite3", DATABASE),
    ],
)
def test_the_type_and_suffix_follow_the_choice(
    qapp: object,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    chosen: str,
    types: tuple[FileType, ...],
    path: str,
    kind: FileType,
) -> None:
    choice, _asked = answer(monkeypatch, name, chosen, types)
    assert choice == SaveChoice(Path(path), kind)


def test_the_dialog_offers_every_type_and_suggests_the_first(
    qapp: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    choice, asked = answer(monkeypatch, "", "", LIST_TYPES)
    assert choice is None  # cancelled
    assert asked[2] == str(Path("/data/客户.xlsx"))
    assert asked[3] == (
        "Excel workbook (*.xlsx);;CSV, UTF-8 (Excel, most programs) (*.csv);;"
        "CSV, GB18030 (older Chinese software) (*.csv)"
    )
