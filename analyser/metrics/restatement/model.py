"""The pair features of two sentences and the fitted model that reads them.

Ten pair features of two :class:`~.terms.Terms`:

    j1  Jaccard of the word-stem sets        j2  Jaccard of the stem-bigram sets
    c3  Jaccard of the char-trigram sets     wj  weighted Jaccard of the content terms
    nd  1 when both carry numbers and the numbers differ, else 0
    b-, b+  shared stem bigrams over the bigrams of the sentence with more (b-) and
            fewer (b+) of them: how much of each sentence the other covers
    t-, t+  the same for stem trigrams (word 3-grams)
    lr  |log((words1 + 1) / (words2 + 1))|: a paraphrase is about as long as its source

Coverage in each direction tells "one sentence contains the other, plus a clause" (a
paraphrase in MRPC) from "the two share a third of their words each" (often not); the
symmetric Jaccards cannot.

A logistic regression over them gives the probability that the pair is a paraphrase,
and the similarity blends it with the weighted overlap:

    p   = 1 / (1 + exp(-(BIAS + WEIGHTS · features)))      is it a restatement? (p >= 0.5)
    sim = (1 - LAMBDA) * p + LAMBDA * wj                    how close are they?  (0 to 1)

The decision uses ``p`` alone, at ``THRESHOLD = 0.5``: a calibrated probability's own
decision point, so no threshold is fitted. ``sim`` is the value reported and ranked (the
closest earlier sentence is the one linked).

What was chosen on which data (``benchmarks/restatement_eval.py --fit`` redoes it):
``WEIGHTS``/``BIAS`` are a logistic regression (C=10) on the MRPC *train* split (4,076
pairs); ``LAMBDA`` (step 0.1) maximises the Spearman correlation on STS-B *dev* headlines
(no overlap with MRPC). Nothing else is fitted, and no MRPC or STS-B text ships with the
package (twelve numbers do). Function words count in j1 because MRPC's paraphrases keep
them; IDF weighting (wj) alone ranks graded similarity (STS) better but separates
paraphrases worse, hence the blend for the graded value.

The measured result (``benchmarks/restatement_eval.py``): see that script's table in the
README. A lexical measure has no synonyms: "troops" and "soldiers" do not meet, which caps
it near 0.76 on MRPC.
"""

from __future__ import annotations

import math
from operator import mul

from .terms import Terms, sentence_terms

#: Logistic weights of (j1, j2, c3, wj, nd, b-, b+, t-, t+, lr), bias, blend, and the
#: probability at which a pair counts as a restatement: see above.
WEIGHTS = (4.134, 3.548, 5.453, -0.033, -0.662, 3.071, -3.231, 1.636, -5.677, -0.049)
BIAS = -2.959
LAMBDA = 0.9
THRESHOLD = 0.5


def _jaccard(a: frozenset, b: frozenset) -> float:
    if not a or not b:
        return 0.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)


def _coverage(a: frozenset, b: frozenset) -> tuple[float, float, float]:
    """(Jaccard, shared over the larger set, shared over the smaller set)."""
    if not a or not b:
        return 0.0, 0.0, 0.0
    inter = len(a & b)
    small, big = len(a), len(b)
    if small > big:
        small, big = big, small
    return inter / (small + big - inter), inter / big, inter / small


def weighted_jaccard(a: Terms, b: Terms) -> float:
    """Jaccard of the content terms, each counted with its weight."""
    shared = 0.0
    if a.weights and b.weights:
        small, big = (a, b) if len(a.weights) <= len(b.weights) else (b, a)
        bw = big.weights
        for t, w in small.weights.items():
            if t in bw:
                shared += w
    union = a.total + b.total - shared
    return shared / union if union > 0 else 0.0


def features(a: Terms, b: Terms) -> tuple[float, ...]:
    """The ten pair features (see the module docstring): word Jaccard, bigram Jaccard,
    character-trigram Jaccard, weighted content Jaccard, numbers disagree (0/1), bigram
    coverage (larger side, smaller side), word-trigram coverage (the same), length ratio."""
    wj = weighted_jaccard(a, b)
    clash = 1.0 if a.numbers and b.numbers and a.numbers != b.numbers else 0.0
    j2, b_lo, b_hi = _coverage(a.bigrams, b.bigrams)
    _, t_lo, t_hi = _coverage(a.word_trigrams, b.word_trigrams)
    return (
        _jaccard(a.words, b.words),
        j2,
        _jaccard(a.trigrams, b.trigrams),
        wj,
        clash,
        b_lo,
        b_hi,
        t_lo,
        t_hi,
        abs(math.log((len(a.stems) + 1) / (len(b.stems) + 1))),
    )


def lexical_scores(a: Terms, b: Terms) -> tuple[float, float, float]:
    """(logit, probability that b restates a, similarity in [0, 1]) of the lexical model:
    see the module docstring. A pair with an empty side has logit -inf."""
    if not a.words or not b.words:
        return -math.inf, 0.0, 0.0
    f = features(a, b)
    # map(mul) adds the same products in the same order as a generator, at less cost
    z = BIAS + sum(map(mul, WEIGHTS, f))
    p = 1.0 / (1.0 + math.exp(-z))
    return z, p, (1.0 - LAMBDA) * p + LAMBDA * f[3]


def scores(a: Terms, b: Terms) -> tuple[float, float]:
    """(probability that b restates a, similarity in [0, 1]): see the module docstring."""
    _, p, s = lexical_scores(a, b)
    return p, s


def similarity(a: Terms, b: Terms) -> float:
    """Restatement similarity of two sentences in [0, 1] (see the module docstring)."""
    return scores(a, b)[1]


def probability(a: Terms, b: Terms) -> float:
    """Probability that two sentences say the same thing; a restatement from ``THRESHOLD``."""
    return scores(a, b)[0]


def text_similarity(s1: str, s2: str) -> float:
    """Restatement similarity of two sentence strings."""
    return similarity(sentence_terms(s1), sentence_terms(s2))


def text_probability(s1: str, s2: str) -> float:
    """Probability that two sentence strings say the same thing."""
    return probability(sentence_terms(s1), sentence_terms(s2))
