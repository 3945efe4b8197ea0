"""Translated names of metrics, period kinds and periods, and metric-aware number texts."""

from __future__ import annotations

from decimal import Decimal

from sms_desktop.domain.enums import PeriodKind, SalespersonRole, TargetMetric
from sms_desktop.domain.targets import Period, is_money
from sms_desktop.ui.formatting import format_decimal, format_money
from sms_desktop.ui.i18n import current_language, translate


def metric_name(metric: TargetMetric) -> str:
    return {
        TargetMetric.REVENUE: translate("Targets", "Revenue (excl. tax)"),
        TargetMetric.GROSS_MARGIN: translate("Targets", "Gross margin"),
        TargetMetric.COLLECTIONS: translate("Targets", "Collections"),
        TargetMetric.DEALS_WON: translate("Targets", "Deals won"),
        TargetMetric.NEW_CUSTOMERS: translate("Targets", "New customers"),
        TargetMetric.ACTIVITIES: translate("Targets", "Activities completed"),
    }[metric]


def period_kind_name(kind: PeriodKind) -> str:
    return {
        PeriodKind.MONTH: translate("Targets", "Month"),
        PeriodKind.QUARTER: translate("Targets", "Quarter"),
        PeriodKind.YEAR: translate("Targets", "Year"),
    }[kind]


def role_name(role: SalespersonRole) -> str:
    return {
        SalespersonRole.OWNER: translate("Targets", "Owner"),
        SalespersonRole.MANAGER: translate("Targets", "Manager"),
        SalespersonRole.SALES: translate("Targets", "Sales"),
    }[role]


def period_name(period: Period) -> str:
    """2026年3月 / Mar 2026, 2026年第1季度 / Q1 2026, 2026年 / 2026."""
    year = period.start.year
    zh = current_language() == "zh_CN"
    if period.kind is PeriodKind.MONTH:
        if zh:
            return f"{year}年{period.start.month}月"
        return f"{period.start:%b} {year}"
    if period.kind is PeriodKind.QUARTER:
        return f"{year}年第{period.quarter}季度" if zh else f"Q{period.quarter} {year}"
    return f"{year}年" if zh else str(year)


def short_period_name(period: Period) -> str:
    """For chart axes: 3月 / Mar, Q1, 2026."""
    zh = current_language() == "zh_CN"
    if period.kind is PeriodKind.MONTH:
        return f"{period.start.month}月" if zh else f"{period.start:%b}"
    if period.kind is PeriodKind.QUARTER:
        return f"{period.start:%y}Q{period.quarter}"
    return str(period.start.year)


def company_name() -> str:
    return translate("Targets", "Whole company")


def metric_value(metric: TargetMetric, value: Decimal | None) -> str:
    """An amount with two decimals, a count without (projected counts keep one decimal)."""
    if value is None:
        return ""
    if is_money(metric):
        return format_money(value)
    if value == value.to_integral_value():
        return format_decimal(value, 0)
    return format_decimal(value, 1)


def percent_text(value: Decimal | None) -> str:
    if value is None:
        return "–"
    return format_decimal(value, 1) + " %"
