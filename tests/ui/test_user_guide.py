"""Help ▸ User Guide: the shipped guide in the interface's language, its pictures found."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument

from sms_desktop.ui.actions import ActionId
from sms_desktop.ui.application import Controller
from sms_desktop.ui.dialogs.user_guide import UserGuide, guide_path


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_every_picture_of_the_guide_is_shipped(language: str) -> None:
    path = guide_path(language)
    assert path.name == f"guide_{language}.md"
    pictures = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", path.read_text(encoding="utf-8"))
    assert len(pictures) == 6
    assert all((path.parent / p).is_file() for p in pictures)
    assert all(p.endswith(f"_{language}.png") for p in pictures)


@pytest.mark.parametrize("language", ["zh_CN"])
def test_help_opens_the_guide_in_the_interfaces_language(
    controller: Controller, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[UserGuide] = []

    def exec_(guide: UserGuide) -> int:
        shown.append(guide)
        return 0

    monkeypatch.setattr(UserGuide, "exec", exec_)
    controller.window.actions_by_id[ActionId.USER_GUIDE].trigger()
    (guide,) = shown
    document = guide.browser.document()
    assert "使用指南" in document.toPlainText()
    picture = document.resource(
        QTextDocument.ResourceType.ImageResource.value, QUrl("dashboard_zh_CN.png")
    )
    assert picture is not None and not picture.isNull()
