"""Substance: how much checkable reporting an article carries per 1,000 words.

Counted over the article's prose sentences (headings are Title Case and would count every
word as a name; furniture lists are not reporting):

* ``quotes``: direct quotations (``doc.quotes``) of three words or more; ``quote_char_ratio``
  is the share of the prose characters inside quotation marks.
* ``attributions``: a reporting verb ("said", "told", "according to", "stated", ... see
  ``REPORTING_VERBS``) with its source: the words before the verb back to the previous
  comma, quote mark or sentence start (at most 8 words), or the words right after it
  ("said Kelly", "according to The Wall Street Journal"). The source is *named* when it
  holds a capitalised name or a person title (``analyser/data/titles.txt``: "White House
  Deputy Press Secretary Anna Kelly", "the president"), *unnamed* when it is only a
  vague head ("some reports", "officials", ``analyser/data/unnamed_sources.txt``), and a
  *pronoun* otherwise ("she said"); all three count as attributions. ("reports",
  "claims", "notes", "states" are not verbs here: they are nouns as often, "some reports
  said".)
* ``names``: runs of capitalised words inside a sentence, plus abbreviations ("U.S."); a
  sentence's first word counts when the article also capitalises it mid-sentence or a
  capitalised word or reporting verb follows it ("Kelly said"); leading function words
  and final possessives are dropped ("The Journal's" -> "Journal").
* ``numbers``: number tokens; ``dates``: month-day(-year), weekday and year expressions;
  ``amounts``: money and percentages.

``distinct_*`` count different values (lower-cased). The summary

    substance_per_1k = 1000 * (quotes + named_attributions + distinct_names
                               + distinct_numbers + distinct_dates) / prose words

counts each kind of checkable fact once per distinct value, so repeating the same name
twenty times does not make copy substantial, while naming a spokesperson, quoting the
president and giving dates does.
"""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files

from ..document import Document, Sentence
from ..resources import is_stopword
from . import FamilyResult

REPORTING_VERBS = frozenset(
    """
    said says say told tells stated added adds noted explained explains
    announced announces confirmed confirms argued argues wrote writes insisted insists
    claimed warned warns asserted asserts affirmed affirms declared declares
    emphasized emphasised emphasizes emphasises highlighted highlights indicated indicates
    reported acknowledged acknowledges admitted admits replied replies responded
    responds recalled recalls suggested suggests
    """.split()
)
PRONOUNS = frozenset("he she they it we i you who".split())
_MONTHS = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|"
    r"Aug(?:ust|\.)?|Sep(?:t(?:ember)?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
_DATE_RE = re.compile(
    rf"\b(?:{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS}(?:\s+\d{{4}})?"
    rf"|(?:January|February|March|April|June|July|August|September|October|November|December)"
    rf"\s+\d{{4}}"
    r"|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"|(?:19|20)\d{2}s?)\b"
)
_AMOUNT_RE = re.compile(
    r"(?:[$€£¥]\s?\d[\d,.]*(?:\s?(?:million|billion|trillion|bn|m|k))?"
    r"|\b\d[\d,.]*\s?(?:%|percent|per cent|million|billion|trillion|dollars|euros|pounds)\b)",
    re.IGNORECASE,
)
_WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_SOURCE_STOP = frozenset(",;:()“”\"'‘’—–")
MIN_QUOTE_WORDS = 3


@cache
def _wordlist(name: str) -> frozenset[str]:
    text = files("analyser").joinpath(f"data/{name}").read_text("utf-8")
    return frozenset(
        ln.strip().lower() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")
    )


def titles() -> frozenset[str]:
    """Person titles and roles (lower case) that make a source named."""
    return _wordlist("titles.txt")


def unnamed_sources() -> frozenset[str]:
    """Vague source heads (lower case): "reports", "officials", "experts"."""
    return _wordlist("unnamed_sources.txt")


def _mid_caps(doc: Document, sentences: list[Sentence]) -> set[str]:
    """Words the article capitalises inside sentences (so, at a sentence start, a name)."""
    out: set[str] = set()
    for s in sentences:
        for k in range(s.token_start + 1, s.token_end):
            t = doc.tokens[k]
            if t.kind == "word" and t.text[:1].isupper():
                out.add(t.text)
    return out


def names_in(doc: Document, s: Sentence, mid_caps: set[str]) -> list[str]:
    """Capitalised runs in one sentence ("White House Deputy Press Secretary Anna Kelly")."""
    out: list[str] = []
    run: list[str] = []
    for k in range(s.token_start, s.token_end):
        t = doc.tokens[k]
        first = k == s.token_start
        cap = t.kind == "word" and t.text[:1].isupper() and not (
            first and not _initial_is_name(doc, k, s.token_end, mid_caps)
        )
        if cap and not (t.text.isupper() and len(t.text) == 1 and t.text != "I"):
            if t.text != "I":
                run.append(t.text)
                continue
        if run:
            out.append(_name(run))
            run = []
    if run:
        out.append(_name(run))
    return [n for n in out if n]


_POSSESSIVE = re.compile(r"['’]s?$")


def _initial_is_name(doc: Document, k: int, end: int, mid_caps: set[str]) -> bool:
    """A sentence's capitalised first word is a name when the article capitalises it
    mid-sentence too, or when a capitalised word or a reporting verb follows it ("Kelly
    said", "Mexican President ..."), unless it is a function word or a vague source."""
    text = doc.tokens[k].text
    if is_stopword(text) or text.lower() in unnamed_sources():
        return False
    if text in mid_caps:
        return True
    if k + 1 < end:
        nxt = doc.tokens[k + 1]
        return nxt.kind == "word" and (
            nxt.text[:1].isupper() or nxt.text.lower() in REPORTING_VERBS
        )
    return False


def _name(run: list[str]) -> str:
    """A run of capitalised words as a name: leading function words and a final
    possessive dropped ("The Wall Street Journal's" -> "Wall Street Journal")."""
    while run and is_stopword(run[0]):
        run = run[1:]
    if not run:
        return ""
    return " ".join([*run[:-1], _POSSESSIVE.sub("", run[-1])])


def attributions_in(doc: Document, s: Sentence) -> list[str]:
    """Kinds ("named", "unnamed", "pronoun") of the attributions in one sentence."""
    toks = doc.tokens[s.token_start : s.token_end]
    out: list[str] = []
    for i, t in enumerate(toks):
        low = t.text.lower()
        is_verb = t.kind == "word" and low in REPORTING_VERBS
        according = low == "according" and i + 1 < len(toks) and toks[i + 1].text.lower() == "to"
        if not (is_verb or according):
            continue
        if according:
            source = _source_after(toks, i + 2)
        else:
            source = _source_before(toks, i) or _source_after(toks, i + 1)
        if not source:
            continue
        out.append(_source_kind(source, first_is_initial=source[0] is toks[0]))
    return out


def _source_before(toks, i: int, limit: int = 8):
    src = []
    k = i - 1
    while k >= 0 and len(src) < limit and toks[k].text not in _SOURCE_STOP:
        if toks[k].kind != "punct":
            src.append(toks[k])
        k -= 1
    src.reverse()
    # "as she put it" / "Trump, he said": keep the nearest noun phrase only
    return src


def _source_after(toks, i: int, limit: int = 8):
    src = []
    k = i
    while k < len(toks) and len(src) < limit and toks[k].text not in _SOURCE_STOP:
        if toks[k].kind == "punct" and toks[k].text in ".!?":
            break
        if toks[k].kind != "punct":
            src.append(toks[k])
        k += 1
    return src


def _source_kind(source, first_is_initial: bool) -> str:
    words = [t.text for t in source]
    lows = [w.lower() for w in words]
    title_set = titles()
    for j, w in enumerate(words):
        if w[:1].isupper() and not (j == 0 and first_is_initial and is_stopword(w)):
            if lows[j] not in unnamed_sources() and lows[j] not in PRONOUNS:
                return "named"
        if lows[j] in title_set and j > 0 and lows[j - 1] in ("the", "its", "his", "her"):
            return "named"
    if any(w in PRONOUNS for w in lows):
        return "pronoun"
    return "unnamed"


def measure(doc: Document, settings=None) -> FamilyResult:
    """Quotations, attributions, names, numbers, dates and amounts per 1,000 prose words."""
    prose = [s for s in doc.sentences if s.is_prose]
    words = sum(s.words for s in prose)
    per_k = (1000.0 / words) if words else 0.0
    prose_chars = sum(s.end - s.start for s in prose)

    quotes = 0
    quote_chars = 0
    starts = [s.start for s in prose]
    for a, b in doc.quotes:
        if not _inside_prose(starts, prose, a):
            continue
        if len(_WORD_RE.findall(doc.text, a, b)) >= MIN_QUOTE_WORDS:
            quotes += 1
        quote_chars += b - a

    mid_caps = _mid_caps(doc, prose)
    names: list[str] = []
    kinds: list[str] = []
    numbers: list[str] = []
    dates: list[str] = []
    amounts = 0
    per_sentence: list[int] = [0] * len(doc.sentences)
    for s in prose:
        n = names_in(doc, s, mid_caps)
        k = attributions_in(doc, s)
        text = doc.text[s.start : s.end]
        d = [m.group().lower() for m in _DATE_RE.finditer(text)]
        nums = [t.text.replace(",", "") for t in doc.sentence_tokens(s.index)
                if t.kind == "number"]
        amounts += len(_AMOUNT_RE.findall(text))
        names += n
        kinds += k
        dates += d
        numbers += nums
        per_sentence[s.index] = len(n) + len(k) + len(nums) + len(d)

    named = kinds.count("named")
    distinct_names = len({n.lower() for n in names})
    distinct_numbers = len(set(numbers))
    distinct_dates = len(set(dates))
    scores = {
        "quotes": float(quotes),
        "quotes_per_1k": quotes * per_k,
        "quote_char_ratio": min(1.0, quote_chars / prose_chars) if prose_chars else 0.0,
        "attributions": float(len(kinds)),
        "attributions_per_1k": len(kinds) * per_k,
        "named_attributions": float(named),
        "unnamed_attributions": float(kinds.count("unnamed")),
        "pronoun_attributions": float(kinds.count("pronoun")),
        "names_per_1k": len(names) * per_k,
        "distinct_names": float(distinct_names),
        "numbers_per_1k": len(numbers) * per_k,
        "distinct_numbers": float(distinct_numbers),
        "dates_per_1k": len(dates) * per_k,
        "distinct_dates": float(distinct_dates),
        "amounts_per_1k": amounts * per_k,
        "substance_per_1k": (quotes + named + distinct_names + distinct_numbers
                             + distinct_dates) * per_k,
    }
    return FamilyResult(
        scores=scores,
        sentence_values={"substance_items": per_sentence},
        extras={"names": sorted({n for n in names})[:100]},
    )


def _inside_prose(starts: list[int], prose: list[Sentence], offset: int) -> bool:
    import bisect

    i = bisect.bisect_right(starts, offset) - 1
    return i >= 0 and prose[i].start <= offset < prose[i].end
