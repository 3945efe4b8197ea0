"""All services of one open database, created on first use."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from sms_desktop.persistence.db import Database

if TYPE_CHECKING:
    from sms_desktop.services.maintenance import MaintenanceService
    from sms_desktop.services.settings import SettingsService


class Services:
    """The one object the UI receives: every area's service over the same database."""

    def __init__(self, db: Database) -> None:
        self.db = db

    @cached_property
    def settings(self) -> SettingsService:
        from sms_desktop.services.settings import SettingsService

        return SettingsService(self.db)

    @cached_property
    def maintenance(self) -> MaintenanceService:
        from sms_desktop.services.maintenance import MaintenanceService

        return MaintenanceService(self.db)
