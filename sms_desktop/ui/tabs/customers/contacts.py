"""A customer's contacts: list, add, edit, remove, and click a phone or email to copy it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sms_desktop.domain.enums import BuyingRole
from sms_desktop.services.customers import ContactInput, ContactRow, clean_contact
from sms_desktop.ui.edit import edit_ok
from sms_desktop.ui.i18n import translate
from sms_desktop.ui.widgets.dialog_layout import ok_cancel_layout
from sms_desktop.ui.widgets.dialogs import run_modal
from sms_desktop.ui.widgets.field_errors import FieldErrors

_COPYABLE = {4: "mobile", 5: "phone", 6: "email", 7: "wechat"}


def role_label(role: BuyingRole | None) -> str:
    labels = {
        BuyingRole.DECISION_MAKER: translate("Contacts", "Decision maker"),
        BuyingRole.INFLUENCER: translate("Contacts", "Influencer"),
        BuyingRole.USER: translate("Contacts", "User"),
        BuyingRole.GATEKEEPER: translate("Contacts", "Gatekeeper"),
        BuyingRole.OTHER: translate("Contacts", "Other"),
    }
    return labels.get(role, "") if role else ""


class ContactDialog(QDialog):
    """Add or edit one contact; validation messages appear beside the fields."""

    def __init__(self, contact: ContactInput | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("contactDialog")
        self.setWindowTitle(self.tr("Contact") if contact else self.tr("New Contact"))
        self.errors = FieldErrors(self)
        form = QFormLayout()
        self.edits: dict[str, QLineEdit] = {}
        labels = {
            "name": self.tr("Name:"),
            "title": self.tr("Title:"),
            "mobile": self.tr("Mobile:"),
            "phone": self.tr("Phone:"),
            "email": self.tr("Email:"),
            "wechat": self.tr("WeChat:"),
        }
        for key, label in labels.items():
            edit = QLineEdit(getattr(contact, key) if contact else "", self)
            edit.setObjectName(f"contact_{key}")
            self.edits[key] = edit
            self.errors.add_row(form, key, label, edit)
        self.role_combo = QComboBox(self)
        self.role_combo.addItem("", None)
        for role in BuyingRole:
            self.role_combo.addItem(role_label(role), role)
        self.role_combo.setCurrentIndex(
            max(0, self.role_combo.findData(contact.buying_role if contact else None))
        )
        self.errors.add_row(form, "buying_role", self.tr("Buying role:"), self.role_combo)
        self.primary_check = QCheckBox(self.tr("Primary contact"), self)
        self.primary_check.setChecked(bool(contact and contact.is_primary))
        form.addRow("", self.primary_check)
        self.notes = QPlainTextEdit(contact.notes if contact else "", self)
        self.notes.setFixedHeight(60)
        self.errors.add_row(form, "notes", self.tr("Notes:"), self.notes)
        ok_cancel_layout(self, form, self.errors.form_label)
        self.setMinimumWidth(420)

    def value(self) -> ContactInput:
        return ContactInput(
            **{k: e.text() for k, e in self.edits.items()},
            buying_role=self.role_combo.currentData(),
            is_primary=self.primary_check.isChecked(),
            notes=self.notes.toPlainText(),
        )

    def accept(self) -> None:
        if edit_ok(self, lambda: clean_contact(self.value()), errors=self.errors):
            super().accept()


class ContactsPanel(QWidget):
    """Signals:
    add_requested(ContactInput), edit_requested(int, ContactInput, ContactInput),
    remove_requested(int, str), copied(str)
    """

    add_requested = Signal(object)
    edit_requested = Signal(int, object, object)
    remove_requested = Signal(int, str)
    copied = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customerContacts")
        self._contacts: dict[int, ContactRow] = {}
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("contactsList")
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels(
            [
                "",
                self.tr("Name"),
                self.tr("Title"),
                self.tr("Role"),
                self.tr("Mobile"),
                self.tr("Phone"),
                self.tr("Email"),
                self.tr("WeChat"),
            ]
        )
        self.tree.setToolTip(self.tr("Click a phone number, email or WeChat id to copy it."))
        self.tree.itemClicked.connect(self._on_tree_item_clicked)
        self.tree.itemDoubleClicked.connect(lambda *_: self._on_edit_clicked())
        add = QPushButton(self.tr("Add…"), self)
        add.setObjectName("addContactButton")
        add.clicked.connect(self._on_add_clicked)
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.edit_button.clicked.connect(self._on_edit_clicked)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.remove_button.clicked.connect(self._on_remove_clicked)
        buttons = QHBoxLayout()
        for button in (add, self.edit_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.tree)
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        self._update_buttons()

    def _update_buttons(self) -> None:
        selected = self._selected() is not None
        self.edit_button.setEnabled(selected)
        self.remove_button.setEnabled(selected)

    def set_contacts(self, contacts: tuple[ContactRow, ...]) -> None:
        self.tree.clear()
        self._contacts = {c.id: c for c in contacts}
        for c in contacts:
            item = QTreeWidgetItem(
                [
                    "★" if c.is_primary else "",
                    c.name,
                    c.title,
                    role_label(c.buying_role),
                    c.mobile,
                    c.phone,
                    c.email,
                    c.wechat,
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, c.id)
            if c.is_primary:
                item.setToolTip(0, self.tr("Primary contact"))
            self.tree.addTopLevelItem(item)
        for column in range(self.tree.columnCount()):
            self.tree.resizeColumnToContents(column)
            # Some air between columns: contents-sized columns otherwise touch.
            self.tree.setColumnWidth(column, self.tree.columnWidth(column) + 12)
        self._update_buttons()

    def _selected(self) -> ContactRow | None:
        item = self.tree.currentItem()
        return self._contacts.get(item.data(0, Qt.ItemDataRole.UserRole)) if item else None

    def _on_tree_item_clicked(self, item: QTreeWidgetItem, column: int) -> None:
        text = item.text(column)
        if column in _COPYABLE and text:
            clipboard = QGuiApplication.clipboard()
            if clipboard is not None:
                clipboard.setText(text)
            self.copied.emit(text)

    def _on_add_clicked(self) -> None:
        dialog = ContactDialog(None, self)
        if run_modal(dialog) == QDialog.DialogCode.Accepted:
            self.add_requested.emit(dialog.value())

    def _on_edit_clicked(self) -> None:
        contact = self._selected()
        if contact is None:
            return
        before = contact.as_input()
        dialog = ContactDialog(before, self)
        if run_modal(dialog) == QDialog.DialogCode.Accepted:
            self.edit_requested.emit(contact.id, before, dialog.value())

    def _on_remove_clicked(self) -> None:
        contact = self._selected()
        if contact is not None:
            self.remove_requested.emit(contact.id, contact.name)
