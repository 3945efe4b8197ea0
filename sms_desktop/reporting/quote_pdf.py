"""The printed quote: an A4 PDF in Chinese, English or both, built with reportlab platypus.

Layout: the letterhead (logo, company name, address, tax id, contact), the title, the
customer block beside the quote's number, revision and dates, the line table (its header
repeats on every page and it splits between pages), the totals with the tax per rate and, in
Chinese, the total in capital numerals (大写), the notes, terms and bank details, a signature
and stamp area, and "page x of y" in the footer.

Every user string is escaped before it reaches a ``Paragraph`` (whose mini-markup would
otherwise turn ``<b>Acme & Co`` into bold text, or fail, or fetch an ``<img>``); table cells
that fit on one line are plain strings, which reportlab never parses. The amounts printed are
the stored, rounded amounts of the quote: what the editor showed.

The line table's columns are sized from their content (:func:`line_column_widths`): numbers
never wrap and get the width they need, up to the largest amounts the limits allow; a unit
wraps inside its column when it is longer than that column's maximum; nothing is printed over
a neighbouring cell.

The bundled WenQuanYi Micro Hei font is embedded as a subset, so the Chinese renders in any
viewer. Characters it lacks (CJK Extension B such as 𠀀, emoji) print as □ rather than as a
blank (see :mod:`sms_desktop.reporting.fonts`). reportlab is imported inside the functions,
keeping it out of the app's start-up.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any
from xml.sax.saxutils import escape

from sms_desktop.domain.capitals import rmb_capitals
from sms_desktop.domain.enums import DocumentLanguage, QuoteLineKind, TaxMode
from sms_desktop.domain.palette import Colour
from sms_desktop.domain.pricing import format_number
from sms_desktop.domain.print_language import printed_description, unit_in
from sms_desktop.reporting.files import atomic_output
from sms_desktop.reporting.fonts import cjk_font_path, printable
from sms_desktop.reporting.labels import QUOTE_LABELS, in_language
from sms_desktop.services.quotes import LineData, QuoteDetail
from sms_desktop.services.settings import CompanyProfile

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

FONT = "WQYMicroHei"
_registered = False

# label key -> (Chinese, English)


_RIGHT_KEYS = frozenset({"qty", "price", "discount", "rate", "amount"})


def label(key: str, language: DocumentLanguage) -> str:
    return in_language(QUOTE_LABELS[key], language)


def register_font() -> str:
    """Register the bundled CJK font with reportlab (once); returns its name."""
    global _registered  # noqa: PLW0603 - a process-wide "registered once" flag
    if not _registered:
        from reportlab.lib.fonts import addMapping
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        pdfmetrics.registerFont(TTFont(FONT, str(cjk_font_path()), subfontIndex=0))
        # The font has one weight: <b> in a Paragraph maps to the same face (no KeyError).
        for bold in (0, 1):
            for italic in (0, 1):
                addMapping(FONT, bold, italic, FONT)
        from reportlab import rl_config

        # Paragraph markup may only name local files (never a URL); user text is escaped anyway.
        rl_config.trustedSchemes = ["file"]
        _registered = True
    return FONT


def money(value: Decimal) -> str:
    return f"{value:,.2f}"


def quantity_text(value: Decimal) -> str:
    return format_number(value)


def percent_text(value: Decimal) -> str:
    return f"{format_number(value)}%"


def _text(value: str | None) -> str:
    """A user string made safe for a Paragraph: characters the font lacks replaced (□),
    escaped, line breaks kept."""
    return escape(printable(value or "")).replace("\n", "<br/>")


def _wrap_cells(width: float, size: float, *, align: int = 0) -> Callable[[str], Any]:
    """Plain strings where the text fits the column, an escaped Paragraph where it wraps
    (``wordWrap="CJK"``: Chinese and long Latin words break inside the column too)."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus import Paragraph

    style = ParagraphStyle(
        "cell",
        fontName=FONT,
        fontSize=size,
        leading=size * 1.3,
        wordWrap="CJK",
        alignment=align,
    )

    def cell(text: str) -> Any:
        text = printable(text)
        if "\n" not in text and stringWidth(text, FONT, size) <= width:
            return text
        return Paragraph(_text(text), style)

    return cell


# The line table's columns: no, item, qty, unit, price, discount, tax, amount. Each column but
# the item is as wide as its widest cell (at least these widths, so ordinary quotes keep their
# layout); the unit is at most _UNIT_MAX wide and wraps inside it beyond; the item takes the
# rest, at least _ITEM_MIN (numbers are set smaller when even the limits' largest amounts
# would leave less).
_MIN_MM = (11.0, 0.0, 16.0, 12.0, 22.0, 13.0, 12.0, 25.0)
_UNIT_MAX_MM = 22.0
_ITEM_MIN_MM = 40.0
_PAD = 3.0  # left and right cell padding of the line table, in points


def line_column_widths(
    texts: list[list[str]], width: float, size: float
) -> tuple[list[float], float]:
    """Column widths (points) for the line table's ``texts`` (one list per item row, the eight
    cells as printed), and the font size of the number columns; the widths add up to
    ``width``."""
    from reportlab.lib.units import mm
    from reportlab.pdfbase.pdfmetrics import stringWidth

    def natural(column: int, font_size: float) -> float:
        widest = max((stringWidth(row[column], FONT, font_size) for row in texts), default=0.0)
        return widest + 2 * _PAD

    unit_min, unit_max = _MIN_MM[3] * mm, _UNIT_MAX_MM * mm
    unit = min(max(unit_min, natural(3, size)), unit_max)
    number_size = size
    while True:
        widths = [max(_MIN_MM[c] * mm, natural(c, number_size)) for c in range(8)]
        widths[3] = unit
        rest = width - sum(w for c, w in enumerate(widths) if c != 1)
        if rest >= _ITEM_MIN_MM * mm:
            break
        if widths[3] > unit_min:
            unit = unit_min  # units wrap in a narrower column before numbers shrink
            continue
        if number_size <= 5:
            break
        number_size -= 0.5
    widths[1] = max(rest, 10 * mm)
    return widths, number_size


class _Document:
    def __init__(
        self,
        quote: QuoteDetail,
        company: CompanyProfile,
        logo: bytes | None,
        language: DocumentLanguage,
    ) -> None:
        from reportlab.lib.pagesizes import A4
        from reportlab.lib.styles import ParagraphStyle
        from reportlab.lib.units import mm

        register_font()
        self.q, self.company, self.logo, self.lang = quote, company, logo, language
        self.page_width, self.page_height = A4
        self.margin = 15 * mm
        self.width = self.page_width - 2 * self.margin
        self.mm = mm
        size = 8.5
        self.size = size
        self.body = ParagraphStyle(
            "body", fontName=FONT, fontSize=size, leading=size * 1.4, wordWrap="CJK"
        )
        self.small = ParagraphStyle("small", parent=self.body, fontSize=7.5, leading=10)
        self.heading = ParagraphStyle(
            "heading", parent=self.body, fontSize=10, leading=14, spaceBefore=6
        )
        self.title = ParagraphStyle("title", parent=self.body, fontSize=16, leading=20, alignment=1)
        self.company_style = ParagraphStyle("company", parent=self.body, fontSize=13, leading=17)

    def header_label(self, key: str) -> str:
        """A column header: both languages on two lines when bilingual (escaped markup)."""
        zh, en = QUOTE_LABELS[key]
        if self.lang is DocumentLanguage.BILINGUAL:
            return f"{_text(zh)}<br/>{_text(en)}"
        return _text(self.L(key))

    def L(self, key: str) -> str:  # noqa: N802 - a short name for the many labels
        return label(key, self.lang)

    # ---------------------------------------------------------------- sections

    def letterhead(self) -> list[Flowable]:
        from reportlab.lib import colors
        from reportlab.lib.utils import ImageReader
        from reportlab.platypus import Image, Paragraph, Table, TableStyle

        c, lang = self.company, self.lang
        names = []
        if lang is not DocumentLanguage.EN and c.name:
            names.append(c.name)
        if lang is not DocumentLanguage.ZH_CN and c.name_en:
            names.append(c.name_en)
        if not names:
            names = [c.name or c.name_en]
        parts = [Paragraph("<br/>".join(_text(n) for n in names if n), self.company_style)]
        address = c.address_en if lang is DocumentLanguage.EN and c.address_en else c.address
        details = []
        if address:
            details.append(f"{_text(self.L('address'))}: {_text(address)}")
        if c.tax_id:
            details.append(f"{_text(self.L('tax_id'))}: {_text(c.tax_id)}")
        contact = [
            f"{_text(self.L('phone'))}: {_text(c.phone)}" if c.phone else "",
            f"{_text(self.L('email'))}: {_text(c.email)}" if c.email else "",
            _text(c.website),
        ]
        if any(contact):
            details.append("&nbsp;&nbsp;".join(x for x in contact if x))
        if details:
            parts.append(Paragraph("<br/>".join(details), self.small))
        logo_cell: Any = ""
        logo_width = 0.0
        if self.logo:
            try:
                reader = ImageReader(io.BytesIO(self.logo))
                iw, ih = reader.getSize()
                height = 18 * self.mm
                logo_width = min(40 * self.mm, height * iw / max(ih, 1))
                logo_cell = Image(
                    io.BytesIO(self.logo), width=logo_width, height=logo_width * ih / max(iw, 1)
                )
            except Exception:  # an unreadable logo is left out, the quote still prints
                logo_cell, logo_width = "", 0.0
        widths = (
            [logo_width + 4 * self.mm, self.width - logo_width - 4 * self.mm]
            if logo_width
            else [0.1, self.width - 0.1]
        )
        table = Table([[logo_cell, parts]], colWidths=widths)
        table.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), FONT, self.size),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("LINEBELOW", (0, 0), (-1, -1), 1.2, colors.HexColor(Colour.BRAND)),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                ]
            )
        )
        return [table]

    def header_block(self) -> list[Flowable]:
        from reportlab.lib import colors
        from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

        q, p = self.q, self.q.party
        name = p.name
        if self.lang is DocumentLanguage.EN and p.name_en:
            name = p.name_en
        elif self.lang is DocumentLanguage.BILINGUAL and p.name_en and p.name_en != p.name:
            name = f"{p.name}\n{p.name_en}"
        customer = [f"<b>{_text(self.L('to'))}</b>", _text(name)]
        for key, value in (
            ("address", p.address),
            ("tax_id", p.tax_id),
            ("contact", p.contact),
            ("phone", p.contact_phone or p.phone),
            ("email", p.contact_email or p.email),
        ):
            if value:
                customer.append(f"{_text(self.L(key))}: {_text(value)}")
        from sms_desktop.domain.quotes import revision_letter

        prices = self.L("excl") if q.tax_mode is TaxMode.EXCLUSIVE else self.L("incl")
        facts = [
            (self.L("number"), q.number),
            (self.L("revision"), revision_letter(q.revision)),
            (self.L("date"), q.issue_date.isoformat()),
            (self.L("valid"), q.valid_until.isoformat()),
            (self.L("currency"), f"{q.currency} ({prices})"),
        ]
        if q.owner:
            facts.append((self.L("owner"), q.owner))
        fact_rows = [
            [Paragraph(_text(k), self.small), Paragraph(_text(v), self.body)] for k, v in facts
        ]
        facts_table = Table(fact_rows, colWidths=[30 * self.mm, 50 * self.mm])
        facts_table.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), FONT, self.size),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("TOPPADDING", (0, 0), (-1, -1), 1),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                    ("TEXTCOLOR", (0, 0), (0, -1), colors.HexColor(Colour.MUTED)),
                ]
            )
        )
        left = Paragraph("<br/>".join(customer), self.body)
        block = Table([[left, facts_table]], colWidths=[self.width - 82 * self.mm, 82 * self.mm])
        block.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), FONT, self.size),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("BOX", (0, 0), (0, 0), 0.5, colors.HexColor(Colour.NEUTRAL)),
                    ("LEFTPADDING", (0, 0), (0, 0), 6),
                ]
            )
        )
        return [
            Spacer(1, 4 * self.mm),
            Paragraph(_text(self.L("title")), self.title),
            Spacer(1, 3 * self.mm),
            block,
            Spacer(1, 4 * self.mm),
        ]

    def line_table(self) -> list[Flowable]:
        from reportlab.lib import colors
        from reportlab.lib.styles import ParagraphStyle
        from reportlab.platypus import Paragraph, Table, TableStyle

        size = self.size
        exclusive = self.q.tax_mode is TaxMode.EXCLUSIVE
        items: list[tuple[LineData, list[str]]] = []
        number = 0
        for line in self.q.lines:
            if line.kind is QuoteLineKind.SECTION:
                items.append((line, []))
                continue
            number += 1
            text = line.description
            if line.product_names:
                text = printed_description(text, *line.product_names, self.lang)
            if line.sku:
                text = f"{line.sku}  {text}" if text else line.sku
            amount = line.net_amount if exclusive else line.total_amount
            items.append(
                (
                    line,
                    [
                        str(number),
                        text,
                        quantity_text(line.quantity),
                        printable(unit_in(line.unit, self.lang)),
                        money(line.unit_price),
                        percent_text(line.discount_percent) if line.discount_percent else "",
                        percent_text(line.tax_rate),
                        money(amount),
                    ],
                )
            )
        widths, number_size = line_column_widths(
            [cells for _line, cells in items if cells], self.width, size
        )
        left = ParagraphStyle("th", parent=self.small, fontSize=7.5, leading=9.5)
        right = ParagraphStyle("th_right", parent=left, alignment=2)
        keys = ("no", "item", "qty", "unit", "price", "discount", "rate", "amount")
        header = [
            Paragraph(self.header_label(k), right if k in _RIGHT_KEYS else left) for k in keys
        ]
        cell = _wrap_cells(widths[1] - 2 * _PAD, size)
        unit_cell = _wrap_cells(widths[3] - 2 * _PAD, size)
        rows: list[list[Any]] = [header]
        styles: list[tuple[Any, ...]] = [
            ("FONT", (0, 0), (-1, -1), FONT, size),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(Colour.TABLE_HEADER)),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.HexColor(Colour.BRAND)),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("ALIGN", (2, 1), (2, -1), "RIGHT"),
            ("ALIGN", (4, 1), (-1, -1), "RIGHT"),
            ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.HexColor(Colour.RULE)),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ("LEFTPADDING", (0, 0), (-1, -1), _PAD),
            ("RIGHTPADDING", (0, 0), (-1, -1), _PAD),
        ]
        if number_size != size:
            for column in (0, 2, 4, 5, 6, 7):
                styles.append(("FONTSIZE", (column, 1), (column, -1), number_size))
        for line, cells in items:
            if not cells:
                row = len(rows)
                rows.append([cell(line.description), "", "", "", "", "", "", ""])
                styles += [
                    ("SPAN", (0, row), (-1, row)),
                    ("BACKGROUND", (0, row), (-1, row), colors.HexColor(Colour.TABLE_STRIPE)),
                ]
                continue
            cells[1] = cell(cells[1])
            cells[3] = unit_cell(cells[3])
            rows.append(cells)
        table = Table(rows, colWidths=widths, repeatRows=1)
        table.setStyle(TableStyle(styles))
        return [table]

    def totals(self) -> list[Flowable]:
        from reportlab.lib import colors
        from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

        q = self.q
        totals = q.totals()
        rows: list[tuple[str, str]] = []
        if q.discount_total > 0:
            rows.append((self.L("gross"), money(totals.gross_total)))
            rows.append((self.L("discount_total"), "−" + money(q.discount_total)))
        if q.tax_mode is TaxMode.EXCLUSIVE:
            rows.append((self.L("subtotal"), money(q.subtotal)))
            rows += [
                (f"{self.L('vat')} {percent_text(b.rate)}", money(b.tax)) for b in totals.taxes
            ]
            rows.append((self.L("total"), f"{q.currency} {money(q.total)}"))
            bold_row = len(rows) - 1
        else:
            rows.append((self.L("total_incl"), f"{q.currency} {money(q.total)}"))
            bold_row = len(rows) - 1
            rows.append((self.L("of_net"), money(q.subtotal)))
            rows += [
                (f"{self.L('of_vat')} {percent_text(b.rate)}", money(b.tax)) for b in totals.taxes
            ]
        from reportlab.pdfbase.pdfmetrics import stringWidth

        label_width = 62 * self.mm
        # As wide as the widest figure (the total is set at 11 pt), default padding 6 + 6.
        value_width = max(
            [38 * self.mm]
            + [
                stringWidth(v, FONT, 11 if i == bold_row else self.size) + 12
                for i, (_k, v) in enumerate(rows)
            ]
        )
        table = Table(
            [[Paragraph(_text(k), self.body), v] for k, v in rows],
            colWidths=[label_width, value_width],
            hAlign="RIGHT",
        )
        table.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), FONT, self.size),
                    ("ALIGN", (1, 0), (1, -1), "RIGHT"),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("FONT", (1, bold_row), (1, bold_row), FONT, 11),
                    ("LINEABOVE", (0, bold_row), (-1, bold_row), 0.8, colors.black),
                    ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
                ]
            )
        )
        story: list[Flowable] = [Spacer(1, 2 * self.mm), table]
        if q.currency == "CNY" and self.lang is not DocumentLanguage.EN:
            words = f"{_text(self.L('capitals'))}：{_text(rmb_capitals(q.total))}"
            story += [Spacer(1, 2 * self.mm), Paragraph(words, self.heading)]
        return story

    def notes_and_terms(self) -> list[Flowable]:
        from reportlab.platypus import Paragraph

        story: list[Flowable] = []
        # The company's bank and account (Settings ▸ Company), for the customer's payment.
        blocks = (("notes", self.q.notes), ("terms", self.q.terms), ("bank", self.company.bank))
        for key, text in blocks:
            if text.strip():
                story.append(Paragraph(_text(self.L(key)), self.heading))
                story.append(Paragraph(_text(text), self.body))
        return story

    def signatures(self) -> list[Flowable]:
        from reportlab.lib import colors
        from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

        name = (
            self.company.name
            if self.lang is not DocumentLanguage.EN
            else (self.company.name_en or self.company.name)
        )

        def box(title: str, who: str) -> list[Any]:
            return [
                Paragraph(_text(title), self.body),
                Paragraph(_text(who), self.small),
                Spacer(1, 22 * self.mm),
                Paragraph(f"{_text(self.L('sign_date'))}: ______________", self.small),
            ]

        half = self.width / 2 - 3 * self.mm
        table = Table(
            [
                [
                    box(self.L("customer_sign"), self.q.party.name),
                    "",
                    box(self.L("company_sign"), name),
                ]
            ],
            colWidths=[half, 6 * self.mm, half],
        )
        table.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), FONT, self.size),
                    ("BOX", (0, 0), (0, 0), 0.5, colors.HexColor(Colour.NEUTRAL)),
                    ("BOX", (2, 0), (2, 0), 0.5, colors.HexColor(Colour.NEUTRAL)),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 6),
                ]
            )
        )
        return [Spacer(1, 6 * self.mm), KeepTogether([table])]

    # ------------------------------------------------------------------- build

    def story(self) -> list[Flowable]:
        return [
            *self.letterhead(),
            *self.header_block(),
            *self.line_table(),
            *self.totals(),
            *self.notes_and_terms(),
            *self.signatures(),
        ]

    def build(self, out: str | IO[bytes]) -> int:
        from reportlab.platypus import SimpleDocTemplate

        doc = SimpleDocTemplate(
            out,
            pagesize=(self.page_width, self.page_height),
            leftMargin=self.margin,
            rightMargin=self.margin,
            topMargin=self.margin,
            bottomMargin=self.margin + 4 * self.mm,
            title=f"{self.L('title')} {self.q.label}",
            initialFontName=FONT,
            author=self.company.name or self.company.name_en,
            creator="SMS Desktop",
        )
        canvas_class = _numbered_canvas(self)
        doc.build(self.story(), canvasmaker=canvas_class)
        return int(canvas_class.pages)

    def footer(self, canvas: Any, page: int, pages: int) -> None:
        from reportlab.lib import colors

        canvas.saveState()
        canvas.setFont(FONT, 7.5)
        canvas.setFillColor(colors.HexColor(Colour.MUTED))
        y = self.margin - 2
        text = (
            self.L("page").format(page=page, pages=pages)
            if self.lang is not DocumentLanguage.BILINGUAL
            else (
                f"{QUOTE_LABELS['page'][0].format(page=page, pages=pages)}  {QUOTE_LABELS['page'][1].format(page=page, pages=pages)}"
            )
        )
        canvas.drawRightString(self.page_width - self.margin, y, text)
        canvas.drawString(self.margin, y, printable(self.q.label))
        canvas.restoreState()


def _numbered_canvas(document: _Document) -> Any:
    """A canvas that holds its pages back until the end, so each footer knows the page count."""
    from reportlab.pdfgen.canvas import Canvas

    class NumberedCanvas(Canvas):  # type: ignore[misc]  # reportlab has no type hints
        pages = 0

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._saved: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._saved.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._saved)
            type(self).pages = total
            for number, state in enumerate(self._saved, 1):
                self.__dict__.update(state)
                document.footer(self, number, total)
                super().showPage()
            super().save()

    return NumberedCanvas


def quote_language(quote: QuoteDetail, default: DocumentLanguage) -> DocumentLanguage:
    """The quote's own language, else its customer's, else the default from Settings."""
    return quote.language or quote.party.quote_language or default


def write_quote_pdf(
    quote: QuoteDetail,
    out: str | Path | IO[bytes],
    *,
    company: CompanyProfile,
    logo: bytes | None = None,
    language: DocumentLanguage = DocumentLanguage.ZH_CN,
) -> int:
    """Write the quote as a PDF to ``out`` (a path, written atomically, or a binary file);
    returns the page count."""
    if isinstance(out, str | Path):
        with atomic_output(Path(out)) as temporary:
            return _Document(quote, company, logo, language).build(str(temporary))
    return _Document(quote, company, logo, language).build(out)


def quote_pdf_bytes(
    quote: QuoteDetail,
    *,
    company: CompanyProfile,
    logo: bytes | None = None,
    language: DocumentLanguage = DocumentLanguage.ZH_CN,
) -> bytes:
    buffer = io.BytesIO()
    write_quote_pdf(quote, buffer, company=company, logo=logo, language=language)
    return buffer.getvalue()
