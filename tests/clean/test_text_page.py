"""The text-page path on small hand-written pages."""

from __future__ import annotations

import pytest

from analyser.clean import NoArticleError, clean_article, clean_text_page
from analyser.clean.blocks import is_byline, is_fact_row, looks_like_heading, split_lines
from analyser.models import Article

STORY = (
    "Harbour Town Opens New Library\n\n"
    "By Mara Quill | March 14, 2025\n\n"
    "The new public library on Quay Street opened its doors on Friday morning, after three "
    "years of building work and a long campaign by residents.\n\n"
    "What the library offers\n\n"
    "Opening hours run from eight in the morning until nine at night on weekdays, which suits "
    "people who work shifts at the port.\n\n"
    "The council paid for most of the work, with the rest raised by a community fund that "
    "collected small donations at markets and fairs.\n"
)


def test_story_blocks_and_title():
    result = clean_text_page(STORY)
    kinds = [(b.kind, b.text[:25]) for b in result.blocks]
    assert kinds == [
        ("heading", "Harbour Town Opens New Li"), ("byline", "By Mara Quill | March 14,"),
        ("prose", "The new public library on"), ("heading", "What the library offers"),
        ("prose", "Opening hours run from ei"), ("prose", "The council paid for most"),
    ]
    assert result.title == "Harbour Town Opens New Library"
    assert result.removed == []


def test_lines_repeated_on_sibling_pages_are_furniture():
    menu = "Weather Sport Culture Travel Money\nSign up for our morning briefing email today\n"
    page = menu + "\n" + STORY
    sibling = menu + "\nSome other story\n\nIts text is different from this one, as it should be."
    article = Article(id="s", raw=page, siblings=(sibling,))
    result = clean_article(article)
    assert "Weather Sport Culture Travel Money" not in result.text
    assert "Sign up for our morning briefing email today" not in result.text
    assert "The new public library on Quay Street" in result.text


def test_share_bar_tags_and_comment_form():
    page = STORY + (
        "\nShare. Facebook Twitter WhatsApp Email\n"
        "Tags: library, harbour, council\n"
        "Local News, Books, Harbour Town, Council, Weekend\n"
        "Leave a Reply\nYour email address will not be published.\n"
    )
    result = clean_text_page(page)
    assert "Facebook" not in result.text and "Tags" not in result.text
    reasons = {r.text: r.reason for r in result.removed}
    assert reasons["Share. Facebook Twitter WhatsApp Email"] == "share bar"
    assert reasons["Local News, Books, Harbour Town, Council, Weekend"] == "navigation"
    assert reasons["Leave a Reply"] == "comment form"


def test_table_of_contents_goes_headings_stay():
    page = STORY.replace(
        "What the library offers\n",
        "What the library offers\n", 1,
    ).replace("By Mara Quill | March 14, 2025\n",
              "By Mara Quill | March 14, 2025\n\nTable of Contents\n"
              "  • What the library offers\n", 1)
    result = clean_text_page(page)
    assert [b.text for b in result.blocks].count("What the library offers") == 1
    assert {r.reason for r in result.removed} == {"navigation"}


def test_line_shapes():
    assert is_byline("By | May 4, 2025")
    assert is_byline("News EditorBy News EditorMay 3, 2025 World 6 Mins Read")
    assert not is_byline("Byzantine walls still stand in the old city, officials said.")
    assert is_fact_row("Date of BirthJune 24, 1962")
    assert looks_like_heading("Who Is Claudia Sheinbaum?")
    assert not looks_like_heading("The council met on Monday.")
    lines = split_lines("  • one item\n\n2) second\nplain")
    assert [(ln.text, ln.bullet) for ln in lines] == [
        ("one item", True), ("second", True), ("plain", False)]


def test_markdown_page():
    raw = ("# Harbour Town Opens New Library\n\n"
           "The new **public** library on Quay Street opened its doors on Friday morning, "
           "after three years of [building work](https://example.org/works) and a long campaign."
           "\n\n## What the library offers\n\n"
           "Opening hours run from eight in the morning until nine at night on weekdays, which "
           "suits people who work shifts at the port and keeps snake_case_names intact.\n\n"
           "| Room | Seats |\n|---|---|\n| Reading room | 60 |\n| Children's room | 25 |\n\n"
           "The council paid for most of the work, with the rest raised by a community fund "
           "that collected small donations.\n")
    result = clean_article(Article(id="md", raw=raw, format="markdown"))
    kinds = {b.text: b.kind for b in result.blocks}
    assert kinds["Harbour Town Opens New Library"] == "heading"
    assert kinds["What the library offers"] == "heading"
    assert kinds["Reading room | 60"] == "table_row"
    assert any("The new public library" in t and "building work and" in t for t in kinds)
    assert "snake_case_names" in result.text


BACKGROUND = ("The library, which opened in 1904, has been a landmark in the town for more than "
              "a century and was rebuilt after a fire in 1952.")
ONE = ("Council votes to close library\n\nThe council voted on Tuesday to close the old library "
       "on Main Street after years of falling visitor numbers.\n\n" + BACKGROUND + "\n\n"
       "Residents said they were sad to see it go, but many admitted they had not visited in "
       "years.\n")
TWO = ("Library campaigners lose appeal\n\nCampaigners who fought to save the town's library "
       "lost their appeal at the High Court on Friday.\n\n" + BACKGROUND + "\n\n"
       "The judge said the council had followed the correct process and dismissed the case "
       "with costs.\n")
BLURB = ("The Town Gazette is an independent newspaper that has served the people of the "
         "harbour and the valley since 1887.")


def test_background_paragraph_shared_by_two_articles_stays():
    for page, other in ((ONE, TWO), (TWO, ONE)):
        result = clean_article(Article(id="s", raw=page, siblings=(other,)))
        assert BACKGROUND in [b.text for b in result.blocks]
        assert result.removed == []


def test_blurb_on_most_pages_goes_even_inside_the_article():
    three = ("Harbour wall repaired\n\nWorkers finished repairing the old harbour wall on "
             "Monday after the winter storms damaged it badly.\n\nPLACE\n\nThe work cost "
             "less than the council had feared when the storms first hit the town.\n")
    pages = [p.replace(BACKGROUND, BACKGROUND + "\n\n" + BLURB) for p in (ONE, TWO)]
    pages.append(three.replace("PLACE", BLURB))
    result = clean_article(Article(id="s", raw=pages[0], siblings=tuple(pages[1:])))
    assert BLURB not in result.text and BACKGROUND in result.text
    # With only one other page holding it, a paragraph inside the article is article text.
    result = clean_article(Article(id="s", raw=pages[0], siblings=(pages[1],)))
    assert BLURB in result.text


def test_blurb_outside_the_article_goes_with_one_other_page():
    pages = [p + "\nShare\n\n" + BLURB + "\n" for p in (ONE, TWO)]
    result = clean_article(Article(id="s", raw=pages[0], siblings=(pages[1],)))
    assert BLURB not in result.text and BACKGROUND in result.text
    assert ("footer" in {r.reason for r in result.removed if r.text == BLURB})


def test_a_copy_of_the_same_story_is_not_furniture():
    copy = "Home\nNews\n\n" + ONE  # the same story with a menu above it
    result = clean_article(Article(id="s", raw=ONE, siblings=(copy, copy)))
    assert [b.text for b in result.blocks][1:] == [ln for ln in ONE.splitlines() if ln][1:]


def test_byline_names_the_author():
    result = clean_text_page(STORY)
    assert result.author == "Mara Quill"
    assert clean_text_page(STORY.replace("By Mara Quill | March 14, 2025\n\n", "")).author is None


def test_markdown_link_leaves_no_runs_of_spaces_and_maps_back():
    from analyser.analysis import analyse_article
    from analyser.ingest.markdown import mask_markdown
    from analyser.review.positions import PositionMap

    raw = ("# Council votes to close library\n\n"
           "The council voted on Tuesday to close the [old library](https://example.com/lib) "
           "on Main Street after years of falling [visitor numbers](https://example.com/v).\n\n"
           "Residents said they were sad to see it go, but many admitted they had not visited "
           "in `years` at all.\n")
    article = Article(id="m", raw=mask_markdown(raw), format="markdown")
    result = clean_article(article)
    assert "close the old library on Main Street" in result.text
    assert "falling visitor numbers." in result.text
    assert "visited in at all." in result.text
    assert "  " not in result.text
    text = analyse_article(article).text
    positions = PositionMap(article.raw, text, "markdown")
    for word in ("Main", "falling", "Residents", "all"):
        offset = positions.raw_offset(text.index(word))
        assert raw[offset:offset + len(word)] == word


class _RejectAll:
    """A line model that reads no line as article text (as a model trained on whole web
    pages may read a page of three lines)."""

    def proba(self, rows: list[list[float]]) -> list[float]:
        return [0.0] * len(rows)


def test_short_page_keeps_its_prose_whatever_the_model_says():
    from analyser.clean.text_passes import SHORT_PAGE_LINES

    page = ("Council approves budget\n\nBy Jane Doe | May 3, 2025\n\n"
            "The city council approved the budget on Tuesday by seven votes to two. "
            "The plan cuts spending on roads and raises money for schools.\n")
    result = clean_text_page(page, model=_RejectAll())  # type: ignore[arg-type]
    assert any(b.kind == "prose" and b.text.startswith("The city council") for b in result.blocks)
    assert result.author == "Jane Doe"
    long_page = page + "".join(f"\nMore news item {k}\n" for k in range(SHORT_PAGE_LINES))
    with pytest.raises(NoArticleError):
        clean_text_page(long_page, model=_RejectAll())  # type: ignore[arg-type]
