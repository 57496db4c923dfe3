"""Small EPUBs written by tests: a valid EPUB 3 skeleton with the parts a test changes."""

from __future__ import annotations

import html
import struct
import zipfile
import zlib
from collections.abc import Mapping, Sequence
from pathlib import Path

CONTAINER = """<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>
"""

CSS = "p.title { font-weight: bold; text-align: center; font-size: 1.5em }\nbody { margin: 0 }\n"


def tiny_png() -> bytes:
    """A valid 1×1 grey PNG (epubcheck looks inside pictures)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\x80"))
        + chunk(b"IEND", b"")
    )


def xhtml(body: str, lang: str = "zh-TW", title: str = "章") -> str:
    """A chapter file around `body`."""
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n'
        '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" '
        f'xml:lang="{lang}" lang="{lang}">\n<head><title>{title}</title>'
        '<link rel="stylesheet" type="text/css" href="style.css"/></head>\n'
        f"<body>\n{body}\n</body>\n</html>\n"
    )


def nav_xhtml(entries: Sequence[tuple[str, str, Sequence]], lang: str = "zh-TW") -> str:
    """An EPUB 3 nav document; entries are (title, href, children)."""

    def items(es: Sequence[tuple[str, str, Sequence]]) -> str:
        out = []
        for title, href, children in es:
            sub = f"<ol>{items(children)}</ol>" if children else ""
            out.append(f'<li><a href="{href}">{html.escape(title)}</a>{sub}</li>')
        return "".join(out)

    return xhtml(
        f'<nav epub:type="toc" id="toc"><h1>目錄</h1><ol>{items(entries)}</ol></nav>', lang
    )


def ncx(entries: Sequence[tuple[str, str, Sequence]], title: str = "書") -> str:
    """An EPUB 2 NCX; entries are (title, src, children)."""
    counter = iter(range(1, 10_000))

    def points(es: Sequence[tuple[str, str, Sequence]]) -> str:
        out = []
        for label, src, children in es:
            n = next(counter)
            out.append(
                f'<navPoint id="np{n}" playOrder="{n}"><navLabel><text>{html.escape(label)}</text>'
                f'</navLabel><content src="{src}"/>{points(children)}</navPoint>'
            )
        return "".join(out)

    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1" xml:lang="zh-TW">'
        '<head><meta name="dtb:uid" content="urn:uuid:12345678-1234-1234-1234-123456789abc"/>'
        '<meta name="dtb:depth" content="2"/><meta name="dtb:totalPageCount" content="0"/>'
        '<meta name="dtb:maxPageNumber" content="0"/></head>'
        f"<docTitle><text>{html.escape(title)}</text></docTitle>"
        f"<navMap>{points(entries)}</navMap></ncx>\n"
    )


def opf(
    chapters: Sequence[str],
    title: str = "測試書",
    creators: Sequence[str] = ("作者甲",),
    language: str = "zh-TW",
    nav: bool = True,
    has_ncx: bool = False,
    extra_items: Sequence[tuple[str, str, str, str]] = (),
    spine_extra: Sequence[str] = (),
    description: str = "",
) -> str:
    """A package document; `extra_items` are (id, href, media-type, properties)."""
    items = ['<item id="css" href="style.css" media-type="text/css"/>']
    if nav:
        items.append(
            '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>'
        )
    if has_ncx:
        items.append('<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>')
    for n, name in enumerate(chapters):
        items.append(f'<item id="c{n}" href="{name}" media-type="application/xhtml+xml"/>')
    for item_id, href, media, props in extra_items:
        prop = f' properties="{props}"' if props else ""
        items.append(f'<item id="{item_id}" href="{href}" media-type="{media}"{prop}/>')
    spine = "".join(f'<itemref idref="c{n}"/>' for n in range(len(chapters)))
    spine += "".join(f'<itemref idref="{i}"/>' for i in spine_extra)
    creators_xml = "".join(f"<dc:creator>{html.escape(c)}</dc:creator>" for c in creators)
    desc = f"<dc:description>{html.escape(description)}</dc:description>" if description else ""
    toc_attr = ' toc="ncx"' if has_ncx else ""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid" '
        f'xml:lang="{language}">\n'
        '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">'
        '<dc:identifier id="uid">urn:uuid:12345678-1234-1234-1234-123456789abc</dc:identifier>'
        f"<dc:title>{html.escape(title)}</dc:title>{creators_xml}"
        f"<dc:language>{language}</dc:language>{desc}"
        '<meta property="dcterms:modified">2026-01-01T00:00:00Z</meta></metadata>\n'
        f"<manifest>{''.join(items)}</manifest>\n<spine{toc_attr}>{spine}</spine>\n</package>\n"
    )


def write_epub(
    path: Path,
    members: Mapping[str, str | bytes],
    container: str | None = CONTAINER,
    mimetype: bool = True,
) -> Path:
    """Write an EPUB: `mimetype` first and stored, then `members` (paths in the archive)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        if mimetype:
            zf.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip", zipfile.ZIP_STORED)
        if container is not None:
            zf.writestr("META-INF/container.xml", container)
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def simple_book(
    path: Path,
    chapters: Mapping[str, str],
    toc: Sequence[tuple[str, str, Sequence]] | None = None,
    use_ncx: bool = False,
    extra: Mapping[str, str | bytes] | None = None,
    **opf_args,
) -> Path:
    """A book of XHTML `chapters` (file name → body) in OEBPS/ with a nav (or NCX) of `toc`."""
    members: dict[str, str | bytes] = {"OEBPS/style.css": CSS}
    for name, body in chapters.items():
        members[f"OEBPS/{name}"] = xhtml(body)
    entries = toc if toc is not None else []
    nav = not use_ncx
    if nav:
        members["OEBPS/nav.xhtml"] = nav_xhtml(entries)
    if use_ncx:
        members["OEBPS/toc.ncx"] = ncx(entries)
    members["OEBPS/content.opf"] = opf(list(chapters), nav=nav, has_ncx=use_ncx, **opf_args)
    members.update(extra or {})
    return write_epub(path, members)
