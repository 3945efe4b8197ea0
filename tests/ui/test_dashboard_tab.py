"""The dashboard tab driven through its real widgets, over the hand-computed dashboard world."""

from __future__ import annotations

import logging
import warnings
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QPushButton
from pytestqt.qtbot import QtBot

from sms_desktop.services.workspace import open_workspace
from sms_desktop.ui.application import Controller
from sms_desktop.ui.tabs import available_tabs
from sms_desktop.ui.tabs.dashboard.tab import PERIODS, DashboardTab, period_range
from tests.services.dashboard_data import TODAY, DashboardWorld, build_dashboard_world


@pytest.fixture
def world(company_db: Path) -> DashboardWorld:
    workspace = open_workspace(company_db)
    try:
        return build_dashboard_world(workspace.db)
    finally:
        workspace.close(backup=False)


def dashboard(controller: Controller, qtbot: QtBot) -> DashboardTab:
    controller.window.show_tab("dashboard")
    tab = controller.window.tabs.currentWidget()
    assert isinstance(tab, DashboardTab)
    tab.today = lambda: TODAY
    with qtbot.waitSignal(tab.shown, timeout=30000):
        tab.refresh()
    return tab


def choose(tab: DashboardTab, qtbot: QtBot, combo_name: str, data: object) -> None:
    """Pick an entry like a user and wait until the figures are redrawn."""
    combo = tab.period_combo if combo_name == "period" else tab.owner_combo
    combo.setCurrentIndex(combo.findData(data))
    with qtbot.waitSignal(tab.shown, timeout=30000):
        combo.activated.emit(combo.currentIndex())


def test_the_dashboard_is_the_first_tab(world: DashboardWorld, controller: Controller) -> None:
    assert available_tabs()[0].object_name == "dashboardTab"
    assert controller.window.tabs.widget(0).objectName() == "dashboardTab"
    assert controller.window.tabs.currentIndex() == 0


def test_switching_the_period_changes_the_revenue_card(
    world: DashboardWorld, controller: Controller, qtbot: QtBot
) -> None:
    tab = dashboard(controller, qtbot)
    assert tab.period_combo.currentData() == "year"
    # This year = 2026-01-01 … today (05-20): O1 + O2 + O3.
    assert tab.cards["revenue_period"].value.text() == "3,500.50"
    assert "218.2%" in tab.cards["revenue_period"].detail.text()
    choose(tab, qtbot, "period", "last_year")
    assert tab.snapshot is not None
    assert tab.snapshot.filter.period_from == date(2025, 1, 1)
    assert tab.cards["revenue_period"].value.text() == "1,100.00"
    assert tab.period_label.text() == "Jan 1, 2025 – Dec 31, 2025"
    choose(tab, qtbot, "period", "month")
    assert tab.cards["revenue_period"].value.text() == "1,000.00"
    assert tab.cards["revenue_month"].value.text() == "1,000.00"


def test_the_owner_filter_applies_to_every_card(
    world: DashboardWorld, controller: Controller, qtbot: QtBot
) -> None:
    tab = dashboard(controller, qtbot)
    assert tab.cards["overdue"].value.text() == "2"
    assert tab.cards["win_rate"].value.text() == "66.7%"
    choose(tab, qtbot, "owner", world.b)
    assert tab.cards["overdue"].value.text() == "1"
    assert tab.cards["win_rate"].value.text() == "100.0%"
    assert tab.cards["revenue_period"].value.text() == "2,500.50"  # O2 + O3
    assert tab.snapshot is not None
    assert [c.customer_id for c in tab.snapshot.top_customers] == [world.c1, world.c2]


def test_every_chart_is_drawn_with_no_missing_glyph(
    world: DashboardWorld, controller: Controller, qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    tab = dashboard(controller, qtbot)
    with caplog.at_level(logging.WARNING), warnings.catch_warnings():
        warnings.simplefilter("error")
        for panel in tab.charts.values():
            assert panel.canvas is not None
            panel.canvas.draw()
    assert [r.getMessage() for r in caplog.records if r.name.startswith("matplotlib")] == []


@pytest.mark.parametrize("language", ["zh_CN"])
def test_chinese_dashboard_renders_cleanly(
    world: DashboardWorld, controller: Controller, qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    tab = dashboard(controller, qtbot)
    assert tab.period_combo.currentText() == "本年"
    with caplog.at_level(logging.WARNING), warnings.catch_warnings():
        warnings.simplefilter("error")
        for panel in tab.charts.values():
            panel.canvas.draw()
    assert [r.getMessage() for r in caplog.records if r.name.startswith("matplotlib")] == []
    title = tab.charts["monthly"].figure.get_suptitle()
    assert title == "月度销售额（不含税）"


def test_clicking_a_customer_bar_opens_the_customer(
    world: DashboardWorld, controller: Controller, qtbot: QtBot
) -> None:
    tab = dashboard(controller, qtbot)
    figure = tab.charts["customers"].figure
    bar = next(a for a in figure.findobj() if a.get_gid() == f"customer:{world.c1}")
    tab._on_canvas_pick(SimpleNamespace(artist=bar))
    customers = controller.window.tabs.currentWidget()
    assert customers.objectName() == "customersTab"
    assert customers.selected_ids() == [world.c1]


def test_clicking_the_pipeline_card_opens_the_pipeline_for_the_owner(
    world: DashboardWorld, controller: Controller, qtbot: QtBot
) -> None:
    tab = dashboard(controller, qtbot)
    choose(tab, qtbot, "owner", world.b)
    qtbot.mouseClick(tab.cards["open_pipeline"], Qt.MouseButton.LeftButton)
    pipeline = controller.window.tabs.currentWidget()
    assert pipeline.objectName() == "pipelineTab"
    assert pipeline.owner_combo.currentData() == world.b
    for card, area in (("quotes", "quotesTab"), ("overdue", "tasksTab"), ("targets", "targetsTab")):
        controller.window.show_tab("dashboard")
        qtbot.mouseClick(tab.cards[card], Qt.MouseButton.LeftButton)
        assert controller.window.tabs.currentWidget().objectName() == area
    controller.window.show_tab("dashboard")
    tab.open_item(f"salesperson:{world.b}")
    assert controller.window.tabs.currentWidget().objectName() == "targetsTab"
    tab.open_item("nothing:1")  # nothing to open: the window stays where it is
    assert controller.window.tabs.currentWidget().objectName() == "targetsTab"


@pytest.mark.parametrize("fmt", ["png", "svg", "pdf"])
def test_save_a_chart(
    world: DashboardWorld,
    controller: Controller,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    fmt: str,
) -> None:
    tab = dashboard(controller, qtbot)
    target = tmp_path / f"pipeline.{fmt}"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), "PNG image (*.png)")
    )
    tab.charts["pipeline"].save_button.click()
    qtbot.waitUntil(lambda: "Chart saved" in controller.window.statusBar().currentMessage())
    assert target.read_bytes()[:4] in (b"\x89PNG", b"<?xm", b"%PDF")


def test_period_presets() -> None:
    today = date(2026, 2, 10)
    assert period_range("month", today) == (date(2026, 2, 1), today)
    assert period_range("quarter", today) == (date(2026, 1, 1), today)
    assert period_range("12m", today) == (date(2025, 3, 1), today)
    assert period_range("last_month", today) == (date(2026, 1, 1), date(2026, 1, 31))
    assert period_range("last_quarter", today) == (date(2025, 10, 1), date(2025, 12, 31))
    assert period_range("last_year", today) == (date(2025, 1, 1), date(2025, 12, 31))
    assert {period_range(key, today)[1] <= today for key in PERIODS} == {True}
    with pytest.raises(ValueError, match="unknown period"):
        period_range("decade", today)


def test_file_export_summary_workbook_runs_in_the_background(
    world: DashboardWorld,
    controller: Controller,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from openpyxl import load_workbook

    from sms_desktop.ui.actions import ActionId
    from sms_desktop.ui.background import Operation

    tab = dashboard(controller, qtbot)
    target = tmp_path / "summary.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    controller.window.show_tab("customers")
    controller.window.actions_by_id[ActionId.EXPORT_SUMMARY_WORKBOOK].trigger()
    assert controller.window.tabs.currentWidget() is tab
    qtbot.waitUntil(lambda: not Operation._running, timeout=30000)
    wb = load_workbook(target)
    assert wb.sheetnames[0] == "Summary"
    assert wb["By customer"]["A2"].value == "甲公司"


def test_export_management_report_from_the_tab(
    world: DashboardWorld,
    controller: Controller,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from sms_desktop.ui.background import Operation

    tab = dashboard(controller, qtbot)
    target = tmp_path / "report"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), "PDF document (*.pdf)")
    )
    button = tab.findChild(QPushButton, "dashboardExportReport")
    with qtbot.waitSignal(tab.status_message, timeout=60000) as signal:
        button.click()
        (operation,) = Operation._running
        assert operation.dialog.findChild(QPushButton) is not None  # Cancel is offered
    assert not Operation._running
    assert "report.pdf" in signal.args[0]
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF")


def test_the_dashboard_fits_a_1280_wide_laptop(controller: Controller, qtbot: QtBot) -> None:
    """Six KPI cards in a row with long captions and details: they wrap, nothing is cut."""
    from PySide6.QtWidgets import QScrollArea

    assert controller.window.show_tab("dashboard")
    controller.window.resize(1280, 720)
    tab = controller.window.tabs.currentWidget()
    assert isinstance(tab, DashboardTab)
    for card in tab.cards.values():  # the figures of a busy year
        card.set_figure("12,994,330.09", "▼29.8% · last year 14,264,580.18")
    scroll = tab.findChild(QScrollArea)
    assert scroll is not None and scroll.widget() is not None
    controller.window.show()
    qtbot.waitUntil(lambda: 1200 < scroll.viewport().width() < 1280)
    share = (scroll.viewport().width() - 5 * 8) // 6  # six cards, 8 px apart
    for key, card in tab.cards.items():
        assert card.minimumSizeHint().width() <= share, key
    assert scroll.widget().minimumSizeHint().width() <= scroll.viewport().width()
