"""The outline: a tree of headings for navigation."""

from __future__ import annotations

from reader.core import build_outline, open_document, recognize


def test_article_outline_is_its_four_headings_under_the_title(article_path):
    outline = build_outline(open_document(article_path))
    assert outline.title == "重慶永川:加快建設西部數字産業基地"
    assert [(e.title, e.level, e.line) for e in outline.entries] == [
        ("開局 數字産業向陽而生", 1, 36),
        ("變局 重慶雲谷蓬勃而出", 1, 60),
        ("新局 數字文創勢頭強勁", 1, 80),
        ("國際在線版權與信息産品內容銷售的聲明", 1, 102),
    ]
    assert all(e.children == () for e in outline.entries)


def test_chapters_nest_under_volumes():
    doc = recognize("書\n\n第一卷 起\n第一章 甲\n文。\n第二章 乙\n文。\n第二卷 承\n第三章 丙\n文。")
    outline = build_outline(doc)
    assert [(e.title, [c.title for c in e.children]) for e in outline.entries] == [
        ("第一卷 起", ["第一章 甲", "第二章 乙"]),
        ("第二卷 承", ["第三章 丙"]),
    ]
    assert [e.level for e in outline.walk()] == [1, 2, 2, 1, 2]


def test_figures_are_not_sections(article_path):
    outline = build_outline(open_document(article_path))
    assert not any("【轉載】" in e.title for e in outline.walk())


def test_section_at_finds_the_heading_above_a_block(article_path):
    doc = open_document(article_path)
    outline = build_outline(doc)
    assert outline.section_at(5) is None
    assert outline.section_at(13).title == "開局 數字産業向陽而生"
    assert outline.section_at(30).title == "變局 重慶雲谷蓬勃而出"
    assert outline.section_at(len(doc.blocks) - 1).title.endswith("的聲明")


def test_map_titles_converts_every_title():
    outline = build_outline(recognize("書\n\n第一卷 起\n第一章 甲\n文。"))
    upper = outline.map_titles(lambda s: s + "!")
    assert [e.title for e in upper.walk()] == ["第一卷 起!", "第一章 甲!"]
    assert upper.title == "書!"
