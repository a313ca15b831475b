"""Attributions: a speech verb and the speaker it reports, and what kind of speaker it is
(named, unnamed or a pronoun)."""

from __future__ import annotations

from collections.abc import Callable

from ...document import Document, Sentence, Token
from ...resources import is_stopword
from .entities import clean_names
from .index import TokenIndex, position, sentence_starts, token_index
from .names import initial_is_name, mid_sentence_capitals
from .vocabulary import (
    ADDRESSEE_VERBS,
    AUXILIARIES,
    CALENDAR,
    NOT_REPORTING,
    PASSIVE_AUX,
    PRONOUNS,
    REPORTED_CLAUSE,
    SOFT_VERBS,
    SOURCE_NOUNS,
)
from .wordlists import is_demonym, titles, unnamed_sources

#: Marks that end a speaker's words.
_SOURCE_STOP = frozenset(",;:()“”\"'‘’—–")

#: Tells a name's capital from a sentence opener's.
Capital = Callable[[Token], bool]
#: (kind, speaker tokens) of one attribution.
Attribution = tuple[str, list[Token]]


def attribution_sources(
    doc: Document, s: Sentence, mid_caps: set[str] | None = None
) -> list[Attribution]:
    """(kind, speaker tokens) of every attribution in one sentence. ``mid_caps``: the
    words the article capitalises mid-sentence (computed when not given)."""
    if mid_caps is None:
        mid_caps = mid_sentence_capitals(doc, doc.prose_sentences)
    capital = _capital_test(doc, s, mid_caps)
    toks = doc.tokens[s.token_start : s.token_end]
    out: list[Attribution] = []
    for k in TokenIndex.within(token_index(doc).verbs, s):
        found = _attribution_at(toks, k - s.token_start, capital)
        if found is not None:
            out.append(found)
    return out


def _capital_test(doc: Document, s: Sentence, mid_caps: set[str]) -> Capital:
    starts = sentence_starts(doc, s)

    def capital(t: Token) -> bool:  # a name-like capital, not a sentence opener's
        idx = position(doc, s, t)
        return t.text[:1].isupper() and (
            idx not in starts or initial_is_name(doc, idx, s.token_end, mid_caps))

    return capital


def _attribution_at(toks: list[Token], i: int, capital: Capital) -> Attribution | None:
    """The attribution reported by the verb (or "according") at ``toks[i]``, if any."""
    t = toks[i]
    low = t.text.lower()
    if low == "according":
        if i + 1 < len(toks) and toks[i + 1].text.lower() == "to":
            source = _source_after(toks, i + 2)
            return _attribution(speaker_kind(source, capital, after=True), source)
        return None
    # a capitalised verb inside a sentence is a headline's ("... Confirmed ...")
    if t.kind != "word" or (i != 0 and t.text[:1].isupper()):
        return None
    before = _source_before(toks, i)
    if before and before[-1].text.lower() in PASSIVE_AUX:
        return None  # "he was told", "it was reported"
    if any(x.text.lower() in NOT_REPORTING for x in before):
        return None
    before = _drop_auxiliaries(before)
    kind = speaker_kind(before, capital, after=False)
    if low in SOFT_VERBS:
        nxt = toks[i + 1].text.lower() if i + 1 < len(toks) else ""
        return (kind, before) if _is_person(kind, before) and nxt in REPORTED_CLAUSE else None
    if kind is None and low not in ADDRESSEE_VERBS and not before:
        # "..., said Kelly": the speaker follows, right after a break
        source = _source_after(toks, i + 1)
        return _attribution(speaker_kind(source, capital, after=True), source)
    return _attribution(kind, before)


def _attribution(kind: str | None, source: list[Token]) -> Attribution | None:
    return None if kind is None else (kind, source)


def _is_person(kind: str | None, subject: list[Token]) -> bool:
    """The speaker is person-like: a name or a personal pronoun ("she", not "it")."""
    return kind == "named" or (
        kind == "pronoun" and subject[-1].text.lower() not in ("it", "who"))


def _source_before(toks: list[Token], i: int, limit: int = 8) -> list[Token]:
    src = []
    k = i - 1
    while k >= 0 and len(src) < limit and toks[k].text not in _SOURCE_STOP:
        if toks[k].kind != "punct":
            src.append(toks[k])
        k -= 1
    src.reverse()
    return src


def _source_after(toks: list[Token], i: int, limit: int = 8) -> list[Token]:
    src = []
    k = i
    while k < len(toks) and len(src) < limit and toks[k].text not in _SOURCE_STOP:
        if toks[k].kind == "punct" and toks[k].text in ".!?":
            break
        if toks[k].kind != "punct":
            src.append(toks[k])
        k += 1
    return src


def _drop_auxiliaries(src: list[Token]) -> list[Token]:
    while src and (src[-1].text.lower() in AUXILIARIES or (
            src[-1].text.lower().endswith("ly") and len(src[-1].text) > 3
            and not src[-1].text[:1].isupper())):
        src = src[:-1]
    return src


def speaker_kind(src: list[Token], capital: Capital, *, after: bool) -> str | None:
    """Kind of speaker whose words are ``src`` (the subject before the verb, or the words
    after "said"/"according to"), or None when it is not a speaker. ``capital(token)``
    tells a name's capital from a sentence opener's."""
    if not src:
        return None
    return _kind_after(src, capital) if after else _kind_of_subject(src, capital)


def _kind_of_subject(src: list[Token], capital: Capital) -> str | None:
    # the subject's head is the last word before the verb: "Sheinbaum's response
    # emphasized" has the head "response", not a speaker
    head = src[-1]
    low = head.text.lower().replace("’", "'")
    if low in PRONOUNS:
        return "pronoun"
    if capital(head) and not is_stopword(head.text):
        if is_demonym(low) or low in CALENDAR:
            return None
        return "unnamed" if low in unnamed_sources() else "named"
    if low in titles():
        prev = src[-2] if len(src) > 1 else None
        return "named" if prev is not None and (
            prev.text.lower() in ("the", "its", "his", "her", "their") or capital(prev)
        ) else "unnamed"
    if low in unnamed_sources() or low in SOURCE_NOUNS:
        return "unnamed"
    return None


def _kind_after(src: list[Token], capital: Capital) -> str | None:
    # "said Kelly", "said the president", "according to The Wall Street Journal",
    # "according to officials": the head is the first noun phrase
    words = src[:4]
    lows = [t.text.lower() for t in words]
    for j, t in enumerate(words):
        if t.text[:1].isupper() and not is_stopword(t.text):
            if lows[j] in unnamed_sources() or lows[j] in PRONOUNS or is_demonym(lows[j]):
                continue
            return "named"
        if lows[j] in titles() and j > 0 and lows[j - 1] in ("the", "its", "his", "her"):
            return "named"
    if lows[0] in PRONOUNS:
        return "pronoun"
    if any(w in unnamed_sources() or w in SOURCE_NOUNS for w in lows):
        return "unnamed"
    return None


def speaker_name(src: list[Token]) -> str | None:
    """The speaker's name: the last run of capitalised words in its source, cleaned."""
    runs: list[list[str]] = []
    cur: list[str] = []
    for t in src:
        if t.text[:1].isupper() and not is_stopword(t.text):
            cur.append(t.text)
        elif cur:
            runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    for run in reversed(runs):
        parts = clean_names(run)
        if parts:  # the speaker is the last entity: "White House ... Anna Kelly"
            return parts[-1][0]
    return None
