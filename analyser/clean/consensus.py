"""Pick one of several extractions of a page by their agreement with the others.

Two extractors that fail, fail differently: trafilatura's precision cut drops article
text on pages laid out unlike 2019 news, its recall mode keeps furniture on others, and
readability-lxml misses on others again. The extraction that agrees most with the rest (the
medoid, by the overlap of their 4-word shingles, the benchmark's own unit) is rarely the one
that failed.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from ..models import Block

_TOKEN = re.compile(r"\w+")


def shingles(blocks: Sequence[Block], n: int = 4) -> Counter:
    """Multiset of the n-word shingles of the blocks' text."""
    tok = _TOKEN.findall("\n".join(b.text for b in blocks))
    return Counter(tuple(tok[i:i + n]) for i in range(max(0, len(tok) - n + 1)))


def overlap(a: Counter, b: Counter) -> float:
    """Dice overlap of two shingle multisets (1.0: the same text; 0.0 when one is empty)."""
    total = sum(a.values()) + sum(b.values())
    return 2 * sum((a & b).values()) / total if total else 0.0


def medoid(candidates: Sequence[list[Block]]) -> list[Block]:
    """The candidate with the most overlap with the others (the first one on a tie)."""
    grams = [shingles(c) for c in candidates]
    agreement = [sum(overlap(g, h) for j, h in enumerate(grams) if j != i)
                 for i, g in enumerate(grams)]
    return candidates[max(range(len(candidates)), key=lambda i: (agreement[i], -i))]
