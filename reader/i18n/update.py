"""Bring the translations up to date: `python -m reader.i18n.update`.

Runs `pyside6-lupdate` over the reader's sources into every `.ts` file (new
strings appear unfinished, strings gone from the code are dropped), then
`pyside6-lrelease` to build the `.qm` files the reader loads. Translate the
unfinished entries with Qt Linguist (`pyside6-linguist reader/i18n/*.ts`) and
run it again. `--check` changes nothing and fails when a `.ts` file is out of
date or has unfinished entries (docs/translations.md).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

from reader.i18n import FOLDER, LANGUAGES, PLURALS_ONLY

#: The sources lupdate reads: the whole package (the core has no tr() calls, by design).
SOURCES = FOLDER.parent


def tool(name: str) -> str:
    """A PySide6 tool next to this Python, else on PATH."""
    beside = Path(sys.executable).with_name(name)
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6-Essentials")
    return found


def ts_path(language: str, folder: Path = FOLDER) -> Path:
    return folder / f"zhreader_{language}.ts"


def lupdate(ts_files: list[Path], plurals_only: bool = False) -> None:
    """Extract the strings of the sources into `ts_files`, dropping vanished ones."""
    command = [
        tool("pyside6-lupdate"),
        "-extensions",
        "py",
        "-no-obsolete",
        "-locations",
        "none",
        "-source-language",
        "en",
        "-silent",
    ]
    if plurals_only:
        command.append("-pluralonly")
    sources = sorted(str(p) for p in SOURCES.rglob("*.py"))
    for ts in ts_files:
        language = ts.stem.removeprefix("zhreader_")
        subprocess.run(
            [*command, *sources, "-target-language", language, "-ts", str(ts)], check=True
        )


def lrelease(ts: Path, qm: Path) -> None:
    """Build `qm` from `ts`."""
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def unfinished(ts: Path) -> list[str]:
    """Source texts of `ts` that are untranslated, unfinished, obsolete or vanished, or in
    no translation context (their translation would never load)."""
    problems = []
    for context in ET.parse(ts).getroot().iter("context"):
        if not context.findtext("name"):  # e.g. window.tr() in a module function
            sources = [m.findtext("source", "") for m in context.iter("message")]
            problems += [f"{ts.name}: outside a QObject class: {s}" for s in sources]
    for message in ET.parse(ts).getroot().iter("message"):
        translation = message.find("translation")
        source = message.findtext("source", "")
        kind = translation.get("type") if translation is not None else "unfinished"
        forms = [] if translation is None else [f.text for f in translation.iter("numerusform")]
        text = "" if translation is None else (translation.text or "")
        empty = not any(forms) if message.get("numerus") == "yes" else not text
        if kind in ("unfinished", "obsolete", "vanished") or empty:
            problems.append(f"{ts.name}: {kind or 'empty'}: {source}")
    return problems


def check() -> list[str]:
    """What is out of date, without changing anything: lupdate into copies, then compare."""
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        for language in (*LANGUAGES, *PLURALS_ONLY):
            copy = Path(tmp) / ts_path(language).name
            shutil.copyfile(ts_path(language), copy)
            lupdate([copy], plurals_only=language in PLURALS_ONLY)
            problems += unfinished(copy)
            qm = copy.with_suffix(".qm")
            lrelease(copy, qm)
            if qm.read_bytes() != ts_path(language).with_suffix(".qm").read_bytes():
                problems.append(f"{qm.name}: not what pyside6-lrelease makes from the .ts")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m reader.i18n.update", description=__doc__)
    parser.add_argument("--check", action="store_true", help="change nothing; report problems")
    args = parser.parse_args(argv)
    if args.check:
        problems = check()
        print("\n".join(problems) or "translations up to date")
        return 1 if problems else 0
    lupdate([ts_path(lang) for lang in LANGUAGES])
    lupdate([ts_path(lang) for lang in PLURALS_ONLY], plurals_only=True)
    for language in (*LANGUAGES, *PLURALS_ONLY):
        lrelease(ts_path(language), ts_path(language).with_suffix(".qm"))
    todo = [p for lang in (*LANGUAGES, *PLURALS_ONLY) for p in unfinished(ts_path(lang))]
    print("\n".join(todo) or "every entry translated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
