"""The search for repeated phrases (RPT001): content phrases that come back in a later
paragraph.

Word 3-grams inside one sentence and between punctuation marks that occur in two
paragraphs or more, merged where they overlap in a sentence; a merged phrase counts when
it holds at least ``MIN_PHRASE_CONTENT`` content words (not function words, numbers,
person titles or non-content words such as "lot", "really") and no more name words than
content words: "the minimum wage", "sovereignty is not for sale", "Trump's troop offer"
count; "the end of", "a lot of" (no content: fillers are the language family's business)
and "Mexican President Claudia", "Claudia Sheinbaum spoke", "the prime minister" (a name
doing its job) do not. Every occurrence is a :class:`PhraseSpan`, the first included.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import chain, compress

import numpy as np

from ...document import Document
from ...resources import is_stopword
from ...tokens import lowered
from ..restatement import data_words, non_content_words, word_term
from .gopher import NgramCounts

PHRASE_N = 3
#: A reported phrase has at least this many content words (not function words, names,
#: titles, numbers or non-content words), and no more name words than content words:
#: "the minimum wage" is reported, "the end of", "a lot of" and "Claudia Sheinbaum
#: spoke" are not.
MIN_PHRASE_CONTENT = 2


@dataclass
class PhraseSpan:
    """One occurrence of a repeated phrase: a merged run of repeated 3-grams."""

    sentence: int
    start: int
    end: int
    #: ids of its 3-grams (NgramCounts.keys), which link occurrences: an int array, as a
    #: text repeated whole has a phrase span in every sentence
    grams: Sequence[int]


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    return frozenset(w.lower() for w in data_words("name_titles.txt"))


class _WordRoles:
    """Counts the content words and name words of runs of a document's word tokens."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc

    @cached_property
    def lower_forms(self) -> frozenset[str]:
        """Every word the article writes in lower case (built on first use: most
        articles have no repeated 3-gram to judge)."""
        return frozenset(t.text.lower() for t in self.doc.tokens
                         if t.kind == "word" and not t.text[:1].isupper())

    def _name_like(self, k: int) -> bool:
        """Is word token ``k`` part of a name: capitalised inside its sentence, or opening
        the sentence capitalised while the article never writes it in lower case?"""
        doc = self.doc
        t = doc.tokens[k]
        if not t.text[:1].isupper():
            return False
        s = doc.sentences[t.sentence]
        return k != s.token_start or t.text.lower() not in self.lower_forms

    def count(self, ks: Sequence[int]) -> tuple[int, int]:
        """(content words, name words) among word tokens ``ks``. A content word is not a
        function word, number, person title or non-content word ("lot", "really"); a name
        word is capitalised inside its sentence (or a title: "the prime minister" names a
        person)."""
        noise = non_content_words()
        titles = _titles()
        content = names = 0
        for k in ks:
            t = self.doc.tokens[k]
            if t.kind != "word":
                continue
            low = t.text.lower()
            if self._name_like(k) or low in titles:
                names += 1
                continue
            if is_stopword(t.text) or low.replace("’", "'") in noise:
                continue
            if word_term(t.text) is not None:
                content += 1
        return content, names


def phrase_spans(
    doc: Document, words: Sequence[str] | None = None, ngrams: NgramCounts | None = None
) -> list[PhraseSpan]:
    """Every occurrence (the first included) of a content phrase that comes back in a
    later paragraph: word 3-grams inside one sentence and between punctuation marks,
    merged where they overlap. ``words``: the lower-cased word and number tokens;
    ``ngrams``: their :class:`~.gopher.NgramCounts`.

    The repeated 3-grams are handled as numpy arrays of positions and ids, grouped by
    sorting, so that a text repeated whole (every 3-gram a repeat) costs a few arrays,
    not a Python object per occurrence."""
    toks = doc.tokens
    widx = np.fromiter((k for k, t in enumerate(toks) if t.kind != "punct"), dtype=np.int32)
    if len(widx) < PHRASE_N:
        return []
    if ngrams is None:
        ngrams = NgramCounts(list(words) if words is not None
                             else lowered(toks[k].text for k in widx.tolist()))
    roles = _WordRoles(doc)
    pos, keys = _unbroken_repeats(ngrams, widx)
    accepted = _content_hits(doc, roles, widx, pos, keys)
    spans: list[PhraseSpan] = []
    for sentence, hits in _by_sentence(doc, widx, pos[accepted], keys[accepted]):
        spans += _merged_spans(doc, roles, widx, sentence, hits)
    return _without_lone(doc, spans)


def _unbroken_repeats(grams: NgramCounts, widx: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(word positions, 3-gram ids) of every 3-gram seen more than once where no
    punctuation breaks it, grouped by id (positions ascending inside a group)."""
    n = PHRASE_N
    pos = grams.repeated(n).astype(np.int32)
    pos = pos[widx[pos + n - 1] - widx[pos] == n - 1]
    keys = grams.keys(n)[pos].astype(np.int32)
    order = np.argsort(keys, kind="stable")
    return pos[order], keys[order]


def _content_hits(doc: Document, roles: _WordRoles, widx: np.ndarray, pos: np.ndarray,
                  keys: np.ndarray) -> np.ndarray:
    """Which of the grouped occurrences (``pos``, ``keys``) count: their 3-gram occurs
    in two paragraphs or more, with a content word in at least one occurrence."""
    accepted = np.zeros(len(pos), dtype=bool)
    if not len(pos):
        return accepted
    toks, sentences = doc.tokens, doc.sentences
    para = np.fromiter((sentences[toks[k].sentence].paragraph for k in widx[pos].tolist()),
                       dtype=np.int32, count=len(pos))
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
    ends = np.r_[starts[1:], len(keys)]
    spread = np.maximum.reduceat(para, starts) != np.minimum.reduceat(para, starts)
    for a, b in zip(starts[spread].tolist(), ends[spread].tolist(), strict=True):
        if any(roles.count(widx[i : i + PHRASE_N].tolist())[0] >= 1
               for i in pos[a:b].tolist()):
            accepted[a:b] = True
    return accepted


def _by_sentence(doc: Document, widx: np.ndarray, pos: np.ndarray,
                 keys: np.ndarray) -> Iterator[tuple[int, list[tuple[int, int]]]]:
    """The (word position, 3-gram id) hits of each sentence, sentence by sentence."""
    if not len(pos):
        return
    toks = doc.tokens
    sentence = np.fromiter((toks[k].sentence for k in widx[pos].tolist()), dtype=np.int32,
                           count=len(pos))
    order = np.lexsort((pos, sentence))
    pos, keys, sentence = pos[order], keys[order], sentence[order]
    starts = np.flatnonzero(np.r_[True, sentence[1:] != sentence[:-1]]).tolist()
    for a, b in zip(starts, [*starts[1:], len(pos)], strict=True):
        yield int(sentence[a]), list(zip(pos[a:b].tolist(), keys[a:b].tolist(), strict=True))


def _merged_spans(
    doc: Document, roles: _WordRoles, widx: np.ndarray, sentence: int,
    hits: list[tuple[int, int]],
) -> list[PhraseSpan]:
    """The phrases of one sentence: its overlapping 3-grams merged into runs, kept when
    they hold enough content words and no more name words than content words."""
    n = PHRASE_N
    run: list[list] = []  # [first word, end word (exclusive), grams]
    for i, g in sorted(hits):
        if run and i < run[-1][1]:
            run[-1][1] = max(run[-1][1], i + n)
            run[-1][2].append(g)
        else:
            run.append([i, i + n, [g]])
    toks = doc.tokens
    out: list[PhraseSpan] = []
    for a, b, gs in run:
        ks = widx[a:b].tolist()
        content, names = roles.count(ks)
        if content >= MIN_PHRASE_CONTENT and content >= names:
            out.append(PhraseSpan(sentence, toks[ks[0]].start, toks[ks[-1]].end,
                                  array("l", gs)))
    return out


def _without_lone(doc: Document, spans: list[PhraseSpan]) -> list[PhraseSpan]:
    """The spans whose phrase still has a kept occurrence in another paragraph: dropping
    a phrase can leave another one alone, so repeat until nothing changes."""
    sentences = doc.sentences
    while spans:
        lengths = np.fromiter(map(len, (sp.grams for sp in spans)), dtype=np.int64,
                              count=len(spans))
        grams = np.fromiter(chain.from_iterable(sp.grams for sp in spans), dtype=np.int64,
                            count=int(lengths.sum()))
        paras = np.repeat(np.fromiter((sentences[sp.sentence].paragraph for sp in spans),
                                      dtype=np.int64, count=len(spans)), lengths)
        lowest = np.full(int(grams.max()) + 1, np.iinfo(np.int64).max)
        highest = np.full(len(lowest), -1)
        np.minimum.at(lowest, grams, paras)
        np.maximum.at(highest, grams, paras)
        elsewhere = (lowest != highest)[grams]  # the 3-gram is kept in another paragraph
        keep = np.logical_or.reduceat(elsewhere, np.r_[0, np.cumsum(lengths)[:-1]])
        if keep.all():
            return spans
        spans = list(compress(spans, keep.tolist()))
    return spans
