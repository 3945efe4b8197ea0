"""The printed order documents: the order confirmation (销售确认单 / Sales Order Confirmation)
and the delivery note (送货单 / Delivery Note), A4 PDFs in Chinese, English or both.

They are built by the quote PDF's layer (:mod:`sms_desktop.reporting.quote_pdf`): the same
letterhead, embedded CJK font, escaping of every user string, "page x of y" footer and
table layout; the words come from ``reporting/labels.py`` (:data:`ORDER_LABELS`, and the
quote's for what both say). The confirmation lists the lines with prices, the totals and,
for a foreign-currency order, the stored rate and the company-currency total; the delivery
note lists quantities only (ordered, delivered by that delivery — or everything not yet
delivered when no delivery is named) and has a signature box (签收).
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from sms_desktop.domain.capitals import rmb_capitals
from sms_desktop.domain.enums import DocumentLanguage, TaxMode
from sms_desktop.domain.orders import PaymentTerms, TermsKind
from sms_desktop.domain.palette import Colour
from sms_desktop.domain.print_language import printed_description, unit_in
from sms_desktop.reporting.files import atomic_output
from sms_desktop.reporting.fonts import printable
from sms_desktop.reporting.labels import ORDER_LABELS, QUOTE_LABELS, in_language
from sms_desktop.reporting.quote_pdf import (
    _PAD,
    FONT,
    _Document,
    _numbered_canvas,
    _text,
    _wrap_cells,
    money,
    percent_text,
    quantity_text,
)
from sms_desktop.services.orders import DeliveryRow, OrderDocument, OrderLineRow
from sms_desktop.services.settings import CompanyProfile

if TYPE_CHECKING:
    from reportlab.platypus import Flowable


class OrderPdfKind(StrEnum):
    CONFIRMATION = "confirmation"
    DELIVERY = "delivery"


def order_label(key: str, language: DocumentLanguage) -> str:
    pair = ORDER_LABELS.get(key) or QUOTE_LABELS[key]
    return in_language(pair, language)


class _OrderDocument(_Document):
    """The quote document's layout with an order's content."""

    def __init__(
        self,
        doc: OrderDocument,
        kind: OrderPdfKind,
        company: CompanyProfile,
        logo: bytes | None,
        language: DocumentLanguage,
        delivery: DeliveryRow | None,
    ) -> None:
        super().__init__(None, company, logo, language)  # type: ignore[arg-type]
        self.doc, self.kind, self.delivery = doc, kind, delivery

    def L(self, key: str) -> str:  # noqa: N802 - the quote document's short name
        return order_label(key, self.lang)

    def header_label(self, key: str) -> str:
        zh, en = ORDER_LABELS.get(key) or QUOTE_LABELS[key]
        if self.lang is DocumentLanguage.BILINGUAL:
            return f"{_text(zh)}<br/>{_text(en)}"
        return _text(self.L(key))

    @property
    def label(self) -> str:
        if self.kind is OrderPdfKind.DELIVERY and self.delivery is not None:
            return self.delivery.number
        return self.doc.order.number

    def header_block(self) -> list[Flowable]:
        from reportlab.lib import colors
        from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

        o, p = self.doc.order, self.doc.party
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
        ):
            if value:
                customer.append(f"{_text(self.L(key))}: {_text(value)}")
        facts = [(self.L("order_no"), o.number), (self.L("order_date"), o.order_date.isoformat())]
        if self.kind is OrderPdfKind.DELIVERY:
            if self.delivery is not None:
                facts = [
                    (self.L("delivery_no"), self.delivery.number),
                    (self.L("delivery_date"), self.delivery.delivery_date.isoformat()),
                    *facts,
                ]
        else:
            prices = self.L("excl") if o.tax_mode is TaxMode.EXCLUSIVE else self.L("incl")
            facts.append((self.L("currency"), f"{o.currency} ({prices})"))
            if o.currency != o.company_currency:
                facts.append(
                    (self.L("fx_rate"), f"1 {o.currency} = {o.exchange_rate} {o.company_currency}")
                )
            facts.append((self.L("terms"), terms_text(o.payment_terms, self.lang)))
        if self.doc.owner:
            facts.append((self.L("owner"), self.doc.owner))
        fact_rows = [
            [Paragraph(_text(k), self.small), Paragraph(_text(v), self.body)] for k, v in facts
        ]
        facts_table = Table(fact_rows, colWidths=[30 * self.mm, 52 * self.mm])
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
        block = Table([[left, facts_table]], colWidths=[self.width - 84 * self.mm, 84 * self.mm])
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
            Paragraph(_text(self.L(self.kind.value)), self.title),
            Spacer(1, 3 * self.mm),
            block,
            Spacer(1, 4 * self.mm),
        ]

    def _table(
        self,
        keys: tuple[str, ...],
        widths_mm: tuple[float, ...],
        rows: list[list[str]],
        right_from: int,
    ) -> list[Flowable]:
        from reportlab.lib import colors
        from reportlab.lib.styles import ParagraphStyle
        from reportlab.platypus import Paragraph, Table, TableStyle

        fixed = sum(widths_mm) * self.mm
        widths = [w * self.mm for w in widths_mm]
        widths.insert(1, self.width - fixed)
        left = ParagraphStyle("th", parent=self.small, fontSize=7.5, leading=9.5)
        right = ParagraphStyle("th_right", parent=left, alignment=2)
        header = [
            Paragraph(self.header_label(k), right if i >= right_from else left)
            for i, k in enumerate(keys)
        ]
        cell = _wrap_cells(widths[1] - 2 * _PAD, self.size)
        body = [[r[0], cell(r[1]), *r[2:]] for r in rows]
        table = Table([header, *body], colWidths=widths, repeatRows=1)
        table.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), FONT, self.size),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(Colour.TABLE_HEADER)),
                    ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.HexColor(Colour.BRAND)),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("ALIGN", (right_from, 1), (-1, -1), "RIGHT"),
                    ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.HexColor(Colour.RULE)),
                    ("TOPPADDING", (0, 0), (-1, -1), 2),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                    ("LEFTPADDING", (0, 0), (-1, -1), _PAD),
                    ("RIGHTPADDING", (0, 0), (-1, -1), _PAD),
                ]
            )
        )
        return [table]

    def _item(self, line: OrderLineRow) -> str:
        """A line's code and text; a product's name in the document's language."""
        description = line.description
        if line.product_names is not None:
            description = printed_description(description, *line.product_names, self.lang)
        sku = line.sku
        return f"{sku}  {description}" if sku and description else (sku or description)

    def line_table(self) -> list[Flowable]:
        o = self.doc.order
        if self.kind is OrderPdfKind.DELIVERY:
            rows = []
            for n, ln in enumerate(o.lines, 1):
                if self.delivery is not None:
                    now = self.delivery.quantities.get(ln.id)
                    if now is None:
                        continue
                else:
                    now = ln.open_quantity
                rows.append(
                    [
                        str(n),
                        self._item(ln),
                        printable(unit_in(ln.unit or "", self.lang)),
                        quantity_text(ln.quantity),
                        quantity_text(now),
                    ]
                )
            return self._table(
                ("no", "item", "unit", "ordered", "delivered"), (11, 18, 24, 24), rows, 3
            )
        exclusive = o.tax_mode is TaxMode.EXCLUSIVE
        rows = [
            [
                str(n),
                self._item(ln),
                quantity_text(ln.quantity),
                printable(unit_in(ln.unit or "", self.lang)),
                money(ln.unit_price),
                percent_text(ln.discount_percent) if ln.discount_percent else "",
                percent_text(ln.tax_rate),
                money(ln.net_amount if exclusive else ln.total_amount),
            ]
            for n, ln in enumerate(o.lines, 1)
        ]
        return self._table(
            ("no", "item", "qty", "unit", "price", "discount", "rate", "amount"),
            (11, 16, 12, 24, 13, 12, 28),
            rows,
            2,
        )

    def totals(self) -> list[Flowable]:
        from reportlab.lib import colors
        from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

        if self.kind is OrderPdfKind.DELIVERY:
            return []
        o = self.doc.order
        rows = [
            (self.L("subtotal"), money(o.subtotal)),
            (self.L("vat"), money(o.tax_total)),
            (self.L("total"), f"{o.currency} {money(o.total)}"),
        ]
        bold_row = 2
        if o.currency != o.company_currency:
            rows.append((self.L("in_base"), f"{o.company_currency} {money(o.total_base)}"))
        table = Table(
            [[Paragraph(_text(k), self.body), v] for k, v in rows],
            colWidths=[62 * self.mm, 44 * self.mm],
            hAlign="RIGHT",
        )
        table.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), FONT, self.size),
                    ("ALIGN", (1, 0), (1, -1), "RIGHT"),
                    ("FONT", (1, bold_row), (1, bold_row), FONT, 11),
                    ("LINEABOVE", (0, bold_row), (-1, bold_row), 0.8, colors.black),
                ]
            )
        )
        story: list[Flowable] = [Spacer(1, 2 * self.mm), table]
        if o.currency == "CNY" and self.lang is not DocumentLanguage.EN:
            words = f"{_text(self.L('capitals'))}：{_text(rmb_capitals(o.total))}"
            story += [Spacer(1, 2 * self.mm), Paragraph(words, self.heading)]
        return story

    def notes_and_terms(self) -> list[Flowable]:
        from reportlab.platypus import Paragraph

        story: list[Flowable] = []
        note = self.delivery.note if self.delivery is not None else self.doc.order.notes
        blocks = [("notes", note or "")]
        if self.kind is OrderPdfKind.CONFIRMATION:
            blocks.append(("bank", self.company.bank))
        for key, text in blocks:
            if text.strip():
                story.append(Paragraph(_text(self.L(key)), self.heading))
                story.append(Paragraph(_text(text), self.body))
        return story

    def signatures(self) -> list[Flowable]:
        from reportlab.lib import colors
        from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

        if self.kind is OrderPdfKind.CONFIRMATION:
            title, hint = self.L("confirm_sign"), self.doc.party.name
        else:
            title, hint = self.L("signature"), self.L("signature_hint")
        box = [
            Paragraph(f"<b>{_text(title)}</b>", self.body),
            Paragraph(_text(hint), self.small),
            Spacer(1, 20 * self.mm),
            Paragraph(f"{_text(self.L('sign_date'))}: ______________", self.small),
        ]
        table = Table([[box]], colWidths=[self.width / 2])
        table.setStyle(
            TableStyle(
                [
                    ("BOX", (0, 0), (-1, -1), 0.8, colors.HexColor(Colour.NEUTRAL)),
                    ("LEFTPADDING", (0, 0), (-1, -1), 6),
                ]
            )
        )
        table.hAlign = "RIGHT"
        return [Spacer(1, 6 * self.mm), KeepTogether([table])]

    def build(self, out: str | IO[bytes]) -> int:
        from reportlab.platypus import SimpleDocTemplate

        doc = SimpleDocTemplate(
            out,
            pagesize=(self.page_width, self.page_height),
            leftMargin=self.margin,
            rightMargin=self.margin,
            topMargin=self.margin,
            bottomMargin=self.margin + 4 * self.mm,
            title=f"{self.L(self.kind.value)} {self.label}",
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
        zh, en = QUOTE_LABELS["page"]
        text = {
            DocumentLanguage.ZH_CN: zh,
            DocumentLanguage.EN: en,
            DocumentLanguage.BILINGUAL: f"{zh}  {en}",
        }[self.lang].format(page=page, pages=pages)
        canvas.drawRightString(self.page_width - self.margin, self.margin - 2, text)
        canvas.drawString(self.margin, self.margin - 2, printable(self.label))
        canvas.restoreState()


def terms_text(terms: PaymentTerms, language: DocumentLanguage) -> str:
    """The payment terms in the document's words (月结30天 / Month end + 30 days)."""
    key = {TermsKind.NET: "terms_net", TermsKind.MONTH_END: "terms_eom"}.get(
        terms.kind, "terms_prepay"
    )
    return order_label(key, language).format(days=terms.days, percent=terms.prepay_percent)


def write_order_pdf(
    doc: OrderDocument,
    out: str | Path | IO[bytes],
    *,
    kind: OrderPdfKind = OrderPdfKind.CONFIRMATION,
    company: CompanyProfile,
    logo: bytes | None = None,
    language: DocumentLanguage = DocumentLanguage.ZH_CN,
    delivery: DeliveryRow | None = None,
) -> int:
    """Write the order confirmation or a delivery note (of ``delivery``, else of what is still
    to deliver) to ``out`` (a path, written atomically, or a binary file); returns the pages."""
    document = _OrderDocument(doc, kind, company, logo, language, delivery)
    if isinstance(out, str | Path):
        with atomic_output(Path(out)) as temporary:
            return document.build(str(temporary))
    return document.build(out)
