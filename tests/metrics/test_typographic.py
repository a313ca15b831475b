"""Typographic apostrophes, quotes, hyphens and dashes are measured and matched like their
ASCII forms, and every finding still points into the original text."""

from __future__ import annotations

import pytest

from analyser import analyse_text
from analyser.document import parse

PAIRS = [
    ("I don't think the plan will work.", "I don’t think the plan will work."),
    ("I don't think the plan will work.", "I donʼt think the plan will work."),
    ("You're basically right, and it's kind of tense.",
     "You’re basically right, and it’s kind of tense."),
    ("We didn't see it coming, and it's seemingly simple.",
     "We didn’t see it coming, and it’s seemingly simple."),
    ("It was - you know - a big deal.", "It was — you know — a big deal."),
    ("It was - you know - a big deal.", "It was – you know – a big deal."),
    ("\"Honestly, it's a mess,\" she said, and the plan may fail.",
     "“Honestly, it’s a mess,” she said, and the plan may fail."),
    ("The well-known plan was approved by the board.",
     "The well‑known plan was approved by the board."),
    ("I'd argue that the plan was cancelled.", "I’d argue that the plan was cancelled."),
]


def _view(text: str):
    a = analyse_text(text)
    return (sorted((f.code, f.level, f.in_quote) for f in a.findings),
            round(a.scores["readability_grade"], 6), a.scores["words"])


@pytest.mark.parametrize("ascii_text,typo_text", PAIRS)
def test_typographic_text_measures_and_matches_like_ascii(ascii_text, typo_text):
    assert _view(typo_text) == _view(ascii_text)


@pytest.mark.parametrize("_ascii,typo_text", PAIRS)
def test_offsets_point_into_the_original(_ascii, typo_text):
    a = analyse_text(typo_text)
    assert a.findings, typo_text
    for f in a.findings:
        assert typo_text[f.start:f.end] == f.text


def test_syllables_ignore_the_apostrophe_form():
    straight, curly = parse("We didn't go."), parse("We didn’t go.")
    assert list(straight.word_syllables) == list(curly.word_syllables)
