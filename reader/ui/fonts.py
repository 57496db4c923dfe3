"""Choosing a font that can draw Chinese, matching the displayed script."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics

from reader.core.convert import ScriptMode

# Preferred families, best first, for each script region.
_PREFERRED = {
    "SC": ("Noto Serif CJK SC", "Source Han Serif SC", "Noto Sans CJK SC", "Source Han Sans SC"),
    "TC": ("Noto Serif CJK TC", "Source Han Serif TC", "Noto Sans CJK TC", "Source Han Sans TC"),
    "HK": ("Noto Serif CJK HK", "Noto Sans CJK HK", "Source Han Sans HC"),
}
_FALLBACKS = (
    "Noto Serif CJK JP", "Noto Sans CJK JP", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei",
    "AR PL UMing TW", "AR PL UKai CN", "Droid Sans Fallback", "Microsoft YaHei", "SimSun",
    "PingFang SC", "PingFang TC", "Heiti SC", "Songti SC",
)  # fmt: skip
SAMPLE = "永川數據发展"
INSTALL_HINT = (
    "No installed font can draw Chinese, so text would show as boxes. "
    "Install one, e.g. on Debian/Ubuntu: sudo apt-get install fonts-noto-cjk"
)


def region_for(mode: ScriptMode, source_is_simplified: bool) -> str:
    """SC, TC or HK: the glyph standard the displayed text is written for."""
    if mode is ScriptMode.SIMPLIFIED or (mode is ScriptMode.ORIGINAL and source_is_simplified):
        return "SC"
    if mode is ScriptMode.HONGKONG:
        return "HK"
    return "TC"


def can_draw_chinese(family: str) -> bool:
    """True when `family` itself (not a fallback) has glyphs for common Chinese characters."""
    metrics = QFontMetrics(QFont(family))
    return all(metrics.inFont(ch) for ch in SAMPLE)


def chinese_families() -> list[str]:
    """Installed families that declare Chinese support and can draw it."""
    systems = (
        QFontDatabase.WritingSystem.SimplifiedChinese,
        QFontDatabase.WritingSystem.TraditionalChinese,
    )
    found = []
    for system in systems:
        for family in QFontDatabase.families(system):
            if family not in found and not family.startswith("@"):
                found.append(family)
    return [f for f in found if can_draw_chinese(f)]


def choose_family(region: str, wanted: str = "") -> str | None:
    """The user's family when it draws Chinese, else the best installed one for `region`."""
    installed = set(QFontDatabase.families())
    if wanted and wanted in installed and can_draw_chinese(wanted):
        return wanted
    for family in (*_PREFERRED.get(region, ()), *_PREFERRED["TC"], *_PREFERRED["SC"], *_FALLBACKS):
        if family in installed and can_draw_chinese(family):
            return family
    others = chinese_families()
    return others[0] if others else None
