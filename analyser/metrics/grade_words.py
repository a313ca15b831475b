"""Word-level lexicon and text measures for the readability_grade document features:
uncommon and very rare words, nominal suffixes, small style word classes, the
moving-average type-token ratio and the spread of sentence lengths. Pure functions; the
per-word lookup is cached (see analyser/metrics/grade.py for how they are combined)."""

from __future__ import annotations

import math
import re
from functools import lru_cache

from ..resources import is_stopword, zipf
from ..tokens import fold
from .readability import is_familiar

_HAS_DIGIT = re.compile(r"\d")

#: Words rarer than this Zipf frequency (about ten per million words) are "uncommon": a
#: milder threshold than RARE_ZIPF, for the share of less everyday vocabulary.
UNCOMMON_ZIPF = 4.0
#: Content words rarer than this (about once per 100 million words) are "very rare".
VERY_RARE_ZIPF = 2.0
#: Content words of at least this many letters ending in one of these suffixes count as
#: nominal (abstract nouns and academic adjectives: "administration", "equality").
NOMINAL_MIN_LETTERS = 7
NOMINAL_SUFFIXES = ("tion", "sion", "ment", "ity", "ness", "ance", "ence", "ism", "ize",
                    "ise", "ous", "ive", "al")
#: Small closed word classes whose rates mark a style (Biber's involved versus
#: informational prose): personal pronouns and phrasal-verb particles (narrative, talk to
#: the reader), "of" (stacked noun phrases), modal verbs. Rates are per word.
WORD_CLASSES: dict[str, frozenset[str]] = {
    "first_person": frozenset("i me my mine we us our ours".split()),
    "second_person": frozenset("you your yours".split()),
    "third_person": frozenset("he him his she her hers it its they them their theirs".split()),
    "particle": frozenset("up out down off away back over".split()),
    "of": frozenset(["of"]),
    "modal": frozenset("can could may might must shall should will would".split()),
}
_CLASS_OF = {w: name for name, ws in WORD_CLASSES.items() for w in ws}
#: Window of the moving-average type-token ratio (MATTR; Covington & McFall 2010), in
#: words: a type-token ratio that does not fall as a text grows longer.
MATTR_WINDOW = 50


@lru_cache(maxsize=200_000)
def word_extra(text: str) -> tuple[str, bool, bool, bool, bool, str]:
    """(lower-case form, function word, uncommon, familiar, nominal, word class or "") for
    one word token (cached)."""
    low = fold(text)
    uncommon = zipf(low) < UNCOMMON_ZIPF and "-" not in low and not _HAS_DIGIT.search(low)
    nominal = len(low) >= NOMINAL_MIN_LETTERS and low.endswith(NOMINAL_SUFFIXES)
    return (low, is_stopword(low), uncommon, is_familiar(low), nominal,
            _CLASS_OF.get(low, ""))


def length_sd(values: list[int]) -> float:
    """Population standard deviation (0 for fewer than two values)."""
    n = len(values)
    if n < 2:
        return 0.0
    mean = sum(values) / n
    return math.sqrt(sum((v - mean) ** 2 for v in values) / n)


def mattr(words: list[str], window: int = MATTR_WINDOW) -> float:
    """Moving-average type-token ratio: the mean share of distinct words over every window
    of ``window`` consecutive words (the plain ratio when there are fewer; 0 for none)."""
    n = len(words)
    if n == 0:
        return 0.0
    if n <= window:
        return len(set(words)) / n
    seen: dict[str, int] = {}
    for w in words[:window]:
        seen[w] = seen.get(w, 0) + 1
    total = distinct = len(seen)
    for i in range(window, n):
        out, new = words[i - window], words[i]
        seen[out] -= 1
        if not seen[out]:
            del seen[out]
            distinct -= 1
        if new in seen:
            seen[new] += 1
        else:
            seen[new] = 1
            distinct += 1
        total += distinct
    return total / ((n - window + 1) * window)
