"""Undoable quote edits: a draft moved to the trash (and back)."""

from __future__ import annotations

from collections.abc import Callable

from sms_desktop.services.quotes import QuotesService
from sms_desktop.ui.i18n import translate
from sms_desktop.ui.undo import DoneCommand


class DeleteQuote(DoneCommand):
    def __init__(
        self, service: QuotesService, quote_id: int, label: str, refresh: Callable[[], None]
    ) -> None:
        super().__init__(translate("QuoteCommands", "Delete quote {label}").format(label=label))
        self._service, self.quote_id, self._refresh = service, quote_id, refresh

    def do(self) -> None:
        self._service.delete(self.quote_id)

    def undo_it(self) -> None:
        self._service.restore(self.quote_id)

    def after_redo(self, *, first: bool) -> None:
        self._refresh()

    def after_undo(self) -> None:
        self._refresh()
