"""The key-account page of the management report (关键客户): customers and revenue per tier,
the leading key accounts with score, health, ABC class, revenue of the last 12 months and
their plan's attainment, and satisfaction (CSAT, NPS) over the last quarters.

:func:`read_key_accounts` computes the figures as of a day (nothing is stored: the command
line gets today's scores too); :func:`key_accounts_flowables` lays them out for
``reporting/management_pdf.py``. Tables hold plain strings, headings escaped text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any
from xml.sax.saxutils import escape

from sms_desktop.domain.enums import DocumentLanguage
from sms_desktop.domain.money import ZERO
from sms_desktop.domain.segmentation import Tier
from sms_desktop.reporting.charts import is_chinese
from sms_desktop.reporting.fonts import printable
from sms_desktop.reporting.labels import in_language
from sms_desktop.services.account_plans import AccountPlansService
from sms_desktop.services.accounts import AccountsService

TOP = 15

_WORDS: dict[str, tuple[str, str]] = {
    "title": ("关键客户", "Key accounts"),
    "as_of": (
        "评分日期 {date}；销售额为近 12 个月不含税收入",
        "Scores as of {date}; revenue: net, last 12 months",
    ),
    "tier": ("层级", "Tier"),
    "customers": ("客户数", "Customers"),
    "revenue": ("销售额", "Revenue"),
    "share": ("占比", "Share"),
    "top": ("主要关键客户", "Leading key accounts"),
    "customer": ("客户", "Customer"),
    "score": ("评分", "Score"),
    "health": ("健康度", "Health"),
    "abc": ("ABC", "ABC"),
    "plan": ("计划完成率", "Plan attainment"),
    "satisfaction": ("客户满意度（近 4 个季度）", "Satisfaction (last 4 quarters)"),
    "survey_line": (
        "{answers} 份答卷；CSAT {csat}（4–5 分占比），NPS {nps}",
        "{answers} answers; CSAT {csat} (share of 4 and 5), NPS {nps}",
    ),
    "none": ("暂无订单，尚无客户评分。", "No orders yet: no customer is scored."),
    "strategic": ("战略客户", "Strategic"),
    "key": ("关键客户", "Key"),
    "develop": ("发展客户", "Develop"),
    "standard": ("普通客户", "Standard"),
}


@dataclass(frozen=True, slots=True)
class TierLine:
    tier: Tier
    customers: int
    revenue: Decimal


@dataclass(frozen=True, slots=True)
class KeyAccountLine:
    name: str
    tier: Tier
    score: int
    health: int | None
    abc: str
    revenue: Decimal
    attainment: Decimal | None  # percent of this year's plan target


@dataclass(frozen=True, slots=True)
class KeyAccountsPage:
    as_of: date
    tiers: tuple[TierLine, ...]
    top: tuple[KeyAccountLine, ...]
    answers: int
    csat: Decimal | None
    nps: int | None


def read_key_accounts(
    accounts: AccountsService, plans: AccountPlansService, as_of: date
) -> KeyAccountsPage:
    """The page's figures as of ``as_of`` (computed, not stored)."""
    _result, lines = accounts.segment_lines(as_of)
    by_tier: dict[Tier, list[Decimal]] = {tier: [] for tier in Tier}
    for line in lines:
        by_tier[line.tier].append(line.score.period_revenue)
    tiers = tuple(
        TierLine(tier, len(values), sum(values, ZERO)) for tier, values in by_tier.items()
    )
    leading = sorted(
        (line for line in lines if line.tier in (Tier.STRATEGIC, Tier.KEY)),
        key=lambda line: (-line.score.score, -line.score.period_revenue, line.name),
    )[:TOP]
    top = []
    for line in leading:
        attainment = None
        plan = next((p for p in plans.list(line.score.customer_id) if p.year == as_of.year), None)
        if plan is not None:
            attainment = plans.kpis(plan.id, as_of).attainment
        top.append(
            KeyAccountLine(
                line.name,
                line.tier,
                line.score.score,
                line.score.health,
                line.score.abc.value,
                line.score.period_revenue,
                attainment,
            )
        )
    surveys = accounts.surveys(quarters=4)
    return KeyAccountsPage(as_of, tiers, tuple(top), sum(surveys.scores), surveys.csat, surveys.nps)


def words(language: str) -> dict[str, str]:
    pick = DocumentLanguage.ZH_CN if is_chinese(language) else DocumentLanguage.EN
    return {key: in_language(pair, pick) for key, pair in _WORDS.items()}


def key_accounts_flowables(
    page: KeyAccountsPage,
    language: str,
    *,
    styles: tuple[Any, Any, Any],  # title, heading, small ParagraphStyles
    width: float,
    table: Callable[[list[list[str]], list[float]], Any],
) -> list[Any]:
    """The page as platypus flowables (the caller puts a page break before it)."""
    from reportlab.platypus import Paragraph, Spacer

    title, heading, small = styles
    w = words(language)

    def money(value: Decimal) -> str:
        return f"{value:,.2f}"

    def pct(value: Decimal | None) -> str:
        return "–" if value is None else f"{value:.1f}%"

    story: list[Any] = [
        Paragraph(escape(w["title"]), title),
        Paragraph(escape(w["as_of"].format(date=page.as_of.isoformat())), small),
        Spacer(1, 4),
    ]
    scored = sum(t.customers for t in page.tiers)
    if scored == 0:
        return [*story, Paragraph(escape(w["none"]), small)]
    total = sum((t.revenue for t in page.tiers), ZERO)
    rows = [[w["tier"], w["customers"], w["revenue"], w["share"]]] + [
        [
            w[t.tier.value],
            f"{t.customers:,}",
            money(t.revenue),
            pct(100 * t.revenue / total if total > 0 else None),
        ]
        for t in page.tiers
    ]
    quarter = width / 4
    story += [table(rows, [quarter] * 4), Spacer(1, 8)]
    story.append(Paragraph(escape(w["top"]), heading))
    top = [
        [w["customer"], w["tier"], w["score"], w["health"], w["abc"], w["revenue"], w["plan"]]
    ] + [
        [
            printable(line.name)[:30],
            w[line.tier.value],
            str(line.score),
            "–" if line.health is None else str(line.health),
            line.abc,
            money(line.revenue),
            pct(line.attainment),
        ]
        for line in page.top
    ]
    fractions = (0.30, 0.12, 0.08, 0.09, 0.07, 0.19, 0.15)
    story += [table(top, [width * f for f in fractions]), Spacer(1, 8)]
    story.append(Paragraph(escape(w["satisfaction"]), heading))
    story.append(
        Paragraph(
            escape(
                w["survey_line"].format(
                    answers=page.answers,
                    csat=pct(page.csat),
                    nps="–" if page.nps is None else page.nps,
                )
            ),
            small,
        )
    )
    return story
