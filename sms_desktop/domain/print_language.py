"""What a printed document says in its language: product names and units.

A document (quote, order confirmation, delivery note) is printed in Chinese, English or
both. A line that still carries its product's own name prints the name in the document's
language, so switching a quote to English afterwards prints the English names; a line whose
text the user wrote prints as written. Units are stored as the user typed them (台, 个, 次 …);
the common Chinese units have an English name, printed in English documents.
"""

from __future__ import annotations

from sms_desktop.domain.enums import DocumentLanguage

# The usual Chinese units of a small business's catalogue and their English names.
UNIT_NAMES: dict[str, str] = {
    "个": "pc",
    "件": "pc",
    "只": "pc",
    "支": "pc",
    "把": "pc",
    "块": "pc",
    "根": "pc",
    "条": "pc",
    "台": "unit",
    "部": "unit",
    "套": "set",
    "组": "set",
    "副": "pair",
    "双": "pair",
    "对": "pair",
    "箱": "box",
    "盒": "box",
    "包": "pack",
    "袋": "bag",
    "瓶": "bottle",
    "桶": "drum",
    "卷": "roll",
    "张": "sheet",
    "本": "copy",
    "份": "copy",
    "批": "lot",
    "项": "item",
    "次": "time",
    "年": "year",
    "月": "month",
    "周": "week",
    "天": "day",
    "日": "day",
    "小时": "hour",
    "人天": "man-day",
    "人日": "man-day",
    "米": "m",
    "厘米": "cm",
    "毫米": "mm",
    "平方米": "m²",
    "立方米": "m³",
    "千克": "kg",
    "公斤": "kg",
    "克": "g",
    "吨": "t",
    "升": "L",
    "毫升": "mL",
    "用户": "user",
    "许可": "licence",
    "席位": "seat",
}


def unit_in(unit: str, language: DocumentLanguage) -> str:
    """A unit as printed: its English name in English, both names when bilingual."""
    english = UNIT_NAMES.get(unit.strip())
    if english is None or language is DocumentLanguage.ZH_CN:
        return unit
    if language is DocumentLanguage.EN:
        return english
    return f"{unit} {english}"


def product_name_in(name_zh: str, name_en: str, language: DocumentLanguage) -> str:
    """A product's name in a document's language (either name when the other is empty)."""
    if language is DocumentLanguage.ZH_CN:
        return name_zh or name_en
    if language is DocumentLanguage.EN:
        return name_en or name_zh
    if name_zh and name_en and name_zh != name_en:
        return f"{name_zh} {name_en}"
    return name_zh or name_en


def printed_description(
    description: str, name_zh: str, name_en: str, language: DocumentLanguage
) -> str:
    """A line's text as printed: the product's name in ``language`` while the line still
    carries one of its product's names (in any language), else the text as written."""
    own_names = {product_name_in(name_zh, name_en, lang) for lang in DocumentLanguage} | {
        name_zh,
        name_en,
    }
    if description.strip() in own_names:
        return product_name_in(name_zh, name_en, language)
    return description
