"""Sentence spans inside one block: NLTK Punkt's, with the splits it should not have made
mended ("No. 1", "Mr. Nobody", "Smith & Co. said", an abbreviation inside a headline)."""

from __future__ import annotations

import re

from .resources import ABBREVIATIONS, TITLE_ABBREVIATIONS, punkt_tokenizer

_NUMBER_ABBR = re.compile(r"\b(?:No|Nos|p|pp|Vol|Art)\.$")
_TITLE_END = re.compile(r"\b(?:" + "|".join(sorted(t.capitalize() for t in TITLE_ABBREVIATIONS))
                        + r")\.$")
_ONLY_ABBR = re.compile(r"^(?:[^\W\d_]\.){2,}$")
_SHORT_CAP_ABBR = re.compile(r"\b[A-Z][a-z]{0,3}\.$")
_COMPANY_END = re.compile(r"\bCo\.$")
_COMPANY_NEXT = re.compile(r"(?:Ltd|Inc|LLC|Plc|PLC|Corp|KG|AG)\b")
_ABBR_END = re.compile(r"(?:\b[^\W\d_]|(?:[^\W\d_]\.)+[^\W\d_]|\b[^\W\d_]+)\.$")


def _continues(prev: str, nxt: str, heading: bool) -> bool:
    """Punkt split after ``prev``, but ``nxt`` goes on the same sentence."""
    if nxt[:1].isdigit() and _NUMBER_ABBR.search(prev):
        return True  # "No. 1"
    if _TITLE_END.search(prev) or _ONLY_ABBR.match(prev):
        return True  # "Dr. Who", "U.S. Officials say ..." at a paragraph's start
    if nxt[:1].islower() and _SHORT_CAP_ABBR.search(prev):
        return True  # "Smith & Co. said", "in Mo. state"
    if _COMPANY_END.search(prev) and _COMPANY_NEXT.match(nxt):
        return True  # "Co. Ltd"
    if heading:  # a headline is one sentence: "Police Arrest Man in U.S. Police Chase"
        m = _ABBR_END.search(prev)
        return bool(m) and (len(m.group()) == 2 or m.group()[:-1].lower() in ABBREVIATIONS
                            or "." in m.group()[:-1])
    return False


#: Punkt's sentence-end characters (``PunktLanguageVars.sent_end_chars``).
_SENT_END = re.compile(r"[.?!]")


def sentence_spans(text: str, a: int, b: int, heading: bool = False) -> list[tuple[int, int]]:
    """Punkt sentence spans inside [a, b), with splits Punkt should not have made mended
    ("No. 1", "Mr. Nobody", "Smith & Co. said", an abbreviation inside a headline)."""
    chunk = text[a:b]
    stripped = chunk.rstrip()
    if _SENT_END.search(stripped, 0, len(stripped) - 1) is None:
        # no sentence-end mark before the last character: Punkt finds no candidate break
        # (one needs a mark followed by something), and its one span is the stripped block
        return [(a, a + len(stripped))] if stripped else []
    spans = [(a + x, a + y) for x, y in punkt_tokenizer().span_tokenize(chunk)]
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged:
            ps, pe = merged[-1]
            if _continues(text[ps:pe], text[s:e], heading):
                merged[-1] = (ps, e)
                continue
        merged.append((s, e))
    return merged
