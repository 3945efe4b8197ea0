"""The management report PDF: pages, embedded CJK font, hostile text, the CLI."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from sms_desktop import cli
from sms_desktop.persistence.db import Database
from sms_desktop.reporting.management_pdf import write_management_report
from sms_desktop.services.dashboard import DashboardFilter
from sms_desktop.services.registry import Services
from tests.services.dashboard_data import TODAY, DashboardWorld, build_dashboard_world

YEAR = DashboardFilter(date(2026, 1, 1), date(2026, 12, 31))


@pytest.fixture
def world(db: Database) -> DashboardWorld:
    return build_dashboard_world(db)


def pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_the_report_has_four_pages_with_the_font_embedded(
    db: Database, world: DashboardWorld, tmp_path: Path, language: str
) -> None:
    path = tmp_path / "report.pdf"
    seen: list[tuple[int, int]] = []
    count = write_management_report(
        path,
        Services(db).dashboard,
        YEAR,
        language=language,
        today=TODAY,
        progress=lambda d, t: seen.append((d, t)),
    )
    pdf = path.read_bytes()
    assert pdf.startswith(b"%PDF")
    assert count == pages(pdf) == 4
    assert b"WenQuanYiMicroHei" in pdf
    assert b"/FontFile2" in pdf  # the TrueType font program is in the file
    assert seen[-1][0] == seen[-1][1]


def test_markup_in_names_is_printed_not_parsed(
    db: Database, world: DashboardWorld, tmp_path: Path
) -> None:
    with db.write() as session:
        session.execute(
            text("UPDATE customers SET name = :n WHERE id = :i"),
            {"n": '<b>Acme & Co <img src="http://example.invalid/x.png"/>', "i": world.c1},
        )
    path = tmp_path / "hostile.pdf"
    write_management_report(
        path,
        Services(db).dashboard,
        YEAR,
        language="zh_CN",
        owner_name="<i>王伟 & 李娜",
        today=TODAY,
    )
    assert pages(path.read_bytes()) == 4


def test_cli_report_pdf(
    db: Database, world: DashboardWorld, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "cli.pdf"
    db.close()
    assert cli.main(["--db", str(db.path), "report", "pdf", "--out", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    assert "written to" in capsys.readouterr().out
