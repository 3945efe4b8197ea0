"""The main window's tabs, one package per area; ``available_tabs()`` lists those that exist."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from sms_desktop.services.registry import Services
    from sms_desktop.ui.tabs.base import AreaTab


@dataclass(frozen=True, slots=True)
class TabSpec:
    """One tab of the main window: its widget is an ``AreaTab`` (ui/tabs/base.py), the
    contract the window knows tabs by."""

    object_name: str  # stable contract for automation: customersTab, pipelineTab …
    title: Callable[[], str]  # translated at the time the tab is built
    create: Callable[[Services, QUndoStack, QWidget], AreaTab]


def _dashboard(services: Services, undo: QUndoStack, parent: QWidget) -> AreaTab:
    from sms_desktop.ui.tabs.dashboard.tab import DashboardTab

    return DashboardTab(services, undo, parent)


def _customers(services: Services, undo: QUndoStack, parent: QWidget) -> AreaTab:
    from sms_desktop.ui.tabs.customers.tab import CustomersTab

    return CustomersTab(services, undo, parent)


def _accounts(services: Services, undo: QUndoStack, parent: QWidget) -> AreaTab:
    from sms_desktop.ui.tabs.accounts.tab import AccountsTab

    return AccountsTab(services, undo, parent)


def _pipeline(services: Services, undo: QUndoStack, parent: QWidget) -> AreaTab:
    from sms_desktop.ui.tabs.pipeline.tab import PipelineTab

    return PipelineTab(services, undo, parent)


def _forecast(services: Services, undo: QUndoStack, parent: QWidget) -> AreaTab:
    from sms_desktop.ui.tabs.forecast.tab import ForecastTab

    return ForecastTab(services, undo, parent)


def _tasks(services: Services, undo: QUndoStack, parent: QWidget) -> AreaTab:
    from sms_desktop.ui.tabs.tasks.tab import TasksTab

    return TasksTab(services, undo, parent)


def _quotes(services: Services, undo: QUndoStack, parent: QWidget) -> AreaTab:
    from sms_desktop.ui.tabs.quotes.tab import QuotesTab

    return QuotesTab(services, undo, parent)


def _orders(services: Services, undo: QUndoStack, parent: QWidget) -> AreaTab:
    from sms_desktop.ui.tabs.orders.tab import OrdersTab

    return OrdersTab(services, undo, parent)


def _targets(services: Services, undo: QUndoStack, parent: QWidget) -> AreaTab:
    from sms_desktop.ui.tabs.targets.tab import TargetsTab

    return TargetsTab(services, undo, parent)


def available_tabs() -> list[TabSpec]:
    """The tabs in display order; an area appears here once it is built."""
    from sms_desktop.ui.i18n import translate

    return [
        TabSpec("dashboardTab", lambda: translate("MainWindow", "Dashboard"), _dashboard),
        TabSpec("customersTab", lambda: translate("MainWindow", "Customers"), _customers),
        TabSpec("accountsTab", lambda: translate("MainWindow", "Key Accounts"), _accounts),
        TabSpec("pipelineTab", lambda: translate("MainWindow", "Pipeline"), _pipeline),
        TabSpec("forecastTab", lambda: translate("MainWindow", "Forecast"), _forecast),
        TabSpec("tasksTab", lambda: translate("MainWindow", "Tasks"), _tasks),
        TabSpec("quotesTab", lambda: translate("MainWindow", "Quotes"), _quotes),
        TabSpec("ordersTab", lambda: translate("MainWindow", "Orders"), _orders),
        TabSpec("targetsTab", lambda: translate("MainWindow", "Targets"), _targets),
    ]
