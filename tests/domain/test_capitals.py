from decimal import Decimal

import pytest

from sms_desktop.domain.capitals import rmb_capitals


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        ("0", "人民币零元整"),
        ("0.05", "人民币伍分"),
        ("10.00", "人民币壹拾元整"),
        ("100010.30", "人民币壹拾万零壹拾元叁角整"),
        ("1000000000.99", "人民币壹拾亿元玖角玖分"),
        ("325.04", "人民币叁佰贰拾伍元零肆分"),
        ("1010", "人民币壹仟零壹拾元整"),
        ("10001", "人民币壹万零壹元整"),
        ("100000000", "人民币壹亿元整"),
        ("100000001", "人民币壹亿零壹元整"),
        ("123456789.12", "人民币壹亿贰仟叁佰肆拾伍万陆仟柒佰捌拾玖元壹角贰分"),
        ("0.1", "人民币壹角整"),
        ("-3", "人民币负叁元整"),
    ],
)
def test_capitals(amount: str, expected: str) -> None:
    assert rmb_capitals(Decimal(amount)) == expected


def test_amount_is_rounded_half_up_first() -> None:
    assert rmb_capitals(Decimal("0.125")) == "人民币壹角叁分"
