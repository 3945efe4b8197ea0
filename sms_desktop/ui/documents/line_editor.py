"""The lines of a quote or an order: the one editor component both documents use.

Prices come from the pricing engine (the price lists of the customer and its tier) when a
product is added or its quantity changes; typing a price or a discount marks the line as a
manual price. Every change recomputes the lines and totals with the same domain function the
services use to store them, so the figures shown are the figures saved and printed.

The document's editor owns the header (customer, dates, currency, tax mode, print language)
and tells this widget what it needs through ``terms`` (read on every recalculation) and
:meth:`LineEditor.set_pricing` (when the customer changes).
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from PySide6.QtCore import QModelIndex, QStringListModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sms_desktop.domain.enums import DocumentLanguage, QuoteLineKind, RoundingPolicy, TaxMode
from sms_desktop.domain.pricing import PriceResult, format_number
from sms_desktop.domain.print_language import product_name_in
from sms_desktop.domain.quotes import MarginCheck, QuoteTotals
from sms_desktop.services.products import ProductRow
from sms_desktop.services.quotes import LineData, PricingContext, evaluate_lines
from sms_desktop.services.registry import Services
from sms_desktop.ui.documents.lines_model import (
    AMOUNT,
    DESCRIPTION,
    PRICE,
    QUANTITY,
    RULE,
    DocumentLinesModel,
)
from sms_desktop.ui.formatting import format_money
from sms_desktop.ui.palette import ERROR_STYLE


@dataclass(frozen=True, slots=True)
class LineTerms:
    """What the document's header says about its lines."""

    currency: str
    tax_mode: TaxMode
    rounding: RoundingPolicy
    language: DocumentLanguage  # the print language: product names are written in it
    price_date: date  # the day the price rules are taken from


class TaxChoice(QWidget):
    """A document's tax: prices with or without it, rounded per line or per document.

    Signals:
        changed(): either choice changed.
    """

    changed = Signal()

    def __init__(self, prefix: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mode_combo = QComboBox(self)
        self.mode_combo.setObjectName(f"{prefix}TaxMode")
        self.mode_combo.addItem(self.tr("Prices exclude tax"), TaxMode.EXCLUSIVE)
        self.mode_combo.addItem(self.tr("Prices include tax"), TaxMode.INCLUSIVE)
        self.rounding_combo = QComboBox(self)
        self.rounding_combo.setObjectName(f"{prefix}Rounding")
        self.rounding_combo.addItem(self.tr("Tax rounded per line"), RoundingPolicy.PER_LINE)
        self.rounding_combo.addItem(
            self.tr("Tax rounded per document"), RoundingPolicy.PER_DOCUMENT
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.mode_combo)
        layout.addWidget(self.rounding_combo)
        for combo in (self.mode_combo, self.rounding_combo):
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())

    def tax_mode(self) -> TaxMode:
        return TaxMode(self.mode_combo.currentData())

    def rounding(self) -> RoundingPolicy:
        return RoundingPolicy(self.rounding_combo.currentData())

    def choose(self, tax_mode: TaxMode, rounding: RoundingPolicy) -> None:
        for combo, value in ((self.mode_combo, tax_mode), (self.rounding_combo, rounding)):
            index = combo.findData(value)
            if index >= 0:
                combo.setCurrentIndex(index)


def product_label(product: ProductRow, language: str) -> str:
    return f"{product.sku}  {product.name(language)}"


class LineEditor(QWidget):
    """The lines table, the product look-up and the buttons beside it, and the totals.

    ``prefix`` names the widgets (``quoteLines``, ``orderLines`` …) for tests and
    automation; ``sections`` offers section headings (quotes print them, orders don't).

    Signals:
        recalculated(): the lines and totals were recomputed (after any change).
    """

    recalculated = Signal()

    def __init__(
        self,
        services: Services,
        terms: Callable[[], LineTerms],
        *,
        prefix: str,
        min_margin: Decimal,
        sections: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._terms = terms
        self.min_margin = min_margin
        self._pricing: PricingContext | None = None
        self._products: dict[int, ProductRow] = {}
        self._lookup: dict[str, int] = {}
        self.totals: QuoteTotals | None = None
        self.margin: MarginCheck | None = None

        self.model = DocumentLinesModel(self)
        self.model.pricer = self._price
        self.table = QTableView(self)
        self.table.setObjectName(f"{prefix}Lines")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        head = self.table.horizontalHeader()
        head.setTextElideMode(Qt.TextElideMode.ElideRight)
        head.setSectionResizeMode(DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 70), (2, 50), (3, 100), (4, 60), (5, 50), (6, 110), (7, 170)):
            self.table.setColumnWidth(column, width)
        self.model.lines_changed.connect(self.recalculate)
        self.model.rowsInserted.connect(lambda *_a: self._update_spans())
        self.model.rowsRemoved.connect(lambda *_a: self._update_spans())
        self.model.rowsMoved.connect(lambda *_a: self._update_spans())
        self.model.modelReset.connect(self._update_spans)

        self._picked: str | None = None  # the product label added in this turn of the loop
        self.product_edit = QLineEdit(self)
        self.product_edit.setObjectName(f"{prefix}ProductLookup")
        self.product_edit.setPlaceholderText(self.tr("Add a product: type its code or name…"))
        self._product_model = QStringListModel(self)
        completer = QCompleter(self._product_model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setMaxVisibleItems(12)
        completer.activated.connect(self.add_product_by_label)
        self.product_edit.setCompleter(completer)
        self.product_edit.returnPressed.connect(
            lambda: self.add_product_by_label(self.product_edit.text())
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.product_edit, 2)
        self.line_button = QPushButton(self.tr("Free Line"), self)
        self.line_button.setObjectName(f"{prefix}AddLine")
        self.line_button.clicked.connect(self.add_free_line)
        row_buttons = [self.line_button]
        if sections:
            self.section_button = QPushButton(self.tr("Section Heading"), self)
            self.section_button.setObjectName(f"{prefix}AddSection")
            self.section_button.clicked.connect(self.add_section)
            row_buttons.append(self.section_button)
        self.up_button = QPushButton(self.tr("Up"), self)
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button = QPushButton(self.tr("Down"), self)
        self.down_button.clicked.connect(lambda: self._move(1))
        self.reset_button = QPushButton(self.tr("Rule Price"), self)
        self.reset_button.setObjectName(f"{prefix}RulePrice")
        self.reset_button.setToolTip(self.tr("Set the price from the price rules again"))
        self.reset_button.clicked.connect(self.reset_price)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.remove_button.setObjectName(f"{prefix}RemoveLine")
        self.remove_button.clicked.connect(self.remove_current)
        for button in (*row_buttons, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addWidget(self.reset_button)
        buttons.addWidget(self.remove_button)

        self.totals_label = QLabel(self)
        self.totals_label.setObjectName(f"{prefix}Totals")
        self.totals_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.totals_label.setTextFormat(Qt.TextFormat.RichText)
        self.total_label = QLabel(self)
        self.total_label.setObjectName(f"{prefix}Total")
        font = self.total_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.total_label.setFont(font)
        self.total_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.margin_label = QLabel(self)
        self.margin_label.setObjectName(f"{prefix}Margin")
        self.margin_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.margin_label.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)

    def figures(self) -> QVBoxLayout:
        """The totals, the grand total and the margin, for the editor to place."""
        figures = QVBoxLayout()
        figures.addWidget(self.totals_label)
        figures.addWidget(self.total_label)
        figures.addWidget(self.margin_label)
        figures.addStretch(1)
        return figures

    # ------------------------------------------------------------------ filling

    def load_products(self) -> None:
        """Read the catalogue for the look-up (labels in the print language)."""
        self._products = {p.id: p for p in self._services.products.active_products()}
        language = "en" if self._terms().language == DocumentLanguage.EN else "zh_CN"
        self._lookup = {product_label(p, language): p.id for p in self._products.values()}
        self._product_model.setStringList(sorted(self._lookup))

    def set_pricing(self, pricing: PricingContext | None) -> None:
        self._pricing = pricing

    def pricing_customer(self) -> int | None:
        return self._pricing.customer_id if self._pricing is not None else None

    def set_lines(self, lines: tuple[LineData, ...]) -> None:
        self.model.set_lines(lines)
        self.recalculate()

    def lines(self) -> tuple[LineData, ...]:
        return tuple(self.model.lines)

    def reprice(self) -> None:
        """The price date or the customer changed: rule prices follow."""
        self.model.reprice(self._terms().price_date)

    def relabel(self) -> None:
        """The print language changed: lines that carry a product's name take it in that
        language."""
        self.model.relabel(self._terms().language)

    # -------------------------------------------------------------------- lines

    def _price(self, product_id: int, quantity: Decimal) -> PriceResult | None:
        if self._pricing is None:
            return None
        return self._pricing.price(product_id, quantity, self._terms().price_date)

    def _insert_row(self) -> int:
        current = self.table.currentIndex()
        return current.row() + 1 if current.isValid() else len(self.model.lines)

    def add_product(self, product_id: int, quantity: Decimal = Decimal(1)) -> int | None:
        product = self._products.get(product_id)
        if product is None:
            return None
        line = LineData(
            product_id=product.id,
            description=product_name_in(product.name_zh, product.name_en, self._terms().language),
            quantity=quantity,
            unit=product.unit,
            unit_price=product.list_price,
            tax_rate=product.tax_rate,
            unit_cost=product.cost,
            sku=product.sku,
            product_names=(product.name_zh, product.name_en),
        )
        result = self._price(product.id, quantity)
        if result is not None:
            line = replace(
                line,
                unit_price=result.unit_price,
                discount_percent=result.discount_percent,
                price_rule_note=result.note,
            )
        row = self.model.insert_line(self._insert_row(), line)
        self.table.setCurrentIndex(self.model.index(row, QUANTITY))
        return row

    def add_product_by_label(self, text: str) -> None:
        text = text.strip()
        if text and text == self._picked:
            # Enter on a suggestion reports the pick twice: the completer's activation, then
            # the field's returnPressed (after the field re-filled itself with the pick).
            self.product_edit.clear()
            return
        product_id = self._lookup.get(text)
        if product_id is None:  # an exact SKU typed without choosing from the list
            product_id = next(
                (p.id for p in self._products.values() if p.sku.casefold() == text.casefold()),
                None,
            )
        if product_id is None:
            return
        self.add_product(product_id)
        self._picked = text
        QTimer.singleShot(0, self._forget_pick)
        self.product_edit.clear()
        self.table.setFocus()

    def _forget_pick(self) -> None:
        self._picked = None

    def add_free_line(self) -> None:
        tax = self._services.settings.defaults().tax_rate
        row = self.model.insert_line(
            self._insert_row(), LineData(quantity=Decimal(1), unit="", tax_rate=tax)
        )
        self.table.setCurrentIndex(self.model.index(row, DESCRIPTION))
        self.table.edit(self.model.index(row, DESCRIPTION))

    def add_section(self) -> None:
        row = self.model.insert_line(
            self._insert_row(),
            LineData(kind=QuoteLineKind.SECTION, description=self.tr("Section")),
        )
        self.table.setCurrentIndex(self.model.index(row, DESCRIPTION))
        self.table.edit(self.model.index(row, DESCRIPTION))

    def remove_current(self) -> None:
        current = self.table.currentIndex()
        if current.isValid():
            self.model.remove_line(current.row())

    def _move(self, delta: int) -> None:
        current = self.table.currentIndex()
        if current.isValid():
            row = self.model.move_line(current.row(), delta)
            self.table.setCurrentIndex(self.model.index(row, current.column()))

    def reset_price(self) -> None:
        """Give the current line its rule price again (drops a manual price)."""
        current = self.table.currentIndex()
        if not current.isValid():
            return
        row = current.row()
        line = self.model.lines[row]
        if not line.manual_price:
            return
        self.model.lines[row] = replace(line, manual_price=False)
        self.reprice()
        self.model.dataChanged.emit(self.model.index(row, 0), self.model.index(row, RULE))
        self.recalculate()

    def _update_spans(self) -> None:
        self.table.clearSpans()
        for row, line in enumerate(self.model.lines):
            if line.kind is QuoteLineKind.SECTION:
                self.table.setSpan(row, DESCRIPTION, 1, self.model.columnCount())

    def current_row(self) -> int | None:
        index: QModelIndex = self.table.currentIndex()
        return index.row() if index.isValid() else None

    # ------------------------------------------------------------------- totals

    def recalculate(self) -> None:
        """Recompute every line and the totals (the domain's arithmetic) and show them."""
        terms = self._terms()
        totals, margin = evaluate_lines(
            self.model.lines, terms.tax_mode, terms.rounding, self.min_margin
        )
        self.totals, self.margin = totals, margin
        self.model.tax_mode = terms.tax_mode
        self.model.set_results(totals.lines, margin.low_lines)
        currency = terms.currency
        rows: list[tuple[str, str]] = []
        if totals.discount_total:
            rows.append((self.tr("Before discount"), format_money(totals.gross_total, currency)))
            rows.append((self.tr("Discount"), "−" + format_money(totals.discount_total, currency)))
        rows.append((self.tr("Subtotal (excl. tax)"), format_money(totals.subtotal, currency)))
        for bucket in totals.taxes:
            rows.append(
                (
                    self.tr("Tax {rate}%").format(rate=format_number(bucket.rate)),
                    format_money(bucket.tax, currency),
                )
            )
        cells = "".join(
            f"<tr><td>{html.escape(k)}</td><td align='right'>&nbsp;&nbsp;{html.escape(v)}</td></tr>"
            for k, v in rows
        )
        self.totals_label.setText(f"<table align='right'>{cells}</table>")
        self.total_label.setText(
            self.tr("Total {amount}").format(amount=format_money(totals.total, currency))
        )
        if margin.margin_percent is None:
            self.margin_label.setText("")
        else:
            self.margin_label.setText(
                self.tr("Margin {margin}% (minimum {minimum}%)").format(
                    margin=format_number(margin.margin_percent),
                    minimum=format_number(self.min_margin),
                )
            )
        self.margin_label.setStyleSheet(ERROR_STYLE if margin.flagged else "")
        self.recalculated.emit()

    def amount_text(self, row: int) -> str:
        return str(self.model.index(row, AMOUNT).data())

    def price_text(self, row: int) -> str:
        return str(self.model.index(row, PRICE).data())
