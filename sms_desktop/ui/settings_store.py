"""Per-user preferences and window state (the only module that touches QSettings)."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any

from PySide6.QtCore import QByteArray, QSettings


@dataclass(frozen=True, slots=True)
class Preferences:
    """User preferences with their defaults; the Settings dialog edits these."""

    language: str = ""  # "" follows the system; else zh_CN or en
    last_database: str = ""
    show_today_summary: bool = True


class SettingsStore:
    """Preferences (declared above) and persisted UI state (geometry, header layouts)."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self._settings = settings or QSettings(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, "sms-desktop", "sms-desktop"
        )

    def preferences(self) -> Preferences:
        defaults = Preferences()
        values: dict[str, Any] = {}
        for f in fields(Preferences):
            default = getattr(defaults, f.name)
            raw = self._settings.value(f"preferences/{f.name}", default)
            if isinstance(default, bool):
                values[f.name] = raw in (True, "true", "1", 1)
            else:
                values[f.name] = type(default)(raw)
        return Preferences(**values)

    def save_preferences(self, prefs: Preferences) -> None:
        for f in fields(Preferences):
            self._settings.setValue(f"preferences/{f.name}", getattr(prefs, f.name))
        self._settings.sync()

    def update_preferences(self, **changes: Any) -> Preferences:
        prefs = replace(self.preferences(), **changes)
        self.save_preferences(prefs)
        return prefs

    def state(self, key: str) -> QByteArray | None:
        value = self._settings.value(f"state/{key}")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def save_state(self, key: str, value: QByteArray) -> None:
        self._settings.setValue(f"state/{key}", value)

    def sync(self) -> None:
        self._settings.sync()
