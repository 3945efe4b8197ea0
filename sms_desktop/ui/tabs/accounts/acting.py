"""Acting on a next-best action: the one code path the Key Accounts tab and the Dashboard's
card share (open the customer, or add a task for it)."""

from __future__ import annotations

from typing import Literal

from sms_desktop.services.next_actions import NextAction
from sms_desktop.ui.navigation import ShowCustomer, TaskRequest

How = Literal["open", "task"]


def act_on(action: NextAction, how: How) -> ShowCustomer | TaskRequest:
    """The navigation request that carries ``action`` out."""
    if how == "open":
        return ShowCustomer(action.customer_id)
    return TaskRequest("add", customer_id=action.customer_id, customer_name=action.customer)
