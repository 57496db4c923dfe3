"""Turning back before the pages are counted: every page has a page before it that shows."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QFont

from reader.core.opening import open_document
from reader.core.rendition import prepare
from reader.ui.themes import THEMES
from reader.ui.view.layout import BlockLayouter
from reader.ui.view.paged_view import HorizontalPages
from reader.ui.view.vertical import VerticalLayouter, VerticalPages, count_pages

CORPUS = Path(__file__).resolve().parent / "corpus" / "real"


@pytest.mark.parametrize("vertical", [False, True])
def test_the_page_before_any_page_can_be_shown(qtbot, vertical):
    """A page following a block whose space after fills the page before it: turning back
    from it (as PageUp does until the count is in) must give a page that can be drawn."""
    prepared = prepare(open_document(CORPUS / "docsify-quickstart.md"))
    blocks, texts = prepared.document.blocks, prepared.texts
    font = QFont("Noto Serif CJK TC")
    kind, layouter = (
        (VerticalPages, VerticalLayouter) if vertical else (HorizontalPages, BlockLayouter)
    )
    for width, height in ((300, 400), (450, 620), (333.3, 517.7)):
        pages = kind(layouter(font, 19.0, 170), blocks, texts, THEMES["light"], width, height)
        for start in count_pages(pages)[1:]:
            earlier = pages.previous_start(start)
            assert earlier is not None and earlier < start
            shown = pages.page(earlier)  # raised IndexError past a block's last slot
            assert shown.parts
