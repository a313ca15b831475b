"""Near-duplicate articles: exact hashing, MinHash LSH candidates, exact Jaccard check."""

from __future__ import annotations

import gzip
import hashlib
import json
import random
from collections import defaultdict

import pytest

from analyser.duplicates import find_duplicates, jaccard, shingles


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


def test_bbc_exact_duplicates_all_found(shared_file):
    with gzip.open(shared_file("news", "news.jsonl.gz"), "rt", encoding="utf-8") as fh:
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


def _run_cli(*args: str) -> tuple[int, str, str]:
    import contextlib
    import io

    from analyser.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(list(args))
    return status, out.getvalue(), err.getvalue()


def test_duplicates_command_groups_a_republished_story(tmp_path, seeds_dir):
    seed = (seeds_dir / "001_6afff10da7a3cbd5.txt").read_text(encoding="utf-8")
    (tmp_path / "original.txt").write_text(seed, encoding="utf-8")
    # the same story republished with a new last line
    (tmp_path / "copy.txt").write_text(seed + "\nUpdated at 5 p.m. with more detail.\n",
                                       encoding="utf-8")
    (tmp_path / "other.txt").write_text(
        (seeds_dir / "002_bc0ebccefc2ad232.txt").read_text(encoding="utf-8"), encoding="utf-8")
    status, out, err = _run_cli("duplicates", str(tmp_path), "--format", "json")
    assert status == 0, err
    groups = json.loads(out)
    assert len(groups) == 1
    assert sorted(groups[0]["ids"]) == ["copy", "original"]
    assert 0.8 <= groups[0]["similarity"] <= 1.0

    status, out, _ = _run_cli("duplicates", str(tmp_path))
    assert status == 0
    assert "group 1 (2 articles" in out and "3 articles, 1 groups" in out


def test_duplicates_command_reports_bad_input_and_goes_on(tmp_path, seeds_dir):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    status, out, err = _run_cli("duplicates", str(tmp_path / "empty.txt"),
                                str(seeds_dir), "--format", "json")
    assert status == 2
    assert "empty.txt" in err and json.loads(out) == []
    status, _, err = _run_cli("duplicates", str(seeds_dir), "--threshold", "0")
    assert status == 2 and "--threshold" in err


def test_read_back_texts_give_the_same_groups():
    """With ``text_of`` no text is kept: candidate pairs are re-read, and the groups are
    those found with every shingle set in memory."""
    rng = random.Random(11)
    bases = [_article(rng) for _ in range(30)]
    items = [(f"a{i}", t) for i, t in enumerate(bases)]
    items += [(f"b{i}", " ".join(t.split()[:-k] + ["tail"] * k))
              for i, (t, k) in enumerate(zip(bases, [1, 3, 8, 20, 40] * 6, strict=True))]
    items += [(f"c{i}", t) for i, t in enumerate(bases[:5])]
    read: list[int] = []

    def text_of(i: int) -> str:
        read.append(i)
        return items[i][1]

    expected = find_duplicates(items)
    assert any(g["similarity"] < 1.0 for g in expected) and any(
        g["similarity"] == 1.0 for g in expected)
    assert find_duplicates(iter(items), text_of=text_of) == expected
    assert read and set(read) < set(range(len(items)))  # only candidates were re-read
