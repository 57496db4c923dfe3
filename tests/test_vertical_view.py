"""Reading vertically (直排) in the window: columns right to left, pages turned leftwards."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QGuiApplication

from reader.core.document import Block, BlockKind
from reader.core.vertical import NO_COLUMN_START
from reader.ui.themes import THEMES
from reader.ui.view.typeset import block_style
from reader.ui.view.vertical import VerticalLayouter

CLASSIC = (
    "第一回　宴桃園豪傑三結義\n\n"
    + "　　話說天下大勢，分久必合，合久必分。周末七國分爭，并入於秦。及秦滅之後，楚、漢分爭，"
    "又并入於漢。漢朝自高祖斬白蛇而起義，一統天下，後來光武中興，傳至獻帝，遂分為三國。"
    "推其致亂之由，殆始於桓、靈二帝。桓帝禁錮善類，崇信宦官。及桓帝崩，靈帝即位，"
    "大將軍竇武、太傅陳蕃，共相輔佐。時有宦官曹節等弄權，竇武、陳蕃謀誅之，機事不密，"
    "反為所害，中涓自此愈橫。\n\n" * 12 + "建寧2年四月望日，帝御溫德殿。用Python寫於2008年。\n"
)


def vertical_window(make_window, qtbot, write, text=CLASSIC):
    window = make_window(str(write("三國.txt", text)))
    window.actions_.vertical.trigger()
    qtbot.waitUntil(lambda: window.view.page_count() > 0, timeout=20_000)
    return window


def test_the_first_character_of_the_first_column_is_at_the_top_right(make_window, qtbot, write):
    window = vertical_window(make_window, qtbot, write)
    view = window.view
    first = view.char_rect(0, 0)
    second = view.char_rect(0, 1)
    assert first is not None and second is not None
    assert first.right() > view.viewport().width() * 0.8
    assert first.top() < view.viewport().height() * 0.3
    assert second.left() == first.left() and second.top() == first.bottom()  # straight down
    following = view.char_rect(1, 2)  # the next block is the next column, to the left
    assert following is not None and following.right() < first.left()


def test_no_column_starts_with_closing_punctuation(qtbot):
    layouter = VerticalLayouter(QFont("Noto Serif CJK TC"), 20, 170)
    text = CLASSIC.split("\n\n")[1]
    block = Block(BlockKind.PARAGRAPH, text, 1, 1)
    for length in range(100, 600, 20):
        laid = layouter.lay_out(block, text, float(length), THEMES["light"])
        starts = [text[column.start] for column in laid.columns[1:]]
        assert not set(starts) & NO_COLUMN_START, length
        assert "".join(text[c.start : c.end] for c in laid.columns) == text


def test_a_two_digit_number_occupies_one_cell_and_a_latin_word_lies_sideways(
    make_window, qtbot, write
):
    window = vertical_window(make_window, qtbot, write)
    view = window.view
    last = view.block_count() - 1
    view.go_to_position((last, 0))
    text = view.block_text(last)
    two = text.index("2年")
    digit = view.char_rect(last, two)
    assert digit is not None and digit.height() == digit.width()  # one square cell
    assert view.char_rect(last, two + 1).top() == digit.bottom()  # 年 in the next cell
    word = text.index("Python")
    rotated = view.char_rect(last, word)
    assert rotated is not None and rotated.height() > 2 * rotated.width()  # runs down the column
    laid = view._pages.laid(last)
    assert any(
        p.sideways and text[p.start : p.end] == "Python" for c in laid.columns for p in c.pieces
    )


def test_a_page_turn_moves_leftwards_to_the_next_text(make_window, qtbot, write):
    window = vertical_window(make_window, qtbot, write)
    view = window.view
    pages = view.shown_pages()
    last_part = pages[-1].parts[-1]
    laid = view._pages.laid(last_part.block)
    end = laid.columns[last_part.last - 1].end  # the text after the leftmost column on screen
    left_edge = view.char_rect(last_part.block, end - 1)
    assert left_edge is not None and left_edge.right() < view.char_rect(0, 0).left()
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    assert view.page_index() == (2 if view.spread() else 1)
    assert view.reading_position() == (last_part.block, end) or view.reading_position() == (
        last_part.block + 1,
        0,
    )
    qtbot.keyClick(view, Qt.Key.Key_Right)  # back, rightwards
    assert view.page_index() == 0
    qtbot.keyClick(view, Qt.Key.Key_Left)
    assert view.page_index() > 0
    assert window.view_modes.page_label.text().startswith(f"Page {view.page_index() + 1} of ")


def test_position_survives_switching_direction_and_script(make_window, qtbot):
    window = make_window()  # the bundled article
    window.view.scroll_to_block(28)
    window.actions_.vertical.trigger()
    assert window.view.reading_position() == (28, 0)
    assert window.view.visible_blocks()[0] <= 28 < window.view.visible_blocks()[1]
    from reader.core.convert import ScriptMode

    with qtbot.waitSignal(window.conversion_finished, timeout=20_000):
        window.set_script_mode(ScriptMode.SIMPLIFIED)
    assert window.view.reading_position() == (28, 0)
    assert "数字" in "".join(
        window.view.block_text(i) for i in range(*window.view.visible_blocks())
    )
    window.actions_.vertical.trigger()
    assert window.view.top_block() == 28


def test_the_direction_is_remembered_per_document(make_window, qtbot, write, article_path):
    window = vertical_window(make_window, qtbot, write)
    path = window.session.path
    window.close()
    again = make_window(path)
    assert again.view.is_vertical() and again.actions_.vertical.isChecked()
    article = make_window(str(article_path))
    assert not article.view.is_vertical()


def test_find_goes_to_the_page_of_the_match(make_window, qtbot, write):
    window = vertical_window(make_window, qtbot, write)
    last = window.view.block_count() - 1
    text = window.view.block_text(last)
    start = text.index("溫德殿")
    window.view.set_matches([(last, start, start + 3)], 0)
    rect = window.view.char_rect(last, start)
    assert rect is not None and window.view.viewport().rect().contains(rect.center().toPoint())
    assert window.view.selected_text() == "溫德殿"


def test_selection_across_columns_copies_in_reading_order(make_window, qtbot, write):
    window = vertical_window(make_window, qtbot, write)
    view = window.view
    text = view.block_text(1)
    a = view.char_rect(1, 4).center()
    b = view.char_rect(1, 40).center()
    viewport = view.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=a.toPoint())
    qtbot.mouseMove(viewport, pos=b.toPoint())
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=b.toPoint())
    assert view.selected_text() == text[4:40]
    view.copy()
    assert QGuiApplication.clipboard().text() == text[4:40]


def test_zoom_and_theme_keep_the_page_and_repaint(make_window, qtbot, write):
    window = vertical_window(make_window, qtbot, write)
    view = window.view
    view.go_to_position((9, 0))
    before = view.char_rect(9, 0).width()
    window.zoom(+2)
    assert view.reading_position() == (9, 0)
    assert view.char_rect(9, 0).width() > before
    window.set_theme("dark")
    image = view.viewport().grab().toImage()
    assert image.pixelColor(3, 3).name() == THEMES["dark"].background


def test_a_book_whose_css_asks_for_vertical_rl_opens_vertical(make_window, qtbot):
    from pathlib import Path

    book = Path(__file__).parent / "corpus" / "epub" / "epub-vertical-zh.epub"
    window = make_window(str(book))
    assert window.view.is_vertical() and window.actions_.vertical.isChecked()
    qtbot.waitUntil(lambda: window.view.page_count() > 1, timeout=20_000)
    assert window.view_modes.page_label.isVisible()
    window.actions_.vertical.trigger()  # the reader's choice wins next time
    path = window.session.path
    window.close()
    assert not make_window(path).view.is_vertical()


def test_the_outline_jumps_to_a_chapter_page_and_follows_page_turns(
    make_window, qtbot, article_path
):
    window = make_window(str(article_path))
    window.actions_.vertical.trigger()
    heading = 25  # 變局 重慶雲谷蓬勃而出
    window.go_to_block(heading)
    first, last = window.view.visible_blocks()
    assert first <= heading < last
    assert window.view.reading_position() == (heading, 0)
    qtbot.keyClick(window.view, Qt.Key.Key_PageDown)
    qtbot.waitUntil(lambda: window.outline.current_title() != "")
    assert window.outline.current_title() in {"變局 重慶雲谷蓬勃而出", "新局 數字文創勢頭強勁"}


#: Window sizes: one page (the tests' usual window, a tall one) and two facing pages.
SIZES = [((1100, 760), False), ((760, 1000), False), ((1500, 760), True), ((1400, 900), True)]


def window_of_size(make_window, qtbot, size, path):
    window = make_window(wait=False)
    window.resize(*size)
    qtbot.waitUntil(lambda: window.size().toTuple() == size)
    with qtbot.waitSignal(window.document_shown, timeout=20_000):
        window.open_initial(path)
    return window


def on_screen(view) -> list[tuple[int, int]]:
    """Where each page on screen begins (block, column), right first."""
    return [page.start for page in view.shown_pages()]


@pytest.mark.parametrize(("size", "facing"), SIZES)
@pytest.mark.parametrize("how", ["gone to", "turned to"])
def test_reopening_a_vertical_document_shows_the_same_pages(
    make_window, qtbot, write, size, facing, how
):
    path = str(write("三國.txt", CLASSIC))
    window = window_of_size(make_window, qtbot, size, path)
    window.actions_.vertical.trigger()
    view = window.view
    qtbot.waitUntil(lambda: view.page_count() > 0, timeout=20_000)
    assert view.spread() == facing
    view.go_to_position((9, 0))
    if how == "turned to":  # the reader is in the middle of a paragraph
        for _ in range(3):
            qtbot.keyClick(view, Qt.Key.Key_PageDown)
    left = on_screen(view)
    page = view.page_index()
    window.save_position()
    window.close()

    again = window_of_size(make_window, qtbot, size, path)
    view = again.view
    assert view.is_vertical() and view.page_count() == 0  # still counting
    assert on_screen(view) == left
    qtbot.waitUntil(lambda: view.page_count() > 0, timeout=20_000)
    assert on_screen(view) == left  # the count did not move the pages
    assert view.page_index() == page
    assert again.view_modes.page_label.text().startswith(f"Page {page + 1} of ")
    qtbot.keyClick(view, Qt.Key.Key_PageUp)
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    assert on_screen(view) == left  # turned back and forth by whole spreads


@pytest.mark.parametrize(("size", "facing"), SIZES)
def test_zoom_and_direction_keep_the_character_on_the_same_pages_before_and_after_counting(
    make_window, qtbot, write, size, facing
):
    window = window_of_size(make_window, qtbot, size, str(write("三國.txt", CLASSIC)))
    window.actions_.vertical.trigger()
    view = window.view
    qtbot.waitUntil(lambda: view.page_count() > 0, timeout=20_000)
    place = (9, 57)  # in the middle of a column
    view.go_to_position(place)
    window.zoom(+2)
    assert view.page_count() == 0 and view.char_rect(*place) is not None
    shown = on_screen(view)
    qtbot.waitUntil(lambda: view.page_count() > 0, timeout=20_000)
    assert on_screen(view) == shown and view.char_rect(*place) is not None
    window.actions_.vertical.trigger()  # to lines and back: no drift to an earlier column
    window.actions_.vertical.trigger()
    assert on_screen(view) == shown
    qtbot.waitUntil(lambda: view.page_count() > 0, timeout=20_000)
    assert on_screen(view) == shown and view.spread() == facing


def test_counted_pages_hold_every_column_once_with_the_readers_page_among_them(qtbot):
    from reader.ui.view.vertical import VerticalPages, count_pages

    layouter = VerticalLayouter(QFont("Noto Serif CJK TC"), 20, 170)
    texts = CLASSIC.strip("\n").split("\n\n")
    blocks = [Block(BlockKind.PARAGRAPH, text, n, n) for n, text in enumerate(texts)]
    pages = VerticalPages(layouter, blocks, texts, THEMES["light"], 500, 400)
    plain = count_pages(pages)
    anchor = pages.start_of((5, 30))
    assert anchor not in plain  # the reader's page would not begin a page counted from the top
    starts = count_pages(pages, anchor=anchor)
    assert anchor in starts and len(starts) in {len(plain), len(plain) + 1}
    seen = []
    for n, start in enumerate(starts):
        until = starts[n + 1] if n + 1 < len(starts) else None
        page = pages.page(start, until)
        assert page.next_start == until
        seen.extend((part.block, c) for part in page.parts for c in range(part.first, part.last))
    every = [(b, c) for b in range(len(texts)) for c in range(len(pages.laid(b).columns))]
    assert seen == every
    following, start = [], anchor  # after it, the pages the view turns to before the count
    while start is not None:
        following.append(start)
        start = pages.page(start).next_start
    assert starts[starts.index(anchor) :] == following


def test_an_empty_document_says_so_in_vertical_mode(make_window, qtbot, write):
    window = make_window(str(write("空.txt", "\n\n")))
    window.actions_.vertical.trigger()
    image = window.view.viewport().grab().toImage()
    background = image.pixelColor(2, 2)
    middle = image.height() // 2
    row = [image.pixelColor(x, middle) for x in range(image.width())]
    assert any(colour != background for colour in row)  # the placeholder sentence is drawn


def test_links_are_drawn_in_the_link_colour_and_open_on_a_click(make_window, qtbot, write):
    window = make_window(
        str(write("說明.md", "本工具見[專案主頁](https://example.com/)的說明。\n"))
    )
    window.actions_.vertical.trigger()
    view = window.view
    block = next(i for i in range(view.block_count()) if "專案主頁" in view.block_text(i))
    text = view.block_text(block)

    def inks(char: int) -> list:
        rect = view.char_rect(block, text.index(char)).toRect()
        image = view.viewport().grab(rect).toImage()
        return [
            image.pixelColor(x, y)
            for x in range(image.width())
            for y in range(image.height())
            if image.pixelColor(x, y).lightness() < 160
        ]

    assert all(c.blue() - c.red() > 40 for c in inks("專"))  # link blue
    assert all(abs(c.blue() - c.red()) < 25 for c in inks("本"))  # body text, neutral
    with qtbot.waitSignal(view.link_clicked) as clicked:
        centre = view.char_rect(block, text.index("案")).center().toPoint()
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert clicked.args == ["https://example.com/"]


def test_without_the_fonts_vertical_forms_a_comma_goes_to_the_upper_right(qtbot, monkeypatch):
    from PySide6.QtGui import QColor, QImage, QPainter

    # Taiwan's font sets ， centred; a font with no vert feature gets the rule's placement.
    layouter = VerticalLayouter(QFont("Noto Serif CJK TC"), 40, 170)
    monkeypatch.setattr(layouter, "_has_vertical_forms", lambda font, chars: False)
    text = "天，"
    laid = layouter.lay_out(Block(BlockKind.PARAGRAPH, text, 1, 1), text, 400, THEMES["light"])
    image = QImage(100, 200, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    layouter.paint(painter, laid, 100, 0, THEMES["light"])
    painter.end()
    piece = next(p for p in laid.columns[0].pieces if text[p.start] == "，")
    cell = laid.cell
    left = 100 - laid.columns[0].width + (laid.columns[0].width - cell) / 2
    ink = [
        (x, y)
        for x in range(int(left), int(left + cell))
        for y in range(int(piece.y), int(piece.y + cell))
        if image.pixelColor(x, y).lightness() < 128
    ]
    assert ink
    assert min(x for x, _ in ink) > left + cell / 2  # the right half of the cell
    assert max(y for _, y in ink) < piece.y + cell / 2  # the upper half


def test_a_taiwan_font_keeps_its_commas_centred(qtbot):
    layouter = VerticalLayouter(QFont("Noto Serif CJK TC"), 40, 170)
    assert layouter._has_vertical_forms(layouter.font_for(block_style(BlockKind.PARAGRAPH)), "，")


def test_bold_text_in_a_column_is_drawn_bold(make_window, qtbot, write):
    window = make_window(str(write("粗.md", "天地玄黃**天地玄黃**宇宙洪荒。\n")))
    window.actions_.vertical.trigger()
    view = window.view
    block = next(i for i in range(view.block_count()) if "宇宙" in view.block_text(i))

    def ink(char: int) -> int:
        image = view.viewport().grab(view.char_rect(block, char).toRect()).toImage()
        return sum(
            1
            for x in range(image.width())
            for y in range(image.height())
            if image.pixelColor(x, y).lightness() < 128
        )

    for plain in range(4):  # the same character, plain then bold
        assert ink(plain + 4) > 1.15 * ink(plain)


def test_a_dash_the_font_does_not_turn_is_turned_down_the_column(qtbot):
    from PySide6.QtGui import QColor, QImage, QPainter

    layouter = VerticalLayouter(QFont("Noto Serif CJK TC"), 40, 170)
    text = "資產——數字"
    laid = layouter.lay_out(Block(BlockKind.PARAGRAPH, text, 1, 1), text, 600, THEMES["light"])
    image = QImage(100, 600, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    layouter.paint(painter, laid, 100, 0, THEMES["light"])
    painter.end()
    dash = next(p for p in laid.columns[0].pieces if text[p.start] == "—")
    ink = [
        (x, y)
        for x in range(100)
        for y in range(int(dash.y), int(dash.y + dash.length))
        if image.pixelColor(x, y).lightness() < 128
    ]
    width = max(x for x, _ in ink) - min(x for x, _ in ink)
    height = max(y for _, y in ink) - min(y for _, y in ink)
    assert height > 3 * width  # a vertical stroke, not a horizontal one


def test_the_page_counter_can_stand_aside_after_every_block_it_lays_out(qtbot):
    from reader.ui.view.vertical import VerticalPages, count_pages

    layouter = VerticalLayouter(QFont("Noto Serif CJK TC"), 20, 170)
    texts = CLASSIC.strip("\n").split("\n\n")
    blocks = [Block(BlockKind.PARAGRAPH, text, n, n) for n, text in enumerate(texts)]
    pauses = []
    pages = VerticalPages(
        layouter, blocks, texts, THEMES["light"], 500, 400, cache=4,
        after_block=lambda: pauses.append(True),
    )  # fmt: skip
    assert count_pages(pages)
    assert len(pauses) >= len(texts)  # page turns get the interpreter between blocks


def beside_ink(runs) -> tuple[list[int], object]:
    """Dark pixels to the right of each character's cell, column 0 drawn with its right at 100."""
    from PySide6.QtGui import QColor, QImage, QPainter

    from reader.core.document import Run

    layouter = VerticalLayouter(QFont("Noto Serif CJK TC"), 40, 170)
    runs = tuple(Run(text, **style) for text, style in runs)
    text = "".join(run.text for run in runs)
    block = Block(BlockKind.PARAGRAPH, text, 1, 1, runs=runs)
    laid = layouter.lay_out(block, text, 800, THEMES["light"])
    image = QImage(120, 800, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    layouter.paint(painter, laid, 100, 0, THEMES["light"])
    painter.end()
    column = laid.columns[0]
    cells_right = 100 - (column.width - laid.cell) / 2
    counts = []
    for piece in column.pieces:
        counts.append(
            sum(
                1
                for x in range(int(cells_right) + 1, 120)
                for y in range(int(piece.y), int(piece.y + piece.length))
                if image.pixelColor(x, y).lightness() < 160
            )
        )
    return counts, laid


def test_emphasis_is_a_dot_beside_each_character_in_a_column(qtbot):
    counts, _ = beside_ink([("天地", {}), ("玄黃，宇宙", {"italic": True}), ("洪荒", {})])
    assert counts[0] == counts[1] == 0 and counts[-1] == counts[-2] == 0  # plain: nothing beside
    assert all(counts[n] > 0 for n in (2, 3, 5, 6))  # 玄黃 宇宙: a dot each
    assert counts[4] == 0  # the comma carries none


def test_ruby_runs_down_the_right_of_its_base(qtbot):
    counts, _ = beside_ink(
        [
            ("天", {"ruby": "ㄊㄧㄢ"}),
            ("地", {}),
            ("玄黃", {"ruby": "xuán huáng"}),
            ("，宇宙洪荒", {}),
        ]
    )
    assert counts[0] > 0 and counts[2] > 0 and counts[3] > 0
    assert counts[5:] == [0] * len(counts[5:])  # no annotation beside 宇宙洪荒


@pytest.mark.parametrize(
    ("before", "after"), [(SIZES[0][0], SIZES[2][0]), (SIZES[2][0], SIZES[1][0])]
)
def test_reopened_in_another_window_size_the_pages_hold_the_place(
    make_window, qtbot, write, before, after
):
    path = str(write("三國.txt", CLASSIC))
    window = window_of_size(make_window, qtbot, before, path)
    window.actions_.vertical.trigger()
    qtbot.waitUntil(lambda: window.view.page_count() > 0, timeout=20_000)
    window.view.go_to_position((7, 100))
    for _ in range(2):
        qtbot.keyClick(window.view, Qt.Key.Key_PageDown)
    place = window.view.reading_position()
    window.save_position()
    window.close()
    view = window_of_size(make_window, qtbot, after, path).view
    assert view.char_rect(*place) is not None  # on the page (now cut elsewhere)
    shown = on_screen(view)
    qtbot.waitUntil(lambda: view.page_count() > 0, timeout=20_000)
    assert on_screen(view) == shown and view.char_rect(*place) is not None


def test_a_turn_that_is_never_painted_holds_the_page_counter_back_only_once(qtbot):
    from reader.ui.view.paged_view import _Pause

    pause = _Pause()
    pause.hold()  # a page turned in a hidden window: no paint will release the counter
    pause()  # the counter stands aside at most HOLD_S...
    assert pause.free.is_set()  # ...and then counts on at its own pace


def test_back_after_a_jump_returns_to_the_very_pages(make_window, qtbot, write):
    long = "　　" + "天下大勢，分久必合，合久必分。" * 120  # one paragraph over many pages
    window = make_window(str(write("長.txt", "序\n\n" + long + "\n\n跋\n")))
    window.actions_.vertical.trigger()
    view = window.view
    qtbot.waitUntil(lambda: view.page_count() > 3, timeout=20_000)
    for _ in range(2):
        qtbot.keyClick(view, Qt.Key.Key_PageDown)
    assert view.visible_blocks() == (1, 2)  # in the middle of the paragraph
    shown = on_screen(view)
    window.jump_to_block(0)
    assert on_screen(view) != shown
    window.go_back()
    assert on_screen(view) == shown


@pytest.mark.parametrize(("size", "facing"), [SIZES[0], SIZES[2]])
def test_a_page_turned_back_while_pages_are_counted_stays_when_the_count_comes(
    make_window, qtbot, write, size, facing
):
    window = window_of_size(make_window, qtbot, size, str(write("三國.txt", CLASSIC)))
    window.actions_.vertical.trigger()
    view = window.view
    qtbot.waitUntil(lambda: view.page_count() > 0, timeout=20_000)
    view.go_to_position((9, 57))
    window.zoom(+1)  # laid out again: pages counted anew around the page on screen
    view._count()  # the counter sets out now, from this page…
    view.previous_page()  # …and the reader turns back before it is done
    shown = on_screen(view)
    qtbot.waitUntil(lambda: view.page_count() > 0, timeout=20_000)
    assert on_screen(view) == shown and view.spread() == facing
    view.next_page()
    view.previous_page()
    assert on_screen(view) == shown


def test_a_place_low_in_a_paragraphs_last_line_is_kept_as_the_next_paragraph(make_window):
    """Scrolled past the middle of a paragraph's last line, the reader reads the next one:
    a restart or a vertical round trip must not go back to the paragraph's first line."""
    window = make_window()  # the bundled article
    view = window.view
    block = next(i for i in range(8, view.block_count()) if len(view.block_text(i)) > 80)
    laid = view._laid(block)
    last = laid.layout.lineAt(laid.layout.lineCount() - 1)
    offset = round(laid.content_top + laid.text_top + last.y() + last.height() * 0.9)
    view.scroll_to_block(block, offset)
    assert view.reading_position() == (block + 1, 0)

    window.actions_.vertical.trigger()
    window.actions_.vertical.trigger()
    assert view.top_block() == block + 1
