"""Reflow hard-wrapped plain text: join the lines a fixed-width wrapper broke.

Old BBS and TXT novels were wrapped every 30-40 characters, each physical line
ending at one common width. `reflow` is a pre-pass over decoded text, before
structure recognition: it decides per document whether the text is wrapped
and, if it is, joins each wrapped line to the line that continues it. Files
put together from several sources are wrapped at several widths (a story
collection at 60, 70 and 80 columns), so the width is found for each run of
lines between blank lines or indents, among the widths the document shows.

Widths are display columns, as the wrappers counted them: a CJK or full-width
character takes two columns (two bytes in GB2312, GBK and Big5), an ASCII
character one. Counting characters instead would spread a wrapped file's
lines over several widths wherever ASCII quotes, digits or Latin words sit
between the Chinese characters.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
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
#: Evidence a document is wrapped: runs of at least two full lines (half
#: of a run's lines before its last within the slack of its widest, half of
#: those ending without punctuation, as a poem's do not) hold at least this
#: many full lines at one width, and this share of all lines followed by another.
_MIN_FULL_LINES = 4
_MIN_FULL_SHARE = 0.3

#: What ends a sentence for joining (a comma or colon at a wrap point does not).
_STOPS = frozenset("。！？…!?．")
_CLOSERS = "”’」』）)》〉】］]\"' "
_INDENT_CHARS = " \u3000\t\u00a0"
#: Bullets (not ○, which is also the zero of 一九二○年), numbered items, and notes
#: (`〔３〕　term`; a bare `〔３〕` at a line start is a note reference in a sentence).
_BULLETS = ("•", "●", "■", "□", "◆", "◇", "▪", "・", "※", "★", "☆", "◎")
_LIST_ITEM = re.compile(
    r"(?:[-*+]\s|\d{1,3}[.)、](?!\d)|[(（]\s*[0-9一二三四五六七八九十]+\s*[)）]"
    r"|(?:[a-zA-Z]|[ivxIVX]{1,4})[.)]\s"
    r"|[〔［\[][0-9０-９]{1,3}[〕］\]][ \u3000])"
)
#: Runs longer than this (in lines) hold several paragraphs, told apart only by
#: short lines and sentence ends; shorter runs are paragraphs themselves.
_PARAGRAPH_RUN = 12
#: The first word of a line: what a word-wrapping tool moved down whole.
_LATIN_WORD = re.compile(r"[^\s\u3000-\u9fff\uff00-\uffef]*")
_WORD = re.compile(r"[^\W_]")
#: Columns lined up by runs of spaces: a table row, never a wrapped line.
_ALIGNED = re.compile(r"\S(?:\u3000{2,}| {3,}|\t)\S")
_LATIN_PUNCTUATION = frozenset(",.;:!?)%'\"")


@dataclass(frozen=True, slots=True)
class Reflowed:
    """Text after the reflow pass.

    `text` is the input itself when nothing was joined (`applied` false).
    `joined` counts the source lines appended to the line before them;
    `width` is the detected wrap width (0 when the text is not wrapped) in the
    `measure` the wrapper counted: `columns` (a CJK character is two) or
    `characters`. `starts[k]` is the 1-based source line where line k+1
    of `text` begins, so blocks can point back at the file's own lines.
    """

    text: str
    applied: bool = False
    joined: int = 0
    width: int = 0
    measure: str = ""
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
    """Join hard-wrapped lines into paragraphs when the text is hard-wrapped."""
    lines = text.split("\n")
    layout = _Layout.of(lines)
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
            out.append(_join(layout.stripped[start : i + 1]))
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
        measure=layout.measure.name,
        starts=tuple(starts),
        source_line_count=n,
    )


@dataclass(frozen=True, slots=True)
class _Measure:
    """How a wrapper counted a line: its name, the count, the plausible widths, the slack."""

    name: str
    width: Callable[[str], int]
    narrowest: int
    widest: int
    short: int
    long: int


#: Wrappers of the GBK/Big5 era counted columns (bytes); text typeset into
#: lines of so many characters (a book's page laid out again, its commas
#: turned half-width) counts characters.
_COLUMNS = _Measure("columns", display_width, MIN_WIDTH, MAX_WIDTH, _SHORT_SLACK, _LONG_SLACK)
_CHARACTERS = _Measure("characters", len, MIN_WIDTH // 2, MAX_WIDTH // 2, 2, 1)


class _Layout:
    """A wrapped document's measurements and the rule that joins two of its lines.

    The text is cut into runs of lines a paragraph could span: a blank line or
    an indented line starts a new run. A run whose lines before its last end
    within a few columns of its widest is evidence of wrapping at that width.
    Files stitched together from several sources are wrapped at several widths,
    so each run is joined at the detected width nearest its own.
    """

    def __init__(
        self,
        stripped: list[str],
        measure: _Measure,
        widths: list[int],
        limits: list[int],
        width: int,
        marked: bool,
    ):
        self.stripped = stripped
        self.measure = measure
        self.widths = widths
        self.limits = limits
        self.width = width
        self.marked = marked
        self._alone_cache: dict[int, bool] = {}

    @classmethod
    def of(cls, lines: list[str]) -> _Layout | None:
        """The layout when `lines` are hard-wrapped, else None.

        Columns first; characters only when columns show no wrapping (on Lu Xun
        files wrapped by columns, counting characters leaves more lines unjoined).
        """
        stripped = [ln.rstrip() for ln in lines]
        indents: Counter[int] = Counter()
        for i in range(1, len(stripped)):
            if stripped[i] and stripped[i - 1]:
                indents[_indent(stripped[i])] += 1
        if not indents:
            return None
        runs = _runs(stripped, indents.most_common(1)[0][0])
        return cls._fit(stripped, runs, _COLUMNS) or cls._fit(stripped, runs, _CHARACTERS)

    @classmethod
    def _fit(
        cls, stripped: list[str], runs: list[tuple[int, int]], measure: _Measure
    ) -> _Layout | None:
        """The layout when the runs show wrapping counted by `measure`."""
        n = len(stripped)
        too_long = measure.widest + measure.long
        evidence: Counter[int] = Counter()
        run_widths: list[int] = []
        widths = [0] * n
        body_lines = 0
        for start, end in runs:
            body = stripped[start:end]
            body_lines += end - start
            if any(len(s) > too_long for s in body):
                run_widths.append(0)
                continue
            body_widths = [measure.width(s) for s in body]
            widths[start:end] = body_widths
            widest = max(body_widths)
            run_widths.append(widest)
            if not measure.narrowest <= widest <= measure.widest:
                continue
            full = [
                s
                for s, w in zip(body, body_widths, strict=True)
                if w >= widest - measure.short and not _aligned(s)
            ]
            if len(full) >= 2 and 2 * len(full) >= len(body):
                open_ends = sum(1 for s in full if not ends_like_sentence(s))
                if 2 * open_ends >= len(full):
                    evidence[widest] += len(full)
        near = range(-measure.long, measure.long + 1)
        wraps = [
            w
            for w, count in evidence.items()
            if count == max(evidence[w + d] for d in near)
            and sum(evidence[w + d] for d in near) >= _MIN_FULL_LINES
        ]
        supported = sum(evidence[w] for w in wraps)
        if not wraps or supported < _MIN_FULL_SHARE * body_lines:
            return None
        limits = [0] * n
        for (start, end), widest in zip(runs, run_widths, strict=True):
            nearest = min(wraps, key=lambda w: abs(w - widest))
            if abs(nearest - widest) <= measure.short:
                limits[start:end] = [nearest] * (end - start)
        main = max(wraps, key=lambda w: evidence[w])
        marked = body_lines <= _PARAGRAPH_RUN * len(runs)
        return cls(stripped, measure, widths, limits, main, marked)

    def joins(self, i: int) -> bool:
        """True when line `i + 1` continues line `i`, which the wrapper broke.

        Only lines of one run join (a run's last line has no limit): a blank or
        indented line has already started a new paragraph.
        """
        limit = self.limits[i]
        nxt = self.stripped[i + 1]
        if not limit or not nxt:
            return False
        w = self.widths[i]
        cur = self.stripped[i]
        body = nxt.lstrip(_INDENT_CHARS)
        # Full: within the slack of the width, or the next line's first word
        # (a Latin word or URL is moved down whole) would not have fitted.
        full = w >= limit - self.measure.short
        if not full and (_word_char(body[0]) or body[0] in "\"'(<"):
            space = 1 if _between_words(cur[-1], body[0]) else 0
            word = _LATIN_WORD.match(body).group()
            full = w + space + self.measure.width(word) > limit
        if not full:
            return False
        if not self.marked and _ends_sentence(cur) and w < limit - 1:
            # Paragraphs not marked by blank lines or indents: a sentence that
            # ends short of the width is weak evidence of a wrap.
            return False
        return not (self._alone(i) or self._alone(i + 1) or _starts_item(body))

    def _alone(self, i: int) -> bool:
        """`_stands_alone` of line `i`, worked out once (each line is asked twice)."""
        alone = self._alone_cache.get(i)
        if alone is None:
            alone = self._alone_cache[i] = _stands_alone(self.stripped[i])
        return alone


def _runs(stripped: list[str], base_indent: int) -> list[tuple[int, int]]:
    """(first, last) line index of each run of two or more lines a paragraph could span.

    A blank line ends a run; an indented line starts one, unless it lines up
    under the marker of the list item before it.
    """
    runs = []
    start = hang = -1
    for i, s in enumerate(stripped):
        indent = _indent(s) if s else 0
        if not s or (indent > base_indent and indent != hang):
            if start >= 0 and i - 1 > start:
                runs.append((start, i - 1))
            start = i if s else -1
            hang = _hanging_indent(s) if s else -1
        else:
            if start < 0:
                start = i
            if (item_hang := _hanging_indent(s)) >= 0:
                hang = item_hang
    if start >= 0 and len(stripped) - 1 > start:
        runs.append((start, len(stripped) - 1))
    return runs


def _indent(line: str) -> int:
    """Leading white space in columns."""
    n = len(line) - len(line.lstrip(_INDENT_CHARS))
    if not n:
        return 0
    prefix = line[:n]
    # One column a character, one more for an ideographic space, three more for a tab.
    return n + prefix.count("\u3000") + 3 * prefix.count("\t")


def _ends_sentence(line: str) -> bool:
    stripped = line.rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in _STOPS


def _stands_alone(line: str) -> bool:
    """Headings, table rows and rules are joined to neither neighbour."""
    text = line.strip()
    return bool(chapter_rank(text) or numbered_rank(text) or _aligned(text)) or (
        len(text) >= 5 and _is_rule(text)
    )


def _aligned(line: str) -> bool:
    """True for a table row: columns lined up by runs of spaces after the indent."""
    text = line.lstrip(_INDENT_CHARS)
    return ("\u3000\u3000" in text or "   " in text or "\t" in text) and bool(_ALIGNED.search(text))


def _hanging_indent(line: str) -> int:
    """The column a list item's wrapped lines line up under (after its marker), else -1."""
    text = line.lstrip(_INDENT_CHARS)
    if not text or not (text[0].isascii() or text[0] in "（〔［" or text.startswith(_BULLETS)):
        return -1
    if text.startswith(_BULLETS):
        end = 1
    elif m := _LIST_ITEM.match(text):
        end = m.end()
    else:
        return -1
    rest = text[end:]
    return _indent(line) + display_width(text[:end]) + _indent(rest) if rest.strip() else -1


def _starts_item(line: str) -> bool:
    """A list item or note starts its own paragraph (its wrapped lines still join it)."""
    return line.startswith(_BULLETS) or bool(_LIST_ITEM.match(line))


def _is_rule(line: str) -> bool:
    """A line of symbols only (`-----`, `＊＊＊`): a rule, or an ornament between parts."""
    return _WORD.search(line) is None


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


def _join(lines: list[str]) -> str:
    """Join a wrapped line and its continuations: one space between Latin words only.

    Joined once at the end: adding line by line copied the paragraph for every
    line, which took minutes for a file wrapped into a single paragraph.
    """
    parts = [lines[0]]
    last = lines[0][-1]
    for line in lines[1:]:
        tail = line.lstrip(_INDENT_CHARS)
        # A word broken after its hyphen keeps the hyphen and gets no space.
        if _between_words(last, tail[0]):
            parts.append(" ")
        parts.append(tail)
        last = tail[-1]
    return "".join(parts)
