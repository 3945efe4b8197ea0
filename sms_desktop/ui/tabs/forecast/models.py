"""The Forecast tab's small tables: periods, error by horizon, past forecasts against what
happened, the pipeline by salesperson and the deals needing attention."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QObject, Qt

from sms_desktop.domain.i18n import translate
from sms_desktop.domain.win_model import level_name
from sms_desktop.reporting.columns import Column, Formats, Locale
from sms_desktop.services.forecast_snapshots import PastForecast
from sms_desktop.services.pipeline_forecast import AttentionDeal, PipelineCell, TogetherRow
from sms_desktop.services.win_probability import DealScore
from sms_desktop.ui.models.rows import RowsModel
from sms_desktop.ui.palette import Colour, qcolor


@dataclass(frozen=True, slots=True)
class HorizonRow:
    """The chosen method's and the baseline's backtest error at one horizon."""

    horizon: int
    wape: float | None
    mape: float | None
    baseline_wape: float | None
    baseline_mape: float | None
    count: int


def _percent(value: float | None) -> Decimal | None:
    return None if value is None else Decimal(str(round(value, 1)))


def _amount(money: bool) -> Any:
    return "money" if money else "decimal"


def together_columns(money: bool) -> tuple[Column[TogetherRow, None], ...]:
    kind = _amount(money)
    return (
        Column("period", translate("ForecastTab", "Period"), lambda r, _l: r.label),
        Column("forecast", translate("ForecastTab", "Forecast"), lambda r, _l: r.forecast, kind),
        Column("low", translate("ForecastTab", "Low (80 %)"), lambda r, _l: r.low, kind),
        Column("high", translate("ForecastTab", "High (80 %)"), lambda r, _l: r.high, kind),
        Column(
            "pipeline",
            translate("ForecastTab", "Weighted pipeline"),
            lambda r, _l: r.pipeline_weighted,
            "money",
        ),
        Column("target", translate("ForecastTab", "Target"), lambda r, _l: r.target, kind),
    )


HORIZON_COLUMNS: tuple[Column[HorizonRow, None], ...] = (
    Column("horizon", translate("ForecastTab", "Periods ahead"), lambda r, _l: r.horizon, "int"),
    Column(
        "wape",
        translate("ForecastTab", "WAPE"),
        lambda r, _l: _percent(r.wape),
        "percent",
    ),
    Column("mape", translate("ForecastTab", "MAPE"), lambda r, _l: _percent(r.mape), "percent"),
    Column(
        "baseline_wape",
        translate("ForecastTab", "Baseline WAPE"),
        lambda r, _l: _percent(r.baseline_wape),
        "percent",
    ),
    Column(
        "baseline_mape",
        translate("ForecastTab", "Baseline MAPE"),
        lambda r, _l: _percent(r.baseline_mape),
        "percent",
    ),
    Column("count", translate("ForecastTab", "Compared"), lambda r, _l: r.count, "int"),
)


def _inside(row: PastForecast, formats: Formats) -> str:
    if row.inside is None:
        return ""
    return formats.locale.text(
        translate("ForecastTab", "inside") if row.inside else translate("ForecastTab", "outside")
    )


def past_columns(money: bool) -> tuple[Column[PastForecast, None], ...]:
    kind = _amount(money)
    return (
        Column(
            "made_in",
            translate("ForecastTab", "Forecast made in"),
            lambda r, _l: r.made_in.strftime("%Y-%m"),
        ),
        Column("period", translate("ForecastTab", "Period"), lambda r, _l: r.label),
        Column("ahead", translate("ForecastTab", "Periods ahead"), lambda r, _l: r.ahead, "int"),
        Column("forecast", translate("ForecastTab", "Forecast"), lambda r, _l: r.forecast, kind),
        Column("low", translate("ForecastTab", "Low (80 %)"), lambda r, _l: r.low, kind),
        Column("high", translate("ForecastTab", "High (80 %)"), lambda r, _l: r.high, kind),
        Column("actual", translate("ForecastTab", "Actual"), lambda r, _l: r.actual, kind),
        Column(
            "error",
            translate("ForecastTab", "Error"),
            lambda r, _l: r.error_percent,
            "percent",
        ),
        Column(
            "inside",
            translate("ForecastTab", "80 % interval"),
            lambda r, _l: r.inside,
            show=_inside,
        ),
    )


def _owner(row: PipelineCell, locale: Locale) -> str:
    return row.owner or locale.text(translate("ForecastTab", "Unassigned"))


PIPELINE_COLUMNS: tuple[Column[PipelineCell, None], ...] = (
    Column("owner", translate("ForecastTab", "Salesperson"), _owner),
    Column("period", translate("ForecastTab", "Close period"), lambda r, _l: r.label),
    Column("commit", translate("ForecastTab", "Commit"), lambda r, _l: r.commit, "money"),
    Column("best", translate("ForecastTab", "Best case"), lambda r, _l: r.best_case, "money"),
    Column("pipeline", translate("ForecastTab", "Pipeline"), lambda r, _l: r.pipeline, "money"),
    Column("total", translate("ForecastTab", "Weighted total"), lambda r, _l: r.total, "money"),
    Column("deals", translate("ForecastTab", "Deals"), lambda r, _l: r.deals, "int"),
)

ATTENTION_COLUMNS: tuple[Column[AttentionDeal, None], ...] = (
    Column("title", translate("ForecastTab", "Deal"), lambda r, _l: r.title),
    Column("customer", translate("ForecastTab", "Customer"), lambda r, _l: r.customer),
    Column("owner", translate("ForecastTab", "Salesperson"), lambda r, _l: r.owner),
    Column("amount", translate("ForecastTab", "Amount"), lambda r, _l: r.amount, "money"),
    Column(
        "probability",
        translate("ForecastTab", "Probability"),
        lambda r, _l: r.probability,
        "percent",
    ),
    Column(
        "close",
        translate("ForecastTab", "Expected close"),
        lambda r, _l: r.expected_close,
        "date",
    ),
    Column("reason", translate("ForecastTab", "Why it needs attention"), lambda r, _l: r.reason),
)


def factor_text(score: DealScore, locale: Locale) -> str:
    """ "Source: referral +12; Stage: proposal -5" in the user's language."""
    parts = []
    for effect in score.factors:
        level = level_name(effect.level)
        shown = level if isinstance(level, str) else locale.text(level)
        parts.append(f"{locale.text(effect.name)}：{shown} {effect.points:+.0f}")
    return "; ".join(parts)


def _model_probability(row: DealScore, _l: Locale) -> int | None:
    return row.model_probability


SCORE_COLUMNS: tuple[Column[DealScore, None], ...] = (
    Column("title", translate("ForecastTab", "Deal"), lambda r, _l: r.title),
    Column("customer", translate("ForecastTab", "Customer"), lambda r, _l: r.customer),
    Column("stage", translate("ForecastTab", "Stage"), lambda r, _l: r.stage),
    Column(
        "stage_probability",
        translate("ForecastTab", "Stage default"),
        lambda r, _l: r.stage_probability,
        "percent",
    ),
    Column("model", translate("ForecastTab", "Model"), _model_probability, "percent"),
    Column(
        "probability",
        translate("ForecastTab", "Applies"),
        lambda r, _l: r.probability,
        "percent",
    ),
    Column("source", translate("ForecastTab", "From"), lambda r, _l: r.source),
    Column(
        "factors",
        translate("ForecastTab", "Top factors (points)"),
        factor_text,
        tooltip=lambda r, f: factor_text(r, f.locale),
    ),
)


class PastModel(RowsModel[PastForecast]):
    """Past forecasts: an actual outside its interval reads in the warning colour."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(past_columns(True), parent)
        self._outside = qcolor(Colour.NEGATIVE)

    def extra_data(self, row: PastForecast, key: str, role: int) -> Any:
        if key == "inside" and role == Qt.ItemDataRole.ForegroundRole and row.inside is False:
            return self._outside
        return None
