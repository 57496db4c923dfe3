"""Reflow of hard-wrapped plain text: detection per document and the joining rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.corpus import hard_wrap, novel
from reader.core import BlockKind, open_document
from reader.core.reflow import display_width, reflow

CORPUS = Path(__file__).parent / "corpus" / "reflow"

#: Two wrapped lines of 38 CJK characters (76 columns) and the line ending each paragraph.
FULL_A = "話說天下大勢分久必合合久必分周末七國分爭並入於秦及秦滅之後楚漢分爭又並入於漢"
FULL_B = "漢朝自高祖斬白蛇而起義一統天下後來光武中興傳至獻帝遂分爲三國推其致亂之由殆始"
END = "於桓靈二帝。"


def paragraphs(doc):
    return [b.text for b in doc.blocks if b.kind is BlockKind.PARAGRAPH]


def test_lines_are_measured_in_display_columns():
    assert reflow(f"{FULL_A}\n{FULL_B}\n{END}\n\n" * 3).measure == "columns"
    assert display_width("abc") == 3
    assert display_width("天下，") == 6
    assert display_width("“通靈”abc") == 11
    assert display_width(FULL_A) == 76


def test_hard_wrapped_novel_becomes_one_paragraph_per_blank_line_block(write):
    text = novel(6000, seed=7)
    source = [line.strip() for line in text.split("\n")]
    expected = [line for line in source[1:] if line and not line.startswith("第")]

    doc = open_document(write("wrapped.txt", hard_wrap(text)))

    assert doc.reflowed
    assert paragraphs(doc) == expected
    assert [b.text for b in doc.blocks if b.kind is BlockKind.HEADING] == [
        line for line in source if line.startswith("第")
    ]


def test_reflowed_paragraphs_keep_the_source_line_numbers(write):
    text = f"標題\n\n{FULL_A}\n{FULL_B}\n{END}\n\n{FULL_A}\n{END}\n\n{FULL_A}\n{FULL_B}\n{END}\n"

    doc = open_document(write("wrapped.txt", text))

    spans = [(b.line, b.end_line) for b in doc.blocks if b.kind is BlockKind.PARAGRAPH]
    assert spans == [(3, 5), (7, 8), (10, 12)]
    assert doc.text == text


def test_novel_without_wrapping_is_untouched(write):
    text = novel(60_000, seed=3)
    spaced = text.replace("\n", "\n\n")

    assert reflow(text).text is text
    assert reflow(spaced).text is spaced
    doc = open_document(write("novel.txt", text))
    assert not doc.reflowed
    assert len(paragraphs(doc)) == sum(1 for line in text.split("\n") if line.startswith("\u3000"))


def test_indented_paragraphs_without_blank_lines_are_reflowed(write):
    text = novel(6000, seed=11)
    expected = [line.strip() for line in text.split("\n") if line.startswith("\u3000")]

    doc = open_document(write("indented.txt", hard_wrap(text, blank_lines=False)))

    assert doc.reflowed
    assert paragraphs(doc) == expected


def test_reflow_can_be_turned_off(write):
    path = write("wrapped.txt", "標題\n\n" + f"{FULL_A}\n{FULL_B}\n{END}\n\n" * 3)

    assert not open_document(path, reflow=False).reflowed
    assert len(paragraphs(open_document(path, reflow=False))) == 9
    assert len(paragraphs(open_document(path))) == 3


def test_markdown_is_never_reflowed(write):
    doc = open_document(write("notes.md", f"{FULL_A}\n{FULL_B}\n{END}\n\n" * 3))

    assert not doc.reflowed


def test_chapter_lines_are_never_joined():
    text = f"{FULL_A}\n{FULL_B}\n第二章 歸來\n{FULL_A}\n{FULL_B}\n{END}\n\n" * 3

    lines = reflow(text).text.split("\n")

    assert lines[:3] == [FULL_A + FULL_B, "第二章 歸來", FULL_A + FULL_B + END]


def test_list_items_are_never_joined():
    items = [f"• {FULL_A[:36]}", f"• {FULL_B[:36]}", f"1. {FULL_A[:36]}", f"2. {FULL_B[:36]}"]
    text = f"{FULL_A}\n{FULL_B}\n" + "\n".join(items) + f"\n\n{FULL_A}\n{END}\n\n" * 3

    lines = reflow(text).text.split("\n")

    assert lines[:5] == [FULL_A + FULL_B, *items]


def test_latin_words_get_one_space():
    english = (  # wrapped at 76 columns, as the Chinese below
        "The reader joins the lines of old files that were broken at a fixed width by",
        "a tool, putting back exactly one space between two words and none inside a",
        "word split after its hyphen, which is what happens to a long word like well-",
        "known, or inside numbers such as 2008 and 1999.",
    )
    text = "\n".join(english) + "\n\n" + f"{FULL_A}\n{FULL_B}\n{END}\n\n" * 4

    first = reflow(text).text.split("\n")[0]

    assert first == (
        "The reader joins the lines of old files that were broken at a fixed width by a tool,"
        " putting back exactly one space between two words and none inside a word split after"
        " its hyphen, which is what happens to a long word like well-known, or inside numbers"
        " such as 2008 and 1999."
    )


def test_cjk_lines_are_joined_without_space_and_split_numbers_stay_whole():
    text = f"{FULL_A[:-1]}20\n08年{FULL_B[2:]}\n{END}\n\n" + f"{FULL_A}\n{FULL_B}\n{END}\n\n" * 4

    first = reflow(text).text.split("\n")[0]

    assert first == f"{FULL_A[:-1]}2008年{FULL_B[2:]}{END}"


def test_a_sentence_ending_short_of_the_width_ends_its_paragraph():
    short = FULL_A[:36] + "。"  # 74 columns: full enough, but weak evidence of a wrap
    text = f"{FULL_A}\n{FULL_B}\n{short}\n{FULL_A}\n{END}\n" * 4

    lines = reflow(text).text.split("\n")

    assert lines[:2] == [FULL_A + FULL_B + short, FULL_A + END]


def test_each_run_is_joined_at_its_own_width():
    narrow_a, narrow_b = FULL_A[:30], FULL_B[:30]  # a second piece wrapped at 60 columns
    text = f"{FULL_A}\n{FULL_B}\n{END}\n\n" * 3 + f"{narrow_a}\n{narrow_b}\n{END}\n\n" * 3

    lines = [line for line in reflow(text).text.split("\n") if line]

    assert lines == [FULL_A + FULL_B + END] * 3 + [narrow_a + narrow_b + END] * 3


def test_wrapped_list_items_join_their_hanging_lines_only():
    item = f"- {FULL_A[:37]}"  # 76 columns, continued under the text after the dash
    items = f"{item}\n  {FULL_B[:20]}。\n{item}\n  {END}"
    text = f"{FULL_B}\n{items}\n\n" + f"{FULL_A}\n{FULL_B}\n{END}\n\n" * 3

    lines = reflow(text).text.split("\n")

    assert lines[:3] == [FULL_B, f"{item}{FULL_B[:20]}。", f"{item}{END}"]


def test_an_indented_line_starts_a_paragraph_after_a_full_line():
    first = f"　　{FULL_A[:36]}"
    text = f"{first}\n{FULL_B}\n{FULL_A}\n{first}\n{FULL_B}\n{END}\n" * 2

    lines = reflow(text).text.split("\n")

    assert lines[:2] == [first + FULL_B + FULL_A, first + FULL_B + END]


def test_rules_are_never_joined():
    rule = "－" * 38
    text = f"{FULL_A}\n{rule}\n{FULL_B}\n{END}\n\n" + f"{FULL_A}\n{FULL_B}\n{END}\n\n" * 3

    assert reflow(text).text.split("\n")[:3] == [FULL_A, rule, FULL_B + END]


def test_table_rows_are_never_joined():
    rows = [f"{FULL_A[:16]}　　　　{FULL_B[:18]}"] * 3  # 76 columns of lined-up cells
    text = "\n".join(rows) + "\n\n" + f"{FULL_A}\n{FULL_B}\n{END}\n\n" * 3

    assert reflow(text).text.split("\n")[:3] == rows


def test_tables_are_no_evidence_of_wrapping():
    table = "\n".join([f"{FULL_A[:12]}　　　　{FULL_B[:14]}"] * 4)  # 60 columns
    text = f"{table}\n\n" * 3 + f"{FULL_A[:29]}\n{END}\n"  # the last line of 58 columns

    assert not reflow(text).applied


def test_a_line_moved_down_whole_leaves_the_line_before_it_short():
    url = "https://www.example.org/zhreader/a-long-address.html"
    text = f"{FULL_B}\n{FULL_A[:30]}請讀\n{url}{END}\n\n" + f"{FULL_A}\n{FULL_B}\n{END}\n\n" * 3

    assert reflow(text).text.split("\n")[0] == f"{FULL_B}{FULL_A[:30]}請讀{url}{END}"


def test_a_short_line_ends_its_paragraph():
    text = f"{FULL_A}\n{FULL_B}\n短句沒有句號\n{FULL_A}\n{END}\n" * 4

    lines = reflow(text).text.split("\n")

    assert lines[:2] == [f"{FULL_A}{FULL_B}短句沒有句號", f"{FULL_A}{END}"]


def test_a_note_starts_a_paragraph_but_a_note_reference_continues_one():
    text = (
        f"{FULL_A}\n〔３〕，{FULL_B[:35]}\n〔４〕　{END}\n\n" + f"{FULL_A}\n{FULL_B}\n{END}\n\n" * 3
    )

    lines = reflow(text).text.split("\n")

    assert lines[:2] == [f"{FULL_A}〔３〕，{FULL_B[:35]}", f"〔４〕　{END}"]


def test_a_zero_written_as_a_circle_is_no_bullet():
    text = f"{FULL_A[:-4]}一九二\n○年{FULL_B[2:]}\n{END}\n\n" + f"{FULL_A}\n{FULL_B}\n{END}\n\n" * 3

    assert reflow(text).text.split("\n")[0] == f"{FULL_A[:-4]}一九二○年{FULL_B[2:]}{END}"


def test_text_laid_out_by_characters_is_reflowed_by_characters():
    # A printed page laid out again: 26 characters a line, its commas turned half-width.
    def line(commas: int) -> str:
        return FULL_A[:10] + "," * commas + FULL_A[10 : 26 - commas]

    paragraph = [line(0), line(4), line(8), line(6), END]
    text = "\n\n".join(["\n".join(paragraph)] * 3)

    reflowed = reflow(text)

    assert (reflowed.measure, reflowed.width) == ("characters", 26)
    assert reflowed.text.split("\n\n") == ["".join(paragraph)] * 3


def test_short_lines_are_never_joined():
    poem = ["床前明月光", "疑是地上霜", "舉頭望明月", "低頭思故鄉"]
    text = "\n".join(poem) + "\n\n" + f"{FULL_A}\n{FULL_B}\n{END}\n\n" * 4

    assert reflow(text).text.split("\n")[:4] == poem


def test_lines_of_one_width_that_end_with_punctuation_are_not_wrapping():
    verse = "，".join(["白日依山盡黃河入海流欲窮千里目"] * 2) + "。"  # 62 columns
    text = "\n".join([verse] * 12)

    assert not reflow(text).applied


def test_lines_wider_than_the_common_width_mean_the_text_is_not_wrapped():
    long_line = FULL_A * 3 + END
    text = (f"{FULL_A}\n{FULL_B}\n{END}\n" + f"{long_line}\n" * 2) * 4

    assert not reflow(text).applied


def corpus_files(prefix: str) -> list[Path]:
    return sorted(CORPUS.glob(f"{prefix}-*.txt"))


@pytest.mark.parametrize("path", corpus_files("wrapped"), ids=lambda p: p.stem)
def test_real_hard_wrapped_files_are_reflowed(path):
    doc = open_document(path)

    assert doc.reflowed
    lines = doc.text.count("\n") + 1
    assert len(doc.blocks) < lines / 2


@pytest.mark.parametrize("path", corpus_files("unwrapped"), ids=lambda p: p.stem)
def test_real_unwrapped_files_are_untouched(path):
    text = path.read_bytes().decode("utf-8")

    assert reflow(text).text is text
    assert not open_document(path).reflowed


def test_the_real_corpus_has_five_files_of_each_kind():
    assert len(corpus_files("wrapped")) >= 5
    assert len(corpus_files("unwrapped")) >= 5
