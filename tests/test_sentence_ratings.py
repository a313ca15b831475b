"""The sentence difficulty ratings (issue 16): the stored CSV's shape always, and every
row's alignment with the licensed texts in ../shared/data (skipped where they are absent).
"""

from __future__ import annotations

import csv
import importlib.util
import re
import sys
from collections import defaultdict
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def ratings():
    spec = importlib.util.spec_from_file_location(
        "sentence_ratings", REPO / "benchmarks" / "sentence_ratings.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("sentence_ratings", module)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def rows(ratings):
    return ratings.read_csv()


def test_the_csv_has_the_columns_and_at_least_400_rated_sentences(ratings, rows):
    with ratings.CSV_PATH.open(encoding="utf-8", newline="") as fh:
        assert next(csv.reader(fh)) == ratings.COLUMNS
    assert len(rows) >= 400
    assert {r["rating"] for r in rows} <= {1, 2, 3, 4, 5}
    assert {r["set"] for r in rows} == set(ratings.SOURCES)
    assert {r["part"] for r in rows} == {"tune", "heldout"}
    assert {r["draw"] for r in rows} <= {"uniform", "long"}
    for r in rows:
        assert 0 <= r["start"] < r["end"], r
        assert re.fullmatch(r"[0-9a-f]{8}", r["sha1_8"]), r
        assert r["words"] >= ratings.MIN_WORDS, r
        # notes are codes from the guide, never words of the sentence
        assert not r["note"] or set(r["note"].split("+")) <= {
            "len", "nest", "vocab", "nouns", "ambig", "figs", "list", "frag", "seg"}, r
    keys = [(r["set"], r["article_id"], r["start"]) for r in rows]
    assert len(set(keys)) == len(keys)


def test_parts_are_disjoint_by_article_and_follow_the_hash(ratings, rows):
    parts = defaultdict(set)
    for r in rows:
        parts[(r["set"], r["article_id"])].add(r["part"])
        assert r["part"] == ratings.part_of(r["set"], r["article_id"]), r
    assert all(len(p) == 1 for p in parts.values())
    held = sum(r["part"] == "heldout" for r in rows)
    assert 0.3 <= held / len(rows) <= 0.5  # about 40% held out


def test_the_recheck_covers_rows_of_the_set(ratings, rows):
    keys = {(r["set"], r["article_id"], r["start"]): r for r in rows}
    with ratings.RECHECK_PATH.open(encoding="utf-8", newline="") as fh:
        again = list(csv.DictReader(fh))
    assert len(again) == ratings.RECHECK_SIZE
    for r in again:
        first = keys[(r["set"], r["article_id"], int(r["start"]))]
        assert first["sha1_8"] == r["sha1_8"] and int(r["rating"]) in range(1, 6)
    assert "re-rated 60" in ratings.agreement(rows)


def test_spearman_handles_ties(ratings):
    assert ratings.spearman([1, 2, 3], [1, 2, 3]) == pytest.approx(1.0)
    assert ratings.spearman([1, 2, 3], [3, 2, 1]) == pytest.approx(-1.0)
    # scipy.stats.spearmanr gives 0.8981... for these (average ranks for ties)
    assert ratings.spearman([1, 2, 2, 3, 5, 4, 1], [2, 2, 3, 3, 4, 5, 1]) == pytest.approx(
        0.898148, abs=1e-6)


@pytest.fixture(scope="module")
def shared(ratings, shared_file):
    for rel, _kind in ratings.SOURCES.values():
        shared_file(*rel.split("/"))
    return shared_file()


def test_every_row_aligns_with_its_text(ratings, shared):
    loaded = ratings.load_ratings(shared)
    assert len(loaded) == len(ratings.read_csv())
    for r in loaded:
        assert ratings.sha1_8(r["text"]) == r["sha1_8"]
        assert r["text"] == r["text"].strip() and len(r["text"].split()) >= ratings.MIN_WORDS


def test_a_row_that_no_longer_aligns_is_an_error(ratings, shared, tmp_path):
    with ratings.CSV_PATH.open(encoding="utf-8", newline="") as fh:
        lines = fh.read().splitlines()
    head, first = lines[0], lines[1].split(",")
    first[3] = str(int(first[3]) + 1)  # one character more
    bad = tmp_path / "shifted.csv"
    bad.write_text(f"{head}\n{','.join(first)}\n", encoding="utf-8")
    with pytest.raises(ratings.AlignmentError, match="line 2 .*sha1_8"):
        ratings.load_ratings(shared, bad)
    first[1] = "no-such-article"
    bad.write_text(f"{head}\n{','.join(first)}\n", encoding="utf-8")
    with pytest.raises(ratings.AlignmentError, match="no such article"):
        ratings.load_ratings(shared, bad)
