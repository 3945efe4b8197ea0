"""The one edit path (ui/edit.py) and the one undo-command base (ui/undo.py)."""

from __future__ import annotations

from typing import ClassVar

import pytest
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialog, QFormLayout, QLineEdit, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from sms_desktop.domain.errors import FORM, ConflictError, ValidationError
from sms_desktop.domain.i18n import Message
from sms_desktop.ui.edit import accept_saved, edit_in_dialog, edit_ok, push_edit, run_edit
from sms_desktop.ui.undo import DoneCommand
from sms_desktop.ui.widgets.field_errors import FieldErrors

NAME = Message("Test", "Enter a name.")
SENT = Message("Test", "A sent quote cannot be changed.")


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    return shown


@pytest.fixture
def form(qtbot: QtBot) -> tuple[QWidget, FieldErrors]:
    widget = QWidget()
    qtbot.addWidget(widget)
    errors = FieldErrors(widget)
    errors.add_row(QFormLayout(widget), "name", "Name:", QLineEdit())
    return widget, errors


def _invalid() -> int:
    raise ValidationError({"name": NAME})


def _conflict() -> int:
    raise ConflictError(SENT)


def test_run_edit_hands_back_the_result(warnings: list[str]) -> None:
    assert run_edit(None, lambda: 42) == 42
    assert warnings == []


def test_a_validation_error_shows_inline_and_no_message(
    form: tuple[QWidget, FieldErrors], warnings: list[str]
) -> None:
    widget, errors = form
    assert run_edit(widget, _invalid, errors=errors) is None
    assert errors.text("name") == "Enter a name."
    assert warnings == []


def test_a_message_goes_once_its_field_is_corrected(
    form: tuple[QWidget, FieldErrors], warnings: list[str], qtbot: QtBot
) -> None:
    widget, errors = form
    widget.show()
    run_edit(widget, _invalid_two, errors=errors)
    field = widget.findChild(QLineEdit)
    assert field is not None
    assert errors.text("name") == "Enter a name." and field.styleSheet()
    assert errors.text(FORM) == "Enter a name."  # the other field's, kept
    qtbot.keyClicks(field, "A")
    assert errors.text("name") == ""
    assert field.styleSheet() == ""
    assert errors.text(FORM) == "Enter a name."


def _invalid_two() -> int:
    raise ValidationError({"name": NAME, "unknown_field": NAME})


def test_without_field_errors_a_validation_error_is_one_message(warnings: list[str]) -> None:
    assert run_edit(None, _invalid) is None
    assert warnings == ["Enter a name."]


def test_another_domain_error_is_one_message_even_with_field_errors(
    form: tuple[QWidget, FieldErrors], warnings: list[str]
) -> None:
    widget, errors = form
    assert run_edit(widget, _conflict, errors=errors) is None
    assert warnings == ["A sent quote cannot be changed."]
    assert errors.text("name") == ""


def test_edit_ok_tells_success_of_a_call_without_result(warnings: list[str]) -> None:
    done: list[int] = []
    assert edit_ok(None, lambda: done.append(1)) is True
    assert edit_ok(None, _conflict) is False
    assert done == [1]
    assert warnings == ["A sent quote cannot be changed."]


class _Dialog(QDialog):
    answers: ClassVar[list[int]] = []

    def exec(self) -> int:
        return self.answers.pop(0)


def test_edit_in_dialog_reopens_on_a_validation_error_until_saved(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, warnings: list[str]
) -> None:
    dialog = _Dialog()
    errors = FieldErrors(dialog)
    errors.add_row(QFormLayout(dialog), "name", "Name:", QLineEdit())
    monkeypatch.setattr(_Dialog, "answers", [QDialog.DialogCode.Accepted] * 2)
    attempts: list[str] = []

    def save() -> int:
        attempts.append(errors.text("name"))
        if len(attempts) == 1:
            raise ValidationError({"name": NAME})
        return 7

    assert edit_in_dialog(None, dialog, save, errors=errors) == 7
    assert attempts == ["", "Enter a name."]  # the second try saw the inline message
    assert warnings == []


def test_edit_in_dialog_ends_on_another_error_or_cancel(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, warnings: list[str]
) -> None:
    accepted, rejected = QDialog.DialogCode.Accepted, QDialog.DialogCode.Rejected
    monkeypatch.setattr(_Dialog, "answers", [accepted, rejected])
    dialog = _Dialog()
    errors = FieldErrors(dialog)
    assert edit_in_dialog(None, dialog, _conflict, errors=errors) is None
    assert warnings == ["A sent quote cannot be changed."]
    assert _Dialog.answers == [rejected]  # asked once, not again
    saves: list[int] = []
    assert edit_in_dialog(None, _Dialog(), lambda: saves.append(1), errors=errors) is None
    assert saves == []  # cancelled: nothing saved
    assert _Dialog.answers == []


class _Toggle(DoneCommand):
    def __init__(self, log: list[str], **callbacks: object) -> None:
        super().__init__("toggle", **callbacks)  # type: ignore[arg-type]
        self.log = log
        self.shown_id = 5

    def do(self) -> None:
        self.log.append("do")

    def undo_it(self) -> None:
        self.log.append("undo")

    def shown_after_undo(self) -> int | None:
        return None


class _Quiet(_Toggle):
    refresh_on_push = False


def test_the_command_base_refreshes_and_shows_after_push_undo_and_redo(qapp: object) -> None:
    log: list[str] = []
    stack = QUndoStack()
    command = _Toggle(log, refresh=lambda: log.append("refresh"), show=lambda i: log.append(f"{i}"))
    assert push_edit(stack, command) is command
    assert log == ["refresh", "5"]  # the first push only reports: the edit is done already
    stack.undo()
    stack.redo()
    assert log == ["refresh", "5", "undo", "refresh", "None", "do", "refresh", "5"]


def test_a_command_that_shows_itself_skips_the_refresh_on_push(qapp: object) -> None:
    log: list[str] = []
    stack = QUndoStack()
    stack.push(_Quiet(log, refresh=lambda: log.append("refresh")))
    assert log == []
    stack.undo()
    assert log == ["undo", "refresh"]


def test_accept_saved_keeps_the_dialog_open_until_the_callers_save_succeeds(
    qtbot: QtBot, warnings: list[str]
) -> None:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    errors = FieldErrors(dialog)
    errors.add_row(QFormLayout(dialog), "name", "Name:", QLineEdit())
    assert accept_saved(dialog, _invalid, errors) is None
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert errors.text("name") == "Enter a name."
    assert accept_saved(dialog, lambda: 9, errors) == 9
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert warnings == []
