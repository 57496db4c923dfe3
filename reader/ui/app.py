"""Start the reader: one QApplication, one settings object, one main window."""

from __future__ import annotations

import sys
import traceback
from pathlib import Path

from reader import APP_NAME, __version__
from reader.runtime import configure_runtime
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

    from reader.ui.i18n import InterfaceLanguage, chosen_language
    from reader.ui.icons import set_application_icon
    from reader.ui.main_window import MainWindow

    configure_runtime()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    set_application_icon(app)
    settings = make_settings(reset_settings)
    InterfaceLanguage.of(app).apply(chosen_language(settings))
    window = MainWindow(settings)
    install_error_hook(window, Path(settings.fileName()).with_name("zhreader-errors.log"))
    window.show()
    window.open_initial(path, encoding)
    serve_after_first_paint(window)
    return app.exec()


# Start serving anyway after this long, whatever the first document does.
SERVE_AT_LATEST_MS = 2000


def serve_after_first_paint(window) -> None:
    """Later starts hand their files to `window` once its first document is on screen (or
    has failed to open, or after SERVE_AT_LATEST_MS): the local server and QtNetwork wait
    until the first paint is done."""
    from PySide6.QtCore import QTimer

    served: list[bool] = []

    def start() -> None:
        if not served:
            served.append(True)
            from reader.ui.single_instance import serve

            serve(window)

    def after_this_paint(*_) -> None:
        QTimer.singleShot(0, window, start)

    window.document_shown.connect(after_this_paint)
    window.load_failed.connect(after_this_paint)
    QTimer.singleShot(SERVE_AT_LATEST_MS, window, start)


def install_error_hook(window, log_path: Path) -> None:
    """Unexpected errors become one status-bar line; the traceback goes to a log file."""

    from PySide6.QtCore import QCoreApplication

    translate = QCoreApplication.translate

    def hook(exc_type, exc, tb) -> None:
        first = str(exc).splitlines()[0] if str(exc) else exc_type.__name__
        try:
            log_path.parent.mkdir(parents=True, exist_ok=True)
            with log_path.open("a", encoding="utf-8") as log:
                traceback.print_exception(exc_type, exc, tb, file=log)
            message = translate("ErrorHook", "Something went wrong: %1 (details in %2)")
        except OSError:
            message = translate("ErrorHook", "Something went wrong: %1")
        message = message.replace("%2", str(log_path)).replace("%1", first)
        window.statusBar().showMessage(message, 15_000)

    sys.excepthook = hook
