"""Comparing company names: strip legal-form suffixes and punctuation, then score similarity."""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher

# Longest first, so 股份有限公司 goes before 有限公司.
_SUFFIXES = sorted(
    (
        "有限责任公司",
        "股份有限公司",
        "有限公司",
        "分公司",
        "公司",
        "集团",
        "厂",
        "商行",
        "工作室",
        "company limited",
        "co ltd",
        "co., ltd.",
        "co., ltd",
        "co ltd.",
        "limited",
        "ltd",
        "llc",
        "inc",
        "incorporated",
        "corp",
        "corporation",
        "company",
        "gmbh",
        "co",
    ),
    key=len,
    reverse=True,
)
_PUNCT = re.compile(r"[\s\W_]+", re.UNICODE)


def normalize_company_name(name: str) -> str:
    """``北京华夏科技有限公司`` → ``北京华夏科技``; ``Acme Co., Ltd.`` → ``acme``."""
    text = unicodedata.normalize("NFKC", name).casefold().strip()
    changed = True
    while changed:
        changed = False
        stripped = text.rstrip(" .,，。()（）")
        for suffix in _SUFFIXES:
            if not stripped.endswith(suffix) or len(stripped) <= len(suffix):
                continue
            before = stripped[-len(suffix) - 1]
            # A Latin legal form only as a whole word: Costco is not "Cost" + "co".
            if suffix.isascii() and before.isalnum():
                continue
            text = stripped[: -len(suffix)]
            changed = True
            break
    return _PUNCT.sub("", text)


def name_similarity(a: str, b: str) -> float:
    """0…1; 1.0 when the names are the same once legal forms and punctuation are gone."""
    na, nb = normalize_company_name(a), normalize_company_name(b)
    if not na or not nb:
        return 0.0
    if na == nb:
        return 1.0
    shorter, longer = sorted((na, nb), key=len)
    if len(shorter) >= 4 and shorter in longer:
        return 0.9
    first, second = sorted((na, nb))  # ratio() depends on the order: make it symmetric
    return SequenceMatcher(None, first, second).ratio()


def digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def phone_key(text: str) -> str:
    """Digits to compare phones by: +86 139 0011 2233 and 13900112233 are the same."""
    value = digits(text)
    if value.startswith("0086"):
        value = value[4:]
    elif value.startswith("86") and len(value) == 13:
        value = value[2:]
    return value
