"""Settings ▸ Money: exchange rates entered and deleted as undoable steps, account codes
saved with OK in the dialog's one transaction and put back by its undo."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from sms_desktop.services.registry import Services
from sms_desktop.ui.application import Controller
from sms_desktop.ui.dialogs.settings_dialog import ChangeSettings, SettingsDialog


def _dialog(controller: Controller, qtbot: QtBot) -> SettingsDialog:
    dialog = SettingsDialog(
        _services(controller),
        controller.store.preferences(),
        controller.window,
        undo=controller.window.undo_stack,
    )
    qtbot.addWidget(dialog)
    dialog.pages.setCurrentWidget(dialog.money_page)
    return dialog


def _services(controller: Controller) -> Services:
    assert controller.workspace is not None
    return controller.workspace.services


def test_a_rate_is_set_deleted_and_each_step_undone(controller: Controller, qtbot: QtBot) -> None:
    services = _services(controller)
    page = _dialog(controller, qtbot).money_page
    page.currency_combo.setCurrentText("USD")
    page.date_edit.setDate(date(2026, 3, 1))
    page.rate_edit.setText("7.1234")
    qtbot.mouseClick(page.findChild(QPushButton, "setRateButton"), Qt.MouseButton.LeftButton)
    assert [(r.currency, r.rate) for r in services.currencies.rates()] == [
        ("USD", Decimal("7.1234"))
    ]
    assert page.table.rowCount() == 1 and page.table.item(0, 2).text() == "7.123400"
    page.rate_edit.setText("-1")  # refused with a reason, nothing written
    qtbot.keyClick(page.rate_edit, Qt.Key.Key_Return)
    assert page.rate_error.text() and len(services.currencies.rates()) == 1
    page.table.selectRow(0)
    qtbot.mouseClick(page.findChild(QPushButton, "deleteRateButton"), Qt.MouseButton.LeftButton)
    assert services.currencies.rates() == [] and page.table.rowCount() == 0
    stack = controller.window.undo_stack
    stack.undo()  # the deletion
    assert services.currencies.rates()[0].rate == Decimal("7.123400")
    stack.undo()  # the rate itself
    assert services.currencies.rates() == []
    stack.redo()
    assert services.currencies.rates()[0].rate == Decimal("7.123400")


def test_account_codes_are_saved_with_ok_and_undone(controller: Controller, qtbot: QtBot) -> None:
    services = _services(controller)
    dialog = _dialog(controller, qtbot)
    dialog.money_page.account_edits["bank"].setText("100201")
    dialog.money_page.account_edits["bank_name"].setText("银行存款—工行")
    dialog.money_page.account_edits["revenue"].setText("60O1")  # a letter O
    dialog.accept()
    assert dialog.result() != SettingsDialog.DialogCode.Accepted  # refused, all kept
    assert services.settings.account_codes().bank == "1002"
    assert dialog.money_page.account_edits["bank"].text() == "100201"
    dialog.money_page.account_edits["revenue"].setText("6001")
    dialog.accept()
    codes = services.settings.account_codes()
    assert (codes.bank, codes.bank_name) == ("100201", "银行存款—工行")
    assert dialog.saved is not None and dialog.change is not None
    command = ChangeSettings(services.settings, dialog.saved, dialog.change, lambda: None)
    command.undo()
    assert services.settings.account_codes().bank == "1002"
