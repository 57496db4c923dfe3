"""The spans a book wraps around every sentence (calibre) are read as their text; the ones
that matter (an anchor, a bold class, a style, a note) keep what they mean."""

from __future__ import annotations

from reader.core.document import Run
from reader.core.formats.epub import open_epub
from tests.epub_books import CSS, simple_book

PARAGRAPH = (
    '<p class="calibre1"><span class="calibre2">甲</span><span class="c3" data-rel="">乙</span>'
    '<span id="x" class="calibre2">丙</span><span class="heavy">丁</span>、'
    '<span style="font-weight: bold">戊</span>'
    '<span epub:type="noteref"><a epub:type="noteref" href="#n1">1</a></span>'
    '<span class="calibre2">己<b>庚</b>辛</span></p>'
    '<aside epub:type="footnote" id="n1"><p><span class="calibre2">注文</span></p></aside>'
    '<p><span class="calibre2">見</span><a href="#x">丙</a></p>'
)


def test_plain_spans_are_their_text_and_meaningful_ones_stay(tmp_path):
    book = simple_book(
        tmp_path / "spans.epub",
        {"c.xhtml": PARAGRAPH},
        extra={"OEBPS/style.css": CSS + ".heavy { font-weight: bold }\n"},
    )
    doc = open_epub(book)
    para = doc.blocks[0]
    assert para.runs == (
        Run("甲乙丙"),
        Run("丁", bold=True),  # a class the book's CSS makes bold
        Run("、"),
        Run("戊", bold=True),  # a style
        Run("1", note="1"),
        Run("己"),
        Run("庚", bold=True),
        Run("辛"),
    )
    assert doc.anchors["OEBPS/c.xhtml#x"] == 0  # the span's id still leads to its paragraph
    assert [b.text for b in doc.blocks if b.label == "1"] == ["注文"]
