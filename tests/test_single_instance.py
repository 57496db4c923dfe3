"""One reader per user: a second `zhreader FILE` hands FILE to the running window."""

from __future__ import annotations

import json
import os
import socket
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QProcess, QProcessEnvironment
from PySide6.QtNetwork import QLocalSocket

from reader.ui import single_instance
from reader.ui.single_instance import hand_over, serve, server_name

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def runtime_dir(tmp_path, monkeypatch) -> Path:
    """A private XDG_RUNTIME_DIR: the socket of these tests meets no real reader's."""
    run = tmp_path / "run"
    run.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(run))
    return run


def second_start(qtbot, *args: str, cwd: Path = ROOT, platform: str = "offscreen") -> QProcess:
    """`python -m reader ARGS` as a user would start it again, running beside the test
    (without ARGS: a process set up to be started by the caller)."""
    process = QProcess()
    env = QProcessEnvironment.systemEnvironment()
    env.insert("XDG_RUNTIME_DIR", os.environ["XDG_RUNTIME_DIR"])
    env.insert("QT_QPA_PLATFORM", platform)
    env.insert("PYTHONPATH", str(ROOT))  # this checkout's reader, from any folder
    process.setProcessEnvironment(env)
    process.setWorkingDirectory(str(cwd))
    if args:
        process.start(sys.executable, ["-m", "reader", *args])
    return process


def stale_socket(path: str) -> None:
    """A socket file nobody listens on, as a reader that crashed leaves it."""
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.bind(path)
    sock.close()


def test_the_socket_is_the_user_s_own(runtime_dir, monkeypatch):
    assert server_name() == str(runtime_dir / "zhreader.socket")
    monkeypatch.delenv("XDG_RUNTIME_DIR")
    assert server_name().endswith(f"zhreader-{os.getuid()}.socket")


def test_a_second_start_hands_its_file_to_the_running_window(
    qtbot, runtime_dir, make_window, write
):
    window = make_window()
    assert serve(window) is not None
    doc = write("第二本.txt", "第一章 相逢\n\n他們在路口相逢。\n")
    # No Qt platform there: making a QApplication would abort, so it must hand over first.
    process = second_start(qtbot, str(doc), platform="no-such-platform")
    with qtbot.waitSignal(window.document_shown, timeout=30_000):
        pass
    qtbot.waitUntil(lambda: process.state() == QProcess.ProcessState.NotRunning, timeout=30_000)
    assert process.exitCode() == 0, bytes(process.readAllStandardError().data()).decode()
    assert window.session.path == str(doc)
    assert window.windowTitle().startswith("第一章 相逢") or "第二本" in window.windowTitle()


def test_a_stale_socket_is_replaced_and_hand_overs_work(qtbot, runtime_dir, make_window, write):
    stale_socket(server_name())
    assert hand_over(None) is False  # nobody answers: start as usual, at once
    window = make_window()
    server = serve(window)
    assert server is not None and server.name() == server_name()
    doc = write("third.md", "# 標題\n\n內文。\n")
    process = second_start(qtbot, str(doc))
    with qtbot.waitSignal(window.document_shown, timeout=30_000):
        pass
    qtbot.waitUntil(lambda: process.state() == QProcess.ProcessState.NotRunning, timeout=30_000)
    assert process.exitCode() == 0
    assert window.session.path == str(doc)


def test_new_window_opens_its_own_window_even_with_a_reader_running(
    qtbot, runtime_dir, make_window, write, monkeypatch
):
    from reader import cli
    from reader.ui import app

    window = make_window()
    server = serve(window)
    requests = []
    server.open_requested.connect(lambda *a: requests.append(a))
    started = []
    monkeypatch.setattr(app, "run_app", lambda *a, **k: started.append(a) or 0)
    doc = write("own.txt", "自己的窗口。\n")
    assert cli.main(["--new-window", str(doc)]) == 0
    assert started == [(str(doc),)]
    assert requests == []


def test_a_request_is_answered_and_opens_the_file(qtbot, runtime_dir, make_window, write):
    window = make_window()
    serve(window)
    doc = write("四.txt", "第四份文件。\n")
    client = QLocalSocket()
    client.connectToServer(server_name())
    with qtbot.waitSignal(window.document_shown, timeout=20_000):
        client.write(json.dumps({"open": str(doc), "encoding": "utf-8"}).encode() + b"\n")
    qtbot.waitUntil(client.canReadLine)
    assert bytes(client.readLine().data()) == b"ok\n"
    assert window.session.path == str(doc)


def test_junk_on_the_socket_is_refused_and_opens_nothing(qtbot, runtime_dir, make_window):
    window = make_window()
    server = serve(window)
    requests = []
    server.open_requested.connect(lambda *a: requests.append(a))
    client = QLocalSocket()
    client.connectToServer(server_name())
    client.write(b'{"open": 42}\n')
    qtbot.waitUntil(lambda: client.state() == QLocalSocket.LocalSocketState.UnconnectedState)
    assert requests == []


def test_a_reader_that_does_not_answer_is_left_alone(runtime_dir, monkeypatch):
    monkeypatch.setattr(single_instance, "ANSWER_TIMEOUT_MS", 300)
    hung = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    hung.bind(server_name())
    hung.listen()
    accepted = []
    thread = threading.Thread(target=lambda: accepted.append(hung.accept()[0]), daemon=True)
    thread.start()
    try:
        assert hand_over(str(runtime_dir / "x.txt")) is False  # start normally
        thread.join(5)
        assert accepted
        server = single_instance.InstanceServer()
        assert server.listen() is False  # its socket is not taken from it
        assert Path(server_name()).exists()
    finally:
        for s in (*accepted, hung):
            s.close()


@pytest.mark.skipif(os.getuid() != 0, reason="needs root to give a file to another user")
def test_another_user_s_socket_is_never_used_or_removed(runtime_dir):
    stale_socket(server_name())
    os.chown(server_name(), 4321, 4321)
    assert hand_over(None) is False
    assert single_instance.InstanceServer().listen() is False
    assert os.stat(server_name()).st_uid == 4321


def test_the_qt_client_used_where_there_are_no_unix_sockets_hands_over_too(
    qtbot, runtime_dir, make_window, write
):
    window = make_window()
    serve(window)
    doc = write("五.txt", "第五份文件。\n")
    line = json.dumps({"open": str(doc), "encoding": None}).encode() + b"\n"
    # another process, as on Windows (a thread here would hold the GIL while it waits)
    code = (
        "import sys; from reader.ui.single_instance import _ask_qt, server_name; "
        f"sys.stdout.write(repr(_ask_qt(server_name(), {line!r})))"
    )
    process = second_start(qtbot)
    process.start(sys.executable, ["-c", code])
    with qtbot.waitSignal(window.document_shown, timeout=30_000):
        pass
    qtbot.waitUntil(lambda: process.state() == QProcess.ProcessState.NotRunning, timeout=30_000)
    assert bytes(process.readAllStandardOutput().data()) == b"b'ok'"
    assert window.session.path == str(doc)


def finished(qtbot, process: QProcess) -> int:
    qtbot.waitUntil(lambda: process.state() == QProcess.ProcessState.NotRunning, timeout=30_000)
    return process.exitCode()


def test_a_file_named_relative_to_the_second_start_s_folder_is_found(
    qtbot, runtime_dir, make_window, write, tmp_path
):
    window = make_window()
    serve(window)
    doc = write("相對.txt", "相對路徑的文件。\n")
    process = second_start(qtbot, "相對.txt", cwd=tmp_path)
    with qtbot.waitSignal(window.document_shown, timeout=30_000):
        pass
    assert finished(qtbot, process) == 0
    assert window.session.path == str(doc)


def test_a_second_start_without_a_file_brings_the_window_back(qtbot, runtime_dir, make_window):
    window = make_window()
    server = serve(window)
    shown = window.session.path
    window.showMinimized()
    qtbot.waitUntil(window.isMinimized)
    with qtbot.waitSignal(server.open_requested, timeout=30_000) as request:
        process = second_start(qtbot)
        process.start(sys.executable, ["-m", "reader"])
    assert request.args == ["", ""]
    assert finished(qtbot, process) == 0
    assert not window.isMinimized()
    assert window.session.path == shown  # nothing else opened


def test_the_encoding_named_on_the_second_start_is_used(qtbot, runtime_dir, make_window, write):
    window = make_window()
    serve(window)
    # Big5 bytes that GB18030 also decodes (to other characters): detection would say Big5
    doc = write("big5.txt", "第一章 開始\n\n繁體中文的內容。\n", encoding="big5")
    process = second_start(qtbot, str(doc), "--encoding", "gb18030")
    with qtbot.waitSignal(window.document_shown, timeout=30_000):
        pass
    assert finished(qtbot, process) == 0
    assert window.session.prepared.document.encoding == "gb18030"
    assert "".join(window.session.rendition.texts).startswith(
        doc.read_bytes().decode("gb18030").split("\n")[0]
    )


def test_the_reader_started_by_run_app_serves_later_starts_and_wears_its_icon(
    qtbot, qapp, runtime_dir, monkeypatch, settings_path, message_boxes, write
):
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from reader.desktop import APP_ID
    from reader.ui import app as app_module
    from reader.ui.main_window import MainWindow

    monkeypatch.setattr(
        app_module,
        "make_settings",
        lambda reset=False: QSettings(str(settings_path), QSettings.Format.IniFormat),
    )
    monkeypatch.setattr(QApplication, "exec", staticmethod(lambda: 0))  # return at once
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    interval, icon, name = sys.getswitchinterval(), qapp.windowIcon(), qapp.desktopFileName()
    names = qapp.applicationName(), qapp.organizationName(), qapp.applicationVersion()
    first = write("一.txt", "第一份。\n")
    try:
        assert app_module.run_app(str(first)) == 0
        given_name, given_icon = qapp.desktopFileName(), qapp.windowIcon()
    finally:  # what run_app sets for the whole process goes back for the tests after this one
        sys.setswitchinterval(interval)
        qapp.setWindowIcon(icon)
        qapp.setDesktopFileName(name)
        qapp.setApplicationName(names[0])
        qapp.setOrganizationName(names[1])
        qapp.setApplicationVersion(names[2])
    (window,) = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
    ]
    qtbot.addWidget(window)
    assert given_name == APP_ID
    assert {s.width() for s in given_icon.availableSizes()} == {16, 24, 32, 48, 64, 128, 256, 512}
    qtbot.waitUntil(lambda: os.path.exists(server_name()))  # served once the loop turns
    doc = write("二.txt", "第二份。\n")
    process = second_start(qtbot, str(doc))
    qtbot.waitUntil(
        lambda: window.session is not None and window.session.path == str(doc), timeout=30_000
    )
    assert finished(qtbot, process) == 0
    window.close()


def test_a_reader_on_its_way_out_stops_taking_files(qtbot, qapp, runtime_dir, make_window):
    window = make_window()
    serve(window)
    assert os.path.exists(server_name())
    qapp.aboutToQuit.emit()  # what app.exec() sends when the last window has closed
    assert not os.path.exists(server_name())
    assert hand_over(None) is False  # so a later start opens a window of its own


def test_the_window_serves_later_starts_once_its_first_document_is_shown(
    qtbot, runtime_dir, make_window
):
    from reader.ui.app import serve_after_first_paint

    window = make_window(wait=False)
    serve_after_first_paint(window)
    assert not Path(server_name()).exists()  # nothing listens before the first paint
    with qtbot.waitSignal(window.document_shown, timeout=20_000):
        window.open_initial(None)
    qtbot.waitUntil(lambda: Path(server_name()).exists(), timeout=5_000)
    client = QLocalSocket()
    client.connectToServer(server_name())
    assert client.waitForConnected(5_000)  # a second start would be answered by this window
    client.abort()


def test_a_window_whose_first_document_fails_still_serves(
    qtbot, runtime_dir, make_window, tmp_path
):
    from reader.ui.app import serve_after_first_paint

    window = make_window(wait=False)
    serve_after_first_paint(window)
    with qtbot.waitSignal(window.load_failed, timeout=20_000):
        window.open_initial(str(tmp_path / "missing.txt"))
    qtbot.waitUntil(lambda: Path(server_name()).exists(), timeout=5_000)
