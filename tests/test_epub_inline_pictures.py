"""Pictures inside a line of text (glyph images for rare characters, common in Chinese books
made from scans): drawn one character high in the line, their description kept as the text."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QColor

from reader.core.formats.epub import open_epub
from tests.epub_books import simple_book
from tests.test_epub_window import png

GLYPH = "#3465a4"  # the colour png() fills its pictures with
PARAGRAPH = '<p>這個字寫作<img src="images/g.png" alt="𠀋"/>，又作<img src="gone.png"/>。</p>'


@pytest.fixture
def book(tmp_path) -> Path:
    return simple_book(
        tmp_path / "glyphs.epub",
        {"c1.xhtml": "<h1>第一章</h1>" + PARAGRAPH},
        toc=[("第一章", "c1.xhtml", [])],
        extra={"OEBPS/images/g.png": png(40, 40)},
        extra_items=[("g", "images/g.png", "image/png", "")],
    )


def test_a_picture_in_a_line_is_a_run_with_its_description(book):
    doc = open_epub(book)
    para = doc.blocks[1]
    assert para.text == "這個字寫作𠀋，又作〓。"  # search, copy and conversion see the text
    pictures = [r for r in para.runs if r.picture is not None]
    assert [(r.text, r.picture.member) for r in pictures] == [("𠀋", "OEBPS/images/g.png")]
    # The picture the book lacks stays its placeholder character, with no picture.
    assert [r.text for r in para.runs if r.picture is None and "〓" in r.text] == ["，又作〓。"]


def test_the_picture_is_drawn_in_the_line_one_character_high(make_window, book):
    window = make_window(str(book))
    view = window.view
    laid = view._laid(1)
    assert len(laid.pictures) == 1
    start, end, picture = laid.pictures[0]
    font_px = laid.layout.font().pixelSize()
    assert picture.height() == font_px and picture.width() == font_px  # square glyph: 1 em
    line = laid.layout.lineForTextPosition(start)
    x0, x1 = line.cursorToX(start)[0], line.cursorToX(end)[0]
    assert abs((x1 - x0) - picture.width()) <= 1.5  # the text makes room for it exactly
    # On screen: the picture's colour where the hidden description is.
    image = view.viewport().grab().toImage()
    found = [
        (x, y)
        for y in range(0, image.height(), 2)
        for x in range(0, image.width(), 2)
        if image.pixelColor(x, y) == QColor(GLYPH)
    ]
    assert found, "the inline picture was not drawn"


def test_a_glyph_used_again_is_not_read_again(qapp, tmp_path, monkeypatch):
    # A scanned book draws the same rare character on page after page; the large-picture
    # cache holds only a couple dozen pictures, the inline one keeps the glyphs.
    from reader.core.document import Image
    from reader.ui.view.layout import ImageStore

    store = ImageStore()
    paths = []
    for n in range(40):
        path = tmp_path / f"p{n}.png"
        path.write_bytes(png(30 + n, 30))
        paths.append(str(path))
    reads = []
    original = ImageStore._read
    monkeypatch.setattr(ImageStore, "_read", staticmethod(lambda i: reads.append(i) or original(i)))
    glyph = Image("g.png", "𠀋", path=paths[0])
    assert store.inline(glyph, 16).height() == 16
    for path in paths[1:]:  # pushes the glyph out of the large-picture cache
        store.load(Image("x.png", path=path))
    assert store.inline(glyph, 16).height() == 16
    assert sum(1 for i in reads if i.path == paths[0]) == 1
