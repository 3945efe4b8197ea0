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
        text = translate("TrashCommands", "Restore “{name}”")
        super().__init__(text.format(name=label), refresh)
        self._trash, self._entity, self._id = trash, entity, entity_id

    def do(self) -> None:
        self._trash.restore(self._entity, self._id)

    def undo_it(self) -> None:
        self._trash.delete(self._entity, self._id)
