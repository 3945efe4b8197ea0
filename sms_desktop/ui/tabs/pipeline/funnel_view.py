"""Funnel analysis: conversion by stage, win rate, deal size, cycle length, lost reasons."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sms_desktop.domain.clock import clock
from sms_desktop.services.pipeline import PipelineFilter
from sms_desktop.services.registry import Services
from sms_desktop.ui.edit import run_edit
from sms_desktop.ui.formatting import (
    date_format,
    format_decimal,
    format_money,
    from_qdate,
    to_qdate,
)
from sms_desktop.ui.i18n import current_language
from sms_desktop.ui.table_export import run_export, save_chart
from sms_desktop.ui.widgets.save_dialog import XLSX, ask_save_path

if TYPE_CHECKING:
    from sms_desktop.reporting.charts import FunnelLabels
    from sms_desktop.reporting.funnel_export import FunnelExportLabels
    from sms_desktop.services.funnel import FunnelReport


class FunnelView(QWidget):
    """Signals:
    status_message(str)
    """

    status_message = Signal(str)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("funnelView")
        self._services = services
        self._owner_id: int | None = None
        self.report: FunnelReport | None = None
        self.preset = QComboBox(self)
        self.preset.setObjectName("funnelPeriod")
        for text, key in (
            (self.tr("Last 12 months"), "12m"),
            (self.tr("This year"), "year"),
            (self.tr("This quarter"), "quarter"),
            (self.tr("Custom"), "custom"),
        ):
            self.preset.addItem(text, key)
        self.preset.activated.connect(lambda _i: self._on_preset())
        self.date_from = QDateEdit(self)
        self.date_to = QDateEdit(self)
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(date_format())
            edit.dateChanged.connect(lambda _d: self._on_dates_edited())
        export = QPushButton(self.tr("Export to Excel…"), self)
        export.setObjectName("exportFunnelButton")
        export.clicked.connect(self.export_workbook)
        save_chart = QPushButton(self.tr("Save Chart…"), self)
        save_chart.setObjectName("saveFunnelChartButton")
        save_chart.clicked.connect(self.save_chart)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Deals created"), self))
        top.addWidget(self.preset)
        top.addWidget(self.date_from)
        top.addWidget(QLabel("–", self))
        top.addWidget(self.date_to)
        top.addStretch(1)
        top.addWidget(save_chart)
        top.addWidget(export)

        self.figures: dict[str, QLabel] = {}
        grid = QGridLayout()
        captions = (
            ("created", self.tr("Deals created")),
            ("won", self.tr("Won")),
            ("lost", self.tr("Lost")),
            ("win_rate", self.tr("Win rate")),
            ("average_deal", self.tr("Average won deal")),
            ("cycle", self.tr("Average sales cycle")),
        )
        for column, (key, caption) in enumerate(captions):
            title = QLabel(caption, self)
            title.setStyleSheet("color: palette(dark);")
            value = QLabel("–", self)
            value.setObjectName(f"funnel_{key}")
            font = value.font()
            font.setBold(True)
            font.setPointSizeF(font.pointSizeF() * 1.2)
            value.setFont(font)
            grid.addWidget(title, 0, column)
            grid.addWidget(value, 1, column)
            self.figures[key] = value

        self.stage_table = QTreeWidget(self)
        self.stage_table.setObjectName("funnelStages")
        self.stage_table.setRootIsDecorated(False)
        self.stage_table.setHeaderLabels(
            [
                self.tr("Stage"),
                self.tr("Reached"),
                self.tr("To next stage"),
                self.tr("Days in stage"),
            ]
        )
        self.stage_table.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.reason_table = QTreeWidget(self)
        self.reason_table.setObjectName("funnelLostReasons")
        self.reason_table.setRootIsDecorated(False)
        self.reason_table.setHeaderLabels(
            [self.tr("Lost reason"), self.tr("Deals"), self.tr("Amount")]
        )
        self.reason_table.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        tables = QWidget(self)
        tables_layout = QVBoxLayout(tables)
        tables_layout.setContentsMargins(0, 0, 0, 0)
        tables_layout.addWidget(self.stage_table, 3)
        tables_layout.addWidget(self.reason_table, 2)
        self.chart_holder = QWidget(self)
        self.chart_layout = QVBoxLayout(self.chart_holder)
        self.chart_layout.setContentsMargins(0, 0, 0, 0)
        self.canvas: Any = None
        splitter = QSplitter(self)
        splitter.addWidget(tables)
        splitter.addWidget(self.chart_holder)
        splitter.setSizes([420, 700])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(grid)
        layout.addWidget(splitter, 1)
        self._setting_dates = False
        self._on_preset()

    # ------------------------------------------------------------------- period

    def _on_preset(self) -> None:
        today = clock().today()
        key = self.preset.currentData()
        if key == "custom":
            return
        if key == "year":
            start = today.replace(month=1, day=1)
        elif key == "quarter":
            start = today.replace(month=3 * ((today.month - 1) // 3) + 1, day=1)
        else:
            start = today - timedelta(days=365)
        self._setting_dates = True
        self.date_from.setDate(to_qdate(start))
        self.date_to.setDate(to_qdate(today))
        self._setting_dates = False
        self.refresh()

    def _on_dates_edited(self) -> None:
        if self._setting_dates:
            return
        self.preset.setCurrentIndex(self.preset.findData("custom"))
        self.refresh()

    def load_with(self, flt: PipelineFilter) -> None:
        self._owner_id = flt.owner_id
        self.refresh()

    # --------------------------------------------------------------------- data

    def refresh(self) -> None:
        if not self.isVisible() and self.report is None and self.canvas is None:
            return  # built when the tab is first shown
        report = run_edit(
            self,
            lambda: self._services.funnel.report(
                from_qdate(self.date_from.date()), from_qdate(self.date_to.date()), self._owner_id
            ),
        )
        if report is None:
            return
        self.report = report
        self._show_report(report)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self.report is None:
            self.refresh()

    def _show_report(self, report: FunnelReport) -> None:
        chinese = current_language() == "zh_CN"

        def pct(value: object) -> str:
            return f"{value}%" if value is not None else "–"

        texts = {
            "created": str(report.created),
            "won": str(report.won),
            "lost": str(report.lost),
            "win_rate": pct(report.win_rate),
            "average_deal": format_money(report.average_deal_size, zero="–")
            if report.average_deal_size is not None
            else "–",
            "cycle": self.tr("{days} days").format(
                days=format_decimal(report.average_cycle_days, 1)
            )
            if report.average_cycle_days is not None
            else "–",
        }
        for key, text in texts.items():
            self.figures[key].setText(text)
        self.stage_table.clear()
        for stage in report.stages:
            days = stage.average_days_in_stage
            self.stage_table.addTopLevelItem(
                QTreeWidgetItem(
                    [
                        stage.name_zh if chinese else stage.name_en,
                        str(stage.reached),
                        pct(stage.conversion_to_next),
                        format_decimal(days, 1) if days is not None else "–",
                    ]
                )
            )
        self.reason_table.clear()
        for reason in report.lost_reasons:
            name = (reason.name_zh if chinese else reason.name_en) or self.tr("(no reason)")
            self.reason_table.addTopLevelItem(
                QTreeWidgetItem([name, str(reason.count), format_money(reason.amount)])
            )
        self._show_chart(report)

    def chart_labels(self) -> FunnelLabels:
        from sms_desktop.reporting.charts import FunnelLabels

        return FunnelLabels(
            title=self.tr("Sales funnel"),
            reached=self.tr("Deals reaching each stage"),
            conversion=self.tr("conversion to the next stage"),
            won=self.tr("Won"),
            win_rate=self.tr("Win rate"),
            lost_reasons=self.tr("Why deals were lost"),
            deals=self.tr("Deals"),
            no_reason=self.tr("(no reason)"),
            no_data=self.tr("No deals were created in this period."),
        )

    def _show_chart(self, report: FunnelReport) -> None:
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

        from sms_desktop.reporting.charts import funnel_figure

        figure = funnel_figure(report, language=current_language(), labels=self.chart_labels())
        canvas = FigureCanvasQTAgg(figure)
        canvas.setObjectName("funnelChart")
        if self.canvas is not None:
            self.chart_layout.removeWidget(self.canvas)
            self.canvas.setParent(None)
            self.canvas.deleteLater()
        self.canvas = canvas
        self.chart_layout.addWidget(canvas)
        canvas.draw_idle()

    # ------------------------------------------------------------------ exports

    def save_chart(self) -> None:
        if self.canvas is not None:
            save_chart(self, self.canvas.figure, self.tr("funnel"), self.status_message.emit)

    def export_labels(self) -> FunnelExportLabels:
        from sms_desktop.reporting.funnel_export import FunnelExportLabels

        return FunnelExportLabels(
            summary_sheet=self.tr("Summary"),
            stages_sheet=self.tr("Stages"),
            lost_reasons_sheet=self.tr("Lost reasons"),
            figure=self.tr("Figure"),
            value=self.tr("Value"),
            period_from=self.tr("Created from"),
            period_to=self.tr("Created to"),
            owner=self.tr("Owner"),
            created=self.tr("Deals created"),
            won=self.tr("Won"),
            lost=self.tr("Lost"),
            win_rate=self.tr("Win rate"),
            won_amount=self.tr("Won amount"),
            average_deal_size=self.tr("Average won deal"),
            average_cycle_days=self.tr("Average sales cycle (days)"),
            stage=self.tr("Stage"),
            reached=self.tr("Reached"),
            conversion_to_next=self.tr("To next stage"),
            average_days_in_stage=self.tr("Days in stage"),
            reason=self.tr("Lost reason"),
            deals=self.tr("Deals"),
            amount=self.tr("Amount"),
            no_reason=self.tr("(no reason)"),
        )

    def export_workbook(self) -> None:
        from sms_desktop.reporting.funnel_export import write_funnel_workbook

        report = self.report
        if report is None:
            return
        choice = ask_save_path(self, self.tr("Export Funnel"), self.tr("funnel"), (XLSX,))
        if choice is None:
            return
        path, language, labels = choice.path, current_language(), self.export_labels()
        run_export(
            self,
            lambda progress: write_funnel_workbook(
                path, report, language=language, labels=labels, progress=progress
            ),
            label=self.tr("Exporting the funnel…"),
            on_done=lambda _r: self.status_message.emit(
                self.tr("Funnel exported to {path}.").format(path=str(path))
            ),
        )
