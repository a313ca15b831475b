"""The search that links each sentence of an article to the earlier one it restates.

Each restating sentence links to the sentence that *first* said it: among the earlier
sentences that pass the model (:mod:`.model`) and the guard (:mod:`.guard`), those that do
not themselves restate an earlier one are preferred (a second telling links to the first
telling, not to its own summary of it); verbatim repeats link to their first occurrence
directly, however far back. Otherwise a sentence restates only one of the last ``WINDOW``
sentences. An inverted index over guard terms means only sentence pairs that share a term
are compared, a term retrieves at most the last ``MAX_POSTINGS`` sentences holding it
within the window, and each sentence is compared in full with at most ``MAX_CANDIDATES``
earlier sentences (those sharing the most term weight): linear in the article's length,
with a per-sentence cost that stops growing once an article is longer than the window.
"""

from __future__ import annotations

import heapq
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .. import semantic as sem
from . import in_article
from .guard import MIN_CONTENT, MIN_TERMS, is_short_pair, numbers_clash, substantive_overlap
from .model import THRESHOLD, lexical_scores, scores
from .terms import Terms

#: Earlier sentences compared with each sentence (the ones sharing most term weight).
MAX_CANDIDATES = 40
#: A term retrieves candidates among the last this-many sentences that hold it (it still
#: counts in the similarity); keeps the index near-linear on huge articles.
MAX_POSTINGS = 200
#: A sentence restates only one of the last this-many sentences (a verbatim repeat links to
#: its first occurrence wherever it is), as the semantic search looks back as far: about
#: 20,000 words, longer than any ordinary article, so only a huge text is searched in a
#: window. Without it a term common in a huge text retrieves its full ``MAX_POSTINGS`` for
#: every sentence, and the cost per sentence grows tenfold before it levels off.
WINDOW = sem.SEM_WINDOW


@dataclass(frozen=True, slots=True)
class Restatement:
    """Sentence ``index`` restates the earlier sentence ``of`` with ``similarity``."""

    index: int
    of: int
    similarity: float
    #: a verbatim repeat (the same word stems in the same order)
    verbatim: bool = False


def find_restatements(
    terms: Sequence[Terms],
    eligible: Sequence[bool] | None = None,
    threshold: float = THRESHOLD,
    max_candidates: int = MAX_CANDIDATES,
    names: frozenset[str] = frozenset(),
    short: Sequence[bool] | None = None,
    groups: Sequence[int | None] | None = None,
    embeddings: np.ndarray | None = None,
    flags: Sequence[int] | None = None,
) -> list[Restatement]:
    """For each sentence, the earlier sentence it restates: among those whose restatement
    probability reaches ``threshold`` and that pass :func:`.guard.substantive_overlap`
    (with the article's ``names``), the most similar one that does not itself restate an
    earlier sentence, else the most similar one.

    ``short`` marks short lines (headings, list items; by default sentences under
    ``SHORT_WORDS`` words); ``groups`` gives each sentence's list (run of list items or
    table rows), or None: sentences of one list never restate each other unless verbatim.

    A verbatim repeat (same word stems in the same order) links to its first occurrence
    directly. Otherwise only pairs sharing a guard term within the last ``WINDOW``
    sentences are compared (inverted index), a term retrieves only the last
    ``MAX_POSTINGS`` sentences holding it, and each sentence is compared with at most
    ``max_candidates`` earlier sentences, those sharing the most guard weight. Cost is
    O(sentences * (MAX_POSTINGS * terms + max_candidates * terms)) at worst, linear in
    the article's length.

    ``embeddings`` (one unit-length row per sentence, from :mod:`..semantic`) adds meaning:
    each sentence is also compared with its ``SEM_TOP_K`` closest earlier sentences, pairs
    are decided and ranked by :func:`..semantic.probability` and
    :func:`..semantic.similarity`, and a pair without a shared substantive word counts
    from ``SEM_STRICT_COS``.

    ``flags`` (one :func:`.in_article.sentence_flags` value per sentence) selects the
    in-article model (:mod:`.in_article`): pairs that change a fact are ruled out, and
    the fitted in-article probability decides (from ``in_article.THRESHOLD``, or
    ``RECAP_THRESHOLD`` in a recap section) and ranks.
    """
    if flags is not None and embeddings is None:
        threshold = in_article.THRESHOLD
    search = _ArticleSearch(terms, eligible, threshold, max_candidates, names, short, groups,
                            embeddings, flags)
    for i in range(len(terms)):
        search.visit(i)
    return search.found


class _ArticleSearch:
    """One pass over an article's sentences in order, with what the earlier ones left:
    the index of their guard terms, their first verbatim occurrences, the links found."""

    def __init__(
        self, terms: Sequence[Terms], eligible: Sequence[bool] | None, threshold: float,
        max_candidates: int, names: frozenset[str], short: Sequence[bool] | None,
        groups: Sequence[int | None] | None, embeddings: np.ndarray | None,
        flags: Sequence[int] | None = None,
    ) -> None:
        self.terms = terms
        self.eligible = [True] * len(terms) if eligible is None else eligible
        self.threshold = threshold
        self.max_candidates = max_candidates
        self.names = names
        self.short = short
        self.groups = [None] * len(terms) if groups is None else groups
        self.embeddings = embeddings
        #: the in-article model (flags given, no embeddings): see find_restatements
        self.flags = flags if embeddings is None else None
        self.concepts = in_article.ConceptCache()
        self.totals = [t.guard_total for t in terms]
        self.index: dict[str, list[int]] = defaultdict(list)  # guard term -> sentences
        self.exact: dict[tuple[str, ...], int] = {}  # word stems -> first sentence
        self.found: list[Restatement] = []
        self.restating: set[int] = set()
        #: Postings read from the index so far: the search's unit of work, which grows
        #: in proportion to the article's length.
        self.visited = 0

    def visit(self, i: int) -> None:
        """Link sentence ``i`` to the sentence it restates, if any, then index it."""
        if self.can_restate(i):
            # a verbatim repeat links to its first occurrence at no cost, and stays out
            # of the index: its first occurrence answers for it
            first = self.exact.setdefault(self.terms[i].stems, i)
            if first != i:
                self._link(i, first, 1.0, verbatim=True)
                return
            best = self._closest_earlier(i)
            if best is not None:
                self._link(i, *best)
        if self.eligible[i]:
            for t in self._keys(i):
                self.index[t].append(i)

    def _keys(self, i: int) -> dict:
        """The index keys of sentence ``i`` with their weights: its guard terms. (Keys for
        WordNet concepts too were measured: they retrieved no pair the in-article model
        then accepted, at twice the search's cost; the model still reads concepts.)"""
        return self.terms[i].guard

    def can_restate(self, i: int) -> bool:
        """Can sentence ``i`` restate or be restated: eligible, with enough guard terms."""
        return bool(self.eligible[i]) and len(self.terms[i].guard) >= MIN_TERMS

    def _link(self, i: int, of: int, similarity: float, verbatim: bool = False) -> None:
        self.found.append(Restatement(i, of, similarity, verbatim))
        self.restating.add(i)

    def _closest_earlier(self, i: int) -> tuple[int, float] | None:
        """(sentence, similarity) of the earlier sentence ``i`` restates, or None."""
        near = self._near_in_meaning(i) if self.embeddings is not None and i else []
        shared = self._sharing_terms(i)
        if not shared and not near:
            return None
        most = self.max_candidates if self.flags is None else in_article.MAX_CANDIDATES
        if len(shared) > most:
            cands = heapq.nlargest(most, shared, key=shared.__getitem__)
        else:
            cands = list(shared)
        cands += [j for j in near if j not in shared]
        return self._best(i, cands)

    def _sharing_terms(self, i: int) -> dict[int, float]:
        """Earlier sentences sharing guard terms with ``i``, and the weight they share,
        for those that can still pass the guard and are not in ``i``'s list."""
        shared: dict[int, float] = defaultdict(float)
        index = self.index
        lo = i - WINDOW
        for t, w in self._keys(i).items():
            post = index.get(t)
            if post:
                start = max(0, len(post) - MAX_POSTINGS)
                if post[start] < lo:
                    start = bisect_left(post, lo, start)
                self.visited += len(post) - start
                for j in post[start:]:
                    shared[j] += w
        # the shared guard weight gives the guard's weighted Jaccard: pairs below
        # MIN_CONTENT cannot pass the guard, skip them
        totals, groups = self.totals, self.groups
        total = totals[i]
        group = groups[i]
        if self.flags is not None:
            # judged only when the shared guard weight is MIN_COVER of the smaller sentence's:
            # pairs below it were never accepted on the tune part, and judging them doubled
            # the search's cost
            floor = in_article.MIN_COVER
            return {j: w for j, w in shared.items()
                    if w >= floor * min(total, totals[j]) and (group is None or groups[j] != group)}
        return {
            j: w for j, w in shared.items()
            if w >= MIN_CONTENT * (total + totals[j] - w)
            and (group is None or groups[j] != group)
        }

    def _near_in_meaning(self, i: int) -> list[int]:
        """The ``SEM_TOP_K`` earlier sentences (within ``SEM_WINDOW``) closest to ``i`` in
        meaning that can restate and are not in ``i``'s list."""
        emb = self.embeddings
        lo = max(0, i - sem.SEM_WINDOW)
        order = np.argsort(-(emb[lo:i] @ emb[i]), kind="stable")
        group = self.groups[i]
        near: list[int] = []
        for k in order[: 4 * sem.SEM_TOP_K].tolist():
            j = lo + k
            if self.can_restate(j) and (group is None or self.groups[j] != group):
                near.append(j)
                if len(near) == sem.SEM_TOP_K:
                    break
        return near

    def _best(self, i: int, cands: Sequence[int]) -> tuple[int, float] | None:
        """The most similar candidate that ``i`` restates, preferring those that do not
        restate an earlier sentence themselves; ties go to the earlier sentence."""
        best: list[tuple[float, int]] = [(-1.0, -1), (-1.0, -1)]  # any, original
        threshold = self.threshold
        if self.flags is not None and self.flags[i] & in_article.RECAP:
            threshold = in_article.RECAP_THRESHOLD
        for j in cands:
            judged = self._judge(i, j)
            if judged is None or judged[0] < threshold:
                continue
            s = judged[1]
            for k in (0, 1) if j not in self.restating else (0,):
                bs, bj = best[k]
                if s > bs or (s == bs and j < bj):
                    best[k] = (s, j)
        s, j = best[1] if best[1][1] >= 0 else best[0]
        return (j, s) if j >= 0 else None

    def _judge(self, i: int, j: int) -> tuple[float, float] | None:
        """(probability, similarity) that ``i`` restates ``j``, or None when the guard
        rules the pair out."""
        ti, tj = self.terms[i], self.terms[j]
        if self.flags is not None:
            # the fact guard first: it rules out half the pairs judged, at a fraction of
            # the cost of their features
            if in_article.changes_a_fact(tj, ti, self.concepts):
                return None
            values = in_article.features(tj, ti, self.flags[j], self.flags[i], i - j,
                                         self.concepts)
            if values is None:
                return None
            p = in_article.probability(values)
            return p, p
        is_short = None if self.short is None else (self.short[i] or self.short[j])
        # the guard first: it is cheaper than the pair's features
        guarded = substantive_overlap(ti, tj, self.names, is_short)
        if self.embeddings is None:
            return scores(ti, tj) if guarded else None
        cos = float(self.embeddings[i] @ self.embeddings[j])
        # by meaning alone: two full sentences, very close, same numbers
        # ("February 20, 2025" / "February 28, 2025" are not one fact)
        if not guarded and (cos < sem.SEM_STRICT_COS or is_short_pair(ti, tj, is_short)
                            or numbers_clash(ti, tj)):
            return None
        z, _, lex = lexical_scores(ti, tj)
        return sem.probability(cos, max(z, -50.0)), sem.similarity(cos, lex)
