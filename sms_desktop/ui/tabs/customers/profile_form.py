"""The customer form: every editable field, with inline validation messages."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from sms_desktop.domain.enums import CustomerKind
from sms_desktop.domain.errors import ValidationError
from sms_desktop.domain.money import CURRENCIES
from sms_desktop.services.customers import CustomerInput, FilterOptions
from sms_desktop.ui.widgets.field_errors import FieldErrors


class ProfileForm(QWidget):
    """Edits a :class:`CustomerInput`.

    Signals:
        edited(): any field changed by the user.
    """

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customerProfileForm")
        self.errors = FieldErrors(self)
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.edits: dict[str, QLineEdit] = {}

        def line(key: str, label: str, placeholder: str = "") -> QLineEdit:
            edit = QLineEdit(self)
            edit.setObjectName(f"customer_{key}")
            edit.setPlaceholderText(placeholder)
            edit.textEdited.connect(self.edited)
            self.edits[key] = edit
            self.errors.add_row(form, key, label, edit)
            return edit

        line("name", self.tr("Name:"), self.tr("Company or person"))
        self.kind_combo = QComboBox(self)
        self.kind_combo.addItem(self.tr("Company"), CustomerKind.COMPANY)
        self.kind_combo.addItem(self.tr("Person"), CustomerKind.PERSON)
        self.kind_combo.activated.connect(self.edited)
        self.errors.add_row(form, "kind", self.tr("Kind:"), self.kind_combo)
        line("name_en", self.tr("English name:"))
        self.industry_combo = self._editable_combo("industry")
        self.errors.add_row(form, "industry", self.tr("Industry:"), self.industry_combo)
        line("source", self.tr("Source:"), self.tr("e.g. trade fair, website, referral"))
        line("province", self.tr("Province:"))
        self.city_combo = self._editable_combo("city")
        self.errors.add_row(form, "city", self.tr("City:"), self.city_combo)
        line("address", self.tr("Address:"))
        line("phone", self.tr("Phone:"))
        line("email", self.tr("Email:"))
        line("website", self.tr("Website:"))
        line("tax_id", self.tr("Tax ID:"), self.tr("统一社会信用代码, 18 characters"))
        self.tier_combo = self._editable_combo("tier")
        self.errors.add_row(form, "tier", self.tr("Tier:"), self.tier_combo)
        self.owner_combo = QComboBox(self)
        self.owner_combo.setObjectName("customer_owner")
        self.owner_combo.activated.connect(self.edited)
        self.owner_combo.activated.connect(
            lambda _i: setattr(self, "_owner_id", self.owner_combo.currentData())
        )
        self._owner_id: int | None = None
        self.errors.add_row(form, "owner_id", self.tr("Owner:"), self.owner_combo)
        self.potential_spin = QDoubleSpinBox(self)
        self.potential_spin.setObjectName("customer_potential_value")
        self.potential_spin.setRange(0, 1e12)
        self.potential_spin.setDecimals(2)
        self.potential_spin.setGroupSeparatorShown(True)
        self.potential_spin.valueChanged.connect(self.edited)
        self.currency_combo = QComboBox(self)
        self.currency_combo.addItems(list(CURRENCIES))
        self.currency_combo.activated.connect(self.edited)
        self.errors.add_row(
            form, "potential_value", self.tr("Potential value:"), self.potential_spin
        )
        self.errors.add_row(form, "currency", self.tr("Currency:"), self.currency_combo)
        self.fit_spin = QSpinBox(self)
        self.fit_spin.setObjectName("customer_strategic_fit")
        self.fit_spin.setRange(0, 5)
        self.fit_spin.setSpecialValueText(self.tr("not rated"))
        self.fit_spin.valueChanged.connect(self.edited)
        self.errors.add_row(form, "strategic_fit", self.tr("Strategic fit (1–5):"), self.fit_spin)
        line("tags", self.tr("Tags:"), self.tr("Separate tags with commas"))
        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setObjectName("customer_notes")
        self.notes_edit.setFixedHeight(80)
        self.notes_edit.textChanged.connect(self._on_notes_changed)
        self.errors.add_row(form, "notes", self.tr("Notes:"), self.notes_edit)
        self._loading = False

    def _editable_combo(self, key: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(f"customer_{key}")
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.editTextChanged.connect(self._on_combo_text)
        return combo

    def _on_combo_text(self, _text: str) -> None:
        if not self._loading:
            self.edited.emit()

    def _on_notes_changed(self) -> None:
        if not self._loading:
            self.edited.emit()

    def set_options(self, options: FilterOptions) -> None:
        self._loading = True
        try:
            for combo, values in (
                (self.industry_combo, options.industries),
                (self.city_combo, options.cities),
                (self.tier_combo, options.tiers),
            ):
                text = combo.currentText()
                combo.clear()
                combo.addItems(list(values))
                combo.setEditText(text)
            current = self._owner_id
            self.owner_combo.clear()
            self.owner_combo.addItem(self.tr("(nobody)"), None)
            for owner in options.owners:
                self.owner_combo.addItem(owner.name, owner.id)
            self.owner_combo.setCurrentIndex(max(0, self.owner_combo.findData(current)))
        finally:
            self._loading = False

    def load(self, data: CustomerInput) -> None:
        self._loading = True
        try:
            self.errors.clear()
            for key, edit in self.edits.items():
                value = ", ".join(data.tags) if key == "tags" else getattr(data, key)
                edit.setText(value)
            self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(data.kind)))
            self.industry_combo.setEditText(data.industry)
            self.city_combo.setEditText(data.city)
            self.tier_combo.setEditText(data.tier)
            self._owner_id = data.owner_id  # kept if the owners list is filled after this
            self.owner_combo.setCurrentIndex(max(0, self.owner_combo.findData(data.owner_id)))
            self.potential_spin.setValue(float(data.potential_value))
            self.currency_combo.setCurrentText(data.currency)
            self.fit_spin.setValue(data.strategic_fit or 0)
            self.notes_edit.setPlainText(data.notes)
        finally:
            self._loading = False

    def value(self) -> CustomerInput:
        text = {key: edit.text() for key, edit in self.edits.items() if key != "tags"}
        tags = tuple(t.strip() for t in self.edits["tags"].text().replace("，", ",").split(","))
        return CustomerInput(
            **text,
            kind=CustomerKind(self.kind_combo.currentData()),
            industry=self.industry_combo.currentText(),
            city=self.city_combo.currentText(),
            tier=self.tier_combo.currentText(),
            owner_id=self.owner_combo.currentData(),
            potential_value=Decimal(f"{self.potential_spin.value():.2f}"),
            currency=self.currency_combo.currentText(),
            strategic_fit=self.fit_spin.value() or None,
            notes=self.notes_edit.toPlainText(),
            tags=tuple(t for t in tags if t),
        )

    def show_errors(self, error: ValidationError) -> None:
        self.errors.show(error)
