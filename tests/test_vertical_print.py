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
