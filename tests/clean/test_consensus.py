"""The page-level consensus of extractions, and layout tables read as blocks."""

from __future__ import annotations

from lxml import etree

from analyser.clean.consensus import (
    EXTEND_RATIO,
    PROSE_WORDS,
    extend,
    medoid,
    overlap,
    shingles,
)
from analyser.clean.html_page import _in_page_order
from analyser.clean.xml_blocks import LAYOUT_CELL_CHARS, body_blocks
from analyser.models import Block

ARTICLE = [Block("The council voted on Tuesday to close the old bridge for repairs.", "prose"),
           Block("Work starts in May and should take about six months to finish.", "prose")]
MENU = [Block("Home News Sport Weather Contact us About us Subscribe now today", "prose")]


def test_overlap_of_same_and_of_empty():
    assert overlap(shingles(ARTICLE), shingles(ARTICLE)) == 1.0
    assert overlap(shingles(ARTICLE), shingles([])) == 0.0
    assert 0.0 < overlap(shingles(ARTICLE), shingles(ARTICLE[:1])) < 1.0


def test_medoid_outvotes_the_odd_extraction():
    cut = ARTICLE[:1]  # a precision cut into the article
    assert medoid([cut, ARTICLE, ARTICLE + MENU]) == ARTICLE
    assert medoid([MENU, ARTICLE, ARTICLE]) == ARTICLE


def test_layout_table_cells_become_blocks():
    para = "A long paragraph of the article that sits inside a layout table cell. " * 4
    cell_text = "".join(f"<p>{para}</p>" for _ in range(LAYOUT_CELL_CHARS // len(para) + 1))
    body = etree.fromstring(
        "<body><div><row><cell/><cell><table><row><cell><div><head>Section</head>"
        f"{cell_text}<list><item>first point</item></list></div></cell></row></table>"
        "</cell></row></div></body>")
    blocks = body_blocks(body)
    kinds = [b.kind for b in blocks]
    assert kinds[0] == "heading" and "list_item" in kinds and "table_row" not in kinds
    assert sum(b.kind == "prose" for b in blocks) >= 2


def test_data_table_stays_rows():
    body = etree.fromstring("<body><table><row><cell>Team</cell><cell>Points</cell></row>"
                            "<row><cell><p>Leeds</p></cell><cell>42</cell></row></table></body>")
    assert [b.kind for b in body_blocks(body)] == ["table_row", "table_row"]



def test_text_after_a_block_is_kept_as_prose():
    # a paragraph the page never wrapped in <p> arrives as the heading's tail
    body = etree.fromstring("<body><head>Choosing</head>Text after the heading.<p>Next.</p>"
                            "</body>")
    assert [(b.kind, b.text) for b in body_blocks(body)] == [
        ("heading", "Choosing"), ("prose", "Text after the heading."), ("prose", "Next.")]


def test_blocks_inside_a_paragraph_keep_their_kinds_in_order():
    # recall mode can leave a <p> around the page's unconverted <main>
    body = etree.fromstring(
        "<body><p>Skip <hi>to</hi> content<main><head>Why</head><p>One.</p>"
        "<list><item>first</item><item>second</item></list></main>Tail text.</p></body>")
    assert [(b.kind, b.text) for b in body_blocks(body)] == [
        ("prose", "Skip to content"), ("heading", "Why"), ("prose", "One."),
        ("list_item", "first"), ("list_item", "second"), ("prose", "Tail text.")]

LONG = ("The council said the repairs would cost more than it had planned, and that the "
        "money would come from the reserve it keeps for the town's bridges and roads.")
OTHER = [Block(f"{LONG} Paragraph {k} of the part of the article the first extractor missed.",
               "prose") for k in range(6)]


def test_extend_adds_only_prose_when_the_other_merely_holds_more():
    links = [Block(f"Read more: council news item number {k}", "list_item") for k in range(30)]
    other = ARTICLE + OTHER[:1] + links  # more than EXTEND_RATIO times the text
    assert sum(len(b.text) for b in other) > EXTEND_RATIO * sum(len(b.text) for b in ARTICLE)
    out = extend(ARTICLE, other)
    assert out == ARTICLE + OTHER[:1]  # the long paragraph, not the links
    assert len(OTHER[0].text.split()) >= PROSE_WORDS


def test_extend_merges_a_split_article_whole():
    part = [Block("The bridge closes on Monday.", "prose")]  # not inside the other
    other = OTHER + [Block("Photo: the old bridge at dusk", "prose")]
    assert extend(part, other) == part + other


def test_extend_leaves_an_extraction_as_long_as_the_other():
    assert extend(ARTICLE, ARTICLE + MENU) == ARTICLE
    assert extend(ARTICLE, []) == ARTICLE


def test_added_blocks_go_where_the_page_holds_them():
    a, b, c, d = (Block(t, "prose") for t in ("alpha one", "bravo two", "charlie three",
                                             "delta four"))
    keys = ["alpha one", "bravo two", "charlie three", "delta four"]
    # a and c came from the chosen extraction; d and b were added, d unknown to the page
    unknown = Block("echo five", "prose")
    assert _in_page_order(keys, [a, c, unknown, b], 2) == [a, b, c, unknown]
    assert _in_page_order(keys, [c, a], 2) == [c, a]  # the chosen order is never changed


GAP = Block("The repairs were delayed twice, and the council said that the cost of the work "
            "had risen by a third since the plan was first put to the town. It was", "prose")


def test_fill_gaps_adds_prose_between_kept_blocks_only():
    from analyser.clean.consensus import fill_gaps

    nav = Block("Home News Sport Weather Contact us About us Subscribe now today Sign in "
                "Register Newsletters Podcasts Video Live Events Jobs Puzzles Archive", "prose")
    tail = Block("Comments: we would love to hear what you think of the plan, so please "
                 "leave a comment below and tell us about the bridge in your town.", "prose")
    other = [nav, ARTICLE[0], GAP, nav, ARTICLE[1], tail]
    # the gap paragraph ends mid-sentence (split at a link) and is still added; the menu
    # inside the gap, and the prose after the last kept block, are not
    assert fill_gaps(ARTICLE, other) == ARTICLE + [GAP]


def test_fill_gaps_needs_the_same_article_and_a_short_gap():
    from analyser.clean.consensus import MAX_GAP_BLOCKS, fill_gaps

    elsewhere = [Block(f"{LONG} Another story entirely, number {k}.", "prose") for k in range(3)]
    assert fill_gaps(ARTICLE, elsewhere + [GAP]) == ARTICLE  # does not hold the chosen text
    long_gap = [ARTICLE[0]] + [GAP] * (MAX_GAP_BLOCKS + 1) + [ARTICLE[1]]
    assert fill_gaps(ARTICLE, long_gap) == ARTICLE
    assert fill_gaps(ARTICLE, [ARTICLE[0], GAP, ARTICLE[1]]) == ARTICLE + [GAP]
    assert fill_gaps([], [GAP]) == []


#: Two long paragraphs: the shingles across their join are a small share of the story's.
STORY = [Block(f"{b.text} {GAP.text} {b.text}", "prose") for b in ARTICLE]


def test_fill_list_gaps_adds_any_block_between_kept_blocks_of_a_larger_recall():
    from analyser.clean.consensus import fill_list_gaps

    item = Block("Bring a passport and two recent photos to the office", "list_item")
    share = Block("Share on social media", "prose")  # under LIST_MIN_WORDS: not added
    after = Block("Related: ten more bridges that closed for repairs this year", "list_item")
    recall = [MENU[0], STORY[0], item, share, STORY[1], after, MENU[0], after]
    assert fill_list_gaps(STORY, recall) == STORY + [item]


def test_fill_list_gaps_needs_recall_to_hold_the_article_and_clearly_more():
    from analyser.clean.consensus import LIST_GAP_BLOCKS, fill_list_gaps

    item = Block("Bring a passport and two recent photos to the office", "list_item")
    assert fill_list_gaps(STORY, [STORY[0], item]) == STORY  # not 1.3 times the text
    other = Block(LONG * 3, "prose")
    assert fill_list_gaps(STORY, [STORY[0], item, other]) == STORY  # lacks STORY[1]
    far = [STORY[0]] + [item] * (LIST_GAP_BLOCKS + 1) + [STORY[1]]
    assert fill_list_gaps(STORY, far) == STORY
    assert fill_list_gaps([], [item]) == []
