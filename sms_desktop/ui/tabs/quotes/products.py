"""The product catalogue: a searchable list with its export, and the product editor."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sms_desktop.domain.money import CURRENCIES, parse_money
from sms_desktop.domain.pricing import format_number
from sms_desktop.reporting.lists.products import PRODUCTS
from sms_desktop.services.products import (
    COMMON_UNITS,
    ProductFilter,
    ProductInput,
    ProductRow,
    ProductSortKey,
)
from sms_desktop.services.registry import Services
from sms_desktop.ui.edit import accept_saved, edit_ok, push_edit
from sms_desktop.ui.i18n import current_language
from sms_desktop.ui.models.paged import PagedTableModel, Role
from sms_desktop.ui.table_export import export_view
from sms_desktop.ui.tabs.quotes.commands import create_product, delete_product, update_product
from sms_desktop.ui.widgets.dialog_layout import ok_cancel_layout
from sms_desktop.ui.widgets.dialogs import run_modal
from sms_desktop.ui.widgets.field_errors import FieldErrors
from sms_desktop.ui.widgets.search_field import SearchField


class ProductsDialog(QDialog):
    """The catalogue, reachable from the Quotes tab."""

    def __init__(self, services: Services, undo: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("productsDialog")
        self.setWindowTitle(self.tr("Products"))
        self._services = services
        self._undo = undo
        self.search_edit = SearchField(
            "productSearch", self.tr("Search codes and names…"), 150, self
        )
        self.search_edit.search_changed.connect(lambda _t: self.reload())
        self.inactive_check = QCheckBox(self.tr("Show inactive"), self)
        self.inactive_check.setObjectName("productShowInactive")
        self.inactive_check.setChecked(True)
        self.inactive_check.toggled.connect(lambda _on: self.reload())
        self.count_label = QLabel(self)
        new_button = QPushButton(self.tr("New Product…"), self)
        new_button.setObjectName("newProductButton")
        new_button.clicked.connect(self.new_product)
        edit_button = QPushButton(self.tr("Edit…"), self)
        edit_button.clicked.connect(self.edit_current)
        delete_button = QPushButton(self.tr("Delete"), self)
        delete_button.setObjectName("deleteProductButton")
        delete_button.setToolTip(self.tr("Move to the trash (Undo with Ctrl+Z)"))
        delete_button.clicked.connect(lambda _c=False: self.delete_current())
        history = QPushButton(self.tr("History…"), self)
        history.setObjectName("productHistoryButton")
        history.setToolTip(self.tr("Who changed this product, and when"))
        history.clicked.connect(lambda _c=False: self.show_history())
        export = QPushButton(self.tr("Export…"), self)
        export.setObjectName("exportProductsButton")
        export.clicked.connect(self.export_view)
        top = QHBoxLayout()
        top.addWidget(self.search_edit, 1)
        top.addWidget(self.inactive_check)
        top.addWidget(self.count_label)
        top.addWidget(new_button)
        top.addWidget(edit_button)
        top.addWidget(delete_button)
        top.addWidget(history)
        top.addWidget(export)
        self.model: PagedTableModel[ProductFilter, ProductSortKey, ProductRow] = PagedTableModel(
            services.products, PRODUCTS, ProductFilter(), parent=self
        )
        self.table = QTableView(self)
        self.table.setObjectName("productTable")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        for column, width in enumerate((100, 0, 110, 50, 110, 110, 60, 70, 60)):
            if width:
                self.table.setColumnWidth(column, width)
        self.table.doubleClicked.connect(lambda _i: self.edit_current())
        self.model.total_changed.connect(
            lambda n: self.count_label.setText(self.tr("%Ln product(s)", "", n))
        )
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(close)
        self.resize(1000, 600)
        self.reload()

    def reload(self) -> None:
        self.search_edit.cancel_pending()
        self.model.filter = ProductFilter(self.search_edit.text(), self.inactive_check.isChecked())
        header = self.table.horizontalHeader()
        edit_ok(
            self,
            lambda: self.model.load_sorted(
                header.sortIndicatorSection(), header.sortIndicatorOrder()
            ),
        )

    def product_saver(self, row: ProductRow | None) -> Callable[[ProductInput], ProductRow]:
        """What saves the product of ``row`` (None: a new one); returns it as saved."""
        products = self._services.products
        if row is None:
            return products.create
        return lambda data: products.update(row.id, data)

    def new_product(self) -> None:
        dialog = ProductDialog(self._services, None, self.product_saver(None), self)
        if run_modal(dialog) == QDialog.DialogCode.Accepted and dialog.saved is not None:
            push_edit(
                self._undo, create_product(self._services.products, dialog.saved, self.reload)
            )

    def current_product(self) -> ProductRow | None:
        index = self.table.currentIndex()
        row = index.data(Role.ROW) if index.isValid() else None
        return row if isinstance(row, ProductRow) else None

    def edit_current(self) -> None:
        row = self.current_product()
        if row is None:
            return
        dialog = ProductDialog(self._services, row, self.product_saver(row), self)
        if run_modal(dialog) == QDialog.DialogCode.Accepted and dialog.saved is not None:
            push_edit(
                self._undo,
                update_product(self._services.products, row, dialog.saved, self.model.refresh_rows),
            )

    def show_history(self) -> None:
        """The selected product's changes (who, when, field, old → new)."""
        from sms_desktop.ui.dialogs.history_dialog import show_history

        row = self.current_product()
        if row is not None:
            show_history(self, self._services, "product", row.id, f"{row.sku} {row.name_zh}")

    def delete_current(self) -> None:
        row = self.current_product()
        if row is None or not edit_ok(self, lambda: self._services.products.delete(row.id)):
            return
        push_edit(self._undo, delete_product(self._services.products, row, self.reload))

    def export_view(self) -> None:
        export_view(
            self,
            self.model,
            self.table.horizontalHeader(),
            title=self.tr("Export Products"),
            label=self.tr("Exporting products…"),
            done=lambda n, path: self.tr("Exported %Ln product(s) to {path}.", "", n).format(
                path=str(path)
            ),
            on_done=self.count_label.setText,
        )


def _decimal(text: str, *, money: bool) -> Decimal | None:
    """The number typed, None when empty, NaN (refused by the service) when not a number."""
    if not text.strip():
        return None
    try:
        if money:
            return parse_money(text)
        cleaned = text.strip().replace(",", "").replace("%", "")
        return Decimal(cleaned) if cleaned else None
    except (ValueError, InvalidOperation):
        return Decimal("NaN")


class ProductDialog(QDialog):
    """Create or edit one product: ``save`` (the caller's) stores the fields and returns the
    product as saved; the service's messages show beside their fields."""

    def __init__(
        self,
        services: Services,
        product: ProductRow | None,
        save: Callable[[ProductInput], ProductRow],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("productDialog")
        self.setWindowTitle(self.tr("New Product") if product is None else self.tr("Product"))
        self._services, self._save = services, save
        self.saved: ProductRow | None = None
        self.errors = FieldErrors(self)
        form = QFormLayout()
        self.sku_edit = QLineEdit(self)
        self.sku_edit.setObjectName("productSku")
        self.errors.add_row(form, "sku", self.tr("SKU:"), self.sku_edit)
        self.name_zh_edit = QLineEdit(self)
        self.name_zh_edit.setObjectName("productNameZh")
        self.errors.add_row(form, "name_zh", self.tr("Name (Chinese):"), self.name_zh_edit)
        self.name_en_edit = QLineEdit(self)
        self.name_en_edit.setObjectName("productNameEn")
        self.errors.add_row(form, "name_en", self.tr("Name (English):"), self.name_en_edit)
        self.category_combo = QComboBox(self)
        self.category_combo.addItem(self.tr("(none)"), None)
        for category in services.products.categories():
            self.category_combo.addItem(category.name(current_language()), category.id)
        self.errors.add_row(form, "category_id", self.tr("Category:"), self.category_combo)
        self.unit_combo = QComboBox(self)
        self.unit_combo.setObjectName("productUnit")
        self.unit_combo.setEditable(True)
        self.unit_combo.addItems(list(COMMON_UNITS))
        self.errors.add_row(form, "unit", self.tr("Unit:"), self.unit_combo)
        price_row = QWidget(self)
        price_layout = QHBoxLayout(price_row)
        price_layout.setContentsMargins(0, 0, 0, 0)
        self.price_edit = QLineEdit(self)
        self.price_edit.setObjectName("productPrice")
        self.price_edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.currency_combo = QComboBox(self)
        self.currency_combo.addItems(list(CURRENCIES))
        price_layout.addWidget(self.price_edit, 1)
        price_layout.addWidget(self.currency_combo)
        self.errors.add_row(form, "list_price", self.tr("List price:"), price_row)
        self.cost_edit = QLineEdit(self)
        self.cost_edit.setObjectName("productCost")
        self.cost_edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.errors.add_row(form, "cost", self.tr("Cost:"), self.cost_edit)
        self.tax_edit = QLineEdit(self)
        self.tax_edit.setObjectName("productTax")
        self.tax_edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.errors.add_row(form, "tax_rate", self.tr("Tax rate %:"), self.tax_edit)
        self.stock_edit = QLineEdit(self)
        self.stock_edit.setObjectName("productStock")
        self.stock_edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.stock_edit.setPlaceholderText(self.tr("not tracked"))
        self.errors.add_row(form, "stock", self.tr("In stock:"), self.stock_edit)
        self.active_check = QCheckBox(self.tr("Offered on new quotes"), self)
        self.active_check.setChecked(True)
        self.errors.add_row(form, "active", self.tr("Active:"), self.active_check)
        self.description_edit = QPlainTextEdit(self)
        self.description_edit.setFixedHeight(70)
        self.errors.add_row(form, "description", self.tr("Description:"), self.description_edit)
        ok_cancel_layout(self, form, self.errors.form_label)
        self.setMinimumWidth(460)
        if product is None:
            self.tax_edit.setText(format_number(services.settings.defaults().tax_rate))
            self.cost_edit.setText("0.00")
        else:
            self.sku_edit.setText(product.sku)
            self.name_zh_edit.setText(product.name_zh)
            self.name_en_edit.setText(product.name_en)
            self.category_combo.setCurrentIndex(
                max(0, self.category_combo.findData(product.category_id))
            )
            self.unit_combo.setCurrentText(product.unit)
            self.price_edit.setText(f"{product.list_price:f}")
            self.currency_combo.setCurrentText(product.currency)
            self.cost_edit.setText(f"{product.cost:f}")
            self.tax_edit.setText(format_number(product.tax_rate))
            self.stock_edit.setText("" if product.stock is None else format_number(product.stock))
            self.active_check.setChecked(product.active)
            self.description_edit.setPlainText(product.description or "")

    def data(self) -> ProductInput:
        price = _decimal(self.price_edit.text(), money=True)
        cost = _decimal(self.cost_edit.text(), money=True)
        tax = _decimal(self.tax_edit.text(), money=False)
        return ProductInput(
            sku=self.sku_edit.text(),
            name_zh=self.name_zh_edit.text(),
            name_en=self.name_en_edit.text(),
            description=self.description_edit.toPlainText(),
            unit=self.unit_combo.currentText(),
            category_id=self.category_combo.currentData(),
            list_price=price if price is not None else Decimal("NaN"),
            cost=cost if cost is not None else Decimal(0),
            currency=self.currency_combo.currentText(),
            tax_rate=tax if tax is not None else Decimal(0),
            active=self.active_check.isChecked(),
            stock=_decimal(self.stock_edit.text(), money=False),
        )

    def accept(self) -> None:
        self.saved = accept_saved(self, lambda: self._save(self.data()), self.errors)
