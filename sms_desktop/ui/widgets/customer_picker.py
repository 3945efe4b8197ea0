"""The customer field of the editors: type a name, pinyin initials, a phone …, pick a match."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, QTimer
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from sms_desktop.services.customers import CustomerFilter
from sms_desktop.services.registry import Services


class CustomerPicker(QLineEdit):
    """Matching customers are offered as you type, found by the customer search itself.

    The completer shows the search's results unfiltered: "hzmy" finds 杭州明远 by its pinyin
    initials, which a completer filtering on the typed text would hide again. Two customers of
    the same name are told apart by their city.
    """

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.customer_id: int | None = None
        self._ids: dict[str, int] = {}
        self._model = QStringListModel(self)
        completer = QCompleter(self._model, self)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.activated.connect(self._on_completer_activated)
        self.setCompleter(completer)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self._refresh)
        self.textEdited.connect(self._on_text_edited)

    def set_customer(self, customer_id: int | None, name: str) -> None:
        self.customer_id = customer_id
        self.setText(name)

    def _on_text_edited(self, _text: str) -> None:
        self.customer_id = None
        self._timer.start()

    def _refresh(self) -> None:
        rows = self._services.customers.list_customers(CustomerFilter(search=self.text()), limit=20)
        names = [r.name for r in rows]
        self._ids = {}
        for row in rows:
            label = row.name
            if names.count(row.name) > 1 and row.city:
                label = f"{row.name} · {row.city}"
            self._ids.setdefault(label, row.id)
        self._model.setStringList(list(self._ids))
        if self.text() in self._ids:
            self.customer_id = self._ids[self.text()]
        completer = self.completer()
        if completer is not None and rows:
            completer.complete()

    def _on_completer_activated(self, text: str) -> None:
        self.customer_id = self._ids.get(text)
