"""Every dialog fits a 1280×720 laptop with its buttons visible, in Chinese and English."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QAbstractButton, QDialog, QWidget
from pytestqt.qtbot import QtBot

from sms_desktop.services.customers import CustomerInput
from sms_desktop.services.registry import Services
from sms_desktop.ui.application import Controller
from sms_desktop.ui.settings_store import Preferences
from sms_desktop.ui.widgets.dialogs import FRAME, fit_dialog

LAPTOP = QSize(1280, 720)


def _dialogs(services: Services, db_path: Path) -> dict[str, Callable[[QWidget], QDialog]]:
    from sms_desktop.ui.dialogs.about import AboutDialog
    from sms_desktop.ui.dialogs.history_dialog import HistoryDialog
    from sms_desktop.ui.dialogs.import_history import ImportHistoryDialog
    from sms_desktop.ui.dialogs.import_wizard import ImportWizard
    from sms_desktop.ui.dialogs.restore_dialog import RestoreDialog
    from sms_desktop.ui.dialogs.settings_dialog import SettingsDialog
    from sms_desktop.ui.dialogs.trash_dialog import TrashDialog
    from sms_desktop.ui.dialogs.welcome import WelcomeDialog
    from sms_desktop.ui.tabs.accounts.plan_dialog import PlanDialog as AccountPlanDialog
    from sms_desktop.ui.tabs.accounts.survey_dialogs import CampaignDialog
    from sms_desktop.ui.tabs.quotes.editor import QuoteEditor
    from sms_desktop.ui.tabs.quotes.price_lists import PriceListsDialog
    from sms_desktop.ui.tabs.quotes.products import ProductsDialog
    from sms_desktop.ui.tabs.targets.dialogs import SalespersonDialog
    from sms_desktop.ui.tabs.targets.plan_dialog import PlanDialog
    from sms_desktop.ui.tabs.tasks.dialogs import PlansDialog, TaskDialog

    customer = services.customers.create(CustomerInput(name="明达贸易"))
    return {
        "quote editor": lambda p: QuoteEditor(
            services, services.quotes.new_quote(customer, today=date.today()), None, parent=p
        ),
        "settings": lambda p: SettingsDialog(services, Preferences(), p),
        "products": lambda p: ProductsDialog(services, QUndoStack(p), p),
        "price lists": lambda p: PriceListsDialog(services, QUndoStack(p), p),
        "follow-up plans": lambda p: PlansDialog(services, p),
        "task": lambda p: TaskDialog(services, lambda _d: None, parent=p),
        "salesperson": lambda p: SalespersonDialog(None, p),
        "commission plan": lambda p: PlanDialog(None, p),
        "trash": lambda p: TrashDialog(services.trash.items(), p),
        "restore": lambda p: RestoreDialog(db_path, p),
        "welcome": lambda p: WelcomeDialog(db_path.with_name("new.sqlite3"), p),
        "about": lambda p: AboutDialog(db_path, p),
        "history": lambda p: HistoryDialog(services, parent=p),
        "import": lambda p: ImportWizard(services, QUndoStack(p), parent=p),
        "import history": lambda p: ImportHistoryDialog(services.imports, p),
        "account plan": lambda p: AccountPlanDialog(
            customer, "明达贸易", None, None, lambda _v, _a: None, p
        ),
        "survey campaign": lambda p: CampaignDialog(services.surveys, lambda _d: 0, p),
    }


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_every_dialog_fits_a_1280x720_screen(
    controller: Controller, qtbot: QtBot, db_path: Path, language: str
) -> None:
    assert controller.workspace is not None
    room = QRect(QPoint(0, 0), LAPTOP - FRAME)
    for name, make in _dialogs(controller.workspace.services, db_path).items():
        dialog = make(controller.window)
        fit_dialog(dialog, LAPTOP)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert dialog.width() <= room.width() and dialog.height() <= room.height(), name
        assert dialog.minimumSizeHint().height() <= room.height(), name  # the layout can shrink
        title = dialog.fontMetrics().horizontalAdvance(dialog.windowTitle())
        assert dialog.width() > title, name  # the title is not cut
        for button in dialog.findChildren(QAbstractButton):
            if button.isVisible() and button.window() is dialog:
                corner = button.mapTo(dialog, QPoint(button.width(), button.height()))
                assert dialog.rect().contains(corner - QPoint(1, 1)), (name, button.text())
        dialog.close()
        dialog.deleteLater()
