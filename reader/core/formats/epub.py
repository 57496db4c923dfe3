"""EPUB 2 and 3 books → `Document`: the spine's XHTML as typed blocks, the book's own outline.

What a broken book still holds is opened and the rest reported in
`Document.warnings`; what cannot be opened raises one `LoadError` subclass with a
one-line message (epub_archive.py). Pictures are not read here: an IMAGE block
names its archive member and the view reads it with `read_member` when it is
shown. See docs/epub.md for the measurements.
"""

from __future__ import annotations

import bisect
import os
import posixpath
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from lxml import etree

from reader.core.document import Block, BlockKind, Document, Image, Metadata
from reader.core.formats.epub_archive import (
    XHTML_TYPES,
    DamagedBookError,
    DamagedMemberError,
    EncryptedBookError,
    EpubArchive,
    ManifestItem,
    MissingPartError,
    NotAnEpubError,
    Package,
    ZipBombError,
    element_text,
    local_name,
    read_member,
    resolve,
)
from reader.core.formats.epub_xhtml import BookReader, ClassStyle, class_styles, epub_types
from reader.core.loading import DEFAULT_SIZE_LIMIT
from reader.core.messages import Notice
from reader.core.outline import Outline, OutlineEntry

__all__ = [
    "DamagedBookError",
    "EncryptedBookError",
    "MissingPartError",
    "NotAnEpubError",
    "ZipBombError",
    "open_epub",
    "open_epub_in_steps",
    "read_member",
]


# The table of contents


@dataclass
class _TocNode:
    title: str
    target: str
    children: list[_TocNode] = field(default_factory=list)


def _nav_toc(archive: EpubArchive, member: str) -> list[_TocNode]:
    root = archive.xml(member)
    if root is None:
        return []
    navs = [el for el in root.iter() if local_name(el) == "nav"]
    toc = next(
        (n for n in navs if "toc" in epub_types(n)),
        navs[0] if navs else None,
    )
    if toc is None:
        return []
    top = next((c for c in toc.iter() if local_name(c) in ("ol", "ul")), None)
    return _nav_list(top, posixpath.dirname(member)) if top is not None else []


def _nav_list(ol: etree._Element, base: str) -> list[_TocNode]:
    nodes = []
    for li in ol:
        if local_name(li) != "li":
            continue
        link = next((c for c in li if local_name(c) in ("a", "span")), None)
        title = " ".join(element_text(link).split()) if link is not None else ""
        href = link.get("href", "") if link is not None else ""
        sub = next((c for c in li if local_name(c) in ("ol", "ul")), None)
        children = _nav_list(sub, base) if sub is not None else []
        nodes.append(_TocNode(title, _target(base, href), children))
    return nodes


def _ncx_toc(archive: EpubArchive, member: str) -> list[_TocNode]:
    root = archive.xml(member)
    if root is None:
        return []
    nav_map = next((el for el in root.iter() if local_name(el) == "navmap"), None)
    return _ncx_points(nav_map, posixpath.dirname(member)) if nav_map is not None else []


def _ncx_points(parent: etree._Element, base: str) -> list[_TocNode]:
    nodes = []
    for point in parent:
        if local_name(point) != "navpoint":
            continue
        label = next((c for c in point if local_name(c) == "navlabel"), None)
        title = " ".join(element_text(label).split()) if label is not None else ""
        content = next((c for c in point if local_name(c) == "content"), None)
        href = content.get("src", "") if content is not None else ""
        nodes.append(_TocNode(title, _target(base, href), _ncx_points(point, base)))
    return nodes


def _target(base: str, href: str) -> str:
    parts = urlsplit(href)
    member = resolve(base, parts.path) if parts.path else None
    if member is None:
        return ""
    return f"{member}#{parts.fragment}" if parts.fragment else member


def _key(title: str) -> str:
    return "".join(title.split())


def _promote_toc_headings(blocks: list[Block], nodes: list[_TocNode], targets: _Targets) -> None:
    """A paragraph a TOC entry points at (or the first few of its file) whose text is the
    entry's title is that section's heading, at the entry's depth."""

    def visit(nodes: list[_TocNode], depth: int) -> None:
        for node in nodes:
            start = targets.block(node)
            title = _key(node.title)
            if start is not None and title:
                for index in range(start, min(start + 3, len(blocks))):
                    block = blocks[index]
                    if block.kind is BlockKind.HEADING:
                        break
                    if block.kind is BlockKind.PARAGRAPH and _key(block.text) == title:
                        blocks[index] = Block(
                            BlockKind.HEADING, block.text, block.line, block.end_line, depth,
                            runs=block.runs,
                        )  # fmt: skip
                        break
            visit(node.children, depth + 1)

    visit(nodes, 1)


class _Targets:
    """Where TOC entries lead: the block of `file#id`; when the book lacks that id, the
    block of that file whose text is the entry's title; else the file's first block."""

    def __init__(self, anchors: dict[str, int], blocks: list[Block]):
        self.anchors = anchors
        self.blocks = blocks
        self.starts = sorted({index for key, index in anchors.items() if "#" not in key})

    def block(self, node: _TocNode) -> int | None:
        """The block `node` leads to, or None when its file is not in the book."""
        found = self.anchors.get(node.target)
        if found is not None:
            return found
        start = self.anchors.get(node.target.split("#", 1)[0])
        if start is None or "#" not in node.target or not node.title:
            return start
        following = bisect.bisect_right(self.starts, start)
        end = self.starts[following] if following < len(self.starts) else len(self.blocks)
        title = _key(node.title)
        return next((i for i in range(start, end) if _key(self.blocks[i].text) == title), start)


def _outline(nodes: list[_TocNode], targets: _Targets) -> tuple[OutlineEntry, ...]:
    def build(node: _TocNode, depth: int) -> list[OutlineEntry]:
        block = targets.block(node)
        children = [e for c in node.children for e in build(c, depth + (block is not None))]
        if block is None or not node.title:
            return children  # an entry that leads nowhere: its children move up
        return [OutlineEntry(node.title, depth, block, block + 1, tuple(children))]

    return tuple(e for n in nodes for e in build(n, 1))


# Opening a book


#: A book is shown from its beginning first when, after its first `beginning_chars`, the rest
#: of its spine holds more XHTML than this (bytes; about 300,000 characters of Chinese, a
#: tenth of a second of reading): 資治通鑑 (5.8M characters) takes 1.6-1.9 s to read whole.
REST_BYTES = 1_000_000
#: How many blocks past the reader's place a beginning reaches (a screen or two).
AHEAD = 40


def open_epub(path: str | os.PathLike[str], size_limit: int = DEFAULT_SIZE_LIMIT) -> Document:
    """Read an EPUB into a `Document`; raises a `LoadError` subclass with a one-line message."""
    ((whole, _),) = open_epub_in_steps(path, size_limit)
    return whole


def open_epub_in_steps(
    path: str | os.PathLike[str],
    size_limit: int = DEFAULT_SIZE_LIMIT,
    beginning_chars: int = 0,
    place: Callable[[Document], int] | None = None,
) -> Iterator[tuple[Document, bool]]:
    """(document, whole?) pairs, the last one the whole book.

    With `beginning_chars`, a big book first yields its beginning: the spine's
    first files up to that many characters, when more than `REST_BYTES` of XHTML
    is left to read. `place`, asked once with the beginning as read so far, says
    at which block the reader was in this book; the beginning then reaches
    `AHEAD` blocks past it. Files are read in spine order and blocks only
    appended, so the beginning's blocks are the whole book's first blocks, at the
    same indices; its outline has the entries of the files read so far.
    """
    with EpubArchive(path, size_limit) as archive:
        package = archive.package()
        warnings = list(package.warnings)
        toc_nodes: list[_TocNode] = []
        for member, read in ((package.nav, _nav_toc), (package.ncx, _ncx_toc)):
            if member and archive.has(member) and not toc_nodes:
                try:
                    toc_nodes = read(archive, member)
                except DamagedMemberError:
                    warnings.append(
                        Notice(
                            f"the table of contents {member} is damaged",
                            "toc-damaged",
                            member=member,
                        )
                    )
        styles: dict[str, ClassStyle] = {}
        vertical = False
        for item in package.manifest.values():
            if item.media_type == "text/css" and archive.has(item.member):
                try:
                    css = archive.read(item.member).decode("utf-8", "replace")
                except DamagedMemberError:
                    continue
                styles.update(class_styles(css))
                vertical = vertical or _VERTICAL.search(css) is not None
        if vertical:
            warnings.append(
                Notice(
                    "the book is set in vertical columns (View ▸ Vertical)",
                    "vertical-book",
                )
            )
        missing: list[str] = []
        spine: list[ManifestItem] = []
        for idref in package.spine:
            item = package.manifest.get(idref)
            if item is None:
                missing.append(idref)
            elif not archive.has(item.member):
                missing.append(item.member)
            else:
                spine.append(item)
        if missing:
            names = f"{', '.join(missing[:3])}{'…' if len(missing) > 3 else ''}"
            warnings.append(
                Notice(
                    f"{len(missing)} chapter{'s' if len(missing) > 1 else ''} missing from the "
                    f"book: {names}",
                    "chapters-missing",
                    count=len(missing),
                    names=names,
                )
            )
        rest = sum(archive.infos[item.member].file_size for item in spine if _is_text(item))
        reader = BookReader(archive, styles)
        damaged: list[str] = []
        chars = until = 0
        shown = not beginning_chars
        for item in spine:
            if item.media_type.startswith("image/"):
                reader.read_picture(item.member)
                continue
            if not _is_text(item):
                continue
            rest -= archive.infos[item.member].file_size
            try:
                data = archive.read(item.member)
            except DamagedMemberError:
                damaged.append(item.member)
                continue
            before = len(reader.blocks)
            reader.read_file(item.member, data)
            if shown:
                continue
            chars += sum(len(block.text) for block in reader.blocks[before:])
            if chars < beginning_chars or len(reader.blocks) <= until:
                continue
            beginning = _book(
                archive, package, reader.copy(), toc_nodes, warnings, bool(missing), damaged
            )
            if place is not None:
                until, place = place(beginning) + AHEAD, None
                if len(beginning.blocks) <= until:
                    continue  # the reader was further on: read up to there first
            shown = True
            if rest > REST_BYTES:
                yield beginning, False
        yield _book(archive, package, reader, toc_nodes, warnings, bool(missing), damaged), True


def _is_text(item: ManifestItem) -> bool:
    return not item.media_type or item.media_type in XHTML_TYPES


def _book(
    archive: EpubArchive,
    package: Package,
    reader: BookReader,
    toc_nodes: list[_TocNode],
    known: list[Notice],
    missing: bool,
    damaged: list[str],
) -> Document:
    """The `Document` of what `reader` has read (changed in place: notes paired)."""
    warnings = list(known)
    if damaged:
        names = ", ".join(damaged[:3])
        warnings.append(
            Notice(
                f"{len(damaged)} damaged chapter(s) left out: {names}",
                "chapters-damaged",
                count=len(damaged),
                names=names,
            )
        )
    if reader.malformed:
        warnings.append(
            Notice(
                f"{len(reader.malformed)} file(s) with malformed XHTML, read as well as possible",
                "malformed-xhtml",
                count=len(reader.malformed),
            )
        )
    if reader.outside:
        warnings.append(
            Notice(
                f"{reader.outside} link(s) or picture(s) outside the book ignored",
                "outside-links",
                count=reader.outside,
            )
        )
    if reader.missing_images:
        warnings.append(
            Notice(
                f"{reader.missing_images} picture(s) missing from the book",
                "pictures-missing",
                count=reader.missing_images,
            )
        )
    if not reader.blocks and (missing or damaged):
        raise MissingPartError(
            f"{archive.name}: the book has no readable chapters",
            "no-chapters",
            path=archive.name,
        )
    _promote_toc_headings(reader.blocks, toc_nodes, _Targets(reader.anchors, reader.blocks))
    reader.pair_notes()
    blocks = list(_dense_heading_levels(reader.blocks))
    anchors = reader.anchors
    cover = None
    if package.cover and archive.has(package.cover):
        cover = Image(package.cover, "", "", str(archive.path), package.cover)
        shown = any(b.image is not None and b.image.member == cover.member for b in blocks[:3])
        if not shown:  # the cover is the first page
            blocks.insert(0, Block(BlockKind.IMAGE, "", 1, 1, image=cover))
            anchors = {key: index + 1 for key, index in anchors.items()}
    meta = package.metadata
    title = (meta.get("title") or [""])[0]
    if not title:
        heading = next((b.text for b in blocks if b.kind is BlockKind.HEADING), "")
        title = heading or archive.path.stem
    authors = tuple(meta.get("creator", ()))
    if meta.get("title") and cover is not None and blocks and blocks[0].image == cover:
        page = _title_page(title, authors, blocks)  # under the cover, as a book shows them
        blocks[1:1] = page
        anchors = {
            key: index + len(page) if index >= 1 else index for key, index in anchors.items()
        }
    toc_entries = _outline(toc_nodes, _Targets(anchors, blocks))
    headings = sum(1 for b in blocks if b.kind is BlockKind.HEADING)
    toc = Outline(title, toc_entries) if toc_entries else None
    if toc is not None and _count(toc_entries) < 2 <= headings:
        toc = None  # a one-entry TOC ("正文") says less than the headings
    return Document(
        title=title,
        blocks=tuple(blocks),
        metadata=Metadata(
            published=_known_date((meta.get("date") or [""])[0]),
            source=(meta.get("publisher") or [""])[0],
            author="、".join(authors),
        ),
        source=str(archive.path),
        encoding="utf-8",
        text="\n".join(b.text for b in blocks),
        warnings=tuple(warnings),
        toc=toc,
        authors=authors,
        language=(meta.get("language") or [package.opf_lang])[0],
        publisher=(meta.get("publisher") or [""])[0],
        description="\n".join(_plain_description(d) for d in meta.get("description", ())),
        date=_known_date((meta.get("date") or [""])[0]),
        cover=cover,
        anchors=anchors,
    )


def _plain_description(text: str) -> str:
    """A description as text: calibre and others write it as escaped HTML (`<p>…</p>`);
    its paragraphs become lines. Parsed, never shown or run as HTML."""
    if "<" not in text or ">" not in text:
        return text
    from lxml import html as lxml_html

    try:
        root = lxml_html.fragment_fromstring(" ".join(text.split()), create_parent="div")
    except (etree.ParserError, ValueError):
        return text
    lines: list[str] = []
    for el in root.iter():
        if el.tag in ("p", "div", "li", "br", "h1", "h2", "h3", "h4", "h5", "h6"):
            lines.append("\n")
        if isinstance(el.tag, str) and el.text and el.tag not in ("script", "style"):
            lines.append(el.text)
        if el.tail and el is not root:
            lines.append(el.tail)
    paragraphs = (" ".join(line.split()) for line in "".join(lines).split("\n"))
    return "\n".join(p for p in paragraphs if p)


def _known_date(date: str) -> str:
    """The book's date, or '' for calibre's "unknown" (year 101)."""
    return "" if date.startswith("0101-01-01") else date


def _title_page(title: str, authors: tuple[str, ...], blocks: list[Block]) -> list[Block]:
    """The title and, under it, the authors, as a book's title page shows them; nothing
    when the book's first pages already show its title (its own title page)."""
    if any(b.text.strip() == title for b in blocks[:6]):
        return []
    page = [Block(BlockKind.TITLE, title, 1, 1)]
    if authors:
        page.append(Block(BlockKind.SUBTITLE, "、".join(authors), 1, 1))
    return page


_VERTICAL = re.compile(r"writing-mode\s*:\s*vertical-rl", re.IGNORECASE)


def _count(entries: tuple[OutlineEntry, ...]) -> int:
    return sum(1 + _count(e.children) for e in entries)


def _dense_heading_levels(blocks: list[Block]) -> list[Block]:
    """h2/h3 books get levels 1/2, as plain text's headings do."""
    ranks = sorted({b.level for b in blocks if b.kind is BlockKind.HEADING})
    dense = {rank: i + 1 for i, rank in enumerate(ranks)}
    if all(rank == level for rank, level in dense.items()):
        return blocks
    return [
        Block(b.kind, b.text, b.line, b.end_line, dense[b.level], b.caption, b.runs, b.marker,
              b.info, b.rows, b.header_rows, b.image, b.label)
        if b.kind is BlockKind.HEADING else b
        for b in blocks
    ]  # fmt: skip
