"""The quote as it will print (the preview of ``ui/documents/preview.py``)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from sms_desktop.domain.enums import DocumentLanguage
from sms_desktop.services.quotes import QuoteDetail
from sms_desktop.services.registry import Services
from sms_desktop.ui.documents.preview import PdfPreviewDialog, texts_of


class QuotePreviewDialog(PdfPreviewDialog):
    def __init__(self, services: Services, quote_id: int, parent: QWidget | None = None) -> None:
        from sms_desktop.reporting.quote_pdf import quote_language

        self.quote: QuoteDetail = services.quotes.get(quote_id)
        super().__init__(
            services,
            title=self.tr("Quote {label}").format(label=self.quote.label),
            stem=self.quote.label,
            language=quote_language(self.quote, services.settings.defaults().quote_language),
            parent=parent,
        )
        self.setObjectName("quotePreview")
        self.show_pages()

    def document_pdf(self, language: DocumentLanguage) -> bytes:
        from sms_desktop.reporting.quote_pdf import quote_pdf_bytes

        settings = self._services.settings
        return quote_pdf_bytes(
            self.quote, company=settings.company(), logo=settings.logo(), language=language
        )

    def texts(self) -> list[str]:
        return texts_of(self.quote)
