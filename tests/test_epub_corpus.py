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
