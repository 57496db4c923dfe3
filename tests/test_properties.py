"""Property tests: arbitrary bytes and text never make the core fail in an undocumented way.

The loader turns any bytes into text or a `LoadError`; recognition, the
outline, conversion and search accept any text. The budget is fixed and small
so CI pays a few seconds.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.convert import (
    ScriptMode,
    convert,
    convert_blocks,
    convert_chunk,
    convert_chunked,
    plan_chunks,
    split_chunks,
)
from reader.core.document import BlockKind
from reader.core.loading import LoadError, decode_bytes
from reader.core.opening import document_from_bytes
from reader.core.outline import OutlineEntry, build_outline
from reader.core.rendition import Rendition, prepare
from reader.core.search import find_in_blocks, fold
from reader.core.structure import recognize
from reader.core.writers import to_html, to_markdown, to_text

BUDGET = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])

#: Characters that make structure happen (chapter numbers, Markdown, breaks) mixed with any.
_MEANINGFUL = list(
    "第一二三十百零〇章卷回節节部篇\n\n\r\t \u3000#*->!|[]()《》「」。，：:.1234567890發展头发後后"
)
TEXTS = st.text(alphabet=st.one_of(st.sampled_from(_MEANINGFUL), st.characters()), max_size=400)
ENCODINGS = st.one_of(
    st.none(),
    st.sampled_from(["utf-8", "gb18030", "big5", "utf-16-le", "utf-7", "latin-1", "base64"]),
    st.sampled_from(["idna", "unicode_escape", "klingon", "rot13", "utf-32", "undefined"]),
)


def _chinese_bytes() -> st.SearchStrategy[bytes]:
    """Encoded Chinese-ish text, sometimes cut or damaged: near the detector's decisions."""
    codecs = st.sampled_from(["utf-8", "gb18030", "big5hkscs", "utf-16-le", "utf-16-be"])
    return st.builds(
        lambda text, codec, cut: text.encode(codec, errors="ignore")[cut:],
        TEXTS,
        codecs,
        st.integers(0, 3),
    )


@BUDGET
@given(st.one_of(st.binary(max_size=3000), _chinese_bytes()), ENCODINGS)
def test_any_bytes_decode_to_text_or_a_load_error(data, encoding):
    try:
        loaded = decode_bytes(data, encoding)
    except LoadError as exc:
        assert "\n" not in str(exc)
        return
    assert "\r" not in loaded.text
    assert all("\n" not in w for w in loaded.warnings)


@BUDGET
@given(st.one_of(st.binary(max_size=2000), _chinese_bytes()), st.booleans())
def test_any_bytes_open_as_a_document_or_a_load_error(data, markdown):
    try:
        doc = document_from_bytes(data, "stdin", markdown=markdown)
    except LoadError:
        return
    build_outline(doc)


def _entries(entries: tuple[OutlineEntry, ...]):
    for entry in entries:
        yield entry
        yield from _entries(entry.children)


@BUDGET
@given(TEXTS, st.booleans())
def test_any_text_is_recognised_and_outlined(text, markdown):
    doc = recognize(text, markdown=markdown, fallback_title="name")
    line_count = text.count("\n") + 1
    assert all(1 <= b.line <= b.end_line <= line_count for b in doc.blocks)
    outline = build_outline(doc)
    for entry in _entries(outline.entries):
        assert doc.blocks[entry.block].kind is BlockKind.HEADING
        assert entry.children == () or all(c.level > entry.level for c in entry.children)


CHAINS = st.sampled_from([("t2s",), ("s2t",), ("s2twp",), ("hk2t", "t2tw")])


@BUDGET
@given(TEXTS, CHAINS)
def test_any_text_converts_alike_whole_and_in_chunks(text, chain):
    assert "".join(split_chunks(text, 16)) == text
    whole = convert(text, chain)
    assert convert_chunked(text, chain, size=16) == whole
    assert whole.count("\n") == text.count("\n")


@BUDGET
@given(TEXTS, st.booleans(), CHAINS, st.data())
def test_any_document_converts_chunk_by_chunk_like_at_once_and_exports(text, markdown, chain, data):
    prepared = prepare(recognize(text, markdown=markdown, fallback_title="name"))
    rendition = Rendition(prepared, ScriptMode.SIMPLIFIED, chain)
    n = len(prepared.texts)
    first = data.draw(st.integers(0, n))
    visible = (first, data.draw(st.integers(first, n)))
    for indices in plan_chunks(prepared.texts, visible, chunk_chars=8):
        rendition.apply(convert_chunk(prepared.texts, indices, chain, prepared.kept))
    if not prepared.kept:
        assert rendition.texts == convert_blocks(prepared.texts, chain)
    for write in (to_text, to_markdown, to_html):
        assert isinstance(write(rendition), str)


@BUDGET
@given(st.lists(TEXTS, max_size=6), TEXTS, st.booleans())
def test_any_query_finds_matches_inside_the_blocks(texts, query, exact):
    texts = [t.replace("\n", " ") for t in texts] + [query.replace("\n", " ")]
    matches = find_in_blocks(texts, query.replace("\n", " "), exact)
    assert matches == sorted(matches)
    assert all(0 <= m.start <= m.end <= len(texts[m.block]) for m in matches)
    assert all(len(fold(t)) == len(t) for t in texts)
    if query.strip("\n"):
        assert matches, "the query itself is one of the blocks"


def test_a_visible_range_past_the_last_block_plans_every_block():
    assert plan_chunks(["甲", "乙"], (3, 4)) == [[], [0, 1]]
