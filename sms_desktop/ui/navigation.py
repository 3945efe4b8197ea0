"""Requests one tab makes of another, routed by the main window (tabs do not know each other)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True, slots=True)
class TaskRequest:
    """Show a customer's or a deal's tasks ("show"), add one ("add"), or start a follow-up
    plan for the customer ("plan")."""

    action: Literal["show", "add", "plan"]
    customer_id: int | None = None
    customer_name: str = ""
    opportunity_id: int | None = None
    opportunity_title: str = ""
