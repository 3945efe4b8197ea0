"""Import batches that can be reverted: counts, mapping and who on each batch, the rows each
batch created or changed (with the values before), and the codes of imported records.

Batches from before (none were written by a released version) keep their rows and read as
counts of zero.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02 02:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_COUNTS = ("created", "updated", "unchanged", "skipped", "errors")


def upgrade() -> None:
    with op.batch_alter_table("import_batches", schema=None) as batch_op:
        batch_op.add_column(sa.Column("sheet", sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column("mapping", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("options", sa.Text(), nullable=True))
        for name in _COUNTS:
            batch_op.add_column(
                sa.Column(name, sa.Integer(), server_default=sa.text("0"), nullable=False)
            )
        batch_op.add_column(sa.Column("imported_by", sa.String(length=80), nullable=True))
        batch_op.add_column(sa.Column("reverted_at", sa.DateTime(), nullable=True))
    op.create_table(
        "import_batch_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("row_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=10), nullable=False),
        sa.Column("old_values", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["batch_id"],
            ["import_batches.id"],
            name=op.f("fk_import_batch_items_batch_id_import_batches"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_batch_items")),
    )
    op.create_index(
        "ix_import_batch_items_batch_id", "import_batch_items", ["batch_id", "id"], unique=False
    )
    op.create_table(
        "import_keys",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entity", sa.String(length=20), nullable=False),
        sa.Column("code", sa.String(length=80), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_keys")),
        sa.UniqueConstraint("entity", "code", name=op.f("uq_import_keys_entity_code")),
    )
    op.create_index(
        "ix_import_keys_entity_entity_id", "import_keys", ["entity", "entity_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_import_keys_entity_entity_id", table_name="import_keys")
    op.drop_table("import_keys")
    op.drop_index("ix_import_batch_items_batch_id", table_name="import_batch_items")
    op.drop_table("import_batch_items")
    with op.batch_alter_table("import_batches", schema=None) as batch_op:
        batch_op.drop_column("reverted_at")
        batch_op.drop_column("imported_by")
        for name in reversed(_COUNTS):
            batch_op.drop_column(name)
        batch_op.drop_column("options")
        batch_op.drop_column("mapping")
        batch_op.drop_column("sheet")
