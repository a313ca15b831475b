"""The report's "Same story, different outlets" section as a reader uses it, in headless
Chromium: the forest plot draws, its measure dropdown switches the measure, a story opens
its tellings side by side, and a telling opens its article; no console error and no
network request. On basil-dev (skipped when the shared data sets are absent) and on a
small made-up corpus with a copy."""

from __future__ import annotations

import pytest

from analyser.report import write_report
from analyser.report.screenshot import browser_available

from .helpers import HOSTILE_OUTLET, HOSTILE_TITLE, basil_corpus, open_watched, story_corpus

pytestmark = pytest.mark.browser
REASON = browser_available()
VISIBLE_MEASURES = ("[...document.getElementById('chart-outlet-effects').data]"
                    ".filter(t => t.visible === true).map(t => t.legendgroup)")


@pytest.fixture(scope="module")
def context():
    """One headless Chromium for the module (Playwright's sync API allows one at a time)."""
    if REASON:
        pytest.skip(REASON)
    from analyser.report.screenshot import chromium

    with chromium() as ctx:
        yield ctx


@pytest.fixture(scope="module")
def basil_page(context, shared_file, tmp_path_factory, screenshots):
    corpus = basil_corpus(shared_file("outlets", "basil-dev.jsonl.gz"))
    path = tmp_path_factory.mktemp("basil") / "basil-dev-report.html"
    write_report(corpus, path, inputs=["basil-dev.jsonl.gz"])
    page, watch, _ = open_watched(context, path)
    yield page, watch, corpus
    page.locator("#stories").screenshot(path=str(screenshots / "report-basil-stories.png"))


def choose_measure(page, label: str) -> None:
    chart = page.locator("#chart-outlet-effects")
    chart.scroll_into_view_if_needed()
    chart.locator(".updatemenu-header-group").click()
    chart.locator(".updatemenu-dropdown-button", has_text=label).first.click()


def test_the_forest_plot_draws_one_row_per_outlet(basil_page):
    page, _, _ = basil_page
    chart = page.locator("#stories #chart-outlet-effects")
    assert chart.locator("div.plot-container").count() == 1
    assert page.evaluate(VISIBLE_MEASURES) == ["readability_grade"] * 3
    assert chart.locator("g.trace.scatter path.point").count() == 3
    assert page.locator("header nav a[href='#stories']").count() == 1


def test_the_dropdown_switches_the_measure(basil_page):
    page, _, _ = basil_page
    choose_measure(page, "Padding index")
    page.wait_for_function(f"{VISIBLE_MEASURES}.every(m => m === 'padding_index')",
                           timeout=5000)
    chart = page.locator("#chart-outlet-effects")
    assert chart.locator("g.trace.scatter path.point").count() == 3
    assert "Padding index" in chart.locator(".g-xtitle").text_content()
    assert chart.locator(".updatemenu-header-group").text_content().startswith(
        "Padding index")
    choose_measure(page, "Grade")
    page.wait_for_function(f"{VISIBLE_MEASURES}.every(m => m === 'readability_grade')",
                           timeout=5000)


def test_a_story_opens_its_tellings_side_by_side(basil_page):
    page, _, corpus = basil_page
    first = corpus.stories[corpus.stories["story"] == "story-1"]
    assert len(first) == 3
    button = page.locator("#story-table button[data-story='0']")
    button.scroll_into_view_if_needed()
    button.click()
    panel = page.locator("#story-panel")
    assert panel.is_visible() and button.get_attribute("aria-expanded") == "true"
    columns = panel.locator(".telling")
    assert columns.count() == 3
    assert [c.locator(".outlet").text_content() for c in columns.all()] == \
        ["New York Times", "Fox News", "HuffPost"]
    assert [c.locator("h4").text_content() for c in columns.all()] == list(first["title"])
    for column in columns.all():
        assert [d.text_content() for d in column.locator("dt").all()] == \
            ["Grade", "Padding index", "Findings"]
    # A second click closes it.
    button.click()
    assert panel.is_hidden() and button.get_attribute("aria-expanded") == "false"


def test_a_tellings_button_opens_its_article(basil_page):
    page, _, _ = basil_page
    page.locator("#story-table button[data-story='1']").click()
    open_button = page.locator("#story-panel .telling button.open").nth(1)
    key = open_button.get_attribute("data-key")
    assert key.startswith("a:")
    open_button.click()
    page.wait_for_function(
        "id => document.getElementById('article-view').getAttribute('data-article') === id",
        arg=key[2:], timeout=5000)
    assert page.locator("#story-panel .telling").count() == 3  # the panel stays open


def test_basil_no_console_error_and_no_network_request(basil_page):
    page, watch, _ = basil_page
    # Run after the others: everything they clicked has happened on this page.
    assert watch.console_errors == [] and watch.page_errors == []
    assert watch.blocked == [] and watch.dialogs == []


def test_copies_are_listed_apart_from_the_tellings(context, tmp_path):
    """Per-article mode (seven articles): the section still draws, and a copy of another
    outlet's text is listed under the tellings, marked as a copy."""
    path = tmp_path / "stories.html"
    write_report(story_corpus(), path, inputs=["stories"])
    page, watch, _ = open_watched(context, path)
    try:
        assert page.locator("#chart-outlet-effects div.plot-container").count() == 1
        page.locator("#story-table button[data-story='0']").click()
        panel = page.locator("#story-panel")
        assert panel.locator(".telling").count() == 2
        copies = panel.locator(".copies li")
        assert copies.count() == 1
        assert "Wire Desk" in copies.text_content() and "copy of the North Post text" in \
            copies.text_content()
        copies.locator("button.open").click()
        assert page.locator("#article-view").get_attribute("data-article") == "wire-0"
        assert watch.console_errors == [] and watch.page_errors == []
        assert watch.blocked == [] and watch.dialogs == []
    finally:
        page.close()


def test_hostile_outlets_and_titles_never_run(context, tmp_path):
    """An outlet and titles that are injection attempts are shown as written in the story
    list, the chart and the tellings panel, and nothing of them runs."""
    path = tmp_path / "hostile-stories.html"
    write_report(story_corpus(second=HOSTILE_OUTLET, second_title=HOSTILE_TITLE), path,
                 inputs=["stories"])
    page, watch, _ = open_watched(context, path)
    try:
        assert page.locator("#chart-outlet-effects div.plot-container").count() == 1
        assert HOSTILE_OUTLET in page.locator("#story-table tbody tr").first.text_content()
        page.locator("#story-table button[data-story='0']").click()
        columns = page.locator("#story-panel .telling")
        assert columns.nth(1).locator(".outlet").text_content() == HOSTILE_OUTLET
        assert columns.nth(1).locator("h4").text_content().startswith(HOSTILE_TITLE)
        # The chart's row label is the name cut into lines (tick_lines), as text.
        ticks = page.locator("#chart-outlet-effects .ytick").all_text_contents()
        assert any(t.startswith("<img src=x") and t.endswith("Evil & Co") for t in ticks), ticks
        assert page.evaluate("window.__pwned") is None
        assert page.locator("#stories img, #stories script").count() == 0
        assert watch.dialogs == [] and watch.page_errors == [] and watch.blocked == []
    finally:
        page.close()
