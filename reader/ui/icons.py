"""Icons: the reader's own application icon, and the toolbar's and menus' action icons.

An action's icon comes from the system icon theme under its freedesktop name
(`document-open`, `zoom-in`, …) while the window wears the system's palette.
Otherwise — no such icon in the theme, or the dark reading theme over a light
desktop, whose theme icons would be dark on dark — a bundled Lucide icon
(`resources/icons/actions/`, ISC licence) is drawn in the palette's own text
colour, so it follows the theme. Nothing is drawn until a button or menu is
painted, and each size and colour is drawn once.

`python -m reader.ui.icons` renders the application icon's PNG sizes from its SVGs.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QObject, QRect, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QIcon,
    QIconEngine,
    QImage,
    QPainter,
    QPalette,
    QPixmap,
)
from PySide6.QtWidgets import QToolBar, QToolButton

ICONS_DIR = Path(__file__).resolve().parent.parent / "resources" / "icons"
ACTIONS_DIR = ICONS_DIR / "actions"
# The application icon: the SVG, its 16 px drawing, and the PNG sizes rendered from them.
APP_SVG = ICONS_DIR / "zhreader.svg"
APP_SMALL_SVG = ICONS_DIR / "zhreader-small.svg"
APP_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
# Sizes drawn from the small SVG (the large one's strokes blur into a smudge there).
SMALL_SIZES = (16,)

# Bundled drawing for each freedesktop icon name the actions use.
BUNDLED = {
    "document-open": "folder-open",
    "view-refresh": "refresh-cw",
    "document-save-as": "file-down",
    "document-export": "file-down",
    "document-print": "printer",
    "application-exit": "log-out",
    "edit-copy": "copy",
    "edit-find": "search",
    "go-down": "chevron-down",
    "go-up": "chevron-up",
    "preferences-system": "settings",
    "sidebar-show": "panel-left",
    "preferences-desktop-locale": "languages",
    "zoom-in": "zoom-in",
    "zoom-out": "zoom-out",
    "view-fullscreen": "maximize",
    "help-about": "info",
}
# Toolbar buttons that show only their icon (their meaning is the picture: − and + lenses).
ICON_ONLY = ("zoom_in", "zoom_out")

# Engines made by `clone()`: Qt owns them, but PySide would collect the Python side.
_CLONES: list[QIconEngine] = []


def app_png(size: int) -> Path:
    return ICONS_DIR / "png" / f"zhreader-{size}.png"


def app_icon() -> QIcon:
    """The application icon in all its sizes (files are read when a size is first needed)."""
    icon = QIcon()
    for size in APP_SIZES:
        icon.addFile(str(app_png(size)), QSize(size, size))
    return icon


def set_application_icon(app: QGuiApplication) -> None:
    """The reader's icon for all its windows, and the desktop entry it belongs to (where
    Wayland docks and task bars find its name and icon)."""
    from reader.desktop import APP_ID

    app.setWindowIcon(app_icon())
    app.setDesktopFileName(APP_ID)


def render_svg(svg: bytes, size: int, scale: float = 1.0) -> QImage:
    """An SVG drawn into a transparent square of `size` logical pixels."""
    from PySide6.QtSvg import QSvgRenderer

    pixels = round(size * scale)
    image = QImage(pixels, pixels, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(QByteArray(svg)).render(painter)
    painter.end()
    image.setDevicePixelRatio(scale)
    return image


def render_app_pngs(folder: Path | None = None) -> list[Path]:
    """Write zhreader-SIZE.png for every size (16 px from the small drawing)."""
    written = []
    for size in APP_SIZES:
        svg = APP_SMALL_SVG if size in SMALL_SIZES else APP_SVG
        path = (folder / f"zhreader-{size}.png") if folder else app_png(size)
        path.parent.mkdir(parents=True, exist_ok=True)
        if not render_svg(svg.read_bytes(), size).save(str(path)):
            raise OSError(f"cannot write {path}")
        written.append(path)
    return written


@cache
def _bundled_svg(name: str) -> str:
    return (ACTIONS_DIR / f"{BUNDLED[name]}.svg").read_text(encoding="utf-8")


def system_palette_is_shown() -> bool:
    """True unless the window wears a palette of its own whose lightness differs from the
    system's (the dark reading theme on a light desktop: the theme's icons would not show)."""
    app = QGuiApplication.instance()
    system = app.property("zhreaderSystemPalette") if app is not None else None
    if not isinstance(system, QPalette):
        return True
    window = QPalette.ColorRole.Window
    return (QGuiApplication.palette().color(window).lightness() < 128) == (
        system.color(window).lightness() < 128
    )


class ThemedIconEngine(QIconEngine):
    """The system theme's icon of one freedesktop name when it fits, else the bundled
    drawing in the palette's text colour for the button's state."""

    def __init__(self, name: str):
        super().__init__()
        self.name = name
        self._drawn: dict[tuple[int, int, float, int], QPixmap] = {}

    def system_icon(self) -> QIcon | None:
        """The theme's icon when it is there and suits the palette shown."""
        if QIcon.hasThemeIcon(self.name) and system_palette_is_shown():
            return QIcon.fromTheme(self.name)
        return None

    def colour(self, mode: QIcon.Mode) -> QColor:
        palette = QGuiApplication.palette()
        if mode == QIcon.Mode.Disabled:
            return palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText)
        if mode == QIcon.Mode.Selected:
            return palette.color(QPalette.ColorRole.HighlightedText)
        return palette.color(QPalette.ColorRole.ButtonText)

    def scaledPixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float):
        system = self.system_icon()
        if system is not None:
            return system.pixmap(size, scale, mode, state)
        colour = self.colour(mode)
        side = min(size.width(), size.height())
        key = (size.width(), size.height(), scale, colour.rgba())
        if key not in self._drawn:
            svg = _bundled_svg(self.name).replace("currentColor", colour.name())
            pixmap = QPixmap(QSize(round(size.width() * scale), round(size.height() * scale)))
            pixmap.fill(Qt.GlobalColor.transparent)
            pixmap.setDevicePixelRatio(scale)
            painter = QPainter(pixmap)
            left, top = (size.width() - side) // 2, (size.height() - side) // 2
            painter.drawImage(QRect(left, top, side, side), render_svg(svg.encode(), side, scale))
            painter.end()
            self._drawn[key] = pixmap
        return self._drawn[key]

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State):
        scale = painter.device().devicePixelRatioF() if painter.device() else 1.0
        painter.drawPixmap(rect, self.scaledPixmap(rect.size(), mode, state, scale))

    def actualSize(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QSize:
        return size

    def clone(self) -> QIconEngine:
        engine = ThemedIconEngine(self.name)
        _CLONES.append(engine)
        return engine

    def key(self) -> str:
        return "zhreader-themed"


def themed_icon(name: str) -> QIcon:
    """The icon of freedesktop name `name` (one of `BUNDLED`), following theme and palette."""
    if name not in BUNDLED:
        raise KeyError(f"no bundled icon for {name!r}")
    return QIcon(ThemedIconEngine(name))


class ToolbarTexts(QObject):
    """Short words under the toolbar's icons where the menu's text is too long."""

    def texts(self) -> dict[str, str]:
        return {
            "open": self.tr("Open"),
            "toggle_outline": self.tr("Outline"),
            "phrases": self.tr("Phrases"),
            "find": self.tr("Find"),
            "zoom_in": self.tr("Zoom In"),
            "zoom_out": self.tr("Zoom Out"),
        }


def decorate(actions: object, names: dict[str, str], toolbar: QToolBar) -> None:
    """Give each action named in `names` (action -> freedesktop icon name) its icon, and the
    toolbar its icon-and-short-text buttons."""
    for action_name, icon_name in names.items():
        getattr(actions, action_name).setIcon(themed_icon(icon_name))
    for action_name, text in ToolbarTexts(toolbar).texts().items():
        getattr(actions, action_name).setIconText(text)
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    for action_name in ICON_ONLY:
        button = toolbar.widgetForAction(getattr(actions, action_name))
        if isinstance(button, QToolButton):
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)


def main() -> int:
    """Render the application icon's PNGs (run after editing the SVGs; commit the result)."""
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    for path in render_app_pngs():
        print(path)
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
