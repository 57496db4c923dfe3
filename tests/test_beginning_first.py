"""A long plain text is shown from its beginning while the rest is recognised, then whole."""

from __future__ import annotations

import threading

import pytest

from reader.core import opening
from reader.ui.session import DocumentSession

CHAPTERS = 60


@pytest.fixture
def long_text(monkeypatch, write):
    """60 chapters (about 20,000 characters) with the beginning-first limits made small.

    The beginning is longer than what identifies a document (rendition.IDENTITY_CHARS),
    as it is at full size, so the beginning and the whole share a remembered place.
    """
    monkeypatch.setattr(opening, "BEGINNING_FIRST_CHARS", 10_000)
    monkeypatch.setattr(opening, "BEGINNING_CHARS", 5_000)
    paragraph = "他走進屋裡，看見桌上放著一封信，信封上寫著他的名字。" * 4
    text = "".join(f"第{n}章 歸途\n\n" + (paragraph + "\n\n") * 3 for n in range(1, CHAPTERS + 1))
    return write("long.txt", text)


@pytest.fixture
def gate(monkeypatch):
    """Holds the recognition of the whole text until set, so a test can act on the beginning."""
    event = threading.Event()
    real = opening.recognize_text

    def gated(text, *args, **kwargs):
        if len(text) > opening.BEGINNING_CHARS:
            event.wait(20)
        return real(text, *args, **kwargs)

    monkeypatch.setattr(opening, "recognize_text", gated)
    yield event
    event.set()


def test_a_session_shows_a_long_texts_beginning_then_the_whole(qtbot, long_text):
    session = DocumentSession()
    seen = []
    session.opened.connect(lambda: seen.append((session.partial, session.prepared)))
    with qtbot.waitSignals([session.opened, session.completed], order="strict", timeout=20_000):
        session.load(str(long_text))

    ((partial, beginning),) = seen
    assert partial and len(beginning.texts) < len(session.prepared.texts) / 2
    assert beginning.identity == session.prepared.identity
    assert [e.title for e in beginning.outline.entries][:2] == ["第1章 歸途", "第2章 歸途"]
    assert not session.partial
    assert len(session.prepared.outline.entries) == CHAPTERS
    assert session.beginning is beginning
    session.close()


def test_a_short_text_opens_once(qtbot, article_path):
    session = DocumentSession()
    completed = []
    session.completed.connect(lambda: completed.append(True))
    with qtbot.waitSignal(session.opened, timeout=20_000):
        session.load(str(article_path))
    assert not session.partial and session.beginning is None
    qtbot.waitUntil(lambda: not session.loading)
    assert completed == []
    session.close()


def test_the_reader_keeps_their_line_when_the_whole_text_arrives(
    qtbot, make_window, long_text, gate
):
    window = make_window(str(long_text))
    assert window.session.partial
    assert window.status.busy  # the rest is still coming
    beginning = window.session.prepared.document.blocks
    window.view.scroll_to_block(4)

    with qtbot.waitSignal(window.document_completed, timeout=20_000):
        gate.set()

    assert not window.status.busy
    whole = window.session.prepared
    assert len(whole.outline.entries) == CHAPTERS
    assert window.outline.entry_count() == CHAPTERS
    assert whole.document.blocks[window.view.top_block()].line == beginning[4].line


def test_a_remembered_place_beyond_the_beginning_is_reached_and_kept(
    qtbot, make_window, long_text, monkeypatch
):
    first = make_window(str(long_text))
    qtbot.waitUntil(lambda: not first.session.partial, timeout=20_000)
    first.view.scroll_to_block(150)
    first.save_position()
    first.close()

    gate = threading.Event()
    real = opening.recognize_text
    monkeypatch.setattr(
        opening,
        "recognize_text",
        lambda text, *a, **k: (
            (len(text) <= opening.BEGINNING_CHARS or gate.wait(20)) and real(text, *a, **k)
        ),
    )
    second = make_window(str(long_text))
    assert second.session.partial
    second.save_position()  # the beginning is no place to remember: the old one stays

    with qtbot.waitSignal(second.document_completed, timeout=20_000):
        gate.set()
    assert second.view.top_block() == 150


def test_an_export_asked_for_while_only_the_beginning_is_in_writes_nothing(qtbot, long_text, gate):
    session = DocumentSession()
    with qtbot.waitSignal(session.opened, timeout=20_000):
        session.load(str(long_text))
    ran, dropped = [], []

    assert not session.when_idle(lambda: ran.append(True), on_dropped=lambda: dropped.append(1))
    with qtbot.waitSignal(session.completed, timeout=20_000):
        gate.set()

    assert ran == [] and dropped == [1]
    assert session.when_idle(lambda: ran.append(True))  # the whole is in: it runs at once
    assert ran == [True]
    session.close()
