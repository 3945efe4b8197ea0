"""Every-command walk: each menu command, each button of every tab and each command of
their context menus (opened on the first row, as a right-click would), in turn, many times.

Run as ``python -X faulthandler -m tests.reliability.gui_walk DB OUT_DIR [ROUNDS]``. Each
dialog that opens is answered the way a hurried user would (Esc; a file name in save
dialogs), ``gc.collect()`` runs after every command (that is what turns a Qt object freed
under a live Python wrapper into a crash at once), and the background exports run while
the next commands drive dialogs and tab switches on the GUI thread. Prints ``WALK DONE``
and exits 0 when every round finished; a crash kills the process (faulthandler prints
where); a watchdog ends a walk that stops making progress with exit code 3.
"""

from __future__ import annotations

import gc
import os
import re
import sys
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QDialog,
    QFileDialog,
    QMenu,
    QProgressDialog,
    QWidget,
)

STALL_MS = 120_000  # no command for this long: the walk is stuck


class Walk:
    """Drives the controller's window one command per turn of the event loop."""

    def __init__(self, controller: object, out: Path, rounds: int) -> None:
        self.controller = controller
        self.out = out
        self.rounds = rounds
        self.round = 0
        self.steps: list[tuple[str, object]] = []
        self.done = 0
        self.files = 0
        self.busy = False
        self._answer = QTimer()
        self._answer.timeout.connect(self.answer_dialogs)
        self._step = QTimer()
        self._step.timeout.connect(self.step)
        self._watchdog = QTimer()
        self._watchdog.setSingleShot(True)
        self._watchdog.timeout.connect(self.stalled)

    def start(self) -> None:
        self._answer.start(30)
        self._step.start(15)
        self._watchdog.start(STALL_MS)

    def save_name(self, *args: object, **_kwargs: object) -> tuple[str, str]:
        self.files += 1
        filters = str(args[3]) if len(args) > 3 else ""
        match = re.search(r"\*(\.\w+)", filters)
        return str(self.out / f"walk-{self.files}{match[1] if match else '.out'}"), ""

    def answer_dialogs(self) -> None:
        for widget in QApplication.topLevelWidgets():
            visible = isinstance(widget, QDialog) and widget.isVisible()
            if visible and not isinstance(widget, QProgressDialog):
                widget.reject()

    def plan(self) -> None:
        window = self.controller.window  # type: ignore[attr-defined]
        tabs = window.tabs
        from sms_desktop.ui.actions import ActionId

        # Commands that end the walk or leave the database it walks are not part of it.
        leaving = (ActionId.QUIT, ActionId.NEW_DATABASE, ActionId.OPEN_DATABASE)
        skip = {window.actions_by_id[a] for a in (*leaving, ActionId.RESTORE, ActionId.FULL_SCREEN)}
        for action in window.findChildren(QAction):
            if action not in skip:
                self.steps.append(("command", action))
        for index in range(tabs.count()):
            self.steps.append(("tab", index))
            self.steps.append(("tab commands", index))

    def step(self) -> None:
        if self.busy or QApplication.activeModalWidget() is not None:
            return
        from sms_desktop.ui.background import Operation

        if Operation._running and self.steps and self.steps[0][0] == "tab":
            return  # let the exports finish before the tab's own commands start
        self.busy = True
        try:
            self._next()
        finally:
            self.busy = False

    def _next(self) -> None:
        window = self.controller.window  # type: ignore[attr-defined]
        if not self.steps:
            if self.round == self.rounds:
                print(f"WALK DONE {self.done} commands, {self.files} files", flush=True)
                self.controller.quit()  # type: ignore[attr-defined]
                return
            self.round += 1
            self.plan()
            return
        kind, target = self.steps.pop(0)
        if kind == "tab":
            assert isinstance(target, int)
            window.tabs.setCurrentIndex(target)
        elif kind == "tab commands":
            assert isinstance(target, int)
            tab = window.tabs.widget(target)
            found: list[tuple[str, object]] = [
                ("button", b) for b in tab.findChildren(QAbstractButton) if b.text()
            ]
            found += [("command", a) for a in tab.findChildren(QAction) if a.text()]
            if self.round == 1:  # context menus once; the later rounds repeat the rest
                found += [
                    ("context menu", (target, w))
                    for w in tab.findChildren(QWidget)
                    if w.contextMenuPolicy() is Qt.ContextMenuPolicy.CustomContextMenu
                ]
            self.steps[0:0] = found
            return
        elif kind == "context menu":
            assert isinstance(target, tuple)
            window.tabs.setCurrentIndex(target[0])  # a command before may have left the tab
            count = len(self._context_actions(target[1], None))
            self.steps[0:0] = [("context command", (*target, i)) for i in range(count)]
            return
        elif kind == "context command":
            assert isinstance(target, tuple)
            window.tabs.setCurrentIndex(target[0])
            self._context_actions(*target[1:])
        elif not self._trigger(kind, target):
            return
        self.done += 1
        self._watchdog.start(STALL_MS)
        gc.collect()

    @staticmethod
    def _context_actions(widget: QWidget, choose: int | None) -> list[QAction]:
        """Open ``widget``'s context menu on its first row (or its middle) as a right-click
        does; trigger its ``choose``-th command (None: none). Returns the menu's commands."""
        try:
            if not widget.isVisible():
                return []
        except RuntimeError:  # its tab was rebuilt meanwhile
            return []
        where = widget.rect().center()
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            first = widget.model().index(0, 0)
            if not first.isValid():
                return []
            widget.setCurrentIndex(first)
            where = widget.visualRect(first).center()
        seen: list[QAction] = []

        def pick() -> None:
            menu = QApplication.activePopupWidget()
            if not isinstance(menu, QMenu):
                return
            seen.extend(a for a in menu.actions() if a.text() and a.menu() is None)
            menu.close()
            if choose is not None and choose < len(seen) and seen[choose].isEnabled():
                seen[choose].trigger()

        QTimer.singleShot(0, pick)
        widget.customContextMenuRequested.emit(where)
        return seen

    @staticmethod
    def _trigger(kind: str, target: object) -> bool:
        try:
            enabled = target.isEnabled()  # type: ignore[attr-defined]
        except RuntimeError:  # its tab was rebuilt meanwhile
            return False
        if not enabled:
            return False
        if isinstance(target, QAction):
            if target.menu() is not None:
                return False
            target.trigger()
        elif isinstance(target, QAbstractButton):
            if not target.isVisible():
                return False
            target.click()
        return True

    def stalled(self) -> None:
        print(f"WALK STALLED after {self.done} commands", flush=True)
        QApplication.exit(3)


def main(argv: list[str]) -> int:
    db, out = Path(argv[0]), Path(argv[1])
    rounds = int(argv[2]) if len(argv) > 2 else 1
    out.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from sms_desktop.ui import application
    from sms_desktop.ui.i18n import install_translators
    from sms_desktop.ui.settings_store import SettingsStore

    app = QApplication(sys.argv[:1])
    app.setOrganizationName("sms-desktop-walk")
    app.setApplicationName("sms-desktop-walk")
    language = os.environ.get("WALK_LANG", "zh_CN")
    install_translators(language)
    controller = application.Controller(app, SettingsStore(), language, db)
    walk = Walk(controller, out, rounds)
    QFileDialog.getSaveFileName = walk.save_name  # type: ignore[method-assign]
    QFileDialog.getOpenFileName = lambda *_a, **_k: ("", "")  # type: ignore[method-assign]
    QDesktopServices.openUrl = lambda *_a: True  # type: ignore[method-assign]
    controller.start()
    QTimer.singleShot(1500, walk.start)
    code = app.exec()
    return controller.exit_code or code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
