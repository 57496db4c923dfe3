"""Conversion throughput: raw opencc-py against ZhReader's single-process and parallel converters.

    python -m benchmarks.bench_convert [--chars N] [--runs N] [--json FILE]

Corpora are built deterministically from OpenCC's phrase dictionaries
(benchmarks/corpus.py). Each figure is the median of several runs; ratios
are to raw opencc-py measured in the same run.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from benchmarks.common import interleaved_medians, machine, median_seconds
from benchmarks.corpus import novel
from reader.core.convert import ParallelConverter, convert, convert_chunked, converter

CASES = (("t2s", "traditional"), ("s2t", "simplified"))
TARGETS = {"single": 0.9, "chunked": 0.9, "parallel": 1.6}


def run(chars: int, runs: int) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    with ParallelConverter() as parallel:
        parallel.start([(config,) for config, _ in CASES])
        for config, script in CASES:
            rows.extend(measure(parallel, config, novel(chars, script, seed=7), runs))
    return rows


def measure(
    parallel: ParallelConverter, config: str, text: str, runs: int
) -> list[dict[str, object]]:
    """One row per converter for `config` on `text`."""
    raw = converter(config)  # the opencc-py OpenCC object itself
    chain = (config,)
    timings = interleaved_medians(
        {
            "raw opencc-py": lambda: raw.convert(text),
            "single": lambda: convert(text, chain),
            "chunked": lambda: convert_chunked(text, chain),
            "parallel": lambda: parallel.convert(text, chain),
        },
        runs,
    )
    base = timings["raw opencc-py"]
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


def cold_parallel(chars: int) -> float:
    """Seconds for one parallel conversion including starting the worker processes."""
    text = novel(chars, "traditional", seed=7)

    def once() -> None:
        with ParallelConverter() as parallel:
            parallel.convert(text, ("t2s",))

    return median_seconds(once, 1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", type=Path, help="also write the rows as JSON")
    ns = parser.parse_args()
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
    cold = cold_parallel(ns.chars)
    print(f"\nParallel t2s including worker start-up (cold): {cold:.2f} s")
    if ns.json:
        ns.json.write_text(
            json.dumps({"machine": machine(), "rows": rows, "cold_parallel_s": cold}, indent=2)
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
