"""Deterministic demo data: three years of a trading company's sales, scaled by customer count."""

from __future__ import annotations

import json
import math
import random
import time
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from itertools import accumulate, islice
from typing import Any, NamedTuple

from sqlalchemy import Connection

from sms_desktop.demo import names
from sms_desktop.domain.money import to_minor
from sms_desktop.domain.revenue import DEFAULT_COMMISSION_BASE
from sms_desktop.persistence.db import Database
from sms_desktop.persistence.models import store_balances

CHUNK = 20_000
Row = tuple[object, ...]
ProgressCallback = Callable[[str, float], None]

# Every table the generator fills with explicit ids; settings and number_sequences are upserted.
_MUST_BE_EMPTY = (
    "customers",
    "salespeople",
    "pipeline_stages",
    "lost_reasons",
    "products",
    "product_categories",
    "tags",
    "orders",
    "quotes",
    "activities",
)

# The demo business is in China: local time is UTC+8 all year (no daylight saving).
_UTC_OFFSET_MINUTES = 8 * 60
# A "moment" is a day ordinal × 600 + minutes after 08:30 local, so any moment is in office hours.
_MOMENT_DAY = 600
_MOMENT_START = 8 * 60 + 30

_SPRING_FESTIVAL: dict[int, tuple[int, int]] = {
    2019: (2, 5),
    2020: (1, 25),
    2021: (2, 12),
    2022: (2, 1),
    2023: (1, 22),
    2024: (2, 10),
    2025: (1, 29),
    2026: (2, 17),
    2027: (2, 6),
    2028: (1, 26),
    2029: (2, 13),
    2030: (2, 3),
    2031: (1, 23),
    2032: (2, 11),
    2033: (1, 31),
    2034: (2, 19),
    2035: (2, 8),
    2036: (1, 28),
    2037: (2, 15),
    2038: (2, 4),
    2039: (1, 24),
    2040: (2, 12),
}
# Orders by month: a February dip, a strong fourth quarter.
_MONTH_FACTOR = (1.1, 0.75, 1.0, 1.0, 0.95, 1.05, 0.9, 0.9, 1.05, 1.1, 1.3, 1.45)

_CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_VALUES = {c: i for i, c in enumerate(_CREDIT_CHARS)}
_CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)

_OPEN_STAGE_WEIGHTS = (30, 25, 20, 15, 10)
_LOST_FROM_WEIGHTS = (25, 25, 20, 20, 10)
_QUOTE_STATUSES = ("draft", "sent", "accepted", "rejected", "expired")
_QUOTE_STATUS_WEIGHTS = (12, 23, 30, 15, 20)
_ORDER_LINE_WEIGHTS = (30, 25, 20, 15, 10)  # 1–5 lines, 2.5 on average
_QUOTE_LINE_WEIGHTS = (20, 20, 18, 14, 10, 8, 6, 4)  # 1–8 lines
_CONTACT_WEIGHTS = (12, 18, 25, 21, 14, 10)  # 1–6 contacts per company
_OWNER_WEIGHTS = (5, 12, 12, 14, 14, 15, 14, 14)  # salespeople 1..8; 1 is the owner
_SCORE_WEIGHTS = (3, 5, 15, 40, 37)  # satisfaction 1..5


@dataclass(frozen=True, slots=True)
class DemoSummary:
    """What :func:`populate` inserted (rows per table) and how long it took."""

    counts: dict[str, int]
    seconds: float


def populate(
    db: Database,
    *,
    customers: int = 300,
    seed: int = 20261127,
    today: date | None = None,
    progress: Callable[[str, float], None] | None = None,
) -> DemoSummary:
    """Fill an EMPTY, freshly migrated database with demo data in ONE transaction.

    Everything derives from ``seed`` and ``today`` (default: the local calendar day), so the
    same pair gives the same rows. ``progress`` receives the table being written (or
    ``"reference"``, ``"indexes"``, ``"done"``) and the overall fraction, once per chunk.
    Raises ``ValueError`` if the database already holds data; on any error nothing is kept.
    """
    if customers < 1:
        raise ValueError("customers must be at least 1")
    started = time.perf_counter()
    # The user's calendar day anchors all dates; nothing else reads the clock.
    anchor = today if today is not None else date.today()
    with db.write() as session:
        connection = session.connection()
        for table in _MUST_BE_EMPTY:
            if connection.exec_driver_sql(f"SELECT EXISTS (SELECT 1 FROM {table})").scalar():
                raise ValueError(
                    f"the database already has {table}: demo data needs an empty database"
                )
        builder = _Builder(connection, customers, random.Random(seed), anchor, progress)
        builder.run()
    return DemoSummary(dict(builder.counts), time.perf_counter() - started)


# --------------------------------------------------------------------------------- helpers


def round_half_up_div(numerator: int, denominator: int) -> int:
    """``numerator / denominator`` rounded half up, for non-negative integers (exact)."""
    return (2 * numerator + denominator) // (2 * denominator)


def line_amounts(
    quantity: int, unit_price: int, discount: int, tax_rate: int
) -> tuple[int, int, int]:
    """Net, tax and total cents of a line, exactly as ``round_money`` on Decimals would give.

    ``quantity`` is in thousandths, ``unit_price`` in cents, ``discount`` and ``tax_rate`` in
    hundredths of a percent: net = qty × price × (1 − discount), tax = net × rate, each
    rounded half up to the cent; total = net + tax.
    """
    net = round_half_up_div(quantity * unit_price * (10_000 - discount), 10_000_000)
    tax = round_half_up_div(net * tax_rate, 10_000)
    return net, tax, net + tax


def credit_code(prefix: str, body: str) -> str:
    """A 统一社会信用代码 with a valid check character (GB 32100-2015)."""
    base = prefix + body
    total = sum(_CREDIT_VALUES[c] * w for c, w in zip(base, _CREDIT_WEIGHTS, strict=True))
    check = (31 - total % 31) % 31
    return base + _CREDIT_CHARS[check]


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def _chooser(rand: Callable[[], float], weights: Sequence[float]) -> Callable[[], int]:
    """A function returning an index drawn with the given weights (one ``rand()`` per draw)."""
    cum = list(accumulate(weights))
    total = cum[-1]
    hi = len(cum) - 1

    def pick() -> int:
        return bisect_right(cum, rand() * total, 0, hi)

    return pick


def _order_day_weight(day: date, years_in: float) -> float:
    """Relative order volume of a day: month, weekday, 春节 and Golden Week, slow growth."""
    weight = _MONTH_FACTOR[day.month - 1] * (1.0 + 0.04 * years_in)
    weekday = day.weekday()
    if weekday == 5:
        weight *= 0.3
    elif weekday == 6:
        weight *= 0.15
    if day.month == 10 and day.day <= 7:
        weight *= 0.25
    for year in (day.year, day.year + 1):
        month, dom = _SPRING_FESTIVAL.get(year, (2, 1))
        delta = (day - date(year, month, dom)).days
        if -28 <= delta < 0:
            weight *= 1.6  # stocking up before the holiday
        elif 0 <= delta < 10:
            weight *= 0.15
        elif 10 <= delta < 21:
            weight *= 0.75
    return weight


class _Clock:
    """Precomputed ISO strings for days and UTC timestamps of office hours in China."""

    def __init__(self, today: date) -> None:
        # Hire dates reach back 12 years; plans, reminders and targets up to a year ahead.
        self.first = today.toordinal() - 15 * 366
        self.days = [
            date.fromordinal(o).isoformat() for o in range(self.first, today.toordinal() + 800)
        ]
        # Local 08:00–23:59 is 00:00–15:59 UTC on the same day; index = local minute - 480.
        self.times = [f" {m // 60:02d}:{m % 60:02d}:00.000000" for m in range(16 * 60)]

    def day(self, ordinal: int) -> str:
        return self.days[ordinal - self.first]

    def stamp(self, ordinal: int, minute: int) -> str:
        """Naive-UTC text of ``minute`` (local minutes after midnight, ≥ 08:00) on a day."""
        return self.days[ordinal - self.first] + self.times[minute - _UTC_OFFSET_MINUTES]

    def moment(self, moment: int) -> str:
        day, offset = divmod(moment, _MOMENT_DAY)
        return self.stamp(day, _MOMENT_START + offset)


class _Progress:
    """Reports overall completion per chunk; never per row."""

    def __init__(self, callback: ProgressCallback | None, expected: float) -> None:
        self._callback = callback
        self._expected = expected
        self._done = 0.0

    def advance(self, stage: str, units: float) -> None:
        self._done += units
        if self._callback is not None:
            self._callback(stage, min(0.99, self._done / self._expected))

    def finish(self) -> None:
        if self._callback is not None:
            self._callback("done", 1.0)


class _Identity(NamedTuple):
    """Who a customer is: the fields that depend on its kind (company, person, abroad)."""

    kind: str
    name: str
    name_en: str | None
    industry: str | None
    province: str | None
    city: str | None
    address: str | None
    postal_code: str | None
    country: str
    phone: str
    email: str | None
    website: str | None
    tax_id: str | None
    language: str
    domain: str | None  # the company's mail domain, for its contacts
    names: str | None  # FOREIGN_NAMES key of its staff; None for Chinese staff
    suffix: str  # legal-form suffix of a Chinese company name


class _Line(NamedTuple):
    """An item line as both quotes and orders store it."""

    product_id: int
    description: str
    quantity: int
    unit: str
    unit_price: int
    discount: int
    tax_rate: int
    unit_cost: int
    net: int
    tax: int
    total: int


def _repriced(line: _Line, discount: int) -> _Line:
    """The same line at another discount, amounts recomputed."""
    net, tax, total = line_amounts(line.quantity, line.unit_price, discount, line.tax_rate)
    return line._replace(discount=discount, net=net, tax=tax, total=total)


class _Quote(NamedTuple):
    """A quote before numbering: one revision, or the second with its rejected first."""

    issue: int
    status: str
    customer: int
    contact: int
    opportunity: int | None
    owner: int
    valid_until: int
    decided: int | None
    first_issue: int | None  # the rejected revision 1, when this is revision 2


# --------------------------------------------------------------------------------- builder


class _Builder:
    """Generates and inserts every table; holds the per-customer arrays that wire the ids."""

    def __init__(
        self,
        connection: Connection,
        customers: int,
        rng: random.Random,
        today: date,
        progress: ProgressCallback | None,
    ) -> None:
        self._conn = connection
        self.n = customers
        self.rng = rng
        self.rand = rng.random
        self.today = today
        self.t = today.toordinal()
        self.clock = _Clock(today)
        self.window_start = _years_before(today, 3).toordinal()
        self.cutoff_12m = _years_before(today, 1).toordinal()
        self.counts: dict[str, int] = {}
        self._progress = _Progress(progress, 24.0 * customers + 400)
        self.n_sales = len(names.TEAM)
        rand = self.rand
        self.pick_city = _chooser(rand, [c.weight for c in names.CITIES])
        self.pick_industry = _chooser(rand, [i.weight for i in names.INDUSTRIES])
        self.pick_suffix = _chooser(rand, [s[2] for s in names.COMPANY_SUFFIXES])
        self.pick_source = _chooser(rand, [s[1] for s in names.SOURCES])
        self.pick_owner = _chooser(rand, _OWNER_WEIGHTS)
        self.pick_surname = _chooser(rand, [s[2] for s in names.SURNAMES])
        self.pick_given = _chooser(
            rand, [4 if i < 20 else 2 if i < 40 else 1 for i in range(len(names.GIVEN_CHARS))]
        )
        self.pick_title_primary = _chooser(rand, [t[2] for t in names.TITLES])
        self.pick_title_other = _chooser(rand, [t[3] for t in names.TITLES])
        self.pick_title_en_primary = _chooser(rand, [t[2] for t in names.TITLES_EN])
        self.pick_title_en_other = _chooser(rand, [t[3] for t in names.TITLES_EN])
        self.pick_contacts = _chooser(rand, _CONTACT_WEIGHTS)
        self.pick_product = _chooser(rand, [p.popularity for p in names.PRODUCTS])
        self.pick_lost_reason = _chooser(rand, [r[2] for r in names.LOST_REASONS])
        self.pick_score = _chooser(rand, _SCORE_WEIGHTS)
        self.pick_open_stage = _chooser(rand, _OPEN_STAGE_WEIGHTS)
        self.pick_lost_from = _chooser(rand, _LOST_FROM_WEIGHTS)
        self.pick_quote_lines = _chooser(rand, _QUOTE_LINE_WEIGHTS)
        self.pick_order_lines = _chooser(rand, _ORDER_LINE_WEIGHTS)
        self.used_names: set[str] = set()
        # Per-customer arrays, indexed by customer id (slot 0 unused).
        self.c_owner = [0]
        self.c_created = [0]
        self.c_contact0 = [0]
        self.c_contacts = [0]
        self.c_weight = [0.0]
        self.c_churned = [0]  # the day a buyer stopped ordering (far future: still buying)
        self.c_tier = [""]
        self.c_language = [""]
        self.c_activity_cum: list[float] = []
        # Products: ids 1..60 in catalogue order.
        self.p_price: list[int] = []
        self.p_cost: list[int] = []
        self.p_tax: list[int] = []
        # Opportunities, indexed by id - 1.
        self.o_customer: list[int] = []
        self.o_contact: list[int] = []
        self.o_owner: list[int] = []
        self.o_status: list[str] = []
        self.o_stage: list[int] = []
        self.o_start: list[int] = []
        self.o_end: list[int] = []
        self.o_amount: list[int] = []
        self.accepted: dict[int, tuple[_Quote, list[_Line]]] = {}
        self.quote_seq: dict[int, int] = {}
        self.order_seq: dict[int, int] = {}
        self.revenue_12m: dict[int, int] = {}
        self.revenue_by_owner_month: dict[tuple[int, int, int], int] = {}
        self.follow_ups: list[tuple[int, int, int, int]] = []
        # The orders' deliveries, invoices and payments, written with each chunk of orders.
        self.deliveries: list[Row] = []
        self.delivery_lines: list[Row] = []
        self.invoices: list[Row] = []
        self.payments: list[Row] = []
        self.allocations: list[Row] = []
        self.recent_unpaid = 0
        self.surveys: list[tuple[int, int, int | None, int, int]] = []
        self.done_last_year: dict[int, int] = {}

    # ----------------------------------------------------------------------- plumbing

    def _insert(self, table: str, columns: str, rows: Iterable[Row]) -> None:
        """Insert rows in executemany chunks, so memory stays flat at any scale."""
        cols = [c.strip() for c in columns.split(",")]
        quoted = ", ".join(f'"{c}"' for c in cols)
        marks = ", ".join("?" * len(cols))
        sql = f"INSERT INTO {table} ({quoted}) VALUES ({marks})"
        iterator = iter(rows)
        while chunk := list(islice(iterator, CHUNK)):
            self._conn.exec_driver_sql(sql, chunk)
            self.counts[table] = self.counts.get(table, 0) + len(chunk)
            self._progress.advance(table, len(chunk))

    def run(self) -> None:
        conn = self._conn
        old_cache = conn.exec_driver_sql("PRAGMA cache_size").scalar()
        conn.exec_driver_sql("PRAGMA cache_size = -262144")
        # The enum CHECKs (``kind IN (…)``) cost more per row than the insert itself here.
        # The values come from fixed vocabularies; integrity_check (tests) and the
        # quick_check after a demo build verify every CHECK constraint afterwards.
        conn.exec_driver_sql("PRAGMA ignore_check_constraints = ON")
        try:
            # Building secondary indexes once, after the load, is several times faster than
            # updating them row by row; it is DDL inside the same transaction, so a failure
            # rolls the indexes back too.
            indexes = [sql for (sql,) in conn.exec_driver_sql(_BULK_INDEXES_SQL)]
            for (name,) in conn.exec_driver_sql(_BULK_INDEX_NAMES_SQL).all():
                conn.exec_driver_sql(f'DROP INDEX "{name}"')
            self._reference()
            self._customers()
            self._opportunities()
            self._quotes()
            self._exchange_rates()
            self._orders()
            self._activities()
            self._interactions()
            self._surveys()
            self._plans_and_targets()
            for sql in indexes:
                conn.exec_driver_sql(sql)
            self._progress.advance("indexes", 2 * self.n)
            store_balances(conn)  # the invoices' paid and the payments' unapplied parts
            self._customer_stats()
            self._sequences()
        finally:
            conn.exec_driver_sql("PRAGMA ignore_check_constraints = OFF")
            conn.exec_driver_sql(f"PRAGMA cache_size = {int(old_cache or -2000)}")
        self._progress.finish()

    def _business_minute(self) -> int:
        """A local minute between 09:00 and 17:59."""
        return 540 + int(self.rand() * 540)

    def _mobile(self) -> str:
        prefixes = names.MOBILE_PREFIXES
        rand = self.rand
        return f"{prefixes[int(rand() * len(prefixes))]}{int(rand() * 100_000_000):08d}"

    def _person(self) -> tuple[str, str, str]:
        """A Chinese name with its surname and given-name pinyin; 王伟-style names are common."""
        surname, surname_py, _ = names.SURNAMES[self.pick_surname()]
        given, given_py = names.GIVEN_CHARS[self.pick_given()]
        if self.rand() < 0.42:
            return surname + given, surname_py, given_py
        second, second_py = names.GIVEN_CHARS[self.pick_given()]
        return surname + given + second, surname_py, given_py + second_py

    def _days_after(self, low: int, span: int, skew: float = 1.0) -> int:
        """A day in the ``span`` days before today but not before ``low``, recent ones likelier."""
        low = max(low, self.t - span)
        width = self.t - 1 - low
        if width <= 0:
            return self.t - 1
        return self.t - 1 - int(self.rand() ** skew * width)

    # ------------------------------------------------------------------- reference data

    def _reference(self) -> None:
        clock, rand, t = self.clock, self.rand, self.t
        self._progress.advance("reference", 0)
        setup = clock.stamp(self.window_start - 45, 600)
        self._insert(
            "salespeople",
            "id, name, name_en, role, email, phone, hire_date, active, created_at, updated_at",
            (
                (
                    i,
                    m.name,
                    m.name_en,
                    m.role,
                    m.email,
                    m.phone,
                    clock.day(t - m.hire_years_ago * 365 - int(rand() * 120)),
                    1,
                    clock.stamp(t - m.hire_years_ago * 365, 600),
                    setup,
                )
                for i, m in enumerate(names.TEAM, 1)
            ),
        )
        self._insert(
            "pipeline_stages",
            "id, key, name_zh, name_en, position, kind, default_probability, stale_after_days, "
            "archived",
            (
                (i, key, zh, en, i, kind, prob, stale, 0)
                for i, (key, zh, en, kind, prob, stale) in enumerate(names.STAGES, 1)
            ),
        )
        self._insert(
            "lost_reasons",
            "id, name_zh, name_en, position, archived",
            ((i, zh, en, i, 0) for i, (zh, en, _) in enumerate(names.LOST_REASONS, 1)),
        )
        self._insert(
            "tags",
            "id, name, color",
            ((i, name, color) for i, (name, color) in enumerate(names.TAGS, 1)),
        )
        self._insert(
            "product_categories",
            "id, name_zh, name_en, parent_id",
            ((i, zh, en, None) for i, (zh, en) in enumerate(names.CATEGORIES, 1)),
        )
        product_rows: list[Row] = []
        for i, p in enumerate(names.PRODUCTS, 1):
            price = to_minor(Decimal(p.price))
            margin = 1500 + int(rand() * 4501)  # 15–60 % in hundredths of a percent
            cost = price * (10_000 - margin) // 10_000
            self.p_price.append(price)
            self.p_cost.append(cost)
            self.p_tax.append(p.tax * 100)
            stock = None
            if p.category != names.SERVICES_CATEGORY:
                stock = (p.qty_max * (5 + int(rand() * 40)) * 1000 // p.step) * p.step
            product_rows.append(
                (
                    i,
                    p.sku,
                    p.name_zh,
                    p.name_en,
                    None,
                    p.unit,
                    p.category + 1,
                    price,
                    cost,
                    "CNY",
                    p.tax * 100,
                    1,
                    stock,
                    setup,
                    setup,
                )
            )
        self._insert(
            "products",
            "id, sku, name_zh, name_en, description, unit, category_id, list_price, cost, "
            "currency, tax_rate, active, stock, created_at, updated_at",
            product_rows,
        )
        self._price_lists(setup)
        year_start = date(self.today.year, 1, 1).toordinal()
        plan_day = clock.stamp(min(year_start + 1, t - 1), 600)
        self._insert(
            "follow_up_plans",
            "id, name, trigger, active, created_at, updated_at",
            [(1, names.FOLLOW_UP_PLAN, "order_recorded", 1, setup, setup)],
        )
        self._insert(
            "follow_up_steps",
            "id, plan_id, position, offset_days, kind, subject, with_survey",
            (
                (i, 1, i, offset, kind, subject, int(survey))
                for i, (offset, kind, subject, survey) in enumerate(names.FOLLOW_UP_STEPS, 1)
            ),
        )
        year = self.today.year
        self._insert(
            "commission_plans",
            "id, name, base, bonus_at_target, active, created_at, updated_at",
            [
                (
                    1,
                    f"{year}年销售提成方案 Sales commission plan {year}",
                    DEFAULT_COMMISSION_BASE.value,
                    500_000,
                    1,
                    plan_day,
                    plan_day,
                )
            ],
        )
        self._insert(
            "commission_tiers",
            "id, plan_id, min_attainment, rate",
            [(1, 1, 0, 200), (2, 1, 8000, 300), (3, 1, 10_000, 500)],
        )
        self._insert(
            "commission_assignments",
            "id, plan_id, salesperson_id, period_kind, period_start",
            ((i - 1, 1, i, "year", clock.day(year_start)) for i in range(2, self.n_sales + 1)),
        )
        self._conn.exec_driver_sql(
            "INSERT INTO settings (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [(key, json.dumps(value, ensure_ascii=False)) for key, value in names.COMPANY_PROFILE],
        )
        self.counts["settings"] = len(names.COMPANY_PROFILE)

    def _price_lists(self, setup: str) -> None:
        valid_from = self.clock.day(date(self.today.year, 1, 1).toordinal())
        lists: list[Row] = []
        rules: list[Row] = []
        for i, (tier, zh, en, discounts) in enumerate(names.PRICE_TIERS, 1):
            lists.append((i, f"{zh} {en}", tier, None, "CNY", valid_from, None, 1, setup, setup))
            for category, discount in discounts:
                rules.append((len(rules) + 1, i, None, category + 1, 0, discount, None))
        sku = {p.sku: i for i, p in enumerate(names.PRODUCTS, 1)}
        # Quantity breaks and one negotiated fixed price.
        rules += [
            (len(rules) + 1, 1, sku["OF-1006"], None, 100_000, 1500, None),
            (
                len(rules) + 2,
                1,
                sku["PC-2001"],
                None,
                0,
                None,
                self.p_price[sku["PC-2001"] - 1] - 50_000,
            ),
            (len(rules) + 3, 2, sku["PK-6001"], None, 5_000_000, 800, None),
            (len(rules) + 4, 3, sku["OF-1007"], None, 20_000, 500, None),
        ]
        self._insert(
            "price_lists",
            "id, name, customer_tier, customer_id, currency, valid_from, valid_to, active, "
            "created_at, updated_at",
            lists,
        )
        self._insert(
            "price_rules",
            "id, price_list_id, product_id, category_id, min_quantity, discount_percent, "
            "fixed_price",
            rules,
        )

    # ------------------------------------------------------------------------ customers

    def _company(self) -> _Identity | None:
        """A Chinese company (or a government office); None if no unused name was found."""
        rand = self.rand
        industry = names.INDUSTRIES[self.pick_industry()]
        city = names.CITIES[self.pick_city()]
        if industry.name == names.GOVERNMENT:
            return self._government(city)
        brands = names.BRAND_CHARS
        for _ in range(20):
            first = brands[int(rand() * len(brands))]
            second = brands[int(rand() * len(brands))]
            if first[0] == second[0]:
                continue
            word_zh, word_en = industry.words[int(rand() * len(industry.words))]
            suffix, suffix_en, _ = names.COMPANY_SUFFIXES[self.pick_suffix()]
            name = f"{city.short}{first[0]}{second[0]}{word_zh}{suffix}"
            if name not in self.used_names:
                break
        else:
            return None
        self.used_names.add(name)
        brand_py = first[1] + second[1]
        name_en = None
        domain = None
        if rand() < 0.45:
            name_en = f"{city.pinyin} {brand_py.capitalize()} {word_en} {suffix_en}"
        if name_en is not None or rand() < 0.3:
            tld = (".com", ".cn", ".com.cn")[int(rand() * 3)]
            domain = f"{city.abbr}{brand_py}{tld}"
        email = None
        if domain is not None and rand() < 0.6:
            email = f"{('sales', 'info', 'service', 'admin', 'purchase')[int(rand() * 5)]}@{domain}"
        website = f"www.{domain}" if domain is not None and rand() < 0.6 else None
        phone = self._mobile() if rand() < 0.15 else self._landline(city)
        body = "".join(self.rng.choices(_CREDIT_CHARS, k=9))
        return _Identity(
            "company",
            name,
            name_en,
            industry.name,
            city.province,
            city.full,
            self._address(city),
            self._postal(city),
            "中国",
            phone,
            email,
            website,
            credit_code("91" + city.admin_code, body),
            "zh_CN",
            domain,
            None,
            suffix,
        )

    def _government(self, city: names.City) -> _Identity | None:
        rand = self.rand
        for _ in range(20):
            bureau, bureau_en = names.BUREAUS[int(rand() * len(names.BUREAUS))]
            if rand() < 0.5:
                name = f"{city.full}{bureau}"
                name_en: str | None = f"{city.pinyin} Municipal {bureau_en}"
            else:
                name = f"{city.full}{city.districts[int(rand() * 3)]}{bureau}"
                name_en = None
            if name not in self.used_names:
                break
        else:
            return None
        self.used_names.add(name)
        body = "".join(self.rng.choices(_CREDIT_CHARS, k=9))
        return _Identity(
            "company",
            name,
            name_en,
            names.GOVERNMENT,
            city.province,
            city.full,
            self._address(city),
            self._postal(city),
            "中国",
            self._landline(city),
            None,
            None,
            credit_code("11" + city.admin_code, body),
            "zh_CN",
            None,
            None,
            "",
        )

    def _foreign(self) -> _Identity | None:
        rand = self.rand
        country = names.COUNTRIES[int(rand() * len(names.COUNTRIES))]
        for _ in range(20):
            stem = (
                names.FOREIGN_PREFIXES[int(rand() * len(names.FOREIGN_PREFIXES))]
                + names.FOREIGN_CORES[int(rand() * len(names.FOREIGN_CORES))]
            )
            word = names.FOREIGN_WORDS[int(rand() * len(names.FOREIGN_WORDS))]
            name = f"{stem} {word} {country.suffix}"
            if name not in self.used_names:
                break
        else:
            return None
        self.used_names.add(name)
        city, dial = country.cities[int(rand() * len(country.cities))]
        domain = f"{stem.lower()}.{country.tld}"
        street = names.FOREIGN_STREETS[int(rand() * len(names.FOREIGN_STREETS))]
        phone = f"{dial} {1000 + int(rand() * 9000)} {int(rand() * 10000):04d}"
        return _Identity(
            "company",
            name,
            name,
            "批发" if rand() < 0.5 else "制造业",
            None,
            city,
            f"{1 + int(rand() * 300)} {street}",
            f"{10000 + int(rand() * 89999)}",
            country.name_zh,
            phone,
            f"info@{domain}",
            f"www.{domain}",
            None,
            "en" if rand() < 0.8 else "bilingual",
            domain,
            country.names,
            "",
        )

    def _private(self) -> _Identity:
        rand = self.rand
        name, surname_py, given_py = self._person()
        city = names.CITIES[self.pick_city()]
        email = None
        if rand() < 0.4:
            domain = names.PUBLIC_MAIL_DOMAINS[int(rand() * len(names.PUBLIC_MAIL_DOMAINS))]
            if domain == "qq.com":
                email = f"{100_000_000 + int(rand() * 900_000_000)}@qq.com"
            else:
                email = f"{surname_py}{given_py}{int(rand() * 1000)}@{domain}"
        name_en = f"{given_py.capitalize()} {surname_py.capitalize()}" if rand() < 0.15 else None
        address = (
            f"{self._address(city, office=False)}{1 + int(rand() * 30)}栋"
            f"{1 + int(rand() * 30)}0{1 + int(rand() * 4)}室"
        )
        return _Identity(
            "person",
            name,
            name_en,
            None,
            city.province,
            city.full,
            address,
            self._postal(city),
            "中国",
            self._mobile(),
            email,
            None,
            None,
            "zh_CN",
            None,
            None,
            "",
        )

    def _duplicate(self, source: _Identity) -> _Identity | None:
        """A near-duplicate of an existing company, the kind people enter twice."""
        rand = self.rand
        variant = rand()
        phone = source.phone
        if variant < 0.5:
            name = source.name.removesuffix(source.suffix)  # 北京华夏科技 / …有限公司
            if rand() < 0.5:
                phone = self._mobile()
        elif variant < 0.8:
            swap = "有限责任公司" if source.suffix == "有限公司" else "有限公司"
            name = source.name.removesuffix(source.suffix) + swap
        else:
            assert source.city is not None
            short = source.city.removesuffix("市")
            name = source.city + source.name.removeprefix(short)
        if name in self.used_names or name == source.name:
            return None
        self.used_names.add(name)
        return source._replace(
            name=name, name_en=None, phone=phone, tax_id=None, email=None, website=None
        )

    def _landline(self, city: names.City) -> str:
        rand = self.rand
        return f"{city.area_code}-{2 + int(rand() * 7)}{int(rand() * 10_000_000):07d}"

    def _address(self, city: names.City, *, office: bool = True) -> str:
        rand = self.rand
        district = city.districts[int(rand() * 3)]
        road = names.ROADS[int(rand() * len(names.ROADS))]
        address = f"{district}{road}{1 + int(rand() * 999)}号"
        if not office:
            return address
        extra = rand()
        if extra < 0.3:
            address += f"{1 + int(rand() * 25)}楼"
        elif extra < 0.45:
            address += f"{1 + int(rand() * 12)}号楼{1 + int(rand() * 20)}0{1 + int(rand() * 9)}室"
        return address

    def _postal(self, city: names.City) -> str:
        return f"{city.postal_prefix}{int(self.rand() * 1000):03d}"

    def _customers(self) -> None:
        rand, rng, clock, t = self.rand, self.rng, self.clock, self.t
        n = self.n
        customers: list[Row] = []
        contacts: list[Row] = []
        tags: list[Row] = []
        reservoir: list[_Identity] = []
        seen_companies = 0
        contact_id = 1
        old_cut = self.window_start
        # A few key accounts carry a large share of the revenue at any scale.
        keys = set(rng.sample(range(1, n + 1), min(5, max(1, n // 60))))
        # About 1 % near-duplicates, entered after the company they duplicate.
        later = [cid for cid in range(21, n + 1) if cid not in keys]
        copies = set(rng.sample(later, min(len(later), max(1, round(n * 0.01)))))
        for cid in range(1, n + 1):
            identity: _Identity | None = None
            duplicate = False
            key = cid in keys
            while key and identity is None:
                identity = self._company()
            if cid in copies and reservoir:
                identity = self._duplicate(reservoir[int(rand() * len(reservoir))])
                duplicate = identity is not None
            if identity is None:
                roll = rand()
                if roll < 0.15:
                    identity = self._private()
                elif roll < 0.175:
                    identity = self._foreign()
                else:
                    identity = self._company()
                if identity is None:  # every name tried was taken: a person instead
                    identity = self._private()
            if identity.suffix and not duplicate:
                seen_companies += 1
                if len(reservoir) < 500:
                    reservoir.append(identity)
                elif rand() * seen_companies < 500:
                    reservoir[int(rand() * 500)] = identity
            # Order weight: prospects never ordered; buyers follow a Pareto law (80/20).
            if key:
                weight = 100.0  # a placeholder until the total weight is known
            elif duplicate or rand() < 0.3:
                weight = 0.0
            else:
                weight = min(rng.paretovariate(1.3), 100.0)
            if identity.kind == "person":
                weight = min(weight, 3.0)
            if weight >= 8:
                tier = "A"
            elif weight >= 3:
                tier = "B"
            elif weight >= 1.5:
                tier = "C"
            else:
                tier = "D" if weight > 0 or rand() < 0.5 else "C"
            if rand() < 0.08 and not key:
                tier = "ABCD"[int(rand() * 4)]
            if weight == 0:
                created = t - 1 - int(rand() ** 1.5 * 5 * 365)
            elif key or rand() < 0.55:
                created = old_cut - 1 - int(rand() * 3 * 365)
            else:
                created = old_cut + int(rand() ** 0.8 * (t - 1 - old_cut))
            owner = self.pick_owner() + 1
            fit = {"A": 4, "B": 3, "C": 2, "D": 1}[tier] + int(rand() * 2)
            if weight > 0:
                potential = int(weight * (50 + rand() * 250)) * 1000
            else:
                potential = (10 + int(rand() * 490)) * 1000
            notes = (
                names.CUSTOMER_NOTES[int(rand() * len(names.CUSTOMER_NOTES))]
                if rand() < 0.08
                else None
            )
            language = identity.language if rand() < 0.7 or identity.language != "zh_CN" else None
            created_at = clock.stamp(created, self._business_minute())
            updated = created + int(rand() ** 3 * (t - 1 - created))
            customers.append(
                (
                    cid,
                    identity.kind,
                    identity.name,
                    identity.name_en,
                    identity.industry,
                    names.SOURCES[self.pick_source()][0],
                    identity.province,
                    identity.city,
                    identity.address,
                    identity.postal_code,
                    identity.country,
                    identity.phone,
                    identity.email,
                    identity.website,
                    identity.tax_id,
                    tier,
                    potential * 100,
                    "CNY",
                    min(fit, 5),
                    owner,
                    language,
                    notes,
                    created_at,
                    clock.stamp(updated, self._business_minute())
                    if updated > created
                    else created_at,
                )
            )
            self.c_owner.append(owner)
            self.c_created.append(created)
            self.c_weight.append(weight)
            churned = t + 10_000
            if weight > 0 and not key and rand() < 0.2:
                since = max(created, old_cut)
                churned = since + int(rand() * (t - since))
            self.c_churned.append(churned)
            self.c_tier.append(tier)
            self.c_language.append(identity.language)
            count = self._contacts(
                contacts, contact_id, cid, identity, created, 1 if duplicate else 0
            )
            self.c_contact0.append(contact_id)
            self.c_contacts.append(count)
            contact_id += count
            self._tags(tags, cid, identity, tier, weight, created)
            if len(customers) >= CHUNK:
                self._flush_customers(customers, contacts, tags)
        self._flush_customers(customers, contacts, tags)
        share = 0.015 + 1.5 / n
        total_weight = sum(self.c_weight)
        for cid in sorted(keys):
            self.c_weight[cid] = total_weight * share
        activity = (1.0 + min(w, 30.0) for w in self.c_weight[1:])
        self.c_activity_cum = list(accumulate(activity))

    def _flush_customers(self, customers: list[Row], contacts: list[Row], tags: list[Row]) -> None:
        self._insert(
            "customers",
            "id, kind, name, name_en, industry, source, province, city, address, postal_code, "
            "country, phone, email, website, tax_id, tier, potential_value, currency, "
            "strategic_fit, owner_id, quote_language, notes, created_at, updated_at",
            customers,
        )
        self._insert(
            "contacts",
            "id, customer_id, name, title, buying_role, phone, mobile, email, wechat, "
            "is_primary, notes, created_at, updated_at",
            contacts,
        )
        self._insert("customer_tags", "customer_id, tag_id", tags)
        customers.clear()
        contacts.clear()
        tags.clear()

    def _contacts(
        self, out: list[Row], first_id: int, cid: int, who: _Identity, created: int, fixed: int
    ) -> int:
        """Append the contacts of one customer; the first is the primary one."""
        rand, clock, t = self.rand, self.clock, self.t
        if who.kind == "person":
            stamp = clock.stamp(created, 600)
            out.append(
                (
                    first_id,
                    cid,
                    who.name,
                    None,
                    "decision_maker",
                    None,
                    who.phone,
                    who.email,
                    who.phone if rand() < 0.5 else None,
                    1,
                    None,
                    stamp,
                    stamp,
                )
            )
            return 1
        count = fixed or self.pick_contacts() + 1
        foreign = names.FOREIGN_NAMES.get(who.names or "")
        for k in range(count):
            if foreign is not None and rand() < 0.75:
                first_names, last_names = foreign
                given = first_names[int(rand() * len(first_names))]
                family = last_names[int(rand() * len(last_names))]
                name = f"{given} {family}"
                mail_local = f"{given}.{family}".lower().replace("ü", "ue")
                title, role = names.TITLES_EN[
                    self.pick_title_en_primary() if k == 0 else self.pick_title_en_other()
                ][:2]
                wechat = None
            else:
                name, surname_py, given_py = self._person()
                mail_local = (
                    f"{given_py}.{surname_py}" if rand() < 0.5 else f"{surname_py}{given_py}"
                )
                title, role = names.TITLES[
                    self.pick_title_primary() if k == 0 else self.pick_title_other()
                ][:2]
                wechat_roll = rand()
                wechat = None
                if wechat_roll < 0.25:
                    wechat = f"{surname_py}{given_py}{int(rand() * 10_000)}"
                elif wechat_roll < 0.4:
                    wechat = f"wxid_{int(rand() * 2**48):012x}"
            mobile = self._mobile() if foreign is None and rand() < 0.9 else None
            if wechat is None and mobile is not None and rand() < 0.3:
                wechat = mobile
            phone = f"{who.phone}-{800 + int(rand() * 200)}" if rand() < 0.3 else None
            email = None
            if who.domain is not None and rand() < 0.7:
                email = f"{mail_local}@{who.domain}"
            elif rand() < 0.2:
                domains = names.PUBLIC_MAIL_DOMAINS
                email = (
                    f"{mail_local.replace('.', '')}{int(rand() * 100)}@"
                    f"{domains[int(rand() * len(domains))]}"
                )
            note = "节假日请勿打扰。" if rand() < 0.02 else None
            day = min(t - 1, created + (0 if k == 0 else int(rand() * 400)))
            stamp = clock.stamp(day, self._business_minute())
            out.append(
                (
                    first_id + k,
                    cid,
                    name,
                    title,
                    role,
                    phone,
                    mobile,
                    email,
                    wechat,
                    int(k == 0),
                    note,
                    stamp,
                    stamp,
                )
            )
        return count

    def _tags(
        self, out: list[Row], cid: int, who: _Identity, tier: str, weight: float, created: int
    ) -> None:
        """Tag about 30 % of customers, preferring the tags that fit them."""
        rand = self.rand
        if rand() >= 0.3:
            return
        fitting: list[int] = []
        if tier == "A":
            fitting.append(1)
        if created >= self.t - 180:
            fitting.append(2)
        if created < self.window_start and weight > 0:
            fitting.append(3 if rand() < 0.6 else 9)
        if who.industry == "批发":
            fitting.append(4)
        if who.industry == names.GOVERNMENT:
            fitting.append(5)
        if who.names is not None:
            fitting.append(6)
        if weight == 0:
            fitting.append(7)
        if not fitting or rand() < 0.3:
            fitting.append((8, 10)[int(rand() * 2)])
        for tag in dict.fromkeys(fitting[:2]):
            out.append((cid, tag))

    def _random_customer(self) -> int:
        """A customer id, those with more business more likely."""
        cum = self.c_activity_cum
        return bisect_right(cum, self.rand() * cum[-1], 0, len(cum) - 1) + 1

    def _contact_of(self, cid: int) -> int:
        return self.c_contact0[cid] + int(self.rand() * self.c_contacts[cid])

    def _owner_of(self, cid: int) -> int:
        return self.c_owner[cid] if self.rand() < 0.88 else self.pick_owner() + 1

    # -------------------------------------------------------------------- opportunities

    def _opportunities(self) -> None:
        opportunities: list[Row] = []
        history: list[Row] = []
        audit: list[Row] = []
        for oid in range(1, max(1, round(self.n * 0.5)) + 1):
            opportunities.append(self._opportunity(oid, history, audit))
            if len(opportunities) >= CHUNK:
                self._flush_opportunities(opportunities, history, audit)
        self._flush_opportunities(opportunities, history, audit)

    def _flush_opportunities(
        self, opportunities: list[Row], history: list[Row], audit: list[Row]
    ) -> None:
        self._insert(
            "opportunities",
            "id, customer_id, contact_id, title, amount, currency, stage_id, "
            "probability_override, expected_close, source, owner_id, status, lost_reason_id, "
            "lost_note, competitors, next_step, notes, stage_changed_at, closed_on, created_at, "
            "updated_at",
            opportunities,
        )
        first_history = self.counts.get("opportunity_stage_history", 0) + 1
        self._insert(
            "opportunity_stage_history",
            "id, opportunity_id, from_stage_id, to_stage_id, changed_at, changed_by_id",
            ((first_history + i, *row) for i, row in enumerate(history)),
        )
        first_audit = self.counts.get("audit_log", 0) + 1
        self._insert(
            "audit_log",
            "id, at, actor_id, entity, entity_id, action, field, old_value, new_value, reason",
            ((first_audit + i, *row) for i, row in enumerate(audit)),
        )
        opportunities.clear()
        history.clear()
        audit.clear()

    def _opportunity(self, oid: int, history: list[Row], audit: list[Row]) -> Row:
        rand, rng, clock, t = self.rand, self.rng, self.clock, self.t
        cid = self._random_customer()
        low = self.c_created[cid]
        roll = rand()
        if roll < 0.3:
            status = "open"
            stage = self.pick_open_stage()
            stale_days = names.STAGES[stage][5] or 30
            if rand() < 0.2:  # stale: untouched for longer than the stage allows
                end = t - stale_days - 1 - int(rand() * 90)
            else:
                end = t - 1 - int(rand() * (stale_days - 1))
            start = end - stage * (3 + int(rand() * 12)) - int(rand() * 10)
            start = max(start, low)
            end = max(end, start)
            path = list(range(stage + 1))
        else:
            status = "won" if roll < 0.3 + 0.7 * 0.45 else "lost"
            end = t - 1 - int(rand() ** 1.3 * 900)
            start = end - 7 - int(rand() ** 1.5 * 170)
            start = max(start, low)
            end = max(end, start)
            if status == "won":
                path = [0, 1, 2, 3, 4, 5]
                if rand() < 0.3:
                    path.remove(1 + int(rand() * 3))  # some deals skip a stage
            else:
                lost_from = self.pick_lost_from()
                path = [*range(lost_from + 1), 6]
        # Moments strictly increasing from creation to the current stage.
        first = start * _MOMENT_DAY + int(rand() * 200)
        last = end * _MOMENT_DAY + 400 + int(rand() * 200)
        moments = [first]
        if len(path) > 1:
            moments += sorted(rng.sample(range(first + 1, last), len(path) - 2))
            moments.append(last)
        owner = self._owner_of(cid)
        for i, stage_index in enumerate(path):
            history.append(
                (
                    oid,
                    path[i - 1] + 1 if i else None,
                    stage_index + 1,
                    clock.moment(moments[i]),
                    owner,
                )
            )
        current = path[-1]
        amount = max(1000, round(math.exp(rng.gauss(10.8, 1.1)) / 100) * 100) * 100
        contact = self._contact_of(cid)
        created = date.fromordinal(start)
        year = created.year + (1 if created.month >= 11 else 0)
        title = names.OPPORTUNITY_TITLES[int(rand() * len(names.OPPORTUNITY_TITLES))].format(
            year=year
        )
        override = None
        next_step = None
        lost_reason = None
        lost_note = None
        closed_on = None
        if status == "open":
            expected = end + 7 + int(rand() * 100)
            if rand() < 0.1:
                expected = t - 1 - int(rand() * 30)  # past its expected close
            if rand() < 0.08:
                default = names.STAGES[current][4]
                override = min(100, max(0, default + (-20, -10, 10, 20)[int(rand() * 4)]))
            if rand() < 0.7:
                next_step = names.NEXT_STEPS[int(rand() * len(names.NEXT_STEPS))]
        else:
            expected = end
            closed_on = clock.day(end)
            if status == "lost":
                lost_reason = self.pick_lost_reason() + 1
                if rand() < 0.4:
                    lost_note = names.LOST_NOTES[int(rand() * len(names.LOST_NOTES))]
        competitors = None
        if rand() < 0.25:
            pool = names.COMPETITORS
            picked = dict.fromkeys(pool[int(rand() * len(pool))] for _ in range(2))
            competitors = "、".join(picked)
        notes = "客户要求提供三家比价。" if rand() < 0.05 else None
        self.o_customer.append(cid)
        self.o_contact.append(contact)
        self.o_owner.append(owner)
        self.o_status.append(status)
        self.o_stage.append(current)
        self.o_start.append(start)
        self.o_end.append(end)
        self.o_amount.append(amount)
        changed_at = clock.moment(moments[-1])
        # The audit entries the app writes for the same life (the deal's History… reads them):
        # its creation, then one stage_id change per move, by whoever moved it (the owner);
        # a lost deal's note is the reason of its last move, as PipelineService.move keeps it.
        lost = len(names.STAGES)
        moves = history[-len(path) :]
        audit.append((moves[0][3], owner, "opportunity", oid, "create", None, None, title, None))
        for _oid, from_stage, to_stage, at, _by in moves[1:]:
            note = lost_note if to_stage == lost else None
            audit.append(
                (
                    at,
                    owner,
                    "opportunity",
                    oid,
                    "update",
                    "stage_id",
                    str(from_stage),
                    str(to_stage),
                    note,
                )
            )
        return (
            oid,
            cid,
            contact,
            title,
            amount,
            "CNY",
            current + 1,
            override,
            clock.day(expected),
            names.SOURCES[self.pick_source()][0],
            owner,
            status,
            lost_reason,
            lost_note,
            competitors,
            next_step,
            notes,
            changed_at,
            closed_on,
            clock.moment(first),
            changed_at,
        )

    # ---------------------------------------------------------------------------- quotes

    def _lines(
        self, count: int, tier: str, scale: float, target: int | None, extra_discount: int
    ) -> list[_Line]:
        """Item lines with exact amounts; ``target`` (cents) sizes them to a deal amount."""
        rand = self.rand
        products = names.PRODUCTS
        picked = dict.fromkeys(self.pick_product() for _ in range(count))
        per_line = target // len(picked) if target else 0
        lines: list[_Line] = []
        base_discount = names.TIER_DISCOUNTS[tier]
        for index in picked:
            product = products[index]
            price = self.p_price[index]
            step = product.step
            if per_line:
                raw = per_line * 1000 / price
                limit = product.qty_max * (20 if product.qty_max > 2 else 1) * 1000
                quantity = max(step, min(int(raw / step) * step, limit))
            else:
                units = product.qty_min + (product.qty_max - product.qty_min) * rand() ** 2
                if product.qty_max > 2:
                    units *= scale
                quantity = max(step, int(units * 1000 / step) * step)
            if product.category == names.SERVICES_CATEGORY:
                discount = 0
            else:
                discount = base_discount + extra_discount
            net, tax, total = line_amounts(quantity, price, discount, self.p_tax[index])
            lines.append(
                _Line(
                    index + 1,
                    product.name_zh,
                    quantity,
                    product.unit,
                    price,
                    discount,
                    self.p_tax[index],
                    self.p_cost[index],
                    net,
                    tax,
                    total,
                )
            )
        return lines

    def _quote_customer(self, latest_created: int) -> int:
        """A customer that already existed on ``latest_created`` (the earliest one otherwise)."""
        for _ in range(20):
            cid = self._random_customer()
            if self.c_created[cid] <= latest_created:
                return cid
        return min(range(1, self.n + 1), key=self.c_created.__getitem__)

    def _quote_specs(self) -> list[_Quote]:
        rand, rng, t = self.rand, self.rng, self.t
        total = max(20, round(self.n * 0.05))
        statuses = list(_QUOTE_STATUSES) + rng.choices(
            _QUOTE_STATUSES, weights=_QUOTE_STATUS_WEIGHTS, k=total - len(_QUOTE_STATUSES)
        )
        rng.shuffle(statuses)
        by_kind: dict[str, list[int]] = {"won": [], "lost": [], "late": [], "open": []}
        for index, status in enumerate(self.o_status):
            if status != "open":
                by_kind[status].append(index)
            elif self.o_stage[index] >= 3:
                by_kind["late"].append(index)
            elif self.o_stage[index] == 2:
                by_kind["open"].append(index)
        for candidates in by_kind.values():
            rng.shuffle(candidates)
        # Accepted quotes belong to won deals, rejected to lost, sent and drafts to open ones.
        pool_of = {"accepted": "won", "rejected": "lost", "sent": "late", "draft": "open"}
        specs: list[_Quote] = []
        for status in statuses:
            pool = by_kind.get(pool_of.get(status, ""), [])
            oid0 = pool.pop() if pool else None
            decided: int | None = None
            if status in ("accepted", "rejected"):
                if oid0 is not None:
                    decided = self.o_end[oid0]
                    issue = max(self.o_start[oid0], decided - 3 - int(rand() * 25))
                else:
                    issue = t - 30 - int(rand() * 700)
                    decided = min(t - 1, issue + 2 + int(rand() * 20))
            elif status == "sent":
                issue = t - 1 - int(rand() * 25)
            elif status == "draft":
                issue = t - int(rand() * 10)
            else:
                issue = t - 35 - int(rand() * 500)
            if oid0 is not None:
                cid = self.o_customer[oid0]
                contact = self.o_contact[oid0]
                owner = self.o_owner[oid0]
                issue = max(issue, self.o_start[oid0])
            else:
                cid = self._quote_customer(issue)
                contact = self.c_contact0[cid]
                owner = self._owner_of(cid)
            issue = max(issue, self.c_created[cid])
            if decided is not None:
                decided = max(decided, issue)
            first_issue = None
            if status in ("accepted", "sent", "draft") and rand() < 0.12:
                candidate = issue - 4 - int(rand() * 10)
                if candidate >= self.c_created[cid]:
                    first_issue = candidate
            valid_until = issue + 30
            specs.append(
                _Quote(
                    issue,
                    status,
                    cid,
                    contact,
                    None if oid0 is None else oid0 + 1,
                    owner,
                    valid_until,
                    decided,
                    first_issue,
                )
            )
        specs.sort(key=lambda q: (q.issue if q.first_issue is None else q.first_issue, q.customer))
        return specs

    def _quotes(self) -> None:
        clock, rand = self.clock, self.rand
        quotes: list[Row] = []
        lines: list[Row] = []
        quote_id = 0
        for spec in self._quote_specs():
            numbered_on = spec.issue if spec.first_issue is None else spec.first_issue
            year = date.fromordinal(numbered_on).year
            sequence = self.quote_seq.get(year, 0) + 1
            self.quote_seq[year] = sequence
            number = f"Q-{year}-{sequence:04d}"
            tier = self.c_tier[spec.customer]
            target = None
            if spec.opportunity is not None:
                target = self.o_amount[spec.opportunity - 1]
            count = self.pick_quote_lines() + 1
            scale = 1.0 + min(self.c_weight[spec.customer], 30.0) / 15
            extra = (0, 0, 0, 200, 300, 500)[int(rand() * 6)]
            items = self._lines(count, tier, scale, target, extra)
            section = (
                names.QUOTE_SECTIONS[int(rand() * 3)] if len(items) >= 4 and rand() < 0.3 else None
            )
            language = self.c_language[spec.customer]
            terms = names.QUOTE_TERMS_EN if language == "en" else names.QUOTE_TERMS_ZH
            if spec.first_issue is not None:
                # Revision 1 was sent at a higher price and turned down; revision 2 followed.
                quote_id += 1
                first_items = [_repriced(line, max(0, line.discount - 300)) for line in items]
                sent = clock.stamp(spec.first_issue, self._business_minute())
                quotes.append(
                    self._quote_row(
                        quote_id,
                        number,
                        1,
                        spec._replace(
                            issue=spec.first_issue,
                            status="rejected",
                            valid_until=spec.first_issue + 30,
                            decided=spec.issue,
                        ),
                        language,
                        terms,
                        first_items,
                        sent,
                    )
                )
                self._quote_lines(lines, quote_id, first_items, section)
            quote_id += 1
            sent_at = None
            if spec.status != "draft":
                sent_at = clock.stamp(spec.issue, self._business_minute())
            revision = 1 if spec.first_issue is None else 2
            quotes.append(
                self._quote_row(quote_id, number, revision, spec, language, terms, items, sent_at)
            )
            self._quote_lines(lines, quote_id, items, section)
            if spec.status == "accepted":
                self.accepted[quote_id] = (spec, items)
        self._insert(
            "quotes",
            "id, number, revision, customer_id, contact_id, opportunity_id, owner_id, status, "
            "issue_date, valid_until, currency, exchange_rate, tax_mode, rounding_policy, "
            "language, notes, terms, subtotal, discount_total, tax_total, total, sent_at, "
            "decided_at, created_at, updated_at",
            quotes,
        )
        self._insert(
            "quote_lines",
            "id, quote_id, position, kind, product_id, description, quantity, unit, unit_price, "
            "discount_percent, tax_rate, price_rule_note, manual_price, unit_cost, net_amount, "
            "tax_amount, total_amount",
            ((i, *row) for i, row in enumerate(lines, 1)),
        )

    def _quote_row(
        self,
        quote_id: int,
        number: str,
        revision: int,
        spec: _Quote,
        language: str,
        terms: str,
        items: list[_Line],
        sent_at: str | None,
    ) -> Row:
        clock = self.clock
        subtotal = sum(line.net for line in items)
        gross = sum(round_half_up_div(line.quantity * line.unit_price, 1000) for line in items)
        created = clock.stamp(spec.issue, 540)
        decided = None
        if spec.decided is not None:
            decided = clock.stamp(spec.decided, self._business_minute())
        notes = "含安装调试，运费另计。" if self.rand() < 0.1 else None
        return (
            quote_id,
            number,
            revision,
            spec.customer,
            spec.contact,
            spec.opportunity,
            spec.owner,
            spec.status,
            clock.day(spec.issue),
            clock.day(spec.valid_until),
            *self._currency_of(spec.customer, spec.issue),
            "exclusive",
            "per_line",
            language,
            notes,
            terms,
            subtotal,
            gross - subtotal,
            sum(line.tax for line in items),
            sum(line.total for line in items),
            sent_at,
            decided,
            created,
            decided or sent_at or created,
        )

    def _quote_lines(
        self, out: list[Row], quote_id: int, items: list[_Line], section: str | None
    ) -> None:
        position = 0
        if section is not None:
            position = 1
            out.append(
                (quote_id, 1, "section", None, section, 0, None, 0, 0, 0, None, 0, None, 0, 0, 0)
            )
        for line in items:
            position += 1
            note = f"客户价 -{line.discount // 100}%" if line.discount else None
            out.append(
                (
                    quote_id,
                    position,
                    "item",
                    line.product_id,
                    line.description,
                    line.quantity,
                    line.unit,
                    line.unit_price,
                    line.discount,
                    line.tax_rate,
                    note,
                    0,
                    line.unit_cost,
                    line.net,
                    line.tax,
                    line.total,
                )
            )

    # ---------------------------------------------------------------------------- orders

    def _order_days(self) -> tuple[list[float], float]:
        """Cumulative seasonal weights of the order days, window start to yesterday."""
        start = self.window_start
        weights = [
            _order_day_weight(date.fromordinal(o), (o - start) / 365.25)
            for o in range(start, self.t)
        ]
        cum = list(accumulate(weights))
        return cum, cum[-1]

    def _orders(self) -> None:
        rand = self.rand
        total = max(1, round(self.n * 0.8))
        buyers = [cid for cid in range(1, self.n + 1) if self.c_weight[cid] > 0] or list(
            range(1, self.n + 1)
        )
        buyer_cum = list(accumulate(max(self.c_weight[cid], 0.5) for cid in buyers))
        day_cum, day_total = self._order_days()
        start, hi = self.window_start, len(day_cum) - 1
        specs: list[tuple[int, int, int]] = [
            (spec.decided or spec.issue, spec.customer, quote_id)
            for quote_id, (spec, _) in self.accepted.items()
        ]
        created, churned = self.c_created, self.c_churned
        buyers_hi, buyers_total = len(buyers) - 1, buyer_cum[-1]
        for _ in range(max(0, total - len(specs))):
            # Draw customer and day together and keep pairs when the customer was buying:
            # each customer's orders then spread over its own lifetime, in season.
            for _attempt in range(100):
                cid = buyers[bisect_right(buyer_cum, rand() * buyers_total, 0, buyers_hi)]
                day = start + bisect_right(day_cum, rand() * day_total, 0, hi)
                if created[cid] <= day <= churned[cid]:
                    break
            else:
                day = min(max(day, created[cid]), self.t - 1)
            specs.append((day, cid, 0))
        specs.sort()
        orders: list[Row] = []
        lines: list[Row] = []
        for order_id, (day, cid, quote_id) in enumerate(specs, 1):
            orders.append(self._order(order_id, day, cid, quote_id, lines))
            if len(orders) >= CHUNK:
                self._flush_orders(orders, lines)
        self._flush_orders(orders, lines)

    def _flush_orders(self, orders: list[Row], lines: list[Row]) -> None:
        self._insert(
            "orders",
            "id, number, customer_id, quote_id, opportunity_id, owner_id, order_date, status, "
            "currency, exchange_rate, tax_mode, rounding_policy, subtotal, tax_total, total, "
            "cost_total, subtotal_base, tax_total_base, total_base, cost_total_base, "
            "payment_terms, source, notes, created_at, updated_at",
            orders,
        )
        self._insert(
            "order_lines",
            "id, order_id, position, product_id, description, quantity, unit_price, "
            "discount_percent, tax_rate, unit_cost, net_amount, tax_amount, total_amount, "
            "net_amount_base",
            lines,
        )
        self._insert(
            "deliveries", "id, order_id, number, delivery_date, created_at", self.deliveries
        )
        self._insert(
            "delivery_lines", "id, delivery_id, order_line_id, quantity", self.delivery_lines
        )
        self._insert(
            "invoices",
            "id, order_id, customer_id, number, invoice_date, due_date, currency, "
            "exchange_rate, net_amount, tax_amount, amount, net_amount_base, tax_amount_base, "
            "amount_base, created_at",
            self.invoices,
        )
        self._insert(
            "payments",
            "id, customer_id, kind, payment_date, amount, currency, exchange_rate, amount_base, "
            "method, reference, created_at",
            self.payments,
        )
        self._insert(
            "payment_allocations",
            "id, payment_id, invoice_id, amount, amount_base, collected_base",
            self.allocations,
        )
        for rows in (
            orders,
            lines,
            self.deliveries,
            self.delivery_lines,
            self.invoices,
            self.payments,
            self.allocations,
        ):
            rows.clear()

    def _currency_of(self, cid: int, day: int) -> tuple[str, int]:
        """A few customers buy in US dollars, at the rate of the document's day."""
        return ("USD", self._usd_rate(day)) if cid % 53 == 7 else ("CNY", 1_000_000)

    def _usd_rate(self, day: int) -> int:
        """The demo's USD rate (millionths of CNY) from the first of ``day``'s month: a slow
        deterministic drift around 7.1, entered monthly (see :meth:`_exchange_rates`)."""
        first = date.fromordinal(day).replace(day=1)
        months = first.year * 12 + first.month
        return 7_100_000 + ((months * 37_919) % 120_000) - 60_000

    def _exchange_rates(self) -> None:
        """Monthly USD rates over the orders' whole window."""
        first = date.fromordinal(self.window_start - 62).replace(day=1)
        last = date.fromordinal(self.t)
        rows: list[Row] = []
        day = first
        while day <= last:
            rows.append((len(rows) + 1, "USD", day.isoformat(), self._usd_rate(day.toordinal())))
            day = (day.replace(day=28) + timedelta(days=4)).replace(day=1)
        self._insert("exchange_rates", "id, currency, rate_date, rate", rows)

    def _settle(
        self,
        order_id: int,
        number: str,
        day: int,
        cid: int,
        first_line: int,
        items: Sequence[Any],
        state: str,
        paid: int,
        paid_on: str | None,
        money: tuple[str, int, int, int, int],
        stamp: str,
    ) -> None:
        """The deliveries, invoice and payment the order's ``state`` implies."""
        clock = self.clock
        currency, rate, subtotal, _tax_total, total = money
        if state in ("draft", "cancelled"):
            return
        if state == "confirmed":
            self._payment(order_id, number, cid, paid, paid_on, currency, rate, stamp)
            return
        delivery_id = len(self.deliveries) + self.counts.get("deliveries", 0) + 1
        self.deliveries.append((delivery_id, order_id, "DN" + number[2:], clock.day(day), stamp))
        first_id = len(self.delivery_lines) + self.counts.get("delivery_lines", 0) + 1
        for position, line in enumerate(items):
            if state == "partly_delivered" and position > 0:
                break
            quantity = line.quantity if state != "partly_delivered" else max(1, line.quantity // 2)
            self.delivery_lines.append(
                (first_id + position, delivery_id, first_line + position, quantity)
            )
        if state in ("partly_delivered", "delivered"):
            self._payment(order_id, number, cid, paid, paid_on, currency, rate, stamp)
            return
        amount = total if state != "partly_invoiced" else total * 60 // 100
        net = subtotal if amount == total else round_half_up_div(amount * subtotal, total)
        tax = amount - net
        net_base = round_half_up_div(net * rate, 1_000_000)
        tax_base = round_half_up_div(tax * rate, 1_000_000)
        invoice_id = len(self.invoices) + self.counts.get("invoices", 0) + 1
        self.invoices.append(
            (
                invoice_id,
                order_id,
                cid,
                f"{44_000_000 + order_id:08d}",
                clock.day(day),
                clock.day(day + 30),
                currency,
                rate,
                net,
                tax,
                amount,
                net_base,
                tax_base,
                net_base + tax_base,
                stamp,
            )
        )
        payment_id = self._payment(order_id, number, cid, paid, paid_on, currency, rate, stamp)
        if payment_id is None:
            return
        applied = min(paid, amount)
        allocation_id = len(self.allocations) + self.counts.get("payment_allocations", 0) + 1
        self.allocations.append(
            (
                allocation_id,
                payment_id,
                invoice_id,
                applied,
                round_half_up_div(applied * rate, 1_000_000),
                round_half_up_div(applied * rate, 1_000_000),
            )
        )

    def _payment(
        self,
        order_id: int,
        number: str,
        cid: int,
        paid: int,
        paid_on: str | None,
        currency: str,
        rate: int,
        stamp: str,
    ) -> int | None:
        """The customer's payment for an order (its id), if any was made."""
        if not paid or paid_on is None:
            return None
        payment_id = len(self.payments) + self.counts.get("payments", 0) + 1
        method = ("bank_transfer", "bank_transfer", "wechat", "alipay", "cheque", "cash")
        self.payments.append(
            (
                payment_id,
                cid,
                "receipt",
                paid_on,
                paid,
                currency,
                rate,
                round_half_up_div(paid * rate, 1_000_000),
                method[order_id % len(method)],
                number,
                stamp,
            )
        )
        return payment_id

    def _order(self, order_id: int, day: int, cid: int, quote_id: int, out: list[Row]) -> Row:
        rand, clock, t = self.rand, self.clock, self.t
        opportunity = None
        if quote_id:
            spec, items = self.accepted[quote_id]
            owner = spec.owner
            opportunity = spec.opportunity
            source = "quote"
        else:
            count = self.pick_order_lines() + 1
            scale = 1.0 + min(self.c_weight[cid], 30.0) / 15
            extra = (0, 0, 0, 0, 0, 100, 200, 300, 500)[int(rand() * 9)]
            items = self._lines(count, self.c_tier[cid], scale, None, extra)
            owner = self.c_owner[cid]
            source = "demo"
        year = date.fromordinal(day).year
        sequence = self.order_seq.get(year, 0) + 1
        self.order_seq[year] = sequence
        subtotal = tax_total = total = cost_total = 0
        currency, rate = self._currency_of(cid, day)
        first_line = self.counts.get("order_lines", 0) + len(out) + 1
        for position, line in enumerate(items, 1):
            out.append(
                (
                    first_line + position - 1,
                    order_id,
                    position,
                    line.product_id,
                    line.description,
                    line.quantity,
                    line.unit_price,
                    line.discount,
                    line.tax_rate,
                    line.unit_cost,
                    line.net,
                    line.tax,
                    line.total,
                    round_half_up_div(line.net * rate, 1_000_000),
                )
            )
            subtotal += line.net
            tax_total += line.tax
            total += line.total
            cost_total += round_half_up_div(line.quantity * line.unit_cost, 1000)
        age = t - day
        roll = rand()
        if roll < 0.03:
            status, payment = "cancelled", "unpaid"
        elif age > 45:
            status = "completed"
            payment = "paid" if roll < 0.95 else "partial" if roll < 0.98 else "unpaid"
        elif age > 14:
            status = "completed" if roll < 0.6 else "shipped"
            payment = "paid" if roll < 0.6 else "partial" if roll < 0.8 else "unpaid"
        else:
            status = "open" if roll < 0.5 else "shipped"
            payment = "paid" if roll < 0.15 else "partial" if roll < 0.3 else "unpaid"
        paid = 0
        paid_on = None
        if payment == "paid":
            paid = total
        elif payment == "partial":
            paid = total * (30 + int(rand() * 41)) // 100
        if paid:
            paid_day = day if age <= 14 else min(t - 1, day + int(rand() ** 2 * 60))
            paid_on = clock.day(paid_day)
        state = self._state(order_id, status, payment, age)
        if state == "paid" and 45 < age <= 150 and order_id % 6 == 0:
            state, paid = "invoiced", 0  # a late payer: overdue by one to four months
        created_at = clock.stamp(day, self._business_minute())
        updated_at = (
            clock.stamp(min(t - 1, day + 3 + int(rand() * 10)), 600) if age > 14 else created_at
        )
        base = (
            round_half_up_div(subtotal * rate, 1_000_000),
            round_half_up_div(tax_total * rate, 1_000_000),
        )
        if status != "cancelled":
            follow_up = day >= t - 100 and rand() < 0.6
            if state != "draft":
                if day > self.cutoff_12m:
                    self.revenue_12m[cid] = self.revenue_12m.get(cid, 0) + sum(base)
                month = date.fromordinal(day)
                key = (owner, month.year, month.month)
                self.revenue_by_owner_month[key] = self.revenue_by_owner_month.get(key, 0) + sum(
                    base
                )
                if follow_up:
                    self.follow_ups.append((order_id, cid, day, owner))
        notes = names.ORDER_NOTES[int(rand() * len(names.ORDER_NOTES))] if rand() < 0.06 else None
        number = f"SO-{year}-{sequence:05d}"
        self._settle(
            order_id,
            number,
            day,
            cid,
            first_line,
            items,
            state,
            paid,
            paid_on,
            (currency, rate, subtotal, tax_total, total),
            created_at,
        )
        return (
            order_id,
            number,
            cid,
            quote_id or None,
            opportunity,
            owner,
            clock.day(day),
            state,
            currency,
            rate,
            "exclusive",
            "per_line",
            subtotal,
            tax_total,
            total,
            cost_total,
            *base,
            sum(base),
            round_half_up_div(cost_total * rate, 1_000_000),
            "net30",
            source,
            notes,
            created_at,
            updated_at,
        )

    def _state(self, order_id: int, status: str, payment: str, age: int) -> str:
        """The life-cycle state of a demo order: invoiced once completed or paid for, paid in
        full when paid. The recent ones not paid in full take the early states in turn
        (draft, confirmed, partly delivered, delivered, and invoiced every other time; a part
        paid before invoicing is a prepayment, the customer's credit); a counter, not the
        random stream, chooses, so every other figure stays as it was."""
        if status == "cancelled":
            return "cancelled"
        if payment != "paid" and age <= 120:
            early = (
                "draft",
                "invoiced",
                "confirmed",
                "invoiced",
                "partly_delivered",
                "invoiced",
                "delivered",
                "invoiced",
            )
            self.recent_unpaid += 1
            return early[(self.recent_unpaid - 1) % len(early)]
        if status == "completed" or payment != "unpaid":
            if payment == "paid":
                return "paid"
            return "partly_invoiced" if order_id % 4 == 0 else "invoiced"
        return "delivered"

    # ------------------------------------------------------------------------ activities

    def _activities(self) -> None:
        chain = self._follow_up_chains()
        self._insert("activities", _ACTIVITY_COLUMNS, chain)
        planned = max(0, self.n * 10 - self.counts.get("activities", 0))
        first = self.counts.get("activities", 0) + 1
        self._insert("activities", _ACTIVITY_COLUMNS, self._generic_activities(first, planned))

    def _follow_up_chains(self) -> list[Row]:
        """The after-order plan's three steps for recent orders, each linked to the last."""
        rand, clock, t = self.rand, self.clock, self.t
        rows: list[Row] = []
        activity_id = 0
        for _order_id, cid, day, owner in self.follow_ups:
            previous = None
            contact = self.c_contact0[cid]
            for offset, kind, subject, survey in names.FOLLOW_UP_STEPS:
                activity_id += 1
                due = day + offset
                minute = 540 + 30 * int(rand() * 17)
                done_at = None
                outcome = None
                if due < t and rand() < 0.88:
                    done_day = min(t - 1, due + int(rand() ** 3 * 4))
                    done_at = clock.stamp(done_day, minute + 30)
                    outcome = (
                        names.ACTIVITY_OUTCOMES[3]
                        if offset < 30
                        else names.ACTIVITY_OUTCOMES[int(rand() * len(names.ACTIVITY_OUTCOMES))]
                    )
                    if survey and rand() < 0.7:
                        self.surveys.append((cid, contact, activity_id, owner, done_day))
                    if done_day >= t - 365:
                        self.done_last_year[owner] = self.done_last_year.get(owner, 0) + 1
                created_at = clock.stamp(day, 600)
                rows.append(
                    (
                        activity_id,
                        kind,
                        subject,
                        None,
                        clock.stamp(due, minute),
                        0,
                        15,
                        done_at,
                        outcome,
                        owner,
                        cid,
                        contact,
                        None,
                        None,
                        None,
                        None,
                        None,
                        None,
                        previous,
                        1,
                        int(survey),
                        created_at,
                        done_at or created_at,
                    )
                )
                previous = activity_id
        return rows

    def _generic_activities(self, first: int, count: int) -> Iterator[Row]:
        """The bulk of the tasks: mostly done, some overdue, some today, some planned.

        This is the million-row loop at full scale, so the helpers are inlined.
        """
        rand, t, pick_owner = self.rand, self.t, self.pick_owner
        days, times, day0 = self.clock.days, self.clock.times, self.clock.first
        durations: dict[str, tuple[int, ...]] = {
            "visit": (60, 90, 120),
            "meeting": (30, 60, 90),
            "call": (10, 15, 30),
            "demo": (60, 90),
        }
        kinds = [
            (kind, subjects, kind in ("todo", "email"), durations.get(kind))
            for kind, _, subjects in names.ACTIVITY_KINDS
        ]
        kind_cum = list(accumulate(weight for _, weight, _ in names.ACTIVITY_KINDS))
        kind_total, kind_hi = kind_cum[-1], len(kind_cum) - 1
        cum = self.c_activity_cum
        cum_total, cum_hi = cum[-1], len(cum) - 1
        c_created, c_owner = self.c_created, self.c_owner
        c_contact0, c_contacts = self.c_contact0, self.c_contacts
        o_customer, o_contact, o_start = self.o_customer, self.o_contact, self.o_start
        n_opportunities = len(o_customer)
        notes_pool, outcomes = names.ACTIVITY_NOTES, names.ACTIVITY_OUTCOMES
        done_last_year = self.done_last_year
        oldest = t - 730
        last_year = t - 365
        until = self.clock.day(t + 180)
        for activity_id in range(first, first + count):
            opportunity: int | None = None
            contact: int | None = None
            if rand() < 0.15:
                oid0 = int(rand() * n_opportunities)
                opportunity = oid0 + 1
                cid = o_customer[oid0]
                contact = o_contact[oid0]
                low = o_start[oid0]
            else:
                cid = bisect_right(cum, rand() * cum_total, 0, cum_hi) + 1
                if rand() < 0.7:
                    contact = c_contact0[cid] + int(rand() * c_contacts[cid])
                low = c_created[cid]
            kind, subjects, all_day, duration = kinds[
                bisect_right(kind_cum, rand() * kind_total, 0, kind_hi)
            ]
            minute = 540 if all_day else 540 + 30 * int(rand() * 17)
            assignee = c_owner[cid] if rand() < 0.88 else pick_owner() + 1
            done_at = None
            outcome = None
            remind_at = None
            unit = interval = recurrence_until = None
            state = rand()
            if state < 0.84:
                low = max(low, oldest)
                due = t - 1 - int(rand() ** 1.6 * (t - 1 - low)) if low < t - 1 else t - 1
                done_day = due if rand() < 0.75 else min(t - 1, due + 1 + int(rand() * 3))
                done_at = days[done_day - day0] + times[min(minute + 60, 1079) - 480]
                if rand() < 0.7:
                    outcome = outcomes[int(rand() * len(outcomes))]
                if done_day >= last_year:
                    done_last_year[assignee] = done_last_year.get(assignee, 0) + 1
            elif state < 0.885:  # overdue: not done, due before today
                due = max(t - 1 - int(rand() ** 2 * 45), c_created[cid])
            elif state < 0.895:
                due = t
            else:
                due = t + 1 + int(rand() ** 1.5 * 60)
                if rand() < 0.01:
                    unit = ("week", "month")[int(rand() * 2)]
                    interval = 1 + int(rand() * 2)
                    recurrence_until = until
            if done_at is None and not all_day and rand() < 0.5:
                remind_at = days[due - day0] + times[minute - (15, 30)[int(rand() * 2)] - 480]
            created_day = max(min(due, t - 1) - int(rand() * 10), c_created[cid])
            created_at = days[created_day - day0] + times[int(rand() * 60)]
            yield (
                activity_id,
                kind,
                subjects[int(rand() * len(subjects))],
                notes_pool[int(rand() * len(notes_pool))] if rand() < 0.15 else None,
                days[due - day0] + times[minute - 480],
                int(all_day),
                None if duration is None else duration[int(rand() * len(duration))],
                done_at,
                outcome,
                assignee,
                cid,
                contact,
                opportunity,
                remind_at,
                None,
                unit,
                interval,
                recurrence_until,
                None,
                None,
                0,
                created_at,
                done_at or created_at,
            )

    # ---------------------------------------------------------------------- interactions

    def _interactions(self) -> None:
        rand, t, pick_owner, pick_score = self.rand, self.t, self.pick_owner, self.pick_score
        days, times, day0 = self.clock.days, self.clock.times, self.clock.first
        kinds = names.INTERACTION_KINDS
        kind_cum = list(accumulate(weight for _, weight, _ in kinds))
        kind_total, kind_hi = kind_cum[-1], len(kind_cum) - 1
        # Per kind, per template, every rendering (one if the template names no product).
        pools = [
            [
                [template.format(product=p.name_zh) for p in names.PRODUCTS]
                if "{product}" in template
                else [template]
                for template in templates
            ]
            for _, _, templates in kinds
        ]
        cum = self.c_activity_cum
        cum_total, cum_hi = cum[-1], len(cum) - 1
        c_created, c_owner = self.c_created, self.c_owner
        c_contact0, c_contacts = self.c_contact0, self.c_contacts
        oldest = t - 1095

        def rows() -> Iterator[Row]:
            for interaction_id in range(1, self.n * 2 + 1):
                cid = bisect_right(cum, rand() * cum_total, 0, cum_hi) + 1
                index = bisect_right(kind_cum, rand() * kind_total, 0, kind_hi)
                kind = kinds[index][0]
                templates = pools[index]
                variants = templates[int(rand() * len(templates))]
                low = max(c_created[cid], oldest)
                day = t - 1 - int(rand() ** 1.5 * (t - 1 - low)) if low < t - 1 else t - 1
                stamp = days[day - day0] + times[60 + int(rand() * 540)]
                score = None
                if kind == "feedback" and rand() < 0.75:
                    score = pick_score() + 1
                contact = None
                if rand() < 0.8:
                    contact = c_contact0[cid] + int(rand() * c_contacts[cid])
                owner = c_owner[cid] if rand() < 0.88 else pick_owner() + 1
                yield (
                    interaction_id,
                    cid,
                    contact,
                    owner,
                    kind,
                    stamp,
                    variants[int(rand() * len(variants))],
                    score,
                    stamp,
                    stamp,
                )

        self._insert(
            "interactions",
            "id, customer_id, contact_id, salesperson_id, kind, occurred_at, summary, "
            "satisfaction, created_at, updated_at",
            rows(),
        )

    def _surveys(self) -> None:
        rand, clock, t = self.rand, self.clock, self.t
        surveys = list(self.surveys)
        for cid in range(1, self.n + 1):
            if self.c_weight[cid] > 0 and rand() < 0.03:
                day = self._days_after(self.c_created[cid], 365)
                surveys.append((cid, self.c_contact0[cid], None, self.c_owner[cid], day))

        def rows() -> Iterator[Row]:
            for survey_id, (cid, contact, activity, owner, day) in enumerate(surveys, 1):
                score = self.pick_score() + 1
                nps = min(10, max(0, 2 * score + int(rand() * 3) - 1))
                comments = None
                if rand() < 0.6:
                    comments = names.SURVEY_COMMENTS[int(rand() * len(names.SURVEY_COMMENTS))]
                stamp = clock.stamp(min(day, t - 1), self._business_minute())
                yield (
                    survey_id,
                    cid,
                    contact,
                    activity,
                    owner,
                    clock.day(day),
                    score,
                    nps,
                    comments,
                    stamp,
                    stamp,
                )

        self._insert(
            "satisfaction_surveys",
            "id, customer_id, contact_id, activity_id, salesperson_id, surveyed_on, score, nps, "
            "comments, created_at, updated_at",
            rows(),
        )

    # ------------------------------------------------------------------ plans and targets

    def _plans_and_targets(self) -> None:
        rand, clock, t = self.rand, self.clock, self.t
        year = self.today.year
        this_year = clock.stamp(min(date(year, 1, 5).toordinal(), t - 1), 600)
        last_year = clock.stamp(date(year - 1, 1, 5).toordinal(), 600)
        top = sorted(self.revenue_12m.items(), key=lambda item: (-item[1], item[0]))[:8]
        plans: list[Row] = []
        for rank, (cid, revenue) in enumerate(top):
            pick = int(rand() * 3)
            target = max(10_000_000, round(revenue * 1.2 / 1_000_000) * 1_000_000)
            plans.append(
                (
                    len(plans) + 1,
                    cid,
                    self.c_owner[cid],
                    year,
                    "active",
                    names.ACCOUNT_PLAN_OBJECTIVES[pick],
                    names.ACCOUNT_PLAN_STRATEGIES[pick],
                    names.ACCOUNT_PLAN_RISKS[pick],
                    target,
                    this_year,
                    this_year,
                )
            )
            if rank < 3:
                plans.append(
                    (
                        len(plans) + 1,
                        cid,
                        self.c_owner[cid],
                        year - 1,
                        "closed",
                        names.ACCOUNT_PLAN_OBJECTIVES[(pick + 1) % 3],
                        names.ACCOUNT_PLAN_STRATEGIES[(pick + 1) % 3],
                        names.ACCOUNT_PLAN_RISKS[(pick + 1) % 3],
                        max(10_000_000, round(revenue / 1_000_000) * 1_000_000),
                        last_year,
                        last_year,
                    )
                )
        self._insert(
            "account_plans",
            "id, customer_id, owner_id, year, status, objectives, strategy, risks, "
            "target_revenue, created_at, updated_at",
            plans,
        )
        targets: list[Row] = []
        company = [0] * 12
        for salesperson in range(1, self.n_sales + 1):
            growth = 1.08 + rand() * 0.17
            for month in range(1, 13):
                base = self.revenue_by_owner_month.get((salesperson, year - 1, month), 0)
                value = max(1_000_000, round(base * growth / 1_000_000) * 1_000_000)
                company[month - 1] += value
                targets.append(
                    (
                        salesperson,
                        "month",
                        clock.day(date(year, month, 1).toordinal()),
                        "revenue",
                        value,
                    )
                )
        for month in range(1, 13):
            targets.append(
                (
                    None,
                    "month",
                    clock.day(date(year, month, 1).toordinal()),
                    "revenue",
                    company[month - 1],
                )
            )
        targets.append(
            (None, "year", clock.day(date(year, 1, 1).toordinal()), "revenue", sum(company))
        )
        month_starts = [date(self.today.year, self.today.month, 1)]
        month_starts.append(
            date(year + 1, 1, 1) if self.today.month == 12 else date(year, self.today.month + 1, 1)
        )
        for salesperson in range(2, self.n_sales + 1):
            monthly = self.done_last_year.get(salesperson, 0) * 1.1 / 12
            for start in month_starts:
                targets.append(
                    (
                        salesperson,
                        "month",
                        clock.day(start.toordinal()),
                        "activities",
                        max(20, round(monthly)) * 100,
                    )
                )
        self._insert(
            "targets",
            "id, salesperson_id, period_kind, period_start, metric, value, created_at, updated_at",
            ((i, *row, this_year, this_year) for i, row in enumerate(targets, 1)),
        )

    # ---------------------------------------------------------------------- summary rows

    def _customer_stats(self) -> None:
        result = self._conn.exec_driver_sql(
            _CUSTOMER_STATS_SQL, (self.clock.day(self.cutoff_12m), self.clock.stamp(self.t, 480))
        )
        self.counts["customer_stats"] = result.rowcount
        self._progress.advance("customer_stats", self.n)

    def _sequences(self) -> None:
        rows = [(f"quote:{year}", value) for year, value in sorted(self.quote_seq.items())]
        rows += [(f"order:{year}", value) for year, value in sorted(self.order_seq.items())]
        self._conn.exec_driver_sql(
            "INSERT INTO number_sequences (scope, last_value) VALUES (?, ?) "
            "ON CONFLICT (scope) DO UPDATE SET last_value = excluded.last_value",
            rows,
        )
        self.counts["number_sequences"] = len(rows)


_BULK_TABLES = (
    "'customers', 'contacts', 'customer_tags', 'opportunities', 'opportunity_stage_history', "
    "'audit_log', "
    "'quotes', 'quote_lines', 'orders', 'order_lines', 'activities', 'interactions', "
    "'satisfaction_surveys'"
)
# Non-unique indexes only: unique ones stay and keep guarding the data while it loads.
_BULK_INDEX_FILTER = (
    f"FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
    f"AND sql NOT LIKE 'CREATE UNIQUE%' AND tbl_name IN ({_BULK_TABLES}) ORDER BY name"
)
_BULK_INDEXES_SQL = f"SELECT sql {_BULK_INDEX_FILTER}"
_BULK_INDEX_NAMES_SQL = f"SELECT name {_BULK_INDEX_FILTER}"

_ACTIVITY_COLUMNS = (
    "id, kind, subject, notes, due_at, all_day, duration_minutes, done_at, outcome, "
    "assignee_id, customer_id, contact_id, opportunity_id, remind_at, reminded_at, "
    "recurrence_unit, recurrence_interval, recurrence_until, previous_id, follow_up_plan_id, "
    "with_survey, created_at, updated_at"
)

# Pre-aggregate each child table once, then join: one pass per table, not per customer.
_CUSTOMER_STATS_SQL = """
INSERT INTO customer_stats (customer_id, first_order_date, last_order_date, orders_count,
    revenue_lifetime, revenue_12m, open_pipeline, open_tasks, last_interaction_at, refreshed_at)
SELECT c.id, o.first_date, o.last_date, coalesce(o.n, 0), coalesce(o.revenue, 0),
       coalesce(o.revenue_12m, 0), coalesce(p.amount, 0), coalesce(a.n, 0), i.last_at, ?2
FROM customers AS c
LEFT JOIN (SELECT customer_id, min(order_date) AS first_date, max(order_date) AS last_date,
                  count(*) AS n, sum(subtotal_base) AS revenue,
                  sum(CASE WHEN order_date > ?1 THEN subtotal_base ELSE 0 END) AS revenue_12m
           FROM orders WHERE status NOT IN ('cancelled', 'draft') GROUP BY customer_id) AS o
       ON o.customer_id = c.id
LEFT JOIN (SELECT customer_id, sum(amount) AS amount FROM opportunities
           WHERE status = 'open' AND deleted_at IS NULL GROUP BY customer_id) AS p
       ON p.customer_id = c.id
LEFT JOIN (SELECT customer_id, count(*) AS n FROM activities
           WHERE done_at IS NULL AND deleted_at IS NULL AND customer_id IS NOT NULL
           GROUP BY customer_id) AS a
       ON a.customer_id = c.id
LEFT JOIN (SELECT customer_id, max(occurred_at) AS last_at FROM interactions
           GROUP BY customer_id) AS i
       ON i.customer_id = c.id
ORDER BY c.id
"""
