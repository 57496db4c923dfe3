"""Open a file as a recognised `Document`: loading, reflow and structure recognition."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from reader.core.document import Document
from reader.core.loading import DEFAULT_SIZE_LIMIT, decode_bytes, load_text
from reader.core.reflow import reflow as reflow_text
from reader.core.structure import recognize

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd"})


def open_document(
    path: str | os.PathLike[str],
    encoding: str | None = None,
    size_limit: int = DEFAULT_SIZE_LIMIT,
    reflow: bool = True,
) -> Document:
    """Load, decode and recognise a document; raises `LoadError` with a one-line message.

    With `reflow`, hard-wrapped plain text (not Markdown) has its wrapped lines joined.
    """
    p = Path(path)
    loaded = load_text(p, encoding, size_limit)
    markdown = p.suffix.lower() in MARKDOWN_SUFFIXES
    doc = _recognize(loaded.text, markdown, p.stem, reflow)
    return replace(doc, source=str(p), encoding=loaded.encoding, warnings=loaded.warnings)


def document_from_bytes(
    data: bytes,
    name: str = "",
    encoding: str | None = None,
    markdown: bool = False,
    reflow: bool = True,
) -> Document:
    """Recognise a document that did not come from a file (standard input, tests)."""
    loaded = decode_bytes(data, encoding)
    doc = _recognize(loaded.text, markdown, name, reflow)
    return replace(doc, source=name, encoding=loaded.encoding, warnings=loaded.warnings)


def _recognize(text: str, markdown: bool, fallback_title: str, reflow: bool) -> Document:
    """Recognise `text`, reflowed first when asked and it is hard-wrapped plain text.

    The document keeps the source text, and its blocks the source's line
    numbers: a reflowed paragraph runs from its first to its last source line.
    """
    if markdown or not reflow:
        return recognize(text, markdown=markdown, fallback_title=fallback_title)
    reflowed = reflow_text(text)
    if not reflowed.applied:
        return recognize(text, fallback_title=fallback_title)
    doc = recognize(reflowed.text, fallback_title=fallback_title)
    return replace(doc, blocks=reflowed.source_blocks(doc.blocks), text=text, reflowed=True)
