"""View ▸ Vertical and View ▸ Paged: lines or vertical columns, scrolling or whole pages.

Vertical is remembered per document; a book whose CSS asks for
`writing-mode: vertical-rl` opens vertical until the reader says otherwise.
Paged (for horizontal text; vertical text is always paged) is a preference.
The page number and count show in the status bar while reading in pages.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel

from reader.ui.actions import Actions
from reader.ui.settings_store import SettingsStore
from reader.ui.view.paged_view import PagedView

# The code of the EPUB reader's note that a book's CSS sets it in vertical columns.
_VERTICAL_BOOK = "vertical-book"


class ViewModes(QObject):
    """Keeps the view's direction and paging, their actions and the page label in step."""

    def __init__(self, view: PagedView, store: SettingsStore, actions: Actions, status, window):
        super().__init__(window)
        self.view, self.store, self.window = view, store, window
        self.action, self.paged_action = actions.vertical, actions.paged
        self.page_label = QLabel(window)
        self.page_label.setObjectName("pageLabel")
        self.page_label.hide()
        status.addPermanentWidget(self.page_label)
        view.page_changed.connect(self._show_page)
        window.document_shown.connect(self._on_document_shown)
        paged = store.preferences.paged
        self.paged_action.blockSignals(True)
        self.paged_action.setChecked(paged)
        self.paged_action.blockSignals(False)
        self.view.set_paged(paged)
        self.page_label.setVisible(paged)

    def use_actions(self, actions: Actions) -> None:
        """The window made its actions anew (a language switch): follow the new ones."""
        self.action, self.paged_action = actions.vertical, actions.paged
        for action, on in (
            (self.action, self.view.is_vertical()),
            (self.paged_action, self.store.preferences.paged),
        ):
            action.blockSignals(True)
            action.setChecked(on)
            action.blockSignals(False)

    def set_vertical(self, on: bool) -> None:
        """The reader chose a direction: switch, keep the place, remember it for this document."""
        self.view.set_vertical(on)
        self.page_label.setVisible(self.view.is_paged())
        identity = self._identity()
        if identity:
            self.store.set_vertical(identity, on)

    def _identity(self) -> str:
        session = self.window.session
        prepared = session.prepared if session is not None else None
        return prepared.identity if prepared is not None else ""

    def _on_document_shown(self) -> None:
        session = self.window.session
        prepared = session.prepared if session is not None else None
        if prepared is None:
            return
        remembered = self.store.vertical(prepared.identity)
        asks = any(
            getattr(note, "code", "") == _VERTICAL_BOOK for note in prepared.document.warnings
        )
        on = asks if remembered is None else remembered
        self.action.blockSignals(True)
        self.action.setChecked(on)
        self.action.blockSignals(False)
        self.view.set_vertical(on)
        self.page_label.setVisible(self.view.is_paged())

    def set_paged(self, on: bool) -> None:
        """Horizontal text a page at a time (or scrolling); remembered for every document."""
        self.store.update_preferences(paged=on)
        self.view.set_paged(on)
        self.page_label.setVisible(self.view.is_paged())

    def _show_page(self, number: int, count: int) -> None:
        if number > 0:
            self.page_label.setText(
                self.tr("Page %1 of %2").replace("%1", str(number)).replace("%2", str(count))
            )
        else:
            self.page_label.setText(self.tr("Counting pages…"))
