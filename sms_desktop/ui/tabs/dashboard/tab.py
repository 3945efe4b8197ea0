"""The dashboard: KPI cards and five charts for one period and owner; clicks open the lists."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from sms_desktop.domain.calendar import (
    month_start,
    next_month_start,
    quarter_start,
    year_end,
    year_start,
)
from sms_desktop.domain.clock import clock
from sms_desktop.services.dashboard import (
    Comparison,
    Dashboard,
    DashboardFilter,
    DashboardSeries,
    Kpis,
)
from sms_desktop.ui.background import Operation, run_quietly
from sms_desktop.ui.dialogs.messages import show_error
from sms_desktop.ui.edit import edit_ok
from sms_desktop.ui.formatting import format_date, format_decimal, format_money
from sms_desktop.ui.i18n import current_language
from sms_desktop.ui.navigation import ShowArea, ShowCustomer
from sms_desktop.ui.palette import Colour
from sms_desktop.ui.table_export import run_export, save_chart
from sms_desktop.ui.tabs.base import AreaTab
from sms_desktop.ui.tabs.dashboard.first_steps import FirstSteps
from sms_desktop.ui.tabs.dashboard.next_actions_card import NextActionsCard
from sms_desktop.ui.widgets.save_dialog import PDF, XLSX, FileType, ask_save_path

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack

    from sms_desktop.services.next_actions import NextAction
    from sms_desktop.services.onboarding import Checklist
    from sms_desktop.services.registry import Services


def _probe_dashboard(name: str) -> None:
    """Benchmarks: SMS_DESKTOP_PROBE=dashboard_cards / dashboard prints a marker once the
    cards / the charts are drawn."""
    from sms_desktop.ui.application import _probe

    _probe(name)


PERIODS = ("month", "quarter", "year", "12m", "last_month", "last_quarter", "last_year")


def period_range(key: str, today: date) -> tuple[date, date]:
    """The days of a period preset; the current ones end today."""
    if key == "month":
        return month_start(today), today
    if key == "quarter":
        return quarter_start(today), today
    if key == "year":
        return year_start(today), today
    if key == "12m":
        return next_month_start(today, -11), today
    if key == "last_month":
        return next_month_start(today, -1), month_start(today) - timedelta(days=1)
    if key == "last_quarter":
        start = next_month_start(quarter_start(today), -3)
        return start, quarter_start(today) - timedelta(days=1)
    if key == "last_year":
        last = year_start(today) - timedelta(days=1)
        return year_start(last), year_end(last)
    raise ValueError(f"unknown period: {key!r}")


class KpiCard(QFrame):
    """One figure: a caption, the value in large type and a line of detail.

    Signals:
        clicked(): the user clicked the card.
    """

    clicked = Signal()

    def __init__(self, key: str, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"kpi_{key}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.caption = QLabel(caption, self)
        self.caption.setStyleSheet("color: palette(dark);")
        self.value = QLabel("–", self)
        self.value.setObjectName(f"kpi_{key}_value")
        font = self.value.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.5)
        self.value.setFont(font)
        self.detail = QLabel("", self)
        self.detail.setObjectName(f"kpi_{key}_detail")
        # Six cards share a 1280-pixel laptop's width: long captions and details wrap.
        for label in (self.caption, self.detail):
            label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(2)
        layout.addWidget(self.caption)
        layout.addWidget(self.value)
        layout.addWidget(self.detail)

    def set_figure(self, value: str, detail: str = "", color: str | None = None) -> None:
        self.value.setText(value)
        self.detail.setText(detail)
        self.detail.setStyleSheet(f"color: {color};" if color else "color: palette(dark);")

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)


class ChartPanel(QWidget):
    """A chart canvas with a Save button; the canvas is created on first use."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"chart_{name}")
        self.name = name
        self.canvas: Any = None
        self.figure: Any = None
        self.save_button = QToolButton(self)
        self.save_button.setObjectName(f"save_chart_{name}")
        self.save_button.setText(self.tr("Save…"))
        self.save_button.setToolTip(self.tr("Save this chart as PNG, SVG or PDF"))
        self.save_button.setAutoRaise(True)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.setMinimumHeight(240)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # The button floats over the chart's top-right corner instead of taking a row.
        self.save_button.adjustSize()
        self.save_button.move(self.width() - self.save_button.width() - 2, 2)
        self.save_button.raise_()

    def ensure_canvas(self, on_pick: Callable[[Any], None]) -> Any:
        if self.canvas is None:
            from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

            from sms_desktop.reporting.dashboard_charts import new_figure

            self.figure = new_figure()
            self.canvas = FigureCanvasQTAgg(self.figure)
            self.canvas.setObjectName(f"canvas_{self.name}")
            self.canvas.mpl_connect("pick_event", on_pick)
            self._layout.addWidget(self.canvas, 1)
            self.save_button.raise_()
        return self.figure


class DashboardTab(AreaTab):
    """The figures are read on a worker thread; the charts are built when first drawn.

    Signals:
        status_message(str)
        shown(): a snapshot is on screen (cards and charts drawn)
    """

    watches = frozenset(
        {
            "orders",
            "order_lines",
            "quotes",
            "opportunities",
            "activities",
            "customers",
            "targets",
            "salespeople",
            "pipeline_stages",
            "products",  # the first steps
            "settings",
            "account_scores",  # today's suggestions
            "next_action_dismissals",
        }
    )

    shown = Signal()

    def __init__(self, services: Services, undo: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.today: Callable[[], date] = lambda: clock().today()
        self.snapshot: Dashboard | None = None
        self._loaded = False
        self._generation = 0  # a result of an older refresh is dropped
        self.loading = False  # figures are being read or drawn

        self.period_combo = QComboBox(self)
        self.period_combo.setObjectName("dashboardPeriod")
        names = {
            "month": self.tr("This month"),
            "quarter": self.tr("This quarter"),
            "year": self.tr("This year"),
            "12m": self.tr("Last 12 months"),
            "last_month": self.tr("Last month"),
            "last_quarter": self.tr("Last quarter"),
            "last_year": self.tr("Last year"),
        }
        for key in PERIODS:
            self.period_combo.addItem(names[key], key)
        self.period_combo.setCurrentIndex(PERIODS.index("year"))
        self.owner_combo = QComboBox(self)
        self.owner_combo.setObjectName("dashboardOwner")
        self.owner_combo.addItem(self.tr("Everyone"), None)
        for combo in (self.period_combo, self.owner_combo):
            combo.activated.connect(lambda _i: self.refresh())
        self.period_label = QLabel(self)
        self.period_label.setObjectName("dashboardPeriodLabel")
        self.period_label.setStyleSheet("color: palette(dark);")
        refresh = QPushButton(self.tr("Refresh"), self)
        refresh.clicked.connect(self.refresh)
        workbook = QPushButton(self.tr("Summary Workbook…"), self)
        workbook.setObjectName("dashboardExportWorkbook")
        workbook.clicked.connect(lambda _c=False: self.export_workbook())
        report = QPushButton(self.tr("Management Report…"), self)
        report.setObjectName("dashboardExportReport")
        report.clicked.connect(lambda _c=False: self.export_report())
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Period"), self))
        top.addWidget(self.period_combo)
        top.addWidget(self.period_label)
        top.addSpacing(16)
        top.addWidget(QLabel(self.tr("Owner"), self))
        top.addWidget(self.owner_combo)
        top.addStretch(1)
        top.addWidget(workbook)
        top.addWidget(report)
        top.addWidget(refresh)

        captions = (
            ("revenue_period", self.tr("Revenue (excl. tax) in period"), "customers"),
            ("revenue_month", self.tr("Revenue (excl. tax) this month"), "customers"),
            ("revenue_quarter", self.tr("Revenue (excl. tax) this quarter"), "customers"),
            ("revenue_ytd", self.tr("Revenue (excl. tax) year to date"), "customers"),
            ("open_pipeline", self.tr("Open pipeline"), "pipeline"),
            ("weighted_pipeline", self.tr("Weighted pipeline"), "pipeline"),
            ("win_rate", self.tr("Win rate"), "pipeline"),
            ("average_deal", self.tr("Average deal size"), "pipeline"),
            ("quotes", self.tr("Quotes awaiting an answer"), "quotes"),
            ("overdue", self.tr("Overdue tasks"), "tasks"),
            ("targets", self.tr("Target attainment"), "targets"),
            ("collections", self.tr("Collections in period"), "targets"),
        )
        self.cards: dict[str, KpiCard] = {}
        cards = QGridLayout()
        cards.setSpacing(8)
        for index, (key, caption, area) in enumerate(captions):
            card = KpiCard(key, caption, self)
            card.clicked.connect(lambda a=area: self.open_area(a))
            cards.addWidget(card, index // 6, index % 6)
            self.cards[key] = card

        self.charts: dict[str, ChartPanel] = {}
        grid = QGridLayout()
        grid.setSpacing(8)
        places = {
            "monthly": (0, 0, 1, 2),
            "pipeline": (0, 2, 1, 1),
            "customers": (1, 0, 1, 1),
            "categories": (1, 1, 1, 1),
            "targets": (1, 2, 1, 1),
        }
        for name, (row, column, rows, columns) in places.items():
            panel = ChartPanel(name, self)
            panel.save_button.clicked.connect(lambda _c=False, n=name: self.save_chart(n))
            grid.addWidget(panel, row, column, rows, columns)
            self.charts[name] = panel
        for column in range(3):
            grid.setColumnStretch(column, 1)

        self.first_steps = FirstSteps(self)
        self.first_steps.requested.connect(self.navigation_requested)
        self.first_steps.dismissed.connect(self._dismiss_first_steps)

        body = QWidget(self)
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addWidget(self.first_steps)
        body_layout.addLayout(cards)
        self.next_actions = NextActionsCard(self)
        self.next_actions.requested.connect(self.navigation_requested)
        body_layout.addWidget(self.next_actions)
        body_layout.addLayout(grid, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)

    # ------------------------------------------------------------------- data

    def load(self) -> None:
        if self._loaded:
            return
        self._loaded = True
        self._fill_owners()
        # matplotlib (~0.4 s to import) is loaded only when the first figures have arrived
        # and the cards show them: importing it while the worker queries slows both (the
        # GIL), and the cards are what the user reads first.
        self.refresh()

    def _fill_owners(self) -> None:
        owner = self.owner_combo.currentData()
        self.owner_combo.clear()
        self.owner_combo.addItem(self.tr("Everyone"), None)
        for o in self._services.salespeople.list(active_only=True):
            self.owner_combo.addItem(o.name, o.id)
        self.owner_combo.setCurrentIndex(max(0, self.owner_combo.findData(owner)))

    def current_filter(self) -> DashboardFilter:
        start, end = period_range(self.period_combo.currentData(), self.today())
        return DashboardFilter(start, end, self.owner_combo.currentData())

    def refresh(self) -> None:
        """Re-read every figure on worker threads: the cards first, then the chart series;
        ``shown`` follows when both are drawn."""
        if not self._loaded:
            return
        flt, today = self.current_filter(), self.today()
        self._generation += 1
        generation = self._generation
        self.loading = True
        service = self._services.dashboard
        onboarding = self._services.onboarding
        run_quietly(
            onboarding.checklist,
            lambda checklist: self._on_checklist(generation, checklist),
            lambda exc: self._on_failed(generation, exc),
        )
        actions, language = self._services.next_actions, current_language()
        run_quietly(
            lambda: actions.actions(owner_id=flt.owner_id, language=language, limit=5),
            lambda found: self._on_next_actions(generation, found),
            lambda exc: self._on_failed(generation, exc),
        )
        run_quietly(
            lambda: service.kpis(flt, today),
            lambda kpis: self._on_kpis(generation, flt, kpis),
            lambda exc: self._on_failed(generation, exc),
        )

    def _on_next_actions(self, generation: int, found: list[NextAction]) -> None:
        if isValid(self) and generation == self._generation:
            self.next_actions.set_actions(found)

    def _on_checklist(self, generation: int, checklist: Checklist) -> None:
        if isValid(self) and generation == self._generation:
            self.first_steps.show_checklist(checklist)

    def _on_kpis(self, generation: int, flt: DashboardFilter, kpis: Kpis) -> None:
        if not isValid(self) or generation != self._generation:
            return
        self.period_label.setText(f"{format_date(flt.period_from)} – {format_date(flt.period_to)}")
        self._show_cards(kpis)
        QTimer.singleShot(0, lambda: _probe_dashboard("dashboard_cards"))
        service = self._services.dashboard
        run_quietly(
            lambda: service.series(flt),
            lambda series: self._on_series(generation, flt, kpis, series),
            lambda exc: self._on_failed(generation, exc),
        )

    def _on_series(
        self, generation: int, flt: DashboardFilter, kpis: Kpis, series: DashboardSeries
    ) -> None:
        if not isValid(self) or generation != self._generation:
            return
        self.snapshot = Dashboard(
            filter=flt,
            kpis=kpis,
            monthly=series.monthly,
            stages=series.stages,
            top_customers=series.top_customers,
            categories=series.categories,
            targets=series.targets,
        )
        self._draw_charts(self.snapshot)
        self.loading = False
        self.shown.emit()
        QTimer.singleShot(0, lambda: _probe_dashboard("dashboard"))  # after the queued draws

    def _on_failed(self, generation: int, exc: BaseException) -> None:
        if not isValid(self) or generation != self._generation:
            return  # the tab is gone (database closed) or a newer refresh is running
        self.loading = False
        show_error(self, exc)

    def _draw_charts(self, snapshot: Dashboard) -> None:
        from sms_desktop.reporting import dashboard_charts as dc
        from sms_desktop.reporting.labels import report_text

        language = current_language()
        text = report_text(language)
        draws: dict[str, tuple[Callable[..., None], object]] = {
            "monthly": (dc.draw_monthly, snapshot.monthly),
            "pipeline": (dc.draw_pipeline, snapshot.stages),
            "customers": (dc.draw_top_customers, snapshot.top_customers),
            "categories": (dc.draw_categories, snapshot.categories),
            "targets": (dc.draw_targets, snapshot.targets),
        }
        for name, (draw, series) in draws.items():
            panel = self.charts[name]
            figure = panel.ensure_canvas(self._on_canvas_pick)
            draw(figure, series, text, language)
            panel.canvas.draw_idle()

    def _comparison_detail(self, figure: Comparison) -> tuple[str, str | None]:
        previous = format_money(figure.previous)
        if figure.change is None:
            return self.tr("Last year {amount}").format(amount=previous), None
        arrow = "▲" if figure.change >= 0 else "▼"
        color = Colour.SUCCESS if figure.change >= 0 else Colour.NEGATIVE
        return (
            self.tr("{arrow}{change}% · last year {amount}").format(
                arrow=arrow, change=format_decimal(abs(figure.change), 1), amount=previous
            ),
            color,
        )

    def _show_cards(self, k: Kpis) -> None:
        def pct(value: Decimal | None) -> str:
            return "–" if value is None else f"{format_decimal(value, 1)}%"

        for key, figure in (
            ("revenue_period", k.revenue_period),
            ("revenue_month", k.revenue_month),
            ("revenue_quarter", k.revenue_quarter),
            ("revenue_ytd", k.revenue_ytd),
        ):
            detail, color = self._comparison_detail(figure)
            self.cards[key].set_figure(format_money(figure.current), detail, color)
        self.cards["open_pipeline"].set_figure(
            format_money(k.pipeline.amount),
            self.tr("Open deals: {count}").format(count=f"{k.pipeline.open_deals:,}"),
        )
        self.cards["weighted_pipeline"].set_figure(
            format_money(k.pipeline.weighted), self.tr("Amount × probability")
        )
        self.cards["win_rate"].set_figure(
            pct(k.win_rate.win_rate),
            self.tr("Won {won} · lost {lost}").format(
                won=f"{k.win_rate.won:,}", lost=f"{k.win_rate.lost:,}"
            ),
        )
        average = k.win_rate.average_deal_size
        self.cards["average_deal"].set_figure(
            "–" if average is None else format_money(average),
            self.tr("Won: {amount}").format(amount=format_money(k.win_rate.won_amount)),
        )
        self.cards["quotes"].set_figure(
            f"{k.quotes_awaiting.count:,}", format_money(k.quotes_awaiting.amount)
        )
        self.cards["overdue"].set_figure(
            f"{k.overdue_tasks:,}",
            self.tr("Open tasks due before today"),
            Colour.OVERDUE if k.overdue_tasks else None,
        )
        self.cards["targets"].set_figure(
            pct(k.targets.attainment),
            self.tr("{actual} of {target}").format(
                actual=format_money(k.targets.actual), target=format_money(k.targets.target)
            ),
        )
        self.cards["collections"].set_figure(
            format_money(k.collections_period),
            self.tr("Overdue receivables: {amount}").format(
                amount=format_money(k.overdue_receivables)
            ),
            Colour.OVERDUE if k.overdue_receivables else None,
        )

    # ------------------------------------------------------------ click-through

    def _dismiss_first_steps(self) -> None:
        if edit_ok(self, self._services.onboarding.dismiss):
            self.first_steps.hide()

    def open_area(self, area: str) -> None:
        """Show the tab of ``area`` (its objectName prefix: customers, pipeline …) filtered
        by the salesperson chosen here."""
        self.navigation_requested.emit(ShowArea(f"{area}Tab", self.owner_combo.currentData()))

    def open_item(self, gid: str) -> None:
        """Open what a chart bar stands for: ``customer:ID``, ``stage:ID``, ``salesperson:ID``."""
        kind, _sep, number = gid.partition(":")
        if kind == "customer":
            self.navigation_requested.emit(ShowCustomer(int(number)))
        elif kind == "stage":
            self.open_area("pipeline")
        elif kind == "salesperson":
            self.open_area("targets")

    def _on_canvas_pick(self, event: Any) -> None:
        gid = event.artist.get_gid()
        if gid:
            self.open_item(str(gid))

    # ----------------------------------------------------------------- export

    def save_chart(self, name: str) -> None:
        figure = self.charts[name].figure
        if figure is not None:
            save_chart(self, figure, name, self.status_message.emit)

    def _owner_name(self) -> str | None:
        return None if self.owner_combo.currentData() is None else self.owner_combo.currentText()

    def export_workbook(self, path: Path | None = None) -> Operation[Any] | None:
        """Write the summary workbook of the current period and owner, in the background."""
        from sms_desktop.reporting.summary_workbook import write_summary_workbook

        dashboard, reports = self._services.dashboard, self._services.dashboard_reports
        return self._export_report(
            path or self._ask(XLSX, self.tr("Export Summary Workbook"), self.tr("sales-summary")),
            lambda target, flt, options: write_summary_workbook(
                target, dashboard, reports, flt, **options
            ),
            label=self.tr("Writing the summary workbook…"),
            done=self.tr("Summary workbook saved to {path}."),
        )

    def export_report(self, path: Path | None = None) -> Operation[Any] | None:
        """Write the management report PDF of the current period and owner, in the background."""
        from sms_desktop.reporting.forecast_page import ForecastPageSource
        from sms_desktop.reporting.key_accounts_page import read_key_accounts
        from sms_desktop.reporting.management_pdf import write_management_report

        dashboard = self._services.dashboard
        accounts, plans = self._services.accounts, self._services.account_plans
        forecast = ForecastPageSource(self._services.forecast, self._services.pipeline_forecast)
        return self._export_report(
            path
            or self._ask(PDF, self.tr("Export Management Report"), self.tr("management-report")),
            lambda target, flt, options: write_management_report(
                target,
                dashboard,
                flt,
                key_accounts=read_key_accounts(accounts, plans, options["today"]),
                forecast=forecast,
                **options,
            ),
            label=self.tr("Writing the management report…"),
            done=self.tr("Management report saved to {path}."),
        )

    def _ask(self, kind: FileType, title: str, name: str) -> Path | None:
        choice = ask_save_path(self, title, name, (kind,))
        return None if choice is None else choice.path

    def _export_report(
        self,
        path: Path | None,
        write: Callable[[Path, DashboardFilter, dict[str, Any]], object],
        *,
        label: str,
        done: str,
    ) -> Operation[Any] | None:
        """Run ``write`` for the current period and owner off the GUI thread."""
        if path is None:
            return None
        target, flt = path, self.current_filter()
        options: dict[str, Any] = {
            "language": current_language(),
            "owner_name": self._owner_name(),
            "today": self.today(),
        }
        return run_export(
            self,
            lambda progress: write(target, flt, {**options, "progress": progress}),
            label=label,
            on_done=lambda _r: self.status_message.emit(done.format(path=str(target))),
        )
