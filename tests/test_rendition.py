"""What a document shows in one script: display texts, code left as written, plain export."""

from __future__ import annotations

from dataclasses import replace

from reader.core.convert import Script, ScriptMode, convert_chunk, convert_keeping
from reader.core.document import Block, BlockKind, Document, Run
from reader.core.opening import document_from_bytes, open_document
from reader.core.rendition import Rendition, content_identity, prepare
from reader.core.script import Region


def rich_document() -> Document:
    code = "头发 = load()  # 头发"
    blocks = (
        Block(BlockKind.TITLE, "头发的故事", 1, 1),
        Block(
            BlockKind.PARAGRAPH,
            "用头发函数处理头发",
            3,
            3,
            runs=(Run("用"), Run("头发", code=True), Run("函数处理"), Run("头发", bold=True)),
        ),
        Block(BlockKind.CODE, code, 5, 7, runs=(Run(code, code=True),), info="python"),
    )
    return Document("头发的故事", blocks, text="头发的故事\n\n用`头发`函数处理**头发**\n")


def test_code_is_never_converted_but_the_prose_around_it_is():
    prepared = prepare(rich_document())
    assert prepared.kept == {1: ((1, 3),), 2: ((0, 17),)}
    chunk = convert_chunk(prepared.texts, [0, 1, 2], ("s2t",), prepared.kept)
    assert chunk.texts == ("頭髮的故事", "用头发函數處理頭髮", "头发 = load()  # 头发")


def test_converting_around_kept_spans_is_converting_the_pieces():
    assert convert_keeping("头发头发头发", ("s2t",), ((2, 4),)) == "頭髮头发頭髮"
    assert convert_keeping("头发", ("s2t",), ()) == "頭髮"
    assert convert_keeping("头发", (), ((0, 2),)) == "头发"


def test_a_rendition_applies_chunks_and_tells_which_blocks_changed():
    prepared = prepare(rich_document())
    rendition = Rendition(prepared, ScriptMode.TRADITIONAL, ("s2t",))
    assert not rendition.complete and rendition.title() == "头发的故事"
    chunk = convert_chunk(prepared.texts, [0, 1, 2], ("s2t",), prepared.kept)
    assert rendition.apply(chunk) == [0, 1]  # the code block did not change
    assert rendition.title() == "頭髮的故事"
    assert rendition.apply(chunk) == []


def test_the_original_script_is_complete_at_once_and_shows_the_document_itself():
    prepared = prepare(rich_document())
    rendition = Rendition(prepared, ScriptMode.ORIGINAL, (), initial=["x"] * 3)
    assert rendition.complete and rendition.texts == list(prepared.texts)


def test_export_writes_figures_as_their_captions(article_path):
    prepared = prepare(open_document(article_path))
    text = Rendition(prepared, ScriptMode.ORIGINAL, ()).export_plain()
    assert "圖片未收錄" not in text
    assert "\n\n重慶雲谷·永川大數據産業園 攝/陳科儒\n\n" in text
    assert "圖 1 " not in text


def test_a_document_keeps_its_identity_when_chapters_are_added_at_the_end():
    start = "連載\n\n" + "第一章 開始\n\n" + "他走了很遠的路。" * 800
    one = document_from_bytes(start.encode(), "serial.txt")
    grown = document_from_bytes((start + "\n\n第二章 後來\n\n又走了。").encode(), "serial.txt")
    other = document_from_bytes(start.replace("連載", "另一本").encode(), "serial.txt")
    assert content_identity(one) == content_identity(grown)
    assert content_identity(one) != content_identity(other)
    assert content_identity(one) != content_identity(replace(one, source="elsewhere.txt"))


def test_a_traditional_document_knows_its_region(article_path):
    prepared = prepare(open_document(article_path))
    assert prepared.region is not None and prepared.region.region is Region.MAINLAND
    assert prepared.source_script is Script.MAINLAND_TRADITIONAL
    simplified = prepare(rich_document())
    assert simplified.region is None and simplified.source_script is simplified.script
