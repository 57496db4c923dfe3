"""Horizontal text a page at a time (View ▸ Paged): whole lines, pages in order, the place kept."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt


def paged_window(make_window, qtbot, path=None):
    window = make_window(path)
    window.actions_.paged.trigger()
    qtbot.waitUntil(lambda: window.view.page_count() > 0, timeout=20_000)
    return window


def test_pages_follow_each_other_without_losing_or_repeating_a_line(
    make_window, qtbot, article_path
):
    window = paged_window(make_window, qtbot, str(article_path))
    view = window.view
    assert view.is_paged() and not view.is_vertical()
    seen = []
    for _ in range(view.page_count()):
        for page in view.shown_pages():
            for part in page.parts:
                seen.extend((part.block, n) for n in range(part.first, part.last))
        before = view.page_index()
        qtbot.keyClick(view, Qt.Key.Key_PageDown)
        if view.page_index() == before:
            break
    pages = view._pages
    everything = [(b, n) for b in range(view.block_count()) for n in range(len(pages.slots(b)))]
    assert sorted(seen) == everything  # every line of the article, once and in order
    assert seen == everything


def test_a_wide_window_shows_two_pages_the_first_at_the_left(make_window, qtbot, article_path):
    window = paged_window(make_window, qtbot, str(article_path))
    window.resize(1500, 760)
    view = window.view
    qtbot.waitUntil(lambda: view.spread() and view.page_count() > 0)
    (left, _), (right, _) = view._page_rects()
    assert left < right
    first, second = view.shown_pages()
    assert second.start == first.next_start
    assert window.view_modes.page_label.text() == f"Page 1 of {view.page_count()}"
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.page_index() == 2  # a spread is turned at once
    qtbot.keyClick(view, Qt.Key.Key_Left)
    assert view.page_index() == 0


def test_the_place_survives_switching_between_pages_and_scrolling(make_window, qtbot, article_path):
    window = make_window(str(article_path))
    window.view.scroll_to_block(28)
    window.actions_.paged.trigger()
    assert window.view.reading_position() == (28, 0)
    first, last = window.view.visible_blocks()
    assert first <= 28 < last
    window.actions_.paged.trigger()
    assert not window.view.is_paged() and window.view.top_block() == 28


def test_paged_reading_is_remembered_and_vertical_text_is_always_paged(
    make_window, qtbot, article_path
):
    window = paged_window(make_window, qtbot, str(article_path))
    window.close()
    again = make_window(str(article_path))
    assert again.actions_.paged.isChecked() and again.view.is_paged()
    again.actions_.paged.trigger()  # scrolling
    again.actions_.vertical.trigger()
    assert again.view.is_paged() and again.view.is_vertical()
    again.actions_.vertical.trigger()
    assert not again.view.is_paged()


def test_find_turns_to_the_page_of_the_match(make_window, qtbot, article_path):
    window = paged_window(make_window, qtbot, str(article_path))
    view = window.view
    last = view.block_count() - 2
    text = view.block_text(last)
    view.set_matches([(last, 0, 2)], 0)
    first, end = view.visible_blocks()
    assert first <= last < end
    assert view.selected_text() == text[:2]


def test_a_click_on_a_paged_line_selects_from_there(make_window, qtbot, article_path):
    window = paged_window(make_window, qtbot, str(article_path))
    view = window.view
    page = view.shown_pages()[0]
    part = page.parts[-1]
    laid = view._pages.laid(part.block)
    (left, top) = view._page_rects()[0]
    line = laid.layout.lineAt(0)
    y = top + part.offset + laid.content_top + laid.text_top + line.y() + line.height() / 2
    a = (int(left + 5), int(y))
    b = (int(left + view._pages.width - 5), int(y))
    from PySide6.QtCore import QPoint

    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(*a))
    qtbot.mouseMove(view.viewport(), pos=QPoint(*b))
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(*b))
    text = view.block_text(part.block)
    selected = view.selected_text()
    assert selected and text.startswith(selected[:3]) and len(selected) >= 10


@pytest.mark.parametrize(("size", "facing"), [((1100, 760), False), ((1500, 760), True)])
def test_reopening_in_pages_shows_the_same_pages_before_and_after_counting(
    make_window, qtbot, article_path, size, facing
):
    def opened():
        window = make_window(wait=False)
        window.resize(*size)
        qtbot.waitUntil(lambda: window.size().toTuple() == size)
        with qtbot.waitSignal(window.document_shown, timeout=20_000):
            window.open_initial(str(article_path))
        return window

    window = opened()
    window.actions_.paged.trigger()
    view = window.view
    qtbot.waitUntil(lambda: view.page_count() > 0, timeout=20_000)
    assert view.spread() == facing
    view.go_to_position((28, 0))
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    shown = [page.start for page in view.shown_pages()]
    window.save_position()
    window.close()
    view = opened().view
    assert view.is_paged() and view.page_count() == 0
    assert [page.start for page in view.shown_pages()] == shown
    qtbot.waitUntil(lambda: view.page_count() > 0, timeout=20_000)
    assert [page.start for page in view.shown_pages()] == shown


def test_reopening_while_scrolling_returns_to_the_line(make_window, qtbot, article_path):
    window = make_window(str(article_path))
    view = window.view
    text = view.block_text(28)
    view.go_to_position((28, len(text) // 2))  # a line in the middle of a paragraph
    place = view.reading_position()
    assert place[1] > 0
    window.save_position()
    window.close()
    again = make_window(str(article_path))
    assert not again.view.is_paged() and again.view.reading_position() == place
