"""The management report: a few A4 pages with the KPIs, the dashboard charts and top tables.

reportlab platypus; the bundled CJK font is embedded (as a subset) so Chinese renders in
any viewer. Tables hold plain strings (never parsed as markup), the few ``Paragraph``\\ s get
escaped text only, and reportlab may only open local files. Pages say "page x of y".
"""

from __future__ import annotations

import io
import threading
from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

from sms_desktop.domain.clock import clock
from sms_desktop.domain.palette import Colour
from sms_desktop.reporting import dashboard_charts as dc
from sms_desktop.reporting.charts import is_chinese
from sms_desktop.reporting.dashboard_charts import _fit
from sms_desktop.reporting.files import Progress, atomic_output
from sms_desktop.reporting.fonts import chart_rc, cjk_font_path
from sms_desktop.reporting.labels import report_text
from sms_desktop.services.dashboard import Comparison, Dashboard, DashboardFilter, DashboardService

if TYPE_CHECKING:
    from sms_desktop.reporting.forecast_page import ForecastPageSource
    from sms_desktop.reporting.key_accounts_page import KeyAccountsPage

FONT = "WenQuanYiMicroHei"
CHART_DPI = 150
HEADER_BACKGROUND = Colour.TABLE_HEADER
GRID = Colour.TABLE_GRID

_lock = threading.Lock()
_registered = [False]


def register_pdf_font() -> str:
    """Register the bundled CJK font with reportlab once (face 0 of the collection)."""
    with _lock:
        if not _registered[0]:
            from reportlab import rl_config
            from reportlab.pdfbase import pdfmetrics
            from reportlab.pdfbase.ttfonts import TTFont

            # Paragraph markup could otherwise make reportlab fetch remote images.
            rl_config.trustedSchemes = ["file"]
            pdfmetrics.registerFont(TTFont(FONT, str(cjk_font_path()), subfontIndex=0))
            _registered[0] = True
    return FONT


def money(value: Decimal | None) -> str:
    return "–" if value is None else f"{value:,.2f}"


def percent(value: Decimal | None) -> str:
    return "–" if value is None else f"{value:.1f}%"


def write_management_report(
    path: Path,
    dashboard: DashboardService,
    flt: DashboardFilter,
    *,
    language: str,
    owner_name: str | None = None,
    progress: Progress | None = None,
    today: date | None = None,
    key_accounts: KeyAccountsPage | None = None,
    forecast: ForecastPageSource | None = None,
) -> int:
    """Write the report of ``flt`` to ``path`` (replaced whole); returns the page count.
    With ``key_accounts`` (``reporting/key_accounts_page.read_key_accounts``) a page of the
    key accounts, with ``forecast`` a last page of the sales forecast
    (``reporting/forecast_page.py``)."""
    snapshot = dashboard.dashboard(flt, today=today)
    steps = 3 + len(dc.CHART_NAMES) + (forecast is not None)
    step = [0]

    def tick() -> None:
        step[0] += 1
        if progress is not None:
            progress(step[0], steps)

    tick()
    images = _chart_images(snapshot, language, tick)
    extra: list[Callable[[str, float], list[Any]]] = []
    if forecast is not None:
        from sms_desktop.reporting.forecast_page import forecast_flowables

        page = forecast.read(today=today or clock().today())
        extra.append(lambda font, width: forecast_flowables(page, language, font=font, width=width))
        tick()
    with atomic_output(path) as temporary:
        pages = _build(temporary, snapshot, images, language, owner_name, key_accounts, extra)
    tick()
    if progress is not None:
        progress(steps, steps)
    return pages


def _chart_images(snapshot: Dashboard, language: str, tick: Callable[[], None]) -> dict[str, bytes]:
    text = report_text(language)
    draws: dict[str, tuple[Callable[..., None], object]] = {
        "monthly": (dc.draw_monthly, snapshot.monthly),
        "pipeline": (dc.draw_pipeline, snapshot.stages),
        "customers": (dc.draw_top_customers, snapshot.top_customers),
        "categories": (dc.draw_categories, snapshot.categories),
        "targets": (dc.draw_targets, snapshot.targets),
    }
    images: dict[str, bytes] = {}
    for name, (draw, series) in draws.items():
        figure = dc.new_figure((7.2, 3.4))
        draw(figure, series, text, language)
        buffer = io.BytesIO()
        with chart_rc():
            figure.savefig(buffer, format="png", dpi=CHART_DPI)
        images[name] = buffer.getvalue()
        tick()
    return images


def _build(
    target: Path,
    snapshot: Dashboard,
    images: dict[str, bytes],
    language: str,
    owner_name: str | None,
    key_accounts: KeyAccountsPage | None = None,
    extra: Sequence[Callable[[str, float], list[Any]]] = (),
) -> int:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import (
        Image,
        KeepTogether,
        PageBreak,
        Paragraph,
        SimpleDocTemplate,
        Spacer,
        Table,
        TableStyle,
    )

    font = register_pdf_font()
    text = report_text(language)
    chinese = is_chinese(language)
    wrap = "CJK" if chinese else None
    title_style = ParagraphStyle("title", fontName=font, fontSize=18, leading=24, wordWrap=wrap)
    heading = ParagraphStyle(
        "heading", fontName=font, fontSize=12, leading=16, spaceBefore=8, spaceAfter=4
    )
    small = ParagraphStyle("small", fontName=font, fontSize=9, leading=12, wordWrap=wrap)
    width = A4[0] - 36 * mm

    def table(rows: list[list[str]], widths: list[float], numeric_from: int = 1) -> Table:
        t = Table(rows, colWidths=widths, repeatRows=1)
        t.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), font, 9),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(HEADER_BACKGROUND)),
                    ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor(GRID)),
                    ("ALIGN", (numeric_from, 1), (-1, -1), "RIGHT"),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ]
            )
        )
        return t

    def chart(name: str) -> Image:
        picture = Image(io.BytesIO(images[name]), width=width, height=width * 3.4 / 7.2)
        return picture

    flt = snapshot.filter
    k = snapshot.kpis
    period = f"{flt.period_from.isoformat()} – {flt.period_to.isoformat()}"
    subtitle = f"{text.period}: {period} · {text.owner}: {owner_name or text.everyone}"

    def comparison(name: str, figure: Comparison) -> list[str]:
        return [name, money(figure.current), money(figure.previous), percent(figure.change)]

    kpi_rows = [
        [text.figure, text.value, text.previous, text.change],
        comparison(text.revenue_period, k.revenue_period),
        comparison(text.revenue_month, k.revenue_month),
        comparison(text.revenue_quarter, k.revenue_quarter),
        comparison(text.revenue_ytd, k.revenue_ytd),
        [text.open_pipeline, money(k.pipeline.amount), "", ""],
        [text.weighted_pipeline, money(k.pipeline.weighted), "", ""],
        [text.open_deals, f"{k.pipeline.open_deals:,}", "", ""],
        [text.win_rate, percent(k.win_rate.win_rate), "", ""],
        [text.average_deal_size, money(k.win_rate.average_deal_size), "", ""],
        [text.quotes_awaiting, f"{k.quotes_awaiting.count:,}", "", ""],
        [text.quotes_awaiting_amount, money(k.quotes_awaiting.amount), "", ""],
        [text.overdue_tasks, f"{k.overdue_tasks:,}", "", ""],
        [text.target_attainment, percent(k.targets.attainment), "", ""],
    ]
    customers = [[text.customer, text.revenue, text.share, text.cumulative_share]] + [
        [_fit(c.name, 44), money(c.revenue), percent(c.share), percent(c.cumulative_share)]
        for c in snapshot.top_customers
    ]
    stages = [[text.stage, text.deals, text.amount, text.weighted]] + [
        [
            _fit(s.name_zh if chinese else s.name_en, 40),
            f"{s.count:,}",
            money(s.amount),
            money(s.weighted),
        ]
        for s in snapshot.stages
    ]
    targets = [[text.salesperson, text.target, text.actual, text.attainment]] + [
        [_fit(t.name, 40), money(t.target), money(t.actual), percent(t.attainment)]
        for t in snapshot.targets
    ]
    quarter = width / 4
    story: list[Any] = [
        Paragraph(escape(text.report_title), title_style),
        Paragraph(escape(subtitle), small),
        Paragraph(escape(text.generated.format(date=clock().today().isoformat())), small),
        Spacer(1, 6 * mm),
        table(kpi_rows, [width * 0.4, width * 0.22, width * 0.22, width * 0.16]),
        Spacer(1, 6 * mm),
        chart("monthly"),
        PageBreak(),
        chart("pipeline"),
        KeepTogether(
            [Paragraph(escape(text.pipeline_title), heading), table(stages, [quarter] * 4)]
        ),
        Spacer(1, 4 * mm),
        chart("categories"),
        PageBreak(),
        chart("customers"),
        KeepTogether(
            [
                Paragraph(escape(text.top_customers_table), heading),
                table(customers, [width * 0.46, width * 0.22, width * 0.16, width * 0.16]),
            ]
        ),
        PageBreak(),
        chart("targets"),
        KeepTogether(
            [Paragraph(escape(text.targets_title), heading), table(targets, [quarter] * 4)]
        ),
    ]
    if key_accounts is not None:
        from sms_desktop.reporting.key_accounts_page import key_accounts_flowables

        story.append(PageBreak())
        story += key_accounts_flowables(
            key_accounts, language, styles=(title_style, heading, small), width=width, table=table
        )
    for more in extra:  # further pages, each given the font and the text width
        story += [PageBreak(), *more(font, width)]
    page_text = text.page

    def numbered_canvas(*args: Any, **kwargs: Any) -> Any:
        return _NumberedCanvas(font, page_text, *args, **kwargs)

    doc = SimpleDocTemplate(
        str(target),
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=16 * mm,
        bottomMargin=16 * mm,
        title=text.report_title,
        author="SMS Desktop",
    )
    doc.build(story, canvasmaker=numbered_canvas)
    return int(doc.page)


def _numbered_canvas_class() -> type:
    from reportlab.pdfgen.canvas import Canvas

    class NumberedCanvas(Canvas):  # type: ignore[misc]
        """Holds the pages back until the end so each can say "page x of y"."""

        def __init__(self, font: str, page_text: str, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._font, self._page_text = font, page_text
            self._saved: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._saved.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            pages = len(self._saved)
            for state in self._saved:
                self.__dict__.update(state)
                self.setFont(self._font, 8)
                self.drawRightString(
                    self._pagesize[0] - 50,
                    24,
                    self._page_text.format(page=self._pageNumber, pages=pages),
                )
                super().showPage()
            super().save()

    return NumberedCanvas


def _NumberedCanvas(font: str, page_text: str, *args: Any, **kwargs: Any) -> Any:  # noqa: N802
    return _numbered_canvas_class()(font, page_text, *args, **kwargs)
