"""Background jobs: loading, converting and searching, off the GUI thread.

Each job is a thin `QRunnable` that calls the core with plain Python data
(paths, tuples of strings), never a live Qt object, and answers through the
signals of the dispatcher it was given, tagged with its job id. The session
that started it drops answers whose id is no longer its slot's current one;
`cancel` stops a job between chunks.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable, Mapping
from concurrent.futures import CancelledError, Future

from PySide6.QtCore import QObject, QRunnable, Signal

from reader.core.chapter_rules import DEFAULT_RULES, ChapterRules
from reader.core.convert import (
    PARALLEL_THRESHOLD,
    Chain,
    ConvertedChunk,
    ParallelConverter,
    Spans,
    convert_chunk,
    plan_chunks,
    warm_up,
)
from reader.core.loading import LoadError
from reader.core.opening import open_document
from reader.core.rendition import prepare
from reader.core.search import find_in_blocks
from reader.runtime import gc_paused


class JobSignals(QObject):
    """The dispatcher a session's jobs answer through; payloads are plain Python objects."""

    loaded = Signal(int, object)  # job id, PreparedDocument
    failed = Signal(int, str)  # job id, one-line message
    converted = Signal(int, object)  # job id, ConvertedChunk
    finished = Signal(int)  # job id
    found = Signal(int, object)  # job id, list[Match]


class CancelToken:
    """Set when a job's answer is no longer wanted; runs the job's cancel hooks once."""

    def __init__(self) -> None:
        self._event = threading.Event()
        self._hooks: list[Callable[[], object]] = []
        self._lock = threading.Lock()

    def cancel(self) -> None:
        with self._lock:
            self._event.set()
            hooks, self._hooks = self._hooks, []
        for hook in hooks:
            hook()

    def on_cancel(self, hook: Callable[[], object]) -> None:
        """Run `hook` when the job is cancelled (at once if it already is)."""
        with self._lock:
            if not self._event.is_set():
                self._hooks.append(hook)
                return
        hook()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()


class Job(QRunnable):
    """A job with an id, a cancel token and the dispatcher it answers through."""

    def __init__(self, signals: JobSignals, job_id: int):
        super().__init__()
        self.signals = signals
        self.job_id = job_id
        self.token = CancelToken()
        self.setAutoDelete(True)


class LoadJob(Job):
    """Read, decode and recognise a file; detect its script; outline it."""

    def __init__(
        self,
        signals: JobSignals,
        job_id: int,
        path: str,
        encoding: str | None,
        size_limit: int,
        reflow: bool = True,
        rules: ChapterRules = DEFAULT_RULES,
    ):
        super().__init__(signals, job_id)
        self.path, self.encoding, self.size_limit = path, encoding, size_limit
        self.reflow, self.rules = reflow, rules

    def run(self) -> None:
        try:
            with gc_paused():
                document = open_document(
                    self.path, self.encoding, self.size_limit, reflow=self.reflow, rules=self.rules
                )
                if self.token.cancelled:
                    return
                prepared = prepare(document)
        except LoadError as exc:
            self.signals.failed.emit(self.job_id, str(exc))
            return
        except MemoryError:
            self.signals.failed.emit(self.job_id, f"{self.path}: not enough memory to open it")
            return
        except Exception as exc:  # never let a traceback reach the user
            traceback.print_exc()
            self.signals.failed.emit(self.job_id, f"{self.path}: could not be opened ({exc})")
            return
        if not self.token.cancelled:
            self.signals.loaded.emit(self.job_id, prepared)


class ConvertJob(Job):
    """Convert block texts through `chain`: the `first` block range first, then the rest.

    The visible range is converted here, at once. A large rest goes to worker
    processes and is answered from their completion callbacks, so this job
    does not hold a pool thread (or the GIL) while they work.
    """

    def __init__(
        self,
        signals: JobSignals,
        job_id: int,
        texts: tuple[str, ...],
        chain: Chain,
        first: tuple[int, int],
        parallel: ParallelConverter | None = None,
        keep: Mapping[int, Spans] | None = None,
    ):
        super().__init__(signals, job_id)
        self.texts = texts
        self.chain = chain
        self.first = first
        self.parallel = parallel
        self.keep = keep
        self._lock = threading.Lock()
        self._waiting = 0
        self._failed = False

    def run(self) -> None:
        try:
            visible, *rest = plan_chunks(self.texts, self.first)
            warm_up(self.chain)
            if not self._answer(convert_chunk(self.texts, visible, self.chain, self.keep)):
                return
            rest_chars = sum(len(self.texts[i]) for chunk in rest for i in chunk)
            if self.parallel is not None and rest_chars >= PARALLEL_THRESHOLD:
                self._hand_to_workers(rest)
                return
            for indices in rest:
                if not self._answer(convert_chunk(self.texts, indices, self.chain, self.keep)):
                    return
        except Exception as exc:
            self._fail(exc)
            return
        self.signals.finished.emit(self.job_id)

    def _hand_to_workers(self, chunks: list[list[int]]) -> None:
        assert self.parallel is not None
        # Pickling the rest for the workers happens only now, after the visible part.
        futures = self.parallel.submit_chunks(self.texts, chunks, self.chain, self.keep)
        self._waiting = len(futures)
        self.token.on_cancel(lambda: [f.cancel() for f in futures])
        for future in futures:
            future.add_done_callback(self._on_worker_done)

    def _on_worker_done(self, future: Future[ConvertedChunk]) -> None:
        """Runs in the pool's management thread (or here, if the chunk was already done)."""
        try:
            chunk = future.result()
        except CancelledError:
            return
        except Exception as exc:
            self._fail(exc)
            return
        if not self._answer(chunk):
            return
        with self._lock:
            self._waiting -= 1
            last = self._waiting == 0 and not self._failed
        if last:
            self.signals.finished.emit(self.job_id)

    def _answer(self, chunk: ConvertedChunk) -> bool:
        """Send one converted chunk; False when the job was cancelled or failed."""
        if self.token.cancelled or self._failed:
            return False
        self.signals.converted.emit(self.job_id, chunk)
        return True

    def _fail(self, exc: BaseException) -> None:
        with self._lock:
            if self._failed:
                return
            self._failed = True
        self.token.cancel()  # the other chunks are not wanted any more
        traceback.print_exception(exc)
        self.signals.failed.emit(self.job_id, f"conversion failed ({exc or type(exc).__name__})")


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
