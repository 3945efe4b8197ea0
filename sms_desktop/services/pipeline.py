"""The sales pipeline: the board, the list of deals, editing, stage moves (the stages
themselves are configured in :mod:`sms_desktop.services.stages`).

Only :func:`move_in_session` changes a deal's stage (and with it its status): the board's
:meth:`PipelineService.move` runs it in its own transaction, accepting a quote runs it inside
the acceptance's. It checks the move against the state machine in
:mod:`sms_desktop.domain.pipeline`, records who moved it and when
(``opportunity_stage_history`` and the audit log) and returns a :class:`MoveRecord` with
which :meth:`PipelineService.undo_move` puts the row back exactly. :meth:`PipelineService.move`
also returns the moved card and the board's totals as :meth:`PipelineService.board` would
show them, so the board shows a move without re-reading every card or adding figures itself.

Weighted amounts come from :mod:`sms_desktop.domain.pipeline` only: per card from
``weighted_minor``, summed in SQL through ``weighted_sum_minor``.

Amounts are summed as stored, whatever their currency (currency conversion is not modelled).
Deals of customers in the trash are hidden from the board and the list, like the customers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, fields, replace
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from decimal import Decimal
from typing import Any, Literal, get_args

from sqlalchemy import (
    ColumnElement,
    Integer,
    Select,
    String,
    and_,
    bindparam,
    case,
    delete,
    func,
    or_,
    select,
    type_coerce,
)
from sqlalchemy.orm import Session

from sms_desktop.domain.clock import clock, local_zone
from sms_desktop.domain.enums import AuditAction, OpportunityStatus, StageKind
from sms_desktop.domain.errors import ConflictError, Errors, NotFoundError, ValidationError
from sms_desktop.domain.i18n import Message, translate
from sms_desktop.domain.money import CENT, CURRENCIES, amount_problem, from_minor
from sms_desktop.domain.pipeline import (
    WEIGHTED_GROUP_MODULUS,
    Attention,
    NextActivity,
    activity_state_on,
    attention,
    can_move,
    probability,
    weighted_amount,
    weighted_minor,
    weighted_sum_minor,
)
from sms_desktop.persistence import models as m
from sms_desktop.persistence.db import Database
from sms_desktop.services import audit
from sms_desktop.services.customers import trashed_customer_ids
from sms_desktop.services.lists import Order
from sms_desktop.services.stages import StageRow, stage_of, stage_row

OpportunitySortKey = Literal[
    "title",
    "customer",
    "stage",
    "status",
    "amount",
    "probability",
    "weighted",
    "expected_close",
    "owner",
    "closed_on",
    "created",
]
SORT_KEYS: tuple[OpportunitySortKey, ...] = get_args(OpportunitySortKey)

_ENTITY = "opportunity"
_ONE_DAY = timedelta(days=1)
MAX_TITLE = 200
MAX_SOURCE = 80
MAX_SHORT_TEXT = 300  # competitors, next step
EARLIEST_CLOSE = date(2000, 1, 1)
CLOSE_YEARS_AHEAD = 10

_STATUS_OF_KIND = {
    StageKind.OPEN: OpportunityStatus.OPEN,
    StageKind.WON: OpportunityStatus.WON,
    StageKind.LOST: OpportunityStatus.LOST,
}


# ------------------------------------------------------------------------ read models


@dataclass(frozen=True, slots=True)
class Card:
    """One open deal on the board."""

    id: int
    title: str
    customer_id: int
    customer: str
    amount: Decimal
    currency: str
    expected_close: date | None
    owner: str | None
    stage_id: int
    probability: int
    probability_overridden: bool
    weighted: Decimal
    stage_age_days: int  # whole local calendar days since it entered its stage
    attention: Attention
    next_activity: NextActivity
    from_model: bool = False  # the probability is the win model's (not set by hand)


# The win model's probability (percent) of each open deal it scored, by deal id.
ModelProbabilities = Mapping[int, int]


@dataclass(frozen=True, slots=True)
class BoardColumn:
    stage: StageRow
    cards: tuple[Card, ...]
    count: int
    amount: Decimal
    weighted: Decimal  # the sum of the cards' rounded weighted amounts


@dataclass(frozen=True, slots=True)
class Board:
    columns: tuple[BoardColumn, ...]  # the non-archived open stages, in order
    open_total: Decimal
    weighted_total: Decimal
    closing_this_month: Decimal  # amounts expected to close in the month of ``today``
    won_stage: StageRow
    lost_stage: StageRow


@dataclass(frozen=True, slots=True)
class ColumnTotals:
    """The header figures of one board column."""

    stage_id: int
    count: int
    amount: Decimal
    weighted: Decimal  # the sum of the cards' rounded weighted amounts


@dataclass(frozen=True, slots=True)
class BoardTotals:
    """Every figure of the board that is not a card: each column's header and the summary."""

    columns: tuple[ColumnTotals, ...]  # the non-archived open stages, in board order
    open_total: Decimal
    weighted_total: Decimal
    closing_this_month: Decimal

    def column(self, stage_id: int) -> ColumnTotals | None:
        return next((c for c in self.columns if c.stage_id == stage_id), None)


@dataclass(frozen=True, slots=True)
class PipelineFilter:
    """What the board and the list show.

    ``search`` matches a deal when its customer matches every term (the customer search:
    names, pinyin, phones … see :func:`sms_desktop.persistence.search.match_condition`) or
    when its title contains the whole text (case-insensitive for ASCII letters).
    ``status`` applies to the list; the board always shows open deals.
    """

    owner_id: int | None = None
    close_from: date | None = None  # expected close on or after this day
    close_to: date | None = None  # … and on or before this one
    tier: str | None = None  # the customer's tier
    search: str = ""
    status: OpportunityStatus | None = OpportunityStatus.OPEN


@dataclass(frozen=True, slots=True)
class OpportunityRow:
    """One deal of the list view."""

    id: int
    title: str
    customer_id: int
    customer: str
    stage_id: int
    stage_name_zh: str
    stage_name_en: str
    status: OpportunityStatus
    amount: Decimal
    currency: str
    probability: int
    weighted: Decimal
    expected_close: date | None
    owner: str | None
    closed_on: date | None
    lost_reason_zh: str | None
    lost_reason_en: str | None
    created_at: datetime

    def stage_name(self, language: str) -> str:
        return self.stage_name_zh if language == "zh_CN" else self.stage_name_en

    def lost_reason(self, language: str) -> str:
        text = self.lost_reason_zh if language == "zh_CN" else self.lost_reason_en
        return text or ""


@dataclass(frozen=True, slots=True)
class OpportunityInput:
    """The editable fields of a deal (as the form holds them)."""

    customer_id: int | None
    title: str
    amount: Decimal = Decimal("0.00")
    currency: str = "CNY"
    stage_id: int | None = None  # only when creating: moves go through move()
    probability_override: int | None = None
    expected_close: date | None = None
    contact_id: int | None = None
    source: str = ""
    owner_id: int | None = None
    competitors: str = ""
    next_step: str = ""
    notes: str = ""


@dataclass(frozen=True, slots=True)
class OpportunityDetail:
    id: int
    data: OpportunityInput
    customer_name: str
    stage: StageRow
    status: OpportunityStatus
    lost_reason_id: int | None
    lost_note: str | None
    closed_on: date | None
    created_at: datetime
    stage_changed_at: datetime
    forecast_commit: bool = False  # flagged commit by hand (the pipeline forecast)


@dataclass(frozen=True, slots=True)
class DealEdit:
    """One save of the deal's editor: its fields and its commit flag, written together."""

    data: OpportunityInput
    forecast_commit: bool


@dataclass(frozen=True, slots=True)
class MoveRecord:
    """Everything a move changed, so that :meth:`PipelineService.undo_move` restores it."""

    opportunity_id: int
    from_stage_id: int
    to_stage_id: int
    previous_status: OpportunityStatus
    previous_closed_on: date | None
    previous_lost_reason_id: int | None
    previous_lost_note: str | None
    previous_stage_changed_at: datetime
    previous_updated_at: datetime
    stage_change_id: int  # the history row the move wrote


@dataclass(frozen=True, slots=True)
class MoveResult:
    """What :meth:`PipelineService.move` did and what the board shows after it."""

    record: MoveRecord
    card: Card | None  # the deal as a fresh board shows it; None when it left the board
    totals: BoardTotals  # of the board under the filter the move was given


# ------------------------------------------------------------------------ validation


def _strip(value: Any) -> Any:
    return value.strip() if isinstance(value, str) else value


def _years_later(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _too_long(limit: int) -> Message:
    return translate("Pipeline", "This text is longer than {max} characters.").format(max=limit)


def clean_opportunity(data: OpportunityInput, *, today: date | None = None) -> OpportunityInput:
    """Trim text and refuse bad input field by field (that the customer, contact, owner and
    stage exist is checked by the service, which can read them)."""
    today = today or clock().today()
    values = {f.name: _strip(getattr(data, f.name)) for f in fields(OpportunityInput)}
    cleaned = OpportunityInput(**values)
    errors = Errors()
    if not cleaned.title:
        errors.add("title", translate("Pipeline", "Enter a title for the opportunity."))
    elif len(cleaned.title) > MAX_TITLE:
        errors.add(
            "title",
            translate("Pipeline", "The title is longer than {max} characters.").format(
                max=MAX_TITLE
            ),
        )
    if cleaned.customer_id is None:
        errors.add("customer_id", translate("Pipeline", "Choose the customer."))
    amount = cleaned.amount
    problem = amount_problem(amount) if isinstance(amount, Decimal) else "not_finite"
    if problem == "negative":
        errors.add("amount", translate("Pipeline", "The amount cannot be negative."))
    elif problem == "decimals":
        errors.add("amount", translate("Pipeline", "Amounts have at most two decimals."))
    elif problem is not None:
        errors.add("amount", translate("Pipeline", "Enter an amount up to 999,999,999,999.99."))
    else:
        cleaned = replace(cleaned, amount=amount.quantize(CENT))
    override = cleaned.probability_override
    if override is not None and not 0 <= override <= 100:
        errors.add(
            "probability_override",
            translate("Pipeline", "The probability is a percentage from 0 to 100."),
        )
    close = cleaned.expected_close
    latest = _years_later(today, CLOSE_YEARS_AHEAD)
    if close is not None and not EARLIEST_CLOSE <= close <= latest:
        errors.add(
            "expected_close",
            translate("Pipeline", "Enter a close date between {earliest} and {latest}.").format(
                earliest=EARLIEST_CLOSE.isoformat(), latest=latest.isoformat()
            ),
        )
    if cleaned.currency not in CURRENCIES:
        errors.add("currency", translate("Pipeline", "Choose one of the supported currencies."))
    if len(cleaned.source) > MAX_SOURCE:
        errors.add("source", _too_long(MAX_SOURCE))
    for key in ("competitors", "next_step"):
        if len(getattr(cleaned, key)) > MAX_SHORT_TEXT:
            errors.add(key, _too_long(MAX_SHORT_TEXT))
    errors.raise_if_any()
    return cleaned


# ----------------------------------------------------------------------------- helpers

_TEXT_FIELDS = ("source", "competitors", "next_step", "notes")
# Lone surrogates cannot be encoded for SQLite; they can match nothing anyway.
_UNENCODABLE = re.compile("[\ud800-\udfff]")


def _input_of(o: m.Opportunity) -> OpportunityInput:
    return OpportunityInput(
        customer_id=o.customer_id,
        title=o.title,
        amount=o.amount,
        currency=o.currency,
        stage_id=o.stage_id,
        probability_override=o.probability_override,
        expected_close=o.expected_close,
        contact_id=o.contact_id,
        owner_id=o.owner_id,
        **{k: getattr(o, k) or "" for k in _TEXT_FIELDS},
    )


def _apply(o: m.Opportunity, data: OpportunityInput) -> None:
    o.customer_id = data.customer_id  # type: ignore[assignment]  # checked by clean_*
    o.title = data.title
    o.amount = data.amount
    o.currency = data.currency
    o.probability_override = data.probability_override
    o.expected_close = data.expected_close
    o.contact_id = data.contact_id
    o.owner_id = data.owner_id
    for key in _TEXT_FIELDS:
        setattr(o, key, getattr(data, key) or None)


def _update_in(session: Session, opportunity_id: int, data: OpportunityInput) -> OpportunityInput:
    """The form's fields saved inside the caller's transaction; the values before."""
    cleaned = clean_opportunity(data)
    opportunity = _live(session, opportunity_id)
    before = _input_of(opportunity)
    cleaned = replace(cleaned, stage_id=opportunity.stage_id)
    _check_references(session, cleaned)
    _apply(opportunity, cleaned)
    audit.record_changes(session, _ENTITY, opportunity_id, asdict(before), asdict(cleaned))
    assert before.customer_id is not None
    _refresh_stats(session, [before.customer_id, opportunity.customer_id])
    return before


def _live(session: Session, opportunity_id: int) -> m.Opportunity:
    opportunity = session.get(m.Opportunity, opportunity_id)
    if opportunity is None or opportunity.deleted_at is not None:
        raise NotFoundError(translate("Pipeline", "This opportunity no longer exists."))
    return opportunity


def _check_references(session: Session, data: OpportunityInput) -> None:
    """The customer is live, the contact is one of its contacts, the owner exists."""
    errors = Errors()
    customer = session.get(m.Customer, data.customer_id) if data.customer_id else None
    if customer is None or customer.deleted_at is not None:
        errors.add("customer_id", translate("Pipeline", "This customer no longer exists."))
    if data.contact_id is not None:
        contact = session.get(m.Contact, data.contact_id)
        if (
            contact is None
            or contact.deleted_at is not None
            or contact.customer_id != (data.customer_id)
        ):
            errors.add(
                "contact_id", translate("Pipeline", "Choose one of this customer's contacts.")
            )
    if data.owner_id is not None and session.get(m.Salesperson, data.owner_id) is None:
        errors.add("owner_id", translate("Pipeline", "Choose one of the salespeople."))
    errors.raise_if_any()


def _refresh_stats(session: Session, customer_ids: Sequence[int]) -> None:
    from sms_desktop.services.stats import refresh_customer_stats

    session.flush()
    refresh_customer_stats(session.connection(), customer_ids)


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def _audit_stage(
    session: Session,
    opportunity_id: int,
    old: int | None,
    new: int,
    *,
    actor_id: int | None,
    reason: str | None = None,
) -> None:
    # Written directly (not through audit.record) to keep who moved it.
    session.add(
        m.AuditEntry(
            actor_id=actor_id,
            entity=_ENTITY,
            entity_id=opportunity_id,
            action=AuditAction.UPDATE,
            field="stage_id",
            old_value=_text(old),
            new_value=_text(new),
            reason=reason,
        )
    )


class _LocalDays:
    """Local calendar days (as ordinals) of stored UTC timestamps, without parsing each one.

    Stored timestamps are UTC text (``YYYY-MM-DD HH:MM:SS.ffffff``). An instant's local day
    is its UTC day, the day before or the day after (offsets are under 24 hours), decided by
    comparing the text with the two local midnights around that UTC day, computed once per
    UTC day. The board converts 20,000 stamps this way several times faster than with
    ``fromisoformat`` and ``astimezone``.
    """

    def __init__(self, tz: tzinfo) -> None:
        self._tz = tz
        self._bounds: dict[str, tuple[int, str, str]] = {}
        self._dates: dict[str, date] = {}

    def _midnight(self, day: date) -> str:
        start = datetime.combine(day, time(0), tzinfo=self._tz).astimezone(UTC)
        return start.strftime("%Y-%m-%d %H:%M:%S")

    def ordinal(self, stamp: str) -> int:
        """The local day of a stored UTC timestamp, as ``date.toordinal()``."""
        key = stamp[:10]
        bounds = self._bounds.get(key)
        if bounds is None:
            utc_day = date.fromisoformat(key)
            bounds = (
                utc_day.toordinal(),
                self._midnight(utc_day),
                self._midnight(utc_day + _ONE_DAY),
            )
            self._bounds[key] = bounds
        day, this_midnight, next_midnight = bounds
        second = stamp[:19]  # midnights fall on whole seconds
        if second >= next_midnight:
            return day + 1
        if second >= this_midnight:
            return day
        return day - 1

    def iso_date(self, text: str) -> date:
        """A stored date (``YYYY-MM-DD``); the same dates repeat, so each is parsed once."""
        day = self._dates.get(text)
        if day is None:
            day = self._dates[text] = date.fromisoformat(text)
        return day


# ------------------------------------------------------------------------------ moving


def _refusal(source: m.PipelineStage, target: m.PipelineStage, same: bool) -> Message:
    if same:
        return translate("Pipeline", "The opportunity is already in this stage.")
    if target.archived:
        return translate("Pipeline", "This stage is archived: choose another one.")
    if source.kind is StageKind.WON:
        return translate(
            "Pipeline", "A won opportunity is closed: it became an order and stays won."
        )
    return translate("Pipeline", "An opportunity cannot move from {source} to {target}.").format(
        source=source.name_en, target=target.name_en
    )


def _check_lost_reason(session: Session, lost_reason_id: int | None, note: str) -> None:
    if lost_reason_id is None:
        if not note:
            raise ValidationError(
                {"lost_reason": translate("Pipeline", "Choose why it was lost, or write a note.")}
            )
        return
    reason = session.get(m.LostReason, lost_reason_id)
    if reason is None or reason.archived:
        raise ValidationError(
            {"lost_reason": translate("Pipeline", "Choose one of the lost reasons.")}
        )


def move_in_session(
    session: Session,
    opportunity_id: int,
    to_stage_id: int,
    *,
    by: int | None,
    now: datetime,
    lost_reason_id: int | None = None,
    lost_note: str = "",
    closed_on: date | None = None,
) -> MoveRecord:
    """Move a deal to another stage inside the caller's transaction: the one place a stage
    (and the status) changes. Checks the move with :func:`~sms_desktop.domain.pipeline.can_move`,
    writes the stage history and the audit entry (``by``: who moved it), sets ``updated_at``
    and refreshes the customer's figures. ``closed_on`` (won or lost): the business day it
    closed, by default ``now``'s day in the user's zone."""
    note = lost_note.strip()
    opportunity = _live(session, opportunity_id)
    source = stage_of(session, opportunity.stage_id)
    target = stage_of(session, to_stage_id)
    same = source.id == target.id
    if not can_move(source.kind, target.kind, to_archived=target.archived, same_stage=same):
        raise ConflictError(_refusal(source, target, same))
    if target.kind is StageKind.LOST:
        _check_lost_reason(session, lost_reason_id, note)
    record_fields = (
        opportunity.status,
        opportunity.closed_on,
        opportunity.lost_reason_id,
        opportunity.lost_note,
        opportunity.stage_changed_at,
        opportunity.updated_at,
    )
    opportunity.stage_id = target.id
    opportunity.status = _STATUS_OF_KIND[target.kind]
    if target.kind is StageKind.OPEN:
        opportunity.closed_on = None
        opportunity.lost_reason_id = None
        opportunity.lost_note = None
    else:
        # The business day the deal closed, in the user's zone.
        opportunity.closed_on = closed_on or now.astimezone(local_zone()).date()
        if target.kind is StageKind.LOST:
            opportunity.lost_reason_id = lost_reason_id
            opportunity.lost_note = note or None
    opportunity.stage_changed_at = now
    opportunity.updated_at = now
    change = m.StageChange(
        opportunity_id=opportunity_id,
        from_stage_id=source.id,
        to_stage_id=target.id,
        changed_at=now,
        changed_by_id=by,
    )
    session.add(change)
    _audit_stage(session, opportunity_id, source.id, target.id, actor_id=by, reason=note or None)
    _refresh_stats(session, [opportunity.customer_id])
    return MoveRecord(opportunity_id, source.id, target.id, *record_fields, change.id)


def undo_move_in_session(session: Session, record: MoveRecord) -> None:
    """Put the deal back exactly as it was before ``record``'s move (``updated_at`` too) and
    remove the history row the move wrote, inside the caller's transaction; refused when
    the deal has moved again since."""
    opportunity = _live(session, record.opportunity_id)
    if opportunity.stage_id != record.to_stage_id:
        raise ConflictError(
            translate(
                "Pipeline",
                "The opportunity has moved again since; undo the later move first.",
            )
        )
    opportunity.stage_id = record.from_stage_id
    opportunity.status = record.previous_status
    opportunity.closed_on = record.previous_closed_on
    opportunity.lost_reason_id = record.previous_lost_reason_id
    opportunity.lost_note = record.previous_lost_note
    opportunity.stage_changed_at = record.previous_stage_changed_at
    opportunity.updated_at = record.previous_updated_at
    session.execute(
        delete(m.StageChange).where(
            m.StageChange.id == record.stage_change_id,
            m.StageChange.opportunity_id == record.opportunity_id,
        )
    )
    _audit_stage(
        session,
        record.opportunity_id,
        record.to_stage_id,
        record.from_stage_id,
        actor_id=None,
        reason="undo",
    )
    _refresh_stats(session, [opportunity.customer_id])


# ------------------------------------------------------------------------- the service


class PipelineService:
    """Everything the Pipeline tab and its settings read and write; one transaction per call."""

    def __init__(self, db: Database) -> None:
        self._db = db

    # --------------------------------------------------------------- filters & queries

    def _conditions(
        self, flt: PipelineFilter, *, customers_joined: bool = True
    ) -> list[ColumnElement[bool]]:
        """The filter's conditions on deals; ``customers_joined``: the query joins the
        customer (else only the filter's tier needs one, as a subquery)."""
        from sms_desktop.persistence.search import match_condition

        o, c = m.Opportunity, m.Customer
        conditions: list[ColumnElement[bool]] = [o.deleted_at.is_(None)]
        if customers_joined:
            conditions.append(c.deleted_at.is_(None))
        else:
            conditions.append(o.customer_id.not_in(trashed_customer_ids()))
        if flt.owner_id is not None:
            conditions.append(o.owner_id == flt.owner_id)
        if flt.close_from is not None:
            conditions.append(o.expected_close >= flt.close_from)
        if flt.close_to is not None:
            conditions.append(o.expected_close <= flt.close_to)
        if flt.tier:
            conditions.append(
                c.tier == flt.tier
                if customers_joined
                else o.customer_id.in_(select(c.id).where(c.tier == flt.tier))
            )
        text = _UNENCODABLE.sub("", flt.search).strip()
        if text:
            # instr(), not LIKE: no character of the user's text is a wildcard.
            in_title = (
                func.instr(func.lower(o.title), func.lower(bindparam(None, text, type_=String))) > 0
            )
            customer_matches = match_condition(text, o.customer_id)
            conditions.append(
                in_title if customer_matches is None else or_(customer_matches, in_title)
            )
        return conditions

    def _list_query(
        self, flt: PipelineFilter, order_by: OpportunitySortKey, descending: bool
    ) -> Select[*tuple[Any, ...]]:
        o, c, s, sp, r = m.Opportunity, m.Customer, m.PipelineStage, m.Salesperson, m.LostReason
        chance = func.coalesce(o.probability_override, s.default_probability)
        sort_columns: dict[str, Any] = {
            "title": o.title,
            "customer": c.sort_name,
            "stage": s.position,
            "status": o.status,
            "amount": o.amount,
            "probability": chance,
            "weighted": type_coerce(o.amount, Integer) * chance,
            "expected_close": o.expected_close,
            "owner": sp.name,
            "closed_on": o.closed_on,
            "created": o.created_at,
        }
        key = sort_columns[order_by]
        nullable = order_by in ("expected_close", "owner", "closed_on")
        # Empty values sort last either way, then the id keeps the order stable.
        ordering: list[Any] = [key.is_(None)] if nullable else []
        ordering += [
            key.desc() if descending else key.asc(),
            o.id.desc() if descending else o.id.asc(),
        ]
        conditions = self._conditions(flt)
        if flt.status is not None:
            conditions.append(o.status == flt.status)
        return (
            select(
                o.id,
                o.title,
                o.customer_id,
                c.name,
                o.stage_id,
                s.name_zh,
                s.name_en,
                o.status,
                o.amount,
                o.currency,
                o.probability_override,
                s.default_probability,
                o.expected_close,
                sp.name,
                o.closed_on,
                r.name_zh,
                r.name_en,
                o.created_at,
            )
            .select_from(o)
            .join(c, c.id == o.customer_id)
            .join(s, s.id == o.stage_id)
            .outerjoin(sp, sp.id == o.owner_id)
            .outerjoin(r, r.id == o.lost_reason_id)
            .where(and_(*conditions))
            .order_by(*ordering)
        )

    @staticmethod
    def _row(r: Any) -> OpportunityRow:
        (oid, title, cid, customer, stage_id, stage_zh, stage_en, status, amount, currency,
         override, default, close, owner, closed_on, reason_zh, reason_en, created) = r  # fmt: skip
        chance = probability(default, override)
        return OpportunityRow(
            oid,
            title,
            cid,
            customer,
            stage_id,
            stage_zh,
            stage_en,
            status,
            amount,
            currency,
            chance,
            weighted_amount(amount, chance),
            close,
            owner,
            closed_on,
            reason_zh,
            reason_en,
            created,
        )

    def count_opportunities(
        self, flt: PipelineFilter = PipelineFilter(), *, cap: int | None = None
    ) -> int:
        """How many deals match; with ``cap``, counting stops there."""
        o, c = m.Opportunity, m.Customer
        conditions = self._conditions(flt)
        if flt.status is not None:
            conditions.append(o.status == flt.status)
        inner = select(o.id).join(c, c.id == o.customer_id).where(and_(*conditions))
        if cap is not None:
            inner = inner.limit(cap)
        with self._db.read() as session:
            return session.scalar(select(func.count()).select_from(inner.subquery())) or 0

    def list_opportunities(
        self,
        flt: PipelineFilter = PipelineFilter(),
        *,
        offset: int = 0,
        limit: int = 256,
        order_by: OpportunitySortKey = "expected_close",
        descending: bool = False,
    ) -> list[OpportunityRow]:
        query = self._list_query(flt, order_by, descending).offset(offset).limit(limit)
        with self._db.read() as session:
            return [self._row(r) for r in session.execute(query)]

    def iter_opportunities(
        self,
        flt: PipelineFilter,
        *,
        order_by: OpportunitySortKey = "expected_close",
        descending: bool = False,
        batch: int = 2000,
    ) -> Iterator[OpportunityRow]:
        """Every matching row in list order, read in batches (for exports)."""
        query = self._list_query(flt, order_by, descending)
        with self._db.read() as session:
            for r in session.execute(query.execution_options(yield_per=batch)):
                yield self._row(r)

    # ------------------------------------------------------------ the list protocol

    def count_rows(self, flt: PipelineFilter, /, *, cap: int | None = None) -> int:
        return self.count_opportunities(flt, cap=cap)

    def page_rows(
        self, flt: PipelineFilter, order: Order[OpportunitySortKey], /, *, offset: int, limit: int
    ) -> list[OpportunityRow]:
        return self.list_opportunities(
            flt, offset=offset, limit=limit, order_by=order.key, descending=order.descending
        )

    def iter_rows(
        self, flt: PipelineFilter, order: Order[OpportunitySortKey], /
    ) -> Iterator[OpportunityRow]:
        return self.iter_opportunities(flt, order_by=order.key, descending=order.descending)

    # ---------------------------------------------------------------------- the board

    def board(
        self,
        flt: PipelineFilter = PipelineFilter(),
        *,
        today: date | None = None,
        now: datetime | None = None,
        tz: tzinfo | None = None,
        model: ModelProbabilities | None = None,
    ) -> Board:
        """The open deals of the non-archived open stages, one column per stage.

        ``now`` (default: the clock) and ``tz`` (default: the system's zone) decide the
        next-activity dots and the days in stage; ``today`` (default: ``now``'s day in ``tz``)
        the month of "closing this month". ``model``: the win model's probability per deal
        (:meth:`WinProbabilityService.model_probabilities`), used where none was set by hand,
        on the cards and in every weighted total.
        """
        tz = tz or local_zone()
        now = now or clock().now()
        with self._db.read() as session:
            return self._read_board(
                session,
                flt,
                now=now,
                tz=tz,
                today=today or now.astimezone(tz).date(),
                model=model,
            )

    def _board_conditions(
        self, flt: PipelineFilter, *, customers_joined: bool = True
    ) -> list[ColumnElement[bool]]:
        """Which deals the board shows (its query joins the stage, and the customer unless
        ``customers_joined`` is false)."""
        o, s = m.Opportunity, m.PipelineStage
        return [
            o.status == OpportunityStatus.OPEN,
            s.kind == StageKind.OPEN,
            s.archived.is_(False),
            *self._conditions(flt, customers_joined=customers_joined),
        ]

    def _read_board(
        self,
        session: Session,
        flt: PipelineFilter,
        *,
        now: datetime,
        tz: tzinfo,
        today: date,
        only: int | None = None,
        model: ModelProbabilities | None = None,
    ) -> Board:
        """:meth:`board` inside a session; ``only``: just that deal's card (if shown)."""
        local_today = now.astimezone(tz).date()
        o, c, s, sp, a = (
            m.Opportunity,
            m.Customer,
            m.PipelineStage,
            m.Salesperson,
            m.Activity,
        )
        # The next open activity of each deal: with the partial index on
        # (opportunity_id, due_at) of open activities, one index seek per deal.
        next_due = (
            select(func.min(a.due_at))
            .where(a.opportunity_id == o.id, a.done_at.is_(None), a.deleted_at.is_(None))
            .scalar_subquery()
        )
        # Raw values (minor units, ISO text): 15,000 rows convert much faster by hand
        # than through the column types' generic result processors.
        query = (
            select(
                o.id,
                o.title,
                o.customer_id,
                c.name,
                type_coerce(o.amount, Integer),
                o.currency,
                type_coerce(o.expected_close, String),
                sp.name,
                o.stage_id,
                o.probability_override,
                type_coerce(o.stage_changed_at, String),
                type_coerce(next_due, String),
            )
            .select_from(o)
            .join(s, s.id == o.stage_id)
            .join(c, c.id == o.customer_id)
            .outerjoin(sp, sp.id == o.owner_id)
            .where(*self._board_conditions(flt), *([] if only is None else [o.id == only]))
            .order_by(
                o.expected_close.is_(None),
                o.expected_close,
                type_coerce(o.amount, Integer).desc(),
                o.id,
            )
        )
        all_stages = [stage_row(st) for st in session.scalars(select(s).order_by(s.position, s.id))]
        # Core rows straight from the connection: no ORM result machinery per row.
        rows = session.connection().execute(query).all()
        open_stages = [st for st in all_stages if st.kind is StageKind.OPEN and not st.archived]
        won = next((st for st in all_stages if st.kind is StageKind.WON), None)
        lost = next((st for st in all_stages if st.kind is StageKind.LOST), None)
        if won is None or lost is None:
            raise NotFoundError(translate("Pipeline", "The pipeline has no won or lost stage."))
        # Totals are added in minor units (exact integers) and converted once.
        cards: dict[int, list[Card]] = {st.id: [] for st in open_stages}
        amounts = dict.fromkeys(cards, 0)
        weights = dict.fromkeys(cards, 0)
        closing = 0
        this_month = f"{today:%Y-%m}"
        stage_of = {st.id: st for st in open_stages}
        days = _LocalDays(tz)
        today_number = local_today.toordinal()
        money: dict[int, Decimal] = {}  # minor units → Decimal: amounts repeat (10,000.00 …)
        for (oid, title, cid, customer, minor, currency, close_text, owner, stage_id, override,
             changed_text, due_text) in rows:  # fmt: skip
            stage = stage_of[stage_id]
            learned = None if model is None or override is not None else model.get(oid)
            chance = probability(stage.default_probability, override, learned)
            weighted_cents = weighted_minor(minor, chance)
            age = max(today_number - days.ordinal(changed_text), 0)
            due = None if due_text is None else date.fromordinal(days.ordinal(due_text))
            dot = activity_state_on(due, local_today)
            amounts[stage_id] += minor
            weights[stage_id] += weighted_cents
            if close_text is not None and close_text[:7] == this_month:
                closing += minor
            amount = money.get(minor)
            if amount is None:
                amount = money[minor] = from_minor(minor)
            weighted = money.get(weighted_cents)
            if weighted is None:
                weighted = money[weighted_cents] = from_minor(weighted_cents)
            cards[stage_id].append(
                Card(
                    oid,
                    title,
                    cid,
                    customer,
                    amount,
                    currency,
                    None if close_text is None else days.iso_date(close_text),
                    owner,
                    stage_id,
                    chance,
                    override is not None,
                    weighted,
                    age,
                    attention(age, stage.stale_after_days, dot),
                    dot,
                    learned is not None,
                )
            )
        columns = tuple(
            BoardColumn(
                st,
                tuple(cards[st.id]),
                len(cards[st.id]),
                from_minor(amounts[st.id]),
                from_minor(weights[st.id]),
            )
            for st in open_stages
        )
        return Board(
            columns,
            from_minor(sum(amounts.values())),
            from_minor(sum(weights.values())),
            from_minor(closing),
            won,
            lost,
        )

    def _totals(
        self,
        session: Session,
        flt: PipelineFilter,
        board: Board,
        today: date,
        model: ModelProbabilities | None = None,
    ) -> BoardTotals:
        """The figures of ``board``'s columns and summary, added up in SQL over the deals the
        board shows: per stage, probability and amount residue, then weighted through
        :func:`~sms_desktop.domain.pipeline.weighted_sum_minor` (the same sums the board adds
        card by card). The customers are not joined: over every open deal, reading each
        deal's customer row to exclude the few in the trash cost most of the time."""
        if model is not None:
            return self._model_totals(session, flt, board, today, model)
        o, s = m.Opportunity, m.PipelineStage
        minor = type_coerce(o.amount, Integer)
        chance = func.coalesce(o.probability_override, s.default_probability)
        residue = minor % WEIGHTED_GROUP_MODULUS
        first = today.replace(day=1)
        following = (first + timedelta(days=32)).replace(day=1)
        closing = case(
            (and_(o.expected_close >= first, o.expected_close < following), minor), else_=0
        )
        query = (
            select(o.stage_id, chance, residue, func.count(), func.sum(minor), func.sum(closing))
            .select_from(o)
            .join(s, s.id == o.stage_id)
            .where(*self._board_conditions(flt, customers_joined=False))
            .group_by(o.stage_id, chance, residue)
        )
        stage_ids = [col.stage.id for col in board.columns]
        counts = dict.fromkeys(stage_ids, 0)
        amounts = dict.fromkeys(stage_ids, 0)
        weights = dict.fromkeys(stage_ids, 0)
        month = 0
        for stage_id, percent, rest, n, total, closing_minor in session.execute(query):
            counts[stage_id] += n
            amounts[stage_id] += total
            weights[stage_id] += weighted_sum_minor(percent, rest, n, total)
            month += closing_minor
        return BoardTotals(
            tuple(
                ColumnTotals(i, counts[i], from_minor(amounts[i]), from_minor(weights[i]))
                for i in stage_ids
            ),
            from_minor(sum(amounts.values())),
            from_minor(sum(weights.values())),
            from_minor(month),
        )

    # ------------------------------------------------------------------- moving

    def _model_totals(
        self,
        session: Session,
        flt: PipelineFilter,
        board: Board,
        today: date,
        model: ModelProbabilities,
    ) -> BoardTotals:
        """:meth:`_totals` with the win model's probabilities: weighted deal by deal, as the
        cards are (the probability is per deal, so SQL cannot group by it)."""
        o, s = m.Opportunity, m.PipelineStage
        minor = type_coerce(o.amount, Integer)
        query = (
            select(o.id, o.stage_id, o.probability_override, s.default_probability, minor,
                   o.expected_close)
            .select_from(o)
            .join(s, s.id == o.stage_id)
            .where(*self._board_conditions(flt, customers_joined=False))
        )  # fmt: skip
        stage_ids = [col.stage.id for col in board.columns]
        counts = dict.fromkeys(stage_ids, 0)
        amounts = dict.fromkeys(stage_ids, 0)
        weights = dict.fromkeys(stage_ids, 0)
        month = 0
        for oid, stage_id, override, default, amount, close in session.execute(query):
            chance = probability(default, override, model.get(oid))
            counts[stage_id] += 1
            amounts[stage_id] += amount
            weights[stage_id] += weighted_minor(amount, chance)
            if close is not None and (close.year, close.month) == (today.year, today.month):
                month += amount
        return BoardTotals(
            tuple(
                ColumnTotals(i, counts[i], from_minor(amounts[i]), from_minor(weights[i]))
                for i in stage_ids
            ),
            from_minor(sum(amounts.values())),
            from_minor(sum(weights.values())),
            from_minor(month),
        )

    def move(
        self,
        opportunity_id: int,
        to_stage_id: int,
        *,
        lost_reason_id: int | None = None,
        lost_note: str = "",
        actor_id: int | None = None,
        now: datetime | None = None,
        view: PipelineFilter | None = None,
        tz: tzinfo | None = None,
        model: ModelProbabilities | None = None,
    ) -> MoveResult:
        """Move a deal to another stage (:func:`move_in_session` in a transaction of its own).

        Returns the move's record (for :meth:`undo_move`), the card as :meth:`board` with the
        filter ``view`` now shows it and the board's totals under that filter, read in the
        same transaction."""
        now = now or clock().now()
        tz = tz or local_zone()
        flt = view or PipelineFilter()
        with self._db.write() as session:
            record = move_in_session(
                session,
                opportunity_id,
                to_stage_id,
                by=actor_id,
                now=now,
                lost_reason_id=lost_reason_id,
                lost_note=lost_note,
            )
            session.flush()
            today = now.astimezone(tz).date()
            board = self._read_board(
                session, flt, now=now, tz=tz, today=today, only=opportunity_id, model=model
            )
            card = next((c for col in board.columns for c in col.cards), None)
            totals = self._totals(session, flt, board, today, model)
            return MoveResult(record, card, totals)

    def undo_move(self, record: MoveRecord) -> None:
        """Put the deal back exactly as it was before ``record``'s move (``updated_at`` too)
        and remove the history row the move wrote."""
        with self._db.write() as session:
            undo_move_in_session(session, record)

    # ------------------------------------------------------------------ one deal

    def get(self, opportunity_id: int) -> OpportunityDetail:
        with self._db.read() as session:
            o = _live(session, opportunity_id)
            customer = session.get(m.Customer, o.customer_id)
            return OpportunityDetail(
                o.id,
                _input_of(o),
                customer.name if customer else "",
                stage_row(stage_of(session, o.stage_id)),
                o.status,
                o.lost_reason_id,
                o.lost_note,
                o.closed_on,
                o.created_at,
                o.stage_changed_at,
                bool(o.forecast_commit),
            )

    def create(
        self,
        data: OpportunityInput,
        *,
        actor_id: int | None = None,
        now: datetime | None = None,
    ) -> int:
        """A new open deal, in ``data.stage_id`` or the first open stage."""
        now = now or clock().now()
        cleaned = clean_opportunity(data, today=now.astimezone(local_zone()).date())
        with self._db.write() as session:
            _check_references(session, cleaned)
            stage = self._stage_for_new(session, cleaned.stage_id)
            opportunity = m.Opportunity(
                stage_id=stage.id,
                status=OpportunityStatus.OPEN,
                stage_changed_at=now,
                created_at=now,
                updated_at=now,
            )
            _apply(opportunity, cleaned)
            session.add(opportunity)
            session.flush()
            session.add(
                m.StageChange(
                    opportunity_id=opportunity.id,
                    from_stage_id=None,
                    to_stage_id=stage.id,
                    changed_at=now,
                    changed_by_id=actor_id,
                )
            )
            audit.record(session, _ENTITY, opportunity.id, AuditAction.CREATE, new=cleaned.title)
            _refresh_stats(session, [opportunity.customer_id])
            return opportunity.id

    @staticmethod
    def _stage_for_new(session: Session, stage_id: int | None) -> m.PipelineStage:
        s = m.PipelineStage
        if stage_id is None:
            stage = session.scalars(
                select(s)
                .where(s.kind == StageKind.OPEN, s.archived.is_(False))
                .order_by(s.position, s.id)
                .limit(1)
            ).first()
        else:
            stage = session.get(s, stage_id)
        if stage is None or stage.kind is not StageKind.OPEN or stage.archived:
            raise ValidationError(
                {"stage_id": translate("Pipeline", "Choose one of the open stages.")}
            )
        return stage

    def update(self, opportunity_id: int, data: OpportunityInput) -> OpportunityInput:
        """Save the form; returns the previous values (what Undo puts back). The stage is not
        changed here (``data.stage_id`` is ignored): moves go through :meth:`move`."""
        with self._db.write() as session:
            return _update_in(session, opportunity_id, data)

    def edit(self, opportunity_id: int, change: DealEdit) -> DealEdit:
        """Save the deal's editor, its fields and its commit flag, in one transaction (both
        or neither); returns what it was before (what Undo puts back)."""
        with self._db.write() as session:
            opportunity = _live(session, opportunity_id)
            committed = bool(opportunity.forecast_commit)
            before = _update_in(session, opportunity_id, change.data)
            if committed != change.forecast_commit:
                opportunity.forecast_commit = change.forecast_commit
                audit.record_changes(
                    session,
                    _ENTITY,
                    opportunity_id,
                    {"forecast_commit": committed},
                    {"forecast_commit": change.forecast_commit},
                )
            return DealEdit(before, committed)

    def delete(self, opportunity_id: int) -> None:
        """Move to the trash (restorable); it leaves the board, the list and the stats."""
        with self._db.write() as session:
            opportunity = _live(session, opportunity_id)
            now = clock().now()
            opportunity.deleted_at = now
            session.add(
                m.TrashEntry(
                    entity=_ENTITY,
                    entity_id=opportunity_id,
                    label=opportunity.title,
                    deleted_at=now,
                )
            )
            audit.record(
                session, _ENTITY, opportunity_id, AuditAction.DELETE, old=opportunity.title
            )
            _refresh_stats(session, [opportunity.customer_id])

    def restore(self, opportunity_id: int) -> None:
        with self._db.write() as session:
            opportunity = session.get(m.Opportunity, opportunity_id)
            if opportunity is None:
                raise NotFoundError(translate("Pipeline", "This opportunity no longer exists."))
            opportunity.deleted_at = None
            session.execute(
                delete(m.TrashEntry).where(
                    m.TrashEntry.entity == _ENTITY, m.TrashEntry.entity_id == opportunity_id
                )
            )
            audit.record(
                session, _ENTITY, opportunity_id, AuditAction.RESTORE, new=opportunity.title
            )
            _refresh_stats(session, [opportunity.customer_id])
