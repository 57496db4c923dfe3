"""Peak memory and time of opening and outlining large inputs of awkward shapes.

python -m benchmarks.bench_memory [--mib N ...] [--timeout S] [--cap-gib G] [--json OUT]

Each shape is written to a temporary file of N MiB, then opened and outlined
(`open_document` + `build_outline`) in a fresh child process that reports its
own peak resident memory; a child over the time limit is killed and one over
the address-space cap fails with MemoryError, so the machine survives the
shapes that do not scale. Target (the reliability issue): at most 3 x the file
size + 200 MB and 30 s at 256 MiB.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.common import machine

MIB = 1024 * 1024
#: The issue's target: at 256 MiB, at most 3 x the size + 200 MB and 30 s.
TARGET_SIZE = 256 * MIB
TARGET_SECONDS = 30.0


def _repeat_to(unit: bytes, size: int) -> bytes:
    count, rest = divmod(size, len(unit))
    return unit * count + unit[:rest]


def one_char_lines(size: int) -> bytes:
    """`字\\n` over and over: one paragraph (one block) per four bytes."""
    return _repeat_to("字\n".encode(), size)


def one_huge_line(size: int) -> bytes:
    """A single line without a break."""
    return _repeat_to("字".encode(), size // 3 * 3)


def novel(size: int) -> bytes:
    """An ordinary novel (benchmarks/corpus.py), about 1 MiB repeated to the size."""
    from benchmarks.corpus import novel as make_novel

    unit = (make_novel(min(size, MIB) // 3 + 1) + "\n").encode()
    return _repeat_to(unit, size)


def short_lines(size: int) -> bytes:
    """Lines of 20 characters without blank lines: read as a dense document."""
    return _repeat_to(("字" * 20 + "\n").encode(), size)


def wrapped_lines(size: int) -> bytes:
    """Lines of 65 characters (196 bytes): just under the dense threshold at 256 MiB, so
    recognised line by line, and hard-wrapped: reflow joins them into one paragraph."""
    return _repeat_to(("字" * 65 + "\n").encode(), size)


def sentences(size: int) -> bytes:
    """Lines of 65 characters that end sentences: one paragraph (one block) per line."""
    return _repeat_to(("字" * 64 + "。\n").encode(), size)


def chapter_lines(size: int) -> bytes:
    """Nothing but `第N章` lines: millions of would-be headings."""
    unit = "".join(f"第{n}章\n" for n in range(1, 100_001)).encode()
    return _repeat_to(unit, size)


def empty_lines(size: int) -> bytes:
    """Nothing but line breaks (1 MiB is about 1M empty lines)."""
    return b"\n" * size


SHAPES: dict[str, Callable[[int], bytes]] = {
    "one-character lines": one_char_lines,
    "one huge line": one_huge_line,
    "ordinary novel": novel,
    "empty lines": empty_lines,
    "20-character lines": short_lines,
    "65-character lines": wrapped_lines,
    "65-character sentences": sentences,
    "chapter lines": chapter_lines,
}


def _peak_rss() -> int:
    """This process's peak resident memory in bytes.

    VmHWM, not `ru_maxrss`: on Linux a child's `ru_maxrss` keeps the parent's
    size from before `exec`.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def _child(path: str, cap_bytes: int) -> None:
    """Open and outline `path`; print seconds and peak RSS as JSON (runs in the child)."""
    resource.setrlimit(resource.RLIMIT_AS, (cap_bytes, cap_bytes))
    # As the window does (ui/runtime.py): no cyclic collection while a document is built.
    gc.disable()
    from reader.core.opening import open_document
    from reader.core.outline import build_outline

    size = os.path.getsize(path)
    baseline = _peak_rss()
    start = time.perf_counter()
    try:
        doc = open_document(path, size_limit=max(size, 1))
        outline = build_outline(doc)
    except MemoryError:
        seconds = time.perf_counter() - start
        print(json.dumps({"error": f"MemoryError after {seconds:.0f} s"}))
        return
    seconds = time.perf_counter() - start
    peak = _peak_rss()
    facts = {
        "seconds": seconds,
        "peak_rss": peak,
        "baseline_rss": baseline,
        "blocks": len(doc.blocks),
        "outline_entries": len(outline.entries),
    }
    print(json.dumps(facts))


def measure(shape: str, mib: float, timeout: float, cap_gib: float, workdir: Path) -> dict:
    """Run one shape at `mib` MiB in a child process; a row of the result table."""
    size = int(mib * MIB)
    path = workdir / "input.txt"
    path.write_bytes(SHAPES[shape](size))
    row: dict = {"shape": shape, "mib": mib, "bytes": size}
    cmd = [sys.executable, "-m", "benchmarks.bench_memory", "--child", str(path)]
    cmd += ["--cap-gib", str(cap_gib)]
    root = Path(__file__).resolve().parent.parent
    try:
        done = subprocess.run(
            cmd, cwd=root, capture_output=True, text=True, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired:
        row["error"] = f"over {timeout:.0f} s (killed)"
        return row
    finally:
        path.unlink()
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        row["error"] = f"exit {done.returncode}: {last}"
        return row
    facts = json.loads(lines[-1])
    if "error" in facts:
        row["error"] = f"{facts['error']} (cap {cap_gib:g} GiB)"
        return row
    row.update(facts)
    return row


def table(rows: list[dict]) -> str:
    """Markdown table of the rows, with each row scaled linearly to 256 MiB against the target."""
    out = [
        "| shape | size | time | peak RSS | over baseline | bytes per input byte "
        "| scaled to 256 MiB | within the target |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        size = f"{r['mib']:g} MiB"
        if "error" in r:
            out.append(f"| {r['shape']} | {size} | {r['error']} | | | | | no |")
            continue
        grown = r["peak_rss"] - r["baseline_rss"]
        scale = TARGET_SIZE / r["bytes"] if r["bytes"] else 0.0
        peak_256 = r["baseline_rss"] + grown * scale
        seconds_256 = r["seconds"] * scale
        within = peak_256 <= 3 * TARGET_SIZE + 200e6 and seconds_256 <= TARGET_SECONDS
        out.append(
            f"| {r['shape']} | {size} | {r['seconds']:.2f} s | {r['peak_rss'] / 1e6:.0f} MB "
            f"| {grown / 1e6:.0f} MB | {grown / r['bytes']:.1f} "
            f"| {peak_256 / 1e6:,.0f} MB, {seconds_256:.0f} s | {'yes' if within else 'no'} |"
        )
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    """Measure every shape at every size and print a Markdown table."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_memory")
    parser.add_argument("--mib", type=float, nargs="+", default=[8.0], help="input sizes in MiB")
    parser.add_argument("--shapes", nargs="+", choices=sorted(SHAPES), default=list(SHAPES))
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds per child")
    parser.add_argument("--cap-gib", type=float, default=12.0, help="address-space cap per child")
    parser.add_argument("--json", help="also write the rows here")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    ns = parser.parse_args(argv)
    if ns.child:
        _child(ns.child, int(ns.cap_gib * 1024 * MIB))
        return 0
    rows = []
    with tempfile.TemporaryDirectory(prefix="zhreader-bench-memory-") as tmp:
        for mib in ns.mib:
            for shape in ns.shapes:
                rows.append(measure(shape, mib, ns.timeout, ns.cap_gib, Path(tmp)))
                print(f"measured {shape} at {mib:g} MiB", file=sys.stderr, flush=True)
    print(f"Machine: {machine()}\n")
    print(table(rows))
    if ns.json:
        Path(ns.json).write_text(json.dumps({"rows": rows}, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
