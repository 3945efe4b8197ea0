"""Output files are written atomically: a failure leaves the old file and no leftovers."""

from __future__ import annotations

from pathlib import Path

import pytest

from sms_desktop.reporting import quote_pdf
from sms_desktop.reporting.files import atomic_output, write_atomically
from tests.reporting.quote_samples import COMPANY, make_quote, sample_lines


def test_a_failed_write_keeps_the_old_file_and_leaves_nothing(tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    target.write_bytes(b"old")

    def fail_midway() -> None:
        with atomic_output(target) as temporary:
            temporary.write_bytes(b"half")
            raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        fail_midway()
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.pdf"]
    write_atomically(target, b"new")
    assert target.read_bytes() == b"new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.pdf"]


def test_a_quote_pdf_that_fails_to_build_leaves_no_partial_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "Q-2026-0001.pdf"

    def broken_build(self: object, out: str) -> int:
        Path(out).write_bytes(b"%PDF-1.4 half a document")
        raise RuntimeError("font missing")

    monkeypatch.setattr(quote_pdf._Document, "build", broken_build)
    with pytest.raises(RuntimeError):
        quote_pdf.write_quote_pdf(make_quote(sample_lines(3)), target, company=COMPANY)
    assert list(tmp_path.iterdir()) == []


def test_a_cancel_at_the_end_keeps_the_old_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    from sms_desktop.reporting.excel import ExportCancelled

    path = tmp_path / "tasks.ics"
    path.write_bytes(b"old")
    seen: list[tuple[int, int]] = []

    def cancel(done: int, total: int) -> None:
        seen.append((done, total))
        raise ExportCancelled

    with pytest.raises(ExportCancelled):
        write_atomically(path, b"new", progress=cancel)
    assert seen == [(1, 1)]  # told once, when the file is complete
    assert [p.name for p in tmp_path.iterdir()] == ["tasks.ics"]
    assert path.read_bytes() == b"old"
    write_atomically(path, b"new", progress=lambda _d, _t: None)
    assert path.read_bytes() == b"new"
