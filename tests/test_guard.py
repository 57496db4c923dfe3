"""ZhReader's guard against OpenCC's phrase matches across word boundaries: the error list."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.convert import convert
from reader.core.guard import Guard, Piece, default_guard, parse_entries
from reader.core.search import fold

ERRORS = Path(__file__).parent / "data" / "opencc_errors.tsv"
#: Listed errors the guard leaves, and why.
LEFT = {"抓斗": "a pin 抓斗 → 抓斗 would turn 抓斗争 into 抓斗爭"}


def error_list() -> list[tuple[str, str, str, str, str]]:
    rows = []
    for line in ERRORS.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            source, config, opencc, right, provenance = line.split("\t")
            rows.append((source, config, opencc, right, provenance))
    return rows


def test_the_error_list_is_large_enough_and_names_where_each_case_comes_from():
    rows = error_list()
    assert len(rows) >= 60
    assert all(provenance for *_, provenance in rows)


@pytest.mark.parametrize(("source", "config", "opencc", "right", "provenance"), error_list())
def test_opencc_makes_the_listed_error_and_the_guard_fixes_it(
    source, config, opencc, right, provenance
):
    assert convert(source, (config,), guarded=False) == opencc
    if source in LEFT:
        assert convert(source, (config,)) == opencc
    else:
        assert convert(source, (config,)) == right


def test_the_guard_fixes_at_least_85_percent_of_the_list():
    rows = error_list()
    fixed = sum(convert(source, (config,)) == right for source, config, _, right, _ in rows)
    assert fixed / len(rows) >= 0.85


@pytest.mark.parametrize("entry", default_guard().entries, ids=lambda e: e.context)
def test_every_guard_entry_fixes_a_listed_case(entry):
    folded = fold(entry.context)
    assert any(folded in fold(source) for source, *_ in error_list())


@pytest.mark.parametrize(
    ("text", "config", "expected"),
    [
        ("坐的士回家", "s2twp", "坐計程車回家"),
        ("内存不足", "s2twp", "記憶體不足"),
        ("头发很长", "s2t", "頭髮很長"),
        ("重装系统", "s2twp", "重灌系統"),
        ("了如指掌", "s2t", "瞭如指掌"),
        ("丑陋", "s2t", "醜陋"),
        ("干部", "s2t", "幹部"),
        ("我们又干又累", "s2t", "我們又幹又累"),
        ("抓斗争", "s2t", "抓鬥爭"),
        ("甩干净", "s2t", "甩乾淨"),
    ],
)
def test_the_words_opencc_gets_right_stay_right(text, config, expected):
    assert convert(text, (config,)) == expected == convert(text, (config,), guarded=False)


def test_the_guard_also_protects_traditional_text_in_later_steps():
    # mainland Traditional → Taiwan with phrases: Taiwan's table would read 內存 as memory
    assert convert("區域內存在的都市", ("t2std", "tw-phrases", "t2tw")) == "區域內存在的都市"
    assert convert("區域內存在的都市", ("t2std", "tw-phrases", "t2tw"), guarded=False) == (
        "區域記憶體在的都市"
    )


def test_pins_become_the_targets_variants():
    assert convert("子丑寅卯", ("s2hk",)) == "子丑寅卯"
    assert convert("泪始干", ("s2tw",)) == "淚始乾"


def test_a_table_cuts_at_its_marks_and_pins_whole_contexts():
    guard = Guard(parse_entries(["的|士兵\t\tx", "子丑\t子丑\ty"]))
    assert guard.pieces("美國的士兵", pins=False) == [Piece("美國的"), Piece("士兵")]
    assert guard.pieces("子丑年", pins=True) == [Piece("子丑", "子丑"), Piece("年")]
    assert guard.pieces("子丑年", pins=False) == [Piece("子丑年")]
    with pytest.raises(ValueError, match="same length"):
        parse_entries(["子丑\t子"])
