"""The in-article guard: what a pair needs, beyond the model's yes, to be a restatement.

Inside one article every sentence shares the subject's name and the writer's tics, so the
model's decision (:mod:`.model`) is necessary but not enough. A pair must also pass
:func:`substantive_overlap`:

* the weighted Jaccard of their *guard terms* reaches ``MIN_CONTENT``; guard terms are
  the content terms minus words that say nothing by themselves (fillers, hedges,
  intensifiers, connectives, vague nouns: ``data/non_content_words.txt`` plus the
  single-word phrases of the filler, hedge and intensifier rules; matched on the word, so
  "totally" is left out but "the total cost" keeps its term) and minus the commonest
  English words (Zipf frequency ``GUARD_COMMON_ZIPF`` or more: "like", "people", "new",
  "time", "make");
* they share at least one *substantive* guard term: not one of the article's names and
  not a person title (``data/name_titles.txt``: "president", "minister"), which say who
  and not what; a pair involving a *short line* (a heading, list item, table row or any
  sentence under ``SHORT_WORDS`` words) needs ``MIN_SHARED_SHORT`` of them, and if both
  carry numbers they must carry the same ones ("6 Mins Read" / "7 Mins Read",
  "February 20, 2025" / "February 28, 2025" are different facts);
* sentences of one list (a run of list items or table rows) are parallel entries, not
  restatements of each other ("Best actor - ..." / "Best director - ..."), unless one
  repeats the other verbatim (:mod:`.search` applies this one).

Sentences with fewer than ``MIN_TERMS`` guard terms never count as restatements. These
numbers were chosen on hand-labelled candidate links from the seeds and 300 BBC articles
(see ``docs/padding_index.md``, "Restatements").
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from .terms import Terms
from .wordlists import data_words
from .words import word_term

#: In an article, a restating pair must also reach this weighted Jaccard of guard terms.
MIN_CONTENT = 0.2
#: Sentences with fewer guard terms than this never count as restatements.
MIN_TERMS = 3
#: A sentence of fewer words than this is a short line, like a heading or a list item.
SHORT_WORDS = 8
#: Substantive shared terms a pair needs when one of them is a short line (else 1).
MIN_SHARED_SHORT = 2
#: Person titles that are as often ordinary words: they stay substantive in the guard.
TITLE_GUARD_EXCLUDE = frozenset(
    "press general chief chair manager coach striker midfielder defender goalkeeper justice "
    "vice prime deputy captain commander".split()
)


@lru_cache(maxsize=1)
def title_terms() -> frozenset[str]:
    """Terms of person titles ("president", "minister", "mr"): they say who, not what."""
    words = set(data_words("name_titles.txt")) - TITLE_GUARD_EXCLUDE
    return frozenset(t for w in words if (t := word_term(w)) is not None)


def _guard_jaccard(a: Terms, b: Terms, shared: Iterable[str]) -> float:
    ga = a.guard
    inter = sum(ga[t] for t in shared)
    union = a.guard_total + b.guard_total - inter
    return inter / union if union > 0 else 0.0


def is_short_pair(a: Terms, b: Terms, short: bool | None) -> bool:
    """Is either sentence a short line (``short``; by default: under SHORT_WORDS words)?"""
    return min(len(a.stems), len(b.stems)) < SHORT_WORDS if short is None else short


def numbers_clash(a: Terms, b: Terms) -> bool:
    """Both sentences carry numbers, and not the same ones."""
    return bool(a.numbers and b.numbers and a.numbers != b.numbers)


def substantive_overlap(
    a: Terms, b: Terms, names: frozenset[str] = frozenset(), short: bool | None = None
) -> bool:
    """The in-article guard (see the module docstring): the pair's guard terms reach
    ``MIN_CONTENT`` weighted Jaccard and share at least one substantive term (not one of
    the article's ``names``, not a person title), or ``MIN_SHARED_SHORT`` of them and the
    same numbers when either sentence is a short line (``short``; by default: fewer than
    ``SHORT_WORDS`` words).

    MRPC pairs are about one event, so function words and shared names carry much of the
    tuned similarity; inside one article every sentence shares the subject's name and the
    writer's tics ("She's, like, really ..."), which must not make a restatement alone.
    """
    ga, gb = a.guard, b.guard
    small, big = (ga, gb) if len(ga) <= len(gb) else (gb, ga)
    shared = [t for t in small if t in big]
    if not shared:
        return False
    short = is_short_pair(a, b, short)
    titles = title_terms()
    substantive = sum(1 for t in shared if t not in names and t not in titles)
    if substantive < (MIN_SHARED_SHORT if short else 1):
        return False
    if short and numbers_clash(a, b):
        return False
    return _guard_jaccard(a, b, shared) >= MIN_CONTENT
