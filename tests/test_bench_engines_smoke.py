"""The engine comparison still runs: this interpreter's engine only, on tiny texts (no venvs)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from benchmarks.bench_engines import diff_summary, prose, strip_trailing_commas, tile

ROOT = Path(__file__).resolve().parent.parent


def test_helpers():
    assert json.loads(strip_trailing_commas('{"a": [1, 2,], "b": {"c": 3,},}')) == {
        "a": [1, 2],
        "b": {"c": 3},
    }
    tiled = tile("甲乙\n丙", 10)
    assert len(tiled) >= 10 and tiled.endswith("\n") and tiled.startswith("甲乙\n丙\n甲乙")
    summary = diff_summary("頭髮\n發展\n", "頭髮\n发展\n")
    assert summary["differing_lines"] == 1
    assert summary["examples"] == [{"reference": "發展", "engine": "发展"}]


def test_real_prose_is_shipped_and_large_enough():
    texts = prose()
    assert len(texts["traditional"]) > 100_000 and len(texts["simplified"]) > 100_000
    assert "第一回" in texts["traditional"] and "第一回" in texts["simplified"]


def installed_engine() -> str:
    """The distribution behind `import opencc` here: opencc-py (pure) or opencc (C++)."""
    import opencc

    return "opencc-py" if opencc.OpenCC.__module__ == "opencc._opencc_pure" else "opencc"


def test_engine_benchmark_runs_for_the_engine_installed_here(tmp_path):
    engine = installed_engine()
    out = tmp_path / "engines.json"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "benchmarks.bench_engines",
            *("--engines", engine, "--here", engine, "--quick", "--no-wheels"),
            *("--cache", str(tmp_path / "cache"), "--json", str(out)),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert not (tmp_path / "cache" / "venvs").exists()
    row = json.loads(out.read_text(encoding="utf-8"))["summary"][engine]
    assert row["suite_passed"] == row["suite_total"] >= 556
    assert row["shared_instance_ok"] and row["spawn_ok"]
    assert "| OpenCC suite (cases passed) | 556 / 556 |" in done.stdout
    assert "U+E000 (private use) | splits, kept" in done.stdout
