"""Undoable target edits: a set of targets before and after; Ctrl+Z writes the before back."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from sms_desktop.services.targets import TargetItem, TargetsService
from sms_desktop.ui.undo import DoneCommand


class ChangeTargets(DoneCommand):
    """Targets already written by the tab (``after``); undo restores ``before``."""

    def __init__(
        self,
        text: str,
        service: TargetsService,
        before: Sequence[TargetItem],
        after: Sequence[TargetItem],
        changed: Callable[[], None],
    ) -> None:
        super().__init__(text)
        self._service = service
        self._before, self._after = list(before), list(after)
        self._changed = changed

    def do(self) -> None:
        self._service.set_targets(self._after)

    def undo_it(self) -> None:
        self._service.set_targets(self._before)

    def after_redo(self, *, first: bool) -> None:
        self._changed()

    def after_undo(self) -> None:
        self._changed()
