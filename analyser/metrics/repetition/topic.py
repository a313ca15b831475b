"""The article's topic words: what a story must repeat, so repeated phrases leave them be.

A word stem is a *topic word* when the article

* writes it in its lead: the headings before the first prose sentence (the title, when
  the text carries it) and the first ``LEAD_SENTENCES`` prose sentences; or
* spreads it across the piece: it is in ``SPREAD_PARAGRAPHS`` prose paragraphs or more,
  and in at least ``SPREAD_SHARE`` of them.

A repeated phrase is the topic's own noun phrase (:func:`is_topic_phrase`) when every
content word of it is a topic word (names are never content words) and it is shaped like a
noun phrase: at most ``NP_WORDS`` words (trimmed of the articles, conjunctions and
prepositions at its edges), with at most one function word ("the minimum wage", "the troop offer",
"drug cartels in Mexico"). A clause made of topic words ("sovereignty is not for sale")
is a formula the writer repeats, not a name for the subject, and stays a repeated phrase.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from ...document import Document
from ...resources import is_stopword
from ..restatement import word_term

_term = word_term  # cached where it is defined

LEAD_SENTENCES = 2
SPREAD_PARAGRAPHS = 3
SPREAD_SHARE = 0.3
NP_WORDS = 4


def topic_words(doc: Document) -> frozenset[str]:
    """The stems of the article's topic words (see the module docstring)."""
    lead: set[int] = set()
    prose_seen = 0
    for s in doc.sentences:
        if s.kind == "prose":
            if prose_seen >= LEAD_SENTENCES:
                break
            prose_seen += 1
            lead.add(s.index)
        elif s.kind == "heading" and not prose_seen:
            lead.add(s.index)
    paragraphs: dict[str, set[int]] = defaultdict(set)
    topic: set[str] = set()
    prose_paragraphs: set[int] = set()
    for t in doc.tokens:
        if t.kind != "word":
            continue
        s = doc.sentences[t.sentence]
        term = _term(t.text)
        if term is None:
            continue
        if s.index in lead:
            topic.add(term)
        if s.kind == "prose":
            paragraphs[term].add(s.paragraph)
            prose_paragraphs.add(s.paragraph)
    need = max(SPREAD_PARAGRAPHS, SPREAD_SHARE * len(prose_paragraphs))
    topic.update(t for t, ps in paragraphs.items() if len(ps) >= need)
    return frozenset(topic)


def is_topic_phrase(words: Sequence[str], topic: frozenset[str]) -> bool:
    """Is a phrase (its words, in order, already trimmed of edge words) the topic's own
    noun phrase: every content word a topic word or a name, at most ``NP_WORDS`` words
    with at most one function word (see the module docstring)?"""
    stop = [is_stopword(w) for w in words]
    if all(stop) or len(words) > NP_WORDS or sum(stop) > 1:
        return False
    for w, is_stop in zip(words, stop, strict=True):
        t = None if is_stop else _term(w)
        if t is not None and t not in topic and not w[:1].isupper():
            return False
    return True
