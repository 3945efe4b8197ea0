"""The one edit path: run a service call, show what went wrong, hand back the result.

A ``ValidationError`` is shown inline through the dialog's :class:`FieldErrors` (or, without
one, as one message); any other ``DomainError`` as one translated message. The caller then
records the edit it made with ``push_edit`` (:mod:`sms_desktop.ui.undo`).

Dialogs return values; the caller saves. A form dialog that stays open on a
``ValidationError`` takes a ``save`` callable from its caller (the service call, given the
dialog's value); its ``accept()`` is :func:`accept_saved`, which keeps the result in
``dialog.saved``; after ``Accepted`` the caller reads ``saved`` and pushes the undo command.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import QDialog, QWidget

from sms_desktop.domain.errors import DomainError, ValidationError
from sms_desktop.ui.dialogs.messages import show_error
from sms_desktop.ui.undo import push_edit
from sms_desktop.ui.widgets.dialogs import run_modal
from sms_desktop.ui.widgets.field_errors import FieldErrors

__all__ = ["accept_saved", "edit_in_dialog", "edit_ok", "push_edit", "run_edit"]

T = TypeVar("T")


def run_edit(
    parent: QWidget | None, call: Callable[[], T], *, errors: FieldErrors | None = None
) -> T | None:
    """``call()``'s result, or None once its error has been shown."""
    try:
        return call()
    except ValidationError as exc:
        if errors is None:
            show_error(parent, exc)
        else:
            errors.show(exc)
    except DomainError as exc:
        show_error(parent, exc)
    return None


def edit_ok(
    parent: QWidget | None, call: Callable[[], object], *, errors: FieldErrors | None = None
) -> bool:
    """Like :func:`run_edit` for a call whose result does not matter: did it succeed?"""

    def call_it() -> bool:
        call()
        return True

    return run_edit(parent, call_it, errors=errors) is not None


def edit_in_dialog(
    parent: QWidget | None, dialog: QDialog, save: Callable[[], T], *, errors: FieldErrors
) -> T | None:
    """Run ``dialog`` until ``save()`` (reading the dialog's values) succeeds; its result.

    A ``ValidationError`` is shown inline and the dialog opens again; any other
    ``DomainError`` is shown as one message and ends the edit, as does Cancel (None).
    """
    while run_modal(dialog) == QDialog.DialogCode.Accepted:
        try:
            return save()
        except ValidationError as exc:
            errors.show(exc)
        except DomainError as exc:
            show_error(parent, exc)
            return None
    return None


def accept_saved(dialog: QDialog, save: Callable[[], T], errors: FieldErrors) -> T | None:
    """A form dialog's ``accept()``: :func:`run_edit` ``save``; on success the dialog closes
    (Accepted) and the result is returned, else it stays open showing what to correct."""
    result = run_edit(dialog, save, errors=errors)
    if result is not None:
        dialog.done(QDialog.DialogCode.Accepted)
    return result
