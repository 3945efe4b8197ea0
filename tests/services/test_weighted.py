"""One weighted amount: the board, the dashboard's pipeline card and the targets' pipeline add
the same per-deal rounded amounts (domain.pipeline.weighted_minor), for any owner."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sms_desktop.domain.enums import PeriodKind, TargetMetric
from sms_desktop.services.dashboard import DashboardFilter
from sms_desktop.services.pipeline import OpportunityInput, PipelineFilter
from sms_desktop.services.registry import Services
from tests.services.dataset import World

D = Decimal
QUARTER = date(2031, 1, 1)  # a future quarter: its projection is its weighted pipeline
DAY_BEFORE = date(2030, 12, 31)


def test_every_weighted_figure_adds_the_deals_rounded_amounts(
    services: Services, world: World
) -> None:
    # Three deals of 0.01 at 50 %: each weighs 0.005 → 0.01, together 0.03 (not 0.015 → 0.02),
    # and one of 1,000.05 at 33 %: 330.0165 → 330.02.
    specs = [("0.01", 50)] * 3 + [("1000.05", 33)]
    ids = [
        services.pipeline.create(
            OpportunityInput(
                customer_id=world.huaxia,
                title=f"拆分 {n}",
                amount=D(amount),
                probability_override=percent,
                expected_close=date(2031, 2, 1),
                owner_id=world.lina,
                stage_id=world.stages["lead"],
            )
        )
        for n, (amount, percent) in enumerate(specs)
    ]
    expected = D("330.05")
    board = services.pipeline.board(PipelineFilter(owner_id=world.lina))
    weighted = {c.id: c.weighted for col in board.columns for c in col.cards}
    assert sum((weighted[i] for i in ids), D(0)) == expected
    base = board.weighted_total - expected  # Li Na's other open deals

    kpis = services.dashboard.kpis(
        DashboardFilter(DAY_BEFORE, DAY_BEFORE, owner_id=world.lina), today=DAY_BEFORE
    )
    assert kpis.pipeline.weighted == board.weighted_total
    stages = services.dashboard.pipeline_by_stage(world.lina)
    assert sum((s.weighted for s in stages), D(0)) == base + expected

    rows = services.targets.attainment(
        PeriodKind.QUARTER,
        QUARTER,
        metric=TargetMetric.REVENUE,
        salesperson_id=world.lina,
        today=DAY_BEFORE,
    )
    assert rows[0].projected == expected  # only these deals close in that quarter


def test_the_weighted_rounding_is_written_only_in_the_domain() -> None:
    """``(amount × probability + 50) / 100`` (SQL or Python) outside domain/ would be a second
    copy of weighted_minor's rounding."""
    import re
    from pathlib import Path

    import sms_desktop

    package = Path(sms_desktop.__file__).parent
    rounding = re.compile(r"\+\s*50\s*\)\s*//?\s*100")
    copies = [
        str(path.relative_to(package))
        for path in package.rglob("*.py")
        if path.parent.name != "domain" and rounding.search(path.read_text(encoding="utf-8"))
    ]
    assert copies == []
