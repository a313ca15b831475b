"""The report's "Same story, different outlets" section: the outlet-effects forest plot,
the story list and its page data, on small made-up corpora and (where the shared data
sets are present) on basil-dev."""

from __future__ import annotations

import json
import re
from types import SimpleNamespace

import pandas as pd
import pytest

from analyser.analysis import analyse_text
from analyser.catalog import SCORE, SCORECARD
from analyser.corpus import Corpus
from analyser.report import render_report
from analyser.report.frames import NoData, NotApplicable
from analyser.report.story_charts import (
    DEFAULT_MEASURE,
    GREY,
    outlet_effects_chart,
    why_not_supported,
)
from analyser.report.story_data import TELLING_MEASURES, story_section
from analyser.report.views import decode_block
from analyser.stories.paired import EFFECT_COLUMNS, MIN_STORIES
from analyser.stories.table import STORY_COLUMNS

from .helpers import basil_corpus, seed_corpus, story_corpus

PAGE_DATA = re.compile(
    r'<script id="report-data" type="application/json">(.*?)</script>', re.DOTALL)


def page_data(html: str) -> dict:
    return json.loads(PAGE_DATA.search(html).group(1))


def stored_views(data: dict) -> str:
    """The stored article views as JSON text (what the page inflates)."""
    return json.dumps([decode_block(b) for b in data["views"]], ensure_ascii=False)


@pytest.fixture(scope="module")
def stories():
    return story_corpus()


def effects(*rows: dict) -> SimpleNamespace:
    """A corpus of frames alone: the articles (one per outlet, for the source labels) and
    a hand-made ``paired`` table."""
    paired = pd.DataFrame([{"basis": "stories", "articles": r.get("stories", 10),
                            "outlet_mean": 10.0, **r} for r in rows],
                          columns=list(EFFECT_COLUMNS))
    outlets = list(dict.fromkeys(paired["outlet"]))
    articles = pd.DataFrame({"id": [f"{i}-{k}" for i in range(len(outlets)) for k in range(9)],
                             "outlet": [o for o in outlets for _ in range(9)],
                             "title": "t"})
    return SimpleNamespace(articles=articles, paired=paired)


def visible(fig) -> list:
    return [t for t in fig.data if t.visible]


# -- the story table ----------------------------------------------------------------------


def test_a_corpus_without_stories_has_an_empty_story_table():
    corpus = Corpus(analyses=[
        analyse_text("The council approved the budget on Tuesday.", outlet="North Post",
                     id="a"),
        analyse_text("Officials said the bridge would reopen in June.", outlet="South Daily",
                     id="b"),
    ])
    assert list(corpus.stories.columns) == [*STORY_COLUMNS, "analyser_version", "ruleset_version"]
    assert corpus.stories.empty and corpus.paired.empty
    assert set(corpus.articles["story"]) == {""}


# -- the forest plot ----------------------------------------------------------------------


def test_the_chart_draws_one_row_per_outlet_and_opens_on_the_grade(stories):
    fig = outlet_effects_chart(stories)
    shown = visible(fig)
    assert [t.legendgroup for t in shown] == [DEFAULT_MEASURE] * 2
    assert [t.name for t in shown] == ["North Post", "South Daily"]
    assert list(fig.layout.yaxis.categoryarray) == ["North Post", "South Daily"]
    # Zero is drawn, and in range.
    assert any(s.x0 == 0 and s.x1 == 0 for s in fig.layout.shapes)
    low, high = fig.layout.xaxis.range
    assert low < 0 < high
    for t in shown:
        assert low <= t.x[0] - t.error_x.arrayminus[0] and t.x[0] + t.error_x.array[0] <= high


def test_the_dropdown_offers_each_scorecard_measure_present(stories):
    fig = outlet_effects_chart(stories)
    (menu,) = fig.layout.updatemenus
    present = set(stories.paired["measure"])
    expected = [s for s in SCORECARD if s.name in present]
    assert [b.label for b in menu.buttons] == [s.label for s in expected]
    assert menu.buttons[menu.active].label == SCORE[DEFAULT_MEASURE].label
    for button, score in zip(menu.buttons, expected, strict=True):
        mask, relayout = button.args
        chosen = [t.legendgroup for t, v in zip(fig.data, mask["visible"], strict=True) if v]
        assert chosen == [score.name] * 2
        assert relayout["xaxis.title.text"].startswith(score.label)
    # Judged measures say which side of zero is better; words is not judged.
    by_label = {b.label: b.args[1]["annotations"] for b in menu.buttons}
    grade = [a["text"] for a in by_label["Grade"]]
    assert "← better" in grade and "worse →" in grade
    ease = [a["text"] for a in by_label["Reading ease"]]
    assert "← worse" in ease and "better →" in ease
    if "Words" in by_label:
        assert [a["text"] for a in by_label["Words"]] == ["Measure"]


def test_the_hover_says_effect_interval_stories_and_which_way_is_better(stories):
    fig = outlet_effects_chart(stories)
    text = visible(fig)[0].text[0]
    row = stories.paired.query("measure == @DEFAULT_MEASURE and outlet == 'North Post'").iloc[0]
    assert f"{abs(row['effect']):.2f}" in text
    assert "95% interval" in text and "on 3 shared stories (3 articles)" in text
    assert "Lower is better" in text
    # Three stories are too few to judge: every mark is hollow and grey.
    assert f"fewer than {MIN_STORIES} stories" in text
    for t in fig.data:
        assert t.marker.color == "#ffffff" and t.error_x.color == GREY


def test_supported_effects_are_solid_and_others_hollow_grey():
    corpus = effects(
        {"outlet": "Solid Times", "measure": "readability_grade", "stories": 12,
         "effect": 1.0, "ci_low": 0.5, "ci_high": 1.5, "supported": True},
        {"outlet": "Hollow Post", "measure": "readability_grade", "stories": 12,
         "effect": 0.2, "ci_low": -0.3, "ci_high": 0.7, "supported": False},
        {"outlet": "Solid Times", "measure": "flesch_reading_ease", "stories": 12,
         "effect": -5.0, "ci_low": -8.0, "ci_high": -4.0, "supported": True},
        {"outlet": "Hollow Post", "measure": "flesch_reading_ease", "stories": 12,
         "effect": 1.0, "ci_low": 0.2, "ci_high": 1.8, "supported": False},
    )
    fig = outlet_effects_chart(corpus)
    solid, hollow = visible(fig)
    assert solid.marker.color not in ("#ffffff", GREY) and solid.error_x.color != GREY
    assert hollow.marker.color == "#ffffff" and hollow.marker.line.color == GREY
    assert hollow.error_x.color == GREY
    assert "Supported difference: worse than the other outlets" in solid.text[0]
    assert "Not a supported difference: its interval includes zero" in hollow.text[0]
    # Lower reading ease is worse; an effect under the negligible difference is not one.
    ease = [t for t in fig.data if t.legendgroup == "flesch_reading_ease"]
    assert "Higher is better" in ease[0].text[0] and "worse than" in ease[0].text[0]
    assert "smaller than 3, too small to matter" in ease[1].text[0]
    # Outlets are the sources here: their marks open the outlet's article list.
    assert solid.customdata == ("o:Solid Times",)


def test_outlet_names_are_shown_as_written_never_as_markup():
    name = "<b>Rate %{y}</b> & Co"
    corpus = effects({"outlet": name, "measure": "readability_grade", "stories": 6,
                      "effect": 0.1, "ci_low": -0.2, "ci_high": 0.4, "supported": False},
                     {"outlet": "Plain", "measure": "readability_grade", "stories": 6,
                      "effect": -0.1, "ci_low": -0.4, "ci_high": 0.2, "supported": False})
    fig = outlet_effects_chart(corpus)
    text = fig.data[0].text[0]
    assert "<b>Rate" not in text and "&lt;b&gt;Rate &#37;{y}&lt;/b&gt; &amp; Co" in text
    assert "%{" not in fig.layout.yaxis.categoryarray[0]


def test_no_shared_story_leaves_the_chart_out():
    corpus = Corpus(analyses=[analyse_text("The council met on Tuesday.", outlet="A", id="a")])
    with pytest.raises(NotApplicable):
        outlet_effects_chart(corpus)
    with pytest.raises(NotApplicable):
        outlet_effects_chart(SimpleNamespace(articles=corpus.articles))
    only_other = effects({"outlet": "A", "measure": "gunning_fog", "stories": 6,
                          "effect": 0.1, "ci_low": -0.2, "ci_high": 0.4, "supported": False})
    with pytest.raises(NoData):
        outlet_effects_chart(only_other)


def test_why_an_effect_is_not_supported():
    grade = SCORE["readability_grade"]
    row = {"stories": 3, "effect": 2.0, "ci_low": 1.0, "ci_high": 3.0}
    assert "fewer than" in why_not_supported(row, grade)
    row = {"stories": 9, "effect": 2.0, "ci_low": float("nan"), "ci_high": float("nan")}
    assert why_not_supported(row, grade) == "it has no interval"
    row = {"stories": 9, "effect": 0.2, "ci_low": 0.1, "ci_high": 0.3}
    assert "too small to matter" in why_not_supported(row, grade)


# -- the section's data -------------------------------------------------------------------


def test_the_section_lists_stories_with_their_tellings_and_copies(stories):
    section = story_section(stories)
    assert section["n_stories"] == section["n_compared"] == 3
    assert section["n_outlets"] == 2 and section["n_copies"] == 1
    assert section["chart"]["id"] == "outlet-effects"
    first = section["rows"][0]
    # The first telling's title, the earliest date, the outlets in the report's order.
    assert first["title"] == "Zanzibar ferry: the facts"
    assert first["date"] == "2024-03-01"
    assert first["outlets"] == ["North Post", "South Daily"]
    assert first["tellings"] == 2 and first["copies"] == ["Wire Desk"]
    items = section["page"]["items"]
    assert len(items) == len(section["rows"]) == 3
    assert section["page"]["labels"] == [SCORE[m].label for m in TELLING_MEASURES] + [
        "Findings"]
    by_id = {a.id: a for a in stories.analyses}
    articles = stories.articles.set_index("id")
    for ident, outlet, title, published, grade, padding, findings in items[0]["t"]:
        assert outlet == by_id[ident].outlet and title == by_id[ident].title
        assert published == by_id[ident].published
        assert grade == f"{articles.at[ident, 'readability_grade']:.1f}"
        assert padding == f"{articles.at[ident, 'padding_index']:.0f}"
        assert findings == len(by_id[ident].findings)
    # The copy is listed apart, with the outlet whose text it runs; never as a telling.
    assert items[0]["c"] == [["wire-0", "Wire Desk", "Zanzibar ferry (wire)", "North Post"]]
    assert all(t[0] != "wire-0" for item in items for t in item["t"])


def test_no_section_without_a_shared_story():
    corpus = Corpus(analyses=[analyse_text("The council met on Tuesday.", outlet="A", id="a")])
    assert story_section(corpus) is None


def test_the_page_carries_the_section_and_its_data(stories):
    html = render_report(stories, inputs=["stories"])
    assert '<section id="stories">' in html and 'href="#stories"' in html
    assert html.index('id="compare"') < html.index('id="stories"') < html.index('id="articles"')
    assert 'id="chart-outlet-effects"' in html
    assert html.count("data-story=") == 3
    assert "copy: Wire Desk" in html
    data = page_data(html)
    assert "outlet-effects" in [c["id"] for c in data["charts"]]
    assert len(data["stories"]["items"]) == 3
    # Compact: the stored views hold each distinct text once (a copy points to it), and
    # no text is in the page data uncompressed.
    text = stories.analyses[0].text  # North Post's first text runs twice: Wire Desk's copy
    assert stories.analyses[-1].text == text
    assert stored_views(data).count(json.dumps(text)[1:-1]) == 1
    assert json.dumps(data, ensure_ascii=False).count(json.dumps(text)[1:-1]) == 0


def test_the_seed_report_has_no_story_section():
    """The seeds are one story told by four sources of which three name no outlet: the
    story is listed in the story table, but no outlet is compared, so no section."""
    corpus = seed_corpus()
    assert len(corpus.stories) and corpus.paired.empty
    html = render_report(corpus, inputs=["seeds"])
    assert '<section id="stories">' not in html and 'href="#stories"' not in html
    data = page_data(html)
    assert data["stories"] is None
    assert "outlet-effects" not in [c["id"] for c in data["charts"]]


# -- basil-dev ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def basil(shared_file):
    return basil_corpus(shared_file("outlets", "basil-dev.jsonl.gz"))


def test_basil_dev_compares_three_outlets_on_45_stories(basil):
    section = story_section(basil)
    assert section["n_stories"] == section["n_compared"] == 45
    assert section["n_outlets"] == 3
    outlets = {"New York Times", "Fox News", "HuffPost"}
    for row, item in zip(section["rows"], section["page"]["items"], strict=True):
        assert set(row["outlets"]) <= outlets and len(row["outlets"]) >= 2
        assert [t[1] for t in item["t"]] == row["outlets"]
        assert re.fullmatch(r"\d{4}-\d\d-\d\d", row["date"])
    fig = outlet_effects_chart(basil)
    shown = visible(fig)
    assert [t.name for t in shown] == ["New York Times", "Fox News", "HuffPost"]
    paired = basil.paired.set_index(["outlet", "measure"])
    for t in shown:
        row = paired.loc[(t.name, DEFAULT_MEASURE)]
        assert t.x[0] == pytest.approx(row["effect"], abs=1e-4)
        assert (t.marker.color != "#ffffff") == bool(row["supported"])
        assert t.customdata == (f"o:{t.name}",)
