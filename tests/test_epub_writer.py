"""Writing a converted EPUB: only text and Chinese language tags change."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from reader.cli import main
from reader.core.convert import ScriptMode, convert
from reader.core.formats.epub import EncryptedBookError, open_epub
from reader.core.formats.epub_writer import convert_epub, language_tag, split_like
from tests.epub_books import CSS, opf, simple_book, tiny_png, write_epub, xhtml

CHAPTER = (
    '<h1 id="c1">第一章 开始</h1>'
    '<p class="x" style="color: red">她的<b>头</b>发很干净。皇后说：<a href="c2.xhtml#s">软件</a>。</p>'
    "<pre>头发 = 1</pre><p>用<code>头发</code>写</p><p>一行<br/>发现</p>"
    "<p><ruby>汉<rt>hàn</rt></ruby>字 &amp; 符号&#x4e00;</p>"
    '<p><img src="images/p.png" alt="头发的图" title=\'皇后\'/>'
    '<a href="c2.xhtml#s" title="软件说明">看</a></p>'
)
PICTURE = tiny_png()


@pytest.fixture
def book(tmp_path: Path) -> Path:
    return simple_book(
        tmp_path / "简体.epub",
        {"c1.xhtml": CHAPTER, "c2.xhtml": '<h2 id="s">软件说明</h2><p>说明书。</p>'},
        toc=[("第一章 开始", "c1.xhtml", [("软件说明", "c2.xhtml#s", [])])],
        title="简体书名",
        creators=("鲁迅",),
        description="这是一本书的说明",
        language="zh-CN",
        extra={"OEBPS/images/p.png": PICTURE},
        extra_items=[("p", "images/p.png", "image/png", "")],
    )


def converted(book: Path, tmp_path: Path, chain=("s2twp",), language="zh-TW") -> Path:
    out = tmp_path / "out.epub"
    convert_epub(book, out, chain, language)
    return out


def member(path: Path, name: str) -> str:
    with zipfile.ZipFile(path) as zf:
        return zf.read(name).decode("utf-8")


def test_text_is_converted_per_paragraph_across_inline_tags(book, tmp_path):
    text = member(converted(book, tmp_path), "OEBPS/c1.xhtml")
    assert "她的<b>頭</b>髮很乾淨。皇后說：" in text  # not 頭發 / 幹淨 / 皇後
    assert '<a href="c2.xhtml#s">軟體</a>' in text
    assert '<h1 id="c1">第一章 開始</h1>' in text


def test_code_is_never_converted(book, tmp_path):
    text = member(converted(book, tmp_path), "OEBPS/c1.xhtml")
    assert "<pre>头发 = 1</pre>" in text and "<code>头发</code>" in text
    assert "一行<br/>發現" in text


def test_markup_attributes_and_entities_are_unchanged(book, tmp_path):
    before = member(book, "OEBPS/c1.xhtml")
    after = member(converted(book, tmp_path), "OEBPS/c1.xhtml")
    tags = re.compile(r"<[^>]*>|&[#\w]+;")
    # Only what a reader reads changes: attributes that describe (alt, title) are text.
    described = re.compile(r"""(alt|title)=(["'])[^"']*\2""")
    assert [described.sub(r"\1", t) for t in tags.findall(after)] == [
        described.sub(r"\1", t) for t in tags.findall(before)
    ]
    assert described.findall(after) and after.count("<") == before.count("<")
    assert len(after) == len(before)


def test_css_pictures_and_the_mimetype(book, tmp_path):
    out = converted(book, tmp_path)
    with zipfile.ZipFile(out) as zf:
        first = zf.infolist()[0]
        assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED
        assert zf.read("mimetype") == b"application/epub+zip"
        assert zf.read("OEBPS/style.css") == CSS.encode()
        assert zf.read("OEBPS/images/p.png") == PICTURE
        with zipfile.ZipFile(book) as original:
            assert [i.filename for i in zf.infolist()] == [i.filename for i in original.infolist()]


def test_metadata_nav_and_language(book, tmp_path):
    out = converted(book, tmp_path)
    package = member(out, "OEBPS/content.opf")
    assert "<dc:title>簡體書名</dc:title>" in package
    assert "<dc:creator>魯迅</dc:creator>" in package
    assert "<dc:description>這是一本書的說明</dc:description>" in package
    assert "<dc:language>zh-TW</dc:language>" in package and 'xml:lang="zh-TW"' in package
    assert "urn:uuid:12345678-1234-1234-1234-123456789abc" in package
    nav = member(out, "OEBPS/nav.xhtml")
    assert ">軟體說明</a>" in nav and 'xml:lang="zh-TW" lang="zh-TW"' in nav
    doc = open_epub(out)
    assert doc.title == "簡體書名" and doc.language == "zh-TW"
    assert [e.title for e in doc.toc.walk()] == ["第一章 開始", "軟體說明"]


def test_ncx_labels_are_converted(tmp_path):
    book = simple_book(
        tmp_path / "ncx.epub",
        {"a.xhtml": "<h1>头发</h1>"},
        toc=[("头发", "a.xhtml", [])],
        use_ncx=True,
        language="zh-CN",
    )
    ncx = member(converted(book, tmp_path, ("s2t",), "zh-Hant"), "OEBPS/toc.ncx")
    assert "<text>頭髮</text>" in ncx and 'xml:lang="zh-Hant"' in ncx
    assert "<text>書</text>" in ncx


def test_original_language_tags_stay_without_a_language(book, tmp_path):
    package = member(converted(book, tmp_path, ("s2t",), ""), "OEBPS/content.opf")
    assert "<dc:language>zh-CN</dc:language>" in package


def test_language_tags_by_target():
    assert language_tag(ScriptMode.SIMPLIFIED) == "zh-CN"
    assert language_tag(ScriptMode.TAIWAN) == "zh-TW"
    assert language_tag(ScriptMode.HONGKONG) == "zh-HK"
    assert language_tag(ScriptMode.ORIGINAL) == ""


def test_split_like_keeps_cuts_and_whole_phrases():
    def split(*pieces: str) -> list[str]:
        return split_like(pieces, convert("".join(pieces), ("s2twp",)), ("s2twp",))

    assert split("头", "发") == ["頭", "髮"]
    assert split("我的U", "盘") == ["我的隨身碟", ""]
    assert split("出租", "车来了") == ["計程", "車來了"]  # same length: same cut
    assert split("a", "U盘", "b") == ["a", "隨身碟", "b"]
    assert split("坐出租车", "去", "买U盘") == ["坐計程車", "去", "買隨身碟"]


def test_a_bad_book_writes_nothing(tmp_path):
    encryption = (
        '<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" '
        'xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData>'
        '<enc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc"/>'
        '<enc:CipherData><enc:CipherReference URI="OEBPS/a.xhtml"/></enc:CipherData>'
        "</enc:EncryptedData></encryption>"
    )
    book = write_epub(
        tmp_path / "drm.epub",
        {
            "META-INF/encryption.xml": encryption,
            "OEBPS/a.xhtml": xhtml("<p>字</p>"),
            "OEBPS/content.opf": opf(["a.xhtml"], nav=False),
        },
    )
    out = tmp_path / "out.epub"
    with pytest.raises(EncryptedBookError):
        convert_epub(book, out, ("s2t",), "zh-Hant")
    assert not out.exists() and list(tmp_path.iterdir()) == [book]


def test_zhreader_convert_writes_an_epub(book, tmp_path, capsys):
    out = tmp_path / "cli.epub"
    assert main(["convert", str(book), "--to", "taiwan", "--phrases", "-o", str(out)]) == 0
    assert "軟體" in open_epub(out).text
    assert main(["convert", str(book), "--to", "taiwan"]) == 1
    assert "-o FILE.epub" in capsys.readouterr().err
    rules = tmp_path / "rules.json"
    rules.write_text('{"rules": []}', encoding="utf-8")
    assert main(["convert", str(book), "--rules", str(rules), "-o", str(tmp_path / "r.epub")]) == 1
    assert "--rules work on text files" in capsys.readouterr().err  # not silently ignored


def _epubcheck() -> list[str] | None:
    jar = Path("/usr/share/java/epubcheck.jar")
    if jar.exists() and shutil.which("java"):
        return ["java", "-jar", str(jar)]
    found = shutil.which("epubcheck")
    return [found] if found else None


@pytest.mark.skipif(_epubcheck() is None, reason="epubcheck is not installed (Debian: epubcheck)")
def test_converted_book_passes_epubcheck_when_the_input_does(book, tmp_path):
    command = _epubcheck()
    assert command is not None
    source = subprocess.run([*command, str(book)], capture_output=True, text=True, check=False)
    assert source.returncode == 0, source.stdout + source.stderr
    out = converted(book, tmp_path)
    done = subprocess.run([*command, str(out)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


HOSTILE = (
    "<!--" * 20_000,
    "<!DOCTYPE x [" + "[" * 20_000,
    "<?" * 20_000,
    "a < b > c <<<>>> <p" + "<" * 20_000,
    '<p title="x>y">头发</p><![CDATA[<p>头发</p>]]><!DOCTYPE x [<!ENTITY e "<p>">]><p>头发',
)


@pytest.mark.parametrize("content", HOSTILE)
def test_any_markup_is_copied_exactly_and_quickly(tmp_path, content):
    import time

    book = write_epub(
        tmp_path / "hostile.epub",
        {
            "OEBPS/a.xhtml": content,
            "OEBPS/content.opf": opf(["a.xhtml"], nav=False),
            "OEBPS/style.css": "/*" * 50_000 + "p" * 100_000,
        },
    )
    out = tmp_path / "same.epub"
    start = time.perf_counter()
    convert_epub(book, out, (), "")
    assert member(out, "OEBPS/a.xhtml") == content
    convert_epub(book, out, ("s2t",), "zh-Hant")
    open_epub(book)
    assert time.perf_counter() - start < 10


def test_text_outside_tags_and_in_a_title_attribute(tmp_path):
    content = xhtml('<p title="头发">头发</p><![CDATA[头发]]><!-- 头发 --><p>a < b 头发</p>')
    book = write_epub(
        tmp_path / "attrs.epub",
        {"OEBPS/a.xhtml": content, "OEBPS/content.opf": opf(["a.xhtml"], nav=False)},
    )
    out = tmp_path / "out.epub"
    convert_epub(book, out, ("s2t",), "")
    text = member(out, "OEBPS/a.xhtml")
    assert '<p title="頭髮">頭髮</p><![CDATA[头发]]><!-- 头发 --><p>a < b 頭髮</p>' in text


def test_a_failed_write_is_raised_and_leaves_nothing(book, tmp_path, monkeypatch):
    # A write that fails after the first member (a full disk) reaches the caller, and the
    # half-written copy goes.
    writestr = zipfile.ZipFile.writestr

    def full_disk(self, info, *args, **kwargs):
        if getattr(info, "filename", info) == "mimetype":  # written before the thread starts
            return writestr(self, info, *args, **kwargs)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(zipfile.ZipFile, "writestr", full_disk)
    out = tmp_path / "out.epub"
    with pytest.raises(OSError, match="No space left"):
        convert_epub(book, out, ("s2t",), "zh-Hant")
    assert not out.exists() and sorted(p.name for p in tmp_path.iterdir()) == [book.name]


def test_picture_descriptions_and_link_titles_are_converted(book, tmp_path):
    text = member(converted(book, tmp_path, ("s2t",), "zh-Hant"), "OEBPS/c1.xhtml")
    assert '<img src="images/p.png" alt="頭髮的圖" title=\'皇后\'/>' in text
    assert '<a href="c2.xhtml#s" title="軟件說明">' in text


def test_a_style_sheet_title_is_a_name_and_stays(tmp_path):
    chapter = xhtml('<p title="头发">头发</p>', "zh-CN").replace(
        "<link rel=", '<link title="默认样式" rel='
    )
    book = write_epub(
        tmp_path / "css.epub",
        {
            "OEBPS/style.css": CSS,
            "OEBPS/a.xhtml": chapter,
            "OEBPS/content.opf": opf(["a.xhtml"], nav=False, language="zh-CN"),
        },
    )
    text = member(converted(book, tmp_path, ("s2t",), "zh-Hant"), "OEBPS/a.xhtml")
    assert '<link title="默认样式" rel=' in text
    assert '<p title="頭髮">頭髮</p>' in text
