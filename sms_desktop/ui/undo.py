"""The base of our undo commands: the action is done before the command is pushed."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand


class DoneCommand(QUndoCommand):
    """An action the UI already performed (and saw succeed) when it pushes this command.

    Qt calls ``redo`` on push: that first call only reports (``after_redo(first=True)``);
    later redos perform ``do`` again. ``undo`` calls ``undo_it``.
    """

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self._pushed = False

    def redo(self) -> None:
        first = not self._pushed
        if not first:
            self.do()
        self._pushed = True
        self.after_redo(first=first)

    def undo(self) -> None:
        self.undo_it()
        self.after_undo()

    def do(self) -> None:
        raise NotImplementedError

    def undo_it(self) -> None:
        raise NotImplementedError

    def after_redo(self, *, first: bool) -> None:
        """Show the result (the widgets may already show it after the first push)."""

    def after_undo(self) -> None:
        """Show the result of an undo."""
