"""PagedTableModel: pages on demand, SQL-side sort, capped counts (no database needed)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot

from sms_desktop.ui.models.paged import Column, PagedTableModel, Role

ROOT = QModelIndex()


@dataclass(frozen=True)
class Item:
    id: int
    name: str


class FakeQuery:
    """Rows in memory; records the pages asked for; counts up to an optional cap."""

    def __init__(self, count: int, cap: int | None = None) -> None:
        self.rows = [Item(n, f"item {n:04}") for n in range(1, count + 1)]
        self.cap = cap
        self.pages: list[tuple[int, int]] = []

    def count(self) -> int:
        return len(self.rows) if self.cap is None else min(len(self.rows), self.cap)

    def fetch(self, offset: int, limit: int, key: str, descending: bool) -> list[Item]:
        self.pages.append((offset, limit))
        ordered = sorted(self.rows, key=lambda r: getattr(r, key), reverse=descending)
        return ordered[offset : offset + limit]


def make_model(query: FakeQuery, cap: int | None = None) -> PagedTableModel[Item]:
    model: PagedTableModel[Item] = PagedTableModel(
        [
            Column("name", lambda: "Name", lambda r: r.name),
            Column("id", lambda: "Id", lambda r: str(r.id)),
        ],
        count=query.count,
        fetch=query.fetch,
        row_id=lambda r: r.id,
        page_size=100,
    )
    model.count_cap = cap
    model.reload()
    return model


def test_contract_with_qt_model_tester(qtmodeltester: object) -> None:
    query = FakeQuery(250)
    model = make_model(query)
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    model.sort(1, Qt.SortOrder.DescendingOrder)
    assert model.index(0, 0).data(Role.ID) == 250


def test_pages_come_on_demand(qtbot: QtBot) -> None:
    query = FakeQuery(250)
    model = make_model(query)
    assert model.rowCount() == 100 and query.pages == [(0, 100)]
    with qtbot.waitSignal(model.rowsInserted) as inserted:
        model.fetchMore(ROOT)
    assert inserted.args[1:] == [100, 199]
    model.fetchMore(ROOT)
    assert model.rowCount() == 250 and not model.canFetchMore(ROOT)


@pytest.mark.parametrize("rows", [1000, 300, 250])
def test_a_capped_count_is_a_lower_bound(rows: int) -> None:
    query = FakeQuery(rows, cap=300)
    model = make_model(query, cap=300)
    assert model.total_capped == (rows >= 300)
    seen = []
    model.total_changed.connect(seen.append)
    while model.canFetchMore(ROOT):
        model.fetchMore(ROOT)
    assert model.rowCount() == rows
    assert model.total == rows and not model.total_capped
    assert [model.index(r, 1).data() for r in (0, rows - 1)] == ["1", str(rows)]
