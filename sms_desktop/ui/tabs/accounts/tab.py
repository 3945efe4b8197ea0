"""关键客户: the tier list with health, the RFM grid, the ABC Pareto chart, next-best actions,
and what explains the selected customer's scores."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sms_desktop.domain.errors import ValidationError
from sms_desktop.domain.money import ZERO
from sms_desktop.domain.palette import Colour
from sms_desktop.domain.segmentation import HealthPart, Tier, traffic_light
from sms_desktop.reporting.lists.accounts import ACCOUNTS
from sms_desktop.services.accounts import AccountFilter, AccountRow, AccountSortKey, RecomputeResult
from sms_desktop.services.next_actions import NextAction
from sms_desktop.services.registry import Services
from sms_desktop.ui.background import Operation
from sms_desktop.ui.edit import edit_ok, run_edit
from sms_desktop.ui.formatting import format_date, format_money, ui_formats
from sms_desktop.ui.i18n import current_language, tr_message, translator
from sms_desktop.ui.models.paged import PagedTableModel, Role
from sms_desktop.ui.navigation import AccountPlanRequest, Navigation, ShowCustomer, TaskRequest
from sms_desktop.ui.palette import MUTED_STYLE, text_style
from sms_desktop.ui.table_export import export_view
from sms_desktop.ui.tabs.accounts.acting import act_on
from sms_desktop.ui.tabs.accounts.dialogs import DismissDialog, TierDialog
from sms_desktop.ui.tabs.accounts.models import (
    AccountsRole,
    ActionsModel,
    RfmGridModel,
    SegmentModel,
    SurveyCommentModel,
    SurveyPeriodModel,
)
from sms_desktop.ui.tabs.base import AreaTab
from sms_desktop.ui.undo import AddCommand, CallCommand
from sms_desktop.ui.widgets.dialogs import run_modal
from sms_desktop.ui.widgets.search_field import SearchField

if TYPE_CHECKING:
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

    from sms_desktop.persistence.changes import Changes

AccountModel = PagedTableModel[AccountFilter, AccountSortKey, AccountRow]

# Writes to these change what the scores are computed from: recompute (in the background).
_SOURCES = frozenset(
    {
        "orders",
        "order_lines",
        "customers",
        "customer_stats",
        "satisfaction_surveys",
        "interactions",
        "activities",
    }
)
_LIGHT_COLOURS = {"green": Colour.SUCCESS, "amber": Colour.ATTENTION, "red": Colour.NEGATIVE}
SEARCH_DELAY_MS = 250


def _table(parent: QWidget, name: str) -> QTableView:
    view = QTableView(parent)
    view.setObjectName(name)
    view.verticalHeader().hide()
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    return view


class AccountsTab(AreaTab):
    """Signals: status_message(str), navigation_requested(Navigation)."""

    watches = _SOURCES | frozenset(
        {
            "account_scores",
            "account_tier_overrides",
            "next_action_dismissals",
            "quotes",
            "opportunities",
            "salespeople",
            "account_plans",
            "account_plan_actions",
            "survey_campaigns",
            "survey_requests",
            "survey_follow_ups",
        }
    )

    def __init__(
        self, services: Services, undo_stack: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._undo = undo_stack
        self._dirty = True  # the stored scores may be out of date: recompute on next read
        self._canvas: FigureCanvasQTAgg | None = None
        self._shown_customer: int | None = None

        # --- top bar
        self.as_of_label = QLabel(self)
        self.as_of_label.setObjectName("accountsAsOf")
        self.as_of_label.setStyleSheet(MUTED_STYLE)
        self.search_edit = SearchField(
            "accountSearch", self.tr("Search customers…"), SEARCH_DELAY_MS, self
        )
        self.search_edit.search_changed.connect(lambda _t: self._apply_filter())
        self.owner_combo = QComboBox(self)
        self.owner_combo.setObjectName("accountOwnerFilter")
        self.owner_combo.activated.connect(lambda _i: self._read())
        self.tier_combo = QComboBox(self)
        self.tier_combo.setObjectName("accountTierFilter")
        self.tier_combo.addItem(self.tr("All tiers"), None)
        for tier in Tier:
            self.tier_combo.addItem(tr_message(tier.label), tier.value)
        self.tier_combo.activated.connect(lambda _i: self._apply_filter())
        self.recompute_button = QPushButton(self.tr("Recompute"), self)
        self.recompute_button.setObjectName("recomputeAccountsButton")
        self.recompute_button.setToolTip(
            self.tr("Scores are recomputed by themselves after orders change")
        )
        self.recompute_button.clicked.connect(self.recompute)
        self.tier_button = QPushButton(self.tr("Set Tier…"), self)
        self.tier_button.setObjectName("setTierButton")
        self.tier_button.clicked.connect(self.set_tier)
        self.plan_button = QPushButton(self.tr("Account Plan…"), self)
        self.plan_button.setObjectName("accountPlanButton")
        self.plan_button.clicked.connect(self._on_plan_clicked)
        self.export_button = QPushButton(self.tr("Export…"), self)
        self.export_button.setObjectName("exportAccountsButton")
        self.export_button.clicked.connect(self.export_view)
        top = QHBoxLayout()
        top.addWidget(self.search_edit, 2)
        for caption_text, widget in (
            (self.tr("Tier"), self.tier_combo),
            (self.tr("Owner"), self.owner_combo),
        ):
            caption = QLabel(caption_text, self)
            caption.setBuddy(widget)
            top.addWidget(caption)
            top.addWidget(widget)
        top.addStretch(1)
        for button in (
            self.recompute_button,
            self.plan_button,
            self.tier_button,
            self.export_button,
        ):
            top.addWidget(button)

        # --- page 1: the tier list
        self.model: AccountModel = PagedTableModel(
            services.accounts,
            ACCOUNTS,
            AccountFilter(),
            formats=ui_formats,
            parent=self,
        )
        self.table = _table(self, "accountsTable")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        header.setSortIndicator(ACCOUNTS.index("score"), Qt.SortOrder.DescendingOrder)
        for key, width in (("name", 220), ("tier", 90), ("score", 60), ("health", 70)):
            self.table.setColumnWidth(ACCOUNTS.index(key), width)
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._on_account_selected(current)
        )
        self.table.doubleClicked.connect(lambda _i: self.open_customer())
        self.count_label = QLabel(self)
        self.count_label.setObjectName("accountCount")
        self.model.total_changed.connect(
            lambda n: self.count_label.setText(self.tr("%Ln customer(s) with orders", "", n))
        )
        list_page = QWidget(self)
        list_layout = QVBoxLayout(list_page)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label)
        bottom.addStretch(1)
        bottom.addWidget(self.as_of_label)
        list_layout.addLayout(bottom)

        # --- page 2: RFM grid and the segment rules
        self.grid_model = RfmGridModel(self)
        self.grid = _table(self, "rfmGrid")
        self.grid.setModel(self.grid_model)
        self.grid.verticalHeader().show()
        self.grid.setAlternatingRowColors(False)
        self.grid.setWordWrap(True)
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid.setToolTip(self.tr("Rows: recency score R; columns: frequency score F"))
        self.segment_model = SegmentModel(self)
        self.segments = _table(self, "segmentTable")
        self.segments.setModel(self.segment_model)
        self.segments.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((120, 90, 70, 120)):
            self.segments.setColumnWidth(column, width)
        rfm_page = QSplitter(Qt.Orientation.Vertical, self)
        rfm_page.addWidget(self.grid)
        rfm_page.addWidget(self.segments)
        rfm_page.setSizes([250, 250])

        # --- page 3: the ABC Pareto chart
        abc_page = QWidget(self)
        self.chart_layout = QVBoxLayout(abc_page)
        self.chart_layout.setContentsMargins(0, 0, 0, 0)
        self.abc_label = QLabel(abc_page)
        self.abc_label.setObjectName("abcSummary")
        self.abc_label.setWordWrap(True)
        self.chart_layout.addWidget(self.abc_label)

        # --- page 4: next-best actions
        self.actions_model = ActionsModel(self)
        self.actions_table = _table(self, "actionsTable")
        self.actions_table.setModel(self.actions_model)
        self.actions_table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((60, 170, 200, 80)):
            self.actions_table.setColumnWidth(column, width)
        self.actions_table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._on_action_selected(current)
        )
        self.actions_table.doubleClicked.connect(lambda _i: self.open_customer())
        self.open_button = QPushButton(self.tr("Open Customer"), self)
        self.open_button.setObjectName("openAccountButton")
        self.open_button.clicked.connect(self.open_customer)
        self.task_button = QPushButton(self.tr("Create Task…"), self)
        self.task_button.setObjectName("actionTaskButton")
        self.task_button.clicked.connect(self.create_task)
        self.dismiss_button = QPushButton(self.tr("Dismiss…"), self)
        self.dismiss_button.setObjectName("dismissActionButton")
        self.dismiss_button.clicked.connect(self.dismiss_action)
        actions_page = QWidget(self)
        actions_layout = QVBoxLayout(actions_page)
        actions_layout.setContentsMargins(0, 0, 0, 0)
        actions_layout.addWidget(self.actions_table, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.open_button, self.task_button, self.dismiss_button):
            buttons.addWidget(button)
        actions_layout.addLayout(buttons)

        # --- page 5: satisfaction surveys
        self.survey_model = SurveyPeriodModel(self)
        self.survey_table = _table(self, "surveyTable")
        self.survey_table.setModel(self.survey_model)
        self.survey_table.horizontalHeader().setStretchLastSection(True)
        self.survey_label = QLabel(self)
        self.survey_label.setObjectName("surveySummary")
        self.survey_label.setWordWrap(True)
        self.comment_model = SurveyCommentModel(self)
        self.comments = _table(self, "surveyComments")
        self.comments.setModel(self.comment_model)
        self.comments.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((100, 200, 60, 60)):
            self.comments.setColumnWidth(column, width)
        self.campaign_table = QTableWidget(0, 4, self)
        self.campaign_table.setObjectName("campaignTable")
        self.campaign_table.setHorizontalHeaderLabels(
            [self.tr("Campaign"), self.tr("Due"), self.tr("Asked"), self.tr("Answered")]
        )
        self.campaign_table.verticalHeader().hide()
        self.campaign_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.campaign_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.campaign_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.campaign_table.horizontalHeader().setStretchLastSection(True)
        self.campaign_table.setColumnWidth(0, 240)
        self.campaign_table.doubleClicked.connect(lambda _i: self.show_campaign())
        self.new_campaign_button = QPushButton(self.tr("New Campaign…"), self)
        self.new_campaign_button.setObjectName("newCampaignButton")
        self.new_campaign_button.clicked.connect(self.new_campaign)
        self.campaign_button = QPushButton(self.tr("Results…"), self)
        self.campaign_button.setObjectName("campaignResultsButton")
        self.campaign_button.clicked.connect(self._on_results_clicked)
        self.blank_form_button = QPushButton(self.tr("Blank Form…"), self)
        self.blank_form_button.setObjectName("blankFormButton")
        self.blank_form_button.clicked.connect(self.print_blank_form)
        campaign_buttons = QVBoxLayout()
        for button in (self.new_campaign_button, self.campaign_button, self.blank_form_button):
            campaign_buttons.addWidget(button)
        campaign_buttons.addStretch(1)
        campaigns = QHBoxLayout()
        campaigns.addWidget(self.campaign_table, 1)
        campaigns.addLayout(campaign_buttons)
        survey_page = QWidget(self)
        survey_layout = QVBoxLayout(survey_page)
        survey_layout.setContentsMargins(0, 0, 0, 0)
        survey_layout.addWidget(self.survey_label)
        survey_layout.addWidget(self.survey_table, 1)
        survey_layout.addWidget(self.comments, 1)
        survey_layout.addLayout(campaigns, 1)

        self.pages = QTabWidget(self)
        self.pages.setObjectName("accountsPages")
        self.pages.addTab(list_page, self.tr("Tiers && Health"))
        self.pages.addTab(rfm_page, self.tr("RFM"))
        self.pages.addTab(abc_page, self.tr("ABC"))
        self.pages.addTab(actions_page, self.tr("Next-Best Actions"))
        self.pages.addTab(survey_page, self.tr("Satisfaction"))
        self.pages.currentChanged.connect(lambda _i: self._show_selected())

        # --- the explanation of the selected customer
        self.detail_title = QLabel(self)
        self.detail_title.setObjectName("accountDetailTitle")
        font = self.detail_title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.detail_title.setFont(font)
        self.detail_title.setWordWrap(True)
        self.detail: dict[str, QLabel] = {}
        detail = QWidget(self)
        detail_layout = QVBoxLayout(detail)
        detail_layout.addWidget(self.detail_title)
        for key, heading in (
            ("tier", self.tr("Tier")),
            ("abc", self.tr("ABC")),
            ("rfm", self.tr("RFM")),
            ("clv", self.tr("Lifetime value")),
            ("health", self.tr("Health")),
            ("white_space", self.tr("White space")),
        ):
            title = QLabel(heading, detail)
            title.setStyleSheet(MUTED_STYLE)
            value = QLabel(detail)
            value.setObjectName(f"accountDetail_{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            detail_layout.addWidget(title)
            detail_layout.addWidget(value)
            self.detail[key] = value
        detail_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setObjectName("accountDetail")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(detail)

        body = QSplitter(Qt.Orientation.Horizontal, self)
        body.addWidget(self.pages)
        body.addWidget(scroll)
        body.setStretchFactor(0, 3)
        body.setStretchFactor(1, 1)
        body.setSizes([900, 340])

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(body, 1)
        self._show_detail(None)

    # ------------------------------------------------------------------ loading

    def search_box(self) -> SearchField:
        return self.search_edit

    def load(self) -> None:
        if not self._loaded:
            self._loaded = True
            self._fill_owners()
            self.refresh()

    def refresh(self) -> None:
        self._loaded = True
        if self._dirty or self._services.accounts.last_as_of() != ui_formats().today:
            self.recompute()
        else:
            self._read()

    def changes_arrived(self, changes: Changes | None, *, visible: bool) -> None:
        if changes is None or changes.touches(_SOURCES):
            self._dirty = True
        if changes is None or changes.touches(frozenset({"salespeople"})):
            self._fill_owners()
        super().changes_arrived(changes, visible=visible)

    def recompute(self) -> None:
        """Recompute every customer's scores off the GUI thread, then show them."""
        if self.loading:
            return
        self.loading = True
        self._dirty = False
        self.recompute_button.setEnabled(False)
        accounts = self._services.accounts
        Operation(
            self,
            lambda progress: accounts.recompute(progress=progress),
            label=self.tr("Scoring customers…"),
            on_success=self._on_recomputed,
            on_failure=self._on_recompute_failed,
        ).start()

    def _on_recomputed(self, result: RecomputeResult) -> None:
        self._read()
        self.recompute_button.setEnabled(True)
        # Done once the new texts are laid out (a screenshot waits for ``loading``).
        QTimer.singleShot(0, self._on_laid_out)
        self.status_message.emit(
            self.tr("Scores of %Ln customer(s) recomputed", "", result.customers)
            + " · "
            + self.tr("%Ln changed", "", len(result.changed))
        )

    def _on_laid_out(self) -> None:
        self.loading = False

    def _on_recompute_failed(self, exc: BaseException) -> None:
        from sms_desktop.ui.dialogs.messages import show_error

        self.loading = False
        self._dirty = True
        self.recompute_button.setEnabled(True)
        show_error(self, exc)

    def _read(self) -> None:
        """Re-read every view from the stored scores."""
        accounts = self._services.accounts
        as_of = accounts.last_as_of()
        self.as_of_label.setText(
            self.tr("Scores as of {day}").format(day=format_date(as_of)) if as_of else ""
        )
        shown = self._shown_customer
        if self._filter() == self.model.filter:
            self.model.refresh_rows()
        else:
            self.model.set_filter(self._filter())
        self._select_customer(shown)
        self.grid_model.set_cells(accounts.rfm_grid())
        self.segment_model.set_cells(accounts.segments())
        self._show_chart()
        self.actions_model.set_rows(
            self._services.next_actions.actions(
                owner_id=self._owner_id(), language=current_language()
            )
        )
        if self.actions_model.rowCount() > 0:
            self.actions_table.selectRow(0)
        self._show_surveys()
        self._show_campaigns()
        self._show_selected()

    def _fill_owners(self) -> None:
        chosen = self.owner_combo.currentData()
        self.owner_combo.clear()
        self.owner_combo.addItem(self.tr("All salespeople"), None)
        for person in self._services.salespeople.list(active_only=True):
            self.owner_combo.addItem(person.name, person.id)
        index = self.owner_combo.findData(chosen)
        self.owner_combo.setCurrentIndex(max(index, 0))

    def _owner_id(self) -> int | None:
        value = self.owner_combo.currentData()
        return value if isinstance(value, int) else None

    def _filter(self) -> AccountFilter:
        tier = self.tier_combo.currentData()
        return AccountFilter(
            tier=Tier(tier) if tier else None,
            owner_id=self._owner_id(),
            search=self.search_edit.text(),
        )

    def _apply_filter(self) -> None:
        self.model.set_filter(self._filter())
        self._select_customer(self._shown_customer)

    def _select_customer(self, customer_id: int | None) -> None:
        """Keep the customer shown selected where the list still has it, else the first."""
        row = self.model.row_of_id(customer_id) if customer_id is not None else None
        if row is None and self.model.rowCount() > 0:
            row = 0
        if row is not None:
            self.table.selectRow(row)
        self._show_selected()

    def show_owner(self, owner_id: int) -> None:
        index = self.owner_combo.findData(owner_id)
        if index >= 0:
            self.owner_combo.setCurrentIndex(index)
            if self._loaded:
                self._read()

    def _show_surveys(self) -> None:
        summary = self._services.accounts.surveys()
        self.survey_model.set_rows(summary.periods)
        self.comment_model.set_rows(summary.comments)
        answers = sum(summary.scores)
        distribution = "  ".join(f"{k}★ {n}" for k, n in enumerate(summary.scores, start=1))
        self.survey_label.setText(
            self.tr(
                "Last 8 quarters: %Ln answer(s); CSAT {csat} % (share of 4 and 5), NPS {nps} "
                "({promoters} promoters, {passives} passives, {detractors} detractors)",
                "",
                answers,
            ).format(
                csat="–" if summary.csat is None else summary.csat,
                nps="–" if summary.nps is None else summary.nps,
                promoters=summary.promoters,
                passives=summary.passives,
                detractors=summary.detractors,
            )
            + "\n"
            + distribution
        )

    # ------------------------------------------------------------------ the chart

    def _show_chart(self) -> None:
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

        from sms_desktop.reporting.accounts_chart import ParetoLabels, pareto_figure

        accounts = self._services.accounts
        split = accounts.abc_split()
        total = sum(c.customers for c in split)
        revenue = sum((c.revenue for c in split), ZERO)
        classes = [
            self.tr("{abc}: %Ln customer(s)", "", c.customers).format(abc=c.key) for c in split
        ]
        params = accounts.params()
        figure = pareto_figure(
            accounts.pareto(),
            [100 * c.customers / total if total else 0.0 for c in split],
            (params.abc_a_percent, params.abc_b_percent),
            ParetoLabels(
                title=self.tr("Revenue of the last 12 months by customer (Pareto)"),
                customers=self.tr("Share of customers, largest first (%)"),
                revenue=self.tr("Cumulative share of revenue (%)"),
                classes=classes,
                empty=self.tr("No orders yet"),
            ),
        )
        canvas = FigureCanvasQTAgg(figure)
        canvas.setObjectName("paretoChart")
        if self._canvas is not None:
            self.chart_layout.removeWidget(self._canvas)
            self._canvas.setParent(None)
            self._canvas.deleteLater()
        self._canvas = canvas
        self.chart_layout.insertWidget(0, canvas, 1)
        canvas.draw_idle()
        parts = []
        for cell in split:
            share = 100 * cell.revenue / revenue if revenue else 0
            parts.append(
                self.tr("{abc}: %Ln customer(s), {revenue} ({share} %)", "", cell.customers).format(
                    abc=cell.key, revenue=format_money(cell.revenue), share=f"{share:.1f}"
                )
            )
        rule = self.tr(
            "A while the customers before it hold less than {a} % of the revenue, "
            "B less than {b} %, C the rest."
        ).format(a=params.abc_a_percent, b=params.abc_b_percent)
        self.abc_label.setText("    ".join(parts) + "\n" + rule)

    # ------------------------------------------------------------------ selection

    def _current_customer(self) -> int | None:
        if self.pages.currentIndex() == 3:
            index = self.actions_table.currentIndex()
            action = index.data(AccountsRole.ROW) if index.isValid() else None
            return action.customer_id if isinstance(action, NextAction) else None
        index = self.table.currentIndex()
        value = index.data(Role.ID) if index.isValid() else None
        return value if isinstance(value, int) else None

    def _current_action(self) -> NextAction | None:
        index = self.actions_table.currentIndex()
        action = index.data(AccountsRole.ROW) if index.isValid() else None
        return action if isinstance(action, NextAction) else None

    def _on_account_selected(self, _index: QModelIndex) -> None:
        self._show_selected()

    def _on_action_selected(self, _index: QModelIndex) -> None:
        self._show_selected()

    def _show_selected(self) -> None:
        customer = self._current_customer()
        self._show_detail(customer)
        has_action = self._current_action() is not None and self.pages.currentIndex() == 3
        self.task_button.setEnabled(customer is not None)
        self.open_button.setEnabled(customer is not None)
        self.dismiss_button.setEnabled(has_action)
        self.tier_button.setEnabled(customer is not None)

    def _show_detail(self, customer_id: int | None) -> None:
        self._shown_customer = customer_id
        detail = self._services.accounts.detail(customer_id) if customer_id else None
        if detail is None:
            self.detail_title.setText(self.tr("Select a customer to see why it is in its class."))
            for label in self.detail.values():
                label.clear()
            return
        row = detail.row
        self.detail_title.setText(row.name)
        self.detail["tier"].setText(tr_message(detail.tier))
        self.detail["abc"].setText(tr_message(detail.abc))
        self.detail["rfm"].setText(
            tr_message(row.rfm_segment.label)
            + " · "
            + tr_message(detail.rfm)
            + "\n"
            + tr_message(row.rfm_segment.advice)
        )
        self.detail["clv"].setText(tr_message(detail.clv))
        light = traffic_light(row.health)
        lines = []
        for part, value in detail.health:
            if part is HealthPart.RECEIVABLES and value is None:
                lines.append(
                    self.tr("{part}: {value}").format(
                        part=tr_message(part.label),
                        value=self.tr("not measured (never invoiced)"),
                    )
                )
                continue
            lines.append(
                self.tr("{part}: {value}").format(
                    part=tr_message(part.label), value="–" if value is None else value
                )
            )
        health = self.tr("{score} of 100").format(score="–" if row.health is None else row.health)
        self.detail["health"].setText("● " + health + "\n" + "\n".join(lines))
        self.detail["health"].setStyleSheet(
            "" if light is None else text_style(_LIGHT_COLOURS[light])
        )
        language = current_language()
        if detail.white_space:
            self.detail["white_space"].setText(
                "\n".join(
                    self.tr(
                        "{category}: {buyers} of {peers} similar customers, typically {revenue}"
                    ).format(
                        category=w.name(language),
                        buyers=w.buyers,
                        peers=w.peers,
                        revenue=format_money(w.typical_revenue),
                    )
                    for w in detail.white_space
                )
            )
        else:
            self.detail["white_space"].setText(
                self.tr("Nothing similar customers buy that this one does not.")
            )

    # ------------------------------------------------------------------ acting

    def open_customer(self) -> None:
        action = self._current_action() if self.pages.currentIndex() == 3 else None
        if action is not None:
            self.navigation_requested.emit(act_on(action, "open"))
            return
        customer = self._current_customer()
        if customer is not None:
            self.navigation_requested.emit(ShowCustomer(customer))

    def create_task(self) -> None:
        action = self._current_action() if self.pages.currentIndex() == 3 else None
        if action is not None:
            self.navigation_requested.emit(act_on(action, "task"))
            return
        customer = self._current_customer()
        if customer is None:
            return
        row = self._services.accounts.get(customer)
        self.navigation_requested.emit(
            TaskRequest("add", customer_id=customer, customer_name=row.name if row else "")
        )

    def dismiss_action(self) -> None:
        action = self._current_action()
        if action is None:
            return
        dialog = DismissDialog(f"{action.customer}: {tr_message(action.reason)}", self)
        if run_modal(dialog) != DismissDialog.DialogCode.Accepted:
            return
        reason = dialog.reason_edit.text()
        if not edit_ok(self, lambda: self._services.next_actions.dismiss(action, reason)):
            return
        self.status_message.emit(self.tr("Suggestion dismissed; it stays hidden for a while."))

    def set_tier(self) -> None:
        customer = self._current_customer()
        row = self._services.accounts.get(customer) if customer is not None else None
        if row is None:
            return
        dialog = TierDialog(
            row.name, row.computed_tier, row.override_tier, row.override_reason, self
        )
        if run_modal(dialog) != TierDialog.DialogCode.Accepted:
            return
        tier, reason = dialog.chosen(), dialog.reason_edit.text()
        before = (row.override_tier, row.override_reason or "")
        accounts = self._services.accounts
        if not edit_ok(self, lambda: accounts.set_override(row.id, tier, reason)):
            return
        self._undo.push(
            CallCommand(
                self.tr("Set tier"),
                lambda: accounts.set_override(row.id, tier, reason),
                lambda: accounts.set_override(row.id, *before),
            )
        )

    def export_view(self) -> None:
        export_view(
            self,
            self.model,
            self.table.horizontalHeader(),
            title=self.tr("Export Key Accounts"),
            label=self.tr("Exporting key accounts…"),
            done=lambda n, path: self.tr("Exported %Ln customer(s) to {path}.", "", n).format(
                path=str(path)
            ),
            on_done=self.status_message.emit,
        )

    # ------------------------------------------------------------ account plans

    def _on_plan_clicked(self) -> None:
        self.edit_plan()

    def _on_results_clicked(self) -> None:
        self.show_campaign()

    def navigate(self, request: Navigation) -> None:
        """Another tab opens a customer's account plan (the Customers tab's Account Plan…)."""
        if isinstance(request, AccountPlanRequest):
            self.edit_plan(request.customer_id, request.customer_name)
        else:
            super().navigate(request)

    def edit_plan(self, customer_id: int | None = None, customer_name: str = "") -> None:
        """The plan editor for the customer's (else the selected one's) plan of this year, or
        a new one."""
        from sms_desktop.ui.tabs.accounts.commands import SavePlanCommand, save_plan
        from sms_desktop.ui.tabs.accounts.plan_dialog import PlanDialog

        customer = customer_id if customer_id is not None else self._current_customer()
        if customer is None:
            return
        plans, tasks = self._services.account_plans, self._services.tasks
        row = self._services.accounts.get(customer)
        name = row.name if row is not None else customer_name
        year = ui_formats().today.year
        # This year's plan, else a new one (last year's stays as it was, for its KPIs).
        plan = next((p for p in plans.list(customer) if p.year == year), None)
        kpis = plans.kpis(plan.id) if plan is not None else None
        plan_id = plan.id if plan is not None else None
        dialog = PlanDialog(
            customer,
            name or (plan.customer if plan else ""),
            plan,
            kpis,
            lambda value, actions: save_plan(plans, tasks, plan_id, value, actions),
            self,
        )
        if run_modal(dialog) != PlanDialog.DialogCode.Accepted or dialog.saved is None:
            return
        saved: tuple[int, tuple[int, ...]] = dialog.saved  # type: ignore[assignment]
        saved_id, task_ids = saved
        self._undo.push(
            SavePlanCommand(
                self.tr("Save account plan"),
                plans,
                tasks,
                plan.as_input() if plan is not None else None,
                dialog.value(),
                tuple(dialog.new_actions),
                saved_id,
                task_ids,
            )
        )
        self.status_message.emit(self.tr("Account plan saved."))

    # ------------------------------------------------------------------ surveys

    def _show_campaigns(self) -> None:
        self._campaigns = self._services.surveys.campaigns()
        current = self.campaign_table.currentRow()
        self.campaign_table.setRowCount(len(self._campaigns))
        for row, campaign in enumerate(self._campaigns):
            for column, text in enumerate(
                (
                    campaign.name,
                    format_date(campaign.due_on),
                    str(campaign.requests),
                    str(campaign.answered),
                )
            ):
                self.campaign_table.setItem(row, column, QTableWidgetItem(text))
        if self._campaigns:
            self.campaign_table.selectRow(min(max(current, 0), len(self._campaigns) - 1))

    def new_campaign(self) -> None:
        from sms_desktop.ui.tabs.accounts.survey_dialogs import CampaignDialog

        surveys = self._services.surveys
        tr = translator()

        def save(dialog: CampaignDialog) -> int:
            template = dialog.new_template()
            if template is None:
                template_id = int(dialog.template_combo.currentData())
            else:
                try:
                    template_id = surveys.create_template(*template)
                except ValidationError as exc:
                    raise ValidationError(
                        {
                            ("template_name" if key == "name" else key): text
                            for key, text in exc.errors.items()
                        }
                    ) from exc
                dialog.templates = surveys.templates()
                dialog.template_combo.insertItem(0, template[0].strip(), template_id)
                dialog.template_combo.setCurrentIndex(0)
            return surveys.create_campaign(dialog.value(template_id), tr=tr)

        dialog = CampaignDialog(surveys, save, self)
        if run_modal(dialog) != CampaignDialog.DialogCode.Accepted or dialog.saved is None:
            return
        campaign_id = dialog.saved
        value = dialog.value(int(dialog.template_combo.currentData()))
        self._undo.push(
            AddCommand(
                self.tr("New survey campaign"),
                campaign_id,
                lambda: surveys.create_campaign(value, tr=tr),
                surveys.delete_campaign,
            )
        )
        self.status_message.emit(
            self.tr(
                "Campaign created: %Ln survey task(s) for the owners", "", len(value.customer_ids)
            )
        )
        self._show_campaigns()

    def _current_campaign(self) -> int | None:
        row = self.campaign_table.currentRow()
        campaigns = getattr(self, "_campaigns", [])
        return campaigns[row].id if 0 <= row < len(campaigns) else None

    def show_campaign(self, campaign_id: int | None = None) -> None:
        from sms_desktop.ui.tabs.accounts.survey_dialogs import CampaignResultsDialog

        campaign = campaign_id if campaign_id is not None else self._current_campaign()
        if campaign is None:
            return
        dialog = CampaignResultsDialog(
            self._services.surveys, campaign, self._record_answer, self._print_forms, self
        )
        run_modal(dialog)

    def _record_answer(self, results: object, request_id: int) -> None:
        from sms_desktop.ui.tabs.accounts.commands import RecordAnswerCommand
        from sms_desktop.ui.tabs.accounts.survey_dialogs import (
            AnswerDialog,
            CampaignResultsDialog,
        )

        assert isinstance(results, CampaignResultsDialog)
        request = next(q for q in results.results.requests if q.id == request_id)
        if request.answered_on is not None:
            self.status_message.emit(self.tr("This customer has answered already."))
            return
        dialog = AnswerDialog(request.customer, results.results.template, results)
        if run_modal(dialog) != AnswerDialog.DialogCode.Accepted:
            return
        answer = (dialog.score(), dialog.nps(), dialog.comments_edit.text(), dialog.answers())
        surveys = self._services.surveys
        recorded = run_edit(
            results,
            lambda: surveys.record_answer(request_id, *answer, tr=translator()),
        )
        if recorded is None:
            return
        self._undo.push(
            RecordAnswerCommand(
                self.tr("Record survey answer"), surveys, request_id, answer, recorded
            )
        )
        if recorded.follow_up_id is not None:
            self.status_message.emit(
                self.tr("Low score: a follow-up task was created for the account owner.")
            )
        results.refresh()

    def _print_forms(self, results: object) -> None:
        from sms_desktop.reporting.survey_form import FormCustomer, SurveyForm
        from sms_desktop.ui.tabs.accounts.survey_dialogs import CampaignResultsDialog

        assert isinstance(results, CampaignResultsDialog)
        r = results.results
        form = SurveyForm(
            r.template.name,
            r.campaign.name,
            r.template.ask_nps,
            r.template.questions,
            tuple(FormCustomer(q.customer, q.owner) for q in r.requests if q.answered_on is None),
            r.campaign.due_on,
        )
        self._write_form(results, form)

    def print_blank_form(self) -> None:
        from sms_desktop.reporting.survey_form import SurveyForm

        templates = self._services.surveys.templates()
        if templates:
            t = templates[0]
            form = SurveyForm(t.name, None, t.ask_nps, t.questions, ())
        else:
            form = SurveyForm(self.tr("Satisfaction survey"), None, True, (), ())
        self._write_form(self, form)

    def _write_form(self, parent: QWidget, form: object) -> None:
        from sms_desktop.reporting.survey_form import SurveyForm, write_survey_form
        from sms_desktop.ui.table_export import run_export
        from sms_desktop.ui.widgets.save_dialog import PDF, ask_save_path

        assert isinstance(form, SurveyForm)
        choice = ask_save_path(
            parent, self.tr("Print Survey Forms"), self.tr("survey-forms"), (PDF,)
        )
        if choice is None:
            return
        language, target = current_language(), choice.path
        done = self.status_message.emit

        def finished(pages: int) -> None:
            done(self.tr("%Ln page(s) written to {path}", "", pages).format(path=str(target)))

        run_export(
            parent,
            lambda _progress: write_survey_form(target, form, language=language),
            label=self.tr("Writing survey forms…"),
            on_done=finished,
        )
