"""A footnote shown beside its reference, and the way back after a jump inside the document.

A click on a note reference (EPUB `noteref`, a Markdown `[^1]`) opens `NotePopup`: the
note's text with its styles and links, and "Go to the note", which jumps to the note in
the document. Every jump inside the document (an in-book link, "Go to the note") first
records where the reader was in a `JumpHistory`; Back (Alt+Left) returns there.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from PySide6.QtCore import QPoint, QRect, Qt, Signal
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from reader.core.document import LINE_BREAK, Run

# The popup's widest text column, in ems of its font.
WIDTH_EMS = 24


class JumpHistory:
    """Positions (top block, pixels into it) the reader jumped away from, newest last."""

    LIMIT = 100

    def __init__(self) -> None:
        self._positions: list[tuple[int, int]] = []

    def push(self, position: tuple[int, int]) -> None:
        """Remember `position` before a jump (the same place twice in a row counts once)."""
        if not self._positions or self._positions[-1] != position:
            self._positions.append(position)
            del self._positions[: -self.LIMIT]

    def pop(self) -> tuple[int, int] | None:
        """The place before the latest jump, forgotten once returned; None when there is none."""
        return self._positions.pop() if self._positions else None

    def clear(self) -> None:
        """Forget every place (another document was opened)."""
        self._positions.clear()

    def __bool__(self) -> bool:
        return bool(self._positions)


def note_html(runs: Sequence[Run], text: str) -> str:
    """The note's displayed `text` as rich text, styled by its `runs` when the text still
    matches them (a conversion that changed lengths leaves it plain)."""
    if not runs or sum(len(r.text) for r in runs) != len(text):
        return _escape(text)
    out = []
    start = 0
    for run in runs:
        piece = _escape(text[start : start + len(run.text)])
        start += len(run.text)
        if run.ruby:
            piece = f"{piece}<small>（{_escape(run.ruby)}）</small>"
        if run.code:
            piece = f"<code>{piece}</code>"
        if run.bold:
            piece = f"<b>{piece}</b>"
        if run.italic:
            piece = f"<i>{piece}</i>"
        if run.strike:
            piece = f"<s>{piece}</s>"
        if run.note:
            piece = f"<sup>{piece}</sup>"
        if run.link:
            piece = f'<a href="{html.escape(run.link, quote=True)}">{piece}</a>'
        out.append(piece)
    return "".join(out)


def _escape(text: str) -> str:
    return html.escape(text, quote=False).replace(LINE_BREAK, "<br>").replace("\n", "<br>")


class NotePopup(QFrame):
    """The note beside its reference: its text, its links, and a jump to it in the document.
    It closes on a click outside it or Esc, as a popup does."""

    go_to_note = Signal(int)  # the note's block index
    link_clicked = Signal(str)  # a link in the note's text

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("notePopup")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._block = -1
        self.text = QLabel(self)
        self.text.setObjectName("noteText")
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByMouse
        )
        self.text.linkActivated.connect(self._follow)
        self.go = QLabel(self)
        self.go.setObjectName("goToNote")
        self.go.setTextFormat(Qt.TextFormat.RichText)
        go_to = self.tr("Go to the note")
        self.go.setText(f'<a href="#note">{html.escape(go_to)}</a>')
        self.go.setToolTip(self.tr("Jump to the note in the document (Alt+Left comes back)"))
        self.go.linkActivated.connect(self._go)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(8)
        layout.addWidget(self.text)
        layout.addWidget(self.go, 0, Qt.AlignmentFlag.AlignRight)

    @property
    def block(self) -> int:
        """The block index of the note shown (-1 before any)."""
        return self._block

    def show_note(
        self,
        block: int,
        runs: Sequence[Run],
        text: str,
        where: QPoint,
        font: QFont,
        label: str = "",
    ) -> None:
        """Show the note at block `block`, displayed as `text`, just below the global point
        `where`, kept on its screen; headed by its `label` when the note does not begin with
        it (books that restart their notes in each chapter say which note this is)."""
        self._block = block
        self.go.setVisible(block >= 0)
        self.text.setFont(font)
        shown = note_html(runs, text)
        number = re.sub(r"(?<=.)\.\d+$", "", label)  # "1.2": the second note labelled 1
        if number and not text.lstrip().lstrip("[(（【〔").startswith(number):
            shown = f"<b>{_escape(number)}</b>\u3000{shown}"
        self.text.setText(shown)
        width = round(font.pixelSize() * WIDTH_EMS) if font.pixelSize() > 0 else 420
        self.text.setFixedWidth(width)
        self.adjustSize()
        self.move(self._place(where))
        self.show()
        self.go.setFocus()

    def show_missing(self, where: QPoint, font: QFont) -> None:
        """Say at `where` that the reference's note is not in the document (its file is
        missing from the book, or it was never written)."""
        message = self.tr("This note is not in the document.")
        self.show_note(-1, (), message, where, font)

    def _place(self, where: QPoint) -> QPoint:
        screen = QGuiApplication.screenAt(where) or QGuiApplication.primaryScreen()
        area: QRect = screen.availableGeometry()
        x = min(max(area.left(), where.x() - self.width() // 2), area.right() - self.width())
        y = where.y() + 12
        if y + self.height() > area.bottom():  # no room below: above the reference
            y = max(area.top(), where.y() - 12 - self.height())
        return QPoint(x, y)

    def _go(self) -> None:
        self.hide()
        self.go_to_note.emit(self._block)

    def _follow(self, target: str) -> None:
        self.hide()
        self.link_clicked.emit(target)
