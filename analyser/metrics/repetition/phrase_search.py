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

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache

from ...document import Document
from ...resources import is_stopword
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
    grams: list[int]  # ids of its 3-grams (NgramCounts.keys), which link occurrences


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
    ``ngrams``: their :class:`~.gopher.NgramCounts`."""
    toks = doc.tokens
    widx = [k for k, t in enumerate(toks) if t.kind != "punct"]
    low = list(words) if words is not None else [toks[k].text.lower() for k in widx]
    if len(low) < PHRASE_N:
        return []
    grams = NgramCounts(low) if ngrams is None else ngrams
    roles = _WordRoles(doc)
    hits = _content_hits(doc, roles, widx, _unbroken_repeats(grams, widx))
    spans = [sp for si in sorted(hits) for sp in _merged_spans(doc, roles, widx, si, hits[si])]
    return _without_lone(doc, spans)


def _unbroken_repeats(grams: NgramCounts, widx: Sequence[int]) -> dict[int, list[int]]:
    """The word positions of every 3-gram seen more than once, by its key, where no
    punctuation breaks it."""
    n = PHRASE_N
    repeated = grams.repeated(n)
    occ: dict[int, list[int]] = {}
    for i, key in zip(repeated.tolist(), grams.keys(n)[repeated].tolist(), strict=True):
        if widx[i + n - 1] - widx[i] == n - 1:
            occ.setdefault(key, []).append(i)
    return occ


def _content_hits(
    doc: Document, roles: _WordRoles, widx: Sequence[int], occ: dict[int, list[int]]
) -> dict[int, list[tuple[int, int]]]:
    """Per sentence, the (word position, 3-gram key) of the 3-grams that occur in two
    paragraphs or more with a content word in at least one occurrence."""
    toks, sentences = doc.tokens, doc.sentences
    hits: dict[int, list[tuple[int, int]]] = {}
    for g, positions in occ.items():
        if len(positions) < 2:
            continue
        paras = {sentences[toks[widx[i]].sentence].paragraph for i in positions}
        if len(paras) < 2:
            continue
        if any(roles.count(widx[i : i + PHRASE_N])[0] >= 1 for i in positions):
            for i in positions:
                hits.setdefault(toks[widx[i]].sentence, []).append((i, g))
    return hits


def _merged_spans(
    doc: Document, roles: _WordRoles, widx: Sequence[int], sentence: int,
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
        content, names = roles.count(widx[a:b])
        if content >= MIN_PHRASE_CONTENT and content >= names:
            out.append(PhraseSpan(sentence, toks[widx[a]].start, toks[widx[b - 1]].end, gs))
    return out


def _without_lone(doc: Document, spans: list[PhraseSpan]) -> list[PhraseSpan]:
    """The spans whose phrase still has a kept occurrence in another paragraph: dropping
    a phrase can leave another one alone, so repeat until nothing changes."""
    sentences = doc.sentences
    while True:
        paras: dict[int, set[int]] = {}
        for sp in spans:
            for g in sp.grams:
                paras.setdefault(g, set()).add(sentences[sp.sentence].paragraph)
        kept = [sp for sp in spans if any(len(paras[g]) > 1 for g in sp.grams)]
        if len(kept) == len(spans):
            return spans
        spans = kept
