"""File → Document Information: what the book says about itself (authors, publisher,
language, description) and what the reader knows about the file (path, size, encoding,
format, characters, chapters)."""

from __future__ import annotations

import os

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from reader.core.loading import display_encoding
from reader.core.rendition import PreparedDocument


class DocumentInfoDialog(QDialog):
    """The facts of the open document, one per row; a row the document has no value for is
    left out. Every value can be selected and copied."""

    def __init__(self, prepared: PreparedDocument, path: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("documentInfo")
        self.setWindowTitle(self.tr("Document Information"))
        self.rows: dict[str, str] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for label, value in self._facts(prepared, path):
            if not value:
                continue
            self.rows[label] = value
            field = QLabel(value, self)
            field.setWordWrap(True)
            field.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(label, field)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        description = prepared.document.description
        self.description: QTextBrowser | None = None
        if description:
            layout.addWidget(QLabel(self.tr("Description"), self))
            self.description = QTextBrowser(self)
            self.description.setObjectName("description")
            self.description.setPlainText(description)  # the book's HTML is never run
            self.description.setMaximumHeight(160)
            layout.addWidget(self.description)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)

    def _facts(self, prepared: PreparedDocument, path: str) -> list[tuple[str, str]]:
        doc = prepared.document
        locale = QLocale()
        formats = {
            "epub": self.tr("EPUB book"),
            "markdown": self.tr("Markdown"),
            "text": self.tr("Plain text"),
        }
        chapters = sum(1 for _ in prepared.outline.walk())
        return [
            (self.tr("Title"), doc.title),
            (self.tr("Authors"), "、".join(doc.authors) or doc.metadata.author),
            (self.tr("Publisher"), doc.publisher),
            # A text's source line (來源：…); a book's is its publisher, above.
            (self.tr("Source"), doc.metadata.source if doc.format != "epub" else ""),
            (self.tr("Date"), doc.date or doc.metadata.published),
            (self.tr("Language"), _language(doc.language)),
            (self.tr("File"), path),
            (self.tr("Size"), _size(path, locale, self.tr("%1 (%2 bytes)"))),
            (self.tr("Format"), formats.get(doc.format, doc.format)),
            (
                self.tr("Read as"),
                self.tr("As the book's XHTML declares it")
                if doc.format == "epub"
                else display_encoding(doc.encoding),
            ),
            (self.tr("Characters"), f"{doc.char_count:,}"),  # grouped as in the status bar
            (self.tr("Chapters"), locale.toString(chapters)),
        ]


def _language(tag: str) -> str:
    """`zh-TW (中文, 台灣)`: the tag as written and what it names, in that language's own
    words (readable whatever the interface language)."""
    if not tag:
        return ""
    locale = QLocale(tag.replace("_", "-"))
    if locale.language() == QLocale.Language.C:
        return tag
    name = locale.nativeLanguageName() or QLocale.languageToString(locale.language())
    subtags = tag.replace("_", "-").split("-")[1:]
    if not subtags and locale.language() == QLocale.Language.Chinese:
        name = "中文"  # a bare "zh" names no script: not 简体中文, which Qt would say
    if any((len(s) == 2 and s.isalpha()) or (len(s) == 3 and s.isdigit()) for s in subtags):
        territory = locale.nativeTerritoryName() or QLocale.territoryToString(locale.territory())
        name = f"{name}, {territory}"
    return f"{tag} ({name})"


def _size(path: str, locale: QLocale, pattern: str) -> str:
    """`pattern` ("%1 (%2 bytes)") filled with the size in units and in bytes."""
    try:
        size = os.stat(path).st_size
    except OSError:
        return ""
    return pattern.replace("%1", locale.formattedDataSize(size)).replace(
        "%2", locale.toString(size)
    )
