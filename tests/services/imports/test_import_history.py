"""Importing history: order lines grouped into orders (US dates), deals, past activities."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sms_desktop.domain.importing.fields import ImportKind
from sms_desktop.persistence.db import Database
from sms_desktop.services.imports.service import ImportService
from sms_desktop.services.workspace import initialize_empty
from tests.services.imports.helpers import run_import, snapshot

# Superstore-style: US dates (the first rows cannot tell; 4/15/2017 further down can).
ORDERS_CSV = """Row ID,Order ID,Order Date,Customer ID,Customer Name,Product ID,Category,\
Product Name,Sales,Quantity,Discount,Profit
1,CA-2016-152156,11/8/2016,CG-12520,Claire Gute,FUR-BO-10001798,Furniture,Bush Bookcase,\
261.96,2,0,41.9136
2,CA-2016-152156,11/8/2016,CG-12520,Claire Gute,FUR-CH-10000454,Furniture,Hon Chair,\
731.94,3,0,219.582
3,CA-2016-138688,6/12/2016,DV-13045,Darrin Van Huff,OFF-LA-10000240,Office Supplies,\
Self-Adhesive Labels,14.62,2,0,6.8714
4,US-2015-108966,10/11/2015,SO-20335,Sean O'Donnell,FUR-TA-10000577,Furniture,Bretford Table,\
957.5775,5,0.45,-383.031
5,CA-2016-152156,11/8/2016,CG-12520,Claire Gute,FUR-BO-10001798,Furniture,Bush Bookcase,\
261.96,2,0,41.9136
6,CA-2017-114412,4/15/2017,AA-10480,Andrew Allen,OFF-PA-10002365,Office Supplies,Xerox 1967,\
15.552,3,0.2,5.4432
"""


def _orders_db(db: Database) -> None:
    initialize_empty(db, company_name="明达贸易", owner_name="王明")


def _query(db: Database, sql: str) -> list[tuple[object, ...]]:
    con = sqlite3.connect(db.path)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_order_lines_become_orders_and_import_again_adds_nothing(
    db: Database, tmp_path: Path
) -> None:
    path = tmp_path / "superstore.csv"
    path.write_text(ORDERS_CSV, encoding="utf-8")
    missing = run_import(db, path, ImportKind.ORDERS)
    assert not missing.written and missing.errors == 6
    assert missing.row_errors[0].render() == (
        "row 2, Customer Name: No customer Claire Gute (import with “create missing”)."
    )
    before = snapshot(db.path)

    # Computed figures (Sales 957.5775, Profit 41.9136) are rounded half up to fen.
    summary = run_import(db, path, ImportKind.ORDERS, create_missing=True)
    assert (summary.created, summary.errors) == (6, 0), summary.row_errors
    orders = _query(
        db, "SELECT number, order_date, subtotal, tax_total, cost_total FROM orders ORDER BY id"
    )
    # Lines 1, 2 and 5 are one order (line 5 repeats line 1: two lines, never merged); the
    # dates read month first (4/15/2017 told), the products' tax rate is the default 13 %.
    assert orders == [
        ("CA-2016-152156", "2016-11-08", 125586, 16325, 95249),
        ("CA-2016-138688", "2016-06-12", 1462, 190, 776),
        ("US-2015-108966", "2015-10-11", 95758, 12449, 134060),
        ("CA-2017-114412", "2017-04-15", 1555, 202, 1011),
    ]
    lines = _query(
        db,
        "SELECT position, quantity, unit_price, discount_percent, net_amount, unit_cost"
        " FROM order_lines WHERE order_id IN (1, 3) ORDER BY order_id, position",
    )
    assert lines == [
        (1, 2000, 13098, 0, 26196, 11003),  # cost = 261.96 - 41.91 profit, per unit
        (2, 3000, 24398, 0, 73194, 17079),
        (3, 2000, 13098, 0, 26196, 11003),
        (1, 5000, 34821, 4500, 95758, 26812),  # 957.58 net at 45 % off: 348.21 a unit
    ]
    assert _query(db, "SELECT count(*) FROM customers") == [(4,)]
    assert _query(db, "SELECT count(*) FROM products") == [(5,)]
    # The customer's figures follow: two orders' worth of revenue for Claire Gute.
    assert _query(
        db,
        "SELECT orders_count, revenue_lifetime FROM customer_stats JOIN customers"
        " ON customers.id = customer_id WHERE name = 'Claire Gute'",
    ) == [(1, 125586)]

    again = run_import(db, path, ImportKind.ORDERS, create_missing=True)
    assert (again.created, again.unchanged) == (0, 6)
    ImportService(db).revert(summary.batch_id or 0)
    assert snapshot(db.path) == before


def test_a_column_that_cannot_tell_its_date_order_asks(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "o.csv"
    path.write_text(
        "订单号,下单日期,客户名称,产品名称,数量,单价\n"
        "A1,3/4/2024,华东集团,传感器,1,100\nA2,5/6/2024,华东集团,传感器,2,100\n",
        encoding="utf-8",
    )
    asked = run_import(db, path, ImportKind.ORDERS, create_missing=True)
    assert asked.date_order_needed == ("下单日期",) and asked.errors == 2
    assert "choose the date order" in asked.row_errors[0].render()
    day_first = run_import(db, path, ImportKind.ORDERS, create_missing=True, date_order="dmy")
    assert day_first.written
    assert _query(db, "SELECT number, order_date FROM orders ORDER BY number") == [
        ("A1", "2024-04-03"),
        ("A2", "2024-06-05"),
    ]


def test_opportunities_open_and_closed(db: Database, tmp_path: Path) -> None:
    _orders_db(db)
    path = tmp_path / "deals.csv"
    path.write_text(
        "商机名称,客户名称,金额,阶段,状态,创建日期,预计成交日期,结单日期,输单原因\n"
        '二期扩容,华东集团,"120,000",,,2026-01-05,2026-06-30,,\n'
        "年度框架,华东集团,50000,,赢单,2025-03-01,,2025-05-20,\n"
        "试点项目,西部物流,8000,,lost,2025-02-01,,2025-04-01,价格太高\n",
        encoding="utf-8",
    )
    summary = run_import(db, path, ImportKind.OPPORTUNITIES, create_missing=True)
    assert (summary.created, summary.errors) == (3, 0), summary.row_errors
    deals = _query(
        db,
        "SELECT title, amount, status, closed_on, lost_note, date(created_at) FROM opportunities"
        " ORDER BY id",
    )
    assert deals == [
        ("二期扩容", 12000000, "open", None, None, "2026-01-05"),
        ("年度框架", 5000000, "won", "2025-05-20", None, "2025-03-01"),
        ("试点项目", 800000, "lost", "2025-04-01", None, "2025-02-01"),
    ]
    assert _query(
        db,
        "SELECT name_zh FROM lost_reasons JOIN opportunities ON lost_reason_id = lost_reasons.id",
    ) == [("价格太高",)]
    assert _query(db, "SELECT count(*) FROM opportunity_stage_history") == [(3,)]
    assert run_import(db, path, ImportKind.OPPORTUNITIES, create_missing=True).created == 0


def test_past_activities_with_satisfaction(db: Database, tmp_path: Path) -> None:
    _orders_db(db)
    path = tmp_path / "a.csv"
    path.write_text(
        "客户名称,类型,日期,负责人,内容,满意度\n"
        "华东集团,拜访,2025-11-03,王明,演示新产品,5\n"
        "华东集团,电话,2025-12-01,,回访,6\n"
        "华东集团,微信,2025-12-02,李雷,报价,\n",
        encoding="utf-8",
    )
    summary = run_import(db, path, ImportKind.ACTIVITIES, create_missing=True, skip_invalid=True)
    assert [e.render() for e in summary.row_errors] == [
        "row 3, 满意度: Satisfaction is a score from 1 to 5."
    ]
    assert summary.created == 2  # 李雷 is created as a salesperson (create missing)
    assert _query(db, "SELECT kind, satisfaction, summary FROM interactions ORDER BY id") == [
        ("visit", 5, "演示新产品"),
        ("wechat", None, "报价"),
    ]
    assert _query(db, "SELECT last_interaction_at IS NOT NULL FROM customer_stats") == [(1,)]
