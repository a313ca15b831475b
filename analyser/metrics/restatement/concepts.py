"""What a word can also be said as: WordNet concepts and antonyms of word stems.

``data/wordnet_concepts.txt`` (built by ``benchmarks/build_wordnet_concepts.py`` from
WordNet 3.0; licence in ``data/WORDNET_LICENSE.txt``) gives each stem of a common English
word the synsets of its first senses, numbered, and the stems of its antonyms. Two words
sharing a concept can say the same thing ("shut" / "close", "fog" / "mist"); a word and
its antonym say opposite things ("win" / "lose", "rise" / "fall"). The table is read once,
offline, on first use.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from ...resources import word_list

_NONE: frozenset = frozenset()


#: The concept table once read (a module-level dict: looked up for every word of every
#: pair judged, where a cached function call would cost more than the lookup).
_CONCEPTS: dict[str, frozenset[int]] = {}


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, frozenset[int]], dict[str, frozenset[str]]]:
    concepts: dict[str, frozenset[int]] = _CONCEPTS
    antonyms: dict[str, frozenset[str]] = {}
    for line in word_list("metrics/data/wordnet_concepts.txt", per_line=True):
        stem, _, rest = line.partition("\t")
        nums, _, opp = rest.partition("\t")
        if nums.strip():
            concepts[stem] = frozenset(map(int, nums.split()))
        if opp.strip():
            antonyms[stem] = frozenset(opp.split())
    return concepts, antonyms


def concepts_of(stem: str) -> frozenset[int]:
    """The WordNet concepts of a word stem (empty when it has none)."""
    return _CONCEPTS.get(stem, _NONE) if _CONCEPTS else _table()[0].get(stem, _NONE)


def antonyms_of(stem: str) -> frozenset[str]:
    """The stems of a word stem's WordNet antonyms (empty when it has none)."""
    return _table()[1].get(stem, _NONE)


def antonym_table() -> dict[str, frozenset[str]]:
    """Every stem with antonyms, and their stems."""
    return _table()[1]


def concept_set(stems: Iterable[str]) -> frozenset[int]:
    """Every concept of some of ``stems``."""
    table = _table()[0]
    out: set[int] = set()
    for t in stems:
        out.update(table.get(t, _NONE))
    return frozenset(out)
