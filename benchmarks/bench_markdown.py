"""Markdown parsers measured for ZhReader: CommonMark conformance and parse time.

    python -m benchmarks.bench_markdown SPEC.txt [--size BYTES] [--runs N]
    python -m benchmarks.bench_markdown SPEC.txt --write-test-examples OUT.json

SPEC.txt is the CommonMark spec (commonmark/commonmark-spec, `spec.txt`, not
committed: only the examples the tests use are, in tests/data/commonmark/,
and that JSON file is accepted instead of SPEC.txt for a smaller run).
Every example is rendered to HTML by each parser and compared with the spec's
HTML after the same normalisation (attribute order, white space between
tags). Parse time is the median over `--runs` of one ~1 MB Chinese Markdown
file built from sections of the bundled article. mistune is optional: its rows
are left out when it is not installed.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.tasklists import tasklists_plugin

from benchmarks.common import machine
from reader.core.formats.markdown import new_parser, parse_markdown
from reader.core.resources import bundled_article_path

_FENCE = "`" * 32
SPEC_COMMIT = "31c0ca2d294ea60ab4438004da410e2e590a46f2"
#: The spec sections tests/test_markdown.py runs through the reader (no raw HTML sections).
TEST_SECTIONS = (
    "Thematic breaks",
    "ATX headings",
    "Setext headings",
    "Indented code blocks",
    "Fenced code blocks",
    "Block quotes",
    "List items",
    "Lists",
    "Code spans",
    "Emphasis and strong emphasis",
    "Links",
    "Images",
    "Autolinks",
    "Hard line breaks",
    "Soft line breaks",
)


def spec_examples(spec: str) -> list[dict[str, object]]:
    """The examples of the CommonMark spec text: number, section, markdown and html."""
    examples: list[dict[str, object]] = []
    section = ""
    state = ""
    markdown: list[str] = []
    html: list[str] = []
    for line in spec.splitlines(keepends=True):
        stripped = line.strip()
        if state == "" and stripped == f"{_FENCE} example":
            state, markdown, html = "markdown", [], []
        elif state == "markdown" and stripped == ".":
            state = "html"
        elif state == "html" and stripped == _FENCE:
            examples.append(
                {
                    "example": len(examples) + 1,
                    "section": section,
                    "markdown": "".join(markdown).replace("→", "\t"),
                    "html": "".join(html).replace("→", "\t"),
                }
            )
            state = ""
        elif state == "markdown":
            markdown.append(line)
        elif state == "html":
            html.append(line)
        elif re.match(r"#{1,6} ", line):
            section = line.lstrip("#").strip()
    return examples


class _Normaliser(HTMLParser):
    """HTML as a canonical string: sorted attributes, white space around block tags dropped."""

    _BLOCK = frozenset(
        [
            "p",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "ul",
            "ol",
            "li",
            "blockquote",
            "pre",
            "hr",
            "table",
            "thead",
            "tbody",
            "tr",
            "th",
            "td",
            "div",
        ]
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.in_pre = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.in_pre += tag == "pre"
        attributes = "".join(f' {k}="{v or ""}"' for k, v in sorted(attrs))
        self.out.append(f"<{tag}{attributes}>")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        self.in_pre -= tag == "pre"
        self.out.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        if not self.in_pre:
            data = re.sub(r"\s+", " ", data)
        self.out.append(data.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))

    def text(self) -> str:
        joined = "".join(self.out)
        tags = "|".join(self._BLOCK)
        joined = re.sub(rf"\s*(</?(?:{tags})\b[^>]*>)\s*", r"\1", joined)
        return joined.strip()


def normalise(html: str) -> str:
    """The canonical form of an HTML fragment, for comparing renderers."""
    parser = _Normaliser()
    parser.feed(html)
    parser.close()
    return parser.text()


def renderers() -> dict[str, Callable[[str], str]]:
    """Each contender's Markdown → HTML function, by the name used in the table."""
    out: dict[str, Callable[[str], str]] = {
        "markdown-it-py (commonmark)": MarkdownIt("commonmark").render,
        "markdown-it-py (ZhReader's set-up)": new_parser().render,
    }
    try:
        import mistune
    except ImportError:
        return out
    out["mistune 3 (no plugins)"] = mistune.create_markdown(escape=False)  # type: ignore[assignment]
    out["mistune 3 (table, strikethrough, footnotes, task lists)"] = mistune.create_markdown(  # type: ignore[assignment]
        escape=False, plugins=["table", "strikethrough", "footnotes", "task_lists"]
    )
    return out


def parsers() -> dict[str, Callable[[str], object]]:
    """Each contender's Markdown → token stream or syntax tree (what a loader walks)."""
    with_tasklists = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    with_tasklists.use(footnote_plugin).use(tasklists_plugin)
    out: dict[str, Callable[[str], object]] = {
        "markdown-it-py (commonmark) tokens": MarkdownIt("commonmark").parse,
        "markdown-it-py (ZhReader's set-up) tokens": new_parser().parse,
        "markdown-it-py (set-up + tasklists plugin) tokens": with_tasklists.parse,
        "ZhReader parse_markdown (tokens → Document)": lambda t: parse_markdown(t, None),
    }
    try:
        import mistune
    except ImportError:
        return out
    out["mistune 3 (plugins) AST"] = mistune.create_markdown(  # type: ignore[assignment]
        renderer=None, plugins=["table", "strikethrough", "footnotes", "task_lists"]
    )
    return out


def chinese_markdown(size: int, dense: bool = False) -> str:
    """About `size` bytes of Chinese Markdown built from the bundled article's paragraphs.

    An article: a section heading every five paragraphs, some bold and a link.
    `dense`: every section also has a quote, a nested list, a table, fenced
    code, a picture and a rule (a worst case for markup per byte).
    """
    article = bundled_article_path().read_text(encoding="utf-8")
    paragraphs = [p.strip() for p in article.split("\n") if len(p.strip()) > 40]
    sections: list[str] = ["# 重慶永川:加快建設西部數字産業基地\n\n"]
    total = len(sections[0].encode("utf-8"))
    n = 0
    while total < size:
        para = paragraphs[n % len(paragraphs)]
        other = paragraphs[(n + 1) % len(paragraphs)]
        half = len(para) // 2
        section = f"## 第{n + 1}節 {para[:12]}\n\n" if dense or n % 5 == 0 else ""
        section += f"{para[:half]}**{para[half : half + 6]}**{para[half + 6 :]}\n"
        section += f"見[永川區政府](https://www.cqyc.gov.cn/)與`code_{n}`。\n\n"
        if dense:
            section += (
                f"> {other}\n\n"
                f"1. {para[:20]}\n2. {other[:20]}\n   - 子項 *{other[20:26]}*\n\n"
                f"| 項目 | 數量 |\n|:---|---:|\n| {para[:6]} | {n} |\n| {other[:6]} | {n * 2} |\n\n"
                f"```python\n# 註釋 {n}\nprint('{para[:8]}')\n```\n\n"
                f"![圖{n}](images/fig{n}.png)\n\n---\n\n"
            )
        sections.append(section)
        total += len(section.encode("utf-8"))
        n += 1
    return "".join(sections)


def cpu_medians(fns: dict[str, Callable[[], object]], runs: int) -> dict[str, float]:
    """Median CPU seconds of each function, runs taken in turn after one warm-up each.

    CPU time rather than wall time: the machine is shared, and waiting for a
    core is not the parser's cost.
    """
    for fn in fns.values():
        fn()
    times: dict[str, list[float]] = {name: [] for name in fns}
    for _ in range(runs):
        for name, fn in fns.items():
            start = time.process_time()
            fn()
            times[name].append(time.process_time() - start)
    return {name: statistics.median(t) for name, t in times.items()}


def conformance(examples: list[dict[str, object]]) -> dict[str, tuple[int, Counter[str]]]:
    """Per renderer: examples passed, and failures counted by spec section."""
    result: dict[str, tuple[int, Counter[str]]] = {}
    for name, render in renderers().items():
        passed = 0
        failed: Counter[str] = Counter()
        for ex in examples:
            try:
                ok = normalise(render(str(ex["markdown"]))) == normalise(str(ex["html"]))
            except Exception:  # a crash on an example counts as a failure
                ok = False
            if ok:
                passed += 1
            else:
                failed[str(ex["section"])] += 1
        result[name] = (passed, failed)
    return result


def write_test_examples(examples: list[dict[str, object]], out: Path) -> None:
    """Write the examples of TEST_SECTIONS, with their source, as the tests' JSON."""
    subset = [ex for ex in examples if ex["section"] in TEST_SECTIONS]
    data = {
        "source": f"https://github.com/commonmark/commonmark-spec/blob/{SPEC_COMMIT}/spec.txt",
        "spec": "CommonMark Spec 0.31.2 (John MacFarlane), repository head",
        "license": "CC-BY-SA 4.0, https://creativecommons.org/licenses/by-sa/4.0/",
        "sections": list(TEST_SECTIONS),
        "examples": subset,
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(subset)} examples written to {out}")


def main(argv: list[str] | None = None) -> int:
    """Print the conformance and timing tables."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("spec", type=Path, help="CommonMark spec.txt")
    ap.add_argument("--size", type=int, default=1_000_000, help="bytes of Markdown to time")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--write-test-examples", type=Path, metavar="OUT", help="write the test subset")
    args = ap.parse_args(argv)
    spec = args.spec.read_text(encoding="utf-8")
    examples = json.loads(spec)["examples"] if args.spec.suffix == ".json" else spec_examples(spec)
    if args.write_test_examples:
        write_test_examples(examples, args.write_test_examples)
        return 0
    print(f"Machine: {machine()}")
    print(f"CommonMark spec: {len(examples)} examples\n")
    print("| parser | spec examples passed | most failures in |")
    print("|---|---|---|")
    for name, (passed, failed) in conformance(examples).items():
        worst = ", ".join(f"{s} ({c})" for s, c in failed.most_common(3)) or "-"
        print(f"| {name} | {passed}/{len(examples)} ({passed / len(examples):.1%}) | {worst} |")
    for dense in (False, True):
        text = chinese_markdown(args.size, dense)
        size = len(text.encode("utf-8"))
        shape = "markup-dense sections" if dense else "article"
        lines = text.count("\n")
        print(f"\nParse time, {size:,} bytes of Chinese Markdown, {shape} ({lines:,} lines)\n")
        print("| parser | median CPU ms |")
        print("|---|---|")
        fns = {name: (lambda p=p, t=text: p(t)) for name, p in parsers().items()}
        for name, seconds in cpu_medians(fns, args.runs).items():
            print(f"| {name} | {seconds * 1000:.0f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
