"""A document (a quote, an order confirmation, a delivery note) as it will print: preview the
PDF in the language chosen, save it, open it in a viewer, or print it.

The pages shown and printed are rendered (with PDFium) from the very PDF that is saved, so
what the user checks on screen is what the customer receives.
"""

from __future__ import annotations

import dataclasses
import tempfile
from pathlib import Path

from PySide6.QtCore import QRectF, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from sms_desktop.domain.enums import DocumentLanguage
from sms_desktop.services.registry import Services
from sms_desktop.ui.dialogs.messages import show_error
from sms_desktop.ui.edit import run_edit
from sms_desktop.ui.palette import Colour
from sms_desktop.ui.widgets.dialogs import run_modal
from sms_desktop.ui.widgets.save_dialog import PDF, ask_save_path

PREVIEW_DPI = 96
PRINT_DPI = 300


def render_pages(pdf: bytes, dpi: float) -> list[QImage]:
    """Every page of ``pdf`` as an image at ``dpi``."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    images: list[QImage] = []
    try:
        for index in range(len(document)):
            page = document[index]
            bitmap = page.render(scale=dpi / 72, rev_byteorder=True)
            image = QImage(
                bitmap.buffer,
                bitmap.width,
                bitmap.height,
                bitmap.stride,
                QImage.Format.Format_RGB888
                if bitmap.n_channels == 3
                else QImage.Format.Format_RGBA8888,
            )
            images.append(image.copy())  # own the pixels before PDFium frees its buffer
            bitmap.close()
            page.close()
    finally:
        document.close()
    return images


def print_pdf(pdf: bytes, printer: QPrinter) -> int:
    """Print ``pdf`` page by page, each scaled to the printer's page; returns the page count."""
    resolution = min(printer.resolution(), PRINT_DPI)
    images = render_pages(pdf, resolution)
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        for number, image in enumerate(images):
            if number:
                printer.newPage()
            target = QRectF(printer.pageLayout().paintRectPixels(printer.resolution()))
            target.moveTo(0, 0)
            size = image.size().toSizeF().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRectF(target.topLeft(), size), image)
    finally:
        painter.end()
    return len(images)


class PdfPreviewDialog(QDialog):
    """The preview of one document; a subclass says what it prints (:meth:`document_pdf`), which
    texts it carries (:meth:`texts`, for the glyph check), its name and its default language.
    """

    def __init__(
        self,
        services: Services,
        *,
        title: str,
        stem: str,
        language: DocumentLanguage,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._stem = stem
        self.pdf = b""
        self.setWindowTitle(title)
        self.language_combo = QComboBox(self)
        self.language_combo.setObjectName("previewLanguage")
        self.language_combo.addItem(self.tr("Chinese"), DocumentLanguage.ZH_CN)
        self.language_combo.addItem(self.tr("English"), DocumentLanguage.EN)
        self.language_combo.addItem(self.tr("Chinese and English"), DocumentLanguage.BILINGUAL)
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(language)))
        self.language_combo.currentIndexChanged.connect(lambda _i: self.show_pages())
        self.pages_label = QLabel(self)
        self.top = QHBoxLayout()  # subclasses may add their own choices to it
        save = QPushButton(self.tr("Save As…"), self)
        save.setObjectName("previewSave")
        save.clicked.connect(self.save_as)
        viewer = QPushButton(self.tr("Open in Viewer"), self)
        viewer.setObjectName("previewOpen")
        viewer.clicked.connect(self.open_in_viewer)
        print_button = QPushButton(self.tr("Print…"), self)
        print_button.setObjectName("previewPrint")
        print_button.clicked.connect(self.print_document)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.reject)
        top = self.top
        top.addWidget(QLabel(self.tr("Language:"), self))
        top.addWidget(self.language_combo)
        top.addWidget(self.pages_label)
        top.addStretch(1)
        for button in (save, viewer, print_button, close):
            top.addWidget(button)
        self.pages = QWidget(self)
        self.pages_layout = QVBoxLayout(self.pages)
        self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.pages.setStyleSheet(f"background: {Colour.PREVIEW_BACKGROUND};")
        scroll = QScrollArea(self)
        scroll.setObjectName("previewPages")
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.pages)
        self.glyph_warning = QLabel(self)
        self.glyph_warning.setObjectName("previewGlyphWarning")
        self.glyph_warning.setWordWrap(True)
        self.glyph_warning.setTextFormat(Qt.TextFormat.PlainText)
        self.glyph_warning.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.glyph_warning)
        layout.addWidget(scroll, 1)
        self.resize(900, 1000)

    def document_pdf(self, language: DocumentLanguage) -> bytes:
        """The document's PDF in ``language``."""
        raise NotImplementedError

    def texts(self) -> list[str]:
        """Every text the document prints (for the glyph check)."""
        raise NotImplementedError

    def language(self) -> DocumentLanguage:
        # Qt hands a StrEnum back as a plain string.
        return DocumentLanguage(self.language_combo.currentData() or DocumentLanguage.ZH_CN)

    def _warn_of_missing_glyphs(self) -> None:
        """Say which characters the embedded font lacks (they print as □) before printing."""
        from sms_desktop.reporting.fonts import REPLACEMENT, missing_glyphs

        company = self._services.settings.company()
        missing = missing_glyphs("\n".join(self.texts()) + "\n".join(texts_of(company)))
        self.glyph_warning.setVisible(bool(missing))
        if missing:
            self.glyph_warning.setText(
                self.tr(
                    "⚠ The PDF font has no glyph for {chars}: they print as {box}. "
                    "Change the text if it must print exactly."
                ).format(chars=" ".join(sorted(missing)), box=REPLACEMENT)
            )

    def show_pages(self) -> None:
        pdf = run_edit(self, lambda: self.document_pdf(self.language()))
        if pdf is None:
            return
        self.pdf = pdf
        self._warn_of_missing_glyphs()
        while self.pages_layout.count():
            item = self.pages_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        ratio = self.devicePixelRatioF()
        images = render_pages(self.pdf, PREVIEW_DPI * ratio)
        for image in images:
            pixmap = QPixmap.fromImage(image)
            pixmap.setDevicePixelRatio(ratio)
            label = QLabel(self.pages)
            label.setPixmap(pixmap)
            self.pages_layout.addWidget(label)
        self.pages_label.setText(self.tr("%Ln page(s)", "", len(images)))

    def suggested_stem(self) -> str:
        return self._stem.replace(" ", "-")

    def suggested_name(self) -> str:
        return f"{self.suggested_stem()}.pdf"

    def save_as(self) -> Path | None:
        choice = ask_save_path(self, self.tr("Save PDF"), self.suggested_stem(), (PDF,))
        if choice is None:
            return None
        from sms_desktop.reporting.files import write_atomically

        path = choice.path
        try:
            write_atomically(path, self.pdf)
        except OSError as exc:
            show_error(self, exc)
            return None
        return path

    def open_in_viewer(self) -> Path | None:
        folder = Path(tempfile.mkdtemp(prefix="sms-document-"))
        path = folder / self.suggested_name()
        try:
            path.write_bytes(self.pdf)
        except OSError as exc:
            show_error(self, exc)
            return None
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        return path

    def print_document(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self._stem)
        dialog = QPrintDialog(printer, self)
        if run_modal(dialog) != QDialog.DialogCode.Accepted:
            return
        print_pdf(self.pdf, printer)


def texts_of(value: object) -> list[str]:
    """Every string inside a read model (dataclasses, tuples), for the glyph check."""
    if isinstance(value, str):
        return [value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [t for f in dataclasses.fields(value) for t in texts_of(getattr(value, f.name))]
    if isinstance(value, tuple | list):
        return [t for item in value for t in texts_of(item)]
    return []
