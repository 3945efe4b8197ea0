"""Composition root: start the GUI on a database file."""

from __future__ import annotations

from pathlib import Path


def run_gui(
    *,
    db_path: Path,
    lang: str | None,
    screenshot: Path | None = None,
    tab: str | None = None,
    size: tuple[int, int] = (1400, 900),
    explicit_db: bool = False,
) -> int:
    """Open the main window on ``db_path``; with ``screenshot``, render it to a PNG and exit."""
    from sms_desktop.ui.application import run

    if not explicit_db and screenshot is None:
        # Without --db, reopen the database the user had open last time.
        last = _last_database()
        if last is not None:
            db_path = last
    return run(db_path=db_path, lang=lang, screenshot=screenshot, tab=tab, size=size)


def _last_database() -> Path | None:
    import os

    from sms_desktop.persistence.paths import ENV_DB
    from sms_desktop.ui.settings_store import SettingsStore

    if os.environ.get(ENV_DB):
        return None
    last = SettingsStore().preferences().last_database
    return Path(last) if last and Path(last).is_file() else None
