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

# Abbreviations with internal periods, numbers (with separators and short unit suffixes),
# words (contractions and hyphenated compounds kept whole), single punctuation.
TOKEN_RE = re.compile(
    r"""
      (?P<abbr>(?:[^\W\d_]\.){2,})
    | (?P<num>\d+(?:[.,:/]\d+)*(?:%|st|nd|rd|th|s|m|bn|k|pm|am)?(?![^\W\d_]))
    | (?P<word>[^\W_][^\W_]*(?:['’][^\W_]+)*(?:-[^\W_]+(?:['’][^\W_]+)*)*)
    | (?P<punct>[^\w\s])
    """,
    re.VERBOSE,
)

#: A word without hyphen joins: letters and digits, contractions kept whole.
PLAIN_WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def tokenize(text: str) -> list[tuple[str, str, str, str]]:
    """The tokens of ``text`` as (abbr, num, word, punct) groups, one of them non-empty."""
    return TOKEN_RE.findall(text)


def plain_words(text: str, start: int = 0, end: int | None = None) -> list[str]:
    """The plain words of ``text[start:end]``."""
    return PLAIN_WORD_RE.findall(text, start, len(text) if end is None else end)


def lowered(texts: Iterable[str]) -> list[str]:
    """``texts`` lower-cased, one string object per distinct form: a long article's word
    list then costs a pointer a word, not a string a word."""
    forms: dict[str, str] = {}
    return [forms.get(x) or forms.setdefault(x, x.lower()) for x in texts]
