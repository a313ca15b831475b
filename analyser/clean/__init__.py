"""Clean stage: keep the article, remove page furniture, and say what was removed and why.

``clean_article`` dispatches on ``Article.format``: HTML pages go through trafilatura (with
readability-lxml as fallback, see html_page.py); text and markdown pages through the line
classifier (text_page.py); ``preclean`` articles are only split into typed blocks.
"""

from __future__ import annotations

from ..models import Article, CleanResult


class NoArticleError(ValueError):
    """The page holds no article text (empty, or only menus and links)."""


# Imported after NoArticleError so the submodules can raise it.
from .blocks import markdown_to_text  # noqa: E402
from .html_page import MAX_HTML_BYTES, clean_html_page  # noqa: E402
from .text_page import clean_text_page, split_preclean  # noqa: E402

__all__ = [
    "MAX_HTML_BYTES", "NoArticleError", "clean_article", "clean_html_page", "clean_text_page",
    "split_preclean",
]


def clean_article(article: Article) -> CleanResult:
    """Return the article's kept blocks and the removed furniture.

    Raises NoArticleError ("<source>: no article text found") when nothing is left.
    """
    try:
        if article.preclean:
            raw = markdown_to_text(article.raw) if article.format == "markdown" else article.raw
            result = split_preclean(raw, title=article.title)
        elif article.format == "html":
            result = clean_html_page(article.raw, url=article.url)
        else:
            raw = markdown_to_text(article.raw) if article.format == "markdown" else article.raw
            result = clean_text_page(raw, title=article.title, siblings=article.siblings)
    except NoArticleError as exc:
        raise NoArticleError(f"{article.source or article.id}: {exc}") from None
    if not result.blocks and not article.preclean:
        raise NoArticleError(f"{article.source or article.id}: no article text found")
    # What the ingest stage already knew wins over what the page says about itself.
    result.title = article.title or result.title
    result.url = article.url or result.url
    result.published = article.published or result.published
    result.site_name = result.site_name or article.outlet or None
    return result
