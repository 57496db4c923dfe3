"""The reader on large documents: start-up, opening, outline, switching, search, stalls, memory.

    python -m benchmarks.bench_app [--runs N] [--quick] [--json FILE]
                                   [--parts startup side-by-side memory window]

Offscreen Qt, except the side-by-side rows: ZhReader, FBReader (when the
Debian package is installed; skipped with a note otherwise) and a bare
QPlainTextEdit each open the 3M and 30M novels as whole processes on an Xvfb
screen, runs interleaved, timed until their text is on screen (a watcher
grabs the screen every ~13 ms and counts dark pixels where text goes), with
their memory at that moment and ratios to QPlainTextEdit's. Corpora come from benchmarks/corpus.py (deterministic, written
to benchmarks/corpus/, not committed). Each figure is the median of several
runs; figures compared with each other are measured in the same run.
`--quick` uses tiny documents: it only checks that the code paths still work.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks.common import machine

HERE = Path(__file__).resolve().parent
PARTS = ("startup", "side-by-side", "memory", "window")
ARTICLE = "yongchuan-digital-industry.txt"
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
    # Imported here, not at the top: the measured child processes run this module too.
    from benchmarks.bench_epub import make_book
    from benchmarks.corpus import markdown, novel

    outdir = HERE / "corpus" / ("quick" if quick else "full")
    outdir.mkdir(parents=True, exist_ok=True)
    big_chars = 30_000 if quick else 3_000_000
    huge_chars = 300_000 if quick else 30_000_000
    chapters = 200 if quick else 20_000
    specs = {
        "big": (lambda: novel(big_chars), "utf-8", "novel-3m-traditional.txt"),
        "huge": (lambda: novel(huge_chars), "utf-8", "novel-30m-traditional.txt"),
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
    if mode == "watch":
        watch_first_text(args, dict(os.environ))
        return
    if mode == "plain":
        plain_text_edit(args[0])
        return
    if mode == "label":
        label_window()
        return
    start = time.perf_counter()
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    if mode != "bare":
        from reader.runtime import configure_runtime

        configure_runtime()

    app = QApplication.instance() or QApplication([])
    started = time.perf_counter() - start  # Qt imported, QApplication made: the bare window's too
    if mode == "bare":  # the floor: a window showing one label
        window = QMainWindow()
        window.setCentralWidget(QLabel("永川加快建設西部數字産業基地"))
        window.resize(1100, 760)
        window.show()
        app.processEvents()
        window.grab()
        print(json.dumps({"painted": time.perf_counter() - start}), flush=True)
        return
    from PySide6.QtCore import QSettings

    from reader.ui.main_window import MainWindow

    imported = time.perf_counter() - start
    settings = QSettings(str(Path(tempfile.mkdtemp()) / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings)
    window.resize(1100, 760)
    built = time.perf_counter() - start
    window.show()
    if mode == "reader":
        wait(app, window.document_shown, lambda: window.open_initial(None))
        window.grab()
        phases = {"qt": started, "imported": imported, "built": built}
        print(json.dumps({"painted": time.perf_counter() - start, **phases}), flush=True)
    elif mode == "memory":  # the whole document in, not only a long text's beginning
        wait(app, window.document_completed, lambda: window.open_path(args[0]))
        window.grab()
        print(json.dumps({"peak_mb": peak_rss_mb()}), flush=True)
    elif mode == "switching":
        article = str(ROOT / "resources" / "documents" / "yongchuan-digital-industry.txt")
        rss = []
        for i in range(20):
            wait(app, window.document_shown, lambda: window.open_path(article))
            wait(app, window.document_completed, lambda: window.open_path(args[0]))
            window.grab()
            app.processEvents()
            if i in (0, 19):
                rss.append(current_rss_mb())
        print(json.dumps({"after_first": rss[0], "after_last": rss[1]}), flush=True)
    window.close()


def plain_text_edit(path: str) -> None:
    """The floor: a QPlainTextEdit showing the file's text, nothing else (runs in a child)."""
    from PySide6.QtWidgets import QApplication, QPlainTextEdit

    app = QApplication([])
    edit = QPlainTextEdit()
    edit.setReadOnly(True)
    edit.setPlainText(Path(path).read_bytes().decode("utf-8"))
    edit.resize(1100, 760)
    edit.show()
    app.exec()


def label_window() -> None:
    """The start-up floor on screen: a bare window whose one label shows the article's text."""
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication([])
    window = QMainWindow()
    label = QLabel((ROOT / "resources" / "documents" / ARTICLE).read_text(encoding="utf-8"))
    label.setWordWrap(True)
    window.setCentralWidget(label)
    window.resize(1100, 760)
    window.show()
    app.exec()


# On a real X server (Xvfb): the whole process of a reader, until its text is visible.

#: The part of the screen where every contender's text lies (below menus and toolbars).
TEXT_AREA = (60, 120, 980, 580)
#: Dark pixels in TEXT_AREA that mean text is on screen (a line of text has thousands).
TEXT_PIXELS = 2000


def watch_first_text(cmd: list[str], env: dict[str, str], timeout_s: float = 60) -> None:
    """Start `cmd`, grab TEXT_AREA every ~13 ms until it shows text; print seconds and memory.

    Runs in a child on the Xvfb display (xcb platform). The screen's root is
    white, so dark pixels are text (or icons, which TEXT_AREA leaves out).
    The time is from just before the process starts to the first grab that
    shows text: it is late by at most one grab. Memory is the process's
    peak resident set (VmHWM) at that moment.
    """
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    screen = app.primaryScreen()
    dark = bytes(1 if value < 128 else 0 for value in range(256))
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT
    )
    answer: dict[str, float] = {}
    try:
        while time.perf_counter() - start < timeout_s and proc.poll() is None:
            image = screen.grabWindow(0, *TEXT_AREA).toImage()
            grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
            if bytes(grey.constBits()).translate(dark).count(1) >= TEXT_PIXELS:
                answer = {"seconds": time.perf_counter() - start, "peak_mb": _hwm_mb(proc.pid)}
                answer["settled_mb"] = _settled_peak_mb(proc.pid, timeout_s)
                break
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    print(json.dumps(answer or {"error": f"no text on screen in {timeout_s:g} s"}), flush=True)


def _settled_peak_mb(pid: int, timeout_s: float) -> float:
    """Peak memory once the process has gone idle (no CPU time for 0.5 s): its work is done.

    A reader that shows its first screen before it has read the whole text is
    measured again here, with the whole text in.
    """
    deadline = time.perf_counter() + timeout_s
    last, idle = -1, 0
    while idle < 5 and time.perf_counter() < deadline:
        with open(f"/proc/{pid}/stat", encoding="utf-8") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        ticks = int(fields[11]) + int(fields[12])  # utime + stime
        idle = idle + 1 if ticks == last else 0
        last = ticks
        time.sleep(0.1)
    return _hwm_mb(pid)


def _hwm_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status", encoding="utf-8") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


def _cjk_georgia(folder: Path) -> str:
    """A fontconfig file that maps FBReader's default font, Georgia, to Noto Serif CJK TC.

    FBReader's GTK build draws Chinese as boxes of hex codes with its default
    font (no fallback); drawing boxes would flatter its time.
    """
    path = folder / "fonts.conf"
    path.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
        '<match target="pattern"><test name="family"><string>Georgia</string></test>'
        '<edit name="family" mode="prepend" binding="strong">'
        "<string>Noto Serif CJK TC</string></edit></match></fontconfig>",
        encoding="utf-8",
    )
    return str(path)


class Xvfb:
    """A virtual X screen (1200 x 800, white root) for the side-by-side rows.

    Xvfb picks a free display number itself (`-displayfd`): on a shared machine
    another run's screen is never measured by mistake.
    """

    def __init__(self) -> None:
        read, write = os.pipe()
        screen = ["-screen", "0", "1200x800x24", "-wr", "-nolisten", "tcp"]
        self.proc = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write), *screen],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            pass_fds=(write,),
        )
        os.close(write)
        with os.fdopen(read) as answer:  # the number, once the screen accepts clients
            self.display = ":" + answer.readline().strip()

    def first_text(self, cmd: list[str], home: bool = False) -> dict[str, float]:
        """Seconds until `cmd` shows text, and its peak memory, in a fresh settings folder."""
        fresh = tempfile.mkdtemp(prefix="zhreader-bench-home-")
        env = dict(child_env(), DISPLAY=self.display, QT_QPA_PLATFORM="xcb")
        env["XDG_CONFIG_HOME"] = fresh
        if home:
            env["HOME"] = fresh  # FBReader keeps its library and settings in ~/.FBReader
            env["FONTCONFIG_FILE"] = _cjk_georgia(Path(fresh))
        watcher = [sys.executable, "-m", "benchmarks.bench_app", "--child", "watch", *cmd]
        done = subprocess.run(
            watcher, env=env, capture_output=True, text=True, cwd=ROOT, timeout=120, check=False
        )
        lines = done.stdout.strip().splitlines()
        return json.loads(lines[-1]) if lines else {"error": done.stderr.strip()[-200:]}

    def close(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=10)


def start_up_on_screen(runs: int) -> list[Figure]:
    """`zhreader` (the bundled article) and a bare window with one label, whole processes on Xvfb."""
    if shutil.which("Xvfb") is None:
        return []
    commands = {
        "label": [sys.executable, "-m", "benchmarks.bench_app", "--child", "label"],
        "reader": [sys.executable, "-m", "reader"],
    }
    screen = Xvfb()
    times: dict[str, list[float]] = {name: [] for name in commands}
    try:
        for cmd in commands.values():
            screen.first_text(cmd)  # bytecode; not counted
        for _ in range(runs):
            for name, cmd in commands.items():
                answer = screen.first_text(cmd)
                if "seconds" in answer:
                    times[name].append(answer["seconds"])
    finally:
        screen.close()
    if not all(times.values()):
        return []
    label, reader = statistics.median(times["label"]), statistics.median(times["reader"])
    return [
        Figure("on screen: bare window with one label, text visible", label, "s"),
        Figure("on screen: zhreader, the article visible", reader, "s"),
        Figure("on screen: start-up / bare window's", reader / label, "x", 1.2),
    ]


def side_by_side(paths: dict[str, Path], runs: int) -> tuple[list[Figure], list[str]]:
    """ZhReader, FBReader and a plain QPlainTextEdit on the same files, runs interleaved.

    Returns the figures and notes on contenders that were skipped.
    """
    notes: list[str] = []
    if shutil.which("Xvfb") is None:
        return [], ["side-by-side rows skipped: Xvfb is not installed"]
    contenders: dict[str, tuple[list[str], bool]] = {
        "ZhReader": ([sys.executable, "-m", "reader"], False),
        "QPlainTextEdit": (
            [sys.executable, "-m", "benchmarks.bench_app", "--child", "plain"],
            False,
        ),
    }
    if shutil.which("fbreader"):
        contenders["FBReader"] = (["fbreader"], True)
    else:
        notes.append(
            "FBReader rows skipped: fbreader is not installed (Debian: apt install fbreader)"
        )
    screen = Xvfb()
    figures: list[Figure] = []
    try:
        for cmd, home in contenders.values():  # bytecode and font caches; not counted
            screen.first_text([*cmd, str(next(iter(paths.values())))], home)
        for label, path in paths.items():
            seconds: dict[str, list[float]] = {name: [] for name in contenders}
            memory: dict[str, list[float]] = {name: [] for name in contenders}
            settled: dict[str, list[float]] = {name: [] for name in contenders}
            for _ in range(runs):
                for name, (cmd, home) in contenders.items():
                    answer = screen.first_text([*cmd, str(path)], home)
                    if "seconds" in answer:
                        seconds[name].append(answer["seconds"])
                        memory[name].append(answer["peak_mb"])
                        settled[name].append(answer["settled_mb"])
                    else:
                        notes.append(f"{name} on {label}: {answer.get('error', 'no answer')}")
            floor = statistics.median(seconds["QPlainTextEdit"] or [float("nan")])
            floor_mb = statistics.median(settled["QPlainTextEdit"] or [float("nan")])
            for name in contenders:
                if not seconds[name]:
                    continue
                t, mb = statistics.median(seconds[name]), statistics.median(memory[name])
                whole_mb = statistics.median(settled[name])
                figures += [
                    Figure(f"{label}: {name} first text on screen", t, "s"),
                    Figure(f"{label}: {name} memory then", mb, "MB"),
                    Figure(f"{label}: {name} peak memory once idle", whole_mb, "MB"),
                    Figure(f"{label}: {name} time / QPlainTextEdit's", t / floor, "x"),
                    Figure(
                        f"{label}: {name} idle memory / QPlainTextEdit's", whole_mb / floor_mb, "x"
                    ),
                ]
    finally:
        screen.close()
    return figures, notes


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def current_rss_mb() -> float:
    with open("/proc/self/status", encoding="utf-8") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return peak_rss_mb()


def child_env() -> dict[str, str]:
    """The environment of measured processes: bytecode compiled once, as an installed reader's is.

    With PYTHONDONTWRITEBYTECODE set (as on the team's machines) every start
    would compile the reader's sources again, a third of a second that no
    installed copy pays; the bytecode goes to a folder of its own, not the tree.
    """
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(Path(tempfile.gettempdir()) / "zhreader-bench-pycache")
    return env


def run_child(mode: str, *args: str) -> tuple[dict[str, float], float]:
    """Run a child; returns its JSON answer and the wall time until it answered."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "benchmarks.bench_app", "--child", mode, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        cwd=ROOT,
        env=child_env(),
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

    def open_and_paint(path: Path, whole: bool = True) -> float:
        """Seconds to the first paint, or (`whole`) until the whole document and outline are in."""
        signal = window.document_completed if whole else window.document_shown
        t = wait(app, signal, lambda: window.open_path(str(path)))
        t0 = time.perf_counter()
        window.view.viewport().repaint()
        window.outline.tree.viewport().repaint()
        return t + time.perf_counter() - t0

    for key, label in (("big", "UTF-8"), ("big-gb18030", "GB18030")):
        times = [open_and_paint(corpora[key], whole=False) for _ in range(runs)]
        figures.append(
            Figure(f"3M file ({label}): first paint", statistics.median(times), "s", 1.0)
        )
    # A long text is shown from its beginning first; the whole (and its outline) follows.
    times = [open_and_paint(corpora["big"]) for _ in range(runs)]
    figures.append(Figure("3M file: whole document and outline in", statistics.median(times), "s"))

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

    times, wholes, visible = [], [], []
    for _ in range(runs):
        t0 = time.perf_counter()
        times.append(open_and_paint(corpora["epub"], whole=False))  # a big book: its beginning
        if window.session.partial:
            wait(app, window.document_completed, lambda: None)
        wholes.append(time.perf_counter() - t0)
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
        Figure("3M EPUB: whole book and outline in", statistics.median(wholes), "s"),
        Figure("EPUB, switch to 繁體: visible text", statistics.median(visible), "s", 0.1),
    ]

    times = [open_and_paint(corpora["markdown"]) for _ in range(runs)]
    size_mb = corpora["markdown"].stat().st_size / 1e6
    figures.append(
        Figure(f"{size_mb:.1f} MB Markdown: first paint", statistics.median(times), "s", 1.0)
    )

    article = ROOT / "resources" / "documents" / ARTICLE
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


def start_up(runs: int) -> list[Figure]:
    """Fresh processes to first paint: the reader on its article, a bare window with a label."""
    bare, reader, phases = [], [], []
    run_child("bare"), run_child("reader")  # compiles the bytecode; not counted
    for _ in range(runs):  # interleaved: the machine's load falls on both alike
        bare.append(run_child("bare")[1])  # the whole process, from its start to first paint
        answer, seconds = run_child("reader")
        reader.append(seconds)
        phases.append(answer)
    b, r = statistics.median(bare), statistics.median(reader)

    def step(since: str | None, until: str) -> float:
        return statistics.median(p[until] - (p[since] if since else 0.0) for p in phases)

    return [
        Figure("cold start, bare Qt window with one label", b, "s"),
        Figure("cold start, reader on the article", r, "s"),
        Figure("start-up / bare window's", r / b, "x", 1.2),
        # In the reader's process, from just before it imports Qt (Python's own start is not in):
        Figure("reader's start: Qt imported, QApplication made", step(None, "qt"), "s"),
        Figure("reader's start: window's modules imported", step("qt", "imported"), "s"),
        Figure("reader's start: window built", step("imported", "built"), "s"),
        Figure("reader's start: shown, article loaded and painted", step("built", "painted"), "s"),
    ]


def child_figures(corpora: dict[str, Path], runs: int) -> list[Figure]:
    figures: list[Figure] = []
    article = ROOT / "resources" / "documents" / ARTICLE
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
    parser.add_argument(
        "--parts", nargs="+", choices=PARTS, default=list(PARTS), help="what to measure"
    )
    if sys.argv[1:2] == ["--child"]:  # its arguments may be a command line of their own
        child_main(sys.argv[2], sys.argv[3:])
        return 0
    ns = parser.parse_args()
    runs = 1 if ns.quick else ns.runs
    corpora = make_corpora(ns.quick)
    figures: list[Figure] = []
    notes: list[str] = []
    if "startup" in ns.parts:
        figures += start_up(runs) + start_up_on_screen(runs)
    if "side-by-side" in ns.parts:
        small, large = ("30k", "300k") if ns.quick else ("3M", "30M")
        side, notes = side_by_side(
            {f"{small} TXT": corpora["big"], f"{large} TXT": corpora["huge"]}, runs
        )
        figures += side
    if "memory" in ns.parts:
        figures += child_figures(corpora, runs)
    if "window" in ns.parts:
        figures += in_process(corpora, runs)
    print(f"Machine: {machine()}; offscreen (side-by-side rows: Xvfb); median of {runs} run(s)\n")
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
                "notes": notes,
                "figures": [dict(vars(f), meets=f.meets) for f in figures],
            },
            ensure_ascii=False,
            indent=2,
        ),
        encoding="utf-8",
    )
    for note in notes:
        print(f"\nNote: {note}")
    print(f"\nJSON: {ns.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
