"""订单与回款: the list of orders and, for the one selected, its lines, deliveries, invoices
and payments; entering and editing orders, each step of the life-cycle, the PDFs, and the
receivables."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sms_desktop.domain.calendar import month_start
from sms_desktop.domain.enums import OrderStatus
from sms_desktop.domain.orders import OrderAction, allowed_actions, status_name
from sms_desktop.reporting.lists.orders import (
    DELIVERY_COLUMNS,
    INVOICE_COLUMNS,
    LINE_COLUMNS,
    ORDERS,
    PAYMENT_COLUMNS,
)
from sms_desktop.services.orders import OrderDetail, OrderFilter, OrderRow, OrderSortKey
from sms_desktop.services.registry import Services
from sms_desktop.ui.edit import edit_ok, run_edit
from sms_desktop.ui.formatting import format_money, ui_formats
from sms_desktop.ui.i18n import tr_message
from sms_desktop.ui.models.paged import PagedTableModel, Role
from sms_desktop.ui.models.rows import RowsModel
from sms_desktop.ui.navigation import ShowCustomer
from sms_desktop.ui.table_export import export_view
from sms_desktop.ui.tabs.base import AreaTab
from sms_desktop.ui.tabs.orders import commands
from sms_desktop.ui.widgets.dialogs import run_modal
from sms_desktop.ui.widgets.list_table import buttons_menu, command_buttons, list_table
from sms_desktop.ui.widgets.search_field import SearchField

SEARCH_DELAY_MS = 150

OrderModel = PagedTableModel[OrderFilter, OrderSortKey, OrderRow]


def _periods(today: date) -> list[tuple[str, date | None, date | None]]:
    """The period filter's choices: (label, first day, last day)."""
    from sms_desktop.ui.i18n import translate

    this_month = month_start(today)
    last_month = month_start(this_month - timedelta(days=1))
    return [
        (translate("OrdersTab", "Any time"), None, None),
        (translate("OrdersTab", "This month"), this_month, today),
        (translate("OrdersTab", "Last month"), last_month, this_month - timedelta(days=1)),
        (translate("OrdersTab", "Last 90 days"), today - timedelta(days=89), today),
        (translate("OrdersTab", "This year"), date(today.year, 1, 1), today),
    ]


class OrdersTab(AreaTab):
    watches = frozenset(
        {
            "orders",
            "order_lines",
            "deliveries",
            "delivery_lines",
            "invoices",
            "payments",
            "payment_allocations",
            "customers",
            "salespeople",
        }
    )

    def __init__(
        self,
        services: Services,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ordersTab")
        self._services = services
        self._undo = undo_stack
        self.today = today
        self._detail: OrderDetail | None = None

        self.search_edit = SearchField(
            "orderSearch", self.tr("Search order numbers and customers…"), SEARCH_DELAY_MS, self
        )
        self.search_edit.search_changed.connect(lambda _t: self.reload())
        self.status_combo = QComboBox(self)
        self.status_combo.setObjectName("orderStatusFilter")
        self.status_combo.addItem(self.tr("All states"), None)
        for status in OrderStatus:
            self.status_combo.addItem(tr_message(status_name(status)), status)
        self.owner_combo = QComboBox(self)
        self.owner_combo.setObjectName("orderOwnerFilter")
        self.period_combo = QComboBox(self)
        self.period_combo.setObjectName("orderPeriodFilter")
        self.overdue_check = QCheckBox(self.tr("Overdue payment"), self)
        self.overdue_check.setObjectName("orderOverdueFilter")
        self.overdue_check.toggled.connect(lambda _on: self.reload())
        for combo in (self.status_combo, self.owner_combo, self.period_combo):
            combo.activated.connect(lambda _i: self.reload())
        new_button = QPushButton(self.tr("New Order"), self)
        new_button.setObjectName("newOrderButton")
        new_button.clicked.connect(self.new_order)
        receivables = QPushButton(self.tr("Receivables…"), self)
        receivables.setObjectName("receivablesButton")
        receivables.clicked.connect(self.show_receivables)
        top = QHBoxLayout()
        top.addWidget(self.search_edit, 2)
        for caption_text, widget in (
            (self.tr("State"), self.status_combo),
            (self.tr("Owner"), self.owner_combo),
            (self.tr("Period"), self.period_combo),
        ):
            caption = QLabel(caption_text, self)
            caption.setBuddy(widget)
            top.addWidget(caption)
            top.addWidget(widget)
        top.addWidget(self.overdue_check)
        top.addStretch(1)
        top.addWidget(receivables)
        top.addWidget(new_button)

        self.model: OrderModel = PagedTableModel(
            services.orders,
            ORDERS,
            OrderFilter(),
            formats=lambda: ui_formats(today=self.today()),
            parent=self,
        )
        self.table = list_table(self, "orderTable", self.model, context_menu=self._context_menu)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(ORDERS.index("customer"), QHeaderView.ResizeMode.Stretch)
        header.setSortIndicator(ORDERS.index("order_date"), Qt.SortOrder.DescendingOrder)
        for key, width in (("number", 150), ("order_date", 100), ("status", 110)):
            self.table.setColumnWidth(ORDERS.index(key), width)
        self.table.doubleClicked.connect(lambda _i: self.open_current())
        self.count_label = QLabel(self)
        self.count_label.setObjectName("orderCount")
        self.model.total_changed.connect(
            lambda n: self.count_label.setText(self.tr("%Ln order(s)", "", n))
        )

        # ---- the selected order
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("orderSummary")
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.lines_model: RowsModel[object] = RowsModel(LINE_COLUMNS, self)  # type: ignore[arg-type]
        self.deliveries_model: RowsModel[object] = RowsModel(DELIVERY_COLUMNS, self)  # type: ignore[arg-type]
        self.invoices_model: RowsModel[object] = RowsModel(INVOICE_COLUMNS, self)  # type: ignore[arg-type]
        self.payments_model: RowsModel[object] = RowsModel(PAYMENT_COLUMNS, self)  # type: ignore[arg-type]
        self.parts = QTabWidget(self)
        self.parts.setObjectName("orderParts")
        for name, model, title in (
            ("orderLinesView", self.lines_model, self.tr("Lines")),
            ("orderDeliveriesView", self.deliveries_model, self.tr("Deliveries")),
            ("orderInvoicesView", self.invoices_model, self.tr("Invoices")),
            ("orderPaymentsView", self.payments_model, self.tr("Payments")),
        ):
            view = QTableView(self.parts)
            view.setObjectName(name)
            view.setModel(model)
            view.verticalHeader().hide()
            view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            head = view.horizontalHeader()
            head.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            if model is self.lines_model:  # the item's text takes the room
                head.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
            else:
                head.setStretchLastSection(True)
            self.parts.addTab(view, title)
        detail = QWidget(self)
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.summary_label)
        detail_layout.addWidget(self.parts, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        actions = QHBoxLayout()
        actions.addWidget(self.count_label)
        actions.addStretch(1)
        self.buttons = command_buttons(
            self,
            actions,
            "order",
            (
                ("open", self.tr("Open…"), self.open_current),
                ("confirm", self.tr("Confirm"), self.confirm_current),
                ("deliver", self.tr("Deliver…"), self.deliver_current),
                ("invoice", self.tr("Invoice…"), self.invoice_current),
                ("payment", self.tr("Payment…"), self.payment_current),
                ("cancel", self.tr("Cancel Order…"), self.cancel_current),
                ("pdf", self.tr("Confirmation PDF…"), self.confirmation_pdf),
                ("delivery_pdf", self.tr("Delivery Note…"), self.delivery_pdf),
                ("delete", self.tr("Delete"), self.delete_current),
            ),
        )
        export = QPushButton(self.tr("Export…"), self)
        export.setObjectName("exportOrdersButton")
        export.clicked.connect(self.export_view)
        actions.addWidget(export)
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._show_detail())
        self.model.modelReset.connect(self._show_detail)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addLayout(actions)

        new_action = QAction(self.tr("New Order"), self)
        new_action.setShortcut(QKeySequence(QKeySequence.StandardKey.New))
        new_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        new_action.triggered.connect(lambda _c=False: self.new_order())
        self.addAction(new_action)
        self._update_buttons()

    # ------------------------------------------------------------------- data

    def search_box(self) -> SearchField:
        return self.search_edit

    def show_owner(self, owner_id: int) -> None:
        index = self.owner_combo.findData(owner_id)
        if index >= 0:
            self.owner_combo.setCurrentIndex(index)
            self.reload()

    def load(self) -> None:
        if self._loaded:
            return
        self._loaded = True
        owner = self.owner_combo.currentData()
        self.owner_combo.clear()
        self.owner_combo.addItem(self.tr("Everyone"), None)
        for person in self._services.salespeople.list(active_only=True):
            self.owner_combo.addItem(person.name, person.id)
        self.owner_combo.setCurrentIndex(max(0, self.owner_combo.findData(owner)))
        period = self.period_combo.currentIndex()
        self.period_combo.clear()
        for label, start, end in _periods(self.today()):
            self.period_combo.addItem(label, (start, end))
        self.period_combo.setCurrentIndex(max(0, period))
        self.reload()

    def refresh(self) -> None:
        if self._loaded:
            self.model.refresh_rows()
            self._show_detail()

    def current_filter(self) -> OrderFilter:
        status = self.status_combo.currentData()
        start, end = self.period_combo.currentData() or (None, None)
        return OrderFilter(
            status=OrderStatus(status) if status else None,
            owner_id=self.owner_combo.currentData(),
            start=start,
            end=end,
            overdue_on=self.today() if self.overdue_check.isChecked() else None,
            search=self.search_edit.text(),
        )

    def reload(self) -> None:
        if not self._loaded:
            return
        self.search_edit.cancel_pending()
        self.model.filter = self.current_filter()
        header = self.table.horizontalHeader()
        edit_ok(
            self,
            lambda: self.model.load_sorted(
                header.sortIndicatorSection(), header.sortIndicatorOrder()
            ),
        )
        if not self.table.currentIndex().isValid() and self.model.rowCount() > 0:
            self.table.setCurrentIndex(self.model.index(0, 0))  # its detail shows at once

    def current_row(self) -> OrderRow | None:
        index = self.table.currentIndex()
        row = index.data(Role.ROW) if index.isValid() else None
        return row if isinstance(row, OrderRow) else None

    def select_order(self, order_id: int | None) -> None:
        if order_id is None:
            return
        row = self.model.row_of_id(order_id)
        if row is not None:
            self.table.setCurrentIndex(self.model.index(row, 0))
        self._show_detail()

    def _after(self, order_id: int | None) -> None:
        """After a step, an undo or a redo: the list re-read, the order selected."""
        self.model.refresh_rows()
        self.select_order(order_id)

    def _show_detail(self) -> None:
        row = self.current_row()
        detail = None
        if row is not None:
            detail = run_edit(self, lambda: self._services.orders.get(row.id))
        self._detail = detail
        if detail is None:
            self.summary_label.setText(self.tr("Select an order to see its lines and payments."))
            for model in (
                self.lines_model,
                self.deliveries_model,
                self.invoices_model,
                self.payments_model,
            ):
                model.set_rows([])
        else:
            self.lines_model.set_rows(detail.lines)
            self.deliveries_model.set_rows(detail.deliveries)
            self.invoices_model.set_rows(detail.invoices)
            self.payments_model.set_rows(self._services.payments.of_order(detail.id))
            self.summary_label.setText(self._summary(detail))
        self._update_buttons()

    def _summary(self, order: OrderDetail) -> str:
        currency = order.currency
        parts = [
            self.tr("{number} · {customer} · {status}").format(
                number=order.number,
                customer=order.customer,
                status=tr_message(status_name(order.status)),
            ),
            self.tr("total {total}").format(total=format_money(order.total, currency)),
            self.tr("invoiced {invoiced}").format(invoiced=format_money(order.invoiced, currency)),
            self.tr("paid {paid}").format(paid=format_money(order.paid, currency)),
        ]
        if currency != order.company_currency:
            parts.append(
                self.tr("{amount} at {rate}").format(
                    amount=format_money(order.total_base, order.company_currency),
                    rate=f"{order.exchange_rate.normalize():f}",
                )
            )
        parts.append(tr_message(order.payment_terms.label()))
        if order.cancel_reason:
            parts.append(self.tr("cancelled: {reason}").format(reason=order.cancel_reason))
        return " · ".join(parts)

    def _update_buttons(self) -> None:
        order = self._detail
        allowed = allowed_actions(order.status) if order is not None else frozenset()
        open_invoices = order is not None and any(i.open_amount > 0 for i in order.invoices)
        enabled = {
            "open": order is not None,
            "confirm": OrderAction.CONFIRM in allowed,
            "deliver": OrderAction.DELIVER in allowed,
            "invoice": OrderAction.INVOICE in allowed,
            "payment": open_invoices,
            "cancel": OrderAction.CANCEL in allowed,
            "pdf": order is not None,
            "delivery_pdf": order is not None and bool(order.deliveries),
            "delete": OrderAction.DELETE in allowed,
        }
        for key, button in self.buttons.items():
            button.setEnabled(enabled[key])

    def _context_menu(self, where: QPoint) -> None:
        if self.current_row() is None:
            return
        menu = buttons_menu(self, self.buttons)
        customer = menu.addAction(self.tr("Show Customer"))
        customer.triggered.connect(lambda _c=False: self.show_customer())
        history = menu.addAction(self.tr("History…"))
        history.setObjectName("orderHistoryAction")
        history.triggered.connect(lambda _c=False: self.show_history())
        menu.exec(self.table.viewport().mapToGlobal(where))

    def show_customer(self) -> None:
        row = self.current_row()
        if row is not None:
            self.navigation_requested.emit(ShowCustomer(row.customer_id))

    def show_history(self) -> None:
        from sms_desktop.ui.dialogs.history_dialog import show_history

        row = self.current_row()
        if row is not None:
            show_history(self, self._services, "order", row.id, row.number)

    # ---------------------------------------------------------------- editing

    def new_order(self) -> None:
        from sms_desktop.services.orders import OrderDraft
        from sms_desktop.ui.tabs.orders.editor import OrderEditor

        defaults = self._services.settings.defaults()
        initial = OrderDraft(customer_id=0, order_date=self.today(), currency=defaults.currency)
        editor = OrderEditor(self._services, initial, confirm=True, parent=self)
        if run_modal(editor) == OrderEditor.DialogCode.Accepted and editor.saved is not None:
            saved = editor.saved
            self._undo.push(commands.enter_order(self._services.orders, saved, self._after))
            self._after(saved.id)
            self.status_message.emit(self.tr("Order {number} saved.").format(number=saved.number))

    def open_current(self) -> None:
        """Edit the lines while the order allows it; otherwise show its confirmation."""
        from sms_desktop.ui.tabs.orders.editor import OrderEditor

        order = self._detail
        if order is None:
            return
        if not order.allows(OrderAction.EDIT_LINES):
            self.confirmation_pdf()
            return
        editor = OrderEditor(
            self._services, order.as_draft(), order, customer_name=order.customer, parent=self
        )
        if run_modal(editor) == OrderEditor.DialogCode.Accepted and editor.saved is not None:
            saved = editor.saved
            self._undo.push(commands.edit_order(self._services.orders, order, saved, self._after))
            self._after(saved.id)
            self.status_message.emit(self.tr("Order {number} saved.").format(number=saved.number))

    def confirm_current(self) -> None:
        order = self._detail
        if order is None:
            return
        orders = self._services.orders
        confirmed = run_edit(self, lambda: orders.confirm(order.id))
        if confirmed is None:
            return
        self._undo.push(commands.ConfirmOrder(orders, confirmed, self._after))
        self._after(order.id)
        self.status_message.emit(self.tr("Order {number} confirmed.").format(number=order.number))

    def deliver_current(self) -> None:
        from sms_desktop.ui.tabs.orders.dialogs import DeliveryDialog

        order = self._detail
        if order is None:
            return
        dialog = DeliveryDialog(self._services, order, self.today(), self)
        if run_modal(dialog) != DeliveryDialog.DialogCode.Accepted or dialog.saved is None:
            return
        after, data = dialog.saved, dialog.last_input
        orders = self._services.orders
        self._undo.push(
            commands.deliver(orders, after, lambda: orders.deliver(order.id, data), self._after)
        )
        self._after(order.id)
        self.status_message.emit(
            self.tr("Delivery {number} recorded.").format(number=after.deliveries[-1].number)
        )

    def invoice_current(self) -> None:
        from sms_desktop.ui.tabs.orders.dialogs import InvoiceDialog

        order = self._detail
        if order is None:
            return
        dialog = InvoiceDialog(self._services, order, self.today(), self)
        if run_modal(dialog) != InvoiceDialog.DialogCode.Accepted or dialog.saved is None:
            return
        after, data = dialog.saved, dialog.last_input
        orders = self._services.orders
        self._undo.push(
            commands.invoice(orders, after, lambda: orders.invoice(order.id, data), self._after)
        )
        self._after(order.id)
        self.status_message.emit(self.tr("Invoice {number} recorded.").format(number=data.number))

    def payment_current(self) -> None:
        from sms_desktop.ui.tabs.orders.dialogs import PaymentDialog

        order = self._detail
        if order is None:
            return
        dialog = PaymentDialog(self._services, order, self.today(), self)
        if run_modal(dialog) != PaymentDialog.DialogCode.Accepted or dialog.saved is None:
            return
        payment = dialog.saved
        self._undo.push(
            commands.RecordPayment(
                self._services.payments, payment, dialog.payment_input(), order.id, self._after
            )
        )
        self._after(order.id)
        message = self.tr("Payment of {amount} recorded.").format(
            amount=format_money(payment.amount, payment.currency)
        )
        if payment.unallocated > 0:
            message += " " + self.tr("{credit} is kept as the customer's credit.").format(
                credit=format_money(payment.unallocated, payment.currency)
            )
        self.status_message.emit(message)

    def cancel_current(self) -> None:
        from sms_desktop.ui.tabs.orders.dialogs import CancelDialog

        order = self._detail
        if order is None:
            return
        dialog = CancelDialog(self._services, order, self)
        if run_modal(dialog) != CancelDialog.DialogCode.Accepted or dialog.saved is None:
            return
        reason = dialog.saved.cancel_reason or ""
        self._undo.push(commands.cancel(self._services.orders, order, reason, self._after))
        self._after(order.id)
        self.status_message.emit(self.tr("Order {number} cancelled.").format(number=order.number))

    def delete_current(self) -> None:
        order = self._detail
        if order is None:
            return
        orders = self._services.orders
        if not edit_ok(self, lambda: orders.delete(order.id)):
            return
        self._undo.push(commands.delete_draft(orders, order, self.model.refresh_rows))
        self.model.refresh_rows()
        self.status_message.emit(
            self.tr("Moved to the trash. Undo with Ctrl+Z or restore from Edit ▸ Trash.")
        )

    # ----------------------------------------------------------------- output

    def confirmation_pdf(self) -> None:
        self._preview(delivery=False)

    def delivery_pdf(self) -> None:
        self._preview(delivery=True)

    def _preview(self, *, delivery: bool) -> None:
        from sms_desktop.ui.tabs.orders.dialogs import OrderPreviewDialog

        order = self._detail
        if order is None:
            return
        dialog = run_edit(
            self,
            lambda: OrderPreviewDialog(self._services, order.id, delivery=delivery, parent=self),
        )
        if dialog is not None:
            run_modal(dialog)

    def show_receivables(self) -> None:
        from sms_desktop.ui.tabs.orders.dialogs import ReceivablesDialog

        run_modal(
            ReceivablesDialog(
                self._services, self.today, self, status_message=self.status_message.emit
            )
        )

    def export_view(self) -> None:
        export_view(
            self,
            self.model,
            self.table.horizontalHeader(),
            title=self.tr("Export Orders"),
            label=self.tr("Exporting orders…"),
            done=lambda n, path: self.tr("Exported %Ln order(s) to {path}.", "", n).format(
                path=str(path)
            ),
            on_done=self.status_message.emit,
        )
