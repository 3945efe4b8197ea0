"""The customers list: a paged model over ``CustomersService``, filtered and sorted in SQL."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject

from sms_desktop.services.customers import CustomerFilter, CustomerRow, CustomerSortKey
from sms_desktop.ui.formatting import format_datetime, format_money, format_relative_days
from sms_desktop.ui.i18n import translate
from sms_desktop.ui.models.paged import RIGHT, Column, PagedTableModel

if TYPE_CHECKING:
    from sms_desktop.reporting.excel import ColumnKind

COUNT_CAP = 1_000


class CustomerQuery(Protocol):
    def count_customers(self, flt: CustomerFilter = ..., /, *, cap: int | None = ...) -> int: ...

    def list_customers(
        self,
        flt: CustomerFilter = ...,
        /,
        *,
        offset: int = ...,
        limit: int = ...,
        order_by: CustomerSortKey = ...,
        descending: bool = ...,
    ) -> list[CustomerRow]: ...


def _tier(row: CustomerRow) -> str:
    return " · ".join(v for v in (row.tier, row.segment) if v)


COLUMNS: tuple[Column[CustomerRow], ...] = (
    Column("name", lambda: translate("CustomerTable", "Customer"), lambda r: r.name),
    Column("city", lambda: translate("CustomerTable", "City"), lambda r: r.city or ""),
    Column("industry", lambda: translate("CustomerTable", "Industry"), lambda r: r.industry or ""),
    Column("tier", lambda: translate("CustomerTable", "Tier"), _tier),
    Column("owner", lambda: translate("CustomerTable", "Owner"), lambda r: r.owner or ""),
    Column(
        "last_interaction",
        lambda: translate("CustomerTable", "Last contact"),
        lambda r: format_relative_days(r.last_interaction_at),
        tooltip=lambda r: format_datetime(r.last_interaction_at),
    ),
    Column(
        "revenue_12m",
        lambda: translate("CustomerTable", "Revenue, last 12 months"),
        lambda r: format_money(r.revenue_12m, zero="–"),
        RIGHT,
    ),
    Column(
        "open_pipeline",
        lambda: translate("CustomerTable", "Open pipeline"),
        lambda r: format_money(r.open_pipeline, zero="–"),
        RIGHT,
    ),
    Column("tags", lambda: translate("CustomerTable", "Tags"), lambda r: r.tags, sortable=False),
)

# What an Excel export writes per column: the raw value, typed (see ui.table_export)
EXPORT_VALUES: dict[str, tuple[ColumnKind, Callable[[CustomerRow], Any]]] = {
    "name": ("text", lambda r: r.name),
    "city": ("text", lambda r: r.city),
    "industry": ("text", lambda r: r.industry),
    "tier": ("text", lambda r: _tier(r) or None),
    "owner": ("text", lambda r: r.owner),
    "last_interaction": ("datetime", lambda r: r.last_interaction_at),
    "revenue_12m": ("money", lambda r: r.revenue_12m),
    "open_pipeline": ("money", lambda r: r.open_pipeline),
    "tags": ("text", lambda r: r.tags or None),
}


class CustomerTableModel(PagedTableModel[CustomerRow]):
    """Customers matching ``flt``, a page at a time."""

    def __init__(
        self, query: CustomerQuery, *, page_size: int = 256, parent: QObject | None = None
    ) -> None:
        self._query = query
        self.filter = CustomerFilter()
        super().__init__(
            COLUMNS,
            count=lambda: query.count_customers(self.filter, cap=self._cap()),
            fetch=lambda offset, limit, key, desc: query.list_customers(
                self.filter,
                offset=offset,
                limit=limit,
                order_by=key,  # type: ignore[arg-type]
                descending=desc,
            ),
            row_id=lambda r: r.id,
            page_size=page_size,
            parent=parent,
        )

    def _cap(self) -> int | None:
        """A search is counted only up to COUNT_CAP: beyond that, "1,000+" says all a user
        needs, and counting every match of a broad search costs more than the page."""
        self.count_cap = COUNT_CAP if self.filter.search.strip() else None
        return self.count_cap

    def set_filter(self, flt: CustomerFilter) -> None:
        if flt != self.filter:
            self.filter = flt
            self.reload()
