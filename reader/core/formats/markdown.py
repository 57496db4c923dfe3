"""Markdown → `Document`, walking markdown-it-py's CommonMark token stream.

Why markdown-it-py: docs/markdown-parser.md. Tables and strikethrough are its
own GFM rules; footnotes and front matter come from mdit-py-plugins; task
items are recognised here. Nothing is fetched: a picture gets a file path
only when it is a file inside `source_dir`.
"""

from __future__ import annotations

import html
import os
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from markdown_it import MarkdownIt
from markdown_it.common.utils import unescapeAll
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from reader.core.document import (
    CELL_BREAK,
    LINE_BREAK,
    Block,
    BlockKind,
    Document,
    Image,
    Metadata,
    Run,
)
from reader.core.structure import parse_metadata

#: What a list item shows: a bullet, or a task's box, open or done.
BULLET = "•"
TASK_OPEN = "☐"
TASK_DONE = "☑"

_ALIGNMENTS = {"text-align:left": "l", "text-align:center": "c", "text-align:right": "r"}
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
_IMG = re.compile(r"<img(\s[^<>]*?)?/?>", re.IGNORECASE)
_ATTRIBUTE = re.compile(r"""([a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+)""")
_FRONT_MATTER_TITLE = re.compile(r"title\s*:\s*(\S.*)$")
_DRIVE_PATH = re.compile(r"/[A-Za-z]:")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_TASK_BOX = re.compile(r"\[([ xX])\][ \t]+(?=\S)")
#: Ambiguous-width punctuation that Chinese text sets full width.
_CJK_PUNCTUATION = frozenset("“”‘’…—·")


@cache
def new_parser() -> MarkdownIt:
    """ZhReader's CommonMark parser: GFM tables and strikethrough, footnotes, front matter.

    Task list items are recognised while walking the tokens (see `_task_box`).
    """
    return (
        MarkdownIt("commonmark")
        .enable(["table", "strikethrough"])
        .use(footnote_plugin)
        .use(front_matter_plugin)
    )


def parse_markdown(text: str, source_dir: Path | None, fallback_title: str = "") -> Document:
    """Parse Markdown into a `Document`; a picture's path is set only inside `source_dir`.

    A level-1 heading that opens the document (after any front matter) becomes
    its TITLE block, and a metadata line right after it METADATA, as for plain
    text. Front matter (a leading `---` … `---` block of a static-site
    generator) is shown as YAML code; its `title:` names a document without one.
    """
    parser = new_parser()
    builder = _Builder(parser, source_dir)
    blocks = builder.build(parser.parse(text))
    title = ""
    metadata = Metadata()
    first = 1 if builder.front_matter is not None else 0
    if len(blocks) > first and blocks[first].kind is BlockKind.HEADING and blocks[first].level == 1:
        blocks[first] = replace(blocks[first], kind=BlockKind.TITLE, level=0)
        title = blocks[first].text
        if len(blocks) > first + 1 and _is_metadata_line(blocks[first + 1]):
            metadata = parse_metadata(blocks[first + 1].text) or metadata
            blocks[first + 1] = replace(blocks[first + 1], kind=BlockKind.METADATA)
    return Document(
        title=title or _front_matter_title(builder.front_matter or "") or fallback_title,
        blocks=tuple(blocks),
        metadata=metadata,
        text=text,
    )


def _front_matter_title(front_matter: str) -> str:
    """The plain `title:` value of YAML front matter, quotes removed ("" without one)."""
    for line in front_matter.split("\n"):
        m = _FRONT_MATTER_TITLE.match(line)
        if m is not None:
            value = m.group(1).strip()
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
                value = value[1:-1]
            return value
    return ""


def _is_metadata_line(block: Block) -> bool:
    return (
        block.kind is BlockKind.PARAGRAPH
        and block.line == block.end_line
        and parse_metadata(block.text) is not None
    )


@dataclass(slots=True)
class _List:
    ordered: bool
    start: int
    delimiter: str
    count: int = 0


@dataclass(slots=True)
class _Part:
    """A paragraph of a list item or footnote, waiting to be joined into its block."""

    runs: list[Run]
    line: int
    end_line: int


@dataclass(slots=True)
class _Item:
    marker: str
    level: int
    line: int
    parts: list[_Part] = field(default_factory=list)
    emitted: bool = False


@dataclass(slots=True)
class _Quote:
    depth: int


@dataclass(slots=True)
class _Footnote:
    label: str
    number: str
    parts: list[_Part] = field(default_factory=list)


class _Builder:
    """Walks the block tokens once, keeping the open lists, items and quotes on a stack."""

    def __init__(self, parser: MarkdownIt, source_dir: Path | None):
        self.parser = parser
        self.source_dir = source_dir.resolve() if source_dir is not None else None
        self.blocks: list[Block] = []
        self.lists: list[_List] = []
        self.containers: list[_Item | _Quote] = []
        self.footnote: _Footnote | None = None
        #: The document's front matter (YAML source), when it has one.
        self.front_matter: str | None = None

    def build(self, tokens: Sequence[Token]) -> list[Block]:
        i = 0
        while i < len(tokens):
            tok = tokens[i]
            kind = tok.type
            if kind in ("paragraph_open", "heading_open") and tokens[i + 1].type == "inline":
                self._paragraph(tok, tokens[i + 1])
                i += 3
                continue
            if kind == "table_open":
                self._flush_item()
                i = self._table(tokens, i)
                continue
            if kind in ("bullet_list_open", "ordered_list_open"):
                self._flush_item()
                ordered = kind == "ordered_list_open"
                start = int(tok.attrs.get("start", 1)) if ordered else 1
                self.lists.append(_List(ordered, start, tok.markup))
            # The footnote plugin can leave a close without its open (a definition
            # nested in a definition): closes only close what is open.
            elif kind in ("bullet_list_close", "ordered_list_close"):
                if self.lists:
                    self.lists.pop()
            elif kind == "list_item_open":
                self._open_item(tok)
            elif kind == "list_item_close":
                if self.containers and isinstance(self.containers[-1], _Item):
                    self._emit_item(self.containers.pop())
            elif kind == "blockquote_open":
                self._flush_item()
                self.containers.append(_Quote(self._quote_depth() + 1))
            elif kind == "blockquote_close":
                if self.containers and isinstance(self.containers[-1], _Quote):
                    self.containers.pop()
            elif kind in ("fence", "code_block"):
                self._flush_item()
                self._code(tok)
            elif kind == "html_block":
                self._flush_item()
                self._html_block(tok)
            elif kind == "hr":
                self._flush_item()
                first, last = _lines(tok)
                self.blocks.append(Block(BlockKind.RULE, "", first, last))
            elif kind == "front_matter":
                self.front_matter = tok.content
                first, last = _lines(tok)
                code = tok.content.replace("\n", LINE_BREAK)
                runs = [Run(code, code=True)] if code else []
                self._emit(BlockKind.CODE, runs, first, last, info="yaml")
            elif kind == "footnote_open":
                self.footnote = _Footnote(*_note(tok))
            elif kind == "footnote_close" and self.footnote is not None:
                self._emit_footnote()
            i += 1
        return self.blocks

    # Containers -----------------------------------------------------------

    def _quote_depth(self) -> int:
        for container in reversed(self.containers):
            if isinstance(container, _Quote):
                return container.depth
        return 0

    def _open_item(self, tok: Token) -> None:
        # The parent item shows its own text before its nested items.
        self._flush_item()
        if not self.lists:
            self.lists.append(_List(ordered=False, start=1, delimiter=""))
        lst = self.lists[-1]
        marker = f"{lst.start + lst.count}{lst.delimiter}" if lst.ordered else BULLET
        lst.count += 1
        first, _ = _lines(tok)
        self.containers.append(_Item(marker, len(self.lists) - 1, first))

    def _flush_item(self) -> None:
        if self.containers and isinstance(self.containers[-1], _Item):
            self._emit_item(self.containers[-1])

    def _emit_item(self, item: _Item) -> None:
        """Emit the item's paragraphs so far; text after a nested block gets no marker."""
        if item.emitted and not item.parts:
            return
        line = item.parts[0].line if item.parts else item.line
        end_line = item.parts[-1].end_line if item.parts else line
        marker = "" if item.emitted else item.marker
        self._emit(
            BlockKind.LIST_ITEM,
            _joined(item.parts),
            line,
            end_line,
            level=item.level,
            marker=marker,
        )
        item.emitted = True
        item.parts = []

    def _emit_footnote(self) -> None:
        note = self.footnote
        assert note is not None
        self.footnote = None
        line = note.parts[0].line if note.parts else 0
        end_line = note.parts[-1].end_line if note.parts else 0
        self._emit(
            BlockKind.FOOTNOTE,
            _joined(note.parts),
            line,
            end_line,
            label=note.label,
            marker=note.number,
        )

    # Leaf blocks ----------------------------------------------------------

    def _paragraph(self, tok: Token, inline: Token) -> None:
        first, last = _lines(tok)
        children = inline.children or []
        container = self.containers[-1] if self.containers else None
        if isinstance(container, _Item):
            if not container.parts and not container.emitted and tok.type == "paragraph_open":
                children = self._task_box(container, children)
            container.parts.append(_Part(self._runs(children), first, last))
        elif isinstance(container, _Quote):
            runs = self._runs(children)
            self._emit(BlockKind.QUOTE, runs, first, last, level=container.depth - 1)
        elif self.footnote is not None:
            self.footnote.parts.append(_Part(self._runs(children), first, last))
        elif tok.type == "heading_open":
            runs = self._runs(children)
            self._emit(BlockKind.HEADING, runs, first, last, level=int(tok.tag[1:]))
        elif (image := self._lone_image(children)) is not None:
            self.blocks.append(Block(BlockKind.IMAGE, image.alt, first, last, image=image))
        else:
            self._emit(BlockKind.PARAGRAPH, self._runs(children), first, last)

    @staticmethod
    def _task_box(item: _Item, children: Sequence[Token]) -> Sequence[Token]:
        """A GFM task item's `[ ]`/`[x]` becomes its marker; the children without it.

        mdit-py-plugins' tasklists rule would leave the box only as an HTML string
        (`<input … checked="checked">`) to read back; this follows the GFM rule itself.
        """
        if not children or children[0].type != "text":
            return children
        m = _TASK_BOX.match(children[0].content)
        if m is None:
            return children
        box = TASK_OPEN if m.group(1) == " " else TASK_DONE
        item.marker = box if item.marker == BULLET else f"{item.marker} {box}"
        rest = children[0].copy(content=children[0].content[m.end() :])
        return [rest, *children[1:]]

    def _code(self, tok: Token) -> None:
        first, last = _lines(tok)
        code = tok.content[:-1] if tok.content.endswith("\n") else tok.content
        words = unescapeAll(tok.info).split() if tok.type == "fence" else []
        info = words[0] if words else ""
        runs = [Run(code.replace("\n", LINE_BREAK), code=True)] if code else []
        self._emit(BlockKind.CODE, runs, first, last, info=info)

    def _html_block(self, tok: Token) -> None:
        first, last = _lines(tok)
        source = tok.content.rstrip("\n")
        if not _COMMENT.sub("", source).strip():
            return  # a comment is invisible wherever Markdown is shown
        if (image := self._html_image(source.strip())) is not None:
            self.blocks.append(Block(BlockKind.IMAGE, image.alt, first, last, image=image))
            return
        runs = [Run(source.replace("\n", LINE_BREAK), code=True)]
        self._emit(BlockKind.CODE, runs, first, last, info="html")

    def _table(self, tokens: Sequence[Token], i: int) -> int:
        """Emit the table starting at token `i`; the index after its end."""
        first, last = _lines(tokens[i])
        alignments: list[str] = []
        rows: list[tuple[tuple[Run, ...], ...]] = []
        row: list[tuple[Run, ...]] = []
        header_rows = 0
        i += 1
        while tokens[i].type != "table_close":
            tok = tokens[i]
            if tok.type == "tr_open":
                row = []
            elif tok.type == "tr_close":
                rows.append(tuple(row))
            elif tok.type == "thead_close":
                header_rows = len(rows)
            elif tok.type in ("th_open", "td_open"):
                if not rows:
                    alignments.append(_ALIGNMENTS.get(str(tok.attrs.get("style", "")), ""))
                runs = self._runs(tokens[i + 1].children or [])
                row.append(tuple(_one_line(r) for r in runs))
                i += 1
            i += 1
        flat: list[Run] = []
        for r, cells in enumerate(rows):
            if r:
                flat.append(Run(LINE_BREAK))
            for c, cell in enumerate(cells):
                if c:
                    flat.append(Run(CELL_BREAK))
                flat.extend(cell)
        self._emit(
            BlockKind.TABLE,
            _merged(flat),
            first,
            last,
            rows=tuple(rows),
            header_rows=header_rows,
            info=",".join(alignments),
        )
        return i + 1

    def _emit(self, kind: BlockKind, runs: list[Run], line: int, end_line: int, **fields) -> None:
        self.blocks.append(
            Block(kind, "".join(r.text for r in runs), line, end_line, runs=tuple(runs), **fields)
        )

    # Inline ---------------------------------------------------------------

    def _runs(self, children: Sequence[Token]) -> list[Run]:
        """The runs of an inline token's children."""
        out = _RunBuilder()
        bold = italic = strike = 0
        links: list[str] = []
        for tok in children:
            kind = tok.type
            link = links[-1] if links else ""
            if kind == "text":
                # A newline can only come from a character reference (&#10;): white space.
                text = tok.content.replace("\n", " ")
                out.add(text, (bold > 0, italic > 0, False, strike > 0, link, "", ""))
            elif kind == "softbreak":
                out.softbreak((bold > 0, italic > 0, False, strike > 0, link, "", ""))
            elif kind == "hardbreak":
                out.add(LINE_BREAK, _PLAIN)
            elif kind == "code_inline":
                out.add(tok.content, (bold > 0, italic > 0, True, strike > 0, link, "", ""))
            elif kind in ("strong_open", "strong_close"):
                bold += 1 if kind == "strong_open" else -1
            elif kind in ("em_open", "em_close"):
                italic += 1 if kind == "em_open" else -1
            elif kind in ("s_open", "s_close"):
                strike += 1 if kind == "s_open" else -1
            elif kind == "link_open":
                links.append(self.parser.normalizeLinkText(str(tok.attrs.get("href", ""))))
            elif kind == "link_close":
                links.pop()
            elif kind == "image":
                image = self._markdown_image(tok)
                out.add(image.alt or image.src, _linked(link or image.src))
            elif kind == "footnote_ref":
                label, number = _note(tok)
                out.add(number, (False, False, False, False, "", "", label))
            elif kind == "html_inline":
                source = tok.content
                if _BR.fullmatch(source):
                    out.add(LINE_BREAK, _PLAIN)
                elif (image := self._html_image(source)) is not None:
                    out.add(image.alt or image.src, _linked(link or image.src))
                else:
                    source = source.replace("\n", " ")
                    out.add(source, (bold > 0, italic > 0, False, strike > 0, link, "", ""))
            elif kind != "footnote_anchor" and tok.content:
                out.add(tok.content, _linked(link))
        return out.runs()

    def _lone_image(self, children: Sequence[Token]) -> Image | None:
        """The picture when it is all a paragraph holds."""
        if len(children) != 1:
            return None
        tok = children[0]
        if tok.type == "image":
            return self._markdown_image(tok)
        if tok.type == "html_inline":
            return self._html_image(tok.content)
        return None

    def _markdown_image(self, tok: Token) -> Image:
        raw = str(tok.attrs.get("src", ""))
        alt = "".join(_plain_text(tok.children or []))
        return Image(
            src=self.parser.normalizeLinkText(raw),
            alt=alt,
            title=str(tok.attrs.get("title") or ""),
            path=self._local_path(raw),
        )

    def _html_image(self, source: str) -> Image | None:
        """A simple `<img src=… alt=…>` tag as a picture; anything else is None."""
        m = _IMG.fullmatch(source)
        if m is None:
            return None
        attributes = {
            name.lower(): html.unescape(value.strip("\"'"))
            for name, value in _ATTRIBUTE.findall(m.group(1) or "")
        }
        src = attributes.get("src", "")
        if not src:
            return None
        return Image(
            src=src,
            alt=attributes.get("alt", ""),
            title=attributes.get("title", ""),
            path=self._local_path(src),
        )

    def _local_path(self, src: str) -> str:
        """The existing file `src` names inside the document's folder, else ""."""
        if self.source_dir is None or not src:
            return ""
        parts = urlsplit(src)
        scheme = parts.scheme.lower()
        if scheme == "file":
            if parts.netloc not in ("", "localhost"):
                return ""
            name = unquote(parts.path)
            if os.name == "nt" and _DRIVE_PATH.match(name):
                name = name[1:]  # file:///C:/x.png names C:/x.png
        elif len(scheme) > 1:
            return ""  # http:, https:, data:, mailto: … are never fetched
        elif scheme:
            name = src  # a Windows drive letter, not a scheme
        else:
            name = unquote(parts.path)
        if not name:
            return ""
        try:
            path = (self.source_dir / name).resolve()
            inside = path.is_relative_to(self.source_dir) and path.is_file()
        except (OSError, ValueError):
            return ""
        return str(path) if inside else ""


#: A run's style: bold, italic, code, strike, link, ruby, note (Run's fields after text).
_Style = tuple[bool, bool, bool, bool, str, str, str]
_PLAIN: _Style = (False, False, False, False, "", "", "")


def _linked(link: str) -> _Style:
    return (False, False, False, False, link, "", "")


def _style(run: Run) -> _Style:
    return (run.bold, run.italic, run.code, run.strike, run.link, run.ruby, run.note)


class _RunBuilder:
    """Collects runs, merging neighbours of one style and joining soft breaks like CJK text."""

    __slots__ = ("pending_space", "styles", "texts")

    def __init__(self) -> None:
        self.styles: list[_Style] = []
        self.texts: list[list[str]] = []
        self.pending_space: _Style | None = None

    def softbreak(self, style: _Style) -> None:
        """A soft line break in `style` (the text around it); the next text resolves it."""
        self.pending_space = style if self.styles else None

    def add(self, text: str, style: _Style) -> None:
        if not text:
            return
        space = self.pending_space
        if space is not None:
            self.pending_space = None
            if not _joins_solid(self.texts[-1][-1][-1], text[0]):
                self._append(" ", space)
        self._append(text, style)

    def _append(self, text: str, style: _Style) -> None:
        # Two references to notes stay two runs.
        if self.styles and self.styles[-1] == style and not style[6]:
            self.texts[-1].append(text)
        else:
            self.styles.append(style)
            self.texts.append([text])

    def runs(self) -> list[Run]:
        return [Run("".join(t), *s) for s, t in zip(self.styles, self.texts, strict=True)]


def _joins_solid(before: str, after: str) -> bool:
    """True when a soft line break between two characters vanishes instead of becoming a space.

    As CSS Text 3 transforms segment breaks, a break between two East Asian
    wide characters vanishes (Hangul keeps its spaces); so does one beside
    full-width punctuation, which carries its own space. Curly quotes and
    ellipses count as wide (a break between two of them in English text is rare).
    """
    classes = (_width_class(before), _width_class(after))
    return "punctuation" in classes or "narrow" not in classes


def _width_class(ch: str) -> str:
    """The character's class: punctuation (full-width), wide (Han, kana), ambiguous (“”‘’…—·), narrow."""
    if ch in _CJK_PUNCTUATION:
        return "ambiguous"
    if unicodedata.east_asian_width(ch) not in ("W", "F"):
        return "narrow"
    if "\u1100" <= ch <= "\u11ff" or "\u3130" <= ch <= "\u318f" or "\uac00" <= ch <= "\ud7af":
        return "narrow"  # Hangul: Korean separates words with spaces
    return "punctuation" if unicodedata.category(ch).startswith("P") else "wide"


def _merged(runs: list[Run]) -> list[Run]:
    out = _RunBuilder()
    for run in runs:
        out.add(run.text, _style(run))
    return out.runs()


def _joined(parts: list[_Part]) -> list[Run]:
    """The runs of several paragraphs, one line break between each two."""
    runs: list[Run] = []
    for n, part in enumerate(parts):
        if n:
            runs.append(Run(LINE_BREAK))
        runs.extend(part.runs)
    return _merged(runs)


def _one_line(run: Run) -> Run:
    """A table cell's run with the separators of the table's text made spaces."""
    if LINE_BREAK in run.text or CELL_BREAK in run.text:
        return replace(run, text=run.text.replace(LINE_BREAK, " ").replace(CELL_BREAK, " "))
    return run


def _plain_text(tokens: Sequence[Token]) -> list[str]:
    """An image description's text, as markdown-it renders alt text."""
    out: list[str] = []
    for tok in tokens:
        if tok.type in ("text", "code_inline"):
            out.append(tok.content)
        elif tok.type in ("softbreak", "hardbreak"):
            out.append(" ")
        elif tok.type == "image":
            out.extend(_plain_text(tok.children or []))
    return out


def _note(tok: Token) -> tuple[str, str]:
    """A footnote's label and the number its references show.

    An inline footnote (`^[…]`) has no label of its own: `^N` stands for it.
    """
    number = str(tok.meta["id"] + 1)
    return tok.meta.get("label") or f"^{number}", number


def _lines(tok: Token) -> tuple[int, int]:
    """A block token's 1-based, inclusive first and last source lines."""
    if tok.map is None:
        return 0, 0
    start, end = tok.map
    return start + 1, max(start + 1, end)
