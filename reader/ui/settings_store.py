"""Everything the reader remembers, read and written in one place.

Reading preferences, recent files, the last document, reading positions,
chapter rules and the window's layout live in one QSettings file. Every value read back is
validated: anything missing, corrupt or out of range falls back to its
default. `changed` tells observers which part changed.
"""

from __future__ import annotations

import hashlib
import json
import time
from dataclasses import dataclass, fields, replace
from pathlib import Path

from PySide6.QtCore import QByteArray, QObject, QSettings, Signal

from reader.core.chapter_rules import DEFAULT_RULES, ChapterRules, RuleError
from reader.core.convert import Script, ScriptMode
from reader.ui.i18n import CHOICES as LANGUAGE_CHOICES
from reader.ui.themes import THEMES

MIN_FONT_PT, MAX_FONT_PT = 8, 48
LINE_HEIGHTS = (130, 150, 170, 200, 230)
MAX_RECENT = 10
# Reading positions kept; the least recently read documents are forgotten first.
MAX_POSITIONS = 500


@dataclass(frozen=True, slots=True)
class Preferences:
    """Everything the user chooses about reading; persisted between sessions."""

    font_family: str = ""  # "" = the best installed CJK font for the displayed script
    font_size: int = 15  # points
    line_height: int = 170  # percent
    theme: str = "light"
    script_mode: str = ScriptMode.ORIGINAL.value
    source_script: str = "auto"  # or a Script value
    phrases: bool = False
    reflow: bool = True  # join the lines of hard-wrapped plain text
    quotes: str = "auto"  # corner, curved, or auto: corner for 臺灣正體 and 香港繁體
    language: str = "system"  # the interface language (reader.ui.i18n.CHOICES)
    paged: bool = False  # horizontal text a page at a time instead of scrolling

    def clamped(self) -> Preferences:
        """The same preferences with every out-of-range value replaced by its default."""
        default = Preferences()
        checks = {
            "font_family": isinstance(self.font_family, str) and len(self.font_family) < 200,
            "font_size": isinstance(self.font_size, int)
            and MIN_FONT_PT <= self.font_size <= MAX_FONT_PT,
            "line_height": isinstance(self.line_height, int) and 100 <= self.line_height <= 300,
            "theme": self.theme in THEMES,
            "script_mode": self.script_mode in {m.value for m in ScriptMode},
            "source_script": self.source_script
            in {"auto", *(s.value for s in Script if s is not Script.MIXED)},
            "phrases": isinstance(self.phrases, bool),
            "reflow": isinstance(self.reflow, bool),
            "quotes": self.quotes in ("auto", "corner", "curved"),
            "language": self.language in LANGUAGE_CHOICES,
            "paged": isinstance(self.paged, bool),
        }
        changes = {name: getattr(default, name) for name, ok in checks.items() if not ok}
        return replace(self, **changes) if changes else self


class SettingsStore(QObject):
    """The reader's settings file, behind methods that speak the reader's terms."""

    changed = Signal(str)  # "preferences", "recent", "positions" or "rules"

    def __init__(self, settings: QSettings, parent: QObject | None = None):
        super().__init__(parent)
        self.settings = settings
        self.preferences = self._load_preferences()
        self._clock = 0

    # Preferences

    def set_preferences(self, prefs: Preferences) -> bool:
        """Store new preferences (clamped); False when nothing changed."""
        prefs = prefs.clamped()
        if prefs == self.preferences:
            return False
        self.preferences = prefs
        for f in fields(Preferences):
            self.settings.setValue(f"reading/{f.name}", getattr(prefs, f.name))
        self.changed.emit("preferences")
        return True

    def update_preferences(self, **changes: object) -> bool:
        """Change some preferences; False when nothing changed."""
        return self.set_preferences(replace(self.preferences, **changes))

    def _load_preferences(self) -> Preferences:
        values = {}
        default = Preferences()
        for f in fields(Preferences):
            raw = self.settings.value(f"reading/{f.name}")
            if raw is None:
                continue
            wanted = type(getattr(default, f.name))
            values[f.name] = _coerce(raw, wanted, getattr(default, f.name))
        return Preferences(**values).clamped()

    # Recent files and the last document

    def recent_files(self) -> list[str]:
        """Recently opened documents that still exist, newest first."""
        raw = self.settings.value("session/recent", [])
        if isinstance(raw, str):
            raw = [raw]
        if not isinstance(raw, list):
            return []
        return [p for p in raw if isinstance(p, str) and Path(p).is_file()][:MAX_RECENT]

    def document_opened(self, path: str, title: str = "") -> None:
        """`path` is the newest recent file and the document to reopen next time.

        Another reader window may have written the list meanwhile: it is read
        again from the file first, so neither window's documents are lost.
        """
        if not path:
            return
        self.settings.sync()
        recent = [p for p in self.recent_files() if p != path]
        recent.insert(0, path)
        self.settings.setValue("session/recent", recent[:MAX_RECENT])
        if title:
            self.settings.setValue(f"titles/{_key(path)}", title)
        self.settings.setValue("session/last_document", path)
        self.settings.setValue("session/last_folder", str(Path(path).parent))
        self.settings.sync()
        self.changed.emit("recent")

    def recent_title(self, path: str) -> str:
        """The title the document had when it was last opened ('' if unknown)."""
        title = self.settings.value(f"titles/{_key(path)}", "")
        return title if isinstance(title, str) else ""

    def clear_recent(self) -> None:
        self.settings.remove("session/recent")
        self.settings.remove("titles")
        self.changed.emit("recent")

    def last_folder(self) -> str:
        """Where the reader last opened a file from, if it still exists ('' otherwise)."""
        folder = self.settings.value("session/last_folder", "")
        return folder if isinstance(folder, str) and folder and Path(folder).is_dir() else ""

    def last_document(self) -> str:
        """The document open when the reader last closed, if it still exists."""
        last = self.settings.value("session/last_document", "")
        return last if isinstance(last, str) and last and Path(last).is_file() else ""

    # Reading positions

    def position(self, identity: str, block_count: int) -> tuple[int, int]:
        """Where the reader was in the document `identity`: (block, character)."""
        raw = self.settings.value(f"positions/{identity}", "") if identity else ""
        try:
            block, offset = (int(x) for x in str(raw).split(",")[:2])
        except ValueError:
            return 0, 0
        if not (0 <= block < block_count and 0 <= offset < 100_000):
            return 0, 0
        return block, offset

    def save_position(self, identity: str, block: int, offset: int) -> None:
        """Remember a reading position; the oldest are forgotten beyond MAX_POSITIONS."""
        if not identity:
            return
        # A stamp that always grows, even within one tick of a coarse clock.
        self._clock = max(time.time_ns(), self._clock + 1)
        self.settings.setValue(f"positions/{identity}", f"{block},{offset},{self._clock}")
        self.settings.beginGroup("positions")
        try:
            keys = self.settings.childKeys()
            if len(keys) > MAX_POSITIONS:
                stamps = {key: _stamp(self.settings.value(key, "")) for key in keys}
                for key in sorted(keys, key=stamps.__getitem__)[: len(keys) - MAX_POSITIONS]:
                    self.settings.remove(key)
        finally:
            self.settings.endGroup()
        self.changed.emit("positions")

    def vertical(self, identity: str) -> bool | None:
        """Whether the reader reads document `identity` vertically; None if never said."""
        raw = self.settings.value(f"vertical/{identity}", "") if identity else ""
        return {"1": True, "0": False}.get(str(raw))

    def set_vertical(self, identity: str, on: bool) -> None:
        self.settings.setValue(f"vertical/{identity}", "1" if on else "0")

    # Chapter rules

    def chapter_rules(self, identity: str = "") -> ChapterRules:
        """The rules for document `identity`: its own when it has them, else everyone's."""
        own = self.document_rules(identity)
        if own is not None:
            return own
        return self._rules("rules/global") or DEFAULT_RULES

    def document_rules(self, identity: str) -> ChapterRules | None:
        """Document `identity`'s own rules; None when it has none (or they are corrupt)."""
        return self._rules(f"rules/{identity}") if identity else None

    def save_chapter_rules(self, rules: ChapterRules, identity: str, own: bool) -> None:
        """Rules for document `identity` only (`own`), or for all documents: then the
        document gives up its own rules."""
        if own and identity:
            self.settings.setValue(f"rules/{identity}", json.dumps(rules.to_dict()))
        else:
            self.settings.setValue("rules/global", json.dumps(rules.to_dict()))
            if identity:
                self.settings.remove(f"rules/{identity}")
        self.changed.emit("rules")

    def _rules(self, key: str) -> ChapterRules | None:
        raw = self.settings.value(key)
        if not isinstance(raw, str):
            return None
        try:
            data = json.loads(raw)
            return ChapterRules.from_dict(data) if isinstance(data, dict) else None
        except (ValueError, TypeError, RuleError):
            return None

    # Window layout

    def window_layout(self) -> tuple[QByteArray | None, QByteArray | None]:
        """The saved (geometry, dock and toolbar state), each None when missing or corrupt."""
        found = []
        for key in ("window/geometry", "window/state"):
            value = self.settings.value(key)
            found.append(QByteArray(value) if isinstance(value, QByteArray | bytes) else None)
        return found[0], found[1]

    def save_window_layout(self, geometry: QByteArray, state: QByteArray) -> None:
        self.settings.setValue("window/geometry", geometry)
        self.settings.setValue("window/state", state)

    def sync(self) -> bool:
        """Write everything to disk now; False when the file could not be written."""
        self.settings.sync()
        return self.settings.status() == QSettings.Status.NoError

    def file_name(self) -> str:
        return self.settings.fileName()


def _key(path: str) -> str:
    return hashlib.sha1(path.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _stamp(raw: object) -> float:
    try:
        return float(str(raw).split(",")[2])
    except (IndexError, ValueError):
        return 0.0  # positions saved before stamps existed go first


def _coerce(raw: object, wanted: type, default: object) -> object:
    try:
        if wanted is bool:
            if isinstance(raw, str):
                return {"true": True, "false": False}.get(raw.lower(), default)
            return bool(raw) if isinstance(raw, bool | int) else default
        if wanted is int:
            return int(str(raw))
        return str(raw) if isinstance(raw, str | int | float) else default
    except (TypeError, ValueError):
        return default
