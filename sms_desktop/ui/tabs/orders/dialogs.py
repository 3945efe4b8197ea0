"""The steps of an order, each a small dialog that calls its service once: a delivery of
some quantities, an invoice (发票号), a payment (回款), a cancellation with its reason; the
order's PDFs; the receivables and their ageing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sms_desktop.domain.enums import DocumentLanguage, PaymentKind, PaymentMethod
from sms_desktop.domain.i18n import translate
from sms_desktop.reporting.lists.orders import AGEING_COLUMNS, AGEING_SHEET
from sms_desktop.services.orders import (
    DeliveryInput,
    DeliveryRow,
    InvoiceInput,
    OrderDetail,
)
from sms_desktop.services.payments import METHOD_NAMES, PaymentInput, PaymentRow
from sms_desktop.services.receivables import AgeingReport
from sms_desktop.services.registry import Services
from sms_desktop.ui.documents.preview import PdfPreviewDialog, texts_of
from sms_desktop.ui.edit import run_edit
from sms_desktop.ui.formatting import date_format, format_money, from_qdate, to_qdate
from sms_desktop.ui.i18n import tr_message
from sms_desktop.ui.models.rows import RowsModel
from sms_desktop.ui.table_export import export_rows_view
from sms_desktop.ui.widgets.dialog_layout import ok_cancel_layout
from sms_desktop.ui.widgets.field_errors import FieldErrors


def _date_edit(parent: QWidget, name: str, day: date) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(date_format())
    edit.setDate(to_qdate(day))
    return edit


def _amount(text: str) -> Decimal | None:
    """A typed amount (1,234.50 or 1234.5); None when it is not a number."""
    try:
        return Decimal(text.strip().replace(",", "").replace("，", ""))
    except InvalidOperation:
        return None


class DeliveryDialog(QDialog):
    """Deliver some of each line still open (everything open, to start with)."""

    def __init__(
        self, services: Services, order: OrderDetail, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("orderDeliveryDialog")
        self.setWindowTitle(self.tr("Delivery of {number}").format(number=order.number))
        self._services, self._order = services, order
        self.saved: OrderDetail | None = None
        self.errors = FieldErrors(self)
        self.date_edit = _date_edit(self, "deliveryDate", max(today, order.order_date))
        self.note_edit = QLineEdit(self)
        self.note_edit.setObjectName("deliveryNote")
        form = QFormLayout()
        self.errors.add_row(form, "delivery_date", self.tr("Delivered on:"), self.date_edit)
        self.errors.add_row(form, "note", self.tr("Note:"), self.note_edit)
        self._lines = [ln for ln in order.lines if ln.open_quantity > 0]
        self.table = QTableWidget(len(self._lines), 3, self)
        self.table.setObjectName("deliveryLines")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Item"), self.tr("Still to deliver"), self.tr("Deliver now")]
        )
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.spins: list[QDoubleSpinBox] = []
        for row, line in enumerate(self._lines):
            item = QTableWidgetItem(line.description)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(row, 0, item)
            left = QTableWidgetItem(f"{line.open_quantity.normalize():f} {line.unit or ''}")
            left.setFlags(left.flags() & ~Qt.ItemFlag.ItemIsEditable)
            left.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, 1, left)
            spin = QDoubleSpinBox(self.table)
            spin.setDecimals(3)
            spin.setRange(0, float(line.open_quantity))
            spin.setValue(float(line.open_quantity))
            self.table.setCellWidget(row, 2, spin)
            self.spins.append(spin)
        self.errors.watch("quantities", self.table)
        ok_cancel_layout(self, form, self.table, self.errors.form_label)
        self.resize(640, 420)

    def accept(self) -> None:
        quantities = {
            line.id: Decimal(str(round(spin.value(), 3)))
            for line, spin in zip(self._lines, self.spins, strict=True)
        }
        data = DeliveryInput(from_qdate(self.date_edit.date()), quantities, self.note_edit.text())
        self.last_input = data
        self.errors.clear()
        orders = self._services.orders
        saved = run_edit(self, lambda: orders.deliver(self._order.id, data), errors=self.errors)
        if saved is not None:
            self.saved = saved
            super().accept()


class InvoiceDialog(QDialog):
    """Record an invoice: its number (发票号), date and amount; the due date follows the
    order's payment terms."""

    def __init__(
        self, services: Services, order: OrderDetail, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("orderInvoiceDialog")
        self.setWindowTitle(self.tr("Invoice for {number}").format(number=order.number))
        self._services, self._order = services, order
        self.saved: OrderDetail | None = None
        self.errors = FieldErrors(self)
        self.number_edit = QLineEdit(self)
        self.number_edit.setObjectName("invoiceNumber")
        self.date_edit = _date_edit(self, "invoiceDate", max(today, order.order_date))
        self.amount_edit = QLineEdit(f"{order.uninvoiced:f}", self)
        self.amount_edit.setObjectName("invoiceAmount")
        self.due_label = QLabel(self)
        self.due_label.setObjectName("invoiceDue")
        form = QFormLayout()
        self.errors.add_row(form, "number", self.tr("Invoice no.:"), self.number_edit)
        self.errors.add_row(form, "invoice_date", self.tr("Invoice date:"), self.date_edit)
        self.errors.add_row(
            form,
            "amount",
            self.tr("Amount ({currency}, with tax):").format(currency=order.currency),
            self.amount_edit,
        )
        form.addRow(self.tr("Due:"), self.due_label)
        self.date_edit.dateChanged.connect(lambda _d: self._show_due())
        self._show_due()
        ok_cancel_layout(self, form, self.errors.form_label)

    def _show_due(self) -> None:
        terms = self._order.payment_terms
        due = terms.due_date(from_qdate(self.date_edit.date()))
        self.due_label.setText(
            self.tr("{day} ({terms})").format(
                day=due.strftime("%Y-%m-%d"), terms=tr_message(terms.label())
            )
        )

    def accept(self) -> None:
        amount = _amount(self.amount_edit.text())
        data = InvoiceInput(
            self.number_edit.text(),
            from_qdate(self.date_edit.date()),
            amount if amount is not None else Decimal(-1),
        )
        self.last_input = data
        self.errors.clear()
        orders = self._services.orders
        saved = run_edit(self, lambda: orders.invoice(self._order.id, data), errors=self.errors)
        if saved is not None:
            self.saved = saved
            super().accept()


class PaymentDialog(QDialog):
    """Record a payment (回款) of the order's customer: applied to this order's open invoices
    first, then to the customer's oldest; what is left is kept as the customer's credit."""

    def __init__(
        self, services: Services, order: OrderDetail, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("orderPaymentDialog")
        self.setWindowTitle(self.tr("Payment from {customer}").format(customer=order.customer))
        self._services, self._order = services, order
        self.saved: PaymentRow | None = None
        self.errors = FieldErrors(self)
        self.date_edit = _date_edit(self, "paymentDate", today)
        open_amount = sum((i.open_amount for i in order.invoices), Decimal(0))
        self.amount_edit = QLineEdit(f"{open_amount:f}", self)
        self.amount_edit.setObjectName("paymentAmount")
        self.method_combo = QComboBox(self)
        self.method_combo.setObjectName("paymentMethod")
        for method in PaymentMethod:
            self.method_combo.addItem(tr_message(METHOD_NAMES[method]), method)
        self.reference_edit = QLineEdit(self)
        self.reference_edit.setObjectName("paymentReference")
        self.note_edit = QPlainTextEdit(self)
        self.note_edit.setObjectName("paymentNote")
        self.note_edit.setFixedHeight(60)
        form = QFormLayout()
        self.errors.add_row(form, "payment_date", self.tr("Received on:"), self.date_edit)
        self.errors.add_row(
            form,
            "amount",
            self.tr("Amount ({currency}):").format(currency=order.currency),
            self.amount_edit,
        )
        self.errors.add_row(form, "method", self.tr("Method:"), self.method_combo)
        self.errors.add_row(form, "reference", self.tr("Reference:"), self.reference_edit)
        self.errors.add_row(form, "note", self.tr("Note:"), self.note_edit)
        hint = QLabel(
            self.tr(
                "Applied to this order's open invoices first, then to the customer's oldest; "
                "anything left is kept as the customer's credit."
            ),
            self,
        )
        hint.setWordWrap(True)
        ok_cancel_layout(self, form, hint, self.errors.form_label)

    def payment_input(self) -> PaymentInput:
        amount = _amount(self.amount_edit.text())
        order = self._order
        wanted = amount if amount is not None else Decimal(-1)
        return PaymentInput(
            customer_id=order.customer_id,
            payment_date=from_qdate(self.date_edit.date()),
            amount=wanted,
            currency=order.currency,
            method=PaymentMethod(self.method_combo.currentData()),
            kind=PaymentKind.RECEIPT,
            reference=self.reference_edit.text(),
            note=self.note_edit.toPlainText(),
            order_id=order.id,  # the service applies it to this order's invoices first
        )

    def accept(self) -> None:
        data = self.payment_input()
        self.errors.clear()
        payments = self._services.payments
        saved = run_edit(self, lambda: payments.record(data), errors=self.errors)
        if saved is not None:
            self.saved = saved
            super().accept()


class CancelDialog(QDialog):
    """Cancel an order: the reason is required."""

    def __init__(self, services: Services, order: OrderDetail, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("orderCancelDialog")
        self.setWindowTitle(self.tr("Cancel {number}").format(number=order.number))
        self._services, self._order = services, order
        self.saved: OrderDetail | None = None
        self.errors = FieldErrors(self)
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setObjectName("cancelReason")
        self.reason_edit.setPlaceholderText(self.tr("e.g. the customer's budget was cut"))
        form = QFormLayout()
        self.errors.add_row(form, "reason", self.tr("Reason:"), self.reason_edit)
        ok_cancel_layout(self, form, self.errors.form_label)
        self.resize(460, self.sizeHint().height())

    def accept(self) -> None:
        self.errors.clear()
        orders, reason = self._services.orders, self.reason_edit.text()
        saved = run_edit(self, lambda: orders.cancel(self._order.id, reason), errors=self.errors)
        if saved is not None:
            self.saved = saved
            super().accept()


class OrderPreviewDialog(PdfPreviewDialog):
    """The order confirmation (销售确认单) or a delivery note (送货单) as it will print."""

    def __init__(
        self,
        services: Services,
        order_id: int,
        *,
        delivery: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        from sms_desktop.reporting.order_pdf import OrderPdfKind

        self.document = services.orders.document(order_id)
        order = self.document.order
        self.kind = OrderPdfKind.DELIVERY if delivery else OrderPdfKind.CONFIRMATION
        self.delivery: DeliveryRow | None = (
            order.deliveries[-1] if delivery and order.deliveries else None
        )
        name = (
            translate("OrderPdf", "Delivery note {number}")
            if delivery
            else translate("OrderPdf", "Order confirmation {number}")
        )
        stem = self.delivery.number if self.delivery is not None else order.number
        super().__init__(
            services,
            title=tr_message(name.format(number=stem)),
            stem=stem,
            language=DocumentLanguage(
                self.document.party.quote_language or services.settings.defaults().quote_language
            ),
            parent=parent,
        )
        self.setObjectName("orderPreview")
        self.show_pages()

    def document_pdf(self, language: DocumentLanguage) -> bytes:
        import io

        from sms_desktop.reporting.order_pdf import write_order_pdf

        settings = self._services.settings
        out = io.BytesIO()
        write_order_pdf(
            self.document,
            out,
            kind=self.kind,
            company=settings.company(),
            logo=settings.logo(),
            language=language,
            delivery=self.delivery,
        )
        return out.getvalue()

    def texts(self) -> list[str]:
        return texts_of(self.document)


class ReceivablesDialog(QDialog):
    """What customers owe on a day, by how late it is (账龄), with the totals; overdue
    invoices can become collection tasks (催款) for their owners."""

    def __init__(
        self,
        services: Services,
        today: Callable[[], date],
        parent: QWidget | None = None,
        *,
        status_message: Callable[[str], None] = lambda _m: None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("receivablesDialog")
        self.setWindowTitle(self.tr("Receivables"))
        self._services, self._today = services, today
        self._status = status_message
        self.report: AgeingReport | None = None
        self.date_edit = _date_edit(self, "receivablesAsOf", today())
        self.date_edit.dateChanged.connect(lambda _d: self.reload())
        self.total_label = QLabel(self)
        self.total_label.setObjectName("receivablesTotal")
        self.total_label.setWordWrap(True)
        tasks = QPushButton(self.tr("Collection Tasks"), self)
        tasks.setObjectName("collectionTasksButton")
        tasks.setToolTip(
            self.tr("A call task (催款) for each overdue invoice's salesperson, once per invoice")
        )
        tasks.clicked.connect(self.create_tasks)
        export = QPushButton(self.tr("Export…"), self)
        export.setObjectName("exportReceivablesButton")
        export.clicked.connect(self.export)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("As of:"), self))
        top.addWidget(self.date_edit)
        top.addStretch(1)
        for button in (tasks, export, close):
            top.addWidget(button)
        self.model: RowsModel[object] = RowsModel(AGEING_COLUMNS, self)  # type: ignore[arg-type]
        self.table = QTableView(self)
        self.table.setObjectName("receivablesTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.total_label)
        self.resize(1000, 560)
        self.reload()

    def as_of(self) -> date:
        return from_qdate(self.date_edit.date())

    def reload(self) -> None:
        day = self.as_of()
        report = run_edit(self, lambda: self._services.receivables.ageing(day))
        if report is None:
            return
        self.report = report
        self.model.set_rows(report.customers)
        currency = report.currency
        self.total_label.setText(
            self.tr("Open {open} · overdue {overdue} · credit {credit} ({count} customers)").format(
                open=format_money(report.total_open, currency),
                overdue=format_money(report.overdue, currency),
                credit=format_money(report.total_credit, currency),
                count=len(report.customers),
            )
        )

    def create_tasks(self) -> None:
        from sms_desktop.ui.i18n import translator

        day = self.as_of()
        created = run_edit(
            self,
            lambda: self._services.receivables.create_collection_tasks(day, tr=translator()),
        )
        if created is not None:
            self._status(self.tr("%Ln collection task(s) created.", "", len(created)))

    def export(self) -> None:
        report = self.report
        if report is None:
            return
        export_rows_view(
            self,
            AGEING_COLUMNS,
            report.customers,
            title=self.tr("Export Receivables"),
            file_name=self.tr("receivables-{day}").format(day=report.as_of.isoformat()),
            sheet=AGEING_SHEET,
            label=self.tr("Exporting receivables…"),
            on_done=self._status,
            done=lambda n, path: self.tr("Exported %Ln customer(s) to {path}.", "", n).format(
                path=str(path)
            ),
        )
