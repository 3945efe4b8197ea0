"""The Alembic chain on PostgreSQL: an empty database to head, and a filled one keeps its rows."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import BigInteger, Connection, Engine, MetaData, create_engine, inspect, text
from sqlalchemy import types as sa_types

from sms_desktop.persistence import migrations, pg
from sms_desktop.persistence.base import Base
from sms_desktop.persistence.db import SchemaState, open_database, server_schema_info
from sms_desktop.persistence.schema_version import HEAD_REVISION
from sms_desktop.persistence.search import SERVER_TRIGRAM_INDEX, TRIGRAM_TABLE, include_name

NOT_MODELS = {"alembic_version", TRIGRAM_TABLE}


@pytest.fixture
def engine(pg_url: str) -> Iterator[Engine]:
    engine = create_engine(pg_url)
    yield engine
    engine.dispose()


def revision(conn: Connection) -> str | None:
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def test_an_empty_database_is_upgraded_to_head(pg_url: str, engine: Engine) -> None:
    assert server_schema_info(engine).state is SchemaState.EMPTY
    migrations.upgrade(pg_url)
    assert server_schema_info(engine).state is SchemaState.CURRENT
    insp = inspect(engine)
    assert set(insp.get_table_names()) == set(Base.metadata.tables) | NOT_MODELS
    # 64-bit integers, as SQLite's: money in minor units past 21,474,836.47, and the ids.
    orders = {c["name"]: c["type"] for c in insp.get_columns("orders")}
    assert isinstance(orders["total"], BigInteger) and isinstance(orders["id"], BigInteger)
    # The customer search: a trigram GIN index, as the FTS5 tables are on SQLite.
    indexes = {ix["name"] for ix in insp.get_indexes(TRIGRAM_TABLE)}
    assert SERVER_TRIGRAM_INDEX in indexes
    # Partial indexes stay partial (a unique "one owner" must not mean "one per role").
    owner = next(
        ix for ix in insp.get_indexes("salespeople") if ix["name"] == "uq_salespeople_one_owner"
    )
    assert "owner" in str(owner["dialect_options"]["postgresql_where"])


def test_the_migrated_schema_equals_the_models(pg_url: str, engine: Engine) -> None:
    migrations.upgrade(pg_url)
    with engine.connect() as conn:
        context = MigrationContext.configure(
            conn,
            opts={
                "compare_type": pg.compare_type,
                "compare_server_default": True,
                "include_name": include_name,
            },
        )
        diff = compare_metadata(context, Base.metadata)
    assert diff == []


def test_opening_an_empty_server_database_creates_the_schema(pg_url: str) -> None:
    database = open_database(pg_url)
    try:
        assert database.is_server
        assert "@" in database.location and "postgresql" in database.location
        with database.read() as session:
            assert session.execute(text("SELECT version_num FROM alembic_version")).scalar() == (
                HEAD_REVISION
            )
    finally:
        database.close()


# ------------------------------------------------------------------ upgrading with data

_CHECK_VALUES = re.compile(r"'([^']*)'::(?:character varying|text)")


def _sample(table: str, column: dict[str, Any]) -> object:
    kind = column["type"]
    if isinstance(kind, sa_types.Boolean):
        return True
    if isinstance(kind, sa_types.Integer):
        return 3  # satisfies every range CHECK of the schema (1–5, 0–10 …)
    if isinstance(kind, sa_types.DateTime):
        return datetime(2026, 3, 15, 8, 30, 45, 123456)
    if isinstance(kind, sa_types.Date):
        return date(2026, 3, 15)
    if isinstance(kind, sa_types.LargeBinary):
        return b"\x00\xff\x89PNG"
    value = f"{table}.{column['name']} 王伟 'q'"
    length = getattr(kind, "length", None)
    return value[-length:] if length else value + "\n第二行"


def insert_a_row_everywhere(conn: Connection) -> dict[str, dict[str, object]]:
    """One row in every table (foreign keys valid, enum CHECKs met), ids from the sequences
    as the app's inserts get them. Returns each row as read back."""
    meta = MetaData()
    meta.reflect(conn, only=lambda name, _m: name not in NOT_MODELS)
    insp = inspect(conn)
    rows: dict[str, dict[str, object]] = {}
    for table in meta.sorted_tables:
        enums: dict[str, list[str]] = {}
        for check in insp.get_check_constraints(table.name):
            columns = [
                c.name for c in table.columns if re.search(rf"\b{c.name}::", check["sqltext"])
            ]
            values = _CHECK_VALUES.findall(check["sqltext"])
            if len(columns) == 1 and values:
                enums[columns[0]] = values
        fks = {
            fk["constrained_columns"][0]: (fk["referred_table"], fk["referred_columns"][0])
            for fk in insp.get_foreign_keys(table.name)
        }
        values: dict[str, object] = {}
        for column in insp.get_columns(table.name):
            name = column["name"]
            if name in fks:
                parent, parent_column = fks[name]
                values[name] = None if parent == table.name else rows[parent][parent_column]
            elif (table.name, name) == ("price_rules", "fixed_price"):
                values[name] = None  # a CHECK between two columns
            elif name in enums:
                values[name] = enums[name][-1]
            elif column.get("autoincrement") is True and "nextval" in str(column["default"]):
                continue  # the sequence gives the id
            else:
                values[name] = _sample(table.name, column)
        row = conn.execute(table.insert().values(values).returning(*table.columns)).one()
        rows[table.name] = dict(row._mapping)
    return rows


def test_a_filled_database_upgrades_from_the_first_revision_with_its_rows(
    pg_url: str, engine: Engine
) -> None:
    migrations.upgrade(pg_url, "0001")
    with engine.begin() as conn:
        before = insert_a_row_everywhere(conn)
    assert len(before) == len(inspect(engine).get_table_names()) - 1  # all but alembic_version
    migrations.upgrade(pg_url)
    with engine.connect() as conn:
        assert revision(conn) == HEAD_REVISION
        for table, row in before.items():
            after = [dict(r._mapping) for r in conn.execute(text(f'SELECT * FROM "{table}"'))]
            assert len(after) == 1, table
            for column, value in row.items():
                if column in after[0]:  # a later revision may drop a column on purpose
                    assert after[0][column] == value, f"{table}.{column}"
        # The customer is searchable at once (0002 indexed the existing rows).
        docs = conn.execute(text(f"SELECT rowid, doc FROM {TRIGRAM_TABLE}")).all()
        assert [d[0] for d in docs] == [before["customers"]["id"]]
        assert "wangwei" in docs[0][1]  # the pinyin of the name's 王伟
        # 0009 wrote payments with explicit ids: every id sequence is past its table's ids.
        behind = conn.execute(
            text(
                "SELECT c.table_name FROM information_schema.columns c"
                " WHERE c.table_schema = 'public' AND c.column_name = 'id'"
                " AND c.column_default LIKE 'nextval%'"
            )
        ).scalars()
        for table in behind:
            sequence = conn.execute(
                text("SELECT pg_get_serial_sequence(:t, 'id')"), {"t": table}
            ).scalar()
            last = conn.execute(
                text(
                    "SELECT CASE WHEN is_called THEN last_value + 1 ELSE last_value END"
                    f" FROM {sequence}"
                )
            ).scalar()
            biggest = conn.execute(text(f'SELECT coalesce(max(id), 0) FROM "{table}"')).scalar()
            assert last > biggest, table
