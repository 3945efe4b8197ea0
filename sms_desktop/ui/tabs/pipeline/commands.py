"""Undoable pipeline edits; like the customers' commands, the first redo is already done."""

from __future__ import annotations

from collections.abc import Callable

from sms_desktop.services.pipeline import DealEdit, MoveRecord, PipelineService
from sms_desktop.ui.i18n import translate
from sms_desktop.ui.undo import DoneCommand


class MoveOpportunity(DoneCommand):
    refresh_on_push = False

    def __init__(
        self,
        service: PipelineService,
        record: MoveRecord,
        title: str,
        stage: str,
        refresh: Callable[[], None],
        *,
        lost_reason_id: int | None = None,
        lost_note: str = "",
    ) -> None:
        text = translate("PipelineCommands", "Move “{title}” to {stage}")
        super().__init__(text.format(title=title, stage=stage), refresh)
        self._service, self.record = service, record
        self._lost_reason_id, self._lost_note = lost_reason_id, lost_note

    def do(self) -> None:
        self.record = self._service.move(
            self.record.opportunity_id,
            self.record.to_stage_id,
            lost_reason_id=self._lost_reason_id,
            lost_note=self._lost_note,
        ).record

    def undo_it(self) -> None:
        self._service.undo_move(self.record)


class CreateOpportunity(DoneCommand):
    def __init__(
        self, service: PipelineService, opportunity_id: int, title: str, refresh: Callable[[], None]
    ) -> None:
        text = translate("PipelineCommands", "New opportunity “{title}”")
        super().__init__(text.format(title=title), refresh)
        self._service, self.opportunity_id = service, opportunity_id

    def do(self) -> None:
        self._service.restore(self.opportunity_id)

    def undo_it(self) -> None:
        self._service.delete(self.opportunity_id)


class UpdateOpportunity(DoneCommand):
    """The deal's editor saved: its fields and its commit flag, one step (one transaction
    each way)."""

    def __init__(
        self,
        service: PipelineService,
        opportunity_id: int,
        before: DealEdit,
        after: DealEdit,
        refresh: Callable[[], None],
    ) -> None:
        text = translate("PipelineCommands", "Edit “{title}”")
        super().__init__(text.format(title=after.data.title), refresh)
        self._service, self.opportunity_id = service, opportunity_id
        self._before, self._after = before, after

    def do(self) -> None:
        self._service.edit(self.opportunity_id, self._after)

    def undo_it(self) -> None:
        self._service.edit(self.opportunity_id, self._before)


class DeleteOpportunity(DoneCommand):
    def __init__(
        self, service: PipelineService, opportunity_id: int, title: str, refresh: Callable[[], None]
    ) -> None:
        text = translate("PipelineCommands", "Delete “{title}”")
        super().__init__(text.format(title=title), refresh)
        self._service, self.opportunity_id = service, opportunity_id

    def do(self) -> None:
        self._service.delete(self.opportunity_id)

    def undo_it(self) -> None:
        self._service.restore(self.opportunity_id)
