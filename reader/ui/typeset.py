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
    figure_border: str
    match: str
    current_match: str
    selection: str


THEMES = {
    "light": Theme(
        "light", "#fbfbf8", "#1d1d1b", "#6b6b66", "#111111", "#f0efe9", "#d8d6cc",
        "#fff1a8", "#ffb347", "#b3d4fc",
    ),
    "sepia": Theme(
        "sepia", "#f4ecd8", "#3b2f20", "#6b5c45", "#2a2016", "#eadfc4", "#cdbb94",
        "#f7de7a", "#e8a33d", "#d9c79e",
    ),
    "dark": Theme(
        "dark", "#1e1f22", "#d8d6d0", "#9c9a93", "#f0eee8", "#2a2c30", "#45484e",
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


def block_html(
    kind: BlockKind, level: int, text: str, theme: Theme, em: float, line_height: int = 170
) -> str:
    """One paragraph element for a block; `em` is the body font size in pixels."""
    # pre-wrap: Qt must keep every space, so the view's text equals the display text.
    # A line height in px is a minimum for Qt: 1.7 em, whatever the font's own line box.
    # (A percentage would multiply the CJK font's already tall line box.)
    return _block_html(kind, level, text, theme, em).replace(
        'style="', f'style="white-space:pre-wrap; line-height:{em * line_height / 100:.0f}px; ', 1
    )


def _block_html(kind: BlockKind, level: int, text: str, theme: Theme, em: float) -> str:
    body = html.escape(text).replace(LINE_BREAK, "<br/>")
    # Qt ignores `text-align: justify` in a style attribute; the align attribute works.
    justify = 'align="justify" style="'

    if kind is BlockKind.TITLE:
        return (
            f'<p style="font-size:{em * 1.75:.0f}px; font-weight:700; color:{theme.heading}; '
            f'margin-top:{em:.0f}px; margin-bottom:{em * 0.5:.0f}px; text-align:center;">{body}</p>'
        )
    if kind is BlockKind.METADATA:
        return (
            f'<p style="font-size:{em * 0.8:.0f}px; color:{theme.quiet}; text-align:center; '
            f'margin-bottom:{em * 1.2:.0f}px;">{body}</p>'
        )
    if kind is BlockKind.SUBTITLE:
        return (
            f'<p style="font-size:{em * 0.95:.0f}px; color:{theme.quiet}; text-align:center; '
            f'margin-bottom:{em:.0f}px;">{body}</p>'
        )
    if kind is BlockKind.HEADING:
        scale = {1: 1.35, 2: 1.2, 3: 1.1}.get(level, 1.0)
        return (
            f'<p style="font-size:{em * scale:.0f}px; font-weight:700; color:{theme.heading}; '
            f'margin-top:{em * 1.6:.0f}px; margin-bottom:{em * 0.6:.0f}px;">{body}</p>'
        )
    if kind is BlockKind.FIGURE:
        return (
            f'<p style="font-size:{em * 0.85:.0f}px; color:{theme.quiet}; text-align:center; '
            f"background-color:{theme.figure_background}; margin-top:{em * 0.6:.0f}px; "
            f"margin-bottom:{em * 0.6:.0f}px; margin-left:{em * 2:.0f}px; "
            f'margin-right:{em * 2:.0f}px;">{body}</p>'
        )
    if kind is BlockKind.LIST_ITEM:
        return (
            f"<p {justify}margin-left:{em * 2:.0f}px; text-indent:-{em * 2:.0f}px; "
            f'margin-bottom:{em * 0.4:.0f}px;">{body}</p>'
        )
    if kind is BlockKind.BYLINE:
        return (
            f'<p style="text-align:right; color:{theme.quiet}; margin-top:{em:.0f}px; '
            f'margin-bottom:{em:.0f}px;">{body}</p>'
        )
    if kind is BlockKind.NOTICE:
        return (
            f"<p {justify}font-size:{em * 0.8:.0f}px; color:{theme.quiet}; "
            f'margin-bottom:{em * 0.4:.0f}px;">{body}</p>'
        )
    if kind is BlockKind.QUOTE:
        return (
            f"<p {justify}margin-left:{em * 2:.0f}px; color:{theme.quiet}; "
            f'margin-bottom:{em * 0.6:.0f}px;">{body}</p>'
        )
    return f'<p {justify}text-indent:{em * 2:.0f}px; margin-bottom:{em * 0.6:.0f}px;">{body}</p>'


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
