"""Full screen that shows only the page: the bars come back when the pointer touches the top."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QMainWindow, QToolBar, QWidget
from shiboken6 import isValid


class FullScreen(QObject):
    """Puts a reader window in and out of full screen, hiding and restoring its chrome.

    `panels` (docks, the status bar) are hidden in full screen and get their
    visibility back after; the menu bar and toolbars show while the pointer is
    at the top edge of `page`.
    """

    def __init__(self, window: QMainWindow, page: QWidget, panels: list[QWidget]):
        super().__init__(window)
        self.window, self.panels = window, panels
        self._visible_before = [True] * len(panels)
        page.installEventFilter(self)

    @property
    def on(self) -> bool:
        return self.window.isFullScreen()

    def set(self, on: bool) -> None:
        if on == self.on:
            return
        if on:
            self._visible_before = [p.isVisible() for p in self.panels]
            self.window.showFullScreen()
            for panel in self.panels:
                panel.hide()
        else:
            self.window.showNormal()
            for panel, visible in zip(self.panels, self._visible_before, strict=True):
                panel.setVisible(visible)
        self._show_bars(not on)

    def _show_bars(self, on: bool) -> None:
        self.window.menuBar().setVisible(on)
        for bar in self.window.findChildren(QToolBar):
            bar.setVisible(on)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.MouseMove or not isValid(self.window):
            return False  # the window may be going away while its page still gets events
        if self.on:
            y = self.window.mapFromGlobal(event.globalPosition().toPoint()).y()
            reach = self.window.menuBar().sizeHint().height() * 3
            if y <= 2 and not self.window.menuBar().isVisible():
                self._show_bars(True)
            elif y > reach and self.window.menuBar().isVisible():
                self._show_bars(False)
        return False
