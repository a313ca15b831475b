"""Substance family: quotations, attributions, names, numbers and dates per 1,000 words."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from analyser import analyse_text
from analyser.document import parse
from analyser.metrics import substance

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def kinds(sentence: str) -> list[str]:
    doc = parse(sentence)
    return [k for s in doc.sentences for k in substance.attributions_in(doc, s)]


@pytest.mark.parametrize(
    "sentence,expected",
    [
        ("White House Deputy Press Secretary Anna Kelly said the talks went well.", "named"),
        ("The talks went well, Kelly told reporters on Friday.", "named"),
        ("According to The Wall Street Journal, Trump asked how he could help.", "named"),
        ("The plan failed, said the president.", "named"),
        ("Some reports said the plan had failed.", "unnamed"),
        ("Officials said the border was calm.", "unnamed"),
        ("She said the border was calm.", "pronoun"),
    ],
)
def test_attribution_kinds(sentence, expected):
    assert kinds(sentence) == [expected]


def test_no_attribution_without_a_reporting_verb():
    assert kinds("The border was calm on Friday.") == []


def test_counts_on_a_small_article():
    text = (
        "Mexican President Claudia Sheinbaum said on May 3, 2025 that “sovereignty is "
        "not for sale”. Kelly said 1,600 agents and 2,000 soldiers were deployed. "
        "Officials said it was “fine”."
    )
    r = substance.measure(parse(text))
    s = r.scores
    words = sum(x.words for x in parse(text).sentences)
    assert s["quotes"] == 1  # “fine” is one word
    assert s["quotes_per_1k"] == pytest.approx(1000 / words)
    assert 0 < s["quote_char_ratio"] < 0.5
    assert s["attributions"] == 3 and s["named_attributions"] == 2
    assert s["unnamed_attributions"] == 1
    assert s["distinct_numbers"] == 4  # 3, 2025, 1600, 2000
    assert s["distinct_dates"] == 1
    assert s["distinct_names"] == 2  # Mexican President Claudia Sheinbaum; Kelly
    expected = (1 + 2 + 2 + 4 + 1) * 1000 / words
    assert s["substance_per_1k"] == pytest.approx(expected)
    assert len(r.sentence_values["substance_items"]) == 3


def test_names_skip_sentence_initial_function_words_and_possessives():
    doc = parse("The Wall Street Journal's report named Kelly. However, Kelly's aides spoke.")
    caps = substance._mid_caps(doc, doc.sentences)
    names = [n for s in doc.sentences for n in substance.names_in(doc, s, caps)]
    assert names == ["Wall Street Journal", "Kelly", "Kelly"]


@pytest.mark.parametrize("text", ["", "Hi.", "42 17 99", "“Quote only here today.”"])
def test_degenerate_texts(text):
    s = substance.measure(parse(text)).scores
    assert all(isinstance(v, float) and math.isfinite(v) for v in s.values())


def test_seed_002_has_more_substance_than_seed_000():
    a000 = analyse_text(seed("000")).scores
    a002 = analyse_text(seed("002")).scores
    assert a002["substance_per_1k"] > a000["substance_per_1k"]
    assert a002["named_attributions"] >= 2
    assert a002["quotes"] >= 2


def test_fifty_thousand_words():
    import random
    import time

    rng = random.Random(13)
    vocab = [f"w{i}" for i in range(4000)]
    vocab += ["Kelly", "said", "Mexico", "2025", "“quoted words here”"]
    text = "\n\n".join(
        " ".join(" ".join(rng.choice(vocab) for _ in range(20)).capitalize() + "."
                 for _ in range(10))
        for _ in range(250)
    )
    t0 = time.perf_counter()
    s = substance.measure(parse(text)).scores
    assert time.perf_counter() - t0 < 30
    assert all(math.isfinite(v) for v in s.values())
    assert s["attributions"] > 0 and s["distinct_numbers"] >= 1
