"""Outlets compared on the same stories: effects, intervals, and what is never judged."""

from __future__ import annotations

import numpy as np
import pandas as pd

from analyser.stories import outlet_effects, story_values
from analyser.stories import paired as paired_mod


def frames(n_stories: int, shift: float, noise: float, seed: int = 1, outlets=("A", "B")):
    """Articles and stories: each story told once by each outlet; outlet A reads ``shift``
    grades harder than B on the same story, plus noise; stories differ a lot in topic."""
    rng = np.random.default_rng(seed)
    arts, stories = [], []
    for s in range(n_stories):
        topic = rng.normal(10, 3)
        for k, o in enumerate(outlets):
            ident = f"{s}-{o}"
            value = topic + (shift if k == 0 else 0.0) + rng.normal(0, noise)
            arts.append({"id": ident, "outlet": o, "readability_grade": value})
            stories.append({"story": f"story-{s + 1}", "id": ident, "outlet": o,
                            "telling": True})
    return pd.DataFrame(arts), pd.DataFrame(stories)


def effect(df, outlet, measure="readability_grade"):
    return df[(df["outlet"] == outlet) & (df["measure"] == measure)].iloc[0]


def test_a_steady_difference_on_the_same_stories_is_supported():
    arts, stories = frames(30, shift=1.0, noise=0.3)
    df = outlet_effects(arts, stories, ["readability_grade"])
    a, b = effect(df, "A"), effect(df, "B")
    assert a["basis"] == "stories" and a["stories"] == 30
    assert abs(a["effect"] - 0.5) < 0.15 and abs(b["effect"] + 0.5) < 0.15
    assert a["ci_low"] > 0 and b["ci_high"] < 0
    assert a["supported"] and b["supported"]


def test_topic_spread_alone_is_not_a_difference():
    arts, stories = frames(30, shift=0.0, noise=0.3)
    df = outlet_effects(arts, stories, ["readability_grade"])
    assert not df["supported"].any()
    assert (df["ci_low"] < 0).all() and (df["ci_high"] > 0).all()


def test_too_few_stories_are_never_judged():
    arts, stories = frames(paired_mod.MIN_STORIES - 1, shift=3.0, noise=0.1)
    df = outlet_effects(arts, stories, ["readability_grade"], basis="stories")
    assert not df["supported"].any()
    assert (df["stories"] == paired_mod.MIN_STORIES - 1).all()


def test_copies_and_unnamed_outlets_do_not_count():
    arts, stories = frames(10, shift=1.0, noise=0.2)
    stories.loc[stories["id"] == "0-B", "telling"] = False
    values = story_values(arts, stories, ["readability_grade"])
    assert "story-1" not in set(values["story"])  # one telling left: nothing to pair
    stories["outlet"] = stories["outlet"].replace("B", "")
    assert outlet_effects(arts, stories, ["readability_grade"], basis="stories").empty


def test_differences_are_from_the_story_mean_of_outlets():
    arts, stories = frames(6, shift=2.0, noise=0.0, outlets=("A", "B", "C"))
    values = story_values(arts, stories, ["readability_grade"])
    diffs = values.set_index(["story", "outlet"])["readability_grade_difference"]
    assert np.allclose(diffs.xs("A", level="outlet"), 2.0 - 2.0 / 3)
    assert np.allclose(values.groupby("story")["readability_grade_difference"].sum(), 0)


def test_without_shared_stories_outlets_are_compared_over_all_articles():
    arts, _ = frames(20, shift=1.0, noise=0.3)
    empty = pd.DataFrame(columns=["story", "id", "outlet", "telling"])
    df = outlet_effects(arts, empty, ["readability_grade"])
    assert set(df["basis"]) == {"articles"}
    assert outlet_effects(arts, empty, ["readability_grade"], basis="stories").empty


def test_the_intervals_are_reproducible():
    arts, stories = frames(12, shift=0.5, noise=0.5)
    first = outlet_effects(arts, stories, ["readability_grade"])
    assert first.equals(outlet_effects(arts, stories, ["readability_grade"]))


def test_basil_dev_paired_table_rests_on_its_stories(shared_file):
    from analyser import analyse_paths

    corpus = analyse_paths([shared_file("outlets", "basil-dev.jsonl.gz")], jobs=2)
    paired = corpus.paired
    assert set(paired["outlet"]) == {"New York Times", "Fox News", "HuffPost"}
    assert (paired["stories"] >= 40).all()
    grade = paired[paired["measure"] == "readability_grade"]
    assert (grade["ci_low"] <= grade["effect"]).all()
    assert (grade["effect"] <= grade["ci_high"]).all()
    assert set(corpus.articles["story"]) - {""} == set(corpus.stories["story"])


def test_resampling_in_blocks_gives_the_same_intervals(monkeypatch):
    arts, stories = frames(40, shift=0.5, noise=0.5)
    whole = outlet_effects(arts, stories, ["readability_grade"])
    monkeypatch.setattr(paired_mod, "RESAMPLE_CELLS", 100)
    assert whole.equals(outlet_effects(arts, stories, ["readability_grade"]))
