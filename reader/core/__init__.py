"""ZhReader's core: everything that is not GUI. Nothing here may import Qt."""

from reader.core.document import Block, BlockKind, Document, Metadata
from reader.core.loading import DEFAULT_SIZE_LIMIT, LoadedText, LoadError, decode_bytes, load_text
from reader.core.opening import document_from_bytes, open_document
from reader.core.outline import Outline, OutlineEntry, build_outline
from reader.core.resources import bundled_article_path
from reader.core.structure import recognize

__all__ = [
    "DEFAULT_SIZE_LIMIT",
    "Block",
    "BlockKind",
    "Document",
    "LoadError",
    "LoadedText",
    "Metadata",
    "Outline",
    "OutlineEntry",
    "build_outline",
    "bundled_article_path",
    "decode_bytes",
    "document_from_bytes",
    "load_text",
    "open_document",
    "recognize",
]
