"""The Conversion panel: one converted span, why it reads so, and what else it could read."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDockWidget,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.core.segments import Alternative, SegmentKind


class ConversionPanel(QDockWidget):
    """Shows a span's source, its displayed text, the rule that chose it and the
    alternatives; a click on an alternative asks for it (`chosen`)."""

    chosen = Signal(str, bool)  # the text to show, and whether everywhere in the document

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("conversionPanel")
        self.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        body = QWidget(self)
        self._layout = QVBoxLayout(body)
        self.span_label = QLabel(body)
        self.span_label.setObjectName("conversionSpan")
        self.span_label.setTextFormat(Qt.TextFormat.PlainText)
        font = self.span_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        self.span_label.setFont(font)
        self.rule_label = QLabel(body)
        self.rule_label.setObjectName("conversionRule")
        self.rule_label.setWordWrap(True)
        self.everywhere = QCheckBox(body)
        self.everywhere.setObjectName("conversionEverywhere")
        self.empty_label = QLabel(body)
        self.empty_label.setWordWrap(True)
        self._choices = QVBoxLayout()
        self._layout.addWidget(self.span_label)
        self._layout.addWidget(self.rule_label)
        self.instead_label = QLabel(body)
        self._layout.addWidget(self.instead_label)
        self._layout.addLayout(self._choices)
        self._layout.addWidget(self.empty_label)
        self._layout.addWidget(self.everywhere)
        self._layout.addStretch(1)
        self.setWidget(body)
        self.buttons: list[QPushButton] = []
        self._shown: tuple | None = None
        self._retranslate()

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Conversion"))
        self.empty_label.setText(self.tr("OpenCC's dictionaries offer nothing else here."))
        self.instead_label.setText(self.tr("Show instead:"))
        if self._shown is not None:  # the span on show, worded again
            checked = self.everywhere.isChecked()
            self._fill()
            self.everywhere.setChecked(checked)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def show_span(
        self,
        source: str,
        shown: str,
        kind: SegmentKind,
        uncertain: bool,
        phrase: str,
        alternatives: list[Alternative],
    ) -> None:
        """Present one span and its alternatives (each a button) and show the panel."""
        self._shown = (source, shown, kind, uncertain, phrase, alternatives)
        self._fill()
        self.show()
        self.raise_()

    def _fill(self) -> None:
        """Word the span on show (`_shown`) in the interface language."""
        assert self._shown is not None
        source, shown, kind, uncertain, phrase, alternatives = self._shown
        self.span_label.setText(self.tr("%1 → %2").replace("%1", source).replace("%2", shown))
        rule = self._rule(kind, phrase)
        if uncertain:
            rule = self.tr("%1; uncertain: check it").replace("%1", rule)
        self.rule_label.setText(rule)
        self.everywhere.setText(
            self.tr("Every “%1” in this document").replace("%1", phrase or source)
        )
        for button in self.buttons:
            self._choices.removeWidget(button)
            button.deleteLater()
        self.buttons = []
        for alt in alternatives:
            label = alt.text if not alt.hint else self.tr("%1   as in %2")
            label = label.replace("%1", alt.text).replace("%2", alt.hint)
            button = QPushButton(label, self)
            button.setObjectName("conversionChoice")
            button.setToolTip(self.tr("Show %1 here").replace("%1", alt.text))
            button.clicked.connect(lambda _=False, t=alt.text: self._choose(t))
            self._choices.addWidget(button)
            self.buttons.append(button)
        self.empty_label.setVisible(not alternatives)
        self.instead_label.setVisible(bool(alternatives))

    def _choose(self, text: str) -> None:
        self.chosen.emit(text, self.everywhere.isChecked())

    def _rule(self, kind: SegmentKind, phrase: str) -> str:
        if kind is SegmentKind.PHRASE:
            if phrase:
                return self.tr("Chosen by the phrase entry %1").replace("%1", phrase)
            return self.tr("Chosen by a phrase entry")
        return {
            SegmentKind.CHARACTER: self.tr("The character table's first choice"),
            SegmentKind.VARIANT: self.tr("A variant table (regional or mainland forms)"),
            SegmentKind.QUOTE: self.tr("The quotation-mark rule"),
            SegmentKind.GUARD: self.tr("ZhReader's table of OpenCC's known errors"),
            SegmentKind.FIX: self.tr("Your fix"),
            SegmentKind.RULE: self.tr("A replacement rule"),
            SegmentKind.SAME: self.tr("Left as written"),
        }[kind]
