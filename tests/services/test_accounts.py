"""Key-account scores in the database: one aggregate per recomputation, changed rows only,
overrides that survive, the list, the grids and white space."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import delete, select, update

from sms_desktop.domain.clock import FixedClock, use_clock
from sms_desktop.domain.enums import OrderStatus
from sms_desktop.domain.segmentation import (
    AbcClass,
    HealthPart,
    RfmSegment,
    SegmentationParams,
    Tier,
)
from sms_desktop.persistence import models as m
from sms_desktop.services.accounts import AccountFilter, AccountsService
from sms_desktop.services.lists import Order
from sms_desktop.services.registry import Services

TODAY = date(2026, 6, 30)
D = Decimal


@pytest.fixture(autouse=True)
def _clock() -> Iterator[None]:
    moment = datetime(2026, 6, 30, 4, 0, tzinfo=UTC)
    with use_clock(FixedClock(moment, ZoneInfo("Asia/Shanghai"))):
        yield


def _order(s: object, customer: int, days_ago: int, amount: int, number: str) -> m.Order:
    order = m.Order(
        number=number,
        customer_id=customer,
        order_date=TODAY - timedelta(days=days_ago),
        subtotal=D(amount),
        total=D(amount),
        cost_total=D(amount) / 2,
        status=OrderStatus.INVOICED,
    )
    s.add(order)  # type: ignore[attr-defined]
    return order


@pytest.fixture
def shop(empty_services: Services) -> tuple[Services, list[int]]:
    """Ten customers: customer i (1-based) has i orders of 100·i, the last i·10 days ago."""
    ids: list[int] = []
    with empty_services.db.write() as s:
        for i in range(1, 11):
            customer = m.Customer(name=f"客户{i:02}", sort_name=f"kehu{i:02}", industry="制造")
            s.add(customer)
            s.flush()
            ids.append(customer.id)
            for k in range(i):
                _order(s, customer.id, i * 10 + 30 * k, 100 * i, f"SO-{i}-{k}")
    return empty_services, ids


def _stored(services: Services) -> dict[int, tuple[object, ...]]:
    with services.db.read() as s:
        rows = s.execute(select(m.AccountScore)).scalars().all()
        return {
            r.customer_id: (r.r, r.f, r.m, r.abc, r.monetary, r.frequency, r.score, r.tier)
            for r in rows
        }


def test_recompute_stores_every_customer_with_orders(shop: tuple[Services, list[int]]) -> None:
    services, ids = shop
    result = services.accounts.recompute()
    assert result.customers == 10 and result.changed == frozenset(ids)
    stored = _stored(services)
    # The largest customer (10 orders of 1000, the last 100 days ago) has the best F and M
    # and the worst R; the smallest the reverse.
    assert stored[ids[9]][:3] == (1, 5, 5)
    assert stored[ids[0]][:3] == (5, 1, 1)
    assert stored[ids[9]][4] == D(10000) and stored[ids[9]][5] == 10
    # Revenue of the last 12 months: 100·i² for i = 1..9 and 9,000 for customer 10 (its
    # tenth order is 370 days old), total 37,500. 10 → 9,000 (0 before: A), 9 → 8,100 (A),
    # 8 → 6,400 (A), 7 → 4,900 (before: 23,500 = 62.7 %: A), 6 → 3,600 (28,400 = 75.7 %: A,
    # the crossing one), 5 → 2,500 (32,000 = 85.3 %: B), 4 → 1,600 (34,500 = 92 %: B),
    # 3 → 900 (36,100 = 96.3 %: C) …
    assert [stored[c][3] for c in ids] == [AbcClass.C] * 3 + [AbcClass.B] * 2 + [AbcClass.A] * 5
    again = services.accounts.recompute()
    assert again.changed == frozenset() and again.removed == frozenset()


def test_an_added_order_changes_only_the_customers_it_affects(
    shop: tuple[Services, list[int]],
) -> None:
    services, ids = shop
    services.accounts.recompute()
    before = _stored(services)
    top = ids[9]
    # One more order of the largest customer, 100 days ago (its last order day): its F, M
    # and ABC ranks stay first, its recency stays; only its own figures change.
    with services.db.write() as s:
        added = _order(s, top, 100, 1000, "SO-extra")
        s.flush()
        added_id = added.id
    result = services.accounts.recompute()
    assert result.changed == frozenset({top})
    after = _stored(services)
    assert after[top][4] == D(11000) and after[top][5] == 11
    assert {c: v for c, v in after.items() if c != top} == {
        c: v for c, v in before.items() if c != top
    }
    # Undone (the order removed): the customer is back where it was, nobody else moved.
    with services.db.write() as s:
        s.execute(delete(m.Order).where(m.Order.id == added_id))
    undone = services.accounts.recompute()
    assert undone.changed == frozenset({top})
    assert _stored(services) == before


def test_a_new_customer_changes_exactly_the_rows_whose_scores_moved(
    shop: tuple[Services, list[int]],
) -> None:
    services, _ids = shop
    services.accounts.recompute()
    before = _stored(services)
    with services.db.write() as s:
        newcomer = m.Customer(name="新客户", sort_name="xinkehu")
        s.add(newcomer)
        s.flush()
        _order(s, newcomer.id, 1, 50, "SO-new")
        new_id = newcomer.id
    result = services.accounts.recompute()
    after = _stored(services)
    moved = {c for c in before if before[c] != after[c]}
    assert result.changed == moved | {new_id}
    assert new_id in after and result.customers == 11


def test_cancelled_orders_and_trashed_customers_do_not_count(
    shop: tuple[Services, list[int]],
) -> None:
    services, ids = shop
    services.accounts.recompute()
    with services.db.write() as s:
        s.execute(
            update(m.Order)
            .where(m.Order.customer_id == ids[0])
            .values(status=OrderStatus.CANCELLED)
        )
        s.execute(
            update(m.Customer)
            .where(m.Customer.id == ids[1])
            .values(deleted_at=datetime(2026, 6, 1, tzinfo=UTC))
        )
    result = services.accounts.recompute()
    assert result.removed == frozenset({ids[0], ids[1]})
    assert set(_stored(services)) == set(ids[2:])


def test_the_manual_tier_survives_recomputation(shop: tuple[Services, list[int]]) -> None:
    services, ids = shop
    services.accounts.recompute()
    small = ids[0]
    assert services.accounts.get(small).tier is Tier.STANDARD  # type: ignore[union-attr]
    services.accounts.set_override(small, Tier.STRATEGIC, "集团战略合作")
    with services.db.write() as s:
        _order(s, small, 0, 10, "SO-small")
    services.accounts.recompute()
    row = services.accounts.get(small)
    assert row is not None
    assert row.tier is Tier.STRATEGIC and row.overridden
    assert row.computed_tier is Tier.STANDARD and row.override_reason == "集团战略合作"
    detail = services.accounts.detail(small)
    assert detail is not None and "集团战略合作" in detail.tier.render()
    only = services.accounts.page_rows(
        AccountFilter(tier=Tier.STRATEGIC), Order("name"), offset=0, limit=50
    )
    assert small in [r.id for r in only]
    services.accounts.set_override(small, None)
    assert services.accounts.get(small).tier is Tier.STANDARD  # type: ignore[union-attr]


def test_the_list_sorts_filters_and_counts_in_sql(shop: tuple[Services, list[int]]) -> None:
    services, ids = shop
    services.accounts.recompute()
    accounts = services.accounts
    by_revenue = accounts.page_rows(
        AccountFilter(), Order("monetary", descending=True), offset=0, limit=3
    )
    assert [r.id for r in by_revenue] == [ids[9], ids[8], ids[7]]
    # Of the period's 37,500: 9,000 = 24 %; 8,100 = 21.6 %; 6,400 = 17.0666 % → 17.07.
    assert [r.abc_share for r in by_revenue] == [D("24.00"), D("21.60"), D("17.07")]
    assert accounts.detail(ids[9]).abc.render() == (  # type: ignore[union-attr]
        "Class A: no. 1 by revenue in the last 12 months, 24.0 % of it; R1 F5 M5"
    )
    assert accounts.count_rows(AccountFilter(abc=AbcClass.A)) == 5
    assert accounts.count_rows(AccountFilter(search="客户0")) == 9
    for key in (
        "name",
        "tier",
        "score",
        "health",
        "abc_rank",
        "recency_days",
        "frequency",
        "clv",
        "rfm_segment",
    ):
        rows = accounts.page_rows(AccountFilter(), Order(key), offset=0, limit=100)  # type: ignore[arg-type]
        assert len(rows) == 10
    assert len(list(accounts.iter_rows(AccountFilter(), Order("name")))) == 10


def test_grids_add_up_to_the_customers(shop: tuple[Services, list[int]]) -> None:
    services, _ids = shop
    services.accounts.recompute()
    accounts = services.accounts
    assert sum(c.customers for c in accounts.rfm_grid()) == 10
    assert sum(c.revenue for c in accounts.rfm_grid()) == D(38500)
    segments = accounts.segments()
    assert [c.key for c in segments] == [s.value for s in RfmSegment]
    assert sum(c.customers for c in segments) == 10
    assert [(c.key, c.customers) for c in accounts.abc_split()] == [("A", 5), ("B", 2), ("C", 3)]
    assert sum(c.customers for c in accounts.tiers()) == 10
    curve = accounts.pareto()
    assert curve[0] == (0.0, 0.0) and curve[-1][0] == pytest.approx(100.0)
    assert curve[-1][1] == pytest.approx(100.0)


def test_settings_drive_the_thresholds(shop: tuple[Services, list[int]]) -> None:
    services, _ids = shop
    services.settings.save_account_params(SegmentationParams(abc_a_percent=50, abc_b_percent=90))
    services.accounts.recompute()
    assert [(c.key, c.customers) for c in services.accounts.abc_split()] == [
        ("A", 3),
        ("B", 3),
        ("C", 4),
    ]


def test_white_space_names_what_peers_buy(empty_services: Services) -> None:
    services = empty_services
    with services.db.write() as s:
        tools = m.ProductCategory(name_zh="工具", name_en="Tools")
        parts = m.ProductCategory(name_zh="配件", name_en="Parts")
        s.add_all([tools, parts])
        s.flush()
        drill = m.Product(
            sku="T1",
            name_zh="电钻",
            name_en="Drill",
            unit="台",
            list_price=D(1),
            tax_rate=D(13),
            category_id=tools.id,
        )
        bolt = m.Product(
            sku="P1",
            name_zh="螺栓",
            name_en="Bolt",
            unit="个",
            list_price=D(1),
            tax_rate=D(13),
            category_id=parts.id,
        )
        s.add_all([drill, bolt])
        s.flush()
        customers = []
        for i in range(4):
            c = m.Customer(name=f"厂{i}", sort_name=f"chang{i}", industry="制造")
            s.add(c)
            s.flush()
            customers.append(c.id)
        # Customer 0 buys only tools; 1–3 buy tools and parts.
        for i, c in enumerate(customers):
            order = _order(s, c, 10, 1000 + 100 * i, f"SO-{i}")
            s.flush()
            lines = [(drill.id, 1000 - (0 if i == 0 else 100 + 200 * i))]
            if i:
                lines.append((bolt.id, 100 + 200 * i + 100 * i))
            for position, (product, net) in enumerate(lines, start=1):
                s.add(
                    m.OrderLine(
                        order_id=order.id,
                        position=position,
                        product_id=product,
                        quantity=D(1),
                        unit_price=D(net),
                        net_amount=D(net),
                        total_amount=D(net),
                    )
                )
    services.accounts.set_override(customers[0], Tier.KEY)
    for c in customers[1:]:
        services.accounts.set_override(c, Tier.KEY)
    services.accounts.recompute()
    space = services.accounts.white_space(customers[0])
    assert [(w.name("en"), w.buyers, w.peers) for w in space] == [("Parts", 3, 3)]
    # Revenue split over the lines by net amount: order 1100 with lines 700 + 400 → parts
    # 1100·400/1100 = 400; order 1200: 500 + 700 → 700; order 1300: 300 + 1000 → 1000.
    assert space[0].typical_revenue == D(700)
    assert services.accounts.white_space(customers[1]) == []


def test_an_empty_database_has_no_scores(empty_services: Services) -> None:
    result = empty_services.accounts.recompute()
    assert result.customers == 0 and result.changed == frozenset()
    assert empty_services.accounts.pareto() == []
    assert isinstance(empty_services.accounts, AccountsService)


def test_survey_summary_per_quarter_and_overall(shop: tuple[Services, list[int]]) -> None:
    services, ids = shop
    with services.db.write() as s:
        for customer, day, score, recommend, text in (
            (ids[0], date(2026, 1, 10), 5, 10, "服务很好"),
            (ids[1], date(2026, 2, 3), 2, 3, "交货慢"),
            (ids[1], date(2026, 5, 20), 4, 9, None),
            (ids[2], date(2025, 1, 1), 1, 0, "too old to count"),
        ):
            s.add(
                m.SatisfactionSurvey(
                    customer_id=customer, surveyed_on=day, score=score, nps=recommend, comments=text
                )
            )
    summary = services.accounts.surveys(quarters=4)  # 2025-Q3 … 2026-Q2 (today 2026-06-30)
    assert [p.label for p in summary.periods] == ["2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2"]
    q1 = summary.periods[2]
    assert (q1.surveys, q1.csat, q1.nps) == (2, D("50.0"), 0)
    assert summary.scores == (0, 1, 0, 1, 1)
    # Promoters 10 and 9, detractor 3 of 3 answers: 33.3 → 33.
    assert (summary.promoters, summary.passives, summary.detractors, summary.nps) == (2, 0, 1, 33)
    assert summary.csat == D("66.7")
    assert [c.text for c in summary.comments] == ["交货慢", "服务很好"]
    mine = services.accounts.surveys(ids[1], quarters=4)
    assert sum(p.surveys for p in mine.periods) == 2


def _invoice(
    s: object, order: m.Order, number: str, amount: int, day: date, due: date
) -> m.Invoice:
    invoice = m.Invoice(
        order_id=order.id,
        customer_id=order.customer_id,
        number=number,
        invoice_date=day,
        due_date=due,
        currency="CNY",
        net_amount=D(amount),
        amount=D(amount),
        net_amount_base=D(amount),
        amount_base=D(amount),
    )
    s.add(invoice)  # type: ignore[attr-defined]
    s.flush()  # type: ignore[attr-defined]
    return invoice


def _paid(s: object, invoice: m.Invoice, amount: int, day: date) -> None:
    payment = m.Payment(
        customer_id=invoice.customer_id,
        payment_date=day,
        amount=D(amount),
        currency="CNY",
        amount_base=D(amount),
    )
    s.add(payment)  # type: ignore[attr-defined]
    s.flush()  # type: ignore[attr-defined]
    s.add(  # type: ignore[attr-defined]
        m.PaymentAllocation(
            payment_id=payment.id,
            invoice_id=invoice.id,
            amount=D(amount),
            amount_base=D(amount),
            collected_base=D(amount),
        )
    )


def test_health_measures_overdue_receivables_from_the_invoices(
    shop: tuple[Services, list[int]],
) -> None:
    services, ids = shop
    with services.db.write() as s:
        orders = {
            o.customer_id: o
            for o in s.scalars(select(m.Order).where(m.Order.customer_id.in_(ids[:2])))
        }
        # Customer 1: 1000 due 7 days ago, 200 of it paid 5 days ago; 300 not due yet.
        late = _invoice(s, orders[ids[0]], "F-1", 1000, TODAY - timedelta(9), TODAY - timedelta(7))
        _paid(s, late, 200, TODAY - timedelta(5))
        _invoice(s, orders[ids[0]], "F-2", 300, TODAY - timedelta(3), TODAY + timedelta(27))
        # Customer 2: invoiced and paid in full.
        paid = _invoice(s, orders[ids[1]], "F-3", 400, TODAY - timedelta(60), TODAY - timedelta(30))
        _paid(s, paid, 400, TODAY - timedelta(31))
    services.accounts.recompute()
    rows = {cid: services.accounts.get(cid) for cid in ids[:3]}
    # 800 of 1100 open is past due: 100 × (1 − 800/1100) = 27.3 → 27.
    assert rows[ids[0]] is not None and rows[ids[0]].health_receivables == 27
    assert rows[ids[1]] is not None and rows[ids[1]].health_receivables == 100
    assert rows[ids[2]] is not None and rows[ids[2]].health_receivables is None  # never invoiced
    detail = services.accounts.detail(ids[0])
    assert detail is not None and dict(detail.health)[HealthPart.RECEIVABLES] == 27
    # As of 8 days ago F-1 was not due yet and F-2 not issued: 0 of 1000 late.
    earlier = services.accounts.compute(TODAY - timedelta(8))
    (first,) = [sc for sc in earlier.scores if sc.customer_id == ids[0]]
    assert first.health_receivables == 100
    # As of 5 days ago (the payment day): 800 past due of 800 open → 0.
    on_payment = services.accounts.compute(TODAY - timedelta(5))
    (first,) = [sc for sc in on_payment.scores if sc.customer_id == ids[0]]
    assert first.health_receivables == 0
