"""Chapter rules: built-in rules switched off, the user's own patterns, Legado's rules imported."""

from __future__ import annotations

import json

import pytest

from reader.core import BlockKind, recognize
from reader.core.chapter_rules import (
    BUILTIN_RULES,
    ChapterRules,
    RuleError,
    UserRule,
    import_legado,
)

BODY = "這是一段足夠長的正文，用來隔開兩個標題，不會被當成標題的。"


def headings(doc):
    return [(b.text, b.level) for b in doc.blocks if b.kind is BlockKind.HEADING]


def test_a_bare_numeral_series_is_found_with_the_default_rules():
    doc = recognize(f"記\n一\n{BODY}\n二\n{BODY}\n三\n{BODY}")
    assert headings(doc) == [("一", 1), ("二", 1), ("三", 1)]


@pytest.mark.parametrize("name", ["volume", "chapter", "section", "scene", "part", "numbered"])
def test_the_example_of_a_single_line_rule_is_a_heading_only_while_the_rule_is_on(name):
    text = f"書名\n{BUILTIN_RULES[name]}\n{BODY}\n{BODY}\n"
    assert headings(recognize(text)) == [(BUILTIN_RULES[name], 1)]
    assert headings(recognize(text, rules=ChapterRules().switched(name, on=False))) == []


def test_a_short_line_between_blank_lines_is_a_heading_only_while_standalone_is_on():
    text = f"書名\n\n{BUILTIN_RULES['standalone']}\n\n{BODY}\n{BODY}\n"
    assert len(headings(recognize(text))) == 1
    off = ChapterRules().switched("standalone", on=False)
    assert headings(recognize(text, rules=off)) == []


def test_a_built_in_rule_switched_off_finds_nothing():
    rules = ChapterRules().switched("bare-numeral", on=False)
    doc = recognize(f"記\n一\n{BODY}\n二\n{BODY}\n三\n{BODY}", rules=rules)
    assert headings(doc) == []
    assert rules.switched("bare-numeral", on=True).enabled("bare-numeral")


def test_user_rules_come_first_with_their_level():
    rules = ChapterRules(user=(UserRule("volumes", r"^Book \d+$", level=1),))
    doc = recognize(f"小說\nBook 1\n第一章 初\n{BODY}\nBook 2\n第二章 次\n{BODY}", rules=rules)
    assert headings(doc) == [("Book 1", 1), ("第一章 初", 2), ("Book 2", 1), ("第二章 次", 2)]


def test_a_disabled_user_rule_does_nothing():
    rules = ChapterRules(user=(UserRule("x", r"^Book \d+$", enabled=False),))
    assert headings(recognize(f"小說\nBook 1\n{BODY}", rules=rules)) == []


def test_bad_rules_are_refused_with_a_code():
    with pytest.raises(RuleError) as bad:
        UserRule("broken", "第(")
    assert bad.value.code == "bad-pattern"
    with pytest.raises(RuleError):
        ChapterRules(disabled=frozenset({"no-such-rule"}))
    with pytest.raises(RuleError):
        UserRule("flat", "x", level=0)


def test_rules_survive_a_round_trip_through_settings_data():
    rules = ChapterRules(frozenset({"standalone"}), (UserRule("v", "^卷", 1, False, "卷一"),))
    assert ChapterRules.from_dict(json.loads(json.dumps(rules.to_dict()))) == rules


def test_legado_rules_import_in_order_and_report_what_python_cannot_compile():
    exported = json.dumps(
        [
            {"id": 2, "enable": False, "name": "番外", "rule": "^番外.{0,20}$", "serialNumber": 2},
            {
                "id": 1,
                "enable": True,
                "name": "第X章",
                "rule": r"^第\d+章.{0,30}$",
                "serialNumber": 1,
            },
            {
                "id": 3,
                "enable": True,
                "name": "Unicode class",
                "rule": r"^\p{Han}+$",
                "serialNumber": 3,
            },
        ],
        ensure_ascii=False,
    )
    imported = import_legado(exported, level=2)
    assert [(r.name, r.enabled, r.level) for r in imported.rules] == [
        ("第X章", True, 2),
        ("番外", False, 2),
    ]
    assert [(e.code, e.rule) for e in imported.rejected] == [("bad-pattern", "Unicode class")]
    doc = recognize(f"書\n第1章開始\n{BODY}", rules=ChapterRules(user=imported.rules))
    assert headings(doc) == [("第1章開始", 1)]


def test_legado_import_refuses_what_is_not_rule_json():
    with pytest.raises(RuleError) as bad:
        import_legado("not json")
    assert bad.value.code == "bad-json"


def test_with_the_advert_rule_off_an_advertisement_line_is_the_title_again():
    ad = BUILTIN_RULES["advert"]
    text = f"{ad}\n三國演義\n第一回　宴桃園\n{BODY}"
    assert recognize(text).title == "三國演義"
    assert recognize(text, rules=ChapterRules().switched("advert", on=False)).title == ad
