"""The HTML path on small hand-written pages: structure, metadata, bad input."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from analyser.clean import NoArticleError, clean_article, clean_html_page
from analyser.models import REMOVAL_REASONS, Article, Block

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
    assert str(info.value) == "no article text found (3 blocks removed: navigation, footer)"
    assert issubclass(NoArticleError, ValueError)


def test_error_line_names_the_input_once(tmp_path):
    from analyser import analyse_paths

    page = tmp_path / "noarticle.html"
    page.write_text(_page("menu_only.html"), encoding="utf-8")
    corpus = analyse_paths([page])
    assert [str(e) for e in corpus.errors] == [
        f"{page}: no article text found (3 blocks removed: navigation, footer)"]


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


def _html(body: str, title: str = "Example Times") -> str:
    return f"<html><head><title>{title}</title></head><body>{body}</body></html>"


MENU = ('<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>'
        '<li><a href="/sport">Sport</a></li><li><a href="/about">About us</a></li></ul></nav>')
HEADLINES = [
    "Government announces new budget plan for schools", "Storm brings flooding to coastal "
    "towns overnight", "Local team wins championship after dramatic final", "Council votes "
    "to expand city bike lane network", "Prices rise again as inflation hits new high",
    "Hospital waiting lists reach record length this winter", "New rail line opens after "
    "years of delays", "Scientists discover rare bird species in national park", "Police "
    "appeal for witnesses after town centre crash", "Farmers warn of poor harvest after dry "
    "summer", "Museum reopens with exhibition of local history", "Students protest against "
    "rising cost of tuition fees", "Mayor promises more affordable homes by next year",
    "Airport expansion plans face fresh legal challenge",
]


@pytest.mark.parametrize("footer", [
    "<p>Copyright 2024 Example Media. All rights reserved.</p>",
    "Example Times is published by Example Media Group in London.",
    "<p>© 2024 Example News Ltd. All rights reserved.</p><p><a href='/privacy'>Privacy "
    "policy</a> · <a href='/terms'>Terms of use</a></p>",
])
def test_menu_and_footer_page_is_no_article(footer):
    page = _html(MENU + f"<footer>{footer}</footer>")
    with pytest.raises(NoArticleError) as info:
        clean_article(Article(id="m", raw=page, format="html"))
    assert str(info.value).startswith("no article text found (")
    assert "navigation" in str(info.value)


@pytest.mark.parametrize("shape", ["list", "teasers"])
def test_section_index_of_headline_links_is_no_article(shape):
    if shape == "list":
        items = "".join(f'<li><a href="/news/{i}">{h}</a> <span>2 May 2024</span></li>'
                        for i, h in enumerate(HEADLINES))
        main = f'<main><h1>News</h1><ul class="stories">{items}</ul></main>'
    else:
        main = "<main><h1>News</h1>" + "".join(
            f'<div class="teaser"><h3><a href="/news/{i}">{h}</a></h3></div>'
            for i, h in enumerate(HEADLINES)) + "</main>"
    assert 100 < sum(len(h.split()) for h in HEADLINES) < 120
    page = _html(MENU + main + "<footer><p>Copyright 2024 Example Media.</p></footer>")
    with pytest.raises(NoArticleError, match=r"^no article text found \(\d+ blocks removed: "):
        clean_article(Article(id="i", raw=page, format="html"))


def test_section_index_as_a_text_page_is_no_article():
    raw = "Home\nNews\nSport\n\nNews\n\n" + "\n".join(HEADLINES) + (
        "\n\nCopyright 2024 Example Media. All rights reserved.\n")
    with pytest.raises(NoArticleError, match=r"blocks removed: .*related links"):
        clean_article(Article(id="t", raw=raw))


def test_one_sentence_is_an_article_and_so_is_unpunctuated_prose():
    one = clean_article(Article(id="s", raw="The council approved the budget on Tuesday.\n"))
    assert one.text == "The council approved the budget on Tuesday."
    run_on = ("the council approved the budget on tuesday after a long debate and the mayor "
              "said the plan would cut waiting lists by next spring")
    assert clean_article(Article(id="r", raw=run_on + "\n")).text == run_on


def test_no_article_message_counts_and_names_the_reasons():
    from analyser.clean.reasons import no_article
    from analyser.models import Removed

    assert str(no_article([])) == "no article text found"
    assert str(no_article([Removed("Home", "navigation")])) == (
        "no article text found (1 block removed: navigation)")
    removed = [Removed("Home", "navigation"), Removed("(c) 2024", "footer"),
               Removed("News", "navigation")]
    assert str(no_article(removed)) == (
        "no article text found (3 blocks removed: navigation, footer)")


ARTICLE_PARAS = [
    "The council approved the new budget on Tuesday after a long debate about school funding.",
    "Opposition members said the plan would leave the poorest families worse off next year.",
    "The mayor said she would publish the full figures before the end of the month.",
]


@pytest.mark.parametrize("depth", [250, 255, 256, 300, 1000, 3000])
def test_deeply_nested_page_keeps_its_text(depth):
    body = ("<div>" * depth + "<h1>Budget approved</h1>"
            + "".join(f"<p>{p} <b>Really</b>, it <a href='#'>was</a>.</p>" for p in ARTICLE_PARAS)
            + "</div>" * depth)
    result = clean_html_page(_html(MENU + body + "<footer>Copyright 2024 Example.</footer>"))
    for p in ARTICLE_PARAS:
        assert f"{p} Really, it was." in [b.text for b in result.blocks]
    assert "Copyright 2024 Example." not in result.text


def test_flatten_deep_unwraps_only_the_deepest_elements():
    from analyser.clean.html_page import flatten_deep

    html = ("<div id=a>" + "<div>" * 5 + "<p>One &amp; <i>two</i></p><p>three"
            "<script>x = '<p>hidden</p>'</script><br></div></div>" + "</div>" * 4)
    flat = flatten_deep(html, depth=3)
    assert flat.startswith("<div id=a><div><div>")
    assert "<i>" not in flat and "script" not in flat and "hidden" not in flat
    assert "One &amp; two" in flat and "three" in flat
    # Paragraph edges below the cut become line breaks, so paragraphs stay apart.
    assert flat.count("<br>") >= 3


def test_prose_paragraph_with_contact_details_is_kept_redacted():
    contact = ("Residents who need help can write to help@council.example.org or call 020 "
               "7946 0958 between nine and five on weekdays, and a caseworker will reply "
               "within two days.")
    page = _html("<article><h1>Council opens help line</h1>"
                 + "".join(f"<p>{p}</p>" for p in (ARTICLE_PARAS[0], contact,
                                                   ARTICLE_PARAS[2])) + "</article>")
    result = clean_article(Article(id="c", raw=page, format="html"))
    assert ("Residents who need help can write to [redacted: e-mail] or call [redacted: "
            "phone] between nine and five on weekdays") in result.text
    assert "help@council" not in result.text and "7946" not in result.text
    assert all(r.reason != "profile" for r in result.removed)


def test_the_public_api_exports_its_errors():
    import subprocess
    import sys

    import analyser
    from analyser import InputError, NoArticleError, analyse_text, errors

    for name in ("InputError", "DecodeError", "EmptyInputError", "NoArticleError",
                 "FetchError", "UnsupportedInputError", "UnreadableInputError", "UsageError",
                 "ConfigError", "RuleError", "InternalError"):
        assert name in analyser.__all__ and getattr(analyser, name) is getattr(errors, name)
    assert NoArticleError is analyser.clean.NoArticleError
    with pytest.raises(NoArticleError, match="^no article text found") as info:
        analyse_text("Home\nNews\nSport\n\nContact us", clean=True)
    assert isinstance(info.value, InputError) and info.value.kind == "no article"
    # Still lazy: importing the package loads neither the errors nor the metric families.
    code = ("import sys, analyser; print('analyser.errors' in sys.modules, "
            "'analyser.analysis' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stdout.split() == ["False", "False"], out.stderr


def test_page_metadata_fields_and_the_markup_author_fallback():
    from lxml import html as lxml_html

    from analyser.clean.page_meta import markup_author, page_metadata

    tree = lxml_html.fromstring(
        '<html><head><title>Bridge &amp; Road Repairs</title>'
        '<meta property="og:site_name" content="@exampletimes"></head><body>'
        '<p class="author">Jane Doe</p><p>Text.</p></body></html>')
    meta = page_metadata(tree, "https://www.example.org/a")
    assert meta.title == "Bridge & Road Repairs"
    assert meta.sitename == "Exampletimes"
    assert meta.author is None and markup_author(tree) == "Jane Doe"
    bare = page_metadata(lxml_html.fromstring("<html><body><p>x</p></body></html>"),
                         "https://www.example.org/a")
    assert bare.sitename == "example.org" and bare.url == "https://www.example.org/a"


def test_a_tiny_extraction_is_replaced_by_the_full_trafilatura_run():
    from trafilatura.utils import load_html

    from analyser.clean.extractions import Extractions
    from analyser.clean.html_page import TINY_PAGE_SHARE, _full_when_tiny

    html = _page("article.html")
    ex = Extractions(load_html(html), html, None)
    page_chars = 10_000
    tiny = [Block("x" * int(TINY_PAGE_SHARE * page_chars / 2))]
    full = _full_when_tiny(ex, tiny, page_chars)
    assert full is not tiny and any(b.text.startswith("The new public library") for b in full)
    enough = [Block("x" * int(TINY_PAGE_SHARE * page_chars))]
    assert _full_when_tiny(ex, enough, page_chars) is enough
