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

In an article (:func:`find_restatements`) the model's decision is necessary but not
enough: inside one article every sentence shares the subject's name and the writer's tics.
A pair must also pass the *in-article guard* (:func:`substantive_overlap`):

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
  repeats the other verbatim.

Sentences with fewer than ``MIN_TERMS`` guard terms never count as restatements. These
numbers were chosen on hand-labelled candidate links from the seeds and 300 BBC articles
(see ``docs/padding_index.md``, "Restatements"). Each restating sentence links to the
sentence that *first* said it: among the earlier sentences that pass, those that do not
themselves restate an earlier one are preferred (a second telling links to the first
telling, not to its own summary of it); verbatim repeats link to their first occurrence
directly. An inverted index over content terms means only sentence pairs that share a
term are compared, a term retrieves at most the last ``MAX_POSTINGS`` sentences holding
it, and each sentence is compared in full with at most ``MAX_CANDIDATES`` earlier
sentences (those sharing the most term weight): linear in the article's length.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from operator import add, itemgetter
from typing import NamedTuple

import numpy as np

from ..resources import is_stopword
from . import semantic as sem

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
#: In an article, a restating pair must also reach this weighted Jaccard of guard terms.
MIN_CONTENT = 0.2
#: Sentences with fewer guard terms than this never count as restatements.
MIN_TERMS = 3
#: Guard terms leave out words at least this frequent in English (Zipf scale): "like",
#: "people", "new", "time", "make", "good" (about 20 words; "year" and "government" stay).
GUARD_COMMON_ZIPF = 6.0
#: A sentence of fewer words than this is a short line, like a heading or a list item.
SHORT_WORDS = 8
#: Substantive shared terms a pair needs when one of them is a short line (else 1).
MIN_SHARED_SHORT = 2
#: Person titles that are as often ordinary words: they stay substantive in the guard.
TITLE_GUARD_EXCLUDE = frozenset(
    "press general chief chair manager coach striker midfielder defender goalkeeper justice "
    "vice prime deputy captain commander".split()
)

#: Fields of a TokenInfo: its stem, character trigrams and word edges.
_STEM, _TRIS, _HEAD, _TAIL = itemgetter(0), itemgetter(3), itemgetter(4), itemgetter(5)

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

    __slots__ = ("weights", "numbers", "names", "lowered", "total", "_stems", "_infos",
                 "_words", "_bigrams", "_trigrams", "_word_trigrams", "_guard",
                 "_guard_total", "noise")

    def __init__(self, weights: dict[str, float], numbers: frozenset[str],
                 names: frozenset[str], lowered: frozenset[str],
                 infos: Sequence[TokenInfo] = (), noise: frozenset[str] = frozenset()) -> None:
        self.weights = weights
        #: content terms written here only as non-content words ("realli" from "really";
        #: "total" from "totally" but not from "the total cost")
        self.noise = noise
        self.numbers = numbers
        self.names = names
        self.lowered = lowered
        self.total = sum(weights.values())
        #: the sentence's words and numbers (their stems, trigrams and edges feed the
        #: pair features; kept whole so those are built only for pairs compared)
        self._infos = infos
        self._stems: tuple[str, ...] = tuple(map(_STEM, infos))
        self._words: frozenset[str] | None = None
        self._bigrams: frozenset[tuple[str, str]] | None = None
        self._trigrams: frozenset[str] | None = None
        self._word_trigrams: frozenset[tuple[str, str, str]] | None = None
        self._guard: dict[str, float] | None = None
        self._guard_total = 0.0

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
    def guard(self) -> dict[str, float]:
        """The guard terms (see the module docstring) with their weights: the content
        terms minus non-content words and the commonest English words."""
        if self._guard is None:
            noise = self.noise
            common = ZIPF_TOP - GUARD_COMMON_ZIPF
            self._guard = {
                t: w for t, w in self.weights.items()
                if t not in noise and (w > common or t.startswith("#"))
            }
            self._guard_total = sum(self._guard.values())
        return self._guard

    @property
    def guard_total(self) -> float:
        self.guard  # noqa: B018 - builds the cache
        return self._guard_total

    @property
    def trigrams(self) -> frozenset[str]:
        if self._trigrams is None:
            infos = self._infos
            # inside words, plus the ones across each word boundary ("e s" in "the sale")
            cross = map(add, map(_TAIL, infos), map(_HEAD, infos[1:]))
            self._trigrams = frozenset().union(*map(_TRIS, infos), cross)
        return self._trigrams

    def __getstate__(self):
        return (self.weights, self.numbers, self.names, self.lowered, tuple(self._infos),
                self.noise)

    def __setstate__(self, state) -> None:
        self.__init__(*state)


@lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    return _stemmer().stem(word)


#: Case classes of a token (``TokenInfo.case``): how terms_of files its term.
NUMBER, LOWER, CAPITAL, OTHER = 0, 1, 2, 3


class TokenInfo(NamedTuple):
    """What the restatement terms need to know of one token, computed once per form."""

    stem: str
    term: str | None  # content term, or None for a function word
    weight: float  # the term's weight (0 without a term)
    tris: frozenset[str]  # character trigrams inside the word, padded with spaces
    head: str  # the first letter, and the last letter and a space: they make the
    tail: str  # trigrams across word boundaries ("e" + " " + "s" in "the sale")
    noise: bool  # a non-content word ("really", "basically"): its term is not content
    case: int  # NUMBER, LOWER (written in lower case), CAPITAL or OTHER


@lru_cache(maxsize=300_000)
def token_info(text: str, kind: str) -> TokenInfo:
    """The :class:`TokenInfo` of one token.

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
    first = text[:1]
    case = (NUMBER if kind == "number" else LOWER if first.islower()
            else CAPITAL if first.isupper() else OTHER)
    noise = low.replace("’", "'") in non_content_words()
    return TokenInfo(stem, term, weight, tris, low[0], low[-1] + " ", noise, case)


#: token_info by surface form (a form's kind never changes: the tokenizer decides it from
#: the characters); a plain dict lookup is cheaper than lru_cache's two-argument key.
_INFO: dict[str, TokenInfo] = {}
_INFO_MAX = 300_000


def _info(text: str, kind: str) -> TokenInfo:
    info = token_info(text, kind)
    if len(_INFO) < _INFO_MAX:
        _INFO[text] = info
    return info


def terms_of(tokens: Iterable[tuple[str, str]]) -> Terms:
    """Terms of a sentence given its tokens as (text, kind) with kind word|number|punct."""
    get = _INFO.get
    return terms_of_infos([get(x) or _info(x, k) for x, k in tokens if k != "punct"])


def token_infos(tokens: Iterable) -> list[TokenInfo | None]:
    """The :class:`TokenInfo` of each token (objects with ``text`` and ``kind``, such as
    :class:`analyser.document.Token`); None for punctuation."""
    get = _INFO.get
    return [None if t.kind == "punct" else get(t.text) or _info(t.text, t.kind)
            for t in tokens]


def terms_of_infos(infos: Sequence[TokenInfo]) -> Terms:
    """Terms of a sentence given the :class:`TokenInfo` of its words and numbers."""
    if not infos:
        return Terms({}, frozenset(), frozenset(), frozenset())
    weights: dict[str, float] = {}
    numbers: set[str] = set()
    names: set[str] = set()
    lowered: set[str] = set()
    noisy: set[str] = set()
    content: set[str] = set()
    first = True
    for _stem, term, weight, _tris, _head, _tail, noise, case in infos:
        if term is None:
            first = False
            continue
        (noisy if noise else content).add(term)
        if case == LOWER:
            lowered.add(term)
        elif case == NUMBER:
            numbers.add(term)
        elif case == CAPITAL and not first:
            names.add(term)
        first = False
        if term not in weights:
            weights[term] = weight
    return Terms(weights, frozenset(numbers), frozenset(names), frozenset(lowered), infos,
                 frozenset(noisy - content))


@lru_cache(maxsize=200_000)
def _word_weight(low: str, term: str) -> float:
    from wordfreq import zipf_frequency

    z = max(zipf_frequency(low, "en"), zipf_frequency(term, "en"))
    return max(W_FLOOR, ZIPF_TOP - z)


def tokenize(sentence: str) -> list[tuple[str, str]]:
    """(text, kind) tokens of a bare sentence string, as analyser.document makes them."""
    # findall gives one (abbr, num, word, punct) tuple per token, exactly one non-empty
    return [(a or w, "word") if a or w else (n, "number") if n else (p, "punct")
            for a, n, w, p in _TOKEN_RE.findall(sentence)]


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


def lexical_scores(a: Terms, b: Terms) -> tuple[float, float, float]:
    """(logit, probability that b restates a, similarity in [0, 1]) of the lexical model:
    see the module docstring. A pair with an empty side has logit -inf."""
    if not a.words or not b.words:
        return -math.inf, 0.0, 0.0
    f = features(a, b)
    z = BIAS + sum(w * x for w, x in zip(WEIGHTS, f, strict=True))
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


@dataclass(frozen=True, slots=True)
class Restatement:
    """Sentence ``index`` restates the earlier sentence ``of`` with ``similarity``."""

    index: int
    of: int
    similarity: float


def _data_words(name: str) -> list[str]:
    text = files("analyser.metrics").joinpath(f"data/{name}").read_text("utf-8")
    return [w for ln in text.splitlines() if not ln.lstrip().startswith("#") for w in ln.split()]


_SINGLE_WORDS = re.compile(r"[a-z'’-]+(?:\|[a-z'’-]+)*")


@lru_cache(maxsize=1)
def non_content_words() -> frozenset[str]:
    """Words that say nothing about the story by themselves (lower case, straight
    apostrophes): the list in ``data/non_content_words.txt`` plus every single-word phrase
    of the filler, hedge and intensifier rules. Matched on the word itself, not its stem:
    "totally" is one, "total" is not."""
    words = {w.lower().replace("’", "'") for w in _data_words("non_content_words.txt")}
    from ..rules import builtin_rules

    for rule in builtin_rules():
        if rule.category in ("filler", "hedge", "intensifier"):
            for phrase in rule.match.get("phrases", ()):
                if isinstance(phrase, str) and _SINGLE_WORDS.fullmatch(phrase):
                    words.update(w.replace("’", "'") for w in phrase.split("|"))
    return frozenset(words)


@lru_cache(maxsize=1)
def title_terms() -> frozenset[str]:
    """Terms of person titles ("president", "minister", "mr"): they say who, not what."""
    words = set(_data_words("name_titles.txt")) - TITLE_GUARD_EXCLUDE
    return frozenset(t for w in words if (t := word_term(w)) is not None)


def _guard_jaccard(a: Terms, b: Terms, shared: Iterable[str]) -> float:
    ga = a.guard
    inter = sum(ga[t] for t in shared)
    union = a.guard_total + b.guard_total - inter
    return inter / union if union > 0 else 0.0


def _is_short_pair(a: Terms, b: Terms, short: bool | None) -> bool:
    """Is either sentence a short line (``short``; by default: under SHORT_WORDS words)?"""
    return min(len(a._stems), len(b._stems)) < SHORT_WORDS if short is None else short


def _numbers_clash(a: Terms, b: Terms) -> bool:
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
    short = _is_short_pair(a, b, short)
    titles = title_terms()
    substantive = sum(1 for t in shared if t not in names and t not in titles)
    if substantive < (MIN_SHARED_SHORT if short else 1):
        return False
    if short and _numbers_clash(a, b):
        return False
    return _guard_jaccard(a, b, shared) >= MIN_CONTENT


def find_restatements(
    terms: Sequence[Terms],
    eligible: Sequence[bool] | None = None,
    threshold: float = THRESHOLD,
    max_candidates: int = MAX_CANDIDATES,
    names: frozenset[str] = frozenset(),
    short: Sequence[bool] | None = None,
    groups: Sequence[int | None] | None = None,
    embeddings: np.ndarray | None = None,
) -> list[Restatement]:
    """For each sentence, the earlier sentence it restates: among those whose restatement
    probability reaches ``threshold`` and that pass :func:`substantive_overlap` (with the
    article's ``names``), the most similar one that does not itself restate an earlier
    sentence, else the most similar one.

    ``short`` marks short lines (headings, list items; by default sentences under
    ``SHORT_WORDS`` words); ``groups`` gives each sentence's list (run of list items or
    table rows), or None: sentences of one list never restate each other unless verbatim.

    A verbatim repeat (same word stems in the same order) links to its first occurrence
    directly. Otherwise only pairs sharing a guard term are compared (inverted index), a
    term retrieves only the last ``MAX_POSTINGS`` sentences holding it, and each sentence
    is compared with at most ``max_candidates`` earlier sentences, those sharing the most
    guard weight. Cost is O(sentences * (MAX_POSTINGS * terms + max_candidates * terms))
    at worst, linear in the article's length.

    ``embeddings`` (one unit-length row per sentence, from :mod:`.semantic`) adds meaning:
    each sentence is also compared with its ``SEM_TOP_K`` closest earlier sentences, pairs
    are decided and ranked by :func:`.semantic.probability` and :func:`.semantic.similarity`,
    and a pair without a shared substantive word counts from ``SEM_STRICT_COS``.
    """
    index: dict[str, list[int]] = defaultdict(list)
    exact: dict[tuple[str, ...], int] = {}
    out: list[Restatement] = []
    restating: set[int] = set()
    for i, ti in enumerate(terms):
        gi = ti.guard
        ok = (eligible is None or eligible[i]) and len(gi) >= MIN_TERMS
        if ok:
            # a verbatim repeat links to its first occurrence at no cost
            first = exact.setdefault(ti._stems, i)
            if first != i:
                out.append(Restatement(i, first, 1.0))
                restating.add(i)
                continue
        near: list[int] = []  # earlier sentences closest in meaning (semantic extra)
        if ok and embeddings is not None and i:
            lo = max(0, i - sem.SEM_WINDOW)
            cos_all = embeddings[lo:i] @ embeddings[i]
            order = np.argsort(-cos_all, kind="stable")
            for k in order[: 4 * sem.SEM_TOP_K].tolist():
                j = lo + k
                if (eligible is None or eligible[j]) and len(terms[j].guard) >= MIN_TERMS \
                        and (groups is None or groups[i] is None or groups[j] != groups[i]):
                    near.append(j)
                    if len(near) == sem.SEM_TOP_K:
                        break
        if ok and (index or near):
            shared: dict[int, float] = defaultdict(float)
            for t, w in gi.items():
                post = index.get(t)
                if post:
                    for j in post[-MAX_POSTINGS:]:
                        shared[j] += w
            if shared:
                # the index gives the shared guard weight, hence the guard's weighted
                # Jaccard: pairs below MIN_CONTENT cannot pass the guard, skip them
                ti_total = ti.guard_total
                group = groups[i] if groups is not None else None
                shared = {
                    j: w for j, w in shared.items()
                    if w >= MIN_CONTENT * (ti_total + terms[j].guard_total - w)
                    and (group is None or groups[j] != group)
                }
            if shared or near:
                if len(shared) > max_candidates:
                    cands = heapq.nlargest(max_candidates, shared, key=shared.__getitem__)
                else:
                    cands = list(shared)
                cands += [j for j in near if j not in shared]
                best: list[tuple[float, int]] = [(-1.0, -1), (-1.0, -1)]  # any, original
                for j in cands:
                    # the guard first: it is cheaper than the pair's features
                    is_short = None if short is None else (short[i] or short[j])
                    guarded = substantive_overlap(ti, terms[j], names, is_short)
                    if embeddings is None:
                        if not guarded:
                            continue
                        p, s = scores(ti, terms[j])
                    else:
                        cos = float(embeddings[i] @ embeddings[j])
                        # by meaning alone: two full sentences, very close, same numbers
                        # ("February 20, 2025" / "February 28, 2025" are not one fact)
                        if not guarded and (
                            cos < sem.SEM_STRICT_COS or _is_short_pair(ti, terms[j], is_short)
                            or _numbers_clash(ti, terms[j])):
                            continue
                        z, _, lex = lexical_scores(ti, terms[j])
                        p = sem.probability(cos, max(z, -50.0))
                        s = sem.similarity(cos, lex)
                    if p < threshold:
                        continue
                    for k in (0, 1) if j not in restating else (0,):
                        bs, bj = best[k]
                        if s > bs or (s == bs and j < bj):
                            best[k] = (s, j)
                s, j = best[1] if best[1][1] >= 0 else best[0]
                if j >= 0:
                    out.append(Restatement(i, j, s))
                    restating.add(i)
        if eligible is None or eligible[i]:
            for t in gi:
                index[t].append(i)
    return out
