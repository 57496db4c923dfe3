"""Detect whether a text is written in Simplified or Traditional Chinese."""

from __future__ import annotations

from collections import Counter

from reader.core.convert import Script
from reader.core.dictionaries import changing_characters

#: Share of the script-specific characters one script must reach to decide.
DECISIVE_SHARE = 0.9
_SAMPLE_CHARS = 200_000


def detect_script(text: str) -> Script:
    """SIMPLIFIED, TRADITIONAL, or MIXED (mixed, or too little evidence to tell)."""
    simplified, traditional = script_evidence(text)
    total = simplified + traditional
    if total == 0:
        return Script.MIXED
    if traditional >= DECISIVE_SHARE * total:
        return Script.TRADITIONAL
    if simplified >= DECISIVE_SHARE * total:
        return Script.SIMPLIFIED
    return Script.MIXED


def script_evidence(text: str) -> tuple[int, int]:
    """How many Simplified-only and Traditional-only characters a sample of `text` holds."""
    counts = Counter(_sample(text))
    simplified_only, traditional_only = changing_characters()
    simplified = sum(n for ch, n in counts.items() if ch in simplified_only)
    traditional = sum(n for ch, n in counts.items() if ch in traditional_only)
    return simplified, traditional


def _sample(text: str) -> str:
    """The whole text when short; else slices spread through it (books change little)."""
    if len(text) <= _SAMPLE_CHARS:
        return text
    pieces = 20
    step = len(text) // pieces
    width = _SAMPLE_CHARS // pieces
    return "".join(text[i * step : i * step + width] for i in range(pieces))
