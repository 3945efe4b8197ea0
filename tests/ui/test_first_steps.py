"""The first steps on a database begun empty: shown on the dashboard, each leads to its
place, ticks when done (from any tab), and Hide keeps them hidden."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from sms_desktop.services.customers import CustomerInput
from sms_desktop.services.onboarding import Step
from sms_desktop.ui.application import Controller
from sms_desktop.ui.tabs.dashboard.tab import DashboardTab


def dashboard(controller: Controller, qtbot: QtBot) -> DashboardTab:
    assert controller.window.show_tab("dashboard")
    tab = controller.window.tabs.currentWidget()
    assert isinstance(tab, DashboardTab)
    qtbot.waitUntil(lambda: not tab.loading, timeout=10000)
    return tab


def button(tab: DashboardTab, name: str) -> QPushButton:
    found = tab.findChild(QPushButton, name)
    assert found is not None
    return found


def test_first_steps_lead_to_their_place_and_tick(controller: Controller, qtbot: QtBot) -> None:
    tab = dashboard(controller, qtbot)
    steps = tab.first_steps
    qtbot.waitUntil(steps.isVisible)
    assert not any(steps.is_done(step) for step in Step)

    qtbot.mouseClick(button(tab, "firstStep_customers"), Qt.MouseButton.LeftButton)
    assert controller.window.tabs.currentWidget().objectName() == "customersTab"

    services = controller.workspace.services  # type: ignore[union-attr]
    services.customers.create(CustomerInput(name="北京华夏科技有限公司"))
    assert controller.window.show_tab("dashboard")
    qtbot.waitUntil(lambda: steps.is_done(Step.CUSTOMERS), timeout=10000)
    assert steps.isVisible() and not steps.is_done(Step.PRODUCTS)


def test_a_step_button_runs_the_windows_command(controller: Controller, qtbot: QtBot) -> None:
    tab = dashboard(controller, qtbot)
    ran: list[bool] = []
    controller.window.actions_by_id["products"].triggered.disconnect()
    controller.window.actions_by_id["products"].triggered.connect(lambda: ran.append(True))
    qtbot.mouseClick(button(tab, "firstStep_products"), Qt.MouseButton.LeftButton)
    assert ran == [True]


def test_the_customers_step_opens_the_import(controller: Controller, qtbot: QtBot) -> None:
    tab = dashboard(controller, qtbot)
    ran: list[bool] = []
    action = controller.window.actions_by_id["import"]
    action.triggered.disconnect()
    action.triggered.connect(lambda: ran.append(True))
    qtbot.mouseClick(button(tab, "firstStep_import"), Qt.MouseButton.LeftButton)
    assert ran == [True]


def test_hidden_steps_stay_hidden(controller: Controller, qtbot: QtBot) -> None:
    tab = dashboard(controller, qtbot)
    qtbot.waitUntil(tab.first_steps.isVisible)
    qtbot.mouseClick(button(tab, "hideFirstSteps"), Qt.MouseButton.LeftButton)
    assert not tab.first_steps.isVisible()
    tab.refresh()
    qtbot.waitUntil(lambda: not tab.loading, timeout=10000)
    assert not tab.first_steps.isVisible()
