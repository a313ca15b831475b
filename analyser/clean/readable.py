"""readability-lxml's extraction of a page, as typed blocks.

readability cleans the page with lxml's Cleaner before scoring it; its Cleaner also
rewrites every link to strip ``javascript:`` URLs, close to half of readability's time on a
news page, and nothing that changes the page's text. :class:`_TextDocument` runs the same
cleaning without that step.
"""

from __future__ import annotations

import re
from typing import Any

from ..models import Block

_WS = re.compile(r"\s+")
_cleaner: Any = None
_document: Any = None


def _document_class() -> Any:
    """readability's Document, cleaning the page without the link rewriting (built once,
    on first use: readability is imported only when a page needs it)."""
    global _cleaner, _document
    if _document is None:
        from lxml_html_clean import Cleaner
        from readability import Document
        from readability.cleaners import html_cleaner
        from readability.htmls import build_doc
        from readability.readability import REGEXES

        hidden = REGEXES["displayNoneRe"]

        settings = {k: getattr(html_cleaner, k) for k in (
            "scripts", "comments", "style", "links", "meta", "add_nofollow",
            "page_structure", "processing_instructions", "embedded", "frames", "forms",
            "annoying_tags", "remove_tags", "remove_unknown_tags", "safe_attrs_only")}
        _cleaner = Cleaner(javascript=False, **settings)

        class _TextDocument(Document):  # type: ignore[misc]
            def _parse(self, input: Any) -> Any:
                doc, self.encoding = build_doc(input)
                for elem in doc.xpath("//*[@hidden]"):
                    elem.drop_tree()
                for elem in doc.xpath("//*[@style]"):
                    if hidden.search(elem.get("style")):
                        elem.drop_tree()
                doc = _cleaner.clean_html(doc)
                doc.resolve_base_href(handle_failures=self.handle_failures)
                return doc

        _document = _TextDocument
    return _document


def readability_blocks(html: str) -> list[Block]:
    """Fallback: readability-lxml's summary, split into paragraphs."""
    from lxml import html as lxml_html
    from lxml.etree import LxmlError

    try:
        # readability raises Unparseable (a ValueError) for whatever it cannot read; lxml
        # raises on an empty summary.
        summary = _document_class()(html).summary(html_partial=True)
        root = lxml_html.fromstring(summary)
    except (ValueError, LxmlError):
        return []
    texts = []
    for el in root.iter("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr"):
        t = _WS.sub(" ", el.text_content()).strip()
        if t:
            kind = {"li": "list_item", "tr": "table_row"}.get(el.tag, "prose")
            texts.append(Block(t, "heading" if el.tag.startswith("h") else kind))
    if not texts:
        t = _WS.sub(" ", root.text_content()).strip()
        texts = [Block(t, "prose")] if t else []
    return texts

