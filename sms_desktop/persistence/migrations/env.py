"""Alembic environment: always run on a connection handed in by ``migrations.upgrade``."""

from __future__ import annotations

from typing import Any, Literal

from alembic import context
from alembic.autogenerate.api import AutogenContext

from sms_desktop.persistence import models  # noqa: F401 - registers the tables
from sms_desktop.persistence.base import Base, UTCDateTime, _ScaledDecimal
from sms_desktop.persistence.search import include_name


def _render_item(type_: str, obj: Any, autogen_context: AutogenContext) -> str | Literal[False]:
    """Render our column types as what SQLite stores, so old migrations never
    depend on today's Python types."""
    if type_ == "type" and isinstance(obj, _ScaledDecimal):
        return "sa.Integer()"
    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime()"
    return False


def run() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("run migrations through sms_desktop.persistence.migrations")
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,
        compare_type=True,
        compare_server_default=True,
        transaction_per_migration=False,
        render_item=_render_item,
        include_name=include_name,  # the FTS5 search tables are not models
    )
    with context.begin_transaction():
        context.run_migrations()


run()
