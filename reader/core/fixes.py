"""The reader's own corrections to a conversion: per-document fixes and the user dictionary.

A `Fix` says what a source text should show after conversion: at one place
(a block and an offset) or everywhere in the document. Fixes are kept per
document, by its identity, in one JSON file each under the user's data folder
(`$XDG_DATA_HOME/zhreader/fixes/`), never in the source file. The user
dictionary is a text file of `phrase<TAB>shown` lines (OpenCC's dictionary
format) that applies to every document.

Fixes are applied after conversion, to the displayed text of each block:
only the fixed span changes, whatever the engine did around it.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

from reader.core.files import write_atomically, xdg_data_home
from reader.core.messages import os_error_reason
from reader.core.search import span_mapper

#: A source span [start, end) of a block and the text it shows instead.
Replacement = tuple[int, int, str]
Replacements = tuple[Replacement, ...]
FILE_VERSION = 1
#: Which displayed scripts a fix made in one applies to: the Traditional ones share fixes.
_FAMILIES = {
    "simplified": "simplified",
    "traditional": "traditional",
    "taiwan": "traditional",
    "hongkong": "traditional",
}
EVERYWHERE = -1
T = TypeVar("T")


def family(mode: str) -> str:
    """'simplified' or 'traditional' for a displayed script (a `ScriptMode` value), '' for
    the original text (no fix applies)."""
    return _FAMILIES.get(str(mode), "")


@dataclass(frozen=True, slots=True)
class Fix:
    """`source` (as written) shows `shown`: in block `block` at `start`, or everywhere
    (`block` EVERYWHERE) when the document is shown in `family`'s scripts ('' for any)."""

    source: str
    shown: str
    family: str = ""
    block: int = EVERYWHERE
    start: int = 0

    @property
    def everywhere(self) -> bool:
        return self.block == EVERYWHERE

    def to_dict(self) -> dict[str, object]:
        return {
            "source": self.source,
            "shown": self.shown,
            "family": self.family,
            "block": self.block,
            "start": self.start,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> Fix:
        """A fix from its JSON form; ValueError if it is not one."""
        source, shown = data.get("source"), data.get("shown")
        fam, block, start = data.get("family", ""), data.get("block", -1), data.get("start", 0)
        if not (isinstance(source, str) and source and isinstance(shown, str)):
            raise ValueError("a fix needs a source text and what it shows")
        if not (isinstance(fam, str) and isinstance(block, int) and isinstance(start, int)):
            raise ValueError("a fix's family, block and start are a name and two numbers")
        return cls(source, shown, fam, block, start)


@dataclass(frozen=True, slots=True)
class Fixes:
    """A document's fixes in the order they were made, and the user dictionary's entries."""

    fixes: tuple[Fix, ...] = ()
    dictionary: tuple[Fix, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.fixes or self.dictionary)

    def adding(self, fix: Fix) -> Fixes:
        """These fixes and `fix` (replacing an earlier fix of the same place or phrase)."""
        same = [
            f
            for f in self.fixes
            if (f.block, f.start, f.source, f.family)
            != (fix.block, fix.start, fix.source, fix.family)
        ]
        return replace(self, fixes=(*same, fix))

    def removing(self, fix: Fix) -> Fixes:
        """These fixes without `fix`."""
        return replace(self, fixes=tuple(f for f in self.fixes if f != fix))

    def everywhere_only(self) -> Fixes:
        """The fixes that apply to any text: those made everywhere and the dictionary (a
        fix at one place belongs to a block of one prepared document)."""
        return replace(self, fixes=tuple(f for f in self.fixes if f.everywhere))

    def replacements(
        self, texts: Sequence[str], mode: str, indices: Iterable[int] | None = None
    ) -> dict[int, Replacements]:
        """What the blocks `indices` (all by default) of `texts` (as written) show instead,
        for the script `mode`: fixes at a place first, then fixes everywhere (the latest
        first), then the user dictionary; a span overlapping one taken already is left out.
        Cheap per block: a conversion worker asks for its chunk's blocks."""
        fam = family(mode)
        if not fam or not self:
            return {}
        places, phrases, pattern = _prepared(self, fam)
        wanted: dict[int, list[Replacement]] = {}
        for index in range(len(texts)) if indices is None else indices:
            text = texts[index]
            for fix in places.get(index, ()):
                if text.startswith(fix.source, fix.start):  # else the text changed
                    _take(wanted, index, (fix.start, fix.start + len(fix.source), fix.shown))
            if pattern is not None:
                for m in pattern.finditer(text):
                    _take(wanted, index, (m.start(), m.end(), phrases[m.group()]))
        return {i: tuple(sorted(r)) for i, r in wanted.items()}


@lru_cache(maxsize=16)
def _prepared(
    fixes: Fixes, fam: str
) -> tuple[dict[int, list[Fix]], dict[str, str], re.Pattern[str] | None]:
    """A set of fixes arranged for one script family: fixes by block, and one pattern for
    the fixes everywhere and the dictionary."""
    chosen = [f for f in fixes.fixes if f.family in ("", fam)]
    places: dict[int, list[Fix]] = {}
    for fix in chosen:
        if not fix.everywhere:
            places.setdefault(fix.block, []).append(fix)
    phrases: dict[str, str] = {}
    for fix in [*reversed([f for f in chosen if f.everywhere]), *fixes.dictionary]:
        phrases.setdefault(fix.source, fix.shown)
    keys = sorted(phrases, key=lambda k: (-len(k), k))
    pattern = re.compile("|".join(map(re.escape, keys))) if keys else None
    return places, phrases, pattern


def _take(wanted: dict[int, list[Replacement]], block: int, rep: Replacement) -> None:
    taken = wanted.setdefault(block, [])
    if all(rep[1] <= s or rep[0] >= e for s, e, _ in taken):
        taken.append(rep)


def apply_replacements(source: str, shown: str, replacements: Replacements) -> str:
    """`shown` (the conversion of `source`) with each replaced source span showing its
    text; spans are mapped through the conversion where it changed lengths (的士 → 計程車)."""
    if not replacements:
        return shown
    out = []
    pos = 0
    where = span_mapper(source, shown)
    for start, end, text in replacements:
        a, b = where(start, end)
        if a < pos:
            continue
        out.append(shown[pos:a])
        out.append(text)
        pos = b
    out.append(shown[pos:])
    return "".join(out)


def paragraph_fixer(fixes: Fixes, mode: str) -> Callable[[Sequence[str], list[str]], list[str]]:
    """What a converted book's paragraphs need: (sources, converted) → converted with the
    fixes made everywhere and the user dictionary (a book's paragraphs are not the reader's
    blocks, so fixes at one place cannot be found in them)."""
    phrases = fixes.everywhere_only()

    def fix(sources: Sequence[str], converted: list[str]) -> list[str]:
        replaced = phrases.replacements(sources, mode)
        for i, reps in replaced.items():
            converted[i] = apply_replacements(sources[i], converted[i], reps)
        return converted

    return fix


# Storage


def data_dir() -> Path:
    """ZhReader's folder in the user's data directory (XDG), not created here."""
    return xdg_data_home() / "zhreader"


def fixes_path(identity: str, folder: Path | None = None, document: str = "") -> Path:
    """Where a document's fixes are kept: named by the file (`document`, its path) and its
    identity, so that the fixes of an earlier version of the file are found by name."""
    name = f"{_file_key(document)}-{identity}" if document else identity
    return (folder or data_dir() / "fixes") / f"{name}.json"


def _file_key(document: str) -> str:
    return hashlib.sha1(os.fsencode(document)).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class SetAside:
    """A fixes file that could not be read: what was wrong and where it was moved."""

    path: Path
    kept_as: Path | None
    reason: str


def load_fixes(path: Path) -> tuple[tuple[Fix, ...], SetAside | None]:
    """The fixes in `path` (none if there is no file); a file that is not a fixes file is
    renamed beside itself (`….corrupt-TIME.json`), never deleted, and reported."""
    return read_json_file(path, "fixes", lambda items: tuple(Fix.from_dict(f) for f in items), ())


def read_json_file(
    path: Path, key: str, parse: Callable[[list], T], empty: T
) -> tuple[T, SetAside | None]:
    """`parse` of the list under `key` in the JSON file `path` (`empty` without a file); a
    file that cannot be read that way is renamed aside (never deleted) and reported."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return empty, None
    except OSError as exc:
        return empty, SetAside(path, None, os_error_reason(exc))
    try:
        data = json.loads(raw.decode("utf-8"))
        if not isinstance(data, dict) or not isinstance(data.get(key), list):
            raise ValueError(f"no list of {key}")
        return parse([item for item in data[key] if isinstance(item, dict)]), None
    except (ValueError, UnicodeDecodeError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        aside = path.with_name(f"{path.stem}.corrupt-{time.strftime('%Y%m%d-%H%M%S')}.json")
        try:
            path.rename(aside)
        except OSError:
            aside = None
        return empty, SetAside(path, aside, reason)


def save_fixes(path: Path, fixes: Sequence[Fix], title: str = "", document: str = "") -> None:
    """Write `fixes` to `path` atomically (the folder is created); no fixes: file removed.
    `document` (the file's path) lets a later version of the file find them again."""
    if not fixes:
        path.unlink(missing_ok=True)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {
        "version": FILE_VERSION,
        "title": title,
        "document": document,
        "fixes": [f.to_dict() for f in fixes],
    }
    write_atomically(path, json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))


def earlier_fixes(folder: Path, document: str) -> tuple[Fix, ...]:
    """The fixes last saved for the file `document` under another identity: an earlier
    version of the file (edited at its start, so its identity changed); () when none.
    Unreadable files are passed over (they are reported when their own document opens)."""
    if not document or not folder.is_dir():
        return ()
    newest: tuple[float, tuple[Fix, ...]] | None = None
    for path in folder.glob(f"{_file_key(document)}-*.json"):  # this file's, by name
        if ".corrupt-" in path.name:
            continue
        try:
            data = json.loads(path.read_bytes().decode("utf-8"))
            if not isinstance(data, dict) or data.get("document") != document:
                continue
            fixes = tuple(Fix.from_dict(f) for f in data.get("fixes", []) if isinstance(f, dict))
            when = path.stat().st_mtime
        except (OSError, ValueError, UnicodeDecodeError, TypeError, KeyError):
            continue
        if newest is None or when > newest[0]:
            newest = (when, fixes)
    return newest[1] if newest else ()


def parse_dictionary(text: str) -> tuple[Fix, ...]:
    """The entries of a user dictionary: `phrase<TAB>shown` per line (the first of several
    space-separated candidates, as in OpenCC's files); `#` lines and blank lines skipped."""
    found = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        key, _, rest = line.partition("\t")
        if not rest.strip():
            key, _, rest = line.strip().partition(" ")
        shown = rest.split()
        if key.strip() and shown:
            found.append(Fix(key.strip(), shown[0]))
    return tuple(found)


def read_fixes_file(path: Path) -> tuple[Fix, ...]:
    """Fixes from a file given on the command line: a fixes JSON file or a dictionary text;
    OSError or ValueError (one line) when it is neither."""
    text = path.read_bytes().decode("utf-8-sig")
    if text.lstrip().startswith("{"):
        data = json.loads(text)
        if not isinstance(data, dict) or not isinstance(data.get("fixes"), list):
            raise ValueError("not a fixes file (no list of fixes)")
        return tuple(Fix.from_dict(f) for f in data["fixes"] if isinstance(f, dict))
    return parse_dictionary(text)
