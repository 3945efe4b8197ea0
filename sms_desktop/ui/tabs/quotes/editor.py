"""The quote editor: header, lines with product look-up, live totals, notes and terms.

Prices come from the pricing engine (the price lists of the customer and its tier) when a
product is added or its quantity changes; typing a price or a discount marks the line as a
manual price. Every change recomputes the lines and totals with the same domain function the
service uses to store them, so the figures shown are the figures saved and printed.
"""

from __future__ import annotations

import html
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

from PySide6.QtCore import QDate, QModelIndex, QStringListModel, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sms_desktop.domain.enums import DocumentLanguage, QuoteLineKind, RoundingPolicy, TaxMode
from sms_desktop.domain.errors import DomainError
from sms_desktop.domain.money import CURRENCIES
from sms_desktop.domain.pricing import PriceResult, format_number
from sms_desktop.domain.print_language import product_name_in
from sms_desktop.domain.quotes import MarginCheck, QuoteTotals
from sms_desktop.services.products import ProductRow
from sms_desktop.services.quotes import (
    LineData,
    PricingContext,
    QuoteDetail,
    QuoteInput,
    evaluate,
    margin_message,
)
from sms_desktop.services.registry import Services
from sms_desktop.ui.dialogs.messages import Unsaved, ask_unsaved
from sms_desktop.ui.edit import run_edit
from sms_desktop.ui.formatting import date_format, format_money, from_qdate, to_qdate
from sms_desktop.ui.i18n import tr_message
from sms_desktop.ui.palette import ERROR_STYLE
from sms_desktop.ui.tabs.quotes.lines_model import (
    AMOUNT,
    DESCRIPTION,
    PRICE,
    QUANTITY,
    RULE,
    QuoteLinesModel,
)
from sms_desktop.ui.widgets.customer_picker import CustomerPicker
from sms_desktop.ui.widgets.field_errors import FieldErrors

LOW_STYLE = ERROR_STYLE


def product_label(product: ProductRow, language: str) -> str:
    return f"{product.sku}  {product.name(language)}"


class QuoteEditor(QDialog):
    """Create a quote (``quote`` None: ``initial`` holds the defaults) or edit a draft.

    After ``exec()`` returns Accepted, :attr:`saved` is the stored quote.
    """

    def __init__(
        self,
        services: Services,
        initial: QuoteInput,
        quote: QuoteDetail | None = None,
        *,
        customer_name: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("quoteEditor")
        self._services = services
        self._quotes = services.quotes
        self._quote = quote
        self.saved: QuoteDetail | None = None
        self.totals: QuoteTotals | None = None
        self.margin: MarginCheck | None = None
        self._min_margin = self._quotes.business_defaults().min_margin_percent
        self._pricing: PricingContext | None = None
        self._products: dict[int, ProductRow] = {}
        self._lookup: dict[str, int] = {}
        title = (
            self.tr("New Quote")
            if quote is None
            else self.tr("Quote {label}").format(label=quote.label)
        )
        self.setWindowTitle(title)
        self.errors = FieldErrors(self)

        # ---- header
        header = QGridLayout()
        left, right = QFormLayout(), QFormLayout()
        header.addLayout(left, 0, 0)
        header.addLayout(right, 0, 1)
        self.customer_edit = CustomerPicker(services, self)
        self.customer_edit.setObjectName("quoteCustomer")
        self.customer_edit.setPlaceholderText(self.tr("Type to search customers"))
        self.customer_edit.set_customer(initial.customer_id, customer_name)
        self.customer_edit.editingFinished.connect(self._customer_changed)
        self.errors.add_row(left, "customer_id", self.tr("Customer:"), self.customer_edit)
        self.contact_combo = QComboBox(self)
        self.contact_combo.setObjectName("quoteContact")
        self.errors.add_row(left, "contact_id", self.tr("Contact:"), self.contact_combo)
        self.opportunity_combo = QComboBox(self)
        self.opportunity_combo.setObjectName("quoteOpportunity")
        # A deal chosen for the quote brings its contact along (unless one is chosen).
        self._deal_contacts: dict[int, int | None] = {}
        self.opportunity_combo.activated.connect(lambda _i: self._deal_chosen())
        self.errors.add_row(left, "opportunity_id", self.tr("Opportunity:"), self.opportunity_combo)
        self.owner_combo = QComboBox(self)
        self.owner_combo.setObjectName("quoteOwner")
        self.owner_combo.addItem(self.tr("(nobody)"), None)
        for person in services.salespeople.list(active_only=True):
            self.owner_combo.addItem(person.name, person.id)
        self.errors.add_row(left, "owner_id", self.tr("Salesperson:"), self.owner_combo)

        self.issue_edit = QDateEdit(self)
        self.issue_edit.setObjectName("quoteIssueDate")
        self.issue_edit.setCalendarPopup(True)
        self.issue_edit.setDisplayFormat(date_format())
        self.errors.add_row(right, "issue_date", self.tr("Issue date:"), self.issue_edit)
        validity = QWidget(self)
        validity_row = QHBoxLayout(validity)
        validity_row.setContentsMargins(0, 0, 0, 0)
        self.days_spin = QSpinBox(self)
        self.days_spin.setObjectName("quoteValidityDays")
        self.days_spin.setRange(0, 3650)
        self.days_spin.setSuffix(self.tr(" days"))
        self.valid_edit = QDateEdit(self)
        self.valid_edit.setObjectName("quoteValidUntil")
        self.valid_edit.setCalendarPopup(True)
        self.valid_edit.setDisplayFormat(date_format())
        validity_row.addWidget(self.days_spin)
        validity_row.addWidget(QLabel("→", self))
        validity_row.addWidget(self.valid_edit, 1)
        self.errors.add_row(right, "valid_until", self.tr("Valid for:"), validity)
        self.currency_combo = QComboBox(self)
        self.currency_combo.setObjectName("quoteCurrency")
        self.currency_combo.addItems(list(CURRENCIES))
        self.errors.add_row(right, "currency", self.tr("Currency:"), self.currency_combo)
        self.tax_mode_combo = QComboBox(self)
        self.tax_mode_combo.setObjectName("quoteTaxMode")
        self.tax_mode_combo.addItem(self.tr("Prices exclude tax"), TaxMode.EXCLUSIVE)
        self.tax_mode_combo.addItem(self.tr("Prices include tax"), TaxMode.INCLUSIVE)
        self.rounding_combo = QComboBox(self)
        self.rounding_combo.setObjectName("quoteRounding")
        self.rounding_combo.addItem(self.tr("Tax rounded per line"), RoundingPolicy.PER_LINE)
        self.rounding_combo.addItem(
            self.tr("Tax rounded per document"), RoundingPolicy.PER_DOCUMENT
        )
        tax_row = QWidget(self)
        tax_layout = QHBoxLayout(tax_row)
        tax_layout.setContentsMargins(0, 0, 0, 0)
        tax_layout.addWidget(self.tax_mode_combo)
        tax_layout.addWidget(self.rounding_combo)
        self.errors.add_row(right, "tax_mode", self.tr("Tax:"), tax_row)
        self.language_combo = QComboBox(self)
        self.language_combo.setObjectName("quoteLanguage")
        self.language_combo.addItem(self.tr("Chinese"), DocumentLanguage.ZH_CN)
        self.language_combo.addItem(self.tr("English"), DocumentLanguage.EN)
        self.language_combo.addItem(self.tr("Chinese and English"), DocumentLanguage.BILINGUAL)
        self.errors.add_row(right, "language", self.tr("Print in:"), self.language_combo)

        # ---- lines
        self.model = QuoteLinesModel(self)
        self.model.pricer = self._price
        self.table = QTableView(self)
        self.table.setObjectName("quoteLines")
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
        self.product_edit.setObjectName("quoteProductLookup")
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
        self.line_button.setObjectName("quoteAddLine")
        self.line_button.clicked.connect(self.add_free_line)
        self.section_button = QPushButton(self.tr("Section Heading"), self)
        self.section_button.setObjectName("quoteAddSection")
        self.section_button.clicked.connect(self.add_section)
        self.up_button = QPushButton(self.tr("Up"), self)
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button = QPushButton(self.tr("Down"), self)
        self.down_button.clicked.connect(lambda: self._move(1))
        self.reset_button = QPushButton(self.tr("Rule Price"), self)
        self.reset_button.setObjectName("quoteRulePrice")
        self.reset_button.setToolTip(self.tr("Set the price from the price rules again"))
        self.reset_button.clicked.connect(self.reset_price)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.remove_button.setObjectName("quoteRemoveLine")
        self.remove_button.clicked.connect(self.remove_current)
        for button in (
            self.line_button,
            self.section_button,
            self.up_button,
            self.down_button,
            self.reset_button,
            self.remove_button,
        ):
            buttons.addWidget(button)

        # ---- totals, notes, terms
        self.totals_label = QLabel(self)
        self.totals_label.setObjectName("quoteTotals")
        self.totals_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.totals_label.setTextFormat(Qt.TextFormat.RichText)
        self.total_label = QLabel(self)
        self.total_label.setObjectName("quoteTotal")
        font = self.total_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.total_label.setFont(font)
        self.total_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.margin_label = QLabel(self)
        self.margin_label.setObjectName("quoteMargin")
        self.margin_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.margin_label.setWordWrap(True)
        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setObjectName("quoteNotes")
        self.notes_edit.setPlaceholderText(self.tr("Notes printed on the quote"))
        self.terms_edit = QPlainTextEdit(self)
        self.terms_edit.setObjectName("quoteTerms")
        self.terms_edit.setPlaceholderText(self.tr("Terms: validity, payment, delivery…"))
        for edit in (self.notes_edit, self.terms_edit):
            edit.setFixedHeight(80)
        texts = QFormLayout()
        self.errors.add_row(texts, "notes", self.tr("Notes:"), self.notes_edit)
        self.errors.add_row(texts, "terms", self.tr("Terms:"), self.terms_edit)
        bottom = QHBoxLayout()
        bottom.addLayout(texts, 3)
        figures = QVBoxLayout()
        figures.addWidget(self.totals_label)
        figures.addWidget(self.total_label)
        figures.addWidget(self.margin_label)
        figures.addStretch(1)
        bottom.addLayout(figures, 2)
        self.errors.watch("lines", self.table)

        from sms_desktop.ui.widgets.dialog_layout import ok_cancel_layout

        self.button_box = ok_cancel_layout(
            self, header, buttons, self.table, self.errors.form_label, bottom
        )
        layout = self.layout()
        if isinstance(layout, QVBoxLayout):
            layout.setStretch(2, 1)
        self.resize(1100, 760)

        self._fill(initial, quote)
        self.issue_edit.dateChanged.connect(self._issue_changed)
        self.days_spin.valueChanged.connect(self._days_changed)
        self.valid_edit.dateChanged.connect(self._valid_changed)
        self.tax_mode_combo.currentIndexChanged.connect(lambda _i: self.recalculate())
        self.rounding_combo.currentIndexChanged.connect(lambda _i: self.recalculate())
        self.currency_combo.currentIndexChanged.connect(lambda _i: self.recalculate())
        self.language_combo.currentIndexChanged.connect(
            lambda _i: self.model.relabel(self._print_language())
        )
        self._unchanged = self.current_input()
        save = QAction(self.tr("Save"), self)
        save.setShortcut(QKeySequence(QKeySequence.StandardKey.Save))  # Ctrl+S saves, as OK
        save.triggered.connect(lambda _c=False: self.accept())
        self.addAction(save)

    # ------------------------------------------------------------------ filling

    def _fill(self, data: QuoteInput, quote: QuoteDetail | None) -> None:
        self._products = {p.id: p for p in self._services.products.active_products()}
        self._lookup = {
            product_label(p, self._lines_language()): p.id for p in self._products.values()
        }
        self._product_model.setStringList(sorted(self._lookup))
        self.issue_edit.setDate(to_qdate(data.issue_date))
        self.valid_edit.setDate(to_qdate(data.valid_until))
        self.days_spin.setValue((data.valid_until - data.issue_date).days)
        self.currency_combo.setCurrentText(data.currency)
        self._select(self.tax_mode_combo, data.tax_mode)
        self._select(self.rounding_combo, data.rounding_policy)
        self._select(self.language_combo, data.language or DocumentLanguage.ZH_CN)
        self._select(self.owner_combo, data.owner_id)
        self.notes_edit.setPlainText(data.notes)
        self.terms_edit.setPlainText(data.terms)
        self._load_customer(data.customer_id, data.contact_id, data.opportunity_id)
        self.model.set_lines(data.lines)
        self.recalculate()
        del quote

    @staticmethod
    def _select(combo: QComboBox, value: object) -> None:
        index = combo.findData(value)
        if index >= 0:
            combo.setCurrentIndex(index)

    def _load_customer(
        self, customer_id: int | None, contact_id: int | None, opportunity_id: int | None
    ) -> None:
        self.contact_combo.clear()
        self.contact_combo.addItem(self.tr("(none)"), None)
        self.opportunity_combo.clear()
        self.opportunity_combo.addItem(self.tr("(none)"), None)
        if customer_id is not None:
            for contact in self._quotes.contacts_of(customer_id):
                self.contact_combo.addItem(contact.label, contact.id)
            self._deal_contacts = {}
            for deal in self._quotes.opportunities_of(customer_id):
                self.opportunity_combo.addItem(deal.label, deal.id)
                self._deal_contacts[deal.id] = deal.contact_id
        self._select(self.contact_combo, contact_id)
        if opportunity_id is not None and self.opportunity_combo.findData(opportunity_id) < 0:
            self.opportunity_combo.addItem(f"#{opportunity_id}", opportunity_id)
        self._select(self.opportunity_combo, opportunity_id)
        self._pricing = self._quotes.pricing(customer_id)

    def _deal_chosen(self) -> None:
        contact = self._deal_contacts.get(self.opportunity_combo.currentData())
        if contact is not None and self.contact_combo.currentData() is None:
            self._select(self.contact_combo, contact)

    def _customer_changed(self) -> None:
        customer_id = self.customer_edit.customer_id
        if customer_id is None or (
            self._pricing is not None and self._pricing.customer_id == customer_id
        ):
            return
        self._load_customer(customer_id, None, None)
        try:
            choice = self._quotes.customer_choice(customer_id)
        except DomainError:
            choice = None
        if choice is not None and choice.quote_language is not None:
            self._select(self.language_combo, choice.quote_language)
        if choice is not None and self.owner_combo.currentData() is None:
            self._select(self.owner_combo, choice.owner_id)  # the customer's salesperson
        self.model.reprice(self.issue_date())

    # -------------------------------------------------------------------- dates

    def issue_date(self) -> date:
        return from_qdate(self.issue_edit.date())

    def _issue_changed(self, _value: QDate) -> None:
        self.valid_edit.blockSignals(True)
        self.valid_edit.setDate(
            to_qdate(self.issue_date() + timedelta(days=self.days_spin.value()))
        )
        self.valid_edit.blockSignals(False)
        self.model.reprice(self.issue_date())

    def _days_changed(self, days: int) -> None:
        self.valid_edit.blockSignals(True)
        self.valid_edit.setDate(to_qdate(self.issue_date() + timedelta(days=days)))
        self.valid_edit.blockSignals(False)

    def _valid_changed(self, value: QDate) -> None:
        self.days_spin.blockSignals(True)
        self.days_spin.setValue(max(0, (from_qdate(value) - self.issue_date()).days))
        self.days_spin.blockSignals(False)

    # -------------------------------------------------------------------- lines

    def _price(self, product_id: int, quantity: Decimal) -> PriceResult | None:
        if self._pricing is None:
            return None
        return self._pricing.price(product_id, quantity, self.issue_date())

    def _lines_language(self) -> str:
        value = self.language_combo.currentData()
        return "en" if value == DocumentLanguage.EN else "zh_CN"

    def _print_language(self) -> DocumentLanguage:
        return DocumentLanguage(self.language_combo.currentData())

    def _description(self, product: ProductRow) -> str:
        return product_name_in(product.name_zh, product.name_en, self._print_language())

    def _insert_row(self) -> int:
        current = self.table.currentIndex()
        return current.row() + 1 if current.isValid() else len(self.model.lines)

    def add_product(self, product_id: int, quantity: Decimal = Decimal(1)) -> int | None:
        product = self._products.get(product_id)
        if product is None:
            return None
        line = LineData(
            product_id=product.id,
            description=self._description(product),
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
        tax = self._quotes.business_defaults().tax_rate
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
        self.model.reprice(self.issue_date())
        self.model.dataChanged.emit(self.model.index(row, 0), self.model.index(row, RULE))
        self.recalculate()

    def _update_spans(self) -> None:
        self.table.clearSpans()
        for row, line in enumerate(self.model.lines):
            if line.kind is QuoteLineKind.SECTION:
                self.table.setSpan(row, DESCRIPTION, 1, self.model.columnCount())

    # ------------------------------------------------------------------- totals

    def current_input(self) -> QuoteInput:
        customer_id = self.customer_edit.customer_id
        return QuoteInput(
            customer_id=customer_id if customer_id is not None else 0,
            issue_date=self.issue_date(),
            valid_until=from_qdate(self.valid_edit.date()),
            contact_id=self.contact_combo.currentData(),
            opportunity_id=self.opportunity_combo.currentData(),
            owner_id=self.owner_combo.currentData(),
            currency=self.currency_combo.currentText(),
            tax_mode=TaxMode(self.tax_mode_combo.currentData()),
            rounding_policy=RoundingPolicy(self.rounding_combo.currentData()),
            language=self._print_language(),
            notes=self.notes_edit.toPlainText(),
            terms=self.terms_edit.toPlainText(),
            lines=tuple(self.model.lines),
        )

    def recalculate(self) -> None:
        """Recompute every line and the totals (the domain's arithmetic) and show them."""
        data = self.current_input()
        totals, margin = evaluate(data, self._min_margin)
        self.totals, self.margin = totals, margin
        self.model.tax_mode = data.tax_mode
        self.model.set_results(totals.lines, margin.low_lines)
        currency = data.currency
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
                    minimum=format_number(self._min_margin),
                )
            )
        self.margin_label.setStyleSheet(LOW_STYLE if margin.flagged else "")

    def amount_text(self, row: int) -> str:
        return str(self.model.index(row, AMOUNT).data())

    def price_text(self, row: int) -> str:
        return str(self.model.index(row, PRICE).data())

    # --------------------------------------------------------------------- save

    def ask_margin_reason(self, message: str) -> str | None:
        """Ask why the quote may go out under the minimum margin (None: cancelled)."""
        text, ok = QInputDialog.getText(
            self, self.tr("Low Margin"), message + "\n\n" + self.tr("Reason:")
        )
        return text.strip() if ok and text.strip() else None

    def accept(self) -> None:
        data = self.current_input()
        self.errors.clear()
        if self.margin is not None and self.margin.flagged:
            reason = self.ask_margin_reason(
                tr_message(
                    margin_message(
                        self.margin, self._min_margin, [ln.description for ln in self.model.lines]
                    )
                )
            )
            if reason is None:
                return
            data = replace(data, margin_reason=reason)
        quote_id = self._quote.id if self._quote is not None else None
        saved = run_edit(self, lambda: self._quotes.save(quote_id, data), errors=self.errors)
        if saved is not None:
            self.saved = saved
            super().accept()

    def reject(self) -> None:
        """Esc, Cancel or the window's close button: a quote with changes is not thrown away
        without asking (Save / Discard / Cancel)."""
        if self.saved is None and self.current_input() != self._unchanged:
            answer = ask_unsaved(self, self.tr("Save the changes to this quote?"))
            if answer is Unsaved.CANCEL:
                return
            if answer is Unsaved.SAVE:
                self.accept()
                return
        super().reject()

    def current_row(self) -> int | None:
        index: QModelIndex = self.table.currentIndex()
        return index.row() if index.isValid() else None
