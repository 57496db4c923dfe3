"""Background jobs: loading, converting and searching, off the GUI thread.

Each job gets plain Python data (paths, strings, lists), never a live Qt
object, and answers through the signals of a small QObject. Every job
carries the generation it was started for; the window ignores answers of an
older generation, and `cancel` stops a job between chunks.
"""

from __future__ import annotations

import bisect
import threading
import traceback
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QObject, QRunnable, Signal

from reader.core.convert import (
    PARALLEL_THRESHOLD,
    Chain,
    ParallelConverter,
    Script,
    convert_blocks,
    warm_up,
)
from reader.core.document import BlockKind, Document
from reader.core.loading import LoadError
from reader.core.opening import gc_paused, open_document
from reader.core.outline import Outline, build_outline
from reader.core.script import detect_script
from reader.core.search import search_pattern
from reader.ui.typeset import display_texts

#: Blocks converted per answer after the visible ones: small enough to keep answers frequent.
CONVERT_CHUNK_CHARS = 20_000


class JobSignals(QObject):
    """What a job answers with; payloads are plain Python objects."""

    loaded = Signal(int, object)  # generation, LoadedDocument
    failed = Signal(int, str)  # generation, one-line message
    converted = Signal(int, object)  # generation, (indices, texts, done_chars, total_chars)
    finished = Signal(int)  # generation
    found = Signal(int, object)  # generation, list of (block, start, end)


@dataclass(frozen=True, slots=True)
class LoadedDocument:
    """A document ready to show: model, outline, script and the text of each block."""

    document: Document
    outline: Outline
    script: Script
    kinds: tuple[tuple[BlockKind, int], ...]
    texts: tuple[str, ...]
    char_count: int


class CancelToken:
    """Set by the window when a job's answer is no longer wanted."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()


class _Job(QRunnable):
    def __init__(self, generation: int):
        super().__init__()
        self.generation = generation
        self.signals = JobSignals()
        self.token = CancelToken()
        self.setAutoDelete(True)


class LoadJob(_Job):
    """Read, decode and recognise a file; detect its script; outline it."""

    def __init__(self, generation: int, path: str, encoding: str | None, size_limit: int):
        super().__init__(generation)
        self.path, self.encoding, self.size_limit = path, encoding, size_limit

    def run(self) -> None:
        try:
            document = open_document(self.path, self.encoding, self.size_limit)
            if self.token.cancelled:
                return
            with gc_paused():
                loaded = self._prepare(document)
        except LoadError as exc:
            self.signals.failed.emit(self.generation, str(exc))
            return
        except MemoryError:
            self.signals.failed.emit(self.generation, f"{self.path}: not enough memory to open it")
            return
        except Exception as exc:  # never let a traceback reach the user
            traceback.print_exc()
            self.signals.failed.emit(self.generation, f"{self.path}: could not be opened ({exc})")
            return
        if not self.token.cancelled:
            self.signals.loaded.emit(self.generation, loaded)

    @staticmethod
    def _prepare(document: Document) -> LoadedDocument:
        return LoadedDocument(
            document=document,
            outline=build_outline(document),
            script=detect_script(document.text),
            kinds=tuple((b.kind, b.level) for b in document.blocks),
            texts=tuple(display_texts(document)),
            char_count=document.char_count,
        )


class ConvertJob(_Job):
    """Convert display texts through `chain`: the `first` block range first, then the rest.

    The visible range is converted here, at once; the rest goes to worker
    processes when it is large, which leaves the GIL (and so the GUI) free.
    """

    def __init__(
        self,
        generation: int,
        texts: Sequence[str],
        chain: Chain,
        first: tuple[int, int],
        parallel: ParallelConverter | None = None,
    ):
        super().__init__(generation)
        self.texts = list(texts)
        self.chain = chain
        self.first = first
        self.parallel = parallel

    def run(self) -> None:
        total = sum(len(t) for t in self.texts)
        self._done = 0
        try:
            visible, *rest = self._order()
            warm_up(self.chain)
            converted = convert_blocks([self.texts[i] for i in visible], self.chain)
            if not self._answer(visible, converted, total):
                return
            # The rest is handed to the worker processes only now, so that pickling it
            # does not hold the GIL while the visible part converts.
            rest_chars = sum(len(self.texts[i]) for chunk in rest for i in chunk)
            pooled = []
            if self.parallel is not None and self.chain and rest_chars >= PARALLEL_THRESHOLD:
                texts = [[self.texts[i] for i in chunk] for chunk in rest]
                pooled = self.parallel.submit_blocks(texts, self.chain)
            for n, indices in enumerate(rest):
                converted = (
                    pooled[n].result()
                    if pooled
                    else convert_blocks([self.texts[i] for i in indices], self.chain)
                )
                if not self._answer(indices, converted, total):
                    for future in pooled:
                        future.cancel()
                    return
        except Exception as exc:
            traceback.print_exc()
            self.signals.failed.emit(self.generation, f"conversion failed ({exc})")
            return
        self.signals.finished.emit(self.generation)

    def _answer(self, indices: list[int], converted: list[str], total: int) -> bool:
        """Send one converted chunk; False when the job was cancelled."""
        if self.token.cancelled:
            return False
        self._done += sum(len(self.texts[i]) for i in indices)
        self.signals.converted.emit(self.generation, (indices, converted, self._done, total))
        return True

    def _order(self) -> list[list[int]]:
        """The visible range as one chunk, then the blocks below it, then those above."""
        n = len(self.texts)
        a, b = max(0, self.first[0]), min(n, self.first[1])
        chunks = [list(range(a, b))] if b > a else [[]]
        for start, stop in ((b, n), (0, a)):
            chunk: list[int] = []
            size = 0
            for i in range(start, stop):
                chunk.append(i)
                size += len(self.texts[i])
                if size >= CONVERT_CHUNK_CHARS:
                    chunks.append(chunk)
                    chunk, size = [], 0
            if chunk:
                chunks.append(chunk)
        return chunks


class StartWorkersJob(QRunnable):
    """Spawn the conversion processes now, off the GUI thread, before the first switch."""

    def __init__(self, parallel: ParallelConverter):
        super().__init__()
        self.parallel = parallel
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            self.parallel.start()
        except Exception:  # a machine that cannot spawn still converts in-process
            traceback.print_exc()


class SearchJob(_Job):
    """Find a query in the displayed texts; answers (block, start, end) in code points."""

    def __init__(self, generation: int, texts: Sequence[str], query: str, exact: bool):
        super().__init__(generation)
        self.texts = list(texts)
        self.query, self.exact = query, exact

    def run(self) -> None:
        pattern = search_pattern(self.query, self.exact)
        matches: list[tuple[int, int, int]] = []
        if pattern is not None:
            starts = []
            offset = 0
            for text in self.texts:
                starts.append(offset)
                offset += len(text) + 1
            joined = "\n".join(self.texts)
            for m in pattern.finditer(joined):
                if self.token.cancelled:
                    return
                block = bisect.bisect_right(starts, m.start()) - 1
                base = starts[block]
                matches.append((block, m.start() - base, m.end() - base))
        self.signals.found.emit(self.generation, matches)
