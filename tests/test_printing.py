"""Paper: the article as a PDF a person can read, set by the same layouter as the screen.

Sizes are read back from the PDF with poppler's `pdftotext -bbox`: a CJK
character is one em wide, so a word's width divided by its characters is the
font size in points (box heights include the font's ascent and descent).
"""

from __future__ import annotations

import re
import shutil
import statistics
import subprocess
import unicodedata
from pathlib import Path

import pytest
from PySide6.QtGui import QFont

from reader.core.document import BlockKind
from reader.core.opening import open_document
from reader.core.rendition import prepare
from reader.ui.view.printing import MIN_LINES, write_pdf

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) is not installed"
)
_WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
)


def words(pdf: Path) -> list[tuple[float, float, float, float, str]]:
    out = pdf.with_suffix(".html")
    subprocess.run(["pdftotext", "-bbox", str(pdf), str(out)], check=True)
    found = []
    for m in _WORD.finditer(out.read_text(encoding="utf-8")):
        found.append((*(float(m.group(i)) for i in range(1, 5)), m.group(5)))
    return found


def pdf_text(pdf: Path) -> str:
    done = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True)
    # The font draws —— as one two-em-dash glyph, which a PDF names U+2E3A (the same dash).
    return done.stdout.replace("\u2e3a", "——")


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def han_sizes(found) -> list[float]:
    """Font size in points of the words set mostly in full-width characters (one em each;
    the few half-width ones, such as the article's ASCII commas, count as 0.4 em)."""
    sizes = []
    for x0, _, x1, _, t in found:
        wide = sum(unicodedata.east_asian_width(c) in "WF" for c in t)
        if wide >= 6 and wide >= 0.85 * len(t):
            sizes.append((x1 - x0) / (wide + 0.4 * (len(t) - wide)))
    return sizes


@pytest.fixture
def article_pdf(qapp, tmp_path, article_path):
    doc = open_document(article_path)
    prepared = prepare(doc)
    pdf = tmp_path / "article.pdf"
    pages = write_pdf(str(pdf), doc.blocks, prepared.texts, doc.title, QFont("Noto Serif CJK TC"))
    return pdf, prepared, pages


def test_the_article_prints_at_a_readable_size(article_pdf):
    pdf, _, pages = article_pdf
    sizes = han_sizes(words(pdf))
    assert len(sizes) > 50
    assert 9 <= statistics.median(sizes) <= 14  # body text: 11 pt
    assert max(sizes) <= 24  # the title: 1.75 × body
    assert 2 <= pages <= 8


def test_every_character_of_the_article_is_on_paper_in_order(article_pdf):
    pdf, prepared, _ = article_pdf
    printed = squeeze(pdf_text(pdf))
    position = 0
    for text in prepared.texts:
        expected = squeeze(text)
        found = printed.find(expected, position)
        assert found >= 0, f"missing or out of order: {text[:30]}"
        position = found + len(expected)


def test_pages_are_numbered_and_the_pdf_carries_the_title(article_pdf):
    pdf, _, pages = article_pdf
    footers = {t for _, y0, _, _, t in words(pdf) if y0 > 760 and t.isdigit()}
    assert footers == {str(n) for n in range(1, pages + 1)}
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "重慶永川:加快建設西部數字産業基地" in info


def test_text_copied_from_the_pdf_is_the_text_not_look_alike_radicals(article_pdf):
    pdf, _, _ = article_pdf
    text = pdf_text(pdf)
    assert "中國人民大學" in text and "重慶日報" in text
    assert not [c for c in text if 0x2E80 <= ord(c) < 0x2FE0]  # ⺠ for 民, ⽇ for 日


def test_a_figure_is_one_quiet_line_and_never_the_words_picture_missing(article_pdf):
    pdf, prepared, _ = article_pdf
    text = pdf_text(pdf)
    assert "圖片未收錄" not in text
    assert "圖 1 重慶雲谷·永川大數據産業園 攝/陳科儒" in text
    figure = prepared.kinds.index((BlockKind.FIGURE, 0))
    assert prepared.texts[figure] == "圖 1 重慶雲谷·永川大數據産業園 攝/陳科儒"


def test_pages_break_between_lines_leaving_no_lone_line_of_a_paragraph(qapp, tmp_path):
    # Each paragraph is written with its own character, so its lines can be told apart.
    marks = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥天地玄黃宇宙洪荒"
    book = tmp_path / "novel.txt"
    book.write_text("長篇\n\n" + "\n\n".join(m * 200 for m in marks) + "\n", encoding="utf-8")
    doc = open_document(book)
    pdf = tmp_path / "novel.pdf"
    pages = write_pdf(str(pdf), doc.blocks, prepare(doc).texts, doc.title, QFont())
    out = pdf.with_suffix(".html")
    subprocess.run(["pdftotext", "-bbox", str(pdf), str(out)], check=True)
    per_page = out.read_text(encoding="utf-8").split("<page ")[1:]
    assert len(per_page) == pages >= 3
    split = 0
    for mark in marks:
        counts = [len({y for *_, y, t in _lines(page) if t[0] == mark}) for page in per_page]
        parts = [c for c in counts if c]
        assert sum(parts) >= 4  # every line printed
        if len(parts) > 1:
            split += 1
            assert min(parts) >= MIN_LINES, f"{mark}: lines per page {parts}"
    assert split >= 1  # the test did break paragraphs over pages


def _lines(page: str):
    for m in _WORD.finditer(page):
        yield float(m.group(1)), round(float(m.group(2))), m.group(5)


def test_a_pdf_that_cannot_be_completed_leaves_the_old_file(
    qapp, tmp_path, article_path, monkeypatch
):
    doc = open_document(article_path)
    pdf = tmp_path / "article.pdf"
    pdf.write_bytes(b"%PDF-1.4 the old one")
    monkeypatch.setattr("reader.ui.view.printing._complete_pdf", lambda path: False)
    with pytest.raises(OSError, match="disk full"):
        write_pdf(str(pdf), doc.blocks, prepare(doc).texts, doc.title, QFont())
    assert pdf.read_bytes() == b"%PDF-1.4 the old one"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["article.pdf"]
