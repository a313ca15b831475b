"""Hard-wrapped plain text: wrapped lines are joined into their paragraph, and lines that
are really separate (lists, line-ups, headlines, menus, code) stay separate."""

from __future__ import annotations

import json
import re
import textwrap

import pytest

from analyser import analyse_text
from analyser.clean import split_preclean
from analyser.clean.blocks import split_lines
from analyser.cli import main
from analyser.document import parse
from analyser.unwrap import join_lines, wrapped_breaks

PARAGRAPHS = [
    "Council Votes On New Bus Lanes",
    "The town council voted on Tuesday night to add two new bus lanes along the high "
    "street, after a long and sometimes heated debate that ran well past midnight. Several "
    "members said the plan was basically rushed, and the mayor admitted that the "
    "consultation had been short.",
    "Residents who spoke at the meeting were divided. Shop owners said the lanes would cut "
    "the number of parking spaces outside their doors, while Deputy Mayor Anne Hill, "
    "Council Leader Tom Reid and Mayor Sam Cole said the buses were always late because of "
    "the traffic. He was judged. One cyclist said the change would really make the road "
    "safer for everyone who uses it every single day of the week.",
    "The work is due to start in the spring and should take about six months to finish, "
    "according to the council's own estimate.",
]


def article(width: int | None) -> str:
    """The article with its paragraphs wrapped at ``width`` (None: one line each)."""
    if width is None:
        return "\n\n".join(PARAGRAPHS) + "\n"
    return "\n\n".join(textwrap.fill(p, width) for p in PARAGRAPHS) + "\n"


def sentences(doc) -> list[str]:
    return [" ".join(doc.sentence_text(s.index).split()) for s in doc.sentences]


@pytest.mark.parametrize("width", [60, 72, 80])
def test_wrapped_article_reads_like_the_unwrapped_one(width):
    wrapped, flat = article(width), article(None)
    assert wrapped.count("\n") > flat.count("\n") + 6  # the wrap really split the paragraphs
    expected = sentences(parse(flat))
    assert "He was judged." in expected
    # bare text, a corpus row and a text page: the same sentences as the unwrapped text
    assert sentences(parse(wrapped)) == expected
    row = split_preclean(wrapped)
    assert [b.text for b in row.blocks] == PARAGRAPHS
    page = analyse_text(wrapped, clean=True)
    assert [" ".join(s.split()) for s in (r["text"] for r in page.sentences)] == expected


@pytest.mark.parametrize("width", [60, 72, 80])
def test_a_wrapped_line_is_not_a_heading(width):
    wrapped = article(width)
    kinds = [p.kind for p in parse(wrapped).paragraphs]
    assert kinds == ["heading", "prose", "prose", "prose"]
    row = split_preclean(wrapped)
    assert [b.kind for b in row.blocks] == kinds
    # line by line, a piece of the second paragraph would read as a heading
    lines = [ln for ln in textwrap.fill(PARAGRAPHS[2], width).split("\n")]
    assert any(parse(ln).paragraphs[0].kind == "heading" for ln in lines)


def test_a_finding_in_a_wrapped_paragraph_points_into_the_original_file(tmp_path, capsys):
    path = tmp_path / "wrapped.txt"
    raw = article(68)
    path.write_text(raw, encoding="utf-8")
    main(["check", str(path), "--format", "json"])
    (f,) = json.loads(capsys.readouterr().out)["files"]
    lines = raw.split("\n")
    spans_a_break = False
    for x in f["findings"]:
        if x["line"] == x["end_line"]:
            found = lines[x["line"] - 1][x["column"] - 1:x["end_column"] - 1]
        else:
            spans_a_break = True
            found = "\n".join([lines[x["line"] - 1][x["column"] - 1:],
                               *lines[x["line"]:x["end_line"] - 1],
                               lines[x["end_line"] - 1][:x["end_column"] - 1]])
        assert " ".join(found.split()) == " ".join(x["text"].split()), x
    codes = {x["code"] for x in f["findings"]}
    assert {"FIL004", "INT001"} <= codes
    assert spans_a_break  # "was basically / rushed" runs across a wrap
    judged = next(x for x in f["findings"] if "judged" in x["text"])
    assert lines[judged["line"] - 1][judged["column"] - 1:].startswith("was")


SEPARATE = [
    # a line-up, a label and its names
    "Scotland: Hogg; Seymour, Jones, Dunbar, Visser; Russell, Laidlaw\n"
    "Replacements: Brown, Reid, Low, Gilchrist, Strokosch, Cusiter, Weir\n"
    "Referee: Nigel Owens (Wales), assisted by two touch judges today",
    # a list of headlines of similar length
    "Council votes on new bus lanes after a long and heated debate\n"
    "Storm warning issued for the coast as strong winds pick up again\n"
    "Local school wins a national award for its young science team",
    # list items
    "- the first item of the list runs long enough to look like prose\n"
    "- the second item of the list runs just as long as the first one\n"
    "- and the third item of the list is about as long as the others",
    # short paragraphs of a page dump, one a line
    "The match was postponed because of heavy rain on Saturday afternoon.\n"
    "Officials said that a new date would be announced at some point next week.\n"
    "Fans who bought tickets will be able to use them on the new date.",
    # a call to action under a blurb: lower-case, but no paragraph ends without a stop
    "Discover all the ways our tools can help your sales team grow this year\ntry now",
    # menu lines
    "Home\nNews\nSport\nWeather\nContact us",
    # program text
    "for name in names: print(name)\nresult = compute(value, other_value, third)\n"
    "if result: return result",
]


@pytest.mark.parametrize("text", SEPARATE)
def test_separate_lines_stay_separate(text):
    lines = text.split("\n")
    assert not any(wrapped_breaks(lines))
    assert len(split_lines(text)) == len(lines)
    assert len(parse(text).paragraphs) == len(lines)


def test_a_title_above_wrapped_text_stays_a_block_of_its_own():
    text = ("Council Votes On New Bus Lanes After Long Debate In The Town Hall\n"
            + textwrap.fill(PARAGRAPHS[1], 66))
    doc = parse(text)
    assert doc.paragraphs[0].kind == "heading" and len(doc.paragraphs) == 2


def test_a_wrapped_list_item_keeps_its_continuation():
    text = ("- the first item of the list is long enough that it has to wrap onto\n"
            "  the next line, as e-mails do\n"
            "- the second item is short")
    assert [(ln.text[:13], ln.bullet) for ln in split_lines(text)] == [
        ("the first ite", True), ("the second it", True)]
    assert split_lines(text)[0].text.endswith("onto the next line, as e-mails do")


def test_joined_lines_mend_a_hyphen_break():
    assert join_lines(["a well-", "known name"]) == "a well-known name"
    assert join_lines(["a long -", "and odd"]) == "a long - and odd"
    assert re.fullmatch(r"\S+( \S+)*", join_lines(["one ", " two", "three"]))
