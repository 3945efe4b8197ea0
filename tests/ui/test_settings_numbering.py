"""The number pattern fields of Settings: a live preview of the next number, and problems
shown inline on OK."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from sms_desktop.ui.application import Controller
from sms_desktop.ui.dialogs.settings_dialog import SettingsDialog


def _dialog(controller: Controller, qtbot: QtBot) -> SettingsDialog:
    dialog = SettingsDialog(
        controller.workspace.services,  # type: ignore[union-attr]
        controller.store.preferences(),
        controller.window,
    )
    qtbot.addWidget(dialog)
    return dialog


def test_preview_follows_the_pattern(controller: Controller, qtbot: QtBot) -> None:
    dialog = _dialog(controller, qtbot)
    year = date.today().year
    assert dialog.quote_number_preview.text() == f"Next number: Q-{year}-0001"
    assert dialog.order_number_preview.text() == f"Next number: SO-{year}-00001"
    dialog.quote_pattern_edit.setText("BJ{yy}-{seq:3}")
    assert dialog.quote_number_preview.text() == f"Next number: BJ{year % 100:02d}-001"
    dialog.quote_pattern_edit.setText("Q-{seq.__class__.__name__}")
    assert "is not a number pattern field" in dialog.quote_number_preview.text()


def test_a_bad_pattern_is_shown_beside_its_field(controller: Controller, qtbot: QtBot) -> None:
    dialog = _dialog(controller, qtbot)
    dialog.order_pattern_edit.setText("SO-{seq!s:.0}")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.errors.text("order_number_pattern").startswith(
        "{seq!s:.0} is not a number pattern field"
    )
    settings = controller.workspace.services.settings  # type: ignore[union-attr]
    assert settings.defaults().order_number_pattern == "SO-{year}-{seq:05}"


@pytest.mark.parametrize("language", ["zh_CN"])
def test_preview_in_chinese(controller: Controller, qtbot: QtBot) -> None:
    dialog = _dialog(controller, qtbot)
    assert dialog.quote_number_preview.text().startswith("下一个编号：Q-")
    dialog.quote_pattern_edit.setText("Q-{year}")
    assert dialog.quote_number_preview.text() == (
        "请在编号规则中加入 {seq}，使每个编号都不相同，例如 Q-{year}-{seq:04}。"
    )
