"""The reading view: a centred column of typeset blocks, laid out only where it is seen.

A multi-megabyte novel has tens of thousands of blocks; laying them all out
(as QTextDocument does) costs seconds on the GUI thread, and every edit
re-lays the rest. This view keeps the blocks as plain strings, lays out a
block with QTextLayout only when it comes on screen (a small cache keeps the
recent ones), and holds its position as (top block, pixels into it), so a
script switch that replaces text keeps the reader's place by construction.
"""

from __future__ import annotations

import bisect
from collections import OrderedDict
from collections.abc import Callable, Sequence

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFont,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QTextCharFormat,
    QTextLayout,
    QTextLine,
    QWheelEvent,
)
from PySide6.QtWidgets import QAbstractScrollArea, QMenu, QWidget

from reader.core.document import Block, Run
from reader.core.rendition import LINE_BREAK, Rendition
from reader.core.search import Match
from reader.ui.themes import THEMES, Theme
from reader.ui.view.layout import BlockLayouter, LaidBlock, utf16_len, utf16_to_index
from reader.ui.view.typeset import BlockStyle

# Width of the text column in ems: a comfortable measure for Chinese.
MEASURE_EM = 38
# Scroll bar units per block: the bar moves by blocks, not by (unknown) pixels.
UNITS_PER_BLOCK = 1000
_CACHE_BLOCKS = 600

# Keys that move through the page, wherever the keyboard focus is.
NAVIGATION_KEYS = frozenset(
    {
        Qt.Key.Key_PageDown,
        Qt.Key.Key_PageUp,
        Qt.Key.Key_Space,
        Qt.Key.Key_Home,
        Qt.Key.Key_End,
        Qt.Key.Key_Up,
        Qt.Key.Key_Down,
    }
)

Position = tuple[int, int]  # (block, UTF-16 offset in the block's text)
Mark = tuple[int, int, bool]  # [start, end) in code points, and whether it is uncertain


class ReadingView(QAbstractScrollArea):
    """Shows one document; block i of the document is block i here."""

    scrolled = Signal()
    link_clicked = Signal(str)  # a link's target; never followed without asking
    zoom_requested = Signal(int)  # Ctrl+wheel: +1 bigger, -1 smaller
    note_clicked = Signal(str, QPoint)  # a footnote's label, where to show it (global)
    mark_clicked = Signal(int, int, QPoint)  # a conversion mark: block, index, where (global)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("readingView")
        self.setFrameShape(QAbstractScrollArea.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().setCursor(Qt.CursorShape.IBeamCursor)
        self.viewport().setMouseTracking(True)  # links show a pointing hand
        self.setAcceptDrops(False)  # the window takes dropped files
        self._blocks: Sequence[Block] = ()
        # The displayed texts belong to the rendition; the view only reads them.
        self._texts: Sequence[str] = ()
        self._font = QFont()
        self._em = 20.0
        self._line_height = 170
        self._theme: Theme = THEMES["light"]
        self._placeholder = ""
        self._cache: OrderedDict[int, LaidBlock] = OrderedDict()
        self._layouter = BlockLayouter(self._font, self._em, self._line_height)
        self._top = 0
        self._offset = 0.0
        self._anchor: Position | None = None
        self._cursor: Position | None = None
        self._matches: list[Match] = []
        self._match_blocks: list[int] = []
        self._current = -1
        self._marks: Callable[[int], Sequence[Mark]] | None = None
        self._syncing = False
        self.verticalScrollBar().valueChanged.connect(self._on_bar_moved)

    # Content

    def set_rendition(self, rendition: Rendition, font: QFont, em: float, line_height: int) -> None:
        """Show a new document from its top."""
        self._matches, self._match_blocks, self._current = [], [], -1
        self._anchor = self._cursor = None
        self._top, self._offset = 0, 0.0
        self._blocks, self._texts = rendition.prepared.document.blocks, rendition.texts
        self.set_typesetting(font, em, line_height)

    def show_rendition(self, rendition: Rendition) -> None:
        """The same document in another script: the block at the top stays at the top."""
        self._texts = rendition.texts
        self._cache.clear()
        self._clamp()
        self._sync_bar()
        self.viewport().update()

    def set_typesetting(self, font: QFont, em: float, line_height: int) -> None:
        """New font, size or line spacing: lay out again, keeping the position."""
        self._font, self._em, self._line_height = QFont(font), em, line_height
        self._layouter = BlockLayouter(font, em, line_height, images=self._layouter.images)
        self._cache.clear()
        self._clamp()
        self._sync_bar()
        self.viewport().update()

    def placeholder(self) -> str:
        """What the page says instead of a document ("" while it shows one)."""
        return self._placeholder

    def set_placeholder(self, text: str) -> None:
        """What the page says when there is nothing to read (an empty document)."""
        self._placeholder = text
        self.viewport().update()

    def apply_theme(self, theme: Theme) -> None:
        self._theme = theme
        self._cache.clear()  # link and code colours are part of the layout
        self.viewport().update()

    def block_count(self) -> int:
        return len(self._texts)

    def block_text(self, index: int) -> str:
        return self._texts[index]

    def plain_text(self) -> str:
        """Every block's text as shown, one block a line."""
        return "\n".join(self._texts)

    def blocks_changed(self, indices: Sequence[int]) -> None:
        """These blocks show new text (a script switch): lay out only those again."""
        first, last = self.visible_blocks()
        visible = False
        for index in indices:
            self._cache.pop(index, None)
            visible = visible or first <= index < last
        if visible:
            self._clamp()
            self.viewport().update()

    # Position

    def top_block(self) -> int:
        """Index of the block at the top of the view."""
        return self._top

    def position(self) -> tuple[int, int]:
        """(block at the top, pixels of it scrolled past)."""
        return self._top, round(self._offset)

    def scroll_to_block(self, index: int, offset: int = 0) -> None:
        """Put block `index` (plus `offset` pixels) at the top of the view."""
        if not self._texts:
            return
        self._top = max(0, min(index, len(self._texts) - 1))
        self._offset = float(max(0, offset))
        self._after_scroll()

    def scroll_by(self, dy: float) -> None:
        """Scroll `dy` pixels (down when positive)."""
        if not self._texts:
            return
        self._offset += dy
        while self._offset < 0 and self._top > 0:
            self._top -= 1
            self._offset += self._laid(self._top).height
        self._offset = max(0.0, self._offset)
        while self._top < len(self._texts) - 1 and self._offset >= self._laid(self._top).height:
            self._offset -= self._laid(self._top).height
            self._top += 1
        self._after_scroll()

    def block_at(self, fraction: float) -> int:
        """The block under a line `fraction` of the way down the view (0 = top)."""
        target = self.viewport().height() * fraction
        y = -self._offset
        i = self._top
        while i < len(self._texts) - 1:
            y += self._laid(i).height
            if y > target:
                break
            i += 1
        return i

    def visible_blocks(self) -> tuple[int, int]:
        """[first, last) of the blocks on screen."""
        if not self._texts:
            return 0, 0
        y = -self._offset
        i = self._top
        height = self.viewport().height()
        while i < len(self._texts) and y < height:
            y += self._laid(i).height
            i += 1
        return self._top, i

    def progress(self) -> int:
        """Reading progress in percent (by blocks)."""
        if len(self._texts) <= 1:
            return 100 if self._texts else 0
        last_top = self._last_top()
        if last_top <= 0:
            return 100
        return min(100, round(100 * self._top / last_top))

    def _last_top(self) -> int:
        """The top block when the view is scrolled to the very end."""
        height = self.viewport().height()
        i = len(self._texts) - 1
        total = 0.0
        while i > 0:
            total += self._laid(i).height
            if total >= height:
                return i
            i -= 1
        return 0

    def _clamp(self) -> None:
        """Keep the end of the document from scrolling above the bottom of the view."""
        if not self._texts:
            return
        self._top = min(self._top, len(self._texts) - 1)
        self._offset = max(0.0, min(self._offset, self._laid(self._top).height - 1))
        if self._top >= len(self._texts) - 200:  # only near the end is this worth measuring
            remaining = -self._offset
            for i in range(self._top, len(self._texts)):
                remaining += self._laid(i).height
            shortfall = self.viewport().height() - remaining
            if shortfall > 0 and (self._top > 0 or self._offset > 0):
                self._offset -= shortfall
                while self._offset < 0 and self._top > 0:
                    self._top -= 1
                    self._offset += self._laid(self._top).height
                self._offset = max(0.0, self._offset)

    def _after_scroll(self) -> None:
        self._clamp()
        self._sync_bar()
        self.viewport().update()
        self.scrolled.emit()

    def _sync_bar(self) -> None:
        bar = self.verticalScrollBar()
        self._syncing = True
        bar.setRange(0, max(0, (len(self._texts) - 1) * UNITS_PER_BLOCK))
        first, last = self.visible_blocks()
        bar.setPageStep(max(1, (last - first - 1)) * UNITS_PER_BLOCK)
        bar.setSingleStep(UNITS_PER_BLOCK // 4)
        height = self._laid(self._top).height if self._texts else 1
        bar.setValue(
            self._top * UNITS_PER_BLOCK + int(UNITS_PER_BLOCK * self._offset / max(1, height))
        )
        self._syncing = False

    def _on_bar_moved(self, value: int) -> None:
        if self._syncing or not self._texts:
            return
        top, fraction = divmod(value, UNITS_PER_BLOCK)
        self._top = min(top, len(self._texts) - 1)
        self._offset = self._laid(self._top).height * fraction / UNITS_PER_BLOCK
        self._clamp()
        self.viewport().update()
        self.scrolled.emit()

    # Layout

    def column(self) -> tuple[float, float]:
        """(left x, width) of the text column in the viewport."""
        width = self.viewport().width()
        measure = self._em * MEASURE_EM
        pad = max(self._em, 16.0)
        column = min(measure, max(self._em * 8, width - 2 * pad))
        return (width - column) / 2, column

    def _laid(self, index: int) -> LaidBlock:
        laid = self._cache.get(index)
        if laid is not None:
            self._cache.move_to_end(index)
            return laid
        laid = self._lay_out(index)
        self._cache[index] = laid
        if len(self._cache) > _CACHE_BLOCKS:
            self._cache.popitem(last=False)
        return laid

    def _lay_out(self, index: int) -> LaidBlock:
        _, column = self.column()
        return self._layouter.lay_out(self._blocks[index], self._texts[index], column, self._theme)

    # Painting

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self.viewport())
        theme = self._theme
        painter.fillRect(self.viewport().rect(), QColor(theme.background))
        if self._placeholder:
            painter.setPen(QColor(theme.quiet))
            painter.setFont(self._layouter.font_for(BlockStyle()))
            painter.drawText(
                self.viewport().rect(), int(Qt.AlignmentFlag.AlignCenter), self._placeholder
            )
        if not self._texts:
            return
        x0, column = self.column()
        y = -self._offset
        i = self._top
        bottom = self.viewport().height()
        while i < len(self._texts) and y < bottom:
            laid = self._laid(i)
            self._layouter.paint(painter, laid, x0, y, column, theme, self._formats(i))
            y += laid.height
            i += 1

    def _formats(self, block: int) -> list[QTextLayout.FormatRange]:
        """Find highlights and the selection inside one block."""
        ranges = []
        text = self._texts[block]
        lo = bisect.bisect_left(self._match_blocks, block)
        hi = bisect.bisect_right(self._match_blocks, block)
        for k in range(lo, hi):
            _, start, end = self._matches[k]
            colour = self._theme.current_match if k == self._current else self._theme.match
            ranges.append(self._range(utf16_len(text[:start]), utf16_len(text[start:end]), colour))
        if self._marks is not None:
            for start, end, strong in self._marks(block):
                a, b = utf16_len(text[:start]), utf16_len(text[:end])
                ranges.append(self._underline(a, b - a, strong))
        span = self._selection_in(block)
        if span is not None:
            ranges.append(self._range(span[0], span[1] - span[0], self._theme.selection))
        return ranges

    @staticmethod
    def _range(start: int, length: int, colour: str) -> QTextLayout.FormatRange:
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(colour))
        r = QTextLayout.FormatRange()
        r.start, r.length, r.format = start, length, fmt
        return r

    def mark_colour(self, strong: bool) -> QColor:
        """Uncertain: the current-match colour, deepened on light pages; changed: quiet."""
        if not strong:
            return QColor(self._theme.quiet)
        colour = QColor(self._theme.current_match)
        return colour.darker(140) if QColor(self._theme.background).lightness() > 128 else colour

    def _underline(self, start: int, length: int, strong: bool) -> QTextLayout.FormatRange:
        fmt = QTextCharFormat()
        if strong:  # uncertain: a wave
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        else:  # changed: a quiet dotted line
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        fmt.setUnderlineColor(self.mark_colour(strong))
        r = QTextLayout.FormatRange()
        r.start, r.length, r.format = start, length, fmt
        return r

    # Conversion marks

    def set_marks(self, marks: Callable[[int], Sequence[Mark]] | None) -> None:
        """Underline conversion changes: `marks(block)` gives (start, end, uncertain) spans
        of a block's displayed text in code points, asked only for blocks being painted;
        None removes the marks."""
        self._marks = marks
        self.viewport().update()

    def refresh_marks(self) -> None:
        """The marks changed (same provider): paint them again."""
        self.viewport().update()

    def position_at(self, x: float, y: float) -> tuple[int, int] | None:
        """(block, code-point index) of the character under a viewport point."""
        hit = self._hit(x, y, on_character=True)
        if hit is None:
            return None
        return hit[0], utf16_to_index(self._texts[hit[0]], hit[1])

    def selection_span(self) -> tuple[int, int, int] | None:
        """(block, start, end) in code points of a selection inside one block, else None."""
        sel = self._ordered_selection()
        if sel is None or sel[0][0] != sel[1][0]:
            return None
        block = sel[0][0]
        text = self._texts[block]
        return block, utf16_to_index(text, sel[0][1]), utf16_to_index(text, sel[1][1])

    def _mark_at(self, x: float, y: float) -> tuple[int, int] | None:
        if self._marks is None:
            return None
        found = self.position_at(x, y)
        if found is None:
            return None
        block, index = found
        if any(start <= index < end for start, end, _ in self._marks(block)):
            return found
        return None

    # Selection and copy

    def _ordered_selection(self) -> tuple[Position, Position] | None:
        if self._anchor is None or self._cursor is None or self._anchor == self._cursor:
            return None
        return (
            (self._anchor, self._cursor)
            if self._anchor < self._cursor
            else (self._cursor, self._anchor)
        )

    def _selection_in(self, block: int) -> tuple[int, int] | None:
        sel = self._ordered_selection()
        if sel is None or not (sel[0][0] <= block <= sel[1][0]):
            return None
        start = sel[0][1] if block == sel[0][0] else 0
        end = sel[1][1] if block == sel[1][0] else utf16_len(self._texts[block])
        return (start, end) if end > start else None

    def selected_text(self) -> str:
        """The selected text, blocks separated by line breaks (U+2028 becomes one too)."""
        sel = self._ordered_selection()
        if sel is None:
            return ""
        parts = []
        for block in range(sel[0][0], sel[1][0] + 1):
            span = self._selection_in(block)
            if span is None:
                continue
            text = self._texts[block]
            parts.append(text[utf16_to_index(text, span[0]) : utf16_to_index(text, span[1])])
        return "\n".join(parts).replace(LINE_BREAK, "\n")

    def select(self, start: Position, end: Position) -> None:
        self._anchor, self._cursor = start, end
        self.viewport().update()

    def selectAll(self) -> None:
        if self._texts:
            last = len(self._texts) - 1
            self.select((0, 0), (last, utf16_len(self._texts[last])))

    def copy(self) -> None:
        text = self.selected_text()
        if text:
            QGuiApplication.clipboard().setText(text)

    def _hit(self, x: float, y: float, on_character: bool = False) -> Position | None:
        """The text position under a viewport point."""
        if not self._texts:
            return None
        x0, _ = self.column()
        top = -self._offset
        i = self._top
        while i < len(self._texts):
            laid = self._laid(i)
            if y < top + laid.height or i == len(self._texts) - 1:
                break
            top += laid.height
            i += 1
        laid = self._laid(i)
        local_y = y - top - laid.content_top - laid.text_top
        layout = laid.layout
        if layout is None or layout.lineCount() == 0:
            return i, 0
        line = layout.lineAt(layout.lineCount() - 1)
        for n in range(layout.lineCount()):
            candidate = layout.lineAt(n)
            if local_y < candidate.y() + candidate.height():
                line = candidate
                break
        if local_y < 0:
            return i, 0
        edge = (
            QTextLine.CursorPosition.CursorOnCharacter
            if on_character
            else QTextLine.CursorPosition.CursorBetweenCharacters
        )
        return i, line.xToCursor(x - x0, edge)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            hit = self._hit(event.position().x(), event.position().y())
            self._anchor = self._cursor = hit
            self.viewport().update()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        # A click (not a drag) on a link or a footnote reference.
        if event.button() == Qt.MouseButton.LeftButton and self._anchor == self._cursor:
            run = self.run_at(event.position().x(), event.position().y())
            if run is not None and run.note:
                self.note_clicked.emit(run.note, event.globalPosition().toPoint())
            elif run is not None and run.link:
                self.link_clicked.emit(run.link)
            elif (mark := self._mark_at(event.position().x(), event.position().y())) is not None:
                self.mark_clicked.emit(*mark, event.globalPosition().toPoint())
        super().mouseReleaseEvent(event)

    def run_at(self, x: float, y: float) -> Run | None:
        """The link or footnote reference under a viewport point, if any."""
        hit = self._hit(x, y, on_character=True)
        if hit is None:
            return None
        block, units = hit
        text = self._texts[block]
        runs = self._blocks[block].runs
        if not runs or sum(len(r.text) for r in runs) != len(text):
            return None
        index = utf16_to_index(text, units)
        start = 0
        for run in runs:
            end = start + len(run.text)
            if start <= index < end:
                return run if (run.link or run.note) else None
            start = end
        return None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if not event.buttons():
            over = self.run_at(event.position().x(), event.position().y())
            shape = Qt.CursorShape.PointingHandCursor if over else Qt.CursorShape.IBeamCursor
            if self.viewport().cursor().shape() != shape:
                self.viewport().setCursor(shape)
            return
        if event.buttons() & Qt.MouseButton.LeftButton and self._anchor is not None:
            y = event.position().y()
            if y < 0:
                self.scroll_by(y / 2)
            elif y > self.viewport().height():
                self.scroll_by((y - self.viewport().height()) / 2)
            self._cursor = self._hit(event.position().x(), y)
            self.viewport().update()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = QMenu(self)
        copy = menu.addAction(self.tr("Copy"), self.copy)
        copy.setEnabled(bool(self.selected_text()))
        menu.addAction(self.tr("Select All"), self.selectAll)
        menu.exec(event.globalPos())

    # Keyboard and wheel

    def _line_step(self) -> float:
        return self._em * self._line_height / 100

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y()
            if steps:
                self.zoom_requested.emit(1 if steps > 0 else -1)
            event.accept()
            return
        pixels = event.pixelDelta().y()
        if pixels:
            self.scroll_by(-pixels)
        else:
            self.scroll_by(-event.angleDelta().y() / 120 * 3 * self._line_step())
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy()
        elif event.matches(QKeySequence.StandardKey.SelectAll):
            self.selectAll()
        elif key in (Qt.Key.Key_PageDown, Qt.Key.Key_Space):
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.page_up()
            else:
                self.page_down()
        elif key == Qt.Key.Key_PageUp:
            self.page_up()
        elif key == Qt.Key.Key_Down:
            self.scroll_by(self._line_step())
        elif key == Qt.Key.Key_Up:
            self.scroll_by(-self._line_step())
        elif key == Qt.Key.Key_Home:
            self.scroll_to_block(0)
        elif key == Qt.Key.Key_End:
            self.scroll_to_block(len(self._texts) - 1)
        else:
            super().keyPressEvent(event)

    def _slots_on_screen(self) -> list[tuple[float, float]]:
        """(top, bottom) in viewport pixels of every line that is at least partly on screen."""
        slots = []
        y = -self._offset
        i = self._top
        height = self.viewport().height()
        while i < len(self._texts) and y < height:
            laid = self._laid(i)
            slots.extend((y + a, y + b) for a, b in self._layouter.line_slots(laid))
            y += laid.height
            i += 1
        return slots

    def page_down(self) -> None:
        """The last whole line on screen becomes the first: one line of overlap, no cut line."""
        height = self.viewport().height()
        whole = [
            top for top, bottom in self._slots_on_screen() if bottom <= height + 0.5 and top > 0.5
        ]
        self.scroll_by(
            whole[-1] if whole else max(self._line_step(), height - 2 * self._line_step())
        )

    def page_up(self) -> None:
        """The first whole line on screen becomes the last, and the page starts on a whole line."""
        height = self.viewport().height()
        slots = self._slots_on_screen()
        first = next((bottom for top, bottom in slots if top >= -0.5), None)
        self.scroll_by((first - height) if first is not None and first < height else -height)
        above = [top for top, bottom in self._slots_on_screen() if top <= 0.5 < bottom]
        if above and above[0] < -0.5:  # the top line is cut: show it whole
            self.scroll_by(above[0])

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self._cache.clear()
        self._clamp()
        self._sync_bar()

    # Find highlights

    def set_matches(self, matches: list[Match], current: int) -> None:
        """Highlight matches (block, start, end in code points); `current` is selected and shown."""
        self._matches, self._current = matches, current
        self._match_blocks = [m[0] for m in matches]
        if 0 <= current < len(matches):
            block, start, end = matches[current]
            text = self._texts[block]
            self.select((block, utf16_len(text[:start])), (block, utf16_len(text[:end])))
            first, last = self.visible_blocks()
            if not (first < block < last - 1) or (block == first and self._offset > 0):
                self.scroll_to_block(block)
                self.scroll_by(-self.viewport().height() / 3)
        self.viewport().update()

    def highlighted_matches(self) -> list[Match]:
        """The highlighted matches that are on screen."""
        first, last = self.visible_blocks()
        lo = bisect.bisect_left(self._match_blocks, first)
        hi = bisect.bisect_left(self._match_blocks, last)
        return self._matches[lo:hi]

    # Typesetting facts (for tests) and printing

    def block_geometry(self, index: int) -> dict[str, float]:
        """Facts about how a block is set: alignment, first-line indent, line pitch, font size."""
        laid = self._laid(index)
        layout = laid.layout
        lines = [layout.lineAt(n) for n in range(layout.lineCount())]
        pitch = lines[1].y() - lines[0].y() if len(lines) > 1 else 0.0
        return {
            "align": laid.style.align,
            "indent": (lines[0].x() - lines[1].x()) if len(lines) > 1 else lines[0].x(),
            "pitch": pitch,
            "font_px": layout.font().pixelSize(),
            "bold": float(layout.font().bold()),
            "lines": float(len(lines)),
            "right_edge": max((ln.x() + ln.naturalTextWidth() for ln in lines), default=0.0),
            "column": self.column()[1],
        }
