"""The benchmark scripts still run (tiny corpora): they must not rot between measurements."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_script(*args: str) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [sys.executable, *args], cwd=ROOT, capture_output=True, text=True, timeout=600, check=False
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done


def test_app_benchmark_runs_on_a_tiny_corpus(tmp_path):
    out = tmp_path / "bench.json"
    done = run_script("-m", "benchmarks.bench_app", "--quick", "--json", str(out))
    result = json.loads(out.read_text(encoding="utf-8"))
    names = [f["name"] for f in result["figures"]]
    assert "start-up / bare window's" in names
    assert "find across scripts on 3M" in names
    if not shutil.which("Xvfb"):  # the side-by-side rows need a virtual screen
        assert any("Xvfb is not installed" in note for note in result["notes"])
        return
    assert "30k TXT: QPlainTextEdit first text on screen" in names
    assert "30k TXT: ZhReader time / QPlainTextEdit's" in names
    assert "on screen: start-up / bare window's" in names
    if shutil.which("fbreader"):
        assert "300k TXT: FBReader first text on screen" in names
    else:
        assert any("fbreader is not installed" in note for note in result["notes"])
    assert all(f["value"] >= 0 for f in result["figures"])
    assert "| figure | value | target |" in done.stdout


def test_convert_benchmark_runs_on_a_tiny_corpus(tmp_path):
    out = tmp_path / "convert.json"
    run_script(
        "-m", "benchmarks.bench_convert", "--chars", "3000", "--runs", "1", "--json", str(out)
    )
    result = json.loads(out.read_text(encoding="utf-8"))
    assert {r["converter"] for r in result["rows"]} == {
        "raw opencc",
        "unguarded",
        "single",
        "chunked",
    }
    assert result["chunks"]["longest_chunk_ms"] > 0


def test_encoding_benchmark_reports_both_detectors():
    done = run_script("-m", "benchmarks.bench_encoding")
    assert "hand-built (ZhReader)" in done.stdout and "charset-normalizer" in done.stdout


def test_memory_benchmark_measures_every_shape_in_a_child(tmp_path):
    out = tmp_path / "memory.json"
    done = run_script("-m", "benchmarks.bench_memory", "--mib", "0.05", "--json", str(out))
    rows = json.loads(out.read_text(encoding="utf-8"))["rows"]
    assert [r["shape"] for r in rows] == [
        "one-character lines",
        "one huge line",
        "ordinary novel",
        "empty lines",
        "20-character lines",
        "65-character lines",
        "65-character sentences",
        "chapter lines",
    ]
    assert all(r["peak_rss"] >= r["baseline_rss"] > 0 and r["seconds"] >= 0 for r in rows)
    assert rows[0]["blocks"] > 10_000  # one block per one-character line: the shape was built
    assert rows[2]["outline_entries"] > 0  # the novel was recognised, not read as dense
    assert "| shape | size | time | peak RSS |" in done.stdout


def test_markdown_benchmark_runs_on_the_spec_subset():
    done = run_script(
        "-m",
        "benchmarks.bench_markdown",
        "tests/data/commonmark/examples.json",
        "--size",
        "20000",
        "--runs",
        "1",
    )
    assert "| markdown-it-py (commonmark) | 506/506" in done.stdout
    assert "ZhReader parse_markdown" in done.stdout


def test_reflow_benchmark_runs_on_a_tiny_corpus():
    done = run_script("-m", "benchmarks.bench_reflow", "--chars", "20000", "--runs", "1")
    assert "| wrapped, blank lines |" in done.stdout


def test_epub_benchmark_runs_on_a_tiny_book(tmp_path):
    out = tmp_path / "epub.json"
    run_script("-m", "benchmarks.bench_epub", "--quick", "--json", str(out))
    names = [f["name"] for f in json.loads(out.read_text(encoding="utf-8"))["figures"]]
    assert "open + prepare (core part of first paint)" in names
    assert "converted EPUB (s2t)" in names


def test_guard_benchmark_runs_on_a_little_prose():
    done = run_script("-m", "benchmarks.bench_guard", "--runs", "1", "--chars", "2000")
    assert "  table: " in done.stdout
    assert "s2twp table:" in done.stdout


def test_composition_benchmark_runs_on_a_little_prose():
    done = run_script("-m", "benchmarks.bench_compose", "--chars", "2000")
    assert "via t2std → t2tw" in done.stdout
