"""File ▸ Export ▸ Customers / Contacts / Products, all fields: the records in the import's
own columns with their id (what ``sms-desktop export`` writes), so a partner gets every
field and an edited file imports back onto the same records."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow

from sms_desktop.domain.importing.fields import ImportKind
from sms_desktop.reporting.csv_export import CsvEncoding
from sms_desktop.services.registry import Services
from sms_desktop.ui.background import Progress
from sms_desktop.ui.i18n import translate, translator
from sms_desktop.ui.table_export import run_export
from sms_desktop.ui.widgets.save_dialog import (
    CSV_GB18030,
    CSV_UTF8,
    LIST_TYPES,
    VCF,
    ask_save_path,
)

_ENCODINGS: dict[str, CsvEncoding] = {CSV_UTF8.key: "utf-8-sig", CSV_GB18030.key: "gb18030"}


def export_records(window: QMainWindow, services: Services, kind_name: str) -> None:
    from sms_desktop.reporting.import_files import write_records
    from sms_desktop.services.imports.export import count_rows, export_fields, export_rows

    kind = ImportKind(kind_name)
    names = {
        ImportKind.CUSTOMERS: (
            translate("RecordExport", "Export Customers"),
            translate("RecordExport", "customers"),
        ),
        ImportKind.CONTACTS: (
            translate("RecordExport", "Export Contacts"),
            translate("RecordExport", "contacts"),
        ),
        ImportKind.PRODUCTS: (
            translate("RecordExport", "Export Products"),
            translate("RecordExport", "products"),
        ),
    }
    title, file_name = names[kind]
    types = (*LIST_TYPES, VCF) if kind is ImportKind.CONTACTS else LIST_TYPES
    choice = ask_save_path(window, title, file_name, types)
    if choice is None:
        return
    db, tr, path = services.db, translator(), choice.path
    encoding = _ENCODINGS.get(choice.type.key, "utf-8-sig")

    def work(progress: Progress) -> int:
        return write_records(
            path,
            export_fields(kind),
            export_rows(db, kind),
            translate_=tr,
            encoding=encoding,
            total=count_rows(db, kind),
            progress=progress,
            sheet_title=file_name,
        )

    def done(count: int) -> None:
        window.statusBar().showMessage(
            translate("RecordExport", "Exported {count} records to {path}.").format(
                count=count, path=str(path)
            )
        )

    run_export(window, work, label=translate("RecordExport", "Exporting…"), on_done=done)
