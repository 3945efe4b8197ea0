"""Qt's own file dialog in the interface's language: its sizes and dates as our widgets show them.

Qt's ``QFileSystemModel`` formats a file's size and modification time with
``QLocale.system()``, the operating system's regional format, not with the default locale
that the interface language sets (``ui/i18n.install_translators``). On a machine without a
configured locale (``LANG=C.UTF-8``) that is the C locale: "2 12 2026 16:37" and "2 bytes"
in the Chinese dialog, next to "2026/12/2" everywhere else. The system locale is read once,
when Qt first asks for it, so it cannot follow a language chosen later.

:func:`interface_formats` wraps a call of a static ``QFileDialog`` function (as
:func:`ask_open_path` and ``save_dialog.ask_save_path`` do): while it runs, the
widget-based dialog that opens gets a proxy model that shows sizes and dates through
``QLocale()``. The static functions stay (the platform's native dialog where there is one,
translated by the system; tests replace them), and the proxy is set before the dialog's
first paint. Its strings ("Folder", column titles) come from ``qt_extra_zh_CN.ts``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QIdentityProxyModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QFileDialog, QFileSystemModel, QWidget
from typing_extensions import override

_Index = QModelIndex | QPersistentModelIndex
SIZE_COLUMN = 1
DATE_COLUMN = 3


class InterfaceFormatsModel(QIdentityProxyModel):
    """The file system model as it is, but its sizes and dates formatted with ``QLocale()``."""

    @override
    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        source = self.sourceModel()
        if (
            role == Qt.ItemDataRole.DisplayRole
            and index.column() in (SIZE_COLUMN, DATE_COLUMN)
            and isinstance(source, QFileSystemModel)
        ):
            info = source.fileInfo(self.mapToSource(index))
            if index.column() == DATE_COLUMN:
                return QLocale().toString(info.lastModified(), QLocale.FormatType.ShortFormat)
            if info.isFile():
                return QLocale().formattedDataSize(info.size())
        return super().data(index, role)


class _DialogWatch(QObject):
    """Gives each file dialog that is about to show the proxy, once."""

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Show
            and isinstance(watched, QFileDialog)
            and not isinstance(watched.proxyModel(), InterfaceFormatsModel)
        ):
            watched.setProxyModel(InterfaceFormatsModel(watched))
        return False


@contextmanager
def interface_formats() -> Iterator[None]:
    """File dialogs opened inside show sizes and dates in the interface's locale."""
    app = QCoreApplication.instance()
    if app is None:
        yield
        return
    # Only while a dialog call runs: an application-wide filter sees every event.
    watch = _DialogWatch()
    app.installEventFilter(watch)
    try:
        yield
    finally:
        app.removeEventFilter(watch)


def ask_open_path(parent: QWidget, title: str, folder: Path | None, filters: str) -> Path | None:
    """The one "Open" dialog: the file the user picks (None when cancelled), the dialog's
    sizes and dates in the interface's locale."""
    with interface_formats():
        name, _filter = QFileDialog.getOpenFileName(
            parent, title, "" if folder is None else str(folder), filters
        )
    return Path(name) if name else None
