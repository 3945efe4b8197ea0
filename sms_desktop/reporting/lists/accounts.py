"""The key-account list (关键客户): every stored score of each customer, on screen and exported."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from sms_desktop.domain.i18n import Message, translate
from sms_desktop.domain.palette import Colour
from sms_desktop.domain.segmentation import traffic_light
from sms_desktop.reporting.columns import Column, Formats, ListDefinition
from sms_desktop.services.accounts import AccountRow, AccountSortKey
from sms_desktop.services.lists import Order

_LIGHTS = {"green": Colour.SUCCESS, "amber": Colour.ATTENTION, "red": Colour.NEGATIVE}
_SET_BY_HAND = translate("AccountList", "set by hand")


def _tier(row: AccountRow, _locale: object) -> Message:
    return row.tier.label


def _tier_text(row: AccountRow, formats: Formats) -> str:
    text = formats.locale.text(row.tier.label)
    return f"{text} ✎" if row.overridden else text


def _tier_tooltip(row: AccountRow, formats: Formats) -> str:
    if not row.overridden:
        return ""
    text = formats.locale.text(_SET_BY_HAND)
    return f"{text}: {row.override_reason}" if row.override_reason else text


def _health_text(row: AccountRow, _formats: Formats) -> str:
    light = traffic_light(row.health)
    return "–" if light is None else f"● {row.health}"


def _health_colour(row: AccountRow, _formats: Formats) -> Colour | None:
    light = traffic_light(row.health)
    return None if light is None else _LIGHTS[light]


def _int(
    key: str, header: Message, value: Callable[[AccountRow], int | None], sort: bool = False
) -> Column[AccountRow, AccountSortKey]:
    return Column(
        key,
        header,
        lambda r, _l: value(r),
        "int",
        sort=key if sort else None,  # type: ignore[arg-type]
    )


def _money(
    key: str, header: Message, value: Callable[[AccountRow], Decimal], sort: bool = False
) -> Column[AccountRow, AccountSortKey]:
    return Column(
        key,
        header,
        lambda r, _l: value(r),
        "money",
        sort=key if sort else None,  # type: ignore[arg-type]
        zero="–",
    )


ACCOUNTS: ListDefinition[AccountRow, AccountSortKey] = ListDefinition(
    columns=(
        Column("name", translate("AccountList", "Customer"), lambda r, _l: r.name, sort="name"),
        Column(
            "tier",
            translate("AccountList", "Tier"),
            _tier,
            sort="tier",
            show=_tier_text,
            tooltip=_tier_tooltip,
        ),
        _int("score", translate("AccountList", "Score"), lambda r: r.score, sort=True),
        Column(
            "health",
            translate("AccountList", "Health"),
            lambda r, _l: r.health,
            "int",
            sort="health",
            show=_health_text,
            colour=_health_colour,
        ),
        Column("abc", translate("AccountList", "ABC"), lambda r, _l: r.abc.value, sort="abc_rank"),
        Column(
            "rfm_segment",
            translate("AccountList", "RFM segment"),
            lambda r, _l: r.rfm_segment.label,
            sort="rfm_segment",
        ),
        Column(
            "rfm",
            translate("AccountList", "RFM"),
            lambda r, _l: f"R{r.r} F{r.f} M{r.m}",
        ),
        _int(
            "recency_days",
            translate("AccountList", "Days since last order"),
            lambda r: r.recency_days,
            sort=True,
        ),
        _int("frequency", translate("AccountList", "Orders"), lambda r: r.frequency, sort=True),
        _money(
            "monetary",
            translate("AccountList", "Revenue, lifetime"),
            lambda r: r.monetary,
            sort=True,
        ),
        _money(
            "period_revenue",
            translate("AccountList", "Revenue, last 12 months"),
            lambda r: r.period_revenue,
        ),
        Column(
            "abc_share",
            translate("AccountList", "Share of revenue %"),
            lambda r, _l: r.abc_share,
            "decimal",
        ),
        _int("abc_rank", translate("AccountList", "Revenue rank"), lambda r: r.abc_rank),
        _money("clv", translate("AccountList", "CLV"), lambda r: r.clv, sort=True),
        _money("clv_history", translate("AccountList", "Margin so far"), lambda r: r.clv_history),
        _money(
            "clv_next_12m",
            translate("AccountList", "Expected margin, next 12 months"),
            lambda r: r.clv_next_12m,
        ),
        Column(
            "p_alive",
            translate("AccountList", "Still active %"),
            lambda r, _l: r.p_alive,
            "decimal",
        ),
        _int(
            "interval_days",
            translate("AccountList", "Usual order interval (days)"),
            lambda r: r.interval_days,
        ),
        _int("r", translate("AccountList", "R"), lambda r: r.r),
        _int("f", translate("AccountList", "F"), lambda r: r.f),
        _int("m", translate("AccountList", "M"), lambda r: r.m),
        _int(
            "health_reorder",
            translate("AccountList", "Health: re-order"),
            lambda r: r.health_reorder,
        ),
        _int("health_trend", translate("AccountList", "Health: trend"), lambda r: r.health_trend),
        _int(
            "health_satisfaction",
            translate("AccountList", "Health: satisfaction"),
            lambda r: r.health_satisfaction,
        ),
        _int(
            "health_contact",
            translate("AccountList", "Health: contact"),
            lambda r: r.health_contact,
        ),
        _int("value_score", translate("AccountList", "Value"), lambda r: r.value_score),
        _int("potential_score", translate("AccountList", "Potential"), lambda r: r.potential_score),
        _int("fit_score", translate("AccountList", "Strategic fit"), lambda r: r.fit_score),
        _int("growth_score", translate("AccountList", "Growth"), lambda r: r.growth_score),
        Column(
            "computed_tier",
            translate("AccountList", "Computed tier"),
            lambda r, _l: r.computed_tier.label,
        ),
        Column("owner", translate("AccountList", "Owner"), lambda r, _l: r.owner),
        Column("industry", translate("AccountList", "Industry"), lambda r, _l: r.industry),
        Column("code", translate("AccountList", "Customer code"), lambda r, _l: r.code),
        Column("as_of", translate("AccountList", "As of"), lambda r, _l: r.as_of, "date"),
    ),
    order=Order("score", descending=True),
    sheet=translate("AccountList", "Key accounts"),
    file_name=translate("AccountList", "key-accounts"),
)
