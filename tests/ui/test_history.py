"""History (历史记录): a customer's History… button and Edit ▸ History… show who changed what."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from sms_desktop.reporting.lists.history import HISTORY
from sms_desktop.services.customers import CustomerInput
from sms_desktop.ui.actions import ActionId
from sms_desktop.ui.application import Controller
from sms_desktop.ui.dialogs.history_dialog import HistoryDialog
from sms_desktop.ui.tabs.customers.tab import CustomersTab


def cells(dialog: HistoryDialog, key: str) -> list[str]:
    column = HISTORY.index(key)
    model = dialog.model
    return [str(model.index(row, column).data()) for row in range(model.rowCount())]


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[HistoryDialog]:
    """The history dialogs opened, inspected while open and then closed."""
    seen: list[HistoryDialog] = []

    def exec_(dialog: HistoryDialog) -> int:
        seen.append(dialog)
        return 0

    monkeypatch.setattr(HistoryDialog, "exec", exec_)
    return seen


def test_a_customers_history_button_shows_its_changes(
    controller: Controller, qtbot: QtBot, opened: list[HistoryDialog], qtmodeltester: object
) -> None:
    services = controller.workspace.services  # type: ignore[union-attr]
    customer_id = services.customers.create(CustomerInput(name="北京华夏科技有限公司"))
    data = services.customers.get(customer_id).data
    services.customers.update(customer_id, replace(data, phone="010-8888 6666"))
    assert controller.window.show_tab("customers")
    tab = controller.window.tabs.currentWidget()
    assert isinstance(tab, CustomersTab)
    tab.select_customer(customer_id)
    button = tab.findChild(QPushButton, "customerHistoryButton")
    assert button is not None and button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    (dialog,) = opened
    assert dialog.windowTitle() == "History of “北京华夏科技有限公司”"
    assert cells(dialog, "action") == ["Changed", "Created"]
    assert cells(dialog, "field")[0] == "Phone"
    assert cells(dialog, "new")[0] == "010-8888 6666"
    qtmodeltester.check(dialog.model)  # type: ignore[attr-defined]


def test_edit_menu_history_lists_everything_and_narrows(
    controller: Controller, qtbot: QtBot, opened: list[HistoryDialog]
) -> None:
    services = controller.workspace.services  # type: ignore[union-attr]
    services.customers.create(CustomerInput(name="上海明达贸易有限公司"))
    services.customers.create(CustomerInput(name="杭州瑞丰机械制造有限公司"))
    controller.window.actions_by_id[ActionId.HISTORY].trigger()
    (dialog,) = opened
    assert dialog.model.rowCount() >= 2
    qtbot.keyClicks(dialog.search_edit, "Hangzhou")  # no match: pinyin is not searched here
    qtbot.keyClick(dialog.search_edit, Qt.Key.Key_Return)
    assert dialog.model.rowCount() == 0
    dialog.search_edit.clear()
    qtbot.keyClick(dialog.search_edit, Qt.Key.Key_Return)
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("product"))
    assert dialog.model.rowCount() == 0
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("customer"))
    assert set(cells(dialog, "record")) >= {"上海明达贸易有限公司", "杭州瑞丰机械制造有限公司"}
