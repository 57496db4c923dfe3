"""Conversion review in the window, used as a reader uses it."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from reader.core.convert import ScriptMode

TEXT = "剪发\n\n她剪了发，头发很长，发展很快。\n\n他又剪了发。\n"


def open_traditional(make_window, write, qtbot):
    path = write("hair.txt", TEXT)
    window = make_window(str(path))
    with qtbot.waitSignal(window.conversion_finished, timeout=20_000):
        window.set_script_mode(ScriptMode.TRADITIONAL)
    return window


def block_of(window, needle: str) -> int:
    return next(i for i, t in enumerate(window.session.rendition.texts) if needle in t)


def test_uncertain_marks_show_only_hair_without_a_phrase(make_window, write, qtbot):
    window = open_traditional(make_window, write, qtbot)
    window.actions_.show_changes["uncertain"].trigger()
    block = block_of(window, "她剪了發")
    text = window.session.rendition.texts[block]
    assert [text[a:b] for a, b, _ in window.review.marks(block)] == ["發"]
    assert text.index("頭髮") >= 0  # 头发 and 发展 were decided by phrase entries
    window.actions_.show_changes["all"].trigger()
    marked = "".join(text[a:b] for a, b, _ in window.review.marks(block))
    assert "頭髮" in marked and "長" in marked
    window.actions_.show_changes["off"].trigger()
    assert window.view._marks is None


def test_clicking_a_mark_and_an_alternative_fixes_view_search_and_export(
    make_window, write, qtbot, tmp_path
):
    window = open_traditional(make_window, write, qtbot)
    window.actions_.show_changes["uncertain"].trigger()
    block = block_of(window, "她剪了發")
    window.view.scroll_to_block(block)
    index = window.session.rendition.texts[block].index("發")
    assert window.review.review_at(block, index)
    panel = window.review.panel
    assert panel.isVisible() and [b.text().split()[0] for b in panel.buttons] == ["髮"]
    with qtbot.waitSignal(window.conversion_finished, timeout=20_000):
        qtbot.mouseClick(panel.buttons[0], Qt.MouseButton.LeftButton)
    assert "她剪了髮" in window.view.block_text(block)
    assert "他又剪了發" in window.view.plain_text()  # only that place
    with qtbot.waitSignal(window.search_finished, timeout=10_000):
        window.search("剪了髮", exact=True)
    assert [m.block for m in window.session.matches] == [block]
    assert "她剪了髮" in window.session.rendition.export_plain()
    assert window.review.fixes_panel.list.count() == 1


def test_a_fix_everywhere_then_undo(make_window, write, qtbot):
    window = open_traditional(make_window, write, qtbot)
    window.actions_.show_changes["uncertain"].trigger()
    block = block_of(window, "她剪了發")
    window.review.review_at(block, window.session.rendition.texts[block].index("發"))
    window.review.panel.everywhere.setChecked(True)
    with qtbot.waitSignal(window.conversion_finished, timeout=20_000):
        window.review.panel.buttons[0].click()
    text = window.view.plain_text()
    assert "她剪了髮" in text and "他又剪了髮" in text and "剪髮" in text
    with qtbot.waitSignal(window.conversion_finished, timeout=20_000):
        window.actions_.undo_fix.trigger()
    assert "他又剪了發" in window.view.plain_text()


def test_fixes_made_everywhere_follow_a_file_edited_at_its_start(make_window, write, qtbot):
    """An edit near the start gives the file a new identity: the fixes made everywhere come
    along and the reader is told; the one made at one place is said to be left behind."""
    window = open_traditional(make_window, write, qtbot)
    block = block_of(window, "他又剪了發")
    window.review.review_at(block, window.session.rendition.texts[block].index("發"))
    with qtbot.waitSignal(window.conversion_finished, timeout=20_000):
        window.review.panel.buttons[0].click()  # 髮 at this place only
    block = block_of(window, "頭髮")
    window.review.review_at(block, window.session.rendition.texts[block].index("髮"))
    window.review.panel.everywhere.setChecked(True)
    with qtbot.waitSignal(window.conversion_finished, timeout=20_000):
        window.review.panel.buttons[0].click()  # every 头发 shows 頭發
    assert "他又剪了髮" in window.view.plain_text() and "頭發" in window.view.plain_text()
    path = window.session.path
    window.close()

    write("hair.txt", "编者按：新插入的一段。\n\n" + TEXT)  # the same file, edited at its start
    again = make_window(path, wait=False)
    with qtbot.waitSignal(again.conversion_finished, timeout=20_000):
        again.open_initial(None)
    text = again.view.plain_text()
    assert "頭發" in text and "他又剪了發" in text
    assert [f.source for f in again.session.fixes.fixes] == ["头发"]
    assert again.review.fixes_panel.list.count() == 1
    assert again.status.currentMessage() == (
        "The file changed: 1 fix(es) made everywhere carried over; "
        "1 made at one place could not be found again."
    )


def test_fixes_survive_a_restart_and_a_reload(make_window, write, qtbot):
    window = open_traditional(make_window, write, qtbot)
    block = block_of(window, "她剪了發")
    window.review.review_at(block, window.session.rendition.texts[block].index("發"))
    with qtbot.waitSignal(window.conversion_finished, timeout=20_000):
        window.review.panel.buttons[0].click()
    with qtbot.waitSignal(window.conversion_finished, timeout=20_000):
        window.reload()
    assert "她剪了髮" in window.view.block_text(block)
    window.close()
    again = make_window(str(write("hair.txt", TEXT)), wait=False)
    with qtbot.waitSignal(again.conversion_finished, timeout=20_000):
        again.open_initial(None)
    assert "她剪了髮" in again.view.block_text(block)
    assert again.review.fixes_panel.list.count() == 1


def test_a_corrupt_fixes_file_is_reported_and_kept(make_window, write, qtbot, data_home):
    window = open_traditional(make_window, write, qtbot)
    from reader.core.fixes import fixes_path

    identity = window.session.prepared.identity
    path = fixes_path(identity, data_home / "zhreader" / "fixes", window.session.path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("{not json", encoding="utf-8")
    with qtbot.waitSignal(window.conversion_finished, timeout=20_000):
        window.reload()
    assert "could not be read" in window.status.currentMessage()
    assert [p.read_text() for p in path.parent.glob("*.corrupt-*.json")] == ["{not json"]


def test_next_uncertain_selects_it_and_opens_the_panel(make_window, write, qtbot):
    window = open_traditional(make_window, write, qtbot)
    window.view.scroll_to_block(0)
    window.actions_.next_uncertain.trigger()
    qtbot.waitUntil(lambda: window.review.panel.isVisible())
    assert window.view.selected_text() in ("發", "髮")


def test_a_click_on_a_mark_opens_the_panel(make_window, write, qtbot):
    window = open_traditional(make_window, write, qtbot)
    window.actions_.show_changes["uncertain"].trigger()
    block = block_of(window, "她剪了發")
    window.view.scroll_to_block(block)
    received = []
    window.view.mark_clicked.connect(lambda b, i, _: received.append((b, i)))
    index = window.session.rendition.texts[block].index("發")
    for y in range(0, window.view.viewport().height(), 4):
        for x in range(0, window.view.viewport().width(), 6):
            if window.view.position_at(x, y) == (block, index):
                qtbot.mouseClick(
                    window.view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, y)
                )
                assert received == [(block, index)]
                assert window.review.panel.isVisible()
                return
    raise AssertionError("the character was not found on screen")


def test_preferences_open_the_user_dictionary(make_window, qtbot):
    from PySide6.QtWidgets import QPushButton

    from reader.ui.dialogs.preferences import PreferencesDialog

    window = make_window()
    asked = []
    prefs = PreferencesDialog(window.store.preferences, [], window, lambda: asked.append(1))
    button = prefs.findChild(QPushButton, "userDictionaryButton")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert asked == [1]


def test_a_saved_user_dictionary_applies_to_the_open_document(make_window, write, qtbot, data_home):
    from reader.ui.dialogs.user_dictionary import UserDictionaryDialog

    window = open_traditional(make_window, write, qtbot)
    dialog = UserDictionaryDialog(window.review.user_dictionary_path(), window)
    dialog.editor.setPlainText("# mine\n又剪了发\t又剪了髮\n")
    assert "1" in dialog.count.text()
    dialog.save()
    saved = (data_home / "zhreader" / "user-dictionary.txt").read_text(encoding="utf-8")
    assert saved == "# mine\n又剪了发\t又剪了髮\n"
    with qtbot.waitSignal(window.conversion_finished, timeout=20_000):
        window.review.reload_user_dictionary()
    assert "他又剪了髮" in window.view.plain_text()
    assert "她剪了發" in window.view.plain_text()


def test_every_same_phrase_means_the_phrase_that_decided_it(make_window, write, qtbot):
    window = open_traditional(make_window, write, qtbot)
    block = block_of(window, "頭髮")
    text = window.session.rendition.texts[block]
    assert window.review.review_at(block, text.index("頭髮") + 1)
    panel = window.review.panel
    assert panel.everywhere.text() == "Every “头发” in this document"
    panel.everywhere.setChecked(True)
    with qtbot.waitSignal(window.conversion_finished, timeout=20_000):
        panel.buttons[0].click()  # 發
    assert window.session.fixes.fixes[-1].source == "头发"
    shown = window.view.plain_text()
    assert "頭發很長" in shown and "剪了發" in shown and "發展" in shown


def test_f7_reviews_a_selected_phrase(make_window, write, qtbot):
    window = open_traditional(make_window, write, qtbot)
    block = block_of(window, "頭髮")
    start = window.session.rendition.texts[block].index("頭髮")
    window.view.select((block, start), (block, start + 2))
    window.actions_.review_selection.trigger()
    panel = window.review.panel
    assert panel.isVisible()
    assert panel.span_label.text() == "头发 → 頭髮"
    assert [b.text().split()[0] for b in panel.buttons] == ["頭發"]


def test_f7_without_a_selection_says_what_to_do(make_window, write, qtbot):
    window = open_traditional(make_window, write, qtbot)
    window.view.select((0, 0), (0, 0))
    window.actions_.review_selection.trigger()
    assert "Select converted text" in window.status.currentMessage()


def test_the_marks_level_is_remembered(make_window, write, qtbot):
    window = make_window()
    window.actions_.show_changes["uncertain"].trigger()
    window.close()
    again = make_window()
    assert again.review.level == "uncertain"
    assert again.actions_.show_changes["uncertain"].isChecked()


def test_the_panel_offers_no_choice_when_there_is_none(qtbot):
    from reader.core.segments import Alternative, SegmentKind
    from reader.ui.panels.conversion_panel import ConversionPanel

    panel = ConversionPanel()
    qtbot.addWidget(panel)
    panel.show_span("来", "來", SegmentKind.CHARACTER, False, "", [])
    assert panel.instead_label.isHidden() and not panel.empty_label.isHidden()
    panel.show_span("发", "發", SegmentKind.CHARACTER, True, "", [Alternative("髮", "頭髮")])
    assert not panel.instead_label.isHidden() and panel.empty_label.isHidden()


def test_marks_stand_beside_the_characters_in_vertical_columns_and_open_the_panel(
    make_window, write, qtbot
):
    window = open_traditional(make_window, write, qtbot)
    window.actions_.vertical.trigger()
    qtbot.waitUntil(lambda: window.view.page_count() > 0, timeout=20_000)
    block = block_of(window, "她剪了發")
    index = window.session.rendition.texts[block].index("發")
    cell = window.view.char_rect(block, index)
    assert cell is not None

    def beside() -> set:
        image = window.view.viewport().grab().toImage()
        ratio = image.devicePixelRatio()
        x0 = int((cell.left() - window.view._em / 4) * ratio)
        return {
            image.pixelColor(x, int(y * ratio)).name()
            for x in range(x0, int(cell.left() * ratio))
            for y in range(int(cell.top()) + 2, int(cell.bottom()) - 2)
        }

    plain = beside()
    window.actions_.show_changes["uncertain"].trigger()
    marked = beside()
    assert marked - plain, "no mark drawn beside 發"

    received = []
    window.view.mark_clicked.connect(lambda b, i, _: received.append((b, i)))
    centre = cell.center().toPoint()
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert received == [(block, index)] and window.review.panel.isVisible()
