"""Icons: the application icon, and toolbar icons from the system theme or bundled,
drawn in the theme's colours."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QIcon, QImage
from PySide6.QtWidgets import QToolBar, QToolButton

from reader.ui import icons
from reader.ui.actions import ACTION_ICONS


def ink(image: QImage) -> float:
    """Mean lightness (0-255) of the drawn (mostly opaque) pixels of an icon."""
    image = image.convertToFormat(QImage.Format.Format_ARGB32)
    values = [
        QColor(image.pixel(x, y)).lightness()
        for y in range(image.height())
        for x in range(image.width())
        if QColor.fromRgba(image.pixel(x, y)).alpha() > 200
    ]
    assert values, "nothing drawn"
    return sum(values) / len(values)


def button(window, name: str) -> QToolButton:
    bar = window.findChild(QToolBar, "mainToolbar")
    widget = bar.widgetForAction(getattr(window.actions_, name))
    assert isinstance(widget, QToolButton)
    return widget


def test_committed_pngs_are_renders_of_the_svgs(qapp, tmp_path):
    fresh = icons.render_app_pngs(tmp_path)
    assert [p.name for p in fresh] == [f"zhreader-{s}.png" for s in icons.APP_SIZES]
    for size, path in zip(icons.APP_SIZES, fresh, strict=True):
        committed = QImage(str(icons.app_png(size))).convertToFormat(QImage.Format.Format_ARGB32)
        rendered = QImage(str(path)).convertToFormat(QImage.Format.Format_ARGB32)
        assert committed.size() == QSize(size, size) == rendered.size()
        worst = max(
            abs(
                QColor.fromRgba(committed.pixel(x, y)).red()
                - QColor.fromRgba(rendered.pixel(x, y)).red()
            )
            for y in range(0, size, max(1, size // 32))
            for x in range(0, size, max(1, size // 32))
        )
        assert worst <= 8, f"{size} px PNG is stale: run python -m reader.ui.icons"


def test_the_16px_icon_is_the_pixel_drawing_of_an_open_book(qapp):
    image = QImage(str(icons.app_png(16))).convertToFormat(QImage.Format.Format_ARGB32)
    page = QColor(image.pixel(3, 11))  # lower left page, between the text lines
    assert page.lightness() > 230  # cream page
    tile = QColor(image.pixel(8, 1))  # above the spine: the red tile
    assert tile.red() > 150 and tile.green() < 90
    spine = QColor(image.pixel(7, 11))
    assert spine.lightness() < page.lightness() - 40  # the spine parts the two pages


def test_window_and_application_wear_the_reader_s_icon(make_window):
    window = make_window()
    icon = window.windowIcon()
    assert not icon.isNull()
    assert {s.width() for s in icon.availableSizes()} == set(icons.APP_SIZES)


def test_run_app_sets_the_application_icon_and_desktop_name(qapp):
    from reader.desktop import APP_ID

    icons.set_application_icon(qapp)
    assert qapp.desktopFileName() == APP_ID
    assert {s.width() for s in qapp.windowIcon().availableSizes()} == set(icons.APP_SIZES)


def test_toolbar_shows_icons_with_short_words(make_window):
    window = make_window()
    for name in ("open", "toggle_outline", "phrases", "find"):
        b = button(window, name)
        assert not b.icon().isNull()
        assert b.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon
    assert button(window, "open").text() == "Open"
    assert button(window, "phrases").text() == "Phrases"  # not the menu's long text
    assert button(window, "zoom_in").toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly
    assert not window.actions_.print_document.icon().isNull()  # menus get them too


def test_every_named_icon_has_a_bundled_drawing_and_the_licence_is_beside_them():
    for name in ACTION_ICONS.values():
        assert (icons.ACTIONS_DIR / f"{icons.BUNDLED[name]}.svg").is_file()
    licence = (icons.ACTIONS_DIR / "LICENSE").read_text(encoding="utf-8")
    assert licence.startswith("ISC License")


def test_bundled_icons_follow_the_theme(make_window, qtbot):
    window = make_window()
    window.set_theme("light")
    icon = window.actions_.open.icon()
    light = ink(icon.pixmap(32).toImage())
    window.set_theme("dark")
    dark = ink(icon.pixmap(32).toImage())
    assert light < 100 < 180 < dark  # dark strokes on the light theme, light on the dark
    disabled = ink(icon.pixmap(QSize(32, 32), QIcon.Mode.Disabled).toImage())
    assert 90 < disabled < dark  # greyed, still visible on the dark bar
    window.set_theme("light")
    assert ink(icon.pixmap(32).toImage()) == pytest.approx(light)


@pytest.fixture
def icon_theme(tmp_path: Path):
    """A system icon theme whose document-open is a plain green square."""
    theme = tmp_path / "icons" / "zhtest"
    (theme / "scalable" / "actions").mkdir(parents=True)
    (theme / "index.theme").write_text(
        "[Icon Theme]\nName=zhtest\nDirectories=scalable/actions\n\n"
        "[scalable/actions]\nSize=32\nMinSize=8\nMaxSize=512\nType=Scalable\n",
        encoding="utf-8",
    )
    (theme / "scalable" / "actions" / "document-open.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32">'
        '<rect width="32" height="32" fill="#00a000"/></svg>',
        encoding="utf-8",
    )
    paths, name = QIcon.themeSearchPaths(), QIcon.themeName()
    QIcon.setThemeSearchPaths([str(tmp_path / "icons")])
    QIcon.setThemeName("zhtest")
    yield
    QIcon.setThemeSearchPaths(paths)
    QIcon.setThemeName(name)


def test_the_system_theme_s_icon_is_used_while_the_system_palette_is(make_window, icon_theme):
    window = make_window()
    window.set_theme("light")
    icon = window.actions_.open.icon()
    centre = QColor(icon.pixmap(32).toImage().pixel(16, 16))
    assert (centre.red(), centre.green(), centre.blue()) == (0, 160, 0)
    window.set_theme("dark")  # a dark page over a light desktop: the theme's icon would vanish
    assert ink(icon.pixmap(32).toImage()) > 180
    assert QColor(icon.pixmap(32).toImage().pixel(16, 16)).green() != 160
    # an action the theme has no icon for keeps the bundled drawing
    window.set_theme("light")
    assert ink(window.actions_.find.icon().pixmap(32).toImage()) < 100


def test_an_icon_copied_and_changed_by_qt_survives_garbage_collection(qapp):
    import gc

    icon = icons.themed_icon("edit-find")
    copy = QIcon(icon)
    copy.addFile(str(icons.app_png(16)))  # detaches: Qt clones the engine
    gc.collect()
    assert not copy.pixmap(16).isNull() and not icon.pixmap(16).isNull()


def test_about_names_the_icon_licences(make_window, message_boxes):
    window = make_window()
    window.actions_.about.trigger()
    kind, text = message_boxes[-1]
    assert kind == "about" and "Lucide" in text and "ISC" in text


def test_the_wheel_ships_the_icons_and_their_licence(tmp_path):
    import subprocess
    import sys
    import zipfile

    root = Path(__file__).resolve().parent.parent
    done = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(tmp_path), str(root)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    (wheel,) = tmp_path.glob("zhreader-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "reader/resources/icons/zhreader.svg" in names
    assert "reader/resources/icons/actions/LICENSE" in names
    for size in icons.APP_SIZES:
        assert f"reader/resources/icons/png/zhreader-{size}.png" in names
    for name in icons.BUNDLED.values():
        assert f"reader/resources/icons/actions/{name}.svg" in names


def test_bundled_icons_are_sharp_on_a_high_density_screen(qapp):
    icon = icons.themed_icon("zoom-in")
    pixmap = icon.pixmap(QSize(16, 16), 2.0)
    assert pixmap.devicePixelRatio() == 2.0
    assert (pixmap.width(), pixmap.height()) == (32, 32)  # drawn at 32, not 16 scaled up
    small = icon.pixmap(QSize(16, 16), 1.0)
    assert (small.width(), small.height()) == (16, 16)
