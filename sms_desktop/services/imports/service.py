"""The import itself: rows → validated records, matched, written as one revertible batch.

``ImportService.run`` reads a :class:`~sms_desktop.services.imports.sources.Source` row by
row inside one write transaction. Each row goes through the value parsers of
``domain/importing/values.py`` and then through the same ``clean_*`` validation as the forms
(customers, contacts, products …); rows are matched against existing records on the
duplicate detector's identity keys (``services/duplicates.identity_keys``) plus codes, and
rows repeating within the file merge into the first one. New rows are written in chunks
(``executemany``), changed rows record their stored values before (``import_batch_items``),
and the search index and customer figures follow in the same transaction.

All or nothing: any invalid row rolls everything back unless ``skip_invalid``; a dry run
(the preview) does the whole import and rolls it back, so what it reports is exactly what
the import would do. Cancel (``cancelled()`` true, or the progress callback raising) rolls
back too. :meth:`ImportService.revert` takes a batch out again in one transaction.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, fields, replace
from datetime import UTC, date, datetime
from datetime import time as day_time
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any, Literal, TypeVar

from sqlalchemy import Connection, delete, exists, insert, select, update
from sqlalchemy.exc import IntegrityError

from sms_desktop.domain.clock import clock, local_zone
from sms_desktop.domain.enums import BuyingRole, CustomerKind
from sms_desktop.domain.errors import ConflictError, DomainError, NotFoundError, ValidationError
from sms_desktop.domain.i18n import Message, Translator, identity_translator, translate
from sms_desktop.domain.importing.errors import ImportFileError
from sms_desktop.domain.importing.fields import (
    FIELDS,
    ImportKind,
    TargetField,
    missing_required,
    recognised,
)
from sms_desktop.domain.importing.values import (
    ASK,
    ISO_DATE,
    DateOrder,
    ValueProblemError,
    ascii_form,
    clean_text,
    decide_date_order,
    is_blank,
    normalize_phone,
    parse_date,
    parse_decimal,
    parse_int,
    parse_money,
    parse_percent,
)
from sms_desktop.domain.money import from_minor
from sms_desktop.persistence import models as m
from sms_desktop.persistence.base import Base, utcnow
from sms_desktop.persistence.db import Database
from sms_desktop.persistence.search import reindex_customers
from sms_desktop.services.customers import (
    TEXT_FIELDS,
    ContactInput,
    CustomerInput,
    clean_contact,
    clean_customer,
)
from sms_desktop.services.duplicates import identity_keys
from sms_desktop.services.imports.mapping import Columns
from sms_desktop.services.imports.sources import Encoding, Source, SourceRow, open_source
from sms_desktop.services.products import ProductInput
from sms_desktop.services.products import clean as clean_product
from sms_desktop.services.stats import refresh_customer_stats

ExistingPolicy = Literal["update", "skip", "new"]
Outcome = Literal["created", "updated", "unchanged", "skipped", "error"]
ProgressCallback = Callable[[int, int], None]

CHECK_EVERY = 250  # rows between two looks at the cancel flag and the clock
CHUNK = 1000  # rows written per executemany (a multiple of CHECK_EVERY)
PROGRESS_SECONDS = 0.25  # progress is reported at least this often (and every chunk)
MAX_CHANGES = 500  # field changes kept for the preview's diff
_TAG_SPLIT = ("，", "、", ";", "；", "/", "|")


_Form = TypeVar("_Form", CustomerInput, ContactInput)


class ImportCancelledError(DomainError):
    """The user stopped the import: nothing was written."""


@dataclass(frozen=True, slots=True)
class ImportOptions:
    """The choices of one import (the wizard's options page, the CLI's flags)."""

    kind: ImportKind
    columns: Columns  # per source column: the field it fills, or None
    existing: ExistingPolicy = "update"
    create_missing: bool = False  # orders etc.: create customers/products not found
    skip_invalid: bool = False  # import the valid rows when some are invalid
    date_order: DateOrder | None = None  # None: decided from each date column
    dry_run: bool = False  # do everything, then roll back (the preview)
    actor: str | None = None  # who runs it (shown in the import history)


@dataclass(frozen=True, slots=True)
class RowError:
    """One problem of one row: the row as the spreadsheet shows it, the column's header."""

    row: int
    column: str
    message: Message
    field: str = ""  # the target field (the wizard finds the cell's column by it)

    def render(self, translate_: Translator = identity_translator) -> str:
        return (
            translate("Import", "row {row}, {column}: {message}")
            .format(row=self.row, column=self.column, message=self.message)
            .render(translate_)
        )


@dataclass(frozen=True, slots=True)
class FieldChange:
    field: str
    old: str
    new: str


@dataclass(frozen=True, slots=True)
class RecordChange:
    """What a row changes on a record that exists already (the preview's diff)."""

    row: int
    record_id: int
    label: str
    changes: tuple[FieldChange, ...]


@dataclass(frozen=True, slots=True)
class ImportSummary:
    kind: ImportKind
    batch_id: int | None  # None: nothing was written (dry run, or invalid rows)
    rows: int
    created: int
    updated: int
    unchanged: int
    skipped: int
    errors: int  # rows with at least one error
    row_errors: tuple[RowError, ...]
    changes: tuple[RecordChange, ...]  # the first MAX_CHANGES updates
    written: bool
    date_order_needed: tuple[str, ...] = ()  # headers whose day/month order must be chosen

    def line(self, translate_: Translator = identity_translator) -> str:
        """created N, updated M, unchanged U, skipped S, errors E (batch B)"""
        text = translate(
            "Import",
            "created {created}, updated {updated}, unchanged {unchanged}, skipped {skipped}, "
            "errors {errors}",
        ).format(
            created=self.created,
            updated=self.updated,
            unchanged=self.unchanged,
            skipped=self.skipped,
            errors=self.errors,
        )
        if self.batch_id is None:
            return text.render(translate_)
        return (
            translate("Import", "{summary} (batch {batch})")
            .format(summary=text, batch=self.batch_id)
            .render(translate_)
        )


@dataclass(frozen=True, slots=True)
class BatchRow:
    id: int
    kind: str
    file_name: str
    sheet: str | None
    imported_at: datetime
    imported_by: str | None
    rows: int
    created: int
    updated: int
    unchanged: int
    skipped: int
    errors: int
    reverted_at: datetime | None


@dataclass(frozen=True, slots=True)
class RevertSummary:
    batch_id: int
    removed: int
    restored: int


class _RowProblems(Exception):  # noqa: N818 - control flow inside a row, never escapes
    def __init__(self, problems: Mapping[str, Message]) -> None:
        super().__init__()
        self.problems = dict(problems)


class _Rollback(Exception):  # noqa: N818 - control flow: leave the transaction without writing
    pass


def _required() -> Message:
    return translate("Import", "required")


def _json_default(value: object) -> str:
    if isinstance(value, (datetime, date, Decimal)):
        return str(value)
    raise TypeError(type(value).__name__)


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, default=_json_default)


# ------------------------------------------------------------------------------ writing


class _Writer:
    """Buffered inserts with ids given here, updates that keep the values before, and the
    batch items that let a revert take it all out."""

    def __init__(self, conn: Connection, batch_id: int) -> None:
        self.conn = conn
        self.batch_id = batch_id
        self._next: dict[str, int] = {}
        self.pending: dict[str, dict[int, dict[str, Any]]] = {}
        self.pending_links: list[dict[str, Any]] = []  # customer_tags rows
        self.created: dict[str, set[int]] = {}
        self._old: dict[tuple[str, int], dict[str, Any]] = {}  # kept values before, per row
        self._items: list[dict[str, Any]] = []  # batch items not yet inserted
        self.created_count = 0
        self.stats_due: set[int] = set()
        self.customers_touched: set[int] = set()
        self.new_customers: list[int] = []

    def new_id(self, table: str) -> int:
        if table not in self._next:
            current = self.conn.exec_driver_sql(f"SELECT max(id) FROM {table}").scalar()
            self._next[table] = int(current or 0) + 1
        value = self._next[table]
        self._next[table] = value + 1
        return value

    def insert(self, table: str, values: dict[str, Any], *, tracked: bool = True) -> int:
        """Add a row (written at the next flush); ``tracked=False`` for rows that go with
        their parent (order lines with their order), which need no batch item."""
        row_id = self.new_id(table)
        values["id"] = row_id
        self.pending.setdefault(table, {})[row_id] = values
        if not tracked:
            return row_id
        self.created.setdefault(table, set()).add(row_id)
        self._items.append(self._item(table, row_id, "create", None))
        if table == "customers":
            self.customers_touched.add(row_id)
            self.new_customers.append(row_id)
        return row_id

    def is_new(self, table: str, row_id: int) -> bool:
        return row_id in self.created.get(table, ())

    def change(self, table: str, row_id: int, values: Mapping[str, Any]) -> None:
        """Set ``values`` (typed, as the models take them) on one row."""
        waiting = self.pending.get(table, {}).get(row_id)
        if waiting is not None:
            waiting.update(values)
            return
        columns = Base.metadata.tables[table].c
        if not self.is_new(table, row_id):
            kept = self._old.get((table, row_id))
            wanted = [k for k in values if kept is None or k not in kept]
            if "updated_at" in columns and (kept is None or "updated_at" not in kept):
                wanted.append("updated_at")
            if wanted:
                raw = self.conn.exec_driver_sql(
                    f"SELECT {', '.join(wanted)} FROM {table} WHERE id = ?", (row_id,)
                ).one()
                if kept is None:
                    kept = {}
                    self._old[(table, row_id)] = kept
                    self._items.append(self._item(table, row_id, "update", kept))
                kept.update(zip(wanted, raw, strict=True))
        stamp = {"updated_at": utcnow()} if "updated_at" in columns else {}
        self.conn.execute(
            update(Base.metadata.tables[table])
            .where(columns.id == row_id)
            .values(**values, **stamp)
        )
        if table in ("customers", "contacts"):
            self.customers_touched.add(
                row_id if table == "customers" else self._contact_customer(row_id)
            )

    def _contact_customer(self, contact_id: int) -> int:
        return int(
            self.conn.exec_driver_sql(
                "SELECT customer_id FROM contacts WHERE id = ?", (contact_id,)
            ).scalar_one()
        )

    def keep_old(self, table: str, row_id: int, key: str, value: Any) -> None:
        """Remember a value a revert must put back that is not a column (e.g. tags)."""
        if self.is_new(table, row_id):
            return
        kept = self._old.get((table, row_id))
        if kept is None:
            kept = {}
            self._old[(table, row_id)] = kept
            self._items.append(self._item(table, row_id, "update", kept))
        kept.setdefault(key, value)

    def _item(
        self, table: str, row_id: int, action: str, old: dict[str, Any] | None
    ) -> dict[str, Any]:
        return {
            "batch_id": self.batch_id,
            "table_name": table,
            "row_id": row_id,
            "action": action,
            "old_values": old,
        }

    def flush(self) -> None:
        tables = Base.metadata.tables
        for name in ("tags", "product_categories", "salespeople", *_INSERT_ORDER):
            rows = self.pending.pop(name, None)
            if rows:
                self._insert_many(tables[name], list(rows.values()))
        if self.new_customers:
            stats = [
                _with_defaults("customer_stats", {"customer_id": i}) for i in self.new_customers
            ]
            self._insert_many(tables["customer_stats"], stats)
            self.new_customers = []
        if self.pending_links:
            self.conn.execute(insert(m.CustomerTag), self.pending_links)
            self.pending_links = []
        if self._items:
            # Values-before of updates may still grow (a later row changes another field of
            # the same record): they are written by finish().
            self.conn.execute(
                insert(m.ImportBatchItem),
                [{**item, "old_values": None} for item in self._items],
            )
            self._items = []
        if self.customers_touched:
            reindex_customers(self.conn, self.customers_touched)
            self.stats_due.update(self.customers_touched)
            self.customers_touched = set()

    def _insert_many(self, table: Any, rows: list[dict[str, Any]]) -> None:
        """One executemany with the columns' own bind conversions (Money to fen, enums to
        their values …) applied here: SQLAlchemy's per-row parameter handling costs more
        than SQLite's insert itself on large imports."""
        names = list(rows[0])
        dialect = self.conn.dialect
        columns_of_values = []
        for name in names:  # column by column: one conversion check per column, not per cell
            convert = table.c[name].type._cached_bind_processor(dialect)
            cells = [row[name] for row in rows]
            if convert is not None:
                cells = [None if v is None else convert(v) for v in cells]
            columns_of_values.append(cells)
        values = list(zip(*columns_of_values, strict=True))
        columns = ", ".join(f'"{n}"' for n in names)
        marks = ", ".join("?" * len(names))
        self.conn.exec_driver_sql(f"INSERT INTO {table.name} ({columns}) VALUES ({marks})", values)

    def finish(self) -> None:
        """Write what is left, the values-before of every update, the customers' figures."""
        self.flush()
        updates = [
            (_dumps(old), self.batch_id, table, row_id)
            for (table, row_id), old in self._old.items()
        ]
        if updates:
            self.conn.exec_driver_sql(
                "UPDATE import_batch_items SET old_values = ? WHERE batch_id = ?"
                " AND table_name = ? AND row_id = ? AND action = 'update'",
                updates,
            )
        if self.stats_due:
            refresh_customer_stats(self.conn, self.stats_due)


# Children after parents: a flush inserts in this order.
_INSERT_ORDER = (
    "customers",
    "contacts",
    "import_keys",
    "products",
    "opportunities",
    "opportunity_stage_history",
    "orders",
    "order_lines",
    "interactions",
)
# A revert deletes in the reverse order; the shared references last, if nothing uses them.
_SHARED = ("salespeople", "product_categories", "tags")
_DELETE_ORDER = (*tuple(reversed(_INSERT_ORDER)), *_SHARED)


def _still_used(table: Any) -> list[Any]:
    """Conditions keeping the rows of ``table`` that another table's row points at."""
    conditions = []
    for other in Base.metadata.sorted_tables:
        for fk in other.foreign_keys:
            if fk.column.table is table:
                conditions.append(~exists().where(fk.parent == fk.column))
    return conditions


# ----------------------------------------------------------------------------- matching


class _CustomerIndex:
    """Existing and just-imported customers by their identity keys and codes."""

    def __init__(self, conn: Connection) -> None:
        self._keys: dict[str, int] = {}
        c, ct = m.Customer, m.Contact
        for cid, name, tax_id, phone, email in conn.execute(
            select(c.id, c.name, c.tax_id, c.phone, c.email).where(c.deleted_at.is_(None))
        ):
            self.add(cid, name=name, tax_id=tax_id or "", phone=phone or "", email=email or "")
        for cid, phone, mobile, email in conn.execute(
            select(ct.customer_id, ct.phone, ct.mobile, ct.email)
            .join(c, c.id == ct.customer_id)
            .where(ct.deleted_at.is_(None), c.deleted_at.is_(None))
        ):
            for value in (phone, mobile):
                self.add(cid, phone=value or "")
            self.add(cid, email=email or "")
        for code, cid in conn.execute(
            select(m.ImportKey.code, m.ImportKey.entity_id).where(m.ImportKey.entity == "customer")
        ):
            self._keys.setdefault("code:" + code, cid)

    def add(self, customer_id: int, *, code: str = "", **parts: str) -> None:
        self.add_keys(customer_id, identity_keys(**parts))
        if code:
            self._keys.setdefault("code:" + code, customer_id)

    def add_keys(self, customer_id: int, keys: Iterable[str]) -> None:
        for key in keys:
            self._keys.setdefault(key, customer_id)

    @staticmethod
    def keys(*, code: str = "", **parts: str) -> list[str]:
        """The keys to look a customer up by: tax id, code, name, phone, e-mail."""
        keys = identity_keys(**parts)
        if code:
            keys.insert(1 if keys and keys[0].startswith("tax:") else 0, "code:" + code)
        return keys

    def find(self, keys: Iterable[str]) -> int | None:
        for key in keys:
            if (found := self._keys.get(key)) is not None:
                return found
        return None

    def by_code(self, code: str) -> int | None:
        return self._keys.get("code:" + code)

    def by_name(self, name: str) -> int | None:
        keys = [k for k in identity_keys(name=name) if k.startswith("name:")]
        return self._keys.get(keys[0]) if keys else None


# ------------------------------------------------------------------------------ the run


_CUSTOMER_ERRORS = {"potential_value": "annual_purchase"}
_CONTACT_ERRORS = {
    "name": "contact_name",
    "title": "contact_title",
    "phone": "contact_phone",
    "mobile": "contact_mobile",
    "email": "contact_email",
    "wechat": "contact_wechat",
    "notes": "contact_notes",
}


def _customer_input(row: Mapping[str, Any], tags: tuple[str, ...]) -> CustomerInput:
    """The form's values of a customer row (typed, as the models give them)."""
    return CustomerInput(
        name=row["name"],
        kind=CustomerKind(row["kind"]),
        **{k: row[k] or "" for k in TEXT_FIELDS},
        potential_value=row["potential_value"],
        currency=row["currency"],
        strategic_fit=row["strategic_fit"],
        owner_id=row["owner_id"],
        tags=tags,
    )


_CUSTOMER_READ = (
    "name",
    "kind",
    *TEXT_FIELDS,
    "potential_value",
    "currency",
    "strategic_fit",
    "owner_id",
)
_CUSTOMER_SQL = f"SELECT {', '.join(_CUSTOMER_READ)} FROM customers WHERE id = ?"


def _customer_columns(data: CustomerInput) -> dict[str, Any]:
    return {
        "kind": data.kind,
        "name": data.name,
        **{k: getattr(data, k) or None for k in TEXT_FIELDS},
        "potential_value": data.potential_value,
        "currency": data.currency,
        "strategic_fit": data.strategic_fit,
        "owner_id": data.owner_id,
    }


_CONTACT_KEYS = ("title", "phone", "mobile", "email", "wechat", "notes")


def _contact_columns(customer_id: int, data: ContactInput) -> dict[str, Any]:
    return {
        "customer_id": customer_id,
        "name": data.name,
        "buying_role": data.buying_role,
        "is_primary": data.is_primary,
        **{k: getattr(data, k) or None for k in _CONTACT_KEYS},
    }


def _tags(cell: Any) -> tuple[str, ...]:
    text = clean_text(cell)
    for separator in _TAG_SPLIT:
        text = text.replace(separator, ",")
    return tuple(t.strip() for t in text.split(",") if t.strip())


_CONVERTERS: dict[str, Callable[[Any], Any]] = {
    "text": clean_text,
    "code": lambda cell: ascii_form(clean_text(cell)).strip(),
    "phone": normalize_phone,
    "email": lambda cell: clean_text(cell).replace(" ", ""),
    "quantity": parse_decimal,
    "percent": parse_percent,
    "int": parse_int,
    "tags": _tags,
}


def _text_of(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, tuple):
        return "、".join(value)
    if hasattr(value, "value"):
        return str(value.value)
    return str(value)


class _Run:
    """One import: the options, the matching state, the counters."""

    def __init__(
        self,
        conn: Connection,
        source: Source,
        options: ImportOptions,
        batch_id: int,
        date_orders: Mapping[str, DateOrder | None],
    ) -> None:
        self.conn = conn
        # The driver's connection (same transaction) for lookups made once per row.
        self.raw: Any = conn.connection.dbapi_connection
        self.source = source
        self.options = options
        self.writer = _Writer(conn, batch_id)
        # Per date field: the day/month order (chosen, or learnt from the column so far), and
        # the rows that could not be read without one.
        self.date_orders: dict[str, DateOrder | None] = dict(date_orders)
        self.undecided: dict[str, int] = {}
        self.headers = {
            name: source.info.headers[i] if i < len(source.info.headers) else name
            for i, name in enumerate(options.columns)
            if name is not None
        }
        self.fields = {f.name: f for f in FIELDS[options.kind]}
        self._converters = [
            (index, name, self._converter(self.fields[name]))
            for index, name in enumerate(options.columns)
            if name is not None
        ]
        self._required = [f.name for f in FIELDS[options.kind] if f.required]
        self.counts: dict[Outcome, int] = dict.fromkeys(
            ("created", "updated", "unchanged", "skipped", "error"), 0
        )
        self.errors: list[RowError] = []
        self.changes: list[RecordChange] = []
        self._customers: _CustomerIndex | None = None
        self._contacts: dict[int, list[tuple[int, ContactInput]]] = {}
        self._owners: dict[str, int] | None = None
        self._tags: dict[str, int] | None = None
        self._products: dict[str, int] | None = None
        self._categories: dict[str, int] | None = None
        self.defaults_currency = self._default_currency()
        self.extra: dict[str, Any] = {}  # state of the history kinds (services/imports/history)
        self.new_tags: dict[int, tuple[str, ...]] = {}  # of customers created by this import

    def _default_currency(self) -> str:
        raw = self.conn.execute(
            select(m.Setting.value).where(m.Setting.key == "defaults.currency")
        ).scalar()
        try:
            value = json.loads(raw) if raw else "CNY"
        except ValueError:
            value = "CNY"
        return str(value)

    # ------------------------------------------------------------------ cells

    def column(self, name: str) -> str:
        """The header a field's messages name: the file's, else the field's label."""
        if name in self.headers:
            return self.headers[name]
        target = self.fields.get(name)
        return target.label.text if target is not None else name

    def typed(self, row: SourceRow) -> dict[str, Any]:
        """The row's mapped, non-blank cells as values of their fields' types."""
        values: dict[str, Any] = {}
        problems: dict[str, Message] = {}
        cells = row.values
        width = len(cells)
        for index, name, convert in self._converters:
            if index >= width:
                continue
            cell = cells[index]
            if cell is None or cell == "" or is_blank(cell):
                continue
            try:
                value = convert(cell)
            except ValueProblemError as exc:
                problems[name] = exc.message
                continue
            if value is not None and value not in ("", ()):
                values[name] = value
        for name in self._required:
            if name not in values and name not in problems:
                problems[name] = _required()
        if problems:
            raise _RowProblems(problems)
        return values

    def _converter(self, target: TargetField) -> Callable[[Any], Any]:
        """The parser of one field's cells (chosen once per column, not per cell)."""
        kind = target.type
        if kind == "date":
            return lambda cell: self._date(target.name, cell)
        if kind == "money":
            # Order history holds computed figures (957.5775): rounded to fen, not refused.
            exact = self.options.kind != ImportKind.ORDERS
            return lambda cell: parse_money(cell, exact=exact)
        return _CONVERTERS[kind]

    def _date(self, name: str, cell: Any) -> date | None:
        order = self.date_orders.get(name)
        # A year-first date has no day/month order to learn.
        if order is None and isinstance(cell, str) and not ISO_DATE.fullmatch(cell):
            evidence = decide_date_order((cell,))
            if evidence in ("dmy", "mdy"):
                order = self.date_orders[name] = evidence
            elif evidence == ASK:
                self.undecided[name] = self.undecided.get(name, 0) + 1
        return parse_date(cell, order)

    # ---------------------------------------------------------------- lookups

    @property
    def customers(self) -> _CustomerIndex:
        if self._customers is None:
            self._customers = _CustomerIndex(self.conn)
        return self._customers

    def owner_id(self, name: str | None, problems: dict[str, Message]) -> int | None:
        if not name:
            return None
        if self._owners is None:
            self._owners = {}
            for sid, sname, sname_en in self.conn.execute(
                select(m.Salesperson.id, m.Salesperson.name, m.Salesperson.name_en)
            ):
                self._owners.setdefault(sname.casefold(), sid)
                if sname_en:
                    self._owners.setdefault(sname_en.casefold(), sid)
        found = self._owners.get(name.casefold())
        if found is None and self.options.create_missing:
            found = self.writer.insert("salespeople", _salesperson(name))
            self._owners[name.casefold()] = found
        if found is None:
            problems["owner"] = translate(
                "Import", "No salesperson is called {name} (import with “create missing”)."
            ).format(name=name)
        return found

    def owner(self, name: str | None) -> int | None:
        """The salesperson a row names (created when asked), or the row's error."""
        problems: dict[str, Message] = {}
        found = self.owner_id(name, problems)
        if problems:
            raise _RowProblems(problems)
        return found

    def tag_ids(self, names: Iterable[str]) -> list[int]:
        if self._tags is None:
            self._tags = {n: i for i, n in self.conn.execute(select(m.Tag.id, m.Tag.name))}
        ids: list[int] = []
        for name in names:
            if name not in self._tags:
                self._tags[name] = self.writer.insert("tags", {"name": name, "color": None})
            ids.append(self._tags[name])
        return ids

    def customer_tags(self, customer_id: int) -> tuple[str, ...]:
        if self.writer.is_new("customers", customer_id):
            return tuple(self.new_tags.get(customer_id, ()))
        # Raw SQL for the lookups made once per matched row: a re-import of a large file
        # runs them 100,000 times, where building a Core statement costs more than SQLite.
        return tuple(
            r[0]
            for r in self.raw.execute(
                "SELECT t.name FROM tags t JOIN customer_tags ct ON ct.tag_id = t.id"
                " WHERE ct.customer_id = ? ORDER BY t.name",
                (customer_id,),
            )
        )

    def set_tags(self, customer_id: int, before: tuple[str, ...], tags: tuple[str, ...]) -> None:
        if before == tags:
            return
        ids = self.tag_ids(tags)
        if self.writer.is_new("customers", customer_id):
            self.writer.pending_links = [
                link for link in self.writer.pending_links if link["customer_id"] != customer_id
            ]
            self.new_tags[customer_id] = tags
        else:
            self.writer.keep_old("customers", customer_id, "__tags__", list(before))
            self.flush()  # the tags' rows exist before the links point at them
            self.conn.execute(delete(m.CustomerTag).where(m.CustomerTag.customer_id == customer_id))
        self.writer.pending_links.extend(
            {"customer_id": customer_id, "tag_id": tag_id} for tag_id in ids
        )

    def current_customer(self, customer_id: int) -> CustomerInput:
        waiting = self.writer.pending.get("customers", {}).get(customer_id)
        if waiting is None:
            row = self.raw.execute(_CUSTOMER_SQL, (customer_id,)).fetchone()
            waiting = dict(zip(_CUSTOMER_READ, row, strict=True))
            waiting["potential_value"] = from_minor(waiting["potential_value"])
        return _customer_input(waiting, self.customer_tags(customer_id))

    def flush(self) -> None:
        """Write the rows waiting; the contacts read so far are read again when needed
        (so memory holds one chunk's, not the whole file's)."""
        self.writer.flush()
        self._contacts.clear()

    def contacts_of(self, customer_id: int) -> list[tuple[int, ContactInput]]:
        if customer_id not in self._contacts:
            found: list[tuple[int, ContactInput]] = []
            if customer_id not in self.writer.pending.get("customers", {}):
                for cid, name, title, role, *rest in self.raw.execute(
                    "SELECT id, name, title, buying_role, phone, mobile, email, wechat,"
                    " is_primary, notes FROM contacts"
                    " WHERE customer_id = ? AND deleted_at IS NULL ORDER BY id",
                    (customer_id,),
                ):
                    phone, mobile, email, wechat, primary, notes = rest
                    contact = ContactInput(
                        name,
                        title or "",
                        BuyingRole(role) if role else None,
                        phone or "",
                        mobile or "",
                        email or "",
                        wechat or "",
                        bool(primary),
                        notes or "",
                    )
                    found.append((cid, contact))
            self._contacts[customer_id] = found
        return self._contacts[customer_id]

    # ------------------------------------------------------------ one record

    def record_change(self, row: int, record_id: int, label: str, before: Any, after: Any) -> bool:
        """Note the fields ``after`` (a form's dataclass) changes on ``before`` (the same
        dataclass); False when it changes none."""
        if before == after:
            return False
        changed = tuple(
            FieldChange(f.name, _text_of(getattr(before, f.name)), _text_of(getattr(after, f.name)))
            for f in fields(after)
            if getattr(before, f.name) != getattr(after, f.name)
        )
        if not changed:
            return False
        if len(self.changes) < MAX_CHANGES:
            self.changes.append(RecordChange(row, record_id, label, changed))
        return True

    def customer_from(
        self, number: int, values: Mapping[str, Any], *, name_field: str = "name"
    ) -> tuple[int | None, Outcome]:
        """Create or update the customer a row describes; (its id, what happened)."""
        problems: dict[str, Message] = {}
        owner = self.owner_id(values.get("owner"), problems)
        code = values.get("code", "")
        name = values.get(name_field, "")
        parts = {
            "name": name,
            "tax_id": values.get("tax_id", ""),
            "phone": values.get("phone", ""),
            "email": values.get("email", ""),
        }
        match: int | None = None
        if "id" in values:
            match = self.conn.execute(
                select(m.Customer.id).where(
                    m.Customer.id == values["id"], m.Customer.deleted_at.is_(None)
                )
            ).scalar()
            if match is None:
                problems["id"] = translate("Import", "No customer has this id.")
        if problems:
            raise _RowProblems(problems)
        keys = self.customers.keys(code=code, **parts)
        if match is None:
            match = self.customers.find(keys)
        in_file = match is not None and self.writer.is_new("customers", match)
        if match is not None and not in_file:
            if self.options.existing == "skip":
                return match, "skipped"
            if self.options.existing == "new":
                match = None
        given = {
            "name": name,
            **{k: values[k] for k in TEXT_FIELDS if k in values},
            **(
                {"potential_value": values["annual_purchase"]}
                if "annual_purchase" in values
                else {}
            ),
            **({"owner_id": owner} if owner is not None else {}),
        }
        if match is None:
            given.setdefault("currency", self.defaults_currency)
            given.setdefault("tags", values.get("tags", ()))
            cleaned = self._clean(clean_customer, CustomerInput(**given), _CUSTOMER_ERRORS)
            columns = _customer_columns(cleaned)
            if "first_deal_date" in values:  # customer since: the day we first sold to them
                first = datetime.combine(values["first_deal_date"], day_time(), local_zone())
                columns["created_at"] = first.astimezone(UTC)
            new_id = self.writer.insert("customers", _with_defaults("customers", columns))
            self.set_tags(new_id, (), cleaned.tags)
            if cleaned.tax_id != parts["tax_id"]:
                keys = self.customers.keys(code=code, **{**parts, "tax_id": cleaned.tax_id})
            self.customers.add_keys(new_id, keys)
            if code:
                self.writer.insert(
                    "import_keys", {"entity": "customer", "code": code, "entity_id": new_id}
                )
            return new_id, "created"
        before = self.current_customer(match)
        tags = values.get("tags", before.tags)
        merged = replace(before, **{k: v for k, v in given.items() if k != "name"}, tags=tags)
        merged = keep_phone_formatting(before, merged, ("phone",))
        cleaned = self._clean(clean_customer, merged, _CUSTOMER_ERRORS)
        if code and self.customers.by_code(code) is None:
            self.customers.add(match, code=code)
            self.writer.insert(
                "import_keys", {"entity": "customer", "code": code, "entity_id": match}
            )
        if in_file or not self.record_change(number, match, before.name, before, cleaned):
            if in_file and cleaned != before:
                self.writer.change("customers", match, _customer_columns(cleaned))
                self.set_tags(match, before.tags, cleaned.tags)
            return match, "unchanged"
        self.writer.change("customers", match, _customer_columns(cleaned))
        self.set_tags(match, before.tags, cleaned.tags)
        return match, "updated"

    def contact_for(
        self, number: int, customer_id: int, values: Mapping[str, Any], known_id: int | None = None
    ) -> Outcome:
        """Create or update the contact of a row at ``customer_id``: the one with
        ``known_id`` (an exported file's id), else the same name, mobile, phone or e-mail."""
        data = ContactInput(
            name=values.get("contact_name", ""),
            title=values.get("contact_title", ""),
            phone=values.get("contact_phone", ""),
            mobile=values.get("contact_mobile", ""),
            email=values.get("contact_email", ""),
            wechat=values.get("contact_wechat", ""),
            notes=values.get("contact_notes", ""),
        )
        cleaned = self._clean(clean_contact, data, _CONTACT_ERRORS)
        known = self.contacts_of(customer_id)
        for index, (contact_id, current) in enumerate(known):
            if known_id is not None and contact_id != known_id:
                continue
            if known_id is None and not _same_person(current, cleaned):
                continue
            merged = replace(
                current,
                **{k: getattr(cleaned, k) for k in ("name", *_CONTACT_KEYS) if getattr(cleaned, k)},
            )
            merged = keep_phone_formatting(current, merged, ("phone", "mobile"))
            if merged == current:
                return "unchanged"
            if not self.writer.is_new("contacts", contact_id):
                self.record_change(number, contact_id, current.name, current, merged)
            self.writer.change(
                "contacts",
                contact_id,
                {k: getattr(merged, k) or None for k in ("name", *_CONTACT_KEYS)},
            )
            known[index] = (contact_id, merged)
            return "unchanged" if self.writer.is_new("contacts", contact_id) else "updated"
        primary = not any(c.is_primary for _, c in known)
        cleaned = replace(cleaned, is_primary=primary)
        contact_id = self.writer.insert(
            "contacts", _with_defaults("contacts", _contact_columns(customer_id, cleaned))
        )
        self.writer.customers_touched.add(customer_id)
        known.append((contact_id, cleaned))
        return "created"

    def _clean(self, clean: Callable[[Any], Any], data: Any, names: Mapping[str, str]) -> Any:
        """The form's validation; its field errors become this row's column errors."""
        try:
            return clean(data)
        except ValidationError as exc:
            raise _RowProblems({names.get(k, k): v for k, v in exc.errors.items()}) from exc

    # ---------------------------------------------------------------- products

    def product(self, number: int, values: Mapping[str, Any]) -> Outcome:
        if self._products is None:
            self._products = {
                sku.casefold(): pid
                for pid, sku in self.conn.execute(select(m.Product.id, m.Product.sku))
            }
        match: int | None = None
        if "id" in values:
            match = self.conn.execute(
                select(m.Product.id).where(m.Product.id == values["id"])
            ).scalar()
            if match is None:
                raise _RowProblems({"id": translate("Import", "No product has this id.")})
        sku = values["sku"]
        if match is None:
            match = self._products.get(sku.casefold())
        in_file = match is not None and self.writer.is_new("products", match)
        if match is not None and not in_file and self.options.existing == "skip":
            return "skipped"
        category = self.category_id(values.get("category"))
        given = {
            k: values[k]
            for k in ("sku", "name_zh", "name_en", "unit", "list_price", "cost", "tax_rate",
                      "description")
            if k in values
        }  # fmt: skip
        if category is not None:
            given["category_id"] = category
        if match is None or (self.options.existing == "new" and not in_file):
            if match is not None:  # a SKU is unique: "new" cannot make a second one
                raise _RowProblems(
                    {"sku": translate("Import", "A product with this SKU exists already.")}
                )
            data = replace(
                ProductInput(sku=sku, name_zh="", currency=self.defaults_currency),
                tax_rate=self._default_tax_rate(),
            )
            cleaned = self._clean(clean_product, replace(data, **given), {})
            new_id = self.writer.insert(
                "products", _with_defaults("products", _product_columns(cleaned))
            )
            self._products[sku.casefold()] = new_id
            return "created"
        before = self.current_product(match)
        cleaned = self._clean(clean_product, replace(before, **given), {})
        if in_file:
            self.writer.change("products", match, _product_columns(cleaned))
            return "unchanged"
        if not self.record_change(number, match, before.sku, before, cleaned):
            return "unchanged"
        self.writer.change("products", match, _product_columns(cleaned))
        return "updated"

    def _default_tax_rate(self) -> Decimal:
        raw = self.conn.execute(
            select(m.Setting.value).where(m.Setting.key == "defaults.tax_rate")
        ).scalar()
        try:
            return Decimal(str(json.loads(raw))) if raw else Decimal("13.00")
        except (ValueError, ArithmeticError):
            return Decimal("13.00")

    def current_product(self, product_id: int) -> ProductInput:
        waiting = self.writer.pending.get("products", {}).get(product_id)
        p = m.Product
        if waiting is not None:
            values = {k: waiting[k] for k in _PRODUCT_KEYS}
        else:
            row = self.conn.execute(
                select(*(getattr(p, k) for k in _PRODUCT_KEYS)).where(p.id == product_id)
            ).one()
            values = dict(zip(_PRODUCT_KEYS, row, strict=True))
        values["description"] = values["description"] or ""
        values["active"] = bool(values["active"])
        return ProductInput(**values)

    def category_id(self, name: str | None) -> int | None:
        if not name:
            return None
        if self._categories is None:
            self._categories = {}
            for cid, zh, en in self.conn.execute(
                select(m.ProductCategory.id, m.ProductCategory.name_zh, m.ProductCategory.name_en)
            ):
                self._categories.setdefault(zh.casefold(), cid)
                self._categories.setdefault(en.casefold(), cid)
        found = self._categories.get(name.casefold())
        if found is None:
            found = self.writer.insert(
                "product_categories", {"name_zh": name, "name_en": name, "parent_id": None}
            )
            self._categories[name.casefold()] = found
        return found

    # --------------------------------------------------------------- a row

    def handle(self, row: SourceRow) -> Outcome:
        values = self.typed(row)
        kind = self.options.kind
        if kind == ImportKind.CUSTOMERS:
            customer_id, outcome = self.customer_from(row.number, values)
            if customer_id is not None and outcome != "skipped" and "contact_name" in values:
                contact = self.contact_for(row.number, customer_id, values)
                if outcome == "unchanged" and contact != "unchanged":
                    # A new contact of a customer of this file is a new record; of one that
                    # existed, a change to it.
                    new = self.writer.is_new("customers", customer_id) and contact == "created"
                    outcome = "created" if new else "updated"
            return outcome
        if kind == ImportKind.CONTACTS:
            if "id" not in values:
                customer_id = self.customer_for_reference(values)
                return self.contact_for(row.number, customer_id, values)
            found = self.raw.execute(
                "SELECT customer_id FROM contacts WHERE id = ? AND deleted_at IS NULL",
                (values["id"],),
            ).fetchone()
            if found is None:
                raise _RowProblems({"id": translate("Import", "No contact has this id.")})
            return self.contact_for(row.number, found[0], values, values["id"])
        if kind == ImportKind.PRODUCTS:
            return self.product(row.number, values)
        from sms_desktop.services.imports.history import handle_history_row

        return handle_history_row(self, row.number, values)

    def customer_for_reference(self, values: Mapping[str, Any]) -> int:
        """The customer a contact, order or activity row names: by id, code, then name;
        created from the name when asked (``create_missing``)."""
        code, name = values.get("customer_code", ""), values.get("customer_name", "")
        found: int | None = None
        if code:
            found = self.customers.by_code(code)
        if found is None and name:
            found = self.customers.by_name(name)
        if found is not None:
            return found
        if not code and not name:
            raise _RowProblems({"customer_name": _required()})
        if not self.options.create_missing or not name:
            field_name = "customer_code" if code and not name else "customer_name"
            raise _RowProblems(
                {
                    field_name: translate(
                        "Import", "No customer {name} (import with “create missing”)."
                    ).format(name=name or code)
                }
            )
        customer_id, _ = self.customer_from(
            0, {"customer_name": name, "code": code}, name_field="customer_name"
        )
        assert customer_id is not None
        return customer_id

    def summary(self, batch_id: int | None, written: bool) -> ImportSummary:
        c = self.counts
        return ImportSummary(
            self.options.kind,
            batch_id if written else None,
            sum(c.values()),
            c["created"],
            c["updated"],
            c["unchanged"],
            c["skipped"],
            c["error"],
            tuple(self.errors),
            tuple(self.changes),
            written,
            tuple(self.column(n) for n in self.undecided if self.date_orders.get(n) is None),
        )


_PRODUCT_KEYS = (
    "sku",
    "name_zh",
    "name_en",
    "description",
    "unit",
    "category_id",
    "list_price",
    "cost",
    "currency",
    "tax_rate",
    "active",
    "stock",
)


def keep_phone_formatting(before: _Form, after: _Form, names: Sequence[str]) -> _Form:
    """A phone the file writes another way (138 1234 5678 for 13812345678, or the other way
    round) is the same phone: the record keeps it as it was typed, and is not "updated"."""
    same = {
        name: getattr(before, name)
        for name in names
        if normalize_phone(getattr(before, name) or "")
        == normalize_phone(getattr(after, name) or "")
    }
    return replace(after, **same) if same else after


def _product_columns(data: ProductInput) -> dict[str, Any]:
    values = {k: getattr(data, k) for k in _PRODUCT_KEYS}
    values["description"] = data.description or None
    return values


def _same_person(a: ContactInput, b: ContactInput) -> bool:
    if a.name.casefold() == b.name.casefold():
        return True
    for x, y in (
        (a.mobile, b.mobile),
        (a.phone, b.phone),
        (a.email.casefold(), b.email.casefold()),
    ):
        if x and x == y:
            return True
    return False


def _salesperson(name: str) -> dict[str, Any]:
    from sms_desktop.domain.enums import SalespersonRole

    return _with_defaults(
        "salespeople",
        {
            "name": name,
            "name_en": None,
            "role": SalespersonRole.SALES,
            "email": None,
            "phone": None,
            "hire_date": None,
            "active": True,
        },
    )


@cache
def _defaults(table: str) -> tuple[dict[str, Any], tuple[str, ...]]:
    """The value of every column a row may leave out (its scalar default, else NULL), and
    the columns stamped with the time (``created_at`` … whose default is ``utcnow``)."""
    values: dict[str, Any] = {}
    stamped: list[str] = []
    for column in Base.metadata.tables[table].c:
        if column.name == "id":
            continue
        default = column.default
        if default is not None and getattr(default, "is_callable", False):
            stamped.append(column.name)
        elif default is not None and getattr(default, "is_scalar", False):
            values[column.name] = default.arg  # type: ignore[attr-defined]
        elif column.server_default is not None:
            values[column.name] = {"sort_name": ""}.get(column.name, 0)
        else:
            values[column.name] = None
    return values, tuple(stamped)


def _with_defaults(table: str, values: dict[str, Any]) -> dict[str, Any]:
    """Every column of ``table`` given (executemany takes one set of keys for all rows)."""
    defaults, stamped = _defaults(table)
    result = {**defaults, **values}
    if stamped:
        now = utcnow()
        for name in stamped:
            result.setdefault(name, now)
    return result


# -------------------------------------------------------------------------- the service


def date_fields(kind: ImportKind) -> list[str]:
    return [f.name for f in FIELDS[kind] if f.type == "date"]


def _check(cancelled: Callable[[], bool] | None) -> None:
    if cancelled is not None and cancelled():
        raise ImportCancelledError(
            translate("Import", "The import was cancelled; nothing was written.")
        )


class ImportService:
    """The import centre's API: inspect a file, preview, run, list batches, revert."""

    def __init__(self, db: Database) -> None:
        self._db = db

    @staticmethod
    def open(
        path: Path,
        kind: ImportKind,
        *,
        sheet: str | None = None,
        encoding: Encoding = "auto",
        header_row: int | None = None,
    ) -> Source:
        """Open a file for ``kind``: the header row is the one naming most of its fields."""
        return open_source(
            path,
            sheet=sheet,
            encoding=encoding,
            header_row=header_row,
            header_score=lambda headers: recognised(kind, headers),
        )

    def run(
        self,
        source: Source,
        options: ImportOptions,
        *,
        progress: ProgressCallback | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> ImportSummary:
        """Import every row (see the module doc); a dry run rolls back at the end.

        Text dates like 11/8/2018 take the order of ``options.date_order``, else the one
        their column shows (a 13/8/2018 anywhere makes it day first). When rows could not be
        read before the column told, the import runs once more with the order learnt; when
        nothing tells, those rows are errors and ``date_order_needed`` names the columns."""
        missing = missing_required(options.kind, options.columns)
        if missing:
            raise ImportFileError(
                translate("Import", "Map a column to {field}: it is required.").format(
                    field=missing[0].label
                )
            )
        orders: dict[str, DateOrder | None] = {
            name: options.date_order
            for name in options.columns
            if name in date_fields(options.kind)
        }
        # At most a few attempts: once more with the date order a column showed late, once
        # more without the invalid rows (their lookups may have created references).
        exclude: dict[int, list[RowError]] = {}
        for _ in range(4):
            summary, retry = self._attempt(source, options, orders, exclude, progress, cancelled)
            if retry is None:
                return summary
            orders, exclude = retry
        return summary

    def _attempt(
        self,
        source: Source,
        options: ImportOptions,
        orders: Mapping[str, DateOrder | None],
        exclude: Mapping[int, list[RowError]],
        progress: ProgressCallback | None,
        cancelled: Callable[[], bool] | None,
    ) -> tuple[ImportSummary, tuple[dict[str, DateOrder | None], dict[int, list[RowError]]] | None]:
        total = source.count_rows() if progress is not None else None
        last = time.monotonic()
        run: _Run | None = None
        try:
            with self._db.write() as session:
                conn = session.connection()
                batch_id = self._new_batch(conn, source, options)
                run = _Run(conn, source, options, batch_id, orders)
                if progress is not None:  # at once: a large workbook takes seconds to open
                    progress(0, total or 0)
                done = 0
                for row in source.rows():
                    done += 1
                    if row.number in exclude:
                        run.counts["error"] += 1
                        run.errors.extend(exclude[row.number])
                    else:
                        self._one_row(run, row)
                    if done % CHECK_EVERY == 0:
                        _check(cancelled)
                        if done % CHUNK == 0:
                            run.flush()
                        now = time.monotonic()
                        if progress is not None and now - last >= PROGRESS_SECONDS:
                            progress(done, max(total or 0, done))
                            last = now
                _check(cancelled)
                if progress is not None:  # the last writes and sums take a moment too
                    progress(done, max(total or 0, done))
                if "history" in run.extra:
                    from sms_desktop.services.imports.history import finish_history

                    finish_history(run)
                    if progress is not None:
                        progress(done, max(total or 0, done))
                if self._retry(run, orders, exclude) is not None:
                    raise _Rollback
                if options.dry_run or (run.counts["error"] and not options.skip_invalid):
                    raise _Rollback
                run.writer.finish()
                self._close_batch(conn, batch_id, run, done)
                if progress is not None:
                    progress(done, done)
                return run.summary(batch_id, written=True), None
        except _Rollback:
            assert run is not None
            return run.summary(None, written=False), self._retry(run, orders, exclude)

    @staticmethod
    def _retry(
        run: _Run, orders: Mapping[str, DateOrder | None], exclude: Mapping[int, list[RowError]]
    ) -> tuple[dict[str, DateOrder | None], dict[int, list[RowError]]] | None:
        """What the next attempt changes, or None when this one stands: the date order of
        a column that told it only after rows needed it; the rows to leave out when only
        valid rows are imported (so nothing an invalid row looked up stays behind)."""
        learnt = any(orders.get(n) is None and run.date_orders.get(n) for n in run.undecided)
        if learnt:
            return dict(run.date_orders), {}
        if not run.options.skip_invalid:
            return None
        failed: dict[int, list[RowError]] = {}
        for error in run.errors:
            failed.setdefault(error.row, []).append(error)
        if not set(failed) - set(exclude):
            return None
        return dict(orders), failed

    @staticmethod
    def _one_row(run: _Run, row: SourceRow) -> None:
        try:
            outcome = run.handle(row)
        except _RowProblems as exc:
            run.counts["error"] += 1
            run.errors.extend(
                RowError(row.number, run.column(k), v, k) for k, v in exc.problems.items()
            )
            return
        run.counts[outcome] += 1

    @staticmethod
    def _new_batch(conn: Connection, source: Source, options: ImportOptions) -> int:
        info = source.info
        mapping = {
            info.headers[i] if i < len(info.headers) else str(i): name
            for i, name in enumerate(options.columns)
            if name is not None
        }
        settings = {
            "existing": options.existing,
            "create_missing": options.create_missing,
            "skip_invalid": options.skip_invalid,
            "date_order": options.date_order,
            "header_row": info.header_row,
            "delimiter": info.delimiter,
        }
        result = conn.execute(
            insert(m.ImportBatch).values(
                kind=options.kind.value,
                file_name=info.path.name[:400],
                encoding=info.encoding,
                sheet=info.sheet,
                mapping=_dumps(mapping),
                options=_dumps(settings),
                imported_by=(options.actor or "")[:80] or None,
                imported_at=clock().now().astimezone(UTC),
            )
        )
        assert result.inserted_primary_key is not None
        return int(result.inserted_primary_key[0])

    @staticmethod
    def _close_batch(conn: Connection, batch_id: int, run: _Run, rows: int) -> None:
        c = run.counts
        conn.execute(
            update(m.ImportBatch)
            .where(m.ImportBatch.id == batch_id)
            .values(
                rows=rows,
                created=c["created"],
                updated=c["updated"],
                unchanged=c["unchanged"],
                skipped=c["skipped"],
                errors=c["error"],
            )
        )

    # ------------------------------------------------------------------ history

    def batches(self) -> list[BatchRow]:
        b = m.ImportBatch
        with self._db.read() as session:
            rows = session.execute(
                select(
                    b.id, b.kind, b.file_name, b.sheet, b.imported_at, b.imported_by, b.rows,
                    b.created, b.updated, b.unchanged, b.skipped, b.errors, b.reverted_at,
                ).order_by(b.id.desc())
            ).all()  # fmt: skip
        return [BatchRow(**r._asdict()) for r in rows]

    def revert(self, batch_id: int) -> RevertSummary:
        """Remove what the batch created and put back what it changed, in one transaction."""
        with self._db.write() as session:
            conn = session.connection()
            batch = conn.execute(
                select(m.ImportBatch.id, m.ImportBatch.reverted_at).where(
                    m.ImportBatch.id == batch_id
                )
            ).first()
            if batch is None:
                raise NotFoundError(
                    translate("Import", "There is no import batch {batch}.").format(batch=batch_id)
                )
            if batch.reverted_at is not None:
                raise ConflictError(
                    translate("Import", "Import batch {batch} was reverted already.").format(
                        batch=batch_id
                    )
                )
            items = conn.execute(
                select(
                    m.ImportBatchItem.table_name,
                    m.ImportBatchItem.row_id,
                    m.ImportBatchItem.action,
                    m.ImportBatchItem.old_values,
                )
                .where(m.ImportBatchItem.batch_id == batch_id)
                .order_by(m.ImportBatchItem.id)
            ).all()
            customers: set[int] = set()
            restored = 0
            for table, row_id, action, old in items:
                if action != "update" or not old:
                    continue
                values = json.loads(old)
                tags = values.pop("__tags__", None)
                if values:
                    sets = ", ".join(f"{k} = ?" for k in values)
                    conn.exec_driver_sql(
                        f"UPDATE {table} SET {sets} WHERE id = ?", (*values.values(), row_id)
                    )
                if tags is not None:
                    _restore_tags(conn, row_id, tags)
                if table == "customers":
                    customers.add(row_id)
                elif table == "contacts":
                    cid = conn.exec_driver_sql(
                        "SELECT customer_id FROM contacts WHERE id = ?", (row_id,)
                    ).scalar()
                    if cid is not None:
                        customers.add(int(cid))
                restored += 1
            created: dict[str, list[int]] = {}
            for table, row_id, action, _old in items:
                if action == "create":
                    created.setdefault(table, []).append(row_id)
            for cid in created.get("contacts", ()):
                owner = conn.exec_driver_sql(
                    "SELECT customer_id FROM contacts WHERE id = ?", (cid,)
                ).scalar()
                if owner is not None:
                    customers.add(int(owner))
            customers.update(_child_customers(conn, "orders", created.get("orders", ())))
            customers.update(
                _child_customers(conn, "interactions", created.get("interactions", ()))
            )
            customers.update(
                _child_customers(conn, "opportunities", created.get("opportunities", ()))
            )
            removed = 0
            try:
                for table in _DELETE_ORDER:
                    ids = created.get(table)
                    if not ids:
                        continue
                    tbl = Base.metadata.tables[table]
                    # Tags, categories and salespeople an import added may have been given
                    # to other records since: those stay (deleting them would unset them).
                    kept = _still_used(tbl) if table in _SHARED else []
                    for start in range(0, len(ids), 500):
                        chunk = ids[start : start + 500]
                        statement = delete(tbl).where(tbl.c.id.in_(chunk), *kept)
                        removed += conn.execute(statement).rowcount
            except IntegrityError as exc:
                raise ConflictError(
                    translate(
                        "Import",
                        "Records of import batch {batch} are used by records made since "
                        "(orders, quotes …): remove those first.",
                    ).format(batch=batch_id)
                ) from exc
            gone = set(created.get("customers", ()))
            conn.execute(
                update(m.ImportBatch)
                .where(m.ImportBatch.id == batch_id)
                .values(reverted_at=clock().now().astimezone(UTC))
            )
            if gone or customers:
                reindex_customers(conn, gone | customers)
            alive = customers - gone
            if alive:
                refresh_customer_stats(conn, alive)
            return RevertSummary(batch_id, removed, restored)


def _restore_tags(conn: Connection, customer_id: int, tags: Sequence[str]) -> None:
    conn.execute(delete(m.CustomerTag).where(m.CustomerTag.customer_id == customer_id))
    for name in tags:
        tag_id = conn.execute(select(m.Tag.id).where(m.Tag.name == name)).scalar()
        if tag_id is not None:
            conn.execute(insert(m.CustomerTag).values(customer_id=customer_id, tag_id=tag_id))


def _child_customers(conn: Connection, table: str, ids: Sequence[int]) -> set[int]:
    found: set[int] = set()
    for start in range(0, len(ids), 500):
        chunk = list(ids[start : start + 500])
        marks = ", ".join("?" * len(chunk))
        found.update(
            int(r[0])
            for r in conn.exec_driver_sql(
                f"SELECT DISTINCT customer_id FROM {table} WHERE id IN ({marks})", tuple(chunk)
            )
        )
    return found
