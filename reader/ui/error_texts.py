"""Why a document cannot be opened, and notes about one that opened, in the interface language.

The core raises `LoadError` with a `code` and its arguments (and an English
line for the command line); this table words each code as a whole sentence
for the window. A code it does not know keeps the core's English line.
"""

from __future__ import annotations

import errno

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject

from reader.core.loading import LoadError
from reader.core.messages import os_error_reason

CONTEXT = "OpenErrors"

# code → sentence; %1 is the file name, %2 and %3 the code's other arguments.
_SENTENCES = {
    "missing": QT_TRANSLATE_NOOP("OpenErrors", "%1: no such file"),
    "unreadable": QT_TRANSLATE_NOOP("OpenErrors", "%1: cannot be read (%2)"),
    "folder": QT_TRANSLATE_NOOP("OpenErrors", "%1: is a folder, not a document"),
    "not-a-file": QT_TRANSLATE_NOOP("OpenErrors", "%1: is not a regular file"),
    "too-large": QT_TRANSLATE_NOOP("OpenErrors", "%1: %2 is over the limit of %3"),
    "over-limit": QT_TRANSLATE_NOOP("OpenErrors", "%1: over the limit of %2"),
    "binary": QT_TRANSLATE_NOOP("OpenErrors", "%1: not a text document (binary data)"),
    "binary-or-encoding": QT_TRANSLATE_NOOP(
        "OpenErrors", "%1: not a text document (binary data or an unknown encoding)"
    ),
    "unknown-encoding": QT_TRANSLATE_NOOP("OpenErrors", "%1: unknown encoding %2"),
    "not-text-encoding": QT_TRANSLATE_NOOP(
        "OpenErrors", "%1: %2 is not a text encoding (try utf-8, gb18030 or big5)"
    ),
    "not-an-epub": QT_TRANSLATE_NOOP("OpenErrors", "%1: not an EPUB (not a ZIP archive)"),
    "damaged-book": QT_TRANSLATE_NOOP("OpenErrors", "%1: the EPUB archive is damaged or truncated"),
    "encrypted-book": QT_TRANSLATE_NOOP("OpenErrors", "%1: the book is encrypted (DRM)"),
    "no-chapters": QT_TRANSLATE_NOOP("OpenErrors", "%1: the book has no readable chapters"),
}
# The arguments each code's %2 and %3 stand for.
_ARGUMENTS = {
    "unreadable": ("reason",),
    "too-large": ("size", "limit"),
    "over-limit": ("limit",),
    "unknown-encoding": ("encoding",),
    "not-text-encoding": ("encoding",),
}
# The operating system's reasons users meet when reading or writing a file.
_REASONS = {
    errno.ENOSPC: QT_TRANSLATE_NOOP("OpenErrors", "No space left on device"),
    errno.EDQUOT: QT_TRANSLATE_NOOP("OpenErrors", "Disk quota exceeded"),
    errno.EROFS: QT_TRANSLATE_NOOP("OpenErrors", "Read-only file system"),
    errno.EFBIG: QT_TRANSLATE_NOOP("OpenErrors", "File too large"),
    errno.EACCES: QT_TRANSLATE_NOOP("OpenErrors", "Permission denied"),
    errno.EPERM: QT_TRANSLATE_NOOP("OpenErrors", "Operation not permitted"),
    errno.ENOENT: QT_TRANSLATE_NOOP("OpenErrors", "No such file or directory"),
    errno.EISDIR: QT_TRANSLATE_NOOP("OpenErrors", "Is a directory"),
    errno.ENOTDIR: QT_TRANSLATE_NOOP("OpenErrors", "Not a directory"),
    errno.EIO: QT_TRANSLATE_NOOP("OpenErrors", "Input/output error"),
}


def _translate(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def open_error_message(exc: LoadError) -> str:
    """The one-line message for a document that cannot be opened, in the interface language."""
    sentence = _SENTENCES.get(exc.code)
    path = exc.details.get("path")
    if sentence is None or path is None:
        return str(exc)
    details = dict(exc.details)
    if exc.code == "unreadable" and details.get("errno") in _REASONS:
        details["reason"] = _translate(_REASONS[details["errno"]])
    values = [str(path), *(str(details.get(name, "")) for name in _ARGUMENTS.get(exc.code, ()))]
    return _fill(_translate(sentence), values)


def os_reason(exc: OSError) -> str:
    """Why the operating system refused, in a few words of the interface language."""
    if exc.errno in _REASONS:
        return _translate(_REASONS[exc.errno])
    return os_error_reason(exc)


def no_memory_message(path: str) -> str:
    """The document is too big for the memory left."""
    return _fill(
        _translate(QT_TRANSLATE_NOOP("OpenErrors", "%1: not enough memory to open it")), [path]
    )


def unexpected_error_message(path: str, error: str) -> str:
    """An error nobody foresaw, in one line."""
    return _fill(
        _translate(QT_TRANSLATE_NOOP("OpenErrors", "%1: could not be opened (%2)")), [path, error]
    )


def conversion_error_message(error: str) -> str:
    """A conversion that failed, in one line."""
    return _fill(_translate(QT_TRANSLATE_NOOP("OpenErrors", "conversion failed (%1)")), [error])


def _fill(sentence: str, values: list[str]) -> str:
    """Put `values` in for %1, %2 … in one pass (a file name may itself contain "%2")."""
    out, i = [], 0
    while i < len(sentence):
        if sentence[i] == "%" and i + 1 < len(sentence) and sentence[i + 1].isdigit():
            n = int(sentence[i + 1])
            if 1 <= n <= len(values):
                out.append(values[n - 1])
                i += 2
                continue
        out.append(sentence[i])
        i += 1
    return "".join(out)


class NoticeTexts(QObject):
    """Words the core's notes about an opened document (undecodable bytes, a book's missing
    parts) in the interface language; a note it does not know stays as the core wrote it."""

    def word(self, notice: str) -> str:
        """One note as a sentence for the status bar."""
        code = getattr(notice, "code", "")
        details = getattr(notice, "details", {})
        count = int(details.get("count", 0))
        if code == "undecodable":
            text = self.tr("%n places with undecodable bytes in %1, shown as �", "", count)
            return _fill(text, [str(details.get("encoding", ""))])
        if code == "chapters-missing":
            text = self.tr("%n chapters missing from the book: %1", "", count)
            return _fill(text, [str(details.get("names", ""))])
        if code == "chapters-damaged":
            text = self.tr("%n damaged chapters left out: %1", "", count)
            return _fill(text, [str(details.get("names", ""))])
        if code == "malformed-xhtml":
            return self.tr("%n files with malformed XHTML, read as well as possible", "", count)
        if code == "outside-links":
            return self.tr("%n links or pictures outside the book ignored", "", count)
        if code == "pictures-missing":
            return self.tr("%n pictures missing from the book", "", count)
        if code == "toc-damaged":
            text = self.tr("the table of contents %1 is damaged")
            return _fill(text, [str(details.get("member", ""))])
        if code == "manifest-outside":
            text = self.tr("manifest item %1 points outside the book; ignored")
            return _fill(text, [str(details.get("item", ""))])
        if code == "vertical-book":
            return self.tr("the book is set in vertical columns (View ▸ Vertical)")
        return str(notice)

    def join(self, notes: list[str]) -> str:
        """Several notes on one line."""
        return self.tr("; ").join(notes)
