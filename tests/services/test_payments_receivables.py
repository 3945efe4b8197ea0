"""Payments and receivables: partial and multiple payments, a payment across invoices,
over-payment kept as credit, refunds, ageing on fixed dates, collection tasks, collections
targets, and a property test that receivables are invoiced − paid to the cent."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from sms_desktop.domain.enums import (
    OrderStatus,
    PaymentKind,
    PaymentMethod,
    PeriodKind,
    TargetMetric,
)
from sms_desktop.domain.errors import ValidationError
from sms_desktop.domain.orders import AgeBucket
from sms_desktop.domain.targets import Period
from sms_desktop.persistence import models as m
from sms_desktop.services.orders import DeliveryInput, InvoiceInput, OrderDetail, OrderDraft
from sms_desktop.services.payments import PaymentInput
from sms_desktop.services.quotes import LineData
from sms_desktop.services.registry import Services
from tests.services.dataset import World

D = Decimal
DAY = date(2027, 3, 1)


def _invoiced(
    services: Services, customer: int, price: str, number: str, day: date = DAY
) -> OrderDetail:
    """A confirmed order of one line at ``price`` (no tax), delivered and invoiced on ``day``."""
    order = services.orders.save(
        None,
        OrderDraft(
            customer_id=customer,
            order_date=day,
            lines=(LineData(description="货品", quantity=D(1), unit_price=D(price)),),
        ),
        confirm=True,
    )
    services.orders.deliver(order.id, DeliveryInput(day, {order.lines[0].id: D(1)}))
    return services.orders.invoice(order.id, InvoiceInput(number, day))


def _pay(services: Services, customer: int, amount: str, day: date, **kw: object) -> int:
    return services.payments.record(
        PaymentInput(customer, day, D(amount), "CNY", **kw)  # type: ignore[arg-type]
    ).id


def test_partial_payments_then_paid(services: Services, world: World) -> None:
    order = _invoiced(services, world.acme, "1000.00", "F-1")
    _pay(services, world.acme, "400.00", date(2027, 3, 10), method=PaymentMethod.WECHAT)
    assert services.orders.get(order.id).status is OrderStatus.INVOICED
    assert services.receivables.order_balance(order.id, date(2027, 3, 31)) == D("600.00")
    _pay(services, world.acme, "600.00", date(2027, 3, 20))
    after = services.orders.get(order.id)
    assert (after.status, after.paid) == (OrderStatus.PAID, D("1000.00"))
    assert services.receivables.order_balance(order.id, date(2027, 3, 31)) == 0
    # As of a day between the payments only the first counts.
    assert services.receivables.order_balance(order.id, date(2027, 3, 15)) == D("600.00")
    assert [p.method for p in services.payments.of_order(order.id)] == [
        PaymentMethod.WECHAT, PaymentMethod.BANK_TRANSFER]  # fmt: skip


def test_one_payment_across_invoices_and_the_rest_is_credit(
    services: Services, world: World
) -> None:
    a = _invoiced(services, world.acme, "300.00", "F-A", date(2027, 1, 5))
    b = _invoiced(services, world.acme, "500.00", "F-B", date(2027, 2, 5))
    paid = services.payments.record(
        PaymentInput(world.acme, date(2027, 3, 1), D("1000.00"), "CNY", reference="电汇001")
    )
    # oldest due first, then the over-payment stays the customer's
    assert [(x.invoice_number, x.amount) for x in paid.allocations] == [
        ("F-A", D("300.00")), ("F-B", D("500.00"))]  # fmt: skip
    assert paid.unallocated == D("200.00")
    assert services.payments.credit(world.acme, "CNY") == D("200.00")
    assert {services.orders.get(o.id).status for o in (a, b)} == {OrderStatus.PAID}
    report = services.receivables.ageing(date(2027, 3, 1), customer_id=world.acme)
    (row,) = report.customers
    assert (row.open, row.credit) == (D("0.00"), D("200.00"))
    assert all(v >= 0 for v in row.buckets.values())
    # The credit pays a later invoice when applied.
    c = _invoiced(services, world.acme, "150.00", "F-C", date(2027, 3, 2))
    services.payments.allocate(paid.id, {c.invoices[0].id: D("150.00")})
    assert services.payments.credit(world.acme, "CNY") == D("50.00")
    assert services.orders.get(c.id).status is OrderStatus.PAID


def test_a_payment_for_an_order_pays_its_invoices_before_the_older_ones(
    services: Services, world: World
) -> None:
    old = _invoiced(services, world.acme, "300.00", "F-OLD", date(2027, 1, 5))
    this = _invoiced(services, world.acme, "500.00", "F-THIS", date(2027, 2, 5))
    paid = services.payments.record(
        PaymentInput(world.acme, date(2027, 3, 1), D("600.00"), "CNY", order_id=this.id)
    )
    assert [(x.invoice_number, x.amount) for x in paid.allocations] == [
        ("F-OLD", D("100.00")), ("F-THIS", D("500.00"))]  # fmt: skip
    assert services.orders.get(this.id).status is OrderStatus.PAID
    assert services.orders.get(old.id).status is OrderStatus.INVOICED


def test_what_does_not_fit_is_refused_never_lost(services: Services, world: World) -> None:
    a = _invoiced(services, world.acme, "300.00", "F-X")
    inv = a.invoices[0].id
    with pytest.raises(ValidationError):  # more than the invoice has open
        services.payments.record(
            PaymentInput(world.acme, DAY, D("400.00"), "CNY", allocations={inv: D("400.00")})
        )
    with pytest.raises(ValidationError):  # more than the payment
        services.payments.record(
            PaymentInput(world.acme, DAY, D("100.00"), "CNY", allocations={inv: D("200.00")})
        )
    other = _invoiced(services, world.mingda, "300.00", "F-Y")
    with pytest.raises(ValidationError):  # another customer's invoice
        services.payments.record(
            PaymentInput(
                world.acme, DAY, D("100"), "CNY", allocations={other.invoices[0].id: D("100")}
            )
        )
    with pytest.raises(ValidationError):
        services.payments.record(PaymentInput(world.acme, DAY, D("0"), "CNY"))
    with services.db.read() as s:
        assert s.execute(select(m.Payment.id)).first() is None  # nothing half-written


def test_refunds_take_back_from_an_invoice_or_the_credit(services: Services, world: World) -> None:
    order = _invoiced(services, world.acme, "300.00", "F-R")
    _pay(services, world.acme, "350.00", DAY)  # 50.00 over
    assert services.orders.get(order.id).status is OrderStatus.PAID
    with pytest.raises(ValidationError):  # more than the credit
        services.payments.record(
            PaymentInput(world.acme, DAY, D("60.00"), "CNY", kind=PaymentKind.REFUND)
        )
    refund = services.payments.record(
        PaymentInput(world.acme, DAY, D("50.00"), "CNY", kind=PaymentKind.REFUND)
    )
    assert refund.amount == D("-50.00")
    assert services.payments.credit(world.acme, "CNY") == 0
    back = services.payments.record(
        PaymentInput(
            world.acme, date(2027, 3, 2), D("100.00"), "CNY", kind=PaymentKind.REFUND,
            allocations={order.invoices[0].id: D("100.00")},
        )
    )  # fmt: skip
    assert back.allocations[0].amount == D("-100.00")
    assert services.orders.get(order.id).status is OrderStatus.INVOICED
    assert services.receivables.order_balance(order.id, date(2027, 3, 2)) == D("100.00")
    # Undo of recording a payment: removing it opens the invoice again.
    services.payments.remove(back.id)
    assert services.orders.get(order.id).status is OrderStatus.PAID


def test_ageing_on_fixed_dates(services: Services, world: World) -> None:
    as_of = date(2027, 6, 30)
    # net 30: due 30 days after each invoice date
    cases = {  # days overdue on as_of -> bucket
        -5: AgeBucket.NOT_DUE, 0: AgeBucket.NOT_DUE, 1: AgeBucket.D1_30, 30: AgeBucket.D1_30,
        31: AgeBucket.D31_60, 60: AgeBucket.D31_60, 61: AgeBucket.D61_90, 90: AgeBucket.D61_90,
        91: AgeBucket.OVER_90,
    }  # fmt: skip
    for n, late in enumerate(cases):
        day = as_of - timedelta(days=30 + late)
        _invoiced(services, world.acme, f"{n + 1}.00", f"AG-{n}", day)
    _invoiced(services, world.acme, "999.00", "AG-later", as_of + timedelta(days=1))
    report = services.receivables.ageing(as_of, customer_id=world.acme)
    (row,) = report.customers
    expected = dict.fromkeys(AgeBucket, D("0.00"))
    for n, bucket in enumerate(cases.values()):
        expected[bucket] += D(n + 1)
    assert row.buckets == expected
    assert row.open == sum(expected.values()) == report.total_open  # the later one not yet
    assert report.overdue == row.open - expected[AgeBucket.NOT_DUE]
    assert services.receivables.overdue_total(as_of) >= report.overdue


def test_ageing_names_each_customer_by_its_import_code_and_keeps_credit_only_ones(
    services: Services, world: World
) -> None:
    """A customer imported with a code is listed by its first code; one with nothing open
    but money paid in advance is listed with its credit, by its name and fallback code."""
    with services.db.write() as s:
        s.add_all(
            [
                m.ImportKey(entity="customer", code="KH-0007", entity_id=world.acme),
                m.ImportKey(entity="customer", code="KH-0107", entity_id=world.acme),
            ]
        )
        other = m.Customer(name="预付客户")
        s.add(other)
        s.flush()
        prepaid = other.id
    _invoiced(services, world.acme, "300.00", "IC-1", DAY - timedelta(days=45))
    _pay(services, prepaid, "80.00", DAY)
    report = services.receivables.ageing(DAY)
    rows = {r.customer_id: r for r in report.customers}
    assert rows[world.acme].code == "KH-0007"
    assert rows[world.acme].buckets[AgeBucket.D1_30] == D("300.00")
    assert (rows[prepaid].customer, rows[prepaid].code) == ("预付客户", f"C{prepaid:06d}")
    assert (rows[prepaid].open, rows[prepaid].credit) == (D("0.00"), D("80.00"))
    assert rows[prepaid].buckets == dict.fromkeys(AgeBucket, D("0.00"))


def test_collection_tasks_for_overdue_invoices_once(services: Services, world: World) -> None:
    order = _invoiced(services, world.acme, "300.00", "CT-1", date(2027, 1, 1))
    created = services.receivables.create_collection_tasks(date(2027, 3, 1))
    assert len(created) >= 1
    task = services.tasks.get(created[-1])
    assert "CT-1" in task.subject and task.customer_id == world.acme
    assert services.orders.get(order.id).owner_id in (task.assignee_id, None)
    assert services.receivables.create_collection_tasks(date(2027, 3, 2)) == []


def test_collections_target_counts_payments_of_the_owners_orders(
    services: Services, world: World
) -> None:
    a = _invoiced(services, world.acme, "1000.00", "CO-1", date(2027, 3, 1))
    with services.db.write() as s:
        order = s.get(m.Order, a.id)
        assert order is not None
        order.owner_id = world.lina
    _pay(services, world.acme, "400.00", date(2027, 3, 31))
    _pay(services, world.acme, "600.00", date(2027, 4, 1))  # next quarter
    q1 = Period(PeriodKind.QUARTER, date(2027, 1, 1))
    with services.db.read() as s:
        lina = services.targets.actual_in(s, TargetMetric.COLLECTIONS, q1, world.lina)
        company = services.targets.actual_in(s, TargetMetric.COLLECTIONS, q1, None)
    assert lina == company == D("400.00")
    items = services.targets.actual_items(
        PeriodKind.QUARTER, q1.start, TargetMetric.COLLECTIONS, None
    )
    assert [(i.reference, i.value) for i in items] == [(a.number, D("400.00"))]


# ------------------------------------------------------------------------ property


amounts = st.integers(min_value=1, max_value=5_000_00)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    invoices=st.lists(st.tuples(amounts, st.integers(0, 200)), min_size=1, max_size=6),
    payments=st.lists(st.tuples(amounts, st.integers(0, 260)), max_size=6),
    as_of_day=st.integers(0, 300),
)
def test_receivables_are_invoiced_less_paid_and_buckets_add_up(
    empty_services: Services,
    invoices: list[tuple[int, int]],
    payments: list[tuple[int, int]],
    as_of_day: int,
) -> None:
    services = empty_services
    start = date(2026, 1, 1)
    with services.db.write() as s:
        customer = m.Customer(name=f"客户 {len(invoices)}-{len(payments)}-{as_of_day}")
        s.add(customer)
        s.flush()
        cid = customer.id
    for n, (cents, offset) in enumerate(invoices):
        _invoiced(services, cid, str(D(cents) / 100), f"P-{cid}-{n}", start + timedelta(offset))
    for cents, offset in payments:
        _pay(services, cid, str(D(cents) / 100), start + timedelta(offset))
    as_of = start + timedelta(as_of_day)
    with services.db.read() as s:
        invoiced = sum(
            (i.amount_base for i in s.scalars(select(m.Invoice).where(
                m.Invoice.customer_id == cid, m.Invoice.invoice_date <= as_of))),
            D(0),
        )  # fmt: skip
        paid = sum(
            (
                a.amount_base
                for a, p, i in s.execute(
                    select(m.PaymentAllocation, m.Payment, m.Invoice)
                    .join(m.Payment, m.Payment.id == m.PaymentAllocation.payment_id)
                    .join(m.Invoice, m.Invoice.id == m.PaymentAllocation.invoice_id)
                    .where(m.Payment.payment_date <= as_of, m.Invoice.invoice_date <= as_of,
                           m.Invoice.customer_id == cid)
                )
            ),
            D(0),
        )  # fmt: skip
        received = sum(
            (p.amount_base for p in s.scalars(select(m.Payment).where(
                m.Payment.customer_id == cid, m.Payment.payment_date <= as_of))),
            D(0),
        )  # fmt: skip
    report = services.receivables.ageing(as_of, customer_id=cid)
    open_total = sum((r.open for r in report.customers), D(0))
    assert open_total == invoiced - paid
    assert sum(report.total_buckets.values()) == report.total_open == open_total
    assert all(v >= 0 for r in report.customers for v in r.buckets.values())
    credit = sum((r.credit for r in report.customers), D(0))
    # Nothing received is lost: applied (to invoices of any date) plus credit.
    with services.db.read() as s:
        applied = sum(
            (
                a.collected_base
                for a, p in s.execute(
                    select(m.PaymentAllocation, m.Payment)
                    .join(m.Payment, m.Payment.id == m.PaymentAllocation.payment_id)
                    .where(m.Payment.payment_date <= as_of, m.Payment.customer_id == cid)
                )
            ),
            D(0),
        )
    assert applied + credit == received
    # The stored balances the receivables of today read equal their allocations.
    with services.db.read() as s:
        for invoice in s.scalars(select(m.Invoice).where(m.Invoice.customer_id == cid)):
            allocated = s.scalars(
                select(m.PaymentAllocation).where(m.PaymentAllocation.invoice_id == invoice.id)
            ).all()
            assert invoice.paid_base == sum((a.amount_base for a in allocated), D(0))
        for payment in s.scalars(select(m.Payment).where(m.Payment.customer_id == cid)):
            collected = sum((a.collected_base for a in payment.allocations), D(0))
            assert payment.unapplied_base == payment.amount_base - collected


def test_dashboard_shows_collections_of_the_period_and_overdue_receivables(
    services: Services, world: World
) -> None:
    from sms_desktop.services.dashboard import DashboardFilter

    order = _invoiced(services, world.acme, "1000.00", "DB-1", date(2027, 1, 10))  # due 02-09
    _pay(services, world.acme, "250.00", date(2027, 3, 5))
    march = DashboardFilter(date(2027, 3, 1), date(2027, 3, 31))
    kpis = services.dashboard.kpis(march, today=date(2027, 3, 31))
    assert kpis.collections_period == D("250.00")
    assert kpis.overdue_receivables == D("750.00")
    before = services.dashboard.kpis(march, today=date(2027, 2, 9))  # due that day: not late
    assert before.overdue_receivables == 0
    other = DashboardFilter(date(2027, 3, 1), date(2027, 3, 31), owner_id=world.zhang)
    owned = services.orders.get(order.id).owner_id == world.zhang
    assert services.dashboard.kpis(other, today=date(2027, 3, 31)).collections_period == (
        D("250.00") if owned else 0
    )
