"""Regions of Traditional text, and chains that respect them (issue: regional text)."""

from __future__ import annotations

import pytest

from reader.core import open_document
from reader.core.convert import (
    PhrasesNote,
    Script,
    ScriptMode,
    convert,
    phrases_note,
    plan_conversion,
)
from reader.core.resources import bundled_article_path
from reader.core.script import Region, detect_region, detect_source
from reader.core.tables import mainland_variants, standard_variants


@pytest.fixture(scope="module")
def article() -> str:
    return open_document(bundled_article_path()).text


def shown(text: str, target: ScriptMode, phrases: bool) -> str:
    return convert(text, plan_conversion(detect_source(text), target, phrases).chain)


def test_the_bundled_article_is_mainland_traditional(article):
    guess = detect_region(article)
    assert guess.region is Region.MAINLAND
    assert guess.confidence >= 0.5
    assert ("産", article.count("産")) in guess.evidence
    assert detect_source(article) is Script.MAINLAND_TRADITIONAL


def test_taiwan_and_hong_kong_text_are_recognised():
    assert detect_region("他說軟體和資訊都在網路上，影片在伺服器裡。").region is Region.TAIWAN
    assert detect_region("佢哋喺度食嘢，搭的士返屋企，衞生好重要。").region is Region.HONGKONG


def test_opencc_standard_text_with_mainland_words_is_standard(article):
    standard = convert(convert(article, ("t2s",)), ("s2t",))
    assert detect_region(standard).region is Region.STANDARD
    assert detect_source(standard) is Script.TRADITIONAL


def test_little_evidence_claims_no_region():
    guess = detect_region("天下大事")
    assert guess == guess.__class__(Region.STANDARD, 0.0, ())


def test_simplified_of_the_article_with_phrases_keeps_mainland_words(article):
    simplified = shown(article, ScriptMode.SIMPLIFIED, phrases=True)
    for wrong in ("调用中心", "智能城市", "集成资源", "添加就业", "创建起", "拷贝"):
        assert wrong not in simplified
    assert "呼叫中心" in simplified and "智慧城市" in simplified


def test_taiwan_standard_of_the_article_uses_taiwan_variants(article):
    taiwan = shown(article, ScriptMode.TAIWAN, phrases=False)
    assert "說" in taiwan and "產" in taiwan
    assert "説" not in taiwan and "産" not in taiwan


def test_taiwan_standard_with_phrases_uses_taiwan_words(article):
    taiwan = shown(article, ScriptMode.TAIWAN, phrases=True)
    assert "資訊" in taiwan and "信息" not in taiwan
    assert convert(
        "軟件和信息", plan_conversion(Script.TRADITIONAL, ScriptMode.TAIWAN, True).chain
    ) == ("軟體和資訊")


def test_hong_kong_standard_of_mainland_traditional_uses_hong_kong_variants(article):
    hongkong = shown(article, ScriptMode.HONGKONG, phrases=False)
    assert "産" not in hongkong and "產" in hongkong
    assert "説" in hongkong  # Hong Kong's standard writes 説


def test_normalising_variants_never_changes_standard_text():
    table = standard_variants()
    standard = set(convert("".join(sorted(set(table.values()))), ("t2s", "s2t")))
    assert not standard & set(table)
    assert {"説", "産"} <= set(table) and table["説"] == "說" and table["産"] == "產"
    assert "産" in mainland_variants() and "説" not in mainland_variants()


@pytest.mark.parametrize(
    ("source", "target", "note"),
    [
        (Script.MAINLAND_TRADITIONAL, ScriptMode.SIMPLIFIED, PhrasesNote.SAME_VOCABULARY),
        (Script.TRADITIONAL, ScriptMode.SIMPLIFIED, PhrasesNote.SOURCE_REGION_UNKNOWN),
        (Script.SIMPLIFIED, ScriptMode.TRADITIONAL, PhrasesNote.TARGET_HAS_NO_VOCABULARY),
        (Script.TAIWAN, ScriptMode.TAIWAN, PhrasesNote.SAME_STANDARD),
        (Script.TAIWAN, ScriptMode.ORIGINAL, PhrasesNote.NOT_CONVERTING),
        (Script.MAINLAND_TRADITIONAL, ScriptMode.TAIWAN, None),
        (Script.TRADITIONAL, ScriptMode.HONGKONG, None),
        (Script.TAIWAN, ScriptMode.SIMPLIFIED, None),
    ],
)
def test_each_pair_says_why_phrases_do_not_apply(source, target, note):
    assert phrases_note(source, target) is note
    plan = plan_conversion(source, target, phrases=True)
    assert plan.note is note
    assert plan.phrases == (note is None)
    if note is not None:
        assert plan.chain == plan_conversion(source, target, phrases=False).chain


@pytest.fixture(scope="module")
def simplified_prose() -> str:
    from benchmarks.bench_guard import prose

    return prose("simplified")[:30_000]


@pytest.mark.parametrize(
    ("config", "region"),
    [("s2tw", Region.TAIWAN), ("s2hk", Region.HONGKONG), ("s2t", Region.STANDARD)],
)
def test_each_regional_standard_of_real_prose_is_recognised(simplified_prose, config, region):
    assert detect_region(convert(simplified_prose, (config,))).region is region


def test_説_with_産_is_mainland_and_with_產_hong_kong():
    assert detect_region("他説這個産品很好，我們生産了很多。").region is Region.MAINLAND
    assert detect_region("他説這個產品很好，我們生產了很多，衞生也好。").region is Region.HONGKONG
