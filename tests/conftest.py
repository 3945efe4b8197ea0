"""Shared fixtures: every test gets its own settings, data and log folders."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from sms_desktop.persistence.db import Database, open_database
from sms_desktop.services.registry import Services
from tests.dbtemplate import migrated_database

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _isolated_user_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """QSettings, platformdirs and the error log write below a fresh temporary home."""
    home = tmp_path_factory.mktemp("home")
    for var, sub in (
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_DATA_HOME", "data"),
        ("XDG_STATE_HOME", "state"),
        ("XDG_CACHE_HOME", "cache"),
    ):
        monkeypatch.setenv(var, str(home / sub))
    monkeypatch.delenv("SMS_DESKTOP_DB", raising=False)
    monkeypatch.delenv("SMS_DESKTOP_PROBE", raising=False)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "shop.sqlite3"


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    """A freshly created, migrated, empty database."""
    database = open_database(migrated_database(db_path))
    yield database
    database.close()


@pytest.fixture
def services(db: Database) -> Services:
    return Services(db)
