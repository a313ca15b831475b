"""Numbers, dates and amounts: a number inside a date or an amount counts once, as the
date or the amount ("May 4, 2025" is one date, not also the numbers 4 and 2025)."""

from __future__ import annotations

import bisect
import re

from ...document import Document, Sentence
from .index import TokenIndex, token_index

_MONTHS = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|"
    r"Aug(?:ust|\.)?|Sep(?:t(?:ember)?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
# Each pattern opens with a lookahead for the characters a match can start with: most
# positions fail there at once instead of trying every alternative.
DATE_RE = re.compile(
    r"(?=[ADFJMNOSTW\d])"
    rf"\b(?:{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS}(?:\s+\d{{4}})?"
    rf"|(?:January|February|March|April|June|July|August|September|October|November|December)"
    rf"\s+\d{{4}}"
    r"|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"|(?:19|20)\d{2}s?)\b"
)
AMOUNT_RE = re.compile(
    r"(?=[$€£¥\d])"
    r"(?:[$€£¥]\s?\d[\d,.]*(?:\s?(?:million|billion|trillion|bn|m|k)\b)?"
    r"|\b\d[\d,.]*\s?(?:%|percent\b|per cent\b|million\b|billion\b|trillion\b|dollars\b"
    r"|euros\b|pounds\b))",
    re.IGNORECASE,
)

#: (start, end, text) of one match in the document's text.
Span = tuple[int, int, str]


class Figures:
    """The dates and amounts of a whole document (one pass of each pattern over its
    text) and its number tokens, taken sentence by sentence."""

    __slots__ = ("doc", "dates", "amounts", "numbers")

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.numbers = token_index(doc).numbers
        self.dates = _spans(DATE_RE, doc.text)
        self.amounts = _spans(AMOUNT_RE, doc.text)

    def in_sentence(self, s: Sentence) -> tuple[list[str], list[str], list[str]]:
        """(numbers, dates, amounts) of sentence ``s``, normalised for counting distinct
        values: numbers without thousands separators, dates lower-cased, amounts
        lower-cased and spelt one way ("5 percent" and "5%" alike)."""
        dates = _in_sentence(self.dates, s)
        amounts = _in_sentence(self.amounts, s)
        taken = [(a, b) for a, b, _ in dates + amounts]
        toks = self.doc.tokens
        numbers = [t.text.replace(",", "") for k in TokenIndex.within(self.numbers, s)
                   if not _covered(taken, (t := toks[k]).start, t.end)]
        return (numbers, [x.lower() for _, _, x in dates],
                [_norm_amount(x) for _, _, x in amounts])


def _spans(pattern: re.Pattern, text: str) -> list[Span]:
    return [(m.start(), m.end(), m.group()) for m in pattern.finditer(text)]


def _in_sentence(spans: list[Span], s: Sentence) -> list[Span]:
    """The spans (sorted, from one pass over the whole text) that lie inside sentence s."""
    i = bisect.bisect_left(spans, (s.start,))
    out = []
    while i < len(spans) and spans[i][1] <= s.end:
        out.append(spans[i])
        i += 1
    return out


def _covered(spans: list[tuple[int, int]], a: int, b: int) -> bool:
    return any(x <= a and b <= y for x, y in spans)


def _norm_amount(text: str) -> str:
    t = text.lower().replace(",", "").replace(" ", "").replace("percent", "%")
    return t.replace("bn", "billion")
