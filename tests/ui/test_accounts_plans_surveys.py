"""The Key Accounts tab's account-plan editor and survey campaigns, driven through Qt: a plan
saved with an action and undone, a campaign from creation to results with an answer typed
from the paper form (a low one gets its follow-up), and undo of both."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from sms_desktop.domain.clock import clock
from sms_desktop.domain.segmentation import Tier
from sms_desktop.persistence import models as m
from sms_desktop.ui.application import Controller
from sms_desktop.ui.tabs.accounts.plan_dialog import PlanDialog
from sms_desktop.ui.tabs.accounts.survey_dialogs import (
    AnswerDialog,
    CampaignDialog,
    CampaignResultsDialog,
)
from tests.ui.test_accounts_tab import _services, _standalone, shop  # noqa: F401

D = Decimal


def test_the_customer_screen_opens_its_account_plan(
    controller: Controller,
    qtbot: QtBot,
    shop: dict[str, int],  # noqa: F811 - the fixture of test_accounts_tab
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Account Plan… beside the customer's name: the plan editor for that customer, over the
    Customers tab, and what it saves is that customer's plan of this year."""
    from sms_desktop.ui.tabs.customers.tab import CustomersTab

    window = controller.window
    assert window.show_tab("customers")
    customers = window.tabs.currentWidget()
    assert isinstance(customers, CustomersTab)
    qtbot.waitUntil(lambda: customers.model.row_of_id(shop["明达贸易"]) is not None)
    customers.table.selectRow(customers.model.row_of_id(shop["明达贸易"]))
    qtbot.waitUntil(lambda: customers.detail.title.text() == "明达贸易")
    seen: list[tuple[int, str]] = []

    def fill(dialog: PlanDialog) -> int:
        seen.append((dialog._customer_id, dialog.windowTitle()))
        dialog.strategy_edit.setPlainText("季度拜访")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(PlanDialog, "exec", fill)
    qtbot.mouseClick(customers.detail.plan_button, Qt.MouseButton.LeftButton)
    assert len(seen) == 1 and seen[0][0] == shop["明达贸易"] and "明达贸易" in seen[0][1]
    assert window.tabs.currentWidget() is customers  # the editor opened over it
    (plan,) = _services(controller).account_plans.list(shop["明达贸易"])
    assert (plan.strategy, plan.year) == ("季度拜访", clock().today().year)


def test_the_plan_editor_saves_a_plan_with_an_action_and_undo_takes_it_back(
    controller: Controller,
    qtbot: QtBot,
    shop: dict[str, int],  # noqa: F811 - the fixture of test_accounts_tab
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    tab = _standalone(controller, qtbot)
    services = _services(controller)
    tab.table.selectRow(tab.model.row_of_id(shop["华夏机械"]))
    seen: list[str] = []

    def fill(dialog: PlanDialog) -> int:
        assert dialog.kpi_labels["revenue"].text() == "shown once the plan is saved"
        assert dialog.width() <= 1280 - 16 and dialog.height() <= 720 - 48
        dialog.target_edit.setText("12万")
        dialog.objectives_edit.setPlainText("开发液压件")
        dialog.action_edit.setText("拜访采购总监")
        dialog.action_date.setDate(QDate.currentDate().addDays(7))
        qtbot.mouseClick(dialog.add_action_button, Qt.MouseButton.LeftButton)
        assert dialog.actions_list.count() == 1
        dialog.accept()
        seen.append("saved")
        return dialog.result()

    monkeypatch.setattr(PlanDialog, "exec", fill)
    qtbot.mouseClick(tab.plan_button, Qt.MouseButton.LeftButton)
    assert seen == ["saved"]
    (plan,) = services.account_plans.list(shop["华夏机械"])
    assert (plan.target_revenue, plan.objectives, plan.year) == (
        D(120000),
        "开发液压件",
        clock().today().year,
    )
    assert [a.subject for a in plan.actions] == ["拜访采购总监"]
    task = plan.actions[0].activity_id
    assert services.tasks.get(task).assignee_id == shop["owner"]

    # The editor opens again on that plan with its KPIs.
    def look(dialog: PlanDialog) -> int:
        assert dialog.target_edit.text() == "120000.00"
        assert "of 120,000.00" in dialog.kpi_labels["revenue"].text()
        assert dialog.actions_list.count() == 1
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(PlanDialog, "exec", look)
    qtbot.mouseClick(tab.plan_button, Qt.MouseButton.LeftButton)

    tab._undo.undo()
    assert services.account_plans.list(shop["华夏机械"]) == []
    with services.db.read() as s:
        assert s.get_one(m.Activity, task).deleted_at is not None
    tab._undo.redo()
    (again,) = services.account_plans.list(shop["华夏机械"])
    assert [a.subject for a in again.actions] == ["拜访采购总监"]


def test_a_survey_campaign_from_creation_to_results(
    controller: Controller,
    qtbot: QtBot,
    shop: dict[str, int],  # noqa: F811 - the fixture of test_accounts_tab
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    tab = _standalone(controller, qtbot)
    services = _services(controller)
    for name in ("华夏机械", "明达贸易"):
        services.accounts.set_override(shop[name], Tier.KEY, "框架协议")
    tab.pages.setCurrentIndex(4)
    asked = len(services.surveys.candidates(Tier.KEY))
    assert asked >= 2

    def create(dialog: CampaignDialog) -> int:
        assert dialog.width() <= 1280 - 16 and dialog.height() <= 720 - 48
        assert dialog.template_box.isVisibleTo(dialog)  # no template yet: a new one
        assert dialog.customer_list.count() == asked  # the key accounts
        dialog.name_edit.setText("Q3 关键客户回访")
        dialog.questions_edit.setPlainText("哪里可以做得更好？")
        dialog.due_edit.setDate(QDate.currentDate().addDays(10))
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(CampaignDialog, "exec", create)
    qtbot.mouseClick(tab.new_campaign_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.campaign_table.rowCount() == 1)
    assert tab.campaign_table.item(0, 0).text() == "Q3 关键客户回访"
    assert tab.campaign_table.item(0, 2).text() == str(asked)
    with services.db.read() as s:
        owners = s.scalars(
            select(m.Activity.assignee_id).where(m.Activity.with_survey.is_(True))
        ).all()
    assert owners == [shop["owner"]] * asked

    answers = iter([(5, 9, "交货准时"), (2, 4, "价格太高")])

    def answer(dialog: AnswerDialog) -> int:
        score, recommend, text = next(answers)
        dialog.score_combo.setCurrentIndex(dialog.score_combo.findData(score))
        dialog.nps_spin.setValue(recommend)
        dialog.answer_edits[0].setText(text)
        return QDialog.DialogCode.Accepted

    def results(dialog: CampaignResultsDialog) -> int:
        assert dialog.width() <= 1280 - 16 and dialog.height() <= 720 - 48
        assert dialog.table.rowCount() == asked
        for row in (0, 1):
            dialog.table.selectRow(row)
            qtbot.mouseClick(dialog.record_button, Qt.MouseButton.LeftButton)
        text = dialog.summary_label.text()
        assert f"2 of {asked} answered" in text
        assert "CSAT 50.0 %" in text and "NPS 0" in text
        assert dialog.table.item(1, 3).text() == "2 ⚑"  # followed up
        assert "价格太高" in dialog.answers_label.text()
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(AnswerDialog, "exec", answer)
    monkeypatch.setattr(CampaignResultsDialog, "exec", results)
    qtbot.mouseClick(tab.campaign_button, Qt.MouseButton.LeftButton)
    with services.db.read() as s:
        follow_ups = s.scalar(select(func.count()).select_from(m.SurveyFollowUp))
    assert follow_ups == 1
    (campaign,) = services.surveys.campaigns()
    assert campaign.answered == 2

    # Undo the low answer (and its follow-up), then the second… and the campaign itself.
    stack = tab._undo
    stack.undo()
    assert services.surveys.campaigns()[0].answered == 1
    with services.db.read() as s:
        assert s.scalar(select(func.count()).select_from(m.SurveyFollowUp)) == 0
    stack.undo()
    stack.undo()
    assert services.surveys.campaigns() == []


def test_acting_on_a_next_best_action_from_the_dashboard(
    controller: Controller,
    qtbot: QtBot,
    shop: dict[str, int],  # noqa: F811 - the fixture of test_accounts_tab
    monkeypatch: pytest.MonkeyPatch,
    qtmodeltester: object,
) -> None:
    from sms_desktop.ui.tabs.dashboard.tab import DashboardTab
    from sms_desktop.ui.tabs.tasks.dialogs import TaskDialog

    services = _services(controller)
    services.accounts.recompute()
    expected = services.next_actions.actions(language="en", limit=5)
    assert expected
    window = controller.window
    assert window.show_tab("dashboard")
    dashboard = window.tabs.currentWidget()
    assert isinstance(dashboard, DashboardTab)
    dashboard.refresh()
    card = dashboard.next_actions
    qtbot.waitUntil(lambda: card.model.rowCount() == len(expected[:5]), timeout=10000)
    qtmodeltester.check(card.model)  # type: ignore[attr-defined]
    assert card.current() == expected[0]

    # Create Task… opens the task dialog for that customer (the Key Accounts tab's path).
    seen: list[str] = []

    def look(dialog: TaskDialog) -> int:
        seen.append(dialog.customer_edit.text())
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(TaskDialog, "exec", look)
    qtbot.mouseClick(card.task_button, Qt.MouseButton.LeftButton)
    assert seen == [expected[0].customer]

    # Open Customer shows it in the Customers tab.
    assert window.show_tab("dashboard")
    qtbot.mouseClick(card.open_button, Qt.MouseButton.LeftButton)
    customers = window.tabs.currentWidget()
    assert customers.objectName() == "customersTab"
    qtbot.waitUntil(lambda: customers.detail.title.text() == expected[0].customer, timeout=5000)
