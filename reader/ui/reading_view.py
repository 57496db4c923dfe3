"""The typeset reading view: a centred column of text, positions kept by block."""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPalette, QResizeEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QWidget

from reader.ui.typeset import LINE_BREAK, Theme

#: Width of the text column in ems: a comfortable measure for Chinese.
MEASURE_EM = 38


def utf16_len(text: str) -> int:
    """Length of `text` in UTF-16 code units, the unit of Qt text positions."""
    if not text or max(text) <= "\uffff":
        return len(text)
    return len(text.encode("utf-16-le")) // 2


class ReadingView(QTextBrowser):
    """Shows one document; block i of the document is text block i here."""

    scrolled = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("readingView")
        self.setReadOnly(True)
        self.setOpenLinks(False)
        self.setAcceptDrops(False)  # the window takes dropped files
        self.setFrameShape(QTextBrowser.Shape.NoFrame)
        # Mouse selection only: a reader has no caret blinking in the text.
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.document().setUndoRedoEnabled(False)
        self.document().setDocumentMargin(24)
        self._em = 20.0
        self._matches: list[tuple[int, int, int]] = []
        self._match_blocks: list[int] = []
        self._current = -1
        self._theme: Theme | None = None
        self.verticalScrollBar().valueChanged.connect(self._on_scroll)

    # Content

    def set_content(self, html: str, font: QFont, em: float) -> None:
        """Replace the whole document."""
        self._em = em
        self._matches, self._match_blocks, self._current = [], [], -1
        self.setExtraSelections([])
        self.document().setDefaultFont(font)
        self.setHtml(html)
        self._update_margins()

    def block_count(self) -> int:
        return self.document().blockCount()

    def block_text(self, index: int) -> str:
        return self.document().findBlockByNumber(index).text()

    def replace_texts(self, indices: Sequence[int], texts: Sequence[str]) -> None:
        """Put new text into blocks, keeping each line's formatting (one edit, one relayout)."""
        doc = self.document()
        cursor = QTextCursor(doc)
        cursor.beginEditBlock()
        for index, new in zip(indices, texts, strict=True):
            block = doc.findBlockByNumber(index)
            if not block.isValid():
                continue
            old = block.text()
            if old == new:
                continue
            old_parts, new_parts = old.split(LINE_BREAK), new.split(LINE_BREAK)
            if len(old_parts) != len(new_parts):
                old_parts, new_parts = [old], [new]
            # Replace from the end so earlier positions stay valid.
            ends = []
            pos = block.position()
            for part in old_parts:
                ends.append((pos, pos + utf16_len(part)))
                pos += utf16_len(part) + 1
            for (start, end), part, old_part in reversed(
                list(zip(ends, new_parts, old_parts, strict=True))
            ):
                if part == old_part:
                    continue
                cursor.setPosition(start)
                cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
                fmt = cursor.charFormat() if start == end else self._format_at(start + 1)
                cursor.insertText(part, fmt)
        cursor.endEditBlock()
        self._refresh_highlights()

    def _format_at(self, position: int) -> QTextCharFormat:
        cursor = QTextCursor(self.document())
        cursor.setPosition(position)
        return cursor.charFormat()

    # Position

    def top_block(self) -> int:
        """Index of the block at the top of the view."""
        return self.cursorForPosition(QPoint(self._em, 2)).blockNumber()

    def position(self) -> tuple[int, int]:
        """(block at the top, pixels of it scrolled past): a position that survives relayout."""
        block_no = self.top_block()
        block = self.document().findBlockByNumber(block_no)
        top = self.document().documentLayout().blockBoundingRect(block).top()
        return block_no, max(0, self.verticalScrollBar().value() - int(top))

    def scroll_to_block(self, index: int, offset: int = 0) -> None:
        """Put block `index` (plus `offset` pixels) at the top of the view."""
        block = self.document().findBlockByNumber(max(0, index))
        if not block.isValid():
            return
        top = self.document().documentLayout().blockBoundingRect(block).top()
        if index <= 0 and offset <= 0:
            top = 0  # the very top, page margin included
        self.verticalScrollBar().setValue(int(top) + offset)

    def visible_blocks(self) -> tuple[int, int]:
        """[first, last) of the blocks on screen."""
        first = self.top_block()
        last = self.cursorForPosition(QPoint(self._em, self.viewport().height() - 2)).blockNumber()
        return first, last + 1

    def progress(self) -> int:
        """Reading progress in percent."""
        bar = self.verticalScrollBar()
        if bar.maximum() <= 0:
            return 100
        return round(100 * bar.value() / bar.maximum())

    # Appearance

    def apply_theme(self, theme: Theme) -> None:
        self._theme = theme
        pal = self.palette()
        for role, colour in (
            (QPalette.ColorRole.Base, theme.background),
            (QPalette.ColorRole.Window, theme.background),
            (QPalette.ColorRole.Text, theme.text),
            (QPalette.ColorRole.Highlight, theme.selection),
            (QPalette.ColorRole.HighlightedText, theme.text),
        ):
            pal.setColor(role, QColor(colour))
        self.setPalette(pal)
        self.viewport().setPalette(pal)
        self.setAutoFillBackground(True)
        self._refresh_highlights()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._update_margins()
        super().resizeEvent(event)

    def _update_margins(self) -> None:
        """Centre a column of about MEASURE_EM ems; narrow windows use their whole width."""
        column = int(self._em * MEASURE_EM + 2 * self.document().documentMargin())
        side = max(0, (self.width() - self.verticalScrollBar().sizeHint().width() - column) // 2)
        self.setViewportMargins(side, 0, side, 0)

    # Find highlights

    def set_matches(self, matches: list[tuple[int, int, int]], current: int) -> None:
        """Highlight matches (block, start, end in code points); `current` is selected."""
        self._matches, self._current = matches, current
        self._match_blocks = [m[0] for m in matches]
        if 0 <= current < len(matches):
            block, start, end = matches[current]
            cursor = self._cursor_for(block, start, end)
            self.setTextCursor(cursor)
            self.ensureCursorVisible()
        self._refresh_highlights()

    def _cursor_for(self, block_no: int, start: int, end: int) -> QTextCursor:
        block = self.document().findBlockByNumber(block_no)
        text = block.text()
        cursor = QTextCursor(block)
        base = block.position()
        cursor.setPosition(base + utf16_len(text[:start]))
        cursor.setPosition(base + utf16_len(text[:end]), QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def _refresh_highlights(self) -> None:
        """Extra selections for the matches near the screen only: thousands stay cheap."""
        if not self._matches or self._theme is None:
            self.setExtraSelections([])
            return
        first, last = self.visible_blocks()
        lo = bisect.bisect_left(self._match_blocks, first - 20)
        hi = bisect.bisect_right(self._match_blocks, last + 20)
        selections = []
        for i in range(lo, hi):
            block, start, end = self._matches[i]
            sel = QTextEdit.ExtraSelection()
            sel.cursor = self._cursor_for(block, start, end)
            colour = self._theme.current_match if i == self._current else self._theme.match
            sel.format.setBackground(QColor(colour))
            selections.append(sel)
        self.setExtraSelections(selections)

    def _on_scroll(self) -> None:
        if self._matches:
            self._refresh_highlights()
        self.scrolled.emit()
