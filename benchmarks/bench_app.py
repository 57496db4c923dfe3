"""The reader on large documents: start-up, opening, outline, switching, search, stalls, memory.

    python -m benchmarks.bench_app [--runs N] [--quick] [--json FILE]

Offscreen Qt. Corpora come from benchmarks/corpus.py (deterministic, written
to benchmarks/corpus/, not committed). Each figure is the median of several
runs; figures compared with each other are measured in the same run.
`--quick` uses tiny documents: it only checks that the code paths still work.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks.bench_epub import make_book
from benchmarks.common import machine
from benchmarks.corpus import markdown, novel

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


@dataclass
class Figure:
    """One measured figure with its target (None: reported only)."""

    name: str
    value: float
    unit: str
    target: float | None = None
    higher_is_better: bool = False

    @property
    def meets(self) -> bool | None:
        if self.target is None:
            return None
        return self.value >= self.target if self.higher_is_better else self.value <= self.target


def make_corpora(quick: bool) -> dict[str, Path]:
    """The benchmark documents; small ones in `quick` mode."""
    outdir = HERE / "corpus" / ("quick" if quick else "full")
    outdir.mkdir(parents=True, exist_ok=True)
    big_chars = 30_000 if quick else 3_000_000
    chapters = 200 if quick else 20_000
    specs = {
        "big": (lambda: novel(big_chars), "utf-8", "novel-3m-traditional.txt"),
        "big-gb18030": (lambda: novel(big_chars), "gb18030", "novel-3m-traditional-gb18030.txt"),
        "chapters": (
            lambda: novel(0, chapter_chars=(80, 160), chapters=chapters),
            "utf-8",
            "novel-20000-chapters.txt",
        ),
        "markdown": (
            lambda: markdown(10_000 if quick else 350_000),  # about 1 MB of UTF-8
            "utf-8",
            "manual-1mb.md",
        ),
    }
    paths = {}
    book = outdir / "book-3m-100-chapters.epub"
    if not book.exists():
        make_book(book, 30_000 if quick else 3_000_000, 5 if quick else 100)
    paths["epub"] = book
    for key, (make, encoding, name) in specs.items():
        path = outdir / name
        if not path.exists():
            path.write_bytes(make().encode(encoding))
        paths[key] = path
    return paths


# Child processes: start-up and memory must be measured in fresh interpreters.


def child_main(mode: str, args: list[str]) -> None:
    """Run inside a child process; prints one JSON line."""
    start = time.perf_counter()
    from PySide6.QtWidgets import QApplication, QMainWindow

    if mode != "bare":
        from reader.runtime import configure_runtime

        configure_runtime()

    app = QApplication.instance() or QApplication([])
    if mode == "bare":
        window = QMainWindow()
        window.resize(1100, 760)
        window.show()
        app.processEvents()
        window.grab()
        print(json.dumps({"painted": time.perf_counter() - start}), flush=True)
        return
    from PySide6.QtCore import QSettings

    from reader.ui.main_window import MainWindow

    settings = QSettings(str(Path(tempfile.mkdtemp()) / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings)
    window.resize(1100, 760)
    window.show()
    if mode == "reader":
        wait(app, window.document_shown, lambda: window.open_initial(None))
        window.grab()
        print(json.dumps({"painted": time.perf_counter() - start}), flush=True)
    elif mode == "memory":
        wait(app, window.document_shown, lambda: window.open_path(args[0]))
        window.grab()
        print(json.dumps({"peak_mb": peak_rss_mb()}), flush=True)
    elif mode == "switching":
        article = str(ROOT / "resources" / "documents" / "yongchuan-digital-industry.txt")
        rss = []
        for i in range(20):
            wait(app, window.document_shown, lambda: window.open_path(article))
            wait(app, window.document_shown, lambda: window.open_path(args[0]))
            window.grab()
            app.processEvents()
            if i in (0, 19):
                rss.append(current_rss_mb())
        print(json.dumps({"after_first": rss[0], "after_last": rss[1]}), flush=True)
    window.close()


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def current_rss_mb() -> float:
    with open("/proc/self/status", encoding="utf-8") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return peak_rss_mb()


def run_child(mode: str, *args: str) -> tuple[dict[str, float], float]:
    """Run a child; returns its JSON answer and the wall time until it answered."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "benchmarks.bench_app", "--child", mode, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        cwd=ROOT,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - start
    proc.wait(timeout=300)
    return json.loads(line), elapsed


# In-process measurements


def wait(app, signal, start: Callable[[], object], timeout_s: float = 120) -> float:
    """Call `start`, spin the event loop until `signal` fires; returns the seconds taken."""
    fired = []
    signal.connect(lambda *a: fired.append(time.perf_counter()))
    t0 = time.perf_counter()
    start()
    while not fired:
        app.processEvents()
        if time.perf_counter() - t0 > timeout_s:
            raise TimeoutError(f"{signal} did not fire in {timeout_s} s")
        time.sleep(0.0005)
    signal.disconnect()
    return fired[0] - t0


class StallMeter:
    """A 10 ms timer on the GUI thread; how late each tick comes is the stall."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.late: list[float] = []
        self._last = time.perf_counter()
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.late.append(max(0.0, now - self._last - 0.010))
        self._last = now

    def start(self) -> None:
        self._last = time.perf_counter()
        self.timer.start()

    def stop(self) -> tuple[float, float]:
        self.timer.stop()
        if not self.late:
            return 0.0, 0.0
        ordered = sorted(self.late)
        p99 = ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))]
        return ordered[-1], p99


def in_process(corpora: dict[str, Path], runs: int) -> list[Figure]:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from reader.core.convert import ScriptMode
    from reader.runtime import configure_runtime
    from reader.ui.main_window import MainWindow

    configure_runtime()  # as `zhreader` runs
    app = QApplication.instance() or QApplication([])
    settings = QSettings(str(Path(tempfile.mkdtemp()) / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings)
    window.resize(1100, 760)
    window.show()
    app.processEvents()
    figures: list[Figure] = []

    def open_and_paint(path: Path) -> float:
        t = wait(app, window.document_shown, lambda: window.open_path(str(path)))
        t0 = time.perf_counter()
        window.view.viewport().repaint()
        window.outline.tree.viewport().repaint()
        return t + time.perf_counter() - t0

    for key, label in (("big", "UTF-8"), ("big-gb18030", "GB18030")):
        times = [open_and_paint(corpora[key]) for _ in range(runs)]
        figures.append(
            Figure(f"3M file ({label}): first paint", statistics.median(times), "s", 1.0)
        )
    # The outline is built by the loading worker and shown with the first paint, so it has
    # no figure of its own: "first paint" is also when the outline is complete.

    visible, whole, stalls, p99s = [], [], [], []
    for _ in range(runs):
        open_and_paint(corpora["big"])
        window.go_to_block(window.view.block_count() // 2)
        meter = StallMeter()
        meter.start()
        finished: list[float] = []
        window.conversion_finished.connect(lambda f=finished: f.append(time.perf_counter()))
        t0 = time.perf_counter()
        visible.append(
            wait(
                app, window.visible_converted, lambda: window.set_script_mode(ScriptMode.SIMPLIFIED)
            )
        )
        while not finished:
            app.processEvents()
            time.sleep(0.0005)
        window.conversion_finished.disconnect()
        whole.append(finished[0] - t0)
        worst, p99 = meter.stop()
        stalls.append(worst)
        p99s.append(p99)
        wait(app, window.conversion_finished, lambda: window.set_script_mode(ScriptMode.ORIGINAL))
    figures += [
        Figure("switch to 简体: visible text converted", statistics.median(visible), "s", 0.1),
        Figure("switch to 简体: whole 3M converted", statistics.median(whole), "s", 6.0),
        Figure("GUI stall during conversion: worst", statistics.median(stalls) * 1000, "ms", 50),
        Figure("GUI stall during conversion: p99", statistics.median(p99s) * 1000, "ms", None),
    ]

    open_and_paint(corpora["big"])
    window.find_bar.open_bar()
    found = []
    for query in ("发展", "数据", "时间"):
        for _ in range(runs):
            found.append(wait(app, window.search_finished, lambda q=query: window.search(q)))
    figures.append(Figure("find across scripts on 3M", statistics.median(found), "s", 0.15))
    window.find_bar.close_bar()

    times, visible = [], []
    for _ in range(runs):
        times.append(open_and_paint(corpora["epub"]))
        window.go_to_block(window.view.block_count() // 2)
        done: list[float] = []
        window.conversion_finished.connect(lambda d=done: d.append(time.perf_counter()))
        visible.append(  # the book is Simplified: to 繁體
            wait(
                app,
                window.visible_converted,
                lambda: window.set_script_mode(ScriptMode.TRADITIONAL),
            )
        )
        while not done:
            app.processEvents()
            time.sleep(0.0005)
        window.conversion_finished.disconnect()
        wait(app, window.conversion_finished, lambda: window.set_script_mode(ScriptMode.ORIGINAL))
    figures += [
        Figure("3M, 100-chapter EPUB: first paint", statistics.median(times), "s", 1.0),
        Figure("EPUB, switch to 繁體: visible text", statistics.median(visible), "s", 0.1),
    ]

    times = [open_and_paint(corpora["markdown"]) for _ in range(runs)]
    size_mb = corpora["markdown"].stat().st_size / 1e6
    figures.append(
        Figure(f"{size_mb:.1f} MB Markdown: first paint", statistics.median(times), "s", 1.0)
    )

    article = ROOT / "resources" / "documents" / "yongchuan-digital-industry.txt"
    open_and_paint(article)
    pdf = Path(tempfile.mkdtemp()) / "article.pdf"
    pdf_times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        window.exporter.write_pdf(str(pdf), window.session.rendition)
        pdf_times.append(time.perf_counter() - t0)
    figures.append(Figure("PDF of the article", statistics.median(pdf_times), "s", 2.0))

    open_and_paint(corpora["big"])
    meter = StallMeter()
    meter.start()
    t = wait(
        app,
        window.exporter.exported,
        lambda: window.exporter.write_pdf_in_background(str(pdf), window.session.rendition),
        timeout_s=600,
    )
    worst, _ = meter.stop()
    figures += [
        Figure("PDF of the 3M novel, in a worker", t, "s", None),
        Figure("GUI stall while it is written: worst", worst * 1000, "ms", 50),
    ]

    usable, scroll = [], []
    for _ in range(runs):
        usable.append(open_and_paint(corpora["chapters"]))
        t0 = time.perf_counter()
        window.outline.tree.scrollToBottom()
        window.outline.tree.viewport().repaint()
        scroll.append(time.perf_counter() - t0)
    figures += [
        Figure(
            f"{window.outline.entry_count():,}-entry outline usable",
            statistics.median(usable),
            "s",
            0.5,
        ),
        Figure("outline scrolled to the end", statistics.median(scroll), "s", None),
    ]
    window.close()
    return figures


def child_figures(corpora: dict[str, Path], runs: int) -> list[Figure]:
    bare = [run_child("bare")[1] for _ in range(runs)]
    reader = [run_child("reader")[1] for _ in range(runs)]
    figures = [
        Figure("cold start, bare Qt window", statistics.median(bare), "s"),
        Figure("cold start, reader on the article", statistics.median(reader), "s"),
        Figure(
            "start-up over bare Qt", statistics.median(reader) - statistics.median(bare), "s", 0.35
        ),
    ]
    article = ROOT / "resources" / "documents" / "yongchuan-digital-industry.txt"
    for label, path, target in (
        ("article", article, None),
        ("3M UTF-8", corpora["big"], 400.0),
        ("3M GB18030", corpora["big-gb18030"], 400.0),
        ("20,000 chapters", corpora["chapters"], None),
    ):
        answer, _ = run_child("memory", str(path))
        figures.append(Figure(f"peak memory, {label}", answer["peak_mb"], "MB", target))
    answer, _ = run_child("switching", str(corpora["big"]))
    growth = 100 * (answer["after_last"] - answer["after_first"]) / answer["after_first"]
    figures.append(Figure("memory growth over 20 switches", growth, "%", 10.0))
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="tiny documents, one run")
    parser.add_argument("--json", type=Path, default=HERE / "results" / "bench_app.json")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    ns = parser.parse_args()
    if ns.child:
        child_main(ns.child[0], ns.child[1:])
        return 0
    runs = 1 if ns.quick else ns.runs
    corpora = make_corpora(ns.quick)
    figures = child_figures(corpora, runs) + in_process(corpora, runs)
    print(f"Machine: {machine()}; offscreen; median of {runs} run(s)\n")
    print("| figure | value | target | |")
    print("|---|---|---|---|")
    for f in figures:
        target = "" if f.target is None else f"≤ {f.target:g} {f.unit}"
        verdict = "" if f.meets is None else ("pass" if f.meets else "MISS")
        print(f"| {f.name} | {f.value:.3f} {f.unit} | {target} | {verdict} |")
    ns.json.parent.mkdir(parents=True, exist_ok=True)
    ns.json.write_text(
        json.dumps(
            {
                "machine": machine(),
                "runs": runs,
                "quick": ns.quick,
                "figures": [dict(vars(f), meets=f.meets) for f in figures],
            },
            ensure_ascii=False,
            indent=2,
        ),
        encoding="utf-8",
    )
    print(f"\nJSON: {ns.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
