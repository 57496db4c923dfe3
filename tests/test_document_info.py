"""File → Document Information, and what a book says about itself under its cover."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from reader.core.document import BlockKind
from reader.core.formats.epub import open_epub
from reader.ui.dialogs.document_info import DocumentInfoDialog
from tests.epub_books import CSS, nav_xhtml, opf, tiny_png, write_epub, xhtml

CHAPTERS = {
    "c1.xhtml": '<h1 id="c1">第一章 說文</h1><p>見<a href="c2.xhtml#s2">第二章</a>。</p>',
    "c2.xhtml": '<h1 id="s2">第二章 解字</h1><p>正文。</p>',
}


def book_with_metadata(path: Path, cover: bool = True, chapters=CHAPTERS) -> Path:
    package = opf(
        list(chapters),
        title="說文解字注",
        creators=("許慎", "段玉裁"),
        language="zh-TW",
        description="東漢許慎撰，清段玉裁注。\n第二段說明。",
        extra_items=[("cover", "cover.png", "image/png", "cover-image")] if cover else [],
    ).replace(
        "<dc:language>",
        "<dc:publisher>中華書局</dc:publisher><dc:date>1988-02</dc:date><dc:language>",
    )
    members: dict[str, str | bytes] = {"OEBPS/style.css": CSS, "OEBPS/content.opf": package}
    members.update({f"OEBPS/{k}": xhtml(v) for k, v in chapters.items()})
    members["OEBPS/nav.xhtml"] = nav_xhtml(
        [("第一章 說文", "c1.xhtml", []), ("第二章 解字", "c2.xhtml#s2", [])]
    )
    if cover:
        members["OEBPS/cover.png"] = tiny_png()
    return write_epub(path, members)


def test_a_book_reads_its_publisher_description_and_date(tmp_path):
    doc = open_epub(book_with_metadata(tmp_path / "book.epub"))
    assert doc.authors == ("許慎", "段玉裁")
    assert doc.publisher == "中華書局"
    assert doc.date == "1988-02"
    assert "東漢許慎撰" in doc.description and "第二段說明" in doc.description


def test_the_authors_are_under_the_title_below_the_cover(tmp_path):
    doc = open_epub(book_with_metadata(tmp_path / "book.epub"))
    first = [(b.kind, b.text) for b in doc.blocks[:3]]
    assert first == [
        (BlockKind.IMAGE, ""),
        (BlockKind.TITLE, "說文解字注"),
        (BlockKind.SUBTITLE, "許慎、段玉裁"),
    ]
    # Links and the outline still lead to their chapters.
    assert doc.blocks[doc.anchors["OEBPS/c2.xhtml#s2"]].text == "第二章 解字"
    assert [doc.blocks[e.block].text for e in doc.toc.walk()] == ["第一章 說文", "第二章 解字"]


def test_a_book_with_its_own_title_page_gets_no_second_one(tmp_path):
    chapters = {"title.xhtml": "<h1>說文解字注</h1><p>許慎 撰</p>", **CHAPTERS}
    doc = open_epub(book_with_metadata(tmp_path / "book.epub", chapters=chapters))
    assert [b.kind for b in doc.blocks].count(BlockKind.TITLE) == 0
    assert doc.blocks[1].text == "說文解字注"


def open_info(window) -> DocumentInfoDialog:
    window.actions_.document_info.trigger()
    dialog = window.findChild(DocumentInfoDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_document_information_of_a_book(make_window, tmp_path):
    book = book_with_metadata(tmp_path / "book.epub")
    window = make_window(str(book))
    dialog = open_info(window)
    rows = dialog.rows
    assert rows["Title"] == "說文解字注"
    assert rows["Authors"] == "許慎、段玉裁"
    assert rows["Publisher"] == "中華書局"
    assert rows["Date"] == "1988-02"
    assert rows["Language"] == "zh-TW (繁體中文, 台灣)"
    assert rows["File"] == str(book)
    assert f"({book.stat().st_size:,} bytes)".replace(",", "") in rows["Size"].replace(",", "")
    assert rows["Format"] == "EPUB book"
    assert rows["Chapters"] == "2"
    assert int(rows["Characters"].replace(",", "")) == window.session.prepared.document.char_count
    assert dialog.description is not None
    assert "第二段說明" in dialog.description.toPlainText()


@pytest.mark.parametrize("encoding, shown", [("gb18030", "GB18030"), ("utf-8", "UTF-8")])
def test_document_information_of_a_text_file(make_window, tmp_path, encoding, shown):
    text = "第一章 開始\n\n正文一段，說的是開始。\n\n第二章 結束\n\n正文又一段。\n"
    path = tmp_path / "novel.txt"
    path.write_bytes(text.encode(encoding))
    window = make_window(str(path))
    rows = open_info(window).rows
    assert rows["Read as"] == shown
    assert rows["Format"] == "Plain text"
    assert rows["File"] == str(path)
    assert "Authors" not in rows and "Publisher" not in rows  # nothing to say: no row
    assert rows["Chapters"] == "2"


def test_a_description_written_as_html_reads_as_text_and_an_unknown_date_is_none(tmp_path):
    # calibre writes the description as escaped HTML and year 101 for "no date".
    book = book_with_metadata(tmp_path / "calibre.epub")
    with zipfile.ZipFile(book) as zf:
        members = {i.filename: zf.read(i) for i in zf.infolist() if "OEBPS/" in i.filename}
    package = members["OEBPS/content.opf"].decode()
    package = re.sub(
        "<dc:description>.*?</dc:description>",
        "<dc:description>&lt;div&gt;&lt;p&gt;宋司馬光撰，&lt;b&gt;元胡三省&lt;/b&gt;注。&lt;/p&gt;"
        "&lt;p&gt;重製電子版。&lt;/p&gt;&lt;/div&gt;</dc:description>",
        package,
        flags=re.S,
    ).replace("<dc:date>1988-02</dc:date>", "<dc:date>0101-01-01T00:00:00+00:00</dc:date>")
    members["OEBPS/content.opf"] = package.encode()
    doc = open_epub(write_epub(tmp_path / "calibre2.epub", members))
    assert doc.description == "宋司馬光撰，元胡三省注。\n重製電子版。"
    assert doc.date == "" and doc.metadata.published == ""


def test_an_article_names_its_source_and_date(make_window):
    window = make_window(None)  # the bundled article: 來源 and 發佈時間 in its header
    rows = open_info(window).rows
    assert rows["Source"] == "重慶日報"
    assert rows["Date"] == "2022-10-17 11:33:18"
    assert rows["Format"] == "Plain text"
