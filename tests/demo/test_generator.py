"""The demo-data generator: scale, determinism, consistency, integrity, all-or-nothing."""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from collections import defaultdict
from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sms_desktop.demo.generator import DemoSummary, credit_code, line_amounts, populate
from sms_desktop.domain.money import round_money, to_minor
from sms_desktop.persistence.db import open_database

N = 200
TODAY = date(2026, 11, 27)
TODAY_ISO = TODAY.isoformat()
TOMORROW_ISO = (TODAY + timedelta(days=1)).isoformat()


def _build(
    path: Path, *, customers: int = N, seed: int = 20261127, today: date = TODAY
) -> DemoSummary:
    db = open_database(path)
    try:
        return populate(db, customers=customers, seed=seed, today=today)
    finally:
        db.close()


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, DemoSummary]:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    return path, _build(path)


@pytest.fixture
def con(built: tuple[Path, DemoSummary]) -> Iterator[sqlite3.Connection]:
    connection = sqlite3.connect(f"file:{built[0]}?mode=ro", uri=True)
    try:
        yield connection
    finally:
        connection.close()


def _count(con: sqlite3.Connection, table: str, where: str = "1") -> int:
    value = con.execute(f"SELECT count(*) FROM {table} WHERE {where}").fetchone()[0]
    assert isinstance(value, int)
    return value


def _digest(path: Path, tables: tuple[str, ...]) -> str:
    digest = hashlib.sha256()
    with sqlite3.connect(path) as connection:
        for table in tables:
            for row in connection.execute(f"SELECT * FROM {table} ORDER BY rowid"):
                digest.update(repr(row).encode())
    return digest.hexdigest()


# ----------------------------------------------------------------------------- scale


def test_counts_follow_the_customer_count(
    con: sqlite3.Connection, built: tuple[Path, DemoSummary]
) -> None:
    summary = built[1]
    assert _count(con, "customers") == N
    assert 2.5 * N <= _count(con, "contacts") <= 3.5 * N
    assert _count(con, "opportunities") == N // 2
    assert _count(con, "activities") == 10 * N
    assert _count(con, "orders") == round(0.8 * N)
    assert 1.6 * N <= _count(con, "order_lines") <= 2.4 * N
    assert _count(con, "interactions") == 2 * N
    assert _count(con, "quotes") >= 20
    assert _count(con, "customer_stats") == N
    assert _count(con, "satisfaction_surveys") > 0
    assert _count(con, "account_plans") > 0
    tagged = _count(con, "(SELECT DISTINCT customer_id FROM customer_tags)")
    assert 0.2 * N <= tagged <= 0.4 * N
    for table, rows in summary.counts.items():
        assert _count(con, table) == rows, table
    assert summary.seconds > 0


def test_every_customer_has_one_primary_contact(con: sqlite3.Connection) -> None:
    assert (
        con.execute(
            "SELECT count(*) FROM customers c WHERE (SELECT count(*) FROM contacts k "
            "WHERE k.customer_id = c.id AND k.is_primary) <> 1"
        ).fetchone()[0]
        == 0
    )


def test_orders_span_three_years_before_today(con: sqlite3.Connection) -> None:
    first, last = con.execute("SELECT min(order_date), max(order_date) FROM orders").fetchone()
    assert first >= date(2023, 11, 27).isoformat()
    assert first < date(2024, 2, 1).isoformat()
    assert last < TODAY_ISO


def test_a_few_customers_carry_most_revenue(con: sqlite3.Connection) -> None:
    revenue = [
        r
        for (r,) in con.execute(
            "SELECT sum(total) FROM orders WHERE status <> 'cancelled' GROUP BY customer_id "
            "ORDER BY 1 DESC"
        )
    ]
    top = revenue[: max(1, len(revenue) // 5)]
    assert sum(top) > 0.55 * sum(revenue)


# ------------------------------------------------------------------------ reference


def test_pipeline_stages_and_lost_reasons_are_bilingual(con: sqlite3.Connection) -> None:
    stages = con.execute(
        "SELECT key, name_zh, name_en, kind, default_probability, stale_after_days "
        "FROM pipeline_stages ORDER BY position"
    ).fetchall()
    assert [s[:5] for s in stages] == [
        ("lead", "线索", "Lead", "open", 10),
        ("qualified", "初步接洽", "Qualified", "open", 20),
        ("needs_analysis", "需求分析", "Needs analysis", "open", 40),
        ("proposal", "方案报价", "Proposal", "open", 60),
        ("negotiation", "商务谈判", "Negotiation", "open", 80),
        ("won", "赢单", "Won", "won", 100),
        ("lost", "输单", "Lost", "lost", 0),
    ]
    assert all(s[5] for s in stages[:5]) and stages[5][5] is None and stages[6][5] is None
    reasons = dict(con.execute("SELECT name_zh, name_en FROM lost_reasons").fetchall())
    assert reasons["价格太高"] == "Price too high"
    assert reasons["选择了竞争对手"] == "Chose a competitor"
    assert len(reasons) == 6 and all(reasons.values())


def test_reference_data(con: sqlite3.Connection) -> None:
    roles = [r for (r,) in con.execute("SELECT role FROM salespeople")]
    assert roles.count("owner") == 1 and 6 <= len(roles) <= 9
    assert _count(con, "salespeople", "name_en IS NULL") == 0
    products = con.execute("SELECT list_price, cost, tax_rate FROM products").fetchall()
    assert 50 <= len(products) <= 70
    assert {tax for _, _, tax in products} == {600, 900, 1300}
    for price, cost, _ in products:
        assert 0.15 <= (price - cost) / price <= 0.6
    assert _count(con, "product_categories") >= 8
    assert sorted(r for (r,) in con.execute("SELECT customer_tier FROM price_lists")) == [
        "A",
        "B",
        "C",
    ]
    assert _count(con, "price_rules", "fixed_price IS NOT NULL") >= 1
    assert _count(con, "price_rules", "min_quantity > 0") >= 1
    assert _count(con, "tags") >= 10
    plan = con.execute("SELECT name, trigger FROM follow_up_plans").fetchall()
    assert plan == [("订单后回访 After-order follow-up", "order_recorded")]
    assert con.execute(
        "SELECT offset_days, with_survey FROM follow_up_steps ORDER BY position"
    ).fetchall() == [(3, 0), (14, 1), (60, 0)]
    assert con.execute(
        "SELECT min_attainment, rate FROM commission_tiers ORDER BY min_attainment"
    ).fetchall() == [(0, 200), (8000, 300), (10000, 500)]
    settings = {k: json.loads(v) for k, v in con.execute("SELECT key, value FROM settings")}
    assert settings["company.name"] == "上海明达贸易有限公司"
    for key in (
        "company.name_en",
        "company.address",
        "company.tax_id",
        "company.phone",
        "company.email",
    ):
        assert isinstance(settings[key], str) and settings[key]
    months = con.execute(
        "SELECT count(*) FROM targets WHERE metric = 'revenue' AND period_kind = 'month' "
        "AND salesperson_id IS NULL AND period_start LIKE '2026-%'"
    ).fetchone()[0]
    assert months == 12
    assert _count(con, "targets", "metric = 'activities'") > 0


# --------------------------------------------------------------------- determinism


def test_same_seed_and_day_give_the_same_database(
    built: tuple[Path, DemoSummary], tmp_path: Path
) -> None:
    again = tmp_path / "again.sqlite3"
    _build(again)
    tables = (
        "customers",
        "contacts",
        "orders",
        "order_lines",
        "activities",
        "quotes",
        "opportunity_stage_history",
        "audit_log",
        "customer_stats",
    )
    assert _digest(again, tables) == _digest(built[0], tables)
    other = tmp_path / "other.sqlite3"
    _build(other, seed=1)
    assert _digest(other, ("customers",)) != _digest(built[0], ("customers",))


def test_dates_follow_the_given_day(tmp_path: Path) -> None:
    path = tmp_path / "early.sqlite3"
    _build(path, customers=30, today=date(2024, 2, 29))
    with sqlite3.connect(path) as connection:
        latest = [
            connection.execute(f"SELECT max({column}) FROM {table}").fetchone()[0]
            for table, column in (
                ("orders", "order_date"),
                ("customers", "created_at"),
                ("interactions", "occurred_at"),
                ("activities", "done_at"),
            )
        ]
    assert all(value < "2024-02-29" for value in latest)


# ---------------------------------------------------------------------- consistency


def test_database_integrity(con: sqlite3.Connection) -> None:
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    # integrity_check also verifies every CHECK constraint (enums, ranges).
    assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    index_count = _count(con, "sqlite_master", "type = 'index' AND tbl_name = 'activities'")
    assert index_count >= 5


def _decimal_line(quantity: int, price: int, discount: int, rate: int) -> tuple[int, int, int]:
    net = round_money(
        Decimal(quantity).scaleb(-3)
        * Decimal(price).scaleb(-2)
        * (1 - Decimal(discount).scaleb(-4))
    )
    tax = round_money(net * Decimal(rate).scaleb(-4))
    return to_minor(net), to_minor(tax), to_minor(net + tax)


@given(
    st.integers(0, 10_000_000),
    st.integers(0, 100_000_000),
    st.integers(0, 10_000),
    st.sampled_from([0, 600, 900, 1300, 1650]),
)
def test_integer_line_amounts_match_decimal_rounding(
    quantity: int, price: int, discount: int, rate: int
) -> None:
    assert line_amounts(quantity, price, discount, rate) == _decimal_line(
        quantity, price, discount, rate
    )


def test_order_and_quote_amounts_are_consistent(con: sqlite3.Connection) -> None:
    for table, parent in (("order_lines", "order_id"), ("quote_lines", "quote_id")):
        sums: dict[int, list[int]] = defaultdict(lambda: [0, 0, 0])
        for owner, quantity, price, discount, rate, net, tax, total in con.execute(
            f"SELECT {parent}, quantity, unit_price, discount_percent, tax_rate, "
            f"net_amount, tax_amount, total_amount FROM {table}"
        ):
            assert (net, tax, total) == _decimal_line(quantity, price, discount, rate)
            sums[owner][0] += net
            sums[owner][1] += tax
            sums[owner][2] += total
        documents = "orders" if table == "order_lines" else "quotes"
        for doc_id, subtotal, tax_total, total in con.execute(
            f"SELECT id, subtotal, tax_total, total FROM {documents}"
        ):
            assert [subtotal, tax_total, total] == sums[doc_id], (documents, doc_id)
    for total, cost, total_base, rate in con.execute(
        "SELECT total, cost_total, total_base, exchange_rate FROM orders"
    ):
        assert 0 < cost < total
        assert total_base == total or (rate != 1_000_000 and total_base > total)
    # Invoices and payments add up: nothing is applied beyond an invoice or a payment.
    assert con.execute(
        "SELECT count(*) FROM invoices i WHERE i.amount < (SELECT coalesce(sum(a.amount), 0)"
        " FROM payment_allocations a WHERE a.invoice_id = i.id)"
    ).fetchone() == (0,)
    assert con.execute(
        "SELECT count(*) FROM payments p WHERE p.amount < (SELECT coalesce(sum(a.amount), 0)"
        " FROM payment_allocations a WHERE a.payment_id = p.id)"
    ).fetchone() == (0,)
    paid_in_full = con.execute(
        "SELECT count(*) FROM orders o WHERE status = 'paid' AND total <> (SELECT"
        " sum(a.amount) FROM invoices i JOIN payment_allocations a ON a.invoice_id = i.id"
        " WHERE i.order_id = o.id)"
    ).fetchone()
    assert paid_in_full == (0,)


def test_orders_in_every_state_with_overdue_receivables_and_usd(tmp_path: Path) -> None:
    path = tmp_path / "bigger.sqlite3"
    _build(path, customers=1200)
    con = sqlite3.connect(path)
    states = {s for (s,) in con.execute("SELECT DISTINCT status FROM orders")}
    assert states == {
        "draft",
        "confirmed",
        "partly_delivered",
        "delivered",
        "partly_invoiced",
        "invoiced",
        "paid",
        "cancelled",
    }
    today = TODAY.isoformat()
    late = con.execute(
        "SELECT DISTINCT CASE WHEN julianday(?) - julianday(i.due_date) <= 30 THEN 1"
        " WHEN julianday(?) - julianday(i.due_date) <= 60 THEN 2"
        " WHEN julianday(?) - julianday(i.due_date) <= 90 THEN 3 ELSE 4 END"
        " FROM invoices i WHERE i.due_date < ? AND i.amount > (SELECT coalesce(sum(a.amount), 0)"
        " FROM payment_allocations a WHERE a.invoice_id = i.id)",
        (today, today, today, today),
    ).fetchall()
    assert len(late) >= 3
    usd = con.execute(
        "SELECT count(*), min(exchange_rate), max(exchange_rate) FROM orders WHERE currency = 'USD'"
    ).fetchone()
    assert usd[0] > 0 and 7_000_000 < usd[1] <= usd[2] < 7_200_000
    assert (
        con.execute("SELECT count(*) FROM exchange_rates WHERE currency = 'USD'").fetchone()[0]
        >= 36
    )
    con.close()


def test_document_numbers(con: sqlite3.Connection) -> None:
    last: dict[str, int] = {}
    for number, day in con.execute("SELECT number, order_date FROM orders ORDER BY id"):
        match = re.fullmatch(r"SO-(\d{4})-(\d{5})", number)
        assert match and match[1] == day[:4]
        last[f"order:{match[1]}"] = max(last.get(f"order:{match[1]}", 0), int(match[2]))
    for number, revision in con.execute("SELECT number, revision FROM quotes"):
        match = re.fullmatch(r"Q-(\d{4})-(\d{4})", number)
        assert match and revision in (1, 2)
        last[f"quote:{match[1]}"] = max(last.get(f"quote:{match[1]}", 0), int(match[2]))
    assert dict(con.execute("SELECT scope, last_value FROM number_sequences")) == last


def test_quotes_in_every_status(con: sqlite3.Connection) -> None:
    statuses = {s for (s,) in con.execute("SELECT status FROM quotes")}
    assert statuses == {"draft", "sent", "accepted", "rejected", "expired"}
    assert (
        con.execute(
            "SELECT count(*) FROM quotes WHERE status = 'expired' AND valid_until >= ?",
            (TODAY_ISO,),
        ).fetchone()[0]
        == 0
    )
    assert (
        con.execute(
            "SELECT count(*) FROM quotes WHERE status = 'sent' AND valid_until < ?", (TODAY_ISO,)
        ).fetchone()[0]
        == 0
    )
    # A second revision always follows a rejected first one of the same number.
    for (number,) in con.execute("SELECT number FROM quotes WHERE revision = 2"):
        assert con.execute(
            "SELECT status FROM quotes WHERE number = ? AND revision = 1", (number,)
        ).fetchone() == ("rejected",)
    assert _count(con, "quotes", "status = 'draft' AND sent_at IS NOT NULL") == 0
    assert _count(con, "quotes", "status IN ('accepted', 'rejected') AND decided_at IS NULL") == 0
    accepted = _count(con, "quotes", "status = 'accepted'")
    assert _count(con, "orders", "quote_id IS NOT NULL") == accepted


def test_stage_history_matches_each_opportunity(con: sqlite3.Connection) -> None:
    history: dict[int, list[tuple[int | None, int, str]]] = defaultdict(list)
    for opportunity, from_stage, to_stage, changed_at in con.execute(
        "SELECT opportunity_id, from_stage_id, to_stage_id, changed_at "
        "FROM opportunity_stage_history ORDER BY id"
    ):
        history[opportunity].append((from_stage, to_stage, changed_at))
    kinds = dict(con.execute("SELECT id, kind FROM pipeline_stages"))
    for oid, stage, status, changed_at, closed_on, reason in con.execute(
        "SELECT id, stage_id, status, stage_changed_at, closed_on, lost_reason_id "
        "FROM opportunities"
    ):
        rows = history[oid]
        assert rows[0][0] is None and rows[0][1] == 1
        for before, after in pairwise(rows):
            assert after[0] == before[1] and after[2] > before[2]
        assert rows[-1][1] == stage and rows[-1][2] == changed_at
        assert kinds[stage] == status
        assert (closed_on is not None) == (status != "open")
        assert (reason is not None) == (status == "lost")
    assert _count(con, "opportunities", "status = 'open'") > 0.2 * N / 2


def test_a_demo_deal_shows_its_life_in_its_history(built: tuple[Path, DemoSummary]) -> None:
    """A deal's History… (the audit log, read by the history service) tells the same life as
    its stage history: created by its owner, then each move, named by stage, at its time."""
    from sms_desktop.services.history import HistoryFilter, HistoryService
    from sms_desktop.services.lists import Order

    db = open_database(built[0])
    try:
        history = HistoryService(db)
        with sqlite3.connect(f"file:{built[0]}?mode=ro", uri=True) as connection:
            stage_names = dict(connection.execute("SELECT id, name_zh FROM pipeline_stages"))
            people = dict(connection.execute("SELECT id, name FROM salespeople"))
            moves: dict[int, list[tuple[int | None, int, str, int]]] = defaultdict(list)
            for oid, from_stage, to_stage, at, by in connection.execute(
                "SELECT opportunity_id, from_stage_id, to_stage_id, changed_at, changed_by_id "
                "FROM opportunity_stage_history ORDER BY id"
            ):
                moves[oid].append((from_stage, to_stage, at, by))
            deals = connection.execute(
                "SELECT id, title, status, lost_note FROM opportunities ORDER BY id"
            ).fetchall()
        lost_with_note = next(d for d in deals if d[2] == "lost" and d[3])
        won = next(d for d in deals if d[2] == "won" and len(moves[d[0]]) >= 4)
        still_open = next(d for d in deals if d[2] == "open" and len(moves[d[0]]) >= 3)
        for oid, title, _status, lost_note in (lost_with_note, won, still_open):
            rows = history.page_rows(
                HistoryFilter(entity="opportunity", entity_id=oid),
                Order("at"),
                offset=0,
                limit=50,
            )
            created, *moved = rows
            assert (created.action, created.record, created.new) == ("create", title, title)
            expected = [
                (
                    "stage_id",
                    stage_names[from_stage],
                    stage_names[to_stage],
                    at[:19],
                    people[by],
                )
                for from_stage, to_stage, at, by in moves[oid][1:]
            ]
            assert [
                (r.field, r.old, r.new, r.at.strftime("%Y-%m-%d %H:%M:%S"), r.actor) for r in moved
            ] == expected
            assert created.at.strftime("%Y-%m-%d %H:%M:%S") == moves[oid][0][2][:19]
            assert created.actor == people[moves[oid][0][3]]
            assert moved[-1].reason == lost_note
    finally:
        db.close()


def test_activity_states(con: sqlite3.Connection) -> None:
    done = _count(con, "activities", "done_at IS NOT NULL")
    overdue = _count(con, "activities", f"done_at IS NULL AND due_at < '{TODAY_ISO}'")
    today = _count(
        con,
        "activities",
        f"done_at IS NULL AND due_at >= '{TODAY_ISO}' AND due_at < '{TOMORROW_ISO}'",
    )
    planned = _count(con, "activities", f"done_at IS NULL AND due_at >= '{TOMORROW_ISO}'")
    assert done > 0.7 * 10 * N
    assert overdue > 0 and today > 0 and planned > overdue
    assert _count(con, "activities", f"done_at >= '{TODAY_ISO}'") == 0
    assert _count(con, "activities", "follow_up_plan_id IS NOT NULL") > 0


def test_customer_stats_match_the_details(con: sqlite3.Connection) -> None:
    expected = dict(
        con.execute(
            "SELECT c.id, coalesce((SELECT sum(subtotal_base) FROM orders o"
            " WHERE o.customer_id = c.id AND status NOT IN ('cancelled', 'draft')), 0)"
            " FROM customers c"
        )
    )
    actual = dict(con.execute("SELECT customer_id, revenue_lifetime FROM customer_stats"))
    assert actual == expected
    assert sum(actual.values()) > 0
    cutoff = date(2025, 11, 27).isoformat()
    mismatched = con.execute(
        "SELECT count(*) FROM customer_stats s WHERE revenue_12m <> coalesce((SELECT "
        "sum(subtotal_base) FROM orders o WHERE o.customer_id = s.customer_id"
        " AND status NOT IN ('cancelled', 'draft') "
        "AND order_date > ?), 0) OR open_tasks <> (SELECT count(*) FROM activities a "
        "WHERE a.customer_id = s.customer_id AND done_at IS NULL) OR open_pipeline <> "
        "coalesce((SELECT sum(amount) FROM opportunities p WHERE p.customer_id = s.customer_id "
        "AND status = 'open'), 0) OR last_interaction_at IS NOT (SELECT max(occurred_at) "
        "FROM interactions i WHERE i.customer_id = s.customer_id)",
        (cutoff,),
    ).fetchone()[0]
    assert mismatched == 0


# ------------------------------------------------------------------- realistic data

_MOBILE = re.compile(r"1[3-9]\d{9}")


def test_customers_look_real(con: sqlite3.Connection) -> None:
    kinds = dict(con.execute("SELECT kind, count(*) FROM customers GROUP BY kind"))
    assert 0.75 * N <= kinds["company"] <= 0.93 * N
    companies = [
        name
        for (name,) in con.execute(
            "SELECT name FROM customers WHERE kind = 'company' AND country = '中国'"
        )
    ]
    assert sum(name.endswith("公司") for name in companies) > 0.8 * len(companies)
    for (tax_id,) in con.execute("SELECT tax_id FROM customers WHERE tax_id IS NOT NULL"):
        assert len(tax_id) == 18 and credit_code(tax_id[:8], tax_id[8:17]) == tax_id
    assert _count(con, "customers", "name_en IS NOT NULL") > 0.2 * N
    assert _count(con, "(SELECT DISTINCT city FROM customers)") >= 15
    assert {t for (t,) in con.execute("SELECT DISTINCT tier FROM customers")} == {
        "A",
        "B",
        "C",
        "D",
    }
    phones = [p for (p,) in con.execute("SELECT phone FROM customers")]
    assert any(_MOBILE.fullmatch(p) for p in phones)
    assert any(re.fullmatch(r"0\d{2,3}-\d{8}", p) for p in phones)


def test_near_duplicates_exist(con: sqlite3.Connection) -> None:
    pairs = con.execute(
        "SELECT count(*) FROM customers a JOIN customers b ON a.id < b.id AND "
        "(a.phone = b.phone OR a.name = b.name || '有限公司' OR b.name = a.name || '有限公司' "
        "OR replace(a.name, '市', '') = replace(b.name, '市', '') "
        "OR replace(a.name, '有限责任公司', '有限公司') = replace(b.name, '有限责任公司', '有限公司'))"
    ).fetchone()[0]
    assert pairs >= 1


def test_contacts_look_real(con: sqlite3.Connection) -> None:
    chinese = [n for (n,) in con.execute("SELECT name FROM contacts WHERE name NOT LIKE '% %'")]
    assert sum(len(n) == 2 for n in chinese) > 0.25 * len(chinese)
    mobiles = [m for (m,) in con.execute("SELECT mobile FROM contacts WHERE mobile IS NOT NULL")]
    assert mobiles and all(_MOBILE.fullmatch(m) for m in mobiles)
    assert _count(con, "contacts", "wechat IS NOT NULL") > 0
    assert _count(con, "contacts", "title = '采购经理'") > 0


# ----------------------------------------------------------------- transactionality


def test_refuses_a_database_with_customers(tmp_path: Path) -> None:
    path = tmp_path / "twice.sqlite3"
    _build(path, customers=10)
    db = open_database(path)
    try:
        with pytest.raises(ValueError, match="customers"):
            populate(db, customers=10, today=TODAY)
    finally:
        db.close()
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT count(*) FROM customers").fetchone() == (10,)


def test_a_failure_leaves_nothing_behind(tmp_path: Path) -> None:
    path = tmp_path / "failed.sqlite3"
    db = open_database(path)
    stages: list[tuple[str, float]] = []

    def progress(stage: str, fraction: float) -> None:
        stages.append((stage, fraction))
        if stage == "activities":
            raise RuntimeError("interrupted")

    try:
        with pytest.raises(RuntimeError, match="interrupted"):
            populate(db, customers=50, today=TODAY, progress=progress)
    finally:
        db.close()
    assert any(stage == "orders" for stage, _ in stages)
    with sqlite3.connect(path) as connection:
        for table in ("customers", "salespeople", "orders", "settings"):
            assert connection.execute(f"SELECT count(*) FROM {table}").fetchone() == (0,)
        indexes = connection.execute(
            "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'activities'"
        ).fetchone()[0]
    assert indexes >= 5
    # The same file can then be filled.
    summary = _build(path, customers=20)
    assert summary.counts["customers"] == 20


def test_progress_is_coarse_and_monotonic(tmp_path: Path) -> None:
    db = open_database(tmp_path / "progress.sqlite3")
    calls: list[tuple[str, float]] = []
    try:
        populate(db, customers=N, today=TODAY, progress=lambda s, f: calls.append((s, f)))
    finally:
        db.close()
    fractions = [f for _, f in calls]
    assert fractions == sorted(fractions)
    assert calls[-1] == ("done", 1.0)
    assert 0 <= fractions[0] < 0.1
    assert len(calls) < 100


def test_rejects_a_non_positive_size(tmp_path: Path) -> None:
    db = open_database(tmp_path / "zero.sqlite3")
    try:
        with pytest.raises(ValueError, match="at least 1"):
            populate(db, customers=0)
    finally:
        db.close()
