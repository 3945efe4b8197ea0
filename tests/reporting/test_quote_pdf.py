import re
import subprocess
from dataclasses import replace
from decimal import Decimal
from html import unescape
from pathlib import Path

import pytest

from sms_desktop.domain.enums import DocumentLanguage, TaxMode
from sms_desktop.reporting.quote_pdf import write_quote_pdf
from sms_desktop.services.quotes import LineData
from tests.reporting.quote_samples import COMPANY, make_quote, sample_lines, section


def pdf_text(path: Path, page: int | None = None) -> str:
    args = ["pdftotext", "-layout"]
    if page is not None:
        args += ["-f", str(page), "-l", str(page)]
    return subprocess.run(
        [*args, str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


def fonts(path: Path) -> str:
    return subprocess.run(
        ["pdffonts", str(path)], check=True, capture_output=True, text=True
    ).stdout


def test_chinese_quote_prints_every_line_totals_and_capitals(tmp_path: Path) -> None:
    lines = [section("一、硬件部分"), *sample_lines(5)]
    quote = make_quote(lines)
    out = tmp_path / "q.pdf"
    assert write_quote_pdf(quote, out, company=COMPANY, language=DocumentLanguage.ZH_CN) == 1
    text = pdf_text(out)
    for line in quote.lines[1:]:
        assert line.description in text
        assert f"{line.net_amount:,.2f}" in text
    assert "一、硬件部分" in text
    assert f"CNY {quote.total:,.2f}" in text
    assert f"{quote.subtotal:,.2f}" in text
    for rate, tax in ((13, None), (6, None)):
        assert f"增值税 {rate}%" in text and tax is None
    from sms_desktop.domain.capitals import rmb_capitals

    assert rmb_capitals(quote.total) in text.replace(" ", "")
    assert "报价单" in text and "Q-2026-0012" in text and "第 1 页，共 1 页" in text
    assert "上海明达贸易有限公司" in text and "含安装调试" in text
    # the CJK font is embedded as a subset, and nothing else is used
    report = fonts(out).splitlines()[2:]
    assert report and all("WenQuanYiMicroHei" in row and " yes yes " in row for row in report)


def test_english_and_bilingual_labels(tmp_path: Path) -> None:
    quote = make_quote(sample_lines(3))
    en, both = tmp_path / "en.pdf", tmp_path / "both.pdf"
    write_quote_pdf(quote, en, company=COMPANY, language=DocumentLanguage.EN)
    write_quote_pdf(quote, both, company=COMPANY, language=DocumentLanguage.BILINGUAL)
    text_en, text_both = pdf_text(en), pdf_text(both)
    assert "QUOTATION" in text_en and "报价单" not in text_en and "Page 1 of 1" in text_en
    assert "Beijing Huaxia Technology" in text_en and "Shanghai Mingda Trading" in text_en
    assert "人民币" not in text_en  # the capitals are printed on Chinese quotes
    assert "报价单 QUOTATION" in text_both and "人民币" in text_both
    assert "Page 1 of 1" in text_both and "第 1 页" in text_both


@pytest.mark.parametrize("hostile", ["<b>Acme & Co", "R&D <Ltd>", '<img src="http://x/y.png"/>'])
def test_hostile_names_print_literally(tmp_path: Path, hostile: str) -> None:
    lines = [
        LineData(description=hostile, quantity=Decimal(1), unit="<u>", unit_price=Decimal("1.00")),
        LineData(
            description=f"{hostile} " * 12,  # long: wraps, so it goes through a Paragraph
            quantity=Decimal(1),
            unit="个",
            unit_price=Decimal("2.00"),
        ),
    ]
    quote = make_quote(
        lines, customer=hostile, customer_en=hostile, notes=hostile, terms=hostile, contact=hostile
    )
    out = tmp_path / "hostile.pdf"
    write_quote_pdf(quote, out, company=COMPANY, language=DocumentLanguage.BILINGUAL)
    text = pdf_text(out)
    assert text.count(hostile) >= 5
    assert "<u>" in text


BANK = "中国工商银行上海张江支行 <b>1001 2345 6789 0123 456</b> & Co"


@pytest.mark.parametrize(
    ("language", "heading"),
    [
        (DocumentLanguage.ZH_CN, "开户银行及账号"),
        (DocumentLanguage.EN, "Bank details"),
        (DocumentLanguage.BILINGUAL, "开户银行及账号 Bank details"),
    ],
)
def test_bank_details_are_printed_when_set(
    tmp_path: Path, language: DocumentLanguage, heading: str
) -> None:
    out, plain = tmp_path / "bank.pdf", tmp_path / "plain.pdf"
    quote = make_quote(sample_lines(2))
    write_quote_pdf(quote, out, company=replace(COMPANY, bank=BANK), language=language)
    text = pdf_text(out)
    assert heading in text and BANK in text  # escaped: the markup prints as text
    assert text.index(heading) > text.index("1. 本报价有效期30天")  # after the terms
    write_quote_pdf(quote, plain, company=COMPANY, language=language)
    assert heading not in pdf_text(plain)


def test_tax_inclusive_totals(tmp_path: Path) -> None:
    quote = make_quote(
        [
            LineData(
                description="服务",
                quantity=Decimal(1),
                unit="次",
                unit_price=Decimal("100.00"),
                tax_rate=Decimal(13),
            )
        ],
        tax_mode=TaxMode.INCLUSIVE,
    )
    out = tmp_path / "incl.pdf"
    write_quote_pdf(quote, out, company=COMPANY, language=DocumentLanguage.EN)
    text = pdf_text(out)
    assert "Total (incl. tax)" in text and "CNY 100.00" in text
    assert "88.50" in text and "11.50" in text


def test_300_lines_paginate_with_repeated_headers(tmp_path: Path) -> None:
    quote = make_quote(sample_lines(300))
    out = tmp_path / "long.pdf"
    pages = write_quote_pdf(quote, out, company=COMPANY, language=DocumentLanguage.EN)
    assert pages >= 5
    for page in range(1, pages + 1):
        text = pdf_text(out, page)
        assert f"Page {page} of {pages}" in text
        if page < pages:  # the table runs through every page but maybe the last
            assert "Unit price" in text and "Amount" in text
    whole = pdf_text(out)
    for line in quote.lines:
        assert line.description in whole
    assert f"CNY {quote.total:,.2f}" in whole


# ------------------------------------------------- column widths and missing glyphs


def words(path: Path) -> list[tuple[float, float, float, float, str]]:
    """Every word pdftotext finds: (x min, y min, x max, y max, text), in points."""
    html = subprocess.run(
        ["pdftotext", "-bbox", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    found = re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>',
        html,
    )
    return [(float(a), float(b), float(c), float(d), unescape(t)) for a, b, c, d, t in found]


def overprinted(path: Path) -> list[tuple[str, str]]:
    """Pairs of words on the same text line whose boxes overlap (printed over each other)."""
    found = words(path)
    clashes = []
    for i, (x0, y0, x1, y1, text) in enumerate(found):
        for u0, v0, u1, v1, other in found[i + 1 :]:
            same_line = min(y1, v1) - max(y0, v0) > 0.5 * (y1 - y0)
            if same_line and min(x1, u1) - max(x0, u0) > 0.5:
                clashes.append((text, other))
    return clashes


def unit_line(unit: str, price: str, quantity: str = "8") -> LineData:
    return LineData(
        description="实施服务",
        quantity=Decimal(quantity),
        unit=unit,
        unit_price=Decimal(price),
        tax_rate=Decimal(6),
    )


LONG_UNITS = [
    unit_line("person-hours", "99999999.99"),
    unit_line("人工小时计费", "88888888.88"),
    # the 20-character maximum, with the maximum price
    unit_line("按项目阶段分期交付的定制化软件开发服务", "999999999999.99", "1"),
    unit_line("个", "0.01", "999999999.999"),
]


@pytest.mark.parametrize("language", list(DocumentLanguage))
def test_units_and_amounts_stay_inside_their_columns(
    tmp_path: Path, language: DocumentLanguage
) -> None:
    out = tmp_path / "units.pdf"
    write_quote_pdf(
        make_quote([*LONG_UNITS, *sample_lines(2)]), out, company=COMPANY, language=language
    )
    assert overprinted(out) == []
    found = words(out)

    def box(text: str) -> tuple[float, float, float, float, str]:
        return next(w for w in found if w[4] == text)

    # Both short-enough units print whole on one line, left of their price.
    assert box("person-hours")[2] < box("99,999,999.99")[0]
    assert box("人工小时计费")[2] < box("88,888,888.88")[0]
    # The 20-character unit wraps inside its column: several lines, all left of the price.
    price = box("999,999,999,999.99")
    pieces = [
        w for w in found if w[4] and set(w[4]) <= set("按项目阶段分期交付的定制化软件开发服务")
    ]
    assert (
        len(pieces) >= 2
        and "".join(w[4] for w in pieces) == "按项目阶段分期交付的定制化软件开发服务"
    )
    assert all(w[2] < price[0] for w in pieces)
    assert "999,999,999.999" in pdf_text(out)


def test_an_ordinary_quote_keeps_its_column_widths() -> None:
    from reportlab.lib.units import mm

    from sms_desktop.reporting.quote_pdf import line_column_widths, register_font

    register_font()
    widths, size = line_column_widths(
        [["1", "桌子", "2", "张", "900.00", "", "13%", "1,800.00"]], 180 * mm, 8.5
    )
    assert [round(w / mm, 1) for w in widths] == [11.0, 69.0, 16.0, 12.0, 22.0, 13.0, 12.0, 25.0]
    assert size == 8.5


def test_characters_the_font_lacks_print_as_a_visible_replacement(tmp_path: Path) -> None:
    from sms_desktop.reporting.fonts import REPLACEMENT, missing_glyphs, printable

    assert missing_glyphs("王伟 Wang Wei, 北京 ¥1,000.00\n") == set()
    assert missing_glyphs("王𠀀明 𪚥 礼品 🎁 😀") == {"𠀀", "𪚥", "🎁", "😀"}
    # an emoji's variation selector draws nothing: one replacement per visible character
    assert printable("❤️ 王𠀀明") == f"{REPLACEMENT} 王{REPLACEMENT}明"
    lines = [
        LineData(
            description="礼品 🎁 套装",
            quantity=Decimal(1),
            unit="盒😀",
            unit_price=Decimal("10.00"),
            tax_rate=Decimal(13),
        )
    ]
    quote = make_quote(lines, customer="王𠀀科技有限公司", contact="李𪚥")
    for language in (DocumentLanguage.ZH_CN, DocumentLanguage.EN):
        out = tmp_path / f"glyphs-{language.value}.pdf"
        write_quote_pdf(quote, out, company=COMPANY, language=language)
        text = pdf_text(out)
        assert f"李{REPLACEMENT}" in text
        assert f"礼品 {REPLACEMENT} 套装" in text and f"盒{REPLACEMENT}" in text
        assert "𠀀" not in text and "🎁" not in text
        if language is DocumentLanguage.ZH_CN:
            assert f"王{REPLACEMENT}科技有限公司" in text


def test_an_english_quote_prints_english_product_names_and_units(tmp_path: Path) -> None:
    """A quote written in Chinese and switched to English prints the products' English names
    and English units; a line whose text the user wrote prints as written."""
    product = LineData(
        product_id=1,
        description="机架式服务器",
        quantity=Decimal(2),
        unit="台",
        unit_price=Decimal(100),
        tax_rate=Decimal(13),
        net_amount=Decimal(200),
        tax_amount=Decimal(26),
        total_amount=Decimal(226),
        product_names=("机架式服务器", "Rack server"),
    )
    written = replace(product, description="安装调试服务", unit="次", product_names=None)
    quote = make_quote([product, written])
    en, zh = tmp_path / "en.pdf", tmp_path / "zh.pdf"
    write_quote_pdf(quote, en, company=COMPANY, language=DocumentLanguage.EN)
    write_quote_pdf(quote, zh, company=COMPANY, language=DocumentLanguage.ZH_CN)
    text_en, text_zh = pdf_text(en), pdf_text(zh)
    assert "Rack server" in text_en and "机架式服务器" not in text_en
    assert re.search(r"\bunit\b", text_en) and re.search(r"\btime\b", text_en)
    assert "台" not in text_en and "安装调试服务" in text_en
    assert "机架式服务器" in text_zh and "台" in text_zh and "Rack server" not in text_zh
