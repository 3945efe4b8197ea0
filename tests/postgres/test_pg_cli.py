"""The command line on a server database: init creates the schema and the first data."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from sms_desktop.cli import main
from sms_desktop.persistence import models as m
from sms_desktop.persistence.db import open_database


def test_init_fills_an_empty_server_database_once(
    pg_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", pg_url, "init", "--company", "华夏贸易", "--owner", "王伟"]) == 0
    assert "华夏贸易" in capsys.readouterr().out
    database = open_database(pg_url)
    try:
        with database.read() as session:
            owner = session.scalars(select(m.Salesperson.name)).all()
            stages = session.scalar(select(func.count()).select_from(m.PipelineStage))
    finally:
        database.close()
    assert owner == ["王伟"]
    assert stages
    # A second init must not add a second owner: the database is refused.
    assert main(["--db", pg_url, "init", "--company", "Other"]) == 1
    assert "already holds" in capsys.readouterr().err
    # Read commands work on it; file-only ones say so in one line.
    assert main(["--db", pg_url, "receivables"]) == 0
    assert main(["--db", pg_url, "backup"]) == 1
    err = capsys.readouterr().err
    assert "not yet on a server" in err and "Traceback" not in err


def test_a_server_password_is_never_shown(pg_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    with_password = pg_url.replace("sms_test@", "sms_test:s3cret@")
    assert main(["--db", with_password, "backup"]) == 1
    err = capsys.readouterr().err
    assert "s3cret" not in err and "***" in err
