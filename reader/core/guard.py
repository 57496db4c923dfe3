"""A guard against OpenCC's known errors: phrase matches across word boundaries.

OpenCC matches the longest dictionary phrase at each position, so a phrase
can straddle two words: 美国的士兵 → 美國計程車兵 (的士), 被发明 → 被髮明 (被发).
The guard does not touch the engine. It cuts the text at the boundaries a
reviewed table names (`data/guard.tsv`) and has the engine convert the
pieces, so no phrase can match across a cut; any engine with
`convert(text)` works. A few entries also pin the output of a context whose
one-to-many character OpenCC resolves wrongly by default (子丑寅卯, 甩干).
Text without a listed context converts exactly as OpenCC converts it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import resources

from reader.core.search import fold

#: Configs that turn Simplified into Traditional: where a pin's Traditional form applies.
PIN_CONFIGS = frozenset({"s2t", "s2tw", "s2twp", "s2hk", "s2hkp"})


@dataclass(frozen=True, slots=True)
class GuardEntry:
    """One reviewed context: where to cut it, or what it must become in Traditional."""

    context: str
    cuts: tuple[int, ...]
    pin: str | None
    provenance: str


@dataclass(frozen=True, slots=True)
class Piece:
    """A stretch of text to convert on its own, or (`pin` set) to replace as given."""

    text: str
    pin: str | None = None


def parse_entries(lines: list[str]) -> list[GuardEntry]:
    """The entries of a guard table (tab-separated; `#` starts a comment line)."""
    result = []
    for line in lines:
        if not line.strip() or line.startswith("#"):
            continue
        marked, pin, provenance = [*line.rstrip("\n").split("\t"), "", ""][:3]
        cuts = []
        context = ""
        for part in marked.split("|"):
            if context:
                cuts.append(len(context))
            context += part
        if pin and len(pin) != len(context):
            raise ValueError(f"guard entry {marked!r}: the pin {pin!r} is not the same length")
        result.append(GuardEntry(context, tuple(cuts), pin or None, provenance))
    return result


class Guard:
    """Cuts text at the table's boundaries (matched in any script) and finds its pins."""

    def __init__(self, entries: list[GuardEntry]):
        self.entries = tuple(entries)
        self._by_context = {fold(e.context): e for e in entries}
        keys = sorted(self._by_context, key=lambda k: (-len(k), k))
        self._pattern = re.compile("|".join(map(re.escape, keys))) if keys else None

    def pieces(self, text: str, pins: bool) -> list[Piece]:
        """`text` cut at every listed boundary; with `pins`, pinned contexts as their own pieces."""
        if self._pattern is None:
            return [Piece(text)]
        pieces: list[Piece] = []
        pos = 0
        for m in self._pattern.finditer(fold(text)):
            entry = self._by_context[m.group()]
            start = m.start()
            if pins and entry.pin is not None:
                pieces.append(Piece(text[pos:start]))
                pieces.append(Piece(text[start : m.end()], entry.pin))
                pos = m.end()
                continue
            for cut in entry.cuts:
                pieces.append(Piece(text[pos : start + cut]))
                pos = start + cut
        pieces.append(Piece(text[pos:]))
        return [p for p in pieces if p.text]

    def convert(
        self,
        text: str,
        config: str,
        engine: Callable[[str], str],
        pinned: Callable[[str], str],
    ) -> str:
        """`engine` applied to each piece of `text`; `pinned` turns a pin into `config`'s output."""
        pieces = self.pieces(text, config in PIN_CONFIGS)
        if len(pieces) <= 1 and (not pieces or pieces[0].pin is None):
            return engine(text)
        return "".join(engine(p.text) if p.pin is None else pinned(p.pin) for p in pieces)


@cache
def default_guard() -> Guard:
    """The guard built from ZhReader's reviewed table."""
    raw = resources.files("reader.core").joinpath("data/guard.tsv").read_text(encoding="utf-8")
    return Guard(parse_entries(raw.splitlines()))
