"""Field checks: e-mail, phone, and the unified social credit code (GB 32100-2015)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sms_desktop.domain.validation import (
    credit_code_check_char,
    is_email,
    is_phone,
    is_tax_id,
)

# GB 32100-2015: 31 characters (no I, O, S, V, Z); weight i is 3**i mod 31.
ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = [pow(3, i, 31) for i in range(17)]


def reference_check_char(first17: str) -> str:
    total = sum(ALPHABET.index(c) * w for c, w in zip(first17, WEIGHTS, strict=True))
    return ALPHABET[-total % 31]


# Published codes of well-known companies (Huawei, Tencent, Alibaba, …).
REAL_CODES = [
    "914403001922038216",
    "91440300708461136T",
    "91330100799655058B",
    "91350100M000100Y43",
    "911100001000080343",
    "91110000100010249W",
]


@pytest.mark.parametrize("code", REAL_CODES)
def test_real_credit_codes_are_accepted(code: str) -> None:
    assert is_tax_id(code)
    assert is_tax_id(code.lower())  # typed in lower case
    assert is_tax_id(f"  {code}  ")
    assert credit_code_check_char(code[:17]) == code[17]


@pytest.mark.parametrize("code", REAL_CODES)
def test_every_wrong_check_char_is_refused(code: str) -> None:
    for char in ALPHABET:
        if char != code[17]:
            assert not is_tax_id(code[:17] + char), code[:17] + char


def test_a_single_typo_in_the_body_is_caught() -> None:
    code = "91440300708461136T"
    for position in range(17):
        for char in ALPHABET:
            if char == code[position]:
                continue
            typo = code[:position] + char + code[position + 1 :]
            assert not is_tax_id(typo), typo


@given(st.text(alphabet=ALPHABET, min_size=17, max_size=17))
def test_computed_check_chars_make_valid_codes(first17: str) -> None:
    check = credit_code_check_char(first17)
    assert check == reference_check_char(first17)
    assert check in ALPHABET
    assert is_tax_id(first17 + check)


def test_check_char_zero_and_the_weights() -> None:
    # A sum that is a multiple of 31 gives the check character '0' (not index 31).
    assert credit_code_check_char("0" * 17) == "0"
    assert is_tax_id("0" * 18)
    # Only the first character set: weight 1, value 1 → 31 - 1 = 30 → 'Y'.
    assert credit_code_check_char("1" + "0" * 16) == "Y"
    assert credit_code_check_char("0" * 16 + "1") == ALPHABET[31 - 28]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "91440300708461136I",  # I is not in the alphabet
        "91440300708461136O",
        "9144030070846113SZ",
        "91440300-708461136T",
        "91440300 708461136T",
        "1234567890123",  # too short (13)
        "123456789012345678901",  # too long (21)
        "９１４４０３００７０８４６１１３６Ｔ",  # full-width
    ],
)
def test_malformed_tax_ids_are_refused(text: str) -> None:
    assert not is_tax_id(text)


@pytest.mark.parametrize(
    "text", ["440301123456789", "4403011234567890", "91440300708461136", "44030112345678901234"]
)
def test_older_tax_ids_of_15_to_20_characters_are_accepted(text: str) -> None:
    assert len(text) != 18
    assert is_tax_id(text)


@pytest.mark.parametrize(
    "text",
    [
        "a@b.cn",
        "li.wei@example.com.cn",
        "zhang+sales@qq.com",
        "  user@host.org  ",
        "王伟@例子.中国",
    ],
)
def test_valid_emails(text: str) -> None:
    assert is_email(text)


@pytest.mark.parametrize(
    "text",
    ["", "plain", "a@b", "@b.cn", "a@.cn", "a@b.", "a b@c.cn", "a@b c.cn", "a@@b.cn", "a@b@c.cn"],
)
def test_invalid_emails(text: str) -> None:
    assert not is_email(text)


@pytest.mark.parametrize(
    "text",
    [
        "13800138000",
        "138 0013 8000",
        "138-0013-8000",
        "+86 138 0013 8000",
        "(010) 6552-9988",
        "010-65529988 转 123",
        "010-65529988 ext. 12",
        "010-65529988x9",
        "12345",
    ],
)
def test_valid_phones(text: str) -> None:
    assert is_phone(text)


@pytest.mark.parametrize(
    "text",
    ["", "1234", "phone", "138OO138000", "++86 138", "1" * 25, "138 0013 8000 转"],
)
def test_invalid_phones(text: str) -> None:
    assert not is_phone(text)


@pytest.mark.parametrize("text", ["-----", "(((((", ".....", "+( ) -", "- - - - 转 12"])
def test_a_phone_needs_digits(text: str) -> None:
    assert not is_phone(text)
