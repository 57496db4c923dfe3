"""The Markdown reader: CommonMark spec examples and Chinese documents into the block model."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.document import (
    CELL_BREAK,
    LINE_BREAK,
    Block,
    BlockKind,
    Document,
    Run,
)
from reader.core.formats.markdown import BULLET, parse_markdown

SPEC = Path(__file__).parent / "data" / "commonmark" / "examples.json"

# A block as the tests compare it: kind, level, marker, info, then its runs as
# (text, bold, italic, code, strike, link); a code block's text stands for its runs.
Shape = tuple[object, ...]


def shape(block: Block) -> Shape:
    """What a test compares of a block (a title counts as the level-1 heading it was)."""
    kind, level = block.kind, block.level
    if kind is BlockKind.TITLE:
        kind, level = BlockKind.HEADING, 1
    if kind is BlockKind.CODE:
        return (kind.value, level, block.marker, block.info, block.text)
    if kind is BlockKind.IMAGE:
        assert block.image is not None
        return (kind.value, block.image.src, block.image.alt, block.image.title)
    runs = tuple((r.text, r.bold, r.italic, r.code, r.strike, unquote(r.link)) for r in block.runs)
    return (kind.value, level, block.marker, block.info, runs)


def check_text_is_runs(doc: Document) -> Document:
    """The document, after checking every block's text is its runs' texts."""
    for block in doc.blocks:
        if block.runs:
            assert block.text == "".join(r.text for r in block.runs), block
    return doc


def model_of(doc: Document) -> list[Shape]:
    """Every block's shape, after checking the text-is-its-runs contract."""
    return [shape(b) for b in check_text_is_runs(doc).blocks]


def parse(text: str, source_dir: Path | None, fallback_title: str = "") -> Document:
    """`parse_markdown`, checking the text-is-its-runs contract on every block."""
    return check_text_is_runs(parse_markdown(text, source_dir, fallback_title))


class _ExpectedModel(HTMLParser):
    """The blocks the reader should make of a spec example, read from the spec's HTML.

    It applies the documented mapping to HTML: headings, paragraphs (a lone
    <img> is an image block), one list item per <li> with its marker and depth,
    quote paragraphs with their depth, <pre> as code, <hr> as a rule; inline
    <strong>/<em>/<code>/<a>/<img>/<br>.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Shape] = []
        self.lists: list[list[object]] = []  # [ordered, next number]
        self.containers: list[dict[str, object]] = []  # open <li> and <blockquote>, innermost last
        self.runs: list[Run] | None = None  # the inline content being read
        self.block: tuple[str, int] | None = None
        self.styles = {"strong": 0, "em": 0, "code": 0, "del": 0}
        self.links: list[str] = []
        self.code: dict[str, object] | None = None
        self.after_break = False
        self.images: list[tuple[str, str, str]] = []

    # Blocks ----------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if self.code is not None:
            if tag == "code":
                self.code["info"] = a.get("class", "").removeprefix("language-")
            return
        if tag in ("ul", "ol"):
            self._flush_item()
            self.lists.append([tag == "ol", int(a.get("start", "1"))])
        elif tag == "li":
            self._flush_item()
            ordered, number = self.lists[-1]
            marker = f"{number}." if ordered else BULLET
            if ordered:
                self.lists[-1][1] = int(number) + 1
            self.containers.append(
                {"marker": marker, "level": len(self.lists) - 1, "parts": [], "emitted": False}
            )
            self.runs = []
        elif tag == "blockquote":
            self._flush_item()
            self.containers.append({"quote": self._quote_depth() + 1})
            self.runs = None
        elif tag == "pre":
            self._flush_item()
            self.code = {"info": "", "text": []}
        elif tag == "hr":
            self._flush_item()
            self.blocks.append(("rule", 0, "", "", ()))
        elif tag in ("p", "h1", "h2", "h3", "h4", "h5", "h6"):
            level = int(tag[1]) if tag != "p" else 0
            self.block = (tag, level)
            self.runs = []
            self.images = []
        elif tag in self.styles:
            self.styles[tag] += 1
        elif tag == "a":
            self.links.append(unquote(a.get("href", "")))
        elif tag == "img":
            src = unquote(a.get("src", ""))
            if not self.links:  # a linked picture stays a run that links
                self.images.append((src, a.get("alt", ""), a.get("title", "")))
            self._add(a.get("alt", "") or src, link=self.links[-1] if self.links else src)
        elif tag == "br":
            self._add(LINE_BREAK, plain=True)
            self.after_break = True

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if self.code is not None:
            if tag == "pre":
                text = "".join(self.code["text"])  # type: ignore[arg-type]
                text = text.removesuffix("\n").replace("\n", LINE_BREAK)
                self.blocks.append(("code", 0, "", self.code["info"], text))
                self.code = None
            return
        if tag in ("ul", "ol"):
            self.lists.pop()
            self.runs = [] if self._item() else None
        elif tag == "li":
            self._flush_item()
            self.containers.pop()
            self.runs = [] if self._item() else None
        elif tag == "blockquote":
            self.containers.pop()
            self.runs = [] if self._item() else None
        elif tag in ("p", "h1", "h2", "h3", "h4", "h5", "h6"):
            self._end_paragraph()
        elif tag in self.styles:
            self.styles[tag] -= 1
        elif tag == "a":
            self.links.pop()

    def _end_paragraph(self) -> None:
        assert self.block is not None and self.runs is not None
        tag, level = self.block
        runs = _strip(self.runs)
        self.block = None
        item = self._item()
        if item is not None:
            item["parts"].append(runs)  # type: ignore[union-attr]
            self.runs = []
            return
        self.runs = None
        if self.containers:
            depth = self._quote_depth()
            self.blocks.append(("quote", depth - 1, "", "", _shapes(runs)))
        elif tag != "p":
            self.blocks.append(("heading", level, "", "", _shapes(runs)))
        elif (
            len(self.images) == 1
            and len(runs) == 1
            and runs[0].text == (self.images[0][1] or self.images[0][0])
        ):
            self.blocks.append(("image", *self.images[0]))
        else:
            self.blocks.append(("paragraph", 0, "", "", _shapes(runs)))

    def _item(self) -> dict[str, object] | None:
        """The innermost container when it is a list item."""
        if self.containers and "marker" in self.containers[-1]:
            return self.containers[-1]
        return None

    def _quote_depth(self) -> int:
        return next((int(c["quote"]) for c in reversed(self.containers) if "quote" in c), 0)

    def _flush_item(self) -> None:
        item = self._item()
        if item is None:
            return
        if self.runs and _strip(self.runs):
            item["parts"].append(_strip(self.runs))  # type: ignore[union-attr]
        self.runs = []
        parts: list[list[Run]] = item["parts"]  # type: ignore[assignment]
        if item["emitted"] and not parts:
            return
        runs: list[Run] = []
        for n, part in enumerate(parts):
            if n:
                runs.append(Run(LINE_BREAK))
            runs.extend(part)
        marker = "" if item["emitted"] else item["marker"]
        self.blocks.append(("list_item", item["level"], marker, "", _shapes(_merge(runs))))
        item["emitted"] = True
        item["parts"] = []

    # Inline ----------------------------------------------------------------

    def handle_data(self, data: str) -> None:
        if self.code is not None:
            self.code["text"].append(data)  # type: ignore[union-attr]
            return
        if self.runs is None:
            return
        if self.after_break:
            data = data.removeprefix("\n")
            self.after_break = False
        if not self.styles["code"]:
            data = data.replace("\n", " ")
        self._add(data)

    def _add(self, text: str, link: str = "", plain: bool = False) -> None:
        if self.runs is None or not text:
            return
        if plain:
            self.runs.append(Run(text))
            return
        s = self.styles
        self.runs.append(
            Run(
                text,
                bold=bool(s["strong"]),
                italic=bool(s["em"]),
                code=bool(s["code"]),
                strike=bool(s["del"]),
                link=link or (self.links[-1] if self.links else ""),
            )
        )


def _strip(runs: list[Run]) -> list[Run]:
    """Runs without the white space HTML puts around block tags."""
    runs = _merge(runs)
    while runs and not runs[0].code and not runs[0].text.strip(" \n"):
        runs = runs[1:]
    while runs and not runs[-1].code and not runs[-1].text.strip(" \n"):
        runs = runs[:-1]
    if runs and not runs[0].code:
        runs[0] = Run(runs[0].text.lstrip(" \n"), *_flags(runs[0]))
    if runs and not runs[-1].code:
        runs[-1] = Run(runs[-1].text.rstrip(" \n"), *_flags(runs[-1]))
    return runs


def _flags(r: Run) -> tuple[bool, bool, bool, bool, str]:
    return (r.bold, r.italic, r.code, r.strike, r.link)


def _merge(runs: list[Run]) -> list[Run]:
    out: list[Run] = []
    for r in runs:
        if out and _flags(out[-1]) == _flags(r):
            out[-1] = Run(out[-1].text + r.text, *_flags(r))
        elif r.text:
            out.append(r)
    return out


def _shapes(runs: list[Run]) -> tuple[tuple[object, ...], ...]:
    return tuple((r.text, *_flags(r)) for r in _merge(runs))


def expected_from_html(html: str) -> list[Shape]:
    """The block shapes the spec's HTML output stands for."""
    parser = _ExpectedModel()
    parser.feed(html)
    parser.close()
    return [tuple(b) for b in parser.blocks]


# CommonMark spec examples ------------------------------------------------------


def _spec_examples() -> list[dict[str, object]]:
    return json.loads(SPEC.read_text(encoding="utf-8"))["examples"]


#: Examples whose HTML the reader deliberately does not follow, and why.
AS_WRITTEN = {
    96: "a document opening with a --- … --- block has front matter",
    98: "a document opening with a --- … --- block has front matter",
    298: "an ordered list keeps its ')' delimiter",
    299: "an ordered list keeps its ')' delimiter",
    304: "an ordered list keeps its ')' delimiter",
    346: "inline raw HTML is shown as text",
    478: "inline raw HTML is shown as text",
    479: "inline raw HTML is shown as text",
    493: "inline raw HTML is shown as text",
    496: "inline raw HTML is shown as text",
    526: "inline raw HTML is shown as text",
    538: "inline raw HTML is shown as text",
    645: "inline raw HTML is shown as text",
    646: "inline raw HTML is shown as text",
}


@pytest.mark.parametrize(
    "example",
    [ex for ex in _spec_examples() if ex["example"] not in AS_WRITTEN],
    ids=lambda ex: f"{ex['example']}-{ex['section']}",
)
def test_commonmark_example_becomes_the_blocks_its_html_shows(example):
    doc = parse(str(example["markdown"]), None)
    assert model_of(doc) == expected_from_html(str(example["html"]))


def spec_example(number: int) -> str:
    return next(str(ex["markdown"]) for ex in _spec_examples() if ex["example"] == number)


def test_spec_atx_headings_keep_their_levels_and_the_first_h1_is_the_title():
    doc = parse(spec_example(62), None)  # "# foo" … "###### foo"
    assert doc.title == "foo"
    assert [(b.kind, b.level) for b in doc.blocks] == [
        (BlockKind.TITLE, 0),
        *[(BlockKind.HEADING, n) for n in range(2, 7)],
    ]


def test_spec_setext_headings_are_headings():
    doc = parse("intro\n\n" + spec_example(80), None)  # Foo *bar* ===, ---
    assert [(b.kind, b.level, b.text) for b in doc.blocks[1:]] == [
        (BlockKind.HEADING, 1, "Foo bar"),
        (BlockKind.HEADING, 2, "Foo bar"),
    ]
    assert doc.blocks[1].runs[1] == Run("bar", italic=True)


def test_ordered_list_keeps_its_delimiter_and_numbering():
    doc = parse(spec_example(304), None)  # 1. foo / 2. bar / 3) baz
    assert [b.marker for b in doc.blocks] == ["1.", "2.", "3)"]


def test_ordered_list_counts_on_from_its_start_whatever_the_later_numbers():
    doc = parse("7. 甲\n1. 乙\n1. 丙\n", None)
    assert [b.marker for b in doc.blocks] == ["7.", "8.", "9."]


def test_inline_raw_html_is_shown_as_text():
    doc = parse(spec_example(478), None)  # **<a href="**">
    assert model_of(doc) == [
        ("paragraph", 0, "", "", (('**<a href="**">', False, False, False, False, ""),))
    ]


def test_spec_code_blocks_keep_their_lines():
    doc = parse(spec_example(119), None)  # ``` < > ```
    assert doc.blocks[0].kind is BlockKind.CODE
    assert doc.blocks[0].text == f"<{LINE_BREAK} >"
    doc = parse(spec_example(107), None)  # indented code with a list marker inside
    assert [b.kind for b in doc.blocks] == [BlockKind.CODE]
    assert doc.blocks[0].text.split(LINE_BREAK) == ["a simple", "  indented code block"]


# Chinese documents -------------------------------------------------------------

README = """\
專案說明
========

這是一個**粗體**與*斜體*的示例，
請見[連結](https://example.com)。
It joins English
words with a space.

安裝步驟
--------

3. 下載原始碼
4. 執行安裝
   1. 建立虛擬環境
   2. 安裝依賴

| 名稱 | 數量 | 價格 |
|:-----|:----:|-----:|
| 蘋果 | `3` | 10 |
| 香蕉 | 5 | **8** |

```python
# 這是註釋，不是標題
print("你好")
```

![本地圖](images/圖%20一.png "封面")

![外部](../secret.png)

![遠端](https://example.com/remote.png)
"""


@pytest.fixture
def readme(tmp_path: Path) -> Document:
    from reader.core.opening import open_document

    folder = tmp_path / "doc"
    (folder / "images").mkdir(parents=True)
    (folder / "images" / "圖 一.png").write_bytes(b"\x89PNG")
    (tmp_path / "secret.png").write_bytes(b"\x89PNG")
    path = folder / "README.md"
    path.write_text(README, encoding="utf-8")
    return check_text_is_runs(open_document(path))


def blocks_of(doc: Document, kind: BlockKind) -> list[Block]:
    return [b for b in doc.blocks if b.kind is kind]


def test_readme_setext_title_and_heading_feed_the_outline(readme):
    from reader.core.outline import build_outline

    model_of(readme)
    assert readme.title == "專案說明"
    assert readme.blocks[0].kind is BlockKind.TITLE
    assert (readme.blocks[0].line, readme.blocks[0].end_line) == (1, 2)
    assert [(b.text, b.level) for b in blocks_of(readme, BlockKind.HEADING)] == [("安裝步驟", 2)]
    assert [e.title for e in build_outline(readme).walk()] == ["安裝步驟"]


def test_readme_paragraph_has_styled_runs_and_joins_lines_like_cjk_text(readme):
    para = blocks_of(readme, BlockKind.PARAGRAPH)[0]
    # No space between Han characters or beside full-width punctuation; one between words.
    assert para.text == "這是一個粗體與斜體的示例，請見連結。It joins English words with a space."
    assert Run("粗體", bold=True) in para.runs
    assert Run("斜體", italic=True) in para.runs
    assert Run("連結", link="https://example.com") in para.runs
    assert (para.line, para.end_line) == (4, 7)


def test_readme_nested_ordered_list_keeps_its_numbers(readme):
    items = blocks_of(readme, BlockKind.LIST_ITEM)
    assert [(b.marker, b.level, b.text) for b in items] == [
        ("3.", 0, "下載原始碼"),
        ("4.", 0, "執行安裝"),
        ("1.", 1, "建立虛擬環境"),
        ("2.", 1, "安裝依賴"),
    ]


def test_readme_pipe_table_keeps_rows_cells_and_alignments(readme):
    (table,) = blocks_of(readme, BlockKind.TABLE)
    assert table.header_rows == 1
    assert table.info == "l,c,r"
    assert [["".join(r.text for r in cell) for cell in row] for row in table.rows] == [
        ["名稱", "數量", "價格"],
        ["蘋果", "3", "10"],
        ["香蕉", "5", "8"],
    ]
    assert table.rows[1][1] == (Run("3", code=True),)
    assert table.rows[2][2] == (Run("8", bold=True),)
    assert table.text == LINE_BREAK.join(
        CELL_BREAK.join(row)
        for row in (["名稱", "數量", "價格"], ["蘋果", "3", "10"], ["香蕉", "5", "8"])
    )


def test_readme_code_block_keeps_its_comment_line_out_of_the_outline(readme):
    (code,) = blocks_of(readme, BlockKind.CODE)
    assert code.info == "python"
    assert code.text.split(LINE_BREAK) == ["# 這是註釋，不是標題", 'print("你好")']
    assert code.runs == (Run(code.text, code=True),)
    assert all("註釋" not in b.text for b in blocks_of(readme, BlockKind.HEADING))


def test_readme_pictures_resolve_only_inside_the_documents_folder(readme, tmp_path):
    images = [b.image for b in blocks_of(readme, BlockKind.IMAGE)]
    assert [(i.src, i.alt) for i in images] == [
        ("images/圖 一.png", "本地圖"),
        ("../secret.png", "外部"),
        ("https://example.com/remote.png", "遠端"),
    ]
    assert images[0].title == "封面"
    assert images[0].path == str((tmp_path / "doc" / "images" / "圖 一.png").resolve())
    assert images[1].path == ""  # exists, but outside the folder
    assert images[2].path == ""  # remote: never fetched


def test_picture_paths_need_a_folder_and_an_existing_file_inside_it(tmp_path):
    (tmp_path / "a.png").write_bytes(b"")
    (tmp_path / "escape").symlink_to(tmp_path.parent)
    (tmp_path.parent / "outside.png").write_bytes(b"")
    inside = str((tmp_path / "a.png").resolve())
    text = (
        "![本地](a.png)\n\n![缺](missing.png)\n\n![絕對](/etc/passwd)\n\n"
        f'<img src="{(tmp_path / "a.png").as_uri()}" alt="檔案網址">\n\n'
        f'<img src="{(tmp_path.parent / "outside.png").as_uri()}" alt="外部網址">\n\n'
        "![連結逃出](escape/outside.png)\n\n![數據](data:image/png;base64,AAAA)\n"
    )
    assert parse(text, None).blocks[0].image.path == ""
    blocks = parse(text, tmp_path).blocks
    assert [b.kind for b in blocks] == [BlockKind.IMAGE] * 7
    assert [b.image.path for b in blocks] == [inside, "", "", inside, "", "", ""]


def test_markdown_file_links_are_refused_by_the_parser():
    # markdown-it's link validation rejects file: (and javascript:) targets: the text stays.
    doc = parse("![圖](file:///etc/x.png) [連](javascript:alert(1))", Path("/"))
    assert all(r.plain for r in doc.blocks[0].runs)


def test_inline_picture_is_a_run_with_its_alt_text_linking_to_its_source():
    doc = parse("見圖![示意](fig.png)與[![徽章](b.svg)](https://ci.example)。", None)
    assert model_of(doc)
    runs = doc.blocks[0].runs
    assert Run("示意", link="fig.png") in runs
    assert Run("徽章", link="https://ci.example") in runs


def test_html_br_and_simple_img_are_handled_other_html_is_text(tmp_path):
    (tmp_path / "logo.png").write_bytes(b"")
    doc = parse(
        '第一行<br>第二行<BR/>第三行 <span>標籤</span>\n\n<img src="logo.png" alt="標誌">\n\n'
        '<div align="center">\n  <b>置中</b>\n</div>\n\n<!-- 註解 -->\n\n段落',
        tmp_path,
    )
    model_of(doc)
    para, image, html_block, last = doc.blocks
    assert para.text == f"第一行{LINE_BREAK}第二行{LINE_BREAK}第三行 <span>標籤</span>"
    assert image.kind is BlockKind.IMAGE
    assert image.image.alt == "標誌" and image.image.path == str((tmp_path / "logo.png").resolve())
    assert (html_block.kind, html_block.info) == (BlockKind.CODE, "html")
    assert html_block.text.split(LINE_BREAK) == ['<div align="center">', "  <b>置中</b>", "</div>"]
    assert last.text == "段落"  # the comment shows nothing


def test_block_quotes_keep_their_depth_and_styles():
    doc = parse("> 引文**重點**\n>\n> > 更深的引文\n\n正文", None)
    model_of(doc)
    assert [(b.kind, b.level, b.text) for b in doc.blocks] == [
        (BlockKind.QUOTE, 0, "引文重點"),
        (BlockKind.QUOTE, 1, "更深的引文"),
        (BlockKind.PARAGRAPH, 0, "正文"),
    ]
    assert doc.blocks[0].runs[1] == Run("重點", bold=True)


def test_task_list_items_show_their_boxes():
    doc = parse("- [ ] 未完成\n- [x] 已完成\n- 普通\n- [x]沒有空格\n\n3. [X] 編號", None)
    assert [(b.marker, b.text) for b in doc.blocks] == [
        ("☐", "未完成"),
        ("☑", "已完成"),
        (BULLET, "普通"),
        (BULLET, "[x]沒有空格"),
        ("3. ☑", "編號"),
    ]


def test_list_item_paragraphs_join_and_text_after_a_nested_list_continues_the_item():
    doc = parse("- 第一段\n\n  第二段\n  - 子項\n\n  後記\n- 下一項", None)
    model_of(doc)
    assert [(b.marker, b.level, b.text) for b in doc.blocks] == [
        (BULLET, 0, f"第一段{LINE_BREAK}第二段"),
        (BULLET, 1, "子項"),
        ("", 0, "後記"),
        (BULLET, 0, "下一項"),
    ]


def test_footnotes_are_numbered_references_and_blocks_at_the_end():
    doc = parse("正文[^甲]與另一處[^b]。\n\n[^b]: 第二個*註*。\n[^甲]: 第一個註。\n\n尾段", None)
    model_of(doc)
    para = doc.blocks[0]
    assert Run("1", note="甲") in para.runs and Run("2", note="b") in para.runs
    assert para.text == "正文1與另一處2。"
    notes = blocks_of(doc, BlockKind.FOOTNOTE)
    assert doc.blocks[-2:] == tuple(notes)
    assert [(n.label, n.marker, n.text) for n in notes] == [
        ("甲", "1", "第一個註。"),
        ("b", "2", "第二個註。"),
    ]
    assert Run("註", italic=True) in notes[1].runs
    assert (notes[0].line, notes[0].end_line) == (4, 4)


def test_inline_footnote_gets_a_label_no_named_footnote_can_take():
    doc = parse("甲^[行內註]乙[^1]。\n\n[^1]: 具名註\n", None)
    model_of(doc)
    assert [r.note for r in doc.blocks[0].runs if r.note] == ["^1", "1"]
    assert [(b.label, b.marker, b.text) for b in blocks_of(doc, BlockKind.FOOTNOTE)] == [
        ("^1", "1", "行內註"),
        ("1", "2", "具名註"),
    ]


def test_strikethrough_hard_break_and_rule():
    doc = parse("~~刪除~~與保留\\\n下一行\n\n---\n\n***", None)
    model_of(doc)
    para, rule, rule2 = doc.blocks
    assert para.runs[0] == Run("刪除", strike=True)
    assert para.text == f"刪除與保留{LINE_BREAK}下一行"
    assert rule.kind is rule2.kind is BlockKind.RULE
    assert (rule.line, rule.end_line) == (4, 4)


def test_soft_break_keeps_a_space_between_latin_and_han_but_not_between_han():
    doc = parse("中文\n中文\nEnglish\n中文“引號”\n……\n한국어\n문장\nsaid\n“Yes”", None)
    assert doc.blocks[0].text == "中文中文 English 中文“引號”…… 한국어 문장 said “Yes”"


def test_metadata_line_after_the_title_is_parsed_as_for_plain_text():
    doc = parse("# 標題\n\n2022-10-17 11:33:18來源: 重慶日報編輯: 付意菲\n\n正文。", None)
    assert [b.kind for b in doc.blocks] == [
        BlockKind.TITLE,
        BlockKind.METADATA,
        BlockKind.PARAGRAPH,
    ]
    assert doc.metadata.source == "重慶日報"


def test_front_matter_is_yaml_code_whose_title_names_the_document():
    hexo = "---\ntitle: '靜態網站的文章'\ndate: 2020-01-01\n---\n\n正文。\n"
    doc = parse(hexo, None, fallback_title="檔名")
    assert doc.title == "靜態網站的文章"
    assert [(b.kind, b.info, b.line, b.end_line) for b in doc.blocks] == [
        (BlockKind.CODE, "yaml", 1, 4),
        (BlockKind.PARAGRAPH, "", 6, 6),
    ]
    assert doc.blocks[0].text.split(LINE_BREAK) == ["title: '靜態網站的文章'", "date: 2020-01-01"]
    assert not doc.headings()
    doc = parse("---\nlayout: post\n---\n# 標題\n", None, fallback_title="檔名")
    assert doc.title == "標題" and doc.blocks[1].kind is BlockKind.TITLE


def test_no_leading_h1_means_the_fallback_title():
    doc = parse("前言。\n\n# 不是標題\n", None, fallback_title="檔名")
    assert doc.title == "檔名"
    assert doc.blocks[1].kind is BlockKind.HEADING
    assert doc.text == "前言。\n\n# 不是標題\n"


def test_markdown_from_bytes_uses_the_markdown_reader():
    from reader.core.opening import document_from_bytes

    doc = document_from_bytes("# 標題\n\n1. 甲\n".encode(), name="stdin", markdown=True)
    check_text_is_runs(doc)
    assert doc.title == "標題"
    assert [(b.kind, b.marker) for b in doc.blocks[1:]] == [(BlockKind.LIST_ITEM, "1.")]


def test_an_html_block_of_many_comments_and_some_text_is_shown_at_once():
    comments = "".join(f"<!-- {n} -->" for n in range(60))
    doc = parse(f"{comments}\n\n{comments}x\n", None)
    assert [(b.kind, b.info) for b in doc.blocks] == [(BlockKind.CODE, "html")]
    assert doc.blocks[0].text.endswith("x")


def test_readme_blocks_know_their_source_lines(readme):
    lines = {(b.kind, b.text.split(LINE_BREAK)[0]): (b.line, b.end_line) for b in readme.blocks}
    assert lines[(BlockKind.HEADING, "安裝步驟")] == (9, 10)
    assert lines[(BlockKind.LIST_ITEM, "下載原始碼")] == (12, 12)
    assert lines[(BlockKind.LIST_ITEM, "安裝依賴")] == (15, 15)
    assert lines[(BlockKind.TABLE, f"名稱{CELL_BREAK}數量{CELL_BREAK}價格")] == (17, 20)
    assert lines[(BlockKind.CODE, "# 這是註釋，不是標題")] == (22, 25)
    assert lines[(BlockKind.IMAGE, "本地圖")] == (27, 27)


def test_a_footnote_nested_in_a_footnote_does_not_break_the_walk():
    # mdit-py-plugins 0.7 leaves a lone blockquote_close for this.
    assert parse("[^1]: > [^2]: x", None).blocks == ()


_MARKDOWN_PIECES = st.sampled_from(
    [
        "# ", "## ", "===", "---", "***", "> ", "- ", "* ", "1. ", "3) ", "  ", "    ", "\t",
        "\n", "\n\n", "```", "~~~", "`", "*", "**", "_", "~~", "[", "]", "(", ")", "!", "<",
        ">", "<br>", '<img src="a.png">', "<!--", "-->", "|", "|:-|-:|", "[^1]", "[^1]: ",
        "^[", "[ ] ", "[x] ", "\\", "&amp;", "中文", "段落。", "word", "https://e.com", "a.png",
    ]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_MARKDOWN_PIECES, max_size=40).map("".join))
def test_any_markdown_gives_blocks_whose_text_is_their_runs_within_the_source(text):
    doc = parse(text, None)
    line_count = max(doc.line_count, 1)
    for block in doc.blocks:
        assert 0 <= block.line <= block.end_line <= line_count, block
        if block.kind is BlockKind.TABLE:
            assert len(block.text.split(LINE_BREAK)) == len(block.rows)
