"""The restatement set (issue 15): the stored files' shape always, every link's alignment
with the licensed texts in ../shared/data (skipped where they are absent), and the scorer.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]




@pytest.fixture(scope="module")
def rs(benchmark_module):
    benchmark_module("sentence_ratings")
    return benchmark_module("restatement_set")


def test_the_written_passages_are_well_formed(rs):
    items = rs.load_passages()
    assert len(items) >= 40
    assert {i["part"] for i in items} == {"tune", "heldout"}
    for item in items:
        spans = item["spans"]
        for later, earlier in item["gold"].items():
            assert later in spans and earlier <= set(spans)
            assert all(e[1] <= later[0] for e in earlier)  # restates something earlier
        for a, b in spans:
            assert item["text"][a:b].strip() == item["text"][a:b]
    restating = sum(len(i["gold"]) for i in items)
    assert restating >= 30 and sum(len(i["spans"]) for i in items) - restating >= 100


def test_the_article_files_have_their_columns_and_split(rs):
    with rs.ARTICLES.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) >= 60
    assert {r["set"] for r in rows} == {"bbc", "outlets", "wcxb"}
    assert {r["part"] for r in rows} == {"tune", "heldout"}
    with rs.LINKS.open(encoding="utf-8", newline="") as fh:
        links = list(csv.DictReader(fh))
    assert list(links[0]) == ["set", "article_id", "part", "start", "end", "sha1_8",
                              "of_start", "of_end", "of_sha1_8"]
    ids = {(r["set"], r["article_id"]): r["part"] for r in rows}
    for link in links:
        assert ids[(link["set"], link["article_id"])] == link["part"]
        assert int(link["of_end"]) <= int(link["start"])  # the restated sentence is earlier
    per_article = {}
    for link in links:
        per_article.setdefault((link["set"], link["article_id"]), set()).add(link["start"])
    assert all(int(r["restating"]) == len(per_article.get((r["set"], r["article_id"]), ()))
               for r in rows)


def test_every_link_aligns_with_the_licensed_texts(rs, shared_file):
    shared = shared_file("news").parent
    items = rs.load_articles(shared)  # raises AlignmentError on a changed text
    assert len(items) >= 60
    assert sum(len(i["gold"]) for i in items) >= 60


def test_the_scorer_counts_findings_and_restating_sentences(rs):
    item = {"gold": {(50, 60): {(0, 10)}, (70, 80): {(20, 30), (30, 40)}}}
    pred = [((50, 60), (0, 10)),   # right
            ((70, 80), (40, 45)),  # flags a restating sentence, links the wrong one
            ((90, 99), (0, 10))]   # flags a sentence that restates nothing
    res = rs.score_item(item, pred)
    assert (res["found"], res["right"], res["gold"], res["hit"]) == (3, 1, 2, 1)
    p, r, f1 = rs.prf(res["found"], res["right"], res["gold"], res["hit"])
    assert p == pytest.approx(1 / 3) and r == pytest.approx(1 / 2)
    assert f1 == pytest.approx(2 * p * r / (p + r))
    assert rs.prf(0, 0, 0, 0) == (0.0, 0.0, 0.0)


def test_the_no_shared_word_subset_uses_content_stems(rs):
    assert not rs.content_stems("The bridge was shut.") & rs.content_stems(
        "Engineers have closed the crossing.")
    assert rs.content_stems("Prices rose.") & rs.content_stems("The price is rising.")
