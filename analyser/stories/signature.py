"""What one article is about, as a short weighted term list that story grouping compares.

A term's weight is ``(1 + ln tf) * rarity`` where rarity is how uncommon the word is in
English at large (``RARITY_CEILING - zipf``, wordfreq, offline), not in the corpus at
hand: the weights of one article do not depend on which other articles are analysed with
it, so a four-article corpus groups as a two-million-article one does, and signatures can
be computed article by article (in a worker, or streamed). Names and the rare words of an
event ("Steele", "Afghanistan", "defibrillators") weigh most; function words nothing.

The title counts ``TITLE_WEIGHT`` times; the body is read up to ``BODY_WORDS`` words,
where the facts of the event sit in news writing (the lead and the paragraphs after it),
before background that many stories share. Only the ``TOP_TERMS`` heaviest terms are
kept, L2-normalised, so comparing two signatures is a short dot product.
"""

from __future__ import annotations

import math
from collections import Counter

from ..resources import is_stopword, zipf
from ..tokens import PLAIN_WORD_RE

#: A word this common in English (Zipf scale) or more weighs nothing.
RARITY_CEILING = 7.0
#: Title words count this many times each.
TITLE_WEIGHT = 2
#: Body words read from the start of the text.
BODY_WORDS = 400
#: Heaviest terms kept per article.
TOP_TERMS = 60
#: Shortest word kept (letters); shorter ones are initials and particles.
MIN_LETTERS = 3

Signature = tuple[tuple[str, float], ...]


def _terms(text: str, limit: int | None = None) -> list[str]:
    out = []
    for m in PLAIN_WORD_RE.finditer(text):
        word = m.group().lower().replace("’", "'")
        if word.endswith("'s"):
            word = word[:-2]
        if len(word) < MIN_LETTERS or word.isdigit() or is_stopword(word):
            continue
        out.append(word)
        if limit is not None and len(out) >= limit:
            break
    return out


def rarity(word: str) -> float:
    """How uncommon a lower-case word is in English: 0 for the commonest words."""
    return max(0.0, RARITY_CEILING - zipf(word))


def story_signature(title: str | None, text: str) -> Signature:
    """The article's heaviest terms and their weights, L2-normalised, heaviest first."""
    counts = Counter(_terms(text, BODY_WORDS))
    for word in _terms(title or ""):
        counts[word] += TITLE_WEIGHT
    weighted = [(w, (1.0 + math.log(tf)) * rarity(w)) for w, tf in counts.items()]
    weighted = [(w, x) for w, x in weighted if x > 0]
    weighted.sort(key=lambda wx: (-wx[1], wx[0]))
    top = weighted[:TOP_TERMS]
    norm = math.sqrt(sum(x * x for _, x in top))
    if not norm:
        return ()
    return tuple((w, round(x / norm, 6)) for w, x in top)
