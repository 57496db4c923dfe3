"""One open document: its prepared form, what it shows now, and its background jobs.

A `DocumentSession` loads one document, keeps its current `Rendition` (the
text of every block in the chosen script), and runs one job slot per kind:
load, convert, search. Starting a job cancels only that slot's previous job,
and an answer is dropped unless it carries its slot's current id, so a
search never drops a load and a script switch never drops a search.

Converted chunks are put into the rendition by a time-budgeted loop on the
GUI thread, so the window stays responsive while a novel converts. Actions
that need the whole rendition (export, print) wait with `when_idle`, bound
to the rendition they were asked for. The session imports no widget; the
window connects its signals to the view and panels.
"""

from __future__ import annotations

import itertools
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal

from reader.core.chapter_rules import DEFAULT_RULES, ChapterRules
from reader.core.convert import ConvertedChunk, Script, ScriptMode, conversion_chain
from reader.core.fixes import Fixes
from reader.core.loading import DEFAULT_SIZE_LIMIT
from reader.core.rendition import PreparedDocument, Rendition
from reader.core.replace_rules import RuleSet
from reader.core.search import Match
from reader.ui.jobs import (
    CancelToken,
    ConvertJob,
    Job,
    JobSignals,
    LoadJob,
    PlaceQuery,
    SearchJob,
)

# Longest the GUI thread spends putting converted text in, per turn of the event loop.
APPLY_BUDGET_S = 0.012
# A failed conversion is tried again this many times before it is reported.
CONVERSION_RETRIES = 1


@dataclass(slots=True)
class _Waiting:
    """An action waiting for a rendition to be complete."""

    rendition_id: int
    action: Callable[[], object]
    on_failure: Callable[[str], object] | None
    on_dropped: Callable[[], object] | None


class _Slot:
    """One kind of job: at most one current job; a new one cancels the old."""

    def __init__(self, pool: QThreadPool, ids: itertools.count[int]):
        self._pool = pool
        self._ids = ids
        self.current = 0
        self._token: CancelToken | None = None

    def start(self, make: Callable[[int], Job]) -> int:
        self.cancel()
        self.current = next(self._ids)
        job = make(self.current)
        self._token = job.token
        self._pool.start(job)
        return self.current

    def is_current(self, job_id: int) -> bool:
        return self._token is not None and job_id == self.current

    def done(self) -> None:
        """The current job answered for the last time."""
        self._token = None

    def cancel(self) -> None:
        if self._token is not None:
            self._token.cancel()
        self._token = None

    @property
    def running(self) -> bool:
        return self._token is not None


class DocumentSession(QObject):
    """One open document and its jobs; signals out, no widgets."""

    opened = Signal()  # `prepared` is set: show the document
    completed = Signal()  # the whole of a long text or book replaced its beginning (`beginning`)
    failed = Signal(str)  # the document could not be opened (one line)
    rendition_changed = Signal()  # `rendition` was replaced: show it where the reader is
    blocks_changed = Signal(list)  # these blocks of `rendition` show new text
    visible_converted = Signal()  # the first chunk (what is on screen) is in
    progress = Signal(int)  # percent of the running conversion
    converted = Signal()  # `rendition` is complete
    conversion_failed = Signal(str)
    matches_found = Signal(object)  # list[Match]

    def __init__(
        self,
        pool: QThreadPool | None = None,
        size_limit: int = DEFAULT_SIZE_LIMIT,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.pool = pool or QThreadPool.globalInstance()
        self.size_limit = size_limit
        self.path = ""
        self.encoding: str | None = None  # as asked for (None: detected)
        self.rules = DEFAULT_RULES  # the chapter rules the document was opened with
        self.prepared: PreparedDocument | None = None
        # While a long text or a big book is read, `prepared` is its beginning (shown first) and
        # this is it too; afterwards, the beginning the reader saw, to keep their place.
        self.beginning: PreparedDocument | None = None
        self.partial = False
        # Read again in other blocks (reflow, rules, encoding): the source line to show; and
        # where the document was first shown (a long text: its beginning), to tell a move.
        self.open_at_line = 0
        self.opened_at: tuple[int, int] = (0, 0)
        # Where the reader was in the document of an identity (block index), asked while a
        # big book is read so that its beginning reaches there; None: from the beginning.
        self.place_of: Callable[[str], int] | None = None
        self.rendition: Rendition | None = None
        self.matches: list[Match] = []
        self.fixes = Fixes()  # the reader's fixes and user dictionary (reader.core.fixes)
        self.replace_rules = RuleSet()  # replacement rules (reader.core.replace_rules)
        # No parent: jobs keep the dispatcher alive as long as they may answer.
        self._signals = JobSignals()
        self._signals.loaded.connect(self._on_loaded)
        self._signals.began.connect(self._on_began)
        self._signals.asked.connect(self._on_asked)
        self._signals.failed.connect(self._on_failed)
        self._signals.converted.connect(self._on_converted)
        self._signals.finished.connect(self._on_conversion_finished)
        self._signals.found.connect(self._on_found)
        ids = itertools.count(1)
        self._load = _Slot(self.pool, ids)
        self._convert = _Slot(self.pool, ids)
        self._search = _Slot(self.pool, ids)
        self._pending: deque[tuple[int, ConvertedChunk]] = deque()
        self._conversion_first = (0, 0)
        self._retries = 0
        self._done_chars = 0
        self._total_chars = 0
        self._visible_done = True
        self._job_finished = True
        self._waiting: list[_Waiting] = []
        self._apply_timer = QTimer(self)
        self._apply_timer.setSingleShot(True)
        self._apply_timer.setInterval(0)
        self._apply_timer.timeout.connect(self._apply_pending)

    # Loading

    def load(
        self,
        path: str,
        encoding: str | None = None,
        reflow: bool = True,
        rules: ChapterRules = DEFAULT_RULES,
    ) -> None:
        """Read and prepare `path` in the background; `opened` or `failed` answers.

        `reflow` joins the lines of hard-wrapped plain text into paragraphs; `rules`
        are the chapter rules for plain text.
        """
        self.path, self.encoding, self.rules = path, encoding, rules
        self.partial = False
        ask = self.place_of is not None
        self._load.start(
            lambda job_id: LoadJob(
                self._signals, job_id, path, encoding, self.size_limit, reflow, rules, ask
            )
        )

    @property
    def loading(self) -> bool:
        return self._load.running

    def _on_asked(self, job_id: int, identity: str, query: PlaceQuery) -> None:
        """A loading book asks where the reader was in it."""
        place = self.place_of
        query.answer(place(identity) if place is not None and self._load.is_current(job_id) else 0)

    @property
    def blocks_kept(self) -> bool:
        """True when the whole document's first blocks are its beginning's, at the same
        indices: a book's spine is read in order and its blocks only appended, whereas a
        long text is recognised again as a whole."""
        return self.beginning is not None and self.beginning.document.format == "epub"

    def _on_began(self, job_id: int, prepared: PreparedDocument) -> None:
        """A long text's beginning: shown (`opened`) while the rest is recognised."""
        if not self._load.is_current(job_id):
            return
        self.prepared = self.beginning = prepared
        self.partial = True
        self.rendition = Rendition(prepared, ScriptMode.ORIGINAL, ())
        self.opened.emit()

    def _on_loaded(self, job_id: int, prepared: PreparedDocument) -> None:
        if not self._load.is_current(job_id):
            return
        self._load.done()
        began, self.partial = self.partial, False
        if began:  # work on the beginning's blocks is void: the whole has blocks of its own
            self._convert.cancel()
            self._pending.clear()
            self._drop_waiting()
        self.prepared = prepared
        # Shown first as written; `show_script` then converts what is on screen first.
        self.rendition = Rendition(prepared, ScriptMode.ORIGINAL, ())
        (self.completed if began else self.opened).emit()

    def _on_failed(self, job_id: int, message: str) -> None:
        if self._load.is_current(job_id):
            self._load.done()
            self.failed.emit(message)
        elif self._convert.is_current(job_id):
            self._conversion_failed(message)

    # Script

    def show_script(
        self,
        source: Script,
        mode: ScriptMode,
        phrases: bool,
        first: tuple[int, int] = (0, 0),
        quotes: bool | None = None,
    ) -> None:
        """Show the document in `mode`, converting blocks [first) before the rest; `quotes`
        turns “” into 「」 (None: the target's default)."""
        if self.prepared is None:
            return
        chain = conversion_chain(source, mode, phrases, quotes)
        fixes = self.fixes if chain else Fixes()
        rules = self.replace_rules
        old = self.rendition
        on_its_way = self._convert.running or bool(self._pending)
        same = old is not None and old.fixes == fixes and old.replace_rules == rules
        if same and old is not None and old.mode is mode and old.chain == chain:
            if old.complete or on_its_way:
                return
            self._retries = 0  # the same script again after a failure: try again
            self._start_conversion()
            return
        self.rendition = Rendition(
            self.prepared, mode, chain, old.texts if old else None, fixes, rules
        )
        self._drop_waiting()
        self._convert.cancel()
        self._pending.clear()
        self._retries = 0
        self._conversion_first = first
        self.rendition_changed.emit()
        if self.rendition.complete:
            self._job_finished = self._visible_done = True
            self.converted.emit()
        else:
            self._start_conversion()

    @property
    def converting(self) -> bool:
        return self.rendition is not None and not self.rendition.complete

    def set_fixes(
        self,
        fixes: Fixes,
        rules: RuleSet | None = None,
        first: tuple[int, int] | None = None,
    ) -> None:
        """Show the reader's `fixes` (and replacement `rules`, when given) from now on: the
        document is converted again in the background, blocks [first) first; what it shows
        stays until the new text is in."""
        rules = self.replace_rules if rules is None else rules
        changed = fixes != self.fixes or rules != self.replace_rules
        self.fixes, self.replace_rules = fixes, rules
        rendition = self.rendition
        if rendition is None or not changed:
            return
        rendition.fixes = fixes if rendition.chain else Fixes()
        rendition.replace_rules = rules
        if first is not None:
            self._conversion_first = first
        self._restart()

    def _restart(self) -> None:
        """Convert the whole rendition again (what it shows stays until the new text is in)."""
        assert self.rendition is not None
        self._convert.cancel()
        self._pending.clear()
        self.rendition.complete = False
        self._start_conversion()

    def _start_conversion(self) -> None:
        rendition = self.rendition
        assert rendition is not None and self.prepared is not None
        self._done_chars = 0
        texts = self.prepared.texts
        self._total_chars = sum(map(len, texts))
        self._visible_done = False
        self._job_finished = False
        chain, first = rendition.chain, self._conversion_first
        keep, fixes, rules = self.prepared.kept, rendition.fixes, rendition.replace_rules
        mode = rendition.mode.value
        self._convert.start(
            lambda job_id: ConvertJob(
                self._signals, job_id, texts, chain, first, keep, fixes, mode, rules
            )
        )
        self.progress.emit(0)

    def _on_converted(self, job_id: int, chunk: ConvertedChunk) -> None:
        if not self._convert.is_current(job_id):
            return
        assert self.rendition is not None
        self._pending.append((self.rendition.id, chunk))
        if not self._apply_timer.isActive():
            self._apply_timer.start()

    def _on_conversion_finished(self, job_id: int) -> None:
        if not self._convert.is_current(job_id):
            return
        self._convert.done()
        self._job_finished = True
        if not self._pending and not self._apply_timer.isActive():
            self._complete()

    def _apply_pending(self) -> None:
        """Put converted blocks in for at most APPLY_BUDGET_S, then let the loop breathe."""
        rendition = self.rendition
        deadline = time.perf_counter() + APPLY_BUDGET_S
        first_batch = False
        while self._pending and time.perf_counter() < deadline:
            rendition_id, chunk = self._pending.popleft()
            if rendition is None or rendition_id != rendition.id:
                continue
            first_batch = first_batch or not self._visible_done
            self._visible_done = True
            changed = rendition.apply(chunk)
            self._done_chars += chunk.chars
            if changed:
                self.blocks_changed.emit(changed)
            self.progress.emit(round(100 * self._done_chars / max(1, self._total_chars)))
        if first_batch:
            self.visible_converted.emit()
        if self._pending:
            self._apply_timer.start()
        elif self._job_finished:
            self._complete()

    def _complete(self) -> None:
        rendition = self.rendition
        if rendition is None or rendition.complete:
            return
        rendition.complete = True
        self.converted.emit()
        waiting, self._waiting = self._waiting, []
        for item in waiting:
            if item.rendition_id == rendition.id:
                item.action()
            elif item.on_dropped is not None:
                item.on_dropped()

    def _conversion_failed(self, message: str) -> None:
        self._convert.done()
        if self._retries < CONVERSION_RETRIES:
            self._retries += 1
            self._start_conversion()
            return
        self._job_finished = True
        self._pending.clear()
        self.conversion_failed.emit(message)
        waiting, self._waiting = self._waiting, []
        for item in waiting:
            if item.on_failure is not None:
                item.on_failure(message)

    # Waiting for the whole rendition

    def when_idle(
        self,
        action: Callable[[], object],
        on_failure: Callable[[str], object] | None = None,
        on_dropped: Callable[[], object] | None = None,
    ) -> bool:
        """Run `action` once the current rendition is complete; True if it ran at once.

        If the rendition is replaced first (another script, another document,
        or the whole of a long text arriving after its beginning), `on_dropped`
        runs instead; if its conversion fails, `on_failure`. While only a long
        text's beginning is in, nothing runs: an export would write a part.
        """
        rendition = self.rendition
        if rendition is None:
            if on_dropped is not None:
                on_dropped()
            return False
        if rendition.complete and not self.partial:
            action()
            return True
        self._waiting.append(_Waiting(rendition.id, action, on_failure, on_dropped))
        return False

    def _drop_waiting(self) -> None:
        waiting, self._waiting = self._waiting, []
        for item in waiting:
            if item.on_dropped is not None:
                item.on_dropped()

    # Find

    def search(self, query: str, exact: bool = False) -> None:
        """Find `query` in the displayed text (any script unless `exact`); `matches_found`."""
        if self.rendition is None:
            return
        texts = tuple(self.rendition.texts)
        sources = self.prepared.texts if self.prepared is not None else None
        self._search.start(
            lambda job_id: SearchJob(self._signals, job_id, texts, query, exact, sources)
        )

    def clear_search(self) -> None:
        self._search.cancel()
        self.matches = []

    def _on_found(self, job_id: int, matches: list[Match]) -> None:
        if not self._search.is_current(job_id):
            return
        self._search.done()
        self.matches = matches
        self.matches_found.emit(matches)

    # Closing

    def close(self) -> None:
        """Stop every job and drop every waiting action; the session answers nothing more."""
        for slot in (self._load, self._convert, self._search):
            slot.cancel()
        self._pending.clear()
        self._apply_timer.stop()
        self._drop_waiting()
