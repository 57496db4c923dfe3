"""The document model: an immutable `Document` made of typed `Block`s."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class BlockKind(StrEnum):
    """What a block is to a reader; the view typesets each kind differently."""

    TITLE = "title"
    METADATA = "metadata"
    SUBTITLE = "subtitle"
    FIGURE = "figure"
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    QUOTE = "quote"
    BYLINE = "byline"
    NOTICE = "notice"


@dataclass(frozen=True, slots=True)
class Block:
    """One typeset unit of the document.

    `text` never contains the source's leading indentation. A figure's
    `text` is its placeholder line and `caption` the line that describes it.
    `line` and `end_line` are the 1-based, inclusive source lines.
    """

    kind: BlockKind
    text: str
    line: int
    end_line: int
    level: int = 0
    caption: str = ""

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
    """A loaded, recognised document."""

    title: str
    blocks: tuple[Block, ...]
    metadata: Metadata = field(default_factory=Metadata)
    source: str = ""
    encoding: str = "utf-8"
    text: str = ""
    warnings: tuple[str, ...] = ()

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
