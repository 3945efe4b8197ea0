"""Migrations: the head matches the models, data survives every upgrade, failures roll back."""

from __future__ import annotations

import os
import re
import sqlite3
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from alembic import command as alembic_command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from sms_desktop.persistence import backup as backup_module
from sms_desktop.persistence import db as db_module
from sms_desktop.persistence import migrations
from sms_desktop.persistence.backup import list_backups
from sms_desktop.persistence.base import Base
from sms_desktop.persistence.db import SchemaState, make_engine, open_database, schema_info
from sms_desktop.persistence.migrations import MigrationError
from sms_desktop.persistence.schema_version import HEAD_REVISION
from sms_desktop.persistence.search import SEARCH_TABLE_NAMES, include_name


def revisions_in_order() -> list[str]:
    """Every revision of the script directory, oldest first."""
    scripts = migrations._scripts()
    return [s.revision for s in reversed(list(scripts.walk_revisions("base", "heads")))]


NOT_MODELS = {"alembic_version"} | SEARCH_TABLE_NAMES  # derived FTS5 indexes


def user_tables(con: sqlite3.Connection) -> list[str]:
    """The tables that hold data of their own (not SQLite's, Alembic's or the search index)."""
    return sorted(
        r[0]
        for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        if not r[0].startswith("sqlite_") and r[0] not in NOT_MODELS
    )


def revision_of(path: Path) -> str | None:
    con = sqlite3.connect(path)
    try:
        if "alembic_version" not in {
            r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }:
            return None
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        return row[0] if row else None
    finally:
        con.close()


# ------------------------------------------------------------------ a generic inserter

# Values that a generic rule would get wrong (a CHECK between two columns).
OVERRIDES: dict[tuple[str, str], object] = {("price_rules", "fixed_price"): None}
_ENUM_CHECK = re.compile(r'CHECK \("?(\w+)"? IN \(([^)]*)\)\)')


def _sample_value(table: str, column: str, declared: str, pk: bool) -> object:
    declared = declared.upper()
    if declared.startswith("INTEGER"):
        return 7 if pk else 3  # 3 satisfies every range CHECK of the schema (1–5, 0–10 …)
    if declared.startswith("BOOLEAN"):
        return 1
    if declared.startswith("DATETIME"):
        return "2026-03-15 08:30:45.123456"
    if declared.startswith("DATE"):
        return "2026-03-15"
    if declared.startswith("BLOB"):
        return b"\x00\xff\x89PNG"
    text = f"{table}.{column} 王伟 'q'"
    size = re.search(r"\((\d+)\)", declared)
    return text[-int(size.group(1)) :] if size else text + "\n第二行"


def _insert_order(con: sqlite3.Connection, tables: list[str]) -> list[str]:
    parents = {
        t: {r[2] for r in con.execute(f'PRAGMA foreign_key_list("{t}")') if r[2] != t}
        for t in tables
    }
    ordered: list[str] = []
    while len(ordered) < len(tables):
        ready = [t for t in tables if t not in ordered and parents[t] <= set(ordered)]
        assert ready, f"foreign key cycle among {set(tables) - set(ordered)}"
        ordered.extend(sorted(ready))
    return ordered


def insert_a_row_everywhere(path: Path) -> dict[str, dict[str, object]]:
    """One realistic row in every table (all columns filled, foreign keys valid).

    Returns each table's row as read back, keyed by column name.
    """
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA foreign_keys = ON")
    rows: dict[str, dict[str, object]] = {}
    try:
        con.execute("BEGIN")
        for table in _insert_order(con, user_tables(con)):
            sql = con.execute(
                "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
            ).fetchone()[0]
            enums = {
                col: [v.strip().strip("'") for v in values.split(",")]
                for col, values in _ENUM_CHECK.findall(sql)
            }
            fks = {r[3]: (r[2], r[4]) for r in con.execute(f'PRAGMA foreign_key_list("{table}")')}
            values: dict[str, object] = {}
            for _cid, name, declared, _notnull, _default, pk in con.execute(
                f'PRAGMA table_info("{table}")'
            ):
                if name in fks:
                    parent, parent_col = fks[name]
                    values[name] = None if parent == table else rows[parent][parent_col]
                elif (table, name) in OVERRIDES:
                    values[name] = OVERRIDES[(table, name)]
                elif name in enums:
                    values[name] = enums[name][-1]
                else:
                    values[name] = _sample_value(table, name, declared, bool(pk))
            columns = ", ".join(f'"{c}"' for c in values)
            marks = ", ".join("?" for _ in values)
            cursor = con.execute(
                f'INSERT INTO "{table}" ({columns}) VALUES ({marks})', tuple(values.values())
            )
            back = con.execute(f'SELECT * FROM "{table}" WHERE rowid = ?', (cursor.lastrowid,))
            names = [d[0] for d in back.description]
            rows[table] = dict(zip(names, back.fetchone(), strict=True))
            assert all(rows[table][c] == v for c, v in values.items()), table
        con.execute("COMMIT")
    finally:
        con.close()
    return rows


def read_all(path: Path) -> dict[str, list[dict[str, object]]]:
    con = sqlite3.connect(path)
    try:
        result = {}
        for table in user_tables(con):
            cursor = con.execute(f'SELECT * FROM "{table}"')
            names = [d[0] for d in cursor.description]
            result[table] = [dict(zip(names, r, strict=True)) for r in cursor]
        return result
    finally:
        con.close()


def foreign_key_problems(path: Path) -> list[tuple[Any, ...]]:
    con = sqlite3.connect(path)
    try:
        return [tuple(r) for r in con.execute("PRAGMA foreign_key_check")]
    finally:
        con.close()


def assert_rows_survived(path: Path, before: dict[str, dict[str, object]]) -> None:
    after = read_all(path)
    for table, row in before.items():
        assert table in after, f"{table} disappeared"
        assert len(after[table]) == 1, f"{table}: {len(after[table])} rows"
        kept = after[table][0]
        for column, value in row.items():
            if column in kept:  # a later revision may have dropped a column on purpose
                assert kept[column] == value, f"{table}.{column}"
    assert foreign_key_problems(path) == []


# -------------------------------------------------------------------------- head & schema


def test_head_revision_constant_matches_alembic() -> None:
    assert migrations.head_revision() == HEAD_REVISION
    assert revisions_in_order()[-1] == HEAD_REVISION
    assert migrations.known_revisions() == frozenset(revisions_in_order())


def test_history_is_linear() -> None:
    scripts = migrations._scripts()
    assert len(scripts.get_heads()) == 1
    assert len(scripts.get_bases()) == 1
    for script in scripts.walk_revisions():
        assert not isinstance(script.down_revision, tuple | list), script.revision


def test_migrated_schema_equals_the_models(db_path: Path) -> None:
    migrations.upgrade(db_path)
    engine = make_engine(db_path)
    try:
        with engine.connect() as conn:
            context = MigrationContext.configure(
                conn,
                opts={
                    "compare_type": True,
                    "render_as_batch": True,
                    "compare_server_default": True,
                    "include_name": include_name,
                },
            )
            diff = compare_metadata(context, Base.metadata)
            conn.rollback()
    finally:
        engine.dispose()
    assert diff == []


def _describe(path: Path) -> dict[str, Any]:
    engine = make_engine(path)
    try:
        insp = inspect(engine)
        tables: dict[str, Any] = {}
        for name in sorted(set(insp.get_table_names()) - NOT_MODELS):
            tables[name] = {
                # A column added by a later revision sits last: compare them as a set.
                "columns": sorted(
                    (c["name"], str(c["type"]), c["nullable"], c.get("default"))
                    for c in insp.get_columns(name)
                ),
                "pk": insp.get_pk_constraint(name),
                "fks": sorted(
                    (
                        fk["name"],
                        tuple(fk["constrained_columns"]),
                        fk["referred_table"],
                        tuple(fk["referred_columns"]),
                        tuple(sorted(fk["options"].items())),
                    )
                    for fk in insp.get_foreign_keys(name)
                ),
                "indexes": sorted(
                    (
                        ix["name"],
                        tuple(ix["column_names"]),
                        bool(ix["unique"]),
                        tuple(
                            sorted((k, str(v)) for k, v in ix.get("dialect_options", {}).items())
                        ),
                    )
                    for ix in insp.get_indexes(name)
                ),
                "uniques": sorted(
                    (u["name"], tuple(u["column_names"])) for u in insp.get_unique_constraints(name)
                ),
                "checks": sorted(
                    (c["name"], " ".join(c["sqltext"].split()))
                    for c in insp.get_check_constraints(name)
                ),
            }
        return tables
    finally:
        engine.dispose()


def test_create_all_and_migrations_build_the_same_schema(tmp_path: Path) -> None:
    migrated, created = tmp_path / "migrated.sqlite3", tmp_path / "created.sqlite3"
    migrations.upgrade(migrated)
    engine = make_engine(created)
    Base.metadata.create_all(engine)
    engine.dispose()
    left, right = _describe(migrated), _describe(created)
    assert sorted(left) == sorted(Base.metadata.tables)
    assert len(left) == 52
    assert left == right

    # The DDL SQLite stores is the same too (table clauses may come in another order).
    def ddl(path: Path) -> dict[str, list[str]]:
        con = sqlite3.connect(path)
        try:
            return {
                # A table rebuilt by a batch migration is stored as CREATE TABLE "name".
                name: sorted(
                    line.strip().rstrip(",").strip().replace('"', "") for line in sql.splitlines()
                )
                for name, sql, tbl_name in con.execute(
                    "SELECT name, sql, tbl_name FROM sqlite_master WHERE sql IS NOT NULL"
                )
                if tbl_name not in NOT_MODELS
            }
        finally:
            con.close()

    assert ddl(migrated) == ddl(created)


def test_every_table_gets_a_row_from_the_generic_inserter(db_path: Path) -> None:
    migrations.upgrade(db_path)
    rows = insert_a_row_everywhere(db_path)
    assert sorted(rows) == sorted(Base.metadata.tables)
    assert foreign_key_problems(db_path) == []
    # Spot checks that the rows are realistic, not empty.
    assert rows["contacts"]["customer_id"] == rows["customers"]["id"]
    assert rows["quote_lines"]["quote_id"] == rows["quotes"]["id"]
    assert rows["quotes"]["status"] == "expired"


# ----------------------------------------------------------------- upgrading with data


@pytest.mark.parametrize("start", revisions_in_order())
def test_upgrade_from_every_revision_keeps_all_data(db_path: Path, start: str) -> None:
    """Build the database at ``start``, fill every table, upgrade to head: nothing is lost.

    For the head itself this is the no-op re-upgrade of a current database.
    """
    migrations.upgrade(db_path, start)
    assert revision_of(db_path) == start
    rows = insert_a_row_everywhere(db_path)
    assert rows  # every revision has tables
    migrations.upgrade(db_path)
    assert revision_of(db_path) == HEAD_REVISION
    assert_rows_survived(db_path, rows)
    assert schema_info(db_path).state is SchemaState.CURRENT


def test_upgrade_from_an_empty_file_to_head(db_path: Path) -> None:
    db_path.touch()
    migrations.upgrade(db_path)
    assert revision_of(db_path) == HEAD_REVISION
    con = sqlite3.connect(db_path)
    try:
        assert user_tables(con) == sorted(Base.metadata.tables)
        every = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert every - set(Base.metadata.tables) <= NOT_MODELS
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        con.close()


# ------------------------------------------------------- temporary revisions after head


@pytest.fixture
def extra_revisions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Callable[[str, str], str]]:
    """Add revisions after today's head (``add(revision_id, upgrade_body)``)."""
    folder = tmp_path / "extra_versions"
    folder.mkdir()
    real_config = migrations.alembic_config
    chain = [migrations.head_revision()]

    def config() -> Any:
        cfg = real_config()
        versions = cfg.get_main_option("version_locations")
        cfg.set_main_option("path_separator", "os")
        cfg.set_main_option("version_locations", f"{versions}{os.pathsep}{folder}")
        return cfg

    def add(revision: str, body: str) -> str:
        (folder / f"{revision}_extra.py").write_text(
            f"import sqlalchemy as sa\nfrom alembic import op\n\n"
            f"revision = {revision!r}\ndown_revision = {chain[-1]!r}\n"
            f"branch_labels = None\ndepends_on = None\n\n\n"
            f"def upgrade() -> None:\n{textwrap.indent(textwrap.dedent(body), '    ')}\n",
            encoding="utf-8",
        )
        chain.append(revision)
        migrations._scripts.cache_clear()
        monkeypatch.setattr(db_module, "HEAD_REVISION", revision)
        return revision

    monkeypatch.setattr(migrations, "alembic_config", config)
    migrations._scripts.cache_clear()
    yield add
    migrations._scripts.cache_clear()


# A realistic later migration: batch-recreate parents whose children CASCADE / SET NULL.
ADD_COLUMNS = """
with op.batch_alter_table("customers", recreate="always") as batch:
    batch.add_column(sa.Column("wechat_id", sa.String(80), nullable=True))
with op.batch_alter_table("salespeople", recreate="always") as batch:
    batch.add_column(sa.Column("nickname", sa.String(80), nullable=True))
with op.batch_alter_table("quotes", recreate="always") as batch:
    batch.add_column(sa.Column("po_number", sa.String(40), nullable=True))
"""


def test_batch_migration_keeps_cascading_children(
    db_path: Path, extra_revisions: Callable[[str, str], str]
) -> None:
    """§9: with foreign keys ON, recreating ``customers`` would empty contacts, quotes …"""
    start = HEAD_REVISION
    migrations.upgrade(db_path)
    rows = insert_a_row_everywhere(db_path)
    extra_revisions("9001", ADD_COLUMNS)
    assert migrations.head_revision() == "9001"
    assert schema_info(db_path).state is SchemaState.OLDER
    migrations.upgrade(db_path)
    assert revision_of(db_path) == "9001" != start
    assert_rows_survived(db_path, rows)
    after = read_all(db_path)
    assert after["customers"][0]["wechat_id"] is None
    assert after["contacts"][0]["customer_id"] == rows["customers"]["id"]
    assert after["customers"][0]["owner_id"] == rows["salespeople"]["id"]


def test_a_failing_revision_rolls_back_everything(
    db_path: Path, extra_revisions: Callable[[str, str], str]
) -> None:
    migrations.upgrade(db_path)
    rows = insert_a_row_everywhere(db_path)
    extra_revisions("9001", ADD_COLUMNS + 'op.execute("DELETE FROM contacts")\n')
    extra_revisions(
        "9002",
        'op.create_table("scratch", sa.Column("id", sa.Integer()))\n'
        'raise RuntimeError("migration bug")\n',
    )
    before = read_all(db_path)
    with pytest.raises(RuntimeError, match="migration bug"):
        migrations.upgrade(db_path)
    assert revision_of(db_path) == HEAD_REVISION  # not even 9001 was kept
    assert read_all(db_path) == before
    con = sqlite3.connect(db_path)
    try:
        assert "scratch" not in user_tables(con)
        columns = [r[1] for r in con.execute("PRAGMA table_info(customers)")]
        assert "wechat_id" not in columns
    finally:
        con.close()
    assert_rows_survived(db_path, rows)


def test_a_revision_that_breaks_references_is_refused(
    db_path: Path, extra_revisions: Callable[[str, str], str]
) -> None:
    migrations.upgrade(db_path)
    rows = insert_a_row_everywhere(db_path)
    extra_revisions("9001", 'op.execute("DELETE FROM customers")\n')
    with pytest.raises(MigrationError) as caught:
        migrations.upgrade(db_path)
    assert "references" in caught.value.render()
    assert revision_of(db_path) == HEAD_REVISION
    assert_rows_survived(db_path, rows)


def test_failure_after_the_real_upgrade_rolls_back_a_new_file(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_upgrade = alembic_command.upgrade

    def upgrade_then_fail(config: Any, revision: str) -> None:
        real_upgrade(config, revision)
        connection = config.attributes["connection"]
        tables = connection.exec_driver_sql(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
        ).scalar()
        assert tables > 30  # the schema really was built inside the transaction
        raise OSError("disk full")

    monkeypatch.setattr(alembic_command, "upgrade", upgrade_then_fail)
    with pytest.raises(OSError, match="disk full"):
        migrations.upgrade(db_path)
    con = sqlite3.connect(db_path)
    try:
        assert con.execute("SELECT name FROM sqlite_master").fetchall() == []
    finally:
        con.close()
    assert schema_info(db_path).state is SchemaState.EMPTY


def test_migration_runs_with_foreign_keys_off(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[int] = []
    real_upgrade = alembic_command.upgrade

    def spy(config: Any, revision: str) -> None:
        connection = config.attributes["connection"]
        seen.append(connection.exec_driver_sql("PRAGMA foreign_keys").scalar())
        assert connection.in_transaction()
        real_upgrade(config, revision)

    monkeypatch.setattr(alembic_command, "upgrade", spy)
    migrations.upgrade(db_path)
    assert seen == [0]


# ----------------------------------------------------------- opening an older database


def test_opening_an_older_database_backs_it_up_before_migrating(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    database = open_database(db_path)
    database.close()
    rows = insert_a_row_everywhere(db_path)
    con = sqlite3.connect(db_path, isolation_level=None)
    con.execute("UPDATE alembic_version SET version_num = '0000_old'")
    con.close()
    monkeypatch.setattr(
        migrations, "known_revisions", lambda: frozenset({"0000_old", HEAD_REVISION})
    )
    assert schema_info(db_path).state is SchemaState.OLDER

    calls: list[str] = []
    real_backup = backup_module.backup_database

    def recording_backup(path: Path, **kwargs: Any) -> Path:
        calls.append(f"backup {kwargs.get('reason')}")
        return real_backup(path, **kwargs)

    def recording_upgrade(path: Path, revision: str = "head") -> None:
        calls.append(f"upgrade {revision}")
        con = sqlite3.connect(path, isolation_level=None)
        con.execute("UPDATE alembic_version SET version_num = ?", (HEAD_REVISION,))
        con.close()

    monkeypatch.setattr(backup_module, "backup_database", recording_backup)
    monkeypatch.setattr(migrations, "upgrade", recording_upgrade)
    database = open_database(db_path)
    database.close()
    assert calls == ["backup before-migration-0000_old", "upgrade head"]
    backups = list_backups(db_path)
    assert [b.reason for b in backups] == ["before-migration-0000_old"]
    assert backups[0].path.name.startswith("shop-")
    assert backups[0].path.name.endswith("-before-migration-0000_old.sqlite3")
    assert revision_of(backups[0].path) == "0000_old"  # the copy is the old database
    assert_rows_survived(backups[0].path, rows)


def test_opening_an_older_database_for_real(
    db_path: Path, extra_revisions: Callable[[str, str], str]
) -> None:
    migrations.upgrade(db_path)
    rows = insert_a_row_everywhere(db_path)
    extra_revisions("9001", ADD_COLUMNS)
    database = open_database(db_path)
    database.close()
    assert revision_of(db_path) == "9001"
    assert_rows_survived(db_path, rows)
    (backup,) = list_backups(db_path)
    assert backup.reason == f"before-migration-{HEAD_REVISION}"
    assert revision_of(backup.path) == HEAD_REVISION
    assert_rows_survived(backup.path, rows)


def test_a_failed_migration_on_open_leaves_the_database_and_a_backup(
    db_path: Path, extra_revisions: Callable[[str, str], str]
) -> None:
    migrations.upgrade(db_path)
    rows = insert_a_row_everywhere(db_path)
    extra_revisions("9001", 'op.execute("DELETE FROM customers")\n')
    with pytest.raises(MigrationError):
        open_database(db_path)
    assert revision_of(db_path) == HEAD_REVISION
    assert_rows_survived(db_path, rows)
    (backup,) = list_backups(db_path)
    assert_rows_survived(backup.path, rows)


def test_current_database_is_not_backed_up_on_open(db_path: Path) -> None:
    open_database(db_path).close()
    open_database(db_path).close()
    assert list_backups(db_path) == []


# ------------------------------------------------- 0007: commission plans name their base


def test_0007_keeps_existing_commission_figures(db_path: Path) -> None:
    """A plan made at 0006 paid on the tax-included order total: after the upgrade its base is
    ``revenue_gross`` and its statement is the same figure; a margin plan stays on margin;
    a plan made after the upgrade defaults to net revenue."""
    from datetime import date
    from decimal import Decimal

    from sms_desktop.domain.enums import PeriodKind
    from sms_desktop.domain.revenue import CommissionBase
    from sms_desktop.persistence import models as m
    from sms_desktop.services.commissions import CommissionsService
    from sms_desktop.services.targets import TargetsService

    migrations.upgrade(db_path, "0006")
    rows = insert_a_row_everywhere(db_path)
    person = rows["salespeople"]["id"]
    con = sqlite3.connect(db_path, isolation_level=None)
    try:
        # One order of 1,130.00 with tax (1,000.00 net), a yearly revenue target of 1,000.00
        # and a plan paying 10 % from 0 % of target: at 0006 the statement read 113 % and
        # 113.00 (10 % of 1,130.00).
        con.execute(
            "UPDATE orders SET status = 'completed', order_date = '2026-03-15',"
            " total = 113000, subtotal = 100000, cost_total = 40000, owner_id = ?",
            (person,),
        )
        con.execute(
            "UPDATE targets SET salesperson_id = ?, metric = 'revenue', period_kind = 'year',"
            " period_start = '2026-01-01', value = 100000",
            (person,),
        )
        con.execute("UPDATE commission_plans SET basis = 'revenue', bonus_at_target = 0")
        con.execute("UPDATE commission_tiers SET min_attainment = 0, rate = 1000")
        con.execute(
            "UPDATE commission_assignments SET salesperson_id = ?, period_kind = 'year',"
            " period_start = '2026-01-01'",
            (person,),
        )
        margin_plan = rows["commission_plans"]["id"] + 1
        con.execute(
            "INSERT INTO commission_plans (id, name, basis, bonus_at_target, active,"
            " created_at, updated_at) SELECT ?, 'margin', 'margin', 0, 1, created_at,"
            " updated_at FROM commission_plans",
            (margin_plan,),
        )
    finally:
        con.close()

    migrations.upgrade(db_path)
    assert revision_of(db_path) == HEAD_REVISION
    database = open_database(db_path)
    try:
        plans = CommissionsService(database, TargetsService(database))
        bases = {p.id: p.base for p in plans.plans()}
        assert bases == {
            rows["commission_plans"]["id"]: CommissionBase.REVENUE_GROSS,
            margin_plan: CommissionBase.MARGIN,
        }
        st = plans.statement(person, PeriodKind.YEAR, date(2026, 1, 1))
        assert (st.base, st.actual, st.attainment, st.total) == (
            CommissionBase.REVENUE_GROSS,
            Decimal("1130.00"),
            Decimal("113.00"),
            Decimal("113.00"),
        )
        with database.write() as session:  # a plan saved without naming its base
            plan = m.CommissionPlan(name="new")
            session.add(plan)
            session.flush()
            new = plan.id
        assert {p.id: p.base for p in plans.plans()}[new] is CommissionBase.REVENUE_NET
    finally:
        database.close()
    con = sqlite3.connect(db_path)
    try:
        ddl = con.execute(
            "SELECT sql FROM sqlite_master WHERE name = 'commission_plans'"
        ).fetchone()[0]
        assert "basis" not in ddl and "ck_commission_plans_commissionbase" in ddl
        with pytest.raises(sqlite3.IntegrityError):
            con.execute("UPDATE commission_plans SET base = 'revenue'")
    finally:
        con.close()


# ------------------------------------------------------- 0008: import batches can be reverted


def test_0008_keeps_import_batches_and_their_orders(db_path: Path) -> None:
    """A batch recorded at 0007 (with an order pointing at it) keeps its row, reads as counts
    of zero and not reverted, and the new tables take items and keys."""
    migrations.upgrade(db_path, "0007")
    rows = insert_a_row_everywhere(db_path)
    batch = rows["import_batches"]["id"]
    con = sqlite3.connect(db_path, isolation_level=None)
    try:
        con.execute("UPDATE orders SET import_batch_id = ?", (batch,))
        con.execute("UPDATE import_batches SET kind = 'orders', file_name = 'old.csv', rows = 7")
    finally:
        con.close()

    migrations.upgrade(db_path)
    assert revision_of(db_path) == HEAD_REVISION
    con = sqlite3.connect(db_path, isolation_level=None)
    try:
        assert con.execute(
            "SELECT kind, file_name, rows, created, updated, errors, reverted_at, mapping"
            " FROM import_batches WHERE id = ?",
            (batch,),
        ).fetchone() == ("orders", "old.csv", 7, 0, 0, 0, None, None)
        assert con.execute("SELECT import_batch_id FROM orders").fetchone() == (batch,)
        con.execute("PRAGMA foreign_keys = ON")
        con.execute(
            "INSERT INTO import_batch_items (batch_id, table_name, row_id, action, old_values)"
            " VALUES (?, 'customers', 1, 'update', '{\"name\": \"x\"}')",
            (batch,),
        )
        con.execute(
            "INSERT INTO import_keys (entity, code, entity_id) VALUES ('customer', 'C-1', 1)"
        )
        with pytest.raises(sqlite3.IntegrityError):
            con.execute(
                "INSERT INTO import_keys (entity, code, entity_id) VALUES ('customer', 'C-1', 2)"
            )
        con.execute("DELETE FROM import_batches WHERE id = ?", (batch,))
        assert con.execute("SELECT count(*) FROM import_batch_items").fetchone() == (0,)
    finally:
        con.close()


# ------------------------------------------- 0009: order life-cycle, invoices and payments


def test_0009_turns_paid_amounts_into_invoices_and_payments(db_path: Path) -> None:
    """Orders at 0008 (open, shipped, completed unpaid, completed part-paid, over-paid, paid
    while cancelled) get their new state, a delivery when shipped, an invoice when completed
    or paid, and a payment on ``paid_on`` allocated to it; amounts in the company currency
    equal their amounts at rate 1; over-payment and a cancelled order's payment are credit."""
    migrations.upgrade(db_path, "0008")
    rows = insert_a_row_everywhere(db_path)
    first = rows["orders"]["id"]
    con = sqlite3.connect(db_path, isolation_level=None)
    try:
        con.execute(
            "UPDATE orders SET status = 'completed', payment_status = 'partial',"
            " paid_amount = 40000, paid_on = '2026-04-02', total = 113000, subtotal = 100000,"
            " tax_total = 13000, cost_total = 50000, order_date = '2026-03-15',"
            " number = 'SO-1'"
        )
        con.execute("UPDATE order_lines SET quantity = 2000, net_amount = 100000")
        columns = [r[1] for r in con.execute("PRAGMA table_info(orders)") if r[1] != "id"]
        names = ", ".join(columns)
        cases = [  # number, status, paid (minor), paid_on
            ("SO-2", "open", 0, None),
            ("SO-3", "shipped", 0, None),
            ("SO-4", "completed", 0, None),
            ("SO-5", "completed", 120000, "2026-05-01"),
            ("SO-6", "cancelled", 5000, "2026-03-20"),
        ]
        for offset, (number, status, paid, paid_on) in enumerate(cases, start=1):
            picked = ", ".join(
                {"number": "?", "status": "?", "paid_amount": "?", "paid_on": "?"}.get(c, c)
                for c in columns
            )
            con.execute(
                f"INSERT INTO orders (id, {names}) SELECT ?, {picked} FROM orders WHERE id = ?",
                (first + offset, number, status, paid, paid_on, first),
            )
    finally:
        con.close()

    migrations.upgrade(db_path)
    assert revision_of(db_path) == HEAD_REVISION
    con = sqlite3.connect(db_path)
    try:
        states = dict(con.execute("SELECT number, status FROM orders"))
        assert states == {
            "SO-1": "invoiced",
            "SO-2": "confirmed",
            "SO-3": "delivered",
            "SO-4": "invoiced",
            "SO-5": "paid",
            "SO-6": "cancelled",
        }
        assert con.execute(
            "SELECT count(*) FROM orders WHERE exchange_rate != 1000000"
            " OR subtotal_base != subtotal OR total_base != total"
            " OR cost_total_base != cost_total OR tax_total_base != tax_total"
        ).fetchone() == (0,)
        assert con.execute(
            "SELECT count(*) FROM quotes WHERE exchange_rate != 1000000"
        ).fetchone() == (0,)
        assert con.execute(
            "SELECT count(*) FROM order_lines WHERE net_amount_base != net_amount"
        ).fetchone() == (0,)
        delivered = con.execute(
            "SELECT o.number FROM deliveries d JOIN orders o ON o.id = d.order_id ORDER BY 1"
        ).fetchall()
        assert delivered == [("SO-1",), ("SO-3",), ("SO-4",), ("SO-5",)]
        invoices = con.execute(
            "SELECT number, invoice_date, due_date, amount, amount_base, net_amount, tax_amount"
            " FROM invoices ORDER BY number"
        ).fetchall()
        assert invoices == [
            (n, "2026-03-15", "2026-04-14", 113000, 113000, 100000, 13000)
            for n in ("SO-1", "SO-4", "SO-5")
        ]
        payments = con.execute(
            "SELECT reference, payment_date, amount, amount_base, currency, method,"
            " (SELECT coalesce(sum(a.amount), 0) FROM payment_allocations a"
            "  WHERE a.payment_id = p.id)"
            " FROM payments p ORDER BY reference"
        ).fetchall()
        assert payments == [
            ("SO-1", "2026-04-02", 40000, 40000, rows["orders"]["currency"], "other", 40000),
            ("SO-5", "2026-05-01", 120000, 120000, rows["orders"]["currency"], "other", 113000),
            ("SO-6", "2026-03-20", 5000, 5000, rows["orders"]["currency"], "other", 0),
        ]
        columns = {r[1] for r in con.execute("PRAGMA table_info(orders)")}
        assert not columns & {"paid_amount", "paid_on", "payment_status"}
        indexes = {r[1] for r in con.execute("PRAGMA index_list(payments)")}
        assert "ix_payments_payment_date" in indexes
    finally:
        con.close()


# ------------------------------------------- 0010: forecast snapshots, deals committed by hand


def test_0010_keeps_deals_uncommitted_and_stores_snapshots(db_path: Path) -> None:
    """Deals from 0009 keep every value and read as not committed by hand; a snapshot with
    its periods can be stored, one per series and month, and goes with its salesperson."""
    migrations.upgrade(db_path, "0009")
    rows = insert_a_row_everywhere(db_path)
    deal = rows["opportunities"]
    migrations.upgrade(db_path)
    assert revision_of(db_path) == HEAD_REVISION
    con = sqlite3.connect(db_path, isolation_level=None)
    try:
        assert con.execute(
            "SELECT title, amount, stage_id, forecast_commit FROM opportunities WHERE id = ?",
            (deal["id"],),
        ).fetchone() == (deal["title"], deal["amount"], deal["stage_id"], 0)
        con.execute("PRAGMA foreign_keys = ON")
        owner = rows["salespeople"]["id"]
        snapshot = con.execute(
            "INSERT INTO forecast_snapshots (series_key, made_in, as_of, made_at, metric,"
            " granularity, horizon, owner_id, method, detail) VALUES ('revenue/month/o=1',"
            " '2026-06-01', '2026-06-15', '2026-06-15 08:00:00', 'revenue', 'month', 3, ?,"
            " 'seasonal_naive', '{}')",
            (owner,),
        ).lastrowid
        con.execute(
            "INSERT INTO forecast_snapshot_periods (snapshot_id, period_start, forecast, low,"
            " high) VALUES (?, '2026-07-01', 123456, 100000, 150000)",
            (snapshot,),
        )
        with pytest.raises(sqlite3.IntegrityError):
            con.execute(
                "INSERT INTO forecast_snapshots (series_key, made_in, as_of, made_at, metric,"
                " granularity, horizon, method, detail) VALUES ('revenue/month/o=1',"
                " '2026-06-01', '2026-06-20', '2026-06-20 08:00:00', 'revenue', 'month', 3,"
                " 'naive', '{}')"
            )
        con.execute("DELETE FROM forecast_snapshots WHERE owner_id = ?", (owner,))
        assert con.execute("SELECT count(*) FROM forecast_snapshot_periods").fetchone() == (0,)
    finally:
        con.close()


# ------------------------------------------------ 0011: key-account scores and overrides


def test_0011_keeps_customers_and_orders_and_takes_scores(db_path: Path) -> None:
    """A database at 0010 with customers, orders and an account plan upgrades with them
    unchanged; the new tables start empty, take a score, an override and a dismissal, and
    lose them with their customer."""
    migrations.upgrade(db_path, "0010")
    rows = insert_a_row_everywhere(db_path)
    customer = rows["customers"]["id"]
    con = sqlite3.connect(db_path, isolation_level=None)
    try:
        before = {
            table: con.execute(f"SELECT * FROM {table}").fetchall()
            for table in ("customers", "orders", "order_lines", "account_plans")
        }
    finally:
        con.close()

    migrations.upgrade(db_path, "0011")
    assert revision_of(db_path) == "0011"
    con = sqlite3.connect(db_path, isolation_level=None)
    try:
        for table, kept in before.items():
            assert con.execute(f"SELECT * FROM {table}").fetchall() == kept
        for table in ("account_scores", "account_tier_overrides", "next_action_dismissals"):
            assert con.execute(f"SELECT count(*) FROM {table}").fetchone() == (0,)
        con.execute("PRAGMA foreign_keys = ON")
        con.execute(
            "INSERT INTO account_scores (customer_id, as_of, recency_days, frequency, monetary,"
            " r, f, m, rfm_segment, abc, abc_rank, period_revenue, clv_history,"
            " clv_next_12m, clv, p_alive, interval_days, value_score, growth_score, score,"
            " tier, computed_at) VALUES (?, '2026-12-01', 3, 2, 12345, 5, 4, 3, 'champions',"
            " 'A', 1, 12345, 5000, 2000, 7000, 9000, 30, 90, 50, 80, 'strategic',"
            " '2026-12-01 08:00:00')",
            (customer,),
        )
        with pytest.raises(sqlite3.IntegrityError):
            con.execute("UPDATE account_scores SET tier = 'gold'")
        con.execute(
            "INSERT INTO account_tier_overrides (customer_id, tier, reason, set_at)"
            " VALUES (?, 'key', 'board decision', '2026-12-01 08:00:00')",
            (customer,),
        )
        con.execute(
            "INSERT INTO next_action_dismissals (kind, customer_id, reason, dismissed_at)"
            " VALUES ('reorder_due', ?, 'ordered by phone', '2026-12-01 08:00:00')",
            (customer,),
        )
        # A customer with nothing else pointing at it takes the rows, then goes with them.
        columns = [r[1] for r in con.execute("PRAGMA table_info(customers)") if r[1] != "id"]
        names = ", ".join(columns)
        con.execute(
            f"INSERT INTO customers (id, {names}) SELECT 999, {names} FROM customers WHERE id = ?",
            (customer,),
        )
        for table in ("account_scores", "account_tier_overrides", "next_action_dismissals"):
            con.execute(f"UPDATE {table} SET customer_id = 999")
        con.execute("DELETE FROM customers WHERE id = 999")
        for table in ("account_scores", "account_tier_overrides", "next_action_dismissals"):
            assert con.execute(f"SELECT count(*) FROM {table}").fetchone() == (0,)
    finally:
        con.close()


# ------------------------------------------------ 0012: stored receivable balances


def test_0012_stores_each_invoices_paid_and_each_payments_unapplied_part(db_path: Path) -> None:
    """A database at 0011 with an invoice part-paid by a payment that leaves a credit: after
    the upgrade the invoice's ``paid_base`` is what the allocation applied and the payment's
    ``unapplied_base`` what it did not; everything else is unchanged."""
    migrations.upgrade(db_path, "0011")
    rows = insert_a_row_everywhere(db_path)
    con = sqlite3.connect(db_path, isolation_level=None)
    try:
        con.execute("UPDATE invoices SET amount_base = 80000")
        con.execute("UPDATE payments SET amount_base = 100000")
        con.execute("UPDATE payment_allocations SET amount_base = 60000, collected_base = 61000")
        before = {
            table: con.execute(f"SELECT * FROM {table}").fetchall()
            for table in ("invoices", "payments", "payment_allocations", "orders")
        }
    finally:
        con.close()
    assert rows["invoices"] and rows["payments"]

    migrations.upgrade(db_path)
    assert revision_of(db_path) == HEAD_REVISION
    con = sqlite3.connect(db_path, isolation_level=None)
    try:
        assert con.execute("SELECT paid_base FROM invoices").fetchall() == [(60000,)]
        assert con.execute("SELECT unapplied_base FROM payments").fetchall() == [(39000,)]
        for table, kept in before.items():
            now = con.execute(f"SELECT * FROM {table}").fetchall()
            assert [r[: len(kept[0])] for r in now] == kept
        plan = " ".join(
            str(r[-1])
            for r in con.execute(
                "EXPLAIN QUERY PLAN SELECT id FROM invoices WHERE amount_base > paid_base"
            )
        )
        assert "ix_invoices_open" in plan
    finally:
        con.close()


# ------------------------------------------- 0013: account plans' reviews and actions, surveys


def test_0013_keeps_plans_and_surveys_and_takes_campaigns(db_path: Path) -> None:
    """A database at 0012 with a plan, a task and a survey upgrades with them unchanged (the
    plan's review date empty); the new tables start empty, take a template, a campaign with
    its request, an open answer, a follow-up and a plan action, and lose them with their
    customer, survey or plan."""
    migrations.upgrade(db_path, "0012")
    rows = insert_a_row_everywhere(db_path)
    customer = rows["customers"]["id"]
    plan = rows["account_plans"]["id"]
    task = rows["activities"]["id"]
    survey = rows["satisfaction_surveys"]["id"]
    con = sqlite3.connect(db_path, isolation_level=None)
    try:
        before = {
            table: con.execute(f"SELECT * FROM {table}").fetchall()
            for table in ("customers", "account_plans", "activities", "satisfaction_surveys")
        }
    finally:
        con.close()

    migrations.upgrade(db_path, "0013")
    assert revision_of(db_path) == "0013"
    con = sqlite3.connect(db_path, isolation_level=None)
    try:
        plans = con.execute(
            "SELECT id, customer_id, owner_id, year, status, objectives, strategy, risks,"
            " target_revenue, created_at, updated_at, review_on FROM account_plans"
        ).fetchall()
        assert [p[:-1] for p in plans] == before["account_plans"] and plans[0][-1] is None
        for table in ("customers", "activities", "satisfaction_surveys"):
            assert con.execute(f"SELECT * FROM {table}").fetchall() == before[table]
        new = (
            "account_plan_actions",
            "survey_templates",
            "survey_campaigns",
            "survey_requests",
            "survey_answers",
            "survey_follow_ups",
        )
        for table in new:
            assert con.execute(f"SELECT count(*) FROM {table}").fetchone() == (0,)
        con.execute("PRAGMA foreign_keys = ON")
        con.execute("UPDATE account_plans SET review_on = '2027-01-15'")
        con.execute(
            "INSERT INTO account_plan_actions (plan_id, activity_id) VALUES (?, ?)", (plan, task)
        )
        template = con.execute(
            "INSERT INTO survey_templates (name, ask_nps, questions, created_at, updated_at)"
            " VALUES ('季度回访', 1, '哪里可以做得更好？', '2026-12-01', '2026-12-01')"
        ).lastrowid
        campaign = con.execute(
            "INSERT INTO survey_campaigns (name, template_id, created_on, due_on, created_at)"
            " VALUES ('2026-Q4', ?, '2026-12-01', '2026-12-15', '2026-12-01')",
            (template,),
        ).lastrowid
        con.execute(
            "INSERT INTO survey_requests (campaign_id, customer_id, activity_id) VALUES (?, ?, ?)",
            (campaign, customer, task),
        )
        with pytest.raises(sqlite3.IntegrityError):  # one request per customer and campaign
            con.execute(
                "INSERT INTO survey_requests (campaign_id, customer_id) VALUES (?, ?)",
                (campaign, customer),
            )
        con.execute(
            "INSERT INTO survey_answers (survey_id, position, question, answer)"
            " VALUES (?, 1, '哪里可以做得更好？', '交货更快')",
            (survey,),
        )
        con.execute(
            "INSERT INTO survey_follow_ups (survey_id, activity_id) VALUES (?, ?)", (survey, task)
        )
        with pytest.raises(sqlite3.IntegrityError):  # a used template stays
            con.execute("DELETE FROM survey_templates")
        con.execute("DELETE FROM satisfaction_surveys")
        for table in ("survey_answers", "survey_follow_ups"):
            assert con.execute(f"SELECT count(*) FROM {table}").fetchone() == (0,)
        con.execute("DELETE FROM account_plans")
        assert con.execute("SELECT count(*) FROM account_plan_actions").fetchone() == (0,)
        con.execute("DELETE FROM survey_campaigns")
        assert con.execute("SELECT count(*) FROM survey_requests").fetchone() == (0,)
    finally:
        con.close()


# ------------------------------------------- 0014: the plain index on customers.sort_name goes


def test_0014_keeps_every_customer_and_counts_them_through_the_live_index(db_path: Path) -> None:
    """A database at 0013 upgrades with its customers unchanged; the plain sort-name index is
    gone, and the count of all live customers reads the partial index of live ones."""
    migrations.upgrade(db_path, "0013")
    insert_a_row_everywhere(db_path)
    con = sqlite3.connect(db_path, isolation_level=None)
    try:
        before = con.execute("SELECT * FROM customers ORDER BY id").fetchall()
    finally:
        con.close()
    migrations.upgrade(db_path)
    assert revision_of(db_path) == HEAD_REVISION == "0014"
    con = sqlite3.connect(db_path, isolation_level=None)
    try:
        assert con.execute("SELECT * FROM customers ORDER BY id").fetchall() == before
        indexes = {r[1] for r in con.execute("PRAGMA index_list(customers)")}
        assert "ix_customers_sort_name" not in indexes
        assert "ix_customers_live_sort_name" in indexes
        plan = " ".join(
            str(r[3])
            for r in con.execute(
                "EXPLAIN QUERY PLAN SELECT count(*) FROM customers"
                " WHERE deleted_at IS NULL AND sort_name >= ''"
            )
        )
        assert "ix_customers_live_sort_name" in plan
    finally:
        con.close()
