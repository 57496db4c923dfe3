"""Render the reader window to docs/screenshots/ (offscreen; needs a CJK font such as fonts-noto-cjk).

python docs/make_screenshots.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QSettings, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication

from reader.core.convert import ScriptMode
from reader.ui.main_window import MainWindow

OUT = Path(__file__).resolve().parent / "screenshots"


def wait_for(signal, start, ms: int = 20_000) -> None:
    """Call `start` and wait until `signal` fires (it may fire inside `start`)."""
    fired = []
    loop = QEventLoop()
    signal.connect(lambda *args: (fired.append(1), loop.quit()))
    start()
    if not fired:
        QTimer.singleShot(ms, loop.quit)
        loop.exec()
    signal.disconnect()


def settle(app: QApplication) -> None:
    QThreadPool.globalInstance().waitForDone()
    for _ in range(5):
        app.processEvents()


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        settings = QSettings(str(Path(tmp) / "zhreader.ini"), QSettings.Format.IniFormat)
        window = MainWindow(settings)
        window.resize(1280, 820)
        window.show()
        wait_for(window.document_shown, lambda: window.open_initial(None))
        settle(app)
        shots = {}
        shots["original"] = window.grab()
        wait_for(window.conversion_finished, lambda: window.set_script_mode(ScriptMode.SIMPLIFIED))
        window.go_to_block(13)
        settle(app)
        shots["simplified"] = window.grab()
        wait_for(window.conversion_finished, lambda: window.set_script_mode(ScriptMode.ORIGINAL))
        window.set_theme("dark")
        window.go_to_block(25)
        settle(app)
        shots["dark"] = window.grab()
        window.set_theme("sepia")
        window.find_bar.open_bar()
        wait_for(window.search_finished, lambda: window.find_bar.edit.setText("发展"))
        settle(app)
        shots["find"] = window.grab()
        for name, pixmap in shots.items():
            path = OUT / f"{name}.png"
            pixmap.save(str(path))
            print(path)
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
