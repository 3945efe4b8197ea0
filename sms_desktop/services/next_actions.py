"""Next-best actions (今日建议): per salesperson, what to do next and why, ranked.

Read from the stored key-account scores (``services/accounts.py``; recompute first) and the
live quotes, deals, surveys and contacts. A dismissed suggestion is recorded with its reason
in ``next_action_dismissals`` and stays hidden for ``snooze_days``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, and_, exists, func, or_, select
from sqlalchemy.orm import Session

from sms_desktop.domain.clock import clock
from sms_desktop.domain.enums import OpportunityStatus, QuoteStatus
from sms_desktop.domain.errors import NotFoundError
from sms_desktop.domain.i18n import Message, translate
from sms_desktop.domain.next_actions import NextActionKind, priority
from sms_desktop.domain.segmentation import SegmentationParams, Tier
from sms_desktop.persistence import models as m
from sms_desktop.persistence.db import Database
from sms_desktop.services.accounts import WhiteSpace

_KEY_TIERS = (Tier.STRATEGIC, Tier.KEY)
_SURVEY_DAYS = 90  # a low survey older than this is no longer news
_WHITE_SPACE_ACCOUNTS = 10  # white space is looked up for this many top accounts


@dataclass(frozen=True, slots=True)
class NextAction:
    """One suggestion: what, for whom, why, and how urgent."""

    kind: NextActionKind
    customer_id: int
    customer: str
    owner_id: int | None
    owner: str | None
    subject_id: int | None  # the quote or deal it is about (None: the customer)
    reason: Message
    priority: int
    tier: Tier | None


class NextActionsService:
    """Collects, ranks and dismisses the suggestions."""

    def __init__(
        self,
        db: Database,
        params: Callable[[], SegmentationParams] | None = None,
        white_space: Callable[[int], list[WhiteSpace]] | None = None,
    ) -> None:
        self._db = db
        self._params = params or SegmentationParams
        # A key account's white space (AccountsService.white_space); None: not suggested.
        self._white_space = white_space

    def actions(
        self, *, owner_id: int | None = None, language: str = "en", limit: int = 200
    ) -> list[NextAction]:
        """The ranked suggestions of ``owner_id`` (everyone's when None), most urgent first;
        category names in ``language``."""
        params = self._params()
        today = clock().today()
        with self._db.read() as session:
            found = [
                *_quotes_expiring(session, today, params, owner_id),
                *_low_satisfaction(session, today, params, owner_id),
                *_from_scores(session, today, params, owner_id),
                *_not_contacted(session, today, params, owner_id),
                *_deals_without_next_step(session, owner_id),
            ]
            hidden = _dismissed(session, today, params)
            top_accounts = _top_accounts(session, owner_id)
        if self._white_space is not None:
            for customer, name, owner, owner_name, tier in top_accounts:
                for space in self._white_space(customer)[:1]:
                    found.append(
                        NextAction(
                            NextActionKind.WHITE_SPACE,
                            customer,
                            name,
                            owner,
                            owner_name,
                            None,
                            translate(
                                "NextActions",
                                "Similar customers buy {category} (typically {revenue} a year)",
                            ).format(
                                category=space.name(language),
                                revenue=f"{space.typical_revenue:,.2f}",
                            ),
                            priority(NextActionKind.WHITE_SPACE, tier),
                            tier,
                        )
                    )
        shown = [a for a in found if (a.kind, a.customer_id, a.subject_id) not in hidden]
        shown.sort(key=lambda a: (-a.priority, a.customer, a.kind.value, a.subject_id or 0))
        return shown[:limit]

    def dismiss(
        self,
        action: NextAction,
        reason: str,
        *,
        actor_id: int | None = None,
    ) -> None:
        """Hide ``action`` for ``snooze_days`` and record why."""
        with self._db.write() as session:
            if session.get(m.Customer, action.customer_id) is None:
                raise NotFoundError(translate("Accounts", "This customer no longer exists."))
            session.add(
                m.NextActionDismissal(
                    kind=action.kind,
                    customer_id=action.customer_id,
                    subject_id=action.subject_id,
                    reason=reason.strip(),
                    dismissed_by_id=actor_id,
                    dismissed_at=clock().now(),
                )
            )

    def owner_named(self, name: str) -> int:
        """The salesperson called ``name`` (Chinese or English name, any case)."""
        sp = m.Salesperson
        with self._db.read() as session:
            found = session.scalar(
                select(sp.id).where(
                    or_(func.lower(sp.name) == name.lower(), func.lower(sp.name_en) == name.lower())
                )
            )
        if found is None:
            raise NotFoundError(
                translate("NextActions", "There is no salesperson called {name}.").format(name=name)
            )
        return found


# ------------------------------------------------------------------------ the sources


def _owner_filter(column: Any, owner_id: int | None) -> list[ColumnElement[bool]]:
    return [] if owner_id is None else [column == owner_id]


def _customer_tiers(session: Session, customers: set[int]) -> dict[int, Tier]:
    if not customers:
        return {}
    s, o = m.AccountScore, m.AccountTierOverride
    rows = session.execute(
        select(s.customer_id, func.coalesce(o.tier, s.tier))
        .outerjoin(o, o.customer_id == s.customer_id)
        .where(s.customer_id.in_(sorted(customers)))
    ).all()
    return {c: Tier(t) for c, t in rows}


def _quotes_expiring(
    session: Session, today: date, params: SegmentationParams, owner_id: int | None
) -> list[NextAction]:
    q, c, sp = m.Quote, m.Customer, m.Salesperson
    rows = session.execute(
        select(q.id, q.number, q.valid_until, c.id, c.name, q.owner_id, sp.name)
        .join(c, c.id == q.customer_id)
        .outerjoin(sp, sp.id == q.owner_id)
        .where(
            q.status == QuoteStatus.SENT,
            q.deleted_at.is_(None),
            c.deleted_at.is_(None),
            q.valid_until >= today,
            q.valid_until <= today + timedelta(days=params.quote_expiry_days),
            *_owner_filter(q.owner_id, owner_id),
        )
    ).all()
    tiers = _customer_tiers(session, {r[3] for r in rows})
    return [
        NextAction(
            NextActionKind.QUOTE_EXPIRING,
            customer,
            name,
            owner,
            owner_name,
            quote,
            translate("NextActions", "Quote {number} expires in {days} days ({day})").format(
                number=number, days=(until - today).days, day=until.isoformat()
            ),
            priority(
                NextActionKind.QUOTE_EXPIRING,
                tiers.get(customer),
                params.quote_expiry_days - (until - today).days,
            ),
            tiers.get(customer),
        )
        for quote, number, until, customer, name, owner, owner_name in rows
    ]


def _low_satisfaction(
    session: Session, today: date, params: SegmentationParams, owner_id: int | None
) -> list[NextAction]:
    """The latest survey of a customer scored low and nobody was in touch after it."""
    sv, c, cs, sp = m.SatisfactionSurvey, m.Customer, m.CustomerStats, m.Salesperson
    latest = (
        select(sv.customer_id, func.max(sv.surveyed_on).label("day"))
        .where(sv.surveyed_on >= today - timedelta(days=_SURVEY_DAYS))
        .group_by(sv.customer_id)
        .subquery()
    )
    rows = session.execute(
        select(
            sv.id,
            sv.score,
            sv.surveyed_on,
            c.id,
            c.name,
            c.owner_id,
            sp.name,
            cs.last_interaction_at,
        )
        .join(latest, and_(latest.c.customer_id == sv.customer_id, latest.c.day == sv.surveyed_on))
        .join(c, c.id == sv.customer_id)
        .outerjoin(cs, cs.customer_id == c.id)
        .outerjoin(sp, sp.id == c.owner_id)
        .where(
            sv.score <= params.low_satisfaction_score,
            c.deleted_at.is_(None),
            *_owner_filter(c.owner_id, owner_id),
        )
    ).all()
    tiers = _customer_tiers(session, {r[3] for r in rows})
    found: list[NextAction] = []
    for survey, score, day, customer, name, owner, owner_name, contacted in rows:
        if contacted is not None and clock().local_day(contacted) > day:
            continue
        found.append(
            NextAction(
                NextActionKind.LOW_SATISFACTION,
                customer,
                name,
                owner,
                owner_name,
                survey,
                translate(
                    "NextActions", "Scored {score}/5 in the survey of {day}; not followed up"
                ).format(score=score, day=day.isoformat()),
                priority(NextActionKind.LOW_SATISFACTION, tiers.get(customer), (today - day).days),
                tiers.get(customer),
            )
        )
    return found


def _from_scores(
    session: Session, today: date, params: SegmentationParams, owner_id: int | None
) -> list[NextAction]:
    """Re-order due and health dropped, from the stored scores."""
    s, c, o, sp = m.AccountScore, m.Customer, m.AccountTierOverride, m.Salesperson
    tier = func.coalesce(o.tier, s.tier)
    due = and_(
        s.frequency >= 2,
        s.recency_days * 100 >= s.interval_days * params.reorder_due_percent,
        s.p_alive >= Decimal(30),
    )
    dropped = and_(
        s.health.is_not(None),
        s.health_baseline.is_not(None),
        s.health_baseline - s.health >= params.health_drop_points,
    )
    rows = session.execute(
        select(
            c.id,
            c.name,
            c.owner_id,
            sp.name,
            tier,
            s.as_of,
            s.recency_days,
            s.interval_days,
            s.health,
            s.health_baseline,
            due,
            dropped,
        )
        .select_from(s)
        .join(c, c.id == s.customer_id)
        .outerjoin(o, o.customer_id == s.customer_id)
        .outerjoin(sp, sp.id == c.owner_id)
        .where(
            c.deleted_at.is_(None),
            tier != Tier.STANDARD,
            or_(due, dropped),
            *_owner_filter(c.owner_id, owner_id),
        )
    ).all()
    found: list[NextAction] = []
    for (
        customer,
        name,
        owner,
        owner_name,
        tier_value,
        as_of,
        recency,
        interval,
        health,
        baseline,
        is_due,
        is_dropped,
    ) in rows:
        account_tier = Tier(tier_value)
        days = recency + (today - as_of).days
        if is_due:
            found.append(
                NextAction(
                    NextActionKind.REORDER_DUE,
                    customer,
                    name,
                    owner,
                    owner_name,
                    None,
                    translate(
                        "NextActions",
                        "Last order {days} days ago; usually orders every {interval} days",
                    ).format(days=days, interval=interval),
                    priority(NextActionKind.REORDER_DUE, account_tier, days - interval),
                    account_tier,
                )
            )
        if is_dropped and baseline is not None and health is not None:
            found.append(
                NextAction(
                    NextActionKind.HEALTH_DROPPED,
                    customer,
                    name,
                    owner,
                    owner_name,
                    None,
                    translate("NextActions", "Health fell from {before} to {now}").format(
                        before=baseline, now=health
                    ),
                    priority(NextActionKind.HEALTH_DROPPED, account_tier, baseline - health),
                    account_tier,
                )
            )
    return found


def _not_contacted(
    session: Session, today: date, params: SegmentationParams, owner_id: int | None
) -> list[NextAction]:
    s, c, o, cs, sp = (
        m.AccountScore,
        m.Customer,
        m.AccountTierOverride,
        m.CustomerStats,
        m.Salesperson,
    )
    tier = func.coalesce(o.tier, s.tier)
    cutoff = clock().local_midnight(today - timedelta(days=params.contact_days))
    rows = session.execute(
        select(c.id, c.name, c.owner_id, sp.name, tier, cs.last_interaction_at)
        .select_from(s)
        .join(c, c.id == s.customer_id)
        .outerjoin(o, o.customer_id == s.customer_id)
        .outerjoin(cs, cs.customer_id == c.id)
        .outerjoin(sp, sp.id == c.owner_id)
        .where(
            c.deleted_at.is_(None),
            tier.in_(_KEY_TIERS),
            or_(cs.last_interaction_at.is_(None), cs.last_interaction_at < cutoff),
            *_owner_filter(c.owner_id, owner_id),
        )
    ).all()
    found: list[NextAction] = []
    for customer, name, owner, owner_name, tier_value, contacted in rows:
        account_tier = Tier(tier_value)
        if contacted is None:
            reason = translate("NextActions", "Key account with no contact recorded")
            late = params.contact_days
        else:
            days = (today - clock().local_day(contacted)).days
            reason = translate("NextActions", "Key account not contacted for {days} days").format(
                days=days
            )
            late = days - params.contact_days
        found.append(
            NextAction(
                NextActionKind.NOT_CONTACTED,
                customer,
                name,
                owner,
                owner_name,
                None,
                reason,
                priority(NextActionKind.NOT_CONTACTED, account_tier, late),
                account_tier,
            )
        )
    return found


def _deals_without_next_step(session: Session, owner_id: int | None) -> list[NextAction]:
    op, a, c, sp = m.Opportunity, m.Activity, m.Customer, m.Salesperson
    planned = exists().where(a.opportunity_id == op.id, a.done_at.is_(None), a.deleted_at.is_(None))
    rows = session.execute(
        select(op.id, op.title, c.id, c.name, op.owner_id, sp.name)
        .join(c, c.id == op.customer_id)
        .outerjoin(sp, sp.id == op.owner_id)
        .where(
            op.status == OpportunityStatus.OPEN,
            op.deleted_at.is_(None),
            c.deleted_at.is_(None),
            or_(op.next_step.is_(None), op.next_step == ""),
            ~planned,
            *_owner_filter(op.owner_id, owner_id),
        )
    ).all()
    tiers = _customer_tiers(session, {r[2] for r in rows})
    return [
        NextAction(
            NextActionKind.DEAL_NO_NEXT_STEP,
            customer,
            name,
            owner,
            owner_name,
            deal,
            translate("NextActions", "Deal “{title}” has no next step or planned activity").format(
                title=title
            ),
            priority(NextActionKind.DEAL_NO_NEXT_STEP, tiers.get(customer)),
            tiers.get(customer),
        )
        for deal, title, customer, name, owner, owner_name in rows
    ]


def _top_accounts(
    session: Session, owner_id: int | None
) -> list[tuple[int, str, int | None, str | None, Tier]]:
    s, c, o, sp = m.AccountScore, m.Customer, m.AccountTierOverride, m.Salesperson
    tier = func.coalesce(o.tier, s.tier)
    rows = session.execute(
        select(c.id, c.name, c.owner_id, sp.name, tier)
        .select_from(s)
        .join(c, c.id == s.customer_id)
        .outerjoin(o, o.customer_id == s.customer_id)
        .outerjoin(sp, sp.id == c.owner_id)
        .where(c.deleted_at.is_(None), tier.in_(_KEY_TIERS), *_owner_filter(c.owner_id, owner_id))
        .order_by(s.score.desc(), c.id)
        .limit(_WHITE_SPACE_ACCOUNTS)
    ).all()
    return [(r[0], r[1], r[2], r[3], Tier(r[4])) for r in rows]


def _dismissed(
    session: Session, today: date, params: SegmentationParams
) -> set[tuple[NextActionKind, int, int | None]]:
    d = m.NextActionDismissal
    since = clock().local_midnight(today - timedelta(days=params.snooze_days))
    return {
        (kind, customer, subject)
        for kind, customer, subject in session.execute(
            select(d.kind, d.customer_id, d.subject_id).where(d.dismissed_at >= since)
        )
    }
