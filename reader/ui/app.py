"""Start the reader: one QApplication, one settings object, one main window."""

from __future__ import annotations

import sys

from reader import APP_NAME, __version__
from reader.ui.platform_check import display_problem


def make_settings(reset: bool = False):
    """The user's settings file (INI, in the platform's config folder)."""
    from PySide6.QtCore import QSettings

    settings = QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, APP_NAME, "zhreader"
    )
    if reset:
        settings.clear()
        settings.sync()
    return settings


def run_app(
    path: str | None = None, encoding: str | None = None, reset_settings: bool = False
) -> int:
    """Open the reader window on `path` (or the last or bundled document) until it closes."""
    problem = display_problem()
    if problem:
        print(f"zhreader: {problem}", file=sys.stderr)
        return 1
    from PySide6.QtWidgets import QApplication

    from reader.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    window = MainWindow(make_settings(reset_settings))
    window.show()
    window.open_initial(path, encoding)
    return app.exec()
