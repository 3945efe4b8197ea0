"""UI fixtures: a controller with a real database, the translators reset after each test."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from sms_desktop.services.workspace import initialize_empty, open_workspace
from sms_desktop.ui.application import Controller, register_fonts
from sms_desktop.ui.i18n import install_translators
from sms_desktop.ui.settings_store import SettingsStore
from tests.ui.watchdog import ModalWatchdog


@pytest.fixture(autouse=True)
def _modal_watchdog(qapp: object) -> Iterator[None]:
    """No UI test leaves a modal box open for half a minute: it would hang the run for ever."""
    watchdog = ModalWatchdog(patience_s=30.0)
    yield
    watchdog.stop()
    assert not watchdog.stuck, f"a modal window nobody answered: {watchdog.stuck}"


@pytest.fixture(scope="session")
def _company_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Migrating a new database costs ~0.5 s: do it once and copy the closed file."""
    path = tmp_path_factory.mktemp("template") / "company.sqlite3"
    workspace = open_workspace(path)
    initialize_empty(workspace.db, company_name="明达贸易", owner_name="王明")
    workspace.close(backup=False)
    return path


@pytest.fixture
def company_db(db_path: Path, _company_template: Path) -> Path:
    shutil.copyfile(_company_template, db_path)
    return db_path


@pytest.fixture
def language() -> str:
    return "en"


@pytest.fixture
def controller(qapp: object, qtbot: QtBot, company_db: Path, language: str) -> Iterator[Controller]:
    install_translators(language)
    register_fonts()
    ctrl = Controller(qapp, SettingsStore(), language, company_db)  # type: ignore[arg-type]
    ctrl.start()
    qtbot.waitUntil(lambda: ctrl.workspace is not None)
    yield ctrl
    ctrl._close_workspace(backup=False)
    ctrl.window.allow_close = True
    ctrl.window.close()
    install_translators("en")
