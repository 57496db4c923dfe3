"""Chapter rules the user can see and change: built-in rules switched on or off, own patterns.

`recognize(text, rules=ChapterRules(...))` applies them to plain text. Built-in
rules are known by name (`BUILTIN_RULES`, each with an example line the UI can
show); user rules are regular expressions with the outline level their lines
get, applied before the built-in rules. Legado's TXT table-of-contents rules
(the JSON it exports) import as user rules. The core names rules and problems
by code; the UI words them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property

#: Built-in rules by name, with a line each one makes a heading.
BUILTIN_RULES: Mapping[str, str] = {
    "volume": "第一卷 風起",  # 部, 编, 分编, 卷, 册, 集, 篇
    "chapter": "第十二章 归来",  # 章, 回, 话, 讲 (compound 第一講第一節 too)
    "section": "第三節 尾聲",  # 节
    "scene": "第01齣 標目",  # 齣, 出, 折 (出 and 折 only as a series)
    "juan": "卷一‧周鄭交質",  # 卷一, 卷之一, 卷上 before a title
    "ordinal-title": "德行第一",  # a name then its ordinal, as a series
    "bare-numeral": "十三",  # a numeral alone on its line, as a series
    "part": "楔子",  # 序章, 楔子, 前言, 題記, 後記, 番外 …
    "title-line": "狂人日記",  # the titles of the pieces of a collection, three or more
    "front-matter": "刻世說新語序",  # a preface or afterword line in a document with chapters
    "underlined": "文件（FILE）",  # a line underlined with --- or ===
    "numbered": "一、總體要求",  # 一、 （一） 1. when they are headings, not a list of steps
    "standalone": "開局 數字産業向陽而生",  # a short line between blank lines, then body text
    "contents": "目录",  # a table of contents kept out of the outline
    "scrape-prefix": "《》目录 第一回",  # e-book site residue kept out of titles
    "advert": "本书来自www.example.com免费txt小说下载站",  # a site advertisement, no title
}
#: Longest line a user rule is tried on: a pattern cannot stall on a huge paragraph.
USER_RULE_MAX_LINE = 100


class RuleError(ValueError):
    """A rule that cannot be used; `code` names the problem, `rule` the rule."""

    def __init__(self, code: str, rule: str, detail: str = ""):
        super().__init__(f"{code}: {rule}" + (f" ({detail})" if detail else ""))
        self.code, self.rule, self.detail = code, rule, detail


@dataclass(frozen=True)
class UserRule:
    """Lines that `pattern` finds are headings at outline `level` (1 = top)."""

    name: str
    pattern: str
    level: int = 1
    enabled: bool = True
    example: str = ""

    def __post_init__(self) -> None:
        if self.level < 1:
            raise RuleError("bad-level", self.name, str(self.level))
        if not self.pattern:
            raise RuleError("empty-pattern", self.name)
        try:
            re.compile(self.pattern)
        except re.error as exc:
            raise RuleError("bad-pattern", self.name, str(exc)) from None

    @cached_property
    def regex(self) -> re.Pattern[str]:
        """The compiled pattern."""
        return re.compile(self.pattern)

    def matches(self, line: str) -> bool:
        """True when the rule makes `line` (without surrounding white space) a heading."""
        return self.enabled and len(line) <= USER_RULE_MAX_LINE and bool(self.regex.search(line))


@dataclass(frozen=True)
class ChapterRules:
    """Which built-in rules are off, and the user's own rules in the order they apply."""

    disabled: frozenset[str] = frozenset()
    user: tuple[UserRule, ...] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        unknown = sorted(set(self.disabled) - set(BUILTIN_RULES))
        if unknown:
            raise RuleError("unknown-rule", ", ".join(unknown))

    def enabled(self, name: str) -> bool:
        """True when built-in rule `name` is on."""
        return name not in self.disabled

    def switched(self, name: str, on: bool) -> ChapterRules:
        """The same rules with built-in rule `name` switched on or off."""
        disabled = self.disabled - {name} if on else self.disabled | {name}
        return replace(self, disabled=frozenset(disabled))

    def user_rank(self, line: str) -> int:
        """Raw rank (10 × level) of the first user rule that takes `line`; 0 when none does."""
        for rule in self.user:
            if rule.matches(line):
                return 10 * rule.level
        return 0

    def to_dict(self) -> dict[str, object]:
        """Plain data for settings files."""
        return {
            "disabled": sorted(self.disabled),
            "user": [
                {
                    "name": r.name,
                    "pattern": r.pattern,
                    "level": r.level,
                    "enabled": r.enabled,
                    "example": r.example,
                }
                for r in self.user
            ],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> ChapterRules:
        """Rules from `to_dict` data; raises `RuleError` for a bad rule."""
        disabled = data.get("disabled", [])
        users = data.get("user", [])
        if not isinstance(disabled, list) or not isinstance(users, list):
            raise RuleError("bad-settings", "chapter rules")
        return cls(frozenset(map(str, disabled)), tuple(_user_rule(u) for u in users))


DEFAULT_RULES = ChapterRules()


@dataclass(frozen=True)
class LegadoImport:
    """User rules made from Legado's rules, and the names of the rules that could not be used."""

    rules: tuple[UserRule, ...]
    rejected: tuple[RuleError, ...]


def import_legado(data: str | bytes, level: int = 1) -> LegadoImport:
    """Read Legado's TXT table-of-contents rules (its JSON export: one rule or a list).

    Each rule has `name`, `rule` (the pattern), `enable` and may have `example`
    and `serialNumber` (the order). Every imported rule gets outline `level`.
    Rules whose pattern Python cannot compile are reported, not raised.
    """
    try:
        parsed = json.loads(data)
    except (ValueError, UnicodeDecodeError) as exc:
        raise RuleError("bad-json", "Legado rules", str(exc)) from None
    items = parsed if isinstance(parsed, list) else [parsed]
    if not all(isinstance(item, dict) for item in items):
        raise RuleError("bad-json", "Legado rules", "not rule objects")
    items = sorted(items, key=lambda item: _order(item.get("serialNumber")))
    rules: list[UserRule] = []
    rejected: list[RuleError] = []
    for item in items:
        name = str(item.get("name") or item.get("rule") or "")
        try:
            rules.append(
                UserRule(
                    name=name,
                    pattern=str(item.get("rule", "")),
                    level=level,
                    enabled=bool(item.get("enable", True)),
                    example=str(item.get("example") or ""),
                )
            )
        except RuleError as exc:
            rejected.append(exc)
    return LegadoImport(tuple(rules), tuple(rejected))


def _order(value: object) -> float:
    return float(value) if isinstance(value, int | float) else float("inf")


def _user_rule(data: object) -> UserRule:
    if not isinstance(data, Mapping):
        raise RuleError("bad-settings", "user rule")
    return UserRule(
        name=str(data.get("name", "")),
        pattern=str(data.get("pattern", "")),
        level=int(data.get("level", 1)),
        enabled=bool(data.get("enabled", True)),
        example=str(data.get("example", "")),
    )
