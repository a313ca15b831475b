"""The analyser's one tokenizer: the token shapes every stage counts words with.

:data:`TOKEN_RE` is what :func:`analyser.document.parse` splits sentences into;
:func:`tokenize` gives the same tokens for a bare string (a sentence compared outside its
document). :data:`PLAIN_WORD_RE` is its word shape without hyphenated compounds, for
counting the words of a span ("well-known" as two words), as quote lengths and duplicate
shingles do. A leaf module: it imports nothing from the package.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

#: A run of letters or digits longer than this is cut into tokens of this many characters,
#: and a token joins at most ``MAX_TOKEN_PARTS`` hyphenated parts, contractions, number
#: groups or abbreviation letters. Words reach 45 letters ("pneumonoultramicroscopic..."),
#: a SHA-256 hash 64; a longer run (a blob with no spaces) is no word, and one "word" of
#: 200,000 letters would count 60,000 syllables (Flesch reading ease -257,000).
MAX_TOKEN_CHARS = 64
MAX_TOKEN_PARTS = 16

_RUN = rf"[^\W_]{{1,{MAX_TOKEN_CHARS}}}"
_DIGITS = rf"\d{{1,{MAX_TOKEN_CHARS}}}"
_PARTS = rf"{{0,{MAX_TOKEN_PARTS}}}"
# Abbreviations with internal periods, numbers (with separators and short unit suffixes),
# words (contractions and hyphenated compounds kept whole), single punctuation.
TOKEN_RE = re.compile(
    rf"""
      (?P<abbr>(?:[^\W\d_]\.){{2,{MAX_TOKEN_PARTS}}})
    | (?P<num>{_DIGITS}(?:[.,:/]{_DIGITS}){_PARTS}(?:%|st|nd|rd|th|s|m|bn|k|pm|am)?(?![^\W\d_]))
    | (?P<word>{_RUN}(?:['’]{_RUN}){_PARTS}(?:[-‐‑]{_RUN}(?:['’]{_RUN}){_PARTS}){_PARTS})
    | (?P<punct>[^\w\s])
    """,
    re.VERBOSE,
)

#: Typographic forms read as their ASCII ones when words are counted and matched: curly
#: and modifier-letter apostrophes ("don’t", "donʼt") and the Unicode hyphens
#: ("well‑known"). The text itself is never rewritten, so offsets stay in the original.
TYPOGRAPHIC = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2010": "-",
                             "\u2011": "-"})


@lru_cache(maxsize=200_000)
def fold(word: str) -> str:
    """A token's measuring form: lower case, typographic apostrophes and hyphens as ASCII
    (cached: every family folds the same words)."""
    return word.lower().translate(TYPOGRAPHIC)


#: A word without hyphen joins: letters and digits, contractions kept whole.
PLAIN_WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def tokenize(text: str) -> list[tuple[str, str, str, str]]:
    """The tokens of ``text`` as (abbr, num, word, punct) groups, one of them non-empty."""
    return TOKEN_RE.findall(text)


def plain_words(text: str, start: int = 0, end: int | None = None) -> list[str]:
    """The plain words of ``text[start:end]``."""
    return PLAIN_WORD_RE.findall(text, start, len(text) if end is None else end)


#: Lower-case forms by surface form, shared by every call of :func:`lowered` (bounded: a
#: text of endless distinct "words" cannot grow it without limit).
_LOWER: dict[str, str] = {}
_LOWER_MAX = 200_000


def lowered(texts: Iterable[str]) -> list[str]:
    """``texts`` lower-cased, one string object per distinct form: a long article's word
    list then costs a pointer a word, not a string a word."""
    get = _LOWER.get
    if len(_LOWER) >= _LOWER_MAX:  # full: one string per form within this call
        forms: dict[str, str] = {}
        return [get(x) or forms.get(x) or forms.setdefault(x, x.lower()) for x in texts]
    return [get(x) or _LOWER.setdefault(x, x.lower()) for x in texts]
