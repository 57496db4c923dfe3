"""What one open document shows in one script.

A `PreparedDocument` is a recognised document made ready to show: its
outline, detected script and the display text of every block in the
document's own script. A `Rendition` is that document in one script: the
text of every block as displayed now, filled in chunk by chunk while the
conversion runs. The reading view, export, find and the outline all read
the displayed text from the rendition; nothing else keeps a copy.
"""

from __future__ import annotations

import hashlib
import itertools
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from reader.core.convert import Chain, ConvertedChunk, Script, ScriptMode, Spans
from reader.core.document import (
    CELL_BREAK,
    LINE_BREAK,
    Block,
    BlockKind,
    Document,
    Metadata,
    Run,
)
from reader.core.fixes import Fixes, Replacements
from reader.core.outline import Outline, document_outline
from reader.core.replace_rules import RuleSet
from reader.core.script import RegionGuess, detect_region, detect_script

#: The number a figure's line starts with (`圖 3 `), which export leaves out.
_FIGURE_NUMBER = re.compile(r"^\S+ \d+ ?")
#: How much of the beginning identifies a document for its remembered reading position:
#: the title and first chapter of a novel, unchanged when chapters are added at the end.
IDENTITY_CHARS = 4096


@dataclass(frozen=True, slots=True)
class PreparedDocument:
    """A document ready to show: model, outline, script and the text of each block."""

    document: Document
    outline: Outline
    script: Script
    kinds: tuple[tuple[BlockKind, int], ...]
    texts: tuple[str, ...]
    char_count: int
    identity: str
    #: Spans of some blocks' text that conversion leaves as written (code).
    kept: dict[int, Spans] = field(default_factory=dict)
    #: Whose Traditional the text is (None unless `script` is Traditional).
    region: RegionGuess | None = None

    @property
    def source_script(self) -> Script:
        """The source conversion assumes when the user names none: Traditional refined by region."""
        return self.region.script if self.region is not None else self.script


def prepare(document: Document) -> PreparedDocument:
    """Outline, script and region detection and display texts of a recognised document."""
    script = detect_script(document.text)
    return PreparedDocument(
        document=document,
        outline=document_outline(document),
        script=script,
        region=detect_region(document.text) if script is Script.TRADITIONAL else None,
        kinds=tuple((b.kind, b.level) for b in document.blocks),
        texts=tuple(display_texts(document)),
        char_count=document.char_count,
        identity=content_identity(document),
        kept=kept_spans(document.blocks),
    )


def kept_spans(blocks: Sequence[Block]) -> dict[int, Spans]:
    """Where each block's text is code, never converted between scripts: whole code blocks,
    and inline code runs (in paragraphs, list items, quotes and table cells)."""
    kept: dict[int, Spans] = {}
    for index, block in enumerate(blocks):
        if block.kind is BlockKind.CODE:
            kept[index] = ((0, len(block.text)),)
            continue
        if block.kind is BlockKind.TABLE:
            runs: list[Run] = []
            for r, row in enumerate(block.rows):
                for c, cell in enumerate(row):
                    if c:
                        runs.append(Run(CELL_BREAK))
                    runs.extend(cell)
                if r + 1 < len(block.rows):
                    runs.append(Run(LINE_BREAK))
        else:
            runs = list(block.runs)
        spans = []
        pos = 0
        for run in runs:
            if run.code:
                spans.append((pos, pos + len(run.text)))
            pos += len(run.text)
        if spans and pos == len(block.text):
            kept[index] = tuple(spans)
    return kept


def content_identity(document: Document) -> str:
    """Who the document is for remembering a reading position: its path and its beginning.

    A serialised novel that gains chapters at the end keeps its identity (and so
    its place); size and modification time are deliberately left out.
    """
    path = os.path.abspath(document.source) if document.source else ""
    digest = hashlib.sha1(path.encode("utf-8", "surrogatepass"))
    digest.update(b"\0")
    digest.update(document.text[:IDENTITY_CHARS].encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


class Rendition:
    """The document in one script: what each block displays now.

    A new rendition starts from `initial` texts (what was on screen, so nothing
    flashes back to the original script) and is filled by `apply` as converted
    chunks arrive. `complete` is true once every block shows the target script.
    """

    _ids = itertools.count(1)

    def __init__(
        self,
        prepared: PreparedDocument,
        mode: ScriptMode,
        chain: Chain,
        initial: Sequence[str] | None = None,
        fixes: Fixes | None = None,
        replace_rules: RuleSet | None = None,
    ):
        self.id = next(self._ids)
        #: The reader's fixes and user dictionary (reader.core.fixes); only for a conversion.
        self.fixes = fixes if fixes is not None and chain else Fixes()
        #: The replacement rules around conversion (reader.core.replace_rules).
        self.replace_rules = replace_rules or RuleSet()
        self.prepared = prepared
        self.mode = mode
        self.chain = chain
        if initial is not None and len(initial) != len(prepared.texts):
            raise ValueError("initial texts do not match the document's blocks")
        if not self.needs_work:  # nothing to convert: the rendition is the document's own text
            initial = prepared.texts
        self.texts: list[str] = list(prepared.texts if initial is None else initial)
        self.complete = not self.needs_work
        self._title_block = next(
            (i for i, (kind, _) in enumerate(prepared.kinds) if kind is BlockKind.TITLE), -1
        )

    def fixed_in(self, block: int) -> Replacements:
        """What the fixes replace in one block (source spans and their texts)."""
        return self.fixes.replacements(self.prepared.texts, self.mode, (block,)).get(block, ())

    @property
    def needs_work(self) -> bool:
        """True when the displayed text is not simply the text as written."""
        return bool(self.chain) or bool(self.replace_rules)

    def apply(self, chunk: ConvertedChunk) -> list[int]:
        """Put converted block texts in; the indices whose displayed text changed."""
        changed = []
        texts = self.texts
        for index, text in zip(chunk.indices, chunk.texts, strict=True):
            if texts[index] != text:
                texts[index] = text
                changed.append(index)
        return changed

    def title(self) -> str:
        """The document's title as displayed."""
        if self._title_block >= 0:
            return self.texts[self._title_block]
        return self.prepared.document.title

    def shows_title(self, indices: Sequence[int]) -> bool:
        """True when the title block is among `indices`."""
        return self._title_block in indices

    def export_plain(self) -> str:
        """The displayed text as a plain-text file."""
        return plain_export(self.prepared.kinds, self.texts)


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
    """`圖 N caption`: one quiet line for a picture the file names but does not contain."""
    return f"圖 {number} {block.caption}" if block.caption else f"圖 {number}"


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


def plain_export(kinds: Sequence[tuple[BlockKind, int]], texts: Sequence[str]) -> str:
    """The displayed text as a plain-text file: paragraphs indented, blocks apart."""
    lines = []
    for (kind, _), text in zip(kinds, texts, strict=True):
        text = text.replace(LINE_BREAK, "\n")
        if kind is BlockKind.PARAGRAPH:
            text = "\u3000\u3000" + text
        elif kind is BlockKind.FIGURE:
            text = _FIGURE_NUMBER.sub("", text) or text  # a figure exports as its caption
        lines.append(text)
    return "\n\n".join(lines) + "\n"
