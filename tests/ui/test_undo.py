"""The undo stack's base command: a step the data refuses is reported and dropped."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot

from sms_desktop.domain.errors import ConflictError
from sms_desktop.domain.i18n import translate
from sms_desktop.ui.dialogs import messages
from sms_desktop.ui.undo import CallCommand


def test_a_refused_undo_says_why_and_leaves_the_stack(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(messages, "show_error", lambda _parent, exc: shown.append(str(exc)))
    refreshed: list[bool] = []
    done: list[str] = []

    def refuse() -> None:
        raise ConflictError(translate("Pipeline", "moved again since"))

    stack = QUndoStack()
    stack.push(CallCommand("first", lambda: done.append("redo 1"), lambda: done.append("undo 1")))
    stack.push(
        CallCommand("second", lambda: done.append("redo 2"), refuse, lambda: refreshed.append(True))
    )
    refreshed.clear()  # the push's own refresh
    assert stack.count() == 2
    stack.undo()
    assert shown == ["moved again since"] and refreshed == [True]
    # The refused step is gone; the one before it can still be undone.
    assert stack.count() == 1 and stack.undoText() == "first" and not stack.canRedo()
    stack.undo()
    assert done == ["undo 1"]
