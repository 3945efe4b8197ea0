"""The one base of our undo commands: the action is done before the command is pushed."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QApplication

from sms_desktop.domain.errors import DomainError

Refresh = Callable[[], None]
Show = Callable[[int | None], None]  # the item to show afterwards (None: just refresh)


class DoneCommand(QUndoCommand):
    """An action the UI already performed (and saw succeed) when it pushes this command.

    Qt calls ``redo`` on push: that first call only reports (``after_redo(first=True)``);
    later redos perform ``do`` again. ``undo`` calls ``undo_it``.

    After each redo and undo the command tells its tab: ``refresh()`` is called, and
    ``show(id)`` with :meth:`shown_after_redo` / :meth:`shown_after_undo` (the item to
    select; ``shown_id`` unless a command says otherwise). A command whose first push
    already shows itself sets ``refresh_on_push = False``.
    """

    refresh_on_push: ClassVar[bool] = True
    shown_id: int | None = None

    def __init__(self, text: str, refresh: Refresh | None = None, *, show: Show | None = None):
        super().__init__(text)
        self._pushed = False
        self._refresh, self._show = refresh, show

    def redo(self) -> None:
        first = not self._pushed
        if not first and not self._done(self.do):
            return
        self._pushed = True
        self.after_redo(first=first)

    def undo(self) -> None:
        if self._done(self.undo_it):
            self.after_undo()

    def _done(self, step: Callable[[], None]) -> bool:
        """Run an undo or redo step. When the data refuses it (changed since, say: "the
        opportunity has moved again"), say why, leave the data as it is and drop this
        command from the stack (an obsolete command is removed by Qt), so the stack never
        claims a step it did not take."""
        try:
            step()
        except DomainError as exc:
            from sms_desktop.ui.dialogs.messages import show_error

            self.setObsolete(True)
            show_error(QApplication.activeWindow(), exc)
            self._tell(None)
            return False
        return True

    def do(self) -> None:
        raise NotImplementedError

    def undo_it(self) -> None:
        raise NotImplementedError

    def shown_after_redo(self) -> int | None:
        """The item to show once the action is (re)done."""
        return self.shown_id

    def shown_after_undo(self) -> int | None:
        return self.shown_id

    def after_redo(self, *, first: bool) -> None:
        """Show the result (the widgets may already show it after the first push)."""
        if not first or self.refresh_on_push:
            self._tell(self.shown_after_redo())

    def after_undo(self) -> None:
        """Show the result of an undo."""
        self._tell(self.shown_after_undo())

    def _tell(self, shown: int | None) -> None:
        if self._refresh is not None:
            self._refresh()
        if self._show is not None:
            self._show(shown)


class CallCommand(DoneCommand):
    """An edit whose redo and undo are each one call, with no state of their own to keep
    (restore / delete a record, update it to the values after / before)."""

    def __init__(
        self,
        text: str,
        do: Callable[[], object],
        undo: Callable[[], object],
        refresh: Refresh | None = None,
        *,
        show: Show | None = None,
    ) -> None:
        super().__init__(text, refresh, show=show)
        self._do, self._undo = do, undo

    def do(self) -> None:
        self._do()

    def undo_it(self) -> None:
        self._undo()


class AddCommand(DoneCommand):
    """A record added (its id ``added_id``): undo removes it, redo adds it again, under the
    new id the database gives it."""

    def __init__(
        self,
        text: str,
        added_id: int,
        add: Callable[[], int],
        remove: Callable[[int], object],
        refresh: Refresh | None = None,
    ) -> None:
        super().__init__(text, refresh)
        self.added_id, self._add, self._remove = added_id, add, remove

    def do(self) -> None:
        self.added_id = self._add()

    def undo_it(self) -> None:
        self._remove(self.added_id)


def push_edit(undo_stack: QUndoStack, command: DoneCommand) -> DoneCommand:
    """Record an edit that has been done; returns the command."""
    undo_stack.push(command)
    return command
