"""Open a file as a recognised `Document`: loading, then the Markdown reader, or reflow and
plain-text structure recognition."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

from reader.core.chapter_rules import DEFAULT_RULES, ChapterRules
from reader.core.document import Document
from reader.core.loading import DEFAULT_SIZE_LIMIT, decode_bytes, load_text
from reader.core.reflow import reflow as reflow_text
from reader.core.structure import is_dense, recognize

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd"})
#: Plain text longer than this (characters) is shown from its beginning first, then whole:
#: recognising a 30M-character novel takes seconds, its first screen milliseconds.
BEGINNING_FIRST_CHARS = 1_000_000
BEGINNING_CHARS = 100_000
#: A Markdown file is read as plain text when its lines, parsed, would cost more than
#: twice its size (no allowance; markdown-it spends about 4 µs and 170 bytes on each
#: soft line break: 4 MiB of one-character lines took 17 s and 700 MB).
MARKDOWN_ALLOWANCE = 0


def open_document(
    path: str | os.PathLike[str],
    encoding: str | None = None,
    size_limit: int = DEFAULT_SIZE_LIMIT,
    rules: ChapterRules = DEFAULT_RULES,
    reflow: bool = True,
) -> Document:
    """Load, decode and recognise a document; raises `LoadError` with a one-line message.

    `rules` are the user's chapter rules (built-in ones switched off, own patterns).
    With `reflow`, hard-wrapped plain text (not Markdown) has its wrapped lines joined.
    An EPUB is recognised by its suffix or, when the suffix lies, by its `mimetype` member.
    """
    ((whole, _),) = open_in_steps(path, encoding, size_limit, rules, reflow, beginning_first=False)
    return whole


def open_in_steps(
    path: str | os.PathLike[str],
    encoding: str | None = None,
    size_limit: int = DEFAULT_SIZE_LIMIT,
    rules: ChapterRules = DEFAULT_RULES,
    reflow: bool = True,
    beginning_first: bool = True,
    place: Callable[[Document], int] | None = None,
) -> Iterator[tuple[Document, bool]]:
    """`open_document` for a window: (document, whole?) pairs, the last one whole.

    Long plain text and big books yield their beginning first, then the whole document.

    The beginning (about `BEGINNING_CHARS`, cut at a line's end) is recognised
    alone, so the first screen can be shown while the rest is still being
    recognised; its blocks are the whole document's first blocks as far as
    evidence from the whole document (chapter series, reflow) agrees. Every
    other document, and text up to `BEGINNING_FIRST_CHARS`, is yielded once.

    A book's beginning is its first spine files up to `BEGINNING_CHARS`, and
    past the block `place(beginning)` says the reader was at, when much is left
    to read (`formats.epub.open_epub_in_steps`); its blocks are the whole book's
    first blocks, at the same indices.
    """
    p = Path(path)
    if is_epub(p):
        from reader.core.formats.epub import open_epub_in_steps  # lxml for books only

        beginning = BEGINNING_CHARS if beginning_first else 0
        for document, whole in open_epub_in_steps(p, size_limit, beginning, place):
            yield replace(document, format="epub"), whole
        return
    loaded = load_text(p, encoding, size_limit)
    text = loaded.text
    known = {"source": str(p), "encoding": loaded.encoding, "warnings": loaded.warnings}
    if p.suffix.lower() in MARKDOWN_SUFFIXES and not is_dense(text, allowance=MARKDOWN_ALLOWANCE):
        from reader.core.formats.markdown import parse_markdown  # markdown-it for Markdown only

        doc = parse_markdown(text, p.parent, fallback_title=p.stem)
        yield replace(doc, format="markdown", **known), True
        return
    if beginning_first and len(text) > BEGINNING_FIRST_CHARS:
        cut = text.rfind("\n", 0, BEGINNING_CHARS) + 1 or BEGINNING_CHARS
        yield replace(recognize_text(text[:cut], p.stem, reflow, rules), **known), False
    yield replace(recognize_text(text, p.stem, reflow, rules), **known), True


def is_epub(path: str | os.PathLike[str]) -> bool:
    """True for a `.epub` file, or a file that starts as an EPUB does (its `mimetype` member)."""
    p = Path(path)
    if p.suffix.lower() == ".epub":
        return True
    try:
        with p.open("rb") as f:
            head = f.read(64)
    except OSError:
        return False
    return (
        head.startswith(b"PK\x03\x04")
        and head[30:38] == b"mimetype"
        and b"application/epub+zip" in head
    )


def document_from_bytes(
    data: bytes,
    name: str = "",
    encoding: str | None = None,
    markdown: bool = False,
    reflow: bool = True,
) -> Document:
    """Recognise a document that did not come from a file (standard input, tests).

    Having no folder, a Markdown document from bytes shows no local picture.
    """
    loaded = decode_bytes(data, encoding)
    if markdown:
        from reader.core.formats.markdown import parse_markdown

        doc = replace(parse_markdown(loaded.text, None, fallback_title=name), format="markdown")
    else:
        doc = recognize_text(loaded.text, name, reflow, DEFAULT_RULES)
    return replace(doc, source=name, encoding=loaded.encoding, warnings=loaded.warnings)


def recognize_text(
    text: str,
    fallback_title: str,
    reflow: bool,
    rules: ChapterRules = DEFAULT_RULES,
    sources: list[str] | None = None,
) -> Document:
    """Recognise plain `text`, reflowed first when asked and it is hard-wrapped.

    `sources`, when given, receives the rule that found each heading, in order.

    The document keeps the source text, and its blocks the source's line
    numbers: a reflowed paragraph runs from its first to its last source line.
    A dense text (short lines, see `structure.is_dense`) is never hard-wrapped.
    """
    if reflow and not is_dense(text):
        reflowed = reflow_text(text)
        if reflowed.applied:
            doc = recognize(
                reflowed.text, fallback_title=fallback_title, rules=rules, sources=sources
            )
            return replace(doc, blocks=reflowed.source_blocks(doc.blocks), text=text, reflowed=True)
    return recognize(text, fallback_title=fallback_title, rules=rules, sources=sources)
