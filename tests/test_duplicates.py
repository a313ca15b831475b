"""Near-duplicate articles: exact hashing, MinHash LSH candidates, exact Jaccard check."""

from __future__ import annotations

import gzip
import hashlib
import json
import random
from collections import defaultdict
from pathlib import Path

import pytest

from analyser.duplicates import find_duplicates, jaccard, shingles

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"


def _article(rng: random.Random, n: int = 200) -> str:
    vocab = [f"word{i}" for i in range(2000)]
    return " ".join(rng.choice(vocab) for _ in range(n))


def test_shingles_and_jaccard():
    assert shingles("A b c d e f", k=5) == {"a b c d e", "b c d e f"}
    assert shingles("Too short", k=5) == {"too short"}
    assert shingles("  ", k=5) == set()
    assert jaccard({"a", "b"}, {"b", "c"}) == pytest.approx(1 / 3)
    assert jaccard(set(), set()) == 0.0


def test_exact_near_and_unrelated():
    rng = random.Random(3)
    base = _article(rng)
    words = base.split()
    near = " ".join(words[:-2] + ["changed", "ending"])  # two words differ at the end
    other = _article(rng)
    items = [
        ("a", base),
        ("b", other),
        ("c", base + "\n"),  # same body, different whitespace: exact
        ("d", near),
        ("e", ""),
        ("f", ""),  # empty texts are never grouped
    ]
    groups = find_duplicates(items, threshold=0.8)
    assert len(groups) == 1
    g = groups[0]
    assert g["ids"] == ["a", "c", "d"]
    assert 0.8 <= g["similarity"] < 1.0
    assert find_duplicates(iter([("x", base), ("y", base)])) == [
        {"ids": ["x", "y"], "similarity": 1.0}
    ]


def test_nothing_to_group():
    rng = random.Random(5)
    assert find_duplicates([(str(i), _article(rng)) for i in range(20)]) == []
    assert find_duplicates([]) == []
    with pytest.raises(ValueError):
        find_duplicates([("a", "x")], threshold=0)


def test_bbc_exact_duplicates_all_found():
    path = SHARED / "data" / "news" / "news.jsonl.gz"
    if not path.exists():
        pytest.skip(f"BBC corpus not found at {path} (it lives beside the repo)")
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    by_hash = defaultdict(list)
    for r in rows:
        by_hash[hashlib.sha1(r["text"].encode()).hexdigest()].append(r["id"])
    twins = [ids for ids in by_hash.values() if len(ids) > 1]
    assert sum(len(t) - 1 for t in twins) == 133
    groups = find_duplicates([(r["id"], r["text"]) for r in rows])
    group_of = {i: n for n, g in enumerate(groups) for i in g["ids"]}
    for ids in twins:
        assert {group_of.get(i) for i in ids} == {group_of[ids[0]]}, ids
