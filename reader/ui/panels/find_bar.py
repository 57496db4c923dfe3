"""The find bar: script-insensitive search with a match count."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QWidget,
)

from reader.core.search import Match


class FindLineEdit(QLineEdit):
    """Enter finds the next match, Shift+Enter the previous one, Esc closes."""

    next_requested = Signal()
    previous_requested = Signal()
    close_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.previous_requested.emit()
            else:
                self.next_requested.emit()
            return
        if event.key() == Qt.Key.Key_Escape:
            self.close_requested.emit()
            return
        super().keyPressEvent(event)


class FindBar(QWidget):
    """Query, exact-match toggle, "3 / 12", previous/next and close.

    It holds the matches of the last search and which one is current;
    `current_changed` tells the page which to highlight and show.
    """

    search_changed = Signal(str, bool)  # query, exact
    next_requested = Signal()
    previous_requested = Signal()
    closed = Signal()
    current_changed = Signal(object, int)  # list[Match], index of the current one (-1: none)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("findBar")
        self.edit = FindLineEdit(self)
        self.edit.setObjectName("findEdit")
        self.edit.setClearButtonEnabled(True)
        self.exact = QCheckBox(self)
        self.count = QLabel("", self)
        self.count.setObjectName("findCount")
        self.count.setMinimumWidth(90)
        self._prev = prev = QToolButton(self)
        prev.setText("↑")
        self._next_button = nxt = QToolButton(self)
        nxt.setText("↓")
        self._close = close = QToolButton(self)
        close.setText("✕")
        self._label = QLabel(self)
        self._retranslate()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self._label)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.count)
        layout.addWidget(prev)
        layout.addWidget(nxt)
        layout.addWidget(self.exact)
        layout.addWidget(close)

        # Typing restarts the search after a short pause, not on every key.
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(150)
        self._debounce.timeout.connect(self._emit_search)
        self.edit.textChanged.connect(self._debounce.start)
        self.exact.toggled.connect(self._emit_search)
        self.edit.next_requested.connect(self._next)
        self.edit.previous_requested.connect(self.previous_requested)
        self.edit.close_requested.connect(self.close_bar)
        nxt.clicked.connect(self.next_requested)
        prev.clicked.connect(self.previous_requested)
        close.clicked.connect(self.close_bar)
        self.next_requested.connect(lambda: self.step(+1))
        self.previous_requested.connect(lambda: self.step(-1))
        self.matches: list[Match] = []
        self.current = -1
        self.hide()

    def _retranslate(self) -> None:
        self.edit.setPlaceholderText(self.tr("Find (发展 also finds 發展)"))
        self.exact.setText(self.tr("Exact characters"))
        self.exact.setToolTip(self.tr("Match only the characters typed, not their other scripts"))
        self._prev.setToolTip(self.tr("Previous match (Shift+F3)"))
        self._next_button.setToolTip(self.tr("Next match (F3)"))
        self._close.setToolTip(self.tr("Close (Esc)"))
        self._label.setText(self.tr("Find:"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self.show_count(self.current, len(self.matches))
        super().changeEvent(event)

    def show_matches(self, matches: list[Match], first_block: int) -> None:
        """New results: the first match at or after `first_block` becomes current."""
        self.matches = matches
        self.current = next((i for i, m in enumerate(matches) if m.block >= first_block), 0)
        if not matches:
            self.current = -1
        self.show_count(self.current, len(matches))
        self.current_changed.emit(matches, self.current)

    def step(self, step: int) -> None:
        """The next (+1) or previous (-1) match; opens the bar when it is closed."""
        if not self.isVisible():
            self.open_bar()
            return
        if not self.matches:
            return
        self.current = (self.current + step) % len(self.matches)
        self.show_count(self.current, len(self.matches))
        self.current_changed.emit(self.matches, self.current)

    def forget_matches(self) -> None:
        self.matches, self.current = [], -1

    def open_bar(self) -> None:
        self.show()
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.forget_matches()
        self.current_changed.emit([], -1)
        self.closed.emit()

    def query(self) -> str:
        return self.edit.text()

    def show_count(self, current: int, total: int) -> None:
        """`3 / 12`, or a word when there is nothing to count."""
        if not self.query():
            self.count.setText("")
        elif total == 0:
            self.count.setText(self.tr("No matches"))
        else:
            self.count.setText(f"{current + 1} / {total}")

    def _next(self) -> None:
        if self._debounce.isActive():  # Enter right after typing: search now
            self._debounce.stop()
            self._emit_search()
        else:
            self.next_requested.emit()

    def _emit_search(self) -> None:
        self.search_changed.emit(self.query(), self.exact.isChecked())
