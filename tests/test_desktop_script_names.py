"""View ▸ Script ▸ Source Script names the scripts as the modes and the status bar do."""

from __future__ import annotations

from PySide6.QtWidgets import QMenu

from reader.core.convert import Script, ScriptMode


def test_source_script_menu_uses_the_reader_s_script_names(make_window):
    window = make_window()
    menu = window.findChild(QMenu, "sourceScriptMenu")
    assert [a.text() for a in menu.actions()] == [
        "Detect Automatically",
        "简体",
        "繁體（大陸用字）",
        "繁體（標準）",
        "臺灣正體",
        "香港繁體",
    ]
    assert menu.toolTipsVisible()
    tips = {a.data(): a.toolTip() for a in menu.actions()}
    assert "OpenCC's standard forms" in tips[Script.TRADITIONAL.value]
    assert "説 and 産" in tips[Script.MAINLAND_TRADITIONAL.value]
    assert "Taiwan" in tips[Script.TAIWAN.value] and "Hong Kong" in tips[Script.HONGKONG.value]
    assert "status bar" in tips["auto"]
    assert len(set(tips.values())) == len(tips)  # each says something of its own


def test_a_chosen_source_script_reads_the_same_in_menu_and_status_bar(make_window):
    window = make_window()
    action = window.actions_.source_scripts[Script.TRADITIONAL.value]
    action.trigger()
    assert action.isChecked()
    assert window.status.source.text() == f"Source: {action.text()} (set)"
    window.actions_.script_modes[ScriptMode.TRADITIONAL].trigger()
    assert window.status.shown.text() == "Showing: 繁體（標準）"
    assert window.script_box.currentText() == "繁體（標準）"
