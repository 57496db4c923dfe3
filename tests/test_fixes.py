"""The reader's fixes: applied where asked, kept per document, and a bad file loses nothing."""

from __future__ import annotations

import json

from reader.core.convert import ScriptMode, convert, convert_chunk
from reader.core.fixes import (
    Fix,
    Fixes,
    apply_replacements,
    fixes_path,
    load_fixes,
    parse_dictionary,
    save_fixes,
)
from reader.core.segments import SegmentKind, block_segments

CHAIN = ("s2t",)
TEXTS = ("她剪了发，发了呆。", "他的发很长。")


def converted(fixes: Fixes, mode: str = "traditional") -> tuple[str, ...]:
    replaced = fixes.replacements(TEXTS, mode)
    return convert_chunk(TEXTS, range(len(TEXTS)), CHAIN, None, replaced).texts


def test_a_fix_at_one_place_changes_only_that_place():
    fixes = Fixes((Fix("发", "髮", "traditional", block=0, start=3),))
    assert converted(fixes) == ("她剪了髮，發了呆。", "他的發很長。")


def test_a_fix_everywhere_changes_every_same_phrase_but_a_place_fix_wins():
    fixes = Fixes(
        (Fix("发", "髮", "traditional"), Fix("发", "發", "traditional", block=0, start=5))
    )
    assert converted(fixes) == ("她剪了髮，發了呆。", "他的髮很長。")


def test_fixes_made_in_traditional_do_not_apply_to_simplified_or_the_original():
    fixes = Fixes((Fix("发", "髮", "traditional"),))
    assert fixes.replacements(TEXTS, ScriptMode.SIMPLIFIED) == {}
    assert fixes.replacements(TEXTS, ScriptMode.ORIGINAL) == {}
    assert fixes.replacements(TEXTS, ScriptMode.TAIWAN)  # every Traditional shares them


def test_a_place_fix_whose_text_changed_is_left_out():
    fixes = Fixes((Fix("发", "髮", "traditional", block=1, start=0),))
    assert fixes.replacements(TEXTS, "traditional") == {}


def test_user_dictionary_lines_apply_after_the_documents_fixes():
    entries = parse_dictionary("# mine\n发呆\t發獃 發呆\n\n发 髮\n")
    assert entries == (Fix("发呆", "發獃"), Fix("发", "髮"))
    fixes = Fixes((Fix("发", "發", "traditional"),), entries)
    assert converted(fixes) == ("她剪了發，發了呆。", "他的發很長。")
    assert converted(Fixes((), entries)) == ("她剪了髮，髮了呆。", "他的髮很長。")


def test_a_fix_maps_through_a_conversion_that_changed_lengths():
    chain = ("s2twp",)
    source = "坐的士去发廊"
    shown = convert(source, chain)
    assert "計程車" in shown
    fixed = apply_replacements(source, shown, ((4, 5, "髮"),))
    assert fixed.endswith("髮廊") and "計程車" in fixed


def test_segments_name_a_fix_as_the_reason():
    source = "她剪了发"
    shown = apply_replacements(source, convert(source, CHAIN), ((3, 4, "髮"),))
    segments = block_segments(CHAIN, source, shown, [(3, 4)])
    assert segments[-1].kind is SegmentKind.FIX and not segments[-1].uncertain


def test_fixes_survive_a_save_and_a_load(tmp_path):
    path = fixes_path("abc", tmp_path)
    fixes = (Fix("发", "髮", "traditional", 0, 3), Fix("后", "后", "traditional"))
    save_fixes(path, fixes, "標題")
    assert load_fixes(path) == (fixes, None)
    save_fixes(path, ())
    assert not path.exists()


def test_a_corrupt_fixes_file_is_kept_aside_and_reported_in_one_line(tmp_path):
    path = fixes_path("abc", tmp_path)
    path.write_text('{"fixes": [', encoding="utf-8")
    fixes, problem = load_fixes(path)
    assert fixes == () and problem is not None
    assert not path.exists()
    assert problem.kept_as is not None and problem.kept_as.read_text() == '{"fixes": ['
    assert "\n" not in problem.reason


def test_a_file_of_the_wrong_shape_is_kept_aside_too(tmp_path):
    path = fixes_path("abc", tmp_path)
    path.write_text(json.dumps({"fixes": [{"source": 3}]}), encoding="utf-8")
    fixes, problem = load_fixes(path)
    assert fixes == () and problem is not None and problem.kept_as.exists()


def test_a_converted_book_gets_the_fixes_made_everywhere(tmp_path):
    from reader.cli import main
    from reader.core.fixes import paragraph_fixer
    from reader.core.formats.epub import open_epub
    from reader.core.formats.epub_writer import convert_epub
    from tests.epub_books import simple_book

    book = simple_book(tmp_path / "b.epub", {"c1.xhtml": "<p>她剪了<b>发</b>，又剪了发。</p>"})
    out = tmp_path / "out.epub"
    fixes = Fixes((Fix("剪了发", "剪了髮", "traditional"),))
    convert_epub(book, out, CHAIN, "zh-Hant", fixes=paragraph_fixer(fixes, "traditional"))
    assert "她剪了髮，又剪了髮" in open_epub(out).text
    dictionary = tmp_path / "mine.txt"
    dictionary.write_text("又剪了发\t又剪了髮\n", encoding="utf-8")
    cli_out = tmp_path / "cli.epub"
    args = ["convert", str(book), "--to", "traditional", "--fixes", str(dictionary)]
    assert main([*args, "-o", str(cli_out)]) == 0
    assert "她剪了發，又剪了髮" in open_epub(cli_out).text
