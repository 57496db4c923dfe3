"""The interface in English, 简体中文 and 繁體中文: language choice, translated window,
Qt's own dialogs, translated open errors, and translation files kept complete."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSettings, Qt
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QMenu, QToolBar

from reader.i18n import FOLDER, LANGUAGES, PLURALS_ONLY
from reader.ui.i18n import InterfaceLanguage, chosen_language, language_for_locale

ROOT = Path(__file__).resolve().parents[1]

#: What a reader sees in each language: menus, the toolbar's Open, Qt's own Cancel button.
EXPECTED = {
    "zh_CN": {
        "menus": ["文件(&F)", "编辑(&E)", "查看(&V)", "工具(&T)", "帮助(&H)"],
        "open": "打开(&O)…",
        "buttons": ["打开", "大纲", "地区用词", "查找", "缩小", "放大"],
        "cancel": "取消",
        "save": "保存",
        "showing": "显示：简体",
        "preferences": "首选项",
        "language": "语言：",
    },
    "zh_TW": {
        "menus": ["檔案(&F)", "編輯(&E)", "檢視(&V)", "工具(&T)", "說明(&H)"],
        "open": "打開(&O)…",
        "buttons": ["打開", "大綱", "地區用詞", "尋找", "縮小", "放大"],
        "cancel": "取消",
        "save": "儲存",
        "showing": "顯示：简体",
        "preferences": "偏好設定",
        "language": "語言：",
    },
    "en_US": {
        "menus": ["&File", "&Edit", "&View", "&Tools", "&Help"],
        "open": "&Open…",
        "buttons": [
            "Open",
            "Outline",
            "Phrases",
            "Find",
            "Zoom Out",
            "Zoom In",
        ],
        "cancel": "Cancel",
        "save": "Save",
        "showing": "Showing: 简体",
        "preferences": "Preferences",
        "language": "Language:",
    },
}


@pytest.fixture
def interface(qtbot):
    """The application's translators; back to English after the test."""
    language = InterfaceLanguage.of(QApplication.instance())
    yield language
    language.clear()


@pytest.mark.parametrize(
    ("locale", "language"),
    [
        ("zh_CN", "zh_Hans"),
        ("zh_SG", "zh_Hans"),
        ("zh_TW", "zh_Hant"),
        ("zh_HK", "zh_Hant"),
        ("zh_MO", "zh_Hant"),
        ("zh_Hant_CN", "zh_Hant"),
        ("en_US", "en"),
        ("ja_JP", "en"),
        ("C", "en"),
    ],
)
def test_the_interface_language_follows_the_system_locale(locale, language):
    assert language_for_locale(QLocale(locale)) == language


@pytest.mark.parametrize("locale", ["zh_CN", "zh_TW", "en_US"])
def test_menus_toolbar_status_bar_and_dialogs_speak_the_system_language(
    locale, interface, make_window, qtbot
):
    from reader.core.convert import ScriptMode
    from reader.ui.dialogs.preferences import PreferencesDialog

    interface.apply("system", QLocale(locale))
    want = EXPECTED[locale]
    window = make_window()
    with qtbot.waitSignal(window.conversion_finished, timeout=20_000):
        window.set_script_mode(ScriptMode.SIMPLIFIED)

    assert [a.text() for a in window.menuBar().actions()] == want["menus"]
    toolbar = window.findChild(QToolBar, "mainToolbar")
    assert want["open"] in [a.text() for a in toolbar.actions()]
    buttons = [a.iconText() for a in toolbar.actions() if a.text() and not a.isSeparator()]
    assert buttons == want["buttons"]
    assert window.status.shown.text() == want["showing"]

    dialog = PreferencesDialog(window.store.preferences, [], window)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == want["preferences"]
    assert want["language"] in [label.text() for label in dialog.findChildren(QLabel)]
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == want["cancel"]
    save = QDialogButtonBox(QDialogButtonBox.StandardButton.Save)
    assert save.button(QDialogButtonBox.StandardButton.Save).text() == want["save"]


def test_hong_kong_and_macao_get_taiwan_qt_dialogs(interface):
    for locale in ("zh_HK", "zh_MO"):
        assert interface.apply("system", QLocale(locale)) == "zh_Hant"
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Save)
        assert box.button(QDialogButtonBox.StandardButton.Save).text() == "儲存"


def choose_language(window, qtbot, language: str) -> None:
    """Preferences ▸ Language, then OK."""
    from reader.ui.dialogs.preferences import PreferencesDialog

    dialog = PreferencesDialog(window.store.preferences, [], window)
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData(language))
    window.apply_preferences(dialog.chosen())


def menu_titles(window) -> list[str]:
    return [a.text() for a in window.menuBar().actions()]


def test_preferences_offer_the_languages_and_say_when_they_apply(interface, make_window, qtbot):
    from reader.ui.dialogs.preferences import PreferencesDialog

    interface.apply("system", QLocale("en_US"))
    window = make_window()
    dialog = PreferencesDialog(window.store.preferences, [], window)
    qtbot.addWidget(dialog)
    labels = [dialog.language.itemText(i) for i in range(dialog.language.count())]
    assert labels == ["System", "English", "简体中文", "繁體中文"]
    assert dialog.language_note.text() == "The interface changes language at once."


def test_choosing_a_language_rewords_the_open_window_at_once(interface, make_window, qtbot):
    from reader.core.convert import ScriptMode

    interface.apply("system", QLocale("en_US"))
    window = make_window()
    window.find_bar.open_bar()
    shortcuts_before = sorted(a.shortcut().toString() for a in window.actions())
    menus_before = len(window.menuBar().findChildren(QMenu))
    icon = QPixmap(16, 16)
    icon.fill(Qt.GlobalColor.darkBlue)
    window.actions_.open.setIcon(QIcon(icon))  # set by the window, not by ActionBuilder

    choose_language(window, qtbot, "zh_Hant")
    qtbot.waitUntil(lambda: menu_titles(window) == EXPECTED["zh_TW"]["menus"])
    toolbar = window.findChild(QToolBar, "mainToolbar")
    buttons = [a.iconText() for a in toolbar.actions() if a.text() and not a.isSeparator()]
    assert buttons == EXPECTED["zh_TW"]["buttons"]
    assert window.status.source.text() == "原文：繁體（大陸用字）（自動偵測）"
    assert window.find_bar.edit.placeholderText() == "尋找（搜「发展」也能找到「發展」）"
    assert window.outline.windowTitle() == "大綱"
    # Panels made before the switch are reworded too.
    assert window.review.fixes_panel.windowTitle() == "轉換修正"
    assert window.review.fixes_panel.remove_button.text() == "移除修正(&R)"
    assert window.review.panel.windowTitle() == "轉換"
    # The new actions are the only ones, and they work.
    assert sorted(a.shortcut().toString() for a in window.actions()) == shortcuts_before
    assert not window.actions_.open.icon().isNull()
    with qtbot.waitSignal(window.conversion_finished, timeout=20_000):
        window.actions_.script_modes[ScriptMode.SIMPLIFIED].trigger()
    assert window.status.shown.text() == "顯示：简体"
    assert window.script_box.currentData() == ScriptMode.SIMPLIFIED.value

    choose_language(window, qtbot, "zh_Hans")
    qtbot.waitUntil(lambda: menu_titles(window) == EXPECTED["zh_CN"]["menus"])
    assert window.status.shown.text() == "显示：简体"
    assert window.actions_.script_modes[ScriptMode.SIMPLIFIED].isChecked()

    choose_language(window, qtbot, "en")
    qtbot.waitUntil(lambda: menu_titles(window) == EXPECTED["en_US"]["menus"])
    assert window.status.shown.text() == "Showing: 简体"
    assert window.find_bar.edit.placeholderText() == "Find (发展 also finds 發展)"
    # The old actions, menus and toolbar are gone, not hidden beside the new ones.
    from reader.ui.actions import ActionBuilder

    qtbot.waitUntil(lambda: len(window.findChildren(ActionBuilder)) == 3)
    assert len(window.findChildren(QToolBar)) == 1
    assert len(window.menuBar().findChildren(QMenu)) == menus_before


def test_the_chosen_language_wins_over_the_system_at_the_next_start(
    interface, make_window, settings_path, qtbot
):
    interface.apply("system", QLocale("en_US"))
    window = make_window()
    choose_language(window, qtbot, "zh_Hant")
    window.close()

    settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
    assert chosen_language(settings) == "zh_Hant"
    assert interface.apply(chosen_language(settings), QLocale("en_US")) == "zh_Hant"
    again = make_window()
    assert menu_titles(again) == EXPECTED["zh_TW"]["menus"]


def test_a_corrupt_language_setting_follows_the_system(tmp_path):
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    settings.setValue("reading/language", "klingon")
    assert chosen_language(settings) == "system"


@pytest.mark.parametrize(
    ("locale", "missing", "folder"),
    [
        ("zh_CN", "：文件不存在", "：这是文件夹，不是文档"),
        ("zh_TW", "：檔案不存在", "：這是資料夾，不是文件"),
        ("en_US", ": no such file", ": is a folder, not a document"),
    ],
)
def test_a_file_that_cannot_be_opened_is_explained_in_the_interface_language(
    locale, missing, folder, interface, make_window, tmp_path, qtbot, message_boxes
):
    interface.apply("system", QLocale(locale))
    window = make_window()
    for path, ending in ((tmp_path / "gone.txt", missing), (tmp_path, folder)):
        with qtbot.waitSignal(window.load_failed, timeout=20_000) as failed:
            window.open_path(str(path))
        assert failed.args[0] == f"{path}{ending}"
    assert message_boxes[-1] == ("warning", f"{tmp_path}{folder}")


def test_the_operating_systems_reason_is_translated(interface):
    import errno

    from reader.core.loading import UnreadableError
    from reader.ui.error_texts import open_error_message

    error = UnreadableError(
        "a.txt: cannot be read (Permission denied)",
        "unreadable",
        path="a.txt",
        reason="Permission denied",
        errno=errno.EACCES,
    )
    assert open_error_message(error) == "a.txt: cannot be read (Permission denied)"
    interface.apply("zh_Hans")
    assert open_error_message(error) == "a.txt：无法读取（权限不足）"
    interface.apply("zh_Hant")
    assert open_error_message(error) == "a.txt：無法讀取（權限不足）"


def test_a_file_name_with_placeholders_stays_as_it_is(interface):
    from reader.core.loading import read_document_bytes
    from reader.ui.error_texts import open_error_message

    interface.apply("zh_Hans")
    with pytest.raises(Exception) as raised:
        read_document_bytes("/nonexistent/%2 100%1.txt")
    assert open_error_message(raised.value) == "/nonexistent/%2 100%1.txt：文件不存在"


def test_english_counts_one_character_and_many_characters(interface, make_window, write):
    interface.apply("en")
    window = make_window(str(write("one.txt", "字")))
    assert window.status.chars.text() == "1 character"
    window.status.show_document("UTF-8", *_facts(window), 2)
    assert window.status.chars.text() == "2 characters"
    interface.apply("zh_Hant")
    window.status.show_document("UTF-8", *_facts(window), 12345)
    assert window.status.chars.text() == "12,345 字"


def _facts(window):
    from reader.core.convert import Script, ScriptMode

    return Script.TAIWAN, True, ScriptMode.ORIGINAL, False


def test_every_translation_file_is_complete_and_built():
    """lupdate over the sources finds no string missing from a .ts file, no entry is
    unfinished or obsolete, no string sits outside a translation context, and every .qm
    is exactly what lrelease makes from its .ts (python -m reader.i18n.update --check)."""
    from reader.i18n.update import check

    assert check() == []


def test_the_check_catches_a_new_string_and_a_string_outside_a_class(tmp_path, monkeypatch):
    from reader.i18n import update

    sources = tmp_path / "reader"
    (sources / "ui").mkdir(parents=True)
    for path in (ROOT / "reader").rglob("*.py"):
        target = sources / path.relative_to(ROOT / "reader")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(path.read_bytes())
    (sources / "ui" / "extra.py").write_text(
        "from PySide6.QtCore import QObject\n\n"
        "class Extra(QObject):\n"
        "    def label(self):\n"
        "        return self.tr('A new label')\n\n"
        "def loose(window):\n"
        "    return window.tr('Loose text')\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(update, "SOURCES", sources)
    problems = "\n".join(update.check())
    assert "A new label" in problems
    assert "Loose text" in problems


def test_the_qm_files_load_and_translate():
    from PySide6.QtCore import QTranslator

    for language in (*LANGUAGES, *PLURALS_ONLY):
        translator = QTranslator()
        assert translator.load(f"zhreader_{language}", str(FOLDER))
        assert not translator.isEmpty()


def test_the_wheel_ships_the_translations(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(tmp_path), str(ROOT)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0 and "hatchling" in done.stderr and "No matching" in done.stderr:
        pytest.skip("the build backend cannot be installed here")
    assert done.returncode == 0, done.stderr[-2000:]
    (wheel,) = tmp_path.glob("zhreader-*.whl")
    with zipfile.ZipFile(wheel) as zf:
        for language in (*LANGUAGES, *PLURALS_ONLY):
            qm = f"zhreader_{language}.qm"
            assert zf.read(f"reader/i18n/{qm}") == (FOLDER / qm).read_bytes()


@pytest.mark.parametrize(
    ("language", "note"),
    [
        ("en", "3 places with undecodable bytes in UTF-8, shown as �"),
        ("zh_Hans", "3 处字节无法按 UTF-8 解码，已显示为 �"),
        ("zh_Hant", "3 處位元組無法以 UTF-8 解碼，已顯示為 �"),
    ],
)
def test_notes_about_an_opened_document_are_in_the_interface_language(
    language, note, interface, make_window, write
):
    interface.apply(language)
    bad = write("bad.txt", "第一章 開始\n".encode() + b"\xff\xfe\xfd" + "。\n".encode())
    window = make_window(str(bad))
    assert window.status.currentMessage() == note


@pytest.mark.parametrize(
    ("chapters", "english", "chinese"),
    [
        (["gone.xhtml"], "1 chapter missing from the book: OEBPS/gone.xhtml", "書中缺少 1 個章節"),
        (
            ["x.xhtml", "y.xhtml"],
            "2 chapters missing from the book: OEBPS/x.xhtml",
            "書中缺少 2 個章節",
        ),
    ],
)
def test_a_books_notes_count_in_english_and_chinese(
    chapters, english, chinese, interface, make_window, tmp_path, qtbot
):
    from tests.epub_books import opf, write_epub, xhtml

    members = {
        "OEBPS/a.xhtml": xhtml("<h1>第一章</h1><p>還在</p>"),
        "OEBPS/content.opf": opf(["a.xhtml", *chapters], nav=False),
    }
    book = write_epub(tmp_path / "book.epub", members)
    interface.apply("en")
    window = make_window(str(book))
    assert window.status.currentMessage().startswith(english)
    interface.apply("zh_Hant")
    with qtbot.waitSignal(window.document_shown, timeout=20_000):
        window.reload()
    assert window.status.currentMessage().startswith(chinese + "：OEBPS/")


def test_a_full_disk_is_reported_in_the_interface_language(
    interface, make_window, tmp_path, monkeypatch, message_boxes
):
    import errno

    def full(path, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("reader.ui.export.write_atomically", full)
    interface.apply("zh_Hans")
    window = make_window()
    target = tmp_path / "导出.txt"
    assert not window.exporter.write_text(str(target), window.session.rendition)
    assert message_boxes[-1] == ("warning", f"无法写入 {target}：设备上没有剩余空间")


def test_a_picture_that_is_not_shown_says_why_in_the_new_language(
    interface, make_window, write, qtbot
):
    page = write("page.md", "# 標題\n\n![遠端](https://example.com/x.png)\n\n正文。\n")
    interface.apply("en")
    window = make_window(str(page))
    picture = next(
        i for i, b in enumerate(window.session.prepared.document.blocks) if b.image is not None
    )
    assert window.view._laid(picture).image_note.endswith(
        "(not fetched: only pictures beside the document are shown)"
    )
    choose_language(window, qtbot, "zh_Hans")
    qtbot.waitUntil(lambda: menu_titles(window) == EXPECTED["zh_CN"]["menus"])
    assert window.view._laid(picture).image_note == (
        "https://example.com/x.png（未下载：只显示与文档放在一起的图片）"
    )


@pytest.mark.parametrize(
    ("environment", "file_menu"),
    [
        ({"LANG": "zh_CN.UTF-8"}, "文件(&F)"),
        ({"LANG": "zh_HK.UTF-8"}, "檔案(&F)"),
        ({"LANG": "en_US.UTF-8", "LC_MESSAGES": "zh_TW.UTF-8"}, "檔案(&F)"),
        ({"LANG": "fr_FR.UTF-8", "LANGUAGE": "fr:zh_TW:en"}, "檔案(&F)"),
        ({"LANG": "de_DE.UTF-8"}, "&File"),
    ],
)
def test_a_fresh_start_reads_the_desktops_language(environment, file_menu, tmp_path):
    """The reader started by a desktop in that language (a new process: Qt reads the
    locale once)."""
    code = (
        "from PySide6.QtCore import QCoreApplication as A\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from reader.ui.i18n import InterfaceLanguage\n"
        "app = QApplication([])\n"
        "InterfaceLanguage.of(app).apply('system')\n"
        "print(A.translate('ActionBuilder', '&File'))\n"
    )
    env = {
        "PATH": "/usr/bin:/bin",
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": str(ROOT),
        "HOME": str(tmp_path),
        **environment,
    }
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == file_menu


def test_a_language_switch_in_full_screen_keeps_only_the_page(interface, make_window, qtbot):
    interface.apply("en")
    window = make_window()
    window.set_full_screen(True)
    interface.apply("zh_Hans")
    qtbot.waitUntil(lambda: menu_titles(window) == EXPECTED["zh_CN"]["menus"])
    assert window.actions_.full_screen.isChecked()
    assert not window.menuBar().isVisible()
    assert not window.findChild(QToolBar, "mainToolbar").isVisible()
    window.actions_.escape.trigger()  # Esc, with the new actions
    assert not window.isFullScreen()
    assert window.findChild(QToolBar, "mainToolbar").isVisible()


@pytest.mark.parametrize(
    ("stored", "file_menu"),
    [(None, "檔案(&F)"), ("zh_Hans", "文件(&F)"), ("en", "&File")],
)
def test_the_reader_starts_in_the_stored_or_the_desktops_language(
    stored, file_menu, tmp_path, article_path
):
    """`zhreader` on a Taiwanese desktop: 繁體中文 unless Preferences chose otherwise."""
    config = tmp_path / "config"
    if stored is not None:
        ini = config / "ZhReader" / "zhreader.ini"
        ini.parent.mkdir(parents=True)
        ini.write_text(f"[reading]\nlanguage={stored}\n", encoding="utf-8")
    code = (
        "from PySide6.QtWidgets import QApplication, QMainWindow\n"
        "from reader.ui import app\n"
        "def shown(self):\n"
        "    (window,) = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMainWindow)]\n"
        "    print(window.menuBar().actions()[0].text())\n"
        "    return 0\n"
        "QApplication.exec = shown\n"
        f"app.run_app({str(article_path)!r})\n"
    )
    env = {
        "PATH": "/usr/bin:/bin",
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": str(ROOT),
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(config),
        "LANG": "zh_TW.UTF-8",
    }
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == file_menu
