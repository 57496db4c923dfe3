"""Tools ▸ Chapter Rules: switch rules off, add patterns, import Legado's, preview, apply, keep."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QPushButton

from reader.core.chapter_rules import DEFAULT_RULES, ChapterRules, UserRule
from reader.core.rule_report import preview_rules
from reader.ui.dialogs.chapter_rules import ChapterRulesDialog
from reader.ui.settings_store import SettingsStore

BODY = "他走了很久，终于来到了山下的小镇，天色已晚，街上没有一个行人。\n"


def novel(numbers=(1, 2, 4, 5), name: str = "某小说") -> str:
    """Chapters right above their text (no blank line: no stand-alone headings),
    each with a ◆ scene line."""
    parts = [f"{name}\n"]
    for n in numbers:
        parts.append(f"\n第{n}章 标题{n}\n{BODY * 3}\n◆ 插曲{n}\n{BODY * 2}")
    return "".join(parts)


def titles(window) -> list[str]:
    return [entry.title for entry in window.session.prepared.outline.walk()]


def outline(window) -> list[tuple[int, str]]:
    return [(entry.level, entry.title) for entry in window.session.prepared.outline.walk()]


@pytest.fixture
def open_dialog(qtbot):
    """Tools ▸ Chapter Rules… in `window`; returns the dialog once its first preview shows."""

    def _open(window) -> ChapterRulesDialog:
        window.actions_.chapter_rules.trigger()
        dialog = window.findChild(ChapterRulesDialog)
        assert dialog is not None
        with qtbot.waitSignal(dialog.preview_shown, timeout=10_000):
            pass
        return dialog

    return _open


def edit(qtbot, dialog: ChapterRulesDialog, change) -> None:
    """Make a change in the dialog and wait for the preview to show it."""
    with qtbot.waitSignal(dialog.preview_shown, timeout=10_000):
        change()


def ok(qtbot, window, dialog: ChapterRulesDialog) -> None:
    """Click OK and wait for the document to open again with the rules."""
    with qtbot.waitSignal(window.document_shown, timeout=20_000):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def switch_off(dialog: ChapterRulesDialog, name: str):
    return lambda: dialog.builtin_item(name).setCheckState(0, Qt.CheckState.Unchecked)


def test_switching_a_rule_off_removes_its_headings_from_the_preview_and_the_outline(
    qtbot, make_window, write, open_dialog
):
    window = make_window(str(write("novel.txt", novel())))
    assert "第1章 标题1" in titles(window)
    dialog = open_dialog(window)
    assert (1, "第1章 标题1") in dialog.preview_entries()
    assert dialog.builtin_item("chapter").text(2) == "4"
    edit(qtbot, dialog, switch_off(dialog, "chapter"))
    assert not [t for _, t in dialog.preview_entries() if t.startswith("第")]
    assert dialog.builtin_item("chapter").text(2) == "0"
    ok(qtbot, window, dialog)
    assert not [t for t in titles(window) if t.startswith("第")]


def test_ok_keeps_the_line_being_read(qtbot, make_window, write, open_dialog):
    window = make_window(str(write("novel.txt", novel(range(1, 40)))))
    blocks = window.session.prepared.document.blocks
    target = next(i for i, b in enumerate(blocks) if b.text == "第30章 标题30")
    window.go_to_block(target)
    dialog = open_dialog(window)
    edit(qtbot, dialog, switch_off(dialog, "chapter"))
    ok(qtbot, window, dialog)
    shown = window.session.prepared.document.blocks[window.view.top_block()]
    assert shown.line == blocks[target].line


def test_a_users_pattern_adds_entries_at_its_level(qtbot, make_window, write, open_dialog):
    window = make_window(str(write("novel.txt", novel())))
    assert "◆ 插曲1" not in titles(window)
    dialog = open_dialog(window)
    row = dialog.add_rule()
    edit(qtbot, dialog, lambda: dialog.set_rule(row, r"^◆", 3))  # 3: below 章 (level 2)
    entries = dialog.preview_entries()
    assert entries.index((2, "◆ 插曲1")) == entries.index((1, "第1章 标题1")) + 1
    ok(qtbot, window, dialog)
    assert (2, "◆ 插曲1") in outline(window)
    assert window.session.prepared.outline.entries[0].children[0].title == "◆ 插曲1"


def test_a_users_pattern_at_the_chapters_level_sits_beside_them(
    qtbot, make_window, write, open_dialog
):
    window = make_window(str(write("novel.txt", novel())))
    dialog = open_dialog(window)
    row = dialog.add_rule()
    edit(qtbot, dialog, lambda: dialog.set_rule(row, r"^◆", 2))
    assert (1, "◆ 插曲1") in dialog.preview_entries()


def test_a_bad_pattern_shows_its_error_and_ok_is_refused(
    qtbot, make_window, write, open_dialog, settings_path
):
    window = make_window(str(write("novel.txt", novel())))
    dialog = open_dialog(window)
    row = dialog.add_rule()
    dialog.set_rule(row, "第(章")
    assert dialog.error.isVisibleTo(dialog)
    assert "Rule 1" in dialog.error.text() and "missing )" in dialog.error.text()
    ok_button = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok_button.isEnabled()
    dialog.accept()
    assert dialog.isVisible()
    assert window.store.document_rules(window.session.prepared.identity) is None
    dialog.set_rule(row, "第.章")
    assert not dialog.error.isVisibleTo(dialog)
    assert ok_button.isEnabled()


def test_the_gap_report_names_a_skipped_number(make_window, write, open_dialog):
    window = make_window(str(write("novel.txt", novel((1, 2, 4, 5)))))
    dialog = open_dialog(window)
    gaps = [dialog.gaps.item(i).text() for i in range(dialog.gaps.count())]
    assert gaps == [f"Line {line}: 第4章 标题4 skips from 2 to 4." for line in [gap_line(window)]]
    assert "chapter numbers break off: 1." in dialog.summary.text()
    assert dialog.longest.text().startswith("Longest chapter: 第1章 标题1 (")


def gap_line(window) -> int:
    blocks = window.session.prepared.document.blocks
    return next(b.line for b in blocks if b.text == "第4章 标题4")


def test_numbers_in_order_report_no_gap(make_window, write, open_dialog):
    window = make_window(str(write("novel.txt", novel((1, 2, 3)))))
    dialog = open_dialog(window)
    assert dialog.gaps.count() == 0 and not dialog.gaps.isVisibleTo(dialog)
    assert "run in order" in dialog.summary.text()


def test_rules_for_one_document_apply_to_it_only_and_global_rules_to_the_others(
    qtbot, make_window, write, open_dialog
):
    a = str(write("a.txt", novel(name="甲书")))
    b = str(write("b.txt", novel(name="乙书")))
    window = make_window(a)
    dialog = open_dialog(window)
    edit(qtbot, dialog, switch_off(dialog, "chapter"))
    dialog.for_document.setChecked(True)
    ok(qtbot, window, dialog)
    assert "第1章 标题1" not in titles(window)

    with qtbot.waitSignal(window.document_shown, timeout=20_000):
        window.open_path(b)
    assert "第1章 标题1" in titles(window)
    dialog = open_dialog(window)
    assert dialog.for_all.isChecked()
    row = dialog.add_rule()
    edit(qtbot, dialog, lambda: dialog.set_rule(row, r"^◆", 3))
    ok(qtbot, window, dialog)
    assert "◆ 插曲1" in titles(window) and "第1章 标题1" in titles(window)

    with qtbot.waitSignal(window.document_shown, timeout=20_000):
        window.open_path(a)  # its own rules, not everyone's
    assert "第1章 标题1" not in titles(window) and "◆ 插曲1" not in titles(window)
    c = str(write("c.txt", novel(name="丙书")))
    with qtbot.waitSignal(window.document_shown, timeout=20_000):
        window.open_path(c)
    assert "◆ 插曲1" in titles(window)


def test_rules_for_all_documents_replace_the_documents_own(qtbot, make_window, write, open_dialog):
    window = make_window(str(write("a.txt", novel())))
    dialog = open_dialog(window)
    edit(qtbot, dialog, switch_off(dialog, "chapter"))
    dialog.for_document.setChecked(True)
    ok(qtbot, window, dialog)
    identity = window.session.prepared.identity
    dialog = open_dialog(window)
    assert dialog.for_document.isChecked()
    dialog.for_all.setChecked(True)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert window.store.document_rules(identity) is None
    assert not window.store.chapter_rules().enabled("chapter")


def test_legado_rules_are_imported_from_their_json(
    qtbot, make_window, write, open_dialog, monkeypatch
):
    window = make_window(str(write("novel.txt", novel())))
    rules = [
        {"name": "Java 命名组", "rule": "^(?<t>◆)", "enable": True, "serialNumber": 0},
        {"name": "菱形小节", "rule": "^◆", "enable": True, "serialNumber": 1},
    ]
    path = write("legado.json", json.dumps(rules, ensure_ascii=False))
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *args, **kwargs: (str(path), ""))
    )
    dialog = open_dialog(window)
    legado = next(b for b in dialog.findChildren(QPushButton) if "Legado" in b.text())
    edit(qtbot, dialog, legado.click)
    assert dialog.user_table.rowCount() == 1
    assert dialog.user_table.item(0, 0).text() == "菱形小节"
    assert dialog.user_table.item(0, 1).text() == "^◆"
    assert "Rules imported from legado.json: 1." in dialog.import_note.text()
    assert "Java 命名组" in dialog.import_note.text()
    assert "◆ 插曲1" in [t for _, t in dialog.preview_entries()]


def test_a_file_that_is_no_legado_rule_file_is_said_in_one_line(make_window, write, open_dialog):
    window = make_window(str(write("novel.txt", novel())))
    dialog = open_dialog(window)
    assert dialog.import_legado_file(str(write("rules.json", "{not json"))) == 0
    assert "rules.json is not a Legado rule file" in dialog.import_note.text()
    assert "\n" not in dialog.import_note.text()


def test_rules_survive_a_restart(qtbot, make_window, write, open_dialog):
    path = str(write("novel.txt", novel()))
    window = make_window(path)
    dialog = open_dialog(window)
    edit(qtbot, dialog, switch_off(dialog, "chapter"))
    row = dialog.add_rule()
    edit(qtbot, dialog, lambda: dialog.set_rule(row, r"^◆", 3))
    dialog.for_document.setChecked(True)
    ok(qtbot, window, dialog)
    window.close()

    again = make_window(path)
    assert "◆ 插曲1" in titles(again) and "第1章 标题1" not in titles(again)
    dialog = open_dialog(again)
    assert dialog.builtin_item("chapter").checkState(0) == Qt.CheckState.Unchecked
    assert dialog.user_table.item(0, 1).text() == "^◆"


def test_markdown_has_no_chapter_rules(make_window, write):
    window = make_window(str(write("notes.md", "# 标题\n\n正文。\n")))
    assert not window.actions_.chapter_rules.isEnabled()


def test_corrupt_rules_in_the_settings_fall_back_to_the_defaults(settings_path):
    settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
    settings.setValue("rules/global", "{not json")
    settings.setValue("rules/abc", json.dumps({"disabled": ["no-such-rule"]}))
    store = SettingsStore(settings)
    assert store.chapter_rules() == DEFAULT_RULES
    assert store.document_rules("abc") is None
    assert store.chapter_rules("abc") == DEFAULT_RULES


def test_the_store_keeps_rules_per_document_and_for_all(settings_path):
    store = SettingsStore(QSettings(str(settings_path), QSettings.Format.IniFormat))
    own = ChapterRules(frozenset({"chapter"}))
    everyone = ChapterRules(user=(UserRule("菱形", "^◆", 3),))
    store.save_chapter_rules(own, "doc-a", own=True)
    store.save_chapter_rules(everyone, "doc-b", own=False)
    store.sync()
    again = SettingsStore(QSettings(str(settings_path), QSettings.Format.IniFormat))
    assert again.chapter_rules("doc-a") == own
    assert again.chapter_rules("doc-b") == everyone
    assert again.chapter_rules("doc-c") == everyone


def test_an_answer_to_an_older_request_is_not_shown(qtbot, make_window, write, open_dialog):
    window = make_window(str(write("novel.txt", novel())))
    dialog = open_dialog(window)
    old = dialog._latest
    stale = preview_rules(novel(), "", True, ChapterRules(frozenset({"chapter"})))
    edit(qtbot, dialog, lambda: dialog.add_rule(UserRule("菱形", "^◆", 3)))
    dialog._signals.done.emit(old, stale)  # a slow job for the rules before the edit
    qtbot.wait(0)
    assert (1, "第1章 标题1") in dialog.preview_entries()
    assert (2, "◆ 插曲1") in dialog.preview_entries()
