"""The list-query protocol: a list is counted, paged and streamed in SQL under a filter and a sort.

Every list of the application (customers, deals, quotes, products, tasks) is served by its
service through these three methods, so one paged Qt model and one export read them all;
``reporting/lists/`` defines what each list shows (its columns).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

SortT = TypeVar("SortT")
FilterT_contra = TypeVar("FilterT_contra", contravariant=True)
RowT_co = TypeVar("RowT_co", covariant=True)
RowT = TypeVar("RowT")


@dataclass(frozen=True, slots=True)
class Order(Generic[SortT]):
    """The order of a list: one of its sort keys, ascending or descending (ties by id)."""

    key: SortT
    descending: bool = False


class ListQuery(Protocol[FilterT_contra, SortT, RowT_co]):
    """What a service offers for one of its lists."""

    def count_rows(self, flt: FilterT_contra, /, *, cap: int | None = None) -> int:
        """How many rows match; with ``cap``, counting may stop there."""
        ...

    def page_rows(
        self, flt: FilterT_contra, order: Order[SortT], /, *, offset: int, limit: int
    ) -> Sequence[RowT_co]:
        """One page of the matching rows in ``order``."""
        ...

    def iter_rows(self, flt: FilterT_contra, order: Order[SortT], /) -> Iterator[RowT_co]:
        """Every matching row in ``order``, read in batches (exports)."""
        ...


def iter_pages(page: Callable[[int, int], list[RowT]], *, batch: int = 500) -> Iterator[RowT]:
    """Every row of ``page(offset, limit)``, a batch at a time, until a short page."""
    offset = 0
    while True:
        rows = page(offset, batch)
        yield from rows
        if len(rows) < batch:
            return
        offset += len(rows)
