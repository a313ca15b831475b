"""Hostile article text, titles, outlets and URLs cannot run script in the report."""

from __future__ import annotations

import pytest

from analyser.report import write_report
from analyser.report.screenshot import browser_available

from .helpers import (
    HOSTILE_OUTLET,
    HOSTILE_REMOVED,
    HOSTILE_TEXT,
    HOSTILE_TITLE,
    hostile_corpus,
    open_watched,
)

pytestmark = pytest.mark.browser
REASON = browser_available()


@pytest.fixture(scope="module")
def hostile_page(tmp_path_factory):
    if REASON:
        pytest.skip(REASON)
    from analyser.report.screenshot import chromium

    path = tmp_path_factory.mktemp("hostile") / "hostile.html"
    write_report(hostile_corpus(), path, inputs=["<script>window.__pwned='input'</script>"])
    with chromium() as context:
        page, watch, _ = open_watched(context, path)
        yield page, watch


def test_no_payload_ran(hostile_page, screenshots):
    page, watch = hostile_page
    # Open the hostile article explicitly, hover every highlight, open the furniture list.
    page.click("#article-list button[data-id='evil']")
    page.click("details.removed summary")
    for mark in page.locator("#article-view .f").all()[:10]:
        mark.hover()
    page.wait_for_timeout(300)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert watch.dialogs == []
    assert watch.page_errors == [] and watch.console_errors == []
    assert watch.blocked == []
    assert page.evaluate("document.querySelectorAll('img').length") == 0
    assert page.evaluate("document.scripts.length") == 3
    page.screenshot(path=str(screenshots / "report-hostile.png"), full_page=True)


def test_text_is_shown_literally(hostile_page):
    page, _ = hostile_page
    page.click("#article-list button[data-id='evil']")
    body = page.locator("#article-view .text").inner_text()
    # The view shows the characters of the article, markup and all.
    for line in HOSTILE_TEXT.splitlines():
        assert " ".join(line.split()) in " ".join(body.split())
    assert page.locator("#article-view h3").inner_text() == HOSTILE_TITLE
    meta = page.locator("#article-view .meta").inner_text()
    assert HOSTILE_OUTLET in meta
    assert HOSTILE_REMOVED in page.locator("details.removed ol").text_content()
    # The scorecard label is the outlet, as text; its tooltip holds the whole outlet, then
    # the title.
    label = page.locator("#scorecard tbody button[data-key='a:evil']")
    assert label.inner_text() == HOSTILE_OUTLET
    tip = label.get_attribute("title").splitlines()
    assert tip[0] == HOSTILE_OUTLET and tip[1].startswith(HOSTILE_TITLE)


def test_javascript_url_is_not_a_link(hostile_page):
    page, _ = hostile_page
    page.click("#article-list button[data-id='evil']")
    hrefs = page.evaluate("[...document.querySelectorAll('a[href]')].map(a => a.href)")
    assert not [h for h in hrefs if h.lower().startswith("javascript:")]
    page.click("#article-list button[data-id='plain']")
    links = page.locator("#article-view .meta a")
    assert links.count() == 1 and links.get_attribute("href") == "https://example.org/plain"
    assert "noopener" in links.get_attribute("rel")


def test_chart_labels_show_hostile_names_as_text(hostile_page):
    page, _ = hostile_page
    legend = page.locator("#chart-grade-by-formula .legendtext").all_text_contents()
    assert HOSTILE_OUTLET in legend
    # plotly draws heatmaps as an SVG <image> of a data: URL; nothing else may load.
    hrefs = page.evaluate("[...document.querySelectorAll('img, svg image')].map("
                          "i => i.getAttribute('href') || i.getAttribute('src') || '')")
    assert all(h.startswith("data:") for h in hrefs), hrefs

