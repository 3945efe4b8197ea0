"""The Chinese translation is complete, current, and keeps every placeholder."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from sms_desktop.domain.i18n import Message
from sms_desktop.ui.i18n import install_translators, tr_message

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "sms_desktop_zh_CN.ts"
PLACEHOLDER = re.compile(r"(?<!\{)\{[a-z_]*(?::[^}]*)?\}(?!\})")


def _messages(path: Path) -> list[tuple[str, str, str, ET.Element]]:
    """(context, source, translated text, the <translation> element) of every message."""
    result = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            forms = [f.text or "" for f in translation.iter("numerusform")]
            text = " ".join(forms) if forms else (translation.text or "")
            result.append((name, message.findtext("source") or "", text, translation))
    return result


def _lupdate(ts: Path, *options: str) -> str:
    """Run lupdate over the code into ``ts`` as `make i18n` does; returns what it printed."""
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    command = [str(lupdate), "-extensions", "py", "-no-obsolete", "-locations", "none"]
    command += [*options, str(ROOT / "sms_desktop"), "-ts", str(ts)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120, check=True)
    return result.stdout + result.stderr


def test_every_string_is_translated() -> None:
    messages = _messages(TS)
    assert len(messages) > 100
    for context, source, text, translation in messages:
        assert translation.get("type") is None, (context, source)
        assert text.strip(), (context, source)


def test_placeholders_and_accelerators_survive() -> None:
    for context, source, text, _translation in _messages(TS):
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(text)), (
            context,
            source,
        )
        if re.search(r"&\w", source):
            assert re.search(r"&\w", text), (context, source)


def test_the_same_words_keep_their_meaning_in_each_dialog() -> None:
    """'Title:' is a person's job title on a contact but the deal's name on a deal."""
    translated = {(context, source): text for context, source, text, _ in _messages(TS)}
    assert translated["ContactDialog", "Title:"] == "职务："
    assert translated["OpportunityDialog", "Title:"] == "商机名称："
    assert translated["ContactDialog", "Name:"] == "姓名："
    assert translated["ProfileForm", "Name:"] == "客户名称："


def test_ts_file_is_up_to_date_with_the_code(tmp_path: Path) -> None:
    """Running lupdate over the code adds nothing: every string is in the .ts file."""
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    output = _lupdate(copy)
    assert "(0 new" in output, output
    assert len(_messages(copy)) == len(_messages(TS))


def test_service_messages_are_translated_in_the_ui(qapp: object) -> None:
    message = Message("Database", "{path} is a folder, not a database file.").format(path="/x")
    install_translators("zh_CN")
    try:
        assert tr_message(message) == "/x 是文件夹，不是数据库文件。"
    finally:
        install_translators("en")
    assert tr_message(message) == "/x is a folder, not a database file."


def test_qt_own_dialogs_are_translated(qapp: object) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    install_translators("zh_CN")
    try:
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        button = box.button(QDialogButtonBox.StandardButton.Cancel)
        assert button is not None and button.text() == "取消"
    finally:
        install_translators("en")


def test_english_plurals_are_complete_and_current(tmp_path: Path) -> None:
    """English is the source language; only plural forms need a file ("1 customer")."""
    en = TS.with_name("sms_desktop_en.ts")
    messages = _messages(en)
    assert messages
    for context, source, _text, translation in messages:
        forms = [f.text or "" for f in translation.iter("numerusform")]
        assert len(forms) == 2 and all("%Ln" in f for f in forms), (context, source)
    copy = tmp_path / en.name
    shutil.copy(en, copy)
    output = _lupdate(copy, "-pluralonly", "-target-language", "en")
    assert len(_messages(copy)) == len(messages), output


def test_english_plural_forms_are_used(qapp: object) -> None:
    from PySide6.QtCore import QCoreApplication

    install_translators("en")
    one = QCoreApplication.translate("CustomersTab", "%Ln customer(s)", "", 1)
    many = QCoreApplication.translate("CustomersTab", "%Ln customer(s)", "", 100000)
    assert (one, many) == ("1 customer", "100,000 customers")


def test_counts_are_grouped_in_chinese_too(qapp: object) -> None:
    from PySide6.QtCore import QCoreApplication

    install_translators("zh_CN")
    try:
        text = QCoreApplication.translate("CustomersTab", "%Ln customer(s)", "", 100000)
        assert text == "共 100,000 个客户"
    finally:
        install_translators("en")


def test_kind_labels_and_lists_take_the_languages_punctuation(qapp: object) -> None:
    from sms_desktop.ui.formatting import join_list, labelled
    from sms_desktop.ui.i18n import install_translators

    install_translators("en")
    assert (labelled("Visit"), join_list(["price", "delivery"])) == ("[Visit] ", "price, delivery")
    install_translators("zh_CN")
    try:
        assert (labelled("拜访"), join_list(["价格", "交期"])) == ("【拜访】", "价格、交期")
    finally:
        install_translators("en")


def test_qts_own_file_dialog_speaks_chinese(qapp: object) -> None:
    """Qt's zh_CN catalogue lacks two of the file dialog's labels: qt_extra adds them."""
    import re

    from PySide6.QtWidgets import QFileDialog, QLabel

    from sms_desktop.ui.i18n import install_translators

    install_translators("zh_CN")
    try:
        for mode in (QFileDialog.AcceptMode.AcceptOpen, QFileDialog.AcceptMode.AcceptSave):
            dialog = QFileDialog(None, "x")
            dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
            dialog.setAcceptMode(mode)
            labels = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
            assert labels and not [t for t in labels if re.search("[A-Za-z]{3}", t)], labels
            dialog.deleteLater()
    finally:
        install_translators("en")


@pytest.mark.parametrize(
    ("language", "folder", "size", "stamp"),
    [
        ("zh_CN", "文件夹", "2 字节", "2026/2/12 09:05"),
        ("en", "Folder", "2 bytes", "2/12/26 9:05\u202fAM"),
    ],
)
def test_qts_own_file_dialog_lists_files_in_the_interface_language(
    qapp: object, tmp_path: Path, language: str, folder: str, size: str, stamp: str
) -> None:
    """The save dialog as the user opens it (the static QFileDialog call, Qt's own widget
    dialog): a folder's type, a file's size and date in the interface's language and locale,
    not the system's ("Folder", "2 bytes", "12 02 2026 09:05" under LANG=C.UTF-8)."""
    import os
    from datetime import datetime

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QFileDialog, QTreeView

    from sms_desktop.ui.widgets.save_dialog import XLSX, ask_save_path

    (tmp_path / "报表").mkdir()
    sheet = tmp_path / "客户.xlsx"
    sheet.write_bytes(b"PK")
    moment = datetime(2026, 2, 12, 9, 5).timestamp()  # local time, as the dialog shows it
    os.utime(sheet, (moment, moment))
    os.utime(tmp_path / "报表", (moment, moment))
    seen: dict[str, list[str]] = {}

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        tree = dialog.findChild(QTreeView) if isinstance(dialog, QFileDialog) else None
        if tree is None or tree.model().rowCount(tree.rootIndex()) < 2:
            QTimer.singleShot(20, look)  # the model lists the folder on a thread
            return
        model, root = tree.model(), tree.rootIndex()
        for row in range(model.rowCount(root)):
            texts = [model.index(row, column, root).data() for column in range(4)]
            seen[texts[0]] = texts
        seen["header"] = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)]
        dialog.reject()

    install_translators(language)
    try:
        QTimer.singleShot(0, look)
        assert ask_save_path(None, "x", "客户", (XLSX,), folder=tmp_path) is None
    finally:
        install_translators("en")
    assert seen["报表"][2:] == [folder, stamp]
    assert seen["客户.xlsx"][1] == size and seen["客户.xlsx"][3] == stamp
    if language == "zh_CN":
        assert seen["header"] == ["名称", "大小", "类型", "修改日期"]
