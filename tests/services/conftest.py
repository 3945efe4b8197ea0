"""Fixtures of the service tests: every test gets its own copy of a small realistic dataset.

The dataset is built once per session (with the services and the ORM, see ``dataset.py``)
into a template database; each test works on a fresh copy made with SQLite's backup API,
so tests are independent and fast.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from sms_desktop.persistence.db import Database, open_database
from sms_desktop.services.registry import Services
from tests.services.dataset import World, build_world, copy_database


@pytest.fixture(scope="session")
def _templates(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, World]:
    folder = tmp_path_factory.mktemp("service-templates")
    empty = folder / "empty.sqlite3"
    open_database(empty).close()
    populated = folder / "world.sqlite3"
    world = build_world(populated)
    return empty, populated, world


@pytest.fixture
def world(_templates: tuple[Path, Path, World]) -> World:
    """The ids and reference dates of the dataset in ``db``."""
    return _templates[2]


@pytest.fixture
def db_path(tmp_path: Path) -> Iterator[Path]:
    """Overrides the top-level fixture: in memory-backed storage where there is some
    (/dev/shm), since these tests wait on no fsync worth measuring."""
    shm = Path("/dev/shm")
    if not (shm.is_dir() and os.access(shm, os.W_OK)):
        yield tmp_path / "shop.sqlite3"
        return
    with tempfile.TemporaryDirectory(prefix="sms-service-test-", dir=shm) as folder:
        yield Path(folder) / "shop.sqlite3"


@pytest.fixture
def db(db_path: Path, _templates: tuple[Path, Path, World]) -> Iterator[Database]:
    """Overrides the top-level fixture: a migrated database holding the sample dataset."""
    copy_database(_templates[1], db_path)
    database = open_database(db_path)
    yield database
    database.close()


@pytest.fixture
def empty_services(tmp_path: Path, _templates: tuple[Path, Path, World]) -> Iterator[Services]:
    """Services over a migrated database without any data."""
    path = tmp_path / "empty.sqlite3"
    copy_database(_templates[0], path)
    database = open_database(path)
    yield Services(database)
    database.close()
