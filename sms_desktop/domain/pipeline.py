"""Pipeline rules: which stage moves are allowed, probabilities, weighted amounts, what needs attention.

The pipeline is an explicit state machine over stage *kinds* (Tryton ``sale_opportunity``
style): open stages lead to other open stages or to the terminal won and lost stages; a lost
deal may be reopened, a won deal is final (it became an order).
"""

from __future__ import annotations

from datetime import date, datetime, tzinfo
from decimal import Decimal
from enum import StrEnum

from sms_desktop.domain.enums import StageKind
from sms_desktop.domain.money import round_money


class NextActivity(StrEnum):
    """The state of a deal's next open activity, as the board's dot shows it."""

    OVERDUE = "overdue"  # due on a day before today
    TODAY = "today"
    PLANNED = "planned"  # due on a later day
    NONE = "none"  # nothing planned


ALLOWED_MOVES: frozenset[tuple[StageKind, StageKind]] = frozenset(
    {
        (StageKind.OPEN, StageKind.OPEN),
        (StageKind.OPEN, StageKind.WON),
        (StageKind.OPEN, StageKind.LOST),
        (StageKind.LOST, StageKind.OPEN),  # reopening a lost deal
    }
)


def can_move(
    from_kind: StageKind, to_kind: StageKind, *, to_archived: bool, same_stage: bool
) -> bool:
    """Whether a deal in a stage of ``from_kind`` may move to a stage of ``to_kind``.

    Moving to the stage the deal is in, or to an archived stage, is refused.
    """
    if same_stage or to_archived:
        return False
    return (from_kind, to_kind) in ALLOWED_MOVES


def next_activity_state(next_due: datetime | None, now: datetime, tz: tzinfo) -> NextActivity:
    """Compare the next due time with ``now`` by the calendar day in ``tz`` (the user's zone):
    a task due at 23:30 yesterday is overdue this morning, one due at 00:10 tonight is today's."""
    if next_due is None:
        return NextActivity.NONE
    return activity_state_on(next_due.astimezone(tz).date(), now.astimezone(tz).date())


def activity_state_on(due_day: date | None, today: date) -> NextActivity:
    """The same rule on local calendar days (for callers that already know them)."""
    if due_day is None:
        return NextActivity.NONE
    if due_day < today:
        return NextActivity.OVERDUE
    if due_day == today:
        return NextActivity.TODAY
    return NextActivity.PLANNED


def probability(default: int, override: int | None, learned: int | None = None) -> int:
    """The deal's probability in percent: the one set by hand (``override``), else the win
    model's (``learned``, where it is used and trained), else its stage's default."""
    if override is not None:
        return override
    return default if learned is None else learned


_HUNDRED = Decimal(100)


def weighted_amount(amount: Decimal, probability: int) -> Decimal:
    """``amount × probability %``, rounded to cents half up (四舍五入)."""
    return round_money(amount * probability / _HUNDRED)


def weighted_minor(minor: int, probability: int) -> int:
    """:func:`weighted_amount` in integer minor units (cents), for amounts that are not
    negative (stored amounts never are): the same result without Decimal arithmetic."""
    if minor < 0:
        raise ValueError(f"negative amount: {minor}")
    return (minor * probability + 50) // 100


# Weighted sums are added per deal (each deal's weighted amount is rounded on its own, as the
# board shows it). SQL cannot add ``weighted_minor`` itself without writing the rounding out
# again, so it groups deals by probability and by amount modulo this number; within a group
# every deal's rounding is the same (see :func:`weighted_sum_minor`).
WEIGHTED_GROUP_MODULUS = 100


def weighted_sum_minor(probability: int, residue: int, count: int, total_minor: int) -> int:
    """The sum of :func:`weighted_minor` over ``count`` amounts (minor units) that add up to
    ``total_minor`` and all leave ``residue`` modulo :data:`WEIGHTED_GROUP_MODULUS`.

    Each such amount is ``residue + 100·j``, and ``weighted_minor(residue + 100·j, p)`` is
    ``weighted_minor(residue, p) + p·j`` exactly, so the group's sum follows from its count
    and its total without any per-deal value."""
    if count == 0:
        return 0
    hundreds, rest = divmod(total_minor - count * residue, WEIGHTED_GROUP_MODULUS)
    if rest or not 0 <= residue < WEIGHTED_GROUP_MODULUS:
        raise ValueError(f"amounts not all ≡ {residue} (mod {WEIGHTED_GROUP_MODULUS})")
    return count * weighted_minor(residue, probability) + probability * hundreds


class Attention(StrEnum):
    """Why a deal on the board needs attention, if it does."""

    NONE = "none"
    NO_NEXT_STEP = "no_next_step"  # nothing is planned for it (无下一步)
    STALE = "stale"  # longer in its stage than the stage allows (停滞)


def attention(
    stage_age_days: int, stale_after_days: int | None, next_activity: NextActivity
) -> Attention:
    """A deal is stale when it has sat in its stage longer than the stage allows (more than
    ``stale_after_days`` days; stages without a limit never age out); otherwise it lacks a
    next step when nothing is planned for it. An overdue activity still counts as planned:
    the overdue dot already flags it. A brand-new deal is never stale, only without a next
    step until one is planned.
    """
    if stale_after_days is not None and stage_age_days > stale_after_days:
        return Attention.STALE
    if next_activity is NextActivity.NONE:
        return Attention.NO_NEXT_STEP
    return Attention.NONE
