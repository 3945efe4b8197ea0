"""Whatever a file holds, an import raises only the import error and writes nothing then."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sms_desktop.domain.importing.errors import ImportFileError
from sms_desktop.domain.importing.fields import ImportKind
from sms_desktop.persistence.db import Database
from tests.services.imports.helpers import run_import, snapshot

SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@SETTINGS
@given(data=st.binary(max_size=400))
def test_arbitrary_bytes_as_a_csv(db: Database, data: bytes) -> None:
    before = snapshot(db.path)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "x.csv"
        path.write_bytes(b"\xe5\xae\xa2\xe6\x88\xb7\xe5\x90\x8d\xe7\xa7\xb0,phone\n" + data)
        try:
            summary = run_import(db, path, ImportKind.CUSTOMERS)
        except ImportFileError:
            assert snapshot(db.path) == before
            return
    if not summary.written:
        assert snapshot(db.path) == before


_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30)


@SETTINGS
@given(
    cells=st.lists(st.tuples(_TEXT, _TEXT, _TEXT), min_size=1, max_size=6),
    kind=st.sampled_from(list(ImportKind)),
)
def test_arbitrary_text_cells(
    db: Database, cells: list[tuple[str, str, str]], kind: ImportKind
) -> None:
    """Text of any characters (controls, markup, formulas, line breaks) in every cell:
    row errors or records, never another exception."""
    import csv

    from sms_desktop.domain.importing.fields import FIELDS

    headers = [f.name for f in FIELDS[kind] if f.required][:3]
    headers += [f.name for f in FIELDS[kind] if f.name not in headers][: 3 - len(headers)]
    before = snapshot(db.path)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "x.csv"
        with path.open("w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(headers)
            writer.writerows(cells)
        try:
            summary = run_import(db, path, kind, skip_invalid=True, create_missing=True)
        except ImportFileError:  # anything else (another DomainError too) fails the test
            assert snapshot(db.path) == before
            return
    if not summary.written:
        assert snapshot(db.path) == before
