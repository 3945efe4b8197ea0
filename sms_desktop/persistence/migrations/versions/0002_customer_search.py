"""Customer search: FTS5 indexes over customers and contacts, filled from the existing rows.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28 10:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    from sms_desktop.persistence.dialect import is_sqlite
    from sms_desktop.persistence.search import create_server_search_tables, rebuild_index

    if not is_sqlite(op.get_bind()):
        # PostgreSQL: the same documents in a plain table with a pg_trgm GIN index.
        create_server_search_tables(op.get_bind())
        rebuild_index(op.get_bind(), sort_names=False)
        return
    # Substrings of 3+ characters (names, phones, e-mails, pinyin, Chinese text).
    op.execute("CREATE VIRTUAL TABLE customer_search_trigram USING fts5(doc, tokenize='trigram')")
    # 1–2 character terms: each CJK character is its own token; prefix indexes make "w"* fast.
    op.execute(
        "CREATE VIRTUAL TABLE customer_search_words USING fts5("
        "doc, tokenize='unicode61 remove_diacritics 2', prefix='1 2')"
    )
    # An upgraded database with customers is searchable at once. rebuild_index reads only
    # columns that exist since revision 0001.
    rebuild_index(op.get_bind(), sort_names=False)


def downgrade() -> None:
    from sms_desktop.persistence.dialect import is_sqlite

    if not is_sqlite(op.get_bind()):
        op.execute("DROP TABLE customer_search_trigram")
        return
    op.execute("DROP TABLE customer_search_words")
    op.execute("DROP TABLE customer_search_trigram")
