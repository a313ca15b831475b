"""An HTML page's title, author, date, site name and canonical URL, from its metadata.

trafilatura's ``extract_metadata`` also reads categories, tags and the licence, and looks
up the URL's domain in the public-suffix list; none of these is used here, and together
they cost more than the fields that are. Its field readers are called directly instead,
in its own order, so that each field means what it means there. Its author search over the
page's markup (``extract_author``, the slowest reader) runs only when asked
(:func:`markup_author`): a byline in the article names the author more surely.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Any

_WS = re.compile(r"\s+")
#: The site name a URL gives when the page names none (trafilatura's rule).
_URL_SITE = re.compile(r"https?://(?:www\.|w[0-9]+\.)?([^/]+)")


@dataclass(frozen=True)
class PageMeta:
    """The page's metadata fields, whitespace-normalised (None when absent)."""

    title: str | None = None
    author: str | None = None
    date: str | None = None
    sitename: str | None = None
    url: str | None = None


def clean(value: str | None) -> str | None:
    """``value`` with HTML entities decoded and runs of whitespace as one space, None when
    empty."""
    value = _WS.sub(" ", html.unescape(value or "")).strip()
    return value or None


def page_metadata(tree: Any, url: str | None) -> PageMeta:
    """The page's metadata from its meta tags, JSON-LD, <title> and htmldate (without its
    slow extensive search); empty when the page's markup breaks a reader."""
    from htmldate import find_date
    from trafilatura.metadata import (
        examine_meta,
        extract_meta_json,
        extract_sitename,
        extract_title,
        extract_url,
    )
    from trafilatura.settings import set_date_params

    try:
        meta = examine_meta(tree)
        if meta.author and " " not in meta.author:  # a handle or a first name alone
            meta.author = None
        try:
            meta = extract_meta_json(tree, meta)
        except (ValueError, TypeError, AttributeError, KeyError, IndexError):
            pass  # a broken JSON-LD block: the meta tags stand
        title = meta.title or extract_title(tree)
        page_url = meta.url or extract_url(tree, url)
        date = find_date(tree, **{**set_date_params(False), "url": page_url})
        sitename = _site_name(meta.sitename or extract_sitename(tree), page_url)
    # AssertionError: htmldate's cleaner asserts on some <svg>/<math> markup; metadata is a
    # nicety, the article text does not depend on it
    except (ValueError, TypeError, AttributeError, AssertionError, KeyError):
        return PageMeta(url=url)
    return PageMeta(title=clean(title), author=clean(meta.author), date=clean(date),
                    sitename=clean(sitename),
                    url=clean(page_url) or url)


def _site_name(name: str | None, url: str | None) -> str | None:
    """trafilatura's site-name rules: a Twitter handle loses its "@", a lower-case name
    that is not a host name is capitalised, and a page naming none takes its URL's host."""
    if name:
        name = name.lstrip("@")
        return name.title() if name and "." not in name and not name[0].isupper() else name
    match = _URL_SITE.match(url or "")
    return match[1] if match else None


def markup_author(tree: Any) -> str | None:
    """trafilatura's author search over the page's markup (bylines, author classes)."""
    from trafilatura.metadata import extract_author

    try:
        return clean(extract_author(tree))
    except (ValueError, TypeError, AttributeError):
        return None
