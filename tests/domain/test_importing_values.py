"""Cells to values: numbers, money, discounts, dates, phones, text; and the header mapping."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest

from sms_desktop.domain.importing.fields import ImportKind, auto_map, header_key, recognised
from sms_desktop.domain.importing.values import (
    ValueProblemError,
    clean_text,
    decide_date_order,
    normalize_phone,
    parse_date,
    parse_decimal,
    parse_int,
    parse_money,
    parse_percent,
)


@pytest.mark.parametrize(
    ("cell", "value"),
    [
        ("1,234.50", Decimal("1234.50")),
        ("¥1,200", Decimal("1200")),
        ("￥ 8", Decimal("8")),
        ("CN¥99.9", Decimal("99.9")),
        ("$5", Decimal("5")),
        ("１２３．５", Decimal("123.5")),
        ("12元", Decimal("12")),
        ("(12.5)", Decimal("-12.5")),
        ("-3", Decimal("-3")),
        (0.1, Decimal("0.1")),
        (7, Decimal(7)),
        ("", None),
        (None, None),
    ],
)
def test_numbers(cell: object, value: Decimal | None) -> None:
    assert parse_decimal(cell) == value


@pytest.mark.parametrize("cell", ["1.2.3", "abc", "=1+1", "1,23", True, date(2020, 1, 1)])
def test_not_numbers(cell: object) -> None:
    with pytest.raises(ValueProblemError):
        parse_decimal(cell)


def test_money_has_two_decimals_and_float_noise_is_rounded() -> None:
    assert parse_money(0.1 + 0.2) == Decimal("0.30")
    assert parse_money("1,234.5") == Decimal("1234.50")
    with pytest.raises(ValueProblemError, match="two decimals"):
        parse_money("1.234")


@pytest.mark.parametrize(
    ("cell", "percent"),
    [("15%", 15), (0.15, 15), ("0.15", 15), (15, 15), ("85折", 15), ("8.5折", 15), ("9折", 10)],
)
def test_discounts(cell: object, percent: int) -> None:
    assert parse_percent(cell) == percent


@pytest.mark.parametrize(
    ("cell", "order", "day"),
    [
        ("2021/3/6", None, date(2021, 3, 6)),
        ("2022年7月1日", None, date(2022, 7, 1)),
        ("2021-03-06", None, date(2021, 3, 6)),
        ("2021.03.06 10:30", None, date(2021, 3, 6)),
        ("20210306", None, date(2021, 3, 6)),
        ("11/8/2018", "mdy", date(2018, 11, 8)),
        ("11/8/2018", "dmy", date(2018, 8, 11)),
        ("13/8/2018", None, date(2018, 8, 13)),
        ("8/13/2018", None, date(2018, 8, 13)),
        ("２０２１／３／６", None, date(2021, 3, 6)),
        (44561, None, date(2021, 12, 31)),
        ("44561", None, date(2021, 12, 31)),
        (datetime(2020, 5, 1, 9, 0), None, date(2020, 5, 1)),
    ],
)
def test_dates(cell: object, order: str | None, day: date) -> None:
    assert parse_date(cell, order) == day  # type: ignore[arg-type]


def test_an_ambiguous_date_asks() -> None:
    with pytest.raises(ValueProblemError, match="both ways"):
        parse_date("11/8/2018")
    with pytest.raises(ValueProblemError, match="no such date"):
        parse_date("2021-02-30")


def test_the_column_decides_the_date_order() -> None:
    assert decide_date_order(["1/2/2020", "11/8/2018", "13/1/2020"]) == "dmy"
    assert decide_date_order(["1/2/2020", "1/25/2020"]) == "mdy"
    assert decide_date_order(["1/2/2020", "3/4/2020"]) == "ask"
    assert decide_date_order(["2021-01-01", date(2020, 1, 1)]) is None


@pytest.mark.parametrize(
    ("cell", "phone"),
    [
        ("+86 138 0013 8000", "13800138000"),
        ("0086-138-0013-8000", "13800138000"),
        ("138 0013 8000", "13800138000"),
        ("010-6552 1234", "01065521234"),
        ("+1 (415) 555-0100", "+14155550100"),
        ("(021) 5555-1234 转 12", "02155551234 ext 12"),
        (13800138000, "13800138000"),
        ("１３８００１３８０００", "13800138000"),
        ("call me", "call me"),
    ],
)
def test_phones(cell: object, phone: str) -> None:
    assert normalize_phone(cell) == phone


def test_text_is_trimmed_and_stripped_of_controls_but_stays_literal() -> None:
    assert clean_text("  a\x00b\x07c \r\n d ") == "abc \n d"
    assert clean_text("=1+1") == "=1+1"
    assert clean_text("<b>Acme</b>") == "<b>Acme</b>"
    assert clean_text(13800138000.0) == "13800138000"
    assert parse_int("5") == 5


def test_headers_map_in_both_languages() -> None:
    headers = [
        "客户名称",
        "联系人",
        "手机",
        "邮箱",
        "年采购额（元）",
        "首次合作日期",
        "Customer ID",
    ]
    assert auto_map(ImportKind.CUSTOMERS, headers) == (
        "name",
        "contact_name",
        "contact_mobile",
        "email",
        "annual_purchase",
        "first_deal_date",
        "code",
    )
    orders = ["Order ID", "Order Date", "Customer Name", "Product ID", "Sales", "Qty", "折扣"]
    assert auto_map(ImportKind.ORDERS, orders) == (
        "order_number",
        "order_date",
        "customer_name",
        "sku",
        "line_amount",
        "quantity",
        "discount",
    )
    assert header_key(" *Unit Price (CNY) ") == header_key("unit price")
    assert recognised(ImportKind.CUSTOMERS, ["2026 客户名单", "", ""]) == 0


def test_a_field_takes_the_first_column_only() -> None:
    assert auto_map(ImportKind.CUSTOMERS, ["电话", "电话", "备注"]) == ("phone", None, "notes")


def test_a_bare_name_header_is_the_customer_name_in_a_customer_list() -> None:
    from sms_desktop.domain.importing.fields import ImportKind, auto_map

    assert auto_map(ImportKind.CUSTOMERS, ["名称", "电话"])[0] == "name"
    assert auto_map(ImportKind.CUSTOMERS, ["Name", "Phone"])[0] == "name"
    assert auto_map(ImportKind.PRODUCTS, ["名称"])[0] == "name_zh"  # a product's, there
