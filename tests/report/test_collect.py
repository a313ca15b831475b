"""The report's data collected one article at a time: the same frames as the in-memory
corpus, finding counts in place of the findings, a stated sentence sample, and article
views stored compressed, once per distinct body, under a size cap."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from analyser.report import figures, render_report, write_report
from analyser.report.collect import collect
from analyser.report.findings_charts import bubble_note
from analyser.report.frames import finding_counts
from analyser.report.views import ViewStore, decode_block

from .helpers import outlet_corpus, seed_corpus, story_corpus
from .test_render import page_data


@pytest.fixture(scope="module")
def corpus():
    return outlet_corpus(per_outlet=6)


def test_streamed_frames_are_the_corpus_frames(corpus):
    report = collect(iter(corpus.analyses))
    pd.testing.assert_frame_equal(report.articles, corpus.articles, check_dtype=False)
    pd.testing.assert_frame_equal(report.stories, corpus.stories, check_dtype=False)
    assert report.own_word_counts == {a.id: a.own_words for a in corpus.analyses}
    assert not report.sample.partial and report.sample.note() == ""
    pd.testing.assert_frame_equal(report.sentences, corpus.sentences, check_dtype=False)


def test_finding_counts_are_the_unquoted_findings(corpus):
    streamed = collect(iter(corpus.analyses)).finding_counts
    counted = finding_counts(corpus)
    key = ["article_id", "category", "phrase"]
    a = streamed.sort_values(key).reset_index(drop=True)
    b = counted.sort_values(key).reset_index(drop=True)
    pd.testing.assert_frame_equal(a, b, check_dtype=False)
    own = corpus.findings[~corpus.findings["in_quote"].astype(bool)]
    assert streamed["n"].sum() == len(own) > 0


def test_charts_from_streamed_data_match_the_corpus(corpus):
    report = collect(iter(corpus.analyses))
    for chart_id in ("findings-by-category", "phrase-heatmap", "grade-by-formula"):
        function = next(f for i, f, _ in figures.CHARTS if i == chart_id)
        assert function(report).to_json() == function(corpus).to_json(), chart_id


def test_the_sentence_sample_is_capped_and_stated(corpus):
    report = collect(iter(corpus.analyses), sample_articles=4)
    assert report.sample.partial
    assert report.sentences["article_id"].nunique() == 4
    assert report.sample.sentences == len(report.sentences)
    note = report.sample.note()
    assert note == (f"Drawn from a random sample of 4 of the 18 articles "
                    f"({len(report.sentences)} sentences).")
    html = render_report(report)
    data = page_data(html)
    assert note in html
    # stated under the sentence-level charts only
    assert html.count(note) == len({"sentence-grades", "novelty-curves"}
                                   & {c["id"] for c in data["charts"]})
    assert len(data["articles"]) == 18  # every article is still listed and viewable
    assert all("text" in a for a in data["articles"])


def test_the_sample_is_the_same_each_run(corpus):
    one = collect(iter(corpus.analyses), sample_articles=4).sentences
    two = collect(iter(corpus.analyses), sample_articles=4).sentences
    assert list(one["article_id"]) == list(two["article_id"])


def test_identical_bodies_are_stored_once():
    corpus = story_corpus(copy=True)
    report = collect(iter(corpus.analyses))
    assert report.views.reused == 1 and report.views.stored == len(corpus.analyses)
    records = [r for b in report.views.blocks() for r in decode_block(b)["records"]]
    assert sum("body" in r for r in records) == len(corpus.analyses) - 1
    copy = records[-1]
    assert "body" not in copy and copy["title"].endswith("(wire)")
    assert records[copy["same"] % 1024]["body"]["text"] == corpus.analyses[-1].text


def test_views_past_the_cap_are_not_stored_and_the_page_says_so(tmp_path, corpus):
    probe = collect(iter(corpus.analyses[:4]), views=ViewStore(block_records=4))
    first = len(next(probe.views.blocks()))
    report = collect(iter(corpus.analyses),
                     views=ViewStore(max_chars=first + 10, block_records=4))
    assert report.views.stored == 4 and list(report.views.refs)[4:] == [-1] * 14
    path = write_report(report, tmp_path / "capped.html")
    html = path.read_text(encoding="utf-8")
    data = page_data(html)
    assert [a["id"] for a in data["articles"] if "text" in a] == \
        [a.id for a in corpus.analyses[:4]]
    assert len(data["articles"]) == 18
    assert "the highlighted text of the first 4 of the 18 articles" in html


def test_messages_are_kept_per_block(corpus):
    """A message may quote its article: messages travel with the views, compressed, and
    the page-wide tables hold categories and rule codes only."""
    report = collect(iter(corpus.analyses), views=ViewStore(block_records=4))
    data = page_data(render_report(report))
    assert "strings" not in data
    blocks = [decode_block(b) for b in data["views"]]
    assert len(blocks) == 5
    by_id = {a.id: a for a in corpus.analyses}
    for art in data["articles"]:
        f = art["f"]
        messages = [art["strings"][f[k + 4]] for k in range(0, len(f), 9)]
        assert messages == [x.message for x in by_id[art["id"]].findings]


def test_write_report_streams_the_same_page_as_render(tmp_path):
    seeds = seed_corpus()
    path = write_report(seeds, tmp_path / "seeds.html")
    written = page_data(path.read_text(encoding="utf-8"))
    rendered = page_data(render_report(seeds))
    assert written["views"] == rendered["views"]
    assert written["articles"] == rendered["articles"]
    assert json.dumps(written["index"]) == json.dumps(rendered["index"])


@pytest.mark.parametrize("articles, note", [
    (2500, ""), (2501, "Drawn from a random sample of 2,500 of the 2,501 articles."),
])
def test_bubble_sample_note(articles, note):
    assert bubble_note(articles) == note


def test_bubble_chart_samples_past_its_cap(corpus):
    fig = figures.readability_vs_filler(corpus, max_bubbles=5)
    assert sum(len(t.x) for t in fig.data) == 5


def test_violins_are_drawn_from_a_sample_past_their_cap(monkeypatch):
    from analyser.report import grade_charts

    corpus = outlet_corpus(per_outlet=6)
    full = figures.padding_distribution(corpus)
    monkeypatch.setattr(grade_charts, "MAX_VIOLIN_POINTS", 4)
    fig = figures.padding_distribution(corpus)
    violins = [t for t in fig.data if t.type == "violin"]
    assert [len(t.y) for t in violins] == [4, 4, 4]
    # the means (diamonds) still use every article
    means = [t.y for t in fig.data if t.type == "scatter" and t.marker.symbol == "diamond"]
    assert means == [t.y for t in full.data
                     if t.type == "scatter" and t.marker.symbol == "diamond"]
    sources = figures.source_labels(corpus.articles)
    assert grade_charts.violin_note(sources, cap=4).startswith(
        "Each violin is drawn from a random sample of 4 of the outlet's articles")
    assert grade_charts.violin_note(sources) == ""
