"""Clean stage: keep the article, remove page furniture, and say what was removed and why.

``clean_article`` dispatches on ``Article.format``: HTML pages go through trafilatura (with
readability-lxml as fallback, see html_page.py); plain-text pages (and stdin) through the
line classifier (text_page.py); Markdown files are authored documents, read into typed
blocks with nothing removed (markdown_doc.py); ``preclean`` articles (corpus rows) are
only split into typed blocks.

A page is an article only when its kept text holds a sentence of prose
(``reasons.has_prose_sentence``): a page of menus, footers or a list of headlines is
refused with :class:`~analyser.errors.NoArticleError`, saying how many blocks were removed
and why.
"""

from __future__ import annotations

import logging

from ..errors import NoArticleError
from ..models import Article, Block, CleanResult, Removed
from .html_page import MAX_HTML_BYTES, clean_html_page
from .markdown_doc import clean_markdown
from .personal_data import REDACTED, redact
from .reasons import has_prose_sentence, line_reason, no_article, positional_reason
from .text_page import clean_text_page, split_preclean

log = logging.getLogger(__name__)

__all__ = [
    "MAX_HTML_BYTES", "NoArticleError", "clean_article", "clean_html_page", "clean_text_page",
    "split_preclean",
]


def clean_article(article: Article) -> CleanResult:
    """Return the article's kept blocks and the removed furniture.

    Raises NoArticleError when the page holds no article: nothing is left, or what is left
    holds no sentence of prose. Its message is the reason alone ("no article text found
    (3 blocks removed: navigation, footer)"), without the source: the caller names the
    input once (``IngestError(source, reason)`` renders "source: reason").

    Contact details never leave this stage: every removed block has its e-mail addresses,
    phone numbers and street addresses redacted, and the kept article its e-mail
    addresses and phone numbers. ``site_name`` is only what the page itself says.
    """
    if article.format == "markdown":
        # Markdown is written, not dumped: every block is the author's (markdown_doc.py)
        result = clean_markdown(article.raw, title=article.title)
    elif article.preclean:
        result = split_preclean(article.raw, title=article.title)
    elif article.format == "html":
        result = clean_html_page(article.raw, url=article.url)
    else:
        result = clean_text_page(article.raw, title=article.title, siblings=article.siblings)
    if not result.blocks and not article.preclean:
        raise no_article(result.removed)
    if article.format in ("html", "text") and not article.preclean \
            and not has_prose_sentence(result.blocks):
        raise no_article(result.removed + [Removed(b.text, _furniture_reason(b.text))
                                           for b in result.blocks])
    result = protect_personal_data(result)
    # What the ingest stage already knew wins over what the page says about itself.
    result.title = article.title or result.title
    result.url = article.url or result.url
    result.published = article.published or result.published
    log.debug("%s: %d blocks kept, %d removed", article.source or article.id,
              len(result.blocks), len(result.removed))
    return result


def protect_personal_data(result: CleanResult) -> CleanResult:
    """Redact contact details: in full in removed blocks, e-mail and phone in kept ones."""
    result.removed = [r if r.text == REDACTED else Removed(redact(r.text), r.reason)
                      for r in result.removed]
    result.blocks = [Block(redact(b.text, addresses=False), b.kind) for b in result.blocks]
    return result


def _furniture_reason(text: str) -> str:
    """Why a kept block of a page with no article is furniture after all."""
    return line_reason(text) or positional_reason(text, "inside")
