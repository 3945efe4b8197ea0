"""File ▸ Import…: the whole wizard driven through its widgets, a preview with the errors per
cell, the import off the GUI thread, Undo; Cancel mid-run writes nothing; Import History."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton, QWizard
from pytestqt.qtbot import QtBot

from sms_desktop.services.customers import CustomerFilter
from sms_desktop.services.imports.sources import Source, SourceRow
from sms_desktop.ui.actions import ActionId
from sms_desktop.ui.application import Controller
from sms_desktop.ui.background import Operation
from sms_desktop.ui.dialogs.import_history import ImportHistoryDialog
from sms_desktop.ui.dialogs.import_wizard import ImportWizard

ROWS = [
    "客户名称,联系人,手机,城市,年采购额",
    '北京华夏科技有限公司,王伟,138 1234 5678,北京,"¥1,234.50"',
    ",李娜,13900001111,上海,500",  # no name: an error
    "杭州瑞丰机械制造有限公司,张强,+86 139-0000-2222,杭州,１２００",
]


@pytest.fixture
def customers_csv(tmp_path: Path) -> Path:
    path = tmp_path / "客户.csv"
    path.write_bytes(("\r\n".join(ROWS) + "\r\n").encode("gb18030"))
    return path


def names(controller: Controller) -> list[str]:
    services = controller.workspace.services  # type: ignore[union-attr]
    return sorted(r.name for r in services.customers.list_customers(CustomerFilter(), limit=50))


def drive(
    controller: Controller,
    monkeypatch: pytest.MonkeyPatch,
    path: Path,
    steps: object,
) -> list[ImportWizard]:
    """Trigger File ▸ Import… with the file dialog answering ``path``; ``steps(wizard)`` runs
    while the wizard is open."""
    opened: list[ImportWizard] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))

    def exec_(wizard: ImportWizard) -> int:
        opened.append(wizard)
        wizard.show()
        steps(wizard)  # type: ignore[operator]
        wizard.hide()
        return 1

    monkeypatch.setattr(ImportWizard, "exec", exec_)
    controller.window.actions_by_id[ActionId.IMPORT].trigger()
    return opened


def test_the_whole_wizard_imports_with_a_preview_and_undo(
    controller: Controller, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, customers_csv: Path
) -> None:
    def steps(wizard: ImportWizard) -> None:
        page = wizard.file_page
        qtbot.mouseClick(page.findChild(QPushButton, "importBrowse"), Qt.MouseButton.LeftButton)
        assert "GB18030 (detected)" in page.info.text()
        assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
        wizard.next()
        mapping = wizard.mapping_page
        assert mapping.columns() == (
            "name",
            "contact_name",
            "contact_mobile",
            "city",
            "annual_purchase",
        )
        wizard.next()
        preview = wizard.preview_page
        qtbot.waitUntil(lambda: wizard.preview is not None, timeout=10000)
        assert wizard.preview is not None and wizard.preview.errors == 1
        assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()  # all or nothing
        bad = preview.rows.item(1, 0)  # the row without a name, its name cell
        assert bad is not None and bad.toolTip()
        assert preview.rows.verticalHeaderItem(1).text() == "3"  # the spreadsheet's row
        # the names are shown whole, not cut to "北京华夏科技有…" (#13 sweep)
        metrics = preview.rows.fontMetrics()
        name = preview.rows.item(0, 0)
        assert name is not None and name.text() == "北京华夏科技有限公司"
        assert preview.rows.columnWidth(0) > metrics.horizontalAdvance(name.text())
        assert preview.errors.item(0, 0).text() == "3"
        preview.skip_invalid.setChecked(True)  # checks again
        qtbot.waitUntil(
            lambda: wizard.button(QWizard.WizardButton.NextButton).isEnabled(), timeout=10000
        )
        assert names(controller) == []  # the preview wrote nothing
        wizard.next()
        qtbot.waitUntil(lambda: wizard.summary is not None, timeout=10000)
        assert wizard.summary is not None and wizard.summary.created == 2
        assert wizard.result_page.report_button.isVisible()

    assert len(drive(controller, monkeypatch, customers_csv, steps)) == 1
    assert names(controller) == ["北京华夏科技有限公司", "杭州瑞丰机械制造有限公司"]
    services = controller.workspace.services  # type: ignore[union-attr]
    huaxia = services.customers.list_customers(CustomerFilter(search="华夏"), limit=1)[0]
    detail = services.customers.get(huaxia.id)
    assert [c.name for c in detail.contacts] == ["王伟"]
    stack = controller.window.undo_stack
    assert "Import of 客户.csv" in stack.undoText()
    stack.undo()
    assert names(controller) == []
    stack.redo()
    assert names(controller) == ["北京华夏科技有限公司", "杭州瑞丰机械制造有限公司"]


def test_cancel_mid_run_writes_nothing(
    controller: Controller, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, customers_csv: Path
) -> None:
    release = threading.Event()
    streamed = Source.rows

    def held(self: Source) -> Iterator[SourceRow]:
        if threading.current_thread() is not threading.main_thread():
            release.wait(10)  # the import waits here until Cancel was pressed
        yield from streamed(self)

    def steps(wizard: ImportWizard) -> None:
        qtbot.mouseClick(
            wizard.file_page.findChild(QPushButton, "importBrowse"), Qt.MouseButton.LeftButton
        )
        wizard.next()
        wizard.preview_page.skip_invalid.setChecked(True)
        wizard.next()
        qtbot.waitUntil(lambda: wizard.preview is not None, timeout=10000)
        monkeypatch.setattr(Source, "rows", held)
        wizard.next()
        (operation,) = Operation._running
        assert operation.dialog is not None
        operation.dialog.findChild(QPushButton).click()  # Cancel
        release.set()
        qtbot.waitUntil(lambda: not Operation._running, timeout=10000)
        assert "nothing was imported" in wizard.result_page.result_label.text()

    drive(controller, monkeypatch, customers_csv, steps)
    assert names(controller) == []
    assert controller.window.undo_stack.count() == 0


def test_import_history_reverts_a_batch(
    controller: Controller, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, customers_csv: Path
) -> None:
    services = controller.workspace.services  # type: ignore[union-attr]
    imports = services.imports
    from sms_desktop.domain.importing.fields import ImportKind, auto_map
    from sms_desktop.services.imports.service import ImportOptions

    source = imports.open(customers_csv, ImportKind.CUSTOMERS)
    columns = auto_map(ImportKind.CUSTOMERS, source.info.headers)
    imports.run(source, ImportOptions(ImportKind.CUSTOMERS, columns, skip_invalid=True))
    assert len(names(controller)) == 2

    seen: list[ImportHistoryDialog] = []

    def exec_(dialog: ImportHistoryDialog) -> int:
        seen.append(dialog)
        assert dialog.table.rowCount() == 1
        dialog.table.selectRow(0)
        assert dialog.revert_button.isEnabled()
        dialog.revert_button.click()
        assert dialog.table.item(0, 9).text() != ""  # reverted, and when
        assert not dialog.revert_button.isEnabled()
        return 0

    monkeypatch.setattr(ImportHistoryDialog, "exec", exec_)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    controller.window.actions_by_id[ActionId.IMPORT_HISTORY].trigger()
    assert len(seen) == 1
    assert names(controller) == []


def test_tab_leaves_the_mapping_table_for_the_buttons(
    controller: Controller, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, customers_csv: Path
) -> None:
    """With the keyboard, Tab goes from the mapping table through each column's choice to
    Save Mapping…; it used to cycle between the table and a combo box for ever, so Next
    could not be reached (found with xdotool under Xvfb in the #13 sweep)."""
    from PySide6.QtWidgets import QApplication

    visited: list[object] = []

    def steps(wizard: ImportWizard) -> None:
        qtbot.mouseClick(
            wizard.file_page.findChild(QPushButton, "importBrowse"), Qt.MouseButton.LeftButton
        )
        wizard.next()
        mapping = wizard.mapping_page
        wizard.activateWindow()
        mapping.table.setFocus()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is mapping.table)
        for _ in range(len(mapping.combos) + 1):
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
            visited.append(QApplication.focusWidget())
        assert visited == [*mapping.combos, mapping.save_button]

    assert len(drive(controller, monkeypatch, customers_csv, steps)) == 1
    assert visited
