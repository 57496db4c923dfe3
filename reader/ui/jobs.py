"""Background jobs: loading, converting and searching, off the GUI thread.

Each job is a thin `QRunnable` that calls the core with plain Python data
(paths, tuples of strings), never a live Qt object, and answers through the
signals of the dispatcher it was given, tagged with its job id. The session
that started it drops answers whose id is no longer its slot's current one;
`cancel` stops a job between chunks.
"""

from __future__ import annotations

import threading
import time
import traceback
from collections.abc import Mapping

from PySide6.QtCore import QObject, QRunnable, Signal

from reader.core.chapter_rules import DEFAULT_RULES, ChapterRules
from reader.core.convert import Chain, Spans, converted_chunks
from reader.core.document import Document
from reader.core.fixes import Fixes
from reader.core.loading import LoadError
from reader.core.opening import open_in_steps
from reader.core.rendition import content_identity, prepare
from reader.core.replace_rules import RuleSet
from reader.core.search import find_in_blocks
from reader.runtime import gc_paused
from reader.ui.error_texts import (
    conversion_error_message,
    no_memory_message,
    open_error_message,
    unexpected_error_message,
)

# A converting job sleeps this long after each chunk. The GUI thread needs the GIL for every
# queued answer it delivers; a worker that takes the GIL straight back makes it wait a switch
# interval each time (3M characters to 简体: worst GUI stall 70-106 ms without the pause,
# 18 ms with it; the whole conversion takes 0.43 s instead of 0.32 s).
CHUNK_PAUSE_S = 0.001
# After the visible chunk, longer: the GUI thread puts the text on screen with the GIL to
# itself (EPUB switched to 繁體, visible text: 62-74 ms with the short pause, 29-32 ms).
# A loading job pauses as long after a document's beginning, which the GUI thread shows.
VISIBLE_PAUSE_S = 0.03
# Longest a loading job waits for the GUI thread to say where the reader was.
PLACE_WAIT_S = 1.0


class JobSignals(QObject):
    """The dispatcher a session's jobs answer through; payloads are plain Python objects."""

    loaded = Signal(int, object)  # job id, PreparedDocument
    began = Signal(int, object)  # job id, PreparedDocument of a long text's beginning
    asked = Signal(int, str, object)  # job id, a document's identity, PlaceQuery to answer
    failed = Signal(int, str)  # job id, one-line message
    converted = Signal(int, object)  # job id, ConvertedChunk
    finished = Signal(int)  # job id
    found = Signal(int, object)  # job id, list[Match]


class CancelToken:
    """Set when a job's answer is no longer wanted; the job stops at its next check."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()


class PlaceQuery:
    """A loading job's question to the GUI thread: where was the reader in this document?
    The job waits for `answer` at most `PLACE_WAIT_S`, then takes the beginning."""

    def __init__(self) -> None:
        self._event = threading.Event()
        self.block = 0

    def answer(self, block: int) -> None:
        self.block = block
        self._event.set()

    def wait(self, timeout: float) -> int:
        self._event.wait(timeout)
        return self.block


class Job(QRunnable):
    """A job with an id, a cancel token and the dispatcher it answers through."""

    def __init__(self, signals: JobSignals, job_id: int):
        super().__init__()
        self.signals = signals
        self.job_id = job_id
        self.token = CancelToken()
        self.setAutoDelete(True)


class LoadJob(Job):
    """Read, decode and recognise a file; detect its script; outline it.

    Long plain text and big books answer twice: `began` with their beginning
    (the first screen), then `loaded` with the whole. With `ask_place`, a book
    asks the session (`asked`) where the reader was, so that its beginning
    reaches there.
    """

    def __init__(
        self,
        signals: JobSignals,
        job_id: int,
        path: str,
        encoding: str | None,
        size_limit: int,
        reflow: bool = True,
        rules: ChapterRules = DEFAULT_RULES,
        ask_place: bool = False,
    ):
        super().__init__(signals, job_id)
        self.path, self.encoding, self.size_limit = path, encoding, size_limit
        self.reflow, self.rules = reflow, rules
        self.ask_place = ask_place

    def _place(self, document: Document) -> int:
        """Where the reader was in `document`, asked of the GUI thread (0: its beginning)."""
        if self.token.cancelled:
            return 0
        query = PlaceQuery()
        self.signals.asked.emit(self.job_id, content_identity(document), query)
        return query.wait(PLACE_WAIT_S)

    def run(self) -> None:
        try:
            with gc_paused():
                place = self._place if self.ask_place else None
                steps = open_in_steps(
                    self.path, self.encoding, self.size_limit, self.rules, self.reflow, place=place
                )
                for document, whole in steps:
                    if self.token.cancelled:
                        return
                    prepared = prepare(document)
                    if not whole:
                        self.signals.began.emit(self.job_id, prepared)
                        time.sleep(VISIBLE_PAUSE_S)  # the GUI shows it with the GIL to itself
        except LoadError as exc:
            self.signals.failed.emit(self.job_id, open_error_message(exc))
            return
        except MemoryError:
            self.signals.failed.emit(self.job_id, no_memory_message(self.path))
            return
        except Exception as exc:  # never let a traceback reach the user
            traceback.print_exc()
            self.signals.failed.emit(self.job_id, unexpected_error_message(self.path, str(exc)))
            return
        if not self.token.cancelled:
            self.signals.loaded.emit(self.job_id, prepared)


class ConvertJob(Job):
    """Convert block texts through `chain`: the `first` block range first, then the rest.

    Each chunk is answered as soon as it is converted, then the job pauses so
    that the GUI thread gets the GIL to take it; cancelling stops the job at the
    next chunk. `convert` gives the engine short calls, so the GUI thread also
    gets the GIL within a chunk.
    """

    def __init__(
        self,
        signals: JobSignals,
        job_id: int,
        texts: tuple[str, ...],
        chain: Chain,
        first: tuple[int, int],
        keep: Mapping[int, Spans] | None = None,
        fixes: Fixes | None = None,
        mode: str = "",
        rules: RuleSet | None = None,
    ):
        super().__init__(signals, job_id)
        self.texts = texts
        self.chain = chain
        self.first = first
        self.keep = keep
        self.fixes, self.mode = fixes, mode  # the fixes for the script `mode`
        self.rules = rules

    def run(self) -> None:
        try:
            chunks = converted_chunks(
                self.texts, self.first, self.chain, self.keep, self.fixes, self.mode, self.rules
            )
            for n, chunk in enumerate(chunks):
                if self.token.cancelled:
                    return
                self.signals.converted.emit(self.job_id, chunk)
                time.sleep(VISIBLE_PAUSE_S if n == 0 else CHUNK_PAUSE_S)
        except Exception as exc:
            traceback.print_exception(exc)
            message = conversion_error_message(str(exc) or type(exc).__name__)
            self.signals.failed.emit(self.job_id, message)
            return
        if not self.token.cancelled:
            self.signals.finished.emit(self.job_id)


class SearchJob(Job):
    """Find a query in block texts; answers a list of `Match` (spans in code points)."""

    def __init__(
        self,
        signals: JobSignals,
        job_id: int,
        texts: tuple[str, ...],
        query: str,
        exact: bool,
        sources: tuple[str, ...] | None = None,
    ):
        super().__init__(signals, job_id)
        self.texts, self.sources = texts, sources
        self.query, self.exact = query, exact

    def run(self) -> None:
        # What is shown and what is written: 软件 finds a phrase shown as 軟體.
        matches = find_in_blocks(
            self.texts, self.query, self.exact, lambda: self.token.cancelled, self.sources
        )
        if matches is not None and not self.token.cancelled:
            self.signals.found.emit(self.job_id, matches)
