"""The test server itself: a real PostgreSQL reached through SQLAlchemy and psycopg 3."""

from __future__ import annotations

from sqlalchemy import create_engine, text

from tests.pg_server import PostgresServer


def test_each_test_gets_its_own_empty_database(pg_server: PostgresServer, pg_url: str) -> None:
    assert pg_url.startswith("postgresql+psycopg://")
    engine = create_engine(pg_url)
    try:
        with engine.connect() as conn:
            tables = conn.execute(
                text("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
            ).scalar_one()
            encoding = conn.execute(text("SHOW server_encoding")).scalar_one()
            collation = conn.execute(
                text("SELECT datcollate FROM pg_database WHERE datname = current_database()")
            ).scalar_one()
    finally:
        engine.dispose()
    assert (tables, encoding, collation) == (0, "UTF8", "C")
    assert pg_url != pg_server.url()
