"""The report says one thing once: charts agree with the scorecard, ranks read right, the
article view's grades agree with the findings' messages, legends keep clear of titles."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest
from markupsafe import escape

from analyser import catalog
from analyser.catalog import CATEGORY_NAMES
from analyser.report import data, figures, render_report, style

from .helpers import outlet_corpus, seed_corpus
from .test_render import page_data


@pytest.fixture(scope="module")
def seeds():
    return seed_corpus()


@pytest.fixture(scope="module", params=["seeds", "outlets"])
def corpus(request, seeds):
    return seeds if request.param == "seeds" else outlet_corpus(per_outlet=6)


def _chart_values(corpus) -> dict[str, list[float | None]]:
    """Category -> the bar heights of the findings chart, in source order."""
    fig = figures.findings_by_category(corpus)
    by_label = {style.category_style(c)["label"]: c for c in CATEGORY_NAMES}
    return {by_label.get(t.name, t.name): list(t.y) for t in fig.data}


def test_findings_chart_equals_the_scorecard(corpus):
    """Every category with a ``<category>_per_1k`` score shows that score, source by source
    (in corpus mode: the mean over the outlet's articles, as the scorecard shows it)."""
    sources = figures.source_labels(corpus.articles)
    card = data.scorecard(corpus.articles, sources)
    chart = _chart_values(corpus)
    checked = 0
    for j, col in enumerate(card["columns"]):
        m = re.fullmatch(r"(.+)_per_1k", col["column"])
        if not m or m.group(1) not in CATEGORY_NAMES:
            continue
        cat = m.group(1)
        expected = [row["cells"][j]["value"] for row in card["rows"]]
        got = chart.get(cat, [0.0] * len(expected))  # no findings: no bar, rate 0
        assert got == pytest.approx(expected, abs=0.006), cat
        checked += 1
    assert checked >= 4  # filler, hedge, intensifier, weasel, passive
    # Scores the scorecard does not show (padding, meta) are read from the same columns.
    arts = corpus.articles.assign(source=corpus.articles["id"].astype(str).map(sources))
    order = list(dict.fromkeys(sources.values))
    for cat in ("padding", "meta"):
        if cat in chart:
            means = arts.groupby("source")[f"{cat}_per_1k"].mean().reindex(order)
            assert chart[cat] == pytest.approx(list(means), abs=0.006), cat


def test_seed_000_filler_rate_is_the_scorecards(seeds):
    """The audit's case: 13.7 per 1,000 in both places (not 14.3, which counted every
    finding against prose words)."""
    row = seeds.articles[seeds.articles["id"].str.startswith("000_")].iloc[0]
    labels = figures.source_labels(seeds.articles)
    i = list(dict.fromkeys(labels.values)).index(labels[row["id"]])
    assert _chart_values(seeds)["filler"][i] == pytest.approx(row["filler_per_1k"], abs=0.006)


def test_categories_without_a_score_leave_quotes_out(seeds):
    """Repetition and hard sentences have no per-1,000 score: the chart counts their
    findings outside quotations per 1,000 of the writer's own words, per article."""
    finds = seeds.findings.copy()
    first = finds.index[finds["category"] == "repetition"][:5]
    finds.loc[first, "in_quote"] = True
    corpus = SimpleNamespace(analyses=seeds.analyses, articles=seeds.articles,
                             sentences=seeds.sentences, findings=finds)
    own_words = {a.id: a.own_words for a in seeds.analyses}
    rates, counts, computed = figures.category_rates(corpus)
    assert {"repetition", "hard-sentence"} <= set(computed)
    assert "filler" not in computed
    labels = figures.source_labels(seeds.articles)
    for _, art in seeds.articles.iterrows():
        own = finds[(finds["article_id"] == art["id"]) & (finds["category"] == "repetition")
                    & ~finds["in_quote"]]
        label = labels[art["id"]]
        assert counts.at[label, "repetition"] == len(own)
        assert rates.at[label, "repetition"] == pytest.approx(
            1000 * len(own) / own_words[art["id"]])


def test_heatmap_rates_count_the_scores_words(seeds):
    """The phrase heatmap rates a source's phrases per 1,000 of the words its
    ``filler_per_1k`` is counted over: with every filler phrase shown, a column adds up to
    the scorecard's filler rate."""
    fig = figures.phrase_heatmap(seeds, categories=("filler",), top=1000)
    labels = figures.source_labels(seeds.articles)
    order = list(dict.fromkeys(labels.values))
    columns = [sum(row[j] for row in fig.data[0].z) for j in range(len(order))]
    for _, art in seeds.articles.iterrows():
        got = columns[order.index(labels[art["id"]])]
        assert got == pytest.approx(art["filler_per_1k"], abs=0.01 * len(fig.data[0].z))


def test_scorecard_and_legend_read_the_catalogue(seeds):
    """Labels, help and direction of the scorecard, and the categories' colours and help
    in the page, are the catalogue's; word counts are shown but never judged."""
    card = data.scorecard(seeds.articles, figures.source_labels(seeds.articles))
    assert [c["column"] for c in card["columns"]] == [s.name for s in catalog.SCORECARD]
    for col in card["columns"]:
        score = catalog.SCORE[col["column"]]
        assert (col["name"], col["help"]) == (score.label, score.help)
        assert col["direction"] == (0 if col["column"] == "words" else score.sign)
    words = [c["column"] for c in card["columns"]].index("words")
    for row in card["rows"]:
        assert row["cells"][words]["style"] == "" and " of 4 " not in row["cells"][words]["tip"]
    html = render_report(seeds)
    for c in catalog.CATEGORIES:
        assert f"<dd>{escape(c.help)}</dd>" in html, c.name
        assert style.category_style(c.name)["color"] == c.color
    unknown = style.category_style("house-rule")
    assert unknown["label"] == "house-rule" and unknown["slug"] == "house-rule"


def test_frames_alone_draw_all_but_the_own_word_rates(seeds):
    """Without the analyses, nothing says which words are quoted: the charts rated per
    1,000 of the writer's own words say so; the others draw from the frames alone."""
    frames = SimpleNamespace(articles=seeds.articles, sentences=seeds.sentences,
                             findings=seeds.findings)
    for chart in (figures.findings_by_category, figures.phrase_heatmap):
        with pytest.raises(figures.NoData, match="own words"):
            chart(frames)
    assert figures.grade_by_formula(frames).data and figures.novelty_curves(frames).data


def test_findings_caption_says_how_rates_are_counted():
    for grouped in (False, True):
        text = figures.caption("findings-by-category", grouped)
        assert "scorecard" in text and "quot" in text and "repetition" in text.lower()
    assert "mean" in figures.caption("findings-by-category", True)


@pytest.mark.parametrize("value, expected", [
    (1.0, "best of 4 (lower is better)"),
    (2.0, "2nd best of 4 (lower is better)"),
    (3.0, "2nd worst of 4 (lower is better)"),
    (4.0, "worst of 4 (lower is better)"),
])
def test_rank_words_lower_is_better(value, expected):
    assert data.rank_text(value, [1.0, 2.0, 3.0, 4.0], +1) == expected


def test_rank_words_higher_is_better_and_ties():
    values = [0.0, 0.0, 0.0, 13.7]
    assert data.rank_text(13.7, values, -1) == "best of 4 (higher is better)"
    assert data.rank_text(0.0, values, -1) == "joint worst of 4 (higher is better)"
    assert data.rank_text(0.0, values, +1) == "joint best of 4 (lower is better)"
    # Values that read the same in the cell are joint.
    assert data.rank_text(0.971, [0.971, 0.974, 1.0], -1, 2) == \
        "joint worst of 3 (higher is better)"
    assert data.rank_text(5.0, [1.0, 5.0, 9.0], +1) == "2nd best of 3 (lower is better)"


def test_scorecard_never_calls_the_best_value_worst(seeds):
    sources = figures.source_labels(seeds.articles)
    card = data.scorecard(seeds.articles, sources)
    tips = [c["tip"] for r in card["rows"] for c in r["cells"]]
    assert not any(re.search(r"\b4th worst\b", t) for t in tips)
    for j, col in enumerate(card["columns"]):
        if not col["direction"]:
            continue
        cells = [r["cells"][j] for r in card["rows"] if r["cells"][j]["value"] is not None]
        better = min if col["direction"] > 0 else max
        best = better(c["value"] for c in cells)
        for c in cells:
            if c["value"] == best:
                assert "best of 4" in c["tip"] and "worst" not in c["tip"].split(" — ")[1], c


def test_tooltip_grade_is_the_message_grade(seeds):
    """The article view's sentence grade is rounded as the HRD001/HRD002 message is."""
    blob = page_data(render_report(seeds))
    codes = blob["codes"]
    checked = 0
    for art in blob["articles"]:
        s, f, strings = art["s"], art["f"], art["strings"]
        for i in range(0, len(f), 9):
            code, message, sentence = codes[f[i + 3]], strings[f[i + 4]], f[i + 6]
            if not code.startswith("HRD"):
                continue
            grade = s[4 * sentence + 3]
            assert f"(grade {grade})" in message, (message, grade)
            checked += 1
    assert checked > 2


@pytest.mark.parametrize("grade, whole", [(14.6, 15), (14.5, 14), (15.5, 16), (14.49, 14),
                                          (14.499, 14), (0.0, 0), (30.0, 30)])
def test_whole_grade_rounds_like_the_message(grade, whole):
    assert style.whole_grade(grade) == whole == int(f"{round(grade, 2):.0f}")


def test_top_legends_reserve_their_rows_below_the_title():
    """A top legend hangs from under the title (container coordinates), and the top margin
    holds every row it wraps into; with long labels too."""
    long = outlet_corpus(per_outlet=1, outlets=(
        "<img src=x onerror=\"window.__p1=1\">Outlet with a very long name indeed",
        "<a href=\"javascript:window.__p7=1\">click</a>", "Plain"))
    for corpus in (seed_corpus(), long):
        for chart_id, function, _ in figures.CHARTS:
            if chart_id in figures.CORPUS_ONLY:
                continue
            fig = function(corpus)
            legend = fig.layout.legend
            if fig.layout.showlegend is False or legend.orientation != "h":
                continue
            assert legend.yref == "container" and legend.yanchor == "top", chart_id
            top_px = round((1 - legend.y) * fig.layout.height, 6)
            assert top_px >= style.TITLE_PX, chart_id
            rows = style.legend_rows(fig, style.CHART_WIDTH - fig.layout.margin.l
                                     - fig.layout.margin.r)
            assert fig.layout.margin.t >= top_px + style.LEGEND_ROW_PX * rows, chart_id


def test_padding_breakdown_labels_fit_a_fixed_margin():
    long = outlet_corpus(per_outlet=1, outlets=(
        "<img src=x onerror=\"window.__p1=1\">OutletWithAVeryLongUnbrokenName", "B"))
    fig = figures.padding_breakdown(long)
    assert fig.layout.yaxis.automargin is False
    for tick in fig.data[0].y:
        lines = tick.split("<br>")
        assert len(lines) <= 3
        assert all(len(re.sub(r"&\w+;", "x", line)) <= 18 for line in lines)
        assert "<img" not in tick  # still escaped
    assert fig.layout.margin.l <= 16 + 7.5 * 18 + 1


def test_article_view_numbers_read_as_the_scorecard(seeds):
    """One article per source: the article view's scores are the scorecard's cells, text
    for text (one rounding, done once: 40.5 is not "40" in one place and "41" in another)."""
    html = render_report(seeds)
    blob = page_data(html)
    card = data.scorecard(seeds.articles, figures.source_labels(seeds.articles))
    by_key = {r["key"]: [c["text"] for c in r["cells"]] for r in card["rows"]}
    for art in blob["articles"]:
        assert art["t"] == by_key[f"a:{art['id']}"]
    assert "toLocaleString" not in html.split('id="report-data"')[1]


def test_negligible_differences_are_not_coloured():
    """0.0 against 0.1 fillers per 1,000 words is no verdict, even when every source sits
    in that narrow range (the corpus-mode case of the BBC outlets)."""
    import pandas as pd

    articles = pd.DataFrame({"id": ["a", "b", "c"], "title": ["A", "B", "C"],
                             "filler_per_1k": [0.0, 0.1, 0.08],
                             "hedge_per_1k": [1.5, 3.7, 3.0], "words": [300, 300, 300]})
    sources = pd.Series(["A", "B", "C"], index=["a", "b", "c"])
    card = data.scorecard(articles, sources)
    col = {c["column"]: j for j, c in enumerate(card["columns"])}
    assert all(r["cells"][col["filler_per_1k"]]["style"] == "" for r in card["rows"])
    hedges = [r["cells"][col["hedge_per_1k"]]["style"] for r in card["rows"]]
    assert "0,114,178" in hedges[0] and "213,94,0" in hedges[1]  # blue, orange


def test_reports_readme_states_the_default_path():
    from analyser.report import default_report_path

    from .helpers import REPO

    readme = (REPO / "reports" / "README.md").read_text(encoding="utf-8")
    assert "<date>" not in readme
    for inputs in (["seeds"], ["news.jsonl.gz"]):
        assert f"`{default_report_path(inputs).as_posix()}`" in readme


def test_sentence_chart_hover_states_the_message_grade(seeds):
    """A sentence dot's hover says the grade its hard-sentence finding says."""
    fig = figures.sentence_grades(seeds)
    hover = {}
    for trace in fig.data:
        for key, text in zip(trace.customdata, trace.text, strict=True):
            hover[key] = text
    checked = 0
    for _, f in seeds.findings[seeds.findings["code"].str.startswith("HRD")].iterrows():
        key = f"a:{f['article_id']}:{int(f['sentence'])}"
        if key not in hover:  # headings are not plotted (prose only)
            continue
        grade = re.search(r"\(grade (\d+)\)", f["message"]).group(1)
        assert hover[key].startswith(f"grade {grade}<br>"), (hover[key][:40], f["message"])
        checked += 1
    assert checked > 2


def test_a_click_on_a_violin_lists_its_outlet_not_its_first_article():
    """plotly reports a click on a violin's body as the trace's first point: the violin
    must carry only its outlet key, and the outlying articles their own."""
    corpus = outlet_corpus(per_outlet=6)
    corpus.articles.loc[0, "padding_index"] = 99.0  # an outlier in North Post
    fig = figures.padding_distribution(corpus)
    violins = [t for t in fig.data if t.type == "violin"]
    assert violins and all(t.customdata is None and t.meta.startswith("o:") for t in violins)
    dots = [t for t in fig.data if t.type == "scatter" and t.customdata is not None
            and str(t.customdata[0]).startswith("a:")]
    assert any(99.0 in list(t.y) for t in dots)
