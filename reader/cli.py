"""The `zhreader` command: the reader window, or headless `info`, `outline` and `convert`.

Exit statuses: 0 success, 1 a document error (one line on stderr), 2 a usage error.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from reader import APP_NAME, __version__
from reader.core.document import Document
from reader.core.loading import DEFAULT_SIZE_LIMIT, LoadError, display_encoding
from reader.core.opening import document_from_bytes, open_document
from reader.core.outline import Outline, OutlineEntry, build_outline

SUBCOMMANDS = ("info", "outline", "convert")
EXIT_OK, EXIT_DOCUMENT_ERROR, EXIT_USAGE = 0, 1, 2


class CommandError(Exception):
    """A failure the user must be told about in one line (exit status 1)."""


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `zhreader` and `python -m reader`."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in SUBCOMMANDS:
        return _run_subcommand(args)
    return _run_gui(args)


def main_gui() -> int:
    """Entry point of the `zhreader-gui` launcher (no console on Windows)."""
    return _run_gui(sys.argv[1:])


def _run_gui(args: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="zhreader",
        description=f"{APP_NAME}: read Chinese documents, converting between Traditional and "
        "Simplified Chinese. Without FILE it opens the bundled article.",
        epilog="Headless commands: zhreader info|outline|convert FILE (see zhreader CMD --help).",
    )
    parser.add_argument("file", nargs="?", help="document to open (TXT or Markdown)")
    parser.add_argument("--encoding", help="decode the file with this encoding")
    parser.add_argument(
        "--reset-settings", action="store_true", help="forget every remembered setting first"
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    ns = parser.parse_args(args)
    from reader.ui.app import run_app  # Qt is imported only when a window is wanted

    return run_app(ns.file, encoding=ns.encoding, reset_settings=ns.reset_settings)


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="zhreader", description="Headless ZhReader commands.")
    sub = parser.add_subparsers(dest="command", required=True)

    def add_file_args(p: argparse.ArgumentParser) -> None:
        p.add_argument("file", help="the document, or - for standard input")
        p.add_argument("--encoding", help="decode with this encoding instead of detecting it")
        p.add_argument(
            "--size-limit",
            type=_size,
            default=DEFAULT_SIZE_LIMIT,
            metavar="MIB",
            help="refuse files larger than this many MiB (default 256)",
        )

    info = sub.add_parser("info", help="encoding, line and character counts, warnings")
    add_file_args(info)
    info.add_argument("--json", action="store_true", help="print JSON")

    outline = sub.add_parser("outline", help="the section outline")
    add_file_args(outline)
    outline.add_argument("--json", action="store_true", help="print JSON")
    return parser


def _size(value: str) -> int:
    try:
        mib = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of MiB: {value!r}") from None
    if mib <= 0:
        raise argparse.ArgumentTypeError("the size limit must be positive")
    return int(mib * 1024 * 1024)


def _run_subcommand(args: list[str]) -> int:
    parser = _build_parser()
    ns = parser.parse_args(args)
    try:
        if ns.command == "info":
            _info(ns)
        elif ns.command == "outline":
            _outline(ns)
    except (LoadError, CommandError) as exc:
        print(f"zhreader: {exc}", file=sys.stderr)
        return EXIT_DOCUMENT_ERROR
    except BrokenPipeError:
        return EXIT_OK
    return EXIT_OK


def read_document(ns: argparse.Namespace) -> Document:
    """The document named on the command line (`-` reads standard input)."""
    if ns.file == "-":
        data = sys.stdin.buffer.read(ns.size_limit + 1)
        if len(data) > ns.size_limit:
            raise CommandError("standard input is over the size limit")
        return document_from_bytes(data, "stdin", ns.encoding)
    return open_document(Path(ns.file), ns.encoding, ns.size_limit)


def _info(ns: argparse.Namespace) -> None:
    doc = read_document(ns)
    facts = {
        "file": doc.source,
        "title": doc.title,
        "encoding": display_encoding(doc.encoding),
        "lines": doc.line_count,
        "characters": doc.char_count,
        "blocks": len(doc.blocks),
        "headings": len(doc.headings()),
        "warnings": list(doc.warnings),
    }
    if ns.json:
        print(json.dumps(facts, ensure_ascii=False, indent=2))
        return
    for key, value in facts.items():
        if key == "warnings":
            value = "; ".join(value) if value else "none"
        print(f"{key}: {value}")


def _outline(ns: argparse.Namespace) -> None:
    doc = read_document(ns)
    print_outline(build_outline(doc), as_json=ns.json)


def print_outline(outline: Outline, as_json: bool) -> None:
    """Print an outline as an indented list or as JSON."""
    if as_json:
        print(json.dumps([e.to_dict() for e in outline.entries], ensure_ascii=False, indent=2))
        return
    print(outline.title)
    out = sys.stdout

    def emit(entry: OutlineEntry) -> None:
        out.write(f"{'  ' * entry.level}{entry.title}\n")
        for child in entry.children:
            emit(child)

    for entry in outline.entries:
        emit(entry)
