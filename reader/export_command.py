"""`zhreader export`: a document converted and typeset as TXT, Markdown, HTML or PDF.

It runs the window's pipeline without a window: open, recognise, convert the
whole document (code left as written) into a rendition, then write it with
the core writers, or with the window's own printer for PDF (offscreen Qt).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from reader.core.convert import ScriptMode, converted_chunks
from reader.core.files import write_atomically
from reader.core.fixes import Fixes
from reader.core.messages import display_path, os_error_reason
from reader.core.rendition import Rendition, prepare
from reader.core.replace_rules import RuleSet
from reader.core.writers import FORMATS, to_html, to_markdown, to_text


def add_export_parser(sub, add_file_args, add_script_args) -> argparse.ArgumentParser:
    """The `export` subcommand's arguments."""
    export = sub.add_parser(
        "export", help="write the document converted and typeset: txt, md, html or pdf"
    )
    add_file_args(export)
    add_script_args(export, default_target=ScriptMode.ORIGINAL.value)
    export.add_argument("--format", choices=FORMATS, default="txt", help="what to write")
    export.add_argument("-o", "--output", help="write here (atomically); needed for pdf")
    export.add_argument(
        "--vertical", action="store_true", help="pdf: set in columns from right to left (直排)"
    )
    return export


def run_export(
    ns: argparse.Namespace,
    document,
    chain,
    error,
    fixes: Fixes | None = None,
    rules: RuleSet | None = None,
) -> None:
    """Convert `document` through `chain` (with the reader's `fixes` and replacement `rules`)
    and write it as `ns.format`; `error` makes the one-line message the command exits with."""
    prepared = prepare(document)
    mode = ScriptMode(ns.to)
    rendition = Rendition(prepared, mode, chain, fixes=fixes, replace_rules=rules)
    if rendition.needs_work:
        # In this thread, a chunk at a time: Ctrl-C waits for one engine call at most.
        for chunk in converted_chunks(
            prepared.texts, (0, 0), chain, prepared.kept, rendition.fixes, mode, rules
        ):
            rendition.apply(chunk)
        rendition.complete = True
    if ns.format == "pdf":
        _write_pdf(Path(ns.output), rendition, error, ns.vertical)
        return
    text = {"txt": to_text, "md": to_markdown, "html": to_html}[ns.format](rendition)
    data = text.encode("utf-8")
    if ns.output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    try:
        write_atomically(ns.output, data)
    except OSError as exc:
        raise error(
            f"{display_path(ns.output)}: cannot be written ({os_error_reason(exc)})"
        ) from None


def _write_pdf(path: Path, rendition: Rendition, error, vertical: bool = False) -> None:
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QFont, QGuiApplication

    from reader.core.convert import Script
    from reader.ui import fonts
    from reader.ui.view.printing import write_pdf

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841
    source = rendition.prepared.script
    region = fonts.region_for(rendition.mode, source is Script.SIMPLIFIED)
    family = fonts.choose_family(region)
    if family is None:
        raise error(f"no installed font can draw Chinese; {fonts.INSTALL_HINT}")
    try:
        write_pdf(
            str(path),
            rendition.prepared.document.blocks,
            rendition.texts,
            rendition.title(),
            QFont(family),
            vertical=vertical,
        )
    except OSError as exc:
        raise error(f"{display_path(path)}: cannot be written ({os_error_reason(exc)})") from None
