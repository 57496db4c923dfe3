"""Every action of the window, its shortcut and its menu, defined in one place."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QComboBox, QLabel, QMainWindow, QMenu, QToolBar

from reader.core.convert import Script, ScriptMode
from reader.ui.icons import decorate
from reader.ui.status_bar import SCRIPT_NAMES

Key = QKeySequence.StandardKey

# Menu labels of the display modes, in the reader's own terms, and their shortcuts.
SCRIPT_MODES = (
    (ScriptMode.ORIGINAL, "原文", "Ctrl+1"),
    (ScriptMode.SIMPLIFIED, "简体", "Ctrl+2"),
    (ScriptMode.TRADITIONAL, "繁體（標準）", "Ctrl+3"),
    (ScriptMode.TAIWAN, "臺灣正體", "Ctrl+4"),
    (ScriptMode.HONGKONG, "香港繁體", "Ctrl+5"),
)
# What each display mode does and which standard it follows (tooltips).
SCRIPT_MODE_TIPS = {
    ScriptMode.ORIGINAL: QT_TRANSLATE_NOOP(
        "ActionBuilder", "The document as it is written, not converted"
    ),
    ScriptMode.SIMPLIFIED: QT_TRANSLATE_NOOP(
        "ActionBuilder", "Simplified Chinese, the mainland standard (OpenCC)"
    ),
    ScriptMode.TRADITIONAL: QT_TRANSLATE_NOOP(
        "ActionBuilder", "Traditional Chinese in OpenCC's standard forms, no regional variants"
    ),
    ScriptMode.TAIWAN: QT_TRANSLATE_NOOP(
        "ActionBuilder",
        "Traditional Chinese as Taiwan writes it (說, 裡, 著; 臺灣 vocabulary with phrases on)",
    ),
    ScriptMode.HONGKONG: QT_TRANSLATE_NOOP(
        "ActionBuilder",
        "Traditional Chinese as Hong Kong writes it (説, 裏, 着; Hong Kong vocabulary with phrases on)",
    ),
}
# View ▸ Script ▸ Source Script: "auto" (worded by `SourceScriptWords`), then the scripts
# named as the modes and the status bar name them, in every interface language.
SOURCE_SCRIPTS = (
    ("auto", ""),
    *((s.value, SCRIPT_NAMES[s]) for s in SCRIPT_NAMES if s is not Script.MIXED),
)
THEME_NAMES = (
    ("light", QT_TRANSLATE_NOOP("ActionBuilder", "Light")),
    ("sepia", QT_TRANSLATE_NOOP("ActionBuilder", "Sepia")),
    ("dark", QT_TRANSLATE_NOOP("ActionBuilder", "Dark")),
)
# Each action's icon by its freedesktop name (reader/ui/icons.py finds or draws it).
ACTION_ICONS = {
    "open": "document-open",
    "reload": "view-refresh",
    "export_text": "document-save-as",
    "export_pdf": "document-export",
    "print_document": "document-print",
    "quit": "application-exit",
    "copy": "edit-copy",
    "find": "edit-find",
    "find_next": "go-down",
    "find_previous": "go-up",
    "preferences": "preferences-system",
    "toggle_outline": "sidebar-show",
    "phrases": "preferences-desktop-locale",
    "zoom_in": "zoom-in",
    "zoom_out": "zoom-out",
    "full_screen": "view-fullscreen",
    "about": "help-about",
}


class SourceScriptWords(QObject):
    """What "detect" is called and what each source script means (menu tooltips)."""

    def detect(self) -> str:
        return self.tr("Detect Automatically")

    def tip(self, value: str) -> str:
        tips = {
            "auto": self.tr(
                "Tell the script and region from the text itself; the status bar says what "
                "was found"
            ),
            Script.SIMPLIFIED: self.tr("The text is Simplified Chinese, the mainland standard"),
            Script.MAINLAND_TRADITIONAL: self.tr(
                "The text is Traditional Chinese as printed on the mainland: mainland "
                "vocabulary and variants such as 説 and 産"
            ),
            Script.TRADITIONAL: self.tr(
                "The text is Traditional Chinese in OpenCC's standard forms, no regional variants"
            ),
            Script.TAIWAN: self.tr(
                "The text is Traditional Chinese as Taiwan writes it (說, 裡, 著; Taiwan "
                "vocabulary)"
            ),
            Script.HONGKONG: self.tr(
                "The text is Traditional Chinese as Hong Kong writes it (説, 裏, 着; Hong Kong "
                "vocabulary)"
            ),
        }
        return tips[value]


@dataclass
class Actions:
    """The window's actions by name; menus and toolbar are built from these."""

    open: QAction
    reload: QAction
    export_text: QAction
    print_document: QAction
    export_pdf: QAction
    export_book: QAction
    quit: QAction
    copy: QAction
    select_all: QAction
    find: QAction
    find_next: QAction
    find_previous: QAction
    preferences: QAction
    toggle_outline: QAction
    phrases: QAction
    quotes: QAction
    reflow: QAction
    zoom_in: QAction
    zoom_out: QAction
    zoom_reset: QAction
    full_screen: QAction
    vertical: QAction
    paged: QAction
    about: QAction
    escape: QAction
    chapter_rules: QAction
    next_uncertain: QAction
    review_selection: QAction
    toggle_fixes: QAction
    undo_fix: QAction
    replace_rules: QAction
    back: QAction
    document_info: QAction
    show_changes: dict[str, QAction] = field(default_factory=dict)
    script_modes: dict[ScriptMode, QAction] = field(default_factory=dict)
    source_scripts: dict[str, QAction] = field(default_factory=dict)
    themes: dict[str, QAction] = field(default_factory=dict)
    recent_menu: QMenu | None = None
    encoding_menu: QMenu | None = None


def create_actions(window: QMainWindow, slots: dict[str, Callable[..., object]]) -> Actions:
    """Create every action; `slots` maps action names to the window's methods."""
    return ActionBuilder(window).create_actions(slots)


def build_menus(window: QMainWindow, a: Actions) -> None:
    """The menu bar, from the actions."""
    ActionBuilder(window).build_menus(a)


def build_toolbar(window: QMainWindow, a: Actions) -> QComboBox:
    """The main toolbar; returns its script chooser (its choice goes to `a.script_modes`)."""
    return ActionBuilder(window).build_toolbar(a)


class ActionBuilder(QObject):
    """Builds the window's actions, menus and toolbar; its class name is the translation
    context of their texts, so `pyside6-lupdate` and the running app agree on it."""

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.window = window

    def create_actions(self, slots: dict[str, Callable[..., object]]) -> Actions:
        """Create every action; `slots` maps action names to the window's methods."""
        window = self.window

        def act(
            name: str,
            text: str,
            keys: Key | str | tuple[Key | str, ...] = (),
            checkable: bool = False,
            tip: str = "",
        ) -> QAction:
            action = QAction(text, self)
            action.setObjectName(name)
            sequences = keys if isinstance(keys, tuple) else (keys,)
            shortcuts: list[QKeySequence] = []
            for key in sequences:
                shortcuts.extend(
                    QKeySequence.keyBindings(key) if isinstance(key, Key) else [QKeySequence(key)]
                )
            unique = list({s.toString(): s for s in shortcuts if not s.isEmpty()}.values())
            if unique:
                action.setShortcuts(unique)
            action.setCheckable(checkable)
            if tip:
                action.setStatusTip(tip)
            if name in slots:
                signal = action.toggled if checkable else action.triggered
                signal.connect(slots[name])
            window.addAction(action)  # shortcuts work in full screen, with menus hidden
            return action

        actions = Actions(
            open=act(
                "open", self.tr("&Open…"), Key.Open, tip=self.tr("Open a text or Markdown document")
            ),
            reload=act("reload", self.tr("&Reload"), (Key.Refresh, "F5")),
            export_text=act("export_text", self.tr("&Export Text…"), "Ctrl+Shift+E"),
            print_document=act("print_document", self.tr("&Print…"), Key.Print),
            export_pdf=act("export_pdf", self.tr("Export as P&DF…"), "Ctrl+Shift+P"),
            export_book=act(
                "export_book",
                self.tr("Export Converted &Book…"),
                tip=self.tr("Write a copy of this EPUB book in the displayed script"),
            ),
            quit=act("quit", self.tr("&Quit"), (Key.Quit, "Ctrl+Q")),
            copy=act("copy", self.tr("&Copy"), Key.Copy),
            select_all=act("select_all", self.tr("Select &All"), Key.SelectAll),
            find=act("find", self.tr("&Find…"), Key.Find),
            find_next=act("find_next", self.tr("Find &Next"), (Key.FindNext, "F3")),
            find_previous=act(
                "find_previous", self.tr("Find Pre&vious"), (Key.FindPrevious, "Shift+F3")
            ),
            preferences=act("preferences", self.tr("&Preferences…"), (Key.Preferences, "Ctrl+,")),
            toggle_outline=act("toggle_outline", self.tr("&Outline"), "F9", checkable=True),
            phrases=act(
                "phrases",
                self.tr("Regional &Phrases (软件 ↔ 軟體)"),
                "Ctrl+Shift+R",
                checkable=True,
                tip=self.tr("Also convert regional vocabulary where OpenCC has phrase tables"),
            ),
            quotes=act(
                "quotes",
                self.tr("Corner &Quotes 「」"),
                checkable=True,
                tip=self.tr("Show “” ‘’ as 「」『』 (Taiwan and Hong Kong), and back in 简体"),
            ),
            reflow=act(
                "reflow",
                self.tr("&Join Hard-Wrapped Lines"),
                checkable=True,
                tip=self.tr("Read a text wrapped every few dozen characters as whole paragraphs"),
            ),
            zoom_in=act("zoom_in", self.tr("Zoom &In"), (Key.ZoomIn, "Ctrl+=")),
            zoom_out=act("zoom_out", self.tr("Zoom &Out"), Key.ZoomOut),
            zoom_reset=act("zoom_reset", self.tr("&Reset Zoom"), "Ctrl+0"),
            full_screen=act(
                "full_screen", self.tr("&Full Screen"), (Key.FullScreen, "F11"), checkable=True
            ),
            vertical=act(
                "vertical",
                self.tr("&Vertical (直排)"),
                "Ctrl+Shift+V",
                checkable=True,
                tip=self.tr("Read in columns from top to bottom, right to left, a page at a time"),
            ),
            paged=act(
                "paged",
                self.tr("&Paged"),
                checkable=True,
                tip=self.tr(
                    "Turn whole pages instead of scrolling (vertical text is always paged)"
                ),
            ),
            about=act("about", self.tr("&About ZhReader")),
            escape=act("escape", self.tr("Leave Full Screen or Close the Find Bar"), "Esc"),
            chapter_rules=act(
                "chapter_rules",
                self.tr("&Chapter Rules…"),
                tip=self.tr("See and change the rules that find the chapters of a text document"),
            ),
            next_uncertain=act(
                "next_uncertain",
                self.tr("Next &Uncertain Conversion"),
                "F8",
                tip=self.tr("Select the next character whose conversion may be wrong"),
            ),
            review_selection=act(
                "review_selection",
                self.tr("&Review Conversion of Selection…"),
                "F7",
                tip=self.tr("See why the selected text reads so and choose another form"),
            ),
            toggle_fixes=act("toggle_fixes", self.tr("Conversion &Fixes"), checkable=True),
            undo_fix=act("undo_fix", self.tr("&Undo Fix or Rule Change"), Key.Undo),
            replace_rules=act(
                "replace_rules",
                self.tr("&Replacement Rules…"),
                tip=self.tr("Protect text from conversion, or replace text before or after it"),
            ),
            back=act(
                "back",
                self.tr("&Back"),
                (Key.Back, "Alt+Left"),
                tip=self.tr("Return to where you were before following a link or a note"),
            ),
            document_info=act(
                "document_info",
                self.tr("Document &Information…"),
                tip=self.tr(
                    "Authors, publisher, language, file, encoding and size of this document"
                ),
            ),
        )

        def group(prefix: str, items: tuple[tuple[str, str, str], ...], slot: str) -> dict:
            """Exclusive checkable actions whose data is the value passed to `slots[slot]`."""
            exclusive = QActionGroup(self)
            made = {}
            for value, label, key in items:
                action = act(f"{prefix}_{value}", label, key or (), checkable=True)
                action.setData(value)
                exclusive.addAction(action)
                made[value] = action
            exclusive.triggered.connect(lambda a: slots[slot](a.data()))
            return made

        modes = group(
            "script", tuple((m.value, label, key) for m, label, key in SCRIPT_MODES), "script_mode"
        )
        actions.script_modes = {ScriptMode(value): action for value, action in modes.items()}
        for mode, action in actions.script_modes.items():
            action.setToolTip(self.tr(SCRIPT_MODE_TIPS[mode]))
            action.setStatusTip(self.tr(SCRIPT_MODE_TIPS[mode]))
        words = SourceScriptWords(self)
        actions.source_scripts = group(
            "source",
            tuple((v, label or words.detect(), "") for v, label in SOURCE_SCRIPTS),
            "source_script",
        )
        for value, action in actions.source_scripts.items():
            action.setToolTip(words.tip(value))
            action.setStatusTip(words.tip(value))
        actions.themes = group(
            "theme", tuple((v, self.tr(label), "") for v, label in THEME_NAMES), "theme"
        )
        actions.show_changes = group(
            "changes",
            (
                ("off", self.tr("&Off"), ""),
                ("all", self.tr("&All Changes"), ""),
                ("uncertain", self.tr("&Uncertain Only"), "Ctrl+Shift+U"),
            ),
            "show_changes",
        )
        return actions

    def build_menus(self, a: Actions) -> None:
        """The menu bar, from the actions."""
        window = self.window
        bar = window.menuBar()
        file = bar.addMenu(self.tr("&File"))
        file.addAction(a.open)
        a.recent_menu = file.addMenu(self.tr("Open &Recent"))
        a.recent_menu.setObjectName("recentMenu")
        file.addAction(a.reload)
        file.addAction(a.document_info)
        a.encoding_menu = file.addMenu(self.tr("Reopen with &Encoding"))
        a.encoding_menu.setObjectName("encodingMenu")
        file.addSeparator()
        file.addAction(a.export_text)
        file.addAction(a.export_pdf)
        file.addAction(a.export_book)
        file.addAction(a.print_document)
        file.addSeparator()
        file.addAction(a.quit)

        edit = bar.addMenu(self.tr("&Edit"))
        for action in (a.copy, a.select_all):
            edit.addAction(action)
        edit.addSeparator()
        for action in (a.find, a.find_next, a.find_previous):
            edit.addAction(action)
        edit.addSeparator()
        edit.addAction(a.undo_fix)
        edit.addSeparator()
        edit.addAction(a.preferences)

        view = bar.addMenu(self.tr("&View"))
        view.addAction(a.toggle_outline)
        view.addAction(a.back)
        script = view.addMenu(self.tr("&Script"))
        script.setObjectName("scriptMenu")
        for action in a.script_modes.values():
            script.addAction(action)
        script.addSeparator()
        script.addAction(a.phrases)
        script.addAction(a.quotes)
        source = script.addMenu(self.tr("Source Script"))
        source.setObjectName("sourceScriptMenu")
        for menu in (script, source):
            menu.setToolTipsVisible(True)
        for action in a.source_scripts.values():
            source.addAction(action)
        view.addAction(a.reflow)
        view.addAction(a.vertical)
        view.addAction(a.paged)
        changes = view.addMenu(self.tr("Show &Conversion Changes"))
        changes.setObjectName("changesMenu")
        for action in a.show_changes.values():
            changes.addAction(action)
        changes.addSeparator()
        changes.addAction(a.next_uncertain)
        changes.addAction(a.review_selection)
        view.addAction(a.toggle_fixes)
        view.addSeparator()
        for action in (a.zoom_in, a.zoom_out, a.zoom_reset):
            view.addAction(action)
        theme = view.addMenu(self.tr("&Theme"))
        for action in a.themes.values():
            theme.addAction(action)
        view.addSeparator()
        view.addAction(a.full_screen)

        tools = bar.addMenu(self.tr("&Tools"))
        tools.addAction(a.chapter_rules)
        tools.addAction(a.replace_rules)

        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(a.about)

    def build_toolbar(self, a: Actions) -> QComboBox:
        """The main toolbar; returns its script chooser (its choice goes to `a.script_modes`)."""
        window = self.window
        bar = QToolBar(self.tr("Main Toolbar"), window)
        bar.setObjectName("mainToolbar")
        bar.setMovable(False)
        bar.addAction(a.open)
        bar.addAction(a.toggle_outline)
        bar.addSeparator()
        bar.addWidget(QLabel(self.tr(" Script: "), bar))
        box = QComboBox(bar)
        box.setObjectName("scriptBox")
        for mode, label, key in SCRIPT_MODES:
            box.addItem(label, mode.value)
            tip = f"{self.tr(SCRIPT_MODE_TIPS[mode])} ({key})"
            box.setItemData(box.count() - 1, tip, Qt.ItemDataRole.ToolTipRole)
        box.activated.connect(lambda i: a.script_modes[ScriptMode(box.itemData(i))].trigger())
        bar.addWidget(box)
        bar.addAction(a.phrases)
        bar.addSeparator()
        bar.addAction(a.find)
        bar.addAction(a.zoom_out)
        bar.addAction(a.zoom_in)
        decorate(a, ACTION_ICONS, bar)
        window.addToolBar(bar)
        return box


def rebuild_actions(
    window: QMainWindow, slots: dict[str, Callable[..., object]]
) -> tuple[Actions, QComboBox]:
    """Make the actions, menus and toolbar anew in the current interface language; the old
    ones are deleted, and an icon set on an old action is kept by its successor."""
    icons = {a.objectName(): a.icon() for a in window.actions() if not a.icon().isNull()}
    old_bar = window.findChild(QToolBar, "mainToolbar")
    if old_bar is not None:
        window.removeToolBar(old_bar)
        old_bar.setObjectName("")  # the new one takes its name (and saved state)
        old_bar.deleteLater()
    for action in window.actions():
        window.removeAction(action)
    for builder in window.findChildren(ActionBuilder):  # with their actions and groups
        builder.deleteLater()
    menus = [action.menu() for action in window.menuBar().actions() if action.menu()]
    window.menuBar().clear()
    for menu in menus:  # with their submenus; the bar's own overflow menu stays
        menu.deleteLater()
    actions = create_actions(window, slots)
    build_menus(window, actions)
    box = build_toolbar(window, actions)
    window.findChild(QToolBar, "mainToolbar").setVisible(window.menuBar().isVisible())
    for action in window.actions():
        if action.icon().isNull() and action.objectName() in icons:
            action.setIcon(icons[action.objectName()])
    return actions, box


def fill_recent_menu(
    menu: QMenu,
    entries: list[tuple[str, str]],
    open_path: Callable[[str], object],
    clear: Callable[[], object],
) -> None:
    """Open Recent: one entry per (path, title), the title shown and the path as its tip,
    then Clear."""
    menu.clear()
    menu.setToolTipsVisible(True)
    for path, title in entries:
        label = title or Path(path).name
        if len(label) > 40:
            label = label[:39] + "…"
        action = menu.addAction(label.replace("&", "&&"))
        action.setToolTip(path)
        action.triggered.connect(lambda _=False, p=path: open_path(p))
    if entries:
        menu.addSeparator()
        menu.addAction(
            QCoreApplication.translate("ActionBuilder", "&Clear Recent Documents"), clear
        )
    menu.setEnabled(bool(entries))


def show_script_choice(
    a: Actions,
    box: QComboBox,
    mode: ScriptMode,
    source: str,
    phrases: bool,
    why_not_phrases: str,
    quotes: bool,
) -> None:
    """Menus and toolbar show the chosen script, source script, phrases and quotes switches;
    a greyed-out phrases switch says why in its tooltip."""
    a.script_modes[mode].setChecked(True)
    box.setCurrentIndex(box.findData(mode.value))
    a.source_scripts[source].setChecked(True)
    a.phrases.setEnabled(not why_not_phrases)
    a.phrases.setChecked(phrases)
    a.phrases.setToolTip(why_not_phrases or a.phrases.statusTip())
    a.quotes.setEnabled(mode is not ScriptMode.ORIGINAL)
    a.quotes.setChecked(quotes)
