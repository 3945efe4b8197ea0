"""Screenshot sweep: every tab of the main window and every dialog the every-command walk
reaches (and the dialogs their own buttons open), grabbed to PNG on a screen of the given
size, in one language, so a person can look at each one.

Run as ``python -m tests.ui.dialog_sweep DB OUT_DIR LANG WIDTHxHEIGHT`` on a scratch copy
of a demo database (the walk presses buttons). Each PNG is named after the dialog's
objectName (or class) and title; ``index.txt`` lists them with their sizes. The screen is
the offscreen platform's, configured to the size, so ``fit_dialog`` fits dialogs to it as
it would on that laptop.
"""

from __future__ import annotations

import json
import os
import re
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSettings, QThreadPool, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QTabWidget,
    QToolButton,
    QWidget,
    QWizard,
)

from tests.reliability.gui_walk import Walk

SAMPLE_CSV = "客户名称,电话,城市\n华东机电有限公司,021-55501234,上海\n北方贸易,010-66602345,北京\n"


def _slug(text: str) -> str:
    return re.sub(r"[^\w一-鿿]+", "_", text).strip("_")[:40] or "untitled"


class Sweep(Walk):
    """The walk, grabbing each new dialog (and the dialogs its buttons open) before Esc."""

    def __init__(self, controller: object, out: Path, tag: str) -> None:
        super().__init__(controller, out / "files", 1)
        self.shots = out
        self.tag = tag
        self.seen: dict[str, int] = {}
        self.exploring: set[int] = set()
        self.index: list[str] = []

    def grab(self, widget: QWidget, name: str) -> None:
        count = self.seen.get(name, 0)
        self.seen[name] = count + 1
        if count:
            return
        path = self.shots / f"{_slug(name)}-{self.tag}.png"
        widget.grab().save(str(path), "PNG")
        self.index.append(f"{path.name}\t{widget.width()}x{widget.height()}\t{name}")

    def answer_dialogs(self) -> None:
        popup = QApplication.activePopupWidget()
        if popup is not None:  # a button's menu opened by explore()
            popup.close()
        for widget in QApplication.topLevelWidgets():
            if not (isinstance(widget, QDialog) and widget.isVisible()):
                continue
            if isinstance(widget, QProgressDialog) or id(widget) in self.exploring:
                continue
            name = f"{widget.objectName() or type(widget).__name__} {widget.windowTitle()}"
            first = name not in self.seen
            self.grab(widget, name)
            if first and not self.exploring:
                self.exploring.add(id(widget))
                QTimer.singleShot(0, lambda w=widget, n=name: self.explore(w, n))
                continue
            # Answered from a timer of its own: a prompt the answer opens (unsaved changes)
            # runs its event loop outside this slot, so this timer answers it too.
            QTimer.singleShot(0, lambda w=widget: self.answer(w))

    @staticmethod
    def answer(dialog: QDialog) -> None:
        try:
            if not dialog.isVisible():
                return
            if isinstance(dialog, QMessageBox):  # "Unsaved changes": discard them
                for button in dialog.buttons():
                    if dialog.buttonRole(button) is QMessageBox.ButtonRole.DestructiveRole:
                        button.click()
                        return
            dialog.reject()
        except RuntimeError:  # already gone
            pass

    def explore(self, dialog: QDialog, name: str) -> None:
        """Each page of its tabs (and of a wizard), each with the buttons it shows pressed
        once (what they open is grabbed by answer_dialogs, then answered with Esc)."""
        try:
            if isinstance(dialog, QWizard):
                self.walk_wizard(dialog, name)
            tabs = dialog.findChild(QTabWidget)
            pages = range(tabs.count()) if tabs is not None else range(1)
            for i in pages:
                if tabs is not None:
                    tabs.setCurrentIndex(i)
                    self.grab(dialog, f"{name} tab {i} {tabs.tabText(i)}")
                self.press_buttons(dialog)
        except RuntimeError:  # the dialog closed itself
            pass
        finally:
            self.exploring.discard(id(dialog))

    def press_buttons(self, dialog: QDialog) -> None:
        boxed = {b for box in dialog.findChildren(QDialogButtonBox) for b in box.buttons()}
        buttons = [
            b
            for b in dialog.findChildren(QAbstractButton)
            if isinstance(b, (QPushButton, QToolButton))
            and b not in boxed
            and b.text()
            and b.window() is dialog
        ]
        for button in buttons:
            if dialog.isVisible() and button.isVisible() and button.isEnabled():
                button.click()
                self.settle()

    def stalled(self) -> None:
        modal = QApplication.activeModalWidget()
        print(f"stalled with {modal!r} {modal.windowTitle() if modal else ''}", flush=True)
        super().stalled()

    def walk_wizard(self, wizard: QWizard, name: str) -> None:
        sample = Path(tempfile.mkdtemp()) / "客户.csv"
        sample.write_text(SAMPLE_CSV, encoding="utf-8")
        wizard.file_page.open_file(sample)  # type: ignore[attr-defined]
        for step in range(4):
            QApplication.processEvents()
            self.grab(wizard, f"{name} page {step} {wizard.currentPage().title()}")
            if wizard.button(QWizard.WizardButton.NextButton).isEnabled():
                wizard.next()
            self.settle()

    @staticmethod
    def settle() -> None:
        """Let background work (the preview's dry run) finish and its result arrive."""
        from sms_desktop.ui.background import Operation

        deadline = time.monotonic() + 20
        while (Operation._running or QThreadPool.globalInstance().activeThreadCount()) and (
            time.monotonic() < deadline
        ):
            QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        QApplication.processEvents()


def direct_dialogs(services: object, db: Path) -> dict[str, object]:
    """Dialogs no command of the walk opens on its own, made as their callers make them."""
    from sms_desktop.services.duplicates import DuplicateCandidate
    from sms_desktop.ui.dialogs.restore_dialog import RestoreDialog
    from sms_desktop.ui.dialogs.welcome import WelcomeDialog
    from sms_desktop.ui.tabs.accounts.dialogs import DismissDialog
    from sms_desktop.ui.tabs.customers.contacts import ContactDialog
    from sms_desktop.ui.tabs.customers.dialogs import DuplicatesDialog, MergeDialog
    from sms_desktop.ui.tabs.pipeline.dialogs import LostReasonDialog
    from sms_desktop.ui.tabs.targets.dialogs import SalespersonDialog
    from sms_desktop.ui.tabs.targets.plan_dialog import PlanDialog
    from sms_desktop.ui.tabs.tasks.tab import DatePickDialog

    reasons = services.stages.lost_reasons()  # type: ignore[attr-defined]
    twins = [
        DuplicateCandidate(1, "杭州明远贸易有限公司", "杭州", ("name", "phone"), 0.92),
        DuplicateCandidate(2, "杭州明远贸易", None, ("email",), 0.61),
    ]
    return {
        "contact": lambda p: ContactDialog(None, p),
        "duplicates": lambda p: DuplicatesDialog("杭州明远贸易有限公司", twins, p),
        "merge": lambda p: MergeDialog((1, "杭州明远贸易有限公司"), (2, "杭州明远贸易"), p),
        "lost reason": lambda p: LostReasonDialog("2026年度备品备件采购", reasons, p),
        "move to date": lambda p: DatePickDialog(date.today(), p),
        "restore": lambda p: RestoreDialog(db, p),
        "welcome": lambda p: WelcomeDialog(db.with_name("new.sqlite3"), p),
        "commission plan": lambda p: PlanDialog(None, p),
        "salesperson": lambda p: SalespersonDialog(None, p),
        "dismiss": lambda p: DismissDialog("回访：询问二期采购计划", p),
    }


def _screen_config(width: int, height: int) -> str:
    config = {
        "synchronousWindowSystemEvents": False,
        "windowFrameMargins": False,
        "screens": [
            {
                "name": "laptop",
                "x": 0,
                "y": 0,
                "width": width,
                "height": height,
                "logicalDpi": 96,
                "logicalBaseDpi": 96,
                "dpr": 1,
            }
        ],
    }
    path = Path(tempfile.mkdtemp()) / "screen.json"
    path.write_text(json.dumps(config), encoding="utf-8")
    return str(path)


def main(argv: list[str]) -> int:
    db, out, language, size = Path(argv[0]), Path(argv[1]), argv[2], argv[3]
    width, height = (int(n) for n in size.split("x"))
    out.mkdir(parents=True, exist_ok=True)
    tag = f"{language}-{size}"
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QFileDialog

    from sms_desktop.ui import application
    from sms_desktop.ui.i18n import install_translators
    from sms_desktop.ui.settings_store import SettingsStore

    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_screen_config(width, height)}"
    app = QApplication(sys.argv[:1])
    app.setOrganizationName("sms-desktop-sweep")
    app.setApplicationName(f"sms-desktop-sweep-{tag}")
    install_translators(language)
    application.register_fonts()
    # A settings file of its own: no window geometry from another run (or from the user's
    # own settings) decides the window's size on this screen.
    store = SettingsStore(QSettings(str(out / f"settings-{tag}.ini"), QSettings.Format.IniFormat))
    controller = application.Controller(app, store, language, db)
    sweep = Sweep(controller, out, tag)
    (out / "files").mkdir(exist_ok=True)
    QFileDialog.getSaveFileName = sweep.save_name  # type: ignore[method-assign]
    QFileDialog.getOpenFileName = lambda *_a, **_k: ("", "")  # type: ignore[method-assign]
    QDesktopServices.openUrl = lambda *_a: True  # type: ignore[method-assign]
    controller.start()

    def tabs_then_walk() -> None:
        window = controller.window
        tabs = window.tabs

        def shoot(index: int) -> None:
            if index == tabs.count():
                from sms_desktop.ui.widgets.dialogs import fit_dialog

                services = controller.workspace.services  # type: ignore[union-attr]
                for make in direct_dialogs(services, db).values():
                    dialog = make(window)  # type: ignore[operator]
                    fit_dialog(dialog)
                    dialog.show()
                    for _ in range(5):
                        QApplication.processEvents()
                    sweep.grab(dialog, f"{dialog.objectName()} {dialog.windowTitle()}")
                    dialog.close()
                    dialog.deleteLater()
                sweep.start()
                return
            tabs.setCurrentIndex(index)
            QTimer.singleShot(
                1500,
                lambda: (
                    sweep.grab(window, f"mainWindow {index} {tabs.tabText(index)}"),
                    shoot(index + 1),
                ),
            )

        shoot(0)

    QTimer.singleShot(1500, tabs_then_walk)
    code = app.exec()
    (out / f"index-{tag}.txt").write_text("\n".join(sweep.index) + "\n", encoding="utf-8")
    return controller.exit_code or code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
