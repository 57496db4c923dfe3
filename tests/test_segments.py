"""Conversion review segments: aligned, complete, and marking what a reader should check."""

from __future__ import annotations

import itertools
import lzma
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.convert import Script, ScriptMode, conversion_chain, convert
from reader.core.segments import SegmentKind, block_segments, changed_runs, review_tables

DATA = Path(__file__).parent.parent / "benchmarks" / "data"
SIMPLIFIED = lzma.decompress((DATA / "prose-simplified.txt.xz").read_bytes()).decode()
TRADITIONAL = lzma.decompress((DATA / "prose-traditional.txt.xz").read_bytes()).decode()
CHAINS = [
    conversion_chain(Script.SIMPLIFIED, ScriptMode.TRADITIONAL),
    conversion_chain(Script.SIMPLIFIED, ScriptMode.TAIWAN, phrases=True),
    conversion_chain(Script.SIMPLIFIED, ScriptMode.HONGKONG),
]


def assert_aligned(source: str, shown: str, segments: list) -> None:
    assert "".join(shown[s.shown_start : s.shown_end] for s in segments) == shown
    assert "".join(source[s.source_start : s.source_end] for s in segments) == source
    for before, after in itertools.pairwise(segments):
        assert before.source_end == after.source_start
        assert before.shown_end == after.shown_start


@settings(max_examples=60, deadline=None)
@given(st.integers(0, len(SIMPLIFIED) - 400), st.integers(1, 400), st.sampled_from(CHAINS))
def test_segments_align_exactly_on_real_prose(start, length, chain):
    source = SIMPLIFIED[start : start + length].replace("\n", "")
    shown = convert(source, chain)
    assert_aligned(source, shown, block_segments(chain, source, shown))


@settings(max_examples=30, deadline=None)
@given(st.integers(0, len(TRADITIONAL) - 400), st.integers(1, 400))
def test_segments_align_exactly_on_traditional_prose(start, length):
    chain = conversion_chain(Script.TRADITIONAL, ScriptMode.SIMPLIFIED)
    source = TRADITIONAL[start : start + length].replace("\n", "")
    shown = convert(source, chain)
    assert_aligned(source, shown, block_segments(chain, source, shown))


def test_a_longer_phrase_is_one_segment_and_the_rest_stays_aligned():
    chain = conversion_chain(Script.SIMPLIFIED, ScriptMode.TAIWAN, phrases=True)
    source = "他坐的士回家，打开软件。"
    shown = convert(source, chain)
    assert "計程車" in shown
    segments = block_segments(chain, source, shown)
    assert_aligned(source, shown, segments)
    taxi = next(s for s in segments if shown[s.shown_start : s.shown_end] == "計程車")
    assert source[taxi.source_start : taxi.source_end] == "的士"
    assert taxi.kind is SegmentKind.PHRASE


def test_hair_without_a_phrase_is_uncertain_and_offers_hair():
    chain = ("s2t",)
    source = "她剪了发"
    shown = convert(source, chain)
    assert shown == "她剪了發"  # OpenCC's default, wrong here
    hair = [s for s in block_segments(chain, source, shown) if s.uncertain]
    assert [source[s.source_start : s.source_end] for s in hair] == ["发"]
    alternatives = review_tables(chain).alternatives("发", "發")
    assert [a.text for a in alternatives] == ["髮"]
    assert alternatives[0].hint  # example words where 发 is 髮


@pytest.mark.parametrize("source", ["头发很长", "发展很快"])
def test_a_phrase_entry_decides_so_nothing_is_uncertain(source):
    chain = ("s2t",)
    shown = convert(source, chain)
    segments = block_segments(chain, source, shown)
    hair = next(s for s in segments if source[s.source_start] == "发")
    assert hair.kind is SegmentKind.PHRASE and not hair.uncertain
    assert hair.phrase == source[:2]


def test_phrases_that_disagree_make_the_choice_uncertain():
    # OpenCC's own output: 被发 (被髮) wins over 发明 (發明).
    segments = review_tables(("s2t",)).block_segments("被发明", "被髮明", guarded=False)
    assert [s.uncertain for s in segments if s.source_start == 1] == [True]


def test_the_guard_table_is_named_as_the_reason():
    chain = ("s2t",)
    shown = convert("科学家被发明家", chain)
    segments = block_segments(chain, "科学家被发明家", shown)
    assert any(s.kind is SegmentKind.GUARD for s in segments)


def test_quotes_are_a_quote_rule_and_changed_runs_skip_unchanged_characters():
    chain = conversion_chain(Script.SIMPLIFIED, ScriptMode.TAIWAN)
    source = "“你好”他说"
    shown = convert(source, chain)
    segments = block_segments(chain, source, shown)
    assert_aligned(source, shown, segments)
    assert segments[0].kind is SegmentKind.QUOTE
    runs = [r for s in segments if s.changed for r in changed_runs(source, shown, s)]
    assert "".join(shown[a:b] for a, b in runs) == "「」說"
