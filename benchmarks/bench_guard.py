"""The guard against OpenCC's cross-word phrase matches: errors fixed, changes on real prose, speed.

    python -m benchmarks.bench_guard [--runs N] [--chars N] [--jieba] [--diffs]

Guards compared: none (OpenCC's own output), ZhReader's reviewed table
(reader/core/data/guard.tsv) and, with --jieba, converting each word jieba
finds on its own (jieba is not a dependency; install it to measure).
Errors: tests/data/opencc_errors.tsv. Prose: benchmarks/data/ (public domain,
see SOURCES.md). Speed: one process, median of --runs, ratio to raw opencc-py.
"""

from __future__ import annotations

import argparse
import lzma
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.common import interleaved_medians
from reader.core.convert import convert, converter

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
ERRORS = ROOT / "tests" / "data" / "opencc_errors.tsv"
PROSE_CONFIGS = {
    "simplified": ("s2t", "s2tw", "s2twp", "s2hk", "s2hkp"),
    "traditional": ("t2s", "tw2s", "tw2sp", "hk2s", "t2tw", "t2hk"),
}

Guarded = Callable[[str, str], str]


def prose(name: str) -> str:
    """One of the public-domain prose files."""
    return lzma.decompress((DATA / f"prose-{name}.txt.xz").read_bytes()).decode("utf-8")


def error_list() -> list[tuple[str, str, str, str, str]]:
    """(source, config, OpenCC's output, right output, provenance) of every listed error."""
    rows = []
    for line in ERRORS.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            source, config, opencc, right, provenance = line.split("\t")
            rows.append((source, config, opencc, right, provenance))
    return rows


def raw(text: str, config: str) -> str:
    """OpenCC's own output."""
    return convert(text, (config,), guarded=False)


def table(text: str, config: str) -> str:
    """ZhReader's reviewed guard table."""
    return convert(text, (config,))


def jieba_words(text: str, config: str) -> str:
    """Each word jieba finds converted on its own (a segmenter as the guard)."""
    import jieba

    engine = converter(config)
    return "".join(engine.convert(word) for word in jieba.cut(text, HMM=False))


def fixed(guard: Guarded) -> tuple[int, int]:
    """How many listed errors `guard` gets right, of how many."""
    rows = error_list()
    return sum(guard(source, config) == right for source, config, _, right, _ in rows), len(rows)


def differences(guard: Guarded, text: str, config: str) -> list[tuple[str, str]]:
    """Lines where `guard` differs from OpenCC: (OpenCC's line, the guard's line)."""
    out = []
    for line in text.splitlines():
        a, b = raw(line, config), guard(line, config)
        if a != b:
            out.append((a, b))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--jieba", action="store_true", help="also measure jieba as the guard")
    parser.add_argument("--diffs", action="store_true", help="print every differing line")
    parser.add_argument("--chars", type=int, help="use only the first N characters of each text")
    ns = parser.parse_args()
    guards: dict[str, Guarded] = {"table": table}
    if ns.jieba:
        guards["jieba"] = jieba_words
    print("errors fixed (of the list):")
    print(f"  none (OpenCC): {fixed(raw)[0]}/{fixed(raw)[1]}")
    for name, guard in guards.items():
        ok, total = fixed(guard)
        print(f"  {name}: {ok}/{total} ({ok / total:.0%})")
    texts = {name: prose(name)[: ns.chars] for name in PROSE_CONFIGS}
    print("lines differing from OpenCC on real prose:")
    for name, guard in guards.items():
        for script, configs in PROSE_CONFIGS.items():
            text = texts[script]
            for config in configs:
                start = time.perf_counter()
                diffs = differences(guard, text, config)
                spent = time.perf_counter() - start
                print(
                    f"  {name} {config} on {len(text):,} chars: {len(diffs)} lines ({spent:.1f} s)"
                )
                if ns.diffs:
                    for a, b in diffs:
                        print(f"    OpenCC: {a}\n    guard:  {b}")
    print(f"speed, one process, median of {ns.runs} (ratio to raw opencc-py):")
    text = texts["simplified"] * 4
    for config in ("s2t", "s2twp"):
        engine = converter(config)
        timings = interleaved_medians(
            {"raw": lambda e=engine: e.convert(text)}
            | {name: (lambda g=g, c=config: g(text, c)) for name, g in guards.items()},
            ns.runs,
        )
        base = timings["raw"]
        for name, seconds in timings.items():
            print(
                f"  {config} {name}: {len(text) / seconds / 1e6:.3f} M chars/s, {base / seconds:.2f}x"
            )


if __name__ == "__main__":
    main()
