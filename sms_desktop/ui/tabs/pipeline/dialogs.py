"""Pipeline dialogs: why a deal was lost, and the opportunity editor."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from sms_desktop.domain.errors import DomainError, ValidationError
from sms_desktop.domain.i18n import translate
from sms_desktop.domain.money import CURRENCIES, parse_money
from sms_desktop.services.pipeline import OpportunityInput
from sms_desktop.services.registry import Services
from sms_desktop.services.stages import LostReasonRow, StageRow
from sms_desktop.ui.edit import run_edit
from sms_desktop.ui.formatting import date_format, format_decimal
from sms_desktop.ui.i18n import current_language
from sms_desktop.ui.palette import ERROR_STYLE
from sms_desktop.ui.widgets.customer_picker import CustomerPicker
from sms_desktop.ui.widgets.dialog_layout import ok_cancel_layout
from sms_desktop.ui.widgets.field_errors import FieldErrors


class LostReasonDialog(QDialog):
    """Asked when a deal is dropped on Lost: a reason from the list and/or a note."""

    def __init__(
        self, title: str, reasons: list[LostReasonRow], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("lostReasonDialog")
        self.setWindowTitle(self.tr("Deal Lost"))
        intro = QLabel(self.tr("Why was “{title}” lost?").format(title=title), self)
        intro.setWordWrap(True)
        self.reason_combo = QComboBox(self)
        self.reason_combo.setObjectName("lostReasonCombo")
        self.reason_combo.addItem(self.tr("(choose a reason)"), None)
        for reason in reasons:
            self.reason_combo.addItem(reason.name(current_language()), reason.id)
        self.note_edit = QPlainTextEdit(self)
        self.note_edit.setTabChangesFocus(True)  # Tab moves on, as in a form
        self.note_edit.setObjectName("lostNoteEdit")
        self.note_edit.setPlaceholderText(self.tr("Details (optional if a reason is chosen)"))
        self.note_edit.setFixedHeight(80)
        self.error = QLabel(self)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        ok_cancel_layout(self, intro, self.reason_combo, self.note_edit, self.error)
        self.setMinimumWidth(420)

    @property
    def reason_id(self) -> int | None:
        value = self.reason_combo.currentData()
        return value if isinstance(value, int) else None

    @property
    def note(self) -> str:
        return self.note_edit.toPlainText().strip()

    def accept(self) -> None:
        if self.reason_id is None and not self.note:
            self.error.setText(self.tr("Choose a reason or write what happened."))
            self.error.show()
            return
        super().accept()


class OpportunityDialog(QDialog):
    """Create or edit a deal; validation messages appear beside their fields."""

    def __init__(
        self,
        services: Services,
        stages: list[StageRow],
        data: OpportunityInput | None = None,
        customer_name: str = "",
        stage: StageRow | None = None,
        parent: QWidget | None = None,
        *,
        committed: bool | None = None,  # the forecast's commit flag (editing only)
    ) -> None:
        super().__init__(parent)
        self.setObjectName("opportunityDialog")
        self._services = services
        self.setWindowTitle(self.tr("Opportunity") if data else self.tr("New Opportunity"))
        self.errors = FieldErrors(self)
        form = QFormLayout()
        self.customer_edit = CustomerPicker(services, self)
        self.customer_edit.setObjectName("opportunityCustomer")
        self.customer_edit.setPlaceholderText(self.tr("Type to search customers"))
        self.customer_edit.editingFinished.connect(self._fill_contacts)
        self.errors.add_row(form, "customer_id", self.tr("Customer:"), self.customer_edit)
        self.contact_combo = QComboBox(self)
        self.errors.add_row(form, "contact_id", self.tr("Contact:"), self.contact_combo)
        self.title_edit = QLineEdit(self)
        self.title_edit.setObjectName("opportunityTitle")
        self.title_edit.setPlaceholderText(self.tr("e.g. 2027 annual purchase"))
        self.errors.add_row(form, "title", self.tr("Title:"), self.title_edit)
        amount_row = QWidget(self)
        amount_layout = QHBoxLayout(amount_row)
        amount_layout.setContentsMargins(0, 0, 0, 0)
        self.amount_edit = QLineEdit(self)
        self.amount_edit.setObjectName("opportunityAmount")
        self.amount_edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.currency_combo = QComboBox(self)
        self.currency_combo.addItems(list(CURRENCIES))
        amount_layout.addWidget(self.amount_edit, 1)
        amount_layout.addWidget(self.currency_combo)
        self.errors.add_row(form, "amount", self.tr("Amount:"), amount_row)
        self.stage_combo = QComboBox(self)
        self.stage_combo.setObjectName("opportunityStage")
        for row in stages:
            self.stage_combo.addItem(row.name(current_language()), row.id)
        self.stage_combo.currentIndexChanged.connect(self._update_probability_hint)
        self._stages = {s.id: s for s in stages}
        self.errors.add_row(form, "stage_id", self.tr("Stage:"), self.stage_combo)
        self.probability_spin = QSpinBox(self)
        self.probability_spin.setObjectName("opportunityProbability")
        self.probability_spin.setRange(-1, 100)
        self.probability_spin.setSuffix(" %")
        self.probability_spin.setValue(-1)  # -1 shows "stage default (…%)"
        self.errors.add_row(
            form, "probability_override", self.tr("Probability:"), self.probability_spin
        )
        self.commit_check = QCheckBox(self.tr("Commit: counts as commit in the forecast"), self)
        self.commit_check.setObjectName("opportunityCommit")
        self.commit_check.setChecked(bool(committed))
        if committed is not None:
            form.addRow("", self.commit_check)
        else:
            self.commit_check.hide()
        close_row = QWidget(self)
        close_layout = QHBoxLayout(close_row)
        close_layout.setContentsMargins(0, 0, 0, 0)
        self.close_edit = QDateEdit(self)
        self.close_edit.setObjectName("opportunityClose")
        self.close_edit.setCalendarPopup(True)
        self.close_edit.setDisplayFormat(date_format())
        self.close_edit.setDate(QDate.currentDate().addMonths(1))
        self.close_unknown = QCheckBox(self.tr("not known yet"), self)
        self.close_unknown.toggled.connect(lambda on: self.close_edit.setEnabled(not on))
        close_layout.addWidget(self.close_edit, 1)
        close_layout.addWidget(self.close_unknown)
        self.errors.add_row(form, "expected_close", self.tr("Expected close:"), close_row)
        self.owner_combo = QComboBox(self)
        self.owner_combo.addItem(self.tr("(nobody)"), None)
        for owner in services.salespeople.list(active_only=True):
            self.owner_combo.addItem(owner.name, owner.id)
        self.errors.add_row(form, "owner_id", self.tr("Owner:"), self.owner_combo)
        self.source_edit = QLineEdit(self)
        self.errors.add_row(form, "source", self.tr("Source:"), self.source_edit)
        self.competitors_edit = QLineEdit(self)
        self.errors.add_row(form, "competitors", self.tr("Competitors:"), self.competitors_edit)
        self.next_step_edit = QLineEdit(self)
        self.errors.add_row(form, "next_step", self.tr("Next step:"), self.next_step_edit)
        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setTabChangesFocus(True)  # Tab moves on, as in a form
        self.notes_edit.setFixedHeight(70)
        self.errors.add_row(form, "notes", self.tr("Notes:"), self.notes_edit)
        ok_cancel_layout(self, form, self.errors.form_label)
        self.setMinimumWidth(480)
        self._editing = data is not None
        if data is not None:
            self._load(data, customer_name)
            self.stage_combo.setEnabled(False)  # moves go through the board
            self.stage_combo.setToolTip(self.tr("Drag the card on the board to change the stage"))
        else:  # a new deal is the user's own to begin with
            me = services.salespeople.me()
            self.owner_combo.setCurrentIndex(max(0, self.owner_combo.findData(me)))
        if stage is not None:
            self.stage_combo.setCurrentIndex(max(0, self.stage_combo.findData(stage.id)))
        self._update_probability_hint()

    def _update_probability_hint(self) -> None:
        stage = self._stages.get(self.stage_combo.currentData())
        default = stage.default_probability if stage else 0
        self.probability_spin.setSpecialValueText(
            self.tr("stage default ({probability}%)").format(probability=default)
        )

    def _fill_contacts(self) -> None:
        current = self.contact_combo.currentData()
        self.contact_combo.clear()
        self.contact_combo.addItem(self.tr("(none)"), None)
        customer_id = self.customer_edit.customer_id
        if customer_id is None:
            return
        try:
            detail = self._services.customers.get(customer_id)
        except DomainError:
            return
        for contact in detail.contacts:
            self.contact_combo.addItem(contact.name, contact.id)
        self.contact_combo.setCurrentIndex(max(0, self.contact_combo.findData(current)))

    def _load(self, data: OpportunityInput, customer_name: str) -> None:
        self.customer_edit.set_customer(data.customer_id, customer_name)
        self._fill_contacts()
        self.contact_combo.setCurrentIndex(max(0, self.contact_combo.findData(data.contact_id)))
        self.title_edit.setText(data.title)
        self.amount_edit.setText(format_decimal(data.amount, 2).replace(",", ""))
        self.currency_combo.setCurrentText(data.currency)
        if data.stage_id is not None:
            self.stage_combo.setCurrentIndex(max(0, self.stage_combo.findData(data.stage_id)))
        self.probability_spin.setValue(
            -1 if data.probability_override is None else data.probability_override
        )
        self.close_unknown.setChecked(data.expected_close is None)
        if data.expected_close is not None:
            close = data.expected_close
            self.close_edit.setDate(QDate(close.year, close.month, close.day))
        self.owner_combo.setCurrentIndex(max(0, self.owner_combo.findData(data.owner_id)))
        self.source_edit.setText(data.source)
        self.competitors_edit.setText(data.competitors)
        self.next_step_edit.setText(data.next_step)
        self.notes_edit.setPlainText(data.notes)

    def value(self) -> OpportunityInput:
        """The form as entered; an unreadable amount raises ValidationError here."""
        try:
            amount = parse_money(self.amount_edit.text() or "0")
        except ValueError as exc:
            raise ValidationError(
                {"amount": translate("Pipeline", "Enter an amount like 12800 or 12,800.50.")}
            ) from exc
        close: date | None = None
        if not self.close_unknown.isChecked():
            qdate = self.close_edit.date()
            close = date(qdate.year(), qdate.month(), qdate.day())
        probability = self.probability_spin.value()
        return OpportunityInput(
            customer_id=self.customer_edit.customer_id,
            title=self.title_edit.text(),
            amount=amount,
            currency=self.currency_combo.currentText(),
            stage_id=self.stage_combo.currentData(),
            probability_override=None if probability < 0 else probability,
            expected_close=close,
            contact_id=self.contact_combo.currentData(),
            source=self.source_edit.text(),
            owner_id=self.owner_combo.currentData(),
            competitors=self.competitors_edit.text(),
            next_step=self.next_step_edit.text(),
            notes=self.notes_edit.toPlainText(),
        )

    def accept(self) -> None:
        from sms_desktop.services.pipeline import clean_opportunity

        if run_edit(self, lambda: clean_opportunity(self.value()), errors=self.errors) is not None:
            super().accept()
