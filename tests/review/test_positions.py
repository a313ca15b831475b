"""Mapping analysed-text offsets back to line:column of the original file."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from analyser.review.positions import PositionMap, visible_chars


def test_text_page_blocks_map_to_their_lines():
    raw = "Title here\n\n  - First item, you know.\n\nBody text, you know, again.\n"
    text = "Title here\nFirst item, you know.\nBody text, you know, again."
    pm = PositionMap(raw, text, "text")
    start = text.index("you know", text.index("Body"))
    a, b = pm.span(start, start + len("you know"))
    assert (a.line, a.column) == (5, 12)
    assert (b.line, b.column) == (5, 20)
    lines = raw.split("\n")
    assert lines[a.line - 1][a.column - 1:].startswith("you know")
    first = text.index("First")
    assert (pm.span(first, first + 5)[0].line, pm.span(first, first + 5)[0].column) == (3, 5)


def test_repeated_blocks_map_in_order():
    raw = "Same line.\nOther.\nSame line.\n"
    text = "Same line.\nOther.\nSame line."
    pm = PositionMap(raw, text)
    assert pm.span(len(text) - 10, len(text))[0].line == 3


def test_html_entities_and_inline_tags():
    raw = "<html><body>\n<p>It was, <em>you know</em>, Trump&rsquo;s offer.</p>\n</body></html>"
    text = "It was, you know, Trump’s offer."
    pm = PositionMap(raw, text, "html")
    s = text.index("you know")
    a, b = pm.span(s, s + 8)
    assert raw[a.offset:].startswith("you know")
    assert (a.line, b.line) == (2, 2)
    t = text.index("offer")
    assert raw[pm.span(t, t + 5)[0].offset:].startswith("offer")


def test_html_comments_scripts_and_styles_are_invisible():
    visible, offsets = visible_chars("<style>p{}</style><!-- c --><p>Hi &amp; bye</p>", "html")
    assert "p{}" not in visible and " c " not in visible
    assert "Hi & bye" in visible
    assert len(visible) == len(offsets)


def test_unknown_block_gives_none():
    pm = PositionMap("Nothing alike.", "Completely different words here.")
    assert pm.span(0, 5) is None


def test_block_rewritten_by_the_cleaner_still_maps_word_by_word():
    raw = "<p>She said\n<b>no</b> to the offer.</p>"
    text = "She said no to the offer."
    pm = PositionMap(raw, text, "html")
    s = text.index("offer")
    assert raw[pm.span(s, s + 5)[0].offset:].startswith("offer")

LINES = st.lists(st.text(alphabet=st.sampled_from(list("ab c.,-*•\t")), max_size=12),
                 max_size=12)


@given(LINES, st.sampled_from(["\n", "\r\n"]))
def test_every_kept_character_maps_to_itself(lines, newline):
    raw = newline.join(lines)
    kept = [ln.strip() for ln in raw.splitlines() if ln.strip()]
    text = "\n".join(kept)
    pm = PositionMap(raw, text)
    for i, ch in enumerate(text):
        if ch.isspace():
            continue
        off = pm.raw_offset(i)
        assert off is not None and raw[off] == ch
        p = pm.position(off)
        assert raw.split("\n")[p.line - 1][p.column - 1] == ch


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_lines_end_at_lf_crlf_and_lone_cr(newline):
    raw = newline.join(["The plan was approved.", "", "It is, you know, very big.", "",
                        "Third, basically, ends it.", ""])
    text = "The plan was approved.\nIt is, you know, very big.\nThird, basically, ends it."
    pm = PositionMap(raw, text, "text")
    s = text.index("you know")
    a, b = pm.span(s, s + len("you know"))
    assert (a.line, a.column, b.line, b.column) == (3, 8, 3, 16)
    t = text.index("basically")
    assert (pm.span(t, t + 9)[0].line, pm.span(t, t + 9)[0].column) == (5, 8)


def test_check_on_an_old_mac_file_reports_each_line(tmp_path):
    from analyser.review.check import check_paths
    from analyser.settings import Settings

    page = tmp_path / "mac.txt"
    page.write_bytes(b"The plan was basically approved by the council on Tuesday.\r\r"
                     b"It is very important to note that the budget was actually large.\r")
    found = check_paths([str(page)], Settings()).files[0].findings
    assert {(f.code, f.line, f.column) for f in found} >= {
        ("FIL004", 1, 14), ("INT002", 3, 7), ("INT011", 3, 50)}
