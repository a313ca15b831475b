"""Inline directives: ignore the next block, off/on regions, code examples are not directives."""

from __future__ import annotations

import pytest

from analyser.review.suppression import parse_directives

MD = """First paragraph, you know.

<!-- analyser: ignore FIL001, HDG -->
Second paragraph, you know,
still the second paragraph.

Third paragraph, you know.

<!-- analyser: off -->
Fourth, you know.

Fifth, you know.
<!-- analyser: on -->
Sixth, you know.

```
<!-- analyser: off -->
```
Seventh, you know.
"""


def test_ignore_covers_the_next_paragraph_only_for_listed_codes():
    s = parse_directives(MD, "markdown")
    second = MD.index("Second")
    still = MD.index("still the")
    assert s.suppresses("FIL001", second) and s.suppresses("FIL001", still)
    assert s.suppresses("HDG007", second)  # a prefix
    assert not s.suppresses("FIL002", second)
    assert not s.suppresses("FIL001", MD.index("Third"))
    assert not s.suppresses("FIL001", MD.index("First"))


def test_off_on_region_covers_everything_between():
    s = parse_directives(MD, "markdown")
    for needle in ("Fourth", "Fifth"):
        assert s.suppresses("FIL001", MD.index(needle))
        assert s.suppresses("INT001", MD.index(needle))
    assert not s.suppresses("FIL001", MD.index("Sixth"))


def test_directives_in_code_are_examples():
    s = parse_directives(MD, "markdown")
    assert not s.suppresses("FIL001", MD.index("Seventh"))


def test_ignore_without_codes_suppresses_all_and_off_runs_to_the_end():
    text = "<!-- analyser: ignore -->\nA, you know.\n\nB.\n<!-- analyser: off FIL -->\nC.\n"
    s = parse_directives(text, "text")
    assert s.suppresses("ANY001", text.index("A,"))
    assert not s.suppresses("ANY001", text.index("B."))
    assert s.suppresses("FIL001", text.index("C."))
    assert not s.suppresses("HDG001", text.index("C."))


def test_html_ignore_covers_the_next_element():
    html = ("<p>One, you know.</p><!-- analyser: ignore FIL --><p>Two,\n\nyou know.</p>"
            "<p>Three, you know.</p>")
    s = parse_directives(html, "html")
    assert s.suppresses("FIL001", html.index("you know.</p><p>Three"))
    assert not s.suppresses("FIL001", html.index("Three"))
    assert not s.suppresses("FIL001", html.index("One"))


def test_malformed_directives_are_reported():
    text = ("<!-- analyser: ignroe FIL -->\nA.\n<!-- analyser: on -->\n"
            "<!-- analyser: ignore fil-1 -->")
    s = parse_directives(text, "markdown")
    messages = [m for _, m in s.problems]
    assert any("unknown analyser directive 'ignroe'" in m for m in messages)
    assert any("without an earlier 'off'" in m for m in messages)
    assert any("not a rule code" in m for m in messages)


def test_unknown_offset_is_never_suppressed():
    assert not parse_directives("<!-- analyser: off -->", "text").suppresses("FIL001", None)


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_ignore_ends_at_a_blank_line_whatever_the_line_endings(newline):
    text = MD.replace("\n", newline)
    s = parse_directives(text, "text")
    assert s.suppresses("FIL001", text.index("still the"))
    assert not s.suppresses("FIL001", text.index("Third"))
