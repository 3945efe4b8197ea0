"""Win probability from the user's own closed deals (#16): what each factor of a deal was at
the moment that matters (its close for a closed deal, the as-of day for an open one), the
model of :mod:`sms_desktop.domain.win_model` fitted on them, each open deal scored and
explained, and the time-split backtest against the stage defaults.

Only data dated before the as-of day is read, so a score "as of" a past day is the one that
could have been given then. Everything here is pure input → output (no Qt) and may run on a
worker; statsmodels is imported only when a model is fitted.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select

from sms_desktop.domain.enums import OpportunityStatus, StageKind
from sms_desktop.domain.i18n import Message, translate
from sms_desktop.domain.win_model import (
    MIN_CLOSED,
    STAGE_DEFAULTS_USED,
    DealFacts,
    FactorEffect,
    ModelReport,
    WinModel,
    evaluate,
    fit,
)
from sms_desktop.persistence import models as m
from sms_desktop.persistence.db import Database

MODEL = translate("WinModel", "model")
OVERRIDE = translate("WinModel", "set by hand")
STAGE_DEFAULT = translate("WinModel", "stage default")


@dataclass(frozen=True, slots=True)
class DealScore:
    """One open deal: its stage's default, the probability that applies and where it comes
    from (the model, a manual override, or the stage default), and the model's top factors."""

    id: int
    title: str
    customer: str
    stage: str
    stage_probability: int  # percent
    model_probability: int | None  # percent, None without a model
    override: int | None
    factors: tuple[FactorEffect, ...]

    @property
    def probability(self) -> int:
        if self.override is not None:
            return self.override
        if self.model_probability is not None:
            return self.model_probability
        return self.stage_probability

    @property
    def source(self) -> Message:
        if self.override is not None:
            return OVERRIDE
        return MODEL if self.model_probability is not None else STAGE_DEFAULT


@dataclass(frozen=True, slots=True)
class _Deal:
    id: int
    title: str
    customer: str
    facts: DealFacts
    won: bool | None  # None: open
    closed_on: date | None
    override: int | None


def _day(moment: datetime | None) -> date | None:
    return None if moment is None else moment.date()


def _end_of(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=UTC)


class WinProbabilityService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def report(self, *, as_of: date) -> ModelReport:
        """The time-split backtest of the model on the deals closed before ``as_of``."""
        closed = [d for d in self._deals(as_of) if d.won is not None and d.closed_on]
        return evaluate(
            [d.facts for d in closed],
            [bool(d.won) for d in closed],
            [d.closed_on for d in closed if d.closed_on is not None],
        )

    def model(self, *, as_of: date) -> WinModel | None:
        """The model fitted on every deal closed before ``as_of``; None with too few."""
        closed = [d for d in self._deals(as_of) if d.won is not None]
        if len(closed) < MIN_CLOSED:
            return None
        return fit([d.facts for d in closed], [bool(d.won) for d in closed])

    def score(self, *, as_of: date) -> tuple[tuple[DealScore, ...], Message | None]:
        """Every open deal scored as of ``as_of``, and why the model is not used (if not)."""
        deals = self._deals(as_of)
        closed = [d for d in deals if d.won is not None]
        model = (
            fit([d.facts for d in closed], [bool(d.won) for d in closed])
            if len(closed) >= MIN_CLOSED
            else None
        )
        note = (
            None
            if model is not None
            else STAGE_DEFAULTS_USED.format(minimum=MIN_CLOSED, count=len(closed))
        )
        scores = tuple(
            DealScore(
                d.id,
                d.title,
                d.customer,
                d.facts.stage,
                d.facts.stage_default,
                None if model is None else round(100 * model.probability(d.facts)),
                d.override,
                () if model is None else model.explain(d.facts),
            )
            for d in deals
            if d.won is None
        )
        return scores, note

    def model_probabilities(self, *, as_of: date) -> dict[int, int] | None:
        """The model's probability (percent) of each open deal, by id, for the board and
        its weighted totals; None while the model is not trained (fewer than
        ``MIN_CLOSED`` closed deals: the stage defaults and hand-set values apply)."""
        scores, note = self.score(as_of=as_of)
        if note is not None:
            return None
        return {s.id: s.model_probability for s in scores if s.model_probability is not None}

    # ------------------------------------------------------------------ facts

    def _deals(self, as_of: date) -> list[_Deal]:
        """Open deals (as of ``as_of``) and deals closed before it, with their factors at
        the moment that matters."""
        o, s, c, sp = m.Opportunity, m.PipelineStage, m.Customer, m.Salesperson
        cutoff = _end_of(as_of)
        with self.db.read() as session:
            stages = {
                r.id: (r.name_zh, r.default_probability, r.kind)
                for r in session.execute(
                    select(s.id, s.name_zh, s.default_probability, s.kind)
                ).all()
            }
            rows = session.execute(
                select(
                    o.id,
                    o.title,
                    c.name,
                    c.industry,
                    c.tier,
                    c.id,
                    func.coalesce(o.source, c.source),
                    sp.name,
                    o.amount,
                    o.stage_id,
                    o.status,
                    o.closed_on,
                    o.created_at,
                    o.stage_changed_at,
                    o.probability_override,
                )
                .join(c, c.id == o.customer_id)
                .outerjoin(sp, sp.id == o.owner_id)
                .where(o.deleted_at.is_(None), c.deleted_at.is_(None), o.created_at < cutoff)
            ).all()
            history: dict[int, list[tuple[datetime, int | None, int]]] = defaultdict(list)
            for changed, moment, before, after in session.execute(
                select(
                    m.StageChange.opportunity_id,
                    m.StageChange.changed_at,
                    m.StageChange.from_stage_id,
                    m.StageChange.to_stage_id,
                )
                .where(m.StageChange.changed_at < cutoff)
                .order_by(m.StageChange.opportunity_id, m.StageChange.changed_at)
            ).all():
                history[changed].append((moment, before, after))
            activities: dict[int, list[date]] = defaultdict(list)
            for worked, done in session.execute(
                select(m.Activity.opportunity_id, m.Activity.done_at)
                .where(
                    m.Activity.opportunity_id.is_not(None),
                    m.Activity.done_at.is_not(None),
                    m.Activity.done_at < cutoff,
                    m.Activity.deleted_at.is_(None),
                )
                .order_by(m.Activity.done_at)
            ).all():
                if worked is not None and done is not None:
                    activities[worked].append(done.date())
            quotes: dict[int, date] = {}
            for quoted, sent in session.execute(
                select(m.Quote.opportunity_id, func.min(m.Quote.sent_at))
                .where(m.Quote.opportunity_id.is_not(None), m.Quote.sent_at.is_not(None))
                .group_by(m.Quote.opportunity_id)
            ).all():
                if quoted is not None:
                    quotes[quoted] = _day(sent) or as_of
            first_orders: dict[int, date] = dict(
                session.execute(
                    select(m.Order.customer_id, func.min(m.Order.order_date)).group_by(
                        m.Order.customer_id
                    )
                ).all()
            )
        deals: list[_Deal] = []
        for row in rows:
            deal = self._deal(row, as_of, stages, history, activities, quotes, first_orders)
            if deal is not None:
                deals.append(deal)
        return deals

    @staticmethod
    def _deal(
        row: Any,
        as_of: date,
        stages: dict[int, tuple[str, int, StageKind]],
        history: dict[int, list[tuple[datetime, int | None, int]]],
        activities: dict[int, list[date]],
        quotes: dict[int, date],
        first_orders: dict[int, date],
    ) -> _Deal | None:
        (
            deal_id, title, customer, industry, tier, customer_id, source, owner, amount,
            stage_id, status, closed_on, created_at, stage_changed_at, override,
        ) = row  # fmt: skip
        closed = status is not OpportunityStatus.OPEN and closed_on is not None
        if closed and closed_on >= as_of:
            closed = False  # closed later: on ``as_of`` it was still open
            changes = [h for h in history.get(deal_id, ()) if h[0].date() < as_of]
            if not changes:
                entered = created_at.date()
            else:
                stage_id, entered = changes[-1][2], changes[-1][0].date()
            if stages.get(stage_id, ("", 0, StageKind.OPEN))[2] is not StageKind.OPEN:
                return None
            moment = as_of
        elif closed:
            # The stage it was in before it closed, and since when.
            changes = history.get(deal_id, [])
            last_open = [h for h in changes if stages.get(h[2], ("", 0, StageKind.OPEN))[2]
                         is StageKind.OPEN]  # fmt: skip
            if not last_open:
                return None  # no record of an open stage (e.g. imported closed): unknown
            stage_id, entered = last_open[-1][2], last_open[-1][0].date()
            moment = closed_on
        else:
            if status is not OpportunityStatus.OPEN:
                return None
            entered = _day(stage_changed_at) or created_at.date()
            moment = as_of
        name, default, _kind = stages.get(stage_id, ("", 0, StageKind.OPEN))
        done = activities.get(deal_id, [])
        before = bisect_left(done, moment)
        recent = before - bisect_left(done, date.fromordinal(moment.toordinal() - 30))
        last = done[before - 1] if before else None
        first_order = first_orders.get(customer_id)
        facts = DealFacts(
            stage=name,
            stage_default=default,
            source=source,
            industry=industry,
            tier=tier,
            existing_customer=first_order is not None and first_order < created_at.date(),
            owner=owner,
            amount=amount or Decimal(0),
            age_in_stage=max(0, (moment - entered).days),
            activities_30d=recent,
            days_since_activity=None if last is None else (moment - last).days,
            quote_sent=deal_id in quotes and quotes[deal_id] < moment,
        )
        won = (status is OpportunityStatus.WON) if closed else None
        return _Deal(deal_id, title, customer, facts, won, closed_on if closed else None, override)
