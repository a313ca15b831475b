"""Markdown files are authored documents: typed blocks from the syntax, nothing removed."""

from __future__ import annotations

from pathlib import Path

from analyser.clean import clean_article
from analyser.clean.markdown_doc import markdown_blocks
from analyser.ingest import iter_articles
from analyser.ingest.markdown import mask_markdown

REPO = Path(__file__).resolve().parents[2]

DOC = """---
title: Draft
---
# Council approves budget

The city council approved the budget on Tuesday
by seven votes to two. The mayor will sign it.

Second heading
--------------

- We basically fixed the roads.
- The export is faster
  than before.

| Item | Cost |
|------|------|
| Roads | $4m |

> A quoted paragraph that spans
> two lines.

```python
print("you know, code is never read")
```
"""


def test_blocks_come_from_the_syntax():
    blocks = markdown_blocks(mask_markdown(DOC))
    assert [(b.kind, b.text) for b in blocks] == [
        ("heading", "Council approves budget"),
        ("prose", "The city council approved the budget on Tuesday by seven votes to two. "
                  "The mayor will sign it."),
        ("heading", "Second heading"),
        ("list_item", "We basically fixed the roads."),
        ("list_item", "The export is faster than before."),
        ("table_row", "Item | Cost"),
        ("table_row", "Roads | $4m"),
        ("prose", "A quoted paragraph that spans two lines."),
    ]


def test_nothing_is_removed_from_a_markdown_file(tmp_path):
    page = tmp_path / "readme.md"
    page.write_text((REPO / "README.md").read_text(encoding="utf-8"), encoding="utf-8")
    (article,) = iter_articles([str(page)])
    cleaned = clean_article(article)
    assert cleaned.removed == []
    # every prose line of the README (outside code) is in the analysed text
    text = " ".join(cleaned.text.split())
    assert "every filler, hedge, weasel attribution" in text
    assert cleaned.blocks[0] == cleaned.blocks[0].__class__("analyser", "heading")
