"""Funnel analysis of the pipeline: conversion per stage, win rate, deal size, cycle, lost reasons.

Every figure is computed over one *cohort* and is exact by these definitions:

* **Cohort**: the opportunities created in ``[period_from, period_to]`` (both days included,
  taken as the UTC calendar date of ``created_at``, which is stored in UTC), of the chosen owner
  (all owners when ``owner_id`` is None), and not in the trash (``deleted_at`` is NULL).
  ``created`` is its size; ``won`` and ``lost`` count its deals by their current status.
* **Funnel rows**: the open, non-archived stages, in ``position`` order.
* **Reached**: a deal reached an open stage when the ``to_stage_id`` values of its stage
  history, or its current stage, include that stage or any open stage at a later position
  (a deal can skip stages), or when its status is won. Archived open stages have no row but
  still count as "a later stage" for the rows before them. The current stage is counted so a
  deal without history rows still appears; with a complete history it adds nothing.
* **Conversion to next**: ``reached(next) / reached(this) × 100``, rounded half up to one
  decimal; None for the last open stage and when ``reached(this)`` is 0.
* **Win rate**: ``won / (won + lost) × 100`` over the cohort's closed deals, one decimal
  (half up); None when none is closed.
* **Won amount**: the sum of the won deals' amounts (exact; amounts are added as stored,
  whatever their currency). **Average deal size**: ``won_amount / won``, two decimals (half up);
  None without won deals.
* **Average sales cycle**: the mean of ``closed_on − UTC date of created_at`` in days over the
  won deals that have a ``closed_on``, one decimal (half up); None when there are none.
* **Days in stage**: over the whole stage history of the cohort's deals (ordered by
  ``changed_at``, then id), each change *into* a stage that was followed by another change
  contributes ``next changed_at − its changed_at`` (to the millisecond) in days; the row shows
  the mean, one decimal (half up), or None when no such change exists.
* **Lost reasons**: the cohort's lost deals grouped by ``lost_reason_id`` with their count and
  amount; a deal without a reason gives the row with ``reason_id`` None and empty names.
  Sorted by count, then amount (both descending), then the reasons' list position, the row
  without a reason last.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import ColumnElement, Integer, and_, case, cast, func, select, type_coerce
from sqlalchemy.orm import Session, aliased

from sms_desktop.domain.enums import OpportunityStatus, StageKind
from sms_desktop.domain.money import ZERO, round_money
from sms_desktop.persistence import models as m
from sms_desktop.persistence.base import Money
from sms_desktop.persistence.db import Database

_TENTH = Decimal("0.1")
_MS_PER_DAY = 86_400_000
_NEVER = -(2**62)  # "furthest stage" of a deal that was never in an open stage


@dataclass(frozen=True, slots=True)
class StageFunnel:
    """One open stage of the funnel."""

    stage_id: int
    key: str
    name_zh: str
    name_en: str
    reached: int
    conversion_to_next: Decimal | None  # percent, one decimal; None for the last open stage
    average_days_in_stage: Decimal | None


@dataclass(frozen=True, slots=True)
class LostReasonCount:
    """The lost deals of one reason (``reason_id`` None: no reason given)."""

    reason_id: int | None
    name_zh: str
    name_en: str
    count: int
    amount: Decimal


@dataclass(frozen=True, slots=True)
class FunnelReport:
    """All figures of one period and owner (see the module docstring for the definitions)."""

    period_from: date
    period_to: date
    owner_id: int | None
    stages: tuple[StageFunnel, ...]
    created: int
    won: int
    lost: int
    win_rate: Decimal | None
    won_amount: Decimal
    average_deal_size: Decimal | None
    average_cycle_days: Decimal | None
    lost_reasons: tuple[LostReasonCount, ...]


def percent(part: int, whole: int) -> Decimal | None:
    """``part / whole × 100`` rounded half up to one decimal; None when ``whole`` is 0."""
    if whole == 0:
        return None
    return (Decimal(part) * 100 / whole).quantize(_TENTH, rounding=ROUND_HALF_UP)


def _mean_tenth(total: Decimal | int, count: int) -> Decimal | None:
    if count == 0:
        return None
    return (Decimal(total) / count).quantize(_TENTH, rounding=ROUND_HALF_UP)


class FunnelService:
    """The Pipeline tab's funnel panel: one read transaction per report."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def report(
        self, period_from: date, period_to: date, owner_id: int | None = None
    ) -> FunnelReport:
        """The funnel figures of the deals created in the period (by that owner)."""
        if period_from > period_to:
            # A caller bug rather than user input: the panel's date range keeps them ordered.
            raise ValueError(f"the period ends before it starts: {period_from} > {period_to}")
        o = m.Opportunity
        cohort: list[ColumnElement[bool]] = [
            o.deleted_at.is_(None),
            o.created_at >= datetime.combine(period_from, time(), UTC),
            o.created_at < datetime.combine(period_to + timedelta(days=1), time(), UTC),
        ]
        if owner_id is not None:
            cohort.append(o.owner_id == owner_id)
        # One read transaction: every figure comes from the same snapshot.
        with self._db.read() as session:
            totals = self._totals(session, cohort)
            stages = self._stages(session, cohort, won=totals[1])
            reasons = self._lost_reasons(session, cohort)
        created, won, lost, won_amount, cycle_days, cycle_count = totals
        return FunnelReport(
            period_from=period_from,
            period_to=period_to,
            owner_id=owner_id,
            stages=stages,
            created=created,
            won=won,
            lost=lost,
            win_rate=percent(won, won + lost),
            won_amount=won_amount,
            average_deal_size=round_money(won_amount / won) if won else None,
            average_cycle_days=_mean_tenth(cycle_days, cycle_count),
            lost_reasons=reasons,
        )

    # ------------------------------------------------------------------------ queries

    @staticmethod
    def _totals(
        session: Session, cohort: list[ColumnElement[bool]]
    ) -> tuple[int, int, int, Decimal, int, int]:
        """created, won, lost, won amount, summed cycle days and how many deals they cover."""
        o = m.Opportunity
        is_won = o.status == OpportunityStatus.WON
        cycle = case(
            (
                is_won & o.closed_on.is_not(None),
                # Both sides are midnights, so the julianday difference is a whole number.
                cast(
                    func.julianday(o.closed_on) - func.julianday(func.date(o.created_at)), Integer
                ),
            )
        )
        row = session.execute(
            select(
                func.count(),
                func.coalesce(func.sum(case((is_won, 1), else_=0)), 0),
                func.coalesce(func.sum(case((o.status == OpportunityStatus.LOST, 1), else_=0)), 0),
                # Summed as integer minor units in SQL, converted once by the Money type.
                type_coerce(func.coalesce(func.sum(case((is_won, o.amount), else_=0)), 0), Money),
                func.coalesce(func.sum(cycle), 0),
                func.count(cycle),
            ).where(*cohort)
        ).one()
        return int(row[0]), int(row[1]), int(row[2]), row[3], int(row[4]), int(row[5])

    @staticmethod
    def _stages(
        session: Session, cohort: list[ColumnElement[bool]], *, won: int
    ) -> tuple[StageFunnel, ...]:
        """The funnel rows: reached counts, conversions and mean days per open stage."""
        o, h, s = m.Opportunity, m.StageChange, m.PipelineStage
        ids = select(o.id).where(*cohort)
        rows = session.execute(
            select(s.id, s.key, s.name_zh, s.name_en, s.position)
            .where(s.kind == StageKind.OPEN, s.archived.is_(False))
            .order_by(s.position, s.id)
        ).all()

        # Each non-won deal's furthest open stage: the history's, or the current one when that
        # is further (or the history is empty); won deals reached every stage and are added
        # to every row instead.
        history_top = (
            select(func.max(s.position))
            .join_from(h, s, s.id == h.to_stage_id)
            .where(h.opportunity_id == o.id, s.kind == StageKind.OPEN)
            .scalar_subquery()
        )
        current = aliased(m.PipelineStage)
        # The correlated subquery appears once (SQLite would run it twice if it were repeated);
        # NULL on either side becomes the sentinel, which is below every stage's position.
        top = func.max(func.coalesce(history_top, _NEVER), func.coalesce(current.position, _NEVER))
        furthest = (
            select(top.label("top"))
            .select_from(o)
            .outerjoin(current, and_(current.id == o.stage_id, current.kind == StageKind.OPEN))
            .where(*cohort, o.status != OpportunityStatus.WON)
            .subquery()
        )
        tops = [
            (int(position), int(deals))
            for position, deals in session.execute(
                select(furthest.c.top, func.count()).group_by(furthest.c.top)
            )
            if position != _NEVER
        ]

        # Time from each change to the deal's next change, credited to the stage it entered;
        # julianday() is taken once per row (the window reads it back for the next row).
        steps = (
            select(
                h.opportunity_id.label("deal"),
                h.to_stage_id.label("stage"),
                h.changed_at,
                h.id,
                func.julianday(h.changed_at).label("day"),
            )
            .where(h.opportunity_id.in_(ids))
            .subquery()
        )
        following = func.lead(steps.c.day).over(
            partition_by=steps.c.deal, order_by=(steps.c.changed_at, steps.c.id)
        )
        spans = select(steps.c.stage, (following - steps.c.day).label("days")).subquery()
        # julianday keeps milliseconds, so rounding each span to whole milliseconds is exact
        # and the sum stays an integer.
        millis = cast(func.round(spans.c.days * _MS_PER_DAY), Integer)
        dwell = {
            stage: (int(total), int(count))
            for stage, total, count in session.execute(
                select(spans.c.stage, func.sum(millis), func.count())
                .where(spans.c.days.is_not(None))
                .group_by(spans.c.stage)
            )
        }

        reached = [won + sum(n for top, n in tops if top >= row.position) for row in rows]
        result: list[StageFunnel] = []
        for index, row in enumerate(rows):
            total, count = dwell.get(row.id, (0, 0))
            conversion = (
                percent(reached[index + 1], reached[index]) if index + 1 < len(rows) else None
            )
            result.append(
                StageFunnel(
                    stage_id=row.id,
                    key=row.key,
                    name_zh=row.name_zh,
                    name_en=row.name_en,
                    reached=reached[index],
                    conversion_to_next=conversion,
                    average_days_in_stage=_mean_tenth(total, count * _MS_PER_DAY),
                )
            )
        return tuple(result)

    @staticmethod
    def _lost_reasons(
        session: Session, cohort: list[ColumnElement[bool]]
    ) -> tuple[LostReasonCount, ...]:
        """Lost deals per reason, the most frequent first."""
        o, r = m.Opportunity, m.LostReason
        per_reason = (
            select(
                o.lost_reason_id.label("reason"),
                func.count().label("deals"),
                func.sum(o.amount).label("amount"),
            )
            .where(*cohort, o.status == OpportunityStatus.LOST)
            .group_by(o.lost_reason_id)
            .subquery()
        )
        rows = session.execute(
            select(
                per_reason.c.reason,
                r.name_zh,
                r.name_en,
                per_reason.c.deals,
                type_coerce(per_reason.c.amount, Money),
            )
            .outerjoin(r, r.id == per_reason.c.reason)
            .order_by(
                per_reason.c.deals.desc(),
                per_reason.c.amount.desc(),
                per_reason.c.reason.is_(None),
                r.position,
                r.id,
            )
        ).all()
        return tuple(
            LostReasonCount(
                reason_id=reason,
                name_zh=name_zh or "",
                name_en=name_en or "",
                count=int(deals),
                amount=amount if amount is not None else ZERO,
            )
            for reason, name_zh, name_en, deals, amount in rows
        )
