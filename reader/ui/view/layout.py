"""The block layouter: one block of a document set in a column, for screen or paper.

The reading view and printing both lay blocks out here, so what is set on
screen is what prints. Sizes are in the paint device's pixels: the caller
gives the body size `em` in those pixels (from points and the device's
resolution on paper). Inline runs become formats (bold, italic, code, links,
footnote references); list markers, quote bars, rules, pictures and tables
are drawn around the text. Layout objects are reentrant: a worker thread may
lay out and paint a PDF while the window reads.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QPointF,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontInfo,
    QFontMetricsF,
    QImage,
    QImageReader,
    QPaintDevice,
    QPainter,
    QPen,
    QTextCharFormat,
    QTextFormat,
    QTextLayout,
    QTextOption,
)

from reader.core.document import CELL_BREAK, LINE_BREAK, Block, BlockKind, Image, Run
from reader.core.loading import LoadError
from reader.ui.themes import Theme
from reader.ui.view.typeset import BlockStyle, block_style

_ALIGN = {
    "left": Qt.AlignmentFlag.AlignLeft,
    "center": Qt.AlignmentFlag.AlignHCenter,
    "right": Qt.AlignmentFlag.AlignRight,
    "justify": Qt.AlignmentFlag.AlignJustify,
}
# Pictures larger than these are not decoded (a placeholder says why).
MAX_IMAGE_PIXELS = 50_000_000
MAX_IMAGE_BYTES = 32 * 1024 * 1024
_FIGURE_MARK = "▣"
_IMAGE_CACHE = 24
# Pictures inside text kept scaled (a few kilobytes each).
_INLINE_CACHE = 512


def utf16_len(text: str) -> int:
    """Length of `text` in UTF-16 code units, the unit of Qt text positions."""
    if not text or max(text) <= "\uffff":
        return len(text)
    return len(text.encode("utf-16-le")) // 2


def utf16_to_index(text: str, units: int) -> int:
    """The Python index of UTF-16 offset `units` in `text`."""
    if not text or max(text) <= "\uffff":
        return units
    return len(text.encode("utf-16-le")[: 2 * units].decode("utf-16-le", errors="ignore"))


@dataclass(slots=True)
class Cell:
    """One laid-out table cell: its text and where it sits in the block."""

    layout: QTextLayout
    x: float
    y: float
    width: float
    height: float
    header: bool


@dataclass(slots=True)
class LaidBlock:
    """A block laid out for one column width; y = 0 is the top of its space before."""

    kind: BlockKind
    style: BlockStyle
    layout: QTextLayout | None  # the block's text (a picture's caption); None for a rule
    height: float  # including the space before and after
    content_top: float  # the space before
    content_height: float
    text_top: float = 0.0  # where the text layout starts inside the content
    marker: str = ""
    marker_font: QFont | None = None
    image: QImage | None = None
    image_note: str = ""  # said instead of a picture that is not shown
    cells: list[Cell] = field(default_factory=list)
    ruby: list[tuple[int, int, str]] = field(default_factory=list)  # UTF-16 span, annotation
    # Pictures inside the text: UTF-16 span of the text they stand over, the picture.
    pictures: list[tuple[int, int, QImage]] = field(default_factory=list)
    breaks: list[float] = field(default_factory=list)  # y where a page may break

    def lines(self) -> int:
        return self.layout.lineCount() if self.layout is not None else 0


class ImageStore:
    """Pictures read lazily from the document's folder or its archive, within decoding limits."""

    def __init__(self) -> None:
        self._cache: OrderedDict[tuple[str, str], QImage | str] = OrderedDict()
        # Pictures inside text, scaled to a line: small, many, and the same ones again and
        # again (a rare character's glyph), so many more are kept.
        self._inline: OrderedDict[tuple[str, str, int], QImage | None] = OrderedDict()

    def inline(self, image: Image, height: int) -> QImage | None:
        """The picture scaled to `height` pixels (at most six times as wide), for a line of
        text; None when it cannot be shown."""
        key = (image.path, image.member, height)
        if key in self._inline:
            self._inline.move_to_end(key)
            return self._inline[key]
        loaded = self.load(image)
        picture = None
        if isinstance(loaded, QImage) and not loaded.isNull():
            scale = min(height / max(1, loaded.height()), 6 * height / max(1, loaded.width()))
            picture = loaded.scaled(
                max(1, round(loaded.width() * scale)),
                max(1, round(loaded.height() * scale)),
                Qt.AspectRatioMode.IgnoreAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        self._inline[key] = picture
        if len(self._inline) > _INLINE_CACHE:
            self._inline.popitem(last=False)
        return picture

    def load(self, image: Image) -> QImage | str:
        """The picture, or a one-line reason it is not shown."""
        key = (image.path, image.member)
        found = self._cache.get(key)
        if found is not None:
            self._cache.move_to_end(key)
            return found
        result = self._read(image)
        self._cache[key] = result
        if len(self._cache) > _IMAGE_CACHE:
            self._cache.popitem(last=False)
        return result

    @staticmethod
    def _read(image: Image) -> QImage | str:
        if image.member:  # inside a book: read the member, never the whole archive
            from reader.core.formats.epub_archive import read_member  # lxml only for books

            try:
                data = read_member(image.path, image.member, MAX_IMAGE_BYTES)
            except LoadError:
                return "unreadable"
            buffer = QBuffer()
            buffer.setData(QByteArray(data))
            buffer.open(QIODevice.OpenModeFlag.ReadOnly)
            reader = QImageReader(buffer)
        else:
            try:
                size = Path(image.path).stat().st_size
            except OSError:
                return "missing"
            if size > MAX_IMAGE_BYTES:
                return "too large"
            reader = QImageReader(image.path)
        dims: QSize = reader.size()
        if dims.isValid() and dims.width() * dims.height() > MAX_IMAGE_PIXELS:
            return "too large"
        picture = reader.read()
        return "unreadable" if picture.isNull() else picture


class Layouter:
    """What both layouters set blocks with: one body font, size (`em` in the paint device's
    pixels) and line spacing (percent), the device (None: the screen), the pictures."""

    def __init__(
        self,
        font: QFont,
        em: float,
        line_height: int,
        device: QPaintDevice | None = None,
        images: ImageStore | None = None,
    ):
        self.font, self.em, self.line_height = QFont(font), em, line_height
        self.device = device
        self.images = images or ImageStore()
        self._fonts: dict[tuple, QFont] = {}  # by style: size, weight (and face)


class BlockLayouter(Layouter):
    """Sets blocks in a column with one body font, size and line spacing."""

    # Fonts and formats

    def font_for(self, style: BlockStyle) -> QFont:
        key = (style.scale, style.bold, style.mono)
        font = self._fonts.get(key)
        if font is None:
            font = QFont(self.font)
            if style.mono:
                font.setFamilies(self.mono_families())
                font.setStyleHint(QFont.StyleHint.TypeWriter)
            font.setPixelSize(max(6, round(self.em * style.scale)))
            font.setBold(style.bold)
            self._fonts[key] = font
        return font

    def mono_families(self) -> list[str]:
        """The system's fixed-pitch family, then the body's for the Chinese characters in code."""
        # The resolved family: a generic name such as "monospace" is not looked up in a list.
        fixed = QFontInfo(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)).family()
        return [fixed, *self.font.families()]

    def _layout(self, text: str, font: QFont) -> QTextLayout:
        if self.device is not None:
            return QTextLayout(text, font, self.device)
        return QTextLayout(text, font)

    def run_formats(
        self, runs: Sequence[Run], text: str, theme: Theme, size: float
    ) -> list[QTextLayout.FormatRange]:
        """Formats of the styled runs, when the displayed text still matches them."""
        if not runs or sum(len(r.text) for r in runs) != len(text):
            return []  # the script changed the length: show the text plainly
        ranges = []
        start = 0
        for run in runs:
            end = start + len(run.text)
            if not run.plain:
                fmt = QTextCharFormat()
                if run.bold:
                    fmt.setFontWeight(QFont.Weight.Bold)
                if run.italic:
                    fmt.setFontItalic(True)
                if run.strike:
                    fmt.setFontStrikeOut(True)
                if run.code:
                    fmt.setFontFamilies(self.mono_families())
                    fmt.setFontFixedPitch(True)
                    # Monospace fonts look larger than CJK text of the same size.
                    fmt.setProperty(QTextFormat.Property.FontPixelSize, max(6, round(size * 0.88)))
                    fmt.setBackground(QColor(theme.figure_background))
                if run.link:
                    fmt.setForeground(QColor(theme.link))
                    fmt.setFontUnderline(True)
                    fmt.setAnchorHref(run.link)
                if run.note:
                    fmt.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignSuperScript)
                    fmt.setForeground(QColor(theme.link))
                r = QTextLayout.FormatRange()
                r.start = utf16_len(text[:start])
                r.length = utf16_len(text[start:end])
                r.format = fmt
                ranges.append(r)
            start = end
        return ranges

    # Laying out

    def lay_out(self, block: Block, text: str, width: float, theme: Theme) -> LaidBlock:
        """Set `block` showing `text` (its displayed text) in a column `width` pixels wide."""
        style = block_style(block.kind, block.level, block.marker)
        em = self.em
        if block.kind is BlockKind.RULE:
            height = (style.space_before + 1.0 + style.space_after) * em
            return LaidBlock(block.kind, style, None, height, style.space_before * em, em)
        if block.kind is BlockKind.TABLE:
            return self._lay_out_table(block, text, width, theme, style)
        left = style.margin_left * em
        inner = max(em, width - left - style.margin_right * em)
        image: QImage | None = None
        note = ""
        text_top = 0.0
        if block.kind is BlockKind.IMAGE and block.image is not None:
            loaded = self.images.load(block.image) if block.image.path else "remote"
            if isinstance(loaded, QImage):
                image = loaded.scaled(
                    int(min(inner, loaded.width() * self._image_scale())),
                    10**6,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
                text_top = image.height() + 0.4 * em
            else:
                note = _picture_note(block.image.src, loaded)
        pictures = self._inline_pictures(block.runs, text, self.font_for(style))
        layout = self._set_text(text, style, inner, block.runs, theme, pictures)
        lines = layout.lineCount()
        pitch = self._pitch(self.font_for(style))
        pad = em * 0.5 if style.boxed else 0.0
        text_height = self._text_height(layout) if text else 0.0
        content = text_top + text_height + 2 * pad
        if note:
            content += pitch
        laid = LaidBlock(
            block.kind,
            style,
            layout,
            style.space_before * em + content + style.space_after * em,
            style.space_before * em,
            content,
            text_top=text_top + pad,
            image=image,
            image_note=note,
        )
        laid.ruby = _ruby_spans(block.runs, text)
        laid.pictures = [(start, end, picture) for start, end, picture, _ in pictures]
        if block.kind is BlockKind.LIST_ITEM and block.marker:
            laid.marker, laid.marker_font = block.marker, self.font_for(style)
        elif block.kind in (BlockKind.FIGURE, BlockKind.IMAGE) and image is None:
            laid.marker, laid.marker_font = _FIGURE_MARK, self.font_for(style)
        # A page may break between two lines (text blocks) or nowhere (pictures, one line).
        if image is None and lines > 1:
            base = laid.content_top + laid.text_top
            laid.breaks = [
                base + layout.lineAt(n).y() - self._half_leading(layout, n, pitch)
                for n in range(1, lines)
            ]
        return laid

    def line_slots(self, laid: LaidBlock) -> list[tuple[float, float]]:
        """(top, bottom) of every line of `laid`, in its own coordinates: where a page of the
        screen or of paper may begin or end. A picture or a rule is one slot; a table a row."""
        if laid.layout is not None and laid.layout.lineCount():
            layout = laid.layout
            pitch = self._pitch(layout.font())
            base = laid.content_top + laid.text_top
            slots = []
            for n in range(layout.lineCount()):
                line = layout.lineAt(n)
                top = base + line.y() - self._half_leading(layout, n, pitch)
                slots.append((top, top + max(pitch, line.height())))
            if laid.text_top > 0:  # a picture above its caption
                slots.insert(0, (laid.content_top, base))
            return slots
        if laid.cells:
            rows = sorted(
                {(laid.content_top + c.y, laid.content_top + c.y + c.height) for c in laid.cells}
            )
            return rows
        return [(laid.content_top, laid.content_top + laid.content_height)]

    def _image_scale(self) -> float:
        # A picture's pixels are screen pixels: on paper it keeps its size on screen.
        if self.device is None:
            return 1.0
        return max(1.0, self.device.logicalDpiX() / 96)

    def _set_text(
        self,
        text: str,
        style: BlockStyle,
        width: float,
        runs: Sequence[Run],
        theme: Theme,
        pictures: Sequence[tuple[int, int, QImage, float]] = (),
    ) -> QTextLayout:
        font = self.font_for(style)
        em = self.em
        layout = self._layout(text, font)
        option = QTextOption(_ALIGN[style.align])
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        formats = self.run_formats(runs, text, theme, font.pixelSize())
        for start, end, _, spacing in pictures:
            # The picture's description stays as the text (selection, search, copy) but is
            # not drawn, spaced to the picture's width; the picture is painted over it.
            fmt = QTextCharFormat()
            fmt.setForeground(QColor(Qt.GlobalColor.transparent))
            fmt.setFontLetterSpacingType(QFont.SpacingType.AbsoluteSpacing)
            fmt.setFontLetterSpacing(spacing)
            hidden = QTextLayout.FormatRange()
            hidden.start, hidden.length, hidden.format = start, end - start, fmt
            formats.append(hidden)
        if formats:
            layout.setFormats(formats)
        pitch = self._pitch(font)
        pad = em * 0.5 if style.boxed else 0.0
        y = 0.0
        layout.beginLayout()
        first = True
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            indent = style.indent * em if first else 0.0  # negative: a hanging first line
            line.setLineWidth(max(em, width - indent - 2 * pad))
            line_pitch = max(pitch, line.height())
            x = style.margin_left * em + indent + pad
            line.setPosition(QPointF(x, y + (line_pitch - line.height()) / 2))
            y += line_pitch
            first = False
        layout.endLayout()
        return layout

    def _inline_pictures(
        self, runs: Sequence[Run], text: str, font: QFont
    ) -> list[tuple[int, int, QImage, float]]:
        """(UTF-16 start, end, picture scaled to the text's height, letter spacing that makes
        the description as wide as the picture) of each picture inside the text that can be
        shown; a picture that cannot keeps its description as plain text."""
        if not any(r.picture for r in runs) or sum(len(r.text) for r in runs) != len(text):
            return []
        height = max(1, font.pixelSize())
        metrics = QFontMetricsF(font)
        found = []
        pos = 0
        for run in runs:
            end = pos + len(run.text)
            if run.picture is not None and run.picture.path:
                # A glyph picture is one character high; a wide one at most 6 ems wide.
                picture = self.images.inline(run.picture, height)
                if picture is not None:
                    units = utf16_len(run.text)
                    spacing = (picture.width() - metrics.horizontalAdvance(run.text)) / units
                    found.append((utf16_len(text[:pos]), utf16_len(text[:end]), picture, spacing))
            pos = end
        return found

    def _pitch(self, font: QFont) -> float:
        return max(QFontMetricsF(font).height(), self.em * self.line_height / 100)

    def _text_height(self, layout: QTextLayout) -> float:
        pitch = self._pitch(layout.font())
        return sum(max(pitch, layout.lineAt(n).height()) for n in range(layout.lineCount()))

    def _half_leading(self, layout: QTextLayout, n: int, pitch: float) -> float:
        line = layout.lineAt(n)
        return (max(pitch, line.height()) - line.height()) / 2

    def _lay_out_table(
        self, block: Block, text: str, width: float, theme: Theme, style: BlockStyle
    ) -> LaidBlock:
        em = self.em
        rows = [row.split(CELL_BREAK) for row in text.split(LINE_BREAK)] if text else []
        columns = max((len(r) for r in rows), default=0)
        pad = 0.4 * em
        font = self.font_for(style)
        bold = self.font_for(BlockStyle(style.scale, True, style.align))
        natural = [0.0] * columns
        for r, row in enumerate(rows):
            for c, cell in enumerate(row):
                metrics = QFontMetricsF(bold if r < block.header_rows else font)
                longest = max((metrics.horizontalAdvance(p) for p in cell.split("\n")), default=0)
                natural[c] = max(natural[c], longest + 2 * pad)
        widths = _fit_columns(natural, width)
        cells: list[Cell] = []
        y = 0.0
        breaks = []
        for r, row in enumerate(rows):
            header = r < block.header_rows
            x = 0.0
            laid_row = []
            for c in range(columns):
                cell_text = row[c] if c < len(row) else ""
                runs = block.rows[r][c] if r < len(block.rows) and c < len(block.rows[r]) else ()
                cell_style = BlockStyle(style.scale, header, "left")
                layout = self._set_text(cell_text, cell_style, widths[c] - 2 * pad, runs, theme)
                laid_row.append((layout, x, widths[c]))
                x += widths[c]
            height = max((self._text_height(lay) for lay, _, _ in laid_row), default=0) + 2 * pad
            for layout, x, w in laid_row:
                cells.append(Cell(layout, x, y, w, height, header))
            y += height
            if r + 1 < len(rows):
                breaks.append(style.space_before * em + y)
        content = y
        height = style.space_before * em + content + style.space_after * em
        laid = LaidBlock(
            block.kind, style, None, height, style.space_before * em, content, cells=cells
        )
        laid.breaks = breaks[block.header_rows :] if len(rows) > 2 else []
        return laid

    # Painting

    def paint(
        self,
        painter: QPainter,
        laid: LaidBlock,
        x: float,
        y: float,
        width: float,
        theme: Theme,
        selections: Sequence[QTextLayout.FormatRange] = (),
        part: tuple[float, float] | None = None,
    ) -> None:
        """Draw `laid` with its top (space before included) at (x, y) in a column `width` wide.

        `part` (top, bottom in the block's own coordinates) draws only the lines and
        table rows inside it: a block broken over two pages, each line printed once.
        """
        style = laid.style
        em = self.em
        top = y + laid.content_top
        left = x + style.margin_left * em
        inner = width - (style.margin_left + style.margin_right) * em
        if style.boxed:
            painter.fillRect(
                QRectF(left, top, inner, laid.content_height), QColor(theme.figure_background)
            )
        colour = QColor(getattr(theme, style.colour))
        painter.setPen(colour)
        if laid.kind is BlockKind.RULE:
            painter.setPen(QPen(colour, max(1.0, em / 16)))
            mid = top + laid.content_height / 2
            painter.drawLine(QPointF(x + width / 3, mid), QPointF(x + 2 * width / 3, mid))
            return
        if laid.kind is BlockKind.TABLE:
            self._paint_table(painter, laid, x, top, theme, part)
            return
        if laid.kind is BlockKind.QUOTE:
            bar = QRectF(left - 0.9 * em, top, max(1.0, em / 8), laid.content_height)
            painter.fillRect(bar, QColor(theme.quiet))
        if laid.image is not None:
            painter.drawImage(QPointF(left + (inner - laid.image.width()) / 2, top), laid.image)
        if laid.layout is not None:
            origin = QPointF(x, top + laid.text_top)
            if part is None:
                laid.layout.draw(painter, origin, list(selections))
            else:
                self._paint_lines(painter, laid, origin, part)
            first_shown = part is None or part[0] <= laid.content_top + laid.text_top
            if laid.ruby:
                self._paint_ruby(painter, laid, origin, part)
            if laid.pictures:
                self._paint_pictures(painter, laid, origin, part)
            if laid.marker and laid.layout.lineCount() and first_shown:
                self._paint_marker(painter, laid, origin)
        if laid.image_note:
            painter.setFont(self.font_for(style))
            painter.setPen(QColor(theme.quiet))
            note_top = top + laid.text_top + self._text_height(laid.layout) if laid.layout else top
            note = QFontMetricsF(self.font_for(style)).elidedText(
                laid.image_note, Qt.TextElideMode.ElideMiddle, inner
            )
            painter.drawText(
                QRectF(left, note_top, inner, self._pitch(self.font_for(style))),
                int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter),
                note,
            )

    def _paint_lines(
        self, painter: QPainter, laid: LaidBlock, origin: QPointF, part: tuple[float, float]
    ) -> None:
        """Draw the lines whose whole slot lies inside `part` (block coordinates)."""
        assert laid.layout is not None
        layout = laid.layout
        pitch = self._pitch(layout.font())
        base = laid.content_top + laid.text_top
        for n in range(layout.lineCount()):
            line = layout.lineAt(n)
            slot_top = base + line.y() - self._half_leading(layout, n, pitch)
            slot_bottom = slot_top + max(pitch, line.height())
            if slot_top >= part[0] - 0.5 and slot_bottom <= part[1] + 0.5:
                line.draw(painter, origin)

    def _paint_ruby(
        self,
        painter: QPainter,
        laid: LaidBlock,
        origin: QPointF,
        part: tuple[float, float] | None,
    ) -> None:
        """Annotations (pinyin, zhuyin) small and centred above their base characters."""
        assert laid.layout is not None
        layout = laid.layout
        font = QFont(layout.font())
        font.setPixelSize(max(5, round(layout.font().pixelSize() * 0.5)))
        font.setBold(False)
        metrics = QFontMetricsF(font)
        painter.save()
        painter.setFont(font)
        for (start, end, annotation), line in self._lines_shown(laid, laid.ruby, part):
            x0 = _x(line.cursorToX(start))
            x1 = _x(line.cursorToX(min(end, line.textStart() + line.textLength())))
            width = metrics.horizontalAdvance(annotation)
            x = origin.x() + (x0 + x1 - width) / 2
            y = origin.y() + line.y() - metrics.descent()
            painter.drawText(QPointF(x, y), annotation)
        painter.restore()

    def _paint_pictures(
        self,
        painter: QPainter,
        laid: LaidBlock,
        origin: QPointF,
        part: tuple[float, float] | None,
    ) -> None:
        """Pictures inside the text, over their hidden descriptions, centred on the line."""
        for (start, _, picture), line in self._lines_shown(laid, laid.pictures, part):
            x = origin.x() + _x(line.cursorToX(start))
            y = origin.y() + line.y() + (line.height() - picture.height()) / 2
            painter.drawImage(QPointF(x, y), picture)

    @staticmethod
    def _lines_shown(laid: LaidBlock, spans: Sequence, part: tuple[float, float] | None):
        """(span, its line) for each span (start first) whose line is drawn: in `part`
        (block coordinates) when one is given."""
        assert laid.layout is not None
        base = laid.content_top + laid.text_top
        for span in spans:
            line = laid.layout.lineForTextPosition(span[0])
            if not line.isValid():
                continue
            if part is not None and not (part[0] - 0.5 <= base + line.y() <= part[1] + 0.5):
                continue
            yield span, line

    def _paint_marker(self, painter: QPainter, laid: LaidBlock, origin: QPointF) -> None:
        assert laid.layout is not None and laid.marker_font is not None
        line = laid.layout.lineAt(0)
        metrics = QFontMetricsF(laid.marker_font)
        gap = 0.4 * self.em
        start = line.cursorToX(0)[0] if isinstance(line.cursorToX(0), tuple) else line.cursorToX(0)
        painter.setFont(laid.marker_font)
        baseline = origin.y() + line.y() + line.ascent()
        painter.drawText(
            QPointF(origin.x() + start - gap - metrics.horizontalAdvance(laid.marker), baseline),
            laid.marker,
        )

    def _paint_table(
        self,
        painter: QPainter,
        laid: LaidBlock,
        x: float,
        top: float,
        theme: Theme,
        part: tuple[float, float] | None = None,
    ) -> None:
        grid = QPen(QColor(theme.quiet), max(1.0, self.em / 20))
        pad = 0.4 * self.em
        for cell in laid.cells:
            row_top = laid.content_top + cell.y
            inside = part is None or (
                row_top >= part[0] - 0.5 and row_top + cell.height <= part[1] + 0.5
            )
            if not inside:
                continue
            rect = QRectF(x + cell.x, top + cell.y, cell.width, cell.height)
            if cell.header:
                painter.fillRect(rect, QColor(theme.figure_background))
            painter.setPen(grid)
            painter.drawRect(rect)
            painter.setPen(QColor(theme.text))
            cell.layout.draw(painter, QPointF(rect.x() + pad, rect.y() + pad))


def _x(cursor: object) -> float:
    """QTextLine.cursorToX answers (x, position) in PySide6."""
    return float(cursor[0] if isinstance(cursor, tuple) else cursor)


def _ruby_spans(runs: Sequence[Run], text: str) -> list[tuple[int, int, str]]:
    """(start, end, annotation) in UTF-16 units of the runs that carry ruby."""
    if not runs or not any(r.ruby for r in runs) or sum(len(r.text) for r in runs) != len(text):
        return []
    spans = []
    pos = 0
    for run in runs:
        end = pos + len(run.text)
        if run.ruby:
            spans.append((utf16_len(text[:pos]), utf16_len(text[:end]), run.ruby))
        pos = end
    return spans


def _picture_note(src: str, reason: str) -> str:
    """The line shown instead of a picture: its address and why it is not shown."""
    translate = QCoreApplication.translate
    why = {
        "remote": translate(
            "Pictures", "%1 (not fetched: only pictures beside the document are shown)"
        ),
        "missing": translate("Pictures", "%1 (missing)"),
        "too large": translate("Pictures", "%1 (too large to show: over 50 megapixels or 32 MiB)"),
        "unreadable": translate("Pictures", "%1 (not a picture the reader can decode)"),
    }
    return why.get(reason, "%1").replace("%1", src)


def _fit_columns(natural: list[float], width: float) -> list[float]:
    """Column widths: their natural widths when they fit, else shared out fairly."""
    if not natural:
        return []
    if sum(natural) <= width:
        return natural
    fair = width / len(natural)
    narrow = [w for w in natural if w <= fair]
    wide = [w for w in natural if w > fair]
    room = width - sum(narrow)
    total_wide = sum(wide) or 1.0
    return [w if w <= fair else room * w / total_wide for w in natural]
