"""Reflow hard-wrapped plain text: join the lines a fixed-width wrapper broke.

Old BBS and TXT novels were wrapped every 30-40 characters, each physical line
ending at one common width. `reflow` is a pre-pass over decoded text, before
structure recognition: it decides per document whether the text is wrapped
and, if it is, joins each wrapped line to the line that continues it.

Widths are display columns, as the wrappers counted them: a CJK or full-width
character takes two columns (two bytes in GB2312, GBK and Big5), an ASCII
character one. Counting characters instead would spread a wrapped file's
lines over several widths wherever ASCII quotes, digits or Latin words sit
between the Chinese characters.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from reader.core.document import Block
from reader.core.structure import chapter_rank, ends_like_sentence, numbered_rank

#: Narrowest and widest common width taken for hard wrapping (20 to 80 CJK characters).
MIN_WIDTH = 40
MAX_WIDTH = 160
#: A wrapped line may end short of the common width (a double-width character
#: that did not fit, a word moved down whole) or past it (punctuation hung in the margin).
_SHORT_SLACK = 3
_LONG_SLACK = 2
#: Evidence a document is wrapped: enough lines followed by another line end in
#: the band around the common width, few lines are wider than the band, and
#: most of the lines in the band end without punctuation (poems end with it).
_MIN_FULL_LINES = 4
_MIN_FULL_SHARE = 0.3
_MAX_WIDE_SHARE = 0.1
_MIN_OPEN_SHARE = 0.5

#: What ends a sentence for joining (a comma or colon at a wrap point does not).
_STOPS = frozenset("。！？…!?．")
_CLOSERS = "”’」』）)》〉】］]\"' "
_INDENT = {" ": 1, "\u3000": 2, "\t": 4, "\u00a0": 1}
_INDENT_CHARS = "".join(_INDENT)
_BULLETS = ("•", "●", "○", "■", "□", "◆", "◇", "▪", "・", "※", "★", "☆", "◎")
_LIST_ITEM = re.compile(
    r"(?:[-*+]\s|\d{1,3}[.)、](?!\d)|[(（]\s*[0-9一二三四五六七八九十]+\s*[)）])"
)
_LATIN_PUNCTUATION = frozenset(",.;:!?)%'\"")


@dataclass(frozen=True, slots=True)
class Reflowed:
    """Text after the reflow pass.

    `text` is the input itself when nothing was joined (`applied` false).
    `joined` counts the source lines appended to the line before them;
    `width` is the detected wrap width in display columns (0 when the text
    is not wrapped). `starts[k]` is the 1-based source line where line k+1
    of `text` begins, so blocks can point back at the file's own lines.
    """

    text: str
    applied: bool = False
    joined: int = 0
    width: int = 0
    starts: tuple[int, ...] = ()
    source_line_count: int = 0

    def source_span(self, line: int, end_line: int) -> tuple[int, int]:
        """The source lines (1-based, inclusive) of lines `line`..`end_line` of `text`."""
        if not self.applied:
            return line, end_line
        end = self.starts[end_line] - 1 if end_line < len(self.starts) else self.source_line_count
        return self.starts[line - 1], end

    def source_blocks(self, blocks: Sequence[Block]) -> tuple[Block, ...]:
        """`blocks` recognised in `text`, with line numbers of the source text."""
        if not self.applied:
            return tuple(blocks)
        out = []
        for block in blocks:
            line, end_line = self.source_span(block.line, block.end_line)
            if (line, end_line) != (block.line, block.end_line):
                block = replace(block, line=line, end_line=end_line)
            out.append(block)
        return tuple(out)


def display_width(text: str) -> int:
    """Columns `text` takes where CJK and full-width characters are two columns wide.

    Computed as (characters + UTF-8 bytes) / 2: exact for ASCII (one byte) and
    the BMP's CJK, full-width and CJK punctuation (three bytes, which also makes
    “”…— two columns, as in GBK); half a column out for an accented letter.
    """
    return (len(text) + len(text.encode("utf-8", "surrogatepass"))) // 2


def reflow(text: str) -> Reflowed:
    """Join hard-wrapped lines into paragraphs when the whole text is wrapped."""
    lines = text.split("\n")
    layout = _Layout.measure(lines)
    if layout is None:
        return Reflowed(text)
    out: list[str] = []
    starts: list[int] = []
    joined = 0
    i = 0
    n = len(lines)
    while i < n:
        start = i
        while i + 1 < n and layout.joins(i):
            i += 1
        if i == start:
            out.append(lines[i])
        else:
            merged = layout.stripped[start]
            for k in range(start + 1, i + 1):
                merged = _concat(merged, layout.stripped[k].lstrip(_INDENT_CHARS))
            out.append(merged)
            joined += i - start
        starts.append(start + 1)
        i += 1
    if not joined:
        return Reflowed(text)
    return Reflowed(
        "\n".join(out),
        applied=True,
        joined=joined,
        width=layout.width,
        starts=tuple(starts),
        source_line_count=n,
    )


class _Layout:
    """A wrapped document's measurements and the rule that joins two of its lines."""

    def __init__(self, stripped: list[str], widths: list[int], width: int, base_indent: int):
        self.stripped = stripped
        self.widths = widths
        self.width = width
        self.base_indent = base_indent

    @classmethod
    def measure(cls, lines: list[str]) -> _Layout | None:
        """The layout when `lines` are hard-wrapped at one common width, else None."""
        stripped = [ln.rstrip() for ln in lines]
        n = len(stripped)
        # Lines longer than this are too wide to be wrapped lines whatever their script.
        too_long = MAX_WIDTH + _LONG_SLACK
        widths = [0] * n
        followed = Counter()
        nonblank = wide = 0
        for i, s in enumerate(stripped):
            if not s:
                continue
            nonblank += 1
            w = display_width(s) if len(s) <= too_long else too_long + 1
            widths[i] = w
            if w > too_long:
                wide += 1
            elif i + 1 < n and stripped[i + 1]:
                followed[w] += 1
        if not followed:
            return None
        width, _ = followed.most_common(1)[0]
        if not MIN_WIDTH <= width <= MAX_WIDTH:
            return None
        low, high = width - _SHORT_SLACK, width + _LONG_SLACK
        full = sum(c for w, c in followed.items() if low <= w <= high)
        wide += sum(c for w, c in followed.items() if w > high)
        wide += sum(
            1
            for i, w in enumerate(widths)
            if high < w <= too_long and (i + 1 == n or not stripped[i + 1])
        )
        if (
            full < _MIN_FULL_LINES
            or full < _MIN_FULL_SHARE * followed.total()
            or wide > _MAX_WIDE_SHARE * nonblank
        ):
            return None
        open_ends = 0
        indents: Counter[int] = Counter()
        for i in range(n - 1):
            if low <= widths[i] <= high and stripped[i + 1]:
                if not ends_like_sentence(stripped[i]):
                    open_ends += 1
                indents[_indent(stripped[i + 1])] += 1
        if open_ends < _MIN_OPEN_SHARE * full:
            return None
        return cls(stripped, widths, width, indents.most_common(1)[0][0])

    def joins(self, i: int) -> bool:
        """True when line `i + 1` continues line `i`, which the wrapper broke."""
        nxt = self.stripped[i + 1]
        w = self.widths[i]
        if not nxt or not w or w > self.width + _LONG_SLACK:
            return False
        cur = self.stripped[i]
        body = nxt.lstrip(_INDENT_CHARS)
        if _between_words(cur[-1], body[0]):
            # Word wrapping: the line was full if the next word would not have fitted.
            full = w + 1 + display_width(body.split(" ", 1)[0]) > self.width
        else:
            full = w >= self.width - _SHORT_SLACK
        if not full:
            return False
        if _indent(nxt) > self.base_indent:
            return False  # an indented line starts a paragraph
        if _ends_sentence(cur) and w < self.width - 1:
            return False  # a sentence ends short of the width: weak evidence of a wrap
        return not (
            _stands_alone(cur) or _stands_alone(body) or _is_rule(cur) or body.startswith(_BULLETS)
        )


def _indent(line: str) -> int:
    """Leading white space in columns."""
    n = 0
    for ch in line:
        step = _INDENT.get(ch)
        if step is None:
            break
        n += step
    return n


def _ends_sentence(line: str) -> bool:
    stripped = line.rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in _STOPS


def _stands_alone(line: str) -> bool:
    """Headings, list items and rules are never joined to their neighbours."""
    text = line.strip()
    return bool(chapter_rank(text) or numbered_rank(text) or _LIST_ITEM.match(text)) or (
        len(text) >= 5 and _is_rule(text)
    )


def _is_rule(line: str) -> bool:
    """A line of symbols only (`-----`, `＊＊＊`): a rule, or an ornament between parts."""
    return not any(ch.isalnum() for ch in line)


def _word_char(ch: str) -> bool:
    """Latin (Greek, Cyrillic) letters and ASCII digits: characters words are made of."""
    return ch.isalnum() and ord(ch) < 0x2000


def _between_words(last: str, first: str) -> bool:
    """True when a line break between `last` and `first` stood for a space."""
    if not _word_char(first):
        return False
    if _word_char(last):
        return not (last.isdigit() and first.isdigit())  # a number split by a CJK wrapper
    return last in _LATIN_PUNCTUATION


def _concat(head: str, tail: str) -> str:
    """Join a wrapped line and its continuation: one space between Latin words only."""
    last, first = head[-1], tail[0]
    if last == "-" and len(head) > 1 and head[-2].isalpha() and first.islower():
        return head + tail  # a hyphenated word broken after its hyphen keeps it
    return head + " " + tail if _between_words(last, first) else head + tail
