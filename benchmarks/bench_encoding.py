"""Encoding detection: ZhReader's hand-built detector against charset-normalizer.

    python -m benchmarks.bench_encoding

The matrix: Traditional and Simplified texts of several lengths (2 characters
to a few thousand) in UTF-8, UTF-8 with BOM, UTF-16 with BOM, GB18030, GBK,
Big5 and Big5-HKSCS. A detection is right when the decoded text equals the
original. Accuracy and median time per file are printed for both.
"""

from __future__ import annotations

import codecs
import statistics
import sys
import time

from benchmarks.common import machine
from benchmarks.corpus import novel
from reader.core.convert import convert
from reader.core.loading import decode_bytes
from reader.core.resources import bundled_article_path

LENGTHS = (2, 4, 10, 40, 200, 2000)


def samples() -> list[tuple[str, str, bytes]]:
    """(label, original text, encoded bytes) for every cell of the matrix."""
    article = bundled_article_path().read_text(encoding="utf-8").replace("産", "產")
    article = article.replace("\u00a0", " ")
    traditional = "\n".join(line.strip() for line in article.splitlines() if line.strip())
    simplified = convert(traditional, ("t2s",))
    novel_trad = novel(20_000, seed=11)
    sources = {
        "traditional": traditional,
        "simplified": simplified,
        "novel-traditional": novel_trad,
    }
    encodings = {
        "utf-8": lambda t: t.encode("utf-8"),
        "utf-8-bom": lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
        "utf-16-bom": lambda t: t.encode("utf-16"),
        "gb18030": lambda t: t.encode("gb18030"),
        "gbk": lambda t: t.encode("gbk"),
        "big5": lambda t: t.encode("big5"),
        "big5hkscs": lambda t: t.encode("big5hkscs"),
    }
    out = []
    for name, text in sources.items():
        starts = range(0, len(text) // 2, max(1, len(text) // 14))
        for length in LENGTHS:
            for start in list(starts)[:6]:
                piece = text[start : start + length]
                for enc, encode in encodings.items():
                    try:
                        data = encode(piece)
                    except UnicodeEncodeError:
                        continue
                    out.append((f"{name}/{length}/{enc}", piece, data))
    return out


def hand_built(data: bytes) -> str | None:
    return decode_bytes(data).text


def charset_normalizer(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        return None
    return str(best).replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")


def main() -> int:
    cells = samples()
    print(f"Machine: {machine()}")
    print(f"{len(cells)} files\n")
    print("| detector | right | accuracy | wrong on short (≤ 10 chars) | median ms/file |")
    print("|---|---|---|---|---|")
    for name, detect in (
        ("hand-built (ZhReader)", hand_built),
        ("charset-normalizer", charset_normalizer),
    ):
        right = 0
        short_wrong = 0
        times = []
        for label, text, data in cells:
            start = time.perf_counter()
            try:
                got = detect(data)
            except Exception:
                got = None
            times.append(time.perf_counter() - start)
            if got == text:
                right += 1
            elif int(label.split("/")[1]) <= 10:
                short_wrong += 1
        print(
            f"| {name} | {right}/{len(cells)} | {right / len(cells):.1%} | {short_wrong} | "
            f"{statistics.median(times) * 1000:.2f} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
