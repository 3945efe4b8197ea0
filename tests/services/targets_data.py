"""The hand-computed targets fixture (see the docstring of ``test_targets.py``)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

from sms_desktop.domain.enums import (
    OpportunityStatus,
    OrderStatus,
    PeriodKind,
    SalespersonRole,
    StageKind,
)
from sms_desktop.domain.targets import Period
from sms_desktop.persistence import models as m
from sms_desktop.services.registry import Services
from sms_desktop.services.targets import TargetsService

D = Decimal
Q2 = Period(PeriodKind.QUARTER, date(2025, 4, 1))
TODAY = date(2025, 7, 15)


def _at(y: int, mo: int, d: int, h: int = 12, mi: int = 0, s: int = 0) -> datetime:
    return datetime(y, mo, d, h, mi, s, tzinfo=UTC)


def build_targets_world(empty_services: Services) -> TargetsService:
    """The hand-computed fixture described in ``test_targets.py``."""
    db = empty_services.db
    with db.write() as s:
        s.add_all(
            [
                m.Salesperson(id=1, name="王伟", role=SalespersonRole.OWNER),
                m.Salesperson(id=2, name="李娜"),
                m.Salesperson(id=3, name="赵敏", active=False),
                m.PipelineStage(
                    id=1,
                    key="lead",
                    name_zh="线索",
                    name_en="Lead",
                    position=1,
                    default_probability=10,
                ),
                m.PipelineStage(
                    id=2,
                    key="won",
                    name_zh="赢单",
                    name_en="Won",
                    position=2,
                    kind=StageKind.WON,
                    default_probability=100,
                ),
                m.PipelineStage(
                    id=3,
                    key="lost",
                    name_zh="输单",
                    name_en="Lost",
                    position=3,
                    kind=StageKind.LOST,
                    default_probability=0,
                ),
                m.Customer(id=1, name="Acme", owner_id=2),
                m.Customer(id=2, name="Beta", owner_id=1),
                m.Customer(id=3, name="Gamma"),
            ]
        )
        s.flush()

        def order(
            oid: int,
            cid: int,
            owner: int | None,
            day: date,
            total: str,
            sub: str,
            cost: str,
            paid: str = "0",
            paid_on: date | None = None,
            status: OrderStatus = OrderStatus.INVOICED,
            opportunity: int | None = None,
        ) -> None:
            s.add(
                m.Order(
                    id=oid,
                    number=f"SO-{oid}",
                    customer_id=cid,
                    owner_id=owner,
                    order_date=day,
                    total=D(total),
                    subtotal=D(sub),
                    cost_total=D(cost),
                    status=status,
                    opportunity_id=opportunity,
                )
            )
            if D(paid) > 0:  # invoiced on the order date, paid on ``paid_on``
                s.flush()
                invoice = m.Invoice(
                    order_id=oid,
                    customer_id=cid,
                    number=f"INV-{oid}",
                    invoice_date=day,
                    due_date=day,
                    currency="CNY",
                    net_amount=D(sub),
                    tax_amount=D(total) - D(sub),
                    amount=D(total),
                    net_amount_base=D(sub),
                    tax_amount_base=D(total) - D(sub),
                    amount_base=D(total),
                )
                payment = m.Payment(
                    customer_id=cid,
                    payment_date=paid_on,
                    amount=D(paid),
                    currency="CNY",
                    amount_base=D(paid),
                )
                s.add_all([invoice, payment])
                s.flush()
                s.add(
                    m.PaymentAllocation(
                        payment_id=payment.id,
                        invoice_id=invoice.id,
                        amount=D(paid),
                        amount_base=D(paid),
                        collected_base=D(paid),
                    )
                )

        def deal(
            did: int,
            owner: int,
            status: OpportunityStatus,
            created: datetime,
            closed: date | None,
            amount: str = "1000",
            expected: date | None = None,
            deleted: bool = False,
        ) -> None:
            stage = {"open": 1, "won": 2, "lost": 3}[status.value]
            s.add(
                m.Opportunity(
                    id=did,
                    customer_id=1,
                    title=f"Deal {did}",
                    amount=D(amount),
                    stage_id=stage,
                    owner_id=owner,
                    status=status,
                    closed_on=closed,
                    created_at=created,
                    expected_close=expected,
                    probability_override=60 if expected else None,
                    deleted_at=_at(2025, 6, 1) if deleted else None,
                )
            )

        deal(1, 1, OpportunityStatus.WON, _at(2025, 3, 22), date(2025, 4, 1), "2000")
        deal(2, 1, OpportunityStatus.WON, _at(2025, 6, 10), date(2025, 6, 30), "500")
        deal(3, 2, OpportunityStatus.WON, _at(2025, 3, 1), date(2025, 3, 31))
        deal(4, 1, OpportunityStatus.LOST, _at(2025, 4, 1), date(2025, 5, 1))
        deal(5, 2, OpportunityStatus.WON, _at(2025, 4, 1), date(2025, 5, 1), deleted=True)
        deal(6, 2, OpportunityStatus.OPEN, _at(2025, 4, 1), None, "10000", date(2025, 6, 15))
        s.flush()
        order(1, 1, 1, date(2025, 3, 31), "1000", "900", "500", "1000", date(2025, 4, 2))
        order(
            2,
            1,
            1,
            date(2025, 4, 1),
            "2000",
            "1800",
            "1000",
            "500",
            date(2025, 4, 10),
            opportunity=1,
        )
        order(3, 1, 2, date(2025, 6, 30), "3000", "2700", "1200")
        order(4, 2, 1, date(2025, 5, 5), "9999", "9999", "0", status=OrderStatus.CANCELLED)
        order(5, 2, 1, date(2025, 5, 6), "113", "100", "40", "113", date(2025, 7, 1))
        order(6, 3, None, date(2025, 7, 1), "50", "50", "0")

        def activity(aid: int, who: int, done: datetime | None, deleted: bool = False) -> None:
            s.add(
                m.Activity(
                    id=aid,
                    kind="call",
                    subject=f"Call {aid}",
                    due_at=_at(2025, 4, 1),
                    assignee_id=who,
                    customer_id=1,
                    done_at=done,
                    deleted_at=_at(2025, 6, 1) if deleted else None,
                )
            )

        activity(1, 1, _at(2025, 4, 1, 0, 0, 0))
        activity(2, 1, _at(2025, 6, 30, 23, 59, 59))
        activity(3, 2, _at(2025, 7, 1, 0, 0, 0))
        activity(4, 2, _at(2025, 5, 1), deleted=True)
        activity(5, 2, None)
    return TargetsService(db, tz=UTC)
