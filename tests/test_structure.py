"""Structure recognition: the bundled article exactly, and each general rule on small documents."""

from __future__ import annotations

import re

import pytest

from reader.core import BlockKind, build_outline, open_document, recognize
from reader.core.structure import chapter_rank, numbered_rank


def kinds(doc, kind):
    return [b for b in doc.blocks if b.kind is kind]


def test_bundled_article_is_recognised_exactly(article_path):
    doc = open_document(article_path)

    assert doc.title == "重慶永川:加快建設西部數字産業基地"
    assert doc.blocks[0].kind is BlockKind.TITLE
    assert doc.metadata.published == "2022-10-17 11:33:18"
    assert doc.metadata.source == "重慶日報"
    assert doc.metadata.editor == "付意菲"
    assert doc.metadata.responsible_editor == "馮薇薇"
    assert doc.blocks[1].kind is BlockKind.METADATA and doc.blocks[1].line == 2

    (subtitle,) = kinds(doc, BlockKind.SUBTITLE)
    assert subtitle.text.startswith("原標題:加“數”前行 扶“雲”直上")

    figures = kinds(doc, BlockKind.FIGURE)
    assert [f.caption for f in figures] == [
        "重慶雲谷·永川大數據産業園 攝/陳科儒",
        "永川“元宇宙”亮相2022智博會",
        "阿裡巴巴(重慶永川)客戶體驗中心",
        "中國人民大學文化科技園西部分園項目落地永川",
        "達瓦數字人",
    ]
    assert all(f.text.startswith("【轉載】") for f in figures)
    assert not any(
        b.text.startswith("【轉載】") for b in doc.blocks if b.kind is not BlockKind.FIGURE
    )

    headings = kinds(doc, BlockKind.HEADING)
    assert [h.text for h in headings] == [
        "開局 數字産業向陽而生",
        "變局 重慶雲谷蓬勃而出",
        "新局 數字文創勢頭強勁",
        "國際在線版權與信息産品內容銷售的聲明",
    ]
    assert {h.level for h in headings} == {1}

    items = kinds(doc, BlockKind.LIST_ITEM)
    assert len(items) == 3 and all(i.text.startswith("——") for i in items)
    (byline,) = kinds(doc, BlockKind.BYLINE)
    assert byline.text.startswith("賀娜 姚蘭")

    statement = doc.blocks.index(headings[-1])
    after = doc.blocks[statement + 1 :]
    assert [b.kind for b in after] == [BlockKind.NOTICE] * 8
    assert [b.text[:2] for b in after[:3]] == ["1、", "2、", "3、"]
    assert after[-1].text.startswith("國際在線重慶頻道聯繫方式")

    paragraphs = kinds(doc, BlockKind.PARAGRAPH)
    assert paragraphs[0].text == "察勢者智,馭勢者贏。"
    assert len(paragraphs) == 31

    # No text lost, none repeated: every non-space character, in order.
    source = re.sub(r"\s", "", article_path.read_text(encoding="utf-8"))
    shown = re.sub(r"\s", "", "".join(b.full_text for b in doc.blocks))
    assert shown == source


def test_indentation_is_structure_not_text(article_path):
    doc = open_document(article_path)
    assert not any(b.text[:1].isspace() for b in doc.blocks)
    last = doc.blocks[-1]
    assert "\u00a0" in article_path.read_text(encoding="utf-8").splitlines()[-1]
    assert not last.text.startswith("\u00a0")


def test_blocks_know_their_source_lines(article_path):
    doc = open_document(article_path)
    lines = article_path.read_text(encoding="utf-8").split("\n")
    for block in doc.blocks:
        assert lines[block.line - 1].strip() == block.text
    figure = next(b for b in doc.blocks if b.kind is BlockKind.FIGURE)
    assert (figure.line, figure.end_line) == (6, 8)


@pytest.mark.parametrize(
    ("line", "rank"),
    [
        ("第一回 宴桃園豪傑三結義", 2),
        ("第12章 归来", 2),
        ("第一百零八章", 2),
        ("第〇章 緣起", 2),
        ("第３卷 風起", 1),
        ("第二部 長夜", 1),
        ("第三節 尾聲", 3),
        ("第四节", 3),
        ("第五話 約定", 2),
        ("第一章归来", 2),
        ("序章 雪夜", 2),
        ("楔子", 2),
    ],
)
def test_chapter_lines_are_recognised_with_their_rank(line, rank):
    assert chapter_rank(line) == rank


@pytest.mark.parametrize(
    "line",
    [
        "第六回合",
        "第一部分",
        "第一封信",
        "第二集團軍",
        "第三章裡他說了很多話,大家都記住了。",
        "第幾章",
    ],
)
def test_prose_that_starts_like_a_chapter_is_not_a_chapter(line):
    assert chapter_rank(line) == 0


def test_volumes_rank_above_chapters_and_sections_below():
    doc = recognize(
        "書名\n\n第一卷 起\n\n第一章 初\n\n第一節 甲\n\n正文。\n\n第二章 次\n\n正文。\n\n第二卷 承\n\n第三章 末\n\n正文。"
    )
    levels = [(b.text, b.level) for b in doc.blocks if b.kind is BlockKind.HEADING]
    assert levels == [
        ("第一卷 起", 1),
        ("第一章 初", 2),
        ("第一節 甲", 3),
        ("第二章 次", 2),
        ("第二卷 承", 1),
        ("第三章 末", 2),
    ]


def test_novel_chapter_lines_need_no_blank_lines():
    doc = recognize("第一章 風雪\n他走進門。\n第二章 歸來\n她笑了。", fallback_title="小說")
    assert doc.title == "小說"
    assert [b.text for b in doc.blocks if b.kind is BlockKind.HEADING] == [
        "第一章 風雪",
        "第二章 歸來",
    ]


@pytest.mark.parametrize(
    ("line", "rank"),
    [
        ("一、總體要求", 1),
        ("（一）工作目標", 2),
        ("(二)主要任務", 2),
        ("1. 加強領導", 3),
        ("2、落實責任", 3),
    ],
)
def test_numbered_headings_rank_in_order(line, rank):
    assert numbered_rank(line) == rank


@pytest.mark.parametrize(
    "line",
    [
        "1、“國際在線”由中國國際廣播電臺主辦。經中國國際廣播電臺授權,國廣國際在線網絡負責運營。",
        "一、我們必須這樣做。",
        "1.5倍",
        "2、總結:",
    ],
)
def test_long_or_sentence_like_numbered_lines_are_not_headings(line):
    assert numbered_rank(line) == 0


def test_numbered_headings_nest_in_a_document():
    doc = recognize(
        "通知\n\n一、總體要求\n\n（一）工作目標\n\n要做好工作。\n\n二、具體措施\n\n1. 加強領導\n\n全面落實。"
    )
    levels = [(b.text, b.level) for b in doc.blocks if b.kind is BlockKind.HEADING]
    assert levels == [
        ("一、總體要求", 1),
        ("（一）工作目標", 2),
        ("二、具體措施", 1),
        ("1. 加強領導", 3),
    ]


def test_markdown_headings_lists_and_images():
    text = "# 標題\n\n前言段落,\n續行。\n\n## 第一節\n\n- 甲\n- 乙\n\n![封面圖](cover.png)\n\n### 小節\n\n---\n\n> 引文。\n"
    doc = recognize(text, markdown=True)
    assert doc.title == "標題"
    got = [(b.kind, b.text, b.level) for b in doc.blocks[1:]]
    assert got == [
        (BlockKind.PARAGRAPH, "前言段落,續行。", 0),
        (BlockKind.HEADING, "第一節", 1),
        (BlockKind.LIST_ITEM, "甲", 0),
        (BlockKind.LIST_ITEM, "乙", 0),
        (BlockKind.FIGURE, "cover.png", 0),
        (BlockKind.HEADING, "小節", 2),
        (BlockKind.QUOTE, "引文。", 0),
    ]
    assert doc.blocks[5].caption == "封面圖"


def test_markdown_file_suffix_switches_markdown_on(write):
    doc = open_document(write("notes.md", "# 筆記\n\n## 一\n\n內容。\n"))
    assert [b.text for b in doc.blocks if b.kind is BlockKind.HEADING] == ["一"]
    assert doc.title == "筆記"


def test_short_standalone_line_followed_by_body_is_a_heading():
    doc = recognize("標題\n\n開頭的一段話。\n\n小標題\n\n這是正文,它比較長,而且以句號結尾。")
    assert [b.text for b in doc.blocks if b.kind is BlockKind.HEADING] == ["小標題"]


def test_a_run_of_short_lines_is_not_headings():
    doc = recognize(
        "詩集\n\n前言。\n\n床前明月光\n\n疑是地上霜\n\n舉頭望明月\n\n低頭思故鄉\n\n這首詩很有名,大家都會背。"
    )
    assert [b for b in doc.blocks if b.kind is BlockKind.HEADING] == []


def test_short_line_inside_a_paragraph_run_is_not_a_heading():
    doc = recognize("標題\n\n第一段。\n短行\n第二段是正文,寫得比較長一些才行。")
    assert [b for b in doc.blocks if b.kind is BlockKind.HEADING] == []


def test_first_line_that_is_a_sentence_is_not_a_title():
    doc = recognize("他走進了房間,看見桌上有一封信。\n\n信是母親寫的。", fallback_title="家書")
    assert doc.title == "家書"
    assert doc.blocks[0].kind is BlockKind.PARAGRAPH


def test_figure_without_caption_keeps_the_next_paragraph():
    doc = recognize("標題\n\n【圖片】\n\n這是一段很長的正文,不是圖片說明,因為它以句號結尾。")
    figure, paragraph = doc.blocks[1:]
    assert figure.kind is BlockKind.FIGURE and figure.caption == ""
    assert paragraph.kind is BlockKind.PARAGRAPH


def test_empty_document_has_no_blocks():
    doc = recognize("\n \n\u3000\n", fallback_title="空")
    assert doc.blocks == () and doc.title == "空"


def headings(doc):
    return [(b.text, b.level) for b in doc.blocks if b.kind is BlockKind.HEADING]


def test_weak_forms_are_headings_only_as_a_rising_series():
    body = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥，正文很長很長很長。"
    series = "\n".join(f"{n}\n{body}" for n in ["一", "二", "三", "四"])
    assert [t for t, _ in headings(recognize("記\n" + series))] == ["一", "二", "三", "四"]
    plays = f"劇\n第一出開宗\n{body}\n第二出訪友\n{body}"
    assert [t for t, _ in headings(recognize(plays))] == ["第一出開宗", "第二出訪友"]
    one_off = f"記\n第三出口\n{body}\n一\n{body}"
    assert headings(recognize(one_off)) == []


def test_numbers_that_fall_back_refute_a_series():
    body = "這是一段足夠長的正文，用來隔開兩行，不會被當成標題的。"
    falling = "\n".join(f"{n}\n{body}" for n in ["五", "二", "九", "一", "七"])
    assert headings(recognize("記\n" + falling)) == []


def test_name_then_ordinal_titles_form_a_series():
    body = "陳仲舉言，為士則行為世範，登車攬轡，有澄清天下之志。"
    doc = recognize(f"世說\n德行第一\n{body}\n言語第二\n{body}\n仇隟第三十六\n{body}")
    assert [t for t, _ in headings(doc)] == ["德行第一", "言語第二", "仇隟第三十六"]


def test_table_of_contents_is_not_doubled_in_the_outline():
    body = "第一条　为了保护民事主体的合法权益，调整民事关系，制定本法。"
    text = (
        "民法\n目录\n第一编　总则\n第一章　基本规定\n第二章　自然人\n\n第一编　总则\n第一章　基本规定\n"
        + body
    )
    doc = recognize(text + "\n第二章　自然人\n" + body)
    assert headings(doc) == [("第一编　总则", 1), ("第一章　基本规定", 2), ("第二章　自然人", 2)]
    contents = [b for b in doc.blocks if b.line in (3, 4, 5)]
    assert all(b.kind is BlockKind.LIST_ITEM for b in contents)


def test_law_units_nest_by_hierarchy_not_by_order():
    body = "第一条　本编调整因物的归属和利用产生的民事关系，依照本法。"
    doc = recognize(
        f"法\n第二编　物权\n第一分编　通则\n第一章　一般规定\n第一节　登记\n{body}\n"
        f"第二分编　所有权\n第四章　一般规定\n{body}\n第三编　合同\n第一章　一般规定\n{body}"
    )
    outline = build_outline(doc)
    assert [(e.title, e.level) for e in outline.walk()] == [
        ("第二编　物权", 1),
        ("第一分编　通则", 2),
        ("第一章　一般规定", 3),
        ("第一节　登记", 4),
        ("第二分编　所有权", 2),
        ("第四章　一般规定", 3),
        ("第三编　合同", 1),
        ("第一章　一般规定", 2),
    ]


def test_scraping_prefix_stays_in_the_text_but_not_in_the_title():
    body = "诗曰：混沌未分天地乱，茫茫渺渺无人见，自从盘古破鸿蒙。"
    doc = recognize(f"《西游记》\n《》目录 第一回　灵根育孕源流出\n{body}")
    assert headings(doc) == [("第一回　灵根育孕源流出", 1)]
    prefix = next(b for b in doc.blocks if b.line == 2 and b.kind is BlockKind.NOTICE)
    assert prefix.text == "《》目录"


def test_underlined_line_is_a_heading_and_key_binding_lines_are_not():
    text = (
        "* 文件（FILE）\n--------------\n\n想保存工作成果就要记得存盘，否则一旦退出你编辑的文字就会丢失。\n\n"
        "        C-x C-f   寻找一个文件\n\nEmacs 会提示你输入文件名，你输入的文件名会出现在屏幕最底端的一行。\n"
    )
    doc = recognize(text, fallback_title="指南")
    assert doc.title == "指南"
    assert headings(doc) == [("文件（FILE）", 1)]


def test_compound_chapter_and_section_lines_are_headings():
    body = "請隨意在屏幕內移動光標，直至您覺得舒服為止，然後繼續閱讀。"
    doc = recognize(
        f"教程\n第一講第一節︰移動光標\n{body}\n第一講小結\n{body}\n第二講第一節︰刪除\n{body}"
    )
    assert [t for t, _ in headings(doc)] == [
        "第一講第一節︰移動光標",
        "第一講小結",
        "第二講第一節︰刪除",
    ]


def test_numbered_steps_that_are_mostly_sentences_are_a_list():
    text = (
        "教程\n\n1. 請按下 ESC 鍵，確保您處在正常模式之中。\n\n2. 然後輸入︰\t\t:q! <回車>\n\n"
        "3. 如果您看到了命令行提示符，請輸入能夠帶您回到本教程的命令。\n\n4. 重復步驟，直到句子修正為止。\n"
    )
    assert headings(recognize(text)) == []


def test_markdown_code_fences_and_setext_headings():
    text = "tar\n===\n\n## 实例\n\n```shell\n# 这条命令是打包\ntar -cf all.tar *.jpg\n```\n\n小节\n---\n\n内容。\n"
    doc = recognize(text, markdown=True)
    assert doc.title == "tar"
    assert headings(doc) == [("实例", 1), ("小节", 1)]
    assert any(b.text == "# 这条命令是打包" for b in doc.blocks)


def test_titles_of_a_collections_pieces_are_headings_above_their_sections():
    body = "我從鄉下跑到京城里，一轉眼已經六年了，其間耳聞目睹的所謂國家大事。"
    text = "吶喊\n" + "\n".join(
        f"{title}\n{body}\n一\n{body}\n二\n{body}\n三\n{body}\n注釋\n{body}"
        for title in ["一件小事", "狂人日記", "鴨的喜劇"]
    )
    outline = build_outline(recognize(text))
    assert [(e.title, [c.title for c in e.children]) for e in outline.entries] == [
        (title, ["一", "二", "三"]) for title in ["一件小事", "狂人日記", "鴨的喜劇"]
    ]


def test_verse_captions_inside_a_novels_chapters_are_not_headings():
    body = "且說那日眾人聚在園中飲酒賞菊，各自作了一首詩，大家傳看。"
    verse = "天留傲骨殿群芳，獨守孤高晚節香。"
    intro = "祥甫看了，又念主人的詩曰："
    chapters = "\n".join(
        f"第{n}回　賞菊\n{body}\n{intro}\n傲菊七絕一首\n{verse}\n{intro}\n買菊七絕一首\n{verse}"
        for n in "一二"
    )
    assert [t for t, _ in headings(recognize("九尾狐\n" + chapters))] == [
        "第一回　賞菊",
        "第二回　賞菊",
    ]


def test_a_site_advertisement_above_the_title_is_a_notice_not_the_title():
    body = "話說天下大勢，分久必合，合久必分。周末七國分爭，并入於秦。"
    ad = "本书来自www.example.com免费txt小说下载站"
    text = f"{ad}\n更多更新免费电子书请关注www.example.com\n\n三國演義\n\n第一回　宴桃園\n{body}\n{ad}\n\n第二回　怒鞭督郵\n{body}"
    doc = recognize(text)
    assert doc.title == "三國演義"
    assert headings(doc) == [("第一回　宴桃園", 1), ("第二回　怒鞭督郵", 1)]
    notices = [b.text for b in doc.blocks if b.kind is BlockKind.NOTICE]
    assert notices == [ad, "更多更新免费电子书请关注www.example.com", ad]


def test_a_web_address_alone_or_site_words_alone_are_no_advertisement():
    doc = recognize("Vue 教程\n\n官網 vuejs.org\n\n小說下載\n\n這是一段正文，說明怎樣安裝。")
    assert doc.title == "Vue 教程"
    assert not [b for b in doc.blocks if b.kind is BlockKind.NOTICE]
