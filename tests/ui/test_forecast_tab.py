"""The Forecast tab: opens on the last stored forecast at once, refits in the background and
keeps it; past forecasts beside what happened; the pipeline forecast; the Excel export."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from sms_desktop.domain.calendar import add_months
from sms_desktop.domain.enums import OrderStatus, StageKind
from sms_desktop.domain.forecast import Method
from sms_desktop.persistence import models as m
from sms_desktop.services.forecast_snapshots import SeriesChoice
from sms_desktop.services.registry import Services
from sms_desktop.ui.application import Controller
from sms_desktop.ui.tabs.forecast.tab import ForecastTab

SEASON = (100, 80, 120, 90, 110, 130, 150, 140, 100, 90, 160, 200)
TODAY = date(2026, 5, 10)


@pytest.fixture
def services(controller: Controller) -> Services:
    """Four years of monthly orders with an exact season, and two open deals (one without a
    close date)."""
    assert controller.workspace is not None
    services = controller.workspace.services
    with services.db.write() as s:
        owner = s.query(m.Salesperson).first()
        assert owner is not None
        customer = m.Customer(name="北京华夏科技有限公司", owner_id=owner.id)
        s.add(customer)
        s.flush()
        first = date(2022, 5, 1)
        for i in range(48):
            net = Decimal(10 * SEASON[(i + 4) % 12])
            s.add(
                m.Order(
                    number=f"SO-T-{i:05d}",
                    customer_id=customer.id,
                    owner_id=owner.id,
                    order_date=add_months(first, i).replace(day=12),
                    subtotal=net,
                    total=net,
                    status=OrderStatus.INVOICED,
                )
            )
        stage = s.query(m.PipelineStage).filter(m.PipelineStage.kind == StageKind.OPEN).first()
        assert stage is not None
        for close in (date(2026, 6, 20), None):
            s.add(
                m.Opportunity(
                    customer_id=customer.id,
                    title=f"deal {close}",
                    amount=Decimal("1000.00"),
                    stage_id=stage.id,
                    expected_close=close,
                    owner_id=owner.id,
                    created_at=datetime(2026, 1, 5, tzinfo=UTC),
                    stage_changed_at=datetime(2026, 1, 5, tzinfo=UTC),
                )
            )
    return services


def _tab(qtbot: QtBot, services: Services) -> ForecastTab:
    widget = ForecastTab(services, QUndoStack(), today=TODAY)
    qtbot.addWidget(widget)
    widget.resize(1280, 640)
    return widget


def test_opening_shows_the_stored_forecast_then_the_refitted_one(
    qtbot: QtBot, services: Services, qtmodeltester: object
) -> None:
    tab = _tab(qtbot, services)
    tab.load()
    qtbot.waitUntil(lambda: not tab.loading, timeout=30_000)
    assert tab.shown is not None and not tab.shown.stored
    result = tab.shown.forecast.result
    assert result.method is Method.SEASONAL_NAIVE
    assert tab.periods_model.rowCount() == 12
    assert tab.periods_model.index(0, 0).data() == "2026-05"
    assert tab.periods_model.index(0, 1).data() == "1,100.00"  # May of the season
    stored = services.forecast_snapshots.latest(SeriesChoice())
    assert stored is not None and stored.result.periods == result.periods
    assert "WAPE" in tab.accuracy_label.text()
    assert tab.horizon_model.rowCount() == 12
    assert tab.pipeline_model.rowCount() == 12
    assert tab.attention_model.rowCount() == 1
    for model in (
        tab.periods_model,
        tab.horizon_model,
        tab.past_model,
        tab.pipeline_model,
        tab.attention_model,
    ):
        qtmodeltester.check(model)  # type: ignore[attr-defined]

    again = _tab(qtbot, services)
    again.load()  # the stored forecast is on screen before the fit comes back
    assert again.shown is not None and again.shown.stored
    assert again.periods_model.index(0, 1).data() == "1,100.00"
    qtbot.waitUntil(lambda: not again.loading, timeout=30_000)


def test_choices_quarters_and_a_short_history(qtbot: QtBot, services: Services) -> None:
    tab = _tab(qtbot, services)
    tab.load()
    qtbot.waitUntil(lambda: not tab.loading, timeout=30_000)
    tab.grain_combo.setCurrentIndex(1)
    tab.grain_combo.activated.emit(1)
    qtbot.waitUntil(lambda: not tab.loading, timeout=30_000)
    assert tab.periods_model.index(0, 0).data() == "2026-Q2"
    tab.as_of.setDate(date(2023, 3, 1))
    tab.grain_combo.setCurrentIndex(0)
    qtbot.mouseClick(tab.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not tab.loading, timeout=30_000)
    assert tab.fallback_label.text()  # ten months of history: a simpler method, and why
    assert tab.shown is not None and tab.shown.forecast.result.fallbacks


def test_backfill_then_forecast_vs_actual(qtbot: QtBot, services: Services) -> None:
    tab = _tab(qtbot, services)
    tab.load()
    qtbot.waitUntil(lambda: not tab.loading, timeout=30_000)
    operation = tab.backfill()
    assert operation is not None
    qtbot.waitUntil(lambda: operation.finished and not tab.loading, timeout=60_000)
    assert services.forecast_snapshots.count() == 13
    known = [p for p in tab.past_model.rows if p.actual is not None]
    assert known and all(p.inside for p in known)  # the season repeats exactly
    assert "inside" in tab.past_summary.text() or "区间" in tab.past_summary.text()


def test_thresholds_and_export(
    qtbot: QtBot, services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from openpyxl import load_workbook

    tab = _tab(qtbot, services)
    tab.load()
    qtbot.waitUntil(lambda: not tab.loading, timeout=30_000)
    tab.commit_spin.setValue(10)
    tab.best_spin.setValue(5)
    save = tab.findChild(type(tab.run_button), "forecastSaveThresholds")
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not tab.loading, timeout=30_000)
    assert services.settings.forecast_settings().commit_threshold == 10
    june = next(c for c in tab.pipeline_model.rows if c.label == "2026-06")
    assert june.commit > 0 and june.pipeline == 0

    path = tmp_path / "forecast.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(path), ""))
    with qtbot.waitSignal(tab.status_message, timeout=30_000):
        qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)
    book = load_workbook(path)
    sheet = book.worksheets[0]
    assert sheet.cell(row=4, column=1).value == "2026-05"
    assert sheet.cell(row=4, column=2).value == 1100
    assert tab.shown is not None
    assert [row[1].value for row in sheet.iter_rows(min_row=4, max_row=15)] == [
        float(p.forecast) for p in tab.shown.forecast.result.periods
    ]


def test_win_probability_page_fits_when_shown(
    qtbot: QtBot, services: Services, qtmodeltester: object
) -> None:
    """Two open deals and no closed ones: the stage defaults, and the page says so."""
    tab = _tab(qtbot, services)
    tab.load()
    qtbot.waitUntil(lambda: not tab.loading, timeout=30_000)
    tab.pages.setCurrentWidget(tab.model_page)
    qtbot.waitUntil(lambda: not tab.model_loading, timeout=30_000)
    assert tab.score_model.rowCount() == 2
    assert all(row.model_probability is None for row in tab.score_model.rows)
    assert "50" in tab.model_summary.text()
    assert tab.score_model.index(0, 5).data() == tab.score_model.index(0, 3).data()
    qtmodeltester.check(tab.score_model)  # type: ignore[attr-defined]
