"""Outline recognition measured on real documents: precision, recall and level accuracy.

python -m benchmarks.bench_outline                       # the table for tests/corpus/real
python -m benchmarks.bench_outline --baseline HEAD~3      # the same with an older recognizer beside it
python -m benchmarks.bench_outline --speed [--baseline REV]   # recognition time of a 3M novel

Every document in the corpus has a hand-checked true outline (`NAME.outline.json`,
see tests/corpus/real/SOURCES.md). An entry of the recognized outline matches a
true entry when their titles are equal after white space is normalised; matches
keep reading order (a longest common subsequence), so a repeated title such as
`第一章　一般规定` is matched to its own place. Totals are sums over all files.
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import subprocess
import sys
import types
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from reader.core.document import Document
from reader.core.loading import load_text
from reader.core.opening import MARKDOWN_SUFFIXES
from reader.core.outline import build_outline

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus" / "real"
_SPACE = re.compile(r"[\s\u3000\u00a0]+")

#: A recognizer: text, markdown flag and fallback title in, `Document` out.
Recognize = Callable[..., Document]


def normalise(title: str) -> str:
    """Runs of white space (ideographic space included) become one space."""
    return _SPACE.sub(" ", title).strip()


@dataclass(frozen=True, slots=True)
class FileScore:
    """How one document's recognized outline compares with its true outline."""

    name: str
    expected: int
    found: int
    matched: int
    level_ok: int

    @property
    def precision(self) -> float:
        """Share of recognized entries that are true entries (1 when nothing was found)."""
        return self.matched / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        """Share of true entries that were recognized (1 when there are none)."""
        return self.matched / self.expected if self.expected else 1.0

    @property
    def levels(self) -> float:
        """Share of matched entries with the right level (1 when nothing matched)."""
        return self.level_ok / self.matched if self.matched else 1.0


def score_outline(
    name: str, expected: Sequence[tuple[str, int]], found: Sequence[tuple[str, int]]
) -> FileScore:
    """Match `found` against `expected` (title, level) pairs in reading order."""
    want = [normalise(t) for t, _ in expected]
    got = [normalise(t) for t, _ in found]
    matcher = difflib.SequenceMatcher(None, want, got, autojunk=False)
    matched = level_ok = 0
    for block in matcher.get_matching_blocks():
        for k in range(block.size):
            matched += 1
            level_ok += expected[block.a + k][1] == found[block.b + k][1]
    return FileScore(name, len(expected), len(found), matched, level_ok)


def total(scores: Sequence[FileScore]) -> FileScore:
    """The sum over files, scored as one document."""
    return FileScore(
        "total",
        sum(s.expected for s in scores),
        sum(s.found for s in scores),
        sum(s.matched for s in scores),
        sum(s.level_ok for s in scores),
    )


def corpus_files(corpus: Path = CORPUS) -> list[Path]:
    """The documents of the corpus that have a true outline, by name."""
    return sorted(
        p
        for p in corpus.iterdir()
        if p.suffix in {".txt", ".md"} and (corpus / f"{p.stem}.outline.json").exists()
    )


def true_outline(path: Path) -> list[tuple[str, int]]:
    """The hand-checked outline of a corpus document."""
    entries = json.loads((path.parent / f"{path.stem}.outline.json").read_text("utf-8"))
    return [(e["title"], e["level"]) for e in entries]


def recognized_outline(path: Path, recognize: Recognize) -> list[tuple[str, int]]:
    """The outline `recognize` gives the document, as the reader would open it."""
    loaded = load_text(path)
    doc = recognize(
        loaded.text, markdown=path.suffix.lower() in MARKDOWN_SUFFIXES, fallback_title=path.stem
    )
    return [(e.title, e.level) for e in build_outline(doc).walk()]


def score_corpus(recognize: Recognize | None = None, corpus: Path = CORPUS) -> list[FileScore]:
    """Score every corpus document; `recognize` defaults to the current recognizer."""
    if recognize is None:
        from reader.core.structure import recognize
    return [
        score_outline(p.name, true_outline(p), recognized_outline(p, recognize))
        for p in corpus_files(corpus)
    ]


def baseline_recognizer(rev: str) -> Recognize:
    """`recognize` from reader/core/structure.py as it was at git revision `rev`."""
    source = subprocess.run(
        ["git", "show", f"{rev}:reader/core/structure.py"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    module = types.ModuleType(f"structure_at_{rev}")
    exec(compile(source, f"{rev}:reader/core/structure.py", "exec"), module.__dict__)
    return module.recognize


def table(scores: Sequence[FileScore]) -> str:
    """Markdown table: one row a file, then the total."""
    rows = [
        "| file | true | found | matched | precision | recall | levels |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for s in [*scores, total(scores)]:
        name = f"**{s.name}**" if s.name == "total" else f"`{s.name}`"
        rows.append(
            f"| {name} | {s.expected} | {s.found} | {s.matched} "
            f"| {s.precision:.3f} | {s.recall:.3f} | {s.levels:.3f} |"
        )
    return "\n".join(rows)


def speed(baseline: str | None, runs: int) -> str:
    """Recognition time of the 3M-character benchmark novel, runs taken in turn with a baseline.

    The collector is paused during each run, as the reader does when it opens a file.
    """
    from benchmarks.common import interleaved_medians, machine
    from benchmarks.corpus import novel
    from reader.core.opening import gc_paused
    from reader.core.structure import recognize

    text = novel(3_000_000)
    contenders: dict[str, Recognize] = {"current": recognize}
    if baseline:
        contenders = {f"baseline ({baseline})": baseline_recognizer(baseline), **contenders}

    def timed(fn: Recognize) -> Callable[[], object]:
        def run() -> object:
            with gc_paused():
                return fn(text, fallback_title="novel")

        return run

    seconds = interleaved_medians({name: timed(fn) for name, fn in contenders.items()}, runs)
    lines = [
        f"3M-character novel ({len(text):,} characters), median of {runs} interleaved runs; "
        f"{machine()}",
        "",
        "| recognizer | seconds | headings |",
        "|---|---:|---:|",
    ]
    for name, fn in contenders.items():
        headings = len(fn(text, fallback_title="novel").headings())
        lines.append(f"| {name} | {seconds[name]:.3f} | {headings:,} |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Print the corpus table (and a baseline's), or the speed figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", help="git revision whose recognizer to measure too")
    parser.add_argument("--speed", action="store_true", help="time a 3M-character novel instead")
    parser.add_argument("--runs", type=int, default=5, help="timing runs (with --speed)")
    parser.add_argument("--json", type=Path, help="also write the scores as JSON here")
    args = parser.parse_args(argv)
    if args.speed:
        print(speed(args.baseline, args.runs))
        return 0
    results = {"current": score_corpus()}
    if args.baseline:
        results = {f"baseline ({args.baseline})": score_corpus(baseline_recognizer(args.baseline))}
        results["current"] = score_corpus()
    for name, scores in results.items():
        print(f"## {name}\n\n{table(scores)}\n")
        empty = [s.name for s in scores if s.expected and not s.found]
        print(f"Files with an outline but none recognized: {', '.join(empty) or 'none'}\n")
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    name: [
                        {
                            **asdict(s),
                            "precision": s.precision,
                            "recall": s.recall,
                            "levels": s.levels,
                        }
                        for s in scores
                    ]
                    for name, scores in results.items()
                },
                ensure_ascii=False,
                indent=1,
            ),
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
