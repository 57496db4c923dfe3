"""The section outline: a tree of headings built from a document's blocks."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace

from reader.core.document import BlockKind, Document


@dataclass(frozen=True, slots=True)
class OutlineEntry:
    """One heading in the outline; `block` indexes `Document.blocks`, `line` is 1-based."""

    title: str
    level: int
    block: int
    line: int
    children: tuple[OutlineEntry, ...] = ()

    def to_dict(self) -> dict[str, object]:
        """Plain data for JSON."""
        return {
            "title": self.title,
            "level": self.level,
            "block": self.block,
            "line": self.line,
            "children": [c.to_dict() for c in self.children],
        }


@dataclass(frozen=True, slots=True)
class Outline:
    """The document title and its top-level entries."""

    title: str
    entries: tuple[OutlineEntry, ...]

    def walk(self) -> Iterator[OutlineEntry]:
        """Every entry, depth first, in reading order."""
        stack = list(reversed(self.entries))
        while stack:
            entry = stack.pop()
            yield entry
            stack.extend(reversed(entry.children))

    def section_at(self, block: int) -> OutlineEntry | None:
        """The entry of the section that contains block index `block`."""
        entries = list(self.walk())
        k = entry_at([e.block for e in entries], block)
        return entries[k] if k >= 0 else None

    def map_titles(self, convert: Callable[[str], str]) -> Outline:
        """The same outline with every title passed through `convert`."""

        def conv(entry: OutlineEntry) -> OutlineEntry:
            return replace(
                entry, title=convert(entry.title), children=tuple(conv(c) for c in entry.children)
            )

        return Outline(convert(self.title), tuple(conv(e) for e in self.entries))


def entry_at(entry_blocks: Sequence[int], block: int) -> int:
    """Which entry (by reading order) holds block `block`: the last one starting at or
    before it, or -1 before the first. `entry_blocks` are the entries' blocks, ascending."""
    return bisect.bisect_right(entry_blocks, block) - 1


def document_outline(document: Document) -> Outline:
    """The document's own table of contents when it has one (a book), else its headings."""
    return document.toc if document.toc is not None else build_outline(document)


def build_outline(document: Document) -> Outline:
    """Nest the document's headings by level; a deeper heading belongs to the one above it."""
    root: list[_Node] = []
    stack: list[_Node] = []
    for index, block in enumerate(document.blocks):
        if block.kind is not BlockKind.HEADING:
            continue
        node = _Node(block.text, block.level, index, block.line)
        while stack and stack[-1].level >= node.level:
            stack.pop()
        (stack[-1].children if stack else root).append(node)
        stack.append(node)
    return Outline(document.title, tuple(n.freeze(1) for n in root))


class _Node:
    __slots__ = ("block", "children", "level", "line", "title")

    def __init__(self, title: str, level: int, block: int, line: int):
        self.title, self.level, self.block, self.line = title, level, block, line
        self.children: list[_Node] = []

    def freeze(self, depth: int) -> OutlineEntry:
        # Levels in the outline are depths, so a lone 第N節 under the title is level 1.
        return OutlineEntry(
            self.title,
            depth,
            self.block,
            self.line,
            tuple(c.freeze(depth + 1) for c in self.children),
        )
