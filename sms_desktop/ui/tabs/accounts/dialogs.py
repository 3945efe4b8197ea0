"""The Key Accounts tab's dialogs: set a tier by hand, dismiss a suggestion."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLabel, QLineEdit, QWidget

from sms_desktop.domain.segmentation import Tier
from sms_desktop.ui.i18n import tr_message
from sms_desktop.ui.widgets.dialog_layout import ok_cancel_layout


class TierDialog(QDialog):
    """Choose the tier a customer is shown with (or go back to the computed one) and why."""

    def __init__(
        self,
        customer: str,
        computed: Tier,
        current: Tier | None,
        reason: str | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("tierDialog")
        self.setWindowTitle(self.tr("Set Tier"))
        self.tier_combo = QComboBox(self)
        self.tier_combo.setObjectName("tierChoice")
        self.tier_combo.addItem(
            self.tr("Computed: {tier}").format(tier=tr_message(computed.label)), None
        )
        for tier in Tier:
            self.tier_combo.addItem(tr_message(tier.label), tier.value)
        if current is not None:
            self.tier_combo.setCurrentIndex(self.tier_combo.findData(current.value))
        self.reason_edit = QLineEdit(reason or "", self)
        self.reason_edit.setObjectName("tierReason")
        self.reason_edit.setPlaceholderText(self.tr("Why, e.g. group-wide framework agreement"))
        form = QFormLayout()
        form.addRow(self.tr("Customer"), QLabel(customer, self))
        form.addRow(self.tr("&Tier"), self.tier_combo)
        form.addRow(self.tr("&Reason"), self.reason_edit)
        ok_cancel_layout(self, form)
        self.resize(460, self.sizeHint().height())

    def chosen(self) -> Tier | None:
        value = self.tier_combo.currentData()
        return Tier(value) if value else None


class DismissDialog(QDialog):
    """Why a suggestion is dismissed (recorded; it stays hidden for a while)."""

    def __init__(self, action: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dismissDialog")
        self.setWindowTitle(self.tr("Dismiss Suggestion"))
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setObjectName("dismissReason")
        self.reason_edit.setPlaceholderText(self.tr("e.g. already ordered by phone"))
        form = QFormLayout()
        text = QLabel(action, self)
        text.setWordWrap(True)
        form.addRow(self.tr("Suggestion"), text)
        form.addRow(self.tr("&Reason"), self.reason_edit)
        ok_cancel_layout(self, form)
        self.resize(460, self.sizeHint().height())
