"""reporting/columns.py and reporting/lists/: a list's export comes from its columns, typed."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from sms_desktop.domain.enums import OpportunityStatus
from sms_desktop.reporting.columns import ExportTarget, Locale, export_list
from sms_desktop.reporting.excel import ExportCancelled
from sms_desktop.reporting.lists.deals import DEALS
from sms_desktop.services.lists import Order
from sms_desktop.services.pipeline import OpportunityRow, OpportunitySortKey, PipelineFilter

CHINESE = {
    ("DealList", "Won"): "赢单",
    ("DealList", "Deal"): "商机",
    ("DealList", "Amount"): "金额",
}


def chinese(context: str, text: str) -> str:
    return CHINESE.get((context, text), text)


def deal(n: int, title: str, amount: str, status: OpportunityStatus) -> OpportunityRow:
    return OpportunityRow(
        id=n,
        title=title,
        customer_id=1,
        customer="华夏科技",
        stage_id=1,
        stage_name_zh="谈判",
        stage_name_en="Negotiation",
        status=status,
        amount=Decimal(amount),
        currency="CNY",
        probability=60,
        weighted=Decimal(amount) * 6 / 10,
        expected_close=date(2026, 3, 31),
        owner=None,
        closed_on=None,
        lost_reason_zh=None,
        lost_reason_en=None,
        created_at=datetime(2026, 1, 5, 8, tzinfo=UTC),
    )


ROWS = [
    deal(1, '=HYPERLINK("http://x")', "1234567890123.45", OpportunityStatus.WON),
    deal(2, "大单", "0.10", OpportunityStatus.OPEN),
]


class Deals:
    """A ``ListQuery`` of the two rows above, recording what was asked."""

    def __init__(self) -> None:
        self.orders: list[Order[OpportunitySortKey]] = []

    def count_rows(self, flt: PipelineFilter, /, *, cap: int | None = None) -> int:
        return len(ROWS)

    def page_rows(
        self, flt: PipelineFilter, order: Order[OpportunitySortKey], /, *, offset: int, limit: int
    ) -> list[OpportunityRow]:
        return ROWS[offset : offset + limit]

    def iter_rows(
        self, flt: PipelineFilter, order: Order[OpportunitySortKey], /
    ) -> Iterator[OpportunityRow]:
        self.orders.append(order)
        return iter(ROWS)


def test_xlsx_keeps_numbers_and_dates_and_translates(tmp_path: Path) -> None:
    path = tmp_path / "deals.xlsx"
    query = Deals()
    count = export_list(
        ExportTarget(path),
        DEALS,
        query,
        PipelineFilter(),
        order=Order("amount", descending=True),
        keys=["title", "status", "stage", "amount", "probability", "expected_close"],
        locale=Locale("zh_CN", chinese),
    )
    assert count == 2 and query.orders == [Order("amount", descending=True)]
    sheet = load_workbook(path).worksheets[0]
    header, first, second = list(sheet.iter_rows(values_only=True))
    assert header == ("商机", "Status", "Stage", "金额", "Probability", "Expected close")
    assert first[0] == '=HYPERLINK("http://x")'  # text, not a formula
    assert sheet["A2"].data_type == "s"
    assert first[1:3] == ("赢单", "谈判")
    assert Decimal(str(first[3])) == Decimal("1234567890123.45")
    assert sheet["D2"].number_format == "#,##0.00"
    assert first[4] == pytest.approx(0.6) and sheet["E2"].number_format == "0.00%"
    assert first[5] == datetime(2026, 3, 31) and sheet["F2"].number_format == "yyyy-mm-dd"
    assert second[:2] == ("大单", "Open")


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gb18030"])
def test_csv_in_the_chosen_encoding_with_formulas_neutralised(
    tmp_path: Path, encoding: str
) -> None:
    path = tmp_path / "deals.csv"
    export_list(
        ExportTarget(path, "csv", "gb18030" if encoding == "gb18030" else "utf-8-sig"),
        DEALS,
        Deals(),
        PipelineFilter(),
        keys=["title", "customer", "amount", "expected_close"],
    )
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") == (encoding == "utf-8-sig")
    rows = list(csv.reader(raw.decode(encoding).splitlines()))
    assert rows == [
        ["Deal", "Customer", "Amount", "Expected close"],
        ['\'=HYPERLINK("http://x")', "华夏科技", "1234567890123.45", "2026-03-31"],
        ["大单", "华夏科技", "0.10", "2026-03-31"],
    ]


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_a_cancelled_export_leaves_no_file(tmp_path: Path, kind: str) -> None:
    def cancel(_done: int, _total: int) -> None:
        raise ExportCancelled

    path = tmp_path / f"deals.{kind}"
    with pytest.raises(ExportCancelled):
        export_list(
            ExportTarget(path, "xlsx" if kind == "xlsx" else "csv"),
            DEALS,
            Deals(),
            PipelineFilter(),
            progress=cancel,
        )
    assert list(tmp_path.iterdir()) == []


def test_every_column_has_a_distinct_key_and_every_sort_key_is_the_services() -> None:
    from typing import get_args

    from sms_desktop.reporting.lists.customers import CUSTOMERS
    from sms_desktop.reporting.lists.products import PRODUCTS
    from sms_desktop.reporting.lists.quotes import QUOTES
    from sms_desktop.reporting.lists.tasks import TASKS
    from sms_desktop.services.customers import CustomerSortKey
    from sms_desktop.services.pipeline import OpportunitySortKey
    from sms_desktop.services.products import ProductSortKey
    from sms_desktop.services.quotes import QuoteSortKey
    from sms_desktop.services.tasks import TaskSortKey

    for definition, keys in (
        (CUSTOMERS, CustomerSortKey),
        (DEALS, OpportunitySortKey),
        (QUOTES, QuoteSortKey),
        (PRODUCTS, ProductSortKey),
        (TASKS, TaskSortKey),
    ):
        columns = [c.key for c in definition.columns]
        assert len(set(columns)) == len(columns)
        sorts = {c.sort for c in definition.columns if c.sort is not None}
        assert sorts <= set(get_args(keys)) and definition.order.key in sorts
