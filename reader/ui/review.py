"""Conversion review in the window: marks, the Conversion and Fixes panels, fixes and undo.

`ConversionReview` owns the review state of the open document: the marks
level (off, all changes, uncertain only), the segments of the blocks painted
(computed on demand from the core, `reader.core.segments`), the document's
fixes (loaded and saved per document identity, `reader.core.fixes`) and the
undo stack of fix changes. The window only creates it and routes a few calls.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QPoint, QSettings, Qt, QTimer
from PySide6.QtWidgets import QMainWindow, QStatusBar

from reader.core.fixes import (
    Fix,
    Fixes,
    SetAside,
    data_dir,
    earlier_fixes,
    family,
    fixes_path,
    load_fixes,
    parse_dictionary,
    save_fixes,
)
from reader.core.replace_rules import RuleSet, load_rules, rules_path, save_rules
from reader.core.segments import Segment, SegmentKind, block_segments, changed_runs, review_tables
from reader.ui.dialogs.replace_rules import ReplaceRulesDialog
from reader.ui.dialogs.user_dictionary import UserDictionaryDialog
from reader.ui.panels.conversion_panel import ConversionPanel
from reader.ui.panels.fixes_panel import FixesPanel
from reader.ui.session import DocumentSession
from reader.ui.view.layout import utf16_len
from reader.ui.view.reading_view import Mark, ReadingView

# View ▸ Show Conversion Changes: the levels, in menu order.
LEVELS = ("off", "all", "uncertain")
# How long one turn of "next uncertain" may look before letting the window breathe.
SCAN_BUDGET_S = 0.03
USER_DICTIONARY = "user-dictionary.txt"
# Blocks whose segments are kept (what has been on screen); more are dropped and recomputed.
CACHED_BLOCKS = 4000
# Where the marks level is remembered (the window's settings).
LEVEL_KEY = "review/marks"


class ConversionReview(QObject):
    """The window's conversion review."""

    def __init__(
        self,
        window: QMainWindow,
        view: ReadingView,
        status: QStatusBar,
        session: Callable[[], DocumentSession | None],
        settings: QSettings | None = None,
        folder: Path | None = None,
    ):
        super().__init__(window)
        self._window, self._view, self._status, self._session = window, view, status, session
        self._settings = settings
        self.folder = folder or data_dir()
        self.level = "off"
        self._segments: dict[int, list[Segment]] = {}
        self._segments_of = 0  # the rendition id the cache belongs to
        self._marks: dict[int, list[Mark]] = {}  # at the current level, same life as segments
        self._undo: list[tuple[Fixes, RuleSet, RuleSet]] = []  # before each change
        self.document_rules = RuleSet()
        self.global_rules = RuleSet()
        self._context: tuple[int, Segment, str, str] | None = None  # block, span, source, shown
        self._scan_from: tuple[int, int] | None = None
        self.panel = ConversionPanel(window)
        self.panel.hide()
        self.fixes_panel = FixesPanel(window)
        self.fixes_panel.hide()
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.panel)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.fixes_panel)
        self.panel.chosen.connect(self.choose)
        self.fixes_panel.remove_requested.connect(self.remove_fix)
        self.fixes_panel.go_to.connect(lambda block: view.scroll_to_block(block))
        view.mark_clicked.connect(self._on_mark_clicked)
        if settings is not None:  # the level chosen last time
            self.set_level(str(settings.value(LEVEL_KEY, "off")))

    def slots(self) -> dict[str, Callable[..., object]]:
        """The actions this controller answers (see reader.ui.actions)."""
        return {
            "show_changes": self.set_level,
            "next_uncertain": self.next_uncertain,
            "review_selection": self.review_selection,
            "toggle_fixes": self.fixes_panel.setVisible,
            "undo_fix": self.undo,
            "replace_rules": self.edit_rules,
        }

    # The document

    def document_opened(self, session: DocumentSession) -> None:
        """Load the document's fixes and the user dictionary into `session` (before it shows
        a script), and follow its renditions."""
        prepared = session.prepared
        assert prepared is not None
        self._undo.clear()
        own = fixes_path(prepared.identity, self.folder / "fixes", _document_key(session.path))
        fixes, problem = load_fixes(own)
        if problem is not None:
            self._unreadable(self.tr("The fixes of this document could not be read"), problem)
        elif not fixes and not own.exists():
            fixes = self._carry_over(session, own)
        session.fixes = Fixes(fixes, self.user_dictionary())
        self.document_rules = self._load_rules(rules_path(self.folder, prepared.identity))
        self.global_rules = self._load_rules(rules_path(self.folder))
        session.replace_rules = self.global_rules.joined(self.document_rules)
        session.blocks_changed.connect(self._forget)
        session.rendition_changed.connect(self._forget_all)
        session.converted.connect(self._forget_all)
        self._forget_all()
        self.fixes_panel.set_fixes(fixes)

    def _carry_over(self, session: DocumentSession, own: Path) -> tuple[Fix, ...]:
        """A file edited near its start has a new identity: the fixes made everywhere on an
        earlier version of it come along (saved under the new one), and the reader is told;
        fixes made at one place cannot be found again in changed paragraphs."""
        earlier = earlier_fixes(own.parent, _document_key(session.path))
        kept = tuple(f for f in earlier if f.everywhere)
        if not earlier:
            return ()
        if kept:
            with contextlib.suppress(OSError):  # they still apply now; saved with the next fix
                save_fixes(own, kept, "", _document_key(session.path))
        left = len(earlier) - len(kept)
        if left:
            message = self.tr(
                "The file changed: %n fix(es) made everywhere carried over; "
                "%1 made at one place could not be found again.",
                "",
                len(kept),
            ).replace("%1", str(left))
        else:
            message = self.tr("The file changed: %n fix(es) carried over.", "", len(kept))
        self._status.showMessage(message, 15_000)
        return kept

    def _load_rules(self, path: Path) -> RuleSet:
        rules, problem = load_rules(path)
        if problem is not None:
            self._unreadable(self.tr("The replacement rules could not be read"), problem)
        return rules

    def _unreadable(self, what: str, problem: SetAside) -> None:
        """One status line for a settings file that could not be read, and where it went."""
        if problem.kept_as:
            message = self.tr("%1 (%2); the file was kept as %3.")
            message = message.replace("%3", str(problem.kept_as))
        else:
            message = self.tr("%1 (%2).")
        self._status.showMessage(message.replace("%1", what).replace("%2", problem.reason))

    def edit_rules(self) -> None:
        """Tools ▸ Replacement Rules: edit, preview, import; OK applies (Ctrl+Z undoes)."""
        session = self._session()
        if session is None or session.prepared is None or session.rendition is None:
            return
        dialog = ReplaceRulesDialog(
            self.document_rules,
            self.global_rules,
            session.prepared.texts,
            session.rendition.texts,
            self._window,
        )
        if dialog.exec():
            self.set_rules(*dialog.chosen())

    def set_rules(self, document_rules: RuleSet, global_rules: RuleSet) -> None:
        """Use (and keep) these rules for this document and for every document."""
        session = self._session()
        if session is None or session.prepared is None:
            return
        self._undo.append((session.fixes, self.document_rules, self.global_rules))
        self._apply(session, session.fixes, document_rules, global_rules)

    def user_dictionary_path(self) -> Path:
        return self.folder / USER_DICTIONARY

    def user_dictionary(self) -> tuple[Fix, ...]:
        """The user dictionary's entries (none when there is no file or it cannot be read)."""
        try:
            text = self.user_dictionary_path().read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            return ()
        return parse_dictionary(text)

    def edit_user_dictionary(self) -> None:
        """Open the user dictionary editor; a saved dictionary applies at once."""
        dialog = UserDictionaryDialog(self.user_dictionary_path(), self._window)
        if dialog.exec():
            self.reload_user_dictionary()

    def reload_user_dictionary(self) -> None:
        """The user dictionary was edited: apply it to the open document."""
        session = self._session()
        if session is not None:
            session.set_fixes(Fixes(session.fixes.fixes, self.user_dictionary()))

    # Marks

    def set_level(self, level: str) -> None:
        """Show no marks ('off'), every change ('all') or only uncertain ones ('uncertain')."""
        self.level = level if level in LEVELS else "off"
        if self._settings is not None:
            self._settings.setValue(LEVEL_KEY, self.level)
        self._marks.clear()
        self._view.set_marks(None if self.level == "off" else self.marks)

    def marks(self, block: int) -> list[Mark]:
        """The marks of one displayed block at the current level (computed when painted)."""
        segments = self.segments(block)
        if not segments:
            return []
        cached = self._marks.get(block)
        if cached is not None:
            return cached
        session = self._session()
        assert session is not None and session.rendition is not None
        source, shown = session.rendition.prepared.texts[block], session.rendition.texts[block]
        found: list[Mark] = []
        for seg in segments:
            if seg.uncertain:
                found.append((seg.shown_start, seg.shown_end, True))
            elif self.level == "all" and seg.changed:  # only what reads differently
                found.extend((a, b, False) for a, b in changed_runs(source, shown, seg))
        self._marks[block] = found
        return found

    def segments(self, block: int) -> list[Segment]:
        """The segments of a block as displayed now ([] while its conversion is on its way)."""
        session = self._session()
        rendition = session.rendition if session else None
        if rendition is None or not rendition.chain or not rendition.complete:
            return []
        if self._segments_of != rendition.id:
            self._segments, self._segments_of = {}, rendition.id
            self._marks.clear()
        cached = self._segments.get(block)
        if cached is None:
            if len(self._segments) >= CACHED_BLOCKS:  # a whole novel read through: start again
                self._segments.clear()
                self._marks.clear()
            source, shown = rendition.prepared.texts[block], rendition.texts[block]
            fixed = [(s, e) for s, e, _ in rendition.fixed_in(block)]
            ruled = rendition.replace_rules.changed_spans(source)
            cached = block_segments(rendition.chain, source, shown, fixed, ruled)
            self._segments[block] = cached
        return cached

    def _forget(self, blocks: list[int]) -> None:
        for block in blocks:
            self._segments.pop(block, None)
            self._marks.pop(block, None)
        self._view.refresh_marks()

    def _forget_all(self) -> None:
        self._segments.clear()
        self._marks.clear()
        self._view.refresh_marks()

    # Choosing

    def _on_mark_clicked(self, block: int, index: int, _where: QPoint) -> None:
        self.review_at(block, index)

    def review_selection(self) -> None:
        """Open the Conversion panel for the selection (or the character at its start)."""
        found = self._view.selection_span()
        if found is None:
            self._status.showMessage(self.tr("Select converted text to review it."), 5000)
            return
        block, start, end = found
        self.review_at(block, start, end)

    def review_at(self, block: int, index: int, end: int | None = None) -> bool:
        """Show the span at `index` of displayed block `block` (or [index, end)) in the panel."""
        session = self._session()
        rendition = session.rendition if session else None
        segments = self.segments(block)
        if rendition is None or not segments:
            return False
        source, shown = rendition.prepared.texts[block], rendition.texts[block]
        seg = next((s for s in segments if s.shown_start <= index < s.shown_end), None)
        if seg is None:
            return False
        if end is not None and end > index + 1 and len(source) == len(shown):
            seg = Segment(index, end, index, end, seg.kind)
        elif seg.kind in (SegmentKind.CHARACTER, SegmentKind.SAME) and len(source) == len(shown):
            seg = Segment(index, index + 1, index, index + 1, seg.kind, seg.uncertain, seg.phrase)
        src = source[seg.source_start : seg.source_end]
        out = shown[seg.shown_start : seg.shown_end]
        self._context = (block, seg, src, out)
        alternatives = review_tables(rendition.chain).alternatives(src, out)
        self.panel.everywhere.setChecked(False)
        self.panel.show_span(src, out, seg.kind, seg.uncertain, seg.phrase, alternatives)
        a, b = utf16_len(shown[: seg.shown_start]), utf16_len(shown[: seg.shown_end])
        self._view.select((block, a), (block, b))
        return True

    def choose(self, text: str, everywhere: bool) -> None:
        """Show `text` for the span in the panel: here, or for every same source text."""
        session = self._session()
        if session is None or session.rendition is None or self._context is None:
            return
        block, seg, source, _ = self._context
        fam = family(session.rendition.mode)
        if everywhere:
            fix = self._phrase_fix(block, seg, text, fam) or Fix(source, text, fam)
        else:
            fix = Fix(source, text, fam, block, seg.source_start)
        self._change(session, session.fixes.adding(fix))
        self.panel.hide()

    def _phrase_fix(self, block: int, seg: Segment, text: str, fam: str) -> Fix | None:
        """For a span a phrase entry decided (头发 for 发), the fix of that whole phrase:
        'every 头发' rather than every 发."""
        session = self._session()
        rendition = session.rendition if session else None
        if rendition is None or not seg.phrase or seg.source_end - seg.source_start != 1:
            return None
        source, shown = rendition.prepared.texts[block], rendition.texts[block]
        if len(source) != len(shown):
            return None
        for start in range(max(0, seg.source_start - len(seg.phrase) + 1), seg.source_start + 1):
            if source.startswith(seg.phrase, start):
                end = start + len(seg.phrase)
                k = seg.source_start - start
                phrase_shown = shown[start:end]
                return Fix(seg.phrase, phrase_shown[:k] + text + phrase_shown[k + 1 :], fam)
        return None

    def remove_fix(self, fix: Fix) -> None:
        session = self._session()
        if session is not None:
            self._change(session, session.fixes.removing(fix))

    def undo(self) -> None:
        """Take back the last fix, fix removal or change of the replacement rules."""
        session = self._session()
        if session is None or not self._undo:
            self._status.showMessage(self.tr("Nothing to undo."), 5000)
            return
        self._apply(session, *self._undo.pop())
        self._status.showMessage(self.tr("Undone."), 5000)

    def _change(self, session: DocumentSession, fixes: Fixes) -> None:
        self._undo.append((session.fixes, self.document_rules, self.global_rules))
        self._apply(session, fixes, self.document_rules, self.global_rules)

    def _apply(
        self,
        session: DocumentSession,
        fixes: Fixes,
        document_rules: RuleSet,
        global_rules: RuleSet,
    ) -> None:
        prepared = session.prepared
        assert prepared is not None
        title = session.rendition.title() if session.rendition else ""
        try:
            save_fixes(
                fixes_path(prepared.identity, self.folder / "fixes", _document_key(session.path)),
                fixes.fixes,
                title,
                _document_key(session.path),
            )
            if document_rules != self.document_rules:
                save_rules(rules_path(self.folder, prepared.identity), document_rules)
            if global_rules != self.global_rules:
                save_rules(rules_path(self.folder), global_rules)
        except OSError as exc:
            message = self.tr("The fixes or rules could not be saved (%1).")
            self._status.showMessage(message.replace("%1", exc.strerror or str(exc)), 10_000)
        self.document_rules, self.global_rules = document_rules, global_rules
        first, last = self._view.visible_blocks()
        session.set_fixes(
            fixes, global_rules.joined(document_rules), (max(0, first - 5), last + 10)
        )
        self.fixes_panel.set_fixes(fixes.fixes)

    # Next uncertain

    def next_uncertain(self) -> None:
        """Select the next uncertain span after the selection (or the top of the page) and
        open it in the panel; looks a little at a time, so a long book never freezes."""
        session = self._session()
        rendition = session.rendition if session else None
        if rendition is None or not rendition.chain:
            self._status.showMessage(
                self.tr("The original is showing: choose a script to check its conversion.")
            )
            return
        if not rendition.complete:
            self._status.showMessage(self.tr("The conversion is still on its way."), 5000)
            return
        found = self._view.selection_span()
        self._scan_from = (found[0], found[2]) if found else (self._view.top_block(), 0)
        self._scan()

    def _scan(self) -> None:
        session = self._session()
        rendition = session.rendition if session else None
        if rendition is None or self._scan_from is None:
            return
        block, index = self._scan_from
        deadline = time.perf_counter() + SCAN_BUDGET_S
        while block < len(rendition.texts):
            for seg in self.segments(block):
                if seg.uncertain and seg.shown_start >= index:
                    self._scan_from = None
                    self._view.scroll_to_block(max(0, block - 1))
                    self.review_at(block, seg.shown_start)
                    return
            block, index = block + 1, 0
            if time.perf_counter() > deadline:
                self._scan_from = (block, 0)
                QTimer.singleShot(0, self._scan)
                return
        self._scan_from = None
        self._status.showMessage(self.tr("No uncertain conversion after this point."), 5000)


def _document_key(path: str) -> str:
    """How a fixes file names its document: the absolute path ('' for none)."""
    return os.path.abspath(path) if path else ""
