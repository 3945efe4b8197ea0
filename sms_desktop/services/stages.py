"""Pipeline stage settings (销售阶段) and lost reasons: the configuration the board, the deal
list and the funnel read. Stages are ordered open ones first, then won and lost (which stay
last and cannot be archived); a stage is archived rather than deleted, and only when no open
deal is in it. Lost reasons are archived too: deals lost for one keep it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from sms_desktop.domain.enums import AuditAction, OpportunityStatus, StageKind
from sms_desktop.domain.errors import ConflictError, Errors, NotFoundError
from sms_desktop.domain.i18n import translate
from sms_desktop.persistence import models as m
from sms_desktop.persistence.db import Database
from sms_desktop.services import audit

MAX_STAGE_NAME = 40
MAX_REASON_NAME = 80
MAX_STALE_DAYS = 3650


@dataclass(frozen=True, slots=True)
class StageRow:
    id: int
    key: str
    name_zh: str
    name_en: str
    position: int
    kind: StageKind
    default_probability: int
    stale_after_days: int | None
    archived: bool

    def name(self, language: str) -> str:
        return self.name_zh if language == "zh_CN" else self.name_en


@dataclass(frozen=True, slots=True)
class LostReasonRow:
    id: int
    name_zh: str
    name_en: str
    position: int
    archived: bool

    def name(self, language: str) -> str:
        return self.name_zh if language == "zh_CN" else self.name_en


def _check_stage_fields(
    errors: Errors,
    name_zh: str,
    name_en: str,
    default_probability: int,
    stale_after_days: int | None,
) -> None:
    for key, name in (("name_zh", name_zh), ("name_en", name_en)):
        if not name:
            errors.add(key, translate("Pipeline", "Enter the stage's name."))
        elif len(name) > MAX_STAGE_NAME:
            errors.add(
                key,
                translate("Pipeline", "The name is longer than {max} characters.").format(
                    max=MAX_STAGE_NAME
                ),
            )
    if not 0 <= default_probability <= 100:
        errors.add(
            "default_probability",
            translate("Pipeline", "The probability is a percentage from 0 to 100."),
        )
    if stale_after_days is not None and not 1 <= stale_after_days <= MAX_STALE_DAYS:
        errors.add(
            "stale_after_days",
            translate("Pipeline", "Enter a number of days from 1 to {max}, or none.").format(
                max=MAX_STALE_DAYS
            ),
        )


def _check_reason_names(name_zh: str, name_en: str) -> None:
    errors = Errors()
    for key, name in (("name_zh", name_zh), ("name_en", name_en)):
        if not name:
            errors.add(key, translate("Pipeline", "Enter the reason."))
        elif len(name) > MAX_REASON_NAME:
            errors.add(
                key,
                translate("Pipeline", "The name is longer than {max} characters.").format(
                    max=MAX_REASON_NAME
                ),
            )
    errors.raise_if_any()


def stage_row(s: m.PipelineStage) -> StageRow:
    return StageRow(
        s.id,
        s.key,
        s.name_zh,
        s.name_en,
        s.position,
        s.kind,
        s.default_probability,
        s.stale_after_days,
        s.archived,
    )


def stage_of(session: Session, stage_id: int) -> m.PipelineStage:
    stage = session.get(m.PipelineStage, stage_id)
    if stage is None:
        raise NotFoundError(translate("Pipeline", "This stage no longer exists."))
    return stage


def won_stage_id(session: Session) -> int:
    """The stage a deal moves to when it is won (the first won stage)."""
    s = m.PipelineStage
    stage_id = session.scalar(
        select(s.id).where(s.kind == StageKind.WON).order_by(s.position, s.id).limit(1)
    )
    if stage_id is None:
        raise NotFoundError(translate("Pipeline", "The pipeline has no won or lost stage."))
    return stage_id


class StagesService:
    """Reading and changing the stages and lost reasons; one transaction per call."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def stages(self, include_archived: bool = False) -> list[StageRow]:
        """The stages in board order (open ones, then won and lost)."""
        query = select(m.PipelineStage).order_by(m.PipelineStage.position, m.PipelineStage.id)
        if not include_archived:
            query = query.where(m.PipelineStage.archived.is_(False))
        with self._db.read() as session:
            return [stage_row(s) for s in session.scalars(query)]

    def lost_reasons(self, include_archived: bool = False) -> list[LostReasonRow]:
        r = m.LostReason
        query = select(r.id, r.name_zh, r.name_en, r.position, r.archived).order_by(
            r.position, r.id
        )
        if not include_archived:
            query = query.where(r.archived.is_(False))
        with self._db.read() as session:
            return [LostReasonRow(*row) for row in session.execute(query)]

    def add_stage(
        self,
        name_zh: str,
        name_en: str,
        default_probability: int,
        stale_after_days: int | None,
    ) -> int:
        """A new open stage, after the other open stages (before won and lost)."""
        name_zh, name_en = name_zh.strip(), name_en.strip()
        errors = Errors()
        _check_stage_fields(errors, name_zh, name_en, default_probability, stale_after_days)
        errors.raise_if_any()
        s = m.PipelineStage
        with self._db.write() as session:
            stages = list(session.scalars(select(s).order_by(s.position, s.id)))
            keys = {st.key for st in stages}
            number = len(stages) + 1
            while f"stage_{number}" in keys:
                number += 1
            stage = s(
                key=f"stage_{number}",
                name_zh=name_zh,
                name_en=name_en,
                position=0,
                kind=StageKind.OPEN,
                default_probability=default_probability,
                stale_after_days=stale_after_days,
            )
            session.add(stage)
            open_ = [st for st in stages if st.kind is StageKind.OPEN]
            closed = [st for st in stages if st.kind is not StageKind.OPEN]
            for position, st in enumerate([*open_, stage, *closed]):
                st.position = position
            session.flush()
            audit.record(session, "stage", stage.id, AuditAction.CREATE, new=name_en)
            return stage.id

    def update_stage(
        self,
        stage_id: int,
        *,
        name_zh: str,
        name_en: str,
        default_probability: int,
        stale_after_days: int | None,
    ) -> StageRow:
        """Rename a stage or change its defaults; returns the previous values (for Undo)."""
        name_zh, name_en = name_zh.strip(), name_en.strip()
        errors = Errors()
        _check_stage_fields(errors, name_zh, name_en, default_probability, stale_after_days)
        errors.raise_if_any()
        with self._db.write() as session:
            stage = stage_of(session, stage_id)
            before = stage_row(stage)
            stage.name_zh, stage.name_en = name_zh, name_en
            stage.default_probability = default_probability
            stage.stale_after_days = stale_after_days
            after = stage_row(stage)
            audit.record_changes(session, "stage", stage_id, asdict(before), asdict(after))
            return before

    def delete_stage(self, stage_id: int) -> None:
        """Remove an open stage no deal has ever been in (the undo of adding it); a stage
        with deals or history is archived instead, so nothing that refers to it is lost."""
        o, h = m.Opportunity, m.StageChange
        with self._db.write() as session:
            stage = stage_of(session, stage_id)
            used = session.scalar(select(func.count()).select_from(o).where(o.stage_id == stage_id))
            used = used or session.scalar(
                select(func.count())
                .select_from(h)
                .where(or_(h.from_stage_id == stage_id, h.to_stage_id == stage_id))
            )
            if stage.kind is not StageKind.OPEN or used:
                raise ConflictError(
                    translate(
                        "Pipeline",
                        "Opportunities have been in this stage since; archive it instead.",
                    )
                )
            audit.record(session, "stage", stage_id, AuditAction.DELETE, old=stage.name_en)
            session.delete(stage)

    def reorder_stages(self, open_stage_ids: Sequence[int]) -> list[int]:
        """Put the open stages in this order; open stages not listed (e.g. archived ones)
        follow in their present order, and won and lost stay last. Returns the previous
        order of all open stages (passing it back undoes the change)."""
        s = m.PipelineStage
        with self._db.write() as session:
            stages = list(session.scalars(select(s).order_by(s.position, s.id)))
            open_ = [st for st in stages if st.kind is StageKind.OPEN]
            by_id = {st.id: st for st in open_}
            if len(set(open_stage_ids)) != len(open_stage_ids) or not set(open_stage_ids) <= set(
                by_id
            ):
                raise ConflictError(
                    translate(
                        "Pipeline",
                        "Only open stages can be reordered, each once. Reload and try again.",
                    )
                )
            previous = [st.id for st in open_]
            listed = [by_id[i] for i in open_stage_ids]
            rest = [st for st in open_ if st.id not in set(open_stage_ids)]
            closed = [st for st in stages if st.kind is not StageKind.OPEN]
            for position, st in enumerate([*listed, *rest, *closed]):
                st.position = position
            return previous

    def set_stage_archived(self, stage_id: int, archived: bool) -> None:
        """Hide a stage from the board (or bring it back). Won and lost cannot be archived,
        nor a stage that still holds open deals, nor the last open stage."""
        s, o = m.PipelineStage, m.Opportunity
        with self._db.write() as session:
            stage = stage_of(session, stage_id)
            if stage.archived == archived:
                return
            if archived:
                if stage.kind is not StageKind.OPEN:
                    raise ConflictError(
                        translate("Pipeline", "The won and lost stages cannot be archived.")
                    )
                count = session.scalar(
                    select(func.count())
                    .select_from(o)
                    .where(
                        o.stage_id == stage_id,
                        o.status == OpportunityStatus.OPEN,
                        o.deleted_at.is_(None),
                    )
                )
                if count:
                    raise ConflictError(
                        translate(
                            "Pipeline",
                            "Open opportunities in this stage: {count}. Move them to another "
                            "stage before archiving it.",
                        ).format(count=count)
                    )
                others = session.scalar(
                    select(func.count())
                    .select_from(s)
                    .where(s.kind == StageKind.OPEN, s.archived.is_(False), s.id != stage_id)
                )
                if not others:
                    raise ConflictError(
                        translate("Pipeline", "The pipeline needs at least one open stage.")
                    )
            stage.archived = archived
            audit.record(
                session, "stage", stage_id, AuditAction.UPDATE, field="archived",
                old=not archived, new=archived,
            )  # fmt: skip

    def add_lost_reason(self, name_zh: str, name_en: str) -> int:
        name_zh, name_en = name_zh.strip(), name_en.strip()
        _check_reason_names(name_zh, name_en)
        r = m.LostReason
        with self._db.write() as session:
            last = session.scalar(select(func.max(r.position)))
            reason = r(name_zh=name_zh, name_en=name_en, position=0 if last is None else last + 1)
            session.add(reason)
            session.flush()
            audit.record(session, "lost_reason", reason.id, AuditAction.CREATE, new=name_en)
            return reason.id

    def delete_lost_reason(self, lost_reason_id: int) -> None:
        """Remove a reason no deal was lost for (the undo of adding it)."""
        o = m.Opportunity
        with self._db.write() as session:
            reason = session.get(m.LostReason, lost_reason_id)
            if reason is None:
                raise NotFoundError(translate("Pipeline", "This reason no longer exists."))
            if session.scalar(
                select(func.count()).select_from(o).where(o.lost_reason_id == lost_reason_id)
            ):
                raise ConflictError(
                    translate(
                        "Pipeline",
                        "Opportunities were lost for this reason since; archive it instead.",
                    )
                )
            audit.record(
                session, "lost_reason", lost_reason_id, AuditAction.DELETE, old=reason.name_en
            )
            session.delete(reason)

    def set_lost_reason_archived(self, lost_reason_id: int, archived: bool) -> None:
        """Hide a reason from the choices; deals lost for it keep it."""
        with self._db.write() as session:
            reason = session.get(m.LostReason, lost_reason_id)
            if reason is None:
                raise NotFoundError(translate("Pipeline", "This reason no longer exists."))
            if reason.archived != archived:
                reason.archived = archived
                audit.record(
                    session, "lost_reason", lost_reason_id, AuditAction.UPDATE,
                    field="archived", old=not archived, new=archived,
                )  # fmt: skip
