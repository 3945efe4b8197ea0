"""Quotes built in memory (no database) for the PDF tests and benchmarks."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from sms_desktop.domain.enums import QuoteLineKind, QuoteStatus, RoundingPolicy, TaxMode
from sms_desktop.domain.quotes import compute
from sms_desktop.services.quotes import LineData, PartyInfo, QuoteDetail
from sms_desktop.services.settings import CompanyProfile

COMPANY = CompanyProfile(
    name="上海明达贸易有限公司",
    name_en="Shanghai Mingda Trading Co., Ltd.",
    address="上海市浦东新区张江路1388号8楼",
    tax_id="91310115MA1K4B7X2D",
    phone="021-58886688",
    email="sales@mingda-trade.com",
)


def sample_lines(count: int) -> list[LineData]:
    lines = []
    for i in range(count):
        lines.append(
            LineData(
                product_id=None,
                description=f"产品 Product {i + 1:04d} 不锈钢螺栓",
                quantity=Decimal(i % 7 + 1),
                unit="个",
                unit_price=Decimal(f"{(i * 37) % 900 + 10}.{i % 100:02d}"),
                discount_percent=Decimal(5 if i % 4 == 0 else 0),
                tax_rate=Decimal(13 if i % 3 else 6),
                sku=f"SKU-{i + 1:04d}",
            )
        )
    return lines


def make_quote(
    lines: list[LineData],
    *,
    customer: str = "北京华夏科技有限公司",
    customer_en: str | None = "Beijing Huaxia Technology Co., Ltd.",
    tax_mode: TaxMode = TaxMode.EXCLUSIVE,
    notes: str = "含安装调试，运费另计。",
    terms: str = "1. 本报价有效期30天。\n2. 付款方式：预付30%。",
    contact: str | None = "王伟",
) -> QuoteDetail:
    totals = compute([ln.as_input() for ln in lines], tax_mode=tax_mode)
    stored = tuple(
        replace(ln, net_amount=a.net, tax_amount=a.tax, total_amount=a.total)
        for ln, a in zip(lines, totals.lines, strict=True)
    )
    return QuoteDetail(
        id=1,
        number="Q-2026-0012",
        revision=2,
        status=QuoteStatus.SENT,
        customer_id=1,
        contact_id=None,
        opportunity_id=None,
        owner_id=None,
        owner="张明",
        issue_date=date(2026, 5, 1),
        valid_until=date(2026, 5, 31),
        currency="CNY",
        tax_mode=tax_mode,
        rounding_policy=RoundingPolicy.PER_LINE,
        language=None,
        notes=notes,
        terms=terms,
        lines=stored,
        subtotal=totals.subtotal,
        discount_total=totals.discount_total,
        tax_total=totals.tax_total,
        total=totals.total,
        margin_override_reason=None,
        sent_at=None,
        decided_at=None,
        party=PartyInfo(
            name=customer,
            name_en=customer_en,
            address="北京市海淀区中关村大街1号",
            tax_id=None,
            phone="010-12345678",
            email=None,
            contact=contact,
            contact_phone=None,
            contact_email=None,
            quote_language=None,
        ),
    )


def section(title: str) -> LineData:
    return LineData(kind=QuoteLineKind.SECTION, description=title)
