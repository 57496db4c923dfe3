"""Conversion review: what segments cost beside conversion, and what each mark level marks.

    python -m benchmarks.bench_review [--chars N] [--runs N]

Real prose (benchmarks/data: 红楼梦 and 水浒传 in Simplified, 官場現形記 and
二十年目睹之怪現狀 in Traditional) repeated to about `--chars` characters, cut
into its lines as the reader cuts a TXT file into blocks. "convert" is
`convert` block by block (guard included, what the reader displays);
"segments" is `block_segments` for every block given its displayed text; both
interleaved, medians. Marks: how many Han characters each level of View ▸ Show
Conversion Changes underlines on the real prose (not repeated). Known errors:
the cases of tests/data/opencc_errors.tsv, segments computed on OpenCC's own
(unguarded) output, counted as caught when a marked span covers a wrong character.
"""

from __future__ import annotations

import argparse
import csv
import lzma
from pathlib import Path

from benchmarks.common import interleaved_medians, machine
from reader.core.convert import convert
from reader.core.segments import Segment, block_segments, changed_runs, review_tables

DATA = Path(__file__).parent / "data"
ERRORS = Path(__file__).parent.parent / "tests" / "data" / "opencc_errors.tsv"
CASES = (("s2t", "simplified"), ("s2twp", "simplified"), ("t2s", "traditional"))
TARGET = 1.3


def prose(script: str) -> str:
    """The real prose in `script` (about 135,000 characters)."""
    return lzma.decompress((DATA / f"prose-{script}.txt.xz").read_bytes()).decode()


def is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def speed(chain: tuple[str, ...], text: str, runs: int) -> dict[str, float]:
    """Seconds to convert `text` block by block, and to compute every block's segments."""
    lines = text.split("\n")
    review_tables(chain)  # built once per process, as in the reader
    shown = [convert(line, chain) for line in lines]
    times = interleaved_medians(
        {
            "convert": lambda: [convert(line, chain) for line in lines],
            "segments": lambda: [
                block_segments(chain, s, d) for s, d in zip(lines, shown, strict=True)
            ],
        },
        runs,
    )
    return times


def marks(chain: tuple[str, ...], text: str) -> dict[str, int]:
    """Han characters in `text`, and how many each level marks."""
    han = sum(map(is_han, text))
    changed = uncertain = 0
    for line in text.split("\n"):
        shown = convert(line, chain)
        for seg in block_segments(chain, line, shown):
            if seg.uncertain:
                uncertain += seg.shown_end - seg.shown_start
            if seg.changed:
                changed += sum(b - a for a, b in changed_runs(line, shown, seg))
    return {"han": han, "changed": changed, "uncertain": uncertain}


def known_errors() -> dict[str, int]:
    """Of OpenCC's listed errors, how many each level marks (on OpenCC's own output)."""
    rows = [
        r for r in csv.reader(ERRORS.open(encoding="utf-8"), delimiter="\t") if r and r[0][0] != "#"
    ]
    caught = {"cases": len(rows), "all": 0, "uncertain": 0}
    for source, config, wrong_output, right, _ in rows:
        if len(wrong_output) == len(right):
            wrong = {i for i, (a, b) in enumerate(zip(wrong_output, right, strict=True)) if a != b}
        else:
            wrong = set(range(len(wrong_output)))
        segments = review_tables((config,)).block_segments(source, wrong_output, guarded=False)

        def covers(seg: Segment, wrong: set[int] = wrong) -> bool:
            return any(seg.shown_start <= i < seg.shown_end for i in wrong)

        caught["all"] += any(s.changed and covers(s) for s in segments)
        caught["uncertain"] += any(s.uncertain and covers(s) for s in segments)
    return caught


def window_figures(text: str, runs: int) -> dict[str, float]:
    """In the window, on `text` (Simplified) saved as a file: seconds until the blocks on
    screen show 繁體 after a switch, with changes shown and without (interleaved), and the
    first paint of the page with its marks computed (segments of the visible blocks)."""
    import os
    import statistics
    import tempfile
    import time

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from benchmarks.bench_app import wait
    from reader.core.convert import ScriptMode
    from reader.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    folder = Path(tempfile.mkdtemp())
    os.environ["XDG_DATA_HOME"] = str(folder / "data")
    path = folder / "novel.txt"
    path.write_text(text, encoding="utf-8")
    window = MainWindow(QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat))
    window.resize(1100, 760)
    window.show()
    wait(app, window.document_shown, lambda: window.open_path(str(path)))
    window.go_to_block(window.view.block_count() // 2)
    times: dict[str, list[float]] = {"off": [], "all": [], "paint": []}
    for _ in range(runs):
        for level in ("off", "all"):
            window.actions_.show_changes[level].trigger()
            times[level].append(
                wait(
                    app,
                    window.visible_converted,
                    lambda: window.set_script_mode(ScriptMode.TRADITIONAL),
                )
            )
            while window.session.converting:
                app.processEvents()
            if level == "all":
                window.review._forget_all()
                t0 = time.perf_counter()
                window.view.viewport().repaint()
                times["paint"].append(time.perf_counter() - t0)
            wait(
                app, window.conversion_finished, lambda: window.set_script_mode(ScriptMode.ORIGINAL)
            )
    window.close()
    return {k: statistics.median(v) for k, v in times.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    ns = parser.parse_args()
    print(f"Machine: {machine()}")
    print(f"Median of {ns.runs} interleaved runs, ~{ns.chars:,} characters of real prose\n")
    print("| chain | convert s | segments s | segments / convert | target |")
    print("|---|---|---|---|---|")
    for config, script in CASES:
        text = prose(script)
        text = (text * (ns.chars // len(text) + 1))[: ns.chars]
        t = speed((config,), text, ns.runs)
        ratio = t["segments"] / t["convert"]
        verdict = "met" if ratio <= TARGET else "MISSED"
        print(
            f"| {config} | {t['convert']:.3f} | {t['segments']:.3f} | {ratio:.2f} | "
            f"≤ {TARGET} ({verdict}) |"
        )
    print("\n| chain | Han characters | all changes | uncertain |")
    print("|---|---|---|---|")
    for config, script in CASES:
        m = marks((config,), prose(script))
        print(
            f"| {config} | {m['han']:,} | {m['changed']:,} ({m['changed'] / m['han']:.1%}) | "
            f"{m['uncertain']:,} ({m['uncertain'] / m['han']:.2%}) |"
        )
    novel = prose("simplified")
    novel = (novel * (ns.chars // len(novel) + 1))[: ns.chars]
    w = window_figures(novel, max(3, ns.runs))
    print(
        f"\nWindow, {len(novel):,} characters, switch 原文 → 繁體 (visible first): visible text in "
        f"{w['off']:.3f} s with changes hidden, {w['all']:.3f} s with all changes shown; "
        f"first paint of the page with its marks computed {w['paint'] * 1000:.1f} ms"
    )
    e = known_errors()
    print(
        f"\nOpenCC's known errors ({e['cases']} cases, unguarded output): all-changes level "
        f"marks {e['all']}, uncertain level marks {e['uncertain']}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
