"""The in-article decision: does a later prose sentence say again what an earlier one said?

Two steps, for a pair (earlier ``a``, later ``b``):

1. **The fact guard** (:func:`changes_a_fact`), a rule, not a weight: ``b`` is not a
   restatement when it carries a number ``a`` does not while ``a`` has numbers of its own
   ("15 shelters" after "12 shelters"; "19 to 21 July" after "12 to 14 July"), names
   ``a`` lacks while ``a`` has names ``b`` lacks ("Dr Hall" after "Dr Yusuf"; "Greece"
   after "Italy"; "Tuesdays" after "Mondays"), or the antonym of one of ``a``'s words
   ("lost" after "won", "fell" after "rose").
2. **A logistic model** over :data:`FEATURES`, fitted on the ``tune`` part of the
   annotated set (``benchmarks/restatement_set.py --fit`` redoes it): how much of each
   sentence the other covers by content words, and by content words *or WordNet
   concepts* (:mod:`.concepts`: "shut" meets "close", "jobless" meets "unemployed"),
   the paraphrase model's logit (:mod:`.model`, fitted on MRPC), whether ``b`` opens like
   a summary ("In short", "Put simply": ``data/restatement_openers.txt``), whether one of
   the two is a quotation and the other not (a writer's paraphrase of a quote), the
   distance between them and ``b``'s length. ``b`` restates ``a`` from probability
   ``THRESHOLD``; the probability is calibrated on whole articles (every earlier prose
   sentence a candidate), so the threshold means the same in any article.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from operator import mul

from ...resources import word_list
from .concepts import antonym_table, concepts_of
from .model import lexical_scores
from .terms import Terms

FEATURES = ("cover_b", "cover_b_concepts", "cover_a", "cover_a_concepts", "mrpc_logit",
            "opener", "quote_mismatch", "log_gap", "length_b", "lead_a", "last_b",
            "length_ratio")
#: Logistic weights of FEATURES and bias (fitted on the tune part: see the docstring).
#: C = 10: the best five-fold F1 on the tune part among precisions of 0.85 or more.
WEIGHTS = (0.140, 2.385, 0.395, 1.782, 5.202, 2.128, 0.627, -0.851, -0.157, 1.065, 1.122,
           0.279)
BIAS = -3.767
THRESHOLD = 0.5
#: A pair where neither sentence covers this share of the other (by content words or
#: concepts) is not judged; and each sentence is judged against at most MAX_CANDIDATES
#: earlier ones, those sharing the most term and concept weight.
MIN_COVER = 0.15
MAX_CANDIDATES = 6
#: A sentence of a recap section (under a heading such as "Key points", "Summary",
#: "FAQ": ``data/recap_headings.txt``; flag ``RECAP``, set by the caller) restates from
#: this lower probability: such a section repeats the body by design.
RECAP_THRESHOLD = 0.1
#: Per-sentence flags (:func:`sentence_flags`; LEAD and LAST, the article's first and last
#: ``EDGE`` prose sentences, are set by the caller, which knows the article).
QUOTED, OPENER, LEAD, LAST, HEADLINE, RECAP = 1, 2, 4, 8, 16, 32
EDGE = 2
_QUOTE = re.compile("[\"“”]")
_STOP = re.compile("[.!?…][\"'”’)]*\\s*$")
_LEAD = re.compile(r"[\W_]*([a-z' ]+?)\s*(?:[,:;.!?—–-]|$)")


@lru_cache(maxsize=1)
def _openers() -> frozenset[str]:
    return frozenset(w.lower() for w in word_list("metrics/data/restatement_openers.txt",
                                                  per_line=True))


@lru_cache(maxsize=1)
def _recap_headings() -> frozenset[str]:
    return frozenset(w.lower() for w in word_list("metrics/data/recap_headings.txt",
                                                  per_line=True))


def is_recap_heading(text: str) -> bool:
    """Is a heading's text one that opens a recap section ("Key Points", "FAQ")?"""
    return " ".join(re.sub(r"[^\w;' ]+", " ", text.lower()).split()) in _recap_headings()


def is_headline(text: str) -> bool:
    """Does the text not end like a sentence (no final stop: a title or label line)?"""
    return not _STOP.search(text)


def sentence_flags(text: str) -> int:
    """``QUOTED`` when the sentence holds a quotation mark, ``OPENER`` when it opens like
    a summary ("In short, ...", "The bottom line: ..."), ``HEADLINE`` when it does not
    end like a sentence (a title line read as prose)."""
    flags = QUOTED if _QUOTE.search(text) else 0
    if not _STOP.search(text):
        flags |= HEADLINE
    m = _LEAD.match(text[:40].lower())
    if m and m.group(1).strip() in _openers():
        flags |= OPENER
    return flags


class ConceptCache:
    """The WordNet concepts of each sentence's guard terms and the antonyms of its content
    terms, built once per sentence."""

    #: Sentences whose concepts are kept (the search reads a sentence and its recent
    #: candidates; older ones are built again when read again).
    KEEP = 512

    def __init__(self) -> None:
        self._built: dict[int, tuple[Terms, frozenset[int], tuple]] = {}
        self._opposite: dict[int, tuple[Terms, frozenset[str]]] = {}

    def antonyms(self, t: Terms) -> frozenset[str]:
        """The antonyms of ``t``'s content terms."""
        hit = self._opposite.get(id(t))
        if hit is not None and hit[0] is t:
            return hit[1]
        out: set[str] = set()
        table = antonym_table()  # read once here, not once per term
        for term in t.weights:
            opp_of = table.get(term)
            if opp_of:
                out.update(opp_of)
        opp = frozenset(out)
        if len(self._opposite) >= self.KEEP:
            self._opposite.clear()
        self._opposite[id(t)] = (t, opp)
        return opp

    def of_terms(self, t: Terms) -> frozenset[int]:
        """Every concept of some guard term of ``t``."""
        return self._guard_concepts(t)[1]

    def guard_items(self, t: Terms) -> tuple[tuple[str, float, frozenset[int]], ...]:
        """``t``'s guard terms in order, each with its weight and its concepts (looked up
        once per sentence, not once per pair it is judged in)."""
        return self._guard_concepts(t)[2]

    def _guard_concepts(self, t: Terms) -> tuple[Terms, frozenset[int], tuple]:
        hit = self._built.get(id(t))
        if hit is not None and hit[0] is t:
            return hit
        items = tuple((term, w, concepts_of(term)) for term, w in t.guard.items())
        out: set[int] = set()
        for _, _, c in items:
            out.update(c)
        built = (t, frozenset(out), items)
        if len(self._built) >= self.KEEP:
            self._built.clear()
        self._built[id(t)] = built
        return built


def changes_a_fact(a: Terms, b: Terms, cache: ConceptCache | None = None) -> bool:
    """Does ``b`` carry a different number, name or outcome than ``a`` (see above)?"""
    if a.numbers and b.numbers - a.numbers:
        return True
    names_a, names_b = set(a.names), set(b.names)
    if names_a and names_b and (names_b - names_a - a.weights.keys()) \
            and (names_a - names_b - b.weights.keys()):
        return True
    opposite = (cache or ConceptCache()).antonyms(b)
    return bool(opposite) and any(o in a.weights and o not in b.weights for o in opposite)


def edge_flags(eligible: list[bool]) -> list[int]:
    """``LEAD`` on the first ``EDGE`` eligible sentences, ``LAST`` on the last ``EDGE``."""
    where = [k for k, ok in enumerate(eligible) if ok]
    out = [0] * len(eligible)
    for k in where[:EDGE]:
        out[k] |= LEAD
    for k in where[-EDGE:]:
        out[k] |= LAST
    return out


def _cover(x: Terms, y: Terms, ycon: frozenset[int],
           xitems: tuple[tuple[str, float, frozenset[int]], ...]) -> tuple[float, float]:
    """(share of ``x``'s guard weight that ``y`` has, the same counting words that share
    a concept (``ycon``: the concepts of ``y``'s guard terms) with one of ``y``'s);
    ``xitems``: ``x``'s guard terms with weights and concepts (ConceptCache.guard_items)."""
    gy = y.guard
    total = x.guard_total
    if not total:
        return 0.0, 0.0
    same = near = 0.0
    for t, w, cons in xitems:
        if t in gy:
            same += w
        elif ycon and not ycon.isdisjoint(cons):
            near += w
    return same / total, (same + near) / total


def features(a: Terms, b: Terms, flags_a: int, flags_b: int, gap: int,
             cache: ConceptCache | None = None) -> tuple[float, ...] | None:
    """The values of :data:`FEATURES` for earlier sentence ``a`` and later ``b``; None
    when neither covers ``MIN_COVER`` of the other, even by concepts (such a pair is
    never a restatement: the paraphrase model is not asked)."""
    cache = cache or ConceptCache()
    con, items = cache.of_terms, cache.guard_items
    cb, cb2 = _cover(b, a, con(a), items(b))
    ca, ca2 = _cover(a, b, con(b), items(a))
    if max(cb2, ca2) < MIN_COVER:
        return None
    z = lexical_scores(a, b)[0]
    return (cb, cb2, ca, ca2, max(-10.0, min(10.0, z)) / 10.0,
            1.0 if flags_b & OPENER else 0.0,
            1.0 if (flags_a ^ flags_b) & QUOTED else 0.0,
            math.log1p(max(gap, 1)) / 3.0, min(len(b.stems), 40) / 40.0,
            1.0 if flags_a & LEAD else 0.0, 1.0 if flags_b & LAST else 0.0,
            math.log((len(b.stems) + 1) / (len(a.stems) + 1)))


def probability(values: tuple[float, ...]) -> float:
    """The fitted model's probability that the later sentence restates the earlier."""
    z = BIAS + sum(map(mul, WEIGHTS, values))  # in order, as a generator would add them
    return 1.0 / (1.0 + math.exp(-z)) if z > -50 else 0.0
