"""All services of one open database, created on first use."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from sms_desktop.persistence.db import Database

if TYPE_CHECKING:
    from sms_desktop.services.account_plans import AccountPlansService
    from sms_desktop.services.accounts import AccountsService
    from sms_desktop.services.commissions import CommissionsService
    from sms_desktop.services.currencies import CurrenciesService
    from sms_desktop.services.customers import CustomersService
    from sms_desktop.services.dashboard import DashboardReports, DashboardService
    from sms_desktop.services.duplicates import DuplicatesService
    from sms_desktop.services.followups import FollowUpsService
    from sms_desktop.services.forecast import ForecastService
    from sms_desktop.services.forecast_snapshots import ForecastSnapshots
    from sms_desktop.services.funnel import FunnelService
    from sms_desktop.services.history import HistoryService
    from sms_desktop.services.imports.service import ImportService
    from sms_desktop.services.interactions import InteractionsService
    from sms_desktop.services.maintenance import MaintenanceService
    from sms_desktop.services.next_actions import NextActionsService
    from sms_desktop.services.onboarding import OnboardingService
    from sms_desktop.services.orders import OrdersService
    from sms_desktop.services.payments import PaymentsService
    from sms_desktop.services.pipeline import PipelineService
    from sms_desktop.services.pipeline_forecast import PipelineForecastService
    from sms_desktop.services.pricing import PricingService
    from sms_desktop.services.products import ProductsService
    from sms_desktop.services.quotes import QuotesService
    from sms_desktop.services.receivables import ReceivablesService
    from sms_desktop.services.salespeople import SalespeopleService
    from sms_desktop.services.settings import SettingsService
    from sms_desktop.services.stages import StagesService
    from sms_desktop.services.surveys import SurveysService
    from sms_desktop.services.targets import TargetsService
    from sms_desktop.services.tasks import TasksService
    from sms_desktop.services.trash import TrashService
    from sms_desktop.services.win_probability import WinProbabilityService


class Services:
    """The one object the UI receives: every area's service over the same database."""

    def __init__(self, db: Database) -> None:
        self.db = db

    @cached_property
    def settings(self) -> SettingsService:
        from sms_desktop.services.settings import SettingsService

        return SettingsService(self.db)

    @cached_property
    def history(self) -> HistoryService:
        from sms_desktop.services.history import HistoryService

        return HistoryService(self.db)

    @cached_property
    def onboarding(self) -> OnboardingService:
        from sms_desktop.services.onboarding import OnboardingService

        return OnboardingService(self.db)

    @cached_property
    def maintenance(self) -> MaintenanceService:
        from sms_desktop.services.maintenance import MaintenanceService

        return MaintenanceService(self.db)

    @cached_property
    def salespeople(self) -> SalespeopleService:
        from sms_desktop.services.salespeople import SalespeopleService

        return SalespeopleService(self.db)

    @cached_property
    def customers(self) -> CustomersService:
        from sms_desktop.services.customers import CustomersService

        return CustomersService(self.db)

    @cached_property
    def interactions(self) -> InteractionsService:
        from sms_desktop.services.interactions import InteractionsService

        return InteractionsService(self.db)

    @cached_property
    def duplicates(self) -> DuplicatesService:
        from sms_desktop.services.duplicates import DuplicatesService

        return DuplicatesService(self.db)

    @cached_property
    def trash(self) -> TrashService:
        from sms_desktop.services.trash import TrashService

        return TrashService(self.db)

    @cached_property
    def pipeline(self) -> PipelineService:
        from sms_desktop.services.pipeline import PipelineService

        return PipelineService(self.db)

    @cached_property
    def stages(self) -> StagesService:
        from sms_desktop.services.stages import StagesService

        return StagesService(self.db)

    @cached_property
    def funnel(self) -> FunnelService:
        from sms_desktop.services.funnel import FunnelService

        return FunnelService(self.db)

    @cached_property
    def dashboard(self) -> DashboardService:
        from sms_desktop.services.dashboard import DashboardService

        return DashboardService(self.db)

    @cached_property
    def dashboard_reports(self) -> DashboardReports:
        from sms_desktop.services.dashboard import DashboardReports

        return DashboardReports(self.db)

    @cached_property
    def tasks(self) -> TasksService:
        from sms_desktop.services.tasks import TasksService

        return TasksService(self.db)

    @cached_property
    def followups(self) -> FollowUpsService:
        from sms_desktop.services.followups import FollowUpsService

        return FollowUpsService(self.db)

    @cached_property
    def products(self) -> ProductsService:
        from sms_desktop.services.products import ProductsService

        return ProductsService(self.db)

    @cached_property
    def quotes(self) -> QuotesService:
        from sms_desktop.services.quotes import QuotesService

        return QuotesService(self.db)

    @cached_property
    def pricing(self) -> PricingService:
        from sms_desktop.services.pricing import PricingService

        return PricingService(self.db)

    @cached_property
    def targets(self) -> TargetsService:
        from sms_desktop.services.targets import TargetsService

        return TargetsService(self.db)

    @cached_property
    def commissions(self) -> CommissionsService:
        from sms_desktop.services.commissions import CommissionsService

        return CommissionsService(self.db, self.targets)

    @cached_property
    def imports(self) -> ImportService:
        from sms_desktop.services.imports.service import ImportService

        return ImportService(self.db)

    @cached_property
    def forecast(self) -> ForecastService:
        from sms_desktop.services.forecast import ForecastService

        return ForecastService(self.db)

    @cached_property
    def orders(self) -> OrdersService:
        from sms_desktop.services.orders import OrdersService

        return OrdersService(self.db)

    @cached_property
    def payments(self) -> PaymentsService:
        from sms_desktop.services.payments import PaymentsService

        return PaymentsService(self.db)

    @cached_property
    def receivables(self) -> ReceivablesService:
        from sms_desktop.services.receivables import ReceivablesService

        return ReceivablesService(self.db)

    @cached_property
    def currencies(self) -> CurrenciesService:
        from sms_desktop.services.currencies import CurrenciesService

        return CurrenciesService(self.db)

    @cached_property
    def accounts(self) -> AccountsService:
        from sms_desktop.services.accounts import AccountsService

        return AccountsService(self.db, self.settings.account_params)

    @cached_property
    def next_actions(self) -> NextActionsService:
        from sms_desktop.services.next_actions import NextActionsService

        return NextActionsService(self.db, self.settings.account_params, self.accounts.white_space)

    @cached_property
    def forecast_snapshots(self) -> ForecastSnapshots:
        from sms_desktop.services.forecast_snapshots import ForecastSnapshots

        return ForecastSnapshots(self.db, self.forecast)

    @cached_property
    def pipeline_forecast(self) -> PipelineForecastService:
        from sms_desktop.services.pipeline_forecast import PipelineForecastService

        return PipelineForecastService(self.db, self.settings, self.targets, self.win_probability)

    @cached_property
    def win_probability(self) -> WinProbabilityService:
        from sms_desktop.services.win_probability import WinProbabilityService

        return WinProbabilityService(self.db)

    @cached_property
    def account_plans(self) -> AccountPlansService:
        from sms_desktop.services.account_plans import AccountPlansService

        return AccountPlansService(self.db)

    @cached_property
    def surveys(self) -> SurveysService:
        from sms_desktop.services.surveys import SurveysService

        return SurveysService(self.db)
