"""The preferences dialog: font, size, line spacing, theme and interface language."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QWidget,
)

from reader.ui.settings_store import LINE_HEIGHTS, MAX_FONT_PT, MIN_FONT_PT, Preferences


class PreferencesDialog(QDialog):
    """Font, size, line spacing, theme and interface language."""

    def __init__(
        self,
        prefs: Preferences,
        families: list[str],
        parent: QWidget | None = None,
        edit_dictionary: Callable[[], object] | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle(self.tr("Preferences"))
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
        self.language = QComboBox(self)
        for key, label in (
            ("system", self.tr("System")),
            ("en", "English"),
            ("zh_Hans", "简体中文"),
            ("zh_Hant", "繁體中文"),
        ):
            self.language.addItem(label, key)
        self.language.setCurrentIndex(max(0, self.language.findData(prefs.language)))
        form.addRow(self.tr("Language:"), self.language)
        self.language_note = QLabel(self.tr("The interface changes language at once."), self)
        form.addRow("", self.language_note)
        if edit_dictionary is not None:
            dictionary = QPushButton(self.tr("User &Dictionary…"), self)
            dictionary.setObjectName("userDictionaryButton")
            dictionary.clicked.connect(edit_dictionary)
            form.addRow(self.tr("Conversion:"), dictionary)
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
            language=self.language.currentData(),
        )
