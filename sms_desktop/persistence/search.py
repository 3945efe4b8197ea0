"""Customer search: two FTS5 indexes over customers and their contacts, kept in step by flushes.

On PostgreSQL (the team edition) the trigram documents live in a plain table of the same name
with a ``pg_trgm`` GIN index, searched with ``LIKE``; there is no words table yet, so a 1–2
character term is a substring there too (not a token prefix as on SQLite).

``customer_search_trigram`` (trigram tokenizer) answers terms of 3+ characters as substrings;
``customer_search_words`` (unicode61, every CJK character its own token) answers 1–2 character
terms: a CJK term as a phrase of single characters, anything else as a token prefix. Both hold
one document per customer (rowid = ``customers.id``) with the names, ids, phones (also as bare
digits), e-mails, WeChat ids, notes and the pinyin of Chinese names (full and initials).
Soft-deleted customers stay indexed (lists filter ``deleted_at`` themselves, the trash may
search); soft-deleted contacts are left out of their customer's document.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import cache, lru_cache
from itertools import islice
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Integer,
    String,
    and_,
    bindparam,
    column,
    event,
    func,
    inspect,
    literal_column,
    select,
    table,
)
from sqlalchemy.orm import QueryableAttribute, Session, UOWTransaction, sessionmaker

from sms_desktop.persistence.dialect import driver_sql, is_sqlite
from sms_desktop.persistence.sql import by_dialect

TRIGRAM_TABLE = "customer_search_trigram"
WORDS_TABLE = "customer_search_words"
_SHADOW_SUFFIXES = ("data", "idx", "content", "docsize", "config")
SEARCH_TABLE_NAMES: frozenset[str] = frozenset(
    {TRIGRAM_TABLE, WORDS_TABLE}
    | {f"{t}_{s}" for t in (TRIGRAM_TABLE, WORDS_TABLE) for s in _SHADOW_SUFFIXES}
)

# The most customers a 1–2 character term with punctuation (e.g. "%", "_x") may select: it
# is answered by a substring scan of the documents, which LIMIT keeps bounded.
LITERAL_SCAN_LIMIT = 500
# Terms after this many distinct ones are ignored: a pasted paragraph stays one quick query
# (SQLite also caps expression depth at 1000).
MAX_TERMS = 32

_CHUNK = 2000  # customers per SELECT / executemany while indexing
_IN_CHUNK = 500  # ids per IN (…) list

_CUSTOMER_COLUMNS = ("name", "name_en", "tax_id", "phone", "email", "notes")
_CONTACT_COLUMNS = ("name", "phone", "mobile", "email", "wechat")
# Attributes whose change alters a document; other edits (a contact's title …) cost nothing.
_CUSTOMER_WATCHED = _CUSTOMER_COLUMNS
_CONTACT_WATCHED = (*_CONTACT_COLUMNS, "deleted_at", "customer_id", "customer")

# Control characters would end an FTS5 query string early (NUL) and lone surrogates cannot be
# encoded; both become spaces, in documents and queries alike.
_UNSEARCHABLE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_CJK_CLASS = (
    "[\u2e80-\u2fdf\u3005-\u3007\u3040-\u30ff\u3100-\u312f\u3190-\u31ff\u3400-\u4dbf"
    "\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\U00020000-\U0003134f]"
)
_CJK_CHAR = re.compile(_CJK_CLASS)
_CJK_RUN = re.compile(_CJK_CLASS + "+")
_HAN = re.compile("[\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
_PHONE_LIKE = re.compile(r"[0-9+\-().\s/]+")
_NON_DIGITS = re.compile(r"\D+")  # \d is every Unicode decimal digit

_TRIGRAM = table(TRIGRAM_TABLE, column("rowid", Integer), column("doc", String))
SERVER_TRIGRAM_INDEX = "ix_customer_search_trigram_doc"
_WORDS = table(WORDS_TABLE, column("rowid", Integer))


def include_name(name: str | None, type_: str, parent_names: Any) -> bool:
    """Alembic ``include_name`` hook: the FTS tables and their shadow tables are not models."""
    return not (type_ == "table" and name in SEARCH_TABLE_NAMES)


LIKE_ESCAPE = "\\"


def contains_pattern(text: str) -> str:
    """A LIKE pattern matching ``text`` anywhere, its ``%``, ``_`` and ``\\`` taken literally
    (use with ``escape=LIKE_ESCAPE``; portable to PostgreSQL)."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def normalize_phone(text: str) -> str:
    """The decimal digits of ``text`` in ASCII (full-width too): ``+86 138-1234`` → 861381234."""
    digits = _NON_DIGITS.sub("", text)
    if digits.isascii():
        return digits
    return "".join(str(unicodedata.decimal(ch)) for ch in digits)


def _clean(text: str) -> str:
    """NFKC (full-width letters and digits become ASCII), lower case, no control characters."""
    return _UNSEARCHABLE.sub(" ", unicodedata.normalize("NFKC", text)).lower()


# --------------------------------------------------------------------------------- pinyin


@lru_cache(maxsize=1 << 16)
def _word_syllables(word: str) -> tuple[str, ...]:
    """The toneless pinyin of one segmented word; words repeat (有限公司, 王), so cache them."""
    from pypinyin import Style, lazy_pinyin

    return tuple(lazy_pinyin(word, style=Style.NORMAL))


@cache
def _segmenter() -> tuple[re.Pattern[str], Callable[[str], Iterable[str]]]:
    """pypinyin's pattern of Han runs (as a split pattern) and its word segmenter."""
    from pypinyin.constants import RE_HANS
    from pypinyin.seg.mmseg import seg

    pattern: str = RE_HANS.pattern  # ^(?:[…])+$
    return re.compile(f"({pattern.removeprefix('^').removesuffix('$')})"), seg.cut


@lru_cache(maxsize=1 << 16)
def pinyin_forms(text: str) -> tuple[str, str] | None:
    """Full pinyin and initials of ``text`` (北京ABC → beijingabc, bjabc); None without Han."""
    if not _HAN.search(text):
        return None
    runs, cut = _segmenter()
    full: list[str] = []
    initials: list[str] = []
    # lazy_pinyin splits Han runs from the rest, segments each run into words and converts
    # word by word: doing the same with cached words gives its exact result (polyphones such
    # as 重庆, 银行 included) many times faster.
    for index, piece in enumerate(runs.split(text)):
        if index % 2 == 0:  # between Han runs: kept as it is
            full.append(piece)
            initials.append(piece)
            continue
        for word in cut(piece):
            syllables = _word_syllables(word)
            full.extend(syllables)
            initials.extend(s[:1] for s in syllables)
    return "".join(full).lower(), "".join(initials).lower()


def name_sort_key(name: str) -> str:
    """How a name sorts: Chinese by its pinyin, everything else by itself, case-folded —
    北京华夏 → "bei jing hua xia" files between "Beijer" and "Bosch", as people expect."""
    runs, cut = _segmenter()
    parts: list[str] = []
    for index, piece in enumerate(runs.split(unicodedata.normalize("NFKC", name))):
        if index % 2 == 0:
            parts.append(piece.casefold())
            continue
        parts.extend(f" {' '.join(_word_syllables(word))} " for word in cut(piece))
    return " ".join("".join(parts).split())[:400]


# ------------------------------------------------------------------------------ documents


def _document(customer: Sequence[Any], contacts: Iterable[Sequence[Any]]) -> str:
    """The trigram document of one customer: its fields and its live contacts' fields."""
    parts: dict[str, None] = {}  # each value once (a WeChat id is often the mobile number)

    def add(value: str | None, *, person: bool = False, phone: bool = False) -> None:
        if not value:
            return
        parts[value] = None
        if person and (forms := pinyin_forms(value)) is not None:
            parts.update(dict.fromkeys(forms))
        if phone and (digits := normalize_phone(value)):
            parts[digits] = None

    name, name_en, tax_id, phone, email, notes = customer
    add(name, person=True)
    add(name_en)
    add(tax_id)
    add(phone, phone=True)
    add(email)
    add(notes)
    for c_name, c_phone, c_mobile, c_email, c_wechat in contacts:
        add(c_name, person=True)
        add(c_phone, phone=True)
        add(c_mobile, phone=True)
        add(c_email)
        add(c_wechat)
    return _clean(" ".join(parts))


def _spaced(doc: str) -> str:
    """Every CJK character as its own unicode61 token (the words table's document)."""
    return _CJK_RUN.sub(lambda run: f" {' '.join(run.group())} ", doc)


def _chunks(values: Iterable[int], size: int) -> Iterator[list[int]]:
    it = iter(values)
    while chunk := list(islice(it, size)):
        yield chunk


_CUSTOMER_SQL = f"SELECT id, {', '.join(_CUSTOMER_COLUMNS)} FROM customers"
_CONTACT_SQL = (
    f"SELECT customer_id, {', '.join(_CONTACT_COLUMNS)} FROM contacts "
    "WHERE deleted_at IS NULL AND {where} ORDER BY customer_id, id"
)
_INSERT_TRIGRAM = f"INSERT INTO {TRIGRAM_TABLE} (rowid, doc) VALUES (?, ?)"
_INSERT_WORDS = f"INSERT INTO {WORDS_TABLE} (rowid, doc) VALUES (?, ?)"


def create_server_search_tables(conn: Connection) -> None:
    """PostgreSQL's search table: one document per customer, with a trigram GIN index that
    answers ``LIKE '%term%'``. ``pg_trgm`` is a trusted extension: the database's owner may
    create it."""
    conn.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    conn.exec_driver_sql(
        f"CREATE TABLE {TRIGRAM_TABLE} (rowid integer PRIMARY KEY, doc text NOT NULL)"
    )
    conn.exec_driver_sql(
        f"CREATE INDEX {SERVER_TRIGRAM_INDEX} ON {TRIGRAM_TABLE} USING gin (doc gin_trgm_ops)"
    )


def _index_rows(
    conn: Connection,
    customers: Sequence[Sequence[Any]],
    contacts: Iterable[Sequence[Any]],
    *,
    sort_names: bool = True,
) -> int:
    """Insert the documents of ``customers`` (id first) given all their live contacts."""
    if not customers:
        return 0
    by_customer: dict[int, list[Sequence[Any]]] = {}
    for row in contacts:
        by_customer.setdefault(row[0], []).append(row[1:])
    docs = [(row[0], _document(row[1:], by_customer.get(row[0], ()))) for row in customers]
    sqlite = is_sqlite(conn)
    conn.exec_driver_sql(driver_sql(conn, _INSERT_TRIGRAM), docs)
    if sqlite:
        conn.exec_driver_sql(_INSERT_WORDS, [(i, _spaced(d)) for i, d in docs])
    if not sort_names:  # a schema from before customers.sort_name (migration 0002)
        return len(docs)
    # The list's sort key follows the name; raw SQL leaves updated_at alone.
    conn.exec_driver_sql(
        "UPDATE customers SET sort_name = ? WHERE id = ? AND sort_name IS NOT ?"
        if sqlite
        else "UPDATE customers SET sort_name = %s WHERE id = %s AND sort_name IS DISTINCT FROM %s",
        [(key, row[0], key) for row in customers for key in (name_sort_key(row[1] or ""),)],
    )
    return len(docs)


def _empty_tables(conn: Connection) -> None:
    """Empty both indexes; a populated one is re-created from its DDL (far faster than DELETE)."""
    if not is_sqlite(conn):
        conn.exec_driver_sql(f"TRUNCATE {TRIGRAM_TABLE}")
        return
    for name in (TRIGRAM_TABLE, WORDS_TABLE):
        if conn.exec_driver_sql(f"SELECT 1 FROM {name} LIMIT 1").first() is None:
            continue
        ddl = conn.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)
        ).scalar_one()
        conn.exec_driver_sql(f"DROP TABLE {name}")
        conn.exec_driver_sql(ddl)


def optimize_index(conn: Connection) -> None:
    """Merge each index into one b-tree: broad queries (``s``, ``13``) get ~1.5× faster."""
    # ~1 s per 20,000 customers: worth it after bulk writes (a rebuild, an import).
    if not is_sqlite(conn):  # a GIN index has no such step (VACUUM cleans its pending list)
        return
    for name in (TRIGRAM_TABLE, WORDS_TABLE):
        conn.exec_driver_sql(f"INSERT INTO {name} ({name}) VALUES ('optimize')")


def rebuild_index(conn: Connection, *, sort_names: bool = True) -> int:
    """(Re)build both indexes (and the customers' sort names) for every customer in the
    caller's transaction; returns the rows indexed."""
    _empty_tables(conn)
    total = 0
    after = 0
    contacts_sql = _CONTACT_SQL.format(where="customer_id BETWEEN ? AND ?")
    while True:
        customers = conn.exec_driver_sql(
            driver_sql(conn, f"{_CUSTOMER_SQL} WHERE id > ? ORDER BY id LIMIT ?"), (after, _CHUNK)
        ).all()
        if not customers:
            break
        low, after = customers[0][0], customers[-1][0]
        contacts = conn.exec_driver_sql(driver_sql(conn, contacts_sql), (low, after))
        total += _index_rows(conn, customers, contacts, sort_names=sort_names)
    pinyin_forms.cache_clear()  # tens of MB after a large rebuild; rarely hit again
    if total:
        optimize_index(conn)
    return total


def reindex_customers(conn: Connection, customer_ids: Iterable[int]) -> None:
    """Recompute these customers' documents (gone ones dropped) in the caller's transaction."""
    tables = (TRIGRAM_TABLE, WORDS_TABLE) if is_sqlite(conn) else (TRIGRAM_TABLE,)
    for chunk in _chunks(sorted(set(customer_ids)), _IN_CHUNK):
        marks = ", ".join("?" * len(chunk))
        params = tuple(chunk)
        for name in tables:
            conn.exec_driver_sql(
                driver_sql(conn, f"DELETE FROM {name} WHERE rowid IN ({marks})"), params
            )
        customers = conn.exec_driver_sql(
            driver_sql(conn, f"{_CUSTOMER_SQL} WHERE id IN ({marks})"), params
        ).all()
        contacts = conn.exec_driver_sql(
            driver_sql(conn, _CONTACT_SQL.format(where=f"customer_id IN ({marks})")), params
        )
        _index_rows(conn, customers, contacts)


# ---------------------------------------------------------------------------------- query


def _terms(text_: str) -> list[str]:
    """The distinct whitespace-separated terms of a search, cleaned like the documents."""
    return list(dict.fromkeys(_clean(text_).split()))[:MAX_TERMS]


def _phrase(term: str) -> str:
    """``term`` as one FTS5 string: no character of it is query syntax."""
    return '"' + term.replace('"', '""') + '"'


def _trigram_query(term: str) -> str:
    """A substring query; a phone number typed with punctuation also matches its bare digits."""
    digits = normalize_phone(term)
    if _PHONE_LIKE.fullmatch(term) and len(digits) >= 3 and digits != term:
        return f"({_phrase(term)} OR {_phrase(digits)})"
    return _phrase(term)


def _words_query(term: str) -> str:
    """CJK characters as a phrase of single-character tokens; a Latin or digit end as a prefix."""
    query = _phrase(" ".join(_spaced(term).split()))
    return query if _CJK_CHAR.fullmatch(term[-1]) else query + "*"


def _is_token_text(term: str) -> bool:
    """Whether unicode61 keeps all of ``term`` (it indexes letters, numbers, private use)."""
    return all(
        unicodedata.category(ch)[0] in "LN" or unicodedata.category(ch) == "Co" for ch in term
    )


def match_condition(
    text: str, id_column: ColumnElement[int] | QueryableAttribute[int]
) -> ColumnElement[bool] | None:
    """Restrict ``id_column`` (e.g. ``Customer.id``) to matches of every term; None if blank."""
    # Any text is valid and searched literally: user text only ever reaches SQL as a bound
    # FTS5 string (quoted phrase) or as an instr() argument.
    trigram: list[str] = []
    words: list[str] = []
    literal: list[str] = []
    likes: list[ColumnElement[bool]] = []  # PostgreSQL's spelling of the same search
    for term in _terms(text):
        if len(term) >= 3:
            trigram.append(_trigram_query(term))
            likes.append(_server_like(term))
        elif _is_token_text(term):
            words.append(_words_query(term))
            likes.append(_TRIGRAM.c.doc.like(contains_pattern(term), escape=LIKE_ESCAPE))
        else:
            literal.append(term)
    conditions: list[ColumnElement[bool]] = []
    if trigram:
        match = literal_column(TRIGRAM_TABLE).match(" AND ".join(trigram))
        conditions.append(id_column.in_(select(_TRIGRAM.c.rowid).where(match)))
    if words:
        match = literal_column(WORDS_TABLE).match(" AND ".join(words))
        conditions.append(id_column.in_(select(_WORDS.c.rowid).where(match)))
    server: list[ColumnElement[bool]] = []
    if likes:
        server.append(id_column.in_(select(_TRIGRAM.c.rowid).where(*likes)))
    for term in literal:
        # unicode61 drops punctuation ("%", "_x", "a-"), so the words table cannot answer
        # these literally: a substring scan of the documents, bounded by LIMIT.
        found = func.instr(_TRIGRAM.c.doc, bindparam(None, term, type_=String)) > 0
        conditions.append(
            id_column.in_(select(_TRIGRAM.c.rowid).where(found).limit(LITERAL_SCAN_LIMIT))
        )
        found = func.strpos(_TRIGRAM.c.doc, bindparam(None, term, type_=String)) > 0
        server.append(
            id_column.in_(select(_TRIGRAM.c.rowid).where(found).limit(LITERAL_SCAN_LIMIT))
        )
    if not conditions:
        return None
    return by_dialect(sqlite=and_(*conditions), postgresql=and_(*server))


def _server_like(term: str) -> ColumnElement[bool]:
    """PostgreSQL: ``term`` as a substring of the document (GIN trigram index); a phone number
    typed with punctuation also matches its bare digits, as :func:`_trigram_query`."""
    like = _TRIGRAM.c.doc.like(contains_pattern(term), escape=LIKE_ESCAPE)
    digits = normalize_phone(term)
    if _PHONE_LIKE.fullmatch(term) and len(digits) >= 3 and digits != term:
        return like | _TRIGRAM.c.doc.like(contains_pattern(digits), escape=LIKE_ESCAPE)
    return like


# ------------------------------------------------------------------------------- syncing


def _history_values(obj: object, key: str) -> list[Any]:
    """Every value the attribute had or has in this flush, without loading anything."""
    history = inspect(obj).attrs[key].history
    return [*history.added, *history.unchanged, *history.deleted]


def _changed(obj: object, keys: Iterable[str]) -> bool:
    attrs = inspect(obj).attrs
    return any(attrs[key].history.has_changes() for key in keys)


def _contact_customer_ids(contact: object) -> set[int]:
    """The customers a contact belongs or belonged to (both, when it moved)."""
    ids = {v for v in _history_values(contact, "customer_id") if v is not None}
    for customer in _history_values(contact, "customer"):
        if customer is not None and (cid := inspect(customer).dict.get("id")) is not None:
            ids.add(cid)
    return ids


def _customers_touched(session: Session) -> set[int]:
    from sms_desktop.persistence.models import Contact, Customer

    ids: set[int] = set()

    def add_customer(customer: Customer) -> None:
        # From the state, not the attribute: a deleted or expired object must not load.
        state = inspect(customer)
        cid = state.dict.get("id", state.identity[0] if state.identity else None)
        if cid is not None:
            ids.add(cid)

    for obj in session.new:
        if isinstance(obj, Customer):
            add_customer(obj)
        elif isinstance(obj, Contact):
            ids.update(_contact_customer_ids(obj))
    for obj in session.dirty:
        if isinstance(obj, Customer) and _changed(obj, _CUSTOMER_WATCHED):
            add_customer(obj)
        elif isinstance(obj, Contact) and _changed(obj, _CONTACT_WATCHED):
            ids.update(_contact_customer_ids(obj))
    for obj in session.deleted:
        if isinstance(obj, Customer):
            add_customer(obj)
        elif isinstance(obj, Contact):
            ids.update(_contact_customer_ids(obj))
    return ids


def _after_flush(session: Session, _flush_context: UOWTransaction) -> None:
    """Re-index the customers this flush touched, in its transaction (rolled back with it)."""
    ids = _customers_touched(session)
    if ids:
        reindex_customers(session.connection(), ids)


SyncTarget = sessionmaker[Session] | type[Session] | Session


def register_search_sync(*targets: SyncTarget) -> None:
    """Re-index what every ORM flush of ``targets``' sessions touches (idempotent)."""
    # Bulk update()/delete()/insert() statements and raw SQL bypass flushes: after those,
    # call reindex_customers (or rebuild_index) in the same transaction.
    for target in targets:
        # A marker on the target, not event.contains(): the event registry is keyed by id(),
        # and a new sessionmaker may reuse the id of a collected one that was registered.
        if not getattr(target, "_search_sync", False):
            event.listen(target, "after_flush", _after_flush)
            target._search_sync = True  # type: ignore[union-attr]


def unregister_search_sync(*targets: SyncTarget) -> None:
    """Stop syncing sessions made by ``targets`` (benchmarks compare with and without)."""
    for target in targets:
        if getattr(target, "_search_sync", False):
            event.remove(target, "after_flush", _after_flush)
            target._search_sync = False  # type: ignore[union-attr]
