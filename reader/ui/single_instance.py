"""One reader per user: a second `zhreader FILE` hands FILE to the running window.

The running reader listens on a local socket named for the user (in
$XDG_RUNTIME_DIR, which only the user can enter, else in the temporary folder
with the user's id in the name). A second start connects, sends one JSON line
`{"open": path or null, "encoding": name or null}` and waits for `ok`; then it
exits at once, before any window or QApplication is made. The running window
opens the file, comes to the front and takes the focus.

A socket file nobody listens on (left by a reader that crashed) is removed and
taken over; a reader that does not answer within `ANSWER_TIMEOUT_MS` is left
alone and the new one starts as usual. A socket file owned by another user is
never connected to. `zhreader --new-window` skips the hand-over.
"""

from __future__ import annotations

import json
import os
import stat
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal

CONNECT_TIMEOUT_MS = 500
ANSWER_TIMEOUT_MS = 2000
# Unix socket paths longer than this do not fit `sockaddr_un`.
MAX_SOCKET_PATH = 100
# A request is one short line; anything longer is not a reader talking.
MAX_REQUEST = 64 * 1024


def _user() -> str:
    return str(os.getuid()) if hasattr(os, "getuid") else os.environ.get("USERNAME", "user")


def server_name() -> str:
    """The socket the running reader of this user listens on (a full path on Unix)."""
    if os.name != "posix":
        return f"zhreader-{_user()}"  # a named pipe, private to the session on Windows
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    if runtime and Path(runtime).is_absolute() and Path(runtime).is_dir():
        path = Path(runtime) / "zhreader.socket"
        if len(os.fsencode(path)) <= MAX_SOCKET_PATH:
            return str(path)
    return str(Path(tempfile.gettempdir()) / f"zhreader-{_user()}.socket")


def _owned_by_another_user(name: str) -> bool:
    """True when `name` is a file this user does not own (someone else's socket: never talk
    to it, never remove it)."""
    if os.name != "posix":
        return False
    try:
        info = os.lstat(name)
    except OSError:
        return False
    return info.st_uid != os.getuid() or not stat.S_ISSOCK(info.st_mode)


def hand_over(path: str | None, encoding: str | None = None) -> bool:
    """Ask the running reader to open `path` (or just to come forward); True when it said
    yes, so this process has nothing more to do."""
    name = server_name()
    if os.name == "posix" and not os.path.exists(name):
        return False  # nobody listens
    if _owned_by_another_user(name):
        return False
    request = {"open": os.path.abspath(path) if path else None, "encoding": encoding}
    line = json.dumps(request).encode("ascii") + b"\n"  # \\u escapes carry any file name
    ask = _ask_unix if os.name == "posix" else _ask_qt
    return ask(name, line) == b"ok"


def _ask_unix(name: str, line: bytes) -> bytes:
    """The request over a plain Unix socket (what QLocalServer listens on there): no Qt
    import, so a hand-over costs little more than starting Python."""
    import socket

    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        try:
            sock.settimeout(CONNECT_TIMEOUT_MS / 1000)
            sock.connect(name)
            sock.settimeout(ANSWER_TIMEOUT_MS / 1000)
            sock.sendall(line)
            reply = b""
            while not reply.endswith(b"\n") and len(reply) < 16:
                chunk = sock.recv(16)
                if not chunk:
                    break
                reply += chunk
        except OSError:  # refused (a stale file), timed out, reset
            return b""
    return reply.strip()


def _ask_qt(name: str, line: bytes) -> bytes:
    """The request over QLocalSocket (a named pipe on Windows)."""
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
        return b""
    socket.write(line)
    socket.waitForBytesWritten(ANSWER_TIMEOUT_MS)  # False when already sent: not a failure
    while not socket.canReadLine() and socket.waitForReadyRead(ANSWER_TIMEOUT_MS):
        pass
    reply = bytes(socket.readLine().data()).strip() if socket.canReadLine() else b""
    socket.abort()
    return reply


class InstanceServer(QObject):
    """The running reader's end: answers hand-overs with `open_requested(path, encoding)`
    ('' for none)."""

    open_requested = Signal(str, str)

    def __init__(self, parent: QObject | None = None):
        from PySide6.QtNetwork import QLocalServer

        super().__init__(parent)
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)

    def listen(self) -> bool:
        """Listen for later starts; a stale socket file is replaced, a live one (another
        reader that answers) is left alone and False returned."""
        name = server_name()
        # Qt would replace an existing socket file without asking: look first.
        if os.name == "posix" and os.path.lexists(name):
            if _owned_by_another_user(name) or _someone_listens(name):
                return False
            self._server.removeServer(name)  # left by a reader that crashed
        return self._server.listen(name)

    def name(self) -> str:
        return self._server.fullServerName()

    def close(self) -> None:
        self._server.close()

    def _accept(self) -> None:
        while (connection := self._server.nextPendingConnection()) is not None:
            connection.readyRead.connect(lambda c=connection: self._read(c))
            connection.disconnected.connect(connection.deleteLater)
            self._read(connection)

    def _read(self, connection) -> None:
        if not connection.canReadLine():
            if connection.bytesAvailable() > MAX_REQUEST:
                connection.abort()
            return
        line = bytes(connection.readLine(MAX_REQUEST).data())
        try:
            request = json.loads(line)
            path, encoding = request.get("open"), request.get("encoding")
            if not isinstance(path, str | None) or not isinstance(encoding, str | None):
                raise ValueError("not a path")
        except (ValueError, AttributeError):
            connection.abort()
            return
        connection.write(b"ok\n")
        connection.flush()
        self.open_requested.emit(path or "", encoding or "")


def _someone_listens(name: str) -> bool:
    from PySide6.QtNetwork import QLocalSocket

    probe = QLocalSocket()
    probe.connectToServer(name)
    alive = probe.waitForConnected(CONNECT_TIMEOUT_MS)
    probe.abort()
    return alive


def serve(window) -> InstanceServer | None:
    """Let later starts hand their file to `window`: it opens it, comes forward and takes
    the focus. None when another reader already serves this user."""
    server = InstanceServer(window)
    if not server.listen():
        server.deleteLater()
        return None

    def bring_forward(path: str, encoding: str) -> None:
        if path:
            window.open_path(path, encoding or None)
        if window.isMinimized():
            window.showNormal()
        window.raise_()
        window.activateWindow()

    server.open_requested.connect(bring_forward)
    # A reader on its way out takes no more files: later starts open a window of their own.
    QCoreApplication.instance().aboutToQuit.connect(server.close)
    return server
