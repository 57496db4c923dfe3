"""Start the reader: one QApplication, one settings object, one main window."""

from __future__ import annotations

import contextlib
import ctypes
import gc
import sys
import traceback
from collections.abc import Iterator
from pathlib import Path

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

    configure_runtime()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    settings = make_settings(reset_settings)
    window = MainWindow(settings)
    install_error_hook(window, Path(settings.fileName()).with_name("zhreader-errors.log"))
    window.show()
    window.open_initial(path, encoding)
    return app.exec()


def install_error_hook(window, log_path: Path) -> None:
    """Unexpected errors become one status-bar line; the traceback goes to a log file."""

    def hook(exc_type, exc, tb) -> None:
        try:
            log_path.parent.mkdir(parents=True, exist_ok=True)
            with log_path.open("a", encoding="utf-8") as log:
                traceback.print_exception(exc_type, exc, tb, file=log)
            where = f" (details in {log_path})"
        except OSError:
            where = ""
        first = str(exc).splitlines()[0] if str(exc) else exc_type.__name__
        window.statusBar().showMessage(f"Something went wrong: {first}{where}", 15_000)

    sys.excepthook = hook


# Interpreter tuning, all of it here.


def configure_runtime() -> None:
    """Hand the GIL over more often (2 ms, not 5): the GUI thread waits less behind workers."""
    sys.setswitchinterval(0.002)


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a document is built.

    Recognising a novel allocates a hundred thousand small acyclic objects;
    the collector's full passes over them (and over the document still open)
    cost as much as the recognition itself.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def freeze_open_document() -> None:
    """The open document's objects live as long as it is open: keep the cyclic collector
    from walking them again and again (a full pass over a novel stalls the GUI for 50 ms)."""
    gc.unfreeze()
    gc.freeze()


def return_freed_memory() -> None:
    """Give the heap freed by a closed document back to the system (glibc only)."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)
