"""Inline validation messages under form fields, keyed by the service's field names."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from sms_desktop.domain.errors import FORM, ValidationError
from sms_desktop.ui.i18n import tr_message
from sms_desktop.ui.palette import ERROR_BORDER_STYLE, ERROR_STYLE

_ERROR_STYLE = ERROR_STYLE
_FIELD_STYLE = ERROR_BORDER_STYLE


class FieldErrors:
    """Adds a hidden message label below each registered field of a form.

    A field's message goes as soon as the user changes that field: a corrected field does not
    stay red until the next save.
    """

    def __init__(self, parent: QWidget) -> None:
        self._parent = parent
        self._labels: dict[str, QLabel] = {}
        self._fields: dict[str, QWidget] = {}
        self.form_label = self._new_label(FORM)

    def _new_label(self, key: str) -> QLabel:
        label = QLabel(self._parent)
        label.setObjectName(f"error_{key}")
        label.setWordWrap(True)
        label.setStyleSheet(_ERROR_STYLE)
        label.hide()
        self._labels[key] = label
        return label

    def add_row(self, form: QFormLayout, key: str, text: str, field: QWidget) -> None:
        """The field with its message right under it, in one cell of the form."""
        cell = QWidget(self._parent)
        column = QVBoxLayout(cell)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(field)
        column.addWidget(self._new_label(key))
        form.addRow(text, cell)
        self._track(key, field)

    def watch(self, key: str, field: QWidget) -> None:
        """A field laid out elsewhere: framed in red on error, its message in the form label."""
        self._track(key, field)

    def _track(self, key: str, field: QWidget) -> None:
        self._fields[key] = field

        def changed(*_args: object) -> None:
            self.clear_field(key)

        if isinstance(field, QLineEdit):
            field.textEdited.connect(changed)
        elif isinstance(field, QPlainTextEdit | QTextEdit):
            field.textChanged.connect(changed)
        elif isinstance(field, QComboBox):
            field.currentIndexChanged.connect(changed)
        elif isinstance(field, QDateEdit):
            field.dateChanged.connect(changed)
        elif isinstance(field, QSpinBox | QDoubleSpinBox):
            field.valueChanged.connect(changed)
        elif isinstance(field, QAbstractButton):
            field.toggled.connect(changed)

    def clear_field(self, key: str) -> None:
        """Take one field's message and red frame away (the user is correcting it)."""
        label = self._labels.get(key)
        if label is not None and label.isVisibleTo(self._parent):
            label.clear()
            label.hide()
        field = self._fields.get(key)
        if field is not None and field.styleSheet():
            field.setStyleSheet("")

    def clear(self) -> None:
        for label in self._labels.values():
            label.clear()
            label.hide()
        for field in self._fields.values():
            field.setStyleSheet("")

    def show(self, error: ValidationError) -> QWidget | None:
        """Show each message beside its field and focus the topmost; returns that field."""
        self.clear()
        for key, message in error.errors.items():
            label = self._labels.get(key, self.form_label)
            label.setText(tr_message(message))
            label.show()
            field = self._fields.get(key)
            if field is not None:
                field.setStyleSheet(_FIELD_STYLE)
        # The topmost field with a problem, in the order of the form, gets the focus.
        first = next((f for k, f in self._fields.items() if k in error.errors), None)
        if first is not None:
            first.setFocus()
        return first

    def text(self, key: str) -> str:
        label = self._labels.get(key)
        return label.text() if label is not None and label.isVisibleTo(self._parent) else ""
