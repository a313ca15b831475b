"""The page-level consensus of extractions, and layout tables read as blocks."""

from __future__ import annotations

from lxml import etree

from analyser.clean.consensus import medoid, overlap, shingles
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
