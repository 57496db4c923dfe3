"""The vertical layouter: blocks set in columns, top to bottom, the first column at the right.

The same block model and style table as the horizontal `BlockLayouter`, read
in logical terms: a style's space before and after lies to the right and left
of a block, its left margin and first-line indent come down from the top of
the column. Characters stand upright in square cells; punctuation is drawn
with the font's OpenType `vert` feature (vertical forms placed as the font's
region expects; docs/vertical.md says why not Unicode's U+FE10 forms).
Pages are cut between columns by `VerticalPages`, on demand from any
position; a worker counts them for the whole document. Sizes are in the
paint device's pixels, as in the horizontal layouter, so screen and paper
share this code.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPainter,
    QPen,
    QTextLayout,
)

from reader.core.document import CELL_BREAK, LINE_BREAK, Block, BlockKind, Run
from reader.core.vertical import (
    CELL_FORMS,
    Placement,
    UnitKind,
    break_cell_columns,
    break_columns,
    cell_text,
    placement,
    plain_cells,
    units,
)
from reader.ui.themes import Theme
from reader.ui.view.layout import Layouter
from reader.ui.view.pages import Pages, Slots
from reader.ui.view.typeset import BlockStyle, block_style

# Where an ideograph's baseline lies in its cell: the ideographic em box is 0.88 above it.
BASELINE = 0.88
# Characters below this code point (Latin, Greek, Cyrillic…) are narrow: set sideways.
_NARROW_BELOW = 0x2000
_IMAGE_SHARE = 0.45  # a picture takes at most this share of a page's width


@dataclass(slots=True)
class Piece:
    """A laid-out stretch [start, end) of the text (code points), `y` down its column."""

    start: int
    end: int
    kind: UnitKind
    y: float
    length: float
    sideways: bool = False  # drawn turned 90° clockwise (Latin words, long numbers)


@dataclass(slots=True)
class Column:
    """One column of a block, code points [start, end); `x` is its right edge, leftwards from
    the block's right edge. Plain text (a cell per character, `top` the first one's) gets its
    pieces only when drawn: counting pages never needs them."""

    x: float
    width: float
    start: int
    end: int
    top: float = 0.0
    cell: float = 0.0
    placed: list[Piece] | None = None

    @property
    def pieces(self) -> list[Piece]:
        if self.placed is None:
            top, cell, start = self.top, self.cell, self.start
            self.placed = [
                Piece(i, i + 1, UnitKind.CELL, top + (i - start) * cell, cell)
                for i in range(start, self.end)
            ]
        return self.placed


@dataclass(slots=True)
class VerticalBlock:
    """A block set in columns. Its space before is at the right, its space after at the left."""

    kind: BlockKind
    style: BlockStyle
    text: str
    font: QFont
    cell: float  # the side of a character's square cell in pixels
    columns: list[Column]
    space_before: float
    space_after: float
    length: float  # of a column, in pixels
    image: QImage | None = None
    marker: str = ""
    links: list[tuple[int, int]] = field(default_factory=list)  # links and note references
    bold: list[tuple[int, int]] = field(default_factory=list)  # strong emphasis
    emphasis: list[tuple[int, int]] = field(default_factory=list)  # 着重號 beside (italic runs)
    ruby: list[tuple[int, int, str]] = field(default_factory=list)  # base span, annotation

    @property
    def body_width(self) -> float:
        """Width of the columns (and picture) without the space before and after."""
        if not self.columns:
            return 0.0
        last = self.columns[-1]
        return last.x + last.width

    def char_column(self, char: int) -> int:
        """The index of the column that holds code point `char`."""
        for n, column in enumerate(self.columns):
            if char < column.end:
                return n
        return max(0, len(self.columns) - 1)


class VerticalLayouter(Layouter):
    """Sets blocks in vertical columns with one body font, size and column spacing."""

    def __init__(self, *args, **kwargs) -> None:  # those of `Layouter`
        super().__init__(*args, **kwargs)
        self._metrics: dict[tuple[float, bool], QFontMetricsF] = {}
        self._vert_forms: dict[tuple[str, str], bool] = {}  # (family, mark): turned by vert

    def font_for(self, style: BlockStyle) -> QFont:
        """The block's font with vertical punctuation (OpenType `vert`) switched on."""
        key = (style.scale, style.bold)
        font = self._fonts.get(key)
        if font is None:
            font = QFont(self.font)
            font.setPixelSize(max(6, round(self.em * style.scale)))
            font.setBold(style.bold)
            font.setFeature(QFont.Tag("vert"), 1)
            self._fonts[key] = font
            self._metrics[key] = (
                QFontMetricsF(font, self.device) if self.device else QFontMetricsF(font)
            )
        return font

    def _measure(self, style: BlockStyle) -> QFontMetricsF:
        self.font_for(style)
        return self._metrics[(style.scale, style.bold)]

    def lay_out(self, block: Block, text: str, length: float, theme: Theme) -> VerticalBlock:
        """Set `block` showing `text` in columns `length` pixels long."""
        style = block_style(block.kind, block.level, block.marker)
        em = self.em
        font = self.font_for(style)
        metrics = self._measure(style)
        cell = float(font.pixelSize())
        pitch = max(cell * 1.25, cell * self.line_height / 100)
        laid = VerticalBlock(
            block.kind,
            style,
            text,
            font,
            cell,
            [],
            style.space_before * em,
            style.space_after * em,
            length,
        )
        if block.kind is BlockKind.RULE:
            laid.columns.append(Column(0.0, pitch, 0, 0, placed=[]))
            return laid
        x = 0.0
        if block.kind is BlockKind.IMAGE and block.image is not None and block.image.path:
            loaded = self.images.load(block.image)
            if isinstance(loaded, QImage):
                width = min(length * 0.9, loaded.width(), 10 * em)
                laid.image = loaded.scaled(
                    int(width),
                    int(length * 0.9),
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
                laid.columns.append(Column(0.0, laid.image.width() + 0.6 * em, 0, 0, placed=[]))
                x = laid.image.width() + 0.6 * em
        top = max(0.0, style.margin_left) * em
        if block.kind is BlockKind.LIST_ITEM and block.marker:
            laid.marker = block.marker
        laid.links = _run_spans(block.runs, text, lambda run: bool(run.link or run.note))
        laid.bold = _run_spans(block.runs, text, lambda run: run.bold)
        # Emphasis in a column is dots beside the characters (着重號), not slanted ideographs.
        laid.emphasis = _run_spans(block.runs, text, lambda run: run.italic)
        rubies = [run.ruby for run in block.runs if run.ruby]
        spans = _run_spans(block.runs, text, lambda run: bool(run.ruby))
        laid.ruby = [(a, b, ruby) for (a, b), ruby in zip(spans, rubies, strict=False)]
        capacity = max(1.0, (length - top - style.margin_right * em) / cell)
        if block.kind is BlockKind.TABLE:  # fallback: each cell of each row starts a column
            text = laid.text = text.replace(CELL_BREAK, LINE_BREAK)
        indent = max(0.0, style.indent)
        if plain_cells(text):  # the common case: a cell per character, columns by arithmetic
            spans = break_cell_columns(text, capacity, indent)
            used = spans[0][1] - spans[0][0]
            y = self._column_top(style, top, cell, capacity, used, 0, len(spans), indent)
            for start, end in spans:
                laid.columns.append(Column(x, pitch, start, end, y, cell))
                x += pitch
                y = top  # the columns after the first start at the top
            return laid
        pieces = units(text)
        lengths = [
            self._length(text, piece.start, piece.end, piece.kind, metrics, cell)
            for piece in pieces
        ]
        spans = break_columns(text, pieces, lengths, capacity, indent)
        for n, (first, last) in enumerate(spans):
            used = sum(lengths[first:last])
            y = self._column_top(style, top, cell, capacity, used, n, len(spans), indent)
            placed = []
            for k in range(first, last):
                piece = pieces[k]
                size = lengths[k] * cell
                sideways = piece.kind is UnitKind.SIDEWAYS or (
                    piece.kind is UnitKind.CELL and lengths[k] != 1.0
                )
                placed.append(Piece(piece.start, piece.end, piece.kind, y, size, sideways))
                y += size
            start = (
                placed[0].start if placed else (pieces[first].start if first < len(pieces) else 0)
            )
            end = placed[-1].end if placed else start
            laid.columns.append(Column(x, pitch, start, end, placed=placed))
            x += pitch
        return laid

    @staticmethod
    def _column_top(
        style: BlockStyle,
        top: float,
        cell: float,
        capacity: float,
        used: float,
        n: int,
        count: int,
        indent: float,
    ) -> float:
        """Where column `n` of `count` begins (pixels; `capacity`, `used`, `indent` in cells):
        below the indent, or centred or at the foot for a one-column title or byline."""
        if count == 1 and style.align == "center":
            return top + (capacity - used) * cell / 2
        if count == 1 and style.align == "right":
            return top + (capacity - used) * cell
        return top + (indent * cell if n == 0 else 0.0)

    @staticmethod
    def _length(
        text: str, start: int, end: int, kind: UnitKind, metrics: QFontMetricsF, cell: float
    ) -> float:
        """A piece's length down the column in cells."""
        if kind is UnitKind.SIDEWAYS:
            return max(0.5, metrics.horizontalAdvance(text[start:end]) / cell)
        if (
            kind is UnitKind.CELL
            and ord(text[start]) < _NARROW_BELOW
            and text[start] not in CELL_FORMS
        ):
            return max(0.25, metrics.horizontalAdvance(text[start:end]) / cell)
        if kind is UnitKind.BREAK:
            return 0.0
        return 1.0

    # Painting

    def paint(
        self,
        painter: QPainter,
        laid: VerticalBlock,
        right: float,
        top: float,
        theme: Theme,
        columns: tuple[int, int] | None = None,
        highlights: Sequence[tuple[int, int, str]] = (),
    ) -> None:
        """Draw columns [first, last) of `laid` (all by default), the first column's right edge
        at `right`, the column tops at `top`. `highlights` are (start, end, colour) spans."""
        first, last = columns if columns is not None else (0, len(laid.columns))
        if first >= last:
            return
        shift = laid.columns[first].x  # the first column drawn sits at `right`
        colour = QColor(getattr(theme, laid.style.colour))
        if laid.kind is BlockKind.RULE:
            column = laid.columns[0]
            mid = right - column.width / 2
            painter.setPen(QPen(colour, max(1.0, self.em / 16)))
            painter.drawLine(
                QPointF(mid, top + laid.length / 3), QPointF(mid, top + 2 * laid.length / 3)
            )
            return
        painter.setFont(laid.font)
        metrics = self._measure(laid.style)
        cell = laid.cell
        for n in range(first, last):
            column = laid.columns[n]
            column_right = right - (column.x - shift)
            left = column_right - column.width
            if laid.image is not None and n == 0:
                painter.drawImage(QPointF(column_right - laid.image.width(), top), laid.image)
                continue
            x = left + (column.width - cell) / 2  # the cells' left edge, centred in the column
            for start, end, shade in highlights:
                for piece in column.pieces:
                    if piece.start < end and start < piece.end and piece.kind is not UnitKind.BREAK:
                        a, b = self._piece_span(piece, start, end, laid.text)
                        painter.fillRect(QRectF(x, top + piece.y + a, cell, b - a), QColor(shade))
            painter.setPen(colour)
            if n == 0 and laid.marker and column.pieces:  # above the first column, like a bullet
                above = metrics.horizontalAdvance(laid.marker) + 0.4 * cell
                self._draw_sideways(
                    painter, laid.marker, x, top + column.pieces[0].y - above, metrics, cell
                )
            # Upright cells are drawn in batches of one style, flushed before anything drawn
            # alone, so that the page (and a PDF's text) keeps reading order.
            batch: list[tuple[str, float]] = []
            batch_style = (False, False)
            for piece in column.pieces:
                chars = laid.text[piece.start : piece.end]
                y = top + piece.y
                if piece.kind is UnitKind.BREAK or chars == "　":
                    continue
                style = (
                    any(a <= piece.start < b for a, b in laid.links),
                    any(a <= piece.start < b for a, b in laid.bold),
                )
                shown = cell_text(chars)
                alone = piece.sideways or piece.kind is UnitKind.TATE_CHU_YOKO
                by_rule = not alone and not self._has_vertical_forms(laid.font, shown)
                if batch and (alone or by_rule or style != batch_style):
                    self._draw_cells(
                        painter, batch, x, cell, *self._style(laid, batch_style, theme)
                    )
                    batch = []
                if not (alone or by_rule):
                    batch.append((shown, y))
                    batch_style = style
                    continue
                pen, font = self._style(laid, style, theme)
                painter.setPen(pen)
                painter.setFont(font)
                if piece.sideways:
                    self._draw_sideways(painter, chars, x, y, metrics, cell)
                elif piece.kind is UnitKind.TATE_CHU_YOKO:
                    self._draw_tate_chu_yoko(painter, chars, x, y, metrics, cell)
                else:
                    self._draw_by_rule(painter, shown, x, y, metrics, cell)
            if batch:
                self._draw_cells(painter, batch, x, cell, *self._style(laid, batch_style, theme))
            if laid.emphasis or laid.ruby:
                self._draw_beside(painter, laid, column, x + cell, top, colour)
            painter.setFont(laid.font)

    def _draw_beside(
        self,
        painter: QPainter,
        laid: VerticalBlock,
        column: Column,
        x: float,
        top: float,
        colour: QColor,
    ) -> None:
        """To the right of a column's cells (`x` their right edge): a dot beside each
        emphasised character (着重號), and ruby in small type along its base's cells."""
        cell = laid.cell
        text = laid.text
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        dot = max(1.5, cell * 0.08)
        for piece in column.pieces:
            if piece.kind is UnitKind.BREAK or not text[piece.start : piece.end].isalnum():
                continue  # punctuation and spaces carry no dot
            if any(a <= piece.start < b for a, b in laid.emphasis):
                centre = QPointF(x + cell * 0.22, top + piece.y + piece.length / 2)
                painter.drawEllipse(centre, dot, dot)
        painter.restore()
        painter.setPen(colour)
        small = QFont(laid.font)
        small.setPixelSize(max(6, round(cell * 0.45)))
        metrics = QFontMetricsF(small)
        for start, end, ruby in laid.ruby:
            # The annotation goes beside the part of its base in the column where it begins.
            if not column.start <= start < column.end:
                continue
            base = [p for p in column.pieces if start <= p.start < end]
            if not base:
                continue
            y0, y1 = top + base[0].y, top + base[-1].y + base[-1].length
            painter.setFont(small)
            if all(ord(c) < _NARROW_BELOW for c in ruby):  # pinyin: turned, down the column
                advance = metrics.horizontalAdvance(ruby)
                painter.save()
                painter.translate(x + cell * 0.05 + metrics.ascent() * 0.1, (y0 + y1 - advance) / 2)
                painter.rotate(90)
                painter.drawText(QPointF(0, -metrics.descent()), ruby)
                painter.restore()
                continue
            # Zhuyin and other CJK annotations stand upright; one syllable a character when
            # the annotation has a syllable for each character of its base.
            parts = ruby.split()
            if len(parts) == len(base) > 1:
                for piece, part in zip(base, parts, strict=True):
                    y = top + piece.y
                    self._draw_ruby(painter, part, x, y, y + piece.length, small, cell)
            else:
                self._draw_ruby(painter, "".join(parts), x, y0, y1, small, cell)

    @staticmethod
    def _draw_ruby(
        painter: QPainter, ruby: str, x: float, y0: float, y1: float, small: QFont, cell: float
    ) -> None:
        """Upright annotation characters beside [y0, y1): spread along a longer base, running
        over a shorter one, centred on it."""
        if not ruby:
            return
        metrics = QFontMetricsF(small)
        step = max(float(small.pixelSize()), (y1 - y0) / len(ruby))
        if len(ruby) * small.pixelSize() > (y1 - y0):  # tone marks are small: close up
            step = max((y1 - y0) / len(ruby), small.pixelSize() * 0.8)
        y = (y0 + y1 - step * len(ruby)) / 2
        for char in ruby:
            advance = metrics.horizontalAdvance(char)
            baseline = y + (step + metrics.ascent() - metrics.descent()) / 2
            painter.drawText(
                QPointF(x + cell * 0.05 + (small.pixelSize() - advance) / 2, baseline), char
            )
            y += step

    @staticmethod
    def _style(laid: VerticalBlock, style: tuple[bool, bool], theme: Theme) -> tuple[QColor, QFont]:
        """The pen and font of a (link, bold) stretch of `laid`."""
        link, bold = style
        theme_colour = QColor(theme.link if link else getattr(theme, laid.style.colour))
        if not bold or laid.font.bold():
            return theme_colour, laid.font
        font = QFont(laid.font)
        font.setBold(True)
        return theme_colour, font

    def _draw_cells(
        self,
        painter: QPainter,
        cells: list[tuple[str, float]],
        x: float,
        cell: float,
        pen: QColor,
        font: QFont,
    ) -> None:
        """Upright characters, one to a cell: shaped once per column (with `vert`) and drawn as
        glyph runs placed down the column; per character when shaping does not map one to one."""
        if not cells:
            return
        painter.setPen(pen)
        painter.setFont(font)
        text = "".join(chars for chars, _ in cells)
        layout = QTextLayout(text, font, self.device) if self.device else QTextLayout(text, font)
        layout.beginLayout()
        line = layout.createLine()
        line.setLineWidth(1e9)
        layout.endLayout()
        runs = layout.glyphRuns()
        # One run of one font, a glyph per character: otherwise (a ligature such as ——, or
        # a fallback font, whose runs come grouped by font) each character is drawn alone.
        if len(runs) == 1 and len(text) == len(cells) == len(runs[0].glyphIndexes()):
            run = runs[0]
            advances = run.rawFont().advancesForGlyphIndexes(run.glyphIndexes())
            run.setPositions(
                [
                    QPointF(x + (cell - advances[i].x()) / 2, y + BASELINE * cell)
                    for i, (_, y) in enumerate(cells)
                ]
            )
            painter.drawGlyphRun(QPointF(0, 0), run)
            return
        metrics = QFontMetricsF(font)
        for chars, y in cells:
            advance = metrics.horizontalAdvance(chars)
            painter.drawText(QPointF(x + (cell - advance) / 2, y + BASELINE * cell), chars)

    def _has_vertical_forms(self, font: QFont, chars: str) -> bool:
        """False when `chars` is punctuation a vertical column sets apart and the font will
        not: then the rules of `reader.core.vertical` place it. A mark to be turned needs a
        vertical form of its own (Noto CJK has none for the dash —); ，。 need only a font
        with a `vert` feature at all, because Taiwan's fonts leave them centred on purpose."""
        if len(chars) != 1:
            return True
        kind = placement(chars)
        if kind is Placement.TURNED:
            return self._substitutes(font, chars)
        if kind is Placement.CORNER:
            return self._substitutes(font, "「")
        return True

    def _substitutes(self, font: QFont, chars: str) -> bool:
        """Whether the font's `vert` feature draws `chars` with another glyph."""
        key = (font.family(), chars)
        found = self._vert_forms.get(key)
        if found is None:
            plain = QFont(font)
            plain.setFeature(QFont.Tag("vert"), 0)
            found = self._glyphs(font, chars) != self._glyphs(plain, chars)
            self._vert_forms[key] = found
        return found

    def _glyphs(self, font: QFont, chars: str) -> list[int]:
        layout = QTextLayout(chars, font, self.device) if self.device else QTextLayout(chars, font)
        layout.beginLayout()
        layout.createLine()
        layout.endLayout()
        return [g for run in layout.glyphRuns() for g in run.glyphIndexes()]

    @staticmethod
    def _draw_by_rule(
        painter: QPainter, chars: str, x: float, y: float, metrics: QFontMetricsF, cell: float
    ) -> None:
        """Punctuation the font has no vertical form for, placed by the rules of
        `reader.core.vertical`: ，。、 moved to the upper right, brackets and dashes turned."""
        advance = metrics.horizontalAdvance(chars)
        painter.save()
        if placement(chars) is Placement.CORNER:  # the ink in the upper right of the cell
            ink = metrics.tightBoundingRect(chars)
            painter.drawText(
                QPointF(x + 0.85 * cell - ink.right(), y + 0.15 * cell - ink.top()), chars
            )
        else:
            painter.translate(x + cell / 2, y + cell / 2)
            painter.rotate(90)
            painter.drawText(QPointF(-advance / 2, (BASELINE - 0.5) * cell), chars)
        painter.restore()

    @staticmethod
    def _piece_span(piece: Piece, start: int, end: int, text: str) -> tuple[float, float]:
        """Where a highlight [start, end) begins and ends down a piece, in pixels."""
        count = max(1, piece.end - piece.start)
        a = max(0, start - piece.start) / count
        b = min(count, end - piece.start) / count
        return a * piece.length, b * piece.length

    @staticmethod
    def _draw_sideways(
        painter: QPainter, chars: str, x: float, y: float, metrics: QFontMetricsF, cell: float
    ) -> None:
        """Latin and long numbers turned 90° clockwise, centred across the column."""
        painter.save()
        painter.translate(x + cell / 2, y)
        painter.rotate(90)
        painter.drawText(QPointF(0, (metrics.ascent() - metrics.descent()) / 2), chars)
        painter.restore()

    @staticmethod
    def _draw_tate_chu_yoko(
        painter: QPainter, chars: str, x: float, y: float, metrics: QFontMetricsF, cell: float
    ) -> None:
        """One or two digits upright side by side in one cell, narrowed to fit it."""
        advance = metrics.horizontalAdvance(chars)
        squeeze = min(1.0, 0.95 * cell / max(1.0, advance))
        painter.save()
        painter.translate(x + (cell - advance * squeeze) / 2, y + BASELINE * cell)
        painter.scale(squeeze, 1.0)
        painter.drawText(QPointF(0, 0), chars)
        painter.restore()

    # Geometry

    def hit(self, laid: VerticalBlock, column: int, y: float, on_character: bool = False) -> int:
        """The position nearest to `y` (from the column tops) in `column` of `laid`: between
        characters (for selecting), or the character under it when `on_character`."""
        if not laid.columns:
            return 0
        pieces = laid.columns[max(0, min(column, len(laid.columns) - 1))].pieces
        for piece in pieces:
            if y < piece.y + piece.length:
                if piece.y > y:
                    return piece.start
                share = (y - piece.y) / max(1.0, piece.length)
                return piece.start + min(
                    piece.end - piece.start - 1, int(share * (piece.end - piece.start))
                )
        return pieces[-1].end if pieces else 0


def _run_spans(
    runs: Sequence[Run], text: str, wanted: Callable[[Run], bool]
) -> list[tuple[int, int]]:
    """[start, end) code points of the runs that are `wanted` (when the runs are the text)."""
    if not runs or sum(len(r.text) for r in runs) != len(text):
        return []
    spans = []
    start = 0
    for run in runs:
        end = start + len(run.text)
        if wanted(run):
            spans.append((start, end))
        start = end
    return spans


class VerticalPages(Pages[VerticalBlock]):
    """Cuts the vertical setting of a document into pages between columns, on demand: a
    block's slots are its columns, leftwards from its right edge."""

    layouter: VerticalLayouter

    @property
    def length(self) -> float:
        return self.width

    def _lay_out(self, index: int) -> tuple[VerticalBlock, Slots, float]:
        laid = self.layouter.lay_out(self.blocks[index], self.texts[index], self.height, self.theme)
        before = laid.space_before
        slots = [(before + column.x, before + column.x + column.width) for column in laid.columns]
        return laid, slots, before + laid.body_width + laid.space_after

    def start_of(self, position: tuple[int, int]) -> tuple[int, int]:
        """(block, column) of the column holding code point `position[1]` of block `position[0]`."""
        block = max(0, min(position[0], len(self.texts) - 1))
        return block, self.laid(block).char_column(position[1])

    def char_at(self, start: tuple[int, int]) -> tuple[int, int]:
        """(block, first code point) of column `start[1]` of block `start[0]`."""
        laid = self.laid(start[0])
        if not laid.columns or start[1] >= len(laid.columns):
            return start[0], 0
        return start[0], laid.columns[start[1]].start


def count_pages(
    pages: Pages,
    cancelled: Callable[[], bool] | None = None,
    anchor: tuple[int, int] | None = None,
) -> list[tuple[int, int]] | None:
    """Every page's start, from the document's beginning; None when `cancelled()`.

    `anchor`, the page the reader is looking at, is one of them: the page before it is cut
    short if need be, so that counting never moves the reader's page (the view showed it
    before the count was in, and pages after it follow on from it as they did)."""
    starts: list[tuple[int, int]] = []
    start: tuple[int, int] | None = (0, 0)
    while start is not None:
        if cancelled is not None and cancelled():
            return None
        starts.append(start)
        following = pages.page(start).next_start
        if anchor is not None and start < anchor and (following is None or following > anchor):
            following = anchor
        start = following
    return starts


def print_vertical(
    device: QPagedPaintDevice,
    blocks: Sequence[Block],
    texts: Sequence[str],
    font: QFont,
    progress: Callable[[int], object] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Set `blocks` vertically on the pages of `device`, as `printing.print_blocks` does
    horizontally; returns the number of pages."""
    from reader.ui.view import printing  # the paper's sizes and colours; printing imports us

    device.setPageMargins(QMarginsF(*(printing.PAPER_MARGIN_MM,) * 4), QPageLayout.Unit.Millimeter)
    resolution = device.resolution()
    page_rect = device.pageLayout().paintRectPixels(resolution)
    em = printing.PAPER_BODY_PT * resolution / 72
    footer_font = QFont(font)
    footer_font.setPixelSize(max(1, round(9.0 * resolution / 72)))
    footer = 2.0 * footer_font.pixelSize()
    width, height = float(page_rect.width()), float(page_rect.height()) - footer
    layouter = VerticalLayouter(font, em, printing.PAPER_LINE_HEIGHT, device)
    pages = VerticalPages(layouter, blocks, texts, printing.PAPER, width, height, cache=16)
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("the printer or file could not be opened for writing")
    number = 0
    try:
        start: tuple[int, int] | None = (0, 0)
        while start is not None:
            if cancelled is not None and number % 20 == 0 and cancelled():
                raise printing.PrintCancelled
            if progress is not None and number % 20 == 0:
                progress(round(100 * start[0] / max(1, len(blocks))))
            if number and not device.newPage():
                raise OSError("a new page could not be started (is the disk full?)")
            page = pages.page(start)
            for part in page.parts:
                layouter.paint(
                    painter, pages.laid(part.block), width - part.offset, 0.0, printing.PAPER,
                    (part.first, part.last),
                )  # fmt: skip
            number += 1
            painter.setFont(footer_font)
            painter.setPen(QColor("#555555"))
            painter.drawText(
                QRectF(0, height, width, footer),
                int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom),
                str(number),
            )
            start = page.next_start
    finally:
        painter.end()
    return number
