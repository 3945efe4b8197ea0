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


def test_a_products_and_a_quotes_history(
    controller: Controller, qtbot: QtBot, opened: list[HistoryDialog]
) -> None:
    """Products ▸ History… and the quote list's context menu ▸ History… show their record's
    audit entries."""
    from datetime import date, timedelta
    from decimal import Decimal

    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QApplication, QMenu

    from sms_desktop.services.products import ProductInput
    from sms_desktop.services.quotes import LineData, QuoteInput
    from sms_desktop.ui.tabs.quotes.products import ProductsDialog
    from sms_desktop.ui.tabs.quotes.tab import QuotesTab

    services = controller.workspace.services  # type: ignore[union-attr]
    product = services.products.create(
        ProductInput(
            sku="DK-100", name_zh="办公桌", name_en="Office desk", unit="张",
            list_price=Decimal(300), tax_rate=Decimal(13),
        )
    )  # fmt: skip
    services.products.update(product.id, replace(product.as_input(), list_price=Decimal(320)))
    catalogue = ProductsDialog(services, QUndoStack())
    qtbot.addWidget(catalogue)
    catalogue.table.setCurrentIndex(catalogue.model.index(0, 0))
    qtbot.mouseClick(
        catalogue.findChild(QPushButton, "productHistoryButton"), Qt.MouseButton.LeftButton
    )
    assert cells(opened[-1], "action") == ["Changed", "Created"]
    assert cells(opened[-1], "new")[0] == "320"

    customer = services.customers.create(CustomerInput(name="上海明达贸易有限公司"))
    day = date(2026, 11, 2)
    quote = services.quotes.save(
        None,
        QuoteInput(
            customer_id=customer, issue_date=day, valid_until=day + timedelta(days=30),
            lines=(LineData(product_id=product.id, description="办公桌", quantity=Decimal(1),
                            unit_price=Decimal(300), tax_rate=Decimal(13)),),
        ),
    )  # fmt: skip
    services.quotes.send(quote.id)
    tab = QuotesTab(services, QUndoStack())
    qtbot.addWidget(tab)
    tab.load()
    tab.select_quote(quote.id)

    def choose_history() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        action = next(a for a in menu.actions() if a.objectName() == "quoteHistoryAction")
        menu.close()
        action.trigger()

    QTimer.singleShot(0, choose_history)  # once the context menu is up
    tab.table.customContextMenuRequested.emit(
        tab.table.visualRect(tab.table.currentIndex()).center()
    )
    assert opened[-1].windowTitle() == f"History of “{quote.label}”"
    assert cells(opened[-1], "action") == ["Changed", "Created"]
