"""Detect whether a text is written in Simplified or Traditional Chinese, and whose Traditional."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from enum import StrEnum

from reader.core.convert import Script
from reader.core.dictionaries import changing_characters, script_characters

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


class Region(StrEnum):
    """Whose standard a Traditional text follows."""

    MAINLAND = "mainland"  # mainland wording, mainland variants (説, 産)
    TAIWAN = "taiwan"
    HONGKONG = "hongkong"
    STANDARD = "standard"  # OpenCC's standard, or too little evidence to tell


@dataclass(frozen=True, slots=True)
class RegionGuess:
    """The detected region, how sure (0–1), and the evidence: (character or word, count) pairs."""

    region: Region
    confidence: float
    evidence: tuple[tuple[str, int], ...]

    @property
    def script(self) -> Script:
        """The source script this region means for conversion."""
        return _REGION_SCRIPTS[self.region]


_REGION_SCRIPTS = {
    Region.MAINLAND: Script.MAINLAND_TRADITIONAL,
    Region.TAIWAN: Script.TAIWAN,
    Region.HONGKONG: Script.HONGKONG,
    Region.STANDARD: Script.TRADITIONAL,
}

# Words that differ between the regions (reviewed; (mainland, Taiwan, Hong Kong) where HK
# has a word of its own, else the HK column repeats whichever region it agrees with).
_WORDS = (
    ("信息", "資訊", "資訊"),
    ("軟件", "軟體", "軟件"),
    ("硬件", "硬體", "硬件"),
    ("網絡", "網路", "網絡"),
    ("視頻", "影片", "影片"),
    ("數據庫", "資料庫", "數據庫"),
    ("服務器", "伺服器", "伺服器"),
    ("鼠標", "滑鼠", "滑鼠"),
    ("打印機", "印表機", "打印機"),
    ("默認", "預設", "預設"),
    ("博客", "部落格", "網誌"),
    ("短信", "簡訊", "短訊"),
    ("激光", "雷射", "鐳射"),
    ("互聯網", "網際網路", "互聯網"),
    ("出租車", "計程車", "的士"),
    ("屏幕", "螢幕", "熒幕"),
    ("內存", "記憶體", "記憶體"),
    ("質量", "品質", "質素"),
    ("項目", "專案", "項目"),
    ("土豆", "馬鈴薯", "薯仔"),
    ("自行車", "腳踏車", "單車"),
)
#: Characters only one region writes (variant forms, Cantonese), with their weight.
_CHARACTERS: dict[Region, dict[str, int]] = {
    Region.TAIWAN: {"裡": 1, "啟": 1},
    Region.HONGKONG: dict.fromkeys("衞綫嘅咗冇喺嘢啲佢哋", 3),
}
#: Forms Hong Kong and mainland Traditional share (説 where Taiwan writes 說): their weight is
#: split between the two by how the text writes 產 (Hong Kong, Taiwan) or 産 (mainland).
_SHARED_FORMS = "説兑悦户温税脱鋭閲"
#: Evidence score below which no region is claimed.
_MIN_SCORE = 2


def detect_region(text: str) -> RegionGuess:
    """Which region's Traditional `text` is written in, from variant characters and words."""
    mainland_variants = script_characters().mainland_variants
    sample = _sample(text)
    counts = Counter(sample)
    scores = dict.fromkeys(Region, 0.0)
    evidence: Counter[str] = Counter()
    for ch in mainland_variants:
        if counts[ch]:
            scores[Region.MAINLAND] += 3 * counts[ch]
            evidence[ch] += counts[ch]
    for region, weights in _CHARACTERS.items():
        for ch, weight in weights.items():
            if counts[ch]:
                scores[region] += weight * counts[ch]
                evidence[ch] += counts[ch]
    shared = sum(counts[ch] for ch in _SHARED_FORMS)
    if shared:
        mainland_share = (counts["産"] + 1) / (counts["産"] + counts["產"] + 2)
        scores[Region.MAINLAND] += shared * mainland_share
        scores[Region.HONGKONG] += shared * (1 - mainland_share)
        evidence.update({ch: counts[ch] for ch in _SHARED_FORMS if counts[ch]})
    for words in _WORDS:
        for region, word in zip(
            (Region.MAINLAND, Region.TAIWAN, Region.HONGKONG), words, strict=True
        ):
            n = sample.count(word)
            if n:
                scores[region] += 2 * n
                evidence[word] = n
    best = max((Region.MAINLAND, Region.TAIWAN, Region.HONGKONG), key=lambda r: scores[r])
    total = sum(scores.values())
    if scores[best] < _MIN_SCORE:
        return RegionGuess(Region.STANDARD, 0.0, tuple(evidence.most_common(8)))
    if best is Region.MAINLAND and not any(counts[ch] for ch in mainland_variants):
        # Mainland words in OpenCC's standard characters: what s2t writes.
        best = Region.STANDARD
    top = max(scores.values())
    confidence = round(top / total * min(1.0, top / 20), 2)
    return RegionGuess(best, confidence, tuple(evidence.most_common(8)))


def detect_source(text: str) -> Script:
    """The source script conversion should assume: `detect_script`, with Traditional refined by
    region (mainland Traditional, Taiwan, Hong Kong or OpenCC standard)."""
    script = detect_script(text)
    if script is not Script.TRADITIONAL:
        return script
    return detect_region(text).script
