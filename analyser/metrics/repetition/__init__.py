"""Repetition: what an article says more than once.

Three views, from the surface down, one module each:

* :mod:`.gopher`: the Gopher repetition measures over the whole text (duplicate lines and
  paragraphs, top and duplicate word n-grams);
* :mod:`.phrase_search`, :mod:`.phrase_findings` and :mod:`.topic`: **repeated
  phrases** (RPT001), content phrases of three or more words that come back in a later
  paragraph of prose, the article's topic (names, the noun phrases of its subject) left
  alone.
  ``extras["repeated_phrases"]`` lists each phrase with all its occurrences;
  ``repeated_phrases`` counts occurrences, ``repeated_phrase_types`` distinct phrases;
* :mod:`.restatements`: **restatements** (RPT002), sentences that say again what an
  earlier sentence said, found by :mod:`analyser.metrics.restatement`.

Per-sentence values: ``restates`` (index of the restated sentence, or None),
``restates_similarity`` and ``novel_content`` (content terms — stems, names, numbers —
that no earlier sentence had).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ...document import Document
from ..base import Context, Family, FamilyResult
from ..restatement import Restatement, Terms
from .gopher import (
    DUP_NGRAMS,
    TOP_NGRAMS,
    NgramCounts,
    duplicate_fractions,
    gopher_scores,
)
from .phrase_findings import (
    editor_spans,
    phrase_groups,
    phrase_key,
    repeated_phrases,
)
from .phrase_search import MIN_PHRASE_CONTENT, PHRASE_N, PhraseSpan, phrase_spans
from .restatements import (
    LIST_KINDS,
    MAX_RESTATEMENT_FINDINGS,
    RESTATE_KINDS,
    document_restatements,
    list_groups,
    name_terms,
    novel_content,
    restatement_findings,
    sentence_terms,
    short_lines,
)

__all__ = [
    "DUP_NGRAMS", "LIST_KINDS", "editor_spans",
    "MAX_RESTATEMENT_FINDINGS", "MIN_PHRASE_CONTENT", "PHRASE_N", "RESTATE_KINDS",
    "TOP_NGRAMS", "NgramCounts", "PhraseSpan", "document_restatements",
    "duplicate_fractions", "gopher_scores", "list_groups", "measure",
    "name_terms", "novel_content", "phrase_groups", "phrase_spans", "repeated_phrases",
    "restatement_findings", "sentence_terms", "short_lines",
]


@dataclass(frozen=True)
class RepetitionData:
    """What downstream families read: per sentence, the sentence it restates (None: none),
    the duplicate 5-gram character fraction, and the same over the prose only (every
    sentence when there is no prose): a listing's repeated entries are page structure."""

    restates: list[int | None]
    dup_5gram_char_ratio: float
    prose_dup_5gram_char_ratio: float = 0.0


def measure(ctx: Context) -> FamilyResult[RepetitionData]:
    """Gopher repetition measures, repeated phrases and restatements of one article
    (restatements by meaning too when ``settings.semantic``: the optional extra)."""
    doc = ctx.doc
    words = doc.lower_words()
    ngrams = NgramCounts(words)
    scores = gopher_scores(doc.text, words, [doc.text[p.start : p.end] for p in doc.paragraphs],
                           ngrams)
    spans = editor_spans(doc, phrase_spans(doc, words, ngrams))
    prose_dup = _prose_dup_5gram(doc, len(words), scores["dup_5gram_char_ratio"])
    del ngrams  # a long article's n-gram tables go before its restatement terms come
    terms = sentence_terms(doc)
    found = document_restatements(doc, terms, ctx.settings.semantic)
    findings = repeated_phrases(doc, words=words, spans=spans) + restatement_findings(doc, found)
    scores.update(_counts(doc, found, spans, len(words)))
    sentence_values = _sentence_values(doc, found, terms)
    return FamilyResult(
        scores=scores,
        findings=findings,
        sentence_values=sentence_values,
        extras={
            "repeated_phrases": phrase_groups(doc, spans),
            "restatements": [
                {"sentence": r.index, "restates": r.of, "similarity": round(r.similarity, 4)}
                for r in found
            ],
        },
        data=RepetitionData(sentence_values["restates"], scores["dup_5gram_char_ratio"],
                            prose_dup),
    )


def _prose_dup_5gram(doc: Document, n_words: int, whole: float) -> float:
    """The duplicate 5-gram character fraction of the prose sentences' words (``whole``,
    the whole text's, when every word is prose or there is no prose)."""
    prose = {s.index for s in doc.prose_sentences}
    words = doc.lower_words(sentences=prose)
    if len(words) == n_words:
        return whole
    return NgramCounts(words).dup_char_ratio(5) if len(words) >= 5 else 0.0


def _counts(
    doc: Document, found: Sequence[Restatement], spans: Sequence[PhraseSpan], n_words: int
) -> dict[str, float]:
    """The family's counts of restatements and repeated phrases."""
    restating = {r.index for r in found}
    prose = [s.index for s in doc.prose_sentences]
    return {
        "restatements": float(len(found)),
        "restatement_ratio": (sum(1 for i in prose if i in restating) / len(prose))
        if prose else 0.0,
        "repeated_phrases": float(len(spans)),
        "repeated_phrase_types": float(len({phrase_key(doc, sp) for sp in spans})),
        "repeated_phrases_per_1k": 1000.0 * len(spans) / n_words if n_words else 0.0,
    }


def _sentence_values(
    doc: Document, found: Sequence[Restatement], terms: Sequence[Terms]
) -> dict[str, list]:
    """Per sentence: the sentence it restates, how closely, and its novel content terms."""
    restates: list[int | None] = [None] * len(doc.sentences)
    sim: list[float | None] = [None] * len(doc.sentences)
    for r in found:
        restates[r.index] = r.of
        sim[r.index] = round(r.similarity, 4)
    return {"restates": restates, "restates_similarity": sim,
            "novel_content": novel_content(terms)}


FAMILY = Family("repetition", measure)
