"""Story grouping: tellings of one event by different outlets, and nothing else."""

from __future__ import annotations

import gzip
import itertools
import json

import pytest

from analyser import analyse_paths
from analyser.stories import StoryItem, group_stories, grouping, story_signature

# Two events, each told three times in different words (written for these tests).
FLOOD = [
    ("Floods close the Danube crossing at Komárom",
     "Rising water closed the Komárom bridge over the Danube on Tuesday. Engineers said the "
     "flood crest would reach Budapest by Thursday, and sandbags were piled along the quays."),
    ("Komárom bridge shut as Danube floods",
     "Hungarian engineers shut the bridge at Komárom after the Danube burst its banks. The "
     "crest is expected in Budapest on Thursday; volunteers filled sandbags overnight."),
    ("Danube flood crest heads for Budapest",
     "The Danube flood that closed the Komárom crossing will reach Budapest on Thursday, "
     "engineers warned, as volunteers stacked sandbags on the quays."),
]
LITHIUM = [
    ("Chile nationalises lithium mines in Atacama",
     "Chile's president announced that the state will take majority control of lithium "
     "mining in the Atacama salt flats, a move that shook shares of Albemarle and SQM."),
    ("Atacama lithium to come under state control",
     "Santiago will hold a majority stake in every new lithium contract in the Atacama, the "
     "president said, sending SQM and Albemarle shares lower."),
    ("SQM and Albemarle fall on Chile lithium plan",
     "Shares in SQM and Albemarle dropped after Chile said lithium from the Atacama salt "
     "flats would be mined under majority state control."),
]
OUTLETS = ("Daily A", "Courier B", "Gazette C")


def items(tellings, *, dates=None, outlets=OUTLETS):
    return [StoryItem(id=f"{n}", outlet=outlets[n % len(outlets)],
                      signature=story_signature(title, text),
                      published=None if dates is None else dates[n])
            for n, (title, text) in enumerate(tellings)]


def test_signature_weighs_the_rare_words_of_the_event():
    sig = dict(story_signature(*FLOOD[0]))
    assert sig["komárom"] > sig.get("water", 0.0)
    assert "the" not in sig and "on" not in sig
    assert abs(sum(w * w for w in sig.values()) - 1.0) < 1e-4
    assert story_signature(None, "") == ()


def test_two_events_told_by_three_outlets_are_two_stories():
    tellings = FLOOD + LITHIUM
    outlets = OUTLETS * 2
    result = group_stories(items(tellings, outlets=outlets))
    flood, lithium = set(result.story[:3]), set(result.story[3:])
    assert len(flood) == 1 and len(lithium) == 1 and flood != lithium
    assert "" not in flood | lithium
    assert all(c == -1 for c in result.copy_of)
    assert all(0 < c <= 1 for c in result.cohesion)


def test_one_outlet_alone_is_no_story():
    result = group_stories(items(FLOOD, outlets=("Daily A",)))
    assert result.story == ["", "", ""]


def test_dates_far_apart_keep_lookalikes_apart_unless_dates_are_ignored():
    dates = ["2024-03-01", "2024-03-02", "2024-06-20"]
    dated = group_stories(items(FLOOD, dates=dates))
    assert dated.story[0] == dated.story[1] != "" and dated.story[2] == ""
    undated = group_stories(items(FLOOD, dates=dates), use_dates=False)
    assert len(set(undated.story)) == 1 and undated.story[0]


def test_a_copy_of_another_outlets_text_is_not_a_telling():
    title, text = FLOOD[0]
    tellings = [FLOOD[0], (title, text), FLOOD[1]]
    its = items(tellings)
    result = group_stories(its, text_of=lambda i: tellings[i][1])
    assert result.copy_of == [-1, 0, -1]
    assert result.story[0] == result.story[1] == result.story[2] != ""
    # Without the third telling, the copy does not make a story of one text.
    alone = group_stories(its[:2], text_of=lambda i: tellings[i][1])
    assert alone.story == ["", ""] and alone.copy_of == [-1, 0]


def test_blocks_do_not_change_the_result(monkeypatch):
    tellings = FLOOD + LITHIUM
    whole = group_stories(items(tellings, outlets=OUTLETS * 2))
    monkeypatch.setattr(grouping, "BLOCK_PAIRS", 1)
    blocked = group_stories(items(tellings, outlets=OUTLETS * 2))
    assert blocked.story == whole.story


def test_nothing_to_group():
    assert group_stories([]).story == []


def test_the_four_seeds_are_one_story():
    corpus = analyse_paths(["seeds"])
    stories = set(corpus.articles["story"])
    assert len(stories) == 1 and stories != {""}
    assert set(corpus.stories["outlets"]) == {4}


def _read(path):
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def _group_rows(rows, **kw):
    return group_stories(
        [StoryItem(r["id"], r.get("outlet") or r["source"], story_signature(r["title"], r["text"]),
                   r.get("published")) for r in rows],
        text_of=lambda i: rows[i]["text"], **kw).story


@pytest.mark.parametrize("dates", [True, False])
def test_basil_dev_pairs_found_with_high_precision_and_recall(shared_file, dates):
    rows = _read(shared_file("outlets", "basil-dev.jsonl.gz"))
    labels = _group_rows(rows, use_dates=dates)
    tp = fp = fn = 0
    for a, b in itertools.combinations(range(len(rows)), 2):
        if rows[a]["outlet"] == rows[b]["outlet"]:
            continue
        same = rows[a]["story"] == rows[b]["story"]
        found = bool(labels[a]) and labels[a] == labels[b]
        tp, fp, fn = tp + (same and found), fp + (found and not same), fn + (same and not found)
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    # With dates, the targets; without them, the measured degradation's floor.
    assert precision >= (0.95 if dates else 0.85), precision
    assert recall >= 0.90, recall


def test_bbc_sections_are_rarely_grouped(shared_file):
    rows = _read(shared_file("news", "news.jsonl.gz"))
    labels = _group_rows(rows)
    members = {}
    for r, s in zip(rows, labels, strict=True):
        if s:
            members.setdefault(s, []).append(r["source"])
    grouped = sum(1 for m in members.values() for a, b in itertools.combinations(m, 2) if a != b)
    sizes = {}
    for r in rows:
        sizes[r["source"]] = sizes.get(r["source"], 0) + 1
    total = sum(x * y for x, y in itertools.combinations(sizes.values(), 2))
    assert grouped / total < 0.01


def test_one_outlet_running_its_text_twice_tells_the_story_once():
    tellings = [FLOOD[0], FLOOD[0], FLOOD[1]]
    its = items(tellings, outlets=("Daily A", "Daily A", "Courier B"))
    result = group_stories(its, text_of=lambda i: tellings[i][1])
    assert result.copy_of == [-1, 0, -1]
    assert result.story[0] == result.story[1] == result.story[2] != ""


def test_block_costs_are_the_postings_summed_per_row(monkeypatch):
    np = pytest.importorskip("numpy")
    sparse = pytest.importorskip("scipy.sparse")
    rng = np.random.default_rng(7)
    dense = (rng.random((40, 12)) < 0.3) * rng.random((40, 12))
    dense[[5, 39]] = 0  # empty rows, the last one too
    matrix = sparse.csr_matrix(dense.astype(np.float32))
    postings = (dense > 0).sum(axis=0)
    cost = [(postings * (row > 0)).sum() for row in dense]
    monkeypatch.setattr(grouping, "_COST_ROWS", 3)  # several slices, ragged at the end
    monkeypatch.setattr(grouping, "BLOCK_PAIRS", 30)
    blocks = grouping._blocks(matrix)
    assert blocks[0][0] == 0 and blocks[-1][1] == 40
    assert all(a[1] == b[0] for a, b in itertools.pairwise(blocks))
    for start, stop in blocks:  # each block is the longest run that fits (or one row)
        assert stop - start == 1 or sum(cost[start:stop]) <= 30
        assert stop == 40 or sum(cost[start:stop + 1]) > 30
