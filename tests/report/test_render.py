"""The report page without a browser: one plotly.js, scorecard rows, escaping, size, data."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from types import SimpleNamespace

import plotly.graph_objects as go
import pytest
from plotly.offline import get_plotlyjs

from analyser.report import figures, render_report, write_report
from analyser.report.data import safe_url
from analyser.report.render import default_report_path
from analyser.report.sources import is_grouped
from analyser.report.views import page_articles

from .helpers import (
    HOSTILE_OUTLET,
    HOSTILE_TEXT,
    HOSTILE_TITLE,
    hostile_corpus,
    outlet_corpus,
    seed_corpus,
)

MAX_SEED_REPORT = 8 * 1024 * 1024


@pytest.fixture(scope="module")
def seeds():
    return seed_corpus()


@pytest.fixture(scope="module")
def seed_html(seeds, tmp_path_factory):
    path = tmp_path_factory.mktemp("report") / "seeds.html"
    write_report(seeds, path, inputs=["seeds"])
    return path.read_text(encoding="utf-8")


class Page(HTMLParser):
    """The bits of the page the tests look at."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[tuple[dict, str]] = []
        self.rows = 0
        self._in_script: dict | None = None
        self._script_text: list[str] = []
        self._in_scorecard_body = False
        self._table: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if tag == "script":
            self._in_script, self._script_text = attrs, []
        if tag == "table":  # the page's tables are not nested
            self._table = attrs.get("id")
        if tag == "tbody" and self._table == "scorecard":
            self._in_scorecard_body = True
        if tag == "tr" and self._in_scorecard_body:
            self.rows += 1

    def handle_endtag(self, tag):
        if tag == "script" and self._in_script is not None:
            self.scripts.append((self._in_script, "".join(self._script_text)))
            self._in_script = None
        if tag == "tbody":
            self._in_scorecard_body = False

    def handle_data(self, data):
        if self._in_script is not None:
            self._script_text.append(data)


def parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    return page


def page_data(html: str) -> dict:
    """The page data, with ``articles``: every article's list entry and stored view merged
    (:func:`analyser.report.views.page_articles`)."""
    for attrs, text in parse(html).scripts:
        if attrs.get("id") == "report-data":
            data = json.loads(text)
            data["articles"] = page_articles(data)
            return data
    raise AssertionError("no report-data script")


def test_plotly_js_is_embedded_exactly_once(seed_html):
    probe = get_plotlyjs()[:300]
    assert seed_html.count(probe) == 1
    assert seed_html.count("<script") == 3  # plotly.js, page data, page script


def test_nothing_is_loaded_from_anywhere(seed_html):
    page = parse(seed_html)
    for tag, attrs in page.tags:
        assert "src" not in attrs or attrs["src"].startswith("data:"), (tag, attrs)
        if tag == "link":
            raise AssertionError(f"external link tag {attrs}")
    csp = [a["content"] for t, a in page.tags
           if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    assert csp and "default-src 'none'" in csp[0] and "connect-src 'none'" in csp[0]


def test_seed_report_under_8_mb(seed_html):
    assert len(seed_html.encode("utf-8")) < MAX_SEED_REPORT


def test_header_has_versions_inputs_and_date(seed_html):
    from analyser.version import RULESET_VERSION, __version__

    head = seed_html[: seed_html.index("<main")]
    assert f"analyser {__version__}" in head and f"rule set {RULESET_VERSION}" in head
    assert "<code>seeds</code>" in head
    assert re.search(r"generated \d{4}-\d\d-\d\d \d\d:\d\d UTC", head)


def test_scorecard_has_one_row_per_seed_with_distinct_labels(seeds, seed_html):
    assert parse(seed_html).rows == 4
    labels = figures.source_labels(seeds.articles)
    assert len(set(labels)) == 4
    assert "News Journos" in set(labels)
    assert not any("outlet not named" in label for label in labels)


def test_scorecard_cells_have_meaning_and_shading(seed_html):
    table = seed_html[seed_html.index('<table id="scorecard"'): seed_html.index("</table>")]
    assert 'title="Calibrated readability grade' in table
    assert "background-color: rgba(" in table
    assert "worst of 4" in table


def test_every_chart_is_a_figure_for_the_seeds(seeds):
    for chart_id, function, caption in figures.CHARTS:
        if chart_id in figures.CORPUS_ONLY:
            with pytest.raises(figures.NotApplicable):
                function(seeds)
            continue
        fig = function(seeds)
        assert isinstance(fig, go.Figure), chart_id
        assert fig.data, chart_id
        assert caption


def test_seed_page_draws_every_chart(seed_html):
    data = page_data(seed_html)
    ids = [c["id"] for c in data["charts"]]
    assert ids == [c for c, _, _ in figures.CHARTS if c not in figures.CORPUS_ONLY]
    assert "Not shown" not in seed_html
    for chart_id in ids:
        assert f'id="chart-{chart_id}"' in seed_html


def test_article_data_round_trips_text_and_findings(seeds, seed_html):
    data = page_data(seed_html)
    by_id = {a.id: a for a in seeds.analyses}
    assert len(data["articles"]) == 4
    for art in data["articles"]:
        analysis = by_id[art["id"]]
        assert art["text"] == analysis.text
        f = art["f"]
        assert len(f) == 9 * len(analysis.findings)
        for i, finding in enumerate(analysis.findings):
            start, end, cat = f[9 * i: 9 * i + 3]
            assert art["text"][start:end] == finding.text
            assert data["categories"][cat] == finding.category
            assert data["codes"][f[9 * i + 3]] == finding.code
        assert len(art["s"]) == 4 * len(analysis.sentences)


def test_hostile_text_is_escaped_and_round_trips():
    corpus = hostile_corpus()
    html = render_report(corpus, inputs=["<script>alert('input')</script>"])
    # No payload appears as markup anywhere in the page.
    for needle in ("<script>window.__pwned", "<img src=x", "<script>alert",
                   "</script><script>window", "onerror=\"window"):
        assert needle not in html, needle
    # Only the three page scripts exist, and each closes where it should.
    assert html.count("<script") == 3 and html.count("</script>") == 3
    # Attributes cannot be broken out of: the quote is escaped in the title attribute.
    assert "&#34;&gt;&lt;script&gt;" in html or "&quot;&gt;&lt;script&gt;" in html
    data = page_data(html)
    evil = next(a for a in data["articles"] if a["id"] == "evil")
    assert evil["text"] == HOSTILE_TEXT
    assert evil["title"] == HOSTILE_TITLE and evil["outlet"] == HOSTILE_OUTLET
    assert evil["url"] == ""  # javascript: URLs are dropped
    assert next(a for a in data["articles"] if a["id"] == "plain")["url"].startswith("https:")


@pytest.mark.parametrize("url, ok", [
    ("https://example.org/a?b=1", True), ("http://x.y", True),
    ("javascript:alert(1)", False), (" JaVaScRiPt:alert(1)", False),
    ("data:text/html,<script>", False), ("//evil.example", False), ("", False),
    (None, False), ("https://x.y/\"onmouseover=alert(1)", False),
])
def test_safe_url(url, ok):
    assert bool(safe_url(url)) is ok


def test_corpus_mode_groups_by_outlet():
    corpus = outlet_corpus(per_outlet=6)
    labels = figures.source_labels(corpus.articles)
    assert sorted(set(labels)) == ["East Wire", "North Post", "South Daily"]
    assert is_grouped(labels)
    html = render_report(corpus)
    assert parse(html).rows == 3
    data = page_data(html)
    assert data["grouped"] is True and len(data["articles"]) == 18
    assert "mean of 6 articles, 95% interval" in html
    drawn = [c["id"] for c in data["charts"]]
    assert figures.CORPUS_ONLY <= set(drawn)


def test_few_articles_are_each_their_own_source():
    corpus = outlet_corpus(per_outlet=2, outlets=("Same Outlet",))
    labels = figures.source_labels(corpus.articles)
    assert len(set(labels)) == 2
    assert all(label.startswith("Same Outlet: ") for label in labels)


def test_missing_families_degrade_gracefully(seeds):
    """Absent columns: scorecard cells dropped, charts skipped, page still renders."""
    keep = ["id", "outlet", "title", "url", "published", "source", "words",
            "flesch_reading_ease", "flesch_kincaid_grade", "consensus_grade"]
    thin = SimpleNamespace(
        analyses=seeds.analyses, errors=[],
        articles=seeds.articles[keep].copy(),
        sentences=seeds.sentences[["article_id", "outlet", "index", "start", "end", "kind",
                                   "text", "words", "flesch_kincaid_grade"]].copy(),
        findings=seeds.findings.iloc[0:0].copy(),
    )
    with pytest.raises(figures.NoData):
        figures.novelty_curves(thin)
    with pytest.raises(figures.NoData):
        figures.phrase_heatmap(thin)
    html = render_report(thin, inputs=["seeds"])
    data = page_data(html)
    drawn = {c["id"] for c in data["charts"]}
    assert {"grade-by-formula", "sentence-grades"} <= drawn
    assert "novelty-curves" not in drawn and "padding-breakdown" not in drawn
    assert "Not shown (no data yet)" in html
    assert [m["name"] for m in data["measures"]] == ["Reading ease", "Words"]


def test_nan_scores_show_a_dash(seeds):
    articles = seeds.articles.copy()
    articles.loc[0, "filler_per_1k"] = float("nan")
    corpus = SimpleNamespace(analyses=seeds.analyses, errors=[], articles=articles,
                             sentences=seeds.sentences, findings=seeds.findings)
    html = render_report(corpus)
    assert ">—</td>" in html
    assert "not measured for this source" in html


def test_default_report_path():
    assert str(default_report_path(["seeds"])) == "reports/seeds-report.html"
    assert str(default_report_path(["/x/news.jsonl.gz"])) == "reports/news-report.html"
    assert str(default_report_path([])) == "reports/analyser-report.html"


def test_inputs_not_analysed_are_listed():
    from analyser.ingest import IngestError

    corpus = hostile_corpus()
    corpus.errors.append(IngestError("<b>broken</b>.html", "no article text found"))
    html = render_report(corpus)
    assert "1 input could not be analysed" in html
    assert "&lt;b&gt;broken&lt;/b&gt;.html: no article text found" in html


def test_empty_frames_do_not_crash_the_charts():
    corpus = outlet_corpus(per_outlet=1, outlets=("Only",))
    corpus.analyses[0].findings.clear()
    empty = SimpleNamespace(analyses=corpus.analyses, errors=[],
                            articles=corpus.articles, sentences=corpus.sentences.iloc[0:0],
                            findings=corpus.findings.iloc[0:0])
    html = render_report(empty)
    assert parse(html).rows == 1


def test_untitled_article_has_no_nan_in_its_scorecard_tooltip():
    from .helpers import template_corpus

    html = render_report(template_corpus())
    tips = re.findall(r'<th scope="row"[^>]*><button [^>]*title="([^"]*)"', html)
    assert len(tips) == 3
    assert all("nan" not in t.split() and "\n — " not in t for t in tips), tips
    # The untitled article: its name, then (no title) where it came from.
    assert "Plain Times\nPlain Times" in tips


def test_plotly_template_syntax_is_escaped_in_chart_text():
    from analyser.report.style import esc, tick

    assert esc("Rate %{y} and %{meta} & <b>") == "Rate &#37;{y} and &#37;{meta} &amp; &lt;b&gt;"
    assert esc("50% off {sale}") == "50% off {sale}"  # only "%{" starts a placeholder
    assert "%{" not in tick("Rate %{y}")


def test_long_names_are_cut_across_tick_lines_without_losing_a_character():
    from analyser.report.style import tick

    name = "https://www.a-very-long-name-with-no-spaces.example.co.uk/news/politics"
    lines = tick(name).split("<br>")
    assert all(len(line) <= 13 for line in lines) and "".join(lines) == name
    assert tick("Plain Times") == "Plain Times"
