"""Script-insensitive search: `发展` finds `發展`, with spans in the original text.

Every character folds to one canonical character (length-preserving), built
from OpenCC's single-character tables and variant tables. Matching folds
each side, so a query in either script finds matches in either script.

What it cannot do: differences of more than one character or of wording
(軟體/软件, 資訊/信息, 的士/計程車) are not folded; nor are one-to-many
choices resolved by context — 发 finds 發 and 髮 alike.
"""

from __future__ import annotations

import re
from functools import cache

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


def find_all(text: str, query: str, exact: bool = False) -> list[tuple[int, int]]:
    """(start, end) of every non-overlapping match of `query` in `text`."""
    pattern = search_pattern(query, exact)
    if pattern is None:
        return []
    return [m.span() for m in pattern.finditer(text)]
