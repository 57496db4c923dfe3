"""Footnotes in a popup (the note's text with its styles, a jump to it) and Back after a jump."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt

from reader.core.convert import ScriptMode
from reader.core.document import LINE_BREAK, BlockKind, Run
from reader.ui.panels.note_popup import JumpHistory, note_html
from tests.epub_books import simple_book

FILLER = "<p>長長的一段正文，講的是別的事情。</p>" * 60
CHAPTER = (
    '<h1 id="c1">第一章 頭髮</h1>'
    '<p>他的頭髮很長<a epub:type="noteref" href="#n1" id="r1">1</a>，'
    '<a href="c2.xhtml#s2">見第二章</a>。</p>'
    + FILLER
    + '<aside epub:type="footnote" id="n1"><p><a href="#r1">1</a> 注文說'
    "<b>頭髮</b>很長，見<i>說文</i>。</p></aside>"
)
CHAPTER_TWO = '<h1 id="s2">第二章 發展</h1>' + FILLER


@pytest.fixture
def book(tmp_path) -> Path:
    return simple_book(
        tmp_path / "book.epub",
        {"c1.xhtml": CHAPTER, "c2.xhtml": CHAPTER_TWO},
        toc=[("第一章 頭髮", "c1.xhtml", []), ("第二章 發展", "c2.xhtml", [])],
    )


def note_block(window) -> int:
    blocks = window.session.prepared.document.blocks
    return next(i for i, b in enumerate(blocks) if b.kind is BlockKind.FOOTNOTE)


def click_note_reference(qtbot, window) -> None:
    """Click the note reference where it is drawn on screen, as a reader does."""
    view = window.view
    viewport = view.viewport()
    for y in range(0, viewport.height(), 4):
        for x in range(0, viewport.width(), 4):
            run = view.run_at(x, y)
            if run is not None and run.note:
                qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=QPoint(x, y))
                return
    raise AssertionError("no note reference on screen")


def test_a_click_on_a_note_reference_shows_the_note_in_a_popup(qtbot, make_window, book):
    window = make_window(str(book))
    click_note_reference(qtbot, window)
    popup = window.note_popup
    qtbot.waitUntil(popup.isVisible)
    assert popup.windowFlags() & Qt.WindowType.Popup
    shown = popup.text.text()
    assert "注文說<b>頭髮</b>很長，見<i>說文</i>。" in shown  # styled, not a plain tooltip
    assert shown.startswith(
        "<b>1</b>\u3000注文說"
    )  # headed by its number (its backlink is not text)
    assert popup.block == note_block(window)


def test_go_to_the_note_jumps_there_and_back_returns(qtbot, make_window, book):
    window = make_window(str(book))
    before = window.view.position()
    assert not window.actions_.back.isEnabled()
    window.show_note("1", QPoint(100, 100))
    window.note_popup.go.linkActivated.emit("#note")
    assert not window.note_popup.isVisible()
    assert window.view.top_block() == note_block(window)
    assert window.actions_.back.isEnabled()
    window.actions_.back.trigger()
    assert window.view.position() == before
    assert not window.actions_.back.isEnabled()


def test_alt_left_returns_after_an_in_book_link(qtbot, make_window, book):
    window = make_window(str(book))
    blocks = window.session.prepared.document.blocks
    window.view.scroll_to_block(5, 7)
    window.follow_link("OEBPS/c2.xhtml#s2")
    assert blocks[window.view.top_block()].text == "第二章 發展"
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.view.position() == (5, 7)


def test_the_note_shows_in_the_displayed_script(qtbot, make_window, book):
    window = make_window(str(book))
    with qtbot.waitSignal(window.session.converted, timeout=20_000):
        window.set_script_mode(ScriptMode.SIMPLIFIED)
    window.show_note("1", QPoint(100, 100))
    assert "注文说<b>头发</b>很长，见<i>说文</i>。" in window.note_popup.text.text()


def test_a_link_in_the_note_is_followed_like_any_link(qtbot, make_window, tmp_path):
    book = simple_book(
        tmp_path / "links.epub",
        {
            "c1.xhtml": '<p>正文<a epub:type="noteref" href="#n1">1</a>。</p>'
            + FILLER
            + '<aside epub:type="footnote" id="n1"><p>見<a href="c2.xhtml#s2">第二章</a>。'
            "</p></aside>",
            "c2.xhtml": CHAPTER_TWO,
        },
        toc=[("正文", "c1.xhtml", []), ("第二章 發展", "c2.xhtml", [])],
    )
    window = make_window(str(book))
    window.show_note("1", QPoint(100, 100))
    assert '<a href="OEBPS/c2.xhtml#s2">第二章</a>' in window.note_popup.text.text()
    window.note_popup.text.linkActivated.emit("OEBPS/c2.xhtml#s2")
    blocks = window.session.prepared.document.blocks
    assert blocks[window.view.top_block()].text == "第二章 發展"
    window.go_back()
    assert window.view.top_block() == 0


def test_note_html_styles_escapes_and_falls_back_to_plain_text():
    runs = (
        Run("a<b "),
        Run("粗", bold=True),
        Run("連", link="http://x/?a=1&b=2"),
        Run("注", note="1"),
    )
    assert note_html(runs, "a<b 粗連注") == (
        'a&lt;b <b>粗</b><a href="http://x/?a=1&amp;b=2">連</a><sup>注</sup>'
    )
    # A conversion that changed the length: the text as it is, unstyled.
    assert note_html((Run("U盘", bold=True),), "隨身碟") == "隨身碟"
    assert note_html((), f"一{LINE_BREAK}二") == "一<br>二"


def test_jump_history_returns_newest_first_and_counts_a_place_once():
    history = JumpHistory()
    history.push((1, 0))
    history.push((1, 0))
    history.push((9, 3))
    assert history.pop() == (9, 3)
    assert history.pop() == (1, 0)
    assert history.pop() is None and not history


def test_a_reference_whose_note_is_missing_says_so(qtbot, make_window, tmp_path):
    book = simple_book(
        tmp_path / "lost.epub",
        {"c1.xhtml": '<p>正文<a epub:type="noteref" href="notes.xhtml#n9">9</a>。</p>'},
        toc=[("正文", "c1.xhtml", [])],
    )
    window = make_window(str(book))
    window.show_note("9", QPoint(100, 100))
    popup = window.note_popup
    assert popup.isVisible()
    assert popup.text.text() == "This note is not in the document."
    assert not popup.go.isVisible()  # nowhere to go


def test_notes_that_restart_in_each_chapter_say_which_note_they_are(qtbot, make_window, tmp_path):
    """Two chapters each with a note 1 whose text carries no number: the popup heads each
    with its number (not the internal 1.2), and the right chapter's note is shown."""

    def chapter(n: int) -> str:
        return (
            f'<h1 id="c{n}">第{n}章</h1><p>正文<a epub:type="noteref" href="#n1">1</a>。</p>'
            + FILLER
            + f'<aside epub:type="footnote" id="n1"><p>第{n}章的注釋。</p></aside>'
        )

    book = simple_book(tmp_path / "notes.epub", {"c1.xhtml": chapter(1), "c2.xhtml": chapter(2)})
    window = make_window(str(book))
    labels = [b.label for b in window.session.prepared.document.blocks if b.label]
    assert len(labels) == 2
    for n, label in enumerate(labels, start=1):
        window.show_note(label, QPoint(100, 100))
        assert window.note_popup.text.text() == f"<b>1</b>\u3000第{n}章的注釋。"
