"""Restatements in a document (RPT002): prose sentences that say again what an earlier
prose sentence said, found by :mod:`analyser.metrics.restatement` (its in-article model)
from the document's sentences and names.

Only prose can restate or be restated: headings, list items, table rows, captions, label:
value rows and the like are page structure, and so are sentences of fewer than
``MIN_WORDS`` words and short label-shaped ones ("Year Founded: 2014", "Starter: $0 for
one seat").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import overload

from ...document import Document
from ...models import Finding
from ...rules import rule_by_code
from ..base import make_finding
from ..restatement import (
    SHORT_WORDS,
    WINDOW,
    Restatement,
    Terms,
    edge_flags,
    find_restatements,
    in_article,
    sentence_flags,
    terms_of_infos,
    token_infos,
)
from ..restatement.retelling import with_retelling
from .messages import shorten

#: Findings per article, so a pathological page stays readable.
MAX_RESTATEMENT_FINDINGS = 100
#: Block kinds whose sentences can restate: prose only (filtered positively, so block kinds
#: added later stay out until they are named here).
RESTATE_KINDS = frozenset({"prose"})
#: Sentences of fewer words than this neither restate nor are restated ("Cancel it now.").
MIN_WORDS = 5
#: A sentence of fewer words than this with a colon reads as a label: value row.
LABEL_WORDS = 6
_LABEL = re.compile(r"^[^:]{1,40}:\s*\S")
#: Block kinds that make lists: consecutive blocks of one of these kinds are one list.
LIST_KINDS = frozenset({"list_item", "table_row"})
#: Sentence terms kept built (:class:`SentenceTerms`): the restatement search reads the
#: current sentence and the ``WINDOW`` before it, in order.
KEEP_TERMS = 2 * WINDOW


def sentence_terms(doc: Document) -> SentenceTerms:
    """The restatement terms of every sentence of the document (one sequence per
    document: the padding family reads them too)."""
    return doc.derived("restatement_terms", SentenceTerms)


class SentenceTerms(Sequence[Terms]):
    """The :class:`Terms` of each sentence of a document, built when first read.

    The last ``KEEP_TERMS`` built are kept (every sentence of an ordinary article, and a
    long one's search window); an older one is built again if read again. A sentence's
    terms and the sets its comparisons build take a few kilobytes: kept for every
    sentence of a 10 MB text, they would take more memory than its tokens.
    """

    def __init__(self, doc: Document) -> None:
        self._infos = token_infos(doc.tokens)
        self._spans = [(s.token_start, s.token_end) for s in doc.sentences]
        self._built: dict[int, Terms] = {}  # in the order built, oldest first

    def __len__(self) -> int:
        return len(self._spans)

    @overload
    def __getitem__(self, i: int) -> Terms: ...

    @overload
    def __getitem__(self, i: slice) -> list[Terms]: ...

    def __getitem__(self, i: int | slice) -> Terms | list[Terms]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        terms = self._built.get(i)
        if terms is None:
            a, b = self._spans[i]
            terms = terms_of_infos([x for x in self._infos[a:b] if x is not None])
            self._built[i] = terms
            if len(self._built) > KEEP_TERMS:
                del self._built[next(iter(self._built))]
        return terms


def name_terms(doc: Document, terms: Sequence[Terms]) -> frozenset[str]:
    """Terms the article writes capitalised (not as a sentence's first word) and never in
    lower case: its names ("Sheinbaum", "Mexican"). Headings count too: a heading's
    capitals do not make a word a name if the article writes it in lower case elsewhere,
    and a name that only headings mention is still a name."""
    caps: set[str] = set()
    lower: set[str] = set()
    for t in terms:
        caps.update(t.names)
        lower.update(t.lowered)
    return frozenset(caps - lower)


def short_lines(doc: Document) -> list[bool]:
    """Per sentence: is it a short line (a heading, list item, table row or byline, or a
    sentence under ``SHORT_WORDS`` words)? Those need more shared substance to restate."""
    return [s.kind != "prose" or s.words < SHORT_WORDS for s in doc.sentences]


def list_groups(doc: Document) -> list[int | None]:
    """Per sentence: the list it belongs to (the first paragraph of a run of list items or
    table rows), or None. The entries of one list are parallel, not restatements."""
    run: dict[int, int] = {}
    start = -1
    for p in doc.paragraphs:
        if p.kind in LIST_KINDS:
            prev = doc.paragraphs[p.index - 1] if p.index else None
            if prev is None or prev.kind != p.kind:
                start = p.index
            run[p.index] = start
    return [run.get(s.paragraph) for s in doc.sentences]


def document_restatements(
    doc: Document, terms: Sequence[Terms], by_meaning: bool = False
) -> list[Restatement]:
    """The restating sentences of a document, each with the sentence it restates; by
    meaning too when ``by_meaning`` (the optional semantic extra)."""
    eligible = restatement_eligible(doc)
    embeddings = None
    if by_meaning:
        from .. import semantic

        embeddings = semantic.embed([doc.sentence_text(s.index) for s in doc.sentences])
    flags = restatement_flags(doc, eligible)
    found = find_restatements(terms, eligible, names=name_terms(doc, terms),
                              short=short_lines(doc), groups=list_groups(doc),
                              embeddings=embeddings, flags=flags)
    return with_retelling(terms, eligible, flags, found)


def restatement_flags(doc: Document, eligible: list[bool]) -> list[int]:
    """Per sentence, the in-article model's flags (quotation, summary opener, lead, last,
    title line, and in a recap section: under a heading such as "Key points" or "FAQ")."""
    out = []
    recap = False
    for s, ok, edge in zip(doc.sentences, eligible, edge_flags(eligible), strict=True):
        text = doc.sentence_text(s.index)
        own = sentence_flags(text)
        if s.kind == "heading" or own & in_article.HEADLINE:  # a title line read as prose too
            recap = in_article.is_recap_heading(text)
        flags = (own | edge) if ok else 0
        out.append(flags | in_article.RECAP if ok and recap else flags)
    return out


def restatement_eligible(doc: Document) -> list[bool]:
    """Per sentence: can it restate or be restated? A prose sentence (any sentence of a
    text without prose) of ``MIN_WORDS`` words or more that is not shaped like a label:
    value row, is not a question and, in a text with prose, ends like a sentence (a line
    without a final stop there is a title, a label or a listing's entry)."""
    # a text without prose is read as prose, as every sentence statistic does
    # (Document.prose_sentences): 300 copies of a line restate with or without a stop
    prose = {s.index for s in doc.prose_sentences}
    real_prose = any(s.kind in RESTATE_KINDS for s in doc.sentences)
    out = []
    for s in doc.sentences:
        ok = (s.kind in RESTATE_KINDS or s.index in prose) and s.words >= MIN_WORDS
        text = doc.sentence_text(s.index) if ok else ""
        if ok and s.words < LABEL_WORDS:
            ok = not _LABEL.match(text)
        if ok:  # a question asks, it does not state ("Question: What are the concerns?")
            ok = not text.rstrip(" \"'”’)").endswith("?")
        if ok and real_prose:  # a line without a final stop beside prose: a title or label
            ok = not in_article.is_headline(text)
        out.append(ok)
    return out


def restatement_findings(
    doc: Document, found: Sequence[Restatement], limit: int = MAX_RESTATEMENT_FINDINGS
) -> list[Finding]:
    """RPT002 findings, one per restating sentence (the first ``limit``)."""
    rule = rule_by_code("RPT002")
    out = []
    for r in found[:limit]:
        s = doc.sentences[r.index]
        out.append(make_finding(doc, rule, s.start, s.end, sentence=r.index,
                                related_sentence=r.of, first=r.of + 1,
                                quote=shorten(doc.sentence_text(r.of))))
    return out


def novel_content(terms: Sequence[Terms]) -> list[int]:
    """Per sentence: content terms (stems, names, numbers) no earlier sentence had."""
    seen: set[str] = set()
    out = []
    for t in terms:
        new = [k for k in t.weights if k not in seen]
        seen.update(new)
        out.append(len(new))
    return out
