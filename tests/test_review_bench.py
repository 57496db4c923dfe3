"""benchmarks.bench_review still runs (a tiny corpus): it must not rot between measurements."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_review_benchmark_runs_on_a_tiny_corpus():
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.bench_review", "--chars", "5000", "--runs", "1"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "| s2t |" in done.stdout
    assert "uncertain level marks" in done.stdout
