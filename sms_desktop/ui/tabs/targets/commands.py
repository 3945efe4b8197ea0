"""Undoable edits of the Targets tab: targets, salespeople, commission plans and their
assignment; each command calls the services, Ctrl+Z calls them back."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from sms_desktop.domain.targets import Period
from sms_desktop.services.commissions import CommissionsService, PlanInput
from sms_desktop.services.salespeople import SalespeopleService, SalespersonInput
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
        super().__init__(text, changed)
        self._service = service
        self._before, self._after = list(before), list(after)

    def do(self) -> None:
        self._service.set_targets(self._after)

    def undo_it(self) -> None:
        self._service.set_targets(self._before)


class SaveSalesperson(DoneCommand):
    """A salesperson added (``before`` None: undo removes them) or edited."""

    def __init__(
        self,
        text: str,
        service: SalespeopleService,
        salesperson_id: int,
        before: SalespersonInput | None,
        after: SalespersonInput,
        changed: Callable[[], None],
    ) -> None:
        super().__init__(text, changed)
        self._service, self.salesperson_id = service, salesperson_id
        self._before, self._after = before, after

    def do(self) -> None:
        if self._before is None:
            self.salesperson_id = self._service.save(self._after)
        else:
            self._service.save(self._after, self.salesperson_id)

    def undo_it(self) -> None:
        if self._before is None:
            self._service.delete(self.salesperson_id)
        else:
            self._service.save(self._before, self.salesperson_id)


class SavePlan(DoneCommand):
    """A commission plan created (``before`` None: undo removes it) or edited."""

    def __init__(
        self,
        text: str,
        service: CommissionsService,
        plan_id: int,
        before: PlanInput | None,
        after: PlanInput,
        changed: Callable[[], None],
    ) -> None:
        super().__init__(text, changed)
        self._service, self.plan_id = service, plan_id
        self._before, self._after = before, after

    def do(self) -> None:
        if self._before is None:
            self.plan_id = self._service.save_plan(self._after)
        else:
            self._service.save_plan(self._after, self.plan_id)

    def undo_it(self) -> None:
        if self._before is None:
            self._service.delete_plan(self.plan_id)
        else:
            self._service.save_plan(self._before, self.plan_id)


class AssignPlan(DoneCommand):
    """A salesperson's plan for one period changed (None: no plan)."""

    def __init__(
        self,
        text: str,
        service: CommissionsService,
        salesperson_id: int,
        period: Period,
        before: int | None,
        after: int | None,
        changed: Callable[[], None],
    ) -> None:
        super().__init__(text, changed)
        self._service, self._salesperson_id, self._period = service, salesperson_id, period
        self._before, self._after = before, after

    def do(self) -> None:
        self._service.assign([self._salesperson_id], self._period, self._after)

    def undo_it(self) -> None:
        self._service.assign([self._salesperson_id], self._period, self._before)
