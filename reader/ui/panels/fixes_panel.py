"""The Fixes panel: the open document's fixes, each removable."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QDockWidget,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.core.fixes import Fix


class FixesPanel(QDockWidget):
    """Lists fixes; `remove_requested` asks for the selected one to go."""

    remove_requested = Signal(object)  # Fix
    go_to = Signal(int)  # the block of a fix at one place

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("fixesPanel")
        body = QWidget(self)
        layout = QVBoxLayout(body)
        self.list = QListWidget(body)
        self.list.setObjectName("fixesList")
        self.remove_button = QPushButton(body)
        self.remove_button.setObjectName("removeFix")
        self.remove_button.clicked.connect(self._remove)
        self.list.itemActivated.connect(self._activated)
        self.list.currentRowChanged.connect(lambda row: self.remove_button.setEnabled(row >= 0))
        layout.addWidget(self.list, 1)
        layout.addWidget(self.remove_button)
        self.setWidget(body)
        self._fixes: tuple[Fix, ...] = ()
        self._retranslate()

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Fixes"))
        self.remove_button.setText(self.tr("&Remove Fix"))
        self.set_fixes(self._fixes)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def set_fixes(self, fixes: tuple[Fix, ...]) -> None:
        """Show these fixes, the latest first."""
        self._fixes = fixes
        self.list.clear()
        for fix in reversed(fixes):
            if fix.everywhere:
                text = self.tr("%1 → %2   everywhere")
            else:
                text = self.tr("%1 → %2   paragraph %3").replace("%3", str(fix.block + 1))
            item = QListWidgetItem(text.replace("%1", fix.source).replace("%2", fix.shown))
            item.setData(Qt.ItemDataRole.UserRole, fix)
            self.list.addItem(item)
        if not fixes:
            self.list.addItem(self.tr("No fixes: click an underlined change to make one."))
            self.list.item(0).setFlags(Qt.ItemFlag.NoItemFlags)
        self.remove_button.setEnabled(False)

    def _remove(self) -> None:
        item = self.list.currentItem()
        fix = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if isinstance(fix, Fix):
            self.remove_requested.emit(fix)

    def _activated(self, item: QListWidgetItem) -> None:
        fix = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(fix, Fix) and not fix.everywhere:
            self.go_to.emit(fix.block)
