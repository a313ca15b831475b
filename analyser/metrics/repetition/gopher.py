"""Gopher repetition measures of a whole text (RPT scores, no findings).

From Rae et al. 2021, "Scaling Language Models: Methods, Analysis & Insights from Training
Gopher", Appendix A, Table A1:

- ``dup_line_ratio`` / ``dup_paragraph_ratio``: the share of lines (paragraphs) that
  repeat an earlier line (paragraph) exactly; the first occurrence is not a duplicate
  (what deduplication would remove; the paper does not say, and this is how datatrove's
  reimplementation counts; Dolma's counts the first occurrence too). Lines are the
  non-blank "\\n"-separated lines of the text, stripped; paragraphs are the document
  model's blocks (``Document.paragraphs``: cleaned text has one paragraph per line, a
  hard-wrapped paragraph is one block of several lines).
- ``dup_line_char_ratio`` / ``dup_paragraph_char_ratio``: characters in those repeats
  over characters in all lines (paragraphs).
- ``top_{2,3,4}gram_char_ratio``: the characters of the most frequent word n-gram
  (letters of its words) times its count, over the characters of all words; 0 when no
  n-gram occurs twice.
- ``dup_{5..10}gram_char_ratio``: the characters of words covered by any word n-gram
  that occurs more than once (every occurrence, the first included), each word counted
  once however many duplicate n-grams overlap it, over the characters of all words.

Words are the document's word and number tokens, lower-cased, punctuation dropped (as
in RedPajama-V2's implementation of the same signals). Values are 0..1; an article
without lines or words scores 0.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from itertools import compress

from ...document import split_blocks

TOP_NGRAMS = (2, 3, 4)
DUP_NGRAMS = (5, 6, 7, 8, 9, 10)


def duplicate_fractions(items: Sequence[str]) -> tuple[float, float]:
    """(share of items repeating an earlier item, share of characters in those repeats)."""
    if not items:
        return 0.0, 0.0
    seen: set[str] = set()
    dup_n = dup_chars = total = 0
    for item in items:
        total += len(item)
        if item in seen:
            dup_n += 1
            dup_chars += len(item)
        else:
            seen.add(item)
    return dup_n / len(items), (dup_chars / total if total else 0.0)


class NgramCounts:
    """How often each word n-gram of a word list occurs, at every position, for any n.

    Counted level by level: an n-gram occurs twice only where the (n-1)-grams starting
    at its first and its second word both do, so above bigrams only those positions are
    looked at (a handful in most articles). Exact: n-grams are compared as keys, not
    hashed into numbers.
    """

    def __init__(self, words: Sequence[str]) -> None:
        self.words = words
        self.lengths = list(map(len, words))
        self.total = sum(self.lengths)
        self._keys: dict[int, list] = {}
        self._counts: dict[int, list[int]] = {}
        self._dups: dict[int, list[int]] = {}

    def _level(self, n: int) -> None:
        if n in self._counts:
            return
        words = self.words
        m = len(words) - n + 1
        if m <= 0:
            keys: list = []
            counts: list[int] = []
            dups: list[int] = []
        elif n <= 2:
            keys = list(words) if n == 1 else list(zip(words, words[1:], strict=False))
            tally = Counter(keys)
            counts = list(map(tally.__getitem__, keys))
            dups = list(compress(range(m), map((1).__lt__, counts)))
        else:
            keys, counts, dups = self._extend(n, m)
        self._keys[n], self._counts[n], self._dups[n] = keys, counts, dups

    def _extend(self, n: int, m: int) -> tuple[list, list[int], list[int]]:
        """(keys, counts, repeated positions) of the n-grams (n > 2), from the n-1 level."""
        self._level(n - 1)
        words = self.words
        prev_keys, prev_counts = self._keys[n - 1], self._counts[n - 1]
        cand = [i for i in self._dups[n - 1] if i < m and prev_counts[i + 1] > 1]
        cand_keys = [(prev_keys[i], words[i + n - 1]) for i in cand]
        tally = Counter(cand_keys)
        keys: list = [None] * m  # a key only where the n-gram may repeat
        counts = [1] * m
        dups = []
        for i, key in zip(cand, cand_keys, strict=True):
            keys[i] = key
            c = counts[i] = tally[key]
            if c > 1:
                dups.append(i)
        return keys, counts, dups

    def count(self, n: int) -> list[int]:
        """Per start position, how often the n-gram there occurs in the whole list."""
        self._level(n)
        return self._counts[n]

    def repeated(self, n: int) -> list[int]:
        """The start positions (ascending) of n-grams that occur more than once."""
        self._level(n)
        return self._dups[n]

    def keys(self, n: int) -> list:
        """Per start position, a key of the n-gram there: equal n-grams that occur more
        than once have equal keys (others may have None)."""
        self._level(n)
        return self._keys[n]

    def top_char_ratio(self, n: int) -> float:
        """Characters of the most frequent word n-gram times its count, over all word
        characters."""
        counts = self.count(n)
        if not counts or self.total == 0:
            return 0.0
        best = max(counts)
        if best <= 1:
            return 0.0
        i = counts.index(best)  # ties: the n-gram that occurs first, as Counter would pick
        return min(1.0, sum(self.lengths[i : i + n]) * best / self.total)

    def dup_char_ratio(self, n: int) -> float:
        """Characters of words covered by any n-gram occurring twice or more, over all
        characters. Every occurrence counts (the first included); a word inside several
        duplicate n-grams counts once."""
        if len(self.words) < n or self.total == 0:
            return 0.0
        dups = self.repeated(n)
        if not dups:
            return 0.0
        covered = bytearray(len(self.words))
        run = b"\x01" * n
        for i in dups:
            covered[i : i + n] = run
        return sum(compress(self.lengths, covered)) / self.total


def gopher_scores(
    text: str, words: Sequence[str], paragraphs: Sequence[str] | None = None,
    ngrams: NgramCounts | None = None,
) -> dict[str, float]:
    """All Gopher repetition measures of a text and its (normalised) words.

    ``paragraphs``: the text of each paragraph (the document model's blocks); by default
    the blocks :func:`analyser.document.split_blocks` finds (one per line, hard-wrapped
    prose joined), which is what :func:`analyser.document.parse` uses. ``ngrams``: the
    :class:`NgramCounts` of ``words``, when the caller has them already."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    if paragraphs is None:
        paragraphs = [text[a:b] for a, b in split_blocks(text)]
    paragraphs = [p.strip() for p in paragraphs if p.strip()]
    out: dict[str, float] = {}
    out["dup_line_ratio"], out["dup_line_char_ratio"] = duplicate_fractions(lines)
    out["dup_paragraph_ratio"], out["dup_paragraph_char_ratio"] = duplicate_fractions(paragraphs)
    grams = NgramCounts(words) if ngrams is None else ngrams
    for n in TOP_NGRAMS:
        out[f"top_{n}gram_char_ratio"] = grams.top_char_ratio(n)
    previous = 1.0
    for n in DUP_NGRAMS:
        # a duplicate n-gram contains a duplicate (n-1)-gram: once none, none above
        previous = grams.dup_char_ratio(n) if previous > 0 else 0.0
        out[f"dup_{n}gram_char_ratio"] = previous
    return out
