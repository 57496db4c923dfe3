"""Export and print what the reader shows: text, PDF and paper, of one rendition.

Every action is bound to the rendition it was asked for: it waits for that
rendition's conversion to finish (never writing half-converted text), is
dropped with a message if the reader switches script or document first, and
reports a failed conversion instead of waiting for ever. Files are written
atomically: a failure leaves the old file as it was.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from reader.core.convert import ScriptMode
from reader.core.files import write_atomically
from reader.core.fixes import paragraph_fixer
from reader.core.loading import LoadError
from reader.core.messages import display_path
from reader.core.rendition import Rendition
from reader.ui.error_texts import open_error_message, os_reason
from reader.ui.session import DocumentSession
from reader.ui.view.printing import (
    PROCESS_BLOCKS,
    print_blocks,
    write_pdf,
    write_pdf_in_process,
)


class Exporter(QObject):
    """File → Export Text, Export as PDF and Print for the window's open document."""

    message = Signal(str, int)  # a status-bar line and how long to show it (ms)
    exported = Signal(str)  # the path just written

    def __init__(
        self,
        parent: QWidget,
        session: Callable[[], DocumentSession | None],
        typesetting: Callable[[], tuple[QFont, float, int]],
        folder: Callable[[], str] = str,
        vertical: Callable[[], bool] = bool,
    ):
        super().__init__(parent)
        self._vertical = vertical  # set in columns, as the view shows it
        self._parent = parent
        self._session = session
        self._typesetting = typesetting
        self._folder = folder  # where save dialogs start
        self._jobs: list[PdfSignals] = []

    # Actions

    def export_text(self) -> None:
        """Ask where, then save the displayed text as UTF-8."""
        session = self._session()
        if session is None or session.rendition is None or not session.path:
            return
        rendition = session.rendition
        suggested = Path(self._folder()) / Path(session.path).stem
        mode = rendition.mode
        name = (
            f"{suggested}-{mode.value}.txt"
            if mode is not ScriptMode.ORIGINAL
            else f"{suggested}.txt"
        )
        path, _ = QFileDialog.getSaveFileName(
            self._parent, self.tr("Export Text"), name, self.tr("Text files (*.txt)")
        )
        if not path:
            return
        if _same_file(path, session.path):
            answer = QMessageBox.question(
                self._parent,
                self.tr("Overwrite the open document?"),
                self.tr(
                    "%1 is the document you are reading. Replace it with the displayed text?"
                ).replace("%1", path),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._when_converted(session, lambda: self.write_text(path, rendition))

    def export_pdf(self) -> None:
        """Ask where, then write the displayed text as a PDF."""
        session = self._session()
        if session is None or session.rendition is None:
            return
        rendition = session.rendition
        name = str(Path(self._folder()) / f"{Path(session.path).stem or 'document'}.pdf")
        path, _ = QFileDialog.getSaveFileName(
            self._parent, self.tr("Export as PDF"), name, self.tr("PDF documents (*.pdf)")
        )
        if path:
            self._when_converted(session, lambda: self.write_pdf_in_background(path, rendition))

    def export_book(self) -> None:
        """Ask where, then write a copy of the open EPUB converted to the displayed script."""
        session = self._session()
        if (
            session is None
            or session.rendition is None
            or session.prepared is None
            or session.prepared.document.format != "epub"
        ):
            return
        rendition = session.rendition
        if not rendition.chain:
            self.message.emit(self.tr("Choose a script to convert to first (View ▸ Script)."), 8000)
            return
        stem = Path(session.path).stem
        name = str(Path(self._folder()) / f"{stem}-{rendition.mode.value}.epub")
        path, _ = QFileDialog.getSaveFileName(
            self._parent, self.tr("Export Converted Book"), name, self.tr("EPUB books (*.epub)")
        )
        if not path:
            return
        if _same_file(path, session.path):
            self._write_failed(path, self.tr("it is the book you are reading"))
            return
        from reader.core.formats.epub_writer import language_tag  # lxml only for books

        job = BookJob(session.path, path, rendition.chain, language_tag(rendition.mode))
        job.fixes = paragraph_fixer(session.fixes, rendition.mode)
        signals = job.signals
        signals.done.connect(self._pdf_written)
        signals.failed.connect(lambda reason: self._write_failed(path, reason))
        self._jobs.append(signals)
        signals.finished.connect(lambda: self._jobs.remove(signals))
        self.message.emit(self.tr("Writing the converted book…"), 0)
        QThreadPool.globalInstance().start(job)

    def print_document(self) -> None:
        """The print dialog, then the displayed text on paper."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        session = self._session()
        if session is None or session.rendition is None:
            return
        rendition = session.rendition
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if QPrintDialog(printer, self._parent).exec():
            self._when_converted(session, lambda: self._print(printer, rendition))

    def _when_converted(self, session: DocumentSession, action: Callable[[], object]) -> None:
        if session.when_idle(action, self._conversion_failed, self._dropped):
            return
        self.message.emit(self.tr("Waiting for the conversion to finish…"), 0)

    def _conversion_failed(self, reason: str) -> None:
        QMessageBox.warning(
            self._parent,
            self.tr("Export failed"),
            self.tr("The conversion failed, so nothing was written: %1").replace("%1", reason),
        )

    def _dropped(self) -> None:
        self.message.emit(
            self.tr("Export cancelled: the displayed text changed before its conversion finished."),
            10_000,
        )

    # Writers

    def write_text(self, path: str, rendition: Rendition) -> bool:
        """Write the rendition's text to `path` atomically; True on success."""
        try:
            write_atomically(path, rendition.export_plain().encode("utf-8"))
        except OSError as exc:
            self._write_failed(path, exc)
            return False
        self.message.emit(self.tr("Exported to %1").replace("%1", path), 5000)
        self.exported.emit(path)
        return True

    def write_pdf(self, path: str, rendition: Rendition) -> bool:
        """Write the rendition as a PDF to `path` atomically, here and now; True on success."""
        font, _, _ = self._typesetting()
        blocks = rendition.prepared.document.blocks
        try:
            write_pdf(
                path, blocks, rendition.texts, rendition.title(), font, vertical=self._vertical()
            )
        except OSError as exc:
            self._write_failed(path, exc)
            return False
        self._pdf_written(path)
        return True

    def write_pdf_in_background(self, path: str, rendition: Rendition) -> None:
        """The same in a worker thread, with progress in the status bar (a novel takes a while)."""
        font, _, _ = self._typesetting()
        blocks = rendition.prepared.document.blocks
        job = PdfJob(path, blocks, tuple(rendition.texts), rendition.title(), font)
        job.vertical = self._vertical()
        signals = job.signals
        signals.progress.connect(
            lambda percent: self.message.emit(
                self.tr("Writing the PDF… %1%").replace("%1", str(percent)), 0
            )
        )
        signals.done.connect(self._pdf_written)
        signals.failed.connect(lambda reason: self._write_failed(path, reason))
        self._jobs.append(signals)  # alive until the job answers
        signals.finished.connect(lambda: self._jobs.remove(signals))
        QThreadPool.globalInstance().start(job)

    def _pdf_written(self, path: str) -> None:
        self.message.emit(self.tr("Exported to %1").replace("%1", path), 5000)
        self.exported.emit(path)

    def _print(self, printer, rendition: Rendition) -> None:  # QPrinter, imported lazily
        from PySide6.QtPrintSupport import QPrinter

        if printer.outputFormat() is QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
            # "Print to file" is a PDF export: written atomically like one, in a worker.
            self.write_pdf_in_background(printer.outputFileName(), rendition)
            return
        font, _, _ = self._typesetting()
        printer.setDocName(rendition.title())
        try:
            print_blocks(
                printer,
                rendition.prepared.document.blocks,
                rendition.texts,
                font,
                vertical=self._vertical(),
            )
        except OSError as exc:
            self._write_failed(printer.printerName(), exc)

    def _write_failed(self, path: str, why: OSError | str) -> None:
        reason = os_reason(why) if isinstance(why, OSError) else why
        QMessageBox.warning(
            self._parent,
            self.tr("Export failed"),
            self.tr("%1 could not be written: %2")
            .replace("%1", display_path(path))
            .replace("%2", reason),
        )


class PdfSignals(QObject):
    """What a PDF job answers with."""

    progress = Signal(int)
    done = Signal(str)  # the path written
    failed = Signal(str)  # why not, in one line
    finished = Signal()  # after done or failed


class FileJob(QRunnable):
    """Write one file in a worker thread: `done(path)`, or `failed` with a one-line reason."""

    def __init__(self, path: str):
        super().__init__()
        self.path = path
        self.signals = PdfSignals()
        self.setAutoDelete(True)

    def write(self) -> None:
        raise NotImplementedError

    def run(self) -> None:
        signals = self.signals
        try:
            self.write()
        except LoadError as exc:
            signals.failed.emit(open_error_message(exc))
        except OSError as exc:
            signals.failed.emit(os_reason(exc))
        except Exception as exc:  # never let a traceback reach the user
            traceback.print_exc()
            signals.failed.emit(str(exc) or type(exc).__name__)
        else:
            signals.done.emit(self.path)
        signals.finished.emit()


class PdfJob(FileJob):
    """Set a rendition on PDF pages (in a process of its own when the document is long)."""

    def __init__(self, path: str, blocks, texts: tuple[str, ...], title: str, font: QFont):
        super().__init__(path)
        self.blocks, self.texts, self.title, self.font = blocks, texts, title, font
        self.vertical = False

    def write(self) -> None:
        write = write_pdf_in_process if len(self.blocks) > PROCESS_BLOCKS else write_pdf
        write(
            self.path,
            self.blocks,
            self.texts,
            self.title,
            self.font,
            self.signals.progress.emit,
            vertical=self.vertical,
        )


class BookJob(FileJob):
    """Write a converted copy of an EPUB."""

    def __init__(self, source: str, path: str, chain, language: str):
        super().__init__(path)
        self.source, self.chain, self.language = source, chain, language
        self.fixes = None  # the reader's fixes (reader.core.fixes.paragraph_fixer)

    def write(self) -> None:
        from reader.core.formats.epub_writer import convert_epub  # lxml only for books

        convert_epub(self.source, self.path, self.chain, self.language, fixes=self.fixes)


def _same_file(a: str, b: str) -> bool:
    try:
        return Path(a).exists() and Path(b).exists() and Path(a).samefile(b)
    except OSError:
        return False
