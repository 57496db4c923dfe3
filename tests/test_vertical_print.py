"""Printing vertically: PDF pages whose text extracts in reading order."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")

CHAPTER = (
    "第一回　宴桃園豪傑三結義\n\n"
    + (
        "話說天下大勢，分久必合，合久必分。周末七國分爭，并入於秦。及秦滅之後，楚、漢分爭，"
        "又并入於漢。漢朝自高祖斬白蛇而起義，一統天下。\n\n"
    )
    * 40
)


def test_vertical_pdf_export_extracts_in_reading_order(tmp_path):
    source = tmp_path / "三國.txt"
    source.write_text(CHAPTER, encoding="utf-8")
    pdf = tmp_path / "三國.pdf"
    subprocess.run(
        [sys.executable, "-m", "reader", "export", str(source), "--format", "pdf", "--vertical",
         "-o", str(pdf)],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    pages = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    assert int(pages.split("Pages:")[1].split()[0]) >= 2
    # In content order (-raw): the columns right to left, each top to bottom.
    raw = subprocess.run(
        ["pdftotext", "-raw", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    flat = "".join(line for line in raw.split() if not line.isdigit())  # page numbers out
    expected = "".join(CHAPTER.split()).replace("　", "")
    assert flat.replace("　", "") == expected


def test_vertical_pdf_pages_are_set_from_the_right(tmp_path):
    source = tmp_path / "短.txt"
    source.write_text("天地玄黃，宇宙洪荒。\n", encoding="utf-8")
    pdf = tmp_path / "短.pdf"
    subprocess.run(
        [sys.executable, "-m", "reader", "export", str(source), "--format", "pdf", "--vertical",
         "-o", str(pdf)],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    box = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    words = [
        line for line in box.splitlines() if "<word" in line and not line.endswith(">1</word>")
    ]
    first = words[0]
    x_min = float(first.split('xMin="')[1].split('"')[0])
    y_min = float(first.split('yMin="')[1].split('"')[0])
    assert x_min > 595 * 0.6  # A4 is 595 points wide: the first column is at the right
    assert y_min < 842 * 0.2  # and starts at the top


def _rightmost_word(pdf) -> tuple[str, float, float]:
    """The text, left and top of the first word of the rightmost column on the first page."""
    box = subprocess.run(
        ["pdftotext", "-bbox", "-l", "1", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    words = []
    for line in box.splitlines():
        if "<word" in line:
            x_max = float(line.split('xMax="')[1].split('"')[0])
            x_min = float(line.split('xMin="')[1].split('"')[0])
            y_min = float(line.split('yMin="')[1].split('"')[0])
            words.append((round(x_max / 6), -y_min, line.split(">")[1].split("<")[0], x_min))
    _, top, text, x_min = max(words)  # the rightmost column (within 6 pt), its topmost word
    y_min = -top
    return text, x_min, y_min


def test_the_window_exports_the_pdf_vertically_when_reading_vertically(
    make_window, qtbot, tmp_path, write
):
    window = make_window(str(write("三國.txt", CHAPTER)))
    window.actions_.vertical.trigger()
    pdf = tmp_path / "out.pdf"
    assert window.exporter.write_pdf(str(pdf), window.session.rendition)
    text, x_min, y_min = _rightmost_word(pdf)
    assert text.startswith("第") and x_min > 595 * 0.6 and y_min < 842 * 0.2
    window.actions_.vertical.trigger()  # horizontal again: the PDF is horizontal too
    assert window.exporter.write_pdf(str(pdf), window.session.rendition)
    text, _, _ = _rightmost_word(pdf)
    assert not text.startswith("第")


def test_a_long_document_is_set_vertically_in_its_own_process(qapp, tmp_path):
    from PySide6.QtGui import QFont

    from reader.core.opening import open_document
    from reader.core.rendition import prepare
    from reader.ui.view.printing import write_pdf_in_process

    source = tmp_path / "三國.txt"
    source.write_text(CHAPTER, encoding="utf-8")
    prepared = prepare(open_document(source))
    pdf = tmp_path / "out.pdf"
    write_pdf_in_process(
        str(pdf), prepared.document.blocks, prepared.texts, "三國", QFont("Noto Serif CJK TC"),
        vertical=True,
    )  # fmt: skip
    text, x_min, y_min = _rightmost_word(pdf)
    assert text.startswith("第") and x_min > 595 * 0.6 and y_min < 842 * 0.2


def test_simplified_punctuation_in_a_vertical_pdf_copies_as_the_text_not_vertical_forms(tmp_path):
    source = tmp_path / "简.txt"
    text = "话说天下大势：分久必合，合久必分；「周末七国分争」，并入于秦。"
    source.write_text(text + "\n", encoding="utf-8")
    pdf = tmp_path / "简.pdf"
    subprocess.run(
        [sys.executable, "-m", "reader", "export", str(source), "--format", "pdf", "--vertical",
         "-o", str(pdf)],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    raw = subprocess.run(
        ["pdftotext", "-raw", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    flat = "".join(raw.split())
    assert text in flat
    assert not any("\ufe10" <= c <= "\ufe4f" for c in flat)
