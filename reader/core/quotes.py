"""Quotation marks by region: the mainland's “”‘’ and Taiwan's and Hong Kong's 「」『』.

Quotes are paired by nesting depth, not by shape: the outer pair becomes 「」
(or “”), the pair inside it 『』 (or ‘’), the next 「」 again. Only curly
quotes that belong to Chinese text change: ASCII quotes are never touched,
nor curly quotes around Latin text (“Hello”), nor an apostrophe (it’s), nor
code (`convert_quotes_keeping`).
"""

from __future__ import annotations

import re

Spans = tuple[tuple[int, int], ...]
"""[start, end) ranges of a text, in order (as in `reader.core.convert`)."""

_OPENING = {"“": 0, "‘": 1, "「": 0, "『": 1}
_CLOSING = {"”": 0, "’": 1, "」": 0, "』": 1}
_CORNER = (("「", "」"), ("『", "』"))
_CURVED = (("“", "”"), ("‘", "’"))
_CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef\U00020000-\U0003134f]")
_LATIN = re.compile(r"[A-Za-z0-9\u00c0-\u024f]")


def convert_quotes(text: str, to_corner: bool) -> str:
    """`text` with the quotation marks of Chinese text made corner (「」『』) or curved (“”‘’)."""
    return convert_quotes_keeping(text, to_corner, ())


def convert_quotes_keeping(text: str, to_corner: bool, keep: Spans) -> str:
    """Like `convert_quotes`, leaving the spans `keep` (code) as written; pairs may enclose them."""
    sources = ("“", "”", "‘", "’") if to_corner else ("「", "」", "『", "』")
    if not any(mark in text for mark in sources):
        return text
    marks = _CORNER if to_corner else _CURVED
    kept = _kept_positions(keep)
    chars = list(text)
    stack: list[bool] = []  # for each open quote: does it change?
    depth = 0  # how many of them change
    for i, ch in enumerate(text):
        if ch not in sources or i in kept or _is_apostrophe(text, i):
            continue
        if ch in _OPENING:
            changes = _belongs_to_chinese(text, i, opening=True)
            if changes:
                chars[i] = marks[depth % 2][0]
                depth += 1
            stack.append(changes)
        elif stack:
            if stack.pop():
                depth -= 1
                chars[i] = marks[depth % 2][1]
        elif _belongs_to_chinese(text, i, opening=False):
            chars[i] = marks[0][1]  # closes a quote opened in an earlier paragraph
    return "".join(chars)


def _kept_positions(keep: Spans) -> set[int]:
    return {i for start, end in keep for i in range(start, end)}


def _is_apostrophe(text: str, i: int) -> bool:
    """’ (or ‘) between Latin letters: it’s, Xi’an."""
    if text[i] not in "‘’":
        return False
    before = text[i - 1] if i else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    return bool(before and after and _LATIN.match(before) and _LATIN.match(after))


def _belongs_to_chinese(text: str, i: int, opening: bool) -> bool:
    """True when a quote at `i` encloses or touches Chinese: the text it quotes, or its neighbour."""
    neighbour = (
        text[i - 1] if opening and i else text[i + 1] if not opening and i + 1 < len(text) else ""
    )
    if neighbour and _CJK.match(neighbour):
        return True
    if opening:
        end = min(len(text), i + 40)
        inside = text[i + 1 : end]
        for ch in inside:
            if ch in _CLOSING:
                break
            if _CJK.match(ch):
                return True
        return False
    inside = text[max(0, i - 40) : i]
    for ch in reversed(inside):
        if ch in _OPENING:
            break
        if _CJK.match(ch):
            return True
    return False


class QuoteStep:
    """Quotation marks as a conversion step (`quotes-corner`, `quotes-curved`)."""

    def __init__(self, to_corner: bool):
        self.to_corner = to_corner

    def convert(self, text: str) -> str:
        """`text` with its quotation marks converted."""
        return convert_quotes(text, self.to_corner)
