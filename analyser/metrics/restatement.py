"""Restatement: sentences that say again what an earlier sentence of the article said.

Not a metric family of its own (the ``repetition`` family calls it); it lives apart so the
benchmark (``benchmarks/restatement_eval.py``) can score sentence pairs without a Document.

Each sentence becomes a :class:`Terms`: the stems (Snowball, no data needed) of all its
words, their bigrams, the character trigrams of its words, and its *content terms* —
stems of non-stopwords and numbers (normalised: "1,600" = "1600") — weighted by how
informative they are in English: ``weight = max(W_FLOOR, ZIPF_TOP - zipf)`` with wordfreq's
Zipf frequency (offline), so "Sheinbaum" (zipf 0) weighs 7 and "country" (zipf 5.3) about
1.7; a number weighs 4. Ten pair features:

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

In an article (:func:`find_restatements`), a pair must also share a content term that is
not one of the article's names and reach ``MIN_CONTENT`` weighted Jaccard (inside one
article every sentence shares the subject's name); verbatim repeats link to their first
occurrence directly; an inverted index over content terms means only sentence pairs that
share a term are compared, a term retrieves at most the last ``MAX_POSTINGS`` sentences
holding it, and each sentence is compared in full with at most ``MAX_CANDIDATES``
earlier sentences (those sharing the most term weight): linear in the article's length.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..resources import is_stopword

#: Logistic weights of (j1, j2, c3, wj, nd, b-, b+, t-, t+, lr), bias, blend, and the
#: probability at which a pair counts as a restatement: see above.
WEIGHTS = (4.134, 3.548, 5.453, -0.033, -0.662, 3.071, -3.231, 1.636, -5.677, -0.049)
BIAS = -2.959
LAMBDA = 0.9
THRESHOLD = 0.5
#: Term weight = max(W_FLOOR, ZIPF_TOP - zipf frequency): rarer words weigh more.
ZIPF_TOP = 7.0
W_FLOOR = 0.5
#: Earlier sentences compared with each sentence (the ones sharing most term weight).
MAX_CANDIDATES = 40
#: A term retrieves candidates among the last this-many sentences that hold it (it still
#: counts in the similarity); keeps the index near-linear on huge articles.
MAX_POSTINGS = 200
#: In an article, a restating pair must also reach this weighted content Jaccard.
MIN_CONTENT = 0.2
#: Sentences with fewer content terms than this never count as restatements.
MIN_TERMS = 3

# Same token shapes as analyser.document, for scoring bare sentence strings.
_TOKEN_RE = re.compile(
    r"(?P<abbr>(?:[^\W\d_]\.){2,})"
    r"|(?P<num>\d+(?:[.,:/]\d+)*(?:%|st|nd|rd|th|s|m|bn|k|pm|am)?(?![^\W\d_]))"
    r"|(?P<word>[^\W_][^\W_]*(?:['’][^\W_]+)*(?:-[^\W_]+(?:['’][^\W_]+)*)*)"
    r"|(?P<punct>[^\w\s])"
)
_POSSESSIVE = re.compile(r"['’]s?$")


@lru_cache(maxsize=1)
def _stemmer():
    from nltk.stem.snowball import SnowballStemmer

    return SnowballStemmer("english")


@lru_cache(maxsize=200_000)
def word_term(word: str) -> str | None:
    """The term of one word token (lower-case stem), or None for a function word or a
    single letter ("v" in "France v Israel" says nothing)."""
    w = word.lower().replace("’", "'")
    if is_stopword(w):
        return None
    w = _POSSESSIVE.sub("", w) if "'" in w else w
    if len(w) < 2 or is_stopword(w):
        return None
    if "." in w:  # "u.s." -> "us"
        return w.replace(".", "")
    return _stemmer().stem(w)


@lru_cache(maxsize=50_000)
def number_term(number: str) -> str:
    """A number's term: separators and unit suffixes dropped ("1,600" -> "#1600")."""
    n = number.replace(",", "").lower()
    n = re.sub(r"(?:st|nd|rd|th|s)$", "", n)
    return "#" + n


@lru_cache(maxsize=200_000)
def term_weight(term: str) -> float:
    """Informativeness of a term: rarer in English weighs more; numbers weigh 4."""
    if term.startswith("#"):
        return 4.0
    from wordfreq import zipf_frequency

    return max(W_FLOOR, ZIPF_TOP - zipf_frequency(term, "en"))


class Terms:
    """What one sentence says: the input of :func:`similarity`.

    ``weights``: content terms (stems of non-stopwords, numbers) with their weights;
    ``numbers``; ``names`` (terms capitalised inside the sentence) and ``lowered`` (terms
    written in lower case); ``words``: stems of every word, function words included;
    ``bigrams`` of those stems; ``trigrams``: the character trigrams of the lower-cased
    words joined by spaces. The last three are built on first use: inside an
    article most sentences are never compared in full.
    """

    __slots__ = ("weights", "numbers", "names", "lowered", "total", "_stems", "_tris",
                 "_edges", "_words", "_bigrams", "_trigrams", "_word_trigrams")

    def __init__(self, weights: dict[str, float], numbers: frozenset[str],
                 names: frozenset[str], lowered: frozenset[str], stems: tuple[str, ...],
                 tris: tuple[frozenset[str], ...], edges: tuple[str, ...] = ()) -> None:
        self.weights = weights
        self.numbers = numbers
        self.names = names
        self.lowered = lowered
        self.total = sum(weights.values())
        self._stems = stems
        self._tris = tris
        self._edges = edges
        self._words: frozenset[str] | None = None
        self._bigrams: frozenset[tuple[str, str]] | None = None
        self._trigrams: frozenset[str] | None = None
        self._word_trigrams: frozenset[tuple[str, str, str]] | None = None

    @property
    def words(self) -> frozenset[str]:
        if self._words is None:
            self._words = frozenset(self._stems)
        return self._words

    @property
    def bigrams(self) -> frozenset[tuple[str, str]]:
        if self._bigrams is None:
            st = self._stems
            self._bigrams = frozenset(zip(st, st[1:], strict=False))
        return self._bigrams

    @property
    def word_trigrams(self) -> frozenset[tuple[str, str, str]]:
        if self._word_trigrams is None:
            st = self._stems
            self._word_trigrams = frozenset(zip(st, st[1:], st[2:], strict=False))
        return self._word_trigrams

    @property
    def trigrams(self) -> frozenset[str]:
        if self._trigrams is None:
            e = self._edges
            # inside words, plus the ones across each word boundary ("e s" in "the sale")
            cross = {a[-1] + " " + b[0] for a, b in zip(e, e[1:], strict=False)}
            self._trigrams = frozenset().union(*self._tris, cross)
        return self._trigrams

    def __getstate__(self):
        return (self.weights, self.numbers, self.names, self.lowered, self._stems, self._tris,
                self._edges)

    def __setstate__(self, state) -> None:
        self.__init__(*state)


@lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    return _stemmer().stem(word)


@lru_cache(maxsize=300_000)
def token_info(text: str, kind: str) -> tuple[str, str | None, float, frozenset[str], str]:
    """(stem, content term or None, term weight, character trigrams, first and last
    letter) of one token.

    Cached by surface form: an article repeats its words, a corpus repeats its vocabulary.
    Trigrams are taken inside the word padded with a space each side ("sale" -> " sa",
    "sal", "ale", "le "); :class:`Terms` adds those across word boundaries.
    """
    low = text.lower()
    stem = _stem(low)
    if kind == "number":
        term: str | None = number_term(text)
        weight = term_weight(term)
    else:
        term = word_term(text)
        weight = _word_weight(low, term) if term is not None else 0.0
    padded = f" {low} "
    tris = frozenset(padded[i : i + 3] for i in range(len(padded) - 2))
    return stem, term, weight, tris, low[0] + low[-1]


#: token_info by surface form (a form's kind never changes: the tokenizer decides it from
#: the characters); a plain dict lookup is cheaper than lru_cache's two-argument key.
_INFO: dict[str, tuple[str, str | None, float, frozenset[str], str]] = {}
_INFO_MAX = 300_000


def _info(text: str, kind: str) -> tuple[str, str | None, float, frozenset[str], str]:
    info = token_info(text, kind)
    if len(_INFO) < _INFO_MAX:
        _INFO[text] = info
    return info


def terms_of(tokens: Iterable[tuple[str, str]]) -> Terms:
    """Terms of a sentence given its tokens as (text, kind) with kind word|number|punct."""
    words = [(x, k) for x, k in tokens if k != "punct"]
    if not words:
        return Terms({}, frozenset(), frozenset(), frozenset(), (), ())
    get = _INFO.get
    infos = [get(x) or _info(x, k) for x, k in words]
    weights: dict[str, float] = {}
    numbers: set[str] = set()
    names: set[str] = set()
    lowered: set[str] = set()
    for n, ((text, kind), (_, term, weight, _, _)) in enumerate(
        zip(words, infos, strict=True)
    ):
        if term is None:
            continue
        if kind == "number":
            numbers.add(term)
        elif text[:1].islower():
            lowered.add(term)
        elif n and text[:1].isupper():
            names.add(term)
        if term not in weights:
            weights[term] = weight
    stems, _, _, tris, edges = zip(*infos, strict=True)
    return Terms(weights, frozenset(numbers), frozenset(names), frozenset(lowered),
                 stems, tris, edges)


@lru_cache(maxsize=200_000)
def _word_weight(low: str, term: str) -> float:
    from wordfreq import zipf_frequency

    z = max(zipf_frequency(low, "en"), zipf_frequency(term, "en"))
    return max(W_FLOOR, ZIPF_TOP - z)


def tokenize(sentence: str) -> list[tuple[str, str]]:
    """(text, kind) tokens of a bare sentence string, as analyser.document makes them."""
    out = []
    for m in _TOKEN_RE.finditer(sentence):
        g = m.lastgroup
        out.append((m.group(), "number" if g == "num" else "punct" if g == "punct" else "word"))
    return out


def sentence_terms(sentence: str) -> Terms:
    """Terms of a bare sentence string."""
    return terms_of(tokenize(sentence))


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
    small, big = sorted((len(a), len(b)))
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
        abs(math.log((len(a._stems) + 1) / (len(b._stems) + 1))),
    )


def scores(a: Terms, b: Terms) -> tuple[float, float]:
    """(probability that b restates a, similarity in [0, 1]): see the module docstring."""
    if not a.words or not b.words:
        return 0.0, 0.0
    f = features(a, b)
    z = BIAS + sum(w * x for w, x in zip(WEIGHTS, f, strict=True))
    p = 1.0 / (1.0 + math.exp(-z))
    return p, (1.0 - LAMBDA) * p + LAMBDA * f[3]


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


@dataclass(frozen=True, slots=True)
class Restatement:
    """Sentence ``index`` restates the earlier sentence ``of`` with ``similarity``."""

    index: int
    of: int
    similarity: float


def substantive_overlap(a: Terms, b: Terms, names: frozenset[str] = frozenset()) -> bool:
    """The in-article guard: the pair shares at least one content term that is not one of
    the article's ``names``, and their weighted content Jaccard reaches ``MIN_CONTENT``.

    MRPC pairs are about one event, so function words and shared names carry much of the
    tuned similarity; inside one article every sentence shares the subject's name and the
    writer's tics ("She's, like, really ..."), which must not make a restatement alone.
    """
    small, big = (a, b) if len(a.weights) <= len(b.weights) else (b, a)
    shared = [t for t in small.weights if t in big.weights]
    if not any(t not in names for t in shared):
        return False
    return weighted_jaccard(a, b) >= MIN_CONTENT


def find_restatements(
    terms: Sequence[Terms],
    eligible: Sequence[bool] | None = None,
    threshold: float = THRESHOLD,
    max_candidates: int = MAX_CANDIDATES,
    names: frozenset[str] = frozenset(),
) -> list[Restatement]:
    """For each sentence, the most similar earlier sentence among those whose restatement
    probability reaches ``threshold`` and that pass :func:`substantive_overlap` (with the
    article's ``names``).

    A verbatim repeat (same word stems in the same order) links to its first occurrence
    directly. Otherwise only pairs sharing a term are compared (inverted index), a term
    retrieves only the last ``MAX_POSTINGS`` sentences holding it, and each sentence is
    compared with at most ``max_candidates`` earlier sentences, those sharing the most
    term weight. Cost is O(sentences * (MAX_POSTINGS * terms + max_candidates * terms))
    at worst, linear in the article's length.
    """
    index: dict[str, list[int]] = defaultdict(list)
    exact: dict[tuple[str, ...], int] = {}
    out: list[Restatement] = []
    for i, ti in enumerate(terms):
        ok = (eligible is None or eligible[i]) and len(ti.weights) >= MIN_TERMS
        if ok:
            # a verbatim repeat links to its first occurrence at no cost
            first = exact.setdefault(ti._stems, i)
            if first != i:
                out.append(Restatement(i, first, 1.0))
                continue
        if ok and index:
            shared: dict[int, float] = defaultdict(float)
            for t, w in ti.weights.items():
                post = index.get(t)
                if post:
                    for j in post[-MAX_POSTINGS:]:
                        shared[j] += w
            if shared:
                # the index already gives the shared content weight, hence the weighted
                # Jaccard: pairs below MIN_CONTENT cannot pass the guard, skip them
                ti_total = ti.total
                shared = {
                    j: w for j, w in shared.items()
                    if w >= MIN_CONTENT * (ti_total + terms[j].total - w)
                }
            if shared:
                if len(shared) > max_candidates:
                    cands = heapq.nlargest(max_candidates, shared, key=shared.__getitem__)
                else:
                    cands = list(shared)
                best, best_j = -1.0, -1
                for j in cands:
                    p, s = scores(ti, terms[j])
                    if (s > best or (s == best and j < best_j)) and p >= threshold and (
                        substantive_overlap(ti, terms[j], names)
                    ):
                        best, best_j = s, j
                if best_j >= 0:
                    out.append(Restatement(i, best_j, best))
        if eligible is None or eligible[i]:
            for t in ti.weights:
                index[t].append(i)
    return out
