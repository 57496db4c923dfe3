"""The outline panel: the document's sections, following the reading position."""

from __future__ import annotations

import bisect

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QDockWidget, QTreeView, QWidget

from reader.core.outline import Outline, OutlineEntry

BLOCK_ROLE = Qt.ItemDataRole.UserRole + 1


class OutlineTree(QTreeView):
    """A tree that also jumps on Enter."""

    activated_block = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            index = self.currentIndex()
            if index.isValid():
                self.activated_block.emit(index.data(BLOCK_ROLE))
                return
        super().keyPressEvent(event)


class OutlineDock(QDockWidget):
    """Shows an `Outline`; it does not own the document, it only presents it."""

    section_chosen = Signal(int)  # block index

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("outlineDock")
        self.setWindowTitle(self.tr("Outline"))
        self.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        self.model = QStandardItemModel(self)
        self.tree = OutlineTree(self)
        self.tree.setObjectName("outlineTree")
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)  # 20,000 entries stay fast
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.clicked.connect(self._on_clicked)
        self.tree.activated_block.connect(self.section_chosen)
        self.setWidget(self.tree)
        self._blocks: list[int] = []
        self._items: list[QStandardItem] = []
        self._by_block: dict[int, QStandardItem] = {}

    def set_outline(self, outline: Outline) -> None:
        """Show a new outline (entries in reading order)."""
        self.model.clear()
        self._blocks, self._items, self._by_block = [], [], {}
        root = self.model.invisibleRootItem()

        def add(parent: QStandardItem, entry: OutlineEntry) -> None:
            item = QStandardItem(entry.title)
            item.setData(entry.block, BLOCK_ROLE)
            item.setToolTip(entry.title)
            self._blocks.append(entry.block)
            self._items.append(item)
            self._by_block[entry.block] = item
            for child in entry.children:
                add(item, child)
            parent.appendRow(item)

        for entry in outline.entries:
            add(root, entry)
        self.tree.setRootIsDecorated(any(e.children for e in outline.entries))
        if len(self._items) <= 2000:
            self.tree.expandAll()
        else:
            self.tree.expandToDepth(0)

    def retitle(self, block: int, title: str) -> None:
        """The heading at `block` now reads `title` (after a script switch)."""
        item = self._by_block.get(block)
        if item is not None and item.text() != title:
            item.setText(title)
            item.setToolTip(title)

    def follow(self, block: int) -> None:
        """Select the section that contains `block`, without jumping anywhere."""
        k = bisect.bisect_right(self._blocks, block) - 1
        if k < 0:
            self.tree.clearSelection()
            self.tree.setCurrentIndex(QModelIndex())
            return
        index = self._items[k].index()
        if self.tree.currentIndex() != index:
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)

    def current_title(self) -> str:
        index = self.tree.currentIndex()
        return index.data() if index.isValid() else ""

    def entry_count(self) -> int:
        return len(self._items)

    def _on_clicked(self, index: QModelIndex) -> None:
        self.section_chosen.emit(index.data(BLOCK_ROLE))
