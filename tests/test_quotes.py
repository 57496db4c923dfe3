"""Quotation marks by region: “”‘’ ↔ 「」『』, nested pairs, Latin text and code left alone."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.quotes import convert_quotes, convert_quotes_keeping


def test_nested_quotes_become_corner_brackets_by_depth():
    text = "他说：“我听到‘狼来了’的喊声。”"
    assert convert_quotes(text, to_corner=True) == "他说：「我听到『狼来了』的喊声。」"


def test_corner_brackets_become_curved_quotes_by_depth():
    assert (
        convert_quotes("他說：「我聽到『狼來了』。」", to_corner=False)
        == "他說：“我聽到‘狼來了’。”"
    )


def test_a_third_level_goes_back_to_single_brackets():
    assert convert_quotes("“一‘二“三”二’一”", True) == "「一『二「三」二』一」"


def test_ascii_quotes_apostrophes_and_latin_quotes_are_left_alone():
    text = 'He said “Hello”, it’s "fine" and Xi’an\'s “西安” too.'
    assert convert_quotes(text, True) == 'He said “Hello”, it’s "fine" and Xi’an\'s 「西安」 too.'


def test_a_latin_quote_inside_a_chinese_one_keeps_its_pair():
    assert convert_quotes("“中文 “Hello” 中文”", True) == "「中文 “Hello” 中文」"


def test_a_quote_continued_from_the_previous_paragraph_closes():
    assert convert_quotes("说完了。”", True) == "说完了。」"


def test_code_spans_are_left_as_written():
    text = "用“print(“你好”)”输出“你好”"
    keep = ((2, 13),)
    assert convert_quotes_keeping(text, True, keep) == "用「print(“你好”)」输出「你好」"


@st.composite
def quoted_chinese(draw, depth=0):
    parts = []
    for _ in range(draw(st.integers(1, 3))):
        parts.append(draw(st.text(alphabet="中文字句，。说了", min_size=1, max_size=5)))
        if depth < 3 and draw(st.booleans()):
            inner = draw(quoted_chinese(depth + 1))
            opening, closing = ("“", "”") if depth % 2 else ("‘", "’")
            parts.append(opening + inner + closing)
    return "".join(parts)


@settings(max_examples=200, deadline=None)
@given(quoted_chinese())
def test_quotes_round_trip(body):
    text = "“" + body + "”"
    corner = convert_quotes(text, True)
    assert not set(corner) & set("“”‘’")
    assert convert_quotes(corner, False) == text
