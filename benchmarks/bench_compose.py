"""How much composing OpenCC configs through Simplified damages Traditional text.

    python -m benchmarks.bench_compose [--chars N]

Traditional → 臺灣正體/香港繁體 can go through Simplified (t2s → s2tw), which
re-chooses every one-to-many character (髮/發, 乾/幹, 裏/裡 …), or normalise
variants one to one and apply the target's variant table (t2std → t2tw).
The reference is the target's variant table applied to the text itself
(t2tw, t2hk): a Traditional text only needs its variants changed.
"""

from __future__ import annotations

import argparse
from collections import Counter

from benchmarks.bench_guard import prose
from reader.core.convert import convert

#: Mainland variants written into the prose to make a mainland Traditional text (the article's).
MAINLAND = str.maketrans({"說": "説", "產": "産", "顏": "顔", "綠": "緑", "絕": "絶"})


def damage(text: str, reference: str, chain: tuple[str, ...]) -> tuple[int, Counter[str]]:
    """Characters where `chain`'s output differs from `reference`, and which changes
    (reference character → output character)."""
    out = convert(text, chain)
    assert len(out) == len(reference)
    changes = Counter(f"{a}→{b}" for a, b in zip(reference, out, strict=True) if a != b)
    return sum(changes.values()), changes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, help="use only the first N characters")
    standard = prose("traditional")[: parser.parse_args().chars]
    mainland = standard.translate(MAINLAND)
    print(
        f"{len(standard):,} characters of Traditional prose; {sum(a != b for a, b in zip(standard, mainland, strict=False)):,} made mainland variants"
    )
    for target, variants in (("taiwan", "t2tw"), ("hongkong", "t2hk")):
        reference = convert(standard, (variants,))
        for name, text in (("standard", standard), ("mainland", mainland)):
            for chain in (("t2s", "s2" + variants[2:]), ("t2std", variants), (variants,)):
                n, changes = damage(text, reference, chain)
                top = ", ".join(f"{c} {k}" for c, k in changes.most_common(8))
                print(
                    f"  {name} → {target} via {' → '.join(chain)}: {n} characters differ ({n / len(text):.2%}) {top}"
                )

    # With phrases the lengths change: compare line by line.
    lines = mainland.splitlines()
    through = [convert(line, ("t2s", "s2twp")) for line in lines]
    direct = [convert(line, ("t2std", "tw-phrases", "t2tw")) for line in lines]
    differing = sum(a != b for a, b in zip(through, direct, strict=True))
    print(
        "  mainland → taiwan with phrases: t2s → s2twp and t2std → tw-phrases → t2tw "
        f"differ on {differing} of {len(lines)} lines"
    )


if __name__ == "__main__":
    main()
