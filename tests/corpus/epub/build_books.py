"""Rebuild the corpus books from the public-domain texts of chinese-poetry/chinese-poetry.

    python tests/corpus/epub/build_books.py PATH/TO/chinese-poetry

Two books, made the way two kinds of tools make them (see SOURCES.md): an EPUB 3
from an ebook tool (h2 headings, nav and NCX, one file per chapter, a footnote),
and an EPUB 2 as an office suite exports it (headings are styled paragraphs,
NCX only, `dc:language` wrongly `en`, the series as the title).
"""

from __future__ import annotations

import html
import json
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
CONTAINER = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">'
    '<rootfiles><rootfile full-path="OEBPS/content.opf" '
    'media-type="application/oebps-package+xml"/></rootfiles></container>\n'
)
UID = "urn:uuid:0b5d6c1e-8f1a-4c36-9a53-6f1de0c2a001"


def write(path: Path, members: dict[str, str]) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip", zipfile.ZIP_STORED)
        zf.writestr("META-INF/container.xml", CONTAINER)
        for name, data in members.items():
            zf.writestr(name, data)


def ncx(title: str, points: list[tuple[str, str]], uid: str) -> str:
    nav = "".join(
        f'<navPoint id="n{i}" playOrder="{i}"><navLabel><text>{html.escape(t)}</text></navLabel>'
        f'<content src="{src}"/></navPoint>'
        for i, (t, src) in enumerate(points, 1)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" '
        f'version="2005-1"><head><meta name="dtb:uid" content="{uid}"/><meta name="dtb:depth" '
        'content="1"/><meta name="dtb:totalPageCount" content="0"/><meta name="dtb:maxPageNumber"'
        f' content="0"/></head><docTitle><text>{html.escape(title)}</text></docTitle>'
        f"<navMap>{nav}</navMap></ncx>\n"
    )


def lunyu(source: Path) -> None:
    """論語 (Simplified in the source), EPUB 3 as an ebook tool writes it."""
    chapters = json.loads((source / "论语" / "lunyu.json").read_text(encoding="utf-8"))
    members: dict[str, str] = {}
    items, spine, nav = [], [], []
    for n, chapter in enumerate(chapters, 1):
        name = f"chapter{n:02d}.xhtml"
        paragraphs = []
        for k, text in enumerate(chapter["paragraphs"]):
            body = html.escape(text, quote=False)
            if n == 1 and k == 0:  # one editorial note (ours, CC0) to carry a footnote
                body = body.replace(
                    "不亦说乎",
                    '不亦说<a epub:type="noteref" href="#note1" id="ref1">1</a>乎',
                )
            paragraphs.append(f"<p>{body}</p>")
        note = (
            '<aside epub:type="footnote" id="note1"><p><a href="#ref1">1</a> 说，读作“悦”。</p></aside>'
            if n == 1
            else ""
        )
        members[f"OEBPS/{name}"] = (
            '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n'
            '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" '
            'xml:lang="zh-CN" lang="zh-CN"><head><title>'
            f'{html.escape(chapter["chapter"])}</title><link rel="stylesheet" type="text/css" '
            'href="book.css"/></head><body><section epub:type="chapter">'
            f'<h2 id="c{n}">{html.escape(chapter["chapter"])}</h2>{"".join(paragraphs)}{note}'
            "</section></body></html>\n"
        )
        items.append(f'<item id="c{n}" href="{name}" media-type="application/xhtml+xml"/>')
        spine.append(f'<itemref idref="c{n}"/>')
        nav.append((chapter["chapter"], name))
    nav_items = "".join(f'<li><a href="{h}">{html.escape(t)}</a></li>' for t, h in nav)
    members["OEBPS/nav.xhtml"] = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n'
        '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" '
        'xml:lang="zh-CN" lang="zh-CN"><head><title>目录</title></head><body>'
        f'<nav epub:type="toc" id="toc"><h1>目录</h1><ol>{nav_items}</ol></nav></body></html>\n'
    )
    members["OEBPS/toc.ncx"] = ncx("论语", nav, UID)
    members["OEBPS/book.css"] = "h2 { text-align: center }\np { text-indent: 2em }\n"
    members["OEBPS/content.opf"] = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<package xmlns="http://www.idpf.org/2007/opf" '
        'version="3.0" unique-identifier="uid" xml:lang="zh-CN"><metadata '
        f'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:identifier id="uid">{UID}</dc:identifier>'
        "<dc:title>论语</dc:title><dc:creator>孔子弟子及再传弟子</dc:creator>"
        "<dc:language>zh-CN</dc:language><dc:subject>儒家经典</dc:subject>"
        '<meta property="dcterms:modified">2026-01-01T00:00:00Z</meta></metadata><manifest>'
        '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>'
        '<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>'
        '<item id="css" href="book.css" media-type="text/css"/>'
        f'{"".join(items)}</manifest><spine toc="ncx">{"".join(spine)}</spine></package>\n'
    )
    write(HERE / "lunyu-epub3.epub", members)


def mengzi(source: Path) -> None:
    """孟子 (Traditional), EPUB 2 as an office suite exports it."""
    chapters = json.loads((source / "四书五经" / "mengzi.json").read_text(encoding="utf-8"))
    members: dict[str, str] = {}
    items, spine, points = [], [], []
    for n, chapter in enumerate(chapters, 1):
        name = f"section{n:04d}.xhtml"
        body = "".join(
            f'<p class="para3"><span class="span2">{html.escape(t, quote=False)}</span></p>'
            for t in chapter["paragraphs"]
        )
        members[f"OEBPS/Text/{name}"] = (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.1//EN" '
            '"http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd">\n'
            '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>孟子</title>'
            '<link href="../Styles/stylesheet.css" rel="stylesheet" type="text/css"/></head>'
            f'<body dir="ltr"><p class="para1" id="toc_id_{n}"><span class="span1">'
            f'{html.escape(chapter["chapter"])}</span></p><p class="para2">&nbsp;</p>{body}'
            "</body></html>\n"
        )
        items.append(f'<item id="s{n}" href="Text/{name}" media-type="application/xhtml+xml"/>')
        spine.append(f'<itemref idref="s{n}"/>')
        points.append((chapter["chapter"], f"Text/{name}#toc_id_{n}"))
    members["OEBPS/toc.ncx"] = ncx("四書", points, UID.replace("a001", "a002"))
    members["OEBPS/Styles/stylesheet.css"] = (
        ".para1 { margin-top: 0.42cm; margin-bottom: 0.21cm; text-align: center }\n"
        ".para2 { margin: 0 }\n.para3 { text-indent: 0.74cm; margin-bottom: 0.25cm }\n"
        ".span1 { font-family: 'Noto Serif CJK TC'; font-size: 18pt; font-weight: bold }\n"
        ".span2 { font-family: 'Noto Serif CJK TC'; font-size: 12pt }\n"
    )
    members["OEBPS/content.opf"] = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<package xmlns="http://www.idpf.org/2007/opf" '
        'version="2.0" unique-identifier="uid"><metadata '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:opf="http://www.idpf.org/2007/opf">'
        f'<dc:identifier id="uid">{UID.replace("a001", "a002")}</dc:identifier>'
        "<dc:title>四書</dc:title><dc:creator>孟子</dc:creator><dc:language>en</dc:language>"
        '</metadata><manifest><item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>'
        '<item id="css" href="Styles/stylesheet.css" media-type="text/css"/>'
        f'{"".join(items)}</manifest><spine toc="ncx">{"".join(spine)}</spine></package>\n'
    )
    write(HERE / "mengzi-office.epub", members)


if __name__ == "__main__":
    root = Path(sys.argv[1])
    lunyu(root)
    mengzi(root)
