"""The printable survey form: one page per customer, the CJK font embedded, Chinese and
English words, hostile names printed not parsed."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from sms_desktop.reporting.survey_form import FormCustomer, SurveyForm, write_survey_form

FORM = SurveyForm(
    "季度回访",
    "2026-Q3 关键客户",
    True,
    ("哪里可以做得更好？",),
    (FormCustomer("华夏机械", "王伟"), FormCustomer('<b>Acme & Co <img src="x"/>', None)),
    date(2026, 7, 1),
)


def _text(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    return subprocess.run(
        ["pdftotext", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


@pytest.mark.parametrize(
    ("language", "words"),
    [("zh_CN", "客户满意度调查表"), ("en", "Customer satisfaction survey")],
)
def test_one_page_per_customer_with_the_font(tmp_path: Path, language: str, words: str) -> None:
    path = tmp_path / "form.pdf"
    assert write_survey_form(path, FORM, language=language) == 2
    pdf = path.read_bytes()
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 2
    assert b"WenQuanYiMicroHei" in pdf and b"/FontFile2" in pdf
    text = _text(path)
    assert words in text and "华夏机械" in text and "哪里可以做得更好" in text
    assert "<b>Acme & Co" in text  # printed as typed


def test_a_blank_form_without_nps(tmp_path: Path) -> None:
    path = tmp_path / "blank.pdf"
    blank = SurveyForm("Quick check", None, False, (), ())
    assert write_survey_form(path, blank, language="en") == 1
    text = _text(path)
    assert "recommend" not in text and "Other comments" in text
