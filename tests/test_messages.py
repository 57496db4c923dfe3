"""Pieces of messages: file names on one line, sizes that never contradict, OS errors in words."""

from __future__ import annotations

import errno

import pytest

from reader.core.messages import display_path, human_size, os_error_reason, printable, sizes_apart

MIB = 1024 * 1024


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("a\nb.txt", "a\\nb.txt"),
        ("\x1b[2J\x1b[31mred.txt", "\\x1b[2J\\x1b[31mred.txt"),
        ("tab\there\r.txt", "tab\\there\\r.txt"),
        ("\u202etxt.exe", "\\u202etxt.exe"),
        ("c1\x9b31m.txt", "c1\\x9b31m.txt"),
        ("bad\udcff.txt", "bad\\xff.txt"),
        ("第一章\u3000序.txt", "第一章\u3000序.txt"),
        ("/home/user/my book.txt", "/home/user/my book.txt"),
    ],
    ids=[
        "newline",
        "esc",
        "tab-cr",
        "bidi-override",
        "c1-csi",
        "undecodable-byte",
        "chinese",
        "plain",
    ],
)
def test_display_path_keeps_names_on_one_line_without_controls(name, shown):
    assert display_path(name) == shown


def test_display_path_accepts_bytes_that_are_not_utf8():
    assert display_path(b"bad\xff\n.txt") == "bad\\xff\\n.txt"


def test_printable_output_encodes_and_has_no_control_characters():
    every_char = "".join(chr(c) for c in range(0x3000)) + "\udc80\ud800"
    shown = printable(every_char)
    shown.encode("utf-8")
    assert not any(ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 for c in shown)


@pytest.mark.parametrize(
    ("size", "limit", "words"),
    [
        (256 * MIB + 1, 256 * MIB, ("268,435,457 bytes", "268,435,456 bytes")),
        (256 * MIB + 60_000, 256 * MIB, ("256.1 MiB", "256.0 MiB")),
        (int(256.04 * MIB), 256 * MIB, ("256.04 MiB", "256.00 MiB")),
        (MIB, MIB - 1, ("1.000 MiB", "1023.999 KiB")),
        (300 * MIB, 256 * MIB, ("300.0 MiB", "256.0 MiB")),
        (3000, 1024, ("2.9 KiB", "1.0 KiB")),
        (14, 1, ("14 bytes", "1 byte")),
    ],
)
def test_a_size_over_the_limit_never_reads_as_equal(size, limit, words):
    assert sizes_apart(size, limit) == words


def test_human_size_units():
    assert [human_size(n) for n in (0, 1023, 1536, 5 * MIB, 3 * 1024 * MIB)] == [
        "0 bytes",
        "1023 bytes",
        "1.5 KiB",
        "5.0 MiB",
        "3.0 GiB",
    ]


@pytest.mark.parametrize(
    ("exc", "reason"),
    [
        (OSError(errno.ENOSPC, "Writing canceled by application"), "No space left on device"),
        (OSError(errno.EDQUOT, "whatever"), "Disk quota exceeded"),
        (PermissionError(errno.EACCES, "Access is denied"), "Permission denied"),
        (OSError(errno.EROFS, "x"), "Read-only file system"),
        (OSError("no errno\nsecond line"), "no errno\\nsecond line"),
        (OSError(), "OSError"),
    ],
    ids=["enospc", "quota", "eacces", "erofs", "no-errno", "empty"],
)
def test_os_error_reason_is_a_few_words_on_one_line(exc, reason):
    assert os_error_reason(exc) == reason
