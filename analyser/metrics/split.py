"""Where a hard sentence could be split, for the HRD001/HRD002 messages: the semicolon,
colon, dash or comma before a conjunction or relative word nearest the middle."""

from __future__ import annotations

from collections.abc import Iterator

from ..document import Document, Sentence

#: En and em dash, as parenthetical marks (a clause boundary, for clauses and splits).
DASHES = frozenset("–—")

#: Where a sentence can be split. Strong places: after a semicolon, colon or dash, or at a
#: comma followed by one of these words (a coordinated or a relative clause starts there).
#: Weak places, taken only when they are much nearer the middle: any other comma, or one of
#: these words without a comma.
SPLIT_WORDS = frozenset(
    "and but while whereas although though because which who whom whose so yet "
    "after before since until when where".split()
)
_SPLIT_PUNCT = frozenset(";:") | DASHES
#: A split must leave at least this many words on each side.
MIN_SPLIT_WORDS = 5
#: A weak place counts as this share of the sentence's length farther from the middle.
WEAK_SPLIT_PENALTY = 1 / 6


def _split_places(doc: Document, s: Sentence) -> Iterator[tuple[int, bool, int, int]]:
    """(words before, strong, first token of the quote, last token) for each place."""
    tokens = doc.tokens
    words_before = 0
    for k in range(s.token_start, s.token_end - 1):
        tok, nxt = tokens[k], tokens[k + 1]
        if tok.kind != "punct":
            words_before += 1
            if k > s.token_start and nxt.kind == "word" and nxt.text.lower() in SPLIT_WORDS:
                yield words_before, False, k, k + 1  # "… problems and …"
            continue
        if k == s.token_start:
            continue
        link = nxt.kind == "word" and nxt.text.lower() in SPLIT_WORDS
        if tok.text in _SPLIT_PUNCT or tok.text == ",":
            yield words_before, tok.text != "," or link, k - 1, k + 1


def split_point(doc: Document, s: Sentence) -> str | None:
    """The place nearest the middle of the sentence where it could be split, quoted with the
    word either side (``budget, which``), or None when there is none at least
    :data:`MIN_SPLIT_WORDS` words from either end. Strong places (see :data:`SPLIT_WORDS`)
    are preferred to weak ones unless a weak one is much nearer the middle."""
    best: tuple[float, int, int] | None = None  # (distance from the middle, token a, b)
    for before, strong, a, b in _split_places(doc, s):
        if min(before, s.words - before) < MIN_SPLIT_WORDS:
            continue
        dist = abs(before - s.words / 2) + (0 if strong else WEAK_SPLIT_PENALTY * s.words)
        if best is None or dist < best[0]:
            best = (dist, a, b)
    if best is None:
        return None
    first, last = doc.tokens[best[1]], doc.tokens[best[2]]
    return " ".join(doc.text[first.start:last.end].split())
