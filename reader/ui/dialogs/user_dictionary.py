"""The user dictionary editor: phrase → shown lines that every document's conversion keeps."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from reader.core.files import write_atomically
from reader.core.fixes import parse_dictionary


class UserDictionaryDialog(QDialog):
    """Edits the user dictionary file; Save writes it atomically (a failure is said in the
    dialog and nothing is lost)."""

    def __init__(self, path: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("userDictionaryDialog")
        self.setWindowTitle(self.tr("User Dictionary"))
        self.path = path
        intro = QLabel(
            self.tr(
                "One entry a line: the text as written, a tab (or a space), and what it "
                "should show after conversion, e.g. “头发<Tab>頭髮”. Lines starting with # "
                "are notes. Entries apply to every document."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.editor = QPlainTextEdit(self)
        self.editor.setObjectName("userDictionaryText")
        self.editor.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        try:
            self.editor.setPlainText(path.read_text(encoding="utf-8-sig"))
        except (OSError, UnicodeDecodeError):
            self.editor.setPlainText("")
        self.count = QLabel(self)
        self.editor.textChanged.connect(self._count)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.count)
        layout.addWidget(buttons)
        self.resize(520, 420)
        self._count()

    def _count(self) -> None:
        n = len(parse_dictionary(self.editor.toPlainText()))
        self.count.setText(self.tr("%n entries", "", n))

    def save(self) -> None:
        """Write the file and close; on failure say why and stay open."""
        text = self.editor.toPlainText()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(self.path, (text.rstrip("\n") + "\n").encode("utf-8"))
        except OSError as exc:
            message = self.tr("The dictionary could not be saved (%1).")
            self.count.setText(message.replace("%1", exc.strerror or str(exc)))
            return
        self.accept()
