"""Settings: company profile and logo, business defaults, and the interface language."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QPixmap, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QWidget,
)

from sms_desktop.domain.clock import clock
from sms_desktop.domain.enums import DocumentLanguage
from sms_desktop.domain.errors import DomainError, ValidationError
from sms_desktop.domain.money import CURRENCIES
from sms_desktop.domain.numbering import PatternError
from sms_desktop.services.registry import Services
from sms_desktop.services.settings import (
    BusinessDefaults,
    CompanyProfile,
    SettingsChange,
    SettingsService,
)
from sms_desktop.ui.dialogs.messages import show_error
from sms_desktop.ui.dialogs.pipeline_settings import PipelineSettingsPage
from sms_desktop.ui.dialogs.settings_money import MoneySettingsPage
from sms_desktop.ui.i18n import tr_message, translate
from sms_desktop.ui.palette import ERROR_STYLE
from sms_desktop.ui.settings_store import Preferences
from sms_desktop.ui.undo import DoneCommand, Refresh
from sms_desktop.ui.widgets.dialog_layout import ok_cancel_layout
from sms_desktop.ui.widgets.field_errors import FieldErrors
from sms_desktop.ui.widgets.file_dialogs import ask_open_path

if TYPE_CHECKING:
    from sms_desktop.services.numbering import DocumentKind

_COMPANY_FIELDS = (
    "name",
    "name_en",
    "address",
    "address_en",
    "tax_id",
    "phone",
    "email",
    "website",
    "bank",
)
_PROBLEM_STYLE = ERROR_STYLE  # as FieldErrors shows a problem


class SettingsDialog(QDialog):
    """Edits the database's settings and the user's preferences; saves on OK, all in one
    transaction: ``saved`` is then the settings before and ``change`` those saved (an undo
    of the edit puts ``saved`` back)."""

    def __init__(
        self,
        services: Services,
        prefs: Preferences,
        parent: QWidget | None = None,
        *,
        undo: QUndoStack | None = None,
        refresh: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self._services = services
        self.preferences = prefs
        self._logo: bytes | None = services.settings.logo()
        self.saved: SettingsChange | None = None
        self.change: SettingsChange | None = None
        self.errors = FieldErrors(self)

        self.pages = QTabWidget(self)
        self.pages.addTab(self._build_company_page(services.settings.company()), self.tr("Company"))
        self.pages.addTab(
            self._build_defaults_page(services.settings.defaults()), self.tr("Defaults")
        )
        self.pages.addTab(
            PipelineSettingsPage(services, self, undo=undo, refresh=refresh), self.tr("Pipeline")
        )

        self.money_page = MoneySettingsPage(services, self.errors, self, undo=undo)
        self.pages.addTab(self.money_page, self.tr("Money"))
        self.pages.addTab(self._build_interface_page(prefs), self.tr("Interface"))

        ok_cancel_layout(self, self.pages, self.errors.form_label)
        self.resize(640, 560)

    # ------------------------------------------------------------------ pages

    def _build_company_page(self, company: CompanyProfile) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        labels = {
            "name": self.tr("Company name:"),
            "name_en": self.tr("English name:"),
            "address": self.tr("Address:"),
            "address_en": self.tr("English address:"),
            "tax_id": self.tr("Tax ID (统一社会信用代码):"),
            "phone": self.tr("Phone:"),
            "email": self.tr("Email:"),
            "website": self.tr("Website:"),
            "bank": self.tr("Bank and account:"),
        }
        self.company_edits: dict[str, QLineEdit] = {}
        for key in _COMPANY_FIELDS:
            edit = QLineEdit(getattr(company, key), page)
            edit.setObjectName(f"company_{key}")
            self.company_edits[key] = edit
            self.errors.add_row(form, key, labels[key], edit)

        self.logo_preview = QLabel(page)
        self.logo_preview.setObjectName("logoPreview")
        self.logo_preview.setFixedSize(160, 80)
        self.logo_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo_preview.setStyleSheet("border: 1px solid palette(mid);")
        choose = QPushButton(self.tr("Choose…"), page)
        choose.clicked.connect(self._on_choose_logo)
        remove = QPushButton(self.tr("Remove"), page)
        remove.clicked.connect(self._on_remove_logo)
        self.remove_logo_button = remove
        row = QHBoxLayout()
        row.addWidget(self.logo_preview)
        row.addWidget(choose)
        row.addWidget(remove)
        row.addStretch(1)
        holder = QWidget(page)
        holder.setLayout(row)
        self.errors.add_row(form, "logo", self.tr("Logo:"), holder)
        self._show_logo()
        return page

    def _build_defaults_page(self, defaults: BusinessDefaults) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        self.currency_combo = QComboBox(page)
        self.currency_combo.addItems(list(CURRENCIES))
        self.currency_combo.setCurrentText(defaults.currency)
        self.errors.add_row(form, "currency", self.tr("Default currency:"), self.currency_combo)

        self.tax_spin = QDoubleSpinBox(page)
        self.tax_spin.setObjectName("defaultTaxRate")
        self.tax_spin.setRange(0, 99.99)
        self.tax_spin.setDecimals(2)
        self.tax_spin.setSuffix(" %")
        self.tax_spin.setValue(float(defaults.tax_rate))
        self.errors.add_row(form, "tax_rate", self.tr("Default tax rate:"), self.tax_spin)

        self.validity_spin = QSpinBox(page)
        self.validity_spin.setRange(1, 365)
        self.validity_spin.setSuffix(self.tr(" days"))
        self.validity_spin.setValue(defaults.quote_validity_days)
        self.errors.add_row(
            form, "quote_validity_days", self.tr("Quotes valid for:"), self.validity_spin
        )

        self.margin_spin = QDoubleSpinBox(page)
        self.margin_spin.setRange(0, 99.99)
        self.margin_spin.setDecimals(2)
        self.margin_spin.setSuffix(" %")
        self.margin_spin.setValue(float(defaults.min_margin_percent))
        self.errors.add_row(
            form, "min_margin_percent", self.tr("Minimum margin:"), self.margin_spin
        )

        pattern_hint = self.tr(
            "Text and the fields {year}, {yy}, {month} and {seq}; {seq:4} gives 0001."
        )
        self.quote_pattern_edit = QLineEdit(defaults.quote_number_pattern, page)
        self.quote_pattern_edit.setObjectName("quoteNumberPattern")
        self.quote_pattern_edit.setToolTip(pattern_hint)
        self.errors.add_row(
            form, "quote_number_pattern", self.tr("Quote numbers:"), self.quote_pattern_edit
        )
        self.quote_number_preview = QLabel(page)
        self.quote_number_preview.setObjectName("quoteNumberPreview")
        self.quote_number_preview.setWordWrap(True)
        form.addRow("", self.quote_number_preview)
        self.order_pattern_edit = QLineEdit(defaults.order_number_pattern, page)
        self.order_pattern_edit.setObjectName("orderNumberPattern")
        self.order_pattern_edit.setToolTip(pattern_hint)
        self.errors.add_row(
            form, "order_number_pattern", self.tr("Order numbers:"), self.order_pattern_edit
        )
        self.order_number_preview = QLabel(page)
        self.order_number_preview.setObjectName("orderNumberPreview")
        self.order_number_preview.setWordWrap(True)
        form.addRow("", self.order_number_preview)
        self.quote_pattern_edit.textChanged.connect(self._on_quote_pattern_changed)
        self.order_pattern_edit.textChanged.connect(self._on_order_pattern_changed)
        self._on_quote_pattern_changed()
        self._on_order_pattern_changed()

        self.quote_language_combo = QComboBox(page)
        for value, text in (
            (DocumentLanguage.ZH_CN, self.tr("Chinese")),
            (DocumentLanguage.EN, self.tr("English")),
            (DocumentLanguage.BILINGUAL, self.tr("Bilingual (中文 + English)")),
        ):
            self.quote_language_combo.addItem(text, value)
        self.quote_language_combo.setCurrentIndex(
            max(0, self.quote_language_combo.findData(defaults.quote_language))
        )
        self.errors.add_row(
            form, "quote_language", self.tr("Quote language:"), self.quote_language_combo
        )

        self.terms_edit = QPlainTextEdit(defaults.quote_terms, page)
        self.terms_edit.setTabChangesFocus(True)  # Tab moves on, as in a form
        self.terms_edit.setFixedHeight(70)
        self.errors.add_row(form, "quote_terms", self.tr("Quote terms:"), self.terms_edit)
        self.notes_edit = QPlainTextEdit(defaults.quote_notes, page)
        self.notes_edit.setTabChangesFocus(True)  # Tab moves on, as in a form
        self.notes_edit.setFixedHeight(70)
        self.errors.add_row(form, "quote_notes", self.tr("Quote notes:"), self.notes_edit)
        self._defaults = defaults
        return page

    def _build_interface_page(self, prefs: Preferences) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        self.language_combo = QComboBox(page)
        self.language_combo.setObjectName("languageCombo")
        self.language_combo.addItem(self.tr("Follow the system"), "")
        self.language_combo.addItem("中文（简体）", "zh_CN")
        self.language_combo.addItem("English", "en")
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(prefs.language)))
        form.addRow(self.tr("Language:"), self.language_combo)
        self.today_summary_check = QCheckBox(self.tr("Show today's tasks at start"), page)
        self.today_summary_check.setObjectName("todaySummaryCheck")
        self.today_summary_check.setChecked(prefs.show_today_summary)
        form.addRow("", self.today_summary_check)
        return page

    # ---------------------------------------------------------------- numbering

    def _on_quote_pattern_changed(self) -> None:
        self._show_next_number("quote", self.quote_pattern_edit, self.quote_number_preview)

    def _on_order_pattern_changed(self) -> None:
        self._show_next_number("order", self.order_pattern_edit, self.order_number_preview)

    def _show_next_number(self, kind: DocumentKind, edit: QLineEdit, label: QLabel) -> None:
        """The number the next document would get, or what is wrong with the pattern."""
        try:
            number = self._services.quotes.next_number(kind, edit.text().strip(), clock().today())
        except PatternError as exc:
            label.setText(tr_message(exc.message))
            label.setStyleSheet(_PROBLEM_STYLE)
            return
        label.setText(self.tr("Next number: {number}").format(number=number))
        label.setStyleSheet("")

    # ------------------------------------------------------------------- logo

    def _show_logo(self) -> None:
        self.remove_logo_button.setEnabled(bool(self._logo))
        if not self._logo:
            self.logo_preview.clear()
            self.logo_preview.setText(self.tr("No logo"))
            return
        pixmap = QPixmap()
        pixmap.loadFromData(QByteArray(self._logo))
        self.logo_preview.setPixmap(
            pixmap.scaled(
                self.logo_preview.size(),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )

    def _on_choose_logo(self) -> None:
        path = ask_open_path(
            self, self.tr("Choose Logo"), None, self.tr("Images (*.png *.jpg *.jpeg)")
        )
        if path is None:
            return
        try:
            self._logo = path.read_bytes()
        except OSError as exc:
            show_error(self, exc)
            return
        self._show_logo()

    def _on_remove_logo(self) -> None:
        self._logo = None
        self._show_logo()

    # ------------------------------------------------------------------ saving

    def company_profile(self) -> CompanyProfile:
        return CompanyProfile(**{k: e.text() for k, e in self.company_edits.items()})

    def business_defaults(self) -> BusinessDefaults:
        return replace(
            self._defaults,
            currency=self.currency_combo.currentText(),
            tax_rate=Decimal(f"{self.tax_spin.value():.2f}"),
            quote_validity_days=self.validity_spin.value(),
            min_margin_percent=Decimal(f"{self.margin_spin.value():.2f}"),
            quote_number_pattern=self.quote_pattern_edit.text().strip(),
            order_number_pattern=self.order_pattern_edit.text().strip(),
            quote_language=DocumentLanguage(self.quote_language_combo.currentData()),
            quote_terms=self.terms_edit.toPlainText().strip(),
            quote_notes=self.notes_edit.toPlainText().strip(),
        )

    def accept(self) -> None:
        change = SettingsChange(
            self.company_profile(),
            self.business_defaults(),
            self._logo,
            self.money_page.account_codes(),
        )
        try:
            self.saved = self._services.settings.save_all(change)
        except ValidationError as exc:
            field = self.errors.show(exc)
            if field is not None:  # bring its page to the front, then the focus shows
                self.pages.setCurrentWidget(_page_of(self.pages, field))
                field.setFocus()
            return
        except DomainError as exc:
            show_error(self, exc)
            return
        self.change = change
        self.preferences = replace(
            self.preferences,
            language=str(self.language_combo.currentData()),
            show_today_summary=self.today_summary_check.isChecked(),
        )
        super().accept()


def _page_of(pages: QTabWidget, widget: QWidget) -> QWidget:
    for index in range(pages.count()):
        page = pages.widget(index)
        if page is not None and page.isAncestorOf(widget):
            return page
    return widget


class ChangeSettings(DoneCommand):
    """Undo of a Settings save puts every setting of the dialog back (one transaction)."""

    def __init__(
        self,
        settings: SettingsService,
        before: SettingsChange,
        after: SettingsChange,
        refresh: Refresh,
    ) -> None:
        super().__init__(translate("SettingsDialog", "Change settings"), refresh)
        self._settings, self._before, self._after = settings, before, after

    def do(self) -> None:
        self._settings.save_all(self._after)

    def undo_it(self) -> None:
        self._settings.save_all(self._before)
