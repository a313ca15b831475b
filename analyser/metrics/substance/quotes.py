"""Direct quotations inside the counted sentences."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from ...document import Document, Sentence
from ...tokens import plain_words

#: A quotation counts from this many words: shorter ones are mostly scare quotes and
#: single terms, not statements.
MIN_QUOTE_WORDS = 3


@dataclass
class Quotations:
    """The quotations of an article's counted sentences."""

    #: Quotations of ``MIN_QUOTE_WORDS`` words or more.
    count: int = 0
    #: Characters inside quotation marks, of quotations of any length.
    chars: int = 0
    #: The different wordings (lower-cased words joined by spaces) of those counted.
    wordings: set[str] = field(default_factory=set)


def quotations(doc: Document, counted: list[Sentence]) -> Quotations:
    """The quotations (``doc.quotes``) that start inside one of the ``counted`` sentences."""
    out = Quotations()
    starts = [s.start for s in counted]
    for a, b in doc.quotes:
        if not _inside(starts, counted, a):
            continue
        words = plain_words(doc.text, a, b)
        if len(words) >= MIN_QUOTE_WORDS:
            out.count += 1
            out.wordings.add(" ".join(w.lower() for w in words))
        out.chars += b - a
    return out


def _inside(starts: list[int], sentences: list[Sentence], offset: int) -> bool:
    i = bisect.bisect_right(starts, offset) - 1
    return i >= 0 and sentences[i].start <= offset < sentences[i].end
