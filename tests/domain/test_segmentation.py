"""Key-account maths with hand-computed answers: quintiles, ABC, CLV, health, tiers."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from sms_desktop.domain.i18n import identity_translator
from sms_desktop.domain.segmentation import (
    LAST_12_MONTHS,
    RFM_RULES,
    AbcClass,
    CustomerHistory,
    HealthInput,
    HealthPart,
    RfmSegment,
    SegmentationParams,
    Tier,
    abc_classes,
    abc_explanation,
    clv_estimate,
    growth_points,
    health,
    health_parts,
    params_problems,
    quintile_scores,
    rfm_segment,
    segment,
    tier_of,
    traffic_light,
    usual_interval_days,
    value_points,
)

D = Decimal
DAY0 = date(2026, 1, 1)


# ------------------------------------------------------------------------- quintiles


def test_ten_distinct_values_fill_two_per_quintile() -> None:
    values = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100]
    assert quintile_scores(values) == [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]


def test_ties_share_the_lower_score_whatever_the_order() -> None:
    # Six customers with one order: none is strictly worse than them → F1; the two with two
    # orders have six below them → 1 + 5·6//10 = 4; three orders: 8 below → 5; four: 9 → 5.
    values = [1, 2, 1, 1, 3, 1, 4, 1, 2, 1]
    assert quintile_scores(values) == [1, 4, 1, 1, 5, 1, 5, 1, 4, 1]
    assert quintile_scores(list(reversed(values))) == list(reversed(quintile_scores(values)))


def test_recency_scores_fewer_days_higher() -> None:
    assert quintile_scores([5, 400, 30, 30, 90], higher_is_better=False) == [5, 1, 3, 3, 2]


def test_all_equal_values_all_score_one() -> None:
    assert quintile_scores([D("7.00")] * 4) == [1, 1, 1, 1]


def test_the_rule_table_covers_every_pattern_once() -> None:
    assert len(RFM_RULES) == 8
    assert set(RFM_RULES.values()) == set(RfmSegment)
    assert rfm_segment(5, 4, 3) is RfmSegment.CHAMPIONS
    assert rfm_segment(2, 4, 5) is RfmSegment.LOYAL
    assert rfm_segment(5, 1, 5) is RfmSegment.POTENTIAL
    assert rfm_segment(1, 1, 5) is RfmSegment.AT_RISK
    assert rfm_segment(1, 1, 1) is RfmSegment.HIBERNATING
    assert rfm_segment(3, 3, 3, high_from=4) is RfmSegment.HIBERNATING


def test_segment_names_are_translatable_messages() -> None:
    assert RfmSegment.CHAMPIONS.label.context == "Segmentation"
    assert RfmSegment.CHAMPIONS.label.render() == "Champions"
    assert Tier.STRATEGIC.label.render() == "Strategic"


# ------------------------------------------------------------------------------- ABC


def test_the_customer_crossing_80_percent_is_still_a() -> None:
    # Total 100: before #1 0 → A; before #2 50 < 80 → A (it crosses to 80); before #3 80 is
    # not below 80 → B (< 95); #4 and #5 tie at 5 with 90 before them → both B (with the
    # tie split by id the second would see 95 before it and be C).
    result = abc_classes({1: D(50), 2: D(30), 3: D(10), 4: D(5), 5: D(5)})
    assert {c: r.abc for c, r in result.items()} == {
        1: AbcClass.A,
        2: AbcClass.A,
        3: AbcClass.B,
        4: AbcClass.B,
        5: AbcClass.B,
    }
    assert [result[c].rank for c in (1, 2, 3, 4, 5)] == [1, 2, 3, 4, 4]
    assert result[2].share == D("30.00")


def test_equal_revenues_share_a_class_at_the_boundary() -> None:
    # 40 + 40 + 20: the two 40s start with 0 before them → A; 20 has 80 before it → B.
    result = abc_classes({7: D(40), 3: D(40), 9: D(20)})
    assert [result[c].abc for c in (3, 7, 9)] == [AbcClass.A, AbcClass.A, AbcClass.B]
    assert result[3].rank == result[7].rank == 1 and result[9].rank == 3


def test_no_revenue_in_the_period_is_c() -> None:
    result = abc_classes({1: D(100), 2: D(0), 3: D(-5)})
    assert result[1].abc is AbcClass.A
    assert result[2].abc is result[3].abc is AbcClass.C
    assert abc_classes({1: D(0)})[1].abc is AbcClass.C


def test_thresholds_are_parameters() -> None:
    result = abc_classes({1: D(50), 2: D(30), 3: D(20)}, a_percent=50, b_percent=80)
    assert [result[c].abc for c in (1, 2, 3)] == [AbcClass.A, AbcClass.B, AbcClass.C]


def test_the_explanation_names_class_rank_share_and_scores() -> None:
    text = abc_explanation(AbcClass.A, 12, D("3.14"), 5, 4, 5, LAST_12_MONTHS).render()
    assert text == "Class A: no. 12 by revenue in the last 12 months, 3.1 % of it; R5 F4 M5"

    def chinese(context: str, source: str) -> str:
        return {
            "Class {abc}: no. {rank} by revenue {period}, {share} % of it; R{r} F{f} M{m}": (
                "{abc} 类：{period}销售额排名第 {rank}，占 {share}%；R{r} F{f} M{m}"
            ),
            "in the last 12 months": "近 12 个月",
        }.get(source, source)

    assert (
        abc_explanation(AbcClass.A, 12, D("3.14"), 5, 4, 5, LAST_12_MONTHS).render(chinese)
        == "A 类：近 12 个月销售额排名第 12，占 3.1%；R5 F4 M5"
    )
    assert identity_translator("x", "y") == "y"


# ------------------------------------------------------------------------------- CLV


def test_clv_of_a_monthly_buyer() -> None:
    # Orders on days 0, 30, 60, as of day 90: interval 30 days, λ = 1/30, r = 30, λr = 1.
    # P(alive) = 1 / (1 + 0.1/0.9 · e) = 0.768031; expected orders 0.768031 · 365/30 =
    # 9.344373; average margin 300/3 = 100 → 934.44.
    est = clv_estimate(
        orders=3,
        first=DAY0,
        last=DAY0 + timedelta(days=60),
        margin=D("300.00"),
        as_of=DAY0 + timedelta(days=90),
    )
    assert est.p_alive == D("0.768")
    assert est.orders_per_year == D("12.17")
    assert est.next_12m == D("934.44")


def test_clv_of_a_single_order_uses_the_default_interval() -> None:
    # One order 360 days ago, default interval 180: λr = 2, P = 1/(1 + e²/9) = 0.549147;
    # expected 0.549147 · 365/180 = 1.113548 orders × 250 = 278.39.
    est = clv_estimate(
        orders=1,
        first=DAY0,
        last=DAY0,
        margin=D("250.00"),
        as_of=DAY0 + timedelta(days=360),
    )
    assert est.p_alive == D("0.5491")
    assert est.next_12m == D("278.39")


def test_a_long_gone_customer_is_worth_nothing_more() -> None:
    est = clv_estimate(
        orders=2,
        first=DAY0,
        last=DAY0 + timedelta(days=1),
        margin=D("1000"),
        as_of=DAY0 + timedelta(days=3000),
    )
    assert est.p_alive == 0 and est.next_12m == 0


def test_usual_interval() -> None:
    assert usual_interval_days(5, DAY0, DAY0 + timedelta(days=100), 180) == 25
    assert usual_interval_days(3, DAY0, DAY0, 180) == 180


# ---------------------------------------------------------------------------- health


def _health_input(**changes: object) -> HealthInput:
    base: dict[str, object] = {
        "recency_days": 30,
        "interval_days": D(30),
        "revenue_last_6m": D(100),
        "revenue_prev_6m": D(100),
    }
    return HealthInput(**{**base, **changes})  # type: ignore[arg-type]


def test_health_components_by_hand() -> None:
    parts = health_parts(
        _health_input(
            recency_days=60,  # 2× the usual interval: halfway from 1× to 3× → 50
            revenue_last_6m=D(75),  # a quarter less than the 6 months before → 75
            satisfaction_latest=4,  # (4−1)·25 = 75, fell 1 point from 5 → 65
            satisfaction_previous=5,
            contact_days=150,  # 2.5× 60 days → 100·(3−2.5)/2 = 25
        ),
        contact_days=60,
    )
    assert parts == {
        HealthPart.REORDER: 50,
        HealthPart.TREND: 75,
        HealthPart.SATISFACTION: 65,
        HealthPart.CONTACT: 25,
        HealthPart.RECEIVABLES: None,
    }


def test_health_weights_only_the_measured_parts() -> None:
    params = SegmentationParams()
    # Reorder 100 (w 30) and trend 100 (w 25); satisfaction, contact, receivables unknown.
    assert health(_health_input(), params) == 100
    # Reorder 50·30 + trend 75·25 + satisfaction 65·20 + contact 25·15 = 5050 over 90 → 56.
    data = _health_input(
        recency_days=60,
        revenue_last_6m=D(75),
        satisfaction_latest=4,
        satisfaction_previous=5,
        contact_days=150,
    )
    assert health(data, params) == 56
    assert traffic_light(56) == "amber" and traffic_light(70) == "green"
    assert traffic_light(39) == "red" and traffic_light(None) is None


def test_receivables_hook_counts_once_known() -> None:
    parts = health_parts(
        _health_input(overdue_receivables=D(25), receivables_total=D(100)), contact_days=60
    )
    assert parts[HealthPart.RECEIVABLES] == 75


def test_receivables_part_nothing_open_is_healthy_never_invoiced_is_unmeasured() -> None:
    def part(overdue: D | None, total: D | None) -> int | None:
        data = _health_input(overdue_receivables=overdue, receivables_total=total)
        return health_parts(data, contact_days=60)[HealthPart.RECEIVABLES]

    assert part(D(0), D(0)) == 100  # invoiced, all paid
    assert part(D(0), D(500)) == 100  # open, none past due
    assert part(D(800), D(1300)) == 38  # 100 × (1 − 800/1300) = 38.46
    assert part(D(500), D(500)) == 0
    assert part(None, None) is None
    # With receivables at 38 (w 10): reorder 100·30 + trend 100·25 + 38·10 = 5880 / 65 → 90.
    data = _health_input(overdue_receivables=D(800), receivables_total=D(1300))
    assert health(data, SegmentationParams()) == 90


def test_no_revenue_in_a_year_leaves_the_trend_out() -> None:
    parts = health_parts(_health_input(revenue_last_6m=D(0), revenue_prev_6m=D(0)), contact_days=60)
    assert parts[HealthPart.TREND] is None
    grown = health_parts(_health_input(revenue_prev_6m=D(0)), contact_days=60)
    assert grown[HealthPart.TREND] == 100


# ----------------------------------------------------------------------------- tiers


def test_value_growth_and_tier_points() -> None:
    # ABC A 100, RFM (5+5+5−3)/12 = 100, CLV quintile 5 → 100.
    assert value_points(AbcClass.A, 5, 5, 5, 5) == 100
    # C 20, RFM (1+1+1−3) = 0, CLV q1 0 → 20/3 = 6.67 → 7.
    assert value_points(AbcClass.C, 1, 1, 1, 1) == 7
    assert growth_points(D(150), D(100)) == 75
    assert growth_points(D(0), D(100)) == 0
    assert growth_points(D(10), D(0)) == 100
    params = SegmentationParams()
    assert [tier_of(s, params) for s in (75, 74, 60, 40, 39)] == [
        Tier.STRATEGIC,
        Tier.KEY,
        Tier.KEY,
        Tier.DEVELOP,
        Tier.STANDARD,
    ]


def test_bad_parameters_are_named() -> None:
    assert params_problems(SegmentationParams()) == []
    fields = [f for f, _ in params_problems(SegmentationParams(abc_a_percent=96))]
    assert fields == ["abc_a_percent"]


# ------------------------------------------------------------------------ everything


def _history(customer: int, orders: int, revenue: int, last: date, **kw: object) -> CustomerHistory:
    """Amounts in yuan, stored in the history as minor units (fen)."""
    values: dict[str, object] = {
        "customer_id": customer,
        "first_order": last - timedelta(days=30 * (orders - 1)),
        "last_order": last,
        "orders": orders,
        "revenue": revenue * 100,
        "margin": revenue * 50,
        "period_revenue": revenue * 100,
        "revenue_last_6m": revenue * 100,
        "revenue_prev_6m": 0,
        "revenue_last_12m": revenue * 100,
        "revenue_prev_12m": 0,
    }
    values.update(kw)
    return CustomerHistory(**values)  # type: ignore[arg-type]


def test_segment_scores_every_customer() -> None:
    as_of = date(2026, 7, 1)
    rows = segment(
        [
            _history(1, 6, 6000, as_of - timedelta(days=5), strategic_fit=5),
            _history(2, 1, 100, as_of - timedelta(days=300)),
            _history(3, 3, 900, as_of - timedelta(days=40), potential=5_000_000),
        ],
        as_of,
        SegmentationParams(),
    )
    best, small, middle = rows
    # Three customers: the best has two strictly worse → 1 + 5·2//3 = 4 on each.
    assert (best.r, best.f, best.m) == (4, 4, 4)
    assert (small.r, small.f, small.m) == (1, 1, 1)
    assert best.rfm_segment is RfmSegment.CHAMPIONS
    assert small.rfm_segment is RfmSegment.HIBERNATING
    assert best.abc is AbcClass.A and small.abc is AbcClass.C
    assert best.recency_days == 5 and best.frequency == 6
    assert best.fit_score == 100 and small.fit_score is None
    # The only potential entered: both others (0) are below it → quintile 4 → (4−1)·25.
    assert middle.potential_score == 75 and best.potential_score is None
    assert best.tier in (Tier.STRATEGIC, Tier.KEY)
    assert small.tier is Tier.STANDARD
    assert best.clv == best.clv_history + best.clv_next_12m
    assert segment([], as_of, SegmentationParams()) == []


@pytest.mark.parametrize("high_from", [1, 5])
def test_high_from_moves_every_customer(high_from: int) -> None:
    as_of = date(2026, 7, 1)
    rows = segment(
        [_history(i, i, 100 * i, as_of - timedelta(days=i)) for i in range(1, 6)],
        as_of,
        SegmentationParams(rfm_high_from=high_from),
    )
    if high_from == 1:
        assert {r.rfm_segment for r in rows} == {RfmSegment.CHAMPIONS}
    else:
        assert RfmSegment.HIBERNATING in {r.rfm_segment for r in rows}


def _money(minor: int | None) -> D | None:
    return None if minor is None else D(minor).scaleb(-2)


def test_segment_agrees_with_the_rules_one_by_one() -> None:
    """segment() writes the rules out for speed: on varied histories it gives what the
    single-customer functions give."""
    import random

    rng = random.Random(17)
    as_of = date(2026, 7, 1)
    params = SegmentationParams()
    histories = []
    for customer in range(1, 301):
        orders = rng.randint(1, 12)
        last = as_of - timedelta(days=rng.randint(0, 900))
        first = last - timedelta(days=rng.randint(0, 700) if orders > 1 else 0)
        revenue = rng.randint(1, 5_000_000)
        last6, prev6 = rng.choice((0, revenue // 3)), rng.choice((0, revenue // 4))
        open_total = rng.choice((None, 0, rng.randint(1, 900_000)))
        overdue = None if open_total is None else rng.randint(0, open_total)
        histories.append(
            CustomerHistory(
                customer,
                first,
                last,
                orders,
                revenue,
                rng.randint(-revenue // 10, revenue),
                rng.choice((0, revenue // 2)),
                last6,
                prev6,
                last6 + prev6,
                rng.choice((0, revenue // 5)),
                rng.choice((None, rng.randint(1, 9_000_000))),
                rng.choice((None, 1, 3, 5)),
                rng.choice((None, as_of - timedelta(days=rng.randint(0, 400)))),
                rng.choice((None, 1, 2, 4, 5)),
                rng.choice((None, 3, 5)),
                overdue,
                open_total,
            )
        )
    scores = segment(histories, as_of, params)
    for h, s in zip(histories, scores, strict=True):
        clv = clv_estimate(
            orders=h.orders,
            first=h.first_order,
            last=h.last_order,
            margin=D(h.margin).scaleb(-2),
            as_of=as_of,
        )
        assert (s.clv_next_12m, s.p_alive) == (clv.next_12m, clv.p_alive)
        parts = health_parts(
            HealthInput(
                recency_days=s.recency_days,
                interval_days=usual_interval_days(h.orders, h.first_order, h.last_order, 180),
                revenue_last_6m=D(h.revenue_last_6m),
                revenue_prev_6m=D(h.revenue_prev_6m),
                satisfaction_latest=h.satisfaction_latest,
                satisfaction_previous=h.satisfaction_previous,
                contact_days=None if h.last_contact is None else (as_of - h.last_contact).days,
                overdue_receivables=_money(h.overdue_receivables),
                receivables_total=_money(h.receivables_total),
            ),
            params.contact_days,
        )
        assert (
            s.health_reorder,
            s.health_trend,
            s.health_satisfaction,
            s.health_contact,
            s.health_receivables,
        ) == tuple(parts[p] for p in HealthPart)
        assert s.health == health(
            HealthInput(
                recency_days=s.recency_days,
                interval_days=usual_interval_days(h.orders, h.first_order, h.last_order, 180),
                revenue_last_6m=D(h.revenue_last_6m),
                revenue_prev_6m=D(h.revenue_prev_6m),
                satisfaction_latest=h.satisfaction_latest,
                satisfaction_previous=h.satisfaction_previous,
                contact_days=None if h.last_contact is None else (as_of - h.last_contact).days,
                overdue_receivables=_money(h.overdue_receivables),
                receivables_total=_money(h.receivables_total),
            ),
            params,
        )
        assert s.growth_score == growth_points(D(h.revenue_last_12m), D(h.revenue_prev_12m))
        assert s.tier is tier_of(s.score, params)
        assert s.rfm_segment is rfm_segment(s.r, s.f, s.m)
