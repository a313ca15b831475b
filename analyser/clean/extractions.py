"""The extractions of one page that the HTML path combines, each run at most once, on demand.

trafilatura runs in precision, recall and full (default, fallback extractors on) mode from
one parsed tree; readability-lxml reads the page's HTML. Each is computed the first time
it is asked for, so a page where precision and recall agree never pays for readability.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

from ..models import Block
from .readable import readability_blocks
from .xml_blocks import body_blocks


def _safe(fn: Any, tree: Any, **kwargs: Any) -> Any:
    """trafilatura raises on some pathological trees; treat that as "nothing found"."""
    try:
        return fn(tree, **kwargs)
    except (ValueError, TypeError, AttributeError, RecursionError):
        return None


def _text_len(doc: Any) -> int:
    return len(getattr(doc, "raw_text", None) or "") if doc is not None else 0


class Extractions:
    """trafilatura's and readability-lxml's extractions of one page, as typed blocks."""

    def __init__(self, tree: Any, html: str, url: str | None):
        self.tree, self.html = tree, html
        # output_format "txt": trafilatura then skips rendering the body to text (its
        # "python" format does that), which is a tenth of a run; raw_text has the length.
        self.common: dict[str, Any] = dict(url=url, fast=True, include_comments=False,
                                           include_formatting=True, include_tables=True,
                                           output_format="txt")

    def _run(self, **mode: Any) -> tuple[list[Block], int]:
        from trafilatura import bare_extraction

        # bare_extraction copies a tree it is given, so one parse serves every run.
        doc = _safe(bare_extraction, self.tree, **{**self.common, **mode})
        size = _text_len(doc)
        return (body_blocks(doc.body) if size else []), size

    @cached_property
    def precise(self) -> tuple[list[Block], int]:
        """trafilatura's precision extraction and the length of its text."""
        return self._run(favor_precision=True)

    @cached_property
    def recall(self) -> tuple[list[Block], int]:
        """trafilatura's recall extraction and the length of its text."""
        return self._run(favor_recall=True)

    @cached_property
    def full(self) -> list[Block]:
        """trafilatura's default extraction with its own fallback extractors on."""
        return self._run(fast=False)[0]

    @cached_property
    def readable(self) -> list[Block]:
        """readability-lxml's extraction."""
        return readability_blocks(self.html)
