"""The vertical reading benchmark still runs (a small novel): it must not rot between runs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_vertical_benchmark_runs_on_a_small_novel():
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.bench_vertical", "--chars", "30000", "--turns", "5"],
        cwd=ROOT, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    for figure in ("page turn", "horizontal page turn", "first paint in vertical", "switching"):
        assert figure in done.stdout
