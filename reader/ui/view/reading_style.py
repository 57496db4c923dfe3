"""The page's typesetting from the reader's preferences.

The CJK font family for the displayed script (Noto Serif CJK SC for 简体,
TC for 繁體, HK for 香港), the size in points, the line spacing and the
theme, applied to the reading view (and, for a dark theme, the window).
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QFont, QFontInfo
from PySide6.QtWidgets import QWidget

from reader.core.convert import Script, ScriptMode
from reader.ui import fonts
from reader.ui.settings_store import MAX_FONT_PT, MIN_FONT_PT, Preferences, SettingsStore
from reader.ui.themes import THEMES, WindowChrome
from reader.ui.view.reading_view import ReadingView


class ReadingStyle(QObject):
    """Keeps the view's font, size, spacing and colours in step with the preferences."""

    def __init__(
        self,
        store: SettingsStore,
        view: ReadingView,
        font_banner: QWidget,
        chrome: WindowChrome,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.store, self.view, self.banner, self.chrome = store, view, font_banner, chrome
        self.family: str | None = None

    def font(self) -> QFont:
        font = QFont(self.family) if self.family else QFont()
        font.setPointSize(self.store.preferences.font_size)
        return font

    def em(self) -> float:
        """The body text's size in pixels."""
        return float(QFontInfo(self.font()).pixelSize())

    def typesetting(self) -> tuple[QFont, float, int]:
        """(font, em in pixels, line height in percent), as the view and print take them."""
        return self.font(), self.em(), self.store.preferences.line_height

    def follow_script(self, source: Script, mode: ScriptMode) -> None:
        """Pick the CJK family for the displayed script; warn when none can draw Chinese."""
        region = fonts.region_for(mode, source is Script.SIMPLIFIED)
        family = fonts.choose_family(region, self.store.preferences.font_family)
        self.banner.setVisible(family is None)
        if family != self.family:
            self.family = family
            self.view.set_typesetting(*self.typesetting())

    def zoom(self, step: int) -> None:
        """One point bigger (+1) or smaller (-1), or back to the default size (0)."""
        current = self.store.preferences.font_size
        size = Preferences().font_size if step == 0 else current + step
        if self.store.update_preferences(font_size=max(MIN_FONT_PT, min(MAX_FONT_PT, size))):
            self.apply()

    def set_theme(self, name: str) -> None:
        if name in THEMES and self.store.update_preferences(theme=name):
            self.apply()

    def set_preferences(self, prefs: Preferences, source: Script, mode: ScriptMode) -> None:
        """New preferences from the dialog: font, size, spacing and theme at once."""
        if self.store.set_preferences(prefs):
            self.follow_script(source, mode)
            self.apply()

    def apply(self) -> None:
        """Theme, size or spacing changed: the view lays out again where it is."""
        theme = self.store.preferences.theme
        self.view.apply_theme(THEMES[theme])
        self.chrome.apply(theme)
        self.view.set_typesetting(*self.typesetting())
