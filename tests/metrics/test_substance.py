"""Substance family: quotations, attributions, names, numbers and dates per 1,000 words."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from analyser import analyse_text
from analyser.document import parse
from analyser.metrics import run_family, substance
from analyser.metrics.substance.attributions import attribution_sources

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def kinds(sentence: str) -> list[str]:
    doc = parse(sentence)
    return [kind for s in doc.sentences for kind, _ in attribution_sources(doc, s)]


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


@pytest.mark.parametrize(
    "sentence",
    [
        "This incident highlights the ongoing challenges in U.S.-Mexico relations.",
        "Sheinbaum’s response emphasized the importance of Mexico’s sovereignty.",
        "Sheinbaum’s refusal indicates a potential friction point in relations.",
        "Additionally, Sheinbaum's response indicates a reluctance to collaborate.",
        "The U.S. has highlighted its ongoing cooperation with Mexico on security.",
        "It suggests that the president believes Mexico can manage alone.",
        "He was told to leave the building.",
        "Why did Mexican President Claudia Sheinbaum say no to the offer?",
    ],
)
def test_no_attribution_without_a_speaker(sentence):
    assert kinds(sentence) == []


@pytest.mark.parametrize(
    "sentence,expected",
    [
        ("White House Deputy Press Secretary Anna Kelly highlighted that coordination has "
         "increased.", "named"),
        ("She emphasized that Mexico has its own strategies.", "pronoun"),
        ("Sheinbaum has repeatedly said the offer was rejected.", "named"),
        ("The company said profits rose.", "unnamed"),
    ],
)
def test_attributions_need_a_speech_verb_and_a_speaker(sentence, expected):
    assert kinds(sentence) == [expected]


def test_counts_on_a_small_article():
    text = (
        "Mexican President Claudia Sheinbaum said on May 3, 2025 that “sovereignty is "
        "not for sale”. Kelly said 1,600 agents and 2,000 soldiers were deployed. "
        "Officials said it was “fine”."
    )
    r = run_family(substance.FAMILY, parse(text))
    s = r.scores
    words = sum(x.words for x in parse(text).sentences)
    assert s["quotes"] == 1  # “fine” is one word
    assert s["quotes_per_1k"] == pytest.approx(1000 / words)
    assert 0 < s["quote_char_ratio"] < 0.5
    assert s["attributions"] == 3 and s["named_attributions"] == 2
    assert s["unnamed_attributions"] == 1
    assert s["distinct_numbers"] == 2  # 1600, 2000: 3 and 2025 belong to the date
    assert s["distinct_dates"] == 1
    assert s["distinct_names"] == 2  # Claudia Sheinbaum (a person); Kelly
    assert s["distinct_people"] == 1
    assert s["distinct_sources"] == 2
    assert s["distinct_quotes"] == 1 and s["distinct_named_attributions"] == 2
    expected = (1 + 2 + 2 + 2 + 1 + 0) * 1000 / words
    assert s["substance_per_1k"] == pytest.approx(expected)
    assert len(r.sentence_values["substance_items"]) == 3


def test_name_variants_are_one_person():
    text = (
        "Mexican President Claudia Sheinbaum spoke on Monday. Later, President Sheinbaum "
        "met reporters. Claudia Sheinbaum left. Critics said Sheinbaum was right. "
        "Mr Trump and Donald Trump are one man too."
    )
    r = run_family(substance.FAMILY, parse(text))
    names = {e["name"]: e for e in r.extras["entities"]}
    assert set(names) == {"Claudia Sheinbaum", "Donald Trump"}
    assert names["Claudia Sheinbaum"]["mentions"] == 4
    assert r.scores["distinct_names"] == 2 and r.scores["distinct_people"] == 2


def test_title_case_headlines_and_nationalities_are_not_names():
    text = (
        "Mexican President Claudia Sheinbaum Recently Confirmed President Donald Trump "
        "Offered U.S. Military Assistance to Address Cartel Concerns, and She Declined. "
        "Mexican officials met American diplomats in Mexico City on Friday. "
        "Sheinbaum spoke to Mr Trump."
    )
    r = run_family(substance.FAMILY, parse(text))
    for name in r.extras["names"]:
        assert not any(w in name for w in ("Recently", "Declined", "Mexican", "American",
                                           "Military", "Concerns", "Mr"))
    assert r.extras["title_case_sentences"] == 1
    assert r.scores["distinct_names"] == 3  # Sheinbaum, Mexico City, Trump


def test_people_and_organisations():
    text = (
        "Finance Minister Jane Doe met officials of the Ministry of Finance on Monday. "
        "Acme Inc and the Labour Party were there, and so was Dr Smith. "
        "The BBC reported it from Leeds."
    )
    r = run_family(substance.FAMILY, parse(text))
    kinds_ = {e["name"]: e["kind"] for e in r.extras["entities"]}
    assert kinds_["Jane Doe"] == "person" and kinds_["Smith"] == "person"
    assert kinds_["Ministry of Finance"] == "organisation"
    assert kinds_["Acme Inc"] == "organisation"
    assert kinds_["Labour Party"] == "organisation" and kinds_["BBC"] == "organisation"
    assert kinds_["Leeds"] == "other"
    assert r.scores["distinct_people"] == 2 and r.scores["distinct_organisations"] == 4


def test_dates_and_amounts_are_not_also_numbers():
    r = run_family(substance.FAMILY, parse(
        "The vote on May 4, 2025 approved $4.5 billion, a 3% rise, for 1,200 schools. "
        "On May 4, 2025 the $4.5 billion was paid."))
    s = r.scores
    assert s["distinct_dates"] == 1
    assert s["distinct_amounts"] == 2  # $4.5 billion, 3%
    assert s["distinct_numbers"] == 1  # 1200
    assert s["numbers_per_1k"] > 0 and s["amounts_per_1k"] > s["dates_per_1k"]


def test_list_only_article_has_substance():
    text = (
        "- Finance Minister Jane Doe announced a $4.5 billion package on May 4, 2025\n"
        "- “We will not wait for the banks to act,” Doe said\n"
        "- The Ministry of Finance expects growth of 3% next year"
    )
    doc = parse(text)
    assert not any(s.is_prose for s in doc.sentences)
    s = run_family(substance.FAMILY, doc).scores
    assert s["quotes"] == 1 and s["named_attributions"] == 2
    assert s["distinct_people"] == 1 and s["distinct_amounts"] == 2
    assert s["substance_per_1k"] > 100


def test_a_repeated_line_is_one_attributed_statement():
    text = "\n".join(["The minister said the plan is ready."] * 300)
    s = run_family(substance.FAMILY, parse(text))
    assert s.scores["named_attributions"] == 300
    assert s.scores["distinct_named_attributions"] == 1
    assert s.scores["substance_per_1k"] < 1


def test_names_skip_sentence_initial_function_words_and_possessives():
    doc = parse("The Wall Street Journal's report named Kelly. However, Kelly's aides spoke.")
    entities = run_family(substance.FAMILY, doc).extras["entities"]
    assert [(e["name"], e["mentions"]) for e in entities] == [
        ("Kelly", 2), ("Wall Street Journal", 1)]


@pytest.mark.parametrize("text", ["", "Hi.", "42 17 99", "“Quote only here today.”"])
def test_degenerate_texts(text):
    s = run_family(substance.FAMILY, parse(text)).scores
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
    t0 = time.process_time()
    s = run_family(substance.FAMILY, parse(text)).scores
    assert time.process_time() - t0 < 30
    assert all(math.isfinite(v) for v in s.values())
    assert s["attributions"] > 0 and s["distinct_dates"] >= 1
