"""The pipeline forecast (#16): open deals by expected close period, weighted by probability,
per salesperson, in the categories commit / best case / pipeline; deals without a close date
or with one already past listed apart; and, for the coming periods, the statistical baseline
beside the weighted pipeline and the target, with the quarter's gap in words.

A deal is *commit* when flagged by hand (``opportunities.forecast_commit``) or when its
probability as the board shows it (set by hand, else the win model's where the settings use
it, else its stage's default) reaches the commit threshold of the settings; *best case* from the best-case threshold; *pipeline* below.
Weighted amounts are rounded per deal (:func:`~sms_desktop.domain.pipeline.weighted_minor`).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from sqlalchemy import select

from sms_desktop.domain.calendar import add_months
from sms_desktop.domain.enums import OpportunityStatus, PeriodKind, StageKind, TargetMetric
from sms_desktop.domain.forecast import Granularity
from sms_desktop.domain.i18n import Message, translate
from sms_desktop.domain.money import ZERO, from_minor, round_money, to_minor
from sms_desktop.domain.pipeline import probability, weighted_minor
from sms_desktop.domain.targets import Period
from sms_desktop.persistence import models as m
from sms_desktop.persistence.db import Database
from sms_desktop.services.forecast import Forecast, ForecastMetric
from sms_desktop.services.settings import ForecastSettings, SettingsService
from sms_desktop.services.targets import TargetsService
from sms_desktop.services.win_probability import WinProbabilityService


class DealCategory(StrEnum):
    COMMIT = "commit"
    BEST_CASE = "best_case"
    PIPELINE = "pipeline"

    @property
    def label(self) -> Message:
        return _CATEGORY_LABELS[self]


_CATEGORY_LABELS = {
    DealCategory.COMMIT: translate("Forecast", "Commit"),
    DealCategory.BEST_CASE: translate("Forecast", "Best case"),
    DealCategory.PIPELINE: translate("Forecast", "Pipeline"),
}

NO_CLOSE_DATE = translate("Forecast", "No expected close date")
CLOSE_PASSED = translate("Forecast", "Expected close date has passed")
UNASSIGNED = translate("Forecast", "Unassigned")


def category(chance: int, committed: bool, settings: ForecastSettings) -> DealCategory:
    """The forecast category of a deal with probability ``chance`` %."""
    if committed or chance >= settings.commit_threshold:
        return DealCategory.COMMIT
    if chance >= settings.best_case_threshold:
        return DealCategory.BEST_CASE
    return DealCategory.PIPELINE


@dataclass(frozen=True, slots=True)
class PipelineCell:
    """One salesperson's open deals closing in one period, weighted, per category."""

    owner_id: int | None
    owner: str
    period: date
    label: str
    commit: Decimal
    best_case: Decimal
    pipeline: Decimal
    deals: int

    @property
    def total(self) -> Decimal:
        return self.commit + self.best_case + self.pipeline


@dataclass(frozen=True, slots=True)
class AttentionDeal:
    """An open deal the forecast cannot place: no close date, or one already past."""

    id: int
    title: str
    customer: str
    owner: str
    amount: Decimal
    probability: int
    expected_close: date | None
    reason: Message


@dataclass(frozen=True, slots=True)
class PipelineForecast:
    settings: ForecastSettings
    periods: tuple[date, ...]
    labels: tuple[str, ...]
    cells: tuple[PipelineCell, ...]  # by owner (name order), then period
    attention: tuple[AttentionDeal, ...]


@dataclass(frozen=True, slots=True)
class TogetherRow:
    """One coming period: the statistical baseline, the weighted pipeline, the target."""

    period: date
    label: str
    forecast: Decimal
    low: Decimal
    high: Decimal
    pipeline_weighted: Decimal | None
    target: Decimal | None


@dataclass(frozen=True, slots=True)
class Together:
    rows: tuple[TogetherRow, ...]
    quarter: Period | None  # the quarter of the gap sentence
    quarter_expected: Decimal | None  # actual so far plus the forecast of the rest
    quarter_target: Decimal | None
    attainment: Decimal | None  # percent, 0.1

    @property
    def sentence(self) -> Message | None:
        """ "At the current forecast, this quarter's target will be 86% reached."""
        if self.attainment is None:
            return None
        return translate(
            "Forecast", "At the current forecast, this quarter's target will be {percent}% met."
        ).format(percent=f"{self.attainment:.0f}")


_TARGET_METRIC = {
    ForecastMetric.REVENUE: TargetMetric.REVENUE,
    ForecastMetric.MARGIN: TargetMetric.GROSS_MARGIN,
}
_KIND = {Granularity.MONTH: PeriodKind.MONTH, Granularity.QUARTER: PeriodKind.QUARTER}


class PipelineForecastService:
    def __init__(
        self,
        db: Database,
        settings: SettingsService,
        targets: TargetsService,
        win: WinProbabilityService,
    ) -> None:
        self.db = db
        self._settings = settings
        self._targets = targets
        self._win = win

    def pipeline(
        self,
        granularity: Granularity | str,
        periods: int,
        *,
        today: date,
        owner_id: int | None = None,
        customer_id: int | None = None,
    ) -> PipelineForecast:
        """The open deals closing in the ``periods`` periods from the one containing
        ``today``, per salesperson and period; deals without a close date or with a past
        one apart. Where the board uses the win model's probability (a setting), so does
        this, fitted here: call it off the GUI thread."""
        granularity = Granularity(granularity)
        settings = self._settings.forecast_settings()
        start = granularity.start_of(today)
        starts = tuple(add_months(start, i * granularity.months) for i in range(periods))
        end = add_months(start, periods * granularity.months)
        o, s, c, sp = m.Opportunity, m.PipelineStage, m.Customer, m.Salesperson
        query = (
            select(
                o.id,
                o.title,
                c.name,
                o.owner_id,
                sp.name,
                o.amount,
                s.default_probability,
                o.probability_override,
                o.forecast_commit,
                o.expected_close,
            )
            .join(s, s.id == o.stage_id)
            .join(c, c.id == o.customer_id)
            .outerjoin(sp, sp.id == o.owner_id)
            .where(
                o.status == OpportunityStatus.OPEN,
                s.kind == StageKind.OPEN,
                s.archived.is_(False),
                o.deleted_at.is_(None),
                c.deleted_at.is_(None),
            )
            .where((o.expected_close.is_(None)) | (o.expected_close < end))
            .order_by(o.expected_close, o.id)
        )
        if owner_id is not None:
            query = query.where(o.owner_id == owner_id)
        if customer_id is not None:
            query = query.where(o.customer_id == customer_id)
        with self.db.read() as session:
            deals = session.execute(query).all()
        model = (
            self._win.model_probabilities(as_of=today)
            if self._settings.use_model_probability()
            else None
        )
        sums: dict[tuple[int | None, date], dict[DealCategory, int]] = defaultdict(
            lambda: defaultdict(int)
        )
        counts: dict[tuple[int | None, date], int] = defaultdict(int)
        names: dict[int | None, str] = {}
        attention: list[AttentionDeal] = []
        for (
            deal_id,
            title,
            customer,
            owner,
            owner_name,
            amount,
            default,
            override,
            committed,
            close,
        ) in deals:
            chance = probability(default, override, None if model is None else model.get(deal_id))
            names[owner] = owner_name or ""
            if close is None or close < today:
                attention.append(
                    AttentionDeal(
                        deal_id,
                        title,
                        customer,
                        owner_name or "",
                        amount,
                        chance,
                        close,
                        NO_CLOSE_DATE if close is None else CLOSE_PASSED,
                    )
                )
                continue
            key = (owner, granularity.start_of(close))
            sums[key][category(chance, committed, settings)] += weighted_minor(
                to_minor(amount), chance
            )
            counts[key] += 1
        owners = sorted({k[0] for k in sums}, key=lambda i: (i is None, names.get(i, "")))
        cells = tuple(
            PipelineCell(
                owner,
                names.get(owner, ""),
                period,
                granularity.label(period),
                from_minor(sums[(owner, period)][DealCategory.COMMIT]),
                from_minor(sums[(owner, period)][DealCategory.BEST_CASE]),
                from_minor(sums[(owner, period)][DealCategory.PIPELINE]),
                counts[(owner, period)],
            )
            for owner in owners
            for period in starts
        )
        return PipelineForecast(
            settings,
            starts,
            tuple(granularity.label(p) for p in starts),
            cells,
            tuple(attention),
        )

    def targets(
        self,
        metric: ForecastMetric,
        granularity: Granularity,
        starts: tuple[date, ...],
        owner_id: int | None,
    ) -> tuple[Decimal | None, ...]:
        """The target of each period (the salesperson's, or the company's), None where
        the metric has no target or none is set."""
        target_metric = _TARGET_METRIC.get(metric)
        if target_metric is None or not starts:
            return (None,) * len(starts)
        kind = _KIND[granularity]
        with self.db.read() as session:
            return tuple(
                self._targets.target_in(session, owner_id, target_metric, Period(kind, start))
                for start in starts
            )

    def together(self, forecast: Forecast, *, today: date) -> Together:
        """The forecast's periods beside their weighted pipeline and target, and how much
        of the quarter containing ``today`` the forecast expects to meet."""
        periods = forecast.result.periods
        starts = tuple(p.start for p in periods)
        targets = (
            self.targets(forecast.metric, forecast.granularity, starts, forecast.owner_id)
            if forecast.category_id is None and forecast.customer_id is None
            else (None,) * len(starts)
        )
        rows = tuple(
            TogetherRow(p.start, p.label, p.forecast, p.low, p.high, weighted, target)
            for p, weighted, target in zip(
                periods, forecast.pipeline_weighted, targets, strict=True
            )
        )
        quarter = Period.containing(PeriodKind.QUARTER, today)
        target_metric = _TARGET_METRIC.get(forecast.metric)
        if (
            target_metric is None
            or forecast.category_id is not None
            or forecast.customer_id is not None
            or not periods
        ):
            return Together(rows, None, None, None, None)
        with self.db.read() as session:
            target = self._targets.target_in(session, forecast.owner_id, target_metric, quarter)
        if forecast.granularity is Granularity.QUARTER:
            expected = next((p.forecast for p in periods if p.start == quarter.start), None)
        else:
            inside = [p for p in periods if quarter.start <= p.start < quarter.end_exclusive]
            known = [
                h.value
                for h in forecast.history
                if quarter.start <= h.start < quarter.end_exclusive
            ]
            months = len(inside) + len(known)
            expected = (
                sum((p.forecast for p in inside), ZERO) + sum(known, ZERO)
                if months == quarter.months
                else None
            )
        attainment = (
            round_money(100 * expected / target)
            if expected is not None and target is not None and target > 0
            else None
        )
        return Together(rows, quarter, expected, target, attainment)
