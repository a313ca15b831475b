"""Repetition family: Gopher measures on hand-computed examples, phrases, restatements."""

from __future__ import annotations

import math
import random
import time
from pathlib import Path

import pytest

from analyser.document import parse
from analyser.metrics import repetition
from analyser.metrics.repetition import (
    dup_ngram_char_ratio,
    duplicate_fractions,
    gopher_scores,
    top_ngram_char_ratio,
)
from analyser.metrics.restatement import (
    MAX_CANDIDATES,
    find_restatements,
    sentence_terms,
    text_similarity,
)

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


# --- Gopher measures, computed by hand --------------------------------------------------


def test_duplicate_lines_count_repeats_after_the_first():
    # "a b" repeats once: 1 of 3 lines, 3 of 7 characters
    assert duplicate_fractions(["a b", "c", "a b"]) == pytest.approx((1 / 3, 3 / 7))
    assert duplicate_fractions([]) == (0.0, 0.0)


def test_top_ngram_is_chars_of_most_frequent_times_count():
    words = ["a", "b", "a", "b", "c"]  # (a, b) twice: 2 chars * 2 / 5 chars
    assert top_ngram_char_ratio(words, 2) == pytest.approx(0.8)
    assert top_ngram_char_ratio(["a", "b", "c"], 2) == 0.0  # nothing occurs twice
    assert top_ngram_char_ratio(["a"], 2) == 0.0


def test_dup_ngram_covers_every_occurrence_once():
    words = ["aa", "b", "aa", "b", "ccc"]  # (aa, b) at 0 and 2: words 0-3 covered
    assert dup_ngram_char_ratio(words, 2) == pytest.approx(6 / 9)
    # overlapping duplicates do not count a word twice
    assert dup_ngram_char_ratio(["a", "a", "a", "a"], 2) == pytest.approx(1.0)
    five = "one two three four five".split()
    words = five + five + ["six"]
    assert dup_ngram_char_ratio(words, 5) == pytest.approx(38 / 41)
    assert dup_ngram_char_ratio(words, 6) == 0.0


def test_gopher_scores_on_a_small_text():
    text = "Alpha beta gamma.\nAlpha beta gamma.\n\nDelta."
    s = gopher_scores(text, ["alpha", "beta", "gamma", "alpha", "beta", "gamma", "delta"])
    assert s["dup_line_ratio"] == pytest.approx(1 / 3)
    assert s["dup_line_char_ratio"] == pytest.approx(17 / (17 + 17 + 6))
    assert s["dup_paragraph_ratio"] == 0.0
    # top 3-gram (alpha beta gamma) twice: 14 * 2 / 33
    assert s["top_3gram_char_ratio"] == pytest.approx(28 / 33)
    assert s["dup_5gram_char_ratio"] == 0.0


# --- repeated phrases -------------------------------------------------------------------


def test_repeated_phrase_points_at_every_later_occurrence():
    text = (
        "Sheinbaum said sovereignty is not for sale.\n\n"
        "Critics argued that sovereignty is not for sale only in speeches.\n\n"
        "Her allies repeat it: sovereignty is not for sale."
    )
    doc = parse(text)
    res = repetition.measure(doc)
    rpt = [f for f in res.findings if f.code == "RPT001"]
    assert len(rpt) == 2
    for f in rpt:
        assert doc.text[f.start : f.end] == f.text
        assert f.text == "sovereignty is not for sale"
        assert f.related_sentence == 0
        assert f.category == "repetition"
        assert "sentence 1" in f.message


def test_repetition_inside_one_paragraph_or_of_names_is_not_flagged():
    text = (
        "Mexican President Claudia Sheinbaum spoke. Mexican President Claudia Sheinbaum left.\n\n"
        "Mexican President Claudia Sheinbaum returned on Monday."
    )
    res = repetition.measure(parse(text))
    assert not [f for f in res.findings if f.code == "RPT001"]


# --- restatements -----------------------------------------------------------------------


def test_similarity_is_high_for_paraphrase_low_for_unrelated():
    a = "Sheinbaum rejected the offer of American troops on Saturday."
    assert text_similarity(a, "On Saturday Sheinbaum rejected the American troop offer.") > 0.6
    assert text_similarity(a, "Fentanyl seizures rose sharply at the border last year.") < 0.2
    assert text_similarity("", a) == 0.0


def test_restatement_finding_links_the_earlier_sentence():
    text = (
        "Mexican President Claudia Sheinbaum rejected an offer of American troops on Saturday. "
        "Critics in Washington said the decision was a mistake. "
        "On Saturday, Mexican President Claudia Sheinbaum rejected an American offer of troops."
    )
    doc = parse(text)
    res = repetition.measure(doc)
    rpt = [f for f in res.findings if f.code == "RPT002"]
    assert len(rpt) == 1
    f = rpt[0]
    assert f.sentence == 2 and f.related_sentence == 0
    assert f.message.startswith("Restates sentence 1: ‘Mexican President")
    assert doc.text[f.start : f.end] == f.text
    assert res.sentence_values["restates"] == [None, None, 0]
    novel = res.sentence_values["novel_content"]
    assert len(novel) == 3 and novel[0] > 0 and novel[2] <= 1


def test_seed_003_second_telling_is_linked_to_the_first():
    text = seed("003")
    doc = parse(text)
    second = text.index("Mexican President Claudia Sheinbaum Recently Confirmed")
    first_telling = {s.index for s in doc.sentences if s.end <= second}
    res = repetition.measure(doc)
    links = {
        doc.sentence_text(f.sentence)[:45]: f.related_sentence
        for f in res.findings if f.code == "RPT002"
    }
    expected = {  # opening of a second-telling sentence: opening of what it restates
        "Mexican President Claudia Sheinbaum Recently C": "Mexican President Claudia Sheinbaum C",
        "In an interesting development in internationa": "In a recent statement, Mexican",
        "This situation raises many questions about th": "This revelation raises significant",
        "The Implications for U.S.-Mexico Relations": "Implications for U.S.-Mexico Relations",
    }
    for later, earlier in expected.items():
        key = next(k for k in links if later.startswith(k) or k.startswith(later[:40]))
        j = links[key]
        assert j in first_telling, (later, j)
        assert doc.sentence_text(j).startswith(earlier)


def test_seed_001_has_no_restatement():
    res = repetition.measure(parse(seed("001")))
    assert res.scores["restatements"] == 0
    assert res.scores["dup_line_ratio"] == 0


# --- bad input --------------------------------------------------------------------------


def _finite(scores: dict[str, float]) -> bool:
    return all(isinstance(v, float) and math.isfinite(v) for v in scores.values())


@pytest.mark.parametrize("text", ["", "   \n\n", "One sentence only.", "42", "Hi."])
def test_degenerate_texts(text):
    res = repetition.measure(parse(text))
    assert _finite(res.scores)
    assert all(len(v) == len(parse(text).sentences) for v in res.sentence_values.values())


def test_one_repeated_line():
    text = "\n".join(["The minister said the plan is ready."] * 300)
    doc = parse(text)
    res = repetition.measure(doc)
    assert _finite(res.scores)
    assert res.scores["dup_line_ratio"] == pytest.approx(299 / 300)
    assert res.scores["dup_10gram_char_ratio"] == pytest.approx(1.0)
    assert res.scores["restatements"] == 299  # every copy restates the first
    rpt = [f for f in res.findings if f.code == "RPT002"]
    assert len(rpt) == repetition.MAX_RESTATEMENT_FINDINGS
    assert res.sentence_values["restates"][5] == 0


def test_fifty_thousand_words_is_near_linear():
    rng = random.Random(7)
    vocab = [f"w{i}" for i in range(3000)] + ["minister", "border", "troops", "offer"]
    paragraphs = []
    for _ in range(250):
        sents = [" ".join(rng.choice(vocab) for _ in range(20)).capitalize() + "."
                 for _ in range(10)]
        paragraphs.append(" ".join(sents))
    text = "\n\n".join(paragraphs)
    doc = parse(text)
    assert sum(s.words for s in doc.sentences) >= 50_000
    t0 = time.perf_counter()
    res = repetition.measure(doc)
    assert time.perf_counter() - t0 < 30  # generous: a bound, not a benchmark
    assert _finite(res.scores)
    assert len(res.findings) <= repetition.MAX_PHRASE_FINDINGS + repetition.MAX_RESTATEMENT_FINDINGS


def test_candidate_comparisons_are_capped():
    terms = [sentence_terms("Troops border offer minister rejected today again.")] * 300
    calls = find_restatements(terms)
    assert len(calls) == 299
    assert MAX_CANDIDATES >= 1
