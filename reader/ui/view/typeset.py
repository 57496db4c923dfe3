"""How each kind of block is set: one style table in ems of the body text (no Qt).

The block layouter sets every block with these styles, on screen and on paper.
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.core.document import BlockKind

# Body text on paper, in points (the screen size is the reader's choice).
PAPER_BODY_PT = 11.0
# Page margins on paper, in millimetres (the footer with the page number sits inside).
PAPER_MARGIN_MM = 20.0


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
    mono: bool = False  # a fixed-pitch font, lines kept as written
    keep_with_next: bool = False  # on paper, never the last thing on a page


_STYLES = {
    BlockKind.TITLE: BlockStyle(1.75, True, "center", space_before=1.0, space_after=0.5, colour="heading", keep_with_next=True),
    BlockKind.METADATA: BlockStyle(0.8, align="center", space_after=1.2, colour="quiet"),
    BlockKind.SUBTITLE: BlockStyle(0.95, align="center", space_after=1.0, colour="quiet"),
    # A picture the file names but does not contain: one quiet line, its caption.
    BlockKind.FIGURE: BlockStyle(0.85, align="center", space_before=0.2, space_after=0.8, colour="quiet"),
    BlockKind.LIST_ITEM: BlockStyle(indent=-2, margin_left=2, space_after=0.4),
    BlockKind.BYLINE: BlockStyle(align="right", space_before=1.0, space_after=1.0, colour="quiet"),
    BlockKind.NOTICE: BlockStyle(0.8, space_after=0.4, colour="quiet"),
    BlockKind.QUOTE: BlockStyle(margin_left=2, colour="quiet"),
    BlockKind.PARAGRAPH: BlockStyle(indent=2),
    BlockKind.CODE: BlockStyle(0.88, align="left", space_before=0.2, space_after=0.8, boxed=True, mono=True),
    BlockKind.TABLE: BlockStyle(0.92, align="left", space_before=0.4, space_after=0.8),
    BlockKind.RULE: BlockStyle(space_before=0.6, space_after=0.6, colour="quiet"),
    BlockKind.IMAGE: BlockStyle(0.85, align="center", space_before=0.4, space_after=0.8, colour="quiet"),
    BlockKind.FOOTNOTE: BlockStyle(0.85, align="left", space_after=0.3, colour="quiet"),
}  # fmt: skip
_HEADING_SCALE = {1: 1.35, 2: 1.2, 3: 1.1}
# Each level of list or quote nesting moves the text this many ems to the right.
NEST_EM = 1.5


def block_style(kind: BlockKind, level: int = 0, marker: str = "") -> BlockStyle:
    """The style of a block; headings shrink with depth, lists and quotes move in."""
    if kind is BlockKind.HEADING:
        return BlockStyle(
            _HEADING_SCALE.get(level, 1.0), True, "left", space_before=1.6, space_after=0.6,
            colour="heading", keep_with_next=True,
        )  # fmt: skip
    if kind is BlockKind.LIST_ITEM and marker:
        # The marker (•, 3.) sits in the margin to the left of the text.
        return BlockStyle(align="left", margin_left=2 + NEST_EM * level, space_after=0.3)
    if kind is BlockKind.QUOTE and level:
        return BlockStyle(margin_left=2 + NEST_EM * level, colour="quiet")
    return _STYLES[kind]
