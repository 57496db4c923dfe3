"""The small things a reader trips over: screen size, Esc, full screen, Ctrl+wheel, paging,
encodings, empty files, the outline of a short document."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, QSettings, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from reader.core.convert import ScriptMode


def test_the_first_window_fits_the_screen(qtbot, settings_path):
    from reader.ui.main_window import MainWindow

    window = MainWindow(QSettings(str(settings_path), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    screen = window.screen().availableGeometry()
    assert window.width() <= 0.9 * screen.width() + 1
    assert window.height() <= 0.9 * screen.height() + 1
    assert screen.contains(window.frameGeometry().center())


def test_esc_leaves_full_screen_wherever_the_focus_is(make_window, qtbot):
    window = make_window()
    window.actions_.full_screen.trigger()
    assert window.isFullScreen()
    assert not window.menuBar().isVisible() and not window.status.isVisible()
    assert not window.outline.isVisible()
    window.outline.tree.setFocus()
    window.actions_.escape.trigger()  # Esc is a window shortcut: it works from any widget
    assert not window.isFullScreen()
    assert window.menuBar().isVisible() and window.status.isVisible()
    assert window.outline.isVisible()
    assert not window.actions_.full_screen.isChecked()


def test_esc_closes_the_find_bar_when_the_focus_is_on_the_page(make_window, qtbot):
    window = make_window()
    window.find_bar.open_bar()
    window.view.setFocus()
    window.actions_.escape.trigger()
    assert not window.find_bar.isVisible()


def test_the_pointer_at_the_top_edge_shows_the_bars_in_full_screen(make_window, qtbot):
    window = make_window()
    window.set_full_screen(True)
    viewport = window.view.viewport()
    qtbot.mouseMove(viewport, viewport.mapFrom(window, QPoint(200, 0)))
    assert window.menuBar().isVisible()
    qtbot.mouseMove(viewport, QPoint(200, viewport.height() - 5))
    assert not window.menuBar().isVisible()
    window.set_full_screen(False)


def test_ctrl_wheel_zooms(make_window):
    window = make_window()
    before = window.store.preferences.font_size
    event = QWheelEvent(
        QPointF(100, 100),
        QPointF(100, 100),
        QPoint(0, 0),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    top = window.view.position()
    QApplication.sendEvent(window.view.viewport(), event)
    assert window.store.preferences.font_size == before + 1
    assert window.view.position() == top  # zoomed, not scrolled


def test_page_down_keeps_one_line_and_never_starts_on_a_cut_line(make_window, qtbot):
    window = make_window()
    view = window.view
    view.scroll_to_block(14)
    height = view.viewport().height()
    whole = [(a, b) for a, b in view._slots_on_screen() if a > 0.5 and b <= height + 0.5]
    last_line_top, last_line_bottom = whole[-1]
    before = view.position()
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    shown = [s for s in view._slots_on_screen() if s[1] > 0.5]
    assert abs(shown[0][0]) < 1  # the page starts on a whole line: the last one of before
    assert abs((shown[0][1] - shown[0][0]) - (last_line_bottom - last_line_top)) < 1
    qtbot.keyClick(view, Qt.Key.Key_PageUp)
    shown = [s for s in view._slots_on_screen() if s[1] > 0.5]
    assert abs(shown[0][0]) < 1
    assert view.position()[0] <= before[0]


def test_reopen_with_another_encoding(make_window, qtbot, tmp_path):
    doc = tmp_path / "big5.txt"
    doc.write_bytes("標題\n\n永川大數據揚帆遠航。\n".encode("big5"))
    window = make_window(str(doc))
    assert window.status.encoding.text() == "Big5"
    menu = window.actions_.encoding_menu
    gb = next(a for a in menu.actions() if a.text().startswith("GB18030"))
    with qtbot.waitSignal(window.document_shown, timeout=10_000):
        gb.trigger()
    assert window.status.encoding.text() == "GB18030"
    assert window.view.block_text(1) != "永川大數據揚帆遠航。"  # read the other way: mojibake


def test_an_empty_document_says_so(make_window, tmp_path):
    doc = tmp_path / "empty.txt"
    doc.write_text("  \n\n\u3000\n", encoding="utf-8")
    window = make_window(str(doc))
    assert window.view._placeholder == "This document is empty."
    assert window.status.source.text() == "Source: none (empty document)"
    assert window.status.shown.text() == "Showing: —"  # not "mixed": there is no text
    image = window.view.viewport().grab().toImage()
    quiet = image.pixelColor(image.width() // 2, image.height() // 2)
    assert any(  # something is drawn in the middle of the page
        image.pixelColor(x, image.height() // 2) != quiet for x in range(image.width())
    )


def test_the_outline_of_a_short_document_highlights_its_first_section(make_window, qtbot, tmp_path):
    doc = tmp_path / "short.txt"
    doc.write_text("短文\n\n第一章 開始\n\n文字。\n\n第二章 結束\n\n文字。\n", encoding="utf-8")
    window = make_window(str(doc))
    window.view.scroll_to_block(0)
    qtbot.waitUntil(lambda: window.outline.current_title() == "第一章 開始")


def test_script_names_say_what_they_show(make_window):
    window = make_window()
    box = window.script_box
    assert [box.itemText(i) for i in range(box.count())] == [
        "原文",
        "简体",
        "繁體（標準）",
        "臺灣正體",
        "香港繁體",
    ]
    assert "Taiwan" in box.itemData(3, Qt.ItemDataRole.ToolTipRole)
    assert "not converted" in window.actions_.script_modes[ScriptMode.ORIGINAL].toolTip()


def test_a_reopen_cut_short_by_another_file_leaves_that_file_at_its_own_place(
    make_window, qtbot, write
):
    """Reopen with Encoding remembers the reader's line for that document only: opening
    another file before it is back shows the other file from its start."""
    text = "".join(f"第{n}段。這一段說的是第{n}件事。\n\n" for n in range(1, 400))
    first = make_window(str(write("甲.txt", text)))
    first.view.scroll_to_block(300)
    first.reopen_with_encoding("utf-8")
    with qtbot.waitSignal(first.document_shown, timeout=20_000):
        first.open_path(str(write("乙.txt", text)))
    assert first.session.path.endswith("乙.txt")
    assert first.view.top_block() == 0
