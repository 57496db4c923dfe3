"""What chapter rules make of a document: its headings, which rule gives how many, and gaps.

The Chapter Rules dialog previews edited rules with `preview_rules`: the
document, how many headings each rule found, and `gap_report`, which names
numbered chapters that skip, repeat or go backwards, and the longest chapter.
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.core.chapter_rules import BUILTIN_RULES, ChapterRules
from reader.core.document import BlockKind, Document
from reader.core.headings import chapter_line, parse_number
from reader.core.opening import recognize_text


@dataclass(frozen=True, slots=True)
class ChapterGap:
    """A numbered heading whose number does not follow the one before it.

    `kind` is "skip" (numbers missing between them), "repeat" or "backwards".
    """

    kind: str
    title: str
    line: int
    previous: int
    number: int


@dataclass(frozen=True, slots=True)
class GapReport:
    """The gaps in a document's chapter numbers, and its longest chapter by characters."""

    gaps: tuple[ChapterGap, ...]
    longest_title: str = ""
    longest_chars: int = 0


def heading_number(title: str) -> tuple[str, int] | None:
    """(unit, number) of a numbered heading (`第十二章 归来`, `十三`); None for others."""
    chapter = chapter_line(title)
    if chapter is not None:
        return chapter[0], chapter[1]
    number = parse_number(title)
    return ("", number) if number is not None else None


def gap_report(document: Document) -> GapReport:
    """Gaps in the numbering of each kind of heading, and the longest chapter.

    A number 1 starts a series again (a new volume), and a heading of a higher
    level (a volume) starts every series below it again.
    """
    gaps: list[ChapterGap] = []
    last: dict[tuple[str, int], int] = {}
    longest = current = ("", 0)  # the text before the first heading is no chapter
    for block in document.blocks:
        if block.kind is not BlockKind.HEADING:
            if block.kind is not BlockKind.TITLE:
                current = (current[0], current[1] + len(block.text))
            continue
        if current[0] and current[1] > longest[1]:
            longest = current
        current = (block.text, 0)
        for key in [k for k in last if k[1] > block.level]:
            del last[key]
        numbered = heading_number(block.text)
        if numbered is None:
            continue
        key = (numbered[0], block.level)
        number, previous = numbered[1], last.get(key)
        last[key] = number
        if previous is None or number == previous + 1 or (number == 1 and previous != 1):
            continue
        kind = "skip" if number > previous else "repeat" if number == previous else "backwards"
        gaps.append(ChapterGap(kind, block.text, block.line, previous, number))
    if current[0] and current[1] > longest[1]:
        longest = current
    return GapReport(tuple(gaps), *longest)


@dataclass(frozen=True, slots=True)
class RulePreview:
    """A document recognised with some rules: the document, headings per rule, and its gaps.

    `counts` has every built-in rule (0 when it found nothing) and "user" for the user's rules.
    """

    document: Document
    counts: dict[str, int]
    gaps: GapReport


def preview_rules(text: str, fallback_title: str, reflow: bool, rules: ChapterRules) -> RulePreview:
    """Recognise plain `text` with `rules` as opening it would, and report on the result."""
    sources: list[str] = []
    document = recognize_text(text, fallback_title, reflow, rules, sources)
    counts = dict.fromkeys([*BUILTIN_RULES, "user"], 0)
    for rule in sources:
        counts[rule] = counts.get(rule, 0) + 1
    return RulePreview(document, counts, gap_report(document))
