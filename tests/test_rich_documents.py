"""Rich documents in the window: Markdown with code, tables, lists, pictures and links, and
hard-wrapped plain text read as paragraphs."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage

from reader.core.convert import ScriptMode
from reader.core.document import BlockKind

README = """软件说明
========

这是一个**重要**的软件，请阅读[官方网站](https://example.com/ruanjian)。

## 安装步骤

3. 下载软件包
4. 运行 `install.sh` 安装软件
   - 需要网络连接

```python
# 头发 = 注释，不是标题
print("头发")
```

| 名称 | 说明 |
|:--|--:|
| 头发 | 很长 |
| 软件 | `代码` |

![插图说明](picture.png)

---

发展是硬道理[^1]。

[^1]: 一句注释。
"""


@pytest.fixture
def readme(tmp_path) -> Path:
    image = QImage(240, 120, QImage.Format.Format_RGB32)
    image.fill(QColor("#3465a4"))
    assert image.save(str(tmp_path / "picture.png"))
    path = tmp_path / "README.md"
    path.write_text(README, encoding="utf-8")
    return path


def kinds(window) -> list[BlockKind]:
    return [b.kind for b in window.session.prepared.document.blocks]


def test_a_markdown_readme_is_typeset_with_its_structure(make_window, readme):
    window = make_window(str(readme))
    assert window.windowTitle() == "软件说明 — ZhReader"
    assert window.outline.top_titles() == ["安装步骤"]  # the # comment in code is no heading
    found = kinds(window)
    for kind in (BlockKind.CODE, BlockKind.TABLE, BlockKind.IMAGE, BlockKind.RULE):
        assert kind in found
    items = [b for b in window.session.prepared.document.blocks if b.kind is BlockKind.LIST_ITEM]
    assert [(b.marker, b.level) for b in items] == [("3.", 0), ("4.", 0), ("•", 1)]
    image = window.view._layouter.lay_out(
        window.session.prepared.document.blocks[found.index(BlockKind.IMAGE)],
        "插图说明",
        600,
        window.view._theme,
    )
    assert image.image is not None and image.image.width() == 240  # the picture, not its name


def test_switching_script_converts_prose_but_never_code(make_window, qtbot, readme):
    window = make_window(str(readme))
    with qtbot.waitSignal(window.conversion_finished, timeout=20_000):
        window.set_script_mode(ScriptMode.TRADITIONAL)
    blocks = window.session.prepared.document.blocks
    texts = window.session.rendition.texts
    code = texts[kinds(window).index(BlockKind.CODE)]
    assert code == '# 头发 = 注释，不是标题\u2028print("头发")'
    paragraph = texts[[b.kind for b in blocks].index(BlockKind.PARAGRAPH)]
    assert paragraph.startswith("這是一個重要的軟件")
    table = texts[kinds(window).index(BlockKind.TABLE)]
    assert "頭髮" in table and "代码" in table  # the cell's inline code stays as written


def test_a_link_asks_before_the_browser_opens(
    make_window, qtbot, readme, message_boxes, monkeypatch
):
    opened = []
    monkeypatch.setattr(
        "reader.ui.main_window.QDesktopServices.openUrl", lambda url: opened.append(url)
    )
    window = make_window(str(readme))
    view = window.view
    index = next(
        i
        for i, b in enumerate(window.session.prepared.document.blocks)
        if any(r.link for r in b.runs)
    )
    view.scroll_to_block(index)
    laid = view._laid(index)
    text = view.block_text(index)
    start = text.index("官方网站")
    x0, _ = view.column()
    line = laid.layout.lineAt(0)
    x = x0 + line.cursorToX(start + 1)[0]
    y = laid.content_top + laid.text_top + line.y() + line.height() / 2
    assert view.run_at(x, y).link == "https://example.com/ruanjian"
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(int(x), int(y)))
    assert message_boxes[-1] == (
        "question",
        "Open https://example.com/ruanjian in your web browser?",
    )
    assert opened == []  # the stub answered No


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")
def test_a_markdown_document_prints_readably_with_all_its_text(make_window, readme, tmp_path):
    window = make_window(str(readme))
    pdf = tmp_path / "readme.pdf"
    assert window.exporter.write_pdf(str(pdf), window.session.rendition)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    flat = "".join(text.split())
    for expected in (
        "软件说明",
        "这是一个重要的软件",
        "下载软件包",
        'print("头发")',
        "很长",
        "一句注释",
    ):
        assert expected in flat, expected
    assert "picture.png" not in text  # the picture is shown, not its name
    from tests.test_printing import han_sizes, words

    sizes = han_sizes(words(pdf))
    assert sizes and 9 <= sorted(sizes)[len(sizes) // 2] <= 14  # body text: 11 pt
    assert max(sizes) <= 20  # the title: 1.75 × body


_PARAGRAPH = "他走過長長的河岸，看見遠處的山巒在霧裡若隱若現，心想那邊大概就是故鄉了" * 5
# As old BBS files have it: every line cut at 33 characters, wherever the sentence is.
WRAPPED = "舊小說\n\n" + "\n\n".join(
    "\n".join(_PARAGRAPH[i : i + 33] for i in range(0, len(_PARAGRAPH), 33)) for _ in range(8)
)


def test_a_hard_wrapped_novel_reads_as_paragraphs_and_the_toggle_shows_its_lines(
    make_window, qtbot, tmp_path
):
    book = tmp_path / "wrapped.txt"
    book.write_text(WRAPPED + "\n", encoding="utf-8")
    window = make_window(str(book))
    paragraphs = [
        b for b in window.session.prepared.document.blocks if b.kind is BlockKind.PARAGRAPH
    ]
    assert len(paragraphs) == 8
    assert window.session.prepared.document.reflowed
    assert window.status.lines.text() == "lines joined"
    window.view.scroll_to_block(5)
    line = window.session.prepared.document.blocks[5].line
    with qtbot.waitSignal(window.document_shown, timeout=10_000):
        window.actions_.reflow.trigger()
    assert not window.store.preferences.reflow
    assert not window.session.prepared.document.reflowed
    assert window.status.lines.text() == ""
    blocks = window.session.prepared.document.blocks
    assert len([b for b in blocks if b.kind is BlockKind.PARAGRAPH]) == 48
    assert blocks[window.view.top_block()].line == line  # still at the same line of the file
