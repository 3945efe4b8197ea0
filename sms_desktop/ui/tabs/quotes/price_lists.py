"""Price lists and their rules: who gets which price, from which quantity, until when."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sms_desktop.domain.clock import clock
from sms_desktop.domain.money import parse_money
from sms_desktop.domain.pricing import format_number
from sms_desktop.services.pricing import PriceListInput, PriceListRow, RuleInput, RuleRow
from sms_desktop.services.registry import Services
from sms_desktop.ui.edit import accept_saved, edit_ok, push_edit, run_edit
from sms_desktop.ui.formatting import date_format, format_date, format_money
from sms_desktop.ui.i18n import current_language
from sms_desktop.ui.palette import MUTED_STYLE
from sms_desktop.ui.tabs.quotes.commands import (
    AddRule,
    CreatePriceList,
    DeletePriceList,
    DeleteRule,
    update_price_list,
    update_rule,
)
from sms_desktop.ui.widgets.customer_picker import CustomerPicker
from sms_desktop.ui.widgets.dialog_layout import ok_cancel_layout
from sms_desktop.ui.widgets.dialogs import run_modal
from sms_desktop.ui.widgets.field_errors import FieldErrors

TIERS = ("A", "B", "C", "D")


class OptionalDate(QWidget):
    """A date that may be left open: a check box switches the date field on."""

    def __init__(self, text: str, value: date | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = QCheckBox(text, self)
        self.edit = QDateEdit(self)
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat(date_format())
        day = value or clock().today()
        self.edit.setDate(QDate(day.year, day.month, day.day))
        self.check.toggled.connect(self.edit.setEnabled)
        self.check.setChecked(value is not None)
        self.edit.setEnabled(value is not None)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.check)
        row.addWidget(self.edit, 1)

    def value(self) -> date | None:
        if not self.check.isChecked():
            return None
        chosen = self.edit.date()
        return date(chosen.year(), chosen.month(), chosen.day())


def _period(start: date | None, end: date | None) -> str:
    if start is None and end is None:
        return ""
    return f"{format_date(start)} – {format_date(end)}"


def _decimal(text: str) -> Decimal:
    """The number typed (NaN when it is none, which the service refuses with a message)."""
    cleaned = text.strip().replace(",", "").replace("%", "")
    try:
        return Decimal(cleaned) if cleaned else Decimal(0)
    except InvalidOperation:
        return Decimal("NaN")


class PriceListDialog(QDialog):
    """A price list's fields; ``save`` (the caller's) stores them and returns the list's id."""

    def __init__(
        self,
        services: Services,
        row: PriceListRow | None,
        save: Callable[[PriceListInput], int],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("priceListDialog")
        self.setWindowTitle(self.tr("New Price List") if row is None else self.tr("Price List"))
        self._services, self._row, self._save = services, row, save
        self.saved: int | None = None
        self.errors = FieldErrors(self)
        form = QFormLayout()
        self.name_edit = QLineEdit(row.name if row else "", self)
        self.name_edit.setObjectName("priceListName")
        self.errors.add_row(form, "name", self.tr("Name:"), self.name_edit)
        self.tier_radio = QRadioButton(self.tr("Customers of tier"), self)
        self.customer_radio = QRadioButton(self.tr("One customer"), self)
        group = QButtonGroup(self)
        group.addButton(self.tier_radio)
        group.addButton(self.customer_radio)
        self.tier_combo = QComboBox(self)
        self.tier_combo.setObjectName("priceListTier")
        self.tier_combo.setEditable(True)
        self.tier_combo.addItems(list(TIERS))
        self.customer_edit = CustomerPicker(services, self)
        self.customer_edit.setObjectName("priceListCustomer")
        self.customer_edit.setPlaceholderText(self.tr("Type to search customers"))
        scope = QWidget(self)
        scope_layout = QFormLayout(scope)
        scope_layout.setContentsMargins(0, 0, 0, 0)
        scope_layout.addRow(self.tier_radio, self.tier_combo)
        scope_layout.addRow(self.customer_radio, self.customer_edit)
        self.errors.add_row(form, "customer_tier", self.tr("For:"), scope)
        self.errors.watch("customer_id", self.customer_edit)
        self.from_edit = OptionalDate(self.tr("from"), row.valid_from if row else None, self)
        self.to_edit = OptionalDate(self.tr("until"), row.valid_to if row else None, self)
        self.errors.add_row(form, "valid_from", self.tr("Valid:"), self.from_edit)
        self.errors.add_row(form, "valid_to", "", self.to_edit)
        self.active_check = QCheckBox(self.tr("Used for new quotes"), self)
        self.active_check.setChecked(row.active if row else True)
        self.errors.add_row(form, "active", self.tr("Active:"), self.active_check)
        ok_cancel_layout(self, form, self.errors.form_label)
        self.setMinimumWidth(440)
        if row is not None and row.customer_id is not None:
            self.customer_radio.setChecked(True)
            self.customer_edit.set_customer(row.customer_id, row.customer or "")
        else:
            self.tier_radio.setChecked(True)
            if row is not None and row.customer_tier:
                self.tier_combo.setCurrentText(row.customer_tier)

    def data(self) -> PriceListInput:
        for_tier = self.tier_radio.isChecked()
        return PriceListInput(
            name=self.name_edit.text(),
            customer_tier=self.tier_combo.currentText() if for_tier else None,
            customer_id=None if for_tier else self.customer_edit.customer_id,
            valid_from=self.from_edit.value(),
            valid_to=self.to_edit.value(),
            active=self.active_check.isChecked(),
        )

    def accept(self) -> None:
        self.saved = accept_saved(self, lambda: self._save(self.data()), self.errors)


class RuleDialog(QDialog):
    """A price rule's fields; ``save`` (the caller's) stores them and returns the rule's id."""

    def __init__(
        self,
        services: Services,
        row: RuleRow | None,
        save: Callable[[RuleInput], int],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("priceRuleDialog")
        self.setWindowTitle(self.tr("New Rule") if row is None else self.tr("Rule"))
        self._services, self._row, self._save = services, row, save
        self.saved: int | None = None
        self.errors = FieldErrors(self)
        language = current_language()
        form = QFormLayout()
        self.product_radio = QRadioButton(self.tr("Product"), self)
        self.category_radio = QRadioButton(self.tr("Category"), self)
        targets = QButtonGroup(self)
        targets.addButton(self.product_radio)
        targets.addButton(self.category_radio)
        self.product_combo = QComboBox(self)
        self.product_combo.setObjectName("ruleProduct")
        for product in services.products.list_products(limit=100_000):
            self.product_combo.addItem(f"{product.sku}  {product.name(language)}", product.id)
        self.category_combo = QComboBox(self)
        self.category_combo.setObjectName("ruleCategory")
        for category in services.products.categories():
            self.category_combo.addItem(category.name(language), category.id)
        target = QWidget(self)
        target_layout = QFormLayout(target)
        target_layout.setContentsMargins(0, 0, 0, 0)
        target_layout.addRow(self.product_radio, self.product_combo)
        target_layout.addRow(self.category_radio, self.category_combo)
        self.errors.add_row(form, "product_id", self.tr("Applies to:"), target)
        self.quantity_edit = QLineEdit(self)
        self.quantity_edit.setObjectName("ruleMinQuantity")
        self.quantity_edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.quantity_edit.setPlaceholderText("0")
        self.errors.add_row(form, "min_quantity", self.tr("From quantity:"), self.quantity_edit)
        self.discount_radio = QRadioButton(self.tr("Discount %"), self)
        self.fixed_radio = QRadioButton(self.tr("Fixed unit price"), self)
        kinds = QButtonGroup(self)
        kinds.addButton(self.discount_radio)
        kinds.addButton(self.fixed_radio)
        self.discount_edit = QLineEdit(self)
        self.discount_edit.setObjectName("ruleDiscount")
        self.discount_edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.fixed_edit = QLineEdit(self)
        self.fixed_edit.setObjectName("ruleFixedPrice")
        self.fixed_edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        price = QWidget(self)
        price_layout = QFormLayout(price)
        price_layout.setContentsMargins(0, 0, 0, 0)
        price_layout.addRow(self.discount_radio, self.discount_edit)
        price_layout.addRow(self.fixed_radio, self.fixed_edit)
        self.errors.add_row(form, "discount_percent", self.tr("Price:"), price)
        self.errors.watch("fixed_price", self.fixed_edit)
        self.from_edit = OptionalDate(self.tr("from"), row.valid_from if row else None, self)
        self.to_edit = OptionalDate(self.tr("until"), row.valid_to if row else None, self)
        self.errors.add_row(form, "valid_from", self.tr("Valid:"), self.from_edit)
        self.errors.add_row(form, "valid_to", "", self.to_edit)
        note = QLabel(
            self.tr(
                "The most specific rule wins: a customer's own list before its tier's, a product "
                "before its category, the largest quantity reached, a dated rule before an "
                "open-ended one."
            ),
            self,
        )
        note.setWordWrap(True)
        note.setStyleSheet(MUTED_STYLE)
        ok_cancel_layout(self, form, note, self.errors.form_label)
        self.setMinimumWidth(480)
        if row is None:
            self.product_radio.setChecked(True)
            self.discount_radio.setChecked(True)
            return
        if row.product_id is not None:
            self.product_radio.setChecked(True)
            self.product_combo.setCurrentIndex(max(0, self.product_combo.findData(row.product_id)))
        else:
            self.category_radio.setChecked(True)
            self.category_combo.setCurrentIndex(
                max(0, self.category_combo.findData(row.category_id))
            )
        self.quantity_edit.setText(format_number(row.min_quantity))
        if row.fixed_price is not None:
            self.fixed_radio.setChecked(True)
            self.fixed_edit.setText(f"{row.fixed_price:f}")
        else:
            self.discount_radio.setChecked(True)
            self.discount_edit.setText(format_number(row.discount_percent or Decimal(0)))

    def data(self) -> RuleInput:
        fixed: Decimal | None = None
        discount: Decimal | None = None
        if self.fixed_radio.isChecked():
            try:
                fixed = parse_money(self.fixed_edit.text())
            except ValueError:
                fixed = Decimal("NaN")
        else:
            discount = _decimal(self.discount_edit.text())
        by_product = self.product_radio.isChecked()
        return RuleInput(
            product_id=self.product_combo.currentData() if by_product else None,
            category_id=None if by_product else self.category_combo.currentData(),
            min_quantity=_decimal(self.quantity_edit.text()),
            discount_percent=discount,
            fixed_price=fixed,
            valid_from=self.from_edit.value(),
            valid_to=self.to_edit.value(),
        )

    def accept(self) -> None:
        self.saved = accept_saved(self, lambda: self._save(self.data()), self.errors)


def _table(parent: QWidget, name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.setWordWrap(False)
    table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    return table


def _item(text: str, value: object = None, right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if value is not None:
        item.setData(Qt.ItemDataRole.UserRole, value)
    if right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


class PriceListsDialog(QDialog):
    """Every price list on the left, the rules of the selected one on the right."""

    def __init__(self, services: Services, undo: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("priceListsDialog")
        self.setWindowTitle(self.tr("Price Lists"))
        self._services = services
        self._undo = undo
        self._lists: list[PriceListRow] = []
        self._rules: list[RuleRow] = []
        self.lists = _table(
            self,
            "priceListTable",
            [self.tr("Price list"), self.tr("For"), self.tr("Valid"), self.tr("Rules")],
        )
        self.lists.currentCellChanged.connect(lambda *_a: self._show_rules())
        self.lists.cellDoubleClicked.connect(lambda *_a: self.edit_list())
        self.rules = _table(
            self,
            "priceRuleTable",
            [
                self.tr("Product or category"),
                self.tr("From qty"),
                self.tr("Price"),
                self.tr("Valid"),
            ],
        )
        self.rules.cellDoubleClicked.connect(lambda *_a: self.edit_rule())
        left, right = QVBoxLayout(), QVBoxLayout()
        left.addWidget(self.lists, 1)
        right.addWidget(self.rules, 1)
        self.list_buttons: dict[str, QPushButton] = {}
        self.rule_buttons: dict[str, QPushButton] = {}
        for layout, buttons, specs in (
            (
                left,
                self.list_buttons,
                (
                    ("new", self.tr("New List…"), self.new_list),
                    ("edit", self.tr("Edit…"), self.edit_list),
                    ("delete", self.tr("Delete"), self.delete_list),
                ),
            ),
            (
                right,
                self.rule_buttons,
                (
                    ("new", self.tr("Add Rule…"), self.new_rule),
                    ("edit", self.tr("Edit…"), self.edit_rule),
                    ("delete", self.tr("Delete"), self.delete_rule),
                ),
            ),
        ):
            row = QHBoxLayout()
            for key, text, slot in specs:
                button = QPushButton(text, self)
                button.clicked.connect(slot)
                buttons[key] = button
                row.addWidget(button)
            row.addStretch(1)
            layout.addLayout(row)
        panes = QHBoxLayout()
        panes.addLayout(left, 5)
        panes.addLayout(right, 6)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(panes, 1)
        layout.addWidget(close)
        self.resize(1100, 520)
        self.reload()

    # ----------------------------------------------------------------- lists

    def reload(self, select_id: int | None = None) -> None:
        current = select_id if select_id is not None else self.current_list_id()
        lists = run_edit(self, self._services.pricing.price_lists)
        if lists is None:
            return
        self._lists = lists
        self.lists.setRowCount(len(self._lists))
        for number, row in enumerate(self._lists):
            scope = (
                row.customer or ""
                if row.customer_id is not None
                else self.tr("Tier {tier}").format(tier=row.customer_tier or "")
            )
            if not row.active:
                scope += " " + self.tr("(inactive)")
            self.lists.setItem(number, 0, _item(row.name, row.id))
            self.lists.setItem(number, 1, _item(scope))
            self.lists.setItem(number, 2, _item(_period(row.valid_from, row.valid_to)))
            self.lists.setItem(number, 3, _item(str(row.rules), right=True))
        target = next((i for i, r in enumerate(self._lists) if r.id == current), 0)
        if self._lists:
            self.lists.setCurrentCell(target, 0)
        self._show_rules()

    def current_list_id(self) -> int | None:
        row = self.lists.currentRow()
        return self._lists[row].id if 0 <= row < len(self._lists) else None

    def list_saver(self, row: PriceListRow | None) -> Callable[[PriceListInput], int]:
        """What saves the list of ``row`` (None: a new one); returns its id."""
        pricing = self._services.pricing

        def save(data: PriceListInput) -> int:
            if row is None:
                return pricing.create_list(data)
            pricing.update_list(row.id, data)
            return row.id

        return save

    def new_list(self) -> None:
        dialog = PriceListDialog(self._services, None, self.list_saver(None), self)
        if run_modal(dialog) != QDialog.DialogCode.Accepted or dialog.saved is None:
            return
        list_id = dialog.saved
        name = dialog.data().name
        push_edit(self._undo, CreatePriceList(self._services.pricing, list_id, name, self.reload))
        self.reload(list_id)

    def edit_list(self) -> None:
        row = self.lists.currentRow()
        if not 0 <= row < len(self._lists):
            return
        plist = self._lists[row]
        dialog = PriceListDialog(self._services, plist, self.list_saver(plist), self)
        if run_modal(dialog) != QDialog.DialogCode.Accepted or dialog.saved is None:
            return
        push_edit(
            self._undo,
            update_price_list(
                self._services.pricing, plist.id, plist.as_input(), dialog.data(), self.reload
            ),
        )
        self.reload(dialog.saved)

    def delete_list(self) -> None:
        row = self.lists.currentRow()
        if not 0 <= row < len(self._lists):
            return
        plist = self._lists[row]
        answer = QMessageBox.question(
            self,
            self.tr("Delete Price List"),
            self.tr(
                "Delete “{name}” and its rules? Quotes keep the prices they already have."
            ).format(name=plist.name),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        copy = run_edit(self, lambda: self._services.pricing.delete_list(plist.id))
        if copy is not None:
            push_edit(self._undo, DeletePriceList(self._services.pricing, copy, self.reload))
        self.reload()

    # ----------------------------------------------------------------- rules

    def _show_rules(self) -> None:
        list_id = self.current_list_id()
        self._rules = self._services.pricing.rules(list_id) if list_id is not None else []
        language = current_language()
        self.rules.setRowCount(len(self._rules))
        for number, rule in enumerate(self._rules):
            if rule.fixed_price is not None:
                price = "= " + format_money(rule.fixed_price)
            else:
                price = f"−{format_number(rule.discount_percent or Decimal(0))}%"
            self.rules.setItem(number, 0, _item(rule.target(language), rule.id))
            self.rules.setItem(number, 1, _item(format_number(rule.min_quantity), right=True))
            self.rules.setItem(number, 2, _item(price, right=True))
            self.rules.setItem(number, 3, _item(_period(rule.valid_from, rule.valid_to)))
            for column in range(4):
                item = self.rules.item(number, column)
                if item is not None:
                    item.setToolTip(rule.label)
        for button in self.rule_buttons.values():
            button.setEnabled(list_id is not None)

    def current_rule(self) -> RuleRow | None:
        row = self.rules.currentRow()
        return self._rules[row] if 0 <= row < len(self._rules) else None

    def rule_saver(self, list_id: int, row: RuleRow | None) -> Callable[[RuleInput], int]:
        """What saves the rule of ``row`` (None: a new one in ``list_id``); returns its id."""
        pricing = self._services.pricing

        def save(data: RuleInput) -> int:
            if row is None:
                return pricing.add_rule(list_id, data)
            pricing.update_rule(row.id, data)
            return row.id

        return save

    def new_rule(self) -> None:
        list_id = self.current_list_id()
        if list_id is None:
            return
        dialog = RuleDialog(self._services, None, self.rule_saver(list_id, None), self)
        if run_modal(dialog) != QDialog.DialogCode.Accepted or dialog.saved is None:
            return
        push_edit(
            self._undo,
            AddRule(self._services.pricing, list_id, dialog.saved, dialog.data(), self.reload),
        )
        self.reload(list_id)

    def edit_rule(self) -> None:
        list_id, rule = self.current_list_id(), self.current_rule()
        if list_id is None or rule is None:
            return
        dialog = RuleDialog(self._services, rule, self.rule_saver(list_id, rule), self)
        if run_modal(dialog) != QDialog.DialogCode.Accepted:
            return
        push_edit(
            self._undo,
            update_rule(
                self._services.pricing, rule.id, rule.as_input(), dialog.data(), self.reload
            ),
        )
        self.reload(list_id)

    def delete_rule(self) -> None:
        rule = self.current_rule()
        if rule is None:
            return
        if not edit_ok(self, lambda: self._services.pricing.delete_rule(rule.id)):
            return
        push_edit(
            self._undo,
            DeleteRule(
                self._services.pricing, rule.price_list_id, rule.id, rule.as_input(), self.reload
            ),
        )
        self.reload(rule.price_list_id)
