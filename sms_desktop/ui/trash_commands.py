"""Undo for Edit ▸ Trash ▸ Restore: undoing it puts the item back in the trash."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from sms_desktop.services.trash import TrashService
from sms_desktop.ui.i18n import translate


class RestoreFromTrash(QUndoCommand):
    """The restore already happened when this is pushed; the first redo is skipped."""

    def __init__(
        self,
        trash: TrashService,
        entity: str,
        entity_id: int,
        label: str,
        refresh: Callable[[], None],
    ) -> None:
        super().__init__(translate("TrashCommands", "Restore “{name}”").format(name=label))
        self._trash, self._entity, self._id, self._refresh = trash, entity, entity_id, refresh
        self._pushed = False

    def redo(self) -> None:
        if self._pushed:
            self._trash.restore(self._entity, self._id)
        self._pushed = True
        self._refresh()

    def undo(self) -> None:
        self._trash.delete(self._entity, self._id)
        self._refresh()
