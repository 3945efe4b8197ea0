"""The Pipeline tab: cards dragged between real column views change the stage; undo."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QPushButton
from pytestqt.qtbot import QtBot

from sms_desktop.domain.enums import OpportunityStatus, StageKind
from sms_desktop.services.customers import CustomerInput
from sms_desktop.services.pipeline import OpportunityInput, PipelineFilter
from sms_desktop.services.workspace import open_workspace
from sms_desktop.ui.application import Controller
from sms_desktop.ui.formatting import format_money
from sms_desktop.ui.tabs.pipeline.board import CardListView
from sms_desktop.ui.tabs.pipeline.board_model import StageColumnModel
from sms_desktop.ui.tabs.pipeline.deal_list import DealListView, deal_model
from sms_desktop.ui.tabs.pipeline.dialogs import LostReasonDialog, OpportunityDialog
from sms_desktop.ui.tabs.pipeline.tab import PipelineTab
from tests.ui.keyboard import type_text


@pytest.fixture
def company_db(company_db: Path) -> Path:
    workspace = open_workspace(company_db)
    services = workspace.services
    customer = services.customers.create(CustomerInput(name="北京华夏科技有限公司", tier="A"))
    for number, amount in enumerate(("12800.00", "50000.00", "999.99")):
        services.pipeline.create(
            OpportunityInput(customer_id=customer, title=f"项目 {number}", amount=Decimal(amount))
        )
    workspace.close(backup=False)
    return company_db


def pipeline_tab(controller: Controller) -> PipelineTab:
    assert controller.window.show_tab("pipeline")
    tab = controller.window.tabs.currentWidget()
    assert isinstance(tab, PipelineTab)
    assert tab.objectName() == "pipelineTab"
    return tab


def stage_ids(tab: PipelineTab) -> dict[str, int]:
    return {s.key: s.id for s in tab._services.stages.stages()}


def drag_first_card(source: CardListView, target: CardListView) -> None:
    """Drag the first card of ``source`` and drop it on ``target``, through the views."""
    model = source.model()
    mime = model.mimeData([model.index(0, 0)])
    viewport = target.viewport()
    spot = viewport.rect().center()
    action, buttons, keys = (
        Qt.DropAction.MoveAction,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(viewport, QDragEnterEvent(spot, action, mime, buttons, keys))
    QApplication.sendEvent(viewport, QDragMoveEvent(spot, action, mime, buttons, keys))
    QApplication.sendEvent(viewport, QDropEvent(QPointF(spot), action, mime, buttons, keys))


def test_board_shows_open_deals_by_stage(controller: Controller) -> None:
    tab = pipeline_tab(controller)
    ids = stage_ids(tab)
    lead = tab.board.column_of_stage(ids["lead"])
    assert lead.model.rowCount() == 3
    assert "3" in lead.totals.text()
    assert "Open: 63,799.99" in tab.board.summary.text()
    # The card's dot is colour only; its tooltip says what it means, and whose the
    # probability is (the stage's default here).
    tooltip = lead.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert tooltip.splitlines()[1:] == ["北京华夏科技有限公司", "10% stage", "No activity planned"]


def test_drag_to_next_stage_then_undo(controller: Controller, qtbot: QtBot) -> None:
    tab = pipeline_tab(controller)
    ids = stage_ids(tab)
    lead, qualified = (tab.board.column_of_stage(ids[k]) for k in ("lead", "qualified"))
    moved = lead.model.card(0).id
    drag_first_card(lead.view, qualified.view)
    qtbot.waitUntil(lambda: qualified.model.row_of(moved) is not None)
    assert tab._services.pipeline.get(moved).stage.key == "qualified"
    assert lead.model.row_of(moved) is None
    controller.window.undo_stack.undo()
    assert tab._services.pipeline.get(moved).stage.key == "lead"
    assert lead.model.row_of(moved) is not None


def test_drop_on_lost_asks_for_a_reason(
    controller: Controller, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = pipeline_tab(controller)
    ids = stage_ids(tab)
    reasons = tab._services.stages.lost_reasons()

    def answer(dialog: LostReasonDialog) -> int:
        assert dialog.reason_combo.count() == len(reasons) + 1
        dialog.accept()  # nothing chosen: refused inline
        assert dialog.error.isVisibleTo(dialog)
        dialog.reason_combo.setCurrentIndex(2)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(LostReasonDialog, "exec", answer)
    lead = tab.board.column_of_stage(ids["lead"])
    lost_view = tab.board.column_of_stage(ids["lost"]).view
    moved = lead.model.card(0).id
    drag_first_card(lead.view, lost_view)
    qtbot.waitUntil(lambda: lead.model.row_of(moved) is None)
    detail = tab._services.pipeline.get(moved)
    assert detail.status is OpportunityStatus.LOST
    assert detail.lost_reason_id == reasons[1].id
    tab.views.setCurrentIndex(1)
    tab.deal_list.status_combo.setCurrentIndex(2)  # lost deals
    tab.deal_list._reload()
    assert tab.deal_list.model.rowCount() == 1


def test_won_via_drop_zone(controller: Controller, qtbot: QtBot) -> None:
    tab = pipeline_tab(controller)
    ids = stage_ids(tab)
    won = next(s for s in tab._services.stages.stages() if s.kind is StageKind.WON)
    lead = tab.board.column_of_stage(ids["lead"])
    moved = lead.model.card(0).id
    drag_first_card(lead.view, tab.board.column_of_stage(won.id).view)
    qtbot.waitUntil(lambda: tab._services.pipeline.get(moved).status is OpportunityStatus.WON)
    assert "won" in controller.window.statusBar().currentMessage()


def test_models_pass_the_model_tester(controller: Controller, qtmodeltester: object) -> None:
    tab = pipeline_tab(controller)
    ids = stage_ids(tab)
    column = StageColumnModel(ids["lead"])
    board = tab._services.pipeline.board(PipelineFilter())
    column.set_cards(board.columns[0].cards)
    qtmodeltester.check(column)  # type: ignore[attr-defined]
    deals = deal_model(tab._services)
    deals.reload()
    qtmodeltester.check(deals)  # type: ignore[attr-defined]
    assert deals.rowCount() == 3
    assert deals.index(0, 0).data().startswith("项目")
    assert not deals.canFetchMore(QModelIndex())


def test_drop_of_foreign_data_is_ignored(controller: Controller) -> None:
    from PySide6.QtCore import QMimeData

    tab = pipeline_tab(controller)
    ids = stage_ids(tab)
    qualified = tab.board.column_of_stage(ids["qualified"])
    mime = QMimeData()
    mime.setText("not a card")
    assert not qualified.model.canDropMimeData(
        mime, Qt.DropAction.MoveAction, -1, -1, QModelIndex()
    )
    assert not qualified.model.dropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, QModelIndex())
    assert tab._services.pipeline.count_opportunities() == 3


def test_stage_settings_add_reorder_and_archive(
    controller: Controller, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from sms_desktop.ui.dialogs.pipeline_settings import PipelineSettingsPage, StageDialog

    services = controller.workspace.services  # type: ignore[union-attr]
    page = PipelineSettingsPage(services)
    qtbot.addWidget(page)
    dialog = StageDialog(services, None, page.stage_saver(None), page)
    dialog.accept()  # empty names: refused inline
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.errors.text("name_zh")
    dialog.name_zh.setText("样品测试")
    dialog.name_en.setText("Trial")
    dialog.probability.setValue(70)
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    page.reload()
    names = [
        page.stages.topLevelItem(i).text(1)  # type: ignore[union-attr]
        for i in range(page.stages.topLevelItemCount())
    ]
    assert names[-3:] == ["Trial", "Won", "Lost"]
    page.stages.setCurrentItem(page.stages.topLevelItem(len(names) - 3))
    page._on_move(-1)
    open_names = [s.name_en for s in services.stages.stages() if s.kind is StageKind.OPEN]
    assert open_names[-2:] == ["Trial", "Negotiation"]
    # The lead stage holds open deals: archiving it is refused with a message.
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    page.stages.setCurrentItem(page.stages.topLevelItem(0))
    page._on_archive_stage()
    assert shown and not services.stages.stages(include_archived=True)[0].archived


def test_stage_and_reason_changes_are_undone_from_the_edit_menu(
    controller: Controller, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Add, rename, move and archive a stage and add a reason on the page's buttons; each is a
    step of the window's undo stack, taken back after the page is gone."""
    from PySide6.QtWidgets import QPushButton

    from sms_desktop.ui.dialogs.pipeline_settings import PipelineSettingsPage, StageDialog

    services = controller.workspace.services  # type: ignore[union-attr]
    stack = controller.window.undo_stack
    refreshed: list[bool] = []
    page = PipelineSettingsPage(services, undo=stack, refresh=lambda: refreshed.append(True))
    qtbot.addWidget(page)
    names = iter([("样品测试", "Trial"), ("样品试用", "Sample trial")])

    def fill(dialog: StageDialog) -> int:
        zh, en = next(names)
        dialog.name_zh.setText(zh)
        dialog.name_en.setText(en)
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(StageDialog, "exec", fill)

    def click(name: str) -> None:
        qtbot.mouseClick(page.findChild(QPushButton, name), Qt.MouseButton.LeftButton)

    def open_names() -> list[str]:
        return [s.name_en for s in services.stages.stages() if s.kind is StageKind.OPEN]

    before = open_names()
    click("addStageButton")
    assert open_names() == [*before, "Trial"]
    page.stages.setCurrentItem(page.stages.topLevelItem(len(before)))
    click("editStageButton")
    click("stageUp")
    assert open_names() == [*before[:-1], "Sample trial", before[-1]]
    click("archiveStageButton")
    assert open_names() == before
    add_reason = page.findChild(QPushButton, "addReasonButton")
    assert not add_reason.isEnabled()  # both names first (it said "Enter the reason." twice)
    page.reason_zh.setText("预算取消")
    assert not add_reason.isEnabled()
    page.reason_en.setText("Budget cut")
    assert add_reason.isEnabled()
    click("addReasonButton")
    assert "Budget cut" in [r.name_en for r in services.stages.lost_reasons()]
    assert stack.undoText() == "Add lost reason 预算取消"
    page.deleteLater()  # the dialog is closed: undo works without its page
    qtbot.wait(0)

    stack.undo()
    assert "Budget cut" not in [r.name_en for r in services.stages.lost_reasons()]
    stack.undo()
    assert open_names() == [*before[:-1], "Sample trial", before[-1]]
    stack.undo()
    stack.undo()
    assert open_names() == [*before, "Trial"]
    stack.undo()
    assert open_names() == before
    assert "Trial" not in [s.name_en for s in services.stages.stages(include_archived=True)]
    assert refreshed
    stack.redo()
    assert open_names() == [*before, "Trial"]


def test_funnel_tab_shows_figures_and_chart(
    controller: Controller, qtbot: QtBot, recwarn: pytest.WarningsRecorder
) -> None:
    tab = pipeline_tab(controller)
    tab.views.setCurrentWidget(tab.funnel)
    qtbot.waitUntil(lambda: tab.funnel.canvas is not None)
    assert tab.funnel.figures["created"].text() == "3"
    assert tab.funnel.stage_table.topLevelItemCount() == 5
    tab.funnel.canvas.draw()
    assert not [w for w in recwarn if "Glyph" in str(w.message)]


def test_delete_a_deal_and_undo(controller: Controller) -> None:
    tab = pipeline_tab(controller)
    ids = stage_ids(tab)
    lead = tab.board.column_of_stage(ids["lead"])
    deal = lead.model.card(0).id
    tab.delete_opportunity(deal)
    assert lead.model.row_of(deal) is None
    assert "trash" in controller.window.statusBar().currentMessage()
    controller.window.undo_stack.undo()
    assert lead.model.row_of(deal) is not None


def test_a_move_shown_in_place_matches_a_reload(controller: Controller, qtbot: QtBot) -> None:
    """The board moves the card itself (no reload of every card); the result must be what a
    full reload from the database shows."""
    tab = pipeline_tab(controller)
    ids = stage_ids(tab)
    lead, proposal = (tab.board.column_of_stage(ids[k]) for k in ("lead", "proposal"))
    moved = lead.model.card(0).id
    tab.move_card(moved, ids["proposal"])

    def snapshot() -> tuple[object, ...]:
        columns = tuple(
            (c.totals.text(), tuple(c.model.cards())) for c in tab.board.columns.values()
        )
        return tab.board.summary.text(), columns

    local = snapshot()
    assert proposal.model.row_of(moved) is not None
    tab.refresh()
    assert snapshot() == local


def test_a_real_drop_shows_the_services_totals_in_the_headers(
    controller: Controller, qtbot: QtBot
) -> None:
    """The headers and the summary after a drop are the service's figures (a fresh board()),
    not sums of the cards the widget happens to hold: here another deal of the target column
    was edited behind the board's back before the drop."""
    tab = pipeline_tab(controller)
    ids = stage_ids(tab)
    pipeline = tab._services.pipeline
    lead, qualified = (tab.board.column_of_stage(ids[k]) for k in ("lead", "qualified"))
    first, other = lead.model.card(0).id, lead.model.card(1).id
    pipeline.move(other, ids["qualified"])  # not through the tab: the board still shows it
    edited = pipeline.get(other).data
    pipeline.update(other, replace(edited, amount=edited.amount + Decimal("1000.00")))
    drag_first_card(lead.view, qualified.view)
    qtbot.waitUntil(lambda: qualified.model.row_of(first) is not None)

    fresh = pipeline.board(tab.current_filter())
    for column in fresh.columns:
        header = tab.board.column_of_stage(column.stage.id).totals.text()
        assert header == f"{column.count} · {format_money(column.amount)} · weighted " + (
            format_money(column.weighted)
        ), column.stage.key
    assert format_money(fresh.open_total) in tab.board.summary.text()
    assert format_money(fresh.weighted_total) in tab.board.summary.text()


def deal_list(controller: Controller) -> DealListView:
    """The list view of the Pipeline tab, loaded."""
    tab = pipeline_tab(controller)
    tab.views.setCurrentIndex(1)
    tab.deal_list._reload()
    return tab.deal_list


def save_as(monkeypatch: pytest.MonkeyPatch, path: Path, chosen: str = "") -> None:
    """The save dialog answers ``path``, with the file type ``chosen`` (none: "")."""
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), chosen))


def test_deal_list_exports_what_it_shows(
    controller: Controller, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import openpyxl

    deals = deal_list(controller)
    deals.table.horizontalHeader().setSectionHidden(1, True)  # hide Customer
    deals.table.sortByColumn(4, Qt.SortOrder.DescendingOrder)  # by amount, largest first
    save_as(monkeypatch, tmp_path / "deals")  # the extension is added
    deals.findChild(QPushButton, "exportDealsButton").click()
    written = tmp_path / "deals.xlsx"
    qtbot.waitUntil(written.exists, timeout=10000)
    qtbot.waitUntil(lambda: "Exported 3 deals" in controller.window.statusBar().currentMessage())
    rows = list(openpyxl.load_workbook(written).worksheets[0].iter_rows(values_only=True))
    header_row = next(i for i, r in enumerate(rows) if r[0] == "Deal")
    header, data = rows[header_row], rows[header_row + 1 :]
    assert "Customer" not in header
    assert "Lost reason" in header
    amount = header.index("Amount")
    assert [r[0] for r in data] == ["项目 1", "项目 0", "项目 2"]
    assert [Decimal(str(r[amount])) for r in data] == [
        Decimal("50000.00"),
        Decimal("12800.00"),
        Decimal("999.99"),
    ]


def test_funnel_exports_and_chart_save_run_in_the_background(
    controller: Controller, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import openpyxl
    from PySide6.QtWidgets import QPushButton

    from sms_desktop.ui.background import Operation

    tab = pipeline_tab(controller)
    tab.views.setCurrentWidget(tab.funnel)
    qtbot.waitUntil(lambda: tab.funnel.canvas is not None)
    save_as(monkeypatch, tmp_path / "漏斗")
    tab.funnel.findChild(QPushButton, "exportFunnelButton").click()
    assert Operation._running  # the workbook is written off the GUI thread
    qtbot.waitUntil(lambda: not Operation._running, timeout=10000)
    sheets = openpyxl.load_workbook(tmp_path / "漏斗.xlsx").sheetnames
    assert sheets[0] == "Summary"
    chart = tmp_path / "funnel.svg"
    save_as(monkeypatch, chart)
    tab.funnel.findChild(QPushButton, "saveFunnelChartButton").click()
    qtbot.waitUntil(lambda: "Chart saved" in controller.window.statusBar().currentMessage())
    assert chart.read_bytes().startswith(b"<?xml")


def test_deal_list_exports_csv_in_utf8_with_a_bom(
    controller: Controller, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import csv

    from PySide6.QtWidgets import QPushButton

    from sms_desktop.ui.widgets.save_dialog import CSV_UTF8

    deals = deal_list(controller)
    save_as(monkeypatch, tmp_path / "deals", CSV_UTF8.filter())
    deals.findChild(QPushButton, "exportDealsButton").click()
    written = tmp_path / "deals.csv"
    qtbot.waitUntil(lambda: "Exported 3 deals" in controller.window.statusBar().currentMessage())
    raw = written.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    header, *rows = csv.reader(raw.decode("utf-8-sig").splitlines())
    assert header[:2] == ["Deal", "Customer"] and len(rows) == 3
    amounts = {Decimal(r[header.index("Amount")]) for r in rows}
    assert amounts == {Decimal("50000.00"), Decimal("12800.00"), Decimal("999.99")}


def test_new_deal_customer_by_pinyin_initials_and_amount_in_wan(
    controller: Controller, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ "bjhx" finds 北京华夏科技 in the deal's customer field as in the main search, and
    "12万" is an amount of 120,000."""
    tab = pipeline_tab(controller)

    def answer(dialog: OpportunityDialog) -> int:
        dialog.show()
        picker = dialog.customer_edit
        type_text(picker, "bjhx")
        completer = picker.completer()
        assert completer is not None
        popup = completer.popup()
        # The search runs 150 ms after the last keystroke; on a busy machine an earlier one
        # ("bjh") may show first, and the last one re-fills the popup under the keys below.
        qtbot.waitUntil(
            lambda: (
                not picker._timer.isActive() and popup.isVisible() and popup.model().rowCount() == 1
            )
        )
        qtbot.keyClick(popup, Qt.Key.Key_Down)
        qtbot.keyClick(popup, Qt.Key.Key_Return)
        assert picker.text() == "北京华夏科技有限公司"
        me = tab._services.salespeople.me()
        assert me is not None and dialog.owner_combo.currentData() == me  # the user's own
        type_text(dialog.title_edit, "年度框架")
        type_text(dialog.amount_edit, "12万")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(OpportunityDialog, "exec", answer)
    qtbot.mouseClick(tab.findChild(QPushButton, "newOpportunityButton"), Qt.MouseButton.LeftButton)
    deals = tab._services.pipeline.list_opportunities(PipelineFilter(search="年度框架"))
    assert [(d.title, d.amount) for d in deals] == [("年度框架", Decimal("120000.00"))]


@pytest.mark.parametrize("language", ["zh_CN", "en"])
@pytest.mark.parametrize("size", [(1280, 720), (1366, 768)])
def test_five_stages_fit_a_laptop_screen(
    controller: Controller, qtbot: QtBot, size: tuple[int, int]
) -> None:
    """The open stages share the board's width: at 1280×720 and 1366×768, in Chinese and
    in English, all five are in view with Won and Lost beside them, no sideways scrolling,
    and a card still shows its whole amount with its close date beside it."""
    from datetime import date

    from PySide6.QtWidgets import QScrollArea

    from sms_desktop.ui.tabs.pipeline.card_delegate import shown_close

    tab = pipeline_tab(controller)
    services = tab._services
    customer = services.customers.list_customers()[0].id
    services.pipeline.create(
        OpportunityInput(
            customer_id=customer,
            title="年度框架",
            amount=Decimal("1234567.00"),
            expected_close=date(2026, 12, 28),
        )
    )
    controller.window.resize(*size)
    scroll = tab.board.findChild(QScrollArea)
    assert scroll is not None
    columns = [c for c in tab.board.columns.values() if c.stage.kind is StageKind.OPEN]
    zones = [c for c in tab.board.columns.values() if c.stage.kind is not StageKind.OPEN]
    assert len(columns) == 5 and len(zones) == 2

    def all_in_view() -> bool:
        right = max(c.mapTo(scroll.viewport(), c.rect().topRight()).x() for c in columns)
        return right < scroll.viewport().width() and columns[0].model.rowCount() == 4

    qtbot.waitUntil(all_in_view)
    assert scroll.horizontalScrollBar().maximum() == 0
    assert all(c.width() >= 200 for c in columns)
    window = controller.window
    for zone in zones:
        corner = zone.mapTo(window, zone.rect().bottomRight())
        assert corner.x() < window.width() and corner.y() < window.height()
        assert zone.view.height() >= 120  # a drop target, not a sliver
    lead = tab.board.column_of_stage(stage_ids(tab)["lead"])
    row = next(r for r in range(4) if lead.model.card(r).title == "年度框架")
    card_width = lead.view.visualRect(lead.model.index(row, 0)).width()
    assert shown_close(lead.model.card(row), lead.view.font(), card_width)


def test_flag_a_deal_commit_in_its_editor_and_undo(
    controller: Controller, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The forecast's commit flag is a check box of the deal's editor (#16); Undo clears it
    together with the rest of the edit."""
    tab = pipeline_tab(controller)
    deal = tab._services.pipeline.list_opportunities(PipelineFilter(search="项目 1"))[0]
    pipeline = tab._services.pipeline

    def answer(dialog: OpportunityDialog) -> int:
        assert not dialog.commit_check.isChecked() and not dialog.commit_check.isHidden()
        qtbot.mouseClick(dialog.commit_check, Qt.MouseButton.LeftButton)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(OpportunityDialog, "exec", answer)
    tab.edit_opportunity(deal.id)
    assert pipeline.get(deal.id).forecast_commit
    controller.window.undo_stack.undo()
    assert not pipeline.get(deal.id).forecast_commit
    controller.window.undo_stack.redo()
    assert pipeline.get(deal.id).forecast_commit


def test_a_failed_save_of_the_editor_keeps_neither_the_fields_nor_the_commit_flag(
    controller: Controller, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The commit flag is saved in the edit's own transaction: when the save fails after
    both were written, the deal keeps its title and its flag (#16)."""
    from sms_desktop.domain.errors import ConflictError
    from sms_desktop.domain.i18n import Message
    from sms_desktop.services import audit

    tab = pipeline_tab(controller)
    deal = tab._services.pipeline.list_opportunities(PipelineFilter(search="项目 1"))[0]
    pipeline = tab._services.pipeline
    record_changes = audit.record_changes

    def failing(session, entity, entity_id, old, new):  # type: ignore[no-untyped-def]
        if "forecast_commit" in new:
            raise ConflictError(Message("Tests", "the disk is full"))
        return record_changes(session, entity, entity_id, old, new)

    def answer(dialog: OpportunityDialog) -> int:
        dialog.title_edit.setText("改过的标题")
        qtbot.mouseClick(dialog.commit_check, Qt.MouseButton.LeftButton)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(audit, "record_changes", failing)
    monkeypatch.setattr(OpportunityDialog, "exec", answer)
    shown: list[str] = []
    monkeypatch.setattr(
        "sms_desktop.ui.edit.show_error", lambda _parent, exc: shown.append(str(exc))
    )
    before = controller.window.undo_stack.count()
    tab.edit_opportunity(deal.id)
    assert shown  # the failure was told
    assert not pipeline.get(deal.id).forecast_commit
    assert tab._services.pipeline.get(deal.id).data.title == deal.title
    assert controller.window.undo_stack.count() == before  # nothing to undo


def test_the_edit_and_its_commit_flag_are_one_undo_step(
    controller: Controller, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = pipeline_tab(controller)
    deal = tab._services.pipeline.list_opportunities(PipelineFilter(search="项目 1"))[0]
    pipeline = tab._services.pipeline

    def answer(dialog: OpportunityDialog) -> int:
        dialog.title_edit.setText("改过的标题")
        qtbot.mouseClick(dialog.commit_check, Qt.MouseButton.LeftButton)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(OpportunityDialog, "exec", answer)
    before = controller.window.undo_stack.count()
    tab.edit_opportunity(deal.id)
    assert controller.window.undo_stack.count() == before + 1
    assert pipeline.get(deal.id).forecast_commit
    controller.window.undo_stack.undo()
    assert pipeline.get(deal.id).data.title == deal.title
    assert not pipeline.get(deal.id).forecast_commit
    controller.window.undo_stack.redo()
    assert (
        pipeline.get(deal.id).data.title == "改过的标题" and pipeline.get(deal.id).forecast_commit
    )


def test_the_win_model_choice_is_kept_and_says_when_untrained(
    controller: Controller, qtbot: QtBot
) -> None:
    """Ticking "Win model probability" stores the choice; with too few closed deals the
    board keeps the stage defaults and the status bar says why (#16)."""
    tab = pipeline_tab(controller)
    assert not tab.model_check.isChecked()
    qtbot.mouseClick(tab.model_check, Qt.MouseButton.LeftButton)
    assert tab._services.settings.use_model_probability()
    qtbot.waitUntil(lambda: "50 closed deals" in controller.window.statusBar().currentMessage())
    cards = [c for col in tab.board.columns.values() for c in col.model.cards()]
    assert cards and not any(c.from_model for c in cards)


def test_a_card_says_where_its_probability_comes_from() -> None:
    from sms_desktop.domain.pipeline import Attention, NextActivity
    from sms_desktop.services.pipeline import Card
    from sms_desktop.ui.tabs.pipeline.card_delegate import probability_label

    card = Card(1, "ERP", 1, "明达", Decimal(100), "CNY", None, None, 1, 60, False,
                Decimal(60), 0, Attention.NONE, NextActivity.NONE)  # fmt: skip
    assert probability_label(card) == "60% stage"
    assert probability_label(replace(card, probability=72, from_model=True)) == "72% model"
    assert probability_label(replace(card, probability_overridden=True)) == "60% by hand"


def test_the_close_date_is_never_drawn_over_the_amount(qapp: object) -> None:
    """At 1280 px the columns are narrow: the long date ("Nov 23, 2026") gives way to the
    short one, then to none, instead of running into the amount (seen in the screenshot
    sweep of #13)."""
    from datetime import date

    from PySide6.QtGui import QFontMetrics
    from PySide6.QtWidgets import QApplication

    from sms_desktop.domain.pipeline import Attention, NextActivity
    from sms_desktop.services.pipeline import Card
    from sms_desktop.ui.formatting import format_date
    from sms_desktop.ui.tabs.pipeline.card_delegate import close_label

    card = Card(1, "ERP", 1, "明达", Decimal(100), "CNY", date(2026, 11, 23), None, 1, 60,
                False, Decimal(60), 0, Attention.NONE, NextActivity.NONE)  # fmt: skip
    metrics = QFontMetrics(QApplication.font())
    long = format_date(card.expected_close)
    assert close_label(card, metrics, 1000) == long
    short = close_label(card, metrics, metrics.horizontalAdvance(long) - 1)
    assert short and short != long
    assert metrics.horizontalAdvance(short) < metrics.horizontalAdvance(long)
    assert close_label(card, metrics, metrics.horizontalAdvance(short) - 1) == ""
    assert close_label(replace(card, expected_close=None), metrics, 1000) == ""
