"""RPT001 findings and the report's list of repeated phrases.

*Every* occurrence of a repeated phrase (:mod:`.phrase_search`) is a finding, the first
included: a repeat links (``related_sentence``) to the earliest sentence holding any of
its 3-grams, the first occurrence to the next sentence that repeats it. At most
``MAX_PHRASE_FINDINGS`` findings per article.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from ...document import Document
from ...models import Finding
from ...rules import rule_by_code
from ..base import make_finding
from .messages import shorten
from .phrase_search import PhraseSpan, phrase_spans

#: Findings per article, so a pathological page stays readable.
MAX_PHRASE_FINDINGS = 50


def phrase_key(doc: Document, sp: PhraseSpan) -> str:
    """The phrase of a span, lower-cased with its spaces normalised: equal for copies."""
    return " ".join(doc.text[sp.start : sp.end].lower().split())


def repeated_phrases(
    doc: Document, limit: int = MAX_PHRASE_FINDINGS, words: list[str] | None = None,
    spans: Sequence[PhraseSpan] | None = None,
) -> list[Finding]:
    """RPT001 findings: one per occurrence of a repeated content phrase (the first
    occurrence too). A repeat links (``related_sentence``) to the earliest sentence that
    holds any of its 3-grams; the first occurrence links to the next sentence that
    repeats it. At most ``limit`` findings, in text order."""
    spans = phrase_spans(doc, words) if spans is None else spans
    # only the reported spans' 3-grams and phrases are looked up: a long text repeated
    # whole has a million of them
    shown = {g for sp in spans[:limit] for g in sp.grams}
    where: dict[int, list[int]] = {}  # 3-gram key -> sentences, in order
    for sp in spans:
        for g in sp.grams:
            if g in shown:
                where.setdefault(g, []).append(sp.sentence)
    phrases = {phrase_key(doc, sp) for sp in spans[:limit]}
    copies = Counter(k for k in (phrase_key(doc, sp) for sp in spans) if k in phrases)
    rule = rule_by_code("RPT001")
    findings: list[Finding] = []
    for sp in spans[:limit]:
        related, template, values = _link(doc, sp, where, copies)
        findings.append(make_finding(doc, rule, sp.start, sp.end, sentence=sp.sentence,
                                     template=template, related_sentence=related, **values))
    return findings


def _link(doc: Document, sp: PhraseSpan, where: dict[int, list[int]],
          copies: Counter) -> tuple[int, str, dict[str, object]]:
    """(related sentence, message template, its values) of one occurrence: a repeat
    points back at the first occurrence, the first occurrence at the next one."""
    first = min(where[g][0] for g in sp.grams)
    phrase = shorten(doc.text[sp.start : sp.end], 60)
    if first != sp.sentence:
        return first, "message", {"phrase": phrase, "first": first + 1}
    later = [x for g in sp.grams for x in where[g] if x > sp.sentence]
    related = min(later) if later else sp.sentence
    more = max(0, copies[phrase_key(doc, sp)] - 2)
    return related, "message_first", {
        "phrase": phrase, "next": related + 1,
        "more": f" and {more} more time{'s' if more != 1 else ''}" if more else ""}


def phrase_groups(doc: Document, spans: Sequence[PhraseSpan], limit: int = 50) -> list[dict]:
    """The repeated phrases with every occurrence (for a report): the most repeated first."""
    groups: dict[str, list[PhraseSpan]] = {}
    for sp in spans:
        groups.setdefault(phrase_key(doc, sp), []).append(sp)
    ranked = sorted(groups.values(), key=lambda g: (-len(g), g[0].start))
    return [
        {"phrase": doc.text[g[0].start : g[0].end],
         "occurrences": [{"sentence": sp.sentence, "start": sp.start, "end": sp.end}
                         for sp in g]}
        for g in ranked[:limit]
    ]
