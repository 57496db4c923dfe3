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


def wait_for(signal, ms: int = 20_000) -> None:
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


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
        window.open_initial(None)
        wait_for(window.document_shown)
        settle(app)
        shots = {}
        shots["original"] = window.grab()
        window.set_script_mode(ScriptMode.SIMPLIFIED)
        wait_for(window.conversion_finished)
        window.go_to_block(13)
        settle(app)
        shots["simplified"] = window.grab()
        window.set_script_mode(ScriptMode.ORIGINAL)
        wait_for(window.conversion_finished)
        window.set_theme("dark")
        window.go_to_block(25)
        settle(app)
        shots["dark"] = window.grab()
        window.set_theme("sepia")
        window.find_bar.open_bar()
        window.find_bar.edit.setText("发展")
        wait_for(window.search_finished)
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
