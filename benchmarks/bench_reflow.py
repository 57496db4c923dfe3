"""Reflow cost: detection on an unwrapped novel, joining on hard-wrapped ones, and opening.

    python -m benchmarks.bench_reflow [--chars N] [--runs N]

The novel is `benchmarks.corpus.novel` (3 million characters by default, one
line per paragraph); its hard-wrapped variants break every paragraph at 76
columns, with a blank line after each paragraph (BBS style) or with none (the
paragraphs told apart by their indent). Each is opened from bytes with
reflow off and on, in the same run, and `reflow()` is timed alone.
"""

from __future__ import annotations

import argparse
import sys

from benchmarks.common import interleaved_medians, machine
from benchmarks.corpus import hard_wrap, novel
from reader.core.opening import document_from_bytes
from reader.core.reflow import reflow


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=3_000_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)

    text = novel(args.chars)
    texts = {
        "unwrapped": text,
        "wrapped, blank lines": hard_wrap(text),
        "wrapped, indents": hard_wrap(text, blank_lines=False),
    }
    print(f"Machine: {machine()}")
    print(f"Novel: {len(text):,} characters; medians of {args.runs} runs, taken in turn\n")
    print("| text | reflow() s | open, reflow off s | open, reflow on s | lines joined |")
    print("|---|---|---|---|---|")
    for name, body in texts.items():
        data = body.encode("utf-8")
        times = interleaved_medians(
            {
                "reflow": lambda body=body: reflow(body),
                "off": lambda data=data: document_from_bytes(data, "novel", reflow=False),
                "on": lambda data=data: document_from_bytes(data, "novel"),
            },
            runs=args.runs,
        )
        joined = reflow(body).joined
        print(
            f"| {name} | {times['reflow']:.3f} | {times['off']:.3f} | {times['on']:.3f} "
            f"| {joined:,} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
