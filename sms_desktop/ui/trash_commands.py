"""Undo for Edit ▸ Trash ▸ Restore: undoing it puts the item back in the trash."""

from __future__ import annotations

from collections.abc import Callable

from sms_desktop.services.trash import TrashService
from sms_desktop.ui.i18n import translate
from sms_desktop.ui.undo import DoneCommand


class RestoreFromTrash(DoneCommand):
    """The restore already happened when this is pushed."""

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

    def do(self) -> None:
        self._trash.restore(self._entity, self._id)

    def undo_it(self) -> None:
        self._trash.delete(self._entity, self._id)

    def after_redo(self, *, first: bool) -> None:
        self._refresh()

    def after_undo(self) -> None:
        self._refresh()
