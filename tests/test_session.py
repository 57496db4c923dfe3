"""The open document's session: jobs that never drop each other, actions bound to what they
were asked for, and a conversion that is answered chunk by chunk and tried again once.

The first tests use the session alone (signals only); the rest go through the window as a
reader would, and reproduce the bugs of the shared job counter.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QFileDialog

from reader.core.convert import Script, ScriptMode, convert, convert_chunk
from reader.ui.jobs import ConvertJob, JobSignals
from reader.ui.session import DocumentSession


@pytest.fixture
def open_session(qtbot):
    sessions = []

    def _open(path) -> DocumentSession:
        session = DocumentSession()
        with qtbot.waitSignal(session.opened, timeout=20_000):
            session.load(str(path))
        sessions.append(session)
        return session

    yield _open
    for session in sessions:
        session.close()
    QThreadPool.globalInstance().waitForDone(30_000)


def sample(texts, step=97):
    return [texts[i] for i in range(0, len(texts), step)]


# The session alone


def test_a_session_opens_a_document_as_written(open_session, article_path):
    session = open_session(article_path)
    assert session.prepared.script is Script.TRADITIONAL
    assert session.rendition.mode is ScriptMode.ORIGINAL and session.rendition.complete
    assert session.rendition.title() == "重慶永川:加快建設西部數字産業基地"


def test_a_session_converts_what_is_on_screen_first_then_the_rest(
    qtbot, open_session, article_path
):
    session = open_session(article_path)
    changed: list[int] = []
    session.blocks_changed.connect(changed.extend)
    with qtbot.waitSignals([session.visible_converted, session.converted], timeout=20_000):
        session.show_script(Script.TRADITIONAL, ScriptMode.SIMPLIFIED, False, (40, 45))
    assert changed[0] == 40  # the visible range came first
    assert session.rendition.complete
    assert session.rendition.title() == "重庆永川:加快建设西部数字产业基地"
    assert session.rendition.texts == [convert(t, ("t2s",)) for t in session.prepared.texts]
    assert session.rendition.export_plain().startswith("重庆永川:加快建设西部数字产业基地\n")


def test_a_missing_file_fails_with_one_line(qtbot, tmp_path):
    session = DocumentSession()
    with qtbot.waitSignal(session.failed, timeout=10_000) as failed:
        session.load(str(tmp_path / "gone.txt"))
    assert failed.args == [f"{tmp_path / 'gone.txt'}: no such file"]
    assert session.prepared is None and not session.loading


def test_search_does_not_cancel_a_conversion(qtbot, open_session, big_novel):
    session = open_session(big_novel)
    with qtbot.waitSignal(session.converted, timeout=60_000):
        session.show_script(Script.TRADITIONAL, ScriptMode.SIMPLIFIED, False, (0, 20))
        with qtbot.waitSignal(session.matches_found, timeout=20_000):
            session.search("时间")
    assert session.rendition.complete
    assert sample(session.rendition.texts) == [
        convert(t, ("t2s",)) for t in sample(session.prepared.texts)
    ]


def test_an_action_waiting_for_a_conversion_runs_on_its_own_rendition(
    qtbot, open_session, big_novel
):
    session = open_session(big_novel)
    ran, dropped = [], []
    session.show_script(Script.TRADITIONAL, ScriptMode.SIMPLIFIED, False, (0, 20))
    first = session.rendition
    assert not session.when_idle(lambda: ran.append("simplified"), None, lambda: dropped.append(1))
    with qtbot.waitSignal(session.converted, timeout=60_000):
        session.show_script(Script.TRADITIONAL, ScriptMode.TAIWAN, False, (0, 20))
    assert session.rendition is not first
    assert ran == [] and dropped == [1]  # the 简体 export never sees 臺灣正體 text
    assert session.when_idle(lambda: ran.append("taiwan"))
    assert ran == ["taiwan"]


def test_a_failed_conversion_is_tried_again_then_fails_the_waiting_action(
    qtbot, open_session, article_path, monkeypatch
):
    session = open_session(article_path)
    calls = []

    def broken(*args):
        calls.append(1)
        raise RuntimeError("dictionary missing")

    monkeypatch.setattr("reader.core.convert.convert_chunk", broken)
    failures: list[str] = []
    with qtbot.waitSignal(session.conversion_failed, timeout=20_000) as failed:
        session.show_script(Script.TRADITIONAL, ScriptMode.SIMPLIFIED, False, (0, 10))
        session.when_idle(lambda: pytest.fail("ran on a failed conversion"), failures.append)
    assert len(calls) == 2  # once, then once more
    assert "dictionary missing" in failed.args[0]
    assert failures == failed.args
    assert not session.rendition.complete


def test_a_conversion_that_fails_once_is_tried_again_and_completes(
    qtbot, open_session, article_path, monkeypatch
):
    session = open_session(article_path)
    calls = []

    def fails_once(*args):
        calls.append(1)
        if len(calls) == 1:
            raise MemoryError
        return convert_chunk(*args)

    monkeypatch.setattr("reader.core.convert.convert_chunk", fails_once)
    with qtbot.waitSignal(session.converted, timeout=20_000):
        session.show_script(Script.TRADITIONAL, ScriptMode.SIMPLIFIED, False, (0, 10))
    assert session.rendition.texts == [convert(t, ("t2s",)) for t in session.prepared.texts]


def test_a_cancelled_conversion_stops_after_the_chunk_it_is_converting(big_novel):
    from reader.core import open_document
    from reader.core.rendition import prepare

    texts = prepare(open_document(str(big_novel))).texts
    signals = JobSignals()
    job = ConvertJob(signals, 1, texts, ("t2s",), (0, 20))
    chunks, finished = [], []
    signals.finished.connect(finished.append)

    def on_chunk(job_id, chunk):
        chunks.append(chunk)
        job.token.cancel()  # as a script switch does while the job runs

    signals.converted.connect(on_chunk)
    job.run()  # here, so the answers arrive at once
    assert [c.indices for c in chunks] == [tuple(range(20))]
    assert finished == []


# Through the window: one job slot per kind


def test_switching_script_while_a_file_loads_opens_it(make_window, qtbot, tmp_path):
    window = make_window()
    doc = tmp_path / "next.txt"
    doc.write_text("頭髮\n\n發展是硬道理。\n", encoding="utf-8")
    with qtbot.waitSignal(window.document_shown, timeout=10_000):
        window.open_path(str(doc))
        window.set_script_mode(ScriptMode.SIMPLIFIED)
    qtbot.waitUntil(lambda: not window.session.converting)
    assert window.windowTitle().startswith("头发")
    assert window.view.block_text(1) == "发展是硬道理。"


def test_searching_while_a_file_loads_opens_it(make_window, qtbot, tmp_path, message_boxes):
    window = make_window()
    doc = tmp_path / "next.txt"
    doc.write_text("頭髮\n\n發展是硬道理。\n", encoding="utf-8")
    window.find_bar.open_bar()
    with qtbot.waitSignal(window.document_shown, timeout=10_000):
        window.open_path(str(doc))
        window.search("发展")
    assert window.windowTitle().startswith("頭髮")
    with qtbot.waitSignal(window.load_failed, timeout=10_000):
        window.open_path(str(tmp_path / "gone.txt"))
        window.search("数据")
    assert message_boxes[-1] == ("warning", f"{tmp_path / 'gone.txt'}: no such file")


def test_a_missing_file_opened_during_a_conversion_is_reported_and_the_busy_bar_stops(
    make_window, qtbot, big_novel, tmp_path, message_boxes
):
    window = make_window(str(big_novel))
    window.set_script_mode(ScriptMode.SIMPLIFIED)
    with qtbot.waitSignal(window.load_failed, timeout=10_000):
        window.open_path(str(tmp_path / "gone.txt"))
    assert message_boxes == [("warning", f"{tmp_path / 'gone.txt'}: no such file")]
    qtbot.waitUntil(lambda: not window.status.busy, timeout=60_000)
    assert window.windowTitle() == window.session.rendition.title() + " — ZhReader"
    assert not window.session.converting


def test_an_export_waiting_for_a_conversion_never_writes_another_document(
    make_window, qtbot, big_novel, tmp_path, monkeypatch
):
    window = make_window(str(big_novel))
    target = tmp_path / "novel-simplified.txt"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.set_script_mode(ScriptMode.SIMPLIFIED)
    window.actions_.export_text.trigger()
    assert window.status.currentMessage() == "Waiting for the conversion to finish…"
    other = tmp_path / "other.txt"
    other.write_text("另一本書\n\n內容。\n", encoding="utf-8")
    with qtbot.waitSignal(window.document_shown, timeout=10_000):
        window.open_path(str(other))
    qtbot.waitUntil(lambda: not window.session.converting)
    assert not target.exists()
    assert window.status.currentMessage().startswith("Export cancelled")


def test_a_failed_conversion_fails_the_waiting_export_loudly(
    make_window, qtbot, tmp_path, monkeypatch, message_boxes
):
    window = make_window()
    target = tmp_path / "out.txt"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))

    def broken(*args):
        raise RuntimeError("dictionary missing")

    monkeypatch.setattr("reader.core.convert.convert_chunk", broken)
    window.set_script_mode(ScriptMode.SIMPLIFIED)
    window.actions_.export_text.trigger()
    qtbot.waitUntil(lambda: bool(message_boxes), timeout=20_000)
    kind, text = message_boxes[-1]
    assert kind == "warning" and "dictionary missing" in text and "nothing was written" in text
    assert not target.exists()
    assert not window.status.busy


def test_opening_a_file_during_a_large_conversion_opens_it(make_window, qtbot, tmp_path):
    from benchmarks.corpus import novel

    big = tmp_path / "big.txt"
    big.write_text(novel(1_500_000, seed=3), encoding="utf-8")
    window = make_window(str(big))
    big_session = window.session
    with qtbot.waitSignal(window.visible_converted, timeout=60_000):
        window.set_script_mode(ScriptMode.SIMPLIFIED)
    small = tmp_path / "small.txt"
    small.write_text("短篇\n\n內容。\n", encoding="utf-8")
    with qtbot.waitSignal(window.document_shown, timeout=60_000):
        window.open_path(str(small))
    assert window.session is not big_session
    qtbot.waitUntil(lambda: not window.session.converting)
    assert window.view.block_text(1) == "内容。"


def test_a_novel_that_grew_reopens_where_the_reader_was(make_window, qtbot, tmp_path):
    book = tmp_path / "serial.txt"
    chapters = [f"第{n}章 標題{n}\n\n" + ("他說了很多話，" * 10 + "\n\n") * 30 for n in range(1, 6)]
    book.write_text("連載小說\n\n" + "".join(chapters), encoding="utf-8")
    window = make_window(str(book))
    window.view.scroll_to_block(40)
    window.close()
    with book.open("a", encoding="utf-8") as f:  # the author posted a new chapter
        f.write("第6章 新章\n\n新的內容。\n")
    again = make_window(str(book))
    assert again.view.top_block() == 40
