"""Plain-text headings found with evidence from the whole document.

A line such as `一`, `德行第一`, `卷一‧周鄭交質` or `第一出開宗` is a heading only
when it is one of a series: lines of the same form whose numbers go up through
the document. A one-off match is prose (`第三出口`), a run of such lines that
the body repeats later is a table of contents, and numbered lines that are
mostly sentences are a list of steps. Levels come from the unit (编 > 分编 >
卷 > 篇 > 章/回 > 节), not from the order in which headings appear.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import NamedTuple

from reader.core.chapter_rules import DEFAULT_RULES, ChapterRules

HAN_DIGITS = {
    "〇": 0, "零": 0, "一": 1, "壹": 1, "二": 2, "貳": 2, "贰": 2, "兩": 2, "两": 2,
    "三": 3, "參": 3, "叁": 3, "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陸": 6,
    "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9,
}  # fmt: skip
_HAN_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_HAN_NUMERAL = "〇零一二三四五六七八九十百千萬万兩两壹貳贰參叁肆伍陸陆柒捌玖拾佰仟"
_NUMERAL = _HAN_NUMERAL + "0-9０-９"

#: Raw ranks of heading units: smaller is higher in the outline.
UNIT_RANKS = {
    "部": 5, "编": 8, "編": 8, "分编": 9, "分編": 9,
    "卷": 10, "冊": 10, "册": 10, "集": 10, "篇": 15,
    "章": 20, "回": 20, "話": 20, "话": 20, "講": 20, "讲": 20, "齣": 20, "出": 20, "折": 20,
    "節": 30, "节": 30,
}  # fmt: skip
#: Series keys: a unit's Traditional and Simplified forms make one series.
_UNIT_KEYS = {
    unit: "第" + unit.replace("編", "编").replace("節", "节").replace("講", "讲")
    for unit in UNIT_RANKS
}
#: Units that start ordinary words too (第一出口, 第三折扣): never a heading alone.
_SERIES_ONLY_UNITS = frozenset("出折")
#: Units whose title may follow without a separator when the line is short (第一章归来).
LOOSE_UNITS = frozenset({"章", "卷", "節", "节", "编", "編", "分编", "分編"})
SEPARATORS = " \t\u3000\u00a0:：︰、.．·‧—-_|｜(（【[《「『"
RANK_PART = 0  # 楔子, 序, 題記 …: placed at the document's top level
RANK_BARE = 35  # bare numeral sections sit below chapters
RANK_TITLE_LINE = 12  # the titles of the pieces of a collection sit above their chapters
RANK_UNDERLINED = {"=": 15, "-": 20}

_CHAPTER = re.compile(
    rf"^第\s*(?P<num>[{_NUMERAL}]+)\s*(?P<unit>分[编編]|[{''.join(UNIT_RANKS)}])(?P<rest>.*)$"
)
_COMPOUND = re.compile(rf"^第\s*[{_NUMERAL}]+\s*(?:分[编編]|[{''.join(UNIT_RANKS)}])")
_JUAN = re.compile(rf"^卷(?:之)?\s*(?P<num>[{_NUMERAL}]+|[上中下])(?:$|[{re.escape(SEPARATORS)}])")
_ORDINAL_TAIL = re.compile(
    rf"^(?P<name>[^\s{re.escape(SEPARATORS)}]{{1,10}}?)第(?P<num>[{_NUMERAL}]+)$"
)
_BARE = re.compile(rf"^[{_NUMERAL}]{{1,4}}$")
_PARTS = re.compile(
    r"^(序章|序言|序幕|楔子|引子|引言|前言|題記|题记|自序|尾聲|尾声|終章|终章|後記|后记"
    r"|番外[篇章]?|完本感言)(?:$|[\s:：、.．—\-(（【]).*"
)
_TITLE_LINE = re.compile(r"^[\u3400-\u9fff]{2,10}$")
_NOTES_LABEL = re.compile(r"^(?:注釋|注释|註釋|注解|附注|附註|校勘記|校勘记)$")
_FRONT_MATTER = re.compile(r"序|跋|題記|题记|前言|後記|后记|凡例|引言|附錄|附录")
#: Residue that e-book sites glue before a chapter line: `《》目录 第一回 …`.
_SCRAPE_PREFIX = re.compile(r"^(?:《[^》]{0,40}》)?\s*目[录錄]\s*(?=第)")
_CONTENTS = re.compile(r"^(?:目[录錄次]|contents|table of contents)$", re.IGNORECASE)
_UNDERLINE = re.compile(r"^(?:=|-|─){3,}$")
_MARKER = re.compile(r"^[*•·]\s+")
_SPACE = re.compile(r"[\s\u3000\u00a0]+")
_JUAN_ORDER = {"上": 1, "中": 2, "下": 3}

SENTENCE_END = set("。！？；，：︰﹕…!?;,:．.、")
CLOSERS = "”’」』）)》〉】］]\"'"
_CANDIDATE_LENGTH = 40
SHORT_LINE = 30


class BodyLine(NamedTuple):
    """A non-blank source line: 1-based number and text without surrounding white space."""

    number: int
    text: str


@dataclass(frozen=True, slots=True)
class HeadingLine:
    """A line the document's evidence makes a heading.

    `title` is the heading without scraping residue, which `prefix` keeps; `end`
    is the body index of the heading's last line (an underline belongs to it).
    """

    rank: int
    title: str
    prefix: str = ""
    end: int = -1
    rule: str = ""  # the built-in rule that found it, or "user"


@dataclass(slots=True)
class HeadingPlan:
    """Headings by body index, table-of-contents lines, and numbered styles that are lists."""

    headings: dict[int, HeadingLine] = field(default_factory=dict)
    contents: set[int] = field(default_factory=set)
    list_styles: set[int] = field(default_factory=set)


@dataclass(slots=True)
class _Candidate:
    index: int
    key: str
    number: int | None
    rank: int
    alone: bool  # a heading even without a series
    title: str
    prefix: str
    rule: str


def ends_like_sentence(text: str) -> bool:
    """True when the line ends with sentence punctuation (closing quotes ignored)."""
    stripped = text.rstrip(CLOSERS + " ")
    return bool(stripped) and stripped[-1] in SENTENCE_END


def parse_number(text: str) -> int | None:
    """`12`, `１２`, `十二`, `一百零八`, `二一` (= 21) → int; None when it is no number."""
    text = text.strip()
    if not text:
        return None
    if text.isdigit():
        try:
            return int(text)
        except ValueError:
            return None
    if any(ch in _HAN_UNITS for ch in text):
        total = section = 0
        digit = None
        for ch in text:
            if ch in HAN_DIGITS:
                digit = HAN_DIGITS[ch]
            elif ch in _HAN_UNITS:
                section += (1 if digit is None else digit) * _HAN_UNITS[ch]
                digit = None
            elif ch in "萬万":
                total += (section + (digit or 0)) * 10000
                section, digit = 0, None
            else:
                return None
        return total + section + (digit or 0)
    value = 0
    for ch in text:
        if ch not in HAN_DIGITS:
            return None
        value = value * 10 + HAN_DIGITS[ch]
    return value


def normalise(text: str) -> str:
    """Text without white space, for comparing a contents entry with its heading."""
    return _SPACE.sub("", text)


def is_underline(text: str) -> bool:
    """A line of `===`, `---` or `───` that underlines the line above it."""
    return bool(_UNDERLINE.match(text))


def chapter_line(text: str) -> tuple[str, int, bool] | None:
    """(unit, number, heading alone?) for a `第N<unit> …` line, else None."""
    m = _CHAPTER.match(text)
    if m is None:
        return None
    unit, rest = m.group("unit"), m.group("rest")
    number = parse_number(m.group("num"))
    if number is None:
        return None
    separated = not rest or rest[0] in SEPARATORS or bool(_COMPOUND.match(rest))
    alone = unit not in _SERIES_ONLY_UNITS and (
        separated or (unit in LOOSE_UNITS and len(text) <= SHORT_LINE)
    )
    return unit, number, alone


def _candidate(index: int, text: str, rules: ChapterRules = DEFAULT_RULES) -> _Candidate | None:
    """The heading form of one line, before any evidence from the rest of the document."""
    if len(text) > 50 or ends_like_sentence(text):
        return None
    prefix = ""
    m = _SCRAPE_PREFIX.match(text) if text[0] in "《目" else None
    if m is not None and m.end() < len(text):
        prefix, text = text[: m.end()].strip(), text[m.end() :]
    chapter = chapter_line(text)
    if chapter is not None:
        unit, number, alone = chapter
        if not alone and len(text) > SHORT_LINE:
            return None
        if not rules.enabled(_unit_rule(unit)):
            return None
        if prefix and not rules.enabled("scrape-prefix"):
            prefix, text = "", f"{prefix} {text}"
        return _Candidate(
            index, _UNIT_KEYS[unit], number, UNIT_RANKS[unit], alone, text, prefix, _unit_rule(unit)
        )
    if len(text) > _CANDIDATE_LENGTH or prefix:
        return None
    if (m := _JUAN.match(text)) and rules.enabled("juan"):
        num = m.group("num")
        number = _JUAN_ORDER.get(num) or parse_number(num)
        return _Candidate(index, "卷", number, UNIT_RANKS["卷"], False, text, prefix, "juan")
    if _PARTS.match(text) and len(text) <= SHORT_LINE and rules.enabled("part"):
        return _Candidate(index, "part", None, RANK_PART, True, text, prefix, "part")
    if (m := _ORDINAL_TAIL.match(text)) and rules.enabled("ordinal-title"):
        number = parse_number(m.group("num"))
        if number is not None and not any(ch in SENTENCE_END for ch in m.group("name")):
            return _Candidate(
                index, "ordinal", number, UNIT_RANKS["章"], False, text, prefix, "ordinal-title"
            )
    if _BARE.match(text) and rules.enabled("bare-numeral"):
        number = parse_number(text)
        if number is not None:
            return _Candidate(index, "bare", number, RANK_BARE, False, text, prefix, "bare-numeral")
    return None


def _unit_rule(unit: str) -> str:
    """The built-in rule that covers `第N<unit>` lines."""
    if unit in _SERIES_ONLY_UNITS or unit == "齣":
        return "scene"
    rank = UNIT_RANKS[unit]
    return (
        "volume"
        if rank < UNIT_RANKS["章"]
        else "chapter"
        if rank == UNIT_RANKS["章"]
        else "section"
    )


def _is_series(numbers: Sequence[int | None], strict: bool) -> bool:
    """Numbers that go up through the document: +1 steps and restarts at 1 confirm, falls refute.

    Repeats (several pieces under one 卷) and jumps (an abridged text) say nothing.
    `strict` (bare numerals) wants three lines and hardly any falls.
    """
    known = [n for n in numbers if n is not None]
    if len(known) < (3 if strict else 2):
        return False
    good = bad = 0
    for a, b in pairwise(known):
        if b == a + 1 or (b == 1 and a != 1):
            good += 1
        elif b < a:
            bad += 1
    if strict:
        return good >= 2 and bad * 4 <= good
    return good >= 1 and bad * 2 <= good


def _contents_runs(body: Sequence[BodyLine], cands: dict[int, _Candidate]) -> set[int]:
    """Body indices of tables of contents: after a `目录` line, or a run the body repeats."""
    found: set[int] = set()
    n = len(body)
    for i, ln in enumerate(body):
        text = ln.text
        if len(text) > 24 or text[0] not in "目CcTt" or i + 2 >= n:
            continue
        if not _CONTENTS.match(normalise(text)):
            continue
        first = normalise(body[i + 1].text)
        j = i + 1
        while j < n:
            text = body[j].text
            if j > i + 1 and normalise(text) == first:
                break
            if len(text) > _CANDIDATE_LENGTH or ends_like_sentence(text):
                break
            j += 1
        if j - i > 2:
            found.update(range(i, j))
    # Without a marker: four or more heading lines in a row, most of which come again later.
    last_seen: dict[str, int] = {}
    i = 0
    while i < n:
        if i not in cands or i in found:
            i += 1
            continue
        j = i
        while j < n and j in cands:
            j += 1
        if j - i >= 4:
            if not last_seen:
                last_seen = {normalise(c.title): k for k, c in sorted(cands.items())}
            repeated = sum(last_seen[normalise(cands[k].title)] >= j for k in range(i, j))
            if repeated * 5 >= (j - i) * 4:
                found.update(range(i, j))
        i = j
    return found


def _front_matter(body: Sequence[BodyLine], i: int) -> bool:
    """A short preface or afterword line (`刻世說新語序`) followed by body text, maybe after a byline.

    Not when it follows a short line other than the first: `並序` under a poem's title
    belongs to that title.
    """
    text = body[i].text
    if len(text) > 16 or ends_like_sentence(text) or not _FRONT_MATTER.search(text):
        return False
    if i == 0:
        return False  # the first line is the title's place
    before = body[i - 1].text
    if i > 1 and len(before) <= SHORT_LINE and not ends_like_sentence(before):
        return False
    for k in (i + 1, i + 2):
        if k >= len(body):
            return False
        following = body[k].text
        if len(following) > SHORT_LINE and not _candidate(k, following):
            return True
        if len(following) > 12:
            return False
    return False


def _piece_titles(body: Sequence[BodyLine], taken: set[int]) -> list[int]:
    """Titles of the pieces of a collection: a few Chinese characters alone on a line.

    Each comes after the collection's title or a finished sentence (not after
    `詩曰：`, which introduces a verse) and before the piece's first paragraph; it
    takes three of them, and more than the document has chapters, to call it a
    collection (`一件小事`, `狂人日記`, `故鄉` in 《吶喊》).
    """
    found = []
    for i in range(1, len(body) - 1):
        text = body[i].text
        if len(text) > 10 or i in taken or not _TITLE_LINE.match(text) or _NOTES_LABEL.match(text):
            continue
        if _BARE.match(text) or not (i == 1 or _finished(body[i - 1].text)):
            continue
        following = body[i + 1].text
        if (len(following) > SHORT_LINE or ends_like_sentence(following)) and not _TITLE_LINE.match(
            following
        ):
            found.append(i)
    return found if len(found) >= 3 else []


def _finished(text: str) -> bool:
    """A line that ends a sentence with a full stop, not a colon or comma."""
    stripped = text.rstrip(CLOSERS + " ")
    return bool(stripped) and stripped[-1] in "。！？…!?.．"


def _numbered_lists(body: Sequence[BodyLine], numbered_rank: Callable[[str], int]) -> set[int]:
    """Numbered styles (1 = `一、`, 2 = `（一）`, 3 = `1.`) whose lines are mostly sentences."""
    seen: dict[int, list[int]] = {}
    for ln in body:
        style = numbered_style(ln.text) if ln.text[:1] in _NUMBERED_STARTS else 0
        if style:
            seen.setdefault(style, [0, 0])
            seen[style][0] += 1
            seen[style][1] += bool(numbered_rank(ln.text))
    return {style for style, (count, headings) in seen.items() if headings * 2 < count}


_NUMBERED_STYLES = (
    re.compile(rf"^[{_HAN_NUMERAL}]+\s*[、.．]"),
    re.compile(rf"^[(（]\s*[{_HAN_NUMERAL}]+\s*[)）]"),
    re.compile(r"^[0-9０-９]+\s*[、.．](?![0-9０-９])"),
)


def numbered_style(text: str) -> int:
    """1 for `一、…`, 2 for `（一）…`, 3 for `1. …`, whatever the length of the line; else 0."""
    for style, pattern in enumerate(_NUMBERED_STYLES, start=1):
        if pattern.match(text):
            return style
    return 0


def plan_headings(
    body: Sequence[BodyLine],
    numbered_rank: Callable[[str], int],
    rules: ChapterRules = DEFAULT_RULES,
) -> HeadingPlan:
    """Decide which plain-text lines are headings, using the whole document.

    The user's own rules come first; built-in rules switched off in `rules` are skipped.
    """
    plan = HeadingPlan()
    cands: dict[int, _Candidate] = {}
    user: dict[int, HeadingLine] = {}
    for i, ln in enumerate(body):
        text = ln.text
        if rules.user and (rank := rules.user_rank(text)):
            user[i] = HeadingLine(rank, text, end=i, rule="user")
        elif text[:1] in _STARTS or len(text) <= _CANDIDATE_LENGTH:
            cand = _candidate(i, text, rules)
            if cand is not None:
                cands[i] = cand
    if rules.enabled("contents"):
        plan.contents = _contents_runs(body, cands)
    for i in plan.contents:
        cands.pop(i, None)
    series: dict[str, list[_Candidate]] = {}
    for cand in cands.values():
        series.setdefault(cand.key, []).append(cand)
    accepted: list[_Candidate] = []
    for key, members in series.items():
        if key == "part":
            accepted.extend(members)
            continue
        ok = _is_series([c.number for c in members], strict=key == "bare")
        lonely = len(members) == 1 and any(
            len(other) >= 3 for k, other in series.items() if k not in (key, "part")
        )
        accepted.extend(c for c in members if ok or (c.alone and not (lonely and _prose(c.title))))
    for i, ln in enumerate(body if rules.enabled("underlined") else ()):
        if i + 1 < len(body) and i not in cands and i not in plan.contents:
            nxt = body[i + 1]
            if (
                nxt.text[:1] in "=-─"
                and nxt.number == ln.number + 1
                and is_underline(nxt.text)
                and _underlinable(ln.text)
            ):
                title = _MARKER.sub("", ln.text)
                rank = RANK_UNDERLINED["=" if nxt.text[0] == "=" else "-"]
                plan.headings[i] = HeadingLine(rank, title, end=i + 1, rule="underlined")
    ranks = [c.rank for c in accepted if c.key != "part"] + [h.rank for h in plan.headings.values()]
    top = min(ranks, default=UNIT_RANKS["章"])
    if ranks and rules.enabled("front-matter"):
        for i, ln in enumerate(body):
            if len(ln.text) > 16 or i in cands or i in plan.contents:
                continue
            if _front_matter(body, i):
                plan.headings.setdefault(
                    i, HeadingLine(top, body[i].text, end=i, rule="front-matter")
                )
    for cand in accepted:
        rank = top if cand.key == "part" else cand.rank
        plan.headings[cand.index] = HeadingLine(
            rank, cand.title, cand.prefix, cand.index, cand.rule
        )
    if rules.enabled("title-line"):
        titles = _piece_titles(body, set(plan.headings) | plan.contents)
        # In a novel divided into chapters, such lines are the captions of its verses.
        chapters = sum(c.key != "part" and c.rank <= UNIT_RANKS["章"] for c in accepted)
        for i in titles if len(titles) > chapters else ():
            plan.headings[i] = HeadingLine(RANK_TITLE_LINE, body[i].text, end=i, rule="title-line")
    plan.list_styles = _numbered_lists(body, numbered_rank)
    plan.headings.update(user)
    return plan


def _prose(text: str) -> bool:
    """A wrapped line of prose rather than a title: long, or broken by commas or full stops."""
    return len(text) > 20 or any(ch in text for ch in "，,。")


def _underlinable(text: str) -> bool:
    return (
        len(text) <= _CANDIDATE_LENGTH
        and not ends_like_sentence(text)
        and any(ch.isalnum() for ch in text)
        and not is_underline(text)
    )


_NUMBERED_STARTS = frozenset("(（" + _HAN_NUMERAL + "0123456789０１２３４５６７８９")
_STARTS = frozenset("第卷《目" + _HAN_NUMERAL + "0123456789０１２３４５６７８９")
