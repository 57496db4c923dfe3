"""EPUB: opening and preparing a large book, writing a converted copy, parsers compared.

    python -m benchmarks.bench_epub [--chars N] [--chapters N] [--runs N] [--quick] [--json FILE]
    python -m benchmarks.bench_epub --book FILE.epub [--runs N]   # a real book instead
    python -m benchmarks.bench_epub [--book FILE.epub] --paint [--runs N]   # first paint only

The book is generated (benchmarks/corpus.py's novel, Simplified, one XHTML file
per chapter, a bold phrase in every paragraph, nav). Figures are medians; those
compared with each other are measured in the same run. First paint is measured
twice, interleaved: the book read whole before it is shown (as before the book
was read beginning first) and its beginning shown first, in the core
(`open_in_steps` + `prepare`) and in an offscreen window (open until painted,
until the whole book is in, and the GUI thread's worst stall meanwhile). Per-node against
per-paragraph conversion counts paragraphs whose converted text differs when
each text node is converted alone.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks.common import interleaved_medians, machine, median_seconds
from benchmarks.corpus import novel
from reader.core import opening
from reader.core.convert import convert, convert_chunked
from reader.core.files import write_atomically
from reader.core.formats.epub import open_epub
from reader.core.formats.epub_writer import convert_epub
from reader.core.opening import open_document
from reader.core.rendition import prepare
from tests.epub_books import nav_xhtml, opf, write_epub, xhtml


def make_book(path: Path, chars: int, chapters: int, seed: int = 11) -> tuple[str, list[bytes]]:
    """Write the book; returns its plain text and the chapter files."""
    per = chars // chapters
    text = novel(chars, script="simplified", seed=seed, chapter_chars=(per, per), chapters=chapters)
    rng = random.Random(seed)
    parts = text.split("\n\n")
    title = parts[0].strip("《》\n")
    files: dict[str, str] = {}
    toc = []
    for n, part in enumerate(p for p in parts[1:] if p.strip()):
        lines = part.strip("\n").split("\n")
        body = [f'<h2 id="c{n}">{html.escape(lines[0])}</h2>']
        for line in lines[1:]:
            t = html.escape(line.strip())
            if len(t) > 8:
                k = rng.randrange(1, len(t) - 4)
                t = f"{t[:k]}<b>{t[k : k + 2]}</b>{t[k + 2 :]}"
            body.append(f"<p>{t}</p>")
        name = f"c{n:03d}.xhtml"
        files[name] = "\n".join(body)
        toc.append((lines[0], name, []))
    members: dict[str, str | bytes] = {f"OEBPS/{k}": xhtml(v, "zh-CN") for k, v in files.items()}
    members["OEBPS/nav.xhtml"] = nav_xhtml(toc, "zh-CN")
    members["OEBPS/style.css"] = "p { text-indent: 2em }\n"
    members["OEBPS/content.opf"] = opf(list(files), title=title, language="zh-CN")
    write_epub(path, members)
    return text, [members[f"OEBPS/{k}"].encode() for k in files]  # type: ignore[union-attr]


def parsers(chapters: list[bytes], runs: int) -> dict[str, float]:
    """Parse and walk every chapter with each parser (selectolax only when installed)."""
    from lxml import etree
    from lxml import html as lxml_html

    def walk(root) -> int:
        n = 0
        for event, el in etree.iterwalk(root, events=("start", "end")):
            text = el.text if event == "start" else el.tail
            n += len(text or "")
        return n

    xml_parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True)
    cases = {
        "lxml XML (recover)": lambda: sum(walk(etree.fromstring(c, xml_parser)) for c in chapters),
        "lxml.html": lambda: sum(walk(lxml_html.fromstring(c)) for c in chapters),
    }
    try:
        from selectolax.lexbor import LexborHTMLParser

        def lexbor() -> int:
            n = 0
            for c in chapters:
                for node in LexborHTMLParser(c).body.traverse(include_text=True):
                    if node.tag == "-text":
                        n += len(node.text_content or "")
            return n

        cases["selectolax (lexbor)"] = lexbor
    except ImportError:
        pass
    return {name: median_seconds(fn, runs) for name, fn in cases.items()}


def first_paint(book: Path, runs: int) -> list[dict[str, object]]:
    """The book read whole before it is shown, against its beginning shown first."""
    figures: list[dict[str, object]] = []

    def add(name: str, value: float, unit: str = "s", target: str = "") -> None:
        figures.append({"name": name, "value": round(value, 3), "unit": unit, "target": target})

    def at_once() -> None:
        for document, _ in opening.open_in_steps(book, beginning_first=False):
            prepare(document)

    first: list[float] = []

    def in_steps() -> None:
        start = time.perf_counter()
        for document, whole in opening.open_in_steps(book):
            prepare(document)
            if not whole:
                first.append(time.perf_counter() - start)

    steps = list(opening.open_in_steps(book))
    if len(steps) == 2:  # the property the window relies on, checked on this book
        (beginning, _), (whole, _) = steps
        pairs = list(zip(beginning.blocks, whole.blocks, strict=False))
        same = all((a.kind, a.text, a.runs) == (b.kind, b.text, b.runs) for a, b in pairs) and all(
            whole.anchors.get(key) == index for key, index in beginning.anchors.items()
        )
        add("beginning: blocks", len(beginning.blocks), "blocks")
        add("beginning: the whole book's first blocks and anchors (1 = yes)", int(same), "")
        add("beginning: headings a level off (levels made dense over what is read)",
            sum(a != b for a, b in pairs), "blocks")  # fmt: skip
    times = interleaved_medians({"at once": at_once, "in steps": in_steps}, runs)
    add("core: book read whole, then prepared (before)", times["at once"])
    add("core: beginning read and prepared (now)", statistics.median(first) if first else 0)
    add("core: whole book, read in steps (now)", times["in steps"])
    for name, value in window_paint(book, runs).items():
        add(name, value, "ms" if "stall" in name else "s", "≤ 1 s" if "first paint" in name else "")
    return figures


def window_paint(book: Path, runs: int) -> dict[str, float]:
    """First paint, whole book in, and the worst GUI stall until then, in an offscreen window:
    the book read whole (before; `BEGINNING_CHARS` 0) and beginning first (now), interleaved."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from benchmarks.bench_app import StallMeter
    from reader.runtime import configure_runtime
    from reader.ui.main_window import MainWindow

    configure_runtime()  # as `zhreader` runs
    app = QApplication.instance() or QApplication([])
    settings = QSettings(str(Path(tempfile.mkdtemp()) / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings)
    window.resize(1100, 760)
    window.show()
    app.processEvents()
    beginning = opening.BEGINNING_CHARS
    times: dict[str, list[float]] = {}

    def open_book(chars: int) -> tuple[float, float, float]:
        opening.BEGINNING_CHARS = chars
        shown: list[float] = []
        done: list[float] = []
        on_shown = window.document_shown.connect(lambda: shown.append(time.perf_counter()))
        on_done = window.document_completed.connect(lambda: done.append(time.perf_counter()))
        meter = StallMeter()
        meter.start()
        t0 = time.perf_counter()
        window.open_path(str(book))
        while not shown:
            app.processEvents()
            time.sleep(0.0005)
        window.view.viewport().repaint()
        window.outline.tree.viewport().repaint()
        painted = time.perf_counter() - t0
        while not done:
            app.processEvents()
            time.sleep(0.0005)
        whole = time.perf_counter() - t0
        worst, _ = meter.stop()
        window.document_shown.disconnect(on_shown)
        window.document_completed.disconnect(on_done)
        return painted, whole, worst * 1000

    try:
        open_book(beginning)  # warm-up: imports, fonts, caches
        for _ in range(runs):
            for label, chars in (("before: read whole", 0), ("now: beginning first", beginning)):
                painted, whole, stall = open_book(chars)
                for part, value in (
                    ("first paint", painted),
                    ("whole book and outline in", whole),
                    ("worst GUI stall until whole", stall),
                ):
                    times.setdefault(f"window, {label}: {part}", []).append(value)
    finally:
        opening.BEGINNING_CHARS = beginning
        window.close()
    return {name: statistics.median(values) for name, values in times.items()}


def per_node_differences(text: str, seed: int = 5) -> tuple[int, int]:
    """Paragraphs cut once at random (as inline markup cuts them) whose per-node conversion
    differs from the per-paragraph one; and how many paragraphs there were."""
    rng = random.Random(seed)
    paragraphs = [p.strip() for p in text.split("\n") if len(p.strip()) > 8]
    differ = 0
    for p in paragraphs:
        k = rng.randrange(1, len(p) - 1)
        if convert(p[:k], ("s2t",)) + convert(p[k:], ("s2t",)) != convert(p, ("s2t",)):
            differ += 1
    return differ, len(paragraphs)


def run(chars: int, chapters: int, runs: int) -> list[dict[str, object]]:
    figures: list[dict[str, object]] = []

    def add(name: str, value: float, unit: str = "s", target: str = "") -> None:
        figures.append({"name": name, "value": round(value, 3), "unit": unit, "target": target})

    with tempfile.TemporaryDirectory() as tmp:
        book = Path(tmp) / "book.epub"
        text, files = make_book(book, chars, chapters)
        add("book size", book.stat().st_size / 1e6, "MB")
        add("characters", len(text), "chars")
        for name, seconds in parsers(files, runs).items():
            add(f"parse+walk: {name}", seconds)
        add("open_epub", median_seconds(lambda: open_epub(book), runs))
        doc = open_epub(book)
        add("prepare", median_seconds(lambda: prepare(doc), runs))
        add(
            "open + prepare (core part of first paint)",
            median_seconds(lambda: prepare(open_epub(book)), runs),
            target="≤ 1 s overall",
        )
        plain = Path(tmp) / "book.txt"
        plain.write_text(text, encoding="utf-8")
        add(
            "the same text as TXT: open + prepare",
            median_seconds(lambda: prepare(open_document(plain)), runs),
        )
        out = Path(tmp) / "out.epub"
        txt = Path(tmp) / "out.txt"
        add(
            "converted EPUB (s2t)",
            median_seconds(lambda: convert_epub(book, out, ("s2t",), "zh-Hant"), max(1, runs // 2)),
        )

        def as_txt() -> None:
            write_atomically(txt, (convert_chunked(text, ("s2t",)) or "").encode("utf-8"))

        add(
            "zhreader convert of the same text as TXT (s2t)",
            median_seconds(as_txt, max(1, runs // 2)),
        )
        differ, total = per_node_differences(text[: min(len(text), 400_000)])
        add("paragraphs cut once: per-node conversion differs", 100 * differ / max(1, total), "%")
        figures += first_paint(book, runs)
    return figures


def real_book(book: Path, runs: int) -> list[dict[str, object]]:
    """Opening and converting a real EPUB, against its text as TXT (s2t, or t2s for a
    Traditional book)."""
    figures: list[dict[str, object]] = []

    def add(name: str, value: float, unit: str = "s") -> None:
        figures.append({"name": name, "value": round(value, 3), "unit": unit, "target": ""})

    doc = open_epub(book)
    chain = ("t2s",) if prepare(doc).script.value != "simplified" else ("s2t",)
    add("characters", len(doc.text), "chars")
    add("open_epub", median_seconds(lambda: open_epub(book), runs))
    add("open + prepare", median_seconds(lambda: prepare(open_epub(book)), runs))
    with tempfile.TemporaryDirectory() as tmp:
        out, txt = Path(tmp) / "out.epub", Path(tmp) / "out.txt"
        times = interleaved_medians(
            {
                f"converted EPUB ({chain[0]})": lambda: convert_epub(book, out, chain, ""),
                f"the same text as TXT ({chain[0]})": lambda: write_atomically(
                    txt, (convert_chunked(doc.text, chain) or "").encode("utf-8")
                ),
            },
            runs,
        )
        for name, seconds in times.items():
            add(name, seconds)
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=3_000_000)
    parser.add_argument("--chapters", type=int, default=100)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="a tiny book: the code paths only")
    parser.add_argument("--json", help="write the figures here")
    parser.add_argument("--book", type=Path, help="measure this EPUB instead of a generated one")
    parser.add_argument("--paint", action="store_true", help="first paint only")
    ns = parser.parse_args(argv)
    if ns.quick:
        ns.chars, ns.chapters, ns.runs = 20_000, 4, 1
    if ns.paint:
        with tempfile.TemporaryDirectory() as tmp:
            book = ns.book or Path(tmp) / "book.epub"
            if not ns.book:
                make_book(book, ns.chars, ns.chapters)
            figures = first_paint(book, ns.runs)
    elif ns.book:
        figures = real_book(ns.book, ns.runs) + first_paint(ns.book, ns.runs)
    else:
        figures = run(ns.chars, ns.chapters, ns.runs)
    print(f"{machine()}\n\n| figure | value | target |\n|---|---|---|")
    for f in figures:
        print(f"| {f['name']} | {f['value']} {f['unit']} | {f['target']} |")
    if ns.json:
        Path(ns.json).write_text(
            json.dumps({"machine": machine(), "figures": figures}, ensure_ascii=False, indent=2),
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
