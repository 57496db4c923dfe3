"""The outline panel: the document's sections, following the reading position."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QDockWidget, QTreeView, QWidget

from reader.core.outline import Outline, entry_at

BLOCK_ROLE = Qt.ItemDataRole.UserRole + 1
AnyIndex = QModelIndex | QPersistentModelIndex


class OutlineModel(QAbstractItemModel):
    """A tree model over an `Outline` held as flat lists.

    Entries are numbered in reading order; the view asks only for the rows it
    shows, so a 20,000-chapter outline costs no item objects at all.
    """

    def __init__(self, outline: Outline, parent: QObject | None = None):
        super().__init__(parent)
        self.titles: list[str] = []
        self.blocks: list[int] = []
        self._parent: list[int] = []
        self._row: list[int] = []
        self._children: dict[int, list[int]] = {-1: []}
        if not any(entry.children for entry in outline.entries):  # a novel: one flat list
            n = len(outline.entries)
            self.titles = [e.title for e in outline.entries]
            self.blocks = [e.block for e in outline.entries]
            self._parent = [-1] * n
            self._row = list(range(n))
            self._children[-1] = list(range(n))
            return
        stack = [(entry, -1) for entry in reversed(outline.entries)]
        while stack:
            entry, parent_id = stack.pop()
            node = len(self.titles)
            self.titles.append(entry.title)
            self.blocks.append(entry.block)
            self._parent.append(parent_id)
            siblings = self._children.setdefault(parent_id, [])
            self._row.append(len(siblings))
            siblings.append(node)
            stack.extend((child, node) for child in reversed(entry.children))

    def has_nesting(self) -> bool:
        return len(self._children.get(-1, [])) < len(self.titles)

    def node_index(self, node: int) -> QModelIndex:
        return self.createIndex(self._row[node], 0, node)

    def set_title(self, node: int, title: str) -> None:
        if self.titles[node] != title:
            self.titles[node] = title
            index = self.node_index(node)
            self.dataChanged.emit(index, index)

    # QAbstractItemModel

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        kids = self._children.get(parent.internalId() if parent.isValid() else -1, [])
        if column != 0 or not 0 <= row < len(kids):
            return QModelIndex()
        return self.createIndex(row, 0, kids[row])

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        parent_id = self._parent[index.internalId()]
        return QModelIndex() if parent_id < 0 else self.node_index(parent_id)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._children.get(parent.internalId() if parent.isValid() else -1, []))

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 1

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        node = index.internalId()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.titles[node]
        if role == BLOCK_ROLE:
            return self.blocks[node]
        return None


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
        self._retranslate()
        self.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        self.tree = OutlineTree(self)
        self.tree.setObjectName("outlineTree")
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)  # 20,000 entries stay fast
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.clicked.connect(self._on_clicked)
        self.tree.activated_block.connect(self.section_chosen)
        self.setWidget(self.tree)
        self.model = OutlineModel(Outline("", ()), self)
        self._heading_blocks: frozenset[int] = frozenset()
        self.tree.setModel(self.model)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Outline"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def set_outline(self, outline: Outline) -> None:
        """Show a new outline."""
        old, self.model = self.model, OutlineModel(outline, self)
        self._heading_blocks = frozenset(self.model.blocks)
        self.tree.setModel(self.model)
        old.deleteLater()
        nested = self.model.has_nesting()
        self.tree.setRootIsDecorated(nested)
        if nested:  # a flat list has nothing to expand (and asking costs 20,000 calls)
            if len(self.model.titles) <= 2000:
                self.tree.expandAll()
            else:
                self.tree.expandToDepth(0)

    def titles(self) -> list[str]:
        """Every entry's title, in reading order."""
        return list(self.model.titles)

    def top_titles(self) -> list[str]:
        root = QModelIndex()
        return [self.model.index(r, 0, root).data() for r in range(self.model.rowCount(root))]

    def entry_index(self, n: int) -> QModelIndex:
        """The model index of the n-th entry in reading order."""
        return self.model.node_index(n)

    def retitle(self, blocks: Sequence[int], texts: Sequence[str]) -> None:
        """The headings among `blocks` now read as `texts` says (after a script switch)."""
        headings = self._heading_blocks
        for block in blocks:
            if block in headings:
                self.model.set_title(entry_at(self.model.blocks, block), texts[block])

    def retitle_all(self, texts: Sequence[str]) -> None:
        """Every heading reads as `texts` says (the document shown in another script)."""
        self.model.titles = [texts[block] for block in self.model.blocks]
        self.tree.viewport().update()

    def follow(self, block: int) -> None:
        """Select the section that contains `block`, without jumping anywhere."""
        k = entry_at(self.model.blocks, block)
        if k < 0:
            self.tree.clearSelection()
            self.tree.setCurrentIndex(QModelIndex())
            return
        index = self.model.node_index(k)
        if self.tree.currentIndex() != index:
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)

    def first_block(self) -> int:
        """The block of the first entry (0 when there is none)."""
        return self.model.blocks[0] if self.model.blocks else 0

    def current_title(self) -> str:
        index = self.tree.currentIndex()
        return index.data() if index.isValid() else ""

    def entry_count(self) -> int:
        return len(self.model.titles)

    def _on_clicked(self, index: QModelIndex) -> None:
        self.section_chosen.emit(index.data(BLOCK_ROLE))
