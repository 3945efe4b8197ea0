"""Undoable forecast edits; like the other tabs' commands, the first redo is already done."""

from __future__ import annotations

from collections.abc import Callable

from sms_desktop.services.pipeline_forecast import PipelineForecastService
from sms_desktop.ui.i18n import translate
from sms_desktop.ui.undo import DoneCommand


class SetForecastCommit(DoneCommand):
    """A deal flagged (or unflagged) commit by hand in its editor."""

    def __init__(
        self,
        service: PipelineForecastService,
        opportunity_id: int,
        committed: bool,
        refresh: Callable[[], None],
    ) -> None:
        text = (
            translate("ForecastCommands", "Flag as commit")
            if committed
            else translate("ForecastCommands", "Remove the commit flag")
        )
        super().__init__(text, refresh)
        self._service, self.opportunity_id, self._committed = service, opportunity_id, committed

    def do(self) -> None:
        self._service.set_commit(self.opportunity_id, self._committed)

    def undo_it(self) -> None:
        self._service.set_commit(self.opportunity_id, not self._committed)
