"""Source-script detection and search across scripts."""

from __future__ import annotations

from conftest import SIMPLIFIED, TRADITIONAL
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.corpus import novel
from reader.core import open_document
from reader.core.convert import Script, ScriptMode, conversion_chain, convert
from reader.core.script import detect_script
from reader.core.search import Match, find_in_blocks, fold, map_span, search_pattern


def test_bundled_article_is_traditional(article_path):
    assert detect_script(open_document(article_path).text) is Script.TRADITIONAL


def test_short_texts_are_classified():
    assert detect_script("发展") is Script.SIMPLIFIED
    assert detect_script("發展") is Script.TRADITIONAL
    assert detect_script(SIMPLIFIED) is Script.SIMPLIFIED
    assert detect_script(TRADITIONAL) is Script.TRADITIONAL


def test_long_texts_are_classified():
    assert detect_script(novel(400_000, "traditional")) is Script.TRADITIONAL
    assert detect_script(novel(400_000, "simplified")) is Script.SIMPLIFIED


def test_mixed_or_undecidable_texts_are_mixed():
    assert detect_script("发展和發展,头发和頭髮") is Script.MIXED
    assert detect_script("Hello, 中文") is Script.MIXED
    assert detect_script("") is Script.MIXED


def find_all(text: str, query: str, exact: bool = False) -> list[tuple[int, int]]:
    """Spans of the matches in one block of text."""
    return [(m.start, m.end) for m in find_in_blocks([text], query, exact)]


def test_matches_name_their_block_and_never_span_blocks():
    texts = ["發展", "展望發", "展", "后来的發展"]
    assert find_in_blocks(texts, "发展") == [Match(0, 0, 2), Match(3, 3, 5)]
    assert find_in_blocks(texts, "後") == [Match(3, 0, 1)]


def test_a_cancelled_search_answers_nothing():
    assert find_in_blocks(["發展"] * 10, "发展", cancelled=lambda: True) is None


def test_simplified_query_finds_every_traditional_match(article_path):
    text = open_document(article_path).text
    spans = find_all(text, "发展")
    assert len(spans) == text.count("發展") > 0
    assert all(text[a:b] == "發展" for a, b in spans)
    assert len(find_all(text, "数据")) == text.count("數據") > 0


def test_traditional_query_finds_simplified_text():
    text = convert("頭髮和發展,後來的皇后", ("t2s",))
    assert find_all(text, "發展") == [(3, 5)]
    assert text == "头发和发展,后来的皇后"
    assert find_all(text, "後") == [(6, 7), (10, 11)]


def test_exact_search_matches_only_the_same_characters(article_path):
    text = open_document(article_path).text
    assert find_all(text, "发展", exact=True) == []
    assert len(find_all(text, "發展", exact=True)) == text.count("發展")


def test_full_width_and_case_are_folded():
    assert find_all("ＯＰＥＮＣＣ與OpenCC", "opencc") == [(0, 6), (7, 13)]


def test_empty_query_finds_nothing():
    assert find_all("文字", "") == []
    assert search_pattern("") is None


def test_query_with_regex_characters_is_literal():
    assert find_all("a.b(c)*[d]", "(c)*") == [(3, 7)]


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_fold_is_length_preserving_and_idempotent(text):
    folded = fold(text)
    assert len(folded) == len(text)
    assert fold(folded) == folded


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1, max_size=40), st.integers(0, 40), st.integers(1, 5))
def test_search_finds_what_fold_says_matches(text, start, width):
    query = text[start : start + width] or text[:1]
    spans = find_all(text, query)
    assert spans, "a substring is always found"
    for a, b in spans:
        assert fold(text[a:b]) == fold(query)


def test_search_finds_what_phrase_conversion_shows_and_what_the_source_says():
    sources = ["我们的软件和信息", "没有"]
    chain = conversion_chain(Script.SIMPLIFIED, ScriptMode.TAIWAN, phrases=True)
    shown = [convert(t, chain) for t in sources]
    assert shown[0] == "我們的軟體和資訊"
    for query in ("软件", "軟體", "軟件"):
        assert find_in_blocks(shown, query, sources=sources) == [Match(0, 3, 5)]
    assert find_in_blocks(shown, "软件") == []  # without the sources only the shown words match
    assert find_in_blocks(shown, "资讯", sources=sources) == [Match(0, 6, 8)]


def test_source_matches_map_onto_longer_or_shorter_phrases():
    sources = ["他坐的士回家，的士很快"]
    shown = [convert(sources[0], ("s2twp",))]
    assert shown[0] == "他坐計程車回家，計程車很快"
    assert find_in_blocks(shown, "的士", sources=sources) == [Match(0, 2, 5), Match(0, 8, 11)]
    assert find_in_blocks(shown, "回家", sources=sources) == [Match(0, 5, 7)]
    assert map_span("的士很快", "計程車很快", 2, 4) == (3, 5)


def test_exact_search_matches_only_what_is_shown():
    assert find_in_blocks(["軟體"], "软件", exact=True, sources=["软件"]) == []
    assert find_in_blocks(["軟體"], "軟體", exact=True, sources=["软件"]) == [Match(0, 0, 2)]


def test_a_match_in_both_texts_is_reported_once():
    assert find_in_blocks(["發展"], "发展", sources=["发展"]) == [Match(0, 0, 2)]
