"""The spine's XHTML as typed blocks of the rich model (headings, runs, lists, notes, …).

docs/epub.md lists what each element becomes. Office-made books' styled
paragraphs are recognised as headings from their CSS classes.
"""

from __future__ import annotations

import copy
import posixpath
import re
from dataclasses import dataclass, replace
from urllib.parse import urlsplit

from lxml import etree

from reader.core.document import CELL_BREAK, LINE_BREAK, Block, BlockKind, Image, Run
from reader.core.formats.epub_archive import (
    EpubArchive,
    element_text,
    local_name,
    resolve,
    safe_xml_parser,
    without_named_entities,
)

_OPS_TYPE = "{http://www.idpf.org/2007/ops}type"
_SPAN = "{http://www.w3.org/1999/xhtml}span"
#: The attributes that make a span matter to the reader (an anchor, a style, a note); a class
#: matters only when the book's CSS makes it bold (checked apart); `data-*`, `lang`, `title`
#: change nothing shown.
_MEANINGFUL = frozenset({"id", "name", "style", "role", _OPS_TYPE, "epub:type"})
_PLAIN_SPAN = "zhreader-plain-span"
_XLINK_HREF = "{http://www.w3.org/1999/xlink}href"


# XHTML → blocks

_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_BOLD = frozenset({"b", "strong"})
_ITALIC = frozenset({"i", "em", "cite", "dfn", "var"})
_CODE = frozenset({"code", "kbd", "samp", "tt"})
_STRIKE = frozenset({"s", "strike", "del"})
_SKIP = frozenset({"head", "script", "style", "template", "noscript", "title", "rp"})
_BLOCKS = frozenset(
    {
        "p", "div", "section", "article", "aside", "header", "footer", "main", "nav", "body",
        "center", "address", "figure", "figcaption", "blockquote", "pre", "table", "ul", "ol",
        "li", "dl", "dt", "dd", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "html", "hgroup",
        "caption", "details", "summary", "form", "fieldset", "legend", "svg", "math",
    }
)  # fmt: skip
#: A note, by `epub:type` or by its DPUB-ARIA role (`doc-footnote`).
_NOTE_TYPES = frozenset(
    {"footnote", "endnote", "rearnote", "note", "doc-footnote", "doc-endnote", "doc-note"}
)
#: A reference to a note: `epub:type`, role, or the class books use for it.
_NOTEREF = frozenset({"noteref", "doc-noteref"})
_SPACES = re.compile(r"[ \t\r\n\f]+")
#: A source line break between two Chinese characters is no space (CSS segment breaks).
_CJK_WRAP = re.compile(
    r"(?<=[\u3000-\u9fff\uff00-\uffef])[ \t\r\f]*\n[ \t\r\n\f]*(?=[\u3000-\u9fff\uff00-\uffef])"
)
_INDENT = "\u3000\u00a0 "
_CHAPTER = re.compile(
    r"^\s*(第[\d〇零一二三四五六七八九十百千两兩]+[章回节節卷部篇集幕]|序[章言]?|楔子|引子|尾聲|尾声|後記|后记|前言|跋)"
)
_SENTENCE_END = tuple('。！？；，：…」』”"')


@dataclass(frozen=True, slots=True)
class _Style:
    """The inline style in force; shared by all the text it covers, replaced when it changes."""

    bold: bool = False
    italic: bool = False
    code: bool = False
    strike: bool = False
    link: str = ""
    ruby: str = ""
    note: str = ""

    def run(self, text: str) -> Run:
        return Run(
            text, self.bold, self.italic, self.code, self.strike, self.link, self.ruby, self.note
        )


_PLAIN = _Style()


@dataclass
class _Context:
    """Where loose inline content goes: the kind and depth of the enclosing block."""

    kind: BlockKind = BlockKind.PARAGRAPH
    level: int = 0
    marker: str = ""
    label: str = ""
    list_depth: int = -1
    quote_depth: int = -1
    classes: str = ""
    style: str = ""


class BookReader:
    """Turns the spine's XHTML files into blocks, recording where each element id landed."""

    def __init__(self, archive: EpubArchive, styles: dict[str, ClassStyle]):
        self.archive = archive
        self.styles = styles
        self.blocks: list[Block] = []
        self.anchors: dict[str, int] = {}
        self.note_labels: dict[str, str] = {}
        self.used_labels: set[str] = set()
        self.noteref_ids: set[str] = set()
        self.pending_ids: list[str] = []
        self.member = ""
        self.base = ""
        self.file_start = 0
        self.runs: list[Run] = []
        # Text of one style gathers here before it becomes a run (spans that change nothing
        # are common in real books; one run per style change, not per text node).
        self.pending: list[str] = []
        self.pending_style: _Style | None = None
        self.bold_classes = frozenset(c for c, style in styles.items() if style.bold)
        self.derived: dict[tuple[_Style, bool, bool, bool, bool], _Style] = {}
        #: Links that have an id themselves: (the link's own place, its target).
        self.id_links: list[tuple[str, str]] = []
        self.outside = 0
        self.missing_images = 0
        self.malformed: list[str] = []

    def copy(self) -> BookReader:
        """A reader that holds what this one has read, to be finished into a book while this
        one reads on (finishing pairs notes in place)."""
        other = copy.copy(self)
        other.blocks = list(self.blocks)
        other.anchors = dict(self.anchors)
        other.note_labels = dict(self.note_labels)
        other.used_labels = set(self.used_labels)
        other.noteref_ids = set(self.noteref_ids)
        other.pending_ids = list(self.pending_ids)
        other.id_links = list(self.id_links)
        other.malformed = list(self.malformed)
        return other

    # files

    def read_file(self, member: str, data: bytes) -> None:
        """Add the blocks of one XHTML file of the spine."""
        self.member = member
        self.base = posixpath.dirname(member)
        self.file_start = len(self.blocks)
        self.pending_ids.append(member)  # with ids left over from an empty file before
        parser = safe_xml_parser()
        try:
            root = etree.fromstring(without_named_entities(data), parser)
        except etree.XMLSyntaxError:
            root = None
        errors = [e for e in parser.error_log if e.level >= etree.ErrorLevels.ERROR]
        if root is None or local_name(root) not in ("html", "body"):
            root = _html_fallback(data)
            errors = errors or ["not XHTML"]
        if errors:
            self.malformed.append(member)
        if root is None:
            return
        body = next((el for el in root.iter() if local_name(el) == "body"), root)
        self._strip_plain_spans(body)
        self._container(body, _Context())
        self._flush(_Context())
        if len(self.blocks) > self.file_start:  # ids after the last block lead to it
            self._anchor_pending(len(self.blocks) - 1)

    def _strip_plain_spans(self, body: etree._Element) -> None:
        """Take out the `<span>`s that change nothing, keeping their text: calibre wraps
        every sentence in one (224,000 in 資治通鑑), and lxml unwraps them in C for much less
        than the walk below spends on each (docs/epub.md)."""
        bold = self.bold_classes
        plain = []
        for span in body.iter(_SPAN, "span"):
            attrib = span.attrib
            if attrib and (
                not _MEANINGFUL.isdisjoint(attrib)
                or (bold and not bold.isdisjoint(attrib.get("class", "").split()))
            ):
                continue
            plain.append(span)
        if plain:
            for span in plain:
                span.tag = _PLAIN_SPAN
            etree.strip_tags(body, _PLAIN_SPAN)

    def read_picture(self, member: str) -> None:
        """A picture that is itself in the spine (a cover page, a page of a comic)."""
        self.member = member
        self.base = posixpath.dirname(member)
        self.file_start = len(self.blocks)
        self.pending_ids.append(member)
        image = Image(member, "", "", str(self.archive.path), member)
        self._add(Block(BlockKind.IMAGE, "", 0, 0, image=image))

    # block structure

    def _container(self, el: etree._Element, ctx: _Context) -> None:
        """Visit `el`'s children: inline content gathers into the current block, block
        elements end it and start their own."""
        if el.text and isinstance(el.tag, str):
            self._text(el.text, _PLAIN)
        for child in el:
            name = local_name(child)
            if name in _BLOCKS or (name == "img" and self._image_alone(child)):
                self._block(child, name, ctx)
            elif name == "br":
                self._line_break()
                self._container(child, ctx)  # an unclosed <br> holds what follows it
            elif name and name not in _SKIP:
                self._inline(child, name, _PLAIN)
            if child.tail:
                self._text(child.tail, _PLAIN)

    def _block(self, el: etree._Element, name: str, ctx: _Context) -> None:
        self._flush(ctx)
        self._note_id(el)
        if epub_types(el) & _NOTE_TYPES:
            self._collect_ids(el)
            note = _Context(BlockKind.FOOTNOTE, label=self._footnote_label(el))
            self._inline_all(el, _PLAIN)  # one block per note, whatever its paragraphs
            self._flush(note)
            return
        if name in _HEADINGS:
            inner = _Context(BlockKind.HEADING, level=_HEADINGS[name])
            self._container(el, inner)
            self._flush(inner)
        elif name in ("ul", "ol"):
            self._list(el, name, ctx)
        elif name == "li":  # an item outside a list
            self._list_item(el, "•", ctx.list_depth + 1, ctx)
        elif name == "blockquote":
            depth = ctx.quote_depth + 1
            inner = _Context(BlockKind.QUOTE, level=depth, quote_depth=depth)
            self._container(el, inner)
            self._flush(inner)
        elif name == "pre":
            self._pre(el)
        elif name == "table":
            self._table(el)
        elif name == "hr":
            self._add(Block(BlockKind.RULE, "", 0, 0))
            self._container(el, ctx)  # an unclosed <hr> holds what follows it
        elif name == "img":
            self._image(el.get("src", ""), el.get("alt", ""), el.get("title", ""))
            self._container(el, ctx)
        elif name == "svg":
            for image in el.iter():
                if local_name(image) == "image":
                    href = image.get(_XLINK_HREF) or image.get("href", "")
                    self._image(href, "", "")
        elif name == "math":
            self._text(element_text(el), _PLAIN)
            self._flush(ctx)
        else:
            inner = _Context(
                ctx.kind, ctx.level, ctx.marker, ctx.label, ctx.list_depth, ctx.quote_depth,
                el.get("class", ""), el.get("style", ""),
            )  # fmt: skip
            if name == "center":
                inner.style += ";text-align:center"
            self._container(el, inner)
            self._flush(inner)
            ctx.marker = inner.marker  # a list item's marker goes with its first block only

    def _list(self, el: etree._Element, name: str, ctx: _Context) -> None:
        depth = ctx.list_depth + 1
        number = _int(el.get("start"), 1)
        for child in el:
            if local_name(child) == "li" and epub_types(child) & _NOTE_TYPES:
                self._block(child, "li", ctx)  # endnotes written as a list
            elif local_name(child) == "li":
                marker = f"{_int(child.get('value'), number)}." if name == "ol" else "•"
                number = _int(child.get("value"), number) + 1
                self._list_item(child, marker, depth, ctx)
            elif isinstance(child.tag, str):
                self._block(child, local_name(child), _Context(list_depth=depth))

    def _list_item(self, el: etree._Element, marker: str, depth: int, ctx: _Context) -> None:
        self._note_id(el)
        inner = _Context(
            BlockKind.LIST_ITEM, depth, marker, list_depth=depth, quote_depth=ctx.quote_depth
        )
        self._container(el, inner)
        self._flush(inner)

    def _pre(self, el: etree._Element) -> None:
        text = element_text(el).replace("\r\n", "\n").strip("\n").replace("\n", LINE_BREAK)
        code = next((c for c in el.iter() if local_name(c) == "code"), None)
        classes = (code.get("class", "") if code is not None else "") + " " + el.get("class", "")
        info = next((c.split("-", 1)[1] for c in classes.split() if c.startswith("language-")), "")
        self._collect_ids(el)
        self._add(Block(BlockKind.CODE, text, 0, 0, info=info, runs=(Run(text, code=True),)))

    def _table(self, el: etree._Element) -> None:
        rows: list[tuple[tuple[Run, ...], ...]] = []
        header_rows = 0
        header_done = False
        for tr in el.iter():
            if local_name(tr) != "tr":
                continue
            cells = []
            all_th = True
            for cell in tr:
                cname = local_name(cell)
                if cname not in ("td", "th"):
                    continue
                all_th = all_th and cname == "th"
                self._collect_ids(cell)
                cells.append(self._cell_runs(cell))
            if not cells:
                continue
            parent = tr.getparent()
            in_head = parent is not None and local_name(parent) == "thead"
            if (in_head or all_th) and not header_done:
                header_rows += 1
            else:
                header_done = True
            rows.append(tuple(cells))
        self._collect_ids(el)
        if not rows:
            return
        text = LINE_BREAK.join(CELL_BREAK.join(_runs_text(c) for c in row) for row in rows)
        self._add(Block(BlockKind.TABLE, text, 0, 0, rows=tuple(rows), header_rows=header_rows))

    def _cell_runs(self, cell: etree._Element) -> tuple[Run, ...]:
        self._settle()
        saved, self.runs = self.runs, []
        self._inline_all(cell, _PLAIN)
        runs = _normalise(
            [
                _with_text(r, " ") if r.text in (LINE_BREAK, CELL_BREAK) else r
                for r in self._settled()
            ]
        )
        self.runs = saved
        return tuple(runs)

    def _inline_all(self, el: etree._Element, style: _Style) -> None:
        """Everything inside `el` as inline content (table cells flatten their blocks)."""
        if el.text:
            self._text(el.text, style)
        for child in el:
            name = local_name(child)
            if name in _BLOCKS and name not in _SKIP:
                self._text(" ", style)
                self._inline_all(child, style)
                self._text(" ", style)
            elif name and name not in _SKIP:
                self._inline(child, name, style)
            if child.tail:
                self._text(child.tail, style)

    # inline content

    def _inline(self, el: etree._Element, name: str, style: _Style) -> None:
        self._note_id(el, name)
        if name in ("br", "img"):
            if name == "br":
                self._line_break()
            else:
                self._inline_picture(el, style)
            self._inline_all(el, style)  # what an unclosed tag swallowed
            return
        if name == "ruby":
            self._ruby(el, style)
            return
        inner = style
        bold = not style.bold and (name in _BOLD or self._bold_by_style(el))
        italic = not style.italic and name in _ITALIC
        code = not style.code and name in _CODE
        strike = not style.strike and name in _STRIKE
        if bold or italic or code or strike:
            key = (style, bold, italic, code, strike)
            inner = self.derived.get(key)  # one object per style: runs of it gather
            if inner is None:
                inner = self.derived[key] = replace(
                    style,
                    bold=style.bold or bold,
                    italic=style.italic or italic,
                    code=style.code or code,
                    strike=style.strike or strike,
                )
        if name == "a":
            href = el.get("href") or el.get(_XLINK_HREF) or ""
            if epub_types(el) & _NOTEREF or "noteref" in el.get("class", "").split():
                if el.get("id"):
                    self.noteref_ids.add(f"{self.member}#{el.get('id')}")
                inner = replace(inner, link="", note=self._note_label(href, element_text(el)))
            elif href:
                inner = replace(inner, link=self._link(href))
                if el.get("id") and inner.link:
                    self.id_links.append((f"{self.member}#{el.get('id')}", inner.link))
        if el.text:
            self._text(el.text, inner)
        for child in el:
            cname = local_name(child)
            if cname in _BLOCKS and cname not in ("svg", "math"):
                self._inline_all(child, inner)  # a block inside inline markup: kept inline
            elif cname == "svg":
                self._text(element_text(child), inner)
            elif cname and cname not in _SKIP:
                self._inline(child, cname, inner)
            if child.tail:
                self._text(child.tail, inner)

    def _ruby(self, el: etree._Element, style: _Style) -> None:
        base: list[str] = []
        for part in el.iter():
            if part is el:
                if el.text:
                    base.append(el.text)
                continue
            name = local_name(part)
            if name == "rt":
                annotation = " ".join(element_text(part).split())
                text = "".join(base).strip()
                if text:
                    self._settle()
                    self.runs.append(replace(style, ruby=annotation).run(text))
                base = []
            elif name in ("rp", "rtc"):
                pass
            elif name == "rb" and part.text:
                base.append(part.text)
            if part.tail and part.getparent() is el:
                base.append(part.tail)
        rest = "".join(base).strip()
        if rest:
            self._text(rest, style)

    def _text(self, text: str, style: _Style) -> None:
        if not text:
            return
        if style is self.pending_style:
            self.pending.append(text)
            return
        # White space before a block's first text is dropped anyway (the indentation
        # between tags): not keeping it spares most flushes.
        if not self.runs and not self.pending and text.isspace():
            return
        self._settle()
        self.pending, self.pending_style = [text], style

    def _settle(self) -> None:
        """Turn the gathered text into a run."""
        if self.pending_style is not None:
            self.runs.append(self.pending_style.run("".join(self.pending)))
            self.pending, self.pending_style = [], None

    def _settled(self) -> list[Run]:
        self._settle()
        return self.runs

    def _line_break(self) -> None:
        self._settle()
        self.runs.append(Run(LINE_BREAK))

    def _bold_by_style(self, el: etree._Element) -> bool:
        """Bold by a class of the book's style sheet (office suites) or a `style` attribute."""
        classes = el.get("class")
        if classes and self.bold_classes and not self.bold_classes.isdisjoint(classes.split()):
            return True
        css = el.get("style")
        return bool(css) and "font-weight" in css and ClassStyle.parse(css).bold

    def _link(self, href: str) -> str:
        parts = urlsplit(href)
        if parts.scheme or parts.netloc:
            return href  # shown to the reader, never followed without asking
        if not parts.path:
            return f"{self.member}#{parts.fragment}" if parts.fragment else ""
        member = resolve(self.base, href)
        if member is None:
            self.outside += 1
            return ""
        return f"{member}#{parts.fragment}" if parts.fragment else member

    # footnotes

    def _note_label(self, href: str, text: str) -> str:
        target = self._link(href)
        if target in self.note_labels:
            return self.note_labels[target]
        label = text.strip().strip("[]()（）【】〔〕") or str(len(self.note_labels) + 1)
        if label in self.used_labels:
            n = 2
            while f"{label}.{n}" in self.used_labels:
                n += 1
            label = f"{label}.{n}"
        self.used_labels.add(label)
        self.note_labels[target] = label
        return label

    def _footnote_label(self, el: etree._Element) -> str:
        key = f"{self.member}#{el.get('id', '')}"
        if key in self.note_labels:
            return self.note_labels[key]
        # A note no reference points at (yet): its id, or its leading marker.
        return self._note_label("#" + el.get("id", ""), el.get("id", "") or "note")

    # images

    def _inline_picture(self, el: etree._Element, style: _Style) -> None:
        """A picture inside a line of text (a glyph image for a rare character): its
        description (or 〓) as the text, the picture drawn over it when the book has it."""
        alt = el.get("alt", "") or "〓"
        src = el.get("src", "")
        member = resolve(self.base, src) if src else None
        if member is None and src and not urlsplit(src).scheme:
            self.outside += 1
        member = self.archive.actual(member) if member is not None else None
        if member is None:
            self._text(alt, style)
            return
        self._settle()
        picture = Image(src, alt, el.get("title", ""), str(self.archive.path), member)
        self.runs.append(replace(style.run(alt), picture=picture))

    def _image_alone(self, el: etree._Element) -> bool:
        return not _text_after(el) and not _runs_text(self._settled()).strip()

    def _image(self, src: str, alt: str, title: str) -> None:
        member = resolve(self.base, src) if src else None
        if member is None and src and not urlsplit(src).scheme:
            self.outside += 1
        if member is not None:
            member = self.archive.actual(member)
            self.missing_images += member is None
        image = Image(src, alt, title, str(self.archive.path) if member else "", member or "")
        self._add(Block(BlockKind.IMAGE, alt, 0, 0, runs=(Run(alt),) if alt else (), image=image))

    # blocks

    def _flush(self, ctx: _Context) -> None:
        if not self._settled():
            return
        runs = _normalise(self.runs)
        self.runs = []
        if not runs:
            return
        if ctx.kind is BlockKind.FOOTNOTE:
            runs = self._without_backlink(runs, ctx.label)
            if not runs:
                return
        text = _runs_text(runs)
        kind, level = ctx.kind, ctx.level
        if kind is BlockKind.PARAGRAPH and self._looks_like_heading(text, runs, ctx):
            kind, level = BlockKind.HEADING, 1
        self._add(
            Block(
                kind,
                text,
                0,
                0,
                level=level,
                runs=tuple(runs),
                marker=ctx.marker if kind is BlockKind.LIST_ITEM else "",
                label=ctx.label,
            )
        )
        ctx.marker = ""

    def pair_notes(self) -> None:
        """EPUB 2 notes have no `epub:type`: a reference `<a id="r1" href="#n1">[1]</a>` and a
        paragraph `<p id="n1"><a href="#r1">[1]</a> text</p>` that links straight back. Such
        a pair becomes a note run and a FOOTNOTE block."""
        for ref, target in self.id_links:
            at, index = self.anchors.get(ref), self.anchors.get(target)
            if at is None or index is None or at == index:
                continue
            note = self.blocks[index]
            if note.kind is not BlockKind.PARAGRAPH or not note.runs or note.runs[0].link != ref:
                continue
            block = self.blocks[at]
            position = next((i for i, r in enumerate(block.runs) if r.link == target), -1)
            if position < 0 or len(block.runs[position].text) > 8:
                continue
            marker = block.runs[position].text
            label = self._note_label(target, marker)
            runs = list(block.runs)
            runs[position] = replace(runs[position], link="", note=label)
            self.blocks[at] = replace(block, runs=tuple(runs))
            self.noteref_ids.add(ref)
            text_runs = self._without_backlink(list(note.runs), label)
            if text_runs:
                self.blocks[index] = replace(
                    note, kind=BlockKind.FOOTNOTE, text=_runs_text(text_runs),
                    runs=tuple(text_runs), label=label,
                )  # fmt: skip

    def _without_backlink(self, runs: list[Run], label: str) -> list[Run]:
        """A note's text without its leading link back to the reference (`<a>1</a>`) or
        its marker (`[1]`, `注　①`), which the view shows from the label."""
        while runs and (
            runs[0].link in self.noteref_ids
            or runs[0].text.strip("[]()（）【】〔〕.、 ") in ("", label)
        ):
            runs = runs[1:]
        if runs and label:
            marker = re.match(
                rf"\s*注?[\s\u3000]*[\[(（【〔]?{re.escape(label)}[\])）】〕]?[.、:：\s\u3000]*",
                runs[0].text,
            )
            if marker and marker.end() < len(runs[0].text):
                runs = [_with_text(runs[0], runs[0].text[marker.end() :]), *runs[1:]]
        return _normalise(runs)

    def _looks_like_heading(self, text: str, runs: list[Run], ctx: _Context) -> bool:
        """Office-made books style headings as paragraphs: a short line set bold, large or
        centred that is first in its file or numbered like a chapter (第三章, 楔子).
        Paragraphs the TOC points at are promoted later, in `_promote_toc_headings`."""
        if len(text) > 40 or LINE_BREAK in text or text.endswith(_SENTENCE_END):
            return False
        if all(r.link for r in runs):
            return False  # a line of a contents page
        first = len(self.blocks) == self.file_start
        styled = all(r.bold for r in runs) or self._styled(ctx)
        return styled and (first or bool(_CHAPTER.match(text)))

    def _styled(self, ctx: _Context) -> bool:
        styles = [self.styles.get(c) for c in ctx.classes.split()]
        styles.append(ClassStyle.parse(ctx.style))
        return any(s is not None and (s.bold or s.large or s.centred) for s in styles)

    def _add(self, block: Block) -> None:
        index = len(self.blocks)
        self.blocks.append(Block(
            block.kind, block.text, index + 1, index + 1, block.level, block.caption,
            block.runs, block.marker, block.info, block.rows, block.header_rows, block.image,
            block.label,
        ))  # fmt: skip
        self._anchor_pending(index)

    def _anchor_pending(self, index: int) -> None:
        if index < 0:
            return
        for key in self.pending_ids:
            self.anchors.setdefault(key, index)
        self.pending_ids = []

    def _note_id(self, el: etree._Element, name: str = "") -> None:
        """Remember `el`'s id: it leads to the next block added (an anchor inside a
        paragraph leads to that paragraph)."""
        value = el.get("id")
        if value:
            self.pending_ids.append(f"{self.member}#{value}")
        if (name or local_name(el)) == "a" and (value := el.get("name")):
            self.pending_ids.append(f"{self.member}#{value}")

    def _collect_ids(self, el: etree._Element) -> None:
        for child in el.iter():
            if isinstance(child.tag, str) and child.get("id"):
                self.pending_ids.append(f"{self.member}#{child.get('id')}")


def epub_types(el: etree._Element) -> set[str]:
    """The element's `epub:type` and `role` words (`noteref`, `footnote`, `doc-note`)."""
    words = el.get(_OPS_TYPE) or el.get("epub:type") or ""
    role = el.get("role")
    return set(f"{words} {role}".split() if role else words.split())


def _text_after(el: etree._Element) -> bool:
    if (el.tail or "").strip():
        return True
    sibling = el.getnext()
    while sibling is not None:
        if local_name(sibling) not in ("img", "br", "") or (sibling.tail or "").strip():
            return local_name(sibling) not in _BLOCKS
        sibling = sibling.getnext()
    return False


def _runs_text(runs: list[Run] | tuple[Run, ...]) -> str:
    return "".join(r.text for r in runs)


def _normalise(runs: list[Run]) -> list[Run]:
    """Collapse white space as HTML does, drop the block's leading indentation and trailing
    space, merge neighbours of one style."""
    texts: list[str] = []
    sources: list[Run] = []  # the run each text takes its style from
    space_before = True  # at the start of the block, and after a line break
    for run in runs:
        text = run.text
        if text == LINE_BREAK:
            if texts and not sources[-1].code:
                texts[-1] = texts[-1].rstrip(" ")
            texts.append(text)
            sources.append(run)
            space_before = True
            continue
        if not run.code:
            if "\n" in text:
                text = _CJK_WRAP.sub("", text)
            text = _SPACES.sub(" ", text)
        if not texts:
            text = text.lstrip(_INDENT)
        elif space_before:
            text = text.lstrip(" ")
        if not text:
            continue
        space_before = text.endswith(" ")
        if texts and texts[-1] != LINE_BREAK and _same_style(sources[-1], run):
            texts[-1] += text
        else:
            texts.append(text)
            sources.append(run)
    while texts and (texts[-1] == LINE_BREAK or not texts[-1].strip()):
        texts.pop()
        sources.pop()
    if texts and not sources[-1].code:
        texts[-1] = texts[-1].rstrip(" ")
    while texts and texts[0] == LINE_BREAK:
        texts.pop(0)
        sources.pop(0)
    return [
        source if source.text == text else _with_text(source, text)
        for text, source in zip(texts, sources, strict=True)
        if text
    ]


def _same_style(a: Run, b: Run) -> bool:
    return (
        a.bold == b.bold
        and a.italic == b.italic
        and a.code == b.code
        and a.strike == b.strike
        and a.link == b.link
        and a.ruby == b.ruby
        and a.note == b.note
        and a.picture is None
        and b.picture is None  # each picture keeps its own run
    )


def _with_text(run: Run, text: str) -> Run:
    return Run(
        text, run.bold, run.italic, run.code, run.strike, run.link, run.ruby, run.note, run.picture
    )


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _html_fallback(data: bytes) -> etree._Element | None:
    from lxml import html as lxml_html

    try:
        return lxml_html.document_fromstring(
            data, parser=lxml_html.HTMLParser(no_network=True, remove_comments=True)
        )
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None


# Styles of office-made books


@dataclass(frozen=True, slots=True)
class ClassStyle:
    bold: bool = False
    large: bool = False
    centred: bool = False

    @staticmethod
    def parse(declarations: str) -> ClassStyle:
        """What CSS declarations (`font-weight: bold; …`) make of a paragraph."""
        decl = declarations.lower().replace(" ", "")
        bold = bool(re.search(r"font-weight:(bold|bolder|[6-9]00)", decl))
        centred = "text-align:center" in decl
        large = False
        if m := re.search(r"font-size:([\d.]+)(em|rem|%|pt|px)", decl):
            # Relative to a 1em (12pt, 16px) body: 1.2 times is a heading's size.
            unit = {"em": 1, "rem": 1, "%": 100, "pt": 12, "px": 16}[m.group(2)]
            large = float(m.group(1)) / unit >= 1.2
        elif re.search(r"font-size:(large|x-large|xx-large|larger)", decl):
            large = True
        return ClassStyle(bold, large, centred)


_CLASS_SELECTOR = re.compile(r"\s*(?:p|div|span)?\.([\w-]+)\s*")


def class_styles(css: str) -> dict[str, ClassStyle]:
    """Which classes a style sheet sets bold, large or centred (simple class selectors)."""
    styles: dict[str, ClassStyle] = {}
    # Split, not one regular expression: a hostile style sheet must not cost quadratic time.
    for rule in _without_comments(css).split("}"):
        selectors, brace, declarations = rule.rpartition("{")
        if not brace:
            continue
        style = ClassStyle.parse(declarations)
        if not (style.bold or style.large or style.centred):
            continue
        for selector in selectors.rsplit("}", 1)[-1].split(","):
            m = _CLASS_SELECTOR.fullmatch(selector)
            if m:
                old = styles.get(m.group(1), ClassStyle())
                styles[m.group(1)] = ClassStyle(
                    old.bold or style.bold, old.large or style.large, old.centred or style.centred
                )
    return styles


def _without_comments(css: str) -> str:
    out = []
    pos = 0
    while (start := css.find("/*", pos)) >= 0:
        out.append(css[pos:start])
        end = css.find("*/", start + 2)
        if end < 0:
            return "".join(out)
        pos = end + 2
    out.append(css[pos:])
    return "".join(out)
