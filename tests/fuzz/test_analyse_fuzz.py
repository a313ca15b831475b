"""Hostile text through the public API: the analysis holds every invariant, or the input
is refused with an InputError; any other exception is a bug."""

from __future__ import annotations

from hypothesis import strategies as st

from analyser import analyse_text
from analyser.analysis import analyse_article
from analyser.models import Article

from .hostile import article_text, html_page
from .invariants import analyse_or_input_error, check_analysis
from .schedule import fuzz


@fuzz(weight=3, text=article_text(), title=st.none() | st.text(max_size=30),
      outlet=st.none() | st.text(max_size=30))
def test_analyse_text_as_given(text, title, outlet):
    analysis = analyse_or_input_error(analyse_text, text, title=title, outlet=outlet)
    if analysis is not None:  # refused only by a limit on size (issue 17)
        check_analysis(analysis, text)


@fuzz(weight=2, text=article_text())
def test_analyse_text_cleaned(text):
    analysis = analyse_or_input_error(analyse_text, text, clean=True)
    if analysis is not None:
        check_analysis(analysis)


@fuzz(weight=2, page=html_page())
def test_analyse_text_cleaned_html(page):
    analysis = analyse_or_input_error(analyse_text, page, clean=True)
    if analysis is not None:
        check_analysis(analysis)


@fuzz(weight=2, page=html_page(), url=st.none() | st.sampled_from(
    ["https://example.com/a/b.html", "http://[::1", "javascript:alert(1)", ""]))
def test_analyse_article_html(page, url):
    article = Article(id="page", raw=page, source="page.html", format="html", url=url)
    analysis = analyse_or_input_error(analyse_article, article)
    if analysis is not None:
        check_analysis(analysis)


@fuzz(weight=2, raw=article_text(),
      fmt=st.sampled_from(["text", "markdown"]), preclean=st.booleans(),
      siblings=st.lists(article_text(), max_size=3), title=st.none() | st.text(max_size=30))
def test_analyse_article_text_and_markdown(raw, fmt, preclean, siblings, title):
    article = Article(id="a", raw=raw, source="a.txt", format=fmt, preclean=preclean,
                      siblings=tuple(siblings), title=title)
    analysis = analyse_or_input_error(analyse_article, article)
    if analysis is not None:
        check_analysis(analysis)
