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
        text = translate("QuoteCommands", "Delete quote {label}")
        super().__init__(text.format(label=label), refresh)
        self._service, self.quote_id = service, quote_id

    def do(self) -> None:
        self._service.delete(self.quote_id)

    def undo_it(self) -> None:
        self._service.restore(self.quote_id)
