"""Every action of the window, its shortcut and its menu, defined in one place."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QComboBox, QLabel, QMainWindow, QMenu, QToolBar

from reader.core.convert import Script, ScriptMode

Key = QKeySequence.StandardKey

#: Menu labels of the display modes, in the reader's own terms, and their shortcuts.
SCRIPT_MODES = (
    (ScriptMode.ORIGINAL, "原文", "Ctrl+1"),
    (ScriptMode.SIMPLIFIED, "简体", "Ctrl+2"),
    (ScriptMode.TRADITIONAL, "繁體（標準）", "Ctrl+3"),
    (ScriptMode.TAIWAN, "臺灣正體", "Ctrl+4"),
    (ScriptMode.HONGKONG, "香港繁體", "Ctrl+5"),
)
#: What each display mode does and which standard it follows (tooltips).
SCRIPT_MODE_TIPS = {
    ScriptMode.ORIGINAL: "The document as it is written, not converted",
    ScriptMode.SIMPLIFIED: "Simplified Chinese, the mainland standard (OpenCC)",
    ScriptMode.TRADITIONAL: "Traditional Chinese in OpenCC's standard forms, no regional variants",
    ScriptMode.TAIWAN: "Traditional Chinese as Taiwan writes it (說, 裡, 著; 臺灣 vocabulary with phrases on)",
    ScriptMode.HONGKONG: "Traditional Chinese as Hong Kong writes it (説, 裏, 着; Hong Kong vocabulary with phrases on)",
}
SOURCE_SCRIPTS = (
    ("auto", "Detect automatically"),
    (Script.SIMPLIFIED.value, "Simplified (Mainland)"),
    (Script.MAINLAND_TRADITIONAL.value, "Traditional (Mainland wording and variants)"),
    (Script.TRADITIONAL.value, "Traditional (OpenCC standard)"),
    (Script.TAIWAN.value, "Traditional (Taiwan)"),
    (Script.HONGKONG.value, "Traditional (Hong Kong)"),
)
THEME_NAMES = (("light", "Light"), ("sepia", "Sepia"), ("dark", "Dark"))


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
    script_modes: dict[ScriptMode, QAction] = field(default_factory=dict)
    source_scripts: dict[str, QAction] = field(default_factory=dict)
    themes: dict[str, QAction] = field(default_factory=dict)
    recent_menu: QMenu | None = None
    encoding_menu: QMenu | None = None


def create_actions(window: QMainWindow, slots: dict[str, Callable[..., object]]) -> Actions:
    """Create every action; `slots` maps action names to the window's methods."""
    tr = window.tr

    def act(
        name: str,
        text: str,
        keys: Key | str | tuple[Key | str, ...] = (),
        checkable: bool = False,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, window)
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
        open=act("open", tr("&Open…"), Key.Open, tip=tr("Open a text or Markdown document")),
        reload=act("reload", tr("&Reload"), (Key.Refresh, "F5")),
        export_text=act("export_text", tr("&Export Text…"), "Ctrl+Shift+E"),
        print_document=act("print_document", tr("&Print…"), Key.Print),
        export_pdf=act("export_pdf", tr("Export as P&DF…"), "Ctrl+Shift+P"),
        export_book=act(
            "export_book",
            tr("Export Converted &Book…"),
            tip=tr("Write a copy of this EPUB book in the displayed script"),
        ),
        quit=act("quit", tr("&Quit"), (Key.Quit, "Ctrl+Q")),
        copy=act("copy", tr("&Copy"), Key.Copy),
        select_all=act("select_all", tr("Select &All"), Key.SelectAll),
        find=act("find", tr("&Find…"), Key.Find),
        find_next=act("find_next", tr("Find &Next"), (Key.FindNext, "F3")),
        find_previous=act("find_previous", tr("Find Pre&vious"), (Key.FindPrevious, "Shift+F3")),
        preferences=act("preferences", tr("&Preferences…"), (Key.Preferences, "Ctrl+,")),
        toggle_outline=act("toggle_outline", tr("&Outline"), "F9", checkable=True),
        phrases=act(
            "phrases",
            tr("Regional &Phrases (软件 ↔ 軟體)"),
            "Ctrl+Shift+R",
            checkable=True,
            tip=tr("Also convert regional vocabulary where OpenCC has phrase tables"),
        ),
        quotes=act(
            "quotes",
            tr("Corner &Quotes 「」"),
            checkable=True,
            tip=tr("Show “” ‘’ as 「」『』 (Taiwan and Hong Kong), and back in 简体"),
        ),
        reflow=act(
            "reflow",
            tr("&Join Hard-Wrapped Lines"),
            checkable=True,
            tip=tr("Read a text wrapped every few dozen characters as whole paragraphs"),
        ),
        zoom_in=act("zoom_in", tr("Zoom &In"), (Key.ZoomIn, "Ctrl+=")),
        zoom_out=act("zoom_out", tr("Zoom &Out"), Key.ZoomOut),
        zoom_reset=act("zoom_reset", tr("&Reset Zoom"), "Ctrl+0"),
        full_screen=act("full_screen", tr("&Full Screen"), (Key.FullScreen, "F11"), checkable=True),
        vertical=act(
            "vertical",
            tr("&Vertical (直排)"),
            "Ctrl+Shift+V",
            checkable=True,
            tip=tr("Read in columns from top to bottom, right to left, a page at a time"),
        ),
        paged=act(
            "paged",
            tr("&Paged"),
            checkable=True,
            tip=tr("Turn whole pages instead of scrolling (vertical text is always paged)"),
        ),
        about=act("about", tr("&About ZhReader")),
        escape=act("escape", tr("Leave Full Screen or Close the Find Bar"), "Esc"),
        chapter_rules=act(
            "chapter_rules",
            tr("&Chapter Rules…"),
            tip=tr("See and change the rules that find the chapters of a text document"),
        ),
    )

    def group(prefix: str, items: tuple[tuple[str, str, str], ...], slot: str) -> dict:
        """Exclusive checkable actions whose data is the value passed to `slots[slot]`."""
        exclusive = QActionGroup(window)
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
        action.setToolTip(tr(SCRIPT_MODE_TIPS[mode]))
        action.setStatusTip(tr(SCRIPT_MODE_TIPS[mode]))
    actions.source_scripts = group(
        "source", tuple((v, tr(label), "") for v, label in SOURCE_SCRIPTS), "source_script"
    )
    actions.themes = group("theme", tuple((v, tr(label), "") for v, label in THEME_NAMES), "theme")
    return actions


def build_menus(window: QMainWindow, a: Actions) -> None:
    """The menu bar, from the actions."""
    tr = window.tr
    bar = window.menuBar()
    file = bar.addMenu(tr("&File"))
    file.addAction(a.open)
    a.recent_menu = file.addMenu(tr("Open &Recent"))
    a.recent_menu.setObjectName("recentMenu")
    file.addAction(a.reload)
    a.encoding_menu = file.addMenu(tr("Reopen with &Encoding"))
    a.encoding_menu.setObjectName("encodingMenu")
    file.addSeparator()
    file.addAction(a.export_text)
    file.addAction(a.export_pdf)
    file.addAction(a.export_book)
    file.addAction(a.print_document)
    file.addSeparator()
    file.addAction(a.quit)

    edit = bar.addMenu(tr("&Edit"))
    for action in (a.copy, a.select_all):
        edit.addAction(action)
    edit.addSeparator()
    for action in (a.find, a.find_next, a.find_previous):
        edit.addAction(action)
    edit.addSeparator()
    edit.addAction(a.preferences)

    view = bar.addMenu(tr("&View"))
    view.addAction(a.toggle_outline)
    script = view.addMenu(tr("&Script"))
    script.setObjectName("scriptMenu")
    for action in a.script_modes.values():
        script.addAction(action)
    script.addSeparator()
    script.addAction(a.phrases)
    script.addAction(a.quotes)
    source = script.addMenu(tr("Source Script"))
    for action in a.source_scripts.values():
        source.addAction(action)
    view.addAction(a.reflow)
    view.addAction(a.vertical)
    view.addAction(a.paged)
    view.addSeparator()
    for action in (a.zoom_in, a.zoom_out, a.zoom_reset):
        view.addAction(action)
    theme = view.addMenu(tr("&Theme"))
    for action in a.themes.values():
        theme.addAction(action)
    view.addSeparator()
    view.addAction(a.full_screen)

    tools = bar.addMenu(tr("&Tools"))
    tools.addAction(a.chapter_rules)

    help_menu = bar.addMenu(tr("&Help"))
    help_menu.addAction(a.about)


def build_toolbar(window: QMainWindow, a: Actions) -> QComboBox:
    """The main toolbar; returns its script chooser (its choice goes to `a.script_modes`)."""
    bar = QToolBar(window.tr("Main Toolbar"), window)
    bar.setObjectName("mainToolbar")
    bar.setMovable(False)
    bar.addAction(a.open)
    bar.addAction(a.toggle_outline)
    bar.addSeparator()
    bar.addWidget(QLabel(window.tr(" Script: "), bar))
    box = QComboBox(bar)
    box.setObjectName("scriptBox")
    for mode, label, key in SCRIPT_MODES:
        box.addItem(label, mode.value)
        tip = f"{window.tr(SCRIPT_MODE_TIPS[mode])} ({key})"
        box.setItemData(box.count() - 1, tip, Qt.ItemDataRole.ToolTipRole)
    box.activated.connect(lambda i: a.script_modes[ScriptMode(box.itemData(i))].trigger())
    bar.addWidget(box)
    bar.addAction(a.phrases)
    bar.addSeparator()
    bar.addAction(a.find)
    bar.addAction(a.zoom_out)
    bar.addAction(a.zoom_in)
    window.addToolBar(bar)
    return box


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
        menu.addAction(menu.tr("&Clear Recent Documents"), clear)
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
