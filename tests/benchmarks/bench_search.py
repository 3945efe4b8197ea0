"""Customer search: FTS5 queries against a LIKE scan, the bulk rebuild, and the cost of sync.

``python -m tests.benchmarks.bench_search [N]`` builds a synthetic N-customer database
(default 20,000, three contacts each) and prints the same table without the large demo one.
"""

from __future__ import annotations

import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, func, select

from sms_desktop.persistence import models as m
from sms_desktop.persistence.db import Database, make_engine, open_database
from sms_desktop.persistence.search import (
    match_condition,
    rebuild_index,
    register_search_sync,
    unregister_search_sync,
)
from tests.benchmarks.harness import Row, benchmark, print_table, time_call

RUNS = 30
FLOOR_RUNS = 3
PAGE = 256

# (label, query): 1-, 2-, 3- and 5-character queries in Latin, Chinese, pinyin and digits.
QUERIES = (
    ("latin 1", "s"),
    ("latin 2", "sh"),
    ("latin 3", "tec"),
    ("latin 5", "techn"),
    ("chinese 1", "伟"),
    ("chinese 2", "王伟"),
    ("chinese 3", "北京华"),
    ("chinese 5", "北京华夏科"),
    ("pinyin 2", "bj"),
    ("pinyin 3", "bjh"),
    ("pinyin 5", "huaxi"),
    ("digits 3", "138"),
    ("digits 5", "13812"),
    ("punctuation 1", "%"),  # nothing to tokenize: the bounded literal scan
)

_CUSTOMER_LIKE = " OR ".join(
    f"c.{col} LIKE :p ESCAPE '\\'"
    for col in ("name", "name_en", "tax_id", "phone", "email", "notes")
)
_CONTACT_LIKE = " OR ".join(
    f"k.{col} LIKE :p ESCAPE '\\'" for col in ("name", "phone", "mobile", "email", "wechat")
)
_FLOOR_WHERE = (
    f"c.deleted_at IS NULL AND ({_CUSTOMER_LIKE} OR EXISTS (SELECT 1 FROM contacts k "
    f"WHERE k.customer_id = c.id AND k.deleted_at IS NULL AND ({_CONTACT_LIKE})))"
)


def _p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[-1]


def _samples(func_: Callable[[], object], runs: int) -> list[float]:
    func_()  # warm the page cache and the statement caches
    return [time_call(func_) for _ in range(runs)]


def _ours(conn: Connection, query: str) -> tuple[list[int], int]:
    """One page of matching customers in list order, and how many match."""
    customers = m.Customer.__table__
    condition = match_condition(query, customers.c.id)
    assert condition is not None
    where = (customers.c.deleted_at.is_(None), condition)
    ids = list(
        conn.scalars(
            select(customers.c.id)
            .where(*where)
            .order_by(customers.c.name, customers.c.id)
            .limit(PAGE)
        )
    )
    count = conn.scalar(select(func.count()).select_from(customers).where(*where)) or 0
    return ids, count


def _floor(con: sqlite3.Connection, query: str) -> tuple[list[int], int]:
    """The same page and count by a plain LIKE scan of customers and contacts, bare sqlite3."""
    escaped = query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    params = {"p": f"%{escaped}%"}
    ids = [
        r[0]
        for r in con.execute(
            f"SELECT c.id FROM customers c WHERE {_FLOOR_WHERE} ORDER BY c.name, c.id LIMIT {PAGE}",
            params,
        )
    ]
    count = con.execute(
        f"SELECT count(*) FROM customers c WHERE {_FLOOR_WHERE}", params
    ).fetchone()[0]
    return ids, count


def query_rows(db: Path) -> list[Row]:
    engine = make_engine(db)
    raw = sqlite3.connect(db)
    rows: list[Row] = []
    try:
        with engine.connect() as conn:
            for label, query in QUERIES:
                ours = _samples(lambda q=query: _ours(conn, q), RUNS)  # type: ignore[misc]
                floor = _samples(lambda q=query: _floor(raw, q), FLOOR_RUNS)  # type: ignore[misc]
                count = _ours(conn, query)[1]
                like_count = _floor(raw, query)[1]
                rows.append(
                    Row(
                        f"search {label} {query!r}: page+count",
                        statistics.median(ours),
                        statistics.median(floor),
                        f"p95 {_p95(ours) * 1000:.2f} ms; {count:,} found (LIKE: {like_count:,}); "
                        "floor: LIKE '%q%' scan",
                    )
                )
            conn.rollback()
    finally:
        raw.close()
        engine.dispose()
    return rows


def rebuild_row(db: Path) -> Row:
    """The bulk rebuild over the whole database, rolled back so the file is untouched."""
    engine = make_engine(db)
    try:
        with engine.connect() as conn:
            conn.begin()
            started = time.perf_counter()
            indexed = rebuild_index(conn)
            seconds = time.perf_counter() - started
            contacts = conn.exec_driver_sql("SELECT count(*) FROM contacts").scalar()
            conn.rollback()
    finally:
        engine.dispose()
    return Row(
        f"rebuild_index ({indexed:,} customers, {contacts:,} contacts)",
        seconds,
        None,
        "once, rolled back; goal: seconds",
    )


def first_use_row() -> Row:
    """Importing pypinyin and loading its dictionaries, paid once per process."""
    code = (
        "import time; from sms_desktop.persistence.search import pinyin_forms; "
        "t = time.perf_counter(); pinyin_forms('北京华夏'); print(time.perf_counter() - t)"
    )
    seconds = statistics.median(
        float(
            subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, check=True
            ).stdout
        )
        for _ in range(3)
    )
    return Row(
        "pypinyin first use (import + dictionaries)",
        seconds,
        None,
        "once per process, on the first save of a Chinese name",
    )


SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗欧阳"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华"
CITIES = (
    ("北京", "Beijing", "010"),
    ("上海", "Shanghai", "021"),
    ("广州", "Guangzhou", "020"),
    ("深圳", "Shenzhen", "0755"),
    ("杭州", "Hangzhou", "0571"),
    ("重庆", "Chongqing", "023"),
    ("成都", "Chengdu", "028"),
    ("长沙", "Changsha", "0731"),
)
BRANDS = (
    ("华", "hua"),
    ("夏", "xia"),
    ("中", "zhong"),
    ("兴", "xing"),
    ("东", "dong"),
    ("方", "fang"),
    ("长", "chang"),
    ("城", "cheng"),
    ("金", "jin"),
    ("银", "yin"),
    ("宏", "hong"),
    ("达", "da"),
    ("恒", "heng"),
    ("信", "xin"),
    ("瑞", "rui"),
    ("丰", "feng"),
    ("鑫", "xin"),
    ("盛", "sheng"),
    ("天", "tian"),
    ("元", "yuan"),
)
WORDS = (
    ("科技", "Technology"),
    ("贸易", "Trading"),
    ("电子", "Electronics"),
    ("机械", "Machinery"),
    ("化工", "Chemicals"),
    ("物流", "Logistics"),
    ("医药", "Pharmaceutical"),
    ("建设", "Construction"),
    ("食品", "Foods"),
)
SUFFIXES = (
    ("有限公司", "Co., Ltd."),
    ("股份有限公司", "Corp."),
    ("集团有限公司", "Group"),
    ("商行", "Trading House"),
)


def _person(rand: random.Random) -> str:
    given = "".join(rand.choice(GIVEN) for _ in range(1 + (rand.random() < 0.58)))
    return rand.choice(SURNAMES) + given


def _mobile(rand: random.Random) -> str:
    return f"1{rand.choice('3456789')}{rand.randrange(10**9):09d}"


def synthetic_customer(
    rand: random.Random, cid: int
) -> tuple[tuple[Any, ...], list[tuple[Any, ...]]]:
    """A customer row (id, name, name_en, tax_id, phone, email, notes) and its contact rows."""
    city, city_en, area = rand.choice(CITIES)
    (b1, p1), (b2, p2) = rand.sample(BRANDS, 2)
    word, word_en = rand.choice(WORDS)
    suffix, suffix_en = rand.choice(SUFFIXES)
    name = f"{city}{b1}{b2}{word}{suffix}{cid}"
    name_en = f"{city_en} {(p1 + p2).capitalize()} {word_en} {suffix_en}"
    domain = f"{p1}{p2}{cid}.com"
    customer = (
        cid,
        name,
        name_en if rand.random() < 0.45 else None,
        f"91{rand.randrange(10**16):016d}",
        f"{area}-{rand.randrange(10**8):08d}",
        f"sales@{domain}",
        "老客户，按季度结算" if rand.random() < 0.1 else None,
    )
    contacts = [
        (cid, _person(rand), None, _mobile(rand), f"c{cid}.{k}@{domain}", f"wx_{p1}{cid}_{k}")
        for k in range(3)
    ]
    return customer, contacts


def build_synthetic(path: Path, customers: int, seed: int = 7) -> Database:
    """A migrated database with ``customers`` synthetic customers (three contacts each)."""
    database = open_database(path)
    rand = random.Random(seed)
    stamp = "2026-01-01 00:00:00"
    con = sqlite3.connect(path)
    with con:
        for start in range(1, customers + 1, 5000):
            rows = [
                synthetic_customer(rand, cid)
                for cid in range(start, min(start + 5000, customers + 1))
            ]
            con.executemany(
                "INSERT INTO customers (id, kind, name, name_en, tax_id, phone, email, notes,"
                " potential_value, currency, created_at, updated_at)"
                f" VALUES (?, 'company', ?, ?, ?, ?, ?, ?, 0, 'CNY', '{stamp}', '{stamp}')",
                [c for c, _ in rows],
            )
            con.executemany(
                "INSERT INTO contacts (customer_id, name, phone, mobile, email, wechat,"
                f" is_primary, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 0, '{stamp}',"
                f" '{stamp}')",
                [k for _, ks in rows for k in ks],
            )
    con.close()
    with database.engine.begin() as conn:
        rebuild_index(conn)
    return database


def _save_one(database: Database, rand: random.Random, cid: int) -> None:
    (_, name, name_en, tax_id, phone, email, notes), contacts = synthetic_customer(rand, cid)
    with database.write() as session:
        customer = m.Customer(
            name=name, name_en=name_en, tax_id=tax_id, phone=phone, email=email, notes=notes
        )
        customer.contacts.extend(
            m.Contact(name=k[1], mobile=k[3], email=k[4], wechat=k[5]) for k in contacts
        )
        session.add(customer)


def sync_rows(customers: int = 2000) -> list[Row]:
    """Saving one new customer with three contacts, with and without the search listener."""
    with tempfile.TemporaryDirectory() as folder:
        database = build_synthetic(Path(folder) / "sync.sqlite3", customers)
        try:
            rand = random.Random(11)
            next_id = iter(range(10**6, 2 * 10**6))
            unregister_search_sync(database._write)
            _save_one(database, rand, next(next_id))
            plain = _samples(lambda: _save_one(database, rand, next(next_id)), RUNS)
            register_search_sync(database._write)
            _save_one(database, rand, next(next_id))  # pypinyin loaded outside the timing
            synced = _samples(lambda: _save_one(database, rand, next(next_id)), RUNS)
        finally:
            database.close()
    return [
        Row(
            "save one customer + 3 contacts, search sync on",
            statistics.median(synced),
            statistics.median(plain),
            f"p95 {_p95(synced) * 1000:.2f} ms; floor: the same commit without sync",
        )
    ]


@benchmark
def search(db: Path) -> list[Row]:
    return [*query_rows(db), rebuild_row(db), first_use_row(), *sync_rows()]


def main(argv: list[str]) -> int:
    customers = int(argv[0]) if argv else 20_000
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"search-{customers}.sqlite3"
        started = time.perf_counter()
        build_synthetic(path, customers).close()
        print(
            f"built {customers:,} synthetic customers in {time.perf_counter() - started:.1f} s"
            f" ({path.stat().st_size / 2**20:.0f} MiB)",
            flush=True,
        )
        print_table(search(path))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
