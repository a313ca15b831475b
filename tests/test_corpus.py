"""Corpus analysis: frames, process pool, picklable results, offsets everywhere."""

from __future__ import annotations

import pickle

import pandas as pd

from analyser import analyse_paths
from analyser.analysis import analyse_article
from analyser.models import Article


def test_frames_and_offsets(seeds_dir):
    corpus = analyse_paths([seeds_dir])
    assert len(corpus) == 4 and not corpus.errors
    arts = corpus.articles
    assert list(arts["id"].str[:3]) == ["000", "001", "002", "003"]
    assert {"analyser_version", "ruleset_version"} <= set(arts.columns)
    assert set(corpus.sentences["article_id"]) == set(arts["id"])
    for a in corpus.analyses:
        for f in a.findings:
            assert a.text[f.start : f.end] == f.text, f
        for s in a.sentences:
            assert a.text[s["start"] : s["end"]] == s["text"]
    assert isinstance(corpus.outlets, pd.DataFrame)
    assert set(corpus.outlets["outlet"]) == {"News Journos", "outlet not named on page"}


def test_process_pool_gives_the_same_scores(seeds_dir):
    one = analyse_paths([seeds_dir]).articles
    two = analyse_paths([seeds_dir], jobs=2).articles
    pd.testing.assert_frame_equal(one, two)


def test_analysis_is_picklable():
    article = Article(id="x", raw="He declined. The U.S. said so.", preclean=True)
    a = analyse_article(article)
    b = pickle.loads(pickle.dumps(a))
    assert b.scores == a.scores and b.text == a.text
