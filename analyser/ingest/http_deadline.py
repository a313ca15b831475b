"""A urllib opener for one fetch: one deadline for all of it, and http(s) at every hop.

A socket timeout bounds each read, not the fetch: a server that sends a byte every few
seconds never trips it. Here every read from the socket (status line, headers, body, and
those of every redirect) first checks a monotonic clock against the fetch's deadline and
waits at most until then. Redirects are followed only to http and https URLs, each at
most once, and at most :data:`MAX_REDIRECTS` in all.
"""

from __future__ import annotations

import http.client
import io
import string
import time
import urllib.request
from urllib.parse import quote, urljoin, urlparse, urlunparse

#: URL schemes that are fetched, at the first request and at every redirect.
URL_SCHEMES = ("http", "https")
#: Redirects followed in one fetch (as browsers and urllib do, about ten).
MAX_REDIRECTS = 10


class RedirectRefused(Exception):
    """A redirect that is not followed (its message is the reason, one line)."""


def _remaining(deadline: float) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise TimeoutError("the deadline for the fetch has passed")
    return left


class _DeadlineReader(io.RawIOBase):
    """The raw reader under an HTTP response: every read waits no later than the deadline."""

    def __init__(self, sock, deadline: float):
        super().__init__()
        self._sock = sock
        self._raw = sock.makefile("rb", buffering=0)  # keeps the socket open while read
        self._deadline = deadline

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int | None:
        self._sock.settimeout(_remaining(self._deadline))
        return self._raw.readinto(buffer)

    def close(self) -> None:
        self._raw.close()
        super().close()


class _DeadlineSocket:
    """A connected socket whose reading file (``makefile``, all http.client reads through)
    honours the deadline; everything else is the socket's own."""

    def __init__(self, sock, deadline: float):
        self._sock = sock
        self._deadline = deadline

    def makefile(self, mode: str = "rb", *args, **kwargs):
        return io.BufferedReader(_DeadlineReader(self._sock, self._deadline))

    def __getattr__(self, name: str):
        return getattr(self._sock, name)


class _DeadlineConnection:
    """Mixed into http.client's connections: connect by the deadline, then read by it."""

    def __init__(self, *args, deadline: float, **kwargs):
        super().__init__(*args, **kwargs)
        self._deadline = deadline

    def connect(self) -> None:
        self.timeout = _remaining(self._deadline)
        super().connect()  # TCP (and TLS) within the time left
        self.sock = _DeadlineSocket(self.sock, self._deadline)


class _HTTPConnection(_DeadlineConnection, http.client.HTTPConnection):
    pass


class _HTTPSConnection(_DeadlineConnection, http.client.HTTPSConnection):
    pass


class _HTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, deadline: float):
        super().__init__()
        self._deadline = deadline

    def http_open(self, req):
        return self.do_open(_HTTPConnection, req, deadline=self._deadline)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, deadline: float):
        super().__init__()
        self._deadline = deadline

    def https_open(self, req):
        return self.do_open(_HTTPSConnection, req, context=self._context,
                            deadline=self._deadline)


class _Redirects(urllib.request.HTTPRedirectHandler):
    """urllib's redirects, refusing any scheme but http(s) (urllib follows ftp://) and any
    URL met before, and never reading a redirect's body."""

    def http_error_302(self, req, fp, code, msg, headers):
        location = headers.get("location") or headers.get("uri")
        if location is None:
            return None
        parts = urlparse(location)
        if parts.netloc and not parts.path:
            parts = parts._replace(path="/")
        # http.client decodes headers as ISO-8859-1: recover the bytes, percent-encode them
        target = urljoin(req.full_url, quote(urlunparse(parts), encoding="iso-8859-1",
                                             safe=string.punctuation))
        scheme = urlparse(target).scheme.lower()
        fp.close()
        if scheme not in URL_SCHEMES:
            shown = target if len(target) <= 200 else f"{target[:200]}…"
            raise RedirectRefused(f"redirected to {shown}: only http and https URLs are read")
        seen = getattr(req, "redirect_dict", None) or {req.full_url: 1}
        if target in seen:
            raise RedirectRefused(f"redirect loop (back to {target})")
        if len(seen) > MAX_REDIRECTS:
            raise RedirectRefused(f"too many redirects (more than {MAX_REDIRECTS})")
        new = self.redirect_request(req, fp, code, msg, headers, target)
        if new is None:
            return None
        new.redirect_dict = {**seen, target: 1}
        return self.parent.open(new, timeout=req.timeout)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


def deadline_opener(deadline: float) -> urllib.request.OpenerDirector:
    """An opener whose every request, redirect and read ends by ``deadline`` (a
    :func:`time.monotonic` time), and that follows redirects to http(s) URLs only."""
    return urllib.request.build_opener(_HTTPHandler(deadline), _HTTPSHandler(deadline),
                                       _Redirects())
