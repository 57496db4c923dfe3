"""`zhreader export`: the window's pipeline for scripts, as TXT, Markdown, HTML and PDF."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from reader.cli import main


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_export_text_in_simplified(capsys, article_path, tmp_path):
    out_file = tmp_path / "article.txt"
    code, out, err = run(
        capsys, "export", str(article_path), "--to", "simplified", "-o", str(out_file)
    )
    assert (code, out, err) == (0, "", "")
    text = out_file.read_text(encoding="utf-8")
    assert text.startswith("重庆永川:加快建设西部数字产业基地\n")
    assert "\u3000\u3000察势者智,驭势者赢。" in text
    assert "圖片未收錄" not in text and "图片未收录" not in text


def test_export_markdown_keeps_the_structure(capsys, article_path):
    code, out, _ = run(capsys, "export", str(article_path), "--format", "md")
    assert code == 0
    assert out.startswith("# 重慶永川:加快建設西部數字産業基地\n")
    assert "\n## 開局 數字産業向陽而生\n" in out
    assert "\n*圖 1 重慶雲谷·永川大數據産業園 攝/陳科儒*\n" in out


def test_export_html_is_one_standalone_page(capsys, article_path):
    code, out, _ = run(capsys, "export", str(article_path), "--format", "html", "--to", "taiwan")
    assert code == 0
    assert out.startswith("<!DOCTYPE html>") and '<html lang="zh">' in out
    assert "<title>重慶永川:加快建設西部數字產業基地</title>" in out
    assert "<h2" in out and '<p class="paragraph">' in out
    assert "<script" not in out and "http" not in out.split("<body>")[0]


def test_export_html_escapes_the_document(capsys, write):
    doc = write("tags.txt", "標題\n\n<script>alert(1)</script> 與 & 符號。\n")
    code, out, _ = run(capsys, "export", str(doc), "--format", "html")
    assert code == 0
    assert "<script>" not in out.split("<body>")[1]
    assert "&lt;script&gt;alert(1)&lt;/script&gt; 與 &amp; 符號。" in out


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")
def test_export_pdf_in_simplified_from_a_script(article_path, tmp_path):
    pdf = tmp_path / "article.pdf"
    done = subprocess.run(
        [sys.executable, "-m", "reader", "export", str(article_path), "--to", "simplified",
         "--format", "pdf", "-o", str(pdf)],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout == "" and "Traceback" not in done.stderr
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "重庆永川:加快建设西部数字产业基地" in text
    assert "察势者智,驭势者赢。" in text
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    assert "重庆永川:加快建设西部数字产业基地" in info


def test_export_pdf_without_a_file_is_a_usage_error(capsys, article_path):
    with pytest.raises(SystemExit) as exit_:
        main(["export", str(article_path), "--format", "pdf"])
    assert exit_.value.code == 2
    assert "-o FILE.pdf" in capsys.readouterr().err


def test_export_of_a_missing_file_says_so_in_one_line(capsys, tmp_path):
    code, out, err = run(capsys, "export", str(tmp_path / "gone.txt"), "--format", "md")
    assert code == 1 and out == ""
    assert err == f"zhreader: {tmp_path / 'gone.txt'}: no such file\n"
