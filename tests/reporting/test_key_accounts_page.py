"""The management report's key-account page: figures computed as of the day, the page added
at the end in both languages."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from sms_desktop.domain.segmentation import Tier
from sms_desktop.persistence.db import Database
from sms_desktop.reporting.key_accounts_page import read_key_accounts
from sms_desktop.reporting.management_pdf import write_management_report
from sms_desktop.services.account_plans import PlanInput
from sms_desktop.services.registry import Services
from tests.reporting.test_management_pdf import YEAR
from tests.services.dashboard_data import TODAY, DashboardWorld, build_dashboard_world


@pytest.fixture
def world(db: Database) -> DashboardWorld:
    return build_dashboard_world(db)


@pytest.mark.parametrize(("language", "title"), [("zh_CN", "关键客户"), ("en", "Key accounts")])
def test_the_page_ends_the_report(
    db: Database, world: DashboardWorld, tmp_path: Path, language: str, title: str
) -> None:
    services = Services(db)
    lines = services.accounts.segment_lines(TODAY)[1]
    leader = max(lines, key=lambda line: line.score.score)
    services.accounts.set_override(leader.score.customer_id, Tier.STRATEGIC, "board")
    services.account_plans.create(
        PlanInput(
            leader.score.customer_id, TODAY.year, target_revenue=leader.score.period_revenue * 2
        )
    )
    page = read_key_accounts(services.accounts, services.account_plans, TODAY)
    assert sum(t.customers for t in page.tiers) == len(lines)
    assert sum(t.revenue for t in page.tiers) == sum(line.score.period_revenue for line in lines)
    first = page.top[0]
    assert first.name == leader.name and first.tier is Tier.STRATEGIC
    path = tmp_path / "report.pdf"
    count = write_management_report(
        path, services.dashboard, YEAR, language=language, today=TODAY, key_accounts=page
    )
    assert count == 5 == len(re.findall(rb"/Type\s*/Page[^s]", path.read_bytes()))
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", "-f", "5", "-l", "5", str(path), "-"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        assert title in text and leader.name in text
