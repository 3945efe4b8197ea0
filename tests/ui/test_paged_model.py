"""PagedTableModel: pages on demand, SQL-side sort, capped counts (no database needed)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot

from sms_desktop.domain.i18n import translate
from sms_desktop.domain.palette import Colour
from sms_desktop.reporting.columns import Column, ListDefinition
from sms_desktop.services.lists import Order
from sms_desktop.ui.models.paged import PagedTableModel, Role
from sms_desktop.ui.palette import qcolor

ROOT = QModelIndex()
Key = Literal["name", "id"]


@dataclass(frozen=True)
class Item:
    id: int
    name: str


@dataclass(frozen=True)
class Filter:
    odd_only: bool = False


class FakeQuery:
    """A ``ListQuery`` in memory; records the pages asked for; counts up to an optional cap."""

    def __init__(self, count: int) -> None:
        self.rows = [Item(n, f"item {n:04}") for n in range(1, count + 1)]
        self.pages: list[tuple[int, int]] = []
        self.caps: list[int | None] = []

    def _matching(self, flt: Filter) -> list[Item]:
        return [r for r in self.rows if r.id % 2 or not flt.odd_only]

    def count_rows(self, flt: Filter, /, *, cap: int | None = None) -> int:
        self.caps.append(cap)
        matching = len(self._matching(flt))
        return matching if cap is None else min(matching, cap)

    def page_rows(
        self, flt: Filter, order: Order[Key], /, *, offset: int, limit: int
    ) -> list[Item]:
        self.pages.append((offset, limit))
        ordered = sorted(
            self._matching(flt), key=lambda r: getattr(r, order.key), reverse=order.descending
        )
        return ordered[offset : offset + limit]

    def iter_rows(self, flt: Filter, order: Order[Key], /) -> Iterator[Item]:
        return iter(self.page_rows(flt, order, offset=0, limit=len(self.rows)))


LIST: ListDefinition[Item, Key] = ListDefinition(
    columns=(
        Column("name", translate("Test", "Name"), lambda r, _l: r.name, sort="name"),
        Column(
            "id",
            translate("Test", "Id"),
            lambda r, _l: r.id,
            "int",
            sort="id",
            colour=lambda r, _f: Colour.OVERDUE if r.id == 1 else None,
            tooltip=lambda r, _f: f"number {r.id}",
        ),
        Column("unsorted", translate("Test", "Note"), lambda r, _l: None),
    ),
    order=Order("name"),
    sheet=translate("Test", "Items"),
    file_name=translate("Test", "items"),
)


def make_model(query: FakeQuery, cap: int | None = None) -> PagedTableModel[Filter, Key, Item]:
    model = PagedTableModel(query, LIST, Filter(), count_cap=lambda _f: cap, page_size=100)
    model.reload()
    return model


def test_contract_with_qt_model_tester(qtmodeltester: object) -> None:
    query = FakeQuery(250)
    model = make_model(query)
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    model.sort(1, Qt.SortOrder.DescendingOrder)
    assert model.index(0, 0).data(Role.ID) == 250
    model.set_filter(Filter(odd_only=True))
    assert model.total == 125


def test_cells_come_from_the_columns() -> None:
    model = make_model(FakeQuery(3))
    first = model.index(0, 1)
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Id"
    assert (first.data(), first.data(Qt.ItemDataRole.ToolTipRole)) == ("1", "number 1")
    assert first.data(Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    assert first.data(Qt.ItemDataRole.ForegroundRole).color() == qcolor(Colour.OVERDUE)
    assert model.index(1, 1).data(Qt.ItemDataRole.ForegroundRole) is None
    assert model.index(0, 2).data() == "" and model.index(0, 0).data(Role.ROW) == Item(
        1, "item 0001"
    )


def test_an_unsortable_column_keeps_the_order() -> None:
    query = FakeQuery(3)
    model = make_model(query)
    model.sort(2, Qt.SortOrder.DescendingOrder)
    assert model.order == Order("name") and len(query.pages) == 1


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
    query = FakeQuery(rows)
    model = make_model(query, cap=300)
    assert query.caps == [300]
    assert model.total_capped == (rows >= 300)
    seen = []
    model.total_changed.connect(seen.append)
    while model.canFetchMore(ROOT):
        model.fetchMore(ROOT)
    assert model.rowCount() == rows
    assert model.total == rows and not model.total_capped
    assert [model.index(r, 1).data() for r in (0, rows - 1)] == ["1", str(rows)]
