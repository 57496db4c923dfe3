"""Pieces of one-line messages for people: file names, sizes and operating-system errors.

The command line and the window word their messages with these, so that a
file name cannot break a message over lines or drive the terminal, a size
never reads as over a limit it equals, and a full disk says so.
"""

from __future__ import annotations

import errno
import os
from functools import cache

#: Characters that move the cursor, change colours or reorder a line when printed.
_BIDI_CONTROLS = (0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A))
_SHORT_ESCAPES = {0x09: "\\t", 0x0A: "\\n", 0x0D: "\\r"}

#: The wording of errors users meet when writing, the same on every platform.
_REASONS = {
    errno.ENOSPC: "No space left on device",
    errno.EDQUOT: "Disk quota exceeded",
    errno.EROFS: "Read-only file system",
    errno.EACCES: "Permission denied",
    errno.EPERM: "Operation not permitted",
    errno.ENOENT: "No such file or directory",
    errno.EISDIR: "Is a directory",
    errno.ENOTDIR: "Not a directory",
    errno.EFBIG: "File too large",
    errno.EIO: "Input/output error",
}


@cache
def _escapes() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in (*range(0x20), 0x7F, *range(0x80, 0xA0)):
        table[code] = _SHORT_ESCAPES.get(code, f"\\x{code:02x}")
    for code in (*_BIDI_CONTROLS, 0x2028, 0x2029):
        table[code] = f"\\u{code:04x}"
    for code in range(0xD800, 0xE000):
        # A file name byte that is not UTF-8 arrives as a lone surrogate U+DC80..U+DCFF.
        table[code] = f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}"
    return table


class Notice(str):
    """A one-line English message that also carries a `code` and its arguments, so that a
    translated interface can word it itself; wherever a `str` is used, it is the English line.
    """

    code: str
    details: dict[str, object]

    def __new__(cls, text: str, code: str, **details: object) -> Notice:
        notice = super().__new__(cls, text)
        notice.code = code
        notice.details = details
        return notice

    def __getnewargs_ex__(self) -> tuple[tuple[str, str], dict[str, object]]:
        return (str(self), self.code), self.details


def printable(text: str) -> str:
    """`text` with control, bidirectional-override and undecodable characters escaped.

    The result prints on one line and cannot send escape sequences to a
    terminal; Chinese, spaces (also U+3000) and other visible characters stay.
    """
    return text.translate(_escapes())


def display_path(path: str | bytes | os.PathLike[str] | os.PathLike[bytes]) -> str:
    """A file name as it may be shown in a message: on one line, without control characters."""
    return printable(os.fsdecode(path))


def os_error_reason(exc: OSError) -> str:
    """Why the operating system refused, in a few words ("No space left on device")."""
    if exc.errno in _REASONS:
        return _REASONS[exc.errno]
    if exc.errno is not None:
        return printable(os.strerror(exc.errno))
    return printable(exc.strerror or str(exc) or type(exc).__name__)


def human_size(n: int, decimals: int = 1) -> str:
    """1536 → "1.5 KiB"; below 1 KiB the exact number of bytes."""
    return _worded(n, decimals)[0]


def _worded(n: int, decimals: int) -> tuple[str, float]:
    """The size in words and the number of bytes those words stand for."""
    if n < 1024:
        return (f"{n} byte" if n == 1 else f"{n} bytes"), float(n)
    size = float(n)
    scale = 1
    for unit in ("KiB", "MiB", "GiB", "TiB"):
        size /= 1024
        scale *= 1024
        if size < 1024 or unit == "TiB":
            break
    rounded = round(size, decimals)
    return f"{rounded:.{decimals}f} {unit}", rounded * scale


def sizes_apart(size: int, limit: int) -> tuple[str, str]:
    """`size` and `limit` worded so that a size over the limit never reads as equal to it.

    One decimal when that tells them apart, more when needed, exact bytes at worst.
    """
    for decimals in (1, 2, 3):
        size_words, size_read = _worded(size, decimals)
        limit_words, limit_read = _worded(limit, decimals)
        if _compare(size_read, limit_read) == _compare(size, limit):
            return size_words, limit_words
    return f"{size:,} bytes", f"{limit:,} bytes"


def _compare(a: float, b: float) -> int:
    return (a > b) - (a < b)
