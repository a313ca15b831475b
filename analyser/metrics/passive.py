"""Passive voice: a form of "be" or "get", optional adverbs, then a past participle.

"was approved", "has been quickly approved", "is being reviewed", "got fired". Regular
participles are recognised by their -ed ending (with a short list of -ed words that are not
participles: "need", "hundred", "sacred"); irregular ones come from
``analyser/data/participles_irregular.txt``. Participles that after "be" usually describe a
state ("she was tired", "the office is located in Leeds") are listed in
``analyser/data/participles_adjectival.txt`` and not reported, unless an agent follows
("was tired by the climb"); participles of feeling (``participles_feeling.txt``: "was
worried by the figures") are not reported even then. Codes
(``analyser/rules/passive.toml``): PSV001 passive without an agent, PSV002 passive with a
"by" agent, PSV003 "get" passive.

Scores are over ``Document.prose_sentences`` (prose, or every sentence when there is
none): ``passive_sentence_ratio`` (share of those sentences with at least one passive) and
``passive_per_1k`` (passives per 1,000 of their words). Findings are reported in every
sentence; an article without words scores 0.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..document import Document, Token
from ..models import Finding
from ..resources import word_list
from ..rules import Rule, rules_for
from ..tokens import fold
from .base import Context, Family, FamilyResult, make_finding

BE = frozenset(
    """
    am is are was were be been being isn't aren't wasn't weren't ain't
    i'm you're we're they're
    """.split()
)
GET = frozenset("get gets got gotten getting".split())
#: Words allowed between the auxiliary and the participle besides -ly adverbs.
ADVERBS = frozenset(
    """
    not never also still already often always just now then even soon first once ever yet
    again all both each later long so too mostly partly largely widely being been n't
    """.split()
)
#: -ly words that are not adverbs (they end the auxiliary's reach).
_NOT_ADVERBS = frozenset("family early likely unlikely ugly holy rely reply supply apply".split())
#: -ed words that are never participles.
NOT_PARTICIPLES = frozenset(
    """
    bed red shed wed fled sled bred need seed speed feed weed deed heed breed creed greed
    steed reed indeed proceed exceed succeed hundred sacred naked wicked ragged rugged
    jagged kindred crooked beloved learned aged ted ed embed
    """.split()
)
_EED_PARTICIPLES = frozenset("agreed freed guaranteed decreed refereed disagreed".split())
#: Adjectival participles that stay adjectives even with "by" after them ("located by").
LOCATIVE = frozenset("located situated based positioned".split())
MAX_GAP = 3
_MODALS = frozenset("will would can could may might must should shall to".split())
#: Words a finding's span reaches back to include before "been" / "be".
_LEAD = {"been": frozenset("has have had 's 've 'd".split()), "be": _MODALS}


@lru_cache(maxsize=1)
def irregular_participles() -> frozenset[str]:
    """Irregular past participles shipped as data."""
    return _word_list("participles_irregular.txt")


@lru_cache(maxsize=1)
def adjectival_participles() -> frozenset[str]:
    """Participles that after "be" usually describe a state, shipped as data."""
    return _word_list("participles_adjectival.txt")


@lru_cache(maxsize=1)
def feeling_participles() -> frozenset[str]:
    """Participles of feeling, adjectives even with a "by" phrase, shipped as data."""
    return _word_list("participles_feeling.txt")


def _word_list(name: str) -> frozenset[str]:
    return frozenset(w.lower() for w in word_list(f"data/{name}", per_line=True))


def _norm(word: str) -> str:
    return fold(word)


@lru_cache(maxsize=50_000)
def is_participle(word: str) -> bool:
    """True for a past participle: irregular (listed) or regular -ed (lower case input)."""
    if word in irregular_participles():
        return True
    if not word.endswith("ed") or len(word) < 4 or word in NOT_PARTICIPLES:
        return False
    if word.endswith("eed"):
        return word in _EED_PARTICIPLES
    return word[-3].isalpha() and "-" not in word


def _is_adverb(word: str) -> bool:
    return word in ADVERBS or (word.endswith("ly") and len(word) > 3 and word not in _NOT_ADVERBS)


def find_passives(doc: Document) -> list[tuple[int, int, int, str, bool, int]]:
    """(sentence, first token, last token, kind 'be'|'get', has agent, start offset) for
    every passive. The start offset is the first token's start, or the apostrophe of a
    contracted auxiliary inside the word before ("the game's been cancelled")."""
    out = []
    tokens = doc.tokens
    for s in doc.sentences:
        k = s.token_start
        while k < s.token_end:
            tok = tokens[k]
            w = _norm(tok.text)
            kind = "be" if w in BE else "get" if w in GET else ""
            if not kind:
                k += 1
                continue
            found = _participle_after(tokens, k + 1, s.token_end)
            if found < 0:
                k += 1
                continue
            part = _norm(tokens[found].text)
            agent = _agent_follows(tokens, found + 1, s.token_end)
            adjectival = part in adjectival_participles()
            feeling = part in feeling_participles()
            nxt = _norm(tokens[found + 1].text) if found + 1 < s.token_end else ""
            if feeling or (adjectival and (not agent or part in LOCATIVE)) or (
                kind == "get" and (part, "") in passive_idioms()
            ) or (part, nxt) in passive_idioms():
                k = found + 1
                continue
            first, start = k, tok.start
            if k > s.token_start:
                prev = tokens[k - 1]
                lead = _LEAD.get(w, frozenset())
                pw = _norm(prev.text)
                if pw in lead:
                    first, start = k - 1, prev.start  # "has been approved", "will be ..."
                elif prev.kind == "word" and w == "been":
                    # "the game's been cancelled", "they've been told": a contracted
                    # "has"/"have"/"had" written onto the word before
                    m = _CONTRACTED.search(pw)
                    if m:
                        first, start = k - 1, prev.start + m.start()
            out.append((s.index, first, found, kind, agent, start))
            k = found + 1
    return out


#: A contracted auxiliary at the end of a word ("game's", "they've", "she'd").
_CONTRACTED = re.compile(r"'(?:s|ve|d)$")
#: Punctuation that can set off a parenthetical between the auxiliary and the
#: participle ("was, however, fired", "was — reportedly — fired").
_PAREN_MARKS = frozenset({",", "—", "–", "("})
_PAREN_CLOSE = {",": ",", "—": "—", "–": "–", "(": ")"}
#: Words a parenthetical between auxiliary and participle may hold besides -ly adverbs.
PARENTHETICALS = frozenset(
    """
    however though therefore thus moreover meanwhile indeed instead nonetheless
    nevertheless also too again once of course in fact it seems appears say critics
    """.split()
)
MAX_PAREN = 3


def _participle_after(tokens: list[Token], j: int, end: int) -> int:
    """Index of the past participle the auxiliary before ``j`` governs, or -1: after at
    most ``MAX_GAP`` adverbs and one parenthetical set off by commas, dashes or brackets
    ("was, however, fired")."""
    gap = 0
    paren_used = False
    while j < end and gap <= MAX_GAP:
        t = tokens[j]
        if t.kind != "word":
            if t.text in _PAREN_MARKS and not paren_used:
                close = _PAREN_CLOSE[t.text]
                inner = j + 1
                while inner < end and inner - j - 1 <= MAX_PAREN and tokens[inner].kind == "word":
                    x = _norm(tokens[inner].text)
                    if not (_is_adverb(x) or x in PARENTHETICALS):
                        break
                    inner += 1
                if inner > j + 1 and inner < end and tokens[inner].text == close:
                    paren_used = True
                    j = inner + 1
                    continue
            return -1
        x = _norm(t.text)
        if x in BE and x not in ("being", "been"):
            return -1
        if is_participle(x):
            return j
        if not _is_adverb(x):
            return -1
        gap += 1
        j += 1
    return -1


def _agent_follows(tokens: list[Token], j: int, end: int) -> bool:
    """True when "by" and an actor follow the participle (after at most one adverb); a
    measure or a means after "by" ("cut by 7.6%", "sent by post") is no actor."""
    for _ in range(2):
        if j >= end or tokens[j].kind != "word":
            return False
        x = _norm(tokens[j].text)
        if x == "by":
            return not _measure_or_means(tokens, j + 1, end)
        if not _is_adverb(x):
            return False
        j += 1
    return False


def _measure_or_means(tokens: list[Token], j: int, end: int) -> bool:
    """True when the words from ``j`` are a number or start with an entry of
    ``analyser/data/by_not_agent.txt``."""
    if j >= end:
        return False
    if tokens[j].kind == "number":
        return True
    words = [_norm(t.text) for t in tokens[j : min(end, j + 3)]]
    return any(tuple(words[: len(p)]) == p for p in by_not_agent())


@lru_cache(maxsize=1)
def by_not_agent() -> tuple[tuple[str, ...], ...]:
    """Word sequences that after "by" mark a measure or a means, shipped as data."""
    return tuple(tuple(p.lower().split()) for p in word_list("data/by_not_agent.txt",
                                                              per_line=True))


@lru_cache(maxsize=1)
def passive_idioms() -> frozenset[tuple[str, str]]:
    """(participle, next word) pairs that are fixed expressions ("set to", "supposed to");
    a "get" idiom ("get started") is stored as (participle, "")."""
    pairs = [p.lower().split() for p in word_list("data/passive_idioms.txt", per_line=True)]
    return frozenset(
        {(p[0], p[1]) for p in pairs if len(p) == 2 and p[0] != "get"}
        | {(p[1], "") for p in pairs if len(p) == 2 and p[0] == "get"}
    )


@lru_cache(maxsize=1)
def _rules() -> dict[str, Rule]:
    return {r.code: r for r in rules_for("passive")}


def measure(ctx: Context) -> FamilyResult:
    """Passive-voice findings, per-sentence counts and rates over prose sentences."""
    doc = ctx.doc
    rules = _rules()
    findings: list[Finding] = []
    per_sentence = [0] * len(doc.sentences)
    for si, _a, b, kind, agent, start in find_passives(doc):
        per_sentence[si] += 1
        code = "PSV003" if kind == "get" else "PSV002" if agent else "PSV001"
        findings.append(make_finding(doc, rules[code], start, doc.tokens[b].end, sentence=si))
    prose = doc.prose_sentences
    words = sum(s.words for s in prose)
    n_passive = sum(per_sentence[s.index] for s in prose)
    with_passive = sum(1 for s in prose if per_sentence[s.index])
    scores = {
        "passive_sentence_ratio": with_passive / len(prose) if prose else 0.0,
        "passive_per_1k": 1000.0 * n_passive / words if words else 0.0,
    }
    return FamilyResult(scores=scores, findings=findings,
                        sentence_values={"passive": per_sentence})


FAMILY = Family("passive", measure)
