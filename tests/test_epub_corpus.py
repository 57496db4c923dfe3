"""The corpus books (tests/corpus/epub, public-domain texts): outline, headings, conversion."""

from __future__ import annotations

import zipfile
from pathlib import Path

from reader.core.convert import Script
from reader.core.document import BlockKind
from reader.core.formats.epub import open_epub
from reader.core.formats.epub_writer import convert_epub
from reader.core.rendition import prepare

CORPUS = Path(__file__).parent / "corpus" / "epub"


def test_an_ebook_tools_epub3_book():
    doc = open_epub(CORPUS / "lunyu-epub3.epub")
    prepared = prepare(doc)
    assert doc.title == "论语" and doc.language == "zh-CN" and doc.warnings == ()
    assert prepared.script is Script.SIMPLIFIED
    entries = prepared.outline.entries
    assert len(entries) == 20 and entries[0].title == "学而篇"
    assert all(doc.blocks[e.block].text == e.title for e in entries)
    (note,) = [b for b in doc.blocks if b.kind is BlockKind.FOOTNOTE]
    assert note.text == "说，读作“悦”。"
    assert any(r.note == note.label for r in doc.blocks[1].runs)


def test_an_office_suites_book_has_its_styled_headings():
    doc = open_epub(CORPUS / "mengzi-office.epub")
    headings = [b.text for b in doc.blocks if b.kind is BlockKind.HEADING]
    assert len(headings) == 14 and headings[0] == "梁惠王上"
    assert doc.language == "en"  # as the book says, wrongly
    outline = prepare(doc).outline
    assert [e.title for e in outline.entries] == headings
    assert all(b.text for b in doc.blocks)  # the &nbsp; spacer paragraphs are not blocks


def test_the_office_book_converts_to_simplified(tmp_path):
    out = tmp_path / "mengzi.epub"
    convert_epub(CORPUS / "mengzi-office.epub", out, ("t2s",), "zh-CN")
    doc = open_epub(out)
    assert doc.blocks[1].text.startswith("孟子见梁惠王。王曰：「叟不远千里而来")
    assert doc.title == "四书" and doc.language == "en"  # only Chinese tags are replaced
    with zipfile.ZipFile(CORPUS / "mengzi-office.epub") as a, zipfile.ZipFile(out) as b:
        assert a.read("OEBPS/Styles/stylesheet.css") == b.read("OEBPS/Styles/stylesheet.css")


def test_a_real_vertical_writing_book():
    """A hand-made EPUB 3 (CC BY-SA): ruby, tables, code, DPUB-ARIA notes, ids it lacks."""
    doc = open_epub(CORPUS / "epub-vertical-zh.epub")
    assert doc.title == "繁體中文豎排書籍範本" and doc.language == "zh-Hant"
    outline = prepare(doc).outline
    entries = list(outline.walk())
    assert len(entries) == 18
    assert all(doc.blocks[e.block].kind is BlockKind.HEADING for e in entries)
    # Chapter 3 lacks the ids s3-2 … s3-5 its nav points at: the titles are found instead.
    by_title = {e.title: doc.blocks[e.block].text for e in entries}
    for title in (
        "第二節 CSS 實現方式",
        "第三節 詩經示例",
        "第四節 Ruby 夾注混合",
        "第五節 純段落正文",
    ):
        assert "".join(by_title[title].split()) == "".join(title.split())
    ruby = [r for b in doc.blocks for r in b.runs if r.ruby]
    assert ("孔子", "ㄎㄨㄥˇ ㄗˇ") in [(r.text, r.ruby) for r in ruby]
    notes = {b.label: b.text for b in doc.blocks if b.kind is BlockKind.FOOTNOTE}
    assert {"1", "2", "①", "②", "③", "④"} <= notes.keys()
    assert "床：此字歷來有" in notes["①"] and not notes["①"].startswith("注")
    refs = {r.note for b in doc.blocks for r in b.runs if r.note}
    assert refs == set(notes)
    assert any(b.kind is BlockKind.TABLE for b in doc.blocks)


def test_the_real_book_converts_and_its_mimetype_is_repaired(tmp_path):
    out = tmp_path / "simplified.epub"
    convert_epub(CORPUS / "epub-vertical-zh.epub", out, ("t2s",), "zh-CN")
    with zipfile.ZipFile(out) as zf:
        assert zf.read("mimetype") == b"application/epub+zip"
        opf = zf.read("OEBPS/content.opf").decode()
    assert "<dc:language>zh-CN</dc:language>" in opf
    doc = open_epub(out)
    assert doc.title == "繁体中文竖排书籍范本"
    assert any("床前明月光" in b.text for b in doc.blocks)
