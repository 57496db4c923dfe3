"""Replacement rules (净化) around conversion: protect, before, after; Legado's files."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from reader.core.convert import ScriptMode, convert_chunk
from reader.core.replace_rules import (
    ReplaceRule,
    RuleSet,
    RuleStage,
    import_legado,
    load_rules,
    rules_path,
    save_rules,
)
from reader.core.segments import SegmentKind, block_segments

LEGADO = Path(__file__).parent / "data" / "legado_replace_rules.json"
TEXT = "她剪了发。广告：abc 头发很长。www.example.com（本章未完，请点击下一页继续阅读）"


def shown(rules: RuleSet, text: str = TEXT, chain=("s2t",)) -> str:
    return convert_chunk([text], [0], chain, None, None, rules).texts[0]


def test_protect_keeps_a_name_as_written():
    rules = RuleSet((ReplaceRule("头发", stage=RuleStage.PROTECT),))
    assert "头发很長" in shown(rules)


def test_before_replaces_in_the_text_as_written_and_after_in_the_display():
    rules = RuleSet(
        (
            ReplaceRule(r"广告：\w+ ", "", RuleStage.BEFORE, regex=True),
            ReplaceRule("髮", "发", RuleStage.AFTER),
        )
    )
    out = shown(rules)
    assert "广告" not in out and "廣告" not in out
    assert "頭发很長" in out  # 头发 → 頭髮, then 髮 → 发 after conversion


def test_a_rule_switched_off_or_broken_does_nothing():
    rules = RuleSet(
        (
            ReplaceRule("她", "他", enabled=False),
            ReplaceRule("(", "x", regex=True),
        )
    )
    assert not rules
    assert shown(rules) == shown(RuleSet())
    assert ReplaceRule("(", regex=True).error


def test_rules_apply_to_the_original_text_too():
    rules = RuleSet((ReplaceRule("（本章未完，请点击下一页继续阅读）", ""),))
    assert shown(rules, chain=()) == TEXT.replace("（本章未完，请点击下一页继续阅读）", "")


def test_code_is_never_touched_by_a_rule():
    rules = RuleSet((ReplaceRule("a", "b"),))
    text = "a`a`a"
    assert convert_chunk([text], [0], (), {0: ((1, 4),)}, None, rules).texts == ("b`a`b",)


def test_preview_count():
    assert ReplaceRule("发").count([TEXT, "发发"]) == 4


def test_segments_name_the_rule_as_the_reason():
    rules = RuleSet((ReplaceRule("头发", stage=RuleStage.PROTECT),))
    source = "头发很长"
    out = shown(rules, source)
    segments = block_segments(("s2t",), source, out, (), rules.changed_spans(source))
    assert [s.kind for s in segments][:2] == [SegmentKind.RULE, SegmentKind.RULE]


def test_legado_rules_import_in_their_order_and_say_what_was_left_out():
    found = import_legado(LEGADO.read_text(encoding="utf-8"))
    assert [r.name for r in found.rules] == ["网址", "去广告", "数字加块"]
    assert (found.scripted, found.titles_only, found.broken) == (1, 1, 1)
    rules = RuleSet(found.rules)
    out = shown(rules, TEXT, ())
    assert "www" not in out and "本章未完" not in out
    money = found.rules[2]
    assert not money.enabled and money.replace("5元") == "5块"  # $1 became \g<1>


@pytest.mark.parametrize("text", ["", "[1, 2]", "{not json", '[{"name": "x"}]'])
def test_a_file_that_is_not_legado_rules_says_so(text):
    with pytest.raises(ValueError):
        import_legado(text)


def test_rules_are_kept_and_a_bad_file_set_aside(tmp_path):
    path = rules_path(tmp_path, "abc")
    rules = RuleSet((ReplaceRule("a", "b", RuleStage.AFTER, True, False, "n"),))
    save_rules(path, rules)
    assert load_rules(path) == (rules, None)
    path.write_text('{"rules": [{"pattern": 1}]}', encoding="utf-8")
    loaded, problem = load_rules(path)
    assert loaded == RuleSet() and problem is not None and problem.kept_as.exists()


def test_the_rules_dialog_changes_view_search_export_and_undo(make_window, write, qtbot):
    from reader.ui.dialogs.replace_rules import ReplaceRulesDialog

    path = write("ads.txt", "她剪了发。\n\n广告：abc 又剪了发。\n")
    window = make_window(str(path))
    with qtbot.waitSignal(window.conversion_finished, timeout=20_000):
        window.set_script_mode(ScriptMode.TRADITIONAL)
    review = window.review
    session = window.session
    dialog = ReplaceRulesDialog(
        review.document_rules, review.global_rules, session.prepared.texts, session.rendition.texts
    )
    dialog.add_rule(ReplaceRule(r"广告：\w+ ", "", RuleStage.BEFORE, True), True)
    dialog.recount()
    assert dialog.table.item(0, 6).text() == "1"
    dialog.add_rule(ReplaceRule("剪了发", stage=RuleStage.PROTECT), False)
    mine, everyone = dialog.chosen()
    with qtbot.waitSignal(window.conversion_finished, timeout=20_000):
        review.set_rules(mine, everyone)
    text = window.view.plain_text()
    assert "廣告" not in text and "又剪了发" in text and "她剪了发" in text
    assert "廣告" not in session.rendition.export_plain()
    with qtbot.waitSignal(window.search_finished, timeout=10_000):
        window.search("又剪了发", exact=True)
    assert len(session.matches) == 1
    with qtbot.waitSignal(window.conversion_finished, timeout=20_000):
        window.actions_.undo_fix.trigger()
    assert "廣告" in window.view.plain_text()


def test_rules_survive_a_reload(make_window, write, qtbot):
    path = write("ads.txt", "她剪了发。\n\n广告：abc 又剪了发。\n")
    window = make_window(str(path))
    with qtbot.waitSignal(window.conversion_finished, timeout=20_000):
        window.review.set_rules(RuleSet((ReplaceRule("广告：abc ", ""),)), RuleSet())
    assert "广告" not in window.view.plain_text()
    with qtbot.waitSignal(window.conversion_finished, timeout=20_000):
        window.reload()
    assert "广告" not in window.view.plain_text()


def test_the_dialog_imports_a_legado_file_for_every_document(qtbot):
    from reader.ui.dialogs.replace_rules import ReplaceRulesDialog

    dialog = ReplaceRulesDialog(RuleSet(), RuleSet(), [TEXT], [TEXT])
    qtbot.addWidget(dialog)
    assert dialog.import_legado_file(LEGADO) == 3
    assert "1 written in JavaScript" in dialog.message.text()
    mine, everyone = dialog.chosen()
    assert mine == RuleSet() and [r.name for r in everyone.rules] == ["网址", "去广告", "数字加块"]
    dialog.recount()
    assert dialog.table.item(0, 6).text() == "1"  # www.example.com
    assert dialog.table.item(2, 0).checkState() == Qt.CheckState.Unchecked


def test_the_preview_count_stops_at_its_limit(qtbot):
    from reader.ui.dialogs.replace_rules import COUNT_LIMIT, ReplaceRulesDialog

    assert ReplaceRule(".", regex=True).count(["x" * 50], limit=10) == 10
    dialog = ReplaceRulesDialog(
        RuleSet((ReplaceRule(".", regex=True),)), RuleSet(), ["x" * (COUNT_LIMIT + 5)], [""]
    )
    qtbot.addWidget(dialog)
    assert dialog.table.item(0, 6).text() == f"{COUNT_LIMIT}+"


def test_ok_keeps_no_rule_whose_pattern_cannot_be_used(qtbot):
    from PySide6.QtWidgets import QDialog

    from reader.ui.dialogs.replace_rules import ReplaceRulesDialog

    dialog = ReplaceRulesDialog(
        RuleSet((ReplaceRule("發", "髮"), ReplaceRule("(abc", regex=True))),
        RuleSet(),
        [TEXT],
        [TEXT],
    )
    qtbot.addWidget(dialog)
    dialog.recount()
    assert "Not a valid regular expression" in dialog.table.item(1, 6).toolTip()
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.table.currentRow() == 1
    assert dialog.message.text().startswith("Rule 2 is not a valid regular expression")
    dialog.table.item(1, 3).setCheckState(Qt.CheckState.Unchecked)  # Regex off: plain text
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
