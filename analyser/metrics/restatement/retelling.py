"""A story printed twice: the second telling linked, sentence by sentence, to the first.

A loose rewrite of a whole story shares its subject with the first telling but few words
per sentence, so sentence pairs alone rarely reach the in-article model's threshold. The
block does: an article is *retold* from sentence ``k`` when

* ``k`` restates one of the article's lead sentences (the first ``EDGE`` prose
  sentences) at the in-article threshold, outside a recap section, at least
  ``MIN_BLOCK`` prose sentences in, with ``MIN_BLOCK`` or more after it (the second
  telling then opens at ``k``, or at the title line just before it); and
* the second telling is at most ``MAX_RATIO`` times as long as the first, and the
  content terms of the prose from ``k`` on and of the prose before ``k`` (weighted bags)
  have a cosine of ``RETELL_COS`` or more.

Then every prose sentence of the second telling that is not yet linked to the first
telling is linked to the sentence of the first telling it most probably restates
(in-article probability ``RETELL_P`` or more, no changed fact). The numbers were chosen
on seed 003, which prints its story twice, and every fourth BBC article (none retold):
see ``docs/padding_index.md``, "Restatements".
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

from . import in_article
from .search import Restatement
from .terms import Terms

#: Prose sentences a telling needs before and after the restart.
MIN_BLOCK = 8
#: Cosine of the two tellings' content-term bags from which the second is a retelling.
RETELL_COS = 0.8
#: A second telling is at most this many times as long as the first (in prose sentences):
#: a short introduction followed by the body is not a story told twice.
MAX_RATIO = 2.0
#: In a retelling, a sentence links to its likeliest source from this probability.
RETELL_P = 0.005


def _bag(terms: Sequence[Terms], idx: Sequence[int]) -> Counter:
    bag: Counter = Counter()
    for i in idx:
        for t, w in terms[i].guard.items():
            bag[t] += w
    return bag


def _cosine(a: Counter, b: Counter) -> float:
    num = sum(w * b.get(t, 0.0) for t, w in a.items())
    den = math.sqrt(sum(w * w for w in a.values()) * sum(w * w for w in b.values()))
    return num / den if den else 0.0


def with_retelling(terms: Sequence[Terms], eligible: Sequence[bool], flags: Sequence[int],
                   found: list[Restatement]) -> list[Restatement]:
    """``found`` plus the links of a second telling (see the module docstring), in
    sentence order."""
    prose = [i for i, ok in enumerate(eligible) if ok]
    where = {i: k for k, i in enumerate(prose)}
    lead = set(prose[: in_article.EDGE])
    restart = next((r.index for r in found if r.of in lead and r.index in where
                    and r.similarity >= in_article.THRESHOLD
                    and not flags[r.index] & in_article.RECAP
                    and MIN_BLOCK <= where[r.index] <= len(prose) - MIN_BLOCK), None)
    if restart is None:
        return found
    k = where[restart]
    while k > MIN_BLOCK and flags[prose[k - 1]] & in_article.HEADLINE:
        k -= 1  # the second telling's own title line opens it
    first, second = prose[:k], prose[k:]
    if len(second) > MAX_RATIO * len(first) \
            or _cosine(_bag(terms, first), _bag(terms, second)) < RETELL_COS:
        return found
    before = set(first)
    linked = {r.index: r for r in found}
    cache = in_article.ConceptCache()
    for i in second:
        if i in linked and linked[i].of in before:
            continue
        best = (RETELL_P, -1)
        for j in first:
            if in_article.changes_a_fact(terms[j], terms[i]):
                continue
            values = in_article.features(terms[j], terms[i], flags[j], flags[i], i - j, cache)
            p = in_article.probability(values) if values is not None else 0.0
            if p >= best[0]:
                best = (p, j)
        if best[1] >= 0:
            linked[i] = Restatement(i, best[1], best[0])
    return [linked[i] for i in sorted(linked)]
