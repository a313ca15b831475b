"""What one sentence says, as the pair features and the guard compare it: :class:`Terms`.

Each sentence becomes the stems of all its words, their bigrams, the character trigrams
of its words, and its *content terms* (stems of non-stopwords, and numbers) with their
weights (:mod:`.words`).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from operator import add, itemgetter

from ...tokens import tokenize as token_groups
from .words import CAPITAL, LOWER, NUMBER, ZIPF_TOP, TokenInfo, infos_of_pairs

#: Guard terms leave out words at least this frequent in English (Zipf scale): "like",
#: "people", "new", "time", "make", "good" (about 20 words; "year" and "government" stay).
GUARD_COMMON_ZIPF = 6.0

#: Fields of a TokenInfo: its stem, character trigrams and word edges.
_STEM, _TRIS, _HEAD, _TAIL = itemgetter(0), itemgetter(3), itemgetter(4), itemgetter(5)


class Terms:
    """What one sentence says: the input of :func:`.model.similarity`.

    ``weights``: content terms (stems of non-stopwords, numbers) with their weights;
    ``numbers``; ``names`` (terms capitalised inside the sentence) and ``lowered`` (terms
    written in lower case); ``stems``: the stem of every word and number, in order;
    ``words``: their set, function words included; ``bigrams`` and ``word_trigrams`` of
    those stems; ``trigrams``: the character trigrams of the lower-cased words joined by
    spaces. The sets are built on first use: inside an article most sentences are never
    compared in full.
    """

    __slots__ = ("weights", "numbers", "names", "lowered", "total", "stems", "_infos",
                 "_words", "_bigrams", "_trigrams", "_word_trigrams", "_guard",
                 "_guard_total", "noise")

    def __init__(self, weights: dict[str, float], numbers: frozenset[str],
                 names: Collection[str], lowered: Collection[str],
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
        self.stems: tuple[str, ...] = tuple(map(_STEM, infos))
        self._words: frozenset[str] | None = None
        self._bigrams: frozenset[tuple[str, str]] | None = None
        self._trigrams: frozenset[str] | None = None
        self._word_trigrams: frozenset[tuple[str, str, str]] | None = None
        self._guard: dict[str, float] | None = None
        self._guard_total = 0.0

    @property
    def words(self) -> frozenset[str]:
        if self._words is None:
            self._words = frozenset(self.stems)
        return self._words

    @property
    def bigrams(self) -> frozenset[tuple[str, str]]:
        if self._bigrams is None:
            st = self.stems
            self._bigrams = frozenset(zip(st, st[1:], strict=False))
        return self._bigrams

    @property
    def word_trigrams(self) -> frozenset[tuple[str, str, str]]:
        if self._word_trigrams is None:
            st = self.stems
            self._word_trigrams = frozenset(zip(st, st[1:], st[2:], strict=False))
        return self._word_trigrams

    @property
    def guard(self) -> dict[str, float]:
        """The guard terms (see :mod:`.guard`) with their weights: the content terms minus
        non-content words and the commonest English words."""
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


def terms_of_infos(infos: Sequence[TokenInfo]) -> Terms:
    """Terms of a sentence given the :class:`~.words.TokenInfo` of its words and numbers."""
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
    # names and lowered are only ever gathered over the whole article: tuples, which
    # take a fifth of a set's memory
    return Terms(weights, _frozen(numbers), tuple(names), tuple(lowered), infos,
                 _frozen(noisy - content))


_EMPTY: frozenset[str] = frozenset()


def _frozen(items: set[str]) -> frozenset[str]:
    # most sentences have no numbers or noise: one shared empty set, not one each
    return frozenset(items) if items else _EMPTY


def terms_of(tokens: Iterable[tuple[str, str]]) -> Terms:
    """Terms of a sentence given its tokens as (text, kind) with kind word|number|punct."""
    return terms_of_infos(infos_of_pairs(tokens))


def tokenize(sentence: str) -> list[tuple[str, str]]:
    """(text, kind) tokens of a bare sentence string, as analyser.document makes them."""
    # one (abbr, num, word, punct) tuple per token, exactly one of them non-empty
    return [(a or w, "word") if a or w else (n, "number") if n else (p, "punct")
            for a, n, w, p in token_groups(sentence)]


def sentence_terms(sentence: str) -> Terms:
    """Terms of a bare sentence string."""
    return terms_of(tokenize(sentence))
