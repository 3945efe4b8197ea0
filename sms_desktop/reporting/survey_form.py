"""The printable satisfaction survey form (满意度调查表): one A4 page per customer asked (or
one blank page), in Chinese or English, with the bundled CJK font embedded.

A paper form filled in on a visit is typed back through the campaign's results. Every user
string (customer, template, questions) is escaped before it reaches a ``Paragraph``; table
cells are plain strings.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from sms_desktop.domain.enums import DocumentLanguage
from sms_desktop.domain.palette import Colour
from sms_desktop.reporting.charts import is_chinese
from sms_desktop.reporting.files import atomic_output
from sms_desktop.reporting.fonts import printable
from sms_desktop.reporting.labels import in_language
from sms_desktop.reporting.management_pdf import register_pdf_font

_WORDS: dict[str, tuple[str, str]] = {
    "title": ("客户满意度调查表", "Customer satisfaction survey"),
    "customer": ("客户", "Customer"),
    "contact": ("受访人", "Respondent"),
    "date": ("日期", "Date"),
    "owner": ("客户经理", "Account manager"),
    "campaign": ("调查活动", "Campaign"),
    "csat": (
        "1. 总体而言，您对我们的产品和服务满意吗？",
        "1. Overall, how satisfied are you with our products and service?",
    ),
    "csat_scale": (
        "1 非常不满意 · 2 不满意 · 3 一般 · 4 满意 · 5 非常满意",
        "1 very dissatisfied · 2 dissatisfied · 3 neutral · 4 satisfied · 5 very satisfied",
    ),
    "nps": (
        "2. 您向同行或朋友推荐我们的可能性有多大？（0 完全不可能 – 10 非常可能）",
        "2. How likely are you to recommend us to a colleague? (0 not at all – 10 extremely)",
    ),
    "comments": ("其他意见和建议", "Other comments and suggestions"),
    "thanks": ("感谢您的宝贵意见！", "Thank you for your feedback!"),
    "page": ("第 {page} 页，共 {pages} 页", "Page {page} of {pages}"),
}


@dataclass(frozen=True, slots=True)
class FormCustomer:
    name: str
    owner: str | None = None


@dataclass(frozen=True, slots=True)
class SurveyForm:
    template: str
    campaign: str | None
    ask_nps: bool
    questions: tuple[str, ...]
    customers: tuple[FormCustomer, ...]  # empty: one blank form
    day: date | None = None


def words(language: str) -> dict[str, str]:
    pick = DocumentLanguage.ZH_CN if is_chinese(language) else DocumentLanguage.EN
    return {key: in_language(pair, pick) for key, pair in _WORDS.items()}


def write_survey_form(path: Path, form: SurveyForm, *, language: str) -> int:
    """Write the forms to ``path`` (replaced whole); returns the page count."""
    with atomic_output(path) as temporary:
        return _build(temporary, form, language)


def _build(target: Path, form: SurveyForm, language: str) -> int:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import (
        PageBreak,
        Paragraph,
        SimpleDocTemplate,
        Spacer,
        Table,
        TableStyle,
    )

    from sms_desktop.reporting.management_pdf import _NumberedCanvas

    font = register_pdf_font()
    w = words(language)
    wrap = "CJK" if is_chinese(language) else None
    title = ParagraphStyle("title", fontName=font, fontSize=17, leading=23, wordWrap=wrap)
    body = ParagraphStyle("body", fontName=font, fontSize=10.5, leading=15, wordWrap=wrap)
    small = ParagraphStyle(
        "small", fontName=font, fontSize=8.5, leading=12, wordWrap=wrap, textColor=Colour.MUTED
    )
    width = A4[0] - 36 * mm

    def para(text: str, style: ParagraphStyle) -> Paragraph:
        return Paragraph(escape(printable(text)), style)

    def boxes(labels: Sequence[str]) -> Table:
        cells = [[f"□ {label}" for label in labels]]
        t = Table(cells, colWidths=[width / len(labels)] * len(labels))
        t.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), font, 11)]))
        return t

    def lines(count: int) -> Table:
        t = Table([[""] for _ in range(count)], colWidths=[width], rowHeights=[8 * mm] * count)
        t.setStyle(
            TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.5, colors.HexColor(Colour.NEUTRAL))])
        )
        return t

    def header_table(customer: FormCustomer | None) -> Table:
        day = form.day.isoformat() if form.day else ""
        rows = [
            [w["customer"], printable(customer.name) if customer else "", w["date"], day],
            [w["contact"], "", w["owner"], printable(customer.owner or "") if customer else ""],
        ]
        t = Table(rows, colWidths=[width * 0.16, width * 0.40, width * 0.2, width * 0.24])
        t.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), font, 10),
                    ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor(Colour.NEUTRAL)),
                    ("BACKGROUND", (0, 0), (0, -1), colors.HexColor(Colour.TABLE_HEADER)),
                    ("BACKGROUND", (2, 0), (2, -1), colors.HexColor(Colour.TABLE_HEADER)),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ]
            )
        )
        return t

    story: list[Any] = []
    customers: Sequence[FormCustomer | None] = form.customers or (None,)
    for index, customer in enumerate(customers):
        if index:
            story.append(PageBreak())
        story += [para(w["title"], title), Spacer(1, 2 * mm)]
        caption = form.template + (f" · {form.campaign}" if form.campaign else "")
        story += [para(caption, small), Spacer(1, 4 * mm), header_table(customer)]
        story += [Spacer(1, 6 * mm), para(w["csat"], body), Spacer(1, 2 * mm)]
        story += [boxes(["1", "2", "3", "4", "5"]), para(w["csat_scale"], small)]
        number = 2
        if form.ask_nps:
            story += [Spacer(1, 5 * mm), para(w["nps"], body), Spacer(1, 2 * mm)]
            story.append(boxes([str(n) for n in range(11)]))
            number = 3
        for question in form.questions:
            story += [Spacer(1, 5 * mm), para(f"{number}. {question}", body), lines(3)]
            number += 1
        story += [Spacer(1, 5 * mm), para(w["comments"], body), lines(3)]
        story += [Spacer(1, 4 * mm), para(w["thanks"], small)]

    page_text = w["page"]

    def numbered_canvas(*args: Any, **kwargs: Any) -> Any:
        return _NumberedCanvas(font, page_text, *args, **kwargs)

    doc = SimpleDocTemplate(
        str(target),
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=16 * mm,
        bottomMargin=16 * mm,
        title=w["title"],
        author="SMS Desktop",
    )
    doc.build(story, canvasmaker=numbered_canvas)
    return int(doc.page)
