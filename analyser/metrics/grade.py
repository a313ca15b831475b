"""A calibrated difficulty grade for articles and sentences, and hard-sentence findings.

The classic formulas order the versions of one story well but rank different stories
poorly. ``readability_grade`` is a small linear model over length-free features of the
segmented text (the classic formulas' parts, word rarity from ``wordfreq``, the spread of
sentence lengths, clause markers), fitted on OneStopEnglish by
``benchmarks/fit_readability_grade.py`` and stored as data in
``data/readability_grade.json``: feature means and scales, weights, and a linear
calibration that maps the model's output to a US school grade. Inference is a dot
product; nothing here needs scikit-learn. See docs/readability_grade.md.

Every sentence gets a grade from a second model of the same form (the per-sentence
features, fitted on OneStopEnglish sentences) and a band (fine / hard / very hard) from
``Settings.hard_sentence_grade`` and ``Settings.very_hard_sentence_grade``. Only the
sentences that sentence statistics use (``Document.prose_sentences``: prose, or every
sentence when there is no prose) of at least :data:`MIN_BAND_WORDS` words are banded;
headings, list items, table rows and bylines in an article that has prose get a grade
but the band "fine" and no finding, since they are not sentences an editor would split.

Scores: ``readability_grade`` (0 when there are no words), ``hard_sentence_ratio``
(share of banded-eligible sentences that are hard or very hard), ``very_hard_sentence_ratio``
and ``rare_word_ratio`` (share of rated words rarer than :data:`RARE_ZIPF`).
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from typing import Any

from ..document import Document, Sentence
from ..models import Finding
from ..resources import zipf
from ..rules import Rule, rules_for
from .base import Context, Family, FamilyResult, make_finding
from .readability import Counts, count, is_familiar

#: Words rarer than this Zipf frequency (about once per million words; ``wordfreq``) are
#: "rare". Names (capitalised words not opening their sentence, and capitalised opening
#: words that are rare in lower case), hyphenated compounds and words with digits are
#: never rare: a name is not a hard word.
RARE_ZIPF = 3.0
#: Rarity of a word is ``max(0, RARITY_CEILING - zipf)``, so the commonest words score 0.
RARITY_CEILING = 7.0
#: A sentence of more than this many words counts as long (a model feature; fixed so the
#: grade does not change with house-style settings).
LONG_SENTENCE_WORDS = 25
#: A sentence of fewer than this many words counts as short.
SHORT_SENTENCE_WORDS = 10
#: Sentences shorter than this are always "fine": a short sentence of long words (a
#: headline-like line) is not one an editor would split (Hemingway Editor's rule too).
MIN_BAND_WORDS = 14
#: Grades are clamped to this range: no negative grade, and nothing beyond a doctorate
#: pretends to precision (a 500-word sentence is "very hard", not grade 190).
GRADE_MIN, GRADE_MAX = 0.0, 30.0

#: Words that open a subordinate or relative clause. "that" is left out: it is as often a
#: determiner or a complementiser that adds no nesting.
SUBORDINATORS = frozenset(
    """
    which who whom whose whereas although though because unless whereby wherein
    while whilst whenever wherever whether if when where
    """.split()
)
_DASHES = frozenset("–—")  # en and em dash as parenthetical marks
_CLAUSE_PUNCT = frozenset(";:(") | _DASHES

BANDS = ("fine", "hard", "very hard")


@dataclass
class Stats:
    """Additive counts over one or more sentences (everything the features need)."""

    sentences: int = 0
    counts: Counts = field(default_factory=lambda: Counts(0, 0, 0, 0, 0, 0, 0, 0))
    long_words: int = 0
    rated: int = 0  # words rated for rarity (not names, not numbers)
    rarity: float = 0.0
    rare: int = 0
    commas: int = 0
    clause_marks: int = 0
    subordinators: int = 0
    long_sentences: int = 0
    short_sentences: int = 0
    lengths: list[int] = field(default_factory=list)
    rare_words: list[str] = field(default_factory=list)

    def add(self, other: Stats) -> None:
        """Add another set of sentences' counts to these (rare word examples are not kept)."""
        self.sentences += other.sentences
        c, o = self.counts, other.counts
        self.counts = Counts(
            c.sentences + o.sentences, c.words + o.words, c.syllables + o.syllables,
            c.polysyllables + o.polysyllables, c.complex_words + o.complex_words,
            c.letters + o.letters, c.difficult_words + o.difficult_words,
            c.hard_linsear + o.hard_linsear,
        )
        self.long_words += other.long_words
        self.rated += other.rated
        self.rarity += other.rarity
        self.rare += other.rare
        self.commas += other.commas
        self.clause_marks += other.clause_marks
        self.subordinators += other.subordinators
        self.long_sentences += other.long_sentences
        self.short_sentences += other.short_sentences
        self.lengths.extend(other.lengths)

    @property
    def clauses(self) -> int:
        """Estimated clauses: one, plus each subordinator and clause-marking punctuation."""
        return self.sentences + self.subordinators + self.clause_marks


_HAS_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=200_000)
def _word_info(text: str) -> tuple[bool, bool, bool, float, bool]:
    """(subordinator, capitalised, rated, rarity, rare) for one word token (cached)."""
    low = text.lower()
    capital = text[:1].isupper()
    if _HAS_DIGIT.search(text):
        return False, capital, False, 0.0, False
    z = zipf(low)
    rare = z < RARE_ZIPF and "-" not in low
    return low in SUBORDINATORS, capital, True, max(0.0, RARITY_CEILING - z), rare


def sentence_stats(doc: Document, s: Sentence) -> Stats:
    """Counts for one sentence."""
    st = Stats(sentences=1, counts=count(doc, [s]), long_words=s.long_words)
    first = True
    tokens = doc.tokens
    for k in range(s.token_start, s.token_end):
        tok = tokens[k]
        kind = tok.kind
        if kind == "punct":
            text = tok.text
            if text == ",":
                st.commas += 1
            elif text in _CLAUSE_PUNCT:
                st.clause_marks += 1
            continue
        was_first, first = first, False
        if kind != "word":
            continue
        sub, capital, rated, rarity, rare = _word_info(tok.text)
        if sub:
            st.subordinators += 1
        if not rated or (capital and (not was_first or rare)):
            continue  # a number-like word, or a name (a rare capitalised first word too)
        st.rated += 1
        st.rarity += rarity
        if rare:
            st.rare += 1
            st.rare_words.append(tok.text)
    st.long_sentences = int(s.words > LONG_SENTENCE_WORDS)
    st.short_sentences = int(s.words < SHORT_SENTENCE_WORDS)
    st.lengths.append(s.words)
    return st


def _ratio(a: float, b: float) -> float:
    return a / b if b else 0.0


def mean_difference(values: list[int]) -> float:
    """Gini mean difference: the mean |a - b| over pairs of different items (0 for < 2).

    Unlike the standard deviation, it is an unbiased estimate for any sample size, so a
    short article's sentence-length spread is not systematically smaller than a long one's.
    """
    n = len(values)
    if n < 2:
        return 0.0
    total = 0.0
    for i, v in enumerate(sorted(values)):
        total += (2 * i - n + 1) * v
    return 2.0 * total / (n * (n - 1))


def features(st: Stats) -> dict[str, float]:
    """The model's features for a set of sentences: means and shares, none grows with length.

    Zero words gives all zeros. ``sentence_length_spread`` of a single sentence is 0.
    """
    c = st.counts
    words, n = c.words, st.sentences
    if words == 0 or n == 0:
        return {name: 0.0 for name in FEATURES}
    wps = words / n
    return {
        "words_per_sentence": wps,
        "syllables_per_word": c.syllables / words,
        "letters_per_word": c.letters / words,
        "polysyllable_ratio": c.polysyllables / words,
        "long_word_ratio": st.long_words / words,
        "difficult_word_ratio": c.difficult_words / words,
        "rare_word_ratio": _ratio(st.rare, st.rated),
        "mean_word_rarity": _ratio(st.rarity, st.rated),
        "sentence_length_spread": mean_difference(st.lengths),
        "long_sentence_ratio": st.long_sentences / n,
        "short_sentence_ratio": st.short_sentences / n,
        "commas_per_sentence": st.commas / n,
        "clauses_per_sentence": st.clauses / n,
        "subordinators_per_sentence": st.subordinators / n,
    }


#: Every feature :func:`features` can compute (the model uses those named in its JSON).
FEATURES: tuple[str, ...] = (
    "words_per_sentence", "syllables_per_word", "letters_per_word", "polysyllable_ratio",
    "long_word_ratio", "difficult_word_ratio", "rare_word_ratio", "mean_word_rarity",
    "sentence_length_spread", "long_sentence_ratio", "short_sentence_ratio",
    "commas_per_sentence", "clauses_per_sentence", "subordinators_per_sentence",
)


@lru_cache(maxsize=1)
def model() -> dict[str, Any]:
    """The fitted models ("document", "sentence"): features, means, scales, weights,
    calibration, and provenance."""
    text = files("analyser.metrics").joinpath("data/readability_grade.json").read_text("utf-8")
    return json.loads(text)


def score(feats: dict[str, float], m: dict[str, Any]) -> float:
    """A model's raw output ``z``: weights · standardised features."""
    z = 0.0
    for name, mean, scale, w in zip(m["features"], m["means"], m["scales"], m["weights"],
                                    strict=True):
        z += w * (feats[name] - mean) / scale
    return z


def to_grade(z: float, m: dict[str, Any]) -> float:
    """Map a model's output to a US grade with its stored calibration, clamped."""
    cal = m["calibration"]
    g = cal["intercept"] + cal["slope"] * z
    if not math.isfinite(g):
        return GRADE_MIN
    return min(GRADE_MAX, max(GRADE_MIN, g))


def grade_of(st: Stats, *, sentence: bool = False) -> float:
    """US grade of a set of sentences with the document model, or of one sentence with the
    sentence model. 0 when there are no words."""
    if st.counts.words == 0:
        return GRADE_MIN
    m = model()["sentence" if sentence else "document"]
    return to_grade(score(features(st), m), m)


def band(grade: float, hard: float, very_hard: float, words: int = MIN_BAND_WORDS) -> str:
    """'fine', 'hard' (grade >= hard) or 'very hard' (grade >= very_hard); a sentence of
    fewer than :data:`MIN_BAND_WORDS` words is always 'fine'."""
    if words < MIN_BAND_WORDS:
        return "fine"
    if grade >= very_hard:
        return "very hard"
    if grade >= hard:
        return "hard"
    return "fine"


def unfamiliar_words(doc: Document, s: Sentence) -> list[str]:
    """The sentence's words off the Dale–Chall list of familiar words, as the
    ``difficult_word_ratio`` feature counts them (names after the first word are not)."""
    out = []
    first = True
    for k in range(s.token_start, s.token_end):
        tok = doc.tokens[k]
        if tok.kind == "punct":
            continue
        proper = tok.text[:1].isupper() and not first
        first = False
        if tok.kind == "word" and not proper and not is_familiar(tok.text.lower()):
            out.append(tok.text)
    return out


def _feature_mean(name: str) -> float:
    m = model()["sentence"]
    return dict(zip(m["features"], m["means"], strict=True)).get(name, 0.0)


def _reasons(st: Stats, s: Sentence, doc: Document | None = None) -> str:
    """What makes a sentence hard: its length, then the word-level features that push its
    grade up (unfamiliar words when their share is above the model's mean, the second
    largest weight of the sentence model after length; rare words), clauses, long words."""
    parts = [f"{s.words} words"]
    if doc is not None and s.words:
        unfamiliar = unfamiliar_words(doc, s)
        if unfamiliar and len(unfamiliar) / s.words > _feature_mean("difficult_word_ratio"):
            rare = {w.lower() for w in st.rare_words}
            examples = [w for w in dict.fromkeys(unfamiliar) if w.lower() not in rare]
            examples = examples or list(dict.fromkeys(unfamiliar))
            shown = ", ".join(f"‘{w}’" for w in examples[:2])
            more = "…" if len(unfamiliar) > 2 else ""
            n = len(unfamiliar)
            parts.append(f"{n} unfamiliar word{'s' if n != 1 else ''} ({shown}{more})")
    if st.rare:
        shown = ", ".join(f"‘{w}’" for w in st.rare_words[:2])
        more = "…" if st.rare > 2 else ""
        parts.append(f"{st.rare} rare word{'s' if st.rare != 1 else ''} ({shown}{more})")
    if st.clauses > 1:
        parts.append(f"{st.clauses} clauses")
    if st.counts.polysyllables >= 4:
        parts.append(f"{st.counts.polysyllables} words of 3+ syllables")
    return ", ".join(parts)


@lru_cache(maxsize=1)
def _rules() -> dict[str, Rule]:
    return {r.code: r for r in rules_for("grade")}


def measure(ctx: Context) -> FamilyResult:
    """Article grade, per-sentence grades and bands, and hard-sentence findings."""
    doc = ctx.doc
    hard = float(ctx.settings.hard_sentence_grade)
    very_hard = float(ctx.settings.very_hard_sentence_grade)
    banded = {s.index for s in doc.prose_sentences}
    total = Stats()
    grades: list[float] = []
    bands: list[str] = []
    findings: list[Finding] = []
    n_hard = n_very = 0
    for s in doc.sentences:
        st = sentence_stats(doc, s)
        g = round(grade_of(st, sentence=True), 2)
        grades.append(g)
        if s.index not in banded:
            bands.append("fine")
            continue
        total.add(st)
        b = band(g, hard, very_hard, s.words)
        bands.append(b)
        if b == "fine":
            continue
        n_hard += 1  # hard or worse
        n_very += b == "very hard"
        rule = _rules()["HRD002" if b == "very hard" else "HRD001"]
        findings.append(make_finding(doc, rule, s.start, s.end, sentence=s.index,
                                     grade=f"{g:.0f}", reasons=_reasons(st, s, doc)))
    n = len(banded)
    scores = {
        "readability_grade": round(grade_of(total), 2),
        "hard_sentence_ratio": _ratio(n_hard, n),
        "very_hard_sentence_ratio": _ratio(n_very, n),
        "rare_word_ratio": _ratio(total.rare, total.rated),
    }
    return FamilyResult(
        scores=scores,
        findings=findings,
        sentence_values={"sentence_grade": grades, "sentence_band": bands},
    )


FAMILY = Family("grade", measure)
