"""Exporting the customers list exactly as shown: same filter, sort and visible columns."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QWidget

from sms_desktop.services.customers import CustomerFilter, CustomerRow
from sms_desktop.services.registry import Services
from sms_desktop.ui.background import Operation, Progress
from sms_desktop.ui.i18n import translate
from sms_desktop.ui.models.customer_table import COLUMNS

# Column key -> (export kind, value of a row)
_VALUES: dict[str, tuple[str, Callable[[CustomerRow], Any]]] = {
    "name": ("text", lambda r: r.name),
    "city": ("text", lambda r: r.city),
    "industry": ("text", lambda r: r.industry),
    "tier": ("text", lambda r: " · ".join(v for v in (r.tier, r.segment) if v) or None),
    "owner": ("text", lambda r: r.owner),
    "last_interaction": ("datetime", lambda r: r.last_interaction_at),
    "revenue_12m": ("money", lambda r: r.revenue_12m),
    "open_pipeline": ("money", lambda r: r.open_pipeline),
    "tags": ("text", lambda r: r.tags or None),
}


def export_customers(
    parent: QWidget,
    services: Services,
    flt: CustomerFilter,
    order_by: str,
    descending: bool,
    columns: list[int],
    path: Path,
    *,
    on_done: Callable[[int], None],
) -> Operation[int]:
    from sms_desktop.reporting.excel import ExportColumn, write_table

    keys = [COLUMNS[c].key for c in columns]
    export_columns = [
        ExportColumn(COLUMNS[c].header(), _VALUES[k][0])  # type: ignore[arg-type]
        for c, k in zip(columns, keys, strict=True)
    ]
    getters = [_VALUES[k][1] for k in keys]
    total = services.customers.count_customers(flt)
    sheet = translate("CustomerExport", "Customers")

    def rows() -> Iterator[list[Any]]:
        for row in services.customers.iter_customers(flt, order_by=order_by, descending=descending):  # type: ignore[arg-type]
            yield [get(row) for get in getters]

    def work(progress: Progress) -> int:
        return write_table(
            path, export_columns, rows(), sheet_title=sheet, total=total, progress=progress
        )

    return Operation(
        parent,
        work,
        label=translate("CustomerExport", "Exporting customers…"),
        on_success=on_done,
        cancellable=True,
    ).start()
