"""The `zhreader` command: the reader window, or headless `info`, `outline` and `convert`.

Exit statuses: 0 success, 1 a document error (one line on stderr), 2 a usage error,
130 interrupted (Ctrl-C).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Sequence
from pathlib import Path

from reader import APP_NAME, __version__
from reader.book_command import convert_book
from reader.core.convert import (
    Chain,
    PhrasesNote,
    Script,
    ScriptMode,
    available_configs,
    convert,
    convert_chunked,
    plan_conversion,
)
from reader.core.document import Document
from reader.core.files import write_atomically
from reader.core.loading import (
    DEFAULT_SIZE_LIMIT,
    LoadError,
    UnknownEncodingError,
    display_encoding,
    text_codec,
)
from reader.core.messages import display_path, human_size, os_error_reason, printable
from reader.core.opening import document_from_bytes, is_epub, open_document
from reader.core.outline import Outline, OutlineEntry, document_outline
from reader.core.script import Region, detect_region, detect_script, detect_source
from reader.export_command import add_export_parser, run_export
from reader.review_command import (
    add_fixes_arg,
    add_review_args,
    convert_lines,
    fixes_from,
    rules_from,
    run_explain,
)
from reader.runtime import gc_paused
from reader.usage import OneLineParser

SUBCOMMANDS = ("info", "outline", "convert", "export")
EXIT_OK, EXIT_DOCUMENT_ERROR, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
#: The largest --size-limit: more than any machine can hold, small enough for `read()`.
MAX_SIZE_LIMIT_MIB = 1024 * 1024


class CommandError(Exception):
    """A failure the user must be told about in one line (exit status 1)."""


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `zhreader` and `python -m reader`."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in SUBCOMMANDS:
        try:
            return _run_subcommand(args)
        except KeyboardInterrupt:  # Ctrl-C before the command's own handling began
            print("zhreader: interrupted", file=sys.stderr)
            return EXIT_INTERRUPTED
    return _run_gui(args)


def main_gui() -> int:
    """Entry point of the `zhreader-gui` launcher (no console on Windows)."""
    return _run_gui(sys.argv[1:])


def _run_gui(args: list[str]) -> int:
    parser = OneLineParser(
        prog="zhreader",
        description=f"{APP_NAME}: read Chinese documents, converting between Traditional and "
        "Simplified Chinese. Without FILE it opens the bundled article.",
        epilog="Headless commands: zhreader info|outline|convert FILE (see zhreader CMD --help).",
    )
    parser.add_argument("file", nargs="?", help="document to open (TXT, Markdown or EPUB)")
    parser.add_argument("--encoding", help="decode the file with this encoding")
    parser.add_argument(
        "--reset-settings", action="store_true", help="forget every remembered setting first"
    )
    parser.add_argument(
        "--new-window",
        action="store_true",
        help="open a window of its own (without it, a running reader opens FILE)",
    )
    desktop = parser.add_mutually_exclusive_group()
    desktop.add_argument(
        "--install-desktop",
        action="store_true",
        help="add ZhReader to the application menu and to Open With (Linux, for this user)",
    )
    desktop.add_argument("--uninstall-desktop", action="store_true", help="undo --install-desktop")
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    ns = parser.parse_args(args)
    if ns.install_desktop or ns.uninstall_desktop:
        from reader.desktop import run_command

        return run_command(installing=ns.install_desktop)
    if not (ns.new_window or ns.reset_settings):
        from reader.ui.single_instance import hand_over

        if hand_over(ns.file, ns.encoding):  # the running reader opens it
            return 0
    from reader.ui.app import run_app  # Qt is imported only when a window is wanted

    return run_app(ns.file, encoding=ns.encoding, reset_settings=ns.reset_settings)


def _build_parser() -> argparse.ArgumentParser:
    parser = OneLineParser(prog="zhreader", description="Headless ZhReader commands.")
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
    add_script_args(outline, default_target=ScriptMode.ORIGINAL.value)

    convert = sub.add_parser(
        "convert", help="convert between Traditional and Simplified Chinese (OpenCC)"
    )
    add_file_args(convert)
    add_script_args(convert, default_target=ScriptMode.SIMPLIFIED.value)
    convert.add_argument(
        "--config", choices=sorted(available_configs()), help="use this OpenCC config directly"
    )
    convert.add_argument(
        "--quotes",
        choices=["corner", "curved", "keep"],
        help="quotation marks: corner 「」『』, curved “”‘’, or keep them "
        "(default: corner for --to taiwan/hongkong, else keep)",
    )
    convert.add_argument("-o", "--output", help="write here (atomically) instead of stdout")
    convert.add_argument(
        "--output-encoding", default="utf-8", help="encoding of the output (default UTF-8)"
    )
    add_review_args(convert)
    add_fixes_arg(convert)
    add_fixes_arg(add_export_parser(sub, add_file_args, add_script_args))
    return parser


def add_script_args(p: argparse.ArgumentParser, default_target: str) -> None:
    """--to, --from and --phrases, shared by the commands that convert."""
    targets = [m.value for m in ScriptMode]
    p.add_argument("--to", choices=targets, default=default_target, help="target script")
    p.add_argument(
        "--from",
        dest="source",
        choices=["auto", *(s.value for s in Script if s is not Script.MIXED)],
        default="auto",
        help="source script (default: detected)",
    )
    p.add_argument(
        "--phrases", action="store_true", help="also convert regional phrases (軟體 ↔ 软件)"
    )


def _size(value: str) -> int:
    try:
        mib = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of MiB: {printable(repr(value))}") from None
    if not 0 < mib <= MAX_SIZE_LIMIT_MIB:  # also refuses nan and inf
        raise argparse.ArgumentTypeError(
            f"the size limit must be more than 0 and at most {MAX_SIZE_LIMIT_MIB} MiB, "
            f"not {printable(value)}"
        )
    return max(1, math.ceil(mib * 1024 * 1024))


def _run_subcommand(args: list[str]) -> int:
    parser = _build_parser()
    ns = parser.parse_args(args)
    if ns.command == "export" and ns.format == "pdf" and not ns.output:
        parser.error("--format pdf needs a file to write: add -o FILE.pdf")
    try:
        _check_encodings(ns)
        if ns.command == "info":
            _info(ns)
        elif ns.command == "outline":
            _outline(ns)
        elif ns.command == "convert":
            _convert(ns)
        elif ns.command == "export":
            doc = read_document(ns)
            fixes, rules = fixes_from(ns, CommandError), rules_from(ns, CommandError)
            run_export(ns, doc, _chain(ns, doc.text), CommandError, fixes, rules)
    except (LoadError, CommandError) as exc:
        print(f"zhreader: {exc}", file=sys.stderr)
        return EXIT_DOCUMENT_ERROR
    except BrokenPipeError:
        return EXIT_OK
    except KeyboardInterrupt:
        print("zhreader: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    return EXIT_OK


def _check_encodings(ns: argparse.Namespace) -> None:
    """Refuse an encoding that reads or writes no documents before any work is done."""
    for option, name in (
        ("--encoding", ns.encoding),
        ("--output-encoding", getattr(ns, "output_encoding", None)),
    ):
        if name is None:
            continue
        try:
            text_codec(name)
        except UnknownEncodingError as exc:
            raise CommandError(f"{option}: {exc}") from None


def read_document(ns: argparse.Namespace) -> Document:
    """The document named on the command line (`-` reads standard input)."""
    with gc_paused():  # recognising allocates many small acyclic objects
        return _read_document(ns)


def _read_document(ns: argparse.Namespace) -> Document:
    if not ns.file:
        raise CommandError("the file name is empty")
    if ns.file == "-":
        data = sys.stdin.buffer.read(ns.size_limit + 1)
        if len(data) > ns.size_limit:
            raise CommandError(f"standard input: over the limit of {human_size(ns.size_limit)}")
        try:
            return document_from_bytes(data, "stdin", ns.encoding)
        except LoadError as exc:
            raise type(exc)(f"standard input: {exc}") from None
    return open_document(Path(ns.file), ns.encoding, ns.size_limit)


def _warn(ns: argparse.Namespace, doc: Document) -> None:
    """Tell on stderr what the reading of the document replaced or guessed."""
    name = "standard input" if ns.file == "-" else display_path(ns.file)
    for warning in doc.warnings:
        print(f"zhreader: {name}: warning: {warning}", file=sys.stderr)


def _info(ns: argparse.Namespace) -> None:
    doc = read_document(ns)
    facts = {
        "file": display_path(doc.source),
        "title": printable(doc.title),
        "encoding": display_encoding(doc.encoding),
        "lines": doc.line_count,
        "characters": doc.char_count,
        "blocks": len(doc.blocks),
        "headings": len(doc.headings()),
        # No Chinese at all (an empty file) is no script, not "mixed".
        "script": detect_script(doc.text).value if doc.char_count else "none",
        "region": _region_fact(doc.text) if doc.char_count else "none",
        "warnings": list(doc.warnings),
    }
    if ns.json:
        print(json.dumps(facts, ensure_ascii=False, indent=2))
        return
    for key, value in facts.items():
        if key == "warnings":
            value = "; ".join(value) if value else "none"
        print(f"{key}: {value}")


#: How `info` names a region.
REGION_NAMES = {
    Region.MAINLAND: "mainland Traditional",
    Region.TAIWAN: "Taiwan",
    Region.HONGKONG: "Hong Kong",
    Region.STANDARD: "OpenCC standard Traditional",
}


def _region_fact(text: str) -> str:
    """The detected region of Traditional text, with its confidence and evidence ('' otherwise)."""
    if detect_script(text) is not Script.TRADITIONAL:
        return ""
    guess = detect_region(text)
    evidence = ", ".join(f"{printable(what)} ×{n}" for what, n in guess.evidence[:5])
    return f"{REGION_NAMES[guess.region]} (confidence {guess.confidence:.2f}; {evidence or 'no evidence'})"


def _outline(ns: argparse.Namespace) -> None:
    doc = read_document(ns)
    _warn(ns, doc)
    outline = document_outline(doc)
    chain = _chain(ns, doc.text)
    if chain:
        outline = outline.map_titles(lambda title: convert(title, chain))
    print_outline(outline, as_json=ns.json)


#: Why --phrases changes nothing, one line each (the window words the same codes itself).
PHRASES_NOTES = {
    PhrasesNote.NOT_CONVERTING: "the original text is shown, nothing is converted",
    PhrasesNote.SAME_STANDARD: "the text is already in the target's standard",
    PhrasesNote.TARGET_HAS_NO_VOCABULARY: "standard Traditional (OpenCC) has no regional vocabulary",
    PhrasesNote.SAME_VOCABULARY: "mainland Traditional already uses the mainland's words",
    PhrasesNote.SOURCE_REGION_UNKNOWN: (
        "the text's region is unknown; name it with --from taiwan, hongkong or mainland-traditional"
    ),
}


def _chain(ns: argparse.Namespace, text: str) -> Chain:
    quotes = getattr(ns, "quotes", None)
    explicit: Chain = (f"quotes-{quotes}",) if quotes in ("corner", "curved") else ()
    if getattr(ns, "config", None):
        return (ns.config.removesuffix(".json"), *explicit)
    source = detect_source(text) if ns.source == "auto" else Script(ns.source)
    plan = plan_conversion(source, ScriptMode(ns.to), ns.phrases, None if quotes is None else False)
    if ns.phrases and plan.note is not None:
        note = PHRASES_NOTES[plan.note]
        print(f"zhreader: note: --phrases has no effect: {note}", file=sys.stderr)
    return (*plan.chain, *explicit)


def _convert(ns: argparse.Namespace) -> None:
    if ns.output == "":
        raise CommandError("-o: the output file name is empty")
    output = Path(ns.output) if ns.output else None
    if output is not None and ns.file != "-" and _same_file(output, Path(ns.file)):
        raise CommandError(f"{display_path(output)}: refusing to overwrite the input file")
    if ns.file != "-" and is_epub(ns.file):
        convert_book(ns, lambda text: _chain(ns, text), CommandError, fixes_from(ns, CommandError))
        return
    doc = read_document(ns)
    _warn(ns, doc)
    fixes, rules = fixes_from(ns, CommandError), rules_from(ns, CommandError)
    if ns.explain:
        run_explain(ns, doc, _chain(ns, doc.text), fixes)
        return
    if fixes or rules:
        chain = _chain(ns, doc.text)
        converted = convert_lines(
            doc.text, chain, ns.to, fixes.everywhere_only() if fixes else None, rules
        )
    else:
        converted = convert_chunked(doc.text, _chain(ns, doc.text))
    try:
        data = converted.encode(ns.output_encoding)
    except UnicodeEncodeError as exc:
        raise CommandError(
            f"the converted text has characters {ns.output_encoding} cannot encode "
            f"(first: {exc.object[exc.start]!r}); try --output-encoding utf-8"
        ) from None
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    try:
        write_atomically(output, data)
    except OSError as exc:
        raise CommandError(
            f"{display_path(output)}: cannot be written ({os_error_reason(exc)})"
        ) from None


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and a.samefile(b)
    except OSError:
        return False


def print_outline(outline: Outline, as_json: bool) -> None:
    """Print an outline as an indented list or as JSON."""
    if as_json:
        print(json.dumps([e.to_dict() for e in outline.entries], ensure_ascii=False, indent=2))
        return
    print(printable(outline.title))
    out = sys.stdout

    def emit(entry: OutlineEntry) -> None:
        out.write(f"{'  ' * entry.level}{printable(entry.title)}\n")
        for child in entry.children:
            emit(child)

    for entry in outline.entries:
        emit(entry)
