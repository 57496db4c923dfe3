"""Reading themes: the page's colours, and the window's palette around a dark page."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication


@dataclass(frozen=True, slots=True)
class Theme:
    """Colours of one reading theme."""

    name: str
    background: str
    text: str
    quiet: str
    heading: str
    figure_background: str
    match: str
    current_match: str
    selection: str
    link: str


THEMES = {
    "light": Theme(
        "light", "#fbfbf8", "#1d1d1b", "#6b6b66", "#111111", "#f0efe9",
        "#fff1a8", "#ffb347", "#b3d4fc", "#1a5496",
    ),
    "sepia": Theme(
        "sepia", "#f4ecd8", "#3b2f20", "#6b5c45", "#2a2016", "#eadfc4",
        "#f7de7a", "#e8a33d", "#d9c79e", "#6a3d10",
    ),
    "dark": Theme(
        "dark", "#1e1f22", "#d8d6d0", "#9c9a93", "#f0eee8", "#2a2c30",
        "#6b5b16", "#a8661a", "#35507a", "#8ab4f8",
    ),
}  # fmt: skip


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


_DARK_MENUS = (
    "QMenu { background: #2e3035; color: #e2e0da; border: 1px solid #6a6d75; }"
    "QMenu::item:selected { background: #35507a; }"
    "QMenu::item:disabled { color: #8a8882; }"
    "QMenu::separator { height: 1px; background: #55585f; margin: 4px 8px; }"
)


class WindowChrome:
    """Menus, toolbar, panels and status bar follow a dark reading theme too.

    The palette belongs to the application, and so does its default: it is
    kept here (taken when the first chrome is made), not in a module global.
    """

    def __init__(self, app: QApplication):
        self._app = app
        system = app.property("zhreaderSystemPalette")
        if not isinstance(system, QPalette):
            system = QPalette(app.palette())
            app.setProperty("zhreaderSystemPalette", system)
        self._system = system

    def apply(self, theme_name: str) -> None:
        """Dark palette for the dark theme, the system's for the others."""
        dark = theme_name == "dark"
        self._app.setPalette(dark_palette() if dark else self._system)
        # A dark menu over a dark page needs an edge to be seen.
        self._app.setStyleSheet(_DARK_MENUS if dark else "")
