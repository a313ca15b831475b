"""User text that plotly would read as template syntax ("%{y}"), an untitled article, a
source name too long for its column and a malformed page address: all shown as written,
nothing breaks the page."""

from __future__ import annotations

import pytest

from analyser.report import write_report
from analyser.report.screenshot import browser_available

from .helpers import LONG_NAME, TEMPLATE_OUTLET, TEMPLATE_TITLE, open_watched, template_corpus

pytestmark = pytest.mark.browser
REASON = browser_available()

#: Every legend entry of every chart, and the hover label of the first points of every
#: trace (hovered through plotly's own API, as a mouse would; plotly drops a hover that
#: comes within 50 ms of the one before).
CHART_TEXTS_JS = """async () => {
  const out = [], pause = () => new Promise(r => setTimeout(r, 60));
  for (const div of document.querySelectorAll('.js-plotly-plot')) {
    for (const t of div.querySelectorAll('.legendtext')) out.push(t.textContent);
    for (const [i, trace] of div.data.entries()) {
      const n = (div.calcdata[i] || []).length;
      for (let p = 0; p < Math.min(n, 3); p++) {
        const point = trace.type === 'heatmap' ? [p, 0] : p;
        try { Plotly.Fx.hover(div, [{curveNumber: i, pointNumber: point}]); } catch (e) {
          continue;
        }
        await pause();
        for (const h of div.querySelectorAll('.hoverlayer .hovertext')) out.push(h.textContent);
      }
    }
    Plotly.Fx.unhover(div);
  }
  return out;
}"""


@pytest.fixture(scope="module")
def browser():
    if REASON:
        pytest.skip(REASON)
    from analyser.report.screenshot import chromium

    with chromium() as context:
        yield context


@pytest.fixture(scope="module", params=["articles", "outlets"])
def template_page(request, browser, tmp_path_factory):
    path = tmp_path_factory.mktemp("template") / f"{request.param}.html"
    write_report(template_corpus(1 if request.param == "articles" else 5), path)
    page, watch, _ = open_watched(browser, path)
    yield page, watch
    page.close()


def _squeezed(text: str) -> str:
    return "".join(text.split())  # hover labels break lines where the words were


def test_template_syntax_in_names_titles_and_text_is_shown_literally(template_page,
                                                                     screenshots):
    page, watch = template_page
    texts = [_squeezed(t) for t in page.evaluate(CHART_TEXTS_JS)]
    outlet, title = _squeezed(TEMPLATE_OUTLET), _squeezed(TEMPLATE_TITLE)
    sentence = _squeezed("the %{y} plan was approved by %{fullData.name} on Tuesday.")
    assert any(outlet in t for t in texts) and any(title in t for t in texts)
    for t in texts:
        if "Rate" in t:
            assert outlet in t, t
        if "Title" in t:
            assert title in t, t
        if "planwasapproved" in t:
            assert sentence in t, t
    legend = [_squeezed(t) for t in page.locator(".legendtext").all_text_contents()]
    assert outlet in legend
    assert watch.page_errors == [] and watch.console_errors == []
    page.screenshot(path=str(screenshots / "report-template-syntax.png"), full_page=True)


def test_untitled_article_and_long_names_in_the_scorecard(template_page):
    page, _ = template_page
    rows = page.evaluate("""() => [...document.querySelectorAll('#scorecard tbody th')].map(
      th => { const b = th.querySelector('button');
              return {label: b.textContent, tip: b.title, cell: th.getBoundingClientRect().width,
                      overflow: b.scrollWidth - b.clientWidth}; })""")
    assert len(rows) == 3
    for row in rows:
        assert "nan" not in row["tip"].split() and not row["tip"].startswith(" — ")
        assert row["tip"].startswith(row["label"])  # the full name, however it is cut
        assert row["overflow"] <= 1 and row["cell"] <= 260, row
    long = next(r for r in rows if r["label"] == LONG_NAME)
    assert long["tip"].splitlines()[0] == LONG_NAME


def test_malformed_fragment_opens_the_first_article(browser, tmp_path):
    path = tmp_path / "report.html"
    write_report(template_corpus(), path)
    page, watch, _ = open_watched(browser, path, fragment="article=%E0%A4%A",
                                  timeout_ms=20_000)
    assert watch.page_errors == []
    assert page.locator("#article-view h3").inner_text() == f"{TEMPLATE_TITLE} 0"
    page.close()
    # A well-formed fragment still opens its article (the ids hold "%{" too).
    page, watch, _ = open_watched(browser, path, fragment="article=%25%7Bx%7D-2-0")
    assert page.locator("#article-view .meta").inner_text().startswith(LONG_NAME)
    assert watch.page_errors == []
    page.close()
