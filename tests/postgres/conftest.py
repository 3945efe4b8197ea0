"""PostgreSQL fixtures: one throw-away server per test session, a new empty database per test.

No skips: without the server binaries these tests error, saying how to get them (``make test``
installs them).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.pg_server import PostgresServer


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PostgresServer]:
    server = PostgresServer.start()
    yield server
    server.stop()


@pytest.fixture
def pg_url(pg_server: PostgresServer) -> Iterator[str]:
    """The ``postgresql+psycopg://`` URL of a new, empty database (dropped afterwards)."""
    url = pg_server.create_database()
    yield url
    pg_server.drop_database(url)
