"""A big book is shown from its first chapters while the rest is read, then whole; the
first chapters' blocks keep their indices, so places, links and the outline stay put."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from reader.core import opening
from reader.core.formats import epub
from reader.core.formats.epub import open_epub, open_epub_in_steps
from reader.core.rendition import content_identity, prepare
from reader.ui.session import DocumentSession
from tests.epub_books import simple_book, tiny_png

CHAPTERS = 40
CORPUS = Path(__file__).parent / "corpus" / "epub"


def chapter(n: int) -> str:
    paragraph = "他走進屋裡，看見桌上放著一封信，信封上寫著他的名字。" * 3
    notes = (
        f'<p>見注<a id="r{n}" href="#n{n}">[{n}]</a>。</p>'
        f'<p id="n{n}"><a href="#r{n}">[{n}]</a> 第{n}章的注。</p>'
    )
    return (
        f'<h1 id="c{n}">第{n}章 歸途</h1><h2 id="s{n}">上</h2>'
        + f"<p>{paragraph}</p>" * 6
        + "<p>此章講<b>發展</b>。</p>"
        + notes
    )


@pytest.fixture
def book(tmp_path, monkeypatch) -> Path:
    """40 chapters (about 30,000 characters) with a cover, a nested nav and EPUB 2 notes;
    the beginning-first limits made small. The beginning is longer than what identifies a
    document (rendition.IDENTITY_CHARS), as it is at full size."""
    monkeypatch.setattr(opening, "BEGINNING_CHARS", 5_000)
    monkeypatch.setattr(epub, "REST_BYTES", 10_000)
    files = {f"c{n:02d}.xhtml": chapter(n) for n in range(1, CHAPTERS + 1)}
    toc = [
        (f"第{n}章 歸途", f"c{n:02d}.xhtml#c{n}", [("上", f"c{n:02d}.xhtml#s{n}", [])])
        for n in range(1, CHAPTERS + 1)
    ]
    return simple_book(
        tmp_path / "big.epub",
        files,
        toc,
        extra={"OEBPS/images/cover.png": tiny_png()},
        extra_items=[("cov", "images/cover.png", "image/png", "cover-image")],
    )


@pytest.fixture
def gate(monkeypatch):
    """Holds the reading of the rest of a book until set, so a test can act on its beginning."""
    event = threading.Event()
    real = epub.open_epub_in_steps

    def gated(*args, **kwargs):
        for document, whole in real(*args, **kwargs):
            yield document, whole
            if not whole:
                event.wait(20)

    monkeypatch.setattr(epub, "open_epub_in_steps", gated)
    yield event
    event.set()


def assert_prefix(beginning, whole) -> None:
    """The beginning's blocks are the whole's first blocks, at the same indices."""
    n = len(beginning.blocks)
    assert 0 < n < len(whole.blocks)
    assert beginning.blocks == whole.blocks[:n]
    assert whole.text.startswith(beginning.text)
    assert all(whole.anchors[key] == index for key, index in beginning.anchors.items())
    assert content_identity(beginning) == content_identity(whole)


def test_a_big_book_yields_its_first_chapters_then_the_whole(book):
    (beginning, partial), (whole, complete) = open_epub_in_steps(book, beginning_chars=5_000)

    assert (partial, complete) == (False, True)
    assert_prefix(beginning, whole)
    assert beginning.blocks[0].image is not None  # the cover, then the title page
    assert [b.text for b in beginning.blocks[1:3]] == ["測試書", "作者甲"]
    assert beginning.blocks[3].text == "第1章 歸途"
    assert 5_000 <= len(beginning.text) < len(whole.text) / 3
    # The outline has the chapters read so far, leading where the whole book's do.
    shown = beginning.toc.entries
    assert 0 < len(shown) < CHAPTERS == len(whole.toc.entries)
    assert shown == whole.toc.entries[: len(shown)]
    assert [c.title for c in shown[0].children] == ["上"]
    # Notes read so far are paired, as in the whole book.
    notes = [b for b in beginning.blocks if b.label]
    assert notes and notes == [b for b in whole.blocks[: len(beginning.blocks)] if b.label]
    # The book read in steps is the book read at once.
    at_once = open_epub(book)
    assert (at_once.blocks, at_once.anchors, at_once.toc) == (
        whole.blocks,
        whole.anchors,
        whole.toc,
    )


def test_the_beginning_reaches_past_the_readers_place(book):
    at_once = open_epub(book)
    place = len(at_once.blocks) * 3 // 4
    asked = []

    def where(beginning) -> int:
        asked.append(content_identity(beginning))
        return place

    (beginning, _), (whole, _) = open_epub_in_steps(book, beginning_chars=5_000, place=where)

    assert asked == [content_identity(at_once)]  # asked once, about this book
    assert place + epub.AHEAD < len(beginning.blocks) < len(whole.blocks)
    assert_prefix(beginning, whole)


def test_a_place_near_the_end_reads_the_book_at_once(book):
    ((whole, complete),) = open_epub_in_steps(book, beginning_chars=5_000, place=lambda _: 10**6)
    assert complete and len(whole.toc.entries) == CHAPTERS


def test_a_book_with_little_left_to_read_is_read_at_once(book, monkeypatch):
    monkeypatch.setattr(epub, "REST_BYTES", 10_000_000)
    ((whole, complete),) = open_epub_in_steps(book, beginning_chars=5_000)
    assert complete and len(whole.toc.entries) == CHAPTERS


def test_open_document_reads_a_book_at_once(book):
    assert len(opening.open_document(book).toc.entries) == CHAPTERS


@pytest.mark.parametrize("name", ["lunyu-epub3.epub", "mengzi-office.epub"])
def test_real_books_begin_with_their_whole_books_first_blocks(name, monkeypatch):
    monkeypatch.setattr(epub, "REST_BYTES", 0)
    steps = list(open_epub_in_steps(CORPUS / name, beginning_chars=5_000))
    assert [whole for _, whole in steps] == [False, True]
    (beginning, _), (whole, _) = steps
    assert_prefix(beginning, whole)
    assert prepare(beginning).identity == prepare(whole).identity


# In the window


def test_a_session_shows_a_books_first_chapter_then_all_of_it(qtbot, book):
    session = DocumentSession()
    seen = []
    session.opened.connect(lambda: seen.append((session.partial, session.prepared)))
    with qtbot.waitSignals([session.opened, session.completed], order="strict", timeout=20_000):
        session.load(str(book))

    ((partial, beginning),) = seen
    assert partial and "第1章 歸途" in beginning.texts
    assert "第40章 歸途" not in beginning.texts
    assert beginning.document.format == "epub"
    assert not session.partial
    whole = session.prepared
    assert [e.title for e in whole.outline.entries] == [
        f"第{n}章 歸途" for n in range(1, CHAPTERS + 1)
    ]
    assert whole.texts[: len(beginning.texts)] == beginning.texts
    session.close()


def test_the_readers_place_in_a_late_chapter_is_shown_first_and_kept(
    qtbot, make_window, book, gate
):
    gate.set()
    first = make_window(str(book))
    qtbot.waitUntil(lambda: not first.session.partial, timeout=20_000)
    late = first.session.prepared.texts.index("第25章 歸途")
    first.view.scroll_to_block(late)
    first.save_position()
    first.close()

    gate.clear()
    second = make_window(str(book))
    assert second.session.partial and second.status.busy
    assert second.outline.entry_count() < CHAPTERS * 2
    # The beginning reaches the reader's chapter: they are there at once.
    assert second.view.top_block() == late
    # The outline has the reader's chapter, and follows reading into its section.
    qtbot.waitUntil(lambda: second.outline.current_title() != "")
    assert second.outline.tree.currentIndex().parent().data() == "第25章 歸途"

    with qtbot.waitSignal(second.document_completed, timeout=20_000):
        gate.set()
    assert second.view.top_block() == late
    assert second.session.prepared.texts[second.view.top_block()] == "第25章 歸途"
    assert second.outline.entry_count() == CHAPTERS * 2
    assert not second.status.busy


@pytest.mark.parametrize("place", [(0, 20), (1, 0), (9, 12)])
def test_the_reader_keeps_their_place_when_the_whole_book_arrives(
    qtbot, make_window, book, gate, place
):
    """The cover and the title page share the first chapter's line: the place is kept by
    block and pixels, not by line as for plain text."""
    window = make_window(str(book))
    assert window.session.partial
    window.view.scroll_to_block(*place)
    assert window.view.position() == place

    with qtbot.waitSignal(window.document_completed, timeout=20_000):
        gate.set()
    assert window.view.position() == place


def test_find_while_the_rest_is_read_finds_in_the_part_shown_then_everywhere(
    qtbot, make_window, book, gate
):
    window = make_window(str(book))
    assert window.session.partial
    shown = sum(text.count("发展") + text.count("發展") for text in window.session.prepared.texts)
    window.find_bar.show()
    with qtbot.waitSignal(window.search_finished, timeout=10_000) as found:
        window.find_bar.edit.setText("发展")
    assert 0 < found.args[0] == shown < CHAPTERS

    with qtbot.waitSignal(window.search_finished, timeout=20_000) as found:
        gate.set()
    assert found.args == [CHAPTERS]
    assert window.find_bar.count.text().endswith(f"/ {CHAPTERS}")


def test_what_the_rest_of_a_book_brings_is_told_when_it_arrives(
    qtbot, make_window, tmp_path, monkeypatch, gate
):
    """A malformed chapter near the end is only read after the first paint: its note comes
    with the whole book, not never."""
    monkeypatch.setattr(opening, "BEGINNING_CHARS", 5_000)
    monkeypatch.setattr(epub, "REST_BYTES", 10_000)
    files = {f"c{n:02d}.xhtml": chapter(n) for n in range(1, CHAPTERS + 1)}
    files[f"c{CHAPTERS:02d}.xhtml"] = chapter(CHAPTERS) + "<p>未閉合<b>的段落</p></div>"
    path = simple_book(tmp_path / "broken-end.epub", files)
    window = make_window(str(path))
    assert window.session.partial
    assert "malformed" not in window.status.currentMessage()

    with qtbot.waitSignal(window.document_completed, timeout=20_000):
        gate.set()
    assert "malformed XHTML" in window.status.currentMessage()
