"""How each kind of block is set: one style table in ems of the body text (no Qt).

The reading view lays blocks out with these styles; `document_html` gives the
same styles as HTML for the print path.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

from reader.core.document import BlockKind
from reader.core.rendition import LINE_BREAK
from reader.ui.themes import Theme


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
