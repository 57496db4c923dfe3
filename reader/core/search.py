"""Script-insensitive search: `发展` finds `發展`, with spans in the original text.

Every character folds to one canonical character (length-preserving), built
from OpenCC's single-character tables and variant tables. Matching folds
each side, so a query in either script finds matches in either script.

Differences of wording (軟體/软件, 資訊/信息, 的士/計程車) are not folded:
`find_in_blocks` finds them by searching the source text as well as the
displayed text. One-to-many choices are not resolved by context — 发 finds
發 and 髮 alike.
"""

from __future__ import annotations

import bisect
import difflib
import re
from collections.abc import Callable, Sequence
from functools import cache
from typing import NamedTuple

from reader.core.dictionaries import entries

_FOLD_SOURCES = (
    "TSCharacters.txt",
    "STCharacters.txt",
    "TSCharactersExt.txt",
    "TWVariants.txt",
    "HKVariants.txt",
    "CJK_Compatibility_Ideographs.txt",
)


@cache
def fold_table() -> dict[int, str]:
    """`str.translate` table mapping each foldable character to its canonical form."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        root = x
        while parent.get(root, root) != root:
            root = parent[root]
        while parent.get(x, x) != root:  # path compression
            parent[x], x = root, parent[x]
        return root

    for name in _FOLD_SOURCES:
        for key, candidates in entries(name):
            if len(key) != 1:
                continue
            for cand in candidates:
                if len(cand) == 1:
                    parent.setdefault(key, key)
                    parent.setdefault(cand, cand)
                    a, b = find(key), find(cand)
                    if a != b:
                        parent[a] = b
    simplified = {k for k, _ in entries("STCharacters.txt") if len(k) == 1}
    classes: dict[str, list[str]] = {}
    for ch in list(parent):
        classes.setdefault(find(ch), []).append(ch)
    table: dict[int, str] = {}
    for members in classes.values():
        preferred = [m for m in members if m in simplified] or members
        canonical = min(preferred)
        for m in members:
            if m != canonical:
                table[ord(m)] = canonical
    # Full-width ASCII (Ａ, ，, ！) to ASCII, and ASCII letters to lower case.
    for code in range(0xFF01, 0xFF5F):
        table[code] = chr(code - 0xFEE0).lower()
    for code in range(ord("A"), ord("Z") + 1):
        table[code] = chr(code).lower()
    table[0x3000] = " "
    return table


def fold(text: str) -> str:
    """Each character replaced by its canonical form; same length as `text`."""
    return text.translate(fold_table())


@cache
def _variants() -> dict[str, str]:
    """Canonical character -> every character that folds to it (itself included)."""
    groups: dict[str, set[str]] = {}
    for code, canonical in fold_table().items():
        groups.setdefault(canonical, {canonical}).add(chr(code))
    return {c: "".join(sorted(members)) for c, members in groups.items()}


def search_pattern(query: str, exact: bool = False) -> re.Pattern[str] | None:
    """A regular expression matching `query` in any script (or exactly); None for ''."""
    if not query:
        return None
    if exact:
        return re.compile(re.escape(query))
    variants = _variants()
    parts = []
    for ch in fold(query):
        members = variants.get(ch)
        parts.append(f"[{re.escape(members)}]" if members else re.escape(ch))
    return re.compile("".join(parts))


class Match(NamedTuple):
    """One match: block index and [start, end) in code points of that block's text."""

    block: int
    start: int
    end: int


def find_in_blocks(
    texts: Sequence[str],
    query: str,
    exact: bool = False,
    cancelled: Callable[[], bool] | None = None,
    sources: Sequence[str] | None = None,
) -> list[Match] | None:
    """Every non-overlapping match of `query` in the blocks `texts`, in reading order.

    `texts` are what is displayed. With `sources` (the same blocks as written,
    before conversion), a query also matches the source wording and the match
    is mapped onto the displayed text: 软件 finds 軟體 shown for a source 软件.
    Exact search matches the displayed text only. Matches never span blocks.
    Returns None when `cancelled()` becomes true.
    """
    pattern = search_pattern(query, exact)
    if pattern is None:
        return []
    shown = _find_joined(pattern, texts, cancelled)
    if shown is None or exact or sources is None or sources is texts:
        return shown
    if len(sources) != len(texts):
        raise ValueError("sources and texts do not have the same blocks")
    written = _find_joined(pattern, sources, cancelled)
    if written is None:
        return None
    aligned = _Alignments(sources, texts)
    mapped = [Match(m.block, *aligned.map(m.block, m.start, m.end)) for m in written]
    return _merge(shown, mapped)


def _find_joined(
    pattern: re.Pattern[str], texts: Sequence[str], cancelled: Callable[[], bool] | None
) -> list[Match] | None:
    starts = []
    offset = 0
    for text in texts:
        starts.append(offset)
        offset += len(text) + 1
    # One search over the joined text is far faster than one per block; "\n" never matches.
    joined = "\n".join(texts)
    matches: list[Match] = []
    for n, m in enumerate(pattern.finditer(joined)):
        if cancelled is not None and n % 1024 == 0 and cancelled():
            return None
        block = bisect.bisect_right(starts, m.start()) - 1
        base = starts[block]
        matches.append(Match(block, m.start() - base, m.end() - base))
    return matches


def map_span(source: str, shown: str, start: int, end: int) -> tuple[int, int]:
    """Where [start, end) of `source` is in `shown`, its conversion.

    Conversion changes lengths only where a phrase became a longer or shorter
    one (的士 → 計程車); a span touching such a phrase grows to cover all of it.
    """
    return span_mapper(source, shown)(start, end)


def span_mapper(source: str, shown: str) -> Callable[[int, int], tuple[int, int]]:
    """`map_span` for many spans of one block: its alignment is computed once, at the first
    span that needs it (none when conversion kept the length)."""
    alignments = _Alignments([source], [shown])
    return lambda start, end: alignments.map(0, start, end)


Opcodes = list[tuple[str, int, int, int, int]]


class _Alignments:
    """Source-to-shown alignments of blocks, each computed once (blocks that kept their
    length need none)."""

    def __init__(self, sources: Sequence[str], shown: Sequence[str]):
        self._sources, self._shown = sources, shown
        self._opcodes: dict[int, Opcodes] = {}

    def map(self, block: int, start: int, end: int) -> tuple[int, int]:
        source, shown = self._sources[block], self._shown[block]
        if len(source) == len(shown):
            return start, end
        opcodes = self._opcodes.get(block)
        if opcodes is None:
            matcher = difflib.SequenceMatcher(None, fold(source), fold(shown), autojunk=False)
            opcodes = self._opcodes[block] = matcher.get_opcodes()
        return _map_position(opcodes, start, end=False), _map_position(opcodes, end, end=True)


def _map_position(opcodes: Opcodes, pos: int, end: bool) -> int:
    for tag, a0, a1, b0, b1 in opcodes:
        if a0 <= pos < a1 or (end and a0 < pos <= a1):
            if tag == "equal":
                return b0 + (pos - a0)
            return b1 if end else b0
    return opcodes[-1][4] if opcodes else pos


def _merge(first: list[Match], second: list[Match]) -> list[Match]:
    """Both lists in reading order, without duplicates or overlaps (the earlier match wins)."""
    merged: list[Match] = []
    for m in sorted(set(first) | set(second)):
        if merged and merged[-1].block == m.block and m.start < merged[-1].end:
            continue
        merged.append(m)
    return merged
