"""Test set-up: Qt offscreen, and small documents written into tmp_path."""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# A run of its own for the single-instance socket: a reader the user (or another test run)
# has open never receives the tests' files, and none of theirs reaches the tests.
os.environ["XDG_RUNTIME_DIR"] = tempfile.mkdtemp(prefix="zhreader-tests-")

from pathlib import Path

import pytest

from reader.core.resources import bundled_article_path

#: Traditional Chinese that Big5 can encode (the article's 産 is not in Big5).
TRADITIONAL = (
    "永川大數據揚帆遠航!誰擁有了大數據,誰就擁有了未來。\n時間回到2008年,西部聲谷正式成立。"
)
SIMPLIFIED = (
    "永川大数据扬帆远航！谁拥有了大数据，谁就拥有了未来。\n时间回到2008年，西部声谷正式成立。"
)


@pytest.fixture
def big_novel(tmp_path) -> Path:
    """A 400,000-character Traditional novel: twenty-odd conversion chunks."""
    from benchmarks.corpus import novel

    path = tmp_path / "novel.txt"
    path.write_text(novel(400_000, seed=5), encoding="utf-8")
    return path


@pytest.fixture
def article_path() -> Path:
    return bundled_article_path()


@pytest.fixture
def write(tmp_path: Path):
    """Write text (str, encoded as given) or bytes to a file in tmp_path and return its path."""

    def _write(name: str, content: str | bytes, encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        path.write_bytes(content if isinstance(content, bytes) else content.encode(encoding))
        return path

    return _write


@pytest.fixture
def message_boxes(monkeypatch):
    """Stub QMessageBox so no dialog blocks; records (kind, text) and answers `No` to questions."""
    from PySide6.QtWidgets import QMessageBox

    shown: list[tuple[str, str]] = []
    answers = {"question": QMessageBox.StandardButton.No}

    def record(kind):
        def _box(parent, title, text, *args, **kwargs):
            shown.append((kind, text))
            return answers.get(kind, QMessageBox.StandardButton.Ok)

        return _box

    for kind in ("warning", "critical", "information", "question", "about"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(record(kind)))
    return shown


@pytest.fixture(autouse=True)
def data_home(tmp_path: Path, monkeypatch) -> Path:
    """The user's data folder (fixes, user dictionary) in tmp_path, for every test."""
    folder = tmp_path / "data"
    monkeypatch.setenv("XDG_DATA_HOME", str(folder))
    return folder


@pytest.fixture
def settings_path(tmp_path: Path) -> Path:
    return tmp_path / "settings" / "zhreader.ini"


@pytest.fixture
def make_window(qtbot, settings_path, message_boxes):
    """Build a reader window on settings in tmp_path; `open=None` opens the bundled article."""
    from PySide6.QtCore import QSettings, QThreadPool

    from reader.ui.main_window import MainWindow

    windows = []

    def _make(open_path: str | None = None, wait: bool = True):
        settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
        window = MainWindow(settings)
        qtbot.addWidget(window)
        window.resize(1100, 760)
        window.show()
        qtbot.waitExposed(window)
        if wait:
            with qtbot.waitSignal(window.document_shown, timeout=20_000):
                window.open_initial(open_path)
        windows.append(window)
        return window

    yield _make
    for window in windows:
        window.close()
    QThreadPool.globalInstance().waitForDone(30_000)
