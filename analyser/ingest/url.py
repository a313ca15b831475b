"""Fetch a web page for analysis: stdlib urllib with a timeout, a size cap and a clear
User-Agent. Every failure is a FetchError with a one-line message naming the URL."""

from __future__ import annotations

import re
import urllib.error
import urllib.request
import warnings
from email.message import Message
from urllib.parse import urlparse

#: Content types we clean as HTML; anything else (PDF, images, JSON ...) is refused.
HTML_TYPES = ("text/html", "application/xhtml+xml")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([\w-]+)""", re.IGNORECASE)


class FetchError(Exception):
    """A URL could not be fetched as an HTML page; the message names the URL and why."""


def user_agent() -> str:
    """The User-Agent sent with every request."""
    try:
        from ..version import __version__
    except ImportError:  # the version module is optional for this stage
        __version__ = "0"
    return f"analyser/{__version__} (+readability analyser)"


def fetch_url(url: str, *, timeout: float = 20, max_bytes: int = 5_000_000) -> tuple[str, str]:
    """Download an HTML page; return (html_text, final_url after redirects).

    Raises FetchError for non-http(s) URLs, connection failures, timeouts, HTTP errors
    (404 ...) and non-HTML content types. A body larger than ``max_bytes`` is cut there,
    with a warning.
    """
    if urlparse(url).scheme not in ("http", "https"):
        raise FetchError(f"{url}: not an http(s) URL")
    request = urllib.request.Request(url, headers={
        "User-Agent": user_agent(),
        "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1",
    })
    try:
        with urllib.request.urlopen(request, timeout=timeout) as resp:
            final_url = resp.geturl() or url
            ctype = resp.headers.get_content_type() if resp.headers else "text/html"
            if ctype not in HTML_TYPES:
                raise FetchError(f"{url}: not an HTML page (content type {ctype})")
            data = resp.read(max_bytes + 1)
            charset = _charset(resp.headers, data)
    except FetchError:
        raise
    except urllib.error.HTTPError as exc:
        raise FetchError(f"{url}: HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, TimeoutError):
            raise FetchError(f"{url}: timed out after {timeout:g} s") from None
        raise FetchError(f"{url}: cannot connect ({exc.reason})") from None
    except TimeoutError:
        raise FetchError(f"{url}: timed out after {timeout:g} s") from None
    except (OSError, ValueError) as exc:
        raise FetchError(f"{url}: {type(exc).__name__}: {exc}".splitlines()[0]) from None
    if len(data) > max_bytes:
        warnings.warn(f"{url}: page larger than {max_bytes:,} bytes; only the first "
                      f"{max_bytes:,} bytes are used", stacklevel=2)
        data = data[:max_bytes]
    if not data.strip():
        raise FetchError(f"{url}: empty response")
    return data.decode(charset, errors="replace"), final_url


def _charset(headers: Message | None, data: bytes) -> str:
    """The charset from the Content-Type header, else a <meta charset>, else UTF-8."""
    name = headers.get_content_charset() if headers else None
    if not name:
        m = _META_CHARSET.search(data[:4096])
        name = m.group(1).decode("ascii", "ignore") if m else "utf-8"
    try:
        "".encode(name)
    except LookupError:
        return "utf-8"
    return name
