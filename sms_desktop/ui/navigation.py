"""Requests one tab makes of another, routed by the main window (tabs do not know each other).

Each request names the tab it is for (``target``, the tab's objectName) and whether the
window brings that tab to the front (``shows_tab``); the tab's ``navigate()`` does the rest.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from sms_desktop.ui.actions import ActionId


@dataclass(frozen=True, slots=True)
class ShowArea:
    """Bring a tab to the front, filtered by a salesperson where it has an owner filter."""

    target: str  # objectName: "pipelineTab", "targetsTab" …
    owner_id: int | None = None
    shows_tab = True


@dataclass(frozen=True, slots=True)
class ShowCustomer:
    """Show one customer in the Customers tab."""

    customer_id: int
    target = "customersTab"
    shows_tab = True


@dataclass(frozen=True, slots=True)
class TaskRequest:
    """Show a customer's or a deal's tasks ("show"), add one ("add"), or start a follow-up
    plan for the customer ("plan")."""

    action: Literal["show", "add", "plan"]
    customer_id: int | None = None
    customer_name: str = ""
    opportunity_id: int | None = None
    opportunity_title: str = ""
    target = "tasksTab"

    @property
    def shows_tab(self) -> bool:
        return self.action == "show"  # adding opens a dialog over the current tab


@dataclass(frozen=True, slots=True)
class AccountPlanRequest:
    """Open a customer's account plan of this year (a new one if it has none) over the
    current tab."""

    customer_id: int
    customer_name: str
    target = "accountsTab"
    shows_tab = False


@dataclass(frozen=True, slots=True)
class RunCommand:
    """Run one of the window's commands (Settings…, Products…) as its menu item does."""

    command: ActionId
    target = ""  # the window itself
    shows_tab = False


Navigation = ShowArea | ShowCustomer | TaskRequest | AccountPlanRequest | RunCommand
