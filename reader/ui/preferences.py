"""Reading preferences: defaults, validated loading from QSettings, and the dialog."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QSpinBox,
    QWidget,
)

from reader.core.convert import Script, ScriptMode
from reader.ui.typeset import THEMES

MIN_FONT_PT, MAX_FONT_PT = 8, 48
LINE_HEIGHTS = (130, 150, 170, 200, 230)


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
        }
        changes = {name: getattr(default, name) for name, ok in checks.items() if not ok}
        return replace(self, **changes) if changes else self


def load_preferences(settings: QSettings) -> Preferences:
    """Read preferences; anything missing, corrupt or out of range falls back to its default."""
    values = {}
    default = Preferences()
    for f in fields(Preferences):
        raw = settings.value(f"reading/{f.name}")
        if raw is None:
            continue
        wanted = type(getattr(default, f.name))
        values[f.name] = _coerce(raw, wanted, getattr(default, f.name))
    return Preferences(**values).clamped()


def save_preferences(settings: QSettings, prefs: Preferences) -> None:
    for f in fields(Preferences):
        settings.setValue(f"reading/{f.name}", getattr(prefs, f.name))


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


class PreferencesDialog(QDialog):
    """Font, size, line spacing and theme."""

    def __init__(self, prefs: Preferences, families: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle(self.tr("Reading Preferences"))
        self.family = QComboBox(self)
        self.family.addItem(self.tr("Automatic (matches the script)"), "")
        for family in families:
            self.family.addItem(family, family)
        self.family.setCurrentIndex(max(0, self.family.findData(prefs.font_family)))
        self.size = QSpinBox(self)
        self.size.setRange(MIN_FONT_PT, MAX_FONT_PT)
        self.size.setSuffix(" pt")
        self.size.setValue(prefs.font_size)
        self.line_height = QComboBox(self)
        for value in LINE_HEIGHTS:
            self.line_height.addItem(f"{value / 100:.1f}", value)
        self.line_height.setCurrentIndex(max(0, self.line_height.findData(prefs.line_height)))
        self.theme = QComboBox(self)
        for key, label in (
            ("light", self.tr("Light")),
            ("sepia", self.tr("Sepia")),
            ("dark", self.tr("Dark")),
        ):
            self.theme.addItem(label, key)
        self.theme.setCurrentIndex(max(0, self.theme.findData(prefs.theme)))
        form = QFormLayout(self)
        form.addRow(self.tr("Font:"), self.family)
        form.addRow(self.tr("Size:"), self.size)
        form.addRow(self.tr("Line spacing:"), self.line_height)
        form.addRow(self.tr("Theme:"), self.theme)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self._base = prefs

    def chosen(self) -> Preferences:
        """The preferences as set in the dialog."""
        return replace(
            self._base,
            font_family=self.family.currentData(),
            font_size=self.size.value(),
            line_height=self.line_height.currentData(),
            theme=self.theme.currentData(),
        )
