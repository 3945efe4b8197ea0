"""A small, realistic dataset for the service tests, built once per test session.

Built with the services (customers, contacts, tags, interactions) and the ORM (orders,
deals, tasks, quotes …). Dates are relative to the day the session started (``World.today``)
so the "last 12 months" and "no contact for N days" figures are stable; the hand-computed
figures below are what the tests compare against.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import Connection, text
from sqlalchemy.orm import Session

from sms_desktop.domain.enums import (
    ActivityKind,
    BuyingRole,
    CustomerKind,
    InteractionKind,
    OpportunityStatus,
    OrderStatus,
    QuoteStatus,
    SalespersonRole,
    StageKind,
)
from sms_desktop.domain.errors import ValidationError
from sms_desktop.domain.money import round_money
from sms_desktop.domain.validation import credit_code_check_char
from sms_desktop.persistence import models as m
from sms_desktop.persistence.db import Database, open_database
from sms_desktop.persistence.search import SEARCH_TABLE_NAMES
from sms_desktop.services.customers import ContactInput, CustomerInput
from sms_desktop.services.interactions import InteractionInput
from sms_desktop.services.registry import Services
from sms_desktop.services.stats import refresh_customer_stats


def tax_id(first17: str) -> str:
    """A valid 统一社会信用代码 from its first 17 characters."""
    return first17 + credit_code_check_char(first17)


HUAXIA_TAX_ID = tax_id("91110108MA01ABCD2")


@dataclass
class World:
    """The ids and reference times of the dataset."""

    today: date
    now: datetime
    # salespeople
    zhang: int = 0  # 张明, the owner of the business
    lina: int = 0  # Li Na
    zhou: int = 0  # 周强, inactive
    # pipeline stages
    stages: dict[str, int] = field(default_factory=dict)
    # tags
    tags: dict[str, int] = field(default_factory=dict)
    # customers
    huaxia: int = 0  # 北京华夏科技有限公司: the richest history
    mingda: int = 0  # 上海明达贸易股份有限公司
    acme: int = 0  # Acme Co., Ltd.
    bluesky: int = 0  # Blue Sky Trading Ltd
    yunfan: int = 0  # 杭州云帆网络科技有限公司
    liuyang: int = 0  # 刘洋, a person with almost no data
    hx_dup: int = 0  # 北京华夏科技: a duplicate of huaxia, to merge
    deleted: int = 0  # 天津已删除商贸有限公司, in the trash
    # contacts
    wangwei: int = 0  # 王伟 at huaxia (primary)
    lisa: int = 0  # Lisa Chen at huaxia
    chenjing: int = 0  # 陈静 at mingda
    john: int = 0  # John Smith at bluesky
    zhaolei: int = 0  # 赵磊 at hx_dup (primary)
    # huaxia's history
    orders: dict[str, int] = field(default_factory=dict)
    opps: dict[str, int] = field(default_factory=dict)
    quotes: dict[str, int] = field(default_factory=dict)
    activities: dict[str, int] = field(default_factory=dict)
    interactions: dict[str, int] = field(default_factory=dict)
    stage_change: int = 0

    @property
    def live_customers(self) -> set[int]:
        return {
            self.huaxia,
            self.mingda,
            self.acme,
            self.bluesky,
            self.yunfan,
            self.liuyang,
            self.hx_dup,
        }


# Hand-computed figures of huaxia (see _huaxia_history): net subtotals of its orders.
HUAXIA_ORDER_10D = Decimal("10999.99")  # 10 × 1000.00 + 3 × 333.33, 13 % VAT
HUAXIA_ORDER_45D = Decimal("5000.50")  # 1 × 5000.50, 6 % VAT
HUAXIA_ORDER_200D_CANCELLED = Decimal("99999.00")
HUAXIA_ORDER_400D = Decimal("2469.12")  # 2 × 1234.56, 13 % VAT: 13 months old
HUAXIA_OPEN_PIPELINE = Decimal("100000.00")  # 80,000 + 20,000 open (won and trashed excluded)
HUAXIA_SENT_QUOTE_TOTAL = Decimal("11300.00")
MINGDA_ORDER = Decimal("8800.00")
HX_DUP_ORDER = Decimal("1500.00")
HX_DUP_OPEN_PIPELINE = Decimal("30000.00")


def add_order(
    session: Session,
    customer_id: int,
    number: str,
    order_date: date,
    lines: list[tuple[str, str, str]],
    *,
    status: OrderStatus = OrderStatus.PAID,
    owner_id: int | None = None,
) -> m.Order:
    """An order whose lines are (quantity, unit price, tax rate %) and whose totals are the
    sums of the rounded line amounts."""
    order = m.Order(
        number=number,
        customer_id=customer_id,
        order_date=order_date,
        status=status,
        owner_id=owner_id,
    )
    subtotal = tax_total = Decimal("0.00")
    for position, (qty, price, rate) in enumerate(lines, start=1):
        net = round_money(Decimal(qty) * Decimal(price))
        tax = round_money(net * Decimal(rate) / 100)
        order.lines.append(
            m.OrderLine(
                position=position,
                description=f"item {position}",
                quantity=Decimal(qty),
                unit_price=Decimal(price),
                tax_rate=Decimal(rate),
                net_amount=net,
                tax_amount=tax,
                total_amount=net + tax,
            )
        )
        subtotal += net
        tax_total += tax
    order.subtotal, order.tax_total, order.total = subtotal, tax_total, subtotal + tax_total
    session.add(order)
    return order


def _people_and_stages(db: Database, w: World) -> None:
    with db.write() as s:
        people = [
            m.Salesperson(name="张明", name_en="Zhang Ming", role=SalespersonRole.OWNER),
            m.Salesperson(name="Li Na", role=SalespersonRole.SALES),
            m.Salesperson(name="周强", role=SalespersonRole.SALES, active=False),
        ]
        stages = [
            m.PipelineStage(
                key="lead", name_zh="线索", name_en="Lead", position=1, default_probability=10
            ),
            m.PipelineStage(
                key="proposal",
                name_zh="方案",
                name_en="Proposal",
                position=2,
                default_probability=50,
            ),
            m.PipelineStage(
                key="won",
                name_zh="赢单",
                name_en="Won",
                position=3,
                kind=StageKind.WON,
                default_probability=100,
            ),
            m.PipelineStage(
                key="lost",
                name_zh="输单",
                name_en="Lost",
                position=4,
                kind=StageKind.LOST,
                default_probability=0,
            ),
        ]
        s.add_all([*people, *stages])
        s.flush()
        w.zhang, w.lina, w.zhou = (p.id for p in people)
        w.stages = {st.key: st.id for st in stages}


def _customers(services: Services, w: World) -> None:
    cs = services.customers
    w.huaxia = cs.create(
        CustomerInput(
            name="北京华夏科技有限公司",
            name_en="Beijing Huaxia Technology Co., Ltd.",
            industry="软件",
            province="北京",
            city="北京",
            address="海淀区中关村大街1号",
            phone="010-8888 6666",
            email="info@huaxia.example",
            tax_id=HUAXIA_TAX_ID,
            tier="A",
            potential_value=Decimal("500000.00"),
            strategic_fit=5,
            owner_id=w.zhang,
            notes="重点客户",
            tags=("VIP", "华东"),
        )
    )
    w.wangwei = cs.add_contact(
        w.huaxia,
        ContactInput(
            name="王伟",
            title="采购经理",
            buying_role=BuyingRole.DECISION_MAKER,
            phone="010-8888 6601",
            mobile="+86 139 0011 2233",
            email="wei.wang@huaxia.example",
            wechat="wangwei_bj88",
        ),
    )
    w.lisa = cs.add_contact(
        w.huaxia,
        ContactInput(
            name="Lisa Chen",
            title="CTO",
            email="lisa@huaxia.example",
        ),
    )
    w.mingda = cs.create(
        CustomerInput(
            name="上海明达贸易股份有限公司",
            industry="贸易",
            province="上海",
            city="上海",
            phone="021-6666 1234",
            tier="B",
            owner_id=w.lina,
            tags=("华东",),
            potential_value=Decimal("120000.00"),
            strategic_fit=3,
        )
    )
    w.chenjing = cs.add_contact(
        w.mingda,
        ContactInput(
            name="陈静",
            email="chen.jing@mingda.example",
            mobile="13800138000",
        ),
    )
    w.acme = cs.create(
        CustomerInput(
            name="Acme Co., Ltd.",
            industry="Manufacturing",
            city="Shenzhen",
            province="广东",
            phone="+1 (555) 010-2000",
            email="sales@acme.example",
            tier="B",
            currency="USD",
            tags=("制造业",),
        )
    )
    w.bluesky = cs.create(
        CustomerInput(
            name="Blue Sky Trading Ltd",
            city="Hong Kong",
            industry="贸易",
            currency="HKD",
            owner_id=w.zhang,
            email="hello@bluesky.example",
        )
    )
    w.john = cs.add_contact(
        w.bluesky,
        ContactInput(
            name="John Smith",
            mobile="+852 9123 4567",
            email="john@bluesky.example",
        ),
    )
    w.yunfan = cs.create(
        CustomerInput(
            name="杭州云帆网络科技有限公司",
            industry="互联网",
            province="浙江",
            city="杭州",
            tier="C",
            owner_id=w.zhou,
            tags=("VIP",),
        )
    )
    w.liuyang = cs.create(CustomerInput(name="刘洋", kind=CustomerKind.PERSON))
    w.hx_dup = cs.create(
        CustomerInput(
            name="北京华夏科技",
            city="北京",
            phone="010-5555 0000",
            source="转介绍",
            website="www.huaxia.example",
            owner_id=w.lina,
            tags=("VIP", "大客户"),
        )
    )
    w.zhaolei = cs.add_contact(
        w.hx_dup,
        ContactInput(
            name="赵磊",
            mobile="13700001111",
            email="zhao.lei@huaxia.example",
        ),
    )
    w.deleted = cs.create(
        CustomerInput(
            name="天津已删除商贸有限公司",
            city="天津",
            industry="物流",
            tier="D",
            owner_id=w.zhang,
        )
    )
    cs.delete(w.deleted)
    with services.db.read() as s:
        w.tags = dict(s.execute(text("SELECT name, id FROM tags")).all())


def _histories(db: Database, w: World) -> None:
    today, now = w.today, w.now
    st = w.stages
    with db.write() as s:
        # ---- huaxia: orders in different months, one cancelled, one 13 months old
        orders = {
            "10d": add_order(
                s,
                w.huaxia,
                "SO-0001",
                today - timedelta(days=10),
                [("10", "1000.00", "13"), ("3", "333.33", "13")],
                owner_id=w.zhang,
            ),
            "45d": add_order(
                s,
                w.huaxia,
                "SO-0002",
                today - timedelta(days=45),
                [("1", "5000.50", "6")],
                owner_id=w.zhang,
            ),
            "200d": add_order(
                s,
                w.huaxia,
                "SO-0003",
                today - timedelta(days=200),
                [("1", "99999.00", "13")],
                status=OrderStatus.CANCELLED,
            ),
            "400d": add_order(
                s,
                w.huaxia,
                "SO-0004",
                today - timedelta(days=400),
                [("2", "1234.56", "13")],
                owner_id=w.zhang,
            ),
        }
        add_order(
            s,
            w.mingda,
            "SO-0005",
            today - timedelta(days=30),
            [("8", "1100.00", "13")],
            owner_id=w.lina,
        )
        add_order(s, w.hx_dup, "SO-0006", today - timedelta(days=5), [("3", "500.00", "13")])
        # ---- deals
        opps = {
            "proposal": m.Opportunity(
                customer_id=w.huaxia,
                title="ERP 升级",
                owner_id=w.zhang,
                amount=Decimal("80000.00"),
                stage_id=st["proposal"],
            ),
            "lead": m.Opportunity(
                customer_id=w.huaxia,
                title="培训服务",
                amount=Decimal("20000.00"),
                stage_id=st["lead"],
            ),
            "won": m.Opportunity(
                customer_id=w.huaxia,
                title="服务器采购",
                amount=Decimal("50000.00"),
                stage_id=st["won"],
                status=OpportunityStatus.WON,
                closed_on=today - timedelta(days=12),
            ),
            "trashed": m.Opportunity(
                customer_id=w.huaxia,
                title="已删除商机",
                amount=Decimal("7777.00"),
                stage_id=st["lead"],
                deleted_at=now - timedelta(days=2),
            ),
            "dup": m.Opportunity(
                customer_id=w.hx_dup,
                title="华夏分部项目",
                amount=Decimal("30000.00"),
                stage_id=st["lead"],
            ),
            "mingda": m.Opportunity(
                customer_id=w.mingda,
                title="年度框架",
                amount=Decimal("45000.00"),
                stage_id=st["proposal"],
            ),
        }
        s.add_all(opps.values())
        s.flush()
        change = m.StageChange(
            opportunity_id=opps["proposal"].id,
            from_stage_id=st["lead"],
            to_stage_id=st["proposal"],
            changed_by_id=w.zhang,
            changed_at=now - timedelta(days=12),
        )
        s.add(change)
        # ---- tasks and activities
        acts = {
            "visit_done": m.Activity(
                kind=ActivityKind.VISIT,
                subject="上门拜访",
                outcome="确认需求",
                customer_id=w.huaxia,
                assignee_id=w.zhang,
                due_at=now - timedelta(days=3),
                done_at=now - timedelta(days=3),
            ),
            "todo_done": m.Activity(
                kind=ActivityKind.TODO,
                subject="整理资料",
                customer_id=w.huaxia,
                due_at=now - timedelta(days=1),
                done_at=now - timedelta(days=1),
            ),
            "call_open": m.Activity(
                kind=ActivityKind.CALL,
                subject="回访电话",
                customer_id=w.huaxia,
                assignee_id=w.zhang,
                due_at=now + timedelta(days=1),
            ),
            "todo_open": m.Activity(
                kind=ActivityKind.TODO,
                subject="准备报价",
                customer_id=w.huaxia,
                due_at=now + timedelta(days=2),
            ),
            "trashed": m.Activity(
                kind=ActivityKind.CALL,
                subject="已删除任务",
                customer_id=w.huaxia,
                due_at=now + timedelta(days=3),
                deleted_at=now - timedelta(days=1),
            ),
            "dup_open": m.Activity(
                kind=ActivityKind.FOLLOW_UP,
                subject="分部回访",
                customer_id=w.hx_dup,
                due_at=now + timedelta(days=4),
            ),
        }
        s.add_all(acts.values())
        # ---- quotes: a draft (not in the timeline) and a sent one
        quotes = {
            "draft": m.Quote(
                number="Q-2026-0001",
                customer_id=w.huaxia,
                owner_id=w.zhang,
                status=QuoteStatus.DRAFT,
                issue_date=today,
                valid_until=today + timedelta(days=30),
                total=Decimal("999.00"),
            ),
            "sent": m.Quote(
                number="Q-2026-0002",
                revision=2,
                customer_id=w.huaxia,
                owner_id=w.zhang,
                status=QuoteStatus.SENT,
                issue_date=today - timedelta(days=15),
                valid_until=today + timedelta(days=15),
                subtotal=Decimal("10000.00"),
                tax_total=Decimal("1300.00"),
                total=HUAXIA_SENT_QUOTE_TOTAL,
                sent_at=now - timedelta(days=15),
            ),
            "dup": m.Quote(
                number="Q-2026-0003",
                customer_id=w.hx_dup,
                status=QuoteStatus.SENT,
                issue_date=today - timedelta(days=8),
                valid_until=today + timedelta(days=22),
                total=Decimal("2000.00"),
                sent_at=now - timedelta(days=8),
            ),
        }
        s.add_all(quotes.values())
        # ---- key-account data
        s.add_all(
            [
                m.SatisfactionSurvey(
                    customer_id=w.huaxia, surveyed_on=today - timedelta(days=20), score=4, nps=8
                ),
                m.SatisfactionSurvey(
                    customer_id=w.hx_dup, surveyed_on=today - timedelta(days=9), score=5
                ),
                m.PriceList(name="华夏专属价", customer_id=w.huaxia),
                m.PriceList(name="华夏分部价", customer_id=w.hx_dup),
                m.AccountPlan(customer_id=w.huaxia, year=today.year, objectives="扩大份额"),
                m.AccountPlan(customer_id=w.hx_dup, year=today.year, objectives="clashes"),
                m.AccountPlan(customer_id=w.hx_dup, year=today.year - 2, objectives="moves"),
            ]
        )
        s.flush()
        w.orders = {k: o.id for k, o in orders.items()}
        w.opps = {k: o.id for k, o in opps.items()}
        w.quotes = {k: q.id for k, q in quotes.items()}
        w.activities = {k: a.id for k, a in acts.items()}
        w.stage_change = change.id


def _interactions(services: Services, w: World) -> None:
    log = services.interactions.log
    now = w.now
    w.interactions = {
        "call_20d": log(
            w.huaxia,
            InteractionInput(
                InteractionKind.CALL,
                "电话沟通报价",
                now - timedelta(days=20),
                contact_id=w.wangwei,
                salesperson_id=w.zhang,
            ),
        ),
        "wechat_5d": log(
            w.huaxia,
            InteractionInput(
                InteractionKind.WECHAT,
                "微信确认交期",
                now - timedelta(days=5),
                contact_id=w.wangwei,
                salesperson_id=w.zhang,
                satisfaction=4,
            ),
        ),
        "mingda_60d": log(
            w.mingda,
            InteractionInput(
                InteractionKind.VISIT, "拜访", now - timedelta(days=60), salesperson_id=w.lina
            ),
        ),
        "dup_100d": log(
            w.hx_dup, InteractionInput(InteractionKind.NOTE, "分部来电", now - timedelta(days=100))
        ),
        "yunfan_10d": log(
            w.yunfan, InteractionInput(InteractionKind.EMAIL, "", now - timedelta(days=10))
        ),
    }


def build_world(path: Path) -> World:
    """Create the dataset in a new database at ``path`` (closed afterwards)."""
    w = World(today=date.today(), now=datetime.now(UTC).replace(microsecond=0))
    db = open_database(path)
    try:
        services = Services(db)
        _people_and_stages(db, w)
        _customers(services, w)
        _histories(db, w)
        _interactions(services, w)
        with db.write() as s:
            refresh_customer_stats(s.connection(), today=w.today)
    finally:
        db.close()
    return w


def copy_database(source: Path, dest: Path) -> None:
    """A consistent copy through SQLite's backup API (never a file copy)."""
    src = sqlite3.connect(source)
    dst = sqlite3.connect(dest)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


def services_over_copy(template: Path, dest: Path) -> Iterator[Services]:
    """Services over a fresh copy of ``template`` at ``dest``, for a fixture to yield from."""
    copy_database(template, dest)
    database = open_database(dest)
    yield Services(database)
    database.close()


def field_errors(call: Callable[[], object]) -> dict[str, str]:
    """The field messages (rendered) of the ``ValidationError`` that ``call`` raises."""
    with pytest.raises(ValidationError) as caught:
        call()
    return {key: message.render() for key, message in caught.value.errors.items()}


# --------------------------------------------------------------------- snapshots


EXCLUDED_TABLES = frozenset({"audit_log", "trash"} | SEARCH_TABLE_NAMES)


def snapshot(
    conn: Connection, *, ignore_columns: frozenset[str] = frozenset()
) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table (but the audit log, the trash and the search index), without
    ``customer_stats.refreshed_at`` and any column named in ``ignore_columns``."""
    names = [
        r[0]
        for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'")
        if not r[0].startswith("sqlite_") and r[0] not in EXCLUDED_TABLES
    ]
    result: dict[str, list[tuple[object, ...]]] = {}
    for name in sorted(names):
        columns = [
            r[1]
            for r in conn.exec_driver_sql(f'PRAGMA table_info("{name}")')
            if r[1] not in ignore_columns
            and not (name == "customer_stats" and r[1] == "refreshed_at")
        ]
        listed = ", ".join(f'"{c}"' for c in columns)
        rows = conn.exec_driver_sql(f'SELECT {listed} FROM "{name}"').all()
        result[name] = sorted((tuple(r) for r in rows), key=repr)
    return result
