"""The status bar: encoding, source and shown script, size, progress, and a busy bar."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar, QWidget

from reader.core.convert import PhrasesNote, Script, ScriptMode
from reader.core.script import RegionGuess

# The scripts by the names the script modes use, in every interface language (the
# Source Script menu shows them in this order).
SCRIPT_NAMES = {
    Script.SIMPLIFIED: "简体",
    Script.MAINLAND_TRADITIONAL: "繁體（大陸用字）",
    Script.TRADITIONAL: "繁體（標準）",
    Script.TAIWAN: "臺灣正體",
    Script.HONGKONG: "香港繁體",
    Script.MIXED: "混合",
}
MODE_NAMES = {
    ScriptMode.SIMPLIFIED: "简体",
    ScriptMode.TRADITIONAL: "繁體（標準）",
    ScriptMode.TAIWAN: "臺灣正體",
    ScriptMode.HONGKONG: "香港繁體",
}


class StatusBar(QStatusBar):
    """Facts about the open document, and what the reader is busy with."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("statusBar")
        self.encoding = QLabel(self)
        self.source = QLabel(self)
        self.shown = QLabel(self)
        self.chars = QLabel(self)
        self.lines = QLabel(self)
        self.reading = QLabel(self)
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setMaximumWidth(140)
        self.progress_bar.setMaximumHeight(14)
        self.progress_bar.setTextVisible(False)
        self.progress_bar.hide()
        self.addWidget(self.progress_bar)
        for label in (self.encoding, self.lines, self.source, self.shown, self.chars, self.reading):
            self.addPermanentWidget(label)
        self._loading = False
        self._converted: int | None = None

    def show_document(
        self,
        encoding: str,
        source: Script,
        detected: bool,
        mode: ScriptMode,
        phrases: bool,
        char_count: int,
        reflowed: bool = False,
        region: RegionGuess | None = None,
    ) -> None:
        """What the document is and how it is shown."""
        self.encoding.setText(encoding)
        if char_count == 0:
            source_text = self.tr("Source: none (empty document)")
        elif detected:
            source_text = self.tr("Source: %1 (detected)").replace("%1", SCRIPT_NAMES[source])
        else:
            source_text = self.tr("Source: %1 (set)").replace("%1", SCRIPT_NAMES[source])
        self.source.setText(source_text)
        if region is not None and detected:
            evidence = "、".join(f"{word} ×{count}" for word, count in region.evidence[:4])
            self.source.setToolTip(
                self.tr("Region told by %1 (confidence %2)")
                .replace("%1", evidence or "—")
                .replace("%2", f"{region.confidence:.2f}")
            )
        else:
            self.source.setToolTip("")
        shown = SCRIPT_NAMES[source] if mode is ScriptMode.ORIGINAL else MODE_NAMES[mode]
        if char_count == 0 and mode is ScriptMode.ORIGINAL:
            shown = "—"  # nothing to show in any script ("mixed" would say there is text)
        text = (self.tr("Showing: %1 + phrases") if phrases else self.tr("Showing: %1")).replace(
            "%1", shown
        )
        self.shown.setText(text)
        # The count picks the plural form; the figure is grouped the same in every language.
        count = self.tr("%1 characters", "", char_count).replace("%1", f"{char_count:,}")
        self.chars.setText(count)
        self.lines.setText(self.tr("lines joined") if reflowed else "")
        self.lines.setToolTip(
            self.tr("The file wraps its lines; they are shown joined into paragraphs.")
            if reflowed
            else ""
        )

    def phrases_reason(self, note: PhrasesNote) -> str:
        """Why regional phrases cannot apply, in a sentence for the tooltip and this bar."""
        reasons = {
            PhrasesNote.NOT_CONVERTING: self.tr(
                "The original text is shown: nothing is converted."
            ),
            PhrasesNote.SAME_STANDARD: self.tr("The text already follows this standard."),
            PhrasesNote.TARGET_HAS_NO_VOCABULARY: self.tr(
                "OpenCC's standard Traditional has no regional vocabulary: choose 臺灣正體 "
                "or 香港繁體 for regional words."
            ),
            PhrasesNote.SAME_VOCABULARY: self.tr(
                "The text is written with mainland vocabulary already: there are no regional "
                "words to convert for 简体."
            ),
            PhrasesNote.SOURCE_REGION_UNKNOWN: self.tr(
                "The text's region is not known: choose its source script (Taiwan, Hong Kong "
                "or mainland) under View ▸ Script ▸ Source Script."
            ),
        }
        return reasons[note]

    def show_reading_progress(self, percent: int) -> None:
        self.reading.setText(f"{percent}%")

    def set_loading(self, on: bool) -> None:
        """A document is being opened: a busy bar that does not know how long."""
        self._loading = on
        self._update_bar()

    def set_conversion(self, percent: int | None) -> None:
        """How far the running conversion is; None when none runs."""
        self._converted = percent
        self._update_bar()

    def _update_bar(self) -> None:
        bar = self.progress_bar
        if self._loading:
            bar.setRange(0, 0)
            bar.show()
        elif self._converted is not None:
            bar.setRange(0, 100)
            bar.setValue(self._converted)
            bar.show()
        else:
            bar.setRange(0, 100)
            bar.hide()

    @property
    def busy(self) -> bool:
        """True while the busy or progress bar shows."""
        return not self.progress_bar.isHidden()
