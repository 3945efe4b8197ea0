"""Telling the user about errors: translated, one message, never a traceback."""

from __future__ import annotations

import traceback
from enum import Enum

from PySide6.QtWidgets import QMessageBox, QWidget

from sms_desktop.domain.errors import DomainError
from sms_desktop.persistence.paths import write_crash_log
from sms_desktop.ui.i18n import tr_error, translate


def error_text(exc: BaseException) -> str:
    if isinstance(exc, DomainError):
        return tr_error(exc)
    log = write_crash_log("".join(traceback.format_exception(exc)))
    text = translate("Messages", "Something went wrong: {error}").format(
        error=f"{type(exc).__name__}: {exc}"
    )
    if log is not None:
        text += "\n\n" + translate("Messages", "Details were written to {path}.").format(
            path=str(log)
        )
    return text


def show_error(parent: QWidget | None, exc: BaseException, title: str | None = None) -> None:
    QMessageBox.warning(parent, title or translate("Messages", "SMS Desktop"), error_text(exc))


class Unsaved(Enum):
    """What to do with changes not saved yet, before leaving them."""

    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def ask_unsaved(parent: QWidget | None, question: str) -> Unsaved:
    """Save / Discard / Cancel for typed changes about to be left; Save is the default and
    Esc means Cancel (nothing is lost by a reflex)."""
    button = QMessageBox.StandardButton
    answer = QMessageBox.question(
        parent,
        translate("Messages", "Unsaved Changes"),
        question,
        button.Save | button.Discard | button.Cancel,
        button.Save,
    )
    if answer == button.Save:
        return Unsaved.SAVE
    if answer == button.Discard:
        return Unsaved.DISCARD
    return Unsaved.CANCEL
