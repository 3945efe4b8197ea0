"""Forecast snapshots (each month's forecast of a series, with its periods) and the hand
"commit" flag of a deal for the pipeline forecast.

Existing deals are not committed by hand (the flag reads false).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02 07:45:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("opportunities", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("forecast_commit", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
    op.create_table(
        "forecast_snapshots",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("series_key", sa.String(length=80), nullable=False),
        sa.Column("made_in", sa.Date(), nullable=False),
        sa.Column("as_of", sa.Date(), nullable=False),
        sa.Column("made_at", sa.DateTime(), nullable=False),
        sa.Column("metric", sa.String(length=24), nullable=False),
        sa.Column("granularity", sa.String(length=24), nullable=False),
        sa.Column("horizon", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=True),
        sa.Column("category_id", sa.Integer(), nullable=True),
        sa.Column("customer_id", sa.Integer(), nullable=True),
        sa.Column("method", sa.String(length=24), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "horizon BETWEEN 1 AND 18", name=op.f("ck_forecast_snapshots_horizon_range")
        ),
        sa.ForeignKeyConstraint(
            ["category_id"],
            ["product_categories.id"],
            name=op.f("fk_forecast_snapshots_category_id_product_categories"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customers.id"],
            name=op.f("fk_forecast_snapshots_customer_id_customers"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"],
            ["salespeople.id"],
            name=op.f("fk_forecast_snapshots_owner_id_salespeople"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_forecast_snapshots")),
        sa.UniqueConstraint(
            "series_key", "made_in", name=op.f("uq_forecast_snapshots_series_key_made_in")
        ),
    )
    op.create_table(
        "forecast_snapshot_periods",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("snapshot_id", sa.Integer(), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("forecast", sa.Integer(), nullable=False),
        sa.Column("low", sa.Integer(), nullable=False),
        sa.Column("high", sa.Integer(), nullable=False),
        sa.Column("pipeline_weighted", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["snapshot_id"],
            ["forecast_snapshots.id"],
            name=op.f("fk_forecast_snapshot_periods_snapshot_id_forecast_snapshots"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_forecast_snapshot_periods")),
        sa.UniqueConstraint(
            "snapshot_id",
            "period_start",
            name=op.f("uq_forecast_snapshot_periods_snapshot_id_period_start"),
        ),
    )


def downgrade() -> None:
    op.drop_table("forecast_snapshot_periods")
    op.drop_table("forecast_snapshots")
    with op.batch_alter_table("opportunities", schema=None) as batch_op:
        batch_op.drop_column("forecast_commit")
