"""The seed report as a person uses it, in headless Chromium: charts drawn, scorecard,
sorting, category toggles, tooltips, restatement links, chart clicks; no console error and
no network request. Screenshots go to the session's temporary folder."""

from __future__ import annotations

import re

import pytest

from analyser.report import figures, write_report
from analyser.report.screenshot import browser_available

from .helpers import open_watched, outlet_corpus, seed_corpus

pytestmark = pytest.mark.browser
REASON = browser_available()
CODE = re.compile(r"\b[A-Z]{3}\d{3}\b")


@pytest.fixture(scope="module")
def context():
    """One headless Chromium for the module (Playwright's sync API allows one at a time)."""
    if REASON:
        pytest.skip(REASON)
    from analyser.report.screenshot import chromium

    with chromium() as ctx:
        yield ctx


@pytest.fixture(scope="module")
def seed_page(context, tmp_path_factory, screenshots):
    corpus = seed_corpus()
    path = tmp_path_factory.mktemp("seeds") / "seeds-report.html"
    write_report(corpus, path, inputs=["seeds"])
    page, watch, _ = open_watched(context, path)
    yield page, watch, corpus
    page.screenshot(path=str(screenshots / "report-seeds-full.png"), full_page=True)


def test_every_chart_has_drawn(seed_page, screenshots):
    page, _, corpus = seed_page
    charts = page.locator("div.chart")
    assert charts.count() == len(figures.CHARTS) - len(figures.CORPUS_ONLY)
    for chart in charts.all():
        assert chart.locator("div.plot-container").count() == 1
    page.screenshot(path=str(screenshots / "report-seeds-top.png"),
                    clip={"x": 0, "y": 0, "width": 1360, "height": 1600})


def test_scorecard_has_four_rows_and_sorts(seed_page):
    page, _, corpus = seed_page
    rows = page.locator("#scorecard tbody tr")
    assert rows.count() == 4
    header = page.locator("#scorecard thead th", has_text="Words")
    column = page.evaluate(
        "[...document.querySelectorAll('#scorecard thead th')].findIndex("
        "th => th.textContent.trim() === 'Words')")
    assert column > 0

    def words():
        return [float(v) for v in page.eval_on_selector_all(
            "#scorecard tbody tr",
            f"rows => rows.map(r => r.cells[{column}].getAttribute('data-value'))")]

    header.click()
    assert words() == sorted(words())
    assert header.get_attribute("aria-sort") == "ascending"
    header.click()
    assert words() == sorted(words(), reverse=True)


def test_a_tooltip_shows_the_rule_code(seed_page):
    page, _, _ = seed_page
    page.click("#article-list li:first-child button")
    mark = page.locator("#article-view .f").first
    mark.scroll_into_view_if_needed()
    mark.hover()
    tip = page.locator("#tip")
    tip.wait_for(state="visible")
    text = tip.inner_text()
    assert CODE.search(text), text
    page.mouse.move(1, 1)
    page.evaluate("window.scrollTo(0, 0)")


def test_toggling_a_category_hides_its_highlights(seed_page):
    page, _, _ = seed_page
    page.click("#article-list li:first-child button")
    mark = page.locator("#article-view .f").first
    category = next(c[2:] for c in mark.get_attribute("class").split() if c.startswith("c-"))

    def style():
        return mark.evaluate("e => [getComputedStyle(e).textDecorationLine, "
                             "getComputedStyle(e).backgroundColor]")

    assert style()[0] == "underline"
    box = page.locator(f"#legend input[data-cat='{category}']")
    box.uncheck()
    assert style() == ["none", "rgba(0, 0, 0, 0)"]
    # Hidden categories drop out of the tooltip too.
    mark.hover()
    assert page.locator(f"#article-view .f.c-{category}").count() > 0
    box.check()
    assert style()[0] == "underline"


def test_hard_sentences_are_shaded_and_quotes_marked(seed_page):
    page, _, corpus = seed_page
    page.click("#article-list li:first-child button")
    assert page.locator("#article-view .sent.band-hard").count() > 0
    hard = page.locator("#article-view .sent.band-hard").first
    assert hard.evaluate("e => getComputedStyle(e).backgroundColor") != "rgba(0, 0, 0, 0)"
    page.locator("#legend input[data-cat='hard-sentence']").uncheck()
    assert hard.evaluate("e => getComputedStyle(e).backgroundColor") == "rgba(0, 0, 0, 0)"
    page.locator("#legend input[data-cat='hard-sentence']").check()
    if any(a.quotes for a in corpus.analyses):
        found = 0
        for button in page.locator("#article-list button").all():
            button.click()
            found += page.locator("#article-view .q").count()
        assert found > 0


def test_restatement_links_jump_to_the_earlier_sentence(seed_page):
    page, _, corpus = seed_page
    restating = [a for a in corpus.analyses
                 if any(f.related_sentence is not None for f in a.findings)]
    if not restating:
        pytest.skip("no restatement findings in the seeds (repetition family absent)")
    page.click(f"#article-list button[data-id='{restating[0].id}']")
    link = page.locator("#article-view a.restate-link").first
    target = link.get_attribute("href")
    assert re.fullmatch(r"#v-s\d+", target)
    link.click()
    assert page.locator(target).get_attribute("class").split().count("flash") == 1


def test_removed_furniture_is_collapsed_with_reasons(seed_page):
    page, _, corpus = seed_page
    with_removed = [a for a in corpus.analyses if a.removed]
    if not with_removed:
        pytest.skip("the clean stage removed nothing from the seeds")
    a = with_removed[0]
    page.click(f"#article-list button[data-id='{a.id}']")
    details = page.locator("#article-view details.removed")
    assert details.get_attribute("open") is None
    details.locator("summary").click()
    assert details.locator("li").count() == len(a.removed)
    assert details.locator(".reason").first.inner_text() == a.removed[0].reason


def test_clicking_a_chart_mark_opens_its_article(seed_page):
    page, _, corpus = seed_page
    target = corpus.analyses[-1].id
    # A real click on the bubble of the last article in the scatter chart.
    chart = page.locator("#chart-readability-vs-filler")
    chart.scroll_into_view_if_needed()
    points = chart.locator("g.trace.scatter path.point")
    assert points.count() == len(corpus.analyses)
    points.last.click(force=True)
    page.wait_for_function(
        f"document.getElementById('article-view').getAttribute('data-article') === '{target}'",
        timeout=5000)


def test_scorecard_label_opens_its_article(seed_page):
    page, _, corpus = seed_page
    button = page.locator("#scorecard tbody th button").nth(2)
    key = button.get_attribute("data-key")
    assert key.startswith("a:")
    button.click()
    assert page.locator("#article-view").get_attribute("data-article") == key[2:]


def test_hard_sentence_tooltip_grade_matches_its_message(seed_page):
    """The tooltip's "grade N" is the grade the HRD001/HRD002 message states."""
    page, _, corpus = seed_page
    page.click("#article-list li:first-child button")
    sent = page.locator("#article-view .sent.band-hard").first
    # Centred, so that the sticky legend cannot cover it, and only once any smooth scroll
    # an earlier click started has settled: the point must land on the sentence itself.
    for _ in range(50):
        box = sent.evaluate("e => { e.scrollIntoView({block: 'center'}); "
                            "const r = e.getClientRects()[0]; "
                            "const x = r.x + 2, y = r.y + r.height / 2; "
                            "const hit = document.elementFromPoint(x, y); "
                            "return {x, y, ok: !!hit && hit.closest('.sent') === e}; }")
        page.wait_for_timeout(100)
        if box["ok"] and sent.evaluate(
                "(e, b) => { const r = e.getClientRects()[0]; "
                "return Math.abs(r.x + 2 - b.x) < 1 && Math.abs(r.y + r.height / 2 - b.y) < 1; }",
                box):
            break
    page.mouse.move(1, 1)
    page.mouse.move(box["x"], box["y"])
    tip = page.locator("#tip")
    tip.wait_for(state="visible")
    info = tip.locator(".sentinfo").inner_text()
    shown = re.search(r"grade (\d+)", info)
    assert shown, info
    messages = [m for m in tip.locator(".msg").all_inner_texts() if "grade" in m]
    assert messages and all(f"(grade {shown.group(1)})" in m for m in messages), \
        (info, messages)
    page.mouse.move(1, 1)


def test_measure_waits_for_charts_and_an_article_view(context, tmp_path):
    """screenshot --measure: browser-clock timings, charts drawn, an article opened."""
    from analyser.report.screenshot import (
        open_article_seconds,
        open_report,
        time_to_interactive,
    )

    path = tmp_path / "seeds.html"
    write_report(seed_corpus(), path, inputs=["seeds"])
    page, seconds = open_report(context, path)
    try:
        assert page.evaluate("document.body.getAttribute('data-charts')") == "drawn"
        t = time_to_interactive(page, quiet_ms=300)
        assert 0 < t["ready"] <= t["interactive"] and 0 < t["charts"] <= t["interactive"]
        assert t["interactive"] < 60
        first = page.evaluate("document.getElementById('article-view')"
                              ".getAttribute('data-article')")
        assert 0 < open_article_seconds(page) < 10
        assert page.evaluate("document.getElementById('article-view')"
                             ".getAttribute('data-article')") != first
    finally:
        page.close()


def test_no_console_error_and_no_network_request(seed_page):
    page, watch, _ = seed_page
    # Run last: everything the other tests clicked has happened on this page.
    assert watch.console_errors == [] and watch.page_errors == []
    assert watch.blocked == []
    assert watch.dialogs == []


@pytest.fixture(scope="module")
def corpus_page(context, tmp_path_factory):
    path = tmp_path_factory.mktemp("corpus") / "corpus-report.html"
    write_report(outlet_corpus(per_outlet=6), path, inputs=["corpus"])
    page, watch, _ = open_watched(context, path)
    yield page, watch


def test_corpus_mode_compares_outlets_and_loads_articles_on_demand(corpus_page):
    page, watch = corpus_page
    assert page.locator("#scorecard tbody tr").count() == 3
    charts = page.locator("#compare div.chart")
    assert charts.count() == len(figures.CHARTS)
    assert page.locator("#compare div.chart div.plot-container").count() == charts.count()
    # Clicking an outlet narrows the article list to its articles.
    page.locator("#scorecard tbody th button", has_text="South Daily").click()
    assert page.locator("#pick-source").input_value() == "South Daily"
    assert page.locator("#article-list li").count() == 6
    page.locator("#article-list button").nth(2).click()
    assert page.locator("#article-view h3").inner_text() == "South Daily story 2"
    # Searching filters the list.
    page.locator("#pick-source").select_option("")
    page.locator("#pick-search").fill("story 4")
    assert page.locator("#article-list li").count() == 3
    assert watch.console_errors == [] and watch.page_errors == [] and watch.blocked == []


def test_corpus_mode_violin_click_lists_the_outlet(corpus_page):
    """Outlet violin -> that outlet's article list -> an article view built on demand."""
    page, watch = corpus_page
    page.locator("#pick-source").select_option("")
    page.locator("#pick-search").fill("")
    chart = page.locator("#chart-padding-distribution")
    chart.scroll_into_view_if_needed()
    violin = chart.locator("g.violinlayer g.trace path.violin").nth(2)
    box = violin.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] * 0.85
    page.mouse.move(x, y)  # plotly clicks the point it is hovering
    page.wait_for_timeout(300)
    page.mouse.click(x, y)
    page.wait_for_function("document.getElementById('pick-source').value === 'East Wire'",
                           timeout=5000)
    assert page.locator("#article-list li").count() == 6
    button = page.locator("#article-list button").last
    ident = button.get_attribute("data-id")
    button.click()
    assert page.locator("#article-view").get_attribute("data-article") == ident
    assert watch.console_errors == [] and watch.page_errors == []


def test_copies_and_views_past_the_cap_open(context, tmp_path):
    """A copy's view (its body stored once, with the text it copies) opens with its own
    title; an article past the stored views' cap opens its scores and says why there is
    no text."""
    from analyser.report.collect import collect
    from analyser.report.views import ViewStore

    from .helpers import story_corpus

    corpus = story_corpus(copy=True)
    first = collect(iter(corpus.analyses[:4]), views=ViewStore(block_records=4))
    cap = len(next(first.views.blocks())) + 10
    report = collect(iter(corpus.analyses), views=ViewStore(max_chars=cap, block_records=4))
    assert report.views.stored == 4
    path = write_report(report, tmp_path / "capped.html")
    page, watch, _ = open_watched(context, path, fragment="article=north-1")
    try:
        view = page.locator("#article-view")
        assert view.get_attribute("data-article") == "north-1"
        assert corpus.analyses[2].text.split()[0] in view.locator(".text").inner_text()
        page.locator("#pick-search").fill("wire")
        page.locator("#article-list button[data-id='wire-0']").click()
        page.wait_for_function("document.getElementById('article-view')"
                               ".getAttribute('data-article') === 'wire-0'")
        assert "is not stored in this page" in view.inner_text()
        assert view.locator(".scores li").count() > 0
        assert not watch.console_errors and not watch.page_errors
    finally:
        page.close()


def test_a_copy_opens_with_the_text_it_shares(context, tmp_path):
    from .helpers import story_corpus

    corpus = story_corpus(copy=True)
    path = write_report(corpus, tmp_path / "stories.html")
    page, watch, _ = open_watched(context, path, fragment="article=wire-0")
    try:
        view = page.locator("#article-view")
        assert view.get_attribute("data-article") == "wire-0"
        assert view.locator("h3").first.inner_text().endswith("(wire)")
        assert view.locator(".text").inner_text().split() == corpus.analyses[-1].text.split()
        assert view.locator(".f").count() > 0  # its findings, drawn over the shared text
        assert not watch.console_errors and not watch.page_errors
    finally:
        page.close()
