"""Tools ▸ Replacement Rules: protect, replace before or after conversion, with a preview count."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.core.replace_rules import ReplaceRule, RuleSet, RuleStage, import_legado

COLUMNS = ("on", "scope", "stage", "regex", "find", "replace", "matches")
ON, SCOPE, STAGE, REGEX, FIND, REPLACE, MATCHES = range(len(COLUMNS))
STAGES = (RuleStage.PROTECT, RuleStage.BEFORE, RuleStage.AFTER)
# The preview counts this far and then says "10000+": a pattern that matches everywhere
# must not hold the dialog while it counts a novel.
COUNT_LIMIT = 10_000


class ReplaceRulesDialog(QDialog):
    """Edits the document's rules and the rules for every document in one table; each row
    shows how often its pattern matches this document (as written, or as shown for rules
    after conversion)."""

    def __init__(
        self,
        document_rules: RuleSet,
        global_rules: RuleSet,
        sources: Sequence[str],
        shown: Sequence[str],
        parent: QWidget | None = None,
        start_folder: str = "",
    ):
        super().__init__(parent)
        self.setObjectName("replaceRulesDialog")
        self.setWindowTitle(self.tr("Replacement Rules"))
        self._sources, self._shown = "\n".join(sources), "\n".join(shown)
        self._folder = start_folder
        intro = QLabel(
            self.tr(
                "Protect keeps text as written (names, terms); Before replaces in the text as "
                "written, before conversion; After replaces in the displayed text. Rules never "
                "change the file."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setObjectName("rulesTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("On"),
                self.tr("For"),
                self.tr("When"),
                self.tr("Regex"),
                self.tr("Find"),
                self.tr("Replace with"),
                self.tr("Matches"),
            ]
        )
        header = self.table.horizontalHeader()
        for column in (ON, SCOPE, STAGE, REGEX, MATCHES):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(FIND, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(REPLACE, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.itemChanged.connect(lambda _item: self._recount_soon())
        self.message = QLabel(self)
        self.message.setObjectName("rulesMessage")
        self.message.setWordWrap(True)
        add = QPushButton(self.tr("&Add"), self)
        add.clicked.connect(lambda: self.add_rule(ReplaceRule(""), True))
        remove = QPushButton(self.tr("&Remove"), self)
        remove.clicked.connect(self._remove_selected)
        legado = QPushButton(self.tr("&Import Legado Rules…"), self)
        legado.clicked.connect(self._choose_legado_file)
        row = QHBoxLayout()
        for button in (add, remove, legado):
            row.addWidget(button)
        row.addStretch(1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)  # count once typing pauses
        self._timer.timeout.connect(self.recount)
        for rule in document_rules.rules:
            self.add_rule(rule, True)
        for rule in global_rules.rules:
            self.add_rule(rule, False)
        self.resize(820, 420)
        self.recount()

    def add_rule(self, rule: ReplaceRule, this_document: bool) -> None:
        """A row for `rule`, for this document or for every document."""
        self.table.blockSignals(True)
        r = self.table.rowCount()
        self.table.insertRow(r)
        on = QTableWidgetItem()
        on.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
        on.setCheckState(Qt.CheckState.Checked if rule.enabled else Qt.CheckState.Unchecked)
        self.table.setItem(r, ON, on)
        scope = QComboBox(self.table)
        scope.addItem(self.tr("This document"), True)
        scope.addItem(self.tr("Every document"), False)
        scope.setCurrentIndex(0 if this_document else 1)
        self.table.setCellWidget(r, SCOPE, scope)
        stage = QComboBox(self.table)
        for value, label in zip(
            STAGES,
            (self.tr("Protect"), self.tr("Before"), self.tr("After")),
            strict=True,
        ):
            stage.addItem(label, value.value)
        stage.setCurrentIndex(STAGES.index(rule.stage))
        stage.currentIndexChanged.connect(lambda _i: self._recount_soon())
        self.table.setCellWidget(r, STAGE, stage)
        regex = QTableWidgetItem()
        regex.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
        regex.setCheckState(Qt.CheckState.Checked if rule.regex else Qt.CheckState.Unchecked)
        self.table.setItem(r, REGEX, regex)
        find = QTableWidgetItem(rule.pattern)
        find.setToolTip(rule.name)
        self.table.setItem(r, FIND, find)
        self.table.setItem(r, REPLACE, QTableWidgetItem(rule.replacement))
        matches = QTableWidgetItem("")
        matches.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.table.setItem(r, MATCHES, matches)
        self.table.blockSignals(False)
        self._recount_soon()

    def rule_at(self, row: int) -> tuple[ReplaceRule, bool]:
        """The rule a row says, and whether it is for this document only."""
        stage = self.table.cellWidget(row, STAGE)
        scope = self.table.cellWidget(row, SCOPE)
        assert isinstance(stage, QComboBox) and isinstance(scope, QComboBox)
        find, replace = self.table.item(row, FIND), self.table.item(row, REPLACE)
        rule = ReplaceRule(
            find.text() if find else "",
            replace.text() if replace else "",
            RuleStage(stage.currentData()),
            self.table.item(row, REGEX).checkState() == Qt.CheckState.Checked,
            self.table.item(row, ON).checkState() == Qt.CheckState.Checked,
            find.toolTip() if find else "",
        )
        return rule, bool(scope.currentData())

    def chosen(self) -> tuple[RuleSet, RuleSet]:
        """(this document's rules, the rules for every document), empty patterns left out."""
        mine, everyone = [], []
        for row in range(self.table.rowCount()):
            rule, this_document = self.rule_at(row)
            if rule.pattern:
                (mine if this_document else everyone).append(rule)
        return RuleSet(tuple(mine)), RuleSet(tuple(everyone))

    def accept(self) -> None:
        """OK keeps the rules only when every pattern can be used; else it says which not."""
        for row in range(self.table.rowCount()):
            rule, _ = self.rule_at(row)
            if rule.pattern and rule.error:
                self.table.setCurrentCell(row, FIND)
                message = self.tr(
                    "Rule %1 is not a valid regular expression (%2): correct it or untick Regex."
                )
                self.message.setText(message.replace("%1", str(row + 1)).replace("%2", rule.error))
                return
        super().accept()

    def _recount_soon(self) -> None:
        self._timer.start()

    def recount(self) -> None:
        """Each row's preview count (or why its pattern cannot be used)."""
        self.table.blockSignals(True)
        for row in range(self.table.rowCount()):
            rule, _ = self.rule_at(row)
            item = self.table.item(row, MATCHES)
            if rule.error and rule.pattern:
                item.setText(self.tr("error"))
                item.setToolTip(
                    self.tr("Not a valid regular expression (%1)").replace("%1", rule.error)
                )
                continue
            text = self._shown if rule.stage is RuleStage.AFTER else self._sources
            if not rule.pattern:
                item.setText("")
                continue
            n = rule.count([text], COUNT_LIMIT)
            item.setText(self.tr("%1+").replace("%1", str(n)) if n >= COUNT_LIMIT else str(n))
            item.setToolTip("")
        self.table.blockSignals(False)

    def _remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        for row in rows:
            self.table.removeRow(row)

    def _choose_legado_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import Legado Replace Rules"),
            self._folder,
            self.tr("Legado rules (*.json *.txt);;All files (*)"),
        )
        if path:
            self.import_legado_file(Path(path))

    def import_legado_file(self, path: Path) -> int:
        """Add the rules of a Legado file (for every document); says what was left out."""
        try:
            found = import_legado(path.read_bytes().decode("utf-8-sig"))
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            message = self.tr("%1 cannot be imported: %2").replace("%1", path.name)
            self.message.setText(message.replace("%2", reason))
            return 0
        for rule in found.rules:
            self.add_rule(rule, False)
        message = self.tr(
            "Imported %n rule(s). Left out: %1 written in JavaScript, %2 for chapter titles "
            "only, %3 whose pattern Python cannot read.",
            "",
            len(found.rules),
        )
        for n, value in enumerate((found.scripted, found.titles_only, found.broken), start=1):
            message = message.replace(f"%{n}", str(value))
        self.message.setText(message)
        return len(found.rules)
