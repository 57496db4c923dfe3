"""Rules for setting Chinese in vertical columns (直排), without Qt.

A column is read top to bottom and columns from right to left. Ideographs and
most punctuation sit upright, one to a square cell; the font's vertical forms
(OpenType `vert`) put ，。、 in the upper right of their cell (centred in
Taiwan's and Hong Kong's fonts) and turn brackets, dashes and the ellipsis.
One or two digits stand upright side by side in one cell (縱中橫,
tate-chu-yoko); Latin words and longer numbers lie on their side, turned 90°
clockwise. No column starts with closing punctuation or ends with opening
punctuation (禁則, kinsoku).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum


class Placement(StrEnum):
    """Where a character sits in its cell in a vertical column."""

    UPRIGHT = "upright"  # ideographs, kana, full-width letters
    CORNER = "corner"  # ，。、． in the upper right (mainland and Japanese fonts)
    CENTRED = "centred"  # ：；！？ and middle dots, centred and upright
    TURNED = "turned"  # brackets, dashes, ellipsis, wave dash: a vertical form


class UnitKind(StrEnum):
    """What a stretch of a column is."""

    CELL = "cell"  # one character upright in one cell
    TATE_CHU_YOKO = "tcy"  # one or two digits side by side in one cell
    SIDEWAYS = "sideways"  # a Latin word or a long number, turned 90° clockwise
    BREAK = "break"  # a line break inside the block: the next unit starts a column


_CORNER = set("，。、．｡､")
_CENTRED = set("：；！？‼⁇⁈⁉・·‧")
#: Each horizontal character and the Unicode vertical form a font's `vert` feature draws.
VERTICAL_FORMS: dict[str, str] = {
    "，": "︐",
    "、": "︑",
    "。": "︒",
    "：": "︓",
    "；": "︔",
    "！": "︕",
    "？": "︖",
    "〖": "︗",
    "〗": "︘",
    "…": "︙",
    "‥": "︰",
    "—": "︱",
    "–": "︲",
    "＿": "︳",
    "（": "︵",
    "）": "︶",
    "｛": "︷",
    "｝": "︸",
    "〔": "︹",
    "〕": "︺",
    "【": "︻",
    "】": "︼",
    "《": "︽",
    "》": "︾",
    "〈": "︿",
    "〉": "﹀",
    "「": "﹁",
    "」": "﹂",
    "『": "﹃",
    "』": "﹄",
    "［": "﹇",
    "］": "﹈",
}
#: What a cell shows for half-width punctuation and curved quotes in Chinese text: the
#: full-width form the font turns for vertical setting, and corner quotes, which vertical
#: Chinese uses for quotations (GB/T 15834 and Taiwan's standard alike).
CELL_FORMS: dict[str, str] = {
    ",": "，",
    "!": "！",
    "?": "？",
    ":": "：",
    ";": "；",
    "(": "（",
    ")": "）",
    "~": "～",
    "“": "「",
    "”": "」",
    "‘": "『",
    "’": "』",
}
_TURNED = (set(VERTICAL_FORMS) - _CORNER - _CENTRED) | set("～〜ー―⸺⸻“”‘’")

#: No column starts with these (closing punctuation and marks that follow a word).
NO_COLUMN_START = frozenset(",!?:;)，。、．：；！？‼⁇⁈⁉」』）》〉】〕〗｝］…‥・·‧ー～〜”’%％")
#: No column ends with these (opening brackets and quotes).
NO_COLUMN_END = frozenset("(「『（《〈【〔〖｛［“‘")

# One or two ASCII digits standing alone: set upright in one cell.
# Latin letters, or three or more digits (with the marks inside a number or a word): sideways.
_RUNS = re.compile(
    r"(?<![0-9A-Za-z.,])(?P<tcy>[0-9]{1,2})(?![0-9A-Za-z]|[.,:/][0-9])"
    r"|(?P<side>[0-9A-Za-z](?:[0-9A-Za-z'’.,:/@#%&+\-_]*[0-9A-Za-z%])?)"
)


def placement(char: str) -> Placement:
    """Where `char` sits in a vertical column's cell."""
    char = CELL_FORMS.get(char, char)
    if char in _CORNER:
        return Placement.CORNER
    if char in _CENTRED:
        return Placement.CENTRED
    if char in _TURNED:
        return Placement.TURNED
    return Placement.UPRIGHT


def cell_text(chars: str) -> str:
    """What a cell holding `chars` shows: full-width forms for half-width punctuation."""
    return CELL_FORMS.get(chars, chars)


def to_vertical_forms(text: str) -> str:
    """`text` with punctuation replaced by its Unicode vertical forms (U+FE10–FE48).

    The reader draws with the font's `vert` feature instead (docs/vertical.md); this
    is the alternative it was measured against.
    """
    return text.translate(str.maketrans(VERTICAL_FORMS))


@dataclass(frozen=True, slots=True)
class Unit:
    """A stretch [start, end) of a block's text (code points) set as one piece of a column."""

    start: int
    end: int
    kind: UnitKind


def units(text: str) -> list[Unit]:
    """Split `text` into the pieces of vertical setting: cells, 縱中橫 digits, sideways runs."""
    found: list[Unit] = []
    position = 0
    for match in _RUNS.finditer(text):
        found.extend(_cells(text, position, match.start()))
        kind = UnitKind.TATE_CHU_YOKO if match.group("tcy") else UnitKind.SIDEWAYS
        found.append(Unit(match.start(), match.end(), kind))
        position = match.end()
    found.extend(_cells(text, position, len(text)))
    return found


def _cells(text: str, start: int, end: int) -> list[Unit]:
    out = []
    for i in range(start, end):
        char = text[i]
        if char in "\u2028\n":
            out.append(Unit(i, i + 1, UnitKind.BREAK))
        elif out and _JOINING.match(char):  # a variation selector or joiner: its base's cell
            out[-1] = Unit(out[-1].start, i + 1, out[-1].kind)
        else:
            out.append(Unit(i, i + 1, UnitKind.CELL))
    return out


#: Characters that belong to the cell of the character before them.
_JOINING = re.compile("[\u200b-\u200d\u20d0-\u20ff\ufe00-\ufe0f\U000e0100-\U000e01ef]")
#: Anything that is not one character in one upright cell.
_NOT_A_CELL = re.compile(
    "[\x00-\u1fff\u2028\u200b-\u200d\u20d0-\u20ff\ufe00-\ufe0f\U000e0100-\U000e01ef]"
)


def plain_cells(text: str) -> bool:
    """True when every character of `text` is set upright in a cell of its own."""
    return _NOT_A_CELL.search(text) is None


def break_cell_columns(
    text: str, capacity: float, first_indent: float = 0.0
) -> list[tuple[int, int]]:
    """`break_columns` for text that is all cells (`plain_cells`): [start, end) code points of
    each column, found by arithmetic and a look at the characters either side of each break."""
    size = len(text)
    room = max(1, math.floor(capacity - first_indent + 1e-6))
    full = max(1, math.floor(capacity + 1e-6))
    columns = []
    start = 0
    while start < size:
        end = start + room
        end = _kinsoku_end_text(text, start, end) if end < size else size
        columns.append((start, end))
        start, room = end, full
    return columns or [(0, 0)]


def _kinsoku_end_text(text: str, start: int, end: int) -> int:
    for _ in range(3):
        if end - start <= 1:
            break
        if not (text[end] in NO_COLUMN_START or text[end - 1] in NO_COLUMN_END):
            break
        end -= 1
    return end


def break_columns(
    text: str,
    pieces: Sequence[Unit],
    lengths: Sequence[float],
    capacity: float,
    first_indent: float = 0.0,
) -> list[tuple[int, int]]:
    """Columns as [first, last) ranges of `pieces`, each at most `capacity` cells long.

    `lengths` are the pieces' lengths in cells (1 for a cell, a sideways word's
    measured length); the first column starts `first_indent` cells down. A column
    that would start with closing punctuation takes the character before it along
    (and one that would end with an opening bracket gives it to the next), as long
    as something is left behind; a piece longer than a column gets a column alone.
    """
    columns: list[tuple[int, int]] = []
    count = len(pieces)
    first = 0
    used = first_indent
    i = 0
    while i < count:
        piece = pieces[i]
        if piece.kind is UnitKind.BREAK:
            columns.append((first, i + 1))
            first, used, i = i + 1, 0.0, i + 1
            continue
        if used + lengths[i] <= capacity + 1e-6 or i == first:
            used += lengths[i]
            i += 1
            continue
        end = _kinsoku_end(text, pieces, first, i)
        columns.append((first, end))
        first, used, i = end, 0.0, end
    if first < count or not columns:
        columns.append((first, count))
    return columns


def _kinsoku_end(text: str, pieces: Sequence[Unit], first: int, end: int) -> int:
    """Move a column's end back so the next column does not start with closing punctuation
    and this one does not end with an opening one; never empties the column."""
    for _ in range(3):
        if end - first <= 1:
            break
        starts_bad = text[pieces[end].start] in NO_COLUMN_START
        ends_bad = text[pieces[end - 1].start] in NO_COLUMN_END
        if not (starts_bad or ends_bad):
            break
        end -= 1
    return end
