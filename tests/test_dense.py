"""Dense documents (hundreds of thousands of short lines): bounded blocks, nothing lost."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core import BlockKind, build_outline, recognize, structure
from reader.core.document import LINE_BREAK
from reader.core.opening import document_from_bytes, open_document
from reader.core.structure import DENSE_MIN_LINES, body_lines, is_dense

#: One-character lines that are dense: more than 200 MB of line-by-line cost.
LINES = 520_000


def shown_characters(doc) -> str:
    return "".join(b.text for b in doc.blocks).replace(LINE_BREAK, "")


def test_a_file_of_one_character_lines_is_shown_whole_in_few_blocks():
    doc = document_from_bytes(("字\n" * LINES).encode(), name="lines")

    assert shown_characters(doc) == "字" * LINES
    assert len(doc.blocks) <= LINES // 500
    assert doc.blocks[0].line == 1
    assert doc.blocks[-1].end_line == LINES
    # The lines stay lines inside a block.
    assert doc.blocks[0].text.startswith("字" + LINE_BREAK + "字")


def test_a_dense_document_keeps_its_chapter_outline_at_the_right_lines():
    lines = []
    for chapter in range(1, 6):
        lines.append(f"第{chapter}章 回家")
        lines.extend(["嗯"] * (LINES // 5))
    doc = recognize("\n".join(lines))

    assert is_dense(doc.text)
    outline = build_outline(doc)
    assert [e.title for e in outline.entries] == [f"第{n}章 回家" for n in range(1, 6)]
    headings = [b for b in doc.blocks if b.kind is BlockKind.HEADING]
    assert [h.line for h in headings] == [1 + n * (LINES // 5 + 1) for n in range(5)]
    assert shown_characters(doc).count("嗯") == 5 * (LINES // 5)


def test_a_million_empty_lines_cost_no_blocks():
    doc = recognize("\n" * 1_000_000 + "  正文在這裡。\r\n" + "\n" * 10)

    assert [(b.kind, b.text, b.line, b.end_line) for b in doc.blocks] == [
        (BlockKind.PARAGRAPH, "正文在這裡。", 1_000_001, 1_000_001)
    ]


def test_blank_lines_and_indents_inside_a_dense_block_are_dropped():
    text = ("　甲 \r\n\n\t乙\n" * (LINES // 2)).rstrip()
    doc = recognize(text)

    assert is_dense(text)
    assert doc.blocks[0].text.startswith(f"甲{LINE_BREAK}乙{LINE_BREAK}甲")
    assert shown_characters(doc) == "甲乙" * (LINES // 2)


def test_a_novel_of_ordinary_paragraphs_is_not_dense():
    paragraph = "他走進屋裡，看見桌上放著一封信，信封上寫著他的名字，字跡很熟悉，像是多年不見的老朋友寫來的。"
    text = "\n\n".join([paragraph] * (DENSE_MIN_LINES + 10))

    assert not is_dense(text)


def test_short_lines_are_dense_only_when_their_cost_outgrows_the_file():
    line = "他走進屋裡，看見桌上放著一封信。"  # 48 bytes of UTF-8
    assert not is_dense("\n".join([line] * 450_000))  # 22 MB: 180 MB line by line
    assert is_dense("\n".join([line] * 1_200_000))  # 59 MB: 480 MB line by line


def test_a_text_of_nothing_but_chapter_lines_has_no_outline():
    doc = recognize("\n".join(f"第{n}章" for n in range(1, 700_001)))

    assert is_dense(doc.text)
    assert build_outline(doc).entries == ()
    assert "第1章" in doc.blocks[0].text and "第700000章" in doc.blocks[-1].text


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("字 \t\u3000\r\n\x0b\x1c\u2028a")), max_size=60))
def test_body_lines_are_the_stripped_non_blank_lines_with_their_numbers(text):
    expected = [(i + 1, raw.strip()) for i, raw in enumerate(text.split("\n")) if raw.strip()]

    assert [(ln.number, ln.text) for ln in body_lines(text)] == expected


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(
                ["", " ", "\u3000", "第1章 回家", "第二章", "卷三", "《書》目錄 第3章 走", "嗯"]
            ),
            st.text(alphabet=st.sampled_from(list("字第章卷 \t\r\u3000a1")), max_size=8),
        ),
        max_size=40,
    )
)
def test_a_dense_document_shows_every_character_in_order(lines):
    text = "\n".join(lines)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(structure, "DENSE_MIN_LINES", 1)
        patch.setattr(structure, "_DENSE_BLOCK", 16)
        doc = recognize(text)
        dense = is_dense(text)
    shown = "".join(b.text for b in doc.blocks).replace(LINE_BREAK, "")
    if dense:
        assert "".join(shown.split()) == "".join(text.split())
    starts = [b.line for b in doc.blocks]
    assert starts == sorted(starts)
    assert all(1 <= b.line <= b.end_line <= text.count("\n") + 1 for b in doc.blocks)


def test_a_markdown_file_of_short_lines_opens_as_dense_plain_text(write):
    path = write("lines.md", "# 標題\n" + "字\n" * 450_000)

    doc = open_document(path)

    assert doc.format != "markdown"  # read as plain text: each line stays a line
    assert shown_characters(doc).count("字") == 450_000


def test_an_ordinary_markdown_file_is_read_as_markdown(write):
    path = write("notes.md", "# 標題\n\n正文一段。\n\n- 一\n- 二\n")

    doc = open_document(path)

    assert doc.format == "markdown"
    assert [b.kind for b in doc.blocks][-2:] == [BlockKind.LIST_ITEM, BlockKind.LIST_ITEM]
