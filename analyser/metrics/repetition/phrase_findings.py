"""RPT001 findings and the report's list of repeated phrases.

The spans of :mod:`.phrase_search` are kept for an editor when

* they are in prose (headings, list items, table rows and other page structure repeat by
  design);
* their phrase really repeats: another kept span, in another sentence, holds the same
  words (lower-cased, in order): a merged run whose full extent occurs once is dropped
  even when each of its 3-grams repeats somewhere;
* trimmed of leading function words and of the articles, conjunctions and prepositions
  at their end, they keep two words or more;
* they are the writer's words (not inside a quotation: an editor does not rewrite quotes)
  and name nobody (no capitalised word after the sentence's first, no person title:
  "the special counsel's office", "her time as secretary of state" name their subject);
* the phrase is a formula (five words or more, or back three times or more) or an echo
  (three words or more, back within two sentences): a two-word phrase used twice far
  apart, or "used a private email" said of two people, is ordinary prose;
* the phrase is not the article's topic (:mod:`.topic`: its names and the noun phrases
  that carry its subject).

*Every* kept occurrence is a finding, the first included, with no cap: a repeat links
(``related_sentence``) to the earliest other sentence holding the phrase, the first
occurrence to the next one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from ...document import Document
from ...models import Finding
from ...resources import is_stopword
from ...rules import rule_by_code
from ..base import make_finding
from ..restatement import data_words
from .messages import shorten
from .phrase_search import PhraseSpan, phrase_spans
from .topic import is_topic_phrase, topic_words


def phrase_key(doc: Document, sp: PhraseSpan) -> str:
    """The phrase of a span, lower-cased with its spaces normalised: equal for copies."""
    return " ".join(doc.text[sp.start : sp.end].lower().split())


def _holds(key: str, other: str) -> bool:
    """Does phrase ``other`` hold the words of ``key`` (whole words, in order)?"""
    return f" {key} " in f" {other} "


_WORD = re.compile(r"\S+")
#: Words trimmed from the end of a phrase (they only attach it to its sentence).
EDGE_WORDS = frozenset(
    "a an the and or but nor so of in on at to for with by from as into onto than that "
    "its their his her our your my this these those".split())
#: A phrase of this many words or more is a formula (a clause the writer reuses) ...
FORMULA_WORDS = 5
#: ... and so is one that comes back this many times or more.
FORMULA_TIMES = 3
#: An echo: a phrase of this many words or more back within this many sentences.
ECHO_WORDS = 3
ECHO_SENTENCES = 2


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    return frozenset(w.lower() for w in data_words("name_titles.txt"))


def _trimmed(doc: Document, sp: PhraseSpan) -> PhraseSpan | None:
    """The span without its leading function words and the articles, conjunctions and
    prepositions at its end ("say the minimum wage" -> "minimum wage", "drug trafficking
    and" -> "drug trafficking"; "results speak for themselves" stays whole), or None when
    fewer than two words are left."""
    words = list(_WORD.finditer(doc.text, sp.start, sp.end))
    bare = [m.group().strip(".,;:!?\"'“”‘’()") for m in words]
    lead = [not is_stopword(w) for w in bare]
    tail = [w.lower() not in EDGE_WORDS for w in bare]
    if not any(lead) or not any(tail):
        return None
    a = lead.index(True)
    b = len(tail) - tail[::-1].index(True)
    if b - a < 2:
        return None
    return PhraseSpan(sp.sentence, sp.start + words[a].start() - words[0].start(),
                      words[b - 1].end(), sp.grams)


def editor_spans(doc: Document, spans: Sequence[PhraseSpan]) -> list[PhraseSpan]:
    """The spans an editor is shown (see the module docstring), in text order."""
    counted = {s.index for s in doc.prose_sentences}  # every sentence of a text without prose
    prose = [t for sp in spans if sp.sentence in counted
             and (t := _trimmed(doc, sp)) is not None and not doc.in_quote(t.start, t.end)
             and not _names_something(doc, t)]
    if not prose:
        return []
    topic = topic_words(doc)
    prose = [sp for sp in prose
             if not is_topic_phrase(doc.text[sp.start : sp.end].split(), topic)]
    kept = [(sp, phrase_key(doc, sp)) for sp in prose]
    while True:  # dropping a lone span can leave another one alone
        held = [(sp, key) for sp, key in kept if _worth_flagging(sp, key, kept)]
        if len(held) == len(kept):
            return [sp for sp, _ in held]
        kept = held


def _names_something(doc: Document, sp: PhraseSpan) -> bool:
    """Does the phrase hold a name (a capitalised word after its sentence's first) or a
    person title ("secretary", "counsel")? Then it names someone or something."""
    first = doc.sentences[sp.sentence].start
    titles = _titles()
    for m in _WORD.finditer(doc.text, sp.start, sp.end):
        w = m.group().strip(".,;:!?\"'“”‘’()")
        if (w[:1].isupper() and m.start() > first) or w.lower().split("’")[0] in titles:
            return True
    return False


def _worth_flagging(sp: PhraseSpan, key: str, kept: list[tuple[PhraseSpan, str]]) -> bool:
    """Another kept span in another sentence holds the phrase, and the phrase is a formula
    (``FORMULA_WORDS`` words or more, or back ``FORMULA_TIMES`` times or more) or an echo
    (``ECHO_WORDS`` words or more, back within ``ECHO_SENTENCES`` sentences)."""
    others = [o.sentence for o, k in kept if o.sentence != sp.sentence and _holds(key, k)]
    if not others:
        return False
    n = key.count(" ") + 1
    if n >= FORMULA_WORDS or len(others) + 1 >= FORMULA_TIMES:
        return True
    return n >= ECHO_WORDS and any(abs(o - sp.sentence) <= ECHO_SENTENCES for o in others)


def repeated_phrases(
    doc: Document, words: list[str] | None = None,
    spans: Sequence[PhraseSpan] | None = None,
) -> list[Finding]:
    """RPT001 findings: one per occurrence of a repeated phrase (the first occurrence too),
    over :func:`editor_spans` (``spans``: those spans, computed when not given). A
    repeat links (``related_sentence``) to the earliest other sentence holding the phrase;
    the first occurrence links to the next one. In text order."""
    spans = editor_spans(doc, phrase_spans(doc, words)) if spans is None else list(spans)
    keys = [phrase_key(doc, sp) for sp in spans]
    rule = rule_by_code("RPT001")
    findings: list[Finding] = []
    for sp, key in zip(spans, keys, strict=True):
        holders = sorted({o.sentence for o, k in zip(spans, keys, strict=True)
                          if o.sentence != sp.sentence and _holds(key, k)})
        phrase = shorten(doc.text[sp.start : sp.end], 60)
        if holders[0] < sp.sentence:
            findings.append(make_finding(doc, rule, sp.start, sp.end, sentence=sp.sentence,
                                         related_sentence=holders[0], phrase=phrase,
                                         first=holders[0] + 1))
            continue
        more = len(holders) - 1
        findings.append(make_finding(
            doc, rule, sp.start, sp.end, sentence=sp.sentence, template="message_first",
            related_sentence=holders[0], phrase=phrase, next=holders[0] + 1,
            more=f" and {more} more time{'s' if more != 1 else ''}" if more else ""))
    return findings


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
