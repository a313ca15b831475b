"""Passive voice: be/get + optional adverbs + past participle."""

from __future__ import annotations

import math

import pytest

from analyser import analyse_text
from analyser.document import parse
from analyser.metrics import passive, run_family


def passives(text: str) -> list[str]:
    return [f.text for f in analyse_text(text).findings if f.category == "passive"]


@pytest.mark.parametrize(
    "text,span",
    [
        ("The bill was approved.", "was approved"),
        ("The bill was quickly approved.", "was quickly approved"),
        ("The bill was not yet quickly approved.", "was not yet quickly approved"),
        ("The bill has been approved.", "has been approved"),
        ("The bill will be approved.", "will be approved"),
        ("The bill is being debated.", "is being debated"),
        ("The money was stolen.", "was stolen"),
        ("The deal was struck at night.", "was struck"),
        ("He was born in Leeds.", "was born"),
        ("Prisoners were freed.", "were freed"),
        ("The rules weren't changed.", "weren't changed"),
        ("The rules weren’t changed.", "weren’t changed"),
        ("He got sacked.", "got sacked"),
        # a parenthetical between the auxiliary and the participle
        ("He was, however, fired.", "was, however, fired"),
        ("The plan was, in fact, approved.", "was, in fact, approved"),
        ("He was — reportedly — fired.", "was — reportedly — fired"),
        # a contracted auxiliary written onto the word before
        ("The game's been cancelled.", "'s been cancelled"),
        ("The game’s been cancelled.", "’s been cancelled"),
        ("They've been told to leave.", "'ve been told"),
    ],
)
def test_passives_found(text, span):
    assert passives(text) == [span]


@pytest.mark.parametrize(
    "text",
    [
        "She was tired.",
        "He is interested in politics.",
        "The firm is based in Leeds.",
        "The office is located by the river.",
        "They got married.",
        "She got used to it.",
        "The need was great.",
        "It was a hundred years old.",
        "The minister approved the bill.",
        "He has finished the job.",
        "The team was red and white.",
        "She is gone.",
        "Prices have risen sharply.",
        "The plan was to succeed.",
        "He is, however, tired.",
        "The plan was ready, approved by all.",
        "",
    ],
)
def test_not_passive(text):
    assert passives(text) == []


def test_agent_and_get_codes():
    a = analyse_text("The plan was approved by the board. He got fired. It was signed.")
    codes = [f.code for f in a.findings if f.category == "passive"]
    assert codes == ["PSV002", "PSV003", "PSV001"]


def test_adjectival_participle_with_agent_is_passive():
    assert passives("The team was tired by the long climb.") == ["was tired"]


def test_feeling_with_by_is_not_passive():
    assert passives("She was worried by the figures.") == []
    assert passives("They were completely baffled by it.") == []


def test_get_idioms_are_not_passive():
    assert passives("Let's get started with the list.") == []
    assert passives("He got fired.") == ["got fired"]


def test_offsets_quotes_and_sentence():
    text = 'He said: "The deal was signed." The money was paid on time.'
    a = analyse_text(text)
    found = [f for f in a.findings if f.category == "passive"]
    assert [f.text for f in found] == ["was signed", "was paid"]
    assert [f.in_quote for f in found] == [True, False]
    for f in found:
        assert a.text[f.start : f.end] == f.text
        assert f.start >= a.sentences[f.sentence]["start"]
        assert "'" + f.text + "'" in f.message


def test_scores_by_hand():
    # 4 prose sentences, 2 with a passive (one with two); 4 + 7 + 2 + 2 = 15 words
    text = "The bill was approved. It was debated and then was signed. Nobody came. It rained."
    doc = parse(text)
    assert [s.words for s in doc.sentences] == [4, 7, 2, 2]
    result = run_family(passive.FAMILY, doc)
    assert result.sentence_values["passive"] == [1, 2, 0, 0]
    assert result.scores["passive_sentence_ratio"] == pytest.approx(2 / 4)
    assert result.scores["passive_per_1k"] == pytest.approx(1000 * 3 / 15)


@pytest.mark.parametrize(
    "text",
    ["", "1 2 3", "was", "was was was", "- was\n- been\n- approved", "Yes. No.",
     " ".join(["it was approved and"] * 120) + "."],
)
def test_bad_input(text):
    a = analyse_text(text)
    for key in ("passive_sentence_ratio", "passive_per_1k"):
        assert math.isfinite(a.scores[key]) and a.scores[key] >= 0
    assert 0 <= a.scores["passive_sentence_ratio"] <= 1


def test_word_lists_are_data():
    irregular = passive.irregular_participles()
    adjectival = passive.adjectival_participles()
    assert {"taken", "written", "built", "paid"} <= irregular
    assert {"tired", "interested", "located"} <= adjectival
    assert "gone" not in irregular and "risen" not in irregular
    assert all(w == w.strip().lower() and " " not in w for w in irregular | adjectival)


def test_is_participle():
    assert passive.is_participle("approved") and passive.is_participle("taken")
    assert passive.is_participle("guaranteed")
    for w in ("need", "speed", "bed", "hundred", "red", "ed"):
        assert not passive.is_participle(w)
