"""A list defined by its columns once: what the table shows and what its Excel and CSV exports write.

A :class:`Column` carries its translatable header, its typed value (a ``Decimal`` amount stays a
number, a date a date), how it reads on screen, its alignment, its semantic colour and its sort
key. The Qt model maps a column to item roles; :func:`export_list` writes the same columns to
.xlsx or .csv (the GUI on a worker thread, the command line directly). No Qt here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from decimal import Decimal
from pathlib import Path
from typing import Generic, Literal, Protocol, TypeVar

from sms_desktop.domain.i18n import Message, Translator, identity_translator, translate
from sms_desktop.domain.palette import Colour
from sms_desktop.reporting.csv_export import CsvEncoding
from sms_desktop.reporting.excel import ColumnKind
from sms_desktop.reporting.files import Progress
from sms_desktop.services.lists import ListQuery, Order

RowT = TypeVar("RowT")
SortT = TypeVar("SortT")
FilterT = TypeVar("FilterT")
FileKind = Literal["xlsx", "csv"]
Align = Literal["left", "right"]

_NUMERIC: frozenset[ColumnKind] = frozenset({"int", "money", "decimal", "percent"})
_YES, _NO = translate("Columns", "yes"), translate("Columns", "no")


@dataclass(frozen=True, slots=True)
class Locale:
    """The language a list is written in, and how its messages are translated there."""

    language: str = "en"
    translator: Translator = identity_translator

    def text(self, message: Message) -> str:
        return message.render(self.translator)


class Formats(Protocol):
    """How the screen writes numbers, money, dates and times (the UI implements it with QLocale)."""

    @property
    def locale(self) -> Locale: ...

    @property
    def now(self) -> datetime: ...  # aware: the moment the rows are shown for

    @property
    def today(self) -> date: ...  # the local day of ``now``

    @property
    def zone(self) -> tzinfo: ...

    def money(self, amount: Decimal, currency: str | None, *, zero: str | None) -> str: ...

    def number(self, value: Decimal) -> str: ...

    def day(self, value: date | None) -> str: ...

    def moment(self, value: datetime | None) -> str: ...

    def relative_days(self, moment: datetime | None) -> str: ...


@dataclass(frozen=True, slots=True)
class Column(Generic[RowT, SortT]):
    """One column of a list.

    ``value`` is what an export writes (typed by ``kind``; a ``Message`` is translated);
    ``show`` how the cell reads on screen (default: ``value`` formatted by ``kind``);
    ``sort`` the list query's sort key (None: the column does not sort).
    """

    key: str
    header: Message
    value: Callable[[RowT, Locale], object]
    kind: ColumnKind = "text"
    sort: SortT | None = None
    show: Callable[[RowT, Formats], str] | None = None
    tooltip: Callable[[RowT, Formats], str] | None = None
    colour: Callable[[RowT, Formats], Colour | None] | None = None
    currency: Callable[[RowT], str] | None = None  # money shown in the row's currency
    zero: str | None = None  # money: what a zero amount reads as on screen ("–")

    @property
    def align(self) -> Align:
        return "right" if self.kind in _NUMERIC else "left"

    def export(self, row: RowT, locale: Locale) -> object:
        value = self.value(row, locale)
        return locale.text(value) if isinstance(value, Message) else value

    def text(self, row: RowT, formats: Formats) -> str:
        """The cell as the table shows it."""
        if self.show is not None:
            return self.show(row, formats)
        value = self.value(row, formats.locale)
        if value is None:
            return ""
        if isinstance(value, Message):
            return formats.locale.text(value)
        if isinstance(value, bool):
            return formats.locale.text(_YES if value else _NO)
        if self.kind == "money" and isinstance(value, Decimal):
            currency = self.currency(row) if self.currency is not None else None
            return formats.money(value, currency, zero=self.zero)
        if self.kind == "decimal" and isinstance(value, Decimal):
            return formats.number(value)
        if self.kind == "percent":
            return f"{value}%"
        if self.kind == "datetime" and isinstance(value, datetime):
            return formats.moment(value)
        if self.kind == "date" and isinstance(value, date):
            return formats.day(value)
        return str(value)


@dataclass(frozen=True, slots=True)
class ListDefinition(Generic[RowT, SortT]):
    """A list: its columns, its first order, and the names its exports carry."""

    columns: tuple[Column[RowT, SortT], ...]
    order: Order[SortT]
    sheet: Message  # the worksheet's name
    file_name: Message  # the suggested file name, without suffix

    def column(self, key: str) -> Column[RowT, SortT]:
        return next(c for c in self.columns if c.key == key)

    def index(self, key: str) -> int:
        return next(i for i, c in enumerate(self.columns) if c.key == key)


@dataclass(frozen=True, slots=True)
class ExportTarget:
    """Where and how a list is written: the file, .xlsx or .csv, and the CSV encoding."""

    path: Path
    kind: FileKind = "xlsx"
    encoding: CsvEncoding = "utf-8-sig"


def export_rows(
    target: ExportTarget,
    columns: Sequence[Column[RowT, SortT]],
    rows: Iterable[RowT],
    *,
    locale: Locale,
    sheet: str,
    total: int | None = None,
    progress: Progress | None = None,
) -> int:
    """Write ``rows`` under ``columns`` (streamed, atomically); returns the number of rows."""
    from sms_desktop.reporting.excel import ExportColumn, write_table

    headers = [ExportColumn(locale.text(c.header), c.kind) for c in columns]

    def cells() -> Iterator[list[object]]:
        for row in rows:
            yield [c.export(row, locale) for c in columns]

    if target.kind == "csv":
        from sms_desktop.reporting.csv_export import write_csv

        return write_csv(
            target.path,
            headers,
            cells(),
            encoding=target.encoding,
            total=total,
            progress=progress,
        )
    return write_table(
        target.path, headers, cells(), sheet_title=sheet, total=total, progress=progress
    )


def export_list(
    target: ExportTarget,
    definition: ListDefinition[RowT, SortT],
    query: ListQuery[FilterT, SortT, RowT],
    flt: FilterT,
    *,
    order: Order[SortT] | None = None,
    keys: Sequence[str] | None = None,
    locale: Locale = Locale(),
    total: int | None = None,
    progress: Progress | None = None,
) -> int:
    """Export a whole list as the query serves it: every row matching ``flt`` in ``order``,
    with the columns ``keys`` (default: all) in that order."""
    columns = list(definition.columns) if keys is None else [definition.column(k) for k in keys]
    return export_rows(
        target,
        columns,
        query.iter_rows(flt, order or definition.order),
        locale=locale,
        sheet=locale.text(definition.sheet),
        total=query.count_rows(flt) if total is None else total,
        progress=progress,
    )
