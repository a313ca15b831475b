"""Fetch a web page for analysis: stdlib urllib with a deadline for the whole fetch, http(s)
at every redirect, a size cap and a clear User-Agent. Every failure is a FetchError:
``.url`` and a one-line ``.reason`` (its message is the reason alone; the caller names the
URL once)."""

from __future__ import annotations

import http.client
import re
import time
import urllib.error
import urllib.request
import warnings
from email.message import Message
from urllib.parse import urlparse

from ..errors import FetchError
from ..version import __version__
from .http_deadline import URL_SCHEMES, RedirectRefused, deadline_opener

#: Content types we clean as HTML; anything else (PDF, images, JSON ...) is refused.
HTML_TYPES = ("text/html", "application/xhtml+xml")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([\w-]+)""", re.IGNORECASE)


_LOOKS_HTML = re.compile(rb"^\s*(?:<!doctype\s+html|<html|<head|<body|<!--|<meta|<title|<p\b"
                         rb"|<div|<article)", re.IGNORECASE)


def user_agent() -> str:
    """The User-Agent sent with every request."""
    return f"analyser/{__version__} (+readability analyser)"


def fetch_url(url: str, *, timeout: float = 20, max_bytes: int = 5_000_000) -> tuple[str, str]:
    """Download an HTML page; return (html_text, final_url after redirects).

    ``timeout`` bounds the whole fetch: connecting, every redirect, the headers and the
    body, however slowly a server sends them. Raises FetchError for non-http(s) URLs (at
    every redirect too), connection failures, timeouts, redirect loops, HTTP errors
    (404 ...) and non-HTML content types. A body larger than ``max_bytes`` is cut there,
    with a warning.
    """
    try:
        parts = urlparse(url)
        parts.port  # noqa: B018 — raises ValueError for a port that is not a number
    except ValueError as exc:
        raise FetchError(url, f"invalid URL ({exc})") from None
    if parts.scheme not in URL_SCHEMES:
        raise FetchError(url, "not an http(s) URL")
    if not parts.hostname:
        raise FetchError(url, "invalid URL (no host name)")
    request = urllib.request.Request(url, headers={
        "User-Agent": user_agent(),
        "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1",
    })
    try:
        with deadline_opener(time.monotonic() + timeout).open(request, timeout=timeout) as resp:
            final_url = resp.geturl() or url
            # No Content-Type header means "unknown": the body decides (below).
            headers = resp.headers
            ctype = (headers.get_content_type()
                     if headers is not None and headers.get("Content-Type") else None)
            if ctype is not None and ctype not in HTML_TYPES:
                raise FetchError(url, f"not an HTML page (content type {ctype})")
            data = resp.read(max_bytes + 1)
            charset = _charset(resp.headers, data)
    except FetchError:
        raise
    except (RedirectRefused, OSError, ValueError, http.client.HTTPException) as exc:
        raise FetchError(url, _failure(exc, timeout)) from None
    if len(data) > max_bytes:
        warnings.warn(f"{url}: page larger than {max_bytes:,} bytes; only the first "
                      f"{max_bytes:,} bytes are used", stacklevel=2)
        data = data[:max_bytes]
    if not data.strip():
        raise FetchError(url, "empty response")
    if ctype is None and not looks_like_html(data):
        raise FetchError(url, "not an HTML page (no content type, and the body is not HTML)")
    return data.decode(charset, errors="replace"), final_url


def _failure(exc: Exception, timeout: float) -> str:
    """The one-line reason for what went wrong while fetching."""
    if isinstance(exc, urllib.error.URLError) and isinstance(exc.reason, TimeoutError):
        exc = exc.reason  # connecting timed out
    if isinstance(exc, TimeoutError):
        return f"timed out after {timeout:g} s"
    if isinstance(exc, RedirectRefused):
        return str(exc)
    if isinstance(exc, urllib.error.HTTPError):
        return f"HTTP {exc.code} {_one_line(exc.reason)}"
    if isinstance(exc, urllib.error.URLError):
        return f"cannot connect ({_describe(exc.reason)})"
    return f"{type(exc).__name__}: {_describe(exc)}"


def _one_line(text: object) -> str:
    return " ".join(str(text).split())


def _describe(reason: object) -> str:
    """A failure's reason in one line, never empty: the OS's words for an OSError, else
    its message, else the kind of error ("TimeoutError")."""
    if isinstance(reason, OSError) and reason.strerror:
        return _one_line(reason.strerror)
    return _one_line(reason) or type(reason).__name__


def looks_like_html(data: bytes) -> bool:
    """The start of the body is HTML markup (a doctype, <html>, <head>, a tag ...)."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf")
    return bool(_LOOKS_HTML.match(head))


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
