"""File ▸ Import… (导入): file → sheet and header → mapping → preview with the errors per cell →
the import itself off the GUI thread (Cancel writes nothing) → what it did, with Undo.

Everything the wizard decides goes to the one import API (``services/imports``): the file is
opened by ``ImportService.open``, the preview is a dry run of the very import that follows, and
Undo of an import is ``revert`` of its batch.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from sms_desktop.domain.importing.fields import FIELDS, ImportKind, missing_required
from sms_desktop.domain.importing.values import DateOrder
from sms_desktop.services.imports.mapping import Columns, MappingPresets, suggest
from sms_desktop.services.imports.service import (
    ExistingPolicy,
    ImportCancelledError,
    ImportOptions,
    ImportService,
    ImportSummary,
    RowError,
)
from sms_desktop.services.imports.sources import ENCODINGS, Encoding, Source
from sms_desktop.services.registry import Services
from sms_desktop.ui.background import CancelledError, Operation, Progress
from sms_desktop.ui.dialogs.messages import show_error
from sms_desktop.ui.edit import edit_ok, push_edit, run_edit
from sms_desktop.ui.i18n import tr_message, translate, translator
from sms_desktop.ui.palette import ERROR_STYLE, MUTED_STYLE, Colour, qcolor
from sms_desktop.ui.undo import DoneCommand
from sms_desktop.ui.widgets.file_dialogs import ask_open_path
from sms_desktop.ui.widgets.save_dialog import XLSX, ask_save_path

PREVIEW_ROWS = 50  # rows of the file shown with their errors
SHOWN_ERRORS = 500  # errors listed (the error report has them all)
_HISTORY_KINDS = frozenset({ImportKind.ORDERS, ImportKind.OPPORTUNITIES, ImportKind.ACTIVITIES})
_FILES = "*.xlsx *.xls *.ods *.csv *.txt *.tsv *.vcf"


def _kind_labels() -> dict[ImportKind, str]:
    return {
        ImportKind.CUSTOMERS: translate(
            "ImportWizard", "Customers (with a contact on the same row)"
        ),
        ImportKind.CONTACTS: translate("ImportWizard", "Contacts of existing customers"),
        ImportKind.PRODUCTS: translate("ImportWizard", "Products"),
        ImportKind.ORDERS: translate("ImportWizard", "Order history (one row per order line)"),
        ImportKind.OPPORTUNITIES: translate("ImportWizard", "Opportunities (open and closed)"),
        ImportKind.ACTIVITIES: translate("ImportWizard", "Past activities (calls, visits …)"),
    }


PREVIEW_COLUMN_MAX = 320  # px: the widest a preview column grows to fit its values


class ImportWizard(QWizard):
    """The import centre's wizard; ``summary`` holds what the import did once it ran."""

    def __init__(
        self,
        services: Services,
        undo: QUndoStack,
        *,
        kind: ImportKind = ImportKind.CUSTOMERS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importWizard")
        self.setWindowTitle(self.tr("Import"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.services = services
        self.imports: ImportService = services.imports
        self.presets = MappingPresets(services.settings)
        self.undo = undo
        self.source: Source | None = None
        self.columns: Columns = ()
        self.preview: ImportSummary | None = None
        self.summary: ImportSummary | None = None
        self.file_page = FilePage(self, kind)
        self.mapping_page = MappingPage(self)
        self.preview_page = PreviewPage(self)
        self.result_page = ResultPage(self)
        for page in (self.file_page, self.mapping_page, self.preview_page, self.result_page):
            self.addPage(page)
        self.resize(960, 640)

    @property
    def kind(self) -> ImportKind:
        return self.file_page.kind()

    def import_options(self, *, dry_run: bool) -> ImportOptions:
        page = self.preview_page
        return ImportOptions(
            kind=self.kind,
            columns=self.columns,
            existing=page.existing(),
            create_missing=page.create_missing.isChecked(),
            skip_invalid=page.skip_invalid.isChecked(),
            date_order=page.date_order(),
            dry_run=dry_run,
        )

    def run_import(
        self,
        *,
        dry_run: bool,
        label: str,
        done: Callable[[ImportSummary], None],
        failed: Callable[[BaseException], None],
    ) -> Operation[ImportSummary]:
        """The import (or its dry run) on a worker thread, with progress and Cancel."""
        source, options, imports = self.source, self.import_options(dry_run=dry_run), self.imports
        assert source is not None

        def work(progress: Progress) -> ImportSummary:
            return imports.run(
                source, options, progress=progress, cancelled=lambda: progress.cancelled
            )

        return Operation(
            self,
            work,
            label=label,
            on_success=done,
            on_failure=failed,
            on_cancelled=lambda: failed(CancelledError()),
            cancellable=True,
        ).start()


# ------------------------------------------------------------------------------- file


class FilePage(QWizardPage):
    def __init__(self, wizard: ImportWizard, kind: ImportKind) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setTitle(self.tr("Choose the file"))
        self.setSubTitle(
            self.tr("An Excel workbook (.xlsx, .xls), an OpenDocument sheet (.ods), a CSV or "
                    "text file, or contacts as vCard (.vcf).")
        )  # fmt: skip
        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("importKind")
        for key, label in _kind_labels().items():
            self.kind_combo.addItem(label, key.value)
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind.value))
        self.path_edit = QLineEdit(self)
        self.path_edit.setObjectName("importPath")
        self.path_edit.setReadOnly(True)
        browse = QPushButton(self.tr("Browse…"), self)
        browse.setObjectName("importBrowse")
        browse.clicked.connect(lambda _c=False: self.browse())
        file_row = QHBoxLayout()
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(browse)
        self.sheet_combo = QComboBox(self)
        self.sheet_combo.setObjectName("importSheet")
        self.encoding_combo = QComboBox(self)
        self.encoding_combo.setObjectName("importEncoding")
        names = {
            "auto": self.tr("Detect (BOM, UTF-8, then GB18030)"),
            "utf-8": "UTF-8",
            "gb18030": self.tr("GB18030 / GBK (Chinese Windows)"),
            "utf-16": "UTF-16",
        }
        for code in ENCODINGS:
            self.encoding_combo.addItem(names[code], code)
        self.header_spin = QSpinBox(self)
        self.header_spin.setObjectName("importHeaderRow")
        self.header_spin.setRange(1, 1000)
        self.info = QLabel(self)
        self.info.setObjectName("importFileInfo")
        self.info.setWordWrap(True)
        self.info.setStyleSheet(MUTED_STYLE)
        self.error = QLabel(self)
        self.error.setObjectName("importFileError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        form = QFormLayout(self)
        form.addRow(self.tr("What to import:"), self.kind_combo)
        form.addRow(self.tr("File:"), file_row)
        form.addRow(self.tr("Sheet:"), self.sheet_combo)
        form.addRow(self.tr("Encoding:"), self.encoding_combo)
        form.addRow(self.tr("Header row:"), self.header_spin)
        form.addRow("", self.info)
        form.addRow("", self.error)
        self._opening = False
        self.kind_combo.currentIndexChanged.connect(lambda _i: self.reopen())
        self.sheet_combo.currentIndexChanged.connect(lambda _i: self.reopen())
        self.encoding_combo.currentIndexChanged.connect(lambda _i: self.reopen())
        self.header_spin.valueChanged.connect(lambda _v: self.reopen(header=True))
        self._show_choices()

    def kind(self) -> ImportKind:
        return ImportKind(self.kind_combo.currentData())

    def browse(self) -> None:
        path = ask_open_path(
            self,
            self.tr("Import File"),
            Path(self.path_edit.text()).parent if self.path_edit.text() else None,
            self.tr("Spreadsheets and CSV ({patterns});;All files (*)").format(patterns=_FILES),
        )
        if path is not None:
            self.open_file(path)

    def open_file(self, path: Path) -> None:
        self.path_edit.setText(str(path))
        self._opening = True
        self.sheet_combo.clear()
        self._opening = False
        self.reopen()

    def reopen(self, *, header: bool = False) -> None:
        """(Re)open the file with the choices made; the header row is guessed unless set."""
        if self._opening or not self.path_edit.text():
            return
        wizard = self._wizard
        sheet = self.sheet_combo.currentText() or None
        encoding: Encoding = self.encoding_combo.currentData()
        path = Path(self.path_edit.text())
        header_row = self.header_spin.value() if header else None
        self.error.hide()
        wizard.source = None
        source = run_edit(
            self,
            lambda: wizard.imports.open(
                path, self.kind(), sheet=sheet, encoding=encoding, header_row=header_row
            ),
        )
        if source is not None:
            wizard.source = source
        self._show_choices()
        self.completeChanged.emit()

    def _show_choices(self) -> None:
        source = self._wizard.source
        self._opening = True
        try:
            if source is None:
                self.info.setText("")
                self.sheet_combo.setEnabled(False)
                self.encoding_combo.setEnabled(False)
                self.header_spin.setEnabled(False)
                return
            info = source.info
            if self.sheet_combo.count() != len(info.sheets):
                self.sheet_combo.clear()
                self.sheet_combo.addItems(list(info.sheets))
            if info.sheet is not None:
                self.sheet_combo.setCurrentText(info.sheet)
            self.sheet_combo.setEnabled(len(info.sheets) > 1)
            self.encoding_combo.setEnabled(info.format == "csv")
            self.header_spin.setEnabled(info.format != "vcf")
            self.header_spin.setValue(info.header_row)
            parts = [info.format.upper()]
            if info.encoding is not None:
                encoding = "UTF-8 (BOM)" if info.encoding == "utf-8-sig" else info.encoding.upper()
                parts.append(
                    self.tr("encoding {encoding} (detected)").format(encoding=encoding)
                    if info.encoding_guessed
                    else self.tr("encoding {encoding}").format(encoding=encoding)
                )
            if info.delimiter is not None:
                shown = {"\t": self.tr("tab"), ",": ",", ";": ";"}.get(
                    info.delimiter, info.delimiter
                )
                parts.append(self.tr("separated by {delimiter}").format(delimiter=shown))
            if info.total_rows is not None:
                parts.append(self.tr("about %Ln row(s)", "", info.total_rows))
            parts.append(self.tr("%Ln column(s)", "", len(info.headers)))
            self.info.setText(" · ".join(parts))
        finally:
            self._opening = False

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def isComplete(self) -> bool:
        return self._wizard.source is not None


# ---------------------------------------------------------------------------- mapping


class MappingPage(QWizardPage):
    """Each column of the file, a few of its values, and the field it fills."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setTitle(self.tr("Match the columns"))
        self.setSubTitle(
            self.tr("Columns are matched by their headers; change any that is wrong. Fields "
                    "marked * are required.")
        )  # fmt: skip
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("importMapping")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Column in the file"), self.tr("Examples"), self.tr("Imported as")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Tab goes from the table to each column's choice and on to the buttons; with Tab
        # moving between cells, the cell's combo box sent it back into the table for ever
        # (a keyboard user could not reach Next: found with xdotool in the #13 sweep).
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 200)
        self.table.setColumnWidth(2, 240)
        self.preset_label = QLabel(self)
        self.preset_label.setObjectName("importPresetLabel")
        self.preset_label.setStyleSheet(MUTED_STYLE)
        save = QPushButton(self.tr("Save Mapping…"), self)
        self.save_button = save
        save.setObjectName("importSavePreset")
        save.setToolTip(self.tr("Used again when a file with the same columns comes"))
        save.clicked.connect(lambda _c=False: self.save_preset())
        self.missing = QLabel(self)
        self.missing.setObjectName("importMissing")
        self.missing.setStyleSheet(ERROR_STYLE)
        bottom = QHBoxLayout()
        bottom.addWidget(self.preset_label, 1)
        bottom.addWidget(save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.missing)
        layout.addLayout(bottom)
        self.combos: list[QComboBox] = []

    def initializePage(self) -> None:
        wizard = self._wizard
        source = wizard.source
        assert source is not None
        headers = source.info.headers
        columns, preset = suggest(wizard.kind, headers, wizard.presets)
        examples: list[list[str]] = [[] for _ in headers]
        for row in source.preview(5):
            for index, value in enumerate(row.values[: len(headers)]):
                if value not in (None, "") and len(examples[index]) < 3:
                    examples[index].append(str(value))
        fields = FIELDS[wizard.kind]
        self.table.setRowCount(len(headers))
        self.combos = []
        for index, header in enumerate(headers):
            self.table.setItem(index, 0, QTableWidgetItem(header or f"#{index + 1}"))
            self.table.setItem(index, 1, QTableWidgetItem(" | ".join(examples[index])))
            combo = QComboBox(self.table)
            combo.addItem(self.tr("(not imported)"), None)
            for target in fields:
                label = tr_message(target.label) + (" *" if target.required else "")
                combo.addItem(label, target.name)
            combo.setCurrentIndex(max(0, combo.findData(columns[index])))
            combo.currentIndexChanged.connect(lambda _i, c=combo: self._chosen(c))
            self.table.setCellWidget(index, 2, combo)
            self.combos.append(combo)
        for before, after in zip(
            [self.table, *self.combos], [*self.combos, self.save_button], strict=True
        ):
            QWidget.setTabOrder(before, after)
        self.preset_label.setText(
            self.tr("The saved mapping “{name}” was applied.").format(name=preset) if preset else ""
        )
        self._update()

    def _chosen(self, combo: QComboBox) -> None:
        """A field fills one column: choosing it here takes it from another column."""
        name = combo.currentData()
        if name is not None:
            for other in self.combos:
                if other is not combo and other.currentData() == name:
                    other.blockSignals(True)
                    other.setCurrentIndex(0)
                    other.blockSignals(False)
        self._update()

    def columns(self) -> Columns:
        return tuple(c.currentData() for c in self.combos)

    def _update(self) -> None:
        self._wizard.columns = self.columns()
        missing = missing_required(self._wizard.kind, self._wizard.columns)
        self.missing.setText(
            self.tr("Choose a column for: {fields}").format(
                fields=", ".join(tr_message(f.label) for f in missing)
            )
            if missing
            else ""
        )
        self.completeChanged.emit()

    def save_preset(self) -> None:
        wizard = self._wizard
        if wizard.source is None:
            return
        name, ok = QInputDialog.getText(self, self.tr("Save Mapping"), self.tr("Name:"))
        if not ok:
            return
        headers = wizard.source.info.headers
        if edit_ok(self, lambda: wizard.presets.save(name, wizard.kind, headers, self.columns())):
            self.preset_label.setText(self.tr("Saved as “{name}”.").format(name=name.strip()))

    def isComplete(self) -> bool:
        return bool(self.combos) and not missing_required(self._wizard.kind, self.columns())


# ---------------------------------------------------------------------------- preview


class PreviewPage(QWizardPage):
    """A dry run of the import: its counts, the file's first rows with the cells in error,
    every error, and what it would change in existing records; the choices that change it."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setTitle(self.tr("Check before importing"))
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("importPreviewSummary")
        self.summary_label.setWordWrap(True)
        self.rows = QTableWidget(self)
        self.rows.setObjectName("importPreviewRows")
        self.rows.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.errors = QTableWidget(0, 3, self)
        self.errors.setObjectName("importPreviewErrors")
        self.errors.setHorizontalHeaderLabels(
            [self.tr("Row"), self.tr("Column"), self.tr("Problem")]
        )
        self.errors.verticalHeader().hide()
        self.errors.horizontalHeader().setStretchLastSection(True)
        self.errors.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.changes = QLabel(self)
        self.changes.setObjectName("importPreviewChanges")
        self.changes.setWordWrap(True)
        self.changes.setTextFormat(Qt.TextFormat.PlainText)

        self.existing_group = QButtonGroup(self)
        existing_row = QHBoxLayout()
        existing_row.addWidget(QLabel(self.tr("Records that exist already:"), self))
        for key, text in (
            ("update", self.tr("update them")),
            ("skip", self.tr("leave them")),
            ("new", self.tr("add as new")),
        ):
            button = QRadioButton(text, self)
            button.setObjectName(f"importExisting_{key}")
            button.setProperty("policy", key)
            button.setChecked(key == "update")
            self.existing_group.addButton(button)
            existing_row.addWidget(button)
        existing_row.addStretch(1)
        self.create_missing = QCheckBox(self.tr("Create customers and products not found"), self)
        self.create_missing.setObjectName("importCreateMissing")
        self.skip_invalid = QCheckBox(self.tr("Import only the valid rows"), self)
        self.skip_invalid.setObjectName("importSkipInvalid")
        self.date_combo = QComboBox(self)
        self.date_combo.setObjectName("importDateOrder")
        self.date_combo.addItem(self.tr("Dates: decided by each column"), None)
        self.date_combo.addItem(self.tr("Dates: year-month-day"), "ymd")
        self.date_combo.addItem(self.tr("Dates: day/month/year"), "dmy")
        self.date_combo.addItem(self.tr("Dates: month/day/year (US)"), "mdy")
        again = QPushButton(self.tr("Check Again"), self)
        again.setObjectName("importCheckAgain")
        again.clicked.connect(lambda _c=False: self.check())
        options = QHBoxLayout()
        options.addWidget(self.create_missing)
        options.addWidget(self.skip_invalid)
        options.addWidget(self.date_combo)
        options.addStretch(1)
        options.addWidget(again)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.rows, 3)
        layout.addWidget(self.errors, 2)
        layout.addWidget(self.changes)
        layout.addLayout(existing_row)
        layout.addLayout(options)
        for box in (self.create_missing, self.skip_invalid):
            box.toggled.connect(lambda _on: self.check())
        self.existing_group.buttonToggled.connect(self._on_existing_toggled)
        self.date_combo.currentIndexChanged.connect(lambda _i: self.check())
        self._checking: Operation[ImportSummary] | None = None

    def _on_existing_toggled(self, _button: object, checked: bool) -> None:
        if checked:
            self.check()

    def existing(self) -> ExistingPolicy:
        button = self.existing_group.checkedButton()
        policy = button.property("policy") if button is not None else "update"
        return "skip" if policy == "skip" else "new" if policy == "new" else "update"

    def date_order(self) -> DateOrder | None:
        value = self.date_combo.currentData()
        return value if value in ("ymd", "dmy", "mdy") else None

    def initializePage(self) -> None:
        self.create_missing.setVisible(self._wizard.kind in _HISTORY_KINDS)
        self.check()

    def check(self) -> None:
        """Run the import as a dry run (nothing is written) and show what it would do."""
        wizard = self._wizard
        if wizard.source is None or self._checking is not None:
            return
        wizard.preview = None
        self.summary_label.setText(self.tr("Checking every row…"))
        self.completeChanged.emit()
        self._checking = wizard.run_import(
            dry_run=True,
            label=self.tr("Checking the file…"),
            done=self._checked,
            failed=self._failed,
        )

    def _checked(self, summary: ImportSummary) -> None:
        self._checking = None
        self._wizard.preview = summary
        self._show(summary)
        self.completeChanged.emit()

    def _failed(self, exc: BaseException) -> None:
        self._checking = None
        if isinstance(exc, ImportCancelledError | CancelledError):
            self.summary_label.setText(self.tr("The check was cancelled."))
        else:
            self.summary_label.setText("")
            show_error(self, exc)
        self.completeChanged.emit()

    def _show(self, summary: ImportSummary) -> None:
        would = self.tr("Would import {rows} rows: {line}.").format(
            rows=summary.rows, line=summary.line(translator())
        )
        if summary.errors and not self.skip_invalid.isChecked():
            would += " " + self.tr(
                "Rows with errors: fix them in the file, or import only the valid rows."
            )
        if summary.date_order_needed:
            would += " " + self.tr("Choose the order of day and month for: {columns}.").format(
                columns=", ".join(summary.date_order_needed)
            )
        self.summary_label.setText(would)
        self.summary_label.setStyleSheet(ERROR_STYLE if summary.errors else "")
        self._show_rows(summary.row_errors)
        shown = summary.row_errors[:SHOWN_ERRORS]
        self.errors.setRowCount(len(shown))
        for index, error in enumerate(shown):
            self.errors.setItem(index, 0, QTableWidgetItem(str(error.row)))
            self.errors.setItem(index, 1, QTableWidgetItem(error.column))
            self.errors.setItem(index, 2, QTableWidgetItem(tr_message(error.message)))
        self.errors.setVisible(bool(shown))
        lines = [
            self.tr("Row {row}, {record}: {changes}").format(
                row=change.row,
                record=change.label,
                changes="; ".join(f"{c.field} {c.old} → {c.new}" for c in change.changes),
            )
            for change in summary.changes[:10]
        ]
        self.changes.setText("\n".join(lines))
        self.changes.setVisible(bool(lines))

    def _show_rows(self, errors: tuple[RowError, ...]) -> None:
        """The file's first rows, each cell with an error in red with the message as tip."""
        wizard = self._wizard
        source = wizard.source
        assert source is not None
        headers = source.info.headers
        by_cell: dict[tuple[int, int], list[str]] = {}
        for error in errors:
            column = (
                wizard.columns.index(error.field)
                if error.field and error.field in wizard.columns
                else -1
            )
            by_cell.setdefault((error.row, column), []).append(tr_message(error.message))
        rows = source.preview(PREVIEW_ROWS)
        self.rows.setColumnCount(len(headers))
        self.rows.setRowCount(len(rows))
        self.rows.setHorizontalHeaderLabels([h or f"#{i + 1}" for i, h in enumerate(headers)])
        self.rows.setVerticalHeaderLabels([str(r.number) for r in rows])
        bad = qcolor(Colour.ERROR)
        bad.setAlpha(60)
        for index, row in enumerate(rows):
            for column, value in enumerate(row.values[: len(headers)]):
                item = QTableWidgetItem("" if value is None else str(value))
                problems = by_cell.get((row.number, column)) or (
                    by_cell.get((row.number, -1)) if column == 0 else None
                )
                if problems:
                    item.setBackground(bad)
                    item.setToolTip("\n".join(problems))
                self.rows.setItem(index, column, item)
        # Columns as wide as their values, up to a limit (names were cut to "华东机电有限…"
        # beside an empty table); a longer value keeps its tooltip-free ellipsis.
        self.rows.resizeColumnsToContents()
        for column in range(self.rows.columnCount()):
            if self.rows.columnWidth(column) > PREVIEW_COLUMN_MAX:
                self.rows.setColumnWidth(column, PREVIEW_COLUMN_MAX)

    def isComplete(self) -> bool:
        preview = self._wizard.preview
        if preview is None:
            return False
        return preview.errors == 0 or (self.skip_invalid.isChecked() and preview.rows > 0)

    def validatePage(self) -> bool:
        return self._checking is None


# ----------------------------------------------------------------------------- result


class ImportCommand(DoneCommand):
    """Undo of an import reverts its batch; redo imports the same file again."""

    def __init__(
        self, imports: ImportService, source: Source, options: ImportOptions, batch_id: int
    ) -> None:
        text = translate("ImportWizard", "Import of {file}")
        super().__init__(text.format(file=source.info.path.name))
        self._imports, self._source, self._options = imports, source, options
        self.batch_id = batch_id

    def do(self) -> None:
        summary = self._imports.run(self._source, self._options)
        if summary.batch_id is not None:
            self.batch_id = summary.batch_id

    def undo_it(self) -> None:
        self._imports.revert(self.batch_id)


class ResultPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setTitle(self.tr("Import"))
        self.result_label = QLabel(self)
        self.result_label.setObjectName("importResult")
        self.result_label.setWordWrap(True)
        self.report_button = QPushButton(self.tr("Save Error Report…"), self)
        self.report_button.setObjectName("importErrorReport")
        self.report_button.setToolTip(
            self.tr("The rows with errors and what is wrong with them, to fix and import again")
        )
        self.report_button.clicked.connect(lambda _c=False: self.save_error_report())
        self.revert_button = QPushButton(self.tr("Revert This Import"), self)
        self.revert_button.setObjectName("importRevert")
        self.revert_button.clicked.connect(lambda _c=False: self.revert())
        buttons = QHBoxLayout()
        buttons.addWidget(self.report_button)
        buttons.addWidget(self.revert_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.result_label)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self._done = False
        self._command: ImportCommand | None = None

    def initializePage(self) -> None:
        self._done = False
        self.report_button.hide()
        self.revert_button.hide()
        self.result_label.setText(self.tr("Importing…"))
        self._wizard.run_import(
            dry_run=False,
            label=self.tr("Importing…"),
            done=self._imported,
            failed=self._failed,
        )

    def _imported(self, summary: ImportSummary) -> None:
        wizard = self._wizard
        wizard.summary = summary
        self._done = True
        text = self.tr("Imported {rows} rows: {line}.").format(
            rows=summary.rows, line=summary.line(translator())
        )
        if summary.written:
            text += "\n" + self.tr("Undo (Ctrl+Z) or Revert takes it all back.")
        self.result_label.setText(text)
        self.report_button.setVisible(bool(summary.row_errors))
        if summary.batch_id is not None and wizard.source is not None:
            self._command = ImportCommand(
                wizard.imports,
                wizard.source,
                wizard.import_options(dry_run=False),
                summary.batch_id,
            )
            push_edit(wizard.undo, self._command)
            self.revert_button.show()
        self.completeChanged.emit()

    def _failed(self, exc: BaseException) -> None:
        self._done = True
        if isinstance(exc, ImportCancelledError | CancelledError):
            self.result_label.setText(self.tr("Cancelled: nothing was imported."))
        else:
            self.result_label.setText(self.tr("Nothing was imported."))
            show_error(self, exc)
        self.completeChanged.emit()

    def save_error_report(self) -> None:
        wizard = self._wizard
        summary, source = wizard.summary, wizard.source
        if summary is None or source is None:
            return
        choice = ask_save_path(
            self, self.tr("Save Error Report"), source.info.path.stem + "-errors", (XLSX,)
        )
        if choice is None:
            return
        from sms_desktop.reporting.import_files import write_error_workbook

        def work(_progress: Progress) -> int:
            return write_error_workbook(choice.path, source, summary, translate_=translator())

        Operation(
            self,
            work,
            label=self.tr("Saving the error report…"),
            on_success=lambda n: self.result_label.setText(
                self.result_label.text()
                + "\n"
                + self.tr("%Ln row(s) with errors saved to {path}.", "", n).format(
                    path=str(choice.path)
                )
            ),
        ).start()

    def revert(self) -> None:
        command = self._command
        if command is None:
            return
        stack = self._wizard.undo
        if stack.command(stack.index() - 1) is command:
            stack.undo()  # the import is the last edit: Undo is the revert
        elif not edit_ok(self, lambda: self._wizard.imports.revert(command.batch_id)):
            return
        self._command = None
        self.revert_button.hide()
        self.result_label.setText(self.tr("Reverted: the database is as it was before."))

    def isComplete(self) -> bool:
        return self._done
