"""业绩管理: targets per salesperson and period, attainment and pace, leaderboard, scorecards."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from sms_desktop.domain.clock import clock
from sms_desktop.domain.enums import PeriodKind, TargetMetric
from sms_desktop.domain.targets import METRIC_ORDER, Period
from sms_desktop.services.registry import Services
from sms_desktop.services.salespeople import SalespersonRow
from sms_desktop.services.targets import AttainmentRow, TargetItem
from sms_desktop.ui.edit import edit_in_dialog, edit_ok, run_edit
from sms_desktop.ui.formatting import format_date, format_decimal, format_money
from sms_desktop.ui.models.paged import Role
from sms_desktop.ui.tabs.base import AreaTab
from sms_desktop.ui.tabs.targets.commands import ChangeTargets
from sms_desktop.ui.tabs.targets.commissions_view import CommissionsView
from sms_desktop.ui.tabs.targets.delegate import AttainmentDelegate
from sms_desktop.ui.tabs.targets.dialogs import (
    DrillDownDialog,
    SalespeopleDialog,
    SpreadDialog,
    TargetDialog,
    parse_required,
    parse_target,
)
from sms_desktop.ui.tabs.targets.labels import (
    company_name,
    metric_name,
    period_kind_name,
    period_name,
    short_period_name,
)
from sms_desktop.ui.tabs.targets.models import AttainmentModel, LeaderModel
from sms_desktop.ui.widgets.dialogs import run_modal

if TYPE_CHECKING:
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

# How many periods before and after the current one the period list offers.
_RANGE = {PeriodKind.MONTH: (24, 12), PeriodKind.QUARTER: (8, 4), PeriodKind.YEAR: (4, 1)}


def _table(parent: QWidget, name: str) -> QTableView:
    view = QTableView(parent)
    view.setObjectName(name)
    view.verticalHeader().hide()
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    return view


class TargetsTab(AreaTab):
    """Signals:
    status_message(str)
    """

    watches = frozenset(
        {
            "targets",
            "orders",
            "order_lines",
            "opportunities",
            "activities",
            "customers",
            "salespeople",
            "commission_plans",
            "commission_tiers",
            "commission_assignments",
        }
    )

    def __init__(
        self,
        services: Services,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._undo = undo_stack
        self._today = today
        self._loaded = False
        self._canvas: FigureCanvasQTAgg | None = None

        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("targetsPeriodKind")
        for kind in (PeriodKind.MONTH, PeriodKind.QUARTER, PeriodKind.YEAR):
            self.kind_combo.addItem(period_kind_name(kind), kind.value)
        self.kind_combo.setCurrentIndex(1)
        self._listed_kind = PeriodKind.QUARTER  # the kind the period list holds
        self.kind_combo.activated.connect(lambda _i: self._on_kind_changed())
        self.period_combo = QComboBox(self)
        self.period_combo.setObjectName("targetsPeriod")
        self.period_combo.activated.connect(lambda _i: self.refresh())
        previous = QToolButton(self)
        previous.setArrowType(Qt.ArrowType.LeftArrow)
        previous.setToolTip(self.tr("Previous period"))
        previous.clicked.connect(lambda: self._step(1))
        following = QToolButton(self)
        following.setArrowType(Qt.ArrowType.RightArrow)
        following.setToolTip(self.tr("Next period"))
        following.clicked.connect(lambda: self._step(-1))
        self.metric_combo = QComboBox(self)
        self.metric_combo.setObjectName("targetsMetric")
        self.metric_combo.addItem(self.tr("All metrics"), "")
        for metric in METRIC_ORDER:
            self.metric_combo.addItem(metric_name(metric), metric.value)
        self.metric_combo.activated.connect(lambda _i: self.refresh())

        set_button = QPushButton(self.tr("Set Target…"), self)
        set_button.setObjectName("setTargetButton")
        set_button.clicked.connect(lambda _checked=False: self.set_target(None))
        copy_button = QPushButton(self.tr("Copy Previous Period"), self)
        copy_button.setObjectName("copyTargetsButton")
        copy_button.setToolTip(
            self.tr("Copy the previous period's targets where this period has none")
        )
        copy_button.clicked.connect(self.copy_previous)
        spread_button = QPushButton(self.tr("Spread Yearly Target…"), self)
        spread_button.setObjectName("spreadTargetButton")
        spread_button.clicked.connect(self.spread_year)
        people_button = QPushButton(self.tr("Salespeople…"), self)
        people_button.setObjectName("salespeopleButton")
        people_button.clicked.connect(self.edit_salespeople)

        top = QHBoxLayout()
        caption = QLabel(self.tr("Period"), self)
        caption.setBuddy(self.kind_combo)
        top.addWidget(caption)
        top.addWidget(self.kind_combo)
        top.addWidget(previous)
        top.addWidget(self.period_combo)
        top.addWidget(following)
        metric_caption = QLabel(self.tr("Metric"), self)
        metric_caption.setBuddy(self.metric_combo)
        top.addWidget(metric_caption)
        top.addWidget(self.metric_combo)
        top.addStretch(1)
        for button in (set_button, copy_button, spread_button, people_button):
            top.addWidget(button)

        # --- attainment table
        self.model = AttainmentModel(self)
        self.table = _table(self, "targetsTable")
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(5, AttainmentDelegate(self.table))
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((140, 160, 140, 140, 130, 170, 140, 80)):
            self.table.setColumnWidth(column, width)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.summary = QLabel(self)
        self.summary.setObjectName("targetsSummary")
        attainment_page = QWidget(self)
        page_layout = QVBoxLayout(attainment_page)
        page_layout.setContentsMargins(0, 0, 0, 0)
        page_layout.addWidget(self.table)
        hint = QLabel(
            self.tr(
                "Double-click a row to see the orders, deals or activities behind its actual; "
                "double-click a target to change it."
            ),
            attainment_page,
        )
        hint.setStyleSheet("color: palette(dark);")
        page_layout.addWidget(hint)

        # --- leaderboard and scorecard
        self.leader_model = LeaderModel(self)
        self.leaders = _table(self, "leaderboardTable")
        self.leaders.setModel(self.leader_model)
        self.leaders.setItemDelegateForColumn(4, AttainmentDelegate(self.leaders))
        self.leaders.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((44, 90, 115, 115, 130)):
            self.leaders.setColumnWidth(column, width)
        self.leaders.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._show_scorecard(current)
        )
        self.card_title = QLabel(self)
        self.card_title.setObjectName("scorecardTitle")
        font = self.card_title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.card_title.setFont(font)
        self.card_figures: dict[str, QLabel] = {}
        grid = QGridLayout()
        captions = (
            ("attainment", self.tr("Attainment")),
            ("win_rate", self.tr("Win rate")),
            ("deal_size", self.tr("Average deal size")),
            ("cycle", self.tr("Sales cycle")),
            ("per_week", self.tr("Activities per week")),
        )
        for column, (key, text) in enumerate(captions):
            title = QLabel(text, self)
            title.setStyleSheet("color: palette(dark);")
            value = QLabel("–", self)
            value.setObjectName(f"scorecard_{key}")
            bold = value.font()
            bold.setBold(True)
            value.setFont(bold)
            grid.addWidget(title, 0, column)
            grid.addWidget(value, 1, column)
            self.card_figures[key] = value
        self.chart_holder = QWidget(self)
        self.chart_layout = QVBoxLayout(self.chart_holder)
        self.chart_layout.setContentsMargins(0, 0, 0, 0)
        card = QWidget(self)
        card_layout = QVBoxLayout(card)
        card_layout.addWidget(self.card_title)
        card_layout.addLayout(grid)
        card_layout.addWidget(self.chart_holder, 1)
        board_page = QSplitter(Qt.Orientation.Horizontal, self)
        board_page.addWidget(self.leaders)
        board_page.addWidget(card)
        board_page.setStretchFactor(0, 2)
        board_page.setStretchFactor(1, 3)
        board_page.setSizes([520, 860])

        self.pages = QTabWidget(self)
        self.pages.setObjectName("targetsPages")
        self.pages.addTab(attainment_page, self.tr("Attainment"))
        self.pages.addTab(board_page, self.tr("Leaderboard && Scorecard"))
        self.commissions = CommissionsView(services, self.period, undo_stack, self)
        self.commissions.status_message.connect(self.status_message)
        self.pages.addTab(self.commissions, self.tr("Commissions"))
        self.pages.currentChanged.connect(lambda _i: self._refresh_page())

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.summary)
        self._fill_periods()

    # ------------------------------------------------------------------ state

    def today(self) -> date:
        return self._today or clock().today()

    def period(self) -> Period:
        """The period shown: the kind and the start the period list was filled with."""
        start = self.period_combo.currentData()
        if isinstance(start, date):
            return Period(self._listed_kind, start)
        return Period.containing(self._listed_kind, self.today())

    def people(self) -> tuple[SalespersonRow, ...]:
        """The team, read when a dialog needs it (the table itself does not)."""
        return self._services.salespeople.list()

    def chosen_metric(self) -> TargetMetric | None:
        value = self.metric_combo.currentData()
        return TargetMetric(value) if value else None

    def set_period(self, period: Period) -> None:
        self.kind_combo.setCurrentIndex(max(self.kind_combo.findData(period.kind.value), 0))
        self._fill_periods(period)
        self.refresh()

    def _fill_periods(self, chosen: Period | None = None) -> None:
        """List the periods of the chosen kind around today, newest first, and select
        ``chosen`` (today's period by default; one outside the range is added in order)."""
        kind = PeriodKind(self.kind_combo.currentData())
        current = Period.containing(kind, self.today())
        chosen = chosen or current
        back, ahead = _RANGE[kind]
        periods = [current.shifted(step) for step in range(ahead, -back - 1, -1)]
        if chosen not in periods:
            periods.append(chosen)
            periods.sort(key=lambda p: p.start, reverse=True)
        self.period_combo.clear()
        for period in periods:
            self.period_combo.addItem(period_name(period), period.start)
        self._listed_kind = kind
        self.period_combo.setCurrentIndex(periods.index(chosen))

    def _on_kind_changed(self) -> None:
        """Month ↔ quarter ↔ year: today's period when today lies in the one shown, else
        the period that starts the one shown (Q4 2025 → October 2025, never another year)."""
        kind = PeriodKind(self.kind_combo.currentData())
        shown, today = self.period(), self.today()
        anchor = today if shown.contains(today) else shown.start
        self._fill_periods(Period.containing(kind, anchor))
        self.refresh()

    def _step(self, delta: int) -> None:
        index = self.period_combo.currentIndex() + delta
        if 0 <= index < self.period_combo.count():
            self.period_combo.setCurrentIndex(index)
            self.refresh()

    # --------------------------------------------------------------- loading

    def load(self) -> None:
        if not self._loaded:
            self._loaded = True
            self.refresh()

    def refresh(self) -> None:
        self._loaded = True
        edit_ok(self, self._refresh_page)

    def _refresh_page(self) -> None:
        if not self._loaded:
            return
        page = self.pages.currentIndex()
        if page == 0:
            self._refresh_table()
        elif page == 1:
            self._refresh_leaderboard()
        else:
            self.commissions.refresh()

    def _refresh_table(self) -> None:
        period = self.period()
        rows = self._services.targets.attainment(
            period.kind, period.start, metric=self.chosen_metric(), today=self.today()
        )
        self.model.set_rows(rows)
        company = next(
            (r for r in rows if r.salesperson_id is None and r.metric is TargetMetric.REVENUE),
            None,
        )
        text = period_name(period) + f"  {format_date(period.start)} – {format_date(period.end)}"
        if company is not None:
            text += "    " + self.tr("Company revenue {actual} of {target}").format(
                actual=format_money(company.actual),
                target=format_money(company.target) if company.target is not None else "–",
            )
        self.summary.setText(text)

    def _refresh_leaderboard(self) -> None:
        period = self.period()
        metric = self.chosen_metric() or TargetMetric.REVENUE
        current = self.leaders.currentIndex().data(Role.ID)
        rows = self._services.targets.leaderboard(
            period.kind, period.start, metric, today=self.today()
        )
        self.leader_model.set_rows(rows)
        row = next((i for i, r in enumerate(rows) if r.salesperson_id == current), 0)
        if rows:
            self.leaders.selectRow(row)
            self._show_scorecard(self.leader_model.index(row, 0))
        else:
            self.card_title.clear()

    def _show_scorecard(self, index: QModelIndex) -> None:
        salesperson_id = index.data(Role.ID)
        if not isinstance(salesperson_id, int):
            return
        period = self.period()
        metric = self.chosen_metric() or TargetMetric.REVENUE
        card = run_edit(
            self,
            lambda: self._services.targets.scorecard(
                salesperson_id, period.kind, period.start, trend_metric=metric, today=self.today()
            ),
        )
        if card is None:
            return
        self.card_title.setText(f"{card.name} · {period_name(period)}")
        main = next((r for r in card.rows if r.metric is metric), None)
        figures = self.card_figures
        figures["attainment"].setText(
            "–"
            if main is None or main.attainment is None
            else format_decimal(main.attainment, 1) + " %"
        )
        figures["win_rate"].setText(
            "–" if card.win_rate is None else format_decimal(card.win_rate, 1) + " %"
        )
        figures["deal_size"].setText(format_money(card.average_deal_size, zero=None) or "–")
        figures["cycle"].setText(
            "–"
            if card.average_cycle_days is None
            else self.tr("{days} days").format(days=format_decimal(card.average_cycle_days, 1))
        )
        figures["per_week"].setText(
            "–" if card.activities_per_week is None else format_decimal(card.activities_per_week, 1)
        )
        self._show_chart(card.name, metric, card.trend)

    def _show_chart(self, name: str, metric: TargetMetric, trend: tuple[object, ...]) -> None:
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

        from sms_desktop.reporting.targets_chart import TrendLabels, trend_figure
        from sms_desktop.services.targets import TrendPoint

        points = [p for p in trend if isinstance(p, TrendPoint)]
        labels = TrendLabels(
            title=self.tr("{name}: {metric}, last 12 periods").format(
                name=name, metric=metric_name(metric)
            ),
            actual=self.tr("Actual"),
            target=self.tr("Target"),
            periods=[short_period_name(p.period) for p in points],
        )
        figure = trend_figure(
            [p.actual for p in points],
            [p.target for p in points],
            labels,
            reached=[p.target is not None and p.actual >= p.target > 0 for p in points],
        )
        canvas = FigureCanvasQTAgg(figure)
        canvas.setObjectName("scorecardChart")
        if self._canvas is not None:
            self.chart_layout.removeWidget(self._canvas)
            self._canvas.setParent(None)
            self._canvas.deleteLater()
        self._canvas = canvas
        self.chart_layout.addWidget(canvas)
        canvas.draw_idle()

    # --------------------------------------------------------------- actions

    def _on_table_double_clicked(self, index: QModelIndex) -> None:
        row = index.data(Role.ROW)
        if not isinstance(row, AttainmentRow):
            return
        if index.column() == 2:
            self.set_target(row)
        else:
            self.drill_down(row)

    def drill_down(self, row: AttainmentRow) -> None:
        period = self.period()
        items = run_edit(
            self,
            lambda: self._services.targets.actual_items(
                period.kind, period.start, row.metric, row.salesperson_id
            ),
        )
        if items is None:
            return
        who = row.name if row.salesperson_id is not None else company_name()
        title = f"{who} · {metric_name(row.metric)} · {period_name(period)}"
        run_modal(DrillDownDialog(title, row.metric, items, self))

    def set_target(self, row: AttainmentRow | None = None) -> None:
        period = self.period()
        metric = row.metric if row is not None else (self.chosen_metric() or TargetMetric.REVENUE)
        service = self._services.targets
        salesperson_id = row.salesperson_id if row is not None else None
        current = service.stored_target(salesperson_id, period, metric)
        dialog = TargetDialog(
            period,
            self.people(),
            self,
            salesperson_id=salesperson_id,
            metric=metric,
            current=current,
        )

        def save() -> tuple[list[TargetItem], list[TargetItem]]:
            value = parse_target(dialog.value.text())
            key = (dialog.salesperson_id(), period, dialog.chosen_metric())
            before = service.stored_targets([key])
            after: list[TargetItem] = [(*key, value)]
            service.set_targets(after)
            return before, after

        saved = edit_in_dialog(self, dialog, save, errors=dialog.errors)
        if saved is not None:
            self._push(self.tr("Set target"), *saved)

    def copy_previous(self) -> None:
        period = self.period()
        service = self._services.targets

        def copy() -> tuple[list[TargetItem], list[TargetItem]]:
            after = service.copy_plan(period)
            before = service.stored_targets([(sp, p, mt) for sp, p, mt, _v in after])
            service.set_targets(after)
            return before, after

        copied = run_edit(self, copy)
        if copied is None:
            return
        before, after = copied
        if after:
            self._push(self.tr("Copy targets"), before, after)
        self.status_message.emit(
            self.tr("Copied %Ln target(s) from the previous period.", "", len(after))
        )

    def spread_year(self) -> None:
        year = Period.containing(PeriodKind.YEAR, self.period().start)
        service = self._services.targets
        dialog = SpreadDialog(year, self.people(), self)

        def save() -> tuple[list[TargetItem], list[TargetItem]]:
            total = parse_required(dialog.total.text())
            after = service.spread_plan(
                dialog.salesperson_id(),
                year,
                dialog.chosen_metric(),
                total,
                seasonal=dialog.seasonal.isChecked(),
            )
            before = service.stored_targets([(sp, p, mt) for sp, p, mt, _v in after])
            service.set_targets(after)
            return before, after

        saved = edit_in_dialog(self, dialog, save, errors=dialog.errors)
        if saved is not None:
            self._push(self.tr("Spread yearly target"), *saved)

    def edit_salespeople(self) -> None:
        dialog = SalespeopleDialog(self._services.salespeople, self._undo, self.refresh, self)
        run_modal(dialog)

    def _push(self, text: str, before: list[TargetItem], after: list[TargetItem]) -> None:
        self._undo.push(ChangeTargets(text, self._services.targets, before, after, self.refresh))
