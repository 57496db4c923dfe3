"""`zhreader convert --explain FILE`: what conversion changed and why; `--fixes FILE`.

`--explain` lists every changed span of the converted document, block by
block, with the rule that chose it (phrase entry, character table, variant
table, quote rule, guard, fix) and, for one-to-many characters and phrases,
the alternatives OpenCC's dictionaries offer; `--json` prints the same as
JSON. `--fixes FILE` reads a fixes file (the reader's JSON) or a user
dictionary (`phrase<TAB>shown` lines) and applies it.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path

from reader.core.convert import Chain, convert_chunk
from reader.core.document import Document
from reader.core.fixes import Fixes, read_fixes_file
from reader.core.messages import display_path, os_error_reason, printable
from reader.core.rendition import prepare
from reader.core.replace_rules import RuleSet, import_legado
from reader.core.segments import SegmentKind, block_segments, changed_runs, review_tables


def add_review_args(convert_parser: argparse.ArgumentParser) -> None:
    """--explain, --uncertain and --json for `convert`."""
    convert_parser.add_argument(
        "--explain",
        action="store_true",
        help="list the changed spans with the rule that chose them and the alternatives",
    )
    convert_parser.add_argument(
        "--uncertain", action="store_true", help="with --explain: only the uncertain spans"
    )
    convert_parser.add_argument("--json", action="store_true", help="with --explain: print JSON")


def add_fixes_arg(parser: argparse.ArgumentParser) -> None:
    """--fixes FILE and --rules FILE for `convert` and `export`."""
    parser.add_argument(
        "--fixes",
        metavar="FILE",
        help="apply these fixes: a fixes file saved by the reader, or phrase<TAB>shown lines",
    )
    parser.add_argument(
        "--rules",
        metavar="FILE",
        help="apply these replacement rules: a rules file saved by the reader, or Legado's",
    )


def rules_from(ns: argparse.Namespace, error: type[Exception]) -> RuleSet | None:
    """The replacement rules `--rules` names (None without it)."""
    name = getattr(ns, "rules", None)
    if not name:
        return None
    try:
        text = Path(name).read_bytes().decode("utf-8-sig")
        data = json.loads(text)
        if isinstance(data, dict) and isinstance(data.get("rules"), list):
            return RuleSet.from_list(data["rules"])
        return RuleSet(import_legado(text).rules)
    except OSError as exc:
        raise error(f"{display_path(name)}: cannot be read ({os_error_reason(exc)})") from None
    except (ValueError, UnicodeDecodeError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else "not UTF-8 text"
        raise error(f"{display_path(name)}: not a rules file ({printable(reason)})") from None


def fixes_from(ns: argparse.Namespace, error: type[Exception]) -> Fixes | None:
    """The fixes `--fixes` names (None without it); `error` for a file that cannot be used."""
    name = getattr(ns, "fixes", None)
    if not name:
        return None
    try:
        return Fixes(read_fixes_file(Path(name)))
    except OSError as exc:
        raise error(f"{display_path(name)}: cannot be read ({os_error_reason(exc)})") from None
    except (ValueError, UnicodeDecodeError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else "not UTF-8 text"
        raise error(f"{display_path(name)}: not a fixes file ({printable(reason)})") from None


def convert_lines(
    text: str, chain: Chain, mode: str, fixes: Fixes | None, rules: RuleSet | None = None
) -> str:
    """`text` converted line by line with `fixes` and `rules` applied (what `convert
    --fixes/--rules` writes)."""
    lines = text.split("\n")
    replaced = fixes.replacements(lines, mode) if fixes else {}
    chunk = convert_chunk(lines, range(len(lines)), chain, None, replaced, rules)
    return "\n".join(chunk.texts)


def explain(document: Document, chain: Chain, mode: str, fixes: Fixes | None) -> Iterator[dict]:
    """Every changed span of `document` converted through `chain`, as plain data."""
    prepared = prepare(document)
    texts = prepared.texts
    replaced = fixes.replacements(texts, mode) if fixes else {}
    tables = review_tables(chain) if chain else None
    for index, source in enumerate(texts):
        if tables is None or not source:
            continue
        shown = convert_chunk(texts, [index], chain, prepared.kept, replaced).texts[0]
        fixed = [(s, e) for s, e, _ in replaced.get(index, ())]
        for seg in block_segments(chain, source, shown, fixed):
            if not seg.changed:
                continue
            if seg.kind is SegmentKind.CHARACTER and not seg.uncertain:
                spans = changed_runs(source, shown, seg)
            else:
                spans = [(seg.shown_start, seg.shown_end)]
            for a, b in spans:
                offset = a - seg.shown_start
                s0 = seg.source_start + offset
                s1 = s0 + (b - a) if len(source) == len(shown) else seg.source_end
                src, out = source[s0:s1], shown[a:b]
                if src == out and not seg.uncertain and seg.kind is not SegmentKind.PHRASE:
                    continue
                yield {
                    "block": index + 1,
                    "start": s0,
                    "source": src,
                    "shown": out,
                    "rule": seg.kind.value,
                    "uncertain": seg.uncertain,
                    "phrase": seg.phrase,
                    "alternatives": [
                        {"text": alt.text, "hint": alt.hint}
                        for alt in tables.alternatives(src, out)
                    ],
                }


def run_explain(
    ns: argparse.Namespace, document: Document, chain: Chain, fixes: Fixes | None
) -> None:
    """Print `--explain`: one line per changed span, or JSON with `--json`."""
    rows = explain(document, chain, ns.to, fixes)
    if ns.uncertain:
        rows = (r for r in rows if r["uncertain"])
    out = sys.stdout
    rows = list(rows)
    if ns.json:
        json.dump(rows, out, ensure_ascii=False, indent=1)
        out.write("\n")
        return
    if not rows:  # say so: no output at all looks like a failure
        what = "uncertain conversions" if ns.uncertain else "changes"
        print(f"zhreader: no {what} in this text", file=sys.stderr)
    for r in rows:
        flag = ", uncertain" if r["uncertain"] else ""
        phrase = f" ({r['phrase']})" if r["phrase"] else ""
        alternatives = "  ".join(
            f"{a['text']} ({a['hint']})" if a["hint"] else a["text"] for a in r["alternatives"]
        )
        line = f"{r['block']}:{r['start']}  {r['source']} → {r['shown']}  {r['rule']}{phrase}{flag}"
        if alternatives:
            line += f"  | {alternatives}"
        out.write(printable(line) + "\n")
