"""Settings ▸ Pipeline: the stages of the board and the reasons a deal can be lost.

Each change here is saved at once (its own transaction), like adding a column to a board,
and goes on the window's undo stack: Edit ▸ Undo takes it back after the dialog is closed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sms_desktop.domain.enums import StageKind
from sms_desktop.services.registry import Services
from sms_desktop.services.stages import StageRow
from sms_desktop.ui.edit import accept_saved, edit_ok, run_edit
from sms_desktop.ui.undo import AddCommand, CallCommand
from sms_desktop.ui.widgets.dialog_layout import ok_cancel_layout
from sms_desktop.ui.widgets.dialogs import run_modal
from sms_desktop.ui.widgets.field_errors import FieldErrors


class StageFields(NamedTuple):
    name_zh: str
    name_en: str
    default_probability: int
    stale_after_days: int | None


class StageDialog(QDialog):
    """Add or edit one stage: ``save`` (the caller's) stores the fields, returns the id."""

    def __init__(
        self,
        services: Services,
        stage: StageRow | None,
        save: Callable[[StageFields], int],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("stageDialog")
        self.setWindowTitle(self.tr("Stage") if stage else self.tr("New Stage"))
        self._services, self._save = services, save
        self.saved: int | None = None
        self.errors = FieldErrors(self)
        form = QFormLayout()
        self.name_zh = QLineEdit(stage.name_zh if stage else "", self)
        self.name_en = QLineEdit(stage.name_en if stage else "", self)
        self.probability = QSpinBox(self)
        self.probability.setRange(0, 100)
        self.probability.setSuffix(" %")
        self.probability.setValue(stage.default_probability if stage else 50)
        self.stale = QSpinBox(self)
        self.stale.setRange(0, 3650)
        self.stale.setSpecialValueText(self.tr("never"))
        self.stale.setSuffix(self.tr(" days"))
        self.stale.setValue(stage.stale_after_days or 0 if stage else 30)
        self.errors.add_row(form, "name_zh", self.tr("Chinese name:"), self.name_zh)
        self.errors.add_row(form, "name_en", self.tr("English name:"), self.name_en)
        self.errors.add_row(
            form, "default_probability", self.tr("Win probability:"), self.probability
        )
        self.errors.add_row(form, "stale_after_days", self.tr("Stale after:"), self.stale)
        ok_cancel_layout(self, form, self.errors.form_label)

    def value(self) -> StageFields:
        return StageFields(
            self.name_zh.text(),
            self.name_en.text(),
            self.probability.value(),
            self.stale.value() or None,
        )

    def accept(self) -> None:
        self.saved = accept_saved(self, lambda: self._save(self.value()), self.errors)


class PipelineSettingsPage(QWidget):
    """Stages (add, rename, reorder, archive) and lost reasons (add, archive); each change
    is pushed on ``undo`` (the window's stack) with ``refresh`` (the window's tabs) to run
    after its undo and redo, when this page may be long closed."""

    def __init__(
        self,
        services: Services,
        parent: QWidget | None = None,
        *,
        undo: QUndoStack | None = None,
        refresh: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pipelineSettings")
        self._services = services
        self._undo = undo if undo is not None else QUndoStack(self)
        self._refresh = refresh
        note = QLabel(self.tr("Changes to stages and reasons are saved right away."), self)
        note.setStyleSheet("color: palette(dark);")
        self.stages = QTreeWidget(self)
        self.stages.setObjectName("stageList")
        self.stages.setRootIsDecorated(False)
        self.stages.setHeaderLabels(
            [self.tr("Stage"), self.tr("English"), self.tr("Probability"), self.tr("Stale after")]
        )
        self.stages.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.stages.itemDoubleClicked.connect(lambda *_: self._on_edit_stage())
        stage_buttons = QHBoxLayout()
        for text, slot, name in (
            (self.tr("Add…"), self._on_add_stage, "addStageButton"),
            (self.tr("Edit…"), self._on_edit_stage, "editStageButton"),
            (self.tr("Move Up"), lambda: self._on_move(-1), "stageUp"),
            (self.tr("Move Down"), lambda: self._on_move(1), "stageDown"),
            (self.tr("Archive / Restore"), self._on_archive_stage, "archiveStageButton"),
        ):
            button = QPushButton(text, self)
            button.setObjectName(name)
            button.clicked.connect(slot)
            stage_buttons.addWidget(button)
        stage_buttons.addStretch(1)
        self.reasons = QTreeWidget(self)
        self.reasons.setObjectName("lostReasonList")
        self.reasons.setRootIsDecorated(False)
        self.reasons.setHeaderLabels([self.tr("Lost reason"), self.tr("English")])
        self.reason_zh = QLineEdit(self)
        self.reason_zh.setPlaceholderText(self.tr("New reason (Chinese)"))
        self.reason_en = QLineEdit(self)
        self.reason_en.setPlaceholderText(self.tr("New reason (English)"))
        add_reason = QPushButton(self.tr("Add"), self)
        add_reason.setObjectName("addReasonButton")
        add_reason.clicked.connect(self._on_add_reason)
        # Both names are needed: Add waits for them (pressed with both empty, it showed
        # "Enter the reason.; Enter the reason." in a message box).
        self.add_reason_button = add_reason
        add_reason.setToolTip(self.tr("Enter the reason in Chinese and in English"))
        for edit in (self.reason_zh, self.reason_en):
            edit.textChanged.connect(self._update_add_reason)
        self._update_add_reason()
        archive_reason = QPushButton(self.tr("Archive / Restore"), self)
        archive_reason.clicked.connect(self._on_archive_reason)
        reason_row = QHBoxLayout()
        reason_row.addWidget(self.reason_zh)
        reason_row.addWidget(self.reason_en)
        reason_row.addWidget(add_reason)
        reason_row.addWidget(archive_reason)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.stages, 3)
        layout.addLayout(stage_buttons)
        layout.addWidget(self.reasons, 2)
        layout.addLayout(reason_row)
        self.reload()

    def reload(self) -> None:
        stages = self._services.stages
        current = self._selected_stage()
        self.stages.clear()
        for stage in stages.stages(include_archived=True):
            stale = (
                self.tr("{days} days").format(days=stage.stale_after_days)
                if stage.stale_after_days
                else ""
            )
            item = QTreeWidgetItem(
                [stage.name_zh, stage.name_en, f"{stage.default_probability}%", stale]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, stage.id)
            if stage.archived:
                for column in range(4):
                    item.setForeground(column, self.palette().placeholderText())
                item.setToolTip(0, self.tr("Archived: not on the board"))
            if stage.kind is not StageKind.OPEN:
                item.setToolTip(0, self.tr("Won and lost always come last"))
            self.stages.addTopLevelItem(item)
            if current is not None and stage.id == current.id:
                self.stages.setCurrentItem(item)
        self.reasons.clear()
        for reason in stages.lost_reasons(include_archived=True):
            item = QTreeWidgetItem([reason.name_zh, reason.name_en])
            item.setData(0, Qt.ItemDataRole.UserRole, reason.id)
            item.setData(1, Qt.ItemDataRole.UserRole, reason.archived)
            if reason.archived:
                for column in range(2):
                    item.setForeground(column, self.palette().placeholderText())
            self.reasons.addTopLevelItem(item)

    def _selected_stage(self) -> StageRow | None:
        item = self.stages.currentItem()
        if item is None:
            return None
        stage_id = item.data(0, Qt.ItemDataRole.UserRole)
        return next(
            (s for s in self._services.stages.stages(include_archived=True) if s.id == stage_id),
            None,
        )

    def _run(self, text: str, action: Callable[[], object], undo: Callable[[], object]) -> None:
        """Do ``action`` now; on success put it on the undo stack as ``text``."""
        if edit_ok(self, action):
            self._undo.push(CallCommand(text, action, undo, self._refresh))
        self.reload()

    def stage_saver(self, stage: StageRow | None) -> Callable[[StageFields], int]:
        """What saves ``stage`` (None: a new one); returns its id."""
        stages = self._services.stages

        def save(fields: StageFields) -> int:
            if stage is None:
                return stages.add_stage(*fields)
            stages.update_stage(stage.id, **fields._asdict())
            return stage.id

        return save

    def _on_add_stage(self) -> None:
        dialog = StageDialog(self._services, None, self.stage_saver(None), self)
        if run_modal(dialog) != QDialog.DialogCode.Accepted or dialog.saved is None:
            return
        stages, fields = self._services.stages, dialog.value()
        text = self.tr("Add stage {name}").format(name=fields.name_zh)
        self._undo.push(
            AddCommand(
                text,
                dialog.saved,
                lambda: stages.add_stage(*fields),
                stages.delete_stage,
                self._refresh,
            )
        )
        self.reload()

    def _on_edit_stage(self) -> None:
        stage = self._selected_stage()
        if stage is None:
            return
        dialog = StageDialog(self._services, stage, self.stage_saver(stage), self)
        if run_modal(dialog) != QDialog.DialogCode.Accepted:
            return
        before = StageFields(
            stage.name_zh, stage.name_en, stage.default_probability, stage.stale_after_days
        )
        after, save = dialog.value(), self.stage_saver(stage)
        text = self.tr("Edit stage {name}").format(name=after.name_zh)
        self._undo.push(CallCommand(text, lambda: save(after), lambda: save(before), self._refresh))
        self.reload()

    def _on_move(self, step: int) -> None:
        stage = self._selected_stage()
        if stage is None or stage.kind is not StageKind.OPEN:
            return
        order = [
            s.id
            for s in self._services.stages.stages(include_archived=True)
            if s.kind is StageKind.OPEN
        ]
        index = order.index(stage.id)
        target = index + step
        if not 0 <= target < len(order):
            return
        before = list(order)
        order[index], order[target] = order[target], order[index]
        stages = self._services.stages
        self._run(
            self.tr("Move stage {name}").format(name=stage.name_zh),
            lambda: stages.reorder_stages(order),
            lambda: stages.reorder_stages(before),
        )

    def _on_archive_stage(self) -> None:
        stage = self._selected_stage()
        if stage is None:
            return
        stages = self._services.stages
        text = (
            self.tr("Restore stage {name}") if stage.archived else self.tr("Archive stage {name}")
        )
        self._run(
            text.format(name=stage.name_zh),
            lambda: stages.set_stage_archived(stage.id, not stage.archived),
            lambda: stages.set_stage_archived(stage.id, stage.archived),
        )

    def _update_add_reason(self, *_args: object) -> None:
        self.add_reason_button.setEnabled(
            bool(self.reason_zh.text().strip() and self.reason_en.text().strip())
        )

    def _on_add_reason(self) -> None:
        stages = self._services.stages
        names = (self.reason_zh.text(), self.reason_en.text())
        added = run_edit(self, lambda: stages.add_lost_reason(*names))
        if added is None:
            return
        text = self.tr("Add lost reason {name}").format(name=names[0].strip())
        self._undo.push(
            AddCommand(
                text,
                added,
                lambda: stages.add_lost_reason(*names),
                stages.delete_lost_reason,
                self._refresh,
            )
        )
        self.reason_zh.clear()
        self.reason_en.clear()
        self.reload()

    def _on_archive_reason(self) -> None:
        item = self.reasons.currentItem()
        if item is None:
            return
        stages = self._services.stages
        reason_id = item.data(0, Qt.ItemDataRole.UserRole)
        archived = bool(item.data(1, Qt.ItemDataRole.UserRole))
        text = (
            self.tr("Restore lost reason {name}")
            if archived
            else self.tr("Archive lost reason {name}")
        )
        self._run(
            text.format(name=item.text(0)),
            lambda: stages.set_lost_reason_archived(reason_id, not archived),
            lambda: stages.set_lost_reason_archived(reason_id, archived),
        )
