"""Open a file as a recognised `Document`: loading plus structure recognition."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from reader.core.document import Document
from reader.core.loading import DEFAULT_SIZE_LIMIT, decode_bytes, load_text
from reader.core.structure import recognize

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd"})


def open_document(
    path: str | os.PathLike[str],
    encoding: str | None = None,
    size_limit: int = DEFAULT_SIZE_LIMIT,
) -> Document:
    """Load, decode and recognise a document; raises `LoadError` with a one-line message.

    An EPUB is recognised by its suffix or, when the suffix lies, by its `mimetype` member.
    """
    p = Path(path)
    if is_epub(p):
        from reader.core.formats.epub import open_epub  # lxml is loaded for books only

        return open_epub(p, size_limit)
    loaded = load_text(p, encoding, size_limit)
    doc = recognize(
        loaded.text, markdown=p.suffix.lower() in MARKDOWN_SUFFIXES, fallback_title=p.stem
    )
    return replace(doc, source=str(p), encoding=loaded.encoding, warnings=loaded.warnings)


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
    data: bytes, name: str = "", encoding: str | None = None, markdown: bool = False
) -> Document:
    """Recognise a document that did not come from a file (standard input, tests)."""
    loaded = decode_bytes(data, encoding)
    doc = recognize(loaded.text, markdown=markdown, fallback_title=name)
    return replace(doc, source=name, encoding=loaded.encoding, warnings=loaded.warnings)
