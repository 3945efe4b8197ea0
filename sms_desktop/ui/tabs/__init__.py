"""The main window's tabs, one package per area; ``TABS`` lists those that exist."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from sms_desktop.services.registry import Services


class AreaTab(Protocol):
    """What the main window needs from a tab widget."""

    def load(self) -> None:
        """Fill the tab with data (called once, after the window is shown)."""

    def refresh(self) -> None:
        """Re-read data after a change made elsewhere (e.g. a restore)."""


@dataclass(frozen=True, slots=True)
class TabSpec:
    object_name: str  # stable contract for automation: customersTab, pipelineTab …
    title: Callable[[], str]  # translated at the time the tab is built
    create: Callable[[Services, QUndoStack, QWidget], QWidget]


def _customers(services: Services, undo: QUndoStack, parent: QWidget) -> QWidget:
    from sms_desktop.ui.tabs.customers.tab import CustomersTab

    return CustomersTab(services, undo, parent)


def _pipeline(services: Services, undo: QUndoStack, parent: QWidget) -> QWidget:
    from sms_desktop.ui.tabs.pipeline.tab import PipelineTab

    return PipelineTab(services, undo, parent)


def available_tabs() -> list[TabSpec]:
    """The tabs in display order; an area appears here once it is built."""
    from sms_desktop.ui.i18n import translate

    return [
        TabSpec("customersTab", lambda: translate("MainWindow", "Customers"), _customers),
        TabSpec("pipelineTab", lambda: translate("MainWindow", "Pipeline"), _pipeline),
    ]
