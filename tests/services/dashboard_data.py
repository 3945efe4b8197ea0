"""A small hand-computed world for the dashboard figures (today: 2026-05-20).

Salespeople: A (王伟, the owner) and B (李娜). Customers C1 甲公司, C2 乙公司, C3 丙公司.
Categories: 电子 (R1) with child 手机 (R1a), 服务 (R2). Products P1 in R1a, P2 in R2, P3 none.

Orders (net subtotal; lines):
    O1 C1 A 2026-05-03 1,000.00  P1 600.00 + P2 400.00
    O2 C2 B 2026-04-10   500.50  P3 500.50
    O3 C1 B 2026-01-15 2,000.00  P1 2,000.00
    O4 C3 A 2025-05-10   800.00  P2 800.00
    O5 C2 A 2025-02-01   300.00  P2 300.00
    O6 C3 A 2026-05-05 9,999.00  cancelled (never counted)
    O7 C3 B 2026-06-01   100.00  P2 100.00 (after today)

Deals: D1 open lead 1,000.00 (A, 10 %) · D2 open proposal 100.01 override 33 % (B) ·
D3 won 2026-03-01 5,000.00 (A) · D4 won 2026-04-01 2,000.01 (B) · D5 lost 2026-02-01 700.00 (A)
· D6 won 2025-12-31 (outside 2026) · D7 open lead 5,000.00 in the trash.

Quotes: Q1 sent, valid to 06-01, 1,234.56 (A) · Q2 sent, valid to 05-19 (expired) ·
Q3 draft · Q4 sent but in the trash.

Tasks: T1 due 05-10 open (A, overdue) · T2 due 05-10 done · T3 due 05-25 open ·
T4 due 05-19 12:00 open (B, overdue) · T5 due 05-01 open in the trash.

Targets (revenue): A month 2026-04 1,000.00 and 2026-05 2,000.00, A year 2026 10,000.00
(ignored: A has month targets), B quarter 2026-04 1,000.00, B month 2026-05 "activities"
(not revenue), the company (no salesperson) year 2026, A month 2027-01 (outside 2026).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal

from sqlalchemy import select

from sms_desktop.domain.enums import (
    ActivityKind,
    OpportunityStatus,
    OrderStatus,
    PeriodKind,
    QuoteStatus,
    TargetMetric,
)
from sms_desktop.persistence import models as m
from sms_desktop.persistence.db import Database
from sms_desktop.services.workspace import initialize_empty

TODAY = date(2026, 5, 20)


@dataclass(frozen=True)
class DashboardWorld:
    a: int
    b: int
    c1: int
    c2: int
    c3: int
    r1: int
    r2: int
    stage: dict[str, int]


def build_dashboard_world(db: Database, *, c1_name: str = "甲公司") -> DashboardWorld:
    initialize_empty(db, company_name="测试公司", owner_name="王伟")
    with db.write() as s:
        stage = {k: i for i, k in s.execute(select(m.PipelineStage.id, m.PipelineStage.key))}
        a = s.scalar(select(m.Salesperson.id))
        assert a is not None
        sp_b = m.Salesperson(name="李娜")
        c1, c2, c3 = m.Customer(name=c1_name), m.Customer(name="乙公司"), m.Customer(name="丙公司")
        r1 = m.ProductCategory(name_zh="电子", name_en="Electronics")
        r2 = m.ProductCategory(name_zh="服务", name_en="Services")
        s.add_all([sp_b, c1, c2, c3, r1, r2])
        s.flush()
        r1a = m.ProductCategory(name_zh="手机", name_en="Phones", parent_id=r1.id)
        s.add(r1a)
        s.flush()
        products = []
        for sku, category_id in (("P1", r1a.id), ("P2", r2.id), ("P3", None)):
            item = m.Product(
                sku=sku,
                name_zh=sku,
                name_en=sku,
                unit="个",
                category_id=category_id,
                list_price=Decimal(1),
                tax_rate=Decimal(13),
            )
            s.add(item)
            products.append(item)
        s.flush()
        p1, p2, p3 = (p.id for p in products)
        b = sp_b.id
        orders = (
            ("O1", c1.id, a, date(2026, 5, 3), OrderStatus.PAID, [(p1, "600"), (p2, "400")]),
            ("O2", c2.id, b, date(2026, 4, 10), OrderStatus.DELIVERED, [(p3, "500.50")]),
            ("O3", c1.id, b, date(2026, 1, 15), OrderStatus.PAID, [(p1, "2000")]),
            ("O4", c3.id, a, date(2025, 5, 10), OrderStatus.PAID, [(p2, "800")]),
            ("O5", c2.id, a, date(2025, 2, 1), OrderStatus.PAID, [(p2, "300")]),
            ("O6", c3.id, a, date(2026, 5, 5), OrderStatus.CANCELLED, [(p2, "9999")]),
            ("O7", c3.id, b, date(2026, 6, 1), OrderStatus.CONFIRMED, [(p2, "100")]),
        )
        for number, customer, owner, day, order_status, lines in orders:
            net = sum((Decimal(v) for _p, v in lines), Decimal(0))
            order = m.Order(
                number=number,
                customer_id=customer,
                owner_id=owner,
                order_date=day,
                status=order_status,
                subtotal=net,
                tax_total=Decimal(0),
                total=net,
            )
            for position, (product, value) in enumerate(lines, start=1):
                order.lines.append(
                    m.OrderLine(
                        position=position,
                        product_id=product,
                        quantity=Decimal(1),
                        unit_price=Decimal(value),
                        net_amount=Decimal(value),
                        total_amount=Decimal(value),
                    )
                )
            s.add(order)
        deals = (
            ("D1", "lead", OpportunityStatus.OPEN, "1000", a, None, None, False),
            ("D2", "proposal", OpportunityStatus.OPEN, "100.01", b, 33, None, False),
            ("D3", "won", OpportunityStatus.WON, "5000", a, None, date(2026, 3, 1), False),
            ("D4", "won", OpportunityStatus.WON, "2000.01", b, None, date(2026, 4, 1), False),
            ("D5", "lost", OpportunityStatus.LOST, "700", a, None, date(2026, 2, 1), False),
            ("D6", "won", OpportunityStatus.WON, "900", a, None, date(2025, 12, 31), False),
            ("D7", "lead", OpportunityStatus.OPEN, "5000", a, None, None, True),
        )
        for title, key, deal_status, amount, owner, override, closed, deleted in deals:
            s.add(
                m.Opportunity(
                    customer_id=c1.id,
                    title=title,
                    amount=Decimal(amount),
                    stage_id=stage[key],
                    status=deal_status,
                    owner_id=owner,
                    probability_override=override,
                    closed_on=closed,
                    deleted_at=datetime(2026, 5, 1, tzinfo=UTC) if deleted else None,
                )
            )
        quotes = (
            ("Q1", QuoteStatus.SENT, date(2026, 6, 1), "1234.56", False),
            ("Q2", QuoteStatus.SENT, date(2026, 5, 19), "10", False),
            ("Q3", QuoteStatus.DRAFT, date(2026, 6, 1), "20", False),
            ("Q4", QuoteStatus.SENT, date(2026, 6, 1), "30", True),
        )
        for number, quote_status, valid, total, deleted in quotes:
            s.add(
                m.Quote(
                    number=number,
                    customer_id=c2.id,
                    owner_id=a,
                    status=quote_status,
                    issue_date=date(2026, 5, 1),
                    valid_until=valid,
                    total=Decimal(total),
                    deleted_at=datetime(2026, 5, 2, tzinfo=UTC) if deleted else None,
                )
            )
        tasks = (
            ("T1", datetime(2026, 5, 10, 1, tzinfo=UTC), None, a, False),
            (
                "T2",
                datetime(2026, 5, 10, 1, tzinfo=UTC),
                datetime(2026, 5, 10, tzinfo=UTC),
                a,
                False,
            ),
            ("T3", datetime(2026, 5, 25, 1, tzinfo=UTC), None, a, False),
            ("T4", datetime(2026, 5, 19, 12, tzinfo=UTC), None, b, False),
            ("T5", datetime(2026, 5, 1, 1, tzinfo=UTC), None, a, True),
        )
        for subject, due, done, who, deleted in tasks:
            task = m.Activity(
                kind=ActivityKind.CALL,
                subject=subject,
                due_at=due,
                done_at=done,
                assignee_id=who,
                deleted_at=datetime(2026, 5, 2, tzinfo=UTC) if deleted else None,
            )
            s.add(task)
            if deleted:  # as TasksService.delete does: a deleted task is in the trash
                s.flush()
                s.add(
                    m.TrashEntry(
                        entity="activity",
                        entity_id=task.id,
                        label=subject,
                        deleted_at=datetime(2026, 5, 2, tzinfo=UTC),
                    )
                )
        month, quarter, year = PeriodKind.MONTH, PeriodKind.QUARTER, PeriodKind.YEAR
        revenue = TargetMetric.REVENUE
        targets = (
            (a, month, date(2026, 4, 1), revenue, "1000"),
            (a, month, date(2026, 5, 1), revenue, "2000"),
            (a, year, date(2026, 1, 1), revenue, "10000"),
            (b, quarter, date(2026, 4, 1), revenue, "1000"),
            (b, month, date(2026, 5, 1), TargetMetric.ACTIVITIES, "50"),
            (None, year, date(2026, 1, 1), revenue, "50000"),
            (a, month, date(2027, 1, 1), revenue, "7000"),
        )
        for person, kind, start, metric, value in targets:
            s.add(
                m.Target(
                    salesperson_id=person,
                    period_kind=kind,
                    period_start=start,
                    metric=metric,
                    value=Decimal(value),
                )
            )
        return DashboardWorld(a, b, c1.id, c2.id, c3.id, r1.id, r2.id, stage)
