"""``sms-desktop quote pdf``: the quote printed from the command line."""

from __future__ import annotations

import sqlite3
import subprocess
from pathlib import Path

import pytest

from sms_desktop.cli import main
from sms_desktop.demo.build import create_demo_database


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli-quote") / "demo.sqlite3"
    create_demo_database(path, customers=20, seed=7, replace=False)
    return path


def _revised_number(path: Path) -> tuple[str, int]:
    with sqlite3.connect(path) as conn:
        row = conn.execute(
            "SELECT number, MAX(revision) FROM quotes GROUP BY number ORDER BY 2 DESC, 1 LIMIT 1"
        ).fetchone()
    return row[0], row[1]


def _text(pdf: Path) -> str:
    return subprocess.run(
        ["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout


def test_quote_pdf_latest_revision_and_languages(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    number, latest = _revised_number(demo_db)
    out = tmp_path / "q.pdf"
    assert (
        main(["quote", "pdf", number, "--db", str(demo_db), "--lang", "en", "--out", str(out)]) == 0
    )
    assert "page(s) written to" in capsys.readouterr().out
    text = _text(out)
    assert number in text and "QUOTATION" in text
    first = tmp_path / "first.pdf"
    args = ["--db", str(demo_db), "quote", "pdf", number, "--revision", "A", "--out", str(first)]
    assert main([*args, "--lang", "zh_CN"]) == 0
    assert "报价单" in _text(first)
    if latest > 1:
        assert "Revision" in text


def test_quote_pdf_errors_are_one_line(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = str(tmp_path / "x.pdf")
    assert main(["quote", "pdf", "Q-1999-0001", "--db", str(demo_db), "--out", out]) == 1
    assert capsys.readouterr().err.strip() == "sms-desktop: There is no quote Q-1999-0001."
    number, _ = _revised_number(demo_db)
    assert (
        main(["quote", "pdf", number, "--db", str(demo_db), "--revision", "Z", "--out", out]) == 1
    )
    assert "has no revision Z" in capsys.readouterr().err
    assert (
        main(["quote", "pdf", number, "--db", str(demo_db), "--revision", "?", "--out", out]) == 1
    )
    missing = str(tmp_path / "none" / "x.pdf")
    assert main(["quote", "pdf", number, "--db", str(demo_db), "--out", missing]) == 1
    assert "does not exist" in capsys.readouterr().err  # checked before any work
    with pytest.raises(SystemExit) as usage:
        main(["quote", "pdf", number, "--db", str(demo_db)])
    assert usage.value.code == 2
