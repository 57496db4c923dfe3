"""Replacement rules (净化): text protected from conversion, replaced before or after it.

Modelled on 繁化姬's protect / pre-replace / post-replace lists: a `ReplaceRule`
finds plain text or a regular expression and, at its `stage`, keeps the match
as written (PROTECT: names, terms), replaces it in the text as written before
conversion (BEFORE: advertisements, a misprint) or in the displayed text after
it (AFTER: a house style). Each rule can be switched off. Rules change what
the reader shows and exports, never the source file. Legado's replace-rule
files (JSON) can be imported.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from pathlib import Path

from reader.core.convert import Chain, Spans, convert_keeping
from reader.core.files import write_atomically
from reader.core.fixes import SetAside, read_json_file


class RuleStage(StrEnum):
    """When a rule acts."""

    PROTECT = "protect"  # the match is shown as written, never converted
    BEFORE = "before"  # replaced in the text as written, before conversion
    AFTER = "after"  # replaced in the displayed text, after conversion


@dataclass(frozen=True)
class ReplaceRule:
    """Find `pattern` (plain text, or a regular expression when `regex`) and act at `stage`;
    `replacement` may use \\1 or \\g<name> in a regular expression."""

    pattern: str
    replacement: str = ""
    stage: RuleStage = RuleStage.BEFORE
    regex: bool = False
    enabled: bool = True
    name: str = ""

    @cached_property
    def compiled(self) -> re.Pattern[str] | None:
        """The rule's regular expression; None when it does not compile or matches nothing."""
        if not self.pattern:
            return None
        try:
            return re.compile(self.pattern if self.regex else re.escape(self.pattern))
        except re.error:
            return None

    @property
    def error(self) -> str:
        """Why the pattern cannot be used ('' when it can)."""
        if not self.pattern:
            return "empty pattern"
        if not self.regex:
            return ""
        try:
            re.compile(self.pattern)
        except re.error as exc:
            return str(exc)
        return ""

    def replace(self, text: str) -> str:
        """`text` with every match replaced (plain replacements are taken literally)."""
        pattern = self.compiled
        if pattern is None:
            return text
        if self.regex:
            try:
                return pattern.sub(self.replacement, text)
            except (re.error, IndexError):  # a bad group reference: leave the text
                return text
        return pattern.sub(lambda _: self.replacement, text)

    def count(self, texts: Iterable[str], limit: int | None = None) -> int:
        """How many times the rule matches in `texts` (the preview count), counting no
        further than `limit` (a rule matching everything need not be counted to the end)."""
        pattern = self.compiled
        if pattern is None:
            return 0
        n = 0
        for text in texts:
            for _ in pattern.finditer(text):
                n += 1
                if limit is not None and n >= limit:
                    return n
        return n

    def to_dict(self) -> dict[str, object]:
        return {
            "pattern": self.pattern,
            "replacement": self.replacement,
            "stage": self.stage.value,
            "regex": self.regex,
            "enabled": self.enabled,
            "name": self.name,
        }

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> ReplaceRule:
        """A rule from its JSON form; ValueError when it is not one."""
        pattern, replacement = data.get("pattern"), data.get("replacement", "")
        if not isinstance(pattern, str) or not isinstance(replacement, str):
            raise ValueError("a rule needs a pattern and a replacement text")
        try:
            stage = RuleStage(data.get("stage", "before"))
        except ValueError:
            raise ValueError(f"unknown rule stage {data.get('stage')!r}") from None
        name = data.get("name", "")
        return cls(
            pattern,
            replacement,
            stage,
            bool(data.get("regex", False)),
            bool(data.get("enabled", True)),
            name if isinstance(name, str) else "",
        )


@dataclass(frozen=True)
class RuleSet:
    """Rules in the order they apply (each stage in list order)."""

    rules: tuple[ReplaceRule, ...] = field(default_factory=tuple)

    def __bool__(self) -> bool:
        return any(r.enabled and r.compiled is not None for r in self.rules)

    def _stage(self, stage: RuleStage) -> list[ReplaceRule]:
        return [r for r in self.rules if r.stage is stage and r.enabled and r.compiled]

    def convert(self, text: str, chain: Chain, keep: Spans = ()) -> tuple[str, str]:
        """(the text as replaced before conversion, the displayed text) of one block;
        `keep` (code) is never touched by a rule nor converted."""
        before = self._stage(RuleStage.BEFORE)
        pieces = _pieces(text, keep)
        if before:
            pieces = [(_apply(before, p), False) if not kept else (p, True) for p, kept in pieces]
        written = "".join(p for p, _ in pieces)
        keep_now: list[tuple[int, int]] = []
        pos = 0
        protect = self._stage(RuleStage.PROTECT)
        for piece, kept in pieces:
            if kept:
                keep_now.append((pos, pos + len(piece)))
            else:
                for rule in protect:
                    assert rule.compiled is not None
                    keep_now.extend(
                        (pos + m.start(), pos + m.end())
                        for m in rule.compiled.finditer(piece)
                        if m.end() > m.start()
                    )
            pos += len(piece)
        shown = convert_keeping(written, chain, tuple(_union(keep_now))) if chain else written
        return written, shown

    def after(self, shown: str, keep: Spans = ()) -> str:
        """The displayed text with the rules that act after conversion (not inside `keep`)."""
        rules = self._stage(RuleStage.AFTER)
        if not rules:
            return shown
        return "".join(p if kept else _apply(rules, p) for p, kept in _pieces(shown, keep))

    def changed_spans(self, source: str) -> list[tuple[int, int]]:
        """Where the rules that act on the text as written match it (for explaining it)."""
        spans = []
        for rule in self._stage(RuleStage.BEFORE) + self._stage(RuleStage.PROTECT):
            assert rule.compiled is not None
            spans.extend(m.span() for m in rule.compiled.finditer(source) if m.end() > m.start())
        return sorted(spans)

    def to_list(self) -> list[dict[str, object]]:
        return [r.to_dict() for r in self.rules]

    @classmethod
    def from_list(cls, data: object) -> RuleSet:
        """Rules from their JSON form; ValueError when it is not a list of rules."""
        if not isinstance(data, list):
            raise ValueError("rules are a list")
        return cls(tuple(ReplaceRule.from_dict(r) for r in data if isinstance(r, dict)))

    def joined(self, other: RuleSet) -> RuleSet:
        """These rules, then `other`'s."""
        return RuleSet(self.rules + other.rules)


def _apply(rules: Sequence[ReplaceRule], text: str) -> str:
    for rule in rules:
        text = rule.replace(text)
    return text


def _pieces(text: str, keep: Spans) -> list[tuple[str, bool]]:
    """`text` cut at the kept spans: (piece, kept) in order."""
    pieces: list[tuple[str, bool]] = []
    pos = 0
    for start, end in keep:
        if start > pos:
            pieces.append((text[pos:start], False))
        if end > max(start, pos):
            pieces.append((text[max(start, pos) : end], True))
        pos = max(pos, end)
    if pos < len(text) or not pieces:
        pieces.append((text[pos:], False))
    return pieces


def _union(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


# Storage


def rules_path(folder: Path, identity: str = "") -> Path:
    """Where a document's rules are kept (`identity`), or the rules for every document."""
    return folder / "rules" / f"{identity}.json" if identity else folder / "replace-rules.json"


def load_rules(path: Path) -> tuple[RuleSet, SetAside | None]:
    """The rules in `path` (none without a file); a bad file is kept aside and reported."""
    return read_json_file(path, "rules", RuleSet.from_list, RuleSet())


def save_rules(path: Path, rules: RuleSet) -> None:
    """Write `rules` to `path` atomically (the folder is created); no rules: file removed."""
    if not rules.rules:
        path.unlink(missing_ok=True)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {"version": 1, "rules": rules.to_list()}
    write_atomically(path, json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))


# Legado's replace rules

#: A Java/JavaScript group reference in a replacement ($1, not \$1), which Python writes \g<1>.
_DOLLAR_GROUP = re.compile(r"(?<!\\)\$(\d+)")


@dataclass(frozen=True, slots=True)
class LegadoImport:
    """Rules read from a Legado file, and how many were left out and why."""

    rules: tuple[ReplaceRule, ...]
    scripted: int  # replacements written in JavaScript (@js:), which ZhReader does not run
    titles_only: int  # rules for chapter titles only
    broken: int  # patterns Python's regular expressions cannot read


def import_legado(text: str) -> LegadoImport:
    """Legado replace rules (one JSON object or a list) as rules acting before conversion,
    in Legado's order; ValueError (one line) when the text is not such a file."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not JSON ({exc.msg}, line {exc.lineno})") from None
    items = data if isinstance(data, list) else [data]
    if not items or not all(isinstance(i, dict) and "pattern" in i for i in items):
        raise ValueError("not Legado replace rules (each needs a pattern)")
    order: Callable[[dict], float] = lambda i: _number(i.get("order", i.get("sortOrder", 0)))  # noqa: E731
    rules: list[ReplaceRule] = []
    scripted = titles = broken = 0
    for item in sorted(items, key=order):
        pattern = item.get("pattern")
        replacement = item.get("replacement") or ""
        if not isinstance(pattern, str) or not pattern or not isinstance(replacement, str):
            broken += 1
            continue
        if replacement.startswith("@js:"):
            scripted += 1
            continue
        if item.get("scopeContent") is False and item.get("scopeTitle") is True:
            titles += 1
            continue
        regex = item.get("isRegex", True) is not False  # Legado's default is a regex
        if regex:
            replacement = _DOLLAR_GROUP.sub(r"\\g<\1>", replacement).replace("\\$", "$")
        rule = ReplaceRule(
            pattern,
            replacement,
            RuleStage.BEFORE,
            regex,
            item.get("isEnabled", True) is not False,
            str(item.get("name") or ""),
        )
        if rule.error:
            broken += 1
            continue
        rules.append(rule)
    return LegadoImport(tuple(rules), scripted, titles, broken)


def _number(value: object) -> float:
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return 0.0
