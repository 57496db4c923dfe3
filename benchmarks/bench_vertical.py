"""Vertical reading (直排) on a 3M-character novel: page turns, first paint, switching direction.

    python -m benchmarks.bench_vertical [--chars N] [--turns N]

Offscreen Qt, the window's own view (PagedView) at 1100×760. A page turn is
the key press to the repainted page (viewport.repaint() paints at once, as a
visible window does); first paint is switching to vertical until the first
page is painted; switching direction is vertical → horizontal → vertical, each
way timed alone; then the same turns with horizontal pages (View ▸ Paged).
Targets (issue #17): page turn ≤ 16 ms median and ≤ 50 ms worst, first paint
≤ 1 s, switching ≤ 0.2 s. Pages are counted in a worker
meanwhile (from 300 ms after the switch), as in the window: pages are turned
without a pause from the switch until the count is in (at most --turns), and
reported apart; then, the count in, --turns more.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks.common import machine
from benchmarks.corpus import novel


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=3_000_000)
    parser.add_argument("--turns", type=int, default=200)
    args = parser.parse_args()

    from PySide6.QtCore import Qt, QThreadPool
    from PySide6.QtGui import QFont, QKeyEvent
    from PySide6.QtWidgets import QApplication

    from reader.core.convert import ScriptMode
    from reader.core.opening import open_document
    from reader.core.rendition import Rendition, prepare
    from reader.runtime import freeze_open_document
    from reader.ui.view.paged_view import PagedView

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "novel.txt"
        path.write_text(novel(args.chars, seed=7), encoding="utf-8")
        prepared = prepare(open_document(path))
    rendition = Rendition(prepared, ScriptMode.ORIGINAL, None)
    freeze_open_document()  # as the window does once a document is open
    view = PagedView()
    view.resize(1100, 760)
    view.show()
    font = QFont("Noto Serif CJK TC")
    font.setPointSize(14)
    view.set_rendition(rendition, font, 19.0, 170)
    view.scroll_to_block(len(prepared.texts) // 2)
    app.processEvents()

    start = time.perf_counter()
    view.set_vertical(True)
    view.viewport().repaint()
    first_paint = time.perf_counter() - start

    key = QKeyEvent(QKeyEvent.Type.KeyPress, Qt.Key.Key_PageDown, Qt.KeyboardModifier.NoModifier)
    switched = time.perf_counter() - first_paint
    while_counting = []  # turned without a pause from the switch until the count is in
    while view.page_count() == 0 and len(while_counting) < args.turns:
        start = time.perf_counter()
        view.keyPressEvent(key)
        view.viewport().repaint()
        while_counting.append(time.perf_counter() - start)
        app.processEvents()
    while view.page_count() == 0:
        app.processEvents()
        QThreadPool.globalInstance().waitForDone(20)
    count_in = time.perf_counter() - switched
    turns = []
    for _ in range(args.turns):
        start = time.perf_counter()
        view.keyPressEvent(key)
        view.viewport().repaint()
        turns.append(time.perf_counter() - start)
        app.processEvents()

    counted = view.page_count()

    # Horizontal pages (View ▸ Paged), the same novel.
    view.set_mode(False, True)
    while view.page_count() == 0:
        app.processEvents()
        QThreadPool.globalInstance().waitForDone(20)
    horizontal = []
    for _ in range(args.turns):
        start = time.perf_counter()
        view.keyPressEvent(key)
        view.viewport().repaint()
        horizontal.append(time.perf_counter() - start)
        app.processEvents()
    view.set_mode(True, True)

    switches = []
    for _ in range(5):
        for on in (False, True):
            start = time.perf_counter()
            view.set_vertical(on)
            view.viewport().repaint()
            switches.append(time.perf_counter() - start)
    QThreadPool.globalInstance().waitForDone()

    print(machine())
    print(f"{args.chars:,} characters, {len(prepared.texts):,} blocks, {counted:,} pages")
    for label, times in (
        ("page turn", turns),
        ("page turn while pages are counted", while_counting),
        ("horizontal page turn (View ▸ Paged)", horizontal),
    ):
        if times:
            ms = [t * 1000 for t in times]
            print(
                f"{label}: median {statistics.median(ms):.1f} ms, worst {max(ms):.1f} ms "
                f"over {len(ms)} turns (target ≤ 16 / ≤ 50)"
            )
    print(
        f"pages counted {count_in:.2f} s after the switch "
        f"({len(while_counting)} turns taken meanwhile, then none)"
    )
    print(f"first paint in vertical: {first_paint * 1000:.0f} ms (target ≤ 1000)")
    print(
        f"switching direction: median {statistics.median(switches) * 1000:.0f} ms, "
        f"worst {max(switches) * 1000:.0f} ms (target ≤ 200)"
    )


if __name__ == "__main__":
    main()
