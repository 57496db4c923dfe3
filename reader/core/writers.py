"""A rendition written out as plain text, Markdown or HTML (no Qt; PDF is the UI's printer).

Every writer takes what the reader displays: the blocks of the document with
the text of each block in the chosen script. Inline styles survive where the
conversion kept the block's length (they almost always do); otherwise the
block is written plainly rather than with styles on the wrong characters.
"""

from __future__ import annotations

import html
from collections.abc import Iterator, Sequence
from dataclasses import replace

from reader.core.document import CELL_BREAK, LINE_BREAK, Block, BlockKind, Run
from reader.core.rendition import Rendition

FORMATS = ("txt", "md", "html", "pdf")


def runs_for(block: Block, text: str) -> tuple[Run, ...]:
    """The block's runs carrying `text` (its displayed text), or one plain run."""
    if block.runs and sum(len(r.text) for r in block.runs) == len(text):
        out, pos = [], 0
        for run in block.runs:
            out.append(replace(run, text=text[pos : pos + len(run.text)]))
            pos += len(run.text)
        return tuple(out)
    return (Run(text),)


def _cells(block: Block, text: str) -> list[list[tuple[Run, ...]]]:
    rows = []
    for r, row in enumerate(text.split(LINE_BREAK)):
        cells = []
        for c, cell in enumerate(row.split(CELL_BREAK)):
            source = block.rows[r][c] if r < len(block.rows) and c < len(block.rows[r]) else ()
            cells.append(runs_for(Block(BlockKind.PARAGRAPH, cell, 0, 0, runs=source), cell))
        rows.append(cells)
    return rows


# Plain text


def to_text(rendition: Rendition) -> str:
    """The displayed text as a plain-text file."""
    return rendition.export_plain()


# Markdown


def to_markdown(rendition: Rendition) -> str:
    """The displayed document as CommonMark (with pipe tables and footnotes)."""
    blocks = rendition.prepared.document.blocks
    # Under a title, the top headings are ## (plain text numbers them from 1, Markdown from 2).
    levels = [b.level for b in blocks if b.kind is BlockKind.HEADING]
    shift = 1 if levels and min(levels) == 1 and blocks and blocks[0].kind is BlockKind.TITLE else 0
    parts = [_md_block(b, t, shift) for b, t in zip(blocks, rendition.texts, strict=True)]
    return "\n\n".join(parts) + "\n"


def _md_runs(runs: Sequence[Run]) -> str:
    out = []
    for run in runs:
        if run.text == LINE_BREAK:
            out.append("  \n")
            continue
        text = run.text.replace(LINE_BREAK, "  \n")
        if run.code:
            fence = "``" if "`" in text else "`"
            out.append(f"{fence}{text}{fence}")
            continue
        text = _md_escape(text)
        if run.note:
            out.append(f"[^{run.note}]")
            continue
        if run.bold and run.italic:
            text = f"***{text}***"
        elif run.bold:
            text = f"**{text}**"
        elif run.italic:
            text = f"*{text}*"
        if run.strike:
            text = f"~~{text}~~"
        if run.link:
            text = f"[{text}]({run.link})"
        out.append(text)
    return "".join(out)


def _md_escape(text: str) -> str:
    for ch in "\\`*_[]<>":
        text = text.replace(ch, "\\" + ch)
    return text


def _md_block(block: Block, text: str, shift: int = 0) -> str:
    kind = block.kind
    if kind is BlockKind.TITLE:
        return f"# {_md_runs(runs_for(block, text))}"
    if kind is BlockKind.HEADING:
        return f"{'#' * max(1, min(6, block.level + shift))} {_md_runs(runs_for(block, text))}"
    if kind is BlockKind.CODE:
        fence = "````" if "```" in text else "```"
        return f"{fence}{block.info}\n{text.replace(LINE_BREAK, chr(10))}\n{fence}"
    if kind is BlockKind.RULE:
        return "---"
    if kind is BlockKind.LIST_ITEM:
        marker = block.marker if block.marker and block.marker[0].isdigit() else "-"
        task = {"☐": "- [ ]", "☑": "- [x]"}.get(block.marker)
        return f"{'   ' * block.level}{task or marker} {_md_runs(runs_for(block, text))}"
    if kind is BlockKind.QUOTE:
        return "> " * max(1, block.level + 1) + _md_runs(runs_for(block, text))
    if kind is BlockKind.IMAGE and block.image is not None:
        return f"![{_md_escape(text)}]({block.image.src})"
    if kind is BlockKind.FIGURE:
        return f"*{_md_escape(text)}*"
    if kind is BlockKind.FOOTNOTE:
        return f"[^{block.label}]: {_md_runs(runs_for(block, text))}"
    if kind is BlockKind.TABLE:
        rows = _cells(block, text)
        width = max(len(r) for r in rows)
        lines = []
        for n, row in enumerate(rows):
            cells = [_md_runs(c).replace("|", "\\|") for c in row] + [""] * (width - len(row))
            lines.append("| " + " | ".join(cells) + " |")
            if n == 0:
                lines.append("|" + "|".join(["---"] * width) + "|")
        return "\n".join(lines)
    return _md_runs(runs_for(block, text))


# HTML

_CSS = """body{max-width:38em;margin:2em auto;padding:0 1em;line-height:1.7;
font-family:"Noto Serif CJK SC","Noto Serif CJK TC","Source Han Serif",serif;color:#1d1d1b}
p.paragraph{text-indent:2em;text-align:justify}
.metadata,.subtitle,.figure,.byline,.notice,.footnote{color:#6b6b66}
.metadata,.subtitle,.figure{text-align:center}.byline{text-align:right}
pre{background:#f0efe9;padding:.5em;overflow-x:auto}code{background:#f0efe9}
table{border-collapse:collapse}td,th{border:1px solid #aaa;padding:.2em .5em}
blockquote{color:#555;border-left:3px solid #ccc;margin-left:0;padding-left:1em}
img{max-width:100%}"""


def to_html(rendition: Rendition, lang: str = "zh") -> str:
    """The displayed document as one standalone HTML page (no scripts, no remote content)."""
    title = html.escape(rendition.title())
    body = "\n".join(_html_blocks(rendition.prepared.document.blocks, rendition.texts))
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{title}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )


def _html_runs(runs: Sequence[Run]) -> str:
    out = []
    for run in runs:
        text = html.escape(run.text).replace(LINE_BREAK, "<br>")
        if run.code:
            text = f"<code>{text}</code>"
        if run.bold:
            text = f"<strong>{text}</strong>"
        if run.italic:
            text = f"<em>{text}</em>"
        if run.strike:
            text = f"<s>{text}</s>"
        if run.ruby:
            text = f"<ruby>{text}<rt>{html.escape(run.ruby)}</rt></ruby>"
        if run.note:
            label = html.escape(run.note, quote=True)
            text = f'<sup><a href="#fn-{label}">{text}</a></sup>'
        elif run.link:
            text = f'<a href="{html.escape(run.link, quote=True)}">{text}</a>'
        out.append(text)
    return "".join(out)


def _html_blocks(blocks: Sequence[Block], texts: Sequence[str]) -> Iterator[str]:
    open_list: list[str] = []
    for block, text in zip(blocks, texts, strict=True):
        kind = block.kind
        if kind is BlockKind.LIST_ITEM and block.marker:
            tag = "ol" if block.marker[0].isdigit() else "ul"
            while len(open_list) > block.level + 1:
                yield f"</{open_list.pop()}>"
            if len(open_list) < block.level + 1:
                start = block.marker.rstrip(".)") if tag == "ol" else ""
                yield f'<{tag} start="{start}">' if start else f"<{tag}>"
                open_list.append(tag)
            yield f"<li>{_html_runs(runs_for(block, text))}</li>"
            continue
        while open_list:
            yield f"</{open_list.pop()}>"
        content = _html_runs(runs_for(block, text))
        if kind is BlockKind.TITLE:
            yield f"<h1>{content}</h1>"
        elif kind is BlockKind.HEADING:
            level = min(6, block.level + 1)
            yield f'<h{level} id="b{block.line}">{content}</h{level}>'
        elif kind is BlockKind.CODE:
            code = html.escape(text).replace(LINE_BREAK, "\n")
            yield f"<pre><code>{code}</code></pre>"
        elif kind is BlockKind.RULE:
            yield "<hr>"
        elif kind is BlockKind.QUOTE:
            yield f"<blockquote><p>{content}</p></blockquote>"
        elif kind is BlockKind.IMAGE and block.image is not None:
            src = html.escape(block.image.src, quote=True)
            yield f'<figure><img src="{src}" alt="{html.escape(text, quote=True)}">'
            yield f"<figcaption>{content}</figcaption></figure>"
        elif kind is BlockKind.TABLE:
            rows = _cells(block, text)
            yield "<table>"
            for n, row in enumerate(rows):
                tag = "th" if n < block.header_rows else "td"
                cells = "".join(f"<{tag}>{_html_runs(c)}</{tag}>" for c in row)
                yield f"<tr>{cells}</tr>"
            yield "</table>"
        elif kind is BlockKind.FOOTNOTE:
            label = html.escape(block.label, quote=True)
            yield f'<p class="footnote" id="fn-{label}">{label}. {content}</p>'
        else:
            yield f'<p class="{kind.value}">{content}</p>'
    while open_list:
        yield f"</{open_list.pop()}>"
