"""What one word or number token contributes to a sentence's terms.

A token's *term* is the Snowball stem (no data needed) of a word that is not a function
word, or a number normalised ("1,600" = "1600"). A term weighs what it tells in English:
``weight = max(W_FLOOR, ZIPF_TOP - zipf)`` with wordfreq's Zipf frequency (offline), so
"Sheinbaum" (zipf 0) weighs 7 and "country" (zipf 5.3) about 1.7; a number weighs 4.
Everything a token contributes is computed once per surface form (:func:`token_info`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import NamedTuple

from ...resources import is_stopword, zipf
from .wordlists import non_content_words

#: Term weight = max(W_FLOOR, ZIPF_TOP - zipf frequency): rarer words weigh more.
ZIPF_TOP = 7.0
W_FLOOR = 0.5

_POSSESSIVE = re.compile(r"['’]s?$")


@lru_cache(maxsize=1)
def _stemmer():
    from nltk.stem.snowball import SnowballStemmer

    return SnowballStemmer("english")


@lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    return _stemmer().stem(word)


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
    return _stem(w)


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
    return max(W_FLOOR, ZIPF_TOP - zipf(term))


@lru_cache(maxsize=200_000)
def _word_weight(low: str, term: str) -> float:
    z = max(zipf(low), zipf(term))
    return max(W_FLOOR, ZIPF_TOP - z)


#: Case classes of a token (``TokenInfo.case``): how terms_of_infos files its term.
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


#: Surface forms whose TokenInfo is kept (about 1.4 kB each, its trigram set included): the
#: whole vocabulary of a large corpus (the BBC corpus has 38,931 forms), while a text of
#: a million distinct "words" cannot hold more than about 140 MB in the cache.
INFO_CACHE = 100_000


@lru_cache(maxsize=INFO_CACHE)
def token_info(text: str, kind: str) -> TokenInfo:
    """The :class:`TokenInfo` of one token.

    Cached by surface form: an article repeats its words, a corpus repeats its vocabulary.
    Trigrams are taken inside the word padded with a space each side ("sale" -> " sa",
    "sal", "ale", "le "); :class:`~.terms.Terms` adds those across word boundaries.
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
_INFO_MAX = INFO_CACHE


def cached_info(text: str, kind: str) -> TokenInfo:
    """:func:`token_info`, kept in the by-form dict while it has room."""
    info = token_info(text, kind)
    if len(_INFO) < _INFO_MAX:
        _INFO[text] = info
    return info


def infos_of_pairs(tokens: Iterable[tuple[str, str]]) -> list[TokenInfo]:
    """The :class:`TokenInfo` of each word and number of (text, kind) tokens."""
    get = _INFO.get
    return [get(x) or cached_info(x, k) for x, k in tokens if k != "punct"]


def token_infos(tokens: Iterable) -> list[TokenInfo | None]:
    """The :class:`TokenInfo` of each token (objects with ``text`` and ``kind``, such as
    :class:`analyser.document.Token`); None for punctuation."""
    get = _INFO.get
    return [None if t.kind == "punct" else get(t.text) or cached_info(t.text, t.kind)
            for t in tokens]
