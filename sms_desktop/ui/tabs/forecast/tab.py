"""销售预测: the statistical forecast with its measured accuracy, past forecasts against what
happened, and the pipeline forecast beside the target.

Opening the tab shows the series' last stored forecast at once (a read of one snapshot) and
refits it in the background (``ui.background.Operation``, progress and Cancel); each fit is
kept as that month's snapshot.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from sms_desktop.domain.clock import clock
from sms_desktop.domain.forecast import MAX_HORIZON, Granularity, Method
from sms_desktop.domain.i18n import Message
from sms_desktop.domain.win_model import ModelReport
from sms_desktop.services.forecast import Forecast, ForecastMetric
from sms_desktop.services.forecast_snapshots import PastForecast, SeriesChoice
from sms_desktop.services.pipeline_forecast import PipelineForecast, Together, TogetherRow
from sms_desktop.services.registry import Services
from sms_desktop.services.settings import ForecastSettings
from sms_desktop.ui.background import Operation, Progress, run_quietly
from sms_desktop.ui.dialogs.messages import show_error
from sms_desktop.ui.edit import run_edit
from sms_desktop.ui.formatting import format_date, format_decimal, from_qdate, to_qdate
from sms_desktop.ui.i18n import current_language, tr_message
from sms_desktop.ui.models.rows import RowsModel
from sms_desktop.ui.tabs.base import AreaTab
from sms_desktop.ui.tabs.forecast.models import (
    ATTENTION_COLUMNS,
    HORIZON_COLUMNS,
    PIPELINE_COLUMNS,
    SCORE_COLUMNS,
    HorizonRow,
    PastModel,
    past_columns,
    together_columns,
)
from sms_desktop.ui.widgets.customer_picker import CustomerPicker

if TYPE_CHECKING:
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
    from matplotlib.figure import Figure

    from sms_desktop.persistence.changes import Changes
    from sms_desktop.services.forecast_snapshots import ForecastSnapshots


@dataclass(frozen=True, slots=True)
class Shown:
    """Everything one fit shows (``stored``: read from the last snapshot, not refitted)."""

    forecast: Forecast
    together: Together
    past: tuple[PastForecast, ...] = ()
    pipeline: PipelineForecast | None = None
    stored: bool = False


def _table(parent: QWidget, name: str) -> QTableView:
    view = QTableView(parent)
    view.setObjectName(name)
    view.verticalHeader().hide()
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setDefaultSectionSize(24)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return view


def _muted(label: QLabel) -> QLabel:
    label.setStyleSheet("color: palette(dark);")
    label.setWordWrap(True)
    return label


class ForecastTab(AreaTab):
    """Signals:
    status_message(str)
    """

    watches = frozenset(
        {
            "orders",
            "order_lines",
            "opportunities",
            "pipeline_stages",
            "targets",
            "salespeople",
            "product_categories",
        }
    )

    def __init__(
        self,
        services: Services,
        undo: QUndoStack,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._undo = undo
        self._today = today
        self._generation = 0
        self.shown: Shown | None = None
        self.operation: Operation[Shown] | None = None
        self._canvases: dict[str, FigureCanvasQTAgg] = {}
        self._figures: dict[str, Figure] = {}

        # ------------------------------------------------------------ controls
        self.metric_combo = QComboBox(self)
        self.metric_combo.setObjectName("forecastMetric")
        for metric in ForecastMetric:
            self.metric_combo.addItem(tr_message(metric.label), metric.value)
        self.grain_combo = QComboBox(self)
        self.grain_combo.setObjectName("forecastGrain")
        self.grain_combo.addItem(self.tr("Monthly"), Granularity.MONTH.value)
        self.grain_combo.addItem(self.tr("Quarterly"), Granularity.QUARTER.value)
        self.horizon_spin = QSpinBox(self)
        self.horizon_spin.setObjectName("forecastHorizon")
        self.horizon_spin.setRange(1, MAX_HORIZON)
        self.horizon_spin.setValue(12)
        self.owner_combo = QComboBox(self)
        self.owner_combo.setObjectName("forecastOwner")
        self.category_combo = QComboBox(self)
        self.category_combo.setObjectName("forecastCategory")
        self.customer = CustomerPicker(services, self)
        self.customer.setObjectName("forecastCustomer")
        self.customer.setPlaceholderText(self.tr("All customers (type to pick one)"))
        self.customer.setClearButtonEnabled(True)
        self.as_of = QDateEdit(self)
        self.as_of.setObjectName("forecastAsOf")
        self.as_of.setCalendarPopup(True)
        self.as_of.setDate(to_qdate(self.today()))
        self.as_of.setToolTip(
            self.tr("Forecast as it could have been made on this day, from the data before it")
        )
        self.run_button = QPushButton(self.tr("Forecast"), self)
        self.run_button.setObjectName("forecastRun")
        self.run_button.setDefault(True)
        self.run_button.clicked.connect(self._on_run_clicked)
        self.export_button = QPushButton(self.tr("Export…"), self)
        self.export_button.setObjectName("forecastExport")
        self.export_button.setToolTip(self.tr("Save the forecast's numbers as an Excel workbook"))
        self.export_button.clicked.connect(self._on_export_clicked)
        for combo in (self.metric_combo, self.grain_combo, self.owner_combo, self.category_combo):
            combo.activated.connect(self._on_choice_changed)
        self.horizon_spin.editingFinished.connect(self._on_choice_changed)
        self.customer.editingFinished.connect(self._on_customer_edited)

        controls = QGridLayout()
        controls.setHorizontalSpacing(6)
        pairs = (
            (self.tr("Metric"), self.metric_combo),
            (self.tr("By"), self.grain_combo),
            (self.tr("Horizon"), self.horizon_spin),
            (self.tr("As of"), self.as_of),
            (self.tr("Salesperson"), self.owner_combo),
            (self.tr("Category"), self.category_combo),
            (self.tr("Customer"), self.customer),
        )
        for index, (text, widget) in enumerate(pairs):
            row, column = divmod(index, 4)
            caption = QLabel(text, self)
            caption.setBuddy(widget)
            controls.addWidget(caption, row, 2 * column)
            controls.addWidget(widget, row, 2 * column + 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.run_button)
        buttons.addWidget(self.export_button)
        controls.addLayout(buttons, 1, 6, 1, 2)
        for column in (1, 3, 5, 7):
            controls.setColumnStretch(column, 1)
        self.horizon_spin.setMaximumWidth(90)

        # ------------------------------------------------------ forecast page
        self.headline = QLabel(self)
        self.headline.setObjectName("forecastHeadline")
        self.headline.setWordWrap(True)
        bold = self.headline.font()
        bold.setBold(True)
        self.headline.setFont(bold)
        self.gap_label = QLabel(self)
        self.gap_label.setObjectName("forecastGap")
        self.gap_label.setWordWrap(True)
        self.chart_holder = QWidget(self)
        self.chart_holder.setMinimumHeight(220)
        QVBoxLayout(self.chart_holder).setContentsMargins(0, 0, 0, 0)
        self.periods_model: RowsModel[TogetherRow] = RowsModel(together_columns(True), self)
        self.periods_table = _table(self, "forecastPeriods")
        self.periods_table.setModel(self.periods_model)
        left = QSplitter(Qt.Orientation.Vertical, self)
        left.addWidget(self.chart_holder)
        left.addWidget(self.periods_table)
        left.setStretchFactor(0, 3)
        left.setStretchFactor(1, 2)

        self.method_label = QLabel(self)
        self.method_label.setObjectName("forecastMethod")
        self.method_label.setWordWrap(True)
        self.accuracy_label = QLabel(self)
        self.accuracy_label.setObjectName("forecastAccuracy")
        self.accuracy_label.setWordWrap(True)
        self.fallback_label = _muted(QLabel(self))
        self.fallback_label.setObjectName("forecastFallback")
        self.horizon_model: RowsModel[HorizonRow] = RowsModel(HORIZON_COLUMNS, self)
        self.horizon_table = _table(self, "forecastErrors")
        self.horizon_table.setModel(self.horizon_model)
        explain = _muted(
            QLabel(
                self.tr(
                    "Each method was refitted at each of the latest origins on the data before "
                    "it only, and its forecasts compared with what happened. WAPE: the "
                    "absolute errors as a share of the actuals; MAPE: the mean percentage "
                    "error. The baseline repeats the same period of the year before."
                ),
                self,
            )
        )
        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.method_label, self.accuracy_label, self.fallback_label):
            side_layout.addWidget(widget)
        side_layout.addWidget(self.horizon_table, 1)
        side_layout.addWidget(explain)
        body = QSplitter(Qt.Orientation.Horizontal, self)
        body.addWidget(left)
        body.addWidget(side)
        body.setStretchFactor(0, 3)
        body.setStretchFactor(1, 2)
        body.setSizes([760, 500])
        forecast_page = QWidget(self)
        page_layout = QVBoxLayout(forecast_page)
        page_layout.setContentsMargins(0, 4, 0, 0)
        page_layout.addWidget(self.headline)
        page_layout.addWidget(self.gap_label)
        page_layout.addWidget(body, 1)

        # -------------------------------------------------- forecast vs actual
        self.past_chart = QWidget(self)
        self.past_chart.setMinimumHeight(200)
        QVBoxLayout(self.past_chart).setContentsMargins(0, 0, 0, 0)
        self.past_model = PastModel(self)
        self.past_table = _table(self, "forecastPast")
        self.past_table.setModel(self.past_model)
        self.backfill_button = QPushButton(self.tr("Forecast the Past 12 Months"), self)
        self.backfill_button.setObjectName("forecastBackfill")
        self.backfill_button.setToolTip(
            self.tr(
                "Make and keep the forecast each of the last 12 months would have had, from "
                "the data before it, to compare with what happened"
            )
        )
        self.backfill_button.clicked.connect(self._on_backfill_clicked)
        self.past_summary = QLabel(self)
        self.past_summary.setObjectName("forecastPastSummary")
        self.past_summary.setWordWrap(True)
        past_top = QHBoxLayout()
        past_top.addWidget(self.past_summary, 1)
        past_top.addWidget(self.backfill_button)
        past_split = QSplitter(Qt.Orientation.Vertical, self)
        past_split.addWidget(self.past_chart)
        past_split.addWidget(self.past_table)
        past_page = QWidget(self)
        past_layout = QVBoxLayout(past_page)
        past_layout.setContentsMargins(0, 4, 0, 0)
        past_layout.addLayout(past_top)
        past_layout.addWidget(past_split, 1)

        # ----------------------------------------------------- pipeline page
        self.commit_spin = QSpinBox(self)
        self.commit_spin.setObjectName("forecastCommitThreshold")
        self.best_spin = QSpinBox(self)
        self.best_spin.setObjectName("forecastBestCaseThreshold")
        for spin in (self.commit_spin, self.best_spin):
            spin.setRange(0, 100)
            spin.setSuffix(" %")
        thresholds = QPushButton(self.tr("Save Thresholds"), self)
        thresholds.setObjectName("forecastSaveThresholds")
        thresholds.clicked.connect(self._on_thresholds_clicked)
        pipe_top = QHBoxLayout()
        pipe_top.addWidget(QLabel(self.tr("Commit from"), self))
        pipe_top.addWidget(self.commit_spin)
        pipe_top.addWidget(QLabel(self.tr("Best case from"), self))
        pipe_top.addWidget(self.best_spin)
        pipe_top.addWidget(thresholds)
        pipe_top.addStretch(1)
        hint = _muted(
            QLabel(
                self.tr(
                    "Open deals by expected close, each weighted by its probability. A deal "
                    "flagged commit in its editor counts as commit whatever its probability."
                ),
                self,
            )
        )
        self.pipeline_model = RowsModel(PIPELINE_COLUMNS, self)
        self.pipeline_table = _table(self, "forecastPipeline")
        self.pipeline_table.setModel(self.pipeline_model)
        self.attention_model = RowsModel(ATTENTION_COLUMNS, self)
        self.attention_table = _table(self, "forecastAttention")
        self.attention_table.setModel(self.attention_model)
        self.attention_label = QLabel(self)
        self.attention_label.setObjectName("forecastAttentionLabel")
        attention_box = QWidget(self)
        attention_layout = QVBoxLayout(attention_box)
        attention_layout.setContentsMargins(0, 0, 0, 0)
        attention_layout.addWidget(self.attention_label)
        attention_layout.addWidget(self.attention_table, 1)
        pipe_split = QSplitter(Qt.Orientation.Vertical, self)
        pipe_split.addWidget(self.pipeline_table)
        pipe_split.addWidget(attention_box)
        pipeline_page = QWidget(self)
        pipe_layout = QVBoxLayout(pipeline_page)
        pipe_layout.setContentsMargins(0, 4, 0, 0)
        pipe_layout.addLayout(pipe_top)
        pipe_layout.addWidget(hint)
        pipe_layout.addWidget(pipe_split, 1)

        # -------------------------------------------------- win probability
        self.model_summary = QLabel(self)
        self.model_summary.setObjectName("forecastModelSummary")
        self.model_summary.setWordWrap(True)
        self.calibration_chart = QWidget(self)
        self.calibration_chart.setMinimumWidth(300)
        QVBoxLayout(self.calibration_chart).setContentsMargins(0, 0, 0, 0)
        self.score_model = RowsModel(SCORE_COLUMNS, self)
        self.score_table = _table(self, "forecastScores")
        self.score_table.setModel(self.score_model)
        model_hint = _muted(
            QLabel(
                self.tr(
                    "A logistic regression on your own won and lost deals, starting from each "
                    "stage's default probability. Trained on the deals closed before a date "
                    "and tested on those closed after; Brier score: the mean squared error of "
                    "the predicted chance (lower is better). A probability set by hand on a "
                    "deal still applies."
                ),
                self,
            )
        )
        model_split = QSplitter(Qt.Orientation.Horizontal, self)
        model_split.addWidget(self.calibration_chart)
        model_split.addWidget(self.score_table)
        model_split.setSizes([360, 900])
        model_page = QWidget(self)
        model_layout = QVBoxLayout(model_page)
        model_layout.setContentsMargins(0, 4, 0, 0)
        model_layout.addWidget(self.model_summary)
        model_layout.addWidget(model_split, 1)
        model_layout.addWidget(model_hint)
        self._model_generation = 0
        self._model_shown = False

        self.pages = QTabWidget(self)
        self.pages.setObjectName("forecastPages")
        self.pages.addTab(forecast_page, self.tr("Forecast"))
        self.pages.addTab(past_page, self.tr("Forecast vs Actual"))
        self.pages.addTab(pipeline_page, self.tr("Pipeline Forecast"))
        self.pages.addTab(model_page, self.tr("Win Probability"))
        self.model_page = model_page
        self.pages.currentChanged.connect(self._on_page_changed)

        self.status = _muted(QLabel(self))
        self.status.setObjectName("forecastStatus")
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.status)

    # ------------------------------------------------------------------ state

    def today(self) -> date:
        return self._today or clock().today()

    def choice(self) -> SeriesChoice:
        category = self.category_combo.currentData()
        metric = ForecastMetric(self.metric_combo.currentData())
        return SeriesChoice(
            metric,
            Granularity(self.grain_combo.currentData()),
            self.owner_combo.currentData(),
            category if metric is not ForecastMetric.MARGIN else None,
            self.customer.customer_id if self.customer.text() else None,
        )

    def as_of_day(self) -> date:
        return from_qdate(self.as_of.date())

    def _fill_filters(self) -> None:
        owner, category = self.owner_combo.currentData(), self.category_combo.currentData()
        self.owner_combo.clear()
        self.owner_combo.addItem(self.tr("Everyone"), None)
        for person in self._services.salespeople.list():
            self.owner_combo.addItem(person.name, person.id)
        self.owner_combo.setCurrentIndex(max(0, self.owner_combo.findData(owner)))
        self.category_combo.clear()
        self.category_combo.addItem(self.tr("All products"), None)
        language = current_language()
        for row in self._services.products.categories():
            self.category_combo.addItem(row.name(language), row.id)
        self.category_combo.setCurrentIndex(max(0, self.category_combo.findData(category)))
        settings = self._services.settings.forecast_settings()
        self.commit_spin.setValue(settings.commit_threshold)
        self.best_spin.setValue(settings.best_case_threshold)

    # --------------------------------------------------------------- loading

    def load(self) -> None:
        if self._loaded:
            return
        self._loaded = True
        self._fill_filters()
        self.show_stored()
        self.refresh()

    def show_stored(self) -> bool:
        """Show the series' last stored forecast (one snapshot read); False if it has none."""
        choice = self.choice()
        stored = run_edit(self, lambda: self._services.forecast_snapshots.latest(choice))
        if stored is None:
            return False
        together = run_edit(
            self,
            lambda: self._services.pipeline_forecast.together(stored, today=self.today()),
        )
        if together is None:
            return False
        self._show(Shown(stored, together, stored=True))
        return True

    def refresh(self) -> None:
        """Refit the chosen series in the background; the result is kept and shown."""
        if not self._loaded:
            return
        self._generation += 1
        generation = self._generation
        choice, horizon, as_of, today = (
            self.choice(),
            self.horizon_spin.value(),
            self.as_of_day(),
            self.today(),
        )
        services = self._services
        self.loading = True
        self.run_button.setEnabled(False)
        self.status.setText(self.tr("Fitting the forecast…"))

        def work(progress: Progress) -> Shown:
            return _fit(services, choice, horizon, as_of, today, progress)

        self.operation = Operation(
            self,
            work,
            label=self.tr("Fitting the forecast…"),
            on_success=lambda shown: self._on_fitted(generation, shown),
            on_failure=lambda exc: self._on_failed(generation, exc),
            on_cancelled=lambda: self._on_cancelled(generation),
            cancellable=True,
            show_after_ms=800,
        ).start()

    def refresh_model(self) -> None:
        """Refit the win-probability model in the background and show its backtest and the
        open deals' scores."""
        self._model_generation += 1
        generation = self._model_generation
        today = self.today()
        service = self._services.win_probability
        self.model_loading = True
        self.model_summary.setText(self.tr("Fitting the win-probability model…"))

        def work() -> tuple[Any, Any]:
            return service.report(as_of=today), service.score(as_of=today)

        run_quietly(
            work,
            lambda found: self._on_model(generation, found),
            lambda exc: self._on_model_failed(generation, exc),
        )

    model_loading = False

    def _on_model(self, generation: int, found: tuple[Any, Any]) -> None:
        if not isValid(self) or generation != self._model_generation:
            return
        self.model_loading = False
        self._model_shown = True
        report, (scores, note) = found
        self._show_model(report, scores, note)

    def _on_model_failed(self, generation: int, exc: BaseException) -> None:
        if not isValid(self) or generation != self._model_generation:
            return
        self.model_loading = False
        self.model_summary.setText(self.tr("The win-probability model could not be fitted."))
        show_error(self, exc)

    def _show_model(self, report: ModelReport, scores: Any, note: Message | None) -> None:
        from sms_desktop.reporting.forecast_chart import CalibrationLabels, draw_calibration

        if report.uses_model and report.brier_model is not None:
            text = self.tr(
                "Trained on {train} deals closed before {day}, tested on the {test} closed "
                "since: Brier score {model} against {stage} for the stage defaults."
            ).format(
                train=report.n_train,
                test=report.n_test,
                day=format_date(report.split),
                model=f"{report.brier_model:.3f}",
                stage=f"{report.brier_stage:.3f}" if report.brier_stage is not None else "–",
            )
        else:
            why = note or report.message
            text = tr_message(why) if why is not None else ""
        self.model_summary.setText(text)
        self.score_model.set_rows(scores)
        for column, width in enumerate((140, 130, 70, 84, 52, 56, 64)):
            self.score_table.setColumnWidth(column, width)
        figure = self._ensure_canvas("calibration", self.calibration_chart)
        draw_calibration(
            figure,
            report.calibration,
            report.stage_calibration,
            CalibrationLabels(
                title=self.tr("Calibration on the later deals"),
                model=self.tr("Model"),
                stage=self.tr("Stage defaults"),
                ideal=self.tr("Ideal"),
                predicted=self.tr("Predicted chance"),
                observed=self.tr("Won"),
                no_data=self.tr("No closed deals to test on"),
            ),
        )
        self._canvases["calibration"].draw_idle()

    def changes_arrived(self, changes: Changes | None, *, visible: bool) -> None:
        super().changes_arrived(changes, visible=visible)
        if changes is not None and not changes.touches(self.watches):
            return
        self._model_shown = False  # refitted when its page is next on screen
        if visible and self.pages.currentWidget() is self.model_page:
            self.refresh_model()

    def _on_page_changed(self, index: int) -> None:
        if self.pages.widget(index) is self.model_page and not self._model_shown:
            self.refresh_model()

    def _on_fitted(self, generation: int, shown: Shown) -> None:
        if not isValid(self) or generation != self._generation:
            return
        self._finished()
        self._show(shown)

    def _on_failed(self, generation: int, exc: BaseException) -> None:
        if not isValid(self) or generation != self._generation:
            return
        self._finished()
        self.status.setText(self.tr("The forecast could not be made."))
        show_error(self, exc)

    def _on_cancelled(self, generation: int) -> None:
        if not isValid(self) or generation != self._generation:
            return
        self._finished()
        self.status.setText(self.tr("The forecast was cancelled; the figures shown are older."))

    def _finished(self) -> None:
        self.loading = False
        self.operation = None
        self.run_button.setEnabled(True)

    # -------------------------------------------------------------- showing

    def _show(self, shown: Shown) -> None:
        self.shown = shown
        forecast, result = shown.forecast, shown.forecast.result
        money = forecast.metric.is_money
        self.periods_model.columns = list(together_columns(money))
        self.periods_model.set_rows(shown.together.rows)
        for column, width in enumerate((76, 110, 110, 110, 120)):
            self.periods_table.setColumnWidth(column, width)
        for column, width in enumerate((96, 64, 70, 96, 96)):
            self.horizon_table.setColumnWidth(column, width)
        what = tr_message(forecast.metric.label)
        if result.method is None:
            self.headline.setText(
                tr_message(result.message) if result.message else self.tr("No forecast.")
            )
            self.method_label.clear()
            self.accuracy_label.clear()
        else:
            self.headline.setText(
                self.tr("{metric} forecast as of {day}, {count} periods").format(
                    metric=what, day=format_date(forecast.as_of), count=len(result.periods)
                )
            )
            method = tr_message(result.method.label)
            if result.method is Method.COMBINATION:
                parts = [c.method for c in result.candidates if c.method is not Method.COMBINATION]
                method += self.tr(": {first} and {second}").format(
                    first=tr_message(parts[0].label), second=tr_message(parts[1].label)
                )
            self.method_label.setText(
                self.tr("Method: {method} (chosen by a backtest over {origins} origins)").format(
                    method=method, origins=result.origins
                )
            )
            self.accuracy_label.setText(self._accuracy_text(forecast))
        self.fallback_label.setText("\n".join(tr_message(f.label) for f in result.fallbacks))
        self.fallback_label.setVisible(bool(result.fallbacks))
        sentence = shown.together.sentence
        self.gap_label.setText(tr_message(sentence) if sentence is not None else "")
        self.gap_label.setVisible(sentence is not None)
        self.horizon_model.set_rows(_horizon_rows(forecast))
        self._draw_forecast(shown)
        if shown.stored:
            self.status.setText(
                self.tr("Showing the forecast stored for {day}; refitting…").format(
                    day=format_date(forecast.as_of)
                )
            )
            return
        self._show_past(shown)
        if shown.pipeline is not None:
            self._show_pipeline(shown.pipeline)
        self.status.setText(
            self.tr("Forecast fitted on the data before {day} and kept as this month's.").format(
                day=format_date(forecast.result.periods[0].start)
                if forecast.result.periods
                else format_date(forecast.as_of)
            )
        )

    def _accuracy_text(self, forecast: Forecast) -> str:
        result = forecast.result

        def pct(value: float | None) -> str:
            return "–" if value is None else format_decimal(_dec(value), 1) + " %"

        text = self.tr("Backtested WAPE {wape}, seasonal naive {baseline}.").format(
            wape=pct(result.backtest_wape), baseline=pct(result.baseline_wape)
        )
        if result.coverage is not None:
            text += " " + self.tr(
                "The {nominal} interval held {coverage} of the backtest's actuals."
            ).format(nominal=f"{result.interval:.0%}", coverage=pct(100 * result.coverage))
        return text

    def _ensure_canvas(self, name: str, holder: QWidget) -> Figure:
        if name not in self._figures:
            from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

            from sms_desktop.reporting.forecast_chart import new_forecast_figure

            figure = new_forecast_figure()
            canvas = FigureCanvasQTAgg(figure)
            canvas.setObjectName(f"forecastCanvas_{name}")
            layout = holder.layout()
            if layout is not None:
                layout.addWidget(canvas)
            self._figures[name], self._canvases[name] = figure, canvas
        return self._figures[name]

    def _draw_forecast(self, shown: Shown) -> None:
        from sms_desktop.reporting.forecast_chart import (
            ChartForecast,
            ChartPoint,
            ForecastChartLabels,
            draw_forecast,
        )

        forecast = shown.forecast
        labels = ForecastChartLabels(
            title=self.tr("{metric}: history and forecast").format(
                metric=tr_message(forecast.metric.label)
            ),
            history=self.tr("Actual"),
            forecast=self.tr("Forecast"),
            band=self.tr("80 % interval"),
            past=self.tr("Forecast made a period before"),
            target=self.tr("Target"),
            no_data=self.tr("No history to forecast from"),
        )
        nearest: dict[str, PastForecast] = {}
        for past in shown.past:
            if past.actual is not None and (
                past.label not in nearest or past.ahead < nearest[past.label].ahead
            ):
                nearest[past.label] = past
        figure = self._ensure_canvas("forecast", self.chart_holder)
        draw_forecast(
            figure,
            [ChartPoint(h.label, h.value) for h in forecast.history],
            [ChartForecast(p.label, p.forecast, p.low, p.high) for p in forecast.result.periods],
            labels,
            language=current_language(),
            money=forecast.metric.is_money,
            past=[ChartPoint(label, p.forecast) for label, p in nearest.items()],
            targets=[
                ChartPoint(r.label, r.target) for r in shown.together.rows if r.target is not None
            ],
        )
        self._canvases["forecast"].draw_idle()

    def _show_past(self, shown: Shown) -> None:
        from sms_desktop.reporting.forecast_chart import (
            AccuracyLabels,
            ChartForecast,
            draw_accuracy,
        )

        money = shown.forecast.metric.is_money
        known = [p for p in shown.past if p.actual is not None]
        self.past_model.columns = list(past_columns(money))
        # The periods already over first (newest forecast first), then those still to come.
        self.past_model.set_rows(sorted(shown.past, key=lambda p: p.actual is None))
        for column, width in enumerate((120, 80, 96, 110, 110, 110, 110, 80)):
            self.past_table.setColumnWidth(column, width)
        if known:
            inside = sum(1 for p in known if p.inside)
            self.past_summary.setText(
                self.tr(
                    "%Ln past forecast period(s) can be compared with what happened; "
                    "{inside} fell inside the 80 % interval.",
                    "",
                    len(known),
                ).format(inside=inside)
            )
        else:
            self.past_summary.setText(
                self.tr(
                    "No stored forecast covers a period that is over yet. Forecast the past "
                    "months to compare."
                )
            )
        periods = sorted({p.period for p in known})
        label_of = {p.period: p.label for p in known}
        actual = {p.period: p.actual for p in known}
        # Per distance: the latest forecast made that many periods before each period.
        lines = []
        for ahead in (1, 3):
            chosen: dict[date, PastForecast] = {}
            for p in known:
                if p.ahead == ahead and (
                    p.period not in chosen or p.made_in > chosen[p.period].made_in
                ):
                    chosen[p.period] = p
            if chosen:
                lines.append(
                    (
                        self.tr("forecast %Ln period(s) before", "", ahead),
                        [
                            ChartForecast(p.label, p.forecast, p.low, p.high)
                            for _period, p in sorted(chosen.items())
                        ],
                    )
                )
        figure = self._ensure_canvas("past", self.past_chart)
        draw_accuracy(
            figure,
            [label_of[p] for p in periods],
            [actual[p] for p in periods],
            lines,
            AccuracyLabels(
                title=self.tr("What was forecast against what happened"),
                actual=self.tr("Actual"),
                no_data=self.tr("No past forecast to compare yet"),
            ),
            language=current_language(),
            money=money,
        )
        self._canvases["past"].draw_idle()

    def _show_pipeline(self, pipeline: PipelineForecast) -> None:
        self.pipeline_model.set_rows(pipeline.cells)
        self.attention_model.set_rows(pipeline.attention)
        self.attention_label.setText(
            self.tr(
                "%Ln open deal(s) need attention: no close date, or one already past.",
                "",
                len(pipeline.attention),
            )
        )
        for column, width in enumerate((120, 90, 120, 120, 120, 130, 60)):
            self.pipeline_table.setColumnWidth(column, width)
        for column, width in enumerate((200, 180, 90, 110, 80, 100)):
            self.attention_table.setColumnWidth(column, width)

    # --------------------------------------------------------------- actions

    def _on_run_clicked(self) -> None:
        self.refresh()

    def _on_choice_changed(self, *_args: object) -> None:
        self.show_stored()
        self.refresh()

    def _on_customer_edited(self) -> None:
        if self.customer.customer_id is not None or not self.customer.text():
            self._on_choice_changed()

    def _on_thresholds_clicked(self) -> None:
        settings = ForecastSettings(self.commit_spin.value(), self.best_spin.value())
        if run_edit(self, lambda: self._services.settings.save_forecast_settings(settings)):
            self.refresh()

    def _on_backfill_clicked(self) -> None:
        self.backfill()

    def backfill(self) -> Operation[int] | None:
        """Make and keep, for each of the last 12 months, the forecast made on its first
        day from the data before it; then show them beside what happened."""
        choice, horizon, today = self.choice(), self.horizon_spin.value(), self.today()
        services = self._services

        def work(progress: Progress) -> int:
            return _backfill(services, choice, horizon, today, progress)

        return Operation(
            self,
            work,
            label=self.tr("Forecasting the past months…"),
            on_success=lambda _n: self.refresh(),
            cancellable=True,
        ).start()

    def _on_export_clicked(self) -> None:
        self.export()

    def export(self, path: Path | None = None) -> Operation[None] | None:
        """Save the numbers shown (periods, error by horizon, past forecasts) as .xlsx."""
        from sms_desktop.reporting.forecast_export import ForecastWorkbook
        from sms_desktop.ui.table_export import run_export
        from sms_desktop.ui.widgets.save_dialog import XLSX, ask_save_path

        shown = self.shown
        if shown is None:
            return None
        if path is None:
            choice = ask_save_path(self, self.tr("Export Forecast"), self.tr("forecast"), (XLSX,))
            if choice is None:
                return None
            path = choice.path
        language = current_language()
        book = ForecastWorkbook(
            title=self.headline.text(),
            money=shown.forecast.metric.is_money,
            result=shown.forecast.result,
            method_names={m.value: tr_message(m.label) for m in Method},
            together=shown.together,
            past=shown.past,
        )
        target = path

        def work(progress: Progress) -> None:
            from sms_desktop.reporting.forecast_export import write_forecast_workbook

            write_forecast_workbook(target, book, language=language, progress=progress)

        return run_export(
            self,
            work,
            label=self.tr("Exporting the forecast…"),
            on_done=lambda _r: self.status_message.emit(
                self.tr("Forecast saved to {path}.").format(path=str(target))
            ),
        )


def _dec(value: float) -> Any:
    from decimal import Decimal

    return Decimal(str(round(value, 1)))


def _horizon_rows(forecast: Forecast) -> list[HorizonRow]:
    result = forecast.result
    if result.method is None:
        return []
    chosen = result.candidate(result.method)
    baseline = result.candidate(result.baseline) if result.baseline is not None else None
    base = {e.horizon: e for e in baseline.by_horizon} if baseline is not None else {}
    rows = []
    for e in chosen.by_horizon if chosen is not None else ():
        b = base.get(e.horizon)
        rows.append(
            HorizonRow(
                e.horizon,
                e.wape,
                e.mape,
                b.wape if b is not None else None,
                b.mape if b is not None else None,
                e.count,
            )
        )
    return rows


def _fit(
    services: Services,
    choice: SeriesChoice,
    horizon: int,
    as_of: date,
    today: date,
    progress: Progress,
) -> Shown:
    """On a worker: fit, keep the snapshot, read what is shown beside it."""
    forecast = services.forecast.forecast(
        choice.metric,
        choice.granularity,
        horizon,
        as_of=as_of,
        owner_id=choice.owner_id,
        category_id=choice.category_id,
        customer_id=choice.customer_id,
        progress=progress,
    )
    snapshots: ForecastSnapshots = services.forecast_snapshots
    snapshots.keep(forecast)
    together = services.pipeline_forecast.together(forecast, today=today)
    # A forecast as of today has just read the actuals the past forecasts are measured by.
    current = choice.granularity.start_of(today) == choice.granularity.start_of(as_of)
    past = snapshots.past_forecasts(
        choice, today=today, history=forecast.history if current else None
    )
    pipeline = services.pipeline_forecast.pipeline(
        choice.granularity,
        horizon,
        today=today,
        owner_id=choice.owner_id,
        customer_id=choice.customer_id,
    )
    return Shown(forecast, together, past, pipeline)


def _backfill(
    services: Services, choice: SeriesChoice, horizon: int, today: date, progress: Progress
) -> int:
    from sms_desktop.domain.calendar import add_months, month_start

    months = 12
    kept = 0
    for step in range(months, 0, -1):
        progress(months - step, months)
        day = add_months(month_start(today), -step)
        forecast = services.forecast.forecast(
            choice.metric,
            choice.granularity,
            horizon,
            as_of=day,
            owner_id=choice.owner_id,
            category_id=choice.category_id,
            customer_id=choice.customer_id,
        )
        if services.forecast_snapshots.keep(forecast) is not None:
            kept += 1
    progress(months, months)
    return kept
