"""The order editor: customer, salesperson, order date, currency and tax, notes, around the
lines editor quotes use too (``ui/documents/line_editor.py``)."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from sms_desktop.domain.currency import to_base
from sms_desktop.domain.enums import DocumentLanguage
from sms_desktop.domain.errors import DomainError
from sms_desktop.domain.money import CURRENCIES
from sms_desktop.services.orders import OrderDetail, OrderDraft
from sms_desktop.services.registry import Services
from sms_desktop.ui.dialogs.messages import Unsaved, ask_unsaved
from sms_desktop.ui.documents.line_editor import LineEditor, LineTerms, TaxChoice
from sms_desktop.ui.edit import run_edit
from sms_desktop.ui.formatting import date_format, from_qdate, to_qdate
from sms_desktop.ui.i18n import tr_message
from sms_desktop.ui.widgets.customer_picker import CustomerPicker
from sms_desktop.ui.widgets.dialog_layout import ok_cancel_layout
from sms_desktop.ui.widgets.field_errors import FieldErrors


class OrderEditor(QDialog):
    """Enter an order (``order`` None: ``initial`` holds the defaults) or change the lines of
    one that still allows it. After ``exec()`` returns Accepted, :attr:`saved` is the stored
    order. ``confirm``: a new order is saved confirmed (the customer agreed) rather than as a
    draft."""

    def __init__(
        self,
        services: Services,
        initial: OrderDraft,
        order: OrderDetail | None = None,
        *,
        customer_name: str = "",
        confirm: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("orderEditor")
        self._services = services
        self._order = order
        self._confirm = confirm
        self.saved: OrderDetail | None = None
        self.setWindowTitle(
            self.tr("New Order")
            if order is None
            else self.tr("Order {number}").format(number=order.number)
        )
        self.errors = FieldErrors(self)

        header = QGridLayout()
        left, right = QFormLayout(), QFormLayout()
        header.addLayout(left, 0, 0)
        header.addLayout(right, 0, 1)
        self.customer_edit = CustomerPicker(services, self)
        self.customer_edit.setObjectName("orderCustomer")
        self.customer_edit.setPlaceholderText(self.tr("Type to search customers"))
        self.customer_edit.set_customer(initial.customer_id or None, customer_name)
        self.customer_edit.editingFinished.connect(self._customer_changed)
        self.errors.add_row(left, "customer_id", self.tr("Customer:"), self.customer_edit)
        self.owner_combo = QComboBox(self)
        self.owner_combo.setObjectName("orderOwner")
        self.owner_combo.addItem(self.tr("(nobody)"), None)
        for person in services.salespeople.list(active_only=True):
            self.owner_combo.addItem(person.name, person.id)
        self.errors.add_row(left, "owner_id", self.tr("Salesperson:"), self.owner_combo)
        self.date_edit = QDateEdit(self)
        self.date_edit.setObjectName("orderDate")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat(date_format())
        self.errors.add_row(right, "order_date", self.tr("Order date:"), self.date_edit)
        self.currency_combo = QComboBox(self)
        self.currency_combo.setObjectName("orderCurrency")
        self.currency_combo.addItems(list(CURRENCIES))
        self.errors.add_row(right, "currency", self.tr("Currency:"), self.currency_combo)
        self.tax = TaxChoice("order", self)
        self.errors.add_row(right, "tax_mode", self.tr("Tax:"), self.tax)

        defaults = services.settings.defaults()
        self.lines = LineEditor(
            services,
            self._line_terms,
            prefix="order",
            min_margin=defaults.min_margin_percent,
            sections=False,
            parent=self,
        )
        self.errors.watch("lines", self.lines.table)
        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setObjectName("orderNotes")
        self.notes_edit.setPlaceholderText(self.tr("Notes printed on the order confirmation"))
        self.notes_edit.setFixedHeight(70)
        texts = QFormLayout()
        self.errors.add_row(texts, "notes", self.tr("Notes:"), self.notes_edit)
        bottom = QHBoxLayout()
        bottom.addLayout(texts, 3)
        bottom.addLayout(self.lines.figures(), 2)
        self.button_box = ok_cancel_layout(self, header, self.lines, self.errors.form_label, bottom)
        layout = self.layout()
        if isinstance(layout, QVBoxLayout):
            layout.setStretch(1, 1)
        self.resize(1100, 700)

        self.date_edit.setDate(to_qdate(initial.order_date))
        self.currency_combo.setCurrentText(initial.currency)
        self.tax.choose(initial.tax_mode, initial.rounding_policy)
        self._select(self.owner_combo, initial.owner_id)
        self.notes_edit.setPlainText(initial.notes)
        self.lines.load_products()
        if initial.customer_id:
            self.lines.set_pricing(services.orders.pricing(initial.customer_id))
        self.lines.set_lines(initial.lines)
        self.date_edit.dateChanged.connect(lambda _d: self.lines.reprice())
        self.tax.changed.connect(self.lines.recalculate)
        self.currency_combo.currentIndexChanged.connect(lambda _i: self.lines.recalculate())
        self._unchanged = self.current_draft()
        save = QAction(self.tr("Save"), self)
        save.setShortcut(QKeySequence(QKeySequence.StandardKey.Save))
        save.triggered.connect(lambda _c=False: self.accept())
        self.addAction(save)

    @staticmethod
    def _select(combo: QComboBox, value: object) -> None:
        index = combo.findData(value)
        if index >= 0:
            combo.setCurrentIndex(index)

    def _line_terms(self) -> LineTerms:
        return LineTerms(
            currency=self.currency_combo.currentText(),
            tax_mode=self.tax.tax_mode(),
            rounding=self.tax.rounding(),
            language=DocumentLanguage.ZH_CN,
            price_date=from_qdate(self.date_edit.date()),
        )

    def _customer_changed(self) -> None:
        customer_id = self.customer_edit.customer_id
        if customer_id is None or self.lines.pricing_customer() == customer_id:
            return
        self.lines.set_pricing(self._services.orders.pricing(customer_id))
        day = from_qdate(self.date_edit.date())
        draft = run_edit(self, lambda: self._services.orders.new_draft(customer_id, today=day))
        if draft is not None:
            if self.owner_combo.currentData() is None:
                self._select(self.owner_combo, draft.owner_id)
            self.currency_combo.setCurrentText(draft.currency)
        self.lines.reprice()

    def current_draft(self) -> OrderDraft:
        customer_id = self.customer_edit.customer_id
        return OrderDraft(
            customer_id=customer_id if customer_id is not None else 0,
            order_date=from_qdate(self.date_edit.date()),
            owner_id=self.owner_combo.currentData(),
            currency=self.currency_combo.currentText(),
            tax_mode=self.tax.tax_mode(),
            rounding_policy=self.tax.rounding(),
            notes=self.notes_edit.toPlainText(),
            lines=self.lines.lines(),
        )

    def _credit_ok(self, draft: OrderDraft) -> bool:
        """Warn, with the open balance, when the order takes the customer over its credit
        limit; the user decides."""
        totals = self.lines.totals
        if not draft.customer_id or totals is None:
            return True
        orders = self._services.orders
        order_id = self._order.id if self._order is not None else None
        try:
            rate = self._services.currencies.rate_on(draft.currency, draft.order_date)
        except DomainError:  # no rate for the day yet: the save asks for one
            return True
        amount = to_base(totals.total, rate)
        check = run_edit(
            self, lambda: orders.credit_check(draft.customer_id, amount, order_id=order_id)
        )
        warning = check.warning() if check is not None else None
        if warning is None:
            return True
        answer = QMessageBox.warning(
            self,
            self.tr("Credit Limit"),
            tr_message(warning) + "\n\n" + self.tr("Save the order anyway?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Save

    def accept(self) -> None:
        draft = self.current_draft()
        self.errors.clear()
        if not self._credit_ok(draft):
            return
        orders = self._services.orders
        order_id = self._order.id if self._order is not None else None
        saved = run_edit(
            self,
            lambda: orders.save(order_id, draft, confirm=self._confirm and order_id is None),
            errors=self.errors,
        )
        if saved is not None:
            self.saved = saved
            super().accept()

    def reject(self) -> None:
        """An order with changes is not thrown away without asking."""
        if self.saved is None and self.current_draft() != self._unchanged:
            answer = ask_unsaved(self, self.tr("Save the changes to this order?"))
            if answer is Unsaved.CANCEL:
                return
            if answer is Unsaved.SAVE:
                self.accept()
                return
        super().reject()
