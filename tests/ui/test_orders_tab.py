"""The Orders tab as a user drives it: enter an order with the product look-up, confirm it
implicitly, deliver in part, invoice, receive the payment, and take each step back with
Edit ▸ Undo; the filters, the receivables view and the models."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QPushButton
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from sms_desktop.domain.enums import OrderStatus
from sms_desktop.persistence import models as m
from sms_desktop.services.orders import OrderFilter
from sms_desktop.ui.actions import ActionId
from sms_desktop.ui.application import Controller
from sms_desktop.ui.tabs.orders.dialogs import (
    DeliveryDialog,
    InvoiceDialog,
    OrderPreviewDialog,
    PaymentDialog,
    ReceivablesDialog,
)
from sms_desktop.ui.tabs.orders.editor import OrderEditor
from sms_desktop.ui.tabs.orders.tab import OrdersTab
from tests.ui.test_quotes_tab import company_db, customer_id, services_of

__all__ = ["company_db"]  # the fixture: a customer and two products

TODAY = date(2026, 5, 4)
D = Decimal


def orders_tab(controller: Controller, qtbot: QtBot) -> OrdersTab:
    tab = OrdersTab(services_of(controller), controller.window.undo_stack, today=lambda: TODAY)
    qtbot.addWidget(tab)
    tab.load()
    return tab


def undo(controller: Controller) -> None:
    action = controller.window.actions_by_id[ActionId.UNDO]
    assert action.isEnabled()
    action.trigger()


def test_an_order_from_entry_to_paid_and_back_with_undo(
    controller: Controller, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    services = services_of(controller)
    cid = customer_id(services)
    tab = orders_tab(controller, qtbot)
    assert tab.window() is not None and tab.objectName() == "ordersTab"

    def enter(editor: OrderEditor) -> int:
        editor.customer_edit.set_customer(cid, "Acme")
        editor._customer_changed()
        editor.lines.product_edit.setText("dk-100")  # an exact code + Enter adds the product
        qtbot.keyClick(editor.lines.product_edit, Qt.Key.Key_Return)
        assert editor.lines.model.rowCount() == 1
        quantity = editor.lines.model.index(0, 1)
        assert editor.lines.model.setData(quantity, "4")
        assert "4,520.00" in editor.lines.total_label.text()  # 4 × 1000 + 13 %
        editor.accept()
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(OrderEditor, "exec", enter)
    qtbot.mouseClick(tab.findChild(QPushButton, "newOrderButton"), Qt.MouseButton.LeftButton)
    (row,) = services.orders.page_rows(OrderFilter(), tab.model.order, offset=0, limit=5)
    assert row.status is OrderStatus.CONFIRMED and row.total == D("4520.00")
    assert tab.current_row() is not None and tab.current_row().id == row.id  # type: ignore[union-attr]
    assert tab.buttons["deliver"].isEnabled() and not tab.buttons["invoice"].isEnabled()

    def deliver_three(dialog: DeliveryDialog) -> int:
        dialog.spins[0].setValue(3)
        dialog.accept()
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(DeliveryDialog, "exec", deliver_three)
    qtbot.mouseClick(tab.buttons["deliver"], Qt.MouseButton.LeftButton)
    assert services.orders.get(row.id).status is OrderStatus.PARTLY_DELIVERED
    assert tab.deliveries_model.rowCount() == 1
    assert tab.lines_model.index(0, 3).data() == "3"

    def invoice_all(dialog: InvoiceDialog) -> int:
        dialog.number_edit.setText("FP-0001")
        dialog.amount_edit.setText("4,520.00")
        dialog.accept()
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(InvoiceDialog, "exec", invoice_all)
    qtbot.mouseClick(tab.buttons["invoice"], Qt.MouseButton.LeftButton)
    invoiced = services.orders.get(row.id)
    assert invoiced.invoices[0].number == "FP-0001" and invoiced.invoiced == D("4520.00")
    assert tab.buttons["payment"].isEnabled()

    def pay_in_full(dialog: PaymentDialog) -> int:
        assert dialog.amount_edit.text() == "4520.00"  # the open amount, to start with
        dialog.reference_edit.setText("BANK-77")
        dialog.accept()
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(PaymentDialog, "exec", pay_in_full)
    qtbot.mouseClick(tab.buttons["payment"], Qt.MouseButton.LeftButton)
    paid = services.orders.get(row.id)
    assert (paid.paid, paid.status) == (D("4520.00"), OrderStatus.PARTLY_INVOICED)
    assert tab.payments_model.rowCount() == 1
    assert tab.buttons["deliver"].isEnabled()  # paid in advance: the last one still to deliver

    # Edit ▸ Undo, step by step: the payment, the invoice, the delivery, the order itself.
    undo(controller)
    assert services.orders.get(row.id).paid == 0
    undo(controller)
    assert services.orders.get(row.id).invoices == ()
    undo(controller)
    assert services.orders.get(row.id).status is OrderStatus.CONFIRMED
    undo(controller)
    assert services.orders.get(row.id).in_trash
    assert tab.model.row_of_id(row.id) is None
    controller.window.undo_stack.redo()  # the order is back under its number, confirmed
    back = services.orders.get(row.id)
    assert (back.number, back.status, back.in_trash) == (row.number, OrderStatus.CONFIRMED, False)


def test_an_order_without_customer_or_lines_is_refused_in_the_editor(
    controller: Controller, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    services = services_of(controller)
    tab = orders_tab(controller, qtbot)
    editors: list[OrderEditor] = []

    def empty(editor: OrderEditor) -> int:
        editor.accept()  # no customer, no lines: the fields say why, nothing is saved
        editors.append(editor)
        return int(QDialog.DialogCode.Rejected)

    monkeypatch.setattr(OrderEditor, "exec", empty)
    tab.new_order()
    (editor,) = editors
    assert editor.saved is None
    assert services.orders.count_rows(OrderFilter()) == 0
    assert controller.window.undo_stack.count() == 0


def test_the_receivables_view_and_the_pdf_preview(
    controller: Controller, qtbot: QtBot, qtmodeltester: ModelTester
) -> None:
    from sms_desktop.services.orders import DeliveryInput, InvoiceInput, OrderDraft
    from sms_desktop.services.quotes import LineData

    services = services_of(controller)
    cid = customer_id(services)
    order = services.orders.save(
        None,
        OrderDraft(
            customer_id=cid,
            order_date=date(2026, 1, 5),
            lines=(LineData(description="办公桌", quantity=D(2), unit_price=D("100.00")),),
        ),
        confirm=True,
    )
    services.orders.deliver(order.id, DeliveryInput(date(2026, 1, 6), {order.lines[0].id: D(2)}))
    services.orders.invoice(order.id, InvoiceInput("FP-9", date(2026, 1, 6)))
    dialog = ReceivablesDialog(services, lambda: TODAY)
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.model)
    assert dialog.model.rowCount() == 1
    assert dialog.model.index(0, 0).data() == "<b>Acme & Co"  # printed literally
    assert "200.00" in dialog.total_label.text()
    with services.db.read() as s:
        before = s.execute(select(func.count()).select_from(m.Activity)).scalar_one()
    button = dialog.findChild(QPushButton, "collectionTasksButton")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    with services.db.read() as s:
        after = s.execute(select(func.count()).select_from(m.Activity)).scalar_one()
    assert after == before + 1  # one overdue invoice, one collection task
    preview = OrderPreviewDialog(services, order.id, delivery=True)
    qtbot.addWidget(preview)
    assert preview.pdf.startswith(b"%PDF") and preview.pages_layout.count() >= 1


def test_the_detail_models_pass_the_model_tester(
    controller: Controller, qtbot: QtBot, qtmodeltester: ModelTester
) -> None:
    from sms_desktop.services.orders import OrderDraft
    from sms_desktop.services.quotes import LineData

    services = services_of(controller)
    order = services.orders.save(
        None,
        OrderDraft(
            customer_id=customer_id(services),
            order_date=TODAY,
            lines=(LineData(description="办公桌", quantity=D(2), unit_price=D("100.00")),),
        ),
    )
    tab = orders_tab(controller, qtbot)
    tab.select_order(order.id)
    assert tab.buttons["confirm"].isEnabled() and tab.buttons["delete"].isEnabled()
    for model in (tab.model, tab.lines_model, tab.deliveries_model, tab.invoices_model):
        qtmodeltester.check(model)
    tab.status_combo.setCurrentIndex(tab.status_combo.findData(OrderStatus.PAID))
    tab.reload()
    assert tab.model.rowCount() == 0


def test_an_order_over_the_credit_limit_asks_first(
    controller: Controller, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from sms_desktop.services.orders import OrderDraft
    from sms_desktop.services.quotes import LineData

    services = services_of(controller)
    cid = customer_id(services)
    with services.db.write() as s:
        customer = s.get(m.Customer, cid)
        assert customer is not None
        customer.credit_limit = D("1000.00")
    asked: list[str] = []
    answer = [QMessageBox.StandardButton.Cancel]

    def warning(_parent: object, _title: str, text: str, *_a: object) -> object:
        asked.append(text)
        return answer[0]

    monkeypatch.setattr(QMessageBox, "warning", warning)
    draft = OrderDraft(
        customer_id=cid,
        order_date=TODAY,
        lines=(LineData(description="办公桌", quantity=D(2), unit_price=D("1000.00")),),
    )
    editor = OrderEditor(services, draft, customer_name="Acme", confirm=True)
    qtbot.addWidget(editor)
    qtbot.mouseClick(editor.button_box.button(editor.button_box.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)  # fmt: skip
    assert asked and "1000" in asked[0].replace(",", "")  # the limit, with the open balance
    assert editor.saved is None and services.orders.count_rows(OrderFilter()) == 0
    answer[0] = QMessageBox.StandardButton.Save
    editor.accept()
    assert editor.saved is not None and editor.saved.status is OrderStatus.CONFIRMED
