"""The reader window."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMainWindow, QMessageBox, QTextBrowser

from reader import APP_NAME
from reader.core import Document, LoadError, bundled_article_path, open_document


class MainWindow(QMainWindow):
    """Shows one document."""

    def __init__(self, settings: QSettings):
        super().__init__()
        self.settings = settings
        self.document: Document | None = None
        self.view = QTextBrowser(self)
        self.setCentralWidget(self.view)
        self.resize(1000, 760)

    def open_initial(self, path: str | None, encoding: str | None = None) -> None:
        """Open the document named on the command line, or the bundled article."""
        self.open_path(path or str(bundled_article_path()), encoding)

    def open_path(self, path: str, encoding: str | None = None) -> bool:
        """Open a document; on failure tell the user and keep the current one."""
        try:
            doc = open_document(path, encoding)
        except LoadError as exc:
            QMessageBox.warning(self, APP_NAME, str(exc))
            return False
        self.document = doc
        self.view.setPlainText(doc.text)
        self.setWindowTitle(f"{doc.title} — {APP_NAME}")
        return True
