"""The Customers tab driven through its real widgets."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from sms_desktop.domain.enums import InteractionKind
from sms_desktop.persistence.models import Customer
from sms_desktop.services.customers import ContactInput, CustomerFilter, CustomerInput
from sms_desktop.services.workspace import open_workspace
from sms_desktop.ui.application import Controller
from sms_desktop.ui.models.paged import Role
from sms_desktop.ui.tabs.customers.tab import CustomersTab, customer_model
from tests.ui.keyboard import type_text

NAMES = [
    "北京华夏科技有限公司",
    "上海明达贸易有限公司",
    "Acme Trading Co., Ltd.",
    "杭州瑞丰机械制造有限公司",
]


@pytest.fixture
def company_db(company_db: Path) -> Path:
    """The shared database with a few customers and contacts."""
    workspace = open_workspace(company_db)
    customers = workspace.services.customers
    for number, name in enumerate(NAMES):
        customer_id = customers.create(CustomerInput(name=name, city="北京", tier="A"))
        customers.add_contact(
            customer_id, ContactInput(name=f"王伟{number}", mobile=f"1381234567{number}")
        )
    with workspace.db.write() as session:  # filler rows in one transaction (fast)
        session.add_all(
            Customer(name=f"Customer {number:03}", city="Lyon") for number in range(300)
        )
    workspace.close(backup=False)
    return company_db


def customers_tab(controller: Controller) -> CustomersTab:
    controller.window.show_tab("customers")
    tab = controller.window.tabs.currentWidget()
    assert isinstance(tab, CustomersTab)
    assert tab.objectName() == "customersTab"
    return tab


def test_model_passes_qt_model_tester(controller: Controller, qtmodeltester: object) -> None:
    workspace = controller.workspace
    assert workspace is not None
    model = customer_model(workspace.services.customers, page_size=50)
    model.reload()
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    model.sort(6, Qt.SortOrder.DescendingOrder)
    model.set_filter(CustomerFilter(search="customer 1"))
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == model.total == 100  # "1" is a token prefix: Customer 100-199


def test_list_pages_in_and_counts(controller: Controller, qtbot: QtBot) -> None:
    tab = customers_tab(controller)
    assert tab.model.total == 304
    assert tab.model.rowCount() == 256  # the first page only
    assert "304" in tab.count_label.text()
    tab.table.scrollToBottom()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 304)


def test_chinese_search_and_log_an_interaction(controller: Controller, qtbot: QtBot) -> None:
    tab = customers_tab(controller)
    type_text(tab.search_edit, "华夏")
    assert tab.search_edit.text() == "华夏"
    qtbot.waitUntil(lambda: tab.model.total == 1)
    assert tab.model.index(0, 0).data() == "北京华夏科技有限公司"

    tab.table.selectRow(0)
    qtbot.waitUntil(lambda: tab.detail.title.text() == "北京华夏科技有限公司")
    timeline = tab.detail.timeline
    qtbot.mouseClick(timeline.kind_buttons[InteractionKind.CALL], Qt.MouseButton.LeftButton)
    assert timeline.composer.isVisible()
    type_text(timeline.composer.summary, "确认了春季订单的数量")  # type: ignore[arg-type]
    qtbot.mouseClick(timeline.composer.save_button, Qt.MouseButton.LeftButton)
    assert not timeline.composer.isVisible()
    first = timeline.entry_texts()[0]
    assert "确认了春季订单的数量" in first
    assert first.startswith("[Call] ")  # 【电话】 in Chinese
    assert tab.model.index(0, 5).data() == "today"  # last contact column refreshed

    controller.window.undo_stack.undo()
    assert all("春季订单" not in text for text in timeline.entry_texts())


@pytest.mark.parametrize("query", ["bjhx", "huaxia", "13812345670", "王伟0"])
def test_search_by_pinyin_phone_and_contact(
    controller: Controller, qtbot: QtBot, query: str
) -> None:
    tab = customers_tab(controller)
    type_text(tab.search_edit, query)
    qtbot.waitUntil(lambda: tab.model.total == 1)
    assert tab.model.index(0, 0).data() == "北京华夏科技有限公司"


def test_hostile_search_text_is_harmless(controller: Controller, qtbot: QtBot) -> None:
    tab = customers_tab(controller)
    for text in ['"', "*", "AND", "(", "%", "_", 'a" OR "b', "NEAR(", "^x"]:
        tab.search_edit.setText(text)
        tab.apply_filter()
        assert tab.model.total >= 0
    assert not any(isinstance(w, QApplication) for w in QApplication.topLevelWidgets())


def test_create_edit_delete_and_undo(controller: Controller, qtbot: QtBot) -> None:
    tab = customers_tab(controller)
    services = controller.workspace.services  # type: ignore[union-attr]
    qtbot.mouseClick(
        tab.findChild(type(tab.detail.save_button), "newCustomerButton"), Qt.MouseButton.LeftButton
    )
    form = tab.detail.profile
    me = services.salespeople.me()
    qtbot.waitUntil(lambda: form.owner_combo.currentData() == me)  # the user's own
    form.edits["email"].setText("bad")
    tab.save_profile()
    assert form.errors.text("name") == "Enter the customer's name."
    assert form.errors.text("email") == "Enter an email address like name@example.com."

    type_text(form.edits["name"], "深圳新客户电子有限公司")
    form.edits["email"].setText("buyer@xin.cn")
    tab.save_profile()
    new_id = tab.detail.customer_id
    assert new_id is not None
    assert services.customers.get(new_id).data.email == "buyer@xin.cn"

    form.edits["phone"].setText("0755-8888 6666")
    tab.save_profile()
    assert services.customers.get(new_id).data.phone == "0755-8888 6666"

    tab.select_customer(new_id)
    tab.delete_selected()
    assert services.customers.count_customers() == 304
    stack = controller.window.undo_stack
    stack.undo()  # delete
    assert services.customers.count_customers() == 305
    stack.undo()  # phone
    assert services.customers.get(new_id).data.phone == ""
    stack.undo()  # create
    assert services.customers.count_customers() == 304
    stack.redo()
    assert services.customers.count_customers() == 305


def test_duplicate_warning_before_saving(
    controller: Controller, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sms_desktop.ui.tabs.customers import dialogs

    seen: list[list[str]] = []

    def fake_exec(dialog: dialogs.DuplicatesDialog) -> int:
        seen.append(
            [
                dialog.tree.topLevelItem(i).text(0)  # type: ignore[union-attr]
                for i in range(dialog.tree.topLevelItemCount())
            ]
        )
        dialog.action = dialogs.DuplicateAction.OPEN_EXISTING
        dialog.chosen_id = None
        return 0  # cancelled

    monkeypatch.setattr(dialogs.DuplicatesDialog, "exec", fake_exec)
    tab = customers_tab(controller)
    tab.new_customer()
    type_text(tab.detail.profile.edits["name"], "北京华夏科技")
    tab.save_profile()
    assert seen == [["北京华夏科技有限公司"]]
    assert controller.workspace.services.customers.count_customers() == 304  # type: ignore


def test_export_current_view(
    controller: Controller, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import openpyxl
    from PySide6.QtWidgets import QFileDialog, QPushButton

    tab = customers_tab(controller)
    tab.search_edit.setText("Customer 00")
    tab.apply_filter()
    tab.header_view().setSectionHidden(2, True)  # hide Industry
    target = tmp_path / "view.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    tab.findChild(QPushButton, "exportCustomersButton").click()
    qtbot.waitUntil(target.exists, timeout=10000)
    qtbot.waitUntil(lambda: "Exported" in controller.window.statusBar().currentMessage())
    sheet = openpyxl.load_workbook(target).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    header_row = next(i for i, r in enumerate(rows) if r[0] == "Customer")
    header, data = rows[header_row], rows[header_row + 1 :]
    assert "Industry" not in header
    assert [r[0] for r in data] == [
        tab.model.index(i, 0).data() for i in range(tab.model.rowCount())
    ]
    assert len(data) == 10
    revenue = header.index("Revenue, last 12 months")
    assert all(isinstance(r[revenue], (int, float)) for r in data)


def test_row_ids_are_exposed(controller: Controller) -> None:
    tab = customers_tab(controller)
    ids = [tab.model.index(r, 0).data(Role.ID) for r in range(tab.model.rowCount())]
    assert len(set(ids)) == len(ids) == 256


def test_narrow_headers_elide_and_show_the_full_text_on_hover(controller: Controller) -> None:
    tab = customers_tab(controller)
    assert tab.header_view().textElideMode() == Qt.TextElideMode.ElideRight
    horizontal = Qt.Orientation.Horizontal
    headers = [tab.model.headerData(c, horizontal) for c in range(tab.model.columnCount())]
    revenue = headers.index("Revenue, last 12 months")
    tooltip = tab.model.headerData(revenue, horizontal, Qt.ItemDataRole.ToolTipRole)
    assert tooltip == "Revenue, last 12 months"


def test_the_detail_panel_opens_the_customers_tasks(controller: Controller, qtbot: QtBot) -> None:
    tab = customers_tab(controller)
    type_text(tab.search_edit, "华夏")
    qtbot.waitUntil(lambda: tab.model.total == 1)
    tab.table.selectRow(0)
    qtbot.waitUntil(lambda: tab.detail.title.text() == "北京华夏科技有限公司")
    assert tab.detail.tasks_button.isVisible()
    qtbot.mouseClick(tab.detail.tasks_button, Qt.MouseButton.LeftButton)
    tasks = controller.window.tabs.currentWidget()
    assert tasks is not None and tasks.objectName() == "tasksTab"
    assert "北京华夏科技有限公司" in tasks.context_label.text()  # type: ignore[attr-defined]
    assert tasks.current_filter().customer_id == tab.detail.customer_id  # type: ignore[attr-defined]


def test_leaving_an_edited_profile_asks_save_discard_or_cancel(
    controller: Controller, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A phone typed into one customer's profile, then a click on another customer: asked,
    and Cancel keeps the edit, Save saves it, Discard drops it."""
    tab = customers_tab(controller)
    services = controller.workspace.services  # type: ignore[union-attr]
    answers: list[QMessageBox.StandardButton] = []
    asked: list[str] = []

    def question(_parent: object, _title: str, text: str, *_args: object) -> object:
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)

    def click_row(row: int) -> None:
        rect = tab.table.visualRect(tab.model.index(row, 0))
        qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    click_row(0)
    first = tab.detail.customer_id
    assert first is not None
    phone = tab.detail.profile.edits["phone"]
    qtbot.keyClicks(phone, "010-1234")

    answers.append(QMessageBox.StandardButton.Cancel)
    click_row(1)
    assert tab.detail.customer_id == first
    assert phone.text() == "010-1234"
    assert tab.table.currentIndex().row() == 0
    assert len(asked) == 1 and "Save your changes" in asked[0]

    answers.append(QMessageBox.StandardButton.Save)
    click_row(1)
    assert services.customers.get(first).data.phone == "010-1234"
    second = tab.detail.customer_id
    assert second not in (None, first)

    qtbot.keyClicks(tab.detail.profile.edits["phone"], "999")
    answers.append(QMessageBox.StandardButton.Discard)
    click_row(2)
    assert services.customers.get(second).data.phone == ""  # type: ignore[arg-type]
    assert tab.detail.customer_id not in (first, second)
    assert len(asked) == 3


def test_export_to_csv_in_gb18030_chosen_in_the_save_dialog(
    controller: Controller, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import csv

    from PySide6.QtWidgets import QFileDialog, QPushButton

    from sms_desktop.ui.widgets.save_dialog import CSV_GB18030

    tab = customers_tab(controller)
    target = tmp_path / "客户名单"  # the suffix follows the chosen type
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), CSV_GB18030.filter())
    )
    tab.findChild(QPushButton, "exportCustomersButton").click()
    status = controller.window.statusBar()
    qtbot.waitUntil(lambda: "Exported 304 customers" in status.currentMessage(), timeout=10000)
    raw = (tmp_path / "客户名单.csv").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    header, *rows = csv.reader(raw.decode("gb18030").splitlines())
    assert header[0] == "Customer" and len(rows) == 304
    assert {r[0] for r in rows} >= set(NAMES)


def test_cancel_of_an_export_leaves_no_file(
    controller: Controller, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from PySide6.QtWidgets import QFileDialog, QPushButton

    from sms_desktop.services.customers import CustomersService
    from sms_desktop.ui.background import Operation

    release = threading.Event()
    streamed = CustomersService.iter_rows

    def held(self: CustomersService, *args: object) -> object:
        release.wait(10)  # the export waits here until Cancel was pressed
        yield from streamed(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(CustomersService, "iter_rows", held)
    tab = customers_tab(controller)
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / "customers.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    tab.findChild(QPushButton, "exportCustomersButton").click()
    (operation,) = Operation._running
    operation.dialog.findChild(QPushButton).click()  # Cancel
    release.set()
    qtbot.waitUntil(lambda: not Operation._running, timeout=10000)
    assert list(folder.iterdir()) == []  # neither the workbook nor its temporary file
    assert "Exported" not in controller.window.statusBar().currentMessage()


def test_ctrl_s_in_the_profile_saves(controller: Controller, qtbot: QtBot) -> None:
    tab = customers_tab(controller)
    services = controller.workspace.services  # type: ignore[union-attr]
    controller.window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is controller.window)
    tab.select_customer(tab.model.row_at(0).id)
    customer_id = tab.detail.customer_id
    assert customer_id is not None
    tab.detail.tabs.setCurrentIndex(1)  # the profile
    phone = tab.detail.profile.edits["phone"]
    phone.setFocus()
    qtbot.keyClicks(phone, "021-5555")
    qtbot.keyClick(phone, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert services.customers.get(customer_id).data.phone == "021-5555"
    assert not tab.detail.dirty
