"""Vertical setting rules (no Qt): cell placement, 縱中橫, sideways runs, kinsoku."""

from __future__ import annotations

from reader.core.vertical import (
    NO_COLUMN_END,
    NO_COLUMN_START,
    Placement,
    UnitKind,
    break_columns,
    placement,
    to_vertical_forms,
    units,
)


def _columns(text: str, capacity: float, indent: float = 0.0) -> list[str]:
    pieces = units(text)
    lengths = [1.0] * len(pieces)
    spans = break_columns(text, pieces, lengths, capacity, indent)
    return [text[pieces[a].start : pieces[b - 1].end] if b > a else "" for a, b in spans]


def test_commas_and_full_stops_sit_in_the_corner_colons_centred_brackets_turned():
    assert {placement(c) for c in "，。、"} == {Placement.CORNER}
    assert {placement(c) for c in "：；！？"} == {Placement.CENTRED}
    assert {placement(c) for c in "「」『』（）《》〈〉【】…—"} == {Placement.TURNED}
    assert placement("永") is Placement.UPRIGHT


def test_unicode_vertical_forms_replace_punctuation():
    assert to_vertical_forms("「好，」") == "﹁好︐﹂"


def test_one_or_two_digits_are_one_upright_cell():
    text = "第12回和第3回"
    kinds = [(text[u.start : u.end], u.kind) for u in units(text)]
    assert ("12", UnitKind.TATE_CHU_YOKO) in kinds
    assert ("3", UnitKind.TATE_CHU_YOKO) in kinds
    assert len(units(text)) == 7  # 第 12 回 和 第 3 回


def test_latin_words_and_long_numbers_lie_sideways():
    text = "用Python寫於2008年"
    kinds = [(text[u.start : u.end], u.kind) for u in units(text)]
    assert ("Python", UnitKind.SIDEWAYS) in kinds
    assert ("2008", UnitKind.SIDEWAYS) in kinds
    assert [(u.start, u.end, u.kind) for u in units("約3.14倍")][1] == (1, 5, UnitKind.SIDEWAYS)


def test_no_column_starts_with_closing_punctuation():
    text = "天下大勢，分久必合。合久必分。」周末七國紛爭，并入於秦。"
    for capacity in range(3, 12):
        columns = _columns(text, capacity)
        assert "".join(columns) == text
        assert all(c[0] not in NO_COLUMN_START for c in columns[1:]), (capacity, columns)
        assert all(len(c) <= capacity for c in columns)


def test_no_column_ends_with_an_opening_bracket():
    text = "他說「好的」然後《三國演義》說完了"
    for capacity in range(3, 10):
        columns = _columns(text, capacity)
        assert "".join(columns) == text
        assert all(c[-1] not in NO_COLUMN_END for c in columns[:-1]), (capacity, columns)


def test_first_column_leaves_room_for_the_indent_and_a_line_break_starts_a_column():
    assert _columns("一二三四五六七", 4, indent=2) == ["一二", "三四五六", "七"]
    assert _columns("一二\u2028三四", 10) == ["一二\u2028", "三四"]


def test_a_piece_longer_than_a_column_gets_a_column_alone():
    text = "甲Internationalization乙"
    pieces = units(text)
    lengths = [1.0, 9.0, 1.0]
    spans = break_columns(text, pieces, lengths, 5)
    assert spans == [(0, 1), (1, 2), (2, 3)]


def test_half_width_punctuation_and_curved_quotes_show_as_full_width_cells():
    from reader.core.vertical import cell_text

    assert [cell_text(c) for c in ",!“”"] == ["，", "！", "「", "」"]
    assert placement(",") is Placement.CORNER
    text = "他說,“好”"
    assert [u.kind for u in units(text)] == [UnitKind.CELL] * 6


def test_plain_text_columns_by_arithmetic_match_the_general_rule():
    from reader.core.vertical import break_cell_columns, plain_cells

    text = "天下大勢，分久必合，合久必分。」周末七國紛爭「并入於秦」。及秦滅之後，楚、漢分爭。" * 3
    assert plain_cells(text) and not plain_cells("用Python寫") and not plain_cells("甲,乙")
    pieces = units(text)
    for capacity in (2.0, 3.5, 7.0, 11.9, 40.0):
        for indent in (0.0, 2.0):
            general = break_columns(text, pieces, [1.0] * len(pieces), capacity, indent)
            fast = break_cell_columns(text, capacity, indent)
            assert fast == [(pieces[a].start, pieces[b - 1].end) for a, b in general]


def test_a_variation_selector_shares_the_cell_of_its_character():
    text = "注意⚠️小心"
    assert [text[u.start : u.end] for u in units(text)] == ["注", "意", "⚠️", "小", "心"]
