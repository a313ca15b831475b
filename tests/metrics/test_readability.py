"""The classic formulas pinned on hand-counted texts, and checked against textstat."""

from __future__ import annotations

import math

import pytest

from analyser.document import MAX_SENTENCE_WORDS, parse
from analyser.metrics import readability, run_family
from analyser.metrics.readability import count, formulas

# Two sentences, counted by hand (syllables from CMUdict, as textstat counts them):
#   "Government officials announced a new policy yesterday."
#     Gov-ern-ment 3, of-fi-cials 3, an-nounced 2, a 1, new 1, pol-i-cy 3, yes-ter-day 3
#     -> 7 words, 16 syllables; letters 10+9+9+1+3+6+9 = 47
#   "The plan will help many families."
#     the 1, plan 1, will 1, help 1, ma-ny 2, fam-i-lies 3 -> 6 words, 9 syllables;
#     letters 3+4+4+4+4+8 = 27
# Totals: 2 sentences, 13 words, 25 syllables, 74 letters.
# 3+ syllables: government, officials, policy, yesterday, families = 5 (none is a proper
# noun: "Government" opens its sentence; none is hyphenated) -> Gunning complex 5,
# Linsear hard 5, SMOG polysyllables 5.
# Not on the Dale-Chall list (nor a regular inflection of a listed word): officials,
# announced, policy = 3 difficult words ("families" is "family" + -ies).
TEXT = "Government officials announced a new policy yesterday. The plan will help many families."
WPS = 13 / 2
SPW = 25 / 13


@pytest.fixture(scope="module")
def scores() -> dict[str, float]:
    doc = parse(TEXT)
    c = count(doc, doc.prose_sentences)
    assert (c.sentences, c.words, c.syllables, c.letters) == (2, 13, 25, 74)
    assert (c.polysyllables, c.complex_words, c.hard_linsear, c.difficult_words) == (5, 5, 5, 3)
    return formulas(c)


def test_flesch_reading_ease(scores):
    assert scores["flesch_reading_ease"] == pytest.approx(206.835 - 1.015 * WPS - 84.6 * SPW)
    assert scores["flesch_reading_ease"] == pytest.approx(37.545, abs=1e-3)


def test_flesch_kincaid_grade(scores):
    assert scores["flesch_kincaid_grade"] == pytest.approx(0.39 * WPS + 11.8 * SPW - 15.59)
    assert scores["flesch_kincaid_grade"] == pytest.approx(9.637, abs=1e-3)


def test_gunning_fog(scores):
    # 0.4 * (6.5 + 100 * 5/13) = 0.4 * 44.9615
    assert scores["gunning_fog"] == pytest.approx(17.985, abs=1e-3)


def test_smog(scores):
    # 1.043 * sqrt(5 * 30 / 2) + 3.1291 = 1.043 * 8.66025 + 3.1291
    assert scores["smog_index"] == pytest.approx(1.043 * math.sqrt(75) + 3.1291)
    assert scores["smog_index"] == pytest.approx(12.162, abs=1e-3)


def test_coleman_liau(scores):
    # L = 100 * 74/13 = 569.23 letters per 100 words; S = 100 * 2/13 = 15.385
    # 0.0588 * 569.23 - 0.296 * 15.385 - 15.8
    assert scores["coleman_liau_index"] == pytest.approx(13.117, abs=1e-3)


def test_ari(scores):
    # 4.71 * 74/13 + 0.5 * 6.5 - 21.43
    assert scores["automated_readability_index"] == pytest.approx(8.631, abs=1e-3)


def test_dale_chall(scores):
    # 3 difficult of 13 = 23.08 % (> 5 %, so + 3.6365): 0.1579 * 23.077 + 0.0496 * 6.5 + 3.6365
    assert scores["dale_chall"] == pytest.approx(7.6027, abs=1e-3)
    assert scores["dale_chall_grade"] == 9.5  # 7.0-7.9 -> grades 9-10


def test_linsear_write(scores):
    # (8 easy * 1 + 5 hard * 3) / 2 sentences = 11.5 <= 20 -> (11.5 - 2) / 2
    assert scores["linsear_write"] == pytest.approx(4.75)


def test_consensus_is_median_of_grades(scores):
    grades = sorted(scores[n] for n in readability.GRADE_FORMULAS)
    assert scores["consensus_grade"] == grades[len(grades) // 2]


def test_empty_and_tiny_texts_are_finite():
    for text in ("", "   ", "1 2 3", "Yes.", "!!!"):
        doc = parse(text)
        result = run_family(readability.FAMILY, doc)
        for name, value in result.scores.items():
            assert math.isfinite(value), (text, name)


# Ordinary prose with no abbreviations, numbers, apostrophes, hyphens or sentences of two
# words or fewer: textstat's own counting is right here, so its Flesch values and ours agree.
PLAIN = [
    "The government announced a new plan for the railways on Monday. Ministers said the money "
    "would pay for faster trains and better stations across the country. Passengers have "
    "complained for years about delays and crowded carriages. The opposition said the plan "
    "came too late and would not solve the problems.",
    "Scientists have found a new species of frog in the mountains of Peru. The tiny animal "
    "lives under rocks near cold streams and is active at night. Researchers spent three "
    "months searching the forest before they saw the first one. They believe the population "
    "is small and could be threatened by mining in the region.",
    "The festival will return to the park this summer after a break of two years. Organisers "
    "expect more than forty thousand people to attend over the weekend. Tickets went on sale "
    "this morning and many were sold within an hour. Local residents have asked for stricter "
    "rules on noise and parking.",
]


@pytest.mark.parametrize("text", PLAIN)
def test_flesch_matches_textstat(text):
    from analyser.resources import ensure_nltk_cmudict

    ensure_nltk_cmudict()  # so textstat never tries to download CMUdict
    textstat = pytest.importorskip("textstat")
    doc = parse(text)
    ours = formulas(count(doc, doc.prose_sentences))
    assert ours["flesch_reading_ease"] == pytest.approx(textstat.flesch_reading_ease(text), abs=0.5)
    assert ours["flesch_kincaid_grade"] == pytest.approx(
        textstat.flesch_kincaid_grade(text), abs=0.5
    )


def test_every_formula_is_given_per_sentence():
    from analyser import analyse_text
    from analyser.metrics.readability import SENTENCE_FORMULAS, count, formulas

    a = analyse_text("The cat sat on the mat. Extraordinarily complicated arrangements "
                     "proliferated throughout the institutional landscape.")
    from analyser.document import parse

    doc = parse(a.text)
    for s, row in zip(doc.sentences, a.sentences, strict=True):
        expected = formulas(count(doc, [s]))
        for name in SENTENCE_FORMULAS:
            assert row[name] == pytest.approx(expected[name]), name
    easy, hard = a.sentences
    assert easy["flesch_kincaid_grade"] < hard["flesch_kincaid_grade"]
    assert easy["gunning_fog"] < hard["gunning_fog"]
    assert easy["dale_chall"] < hard["dale_chall"]


def test_a_text_without_sentence_ends_stays_on_the_formulas_scale():
    # issue 17: a 5 MB line without punctuation was one sentence of 870,000 words and
    # scored Flesch reading ease -895,694. Runs are cut at MAX_SENTENCE_WORDS words, so
    # the formulas see sentences no longer than the longest the analyser counts.
    words = "the minister said that the plan for the border would be ready soon".split()
    text = " ".join(words[i % len(words)] for i in range(20_000))
    scores = run_family(readability.FAMILY, parse(text)).scores
    assert scores["words_per_sentence"] <= MAX_SENTENCE_WORDS
    # Flesch at its hardest for such sentences: 206.835 - 1.015 * 250 - 84.6 * syllables
    # per word (1.3 here), about -157; one sentence of 20,000 words would be about -20,000
    assert -200 < scores["flesch_reading_ease"] < 0
    assert 0 < scores["flesch_kincaid_grade"] < 120


def test_curly_apostrophes_count_like_straight_ones():
    # News pages set "didn’t" and "government’s" with U+2019; the Dale–Chall list and
    # CMUdict spell them with "'". Before the fix the curly forms were unfamiliar words
    # and "government’s" had 4 syllables (pyphen's guess) instead of CMUdict's 3.
    straight = "The government's plan didn't help the family's children. It's late."
    curly = straight.replace("'", "\u2019")
    a, b = parse(straight), parse(curly)
    assert count(a, a.prose_sentences) == count(b, b.prose_sentences)
    assert count(b, b.prose_sentences).difficult_words == 0


@pytest.mark.parametrize(("word", "familiar"), [
    ("family's", True), ("dogs'", True), ("children’s", True),  # possessive of a listed word
    ("happier", True), ("happiest", True),  # -ier/-iest on a listed word ending in y
    ("officials'", False), ("policy's", False),  # the word itself is not on the list
])
def test_possessives_and_y_inflections_of_listed_words(word, familiar):
    from analyser.metrics.readability import is_familiar

    assert is_familiar(word) is familiar
