"""Next-best actions (今日建议): what kinds there are and how they rank.

A suggestion's priority is its kind's base (what is lost by waiting: an expiring quote first,
a white-space idea last), plus the account's tier (a strategic account's action before a
standard one's), plus up to 10 for how late it is (one point per ``late_days // 7``).
"""

from __future__ import annotations

from enum import StrEnum

from sms_desktop.domain.i18n import Message, translate
from sms_desktop.domain.segmentation import Tier


class NextActionKind(StrEnum):
    QUOTE_EXPIRING = "quote_expiring"
    LOW_SATISFACTION = "low_satisfaction"
    HEALTH_DROPPED = "health_dropped"
    REORDER_DUE = "reorder_due"
    NOT_CONTACTED = "not_contacted"
    DEAL_NO_NEXT_STEP = "deal_no_next_step"
    WHITE_SPACE = "white_space"

    @property
    def label(self) -> Message:
        return _LABELS[self]


_LABELS = {
    NextActionKind.QUOTE_EXPIRING: translate("NextActions", "Quote expiring"),
    NextActionKind.LOW_SATISFACTION: translate("NextActions", "Low satisfaction"),
    NextActionKind.HEALTH_DROPPED: translate("NextActions", "Health dropped"),
    NextActionKind.REORDER_DUE: translate("NextActions", "Re-order due"),
    NextActionKind.NOT_CONTACTED: translate("NextActions", "Not contacted"),
    NextActionKind.DEAL_NO_NEXT_STEP: translate("NextActions", "Deal without a next step"),
    NextActionKind.WHITE_SPACE: translate("NextActions", "White space"),
}

_BASE = {
    NextActionKind.QUOTE_EXPIRING: 90,
    NextActionKind.LOW_SATISFACTION: 85,
    NextActionKind.HEALTH_DROPPED: 80,
    NextActionKind.REORDER_DUE: 70,
    NextActionKind.NOT_CONTACTED: 60,
    NextActionKind.DEAL_NO_NEXT_STEP: 50,
    NextActionKind.WHITE_SPACE: 30,
}
_TIER_BONUS = {Tier.STRATEGIC: 30, Tier.KEY: 20, Tier.DEVELOP: 10, Tier.STANDARD: 0}


def priority(kind: NextActionKind, tier: Tier | None, late_days: int = 0) -> int:
    """Higher first; see the module docstring."""
    bonus = _TIER_BONUS[tier] if tier is not None else 0
    return _BASE[kind] + bonus + min(10, max(0, late_days) // 7)
