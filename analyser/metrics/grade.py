"""A calibrated difficulty grade for articles and sentences, and hard-sentence findings.

The classic formulas order the versions of one story well but rank different texts
poorly. ``readability_grade`` is a linear model over length-free features of the
segmented text (word rarity from ``wordfreq`` and familiarity from the Dale–Chall list,
word and sentence length and their spread, names, nominal words, pronouns, dialogue, …),
fitted on human judgements of difficulty (CLEAR-dev, with OneStopEnglish's level order as
a second objective) by ``benchmarks/fit_readability_grade.py`` and stored as data in
``data/readability_grade.json``: feature means and scales, weights, and a linear
calibration that maps the model's output to a US school grade (equated with CLEAR's
Lexile bands read through the Common Core grade bands). Inference is a dot product;
nothing here needs scikit-learn. The document grade reads the prose sentences that are
not catalogues (:func:`is_catalogue`: line-ups, lists of names). See
docs/readability_grade.md.

Every sentence gets a grade from a separate sentence model (``data/sentence_grade.json``,
fitted by ``benchmarks/fit_sentence_grade.py``): a linear model of how hard a general adult
newspaper reader finds the sentence (1-5, fitted on sentence ratings) over counts in the
sentence (words, unfamiliar and rare words, subordinators, asides, figures) and syllables
per word; its output is put on the grade scale by a line calibrated so that an article's
mean sentence grade tracks its ``readability_grade``, and bent towards :data:`GRADE_MAX`
(never reaching it for ordinary sentences) by :func:`saturate`. A band (fine / hard / very
hard) comes from ``Settings.hard_sentence_grade`` and ``Settings.very_hard_sentence_grade``.
Only the sentences that sentence statistics use (``Document.prose_sentences``: prose, or
every sentence when there is no prose) of at least :data:`MIN_BAND_WORDS` words are banded;
headings, list items, table rows and bylines in an article that has prose, and catalogue
sentences (:func:`is_catalogue`: a line-up read as one sentence), get a grade but the band
"fine" and no finding, since they are not sentences an editor would split; catalogues are
left out of the hard-sentence shares too.
A finding says why (length and the features that lift the grade most) and where the
sentence could be split (:func:`split_point`).

Scores: ``readability_grade`` (0 when there are no words), ``hard_sentence_ratio``
(share of banded-eligible sentences that are hard or very hard), ``very_hard_sentence_ratio``
and ``rare_word_ratio`` (share of rated words rarer than :data:`RARE_ZIPF`).
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from importlib.resources import files
from typing import Any

from ..document import Sentence
from ..models import Finding
from ..resources import zipf
from ..rules import Rule, rules_for
from .base import Context, Family, FamilyResult, make_finding
from .grade_stats import (  # noqa: F401 - re-exported: the counts and features live there
    CATALOGUE_MIN_WORDS,
    CATALOGUE_SHARE,
    FEATURES,
    LONG_SENTENCE_WORDS,
    RARE_ZIPF,
    RARITY_CEILING,
    SHORT_SENTENCE_WORDS,
    SUBORDINATORS,
    Stats,
    _ratio,
    _word_info,
    article_names,
    document_stats,
    features,
    is_catalogue,
    mean_difference,
    sentence_stats,
)
from .grade_words import (  # noqa: F401 - re-exported: grade.mattr, grade.UNCOMMON_ZIPF, ...
    MATTR_WINDOW,
    NOMINAL_MIN_LETTERS,
    NOMINAL_SUFFIXES,
    UNCOMMON_ZIPF,
    VERY_RARE_ZIPF,
    WORD_CLASSES,
    length_sd,
    mattr,
    word_extra,
)
from .split import split_point

#: Sentences shorter than this are always "fine": a short sentence of long words (a
#: headline-like line) is not one an editor would split (Hemingway Editor's rule too).
MIN_BAND_WORDS = 14
#: Grades are clamped to this range: no negative grade, and nothing beyond a doctorate
#: pretends to precision (a 500-word sentence is "very hard", not grade 190).
GRADE_MIN, GRADE_MAX = 0.0, 30.0

BANDS = ("fine", "hard", "very hard")


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
    sentence model (:func:`sentence_grade`). 0 when there are no words."""
    if sentence:
        return sentence_grade(st)
    if st.counts.words == 0:
        return GRADE_MIN
    m = model()["document"]
    return to_grade(score(features(st), m), m)


# -- the sentence model -------------------------------------------------------------------

#: Every feature :func:`sentence_features` computes: counts over one sentence (a sentence's
#: difficulty grows with what it holds), except syllables per word.
SENTENCE_FEATURES: tuple[str, ...] = (
    "words", "unfamiliar_words", "rare_words", "syllables_per_word", "subordinators",
    "clause_marks", "commas", "numbers",
)
#: Sentence grades rise one for one up to here, then bend towards :data:`GRADE_MAX` without
#: reaching it, so that a run-on list of 140 words still ranks above a 60-word sentence and
#: no ordinary sentence sits at the cap.
SENTENCE_GRADE_KNEE = 20.0


def sentence_features(st: Stats) -> dict[str, float]:
    """The sentence model's features for one sentence: counts, and syllables per word."""
    words = st.counts.words
    return {
        "words": float(words),
        "unfamiliar_words": float(st.unfamiliar),
        "rare_words": float(st.rare),
        # of every word, as the classic formulas count them: leaving names out fitted
        # the tune ratings worse (see docs/readability_grade.md)
        "syllables_per_word": st.counts.syllables / words if words else 0.0,
        "subordinators": float(st.subordinators),
        "clause_marks": float(st.clause_marks),
        "commas": float(st.commas),
        "numbers": float(st.numbers),
    }


@lru_cache(maxsize=1)
def sentence_model() -> dict[str, Any]:
    """The sentence model (``data/sentence_grade.json``): features, means, scales, weights
    and intercept of the rating model, the grade calibration, and provenance."""
    text = files("analyser.metrics").joinpath("data/sentence_grade.json").read_text("utf-8")
    return json.loads(text)


def predicted_rating(st: Stats) -> float:
    """The sentence's expected difficulty rating on the 1-5 scale of the rating guide
    (docs/annotation/sentence_difficulty.md); unbounded, as a linear model is."""
    m = sentence_model()
    return m["intercept"] + score(sentence_features(st), m)


def saturate(g: float) -> float:
    """Linear up to :data:`SENTENCE_GRADE_KNEE`, then a tanh bend towards :data:`GRADE_MAX`
    (slope 1 at the knee, so the curve is smooth); never below :data:`GRADE_MIN`."""
    if not math.isfinite(g):
        return GRADE_MAX if g > 0 else GRADE_MIN
    if g <= SENTENCE_GRADE_KNEE:
        return max(GRADE_MIN, g)
    span = GRADE_MAX - SENTENCE_GRADE_KNEE
    return SENTENCE_GRADE_KNEE + span * math.tanh((g - SENTENCE_GRADE_KNEE) / span)


def sentence_grade(st: Stats) -> float:
    """US grade of one sentence: its predicted rating through the stored linear
    calibration, bent by :func:`saturate`. 0 when there are no words."""
    if st.counts.words == 0:
        return GRADE_MIN
    cal = sentence_model()["calibration"]
    return saturate(cal["intercept"] + cal["slope"] * predicted_rating(st))


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


def _examples(words: list[str], first: list[str], n: int = 2) -> str:
    """Up to ``n`` distinct words, those in ``first`` before the others, then the rarest
    first, quoted."""
    seen = list(dict.fromkeys(words))
    lead = {w.lower() for w in first}
    seen.sort(key=lambda w: (w.lower() not in lead, zipf(w.lower())))
    more = "…" if len(seen) > n else ""
    return ", ".join(f"‘{w}’" for w in seen[:n]) + more


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


#: How each sentence feature reads in a finding's reasons (words is always said first).
_REASON = {
    "unfamiliar_words": lambda st: _plural(st.unfamiliar, "unfamiliar word")
    + f" ({_examples(st.unfamiliar_words, st.rare_words)})",
    "rare_words": lambda st: _plural(st.rare, "rare word")
    + f" ({_examples(st.rare_words, [])})",
    "syllables_per_word": lambda st: "long words",
    "subordinators": lambda st: _plural(st.subordinators, "subordinate clause"),
    "clause_marks": lambda st: _plural(st.clause_marks, "aside") + " (dashes, brackets, colons)",
    "commas": lambda st: _plural(st.commas, "comma"),
    "numbers": lambda st: _plural(st.numbers, "figure"),
}


def _reasons(st: Stats, s: Sentence) -> str:
    """What makes a sentence hard: its length, then up to three other features that push its
    predicted rating up the most (those above the model's mean, by weight times distance)."""
    m = sentence_model()
    feats = sentence_features(st)
    push = []
    for name, mean, scale, w in zip(m["features"], m["means"], m["scales"], m["weights"],
                                    strict=True):
        lift = w * (feats[name] - mean) / scale
        if name != "words" and lift > 0:
            push.append((lift, name))
    names = [name for _, name in sorted(push, reverse=True)[:3]]
    if "rare_words" in names and "unfamiliar_words" in names:  # rare ones are a subset
        names.remove("rare_words")
        names.insert(names.index("unfamiliar_words") + 1, "rare_words")
    parts = [f"{s.words} words"]
    for name in names:
        if name == "rare_words" and "unfamiliar_words" in names:
            parts.append(f"{st.rare} of them rare")  # the examples are already shown
        else:
            parts.append(_REASON[name](st))
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
    prose_stats: list[Stats] = []
    grades: list[float] = []
    bands: list[str] = []
    findings: list[Finding] = []
    n_hard = n_very = n_catalogue = 0
    names = article_names(doc)
    for s in doc.sentences:
        st = sentence_stats(doc, s, names)
        g = round(grade_of(st, sentence=True), 2)
        grades.append(g)
        if s.index not in banded:
            bands.append("fine")
            continue
        prose_stats.append(st)
        if is_catalogue(st):
            # A line-up or list of names read as one sentence: not one an editor splits.
            bands.append("fine")
            n_catalogue += 1
            continue
        b = band(g, hard, very_hard, s.words)
        bands.append(b)
        if b == "fine":
            continue
        n_hard += 1  # hard or worse
        n_very += b == "very hard"
        rule = _rules()["HRD002" if b == "very hard" else "HRD001"]
        where = split_point(doc, s)
        findings.append(make_finding(doc, rule, s.start, s.end, sentence=s.index,
                                     grade=f"{g:.0f}", reasons=_reasons(st, s),
                                     split=f" at ‘{where}’" if where else ""))
    n = len(banded) - n_catalogue
    total = document_stats(doc, prose_stats)
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
