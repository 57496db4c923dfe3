"""`zhreader convert book.epub -o out.epub`: a converted copy of an EPUB, markup untouched."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from reader.core.convert import Chain, ScriptMode
from reader.core.fixes import Fixes, paragraph_fixer
from reader.core.messages import display_path, os_error_reason


def convert_book(
    ns: argparse.Namespace,
    chain_for: Callable[[str], Chain],
    error: type[Exception],
    fixes: Fixes | None = None,
) -> None:
    """Write the EPUB `ns.file` converted to `ns.output`; `chain_for(text)` picks the chain
    (from the book's paragraphs when the source script must be detected), `error` makes the
    one-line message the command exits with."""
    from reader.core.formats.epub_writer import convert_epub, language_tag

    if not ns.output:
        raise error("an EPUB converts to an EPUB: add -o FILE.epub")
    if getattr(ns, "explain", False) or getattr(ns, "rules", None):
        raise error("--explain and --rules work on text files; an EPUB converts with --fixes")
    detect = ns.source == "auto" and not getattr(ns, "config", None)
    chain = chain_for if detect else chain_for("")
    language = "" if getattr(ns, "config", None) else language_tag(ScriptMode(ns.to))
    try:
        fixer = paragraph_fixer(fixes, ns.to) if fixes else None
        result = convert_epub(ns.file, ns.output, chain, language, ns.size_limit, fixer)
    except OSError as exc:
        raise error(
            f"{display_path(ns.output)}: cannot be written ({os_error_reason(exc)})"
        ) from None
    for warning in result.warnings:
        print(f"zhreader: {ns.file}: {warning}", file=sys.stderr)
