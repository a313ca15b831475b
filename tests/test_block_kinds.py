"""Structure read as prose gets its own block kind: label: value rows, line-ups,
captions and datelines; said-lines and sentences stay prose."""

from __future__ import annotations

import pytest

from analyser import analyse_text
from analyser.block_kinds import structure_kind
from analyser.document import parse
from analyser.models import BLOCK_KINDS


@pytest.mark.parametrize("text,kind", [
    ("Year Founded: 2014", "label_value"),
    ("Price: $0 for one seat", "label_value"),
    ("Subs not used: Hamann, Harrison.", None),  # two items, final stop: not enough to tell
    ("Replacements: Peel, Wilson, Thompson, Parling, Sititi, Charlton, Shaw.", "label_value"),
    ("Backs: Mike Blair (Edinburgh Rugby), Andy Craig (Glasgow Rugby), Tom Smith (Leeds), "
     "Chris Paterson (Edinburgh Rugby).", "label_value"),
    ("Image caption: The minister at the launch", "caption"),
    ("Police at the scene on Monday (Photo: Jane Smith)", "caption"),
    ("Published 3 December 2026", "dateline"),
    ("Updated: 10:32 GMT", "dateline"),
    ("March 4, 2025", "dateline"),
    ('He said: "We will win the next one."', None),
    ("Mr Frost added: the outlook remains uncertain, and prices may fall.", None),
    ("Update: The minister resigned on Tuesday after a long row about the budget.", None),
    ("The minister resigned on Tuesday after a long row about the budget.", None),
])
def test_structure_kind(text, kind):
    assert structure_kind(text) == kind


def test_every_assigned_kind_is_declared():
    for k in ("label_value", "caption", "dateline"):
        assert k in BLOCK_KINDS


def test_cleaner_prose_is_refined_but_headlines_keep_their_colon():
    text = "Brexit: What happens next\nYear Founded: 2014\nThe firm grew fast in its first year."
    doc = parse(text, ["heading", "prose", "prose"])
    assert [p.kind for p in doc.paragraphs] == ["heading", "label_value", "prose"]


def test_statistics_read_prose_only_and_say_when_there_is_none():
    prose = "The firm grew fast in its first year. It hired ten people."
    lineup = ("Backs: Mike Blair (Edinburgh Rugby), Andy Craig (Glasgow Rugby), Tom Smith "
              "(Leeds), Chris Paterson (Edinburgh Rugby), Hugo Southwell (Edinburgh Rugby), "
              "Sean Lamont (Glasgow Rugby).")
    with_lineup = analyse_text(prose + "\n\n" + lineup)
    assert with_lineup.scores["sentences"] == 2
    assert with_lineup.scores["no_prose"] == 0
    assert with_lineup.scores["readability_grade"] == analyse_text(prose).scores[
        "readability_grade"]
    only = analyse_text(lineup + "\n\nYear Founded: 2014")
    assert only.scores["no_prose"] == 1
    assert only.scores["sentences"] >= 1
