"""FunnelService: every figure against a small hand-computed stage history.

The history (owner 王伟, period 2026-01-01 … 2026-03-31; times UTC; stages by position:
lead 0, qualified 1, needs 2, proposal 3, negotiation 4, then won and lost):

    D1 won   10,000.00  created 01-05 23:00  lead 01-05 23:00 → qualified 01-08 23:00
                        → needs 01-13 11:00 → proposal 01-15 23:00 → negotiation 01-20 23:00
                        → won 01-25 23:00; closed_on 01-26 (the local day)
    D2 won    5,000.01  created 02-01 10:00  lead 02-01 10:00 → proposal 02-03 10:00 (skips two)
                        → won 02-10 22:00; closed_on 02-11
    D3 lost r1 3,000.00 created 01-10 08:00  lead 01-10 08:00 → qualified 01-11 08:00
                        → needs 01-13 20:00 → lost 01-20 05:36
    D4 lost —  2,000.00 created 03-01 12:00  lead 03-01 12:00 → lost 03-02 00:00 (no reason)
    D5 lost r1 1,200.00 created 02-15 09:00  lead 02-15 09:00 → negotiation 02-16 09:00
                        → lost 02-26 09:00
    D6 open (reopened)  created 01-20 09:00  lead 01-20 09:00 → qualified 01-22 09:00
                        → lost 01-25 09:00 → needs 02-04 09:00 (reopened, now in needs)
    D7 open             created 03-31 23:30  lead 03-31 23:30 (UTC day 03-31: inside)
    D8 lost r2 2,000.00 created 03-10 09:00  proposal 03-10 09:00 (created there) → lost 03-17
    D9 open             created 02-20 09:00  no history rows; current stage qualified

and, outside the cohort: X1 created 2025-12-31 23:59:59 and X2 created 2026-04-01 00:00 (just
outside the period), X3 of another owner (won 50,000.00), X4 in the trash.
"""

from __future__ import annotations

import time as timer
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from sms_desktop.domain.enums import OpportunityStatus
from sms_desktop.persistence import models as m
from sms_desktop.persistence.db import Database
from sms_desktop.services.funnel import FunnelReport, FunnelService, LostReasonCount, percent
from sms_desktop.services.registry import Services
from sms_desktop.services.workspace import initialize_empty

Q1_FROM, Q1_TO = date(2026, 1, 1), date(2026, 3, 31)


def at(month: int, day: int, hour: int = 0, minute: int = 0, year: int = 2026) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


@dataclass(frozen=True)
class History:
    owner: int
    other_owner: int
    stage: dict[str, int]
    reason: dict[str, int]


def _deal(
    session: Session,
    ids: History,
    customer_id: int,
    title: str,
    *,
    created: datetime,
    moves: list[tuple[str, datetime]],
    status: OpportunityStatus = OpportunityStatus.OPEN,
    current: str | None = None,
    amount: str = "0.00",
    closed_on: date | None = None,
    reason: str | None = None,
    owner: int | None = None,
    deleted: bool = False,
) -> None:
    """One opportunity and its stage history (``moves``: stage key and time, in order)."""
    stage = current or (moves[-1][0] if moves else "lead")
    deal = m.Opportunity(
        customer_id=customer_id,
        title=title,
        amount=Decimal(amount),
        stage_id=ids.stage[stage],
        status=status,
        owner_id=ids.owner if owner is None else owner,
        closed_on=closed_on,
        lost_reason_id=None if reason is None else ids.reason[reason],
        created_at=created,
        updated_at=created,
        stage_changed_at=moves[-1][1] if moves else created,
        deleted_at=created + timedelta(days=1) if deleted else None,
    )
    session.add(deal)
    session.flush()
    previous: int | None = None
    for key, when in moves:
        session.add(
            m.StageChange(
                opportunity_id=deal.id,
                from_stage_id=previous,
                to_stage_id=ids.stage[key],
                changed_at=when,
            )
        )
        previous = ids.stage[key]


@pytest.fixture
def history(empty_services: Services) -> tuple[Database, History]:
    db = empty_services.db
    initialize_empty(db, company_name="测试公司", owner_name="王伟")
    with db.write() as s:
        stages = {
            key: stage_id
            for stage_id, key in s.execute(select(m.PipelineStage.id, m.PipelineStage.key))
        }
        owner = s.scalar(select(m.Salesperson.id))
        assert owner is not None
        other = m.Salesperson(name="李娜")
        customer = m.Customer(name="华夏科技有限公司")
        s.add_all([other, customer])
        s.flush()
        reasons = dict(
            zip(
                ("r1", "r2", "r3"),
                s.scalars(select(m.LostReason.id).order_by(m.LostReason.position)),
                strict=False,
            )
        )
        ids = History(owner, other.id, stages, reasons)
        won, lost = OpportunityStatus.WON, OpportunityStatus.LOST
        c = customer.id
        _deal(s, ids, c, "D1", created=at(1, 5, 23), status=won, amount="10000.00",
              closed_on=date(2026, 1, 26),
              moves=[("lead", at(1, 5, 23)), ("qualified", at(1, 8, 23)),
                     ("needs_analysis", at(1, 13, 11)), ("proposal", at(1, 15, 23)),
                     ("negotiation", at(1, 20, 23)), ("won", at(1, 25, 23))])  # fmt: skip
        _deal(s, ids, c, "D2", created=at(2, 1, 10), status=won, amount="5000.01",
              closed_on=date(2026, 2, 11),
              moves=[("lead", at(2, 1, 10)), ("proposal", at(2, 3, 10)),
                     ("won", at(2, 10, 22))])  # fmt: skip
        _deal(s, ids, c, "D3", created=at(1, 10, 8), status=lost, amount="3000.00",
              closed_on=date(2026, 1, 20), reason="r1",
              moves=[("lead", at(1, 10, 8)), ("qualified", at(1, 11, 8)),
                     ("needs_analysis", at(1, 13, 20)), ("lost", at(1, 20, 5, 36))])  # fmt: skip
        _deal(s, ids, c, "D4", created=at(3, 1, 12), status=lost, amount="2000.00",
              closed_on=date(2026, 3, 2),
              moves=[("lead", at(3, 1, 12)), ("lost", at(3, 2))])  # fmt: skip
        _deal(s, ids, c, "D5", created=at(2, 15, 9), status=lost, amount="1200.00",
              closed_on=date(2026, 2, 26), reason="r1",
              moves=[("lead", at(2, 15, 9)), ("negotiation", at(2, 16, 9)),
                     ("lost", at(2, 26, 9))])  # fmt: skip
        _deal(s, ids, c, "D6", created=at(1, 20, 9), amount="4000.00",
              moves=[("lead", at(1, 20, 9)), ("qualified", at(1, 22, 9)), ("lost", at(1, 25, 9)),
                     ("needs_analysis", at(2, 4, 9))])  # fmt: skip
        _deal(s, ids, c, "D7", created=at(3, 31, 23, 30), moves=[("lead", at(3, 31, 23, 30))])
        _deal(s, ids, c, "D8", created=at(3, 10, 9), status=lost, amount="2000.00",
              closed_on=date(2026, 3, 17), reason="r2",
              moves=[("proposal", at(3, 10, 9)), ("lost", at(3, 17, 9))])  # fmt: skip
        _deal(s, ids, c, "D9", created=at(2, 20, 9), current="qualified", moves=[])
        # Outside the cohort: each would change several figures if it leaked in.
        _deal(s, ids, c, "X1", created=datetime(2025, 12, 31, 23, 59, 59, tzinfo=UTC),
              status=won, amount="99999.00", closed_on=date(2026, 1, 3),
              moves=[("lead", at(12, 31, 23, 59, year=2025)), ("won", at(1, 3))])  # fmt: skip
        _deal(s, ids, c, "X2", created=at(4, 1), status=lost, amount="500.00",
              closed_on=date(2026, 4, 2), reason="r3",
              moves=[("lead", at(4, 1)), ("lost", at(4, 2))])  # fmt: skip
        _deal(s, ids, c, "X3", created=at(2, 10, 9), status=won, amount="50000.00",
              closed_on=date(2026, 2, 20), owner=other.id,
              moves=[("lead", at(2, 10, 9)), ("won", at(2, 20, 9))])  # fmt: skip
        _deal(s, ids, c, "X4", created=at(2, 10, 9), status=lost, amount="700.00",
              closed_on=date(2026, 2, 12), reason="r3", deleted=True,
              moves=[("lead", at(2, 10, 9)), ("proposal", at(2, 11, 9)),
                     ("lost", at(2, 12, 9))])  # fmt: skip
    return db, ids


def test_every_figure_of_the_hand_computed_history(history: tuple[Database, History]) -> None:
    db, ids = history
    report = FunnelService(db).report(Q1_FROM, Q1_TO, owner_id=ids.owner)

    assert (report.period_from, report.period_to, report.owner_id) == (Q1_FROM, Q1_TO, ids.owner)
    # Cohort D1…D9 (X1/X2 outside the period, X3 another owner, X4 in the trash).
    assert report.created == 9
    assert (report.won, report.lost) == (2, 4)  # D1 D2 | D3 D4 D5 D8; D6 (reopened) is open
    assert report.win_rate == Decimal("33.3")  # 2 / 6 = 33.33…
    assert report.won_amount == Decimal("15000.01")  # 10,000.00 + 5,000.01
    assert report.average_deal_size == Decimal("7500.01")  # 7,500.005, half up
    # D1: 01-05 (UTC day of 23:00) → 01-26 = 21 days; D2: 02-01 → 02-11 = 10; (21 + 10) / 2.
    assert report.average_cycle_days == Decimal("15.5")

    # Furthest open stage of the non-won deals: D3 needs(2), D4 lead(0), D5 negotiation(4),
    # D6 needs(2, history and current), D7 lead(0), D8 proposal(3), D9 qualified(1, current
    # stage only); the two won deals reached every stage.
    #   lead 2 + 7 = 9, qualified 2 + 5 = 7, needs 2 + 4 = 6, proposal 2 + 2 = 4,
    #   negotiation 2 + 1 = 3.
    # Conversions: 7/9 = 77.78 → 77.8, 6/7 = 85.71 → 85.7, 4/6 = 66.67 → 66.7, 3/4 = 75.0.
    # Days in stage (changes into the stage followed by another change):
    #   lead:        D1 3.0, D2 2.0, D3 1.0, D4 0.5, D5 1.0, D6 2.0 → 9.5 / 6 = 1.583 → 1.6
    #   qualified:   D1 4.5, D3 2.5, D6 3.0 → 10.0 / 3 = 3.33 → 3.3
    #   needs:       D1 2.5, D3 6.4 (01-13 20:00 → 01-20 05:36) → 8.9 / 2 = 4.45 → 4.5 (half up)
    #                (D6's change into needs is its last: not counted)
    #   proposal:    D1 5.0, D2 7.5, D8 7.0 → 19.5 / 3 = 6.5
    #   negotiation: D1 5.0, D5 10.0 → 15.0 / 2 = 7.5
    #   (D6's 10 days in "lost" before the reopening belong to the lost stage: no row.)
    got = [(s.key, s.reached, s.conversion_to_next, s.average_days_in_stage) for s in report.stages]
    assert got == [
        ("lead", 9, Decimal("77.8"), Decimal("1.6")),
        ("qualified", 7, Decimal("85.7"), Decimal("3.3")),
        ("needs_analysis", 6, Decimal("66.7"), Decimal("4.5")),
        ("proposal", 4, Decimal("75.0"), Decimal("6.5")),
        ("negotiation", 3, None, Decimal("7.5")),
    ]
    assert [(s.stage_id, s.name_zh, s.name_en) for s in report.stages] == [
        (ids.stage["lead"], "线索", "Lead"),
        (ids.stage["qualified"], "初步接洽", "Qualified"),
        (ids.stage["needs_analysis"], "需求分析", "Needs analysis"),
        (ids.stage["proposal"], "方案报价", "Proposal"),
        (ids.stage["negotiation"], "商务谈判", "Negotiation"),
    ]

    # Lost: D3 r1 3,000.00, D5 r1 1,200.00, D8 r2 2,000.00, D4 no reason 2,000.00.
    # r2 and "no reason" tie on count and amount: the reason without a row goes last.
    assert report.lost_reasons == (
        LostReasonCount(ids.reason["r1"], "价格太高", "Price too high", 2, Decimal("4200.00")),
        LostReasonCount(
            ids.reason["r2"], "选择了竞争对手", "Chose a competitor", 1, Decimal("2000.00")
        ),
        LostReasonCount(None, "", "", 1, Decimal("2000.00")),
    )


def test_all_owners_and_the_other_owner(history: tuple[Database, History]) -> None:
    db, ids = history
    service = FunnelService(db)
    everyone = service.report(Q1_FROM, Q1_TO)
    # D1…D9 plus X3 (won 50,000.00, created 02-10, lead 02-10 09:00 → won 02-20 09:00).
    assert everyone.owner_id is None
    assert (everyone.created, everyone.won, everyone.lost) == (10, 3, 4)
    assert everyone.win_rate == Decimal("42.9")  # 3 / 7 = 42.857…
    assert everyone.won_amount == Decimal("65000.01")
    assert everyone.average_deal_size == Decimal("21666.67")  # 65,000.01 / 3 = 21,666.67
    assert everyone.average_cycle_days == Decimal("13.7")  # (21 + 10 + 10) / 3 = 13.67
    assert [s.reached for s in everyone.stages] == [10, 8, 7, 5, 4]
    # lead gains X3's 10.0 days: (9.5 + 10.0) / 7 = 2.79
    assert everyone.stages[0].average_days_in_stage == Decimal("2.8")

    other = service.report(Q1_FROM, Q1_TO, owner_id=ids.other_owner)
    assert (other.created, other.won, other.lost, other.win_rate) == (1, 1, 0, Decimal("100.0"))
    assert [s.reached for s in other.stages] == [1, 1, 1, 1, 1]
    assert [s.conversion_to_next for s in other.stages] == [Decimal("100.0")] * 4 + [None]
    assert other.average_cycle_days == Decimal("10.0")
    assert other.lost_reasons == ()


def test_period_edges_are_utc_days(history: tuple[Database, History]) -> None:
    db, ids = history
    service = FunnelService(db)
    # X1 (2025-12-31 23:59:59) is on the last day, X2 (2026-04-01 00:00) the day after.
    assert service.report(date(2025, 12, 31), date(2025, 12, 31), ids.owner).created == 1
    assert service.report(date(2026, 4, 1), date(2026, 4, 1), ids.owner).created == 1
    # D7 (03-31 23:30 UTC, already April 1st in Beijing) counts on its UTC day.
    march_31 = service.report(date(2026, 3, 31), date(2026, 3, 31), ids.owner)
    assert march_31.created == 1
    assert [s.reached for s in march_31.stages] == [1, 0, 0, 0, 0]
    assert march_31.stages[0].conversion_to_next == Decimal("0.0")
    assert march_31.stages[1].conversion_to_next is None  # nothing reached qualified
    assert march_31.stages[0].average_days_in_stage is None  # its only change is its last


def test_an_empty_period(history: tuple[Database, History]) -> None:
    db, ids = history
    report = FunnelService(db).report(date(2024, 1, 1), date(2024, 12, 31), ids.owner)
    assert report == FunnelReport(
        period_from=date(2024, 1, 1),
        period_to=date(2024, 12, 31),
        owner_id=ids.owner,
        stages=report.stages,
        created=0,
        won=0,
        lost=0,
        win_rate=None,
        won_amount=Decimal("0.00"),
        average_deal_size=None,
        average_cycle_days=None,
        lost_reasons=(),
    )
    assert [(s.reached, s.conversion_to_next, s.average_days_in_stage) for s in report.stages] == [
        (0, None, None)
    ] * 5


def test_a_reversed_period_is_refused(history: tuple[Database, History]) -> None:
    db, _ = history
    with pytest.raises(ValueError, match="ends before it starts"):
        FunnelService(db).report(Q1_TO, Q1_FROM)
    one_day = FunnelService(db).report(Q1_TO, Q1_TO)  # a single day is a valid period
    assert one_day.created == 1  # D7


def test_archived_stages_have_no_row_but_still_count_as_later(
    history: tuple[Database, History],
) -> None:
    db, ids = history
    with db.write() as s:
        s.execute(
            update(m.PipelineStage).where(m.PipelineStage.key == "proposal").values(archived=True)
        )
    report = FunnelService(db).report(Q1_FROM, Q1_TO, owner_id=ids.owner)
    # D8 only ever was in proposal (3): it still reached lead, qualified and needs.
    assert [(s.key, s.reached, s.conversion_to_next) for s in report.stages] == [
        ("lead", 9, Decimal("77.8")),
        ("qualified", 7, Decimal("85.7")),
        ("needs_analysis", 6, Decimal("50.0")),  # negotiation 3 / 6
        ("negotiation", 3, None),
    ]


def test_a_won_deal_without_closing_day_is_left_out_of_the_cycle_only(
    history: tuple[Database, History],
) -> None:
    db, ids = history
    with db.write() as s:
        s.execute(update(m.Opportunity).where(m.Opportunity.title == "D2").values(closed_on=None))
    report = FunnelService(db).report(Q1_FROM, Q1_TO, owner_id=ids.owner)
    assert report.won == 2
    assert report.won_amount == Decimal("15000.01")
    assert report.average_cycle_days == Decimal("21.0")  # D1 alone


def test_percent_rounds_half_up() -> None:
    assert percent(1, 16) == Decimal("6.3")  # 6.25: half up, not to even
    assert percent(1, 8) == Decimal("12.5")
    assert percent(2, 3) == Decimal("66.7")
    assert percent(0, 5) == Decimal("0.0")
    assert percent(3, 0) is None


def test_a_large_cohort_is_computed_in_sql(history: tuple[Database, History]) -> None:
    """5,000 more deals with 4 changes each: the report stays far from a second."""
    db, ids = history
    with db.write() as s:
        customer = s.scalar(select(m.Customer.id))
        deals = [
            {
                "customer_id": customer,
                "title": f"bulk {n}",
                "amount": Decimal(n % 97) * 100,
                "stage_id": ids.stage[
                    "won" if n % 3 == 0 else "lost" if n % 3 == 1 else "proposal"
                ],
                "status": (OpportunityStatus.WON, OpportunityStatus.LOST, OpportunityStatus.OPEN)[
                    n % 3
                ],
                "owner_id": ids.owner,
                "closed_on": date(2026, 3, 1) if n % 3 != 2 else None,
                "created_at": at(1, 1 + n % 28, n % 24),
                "updated_at": at(1, 1 + n % 28),
                "stage_changed_at": at(1, 1 + n % 28),
            }
            for n in range(5_000)
        ]
        s.execute(m.Opportunity.__table__.insert(), deals)
        bulk = s.scalars(select(m.Opportunity.id).where(m.Opportunity.title.like("bulk %"))).all()
        s.execute(
            m.StageChange.__table__.insert(),
            [
                {"opportunity_id": deal, "from_stage_id": None, "to_stage_id": ids.stage[key],
                 "changed_at": at(2, 1 + step * 5, deal % 24)}
                for deal in bulk
                for step, key in enumerate(("lead", "qualified", "proposal", "negotiation"))
            ],
        )  # fmt: skip
    service = FunnelService(db)
    service.report(Q1_FROM, Q1_TO)  # warm the page cache
    started = timer.perf_counter()
    report = service.report(Q1_FROM, Q1_TO)
    assert timer.perf_counter() - started < 1.0
    assert report.created == 5_010
    assert report.stages[0].reached == 5_010
