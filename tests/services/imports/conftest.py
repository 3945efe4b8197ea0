"""Import tests start from an empty database (``db``) or from the sample dataset
(``world_db``), each a fresh copy of the session's template."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from sms_desktop.persistence.db import Database, open_database
from tests.services.dataset import World, copy_database


@pytest.fixture
def db(db_path: Path, _templates: tuple[Path, Path, World]) -> Iterator[Database]:
    """Overrides the services' fixture: a migrated database without any data."""
    copy_database(_templates[0], db_path)
    database = open_database(db_path)
    yield database
    database.close()


@pytest.fixture
def world_db(tmp_path: Path, _templates: tuple[Path, Path, World]) -> Iterator[Database]:
    path = tmp_path / "world.sqlite3"
    copy_database(_templates[1], path)
    database = open_database(path)
    yield database
    database.close()
