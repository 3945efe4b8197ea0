"""Account plans: create, edit, one plan per customer and year, actions, and the KPIs by the
one revenue rule, with hand-computed answers."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from sms_desktop.domain.clock import FixedClock, use_clock
from sms_desktop.domain.enums import AccountPlanStatus, ActivityKind, OrderStatus
from sms_desktop.domain.errors import ValidationError
from sms_desktop.persistence import models as m
from sms_desktop.services.account_plans import PlanInput, percent
from sms_desktop.services.registry import Services
from sms_desktop.services.tasks import TaskInput

TODAY = date(2026, 6, 30)
D = Decimal


@pytest.fixture(autouse=True)
def _clock() -> Iterator[None]:
    with use_clock(FixedClock(datetime(2026, 6, 30, 4, 0, tzinfo=UTC), ZoneInfo("Asia/Shanghai"))):
        yield


def _order(number: str, customer: int, day: date, net: int, status: OrderStatus) -> m.Order:
    return m.Order(
        number=number,
        customer_id=customer,
        order_date=day,
        subtotal=D(net),
        total=D(net) * D("1.13"),
        cost_total=D(net) / 2,
        status=status,
    )


@pytest.fixture
def account(empty_services: Services) -> tuple[Services, int]:
    """华夏机械 (potential 40,000/year): 2026 orders of 10,000 and 2,000 net (one of 5,000
    cancelled, one of 3,000 dated 2025); a deal of 8,000 open, one lost; 1,500 invoiced and
    overdue of which 500 paid; last contact on 2026-06-20 (Shanghai)."""
    services = empty_services
    with services.db.write() as s:
        customer = m.Customer(name="华夏机械", sort_name="huaxia", potential_value=D(40000))
        s.add(customer)
        s.flush()
        cid = customer.id
        orders = [
            _order("SO-1", cid, date(2026, 2, 10), 10000, OrderStatus.DELIVERED),
            _order("SO-2", cid, date(2026, 5, 3), 2000, OrderStatus.CONFIRMED),
            _order("SO-3", cid, date(2026, 4, 1), 5000, OrderStatus.CANCELLED),
            _order("SO-4", cid, date(2025, 12, 31), 3000, OrderStatus.DELIVERED),
            _order("SO-5", cid, date(2026, 7, 2), 9000, OrderStatus.CONFIRMED),  # after today
        ]
        s.add_all(orders)
        s.flush()
        stage = s.query(m.PipelineStage).first()
        if stage is None:
            stage = m.PipelineStage(
                key="lead", name_zh="线索", name_en="Lead", position=1, default_probability=10
            )
            s.add(stage)
            s.flush()
        s.add_all(
            [
                m.Opportunity(customer_id=cid, title="扩产", amount=D(8000), stage_id=stage.id),
                m.Opportunity(
                    customer_id=cid,
                    title="旧项目",
                    amount=D(6000),
                    stage_id=stage.id,
                    status="lost",
                ),
            ]
        )
        invoice = m.Invoice(
            order_id=orders[0].id,
            customer_id=cid,
            number="F-1",
            invoice_date=date(2026, 5, 1),
            due_date=date(2026, 5, 31),
            currency="CNY",
            net_amount=D(1500),
            amount=D(1500),
            net_amount_base=D(1500),
            amount_base=D(1500),
        )
        s.add(invoice)
        s.flush()
        payment = m.Payment(
            customer_id=cid,
            payment_date=date(2026, 6, 10),
            amount=D(500),
            currency="CNY",
            amount_base=D(500),
        )
        s.add(payment)
        s.flush()
        s.add(
            m.PaymentAllocation(
                payment_id=payment.id,
                invoice_id=invoice.id,
                amount=D(500),
                amount_base=D(500),
                collected_base=D(500),
            )
        )
        s.merge(
            m.CustomerStats(
                customer_id=cid, last_interaction_at=datetime(2026, 6, 20, 2, 0, tzinfo=UTC)
            )
        )
    return services, cid


def test_percent_rounds_half_up_and_needs_a_whole() -> None:
    assert percent(D(12000), D(40000)) == D("30.0")
    assert percent(D(1), D(3)) == D("33.3") and percent(D(2), D(3)) == D("66.7")
    assert percent(D(1), D(0)) is None


def test_create_edit_and_one_plan_per_year(account: tuple[Services, int]) -> None:
    services, cid = account
    plans = services.account_plans
    plan_id = plans.create(
        PlanInput(cid, 2026, objectives=" 全年 5 万，开发液压件 ", target_revenue=D(50000))
    )
    row = plans.get(plan_id)
    assert (row.customer, row.year, row.objectives, row.status) == (
        "华夏机械",
        2026,
        "全年 5 万，开发液压件",
        AccountPlanStatus.DRAFT,
    )
    with pytest.raises(ValidationError) as error:
        plans.create(PlanInput(cid, 2026))
    assert "year" in error.value.errors
    with pytest.raises(ValidationError) as error:
        plans.create(PlanInput(cid, 2027, target_revenue=D("-1")))
    assert "target_revenue" in error.value.errors
    plans.update(
        plan_id,
        row.as_input().__class__(
            cid,
            2026,
            AccountPlanStatus.ACTIVE,
            "全年 5 万",
            "每月拜访",
            "竞争对手降价",
            D(40000),
            date(2026, 9, 30),
        ),
    )
    after = plans.get(plan_id)
    assert (after.status, after.strategy, after.target_revenue, after.review_on) == (
        AccountPlanStatus.ACTIVE,
        "每月拜访",
        D(40000),
        date(2026, 9, 30),
    )
    assert [p.id for p in plans.list(cid)] == [plan_id]
    plans.delete(plan_id)
    assert plans.list(cid) == []


def test_kpis_by_the_revenue_rule(account: tuple[Services, int]) -> None:
    services, cid = account
    plan_id = services.account_plans.create(PlanInput(cid, 2026, target_revenue=D(40000)))
    k = services.account_plans.kpis(plan_id)
    # 2026 up to today: 10,000 + 2,000 net; cancelled, 2025 and future orders left out.
    assert (k.period_start, k.period_end, k.revenue) == (date(2026, 1, 1), TODAY, D(12000))
    assert k.attainment == D("30.0")  # 12,000 / 40,000
    assert (k.potential, k.share_of_wallet) == (D(40000), D("30.0"))
    assert (k.open_deals, k.open_amount) == (1, D(8000))
    assert k.overdue == D(1000)  # 1,500 due 05-31 less 500 paid
    assert k.last_contact == date(2026, 6, 20)
    # A past year counts all of that year.
    old = services.account_plans.create(PlanInput(cid, 2025, target_revenue=D(0)))
    k = services.account_plans.kpis(old)
    assert (k.period_end, k.revenue, k.attainment) == (date(2025, 12, 31), D(3000), None)


def test_actions_are_the_plans_tasks(account: tuple[Services, int]) -> None:
    services, cid = account
    plan_id = services.account_plans.create(PlanInput(cid, 2026))
    due = datetime(2026, 7, 5, 1, 0, tzinfo=UTC)
    task = services.tasks.create(
        TaskInput(kind=ActivityKind.VISIT, subject="拜访采购部", due_at=due, customer_id=cid)
    )
    services.account_plans.link_action(plan_id, task)
    services.account_plans.link_action(plan_id, task)  # once only
    (action,) = services.account_plans.get(plan_id).actions
    assert (action.activity_id, action.subject, action.done) == (task, "拜访采购部", False)
    assert TODAY + timedelta(days=5) == action.due_at.astimezone(ZoneInfo("Asia/Shanghai")).date()
