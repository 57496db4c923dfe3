"""Render the reader window to docs/screenshots/ (offscreen; needs a CJK font such as fonts-noto-cjk).

python docs/make_screenshots.py
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QLocale, QSettings, QThreadPool, QTimer
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QMenu, QToolBar

from reader.core.convert import ScriptMode
from reader.core.resources import bundled_article_path
from reader.ui.i18n import InterfaceLanguage
from reader.ui.main_window import MainWindow

OUT = Path(__file__).resolve().parent / "screenshots"


def wait_for(signal, start, ms: int = 20_000) -> None:
    """Call `start` and wait until `signal` fires (it may fire inside `start`)."""
    fired = []
    loop = QEventLoop()
    signal.connect(lambda *args: (fired.append(1), loop.quit()))
    start()
    if not fired:
        QTimer.singleShot(ms, loop.quit)
        loop.exec()
    signal.disconnect()


def pages_counted(app: QApplication, view, seconds: float = 20.0) -> None:
    """Wait until the page counter has answered ("Page N of M" in the status bar)."""
    deadline = time.monotonic() + seconds
    while view.page_count() == 0 and time.monotonic() < deadline:
        app.processEvents()
        QThreadPool.globalInstance().waitForDone(20)
    settle(app)


def settle(app: QApplication) -> None:
    QThreadPool.globalInstance().waitForDone()
    for _ in range(5):
        app.processEvents()


MARKDOWN_SAMPLE = """\
OpenCC 轉換工具使用說明
=======================

本工具把**簡體中文**轉為*繁體中文*，詳見[專案主頁](https://github.com/BYVoid/OpenCC)。

## 安裝

1. 安裝 Python 3.11 或更新版本
2. 執行 `pip install opencc`
3. 檢查安裝：
   - 執行 `python -c "import opencc"`
   - 沒有錯誤訊息即成功

```python
import opencc
# 轉換：简体 → 繁體
print(opencc.OpenCC("s2t").convert("头发"))
```

## 設定檔

| 設定 | 方向 | 說明 |
|:--|:--:|--:|
| `s2t` | 簡 → 繁 | OpenCC 標準 |
| `s2twp` | 簡 → 臺 | 含臺灣詞彙 |
| `t2s` | 繁 → 簡 | 通用 |

![轉換流程示意圖](flow.png)

---

> 提示：程式碼區塊不會被轉換。
"""


def write_markdown_sample(folder: Path) -> Path:
    """A Chinese README with a list, code, a table and a picture beside it."""
    from PySide6.QtGui import QColor, QFont, QImage, QPainter

    picture = QImage(520, 150, QImage.Format.Format_RGB32)
    picture.fill(QColor("#e8eef7"))
    painter = QPainter(picture)
    painter.setPen(QColor("#1a5496"))
    painter.setFont(QFont("Noto Sans CJK SC", 22))
    painter.drawText(picture.rect(), 0x84, "简体  →  OpenCC  →  繁體")  # centred
    painter.end()
    picture.save(str(folder / "flow.png"))
    path = folder / "README.md"
    path.write_text(MARKDOWN_SAMPLE, encoding="utf-8")
    return path


def review_shots(app: QApplication, window: MainWindow, folder: Path) -> dict:
    """The bundled article written in Simplified (as a mainland reader gets it), shown in
    繁體 with every conversion change underlined and the Conversion panel open on an
    uncertain character; and the article itself in 臺灣正體 with its changes."""
    from reader.core.convert import convert
    from reader.core.resources import bundled_article_path

    os.environ["XDG_DATA_HOME"] = str(folder / "data")  # fixes made here stay here
    shots = {}
    window.resize(1280, 820)
    article = str(bundled_article_path())
    wait_for(window.document_shown, lambda: window.open_path(article))
    wait_for(window.conversion_finished, lambda: window.set_script_mode(ScriptMode.TAIWAN))
    window.actions_.show_changes["all"].trigger()
    window.go_to_block(16)
    settle(app)
    shots["review-taiwan"] = window.grab()
    text = bundled_article_path().read_text(encoding="utf-8")
    simplified = folder / "yongchuan-simplified.txt"
    simplified.write_text(convert(text, ("t2s",)), encoding="utf-8")
    wait_for(window.document_shown, lambda: window.open_path(str(simplified)))
    wait_for(window.conversion_finished, lambda: window.set_script_mode(ScriptMode.TRADITIONAL))
    window.go_to_block(9)
    settle(app)
    window.actions_.next_uncertain.trigger()
    settle(app)
    shots["review"] = window.grab()
    window.review.panel.hide()
    window.actions_.show_changes["off"].trigger()
    shots["review-rules"] = rules_dialog(app, window)
    return shots


def rules_dialog(app: QApplication, window: MainWindow):
    """Tools ▸ Replacement Rules on the article (its Simplified copy), with a few rules and
    their match counts."""
    from reader.core.replace_rules import ReplaceRule, RuleSet, RuleStage
    from reader.ui.dialogs.replace_rules import ReplaceRulesDialog

    session = window.session
    mine = RuleSet(
        (
            ReplaceRule("永川", stage=RuleStage.PROTECT, name="地名"),
            ReplaceRule(r"摄/\S+", "", RuleStage.BEFORE, regex=True, name="摄影署名"),
        )
    )
    everyone = RuleSet((ReplaceRule("信息", "資訊", RuleStage.AFTER, enabled=False),))
    dialog = ReplaceRulesDialog(mine, everyone, session.prepared.texts, session.rendition.texts)
    dialog.recount()
    dialog.show()
    settle(app)
    shot = dialog.grab()
    dialog.close()
    return shot


def with_menus(window: MainWindow, menus: list[QMenu]) -> QPixmap:
    """The window with its open menus painted where they are (popups are windows of their own)."""
    shot = window.grab()
    painter = QPainter(shot)
    for menu in menus:
        painter.drawPixmap(window.mapFromGlobal(menu.pos()), menu.grab())
    painter.end()
    return shot


def open_menu(app: QApplication, window: MainWindow, index: int, submenu: str = "") -> QPixmap:
    """Open the index-th menu of the menu bar (and the submenu named `submenu`) and shoot."""
    bar = window.menuBar()
    action = bar.actions()[index]
    menu = action.menu()
    menu.popup(bar.mapToGlobal(bar.actionGeometry(action).bottomLeft()))
    menus = [menu]
    for item in menu.actions():
        if submenu and item.menu() is not None and item.menu().objectName() == submenu:
            menu.setActiveAction(item)
            item.menu().popup(menu.mapToGlobal(menu.actionGeometry(item).topRight()))
            menus.append(item.menu())
    settle(app)
    shot = with_menus(window, menus)
    for open_one in reversed(menus):
        open_one.hide()
    return shot


def language_shots(app: QApplication, folder: Path) -> dict[str, QPixmap]:
    """The window at 1280×800 in 简体中文 (View ▸ Script open) and 繁體中文 (File open)."""
    interface = InterfaceLanguage(app)
    shots = {}
    for locale, mode, menu, submenu in (
        ("zh_CN", ScriptMode.SIMPLIFIED, 2, "scriptMenu"),
        ("zh_TW", ScriptMode.TAIWAN, 0, ""),
    ):
        interface.apply("system", QLocale(locale))
        ini = folder / f"zhreader-{locale}.ini"
        window = MainWindow(QSettings(str(ini), QSettings.Format.IniFormat))
        window.resize(1280, 800)
        window.show()
        wait_for(window.document_shown, lambda w=window: w.open_initial(None))
        wait_for(window.conversion_finished, lambda w=window, m=mode: w.set_script_mode(m))
        window.go_to_block(13)
        settle(app)
        shots[f"interface-{locale}"] = open_menu(app, window, menu, submenu)
        window.close()
    interface.clear()
    return shots


def app_icon_sheet():
    """The application icon at 16, 32 and 128 px, actual size, on a light and a dark ground."""
    from PySide6.QtGui import QColor, QPainter, QPixmap

    from reader.ui.icons import app_icon

    icon = app_icon()
    sizes = (16, 32, 128)
    sheet = QPixmap(2 * (sum(sizes) + 24 * len(sizes)) + 24, 128 + 48)
    sheet.fill(QColor("#fbfbf8"))
    painter = QPainter(sheet)
    painter.fillRect(sheet.width() // 2, 0, sheet.width() // 2, sheet.height(), QColor("#26282c"))
    x = 24
    for _ground in ("light", "dark"):
        for size in sizes:
            painter.drawPixmap(x, 24 + 128 - size, icon.pixmap(size))
            x += size + 24
        x += 12
    painter.end()
    return sheet


#: The opening of 紅樓夢 (Dream of the Red Chamber, 18th century; public domain), chapter 1.
CLASSIC_SAMPLE = """\
第一回　甄士隱夢幻識通靈　賈雨村風塵懷閨秀

此開卷第一回也。作者自云：因曾歷過一番夢幻之後，故將真事隱去，而借「通靈」之說，撰此《石頭記》一書也。故曰「甄士隱」云云。但書中所記何事何人？自又云：「今風塵碌碌，一事無成，忽念及當日所有之女子，一一細考較去，覺其行止見識，皆出於我之上。何我堂堂鬚眉，誠不若彼裙釵哉？實愧則有餘，悔又無益之大無可如何之日也！當此，則自欲將已往所賴天恩祖德，錦衣紈袴之時，飫甘饜肥之日，背父兄教育之恩，負師友規談之德，以至今日一技無成、半生潦倒之罪，編述一集，以告天下人：我之罪固不免，然閨閣中本自歷歷有人，萬不可因我之不肖，自護己短，一併使其泯滅也。雖今日之茅椽蓬牖，瓦灶繩床，其晨夕風露，階柳庭花，亦未有妨我之襟懷筆墨者。雖我未學，下筆無文，又何妨用假語村言，敷演出一段故事來，亦可使閨閣昭傳，復可悅世之目，破人愁悶，不亦宜乎？」故曰「賈雨村」云云。

此回中凡用「夢」用「幻」等字，是提醒閱者眼目，亦是此書立意本旨。

列位看官：你道此書從何而來？說起根由雖近荒唐，細按則深有趣味。待在下將此來歷註明，方使閱者了然不惑。

原來女媧氏煉石補天之時，於大荒山無稽崖練成高經十二丈、方經二十四丈頑石三萬六千五百零一塊。媧皇氏只用了三萬六千五百塊，只單單剩了一塊未用，便棄在此山青埂峰下。誰知此石自經煅煉之後，靈性已通，因見眾石俱得補天，獨自己無材不堪入選，遂自怨自嘆，日夜悲號慚愧。
"""


def punctuation_comparison():
    """Vertical punctuation two ways, in Noto Serif CJK SC and TC: the font's `vert` feature
    (what the reader draws) beside Unicode's vertical forms (U+FE10–FE48)."""
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter

    from reader.core.vertical import to_vertical_forms

    text = "「天下，大勢。」：『分久』（必合）《三國》……——！？、～"
    em, top, pitch = 34, 70, 62
    columns = [("SC", "vert"), ("SC", "U+FE"), ("TC", "vert"), ("TC", "U+FE")]
    image = QImage(pitch * len(columns) + 40, top + len(text) * em + 20, QImage.Format.Format_RGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    label = QFont("Noto Sans CJK SC")
    label.setPixelSize(13)
    for n, (region, way) in enumerate(columns):
        x = image.width() - 20 - (n + 1) * pitch + (pitch - em) / 2
        painter.setPen(QColor("#555555"))
        painter.setFont(label)
        painter.drawText(
            QRectF(x - 10, 8, em + 20, 50), int(Qt.AlignmentFlag.AlignHCenter), f"{region}\n{way}"
        )
        font = QFont(f"Noto Serif CJK {region}")
        font.setPixelSize(em)
        shown = text
        if way == "vert":
            font.setFeature(QFont.Tag("vert"), 1)
        else:
            shown = to_vertical_forms(text)
        metrics = QFontMetricsF(font)
        painter.setFont(font)
        for i, char in enumerate(shown):
            y = top + i * em
            painter.setPen(QColor("#dddddd"))
            painter.drawRect(QRectF(x, y, em, em))
            painter.setPen(QColor("#000000"))
            painter.drawText(
                QPointF(x + (em - metrics.horizontalAdvance(char)) / 2, y + 0.88 * em), char
            )
    painter.end()
    return image


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        settings = QSettings(str(Path(tmp) / "zhreader.ini"), QSettings.Format.IniFormat)
        window = MainWindow(settings)
        window.resize(1280, 820)
        window.show()
        wait_for(window.document_shown, lambda: window.open_initial(None))
        settle(app)
        shots = {}
        shots["original"] = window.grab()
        toolbar = window.findChild(QToolBar, "mainToolbar")
        shots["toolbar-light"] = toolbar.grab()
        wait_for(window.conversion_finished, lambda: window.set_script_mode(ScriptMode.SIMPLIFIED))
        window.go_to_block(13)
        settle(app)
        shots["simplified"] = window.grab()
        wait_for(window.conversion_finished, lambda: window.set_script_mode(ScriptMode.ORIGINAL))
        window.set_theme("dark")
        window.go_to_block(25)
        settle(app)
        shots["dark"] = window.grab()
        shots["toolbar-dark"] = toolbar.grab()
        window.set_theme("sepia")
        window.find_bar.open_bar()
        wait_for(window.search_finished, lambda: window.find_bar.edit.setText("发展"))
        settle(app)
        shots["find"] = window.grab()
        window.find_bar.close_bar()
        window.set_theme("light")
        wait_for(window.conversion_finished, lambda: window.set_script_mode(ScriptMode.TAIWAN))
        window.go_to_block(16)
        settle(app)
        shots["taiwan"] = window.grab()
        wait_for(window.conversion_finished, lambda: window.set_script_mode(ScriptMode.ORIGINAL))
        window.set_theme("light")
        readme = write_markdown_sample(Path(tmp))
        window.resize(1280, 1180)  # tall enough for the list, code, table and picture
        wait_for(window.document_shown, lambda: window.open_path(str(readme)))
        settle(app)
        shots["markdown"] = window.grab()
        window.resize(1280, 820)
        article = str(bundled_article_path())
        wait_for(window.document_shown, lambda: window.open_path(article))
        window.actions_.vertical.setChecked(True)  # View ▸ Vertical
        pages_counted(app, window.view)
        shots["vertical-article"] = window.grab()
        window.set_theme("dark")
        window.go_to_block(25)
        pages_counted(app, window.view)
        shots["vertical-article-dark"] = window.grab()
        window.set_theme("light")
        window.actions_.vertical.setChecked(False)  # the article is read across again below
        classic = Path(tmp) / "紅樓夢 第一回.txt"
        classic.write_text(CLASSIC_SAMPLE, encoding="utf-8")
        wait_for(window.document_shown, lambda: window.open_path(str(classic)))
        window.actions_.vertical.setChecked(True)
        pages_counted(app, window.view)
        shots["vertical-classic"] = window.grab()
        window.set_theme("dark")
        settle(app)
        shots["vertical-classic-dark"] = window.grab()
        window.set_theme("light")
        window.actions_.vertical.setChecked(False)
        punctuation_comparison().save(str(OUT / "vertical-punctuation.png"))
        shots["app-icon"] = app_icon_sheet()
        shots.update(review_shots(app, window, Path(tmp)))
        window.close()
        shots.update(language_shots(app, Path(tmp)))
        for name, pixmap in shots.items():
            path = OUT / f"{name}.png"
            pixmap.save(str(path))
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
