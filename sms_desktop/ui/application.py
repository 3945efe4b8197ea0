"""Starting the GUI: the QApplication, fonts, languages, and the controller of the open database."""

from __future__ import annotations

import os
import sys
import time
import traceback
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, QUrl
from PySide6.QtGui import (
    QDesktopServices,
    QFontDatabase,
    QFontInfo,
    QGuiApplication,
    QIcon,
    QUndoStack,
)
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from sms_desktop import APP_ID, APP_NAME, __version__
from sms_desktop.domain.errors import DomainError
from sms_desktop.persistence.paths import resources_dir, write_crash_log
from sms_desktop.ui.actions import ActionId
from sms_desktop.ui.formatting import format_datetime
from sms_desktop.ui.i18n import install_translators, resolve_language, translate
from sms_desktop.ui.main_window import MainWindow
from sms_desktop.ui.settings_store import SettingsStore
from sms_desktop.ui.tabs.base import AreaTab
from sms_desktop.ui.widgets.dialogs import run_modal
from sms_desktop.ui.widgets.file_dialogs import ask_open_path
from sms_desktop.ui.widgets.save_dialog import DATABASE, ask_save_path

if TYPE_CHECKING:  # SQLAlchemy is imported only after the window shows
    from sms_desktop.services.workspace import DatabaseDamagedError, Workspace

STATS_DELAY_MS = 3000
TODAY_DELAY_MS = 800  # the Today summary, once the window has painted
PROBE_ENV = "SMS_DESKTOP_PROBE"  # benchmarks: print a marker at "shown" or "data", then exit
UI_FONT_FAMILY = "WenQuanYi Micro Hei"


def app_title() -> str:
    """The title of our message boxes, in the interface language."""
    return translate("Messages", "SMS Desktop")


def register_fonts() -> None:
    """Register the bundled CJK font so Chinese renders even where no CJK font is installed."""
    font_file = resources_dir() / "fonts" / "wqy-microhei.ttc"
    if QFontDatabase.addApplicationFont(str(font_file)) < 0:
        return
    font = QGuiApplication.font()
    # The family the platform really resolved first ("Sans Serif" is only an alias), then
    # ours as the fallback for CJK: Latin text keeps the system look.
    resolved = QFontInfo(font).family()
    families = [f for f in (resolved, *font.families()) if f and f != UI_FONT_FAMILY]
    font.setFamilies([*dict.fromkeys(families), UI_FONT_FAMILY])
    QGuiApplication.setFont(font)


_WATCHED_MODULES = ("sqlalchemy", "matplotlib", "reportlab", "openpyxl", "pandas")


def _probe(name: str) -> None:
    """Benchmarks and tests: report reaching ``name`` (and the heavy modules loaded by then)."""
    if os.environ.get(PROBE_ENV) == name:
        loaded = ",".join(m for m in _WATCHED_MODULES if m in sys.modules) or "-"
        print(f"PROBE {name} {time.monotonic():.6f} {loaded}", flush=True)
        QApplication.exit(0)


SCREENSHOT_SETTLE_MS = 1000


class Controller(QObject):
    """Owns the open workspace and carries out the File/Help commands of the window."""

    def __init__(
        self,
        app: QApplication,
        store: SettingsStore,
        language: str,
        db_path: Path,
        *,
        screenshot: Path | None = None,
        tab: str | None = None,
        size: tuple[int, int] = (1400, 900),
    ) -> None:
        super().__init__()
        self.app = app
        self.store = store
        self.language = language
        self.db_path = db_path
        self.screenshot = screenshot
        self.tab = tab
        self.size = size
        self.workspace: Workspace | None = None
        self.undo_stack = QUndoStack(self)
        self.window = self._new_window()
        self.exit_code = 0

    # ---------------------------------------------------------------- windows

    def _new_window(self) -> MainWindow:
        window = MainWindow(self.store, self.undo_stack)
        window.action_triggered.connect(self._on_window_action_triggered)
        window.close_requested.connect(self.quit)
        if self.screenshot is not None:
            window.resize(*self.size)
        return window

    def start(self) -> None:
        self.window.show()
        QTimer.singleShot(0, lambda: _probe("shown"))
        QTimer.singleShot(0, self._open_initial)

    def _open_initial(self) -> None:
        if self.db_path.exists():
            self.open_path(self.db_path, fatal=True)
            return
        if self.screenshot is not None:
            self._fail(
                QApplication.translate("Controller", "There is no database at {path}.").format(
                    path=str(self.db_path)
                )
            )
            return
        self._welcome(self.db_path, fatal=True)

    def _fail(self, text: str) -> None:
        """An error with nothing open: say it and leave with exit code 1."""
        if self.screenshot is None and QGuiApplication.platformName() != "offscreen":
            QMessageBox.critical(self.window, app_title(), text)
        else:
            print(f"sms-desktop: {text}", file=sys.stderr)
        self.exit_code = 1
        self.window.allow_close = True
        self.window.close()
        self.app.exit(1)

    # --------------------------------------------------------------- database

    def open_path(self, path: Path, *, fatal: bool = False, offer_backup: bool = True) -> bool:
        from sms_desktop.services.workspace import DatabaseDamagedError, open_workspace
        from sms_desktop.ui.dialogs.messages import error_text

        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            workspace = open_workspace(path)
        except Exception as exc:
            QGuiApplication.restoreOverrideCursor()
            if isinstance(exc, DatabaseDamagedError) and offer_backup and self._offer_recovery(exc):
                return self.open_path(path, fatal=fatal, offer_backup=False)
            if fatal and self.workspace is None:
                self._fail(error_text(exc))
            else:
                QMessageBox.warning(self.window, app_title(), error_text(exc))
            return False
        QGuiApplication.restoreOverrideCursor()
        self._show_workspace(workspace)
        return True

    def _offer_recovery(self, damaged: DatabaseDamagedError) -> bool:
        """A file that could not be opened as damaged: offer its latest good backup (the
        damaged file is kept aside). True when the backup is now in its place."""
        from sms_desktop.services.workspace import backup_date, recover_damaged
        from sms_desktop.ui.dialogs.messages import show_error

        if damaged.backup is None or self.screenshot is not None:
            return False
        if QGuiApplication.platformName() == "offscreen":
            return False
        answer = QMessageBox.question(
            self.window,
            app_title(),
            self.tr(
                "{path} is damaged or has lost its data and was not opened.\n\n"
                "SMS Desktop can keep the file aside and restore the latest good backup "
                "from {when}. Restore it now?"
            ).format(path=str(damaged.path), when=backup_date(damaged.backup)),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            result = recover_damaged(damaged.path)
        except Exception as exc:
            show_error(self.window, exc)
            return False
        if result is None:
            return False
        QMessageBox.information(
            self.window,
            app_title(),
            self.tr("The backup was restored. The damaged file was kept at {path}.").format(
                path=str(result[0])
            ),
        )
        return True

    def _show_workspace(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self.db_path = workspace.path
        # Queued first: it runs once the first page is painted, before the tabs' follow-up
        # work (filter choices, the first customer's panel) that they queue while loading.
        QTimer.singleShot(0, lambda: _probe("data"))
        self.window.set_database(workspace.path, workspace.services)
        self.window.load_tabs()
        if self.screenshot is not None:
            self._take_screenshot()
            return
        self.store.update_preferences(last_database=str(workspace.path))
        if workspace.unclean_shutdown or workspace.check_pending:
            self._check_after_crash()
        # After start-up has settled: the recount competes with the first paint otherwise.
        QTimer.singleShot(STATS_DELAY_MS, lambda: self._refresh_stats(workspace))
        if self.store.preferences().show_today_summary:
            QTimer.singleShot(TODAY_DELAY_MS, self.show_today_summary)

    def show_today_summary(self) -> None:
        """What is overdue and due today, in a window beside the main one (not blocking)."""
        from sms_desktop.ui.tabs.tasks.tab import TasksTab

        tasks = self.window.tab_widget("tasksTab")
        if not isinstance(tasks, TasksTab):
            return
        try:
            dialog = tasks.today_summary(show_at_start=True)
        except DomainError:
            return
        if dialog is None:
            return
        self.today_dialog = dialog

        def finished(result: int) -> None:
            self.store.update_preferences(show_today_summary=dialog.show_check.isChecked())
            if result == QDialog.DialogCode.Accepted:
                tasks.open_today()

        dialog.finished.connect(finished)
        dialog.setWindowModality(Qt.WindowModality.NonModal)
        dialog.show()

    def _refresh_stats(self, workspace: Workspace) -> None:
        """Once a day, recompute per-customer figures (12-month revenue moves with time)."""
        from sms_desktop.services.customers import refresh_stats_if_stale
        from sms_desktop.ui.background import run_quietly

        if self.workspace is not workspace:  # closed or switched meanwhile
            return

        def done(changed: bool) -> None:
            if changed and self.workspace is workspace:
                self.window.refresh_tabs()

        run_quietly(lambda: refresh_stats_if_stale(workspace.db), done)

    def _close_workspace(self, *, backup: bool = True) -> None:
        workspace, self.workspace = self.workspace, None
        self.window.set_database(None, None)
        if workspace is None:
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        self.window.status_message(self.tr("Backing up…"))
        try:
            workspace.close(backup=backup)
        except DomainError as exc:
            from sms_desktop.ui.dialogs.messages import show_error

            show_error(self.window, exc)
        finally:
            QGuiApplication.restoreOverrideCursor()

    def _check_after_crash(self) -> None:
        from sms_desktop.services.workspace import check_health
        from sms_desktop.ui.background import Operation

        workspace = self.workspace
        assert workspace is not None
        self.window.status_message(
            self.tr("The last session did not end normally; checking the database…")
            if workspace.unclean_shutdown
            else self.tr("Checking the database…"),
            0,
        )
        Operation(
            self.window,
            lambda _p: check_health(workspace.path),
            label=self.tr("Checking the database…"),
            on_success=self._on_health_checked,
            show_after_ms=1500,
        ).start()

    def _on_health_checked(self, problems: list[str]) -> None:
        if not problems:
            self.window.status_message(self.tr("Database checked: no problems found."))
            return
        from sms_desktop.persistence.backup import latest_good_backup

        workspace = self.workspace
        if workspace is None:
            return
        good = latest_good_backup(workspace.path)
        if good is None:
            QMessageBox.critical(
                self.window,
                app_title(),
                self.tr(
                    "The database is damaged ({problem}) and there is no good backup. "
                    "Export what you can and keep a copy of the file."
                ).format(problem=problems[0]),
            )
            return
        answer = QMessageBox.question(
            self.window,
            app_title(),
            self.tr(
                "The database is damaged ({problem}).\n\nSMS Desktop can keep the damaged file "
                "aside and restore the latest good backup from {when}. Restore it now?"
            ).format(problem=problems[0], when=format_datetime(good.created)),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        from sms_desktop.services.workspace import recover_from_backup

        self.window.set_database(None, None)
        try:
            result = workspace.replace_file(recover_from_backup)
        except Exception as exc:
            from sms_desktop.ui.dialogs.messages import show_error

            show_error(self.window, exc)
            return
        self._show_workspace(workspace)
        if result is not None:
            aside, _backup = result
            QMessageBox.information(
                self.window,
                app_title(),
                self.tr("The backup was restored. The damaged file was kept at {path}.").format(
                    path=str(aside)
                ),
            )

    # --------------------------------------------------------------- commands

    def _on_window_action_triggered(self, action_id: ActionId) -> None:
        handlers = {
            ActionId.NEW_DATABASE: self.new_database,
            ActionId.OPEN_DATABASE: self.open_database,
            ActionId.BACKUP: self.backup_now,
            ActionId.RESTORE: self.restore,
            ActionId.SETTINGS: self.edit_settings,
            ActionId.QUIT: self.quit,
            ActionId.OPEN_DATA_FOLDER: self.open_data_folder,
            ActionId.ABOUT: self.about,
            ActionId.USER_GUIDE: self.user_guide,
            ActionId.TRASH: self.open_trash,
            ActionId.HISTORY: self.open_history,
            ActionId.IMPORT: self.open_import,
            ActionId.IMPORT_HISTORY: self.open_import_history,
            ActionId.EXPORT_CUSTOMERS: lambda: self.export_records("customers"),
            ActionId.EXPORT_CONTACTS: lambda: self.export_records("contacts"),
            ActionId.EXPORT_PRODUCTS: lambda: self.export_records("products"),
            ActionId.EXPORT_SUMMARY_WORKBOOK: lambda: self._dashboard_export(report=False),
            ActionId.EXPORT_MANAGEMENT_REPORT: lambda: self._dashboard_export(report=True),
            ActionId.PRODUCTS: self.open_products,
        }
        handler = handlers.get(action_id)
        if handler is not None:
            handler()

    def _welcome(self, path: Path, *, fatal: bool, empty_only: bool = False) -> None:
        from sms_desktop.ui.dialogs.welcome import WelcomeChoice, WelcomeDialog

        dialog = WelcomeDialog(path, self.window)
        if empty_only:
            dialog.show_empty_page()
        if run_modal(dialog) != WelcomeDialog.DialogCode.Accepted or dialog.choice is None:
            if fatal and self.workspace is None:
                self.quit()
            return
        if dialog.choice is WelcomeChoice.OPEN and dialog.open_path is not None:
            self.open_path(dialog.open_path, fatal=fatal)
        elif dialog.choice is WelcomeChoice.DEMO:
            self._create_demo(path)
        else:
            self._create_empty(path, dialog.company_name, dialog.owner_name)

    def _create_demo(self, path: Path) -> None:
        from sms_desktop.demo.build import create_demo_database
        from sms_desktop.persistence.lock import InstanceLock
        from sms_desktop.ui.background import Operation

        def work(progress: object) -> None:
            with InstanceLock(path):
                create_demo_database(path, customers=300)

        Operation(
            self.window,
            work,
            label=self.tr("Creating demo data…"),
            on_success=lambda _r: self._open_quietly(path),
        ).start()

    def _open_quietly(self, path: Path) -> None:
        self.open_path(path)

    def _create_empty(self, path: Path, company: str, owner: str) -> None:
        from sms_desktop.services.workspace import initialize_empty, open_workspace
        from sms_desktop.ui.dialogs.messages import show_error

        try:
            workspace = open_workspace(path)
        except Exception as exc:
            show_error(self.window, exc)
            return
        try:
            initialize_empty(workspace.db, company_name=company, owner_name=owner)
        except Exception as exc:
            workspace.close(backup=False)
            show_error(self.window, exc)
            return
        self._show_workspace(workspace)

    def new_database(self) -> None:
        choice = ask_save_path(
            self.window, self.tr("New Database"), "sales", (DATABASE,), folder=self.db_path.parent
        )
        if choice is None:
            return
        path = choice.path
        if path.exists() and path.stat().st_size > 0:
            QMessageBox.warning(
                self.window,
                app_title(),
                self.tr("{path} already exists. Use File ▸ Open Database to open it.").format(
                    path=str(path)
                ),
            )
            return
        self._close_workspace()
        self._welcome(path, fatal=False, empty_only=True)

    def open_database(self) -> None:
        path = ask_open_path(
            self.window,
            self.tr("Open Database"),
            self.db_path.parent,
            self.tr("SMS Desktop databases (*.sqlite3 *.db *.sqlite);;All files (*)"),
        )
        if path is None:
            return
        previous = self.workspace.path if self.workspace else None
        self._close_workspace()
        if not self.open_path(path) and previous is not None:
            self.open_path(previous)

    def backup_now(self) -> None:
        from sms_desktop.persistence.backup import backup_database, rotate_backups
        from sms_desktop.ui.background import Operation, Progress

        if self.workspace is None:
            return
        path = self.workspace.path

        def work(progress: Progress) -> Path:
            dest = backup_database(path, reason="manual", progress=progress)
            rotate_backups(path)
            return dest

        def done(dest: Path) -> None:
            self.window.status_message(
                self.tr("Backup written to {path}").format(path=str(dest)), 10000
            )

        Operation(
            self.window, work, label=self.tr("Backing up…"), on_success=done, cancellable=True
        ).start()

    def restore(self) -> None:
        from sms_desktop.services.workspace import restore_into
        from sms_desktop.ui.background import Operation, Progress
        from sms_desktop.ui.dialogs.restore_dialog import RestoreDialog

        workspace = self.workspace
        if workspace is None:
            return
        dialog = RestoreDialog(workspace.path, self.window)
        if run_modal(dialog) != RestoreDialog.DialogCode.Accepted or dialog.chosen is None:
            return
        source = dialog.chosen
        answer = QMessageBox.question(
            self.window,
            app_title(),
            self.tr(
                "Replace the open database with {file}?\n\nThe current data is kept as a backup "
                "and can be restored the same way."
            ).format(file=source.name),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.window.set_database(None, None)

        def work(progress: Progress) -> Path | None:
            return workspace.replace_file(lambda path: restore_into(path, source, progress))

        def done(kept: Path | None) -> None:
            self._show_workspace(workspace)
            self.window.status_message(self.tr("Restored {file}.").format(file=source.name), 10000)

        def failed(exc: BaseException) -> None:
            from sms_desktop.ui.dialogs.messages import show_error

            self._show_workspace(workspace)
            show_error(self.window, exc)

        Operation(
            self.window, work, label=self.tr("Restoring…"), on_success=done, on_failure=failed
        ).start()

    def edit_settings(self) -> None:
        from sms_desktop.ui.dialogs.settings_dialog import ChangeSettings, SettingsDialog

        if self.workspace is None:
            return
        prefs = self.store.preferences()
        services = self.workspace.services
        dialog = SettingsDialog(
            services, prefs, self.window, undo=self.undo_stack, refresh=self.window.refresh_tabs
        )
        if run_modal(dialog) != SettingsDialog.DialogCode.Accepted:
            return
        if dialog.saved is not None and dialog.change is not None and dialog.saved != dialog.change:
            self.undo_stack.push(
                ChangeSettings(
                    services.settings, dialog.saved, dialog.change, self.window.refresh_tabs
                )
            )
        self.store.save_preferences(dialog.preferences)
        language = resolve_language(dialog.preferences.language)
        if language != self.language:
            self.switch_language(language)

    def switch_language(self, language: str) -> None:
        """Rebuild the window in ``language``; the data and the open database stay."""
        self.language = language
        install_translators(language)
        old = self.window
        old.save_geometry()
        self.undo_stack.clear()
        self.window = self._new_window()
        if self.workspace is not None:
            self.window.set_database(self.workspace.path, self.workspace.services)
            self.window.load_tabs()
        self.window.show()
        old.allow_close = True
        old.close()
        old.deleteLater()

    def _dashboard_export(self, *, report: bool) -> None:
        """The dashboard writes the summary reports (for its period and owner)."""
        from sms_desktop.ui.tabs.dashboard.tab import DashboardTab

        dashboard = self.window.tab_widget("dashboardTab")
        if self.workspace is None or not isinstance(dashboard, DashboardTab):
            return
        self.window.tabs.setCurrentWidget(dashboard)
        if report:
            dashboard.export_report()
        else:
            dashboard.export_workbook()

    def open_products(self) -> None:
        from sms_desktop.ui.tabs.quotes.products import ProductsDialog

        if self.workspace is not None:
            run_modal(ProductsDialog(self.workspace.services, self.undo_stack, self.window))

    def open_import(self) -> None:
        from sms_desktop.ui.dialogs.import_wizard import ImportWizard

        if self.workspace is not None:
            run_modal(ImportWizard(self.workspace.services, self.undo_stack, parent=self.window))

    def export_records(self, kind: str) -> None:
        """File ▸ Export ▸ Customers / Contacts / Products: every record with every field
        and its id, in the import's columns, so the file imports back onto the same records."""
        if self.workspace is not None:
            from sms_desktop.ui.dialogs.record_export import export_records

            export_records(self.window, self.workspace.services, kind)

    def open_import_history(self) -> None:
        from sms_desktop.ui.dialogs.import_history import ImportHistoryDialog

        if self.workspace is not None:
            run_modal(ImportHistoryDialog(self.workspace.services.imports, self.window))

    def open_history(self) -> None:
        from sms_desktop.ui.dialogs.history_dialog import HistoryDialog

        if self.workspace is not None:
            run_modal(HistoryDialog(self.workspace.services, parent=self.window))

    def open_trash(self) -> None:
        from sms_desktop.ui.dialogs.trash_dialog import TrashDialog

        if self.workspace is None:
            return
        trash = self.workspace.services.trash
        dialog = TrashDialog(trash.items(), self.window)

        def restore(entity: str, entity_id: int, label: str) -> None:
            from sms_desktop.ui.edit import edit_ok, push_edit
            from sms_desktop.ui.trash_commands import RestoreFromTrash

            if not edit_ok(dialog, lambda: trash.restore(entity, entity_id)):
                return
            push_edit(
                self.undo_stack,
                RestoreFromTrash(trash, entity, entity_id, label, self.window.refresh_tabs),
            )
            dialog.set_items(trash.items())

        dialog.restore_requested.connect(restore)
        run_modal(dialog)

    def open_data_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.db_path.resolve().parent)))

    def user_guide(self) -> None:
        from sms_desktop.ui.dialogs.user_guide import UserGuide

        run_modal(UserGuide(self.window))

    def about(self) -> None:
        from sms_desktop.ui.dialogs.about import AboutDialog

        run_modal(AboutDialog(self.workspace.path if self.workspace else None, self.window))

    def quit(self) -> None:
        self._close_workspace(backup=self.screenshot is None)
        self.window.allow_close = True
        self.window.close()
        self.app.exit(self.exit_code)

    # ------------------------------------------------------------- screenshot

    def _take_screenshot(self) -> None:
        assert self.screenshot is not None
        if self.tab and not self.window.show_tab(self.tab):
            print(f"sms-desktop: there is no {self.tab} tab yet", file=sys.stderr)
            self.exit_code = 1
        # Let deferred work settle first: the tabs' follow-up loads and the board's batched
        # layout, which places a few hundred cards per pass of the event loop.
        QTimer.singleShot(SCREENSHOT_SETTLE_MS, self._grab_screenshot)

    def _grab_screenshot(self, waited_ms: int = 0) -> None:
        assert self.screenshot is not None
        # A tab still reading in the background (the dashboard's figures) says so with a
        # ``loading`` attribute: wait for it (a minute at most), then let its layout settle.
        current = self.window.tabs.currentWidget()
        if isinstance(current, AreaTab) and current.loading and waited_ms < 60_000:
            QTimer.singleShot(100, lambda: self._grab_screenshot(waited_ms + 100))
            return
        if waited_ms > 0:
            QTimer.singleShot(SCREENSHOT_SETTLE_MS // 2, lambda: self._grab_screenshot(-1))
            return
        pixmap = self.window.grab()
        self.screenshot.parent.mkdir(parents=True, exist_ok=True)
        if not pixmap.save(str(self.screenshot), "PNG"):
            print(f"sms-desktop: could not write {self.screenshot}", file=sys.stderr)
            self.exit_code = 1
        self.quit()


def _install_excepthook(controller: Controller) -> None:
    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        write_crash_log("".join(traceback.format_exception(kind, exc, tb)))
        if isinstance(exc, KeyboardInterrupt):
            controller.quit()
            return
        from sms_desktop.ui.dialogs.messages import error_text

        parent: QWidget | None = controller.window if controller.window.isVisible() else None
        QMessageBox.warning(parent, app_title(), error_text(exc))

    sys.excepthook = hook


def run(
    *,
    db_path: Path,
    lang: str | None,
    screenshot: Path | None = None,
    tab: str | None = None,
    size: tuple[int, int] = (1400, 900),
) -> int:
    """Start the GUI on ``db_path``; returns the process exit code."""
    if screenshot is not None and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_ID)
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "sms-desktop.svg")))
    store = SettingsStore()
    language = resolve_language(lang or store.preferences().language)
    install_translators(language)
    register_fonts()
    controller = Controller(
        app, store, language, db_path, screenshot=screenshot, tab=tab, size=size
    )
    _install_excepthook(controller)
    controller.start()
    code = app.exec()
    return controller.exit_code or code
