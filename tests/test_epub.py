"""Reading EPUBs: blocks of the rich model, the book's own outline, metadata, bad books."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from reader.core.document import CELL_BREAK, LINE_BREAK, BlockKind
from reader.core.formats.epub import (
    DamagedBookError,
    EncryptedBookError,
    MissingPartError,
    NotAnEpubError,
    ZipBombError,
    open_epub,
    read_member,
)
from reader.core.loading import FileMissingError, LoadError, TooLargeError
from reader.core.opening import is_epub, open_document
from reader.core.rendition import prepare
from tests.epub_books import CONTAINER, opf, simple_book, write_epub, xhtml

RICH = (
    '<h1 id="top">第一章 開始</h1>'
    '<p>\u3000\u3000這是<b>軟</b>件的<i>說明</i>，<a href="c2.xhtml#s2">見下</a>。'
    '<a epub:type="noteref" href="#n1" id="r1"><sup>1</sup></a></p>'
    "<p>一行<br/>二行</p>"
    '<aside epub:type="footnote" id="n1"><p><a href="#r1">1</a> 注釋文字。</p></aside>'
    "<ul><li>甲<ul><li>乙</li></ul></li><li>丙</li></ul>"
    '<ol start="3"><li>三</li><li>四</li></ol>'
    "<blockquote><p>引文</p><blockquote><p>再引</p></blockquote></blockquote>"
    '<pre><code class="language-py">x = 1\ny = 2</code></pre>'
    "<table><thead><tr><th>名</th><th>值</th></tr></thead>"
    "<tbody><tr><td>甲</td><td><b>一</b></td></tr></tbody></table>"
    "<hr/>"
    '<p><img src="images/a.png" alt="圖甲"/></p>'
    "<p><ruby>漢<rp>(</rp><rt>hàn</rt><rp>)</rp>字<rt>zì</rt></ruby>好</p>"
    '<p>正文&nbsp;內容&mdash;完。<a href="https://example.org/">網址</a></p>'
)
SECOND = '<h2 id="s2">小節</h2><p>第二章的正文。</p>'


@pytest.fixture
def rich_book(tmp_path: Path) -> Path:
    return simple_book(
        tmp_path / "rich.epub",
        {"c1.xhtml": RICH, "c2.xhtml": SECOND},
        toc=[
            ("第一章 開始", "c1.xhtml", [("注", "c1.xhtml#n1", [])]),
            ("第二章", "c2.xhtml", [("小節", "c2.xhtml#s2", [])]),
        ],
        creators=("作者甲", "作者乙"),
        extra={"OEBPS/images/a.png": b"\x89PNG\r\n\x1a\n fake"},
    )


def by_kind(doc, kind):
    return [b for b in doc.blocks if b.kind is kind]


def test_every_block_text_is_its_runs(rich_book):
    doc = open_epub(rich_book)
    for block in doc.blocks:
        if block.runs:
            assert "".join(r.text for r in block.runs) == block.text
    assert doc.text == "\n".join(b.text for b in doc.blocks)
    assert doc.warnings == ()


def test_headings_paragraph_runs_and_links(rich_book):
    doc = open_epub(rich_book)
    assert [(b.text, b.level) for b in by_kind(doc, BlockKind.HEADING)] == [
        ("第一章 開始", 1),
        ("小節", 2),
    ]
    para = doc.blocks[1]
    assert para.text == "這是軟件的說明，見下。1"  # leading indentation dropped
    styled = {r.text: r for r in para.runs if not r.plain}
    assert styled["軟"].bold and styled["說明"].italic
    assert styled["見下"].link == "OEBPS/c2.xhtml#s2"
    assert doc.anchors["OEBPS/c2.xhtml#s2"] == doc.blocks.index(by_kind(doc, BlockKind.HEADING)[1])
    assert styled["1"].note == "1" and not styled["1"].link
    last = doc.blocks[-3]
    assert last.text == "正文\u00a0內容—完。網址"
    assert last.runs[-1].link == "https://example.org/"


def test_line_breaks_lists_quotes_code_table_rule(rich_book):
    doc = open_epub(rich_book)
    assert any(b.text == f"一行{LINE_BREAK}二行" for b in doc.blocks)
    items = [(b.text, b.level, b.marker) for b in by_kind(doc, BlockKind.LIST_ITEM)]
    assert items == [
        ("甲", 0, "•"),
        ("乙", 1, "•"),
        ("丙", 0, "•"),
        ("三", 0, "3."),
        ("四", 0, "4."),
    ]
    assert [(b.text, b.level) for b in by_kind(doc, BlockKind.QUOTE)] == [("引文", 0), ("再引", 1)]
    (code,) = by_kind(doc, BlockKind.CODE)
    assert code.text == f"x = 1{LINE_BREAK}y = 2" and code.info == "py"
    (table,) = by_kind(doc, BlockKind.TABLE)
    assert table.header_rows == 1
    assert table.text == f"名{CELL_BREAK}值{LINE_BREAK}甲{CELL_BREAK}一"
    assert table.rows[1][1][0].bold
    assert len(by_kind(doc, BlockKind.RULE)) == 1


def test_footnotes_and_note_references_share_a_label(rich_book):
    doc = open_epub(rich_book)
    (note,) = by_kind(doc, BlockKind.FOOTNOTE)
    assert note.label == "1"
    assert note.text == "注釋文字。"  # the link back to the reference is left out


def test_images_name_their_archive_member_and_read_lazily(rich_book):
    doc = open_epub(rich_book)
    (image,) = by_kind(doc, BlockKind.IMAGE)
    assert image.text == "圖甲"
    assert image.image.member == "OEBPS/images/a.png"
    assert image.image.path == str(rich_book)
    assert read_member(image.image.path, image.image.member, 1024).startswith(b"\x89PNG")


def test_ruby_annotations(rich_book):
    doc = open_epub(rich_book)
    ruby = next(b for b in doc.blocks if b.text == "漢字好")
    assert [(r.text, r.ruby) for r in ruby.runs] == [("漢", "hàn"), ("字", "zì"), ("好", "")]


def test_metadata(rich_book):
    doc = open_epub(rich_book)
    assert doc.title == "測試書"
    assert doc.authors == ("作者甲", "作者乙")
    assert doc.language == "zh-TW"
    assert doc.source == str(rich_book)


def test_outline_is_the_books_nav_with_nesting(rich_book):
    doc = open_epub(rich_book)
    outline = prepare(doc).outline
    top = [(e.title, e.level) for e in outline.entries]
    assert top == [("第一章 開始", 1), ("第二章", 1)]
    second = outline.entries[1]
    assert doc.blocks[second.block].text == "小節"  # c2.xhtml starts with its heading
    assert [(c.title, doc.blocks[c.block].kind) for c in outline.entries[0].children] == [
        ("注", BlockKind.FOOTNOTE)
    ]


def test_ncx_when_there_is_no_nav(tmp_path):
    book = simple_book(
        tmp_path / "ncx.epub",
        {"a.xhtml": "<h1>甲</h1><p>一</p>", "b.xhtml": '<p>前</p><h1 id="x">乙</h1><p>二</p>'},
        toc=[("甲篇", "a.xhtml", [("乙篇", "b.xhtml#x", [])])],
        use_ncx=True,
    )
    outline = prepare(open_epub(book)).outline
    (entry,) = outline.entries
    assert entry.title == "甲篇" and entry.block == 0
    (child,) = entry.children
    assert (child.title, child.level, child.block) == ("乙篇", 2, 3)


def test_headings_when_the_book_has_no_toc(tmp_path):
    book = simple_book(
        tmp_path / "notoc.epub",
        {"a.xhtml": "<h2>甲</h2><p>一</p><h3>甲一</h3><p>二</p>", "b.xhtml": "<h2>乙</h2>"},
    )
    doc = open_epub(book)
    assert doc.toc is None
    outline = prepare(doc).outline
    assert [(e.title, e.level, [c.title for c in e.children]) for e in outline.entries] == [
        ("甲", 1, ["甲一"]),
        ("乙", 1, []),
    ]


def test_office_styled_paragraph_headings(tmp_path):
    """Office suites write headings as styled paragraphs; the TOC and the style tell."""
    book = simple_book(
        tmp_path / "office.epub",
        {
            "a.xhtml": '<p class="title">楔子</p><p>一段正文，很長很長。</p>'
            '<p class="body">第二章 風雪</p><p>又一段。</p>',
            "b.xhtml": '<p class="P3">第三回 完</p><p><b>不是標題，因為這句話結束了。</b></p>',
        },
        toc=[("第三回 完", "b.xhtml", [])],
    )
    doc = open_epub(book)
    headings = [b.text for b in by_kind(doc, BlockKind.HEADING)]
    # 楔子: bold/centred class, first in its file; 第三回: the TOC points at it.
    assert headings == ["楔子", "第三回 完"]


def test_suffix_and_sniffing_open_through_open_document(rich_book, tmp_path):
    disguised = tmp_path / "book.txt"
    disguised.write_bytes(rich_book.read_bytes())
    assert is_epub(rich_book) and is_epub(disguised)
    assert open_document(disguised).title == "測試書"
    assert open_document(rich_book).toc is not None


# Bad books: one LoadError each, or what can be read with a warning.


def test_not_a_zip(tmp_path):
    bad = tmp_path / "bad.epub"
    bad.write_text("這不是壓縮檔", encoding="utf-8")
    with pytest.raises(NotAnEpubError, match="not a ZIP archive"):
        open_document(bad)


def test_missing_file(tmp_path):
    with pytest.raises(FileMissingError):
        open_epub(tmp_path / "nothing.epub")


def test_truncated_zip(rich_book, tmp_path):
    cut = tmp_path / "cut.epub"
    cut.write_bytes(rich_book.read_bytes()[: rich_book.stat().st_size // 2])
    with pytest.raises(DamagedBookError, match="damaged or truncated"):
        open_epub(cut)


def test_missing_container(tmp_path):
    book = write_epub(tmp_path / "nc.epub", {"OEBPS/content.opf": opf([])}, container=None)
    with pytest.raises(MissingPartError, match=r"container\.xml"):
        open_epub(book)


def test_missing_package_document(tmp_path):
    book = write_epub(tmp_path / "nopf.epub", {"OEBPS/a.xhtml": xhtml("<p>一</p>")})
    with pytest.raises(MissingPartError, match=r"package document OEBPS/content\.opf is missing"):
        open_epub(book)


def test_missing_spine_items_open_what_exists(tmp_path):
    members = {
        "OEBPS/a.xhtml": xhtml("<p>還在</p>"),
        "OEBPS/content.opf": opf(["a.xhtml", "gone.xhtml"], nav=False),
    }
    doc = open_epub(write_epub(tmp_path / "gone.epub", members))
    assert [b.text for b in doc.blocks] == ["還在"]
    assert any("1 chapter missing" in w and "gone.xhtml" in w for w in doc.warnings)


def test_no_chapter_at_all_is_an_error(tmp_path):
    members = {"OEBPS/content.opf": opf(["gone.xhtml"], nav=False)}
    with pytest.raises(MissingPartError, match="no readable chapters"):
        open_epub(write_epub(tmp_path / "empty.epub", members))


def test_malformed_xhtml_is_recovered(tmp_path):
    members = {
        "OEBPS/a.xhtml": "<html><body><p>第一段<b>粗體</p><p>第二段 & 未轉義<br>"
        "<p>甲&amp;乙&nbsp;丙</p></body>",
        "OEBPS/content.opf": opf(["a.xhtml"], nav=False),
    }
    doc = open_epub(write_epub(tmp_path / "bad.epub", members))
    assert "第一段" in doc.text and "第二段" in doc.text
    assert "甲&乙\u00a0丙" in doc.text  # libxml2 drops named references after an error
    assert any("malformed XHTML" in w for w in doc.warnings)


def test_drm_encrypted_book_is_refused(tmp_path):
    encryption = (
        '<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" '
        'xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData>'
        '<enc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc"/>'
        '<enc:CipherData><enc:CipherReference URI="OEBPS/a.xhtml"/></enc:CipherData>'
        "</enc:EncryptedData></encryption>"
    )
    members = {
        "META-INF/encryption.xml": encryption,
        "OEBPS/a.xhtml": b"\x8f\x01garbage",
        "OEBPS/content.opf": opf(["a.xhtml"], nav=False),
    }
    with pytest.raises(EncryptedBookError, match=r"the book is encrypted \(DRM\)"):
        open_epub(write_epub(tmp_path / "drm.epub", members))


def test_obfuscated_fonts_are_not_drm(tmp_path):
    encryption = (
        '<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" '
        'xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData>'
        '<enc:EncryptionMethod Algorithm="http://www.idpf.org/2008/embedding"/>'
        '<enc:CipherData><enc:CipherReference URI="OEBPS/font.otf"/></enc:CipherData>'
        "</enc:EncryptedData></encryption>"
    )
    members = {
        "META-INF/encryption.xml": encryption,
        "OEBPS/a.xhtml": xhtml("<p>字</p>"),
        "OEBPS/content.opf": opf(["a.xhtml"], nav=False),
    }
    assert open_epub(write_epub(tmp_path / "font.epub", members)).text == "字"


def test_zip_bomb_is_refused_by_ratio(tmp_path):
    members = {
        "OEBPS/a.xhtml": xhtml("<p>字</p>"),
        "OEBPS/content.opf": opf(["a.xhtml"], nav=False),
        "OEBPS/bomb.bin": b"\0" * (20 * 1024 * 1024),
    }
    with pytest.raises(ZipBombError, match="zip bomb"):
        open_epub(write_epub(tmp_path / "bomb.epub", members))


def test_zip_bomb_is_refused_by_total_size(tmp_path):
    members = {
        "OEBPS/a.xhtml": xhtml("<p>" + "字" * 200_000 + "</p>"),
        "OEBPS/content.opf": opf(["a.xhtml"], nav=False),
    }
    book = write_epub(tmp_path / "big.epub", members)
    with pytest.raises(TooLargeError):
        open_epub(book, size_limit=200_000)


def test_paths_outside_the_book_are_ignored(tmp_path):
    members = {
        "OEBPS/a.xhtml": xhtml(
            '<p><img src="../../../etc/passwd" alt="壞圖"/></p>'
            '<p><a href="../../../../secret.xhtml">外鏈</a>正文</p>'
        ),
        "OEBPS/content.opf": opf(["a.xhtml", "../../evil.xhtml"], nav=False),
    }
    doc = open_epub(write_epub(tmp_path / "escape.epub", members))
    image = by_kind(doc, BlockKind.IMAGE)[0].image
    assert image.member == "" and image.path == ""
    assert doc.blocks[1].runs[0].link == ""
    assert any("outside the book" in w for w in doc.warnings)
    with pytest.raises(MissingPartError):
        read_member(tmp_path / "escape.epub", "../../etc/passwd", 1024)


def test_entities_are_never_expanded(tmp_path):
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE html [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
        '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">'
        '<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        '<html xmlns="http://www.w3.org/1999/xhtml"><body><p>甲&lol3;乙&xxe;丙</p></body></html>'
    )
    members = {"OEBPS/a.xhtml": laughs, "OEBPS/content.opf": opf(["a.xhtml"], nav=False)}
    doc = open_epub(write_epub(tmp_path / "lol.epub", members))
    assert doc.text == "甲乙丙"


def test_remote_resources_are_never_fetched(tmp_path, monkeypatch):
    import socket

    def refuse(*args, **kwargs):
        raise AssertionError("network access")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    members = {
        "OEBPS/a.xhtml": (
            '<?xml version="1.0"?><!DOCTYPE html SYSTEM "http://example.invalid/x.dtd">'
            '<html xmlns="http://www.w3.org/1999/xhtml"><body>'
            '<p><img src="http://example.invalid/p.png" alt="遠端圖"/></p>'
            '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
            '<image xlink:href="https://example.invalid/q.jpg"/></svg></body></html>'
        ),
        "OEBPS/content.opf": opf(["a.xhtml"], nav=False),
    }
    doc = open_epub(write_epub(tmp_path / "remote.epub", members))
    images = [b.image for b in by_kind(doc, BlockKind.IMAGE)]
    assert [i.src for i in images] == [
        "http://example.invalid/p.png",
        "https://example.invalid/q.jpg",
    ]
    assert all(i.member == "" and i.path == "" for i in images)


def test_huge_books_are_read_member_by_member(tmp_path, monkeypatch):
    members = {f"OEBPS/c{n}.xhtml": xhtml(f"<p>第{n}章</p>") for n in range(30)}
    members["OEBPS/content.opf"] = opf([f"c{n}.xhtml" for n in range(30)], nav=False)
    members["OEBPS/big.jpg"] = bytes(range(256)) * 4096  # a picture is never read on opening
    book = write_epub(tmp_path / "many.epub", members)
    reads: list[int] = []
    original = zipfile.ZipExtFile.read

    def counting(self, n=-1):
        data = original(self, n)
        reads.append(len(data))
        return data

    monkeypatch.setattr(zipfile.ZipExtFile, "read", counting)
    doc = open_epub(book)
    assert len(doc.blocks) == 30
    assert max(reads) < 4096  # one small member at a time, the picture untouched


def test_every_bad_book_message_is_one_line(tmp_path):
    bad = tmp_path / "bad.epub"
    bad.write_bytes(b"PK\x03\x04 truncated")
    with pytest.raises(LoadError) as caught:
        open_epub(bad)
    assert "\n" not in str(caught.value) and str(bad) in str(caught.value)


def test_container_pointing_nowhere(tmp_path):
    container = CONTAINER.replace("OEBPS/content.opf", "")
    book = write_epub(tmp_path / "x.epub", {"OEBPS/content.opf": opf([])}, container=container)
    with pytest.raises(MissingPartError, match="names no package document"):
        open_epub(book)


def test_cover_from_the_manifest(tmp_path):
    book = simple_book(
        tmp_path / "cover.epub",
        {"a.xhtml": "<p>字</p>"},
        extra={"OEBPS/images/cover.png": b"\x89PNG"},
        extra_items=[("cov", "images/cover.png", "image/png", "cover-image")],
    )
    cover = open_epub(book).cover
    assert cover is not None and cover.member == "OEBPS/images/cover.png"
    assert read_member(cover.path, cover.member, 100) == b"\x89PNG"


def test_picture_over_the_limit_is_refused(rich_book):
    with pytest.raises(TooLargeError):
        read_member(rich_book, "OEBPS/images/a.png", 4)


def test_zhreader_outline_and_info_read_the_book(rich_book, capsys):
    from reader.cli import main

    assert main(["outline", str(rich_book)]) == 0
    out = capsys.readouterr().out
    assert "  第一章 開始\n    注\n  第二章\n    小節\n" in out
    assert main(["info", str(rich_book)]) == 0
    assert "title: 測試書" in capsys.readouterr().out


def test_a_damaged_chapter_is_left_out_with_a_warning(tmp_path):
    book = tmp_path / "crc.epub"
    with zipfile.ZipFile(book, "w") as zf:  # stored, so a flipped byte reaches the CRC check
        zf.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip")
        zf.writestr("META-INF/container.xml", CONTAINER)
        zf.writestr("OEBPS/content.opf", opf(["a.xhtml", "b.xhtml"], nav=False))
        zf.writestr("OEBPS/a.xhtml", xhtml("<p>完好的一章</p>"))
        zf.writestr("OEBPS/b.xhtml", xhtml("<p>壞掉的一章</p>"))
    data = bytearray(book.read_bytes())
    at = data.index("壞掉".encode())
    data[at] ^= 0xFF
    book.write_bytes(bytes(data))
    doc = open_epub(book)
    assert doc.text == "完好的一章"
    assert any("damaged chapter" in w and "OEBPS/b.xhtml" in w for w in doc.warnings)


def test_endnotes_written_as_a_list(tmp_path):
    book = simple_book(
        tmp_path / "endnotes.epub",
        {
            "a.xhtml": '<p>正文<a epub:type="noteref" href="notes.xhtml#e1">[1]</a>。</p>',
            "notes.xhtml": '<section epub:type="endnotes"><ol>'
            '<li epub:type="endnote" id="e1"><p>尾注一。</p></li></ol></section>',
        },
    )
    doc = open_epub(book)
    (note,) = by_kind(doc, BlockKind.FOOTNOTE)
    assert (note.label, note.text) == ("1", "尾注一。")
    assert doc.blocks[0].runs[1].note == "1" and doc.blocks[0].runs[1].text == "[1]"


def test_member_names_in_another_case_and_pictures_in_the_spine(tmp_path):
    members = {
        "OEBPS/Text/Chapter1.xhtml": xhtml('<p>正文</p><p><img src="../Images/Pic.PNG"/></p>'),
        "OEBPS/Images/pic.png": b"\x89PNG",
        "OEBPS/Images/page.jpg": b"\xff\xd8",
        "OEBPS/content.opf": opf(
            ["text/chapter1.xhtml"],
            nav=False,
            extra_items=[("pg", "Images/page.jpg", "image/jpeg", "")],
            spine_extra=["pg"],
        ),
    }
    doc = open_epub(write_epub(tmp_path / "case.epub", members))
    assert [b.kind for b in doc.blocks] == [BlockKind.PARAGRAPH, BlockKind.IMAGE, BlockKind.IMAGE]
    assert doc.blocks[1].image.member == "OEBPS/Images/pic.png"
    assert doc.blocks[2].image.member == "OEBPS/Images/page.jpg"
    assert doc.warnings == ()


def test_epub2_notes_that_link_both_ways(tmp_path):
    book = simple_book(
        tmp_path / "epub2notes.epub",
        {
            "a.xhtml": '<p>正文<a id="r1" href="notes.xhtml#n1">[1]</a>，又<a href="#x">一處</a>。</p>'
            '<p id="x">別處</p>',
            "notes.xhtml": '<p id="n1"><a href="a.xhtml#r1">[1]</a>注文一。</p><p>其他段落。</p>',
        },
    )
    doc = open_epub(book)
    assert [b.kind for b in doc.blocks] == [
        BlockKind.PARAGRAPH,
        BlockKind.PARAGRAPH,
        BlockKind.FOOTNOTE,
        BlockKind.PARAGRAPH,
    ]
    note = doc.blocks[2]
    assert (note.label, note.text) == ("1", "注文一。")
    ref = doc.blocks[0].runs[1]
    assert (ref.text, ref.note, ref.link) == ("[1]", "1", "")
    assert doc.blocks[0].runs[3].link == "OEBPS/a.xhtml#x"  # an ordinary link stays one
    assert doc.text == "\n".join(b.text for b in doc.blocks)
