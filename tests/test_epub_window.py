"""An EPUB in the window: its pictures from the archive, its own outline, links inside the
book, live conversion, and a converted copy of the book."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QFileDialog

from reader.core.convert import ScriptMode
from reader.core.document import BlockKind
from tests.epub_books import simple_book

CHAPTER_ONE = (
    '<h1 id="c1">第一章 頭髮</h1>'
    '<p>他的頭髮很長，<a href="c2.xhtml#s2">見第二章</a>。</p>'
    '<p><img src="images/picture.png" alt="插圖"/></p>' + "<p>長長的一段正文。</p>" * 80
)
CHAPTER_TWO = '<h1 id="s2">第二章 發展</h1><p>發展是硬道理。</p>' + "<p>第二章的正文。</p>" * 80


def png(width: int, height: int) -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#3465a4"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)


@pytest.fixture
def book(tmp_path) -> Path:
    return simple_book(
        tmp_path / "book.epub",
        {"c1.xhtml": CHAPTER_ONE, "c2.xhtml": CHAPTER_TWO},
        toc=[("第一章 頭髮", "c1.xhtml", []), ("第二章 發展", "c2.xhtml", [])],
        extra={"OEBPS/images/picture.png": png(300, 100)},
    )


def test_a_book_opens_with_its_outline_and_its_pictures(make_window, book):
    window = make_window(str(book))
    assert window.outline.top_titles() == ["第一章 頭髮", "第二章 發展"]
    blocks = window.session.prepared.document.blocks
    picture = next(i for i, b in enumerate(blocks) if b.kind is BlockKind.IMAGE)
    laid = window.view._laid(picture)
    assert laid.image is not None and laid.image.width() == 300  # read from the archive
    assert window.actions_.export_book.isEnabled()


def test_a_link_inside_the_book_jumps_there(make_window, book, message_boxes):
    window = make_window(str(book))
    blocks = window.session.prepared.document.blocks
    window.follow_link("OEBPS/c2.xhtml#s2")
    assert blocks[window.view.top_block()].text == "第二章 發展"
    assert message_boxes == []  # nothing to ask: it stays in the book


def test_a_book_converts_live_and_exports_a_converted_copy(
    make_window, qtbot, book, tmp_path, monkeypatch
):
    window = make_window(str(book))
    with qtbot.waitSignal(window.conversion_finished, timeout=20_000):
        window.set_script_mode(ScriptMode.SIMPLIFIED)
    assert window.outline.top_titles() == ["第一章 头发", "第二章 发展"]
    out = tmp_path / "book-simplified.epub"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    with qtbot.waitSignal(window.exporter.exported, timeout=30_000):
        window.actions_.export_book.trigger()
    with zipfile.ZipFile(out) as zf:
        assert zf.namelist()[0] == "mimetype"
        text = zf.read("OEBPS/c1.xhtml").decode("utf-8")
    assert "他的头发很长" in text and 'src="images/picture.png"' in text


def test_a_text_file_has_no_book_to_export(make_window):
    window = make_window()
    assert not window.actions_.export_book.isEnabled()


def test_ruby_is_set_above_its_characters_and_a_remote_picture_says_why(make_window, tmp_path):
    body = (
        "<h1>第一課</h1><p>這是<ruby>漢<rt>hàn</rt>字<rt>zì</rt></ruby>的讀音。</p>"
        '<p><img src="https://example.com/x.png" alt="遠端圖片"/></p>'
    )
    book = simple_book(tmp_path / "ruby.epub", {"c1.xhtml": body}, toc=[("第一課", "c1.xhtml", [])])
    window = make_window(str(book))
    blocks = window.session.prepared.document.blocks
    paragraph = next(i for i, b in enumerate(blocks) if b.kind is BlockKind.PARAGRAPH)
    assert window.view._laid(paragraph).ruby == [(2, 3, "hàn"), (3, 4, "zì")]
    picture = next(i for i, b in enumerate(blocks) if b.kind is BlockKind.IMAGE)
    laid = window.view._laid(picture)
    assert laid.image is None
    assert laid.image_note == (
        "https://example.com/x.png (not fetched: only pictures beside the document are shown)"
    )


def test_the_cover_is_the_first_page_and_the_outline_still_points_at_its_chapters(
    make_window, tmp_path
):
    book = simple_book(
        tmp_path / "covered.epub",
        {"c1.xhtml": CHAPTER_ONE, "c2.xhtml": CHAPTER_TWO},
        toc=[("第一章 頭髮", "c1.xhtml", []), ("第二章 發展", "c2.xhtml", [])],
        extra_items=[("cover", "images/cover.png", "image/png", "cover-image")],
        extra={"OEBPS/images/cover.png": png(120, 180), "OEBPS/images/picture.png": png(9, 9)},
    )
    window = make_window(str(book))
    blocks = window.session.prepared.document.blocks
    assert blocks[0].kind is BlockKind.IMAGE and blocks[0].image.member.endswith("cover.png")
    assert window.view._laid(0).image is not None  # the cover, shown
    window.go_to_block(window.outline.model.blocks[1])
    assert blocks[window.view.top_block()].text == "第二章 發展"
    window.follow_link("OEBPS/c2.xhtml#s2")  # links moved with the chapters
    assert blocks[window.view.top_block()].text == "第二章 發展"


def test_a_vertical_book_says_it_is_shown_horizontally(make_window, tmp_path):
    book = simple_book(
        tmp_path / "vertical.epub",
        {"c1.xhtml": CHAPTER_ONE},
        toc=[("第一章 頭髮", "c1.xhtml", [])],
        extra={
            "OEBPS/style.css": "html { writing-mode: vertical-rl; }\n",
            "OEBPS/images/picture.png": png(9, 9),
        },
    )
    window = make_window(str(book))
    assert "vertical columns" in window.status.currentMessage()
