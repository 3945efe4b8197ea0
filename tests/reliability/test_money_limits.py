"""Money at and beyond the limits (audit, issue 21 item 3): refused with a field message
beyond them, accepted at them, and every sum, report and PDF still works on a database full of
documents at the maximum."""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select, text

from sms_desktop import cli
from sms_desktop.domain.capitals import rmb_capitals
from sms_desktop.domain.enums import (
    DocumentLanguage,
    PeriodKind,
    QuoteLineKind,
    QuoteStatus,
    StageKind,
    TargetMetric,
)
from sms_desktop.domain.errors import ValidationError
from sms_desktop.domain.i18n import Message
from sms_desktop.domain.money import (
    MAX_AMOUNT,
    MAX_DOCUMENT_TOTAL,
    MAX_LINE_TOTAL,
    MAX_MINOR,
    SUM_HEADROOM,
    from_minor,
    to_minor,
)
from sms_desktop.domain.quotes import MAX_LINES, MAX_QUANTITY
from sms_desktop.persistence import models as m
from sms_desktop.persistence.db import Database
from sms_desktop.reporting.management_pdf import write_management_report
from sms_desktop.reporting.quote_pdf import write_quote_pdf
from sms_desktop.reporting.summary_workbook import write_summary_workbook
from sms_desktop.services.dashboard import DashboardFilter
from sms_desktop.services.pricing import PriceListInput, RuleInput
from sms_desktop.services.products import ProductInput
from sms_desktop.services.quotes import LineData, QuoteInput
from sms_desktop.services.registry import Services
from sms_desktop.services.settings import CompanyProfile
from sms_desktop.services.stats import refresh_customer_stats

D = Decimal
TODAY = date(2027, 3, 1)
NOW = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)
YEAR = DashboardFilter(date(2027, 1, 1), date(2027, 12, 31))
TS = Path(__file__).resolve().parents[2] / "resources" / "i18n" / "sms_desktop_zh_CN.ts"
COMPANY = CompanyProfile(name="上海明达贸易有限公司", name_en="Shanghai Mingda Trading Co., Ltd.")
MAX_CAPITALS = "人民币玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"


@dataclass(frozen=True)
class Shop:
    owner: int
    customer: int
    product: int
    open_stage: int


@pytest.fixture
def shop(db: Database) -> Shop:
    with db.write() as s:
        owner = m.Salesperson(name="张明")
        stages = [
            m.PipelineStage(
                key="commit", name_zh="承诺", name_en="Commit", position=1, default_probability=100
            ),
            m.PipelineStage(
                key="won",
                name_zh="赢单",
                name_en="Won",
                position=2,
                kind=StageKind.WON,
                default_probability=100,
            ),
        ]
        customer = m.Customer(name="北京华夏科技有限公司", name_en="Beijing Huaxia Technology")
        product = m.Product(
            sku="BIG-1",
            name_zh="大型设备",
            name_en="Big machine",
            unit="台",
            list_price=MAX_AMOUNT,
            tax_rate=D(0),
        )
        s.add_all([owner, *stages, customer, product])
        s.flush()
        return Shop(owner.id, customer.id, product.id, stages[0].id)


def item(qty: str | Decimal, price: str | Decimal, rate: str = "0", **kw: object) -> LineData:
    values: dict[str, object] = {
        "description": "大型设备",
        "quantity": D(qty),
        "unit": "台",
        "unit_price": D(price),
        "tax_rate": D(rate),
    }
    values.update(kw)
    return LineData(**values)  # type: ignore[arg-type]


def quote_input(shop: Shop, *lines: LineData) -> QuoteInput:
    return QuoteInput(
        customer_id=shop.customer,
        issue_date=TODAY,
        valid_until=TODAY + timedelta(days=30),
        owner_id=shop.owner,
        lines=lines,
    )


def translated(message: Message) -> str:
    """The Chinese translation of ``message`` in the .ts file (fails when there is none)."""
    for context in ET.parse(TS).getroot().iter("context"):
        if context.findtext("name") != message.context:
            continue
        for entry in context.iter("message"):
            if entry.findtext("source") == message.text:
                translation = entry.findtext("translation") or ""
                assert translation.strip(), message.text
                return translation
    raise AssertionError(f"no translation for {message.context}: {message.text}")


def refused(error: pytest.ExceptionInfo[ValidationError], field: str) -> str:
    """The rendered message of ``field``, after checking it is one translated line."""
    message = error.value.errors[field]
    translated(message)
    rendered = message.render()
    assert "\n" not in rendered and "SELECT" not in rendered and "Error" not in rendered
    return rendered


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


# ------------------------------------------------------------------------ the limits


def test_the_limits_leave_room_for_sums_of_many_documents() -> None:
    assert MAX_LINE_TOTAL <= MAX_AMOUNT and MAX_DOCUMENT_TOTAL <= MAX_AMOUNT
    assert to_minor(MAX_AMOUNT) < 10**14
    assert SUM_HEADROOM * to_minor(MAX_DOCUMENT_TOTAL) <= MAX_MINOR == 2**63 - 1
    assert SUM_HEADROOM >= 90_000
    # A line at the maximum quantity and price would be far beyond 64 bits: hence the
    # line and document limits, not only the per-field ones.
    assert MAX_QUANTITY * MAX_AMOUNT * 100 > MAX_MINOR


# ------------------------------------------------------------------------ at the limit


def test_a_quote_at_the_limit_is_saved_accepted_and_printed(
    services: Services, shop: Shop, tmp_path: Path
) -> None:
    quotes = services.quotes
    saved = quotes.save(None, quote_input(shop, item("1", MAX_AMOUNT, product_id=shop.product)))
    assert saved.total == MAX_DOCUMENT_TOTAL
    # With tax: the total (net + tax) is what is bounded.
    taxed = quotes.save(None, quote_input(shop, item("1", "884955752212.38", "13")))
    assert taxed.total <= MAX_DOCUMENT_TOTAL and taxed.total > D("999999999999")
    quotes.send(saved.id, now=NOW)
    accepted = quotes.accept(saved.id, today=TODAY, now=NOW).quote
    assert accepted.status is QuoteStatus.ACCEPTED and accepted.order_id is not None
    with services.db.read() as s:
        order = s.get(m.Order, accepted.order_id)
        assert order is not None and order.total == MAX_AMOUNT
    for language in DocumentLanguage:
        out = tmp_path / f"quote-{language.value}.pdf"
        assert write_quote_pdf(accepted, out, company=COMPANY, language=language) == 1
        words = pdf_text(out)
        assert "999,999,999,999.99" in words
        if language is not DocumentLanguage.EN:
            assert MAX_CAPITALS in words.replace(" ", "").replace("\n", "")


def test_the_maximum_quantity_is_accepted_with_a_small_price(
    services: Services, shop: Shop
) -> None:
    saved = services.quotes.save(None, quote_input(shop, item(MAX_QUANTITY, "0.01")))
    assert saved.lines[0].quantity == MAX_QUANTITY
    assert saved.total == D("10000000.00")


def test_a_quote_of_the_maximum_number_of_lines_is_saved(services: Services, shop: Shop) -> None:
    lines = [item("1", "1.00") for _ in range(MAX_LINES - 1)]
    lines.insert(0, LineData(kind=QuoteLineKind.SECTION, description="一、设备"))
    saved = services.quotes.save(None, quote_input(shop, *lines))
    assert len(saved.lines) == MAX_LINES and saved.total == D(MAX_LINES - 1)


# ---------------------------------------------------------------------- beyond them


@pytest.mark.parametrize(
    ("lines", "field", "words"),
    [
        # the audit's case: OverflowError from SQLite before
        ([item("1000000", MAX_AMOUNT)], "lines.1", "maximum of 999,999,999,999.99 per line"),
        ([item("9000", MAX_AMOUNT)], "lines.1", "maximum of 999,999,999,999.99 per line"),
        ([item("2", "500000000000.00")], "lines.1", "per line"),
        # net at the limit, with tax over it
        ([item("1", MAX_AMOUNT, "13")], "lines.1", "per line"),
        ([item("1", MAX_AMOUNT), item("1", "0.01")], "total", "split it into several quotes"),
        ([item("1", MAX_AMOUNT + D("0.01"))], "lines.1", "unit price is at most"),
        ([item(MAX_QUANTITY + D("0.001"), "0.01")], "lines.1", "quantity is at most"),
        # the cost becomes the order's cost_total: bounded like an amount
        ([item("1000000", "0.01", unit_cost=MAX_AMOUNT)], "lines.1", "per line"),
        ([item("1", "1", unit_cost=MAX_AMOUNT + D("0.01"))], "lines.1", "unit cost"),
        ([item("1", "1")] * (MAX_LINES + 1), "lines", "at most 1000 lines"),
    ],
    ids=[
        "audit-1e6",
        "audit-9000",
        "line",
        "tax",
        "document",
        "price",
        "quantity",
        "cost",
        "unit-cost",
        "lines",
    ],
)
def test_beyond_the_limits_the_save_is_refused_with_a_field_message(
    services: Services, shop: Shop, lines: list[LineData], field: str, words: str
) -> None:
    with pytest.raises(ValidationError) as error:
        services.quotes.save(None, quote_input(shop, *lines))
    assert words in refused(error, field)
    with services.db.read() as s:
        assert s.scalar(select(func.count()).select_from(m.Quote)) == 0


def test_a_quote_stored_over_the_limits_cannot_become_an_order(
    services: Services, shop: Shop
) -> None:
    """Quotes saved before the limits existed: accepting refuses instead of overflowing."""
    quotes = services.quotes
    saved = quotes.save(None, quote_input(shop, item("1", "100.00")))
    quotes.send(saved.id, now=NOW)
    big = to_minor(MAX_AMOUNT) * 5
    with services.db.write() as s:
        s.execute(text("UPDATE quote_lines SET net_amount = :v, total_amount = :v"), {"v": big})
        s.execute(text("UPDATE quotes SET subtotal = :v, total = :v"), {"v": big})
    with pytest.raises(ValidationError) as error:
        quotes.accept(saved.id, today=TODAY, now=NOW)
    assert "revise it" in refused(error, "total")
    assert quotes.get(saved.id).status is QuoteStatus.SENT
    with services.db.read() as s:
        assert s.scalar(select(func.count()).select_from(m.Order)) == 0


def test_product_and_price_rule_amounts_beyond_the_limit_are_refused(
    services: Services, shop: Shop
) -> None:
    base = ProductInput(sku="P-1", name_zh="设备", list_price=MAX_AMOUNT, cost=MAX_AMOUNT)
    assert services.products.create(base).list_price == MAX_AMOUNT
    for field in ("list_price", "cost"):
        too_much = ProductInput(sku=f"P-{field}", name_zh="设备", **{field: MAX_AMOUNT + D("0.01")})
        with pytest.raises(ValidationError) as error:
            services.products.create(too_much)
        assert "at most 999,999,999,999.99" in refused(error, field)

    pricing = services.pricing
    list_id = pricing.create_list(PriceListInput(name="VIP", customer_id=shop.customer))
    pricing.add_rule(
        list_id,
        RuleInput(product_id=shop.product, min_quantity=MAX_QUANTITY, fixed_price=MAX_AMOUNT),
    )
    with pytest.raises(ValidationError) as error:
        pricing.add_rule(
            list_id, RuleInput(product_id=shop.product, fixed_price=MAX_AMOUNT + D("0.01"))
        )
    assert "at most 999,999,999,999.99" in refused(error, "fixed_price")
    with pytest.raises(ValidationError) as error:
        pricing.add_rule(
            list_id,
            RuleInput(product_id=shop.product, min_quantity=D("1e15"), discount_percent=D("5")),
        )
    assert "at most 999,999,999.999" in refused(error, "min_quantity")


# -------------------------------------------------------- a database full of maximums


def _fill_with_maximums(db: Database, shop: Shop, deals: int) -> None:
    """``SUM_HEADROOM`` orders (with one line each) and sent quotes at the maximum, and
    ``deals`` open deals at the maximum (probability 100 %) closing later this year: as many
    maximum-size documents as the limits promise an SQL sum can take."""
    top = to_minor(MAX_AMOUNT)
    params = {
        "n": SUM_HEADROOM,
        "top": top,
        "customer": shop.customer,
        "owner": shop.owner,
        "product": shop.product,
        "stage": shop.open_stage,
        "deals": deals,
        "now": "2027-03-01 09:00:00.000000",
    }
    with db.write() as s:
        s.execute(
            text(
                "WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < :n)"
                " INSERT INTO orders (number, customer_id, owner_id, order_date, status,"
                "  currency, exchange_rate, tax_mode, rounding_policy, subtotal, tax_total, total,"
                "  cost_total, subtotal_base, tax_total_base, total_base, cost_total_base,"
                "  source, created_at, updated_at)"
                " SELECT 'O-' || i, :customer, :owner, date('2027-01-01', '+' || (i % 59) || "
                "  ' days'), 'paid', 'CNY', 1000000, 'exclusive', 'per_line', :top, 0, :top, 0,"
                "  :top, 0, :top, 0, 'manual', :now, :now FROM seq"
            ),
            params,
        )
        s.execute(
            text(
                "INSERT INTO order_lines (order_id, position, product_id, description, quantity,"
                "  unit_price, discount_percent, tax_rate, unit_cost, net_amount, tax_amount,"
                "  total_amount, net_amount_base)"
                " SELECT id, 1, :product, '大型设备', 1000, :top, 0, 0, 0, :top, 0, :top, :top"
                " FROM orders"
            ),
            params,
        )
        s.execute(
            text(
                "WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < :n)"
                " INSERT INTO quotes (number, revision, status, customer_id, owner_id,"
                "  issue_date, valid_until, currency, exchange_rate, tax_mode, rounding_policy,"
                "  subtotal, discount_total, tax_total, total, created_at, updated_at)"
                " SELECT 'Q-' || i, 1, 'sent', :customer, :owner, '2027-02-01', '2027-12-31',"
                "  'CNY', 1000000, 'exclusive', 'per_line', :top, 0, 0, :top, :now, :now FROM seq"
            ),
            params,
        )
        s.execute(
            text(
                "WITH RECURSIVE seq(i) AS"
                " (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < :deals)"
                " INSERT INTO opportunities (customer_id, title, amount, currency, stage_id,"
                "  expected_close, owner_id, status, stage_changed_at, created_at, updated_at)"
                " SELECT :customer, 'deal ' || i, :top, 'CNY', :stage, '2027-11-30', :owner,"
                "  'open', :now, :now, :now FROM seq"
            ),
            params,
        )
        s.add(
            m.Target(
                salesperson_id=shop.owner,
                metric=TargetMetric.REVENUE,
                period_kind=PeriodKind.YEAR,
                period_start=date(2027, 1, 1),
                value=MAX_AMOUNT,
            )
        )


def test_dashboard_targets_and_reports_over_maximum_documents(
    services: Services, shop: Shop, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # 2,000 deals × 10¹⁴ minor units × 100 % overflowed when multiplied inside the SQL sum.
    _fill_with_maximums(services.db, shop, deals=2_000)
    everything = from_minor(SUM_HEADROOM * to_minor(MAX_AMOUNT))
    with services.db.write() as s:
        refresh_customer_stats(s.connection(), [shop.customer])
        stats = s.get(m.CustomerStats, shop.customer)
        assert stats is not None and stats.revenue_lifetime == everything

    snapshot = services.dashboard.dashboard(YEAR, today=TODAY)
    assert snapshot.kpis.revenue_period.current == everything
    assert snapshot.kpis.quotes_awaiting.amount == everything
    assert snapshot.kpis.pipeline.amount == MAX_AMOUNT * 2_000
    reports = services.dashboard_reports
    assert [row.revenue for row in reports.customers(YEAR)] == [everything]
    assert [row.revenue for row in reports.products(YEAR)] == [everything]

    targets = services.targets
    rows = targets.attainment(
        PeriodKind.YEAR, date(2027, 1, 1), metric=TargetMetric.REVENUE, today=TODAY
    )
    mine = next(r for r in rows if r.salesperson_id == shop.owner)
    assert mine.actual == everything and mine.target == MAX_AMOUNT
    assert targets.leaderboard(PeriodKind.YEAR, date(2027, 1, 1), today=TODAY)
    assert targets.scorecard(shop.owner, PeriodKind.YEAR, date(2027, 1, 1), today=TODAY)

    workbook = tmp_path / "summary.xlsx"
    write_summary_workbook(
        workbook, services.dashboard, reports, YEAR, language="zh_CN", today=TODAY
    )
    assert load_workbook(workbook, read_only=True).sheetnames
    pdf = tmp_path / "management.pdf"
    assert write_management_report(pdf, services.dashboard, YEAR, language="en", today=TODAY) > 0

    # The audit's repro: both reports from the command line, one line on stderr at most.
    services.db.close()
    for kind, name in (("excel", "cli.xlsx"), ("pdf", "cli.pdf")):
        out = tmp_path / name
        args = ["--db", str(services.db.path), "report", kind, "--out", str(out)]
        assert cli.main([*args, "--from", "2027-01-01", "--to", "2027-12-31"]) == 0
        assert out.stat().st_size > 0
    assert "overflow" not in capsys.readouterr().err


# ------------------------------------------------------------------------- capitals


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        (MAX_AMOUNT, MAX_CAPITALS),
        (MAX_DOCUMENT_TOTAL, MAX_CAPITALS),
        (D("1000000000000"), "人民币壹万亿元整"),
        (D("1234500000000.10"), "人民币壹万贰仟叁佰肆拾伍亿元壹角整"),
        (D("1000500000000"), "人民币壹万零伍亿元整"),
        (D("100000000000000"), "人民币壹佰万亿元整"),
        # the largest sum a report can show (SUM_HEADROOM documents at the maximum)
        (
            from_minor(SUM_HEADROOM * to_minor(MAX_AMOUNT)),
            "人民币玖亿贰仟贰佰叁拾贰万玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟零柒拾柒元陆角柒分",
        ),
    ],
)
def test_capitals_for_every_amount_the_limits_allow(amount: Decimal, words: str) -> None:
    assert rmb_capitals(amount) == words
