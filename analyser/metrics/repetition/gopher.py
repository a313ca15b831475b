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

from collections.abc import Sequence

import numpy as np

from ...document import split_blocks

TOP_NGRAMS = (2, 3, 4)
DUP_NGRAMS = (5, 6, 7, 8, 9, 10)
#: NgramCounts keeps the tables of n-grams up to this n once built (the top n-gram
#: measures and the phrase search read them); a longer level's only until the next is
#: built from it, so a long text holds a few levels at a time, not ten.
KEPT_LEVELS = max(TOP_NGRAMS)


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
    at its first and its second word both do, so above unigrams only those positions are
    looked at. Each n-gram gets an integer id (equal n-grams, equal ids): the id of its
    first n-1 words and its last word, made dense by sorting, so the counts are exact
    (ids are compared, never hashes) and memory is a few numpy arrays per level, however
    long the text.
    """

    def __init__(self, words: Sequence[str]) -> None:
        self.words = words
        ids: dict[str, int] = {}
        self._ids = np.fromiter((ids.setdefault(w, len(ids)) for w in words), dtype=np.int32,
                                count=len(words))
        self._vocabulary = max(len(ids), 1)
        self.lengths = np.fromiter(map(len, words), dtype=np.int32, count=len(words))
        self.total = int(self.lengths.sum(dtype=np.int64))
        #: per level: the id of the n-gram at each position (-1 where it cannot repeat),
        #: and whether it repeats
        self._keys: dict[int, np.ndarray] = {}
        self._repeats: dict[int, np.ndarray] = {}

    def _level(self, n: int) -> None:
        if n in self._keys:
            return
        m = max(0, len(self.words) - n + 1)
        if n == 1:
            keys = self._ids
            repeats = np.bincount(keys, minlength=1)[keys] > 1
        else:
            self._level(n - 1)
            below = self._repeats[n - 1]  # the (n-1)-grams at i and i + 1 both repeat
            cand = np.flatnonzero(below[:m] & below[1 : m + 1])
            pairs = (self._keys[n - 1][cand].astype(np.int64) * self._vocabulary
                     + self._ids[cand + n - 1])
            _, ids, tally = np.unique(pairs, return_inverse=True, return_counts=True)
            keys = np.full(m, -1, dtype=np.int32)
            keys[cand] = ids
            repeats = np.zeros(m, dtype=bool)
            repeats[cand] = tally[ids] > 1
            if n - 1 > KEPT_LEVELS:  # built from, and not read again
                del self._keys[n - 1], self._repeats[n - 1]
        self._keys[n], self._repeats[n] = keys, repeats

    def count(self, n: int) -> np.ndarray:
        """Per start position, how often the n-gram there occurs in the whole list."""
        self._level(n)
        keys = self._keys[n]
        counts = np.ones(len(keys), dtype=np.int64)
        known = keys >= 0
        counts[known] = np.bincount(keys[known])[keys[known]]
        return counts

    def repeated(self, n: int) -> np.ndarray:
        """The start positions (ascending) of n-grams that occur more than once."""
        self._level(n)
        return np.flatnonzero(self._repeats[n])

    def keys(self, n: int) -> np.ndarray:
        """Per start position, an id of the n-gram there: equal n-grams that occur more
        than once have equal ids (others have -1)."""
        self._level(n)
        return self._keys[n]

    def top_char_ratio(self, n: int) -> float:
        """Characters of the most frequent word n-gram times its count, over all word
        characters."""
        counts = self.count(n)
        if not len(counts) or self.total == 0:
            return 0.0
        i = int(np.argmax(counts))  # ties: the n-gram that occurs first, as Counter would pick
        best = int(counts[i])
        if best <= 1:
            return 0.0
        return min(1.0, int(self.lengths[i : i + n].sum(dtype=np.int64)) * best / self.total)

    def dup_char_ratio(self, n: int) -> float:
        """Characters of words covered by any n-gram occurring twice or more, over all
        characters. Every occurrence counts (the first included); a word inside several
        duplicate n-grams counts once."""
        if len(self.words) < n or self.total == 0:
            return 0.0
        dups = self.repeated(n)
        if not len(dups):
            return 0.0
        covered = np.zeros(len(self.words), dtype=bool)
        for k in range(n):
            covered[dups + k] = True
        return int(self.lengths[covered].sum(dtype=np.int64)) / self.total


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
