"""Paper: the displayed text set by the block layouter on pages, for a printer or a PDF.

The same layouter as the screen, sized for paper: body text in points
(PAPER_BODY_PT), 2 cm margins, the page number in the footer. Pages break
between lines, never inside one; a paragraph leaves at least two lines at
the foot of a page and takes at least two to the next (no widows or
orphans), and a heading is never the last thing on a page. Runs in any
thread: a PDF of a novel is set in a worker while the window stays free.
"""

from __future__ import annotations

import bisect
import errno
import multiprocessing
import os
import re
import unicodedata
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QRawFont,
)

from reader import APP_NAME
from reader.core.document import Block
from reader.core.files import atomic_path
from reader.core.messages import os_error_reason
from reader.core.vertical import VERTICAL_FORMS
from reader.ui.themes import Theme
from reader.ui.view.layout import BlockLayouter, LaidBlock
from reader.ui.view.typeset import PAPER_BODY_PT, PAPER_MARGIN_MM

# Colours on paper: black text, grey for what is quiet, no page background.
PAPER = Theme(
    "paper", "#ffffff", "#000000", "#555555", "#000000", "#eeeeee",
    "#ffffff", "#ffffff", "#ffffff", "#1a3d8f",
)  # fmt: skip
PAPER_LINE_HEIGHT = 160
_FOOTER_PT = 9.0
# Fewest lines of a paragraph left at the foot of a page or carried to the next.
MIN_LINES = 2


class PrintCancelled(Exception):
    """The reader cancelled the print job."""


def print_blocks(
    device: QPagedPaintDevice,
    blocks: Sequence[Block],
    texts: Sequence[str],
    font: QFont,
    progress: Callable[[int], object] | None = None,
    cancelled: Callable[[], bool] | None = None,
    vertical: bool = False,
) -> int:
    """Set `blocks` (showing `texts`) on the pages of `device`; returns the number of pages.

    Raises OSError when the device cannot be painted on (a file that cannot be
    created), PrintCancelled when `cancelled()` becomes true. `vertical` sets them in
    columns from right to left (reader/ui/view/vertical.py).
    """
    if vertical:
        from reader.ui.view.vertical import print_vertical

        return print_vertical(device, blocks, texts, font, progress, cancelled)
    device.setPageMargins(
        QMarginsF(PAPER_MARGIN_MM, PAPER_MARGIN_MM, PAPER_MARGIN_MM, PAPER_MARGIN_MM * 0.75),
        QPageLayout.Unit.Millimeter,
    )
    resolution = device.resolution()
    page = device.pageLayout().paintRectPixels(resolution)
    width = float(page.width())
    em = PAPER_BODY_PT * resolution / 72
    footer_font = QFont(font)
    footer_font.setPixelSize(max(1, round(_FOOTER_PT * resolution / 72)))
    footer = 2.0 * footer_font.pixelSize()
    height = float(page.height()) - footer
    layouter = BlockLayouter(font, em, PAPER_LINE_HEIGHT, device)
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("the printer or file could not be opened for writing")
    pages = _Pages(painter, device, width, height, footer, footer_font)
    try:
        laid_next: LaidBlock | None = None
        for index, block in enumerate(blocks):
            if cancelled is not None and index % 200 == 0 and cancelled():
                raise PrintCancelled
            if progress is not None and index % 200 == 0:
                progress(round(100 * index / max(1, len(blocks))))
            laid = laid_next or layouter.lay_out(block, texts[index], width, PAPER)
            laid_next = None
            if laid.style.keep_with_next and index + 1 < len(blocks):
                laid_next = layouter.lay_out(blocks[index + 1], texts[index + 1], width, PAPER)
                need = laid.height + _first_lines(laid_next)
                if pages.y > 0 and pages.y + need > height:
                    pages.new_page()
            _place(pages, layouter, laid)
        pages.finish()
    finally:
        painter.end()
    return pages.number


def _first_lines(laid: LaidBlock) -> float:
    """Height of what must follow a heading on its page: the next block's first lines."""
    if len(laid.breaks) >= MIN_LINES:
        return laid.breaks[MIN_LINES - 1]
    return laid.height


def _place(pages: _Pages, layouter: BlockLayouter, laid: LaidBlock) -> None:
    """Paint one block, breaking it over pages between lines where it does not fit."""
    offset = 0.0  # how much of the block is on earlier pages
    while True:
        room = pages.height - pages.y
        rest = laid.height - offset
        if rest <= room:
            pages.paint(layouter, laid, offset, rest)
            return
        cut = _break(laid, offset, room)
        if cut is None:
            if pages.y > 0:
                pages.new_page()
                continue
            cut = _break(laid, offset, room, strict=False) or offset + room  # taller than a page
        pages.paint(layouter, laid, offset, cut - offset)
        pages.new_page()
        offset = cut


def _break(laid: LaidBlock, offset: float, room: float, strict: bool = True) -> float | None:
    """The lowest line boundary of `laid` that fits in `room` below `offset`, keeping at least
    MIN_LINES lines on each side of it when `strict`; None when there is none."""
    lines = len(laid.breaks) + 1
    placed = bisect.bisect_right(laid.breaks, offset)  # lines begun on earlier pages
    best = None
    for j, b in enumerate(laid.breaks):
        if b <= offset:
            continue
        if b - offset > room:
            break
        here, after = j + 1 - placed, lines - (j + 1)
        if strict and (here < MIN_LINES or after < MIN_LINES):
            continue
        best = b
    return best


class _Pages:
    """The page being filled: where the next block goes, and the page number."""

    def __init__(self, painter, device, width, height, footer, footer_font):
        self.painter, self.device = painter, device
        self.width, self.height, self.footer, self.footer_font = width, height, footer, footer_font
        self.y = 0.0
        self.number = 1

    def paint(
        self, layouter: BlockLayouter, laid: LaidBlock, offset: float, visible: float
    ) -> None:
        """Paint the part [offset, offset + visible) of `laid` at the current position."""
        painter = self.painter
        painter.save()
        painter.setClipRect(QRectF(0, self.y, self.width, visible))
        part = (offset, offset + visible)
        layouter.paint(painter, laid, 0.0, self.y - offset, self.width, PAPER, (), part)
        painter.restore()
        self.y += visible

    def new_page(self) -> None:
        self._footer()
        if not self.device.newPage():
            raise OSError("a new page could not be started (is the disk full?)")
        self.number += 1
        self.y = 0.0

    def finish(self) -> None:
        self._footer()

    def _footer(self) -> None:
        painter = self.painter
        painter.save()
        painter.setFont(self.footer_font)
        painter.setPen(Qt.GlobalColor.darkGray)
        painter.drawText(
            QRectF(0, self.height, self.width, self.footer),
            int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom),
            str(self.number),
        )
        painter.restore()


def write_pdf(
    path: str,
    blocks: Sequence[Block],
    texts: Sequence[str],
    title: str,
    font: QFont,
    progress: Callable[[int], object] | None = None,
    cancelled: Callable[[], bool] | None = None,
    vertical: bool = False,
) -> int:
    """Write the blocks as an A4 PDF to `path` atomically; returns the number of pages.

    The old file stays as it was unless the new one is complete (a full disk
    truncates the PDF: its end-of-file marker is missing and OSError is raised).
    """
    with atomic_path(path) as tmp:
        writer = QPdfWriter(str(tmp))
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        writer.setResolution(600)
        writer.setTitle(title)
        writer.setCreator(APP_NAME)
        pages = print_blocks(writer, blocks, texts, font, progress, cancelled, vertical)
        del writer  # closes the file
        if not _complete_pdf(tmp):
            raise OSError(errno.ENOSPC, "the PDF could not be completed (is the disk full?)")
        _unify_radicals(tmp)
    return pages


@cache
def radical_table() -> dict[int, int]:
    """Radical code points → the unified ideographs a CJK font draws with the same glyph.

    CJK fonts give 日 (U+65E5) and the Kangxi radical ⽇ (U+2F47) one glyph; Qt's
    PDF writer names such a glyph by the radical, so text copied or searched in
    the PDF would read ⽇ and never match 日.
    """
    table = {}
    for code in range(0x2F00, 0x2FD6):  # Kangxi radicals: Unicode says which ideograph
        table[code] = ord(unicodedata.normalize("NFKC", chr(code)))
    unified = "".join(map(chr, range(0x4E00, 0xA000)))
    supplement = "".join(map(chr, range(0x2E80, 0x2EF4)))
    for family in _cjk_families():
        raw = QRawFont.fromFont(QFont(family))
        if not raw.isValid():
            continue
        by_glyph: dict[int, int] = {}
        for char, glyph in zip(unified, raw.glyphIndexesForString(unified), strict=True):
            if glyph:
                by_glyph.setdefault(glyph, ord(char))
        for char, glyph in zip(supplement, raw.glyphIndexesForString(supplement), strict=True):
            if glyph in by_glyph:
                table.setdefault(ord(char), by_glyph[glyph])
    return table


def _cjk_families() -> list[str]:
    """Installed families that draw Chinese: the fonts a PDF of Chinese text is set in."""
    systems = (
        QFontDatabase.WritingSystem.SimplifiedChinese,
        QFontDatabase.WritingSystem.TraditionalChinese,
    )
    return sorted({f for system in systems for f in QFontDatabase.families(system)})[:12]


_TO_UNICODE = re.compile(rb"/ToUnicode (\d+) 0 R")


def _unify_radicals(path: Path) -> None:
    """Name shared glyphs by their ideographs (and vertical punctuation by its characters) in
    the PDF's ToUnicode maps (same length, so the file's cross-reference offsets stay right)."""
    data = bytearray(path.read_bytes())
    # A vertical page's punctuation is the font's vertical glyphs, which the PDF writer
    # names by Unicode's vertical forms (︓ for ：): name them by the text's characters.
    shared = {**radical_table(), **{ord(v): ord(h) for h, v in VERTICAL_FORMS.items()}}
    table = {b"<%04X>" % k: b"<%04X>" % v for k, v in shared.items()}
    pattern = re.compile(b"|".join(re.escape(k) for k in table))
    changed = False
    for number in set(_TO_UNICODE.findall(data)):
        head = re.search(rb"(?:^|\n)" + number + rb" 0 obj\s*<<[^>]*>>\s*stream\r?\n", data)
        if head is None:
            continue
        end = data.find(b"endstream", head.end())
        stream = bytes(data[head.end() : end])
        fixed = pattern.sub(lambda m: table[m.group(0)], stream)
        if fixed != stream:
            data[head.end() : end] = fixed
            changed = True
    if changed:
        with open(path, "wb") as f:
            f.write(data)


def _complete_pdf(path: Path) -> bool:
    try:
        with open(path, "rb") as f:
            f.seek(0, 2)
            size = f.tell()
            f.seek(max(0, size - 64))
            return size > 0 and b"%%EOF" in f.read()
    except OSError:
        return False


# Documents with more blocks than this are set in a process of their own: closing a PDF
# of a novel (embedding its fonts) is one long call that would hold the GUI's GIL.
PROCESS_BLOCKS = 5000
_SEND_BLOCKS = 2000


def write_pdf_in_process(
    path: str,
    blocks: Sequence[Block],
    texts: Sequence[str],
    title: str,
    font: QFont,
    progress: Callable[[int], object] | None = None,
    vertical: bool = False,
) -> None:
    """`write_pdf` in a spawned process; raises OSError with the child's one-line reason.

    The document goes over in small pieces, so that no single pickling holds this
    process's GIL for long; progress comes back as the pages are set.
    """
    context = multiprocessing.get_context("spawn")
    ours, theirs = context.Pipe()
    child = context.Process(target=_pdf_child, args=(theirs,), daemon=True)
    child.start()
    theirs.close()
    try:
        ours.send((path, title, font.family(), vertical))
        for start in range(0, len(blocks), _SEND_BLOCKS):
            end = start + _SEND_BLOCKS
            ours.send((tuple(blocks[start:end]), tuple(texts[start:end])))
        ours.send(None)
        while True:
            try:
                kind, value = ours.recv()
            except EOFError:
                raise OSError("the PDF writer stopped unexpectedly") from None
            if kind == "progress" and progress is not None:
                progress(value)
            elif kind == "done":
                return
            elif kind == "failed":
                raise OSError(value)
    finally:
        ours.close()
        child.join(timeout=10)
        if child.is_alive():
            child.kill()


def _pdf_child(conn) -> None:  # runs in the spawned process
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 (fonts need it)
    path, title, family, vertical = conn.recv()
    blocks: list[Block] = []
    texts: list[str] = []
    while (piece := conn.recv()) is not None:
        blocks.extend(piece[0])
        texts.extend(piece[1])
    try:
        write_pdf(
            path,
            blocks,
            texts,
            title,
            QFont(family),
            lambda p: conn.send(("progress", p)),
            vertical=vertical,
        )
    except OSError as exc:
        conn.send(("failed", os_error_reason(exc)))
    except Exception as exc:  # the parent words it; no traceback reaches the reader
        conn.send(("failed", str(exc) or type(exc).__name__))
    else:
        conn.send(("done", path))
    conn.close()
