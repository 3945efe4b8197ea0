"""The dialog of a commission plan: name, base, bonus at 100 % and the tiers."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from sms_desktop.domain.errors import Errors
from sms_desktop.domain.i18n import translate
from sms_desktop.domain.money import parse_money
from sms_desktop.domain.revenue import DEFAULT_COMMISSION_BASE, CommissionBase
from sms_desktop.domain.revenue import base_name as _base_message
from sms_desktop.domain.targets import Tier
from sms_desktop.services.commissions import PlanInput, PlanRow
from sms_desktop.ui.i18n import tr_message
from sms_desktop.ui.widgets.dialog_layout import ok_cancel_layout
from sms_desktop.ui.widgets.field_errors import FieldErrors


def base_name(base: CommissionBase) -> str:
    """A plan's base as shown and printed (e.g. "Revenue (excl. tax)")."""
    return tr_message(_base_message(base))


class PlanDialog(QDialog):
    """A plan: name, base, optional bonus at 100 %, and its tiers."""

    def __init__(self, plan: PlanRow | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("planDialog")
        self.setWindowTitle(self.tr("Commission Plan"))
        self.name = QLineEdit(plan.name if plan else "", self)
        self.name.setObjectName("planName")
        self.base = QComboBox(self)
        self.base.setObjectName("planBase")
        for base in CommissionBase:
            self.base.addItem(base_name(base), base.value)
        chosen = plan.base if plan is not None else DEFAULT_COMMISSION_BASE
        self.base.setCurrentIndex(self.base.findData(chosen.value))
        self.bonus = QLineEdit(str(plan.bonus_at_target) if plan else "0", self)
        self.bonus.setObjectName("planBonus")
        self.tiers = QTableWidget(0, 2, self)
        self.tiers.setObjectName("planTiers")
        self.tiers.setHorizontalHeaderLabels(
            [self.tr("From attainment (%)"), self.tr("Rate (% of basis)")]
        )
        self.tiers.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.tiers.verticalHeader().hide()
        defaults = (
            plan.tiers
            if plan
            else (
                Tier(Decimal(0), Decimal(2)),
                Tier(Decimal(80), Decimal(3)),
                Tier(Decimal(100), Decimal(5)),
            )
        )
        for tier in defaults:
            self.add_tier(tier)
        add = QPushButton(self.tr("Add Tier"), self)
        add.clicked.connect(lambda: self.add_tier(None))
        remove = QPushButton(self.tr("Remove Tier"), self)
        remove.clicked.connect(self._remove_tier)
        tier_buttons = QHBoxLayout()
        tier_buttons.addWidget(add)
        tier_buttons.addWidget(remove)
        tier_buttons.addStretch(1)
        form = QFormLayout()
        self.errors = FieldErrors(self)
        self.errors.add_row(form, "name", self.tr("Name"), self.name)
        form.addRow(self.tr("Commission base"), self.base)
        self.errors.add_row(form, "bonus", self.tr("Bonus at 100 %"), self.bonus)
        self.errors.add_row(form, "tiers", self.tr("Tiers"), self.tiers)
        note = QLabel(
            self.tr(
                "A tier applies from its attainment upwards; its rate is paid on the whole "
                "basis. The bonus is paid once the target is reached."
            ),
            self,
        )
        note.setWordWrap(True)
        ok_cancel_layout(self, form, tier_buttons, note, self.errors.form_label)
        self.resize(460, 440)

    def add_tier(self, tier: Tier | None) -> None:
        row = self.tiers.rowCount()
        self.tiers.insertRow(row)
        self.tiers.setItem(row, 0, QTableWidgetItem(str(tier.min_attainment) if tier else ""))
        self.tiers.setItem(row, 1, QTableWidgetItem(str(tier.rate) if tier else ""))

    def _remove_tier(self) -> None:
        row = self.tiers.currentRow()
        if row >= 0:
            self.tiers.removeRow(row)

    def value(self) -> PlanInput:
        errors = Errors()
        tiers: list[Tier] = []
        for row in range(self.tiers.rowCount()):
            cells = [self.tiers.item(row, c) for c in (0, 1)]
            texts = [(cell.text() if cell is not None else "").strip() for cell in cells]
            if not any(texts):
                continue
            try:
                tiers.append(Tier(Decimal(texts[0]), Decimal(texts[1])))
            except InvalidOperation:
                errors.add("tiers", translate("Commissions", "Enter numbers in every tier."))
        try:
            bonus = parse_money(self.bonus.text() or "0")
        except ValueError:
            errors.add("bonus", translate("Commissions", "The bonus is an amount of zero or more."))
            bonus = Decimal(0)
        errors.raise_if_any()
        return PlanInput(
            self.name.text(), CommissionBase(self.base.currentData()), tuple(tiers), bonus
        )
