"""The reader window: composes the view, panels and status bar, and routes their signals.

The open document and its jobs belong to a `DocumentSession`; what is
remembered belongs to the `SettingsStore`; export and print to the
`Exporter`. The window wires them together and keeps the controls in step.
"""

from __future__ import annotations

import bisect
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QEvent,
    QPoint,
    QSettings,
    QSignalBlocker,
    QStandardPaths,
    Qt,
    QThreadPool,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import (
    QCloseEvent,
    QDesktopServices,
    QDragEnterEvent,
    QDropEvent,
    QFont,
    QKeyEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QMainWindow,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from reader import APP_NAME
from reader.core.chapter_rules import ChapterRules
from reader.core.convert import (
    Script,
    ScriptMode,
    phrases_available,
    phrases_note,
    quotes_by_default,
)
from reader.core.document import BlockKind
from reader.core.loading import DEFAULT_SIZE_LIMIT, display_encoding
from reader.core.rendition import PreparedDocument
from reader.core.resources import bundled_article_path
from reader.core.search import Match
from reader.runtime import freeze_open_document, return_freed_memory
from reader.ui import fonts
from reader.ui.actions import (
    build_menus,
    build_toolbar,
    create_actions,
    fill_recent_menu,
    rebuild_actions,
    show_script_choice,
)
from reader.ui.error_texts import NoticeTexts
from reader.ui.full_screen import FullScreen
from reader.ui.i18n import InterfaceLanguage
from reader.ui.icons import app_icon
from reader.ui.panels.find_bar import FindBar
from reader.ui.panels.font_banner import FontBanner
from reader.ui.panels.note_popup import JumpHistory, NotePopup
from reader.ui.panels.outline_dock import OutlineDock
from reader.ui.review import ConversionReview
from reader.ui.session import DocumentSession
from reader.ui.settings_store import Preferences, SettingsStore
from reader.ui.status_bar import StatusBar
from reader.ui.themes import WindowChrome
from reader.ui.view.paged_view import PagedView
from reader.ui.view.reading_style import ReadingStyle
from reader.ui.view.reading_view import NAVIGATION_KEYS
from reader.ui.view_modes import ViewModes

# Bump when the dock/toolbar layout changes so old saved states are ignored.
STATE_VERSION = 1
# Blocks converted before the rest: what is on screen plus a margin.
VISIBLE_MARGIN = 10
# Where the reader's eyes are, as a fraction of the view's height, for following the outline.
READING_LINE = 0.2
# File ▸ Reopen with Encoding: (codec, label).
ENCODINGS = (
    ("utf-8", "UTF-8"),
    ("gb18030", "GB18030 (GBK, GB2312)"),
    ("big5", "Big5"),
    ("big5hkscs", "Big5-HKSCS"),
    ("utf-16-le", "UTF-16 LE"),
    ("utf-16-be", "UTF-16 BE"),
)
FILE_FILTER = QT_TRANSLATE_NOOP(
    "MainWindow", "Documents (*.txt *.text *.md *.markdown *.epub);;All files (*)"
)


class MainWindow(QMainWindow):
    """Shows one document at a time."""

    document_shown = Signal()
    document_completed = Signal()  # the whole document is in (a long text's comes after)
    load_failed = Signal(str)
    visible_converted = Signal()  # the blocks on screen show the new script
    conversion_finished = Signal()
    search_finished = Signal(int)  # number of matches

    def __init__(
        self,
        settings: QSettings,
        size_limit: int = DEFAULT_SIZE_LIMIT,
    ):
        super().__init__()
        self.setObjectName("mainWindow")
        self.store = SettingsStore(settings, self)
        self.size_limit = size_limit
        self.session: DocumentSession | None = None
        self._incoming: DocumentSession | None = None

        self.view = PagedView(self)
        self.find_bar = FindBar(self)
        self.banner = FontBanner(self)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.find_bar)
        self.setCentralWidget(central)
        self.outline = OutlineDock(self)
        self.note_popup = NotePopup(self)
        self.jumps = JumpHistory()
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.outline)
        self.status = StatusBar(self)
        self.setStatusBar(self.status)
        chrome = WindowChrome(QApplication.instance())
        self.style_ = ReadingStyle(self.store, self.view, self.banner, chrome, self)
        self._exporter = None  # built when first used (it imports printing)

        review = ConversionReview(self, self.view, self.status, lambda: self.session, settings)
        self.review = review
        self.actions_ = create_actions(self, {**self._slots(), **review.slots()})
        self.actions_.show_changes[review.level].setChecked(True)
        self.review.fixes_panel.visibilityChanged.connect(
            lambda shown: self.actions_.toggle_fixes.setChecked(shown)
        )
        build_menus(self, self.actions_)
        self.script_box = build_toolbar(self, self.actions_)
        self.setWindowIcon(app_icon())
        self.actions_.back.setEnabled(False)
        self.view_modes = ViewModes(self.view, self.store, self.actions_, self.status, self)
        self._connect_widgets()
        self._position_timer = self._timer(2000, self.save_position)  # once scrolling settles
        self._follow_timer = self._timer(80, self._follow_reading)
        self._retranslate_timer = self._timer(0, self.retranslate)  # one for several translators
        self.setAcceptDrops(True)
        self._fit_to_screen()
        self._fill_encoding_menu()
        self.full_screen = FullScreen(self, self.view.viewport(), [self.outline, self.status])
        self.restore_state()

    def _fit_to_screen(self) -> None:
        """The first window: 1180×820, or at most 90% of a smaller screen, centred."""
        screen = self.screen().availableGeometry()
        width = min(1180, int(screen.width() * 0.9))
        height = min(820, int(screen.height() * 0.9))
        self.resize(width, height)
        self.move(screen.center().x() - width // 2, screen.center().y() - height // 2)

    def _fill_encoding_menu(self) -> None:
        menu = self.actions_.encoding_menu
        if menu is None:
            return
        for codec, label in ENCODINGS:
            menu.addAction(label, lambda c=codec: self.reopen_with_encoding(c))

    def _slots(self) -> dict[str, object]:
        return {
            "open": self.choose_file,
            "reload": self.reload,
            "export_text": lambda: self.exporter.export_text(),
            "print_document": lambda: self.exporter.print_document(),
            "export_pdf": lambda: self.exporter.export_pdf(),
            "export_book": lambda: self.exporter.export_book(),
            "quit": self.close,
            "copy": self.view.copy,
            "select_all": self.view.selectAll,
            "find": self.find_bar.open_bar,
            "find_next": lambda: self.find_bar.step(+1),
            "find_previous": lambda: self.find_bar.step(-1),
            "preferences": self.edit_preferences,
            "toggle_outline": self.outline.setVisible,
            "phrases": lambda on: self._set_preference(phrases=on),
            "quotes": lambda on: self._set_preference(quotes="corner" if on else "curved"),
            "reflow": self.set_reflow,
            "zoom_in": lambda: self.zoom(+1),
            "zoom_out": lambda: self.zoom(-1),
            "zoom_reset": lambda: self.zoom(0),
            "full_screen": self.set_full_screen,
            "vertical": lambda on: self.view_modes.set_vertical(on),
            "paged": lambda on: self.view_modes.set_paged(on),
            "about": self.show_about,
            "escape": self.escape,
            "script_mode": lambda value: self.set_script_mode(ScriptMode(value)),
            "source_script": self.set_source_script,
            "theme": self.set_theme,
            "chapter_rules": self.edit_chapter_rules,
            "back": self.go_back,
            "document_info": self.show_document_info,
        }

    def _connect_widgets(self) -> None:
        self.view.scrolled.connect(self._on_scrolled)
        self.view.zoom_requested.connect(self.zoom)
        self.view.link_clicked.connect(self.follow_link)
        self.view.note_clicked.connect(self.show_note)
        self.note_popup.go_to_note.connect(self.jump_to_block)
        self.note_popup.link_clicked.connect(self.follow_link)
        self.find_bar.search_changed.connect(self.search)
        self.find_bar.current_changed.connect(self.view.set_matches)
        self.find_bar.closed.connect(self._clear_search)
        self.outline.section_chosen.connect(self.go_to_block)
        self.outline.visibilityChanged.connect(self._sync_outline_action)
        self.store.changed.connect(lambda part: part == "recent" and self._rebuild_recent_menu())

    @property
    def exporter(self):
        """Export and print (an `Exporter`), built on first use: printing is not needed to read."""
        if self._exporter is None:
            from reader.ui.export import Exporter

            self._exporter = Exporter(
                self,
                lambda: self.session,
                self.style_.typesetting,
                self.start_folder,
                self.view.is_vertical,
            )
            self._exporter.message.connect(self.status.showMessage)
        return self._exporter

    def show_about(self) -> None:
        """Help ▸ About."""
        from reader.ui.dialogs.about import AboutBox

        AboutBox(self).show(self)

    def _timer(self, ms: int, slot) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(ms)
        timer.timeout.connect(slot)
        return timer

    # Opening documents

    def open_initial(self, path: str | None, encoding: str | None = None) -> None:
        """The file from the command line, else the last document, else the bundled article."""
        self.open_path(path or self.store.last_document() or str(bundled_article_path()), encoding)

    def open_path(self, path: str, encoding: str | None = None, at_line: int = 0) -> None:
        """Open a document in the background; the current one stays until it has opened
        (at source line `at_line` when it is the same text read again in other blocks)."""
        if self._incoming is not None:
            self._incoming.close()
            self._incoming.deleteLater()
        session = DocumentSession(size_limit=self.size_limit, parent=self)
        session.open_at_line = at_line
        session.place_of = lambda identity: self.store.position(identity, 1 << 31)[0]
        session.opened.connect(lambda: self._on_opened(session))
        session.completed.connect(lambda: self._on_completed(session))
        session.failed.connect(lambda message: self._on_open_failed(session, message))
        self._incoming = session
        self.status.set_loading(True)
        same = self.session.prepared if self.session and self.session.path == path else None
        rules = self.store.chapter_rules(same.identity if same else "")
        session.load(path, encoding, self.store.preferences.reflow, rules)

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open Document"), self.start_folder(), self.tr(FILE_FILTER)
        )
        if path:
            self.open_path(path)

    def start_folder(self) -> str:
        """Where file dialogs open: the last folder used, else the user's Documents folder
        (never the package's own resources)."""
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        return self.store.last_folder() or documents or str(Path.home())

    def reload(self) -> None:
        if self.session is not None:
            self.save_position()
            self.open_path(self.session.path)

    def _on_opened(self, session: DocumentSession) -> None:
        if session is not self._incoming:
            return
        prepared = session.prepared
        assert prepared is not None
        if (rules := self.store.chapter_rules(prepared.identity)) != session.rules:
            # The document has rules of its own: open it again with them.
            session.load(session.path, session.encoding, self.store.preferences.reflow, rules)
            return
        self._incoming = None
        self.status.set_loading(session.partial)  # a long text's rest is still coming
        self.save_position()
        old, self.session = self.session, session
        if old is not None:
            old.close()
            old.deleteLater()
        prepared, rendition = session.prepared, session.rendition
        assert prepared is not None and rendition is not None
        self.find_bar.forget_matches()
        self.jumps.clear()
        self.actions_.back.setEnabled(False)
        empty = not any(text.strip() for text in rendition.texts)
        self.view.set_placeholder(self.tr("This document is empty.") if empty else "")
        self._follow_script()
        self.view.set_rendition(rendition, *self.style_.typesetting())
        self.outline.set_outline(prepared.outline)
        if Path(session.path) != bundled_article_path():  # the bundled article is no recent file
            self.store.document_opened(session.path, rendition.title())
        if session.open_at_line:  # the same text in other blocks: keep the reader's line
            self.view.scroll_to_block(_block_at_line(prepared, session.open_at_line))
        else:
            self.view.go_to_position(self.store.position(prepared.identity, len(prepared.texts)))
        session.rendition_changed.connect(self._on_rendition_changed)
        session.blocks_changed.connect(self._on_blocks_changed)
        session.visible_converted.connect(self.visible_converted)
        session.progress.connect(self.status.set_conversion)
        session.converted.connect(self._on_converted)
        session.conversion_failed.connect(self._on_conversion_failed)
        session.matches_found.connect(
            lambda matches: self._on_matches(matches, self.view.top_block())
        )
        self.review.document_opened(session)
        session.show_script(*self._script_choice())
        self._update_script_controls()
        self._update_title()
        freeze_open_document()
        QTimer.singleShot(0, return_freed_memory)  # the previous document's text is gone
        self._show_notes(prepared)
        if not self.find_bar.edit.hasFocus():
            self.view.setFocus()  # PageDown, Space and arrows scroll the page at once
        session.opened_at = self.view.position()
        self.document_shown.emit()
        if not session.partial:
            self.document_completed.emit()
        self._search_again()

    def _show_notes(self, prepared: PreparedDocument) -> None:
        """All of a document's notes (what was damaged, guessed or joined) on one status line."""
        texts = NoticeTexts(self)
        notes = [texts.word(w) for w in prepared.document.warnings]
        if prepared.document.reflowed:
            notes.append(
                self.tr(
                    "Hard-wrapped lines were joined into paragraphs "
                    "(View ▸ Join Hard-Wrapped Lines turns it off)."
                )
            )
        if notes:
            self.status.showMessage(texts.join(notes), 15_000)
        texts.deleteLater()

    def _on_completed(self, session: DocumentSession) -> None:
        """The whole of a long text replaces its beginning, shown first; the reader's line stays."""
        beginning, prepared, rendition = session.beginning, session.prepared, session.rendition
        if session is not self.session or beginning is None or prepared is None or not rendition:
            return
        top, offset = self.view.position()
        moved = (top, offset) != session.opened_at
        if moved and session.blocks_kept:  # a book's first blocks are where they were
            place = (top, offset)
        elif moved or session.open_at_line:  # the reader's source line, in the whole's blocks
            seen = beginning.document.blocks
            line = (seen[top].line if seen else 0) if moved else session.open_at_line
            place = (_block_at_line(prepared, line), 0)
        else:  # not moved: the remembered place, which may lie beyond the beginning
            place = self.store.position(prepared.identity, len(prepared.texts))
        self.view.set_rendition(rendition, *self.style_.typesetting())
        self.outline.set_outline(prepared.outline)
        if moved and session.blocks_kept:
            self.view.scroll_to_block(*place)  # the very pixels: the blocks did not move
        else:
            self.view.go_to_position(place)  # a block's start, or a remembered character
        self.status.set_loading(False)
        session.show_script(*self._script_choice())
        self._update_status()
        if prepared.document.warnings != beginning.document.warnings:
            self._show_notes(prepared)  # what the rest of a book brought (damaged chapters …)
        freeze_open_document()
        self.document_completed.emit()
        self._search_again()

    def _on_open_failed(self, session: DocumentSession, message: str) -> None:
        if session is not self._incoming:
            return
        self._incoming = None
        session.deleteLater()
        self.status.set_loading(False)
        self.load_failed.emit(message)
        QMessageBox.warning(self, self.tr("Cannot open document"), message)
        if self.session is None and Path(session.path) != bundled_article_path():
            self.open_path(str(bundled_article_path()))

    # Script switching

    def source_script(self) -> Script:
        """The script the document is taken to be written in (detected unless overridden)."""
        chosen = self.store.preferences.source_script
        if chosen != "auto":
            return Script(chosen)
        prepared = self.session.prepared if self.session else None
        return prepared.source_script if prepared else Script.MIXED

    def script_mode(self) -> ScriptMode:
        return ScriptMode(self.store.preferences.script_mode)

    def set_script_mode(self, mode: ScriptMode) -> None:
        """Show the document in `mode`; the paragraph at the top stays at the top."""
        self._set_preference(script_mode=mode.value)

    def set_source_script(self, value: str) -> None:
        self._set_preference(source_script=value)

    def _set_preference(self, **changes: object) -> None:
        self.store.update_preferences(**changes)
        self._update_script_controls()
        if self.store.preferences.phrases and not self.actions_.phrases.isEnabled():
            self.status.showMessage(
                self.tr("Regional phrases: %1").replace("%1", self.actions_.phrases.toolTip()),
                10_000,
            )
        if self.session is not None:
            self._follow_script()
            self.session.show_script(*self._script_choice())

    def set_reflow(self, on: bool) -> None:
        """Join the lines of hard-wrapped text, or show them as the file has them; the
        document opens again at the line being read."""
        self.store.update_preferences(reflow=on)
        session = self.session
        if session is None or session.prepared is None:
            return
        if session.prepared.document.format != "text" or on == session.prepared.document.reflowed:
            return
        self._reopen_here()

    def _script_choice(self) -> tuple[Script, ScriptMode, bool, tuple[int, int], bool]:
        first, last = self.view.visible_blocks()
        visible = (max(0, first - 5), last + VISIBLE_MARGIN)
        mode = self.script_mode()
        prefs = self.store.preferences
        return self.source_script(), mode, prefs.phrases, visible, self._quotes(mode)

    def _quotes(self, mode: ScriptMode) -> bool:
        """Corner quotes 「」: the reader's choice, else on for 臺灣正體 and 香港繁體."""
        chosen = self.store.preferences.quotes
        return quotes_by_default(mode) if chosen == "auto" else chosen == "corner"

    def _why_not_phrases(self, source: Script, mode: ScriptMode) -> str:
        """Why the regional-phrases switch is greyed out, in a sentence ('' when it is not)."""
        note = phrases_note(source, mode)
        return self.status.phrases_reason(note) if note is not None else ""

    def _on_rendition_changed(self) -> None:
        assert self.session is not None and self.session.rendition is not None
        self.view.show_rendition(self.session.rendition)
        self.outline.retitle_all(self.session.rendition.texts)
        self._update_title()

    def _on_blocks_changed(self, indices: list[int]) -> None:
        rendition = self.session.rendition if self.session else None
        if rendition is None:
            return
        self.view.blocks_changed(indices)
        self.outline.retitle(indices, rendition.texts)
        if rendition.shows_title(indices):
            self._update_title()

    def _on_converted(self) -> None:
        self.status.set_conversion(None)
        self._update_status()
        self._update_title()
        self._search_again()
        self.conversion_finished.emit()

    def _on_conversion_failed(self, message: str) -> None:
        self.status.set_conversion(None)
        self.status.showMessage(message, 10_000)

    # Find

    def search(self, query: str, exact: bool = False) -> None:
        """Find `query` in the displayed text (any script unless `exact`), in a worker."""
        if self.session is not None:
            self.session.search(query, exact)

    def _search_again(self) -> None:
        if self.find_bar.isVisible() and self.find_bar.query():
            self.search(self.find_bar.query(), self.find_bar.exact.isChecked())

    def _on_matches(self, matches: list[Match], top_block: int) -> None:
        self.find_bar.show_matches(matches, top_block)
        self.search_finished.emit(len(matches))

    def _clear_search(self) -> None:
        if self.session is not None:
            self.session.clear_search()
        self.view.setFocus()

    # Links and notes

    def follow_link(self, target: str) -> None:
        """A link inside the document jumps there; one outside asks before the browser opens."""
        prepared = self.session.prepared if self.session else None
        if prepared is not None and target in prepared.document.anchors:
            self.jump_to_block(prepared.document.anchors[target])  # a link inside the book
            return
        if target.startswith("#") or ("://" not in target and not target.startswith("mailto:")):
            return  # a place in the document it does not name, or a file beside it
        answer = QMessageBox.question(
            self,
            self.tr("Open Link"),
            self.tr("Open %1 in your web browser?").replace("%1", target),
        )
        if answer == QMessageBox.StandardButton.Yes:
            QDesktopServices.openUrl(QUrl(target))

    def show_note(self, label: str, where: QPoint) -> None:
        """A footnote reference shows its note in a popup beside the pointer."""
        prepared = self.session.prepared if self.session else None
        rendition = self.session.rendition if self.session else None
        if prepared is None or rendition is None:
            return
        font = QFont(self.style_.font())
        font.setPixelSize(max(1, round(self.style_.em() * 0.9)))
        for index, block in enumerate(prepared.document.blocks):
            if block.kind is BlockKind.FOOTNOTE and block.label == label:
                self.note_popup.show_note(
                    index, block.runs, rendition.texts[index], where, font, label
                )
                return
        self.note_popup.show_missing(where, font)

    def show_document_info(self) -> None:
        """File → Document Information for the open document."""
        if self.session is not None and self.session.prepared is not None:
            from reader.ui.dialogs.document_info import DocumentInfoDialog

            dialog = DocumentInfoDialog(self.session.prepared, self.session.path, self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.open()

    def jump_to_block(self, block: int) -> None:
        """Go to block `block` from a link or a note; Back returns to where the reader was."""
        self.jumps.push(self.view.position())
        self.actions_.back.setEnabled(True)
        self.go_to_block(block)

    def go_back(self) -> None:
        """Return to where the reader was before the latest jump inside the document."""
        position = self.jumps.pop()
        self.actions_.back.setEnabled(bool(self.jumps))
        if position is not None:
            self.view.scroll_to_block(*position)
            self.outline.follow(position[0])

    # Navigation and reading position

    def go_to_block(self, block: int) -> None:
        """Scroll so that block `block` is at the top."""
        self.view.scroll_to_block(block)
        self.outline.follow(block)

    def _on_scrolled(self) -> None:
        self._follow_timer.start()
        self._position_timer.start()

    def _follow_reading(self) -> None:
        # The section being read is the one at the reader's eye line, not the top pixel row;
        # when the whole document fits on the screen, it is the first.
        first, last = self.view.visible_blocks()
        whole = first == 0 and last >= self.view.block_count() and self.view.position() == (0, 0)
        self.outline.follow(
            self.outline.first_block() if whole else self.view.block_at(READING_LINE)
        )
        self.status.show_reading_progress(self.view.progress())

    def save_position(self) -> None:
        """Remember where the reader is in the current document (once it is all in)."""
        if self.session is not None and self.session.prepared and not self.session.partial:
            self.store.save_position(self.session.prepared.identity, *self.view.reading_position())

    # Reading preferences

    def _follow_script(self) -> None:
        self.style_.follow_script(self.source_script(), self.script_mode())

    def zoom(self, step: int) -> None:
        """Ctrl+= bigger, Ctrl+- smaller, Ctrl+0 back to the default size."""
        self.style_.zoom(step)

    def set_theme(self, name: str) -> None:
        self.style_.set_theme(name)
        self.actions_.themes[self.store.preferences.theme].setChecked(True)

    def edit_preferences(self) -> None:
        from reader.ui.dialogs.preferences import PreferencesDialog

        dialog = PreferencesDialog(
            self.store.preferences, fonts.chinese_families(), self, self.review.edit_user_dictionary
        )
        if dialog.exec():
            self.apply_preferences(dialog.chosen())

    def apply_preferences(self, prefs: Preferences) -> None:
        language = self.store.preferences.language
        self.style_.set_preferences(prefs, self.source_script(), self.script_mode())
        self.actions_.themes[self.store.preferences.theme].setChecked(True)
        if self.store.preferences.language != language:
            InterfaceLanguage.of(QApplication.instance()).apply(self.store.preferences.language)

    def set_full_screen(self, on: bool) -> None:
        """Full screen shows only the page; the pointer at the top edge brings the bars back."""
        self.full_screen.set(on)
        self.actions_.full_screen.setChecked(on)

    def escape(self) -> None:
        """Esc, wherever the focus is: leave full screen first, else close the find bar."""
        if self.full_screen.on:
            self.set_full_screen(False)
        elif self.find_bar.isVisible():
            self.find_bar.close_bar()

    def edit_chapter_rules(self) -> None:
        """Tools ▸ Chapter Rules: the dialog previews edited rules; OK applies them."""
        session = self.session
        if session is None or session.prepared is None:
            return
        prepared = session.prepared
        own = self.store.document_rules(prepared.identity) is not None
        from reader.ui.dialogs.chapter_rules import ChapterRulesDialog

        dialog = ChapterRulesDialog(
            prepared.document, session.rules, own, self.start_folder(), self
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(
            lambda: session is self.session and self.apply_chapter_rules(*dialog.chosen())
        )
        dialog.open()

    def apply_chapter_rules(self, rules: ChapterRules, own: bool) -> None:
        """Keep `rules` for this document (`own`) or all documents; reopen at the same line."""
        session = self.session
        if session is None or session.prepared is None:
            return
        self.store.save_chapter_rules(rules, session.prepared.identity, own)
        if rules != session.rules:
            self._reopen_here()

    def reopen_with_encoding(self, encoding: str) -> None:
        """The same file decoded with `encoding`, at the same line."""
        session = self.session
        if session is None or session.prepared is None:
            return
        self._reopen_here(encoding)

    def _reopen_here(self, encoding: str | None = None) -> None:
        """Read the open document again (other reflow, rules or encoding) at the source line
        at the top of the view."""
        session = self.session
        assert session is not None and session.prepared is not None
        line = session.prepared.document.blocks[self.view.top_block()].line
        self.open_path(session.path, encoding, at_line=line)

    # Window chrome

    def _update_title(self) -> None:
        rendition = self.session.rendition if self.session else None
        self.setWindowTitle(f"{rendition.title()} — {APP_NAME}" if rendition else APP_NAME)

    def _update_status(self) -> None:
        prepared = self.session.prepared if self.session else None
        if prepared is None:
            return
        source, mode = self.source_script(), self.script_mode()
        self.status.show_document(
            display_encoding(prepared.document.encoding),
            source,
            self.store.preferences.source_script == "auto",
            mode,
            self.store.preferences.phrases and phrases_available(source, mode),
            prepared.char_count,
            prepared.document.reflowed,
            prepared.region,
        )
        self.status.show_reading_progress(self.view.progress())

    def _update_script_controls(self) -> None:
        prefs, mode = self.store.preferences, self.script_mode()
        why_not = self._why_not_phrases(self.source_script(), mode)
        show_script_choice(
            self.actions_,
            self.script_box,
            mode,
            prefs.source_script,
            prefs.phrases,
            why_not,
            self._quotes(mode),
        )
        self.actions_.export_book.setEnabled(self.session is not None and self._format() == "epub")
        plain = self._format() == "text"  # Markdown and EPUB bring their own headings
        self.actions_.chapter_rules.setEnabled(plain)
        self._update_status()

    def _format(self) -> str:
        """What the open document was read as ("text", "markdown", "epub"; "" for none)."""
        prepared = self.session.prepared if self.session else None
        return prepared.document.format if prepared else ""

    def _sync_outline_action(self, visible: bool) -> None:
        if not self.isMinimized():
            self.actions_.toggle_outline.setChecked(self.outline.isVisible() or visible)

    def _rebuild_recent_menu(self) -> None:
        if self.actions_.recent_menu is not None:
            entries = [(p, self.store.recent_title(p)) for p in self.store.recent_files()]
            fill_recent_menu(
                self.actions_.recent_menu, entries, self.open_path, self.store.clear_recent
            )

    # Keyboard and drops

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

    # State

    def save_state(self) -> None:
        """Everything remembered between sessions, in one place."""
        self.save_position()
        self.store.save_window_layout(self.saveGeometry(), self.saveState(STATE_VERSION))
        if not self.store.sync():
            self.status.showMessage(
                self.tr("Settings could not be saved to %1").replace("%1", self.store.file_name()),
                10_000,
            )

    def restore_state(self) -> None:
        """The counterpart of save_state; bad or old values fall back to defaults."""
        geometry, state = self.store.window_layout()
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state, STATE_VERSION)
        self.actions_.toggle_outline.setChecked(not self.outline.isHidden())
        self.actions_.reflow.setChecked(self.store.preferences.reflow)
        self.actions_.themes[self.store.preferences.theme].setChecked(True)
        self.style_.apply()
        self._update_script_controls()
        self._rebuild_recent_menu()
        self._follow_script()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate_timer.start()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """The interface language changed: menus, toolbar and status bar again, in it
        (the actions are made anew, so every action added later is reworded too)."""
        self.actions_, self.script_box = rebuild_actions(
            self, {**self._slots(), **self.review.slots()}
        )
        self._fill_encoding_menu()
        blockers = [QSignalBlocker(action) for action in self.actions()]  # states, not changes
        self.actions_.toggle_outline.setChecked(not self.outline.isHidden())
        self.actions_.reflow.setChecked(self.store.preferences.reflow)
        self.actions_.themes[self.store.preferences.theme].setChecked(True)
        self.actions_.full_screen.setChecked(self.full_screen.on)
        self.actions_.show_changes[self.review.level].setChecked(True)
        self.actions_.back.setEnabled(bool(self.jumps))
        self.view_modes.use_actions(self.actions_)
        self.actions_.toggle_fixes.setChecked(not self.review.fixes_panel.isHidden())
        self._update_script_controls()
        del blockers
        self._rebuild_recent_menu()
        if self.view.placeholder():
            self.view.set_placeholder(self.tr("This document is empty."))

    def closeEvent(self, event: QCloseEvent) -> None:
        for session in (self._incoming, self.session):
            if session is not None:
                session.close()
        self.save_state()
        QThreadPool.globalInstance().waitForDone(5000)
        super().closeEvent(event)


def _block_at_line(prepared: PreparedDocument, line: int) -> int:
    """The block holding source line `line` (the last one starting at or before it)."""
    lines = [block.line for block in prepared.document.blocks]
    return max(0, bisect.bisect_right(lines, line) - 1)
