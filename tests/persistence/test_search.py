"""Customer search: every field, Chinese and pinyin, literal text, sync on flush, migration."""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Connection, func, select

from sms_desktop.persistence import migrations
from sms_desktop.persistence import models as m
from sms_desktop.persistence import search as search_module
from sms_desktop.persistence.base import Base
from sms_desktop.persistence.db import Database, open_database
from sms_desktop.persistence.search import (
    SEARCH_TABLE_NAMES,
    TRIGRAM_TABLE,
    WORDS_TABLE,
    include_name,
    match_condition,
    normalize_phone,
    pinyin_forms,
    rebuild_index,
    register_search_sync,
    reindex_customers,
    unregister_search_sync,
)


@pytest.fixture
def sdb(db: Database) -> Iterator[Database]:
    """The migrated database with search sync on both kinds of session."""
    register_search_sync(db._read, db._write)
    yield db
    unregister_search_sync(db._read, db._write)


def add_customer(db: Database, contacts: tuple[dict[str, Any], ...] = (), **fields: Any) -> int:
    with db.write() as session:
        customer = m.Customer(**fields)
        customer.contacts.extend(m.Contact(**c) for c in contacts)
        session.add(customer)
        session.flush()
        return customer.id


def search(db: Database, text: str) -> list[int]:
    condition = match_condition(text, m.Customer.id)
    query = select(m.Customer.id).order_by(m.Customer.id)
    if condition is not None:
        query = query.where(condition)
    with db.read() as session:
        return list(session.scalars(query))


def documents(conn: Connection) -> dict[str, list[tuple[int, str]]]:
    return {
        name: [
            (r[0], r[1])
            for r in conn.exec_driver_sql(f"SELECT rowid, doc FROM {name} ORDER BY rowid")
        ]
        for name in (TRIGRAM_TABLE, WORDS_TABLE)
    }


HUAXIA_CONTACTS = (
    {
        "name": "王伟",
        "phone": "010-8888 6666",
        "mobile": "+86 139 0011 2233",
        "email": "wei.wang@huaxia.example",
        "wechat": "wangwei_bj88",
    },
    {"name": "Lisa Chen", "email": "lisa@huaxia.example"},
)


def add_huaxia(db: Database) -> int:
    """A fully filled-in Beijing customer, next to a decoy that must never be found."""
    cid = add_customer(
        db,
        HUAXIA_CONTACTS,
        name="北京华夏科技有限公司",
        name_en="Beijing Huaxia Technology",
        tax_id="91110105MA01ABCD2X",
        phone="138-1234-5678",
        email="info@hxtech.example",
        notes="Prefers quarterly invoicing 季度结算",
    )
    add_customer(
        db,
        ({"name": "赵敏", "mobile": "15900001111"},),
        name="广州南方贸易商行",
        phone="020-3333 4444",
    )
    return cid


@pytest.fixture
def huaxia(sdb: Database) -> int:
    return add_huaxia(sdb)


@pytest.fixture(scope="module")
def shared() -> Iterator[tuple[Database, int]]:
    """One database with Huaxia and the decoy for the read-only tests (migrating takes time)."""
    folder = Path(tempfile.mkdtemp(prefix="sms-search-"))
    database = open_database(folder / "shop.sqlite3")
    register_search_sync(database._write)
    try:
        yield database, add_huaxia(database)
    finally:
        database.close()
        shutil.rmtree(folder, ignore_errors=True)


# ------------------------------------------------------------------------------- fields


@pytest.mark.parametrize(
    "text",
    [
        "北京华夏科技有限公司",  # name
        "Huaxia Technology",  # name_en, two terms
        "technology",
        "91110105MA01ABCD2X",  # tax id
        "ma01abcd",
        "138-1234-5678",  # phone as stored
        "13812345678",  # … digits only
        "138 1234 5678",  # … other punctuation (three terms)
        "(138) 1234-5678",
        "info@hxtech",  # email
        "quarterly",  # notes
        "季度结算",
        "王伟",  # contact name
        "Lisa Chen",
        "8888 6666",  # contact phone
        "01088886666",
        "13900112233",  # contact mobile, digits only
        "+86 139 0011 2233",
        "wei.wang@huaxia",  # contact email
        "wangwei_bj88",  # WeChat id
        "bj88",
    ],
)
def test_every_field_is_searchable(shared: tuple[Database, int], text: str) -> None:
    sdb, huaxia = shared
    assert search(sdb, text) == [huaxia]


@pytest.mark.parametrize(
    "text",
    [
        "华夏科",  # Chinese, 3+ characters: trigram
        "华夏",  # 2 characters: phrase of single-character tokens
        "王伟",
        "王",  # 1 character
        "夏",
        "bjhx",  # pinyin initials of the name
        "bjhxkj",
        "huaxia",  # full pinyin
        "HuaXia",
        "beijinghuaxia",
        "wangwei",  # pinyin of a contact name
        "ww",
        "HU",  # 1–2 Latin characters: a token prefix
        "b",
        "13",  # a phone token starting with 13
        "ＨＵＡＸＩＡ",  # full-width input
    ],
)
def test_chinese_and_pinyin(shared: tuple[Database, int], text: str) -> None:
    sdb, huaxia = shared
    assert search(sdb, text) == [huaxia]


@pytest.mark.parametrize("text", ["上海", "华南", "zzz", "xq", "7", "gzx", "深圳华夏"])
def test_no_false_positives(shared: tuple[Database, int], text: str) -> None:
    sdb, _ = shared
    assert search(sdb, text) == []


def test_terms_are_and_ed(sdb: Database, huaxia: int) -> None:
    shanghai = add_customer(sdb, name="上海华夏物流有限公司")
    assert search(sdb, "北京 华夏") == [huaxia]
    assert search(sdb, "北京 上海") == []
    assert search(sdb, "华夏") == [huaxia, shanghai]
    assert search(sdb, "华夏 shanghai") == [shanghai]
    assert search(sdb, "华 夏 王") == [huaxia]
    assert search(sdb, "huaxia 138") == [huaxia]


def test_ideographic_space_separates_terms(sdb: Database, huaxia: int) -> None:
    assert search(sdb, "北京\u3000华夏") == [huaxia]


def test_blank_text_is_no_condition() -> None:
    assert match_condition("", m.Customer.id) is None
    assert match_condition(" \t\n\u3000", m.Customer.id) is None


def test_pinyin_keeps_polyphones_and_latin_runs() -> None:
    assert pinyin_forms("重庆银行") == ("chongqingyinhang", "cqyh")
    assert pinyin_forms("北京ABC科技") == ("beijingabckeji", "bjabckj")
    assert pinyin_forms("Acme Ltd") is None


def test_normalize_phone() -> None:
    assert normalize_phone("+86 (138) 1234-5678") == "8613812345678"
    assert normalize_phone("１３８") == "138"
    assert normalize_phone("n/a") == ""


# ------------------------------------------------------------------------- literal text


def test_search_is_literal(sdb: Database) -> None:
    odd = add_customer(sdb, name='R&D "Quote" (Test) 100%_x')
    add_customer(sdb, name="Quote Test 100 x")
    for text in ('"Quote"', "(Test)", "100%_", "%_x", "R&D", '"', "%", "_x"):
        assert search(sdb, text) == [odd], text


def test_short_terms_with_punctuation_are_literal(sdb: Database) -> None:
    dash = add_customer(sdb, name="data-x GmbH")
    add_customer(sdb, name="Alpha Data")
    assert search(sdb, "a-") == [dash]
    assert search(sdb, "-x") == [dash]


def test_a_pasted_paragraph_is_one_quick_query(sdb: Database) -> None:
    add_customer(sdb, name="Paste Test")
    text = " ".join(f"{i}-" for i in range(3000))
    assert search(sdb, text) == []
    assert search(sdb, "paste test " + "test " * 3000) != []


HOSTILE = [
    '"',
    "'",
    "*",
    "AND",
    "OR",
    "NOT",
    "NEAR(",
    "NEAR",
    "(",
    ")",
    "^",
    ":",
    "-",
    "+",
    "%",
    "_",
    "\\",
    "\x00",
    "\x1f",
    "\x7f",
    "{",
    "}",
    "[",
    "]",
    "doc:",
    "a*",
    '""',
    "\u3000",
    "华",
    "wa",
    "13",
]


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.one_of(
        st.text(),
        st.lists(st.one_of(st.sampled_from(HOSTILE), st.text(max_size=4)), max_size=8).map(
            " ".join
        ),
        st.lists(st.one_of(st.sampled_from(HOSTILE), st.text(max_size=3)), max_size=8).map("".join),
    )
)
def test_any_text_is_a_valid_search(sdb: Database, text: str) -> None:
    if not search(sdb, "hostile"):
        add_customer(
            sdb,
            ({"name": "王伟", "wechat": 'NEAR("x")'},),
            name='hostile 北京 "AND" OR (x) * ^ %_ \\ -',
        )
    condition = match_condition(text, m.Customer.id)
    query = select(func.count()).select_from(m.Customer)
    if condition is not None:
        query = query.where(condition)
    with sdb.read() as session:
        assert session.scalar(query) in (0, 1)


# ------------------------------------------------------------------------------ syncing


def test_editing_a_contact_updates_the_index_in_the_same_commit(sdb: Database, huaxia: int) -> None:
    with sdb.write() as session:
        contact = session.scalars(select(m.Contact).where(m.Contact.name == "王伟")).one()
        contact.mobile = "186-0000-7777"
        session.flush()
        # Searchable inside the transaction already.
        cond = match_condition("18600007777", m.Customer.id)
        assert cond is not None
        assert session.scalars(select(m.Customer.id).where(cond)).all() == [huaxia]
    assert search(sdb, "18600007777") == [huaxia]
    assert search(sdb, "13900112233") == []


def test_editing_a_customer_updates_the_index(sdb: Database, huaxia: int) -> None:
    with sdb.write() as session:
        session.get_one(m.Customer, huaxia).name = "北京神州数码有限公司"
    assert search(sdb, "神州") == [huaxia]
    assert search(sdb, "szsm") == [huaxia]
    assert search(sdb, "华夏") == []
    assert search(sdb, "Huaxia Technology") == [huaxia]  # name_en unchanged


def test_a_rolled_back_transaction_leaves_the_index_unchanged(sdb: Database, huaxia: int) -> None:
    with sdb.engine.connect() as conn:
        before = documents(conn)

    def cancelled_edit() -> None:
        with sdb.write() as session:
            session.get_one(m.Customer, huaxia).name = "上海东方有限公司"
            session.add(m.Customer(name="临时客户"))
            session.flush()
            raise RuntimeError("user cancelled")

    with pytest.raises(RuntimeError, match="cancelled"):
        cancelled_edit()
    with sdb.engine.connect() as conn:
        assert documents(conn) == before
    assert search(sdb, "华夏") == [huaxia]
    assert search(sdb, "东方") == []


def test_deleting_a_contact_removes_its_terms(sdb: Database, huaxia: int) -> None:
    with sdb.write() as session:
        session.delete(session.scalars(select(m.Contact).where(m.Contact.name == "王伟")).one())
    assert search(sdb, "wangwei_bj88") == []
    assert search(sdb, "王伟") == []
    assert search(sdb, "Lisa") == [huaxia]


def test_soft_deleting_a_contact_removes_its_terms(sdb: Database, huaxia: int) -> None:
    with sdb.write() as session:
        contact = session.scalars(select(m.Contact).where(m.Contact.name == "王伟")).one()
        contact.deleted_at = datetime.now(UTC)
    assert search(sdb, "wangwei_bj88") == []
    with sdb.write() as session:
        session.get_one(m.Contact, contact.id).deleted_at = None
    assert search(sdb, "wangwei_bj88") == [huaxia]


def test_a_contact_moved_to_another_customer(sdb: Database, huaxia: int) -> None:
    other = add_customer(sdb, name="天津滨海物流")
    with sdb.write() as session:
        contact = session.scalars(select(m.Contact).where(m.Contact.name == "王伟")).one()
        contact.customer = session.get_one(m.Customer, other)
    assert search(sdb, "wangwei_bj88") == [other]
    with sdb.write() as session:
        session.get_one(m.Contact, contact.id).customer_id = huaxia
    assert search(sdb, "wangwei_bj88") == [huaxia]


def test_a_contact_added_to_an_existing_customer(sdb: Database, huaxia: int) -> None:
    with sdb.write() as session:
        session.add(m.Contact(customer_id=huaxia, name="欧阳娜娜", wechat="oyn_2026"))
    assert search(sdb, "oyn_2026") == [huaxia]
    assert search(sdb, "oynn") == [huaxia]


def test_a_deleted_customer_leaves_the_index(sdb: Database, huaxia: int) -> None:
    with sdb.write() as session:
        customer = session.get_one(m.Customer, huaxia)
        for contact in customer.contacts:
            session.delete(contact)
        session.flush()
        session.delete(customer)
    with sdb.engine.connect() as conn:
        assert huaxia not in {rowid for rowid, _doc in documents(conn)[TRIGRAM_TABLE]}


def test_a_soft_deleted_customer_stays_indexed(sdb: Database, huaxia: int) -> None:
    """Lists filter ``deleted_at`` themselves; the trash can still search."""
    with sdb.write() as session:
        session.get_one(m.Customer, huaxia).deleted_at = datetime.now(UTC)
    assert search(sdb, "华夏") == [huaxia]


def test_edits_outside_the_document_do_not_reindex(
    sdb: Database, huaxia: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[set[int]] = []
    monkeypatch.setattr(
        search_module, "reindex_customers", lambda _conn, ids: calls.append(set(ids))
    )
    with sdb.write() as session:
        session.get_one(m.Customer, huaxia).city = "北京市"
        contact = session.scalars(select(m.Contact).where(m.Contact.name == "王伟")).one()
        contact.title = "采购经理"
    assert calls == []
    with sdb.write() as session:
        session.get_one(m.Contact, contact.id).phone = "010-1234 0000"
    assert calls == [{huaxia}]


def test_rebuild_equals_incremental_indexing(sdb: Database, huaxia: int) -> None:
    add_customer(
        sdb,
        (
            {"name": "李娜", "phone": "0571-8765 4321"},
            {"name": "张三", "deleted_at": datetime.now(UTC)},
        ),
        name="杭州西湖茶叶 Co.",
        notes="Ｆｕｌｌ width\tand\ncontrol\x00chars",
    )
    with sdb.engine.begin() as conn:
        incremental = documents(conn)
        assert rebuild_index(conn) == 3
        assert documents(conn) == incremental
        reindex_customers(conn, [huaxia, 999])
        assert documents(conn) == incremental
    assert "张三" not in incremental[TRIGRAM_TABLE][-1][1]


def test_rebuild_replaces_stale_documents(sdb: Database, huaxia: int) -> None:
    with sdb.engine.begin() as conn:
        conn.exec_driver_sql(f"UPDATE {TRIGRAM_TABLE} SET doc = 'stale' WHERE rowid = ?", (huaxia,))
        assert rebuild_index(conn) == 2
    assert search(sdb, "stale") == []
    assert search(sdb, "华夏科") == [huaxia]


# ---------------------------------------------------------------------------- migration


def test_an_upgraded_database_is_searchable_at_once(db_path: Path) -> None:
    migrations.upgrade(db_path, "0001")
    con = sqlite3.connect(db_path)
    with con:
        stamp = "2026-01-01 00:00:00"
        con.executemany(
            "INSERT INTO customers (id, kind, name, phone, potential_value, currency, "
            "created_at, updated_at) VALUES (?, 'company', ?, ?, 0, 'CNY', ?, ?)",
            [
                (1, "北京华夏科技有限公司", "138-1234-5678", stamp, stamp),
                (2, "上海东方贸易", None, stamp, stamp),
            ],
        )
        con.executemany(
            "INSERT INTO contacts (customer_id, name, wechat, is_primary, created_at, updated_at,"
            " deleted_at) VALUES (?, ?, ?, 0, ?, ?, ?)",
            [(2, "王伟", "ww_sh", stamp, stamp, None), (1, "李四", "gone_1", stamp, stamp, stamp)],
        )
    con.close()
    migrations.upgrade(db_path)
    database = open_database(db_path)
    try:
        assert search(database, "bjhx") == [1]
        assert search(database, "13812345678") == [1]
        assert search(database, "王伟") == [2]
        assert search(database, "ww_sh") == [2]
        assert search(database, "gone_1") == []  # a soft-deleted contact
    finally:
        database.close()


def test_the_migration_downgrades(db: Database) -> None:
    db.close()
    from alembic import command

    from sms_desktop.persistence.db import make_engine

    engine = make_engine(db.path, foreign_keys=False, pooled=False)
    with engine.begin() as conn:
        config = migrations.alembic_config()
        config.attributes["connection"] = conn
        command.downgrade(config, "0001")
        names = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master")}
    engine.dispose()
    assert not names & SEARCH_TABLE_NAMES


def test_autogenerate_ignores_the_search_tables(db: Database) -> None:
    with db.engine.connect() as conn:
        names = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master")}
        assert names >= SEARCH_TABLE_NAMES
        context = MigrationContext.configure(
            conn, opts={"compare_type": True, "render_as_batch": True, "include_name": include_name}
        )
        assert compare_metadata(context, Base.metadata) == []


def test_include_name_keeps_model_tables() -> None:
    assert include_name("customers", "table", {})
    assert include_name("ix_customers_name", "index", {"table_name": "customers"})
    assert not include_name(f"{TRIGRAM_TABLE}_data", "table", {})
