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


def test_menu_only_page_raises_no_article_naming_the_source():
    article = Article(id="m", raw=_page("menu_only.html"), source="menu_only.html",
                      format="html")
    with pytest.raises(NoArticleError, match=r"^menu_only.html: no article text found"):
        clean_article(article)
    assert issubclass(NoArticleError, ValueError)


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
