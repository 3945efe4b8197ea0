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
from typing import Any

import pytest

from sms_desktop.persistence.db import Database, open_database
from sms_desktop.services.registry import Services
from tests.services.dataset import World, build_world, copy_database

# SMS_TEST_DB=postgresql runs these tests on a throw-away PostgreSQL server (tests/pg_server.py)
# instead of SQLite files: the team edition's services (#19), until both run by default.
ON_POSTGRESQL = os.environ.get("SMS_TEST_DB") == "postgresql"


@pytest.fixture(scope="session")
def _pg_templates() -> Iterator[tuple[str, str, World, Any]]:
    from tests.pg_server import PostgresServer

    server = PostgresServer.start()
    empty = server.create_database()
    open_database(empty).close()
    populated = server.create_database()
    world = build_world(populated)  # type: ignore[arg-type]
    yield empty, populated, world, server
    server.stop()


@pytest.fixture(scope="session")
def _templates(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, Path, World]:
    if ON_POSTGRESQL:
        return request.getfixturevalue("_pg_templates")[:3]  # type: ignore[no-any-return]
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
def db(
    request: pytest.FixtureRequest, db_path: Path, _templates: tuple[Path, Path, World]
) -> Iterator[Database]:
    """Overrides the top-level fixture: a migrated database holding the sample dataset."""
    if ON_POSTGRESQL:
        yield from _pg_copy(request, _templates[1])
        return
    copy_database(_templates[1], db_path)
    database = open_database(db_path)
    yield database
    database.close()


def _pg_copy(request: pytest.FixtureRequest, template: Any) -> Iterator[Database]:
    server = request.getfixturevalue("_pg_templates")[3]
    url = server.create_database(template)
    database = open_database(url)
    yield database
    database.close()
    server.drop_database(url)


@pytest.fixture
def empty_services(
    request: pytest.FixtureRequest, tmp_path: Path, _templates: tuple[Path, Path, World]
) -> Iterator[Services]:
    """Services over a migrated database without any data."""
    if ON_POSTGRESQL:
        for database in _pg_copy(request, _templates[0]):
            yield Services(database)
        return
    path = tmp_path / "empty.sqlite3"
    copy_database(_templates[0], path)
    database = open_database(path)
    yield Services(database)
    database.close()
