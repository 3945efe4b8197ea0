import subprocess
from dataclasses import replace
from decimal import Decimal
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
