"""Pick one of several extractions of a page by their agreement, and extend a short one.

Two extractors that fail, fail differently: trafilatura's precision cut drops article
text on pages laid out unlike 2019 news, its recall mode keeps furniture on others, and
readability-lxml misses on others again. The extraction that agrees most with the rest (the
medoid, by the overlap of their 4-word shingles, the benchmark's own unit) is rarely the one
that failed. An extraction that kept a small part of what another found is extended by
that other's article prose (:func:`extend`): on recent pages the article is often split
across containers, and each extractor keeps a different one.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence

from ..models import Block
from .reasons import line_reason

_TOKEN = re.compile(r"\w+")
#: A block of the other extraction is added when it holds at least this many words and
#: ends like a sentence.
PROSE_WORDS = 20
SENTENCE_END = frozenset(".!?:;)\"'”’")
#: The other extraction must hold this many times the chosen one's text to extend it.
EXTEND_RATIO = 2.0
#: ... and this many times, with the chosen text not inside it, to be merged whole.
SPLIT_RATIO = 5.0
#: The chosen extraction counts as inside the other when it holds this share of its shingles.
INSIDE_SHARE = 0.9
#: :func:`fill_gaps` reads another extraction that holds at least this share of the chosen
#: one's shingles (so both found the same article) ...
GAP_INSIDE_SHARE = 0.8
#: ... and adds the prose in gaps of at most this many blocks between two kept blocks.
MAX_GAP_BLOCKS = 3
#: A gap block reads as article prose with this many words, a full stop after one of them,
#: and this share of function words (navigation and product widgets have few).
GAP_PROSE_WORDS = 20
GAP_FUNCTION_SHARE = 0.35
#: :func:`fill_list_gaps` reads a recall extraction that holds at least this share of the
#: chosen one's shingles and this many times its text ...
LIST_INSIDE_SHARE = 0.95
LIST_RATIO = 1.3
#: ... and adds its blocks of at least this many words in gaps of at most this many blocks.
LIST_GAP_BLOCKS = 10
LIST_MIN_WORDS = 6
_FULL_STOP = re.compile(r"\w[\"'”’)\]]*[.!?][\"'”’)\]]*(?:\s|$)")


def shingles(blocks: Sequence[Block], n: int = 4) -> Counter:
    """Multiset of the n-word shingles of the blocks' text."""
    tok = _TOKEN.findall("\n".join(b.text for b in blocks))
    return Counter(zip(*(tok[i:] for i in range(n)), strict=False))


def overlap(a: Counter, b: Counter) -> float:
    """Dice overlap of two shingle multisets (1.0: the same text; 0.0 when one is empty)."""
    total = sum(a.values()) + sum(b.values())
    return 2 * sum((a & b).values()) / total if total else 0.0


def medoid(candidates: Sequence[list[Block]]) -> list[Block]:
    """The candidate with the most overlap with the others (the first one on a tie)."""
    grams = [shingles(c) for c in candidates]
    agreement = [sum(overlap(g, h) for j, h in enumerate(grams) if j != i)
                 for i, g in enumerate(grams)]
    return candidates[max(range(len(candidates)), key=lambda i: (agreement[i], -i))]


def contained(a: Counter, b: Counter) -> float:
    """Share of ``a``'s shingles that ``b`` holds too (1.0 when ``a`` is empty)."""
    total = sum(a.values())
    return sum((a & b).values()) / total if total else 1.0


def _chars(blocks: Sequence[Block]) -> int:
    return sum(len(b.text) for b in blocks)


def _reads_as_prose(block: Block) -> bool:
    """A paragraph of article prose: long, and ending like a sentence."""
    text = block.text.rstrip()
    return (block.kind == "prose" and len(text.split()) >= PROSE_WORDS
            and text[-1:] in SENTENCE_END)


def extend(chosen: list[Block], other: list[Block]) -> list[Block]:
    """``chosen`` with the article prose that a much longer ``other`` extraction found.

    When ``other`` holds several times the text and does not contain ``chosen``, the
    article is split across containers and each extractor kept a different one: all of
    ``other``'s blocks are added. When it merely holds more, only its paragraphs that read
    as article prose are added (long, ending like a sentence), not its lists and links.
    """
    size = _chars(chosen)
    if _chars(other) <= EXTEND_RATIO * size:
        return chosen
    have = {b.text for b in chosen}
    split = (_chars(other) > SPLIT_RATIO * size
             and contained(shingles(chosen), shingles(other)) < INSIDE_SHARE)
    return chosen + [b for b in other if b.text not in have and (split or _reads_as_prose(b))]


def _gap_prose(block: Block) -> bool:
    """Article prose in a gap: long, with a sentence, and not a list of names or links
    (paragraphs split at a link may end mid-sentence, so the end is not required)."""
    from .features import stopwords

    tok = [t.lower() for t in _TOKEN.findall(block.text)]
    return (block.kind == "prose" and len(tok) >= GAP_PROSE_WORDS
            and bool(_FULL_STOP.search(block.text))
            and sum(t in stopwords() for t in tok) / len(tok) >= GAP_FUNCTION_SHARE)


def _mostly_in(block: Block, have: Counter) -> bool:
    """Most of the block's shingles are in ``have`` (a block too short for one is not)."""
    own = shingles([block])
    return bool(own) and contained(own, have) >= 0.5


def fill_gaps(chosen: list[Block], other: list[Block]) -> list[Block]:
    """``chosen`` with the article prose the precision cut removed between its blocks.

    When ``other`` found the same article (it holds most of ``chosen``'s shingles) and more,
    its paragraphs that read as article prose and sit in a short gap between two blocks
    ``chosen`` kept are added: prose in sequence with the kept text, not the navigation,
    comments or related links before or after the article.
    """
    return _fill_between(chosen, other, 1.0, GAP_INSIDE_SHARE, MAX_GAP_BLOCKS, _gap_prose)


def fill_list_gaps(chosen: list[Block], recall: list[Block]) -> list[Block]:
    """``chosen`` with every block of the recall extraction that sits between two blocks
    ``chosen`` kept, when recall found the same article and clearly more of it.

    The precision cut drops lists, short paragraphs and tables from inside an article;
    :func:`fill_gaps` adds only long prose. When recall holds nearly all of ``chosen``
    (LIST_INSIDE_SHARE) and more text (LIST_RATIO), what it adds between two kept blocks is
    inside the article, whatever its kind; nothing before the first or after the last kept
    block is added (navigation, related links and comments sit there).
    """
    return _fill_between(chosen, recall, LIST_RATIO, LIST_INSIDE_SHARE, LIST_GAP_BLOCKS,
                         lambda g: len(_TOKEN.findall(g.text)) >= LIST_MIN_WORDS)


def _fill_between(chosen: list[Block], other: list[Block], ratio: float, inside: float,
                  max_gap: int, admit: Callable[[Block], bool]) -> list[Block]:
    """``chosen`` plus the blocks of ``other`` that ``admit`` accepts in gaps of at most
    ``max_gap`` blocks between two blocks ``chosen`` kept; only when ``other`` has more
    than ``ratio`` times ``chosen``'s text and holds ``inside`` of its shingles."""
    if not chosen or _chars(other) <= ratio * _chars(chosen):
        return chosen
    have = shingles(chosen)
    if contained(have, shingles(other)) < inside:
        return chosen
    texts = {b.text for b in chosen}
    kept = [i for i, b in enumerate(other) if b.text in texts or _mostly_in(b, have)]
    added = []
    for a, b in zip(kept, kept[1:], strict=False):
        if b - a - 1 <= max_gap:
            for g in other[a + 1:b]:
                # a repeated block (a sign-up notice under each form) is furniture
                if g.text not in texts and admit(g) and line_reason(g.text) is None:
                    texts.add(g.text)
                    added.append(g)
    return chosen + added
