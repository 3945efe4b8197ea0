"""Alembic migrations, driven from code (no alembic.ini): upgrade in one transaction."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory

from sms_desktop.domain.errors import DomainError
from sms_desktop.domain.i18n import translate

_HERE = Path(__file__).resolve().parent


class MigrationError(DomainError):
    """A migration left the database inconsistent; it was rolled back."""


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(_HERE))
    config.set_main_option("path_separator", "os")
    config.set_main_option("version_locations", str(_HERE / "versions"))
    return config


@cache
def _scripts() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    head = _scripts().get_current_head()
    assert head is not None
    return head


def known_revisions() -> frozenset[str]:
    return frozenset(s.revision for s in _scripts().walk_revisions())


def upgrade(path: Path | str, revision: str = "head") -> None:
    """Migrate ``path`` to ``revision`` in one transaction with foreign keys off.

    After the upgrade, ``foreign_key_check`` and ``integrity_check`` must be clean,
    or everything is rolled back and :class:`MigrationError` is raised. A server URL
    (PostgreSQL) is migrated by :func:`upgrade_server`.
    """
    from sms_desktop.persistence.db import make_engine
    from sms_desktop.persistence.dialect import is_server_url

    if is_server_url(path):
        upgrade_server(str(path), revision)
        return
    path = Path(path)

    # Foreign keys off: batch migrations recreate tables, and ON DELETE CASCADE
    # would otherwise empty the child tables (ARCHITECTURE.md §9).
    engine = make_engine(path, foreign_keys=False, pooled=False)
    try:
        with engine.connect() as connection, connection.begin():
            config = alembic_config()
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
            problems = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if problems:
                raise MigrationError(
                    translate(
                        "Database",
                        "The upgrade would break {count} references; nothing was changed.",
                    ).format(count=len(problems))
                )
            result = connection.exec_driver_sql("PRAGMA integrity_check").fetchall()
            if [tuple(r) for r in result] != [("ok",)]:
                raise MigrationError(
                    translate(
                        "Database",
                        "The upgraded database failed its integrity check; nothing was changed.",
                    )
                )
    finally:
        engine.dispose()


def upgrade_server(url: str, revision: str = "head") -> None:
    """Migrate the PostgreSQL database at ``url`` to ``revision`` in one transaction.

    PostgreSQL's DDL is transactional and it checks every foreign key as rows are written, so
    a failing revision leaves nothing behind and no checks after the fact are needed."""
    from sms_desktop.persistence.db import make_server_engine

    engine = make_server_engine(url, pooled=False)
    try:
        with engine.connect() as connection, connection.begin():
            config = alembic_config()
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
    finally:
        engine.dispose()
