"""The HTML path on small hand-written pages: structure, metadata, bad input."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from analyser.clean import NoArticleError, clean_article, clean_html_page
from analyser.models import REMOVAL_REASONS, Article

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _page(name: str) -> str:
    return (FIXTURES / name).read_text("utf-8")


def test_article_blocks_are_typed():
    result = clean_html_page(_page("article.html"))
    kinds = [(b.kind, b.text) for b in result.blocks]
    assert ("heading", "What the library offers") in kinds
    assert ("list_item", "A reading room with sixty desks and free wireless access for every "
                         "visitor.") in kinds
    assert [b.text for b in result.blocks if b.kind == "table_row"] == [
        "Room | Seats", "Reading room | 60", "Children's room | 25"]
    prose = [b.text for b in result.blocks if b.kind == "prose"]
    assert prose[0].startswith("The new public library on Quay Street opened its doors")
    assert prose[-1].endswith("charity swims in the harbour itself.")
    assert all("\n" not in b.text for b in result.blocks)


def test_metadata_from_the_page():
    result = clean_html_page(_page("article.html"))
    assert result.title == "Harbour Town Opens New Library"
    assert result.author == "Mara Quill"
    assert result.published == "2025-03-14"
    assert result.site_name == "The Coastal Gazette"
    assert result.url == "https://gazette.example/news/harbour-library"


def test_furniture_is_removed_with_reasons():
    result = clean_html_page(_page("article.html"))
    text = result.text
    for furniture in ("Share on Facebook", "Port traffic rises again", "Leave a Reply",
                      "All rights reserved", "Privacy Policy", "Weather"):
        assert furniture not in text
    assert all(r.reason in REMOVAL_REASONS for r in result.removed)
    reasons = {r.reason for r in result.removed}
    assert {"comment form", "footer", "share bar"} <= reasons
    removed_text = "\n".join(r.text for r in result.removed)
    assert "Leave a Reply" in removed_text and "Port traffic rises again" in removed_text


def test_clean_article_dispatches_html():
    article = Article(id="a", raw=_page("article.html"), source="article.html", format="html")
    result = clean_article(article)
    assert result.blocks[0].text == "Harbour Town Opens New Library"
    assert result.title == "Harbour Town Opens New Library"


def test_broken_markup_still_yields_the_article():
    result = clean_html_page(_page("broken.html"))
    assert "Passengers with tickets can change them free of charge" in result.text
    assert "Schools on the smaller island will stay closed" in result.text


def test_contact_details_never_kept_and_redacted():
    result = clean_html_page(_page("profile.html"))
    everything = result.text + "\n".join(r.text for r in result.removed)
    assert "jo.bloggs@example.org" not in everything
    assert "555.201.3344" not in everything
    assert [r.text for r in result.removed if r.reason == "profile"] == [
        "[redacted: contact details]"]
    assert "Work on the first road starts in the spring" in result.text


@pytest.mark.parametrize("raw", ["", "   ", "<html></html>", "not html at all <<<>>>"])
def test_empty_pages_raise_no_article(raw):
    with pytest.raises(NoArticleError, match="no article text found"):
        clean_html_page(raw)


def test_menu_only_page_raises_no_article_without_naming_the_source():
    # The caller names the input once (IngestError(source, reason)); the reason alone here.
    article = Article(id="m", raw=_page("menu_only.html"), source="menu_only.html",
                      format="html")
    with pytest.raises(NoArticleError) as info:
        clean_article(article)
    assert str(info.value) == "no article text found"
    assert issubclass(NoArticleError, ValueError)


def test_error_line_names_the_input_once(tmp_path):
    from analyser import analyse_paths

    page = tmp_path / "noarticle.html"
    page.write_text(_page("menu_only.html"), encoding="utf-8")
    corpus = analyse_paths([page])
    assert [str(e) for e in corpus.errors] == [f"{page}: no article text found"]


def test_huge_page_is_capped_with_a_warning():
    filler = "<div><a href='/x'>link</a></div>\n" * 2000
    page = _page("article.html").replace("<footer>", filler + "<footer>")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = clean_html_page(page, max_bytes=len(page.encode()) // 2)
    assert any("only the first" in str(w.message) for w in caught)
    assert "The new public library on Quay Street" in result.text


def test_preclean_only_types_lines():
    raw = ("A Short Headline\nBy Jo Bloggs\nThe first paragraph of an already clean article "
           "says what happened.\n- one list item here\nAnother paragraph ends the story here.\n")
    result = clean_article(Article(id="p", raw=raw, preclean=True))
    assert [b.kind for b in result.blocks] == ["heading", "byline", "prose", "list_item",
                                               "prose"]
    assert result.removed == []


BUDGET = """<html><head><title>Budget 2025: what changes | Town Gazette</title></head><body>
<header><a href="/">Town Gazette</a> <a href="/news">News</a> <a href="/sport">Sport</a></header>
<div class="share"><a>Share on Facebook</a> <a>Share on Twitter</a> <a>Email</a></div>
<article>
<h1>Budget 2025: what changes</h1>
<p class="byline">By Jane Doe, Political Editor</p>
<p>The chancellor set out the budget on Wednesday, raising taxes on fuel and cutting spending on
roads across the country.</p>
<p>Opposition parties said the plans would hurt drivers in rural areas, who have no alternative
to the car for most journeys.</p>
</article>
<div class="related"><h3>More from Politics</h3><ul><li><a>PM faces rebellion over housing</a>
</li><li><a>Minister quits after row</a></li></ul></div>
<footer>© 2025 Town Gazette. All rights reserved. Privacy Policy. Terms.</footer>
</body></html>"""


def test_byline_is_kept_as_a_byline_block_and_names_the_author():
    result = clean_html_page(BUDGET)
    assert [(b.kind, b.text) for b in result.blocks[:2]] == [
        ("heading", "Budget 2025: what changes"), ("byline", "By Jane Doe, Political Editor")]
    assert result.author == "Jane Doe"
    assert "By Jane Doe" not in "\n".join(r.text for r in result.removed)


def test_leftovers_get_the_issue_reasons_not_boilerplate():
    result = clean_html_page(BUDGET)
    reasons = {r.text: r.reason for r in result.removed}
    assert "boilerplate" not in reasons.values()
    assert reasons["Budget 2025: what changes | Town Gazette"] == "duplicate"
    assert reasons["Town Gazette News Sport"] == "navigation"
    assert reasons["Share on Facebook Share on Twitter Email"] == "share bar"
    assert reasons["More from Politics\nPM faces rebellion over housing\n"
                   "Minister quits after row"] == "related links"
    assert reasons["© 2025 Town Gazette. All rights reserved. Privacy Policy. Terms."] == "footer"


def test_reasons_on_benchmark_pages_never_boilerplate(shared_file):
    import gzip

    bench = shared_file("extraction", "scrapinghub-aeb", "html")
    pages = sorted(bench.glob("*.html.gz"))[:12]
    if not pages:
        pytest.skip(f"benchmark data not found at {bench}")
    for page in pages:
        with gzip.open(page, "rt", encoding="utf8") as fh:
            result = clean_html_page(fh.read())
        assert {r.reason for r in result.removed} <= set(REMOVAL_REASONS) - {"boilerplate"}


def test_site_name_is_none_when_the_page_names_no_site():
    article = Article(id="b", raw=BUDGET, source="b.html", outlet="b", format="html")
    assert clean_article(article).site_name is None
