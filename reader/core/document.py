"""The document model: an immutable `Document` made of typed `Block`s."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.core.outline import Outline


class BlockKind(StrEnum):
    """What a block is to a reader; the view typesets each kind differently."""

    TITLE = "title"
    METADATA = "metadata"
    SUBTITLE = "subtitle"
    FIGURE = "figure"  # a picture the file names but does not contain (plain text)
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    QUOTE = "quote"
    BYLINE = "byline"
    NOTICE = "notice"
    CODE = "code"  # preformatted; never converted between scripts
    TABLE = "table"
    RULE = "rule"  # a thematic break
    IMAGE = "image"  # a picture from the document's folder or archive
    FOOTNOTE = "footnote"


#: Inside a block's text, a line break that does not end the block.
LINE_BREAK = "\u2028"
#: Between the cells of a table row in the block's text (rows are LINE_BREAK-separated).
CELL_BREAK = "\t"


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of a block's text with one inline style.

    `link` is a target (URL or `#anchor`) shown to the reader, never followed
    without asking; `ruby` an annotation set above the text (pinyin, zhuyin);
    `note` the label of the footnote this run refers to; `picture` a small picture
    drawn in place of the run's text (a glyph image for a rare character), the text
    being its description. Code is never converted between scripts; nor is a link's
    target.
    """

    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False
    strike: bool = False
    link: str = ""
    ruby: str = ""
    note: str = ""
    picture: Image | None = None

    @property
    def plain(self) -> bool:
        """True when the run carries no style at all."""
        return (
            not (self.bold or self.italic or self.code or self.strike or self.link or self.ruby)
            and not self.note
            and self.picture is None
        )


@dataclass(frozen=True, slots=True)
class Image:
    """A picture a block shows: where the document says it is, and what describes it.

    `path` is the file to read, resolved inside the document's own folder (or
    `member` of its archive); both are empty for a remote or missing picture,
    which is shown as its alt text and address, never fetched.
    """

    src: str
    alt: str = ""
    title: str = ""
    path: str = ""
    member: str = ""


@dataclass(frozen=True, slots=True)
class Block:
    """One typeset unit of the document.

    `text` never contains the source's leading indentation; it is always the
    concatenation of `runs` when there are runs (no runs: one plain run).
    A figure's `text` is its placeholder line and `caption` the line that
    describes it. `line` and `end_line` are the 1-based, inclusive source lines.

    By kind: a heading's `level` is its rank; a list item's `level` is its
    nesting depth (0 outermost) and `marker` what it shows (`3.`, `•`); a
    quote's `level` its depth; a code block's `info` its language; a table's
    `rows` hold each cell's runs (the first `header_rows` rows are headers);
    an image block's `image` the picture; a footnote's `label` its label.
    """

    kind: BlockKind
    text: str
    line: int
    end_line: int
    level: int = 0
    caption: str = ""
    runs: tuple[Run, ...] = ()
    marker: str = ""
    info: str = ""
    rows: tuple[tuple[tuple[Run, ...], ...], ...] = ()
    header_rows: int = 0
    image: Image | None = None
    label: str = ""

    @property
    def full_text(self) -> str:
        """Every character the block shows, caption included."""
        return f"{self.text}\n{self.caption}" if self.caption else self.text


@dataclass(frozen=True, slots=True)
class Metadata:
    """Facts about the document parsed from its header line(s)."""

    published: str = ""
    source: str = ""
    author: str = ""
    editor: str = ""
    responsible_editor: str = ""


@dataclass(frozen=True, slots=True)
class Document:
    """A loaded, recognised document.

    A book (EPUB) brings what plain text cannot: `toc`, its own table of contents
    (entries point at block indices; None means "build the outline from the
    headings"), `authors`, `language` (a BCP 47 tag such as `zh-TW`), `cover`,
    and `anchors`, which maps an in-book link target (`OEBPS/ch2.xhtml#note3`,
    or a file alone) to the index of the block it leads to.
    """

    title: str
    blocks: tuple[Block, ...]
    metadata: Metadata = field(default_factory=Metadata)
    source: str = ""
    encoding: str = "utf-8"
    text: str = ""
    warnings: tuple[str, ...] = ()
    #: Hard-wrapped lines were joined into paragraphs (plain text only).
    reflowed: bool = False
    #: What the document was read as: "text" (recognised plain text), "markdown" or "epub".
    format: str = "text"
    toc: Outline | None = None
    authors: tuple[str, ...] = ()
    language: str = ""
    cover: Image | None = None
    anchors: Mapping[str, int] = field(default_factory=dict)
    #: A book's publisher, description (paragraphs split by line breaks) and date, as given.
    publisher: str = ""
    description: str = ""
    date: str = ""

    @property
    def line_count(self) -> int:
        """Number of lines in the source text."""
        if not self.text:
            return 0
        return self.text.count("\n") + (0 if self.text.endswith("\n") else 1)

    @property
    def char_count(self) -> int:
        """Number of non-white-space characters in the source text."""
        return len(self.text) - sum(self.text.count(c) for c in _COUNTED_SPACES)

    def headings(self) -> list[tuple[int, Block]]:
        """(block index, block) of every heading, in order."""
        return [(i, b) for i, b in enumerate(self.blocks) if b.kind is BlockKind.HEADING]


_COUNTED_SPACES = (" ", "\n", "\t", "\u00a0", "\u3000", "\r", "\f", "\v")
