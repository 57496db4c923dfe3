"""The reading view that also reads vertically (直排), a page at a time.

Horizontal, it is the scrolling `ReadingView` unchanged. Vertical, it shows
whole pages of columns set by the vertical layouter, the first column at the
right; one page, or two facing pages on a wide window (the right one first).
Page keys, arrows and the wheel turn pages in reading direction (leftwards).
Pages are laid out when shown; a worker counts them for "page N of M". The
reading position is a character (block, code point), so switching direction,
script, size or window width keeps the reader's place.
"""

from __future__ import annotations

import bisect
import threading
import time
from collections.abc import Sequence

from PySide6.QtCore import QObject, QPointF, QRectF, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QTextLine,
    QWheelEvent,
)
from PySide6.QtWidgets import QWidget

from reader.core.rendition import Rendition
from reader.core.search import Match
from reader.runtime import gc_paused
from reader.ui.themes import Theme
from reader.ui.view.layout import BlockLayouter, LaidBlock, utf16_len, utf16_to_index
from reader.ui.view.pages import Page, Pages, Slots
from reader.ui.view.reading_view import MEASURE_EM, ReadingView
from reader.ui.view.typeset import BlockStyle
from reader.ui.view.vertical import VerticalLayouter, VerticalPages, count_pages

# Two facing pages when the window is at least this much wider than high.
SPREAD_RATIO = 1.25
# Page margin in ems of the body text.
MARGIN_EM = 2.0
# The page counter works this long, then sleeps this long (3M characters: page turns while
# it counts took 44-62 ms with sleep(0) after each block; see benchmarks/bench_vertical.py).
COUNT_SLICE_S = 0.002
COUNT_PAUSE_S = 0.001
# Pages are counted this long after a re-layout, so that the first pages come up alone.
COUNT_DELAY_MS = 300
# The longest the counter stands aside for one page turn.
HOLD_S = 0.08

CharPosition = tuple[int, int]  # (block, code point in its displayed text)


class _CountSignals(QObject):
    counted = Signal(int, object, object)  # generation, list of page starts, the anchor


class _PageCount(QRunnable):
    """Counts the pages of a whole document in a worker, from plain data."""

    def __init__(self, generation, vertical, blocks, texts, typesetting, theme, size, anchor, signals, stop, pause):  # fmt: skip
        super().__init__()
        self.anchor = anchor  # the page on screen: counted as a page start
        self.generation, self.vertical, self.blocks, self.texts = (
            generation,
            vertical,
            blocks,
            texts,
        )
        self.typesetting, self.theme, self.size = typesetting, theme, size
        self.signals, self.stop, self.pause = signals, stop, pause

    def run(self) -> None:
        font, em, line_height = self.typesetting
        if self.vertical:
            layouter = VerticalLayouter(font, em, line_height)
            pages = VerticalPages(
                layouter, self.blocks, self.texts, self.theme, *self.size, cache=8,
                after_block=self.pause,
            )  # fmt: skip
        else:
            pages = HorizontalPages(
                BlockLayouter(font, em, line_height), self.blocks, self.texts, self.theme,
                *self.size, cache=8, after_block=self.pause,
            )  # fmt: skip
        with gc_paused():  # a novel's worth of small acyclic objects: no full passes over them
            starts = count_pages(pages, self.stop.is_set, self.anchor)
        if starts is not None:
            self.signals.counted.emit(self.generation, starts, self.anchor)


class _Pause:
    """Called after each block the counter lays out. While the view turns and paints a page
    the counter waits on an event (holding no GIL and asking for none), so that the turn has
    the interpreter to itself; otherwise every COUNT_SLICE_S of work it sleeps COUNT_PAUSE_S."""

    def __init__(self) -> None:
        self.since = time.perf_counter()
        self.free = threading.Event()
        self.free.set()

    def hold(self) -> None:
        """A page is being turned: stand aside until it is painted (at most HOLD_S)."""
        self.free.clear()

    def release(self) -> None:
        self.free.set()

    def __call__(self) -> None:
        if not self.free.is_set():
            if not self.free.wait(HOLD_S):
                self.free.set()  # no paint came (a hidden window): stand aside once, not always
            self.since = time.perf_counter()
        elif time.perf_counter() - self.since > COUNT_SLICE_S:
            time.sleep(COUNT_PAUSE_S)
            self.since = time.perf_counter()


class HorizontalPages(Pages[LaidBlock]):
    """Cuts the horizontal setting of a document into pages between lines, on demand: the
    block layouter's line slots, as printing breaks paper pages."""

    layouter: BlockLayouter

    @property
    def length(self) -> float:
        return self.height

    def _lay_out(self, index: int) -> tuple[LaidBlock, Slots, float]:
        laid = self.layouter.lay_out(self.blocks[index], self.texts[index], self.width, self.theme)
        return laid, self.layouter.line_slots(laid), laid.height

    def start_of(self, position: tuple[int, int]) -> tuple[int, int]:
        """(block, line) of the line holding code point `position[1]` of block `position[0]`."""
        block = max(0, min(position[0], len(self.texts) - 1))
        laid = self.laid(block)
        layout = laid.layout
        if layout is None or layout.lineCount() == 0 or laid.cells:
            return block, 0
        units = utf16_len(self.texts[block][: position[1]])
        line = layout.lineForTextPosition(min(units, max(0, len(layout.text()))))
        number = line.lineNumber() if line.isValid() else layout.lineCount() - 1
        return block, number + (1 if laid.text_top > 0 else 0)  # a picture is a slot above

    def char_at(self, start: tuple[int, int]) -> tuple[int, int]:
        """(block, first code point) of line `start[1]` of block `start[0]`."""
        laid = self.laid(start[0])
        layout = laid.layout
        number = start[1] - (1 if laid.text_top > 0 else 0)
        if layout is None or laid.cells or not 0 <= number < layout.lineCount():
            return start[0], 0
        return start[0], utf16_to_index(self.texts[start[0]], layout.lineAt(number).textStart())


class PagedView(ReadingView):
    """A `ReadingView` that can show the document in vertical columns, page by page."""

    page_changed = Signal(int, int)  # page number (1-based; 0 while counting), page count

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._vertical = False  # columns right to left (always paged)
        self._paging = False  # whole pages: vertical, or horizontal when paged
        self._pages: VerticalPages | HorizontalPages | None = None
        self._start: tuple[int, int] = (0, 0)  # (block, column) at the right edge
        self._char: CharPosition = (0, 0)  # the reading position that survives re-layout
        self._starts: list[tuple[int, int]] | None = None
        self._parity = 0  # two facing pages begin on the counted pages of this parity
        # The character last gone to while scrolling, and the scroll it made: while the reader
        # has not scrolled since, that character (not its line's first) is the place.
        self._scroll_char: tuple[CharPosition, tuple[int, float]] | None = None
        self._generation = 0
        self._stop = threading.Event()
        self._signals = _CountSignals(self)
        self._signals.counted.connect(self._on_counted)
        self._paged_horizontally = False
        self._wheel = 0
        self._pause = _Pause()  # shared with the page counter
        self._recount = QTimer(self)
        self._recount.setSingleShot(True)
        self._recount.setInterval(COUNT_DELAY_MS)
        self._recount.timeout.connect(self._count)

    # Direction

    def is_vertical(self) -> bool:
        return self._vertical

    def is_paged(self) -> bool:
        return self._paging

    def set_vertical(self, on: bool) -> None:
        """Read in vertical columns (True) or horizontal lines; the character read stays."""
        self.set_mode(on, self._paged_horizontally if not on else True)

    def set_paged(self, on: bool) -> None:
        """Horizontal text in whole pages (True) or scrolling; vertical text is always paged."""
        self._paged_horizontally = on
        if not self._vertical:
            self.set_mode(False, on)

    def set_mode(self, vertical: bool, paged: bool) -> None:
        """Columns or lines, pages or scrolling; the character being read stays on screen."""
        paging = vertical or paged
        if (vertical, paging) == (self._vertical, self._paging):
            return
        here = self._here()
        self._vertical, self._paging = vertical, paging
        self.setVerticalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAlwaysOff
            if paging
            else Qt.ScrollBarPolicy.ScrollBarAsNeeded
        )
        if paging:
            self._relayout(here)
        else:
            self._stop.set()
            self._pages, self._starts = None, None
            self.go_to_position(here)
        self.viewport().update()

    def reading_position(self) -> CharPosition:
        """The first character the reader sees: (block, code point). In pages, the first of
        the page (the right one of two), so that going to it shows the same pages again."""
        if not self._texts:
            return 0, 0
        if self._paging and self._pages is not None:
            return self._pages.char_at(self._start)
        if self._scroll_char is not None and self._scroll_char[1] == (self._top, self._offset):
            return self._scroll_char[0]
        laid = self._laid(self._top)
        layout = laid.layout
        if layout is None or layout.lineCount() == 0:
            return self._top, 0
        local = self._offset - laid.content_top - laid.text_top
        for n in range(layout.lineCount()):
            line = layout.lineAt(n)
            if local < line.y() + line.height() / 2:
                units = line.textStart()
                break
        else:  # past the middle of the last line: the next paragraph is what is read
            if self._top + 1 < len(self._texts):
                return self._top + 1, 0
            units = layout.lineAt(layout.lineCount() - 1).textStart()
        text = self._texts[self._top]
        return self._top, utf16_to_index(text, units)

    def _here(self) -> CharPosition:
        """The character a re-layout keeps on screen: in pages, the one gone to or the first
        of the page turned to (not the first of the page that holds it: no drift)."""
        if self._paging and self._pages is not None:
            return self._char
        return self.reading_position()

    def go_to_position(self, position: CharPosition) -> None:
        """Show the character `position` (block, code point): its page, or its line at the top."""
        if not self._texts:
            return
        block = max(0, min(position[0], len(self._texts) - 1))
        if self._paging:
            self._char = (block, position[1])
            self._show_start(self._page_start_for(self._char), keep_char=True)
            return
        laid = self._laid(block)
        offset = 0.0
        if laid.layout is not None and position[1] > 0:
            units = utf16_len(self._texts[block][: position[1]])
            line = laid.layout.lineForTextPosition(units)
            if line.isValid():
                offset = laid.content_top + laid.text_top + line.y()
        super().scroll_to_block(block, round(offset))
        self._scroll_char = ((block, position[1]), (self._top, self._offset))

    # Content (the base class keeps the texts; vertical pages follow them)

    def set_rendition(self, rendition: Rendition, font: QFont, em: float, line_height: int) -> None:
        self._char, self._start, self._pages = (0, 0), (0, 0), None
        self._scroll_char = None
        super().set_rendition(rendition, font, em, line_height)

    def show_rendition(self, rendition: Rendition) -> None:
        here = self._here()
        super().show_rendition(rendition)
        if self._paging:
            self._relayout(here)

    def set_typesetting(self, font: QFont, em: float, line_height: int) -> None:
        here = self._here() if self._paging else None
        super().set_typesetting(font, em, line_height)
        if self._paging:
            self._relayout(here or self._char)

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        if self._pages is not None:
            self._pages.theme = theme
            self._pages.forget()

    def blocks_changed(self, indices: Sequence[int]) -> None:
        super().blocks_changed(indices)
        if self._pages is not None:
            first = self._pages.char_at(self._start)  # the page on screen begins here still
            self._pages.forget(indices)
            self._starts = None  # the count may have changed: count again once quiet
            self._recount.start()
            self._show_start(self._pages.start_of(first), keep_char=True)

    # Pages

    def spread(self) -> bool:
        """Two facing pages side by side: the window is wide enough."""
        size = self.viewport().size()
        return size.width() >= SPREAD_RATIO * size.height() and size.width() >= 40 * self._em

    def _page_size(self) -> tuple[float, float]:
        margin = MARGIN_EM * self._em
        width, height = self.viewport().width(), self.viewport().height()
        if self.spread():
            width = (width - margin) / 2
        width = width - 2 * margin
        if not self._vertical:  # lines no longer than the scrolling view's measure
            width = min(width, MEASURE_EM * self._em)
        return max(self._em * 4, width), max(self._em * 4, height - 2 * margin)

    def _relayout(self, here: CharPosition) -> None:
        if not self._paging:
            return
        images = self._layouter.images
        font, em, line_height = self._font, self._em, self._line_height
        if self._vertical:
            self._pages = VerticalPages(
                VerticalLayouter(font, em, line_height, images=images),
                self._blocks, self._texts, self._theme, *self._page_size(),
            )  # fmt: skip
        else:
            self._pages = HorizontalPages(
                BlockLayouter(font, em, line_height, images=images),
                self._blocks, self._texts, self._theme, *self._page_size(),
            )  # fmt: skip
        self._starts, self._parity = None, 0
        self._char = here
        self._stop.set()  # an older count is of no use now
        self._recount.start()  # counted once the first pages are up (it slows turns meanwhile)
        self._show_start(self._page_start_for(here), keep_char=True)

    def _count(self) -> None:
        """Count the pages in a worker; an older count still running is dropped."""
        self._stop.set()
        if self._pages is None or not self._texts:
            return
        self._stop = threading.Event()
        self._generation += 1
        job = _PageCount(
            self._generation,
            self._vertical,
            tuple(self._blocks),
            tuple(self._texts),
            (QFont(self._font), self._em, self._line_height),
            self._theme,
            (self._pages.width, self._pages.height),
            self._start,
            self._signals,
            self._stop,
            self._pause,
        )
        QThreadPool.globalInstance().start(job)

    def _on_counted(
        self, generation: int, starts: list[tuple[int, int]], anchor: tuple[int, int]
    ) -> None:
        """The count is in. The page on screen when counting began is a counted page that
        begins two facing pages, and so is any page turned forward to from it since: it
        stays. A page gone back or jumped to meanwhile is counted again around it."""
        if generation != self._generation or self._pages is None:
            return
        at = bisect.bisect_left(starts, anchor)
        parity = at % 2 if at < len(starts) and starts[at] == anchor else 0
        self._starts, self._parity = starts, parity
        index = self.page_index()
        if starts[index] == self._start and self._spread_first(index) == index:
            self._show_start(self._start, keep_char=True)  # the page number comes up
            return
        self._starts, self._parity = None, 0
        self._recount.start()

    def _spread_first(self, index: int) -> int:
        """The first of the pages on screen with counted page `index`: two facing pages begin
        on pages of the anchor's parity, so page 1 may stand alone as a book's first page."""
        if not self.spread():
            return index
        return max(0, index - (index - self._parity) % 2)

    def _spread_size(self, index: int) -> int:
        """How many counted pages show together from page `index`, the first of a spread."""
        if not self.spread() or not self._starts or index + 1 >= len(self._starts):
            return 1
        return 2 if self._spread_first(index + 1) == index else 1

    def _page_start_for(self, position: CharPosition) -> tuple[int, int]:
        """The start of the page holding `position`: a counted page's, else its column."""
        if self._pages is None or not self._texts:
            return (0, 0)
        column = self._pages.start_of(position)
        if self._starts:
            index = max(0, bisect.bisect_right(self._starts, column) - 1)
            return self._starts[self._spread_first(index)]
        return column

    def page_index(self) -> int:
        """The 0-based number of the page at the right, -1 while the pages are being counted."""
        if not self._starts:
            return -1
        return max(0, bisect.bisect_right(self._starts, self._start) - 1)

    def page_count(self) -> int:
        return len(self._starts) if self._starts else 0

    def shown_pages(self) -> list[Page]:
        """The page (or the two facing pages, right first) on screen."""
        if self._pages is None or not self._texts:
            return []
        starts = self._starts
        if starts:  # counted pages end where the next begins (one may be cut short)
            index = self.page_index()
            ends = [*starts[index + 1 : index + 3], None, None]
            shown = [self._pages.page(self._start, ends[0])]
            if self._spread_size(index) == 2:
                shown.append(self._pages.page(starts[index + 1], ends[1]))
            return shown
        first = self._pages.page(self._start)
        shown = [first]
        if self.spread() and first.next_start is not None:
            shown.append(self._pages.page(first.next_start))
        return shown

    def _show_start(self, start: tuple[int, int], keep_char: bool = False) -> None:
        self._pause.hold()
        self._start = start
        if not keep_char and self._pages is not None:
            self._char = self._pages.char_at(start)
        self.viewport().update()
        self.page_changed.emit(self.page_index() + 1, self.page_count())
        self.scrolled.emit()

    def next_page(self) -> None:
        """Turn to the next page (or spread): leftwards when vertical."""
        if self._pages is None:
            return
        self._pause.hold()  # the counter stands aside from here until the page is painted
        if self._starts:
            index = self.page_index()
            index += self._spread_size(index)
            if index < len(self._starts):
                self._show_start(self._starts[index])
            return
        shown = self.shown_pages()
        following = shown[-1].next_start if shown else None
        if following is not None:
            self._show_start(following)

    def previous_page(self) -> None:
        """Turn back a page (or spread): rightwards when vertical."""
        if self._pages is None:
            return
        self._pause.hold()
        step = 2 if self.spread() else 1
        if self._starts:
            index = self.page_index()
            if index > 0:
                self._show_start(self._starts[self._spread_first(index - 1)])
            return
        start: tuple[int, int] | None = self._start
        for _ in range(step):
            earlier = self._pages.previous_start(start) if start is not None else None
            start = earlier if earlier is not None else start
        if start is not None and start != self._start:
            self._show_start(start)

    # What the window asks of any view

    def scroll_to_block(self, index: int, offset: int = 0) -> None:
        """Block `index` at the top, `offset` pixels into it; in pages, the page holding its
        character `offset` (what `position()` gives in pages, for Back)."""
        if self._paging:
            self.go_to_position((index, max(0, offset)))
        else:
            super().scroll_to_block(index, offset)

    def scroll_by(self, dy: float) -> None:
        if not self._paging:
            super().scroll_by(dy)

    def top_block(self) -> int:
        return self._start[0] if self._paging else super().top_block()

    def position(self) -> tuple[int, int]:
        # Pixels into a block mean nothing in columns: the page's first character is the place.
        return self.reading_position() if self._paging else super().position()

    def visible_blocks(self) -> tuple[int, int]:
        if not self._paging:
            return super().visible_blocks()
        parts = [part for page in self.shown_pages() for part in page.parts]
        if not parts:
            return self._start[0], self._start[0]
        return parts[0].block, parts[-1].block + 1

    def block_at(self, fraction: float) -> int:
        """The block `fraction` of the way through the pages on screen, in reading order."""
        if not self._paging:
            return super().block_at(fraction)
        parts = [part for page in self.shown_pages() for part in page.parts]
        if not parts:
            return self._start[0]
        return parts[min(len(parts) - 1, int(fraction * len(parts)))].block

    def progress(self) -> int:
        if not self._paging:
            return super().progress()
        if self._starts:
            return round(100 * (self.page_index() + 1) / len(self._starts))
        return round(100 * self._start[0] / max(1, len(self._texts) - 1))

    def set_matches(self, matches: list[Match], current: int) -> None:
        if not self._paging:
            super().set_matches(matches, current)
            return
        self._matches, self._current = matches, current
        self._match_blocks = [m[0] for m in matches]
        if 0 <= current < len(matches):
            block, start, end = matches[current]
            text = self._texts[block]
            self.select((block, utf16_len(text[:start])), (block, utf16_len(text[:end])))
            if not self._on_screen(block, start):
                self.go_to_position((block, start))
        self.viewport().update()

    def _on_screen(self, block: int, char: int) -> bool:
        if self._pages is None:
            return False
        unit = self._pages.start_of((block, char))[1]
        return any(
            part.block == block and part.first <= unit < part.last
            for page in self.shown_pages()
            for part in page.parts
        )

    # Painting and pointing

    def _page_rects(self) -> list[tuple[float, float]]:
        """Where each page on screen is, in reading order: vertical, (right edge, top) with the
        first page at the right; horizontal, (left edge, top) with the first at the left."""
        margin = MARGIN_EM * self._em
        width, _ = self._page_size()
        view = self.viewport().width()
        if self._vertical:
            right = view - margin
            if self.spread():
                return [(right, margin), (right - width - margin * 2, margin)]
            return [(right - (view - 2 * margin - width) / 2, margin)]
        if self.spread():
            middle = view / 2
            return [(middle - margin - width, margin), (middle + margin, margin)]
        return [((view - width) / 2, margin)]

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._paging:
            super().paintEvent(event)
            return
        self._pause.hold()
        try:
            self._paint_pages()
        finally:
            self._pause.release()

    def _paint_pages(self) -> None:
        painter = QPainter(self.viewport())
        painter.fillRect(self.viewport().rect(), QColor(self._theme.background))
        if self._placeholder:  # an empty document says so, as when scrolling
            painter.setPen(QColor(self._theme.quiet))
            painter.setFont(self._layouter.font_for(BlockStyle()))
            painter.drawText(
                self.viewport().rect(), int(Qt.AlignmentFlag.AlignCenter), self._placeholder
            )
        if self._pages is None or not self._texts:
            return
        pages = self._pages
        for page, (x, top) in zip(self.shown_pages(), self._page_rects(), strict=False):
            for part in page.parts:
                if isinstance(pages, VerticalPages):
                    pages.layouter.paint(
                        painter, pages.laid(part.block), x - part.offset, top, self._theme,
                        (part.first, part.last), self._highlights(part.block),
                    )  # fmt: skip
                    if self._marks is not None:
                        self._paint_side_marks(painter, part.block)
                    continue
                # Whole lines of the block between these slots, with find and selection.
                slots = pages.slots(part.block)
                y = top + part.offset - slots[part.first][0]  # the block's own top
                painter.save()
                painter.setClipRect(
                    QRectF(x - self._em, top + part.offset, pages.width + 2 * self._em,
                           slots[part.last - 1][1] - slots[part.first][0])
                )  # fmt: skip
                pages.layouter.paint(
                    painter, pages.laid(part.block), x, y, pages.width, self._theme,
                    self._formats(part.block),
                )  # fmt: skip
                painter.restore()
        if self.spread():
            painter.setPen(QColor(self._theme.quiet))
            middle = self.viewport().width() / 2
            painter.drawLine(
                QPointF(middle, self._em), QPointF(middle, self.viewport().height() - self._em)
            )

    def _paint_side_marks(self, painter: QPainter, block: int) -> None:
        """Conversion marks in columns: beside each changed character on the left, the side a
        column's underline goes; dotted for a change, a wave for an uncertain one."""
        gap = max(1.0, self._em / 12)
        for start, end, strong in self._marks(block) if self._marks is not None else ():
            pen = QPen(self.mark_colour(strong), max(1.0, self._em / 16))
            if not strong:
                pen.setStyle(Qt.PenStyle.DotLine)
            painter.setPen(pen)
            for char in range(start, end):
                rect = self.char_rect(block, char)
                if rect is None:
                    continue
                x = rect.left() - gap
                if not strong:
                    painter.drawLine(QPointF(x, rect.top()), QPointF(x, rect.bottom()))
                    continue
                step, y, side = max(2.0, self._em / 6), rect.top(), 1.0
                points = [QPointF(x, y)]
                while y < rect.bottom():
                    y = min(rect.bottom(), y + step)
                    points.append(QPointF(x + side * gap, y))
                    side = -side
                painter.drawPolyline(points)

    def _highlights(self, block: int) -> list[tuple[int, int, str]]:
        """Find matches and the selection in `block`, in code points."""
        spans = []
        lo = bisect.bisect_left(self._match_blocks, block)
        hi = bisect.bisect_right(self._match_blocks, block)
        for k in range(lo, hi):
            _, start, end = self._matches[k]
            colour = self._theme.current_match if k == self._current else self._theme.match
            spans.append((start, end, colour))
        selected = self._selection_in(block)
        if selected is not None:
            text = self._texts[block]
            spans.append(
                (
                    utf16_to_index(text, selected[0]),
                    utf16_to_index(text, selected[1]),
                    self._theme.selection,
                )
            )
        return spans

    def char_rect(self, block: int, char: int) -> QRectF | None:
        """The cell of code point `char` of `block` in the viewport, None when not on screen."""
        if not isinstance(self._pages, VerticalPages):
            return None
        for page, (right, top) in zip(self.shown_pages(), self._page_rects(), strict=False):
            for part in page.parts:
                if part.block != block:
                    continue
                laid = self._pages.laid(block)
                n = laid.char_column(char)
                if not part.first <= n < part.last:
                    continue
                column = laid.columns[n]
                column_right = right - part.offset - (column.x - laid.columns[part.first].x)
                x = column_right - column.width + (column.width - laid.cell) / 2
                for piece in column.pieces:
                    if piece.start <= char < piece.end:
                        return QRectF(x, top + piece.y, laid.cell, piece.length)
        return None

    def _hit(self, x: float, y: float, on_character: bool = False) -> tuple[int, int] | None:
        """The text position (block, UTF-16 offset) under a viewport point."""
        if not self._paging:
            return super()._hit(x, y, on_character)
        if self._pages is None or not self._texts:
            return None
        if isinstance(self._pages, HorizontalPages):
            return self._hit_line(self._pages, x, y, on_character)
        last: tuple[int, int] | None = None
        for page, (right, top) in zip(self.shown_pages(), self._page_rects(), strict=False):
            for part in page.parts:
                laid = self._pages.laid(part.block)
                shift = laid.columns[part.first].x
                for n in range(part.first, part.last):
                    column = laid.columns[n]
                    column_right = right - part.offset - (column.x - shift)
                    if column_right - column.width <= x <= column_right:
                        char = self._pages.layouter.hit(laid, n, y - top, on_character)
                        text = self._texts[part.block]
                        return part.block, utf16_len(text[:char])
                    if x < column_right - column.width:
                        last = (part.block, utf16_len(self._texts[part.block][: column.end]))
        return last

    def _hit_line(
        self, pages: HorizontalPages, x: float, y: float, on_character: bool
    ) -> tuple[int, int] | None:
        """The position under a point of a horizontal page: the line at `y`, the place at `x`."""
        edge = (
            QTextLine.CursorPosition.CursorOnCharacter
            if on_character
            else QTextLine.CursorPosition.CursorBetweenCharacters
        )
        found: tuple[int, int] | None = None
        for page, (left, top) in zip(self.shown_pages(), self._page_rects(), strict=False):
            if not left - self._em <= x <= left + pages.width + self._em:
                continue
            for part in page.parts:
                laid = pages.laid(part.block)
                layout = laid.layout
                if layout is None or layout.lineCount() == 0:
                    continue
                block_top = top + part.offset - pages.slots(part.block)[part.first][0]
                local = y - block_top - laid.content_top - laid.text_top
                picture = 1 if laid.text_top > 0 else 0
                for n in range(max(0, part.first - picture), part.last - picture):
                    line = layout.lineAt(n)
                    if n >= layout.lineCount():
                        break
                    found = (part.block, line.xToCursor(x - left, edge))
                    if local < line.y() + line.height():
                        return found
        return found

    # Keys and wheel

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self._paging:
            super().keyPressEvent(event)
            return
        key = event.key()
        shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        # Vertical pages turn leftwards: ← is forward; horizontal ones rightwards.
        ahead, back = (
            (Qt.Key.Key_Left, Qt.Key.Key_Right)
            if self._vertical
            else (Qt.Key.Key_Right, Qt.Key.Key_Left)
        )
        forward = {Qt.Key.Key_PageDown, Qt.Key.Key_Down, ahead}
        backward = {Qt.Key.Key_PageUp, Qt.Key.Key_Up, back}
        if event.matches(QKeySequence.StandardKey.Copy) or event.matches(
            QKeySequence.StandardKey.SelectAll
        ):
            super().keyPressEvent(event)
        elif key in forward or (key == Qt.Key.Key_Space and not shift):
            self.next_page()
        elif key in backward or key == Qt.Key.Key_Space:
            self.previous_page()
        elif key == Qt.Key.Key_Home:
            self.go_to_position((0, 0))
        elif key == Qt.Key.Key_End:
            self.go_to_position((len(self._texts) - 1, len(self._texts[-1]) if self._texts else 0))
        else:
            super().keyPressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if not self._paging or event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            super().wheelEvent(event)
            return
        self._wheel += event.angleDelta().y() or event.angleDelta().x()
        while self._wheel <= -120:
            self._wheel += 120
            self.next_page()
        while self._wheel >= 120:
            self._wheel -= 120
            self.previous_page()
        event.accept()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._paging and self._pages is not None:
            size = self._page_size()
            if (self._pages.width, self._pages.height) != size:
                self._relayout(self._char)
