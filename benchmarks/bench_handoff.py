"""How long a second `zhreader FILE` takes to hand FILE to the running reader and exit.

    python -m benchmarks.bench_handoff [--runs N]

Starts one reader (offscreen, settings and socket in a temporary folder), then
runs, interleaved, N second starts that hand a file over and N `zhreader
--version` (the interpreter and the command line alone, no Qt), and prints the
medians of their wall times.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def timed(args: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(args, env=env, cwd=ROOT, capture_output=True, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{args}: exit {done.returncode}: {done.stderr.decode()[-300:]}")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as tmp:
        run_dir = Path(tmp) / "run"
        run_dir.mkdir(mode=0o700)
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "XDG_RUNTIME_DIR": str(run_dir),
            "XDG_CONFIG_HOME": str(Path(tmp) / "config"),
        }
        document = Path(tmp) / "第二本.txt"
        document.write_text("第一章\n\n內容。\n", encoding="utf-8")
        first = subprocess.Popen(
            [sys.executable, "-m", "reader"],
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            deadline = time.monotonic() + 60
            while not (run_dir / "zhreader.socket").exists():
                if time.monotonic() > deadline or first.poll() is not None:
                    raise SystemExit("the first reader did not start listening")
                time.sleep(0.05)
            handoff, version = [], []
            for _ in range(runs):
                handoff.append(timed([sys.executable, "-m", "reader", str(document)], env))
                version.append(timed([sys.executable, "-m", "reader", "--version"], env))
        finally:
            first.terminate()
            first.wait(30)
    print(
        f"second start handing a file over: {statistics.median(handoff):.3f} s (median of {runs})"
    )
    print(
        f"zhreader --version (no Qt):        {statistics.median(version):.3f} s (median of {runs})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
