"""What conversion did to each block: aligned segments for review.

A block's segments cover its source text and its displayed text in order,
each pairing a source span with the displayed span it became and saying how
that was chosen: a phrase entry of OpenCC's dictionary, the character table,
a variant table, a quotation-mark rule, ZhReader's guard or a user's fix.
Joined, the displayed spans are exactly the displayed text (guard, quotes
and fixes included); the source spans are exactly the source.

Segments are computed for one block at a time from its source and displayed
text, on demand (the blocks on screen), never for a whole book at a switch.

A segment is *uncertain* when its source character has more than one
candidate in the character table (发 → 發 髮) and no phrase entry of the
dictionary decided it, or when two phrase entries that both match disagree
about it (被发明: 被发 → 被髮, 发明 → 發明) — measured in
docs/conversion-review.md.
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import NamedTuple

from reader.core.convert import Chain, convert
from reader.core.dictionaries import entries
from reader.core.guard import default_guard
from reader.core.search import fold


class SegmentKind(StrEnum):
    """How a segment's displayed text was chosen."""

    SAME = "same"  # left as written: nothing to choose
    PHRASE = "phrase"  # a phrase entry of the dictionary
    CHARACTER = "character"  # the character table
    VARIANT = "variant"  # a variant table (regional forms, mainland variants)
    QUOTE = "quote"  # the quotation-mark rule (“” → 「」)
    GUARD = "guard"  # ZhReader's reviewed table of OpenCC's errors
    FIX = "fix"  # the user's fix or user dictionary
    RULE = "rule"  # a replacement rule


class Segment(NamedTuple):
    """A source span [source_start, source_end) shown as [shown_start, shown_end).

    `phrase` is the dictionary phrase that decided it (source form), if one did. (A named
    tuple: a book has hundreds of thousands, and tuples are made several times faster.)
    """

    source_start: int
    source_end: int
    shown_start: int
    shown_end: int
    kind: SegmentKind
    uncertain: bool = False
    phrase: str = ""

    @property
    def changed(self) -> bool:
        """True when the segment is not simply the text as written."""
        return self.kind is not SegmentKind.SAME


@dataclass(frozen=True, slots=True)
class Alternative:
    """Another text a segment could show, with a short hint (example words) if there is one."""

    text: str
    hint: str = ""


#: The OpenCC configs whose first dictionary turns Simplified into Traditional, or back.
_S2T = frozenset({"s2t", "s2tw", "s2twp", "s2hk", "s2hkp"})
_T2S = frozenset({"t2s", "tw2s", "tw2sp", "hk2s", "hk2sp"})
#: Chain steps that convert regional vocabulary (a change no character table explains).
_PHRASE_STEPS = frozenset(
    {"s2twp", "s2hkp", "tw2sp", "hk2sp", "tw-phrases", "tw-phrases-rev", "hk-phrases"}
    | {"hk-phrases-rev"}
)
_QUOTES = frozenset("“”‘’「」『』")
#: How many phrase entries choosing a one-to-many character's other candidates make it risky
#: enough to mark when no phrase decided it (measured: docs/conversion-review.md).
RISKY_PHRASES = 50
_RISKY = "\x02"
#: A phrase over a position: the phrase, the position's offset in it, what it shows there.
Covering = tuple[str, int, str]


class ReviewTables:
    """The dictionaries behind one chain, arranged to explain its output quickly."""

    def __init__(self, chain: Chain):
        self.chain = chain
        main = next((i for i, c in enumerate(chain) if c in _S2T or c in _T2S), -1)
        self.regional = any(c in _PHRASE_STEPS for c in chain)
        if main < 0:
            self.characters: dict[str, tuple[str, ...]] = {}
            self.phrases: dict[str, tuple[str, ...]] = {}
        else:
            prefix = "ST" if chain[main] in _S2T else "TS"
            names = [f"{prefix}Phrases.txt"]
            if prefix == "ST":
                names.append("STPhrases_GeneratedFromRegionalPhrases.txt")
            self.characters, self.phrases = _dictionary(f"{prefix}Characters.txt", tuple(names))
        # Candidates as the rest of the chain shows them (里 → 裏 → 裡 for Taiwan).
        rest = _rest(chain, main)
        self.candidates = _through(self.characters, rest)
        self.default = {c: cands[0] for c, cands in self.candidates.items()}
        self.multi = frozenset(c for c, cands in self.candidates.items() if len(cands) > 1)
        self._phrase_out = {p: _through_text(c[0], rest) for p, c in self.phrases.items()}
        # Phrases containing a one-to-many character, by that character and a neighbour, with
        # the character's offset and what the phrase shows there ('' if lengths differ).
        self._after: dict[tuple[str, str], list[Covering]] = defaultdict(list)
        self._before: dict[tuple[str, str], list[Covering]] = defaultdict(list)
        multi = self.multi
        for phrase, out in self._phrase_out.items():
            for k, ch in enumerate(phrase):
                if ch in multi:
                    shown = out[k] if len(out) == len(phrase) else ""
                    if k + 1 < len(phrase):
                        self._after[ch, phrase[k + 1]].append((phrase, k, shown))
                    else:
                        self._before[phrase[k - 1], ch].append((phrase, k, shown))
        self.risky = self._risky_characters()
        expect = {c: d for c, d in self.default.items() if len(d) == 1 and d != c}
        expect.update(dict.fromkeys(self.risky, _RISKY))
        expect[_RISKY] = "\0"
        self._expect_table = str.maketrans(expect)
        guard = default_guard()
        contexts = {e.context for e in guard.entries} | {e.pin for e in guard.entries if e.pin}
        contexts |= {convert(c, ("s2t",), guarded=False) for c in list(contexts)}
        keys = sorted(contexts, key=lambda k: (-len(k), k))
        self._guard = re.compile("|".join(map(re.escape, keys))) if keys else None
        self._examples: dict[tuple[str, str], list[str]] | None = None

    def _risky_characters(self) -> frozenset[str]:
        """One-to-many characters whose other candidates the dictionary needs at least
        `RISKY_PHRASES` phrase entries to choose (发 366, 干 732, 里 889; not 了 20, 家 14)."""
        against: dict[str, int] = defaultdict(int)
        for phrase, out in self._phrase_out.items():
            if len(out) != len(phrase):
                continue
            for k, ch in enumerate(phrase):
                if ch in self.multi and out[k] != self.default[ch]:
                    against[ch] += 1
        return frozenset(c for c, n in against.items() if n >= RISKY_PHRASES)

    def covering(self, source: str, pos: int) -> list[Covering]:
        """The dictionary phrases that match `source` over position `pos`: each with the
        position's offset in it and what the phrase shows there."""
        ch = source[pos]
        found = []
        if pos + 1 < len(source):
            for entry in self._after.get((ch, source[pos + 1]), ()):
                k = entry[1]
                if pos >= k and source.startswith(entry[0], pos - k):
                    found.append(entry)
        if pos > 0:
            for entry in self._before.get((source[pos - 1], ch), ()):
                k = entry[1]
                if pos >= k and source.startswith(entry[0], pos - k):
                    found.append(entry)
        return found

    def phrase_output(self, phrase: str) -> str:
        """What the chain shows for a dictionary phrase (its first candidate)."""
        return self._phrase_out.get(phrase, phrase)

    def block_segments(
        self,
        source: str,
        shown: str,
        fixed: Sequence[tuple[int, int]] = (),
        guarded: bool = True,
        ruled: Sequence[tuple[int, int]] = (),
    ) -> list[Segment]:
        """The segments of one block: `source` as written, `shown` as displayed; `fixed`
        are source spans the user's fixes replaced, `ruled` those replacement rules matched;
        `guarded` false explains OpenCC's own output (no context of the guard table is
        credited to it)."""
        if len(source) != len(shown):
            return _joined(self._unequal(source, shown, fixed, guarded, ruled))
        # Where the display is not the character table's default, or the character is a
        # risky one-to-many one, is worth a look; everything between is a plain run.
        # (Regular expressions over thousands of characters are slow, 0.6 s a million:
        # one `translate` writes the defaults and puts _RISKY at the risky characters.)
        expected = source.translate(self._expect_table)
        notable: list[int] = []
        pos = 0
        while True:
            risky = expected.find(_RISKY, pos)
            end = len(source) if risky < 0 else risky
            if expected[pos:end] != shown[pos:end]:
                notable.extend(_mismatches(expected, shown, pos, end))
            if risky < 0:
                break
            notable.append(risky)
            pos = risky + 1
        fix_at = dict.fromkeys(_positions(ruled), SegmentKind.RULE)
        fix_at.update(dict.fromkeys(_positions(fixed), SegmentKind.FIX))
        if fix_at:
            notable = sorted(set(notable) | set(fix_at))
        in_guard = self._guarded(source) if notable and guarded else set()
        segments: list[Segment] = []
        pos = 0
        for p in notable:
            if p > pos:
                _plain(source, shown, pos, p, segments)
            segments.append(self._one(source, shown, p, fix_at, in_guard))
            pos = p + 1
        if pos < len(source):
            _plain(source, shown, pos, len(source), segments)
        return _joined(segments)

    def _one(
        self, source: str, shown: str, p: int, fix_at: dict[int, SegmentKind], guarded: set[int]
    ) -> Segment:
        ch, out = source[p], shown[p]
        if p in fix_at:
            return Segment(p, p + 1, p, p + 1, fix_at[p])
        if p in guarded:
            return Segment(p, p + 1, p, p + 1, SegmentKind.GUARD)
        default = self.default.get(ch, ch)
        if ch not in self.multi:
            if out == default:
                kind = SegmentKind.CHARACTER if out != ch else SegmentKind.SAME
            else:
                kind = self._other(ch, out)
            return Segment(p, p + 1, p, p + 1, kind)
        covering = self.covering(source, p)
        agreeing = [phrase for phrase, _, shows in covering if shows == out]
        disagree = len(agreeing) < len(covering)
        if agreeing:
            phrase = max(agreeing, key=len)
            return Segment(p, p + 1, p, p + 1, SegmentKind.PHRASE, disagree, phrase)
        if out == default:
            return Segment(p, p + 1, p, p + 1, SegmentKind.CHARACTER, ch in self.risky)
        if out in self.candidates.get(ch, ()):
            return Segment(p, p + 1, p, p + 1, SegmentKind.PHRASE, disagree)
        return Segment(p, p + 1, p, p + 1, self._other(ch, out))

    def _other(self, ch: str, out: str) -> SegmentKind:
        if ch in _QUOTES or out in _QUOTES:
            return SegmentKind.QUOTE
        return SegmentKind.PHRASE if self.regional else SegmentKind.VARIANT

    def _guarded(self, source: str) -> set[int]:
        """Positions inside a context of ZhReader's guard table (the table decided them)."""
        if self._guard is None:
            return set()
        return {p for m in self._guard.finditer(source) for p in range(*m.span())}

    def _unequal(
        self,
        source: str,
        shown: str,
        fixed: Sequence[tuple[int, int]],
        guarded: bool,
        ruled: Sequence[tuple[int, int]],
    ) -> list[Segment]:
        """Segments where conversion changed the length (的士 → 計程車): aligned by the
        script-insensitive fold, each stretch of equal length explained as usual."""
        matcher = difflib.SequenceMatcher(None, fold(source), fold(shown), autojunk=False)
        segments: list[Segment] = []
        for tag, a0, a1, b0, b1 in matcher.get_opcodes():
            if tag == "equal" or a1 - a0 == b1 - b0:
                inner = _within(fixed, a0, a1)
                ruled_inner = _within(ruled, a0, a1)
                parts = self.block_segments(
                    source[a0:a1], shown[b0:b1], inner, guarded, ruled_inner
                )
                segments.extend(_moved(seg, a0, b0) for seg in parts)
                continue
            kind = SegmentKind.PHRASE
            if any(s < a1 and e > a0 for s, e in fixed):
                kind = SegmentKind.FIX
            elif any(s <= a1 and e >= a0 for s, e in ruled):
                kind = SegmentKind.RULE
            segments.append(Segment(a0, a1, b0, b1, kind))
        return segments

    def alternatives(self, source: str, shown: str) -> list[Alternative]:
        """What else `source` (a segment's or a phrase's source text) could show instead of
        `shown`: the dictionary's phrase candidates, then each one-to-many character's other
        candidates, each with example words as a hint."""
        found: dict[str, str] = {}
        if source in self.phrases:
            for cand in self.phrases[source]:
                found.setdefault(_through_text(cand, self._rest()), "")
        for k, ch in enumerate(source):
            if ch in self.multi and len(source) == len(shown):
                for cand in self.candidates[ch]:
                    text = shown[:k] + cand + shown[k + 1 :]
                    found.setdefault(text, self.hint(ch, cand))
        found.pop(shown, None)
        return [Alternative(t, h) for t, h in found.items()]

    def hint(self, ch: str, candidate: str) -> str:
        """Up to two dictionary words in which `ch` becomes `candidate` (髮: 頭髮 理髮)."""
        if self._examples is None:
            self._examples = _examples_of(self)
        return " ".join(self._examples.get((ch, candidate), ())[:2])

    def _rest(self) -> Chain:
        return _rest(self.chain, next((i for i, c in enumerate(self.chain) if c in _S2T), -1))


def _rest(chain: Chain, main: int) -> Chain:
    """The steps after the main dictionary that change single characters (variant tables:
    s2tw's own TWVariants as t2tw), so candidates can be shown as the chain shows them."""
    if main < 0:
        return ()
    own = {"s2tw": "t2tw", "s2twp": "t2tw", "s2hk": "t2hk", "s2hkp": "t2hk"}.get(chain[main])
    after = tuple(c for c in chain[main + 1 :] if c not in _PHRASE_STEPS and c != "t2std")
    return ((own,) if own else ()) + after


@cache
def review_tables(chain: Chain) -> ReviewTables:
    """The tables for `chain`, built once per process (about a second for Simplified chains)."""
    return ReviewTables(chain)


def block_segments(
    chain: Chain,
    source: str,
    shown: str,
    fixed: Sequence[tuple[int, int]] = (),
    ruled: Sequence[tuple[int, int]] = (),
) -> list[Segment]:
    """The segments of one block converted through `chain` (see `ReviewTables.block_segments`)."""
    return review_tables(chain).block_segments(source, shown, fixed, True, ruled)


def _examples_of(tables: ReviewTables) -> dict[tuple[str, str], list[str]]:
    """Two-character dictionary words per (character, candidate), those made of the
    characters the dictionary uses most first: a rough stand-in for common words."""
    use: dict[str, int] = defaultdict(int)
    for phrase in tables.phrases:
        for ch in phrase:
            use[ch] += 1
    found: dict[tuple[str, str], list[tuple[int, str]]] = defaultdict(list)
    for phrase in tables.phrases:
        out = tables.phrase_output(phrase)
        if len(phrase) != 2 or len(out) != 2 or phrase[0] == phrase[1]:
            continue
        for k, ch in enumerate(phrase):
            if ch in tables.multi:
                found[ch, out[k]].append((-use[phrase[1 - k]], out))
    return {key: list(dict.fromkeys(w for _, w in sorted(words))) for key, words in found.items()}


@cache
def _dictionary(
    characters: str, phrases: tuple[str, ...]
) -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    chars = {k: tuple(v) for k, v in entries(characters) if len(k) == 1}
    found: dict[str, tuple[str, ...]] = {}
    for name in phrases:
        for key, cands in entries(name):
            found.setdefault(key, tuple(cands))
    return chars, found


def _through(table: dict[str, tuple[str, ...]], rest: Chain) -> dict[str, tuple[str, ...]]:
    """Each character's candidates as the steps `rest` turn them (duplicates dropped)."""
    if not rest:
        return table
    keys = list(table)
    flat = [c for k in keys for c in table[k]]
    converted = convert("\n".join(flat), rest, guarded=False).split("\n")
    out: dict[str, tuple[str, ...]] = {}
    i = 0
    for k in keys:
        n = len(table[k])
        out[k] = tuple(dict.fromkeys(converted[i : i + n]))
        i += n
    return out


def _through_text(text: str, rest: Chain) -> str:
    return convert(text, rest, guarded=False) if rest else text


def _plain(source: str, shown: str, start: int, end: int, segments: list[Segment]) -> None:
    """[start, end) shows each character's table default: one CHARACTER segment if any of
    them changed (`changed_runs` finds which), else SAME."""
    changed = source[start:end] != shown[start:end]
    kind = SegmentKind.CHARACTER if changed else SegmentKind.SAME
    segments.append(Segment(start, end, start, end, kind))


def changed_runs(source: str, shown: str, segment: Segment) -> list[tuple[int, int]]:
    """The displayed spans inside `segment` whose characters differ from the source (a
    CHARACTER segment covers unchanged characters between changed ones)."""
    a, b = segment.shown_start, segment.shown_end
    if segment.source_end - segment.source_start != b - a:
        return [(a, b)]
    runs: list[tuple[int, int]] = []
    for p in _mismatches(source[segment.source_start : segment.source_end], shown[a:b]):
        if runs and runs[-1][1] == a + p:
            runs[-1] = (runs[-1][0], a + p + 1)
        else:
            runs.append((a + p, a + p + 1))
    return runs


def _mismatches(
    a: str, b: str, lo: int = 0, hi: int | None = None, step: int = 32
) -> Iterator[int]:
    """Positions in [lo, hi) where two strings differ (compared a slice at a time)."""
    hi = len(a) if hi is None else hi
    for start in range(lo, hi, step):
        end = min(start + step, hi)
        if a[start:end] != b[start:end]:
            for p in range(start, end):
                if a[p] != b[p]:
                    yield p


def _within(spans: Sequence[tuple[int, int]], lo: int, hi: int) -> list[tuple[int, int]]:
    """`spans` cut to [lo, hi), relative to lo."""
    return [(max(s, lo) - lo, min(e, hi) - lo) for s, e in spans if s < hi and e > lo]


def _positions(spans: Sequence[tuple[int, int]]) -> set[int]:
    return {p for s, e in spans for p in range(s, e)}


def _moved(seg: Segment, a: int, b: int) -> Segment:
    return Segment(
        seg.source_start + a,
        seg.source_end + a,
        seg.shown_start + b,
        seg.shown_end + b,
        seg.kind,
        seg.uncertain,
        seg.phrase,
    )


def _joined(segments: list[Segment]) -> list[Segment]:
    """Neighbouring segments of the same plain kind merged (runs of SAME or CHARACTER)."""
    out: list[Segment] = []
    for seg in segments:
        if seg.source_start == seg.source_end and seg.shown_start == seg.shown_end:
            continue
        if (
            out
            and seg.kind is out[-1].kind
            and seg.kind in (SegmentKind.SAME, SegmentKind.CHARACTER, SegmentKind.VARIANT)
            and not seg.uncertain
            and not out[-1].uncertain
            and out[-1].source_end == seg.source_start
        ):
            last = out[-1]
            out[-1] = Segment(
                last.source_start, seg.source_end, last.shown_start, seg.shown_end, seg.kind
            )
            continue
        out.append(seg)
    return out
