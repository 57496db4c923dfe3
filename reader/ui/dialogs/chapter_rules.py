"""Tools ▸ Chapter Rules: which rules made the outline, switched off or added, previewed live.

The dialog edits a `ChapterRules` value. Every change recognises the
document's text again in a worker (`PreviewJob`, newest request wins) and
shows the outline it would get, how many headings each rule found, and the
gap report: numbered chapters that skip, repeat or go backwards, and the
longest chapter. The window applies the chosen rules on OK.
"""

from __future__ import annotations

import itertools
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.core.chapter_rules import (
    BUILTIN_RULES,
    ChapterRules,
    RuleError,
    UserRule,
    import_legado,
)
from reader.core.document import Document
from reader.core.outline import OutlineEntry, document_outline
from reader.core.rule_report import ChapterGap, RulePreview, preview_rules

# Built-in rules that keep lines out of titles or the outline instead of finding headings.
NOT_HEADING_RULES = frozenset({"contents", "scrape-prefix", "advert"})
# Deepest outline level a user rule can give.
MAX_LEVEL = 6
# Gaps listed at most; a badly numbered novel can have hundreds.
MAX_GAPS_SHOWN = 200
# Quiet time after an edit before the preview recognises again.
PREVIEW_DELAY_MS = 150


class _PreviewSignals(QObject):
    done = Signal(int, object)  # request number, RulePreview
    failed = Signal(int, str)


class PreviewJob(QRunnable):
    """Recognise plain text with some rules, off the GUI thread."""

    def __init__(
        self,
        signals: _PreviewSignals,
        request: int,
        text: str,
        title: str,
        reflow: bool,
        rules: ChapterRules,
    ):
        super().__init__()
        self.signals, self.request = signals, request
        self.text, self.title, self.reflow, self.rules = text, title, reflow, rules

    def run(self) -> None:
        try:
            preview = preview_rules(self.text, self.title, self.reflow, self.rules)
        except Exception as exc:  # a user pattern that fails at match time: no traceback
            self.signals.failed.emit(self.request, str(exc))
            return
        self.signals.done.emit(self.request, preview)


class ChapterRulesDialog(QDialog):
    """The built-in rules with their examples and counts, the user's rules, the preview."""

    preview_shown = Signal()  # the preview shows the rules as they are now edited

    def __init__(
        self,
        document: Document,
        rules: ChapterRules,
        own: bool,
        start_folder: str = "",
        parent: QWidget | None = None,
        pool: QThreadPool | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("chapterRulesDialog")
        self.setWindowTitle(self.tr("Chapter Rules"))
        self._text = document.text
        self._title = Path(document.source).stem if document.source else document.title
        self._reflow = document.reflowed
        self._start_folder = start_folder
        self._pool = pool or QThreadPool.globalInstance()
        self._requests = itertools.count(1)
        self._latest = 0
        self._rules: ChapterRules | None = rules
        # No parent: a running job keeps it alive; answers to a closed dialog go nowhere.
        self._signals = _PreviewSignals()
        self._signals.done.connect(self._show_preview)
        self._signals.failed.connect(self._show_failure)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self._start_preview)

        self.builtin = self._builtin_tree(rules)
        self.user_table = QTableWidget(0, 3, self)
        self.user_table.setObjectName("userRules")
        self.user_table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Pattern (regular expression)"), self.tr("Level")]
        )
        self.user_table.horizontalHeaderItem(2).setToolTip(
            self.tr("Outline level of the lines the pattern finds: 1 as 卷, 2 as 章, 3 as 节.")
        )
        header = self.user_table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.user_table.verticalHeader().hide()
        self.user_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        add = QPushButton(self.tr("&Add Pattern"), self)
        add.clicked.connect(lambda: self.add_rule())
        remove = QPushButton(self.tr("&Remove"), self)
        remove.clicked.connect(self.remove_selected)
        legado = QPushButton(self.tr("&Import Legado Rules…"), self)
        legado.clicked.connect(self.choose_legado_file)
        self.error = QLabel(self)
        self.error.setObjectName("ruleError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        self.error.hide()
        self.import_note = QLabel(self)
        self.import_note.setWordWrap(True)
        self.import_note.hide()

        self.outline = QTreeWidget(self)
        self.outline.setObjectName("previewOutline")
        self.outline.setHeaderLabels([self.tr("Outline with these rules"), self.tr("Line")])
        self.outline.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.outline.header().setStretchLastSection(False)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.gaps = QListWidget(self)
        self.gaps.setObjectName("gapReport")
        self.longest = QLabel(self)
        self.longest.setWordWrap(True)

        self.for_document = QRadioButton(self.tr("For this &document"), self)
        self.for_all = QRadioButton(self.tr("For all doc&uments"), self)
        (self.for_document if own else self.for_all).setChecked(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        rules_box = QGroupBox(self.tr("Built-in rules"), self)
        QVBoxLayout(rules_box).addWidget(self.builtin)
        user_box = QGroupBox(self.tr("Your rules (applied first)"), self)
        user_layout = QVBoxLayout(user_box)
        user_layout.addWidget(self.user_table)
        row = QHBoxLayout()
        for button in (add, remove):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(legado)
        user_layout.addLayout(row)
        user_layout.addWidget(self.error)
        user_layout.addWidget(self.import_note)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(rules_box, 3)
        left_layout.addWidget(user_box, 2)
        preview_box = QGroupBox(self.tr("Preview"), self)
        preview_layout = QVBoxLayout(preview_box)
        preview_layout.addWidget(self.outline, 3)
        preview_layout.addWidget(self.summary)
        preview_layout.addWidget(self.gaps, 1)
        preview_layout.addWidget(self.longest)
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(preview_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        scope = QHBoxLayout()
        scope.addWidget(QLabel(self.tr("Use these rules:"), self))
        scope.addWidget(self.for_document)
        scope.addWidget(self.for_all)
        scope.addStretch(1)
        scope.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(scope)
        self.resize(1040, 680)
        for rule in rules.user:
            self.add_rule(rule)
        self.user_table.itemChanged.connect(self._edited)
        self._timer.stop()  # the first preview starts now
        self._start_preview()

    # The rules as edited

    def _builtin_tree(self, rules: ChapterRules) -> QTreeWidget:
        tree = QTreeWidget(self)
        tree.setObjectName("builtinRules")
        tree.setRootIsDecorated(False)
        tree.setHeaderLabels([self.tr("Rule"), self.tr("Example"), self.tr("Headings")])
        labels = self._rule_labels()
        for name, example in BUILTIN_RULES.items():
            item = QTreeWidgetItem(tree, [labels[name], example, ""])
            item.setData(0, Qt.ItemDataRole.UserRole, name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = Qt.CheckState.Checked if rules.enabled(name) else Qt.CheckState.Unchecked
            item.setCheckState(0, checked)
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        for column in range(3):
            tree.resizeColumnToContents(column)
        tree.itemChanged.connect(self._edited)
        return tree

    def _rule_labels(self) -> dict[str, str]:
        return {
            "volume": self.tr("Volumes and parts (卷, 部, 集, 篇)"),
            "chapter": self.tr("Chapters (章, 回, 话)"),
            "section": self.tr("Sections (节)"),
            "scene": self.tr("Scenes of a play (齣, 出, 折)"),
            "juan": self.tr("卷 and a numeral before a title"),
            "ordinal-title": self.tr("A name, then its ordinal"),
            "bare-numeral": self.tr("A numeral alone on its line"),
            "part": self.tr("Prologues, epilogues and extras"),
            "title-line": self.tr("Titles of the pieces of a collection"),
            "front-matter": self.tr("Prefaces and afterwords"),
            "underlined": self.tr("Lines underlined with --- or ==="),
            "numbered": self.tr("Numbered headings (一、（一）1.)"),
            "standalone": self.tr("Short lines between blank lines"),
            "contents": self.tr("Keep a table of contents out of the outline"),
            "scrape-prefix": self.tr("Keep e-book site residue out of titles"),
            "advert": self.tr("Keep site advertisements out of titles"),
        }

    def builtin_item(self, name: str) -> QTreeWidgetItem:
        """The list entry of built-in rule `name`."""
        for i in range(self.builtin.topLevelItemCount()):
            item = self.builtin.topLevelItem(i)
            if item.data(0, Qt.ItemDataRole.UserRole) == name:
                return item
        raise KeyError(name)

    def add_rule(self, rule: UserRule | None = None) -> int:
        """Add a row for `rule` (None: a new rule to write) to the user's rules; returns its row."""
        table = self.user_table
        blocked = table.blockSignals(True)
        row = table.rowCount()
        table.insertRow(row)
        name = QTableWidgetItem(
            rule.name if rule else self.tr("Rule %1").replace("%1", str(row + 1))
        )
        name.setFlags(name.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        enabled = rule is None or rule.enabled
        name.setCheckState(Qt.CheckState.Checked if enabled else Qt.CheckState.Unchecked)
        name.setData(Qt.ItemDataRole.UserRole, rule.example if rule else "")
        table.setItem(row, 0, name)
        table.setItem(row, 1, QTableWidgetItem(rule.pattern if rule else ""))
        level = QSpinBox(table)
        level.setRange(1, MAX_LEVEL)
        level.setValue(min(rule.level if rule else 2, MAX_LEVEL))
        level.valueChanged.connect(self._edited)
        table.setCellWidget(row, 2, level)
        table.blockSignals(blocked)
        self._edited()
        if rule is None:
            table.setCurrentCell(row, 1)
            table.editItem(table.item(row, 1))
        return row

    def set_rule(self, row: int, pattern: str, level: int | None = None) -> None:
        """Change the pattern (and level) of the user's rule in `row`."""
        self.user_table.item(row, 1).setText(pattern)
        if level is not None:
            self.user_table.cellWidget(row, 2).setValue(level)

    def remove_selected(self) -> None:
        rows = sorted({index.row() for index in self.user_table.selectedIndexes()}, reverse=True)
        for row in rows:
            self.user_table.removeRow(row)
        if rows:
            self._edited()

    def rules(self) -> ChapterRules | None:
        """The rules as edited; None while one of the user's patterns is wrong."""
        return self._rules

    def chosen(self) -> tuple[ChapterRules, bool]:
        """The edited rules, and whether they are for this document only."""
        assert self._rules is not None
        return self._rules, self.for_document.isChecked()

    def _read_rules(self) -> tuple[ChapterRules | None, list[str]]:
        disabled = {
            self.builtin.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole)
            for i in range(self.builtin.topLevelItemCount())
            if self.builtin.topLevelItem(i).checkState(0) != Qt.CheckState.Checked
        }
        user: list[UserRule] = []
        errors: list[str] = []
        table = self.user_table
        blocked = table.blockSignals(True)  # the tooltips below are no edit
        for row in range(table.rowCount()):
            name_item, pattern_item = table.item(row, 0), table.item(row, 1)
            name = name_item.text().strip()
            pattern = pattern_item.text()
            problem = ""
            try:
                user.append(
                    UserRule(
                        name=name,
                        pattern=pattern,
                        level=table.cellWidget(row, 2).value(),
                        enabled=name_item.checkState() == Qt.CheckState.Checked,
                        example=str(name_item.data(Qt.ItemDataRole.UserRole) or ""),
                    )
                )
            except RuleError as exc:
                problem = self._rule_error(row, exc)
                errors.append(problem)
            pattern_item.setToolTip(problem)
        table.blockSignals(blocked)
        if errors:
            return None, errors
        return ChapterRules(frozenset(disabled), tuple(user)), []

    def _rule_error(self, row: int, exc: RuleError) -> str:
        if exc.code == "empty-pattern":
            return self.tr("Rule %1 has no pattern.").replace("%1", str(row + 1))
        return (
            self.tr("Rule %1: the pattern is not a regular expression (%2).")
            .replace("%1", str(row + 1))
            .replace("%2", exc.detail)
        )

    def _edited(self, *_args: object) -> None:
        rules, errors = self._read_rules()
        self._rules = rules
        self.error.setText("\n".join(errors))
        self.error.setVisible(bool(errors))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(rules is not None)
        self._latest = 0  # what is being recognised now is out of date
        if rules is not None:
            self._timer.start()

    def accept(self) -> None:
        """OK applies only rules that can be used."""
        if self._rules is None:
            return
        super().accept()

    # Legado's rules

    def choose_legado_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import Legado Rules"),
            self._start_folder,
            self.tr("Legado rules (*.json *.txt);;All files (*)"),
        )
        if path:
            self.import_legado_file(path)

    def import_legado_file(self, path: str) -> int:
        """Add the rules of a Legado TXT table-of-contents rule file; returns how many."""
        try:
            imported = import_legado(Path(path).read_bytes())
        except OSError as exc:
            self._note(self.tr("%1 could not be read: %2").replace("%1", path), str(exc))
            return 0
        except RuleError as exc:
            self._note(
                self.tr("%1 is not a Legado rule file: %2").replace("%1", Path(path).name),
                exc.detail,
            )
            return 0
        for rule in imported.rules:
            self.add_rule(rule)
        text = (
            self.tr("Rules imported from %1: %2.")
            .replace("%1", Path(path).name)
            .replace("%2", str(len(imported.rules)))
        )
        if imported.rejected:
            names = ", ".join(f"{e.rule} ({e.detail})" for e in imported.rejected)
            text += " " + self.tr("Left out (Python cannot read their pattern): %1").replace(
                "%1", names
            )
        self.import_note.setText(text)
        self.import_note.setToolTip(text)
        self.import_note.show()
        return len(imported.rules)

    def _note(self, template: str, detail: str) -> None:
        text = template.replace("%2", detail)
        self.import_note.setText(text)
        self.import_note.show()

    # Preview

    def _start_preview(self) -> None:
        if self._rules is None:
            return
        self._latest = next(self._requests)
        self.summary.setText(self.tr("Recognising…"))
        self._pool.start(
            PreviewJob(
                self._signals, self._latest, self._text, self._title, self._reflow, self._rules
            )
        )

    def _show_failure(self, request: int, message: str) -> None:
        if request == self._latest:
            self.error.setText(self.tr("These rules cannot be applied: %1").replace("%1", message))
            self.error.show()

    def _show_preview(self, request: int, preview: RulePreview) -> None:
        if request != self._latest:
            return  # an older request: a newer preview is on its way
        self._fill_outline(preview)
        for i in range(self.builtin.topLevelItemCount()):
            item = self.builtin.topLevelItem(i)
            name = item.data(0, Qt.ItemDataRole.UserRole)
            count = preview.counts.get(name, 0)
            item.setText(2, "" if name in NOT_HEADING_RULES else str(count))
        gaps = preview.gaps
        total, own = sum(preview.counts.values()), preview.counts.get("user", 0)
        summary = [self.tr("Headings in the outline: %1.").replace("%1", str(total))]
        if own:
            summary.append(self.tr("Found by your rules: %1.").replace("%1", str(own)))
        if gaps.gaps:
            summary.append(
                self.tr("Places where the chapter numbers break off: %1.").replace(
                    "%1", str(len(gaps.gaps))
                )
            )
        else:
            summary.append(self.tr("The chapter numbers run in order."))
        self.summary.setText(" ".join(summary))
        self.gaps.clear()
        for gap in gaps.gaps[:MAX_GAPS_SHOWN]:
            self.gaps.addItem(self._gap_text(gap))
        if len(gaps.gaps) > MAX_GAPS_SHOWN:
            more = str(len(gaps.gaps) - MAX_GAPS_SHOWN)
            self.gaps.addItem(self.tr("Not listed: %1 more.").replace("%1", more))
        self.gaps.setVisible(bool(gaps.gaps))
        if gaps.longest_title:
            self.longest.setText(
                self.tr("Longest chapter: %1 (%2 characters).")
                .replace("%1", gaps.longest_title)
                .replace("%2", f"{gaps.longest_chars:,}")
            )
        else:
            self.longest.setText(self.tr("No chapters."))
        self.preview_shown.emit()

    def _gap_text(self, gap: ChapterGap) -> str:
        if gap.kind == "skip":
            template = self.tr("Line %1: %2 skips from %3 to %4.")
        elif gap.kind == "repeat":
            template = self.tr("Line %1: %2 repeats number %4.")
        else:
            template = self.tr("Line %1: %2 goes back from %3 to %4.")
        return (
            template.replace("%1", str(gap.line))
            .replace("%2", gap.title)
            .replace("%3", str(gap.previous))
            .replace("%4", str(gap.number))
        )

    def _fill_outline(self, preview: RulePreview) -> None:
        tree = self.outline
        tree.setUpdatesEnabled(False)
        tree.clear()

        def add(parent: QTreeWidget | QTreeWidgetItem, entry: OutlineEntry) -> None:
            item = QTreeWidgetItem(parent, [entry.title, str(entry.line)])
            item.setData(0, Qt.ItemDataRole.UserRole, entry.level)
            for child in entry.children:
                add(item, child)

        for entry in document_outline(preview.document).entries:
            add(tree, entry)
        tree.expandToDepth(0)
        tree.resizeColumnToContents(1)
        tree.setUpdatesEnabled(True)

    def preview_entries(self) -> list[tuple[int, str]]:
        """(level, title) of every entry of the previewed outline, in order."""
        found: list[tuple[int, str]] = []

        def walk(item: QTreeWidgetItem) -> None:
            found.append((item.data(0, Qt.ItemDataRole.UserRole), item.text(0)))
            for i in range(item.childCount()):
                walk(item.child(i))

        for i in range(self.outline.topLevelItemCount()):
            walk(self.outline.topLevelItem(i))
        return found
