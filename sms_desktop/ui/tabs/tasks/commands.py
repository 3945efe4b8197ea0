"""Undoable task edits; like the other tabs' commands, the first redo is already done."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from sms_desktop.services.tasks import Completion, SurveyInput, TaskInput, TasksService
from sms_desktop.ui.i18n import translate, translator
from sms_desktop.ui.undo import DoneCommand


class CreateTask(DoneCommand):
    def __init__(
        self, service: TasksService, task_id: int, subject: str, refresh: Callable[[], None]
    ) -> None:
        text = translate("TaskCommands", "New task “{subject}”")
        super().__init__(text.format(subject=subject), refresh)
        self._service, self.task_id = service, task_id

    def do(self) -> None:
        self._service.restore(self.task_id)

    def undo_it(self) -> None:
        self._service.delete([self.task_id])


class CreateTasks(DoneCommand):
    """The steps of a follow-up plan, added together."""

    def __init__(
        self, service: TasksService, task_ids: list[int], plan: str, refresh: Callable[[], None]
    ) -> None:
        text = translate("TaskCommands", "Apply plan “{plan}”")
        super().__init__(text.format(plan=plan), refresh)
        self._service, self.task_ids = service, task_ids

    def do(self) -> None:
        for task_id in self.task_ids:
            self._service.restore(task_id)

    def undo_it(self) -> None:
        self._service.delete(self.task_ids)


class UpdateTask(DoneCommand):
    def __init__(
        self,
        service: TasksService,
        task_id: int,
        before: TaskInput,
        after: TaskInput,
        refresh: Callable[[], None],
    ) -> None:
        text = translate("TaskCommands", "Edit “{subject}”")
        super().__init__(text.format(subject=after.subject), refresh)
        self._service, self.task_id = service, task_id
        self._before, self._after = before, after

    def do(self) -> None:
        self._service.update(self.task_id, self._after)

    def undo_it(self) -> None:
        self._service.update(self.task_id, self._before)


class CompleteTask(DoneCommand):
    def __init__(
        self,
        service: TasksService,
        completion: Completion,
        subject: str,
        outcome: str,
        survey: SurveyInput | None,
        done_at: datetime,
        refresh: Callable[[], None],
    ) -> None:
        text = translate("TaskCommands", "Mark “{subject}” done")
        super().__init__(text.format(subject=subject), refresh)
        self._service, self.completion = service, completion
        self._outcome, self._survey, self._done_at = outcome, survey, done_at

    def do(self) -> None:
        self.completion = self._service.complete(
            self.completion.task_id,
            self._outcome,
            survey=self._survey,
            now=self._done_at,
            tr=translator(),
        )

    def undo_it(self) -> None:
        self._service.reopen(self.completion)


class RescheduleTasks(DoneCommand):
    def __init__(
        self,
        service: TasksService,
        before: dict[int, datetime],
        *,
        text: str,
        days: int | None,
        to_day: date | None,
        refresh: Callable[[], None],
    ) -> None:
        super().__init__(text, refresh)
        self._service, self._before = service, before
        self._days, self._to_day = days, to_day

    def do(self) -> None:
        self._before = self._service.reschedule(
            list(self._before), days=self._days, to_day=self._to_day
        )

    def undo_it(self) -> None:
        self._service.set_due(self._before)


class DeleteTasks(DoneCommand):
    def __init__(
        self, service: TasksService, task_ids: list[int], text: str, refresh: Callable[[], None]
    ) -> None:
        super().__init__(text, refresh)
        self._service, self.task_ids = service, task_ids

    def do(self) -> None:
        self._service.delete(self.task_ids)

    def undo_it(self) -> None:
        for task_id in self.task_ids:
            self._service.restore(task_id)
