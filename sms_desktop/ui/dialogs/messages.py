"""Telling the user about errors: translated, one message, never a traceback."""

from __future__ import annotations

import errno
import traceback
from enum import Enum

from PySide6.QtWidgets import QMessageBox, QWidget

from sms_desktop.domain.errors import DomainError
from sms_desktop.persistence.paths import write_crash_log
from sms_desktop.ui.i18n import tr_error, translate


def _os_error_text(exc: OSError) -> str | None:
    """A file problem the user can act on, in their language (not the system's English)."""
    where = exc.filename if isinstance(exc.filename, str) else ""
    if exc.errno == errno.ENOSPC:
        return translate("Messages", "The disk is full: free some space and try again.")
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return translate(
            "Messages", "SMS Desktop may not write here: {path}. Choose another folder."
        ).format(path=where)
    if exc.errno == errno.ENOENT:
        return translate("Messages", "This file or folder does not exist: {path}.").format(
            path=where
        )
    return None


def error_text(exc: BaseException) -> str:
    """What the user reads of an error: a domain error's own message, a file problem in
    plain words, else that something went wrong and where the details were written — never
    a Python exception's text."""
    if isinstance(exc, DomainError):
        return tr_error(exc)
    if isinstance(exc, OSError) and (plain := _os_error_text(exc)) is not None:
        return plain
    log = write_crash_log("".join(traceback.format_exception(exc)))
    text = translate(
        "Messages", "Something went wrong, and this step was not completed. Your data is safe."
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
