"""Corpus analysis: frames, process pool, picklable results, offsets everywhere."""

from __future__ import annotations

import json
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


def test_keep_runs_in_the_workers_and_gives_what_it_would_in_process(tmp_path):
    from analyser.corpus import iter_path_analyses
    from analyser.streaming import ScoreRecord, score_record

    path = tmp_path / "c.jsonl"
    rows = [{"id": f"a{i}", "outlet": f"o{i % 2}",
             "text": f"The council met on day {i}. It will, you know, raise taxes."}
            for i in range(5)]
    rows.insert(2, {"id": "empty", "text": ""})
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    whole = [score_record(a) if hasattr(a, "scores") else a
             for a in iter_path_analyses([str(path)])]
    for jobs in (1, 2):
        kept = list(iter_path_analyses([str(path)], jobs=jobs, keep=score_record))
        assert [type(k) for k in kept] == [type(w) for w in whole]
        records = [k for k in kept if isinstance(k, ScoreRecord)]
        assert len(records) == 5
        assert records == [w for w in whole if isinstance(w, ScoreRecord)]
