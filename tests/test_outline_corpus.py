"""Outline recognition on real documents (tests/corpus/real) meets its targets."""

from __future__ import annotations

import pytest

from benchmarks.bench_outline import corpus_files, score_corpus, score_outline, total

TARGETS = {"precision": 0.97, "recall": 0.97, "levels": 0.95}


@pytest.fixture(scope="module")
def scores():
    return score_corpus()


def test_corpus_has_at_least_25_documents_with_true_outlines():
    files = corpus_files()
    assert len(files) >= 25
    assert {p.suffix for p in files} == {".txt", ".md"}


@pytest.mark.parametrize("measure", sorted(TARGETS))
def test_recognition_meets_the_target_over_the_corpus(scores, measure):
    assert getattr(total(scores), measure) >= TARGETS[measure], "\n".join(
        f"{s.name}: {measure} {getattr(s, measure):.3f}" for s in scores
    )


def test_no_document_with_an_outline_gets_an_empty_one(scores):
    assert [s.name for s in scores if s.expected and not s.found] == []


def test_scorer_matches_titles_in_order_after_normalising_white_space():
    expected = [("第一章　一般规定", 1), ("第一节 甲", 2), ("第一章　一般规定", 1)]
    found = [("第一章 一般规定", 1), ("多余", 1), ("第一节  甲", 1), ("第一章 一般规定", 1)]
    score = score_outline("x", expected, found)
    assert (score.matched, score.level_ok) == (3, 2)
    assert score.precision == 3 / 4
    assert score.recall == 1.0
    assert score.levels == 2 / 3


def test_scorer_counts_a_missed_outline_as_zero_recall():
    score = score_outline("x", [("一", 1), ("二", 1)], [])
    assert (score.recall, score.precision) == (0.0, 1.0)
