"""The Chapter Rules preview's core: headings per rule and the gap report."""

from __future__ import annotations

from reader.core.chapter_rules import ChapterRules, UserRule
from reader.core.document import BlockKind
from reader.core.opening import recognize_text
from reader.core.rule_report import gap_report, preview_rules

BODY = "他走了很久，终于来到了山下的小镇，天色已晚。\n"


def novel(numbers, long_one: int | None = None) -> str:
    parts = ["某小说\n"]
    for n in numbers:
        parts.append(f"\n第{n}章 标题{n}\n\n" + BODY * (9 if n == long_one else 3))
    return "".join(parts)


def kinds(text: str) -> list[tuple[str, int, int]]:
    return [(g.kind, g.previous, g.number) for g in gap_report(recognize_text(text, "", True)).gaps]


def test_numbers_in_order_have_no_gaps():
    assert kinds(novel([1, 2, 3, 4])) == []


def test_a_skipped_number_is_reported():
    assert kinds(novel([1, 2, 4, 5])) == [("skip", 2, 4)]


def test_a_repeated_number_is_reported():
    assert kinds(novel([1, 2, 2, 3])) == [("repeat", 2, 2)]


def test_a_number_going_backwards_is_reported():
    assert kinds(novel([1, 2, 5, 3])) == [("skip", 2, 5), ("backwards", 5, 3)]


def test_a_new_volume_starts_the_chapters_again():
    text = "某小说\n\n第一卷 起\n" + novel([1, 2])[4:] + "\n第二卷 承\n" + novel([1, 2])[4:]
    assert kinds(text) == []


def test_the_longest_chapter_is_named_with_its_characters():
    report = gap_report(recognize_text(novel([1, 2, 3], long_one=2), "", True))
    assert report.longest_title == "第2章 标题2"
    assert report.longest_chars == 9 * (len(BODY) - 1)


def test_text_before_the_first_heading_is_no_chapter():
    text = "某小说\n\n" + BODY * 20 + novel([1, 2])[4:]
    assert gap_report(recognize_text(text, "", True)).longest_title == "第1章 标题1"


def test_the_preview_counts_headings_by_the_rule_that_found_them():
    counts = preview_rules(novel([1, 2, 3]), "", True, ChapterRules()).counts
    assert counts["chapter"] == 3
    assert counts["user"] == 0


def test_a_rule_switched_off_finds_nothing_and_another_may_take_its_lines():
    counts = preview_rules(novel([1, 2, 3]), "", True, ChapterRules(frozenset({"chapter"}))).counts
    assert counts["chapter"] == 0
    assert counts["standalone"] == 3


def test_user_rules_are_counted_as_the_users():
    rules = ChapterRules(user=(UserRule("mine", r"^标题行", 2),))
    text = novel([1, 2]) + "\n标题行甲\n\n" + BODY
    preview = preview_rules(text, "", True, rules)
    assert preview.counts["user"] == 1


def test_the_preview_recognises_as_opening_does():
    text = novel([1, 2, 3])
    rules = ChapterRules(frozenset({"chapter"}))
    preview = preview_rules(text, "x", True, rules)
    assert preview.document == recognize_text(text, "x", True, rules)
    assert sum(b.kind is BlockKind.HEADING for b in preview.document.blocks) == 3
