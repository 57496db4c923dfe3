"""Conversion throughput: the raw OpenCC engine against ZhReader's whole and chunked conversion.

    python -m benchmarks.bench_convert [--chars N] [--runs N] [--json FILE]

Corpora are built deterministically from OpenCC's phrase dictionaries
(benchmarks/corpus.py). Each figure is the median of several runs; ratios
are to the raw engine measured in the same run; "unguarded" is `convert` without
the guard table (docs/conversion-quality.md), "single" and "chunked" with it. The engine holds the GIL
during one call, so the longest call (`CALL_CHARS` characters at most; a
longer block is cut after punctuation) is what a worker thread can take
from the GUI thread at once; it is reported with the chunks of the reader's
plan (`plan_chunks`, converted block by block as the window does).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from benchmarks.common import interleaved_medians, machine, median_seconds
from benchmarks.corpus import novel
from reader.core.convert import (
    CALL_CHARS,
    convert,
    convert_chunk,
    convert_chunked,
    converter,
    plan_chunks,
)

CASES = (("t2s", "traditional"), ("s2t", "simplified"), ("s2twp", "simplified"))
TARGETS = {"unguarded": 0.9, "single": 0.9, "chunked": 0.9}
RAW = "raw opencc"


def run(chars: int, runs: int) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for config, script in CASES:
        rows.extend(measure(config, novel(chars, script, seed=7), runs))
    return rows


def measure(config: str, text: str, runs: int) -> list[dict[str, object]]:
    """One row per converter for `config` on `text`."""
    from opencc import OpenCC

    raw = OpenCC(config)  # the engine itself, one call for the whole text
    chain = (config,)
    timings = interleaved_medians(
        {
            RAW: lambda: raw.convert(text),
            "unguarded": lambda: convert(text, chain, guarded=False),
            "single": lambda: convert(text, chain),
            "chunked": lambda: convert_chunked(text, chain),
        },
        runs,
    )
    base = timings[RAW]
    rows = []
    for name, seconds in timings.items():
        ratio = base / seconds
        target = TARGETS.get(name)
        rows.append(
            {
                "config": config,
                "converter": name,
                "chars": len(text),
                "seconds": round(seconds, 3),
                "mchars_per_s": round(len(text) / seconds / 1e6, 3),
                "ratio_to_raw": round(ratio, 2),
                "target": target,
                "meets": None if target is None else ratio >= target,
            }
        )
    return rows


def longest_chunk(chars: int) -> dict[str, float]:
    """The longest and the median chunk of the reader's plan and one engine call of
    `CALL_CHARS` characters, in ms (s2twp, the slowest config), and the first conversion."""
    text = novel(chars, "simplified", seed=7)
    texts = text.split("\n")
    chain = ("s2twp",)
    start = time.perf_counter()
    convert("", chain)  # builds the dictionaries
    cold = time.perf_counter() - start
    chunk_ms = []
    for indices in plan_chunks(texts, (0, 40)):
        start = time.perf_counter()
        convert_chunk(texts, indices, chain)
        chunk_ms.append((time.perf_counter() - start) * 1000)
    piece = text.replace("\n", "")[:CALL_CHARS]
    call_ms = median_seconds(lambda: converter("s2twp").convert(piece), 5) * 1000  # one call
    return {
        "chunks": len(chunk_ms),
        "longest_chunk_ms": round(max(chunk_ms), 2),
        "median_chunk_ms": round(sorted(chunk_ms)[len(chunk_ms) // 2], 2),
        "call_chars": len(piece),
        "call_ms": round(call_ms, 3),
        "first_config_s": round(cold, 3),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", type=Path, help="also write the rows as JSON")
    ns = parser.parse_args()
    chunks = longest_chunk(ns.chars)  # first: the dictionaries are cold
    rows = run(ns.chars, ns.runs)
    print(f"Machine: {machine()}")
    print(f"Median of {ns.runs} runs, ~{ns.chars:,} characters per corpus\n")
    print("| config | converter | M chars/s | ratio to raw | target |")
    print("|---|---|---|---|---|")
    for r in rows:
        target = (
            "" if r["target"] is None else f"≥ {r['target']} ({'met' if r['meets'] else 'MISSED'})"
        )
        print(
            f"| {r['config']} | {r['converter']} | {r['mchars_per_s']:.3f} | "
            f"{r['ratio_to_raw']:.2f} | {target} |"
        )
    print(
        f"\ns2twp in the reader's chunks: {chunks['chunks']} chunks, longest "
        f"{chunks['longest_chunk_ms']} ms, median {chunks['median_chunk_ms']} ms; one engine call "
        f"of {chunks['call_chars']} chars (the longest) {chunks['call_ms']} ms; "
        f"first s2twp conversion {chunks['first_config_s']} s"
    )
    if ns.json:
        ns.json.write_text(
            json.dumps({"machine": machine(), "rows": rows, "chunks": chunks}, indent=2)
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
