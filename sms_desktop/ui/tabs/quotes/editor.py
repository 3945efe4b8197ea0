"""The quote editor: its header (customer, contact, deal, dates, currency, tax, print
language), notes and terms, around the lines editor orders use too
(``ui/documents/line_editor.py``: product look-up, price rules, live totals)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from PySide6.QtCore import QDate
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from sms_desktop.domain.enums import DocumentLanguage
from sms_desktop.domain.errors import DomainError
from sms_desktop.domain.money import CURRENCIES
from sms_desktop.services.quotes import (
    QuoteDetail,
    QuoteInput,
    margin_message,
)
from sms_desktop.services.registry import Services
from sms_desktop.ui.dialogs.messages import Unsaved, ask_unsaved
from sms_desktop.ui.documents.line_editor import LineEditor, LineTerms, TaxChoice
from sms_desktop.ui.edit import run_edit
from sms_desktop.ui.formatting import date_format, from_qdate, to_qdate
from sms_desktop.ui.i18n import tr_message
from sms_desktop.ui.widgets.customer_picker import CustomerPicker
from sms_desktop.ui.widgets.field_errors import FieldErrors


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
        self._min_margin = self._quotes.business_defaults().min_margin_percent
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
        self.tax = TaxChoice("quote", self)
        self.errors.add_row(right, "tax_mode", self.tr("Tax:"), self.tax)
        self.language_combo = QComboBox(self)
        self.language_combo.setObjectName("quoteLanguage")
        self.language_combo.addItem(self.tr("Chinese"), DocumentLanguage.ZH_CN)
        self.language_combo.addItem(self.tr("English"), DocumentLanguage.EN)
        self.language_combo.addItem(self.tr("Chinese and English"), DocumentLanguage.BILINGUAL)
        self.errors.add_row(right, "language", self.tr("Print in:"), self.language_combo)

        # ---- lines
        self.lines = LineEditor(
            services, self._line_terms, prefix="quote", min_margin=self._min_margin, parent=self
        )

        # ---- notes, terms, figures
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
        bottom.addLayout(self.lines.figures(), 2)
        self.errors.watch("lines", self.lines.table)

        from sms_desktop.ui.widgets.dialog_layout import ok_cancel_layout

        self.button_box = ok_cancel_layout(self, header, self.lines, self.errors.form_label, bottom)
        layout = self.layout()
        if isinstance(layout, QVBoxLayout):
            layout.setStretch(2, 1)
        self.resize(1100, 760)

        self._fill(initial, quote)
        self.issue_edit.dateChanged.connect(self._issue_changed)
        self.days_spin.valueChanged.connect(self._days_changed)
        self.valid_edit.dateChanged.connect(self._valid_changed)
        self.tax.changed.connect(self.lines.recalculate)
        self.currency_combo.currentIndexChanged.connect(lambda _i: self.lines.recalculate())
        self.language_combo.currentIndexChanged.connect(lambda _i: self.lines.relabel())
        self._unchanged = self.current_input()
        save = QAction(self.tr("Save"), self)
        save.setShortcut(QKeySequence(QKeySequence.StandardKey.Save))  # Ctrl+S saves, as OK
        save.triggered.connect(lambda _c=False: self.accept())
        self.addAction(save)

    # ------------------------------------------------------------------ filling

    def _fill(self, data: QuoteInput, quote: QuoteDetail | None) -> None:
        self.issue_edit.setDate(to_qdate(data.issue_date))
        self.valid_edit.setDate(to_qdate(data.valid_until))
        self.days_spin.setValue((data.valid_until - data.issue_date).days)
        self.currency_combo.setCurrentText(data.currency)
        self.tax.choose(data.tax_mode, data.rounding_policy)
        self._select(self.language_combo, data.language or DocumentLanguage.ZH_CN)
        self._select(self.owner_combo, data.owner_id)
        self.notes_edit.setPlainText(data.notes)
        self.terms_edit.setPlainText(data.terms)
        self.lines.load_products()
        self._load_customer(data.customer_id, data.contact_id, data.opportunity_id)
        self.lines.set_lines(data.lines)
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
            # A deal closed since (won or lost): still shown by its title.
            try:
                title = self._services.pipeline.get(opportunity_id).data.title
            except DomainError:
                title = f"#{opportunity_id}"
            self.opportunity_combo.addItem(title, opportunity_id)
        self._select(self.opportunity_combo, opportunity_id)
        self.lines.set_pricing(self._quotes.pricing(customer_id))

    def _deal_chosen(self) -> None:
        contact = self._deal_contacts.get(self.opportunity_combo.currentData())
        if contact is not None and self.contact_combo.currentData() is None:
            self._select(self.contact_combo, contact)

    def _customer_changed(self) -> None:
        customer_id = self.customer_edit.customer_id
        if customer_id is None or self.lines.pricing_customer() == customer_id:
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
        self.lines.reprice()

    # -------------------------------------------------------------------- dates

    def issue_date(self) -> date:
        return from_qdate(self.issue_edit.date())

    def _issue_changed(self, _value: QDate) -> None:
        self.valid_edit.blockSignals(True)
        self.valid_edit.setDate(
            to_qdate(self.issue_date() + timedelta(days=self.days_spin.value()))
        )
        self.valid_edit.blockSignals(False)
        self.lines.reprice()

    def _days_changed(self, days: int) -> None:
        self.valid_edit.blockSignals(True)
        self.valid_edit.setDate(to_qdate(self.issue_date() + timedelta(days=days)))
        self.valid_edit.blockSignals(False)

    def _valid_changed(self, value: QDate) -> None:
        self.days_spin.blockSignals(True)
        self.days_spin.setValue(max(0, (from_qdate(value) - self.issue_date()).days))
        self.days_spin.blockSignals(False)

    # -------------------------------------------------------------------- lines

    def _line_terms(self) -> LineTerms:
        return LineTerms(
            currency=self.currency_combo.currentText(),
            tax_mode=self.tax.tax_mode(),
            rounding=self.tax.rounding(),
            language=self._print_language(),
            price_date=self.issue_date(),
        )

    def _print_language(self) -> DocumentLanguage:
        return DocumentLanguage(self.language_combo.currentData())

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
            tax_mode=self.tax.tax_mode(),
            rounding_policy=self.tax.rounding(),
            language=self._print_language(),
            notes=self.notes_edit.toPlainText(),
            terms=self.terms_edit.toPlainText(),
            lines=self.lines.lines(),
        )

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
        margin = self.lines.margin
        if margin is not None and margin.flagged:
            reason = self.ask_margin_reason(
                tr_message(
                    margin_message(margin, self._min_margin, [ln.description for ln in data.lines])
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
