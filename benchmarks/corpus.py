"""Deterministic test corpora built from OpenCC's phrase dictionaries.

python -m benchmarks.corpus [OUTDIR]    # writes the benchmark novels (not committed)
"""

from __future__ import annotations

import random
import sys
from functools import cache
from pathlib import Path

from reader.core.dictionaries import entries

SEED = 20221017
_PUNCTUATION = "，，，，、；：。。。！？"
_DIGITS = "零一二三四五六七八九"


@cache
def _phrases(script: str) -> tuple[str, ...]:
    """Simplified phrases (STPhrases keys) or their Traditional forms (first candidates)."""
    pairs = list(entries("STPhrases.txt"))
    if script == "simplified":
        return tuple(k for k, _ in pairs)
    return tuple(c[0] for _, c in pairs)


def chinese_number(n: int) -> str:
    """1 → 一, 12 → 十二, 305 → 三百零五 (enough for chapter numbers)."""
    if n < 10:
        return _DIGITS[n]
    if n < 20:
        return "十" + (_DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return _DIGITS[n // 10] + "十" + (_DIGITS[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        if rest == 0:
            tail = ""
        elif rest < 10:
            tail = "零" + _DIGITS[rest]
        elif rest < 20:
            tail = "一" + chinese_number(rest)
        else:
            tail = chinese_number(rest)
        return _DIGITS[n // 100] + "百" + tail
    return str(n)


def prose(rng: random.Random, chars: int, script: str) -> str:
    """Paragraphs (indented with two ideographic spaces) of about `chars` characters."""
    phrases = _phrases(script)
    out: list[str] = []
    total = 0
    while total < chars:
        target = rng.randint(60, 320)
        para: list[str] = []
        length = 0
        while length < target:
            words = rng.randint(2, 6)
            sentence = "".join(rng.choice(phrases) for _ in range(words))
            sentence += rng.choice(_PUNCTUATION)
            para.append(sentence)
            length += len(sentence)
        if para[-1][-1] not in "。！？":
            para[-1] = para[-1][:-1] + "。"
        text = "\u3000\u3000" + "".join(para)
        out.append(text)
        total += len(text) + 1
    return "\n".join(out)


def novel(
    chars: int,
    script: str = "traditional",
    seed: int = SEED,
    chapter_chars: tuple[int, int] = (2000, 4000),
    chapters: int | None = None,
) -> str:
    """A novel with a title line and a `第N章 title` line every `chapter_chars` characters.

    With `chapters`, exactly that many chapters (and `chars` is ignored).
    """
    rng = random.Random(seed)
    phrases = _phrases(script)
    title = "".join(rng.choice(phrases) for _ in range(2))
    parts = [f"《{title}》", ""]
    total = 0
    n = 0
    while (n < chapters) if chapters is not None else (total < chars):
        n += 1
        heading = f"第{chinese_number(n)}章 " + "".join(rng.choice(phrases) for _ in range(2))
        body = prose(rng, rng.randint(*chapter_chars), script)
        parts.extend((heading, body, ""))
        total += len(heading) + len(body) + 2
    return "\n".join(parts)


def markdown(chars: int, seed: int = SEED) -> str:
    """A Chinese Markdown manual of about `chars` characters: sections with prose, lists,
    code, tables and emphasis, as a long project README or a book's Markdown source has."""
    rng = random.Random(seed)
    out = ["# 使用手冊\n"]
    total = 0
    section = 0
    while total < chars:
        section += 1
        part = [f"## 第{chinese_number(section)}節 {prose(rng, 8, 'traditional').strip()}\n"]
        for _ in range(rng.randint(2, 4)):
            words = prose(rng, rng.randint(80, 240), "traditional").strip().split("。")
            words[0] = f"**{words[0]}**"
            part.append("。".join(words) + "\n")
        part.append(
            "\n".join(f"{n}. {prose(rng, 20, 'traditional').strip()} `opt{n}`" for n in range(1, 4))
            + "\n"
        )
        if section % 3 == 0:
            part.append("```python\n# 設定\nvalue = convert('头发', 's2t')\nprint(value)\n```\n")
        if section % 4 == 0:
            rows = "\n".join(f"| {prose(rng, 6, 'traditional').strip()} | {n} |" for n in range(3))
            part.append(f"| 名稱 | 值 |\n|--|--:|\n{rows}\n")
        text = "\n".join(part)
        out.append(text)
        total += len(text)
    return "\n".join(out)


def hard_wrap(text: str, width: int = 76, blank_lines: bool = True) -> str:
    """`text` as an old BBS/TXT file: each line broken at `width` display columns.

    A CJK character takes two columns. With `blank_lines`, a blank line follows
    every wrapped paragraph; without, paragraphs are told apart by their indent.
    Short lines (titles, chapter lines) are left as they are.
    """
    out: list[str] = []
    for line in text.split("\n"):
        piece, used = [], 0
        for ch in line:
            w = 1 if ch.isascii() else 2
            if used + w > width:
                out.append("".join(piece))
                piece, used = [], 0
            piece.append(ch)
            used += w
        out.append("".join(piece))
        if blank_lines and line:
            out.append("")
    return "\n".join(out)


def write_corpora(outdir: Path) -> dict[str, Path]:
    """Write the benchmark documents; returns name → path."""
    outdir.mkdir(parents=True, exist_ok=True)
    made = {}
    trad_3m = novel(3_000_000)
    files = {
        "novel-1m-traditional.txt": (novel(1_000_000), "utf-8"),
        "novel-3m-traditional.txt": (trad_3m, "utf-8"),
        "novel-3m-traditional-gb18030.txt": (trad_3m, "gb18030"),
        "novel-3m-simplified.txt": (novel(3_000_000, "simplified"), "utf-8"),
        "novel-20000-chapters.txt": (novel(0, chapter_chars=(80, 160), chapters=20_000), "utf-8"),
    }
    for name, (text, encoding) in files.items():
        path = outdir / name
        path.write_bytes(text.encode(encoding))
        made[name] = path
    return made


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent / "corpus"
    for name, path in write_corpora(target).items():
        print(f"{name}: {path.stat().st_size / 1e6:.1f} MB")
