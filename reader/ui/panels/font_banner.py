"""A banner above the page when no installed font can draw Chinese."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget


class FontBanner(QFrame):
    """Says which font package to install; the reader can close it."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("fontBanner")
        self.setStyleSheet("#fontBanner { background: #fff3cd; color: #5c4400; }")
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 6, 6, 6)
        self.label = QLabel(self)
        self._retranslate()
        self.label.setWordWrap(True)
        close = QToolButton(self)
        close.setText("✕")
        close.clicked.connect(self.hide)
        row.addWidget(self.label, 1)
        row.addWidget(close)
        self.hide()

    def _retranslate(self) -> None:
        self.label.setText(
            self.tr(
                "No installed font can draw Chinese, so text would show as boxes. "
                "Install one, e.g. on Debian/Ubuntu: sudo apt-get install fonts-noto-cjk"
            )
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
