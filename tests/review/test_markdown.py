"""Markdown masking: code, front matter, link targets and comments are never analysed, and
every offset (and line:column) of the masked text is the same place in the original."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from analyser.ingest.markdown import code_spans, mask_markdown

DOC = """---
title: You know, a draft
---
# Heading, you know

Prose with `inline you know` code and a [link text](https://example.com/you-know "title").
Also <https://example.com/basically>, https://example.com/like and ![you know](pic.png).

<!-- a comment, you know -->
```python
x = "you know"
```

~~~
basically
~~~

    indented code, basically

- a list item
    its continuation, plainly

[ref]: https://example.com/actually
See [the ref][ref] and ``code with ` inside`` here.
"""


def test_mask_keeps_length_and_line_breaks():
    masked = mask_markdown(DOC)
    assert len(masked) == len(DOC)
    assert [i for i, c in enumerate(masked) if c == "\n"] == [
        i for i, c in enumerate(DOC) if c == "\n"
    ]


def test_mask_removes_non_prose_and_keeps_prose():
    masked = mask_markdown(DOC)
    for gone in ("title:", "inline you know", "https://", "pic.png", "a comment", 'x = "',
                 "basically", "actually", "code with", "(", "`"):
        assert gone not in masked, gone
    for kept in ("# Heading, you know", "Prose with", "link text", "- a list item",
                 "its continuation", "the ref", "here."):
        assert kept in masked, kept


def test_unclosed_fence_runs_to_the_end():
    text = "Prose.\n\n```\nyou know\nmore code"
    masked = mask_markdown(text)
    assert masked.startswith("Prose.") and "you know" not in masked and "more" not in masked


def test_inline_code_does_not_cross_paragraphs():
    text = "An unmatched ` backtick.\n\nYou know, prose ` here."
    assert mask_markdown(text) == text


def test_code_spans_cover_fences_and_inline_code():
    spans = code_spans("Text `a` b.\n\n```\nx\n```\n")
    assert (5, 8) in spans
    assert any(DOC is not None and a == 13 for a, _ in spans)


def test_front_matter_only_at_the_start():
    text = "Prose first.\n---\nnot: front matter\n---\n"
    assert mask_markdown(text) == text


PIECES = [*"ab `*[]()!<>-#~\n\t:/.h\"", "<!--", "-->", "```", "http://", "    ", "---\n"]


@given(st.lists(st.sampled_from(PIECES), max_size=80).map("".join))
def test_mask_preserves_geometry_for_any_input(text):
    masked = mask_markdown(text)
    assert len(masked) == len(text)
    for a, b in zip(text, masked, strict=True):
        assert b == a or (b == " " and a not in "\r\n")


def test_check_reads_every_markdown_line_lists_and_wrapped_prose_too(tmp_path, capsys):
    from analyser.cli import main

    page = tmp_path / "notes.md"
    page.write_text("# Release notes\n\n"
                    "The team shipped the new importer this week, and it was, you know,\n"
                    "a long job. Tests now run in half the time.\n\n"
                    "- We basically fixed the login bug.\n"
                    "- The export is faster now.\n", encoding="utf-8")
    main(["check", str(page), "--select", "FIL"])
    lines = capsys.readouterr().out.splitlines()
    col = "The team shipped the new importer this week, and it was, you know,".index("you") + 1
    assert f"{page}:3:{col}: FIL001 Filler — delete 'you know'." in lines
    assert f"{page}:6:6: FIL004 Filler — delete 'basically'." in lines
