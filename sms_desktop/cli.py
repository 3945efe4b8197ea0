"""Command line: the GUI by default, plus demo, check, backup, restore, init, import, export.

Qt is imported only when the GUI starts; errors are one line on stderr (exit 1),
usage errors exit 2, and no traceback ever reaches the user.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sms_desktop import __version__
from sms_desktop.domain.errors import DomainError
from sms_desktop.domain.i18n import Message, Translator, translate

if TYPE_CHECKING:
    from sms_desktop.domain.importing.fields import ImportKind
    from sms_desktop.domain.win_model import FactorEffect
    from sms_desktop.persistence.db import Database
    from sms_desktop.services.forecast import Forecast
    from sms_desktop.services.receivables import AgeingReport
    from sms_desktop.services.settings import SettingsService

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2
TABS = (
    "dashboard",
    "customers",
    "accounts",
    "pipeline",
    "forecast",
    "tasks",
    "quotes",
    "orders",
    "targets",
)


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(v) for v in text.lower().split("x"))
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"expected WIDTHxHEIGHT, got {text!r}") from exc
    if not (200 <= width <= 8000 and 200 <= height <= 8000):
        raise argparse.ArgumentTypeError("width and height must be between 200 and 8000")
    return width, height


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from exc
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"expected a date like 2026-01-31, got {text!r}") from exc


def _db_arg(text: str) -> Path | str:
    """--db: a file, or the URL of a database on a server (the team edition, #19). Kept as
    text: a Path would fold the URL's "//"."""
    return text if "://" in text else Path(text)


def _shared_options(default: object) -> tuple[argparse.ArgumentParser, argparse.ArgumentParser]:
    """--db and --lang, accepted before and after the command. After it they default to
    SUPPRESS, so a command does not reset what was given before it (sms-desktop --db X gui)."""
    db_opt = argparse.ArgumentParser(add_help=False)
    db_opt.add_argument(
        "--db",
        type=_db_arg,
        metavar="PATH",
        default=default,
        help="database file (default: $SMS_DESKTOP_DB or the user data folder), or a team "
        "server's database: postgresql+psycopg://user@host/database",
    )
    lang_opt = argparse.ArgumentParser(add_help=False)
    lang_opt.add_argument(
        "--lang",
        choices=("zh_CN", "en"),
        default=default,
        help="user interface language (default: the system's)",
    )
    return db_opt, lang_opt


def build_parser() -> argparse.ArgumentParser:
    top_db, top_lang = _shared_options(None)
    db_opt, lang_opt = _shared_options(argparse.SUPPRESS)
    parser = argparse.ArgumentParser(
        prog="sms-desktop",
        parents=[top_db, top_lang],
        description="SMS Desktop (销售管理系统): offline sales management. "
        "Without a command, opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--selftest", action="store_true", help="check that every part of the app loads, and exit"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    gui = sub.add_parser("gui", parents=[db_opt, lang_opt], help="open the app (the default)")
    gui.add_argument(
        "--screenshot",
        type=Path,
        metavar="FILE.png",
        help="render the main window to a PNG and exit (works offscreen)",
    )
    gui.add_argument("--tab", choices=TABS, help="tab to show (by name)")
    gui.add_argument(
        "--size",
        type=_size,
        default=(1400, 900),
        metavar="WxH",
        help="window size for --screenshot (default 1400x900)",
    )

    demo = sub.add_parser("demo", parents=[db_opt], help="create a demo database")
    demo.add_argument(
        "--customers",
        type=_positive,
        default=300,
        metavar="N",
        help="number of customers (default 300)",
    )
    demo.add_argument("--seed", type=int, default=20261127, metavar="S")
    demo.add_argument(
        "--replace", action="store_true", help="replace an existing database (a backup is kept)"
    )

    check = sub.add_parser("check", parents=[db_opt], help="integrity and schema check, counts")
    check.add_argument(
        "--full", action="store_true", help="full integrity_check and foreign-key check (slower)"
    )

    backup = sub.add_parser("backup", parents=[db_opt], help="write a consistent backup copy")
    backup.add_argument(
        "--out", type=Path, metavar="FILE", help="where to write (default: the backups folder)"
    )

    restore = sub.add_parser(
        "restore", parents=[db_opt], help="restore a backup (the current file is kept aside)"
    )
    restore.add_argument("file", type=Path, metavar="FILE")

    quote = sub.add_parser("quote", help="quotes: print a quote to PDF")
    quote_sub = quote.add_subparsers(dest="quote_command", metavar="ACTION", required=True)
    quote_pdf = quote_sub.add_parser("pdf", parents=[db_opt], help="write a quote as a PDF")
    quote_pdf.add_argument("number", metavar="NUMBER", help="the quote number, e.g. Q-2026-0012")
    quote_pdf.add_argument(
        "--revision", metavar="R", help="revision letter or number (default: the latest)"
    )
    quote_pdf.add_argument(
        "--lang",
        dest="pdf_lang",
        choices=("zh_CN", "en", "bilingual"),
        help="language of the PDF (default: the quote's customer's, else Settings)",
    )
    quote_pdf.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")

    order = sub.add_parser("order", help="orders: print an order confirmation or delivery note")
    order_sub = order.add_subparsers(dest="order_command", metavar="ACTION", required=True)
    order_pdf = order_sub.add_parser("pdf", parents=[db_opt], help="write an order as a PDF")
    order_pdf.add_argument("number", metavar="NUMBER", help="the order number, e.g. SO-2026-00012")
    order_pdf.add_argument("--kind", choices=("confirmation", "delivery"), default="confirmation")
    order_pdf.add_argument(
        "--lang",
        dest="pdf_lang",
        choices=("zh_CN", "en", "bilingual"),
        help="language of the PDF (default: the customer's, else Settings)",
    )
    order_pdf.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")

    receivables = sub.add_parser(
        "receivables", parents=[db_opt, lang_opt], help="open receivables and their ageing"
    )
    receivables.add_argument(
        "--as-of", dest="as_of", type=_date, metavar="DATE", help="default: today"
    )
    receivables.add_argument("--format", choices=("table", "csv", "json"), default="table")

    init = sub.add_parser(
        "init", parents=[db_opt, lang_opt], help="create an empty database (refuses a file)"
    )
    init.add_argument("--company", required=True, metavar="NAME", help="your company's name")
    init.add_argument("--owner", metavar="NAME", help="your name (default: the login name)")
    init.add_argument("--currency", default="CNY", metavar="CODE", help="default CNY")

    kinds = ("customers", "contacts", "products", "orders", "opportunities", "activities")
    imp = sub.add_parser(
        "import",
        parents=[db_opt, lang_opt],
        help="import a file (KIND FILE), list the batches (list), revert one (revert BATCH)",
    )
    imp.add_argument("kind", choices=(*kinds, "list", "revert"), metavar="KIND")
    imp.add_argument("file", nargs="?", metavar="FILE|BATCH")
    imp.add_argument("--fields", action="store_true", help="list the fields of KIND and exit")
    imp.add_argument("--sheet", metavar="NAME", help="the sheet of a workbook (default: first)")
    imp.add_argument("--encoding", choices=("auto", "utf-8", "gb18030", "utf-16"), default="auto")
    imp.add_argument("--header-row", type=_positive, metavar="N", help="the header's row")
    imp.add_argument(
        "--mapping", type=Path, metavar="FILE.json", help='{"source header": "field", …}'
    )
    imp.add_argument("--date-order", choices=("auto", "ymd", "dmy", "mdy"), default="auto")
    imp.add_argument("--existing", choices=("update", "skip", "new"), default="update")
    imp.add_argument(
        "--create-missing", action="store_true", help="create customers/products not found"
    )
    imp.add_argument(
        "--skip-invalid", action="store_true", help="import the valid rows when some are not"
    )
    imp.add_argument("--dry-run", action="store_true", help="check everything, write nothing")
    imp.add_argument(
        "--errors", type=Path, metavar="FILE.xlsx", help="write the rows with errors here"
    )

    export = sub.add_parser(
        "export", parents=[db_opt, lang_opt], help="export records so they import back"
    )
    export.add_argument(
        "kind", choices=("customers", "contacts", "products", "vouchers"), metavar="KIND"
    )
    export.add_argument("--out", type=Path, required=True, metavar="FILE.xlsx|.csv|.vcf")
    export.add_argument("--encoding", choices=("utf-8-sig", "gb18030"), default="utf-8-sig")
    export.add_argument(
        "--from", dest="date_from", type=_date, metavar="DATE", help="vouchers: first day"
    )
    export.add_argument(
        "--to", dest="date_to", type=_date, metavar="DATE", help="vouchers: last day"
    )

    report = sub.add_parser("report", parents=[db_opt, lang_opt], help="write a summary report")
    report_kinds = report.add_subparsers(dest="report_kind", metavar="KIND", required=True)
    for kind, metavar, what in (
        ("excel", "FILE.xlsx", "the summary workbook (KPIs, monthly sales, customers …)"),
        ("pdf", "FILE.pdf", "the management report (KPIs, charts, top tables)"),
    ):
        one = report_kinds.add_parser(kind, parents=[db_opt, lang_opt], help=what)
        one.add_argument("--out", type=Path, required=True, metavar=metavar)
        one.add_argument(
            "--from",
            dest="date_from",
            type=_date,
            metavar="DATE",
            help="first day (default: 1 Jan)",
        )
        one.add_argument(
            "--to", dest="date_to", type=_date, metavar="DATE", help="last day (default: today)"
        )
    _add_forecast_parser(sub, db_opt, lang_opt)
    _add_accounts_parsers(sub, db_opt, lang_opt)
    _add_deals_parser(sub, db_opt, lang_opt)
    return parser


def _server_url(args: argparse.Namespace) -> str | None:
    """The server database ``--db`` names (``postgresql+psycopg://…``), or None for a file."""
    return args.db if isinstance(args.db, str) else None


def _shown_url(url: str) -> str:
    """A server URL as messages show it: never its password."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url.rsplit("@", maxsplit=1)[-1]


def _db_target(args: argparse.Namespace) -> Path | str:
    """The database of a command that works on a file or a server alike."""
    url = _server_url(args)
    return url if url is not None else _db_path(args)


def _db_path(args: argparse.Namespace) -> Path:
    """The database a command works on; a folder, a pipe or a device is refused here."""
    from sms_desktop.persistence.paths import check_database_path, default_db_path

    url = _server_url(args)
    if url is not None:
        raise _UserError(
            translate(
                "CLI", "this command works on a database file, not yet on a server ({url})"
            ).format(url=_shown_url(url))
        )

    return check_database_path(Path(args.db).expanduser() if args.db else default_db_path())


def _out_path(path: Path) -> Path:
    """A file a command will write, checked before any work starts (one rule for all)."""
    from sms_desktop.persistence.paths import check_output_path

    return check_output_path(Path(path))


def _cmd_demo(args: argparse.Namespace) -> int:
    import time

    from sms_desktop.demo.build import create_demo_database
    from sms_desktop.persistence.lock import InstanceLock

    path = _db_path(args)
    started = time.perf_counter()
    with InstanceLock(path):
        counts = create_demo_database(
            path, customers=args.customers, seed=args.seed, replace=args.replace
        )
    elapsed = time.perf_counter() - started
    print(f"Demo database written to {path} in {elapsed:.1f} s:")
    for table, count in counts.items():
        print(f"  {table:<28}{count:>12,}")
    return EXIT_OK


def _cmd_check(args: argparse.Namespace) -> int:
    from sms_desktop.persistence.db import Database, make_engine, require_current_schema
    from sms_desktop.services.maintenance import MaintenanceService
    from sms_desktop.services.workspace import file_problems

    path = _db_path(args)
    if not path.is_file():
        raise _UserError(_no_database(path))
    problems, _emptied = file_problems(path)  # header, schema and quick_check
    if problems:
        _report_damage(path, problems)
        return EXIT_ERROR
    require_current_schema(path)
    db = Database(path, make_engine(path))
    try:
        report = MaintenanceService(db).check(full=args.full, quick_checked=True)
    finally:
        db.close()
    print(f"Database: {report.path} ({report.size_bytes / 1_048_576:.1f} MiB)")
    print(f"Schema:   revision {report.schema_revision} (current)")
    print(f"Integrity: {'ok' if report.ok else 'DAMAGED'}")
    for problem in report.problems[:20]:
        print(f"  ! {problem}")
    for area in report.counts:
        print(f"  {area.label:<28}{area.count:>12,}")
    if not report.ok:
        _print_backups(path)
    return EXIT_OK if report.ok else EXIT_ERROR


def _report_damage(path: Path, problems: list[str]) -> None:
    size = path.stat().st_size
    print(f"Database: {path} ({size / 1_048_576:.1f} MiB)")
    print("Integrity: DAMAGED")
    for problem in problems[:20]:
        print(f"  ! {problem}")
    _print_backups(path)


def _print_backups(path: Path) -> None:
    """Name the backups of a damaged database and how to restore the latest good one."""
    from sms_desktop.persistence.backup import latest_good_backup, list_backups
    from sms_desktop.services.workspace import backup_date

    backups = list_backups(path)
    if not backups:
        print("No backups of this database were found in its backups folder.")
        return
    good = latest_good_backup(path)
    print(f"Backups ({len(backups)}, newest first):")
    for backup in backups[:10]:
        mark = "  <- latest good backup" if good is not None and backup.path == good.path else ""
        print(f"  {backup_date(backup)}  {backup.size / 1_048_576:8.1f} MiB  {backup.path}{mark}")
    if good is None:
        print("None of the backups passes its check; keep a copy of every file.")
    else:
        print(f'Restore the latest good one with: sms-desktop restore "{good.path}" --db "{path}"')


def _cmd_backup(args: argparse.Namespace) -> int:
    from sms_desktop.persistence.backup import backup_database, rotate_backups

    path = _db_path(args)
    out = _out_path(args.out) if args.out else None
    dest = backup_database(path, dest=out, reason=None if out else "manual")
    if args.out is None:
        rotate_backups(path)
    print(f"Backup written to {dest}")
    return EXIT_OK


def _cmd_restore(args: argparse.Namespace) -> int:
    from sms_desktop.persistence.backup import restore_database
    from sms_desktop.persistence.lock import InstanceLock

    path = _db_path(args)
    source = Path(args.file).expanduser()
    if not source.is_file():
        raise _UserError(translate("CLI", "there is no file at {path}").format(path=str(source)))
    with InstanceLock(path):
        kept = restore_database(source, path)
    print(f"Restored {source} to {path}")
    if kept is not None:
        print(f"The previous database was kept at {kept}")
    return EXIT_OK


def _cmd_quote(args: argparse.Namespace) -> int:
    from sms_desktop.domain.enums import DocumentLanguage
    from sms_desktop.domain.quotes import revision_number
    from sms_desktop.persistence.db import Database, make_engine, require_current_schema
    from sms_desktop.reporting.quote_pdf import quote_language, write_quote_pdf
    from sms_desktop.services.registry import Services

    path = _db_path(args)
    if not path.is_file():
        raise _UserError(_no_database(path))
    require_current_schema(path)
    out = _out_path(args.out)
    revision = None
    if args.revision is not None:
        try:
            revision = revision_number(args.revision)
        except ValueError as exc:
            raise _UserError(
                translate("CLI", "not a revision: {revision} (use A, B … or 1, 2 …)").format(
                    revision=repr(args.revision)
                )
            ) from exc
    db = Database(path, make_engine(path))
    try:
        services = Services(db)
        quote = services.quotes.find(args.number, revision)
        settings = services.settings
        language = (
            DocumentLanguage(args.pdf_lang)
            if args.pdf_lang
            else quote_language(quote, settings.defaults().quote_language)
        )
        try:
            pages = write_quote_pdf(
                quote, out, company=settings.company(), logo=settings.logo(), language=language
            )
        except OSError as exc:
            raise _UserError(
                translate("CLI", "cannot write {path}: {problem}").format(
                    path=str(out), problem=exc.strerror or str(exc)
                )
            ) from exc
    finally:
        db.close()
    print(f"{quote.label}: {pages} page(s) written to {out}")
    return EXIT_OK


def _report_language(args: argparse.Namespace) -> str:
    import os

    if getattr(args, "lang", None):
        return str(args.lang)
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            return "zh_CN" if value.lower().startswith("zh") else "en"
    return "en"


def _cmd_report(args: argparse.Namespace) -> int:
    import time

    from sms_desktop.persistence.db import Database, make_engine, require_current_schema
    from sms_desktop.services.dashboard import DashboardFilter
    from sms_desktop.services.registry import Services

    path = _db_path(args)
    if not path.is_file():
        raise _UserError(_no_database(path))
    require_current_schema(path)
    from sms_desktop.domain.clock import clock

    today = clock().today()
    start = args.date_from or date(today.year, 1, 1)
    end = args.date_to or today
    if start > end:
        raise _UserError(
            translate("CLI", "--from {start} is after --to {end}").format(
                start=start.isoformat(), end=end.isoformat()
            )
        )
    out = _out_path(args.out)
    language = _report_language(args)
    db = Database(path, make_engine(path))
    started = time.perf_counter()
    try:
        services = Services(db)
        flt = DashboardFilter(start, end)
        if args.report_kind == "excel":
            from sms_desktop.reporting.summary_workbook import write_summary_workbook

            write_summary_workbook(
                out, services.dashboard, services.dashboard_reports, flt, language=language
            )
        else:
            from sms_desktop.reporting.forecast_page import ForecastPageSource
            from sms_desktop.reporting.key_accounts_page import read_key_accounts
            from sms_desktop.reporting.management_pdf import write_management_report

            key_accounts = read_key_accounts(
                services.accounts, services.account_plans, clock().today()
            )
            forecast = ForecastPageSource(services.forecast, services.pipeline_forecast)
            write_management_report(
                out,
                services.dashboard,
                flt,
                language=language,
                key_accounts=key_accounts,
                forecast=forecast,
            )
    finally:
        db.close()
    elapsed = time.perf_counter() - started
    print(f"Report for {start} – {end} written to {out} in {elapsed:.1f} s")
    return EXIT_OK


def _translator(args: argparse.Namespace) -> Translator:
    """Messages in the CLI's language (--lang, else the system's), from the same .ts file the
    app's translations are built from (no Qt needed)."""
    from sms_desktop.domain.i18n import identity_translator

    if _report_language(args) != "zh_CN":
        return identity_translator
    import xml.etree.ElementTree as ET

    from sms_desktop.persistence.paths import resources_dir

    table: dict[tuple[str, str], str] = {}
    try:
        root = ET.parse(resources_dir() / "i18n" / "sms_desktop_zh_CN.ts").getroot()
    except (OSError, ET.ParseError):
        return identity_translator
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source, target = message.findtext("source"), message.find("translation")
            if source and target is not None and target.text and not target.get("type"):
                table[(name, source)] = target.text

    def translate_(context: str, text: str) -> str:
        return table.get((context, text), text)

    return translate_


def _open_for_cli(path: Path | str) -> Database:
    from sms_desktop.persistence.db import Database, make_engine, require_current_schema

    if isinstance(path, str):
        return _open_server_for_cli(path)
    if not path.is_file():
        raise _UserError(_no_database(path))
    require_current_schema(path)
    return Database(path, make_engine(path))


def _open_server_for_cli(url: str) -> Database:
    """A server database at the current schema, as it is (a read command does not migrate)."""
    from sms_desktop.persistence.db import (
        Database,
        SchemaState,
        make_server_engine,
        server_schema_info,
    )

    engine = make_server_engine(url)
    try:
        state = server_schema_info(engine).state
    except BaseException:
        engine.dispose()
        raise
    if state is not SchemaState.CURRENT:
        engine.dispose()
        raise _UserError(
            translate(
                "CLI", "{url} holds no SMS Desktop database at this version; run init first"
            ).format(url=_shown_url(url))
        )
    return Database(None, engine)


def _cmd_init(args: argparse.Namespace) -> int:
    import getpass

    from sms_desktop.services.workspace import initialize_empty, open_workspace

    try:
        owner = args.owner or getpass.getuser()
    except (KeyError, OSError):
        owner = "owner"
    url = _server_url(args)
    if url is not None:
        return _init_server(args, url, owner)
    path = _db_path(args)
    if path.exists():
        raise _UserError(
            translate("CLI", "there is already a file at {path}; choose another --db").format(
                path=str(path)
            )
        )
    tr = _translator(args)
    workspace = open_workspace(path)
    try:
        initialize_empty(workspace.db, company_name=args.company, owner_name=owner)
        _save_init_defaults(args, workspace.services.settings)
    except DomainError as exc:
        workspace.close(backup=False)
        path.unlink(missing_ok=True)
        raise _UserError(exc.render(tr)) from exc
    workspace.close(backup=False)
    print(f"Empty database for {args.company.strip()} written to {path}")
    return EXIT_OK


def _save_init_defaults(args: argparse.Namespace, settings: SettingsService) -> None:
    """The currency and quote language ``init`` was given."""
    from sms_desktop.domain.enums import DocumentLanguage

    language = DocumentLanguage.ZH_CN if _report_language(args) == "zh_CN" else None
    defaults = replace(settings.defaults(), currency=args.currency.upper())
    if language is not None or args.lang == "en":
        defaults = replace(defaults, quote_language=language or DocumentLanguage.EN)
    settings.save_defaults(defaults)


def _init_server(args: argparse.Namespace, url: str, owner: str) -> int:
    """``init`` on an existing, empty server database (the admin created it): the app
    creates the schema and what a new database holds. One that has data is refused."""
    from sqlalchemy import func, select

    from sms_desktop.persistence import models as m
    from sms_desktop.persistence.db import open_server_database
    from sms_desktop.services.registry import Services
    from sms_desktop.services.workspace import initialize_empty

    tr = _translator(args)
    db = open_server_database(url)
    try:
        with db.read() as session:
            if session.scalar(select(func.count()).select_from(m.Salesperson)):
                raise _UserError(
                    translate(
                        "CLI", "{url} already holds an SMS Desktop database; choose another --db"
                    ).format(url=db.location)
                )
        initialize_empty(db, company_name=args.company, owner_name=owner)
        _save_init_defaults(args, Services(db).settings)
    except DomainError as exc:
        raise _UserError(exc.render(tr)) from exc
    finally:
        db.close()
    print(f"Empty database for {args.company.strip()} written to {db.location}")
    return EXIT_OK


def _cmd_import(args: argparse.Namespace) -> int:
    from sms_desktop.domain.importing.fields import FIELDS, ImportKind

    tr = _translator(args)
    if args.kind == "list":
        return _import_list(args)
    if args.kind == "revert":
        if args.file is None or not args.file.isdigit():
            build_parser().parse_args(["import", "revert", "--help"])
        return _import_revert(args, int(args.file), tr)
    kind = ImportKind(args.kind)
    if args.fields:
        for target in FIELDS[kind]:
            mark = "*" if target.required else " "
            label = target.label.render(tr)
            print(f"{mark} {target.name:<18} {label:<20} {', '.join(target.synonyms)}")
        return EXIT_OK
    if args.file is None:
        print("sms-desktop import: FILE is required (or --fields)", file=sys.stderr)
        return EXIT_USAGE
    try:
        return _import_file(args, kind, tr)
    except DomainError as exc:
        raise _UserError(" ".join(exc.render(tr).split())) from exc


def _import_file(args: argparse.Namespace, kind: ImportKind, tr: Translator) -> int:
    import getpass
    import json

    from sms_desktop.persistence.lock import InstanceLock
    from sms_desktop.services.imports.mapping import MappingPresets, mapping_from_headers, suggest
    from sms_desktop.services.imports.service import ImportOptions, ImportService
    from sms_desktop.services.settings import SettingsService

    path = _db_path(args)
    source_path = Path(args.file).expanduser()
    errors_out = _out_path(args.errors) if args.errors else None
    chosen: dict[str, str | None] | None = None
    if args.mapping is not None:
        try:
            chosen = json.loads(Path(args.mapping).read_text(encoding="utf-8-sig"))
        except (OSError, ValueError) as exc:
            raise _UserError(
                translate("CLI", "cannot read the mapping {path}: {problem}").format(
                    path=str(args.mapping), problem=str(exc)
                )
            ) from exc
        if not isinstance(chosen, dict) or not all(
            isinstance(k, str) and (v is None or isinstance(v, str)) for k, v in chosen.items()
        ):
            raise _UserError(
                translate("CLI", "a mapping file is one object: {example}").format(
                    example='{"source header": "field", …}'
                )
            )
    with InstanceLock(path):
        db = _open_for_cli(path)
        try:
            service = ImportService(db)
            source = service.open(
                source_path,
                kind,
                sheet=args.sheet,
                encoding=args.encoding,
                header_row=args.header_row,
            )
            if chosen is not None:
                columns = mapping_from_headers(kind, source.info.headers, chosen)
            else:
                columns, _preset = suggest(
                    kind, source.info.headers, MappingPresets(SettingsService(db))
                )
            try:
                actor = getpass.getuser()
            except (KeyError, OSError):
                actor = None
            options = ImportOptions(
                kind,
                columns,
                existing=args.existing,
                create_missing=args.create_missing,
                skip_invalid=args.skip_invalid,
                date_order=None if args.date_order == "auto" else args.date_order,
                dry_run=args.dry_run,
                actor=actor,
            )
            summary = service.run(source, options)
            if source.info.encoding_guessed:
                print(f"{source_path.name}: read as {source.info.encoding}")
            print(summary.line(tr))
            for error in summary.row_errors:
                print(error.render(tr), file=sys.stderr)
            for column in summary.date_order_needed:
                print(
                    f"sms-desktop: the day/month order of {column} cannot be told from the "
                    "file: choose --date-order dmy or mdy",
                    file=sys.stderr,
                )
            if errors_out is not None and summary.row_errors:
                from sms_desktop.reporting.import_files import write_error_workbook

                written = write_error_workbook(errors_out, source, summary, translate_=tr)
                print(f"{written} row(s) with errors written to {errors_out}")
        finally:
            db.close()
    if summary.errors and not summary.written and not args.dry_run:
        print(
            "sms-desktop: nothing was written; fix the rows above or import the valid ones "
            "with --skip-invalid",
            file=sys.stderr,
        )
        return EXIT_ERROR
    return EXIT_ERROR if summary.errors and args.dry_run else EXIT_OK


def _import_list(args: argparse.Namespace) -> int:
    from sms_desktop.reporting.excel import to_local
    from sms_desktop.services.imports.service import ImportService

    db = _open_for_cli(_db_target(args))
    try:
        batches = ImportService(db).batches()
    finally:
        db.close()
    if not batches:
        print("No imports yet.")
    for b in batches:
        when = to_local(b.imported_at).strftime("%Y-%m-%d %H:%M")
        state = " reverted" if b.reverted_at is not None else ""
        print(
            f"{b.id:>5}  {when}  {b.kind:<13} {b.file_name}  created {b.created}, updated "
            f"{b.updated}, unchanged {b.unchanged}, skipped {b.skipped}, errors {b.errors}"
            f"{state}"
        )
    return EXIT_OK


def _import_revert(args: argparse.Namespace, batch: int, tr: Translator) -> int:
    from sms_desktop.persistence.lock import InstanceLock
    from sms_desktop.services.imports.service import ImportService

    path = _db_path(args)
    with InstanceLock(path):
        db = _open_for_cli(path)
        try:
            result = ImportService(db).revert(batch)
        except DomainError as exc:
            raise _UserError(exc.render(tr)) from exc
        finally:
            db.close()
    print(f"Batch {batch} reverted: {result.removed} removed, {result.restored} put back")
    return EXIT_OK


def _cmd_export(args: argparse.Namespace) -> int:
    from sms_desktop.domain.importing.fields import ImportKind
    from sms_desktop.reporting.import_files import write_records
    from sms_desktop.services.imports.export import count_rows, export_fields, export_rows

    if args.kind == "vouchers":
        return _export_vouchers(args)
    out = _out_path(args.out)
    suffix = out.suffix.lower()
    if suffix not in (".xlsx", ".csv", ".vcf"):
        raise _UserError(translate("CLI", "--out must end in .xlsx, .csv or .vcf"))
    if suffix == ".vcf" and args.kind != "contacts":
        raise _UserError(translate("CLI", "only contacts are exported as vCard (.vcf)"))
    kind = ImportKind(args.kind)
    db = _open_for_cli(_db_target(args))
    try:
        written = write_records(
            out,
            export_fields(kind),
            export_rows(db, kind),
            translate_=_translator(args),
            encoding=args.encoding,
            total=count_rows(db, kind),
            sheet_title=args.kind,
        )
    finally:
        db.close()
    print(f"{written} {args.kind} written to {out}")
    return EXIT_OK


def _export_vouchers(args: argparse.Namespace) -> int:
    from sms_desktop.domain.enums import DocumentLanguage
    from sms_desktop.reporting.vouchers import write_vouchers
    from sms_desktop.services.vouchers import VouchersService

    if args.date_from is None or args.date_to is None:
        raise _UserError(translate("CLI", "export vouchers needs --from DATE and --to DATE"))
    if args.date_from > args.date_to:
        raise _UserError(translate("CLI", "--from must not be after --to"))
    out = _out_path(args.out)
    if out.suffix.lower() not in (".xlsx", ".csv"):
        raise _UserError(translate("CLI", "--out must end in .xlsx or .csv"))
    language = DocumentLanguage(_report_language(args))
    db = _open_for_cli(_db_target(args))
    try:
        service = VouchersService(db)
        vouchers = service.vouchers(args.date_from, args.date_to)
        lines = write_vouchers(
            out,
            vouchers,
            customers=service.customers(),
            products=service.products(),
            language=language,
            encoding=args.encoding,
        )
    finally:
        db.close()
    print(f"{len(vouchers)} vouchers ({lines} lines) written to {out}")
    return EXIT_OK


def _cmd_order(args: argparse.Namespace) -> int:
    from sms_desktop.domain.enums import DocumentLanguage
    from sms_desktop.reporting.order_pdf import OrderPdfKind, write_order_pdf

    out = _out_path(args.out)
    db = _open_for_cli(_db_target(args))
    try:
        from sms_desktop.services.registry import Services

        services = Services(db)
        order = services.orders.find(args.number)
        document = services.orders.document(order.id)
        settings = services.settings
        language = DocumentLanguage(
            args.pdf_lang or document.party.quote_language or settings.defaults().quote_language
        )
        kind = OrderPdfKind(args.kind)
        delivery = (
            order.deliveries[-1] if kind is OrderPdfKind.DELIVERY and order.deliveries else None
        )
        try:
            pages = write_order_pdf(
                document,
                out,
                kind=kind,
                company=settings.company(),
                logo=settings.logo(),
                language=language,
                delivery=delivery,
            )
        except OSError as exc:
            raise _UserError(
                translate("CLI", "cannot write {path}: {problem}").format(
                    path=str(out), problem=exc.strerror or str(exc)
                )
            ) from exc
    finally:
        db.close()
    print(f"{order.number}: {pages} page(s) written to {out}")
    return EXIT_OK


def _cmd_receivables(args: argparse.Namespace) -> int:
    from sms_desktop.domain.clock import clock
    from sms_desktop.services.receivables import ReceivablesService

    db = _open_for_cli(_db_target(args))
    try:
        report = ReceivablesService(db).ageing(args.as_of or clock().today())
    finally:
        db.close()
    {"json": _receivables_json, "csv": _receivables_csv, "table": _receivables_table}[args.format](
        report, _translator(args)
    )
    return EXIT_OK


def _buckets(buckets: dict[Any, Decimal]) -> dict[str, str]:
    from sms_desktop.domain.orders import AGE_BUCKETS

    return {b.value: f"{buckets[b]:.2f}" for b in AGE_BUCKETS}


def _receivables_json(report: AgeingReport, tr: Translator) -> None:
    import json

    del tr
    document = {
        "as_of": report.as_of.isoformat(),
        "currency": report.currency,
        "customers": [
            {
                "customer": row.customer,
                "code": row.code,
                "open": f"{row.open:.2f}",
                **_buckets(row.buckets),
                "credit": f"{row.credit:.2f}",
            }
            for row in report.customers
        ],
        "total": {"open": f"{report.total_open:.2f}", **_buckets(report.total_buckets)},
    }
    print(json.dumps(document, ensure_ascii=False, indent=2))


def _receivables_csv(report: AgeingReport, tr: Translator) -> None:
    import csv

    from sms_desktop.domain.orders import AGE_BUCKETS

    del tr
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(("customer", "code", "open", *(b.value for b in AGE_BUCKETS), "credit"))
    for row in report.customers:
        writer.writerow(
            (
                row.customer,
                row.code,
                f"{row.open:.2f}",
                *(f"{row.buckets[b]:.2f}" for b in AGE_BUCKETS),
                f"{row.credit:.2f}",
            )
        )
    writer.writerow(
        (
            "TOTAL",
            "",
            f"{report.total_open:.2f}",
            *(f"{report.total_buckets[b]:.2f}" for b in AGE_BUCKETS),
            f"{report.total_credit:.2f}",
        )
    )


def _receivables_table(report: AgeingReport, tr: Translator) -> None:
    from sms_desktop.domain.orders import AGE_BUCKETS, bucket_name

    print(
        translate("CLI", "Receivables as of {day} in {currency}")
        .format(day=report.as_of.isoformat(), currency=report.currency)
        .render(tr)
    )
    names = [bucket_name(b).render(tr) for b in AGE_BUCKETS]
    header = [
        translate("CLI", "Customer").render(tr),
        translate("CLI", "Open").render(tr),
        *names,
        translate("CLI", "Credit").render(tr),
    ]
    print(f"{header[0]:<30}" + "".join(f"{h:>16}" for h in header[1:]))

    def line(name: str, open_: Decimal, buckets: dict[Any, Decimal], credit: Decimal) -> str:
        figures = [open_, *(buckets[b] for b in AGE_BUCKETS), credit]
        return f"{name[:30]:<30}" + "".join(f"{v:>16,.2f}" for v in figures)

    for row in report.customers:
        print(line(row.customer, row.open, row.buckets, row.credit))
    print(
        line(
            translate("CLI", "Total").render(tr),
            report.total_open,
            report.total_buckets,
            report.total_credit,
        )
    )


def _horizon(text: str) -> int:
    from sms_desktop.domain.forecast import MAX_HORIZON

    value = _positive(text)
    if value > MAX_HORIZON:
        raise argparse.ArgumentTypeError(f"at most {MAX_HORIZON} periods")
    return value


def _add_forecast_parser(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
    db_opt: argparse.ArgumentParser,
    lang_opt: argparse.ArgumentParser,
) -> None:
    forecast = sub.add_parser(
        "forecast",
        parents=[db_opt, lang_opt],
        help="statistical sales forecast with its backtested accuracy",
    )
    forecast.add_argument("--metric", choices=("revenue", "orders", "margin"), default="revenue")
    forecast.add_argument("--by", choices=("month", "quarter"), default="month")
    forecast.add_argument(
        "--horizon", type=_horizon, default=12, metavar="N", help="periods, 1-18 (default 12)"
    )
    forecast.add_argument(
        "--as-of",
        dest="as_of",
        type=_date,
        metavar="DATE",
        help="forecast as on this day, from the data before its period (default: today)",
    )
    forecast.add_argument("--owner", metavar="NAME", help="one salesperson's orders")
    forecast.add_argument("--category", metavar="NAME", help="one product category's sales")
    forecast.add_argument("--format", choices=("table", "csv", "json"), default="table")


def _cmd_forecast(args: argparse.Namespace) -> int:
    from sms_desktop.domain.clock import clock
    from sms_desktop.services.forecast import ForecastService

    tr = _translator(args)
    db = _open_for_cli(_db_target(args))
    try:
        service = ForecastService(db)
        owner = service.owner_named(args.owner) if args.owner else None
        category = service.category_named(args.category) if args.category else None
        result = service.forecast(
            args.metric,
            args.by,
            args.horizon,
            as_of=args.as_of or clock().today(),
            owner_id=owner,
            category_id=category,
        )
    except DomainError as exc:
        raise _UserError(" ".join(exc.render(tr).split())) from exc
    finally:
        db.close()
    if result.message is not None:
        raise _UserError(result.message)
    {"json": _forecast_json, "csv": _forecast_csv, "table": _forecast_table}[args.format](
        result, tr
    )
    return EXIT_OK


def _percent(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def _forecast_json(result: Forecast, tr: Translator) -> None:
    import json

    fit = result.result
    assert fit.method is not None
    assert fit.baseline is not None
    document = {
        "model": fit.method.value,
        "model_name": fit.method.label.render(tr),
        "backtest_wape": _percent(fit.backtest_wape),
        "baseline": fit.baseline.value,
        "baseline_wape": _percent(fit.baseline_wape),
        "interval": fit.interval,
        "coverage": None if fit.coverage is None else round(fit.coverage, 4),
        "origins": fit.origins,
        "reasons": [f.value for f in fit.fallbacks],
        "candidates": [
            {
                "model": c.method.value,
                "wape": _percent(c.wape),
                "by_horizon": [
                    {"horizon": e.horizon, "wape": _percent(e.wape), "mape": _percent(e.mape)}
                    for e in c.by_horizon
                ],
            }
            for c in fit.candidates
        ],
        "periods": [
            {
                "period": p.label,
                "forecast": str(p.forecast),
                "low": str(p.low),
                "high": str(p.high),
                "pipeline_weighted": None if weighted is None else str(weighted),
            }
            for p, weighted in zip(fit.periods, result.pipeline_weighted, strict=True)
        ],
    }
    print(json.dumps(document, ensure_ascii=False, indent=2))


def _forecast_csv(result: Forecast, tr: Translator) -> None:
    import csv

    del tr
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(("period", "forecast", "low", "high", "pipeline_weighted"))
    for p, weighted in zip(result.result.periods, result.pipeline_weighted, strict=True):
        writer.writerow((p.label, p.forecast, p.low, p.high, "" if weighted is None else weighted))


def _forecast_table(result: Forecast, tr: Translator) -> None:
    fit = result.result
    assert fit.method is not None
    assert fit.baseline is not None

    def pct(value: float | None) -> str:
        return "-" if value is None else f"{value:.1f} %"

    print(
        translate("CLI", "{metric} forecast as of {day}: {method}")
        .format(metric=result.metric.label, day=result.as_of.isoformat(), method=fit.method.label)
        .render(tr)
    )
    print(
        translate(
            "CLI",
            "Backtest WAPE {wape} over {origins} origins; {baseline}: {baseline_wape}",
        )
        .format(
            wape=pct(fit.backtest_wape),
            origins=fit.origins,
            baseline=fit.baseline.label,
            baseline_wape=pct(fit.baseline_wape),
        )
        .render(tr)
    )
    print(
        translate("CLI", "80 % interval; its coverage in the backtest: {coverage}")
        .format(coverage=pct(None if fit.coverage is None else 100 * fit.coverage))
        .render(tr)
    )
    for reason in fit.fallbacks:
        print(f"  {reason.label.render(tr)}")
    print(f"{'':<10}{'forecast':>18}{'low':>18}{'high':>18}{'pipeline':>18}")
    for p, weighted in zip(fit.periods, result.pipeline_weighted, strict=True):
        pipe = "-" if weighted is None else f"{weighted:,.2f}"
        print(f"{p.label:<10}{p.forecast:>18,.2f}{p.low:>18,.2f}{p.high:>18,.2f}{pipe:>18}")


# ------------------------------------------------------------------ key accounts

SEGMENT_COLUMNS = (
    "id",
    "code",
    "name",
    "recency_days",
    "frequency",
    "monetary",
    "r",
    "f",
    "m",
    "rfm_segment",
    "abc",
    "clv",
    "health",
    "tier",
)
ACTION_COLUMNS = ("priority", "kind", "customer_id", "customer", "owner", "subject_id", "reason")


def _add_accounts_parsers(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
    db_opt: argparse.ArgumentParser,
    lang_opt: argparse.ArgumentParser,
) -> None:
    segments = sub.add_parser(
        "segments",
        parents=[db_opt, lang_opt],
        help="RFM, ABC, CLV, health and tier of every customer with orders",
    )
    segments.add_argument(
        "--as-of",
        dest="as_of",
        type=_date,
        metavar="DATE",
        help="scores as on this day, from the orders up to it (default: today)",
    )
    segments.add_argument(
        "--period-from",
        dest="period_from",
        type=_date,
        metavar="DATE",
        help="first day of the ABC period (default: 12 months before --as-of)",
    )
    segments.add_argument(
        "--period-to",
        dest="period_to",
        type=_date,
        metavar="DATE",
        help="last day of the ABC period (default: --as-of; orders after it never count)",
    )
    segments.add_argument("--format", choices=("table", "csv", "json"), default="table")
    actions = sub.add_parser(
        "actions",
        parents=[db_opt, lang_opt],
        help="next-best actions, ranked, with their reason (recomputes the scores first)",
    )
    actions.add_argument("--owner", metavar="NAME", help="one salesperson's actions")
    actions.add_argument("--format", choices=("table", "csv", "json"), default="table")


def _cmd_segments(args: argparse.Namespace) -> int:
    from sms_desktop.domain.clock import clock
    from sms_desktop.services.accounts import Period, default_period
    from sms_desktop.services.registry import Services

    tr = _translator(args)
    as_of = args.as_of or clock().today()
    period = default_period(as_of)
    if args.period_from or args.period_to:
        period = Period(args.period_from or period.start, args.period_to or period.end)
    if period.start > period.end:
        raise _UserError(translate("CLI", "the period starts after it ends"))
    db = _open_for_cli(_db_target(args))
    try:
        _, lines = Services(db).accounts.segment_lines(as_of, period)
    except DomainError as exc:
        raise _UserError(" ".join(exc.render(tr).split())) from exc
    finally:
        db.close()
    rows = [
        {
            "id": line.score.customer_id,
            "code": line.code or "",
            "name": line.name,
            "recency_days": line.score.recency_days,
            "frequency": line.score.frequency,
            "monetary": line.score.monetary,
            "r": line.score.r,
            "f": line.score.f,
            "m": line.score.m,
            "rfm_segment": line.score.rfm_segment.value,
            "abc": line.score.abc.value,
            "clv": line.score.clv,
            "health": line.score.health,
            "tier": line.tier.value,
        }
        for line in lines
    ]
    labels = {
        "rfm_segment": {
            line.score.rfm_segment.value: line.score.rfm_segment.label for line in lines
        },
        "tier": {line.tier.value: line.tier.label for line in lines},
    }
    _write_records(args.format, SEGMENT_COLUMNS, rows, labels, tr)
    return EXIT_OK


def _cmd_actions(args: argparse.Namespace) -> int:
    from sms_desktop.services.registry import Services

    tr = _translator(args)
    language = _report_language(args)
    db = _open_for_cli(_db_target(args))
    try:
        services = Services(db)
        owner = services.next_actions.owner_named(args.owner) if args.owner else None
        services.accounts.recompute()
        actions = services.next_actions.actions(owner_id=owner, language=language)
    except DomainError as exc:
        raise _UserError(" ".join(exc.render(tr).split())) from exc
    finally:
        db.close()
    rows = [
        {
            "priority": a.priority,
            "kind": a.kind.value,
            "customer_id": a.customer_id,
            "customer": a.customer,
            "owner": a.owner or "",
            "subject_id": a.subject_id,
            "reason": a.reason.render(tr),
        }
        for a in actions
    ]
    labels = {"kind": {a.kind.value: a.kind.label for a in actions}}
    _write_records(args.format, ACTION_COLUMNS, rows, labels, tr)
    return EXIT_OK


def _write_records(
    kind: str,
    columns: Sequence[str],
    rows: Sequence[Mapping[str, object]],
    labels: Mapping[str, Mapping[str, Message]],
    tr: Translator,
) -> None:
    """Rows as JSON (a list of objects; amounts as strings), CSV (header of column names) or
    an aligned table (values shown by their translated labels)."""
    if kind == "json":
        import json

        print(json.dumps(rows, ensure_ascii=False, indent=2, default=str))
        return
    if kind == "csv":
        import csv

        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow(["" if row[c] is None else row[c] for c in columns])
        return
    import unicodedata

    def width(text: str) -> int:
        return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)

    def cell(column: str, value: object) -> str:
        if value is None:
            return "-"
        if column in labels and isinstance(value, str) and value in labels[column]:
            return labels[column][value].render(tr)
        if hasattr(value, "is_finite"):
            return f"{value:,.2f}"
        return str(value)

    table = [list(columns)] + [[cell(c, row[c]) for c in columns] for row in rows]
    widths = [max(width(line[i]) for line in table) for i in range(len(columns))]
    for line in table:
        print(
            "  ".join(
                text + " " * (widths[i] - width(text)) for i, text in enumerate(line)
            ).rstrip()
        )


def _add_deals_parser(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
    db_opt: argparse.ArgumentParser,
    lang_opt: argparse.ArgumentParser,
) -> None:
    deals = sub.add_parser("deals", help="win probability of the open deals, and its model")
    kinds = deals.add_subparsers(dest="deals_command", required=True, metavar="score|model")
    score = kinds.add_parser(
        "score", parents=[db_opt, lang_opt], help="one row per open deal with its probability"
    )
    score.add_argument(
        "--as-of",
        dest="as_of",
        type=_date,
        metavar="DATE",
        help="score as on this day, from the deals closed before it (default: today)",
    )
    score.add_argument("--format", choices=("table", "csv", "json"), default="table")
    model = kinds.add_parser(
        "model", parents=[db_opt, lang_opt], help="the model's backtest against stage defaults"
    )
    model.add_argument("--format", choices=("table", "json"), default="table")


def _factor_text(effect: FactorEffect, tr: Translator) -> str:
    from sms_desktop.domain.win_model import level_name

    level = level_name(effect.level)
    shown = level if isinstance(level, str) else level.render(tr)
    return f"{effect.name.render(tr)}：{shown} {effect.points:+.0f}"


def _cmd_deals(args: argparse.Namespace) -> int:
    import json

    from sms_desktop.domain.clock import clock
    from sms_desktop.services.win_probability import WinProbabilityService

    tr = _translator(args)
    db = _open_for_cli(_db_target(args))
    as_of = getattr(args, "as_of", None) or clock().today()
    try:
        service = WinProbabilityService(db)
        if args.deals_command == "model":
            report = service.report(as_of=as_of)
        else:
            scores, note = service.score(as_of=as_of)
    except DomainError as exc:
        raise _UserError(" ".join(exc.render(tr).split())) from exc
    finally:
        db.close()
    if args.deals_command == "model":
        calibration = [
            [round(p, 4), round(o, 4), n]
            for p, o, n in (report.calibration or report.stage_calibration)
        ]
        document: dict[str, object] = {
            "n_train": report.n_train,
            "n_test": report.n_test,
            "brier_model": None if report.brier_model is None else round(report.brier_model, 4),
            "brier_stage": None if report.brier_stage is None else round(report.brier_stage, 4),
            "calibration": calibration,
            "uses_model": report.uses_model,
        }
        if args.format == "json":
            print(json.dumps(document, ensure_ascii=False, indent=2))
            return EXIT_OK
        if report.message is not None:
            print(report.message.render(tr))
        print(
            translate("CLI", "Trained on {train} closed deals, tested on the {test} closed after.")
            .format(train=report.n_train, test=report.n_test)
            .render(tr)
        )
        print(
            translate("CLI", "Brier score: model {model}, stage defaults {stage}")
            .format(model=document["brier_model"] or "-", stage=document["brier_stage"] or "-")
            .render(tr)
        )
        print(f"{'predicted':>10}{'observed':>10}{'deals':>8}")
        for p, o, n in calibration:
            print(f"{100 * p:>9.1f}%{100 * o:>9.1f}%{n:>8}")
        return EXIT_OK
    if note is not None and args.format == "table":
        print(note.render(tr))
    rows: list[dict[str, Any]] = [
        {
            "id": s.id,
            "title": s.title,
            "customer": s.customer,
            "stage": s.stage,
            "stage_probability": s.stage_probability,
            "probability": s.probability,
            "probability_source": s.source.render(tr),
            "factors": [
                {
                    "factor": e.factor,
                    "text": _factor_text(e, tr),
                    "points": round(e.points, 1),
                }
                for e in s.factors
            ],
        }
        for s in scores
    ]
    if args.format == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    elif args.format == "csv":
        import csv

        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(
            ("id", "title", "customer", "stage", "stage_probability", "probability", "factors")
        )
        for r in rows:
            writer.writerow(
                (
                    r["id"],
                    r["title"],
                    r["customer"],
                    r["stage"],
                    r["stage_probability"],
                    r["probability"],
                    "; ".join(f["text"] for f in r["factors"]),
                )
            )
    else:
        for r in rows:
            factors = "; ".join(f["text"] for f in r["factors"])
            print(
                f"{r['id']:>6}  {r['title'][:28]:<28}  {r['stage']:<8}"
                f"{r['stage_probability']:>4}% → {r['probability']:>3}%  {factors}"
            )
    return EXIT_OK


def _cmd_gui(args: argparse.Namespace) -> int:
    from sms_desktop.app import run_gui

    return run_gui(
        db_path=_db_path(args),
        lang=args.lang,
        screenshot=getattr(args, "screenshot", None),
        tab=getattr(args, "tab", None),
        size=getattr(args, "size", (1400, 900)),
        explicit_db=args.db is not None,
    )


class _UserError(Exception):
    """A one-line error for the user, in the CLI's language (rendered by ``main``)."""

    def __init__(self, message: Message | str) -> None:
        super().__init__(message)
        self.message = message

    def render(self, translator: Translator) -> str:
        text = self.message
        return text if isinstance(text, str) else text.render(translator)


def _no_database(path: Path) -> Message:
    return translate("CLI", "there is no database at {path}").format(path=str(path))


_COMMANDS: dict[str | None, Callable[[argparse.Namespace], int]] = {
    None: _cmd_gui,
    "gui": _cmd_gui,
    "demo": _cmd_demo,
    "check": _cmd_check,
    "backup": _cmd_backup,
    "restore": _cmd_restore,
    "report": _cmd_report,
    "quote": _cmd_quote,
    "order": _cmd_order,
    "receivables": _cmd_receivables,
    "init": _cmd_init,
    "import": _cmd_import,
    "export": _cmd_export,
    "forecast": _cmd_forecast,
    "deals": _cmd_deals,
    "segments": _cmd_segments,
    "actions": _cmd_actions,
}


@contextmanager
def _interrupt_on_sigterm() -> Iterator[None]:
    """While a command runs, ``kill`` (SIGTERM) stops it like Ctrl+C does, so it removes
    its temporary files on the way out instead of leaving them behind."""
    import signal

    def interrupt(_signum: int, _frame: object) -> None:
        raise KeyboardInterrupt

    try:
        previous = signal.signal(signal.SIGTERM, interrupt)
    except (ValueError, OSError):  # not the main thread (embedded use): leave it
        yield
        return
    try:
        yield
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _unexpected(exc: Exception) -> str:
    """One line for an error nobody foresaw: what kind, and where the details are (never
    SQL or a traceback on screen; database errors carry their SQL in their text)."""
    import traceback

    from sms_desktop.domain.i18n import translate
    from sms_desktop.persistence.paths import write_crash_log

    log = write_crash_log(traceback.format_exc())
    where = str(log) if log is not None else "-"
    if isinstance(exc, OSError) and not _is_database_error(exc):
        return (
            translate("Cli", "Could not read or write {file} ({reason}); details are in {log}.")
            .format(
                file=str(exc.filename or "a file"),
                reason=exc.strerror or type(exc).__name__,
                log=where,
            )
            .render()
        )
    if _is_database_error(exc):
        return (
            translate("Cli", "A database error stopped the command; details are in {log}.")
            .format(log=where)
            .render()
        )
    return (
        translate("Cli", "Unexpected error ({kind}); details are in {log}.")
        .format(kind=type(exc).__name__, log=where)
        .render()
    )


def _is_database_error(exc: BaseException) -> bool:
    import sqlite3

    if isinstance(exc, sqlite3.Error):
        return True
    return any(cls.__module__.startswith("sqlalchemy") for cls in type(exc).__mro__)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.selftest:
        from sms_desktop.selftest import run as selftest

        return selftest()
    try:
        if args.command in (None, "gui"):  # the app handles its own signals
            return _COMMANDS[args.command](args)
        with _interrupt_on_sigterm():
            return _COMMANDS[args.command](args)
    except KeyboardInterrupt:
        print("sms-desktop: interrupted", file=sys.stderr)
        return EXIT_ERROR
    except _UserError as exc:
        print(f"sms-desktop: {exc.render(_translator(args))}", file=sys.stderr)
        return EXIT_ERROR
    except Exception as exc:
        from sms_desktop.domain.errors import DomainError

        text = exc.render(_translator(args)) if isinstance(exc, DomainError) else _unexpected(exc)
        print(f"sms-desktop: {' '.join(text.split())}", file=sys.stderr)
        return EXIT_ERROR
