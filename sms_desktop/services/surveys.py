"""Satisfaction surveys (满意度调查与回访): templates, campaigns, answers and their results.

A **campaign** asks a chosen set of customers (e.g. every key account, each quarter) with one
template: it writes one request per customer and, in the same transaction, one 回访 task for
the customer's owner, due on the campaign's day, that carries the survey
(``activities.with_survey``). The answer is recorded by completing that task — from the Tasks
tab (phone, visit) or typed from the paper form here (:meth:`SurveysService.record_answer`) —
through ``TasksService.complete``, the one place a survey answer is written; the request is
answered when a survey row points at its task.

A **low score** (``domain/surveys.is_low``: satisfaction ≤ 2 or NPS ≤ 6) gets a follow-up task
for the account owner in the answer's own transaction (``TasksService.complete``), linked to
it in ``survey_follow_ups``, wherever the answer is given.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from decimal import Decimal

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from sms_desktop.domain.clock import clock, local_zone
from sms_desktop.domain.enums import ActivityKind
from sms_desktop.domain.errors import ConflictError, Errors, NotFoundError
from sms_desktop.domain.i18n import Translator, identity_translator, translate
from sms_desktop.domain.segmentation import RfmSegment, Tier
from sms_desktop.domain.surveys import (
    average,
    csat,
    nps,
    questions_of,
    response_rate,
)
from sms_desktop.persistence import models as m
from sms_desktop.persistence.db import Database
from sms_desktop.services.tasks import Completion, SurveyInput, TasksService

MAX_TEXT = 4000


@dataclass(frozen=True, slots=True)
class TemplateRow:
    id: int
    name: str
    ask_nps: bool
    questions: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Candidate:
    """A scored customer a campaign can ask."""

    customer_id: int
    name: str
    owner_id: int | None
    owner: str | None
    tier: Tier
    segment: RfmSegment


@dataclass(frozen=True, slots=True)
class CampaignInput:
    name: str
    template_id: int
    due_on: date
    customer_ids: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class CampaignRow:
    id: int
    name: str
    template: str
    created_on: date
    due_on: date
    requests: int
    answered: int


@dataclass(frozen=True, slots=True)
class RequestRow:
    """One customer asked in a campaign, and the answer if any."""

    id: int
    customer_id: int
    customer: str
    owner: str | None
    activity_id: int | None
    answered_on: date | None
    score: int | None
    nps: int | None
    comments: str
    followed_up: bool


@dataclass(frozen=True, slots=True)
class CampaignResults:
    campaign: CampaignRow
    template: TemplateRow
    requests: tuple[RequestRow, ...]
    response_rate: Decimal | None  # percent
    csat: Decimal | None  # percent of 4 and 5
    average: Decimal | None
    nps: int | None
    scores: tuple[int, ...]  # answers scoring 1 … 5
    answers: tuple[tuple[str, str, str], ...]  # (customer, question, answer)


def _due(day: date) -> datetime:
    return datetime.combine(day, time(9), local_zone()).astimezone(UTC)


class SurveysService:
    def __init__(self, db: Database) -> None:
        self._db = db

    # ---------------------------------------------------------------- templates

    def templates(self) -> list[TemplateRow]:
        with self._db.read() as session:
            return [
                _template(t)
                for t in session.scalars(select(m.SurveyTemplate).order_by(m.SurveyTemplate.name))
            ]

    def create_template(self, name: str, ask_nps: bool, questions: Sequence[str]) -> int:
        name = name.strip()
        errors = Errors()
        if not name or len(name) > 120:
            errors.add("name", translate("Surveys", "A template needs a name (120 characters)."))
        if any(len(q.strip()) > 300 for q in questions):
            errors.add("questions", translate("Surveys", "A question is at most 300 characters."))
        errors.raise_if_any()
        with self._db.write() as session:
            if session.scalar(select(m.SurveyTemplate.id).where(m.SurveyTemplate.name == name)):
                errors.add("name", translate("Surveys", "A template of this name exists."))
                errors.raise_if_any()
            row = m.SurveyTemplate(
                name=name,
                ask_nps=ask_nps,
                questions="\n".join(q.strip() for q in questions if q.strip()) or None,
            )
            session.add(row)
            session.flush()
            return row.id

    def delete_template(self, template_id: int) -> None:
        with self._db.write() as session:
            used = session.scalar(
                select(func.count()).where(m.SurveyCampaign.template_id == template_id)
            )
            if used:
                raise ConflictError(translate("Surveys", "This template is used by a campaign."))
            session.execute(delete(m.SurveyTemplate).where(m.SurveyTemplate.id == template_id))

    # ---------------------------------------------------------------- campaigns

    def candidates(
        self, tier: Tier | None = None, segment: RfmSegment | None = None
    ) -> list[Candidate]:
        """The scored live customers of a tier (the one shown: set by hand, else computed)
        and/or RFM segment, by name."""
        c, s, o, sp = m.Customer, m.AccountScore, m.AccountTierOverride, m.Salesperson
        shown = func.coalesce(o.tier, s.tier)
        query = (
            select(c.id, c.name, c.owner_id, sp.name, shown, s.rfm_segment)
            .select_from(s)
            .join(c, c.id == s.customer_id)
            .outerjoin(o, o.customer_id == s.customer_id)
            .outerjoin(sp, sp.id == c.owner_id)
            .where(c.deleted_at.is_(None))
            .order_by(c.sort_name, c.id)
        )
        if tier is not None:
            query = query.where(shown == tier)
        if segment is not None:
            query = query.where(s.rfm_segment == segment)
        with self._db.read() as session:
            return [
                Candidate(cid, name, owner_id, owner, Tier(t), RfmSegment(g))
                for cid, name, owner_id, owner, t, g in session.execute(query)
            ]

    def create_campaign(self, data: CampaignInput, *, tr: Translator = identity_translator) -> int:
        """The campaign, a request per customer and a 回访 task with the survey for each
        customer's owner, due on ``data.due_on``; all or nothing. Subjects in ``tr``'s
        language."""
        name = data.name.strip()
        errors = Errors()
        if not name or len(name) > 120:
            errors.add("name", translate("Surveys", "A campaign needs a name (120 characters)."))
        if not data.customer_ids:
            errors.add("customers", translate("Surveys", "Choose at least one customer."))
        today = clock().today()
        if data.due_on < today:
            errors.add("due_on", translate("Surveys", "The answers are due today or later."))
        errors.raise_if_any()
        subject = (
            translate("Surveys", "Satisfaction survey: {campaign}").format(campaign=name).render(tr)
        )
        with self._db.write() as session:
            if session.get(m.SurveyTemplate, data.template_id) is None:
                raise NotFoundError(translate("Surveys", "This survey template no longer exists."))
            me = session.scalar(select(m.Salesperson.id).order_by(m.Salesperson.id).limit(1))
            campaign = m.SurveyCampaign(
                name=name,
                template_id=data.template_id,
                created_on=today,
                due_on=data.due_on,
                created_by_id=me,
            )
            session.add(campaign)
            session.flush()
            wanted = sorted(set(data.customer_ids))
            customers: dict[int, int | None] = {}
            for start in range(0, len(wanted), 500):
                customers.update(
                    session.execute(
                        select(m.Customer.id, m.Customer.owner_id).where(
                            m.Customer.id.in_(wanted[start : start + 500]),
                            m.Customer.deleted_at.is_(None),
                        )
                    ).all()
                )
            if not customers:
                raise NotFoundError(translate("Surveys", "These customers no longer exist."))
            due = _due(data.due_on)
            for cid in sorted(customers):
                # The task as TasksService.create writes one (inside this transaction, so the
                # campaign is all or nothing).
                task = m.Activity(
                    kind=ActivityKind.CALL,
                    subject=subject[:200],
                    due_at=due,
                    all_day=True,
                    assignee_id=customers[cid],
                    customer_id=cid,
                    with_survey=True,
                    notes=f"survey-campaign:{campaign.id}",
                )
                session.add(task)
                session.flush()
                session.add(
                    m.SurveyRequest(campaign_id=campaign.id, customer_id=cid, activity_id=task.id)
                )
            return campaign.id

    def delete_campaign(self, campaign_id: int) -> None:
        """Remove a campaign (undo of its creation) with its tasks not done yet; answers
        already given stay in the customers' history."""
        with self._db.write() as session:
            campaign = session.get(m.SurveyCampaign, campaign_id)
            if campaign is None:
                return
            tasks = list(
                session.scalars(
                    select(m.SurveyRequest.activity_id).where(
                        m.SurveyRequest.campaign_id == campaign_id,
                        m.SurveyRequest.activity_id.is_not(None),
                    )
                )
            )
            session.delete(campaign)
            session.flush()
            if tasks:
                session.execute(
                    delete(m.Activity).where(m.Activity.id.in_(tasks), m.Activity.done_at.is_(None))
                )

    def campaigns(self) -> list[CampaignRow]:
        """Every campaign, the latest first."""
        with self._db.read() as session:
            ids = list(
                session.scalars(
                    select(m.SurveyCampaign.id).order_by(
                        m.SurveyCampaign.created_on.desc(), m.SurveyCampaign.id.desc()
                    )
                )
            )
            return [_campaign(session, cid) for cid in ids]

    def results(self, campaign_id: int) -> CampaignResults:
        """Every request with its answer, the response rate, CSAT, NPS, the distribution and
        the answers to open questions."""
        with self._db.read() as session:
            campaign = _campaign(session, campaign_id)
            template = _template(
                session.get_one(
                    m.SurveyTemplate,
                    session.scalar(
                        select(m.SurveyCampaign.template_id).where(
                            m.SurveyCampaign.id == campaign_id
                        )
                    ),
                )
            )
            r, c, sp, sv = m.SurveyRequest, m.Customer, m.Salesperson, m.SatisfactionSurvey
            rows = session.execute(
                select(
                    r.id,
                    r.customer_id,
                    c.name,
                    sp.name,
                    r.activity_id,
                    sv.id,
                    sv.surveyed_on,
                    sv.score,
                    sv.nps,
                    sv.comments,
                    m.SurveyFollowUp.survey_id,
                )
                .join(c, c.id == r.customer_id)
                .outerjoin(sp, sp.id == c.owner_id)
                .outerjoin(sv, sv.activity_id == r.activity_id)
                .outerjoin(m.SurveyFollowUp, m.SurveyFollowUp.survey_id == sv.id)
                .where(r.campaign_id == campaign_id)
                .order_by(c.sort_name, r.id)
            ).all()
            survey_ids = [row[5] for row in rows if row[5] is not None]
            names = {row[5]: row[2] for row in rows if row[5] is not None}
            answers = tuple(
                (names[sid], question, answer)
                for sid, question, answer in session.execute(
                    select(m.SurveyAnswer.survey_id, m.SurveyAnswer.question, m.SurveyAnswer.answer)
                    .where(m.SurveyAnswer.survey_id.in_(survey_ids))
                    .order_by(m.SurveyAnswer.survey_id, m.SurveyAnswer.position)
                )
            )
        requests = tuple(
            RequestRow(
                rid,
                cid,
                name,
                owner,
                activity,
                day,
                score,
                recommend,
                comments or "",
                followed is not None,
            )
            for rid, cid, name, owner, activity, _sid, day, score, recommend, comments, followed in (
                rows
            )
        )
        scores = [q.score for q in requests if q.score is not None]
        recommends = [q.nps for q in requests if q.nps is not None]
        return CampaignResults(
            campaign=campaign,
            template=template,
            requests=requests,
            response_rate=response_rate(len(scores), len(requests)),
            csat=csat(scores),
            average=average(scores),
            nps=nps(recommends),
            scores=tuple(sum(1 for s in scores if s == k) for k in range(1, 6)),
            answers=answers,
        )

    # ------------------------------------------------------------------ answers

    def record_answer(
        self,
        request_id: int,
        score: int,
        recommend: int | None = None,
        comments: str = "",
        answers: Sequence[str] = (),
        *,
        outcome: str = "",
        tr: Translator = identity_translator,
    ) -> Completion:
        """Record a request's answer (typed from the paper form): its task is completed with
        the survey (``TasksService.complete``, which follows up a low score), open answers
        kept beside it."""
        with self._db.read() as session:
            request = session.get(m.SurveyRequest, request_id)
            if request is None or request.activity_id is None:
                raise NotFoundError(translate("Surveys", "This survey request no longer exists."))
            activity_id = request.activity_id
            template = session.get_one(
                m.SurveyTemplate,
                session.get_one(m.SurveyCampaign, request.campaign_id).template_id,
            )
            questions = questions_of(template.questions)
        for text in answers:
            if len(text) > MAX_TEXT:
                errors = Errors()
                errors.add(
                    "answers",
                    translate("Surveys", "An answer is longer than {max} characters.").format(
                        max=MAX_TEXT
                    ),
                )
                errors.raise_if_any()
        completion = TasksService(self._db).complete(
            activity_id, outcome, survey=SurveyInput(score, recommend, comments), tr=tr
        )
        if completion.survey_id is not None:
            with self._db.write() as session:
                for position, (question, text) in enumerate(
                    zip(questions, answers, strict=False), start=1
                ):
                    if text.strip():
                        session.add(
                            m.SurveyAnswer(
                                survey_id=completion.survey_id,
                                position=position,
                                question=question[:300],
                                answer=text.strip(),
                            )
                        )
        return completion

    def undo_answer(self, completion: Completion) -> None:
        """Take back a recorded answer: the survey, its follow-up task (not done yet) and the
        completion."""
        TasksService(self._db).reopen(completion)


def _template(row: m.SurveyTemplate) -> TemplateRow:
    return TemplateRow(row.id, row.name, row.ask_nps, questions_of(row.questions))


def _campaign(session: Session, campaign_id: int) -> CampaignRow:
    campaign = session.get(m.SurveyCampaign, campaign_id)
    if campaign is None:
        raise NotFoundError(translate("Surveys", "This survey campaign no longer exists."))
    template = session.get_one(m.SurveyTemplate, campaign.template_id)
    r, sv = m.SurveyRequest, m.SatisfactionSurvey
    requests = session.scalar(select(func.count()).where(r.campaign_id == campaign_id)) or 0
    answered = (
        session.scalar(
            select(func.count(func.distinct(r.id)))
            .select_from(r)
            .join(sv, sv.activity_id == r.activity_id)
            .where(r.campaign_id == campaign_id)
        )
        or 0
    )
    return CampaignRow(
        campaign.id,
        campaign.name,
        template.name,
        campaign.created_on,
        campaign.due_on,
        requests,
        answered,
    )
