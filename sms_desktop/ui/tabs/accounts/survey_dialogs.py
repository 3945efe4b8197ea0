"""Satisfaction survey dialogs: a new campaign (template and customers), the campaign's
results with its answers, and typing an answer from the paper form."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sms_desktop.domain.calendar import quarter_of
from sms_desktop.domain.clock import clock
from sms_desktop.domain.segmentation import RfmSegment, Tier
from sms_desktop.services.surveys import (
    CampaignInput,
    CampaignResults,
    Candidate,
    SurveysService,
    TemplateRow,
)
from sms_desktop.ui.edit import accept_saved
from sms_desktop.ui.formatting import format_date, from_qdate, to_qdate
from sms_desktop.ui.i18n import tr_message
from sms_desktop.ui.widgets.dialog_layout import ok_cancel_layout
from sms_desktop.ui.widgets.field_errors import FieldErrors

NEW_TEMPLATE = -1


class CampaignDialog(QDialog):
    """Name, template (or a new one), due day and the customers to ask (by tier/segment)."""

    def __init__(
        self,
        surveys: SurveysService,
        save: Callable[[CampaignDialog], int],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("surveyCampaignDialog")
        self.setWindowTitle(self.tr("New Survey Campaign"))
        self._surveys = surveys
        self._save = save
        self.saved: int | None = None
        self.errors = FieldErrors(self)
        today = clock().today()

        self.name_edit = QLineEdit(
            self.tr("{year}-Q{quarter} satisfaction survey").format(
                year=today.year, quarter=quarter_of(today)
            ),
            self,
        )
        self.name_edit.setObjectName("campaignName")
        self.template_combo = QComboBox(self)
        self.template_combo.setObjectName("campaignTemplate")
        self.templates: list[TemplateRow] = surveys.templates()
        for template in self.templates:
            self.template_combo.addItem(template.name, template.id)
        self.template_combo.addItem(self.tr("New template…"), NEW_TEMPLATE)
        self.template_combo.currentIndexChanged.connect(lambda _i: self._on_template())
        self.due_edit = QDateEdit(self)
        self.due_edit.setObjectName("campaignDue")
        self.due_edit.setCalendarPopup(True)
        self.due_edit.setDate(to_qdate(today + timedelta(days=14)))

        self.template_box = QGroupBox(self.tr("New template"), self)
        self.template_name = QLineEdit(self.tr("Quarterly satisfaction"), self.template_box)
        self.template_name.setObjectName("templateName")
        self.ask_nps = QCheckBox(self.tr("Ask how likely they recommend us (NPS 0–10)"), self)
        self.ask_nps.setObjectName("templateNps")
        self.ask_nps.setChecked(True)
        self.questions_edit = QPlainTextEdit(self.tr("What could we do better?"), self.template_box)
        self.questions_edit.setObjectName("templateQuestions")
        self.questions_edit.setMaximumHeight(70)
        self.questions_edit.setTabChangesFocus(True)
        template_form = QFormLayout(self.template_box)
        self.errors.add_row(template_form, "template_name", self.tr("Name"), self.template_name)
        template_form.addRow("", self.ask_nps)
        self.errors.add_row(
            template_form, "questions", self.tr("Open questions (one a line)"), self.questions_edit
        )

        self.tier_combo = QComboBox(self)
        self.tier_combo.setObjectName("campaignTier")
        self.tier_combo.addItem(self.tr("All tiers"), None)
        for tier in Tier:
            self.tier_combo.addItem(tr_message(tier.label), tier.value)
        self.tier_combo.setCurrentIndex(self.tier_combo.findData(Tier.KEY.value))
        self.segment_combo = QComboBox(self)
        self.segment_combo.setObjectName("campaignSegment")
        self.segment_combo.addItem(self.tr("All segments"), None)
        for segment in RfmSegment:
            self.segment_combo.addItem(tr_message(segment.label), segment.value)
        self.tier_combo.currentIndexChanged.connect(lambda _i: self._fill_customers())
        self.segment_combo.currentIndexChanged.connect(lambda _i: self._fill_customers())
        self.customer_list = QListWidget(self)
        self.customer_list.setObjectName("campaignCustomers")
        self.customer_list.itemChanged.connect(lambda _item: self._count())
        self.count_label = QLabel(self)
        self.count_label.setObjectName("campaignCount")

        form = QFormLayout()
        self.errors.add_row(form, "name", self.tr("&Name"), self.name_edit)
        form.addRow(self.tr("&Template"), self.template_combo)
        self.errors.add_row(form, "due_on", self.tr("Answers &due"), self.due_edit)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(self.template_box)
        left.addStretch(1)
        choose = QHBoxLayout()
        choose.addWidget(QLabel(self.tr("Tier"), self))
        choose.addWidget(self.tier_combo)
        choose.addWidget(QLabel(self.tr("Segment"), self))
        choose.addWidget(self.segment_combo)
        right = QVBoxLayout()
        right.addLayout(choose)
        right.addWidget(self.customer_list, 1)
        right.addWidget(self.count_label)
        self.errors.watch("customers", self.customer_list)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addLayout(right, 1)
        ok_cancel_layout(self, body, self.errors.form_label)
        self._on_template()
        self._fill_customers()
        self.resize(940, 520)

    def _on_template(self) -> None:
        self.template_box.setVisible(self.template_combo.currentData() == NEW_TEMPLATE)

    def _fill_customers(self) -> None:
        tier, segment = self.tier_combo.currentData(), self.segment_combo.currentData()
        self.candidates: list[Candidate] = self._surveys.candidates(
            Tier(tier) if tier else None, RfmSegment(segment) if segment else None
        )
        self.customer_list.blockSignals(True)
        self.customer_list.clear()
        for candidate in self.candidates:
            owner = candidate.owner or self.tr("no owner")
            item = QListWidgetItem(
                f"{candidate.name} · {tr_message(candidate.tier.label)} · {owner}"
            )
            item.setData(Qt.ItemDataRole.UserRole, candidate.customer_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.customer_list.addItem(item)
        self.customer_list.blockSignals(False)
        self._count()

    def chosen(self) -> tuple[int, ...]:
        ids = []
        for row in range(self.customer_list.count()):
            item = self.customer_list.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                ids.append(int(item.data(Qt.ItemDataRole.UserRole)))
        return tuple(ids)

    def _count(self) -> None:
        self.count_label.setText(self.tr("%Ln customer(s) will be asked", "", len(self.chosen())))

    def new_template(self) -> tuple[str, bool, tuple[str, ...]] | None:
        if self.template_combo.currentData() != NEW_TEMPLATE:
            return None
        return (
            self.template_name.text(),
            self.ask_nps.isChecked(),
            tuple(self.questions_edit.toPlainText().splitlines()),
        )

    def value(self, template_id: int) -> CampaignInput:
        return CampaignInput(
            self.name_edit.text(), template_id, from_qdate(self.due_edit.date()), self.chosen()
        )

    def accept(self) -> None:
        self.saved = accept_saved(self, lambda: self._save(self), self.errors)


class AnswerDialog(QDialog):
    """One customer's answer, typed from the paper form."""

    def __init__(self, customer: str, template: TemplateRow, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("surveyAnswerDialog")
        self.setWindowTitle(self.tr("Record Answer: {customer}").format(customer=customer))
        self.score_combo = QComboBox(self)
        self.score_combo.setObjectName("answerScore")
        for score, text in (
            (5, self.tr("5 – very satisfied")),
            (4, self.tr("4 – satisfied")),
            (3, self.tr("3 – neutral")),
            (2, self.tr("2 – dissatisfied")),
            (1, self.tr("1 – very dissatisfied")),
        ):
            self.score_combo.addItem(text, score)
        self.nps_spin = QSpinBox(self)
        self.nps_spin.setObjectName("answerNps")
        self.nps_spin.setRange(-1, 10)
        self.nps_spin.setSpecialValueText(self.tr("not asked"))
        self.nps_spin.setValue(10 if template.ask_nps else -1)
        self.nps_spin.setEnabled(template.ask_nps)
        self.comments_edit = QLineEdit(self)
        self.comments_edit.setObjectName("answerComments")
        form = QFormLayout()
        form.addRow(self.tr("&Satisfaction"), self.score_combo)
        form.addRow(self.tr("&Recommend (0–10)"), self.nps_spin)
        self.answer_edits: list[QLineEdit] = []
        for index, question in enumerate(template.questions):
            edit = QLineEdit(self)
            edit.setObjectName(f"answerQuestion{index}")
            form.addRow(question, edit)
            self.answer_edits.append(edit)
        form.addRow(self.tr("&Comments"), self.comments_edit)
        ok_cancel_layout(self, form)
        self.resize(520, self.sizeHint().height())

    def score(self) -> int:
        return int(self.score_combo.currentData())

    def nps(self) -> int | None:
        value = self.nps_spin.value()
        return None if value < 0 else value

    def answers(self) -> tuple[str, ...]:
        return tuple(edit.text() for edit in self.answer_edits)


class CampaignResultsDialog(QDialog):
    """A campaign's requests and answers, its response rate, CSAT and NPS."""

    def __init__(
        self,
        surveys: SurveysService,
        campaign_id: int,
        record: Callable[[CampaignResultsDialog, int], None],
        print_forms: Callable[[CampaignResultsDialog], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("surveyResultsDialog")
        self._surveys, self.campaign_id = surveys, campaign_id
        self._record = record
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("campaignSummary")
        self.summary_label.setWordWrap(True)
        self.table = QTableWidget(0, 6, self)
        self.table.setObjectName("campaignRequests")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Customer"),
                self.tr("Owner"),
                self.tr("Answered"),
                self.tr("Satisfaction"),
                self.tr("NPS"),
                self.tr("Comments"),
            ]
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        for column, width in enumerate((200, 100, 100, 90, 60)):
            self.table.setColumnWidth(column, width)
        self.answers_label = QLabel(self)
        self.answers_label.setObjectName("campaignAnswers")
        self.answers_label.setWordWrap(True)
        self.answers_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.record_button = QPushButton(self.tr("Record Answer…"), self)
        self.record_button.setObjectName("recordAnswerButton")
        self.record_button.clicked.connect(self._on_record)
        self.print_button = QPushButton(self.tr("Print Forms…"), self)
        self.print_button.setObjectName("printFormsButton")
        self.print_button.clicked.connect(lambda: print_forms(self))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.addButton(self.record_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.answers_label)
        layout.addWidget(buttons)
        self.refresh()
        self.resize(900, 520)

    def refresh(self) -> None:
        self.results: CampaignResults = self._surveys.results(self.campaign_id)
        r = self.results
        self.setWindowTitle(self.tr("Survey Results: {name}").format(name=r.campaign.name))
        distribution = "  ".join(f"{k}★ {n}" for k, n in enumerate(r.scores, start=1))
        self.summary_label.setText(
            self.tr(
                "{answered} of {asked} answered ({rate} %), due {due} · CSAT {csat} % · "
                "average {average} · NPS {nps}"
            ).format(
                answered=r.campaign.answered,
                asked=r.campaign.requests,
                rate="–" if r.response_rate is None else r.response_rate,
                due=format_date(r.campaign.due_on),
                csat="–" if r.csat is None else r.csat,
                average="–" if r.average is None else r.average,
                nps="–" if r.nps is None else r.nps,
            )
            + "\n"
            + distribution
        )
        self.table.setRowCount(len(r.requests))
        for row, q in enumerate(r.requests):
            score = "–" if q.score is None else str(q.score)
            if q.followed_up:
                score += " ⚑"
            for column, text in enumerate(
                (
                    q.customer,
                    q.owner or "",
                    format_date(q.answered_on) if q.answered_on else self.tr("open"),
                    score,
                    "–" if q.nps is None else str(q.nps),
                    q.comments,
                )
            ):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.answers_label.setText(
            "\n".join(
                f"{customer} · {question}: {answer}" for customer, question, answer in r.answers
            )
        )
        if r.requests and self.table.currentRow() < 0:
            self.table.selectRow(0)

    def current_request(self) -> int | None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.results.requests):
            return None
        return self.results.requests[row].id

    def _on_record(self) -> None:
        request = self.current_request()
        if request is not None:
            self._record(self, request)
