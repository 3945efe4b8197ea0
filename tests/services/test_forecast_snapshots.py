"""Forecast snapshots and the pipeline forecast: stored numbers come back exactly, past
forecasts stand beside what happened, deals fall into commit / best case / pipeline, and the
quarter's gap is said in words."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select, update

from sms_desktop.domain.enums import PeriodKind, TargetMetric
from sms_desktop.domain.errors import ValidationError
from sms_desktop.domain.forecast import Granularity
from sms_desktop.domain.targets import Period
from sms_desktop.persistence import models as m
from sms_desktop.services.forecast_snapshots import SeriesChoice
from sms_desktop.services.pipeline import DealEdit
from sms_desktop.services.pipeline_forecast import (
    CLOSE_PASSED,
    NO_CLOSE_DATE,
    DealCategory,
    category,
)
from sms_desktop.services.registry import Services
from sms_desktop.services.settings import ForecastSettings
from tests.services.test_forecast import AS_OF, SEASON, shop

__all__ = ["shop"]  # the fixture, imported for these tests


def test_a_kept_forecast_comes_back_exactly(shop: Services) -> None:
    made = shop.forecast.forecast("revenue", "month", 6, as_of=AS_OF)
    shop.forecast_snapshots.keep(made)
    stored = shop.forecast_snapshots.latest(SeriesChoice())
    assert stored is not None
    assert stored.result.periods == made.result.periods
    assert stored.history == made.history
    assert stored.pipeline_weighted == made.pipeline_weighted
    assert stored.result.method is made.result.method
    # Percentages are kept to 6 decimals (shown to 1).
    assert [c.method for c in stored.result.candidates] == [
        c.method for c in made.result.candidates
    ]
    for kept, fitted in zip(stored.result.candidates, made.result.candidates, strict=True):
        assert kept.wape == pytest.approx(fitted.wape, abs=1e-6)
        assert [e.count for e in kept.by_horizon] == [e.count for e in fitted.by_horizon]
    assert stored.result.coverage == pytest.approx(made.result.coverage, abs=1e-6)
    assert all(p.forecast == p.forecast.quantize(Decimal("0.01")) for p in stored.result.periods)
    assert shop.forecast_snapshots.latest(SeriesChoice(owner_id=99)) is None


def test_one_snapshot_per_series_and_month(shop: Services) -> None:
    for day in (date(2024, 1, 5), date(2024, 1, 20)):
        shop.forecast_snapshots.keep(shop.forecast.forecast("revenue", "month", 3, as_of=day))
    bob = shop.forecast.owner_named("bob")
    shop.forecast_snapshots.keep(
        shop.forecast.forecast("revenue", "month", 3, as_of=AS_OF, owner_id=bob)
    )
    assert shop.forecast_snapshots.count() == 2
    latest = shop.forecast_snapshots.latest(SeriesChoice())
    assert latest is not None and latest.as_of == date(2024, 1, 20)


def test_an_empty_history_is_not_kept(empty_services: Services) -> None:
    made = empty_services.forecast.forecast("revenue", "month", 3, as_of=AS_OF)
    assert empty_services.forecast_snapshots.keep(made) is None
    assert empty_services.forecast_snapshots.count() == 0


def test_past_forecasts_stand_beside_what_happened(shop: Services) -> None:
    """A forecast made in October 2023 for Oct–Dec: the season repeats exactly, so each
    actual equals its forecast and lies inside the interval; later periods are unknown."""
    shop.forecast_snapshots.keep(
        shop.forecast.forecast("revenue", "month", 6, as_of=date(2023, 10, 1))
    )
    past = shop.forecast_snapshots.past_forecasts(SeriesChoice(), today=AS_OF)
    assert [p.label for p in past] == [f"2023-{m}" for m in (10, 11, 12)] + [
        f"2024-0{m}" for m in (1, 2, 3)
    ]
    known = [p for p in past if p.actual is not None]
    assert [p.actual for p in known] == [Decimal(10 * v) for v in SEASON[9:12]]
    assert all(p.error == 0 and p.inside for p in known)
    assert [p.ahead for p in known] == [1, 2, 3]
    assert all(p.actual is None and p.inside is None for p in past[3:])


def test_deal_categories_follow_the_thresholds() -> None:
    settings = ForecastSettings(commit_threshold=90, best_case_threshold=50)
    assert category(90, False, settings) is DealCategory.COMMIT
    assert category(10, True, settings) is DealCategory.COMMIT
    assert category(50, False, settings) is DealCategory.BEST_CASE
    assert category(49, False, settings) is DealCategory.PIPELINE


def test_thresholds_are_settings(shop: Services) -> None:
    assert shop.settings.forecast_settings() == ForecastSettings(90, 50)
    shop.settings.save_forecast_settings(ForecastSettings(80, 30))
    assert shop.settings.forecast_settings() == ForecastSettings(80, 30)
    with pytest.raises(ValidationError):
        shop.settings.save_forecast_settings(ForecastSettings(40, 60))
    with pytest.raises(ValidationError):
        shop.settings.save_forecast_settings(ForecastSettings(120, 60))


def test_pipeline_by_category_and_deals_needing_attention(shop: Services) -> None:
    """The fixture's deals: 1000.00 at 40 % closing in January, 333.33 at 50 % in February,
    one closing before today, one without a close date."""
    report = shop.pipeline_forecast.pipeline("month", 3, today=AS_OF)
    assert report.labels == ("2024-01", "2024-02", "2024-03")
    cells = {c.label: c for c in report.cells}
    assert cells["2024-01"].pipeline == Decimal("400.00")
    assert cells["2024-02"].best_case == Decimal("166.67")
    assert cells["2024-03"].total == 0
    assert sorted(str(d.reason) for d in report.attention) == sorted(
        [str(CLOSE_PASSED), str(NO_CLOSE_DATE)]
    )
    january = shop.db.read
    with january() as session:
        deal = session.scalar(
            select(m.Opportunity.id).where(m.Opportunity.expected_close == date(2024, 1, 31))
        )
    assert deal is not None
    shop.pipeline.edit(deal, DealEdit(shop.pipeline.get(deal).data, forecast_commit=True))
    cells = {c.label: c for c in shop.pipeline_forecast.pipeline("month", 3, today=AS_OF).cells}
    assert cells["2024-01"].commit == Decimal("400.00") and cells["2024-01"].pipeline == 0


def test_together_says_how_much_of_the_quarter_target_is_met(shop: Services) -> None:
    """Q1 2024 forecast 10 × (100 + 80 + 120) = 3000 against a target of 4000: 75 %."""
    shop.targets.set_target(
        None, Period(PeriodKind.QUARTER, date(2024, 1, 1)), TargetMetric.REVENUE, Decimal(4000)
    )
    made = shop.forecast.forecast("revenue", "month", 6, as_of=AS_OF)
    together = shop.pipeline_forecast.together(made, today=AS_OF)
    assert together.quarter_expected == Decimal("3000.00")
    assert together.attainment == Decimal("75.00")
    assert together.sentence is not None
    assert "75%" in together.sentence.render()
    assert [r.pipeline_weighted for r in together.rows][:2] == [
        Decimal("400.00"),
        Decimal("166.67"),
    ]
    by_quarter = shop.forecast.forecast("revenue", Granularity.QUARTER, 2, as_of=AS_OF)
    assert shop.pipeline_forecast.together(by_quarter, today=AS_OF).attainment == Decimal("75.00")


def test_a_deleted_salesperson_takes_their_snapshots(shop: Services) -> None:
    bob = shop.forecast.owner_named("bob")
    shop.forecast_snapshots.keep(
        shop.forecast.forecast("revenue", "month", 3, as_of=AS_OF, owner_id=bob)
    )
    with shop.db.write() as session:
        session.execute(update(m.Order).where(m.Order.owner_id == bob).values(owner_id=None))
        session.delete(session.get(m.Salesperson, bob))
    assert shop.forecast_snapshots.count() == 0


def test_past_forecasts_with_the_history_just_read_agree(shop: Services) -> None:
    shop.forecast_snapshots.keep(
        shop.forecast.forecast("revenue", "month", 6, as_of=date(2023, 10, 1))
    )
    made = shop.forecast.forecast("revenue", "month", 3, as_of=AS_OF)
    read = shop.forecast_snapshots.past_forecasts(SeriesChoice(), today=AS_OF)
    given = shop.forecast_snapshots.past_forecasts(
        SeriesChoice(), today=AS_OF, history=made.history
    )
    assert read == given
