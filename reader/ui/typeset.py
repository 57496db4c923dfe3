"""Turn a `Document` into what the view shows: one display text and one HTML paragraph per block.

Plain Python (no Qt), so workers can build a large document's HTML. Every
block becomes exactly one paragraph element, which Qt turns into exactly one
text block: block index i of the document is text block i of the view.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

from reader.core.document import Block, BlockKind, Document, Metadata

#: Qt shows U+2028 as a line break inside one text block.
LINE_BREAK = "\u2028"
FIGURE_NOTE = "圖片未收錄"


@dataclass(frozen=True, slots=True)
class Theme:
    """Colours of one reading theme."""

    name: str
    background: str
    text: str
    quiet: str
    heading: str
    figure_background: str
    match: str
    current_match: str
    selection: str


THEMES = {
    "light": Theme(
        "light", "#fbfbf8", "#1d1d1b", "#6b6b66", "#111111", "#f0efe9",
        "#fff1a8", "#ffb347", "#b3d4fc",
    ),
    "sepia": Theme(
        "sepia", "#f4ecd8", "#3b2f20", "#6b5c45", "#2a2016", "#eadfc4",
        "#f7de7a", "#e8a33d", "#d9c79e",
    ),
    "dark": Theme(
        "dark", "#1e1f22", "#d8d6d0", "#9c9a93", "#f0eee8", "#2a2c30",
        "#6b5b16", "#a8661a", "#35507a",
    ),
}  # fmt: skip


def display_texts(document: Document) -> list[str]:
    """The text each block shows, in the document's own script (figures get a label)."""
    texts = []
    figure = 0
    for block in document.blocks:
        if block.kind is BlockKind.FIGURE:
            figure += 1
            texts.append(figure_text(block, figure))
        elif block.kind is BlockKind.METADATA:
            texts.append(metadata_text(document.metadata) or block.text)
        else:
            texts.append(block.text)
    return texts


def figure_text(block: Block, number: int) -> str:
    """`圖片未收錄` above `圖 N　caption`: the file names a picture it does not contain."""
    caption = f"圖 {number} {block.caption}" if block.caption else f"圖 {number}"
    return f"{FIGURE_NOTE}{LINE_BREAK}{caption}"


def metadata_text(metadata: Metadata) -> str:
    """One quiet line: date · source · editors."""
    parts = [metadata.published, metadata.source]
    if metadata.author:
        parts.append(f"作者 {metadata.author}")
    if metadata.editor:
        parts.append(f"編輯 {metadata.editor}")
    if metadata.responsible_editor:
        parts.append(f"責編 {metadata.responsible_editor}")
    return " · ".join(p for p in parts if p)


@dataclass(frozen=True, slots=True)
class BlockStyle:
    """How one kind of block is set; lengths in ems of the body text."""

    scale: float = 1.0  # font size relative to the body text
    bold: bool = False
    align: str = "justify"  # left, center, right or justify
    indent: float = 0.0  # first line; negative for a hanging indent
    margin_left: float = 0.0
    margin_right: float = 0.0
    space_before: float = 0.0
    space_after: float = 0.6
    colour: str = "text"  # a Theme attribute: text, quiet or heading
    boxed: bool = False  # drawn on the theme's figure background

    def css(self, theme: Theme, em: float, line_height: int) -> str:
        """The same style as CSS for Qt's HTML (print and PDF export)."""
        return (
            f"white-space:pre-wrap; line-height:{em * line_height / 100:.0f}px; "
            f"font-size:{em * self.scale:.0f}px; font-weight:{700 if self.bold else 400}; "
            f"color:{getattr(theme, self.colour)}; text-indent:{self.indent * em:.0f}px; "
            f"margin-left:{self.margin_left * em:.0f}px; margin-right:{self.margin_right * em:.0f}px; "
            f"margin-top:{self.space_before * em:.0f}px; margin-bottom:{self.space_after * em:.0f}px;"
            + (f" background-color:{theme.figure_background};" if self.boxed else "")
        )


_STYLES = {
    BlockKind.TITLE: BlockStyle(1.75, True, "center", space_before=1.0, space_after=0.5, colour="heading"),
    BlockKind.METADATA: BlockStyle(0.8, align="center", space_after=1.2, colour="quiet"),
    BlockKind.SUBTITLE: BlockStyle(0.95, align="center", space_after=1.0, colour="quiet"),
    BlockKind.FIGURE: BlockStyle(
        0.85, align="center", margin_left=2, margin_right=2, space_before=0.6, space_after=0.6,
        colour="quiet", boxed=True,
    ),
    BlockKind.LIST_ITEM: BlockStyle(indent=-2, margin_left=2, space_after=0.4),
    BlockKind.BYLINE: BlockStyle(align="right", space_before=1.0, space_after=1.0, colour="quiet"),
    BlockKind.NOTICE: BlockStyle(0.8, space_after=0.4, colour="quiet"),
    BlockKind.QUOTE: BlockStyle(margin_left=2, colour="quiet"),
    BlockKind.PARAGRAPH: BlockStyle(indent=2),
}  # fmt: skip
_HEADING_SCALE = {1: 1.35, 2: 1.2, 3: 1.1}


def block_style(kind: BlockKind, level: int = 0) -> BlockStyle:
    """The style of a block; headings shrink with depth."""
    if kind is BlockKind.HEADING:
        return BlockStyle(
            _HEADING_SCALE.get(level, 1.0), True, "left", space_before=1.6, space_after=0.6,
            colour="heading",
        )  # fmt: skip
    return _STYLES[kind]


def block_html(
    kind: BlockKind, level: int, text: str, theme: Theme, em: float, line_height: int = 170
) -> str:
    """One paragraph element for a block (Qt ignores text-align: justify in CSS: use align)."""
    style = block_style(kind, level)
    body = html.escape(text).replace(LINE_BREAK, "<br/>")
    return f'<p align="{style.align}" style="{style.css(theme, em, line_height)}">{body}</p>'


def document_html(
    kinds: Sequence[tuple[BlockKind, int]],
    texts: Sequence[str],
    theme: Theme,
    em: float,
    line_height: int,
) -> str:
    """The whole document as HTML; `line_height` is a percentage (170 = 1.7 lines)."""
    parts = [f'<body style="color:{theme.text};">']
    parts.extend(
        block_html(kind, level, text, theme, em, line_height)
        for (kind, level), text in zip(kinds, texts, strict=True)
    )
    parts.append("</body>")
    return "".join(parts)


def plain_export(kinds: Sequence[tuple[BlockKind, int]], texts: Sequence[str]) -> str:
    """The displayed text as a plain-text file: paragraphs indented, blocks apart."""
    lines = []
    for (kind, _), text in zip(kinds, texts, strict=True):
        text = text.replace(LINE_BREAK, "\n")
        lines.append("\u3000\u3000" + text if kind is BlockKind.PARAGRAPH else text)
    return "\n\n".join(lines) + "\n"
