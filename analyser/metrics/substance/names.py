"""Names as they appear: runs of capitalised words in a sentence, and which capitals at a
sentence start are names."""

from __future__ import annotations

import re

from ...document import Document, Sentence, Token
from ...resources import is_stopword
from .index import TokenIndex, sentence_starts, token_index
from .vocabulary import AUXILIARIES, SOFT_VERBS, SPEECH_VERBS
from .wordlists import organisation_words, unnamed_sources

#: A final possessive: "Journal's", "Kelly’s", "Reuters'".
POSSESSIVE = re.compile(r"['’]s?$")


def mid_sentence_capitals(doc: Document, sentences: list[Sentence]) -> set[str]:
    """Words the article capitalises inside sentences (so, at a sentence start, a name)."""
    out: set[str] = set()
    caps = token_index(doc).caps
    toks = doc.tokens
    for s in sentences:
        starts = sentence_starts(doc, s)
        for k in TokenIndex.within(caps, s):
            if k not in starts:
                out.add(toks[k].text)
    return out


def initial_is_name(doc: Document, k: int, end: int, mid_caps: set[str]) -> bool:
    """A capitalised word opening a sentence (or a quotation) is a name when the article
    capitalises it mid-sentence too, or when a capitalised word or a speech verb follows
    it ("Kelly said", "Mexican President ..."). Function words and vague sources never
    are."""
    text = doc.tokens[k].text
    if is_stopword(text) or text.lower() in unnamed_sources():
        return False
    if text in mid_caps:
        return True
    j = k + 1
    while j < end and j < k + 3 and doc.tokens[j].text.lower() in AUXILIARIES:
        j += 1  # "Kelly has said", "Kelly also said"
    if j < end:
        nxt = doc.tokens[j]
        return nxt.kind == "word" and (
            (nxt.text[:1].isupper() and j == k + 1)
            or nxt.text.lower() in SPEECH_VERBS or nxt.text.lower() in SOFT_VERBS
        )
    return False


def runs(doc: Document, s: Sentence, mid_caps: set[str]) -> list[list[Token]]:
    """Runs of consecutive capitalised words (a sentence opener only when it is a name;
    no single letters, no "I"), bridged by "of" after an organisation word ("Bank of
    England"), leading function words dropped."""
    toks = doc.tokens
    out: list[list[Token]] = []
    run: list[Token] = []
    last = -2  # token index of the run's last token
    starts = sentence_starts(doc, s)
    for k in TokenIndex.within(token_index(doc).caps, s):
        t = toks[k]
        if run and k == last + 2:
            of = toks[last + 1]
            if of.text.lower() == "of" and run[-1].text.lower() in organisation_words():
                run.append(of)  # "Ministry of Finance", "Bank of England"
                last += 1
        if run and k != last + 1:  # a lower-case word or a mark came between
            out.append(run)
            run = []
        ok = len(t.text) > 1 and not (
            k in starts and not initial_is_name(doc, k, s.token_end, mid_caps))
        if ok:
            run.append(t)
            last = k
        elif run:
            out.append(run)
            run = []
    if run:
        out.append(run)
    return [r for r in map(_drop_function_words, out) if r]


def _drop_function_words(run: list[Token]) -> list[Token]:
    while run and is_stopword(run[0].text):
        run = run[1:]
    return run
