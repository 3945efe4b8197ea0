"""Account plans and satisfaction surveys: a plan's review date and actions (tasks); survey
templates, campaigns with one request per customer, answers to open questions and the
follow-up task of a low score.

Existing plans keep every value (their review date starts empty); the other tables are new.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02 13:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from sms_desktop.persistence.dialect import batch_recreate

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _fk(table: str, column: str, target: str, ondelete: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column],
        [f"{target}.id"],
        name=op.f(f"fk_{table}_{column}_{target}"),
        ondelete=ondelete,
    )


def upgrade() -> None:
    # Rebuilt (not ALTER … ADD COLUMN) so the stored DDL matches a new database's.
    with op.batch_alter_table("account_plans", recreate=batch_recreate(op.get_bind())) as batch:
        batch.add_column(sa.Column("review_on", sa.Date(), nullable=True))
    op.create_table(
        "account_plan_actions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("activity_id", sa.Integer(), nullable=False),
        _fk("account_plan_actions", "plan_id", "account_plans", "CASCADE"),
        _fk("account_plan_actions", "activity_id", "activities", "CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_account_plan_actions")),
        sa.UniqueConstraint(
            "plan_id", "activity_id", name=op.f("uq_account_plan_actions_plan_id_activity_id")
        ),
    )
    op.create_index(
        "ix_account_plan_actions_activity_id", "account_plan_actions", ["activity_id"]
    )
    op.create_table(
        "survey_templates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("ask_nps", sa.Boolean(), nullable=False),
        sa.Column("questions", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_survey_templates")),
        sa.UniqueConstraint("name", name=op.f("uq_survey_templates_name")),
    )
    op.create_table(
        "survey_campaigns",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("template_id", sa.Integer(), nullable=False),
        sa.Column("created_on", sa.Date(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        _fk("survey_campaigns", "template_id", "survey_templates", "RESTRICT"),
        _fk("survey_campaigns", "created_by_id", "salespeople", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_survey_campaigns")),
    )
    op.create_table(
        "survey_requests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("campaign_id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("activity_id", sa.Integer(), nullable=True),
        _fk("survey_requests", "campaign_id", "survey_campaigns", "CASCADE"),
        _fk("survey_requests", "customer_id", "customers", "CASCADE"),
        _fk("survey_requests", "activity_id", "activities", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_survey_requests")),
        sa.UniqueConstraint(
            "campaign_id", "customer_id", name=op.f("uq_survey_requests_campaign_id_customer_id")
        ),
    )
    op.create_index("ix_survey_requests_customer_id", "survey_requests", ["customer_id"])
    op.create_index("ix_survey_requests_activity_id", "survey_requests", ["activity_id"])
    op.create_table(
        "survey_answers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("survey_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("question", sa.String(length=300), nullable=False),
        sa.Column("answer", sa.Text(), nullable=False),
        _fk("survey_answers", "survey_id", "satisfaction_surveys", "CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_survey_answers")),
    )
    op.create_index("ix_survey_answers_survey_id", "survey_answers", ["survey_id"])
    op.create_table(
        "survey_follow_ups",
        sa.Column("survey_id", sa.Integer(), nullable=False),
        sa.Column("activity_id", sa.Integer(), nullable=True),
        _fk("survey_follow_ups", "survey_id", "satisfaction_surveys", "CASCADE"),
        _fk("survey_follow_ups", "activity_id", "activities", "SET NULL"),
        sa.PrimaryKeyConstraint("survey_id", name=op.f("pk_survey_follow_ups")),
    )


def downgrade() -> None:
    op.drop_table("survey_follow_ups")
    op.drop_index("ix_survey_answers_survey_id", table_name="survey_answers")
    op.drop_table("survey_answers")
    op.drop_index("ix_survey_requests_activity_id", table_name="survey_requests")
    op.drop_index("ix_survey_requests_customer_id", table_name="survey_requests")
    op.drop_table("survey_requests")
    op.drop_table("survey_campaigns")
    op.drop_table("survey_templates")
    op.drop_index("ix_account_plan_actions_activity_id", table_name="account_plan_actions")
    op.drop_table("account_plan_actions")
    with op.batch_alter_table("account_plans") as batch:
        batch.drop_column("review_on")
