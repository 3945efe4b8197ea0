"""Settings stored in the database: company profile, logo and business defaults."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from sms_desktop.domain.enums import DocumentLanguage
from sms_desktop.domain.errors import Errors
from sms_desktop.domain.i18n import translate
from sms_desktop.domain.money import CURRENCIES, DEFAULT_CURRENCY
from sms_desktop.domain.numbering import PatternError, parse_pattern
from sms_desktop.domain.segmentation import SegmentationParams, params_problems
from sms_desktop.domain.validation import is_email, is_phone, is_tax_id
from sms_desktop.persistence.db import Database
from sms_desktop.persistence.models import Setting

MAX_LOGO_BYTES = 2 * 1024 * 1024
_LOGO_KEY = "company.logo"


@dataclass(frozen=True, slots=True)
class CompanyProfile:
    """The letterhead: who we are, printed on every quote."""

    name: str = ""
    name_en: str = ""
    address: str = ""
    address_en: str = ""
    tax_id: str = ""
    phone: str = ""
    email: str = ""
    website: str = ""
    bank: str = ""  # bank name and account, printed on quotes


@dataclass(frozen=True, slots=True)
class BusinessDefaults:
    currency: str = DEFAULT_CURRENCY
    tax_rate: Decimal = Decimal("13.00")  # 增值税 13 %
    # Patterns of sms_desktop.domain.numbering (named fields, never str.format).
    quote_number_pattern: str = "Q-{year}-{seq:04}"
    order_number_pattern: str = "SO-{year}-{seq:05}"
    quote_validity_days: int = 30
    quote_language: DocumentLanguage = DocumentLanguage.ZH_CN
    min_margin_percent: Decimal = Decimal("10.00")
    quote_terms: str = ""
    quote_notes: str = ""


@dataclass(frozen=True, slots=True)
class AccountCodes:
    """The chart-of-accounts codes the accounting export books to (小企业会计准则 defaults);
    stored under ``accounting.*``."""

    receivable: str = "1122"  # 应收账款
    receivable_name: str = "应收账款"
    revenue: str = "6001"  # 主营业务收入
    revenue_name: str = "主营业务收入"
    output_vat: str = "22210102"  # 应交税费—应交增值税(销项税额)
    output_vat_name: str = "应交税费—应交增值税(销项税额)"
    bank: str = "1002"  # 银行存款
    bank_name: str = "银行存款"
    exchange: str = "6603"  # 财务费用—汇兑损益 (exchange differences of foreign payments)
    exchange_name: str = "财务费用—汇兑损益"


@dataclass(frozen=True, slots=True)
class ForecastSettings:
    """The pipeline forecast's categories (#16): a deal at or above ``commit_threshold`` %
    (or flagged by hand) is commit, at or above ``best_case_threshold`` % best case, the
    rest pipeline."""

    commit_threshold: int = 90
    best_case_threshold: int = 50


def _encode(value: Any) -> str:
    if isinstance(value, Decimal):
        return json.dumps(str(value))
    return json.dumps(value, ensure_ascii=False)


class SettingsService:
    """Reads and writes the ``settings`` table; every save is validated first."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def _load(self, prefix: str) -> dict[str, Any]:
        with self._db.read() as session:
            rows = session.execute(
                select(Setting.key, Setting.value).where(Setting.key.startswith(prefix))
            ).all()
        result: dict[str, Any] = {}
        for key, value in rows:
            try:
                result[key.removeprefix(prefix)] = json.loads(value)
            except ValueError:
                continue  # an unreadable value falls back to its default
        return result

    def _store(self, prefix: str, values: dict[str, Any]) -> None:
        with self._db.write() as session:
            for key, value in values.items():
                session.merge(Setting(key=prefix + key, value=_encode(value)))

    def database_id(self) -> str:
        """A random id of this database, made on first use: it keeps exported calendar
        entries (and other outside references) apart from another database's."""
        value = self._load("database.").get("id")
        if isinstance(value, str) and value:
            return value
        import uuid

        new = uuid.uuid4().hex
        with self._db.write() as session:
            existing = session.get(Setting, "database.id")
            if existing is not None:
                return str(json.loads(existing.value))
            session.add(Setting(key="database.id", value=_encode(new)))
        return new

    # ------------------------------------------------------------------ company

    def company(self) -> CompanyProfile:
        stored = self._load("company.")
        known = {f.name for f in fields(CompanyProfile)}
        return CompanyProfile(**{k: str(v) for k, v in stored.items() if k in known})

    def save_company(self, profile: CompanyProfile) -> CompanyProfile:
        errors = Errors()
        cleaned = _clean_company(profile, errors)
        errors.raise_if_any()
        self._store("company.", asdict(cleaned))
        return cleaned

    def logo(self) -> bytes | None:
        with self._db.read() as session:
            row = session.get(Setting, _LOGO_KEY)
            return row.blob if row is not None else None

    def set_logo(self, data: bytes | None) -> None:
        errors = Errors()
        _check_logo(data, errors)
        errors.raise_if_any()
        with self._db.write() as session:
            _store_logo(session, data)

    # ------------------------------------------------------------ all together

    def current(self) -> SettingsChange:
        return SettingsChange(self.company(), self.defaults(), self.logo(), self.account_codes())

    def save_all(self, change: SettingsChange) -> SettingsChange:
        """The Settings dialog's save: company, defaults, logo and account codes checked
        together (every problem at once) and written in one transaction; returns the settings
        before."""
        errors = Errors()
        company = _clean_company(change.company, errors)
        _check_defaults(change.defaults, errors)
        _check_logo(change.logo, errors)
        accounts = _clean_accounts(change.accounts, errors)
        errors.raise_if_any()
        before = self.current()
        with self._db.write() as session:
            for prefix, values in (
                ("company.", asdict(company)),
                ("defaults.", asdict(change.defaults)),
                ("accounting.", asdict(accounts)),
            ):
                for key, value in values.items():
                    session.merge(Setting(key=prefix + key, value=_encode(value)))
            _store_logo(session, change.logo)
        return before

    # ----------------------------------------------------------------- defaults

    def defaults(self) -> BusinessDefaults:
        stored = self._load("defaults.")
        base = BusinessDefaults()
        values: dict[str, Any] = {}
        for f in fields(BusinessDefaults):
            if f.name not in stored:
                continue
            current = getattr(base, f.name)
            raw = stored[f.name]
            try:
                if isinstance(current, Decimal):
                    values[f.name] = Decimal(str(raw))
                elif isinstance(current, DocumentLanguage):
                    values[f.name] = DocumentLanguage(raw)
                elif isinstance(current, int):
                    values[f.name] = int(raw)
                else:
                    values[f.name] = str(raw)
            except (ValueError, InvalidOperation):
                continue
        return BusinessDefaults(**{**asdict(base), **values})

    def save_defaults(self, defaults: BusinessDefaults) -> BusinessDefaults:
        errors = Errors()
        _check_defaults(defaults, errors)
        errors.raise_if_any()
        self._store("defaults.", asdict(defaults))
        return defaults

    # ------------------------------------------------------------ account codes

    def account_codes(self) -> AccountCodes:
        stored = self._load("accounting.")
        known = {f.name for f in fields(AccountCodes)}
        return AccountCodes(
            **{k: str(v) for k, v in stored.items() if k in known and str(v).strip()}
        )

    def save_account_codes(self, codes: AccountCodes) -> AccountCodes:
        errors = Errors()
        cleaned = _clean_accounts(codes, errors)
        errors.raise_if_any()
        self._store("accounting.", asdict(cleaned))
        return cleaned

    # ------------------------------------------------------------- key accounts

    def account_params(self) -> SegmentationParams:
        """The key-account thresholds and weights (``accounts.*``; defaults where unset)."""
        stored = self._load("accounts.")
        values: dict[str, int] = {}
        for f in fields(SegmentationParams):
            try:
                values[f.name] = int(stored[f.name])
            except (KeyError, TypeError, ValueError):
                continue
        return SegmentationParams(**values)

    def save_account_params(self, params: SegmentationParams) -> SegmentationParams:
        errors = Errors()
        for field_name, message in params_problems(params):
            errors.add(field_name, message)
        errors.raise_if_any()
        self._store("accounts.", asdict(params))
        return params

    # ----------------------------------------------------------------- forecast

    def forecast_settings(self) -> ForecastSettings:
        stored = self._load(_FORECAST_PREFIX)
        base = ForecastSettings()
        values: dict[str, int] = {}
        for f in fields(ForecastSettings):
            try:
                values[f.name] = int(stored.get(f.name, getattr(base, f.name)))
            except (TypeError, ValueError):
                values[f.name] = getattr(base, f.name)
        return ForecastSettings(**values)

    def save_forecast_settings(self, settings: ForecastSettings) -> ForecastSettings:
        errors = Errors()
        for name in ("commit_threshold", "best_case_threshold"):
            if not 0 <= getattr(settings, name) <= 100:
                errors.add(name, translate("Settings", "A probability is 0 to 100 %."))
        if settings.best_case_threshold > settings.commit_threshold:
            errors.add(
                "best_case_threshold",
                translate("Settings", "Best case cannot start above commit."),
            )
        errors.raise_if_any()
        self._store(_FORECAST_PREFIX, asdict(settings))
        return settings

    def use_model_probability(self) -> bool:
        """Whether the board and its weighted totals use the win model's probability where
        the model is trained and no probability was set by hand (#16); off by default."""
        return self._load(_FORECAST_PREFIX).get(_USE_MODEL, False) is True

    def set_use_model_probability(self, use: bool) -> bool:
        """Switch :meth:`use_model_probability`; returns what it was."""
        before = self.use_model_probability()
        self._store(_FORECAST_PREFIX, {_USE_MODEL: bool(use)})
        return before

    # ------------------------------------------------------------ import presets

    def import_presets(self) -> dict[str, Any]:
        """The saved import mappings by name (services/imports/mapping.py reads them)."""
        return self._load(_PRESET_PREFIX)

    def save_import_preset(self, name: str, preset: dict[str, Any] | None) -> None:
        """Store one named import mapping (``None`` removes it)."""
        if preset is not None:
            self._store(_PRESET_PREFIX, {name: preset})
            return
        with self._db.write() as session:
            row = session.get(Setting, _PRESET_PREFIX + name)
            if row is not None:
                session.delete(row)


_PRESET_PREFIX = "import.preset."
_FORECAST_PREFIX = "forecast."
_USE_MODEL = "use_model_probability"  # the key forecast.use_model_probability


@dataclass(frozen=True, slots=True)
class SettingsChange:
    """Everything the Settings dialog saves at once (what its undo puts back)."""

    company: CompanyProfile
    defaults: BusinessDefaults
    logo: bytes | None
    accounts: AccountCodes = AccountCodes()


def _clean_accounts(codes: AccountCodes, errors: Errors) -> AccountCodes:
    cleaned = AccountCodes(**{k: str(v).strip() for k, v in asdict(codes).items()})
    for f in fields(AccountCodes):
        value = getattr(cleaned, f.name)
        if not value or len(value) > 60:
            errors.add(f.name, translate("Settings", "Enter an account code and its name."))
        elif not f.name.endswith("_name") and not value.isdigit():
            errors.add(f.name, translate("Settings", "An account code has digits only."))
    return cleaned


def _clean_company(profile: CompanyProfile, errors: Errors) -> CompanyProfile:
    cleaned = CompanyProfile(**{k: str(v).strip() for k, v in asdict(profile).items()})
    if cleaned.email and not is_email(cleaned.email):
        errors.add("email", translate("Settings", "Enter an email address like name@example.com."))
    if cleaned.phone and not is_phone(cleaned.phone):
        errors.add(
            "phone",
            translate(
                "Settings", "Enter a phone number with digits, spaces, dashes or a leading +."
            ),
        )
    if cleaned.tax_id and not is_tax_id(cleaned.tax_id):
        errors.add(
            "tax_id",
            translate(
                "Settings",
                "A tax id (统一社会信用代码) has 18 letters and digits with a valid "
                "check character.",
            ),
        )
    return cleaned


def _check_defaults(defaults: BusinessDefaults, errors: Errors) -> None:
    if defaults.currency not in CURRENCIES:
        errors.add("currency", translate("Settings", "Choose one of the supported currencies."))
    if not Decimal(0) <= defaults.tax_rate < Decimal(
        100
    ) or defaults.tax_rate != defaults.tax_rate.quantize(Decimal("0.01")):
        errors.add(
            "tax_rate", translate("Settings", "The tax rate is a percentage from 0 to 99.99.")
        )
    if not 1 <= defaults.quote_validity_days <= 365:
        errors.add(
            "quote_validity_days", translate("Settings", "A quote is valid for 1 to 365 days.")
        )
    if not Decimal(0) <= defaults.min_margin_percent < Decimal(100):
        errors.add(
            "min_margin_percent",
            translate("Settings", "The minimum margin is a percentage from 0 to 99.99."),
        )
    for name in ("quote_number_pattern", "order_number_pattern"):
        try:
            parse_pattern(getattr(defaults, name))
        except PatternError as exc:
            errors.add(name, exc.message)


def _check_logo(data: bytes | None, errors: Errors) -> None:
    if data is None:
        return
    if len(data) > MAX_LOGO_BYTES:
        errors.add(
            "logo",
            translate("Settings", "The logo is larger than 2 MB; please choose a smaller image."),
        )
    elif not (data.startswith(b"\x89PNG\r\n\x1a\n") or data.startswith(b"\xff\xd8")):
        errors.add("logo", translate("Settings", "The logo must be a PNG or JPEG image."))


def _store_logo(session: Session, data: bytes | None) -> None:
    row = session.get(Setting, _LOGO_KEY)
    if data is None:
        if row is not None:
            session.delete(row)
    elif row is None:
        session.add(Setting(key=_LOGO_KEY, value="null", blob=data))
    else:
        row.blob = data
