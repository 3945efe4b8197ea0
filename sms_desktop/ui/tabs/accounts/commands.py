"""Undoable edits of the Key Accounts tab: saving an account plan (with its new actions),
recording a survey answer."""

from __future__ import annotations

from dataclasses import replace

from sms_desktop.services.account_plans import AccountPlansService, PlanInput
from sms_desktop.services.surveys import SurveysService
from sms_desktop.services.tasks import Completion, TaskInput, TasksService
from sms_desktop.ui.i18n import translator
from sms_desktop.ui.undo import DoneCommand


def save_plan(
    plans: AccountPlansService,
    tasks: TasksService,
    plan_id: int | None,
    value: PlanInput,
    actions: tuple[TaskInput, ...],
) -> tuple[int, tuple[int, ...]]:
    """Create or update the plan, then create its new actions as tasks linked to it (for
    the plan's owner unless an action names someone)."""
    if plan_id is None:
        plan_id = plans.create(value)
    else:
        plans.update(plan_id, value)
    owner = plans.get(plan_id).owner_id if actions else None
    created = []
    for action in actions:
        task = tasks.create(
            action if action.assignee_id is not None else replace(action, assignee_id=owner)
        )
        plans.link_action(plan_id, task)
        created.append(task)
    return plan_id, tuple(created)


class SavePlanCommand(DoneCommand):
    """A plan saved: undo puts back what it was (removes a new plan) and moves its new
    actions to the trash; redo saves it again."""

    def __init__(
        self,
        text: str,
        plans: AccountPlansService,
        tasks: TasksService,
        before: PlanInput | None,
        after: PlanInput,
        actions: tuple[TaskInput, ...],
        plan_id: int,
        task_ids: tuple[int, ...],
    ) -> None:
        super().__init__(text)
        self._plans, self._tasks = plans, tasks
        self._before, self._after, self._actions = before, after, actions
        self.plan_id, self.task_ids = plan_id, task_ids

    def do(self) -> None:
        self.plan_id, self.task_ids = save_plan(
            self._plans,
            self._tasks,
            None if self._before is None else self.plan_id,
            self._after,
            self._actions,
        )

    def undo_it(self) -> None:
        if self.task_ids:
            self._tasks.delete(self.task_ids)
        if self._before is None:
            self._plans.delete(self.plan_id)
        else:
            self._plans.update(self.plan_id, self._before)


class RecordAnswerCommand(DoneCommand):
    """A survey answer typed from the paper form (with its follow-up task on a low score)."""

    def __init__(
        self,
        text: str,
        surveys: SurveysService,
        request_id: int,
        answer: tuple[int, int | None, str, tuple[str, ...]],
        recorded: Completion,
    ) -> None:
        super().__init__(text)
        self._surveys, self._request, self._answer = surveys, request_id, answer
        self.recorded = recorded

    def do(self) -> None:
        score, recommend, comments, answers = self._answer
        self.recorded = self._surveys.record_answer(
            self._request, score, recommend, comments, answers, tr=translator()
        )

    def undo_it(self) -> None:
        self._surveys.undo_answer(self.recorded)
